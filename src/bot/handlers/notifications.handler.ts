// "meldingen uit" / "meldingen aan": each person decides whether Trede may start a conversation with them
// (the weekly nudge, digest and review reminder). Stored on the person, audited.
import type { TeamRun } from "../../use-cases/send-nudges.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";
import { t as catalogue } from "../../i18n/catalogue/index.ts";

/**
 * demoRunNow (only with the demo municipality, SEED_DEMO): "meldingen nu" runs this week's nudges and digest
 * for the person's own team now, so the Agents Playground shows them; each still goes out once a week.
 */
export function notificationRoutes(options: { demoRunNow?: (teamId: string) => Promise<TeamRun[]> } = {}) {
  return (r: RouteRegistrar) => {
    const demo = options.demoRunNow;
    if (demo)
      r.message(/^\s*(meldingen nu|notifications now)\s*[.!]*\s*$/i, async (turn) => {
        if (!turn.actor.teamId) return void (await turn.context.sendActivity(catalogue(turn.locale).notifications.noTeam));
        const runs = await demo(turn.actor.teamId);
        await turn.context.sendActivity(
          catalogue(turn.locale).notifications.demo(
            runs.reduce((s, x) => s + x.counts.sent, 0),
            runs.reduce((s, x) => s + x.counts.alreadySent, 0),
          ),
        );
      });
    r.message(/^\s*(meldingen|notificaties|notifications)\s+(uit|off)\s*[.!]*\s*$/i, (turn) => choose(turn, true));
    r.message(/^\s*(meldingen|notificaties|notifications)\s+(aan|on)\s*[.!]*\s*$/i, (turn) => choose(turn, false));
  };
}

async function choose(turn: Turn, off: boolean): Promise<void> {
  await turn.deps.store.staff.setNotificationsOff(turn.actor, off);
  await turn.context.sendActivity(off ? catalogue(turn.locale).notifications.off : catalogue(turn.locale).notifications.on);
}

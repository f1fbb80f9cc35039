// "meldingen uit" / "meldingen aan": each person decides whether Trede may start a conversation with them
// (the weekly nudge, digest and review reminder). Stored on the person, audited.
import type { Locale } from "../../i18n/locale.ts";
import type { TeamRun } from "../../use-cases/send-nudges.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";

const text: Record<Locale, { off: string; on: string; demo: (sent: number, already: number) => string; noTeam: string }> = {
  nl: {
    demo: (sent, already) => `Demo: ${sent} ${sent === 1 ? "melding" : "meldingen"} verstuurd${already ? `, ${already} deze week al eerder` : ""}.`,
    noTeam: "Je hoort bij geen team.",
    off: "Meldingen staan uit: Trede stuurt je geen wekelijkse herinneringen of overzichten meer. Typ **meldingen aan** om ze weer te krijgen.",
    on: "Meldingen staan aan: Trede stuurt je één keer per week, op een werkdag tussen 08:00 en 18:00, wat aandacht vraagt. Typ **meldingen uit** om ze uit te zetten.",
  },
  en: {
    demo: (sent, already) => `Demo: ${sent} ${sent === 1 ? "notification" : "notifications"} sent${already ? `, ${already} already sent this week` : ""}.`,
    noTeam: "You are not in a team.",
    off: "Notifications are off: Trede will not send you weekly reminders or overviews. Type **notifications on** to get them again.",
    on: "Notifications are on: once a week, on a working day between 08:00 and 18:00, Trede sends you what needs attention. Type **notifications off** to stop them.",
  },
};

/**
 * demoRunNow (only with the demo municipality, SEED_DEMO): "meldingen nu" runs this week's nudges and digest
 * for the person's own team now, so the Agents Playground shows them; each still goes out once a week.
 */
export function notificationRoutes(options: { demoRunNow?: (teamId: string) => Promise<TeamRun[]> } = {}) {
  return (r: RouteRegistrar) => {
    const demo = options.demoRunNow;
    if (demo)
      r.message(/^\s*(meldingen nu|notifications now)\s*[.!]*\s*$/i, async (turn) => {
        if (!turn.actor.teamId) return void (await turn.context.sendActivity(text[turn.locale].noTeam));
        const runs = await demo(turn.actor.teamId);
        await turn.context.sendActivity(text[turn.locale].demo(runs.reduce((s, x) => s + x.counts.sent, 0), runs.reduce((s, x) => s + x.counts.alreadySent, 0)));
      });
    r.message(/^\s*(meldingen|notificaties|notifications)\s+(uit|off)\s*[.!]*\s*$/i, (turn) => choose(turn, true));
    r.message(/^\s*(meldingen|notificaties|notifications)\s+(aan|on)\s*[.!]*\s*$/i, (turn) => choose(turn, false));
  };
}

async function choose(turn: Turn, off: boolean): Promise<void> {
  await turn.deps.store.staff.setNotificationsOff(turn.actor, off);
  await turn.context.sendActivity(off ? text[turn.locale].off : text[turn.locale].on);
}

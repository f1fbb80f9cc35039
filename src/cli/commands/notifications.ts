// `nudges run --now` and `digest send --now`: the scheduler's jobs, run immediately (for operators and
// tests). The scheduler waits for the team's day and hour and for office hours; --now does not, but every
// message still has its unique key per person and week, so a second run sends nothing twice. Prints counts
// per team, never names.
import type { NotificationTeam } from "../../domain/nudges/ports.ts";
import { isQuietTime } from "../../domain/nudges/schedule.ts";
import { createStore } from "../../storage/store.ts";
import { sendDigest } from "../../use-cases/send-digest.ts";
import { sendNudges, type TeamRun } from "../../use-cases/send-nudges.ts";
import { CliUsageError, type CliCommand, type CliIo, fail } from "../command.ts";
import { withDatabase } from "../with-database.ts";

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function describeRun(kind: string, run: TeamRun): string {
  const c = run.counts;
  const roles = Object.entries(run.byRole)
    .map(([role, n]) => `${role} ${n}`)
    .join(", ");
  return (
    `${kind} ${run.period} team ${run.team}: sent ${c.sent}${roles ? ` (${roles})` : ""}, already sent ${c.alreadySent}, ` +
    `unreachable ${c.unreachable}, notifications off ${c.notificationsOff}, nothing to say ${c.nothingToSay}, failed ${c.failed}\n`
  );
}

async function runNow(kind: "nudges" | "digest", args: string[], io: CliIo, usage: string): Promise<number> {
  if (!args.includes("--now"))
    throw new CliUsageError(
      `usage: npm run trede -- ${usage}\n(the scheduler in the bot sends at each team's day and hour; --now sends immediately)`,
    );
  const teamName = option(args, "--team");
  if (args.includes("--team") && !teamName) throw new CliUsageError(`usage: npm run trede -- ${usage}`);
  const defaultLocale = io.env.DEFAULT_LOCALE === "en" ? "en" : "nl";
  return withDatabase(io, async (db) => {
    const store = createStore(db, { defaultLocale }).notifications;
    let team: NotificationTeam | undefined;
    if (teamName) {
      team = (await store.listTeams({ team: teamName }))[0];
      if (!team) return fail(io, `onbekend team: ${teamName}`);
    }
    const now = new Date();
    if (isQuietTime(now)) io.stderr.write("note: outside office hours (08:00-18:00 Europe/Amsterdam, weekdays); --now sends anyway\n");
    // loaded here, not at the top: botbuilder and teams-ai are seconds of start-up that every other
    // command (classify, import, …) would pay too
    const { createSenderFromEnv } = await import("../../bot/notification-sender.ts");
    const deps = { store, sender: createSenderFromEnv(io.env) };
    const runs = kind === "nudges" ? await sendNudges(deps, { now, team }) : await sendDigest(deps, { now, team });
    for (const run of runs) io.stdout.write(describeRun(kind, run));
    const total = runs.reduce((s, r) => s + r.counts.sent, 0);
    const failed = runs.reduce((s, r) => s + r.counts.failed, 0);
    io.stdout.write(`${kind}: ${total} sent, ${failed} failed\n`);
    return 0;
  });
}

export const nudgesCommand: CliCommand = {
  summary: "nudges run --now [--team <team>]   send the coaches' weekly nudges now",
  run(args, io) {
    if (args[0] !== "run") throw new CliUsageError(`usage: npm run trede -- nudges run --now [--team <team>]`);
    return runNow("nudges", args.slice(1), io, "nudges run --now [--team <team>]");
  },
};

export const digestCommand: CliCommand = {
  summary: "digest send --now [--team <team>]  send the team leads' digest and supervisors' reviews now",
  run(args, io) {
    if (args[0] !== "send") throw new CliUsageError(`usage: npm run trede -- digest send --now [--team <team>]`);
    return runNow("digest", args.slice(1), io, "digest send --now [--team <team>]");
  },
};

// Administrator commands (data-subject rights, audit, team settings). Whoever can run these has shell
// access to the server; every use is audited with the operator's name.
import { writeFileSync } from "node:fs";
import { auditTrailForClient, eraseClient, exportClient, TeamSettingError, updateTeamSettings } from "../../storage/admin/data-subject.ts";
import { parseTeamNotificationOptions, WEEKDAY_LABELS } from "./team-notification-options.ts";
import { CliUsageError, type CliCommand } from "../command.ts";
import { withDatabase as withDb } from "../with-database.ts";
const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

export const clientCommand: CliCommand = {
  summary: "client export <key> [out.json] | client erase <key> [--force] | client audit <key>",
  async run(args, io) {
    const [action, key, out] = args;
    const operator = io.env.USER || "cli";
    if (!key || !["export", "erase", "audit"].includes(action)) throw new CliUsageError(`usage: npm run trede -- ${this.summary}`);
    return withDb(io, async (db) => {
      if (action === "export") {
        const data = await exportClient(db.prisma, { externalKey: key, operator });
        if (!data) return (io.stderr.write(`onbekende klant: ${key}\n`), 1);
        const json = `${JSON.stringify(data, null, 2)}\n`;
        if (out && !out.startsWith("--")) writeFileSync(out, json);
        else io.stdout.write(json);
        return 0;
      }
      if (action === "audit") {
        const events = await auditTrailForClient(db.prisma, { externalKey: key, operator });
        if (!events) return (io.stderr.write(`onbekende klant: ${key}\n`), 1);
        for (const e of events) io.stdout.write(`${e.at}  ${e.who}  ${e.action}  ${JSON.stringify(e.details)}\n`);
        return 0;
      }
      const r = await eraseClient(db.prisma, { externalKey: key, operator, now: new Date(), force: args.includes("--force") });
      if (r.outcome === "not_found") return (io.stderr.write(`onbekende of al geanonimiseerde klant: ${key}\n`), 1);
      if (r.outcome === "retention") {
        io.stderr.write(
          r.closedAt
            ? `de bewaartermijn loopt tot ${r.until!.toISOString().slice(0, 10)}; gebruik --force alleen met een besluit (bijv. een gegrond verzoek)\n`
            : "de klant is nog actief; sluit het dossier eerst of gebruik --force met een besluit\n",
        );
        return 1;
      }
      io.stdout.write(`klant ${key} is geanonimiseerd; geaggregeerde historie is bewaard\n`);
      return 0;
    });
  },
};

export const teamCommand: CliCommand = {
  summary:
    'team set <name> [--review override,jump|always|never] [--domains a,b,...] [--reason "..."] [--notes-to-model yes|no] [--target 90] [--nudge-day ma] [--digest-day ma] [--hour 9]',
  async run(args, io) {
    const [action, name] = args;
    if (action !== "set" || !name) throw new CliUsageError(`usage: npm run trede -- ${this.summary}`);
    const review = option(args, "--review");
    const domains = option(args, "--domains");
    const notes = option(args, "--notes-to-model");
    const notifications = parseTeamNotificationOptions((name) => option(args, name));
    try {
      const team = await withDb(io, (db) =>
        updateTeamSettings(db.prisma, {
          team: name,
          operator: io.env.USER || "cli",
          reviewTriggers: review === undefined ? undefined : review === "never" ? [] : review.split(","),
          domains: domains?.split(",").map((d) => d.trim()).filter(Boolean),
          reason: option(args, "--reason"),
          allowNotesToModel: notes === undefined ? undefined : notes === "yes" || notes === "true",
          notifications,
        }),
      );
      io.stdout.write(`team ${team.name}: review ${team.reviewTriggers.join(",") || "never"}; domains ${team.domainsInScope.join(",")}; notes to model ${team.allowNotesToModel ? "yes" : "no"}\n`);
      io.stdout.write(
        `  in beeld target ${team.inViewTarget}%; nudges ${WEEKDAY_LABELS[team.nudgeWeekday]} and digest ${WEEKDAY_LABELS[team.digestWeekday]} from ${String(team.sendHour).padStart(2, "0")}:00 Europe/Amsterdam\n`,
      );
      return 0;
    } catch (e) {
      if (e instanceof TeamSettingError) throw new CliUsageError(e.message);
      throw e;
    }
  },
};

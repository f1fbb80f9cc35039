// Administrator commands (data-subject rights, audit, team settings). Whoever can run these has shell
// access to the server; every use is audited with the operator's name.
import { writeFileSync } from "node:fs";
import { loadLadderProfiles } from "../../config/ladder-profiles.ts";
import { changeTeamSettings } from "../../use-cases/change-team-settings.ts";
import { eraseClient } from "../../use-cases/erase-client.ts";
import { exportClientData, readClientAuditTrail } from "../../use-cases/export-data.ts";
import { parseTeamNotificationOptions, WEEKDAY_LABELS } from "./team-notification-options.ts";
import { CliUsageError, type CliCommand, fail } from "../command.ts";
import { withStore } from "../with-database.ts";
const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

export const clientCommand: CliCommand = {
  summary: "client export <key> [out.json] | client erase <key> [--force] | client audit <key>",
  async run(args, io) {
    const [action, key, out] = args;
    const operator = { name: io.env.USER || "cli" };
    if (!key || !["export", "erase", "audit"].includes(action)) throw new CliUsageError(`usage: npm run trede -- ${this.summary}`);
    return withStore(io, async (store) => {
      if (action === "export") {
        const r = await exportClientData(store, operator, { externalKey: key });
        if (r.outcome === "not_found") return fail(io, `onbekende klant: ${key}`);
        const json = `${JSON.stringify(r.data, null, 2)}\n`;
        if (out && !out.startsWith("--")) writeFileSync(out, json);
        else io.stdout.write(json);
        return 0;
      }
      if (action === "audit") {
        const r = await readClientAuditTrail(store, operator, { externalKey: key });
        if (r.outcome === "not_found") return fail(io, `onbekende klant: ${key}`);
        for (const e of r.events) io.stdout.write(`${e.at}  ${e.who}  ${e.action}  ${JSON.stringify(e.details)}\n`);
        return 0;
      }
      const r = await eraseClient(store, operator, {
        externalKey: key,
        now: new Date(),
        force: args.includes("--force"),
      });
      if (r.outcome === "not_found") return fail(io, `onbekende of al geanonimiseerde klant: ${key}`);
      if (r.outcome === "retention")
        return fail(
          io,
          r.closedAt
            ? `de bewaartermijn loopt tot ${r.until!.toISOString().slice(0, 10)}; gebruik --force alleen met een besluit (bijv. een gegrond verzoek)`
            : "de klant is nog actief; sluit het dossier eerst of gebruik --force met een besluit",
        );
      io.stdout.write(`klant ${key} is geanonimiseerd; geaggregeerde historie is bewaard\n`);
      return 0;
    });
  },
};

export const teamCommand: CliCommand = {
  summary:
    'team set <name> [--ladder <profile>] [--review override,jump|always|never] [--domains a,b,...] [--reason "..."] [--notes-to-model yes|no] [--target 90] [--nudge-day ma] [--digest-day ma] [--hour 9]',
  async run(args, io) {
    const [action, name] = args;
    if (action !== "set" || !name) throw new CliUsageError(`usage: npm run trede -- ${this.summary}`);
    const review = option(args, "--review");
    const domains = option(args, "--domains");
    const notes = option(args, "--notes-to-model");
    const notifications = parseTeamNotificationOptions((name) => option(args, name));
    const profileIds = loadLadderProfiles().all.map((p) => p.id);
    const result = await withStore(io, (store) =>
      changeTeamSettings(
        store,
        { name: io.env.USER || "cli" },
        {
          team: name,
          settings: {
            ladderProfileId: option(args, "--ladder"),
            reviewTriggers: review === undefined ? undefined : review === "never" ? [] : review.split(","),
            domains: domains
              ?.split(",")
              .map((d) => d.trim())
              .filter(Boolean),
            reason: option(args, "--reason"),
            allowNotesToModel: notes === undefined ? undefined : notes === "yes" || notes === "true",
            notifications,
          },
        },
        { profileIds },
      ),
    );
    if (result.outcome === "unknown_team") throw new CliUsageError(`unknown team "${name}"`);
    if (result.outcome === "invalid") throw new CliUsageError(result.message);
    const { team } = result;
    io.stdout.write(
      `team ${team.name}: ladder ${team.ladderProfileId}; review ${team.reviewTriggers.join(",") || "never"}; domains ${team.domainsInScope.join(",")}; notes to model ${team.allowNotesToModel ? "yes" : "no"}\n`,
    );
    io.stdout.write(
      `  in beeld target ${team.inViewTarget}%; nudges ${WEEKDAY_LABELS[team.nudgeWeekday]} and digest ${WEEKDAY_LABELS[team.digestWeekday]} from ${String(team.sendHour).padStart(2, "0")}:00 Europe/Amsterdam\n`,
    );
    return 0;
  },
};

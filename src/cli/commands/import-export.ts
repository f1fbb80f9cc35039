// npm run trede -- import clients|staff <file.csv> [--dry-run] [--skip-invalid] [--close-missing] [--create-teams] [--lang en]
// npm run trede -- export classifications <out.csv> [--team X] [--from date] [--to date] [--all-versions] [--with-names] [--delimiter ,]
import { readFileSync, writeFileSync } from "node:fs";
import { describeProblem } from "../../domain/import/import-rows.ts";
import type { Locale } from "../../domain/localized.ts";
import type { ImportReport } from "../../domain/import/ports.ts";
import { exportClassifications } from "../../use-cases/export-data.ts";
import { importRecords } from "../../use-cases/import-records.ts";
import { CliUsageError, type CliCommand, type CliIo } from "../command.ts";
import { withStore } from "../with-database.ts";
import { t } from "../../i18n/catalogue/index.ts";

function flags(args: string[]) {
  const positional: string[] = [];
  const named = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) positional.push(a);
    else if (["--team", "--from", "--to", "--lang", "--delimiter", "--tenant"].includes(a)) named.set(a, args[++i] ?? "");
    else named.set(a, true);
  }
  return { positional, named };
}

/** dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj or jjjj-mm-dd */
export function parseDutchDate(value: string): Date | null {
  const nl = value.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/);
  const iso = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const [y, m, d] = nl ? [nl[3], nl[2], nl[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 ? date : null;
}

function progress(io: CliIo) {
  const tty = (io.stderr as NodeJS.WriteStream).isTTY;
  let last = -1;
  return (done: number, total: number) => {
    const pct = Math.floor((done / Math.max(1, total)) * 100);
    if (pct === last) return;
    last = pct;
    if (tty)
      io.stderr.write(`\r[${"#".repeat(Math.floor(pct / 5)).padEnd(20, ".")}] ${pct}% (${done}/${total})${done === total ? "\n" : ""}`);
    else if (pct % 25 === 0) io.stderr.write(`${pct}% (${done}/${total})\n`);
  };
}

function printReport(io: CliIo, report: ImportReport, locale: Locale, dryRun: boolean) {
  const w = t(locale).importReport;
  for (const p of report.problems.slice(0, 200)) io.stderr.write(`${describeProblem(p, locale)}\n`);
  if (report.problems.length > 200) io.stderr.write(`... ${report.problems.length - 200} ${w.more}\n`);
  const what = w.counts(report);
  if (dryRun) io.stdout.write(`${w.dryRun}: ${what}\n`);
  else if (!report.written) io.stdout.write(`${w.notWritten}. ${what}\n`);
  else io.stdout.write(`${w.imported}: ${what}${report.createdTeams.length ? `; ${w.newTeams}: ${report.createdTeams.join(", ")}` : ""}\n`);
}

export const importCommand: CliCommand = {
  summary: "import clients|staff <file.csv> [--dry-run] [--skip-invalid] [--close-missing] [--create-teams] [--lang en]",
  async run(args, io) {
    const { positional, named } = flags(args);
    const [kind, file] = positional;
    if ((kind !== "clients" && kind !== "staff") || !file) throw new CliUsageError(`usage: npm run trede -- ${this.summary}`);
    const locale: Locale = named.get("--lang") === "en" ? "en" : "nl";
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new CliUsageError(t(locale).importReport.cannotRead(file));
    }
    const options = {
      dryRun: named.has("--dry-run"),
      skipInvalid: named.has("--skip-invalid"),
      closeMissing: named.has("--close-missing"),
      createTeams: named.has("--create-teams"),
      onProgress: progress(io),
    };
    const operator = { name: io.env.USER || "cli" };
    const { report } = await withStore(io, (store) =>
      importRecords(
        store,
        operator,
        kind === "clients"
          ? { kind, text, options }
          : { kind, text, options, tenantId: String(named.get("--tenant") || io.env.MICROSOFT_APP_TENANT_ID || "") },
      ),
    );
    printReport(io, report, locale, options.dryRun);
    return report.problems.length && !options.skipInvalid ? 1 : 0;
  },
};

export const exportCommand: CliCommand = {
  summary: "export classifications <out.csv> [--team X] [--from date] [--to date] [--all-versions] [--with-names] [--delimiter ,]",
  async run(args, io) {
    const { positional, named } = flags(args);
    const [what, out] = positional;
    if (what !== "classifications" || !out) throw new CliUsageError(`usage: npm run trede -- ${this.summary}`);
    const date = (flag: string) => {
      const v = named.get(flag);
      if (v === undefined) return undefined;
      const d = parseDutchDate(String(v));
      if (!d) throw new CliUsageError(`${flag}: "${v}" is geen datum (dd-mm-jjjj of jjjj-mm-dd)`);
      return d;
    };
    const result = await withStore(io, (store) =>
      exportClassifications(
        store,
        { name: io.env.USER || "cli" },
        {
          team: named.has("--team") ? String(named.get("--team")) : undefined,
          from: date("--from"),
          to: date("--to"),
          allVersions: named.has("--all-versions"),
          withNames: named.has("--with-names"),
          delimiter: named.get("--delimiter") === "," ? "," : ";",
        },
      ),
    );
    writeFileSync(out, result.csv);
    io.stdout.write(`${result.rows} rows written to ${out}\n`);
    return 0;
  },
};

// A caseload list as CSV for the asker's own use (issue 18 pt 4): the same members as the answer, in the
// same order, one row each. Excel opens it directly: UTF-8 with a byte order mark, ";" between cells in
// Dutch (the Dutch list separator), "," in English. A cell that a spreadsheet would read as a formula
// (starting with = + - @, or a tab or carriage return) gets a leading apostrophe, so a client named
// "=HYPERLINK(...)" stays text (csvCell, shared with the reporting export). Dates are ISO (2026-02-20),
// which every spreadsheet reads as a date.
import { csvCell } from "../text/csv.ts";
import type { ClientLine } from "./caseload-result.ts";
import { t } from "../../i18n/catalogue/index.ts";

/** What the CSV shows of a list line; the review list adds when it started waiting. */
export type CsvClientLine = Pick<
  ClientLine,
  "externalKey" | "displayName" | "wijk" | "rung" | "substep" | "expectedRung" | "coachName" | "lastContactAt"
> & {
  confirmedAt?: Date;
};

const isoDay = (d: Date) => new Date(d).toISOString().slice(0, 10);

export function caseloadCsv(lines: readonly CsvClientLine[], locale: "nl" | "en"): string {
  const separator = locale === "nl" ? ";" : ",";
  const waiting = lines.some((l) => l.confirmedAt);
  const header = t(locale).csv.headers.slice(0, waiting ? 9 : 8);
  const rows = lines.map((l) => [
    l.externalKey,
    l.displayName,
    l.wijk,
    String(l.rung),
    l.substep === null ? "" : String(l.substep),
    l.expectedRung === null ? "" : String(l.expectedRung),
    l.coachName ?? "",
    l.lastContactAt ? isoDay(l.lastContactAt) : "",
    ...(waiting ? [l.confirmedAt ? isoDay(l.confirmedAt) : ""] : []),
  ]);
  const body = [header, ...rows].map((cells) => cells.map((c) => csvCell(c, separator)).join(separator)).join("\r\n");
  return `\uFEFF${body}\r\n`;
}

/** "trede-klanten-2026-11-22.csv": no names, only the date. */
export function csvFileName(today: Date, locale: "nl" | "en"): string {
  return `${t(locale).csv.fileName}-${isoDay(today)}.csv`;
}

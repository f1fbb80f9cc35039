// The CSV export (issue 18 pt 4) opened in a spreadsheet: no cell is evaluated as a formula, separators
// and quotes inside names stay inside their cell, and Excel reads the file as UTF-8.
import { describe, expect, it } from "vitest";
import { caseloadCsv } from "../../../src/domain/caseload/caseload-csv.ts";
import { csvSafe } from "../../../src/domain/text/csv.ts";

const line = (displayName: string, extra: Partial<Parameters<typeof caseloadCsv>[0][number]> = {}) => ({
  externalKey: "GR-100001",
  displayName,
  wijk: "Beijum",
  rung: 3,
  substep: 1,
  expectedRung: null,
  coachName: "Sanne de Vries",
  lastContactAt: new Date("2026-02-20T09:00:00Z"),
  ...extra,
});

/** Splits CSV the way a spreadsheet does: quoted cells may hold the separator, quotes and line breaks. */
function parse(csv: string, separator: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      rows.at(-1)!.push(cell);
      cell = "";
    } else if (ch === "\r" && csv[i + 1] === "\n") {
      rows.at(-1)!.push(cell);
      cell = "";
      rows.push([]);
      i++;
    } else cell += ch;
  }
  if (rows.at(-1)!.length === 0 && cell === "") rows.pop();
  return rows;
}

describe("caseload CSV", () => {
  it.each(['=HYPERLINK("http://evil.example";"klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tTab", "\rCR"])("keeps %j as text", (name) => {
    const rows = parse(caseloadCsv([line(name)], "nl").slice(1), ";");
    expect(rows[1][1]).toBe(`'${name}`);
    expect(rows[1][1]).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("keeps separators, quotes and line breaks inside their cell and leaves ordinary names alone", () => {
    const names = ['Jansen; "Anna"', "de Vries,\nPiet", "Bakker, Mohamed"];
    for (const locale of ["nl", "en"] as const) {
      const csv = caseloadCsv(
        names.map((n) => line(n)),
        locale,
      );
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const rows = parse(csv.slice(1), locale === "nl" ? ";" : ",");
      expect(rows.length).toBe(4);
      expect(rows.map((r) => r.length)).toEqual([8, 8, 8, 8]);
      expect(rows.slice(1).map((r) => r[1])).toEqual(names);
    }
    expect(csvSafe("Jansen, Anna")).toBe("Jansen, Anna");
  });

  it("writes dates as ISO days, empty cells for what is unknown, and the waiting date for the review list", () => {
    const rows = parse(
      caseloadCsv(
        [line("A", { lastContactAt: null, substep: null }), line("B", { confirmedAt: new Date("2026-11-20T08:00:00Z") })],
        "en",
      ).slice(1),
      ",",
    );
    expect(rows[0]).toEqual([
      "Client number",
      "Name",
      "Neighbourhood",
      "Rung",
      "Substep",
      "Expected rung",
      "Coach",
      "Last contact",
      "Waiting since",
    ]);
    expect(rows[1]).toEqual(["GR-100001", "A", "Beijum", "3", "", "", "Sanne de Vries", "", ""]);
    expect(rows[2].slice(-2)).toEqual(["2026-02-20", "2026-11-20"]);
  });
});

// A name that reads differently than it is (U+202E) or two names that look the same but differ
// (U+200B) must not enter Trede from the municipality's files: the import refuses the row and says
// where (line, column) and what, in Dutch or English. Visible text, however odd, is a name like any other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeProblem } from "../../src/domain/import/import-rows.ts";
import { importClients, importStaff } from "../../src/storage/import/import-csv.ts";
import { TEST_TENANT } from "../support/bot-harness.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const options = { operator: "test", today: new Date("2026-11-22T00:00:00Z") };
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

const refused = [
  ...["\u202A", "\u202B", "\u202C", "\u202D", "\u202E"], // bidi embeddings and overrides
  ...["\u2066", "\u2067", "\u2068", "\u2069"], // bidi isolates
  ...["\u200B", "\u200C", "\u200D", "\u200E", "\u200F"], // zero-width space, (non-)joiner, LRM, RLM
  "\uFEFF", // byte order mark inside a value
  ...["\u0000", "\u0001", "\u0007", "\u0008", "\u001B", "\u007F"], // C0 controls and DEL
  ...["\u0085", "\u009B"], // C1 controls
  "\t", // a tab inside a name
  "\n", // a line break inside a quoted name
];

const header = "Klantnummer;Naam;Geboortedatum;Wijk;Team;Coach";
const csv = (rows: string[]) => `${header}\n${rows.join("\n")}\n`;
const quoted = (v: string) => `"${v}"`;

describe.each(backends)("import refuses invisible and control characters on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.open();
    await createTeamWithStaff(db.prisma, "Noord");
  });
  afterAll(async () => db?.close());

  it("refuses every bidi, zero-width and control character in a name, with line, column and reason", async () => {
    // one row per character, in the middle of the name (a leading or trailing one could be trimmed)
    const rows = refused.map((c, i) => `GR-90${String(i).padStart(2, "0")};${quoted(`Jan${c}sen`)};1980;Selwerd;Noord;`);
    const report = await importClients(db.prisma, csv(rows), options);
    expect(report.written).toBe(false);
    expect(await db.prisma.client.count({ where: { externalKey: { startsWith: "GR-90" } } })).toBe(0);
    // a quoted line break makes that record span two lines: find each row's problem by its reason
    for (const c of refused) {
      const problem = report.problems.find((p) => p.column === "displayName" && p.reason === `invisible_character:${hex(c)}`);
      expect(problem, `no problem reported for ${hex(c)}`).toBeDefined();
      expect(describeProblem(problem!, "nl")).toMatch(
        new RegExp(`^regel \\d+, kolom displayName: bevat een onzichtbaar teken of stuurteken \\(${hex(c).replace("+", "\\+")}\\)`),
      );
      expect(describeProblem(problem!, "en")).toMatch(/^line \d+, column displayName: contains an invisible or control character/);
    }
    expect(report.problems.filter((p) => p.reason.startsWith("invisible_character"))).toHaveLength(refused.length);
  });

  it("names the line of the offending row and checks wijk, team and coach too", async () => {
    const report = await importClients(
      db.prisma,
      csv([
        "GR-9101;Anna Jansen;1980;Selwerd;Noord;",
        "GR-9102;Piet\u202Egnp.exe;1980;Selwerd;Noord;",
        "GR-9103;Fatima;1980;Sel\u200Bwerd;Noord;",
        "GR-9104;Kees;1980;Selwerd;No\u2066ord;",
        "GR-9105;Els;1980;Selwerd;Noord;Coach\u00A0Noord\u200E",
      ]),
      options,
    );
    expect(report.problems.map((p) => describeProblem(p, "nl"))).toEqual([
      "regel 3, kolom displayName: bevat een onzichtbaar teken of stuurteken (U+202E); haal het weg in het bronbestand",
      "regel 4, kolom wijk: bevat een onzichtbaar teken of stuurteken (U+200B); haal het weg in het bronbestand",
      "regel 5, kolom team: bevat een onzichtbaar teken of stuurteken (U+2066); haal het weg in het bronbestand",
      "regel 6, kolom coach: bevat een onzichtbaar teken of stuurteken (U+200E); haal het weg in het bronbestand",
    ]);
    expect(report.written).toBe(false);
    // with --skip-invalid only the clean row is imported
    const skipped = await importClients(
      db.prisma,
      csv(["GR-9101;Anna Jansen;1980;Selwerd;Noord;", "GR-9102;Piet\u202Egnp.exe;1980;Selwerd;Noord;"]),
      { ...options, skipInvalid: true },
    );
    expect(skipped).toMatchObject({ created: 1, skipped: 1, written: true });
    expect(await db.prisma.client.findUnique({ where: { externalKey: "GR-9102" } })).toBeNull();
  });

  it("accepts visible text however odd: template syntax, markdown, HTML, accents, emoji (also joined ones)", async () => {
    const names = [
      "${labels.approve}",
      "[Klik voor dossier](https://evil.example/phish)",
      "<script>alert(1)</script>",
      'Zoë O\'Brien-Ça\\ "x"',
      "Anna 👩‍💻 🇳🇱",
    ];
    const report = await importClients(
      db.prisma,
      csv(names.map((n, i) => `GR-92${i};${quoted(n.replaceAll('"', '""'))};1980;Selwerd;Noord;`)),
      options,
    );
    expect(report.problems).toEqual([]);
    const stored = await db.prisma.client.findMany({
      where: { externalKey: { startsWith: "GR-92" } },
      orderBy: { externalKey: "asc" },
    });
    expect(stored.map((c) => c.displayName)).toEqual(names);
  });

  it("refuses the same characters in staff names and teams", async () => {
    const staff = [
      "Entra object id;Naam;Rol;Team",
      "0f8fad5b-d9cb-469f-a165-70867728950e;Sanne\u202EJansen;coach;Noord",
      "7c9e6679-7425-40de-944b-e07fc1f90ae7;Piet Bos;werkbegeleider;No\uFEFFord",
      "16fd2706-8baf-433b-82eb-8c7fada847da;Ali\u0007 Demir;coach;Noord",
    ].join("\n");
    const report = await importStaff(db.prisma, staff, { ...options, tenantId: TEST_TENANT, createTeams: true });
    expect(report.problems.map((p) => describeProblem(p, "en"))).toEqual([
      "line 2, column displayName: contains an invisible or control character (U+202E); remove it in the source file",
      "line 3, column team: contains an invisible or control character (U+FEFF); remove it in the source file",
      "line 4, column displayName: contains an invisible or control character (U+0007); remove it in the source file",
    ]);
    expect(report.written).toBe(false);
    expect(await db.prisma.staff.count({ where: { aadObjectId: "0f8fad5b-d9cb-469f-a165-70867728950e" } })).toBe(0);
  });
});

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportClassifications } from "../../src/storage/export/export-classifications.ts";
import { importClients, importStaff } from "../../src/storage/import/import-csv.ts";
import { describeProblem } from "../../src/domain/import/import-rows.ts";
import { runCliInProcess } from "../support/cli.ts";
import { backends, migratedPgliteUrl, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";
import { TEST_TENANT } from "../support/bot-harness.ts";

const fixture = (name: string) => readFileSync(path.join("test/fixtures/import", name), "utf8");
const options = { operator: "test", today: new Date("2026-11-22T00:00:00Z") };

describe.each(backends)("caseload import and export on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.open();
    await createTeamWithStaff(db.prisma, "Noord");
  });
  afterAll(async () => db?.close());

  it("imports an Excel-style semicolon file with BOM, quoted separators and empty lines", async () => {
    const report = await importClients(db.prisma, fixture("clients-excel.csv"), options);
    expect(report).toMatchObject({ rows: 3, created: 3, updated: 0, problems: [], written: true });
    const anna = await db.prisma.client.findUniqueOrThrow({
      where: { externalKey: "GR-2001" },
      include: { coach: true },
    });
    expect(anna).toMatchObject({ displayName: "Jansen; Anna", birthYear: 1980, wijk: "Selwerd" });
    expect(anna.coach?.displayName).toBe("Coach Noord");
    const fatima = await db.prisma.client.findUniqueOrThrow({
      where: { externalKey: "GR-2003" },
      include: { coach: true },
    });
    expect(fatima.coach?.aadObjectId).toBe("coach-Noord"); // coach by Entra object id
    expect(await db.prisma.auditEvent.count({ where: { action: "import.clients" } })).toBe(1);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await db.prisma.client.findMany({ orderBy: { externalKey: "asc" } });
    const report = await importClients(db.prisma, fixture("clients-excel.csv"), options);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await db.prisma.client.findMany({ orderBy: { externalKey: "asc" } })).toEqual(before);
  });

  it("reports every bad row with line, column and reason, and writes nothing", async () => {
    const report = await importClients(db.prisma, fixture("clients-errors.csv"), options);
    expect(report.written).toBe(false);
    const lines = report.problems.map((p) => describeProblem(p, "nl"));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^regel 3, kolom birthYear: is geen geldig geboortejaar/),
        "regel 4, kolom externalKey: komt eerder in het bestand voor (regel 2)",
        expect.stringMatching(/^regel 5, kolom team: team bestaat niet in Trede/),
        expect.stringMatching(/^regel 6, kolom birthYear/),
      ]),
    );
    expect(await db.prisma.client.count({ where: { externalKey: { startsWith: "GR-3" } } })).toBe(0);
  });

  it("imports the valid rows with --skip-invalid, and a dry run writes nothing", async () => {
    const dry = await importClients(db.prisma, fixture("clients-errors.csv"), {
      ...options,
      skipInvalid: true,
      dryRun: true,
    });
    expect(dry).toMatchObject({ created: 1, written: false });
    expect(await db.prisma.client.count({ where: { externalKey: { startsWith: "GR-3" } } })).toBe(0);
    const real = await importClients(db.prisma, fixture("clients-errors.csv"), { ...options, skipInvalid: true });
    expect(real).toMatchObject({ created: 1, skipped: 4, written: true });
    expect(await db.prisma.client.count({ where: { externalKey: { startsWith: "GR-3" } } })).toBe(1);
  });

  it("closes clients missing from a full import when asked", async () => {
    const report = await importClients(db.prisma, fixture("clients-excel.csv"), { ...options, closeMissing: true });
    expect(report.closed).toBe(1);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { externalKey: "GR-3001" } })).active).toBe(false);
  });

  it("imports staff with Dutch role names", async () => {
    const report = await importStaff(db.prisma, fixture("staff.csv"), { ...options, tenantId: TEST_TENANT });
    expect(report).toMatchObject({ created: 2, written: true });
    const piet = await db.prisma.staff.findFirstOrThrow({ where: { displayName: "Piet Bos" } });
    expect([...piet.roles].sort()).toEqual(["SUPERVISOR", "TEAM_LEAD"]);
    expect(await importStaff(db.prisma, fixture("staff.csv"), { ...options, tenantId: TEST_TENANT })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it("exports the latest classification per client with pseudonymous keys and domain columns", async () => {
    const client = await db.prisma.client.findUniqueOrThrow({ where: { externalKey: "GR-2001" } });
    const staff = await db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: "coach-Noord" } });
    for (const [version, rung, isLatest] of [
      [1, 1, false],
      [2, 2, true],
    ] as const) {
      const c = await db.prisma.classification.create({
        data: {
          clientId: client.id,
          coachId: staff.id,
          teamId: client.teamId,
          profileId: "participatieladder-6",
          profileVersion: 1,
          answers: {},
          observedOn: new Date(`2026-0${version}-10`),
          proposedRung: rung,
          finalRung: rung,
          status: "FINAL",
          isLatest,
          version,
          idempotencyKey: `x${version}`,
          expectedRung: null,
        },
      });
      await db.prisma.domainScore.create({
        data: {
          classificationId: c.id,
          clientId: client.id,
          domain: "werk_opleiding",
          score: rung + 1,
          observedOn: c.observedOn,
        },
      });
    }
    const { csv, rows } = await exportClassifications(db.prisma, { operator: "test", team: "noord" });
    expect(rows).toBe(1);
    const [header, line] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header.split(";")).toEqual(expect.arrayContaining(["external_key", "rung", "expected_rung", "status", "zrm_werk_opleiding"]));
    expect(header).not.toContain("display_name");
    expect(csv).not.toContain("Jansen");
    const cells = Object.fromEntries(header.split(";").map((h, i) => [h, line.split(";")[i]]));
    expect(cells).toMatchObject({
      external_key: "GR-2001",
      rung: "2",
      expected_rung: "",
      zrm_werk_opleiding: "3",
      observed_on: "2026-02-10",
    });
    expect((await exportClassifications(db.prisma, { operator: "test", allVersions: true, to: new Date("2026-01-31") })).rows).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { action: "export.classifications" } })).toBe(2);
  });
});

describe("npm run trede -- import (command line)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "trede-cli-"));
  let url: string;
  beforeAll(async () => {
    url = await migratedPgliteUrl(path.join(dir, "db"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => runCliInProcess(args, { env: { DATABASE_URL: url } });

  it("exits non-zero with the problems in Dutch (or English) and writes nothing", async () => {
    const r = await run("import", "clients", "test/fixtures/import/clients-errors.csv");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("regel 3, kolom birthYear");
    expect(r.stdout).toContain("Niets opgeslagen");
    const en = await run("import", "clients", "test/fixtures/import/clients-errors.csv", "--lang", "en", "--dry-run");
    expect(en.stderr).toContain("line 3, column birthYear");
    expect(en.stdout).toContain("Dry run, nothing written");
  });

  it("explains its usage", async () => {
    const r = await run("import", "patients", "x.csv");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: npm run trede -- import clients|staff");
  });
});

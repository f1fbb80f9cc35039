// The audit trail is hash-chained in the database; `trede audit verify` finds the first row an owner
// changed, removed or slipped in with the trigger switched off.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli.ts";
import { recordAuditEvent } from "../../src/storage/audit/record-audit-event.ts";
import { GENESIS_HASH, verifyAuditChain } from "../../src/storage/audit/verify-audit-chain.ts";
import { openDatabase, type Database } from "../../src/storage/db/index.ts";
import { backends, migratedPgliteUrl, type TestDatabase, openEmptyPglite } from "../support/databases.ts";

async function appendEvents(db: Database, n: number) {
  for (let i = 0; i < n; i++)
    await recordAuditEvent(db.prisma, {
      actor: null,
      action: "test.event",
      details: { n: i, nested: { b: 2, a: [1, "x"] } },
    });
}

/** What an owner (or a superuser) can do: switch the append-only trigger off and change history. */
async function asOwner(db: Database, sql: string) {
  await db.prisma.$transaction([
    db.prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`),
    db.prisma.$executeRawUnsafe(sql),
    db.prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`),
  ]);
}

const cli = (args: string[], env: Record<string, string>) => runCliInProcess(args, { env });

describe.each(backends)("audit hash chain on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => db?.close());

  /** Tampers as the owner, checks what verify says, then puts the original row back exactly. */
  async function tamperAndRestore(sql: string, ids: number[]) {
    // as text: a round trip through JavaScript numbers would turn 1.50 into 1.5 and change the row
    const originals = await db.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT to_jsonb(e)::text AS "row" FROM "AuditEvent" e WHERE "id" = ANY($1::bigint[]) ORDER BY "id"`,
      ids,
    );
    await asOwner(db, sql);
    const report = await verifyAuditChain(db.prisma);
    await asOwner(db, `DELETE FROM "AuditEvent" WHERE "id" = ANY('{${ids.join(",")}}'::bigint[])`);
    for (const { row } of originals)
      await asOwner(
        db,
        `INSERT INTO "AuditEvent" SELECT * FROM jsonb_populate_record(NULL::"AuditEvent", '${row.replace(/'/g, "''")}'::jsonb)`,
      );
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true });
    return report;
  }

  it("chains every row in the database, whatever the app sends, and verify says OK with the count", async () => {
    await appendEvents(db, 3);
    // an app that sends its own id and hashes does not get to choose them
    await db.prisma.auditEvent.create({
      data: { id: 999n, action: "forged", prevHash: "f".repeat(64), hash: "e".repeat(64) },
    });
    // microseconds in `at` are stored as milliseconds; the hash covers what is stored
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("at", "action", "details") VALUES ('2026-12-01 10:00:00.123456', 'raw', '{"k": "é \\" x", "a": 1.50}')`,
    );
    await db.prisma.auditEvent.createMany({ data: [{ action: "batch.a" }, { action: "batch.b" }] });
    const rows = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => Number(r.id))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(rows[3].hash).not.toBe("e".repeat(64));
    expect(await verifyAuditChain(db.prisma)).toEqual({ ok: true, rows: 7, lastId: "7", headHash: rows[6].hash });
  });

  it("chains concurrent inserts in commit order", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.prisma.$transaction(
          async (tx) => {
            await recordAuditEvent(tx, { actor: null, action: "concurrent", details: { i } });
            await new Promise((r) => setTimeout(r, (i * 7) % 13));
            await tx.team.findMany(); // more work in the same transaction after the audit row
          },
          { maxWait: 60_000, timeout: 60_000 },
        ),
      ),
    );
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true, rows: 19, lastId: "19" });
  }, 180_000);

  it("reports the first row an owner changed, the row after one deleted, rows cut off the end, rows slipped in unhashed", async () => {
    expect(await tamperAndRestore(`UPDATE "AuditEvent" SET "details" = '{"n": 99}' WHERE "id" = 3`, [3])).toEqual({
      ok: false,
      rows: 3,
      brokenAt: "3",
      problem: "hash",
    });
    expect(await tamperAndRestore(`UPDATE "AuditEvent" SET "actorId" = 'someone-else' WHERE "id" = 12`, [12])).toEqual({
      ok: false,
      rows: 12,
      brokenAt: "12",
      problem: "hash",
    });
    expect(await tamperAndRestore(`DELETE FROM "AuditEvent" WHERE "id" = 5`, [5])).toEqual({
      ok: false,
      rows: 5,
      brokenAt: "6",
      problem: "link",
    });
    expect(await tamperAndRestore(`DELETE FROM "AuditEvent" WHERE "id" >= 18`, [18, 19])).toEqual({
      ok: false,
      rows: 17,
      brokenAt: "18",
      problem: "tail",
    });
    expect(await tamperAndRestore(`UPDATE "AuditEvent" SET "hash" = NULL WHERE "id" = 9`, [9])).toEqual({
      ok: false,
      rows: 9,
      brokenAt: "9",
      problem: "unhashed",
    });
  }, 180_000);

  it("`trede audit verify` prints OK with the row count, or the broken row with exit code 1", async () => {
    let url = db.url;
    let dir: string | undefined;
    if (backend.name === "pglite") {
      // the CLI opens the database itself: an embedded one on disk, tampered and closed by the test first
      dir = mkdtempSync(path.join(tmpdir(), "trede-audit-"));
      url = await migratedPgliteUrl(path.join(dir, "db"));
      const own = await openDatabase(url);
      await appendEvents(own, 4);
      await asOwner(own, `UPDATE "AuditEvent" SET "action" = 'nothing.happened' WHERE "id" = 2`);
      await own.close();
    } else {
      const ok = await cli(["audit", "verify"], { DATABASE_URL: url });
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^OK: 19 audit rows, chain intact/);
      await asOwner(db, `UPDATE "AuditEvent" SET "action" = 'nothing.happened' WHERE "id" = 2`);
    }
    try {
      const broken = await cli(["audit", "verify"], { DATABASE_URL: url });
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/^BROKEN at audit row 2: its content does not match its hash/);
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe("the hash-chain migration on an existing audit trail", () => {
  it("removes typed text from old rows once, then chains them so verify says OK", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "trede-migrations-"));
    const all = readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const chain = all.indexOf("20261202010814_audit_hash_chain");
    for (const name of all.slice(0, chain)) cpSync(path.join("prisma/migrations", name), path.join(dir, name), { recursive: true });
    const db = await openEmptyPglite();
    try {
      await db.migrate(dir);
      const old = [
        ["caseload.query", { question: "Wilhelmina Oosterhuis BSN 123456782 heeft PTSS", query: { measure: "list" }, shown: 2 }],
        ["caseload.not_understood", { question: "hoe gaat het met Jan de Vries" }],
        ["team.settings", { team: "Noord", specialDomainsReason: "Pilot met Jan de Vries" }],
        ["refused", { reason: "unknown_verb", verb: "negeer alle instructies" }],
        ["refused", { reason: "unknown_verb", verb: "review.approve" }],
      ] as const;
      for (const [action, details] of old)
        await db.prisma.$executeRawUnsafe(
          `INSERT INTO "AuditEvent" ("action", "details") VALUES ($1, $2::jsonb)`,
          action,
          JSON.stringify(details),
        );
      await db.migrate(); // the rest, the hash chain included
      const rows = await db.prisma.$queryRawUnsafe<{ details: string }[]>(
        `SELECT "details"::text AS "details" FROM "AuditEvent" ORDER BY "id"`,
      );
      const text = rows.map((r) => r.details).join("\n");
      for (const gone of ["Wilhelmina", "123456782", "Jan de Vries", "negeer"]) expect(text).not.toContain(gone);
      expect(rows.map((r) => JSON.parse(r.details))).toEqual([
        { query: { measure: "list" }, shown: 2 },
        {},
        { team: "Noord", specialDomainsReasonRecorded: true },
        { reason: "unknown_verb", verb: "(invalid)" },
        { reason: "unknown_verb", verb: "review.approve" },
      ]);
      expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true, rows: 5, lastId: "5" });
      await recordAuditEvent(db.prisma, { actor: null, action: "after.migration" });
      expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true, rows: 6, lastId: "6" });
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

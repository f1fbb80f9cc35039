// Two roles on PostgreSQL: the owner migrates, the application role reads and writes but cannot switch
// the audit trail off. Roles are cluster-wide: each run uses names of its own and drops them afterwards.
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../src/storage/audit/record-audit-event.ts";
import { verifyAuditChain } from "../../src/storage/audit/verify-audit-chain.ts";
import { openDatabase, type Database } from "../../src/storage/db/index.ts";
import { DatabaseSetupError, migrateAsOwner, prepareDatabase } from "../../src/storage/db/roles.ts";
import { backends, openEmptyPglite } from "../support/databases.ts";

describe("the embedded database keeps one role", () => {
  it("migrates itself and refuses a migration URL", async () => {
    const db = await openEmptyPglite();
    try {
      await expect(prepareDatabase(db, { url: "pglite:memory://", migrationUrl: "postgres://owner@127.0.0.1/x" })).rejects.toBeInstanceOf(
        DatabaseSetupError,
      );
      const prepared = await prepareDatabase(db, { url: "pglite:memory://" });
      expect(prepared).toMatchObject({ mode: "embedded", auditUnprotected: false });
      expect(prepared.applied.length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 240_000);
});

describe.each(backends.filter((b) => b.name === "postgres"))("database roles on $name", () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const suffix = randomBytes(5).toString("hex");
  const ownerRole = `trede_owner_${suffix}`;
  const appRole = `trede_app_${suffix}`;
  const dbName = `trede_roles_${suffix}`;
  const urlAs = (role: string, password?: string) => {
    const u = new URL(adminUrl);
    u.username = role;
    u.password = password ?? "";
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  const ownerUrl = urlAs(ownerRole);
  const appUrl = urlAs(appRole, "app secret/ü");
  const migrationsDir = mkdtempSync(path.join(tmpdir(), "trede-migrations-"));
  const opened: Database[] = [];

  async function admin(sql: string) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }
  async function open(url: string) {
    const db = await openDatabase(url, { poolSize: 2 });
    opened.push(db);
    return db;
  }

  beforeAll(async () => {
    cpSync("prisma/migrations", migrationsDir, { recursive: true });
    // an owner that may create roles (as the administrator of Azure's Flexible Server may); no app role yet
    await admin(`CREATE ROLE "${ownerRole}" LOGIN CREATEROLE`);
    await admin(`CREATE DATABASE "${dbName}" OWNER "${ownerRole}"`);
  });
  afterAll(async () => {
    for (const db of opened) await db.close().catch(() => {});
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS "${appRole}"`);
    await admin(`DROP ROLE IF EXISTS "${ownerRole}"`);
    rmSync(migrationsDir, { recursive: true, force: true });
  });

  it("the owner migrates, creates the application role with DATABASE_URL's password and grants it; again changes nothing", async () => {
    const first = await migrateAsOwner({ migrationUrl: ownerUrl, appUrl, dir: migrationsDir });
    expect(first).toMatchObject({ appRole, createdRole: true, warnings: [] });
    expect(first.applied.length).toBeGreaterThan(0);
    expect(await migrateAsOwner({ migrationUrl: ownerUrl, appUrl, dir: migrationsDir })).toMatchObject({
      applied: [],
      createdRole: false,
    });
    await expect(migrateAsOwner({ migrationUrl: ownerUrl, appUrl: ownerUrl, dir: migrationsDir })).rejects.toThrow(/both log in as/);
  });

  it("the application role starts without migrating, does its work and appends to the audit trail", async () => {
    const app = await open(appUrl);
    expect(await prepareDatabase(app, { url: appUrl, dir: migrationsDir })).toEqual({
      applied: [],
      mode: "application",
      auditUnprotected: false,
      warnings: [],
    });
    const team = await app.prisma.team.create({ data: { name: `Noord ${suffix}` } });
    const client = await app.prisma.client.create({
      data: { externalKey: `K-${suffix}`, displayName: "Klant", birthYear: 1980, wijk: "Selwerd", teamId: team.id },
    });
    await app.prisma.client.update({ where: { id: client.id }, data: { wijk: "Paddepoel" } });
    await app.prisma.botState.create({ data: { key: "k", data: {}, eTag: "1" } });
    await app.prisma.botState.delete({ where: { key: "k" } });
    await recordAuditEvent(app.prisma, { actor: null, action: "test.app_role", clientId: client.id });
    expect(await verifyAuditChain(app.prisma)).toMatchObject({ ok: true, rows: 1 });
  });

  it.each([
    ["disable the append-only trigger", `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`],
    ["disable every trigger", `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`],
    ["drop the chain trigger", `DROP TRIGGER "AuditEvent_chain" ON "AuditEvent"`],
    [
      "replace the chain function",
      `CREATE OR REPLACE FUNCTION trede_chain_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$`,
    ],
    ["update an audit row", `UPDATE "AuditEvent" SET "details" = '{}'`],
    ["delete audit rows", `DELETE FROM "AuditEvent"`],
    ["truncate the audit table", `TRUNCATE "AuditEvent"`],
    ["move the chain head", `UPDATE "AuditChainHead" SET "lastId" = 0`],
    ["replica mode (triggers off)", `SET session_replication_role = replica`],
    ["alter another table", `ALTER TABLE "Client" ADD COLUMN "sneaky" TEXT`],
    ["create a table", `CREATE TABLE "Sneaky" ("id" INT)`],
    ["rewrite the migration history", `DELETE FROM "_prisma_migrations"`],
  ])("the application role may not %s", async (_what, sql) => {
    const app = await open(appUrl);
    await expect(app.prisma.$executeRawUnsafe(sql)).rejects.toThrow(/permission denied|must be owner/);
    expect(await verifyAuditChain(app.prisma)).toMatchObject({ ok: true });
  });

  it("an application role stops at an unmigrated database; after the owner migrates, new tables are granted", async () => {
    const dir = path.join(migrationsDir, "29990101000000_later_table");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "migration.sql"), `CREATE TABLE "LaterTable" ("id" SERIAL PRIMARY KEY, "note" TEXT);\n`);
    const app = await open(appUrl);
    await expect(prepareDatabase(app, { url: appUrl, dir: migrationsDir })).rejects.toThrow(
      /not migrated \(29990101000000_later_table\).*trede -- db migrate/,
    );
    // the app with DATABASE_MIGRATION_URL: the owner migrates first, then the app runs as itself
    expect(await prepareDatabase(app, { url: appUrl, migrationUrl: ownerUrl, dir: migrationsDir })).toMatchObject({
      applied: ["29990101000000_later_table"],
      mode: "owner",
      auditUnprotected: false,
    });
    await app.prisma.$executeRawUnsafe(`INSERT INTO "LaterTable" ("note") VALUES ('x')`);
    expect(await app.prisma.$executeRawUnsafe(`DELETE FROM "LaterTable"`)).toBe(1);
  });

  it("one role for both (the owner or a superuser as DATABASE_URL) still works, and says the audit trail is unprotected", async () => {
    const owner = await open(ownerUrl);
    expect(await prepareDatabase(owner, { url: ownerUrl, dir: migrationsDir })).toMatchObject({
      applied: [],
      mode: "single-role",
      auditUnprotected: true,
    });
  });
});

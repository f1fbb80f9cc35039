import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/db/index.ts";
import { backends, type TestDatabase, openEmptyPglite } from "../support/databases.ts";

describe("migrations", () => {
  it("apply once, in order, and a second run applies nothing", async () => {
    const db: Database = await openEmptyPglite();
    try {
      const all = readdirSync("prisma/migrations", { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      expect(await db.migrate()).toEqual(all);
      expect(await db.migrate()).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe.each(backends)("audit log on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => db?.close());

  it("accepts new events and refuses to change or delete old ones", async () => {
    const event = await db.prisma.auditEvent.create({ data: { action: "test.event", details: { n: 1 } } });
    await expect(db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditEvent.count()).toBe(1);
  });
});

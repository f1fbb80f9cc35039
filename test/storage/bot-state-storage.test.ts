import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlBotStorage, StateConflictError } from "../../src/bot/bot-state-storage.ts";
import { createConversationStateStore } from "../../src/storage/conversation-state.ts";
import { findActor } from "../../src/storage/staff.repository.ts";
import { TEST_TENANT } from "../support/bot-harness.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

describe.each(backends)("bot state storage and actor lookup on $name", (backend) => {
  let db: TestDatabase;
  let storage: SqlBotStorage;
  beforeAll(async () => {
    db = await backend.open();
    storage = new SqlBotStorage(createConversationStateStore(db.sql));
  });
  afterAll(async () => db?.close());

  it("stores an item, hands out a new eTag per write and reads back only the keys that exist", async () => {
    await storage.write({ "conv/a": { debrief: { step: "contact", clients: ["Jansen, A."] } } });
    const first = await storage.read(["conv/a", "conv/missing"]);
    expect(Object.keys(first)).toEqual(["conv/a"]);
    expect(first["conv/a"]).toMatchObject({ debrief: { step: "contact", clients: ["Jansen, A."] } });
    await storage.write({ "conv/a": { ...first["conv/a"], debrief: { step: "ladder" } } });
    const second = await storage.read(["conv/a"]);
    expect(second["conv/a"].debrief).toEqual({ step: "ladder" });
    expect(second["conv/a"].eTag).not.toBe(first["conv/a"].eTag);
    expect(await storage.read([])).toEqual({});
  });

  it("refuses a write whose eTag is stale and keeps the other turn's state", async () => {
    await storage.write({ "conv/b": { n: 1 } });
    const read = await storage.read(["conv/b"]);
    await storage.write({ "conv/b": { ...read["conv/b"], n: 2 } }); // the other turn wins
    await expect(storage.write({ "conv/b": { ...read["conv/b"], n: 3 } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await storage.read(["conv/b"]))["conv/b"].n).toBe(2);
  });

  it("lets exactly one of two turns that read the same state write it", async () => {
    await storage.write({ "conv/c": { n: 0 } });
    const read = await storage.read(["conv/c"]);
    const results = await Promise.allSettled([1, 2].map((n) => storage.write({ "conv/c": { ...read["conv/c"], n } })));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("creates an item written with an eTag when it is not stored, overwrites with '*', and deletes", async () => {
    await storage.write({ "conv/d": { eTag: "from-an-earlier-life", n: 1 } });
    expect((await storage.read(["conv/d"]))["conv/d"].n).toBe(1);
    await storage.write({ "conv/d": { eTag: "*", n: 2 } });
    expect((await storage.read(["conv/d"]))["conv/d"].n).toBe(2);
    await storage.delete(["conv/d", "conv/never"]);
    expect(await storage.read(["conv/d"])).toEqual({});
  });

  it("finds an active staff member with roles and team, and nobody once they are made inactive", async () => {
    const { team, lead } = await createTeamWithStaff(db.prisma, "Actoren");
    expect(await findActor(db.sql, { tenantId: TEST_TENANT, aadObjectId: lead.aadObjectId })).toEqual({
      staffId: lead.id,
      tenantId: TEST_TENANT,
      aadObjectId: lead.aadObjectId,
      displayName: lead.displayName,
      roles: lead.roles,
      teamId: team.id,
    });
    expect(await findActor(db.sql, { tenantId: "another-tenant", aadObjectId: lead.aadObjectId })).toBeNull();
    await db.prisma.staff.update({ where: { id: lead.id }, data: { active: false } });
    expect(await findActor(db.sql, { tenantId: TEST_TENANT, aadObjectId: lead.aadObjectId })).toBeNull();
  });
});

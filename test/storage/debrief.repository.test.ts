import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/access/actor.ts";
import {
  ClientOutOfScopeError,
  confirmClassification,
  findClientForDebrief,
  listClientsForDebrief,
  recordUnreachedContact,
  type ConfirmClassificationInput,
} from "../../src/storage/debrief/debrief.repository.ts";
import { findActor } from "../../src/storage/staff.repository.ts";
import { TEST_TENANT } from "../support/bot-harness.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

describe.each(backends)("debrief storage on $name", (backend) => {
  let db: TestDatabase;
  let coach: Actor;
  let otherCoach: Actor;
  let clientId: string;
  let otherClientId: string;

  const confirmation = (over: Partial<ConfirmClassificationInput> = {}): ConfirmClassificationInput => ({
    actor: coach,
    clientId,
    idempotencyKey: crypto.randomUUID(),
    contact: {
      date: new Date("2026-11-20"),
      kind: "HUISBEZOEK",
      outcome: "participatieondersteuning",
      nextContactDate: new Date("2027-02-20"),
    },
    profile: { id: "participatieladder-6", version: 1 },
    answers: { ladder: { q1: "no" } },
    proposed: { rung: 2, substep: 1, rung5Reasons: [] },
    final: { rung: 2, substep: 1, overrideReason: null },
    expected: { rung: 3, horizonMonths: 12, growthPotential: "JA" },
    ontheffing: false,
    verdieping: {},
    domainScores: { werk_opleiding: 2, sociaal_netwerk: null },
    ...over,
  });

  beforeAll(async () => {
    db = await backend.open();
    const a = await createTeamWithStaff(db.prisma, "Noord");
    const b = await createTeamWithStaff(db.prisma, "Zuid");
    coach = (await findActor(db.sql, { tenantId: TEST_TENANT, aadObjectId: a.coach.aadObjectId }))!;
    otherCoach = (await findActor(db.sql, { tenantId: TEST_TENANT, aadObjectId: b.coach.aadObjectId }))!;
    const mk = (name: string, key: string, teamId: string, coachId: string) =>
      db.prisma.client.create({
        data: { externalKey: key, displayName: name, birthYear: 1980, wijk: "Selwerd", teamId, coachId },
      });
    clientId = (await mk("Jansen, A.", "K-1001", a.team.id, a.coach.id)).id;
    otherClientId = (await mk("Pietersen, B.", "K-2001", b.team.id, b.coach.id)).id;
  });
  afterAll(async () => db?.close());

  it("lists only the coach's own clients, searchable by name or client number", async () => {
    expect((await listClientsForDebrief(db.sql, coach)).map((c) => c.externalKey)).toEqual(["K-1001"]);
    expect((await listClientsForDebrief(db.sql, coach, { search: "jans" })).map((c) => c.externalKey)).toEqual(["K-1001"]);
    expect(await listClientsForDebrief(db.sql, coach, { search: "2001" })).toEqual([]);
    expect(await findClientForDebrief(db.sql, coach, otherClientId)).toBeNull();
  });

  it("refuses to store a classification for a client outside the coach's scope, writing nothing", async () => {
    await expect(confirmClassification(db.prisma, confirmation({ clientId: otherClientId }))).rejects.toBeInstanceOf(ClientOutOfScopeError);
    await expect(confirmClassification(db.prisma, confirmation({ actor: otherCoach }))).rejects.toBeInstanceOf(ClientOutOfScopeError);
    expect(await db.prisma.classification.count()).toBe(0);
    expect(await db.prisma.contact.count()).toBe(0);
  });

  it("stores contact, classification, scores and audit once per idempotency key", async () => {
    const input = confirmation();
    const [a, b] = await Promise.all([confirmClassification(db.prisma, input), confirmClassification(db.prisma, input)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.id).toBe(b.id);
    expect(await db.prisma.classification.count({ where: { clientId } })).toBe(1);
    expect(await db.prisma.contact.count({ where: { clientId } })).toBe(1);
    expect(await db.prisma.domainScore.count({ where: { clientId } })).toBe(2);
    expect(await db.prisma.auditEvent.count({ where: { action: "classification.confirmed", clientId } })).toBe(1);
    const client = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
    expect(client.lastContactAt?.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(a.status).toBe("FINAL");
  });

  it("keeps exactly one latest classification, numbers versions, and sends a two-rung jump to review", async () => {
    const next = await confirmClassification(
      db.prisma,
      confirmation({
        proposed: { rung: 4, substep: null, rung5Reasons: [] },
        final: { rung: 4, substep: null, overrideReason: null },
        domainScores: { werk_opleiding: 3 },
      }),
    );
    expect(next).toMatchObject({ version: 2, status: "PENDING_REVIEW", reviewReasons: ["JUMP"], previousRung: 2 });
    const rows = await db.prisma.classification.findMany({ where: { clientId }, orderBy: { version: "asc" } });
    expect(rows.map((r) => [r.version, r.isLatest])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(rows[1].previousRung).toBe(2);
    const score = await db.prisma.domainScore.findFirstOrThrow({
      where: { classificationId: next.id, domain: "werk_opleiding" },
    });
    expect([score.previousScore, score.score]).toEqual([2, 3]);
    const context = await findClientForDebrief(db.sql, coach, clientId);
    expect(context?.latest?.finalRung).toBe(4);
    expect(context?.previousScores).toMatchObject({ werk_opleiding: 3, sociaal_netwerk: null });
  });

  it("records an override with its reason and sends it to review under the default policy", async () => {
    const r = await confirmClassification(
      db.prisma,
      confirmation({ final: { rung: 3, substep: 2, overrideReason: "Doet sinds kort mee aan taalcursus" } }),
    );
    expect(r.reviewReasons).toContain("OVERRIDE");
    const row = await db.prisma.classification.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.overrideReason).toBe("Doet sinds kort mee aan taalcursus");
  });

  it("records a visit where the client was not reached, once", async () => {
    const key = crypto.randomUUID();
    const input = {
      actor: coach,
      clientId,
      contact: { date: new Date("2026-11-21"), kind: "HUISBEZOEK" as const },
      idempotencyKey: key,
    };
    expect(await recordUnreachedContact(db.sql, input)).toEqual({ created: true });
    expect(await recordUnreachedContact(db.sql, input)).toEqual({ created: false });
    const contacts = await db.prisma.contact.findMany({ where: { clientId, reached: false } });
    expect(contacts.map((c) => [c.date.toISOString().slice(0, 10), c.kind, c.staffId])).toEqual([
      ["2026-11-21", "HUISBEZOEK", coach.staffId],
    ]);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "contact.not_reached", clientId } });
    expect(audit.map((e) => [e.subjectId, e.actorId, e.actorAadId, e.details])).toEqual([
      [contacts[0].id, coach.staffId, coach.aadObjectId, { kind: "HUISBEZOEK" }],
    ]);
  });

  it("finds a client's picker entry by a name fragment with LIKE wildcards taken literally", async () => {
    expect(await listClientsForDebrief(db.sql, coach, { search: "%" })).toEqual([]);
    expect(await listClientsForDebrief(db.sql, coach, { search: "_ansen" })).toEqual([]);
    expect(await listClientsForDebrief(db.sql, coach, { search: "JANSEN, a" })).toEqual([
      {
        id: clientId,
        externalKey: "K-1001",
        displayName: "Jansen, A.",
        wijk: "Selwerd",
        currentRung: expect.any(Number),
      },
    ]);
  });
});

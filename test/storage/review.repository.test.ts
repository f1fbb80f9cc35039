import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/access/actor.ts";
import { confirmClassification, type ConfirmClassificationInput } from "../../src/storage/debrief/debrief.repository.ts";
import { decideReview, findReviewers, listPendingReviews } from "../../src/storage/review/review.repository.ts";
import { findActor } from "../../src/storage/staff.repository.ts";
import { TEST_TENANT } from "../support/bot-harness.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

describe.each(backends)("review decisions on $name", (backend) => {
  let db: TestDatabase;
  let coach: Actor, supervisor: Actor, secondSupervisor: Actor, otherTeamSupervisor: Actor, lead: Actor;
  let clientId: string;
  const actor = async (aad: string) => (await findActor(db.sql, { tenantId: TEST_TENANT, aadObjectId: aad }))!;

  const confirm = (over: Partial<ConfirmClassificationInput> = {}) =>
    confirmClassification(db.prisma, {
      actor: coach,
      clientId,
      idempotencyKey: crypto.randomUUID(),
      contact: { date: new Date("2026-11-20"), kind: "HUISBEZOEK", outcome: null, nextContactDate: null },
      profile: { id: "participatieladder-6", version: 1 },
      answers: {},
      proposed: { rung: 2, substep: null, rung5Reasons: [] },
      final: { rung: 3, substep: null, overrideReason: "Volgt sinds vorige week een cursus" },
      expected: { rung: 3, horizonMonths: 12, growthPotential: "JA" },
      ontheffing: false,
      verdieping: {},
      domainScores: {},
      ...over,
    });

  beforeAll(async () => {
    db = await backend.open();
    const a = await createTeamWithStaff(db.prisma, "Noord");
    const b = await createTeamWithStaff(db.prisma, "Zuid");
    await db.prisma.staff.create({
      data: {
        tenantId: TEST_TENANT,
        aadObjectId: "supervisor2-Noord",
        displayName: "Tweede Werkbegeleider",
        roles: ["SUPERVISOR"],
        teamId: a.team.id,
      },
    });
    coach = await actor(a.coach.aadObjectId);
    supervisor = await actor(a.supervisor.aadObjectId);
    secondSupervisor = await actor("supervisor2-Noord");
    otherTeamSupervisor = await actor(b.supervisor.aadObjectId);
    lead = await actor(a.lead.aadObjectId);
    clientId = (
      await db.prisma.client.create({
        data: {
          externalKey: "K-1",
          displayName: "Jansen, A.",
          birthYear: 1975,
          wijk: "Beijum",
          teamId: a.team.id,
          coachId: a.coach.id,
        },
      })
    ).id;
  });
  afterAll(async () => db?.close());

  it("lets exactly one of two simultaneous supervisors decide", async () => {
    const c = await confirm();
    expect(c.status).toBe("PENDING_REVIEW");
    const now = new Date("2026-11-21T09:30:00Z");
    const [a, b] = await Promise.all([
      decideReview(db.prisma, { actor: supervisor, classificationId: c.id, decision: "approve", note: null, now }),
      decideReview(db.prisma, {
        actor: secondSupervisor,
        classificationId: c.id,
        decision: "reject",
        note: "Graag onderbouwen",
        now,
      }),
    ]);
    const outcomes = [a.outcome, b.outcome].sort();
    expect(outcomes).toEqual(["already_decided", "decided"]);
    const loser = a.outcome === "already_decided" ? a : b;
    if (loser.outcome !== "already_decided") throw new Error("unreachable");
    expect(["Werkbegeleider Noord", "Tweede Werkbegeleider"]).toContain(loser.review.reviewedByName);
    expect(await db.prisma.auditEvent.count({ where: { subjectId: c.id, action: { startsWith: "review." } } })).toBe(1);
  });

  it("refuses supervisors of another team, non-supervisors and self-approval, and audits the refusal", async () => {
    const c = await confirm();
    const now = new Date();
    expect(
      await decideReview(db.prisma, {
        actor: otherTeamSupervisor,
        classificationId: c.id,
        decision: "approve",
        note: null,
        now,
      }),
    ).toEqual({ outcome: "forbidden", reason: "not_reviewer" });
    expect(await decideReview(db.prisma, { actor: lead, classificationId: c.id, decision: "approve", note: null, now })).toEqual({
      outcome: "forbidden",
      reason: "not_reviewer",
    });
    const coachWhoSupervises: Actor = { ...coach, roles: ["COACH", "SUPERVISOR"] };
    expect(
      await decideReview(db.prisma, {
        actor: coachWhoSupervises,
        classificationId: c.id,
        decision: "approve",
        note: null,
        now,
      }),
    ).toEqual({ outcome: "forbidden", reason: "own_classification" });
    const row = await db.prisma.classification.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe("PENDING_REVIEW");
    const refusals = await db.prisma.auditEvent.findMany({ where: { action: "refused", clientId } });
    expect(refusals.map((r) => (r.details as any).reason)).toEqual(
      expect.arrayContaining(["review_not_reviewer", "review_own_classification"]),
    );
  });

  it("lists open requests for the team, oldest first, and only for that team", async () => {
    const pending = await listPendingReviews(db.prisma, supervisor);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((p) => p.status === "PENDING_REVIEW")).toBe(true);
    const times = pending.map((p) => p.confirmedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(await listPendingReviews(db.prisma, otherTeamSupervisor)).toEqual([]);
  });

  it("makes the previous version current again after a rejection", async () => {
    const first = await confirm({ final: { rung: 2, substep: null, overrideReason: null } });
    expect(first.status).toBe("FINAL");
    const jump = await confirm({
      proposed: { rung: 4, substep: null, rung5Reasons: [] },
      final: { rung: 4, substep: null, overrideReason: null },
    });
    expect(jump.status).toBe("PENDING_REVIEW");
    const r = await decideReview(db.prisma, {
      actor: supervisor,
      classificationId: jump.id,
      decision: "reject",
      note: "Vrijwilligerswerk is nog niet wekelijks",
      now: new Date(),
    });
    expect(r.outcome).toBe("decided");
    const latest = await db.prisma.classification.findMany({ where: { clientId, isLatest: true } });
    expect(latest.map((l) => l.id)).toEqual([first.id]);
    // the client's current rung (what caseload answers count) follows: back to 2, not the rejected 4
    expect(
      await db.prisma.client.findUniqueOrThrow({
        where: { id: clientId },
        select: { latestRung: true, latestExpectedRung: true },
      }),
    ).toEqual({ latestRung: 2, latestExpectedRung: 3 });
  });

  it("names the team's reviewers without the coach who classified", async () => {
    const reviewers = await findReviewers(db.prisma, { teamId: coach.teamId!, excludeStaffId: supervisor.staffId });
    expect(reviewers.map((r) => r.displayName)).toEqual(["Tweede Werkbegeleider"]);
  });
});

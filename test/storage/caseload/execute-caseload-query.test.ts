import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseloadScopeOf, type Actor, type CaseloadScope } from "../../../src/domain/access/actor.ts";
import { CaseloadQuery, monthsBefore } from "../../../src/domain/caseload/caseload-query.ts";
import { loadLadderProfiles } from "../../../src/config/ladder-profiles.ts";
import { executeCaseloadQuery } from "../../../src/storage/caseload/execute-caseload-query.ts";
import { DEMO_STAFF, DEMO_TENANT_ID } from "../../../src/storage/seed/demo-staff.ts";
import { seedDemo } from "../../../src/storage/seed/seed-demo.ts";
import { findActor } from "../../../src/storage/staff.repository.ts";
import { backends, type TestDatabase } from "../../support/databases.ts";

const today = new Date("2026-11-22T00:00:00Z");

describe.each(backends)("caseload executor on the demo caseload ($name)", (backend) => {
  let db: TestDatabase;
  let coach: Actor, lead: Actor, admin: Actor, otherCoach: Actor;
  // the whole caseload as plain rows, to compute every expectation independently of the SQL
  let rows: {
    id: string;
    coachId: string | null;
    teamId: string;
    wijk: string;
    birthYear: number;
    lastContactAt: Date | null;
    latest: {
      finalRung: number;
      expectedRung: number | null;
      previousRung: number | null;
      growthPotential: string;
      status: string;
    };
    history: { observedOn: Date; finalRung: number; status: string; version: number }[];
  }[];

  const run = (actor: Actor, query: unknown, page = 0) =>
    executeCaseloadQuery(db.prisma, {
      query: CaseloadQuery.parse(query),
      scope: caseloadScopeOf(actor),
      askerStaffId: actor.staffId,
      today,
      page,
    });
  const inScope = (scope: CaseloadScope) =>
    rows.filter((r) => (scope.kind === "all" ? true : scope.kind === "team" ? r.teamId === scope.teamId : r.coachId === scope.staffId));

  beforeAll(async () => {
    db = await backend.open();
    await seedDemo(db.prisma, { profile: loadLadderProfiles().default, today });
    const actor = async (s: { aadObjectId: string }) =>
      (await findActor(db.sql, { tenantId: DEMO_TENANT_ID, aadObjectId: s.aadObjectId }))!;
    [coach, lead, admin, otherCoach] = await Promise.all([
      actor(DEMO_STAFF.coachSanne),
      actor(DEMO_STAFF.leadMarieke),
      actor(DEMO_STAFF.admin),
      actor(DEMO_STAFF.coachPieter),
    ]);
    const clients = await db.prisma.client.findMany({ include: { classifications: { orderBy: { version: "asc" } } } });
    rows = clients.map((c) => ({
      id: c.id,
      coachId: c.coachId,
      teamId: c.teamId,
      wijk: c.wijk,
      birthYear: c.birthYear,
      lastContactAt: c.lastContactAt,
      latest: c.classifications.find((x) => x.isLatest)!,
      history: c.classifications,
    }));
  });
  afterAll(async () => db?.close());

  it("lists who on rung 1 is expected to rise, within the asker's scope, 20 per page", async () => {
    const query = { measure: "list", filters: { rungs: [1], expected: { op: "aboveCurrent" } } };
    for (const actor of [coach, lead, admin]) {
      const expected = inScope(caseloadScopeOf(actor)).filter((r) => r.latest.finalRung === 1 && (r.latest.expectedRung ?? 0) > 1);
      const result = await run(actor, query);
      if (result.kind !== "list") throw new Error("wrong kind");
      expect(result.total).toBe(expected.length);
      expect(result.lines.length).toBe(Math.min(20, expected.length));
      expect(result.lines.every((l) => l.rung === 1 && (l.expectedRung ?? 0) > 1)).toBe(true);
      const ids = new Set(expected.map((r) => r.id));
      expect(result.lines.every((l) => ids.has(l.clientId))).toBe(true);
    }
    const all = await run(admin, query);
    if (all.kind !== "list") throw new Error("wrong kind");
    const second = await run(admin, query, 1);
    if (second.kind !== "list") throw new Error("wrong kind");
    expect(second.lines[0]?.clientId).not.toBe(all.lines[0]?.clientId);
  });

  it("never shows a coach another coach's client", async () => {
    const result = await run(coach, { measure: "list", filters: {} });
    if (result.kind !== "list") throw new Error("wrong kind");
    expect(result.total).toBe(rows.filter((r) => r.coachId === coach.staffId).length);
    const theirs = new Set(rows.filter((r) => r.coachId === otherCoach.staffId).map((r) => r.id));
    for (let page = 0; page * 20 < result.total; page++) {
      const p = await run(coach, { measure: "list", filters: {} }, page);
      if (p.kind !== "list") throw new Error("wrong kind");
      expect(p.lines.some((l) => theirs.has(l.clientId))).toBe(false);
    }
    // a team lead sees the team, not the other team
    const leadCount = await run(lead, { measure: "count", filters: {} });
    expect(leadCount).toEqual({
      kind: "count",
      count: rows.filter((r) => r.teamId === lead.teamId).length,
      denominator: rows.filter((r) => r.teamId === lead.teamId).length,
    });
  });

  it("builds the Groningen cross-tab with 'onbekend' apart", async () => {
    const result = await run(admin, { measure: "crossTab", filters: {} });
    if (result.kind !== "crossTab") throw new Error("wrong kind");
    expect(result.total).toBe(rows.length);
    const unknown = rows.filter((r) => r.latest.expectedRung === null).length;
    expect(Object.values(result.unknownExpected).reduce((a, b) => a + b, 0)).toBe(unknown);
    expect(result.cells["1:2"] ?? 0).toBe(rows.filter((r) => r.latest.finalRung === 1 && r.latest.expectedRung === 2).length);
  });

  it("counts who climbed at least one rung this year against a baseline before the year", async () => {
    const result = await run(lead, { measure: "movement", direction: "up", period: "thisYear", filters: {} });
    if (result.kind !== "movement") throw new Error("wrong kind");
    const from = new Date("2026-01-01T00:00:00Z");
    let climbed = 0,
      withBaseline = 0,
      noBaseline = 0;
    for (const r of inScope(caseloadScopeOf(lead))) {
      const base = r.history.filter((h) => h.observedOn < from && h.status !== "REJECTED" && h.status !== "RETURNED").at(-1);
      if (!base) noBaseline++;
      else {
        withBaseline++;
        if (r.latest.finalRung > base.finalRung) climbed++;
      }
    }
    expect([result.count, result.denominator, result.noBaseline]).toEqual([climbed, withBaseline, noBaseline]);
  });

  it("lists who moved down since the previous measurement", async () => {
    const result = await run(admin, { measure: "movement", direction: "down", filters: {} });
    if (result.kind !== "movement") throw new Error("wrong kind");
    expect(result.count).toBe(rows.filter((r) => r.latest.previousRung !== null && r.latest.finalRung < r.latest.previousRung).length);
  });

  it("reports reach per wijk with suppression under 5", async () => {
    const result = await run(admin, { measure: "reach", filters: {} });
    if (result.kind !== "reach") throw new Error("wrong kind");
    const yearAgo = monthsBefore(today, 12);
    for (const row of result.rows) {
      const inWijk = rows.filter((r) => r.wijk === row.wijk);
      expect(row.total.value).toBe(inWijk.length);
      expect(row.inView.value).toBe(inWijk.filter((r) => r.lastContactAt && r.lastContactAt >= yearAgo).length);
      // a count under 5 is always hidden; others may be hidden too (complementary suppression)
      if (row.inView.value > 0 && row.inView.value < 5) expect(row.inView.suppressed).toBe(true);
      if (row.total.value > 0 && row.total.value < 5) expect(row.total.suppressed).toBe(true);
      // in view + not in view = total: one hidden figure of the three would give itself away
      const notInView = row.total.value - row.inView.value;
      if (notInView > 0 && notInView < 5) expect(row.inView.suppressed || row.total.suppressed).toBe(true);
      if (row.inView.suppressed !== row.total.suppressed) expect(notInView > 0).toBe(true);
    }
    expect(result.total).toBe(rows.length);
  });

  it("builds the Bergen growth table by age band", async () => {
    const result = await run(admin, { measure: "growthByAgeBand", filters: {} });
    if (result.kind !== "growthByAgeBand") throw new Error("wrong kind");
    // whole years at the reference date: under 27, 27 to 44, 45 and older (domain reference §4)
    const band = (y: number) => (2026 - y < 27 ? "<27" : 2026 - y < 45 ? "27-44" : "45+");
    for (const row of result.rows) {
      const group = rows.filter((r) => band(r.birthYear) === row.band);
      expect(row.total.value).toBe(group.length);
      expect(row.ja.value).toBe(group.filter((r) => r.latest.growthPotential === "JA").length);
    }
  });

  it("lists clients not spoken to for 12 months", async () => {
    const result = await run(coach, { measure: "list", filters: { mine: true, monthsSinceContactAtLeast: 12 } });
    if (result.kind !== "list") throw new Error("wrong kind");
    const cutoff = monthsBefore(today, 12);
    expect(result.total).toBe(rows.filter((r) => r.coachId === coach.staffId && (!r.lastContactAt || r.lastContactAt < cutoff)).length);
    expect(result.total).toBeGreaterThan(0);
  });

  it("answers every kind of question without error", async () => {
    for (const q of [
      { measure: "distribution", by: "rung", filters: {} },
      { measure: "distribution", by: "wijk", filters: { rungs: [1, 2] } },
      { measure: "pendingReviews", filters: {} },
      { measure: "referrals", period: "thisYear", filters: { outcomes: ["werk", "wijkteam"] } },
      { measure: "domainTrends", period: "thisYear", filters: {} },
      {
        measure: "list",
        filters: {
          monthsOnSameRungAtLeast: 24,
          ageBands: ["45+"],
          growthPotential: "nee",
          ontheffing: false,
          wijken: ["Selwerd"],
          team: "Noord",
          substep: "none",
        },
      },
    ]) {
      await expect(run(lead, q)).resolves.toBeTruthy();
    }
  });
});

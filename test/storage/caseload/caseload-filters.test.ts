// The executor's filters, breakdowns, movement readings and trends on generated caseloads, on every
// database. Each expectation is computed here from the generated rows in plain TypeScript (not by
// re-running the SQL), so a wrong WHERE clause, boundary or join shows up as a different number.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseloadScope } from "../../../src/domain/access/actor.ts";
import { CaseloadQuery } from "../../../src/domain/caseload/caseload-query.ts";
import { executeCaseloadQuery, type CaseloadResult } from "../../../src/storage/caseload/execute-caseload-query.ts";
import { backends, type TestDatabase } from "../../support/databases.ts";

const today = new Date("2026-11-22T00:00:00Z");
const DAY = 86_400_000;
const COUNTED = new Set(["FINAL", "PENDING_REVIEW"]);

/** A small seeded generator: the same caseload on every run and every database. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

interface GenClass {
  observedOn: Date;
  finalRung: number;
  finalSubstep: number | null;
  expectedRung: number | null;
  previousRung: number | null;
  status: string;
  version: number;
  rung5Reasons: string[];
}
interface GenClient {
  id: string;
  name: string;
  teamId: string;
  coachId: string;
  coachName: string;
  wijk: string;
  birthYear: number;
  lastContactAt: Date | null;
  active: boolean;
  history: GenClass[];
}

const monthsBefore = (months: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
const ageOf = (c: GenClient) => today.getUTCFullYear() - c.birthYear;
const bandOf = (c: GenClient) => (ageOf(c) < 27 ? "<27" : ageOf(c) < 45 ? "27-44" : "45+");
const latest = (c: GenClient) => c.history.at(-1);
const counted = (c: GenClient) => c.history.filter((h) => COUNTED.has(h.status));
const lastBefore = (c: GenClient, d: Date) =>
  counted(c)
    .filter((h) => h.observedOn < d)
    .at(-1);

describe.each(backends)("caseload filters on a generated caseload ($name)", (backend) => {
  let db: TestDatabase;
  const teams = [
    { id: randomUUID(), name: "Oost" },
    { id: randomUUID(), name: "West" },
  ];
  const coaches = [
    { id: randomUUID(), name: "Eva Jansen", teamId: teams[0].id },
    { id: randomUUID(), name: "Karim Bakker", teamId: teams[0].id },
    { id: randomUUID(), name: "Ilse Visser", teamId: teams[1].id },
  ];
  const clients: GenClient[] = [];
  const wijken = ["Oosterpark", "De Hoogte", "Korrewegwijk"];

  const run = async (query: unknown, scope: CaseloadScope = { kind: "all" }, page = 0) =>
    executeCaseloadQuery(db.prisma, {
      query: CaseloadQuery.parse(query),
      scope,
      askerStaffId: coaches[0].id,
      today,
      page,
    });
  const open = () => clients.filter((c) => c.active);
  const classified = () => open().filter((c) => latest(c));
  const countOf = async (filters: object) => {
    const r = await run({ measure: "count", filters });
    if (r.kind !== "count") throw new Error(r.kind);
    return r.count;
  };

  beforeAll(async () => {
    db = await backend.open();
    const rnd = random(18);
    // ages on both sides of every band boundary, and every other age in between
    const ages = [18, 25, 26, 27, 28, 43, 44, 45, 46, 50, 51, 60, 66];
    for (let i = 0; i < 160; i++) {
      const coach = coaches[i % coaches.length];
      const n = i % 11 === 0 ? 0 : rnd.int(1, 4);
      const history: GenClass[] = [];
      let previous: number | null = null;
      let when = new Date(today.getTime() - rnd.int(60, 1300) * DAY);
      for (let v = 1; v <= n; v++) {
        const rung: number = previous === null ? rnd.int(1, 6) : Math.min(6, Math.max(1, previous + rnd.pick([-1, 0, 0, 1, 1] as const)));
        const isLast = v === n;
        const status = isLast
          ? rnd.pick(["FINAL", "FINAL", "PENDING_REVIEW"] as const)
          : rnd.pick(["FINAL", "FINAL", "FINAL", "REJECTED"] as const);
        history.push({
          observedOn: when,
          finalRung: rung,
          finalSubstep: rung === 6 ? null : rnd.pick([null, 1, 2, 3] as const),
          expectedRung: rnd.next() < 0.15 ? null : Math.min(6, rung + rnd.int(0, 2)),
          previousRung: previous,
          status,
          version: v,
          rung5Reasons: rung === 5 ? [rnd.pick(["instrument", "aanvulling", "wsw", "educatie"] as const)] : [],
        });
        previous = rung;
        when = new Date(Math.min(today.getTime() - DAY, when.getTime() + rnd.int(40, 400) * DAY));
      }
      const contact = rnd.next() < 0.1 ? null : new Date(today.getTime() - rnd.int(1, 700) * DAY);
      clients.push({
        id: randomUUID(),
        name: `Klant ${String(i).padStart(3, "0")}`,
        teamId: coach.teamId,
        coachId: coach.id,
        coachName: coach.name,
        wijk: rnd.pick(wijken),
        birthYear: today.getUTCFullYear() - ages[i % ages.length],
        lastContactAt: contact ? new Date(contact.toISOString().slice(0, 10)) : null,
        active: i % 17 !== 5,
        history,
      });
    }
    await db.prisma.team.createMany({ data: teams });
    await db.prisma.staff.createMany({
      data: coaches.map((c, i) => ({
        id: c.id,
        tenantId: "t",
        aadObjectId: `aad-${i}`,
        displayName: c.name,
        roles: ["COACH"],
        teamId: c.teamId,
      })),
    });
    await db.prisma.client.createMany({
      data: clients.map((c, i) => ({
        id: c.id,
        externalKey: `GEN-${100000 + i}`,
        displayName: c.name,
        birthYear: c.birthYear,
        wijk: c.wijk,
        teamId: c.teamId,
        coachId: c.coachId,
        lastContactAt: c.lastContactAt,
        active: c.active,
        closedAt: c.active ? null : new Date("2026-06-01T00:00:00Z"),
      })),
    });
    await db.prisma.classification.createMany({
      data: clients.flatMap((c) =>
        c.history.map((h, j) => ({
          clientId: c.id,
          coachId: c.coachId,
          teamId: c.teamId,
          profileId: "participatieladder-6",
          profileVersion: 1,
          answers: {},
          observedOn: h.observedOn,
          proposedRung: h.finalRung,
          finalRung: h.finalRung,
          finalSubstep: h.finalSubstep,
          proposedSubstep: h.finalSubstep,
          rung5Reasons: h.rung5Reasons,
          expectedRung: h.expectedRung,
          previousRung: h.previousRung,
          status: h.status as "FINAL",
          isLatest: j === c.history.length - 1,
          version: h.version,
          idempotencyKey: randomUUID(),
          growthPotential:
            h.expectedRung === null ? ("ONBEKEND" as const) : h.expectedRung > h.finalRung ? ("JA" as const) : ("NEE" as const),
        })),
      ),
    });
  });
  afterAll(async () => db?.close());

  it("leaves closed clients out of every count and list", async () => {
    expect(await countOf({})).toBe(open().length);
    expect(open().length).toBeLessThan(clients.length);
    const r = await run({ measure: "list", filters: {} });
    if (r.kind !== "list") throw new Error(r.kind);
    expect(r.total).toBe(open().length);
  });

  it("filters by coach name, rung range and expected-rung comparisons", async () => {
    for (const coach of coaches) expect(await countOf({ coaches: [coach.name] })).toBe(open().filter((c) => c.coachId === coach.id).length);
    const rung = (c: GenClient) => latest(c)?.finalRung;
    const exp = (c: GenClient) => latest(c)?.expectedRung ?? null;
    expect(await countOf({ rungRange: { min: 4 } })).toBe(classified().filter((c) => rung(c)! >= 4).length);
    expect(await countOf({ rungRange: { max: 2 } })).toBe(classified().filter((c) => rung(c)! <= 2).length);
    expect(await countOf({ expected: { op: "atMost", rung: 3 } })).toBe(classified().filter((c) => exp(c) !== null && exp(c)! <= 3).length);
    expect(await countOf({ expected: { op: "below", rung: 3 } })).toBe(classified().filter((c) => exp(c) !== null && exp(c)! < 3).length);
    expect(await countOf({ expected: { op: "belowCurrent" } })).toBe(
      classified().filter((c) => exp(c) !== null && exp(c)! < rung(c)!).length,
    );
    expect(await countOf({ rungs: [5], rung5Reasons: ["wsw", "educatie"] })).toBe(
      classified().filter((c) => rung(c) === 5 && latest(c)!.rung5Reasons.some((r) => ["wsw", "educatie"].includes(r))).length,
    );
  });

  it("puts a 45-year-old in '45 and older' and a 44-year-old in '27 to 44', in filters and breakdowns alike", async () => {
    for (const band of ["<27", "27-44", "45+"] as const)
      expect(await countOf({ ageBands: [band] })).toBe(open().filter((c) => bandOf(c) === band).length);
    expect(await countOf({ ageRange: { min: 45 } })).toBe(open().filter((c) => ageOf(c) >= 45).length);
    expect(await countOf({ ageRange: { min: 27, max: 44 } })).toBe(open().filter((c) => ageOf(c) >= 27 && ageOf(c) <= 44).length);
    const r = await run({ measure: "distribution", by: "ageBand", filters: {} });
    if (r.kind !== "distribution") throw new Error(r.kind);
    expect(Object.fromEntries(r.rows.map((x) => [x.key, x.count]))).toEqual(
      Object.fromEntries(["<27", "27-44", "45+"].map((b) => [b, open().filter((c) => bandOf(c) === b).length])),
    );
  });

  it("breaks down by team and coach within the asker's scope", async () => {
    const byTeam = await run({ measure: "distribution", by: "team", filters: {} });
    if (byTeam.kind !== "distribution") throw new Error(byTeam.kind);
    expect(Object.fromEntries(byTeam.rows.map((x) => [x.key, x.count]))).toEqual(
      Object.fromEntries(teams.map((t) => [t.name, open().filter((c) => c.teamId === t.id).length])),
    );
    const byCoach = await run({ measure: "distribution", by: "coach", filters: { rungs: [1, 2] } }, { kind: "team", teamId: teams[0].id });
    if (byCoach.kind !== "distribution") throw new Error(byCoach.kind);
    const mine = classified().filter((c) => c.teamId === teams[0].id && [1, 2].includes(latest(c)!.finalRung));
    expect(Object.fromEntries(byCoach.rows.map((x) => [x.key, x.count]))).toEqual(
      Object.fromEntries(
        coaches.filter((c) => c.teamId === teams[0].id).map((c) => [c.name, mine.filter((m) => m.coachId === c.id).length]),
      ),
    );
  });

  it("counts contact recency in days and sorts the list longest unseen first", async () => {
    const cutoff = new Date(today.getTime() - 45 * DAY);
    const expected = open().filter((c) => !c.lastContactAt || c.lastContactAt < cutoff);
    expect(await countOf({ daysSinceContactAtLeast: 45 })).toBe(expected.length);
    const seen: (Date | null)[] = [];
    for (let page = 0; page * 20 < expected.length; page++) {
      const r = await run({ measure: "list", filters: { daysSinceContactAtLeast: 45 } }, { kind: "all" }, page);
      if (r.kind !== "list") throw new Error(r.kind);
      seen.push(...r.lines.map((l) => l.lastContactAt));
    }
    // every member reached by paging, never-contacted first, then oldest contact first
    expect(seen.length).toBe(expected.length);
    const times = seen.map((d) => (d ? new Date(d).getTime() : -Infinity));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("tells 'the same rung' from 'the same rung and substep'", async () => {
    const cutoff = monthsBefore(12);
    const stayed = (c: GenClient, same: (h: GenClass, l: GenClass) => boolean) => {
      const l = latest(c);
      if (!l) return false;
      return counted(c).some((h) => h.observedOn <= cutoff && same(h, l)) && !counted(c).some((h) => h.observedOn > cutoff && !same(h, l));
    };
    const sameRung = open().filter((c) => stayed(c, (h, l) => h.finalRung === l.finalRung));
    const sameSubstep = open().filter((c) =>
      stayed(c, (h, l) => h.finalRung === l.finalRung && (h.finalSubstep ?? 0) === (l.finalSubstep ?? 0)),
    );
    expect(await countOf({ monthsOnSameRungAtLeast: 12 })).toBe(sameRung.length);
    expect(await countOf({ monthsOnSameSubstepAtLeast: 12 })).toBe(sameSubstep.length);
    expect(sameSubstep.length).toBeLessThan(sameRung.length);
  });

  it("reads movement in a closed period as start versus end and as steps during it", async () => {
    const from = new Date("2025-01-01T00:00:00Z");
    const to = new Date("2026-01-01T00:00:00Z");
    for (const direction of ["up", "down"] as const) {
      const better = (a: number, b: number) => (direction === "up" ? a > b : a < b);
      let moved = 0,
        base = 0,
        none = 0,
        events = 0,
        measured = 0,
        unmeasured = 0;
      for (const c of classified()) {
        const start = lastBefore(c, from);
        const end = lastBefore(c, to);
        if (!start) none++;
        else {
          base++;
          if (end && better(end.finalRung, start.finalRung)) moved++;
        }
        const inPeriod = counted(c).filter((h) => h.observedOn >= from && h.observedOn < to && h.previousRung !== null);
        if (inPeriod.length) measured++;
        else unmeasured++;
        if (inPeriod.some((h) => better(h.finalRung, h.previousRung!))) events++;
      }
      const startEnd = await run({ measure: "movement", direction, period: "lastYear", filters: {} });
      const during = await run({ measure: "movement", direction, period: "lastYear", reading: "events", filters: {} });
      if (startEnd.kind !== "movement" || during.kind !== "movement") throw new Error("kind");
      expect([startEnd.reading, startEnd.count, startEnd.denominator, startEnd.noBaseline]).toEqual(["startEnd", moved, base, none]);
      expect([during.reading, during.count, during.denominator, during.noBaseline]).toEqual(["events", events, measured, unmeasured]);
    }
  });

  it("shows the rung distribution at the end of each quarter", async () => {
    const r: CaseloadResult = await run({
      measure: "trend",
      of: "rung",
      by: "quarter",
      period: "thisYear",
      filters: {},
    });
    if (r.kind !== "trend") throw new Error(r.kind);
    expect(r.buckets.map((b) => b.label)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    const ends = [
      new Date("2026-04-01T00:00:00Z"),
      new Date("2026-07-01T00:00:00Z"),
      new Date("2026-10-01T00:00:00Z"),
      new Date("2026-11-23T00:00:00Z"),
    ];
    ends.forEach((end, i) => {
      const counts: Record<string, number> = {};
      for (const c of classified()) {
        const h = lastBefore(c, end);
        if (h) counts[String(h.finalRung)] = (counts[String(h.finalRung)] ?? 0) + 1;
      }
      expect(r.buckets[i].counts).toEqual(counts);
    });
  });

  it("lists every classification waiting for approval, page by page, with its total", async () => {
    const waiting = open().filter((c) => latest(c)?.status === "PENDING_REVIEW");
    const shown: string[] = [];
    let total = -1;
    for (let page = 0; page < 10; page++) {
      const r = await run({ measure: "pendingReviews", filters: {} }, { kind: "all" }, page);
      if (r.kind !== "pendingReviews") throw new Error(r.kind);
      total = r.total;
      shown.push(...r.lines.map((l) => l.clientId));
      if (r.lines.length < r.pageSize) break;
    }
    expect(total).toBe(waiting.length);
    expect(shown.sort()).toEqual(waiting.map((c) => c.id).sort());
  });
});

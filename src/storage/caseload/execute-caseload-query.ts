// Answers a caseload query in the database. The asker's scope is part of every WHERE clause; "latest
// classification per client" is defined once (LATEST below) and used by every measure; "onbekend" is
// counted apart and every share carries its denominator.
import type { CaseloadScope } from "../../domain/access/actor.ts";
import { monthsBefore, periodRange, SUPPRESS_BELOW, type CaseloadFilters, type CaseloadQuery } from "../../domain/caseload/caseload-query.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";

export const PAGE_SIZE = 20;

export interface ClientLine {
  clientId: string;
  displayName: string;
  externalKey: string;
  wijk: string;
  rung: number;
  substep: number | null;
  expectedRung: number | null;
  coachName: string | null;
  lastContactAt: Date | null;
  status: string;
}

/** A count that may be hidden ("<5") in aggregates by wijk or age band. */
export interface Cell {
  value: number;
  suppressed: boolean;
}

export type CaseloadResult =
  | { kind: "list"; total: number; page: number; pageSize: number; lines: ClientLine[] }
  | { kind: "count"; count: number; denominator: number }
  | { kind: "distribution"; by: string; rows: { key: string; count: number }[]; unknown: number; total: number }
  | { kind: "crossTab"; currentRungs: number[]; expectedRungs: number[]; cells: Record<string, number>; unknownExpected: Record<string, number>; total: number }
  | { kind: "movement"; direction: "up" | "down"; period: string | null; count: number; denominator: number; noBaseline: number; lines: ClientLine[]; total: number }
  | { kind: "reach"; rows: { wijk: string; inView: Cell; total: Cell }[]; inView: number; total: number }
  | { kind: "growthByAgeBand"; rows: { band: string; total: Cell; ja: Cell; nee: Cell; onbekend: Cell }[] }
  | { kind: "pendingReviews"; lines: (ClientLine & { classificationId: string; confirmedAt: Date })[]; total: number }
  | { kind: "referrals"; rows: { outcome: string; count: number }[]; contacts: number }
  | { kind: "domainTrends"; rows: { domain: string; vooruit: number; gelijk: number; achteruit: number; notDiscussed: number }[] };

// Every client in scope, with its latest classification when it has one: questions about contact and
// reach include clients who were never classified; measures about rungs require one (HAS_LATEST).
// The rung and expected rung of the latest classification are also on the client (c."latestRung",
// c."latestExpectedRung", kept by a database trigger), so a count or cross-tab that filters on nothing
// else reads clients alone (fromClients) and needs no join per client.
const LATEST = Prisma.sql`LEFT JOIN "Classification" l ON l."clientId" = c.id AND l."isLatest" = true`;
const HAS_LATEST = Prisma.sql`c."latestRung" IS NOT NULL`;

function scopeSql(scope: CaseloadScope): Prisma.Sql {
  switch (scope.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "team":
      return Prisma.sql`c."teamId" = ${scope.teamId}`;
    case "coach":
      return Prisma.sql`c."coachId" = ${scope.staffId}`;
  }
}

function ageBandSql(band: string, today: Date): Prisma.Sql {
  const year = today.getUTCFullYear();
  if (band === "<27") return Prisma.sql`c."birthYear" > ${year - 27}`;
  if (band === "27-45") return Prisma.sql`(c."birthYear" <= ${year - 27} AND c."birthYear" >= ${year - 45})`;
  return Prisma.sql`c."birthYear" < ${year - 45}`;
}

interface Ctx {
  scope: CaseloadScope;
  askerStaffId: string;
  today: Date;
}

/** The filters that read more of the latest classification than its rungs (so need the LATEST join). */
const READS_LATEST = ["substep", "growthPotential", "ontheffing", "verdieping", "outcomes", "monthsOnSameRungAtLeast", "statuses"] as const;

/** Clients in scope, joined to their latest classification only when the filters read it. */
function fromClients(filters: CaseloadFilters): Prisma.Sql {
  return READS_LATEST.some((f) => filters[f] !== undefined) ? Prisma.sql`FROM "Client" c ${LATEST}` : Prisma.sql`FROM "Client" c`;
}

/** Every condition as SQL over c (client) and l (its latest classification). */
function whereSql(filters: CaseloadFilters, ctx: Ctx): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c.active = true`, Prisma.sql`c."erasedAt" IS NULL`, scopeSql(ctx.scope)];
  if (filters.rungs) parts.push(Prisma.sql`c."latestRung" IN (${Prisma.join(filters.rungs)})`);
  const e = filters.expected;
  if (e) {
    if (e.op === "unknown") parts.push(Prisma.sql`c."latestExpectedRung" IS NULL`);
    else if (e.op === "aboveCurrent") parts.push(Prisma.sql`c."latestExpectedRung" > c."latestRung"`);
    else if (e.op === "belowCurrent") parts.push(Prisma.sql`c."latestExpectedRung" < c."latestRung"`);
    else if (e.op === "sameAsCurrent") parts.push(Prisma.sql`c."latestExpectedRung" = c."latestRung"`);
    else if (e.op === "atLeast") parts.push(Prisma.sql`c."latestExpectedRung" >= ${e.rung ?? 1}`);
    else if (e.op === "above") parts.push(Prisma.sql`c."latestExpectedRung" > ${e.rung ?? 1}`);
    else parts.push(Prisma.sql`c."latestExpectedRung" = ${e.rung ?? 1}`);
  }
  if (filters.substep !== undefined) parts.push(filters.substep === "none" ? Prisma.sql`l."finalSubstep" IS NULL` : Prisma.sql`l."finalSubstep" = ${filters.substep}`);
  if (filters.wijken) parts.push(Prisma.sql`lower(c.wijk) IN (${Prisma.join(filters.wijken.map((w) => w.toLowerCase()))})`);
  if (filters.mine) parts.push(Prisma.sql`c."coachId" = ${ctx.askerStaffId}`);
  if (filters.team) parts.push(Prisma.sql`c."teamId" IN (SELECT t.id FROM "Team" t WHERE lower(t.name) = ${filters.team.toLowerCase()})`);
  if (filters.ageBands) parts.push(Prisma.sql`(${Prisma.join(filters.ageBands.map((b) => ageBandSql(b, ctx.today)), " OR ")})`);
  if (filters.ageRange?.min !== undefined) parts.push(Prisma.sql`c."birthYear" <= ${ctx.today.getUTCFullYear() - filters.ageRange.min}`);
  if (filters.ageRange?.max !== undefined) parts.push(Prisma.sql`c."birthYear" >= ${ctx.today.getUTCFullYear() - filters.ageRange.max}`);
  if (filters.growthPotential) parts.push(Prisma.sql`l."growthPotential" = ${filters.growthPotential.toUpperCase()}::"GrowthPotential"`);
  if (filters.ontheffing !== undefined) parts.push(Prisma.sql`l.ontheffing = ${filters.ontheffing}`);
  for (const [k, v] of Object.entries(filters.verdieping ?? {})) parts.push(Prisma.sql`l.verdieping ->> ${k} = ${v}`);
  if (filters.outcomes) parts.push(Prisma.sql`l.outcome IN (${Prisma.join(filters.outcomes)})`);
  if (filters.monthsSinceContactAtLeast)
    parts.push(Prisma.sql`(c."lastContactAt" IS NULL OR c."lastContactAt" < ${monthsBefore(ctx.today, filters.monthsSinceContactAtLeast)})`);
  if (filters.monthsOnSameRungAtLeast) {
    const cutoff = monthsBefore(ctx.today, filters.monthsOnSameRungAtLeast);
    // measured on this rung and substep at or before the cutoff, and nothing different since
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Classification" p WHERE p."clientId" = c.id AND p."observedOn" <= ${cutoff} AND p."finalRung" = l."finalRung" AND p.status IN ('FINAL','PENDING_REVIEW'))`);
    parts.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Classification" p WHERE p."clientId" = c.id AND p."observedOn" > ${cutoff} AND p.status IN ('FINAL','PENDING_REVIEW') AND (p."finalRung" <> l."finalRung" OR COALESCE(p."finalSubstep", 0) <> COALESCE(l."finalSubstep", 0)))`,
    );
  }
  if (filters.statuses) parts.push(Prisma.sql`l.status::text IN (${Prisma.join(filters.statuses)})`);
  return Prisma.join(parts, " AND ");
}

const LINE_COLUMNS = Prisma.sql`c.id AS "clientId", c."displayName", c."externalKey", c.wijk, l."finalRung" AS rung, l."finalSubstep" AS substep,
  l."expectedRung", s."displayName" AS "coachName", c."lastContactAt", l.status::text AS status`;

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);
const cell = (value: number): Cell => ({ value, suppressed: value > 0 && value < SUPPRESS_BELOW });

export async function executeCaseloadQuery(
  prisma: PrismaClient,
  input: { query: CaseloadQuery; scope: CaseloadScope; askerStaffId: string; today: Date; page?: number },
): Promise<CaseloadResult> {
  const { query } = input;
  const ctx: Ctx = { scope: input.scope, askerStaffId: input.askerStaffId, today: input.today };
  const where = whereSql(query.filters, ctx);
  const q = <T = Row>(sql: Prisma.Sql) => prisma.$queryRaw<T[]>(sql);

  switch (query.measure) {
    case "list": {
      const page = Math.max(0, input.page ?? 0);
      const [lines, [{ total }]] = await Promise.all([
        q<ClientLine>(Prisma.sql`SELECT ${LINE_COLUMNS} FROM "Client" c ${LATEST} LEFT JOIN "Staff" s ON s.id = c."coachId"
          WHERE ${where} ORDER BY c."displayName", c.id LIMIT ${PAGE_SIZE} OFFSET ${page * PAGE_SIZE}`),
        q<{ total: bigint }>(Prisma.sql`SELECT count(*) AS total ${fromClients(query.filters)} WHERE ${where}`),
      ]);
      return { kind: "list", total: n(total), page, pageSize: PAGE_SIZE, lines: lines.map(normaliseLine) };
    }
    case "count": {
      const [{ count, denominator }] = await q<{ count: bigint; denominator: bigint }>(Prisma.sql`
        SELECT count(*) FILTER (WHERE ${where}) AS count, count(*) AS denominator
        ${fromClients(query.filters)} WHERE c.active = true AND c."erasedAt" IS NULL AND ${scopeSql(ctx.scope)}`);
      return { kind: "count", count: n(count), denominator: n(denominator) };
    }
    case "distribution": {
      const key =
        query.by === "rung" ? Prisma.sql`c."latestRung"::text` : query.by === "expected" ? Prisma.sql`c."latestExpectedRung"::text` : query.by === "substep" ? Prisma.sql`COALESCE(l."finalSubstep"::text, '-')` : query.by === "wijk" ? Prisma.sql`c.wijk` : Prisma.sql`COALESCE(s."displayName", '-')`;
      const needsLatest = query.by === "rung" || query.by === "expected" || query.by === "substep" ? Prisma.sql`AND ${HAS_LATEST}` : Prisma.empty;
      const rows = await q<{ key: string | null; count: bigint }>(Prisma.sql`SELECT ${key} AS key, count(*) AS count FROM "Client" c ${LATEST}
        LEFT JOIN "Staff" s ON s.id = c."coachId" WHERE ${where} ${needsLatest} GROUP BY 1 ORDER BY 1`);
      const known = rows.filter((r) => r.key !== null).map((r) => ({ key: r.key!, count: n(r.count) }));
      if (query.by === "rung" || query.by === "expected") known.sort((a, b) => Number(a.key) - Number(b.key));
      const unknown = n(rows.find((r) => r.key === null)?.count);
      return { kind: "distribution", by: query.by, rows: known, unknown, total: known.reduce((s, r) => s + r.count, 0) + unknown };
    }
    case "crossTab": {
      const rows = await q<{ current: number; expected: number | null; count: bigint }>(Prisma.sql`SELECT c."latestRung" AS current, c."latestExpectedRung" AS expected, count(*) AS count
        ${fromClients(query.filters)} WHERE ${where} AND ${HAS_LATEST} GROUP BY 1, 2`);
      const cells: Record<string, number> = {};
      const unknownExpected: Record<string, number> = {};
      for (const r of rows) {
        if (r.expected === null) unknownExpected[r.current] = (unknownExpected[r.current] ?? 0) + n(r.count);
        else cells[`${r.current}:${r.expected}`] = n(r.count);
      }
      const currentRungs = [...new Set(rows.map((r) => Number(r.current)))].sort((a, b) => a - b);
      const expectedRungs = [...new Set(rows.filter((r) => r.expected !== null).map((r) => Number(r.expected)))].sort((a, b) => a - b);
      return { kind: "crossTab", currentRungs, expectedRungs, cells, unknownExpected, total: rows.reduce((s, r) => s + n(r.count), 0) };
    }
    case "movement": {
      const movementWhere = Prisma.sql`${where} AND ${HAS_LATEST}`;
      if (!query.period) {
        // since the previous measurement: the latest classification against the one before it
        const cmp = query.direction === "up" ? Prisma.sql`l."finalRung" > l."previousRung"` : Prisma.sql`l."finalRung" < l."previousRung"`;
        const [lines, [{ count, denominator, nobaseline }]] = await Promise.all([
          q<ClientLine>(Prisma.sql`SELECT ${LINE_COLUMNS} FROM "Client" c ${LATEST} LEFT JOIN "Staff" s ON s.id = c."coachId"
            WHERE ${movementWhere} AND ${cmp} ORDER BY c."displayName", c.id LIMIT ${PAGE_SIZE} OFFSET ${Math.max(0, input.page ?? 0) * PAGE_SIZE}`),
          q<{ count: bigint; denominator: bigint; nobaseline: bigint }>(Prisma.sql`SELECT count(*) FILTER (WHERE ${cmp}) AS count,
            count(*) FILTER (WHERE l."previousRung" IS NOT NULL) AS denominator, count(*) FILTER (WHERE l."previousRung" IS NULL) AS nobaseline
            FROM "Client" c ${LATEST} WHERE ${movementWhere}`),
        ]);
        return { kind: "movement", direction: query.direction, period: null, count: n(count), denominator: n(denominator), noBaseline: n(nobaseline), lines: lines.map(normaliseLine), total: n(count) };
      }
      // within a period: current rung against the last classification before the period (the baseline);
      // clients with no baseline are counted apart, never in the denominator
      const { from } = periodRange(query.period, ctx.today);
      // a lateral join, not a scalar subquery: PostgreSQL evaluates a scalar subquery once per reference
      // (three FILTERs below), a lateral row once per client
      const baseline = Prisma.sql`LEFT JOIN LATERAL (SELECT b."finalRung" AS base FROM "Classification" b WHERE b."clientId" = c.id AND b."observedOn" < ${from}
        AND b.status IN ('FINAL','PENDING_REVIEW') ORDER BY b."observedOn" DESC, b.version DESC LIMIT 1) x ON true`;
      const cmp = query.direction === "up" ? Prisma.sql`c."latestRung" > x.base` : Prisma.sql`c."latestRung" < x.base`;
      const [lines, [{ count, denominator, nobaseline }]] = await Promise.all([
        q<ClientLine>(Prisma.sql`SELECT ${LINE_COLUMNS} FROM "Client" c ${LATEST} LEFT JOIN "Staff" s ON s.id = c."coachId" ${baseline}
          WHERE ${movementWhere} AND ${cmp} ORDER BY c."displayName", c.id LIMIT ${PAGE_SIZE} OFFSET ${Math.max(0, input.page ?? 0) * PAGE_SIZE}`),
        q<{ count: bigint; denominator: bigint; nobaseline: bigint }>(Prisma.sql`SELECT count(*) FILTER (WHERE ${cmp}) AS count,
          count(*) FILTER (WHERE x.base IS NOT NULL) AS denominator, count(*) FILTER (WHERE x.base IS NULL) AS nobaseline
          ${fromClients(query.filters)} ${baseline} WHERE ${movementWhere}`),
      ]);
      return { kind: "movement", direction: query.direction, period: query.period, count: n(count), denominator: n(denominator), noBaseline: n(nobaseline), lines: lines.map(normaliseLine), total: n(count) };
    }
    case "reach": {
      const yearAgo = monthsBefore(ctx.today, 12);
      const rows = await q<{ wijk: string; inview: bigint; total: bigint }>(Prisma.sql`SELECT c.wijk, count(*) FILTER (WHERE c."lastContactAt" >= ${yearAgo}) AS inview, count(*) AS total
        FROM "Client" c ${LATEST} WHERE ${where} GROUP BY c.wijk ORDER BY c.wijk`);
      return {
        kind: "reach",
        rows: rows.map((r) => ({ wijk: r.wijk, inView: cell(n(r.inview)), total: cell(n(r.total)) })),
        inView: rows.reduce((s, r) => s + n(r.inview), 0),
        total: rows.reduce((s, r) => s + n(r.total), 0),
      };
    }
    case "growthByAgeBand": {
      const year = ctx.today.getUTCFullYear();
      const rows = await q<{ band: string; total: bigint; ja: bigint; nee: bigint; onbekend: bigint }>(Prisma.sql`SELECT
          CASE WHEN c."birthYear" > ${year - 27} THEN '<27' WHEN c."birthYear" >= ${year - 45} THEN '27-45' ELSE '45+' END AS band,
          count(*) AS total, count(*) FILTER (WHERE l."growthPotential" = 'JA') AS ja, count(*) FILTER (WHERE l."growthPotential" = 'NEE') AS nee,
          count(*) FILTER (WHERE l."growthPotential" = 'ONBEKEND') AS onbekend
        FROM "Client" c ${LATEST} WHERE ${where} AND ${HAS_LATEST} GROUP BY 1`);
      const order = ["<27", "27-45", "45+"];
      return {
        kind: "growthByAgeBand",
        rows: order.map((band) => {
          const r = rows.find((x) => x.band === band);
          return { band, total: cell(n(r?.total)), ja: cell(n(r?.ja)), nee: cell(n(r?.nee)), onbekend: cell(n(r?.onbekend)) };
        }),
      };
    }
    case "pendingReviews": {
      const lines = await q<ClientLine & { classificationId: string; confirmedAt: Date }>(Prisma.sql`SELECT ${LINE_COLUMNS}, l.id AS "classificationId", l."confirmedAt"
        FROM "Client" c ${LATEST} LEFT JOIN "Staff" s ON s.id = l."coachId" WHERE ${where} AND l.status = 'PENDING_REVIEW' ORDER BY l."confirmedAt" LIMIT 50`);
      return { kind: "pendingReviews", lines: lines.map((l) => ({ ...normaliseLine(l), classificationId: l.classificationId, confirmedAt: l.confirmedAt })), total: lines.length };
    }
    case "referrals": {
      const { from, to } = periodRange(query.period, ctx.today);
      const outcomeFilter = query.filters.outcomes ? Prisma.sql`AND k.outcome IN (${Prisma.join(query.filters.outcomes)})` : Prisma.empty;
      const { outcomes: _ignored, ...clientFilters } = query.filters;
      const rows = await q<{ outcome: string; count: bigint }>(Prisma.sql`SELECT k.outcome, count(*) AS count FROM "Contact" k JOIN "Client" c ON c.id = k."clientId" ${LATEST}
        WHERE ${whereSql(clientFilters, ctx)} AND k.reached = true AND k.outcome IS NOT NULL AND k.date >= ${from} AND k.date < ${to} ${outcomeFilter}
        GROUP BY k.outcome ORDER BY count DESC, k.outcome`);
      return { kind: "referrals", rows: rows.map((r) => ({ outcome: r.outcome, count: n(r.count) })), contacts: rows.reduce((s, r) => s + n(r.count), 0) };
    }
    case "domainTrends": {
      const { from, to } = periodRange(query.period, ctx.today);
      const rows = await q<{ domain: string; up: bigint; same: bigint; down: bigint; nd: bigint }>(Prisma.sql`SELECT d.domain,
          count(*) FILTER (WHERE d.score > d."previousScore") AS up, count(*) FILTER (WHERE d.score = d."previousScore") AS same,
          count(*) FILTER (WHERE d.score < d."previousScore") AS down, count(*) FILTER (WHERE d.score IS NULL OR d."previousScore" IS NULL) AS nd
        FROM "DomainScore" d JOIN "Client" c ON c.id = d."clientId" ${LATEST}
        WHERE ${where} AND d."observedOn" >= ${from} AND d."observedOn" < ${to} GROUP BY d.domain ORDER BY d.domain`);
      return { kind: "domainTrends", rows: rows.map((r) => ({ domain: r.domain, vooruit: n(r.up), gelijk: n(r.same), achteruit: n(r.down), notDiscussed: n(r.nd) })) };
    }
  }
}

function normaliseLine(l: ClientLine): ClientLine {
  return { ...l, rung: Number(l.rung), substep: l.substep === null ? null : Number(l.substep), expectedRung: l.expectedRung === null ? null : Number(l.expectedRung) };
}

// Answers a caseload query in the database. The asker's scope is part of every WHERE clause; "latest
// classification per client" is defined once (LATEST below) and used by every measure; "onbekend" is
// counted apart and every share carries its denominator.
import type { CaseloadScope } from "../../domain/access/actor.ts";
import type { CaseloadResult, Cell, ClientLine } from "../../domain/caseload/caseload-result.ts";
import {
  daysBefore,
  monthsBefore,
  periodBuckets,
  periodRange,
  type CaseloadFilters,
  type CaseloadQuery,
} from "../../domain/caseload/caseload-query.ts";
import { suppressList, suppressTable } from "../../domain/caseload/small-cells.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { clientScopeSql } from "../client-scope.ts";

export const PAGE_SIZE = 20;

// the answer's shapes cross the store port, so they live in the domain
export type { CaseloadResult, Cell, ClientLine } from "../../domain/caseload/caseload-result.ts";

// Every client in scope, with its latest classification when it has one: questions about contact and
// reach include clients who were never classified; measures about rungs require one (HAS_LATEST).
// The rung and expected rung of the latest classification are also on the client (c."latestRung",
// c."latestExpectedRung", kept by a database trigger), so a count or cross-tab that filters on nothing
// else reads clients alone (fromClients) and needs no join per client.
const LATEST = Prisma.sql`LEFT JOIN "Classification" l ON l."clientId" = c.id AND l."isLatest" = true`;
const HAS_LATEST = Prisma.sql`c."latestRung" IS NOT NULL`;
const COUNTED = Prisma.sql`('FINAL','PENDING_REVIEW')`;

/** Clients who count: in the asker's scope, open (not closed) and not erased (src/storage/client-scope.ts). */
const scopeSql = (scope: CaseloadScope) => clientScopeSql(scope, "caseload");

function ageBandSql(band: string, today: Date): Prisma.Sql {
  const year = today.getUTCFullYear();
  if (band === "<27") return Prisma.sql`c."birthYear" > ${year - 27}`;
  if (band === "27-44") return Prisma.sql`(c."birthYear" <= ${year - 27} AND c."birthYear" > ${year - 45})`;
  return Prisma.sql`c."birthYear" <= ${year - 45}`;
}

interface Ctx {
  scope: CaseloadScope;
  askerStaffId: string;
  today: Date;
}

/** The filters that read more of the latest classification than its rungs (so need the LATEST join). */
const READS_LATEST = [
  "substep",
  "growthPotential",
  "ontheffing",
  "verdieping",
  "outcomes",
  "monthsOnSameRungAtLeast",
  "monthsOnSameSubstepAtLeast",
  "statuses",
  "rung5Reasons",
] as const;

/** Clients in scope, joined to their latest classification only when the filters read it. */
function fromClients(filters: CaseloadFilters): Prisma.Sql {
  return READS_LATEST.some((f) => filters[f] !== undefined) ? Prisma.sql`FROM "Client" c ${LATEST}` : Prisma.sql`FROM "Client" c`;
}

/** Every condition as SQL over c (client) and l (its latest classification). */
function whereSql(filters: CaseloadFilters, ctx: Ctx): Prisma.Sql {
  const parts: Prisma.Sql[] = [scopeSql(ctx.scope)];
  if (filters.rungs) parts.push(Prisma.sql`c."latestRung" IN (${Prisma.join(filters.rungs)})`);
  if (filters.rungRange?.min !== undefined) parts.push(Prisma.sql`c."latestRung" >= ${filters.rungRange.min}`);
  if (filters.rungRange?.max !== undefined) parts.push(Prisma.sql`c."latestRung" <= ${filters.rungRange.max}`);
  const e = filters.expected;
  if (e) {
    if (e.op === "unknown") parts.push(Prisma.sql`c."latestExpectedRung" IS NULL`);
    else if (e.op === "aboveCurrent") parts.push(Prisma.sql`c."latestExpectedRung" > c."latestRung"`);
    else if (e.op === "belowCurrent") parts.push(Prisma.sql`c."latestExpectedRung" < c."latestRung"`);
    else if (e.op === "sameAsCurrent") parts.push(Prisma.sql`c."latestExpectedRung" = c."latestRung"`);
    else if (e.op === "atLeast") parts.push(Prisma.sql`c."latestExpectedRung" >= ${e.rung ?? 1}`);
    else if (e.op === "above") parts.push(Prisma.sql`c."latestExpectedRung" > ${e.rung ?? 1}`);
    else if (e.op === "atMost") parts.push(Prisma.sql`c."latestExpectedRung" <= ${e.rung ?? 7}`);
    else if (e.op === "below") parts.push(Prisma.sql`c."latestExpectedRung" < ${e.rung ?? 7}`);
    else parts.push(Prisma.sql`c."latestExpectedRung" = ${e.rung ?? 1}`);
  }
  if (filters.substep !== undefined)
    parts.push(filters.substep === "none" ? Prisma.sql`l."finalSubstep" IS NULL` : Prisma.sql`l."finalSubstep" = ${filters.substep}`);
  if (filters.wijken) parts.push(Prisma.sql`lower(c.wijk) IN (${Prisma.join(filters.wijken.map((w) => w.toLowerCase()))})`);
  if (filters.mine) parts.push(Prisma.sql`c."coachId" = ${ctx.askerStaffId}`);
  if (filters.coaches)
    parts.push(
      Prisma.sql`c."coachId" IN (SELECT st.id FROM "Staff" st WHERE lower(st."displayName") IN (${Prisma.join(filters.coaches.map((x) => x.toLowerCase()))}))`,
    );
  // a client on rung 5 may have several supports; it counts for every reason it has
  if (filters.rung5Reasons) parts.push(Prisma.sql`l."rung5Reasons" && ARRAY[${Prisma.join(filters.rung5Reasons)}]::text[]`);
  if (filters.daysSinceContactAtLeast)
    parts.push(Prisma.sql`(c."lastContactAt" IS NULL OR c."lastContactAt" < ${daysBefore(ctx.today, filters.daysSinceContactAtLeast)})`);
  if (filters.team) parts.push(Prisma.sql`c."teamId" IN (SELECT t.id FROM "Team" t WHERE lower(t.name) = ${filters.team.toLowerCase()})`);
  if (filters.ageBands)
    parts.push(
      Prisma.sql`(${Prisma.join(
        filters.ageBands.map((b) => ageBandSql(b, ctx.today)),
        " OR ",
      )})`,
    );
  if (filters.ageRange?.min !== undefined) parts.push(Prisma.sql`c."birthYear" <= ${ctx.today.getUTCFullYear() - filters.ageRange.min}`);
  if (filters.ageRange?.max !== undefined) parts.push(Prisma.sql`c."birthYear" >= ${ctx.today.getUTCFullYear() - filters.ageRange.max}`);
  if (filters.growthPotential) parts.push(Prisma.sql`l."growthPotential" = ${filters.growthPotential.toUpperCase()}::"GrowthPotential"`);
  if (filters.ontheffing !== undefined) parts.push(Prisma.sql`l.ontheffing = ${filters.ontheffing}`);
  for (const [k, v] of Object.entries(filters.verdieping ?? {})) parts.push(Prisma.sql`l.verdieping ->> ${k} = ${v}`);
  if (filters.outcomes) parts.push(Prisma.sql`l.outcome IN (${Prisma.join(filters.outcomes)})`);
  if (filters.monthsSinceContactAtLeast)
    parts.push(
      Prisma.sql`(c."lastContactAt" IS NULL OR c."lastContactAt" < ${monthsBefore(ctx.today, filters.monthsSinceContactAtLeast)})`,
    );
  if (filters.monthsOnSameRungAtLeast) {
    const cutoff = monthsBefore(ctx.today, filters.monthsOnSameRungAtLeast);
    // measured on this rung at or before the cutoff, and on no other rung since (the substep may have moved)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Classification" p WHERE p."clientId" = c.id AND p."observedOn" <= ${cutoff} AND p."finalRung" = l."finalRung" AND p.status IN ('FINAL','PENDING_REVIEW'))`,
    );
    parts.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Classification" p WHERE p."clientId" = c.id AND p."observedOn" > ${cutoff} AND p.status IN ('FINAL','PENDING_REVIEW') AND p."finalRung" <> l."finalRung")`,
    );
  }
  if (filters.monthsOnSameSubstepAtLeast) {
    const cutoff = monthsBefore(ctx.today, filters.monthsOnSameSubstepAtLeast);
    const same = Prisma.sql`p."finalRung" = l."finalRung" AND COALESCE(p."finalSubstep", 0) = COALESCE(l."finalSubstep", 0)`;
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Classification" p WHERE p."clientId" = c.id AND p."observedOn" <= ${cutoff} AND ${same} AND p.status IN ('FINAL','PENDING_REVIEW'))`,
    );
    parts.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Classification" p WHERE p."clientId" = c.id AND p."observedOn" > ${cutoff} AND p.status IN ('FINAL','PENDING_REVIEW') AND NOT (${same}))`,
    );
  }
  if (filters.statuses) parts.push(Prisma.sql`l.status::text IN (${Prisma.join(filters.statuses)})`);
  return Prisma.join(parts, " AND ");
}

const LINE_COLUMNS = Prisma.sql`c.id AS "clientId", c."displayName", c."externalKey", c.wijk, l."finalRung" AS rung, l."finalSubstep" AS substep,
  l."expectedRung", s."displayName" AS "coachName", c."lastContactAt", l.status::text AS status`;

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

export async function executeCaseloadQuery(
  prisma: PrismaClient,
  input: {
    query: CaseloadQuery;
    scope: CaseloadScope;
    askerStaffId: string;
    today: Date;
    page?: number;
    pageSize?: number;
  },
): Promise<CaseloadResult> {
  const { query } = input;
  const ctx: Ctx = { scope: input.scope, askerStaffId: input.askerStaffId, today: input.today };
  const where = whereSql(query.filters, ctx);
  const q = <T = Row>(sql: Prisma.Sql) => prisma.$queryRaw<T[]>(sql);
  const page = Math.max(0, input.page ?? 0);
  // an export reads a list in larger pages; a card shows PAGE_SIZE
  const pageSize = Math.min(Math.max(1, input.pageSize ?? PAGE_SIZE), 1_000);
  const paging = Prisma.sql`LIMIT ${pageSize} OFFSET ${page * pageSize}`;

  switch (query.measure) {
    case "list": {
      // sorted by what the question is about: longest unseen first for contact questions
      // and longest on the same rung (substep) first for "al een jaar op dezelfde trede": the last measurement
      // on another one, earliest (or none) first
      const byContact = query.filters.monthsSinceContactAtLeast !== undefined || query.filters.daysSinceContactAtLeast !== undefined;
      const f = query.filters;
      const sameSubstep = Prisma.sql`p."finalRung" = l."finalRung" AND COALESCE(p."finalSubstep", 0) = COALESCE(l."finalSubstep", 0)`;
      const sameWhat = f.monthsOnSameSubstepAtLeast
        ? sameSubstep
        : f.monthsOnSameRungAtLeast
          ? Prisma.sql`p."finalRung" = l."finalRung"`
          : null;
      const order = byContact
        ? Prisma.sql`c."lastContactAt" ASC NULLS FIRST, c."displayName", c.id`
        : sameWhat
          ? Prisma.sql`(SELECT max(p."observedOn") FROM "Classification" p WHERE p."clientId" = c.id AND p.status IN ('FINAL','PENDING_REVIEW') AND NOT (${sameWhat})) ASC NULLS FIRST, c."displayName", c.id`
          : Prisma.sql`c."displayName", c.id`;
      const [lines, [{ total }]] = await Promise.all([
        q<ClientLine>(Prisma.sql`SELECT ${LINE_COLUMNS} FROM "Client" c ${LATEST} LEFT JOIN "Staff" s ON s.id = c."coachId"
          WHERE ${where} ORDER BY ${order} ${paging}`),
        q<{ total: bigint }>(Prisma.sql`SELECT count(*) AS total ${fromClients(query.filters)} WHERE ${where}`),
      ]);
      return {
        kind: "list",
        total: n(total),
        page,
        pageSize,
        lines: lines.map(normaliseLine),
        order: byContact ? "lastContact" : sameWhat ? "sameRung" : "name",
      };
    }
    case "count": {
      const [{ count, denominator }] = await q<{ count: bigint; denominator: bigint }>(Prisma.sql`
        SELECT count(*) FILTER (WHERE ${where}) AS count, count(*) AS denominator
        ${fromClients(query.filters)} WHERE ${scopeSql(ctx.scope)}`);
      return { kind: "count", count: n(count), denominator: n(denominator) };
    }
    case "distribution": {
      const year = ctx.today.getUTCFullYear();
      const keys: Record<typeof query.by, Prisma.Sql> = {
        rung: Prisma.sql`c."latestRung"::text`,
        expected: Prisma.sql`c."latestExpectedRung"::text`,
        substep: Prisma.sql`COALESCE(l."finalSubstep"::text, '-')`,
        wijk: Prisma.sql`c.wijk`,
        coach: Prisma.sql`COALESCE(s."displayName", '-')`,
        team: Prisma.sql`t.name`,
        ageBand: Prisma.sql`CASE WHEN c."birthYear" > ${year - 27} THEN '<27' WHEN c."birthYear" > ${year - 45} THEN '27-44' ELSE '45+' END`,
        growthPotential: Prisma.sql`lower(l."growthPotential"::text)`,
      };
      const needsLatest = ["rung", "expected", "substep", "growthPotential"].includes(query.by)
        ? Prisma.sql`AND ${HAS_LATEST}`
        : Prisma.empty;
      const rows = await q<{
        key: string | null;
        count: bigint;
      }>(Prisma.sql`SELECT ${keys[query.by]} AS key, count(*) AS count FROM "Client" c ${LATEST}
        LEFT JOIN "Staff" s ON s.id = c."coachId" LEFT JOIN "Team" t ON t.id = c."teamId" WHERE ${where} ${needsLatest} GROUP BY 1 ORDER BY 1`);
      const known = rows.filter((r) => r.key !== null).map((r) => ({ key: r.key!, count: n(r.count) }));
      if (query.by === "rung" || query.by === "expected") known.sort((a, b) => Number(a.key) - Number(b.key));
      if (query.by === "ageBand") known.sort((a, b) => ["<27", "27-44", "45+"].indexOf(a.key) - ["<27", "27-44", "45+"].indexOf(b.key));
      const unknown = n(rows.find((r) => r.key === null)?.count);
      const total = known.reduce((s, r) => s + r.count, 0) + unknown;
      // people are recognisable in small groups by wijk or age (domain reference §4)
      if (query.by === "wijk" || query.by === "ageBand") {
        const s = suppressList([...known.map((r) => r.count), unknown]);
        return {
          kind: "distribution",
          by: query.by,
          rows: known.map((r, i) => ({ ...r, suppressed: s.withheld || s.hidden[i] })),
          unknown,
          unknownSuppressed: s.withheld || s.hidden[known.length],
          total,
        };
      }
      return { kind: "distribution", by: query.by, rows: known, unknown, total };
    }
    case "crossTab": {
      const rows = await q<{
        current: number;
        expected: number | null;
        count: bigint;
      }>(Prisma.sql`SELECT c."latestRung" AS current, c."latestExpectedRung" AS expected, count(*) AS count
        ${fromClients(query.filters)} WHERE ${where} AND ${HAS_LATEST} GROUP BY 1, 2`);
      const cells: Record<string, number> = {};
      const unknownExpected: Record<string, number> = {};
      for (const r of rows) {
        if (r.expected === null) unknownExpected[r.current] = (unknownExpected[r.current] ?? 0) + n(r.count);
        else cells[`${r.current}:${r.expected}`] = n(r.count);
      }
      const currentRungs = [...new Set(rows.map((r) => Number(r.current)))].sort((a, b) => a - b);
      const expectedRungs = [...new Set(rows.filter((r) => r.expected !== null).map((r) => Number(r.expected)))].sort((a, b) => a - b);
      return {
        kind: "crossTab",
        currentRungs,
        expectedRungs,
        cells,
        unknownExpected,
        total: rows.reduce((s, r) => s + n(r.count), 0),
      };
    }
    case "movement": {
      const movementWhere = Prisma.sql`${where} AND ${HAS_LATEST}`;
      const lineFrom = Prisma.sql`FROM "Client" c ${LATEST} LEFT JOIN "Staff" s ON s.id = c."coachId"`;
      const result = (
        reading: "sincePrevious" | "startEnd" | "events",
        r: { count: bigint; denominator: bigint; nobaseline: bigint },
        lines: ClientLine[],
      ): CaseloadResult => ({
        kind: "movement",
        direction: query.direction,
        period: query.period ?? null,
        reading,
        count: n(r.count),
        denominator: n(r.denominator),
        noBaseline: n(r.nobaseline),
        lines: lines.map(normaliseLine),
        total: n(r.count),
        page,
        pageSize,
      });
      // the biggest step first: that is what a question about movement is about
      if (!query.period) {
        // since the previous measurement: the latest classification against the one before it
        const cmp = query.direction === "up" ? Prisma.sql`l."finalRung" > l."previousRung"` : Prisma.sql`l."finalRung" < l."previousRung"`;
        const [lines, [counts]] = await Promise.all([
          q<ClientLine>(
            Prisma.sql`SELECT ${LINE_COLUMNS} ${lineFrom} WHERE ${movementWhere} AND ${cmp} ORDER BY abs(l."finalRung" - l."previousRung") DESC, c."displayName", c.id ${paging}`,
          ),
          q<{
            count: bigint;
            denominator: bigint;
            nobaseline: bigint;
          }>(Prisma.sql`SELECT count(*) FILTER (WHERE ${cmp}) AS count,
            count(*) FILTER (WHERE l."previousRung" IS NOT NULL) AS denominator, count(*) FILTER (WHERE l."previousRung" IS NULL) AS nobaseline
            FROM "Client" c ${LATEST} WHERE ${movementWhere}`),
        ]);
        return result("sincePrevious", counts, lines);
      }
      const { from, to } = periodRange(query.period, ctx.today);
      if (query.reading === "events") {
        // steps during the period: a counted classification in it on another rung than the one before it;
        // clients measured in the period form the denominator, the others are counted apart
        const step = query.direction === "up" ? Prisma.sql`e."finalRung" > e."previousRung"` : Prisma.sql`e."finalRung" < e."previousRung"`;
        const inPeriod = Prisma.sql`e."clientId" = c.id AND e."observedOn" >= ${from} AND e."observedOn" < ${to} AND e.status IN ${COUNTED}`;
        const moved = Prisma.sql`EXISTS (SELECT 1 FROM "Classification" e WHERE ${inPeriod} AND e."previousRung" IS NOT NULL AND ${step})`;
        const measured = Prisma.sql`EXISTS (SELECT 1 FROM "Classification" e WHERE ${inPeriod} AND e."previousRung" IS NOT NULL)`;
        const [lines, [counts]] = await Promise.all([
          q<ClientLine>(Prisma.sql`SELECT ${LINE_COLUMNS} ${lineFrom} WHERE ${movementWhere} AND ${moved}
            ORDER BY (SELECT max(abs(e."finalRung" - e."previousRung")) FROM "Classification" e WHERE ${inPeriod} AND e."previousRung" IS NOT NULL AND ${step}) DESC, c."displayName", c.id ${paging}`),
          q<{
            count: bigint;
            denominator: bigint;
            nobaseline: bigint;
          }>(Prisma.sql`SELECT count(*) FILTER (WHERE ${moved}) AS count,
            count(*) FILTER (WHERE ${measured}) AS denominator, count(*) FILTER (WHERE NOT ${measured}) AS nobaseline
            ${fromClients(query.filters)} WHERE ${movementWhere}`),
        ]);
        return result("events", counts, lines);
      }
      // start versus end: the last classification before the period (the baseline) against the last one
      // before its end; clients with no baseline are counted apart, never in the denominator. Lateral
      // joins, not scalar subqueries: PostgreSQL evaluates a scalar subquery once per reference.
      const at = (
        alias: string,
        before: Date,
      ) => Prisma.sql`LEFT JOIN LATERAL (SELECT b."finalRung" AS rung FROM "Classification" b WHERE b."clientId" = c.id AND b."observedOn" < ${before}
        AND b.status IN ${COUNTED} ORDER BY b."observedOn" DESC, b.version DESC LIMIT 1) ${Prisma.raw(alias)} ON true`;
      const joins = Prisma.sql`${at("x", from)} ${at("y", to)}`;
      const cmp = query.direction === "up" ? Prisma.sql`y.rung > x.rung` : Prisma.sql`y.rung < x.rung`;
      const [lines, [counts]] = await Promise.all([
        q<ClientLine>(
          Prisma.sql`SELECT ${LINE_COLUMNS} ${lineFrom} ${joins} WHERE ${movementWhere} AND ${cmp} ORDER BY abs(y.rung - x.rung) DESC, c."displayName", c.id ${paging}`,
        ),
        q<{
          count: bigint;
          denominator: bigint;
          nobaseline: bigint;
        }>(Prisma.sql`SELECT count(*) FILTER (WHERE ${cmp}) AS count,
          count(*) FILTER (WHERE x.rung IS NOT NULL) AS denominator, count(*) FILTER (WHERE x.rung IS NULL) AS nobaseline
          ${fromClients(query.filters)} ${joins} WHERE ${movementWhere}`),
      ]);
      return result("startEnd", counts, lines);
    }
    case "reach": {
      const yearAgo = monthsBefore(ctx.today, 12);
      const rows = await q<{
        wijk: string;
        inview: bigint;
        total: bigint;
      }>(Prisma.sql`SELECT c.wijk, count(*) FILTER (WHERE c."lastContactAt" >= ${yearAgo}) AS inview, count(*) AS total
        FROM "Client" c ${LATEST} WHERE ${where} GROUP BY c.wijk ORDER BY c.wijk`);
      // in view and not in view per wijk, with the totals: hidden together so no cell can be worked out
      const s = suppressTable(rows.map((r) => [n(r.inview), n(r.total) - n(r.inview)]));
      const hid = (i: number, j: number) => s.withheld || s.hidden[i][j];
      return {
        kind: "reach",
        rows: rows.map((r, i) => ({
          wijk: r.wijk,
          inView: { value: n(r.inview), suppressed: hid(i, 0) },
          total: { value: n(r.total), suppressed: hid(i, 2) },
        })),
        inView: rows.reduce((s, r) => s + n(r.inview), 0),
        total: rows.reduce((s, r) => s + n(r.total), 0),
        inViewSuppressed: hid(rows.length, 0),
        totalSuppressed: hid(rows.length, 2),
      };
    }
    case "growthByAgeBand": {
      const year = ctx.today.getUTCFullYear();
      const rows = await q<{ band: string; total: bigint; ja: bigint; nee: bigint; onbekend: bigint }>(Prisma.sql`SELECT
          CASE WHEN c."birthYear" > ${year - 27} THEN '<27' WHEN c."birthYear" > ${year - 45} THEN '27-44' ELSE '45+' END AS band,
          count(*) AS total, count(*) FILTER (WHERE l."growthPotential" = 'JA') AS ja, count(*) FILTER (WHERE l."growthPotential" = 'NEE') AS nee,
          count(*) FILTER (WHERE l."growthPotential" = 'ONBEKEND') AS onbekend
        FROM "Client" c ${LATEST} WHERE ${where} AND ${HAS_LATEST} GROUP BY 1`);
      const order = ["<27", "27-44", "45+"];
      const values = order.map((band) => {
        const r = rows.find((x) => x.band === band);
        return [n(r?.ja), n(r?.nee), n(r?.onbekend)];
      });
      const s = suppressTable(values);
      const c = (i: number, j: number, value: number): Cell => ({ value, suppressed: s.withheld || s.hidden[i][j] });
      const columnTotals = [0, 1, 2, 3].map((j) =>
        order.reduce((sum, _, i) => sum + (j === 3 ? values[i].reduce((a, b) => a + b, 0) : values[i][j]), 0),
      );
      return {
        kind: "growthByAgeBand",
        rows: order.map((band, i) => ({
          band,
          ja: c(i, 0, values[i][0]),
          nee: c(i, 1, values[i][1]),
          onbekend: c(i, 2, values[i][2]),
          total: c(
            i,
            3,
            values[i].reduce((a, b) => a + b, 0),
          ),
        })),
        totals: {
          ja: c(3, 0, columnTotals[0]),
          nee: c(3, 1, columnTotals[1]),
          onbekend: c(3, 2, columnTotals[2]),
          total: c(3, 3, columnTotals[3]),
        },
      };
    }
    case "pendingReviews": {
      const pendingWhere = Prisma.sql`${where} AND l.status = 'PENDING_REVIEW'`;
      const [lines, [{ total }]] = await Promise.all([
        q<
          ClientLine & { classificationId: string; confirmedAt: Date }
        >(Prisma.sql`SELECT ${LINE_COLUMNS}, l.id AS "classificationId", l."confirmedAt"
          FROM "Client" c ${LATEST} LEFT JOIN "Staff" s ON s.id = l."coachId" WHERE ${pendingWhere} ORDER BY l."confirmedAt", c.id ${paging}`),
        q<{ total: bigint }>(Prisma.sql`SELECT count(*) AS total FROM "Client" c ${LATEST} WHERE ${pendingWhere}`),
      ]);
      return {
        kind: "pendingReviews",
        lines: lines.map((l) => ({
          ...normaliseLine(l),
          classificationId: l.classificationId,
          confirmedAt: l.confirmedAt,
        })),
        total: n(total),
        page,
        pageSize,
      };
    }
    case "referrals": {
      const { from, to } = periodRange(query.period, ctx.today);
      const outcomeFilter = query.filters.outcomes ? Prisma.sql`AND k.outcome IN (${Prisma.join(query.filters.outcomes)})` : Prisma.empty;
      const { outcomes: _ignored, ...clientFilters } = query.filters;
      const rows = await q<{
        outcome: string;
        count: bigint;
      }>(Prisma.sql`SELECT k.outcome, count(*) AS count FROM "Contact" k JOIN "Client" c ON c.id = k."clientId" ${LATEST}
        WHERE ${whereSql(clientFilters, ctx)} AND k.reached = true AND k.outcome IS NOT NULL AND k.date >= ${from} AND k.date < ${to} ${outcomeFilter}
        GROUP BY k.outcome ORDER BY count DESC, k.outcome`);
      return {
        kind: "referrals",
        rows: rows.map((r) => ({ outcome: r.outcome, count: n(r.count) })),
        contacts: rows.reduce((s, r) => s + n(r.count), 0),
      };
    }
    case "domainTrends": {
      const { from, to } = periodRange(query.period, ctx.today);
      const rows = await q<{
        domain: string;
        up: bigint;
        same: bigint;
        down: bigint;
        nd: bigint;
      }>(Prisma.sql`SELECT d.domain,
          count(*) FILTER (WHERE d.score > d."previousScore") AS up, count(*) FILTER (WHERE d.score = d."previousScore") AS same,
          count(*) FILTER (WHERE d.score < d."previousScore") AS down, count(*) FILTER (WHERE d.score IS NULL OR d."previousScore" IS NULL) AS nd
        FROM "DomainScore" d JOIN "Client" c ON c.id = d."clientId" ${LATEST}
        WHERE ${where} AND d."observedOn" >= ${from} AND d."observedOn" < ${to} GROUP BY d.domain ORDER BY d.domain`);
      return {
        kind: "domainTrends",
        rows: rows.map((r) => ({
          domain: r.domain,
          vooruit: n(r.up),
          gelijk: n(r.same),
          achteruit: n(r.down),
          notDiscussed: n(r.nd),
        })),
      };
    }
    case "trend": {
      const buckets = periodBuckets(query.period, query.by, ctx.today);
      if (!buckets.length) return { kind: "trend", of: query.of, buckets: [] };
      const values = Prisma.join(buckets.map((b, i) => Prisma.sql`(${i}::int, ${b.from}::date, ${b.to}::date)`));
      let rows: { i: number; key: string; count: bigint }[];
      if (query.of === "rung") {
        // each client's rung as last measured before the end of the bucket
        rows = await q(Prisma.sql`SELECT b.i, x.rung::text AS key, count(*) AS count FROM (VALUES ${values}) b(i, "from", "to")
          CROSS JOIN "Client" c ${LATEST}
          JOIN LATERAL (SELECT p."finalRung" AS rung FROM "Classification" p WHERE p."clientId" = c.id AND p."observedOn" < b."to" AND p.status IN ${COUNTED}
            ORDER BY p."observedOn" DESC, p.version DESC LIMIT 1) x ON true
          WHERE ${where} GROUP BY 1, 2`);
      } else if (query.of === "contacts") {
        rows = await q(Prisma.sql`SELECT b.i, 'count' AS key, count(*) AS count FROM (VALUES ${values}) b(i, "from", "to")
          JOIN "Contact" k ON k.date >= b."from" AND k.date < b."to" AND k.reached = true JOIN "Client" c ON c.id = k."clientId" ${LATEST}
          WHERE ${where} GROUP BY 1, 2`);
      } else {
        const step = query.of === "up" ? Prisma.sql`e."finalRung" > e."previousRung"` : Prisma.sql`e."finalRung" < e."previousRung"`;
        rows = await q(Prisma.sql`SELECT b.i, 'count' AS key, count(DISTINCT c.id) AS count FROM (VALUES ${values}) b(i, "from", "to")
          JOIN "Classification" e ON e."observedOn" >= b."from" AND e."observedOn" < b."to" AND e.status IN ${COUNTED} AND ${step}
          JOIN "Client" c ON c.id = e."clientId" ${LATEST} WHERE ${where} GROUP BY 1, 2`);
      }
      return {
        kind: "trend",
        of: query.of,
        buckets: buckets.map((b, i) => {
          const counts: Record<string, number> = {};
          for (const r of rows.filter((r) => Number(r.i) === i)) counts[r.key] = n(r.count);
          return { label: b.label, counts, total: Object.values(counts).reduce((a, c) => a + c, 0) };
        }),
      };
    }
  }
}

function normaliseLine(l: ClientLine): ClientLine {
  return {
    ...l,
    rung: Number(l.rung),
    substep: l.substep === null ? null : Number(l.substep),
    expectedRung: l.expectedRung === null ? null : Number(l.expectedRung),
  };
}

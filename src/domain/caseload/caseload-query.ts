// The structured form of every caseload question. The deterministic interpreter and the optional model
// both produce this, and one executor answers it with the asker's scope applied in the query.
import { z } from "zod";

/** Age in whole years at the reference date: under 27, 27 to 44, 45 and older (domain reference §4). */
export const AgeBand = z.enum(["<27", "27-44", "45+"]);
export type AgeBand = z.infer<typeof AgeBand>;
export const AGE_BANDS: readonly AgeBand[] = AgeBand.options;

const Rung = z.number().int().min(1).max(7);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Rung5Reason = z.enum(["instrument", "aanvulling", "wsw", "educatie"]);

export const CaseloadFilters = z
  .object({
    rungs: z.array(Rung).min(1).optional(),
    /** "trede 4 of hoger", "onder trede 3": bounds on the current rung, both inclusive */
    rungRange: z.object({ min: Rung.optional(), max: Rung.optional() }).optional(),
    expected: z
      .object({
        op: z.enum(["aboveCurrent", "belowCurrent", "sameAsCurrent", "atLeast", "atMost", "above", "below", "equals", "unknown"]),
        rung: Rung.optional(),
      })
      .optional(),
    substep: z.union([z.number().int().min(1).max(3), z.literal("none")]).optional(),
    wijken: z.array(z.string().min(1).max(60)).min(1).optional(),
    /** only the asker's own clients ("mijn klanten") */
    mine: z.boolean().optional(),
    team: z.string().min(1).max(60).optional(),
    /** clients of these coaches (display names as stored) */
    coaches: z.array(z.string().min(1).max(120)).min(1).optional(),
    ageBands: z.array(AgeBand).min(1).optional(),
    /** whole years at the reference date, both bounds inclusive */
    ageRange: z.object({ min: z.number().int().min(0).max(120).optional(), max: z.number().int().min(0).max(120).optional() }).optional(),
    growthPotential: z.enum(["ja", "nee", "onbekend"]).optional(),
    verdieping: z.record(z.string().regex(/^\w+$/), z.string().regex(/^\w+$/)).optional(),
    ontheffing: z.boolean().optional(),
    rung5Reasons: z.array(Rung5Reason).min(1).optional(),
    /** outcome of the latest classified visit */
    outcomes: z.array(z.string().regex(/^\w+$/)).min(1).optional(),
    monthsSinceContactAtLeast: z.number().int().min(1).max(120).optional(),
    daysSinceContactAtLeast: z.number().int().min(1).max(3650).optional(),
    /** on the same rung (whatever the substep) for at least this long */
    monthsOnSameRungAtLeast: z.number().int().min(1).max(240).optional(),
    /** on the same rung and the same substep for at least this long */
    monthsOnSameSubstepAtLeast: z.number().int().min(1).max(240).optional(),
    statuses: z
      .array(z.enum(["PENDING_REVIEW", "FINAL", "REJECTED", "RETURNED"]))
      .min(1)
      .optional(),
  })
  .strict();
export type CaseloadFilters = z.infer<typeof CaseloadFilters>;

/** A period of observation dates: a named calendar period, the last n months, or two dates (inclusive). */
export const NamedPeriod = z.enum(["thisYear", "lastYear", "thisQuarter", "lastQuarter", "thisMonth", "lastMonth", "last12Months"]);
export const Period = z.union([
  NamedPeriod,
  z.object({ lastMonths: z.number().int().min(1).max(120) }).strict(),
  z.object({ from: IsoDate, to: IsoDate.optional() }).strict(),
]);
export type Period = z.infer<typeof Period>;

export const DistributionBy = z.enum(["rung", "expected", "wijk", "substep", "coach", "team", "ageBand", "growthPotential"]);
export type DistributionBy = z.infer<typeof DistributionBy>;

export const CaseloadQuery = z.discriminatedUnion("measure", [
  z.object({ measure: z.literal("list"), filters: CaseloadFilters.default({}) }),
  z.object({ measure: z.literal("count"), filters: CaseloadFilters.default({}) }),
  z.object({ measure: z.literal("distribution"), by: DistributionBy, filters: CaseloadFilters.default({}) }),
  /** current × expected rung: the Groningen table */
  z.object({ measure: z.literal("crossTab"), filters: CaseloadFilters.default({}) }),
  /**
   * Without a period: up or down since the previous measurement. With a period, two readings: "startEnd"
   * (the default) compares the rung at the end of the period with the last one before it; "events" counts
   * clients with at least one step up (down) measured during the period.
   */
  z.object({
    measure: z.literal("movement"),
    direction: z.enum(["up", "down"]),
    period: Period.optional(),
    reading: z.enum(["startEnd", "events"]).optional(),
    filters: CaseloadFilters.default({}),
  }),
  /** "in beeld": contact in the last 12 months, per wijk */
  z.object({ measure: z.literal("reach"), filters: CaseloadFilters.default({}) }),
  /** the Bergen table */
  z.object({ measure: z.literal("growthByAgeBand"), filters: CaseloadFilters.default({}) }),
  z.object({ measure: z.literal("pendingReviews"), filters: CaseloadFilters.default({}) }),
  z.object({
    measure: z.literal("referrals"),
    period: Period.default("thisYear"),
    filters: CaseloadFilters.default({}),
  }),
  z.object({
    measure: z.literal("domainTrends"),
    period: Period.default("thisQuarter"),
    filters: CaseloadFilters.default({}),
  }),
  /**
   * Over time, per month or quarter of the period: the rung distribution at the end of each bucket
   * ("rung"), clients who moved up or down during it, or reached contacts in it.
   */
  z.object({
    measure: z.literal("trend"),
    of: z.enum(["rung", "up", "down", "contacts"]),
    by: z.enum(["month", "quarter"]),
    period: Period.default("last12Months"),
    filters: CaseloadFilters.default({}),
  }),
]);
export type CaseloadQuery = z.infer<typeof CaseloadQuery>;

/** Cells under this count are suppressed in aggregates (with complementary cells: see small-cells.ts). */
export const SUPPRESS_BELOW = 5;

/**
 * Age in whole years at the reference date. Only the birth year is recorded, so the age is the one
 * reached on the birthday in the reference year; the same rule is used in SQL and in every label.
 */
export function ageAt(birthYear: number, today: Date): number {
  return today.getUTCFullYear() - birthYear;
}

export function ageBandOf(birthYear: number, today: Date): AgeBand {
  const age = ageAt(birthYear, today);
  return age < 27 ? "<27" : age < 45 ? "27-44" : "45+";
}

/** Inclusive age bounds of a band. */
export function ageBandRange(band: AgeBand): { min?: number; max?: number } {
  return band === "<27" ? { max: 26 } : band === "27-44" ? { min: 27, max: 44 } : { min: 45 };
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** [from, to) observation dates for a period, in UTC days. */
export function periodRange(period: Period, today: Date): { from: Date; to: Date } {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const tomorrow = day(y, m, today.getUTCDate() + 1);
  if (typeof period === "object") {
    if ("lastMonths" in period) return { from: day(y, m - period.lastMonths, today.getUTCDate() + 1), to: tomorrow };
    if (!period.to) return { from: new Date(`${period.from}T00:00:00Z`), to: tomorrow };
    const [from, to] = [period.from, period.to].sort();
    const end = new Date(`${to}T00:00:00Z`);
    return {
      from: new Date(`${from}T00:00:00Z`),
      to: day(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate() + 1),
    };
  }
  const q = Math.floor(m / 3) * 3;
  switch (period) {
    case "thisYear":
      return { from: day(y, 0, 1), to: tomorrow };
    case "lastYear":
      return { from: day(y - 1, 0, 1), to: day(y, 0, 1) };
    case "thisQuarter":
      return { from: day(y, q, 1), to: tomorrow };
    case "lastQuarter":
      return { from: day(y, q - 3, 1), to: day(y, q, 1) };
    case "thisMonth":
      return { from: day(y, m, 1), to: tomorrow };
    case "lastMonth":
      return { from: day(y, m - 1, 1), to: day(y, m, 1) };
    case "last12Months":
      return { from: day(y - 1, m, today.getUTCDate() + 1), to: tomorrow };
  }
}

/** [from, to) of each month or quarter overlapping the period, clipped to it. */
export function periodBuckets(period: Period, by: "month" | "quarter", today: Date): { from: Date; to: Date; label: string }[] {
  const { from, to } = periodRange(period, today);
  const step = by === "month" ? 1 : 3;
  const out: { from: Date; to: Date; label: string }[] = [];
  let y = from.getUTCFullYear();
  let m = by === "month" ? from.getUTCMonth() : Math.floor(from.getUTCMonth() / 3) * 3;
  for (let i = 0; i < 400; i++) {
    const start = day(y, m, 1);
    if (start >= to) break;
    const end = day(y, m + step, 1);
    const label = by === "month" ? `${y}-${String(m + 1).padStart(2, "0")}` : `${y}-Q${m / 3 + 1}`;
    // biome-ignore lint/complexity/useMathMinMax: these are Dates; Math.max would turn them into numbers
    out.push({ from: start < from ? from : start, to: end > to ? to : end, label });
    m += step;
    if (m >= 12) [y, m] = [y + 1, m - 12];
  }
  return out;
}

export function monthsBefore(today: Date, months: number): Date {
  return day(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate());
}

export function daysBefore(today: Date, days: number): Date {
  return day(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days);
}

/** The measures whose answer is a list of clients: paged with "Meer" and exportable as a whole. */
export const LIST_MEASURES = ["list", "movement", "pendingReviews"] as const;

export function isListQuery(query: CaseloadQuery): boolean {
  return (LIST_MEASURES as readonly string[]).includes(query.measure);
}

// The structured form of every caseload question. The deterministic interpreter and the optional model
// both produce this, and one executor answers it with the asker's scope applied in the query.
import { z } from "zod";

export const AgeBand = z.enum(["<27", "27-45", "45+"]);
export type AgeBand = z.infer<typeof AgeBand>;

export const CaseloadFilters = z
  .object({
    rungs: z.array(z.number().int().min(1).max(7)).min(1).optional(),
    expected: z
      .object({ op: z.enum(["aboveCurrent", "belowCurrent", "sameAsCurrent", "atLeast", "above", "equals", "unknown"]), rung: z.number().int().min(1).max(7).optional() })
      .optional(),
    substep: z.union([z.number().int().min(1).max(3), z.literal("none")]).optional(),
    wijken: z.array(z.string().min(1).max(60)).min(1).optional(),
    /** only the asker's own clients ("mijn klanten") */
    mine: z.boolean().optional(),
    team: z.string().min(1).max(60).optional(),
    ageBands: z.array(AgeBand).min(1).optional(),
    ageRange: z.object({ min: z.number().int().min(0).max(120).optional(), max: z.number().int().min(0).max(120).optional() }).optional(),
    growthPotential: z.enum(["ja", "nee", "onbekend"]).optional(),
    verdieping: z.record(z.string().regex(/^\w+$/), z.string().regex(/^\w+$/)).optional(),
    ontheffing: z.boolean().optional(),
    outcomes: z.array(z.string().regex(/^\w+$/)).min(1).optional(),
    monthsSinceContactAtLeast: z.number().int().min(1).max(120).optional(),
    monthsOnSameRungAtLeast: z.number().int().min(1).max(240).optional(),
    statuses: z.array(z.enum(["PENDING_REVIEW", "FINAL", "REJECTED", "RETURNED"])).min(1).optional(),
  })
  .strict();
export type CaseloadFilters = z.infer<typeof CaseloadFilters>;

/** A period of observation dates, as months back from today or a calendar period. */
export const Period = z.enum(["thisYear", "lastYear", "thisQuarter", "last12Months"]);
export type Period = z.infer<typeof Period>;

export const CaseloadQuery = z.discriminatedUnion("measure", [
  z.object({ measure: z.literal("list"), filters: CaseloadFilters.default({}) }),
  z.object({ measure: z.literal("count"), filters: CaseloadFilters.default({}) }),
  z.object({ measure: z.literal("distribution"), by: z.enum(["rung", "expected", "wijk", "substep", "coach"]), filters: CaseloadFilters.default({}) }),
  /** current × expected rung: the Groningen table */
  z.object({ measure: z.literal("crossTab"), filters: CaseloadFilters.default({}) }),
  /** up or down since the previous measurement (list), or climbed at least one rung within a period (share) */
  z.object({ measure: z.literal("movement"), direction: z.enum(["up", "down"]), period: Period.optional(), filters: CaseloadFilters.default({}) }),
  /** "in beeld": contact in the last 12 months, per wijk */
  z.object({ measure: z.literal("reach"), filters: CaseloadFilters.default({}) }),
  /** the Bergen table */
  z.object({ measure: z.literal("growthByAgeBand"), filters: CaseloadFilters.default({}) }),
  z.object({ measure: z.literal("pendingReviews"), filters: CaseloadFilters.default({}) }),
  z.object({ measure: z.literal("referrals"), period: Period.default("thisYear"), filters: CaseloadFilters.default({}) }),
  z.object({ measure: z.literal("domainTrends"), period: Period.default("thisQuarter"), filters: CaseloadFilters.default({}) }),
]);
export type CaseloadQuery = z.infer<typeof CaseloadQuery>;

/** Cells under this count are shown as "<5" in aggregates by wijk or age band. */
export const SUPPRESS_BELOW = 5;

export function ageBandOf(birthYear: number, today: Date): AgeBand {
  const age = today.getUTCFullYear() - birthYear;
  return age < 27 ? "<27" : age <= 45 ? "27-45" : "45+";
}

/** [from, to) observation dates for a period, in UTC days. */
export function periodRange(period: Period, today: Date): { from: Date; to: Date } {
  const y = today.getUTCFullYear();
  const tomorrow = new Date(Date.UTC(y, today.getUTCMonth(), today.getUTCDate() + 1));
  switch (period) {
    case "thisYear":
      return { from: new Date(Date.UTC(y, 0, 1)), to: tomorrow };
    case "lastYear":
      return { from: new Date(Date.UTC(y - 1, 0, 1)), to: new Date(Date.UTC(y, 0, 1)) };
    case "thisQuarter":
      return { from: new Date(Date.UTC(y, Math.floor(today.getUTCMonth() / 3) * 3, 1)), to: tomorrow };
    case "last12Months":
      return { from: new Date(Date.UTC(y - 1, today.getUTCMonth(), today.getUTCDate() + 1)), to: tomorrow };
  }
}

export function monthsBefore(today: Date, months: number): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
}

// Every answer starts with the question as Trede understood it, so nobody reads a number for the
// wrong filter.
import { t } from "../../i18n/catalogue/index.ts";
import type { Locale } from "../localized.ts";
import type { CaseloadFilters, CaseloadQuery, Period } from "./caseload-query.ts";

/** A trend bucket ("2026-11", "2026-Q4") as people read it: "nov 2026", "K4 2026" / "Q4 2026". */
export function formatBucket(label: string, locale: Locale): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return `${t(locale).describeQuery.months[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  return quarter ? `${t(locale).describeQuery.quarter}${quarter[2]} ${quarter[1]}` : label;
}

/** "20 feb 2026": short enough not to break at phone width. */
export function formatIsoDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${t(locale).describeQuery.months[m - 1]} ${y}`;
}

export function describePeriod(period: Period, locale: Locale): string {
  const w = t(locale).describeQuery;
  if (typeof period === "object") {
    if ("lastMonths" in period) return w.lastMonths(period.lastMonths);
    if (!period.to) return w.since(formatIsoDate(period.from, locale));
    return w.fromTo(formatIsoDate(period.from, locale), formatIsoDate(period.to, locale));
  }
  return t(locale).describeQuery.periods[period];
}

export function describeFilters(filters: CaseloadFilters, locale: Locale): string {
  const w = t(locale).describeQuery;
  const parts: string[] = [w.clients];
  if (filters.mine) parts.push(w.mine);
  if (filters.coaches) parts.push(w.coaches(filters.coaches));
  if (filters.rungs) parts.push(w.rung(filters.rungs));
  if (filters.rungRange) parts.push(w.rungRange(filters.rungRange.min, filters.rungRange.max));
  if (filters.substep !== undefined) parts.push(w.substep(filters.substep));
  if (filters.expected) {
    const e = w.expected[filters.expected.op];
    parts.push(typeof e === "function" ? e(filters.expected.rung) : e);
  }
  if (filters.wijken) parts.push(w.wijk(filters.wijken));
  if (filters.ageBands) parts.push(w.age(filters.ageBands));
  if (filters.ageRange) parts.push(w.ageRange(filters.ageRange.min, filters.ageRange.max));
  if (filters.growthPotential) parts.push(w.growth(filters.growthPotential));
  if (filters.ontheffing !== undefined) parts.push(w.ontheffing(filters.ontheffing));
  if (filters.rung5Reasons) parts.push(w.reasons(filters.rung5Reasons));
  for (const [k, v] of Object.entries(filters.verdieping ?? {})) parts.push(w.verdieping(k, v));
  if (filters.outcomes) parts.push(w.outcomes(filters.outcomes));
  if (filters.monthsSinceContactAtLeast) parts.push(w.sinceContact(filters.monthsSinceContactAtLeast));
  if (filters.daysSinceContactAtLeast) parts.push(w.sinceContactDays(filters.daysSinceContactAtLeast));
  if (filters.monthsOnSameRungAtLeast) parts.push(w.sameRung(filters.monthsOnSameRungAtLeast));
  if (filters.monthsOnSameSubstepAtLeast) parts.push(w.sameSubstep(filters.monthsOnSameSubstepAtLeast));
  if (filters.statuses) parts.push(w.statuses(filters.statuses));
  let text = parts.join(" ");
  if (filters.team) text += `, ${w.team(filters.team)}`;
  return text;
}

export function describeQuery(query: CaseloadQuery, locale: Locale): string {
  const w = t(locale).describeQuery;
  const f = describeFilters(query.filters, locale);
  // aggregate measures read "<title>: <filters>", and just "<title>" over the whole scope
  const titled = (title: string) => (f === w.clients ? title : `${title}: ${f.charAt(0).toLowerCase()}${f.slice(1)}`);
  switch (query.measure) {
    case "list":
      return f;
    case "count":
      return w.measure.count(f);
    case "distribution":
      return titled(w.measure.distribution(query.by));
    case "crossTab":
      return titled(w.measure.crossTab);
    case "movement": {
      if (!query.period) return query.direction === "up" ? w.measure.up(f) : w.measure.down(f);
      const p = describePeriod(query.period, locale);
      if (query.reading === "events") return query.direction === "up" ? w.measure.climbedEvents(f, p) : w.measure.fellEvents(f, p);
      return query.direction === "up" ? w.measure.climbed(f, p) : w.measure.fell(f, p);
    }
    case "reach":
      return titled(w.measure.reach);
    case "growthByAgeBand":
      return titled(w.measure.growthByAgeBand);
    case "pendingReviews":
      return titled(w.measure.pendingReviews);
    case "referrals":
      return titled(w.measure.referrals(describePeriod(query.period, locale)));
    case "domainTrends":
      return titled(w.measure.domainTrends(describePeriod(query.period, locale)));
    case "trend":
      return titled(w.measure.trend(query.of, query.by, describePeriod(query.period, locale)));
  }
}

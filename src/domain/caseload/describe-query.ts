// Every answer starts with the question as Trede understood it, so nobody reads a number for the
// wrong filter.
import type { Locale } from "../localized.ts";
import type { CaseloadFilters, CaseloadQuery, Period } from "./caseload-query.ts";

const list = (items: (string | number)[], and: string) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`);

const words = {
  nl: {
    clients: "Klanten",
    and: "en",
    rung: (r: (string | number)[]) => `op trede ${list(r, "of")}`,
    expected: {
      aboveCurrent: "met verwachte trede hoger dan de huidige",
      belowCurrent: "met verwachte trede lager dan de huidige",
      sameAsCurrent: "met verwachte trede gelijk aan de huidige",
      atLeast: (n?: number) => `met verwachte trede ${n} of hoger`,
      above: (n?: number) => `met verwachte trede hoger dan ${n}`,
      equals: (n?: number) => `met verwachte trede ${n}`,
      unknown: "met verwachte trede onbekend",
    },
    substep: (s: number | "none") => (s === "none" ? "zonder tussenstap" : `op tussenstap .${s}`),
    wijk: (w: string[]) => `in ${list(w, "of")}`,
    mine: "van mij",
    team: (t: string) => `team ${t}`,
    age: (b: string[]) => `leeftijd ${list(b.map((x) => (x === "<27" ? "onder 27" : x === "45+" ? "45 en ouder" : "27 tot 45")), "of")}`,
    ageRange: (min?: number, max?: number) => (min !== undefined && max !== undefined ? `van ${min} tot en met ${max} jaar` : min !== undefined ? `van ${min} jaar of ouder` : `tot en met ${max} jaar`),
    growth: (g: string) => `groeipotentieel ${g}`,
    verdieping: (k: string, v: string) => `${k}: ${v}`,
    ontheffing: (o: boolean) => (o ? "met ontheffing arbeidsplicht" : "zonder ontheffing arbeidsplicht"),
    outcomes: (o: string[]) => `met uitkomst ${list(o, "of")}`,
    sinceContact: (m: number) => `langer dan ${m} maanden niet gesproken`,
    sameRung: (m: number) => `al ${m} maanden op dezelfde trede en tussenstap`,
    statuses: (s: string[]) => `status ${list(s.map((x) => ({ PENDING_REVIEW: "wacht op akkoord", FINAL: "definitief", REJECTED: "afgewezen", RETURNED: "terug naar coach" })[x] ?? x), "of")}`,
    period: { thisYear: "dit jaar", lastYear: "vorig jaar", thisQuarter: "dit kwartaal", last12Months: "de afgelopen 12 maanden" } as Record<Period, string>,
    measure: {
      list: (f: string) => f,
      count: (f: string) => `Aantal: ${f.charAt(0).toLowerCase()}${f.slice(1)}`,
      distribution: (by: string) => `Verdeling naar ${({ rung: "huidige trede", expected: "verwachte trede", wijk: "wijk", substep: "tussenstap", coach: "coach" } as Record<string, string>)[by]}`,
      crossTab: "Huidige versus verwachte trede",
      up: (f: string) => `${f} die gestegen zijn sinds de vorige meting`,
      down: (f: string) => `${f} die gedaald zijn sinds de vorige meting`,
      climbed: (f: string, p: string) => `${f} die ${p} minstens één trede gestegen zijn`,
      fell: (f: string, p: string) => `${f} die ${p} minstens één trede gedaald zijn`,
      reach: "In beeld (contact in de afgelopen 12 maanden) per wijk",
      growthByAgeBand: "Groeipotentieel per leeftijdscategorie",
      pendingReviews: "Indelingen die wachten op akkoord",
      referrals: (p: string) => `Verwijzingen na contact ${p}`,
      domainTrends: (p: string) => `Vooruitgang en achteruitgang per leefdomein ${p}`,
    },
  },
  en: {
    clients: "Clients",
    and: "and",
    rung: (r: (string | number)[]) => `on rung ${list(r, "or")}`,
    expected: {
      aboveCurrent: "expected to be on a higher rung than now",
      belowCurrent: "expected to be on a lower rung than now",
      sameAsCurrent: "expected to stay on the same rung",
      atLeast: (n?: number) => `with expected rung ${n} or higher`,
      above: (n?: number) => `with expected rung above ${n}`,
      equals: (n?: number) => `with expected rung ${n}`,
      unknown: "with expected rung unknown",
    },
    substep: (s: number | "none") => (s === "none" ? "without a substep" : `on substep .${s}`),
    wijk: (w: string[]) => `in ${list(w, "or")}`,
    mine: "of mine",
    team: (t: string) => `team ${t}`,
    age: (b: string[]) => `aged ${list(b.map((x) => (x === "<27" ? "under 27" : x === "45+" ? "45 and over" : "27 to 45")), "or")}`,
    ageRange: (min?: number, max?: number) => (min !== undefined && max !== undefined ? `aged ${min} to ${max}` : min !== undefined ? `aged ${min} or over` : `aged up to ${max}`),
    growth: (g: string) => `growth potential ${({ ja: "yes", nee: "no", onbekend: "unknown" } as Record<string, string>)[g] ?? g}`,
    verdieping: (k: string, v: string) => `${k}: ${v}`,
    ontheffing: (o: boolean) => (o ? "with an exemption from the work obligation" : "without an exemption from the work obligation"),
    outcomes: (o: string[]) => `with outcome ${list(o, "or")}`,
    sinceContact: (m: number) => `not spoken to for more than ${m} months`,
    sameRung: (m: number) => `on the same rung and substep for ${m} months`,
    statuses: (s: string[]) => `status ${list(s.map((x) => ({ PENDING_REVIEW: "waiting for approval", FINAL: "final", REJECTED: "rejected", RETURNED: "returned to coach" })[x] ?? x), "or")}`,
    period: { thisYear: "this year", lastYear: "last year", thisQuarter: "this quarter", last12Months: "in the last 12 months" } as Record<Period, string>,
    measure: {
      list: (f: string) => f,
      count: (f: string) => `Number of ${f.charAt(0).toLowerCase()}${f.slice(1)}`,
      distribution: (by: string) => `Distribution by ${({ rung: "current rung", expected: "expected rung", wijk: "neighbourhood", substep: "substep", coach: "coach" } as Record<string, string>)[by]}`,
      crossTab: "Current versus expected rung",
      up: (f: string) => `${f} who moved up since the previous measurement`,
      down: (f: string) => `${f} who moved down since the previous measurement`,
      climbed: (f: string, p: string) => `${f} who climbed at least one rung ${p}`,
      fell: (f: string, p: string) => `${f} who dropped at least one rung ${p}`,
      reach: "In view (contact in the last 12 months) per neighbourhood",
      growthByAgeBand: "Growth potential by age band",
      pendingReviews: "Classifications waiting for approval",
      referrals: (p: string) => `Referrals after contact ${p}`,
      domainTrends: (p: string) => `Progress and decline per life domain ${p}`,
    },
  },
};

export function describeFilters(filters: CaseloadFilters, locale: Locale): string {
  const w = words[locale];
  const parts: string[] = [w.clients];
  if (filters.mine) parts.push(w.mine);
  if (filters.rungs) parts.push(w.rung(filters.rungs));
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
  for (const [k, v] of Object.entries(filters.verdieping ?? {})) parts.push(w.verdieping(k, v));
  if (filters.outcomes) parts.push(w.outcomes(filters.outcomes));
  if (filters.monthsSinceContactAtLeast) parts.push(w.sinceContact(filters.monthsSinceContactAtLeast));
  if (filters.monthsOnSameRungAtLeast) parts.push(w.sameRung(filters.monthsOnSameRungAtLeast));
  if (filters.statuses) parts.push(w.statuses(filters.statuses));
  let text = parts.join(" ");
  if (filters.team) text += `, ${w.team(filters.team)}`;
  return text;
}

export function describeQuery(query: CaseloadQuery, locale: Locale): string {
  const w = words[locale];
  const f = describeFilters(query.filters, locale);
  // aggregate measures read "<title>: <filters>", and just "<title>" over the whole scope
  const titled = (title: string) => (f === w.clients ? title : `${title}: ${f.charAt(0).toLowerCase()}${f.slice(1)}`);
  switch (query.measure) {
    case "list":
      return w.measure.list(f);
    case "count":
      return w.measure.count(f);
    case "distribution":
      return titled(w.measure.distribution(query.by));
    case "crossTab":
      return titled(w.measure.crossTab);
    case "movement":
      if (query.period) return query.direction === "up" ? w.measure.climbed(f, w.period[query.period]) : w.measure.fell(f, w.period[query.period]);
      return query.direction === "up" ? w.measure.up(f) : w.measure.down(f);
    case "reach":
      return titled(w.measure.reach);
    case "growthByAgeBand":
      return titled(w.measure.growthByAgeBand);
    case "pendingReviews":
      return titled(w.measure.pendingReviews);
    case "referrals":
      return titled(w.measure.referrals(w.period[query.period]));
    case "domainTrends":
      return titled(w.measure.domainTrends(w.period[query.period]));
  }
}

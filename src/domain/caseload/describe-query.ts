// Every answer starts with the question as Trede understood it, so nobody reads a number for the
// wrong filter.
import type { Locale } from "../localized.ts";
import type { CaseloadFilters, CaseloadQuery, Period } from "./caseload-query.ts";

const list = (items: (string | number)[], and: string) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`);

const MONTHS = {
  nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
/** A trend bucket ("2026-11", "2026-Q4") as people read it: "nov 2026", "K4 2026" / "Q4 2026". */
export function formatBucket(label: string, locale: Locale): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return `${MONTHS[locale][Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  return quarter ? `${locale === "nl" ? "K" : "Q"}${quarter[2]} ${quarter[1]}` : label;
}

/** "20 feb 2026": short enough not to break at phone width. */
export function formatIsoDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[locale][m - 1]} ${y}`;
}

const OUTCOMES: Record<string, { nl: string; en: string }> = {
  werk: { nl: "doorverwijzing naar werk", en: "referral to work" },
  wijkteam: { nl: "doorverwijzing naar het wijkteam", en: "referral to the neighbourhood team" },
  ontheffingsverzoek: { nl: "ontheffingsverzoek", en: "request for exemption" },
  participatieondersteuning: { nl: "ondersteuning bij participatie", en: "support with participation" },
  eigen_kracht: { nl: "eigen kracht", en: "own strength" },
  geen_vervolg: { nl: "geen vervolg", en: "no follow-up" },
};
const REASONS: Record<string, { nl: string; en: string }> = {
  instrument: { nl: "participatie-instrument", en: "participation instrument" },
  aanvulling: { nl: "aanvullende uitkering", en: "supplementary benefit" },
  wsw: { nl: "Wsw/beschut werk", en: "sheltered work" },
  educatie: { nl: "educatie naast werk", en: "education beside work" },
};
const VERDIEPING: Record<string, { nl: string; en: string }> = {
  participatieInstrument: { nl: "participatie-instrument ingezet", en: "participation instrument in use" },
  startkwalificatie: { nl: "startkwalificatie", en: "basic qualification" },
  laaggeletterdheid: { nl: "laaggeletterd", en: "low literacy" },
  inburgeringsplichtig: { nl: "inburgeringsplichtig", en: "civic integration obligation" },
};

export function describePeriod(period: Period, locale: Locale): string {
  const nl = locale === "nl";
  if (typeof period === "object") {
    if ("lastMonths" in period) return nl ? `de afgelopen ${period.lastMonths} maanden` : `in the last ${period.lastMonths} months`;
    if (!period.to) return nl ? `sinds ${formatIsoDate(period.from, locale)}` : `since ${formatIsoDate(period.from, locale)}`;
    return nl ? `van ${formatIsoDate(period.from, locale)} tot en met ${formatIsoDate(period.to, locale)}` : `from ${formatIsoDate(period.from, locale)} to ${formatIsoDate(period.to, locale)}`;
  }
  const names = {
    nl: { thisYear: "dit jaar", lastYear: "vorig jaar", thisQuarter: "dit kwartaal", lastQuarter: "vorig kwartaal", thisMonth: "deze maand", lastMonth: "vorige maand", last12Months: "de afgelopen 12 maanden" },
    en: { thisYear: "this year", lastYear: "last year", thisQuarter: "this quarter", lastQuarter: "last quarter", thisMonth: "this month", lastMonth: "last month", last12Months: "in the last 12 months" },
  };
  return names[locale][period];
}

const ageText = {
  nl: (min?: number, max?: number) => (min !== undefined && max !== undefined ? (min === max ? `van ${min} jaar` : `van ${min} tot en met ${max} jaar`) : min !== undefined ? `van ${min} jaar of ouder` : `van ${max} jaar of jonger`),
  en: (min?: number, max?: number) => (min !== undefined && max !== undefined ? (min === max ? `aged ${min}` : `aged ${min} to ${max}`) : min !== undefined ? `aged ${min} or over` : `aged ${max} or under`),
};

const words = {
  nl: {
    clients: "Klanten",
    rung: (r: (string | number)[]) => `op trede ${list(r, "of")}`,
    rungRange: (min?: number, max?: number) => (min !== undefined && max !== undefined ? `op trede ${min} tot en met ${max}` : min !== undefined ? `op trede ${min} of hoger` : `op trede ${max} of lager`),
    expected: {
      aboveCurrent: "met verwachte trede hoger dan de huidige",
      belowCurrent: "met verwachte trede lager dan de huidige",
      sameAsCurrent: "met verwachte trede gelijk aan de huidige",
      atLeast: (n?: number) => `met verwachte trede ${n} of hoger`,
      atMost: (n?: number) => `met verwachte trede ${n} of lager`,
      above: (n?: number) => `met verwachte trede hoger dan ${n}`,
      below: (n?: number) => `met verwachte trede lager dan ${n}`,
      equals: (n?: number) => `met verwachte trede ${n}`,
      unknown: "met verwachte trede onbekend",
    } as Record<string, string | ((n?: number) => string)>,
    substep: (s: number | "none") => (s === "none" ? "zonder tussenstap" : `op tussenstap .${s}`),
    wijk: (w: string[]) => `in ${list(w, "of")}`,
    mine: "van mij",
    coaches: (c: string[]) => `van ${list(c, "of")}`,
    team: (t: string) => `team ${t}`,
    age: (b: string[]) => `leeftijd ${list(b.map((x) => (x === "<27" ? "onder 27" : x === "45+" ? "45 en ouder" : "27 tot en met 44")), "of")}`,
    growth: (g: string) => ({ ja: "met groeipotentieel", nee: "zonder groeipotentieel", onbekend: "met groeipotentieel onbekend" })[g] ?? g,
    ontheffing: (o: boolean) => (o ? "met ontheffing arbeidsplicht" : "zonder ontheffing arbeidsplicht"),
    reasons: (r: string[]) => `op trede 5 vanwege ${list(r.map((x) => REASONS[x]?.nl ?? x), "of")}`,
    verdieping: (k: string, v: string) => (v === "nee" ? `zonder ${VERDIEPING[k]?.nl ?? k}` : v === "ja" ? `met ${VERDIEPING[k]?.nl ?? k}` : `${k}: ${v}`),
    outcomes: (o: string[]) => `met uitkomst ${list(o.map((x) => OUTCOMES[x]?.nl ?? x), "of")}`,
    sinceContact: (m: number) => `langer dan ${m} maanden niet gesproken`,
    sinceContactDays: (d: number) => (d % 7 === 0 ? `langer dan ${d / 7} weken niet gesproken` : `langer dan ${d} dagen niet gesproken`),
    sameRung: (m: number) => `al ${m} maanden op dezelfde trede`,
    sameSubstep: (m: number) => `al ${m} maanden op dezelfde trede en tussenstap`,
    statuses: (s: string[]) => `status ${list(s.map((x) => ({ PENDING_REVIEW: "wacht op akkoord", FINAL: "definitief", REJECTED: "afgewezen", RETURNED: "terug naar coach" })[x] ?? x), "of")}`,
    measure: {
      count: (f: string) => `Aantal: ${f.charAt(0).toLowerCase()}${f.slice(1)}`,
      distribution: (by: string) => `Verdeling naar ${({ rung: "huidige trede", expected: "verwachte trede", wijk: "wijk", substep: "tussenstap", coach: "coach", team: "team", ageBand: "leeftijdscategorie", growthPotential: "groeipotentieel" } as Record<string, string>)[by]}`,
      crossTab: "Huidige versus verwachte trede",
      up: (f: string) => `${f} die gestegen zijn sinds de vorige meting`,
      down: (f: string) => `${f} die gedaald zijn sinds de vorige meting`,
      climbed: (f: string, p: string) => `${f} die ${p} minstens één trede gestegen zijn`,
      fell: (f: string, p: string) => `${f} die ${p} minstens één trede gedaald zijn`,
      climbedEvents: (f: string, p: string) => `${f} die ${p} een of meer keren een trede gestegen zijn (stappen tijdens de periode)`,
      fellEvents: (f: string, p: string) => `${f} die ${p} een of meer keren een trede gedaald zijn (stappen tijdens de periode)`,
      reach: "In beeld (contact in de afgelopen 12 maanden) per wijk",
      growthByAgeBand: "Groeipotentieel per leeftijdscategorie",
      pendingReviews: "Indelingen die wachten op akkoord",
      referrals: (p: string) => `Verwijzingen na contact ${p}`,
      domainTrends: (p: string) => `Vooruitgang en achteruitgang per leefdomein ${p}`,
      trend: (of: string, by: string, p: string) =>
        `${({ rung: "Verdeling naar trede aan het eind van elk", up: "Klanten die stegen, per", down: "Klanten die daalden, per", contacts: "Contacten met klanten, per" } as Record<string, string>)[of]} ${by === "month" ? "maand" : "kwartaal"}, ${p}`,
    },
  },
  en: {
    clients: "Clients",
    rung: (r: (string | number)[]) => `on rung ${list(r, "or")}`,
    rungRange: (min?: number, max?: number) => (min !== undefined && max !== undefined ? `on rung ${min} to ${max}` : min !== undefined ? `on rung ${min} or higher` : `on rung ${max} or lower`),
    expected: {
      aboveCurrent: "expected to be on a higher rung than now",
      belowCurrent: "expected to be on a lower rung than now",
      sameAsCurrent: "expected to stay on the same rung",
      atLeast: (n?: number) => `with expected rung ${n} or higher`,
      atMost: (n?: number) => `with expected rung ${n} or lower`,
      above: (n?: number) => `with expected rung above ${n}`,
      below: (n?: number) => `with expected rung below ${n}`,
      equals: (n?: number) => `with expected rung ${n}`,
      unknown: "with expected rung unknown",
    } as Record<string, string | ((n?: number) => string)>,
    substep: (s: number | "none") => (s === "none" ? "without a substep" : `on substep .${s}`),
    wijk: (w: string[]) => `in ${list(w, "or")}`,
    mine: "of mine",
    coaches: (c: string[]) => `of ${list(c, "or")}`,
    team: (t: string) => `team ${t}`,
    age: (b: string[]) => `aged ${list(b.map((x) => (x === "<27" ? "under 27" : x === "45+" ? "45 and over" : "27 to 44")), "or")}`,
    growth: (g: string) => ({ ja: "with growth potential", nee: "without growth potential", onbekend: "with growth potential unknown" })[g] ?? g,
    ontheffing: (o: boolean) => (o ? "with an exemption from the work obligation" : "without an exemption from the work obligation"),
    reasons: (r: string[]) => `on rung 5 because of ${list(r.map((x) => REASONS[x]?.en ?? x), "or")}`,
    verdieping: (k: string, v: string) => (v === "nee" ? `without ${VERDIEPING[k]?.en ?? k}` : v === "ja" ? `with ${VERDIEPING[k]?.en ?? k}` : `${k}: ${v}`),
    outcomes: (o: string[]) => `with outcome ${list(o.map((x) => OUTCOMES[x]?.en ?? x), "or")}`,
    sinceContact: (m: number) => `not spoken to for more than ${m} months`,
    sinceContactDays: (d: number) => (d % 7 === 0 ? `not spoken to for more than ${d / 7} weeks` : `not spoken to for more than ${d} days`),
    sameRung: (m: number) => `on the same rung for ${m} months`,
    sameSubstep: (m: number) => `on the same rung and substep for ${m} months`,
    statuses: (s: string[]) => `status ${list(s.map((x) => ({ PENDING_REVIEW: "waiting for approval", FINAL: "final", REJECTED: "rejected", RETURNED: "returned to coach" })[x] ?? x), "or")}`,
    measure: {
      count: (f: string) => `Number of ${f.charAt(0).toLowerCase()}${f.slice(1)}`,
      distribution: (by: string) => `Distribution by ${({ rung: "current rung", expected: "expected rung", wijk: "neighbourhood", substep: "substep", coach: "coach", team: "team", ageBand: "age band", growthPotential: "growth potential" } as Record<string, string>)[by]}`,
      crossTab: "Current versus expected rung",
      up: (f: string) => `${f} who moved up since the previous measurement`,
      down: (f: string) => `${f} who moved down since the previous measurement`,
      climbed: (f: string, p: string) => `${f} who climbed at least one rung ${p}`,
      fell: (f: string, p: string) => `${f} who dropped at least one rung ${p}`,
      climbedEvents: (f: string, p: string) => `${f} who moved up a rung at least once ${p} (steps during the period)`,
      fellEvents: (f: string, p: string) => `${f} who dropped a rung at least once ${p} (steps during the period)`,
      reach: "In view (contact in the last 12 months) per neighbourhood",
      growthByAgeBand: "Growth potential by age band",
      pendingReviews: "Classifications waiting for approval",
      referrals: (p: string) => `Referrals after contact ${p}`,
      domainTrends: (p: string) => `Progress and decline per life domain ${p}`,
      trend: (of: string, by: string, p: string) =>
        `${({ rung: "Distribution by rung at the end of each", up: "Clients who moved up, per", down: "Clients who moved down, per", contacts: "Contacts with clients, per" } as Record<string, string>)[of]} ${by}, ${p}`,
    },
  },
};

export function describeFilters(filters: CaseloadFilters, locale: Locale): string {
  const w = words[locale];
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
  if (filters.ageRange) parts.push(ageText[locale](filters.ageRange.min, filters.ageRange.max));
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
  const w = words[locale];
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

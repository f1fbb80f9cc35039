// The 13 domains of the Zelfredzaamheid-Matrix (ZRM 2017). Health, substance use and justice are special
// categories: never asked unless a team enabled them, with the reason recorded (AP guidance).
import type { Localized } from "../localized.ts";

export interface ZrmDomain {
  code: string;
  name: Localized;
  special: boolean;
}

export const ZRM_DOMAINS: readonly ZrmDomain[] = [
  { code: "financien", name: { nl: "Financiën", en: "Finances" }, special: false },
  { code: "werk_opleiding", name: { nl: "Werk & opleiding", en: "Work & education" }, special: false },
  { code: "tijdsbesteding", name: { nl: "Tijdsbesteding", en: "Use of time" }, special: false },
  { code: "huisvesting", name: { nl: "Huisvesting", en: "Housing" }, special: false },
  { code: "huiselijke_relaties", name: { nl: "Huiselijke relaties", en: "Domestic relations" }, special: false },
  { code: "geestelijke_gezondheid", name: { nl: "Geestelijke gezondheid", en: "Mental health" }, special: true },
  { code: "lichamelijke_gezondheid", name: { nl: "Lichamelijke gezondheid", en: "Physical health" }, special: true },
  { code: "middelengebruik", name: { nl: "Middelengebruik", en: "Substance use" }, special: true },
  { code: "basale_adl", name: { nl: "Basale ADL", en: "Basic ADL" }, special: false },
  { code: "instrumentele_adl", name: { nl: "Instrumentele ADL", en: "Instrumental ADL" }, special: false },
  { code: "sociaal_netwerk", name: { nl: "Sociaal netwerk", en: "Social network" }, special: false },
  {
    code: "maatschappelijke_participatie",
    name: { nl: "Maatschappelijke participatie", en: "Social participation" },
    special: false,
  },
  { code: "justitie", name: { nl: "Justitie", en: "Justice" }, special: true },
];

export const DEFAULT_DOMAINS_IN_SCOPE = ["werk_opleiding", "tijdsbesteding", "sociaal_netwerk", "maatschappelijke_participatie"] as const;

export const ZRM_CODES = ZRM_DOMAINS.map((d) => d.code);

export type ScoreDirection = "vooruit" | "gelijk" | "achteruit";

/** Direction against the previous score; null when either was not discussed. */
export function scoreDirection(previous: number | null | undefined, current: number | null | undefined): ScoreDirection | null {
  if (previous == null || current == null) return null;
  return current > previous ? "vooruit" : current < previous ? "achteruit" : "gelijk";
}

export class DomainOutOfScopeError extends Error {
  readonly code = "DOMAIN_OUT_OF_SCOPE";
  constructor(readonly domains: string[]) {
    super(`domains outside the team's scope: ${domains.join(", ")}`);
  }
}

/** Scores 1..5 or null (niet besproken) for domains in scope; anything else is refused. */
export function validateDomainScores(scope: readonly string[], scores: Record<string, number | null>): Record<string, number | null> {
  const outside = Object.keys(scores).filter((code) => !scope.includes(code));
  if (outside.length) throw new DomainOutOfScopeError(outside);
  for (const [code, score] of Object.entries(scores)) {
    if (score !== null && !(Number.isInteger(score) && score >= 1 && score <= 5))
      throw new RangeError(`score for ${code} must be 1..5 or niet besproken`);
  }
  return scores;
}

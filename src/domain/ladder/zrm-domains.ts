// The 13 domains of the Zelfredzaamheid-Matrix (ZRM 2017). Health, substance use and justice are special
// categories: never asked unless a team enabled them, with the reason recorded (AP guidance).
import { t } from "../../i18n/catalogue/index.ts";
import type { Localized } from "../localized.ts";

// The order is the ZRM's own, which exports and views keep; the names are in the catalogue (`ladder.zrmDomains`).
const DOMAINS = [
  { code: "financien", special: false },
  { code: "werk_opleiding", special: false },
  { code: "tijdsbesteding", special: false },
  { code: "huisvesting", special: false },
  { code: "huiselijke_relaties", special: false },
  { code: "geestelijke_gezondheid", special: true },
  { code: "lichamelijke_gezondheid", special: true },
  { code: "middelengebruik", special: true },
  { code: "basale_adl", special: false },
  { code: "instrumentele_adl", special: false },
  { code: "sociaal_netwerk", special: false },
  { code: "maatschappelijke_participatie", special: false },
  { code: "justitie", special: true },
] as const;

export type ZrmCode = (typeof DOMAINS)[number]["code"];

export interface ZrmDomain {
  code: ZrmCode;
  name: Localized;
  special: boolean;
}

export const ZRM_DOMAINS: readonly ZrmDomain[] = DOMAINS.map(({ code, special }) => ({
  code,
  name: { nl: t("nl").ladder.zrmDomains[code], en: t("en").ladder.zrmDomains[code] },
  special,
}));

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

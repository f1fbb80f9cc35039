// The 13 domains of the Zelfredzaamheid-Matrix (ZRM 2017). Health, substance use and justice are special
// categories: never asked unless a team enabled them, with the reason recorded (AP guidance).
import { t } from "../../i18n/catalogue/index.ts";
import type { Localized } from "../localized.ts";
import { ZRM_DOMAIN_CODES, type ZrmCode } from "./zrm-codes.ts";

export type { ZrmCode };

export interface ZrmDomain {
  code: ZrmCode;
  name: Localized;
  special: boolean;
}

export const ZRM_DOMAINS: readonly ZrmDomain[] = ZRM_DOMAIN_CODES.map(({ code, special }) => ({
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

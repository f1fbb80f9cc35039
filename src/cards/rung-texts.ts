import type { LadderProfiles } from "../config/ladder-profiles.ts";
import { t } from "../i18n/catalogue/index.ts";
import { classify, rungName, substepLabel } from "../domain/ladder/index.ts";
import type { RungTexts } from "./review.card.ts";

/** Rung names and explanations in the words of the profile that produced a classification. */
export function createRungTexts(ladders: LadderProfiles): RungTexts {
  const profile = (id: string) => ladders.all.find((p) => p.id === id) ?? ladders.default;
  return {
    rungLabel(profileId, rung, substep, locale) {
      if (rung === null) return "—";
      const p = profile(profileId);
      const name = `${rung} · ${rungName(p, rung)[locale]}`;
      return substep === null ? name : t(locale).ladder.rungWithSubstep(name, substepLabel(p, rung, substep)[locale]);
    },
    explain(profileId, answers, locale) {
      try {
        return classify(profile(profileId), answers as Parameters<typeof classify>[1]).explanation[locale];
      } catch {
        return ""; // answers from an older profile version that no longer classify: show the facts only
      }
    },
  };
}

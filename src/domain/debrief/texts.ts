// The debrief's texts are the `debrief` area of the catalogue (src/i18n/catalogue): step titles and field
// labels (used by the step table), card buttons, problems next to fields and the handler's messages.
import { t } from "../../i18n/catalogue/index.ts";
import type { Locale } from "../localized.ts";

export type { FieldProblem } from "./field-problem.ts";

export type DebriefTexts = ReturnType<typeof t>["debrief"];

export const DEBRIEF_TEXTS: Record<Locale, DebriefTexts> = { nl: t("nl").debrief, en: t("en").debrief };

export const debriefTexts = (locale: Locale): DebriefTexts => DEBRIEF_TEXTS[locale];

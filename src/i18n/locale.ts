import type { Locale } from "../domain/localized.ts";

export type { Locale, Localized } from "../domain/localized.ts";

/** Teams sends BCP-47 tags ("nl-NL", "en-US"); anything that is not English is answered in Dutch. */
export function localeFromTag(tag: string | undefined, fallback: Locale): Locale {
  if (!tag) return fallback;
  return /^en\b/i.test(tag) ? "en" : /^nl\b/i.test(tag) ? "nl" : fallback;
}

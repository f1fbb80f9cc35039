export type Locale = "nl" | "en";

/** Teams sends BCP-47 tags ("nl-NL", "en-US"); anything that is not English is answered in Dutch. */
export function localeFromTag(tag: string | undefined, fallback: Locale): Locale {
  if (!tag) return fallback;
  return /^en\b/i.test(tag) ? "en" : /^nl\b/i.test(tag) ? "nl" : fallback;
}

export type Localized = { nl: string; en: string };

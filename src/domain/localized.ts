export type Locale = "nl" | "en";

/** A text in both languages the product speaks. */
export type Localized = { nl: string; en: string };

export type { Locale, Localized } from "../domain/localized.ts";

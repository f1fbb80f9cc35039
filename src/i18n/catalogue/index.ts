// The catalogue of the person's language: `t(locale).review.notReviewer`. Imports only the two catalogues
// (which import nothing but types), so every floor may use it, the pure domain included.
import type { Locale } from "../../domain/localized.ts";
import { en } from "./en.ts";
import { nl, type Catalogue } from "./nl.ts";

export type { Catalogue };

const catalogues: Record<Locale, Catalogue> = { nl, en };

export function t(locale: Locale): Catalogue {
  return catalogues[locale];
}

// Sentences the bot says outside cards: the catalogue's `messages` area (src/i18n/catalogue), kept under
// this name so their callers read `t(locale).staleCard`.
import { t as catalogue } from "./catalogue/index.ts";
import type { Locale } from "./locale.ts";

export type Messages = ReturnType<typeof catalogue>["messages"];

export function t(locale: Locale): Messages {
  return catalogue(locale).messages;
}

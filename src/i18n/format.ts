import type { Locale } from "./locale.ts";

const TZ = "Europe/Amsterdam";

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and every
// debrief turn formats dates.
const DATE: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "short", year: "numeric", timeZone: TZ }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: TZ }),
};
const TIME = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: TZ });
const ISO_DAY = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: TZ });

/**
 * 21 nov 2026 (nl) or 21 Nov 2026 (en), in Dutch local time. Words, not 21-11-2026: on a phone a line may
 * break between the words of a date, but never inside one ("21-11-/2026").
 */
export function formatDate(date: Date, locale: Locale): string {
  return DATE[locale].format(date);
}

/** HH:MM in Dutch local time. */
export function formatTime(date: Date): string {
  return TIME.format(date);
}

/** The calendar date (YYYY-MM-DD) in Dutch local time, as Input.Date expects it. */
export function isoDay(date: Date): string {
  return ISO_DAY.format(date);
}

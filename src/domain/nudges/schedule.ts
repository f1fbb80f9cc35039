// When Trede may speak first: Amsterdam local time, quiet hours, the weekly period a message belongs to,
// and working days (for "waiting longer than five working days"). Pure: the clock is passed in.
import { z } from "zod";

export const TIME_ZONE = "Europe/Amsterdam";
/** Messages only from 08:00 up to 18:00 local time, Monday to Friday. */
export const QUIET_BEFORE_HOUR = 8;
export const QUIET_FROM_HOUR = 18;

export interface LocalTime {
  /** yyyy-mm-dd in Amsterdam */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
  hourCycle: "h23",
});
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function amsterdamTime(now: Date): LocalTime {
  const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday) + 1,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

export function isQuietTime(now: Date): boolean {
  const t = amsterdamTime(now);
  return t.weekday >= 6 || t.hour < QUIET_BEFORE_HOUR || t.hour >= QUIET_FROM_HOUR;
}

/** The ISO week of the Amsterdam date, e.g. "2026-W49": one nudge and one digest per person per period. */
export function weekPeriod(now: Date): string {
  const day = new Date(`${amsterdamTime(now).date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  const thursday = new Date(day.getTime() + (4 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Monday 00:00 UTC of the Amsterdam week `now` falls in (date columns compare by day). */
export function startOfWeek(now: Date): Date {
  const day = new Date(`${amsterdamTime(now).date}T00:00:00Z`);
  return new Date(day.getTime() - ((day.getUTCDay() || 7) - 1) * 86_400_000);
}

export const TeamSchedule = z.object({
  nudgeWeekday: z.number().int().min(1).max(5),
  digestWeekday: z.number().int().min(1).max(5),
  sendHour: z
    .number()
    .int()
    .min(QUIET_BEFORE_HOUR)
    .max(QUIET_FROM_HOUR - 1),
});
export type TeamSchedule = z.infer<typeof TeamSchedule>;

/**
 * A team's weekly job is due from its weekday and hour until the end of that week (outside quiet hours),
 * so an instance that was down at the planned moment catches up later; the period key keeps it to once.
 */
export function isDue(kind: "nudges" | "digest", schedule: TeamSchedule, now: Date): boolean {
  if (isQuietTime(now)) return false;
  const t = amsterdamTime(now);
  const weekday = kind === "nudges" ? schedule.nudgeWeekday : schedule.digestWeekday;
  return t.weekday > weekday || (t.weekday === weekday && t.hour >= schedule.sendHour);
}

const isWorkingDay = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;

/** The day `n` working days (Monday to Friday) before `day`; public holidays are not counted apart. */
export function workingDaysBefore(day: Date, n: number): Date {
  let d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  let left = n;
  while (left > 0) {
    d = new Date(d.getTime() - 86_400_000);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: Date, to: Date): number {
  let d = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  let n = 0;
  while (d < end) {
    d += 86_400_000;
    if (isWorkingDay(new Date(d))) n++;
  }
  return n;
}

export const WEEKDAY_NAMES = ["ma", "di", "wo", "do", "vr"] as const;
const WEEKDAY_WORDS: Record<string, number> = {
  ma: 1,
  mon: 1,
  maandag: 1,
  monday: 1,
  di: 2,
  tue: 2,
  dinsdag: 2,
  tuesday: 2,
  wo: 3,
  wed: 3,
  woensdag: 3,
  wednesday: 3,
  do: 4,
  thu: 4,
  donderdag: 4,
  thursday: 4,
  vr: 5,
  fri: 5,
  vrijdag: 5,
  friday: 5,
};

/** "ma", "monday", "1" → 1; weekends and anything else → null (no messages at weekends). */
export function parseWeekday(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^[1-5]$/.test(t)) return Number(t);
  return WEEKDAY_WORDS[t] ?? null;
}

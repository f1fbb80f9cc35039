import { describe, expect, it } from "vitest";
import {
  amsterdamTime,
  isDue,
  isQuietTime,
  parseWeekday,
  startOfWeek,
  weekPeriod,
  workingDaysBefore,
  workingDaysBetween,
} from "../../../src/domain/nudges/schedule.ts";

const at = (iso: string) => new Date(iso);

describe("quiet hours: only 08:00-18:00 Europe/Amsterdam on weekdays", () => {
  it.each([
    ["2026-12-07T06:59:00Z", true, "Monday 07:59 in winter (UTC+1)"],
    ["2026-12-07T07:00:00Z", false, "Monday 08:00"],
    ["2026-12-07T16:59:00Z", false, "Monday 17:59"],
    ["2026-12-07T17:00:00Z", true, "Monday 18:00"],
    ["2026-06-08T06:30:00Z", false, "Monday 08:30 in summer (UTC+2)"],
    ["2026-06-08T05:30:00Z", true, "Monday 07:30 in summer"],
    ["2026-12-05T10:00:00Z", true, "Saturday"],
    ["2026-12-06T10:00:00Z", true, "Sunday"],
    ["2026-12-04T23:30:00Z", true, "Friday 23:30 UTC is Saturday 00:30 in Amsterdam"],
  ])("%s → quiet %s (%s)", (iso, quiet) => {
    expect(isQuietTime(at(iso))).toBe(quiet);
  });

  it("reads the Amsterdam calendar day, not the UTC one", () => {
    expect(amsterdamTime(at("2026-12-06T23:30:00Z"))).toEqual({ date: "2026-12-07", weekday: 1, hour: 0, minute: 30 });
  });
});

describe("the weekly period and the team's schedule", () => {
  it.each([
    ["2026-12-07T09:00:00Z", "2026-W50"],
    ["2026-12-13T22:00:00Z", "2026-W50"],
    ["2026-12-13T23:30:00Z", "2026-W51"], // Monday 00:30 in Amsterdam
    ["2027-01-01T10:00:00Z", "2026-W53"],
    ["2027-01-04T10:00:00Z", "2027-W01"],
  ])("%s is in %s", (iso, period) => {
    expect(weekPeriod(at(iso))).toBe(period);
  });

  it("the week starts on Monday", () => {
    expect(startOfWeek(at("2026-12-10T12:00:00Z")).toISOString()).toBe("2026-12-07T00:00:00.000Z");
  });

  const schedule = { nudgeWeekday: 2, digestWeekday: 5, sendHour: 9 };
  it.each([
    ["nudges", "2026-12-07T10:00:00Z", false, "Monday: before the team's Tuesday"],
    ["nudges", "2026-12-08T07:30:00Z", false, "Tuesday 08:30: before 09:00"],
    ["nudges", "2026-12-08T08:00:00Z", true, "Tuesday 09:00"],
    ["nudges", "2026-12-10T12:00:00Z", true, "Thursday: catching up a missed Tuesday"],
    ["nudges", "2026-12-08T17:30:00Z", false, "Tuesday 18:30: quiet"],
    ["digest", "2026-12-10T12:00:00Z", false, "Thursday: before the team's Friday"],
    ["digest", "2026-12-11T08:00:00Z", true, "Friday 09:00"],
  ] as const)("%s at %s → due %s (%s)", (kind, iso, due, _why) => {
    expect(isDue(kind, schedule, at(iso))).toBe(due);
  });

  it("weekdays in Dutch or English; weekends are refused", () => {
    expect([
      parseWeekday("ma"),
      parseWeekday("Vrijdag"),
      parseWeekday("wednesday"),
      parseWeekday("3"),
      parseWeekday("za"),
      parseWeekday("7"),
    ]).toEqual([1, 5, 3, 3, null, null]);
  });
});

describe("working days (reviews waiting longer than five)", () => {
  it.each([
    ["2026-12-04", "2026-12-07", 1, "Friday to Monday"],
    ["2026-12-07", "2026-12-14", 5, "a week"],
    ["2026-12-07", "2026-12-07", 0, "same day"],
    ["2026-12-05", "2026-12-06", 0, "a weekend"],
    ["2026-11-23", "2026-12-07", 10, "two weeks"],
  ])("%s → %s: %i", (from, to, n) => {
    expect(workingDaysBetween(at(`${from}T12:00:00Z`), at(`${to}T08:00:00Z`))).toBe(n);
  });

  it("counts back over weekends", () => {
    expect(workingDaysBefore(at("2026-12-07T10:00:00Z"), 5).toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(workingDaysBefore(at("2026-12-09T10:00:00Z"), 2).toISOString().slice(0, 10)).toBe("2026-12-07");
  });
});

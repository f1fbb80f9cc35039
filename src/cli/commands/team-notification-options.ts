// `trede team set` options for when Trede speaks first: --target, --nudge-day, --digest-day, --hour.
import { parseWeekday, QUIET_BEFORE_HOUR, QUIET_FROM_HOUR } from "../../domain/nudges/schedule.ts";
import { CliUsageError } from "../command.ts";

export const WEEKDAY_LABELS: Record<number, string> = { 1: "ma", 2: "di", 3: "wo", 4: "do", 5: "vr" };

export function parseTeamNotificationOptions(option: (name: string) => string | undefined) {
  const out: { inViewTarget?: number; nudgeWeekday?: number; digestWeekday?: number; sendHour?: number } = {};
  const target = option("--target");
  if (target !== undefined) {
    const n = Number(target.replace(/%$/, ""));
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new CliUsageError(`--target is a percentage from 1 to 100, got "${target}"`);
    out.inViewTarget = n;
  }
  for (const [flag, field] of [
    ["--nudge-day", "nudgeWeekday"],
    ["--digest-day", "digestWeekday"],
  ] as const) {
    const v = option(flag);
    if (v === undefined) continue;
    const day = parseWeekday(v);
    if (day === null) throw new CliUsageError(`${flag} is a working day (ma, di, wo, do, vr), got "${v}": Trede sends nothing at weekends`);
    out[field] = day;
  }
  const hour = option("--hour");
  if (hour !== undefined) {
    const h = Number(hour.replace(/:00$/, ""));
    if (!Number.isInteger(h) || h < QUIET_BEFORE_HOUR || h >= QUIET_FROM_HOUR)
      throw new CliUsageError(
        `--hour is a whole hour from ${QUIET_BEFORE_HOUR} to ${QUIET_FROM_HOUR - 1} (quiet hours are outside 08:00-18:00), got "${hour}"`,
      );
    out.sendHour = h;
  }
  return out;
}

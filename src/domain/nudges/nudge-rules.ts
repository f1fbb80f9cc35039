// Which of a coach's clients a nudge lists, and why. In beeld = a reached contact within the last 12
// months; the ladder is due twice a year (a classification older than six months); a classification
// sent back (returned or rejected) waits for the coach.
export type NudgeReason = "leaving_view" | "classification_due" | "sent_back";

export interface NudgeClient {
  id: string;
  displayName: string;
  externalKey: string;
  lastContactAt: Date | null;
  /** peildatum of the client's latest classification */
  latestObservedOn: Date | null;
  latestStatus: string | null;
}

export interface NudgeLine {
  client: NudgeClient;
  reasons: NudgeReason[];
  /** the day the client drops out of beeld, for leaving_view */
  outOfViewOn: Date | null;
}

export const LEAVING_WITHIN_DAYS = 30;
export const CLASSIFICATION_DUE_MONTHS = 6;
export const IN_VIEW_MONTHS = 12;
/** a card stays readable (and under Teams' 28 KB) with this many lines; the rest is counted */
export const MAX_NUDGE_LINES = 15;

const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

export function addMonths(d: Date, months: number): Date {
  const r = new Date(day(d));
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

export function nudgeReasons(client: NudgeClient, today: Date): { reasons: NudgeReason[]; outOfViewOn: Date | null } {
  const reasons: NudgeReason[] = [];
  let outOfViewOn: Date | null = null;
  const t = day(today);
  if (client.lastContactAt) {
    const drops = addMonths(client.lastContactAt, IN_VIEW_MONTHS);
    // still in beeld today, out of it within 30 days
    if (drops.getTime() > t && drops.getTime() <= t + LEAVING_WITHIN_DAYS * 86_400_000) {
      reasons.push("leaving_view");
      outOfViewOn = drops;
    }
  }
  if (client.latestObservedOn && addMonths(client.latestObservedOn, CLASSIFICATION_DUE_MONTHS).getTime() <= t)
    reasons.push("classification_due");
  if (client.latestStatus === "RETURNED" || client.latestStatus === "REJECTED") reasons.push("sent_back");
  return { reasons, outOfViewOn };
}

/** The nudge's lines: soonest out of beeld first, then sent back, then due, by name within each. */
export function selectNudgeLines(clients: NudgeClient[], today: Date): NudgeLine[] {
  const rank = (l: NudgeLine) => (l.reasons.includes("leaving_view") ? 0 : l.reasons.includes("sent_back") ? 1 : 2);
  return clients
    .map((client) => ({ client, ...nudgeReasons(client, today) }))
    .filter((l) => l.reasons.length > 0)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.outOfViewOn?.getTime() ?? 0) - (b.outOfViewOn?.getTime() ?? 0) ||
        a.client.displayName.localeCompare(b.client.displayName, "nl") ||
        a.client.id.localeCompare(b.client.id),
    );
}

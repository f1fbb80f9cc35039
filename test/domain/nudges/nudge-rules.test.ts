import { describe, expect, it } from "vitest";
import { nudgeReasons, selectNudgeLines, type NudgeClient } from "../../../src/domain/nudges/nudge-rules.ts";

const today = new Date("2026-12-07T09:00:00Z");
const d = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
const client = (over: { lastContactAt?: string | null; observed?: string | null; status?: string | null; name?: string }): NudgeClient => ({
  id: over.name ?? "x",
  displayName: over.name ?? "x",
  externalKey: "K",
  lastContactAt: d(over.lastContactAt ?? null),
  latestObservedOn: d(over.observed ?? null),
  latestStatus: over.status ?? null,
});

describe("which clients a coach's nudge lists", () => {
  it.each([
    [{ lastContactAt: "2025-12-20" }, ["leaving_view"], "out of beeld on 20 Dec: within 30 days"],
    [{ lastContactAt: "2026-01-06" }, ["leaving_view"], "out of beeld in exactly 30 days"],
    [{ lastContactAt: "2026-01-07" }, [], "out of beeld in 31 days"],
    [{ lastContactAt: "2025-12-07" }, [], "out of beeld today: already out, not 'will drop out'"],
    [{ lastContactAt: "2025-06-01" }, [], "long out of beeld"],
    [{ lastContactAt: null }, [], "never reached"],
    [{ lastContactAt: "2026-11-01", observed: "2026-06-07" }, ["classification_due"], "measured exactly six months ago"],
    [{ lastContactAt: "2026-11-01", observed: "2026-06-08" }, [], "measured a day less than six months ago"],
    [{ lastContactAt: "2026-11-01", observed: "2026-11-01", status: "RETURNED" }, ["sent_back"], "sent back"],
    [{ lastContactAt: "2026-11-01", observed: "2026-11-01", status: "REJECTED" }, ["sent_back"], "rejected"],
    [
      { lastContactAt: "2026-11-01", observed: "2026-11-01", status: "PENDING_REVIEW" },
      [],
      "waiting for review: nothing for the coach to do",
    ],
    [{ lastContactAt: "2025-12-20", observed: "2025-12-20", status: "FINAL" }, ["leaving_view", "classification_due"], "both"],
  ])("%j → %j (%s)", (over, reasons, _why) => {
    expect(nudgeReasons(client(over), today).reasons).toEqual(reasons);
  });

  it("orders the lines: soonest out of beeld first, then sent back, then due, by name", () => {
    const lines = selectNudgeLines(
      [
        client({ name: "Due B", lastContactAt: "2026-10-01", observed: "2026-01-01" }),
        client({ name: "Leaving late", lastContactAt: "2026-01-01" }),
        client({ name: "Fine", lastContactAt: "2026-10-01", observed: "2026-10-01" }),
        client({ name: "Sent back", lastContactAt: "2026-10-01", observed: "2026-10-01", status: "RETURNED" }),
        client({ name: "Leaving soon", lastContactAt: "2025-12-10" }),
        client({ name: "Due A", lastContactAt: "2026-10-01", observed: "2026-02-01" }),
      ],
      today,
    );
    expect(lines.map((l) => l.client.displayName)).toEqual(["Leaving soon", "Leaving late", "Sent back", "Due A", "Due B"]);
    expect(lines[0].outOfViewOn?.toISOString().slice(0, 10)).toBe("2026-12-10");
  });
});

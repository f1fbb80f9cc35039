// Runs the evaluation set (eval-set.ts): every question must give its expected query, or be refused as
// expected. A question answered with another query than expected is wrong, and any wrong fails.
import { describe, expect, it } from "vitest";
import { interpretQuestion } from "../../../src/domain/caseload/interpret-question.ts";
import { CONTEXTS, EVAL_SET } from "./eval-set.ts";

type Outcome = "correct" | "refused" | "wrong";

function judge(c: (typeof EVAL_SET)[number]): { outcome: Outcome; got: unknown } {
  const r = interpretQuestion(c.q, { locale: "nl", ...CONTEXTS[c.as] });
  if ("refuse" in c.expect) {
    if (!r.ok && r.reason === c.expect.refuse) return { outcome: "correct", got: r };
    // answering a question that should have been refused is wrong; refusing for another reason is not
    return { outcome: r.ok ? "wrong" : "refused", got: r.ok ? r.query : r };
  }
  if (!r.ok) return { outcome: r.reason === "outOfScope" ? "wrong" : "refused", got: r };
  return {
    outcome: JSON.stringify(sorted(r.query)) === JSON.stringify(sorted(c.expect.query)) ? "correct" : "wrong",
    got: r.query,
  };
}

const sorted = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, sorted(x)]),
        )
      : v;

describe("the caseload evaluation set", () => {
  const results = EVAL_SET.map((c) => ({ c, ...judge(c) }));
  const tally = { correct: 0, refused: 0, wrong: 0 };
  for (const r of results) tally[r.outcome]++;

  it("has at least 300 questions in Dutch and English", () => {
    expect(EVAL_SET.length).toBeGreaterThanOrEqual(300);
    expect(new Set(EVAL_SET.map((c) => `${c.as}:${c.q}`)).size).toBe(EVAL_SET.length);
  });

  it("answers no question wrongly (correct / honestly refused / wrong reported)", () => {
    console.log(
      `caseload evaluation: ${results.length} questions — ${tally.correct} correct, ${tally.refused} honestly refused, ${tally.wrong} wrong`,
    );
    for (const r of results.filter((r) => r.outcome !== "correct"))
      console.log(`  ${r.outcome}: [${r.c.as}] ${JSON.stringify(r.c.q)} → ${JSON.stringify(r.got)}`);
    expect(results.filter((r) => r.outcome === "wrong").map((r) => ({ q: r.c.q, as: r.c.as, expected: r.c.expect, got: r.got }))).toEqual(
      [],
    );
  });

  it("answers every question it is specified to answer", () => {
    // the set is the specification: a question with an expected query that is refused is a regression
    expect(results.filter((r) => r.outcome === "refused").map((r) => r.c.q)).toEqual([]);
  });
});

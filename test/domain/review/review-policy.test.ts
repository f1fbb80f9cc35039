import { describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_TRIGGERS, reviewReasons, type ReviewFacts, type ReviewTrigger } from "../../../src/domain/review/review-policy.ts";

const plain: ReviewFacts = { overridden: false, previousRung: 2, finalRung: 3, ontheffing: false };

describe("review policy", () => {
  it.each<[string, ReviewTrigger[], Partial<ReviewFacts>, ReviewTrigger[]]>([
    ["default: a one-rung step needs no review", DEFAULT_REVIEW_TRIGGERS, {}, []],
    ["default: an override needs review", DEFAULT_REVIEW_TRIGGERS, { overridden: true }, ["OVERRIDE"]],
    ["default: two rungs up is a jump", DEFAULT_REVIEW_TRIGGERS, { previousRung: 1, finalRung: 3 }, ["JUMP"]],
    ["default: two rungs down is a jump too", DEFAULT_REVIEW_TRIGGERS, { previousRung: 5, finalRung: 3 }, ["JUMP"]],
    ["default: a first classification is never a jump", DEFAULT_REVIEW_TRIGGERS, { previousRung: null, finalRung: 6 }, []],
    ["default: ontheffing alone does not trigger", DEFAULT_REVIEW_TRIGGERS, { ontheffing: true }, []],
    ["ontheffing policy", ["ONTHEFFING"], { ontheffing: true }, ["ONTHEFFING"]],
    ["always", ["ALWAYS"], {}, ["ALWAYS"]],
    ["never (empty policy) ignores everything", [], { overridden: true, previousRung: 1, finalRung: 6, ontheffing: true }, []],
    [
      "every reason is reported",
      ["OVERRIDE", "JUMP", "ONTHEFFING"],
      { overridden: true, previousRung: 1, finalRung: 4, ontheffing: true },
      ["OVERRIDE", "JUMP", "ONTHEFFING"],
    ],
  ])("%s", (_name, triggers, facts, expected) => {
    expect(reviewReasons(triggers, { ...plain, ...facts })).toEqual(expected);
  });
});

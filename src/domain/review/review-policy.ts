// Four eyes: which confirmed classifications a supervisor must confirm too, per the team's policy.
import { z } from "zod";

export const ReviewTrigger = z.enum(["ALWAYS", "OVERRIDE", "JUMP", "ONTHEFFING"]);
export type ReviewTrigger = z.infer<typeof ReviewTrigger>;

/** The default policy: a coach's override, or a jump of two or more rungs. An empty list means never. */
export const DEFAULT_REVIEW_TRIGGERS: ReviewTrigger[] = ["OVERRIDE", "JUMP"];

/** A jump is a change of two or more rungs against the client's previous classification. */
export const JUMP_RUNGS = 2;

export interface ReviewFacts {
  overridden: boolean;
  previousRung: number | null;
  finalRung: number;
  ontheffing: boolean;
}

/** The triggers that fire for these facts; review is required when the list is not empty. */
export function reviewReasons(triggers: readonly ReviewTrigger[], facts: ReviewFacts): ReviewTrigger[] {
  const fired: ReviewTrigger[] = [];
  if (triggers.includes("ALWAYS")) fired.push("ALWAYS");
  if (triggers.includes("OVERRIDE") && facts.overridden) fired.push("OVERRIDE");
  if (triggers.includes("JUMP") && facts.previousRung !== null && Math.abs(facts.finalRung - facts.previousRung) >= JUMP_RUNGS) fired.push("JUMP");
  if (triggers.includes("ONTHEFFING") && facts.ontheffing) fired.push("ONTHEFFING");
  return fired;
}

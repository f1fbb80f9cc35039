// Four eyes: which confirmed classifications a supervisor must confirm too, per the team's policy.
import { z } from "zod";
import { hasRole, type Actor } from "../access/actor.ts";

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
  if (triggers.includes("JUMP") && facts.previousRung !== null && Math.abs(facts.finalRung - facts.previousRung) >= JUMP_RUNGS)
    fired.push("JUMP");
  if (triggers.includes("ONTHEFFING") && facts.ontheffing) fired.push("ONTHEFFING");
  return fired;
}

/** Whether the actor may decide on classifications of this team at all (the coach check comes per item). */
export function isReviewerFor(actor: Actor, teamId: string): boolean {
  return hasRole(actor, "SUPERVISOR") && actor.teamId === teamId;
}

/** Who may open the list of waiting classifications and their cards: reviewers and those who oversee them. */
export function mayOpenReviews(actor: Actor): boolean {
  return hasRole(actor, "SUPERVISOR") || hasRole(actor, "TEAM_LEAD") || hasRole(actor, "ADMIN");
}

/** Whether this actor may decide on this classification: a reviewer of its team who did not classify it. */
export function mayDecide(actor: Actor, review: { teamId: string; coachId: string }): boolean {
  return isReviewerFor(actor, review.teamId) && review.coachId !== actor.staffId;
}

// Use case: a supervisor approves, rejects or returns a classification (four eyes). Nobody decides on,
// or sees the outcome of, a classification of a client outside their scope; a rejection or a question
// needs a note; exactly one decision wins (the store's conditional update); the outcome is a read.
import type { Actor } from "../domain/access/actor.ts";
import type { PendingReview, ReviewDecision } from "../domain/review/ports.ts";
import type { Store } from "../domain/store.ts";
import { checkClientVisible } from "./client-visibility.ts";

export interface DecideReviewInput {
  classificationId: string;
  decision: ReviewDecision;
  /** the supervisor's note; required unless approving */
  note: string | null;
  now: Date;
}

export type DecideReviewResult =
  /** unknown id, or a client outside the actor's scope or erased: refused and audited alike */
  | { outcome: "not_visible" }
  | { outcome: "note_required" }
  | { outcome: "forbidden"; reason: "not_reviewer" | "own_classification" | "not_found" }
  | { outcome: "decided" | "already_decided"; review: PendingReview };

export async function decideReview(
  store: Pick<Store, "review" | "clients" | "audit">,
  actor: Actor,
  input: DecideReviewInput,
): Promise<DecideReviewResult> {
  const via = `review.${input.decision}`;
  const subject = await store.review.findSubject(input.classificationId);
  if (!(await checkClientVisible(store, actor, subject?.clientId, { via, subjectId: subject?.classificationId ?? null })))
    return { outcome: "not_visible" };
  const note = input.note?.trim() || null;
  if (input.decision !== "approve" && !note) return { outcome: "note_required" };
  const result = await store.review.decide({
    actor,
    classificationId: input.classificationId,
    decision: input.decision,
    note: input.decision === "approve" ? null : note,
    now: input.now,
  });
  if (result.outcome === "forbidden") return result;
  await store.audit.clientRead({
    actor,
    clientIds: [result.review.clientId],
    via,
    subjectId: result.review.classificationId,
  });
  return result;
}

// Use cases: a reviewer's list of waiting classifications, and one review card's content. Both show client
// data, so each passes the access check and records the read.
import type { Actor } from "../domain/access/actor.ts";
import { hasRole } from "../domain/access/actor.ts";
import type { PendingReview } from "../domain/review/ports.ts";
import { mayDecide, mayOpenReviews } from "../domain/review/review-policy.ts";
import type { Store } from "../domain/store.ts";
import { checkClientVisible, keepVisibleRows } from "./client-visibility.ts";

type Deps = Pick<Store, "review" | "clients" | "audit" | "teams">;

export type PendingListResult =
  | { outcome: "not_reviewer" }
  /** `teamName` null: every team (an administrator); `dropped`: rows a faulty query returned out of scope */
  | { outcome: "list"; pending: PendingReview[]; total: number; teamName: string | null; dropped: number };

export async function listPendingReviews(store: Deps, actor: Actor): Promise<PendingListResult> {
  if (!mayOpenReviews(actor)) return { outcome: "not_reviewer" };
  const all = hasRole(actor, "ADMIN") || !actor.teamId;
  const [rows, total, teamName] = await Promise.all([
    store.review.listPending(actor),
    store.review.countPending(actor),
    all ? null : store.teams.nameOf(actor.teamId!),
  ]);
  const { kept, dropped } = await keepVisibleRows(store, actor, rows, (r) => r.clientId, { via: "review.list" });
  return {
    outcome: "list",
    pending: kept,
    total,
    teamName: hasRole(actor, "ADMIN") ? null : (teamName ?? ""),
    dropped,
  };
}

export type ReadReviewResult =
  | { outcome: "not_reviewer" }
  | { outcome: "not_visible" }
  | { outcome: "shown"; review: PendingReview; canDecide: boolean };

/**
 * A review for the person asking, after the one access check: the classification's client must be within
 * their scope. Unknown ids and clients outside scope get the same answer. `requireReviewer`: the list and
 * its cards are a reviewer's tool (a coach reads their own client's outcome elsewhere).
 */
export async function readReview(
  store: Deps,
  actor: Actor,
  input: { classificationId: string | undefined; via: string; requireReviewer: boolean },
): Promise<ReadReviewResult> {
  if (input.requireReviewer && !mayOpenReviews(actor)) {
    await store.audit.refusal({ actor, reason: "review_open_forbidden" });
    return { outcome: "not_reviewer" };
  }
  const subject = input.classificationId ? await store.review.findSubject(input.classificationId) : null;
  const read = { via: input.via, subjectId: subject?.classificationId ?? null };
  if (!(await checkClientVisible(store, actor, subject?.clientId, read))) return { outcome: "not_visible" };
  await store.audit.clientRead({ actor, clientIds: [subject!.clientId], ...read });
  const review = await store.review.find(subject!.classificationId);
  if (!review) return { outcome: "not_visible" };
  return { outcome: "shown", review, canDecide: mayDecide(actor, review) };
}

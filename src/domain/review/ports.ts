// What the review use cases need from storage, and the shapes that cross that port.
import type { Actor } from "../access/actor.ts";

export type ReviewDecision = "approve" | "reject" | "return";

export interface PendingReview {
  classificationId: string;
  clientId: string;
  clientName: string;
  clientKey: string;
  coachId: string;
  coachName: string;
  teamId: string;
  profileId: string;
  answers: unknown;
  previousRung: number | null;
  previousSubstep: number | null;
  proposedRung: number;
  proposedSubstep: number | null;
  finalRung: number;
  finalSubstep: number | null;
  expectedRung: number | null;
  overrideReason: string | null;
  observedOn: Date;
  confirmedAt: Date;
  status: "PENDING_REVIEW" | "FINAL" | "REJECTED" | "RETURNED";
  reviewedByName: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

export type DecideResult =
  | { outcome: "decided"; review: PendingReview }
  | { outcome: "already_decided"; review: PendingReview }
  | { outcome: "forbidden"; reason: "not_reviewer" | "own_classification" | "not_found" };

export interface ReviewCardCopy {
  classificationId: string;
  staffId: string;
  conversationId: string;
  activityId: string;
}

export interface Reviewer {
  id: string;
  displayName: string;
  aadObjectId: string;
  /** the stored reference of the reviewer's personal chat with Trede; null: never opened it */
  reference: object | null;
}

export interface ReviewStore {
  find(classificationId: string): Promise<PendingReview | null>;
  /** Which client a classification is about, and nothing else: enough to check access before loading it. */
  findSubject(classificationId: string): Promise<{ classificationId: string; clientId: string } | null>;
  /** How many classifications wait for the actor (clients in their scope, still in the caseload). */
  countPending(actor: Actor): Promise<number>;
  /** Open requests the actor may see, oldest first. */
  listPending(actor: Actor, options?: { take?: number }): Promise<PendingReview[]>;
  /** Exactly one decision wins; refusals are audited with the decision in one transaction. */
  decide(input: {
    actor: Actor;
    classificationId: string;
    decision: ReviewDecision;
    note: string | null;
    now: Date;
  }): Promise<DecideResult>;
  saveCard(card: ReviewCardCopy): Promise<void>;
  listCards(classificationId: string): Promise<ReviewCardCopy[]>;
  /** The active supervisors of a team, except the given person (the coach who classified). */
  findReviewers(input: { teamId: string; excludeStaffId: string }): Promise<Reviewer[]>;
}

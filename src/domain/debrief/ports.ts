// What the debrief use cases need from storage, in domain terms. src/storage/debrief implements it
// (createDebriefStore); which statements use Prisma and which plain SQL is the store's business.
import type { Actor } from "../access/actor.ts";
import type { ReviewTrigger } from "../review/review-policy.ts";
import type { ContactKind, GrowthPotential, PreviousDebrief, StoredAnswers } from "./debrief-flow.ts";

export interface ClientChoice {
  id: string;
  externalKey: string;
  displayName: string;
  wijk: string;
  currentRung: number | null;
}

/** A client opened for a debrief: the client, their team's settings and last time on the team's ladder. */
export interface DebriefClient {
  client: { id: string; externalKey: string; displayName: string; wijk: string; teamId: string };
  team: {
    id: string;
    ladderProfileId: string;
    reviewTriggers: ReviewTrigger[];
    domainsInScope: string[];
    specialDomainsReason: string | null;
  };
  /** the latest classification (any ladder); the flow shows it only when it used the team's ladder */
  previous: (PreviousDebrief & { profileId: string }) | null;
}

/** A classification a supervisor sent back (rejected or returned) that the coach has not redone yet. */
export interface SentBack {
  classificationId: string;
  clientId: string;
  clientName: string;
  reviewNote: string | null;
}

/** A sent-back classification as a reopened debrief needs it. */
export interface ReopenSource {
  classificationId: string;
  clientId: string;
  coachId: string;
  status: "PENDING_REVIEW" | "FINAL" | "REJECTED" | "RETURNED";
  reviewNote: string | null;
  observedOn: string;
  contactKind: ContactKind | null;
  nextContactDate: string | null;
  outcome: string | null;
  finalRung: number;
  finalSubstep: number | null;
  expectedRung: number | null;
  horizonMonths: number;
  growthPotential: GrowthPotential;
  answers: Partial<StoredAnswers> | null;
}

export interface ConfirmDebriefInput {
  actor: Actor;
  clientId: string;
  idempotencyKey: string;
  contact: { date: string; kind: ContactKind; outcome: string | null; nextContactDate: string | null };
  profile: { id: string; version: number; topRung: number };
  answers: StoredAnswers;
  proposed: { rung: number; substep: number | null; rung5Reasons: string[] };
  final: { rung: number; substep: number | null; overrideReason: string | null };
  expected: { rung: number | null; horizonMonths: number; growthPotential: GrowthPotential };
  ontheffing: boolean;
  verdieping: Record<string, string>;
  domainScores: Record<string, number | null>;
}

export type ConfirmDebriefResult =
  | {
      kind: "stored";
      id: string;
      version: number;
      status: "FINAL" | "PENDING_REVIEW";
      reviewReasons: ReviewTrigger[];
      created: boolean;
    }
  | { kind: "out_of_scope" };

export interface DebriefStore {
  /** the actor's active clients for the picker (at most `take`, default 100), optionally narrowed by a name or client-number fragment */
  listClients(actor: Actor, options?: { search?: string; take?: number }): Promise<ClientChoice[]>;
  /** null when the client is outside the actor's scope, inactive or unknown */
  findClient(actor: Actor, clientId: string): Promise<DebriefClient | null>;
  /** a visit where the client was not reached; idempotent on the key */
  recordUnreached(input: {
    actor: Actor;
    clientId: string;
    date: string;
    kind: ContactKind;
    idempotencyKey: string;
  }): Promise<{ created: boolean }>;
  /** contact, classification, scores and audit in one transaction; idempotent on the key */
  confirm(input: ConfirmDebriefInput): Promise<ConfirmDebriefResult>;
  /** the actor's own sent-back classifications that no newer version replaced, newest first */
  listSentBack(actor: Actor): Promise<SentBack[]>;
  findReopenSource(classificationId: string): Promise<ReopenSource | null>;
  /** a refused request on the record (codes only, no free text) */
  recordRefusal(actor: Actor, reason: string, details?: Record<string, string | number>, clientId?: string | null): Promise<void>;
}

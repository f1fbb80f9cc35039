// What the nudge and digest use cases need from outside, Teams-free and database-free: a store that
// answers the questions and claims each message's key, and a sender that reaches a person.
import type { Role } from "../access/actor.ts";
import type { Locale } from "../localized.ts";
import type { NudgeClient } from "./nudge-rules.ts";
import type { TeamSchedule } from "./schedule.ts";

export interface NotificationTeam extends TeamSchedule {
  id: string;
  name: string;
  /** percent of clients in beeld the team aims for */
  inViewTarget: number;
}

export interface Recipient {
  staffId: string;
  aadObjectId: string;
  displayName: string;
  roles: Role[];
  teamId: string;
  locale: Locale;
  notificationsOff: boolean;
  /** the stored conversation reference of the person's personal chat with Trede; null: never opened it */
  reference: object | null;
}

export interface WaitingReview {
  classificationId: string;
  clientId: string;
  clientName: string;
  coachId: string;
  coachName: string;
  confirmedAt: Date;
}

export interface Movement {
  clientId: string;
  clientName: string;
  from: number;
  to: number;
}

export interface DigestFigures {
  total: number;
  inView: number;
  byWijk: { wijk: string; total: number; inView: number }[];
  /** oldest first; in beeld at the end of each of the last 12 weeks */
  trend: { weekEnd: Date; total: number; inView: number }[];
  pendingReviews: WaitingReview[];
  movement: { up: Movement[]; down: Movement[] };
  withoutExpectedRung: number;
}

export type MessageKind = "nudge" | "digest" | "reviews" | "unreachable";

export interface MessageClaim {
  key: string;
  kind: MessageKind;
  staffId: string;
  teamId: string;
  period: string;
  clientIds: string[];
}

export interface NotificationStore {
  listTeams(filter?: { team?: string }): Promise<NotificationTeam[]>;
  /** the team's active staff with their reference, language and choice */
  listRecipients(teamId: string): Promise<Recipient[]>;
  /** the coach's own active clients (erased and closed clients excluded) */
  listCoachClients(staffId: string): Promise<NudgeClient[]>;
  digestFigures(input: { teamId: string; today: Date }): Promise<DigestFigures>;
  /** Claims the key; false when it was claimed before (sent, or being sent by someone else). A failed send may be claimed again. */
  claimMessage(claim: MessageClaim): Promise<boolean>;
  /** Records the delivered message and its audit event (kind, recipient, the client ids shown) together. */
  recordSent(claim: MessageClaim, result: { activityId: string | null; attempts: number }): Promise<void>;
  recordFailed(claim: MessageClaim, result: { error: string; attempts: number }): Promise<void>;
}

/** What the bot sends: an Adaptive Card (already rendered) or plain text, plus a one-line summary for notifications. */
export interface OutgoingMessage {
  text?: string;
  card?: object;
  summary: string;
}

export type SendResult =
  | { ok: true; activityId: string | null }
  | { ok: false; retryable: boolean; status: number | null; error: string; retryAfterMs?: number };

export interface MessageSender {
  send(reference: object, message: OutgoingMessage): Promise<SendResult>;
}

export type JobKind = "nudges" | "digest";

export interface ClaimedJob {
  id: string;
  kind: JobKind;
  teamId: string;
  period: string;
  attempts: number;
}

/** Jobs live in the database: one per kind, team and period; claimed by one instance at a time under a lease. */
export interface JobStore {
  /** false when the job for this kind, team and period exists already */
  enqueue(job: { kind: JobKind; teamId: string; period: string; runAfter: Date }): Promise<boolean>;
  /** the next pending job (or one whose lease ran out), locked for this worker until now + leaseMs */
  claimNext(input: { workerId: string; now: Date; leaseMs: number }): Promise<ClaimedJob | null>;
  complete(input: { id: string; workerId: string; result: object; now: Date }): Promise<void>;
  /** back to pending at retryAt, or failed for good when retryAt is null */
  fail(input: { id: string; workerId: string; error: string; retryAt: Date | null }): Promise<void>;
}

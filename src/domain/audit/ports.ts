// The audit trail as the use cases see it: who did what, when, with ids, codes and counts only (never a
// name, a typed reason or a note: they would outlive a client's erasure in the append-only table).
import type { Actor } from "../access/actor.ts";

export interface AuditEventInput {
  actor: Pick<Actor, "staffId" | "aadObjectId"> | null;
  /** dotted verb, e.g. "classification.confirmed", "review.approved", "caseload.query", "refused" */
  action: string;
  clientId?: string | null;
  subjectId?: string | null;
  /** codes, counts, ids; `clientIds` for every client a read showed */
  details?: Record<string, unknown>;
  correlationId?: string | null;
}

export interface ClientRead {
  /** the verb or view that showed the data, e.g. "review.refresh", "debrief.picker", "caseload.more" */
  via: string;
  /** the record shown, when the read concerns one (e.g. a classification) */
  subjectId?: string | null;
}

export interface Refusal {
  actor: Actor | null;
  /** a code, e.g. "client_not_visible", "review_invalid_payload" */
  reason: string;
  clientId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditStore {
  record(event: AuditEventInput): Promise<void>;
  /** A refused request (forged id, stale card, missing permission); a `verb` detail is kept only when code-like. */
  refusal(refusal: Refusal): Promise<void>;
  /** One event per view of client data; nothing when nothing was shown. */
  clientRead(read: ClientRead & { actor: Actor; clientIds: readonly string[] }): Promise<void>;
}

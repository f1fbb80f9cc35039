// The append-only audit trail: who did what, when. Call it with the transaction client of the change it
// records, so the event and the change commit (or fail) together.
import type { Actor } from "../../domain/access/actor.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export interface AuditEventInput {
  actor: Pick<Actor, "staffId" | "aadObjectId"> | null;
  /** dotted verb, e.g. "classification.confirmed", "review.approved", "caseload.query", "refused" */
  action: string;
  clientId?: string | null;
  subjectId?: string | null;
  details?: Record<string, unknown>;
  correlationId?: string | null;
}

export async function recordAuditEvent(db: Db, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({ data: auditEventData(event) });
}

/** The row for an audit event, for callers that batch it with the change it records. */
export function auditEventData(event: AuditEventInput): Prisma.AuditEventCreateInput {
  return {
    actorId: event.actor?.staffId ?? null,
    actorAadId: event.actor?.aadObjectId ?? null,
    action: event.action,
    clientId: event.clientId ?? null,
    subjectId: event.subjectId ?? null,
    details: (event.details ?? {}) as Prisma.InputJsonObject,
    correlationId: event.correlationId ?? null,
  };
}

/** A refused request (forged id, stale card, missing permission) is data too. */
export async function recordRefusal(
  db: Db,
  options: { actor: Actor | null; reason: string; clientId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await recordAuditEvent(db, { actor: options.actor, action: "refused", clientId: options.clientId, details: { reason: options.reason, ...options.details } });
}

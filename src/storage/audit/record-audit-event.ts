// The append-only audit trail: who did what, when. Call it with the transaction client of the change it
// records, so the event and the change commit (or fail) together. The database chains each row to the
// one before (a trigger sets id, prevHash and hash; src/storage/audit/verify-audit-chain.ts checks them).
// details hold codes, counts and ids only: never question or note text, typed reasons or names (they
// would outlive a client's erasure in this append-only table). A row about one client carries clientId;
// a read that showed several lists them in details.clientIds.
import type { Actor } from "../../domain/access/actor.ts";
import type { AuditEventInput } from "../../domain/audit/ports.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export type { AuditEventInput } from "../../domain/audit/ports.ts";

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

/** A code-like value (verb, step, reason code); anything else from a request is not kept. */
const CODE = /^[A-Za-z0-9_.:-]{1,40}$/;

/**
 * A refused request (forged id, stale card, missing permission) is data too. `reason` is a code; a `verb`
 * in the details comes from the request and is kept only when it looks like one (a forged card can put
 * any text there).
 */
export async function recordRefusal(
  db: Db,
  options: { actor: Actor | null; reason: string; clientId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  const details: Record<string, unknown> = { reason: options.reason, ...options.details };
  if (typeof details.verb === "string" && !CODE.test(details.verb)) details.verb = "(invalid)";
  await recordAuditEvent(db, { actor: options.actor, action: "refused", clientId: options.clientId, details });
}

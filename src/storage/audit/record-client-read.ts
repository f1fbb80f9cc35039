// Reads of client data are audited like changes: who saw which clients, through which verb. Only ids
// and the verb go into the event, never a name or anything typed by a person.
import type { Actor } from "../../domain/access/actor.ts";
import type { ClientRead } from "../../domain/audit/ports.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { recordAuditEvent } from "./record-audit-event.ts";

export const CLIENT_READ = "client.read";

export type { ClientRead } from "../../domain/audit/ports.ts";

/**
 * One event per view: a single client in `clientId` (so a data-subject request finds it), several in
 * `details.clientIds`. Nothing is recorded when nothing was shown.
 */
export async function recordClientRead(
  db: PrismaClient | Prisma.TransactionClient,
  input: ClientRead & { actor: Actor; clientIds: readonly string[] },
): Promise<void> {
  const clientIds = [...new Set(input.clientIds)];
  if (!clientIds.length) return;
  await recordAuditEvent(db, {
    actor: input.actor,
    action: CLIENT_READ,
    clientId: clientIds.length === 1 ? clientIds[0] : null,
    subjectId: input.subjectId ?? null,
    details: clientIds.length === 1 ? { via: input.via } : { via: input.via, clientIds, count: clientIds.length },
  });
}

// Data-subject rights (AVG/GDPR art. 15 and 17), for the municipality's administrator (command line, audited).
// The rules (retention) are the erase use case's; storage finds, copies and anonymises.
import type { ErasureSubject } from "../../domain/admin/ports.ts";
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";

/** Everything Trede stores about one client, as JSON (AVG/GDPR art. 15). */
export async function exportClient(prisma: PrismaClient, input: { externalKey: string; operator: string }) {
  const client = await prisma.client.findUnique({
    where: { externalKey: input.externalKey },
    include: {
      team: { select: { name: true } },
      coach: { select: { displayName: true } },
      contacts: { orderBy: { date: "asc" } },
      classifications: { orderBy: { version: "asc" }, include: { domainScores: true } },
    },
  });
  if (!client) return null;
  const audit = await auditEventsAbout(prisma, client.id);
  await recordAuditEvent(prisma, {
    actor: null,
    action: "client.exported",
    clientId: client.id,
    details: { operator: input.operator },
  });
  return JSON.parse(
    JSON.stringify({ exportedAt: new Date().toISOString(), client, audit }, (_k, v) => (typeof v === "bigint" ? Number(v) : v)),
  );
}

/**
 * The audit rows about one client: those that carry its id, and reads that showed it among others
 * (details.clientIds, GIN index "AuditEvent_clientIds_idx"). The other clients of such a read are not this
 * person's data: they are replaced by their number.
 */
async function auditEventsAbout(prisma: PrismaClient, clientId: string) {
  const ids = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT "id" FROM "AuditEvent" WHERE "clientId" = ${clientId}
    UNION
    SELECT "id" FROM "AuditEvent" WHERE "details" ? 'clientIds' AND ("details" -> 'clientIds') @> ${JSON.stringify([clientId])}::jsonb`;
  const events = await prisma.auditEvent.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: { id: "asc" },
  });
  return events.map((e) => {
    const details = e.details as Record<string, unknown> | null;
    if (!details || !Array.isArray(details.clientIds)) return e;
    const { clientIds, ...rest } = details;
    return {
      ...e,
      details: { ...rest, clientIds: [clientId], otherClientsShown: clientIds.filter((id) => id !== clientId).length },
    };
  });
}

/** The client an erasure is about (by external key), or null when unknown or already erased. */
export async function findErasureSubject(prisma: PrismaClient, externalKey: string): Promise<ErasureSubject | null> {
  const client = await prisma.client.findUnique({
    where: { externalKey },
    select: { id: true, closedAt: true, erasedAt: true },
  });
  return client && !client.erasedAt ? { clientId: client.id, closedAt: client.closedAt } : null;
}

/**
 * Anonymises a client: name, key and birth year go, notes-like data (answers, verdieping, override
 * reasons, review notes) are emptied, conversation state that holds the client goes; rungs, dates, wijk
 * and team stay, so aggregate history keeps its numbers without the person. The audit trail is never
 * rewritten: it holds ids, codes and counts only, never a name, number or text.
 */
export async function anonymiseClient(
  prisma: PrismaClient,
  input: { clientId: string; operator: string; now: Date; forced: boolean },
): Promise<void> {
  const client = await prisma.client.findUniqueOrThrow({ where: { id: input.clientId } });
  await prisma.$transaction(async (tx) => {
    await tx.client.update({
      where: { id: client.id },
      data: {
        displayName: "Geanonimiseerd",
        externalKey: `anon-${client.id}`,
        birthYear: Math.floor(client.birthYear / 10) * 10,
        coachId: null,
        active: false,
        erasedAt: input.now,
      },
    });
    await tx.classification.updateMany({
      where: { clientId: client.id },
      data: { answers: {}, verdieping: {}, overrideReason: null, reviewNote: null },
    });
    await tx.reviewCard.deleteMany({ where: { classification: { clientId: client.id } } });
    await eraseFromConversationState(tx, client);
    await recordAuditEvent(tx, {
      actor: null,
      action: "client.erased",
      clientId: client.id,
      details: { operator: input.operator, forced: input.forced },
    });
  });
}

export async function auditTrailForClient(prisma: PrismaClient, input: { externalKey: string; operator: string }) {
  const client = await prisma.client.findFirst({
    where: { OR: [{ externalKey: input.externalKey }, { id: input.externalKey }] },
  });
  if (!client) return null;
  const events = await auditEventsAbout(prisma, client.id);
  const staff = new Map(
    (
      await prisma.staff.findMany({
        where: { id: { in: events.map((e) => e.actorId).filter((x): x is string => Boolean(x)) } },
      })
    ).map((s) => [s.id, s.displayName]),
  );
  await recordAuditEvent(prisma, {
    actor: null,
    action: "audit.read",
    clientId: client.id,
    details: { operator: input.operator },
  });
  return events.map((e) => ({
    at: e.at.toISOString(),
    who: e.actorId ? (staff.get(e.actorId) ?? e.actorId) : "systeem",
    action: e.action,
    details: e.details,
  }));
}

/**
 * Bot conversation state (a coach's draft debrief, a client picker) may hold the client's name, number or
 * notes. A state about this client (it names the client's id: a draft) goes; any other state that shows
 * the name or number (a picker listing it) keeps its shape with the anonymised values instead. The eTag
 * changes, so a turn that read the old state cannot write it back.
 */
async function eraseFromConversationState(tx: Prisma.TransactionClient, client: { id: string; displayName: string; externalKey: string }) {
  // as the values appear inside jsonb's text form: escaped like JSON strings, compared case-insensitively
  const inJson = (v: string) => JSON.stringify(v).slice(1, -1);
  await tx.$executeRaw`DELETE FROM "BotState" WHERE strpos("data"::text, ${inJson(client.id)}) > 0`;
  for (const [value, replacement] of [
    [client.displayName, "Geanonimiseerd"],
    [client.externalKey, `anon-${client.id}`],
  ])
    await tx.$executeRaw`
      UPDATE "BotState" SET "data" = regexp_replace("data"::text, ${escapeRegex(inJson(value))}, ${replacement}, 'gi')::jsonb, "eTag" = ${randomUUID()}
      WHERE strpos(lower("data"::text), lower(${inJson(value)})) > 0`;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

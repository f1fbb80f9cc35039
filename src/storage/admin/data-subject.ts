// Data-subject rights and team settings, for the municipality's administrator (command line, audited).
import { ZRM_DOMAINS } from "../../domain/ladder/zrm-domains.ts";
import { ReviewTrigger } from "../../domain/review/review-policy.ts";
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { CLIENT_READ } from "../audit/record-client-read.ts";

/** Retention: client dossiers are kept about ten years after closure. */
export const RETENTION_YEARS = 10;

/** Everything Trede stores about one client, as JSON (AVG/GDPR art. 15). */
export async function exportClient(prisma: PrismaClient, input: { externalKey: string; operator: string }) {
  const client = await prisma.client.findUnique({
    where: { externalKey: input.externalKey },
    include: { team: { select: { name: true } }, coach: { select: { displayName: true } }, contacts: { orderBy: { date: "asc" } }, classifications: { orderBy: { version: "asc" }, include: { domainScores: true } } },
  });
  if (!client) return null;
  const audit = await auditEventsAbout(prisma, client.id);
  await recordAuditEvent(prisma, { actor: null, action: "client.exported", clientId: client.id, details: { operator: input.operator } });
  return JSON.parse(JSON.stringify({ exportedAt: new Date().toISOString(), client, audit }, (_k, v) => (typeof v === "bigint" ? Number(v) : v)));
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
  const events = await prisma.auditEvent.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { id: "asc" } });
  return events.map((e) => {
    const details = e.details as Record<string, unknown> | null;
    if (!details || !Array.isArray(details.clientIds)) return e;
    const { clientIds, ...rest } = details;
    return { ...e, details: { ...rest, clientIds: [clientId], otherClientsShown: clientIds.filter((id) => id !== clientId).length } };
  });
}

export type EraseResult = { outcome: "erased" } | { outcome: "not_found" } | { outcome: "retention"; closedAt: Date | null; until: Date | null };

/**
 * Anonymises a client after the retention period: name, key and birth year go, notes-like data (answers,
 * verdieping, override reasons, review notes) are emptied, conversation state that holds the client goes;
 * rungs, dates, wijk and team stay, so aggregate history keeps its numbers without the person. The audit
 * trail is never rewritten: it holds ids, codes and counts only, never a name, number or text.
 */
export async function eraseClient(prisma: PrismaClient, input: { externalKey: string; operator: string; now: Date; force?: boolean }): Promise<EraseResult> {
  const client = await prisma.client.findUnique({ where: { externalKey: input.externalKey } });
  if (!client || client.erasedAt) return { outcome: "not_found" };
  const until = client.closedAt ? new Date(Date.UTC(client.closedAt.getUTCFullYear() + RETENTION_YEARS, client.closedAt.getUTCMonth(), client.closedAt.getUTCDate())) : null;
  if (!input.force && (!until || until > input.now)) return { outcome: "retention", closedAt: client.closedAt, until };
  await prisma.$transaction(async (tx) => {
    await tx.client.update({
      where: { id: client.id },
      data: { displayName: "Geanonimiseerd", externalKey: `anon-${client.id}`, birthYear: Math.floor(client.birthYear / 10) * 10, coachId: null, active: false, erasedAt: input.now },
    });
    await tx.classification.updateMany({ where: { clientId: client.id }, data: { answers: {}, verdieping: {}, overrideReason: null, reviewNote: null } });
    await tx.reviewCard.deleteMany({ where: { classification: { clientId: client.id } } });
    await eraseFromConversationState(tx, client);
    await recordAuditEvent(tx, { actor: null, action: "client.erased", clientId: client.id, details: { operator: input.operator, forced: Boolean(input.force) } });
  });
  return { outcome: "erased" };
}

export async function auditTrailForClient(prisma: PrismaClient, input: { externalKey: string; operator: string }) {
  const client = await prisma.client.findFirst({ where: { OR: [{ externalKey: input.externalKey }, { id: input.externalKey }] } });
  if (!client) return null;
  const events = await auditEventsAbout(prisma, client.id);
  const staff = new Map((await prisma.staff.findMany({ where: { id: { in: events.map((e) => e.actorId).filter((x): x is string => Boolean(x)) } } })).map((s) => [s.id, s.displayName]));
  await recordAuditEvent(prisma, { actor: null, action: "audit.read", clientId: client.id, details: { operator: input.operator } });
  return events.map((e) => ({ at: e.at.toISOString(), who: e.actorId ? (staff.get(e.actorId) ?? e.actorId) : "systeem", action: e.action, details: e.details }));
}

export class TeamSettingError extends Error {}

/** Review policy, ZRM domains in scope (special categories only with a reason) and notes-to-model. */
export async function updateTeamSettings(
  prisma: PrismaClient,
  input: {
    team: string;
    operator: string;
    reviewTriggers?: string[];
    domains?: string[];
    reason?: string;
    allowNotesToModel?: boolean;
    /** when Trede speaks first, and the share in beeld the digest measures against */
    notifications?: { inViewTarget?: number; nudgeWeekday?: number; digestWeekday?: number; sendHour?: number };
  },
) {
  const team = await prisma.team.findFirst({ where: { name: { equals: input.team, mode: "insensitive" } } });
  if (!team) throw new TeamSettingError(`unknown team "${input.team}"`);
  const triggers = input.reviewTriggers?.map((t) => {
    const parsed = ReviewTrigger.safeParse(t.trim().toUpperCase());
    if (!parsed.success) throw new TeamSettingError(`unknown review trigger "${t}" (always, override, jump, ontheffing, or never)`);
    return parsed.data;
  });
  if (input.domains) {
    const unknown = input.domains.filter((d) => !ZRM_DOMAINS.some((z) => z.code === d));
    if (unknown.length) throw new TeamSettingError(`unknown ZRM domains: ${unknown.join(", ")}`);
    const special = input.domains.filter((d) => ZRM_DOMAINS.find((z) => z.code === d)!.special);
    if (special.length && !input.reason?.trim()) throw new TeamSettingError(`special-category domains (${special.join(", ")}) need --reason: why this team must record them`);
  }
  const updated = await prisma.$transaction(async (tx) => {
    const t = await tx.team.update({
      where: { id: team.id },
      data: {
        ...(triggers ? { reviewTriggers: triggers } : {}),
        ...(input.domains ? { domainsInScope: input.domains, specialDomainsReason: input.reason?.trim() || null } : {}),
        ...(input.allowNotesToModel !== undefined ? { allowNotesToModel: input.allowNotesToModel } : {}),
        ...input.notifications,
      },
    });
    await recordAuditEvent(tx, {
      actor: null,
      action: "team.settings",
      details: {
        team: t.name,
        reviewTriggers: t.reviewTriggers,
        domainsInScope: t.domainsInScope,
        // the typed reason is the record on the team itself; the audit says only that one was given
        specialDomainsReasonRecorded: Boolean(t.specialDomainsReason),
        allowNotesToModel: t.allowNotesToModel,
        inViewTarget: t.inViewTarget,
        nudgeWeekday: t.nudgeWeekday,
        digestWeekday: t.digestWeekday,
        sendHour: t.sendHour,
        operator: input.operator,
      },
    });
    return t;
  });
  return updated;
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

// What a debrief reads and writes. Every client id that came from a card is re-checked here against the
// actor's scope; a confirmation is one transaction (contact, classification, domain scores, audit).
// What runs on every debrief turn (the client picker, the client with its history, a visit where the
// client was not reached) is one plain SQL statement each (see Sql in ../db); the confirmation, once
// per debrief and several statements in a transaction, stays in Prisma.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { caseloadScopeOf, type Actor } from "../../domain/access/actor.ts";
import { ReviewTrigger, reviewReasons } from "../../domain/review/review-policy.ts";
import { Prisma, type ContactKind, type GrowthPotential, type PrismaClient } from "../../generated/prisma/client.ts";
import { auditEventData, recordAuditEvent } from "../audit/record-audit-event.ts";
import { clientScopeCondition, clientScopeSql } from "../client-scope.ts";
import type { Sql } from "../db/index.ts";
import type { ClientChoice } from "../../domain/debrief/ports.ts";

// Two debriefs on one day: the later version wins.
const LATEST_SCORE_FIRST: Prisma.DomainScoreOrderByWithRelationInput[] = [{ observedOn: "desc" }, { classification: { version: "desc" } }];

// the picker's rows cross the store port, so their shape lives in the domain
export type { ClientChoice };

/** The actor's active clients for the picker, optionally narrowed by a name or client-number fragment. */
export async function listClientsForDebrief(
  sql: Sql,
  actor: Actor,
  options: { search?: string; take?: number } = {},
): Promise<ClientChoice[]> {
  const scope = clientScopeCondition(actor, 2);
  const search = options.search?.trim();
  const matches = search
    ? ` AND (c."displayName" ILIKE $${scope.values.length + 2} OR c."externalKey" ILIKE $${scope.values.length + 2})`
    : "";
  const { rows } = await sql.query<ClientChoice>({
    name: `debrief_clients_${scope.kind}${search ? "_search" : ""}`,
    text: `SELECT c.id, c."externalKey", c."displayName", c.wijk, c."latestRung" AS "currentRung"
      FROM "Client" c WHERE c.active AND ${scope.condition}${matches} ORDER BY c."displayName", c.id LIMIT $1`,
    values: [options.take ?? 100, ...scope.values, ...(search ? [`%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`] : [])],
  });
  return rows;
}

const isoDate = z.iso.date().transform((d) => new Date(`${d}T00:00:00Z`));
const DebriefClientRow = z.object({
  client: z.object({
    id: z.string(),
    externalKey: z.string(),
    displayName: z.string(),
    wijk: z.string(),
    birthYear: z.number(),
    teamId: z.string(),
  }),
  team: z.object({
    id: z.string(),
    name: z.string(),
    ladderProfileId: z.string(),
    reviewTriggers: z.array(ReviewTrigger),
    domainsInScope: z.array(z.string()),
    specialDomainsReason: z.string().nullable(),
  }),
  latest: z
    .object({
      id: z.string(),
      version: z.number(),
      profileId: z.string(),
      finalRung: z.number(),
      finalSubstep: z.number().nullable(),
      expectedRung: z.number().nullable(),
      growthPotential: z.enum(["JA", "NEE", "ONBEKEND"]),
      answers: z.unknown(),
      observedOn: isoDate,
    })
    .nullable(),
  /** The most recent score per ZRM domain (null = niet besproken). */
  previousScores: z.record(z.string(), z.number().nullable()),
  /** The date of each of those scores. */
  previousScoreDates: z.record(z.string(), z.iso.date()),
});
export type DebriefClientContext = z.infer<typeof DebriefClientRow>;

// the most recent score per ZRM domain; two debriefs on one day: the later version wins
const FIND_CLIENT_FOR_DEBRIEF = `SELECT
    json_build_object('id', c.id, 'externalKey', c."externalKey", 'displayName', c."displayName", 'wijk', c.wijk, 'birthYear', c."birthYear", 'teamId', c."teamId") AS client,
    json_build_object('id', t.id, 'name', t.name, 'ladderProfileId', t."ladderProfileId", 'reviewTriggers', t."reviewTriggers"::text[],
      'domainsInScope', t."domainsInScope", 'specialDomainsReason', t."specialDomainsReason") AS team,
    (SELECT json_build_object('id', l.id, 'version', l.version, 'profileId', l."profileId", 'finalRung', l."finalRung", 'finalSubstep', l."finalSubstep",
        'expectedRung', l."expectedRung", 'growthPotential', l."growthPotential", 'answers', l.answers, 'observedOn', l."observedOn")
      FROM "Classification" l WHERE l."clientId" = c.id AND l."isLatest" LIMIT 1) AS latest,
    (SELECT COALESCE(json_object_agg(s.domain, s.score), '{}') FROM (
      SELECT DISTINCT ON (d.domain) d.domain, d.score FROM "DomainScore" d JOIN "Classification" k ON k.id = d."classificationId"
      WHERE d."clientId" = c.id ORDER BY d.domain, d."observedOn" DESC, k.version DESC) s) AS "previousScores",
    (SELECT COALESCE(json_object_agg(s.domain, s."observedOn"), '{}') FROM (
      SELECT DISTINCT ON (d.domain) d.domain, d."observedOn" FROM "DomainScore" d JOIN "Classification" k ON k.id = d."classificationId"
      WHERE d."clientId" = c.id ORDER BY d.domain, d."observedOn" DESC, k.version DESC) s) AS "previousScoreDates"
  FROM "Client" c JOIN "Team" t ON t.id = c."teamId"
  WHERE c.id = $1 AND c.active`;

/** Loads a client for a debrief, or null when the client is outside the actor's scope (or does not exist). */
export async function findClientForDebrief(sql: Sql, actor: Actor, clientId: string): Promise<DebriefClientContext | null> {
  const scope = clientScopeCondition(actor, 2);
  const { rows } = await sql.query<unknown>({
    name: `debrief_client_${scope.kind}`,
    text: `${FIND_CLIENT_FOR_DEBRIEF} AND ${scope.condition}`,
    values: [clientId, ...scope.values],
  });
  return rows.length ? DebriefClientRow.parse(rows[0]) : null;
}

export interface ContactInput {
  date: Date;
  kind: ContactKind;
}

// The contact and its audit event in one statement, so they commit together; a replay of the same key
// inserts neither.
const RECORD_UNREACHED_CONTACT = `WITH contact AS (
    INSERT INTO "Contact" ("id", "clientId", "staffId", "date", "kind", "reached", "idempotencyKey", "createdAt")
    VALUES ($1, $2, $3, $4::date, $5::"ContactKind", false, $6, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING "id")
  INSERT INTO "AuditEvent" ("at", "actorId", "actorAadId", "action", "clientId", "subjectId", "details", "correlationId")
  SELECT now() AT TIME ZONE 'UTC', $7, $8, $9, $2, contact."id", $10::jsonb, $11 FROM contact`;

/** A visit where the client was not reached is data too (reach per wijk). Idempotent on the key. */
export async function recordUnreachedContact(
  sql: Sql,
  input: { actor: Actor; clientId: string; contact: ContactInput; idempotencyKey: string },
): Promise<{ created: boolean }> {
  const id = randomUUID();
  const audit = auditEventData({
    actor: input.actor,
    action: "contact.not_reached",
    clientId: input.clientId,
    subjectId: id,
    details: { kind: input.contact.kind },
  });
  const { rowCount } = await sql.query({
    name: "record_unreached_contact",
    text: RECORD_UNREACHED_CONTACT,
    values: [
      id,
      input.clientId,
      input.actor.staffId,
      input.contact.date.toISOString().slice(0, 10),
      input.contact.kind,
      input.idempotencyKey,
      audit.actorId,
      audit.actorAadId,
      audit.action,
      JSON.stringify(audit.details),
      audit.correlationId,
    ],
  });
  return { created: rowCount === 1 };
}

export interface ConfirmClassificationInput {
  actor: Actor;
  clientId: string;
  idempotencyKey: string;
  contact: ContactInput & { outcome: string | null; nextContactDate: Date | null };
  profile: { id: string; version: number };
  answers: object;
  proposed: { rung: number; substep: number | null; rung5Reasons: string[] };
  final: { rung: number; substep: number | null; overrideReason: string | null };
  expected: { rung: number | null; horizonMonths: number; growthPotential: GrowthPotential };
  ontheffing: boolean;
  verdieping: object;
  domainScores: Record<string, number | null>;
}

export interface ConfirmedClassification {
  id: string;
  version: number;
  status: "FINAL" | "PENDING_REVIEW";
  reviewReasons: ReviewTrigger[];
  previousRung: number | null;
  /** false when this idempotency key was confirmed before (double click, retried request) */
  created: boolean;
}

export class ClientOutOfScopeError extends Error {
  readonly code = "CLIENT_OUT_OF_SCOPE";
}

/** Stores a confirmed debrief: contact, classification (next version, the only latest), scores, audit. */
export async function confirmClassification(prisma: PrismaClient, input: ConfirmClassificationInput): Promise<ConfirmedClassification> {
  const replay = await findByIdempotencyKey(prisma, input);
  if (replay) return replay;
  try {
    return await prisma.$transaction(async (tx) => {
      const [inScope] = await tx.$queryRaw<{ id: string }[]>`SELECT c.id FROM "Client" c
        WHERE c.id = ${input.clientId} AND c.active AND ${clientScopeSql(caseloadScopeOf(input.actor), "readable")}`;
      const client = inScope ? await tx.client.findUnique({ where: { id: inScope.id }, include: { team: true } }) : null;
      if (!client) throw new ClientOutOfScopeError(`client ${input.clientId} is not in the actor's scope`);
      const previous = await tx.classification.findFirst({ where: { clientId: client.id, isLatest: true } });
      const previousScores = await tx.domainScore.findMany({
        where: { clientId: client.id },
        orderBy: LATEST_SCORE_FIRST,
        distinct: ["domain"],
      });
      const overridden = input.final.rung !== input.proposed.rung || input.final.substep !== input.proposed.substep;
      const reasons = reviewReasons(client.team.reviewTriggers, {
        overridden,
        previousRung: previous?.finalRung ?? null,
        finalRung: input.final.rung,
        ontheffing: input.ontheffing,
      });
      const status = reasons.length ? "PENDING_REVIEW" : "FINAL";
      if (previous) await tx.classification.update({ where: { id: previous.id }, data: { isLatest: false } });
      const contact = await tx.contact.create({
        data: {
          clientId: client.id,
          staffId: input.actor.staffId,
          date: input.contact.date,
          kind: input.contact.kind,
          reached: true,
          outcome: input.contact.outcome,
          nextContactDate: input.contact.nextContactDate,
          idempotencyKey: `${input.idempotencyKey}:contact`,
        },
      });
      const classification = await tx.classification.create({
        data: {
          clientId: client.id,
          contactId: contact.id,
          coachId: input.actor.staffId,
          teamId: client.teamId,
          profileId: input.profile.id,
          profileVersion: input.profile.version,
          answers: input.answers as Prisma.InputJsonObject,
          observedOn: input.contact.date,
          proposedRung: input.proposed.rung,
          proposedSubstep: input.proposed.substep,
          finalRung: input.final.rung,
          finalSubstep: input.final.substep,
          rung5Reasons: input.proposed.rung5Reasons,
          overrideReason: overridden ? input.final.overrideReason : null,
          expectedRung: input.expected.rung,
          horizonMonths: input.expected.horizonMonths,
          growthPotential: input.expected.growthPotential,
          ontheffing: input.ontheffing,
          verdieping: input.verdieping as Prisma.InputJsonObject,
          outcome: input.contact.outcome,
          previousRung: previous?.finalRung ?? null,
          previousSubstep: previous?.finalSubstep ?? null,
          status,
          isLatest: true,
          // after a rejection the latest is an older version: number after the highest, never reuse one
          version: ((await tx.classification.aggregate({ where: { clientId: client.id }, _max: { version: true } }))._max.version ?? 0) + 1,
          idempotencyKey: input.idempotencyKey,
        },
      });
      const before = new Map(previousScores.map((s) => [s.domain, s.score]));
      const scores = Object.entries(input.domainScores);
      if (scores.length)
        await tx.domainScore.createMany({
          data: scores.map(([domain, score]) => ({
            classificationId: classification.id,
            clientId: client.id,
            domain,
            score,
            previousScore: before.get(domain) ?? null,
            observedOn: input.contact.date,
          })),
        });
      const lastContact = client.lastContactAt && client.lastContactAt > input.contact.date ? client.lastContactAt : input.contact.date;
      await tx.client.update({ where: { id: client.id }, data: { lastContactAt: lastContact } });
      await recordAuditEvent(tx, {
        actor: input.actor,
        action: "classification.confirmed",
        clientId: client.id,
        subjectId: classification.id,
        details: {
          version: classification.version,
          profile: `${input.profile.id}@${input.profile.version}`,
          proposedRung: input.proposed.rung,
          proposedSubstep: input.proposed.substep,
          finalRung: input.final.rung,
          finalSubstep: input.final.substep,
          overridden,
          status,
          reviewReasons: reasons,
        },
      });
      return {
        id: classification.id,
        version: classification.version,
        status,
        reviewReasons: reasons,
        previousRung: previous?.finalRung ?? null,
        created: true,
      };
    });
  } catch (e) {
    // a concurrent request with the same key won the race: answer as the replay it is
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const winner = await findByIdempotencyKey(prisma, input);
      if (winner) return winner;
    }
    throw e;
  }
}

async function findByIdempotencyKey(
  prisma: PrismaClient,
  input: Pick<ConfirmClassificationInput, "idempotencyKey" | "clientId" | "actor">,
): Promise<ConfirmedClassification | null> {
  const c = await prisma.classification.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (!c) return null;
  // a replay is answered only to the coach who confirmed it, for the same client: the key came from a card
  if (c.clientId !== input.clientId || c.coachId !== input.actor.staffId)
    throw new ClientOutOfScopeError(`idempotency key of another coach or client`);
  const status = c.status === "FINAL" ? "FINAL" : "PENDING_REVIEW";
  return { id: c.id, version: c.version, status, reviewReasons: [], previousRung: c.previousRung, created: false };
}

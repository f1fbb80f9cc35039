// What a debrief reads and writes. Every client id that came from a card is re-checked here against the
// actor's scope; a confirmation is one transaction (contact, classification, domain scores, audit).
import { randomUUID } from "node:crypto";
import type { Actor } from "../../domain/access/actor.ts";
import { reviewReasons, type ReviewTrigger } from "../../domain/review/review-policy.ts";
import { Prisma, type ContactKind, type GrowthPotential, type PrismaClient } from "../../generated/prisma/client.ts";
import { auditEventData, recordAuditEvent } from "../audit/record-audit-event.ts";
import { clientWhereForActor } from "../client-scope.ts";

// Two debriefs on one day: the later version wins.
const LATEST_SCORE_FIRST: Prisma.DomainScoreOrderByWithRelationInput[] = [{ observedOn: "desc" }, { classification: { version: "desc" } }];

export interface ClientChoice {
  id: string;
  externalKey: string;
  displayName: string;
  wijk: string;
  currentRung: number | null;
}

/** The actor's active clients for the picker, optionally narrowed by a name or client-number fragment. */
export async function listClientsForDebrief(prisma: PrismaClient, actor: Actor, options: { search?: string; take?: number } = {}): Promise<ClientChoice[]> {
  const search = options.search?.trim();
  const rows = await prisma.client.findMany({
    where: {
      ...clientWhereForActor(actor),
      active: true,
      ...(search
        ? { OR: [{ displayName: { contains: search, mode: "insensitive" } }, { externalKey: { contains: search, mode: "insensitive" } }] }
        : {}),
    },
    orderBy: { displayName: "asc" },
    take: options.take ?? 100,
    select: { id: true, externalKey: true, displayName: true, wijk: true, classifications: { where: { isLatest: true }, select: { finalRung: true } } },
  });
  return rows.map((r) => ({ id: r.id, externalKey: r.externalKey, displayName: r.displayName, wijk: r.wijk, currentRung: r.classifications[0]?.finalRung ?? null }));
}

export interface DebriefClientContext {
  client: { id: string; externalKey: string; displayName: string; wijk: string; birthYear: number; teamId: string };
  team: { id: string; name: string; ladderProfileId: string; reviewTriggers: ReviewTrigger[]; domainsInScope: string[]; specialDomainsReason: string | null };
  latest: {
    id: string;
    version: number;
    profileId: string;
    finalRung: number;
    finalSubstep: number | null;
    expectedRung: number | null;
    answers: unknown;
    observedOn: Date;
  } | null;
  /** The most recent score per ZRM domain (null = niet besproken). */
  previousScores: Record<string, number | null>;
}

/** Loads a client for a debrief, or null when the client is outside the actor's scope (or does not exist). */
export async function findClientForDebrief(prisma: PrismaClient, actor: Actor, clientId: string): Promise<DebriefClientContext | null> {
  // one query (relation joins): the client, its team, its latest classification and its latest scores
  const client = await prisma.client.findFirst({
    where: { ...clientWhereForActor(actor), id: clientId, active: true },
    select: {
      id: true,
      externalKey: true,
      displayName: true,
      wijk: true,
      birthYear: true,
      teamId: true,
      team: { select: { id: true, name: true, ladderProfileId: true, reviewTriggers: true, domainsInScope: true, specialDomainsReason: true } },
      classifications: {
        where: { isLatest: true },
        take: 1,
        select: { id: true, version: true, profileId: true, finalRung: true, finalSubstep: true, expectedRung: true, answers: true, observedOn: true },
      },
      domainScores: { orderBy: LATEST_SCORE_FIRST, distinct: ["domain"], select: { domain: true, score: true } },
    },
  });
  if (!client) return null;
  const { team, classifications, domainScores, ...rest } = client;
  return {
    client: rest,
    team,
    latest: classifications[0] ?? null,
    previousScores: Object.fromEntries(domainScores.map((s) => [s.domain, s.score])),
  };
}

export interface ContactInput {
  date: Date;
  kind: ContactKind;
}

/** A visit where the client was not reached is data too (reach per wijk). Idempotent on the key. */
export async function recordUnreachedContact(
  prisma: PrismaClient,
  input: { actor: Actor; clientId: string; contact: ContactInput; idempotencyKey: string },
): Promise<{ created: boolean }> {
  const id = randomUUID();
  try {
    // one batch: the contact and its audit event commit together; a replay hits the unique key
    await prisma.$transaction([
      prisma.contact.create({ data: { id, clientId: input.clientId, staffId: input.actor.staffId, date: input.contact.date, kind: input.contact.kind, reached: false, idempotencyKey: input.idempotencyKey } }),
      prisma.auditEvent.create({ data: auditEventData({ actor: input.actor, action: "contact.not_reached", clientId: input.clientId, subjectId: id, details: { kind: input.contact.kind } }) }),
    ]);
    return { created: true };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { created: false };
    throw e;
  }
}

export interface ConfirmClassificationInput {
  actor: Actor;
  clientId: string;
  idempotencyKey: string;
  contact: ContactInput & { outcome: string | null; nextContactDate: Date | null };
  profile: { id: string; version: number };
  answers: object;
  proposed: { rung: number; substep: number | null; rung5Reason: string | null };
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
  const replay = await findByIdempotencyKey(prisma, input.idempotencyKey);
  if (replay) return replay;
  try {
    return await prisma.$transaction(async (tx) => {
      const client = await tx.client.findFirst({ where: { ...clientWhereForActor(input.actor), id: input.clientId, active: true }, include: { team: true } });
      if (!client) throw new ClientOutOfScopeError(`client ${input.clientId} is not in the actor's scope`);
      const previous = await tx.classification.findFirst({ where: { clientId: client.id, isLatest: true } });
      const previousScores = await tx.domainScore.findMany({ where: { clientId: client.id }, orderBy: LATEST_SCORE_FIRST, distinct: ["domain"] });
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
          rung5Reason: input.proposed.rung5Reason,
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
      return { id: classification.id, version: classification.version, status, reviewReasons: reasons, previousRung: previous?.finalRung ?? null, created: true };
    });
  } catch (e) {
    // a concurrent request with the same key won the race: answer as the replay it is
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const winner = await findByIdempotencyKey(prisma, input.idempotencyKey);
      if (winner) return winner;
    }
    throw e;
  }
}

async function findByIdempotencyKey(prisma: PrismaClient, key: string): Promise<ConfirmedClassification | null> {
  const c = await prisma.classification.findUnique({ where: { idempotencyKey: key } });
  if (!c) return null;
  const status = c.status === "FINAL" ? "FINAL" : "PENDING_REVIEW";
  return { id: c.id, version: c.version, status, reviewReasons: [], previousRung: c.previousRung, created: false };
}

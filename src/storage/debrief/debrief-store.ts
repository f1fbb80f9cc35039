// The debrief's store port (src/domain/debrief/ports.ts) over the database: plain SQL for what runs on
// every turn, Prisma for the confirmation's transaction. Nothing above this file sees which is which.
import { z } from "zod";
import type { Actor } from "../../domain/access/actor.ts";
import type { GrowthPotential, PreviousDebrief } from "../../domain/debrief/debrief-flow.ts";
import type {
  ConfirmDebriefInput,
  ConfirmDebriefResult,
  DebriefClient,
  DebriefStore,
  ReopenSource,
  SentBack,
} from "../../domain/debrief/ports.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { recordRefusal } from "../audit/record-audit-event.ts";
import { clientScopeCondition } from "../client-scope.ts";
import type { Sql } from "../db/index.ts";
import {
  ClientOutOfScopeError,
  confirmClassification,
  findClientForDebrief,
  listClientsForDebrief,
  recordUnreachedContact,
  type DebriefClientContext,
} from "./debrief.repository.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const growth = (g: "JA" | "NEE" | "ONBEKEND"): GrowthPotential => (g === "JA" ? "ja" : g === "NEE" ? "nee" : "onbekend");
const GROWTH = { ja: "JA", nee: "NEE", onbekend: "ONBEKEND" } as const;

const StoredAnswers = z
  .object({
    ladder: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    verdieping: z.record(z.string(), z.string()).optional(),
  })
  .loose();

function toDebriefClient(c: DebriefClientContext): DebriefClient {
  const latest = c.latest;
  let previous: DebriefClient["previous"] = null;
  if (latest) {
    const answers = StoredAnswers.safeParse(latest.answers ?? {});
    const domains: PreviousDebrief["domains"] = {};
    for (const [code, score] of Object.entries(c.previousScores))
      domains[code] = { score, observedOn: c.previousScoreDates[code] ?? isoDay(latest.observedOn) };
    previous = {
      profileId: latest.profileId,
      observedOn: isoDay(latest.observedOn),
      rung: latest.finalRung,
      substep: latest.finalSubstep,
      expectedRung: latest.expectedRung,
      growthPotential: growth(latest.growthPotential),
      ladder: answers.success ? (answers.data.ladder ?? {}) : {},
      verdieping: answers.success ? (answers.data.verdieping ?? {}) : {},
      domains,
    };
  }
  return {
    client: {
      id: c.client.id,
      externalKey: c.client.externalKey,
      displayName: c.client.displayName,
      wijk: c.client.wijk,
      teamId: c.client.teamId,
    },
    team: {
      id: c.team.id,
      ladderProfileId: c.team.ladderProfileId,
      reviewTriggers: c.team.reviewTriggers,
      domainsInScope: c.team.domainsInScope,
      specialDomainsReason: c.team.specialDomainsReason,
    },
    previous,
  };
}

export function createDebriefStore(db: { prisma: PrismaClient; sql: Sql }): DebriefStore {
  const { prisma, sql } = db;
  return {
    listClients: (actor, options = {}) => listClientsForDebrief(sql, actor, options),

    async findClient(actor, clientId) {
      const c = await findClientForDebrief(sql, actor, clientId);
      return c ? toDebriefClient(c) : null;
    },

    recordUnreached: (input) =>
      recordUnreachedContact(sql, {
        actor: input.actor,
        clientId: input.clientId,
        contact: { date: day(input.date), kind: input.kind },
        idempotencyKey: input.idempotencyKey,
      }),

    async confirm(input: ConfirmDebriefInput): Promise<ConfirmDebriefResult> {
      // the substep must belong to the stored rung (the database checks it too)
      for (const r of [input.final, input.proposed])
        if (r.substep !== null && (r.rung >= input.profile.topRung || r.substep < 1 || r.substep > 3))
          throw new Error(`substep ${r.rung}.${r.substep} does not belong to rung ${r.rung}`);
      try {
        const r = await confirmClassification(prisma, {
          actor: input.actor,
          clientId: input.clientId,
          idempotencyKey: input.idempotencyKey,
          contact: {
            date: day(input.contact.date),
            kind: input.contact.kind,
            outcome: input.contact.outcome,
            nextContactDate: input.contact.nextContactDate ? day(input.contact.nextContactDate) : null,
          },
          profile: { id: input.profile.id, version: input.profile.version },
          answers: input.answers,
          proposed: input.proposed,
          final: input.final,
          expected: { ...input.expected, growthPotential: GROWTH[input.expected.growthPotential] },
          ontheffing: input.ontheffing,
          verdieping: input.verdieping,
          domainScores: input.domainScores,
        });
        return {
          kind: "stored",
          id: r.id,
          version: r.version,
          status: r.status,
          reviewReasons: r.reviewReasons,
          created: r.created,
        };
      } catch (e) {
        if (e instanceof ClientOutOfScopeError) return { kind: "out_of_scope" };
        throw e;
      }
    },

    async listSentBack(actor: Actor): Promise<SentBack[]> {
      const scope = clientScopeCondition(actor, 2);
      const { rows } = await sql.query<SentBack>({
        name: `debrief_sent_back_${scope.kind}`,
        text: `SELECT k.id AS "classificationId", c.id AS "clientId", c."displayName" AS "clientName", k."reviewNote"
          FROM "Classification" k JOIN "Client" c ON c.id = k."clientId"
          WHERE k."coachId" = $1 AND k.status IN ('REJECTED', 'RETURNED') AND c.active AND ${scope.condition}
            AND NOT EXISTS (SELECT 1 FROM "Classification" n WHERE n."clientId" = k."clientId" AND n.version > k.version)
          ORDER BY k."reviewedAt" DESC NULLS LAST, k.id LIMIT 5`,
        values: [actor.staffId, ...scope.values],
      });
      return rows;
    },

    async findReopenSource(classificationId): Promise<ReopenSource | null> {
      if (!z.uuid().safeParse(classificationId).success) return null;
      const k = await prisma.classification.findUnique({ where: { id: classificationId }, include: { contact: true } });
      if (!k) return null;
      return {
        classificationId: k.id,
        clientId: k.clientId,
        coachId: k.coachId,
        status: k.status,
        reviewNote: k.reviewNote,
        observedOn: isoDay(k.observedOn),
        contactKind: k.contact?.kind ?? null,
        nextContactDate: k.contact?.nextContactDate ? isoDay(k.contact.nextContactDate) : null,
        outcome: k.outcome,
        finalRung: k.finalRung,
        finalSubstep: k.finalSubstep,
        expectedRung: k.expectedRung,
        horizonMonths: k.horizonMonths,
        growthPotential: growth(k.growthPotential),
        answers: (k.answers ?? null) as ReopenSource["answers"],
      };
    },

    recordRefusal: (actor, reason, details, clientId) => recordRefusal(prisma, { actor, reason, details, clientId }),
  };
}

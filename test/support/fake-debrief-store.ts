// The debrief part of the in-memory fake store: a model of the contract src/storage/debrief keeps, not a
// copy of its SQL. A confirmed debrief is a classification in data.reviews (so the fake's review part lists
// it and sends it back as the real one does) plus its rest in data.debriefs. test/storage/store-contract
// holds this model to the real store on every database.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../src/domain/access/actor.ts";
import { mayReadClient } from "../../src/domain/access/client-access.ts";
import type { AuditEventInput, AuditStore } from "../../src/domain/audit/ports.ts";
import type { ContactKind, GrowthPotential, StoredAnswers } from "../../src/domain/debrief/debrief-flow.ts";
import type { DebriefClient, DebriefStore, ReopenSource } from "../../src/domain/debrief/ports.ts";
import { reviewReasons } from "../../src/domain/review/review-policy.ts";
import type { FakeStore } from "./fake-store.ts";

/** What a confirmed debrief stores besides what a reviewer reads. */
export interface FakeDebrief {
  classificationId: string;
  idempotencyKey: string;
  contactKind: ContactKind;
  nextContactDate: string | null;
  outcome: string | null;
  horizonMonths: number;
  growthPotential: GrowthPotential;
  ontheffing: boolean;
  domainScores: Record<string, number | null>;
}

export interface FakeContact {
  id: string;
  clientId: string;
  staffId: string;
  date: string;
  kind: ContactKind;
  reached: boolean;
  idempotencyKey: string;
}

type Data = FakeStore["data"];
type Classification = Data["reviews"][number];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createFakeDebriefStore(
  data: Data,
  audit: { record(event: AuditEventInput): Promise<void>; refusal: AuditStore["refusal"] },
): DebriefStore {
  // a debrief is about a client still in the caseload (not closed, not erased) within the actor's scope
  const open = (actor: Actor, clientId: string) => {
    const c = data.clients.find((x) => x.id === clientId);
    return c && !c.closed && mayReadClient(actor, c) ? c : null;
  };
  const classificationsOf = (clientId: string) => data.reviews.filter((k) => k.clientId === clientId);
  // the client's current classification: the newest one no supervisor sent back (a rejection makes the
  // version before it current again, which is what the real isLatest bookkeeping does)
  const latestOf = (clientId: string): Classification | null =>
    classificationsOf(clientId)
      .filter((k) => k.status === "FINAL" || k.status === "PENDING_REVIEW")
      .sort((a, b) => b.version - a.version)[0] ?? null;
  const restOf = (classificationId: string) => data.debriefs.find((d) => d.classificationId === classificationId);

  /** the most recent score per domain with its date; two debriefs on one day: the later version wins */
  const scoresOf = (clientId: string) => {
    const domains: NonNullable<DebriefClient["previous"]>["domains"] = {};
    const oldestFirst = classificationsOf(clientId).sort(
      (a, b) => a.observedOn.getTime() - b.observedOn.getTime() || a.version - b.version,
    );
    for (const k of oldestFirst)
      for (const [code, score] of Object.entries(restOf(k.classificationId)?.domainScores ?? {}))
        domains[code] = { score, observedOn: isoDay(k.observedOn) };
    return domains;
  };

  return {
    async listClients(actor, { search, take = 100 } = {}) {
      const q = search?.trim().toLowerCase();
      return data.clients
        .filter((c) => !c.closed && mayReadClient(actor, c))
        .filter((c) => !q || c.displayName.toLowerCase().includes(q) || c.externalKey.toLowerCase().includes(q))
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id))
        .slice(0, take)
        .map((c) => ({
          id: c.id,
          externalKey: c.externalKey,
          displayName: c.displayName,
          wijk: c.wijk ?? "",
          currentRung: latestOf(c.id)?.finalRung ?? null,
        }));
    },

    async findClient(actor, clientId) {
      const c = open(actor, clientId);
      if (!c) return null;
      const team = data.teams.find((t) => t.id === c.teamId)!;
      const latest = latestOf(c.id);
      const answers = (latest?.answers ?? {}) as Partial<StoredAnswers>;
      return structuredClone({
        client: { id: c.id, externalKey: c.externalKey, displayName: c.displayName, wijk: c.wijk ?? "", teamId: c.teamId },
        team: {
          id: team.id,
          ladderProfileId: team.ladderProfileId,
          reviewTriggers: team.reviewTriggers,
          domainsInScope: team.domainsInScope,
          specialDomainsReason: team.specialDomainsReason,
        },
        previous: latest && {
          profileId: latest.profileId,
          observedOn: isoDay(latest.observedOn),
          rung: latest.finalRung,
          substep: latest.finalSubstep,
          expectedRung: latest.expectedRung,
          growthPotential: restOf(latest.classificationId)?.growthPotential ?? "onbekend",
          ladder: answers.ladder ?? {},
          verdieping: answers.verdieping ?? {},
          domains: scoresOf(c.id),
        },
      });
    },

    async recordUnreached({ actor, clientId, date, kind, idempotencyKey }) {
      if (data.contacts.some((x) => x.idempotencyKey === idempotencyKey)) return { created: false };
      const id = randomUUID();
      data.contacts.push({ id, clientId, staffId: actor.staffId, date, kind, reached: false, idempotencyKey });
      await audit.record({ actor, action: "contact.not_reached", clientId, subjectId: id, details: { kind } });
      return { created: true };
    },

    async confirm(input) {
      // the database refuses a substep outside 1..3 or on the top rung
      for (const r of [input.final, input.proposed])
        if (r.substep !== null && (r.rung >= input.profile.topRung || r.substep < 1 || r.substep > 3))
          throw new Error(`substep ${r.rung}.${r.substep} does not belong to rung ${r.rung}`);
      const replay = data.debriefs.find((d) => d.idempotencyKey === input.idempotencyKey);
      if (replay) {
        const k = data.reviews.find((x) => x.classificationId === replay.classificationId)!;
        // a replay is answered only to the coach who confirmed it, for the same client
        if (k.clientId !== input.clientId || k.coachId !== input.actor.staffId) return { kind: "out_of_scope" };
        const status = k.status === "FINAL" ? "FINAL" : "PENDING_REVIEW";
        return { kind: "stored", id: k.classificationId, version: k.version, status, reviewReasons: [], created: false };
      }
      const c = open(input.actor, input.clientId);
      if (!c) return { kind: "out_of_scope" };
      const team = data.teams.find((t) => t.id === c.teamId)!;
      const previous = latestOf(c.id);
      const overridden = input.final.rung !== input.proposed.rung || input.final.substep !== input.proposed.substep;
      const reasons = reviewReasons(team.reviewTriggers, {
        overridden,
        previousRung: previous?.finalRung ?? null,
        finalRung: input.final.rung,
        ontheffing: input.ontheffing,
      });
      const status = reasons.length ? "PENDING_REVIEW" : "FINAL";
      const id = randomUUID();
      const version = Math.max(0, ...classificationsOf(c.id).map((k) => k.version)) + 1;
      data.reviews.push({
        classificationId: id,
        clientId: c.id,
        clientName: c.displayName,
        clientKey: c.externalKey,
        coachId: input.actor.staffId,
        coachName: input.actor.displayName,
        teamId: c.teamId,
        profileId: input.profile.id,
        answers: structuredClone(input.answers),
        previousRung: previous?.finalRung ?? null,
        previousSubstep: previous?.finalSubstep ?? null,
        proposedRung: input.proposed.rung,
        proposedSubstep: input.proposed.substep,
        finalRung: input.final.rung,
        finalSubstep: input.final.substep,
        expectedRung: input.expected.rung,
        overrideReason: overridden ? input.final.overrideReason : null,
        observedOn: day(input.contact.date),
        confirmedAt: new Date(),
        status,
        reviewedByName: null,
        reviewedAt: null,
        reviewNote: null,
        version,
      });
      data.debriefs.push({
        classificationId: id,
        idempotencyKey: input.idempotencyKey,
        contactKind: input.contact.kind,
        nextContactDate: input.contact.nextContactDate,
        outcome: input.contact.outcome,
        horizonMonths: input.expected.horizonMonths,
        growthPotential: input.expected.growthPotential,
        ontheffing: input.ontheffing,
        domainScores: { ...input.domainScores },
      });
      data.contacts.push({
        id: randomUUID(),
        clientId: c.id,
        staffId: input.actor.staffId,
        date: input.contact.date,
        kind: input.contact.kind,
        reached: true,
        idempotencyKey: `${input.idempotencyKey}:contact`,
      });
      await audit.record({
        actor: input.actor,
        action: "classification.confirmed",
        clientId: c.id,
        subjectId: id,
        details: {
          version,
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
      return { kind: "stored", id, version, status, reviewReasons: reasons, created: true };
    },

    async listSentBack(actor) {
      const newest = (k: Classification) => !classificationsOf(k.clientId).some((n) => n.version > k.version);
      const reviewedAt = (k: Classification) => k.reviewedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
      return data.reviews
        .filter((k) => k.coachId === actor.staffId && (k.status === "REJECTED" || k.status === "RETURNED"))
        .filter((k) => open(actor, k.clientId) && newest(k))
        .sort((a, b) => reviewedAt(b) - reviewedAt(a) || a.classificationId.localeCompare(b.classificationId))
        .slice(0, 5)
        .map((k) => ({
          classificationId: k.classificationId,
          clientId: k.clientId,
          clientName: data.clients.find((c) => c.id === k.clientId)!.displayName,
          reviewNote: k.reviewNote,
        }));
    },

    async findReopenSource(classificationId): Promise<ReopenSource | null> {
      if (!UUID.test(classificationId)) return null;
      const k = data.reviews.find((x) => x.classificationId === classificationId);
      if (!k) return null;
      const rest = restOf(k.classificationId);
      return structuredClone({
        classificationId: k.classificationId,
        clientId: k.clientId,
        coachId: k.coachId,
        status: k.status,
        reviewNote: k.reviewNote,
        observedOn: isoDay(k.observedOn),
        contactKind: rest?.contactKind ?? null,
        nextContactDate: rest?.nextContactDate ?? null,
        outcome: rest?.outcome ?? null,
        finalRung: k.finalRung,
        finalSubstep: k.finalSubstep,
        expectedRung: k.expectedRung,
        horizonMonths: rest?.horizonMonths ?? 12,
        growthPotential: rest?.growthPotential ?? "onbekend",
        answers: (k.answers ?? null) as ReopenSource["answers"],
      });
    },

    recordRefusal: (actor, reason, details, clientId) => audit.refusal({ actor, reason, details, clientId }),
  };
}

// An in-memory fake of the store port's parts the use cases of review, team settings, staff, audit,
// access, erasure and the debrief need (the debrief part is in fake-debrief-store.ts). test/storage/store-contract.test.ts runs the same cases against it and the real
// store on both databases, so fast use-case tests against it say something about the real thing.
// The caseload part is canned, not a model of the query executor: a test sets the names a question may
// use and the answer the store gives, and checks what the use case asks for and does with it. The real
// executor is tested on both databases in test/storage and test/bot/caseload*.test.ts.
import { randomUUID } from "node:crypto";
import type { Actor, Role } from "../../src/domain/access/actor.ts";
import { mayReadClient, type ClientAccessFacts } from "../../src/domain/access/client-access.ts";
import type { AuditEventInput } from "../../src/domain/audit/ports.ts";
import type { CaseloadStore, ScopeVocabulary } from "../../src/domain/caseload/ports.ts";
import type { PendingReview, ReviewCardCopy } from "../../src/domain/review/ports.ts";
import { DEFAULT_REVIEW_TRIGGERS, isReviewerFor } from "../../src/domain/review/review-policy.ts";
import type { Store } from "../../src/domain/store.ts";
import type { TeamSettings } from "../../src/domain/teams/ports.ts";
import { createFakeDebriefStore, type FakeContact, type FakeDebrief } from "./fake-debrief-store.ts";

export interface FakeStaff {
  id: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
  active: boolean;
  notificationsOff: boolean;
}

export interface FakeClient extends ClientAccessFacts {
  externalKey: string;
  displayName: string;
  closedAt: Date | null;
  /** shown in the debrief's client picker; tests that do not look at it leave it out */
  wijk?: string;
}

export type FakeStore = Pick<Store, "clients" | "audit" | "staff" | "teams" | "review" | "dataSubjects" | "caseload" | "debrief"> & {
  data: {
    /** canned caseload: the names questions may use, and the answer to every query (each call is kept) */
    caseload: {
      vocabulary: ScopeVocabulary;
      answer: CaseloadStore["answer"];
      asked: Parameters<CaseloadStore["answer"]>[0][];
    };
    teams: TeamSettings[];
    staff: FakeStaff[];
    clients: FakeClient[];
    /** every classification, as reviewers read it; a confirmed debrief adds one (and its rest to `debriefs`) */
    reviews: (PendingReview & { version: number })[];
    debriefs: FakeDebrief[];
    contacts: FakeContact[];
    cards: ReviewCardCopy[];
    references: Map<string, object>;
    audit: AuditEventInput[];
  };
};

const CODE = /^[A-Za-z0-9_.:-]{1,40}$/;

export function createFakeStore(): FakeStore {
  const data: FakeStore["data"] = {
    caseload: {
      vocabulary: { wijken: [], teams: [], coaches: [], outside: { wijken: [], teams: [], coaches: [] } },
      answer: async () => ({ kind: "count", count: 0, denominator: 0 }),
      asked: [],
    },
    teams: [],
    staff: [],
    clients: [],
    reviews: [],
    debriefs: [],
    contacts: [],
    cards: [],
    references: new Map(),
    audit: [],
  };
  const record = async (event: AuditEventInput) => void data.audit.push(structuredClone(event));
  const refusal: FakeStore["audit"]["refusal"] = async (r) => {
    const details: Record<string, unknown> = { reason: r.reason, ...r.details };
    if (typeof details.verb === "string" && !CODE.test(details.verb)) details.verb = "(invalid)";
    await record({ actor: r.actor, action: "refused", clientId: r.clientId, details });
  };
  const inCaseload = (actor: Actor, clientId: string) => {
    const c = data.clients.find((x) => x.id === clientId);
    return Boolean(c && !c.closed && mayReadClient(actor, c));
  };
  const pending = (actor: Actor) =>
    data.reviews
      .filter((r) => r.status === "PENDING_REVIEW" && inCaseload(actor, r.clientId))
      .sort((a, b) => a.confirmedAt.getTime() - b.confirmedAt.getTime() || a.classificationId.localeCompare(b.classificationId));
  const copy = <T>(x: T): T => structuredClone(x);

  return {
    data,
    caseload: {
      async answer(input) {
        data.caseload.asked.push(copy(input));
        return copy(await data.caseload.answer(input));
      },
      async wholeList() {
        throw new Error("the fake store has no caseload executor");
      },
      async vocabulary() {
        return copy(data.caseload.vocabulary);
      },
      async mentionedClients() {
        return { names: [], clientNumbers: [] };
      },
    },
    clients: {
      async findInScope(actor, ids) {
        return data.clients
          .filter((c) => ids.includes(c.id) && mayReadClient(actor, c))
          .map(({ id, teamId, coachId, erased, closed }) => ({ id, teamId, coachId, erased, closed }));
      },
    },
    audit: {
      record,
      refusal,
      async clientRead(read) {
        const ids = [...new Set(read.clientIds)];
        if (!ids.length) return;
        await record({
          actor: read.actor,
          action: "client.read",
          clientId: ids.length === 1 ? ids[0] : null,
          subjectId: read.subjectId ?? null,
          details: ids.length === 1 ? { via: read.via } : { via: read.via, clientIds: ids, count: ids.length },
        });
      },
    },
    staff: {
      async findActor({ tenantId, aadObjectId }) {
        const s = data.staff.find((x) => x.tenantId === tenantId && x.aadObjectId === aadObjectId && x.active);
        return s
          ? {
              staffId: s.id,
              tenantId: s.tenantId,
              aadObjectId: s.aadObjectId,
              displayName: s.displayName,
              roles: [...s.roles],
              teamId: s.teamId,
            }
          : null;
      },
      async saveConversationReference(staffId, reference) {
        data.references.set(staffId, copy(reference));
      },
      async findConversationReferences(ids) {
        return new Map([...data.references].filter(([id]) => ids.includes(id)));
      },
      async setNotificationsOff(actor, off) {
        data.staff.find((s) => s.id === actor.staffId)!.notificationsOff = off;
        await record({ actor, action: off ? "notifications.off" : "notifications.on", subjectId: actor.staffId });
      },
    },
    teams: {
      async nameOf(teamId) {
        return data.teams.find((t) => t.id === teamId)?.name ?? null;
      },
      async findByName(name) {
        const t = data.teams.find((x) => x.name.toLowerCase() === name.toLowerCase());
        return t ? copy(t) : null;
      },
      async classifierScope(name) {
        const t = data.teams.find((x) => x.name.toLowerCase() === name.toLowerCase());
        return t ? { name: t.name, ladderProfileId: t.ladderProfileId, domainsInScope: [...t.domainsInScope] } : null;
      },
      async update(teamId, change, audit) {
        const t = data.teams.find((x) => x.id === teamId)!;
        if (change.ladderProfileId) t.ladderProfileId = change.ladderProfileId;
        if (change.reviewTriggers) t.reviewTriggers = [...change.reviewTriggers];
        if (change.domains) Object.assign(t, { domainsInScope: [...change.domains.codes], specialDomainsReason: change.domains.reason });
        if (change.allowNotesToModel !== undefined) t.allowNotesToModel = change.allowNotesToModel;
        Object.assign(t, change.notifications ?? {});
        const { id: _id, name, specialDomainsReason, ...rest } = t;
        await record({
          actor: null,
          action: "team.settings",
          details: {
            team: name,
            ...rest,
            specialDomainsReasonRecorded: Boolean(specialDomainsReason),
            operator: audit.operator,
          },
        });
        return copy(t);
      },
    },
    review: {
      async find(id) {
        const r = data.reviews.find((x) => x.classificationId === id);
        if (!r) return null;
        const { version: _v, ...review } = r;
        return copy(review);
      },
      async findSubject(id) {
        const r = data.reviews.find((x) => x.classificationId === id);
        return r ? { classificationId: r.classificationId, clientId: r.clientId } : null;
      },
      async countPending(actor) {
        return pending(actor).length;
      },
      async listPending(actor, options = {}) {
        return pending(actor)
          .slice(0, options.take ?? 50)
          .map(({ version: _v, ...r }) => copy({ ...r, reviewedByName: null }));
      },
      async decide({ actor, classificationId, decision, note, now }) {
        const r = data.reviews.find((x) => x.classificationId === classificationId);
        if (!r) return { outcome: "forbidden", reason: "not_found" };
        const refuse = async (reason: "not_reviewer" | "own_classification") => {
          await record({
            actor,
            action: "refused",
            clientId: r.clientId,
            details: { reason: `review_${reason}`, classificationId: r.classificationId },
          });
          return { outcome: "forbidden", reason } as const;
        };
        if (!isReviewerFor(actor, r.teamId)) return refuse("not_reviewer");
        if (r.coachId === actor.staffId) return refuse("own_classification");
        const { version: _v, ...current } = r;
        if (r.status !== "PENDING_REVIEW") return { outcome: "already_decided", review: copy(current) };
        Object.assign(r, {
          status: decision === "approve" ? "FINAL" : decision === "reject" ? "REJECTED" : "RETURNED",
          reviewedByName: actor.displayName,
          reviewedAt: now,
          reviewNote: note,
        });
        const verb = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "returned";
        await record({
          actor,
          action: `review.${verb}`,
          clientId: r.clientId,
          subjectId: r.classificationId,
          details: { version: r.version, finalRung: r.finalRung, finalSubstep: r.finalSubstep, hasNote: Boolean(note) },
        });
        const { version: _w, ...decided } = r;
        return { outcome: "decided", review: copy(decided) };
      },
      async saveCard(card) {
        data.cards.push({ ...card });
      },
      async listCards(id) {
        return data.cards.filter((c) => c.classificationId === id).map((c) => ({ ...c }));
      },
      async findReviewers({ teamId, excludeStaffId }) {
        return data.staff
          .filter((s) => s.teamId === teamId && s.active && s.roles.includes("SUPERVISOR") && s.id !== excludeStaffId)
          .sort((a, b) => a.displayName.localeCompare(b.displayName))
          .map((s) => ({
            id: s.id,
            displayName: s.displayName,
            aadObjectId: s.aadObjectId,
            reference: data.references.get(s.id) ?? null,
          }));
      },
    },
    debrief: createFakeDebriefStore(data, { record, refusal }),
    dataSubjects: {
      async exportClient({ externalKey, operator }) {
        const c = data.clients.find((x) => x.externalKey === externalKey);
        if (!c) return null;
        await record({ actor: null, action: "client.exported", clientId: c.id, details: { operator } });
        return { client: copy(c), audit: data.audit.filter((e) => e.clientId === c.id) };
      },
      async auditTrail({ externalKey, operator }) {
        const c = data.clients.find((x) => x.externalKey === externalKey || x.id === externalKey);
        if (!c) return null;
        const events = data.audit.filter((e) => e.clientId === c.id);
        await record({ actor: null, action: "audit.read", clientId: c.id, details: { operator } });
        return events.map((e) => ({
          at: "",
          who: e.actor?.staffId ?? "systeem",
          action: e.action,
          details: e.details,
        }));
      },
      async findErasureSubject(externalKey) {
        const c = data.clients.find((x) => x.externalKey === externalKey && !x.erased);
        return c ? { clientId: c.id, closedAt: c.closedAt } : null;
      },
      async anonymise({ clientId, operator, now, forced }) {
        const c = data.clients.find((x) => x.id === clientId)!;
        Object.assign(c, {
          displayName: "Geanonimiseerd",
          externalKey: `anon-${c.id}`,
          coachId: null,
          erased: true,
          closed: true,
        });
        for (const r of data.reviews.filter((x) => x.clientId === clientId))
          Object.assign(r, { answers: {}, overrideReason: null, reviewNote: null, clientName: "Geanonimiseerd" });
        data.cards = data.cards.filter(
          (card) => !data.reviews.some((r) => r.clientId === clientId && r.classificationId === card.classificationId),
        );
        await record({ actor: null, action: "client.erased", clientId, details: { operator, forced } });
        void now;
      },
    },
  };
}

/** Seeds the fake as test/storage/store-contract seeds a real database. */
/** A staff member in the fake store, returned as the actor the use cases take. */
export function addPerson(store: FakeStore, name: string, roles: Role[], teamId: string | null): Actor {
  const s = {
    id: randomUUID(),
    tenantId: "t",
    aadObjectId: name,
    displayName: name,
    roles,
    teamId,
    active: true,
    notificationsOff: false,
  };
  store.data.staff.push(s);
  return { staffId: s.id, tenantId: "t", aadObjectId: name, displayName: name, roles, teamId };
}

export function newTeam(name: string): TeamSettings {
  return {
    id: randomUUID(),
    name,
    ladderProfileId: "participatieladder-6",
    reviewTriggers: [...DEFAULT_REVIEW_TRIGGERS],
    domainsInScope: ["werk_opleiding", "tijdsbesteding", "sociaal_netwerk", "maatschappelijke_participatie"],
    specialDomainsReason: null,
    allowNotesToModel: false,
    inViewTarget: 90,
    nudgeWeekday: 1,
    digestWeekday: 1,
    sendHour: 9,
  };
}

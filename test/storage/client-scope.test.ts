// The one scope rendering in storage (src/storage/client-scope.ts) and every query built on it, against the
// one rule in src/domain/access: for every kind of actor and every client (inside and outside scope, closed,
// erased) they must agree exactly, on both databases. Erased clients never count, anywhere.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseloadScopeOf, type Actor, type Role } from "../../src/domain/access/actor.ts";
import { mayReadClient, type ClientAccessFacts } from "../../src/domain/access/client-access.ts";
import { executeCaseloadQuery } from "../../src/storage/caseload/execute-caseload-query.ts";
import { findClientsInScope } from "../../src/storage/client-scope.ts";
import { createStore, type Store } from "../../src/storage/store.ts";
import { listClientsForDebrief } from "../../src/storage/debrief/debrief.repository.ts";
import { listPendingReviews } from "../../src/storage/review/review.repository.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");

describe.each(backends)("client scope in storage agrees with the access rule on $name", (backend) => {
  let db: TestDatabase;
  let actors: { label: string; actor: Actor }[];
  let clients: (ClientAccessFacts & { name: string; wijk: string })[];
  let store: Store;

  beforeAll(async () => {
    db = await backend.open();
    store = createStore(db);
    const noord = await createTeamWithStaff(db.prisma, "Noord");
    const zuid = await createTeamWithStaff(db.prisma, "Zuid");
    const toActor = (s: { id: string; aadObjectId: string; displayName: string; teamId: string | null; roles: Role[] }): Actor => ({
      staffId: s.id,
      tenantId: "t",
      aadObjectId: s.aadObjectId,
      displayName: s.displayName,
      roles: s.roles,
      teamId: s.teamId,
    });
    const loneLead = await db.prisma.staff.create({
      data: { tenantId: "t", aadObjectId: "lone-lead", displayName: "Zonder team", roles: ["TEAM_LEAD"] },
    });
    const admin = await db.prisma.staff.create({
      data: { tenantId: "t", aadObjectId: "admin", displayName: "Beheer", roles: ["ADMIN"] },
    });
    actors = [
      ...[noord, zuid].flatMap((t) => [t.coach, t.supervisor, t.lead].map((s) => ({ label: s.displayName, actor: toActor(s) }))),
      { label: "team lead without a team", actor: toActor(loneLead) },
      { label: "admin", actor: toActor(admin) },
    ];
    const variants = [
      { teamId: noord.team.id, coachId: noord.coach.id },
      { teamId: noord.team.id, coachId: null },
      { teamId: zuid.team.id, coachId: zuid.coach.id },
      { teamId: zuid.team.id, coachId: noord.coach.id }, // moved to Zuid, coach not yet changed
      { teamId: noord.team.id, coachId: loneLead.id },
    ];
    clients = [];
    let n = 0;
    for (const v of variants) {
      for (const state of ["active", "closed", "erased"] as const) {
        const c = await db.prisma.client.create({
          data: {
            externalKey: `K-${++n}`,
            displayName: `Klant${String.fromCharCode(64 + n)}`,
            birthYear: 1970,
            wijk: `Wijk${n}`,
            ...v,
            active: state === "active",
            closedAt: state === "closed" ? TODAY : null,
            erasedAt: state === "erased" ? TODAY : null,
          },
        });
        await db.prisma.classification.create({
          data: {
            clientId: c.id,
            coachId: v.coachId ?? noord.coach.id,
            teamId: v.teamId,
            profileId: "participatieladder-6",
            profileVersion: 1,
            answers: {},
            observedOn: TODAY,
            proposedRung: 2,
            finalRung: 3,
            status: "PENDING_REVIEW",
            version: 1,
            idempotencyKey: randomUUID(),
          },
        });
        clients.push({
          id: c.id,
          teamId: v.teamId,
          coachId: v.coachId,
          erased: state === "erased",
          closed: state !== "active",
          name: c.displayName,
          wijk: c.wijk,
        });
      }
    }
  });
  afterAll(async () => db?.close());

  const allowed = (actor: Actor, filter: (c: ClientAccessFacts) => boolean = () => true) =>
    clients
      .filter((c) => filter(c) && mayReadClient(actor, c))
      .map((c) => c.id)
      .sort();

  it("loads exactly the clients the rule allows, whatever ids are asked for", async () => {
    for (const { label, actor } of actors) {
      const found = await findClientsInScope(db.sql, actor, [...clients.map((c) => c.id), randomUUID(), "not-an-id"]);
      expect(found.map((c) => c.id).sort(), label).toEqual(allowed(actor));
    }
  });

  it("offers exactly the allowed active clients in the debrief picker (SQL condition)", async () => {
    for (const { label, actor } of actors) {
      const picker = await listClientsForDebrief(db.sql, actor);
      expect(picker.map((c) => c.id).sort(), label).toEqual(allowed(actor, (c) => !c.closed));
    }
  });

  it("lists pending reviews only of allowed clients still in the caseload", async () => {
    for (const { label, actor } of actors) {
      const pending = await listPendingReviews(db.prisma, actor);
      expect(pending.map((r) => r.clientId).sort(), label).toEqual(allowed(actor, (c) => !c.closed));
    }
  });

  it("answers caseload lists only with allowed active clients", async () => {
    for (const { label, actor } of actors) {
      const result = await executeCaseloadQuery(db.prisma, {
        query: { measure: "list", filters: {} },
        scope: caseloadScopeOf(actor),
        askerStaffId: actor.staffId,
        today: TODAY,
        page: 0,
      });
      if (result.kind !== "list") throw new Error("expected a list");
      expect(result.lines.map((l) => l.clientId).sort(), label).toEqual(allowed(actor, (c) => !c.closed));
    }
  });

  it("counts only allowed active clients in caseload counts, and pending reviews likewise (through the store)", async () => {
    for (const { label, actor } of actors) {
      const result = await store.caseload.answer({
        query: { measure: "count", filters: {} },
        scope: caseloadScopeOf(actor),
        askerStaffId: actor.staffId,
        today: TODAY,
      });
      expect(result, label).toMatchObject({
        kind: "count",
        count: allowed(actor, (c) => !c.closed).length,
        denominator: allowed(actor, (c) => !c.closed).length,
      });
      expect(await store.review.countPending(actor), label).toBe(allowed(actor, (c) => !c.closed).length);
      const pending = await store.caseload.answer({
        query: { measure: "pendingReviews", filters: {} },
        scope: caseloadScopeOf(actor),
        askerStaffId: actor.staffId,
        today: TODAY,
      });
      if (pending.kind !== "pendingReviews") throw new Error("expected pending reviews");
      expect(pending.lines.map((l) => l.clientId).sort(), label).toEqual(allowed(actor, (c) => !c.closed));
    }
  });

  it("offers the interpreter only the wijken of allowed active clients", async () => {
    for (const { label, actor } of actors) {
      const vocabulary = await store.caseload.vocabulary(caseloadScopeOf(actor));
      const expected = clients
        .filter((c) => !c.closed && mayReadClient(actor, c))
        .map((c) => c.wijk)
        .sort();
      expect([...vocabulary.wijken].sort(), label).toEqual(expected);
    }
  });

  it("finds mentioned clients only among the allowed ones, never an erased one", async () => {
    // a question names at most 12 words that look like names: ask in two parts
    const texts = [clients.slice(0, 10), clients.slice(10)].map((part) => part.map((c) => c.name).join(" "));
    for (const { label, actor } of actors) {
      const names = (await Promise.all(texts.map((t) => store.caseload.mentionedClients(caseloadScopeOf(actor), t)))).flatMap(
        (m) => m.names,
      );
      expect(names.sort(), label).toEqual(
        clients
          .filter((c) => mayReadClient(actor, c))
          .map((c) => c.name)
          .sort(),
      );
    }
  });

  it("checks access through the store exactly as the rule does", async () => {
    for (const { label, actor } of actors) {
      const found = await store.clients.findInScope(
        actor,
        clients.map((c) => c.id),
      );
      expect(found.map((c) => c.id).sort(), label).toEqual(allowed(actor));
    }
  });
});

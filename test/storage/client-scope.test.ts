// The scope renderings in storage (Prisma where, SQL condition, the lists built on them) against the one
// rule in src/domain/access: for every kind of actor and client they must agree exactly.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseloadScopeOf, type Actor, type Role } from "../../src/domain/access/actor.ts";
import { mayReadClient, type ClientAccessFacts } from "../../src/domain/access/client-access.ts";
import { executeCaseloadQuery } from "../../src/storage/caseload/execute-caseload-query.ts";
import { findClientsInScope } from "../../src/storage/client-scope.ts";
import { listClientsForDebrief } from "../../src/storage/debrief/debrief.repository.ts";
import { listPendingReviews } from "../../src/storage/review/review.repository.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");

describe.each(backends)("client scope in storage agrees with the access rule on $name", (backend) => {
  let db: TestDatabase;
  let actors: { label: string; actor: Actor }[];
  let clients: ClientAccessFacts[];

  beforeAll(async () => {
    db = await backend.open();
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
    const loneLead = await db.prisma.staff.create({ data: { tenantId: "t", aadObjectId: "lone-lead", displayName: "Zonder team", roles: ["TEAM_LEAD"] } });
    const admin = await db.prisma.staff.create({ data: { tenantId: "t", aadObjectId: "admin", displayName: "Beheer", roles: ["ADMIN"] } });
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
            displayName: `Klant ${n}`,
            birthYear: 1970,
            wijk: "Centrum",
            ...v,
            active: state === "active",
            closedAt: state === "closed" ? TODAY : null,
            erasedAt: state === "erased" ? TODAY : null,
          },
        });
        await db.prisma.classification.create({
          data: { clientId: c.id, coachId: v.coachId ?? noord.coach.id, teamId: v.teamId, profileId: "participatieladder-6", profileVersion: 1, answers: {}, observedOn: TODAY, proposedRung: 2, finalRung: 3, status: "PENDING_REVIEW", version: 1, idempotencyKey: randomUUID() },
        });
        clients.push({ id: c.id, teamId: v.teamId, coachId: v.coachId, erased: state === "erased", closed: state !== "active" });
      }
    }
  });
  afterAll(async () => db?.close());

  const allowed = (actor: Actor, filter: (c: ClientAccessFacts) => boolean = () => true) => clients.filter((c) => filter(c) && mayReadClient(actor, c)).map((c) => c.id).sort();

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
      const result = await executeCaseloadQuery(db.prisma, { query: { measure: "list", filters: {} }, scope: caseloadScopeOf(actor), askerStaffId: actor.staffId, today: TODAY, page: 0 });
      if (result.kind !== "list") throw new Error("expected a list");
      expect(result.lines.map((l) => l.clientId).sort(), label).toEqual(allowed(actor, (c) => !c.closed));
    }
  });
});

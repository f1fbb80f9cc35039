// One contract for the store port's review, team settings, staff, audit, access, erasure and debrief parts, run
// against the in-memory fake (test/support/fake-store.ts) and the real store on every database backend,
// as Hono runs one test suite against each of its routers. The use-case tests use the fake; this keeps it
// honest.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, Role } from "../../src/domain/access/actor.ts";
import type { StoredAnswers } from "../../src/domain/debrief/debrief-flow.ts";
import type { ConfirmDebriefInput } from "../../src/domain/debrief/ports.ts";
import type { Store } from "../../src/domain/store.ts";
import { createStore } from "../../src/storage/store.ts";
import { backends } from "../support/databases.ts";
import { createFakeStore, newTeam } from "../support/fake-store.ts";

// The fake's caseload part is canned (a test sets its answer), so it is not held to a contract here: the
// real executor has its own tests on both databases, and use-case tests against the fake check only what
// the use case asks the store and does with the answer.
type Parts = Pick<Store, "clients" | "audit" | "staff" | "teams" | "review" | "dataSubjects" | "debrief">;
type ClientState = "active" | "closed" | "erased";

/** A store with the means to put facts into it, whatever is behind it. */
interface World {
  store: Parts;
  addTeam(name: string): Promise<string>;
  addStaff(input: { teamId: string | null; aad: string; name: string; roles: Role[]; active?: boolean }): Promise<Actor>;
  addClient(input: { teamId: string; coachId: string | null; key: string; state: ClientState }): Promise<string>;
  addPending(input: { clientId: string; coach: Actor; teamId: string; confirmedAt: Date }): Promise<string>;
  auditRows(): Promise<{ action: string; clientId: string | null; details: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

const TENANT = "tenant-contract";
const CLOSED_ON = new Date("2014-01-01T00:00:00Z");
const toActor = (s: { id: string; aadObjectId: string; displayName: string; roles: Role[]; teamId: string | null }): Actor => ({
  staffId: s.id,
  tenantId: TENANT,
  aadObjectId: s.aadObjectId,
  displayName: s.displayName,
  roles: s.roles,
  teamId: s.teamId,
});

const fakeWorld = async (): Promise<World> => {
  const fake = createFakeStore();
  const { data } = fake;
  return {
    store: fake,
    async addTeam(name) {
      const t = newTeam(name);
      data.teams.push(t);
      return t.id;
    },
    async addStaff({ teamId, aad, name, roles, active = true }) {
      const s = {
        id: randomUUID(),
        tenantId: TENANT,
        aadObjectId: aad,
        displayName: name,
        roles,
        teamId,
        active,
        notificationsOff: false,
      };
      data.staff.push(s);
      return toActor(s);
    },
    async addClient({ teamId, coachId, key, state }) {
      const id = randomUUID();
      data.clients.push({
        id,
        teamId,
        coachId,
        externalKey: key,
        displayName: `Klant ${key}`,
        wijk: "Centrum",
        erased: state === "erased",
        closed: state !== "active",
        closedAt: state === "active" ? null : CLOSED_ON,
      });
      return id;
    },
    async addPending({ clientId, coach, teamId, confirmedAt }) {
      const client = data.clients.find((c) => c.id === clientId)!;
      const id = randomUUID();
      data.reviews.push({
        classificationId: id,
        clientId,
        clientName: client.displayName,
        clientKey: client.externalKey,
        coachId: coach.staffId,
        coachName: coach.displayName,
        teamId,
        profileId: "participatieladder-6",
        answers: {},
        previousRung: null,
        previousSubstep: null,
        proposedRung: 2,
        proposedSubstep: null,
        finalRung: 3,
        finalSubstep: null,
        expectedRung: null,
        overrideReason: null,
        observedOn: confirmedAt,
        confirmedAt,
        status: "PENDING_REVIEW",
        reviewedByName: null,
        reviewedAt: null,
        reviewNote: null,
        version: 1,
      });
      return id;
    },
    async auditRows() {
      return data.audit.map((e) => ({ action: e.action, clientId: e.clientId ?? null, details: e.details ?? {} }));
    },
    async close() {},
  };
};

const realWorld = (backend: (typeof backends)[number]) => async (): Promise<World> => {
  const db = await backend.open();
  const { prisma } = db;
  return {
    store: createStore(db),
    async addTeam(name) {
      return (await prisma.team.create({ data: { name } })).id;
    },
    async addStaff({ teamId, aad, name, roles, active = true }) {
      return toActor(
        await prisma.staff.create({
          data: { tenantId: TENANT, aadObjectId: aad, displayName: name, roles, teamId, active },
        }),
      );
    },
    async addClient({ teamId, coachId, key, state }) {
      const c = await prisma.client.create({
        data: {
          externalKey: key,
          displayName: `Klant ${key}`,
          birthYear: 1980,
          wijk: "Centrum",
          teamId,
          coachId,
          active: state === "active",
          closedAt: state === "active" ? null : CLOSED_ON,
          erasedAt: state === "erased" ? CLOSED_ON : null,
        },
      });
      return c.id;
    },
    async addPending({ clientId, coach, teamId, confirmedAt }) {
      // a new version becomes the client's current one, as a confirmation does
      const version = (await prisma.classification.count({ where: { clientId } })) + 1;
      await prisma.classification.updateMany({ where: { clientId, isLatest: true }, data: { isLatest: false } });
      const c = await prisma.classification.create({
        data: {
          clientId,
          coachId: coach.staffId,
          teamId,
          profileId: "participatieladder-6",
          profileVersion: 1,
          answers: {},
          observedOn: confirmedAt,
          confirmedAt,
          proposedRung: 2,
          finalRung: 3,
          status: "PENDING_REVIEW",
          version,
          idempotencyKey: randomUUID(),
        },
      });
      return c.id;
    },
    async auditRows() {
      const rows = await prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
      return rows.map((r) => ({
        action: r.action,
        clientId: r.clientId,
        details: (r.details ?? {}) as Record<string, unknown>,
      }));
    },
    close: () => db.close(),
  };
};

const worlds = [{ name: "in-memory fake", open: fakeWorld }, ...backends.map((b) => ({ name: `${b.name} store`, open: realWorld(b) }))];

describe.each(worlds)("store contract: $name", ({ open }) => {
  let w: World;
  let noord: string, zuid: string;
  let coach: Actor, supervisor: Actor, secondSupervisor: Actor, zuidSupervisor: Actor, lead: Actor;
  let clients: Record<"mine" | "closed" | "erased" | "zuid", string>;

  beforeAll(async () => {
    w = await open();
    noord = await w.addTeam("Noord");
    zuid = await w.addTeam("Zuid");
    coach = await w.addStaff({ teamId: noord, aad: "coach", name: "Coach Noord", roles: ["COACH"] });
    supervisor = await w.addStaff({ teamId: noord, aad: "sup", name: "Bea Werkbegeleider", roles: ["SUPERVISOR"] });
    secondSupervisor = await w.addStaff({
      teamId: noord,
      aad: "sup2",
      name: "Anna Werkbegeleider",
      roles: ["SUPERVISOR"],
    });
    await w.addStaff({ teamId: noord, aad: "gone", name: "Oud Werkbegeleider", roles: ["SUPERVISOR"], active: false });
    zuidSupervisor = await w.addStaff({
      teamId: zuid,
      aad: "sup-zuid",
      name: "Werkbegeleider Zuid",
      roles: ["SUPERVISOR"],
    });
    lead = await w.addStaff({ teamId: noord, aad: "lead", name: "Teamleider Noord", roles: ["TEAM_LEAD"] });
    clients = {
      mine: await w.addClient({ teamId: noord, coachId: coach.staffId, key: "K-1", state: "active" }),
      closed: await w.addClient({ teamId: noord, coachId: coach.staffId, key: "K-2", state: "closed" }),
      erased: await w.addClient({ teamId: noord, coachId: coach.staffId, key: "K-3", state: "erased" }),
      zuid: await w.addClient({ teamId: zuid, coachId: null, key: "K-4", state: "active" }),
    };
  });
  afterAll(async () => w?.close());

  it("finds an active staff member by Teams identity, and nobody for an unknown or inactive one", async () => {
    expect(await w.store.staff.findActor({ tenantId: TENANT, aadObjectId: "sup" })).toEqual(supervisor);
    expect(await w.store.staff.findActor({ tenantId: TENANT, aadObjectId: "gone" })).toBeNull();
    expect(await w.store.staff.findActor({ tenantId: "other", aadObjectId: "sup" })).toBeNull();
  });

  it("remembers conversation references per person", async () => {
    await w.store.staff.saveConversationReference(coach.staffId, { conversation: { id: "a" } });
    await w.store.staff.saveConversationReference(coach.staffId, { conversation: { id: "b" } });
    const refs = await w.store.staff.findConversationReferences([coach.staffId, lead.staffId]);
    expect([...refs.keys()]).toEqual([coach.staffId]);
    expect(refs.get(coach.staffId)).toEqual({ conversation: { id: "b" } });
  });

  it("loads only clients in the actor's scope, closed ones included, erased ones never", async () => {
    const all = Object.values(clients);
    expect((await w.store.clients.findInScope(supervisor, [...all, randomUUID()])).map((c) => c.id).sort()).toEqual(
      [clients.mine, clients.closed].sort(),
    );
    expect((await w.store.clients.findInScope(zuidSupervisor, all)).map((c) => c.id)).toEqual([clients.zuid]);
    expect(await w.store.clients.findInScope(coach, [clients.erased])).toEqual([]);
  });

  it("finds a team by name in any case, and changes only the given settings, recording who did", async () => {
    expect(await w.store.teams.findByName("nergens")).toBeNull();
    const team = (await w.store.teams.findByName("nOORD"))!;
    expect(team).toMatchObject({
      id: noord,
      name: "Noord",
      ladderProfileId: "participatieladder-6",
      reviewTriggers: ["OVERRIDE", "JUMP"],
      allowNotesToModel: false,
    });
    expect(await w.store.teams.nameOf(zuid)).toBe("Zuid");
    const changed = await w.store.teams.update(
      noord,
      { ladderProfileId: "ontwikkelladder-7", reviewTriggers: ["ALWAYS"] },
      { operator: "beheer" },
    );
    expect(changed).toMatchObject({ ...team, ladderProfileId: "ontwikkelladder-7", reviewTriggers: ["ALWAYS"] });
    expect(await w.store.teams.classifierScope("noord")).toEqual({
      name: "Noord",
      ladderProfileId: "ontwikkelladder-7",
      domainsInScope: team.domainsInScope,
    });
    const audited = (await w.auditRows()).filter((r) => r.action === "team.settings").at(-1);
    expect(audited?.details).toMatchObject({
      team: "Noord",
      ladderProfileId: "ontwikkelladder-7",
      reviewTriggers: ["ALWAYS"],
      operator: "beheer",
    });
  });

  it("lists waiting reviews of clients in scope and still in the caseload, oldest first, and counts them", async () => {
    const older = await w.addPending({
      clientId: clients.mine,
      coach,
      teamId: noord,
      confirmedAt: new Date("2026-11-01T09:00:00Z"),
    });
    await w.addPending({
      clientId: clients.closed,
      coach,
      teamId: noord,
      confirmedAt: new Date("2026-11-01T08:00:00Z"),
    });
    await w.addPending({
      clientId: clients.zuid,
      coach: zuidSupervisor,
      teamId: zuid,
      confirmedAt: new Date("2026-11-01T07:00:00Z"),
    });
    const newer = await w.addPending({
      clientId: clients.mine,
      coach,
      teamId: noord,
      confirmedAt: new Date("2026-11-02T09:00:00Z"),
    });
    const list = await w.store.review.listPending(lead);
    expect(list.map((r) => r.classificationId)).toEqual([older, newer]);
    expect(list[0]).toMatchObject({
      clientId: clients.mine,
      clientKey: "K-1",
      clientName: "Klant K-1",
      coachName: "Coach Noord",
      status: "PENDING_REVIEW",
      finalRung: 3,
    });
    expect(await w.store.review.countPending(lead)).toBe(2);
    expect(await w.store.review.listPending(lead, { take: 1 })).toHaveLength(1);
    expect(await w.store.review.findSubject(older)).toEqual({ classificationId: older, clientId: clients.mine });
    expect(await w.store.review.findSubject(randomUUID())).toBeNull();
  });

  it("names the team's active supervisors as reviewers, never the coach who classified", async () => {
    await w.store.staff.saveConversationReference(secondSupervisor.staffId, { conversation: { id: "sup2-chat" } });
    const reviewers = await w.store.review.findReviewers({ teamId: noord, excludeStaffId: supervisor.staffId });
    expect(reviewers.map((r) => [r.displayName, r.reference])).toEqual([["Anna Werkbegeleider", { conversation: { id: "sup2-chat" } }]]);
  });

  it("refuses another team's supervisor and self-approval with an audit row; the first decision wins", async () => {
    const id = await w.addPending({
      clientId: clients.mine,
      coach: supervisor,
      teamId: noord,
      confirmedAt: new Date("2026-11-03T09:00:00Z"),
    });
    const now = new Date("2026-11-04T10:00:00Z");
    expect(
      await w.store.review.decide({
        actor: zuidSupervisor,
        classificationId: id,
        decision: "approve",
        note: null,
        now,
      }),
    ).toEqual({ outcome: "forbidden", reason: "not_reviewer" });
    expect(await w.store.review.decide({ actor: supervisor, classificationId: id, decision: "approve", note: null, now })).toEqual({
      outcome: "forbidden",
      reason: "own_classification",
    });
    expect(
      await w.store.review.decide({
        actor: supervisor,
        classificationId: randomUUID(),
        decision: "approve",
        note: null,
        now,
      }),
    ).toEqual({ outcome: "forbidden", reason: "not_found" });
    const refusals = (await w.auditRows())
      .filter((r) => r.action === "refused" && r.clientId === clients.mine)
      .map((r) => r.details.reason);
    expect(refusals).toEqual(expect.arrayContaining(["review_not_reviewer", "review_own_classification"]));

    const first = await w.store.review.decide({
      actor: secondSupervisor,
      classificationId: id,
      decision: "reject",
      note: "Graag onderbouwen",
      now,
    });
    expect(first).toMatchObject({
      outcome: "decided",
      review: { status: "REJECTED", reviewedByName: "Anna Werkbegeleider", reviewNote: "Graag onderbouwen" },
    });
    const second = await w.store.review.decide({
      actor: secondSupervisor,
      classificationId: id,
      decision: "approve",
      note: null,
      now,
    });
    expect(second).toMatchObject({
      outcome: "already_decided",
      review: { status: "REJECTED", reviewedByName: "Anna Werkbegeleider" },
    });
    expect((await w.auditRows()).filter((r) => r.action.startsWith("review.") && r.clientId === clients.mine).map((r) => r.action)).toEqual(
      ["review.rejected"],
    );
    expect(await w.store.review.find(id)).toMatchObject({ classificationId: id, status: "REJECTED" });
  });

  it("keeps review card copies per classification", async () => {
    const id = (await w.store.review.listPending(lead))[0].classificationId;
    await w.store.review.saveCard({
      classificationId: id,
      staffId: lead.staffId,
      conversationId: "c1",
      activityId: "a1",
    });
    expect(await w.store.review.listCards(id)).toEqual([
      { classificationId: id, staffId: lead.staffId, conversationId: "c1", activityId: "a1" },
    ]);
  });

  it("records refusals with code-like verbs only, and reads with the ids shown", async () => {
    await w.store.audit.refusal({
      actor: coach,
      reason: "unknown_verb",
      details: { verb: "<script>alert(1)</script>" },
    });
    await w.store.audit.clientRead({ actor: lead, clientIds: [clients.mine, clients.mine], via: "review.open" });
    await w.store.audit.clientRead({ actor: lead, clientIds: [], via: "review.list" });
    const rows = await w.auditRows();
    expect(rows.filter((r) => r.action === "refused" && r.details.reason === "unknown_verb").at(-1)?.details.verb).toBe("(invalid)");
    const reads = rows.filter((r) => r.action === "client.read");
    expect(reads.map((r) => [r.clientId, r.details.via])).toEqual([[clients.mine, "review.open"]]);
  });

  it("finds a client to erase by number, anonymises it, and after that nobody sees it", async () => {
    expect(await w.store.dataSubjects.findErasureSubject("onbekend")).toBeNull();
    expect(await w.store.dataSubjects.findErasureSubject("K-3")).toBeNull(); // already erased
    expect(await w.store.dataSubjects.findErasureSubject("K-2")).toEqual({
      clientId: clients.closed,
      closedAt: CLOSED_ON,
    });
    await w.store.dataSubjects.anonymise({
      clientId: clients.closed,
      operator: "fg",
      now: new Date("2026-11-22T00:00:00Z"),
      forced: false,
    });
    expect(await w.store.dataSubjects.findErasureSubject("K-2")).toBeNull();
    expect(await w.store.clients.findInScope(lead, [clients.closed])).toEqual([]);
    expect((await w.auditRows()).filter((r) => r.action === "client.erased")).toEqual([
      { action: "client.erased", clientId: clients.closed, details: { operator: "fg", forced: false } },
    ]);
  });
});

describe.each(worlds)("debrief store contract: $name", ({ open }) => {
  let w: World;
  let oost: string, west: string;
  let coach: Actor, colleague: Actor, supervisor: Actor, westCoach: Actor;
  let clients: Record<"first" | "second" | "closed" | "colleagues" | "west", string>;

  const answers: StoredAnswers = {
    ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
    substep: null,
    expected: { rung: 4, horizonMonths: 6, growthPotential: "ja" },
    domains: { werk_opleiding: 2 },
    verdieping: { startkwalificatie: "nee" },
    outcome: "wijkteam",
    ontheffing: false,
    confirmedUnchanged: [],
    verdiepingSource: "observed",
    expectationConfirmed: null,
  };
  /** A confirmation of rung 3.2 on 21 November; a test changes what it is about. */
  const confirmation = (clientId: string, change: Partial<ConfirmDebriefInput> = {}): ConfirmDebriefInput => ({
    actor: coach,
    clientId,
    idempotencyKey: `debrief:${randomUUID()}`,
    contact: { date: "2026-11-21", kind: "HUISBEZOEK", outcome: "wijkteam", nextContactDate: "2026-12-01" },
    profile: { id: "participatieladder-6", version: 1, topRung: 6 },
    answers,
    proposed: { rung: 3, substep: 2, rung5Reasons: [] },
    final: { rung: 3, substep: 2, overrideReason: null },
    expected: answers.expected,
    ontheffing: false,
    verdieping: answers.verdieping,
    domainScores: answers.domains,
    ...change,
  });
  const stored = async (input: ConfirmDebriefInput) => {
    const r = await w.store.debrief.confirm(input);
    if (r.kind !== "stored") throw new Error(`not stored: ${r.kind}`);
    return r;
  };
  const picker = async (actor: Actor, options?: { search?: string; take?: number }) =>
    (await w.store.debrief.listClients(actor, options)).map((c) => c.externalKey);
  const rungOf = async (clientId: string) => (await w.store.debrief.listClients(coach)).find((c) => c.id === clientId)?.currentRung;

  beforeAll(async () => {
    w = await open();
    oost = await w.addTeam("Oost");
    west = await w.addTeam("West");
    coach = await w.addStaff({ teamId: oost, aad: "d-coach", name: "Coach Oost", roles: ["COACH"] });
    colleague = await w.addStaff({ teamId: oost, aad: "d-colleague", name: "Collega Oost", roles: ["COACH"] });
    supervisor = await w.addStaff({ teamId: oost, aad: "d-sup", name: "Werkbegeleider Oost", roles: ["SUPERVISOR"] });
    westCoach = await w.addStaff({ teamId: west, aad: "d-west", name: "Coach West", roles: ["COACH"] });
    clients = {
      first: await w.addClient({ teamId: oost, coachId: coach.staffId, key: "K-11", state: "active" }),
      second: await w.addClient({ teamId: oost, coachId: coach.staffId, key: "K-12", state: "active" }),
      closed: await w.addClient({ teamId: oost, coachId: coach.staffId, key: "K-13", state: "closed" }),
      colleagues: await w.addClient({ teamId: oost, coachId: colleague.staffId, key: "K-14", state: "active" }),
      west: await w.addClient({ teamId: west, coachId: westCoach.staffId, key: "K-21", state: "active" }),
    };
  });
  afterAll(async () => w?.close());

  it("offers the actor's active clients in the picker, narrowed by a name or client-number fragment", async () => {
    expect(await w.store.debrief.listClients(coach)).toEqual([
      { id: clients.first, externalKey: "K-11", displayName: "Klant K-11", wijk: "Centrum", currentRung: null },
      { id: clients.second, externalKey: "K-12", displayName: "Klant K-12", wijk: "Centrum", currentRung: null },
    ]);
    expect(await picker(supervisor)).toEqual(["K-11", "K-12", "K-14"]);
    expect(await picker(westCoach)).toEqual(["K-21"]);
    expect(await picker(coach, { search: "k-12" })).toEqual(["K-12"]);
    expect(await picker(coach, { search: "  kLANT " })).toEqual(["K-11", "K-12"]);
    expect(await picker(coach, { search: "K-21" })).toEqual([]);
    // a wildcard typed by a coach is a character, not "anything"
    expect(await picker(coach, { search: "%" })).toEqual([]);
    expect(await picker(coach, { search: "K_1" })).toEqual([]);
    expect(await picker(supervisor, { take: 1 })).toEqual(["K-11"]);
  });

  it("opens a client with the team's settings only within scope and in the caseload", async () => {
    expect(await w.store.debrief.findClient(coach, clients.first)).toMatchObject({
      client: { id: clients.first, externalKey: "K-11", displayName: "Klant K-11", wijk: "Centrum", teamId: oost },
      team: { id: oost, ladderProfileId: "participatieladder-6", reviewTriggers: ["OVERRIDE", "JUMP"], specialDomainsReason: null },
      previous: null,
    });
    for (const [actor, id] of [
      [coach, clients.closed],
      [coach, clients.colleagues],
      [coach, clients.west],
      [coach, randomUUID()],
      [westCoach, clients.first],
    ] as const)
      expect(await w.store.debrief.findClient(actor, id)).toBeNull();
  });

  it("stores a confirmed proposal as final, once per idempotency key, as the client's current rung", async () => {
    const input = confirmation(clients.first);
    const first = await w.store.debrief.confirm(input);
    expect(first).toEqual({
      kind: "stored",
      id: expect.any(String),
      version: 1,
      status: "FINAL",
      reviewReasons: [],
      created: true,
    });
    // a double click or a retried request: the same classification, nothing new
    expect(await w.store.debrief.confirm(input)).toEqual({ ...first, created: false });
    // the key came from a card: replayed only for the same client (and coach), never as another's result
    expect(await w.store.debrief.confirm({ ...input, clientId: clients.second })).toEqual({ kind: "out_of_scope" });
    const confirmed = (await w.auditRows()).filter((r) => r.action === "classification.confirmed" && r.clientId === clients.first);
    expect(confirmed.map((r) => r.details)).toEqual([
      expect.objectContaining({ version: 1, finalRung: 3, finalSubstep: 2, overridden: false, status: "FINAL", reviewReasons: [] }),
    ]);
    expect(await rungOf(clients.first)).toBe(3);
    expect((await w.store.debrief.findClient(coach, clients.first))?.previous).toEqual({
      profileId: "participatieladder-6",
      observedOn: "2026-11-21",
      rung: 3,
      substep: 2,
      expectedRung: 4,
      growthPotential: "ja",
      ladder: answers.ladder,
      verdieping: answers.verdieping,
      domains: { werk_opleiding: { score: 2, observedOn: "2026-11-21" } },
    });
  });

  it("sends an override to review with its reason; an 'override' equal to the proposal is none", async () => {
    const override = await stored(confirmation(clients.second, { final: { rung: 4, substep: null, overrideReason: "Werkt sinds kort" } }));
    expect(override).toMatchObject({ version: 1, status: "PENDING_REVIEW", reviewReasons: ["OVERRIDE"], created: true });
    expect(await w.store.review.find(override.id)).toMatchObject({
      proposedRung: 3,
      proposedSubstep: 2,
      finalRung: 4,
      finalSubstep: null,
      overrideReason: "Werkt sinds kort",
      status: "PENDING_REVIEW",
    });
    expect((await w.store.review.listPending(supervisor)).map((r) => r.classificationId)).toContain(override.id);

    const same = await stored(confirmation(clients.first, { final: { rung: 3, substep: 2, overrideReason: "Toch zo" } }));
    expect(same).toMatchObject({ version: 2, status: "FINAL", reviewReasons: [] });
    expect(await w.store.review.find(same.id)).toMatchObject({ finalRung: 3, overrideReason: null, previousRung: 3 });
  });

  it("sends a jump of two rungs to review; a rejection makes the version before current again", async () => {
    const jump = await stored(
      confirmation(clients.first, {
        proposed: { rung: 5, substep: null, rung5Reasons: [] },
        final: { rung: 5, substep: null, overrideReason: null },
        contact: { date: "2026-11-22", kind: "TELEFONISCH", outcome: "werk", nextContactDate: null },
      }),
    );
    expect(jump).toMatchObject({ version: 3, status: "PENDING_REVIEW", reviewReasons: ["JUMP"] });
    expect(await rungOf(clients.first)).toBe(5);
    const decided = await w.store.review.decide({
      actor: supervisor,
      classificationId: jump.id,
      decision: "reject",
      note: "Graag onderbouwen",
      now: new Date("2026-11-23T10:00:00Z"),
    });
    expect(decided.outcome).toBe("decided");
    expect(await rungOf(clients.first)).toBe(3);
    expect((await w.store.debrief.findClient(coach, clients.first))?.previous).toMatchObject({ rung: 3, observedOn: "2026-11-21" });
    expect(await w.store.debrief.findReopenSource(jump.id)).toEqual({
      classificationId: jump.id,
      clientId: clients.first,
      coachId: coach.staffId,
      status: "REJECTED",
      reviewNote: "Graag onderbouwen",
      observedOn: "2026-11-22",
      contactKind: "TELEFONISCH",
      nextContactDate: null,
      outcome: "werk",
      finalRung: 5,
      finalSubstep: null,
      expectedRung: 4,
      horizonMonths: 6,
      growthPotential: "ja",
      answers,
    });
    expect(await w.store.debrief.findReopenSource("not-a-uuid")).toBeNull();
    expect(await w.store.debrief.findReopenSource(randomUUID())).toBeNull();
  });

  it("lists the coach's own sent-back classifications, newest decision first, until a new version replaces one", async () => {
    const [pending] = await w.store.review.listPending(supervisor);
    expect(pending.clientId).toBe(clients.second);
    await w.store.review.decide({
      actor: supervisor,
      classificationId: pending.classificationId,
      decision: "return",
      note: null,
      now: new Date("2026-11-24T10:00:00Z"),
    });
    const sentBack = await w.store.debrief.listSentBack(coach);
    expect(sentBack).toEqual([
      { classificationId: pending.classificationId, clientId: clients.second, clientName: "Klant K-12", reviewNote: null },
      { classificationId: expect.any(String), clientId: clients.first, clientName: "Klant K-11", reviewNote: "Graag onderbouwen" },
    ]);
    expect(await w.store.debrief.listSentBack(colleague)).toEqual([]);
    expect(await w.store.debrief.listSentBack(supervisor)).toEqual([]);

    await stored(confirmation(clients.first));
    expect((await w.store.debrief.listSentBack(coach)).map((s) => s.clientId)).toEqual([clients.second]);
  });

  it("refuses to store a debrief of a client outside the actor's scope or caseload, or a substep on the top rung", async () => {
    expect(await w.store.debrief.confirm(confirmation(clients.west))).toEqual({ kind: "out_of_scope" });
    expect(await w.store.debrief.confirm(confirmation(clients.closed))).toEqual({ kind: "out_of_scope" });
    expect(await w.store.debrief.confirm(confirmation(clients.colleagues))).toEqual({ kind: "out_of_scope" });
    await expect(
      w.store.debrief.confirm(confirmation(clients.first, { final: { rung: 6, substep: 1, overrideReason: "Bovenaan" } })),
    ).rejects.toThrow(/substep 6.1/);
    const confirmed = (await w.auditRows()).filter((r) => r.action === "classification.confirmed").map((r) => r.clientId);
    expect(confirmed).not.toContain(clients.west);
    expect(confirmed).not.toContain(clients.closed);
    expect(confirmed).not.toContain(clients.colleagues);
  });

  it("records a visit where the client was not reached once per key, and refusals as codes", async () => {
    const visit = {
      actor: coach,
      clientId: clients.second,
      date: "2026-11-20",
      kind: "TELEFONISCH" as const,
      idempotencyKey: "debrief:x:not-reached",
    };
    expect(await w.store.debrief.recordUnreached(visit)).toEqual({ created: true });
    expect(await w.store.debrief.recordUnreached(visit)).toEqual({ created: false });
    await w.store.debrief.recordRefusal(coach, "client_out_of_scope", { step: "start" }, clients.west);
    const rows = await w.auditRows();
    expect(rows.filter((r) => r.action === "contact.not_reached")).toEqual([
      { action: "contact.not_reached", clientId: clients.second, details: { kind: "TELEFONISCH" } },
    ]);
    expect(rows.filter((r) => r.action === "refused")).toEqual([
      { action: "refused", clientId: clients.west, details: { reason: "client_out_of_scope", step: "start" } },
    ]);
  });
});

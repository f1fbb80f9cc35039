// Fast table tests of the review and administrator use cases against the in-memory fake of the store port
// (test/storage/store-contract.test.ts holds the fake to the real store on every database).
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor, Role } from "../../src/domain/access/actor.ts";
import { changeTeamSettings } from "../../src/use-cases/change-team-settings.ts";
import { decideReview } from "../../src/use-cases/decide-review.ts";
import { eraseClient } from "../../src/use-cases/erase-client.ts";
import { listPendingReviews, readReview } from "../../src/use-cases/read-reviews.ts";
import { addPerson, createFakeStore, newTeam, type FakeStore } from "../support/fake-store.ts";

const NOW = new Date("2026-11-22T10:00:00Z");
const profileIds = ["participatieladder-6", "ontwikkelladder-7"];

function world() {
  const store = createFakeStore();
  const noord = newTeam("Noord");
  const zuid = newTeam("Zuid");
  store.data.teams.push(noord, zuid);
  const person = (name: string, roles: Role[], teamId: string | null): Actor => addPerson(store, name, roles, teamId);
  const actors = {
    coach: person("Coach Noord", ["COACH"], noord.id),
    supervisor: person("Werkbegeleider Noord", ["SUPERVISOR"], noord.id),
    lead: person("Teamleider Noord", ["TEAM_LEAD"], noord.id),
    zuidSupervisor: person("Werkbegeleider Zuid", ["SUPERVISOR"], zuid.id),
    admin: person("Beheer", ["ADMIN"], null),
  };
  const client = (key: string, teamId: string, state: "active" | "closed" | "erased", closedAt: Date | null = null) => {
    const id = randomUUID();
    store.data.clients.push({
      id,
      teamId,
      coachId: actors.coach.staffId,
      externalKey: key,
      displayName: `Klant ${key}`,
      erased: state === "erased",
      closed: state !== "active",
      closedAt,
    });
    return id;
  };
  const pending = (clientId: string, coach: Actor, teamId = noord.id) => {
    const id = randomUUID();
    store.data.reviews.push({
      classificationId: id,
      clientId,
      clientName: "Klant",
      clientKey: "K",
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
      observedOn: NOW,
      confirmedAt: NOW,
      status: "PENDING_REVIEW",
      reviewedByName: null,
      reviewedAt: null,
      reviewNote: null,
      version: 1,
    });
    return id;
  };
  return { store, noord, zuid, actors, client, pending };
}

const actions = (store: FakeStore) => store.data.audit.map((e) => (e.action === "refused" ? `refused:${e.details?.reason}` : e.action));

describe("decide a review (use case, fake store)", () => {
  let w: ReturnType<typeof world>;
  let mine: string, zuidClient: string, erased: string;
  beforeEach(() => {
    w = world();
    mine = w.pending(w.client("K-1", w.noord.id, "active"), w.actors.coach);
    zuidClient = w.pending(w.client("K-2", w.zuid.id, "active"), w.actors.coach, w.zuid.id);
    erased = w.pending(w.client("K-3", w.noord.id, "erased"), w.actors.coach);
  });

  const cases: {
    name: string;
    who: keyof ReturnType<typeof world>["actors"];
    id: () => string;
    decision: "approve" | "reject" | "return";
    note: string | null;
    outcome: string;
    audit: string[];
  }[] = [
    {
      name: "a supervisor approves their team's classification",
      who: "supervisor",
      id: () => mine,
      decision: "approve",
      note: null,
      outcome: "decided",
      audit: ["review.approved", "client.read"],
    },
    {
      name: "a rejection without a note is refused before anything changes",
      who: "supervisor",
      id: () => mine,
      decision: "reject",
      note: "  ",
      outcome: "note_required",
      audit: [],
    },
    {
      name: "a question with a note is decided",
      who: "supervisor",
      id: () => mine,
      decision: "return",
      note: "Welke cursus?",
      outcome: "decided",
      audit: ["review.returned", "client.read"],
    },
    {
      name: "another team's client is not visible (same answer as an unknown id)",
      who: "supervisor",
      id: () => zuidClient,
      decision: "approve",
      note: null,
      outcome: "not_visible",
      audit: ["refused:client_not_visible"],
    },
    {
      name: "an unknown id is not visible",
      who: "supervisor",
      id: () => randomUUID(),
      decision: "approve",
      note: null,
      outcome: "not_visible",
      audit: ["refused:client_not_visible"],
    },
    {
      name: "an erased client's classification is not visible",
      who: "admin",
      id: () => erased,
      decision: "approve",
      note: null,
      outcome: "not_visible",
      audit: ["refused:client_not_visible"],
    },
    {
      name: "a team lead sees the client but may not decide",
      who: "lead",
      id: () => mine,
      decision: "approve",
      note: null,
      outcome: "forbidden",
      audit: ["refused:review_not_reviewer"],
    },
    {
      name: "a coach may not decide on their own client",
      who: "coach",
      id: () => mine,
      decision: "approve",
      note: null,
      outcome: "forbidden",
      audit: ["refused:review_not_reviewer"],
    },
  ];

  it.each(cases)("$name", async (c) => {
    const r = await decideReview(w.store, w.actors[c.who], {
      classificationId: c.id(),
      decision: c.decision,
      note: c.note,
      now: NOW,
    });
    expect(r.outcome).toBe(c.outcome);
    expect(actions(w.store)).toEqual(c.audit);
  });

  it("refuses a supervisor's own classification, and a second decision finds it decided", async () => {
    const own = w.pending(w.client("K-9", w.noord.id, "active"), w.actors.supervisor);
    expect(
      await decideReview(w.store, w.actors.supervisor, {
        classificationId: own,
        decision: "approve",
        note: null,
        now: NOW,
      }),
    ).toEqual({ outcome: "forbidden", reason: "own_classification" });
    const first = await decideReview(w.store, w.actors.supervisor, {
      classificationId: mine,
      decision: "reject",
      note: "Onderbouwen",
      now: NOW,
    });
    expect(first).toMatchObject({
      outcome: "decided",
      review: { status: "REJECTED", reviewNote: "Onderbouwen", reviewedByName: "Werkbegeleider Noord" },
    });
    expect(
      await decideReview(w.store, w.actors.supervisor, {
        classificationId: mine,
        decision: "approve",
        note: null,
        now: NOW,
      }),
    ).toMatchObject({ outcome: "already_decided", review: { status: "REJECTED" } });
  });
});

describe("read reviews (use case, fake store)", () => {
  it("lists for reviewers and those who oversee them only, within scope, and records what it showed", async () => {
    const w = world();
    const id = w.pending(w.client("K-1", w.noord.id, "active"), w.actors.coach);
    w.pending(w.client("K-2", w.zuid.id, "active"), w.actors.coach, w.zuid.id);
    w.pending(w.client("K-3", w.noord.id, "closed"), w.actors.coach);
    expect(await listPendingReviews(w.store, w.actors.coach)).toEqual({ outcome: "not_reviewer" });
    const lead = await listPendingReviews(w.store, w.actors.lead);
    expect(lead).toMatchObject({ outcome: "list", total: 1, teamName: "Noord", dropped: 0 });
    if (lead.outcome !== "list") throw new Error("expected a list");
    expect(lead.pending.map((r) => r.classificationId)).toEqual([id]);
    expect(await listPendingReviews(w.store, w.actors.admin)).toMatchObject({
      outcome: "list",
      total: 2,
      teamName: null,
    });
    expect(w.store.data.audit.filter((e) => e.action === "client.read").map((e) => e.details?.via)).toEqual(["review.list", "review.list"]);
  });

  it("opens a card only for reviewers (refusal audited), and says who may decide", async () => {
    const w = world();
    const id = w.pending(w.client("K-1", w.noord.id, "active"), w.actors.coach);
    expect(await readReview(w.store, w.actors.coach, { classificationId: id, via: "review.open", requireReviewer: true })).toEqual({
      outcome: "not_reviewer",
    });
    expect(actions(w.store)).toEqual(["refused:review_open_forbidden"]);
    expect(
      await readReview(w.store, w.actors.supervisor, {
        classificationId: id,
        via: "review.open",
        requireReviewer: true,
      }),
    ).toMatchObject({ outcome: "shown", canDecide: true });
    expect(await readReview(w.store, w.actors.lead, { classificationId: id, via: "review.open", requireReviewer: true })).toMatchObject({
      outcome: "shown",
      canDecide: false,
    });
    // a refresh is for whoever holds the card, within scope
    expect(
      await readReview(w.store, w.actors.coach, {
        classificationId: id,
        via: "review.refresh",
        requireReviewer: false,
      }),
    ).toMatchObject({ outcome: "shown", canDecide: false });
    expect(
      await readReview(w.store, w.actors.zuidSupervisor, {
        classificationId: id,
        via: "review.refresh",
        requireReviewer: false,
      }),
    ).toEqual({ outcome: "not_visible" });
  });
});

describe("change team settings (use case, fake store)", () => {
  const cases: {
    name: string;
    team: string;
    settings: Parameters<typeof changeTeamSettings>[2]["settings"];
    result: object;
  }[] = [
    {
      name: "an unknown team",
      team: "Nergens",
      settings: { reviewTriggers: ["always"] },
      result: { outcome: "unknown_team" },
    },
    {
      name: "an unknown review trigger",
      team: "noord",
      settings: { reviewTriggers: ["sometimes"] },
      result: { outcome: "invalid", message: expect.stringMatching(/unknown review trigger "sometimes"/) },
    },
    {
      name: "an unknown ZRM domain",
      team: "noord",
      settings: { domains: ["werk_opleiding", "astrologie"] },
      result: { outcome: "invalid", message: "unknown ZRM domains: astrologie" },
    },
    {
      name: "a special category without a reason",
      team: "noord",
      settings: { domains: ["middelengebruik"], reason: " " },
      result: { outcome: "invalid", message: expect.stringMatching(/need --reason/) },
    },
    {
      name: "a ladder profile that does not exist",
      team: "noord",
      settings: { ladderProfileId: "participatieladder-8" },
      result: { outcome: "invalid", message: expect.stringMatching(/unknown ladder profile "participatieladder-8"/) },
    },
    {
      name: "review never",
      team: "noord",
      settings: { reviewTriggers: [] },
      result: { outcome: "changed", team: { reviewTriggers: [] } },
    },
    {
      name: "the 7-rung ladder",
      team: "NOORD",
      settings: { ladderProfileId: "ontwikkelladder-7" },
      result: { outcome: "changed", team: { name: "Noord", ladderProfileId: "ontwikkelladder-7" } },
    },
    {
      name: "a special category with its reason",
      team: "noord",
      settings: { domains: ["werk_opleiding", "middelengebruik"], reason: " Pilot " },
      result: {
        outcome: "changed",
        team: { domainsInScope: ["werk_opleiding", "middelengebruik"], specialDomainsReason: "Pilot" },
      },
    },
  ];

  it.each(cases)("$name", async (c) => {
    const w = world();
    const before = structuredClone(w.noord);
    const r = await changeTeamSettings(w.store, { name: "beheer" }, { team: c.team, settings: c.settings }, { profileIds });
    expect(r).toMatchObject(c.result);
    const audited = w.store.data.audit.filter((e) => e.action === "team.settings");
    if (r.outcome === "changed") expect(audited.map((e) => e.details?.operator)).toEqual(["beheer"]);
    else {
      expect(audited).toEqual([]);
      expect(w.store.data.teams[0]).toEqual(before);
    }
  });
});

describe("erase a client (use case, fake store)", () => {
  const closedLongAgo = new Date("2014-01-01T00:00:00Z");
  const closedRecently = new Date("2020-01-01T00:00:00Z");
  const cases: { name: string; key: string; force?: boolean; result: object }[] = [
    { name: "an unknown number", key: "K-0", result: { outcome: "not_found" } },
    { name: "an erased client", key: "K-3", result: { outcome: "not_found" } },
    { name: "an open file without force", key: "K-1", result: { outcome: "retention", closedAt: null, until: null } },
    {
      name: "within retention without force",
      key: "K-2",
      result: { outcome: "retention", closedAt: closedRecently, until: new Date("2030-01-01T00:00:00Z") },
    },
    { name: "within retention with force (a decision)", key: "K-2", force: true, result: { outcome: "erased" } },
    { name: "after retention", key: "K-4", result: { outcome: "erased" } },
  ];

  it.each(cases)("$name", async (c) => {
    const w = world();
    w.client("K-1", w.noord.id, "active");
    w.client("K-2", w.noord.id, "closed", closedRecently);
    w.client("K-3", w.noord.id, "erased", closedLongAgo);
    w.client("K-4", w.noord.id, "closed", closedLongAgo);
    expect(await eraseClient(w.store, { name: "fg" }, { externalKey: c.key, now: NOW, force: c.force })).toEqual(c.result);
    const erasedEvents = w.store.data.audit.filter((e) => e.action === "client.erased");
    expect(erasedEvents.map((e) => e.details)).toEqual(
      c.result && (c.result as { outcome: string }).outcome === "erased" ? [{ operator: "fg", forced: Boolean(c.force) }] : [],
    );
  });
});

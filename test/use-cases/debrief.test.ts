// Fast table tests of the debrief use cases against the in-memory fake of the store port
// (test/storage/store-contract.test.ts holds the fake to the real store on every database). The whole
// conversation through Teams and the database stays in test/bot/debrief*.test.ts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import type { Actor } from "../../src/domain/access/actor.ts";
import type { DebriefDraft } from "../../src/domain/debrief/debrief-flow.ts";
import type { RawValues } from "../../src/domain/debrief/step-answers.ts";
import { answerDebriefStep, stepBack } from "../../src/use-cases/debrief/answer-step.ts";
import { confirmDebrief, type ConfirmDebriefResult } from "../../src/use-cases/debrief/confirm-debrief.ts";
import type { DebriefUseCaseDeps, Shown } from "../../src/use-cases/debrief/debrief-deps.ts";
import { overrideDebrief } from "../../src/use-cases/debrief/override-debrief.ts";
import { reopenDebrief } from "../../src/use-cases/debrief/reopen-debrief.ts";
import { startDebrief } from "../../src/use-cases/debrief/start-debrief.ts";
import { addPerson, createFakeStore, newTeam, type FakeStore } from "../support/fake-store.ts";

const TODAY = "2026-11-22";
const ladders = loadLadderProfiles();

function world(profileId = "participatieladder-6") {
  const store = createFakeStore();
  const noord = { ...newTeam("Noord"), ladderProfileId: profileId };
  const zuid = newTeam("Zuid");
  store.data.teams.push(noord, zuid);
  const coach = addPerson(store, "Coach Noord", ["COACH"], noord.id);
  const otherCoach = addPerson(store, "Collega Noord", ["COACH"], noord.id);
  const supervisor = addPerson(store, "Werkbegeleider Noord", ["SUPERVISOR"], noord.id);
  const zuidCoach = addPerson(store, "Coach Zuid", ["COACH"], zuid.id);
  const client = (key: string, teamId: string, coachId: string, closed = false) => {
    const id = randomUUID();
    store.data.clients.push({
      id,
      teamId,
      coachId,
      externalKey: key,
      displayName: `Klant ${key}`,
      wijk: "Selwerd",
      erased: false,
      closed,
      closedAt: closed ? new Date("2026-01-01T00:00:00Z") : null,
    });
    return id;
  };
  const clients = {
    mine: client("K-1", noord.id, coach.staffId),
    closed: client("K-2", noord.id, coach.staffId, true),
    zuid: client("K-9", zuid.id, zuidCoach.staffId),
  };
  const deps: DebriefUseCaseDeps = {
    store: store.debrief,
    ladders: { view: (id) => ladders.view(id), defaultId: ladders.default.id },
    today: TODAY,
  };
  return { store, deps, coach, otherCoach, supervisor, zuidCoach, clients };
}
type World = ReturnType<typeof world>;

const refusals = (store: FakeStore) => store.data.audit.filter((e) => e.action === "refused").map((e) => e.details);

function shown(r: { kind: string }): Shown {
  if (r.kind !== "show") throw new Error(`expected a card, got ${r.kind}`);
  return r as Shown;
}

function stored(r: ConfirmDebriefResult) {
  if (r.kind !== "stored") throw new Error(`expected a stored debrief, got ${JSON.stringify(r.kind === "show" ? r.screen.problems : r)}`);
  return r;
}

const contact = (clientId: string) => ({ clientId, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
const ladderValues = (answers: Record<string, string>) => Object.fromEntries(Object.entries(answers).map(([id, v]) => [`ladder_${id}`, v]));
const FIRST_VERDIEPING = { startkwalificatie: "nee", ontheffingArbeidsplicht: "nee" };
const PROPOSAL_CARD = { expectedRung: "4", horizonMonths: "12", growthPotential: "ja", outcome: "wijkteam" };

/** A coach's first debrief of their client up to the proposal card: contact, situation, verdieping. */
async function toProposal(w: World, ladder: Record<string, string>, actor: Actor = w.coach): Promise<Shown> {
  let draft = shown(await startDebrief(w.deps, actor, { draftId: randomUUID() })).draft;
  draft = shown(await answerDebriefStep(w.deps, actor, { draft, values: contact(w.clients.mine) })).draft;
  draft = shown(
    await answerDebriefStep(w.deps, actor, {
      draft,
      values: { ...ladderValues(ladder), domain_werk_opleiding: "2" },
    }),
  ).draft;
  return shown(await answerDebriefStep(w.deps, actor, { draft, values: FIRST_VERDIEPING }));
}

describe("start a debrief (use case, fake store)", () => {
  it("opens the first card without a client, or with a client of the coach's own caseload", async () => {
    const w = world();
    const blank = await startDebrief(w.deps, w.coach, { draftId: randomUUID() });
    expect(blank).toMatchObject({ kind: "show", client: null, screen: { step: "contact" }, draft: { clientId: null } });
    const chosen = await startDebrief(w.deps, w.coach, { draftId: randomUUID(), clientId: w.clients.mine, prefill: { kind: "KANTOOR" } });
    expect(chosen).toMatchObject({
      kind: "show",
      client: { client: { id: w.clients.mine, displayName: "Klant K-1" } },
      screen: { step: "contact" },
      draft: { clientId: w.clients.mine, prefill: { kind: "KANTOOR" } },
    });
    expect(refusals(w.store)).toEqual([]);
  });

  it.each([
    ["another team's client", "zuid"],
    ["a closed client", "closed"],
    ["an unknown id", "unknown"],
  ] as const)("refuses %s named by a card, and audits the refusal", async (_, which) => {
    const w = world();
    const clientId = which === "unknown" ? randomUUID() : w.clients[which];
    expect(await startDebrief(w.deps, w.coach, { draftId: randomUUID(), clientId })).toEqual({ kind: "refused" });
    expect(refusals(w.store)).toEqual([{ reason: "client_out_of_scope", step: "start" }]);
  });
});

describe("answer the steps through to the proposal (use case, fake store)", () => {
  it.each([
    [
      "participatieladder-6",
      { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "nee", sociaalContact: "alleenFunctioneelOfOnline" },
      1,
      [],
    ],
    ["participatieladder-6", { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" }, 3, []],
    ["participatieladder-6", { betaaldWerk: "ja", ondersteuning: "instrument,wsw" }, 5, ["instrument", "wsw"]],
    ["participatieladder-6", { betaaldWerk: "ja", ondersteuning: "geen" }, 6, []],
    ["ontwikkelladder-7", { werk: "nee", plaatsbaar: "nee", lerenErvaren: "nee", actief: "sporadisch" }, 2, []],
    ["ontwikkelladder-7", { werk: "nee", plaatsbaar: "nee", lerenErvaren: "ja" }, 4, []],
    ["ontwikkelladder-7", { werk: "uitstroom" }, 7, []],
  ])("%s: %j proposes rung %i", async (profileId, ladder, rung, rung5Reasons) => {
    const w = world(profileId);
    const r = await toProposal(w, ladder);
    expect(r.screen.step).toBe("proposal");
    expect(r.screen.ctx.view.id).toBe(profileId);
    expect(r.screen.proposal?.proposal).toMatchObject({ rung, rung5Reasons });
    // a first debrief: nothing to compare with, so no review for the proposal as it is
    expect(r.screen.proposal?.approval.reasons).toEqual([]);
    expect(r.draft.trail).toEqual(["contact", "observations", "verdieping"]);
    expect(r.draft.domains).toMatchObject({ werk_opleiding: 2 });
    expect(w.store.data.reviews).toEqual([]); // nothing is stored before the coach confirms
  });

  it("ends at the first card when the client was not reached, recording the visit once", async () => {
    const w = world();
    const draft = shown(await startDebrief(w.deps, w.coach, { draftId: randomUUID() })).draft;
    const values = { ...contact(w.clients.mine), reached: "nee", kind: "TELEFONISCH" };
    for (let i = 0; i < 2; i++)
      expect(await answerDebriefStep(w.deps, w.coach, { draft, values })).toMatchObject({
        kind: "not_reached",
        client: { client: { id: w.clients.mine } },
        date: "2026-11-21",
      });
    expect(w.store.data.contacts).toMatchObject([{ clientId: w.clients.mine, kind: "TELEFONISCH", reached: false }]);
  });
});

describe("confirm or adjust the proposal (use case, fake store)", () => {
  it.each([
    ["participatieladder-6", { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" }, 3],
    ["ontwikkelladder-7", { werk: "nee", plaatsbaar: "nee", lerenErvaren: "ja" }, 4],
  ])("%s: confirming stores the proposal with the substep as final", async (profileId, ladder, rung) => {
    const w = world(profileId);
    const { draft } = await toProposal(w, ladder);
    const r = stored(
      await confirmDebrief(w.deps, w.coach, { draft, values: { ...PROPOSAL_CARD, expectedRung: String(rung + 1), nextStep: `${rung}.2` } }),
    );
    expect(r).toMatchObject({
      status: "FINAL",
      reviewReasons: [],
      created: true,
      final: { rung, substep: 2, overrideReason: null },
    });
    expect(w.store.data.reviews).toMatchObject([
      {
        classificationId: r.classificationId,
        profileId,
        proposedRung: rung,
        proposedSubstep: 2,
        finalRung: rung,
        finalSubstep: 2,
        overrideReason: null,
      },
    ]);
    expect((await w.store.debrief.findClient(w.coach, w.clients.mine))?.previous).toMatchObject({
      rung,
      substep: 2,
      growthPotential: "ja",
    });
    // a double click: the same classification, not a second one
    expect(
      await confirmDebrief(w.deps, w.coach, { draft, values: { ...PROPOSAL_CARD, expectedRung: String(rung + 1), nextStep: `${rung}.2` } }),
    ).toMatchObject({
      classificationId: r.classificationId,
      created: false,
    });
    expect(w.store.data.reviews).toHaveLength(1);
  });

  it("stores the coach's adjustment with the reason, and asks the supervisor", async () => {
    const w = world();
    const { draft } = await toProposal(w, { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" });
    const reason = "Doet sinds vorige week vrijwilligerswerk";
    const r = stored(
      await overrideDebrief(w.deps, w.coach, {
        draft,
        values: { ...PROPOSAL_CARD, nextStep: "3.2", expectedRung: "5", rung: "4.1", reason },
      }),
    );
    expect(r).toMatchObject({
      status: "PENDING_REVIEW",
      reviewReasons: ["OVERRIDE"],
      final: { rung: 4, substep: 1, overrideReason: reason },
    });
    const [waiting] = await w.store.review.listPending(w.supervisor);
    expect(waiting).toMatchObject({
      classificationId: r.classificationId,
      proposedRung: 3,
      finalRung: 4,
      finalSubstep: 1,
      overrideReason: reason,
    });
  });

  it.each([
    ["the proposed rung and substep", { nextStep: "3.2", rung: "3.2" }, 2],
    ["the proposed rung without a substep", { rung: "3" }, null],
  ])("treats 'Aanpassen' to %s as a confirmation: final, no review, not shown as adjusted", async (_, choice, substep) => {
    const w = world();
    const { draft } = await toProposal(w, { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" });
    const r = stored(await overrideDebrief(w.deps, w.coach, { draft, values: { ...PROPOSAL_CARD, ...choice, reason: "Klopt toch" } }));
    expect(r).toMatchObject({ status: "FINAL", reviewReasons: [], final: { rung: 3, substep, overrideReason: null } });
    expect(w.store.data.reviews).toMatchObject([{ finalRung: 3, finalSubstep: substep, overrideReason: null }]);
    expect(await w.store.review.countPending(w.supervisor)).toBe(0);
  });
});

describe("a refused submit (use case, fake store)", () => {
  type Case = [string, "answer" | "confirm" | "override", "contact" | "observations" | "proposal", RawValues, Record<string, string>];
  const cases: Case[] = [
    ["a visit in the future", "answer", "contact", { ...contact("CLIENT"), date: "2026-11-30" }, { date: "date_in_future" }],
    ["a missing visit kind", "answer", "contact", { ...contact("CLIENT"), kind: "" }, { kind: "required" }],
    [
      "a stroomschema answer missing on the path",
      "answer",
      "observations",
      { ladder_betaaldWerk: "nee", domain_werk_opleiding: "2" },
      { ladder_onbetaaldWerk: "needed_for_rung" },
    ],
    [
      "a score outside 1..5",
      "answer",
      "observations",
      { ...ladderValues({ betaaldWerk: "nee", onbetaaldWerk: "wekelijks" }), domain_werk_opleiding: "7" },
      { domain_werk_opleiding: "invalid_choice" },
    ],
    ["no outcome", "confirm", "proposal", { ...PROPOSAL_CARD, nextStep: "3.2", outcome: "" }, { outcome: "required" }],
    ["a substep of another rung", "confirm", "proposal", { ...PROPOSAL_CARD, nextStep: "4.2" }, { nextStep: "substep_not_of_rung" }],
    [
      "an expectation below the rung, not confirmed",
      "confirm",
      "proposal",
      { ...PROPOSAL_CARD, nextStep: "3.2", expectedRung: "2", growthPotential: "nee" },
      { confirmExpectation: "confirm_expectation" },
    ],
    [
      "an adjustment without a reason",
      "override",
      "proposal",
      { ...PROPOSAL_CARD, nextStep: "3.2", expectedRung: "5", rung: "4.1", reason: "" },
      { reason: "required" },
    ],
    [
      "an adjustment to a rung the ladder lacks",
      "override",
      "proposal",
      { ...PROPOSAL_CARD, rung: "9", reason: "Hoger" },
      { rung: "invalid_choice" },
    ],
  ];

  it.each(cases)("%s keeps the card and every value, and names the field", async (_, useCase, step, raw, problems) => {
    const w = world();
    const values = JSON.parse(JSON.stringify(raw).replaceAll("CLIENT", w.clients.mine)) as RawValues;
    let draft: DebriefDraft;
    if (step === "proposal") draft = (await toProposal(w, { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" })).draft;
    else {
      draft = shown(await startDebrief(w.deps, w.coach, { draftId: randomUUID() })).draft;
      if (step === "observations")
        draft = shown(await answerDebriefStep(w.deps, w.coach, { draft, values: contact(w.clients.mine) })).draft;
    }
    const run = { answer: answerDebriefStep, confirm: confirmDebrief, override: overrideDebrief }[useCase];
    const r = shown(await run(w.deps, w.coach, { draft, values }));
    expect(r.screen.step).toBe(step);
    expect(r.screen.problems).toEqual(problems);
    expect(r.screen.values).toEqual(values);
    expect(r.draft).toEqual(draft); // nothing answered, nothing lost
    if (useCase === "override") expect(r.screen.overrideOpen).toBe(true);
    expect(w.store.data.reviews).toEqual([]);
  });
});

describe("a client id from out of scope (use case, fake store)", () => {
  it("is refused on the first card and audited, keeping the card", async () => {
    const w = world();
    const draft = shown(await startDebrief(w.deps, w.coach, { draftId: randomUUID() })).draft;
    const values = contact(w.clients.zuid);
    const r = shown(await answerDebriefStep(w.deps, w.coach, { draft, values }));
    expect(r.screen).toMatchObject({ step: "contact", problems: { "": "not_in_caseload", clientId: "not_in_caseload" }, values });
    expect(r.draft.clientId).toBeNull();
    expect(refusals(w.store)).toEqual([{ reason: "client_out_of_scope", step: "contact" }]);
    expect(w.store.data.contacts).toEqual([]);
  });

  it.each([
    ["answer", "answer"],
    ["confirm", "confirm"],
    ["override", "override"],
  ] as const)("in a forged draft is refused by %s and audited, storing nothing", async (useCase, step) => {
    const w = world();
    const { draft } = await toProposal(w, { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" });
    const forged = { ...draft, clientId: w.clients.zuid };
    const values = useCase === "override" ? { rung: "nonsense" } : { ...PROPOSAL_CARD, nextStep: "3.2" };
    const run = { answer: answerDebriefStep, confirm: confirmDebrief, override: overrideDebrief }[useCase];
    expect(await run(w.deps, w.coach, { draft: forged, values })).toEqual({ kind: "refused" });
    expect(refusals(w.store)).toEqual([{ reason: "client_out_of_scope", step }]);
    expect(w.store.data.reviews).toEqual([]);
  });

  it("is refused when the client left the coach's caseload before the confirmation", async () => {
    const w = world();
    const { draft } = await toProposal(w, { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" });
    w.store.data.clients.find((c) => c.id === w.clients.mine)!.coachId = w.otherCoach.staffId;
    expect(await confirmDebrief(w.deps, w.coach, { draft, values: { ...PROPOSAL_CARD, nextStep: "3.2" } })).toEqual({ kind: "refused" });
    expect(w.store.data.reviews).toEqual([]);
  });
});

describe("reopen a sent-back debrief (use case, fake store)", () => {
  async function sentBack(w: World) {
    const { draft } = await toProposal(w, { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" });
    const r = stored(
      await overrideDebrief(w.deps, w.coach, {
        draft,
        values: {
          ...PROPOSAL_CARD,
          nextStep: "3.2",
          expectedRung: "5",
          rung: "4.1",
          horizonMonths: "6",
          nextContactDate: "2026-12-15",
          reason: "Vrijwilligerswerk",
        },
      }),
    );
    await w.store.review.decide({
      actor: w.supervisor,
      classificationId: r.classificationId,
      decision: "return",
      note: "Graag onderbouwen",
      now: new Date("2026-11-23T09:00:00Z"),
    });
    return r.classificationId;
  }

  it("opens the proposal again with the coach's answers, the note, and a trail derived from the steps", async () => {
    const w = world();
    const classificationId = await sentBack(w);
    expect(await w.store.debrief.listSentBack(w.coach)).toMatchObject([{ classificationId, reviewNote: "Graag onderbouwen" }]);
    const r = await reopenDebrief(w.deps, w.coach, { classificationId, draftId: randomUUID() });
    if (r.kind !== "show") throw new Error(r.kind);
    expect(r.screen.step).toBe("proposal");
    expect(r.draft).toMatchObject({
      clientId: w.clients.mine,
      reopenedFrom: classificationId,
      reviewNote: "Graag onderbouwen",
      contact: { date: "2026-11-21", kind: "HUISBEZOEK", reached: true },
      ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
      verdieping: FIRST_VERDIEPING,
      trail: ["contact", "observations", "verdieping"],
      prefill: {
        nextStep: "voorbereiden",
        expectedRung: "5",
        horizonMonths: "6",
        growthPotential: "ja",
        outcome: "wijkteam",
        nextContactDate: "2026-12-15",
      },
    });
    // "Terug" walks the derived trail: the verdieping card again, with its answers
    const back = await stepBack(w.deps, w.coach, { draft: r.draft });
    expect(back.screen.step).toBe("verdieping");
    expect(back.draft.prefill).toMatchObject({ v_startkwalificatie: "nee", v_ontheffingArbeidsplicht: "nee" });
  });

  it.each([
    ["another coach", "other", "return"],
    ["an approved classification", "coach", "approve"],
    ["an unknown id", "coach", "unknown"],
  ] as const)("refuses to reopen for %s, and audits it", async (_, who, decision) => {
    const w = world();
    const { draft } = await toProposal(w, { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" });
    const r = stored(
      await overrideDebrief(w.deps, w.coach, {
        draft,
        values: { ...PROPOSAL_CARD, nextStep: "3.2", expectedRung: "5", rung: "4.1", reason: "Hoger" },
      }),
    );
    if (decision !== "unknown")
      await w.store.review.decide({ actor: w.supervisor, classificationId: r.classificationId, decision, note: null, now: new Date() });
    const id = decision === "unknown" ? randomUUID() : r.classificationId;
    const actor = who === "other" ? w.otherCoach : w.coach;
    expect(await reopenDebrief(w.deps, actor, { classificationId: id, draftId: randomUUID() })).toEqual({ kind: "refused" });
    expect(refusals(w.store)).toEqual([{ reason: "reopen_forbidden" }]);
  });
});

// Cards filled and clicked in the official renderer emit exactly what the bot's handlers parse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardExamples } from "../../scripts/lib/card-examples.ts";
import { ExportSubmit } from "../../src/bot/handlers/caseload-export.handler.ts";
import { MoreSubmit } from "../../src/bot/handlers/caseload.handler.ts";
import { Submit } from "../../src/bot/handlers/debrief.handler.ts";
import { DecisionData } from "../../src/bot/handlers/review.handler.ts";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { parseOverride } from "../../src/domain/debrief/step-answers.ts";
import { STEPS } from "../../src/domain/debrief/steps.ts";
import { debriefExampleScreens } from "../../scripts/lib/debrief-examples.ts";
import { CaseloadQuery } from "../../src/domain/caseload/caseload-query.ts";
import { openCardBrowser, type CardBrowser } from "../support/card-browser.ts";

const view = loadLadderProfiles().view("participatieladder-6");
const example = (name: string) => cardExamples("nl").find((e) => e.name === name)!.card;
const draftId = "0b9e5a3c-1d2f-4e6a-8b7c-9d0e1f2a3b4c";
const clientId = "6f1c1f7e-8d2b-4c1a-9f0e-2b7d1e3a4c5d";

describe("card payloads from the official renderer", () => {
  let browser: CardBrowser;
  beforeAll(async () => (browser = await openCardBrowser()));
  afterAll(async () => browser?.close());

  const screens = debriefExampleScreens(view);

  it("contact step: picking a client, date, kind and 'reached' gives what the debrief parses", async () => {
    const card = await browser.render(example("debrief-contact"));
    await card.fill({ clientId, date: "2026-11-20", kind: "TELEFONISCH", reached: "nee" });
    const emitted = await card.click("Volgende");
    expect(emitted.type).toBe("Action.Submit");
    expect(Submit.parse(emitted.data)).toEqual({ verb: "debrief.next", draftId, seq: 0 });
    expect(STEPS.contact.parse(screens.contact.ctx, emitted.data)).toEqual({
      ok: true,
      value: { clientId, contact: { date: "2026-11-20", kind: "TELEFONISCH", reached: false } },
    });
  });

  it("a sent-back classification has its own button next to its text on the first card, and it reopens it", async () => {
    const card = await browser.render(example("debrief-contact"));
    const emitted = await card.click("Verslag aanpassen");
    expect(emitted.data).toEqual({ verb: "debrief.reopen", classificationId: "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b" });
  });

  it("the situation card: the stroomschema's questions answered by clicks parse as the path's answers, the rest is ignored", async () => {
    const card = await browser.render(example("debrief-ladder-question"));
    await card.fill({
      ladder_betaaldWerk: "nee",
      ladder_onbetaaldWerk: "nee",
      ladder_georganiseerd: "wekelijks",
      ladder_ondersteuning: "instrument",
      domain_werk_opleiding: "3",
      verdiepingChange: "unchanged",
    });
    const emitted = await card.click("Volgende");
    expect(STEPS.observations.parse(screens.situation.ctx, emitted.data)).toEqual({
      ok: true,
      value: {
        ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
        domains: {
          werk_opleiding: 3,
          tijdsbesteding: null,
          sociaal_netwerk: null,
          maatschappelijke_participatie: null,
        },
        verdiepingChange: "unchanged",
      },
    });
    expect(Submit.parse(emitted.data).seq).toBe(1);
  });

  it("'Terug' and 'Annuleren' send no inputs, only the verb and the draft", async () => {
    const card = await browser.render(example("debrief-ladder-question"));
    expect((await card.click("Terug")).data).toEqual({ verb: "debrief.back", draftId, seq: 1 });
    expect((await card.click("Annuleren")).data).toEqual({ verb: "debrief.cancel", draftId, seq: 1 });
  });

  it("proposal: 'Bevestigen' sends the substep, expectation and outcome; 'Aanpassen' sends one choice of rung and substep with a reason", async () => {
    const card = await browser.render(example("debrief-proposal"));
    await card.fill({ nextStep: "3.2", expectedRung: "4", growthPotential: "ja", outcome: "werk" });
    const confirm = await card.click("Bevestigen");
    expect(confirm.data).toMatchObject({
      verb: "debrief.confirm",
      draftId,
      nextStep: "3.2",
      expectedRung: "4",
      growthPotential: "ja",
      outcome: "werk",
    });
    expect(STEPS.proposal.parse(screens.proposal.ctx, confirm.data).ok).toBe(true);
    await expect(card.click("Aanpassen")).rejects.toThrow(/emitted nothing/); // it opens the form
    await card.fill({ rung: "4.1", reason: "Doet nu wekelijks vrijwilligerswerk" });
    const emitted = await card.click("Aangepast bevestigen");
    expect(emitted.data).toMatchObject({ verb: "debrief.override", draftId });
    expect(parseOverride(view, emitted.data)).toEqual({
      ok: true,
      value: { rung: 4, substep: 1, reason: "Doet nu wekelijks vrijwilligerswerk" },
    });
    // only the chosen rung's substeps exist as choices: no "4.2" under rung 3
    expect(parseOverride(view, { rung: "3", substep: "4.2", reason: "Toch trede 3" })).toEqual({
      ok: false,
      problems: { rung: "substep_not_of_rung" },
    });
  });

  it("proposal after a refused adjustment: the panel is open with the chosen rung, and its errors sit next to the fields", async () => {
    const card = await browser.render(example("debrief-proposal-override-open"));
    const text = await card.text();
    expect(text).toContain("Geef een reden");
    await card.fill({ reason: "Werkt sinds maandag als vrijwilliger" });
    const emitted = await card.click("Aangepast bevestigen");
    expect(emitted.data).toMatchObject({
      verb: "debrief.override",
      rung: "4.1",
      nextStep: "3.2",
      expectedRung: "4",
      reason: "Werkt sinds maandag als vrijwilliger",
    });
  });

  it("proposal asking to confirm an unusual expectation: the toggle sends 'true'", async () => {
    const card = await browser.render(example("debrief-proposal-confirm-expectation"));
    expect(await card.text()).toContain("Klopt het dat de verwachte trede (2) lager ligt dan de huidige (3)?");
    await card.fill({ confirmExpectation: true });
    const emitted = await card.click("Bevestigen");
    expect(emitted.data).toMatchObject({ confirmExpectation: "true", expectedRung: "2" });
    expect(STEPS.proposal.parse(screens.proposal.ctx, emitted.data)).toMatchObject({
      ok: true,
      value: { expectationConfirmed: "below_current" },
    });
  });

  it("review: rejecting with a reason is an Action.Execute the review handler parses", async () => {
    const card = await browser.render(example("review-request-supervisor"));
    await card.click("Afwijzen").catch(() => {});
    await card.fill({ rejectNote: "Graag eerst de cursus afronden" });
    const emitted = await card.click("Afwijzing versturen");
    expect(emitted.type).toBe("Action.Execute");
    expect(emitted.verb).toBe("review.reject");
    expect(DecisionData.parse(emitted.data)).toMatchObject({ rejectNote: "Graag eerst de cursus afronden" });
    const approve = await card.click("Akkoord");
    expect(approve).toMatchObject({ type: "Action.Execute", verb: "review.approve" });
  });

  it("caseload list: 'Meer' carries the query and the next page", async () => {
    const card = await browser.render(example("caseload-list"));
    expect(await card.text()).toContain("Klanten op trede 1 met verwachte trede hoger dan de huidige, team Noord — 23 klanten");
    const emitted = await card.click("Meer");
    const more = MoreSubmit.parse(emitted.data);
    expect(more.page).toBe(1);
    expect(CaseloadQuery.parse(JSON.parse(more.query))).toEqual({
      measure: "list",
      filters: { rungs: [1], expected: { op: "aboveCurrent" } },
    });
  });

  it("caseload list: 'Exporteer CSV' carries the list's query, which the export handler parses", async () => {
    const card = await browser.render(example("caseload-list"));
    const exported = ExportSubmit.parse((await card.click("Exporteer CSV")).data);
    expect(exported.locale).toBe("nl");
    expect(CaseloadQuery.parse(JSON.parse(exported.query))).toEqual({
      measure: "list",
      filters: { rungs: [1], expected: { op: "aboveCurrent" } },
    });
  });
});

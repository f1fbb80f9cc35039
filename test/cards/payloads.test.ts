// Cards filled and clicked in the official renderer emit exactly what the bot's handlers parse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardExamples } from "../../scripts/lib/card-examples.ts";
import { ExportSubmit } from "../../src/bot/handlers/caseload-export.handler.ts";
import { MoreSubmit } from "../../src/bot/handlers/caseload.handler.ts";
import { Submit } from "../../src/bot/handlers/debrief.handler.ts";
import { DecisionData } from "../../src/bot/handlers/review.handler.ts";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { answerStep, startDraft } from "../../src/domain/debrief/debrief-flow.ts";
import { parseOverride, parseStepAnswer } from "../../src/domain/debrief/step-answers.ts";
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

  it("contact step: picking a client, date, kind and 'reached' gives what the debrief parses", async () => {
    const card = await browser.render(example("debrief-contact"));
    await card.fill({ clientId, date: "2026-11-20", kind: "TELEFONISCH", reached: "nee" });
    const emitted = await card.click("Volgende");
    expect(emitted.type).toBe("Action.Submit");
    expect(Submit.parse(emitted.data)).toEqual({ verb: "debrief.next", draftId, seq: 0 });
    const draft = { ...startDraft({ draftId }), clientId };
    expect(parseStepAnswer(view, draft, "contact", emitted.data, { today: "2026-11-22" })).toEqual({
      ok: true,
      value: { clientId, contact: { date: "2026-11-20", kind: "TELEFONISCH", reached: false } },
    });
  });

  it("a ladder question answered by a click parses as that answer", async () => {
    const card = await browser.render(example("debrief-ladder-question"));
    await card.fill({ answer: "ja" });
    const emitted = await card.click("Volgende");
    const draft = answerStep({ ...startDraft({ draftId }), clientId }, "contact", { date: "2026-11-21", kind: "HUISBEZOEK", reached: true });
    expect(parseStepAnswer(view, draft, "ladder:betaaldWerk", emitted.data, { today: "2026-11-22" })).toEqual({ ok: true, value: "ja" });
    expect(Submit.parse(emitted.data).seq).toBe(1);
  });

  it("'Terug' and 'Annuleren' send no inputs, only the verb and the draft", async () => {
    const card = await browser.render(example("debrief-ladder-question"));
    expect((await card.click("Terug")).data).toEqual({ verb: "debrief.back", draftId, seq: 1 });
    expect((await card.click("Annuleren")).data).toEqual({ verb: "debrief.cancel", draftId, seq: 1 });
  });

  it("proposal: 'Aanpassen' opens the override form; its submit carries rung, substep and reason", async () => {
    const card = await browser.render(example("debrief-proposal"));
    await expect(card.click("Aanpassen")).rejects.toThrow(/emitted nothing/); // it opens the form
    await card.fill({ rung: "4", substep: "none", reason: "Doet nu wekelijks vrijwilligerswerk" });
    const emitted = await card.click("Aangepast bevestigen");
    expect(emitted.data).toMatchObject({ verb: "debrief.override", draftId });
    expect(parseOverride(view, emitted.data)).toEqual({ ok: true, value: { rung: 4, substep: null, reason: "Doet nu wekelijks vrijwilligerswerk" } });
    const confirm = await card.click("Bevestigen");
    expect(confirm.data).toEqual({ verb: "debrief.confirm", draftId, seq: expect.any(Number) });
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
    expect(CaseloadQuery.parse(JSON.parse(more.query))).toEqual({ measure: "list", filters: { rungs: [1], expected: { op: "aboveCurrent" } } });
  });

  it("caseload list: 'Exporteer CSV' carries the list's query, which the export handler parses", async () => {
    const card = await browser.render(example("caseload-list"));
    const exported = ExportSubmit.parse((await card.click("Exporteer CSV")).data);
    expect(exported.locale).toBe("nl");
    expect(CaseloadQuery.parse(JSON.parse(exported.query))).toEqual({ measure: "list", filters: { rungs: [1], expected: { op: "aboveCurrent" } } });
  });
});

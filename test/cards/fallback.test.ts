// A card whose template fails to expand falls back to a plain card that still works: the essential text,
// the same actions with the same payloads, so no review or debrief is blocked. The failure is logged
// with a correlation id and no names. Here the template engine itself fails for every card.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Submit } from "../../src/bot/handlers/debrief.handler.ts";
import { DecisionData } from "../../src/bot/handlers/review.handler.ts";
import { reportCardFailuresTo, type CardFailure } from "../../src/cards/render-card.ts";
import { openCardBrowser, type CardBrowser } from "../support/card-browser.ts";
import { validateCardSchema } from "../support/card-schema.ts";
import { classificationId, draftId, hostileCards } from "./hostile-cards.ts";

vi.mock("adaptivecards-templating", () => ({
  Template: class {
    expand(): never {
      throw new Error("template engine failure");
    }
  },
}));

const NAME = "Jansen [Klik](https://evil.example) ${labels.approve}";
// before the cards below are rendered (while tests are collected)
const failures: CardFailure[] = [];
reportCardFailuresTo((f) => failures.push(f));

describe("a card that fails to render", () => {
  let browser: CardBrowser;
  beforeAll(async () => (browser = await openCardBrowser()));
  afterAll(async () => browser?.close());

  it.each(hostileCards(NAME).map((c) => [c.name, c] as const))(
    "%s falls back to a valid plain card with the essential text",
    async (_name, { card, inOption }) => {
      expect(validateCardSchema(card)).toEqual([]);
      const rendered = await browser.render(card);
      expect(rendered.errors).toEqual([]);
      const text = await rendered.text();
      expect(text).toMatch(/Deze kaart wordt in eenvoudige vorm getoond \(code [0-9a-f]{8}\)/);
      if (!inOption) expect(text.replace(/\s+/g, " ")).toContain(NAME);
      expect(await rendered.texts("a")).toEqual([]);
    },
  );

  it("logs every failure with the card's name and a correlation id, never the text it showed", () => {
    failures.length = 0;
    const cards = hostileCards(NAME);
    expect(failures.map((f) => f.card).sort()).toEqual(cards.map((c) => c.template).sort());
    for (const f of failures) {
      expect(f).toMatchObject({ event: "card.render_failed", correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(JSON.stringify(f)).not.toContain("Jansen");
    }
  });

  it("the plain review card still approves, rejects with a note and returns with a note", async () => {
    const card = hostileCards(NAME).find((c) => c.name === "review-request-supervisor")!.card;
    expect((card.refresh as any).action).toMatchObject({ verb: "review.refresh", data: { classificationId } });
    const rendered = await browser.render(card);
    const approve = await rendered.click("Akkoord");
    expect(approve).toMatchObject({ type: "Action.Execute", verb: "review.approve" });
    expect(DecisionData.parse(approve.data)).toMatchObject({ classificationId });
    await rendered.click("Afwijzen").catch(() => {});
    await rendered.fill({ rejectNote: "Graag eerst de cursus afronden" });
    const reject = await rendered.click("Afwijzing versturen");
    expect(reject.verb).toBe("review.reject");
    expect(DecisionData.parse(reject.data)).toMatchObject({
      classificationId,
      rejectNote: "Graag eerst de cursus afronden",
    });
    await rendered.click("Terug naar coach").catch(() => {});
    await rendered.fill({ returnNote: "Klopt de trede?" });
    const ret = await rendered.click("Terugsturen");
    expect(ret.verb).toBe("review.return");
    expect(DecisionData.parse(ret.data)).toMatchObject({ classificationId, returnNote: "Klopt de trede?" });
  });

  it("the plain debrief cards still go on: answer a step, confirm or adjust the proposal", async () => {
    const step = await browser.render(hostileCards(NAME).find((c) => c.name === "debrief-ladder-question")!.card);
    await step.fill({ ladder_betaaldWerk: "ja", ladder_ondersteuning: "instrument", verdiepingChange: "unchanged" });
    const next = await step.click("Volgende");
    expect(Submit.parse(next.data)).toMatchObject({ verb: "debrief.next", draftId });
    expect(next.data).toMatchObject({ ladder_betaaldWerk: "ja", ladder_ondersteuning: "instrument" });

    const proposal = await browser.render(hostileCards(NAME).find((c) => c.name === "debrief-proposal")!.card);
    await proposal.fill({ nextStep: "3.2", expectedRung: "4", growthPotential: "ja", outcome: "werk" });
    expect((await proposal.click("Bevestigen")).data).toMatchObject({
      verb: "debrief.confirm",
      draftId,
      nextStep: "3.2",
      expectedRung: "4",
    });
    await proposal.click("Aanpassen").catch(() => {});
    await proposal.fill({ rung: "4", reason: "Werkt nu als vrijwilliger" });
    const override = await proposal.click("Aangepast bevestigen");
    expect(override.data).toMatchObject({
      verb: "debrief.override",
      draftId,
      rung: "4",
      reason: "Werkt nu als vrijwilliger",
    });
  });

  it("the plain caseload answer keeps 'Meer' and the plain review list opens a review", async () => {
    const list = await browser.render(hostileCards(NAME).find((c) => c.name === "caseload-list")!.card);
    expect((await list.click("Meer")).data).toMatchObject({ verb: "caseload.more", page: 1 });
    const reviews = hostileCards(NAME).find((c) => c.name === "review-list")!.card;
    expect(JSON.stringify(reviews.body)).toContain(JSON.stringify({ verb: "review.open", classificationId }));
  });
});

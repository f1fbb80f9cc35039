// The cards Trede sends on its own, rendered and clicked in the official renderer: each button emits exactly
// what the handler it reaches parses, and the digest degrades to a table where a host draws no charts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationCardExamples } from "../../scripts/lib/notification-card-examples.ts";
import { StartForClientSubmit } from "../../src/bot/handlers/debrief.handler.ts";
import { openCardBrowser, type CardBrowser } from "../support/card-browser.ts";

const example = (name: string, locale: "nl" | "en" = "nl") => notificationCardExamples(locale).find((e) => e.name === name)!.card;

describe("nudge, digest and waiting-review cards in the official renderer", () => {
  let browser: CardBrowser;
  beforeAll(async () => (browser = await openCardBrowser()));
  afterAll(async () => browser?.close());

  it("nudge: one line per client with its reason, and 'Verslag' starts a debrief for that client", async () => {
    const card = await browser.render(example("nudge"));
    const text = await card.text();
    expect(text).toContain("Deze 5 klanten vragen deze week aandacht");
    expect(text).toMatch(/Jansen, Anna\s+GR-100010 · Uit beeld op 20 dec 2026/);
    expect(text).toContain("Indeling teruggestuurd door de werkbegeleider");
    expect(text).toContain("Trede laatst gemeten op 2 mei 2026");
    expect(text).toContain("En nog 2 klanten");
    // lines: Jansen (out of beeld soonest), Visser (sent back), Bakker (due); the renderer clicks the last
    const emitted = await card.click("Verslag");
    expect(emitted.type).toBe("Action.Submit");
    expect(StartForClientSubmit.parse(emitted.data)).toEqual({
      verb: "debrief.start",
      clientId: "6f1c1f7e-8d2b-4c1a-9f0e-000000000002",
    });
  });

  it("nudge in English", async () => {
    const text = await (await browser.render(example("nudge", "en"))).text();
    expect(text).toContain("These 5 clients need attention this week");
    expect(text).toContain("Out of view on 20 Dec 2026");
  });

  it("digest: in beeld against the target, the trend as a table where charts are not drawn, small wijken suppressed", async () => {
    const digest = example("digest");
    expect(digest.body!.find((e: any) => e.type === "Chart.Line")).toMatchObject({
      data: [{ legend: "In beeld" }, { legend: "Doel" }],
    });
    const text = await (await browser.render(digest)).text();
    expect(text).toContain("In beeld: 83% (doel 90%)");
    expect(text).toContain("35 van 42 klanten");
    expect(text).toContain("In beeld, laatste 12 weken");
    expect(text).toMatch(/Beijum\s+90%\s+20/);
    expect(text).toMatch(/Paddepoel\s+< 5\s+< 5/);
    expect(text).toContain("Wachten langer dan 5 werkdagen op akkoord: 1");
    expect(text).toContain("De Boer, Kees · Sanne de Vries · 10 werkdagen");
    expect(text).not.toContain("Smit, Fatima"); // waiting three working days: not yet in the digest
    expect(text).toContain("Beweging deze week: 1 gestegen, 1 gedaald");
    expect(text).toContain("Zonder verwachte trede (onbekend of nog niet ingedeeld): 6 klanten.");
    expect(text).toContain("Niet bereikbaar voor Trede (chat nooit geopend): Lotte Bakker.");
  });

  it("waiting reviews: 'Openen' opens that review", async () => {
    const card = await browser.render(example("waiting-reviews"));
    expect(await card.text()).toContain("2 indelingen wachten op jouw akkoord");
    const emitted = await card.click("Openen");
    expect(emitted.data).toEqual({ verb: "review.open", classificationId: "6f1c1f7e-8d2b-4c1a-9f0e-000000000012" });
  });
});

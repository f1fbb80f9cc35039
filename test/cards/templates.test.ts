import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardExamples } from "../../scripts/lib/card-examples.ts";
import { CARDS_DIR } from "../../src/cards/render-card.ts";
import { openCardBrowser, type CardBrowser } from "../support/card-browser.ts";
import { validateCardSchema } from "../support/card-schema.ts";

const templates = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => path.basename(f, ".json"));
const examples = [...cardExamples("nl"), ...cardExamples("en").map((e) => ({ ...e, name: `${e.name} (en)` }))];

describe("every card template", () => {
  let browser: CardBrowser;
  beforeAll(async () => (browser = await openCardBrowser()));
  afterAll(async () => browser?.close());

  it.each(templates)("%s has an example rendered by its typed renderer", (template) => {
    expect(examples.some((e) => e.template === template)).toBe(true);
  });

  it.each(examples.map((e) => [e.name, e] as const))(
    "%s is a valid Adaptive Card 1.5 for Teams and renders without errors",
    async (_name, example) => {
      expect(validateCardSchema(example.card)).toEqual([]);
      const rendered = await browser.render(example.card);
      expect(rendered.errors).toEqual([]);
      expect((await rendered.text()).length).toBeGreaterThan(10);
    },
  );

  it("flags a card the renderer does not understand", async () => {
    const bad = { type: "AdaptiveCard", version: "1.5", body: [{ type: "Carousel.Nonsense" }, { type: "TextBlock" }] };
    expect(validateCardSchema(bad).length).toBeGreaterThan(0);
    expect((await browser.render(bad)).errors.length).toBeGreaterThan(0);
  });
});

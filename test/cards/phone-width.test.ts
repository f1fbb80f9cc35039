// Every card readable on a phone: each template in cards/ rendered with its sample data (and again with
// long Dutch names and wijk names) by the official renderer with Teams' light host config in a 360 px
// wide page, checked for clipped text, text outside the card and words broken over two lines. One browser
// for all cards; screenshots land in test-results/cards-360/ (gitignored) to look at. Segoe UI is not on
// Linux: Chromium falls back to DejaVu Sans (fonts-dejavu-core, installed by .ci/run), which is wider, so
// a card that passes here has room to spare in Teams.
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardExamples, type CardExample } from "../../scripts/lib/card-examples.ts";
import { CARDS_DIR } from "../../src/cards/render-card.ts";
import { openCardBrowser, type CardBrowser } from "../support/card-browser.ts";
import { findLayoutProblems } from "../support/layout-problems.ts";

const PHONE_WIDTH = 360;
const SHOTS = path.resolve(import.meta.dirname, "../../test-results/cards-360");

/** Sample names replaced by long ones a municipality really has, on the same cards. */
const LONG: [string, string][] = [
  ["Jansen, Anna", "Oosterhuis-van der Wal, Wilhelmina"],
  ["Bakker, Mohamed", "Abdelkader-Bouzidi, Mohammed Rachid"],
  ["Visser, Saskia", "Wiersma-de Boer, Anne-Marije"],
  ["De Boer, Kees", "Nijenhuis-ter Horst, Maximiliaan"],
  ["Sanne de Vries", "Anne-Marieke van den Heuvel-Bouwhuis"],
  ["Jeroen Dijkstra", "Maximiliaan ter Horst-Nijenhuis"],
  ["Selwerd", "Corpus den Hoorn"],
  ["Beijum", "Oosterparkwijk"],
  ["Lewenborg", "De Hoogte-Indische Buurt"],
  ["Paddepoel", "Helpman-Coendersborg"],
];

function withLongNames(example: CardExample): CardExample {
  let json = JSON.stringify(example.card);
  for (const [from, to] of LONG) json = json.split(from).join(to);
  return { ...example, name: `${example.name}.long`, card: JSON.parse(json) };
}

const templates = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => path.basename(f, ".json"));
const examples: CardExample[] = [
  ...cardExamples("nl").map((e) => ({ ...e, name: `${e.name}.nl` })),
  ...cardExamples("en").map((e) => ({ ...e, name: `${e.name}.en` })),
  ...cardExamples("nl").map((e) => withLongNames({ ...e, name: `${e.name}.nl` })),
];

describe(`cards at ${PHONE_WIDTH} px (official renderer, Teams light host config)`, () => {
  let browser: CardBrowser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openCardBrowser({ width: PHONE_WIDTH });
  });
  afterAll(async () => browser?.close());

  it.each(templates)("%s has sample data to be checked at phone width (add it to scripts/lib/card-examples.ts)", (template) => {
    expect(examples.filter((e) => e.template === template).length).toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [e.name, e] as const))(
    "%s: no clipped text, nothing outside the card, no word broken over two lines",
    async (name, example) => {
      const rendered = await browser.render(example.card);
      expect(rendered.errors).toEqual([]);
      // the card really is phone-sized and the page does not scroll sideways
      expect(
        await rendered.evaluate(
          (root) => ({
            card: root.getBoundingClientRect().width <= 360,
            page: document.documentElement.scrollWidth <= 360,
          }),
          null,
        ),
      ).toEqual({ card: true, page: true });
      await rendered.screenshot(path.join(SHOTS, `${name}.png`));
      const problems = await rendered.evaluate(findLayoutProblems, null);
      // every panel behind a button (reject with a reason, adjust the rung), opened one at a time
      const panels = await rendered.evaluate((root) => root.querySelectorAll("button[aria-expanded]").length, null);
      for (let i = 0; i < panels; i++) {
        await rendered.evaluate((root, n) => (root.querySelectorAll("button[aria-expanded]")[n] as HTMLElement).click(), i);
        await rendered.screenshot(path.join(SHOTS, `${name}.panel-${i + 1}.png`));
        problems.push(...(await rendered.evaluate(findLayoutProblems, null)));
      }
      expect(problems).toEqual([]);
    },
  );

  it("finds clipped text (also a dropdown's chosen title), a word broken over two lines and a date broken at its dash (the check can fail)", async () => {
    const bad = {
      type: "AdaptiveCard",
      version: "1.5",
      body: [
        {
          type: "TextBlock",
          text: "Klanten van Anne-Marieke van den Heuvel-Bouwhuis op trede 1 in Corpus den Hoorn",
          wrap: false,
        },
        {
          type: "Input.ChoiceSet",
          id: "rung",
          style: "compact",
          value: "3",
          choices: [{ title: "3 · Deelname aan georganiseerde activiteiten, wekelijks of vaker", value: "3" }],
        },
        {
          type: "ColumnSet",
          columns: [
            {
              type: "Column",
              width: "stretch",
              items: [{ type: "TextBlock", text: "Oosterhuis-van der Wal, Wilhelmina", wrap: true }],
            },
            { type: "Column", width: "auto", items: [{ type: "TextBlock", text: "Laatste contact", wrap: true }] },
            ...["Totaal", "20-02-2026", "Verwacht"].map((text) => ({
              type: "Column",
              width: "28px",
              items: [{ type: "TextBlock", text, wrap: true }],
            })),
          ],
        },
      ],
    };
    const rendered = await browser.render(bad);
    const problems = await rendered.evaluate(findLayoutProblems, null);
    expect(problems.filter((p) => p.kind === "clipped").map((p) => p.text)).toEqual(
      expect.arrayContaining([
        "Klanten van Anne-Marieke van den Heuvel-Bouwhuis op trede 1 in Corpus den Hoorn",
        "3 · Deelname aan georganiseerde activiteiten, wekelijks of vaker",
      ]),
    );
    const broken = problems.filter((p) => p.kind === "word-broken").map((p) => p.text.replace(/\|/, ""));
    expect(broken).toEqual(expect.arrayContaining(["Totaal", "20-02-2026"]));
    // a compound name may break after its hyphen
    expect(broken).not.toContain("Oosterhuis-van");
  });
});

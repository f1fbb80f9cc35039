// Text from people and imports is data: every template, filled with hostile strings in every slot that
// carries such text and rendered by the official renderer (with markdown on, as in Teams), shows the
// text as typed. No template expression is evaluated or trips the renderer, no markdown or HTML becomes
// a link, image, emphasis, heading or list, and characters nobody can see are gone.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecisionData } from "../../src/bot/handlers/review.handler.ts";
import { cardText } from "../../src/cards/card-text.ts";
import { CARDS_DIR } from "../../src/cards/render-card.ts";
import { openCardBrowser, type CardBrowser } from "../support/card-browser.ts";
import { validateCardSchema } from "../support/card-schema.ts";
import { classificationId, hostileCards } from "./hostile-cards.ts";

const HOSTILE: { name: string; text: string; shows: string }[] = [
  { name: "template reference", text: "${labels.approve}", shows: "${labels.approve}" },
  { name: "template root", text: "${$root}", shows: "${$root}" },
  { name: "template function", text: "${if(true, 'x', 'y')}", shows: "${if(true, 'x', 'y')}" },
  {
    name: "markdown link",
    text: "[Klik voor dossier](https://evil.example/phish)",
    shows: "[Klik voor dossier](https://evil.example/phish)",
  },
  {
    name: "markdown image",
    text: "![logo](https://evil.example/pixel.png)",
    shows: "![logo](https://evil.example/pixel.png)",
  },
  { name: "autolink", text: "<https://evil.example/auto>", shows: "<https://evil.example/auto>" },
  {
    name: "emphasis",
    text: "*nadruk* **vet** _schuin_ ~~weg~~ `code`",
    shows: "*nadruk* **vet** _schuin_ ~~weg~~ `code`",
  },
  {
    name: "html",
    text: '<script>alert(1)</script><b>vet</b><a href="https://evil.example">a</a>',
    shows: '<script>alert(1)</script><b>vet</b><a href="https://evil.example">a</a>',
  },
  { name: "entities", text: "&amp; &lt;b&gt; &#65; &copy;", shows: "&amp; &lt;b&gt; &#65; &copy;" },
  {
    name: "block markdown",
    text: "# Kop\n- punt\n1. eerste\n> citaat\n| a | b |\n|---|---|",
    shows: "# Kop - punt 1. eerste > citaat | a | b | |---|---|",
  },
  {
    name: "date formatter",
    text: "{{DATE(2017-02-14T06:08:39Z, SHORT)}}",
    shows: "{{DATE(2017-02-14T06:08:39Z, SHORT)}}",
  },
  { name: "right-to-left override", text: "Jan\u202Egnp.exe", shows: "Jangnp.exe" },
  { name: "zero-width and bidi isolates", text: "An\u200Bna\u2066 \u2069Jan\uFEFFsen\u200E", shows: "Anna Jansen" },
  { name: "controls", text: "Piet\u0000\u0007\u001B[31m\u009B Bos", shows: "Piet[31m Bos" },
  { name: "emoji", text: "Anna 👩‍💻 🇳🇱 😀", shows: "Anna 👩‍💻 🇳🇱 😀" },
  {
    name: "quotes, backslashes, newlines",
    text: 'O\'Brien "de Vries" C:\\map\\n \\\\ `x`\nnieuwe regel',
    shows: 'O\'Brien "de Vries" C:\\map\\n \\\\ `x` nieuwe regel',
  },
];

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
/** elements markdown or HTML would make of user text; the templates themselves produce none of these */
const MARKUP = "a, img, script, em, strong, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, code, pre, del, s, iframe, .ac-textBlock table"; // a FactSet is a <table> of its own

describe("hostile text in every card template", () => {
  let browser: CardBrowser;
  beforeAll(async () => (browser = await openCardBrowser()));
  afterAll(async () => browser?.close());

  it("the renderer under test does render markdown, so a name that became a link would be seen", async () => {
    const raw = await browser.render({
      type: "AdaptiveCard",
      version: "1.5",
      body: [{ type: "TextBlock", text: "[Klik voor dossier](https://evil.example/phish) *nadruk*" }],
    });
    expect(await raw.texts("a")).toEqual(["Klik voor dossier"]);
    expect(await raw.texts("em")).toEqual(["nadruk"]);
    const escaped = await browser.render({
      type: "AdaptiveCard",
      version: "1.5",
      body: [{ type: "TextBlock", text: cardText("[Klik voor dossier](https://evil.example/phish) *nadruk*") }],
    });
    expect(await escaped.texts("a, em")).toEqual([]);
    expect(await escaped.text()).toBe("[Klik voor dossier](https://evil.example/phish) *nadruk*");
  });

  it("covers every template in cards/", () => {
    const templates = readdirSync(CARDS_DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => path.basename(f, ".json"));
    const covered = new Set(hostileCards("x").map((c) => c.template));
    expect(templates.filter((t) => !covered.has(t))).toEqual([]);
  });

  describe.each(HOSTILE)("$name", ({ text, shows }) => {
    it.each(hostileCards(text).map((c) => [c.name, c] as const))(
      "%s shows it as typed, without markup",
      async (_name, { card, inOption }) => {
        expect(validateCardSchema(card)).toEqual([]);
        const rendered = await browser.render(card);
        expect(rendered.errors).toEqual([]);
        expect(await rendered.texts(MARKUP)).toEqual([]);
        // a typeahead's choices are datalist options: their title is the value the person sees and types
        const visible = inOption
          ? (await rendered.evaluate((root) => [...root.querySelectorAll("option")].map((o) => o.textContent || o.value), null)).join("\n")
          : await rendered.text();
        expect(collapse(visible)).toContain(collapse(shows));
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this asserts are gone
        expect(visible).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\uFEFF\u0000-\u0008\u001B\u009B]/);
      },
    );
  });

  it("a supervisor can still approve a review whose client, coach and reason are hostile", async () => {
    for (const { text } of HOSTILE) {
      const card = hostileCards(text).find((c) => c.name === "review-request-supervisor")!.card;
      const rendered = await browser.render(card);
      const approve = await rendered.click("Akkoord");
      expect(approve).toMatchObject({ type: "Action.Execute", verb: "review.approve" });
      expect(DecisionData.parse(approve.data)).toMatchObject({ classificationId });
    }
  });

  it("very long text is cut to a readable length and keeps the card within Teams' 28 KB", async () => {
    const long = `${"Lang ".repeat(3_000)}[link](https://evil.example)`;
    for (const { name, card } of hostileCards(long)) {
      expect(Buffer.byteLength(JSON.stringify(card)), name).toBeLessThan(28 * 1024);
      const rendered = await browser.render(card);
      expect(rendered.errors).toEqual([]);
      expect(await rendered.texts(MARKUP)).toEqual([]);
    }
    expect([...cardText(long)].length).toBeLessThanOrEqual(1_000);
    expect(cardText(long).endsWith("…")).toBe(true);
  });
});

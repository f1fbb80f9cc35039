// Renders Adaptive Cards with the official renderer (npm adaptivecards) in headless Chromium, styled with
// the Teams light host config, so tests can fill inputs, click actions like a person, and read the exact
// payload the card emits (what Teams would send to the bot). Like Teams, the renderer processes markdown
// in TextBlocks and facts (with markdown-it, which the official renderer uses when it is on the page);
// without it, text would be shown raw and a test could not see a link a name turned into.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HOSTCONFIGS = path.resolve(ROOT, "../shared/hostconfigs");

export interface EmittedAction {
  type: string;
  title: string;
  verb?: string;
  /** Action.Submit: data merged with the input values (activity.value); Action.Execute: action.data */
  data: Record<string, unknown>;
}

export interface RenderedCard {
  /** parse and validation problems reported by the official object model */
  errors: string[];
  text(): Promise<string>;
  /** the text of every rendered element matching a CSS selector (e.g. "a", "option") */
  texts(selector: string): Promise<string[]>;
  fill(values: Record<string, string | boolean | string[]>): Promise<void>;
  /** Clicks the (possibly nested, in a ShowCard) action with this title and returns what the card emitted. */
  click(title: string): Promise<EmittedAction>;
  screenshot(file: string): Promise<void>;
  /** Runs a self-contained function in the page on the card's root element (for layout checks). */
  evaluate<R, A>(fn: (root: HTMLElement, arg: A) => R, arg: A): Promise<R>;
}

export interface CardBrowser {
  render(card: object): Promise<RenderedCard>;
  close(): Promise<void>;
}

/**
 * Debian's headless Chromium as this machine runs it: no sandbox (root), and none of the background
 * connections a closed network refuses; its temporary files under `tmp`.
 */
export function launchChromium(tmp: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    env: { ...process.env, TMPDIR: tmp },
  });
}

/**
 * width: a phone's screen width in CSS pixels (360): the card then fills the page but for an 8 px margin
 * each side, as in Teams mobile, instead of the designer's 400 px minimum frame. Without it the page is
 * 520 px wide and the card sits in the designer's frame.
 */
export async function openCardBrowser(options: { width?: number } = {}): Promise<CardBrowser> {
  const tmp = mkdtempSync(path.join(tmpdir(), "trede-cards-"));
  const browser = await launchChromium(tmp);
  const page: Page = await browser.newPage({ viewport: { width: options.width ?? 520, height: 900 } });
  await page.route(/^https?:\/\//, (route) => route.abort()); // everything is inline; nothing leaves the machine
  const script = readFileSync(path.join(ROOT, "node_modules/adaptivecards/dist/adaptivecards.js"), "utf8");
  const markdown = readFileSync(path.join(ROOT, "node_modules/markdown-it/dist/browser/markdown-it.umd.min.js"), "utf8");
  const css = readFileSync(path.join(HOSTCONFIGS, "teams-container-light.css"), "utf8");
  const hostConfig = readFileSync(path.join(HOSTCONFIGS, "microsoft-teams-light.json"), "utf8");
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css} body{margin:0;padding:12px;background:#f5f5f5;font-family:'Segoe UI',sans-serif}</style>
    <script>${markdown}</script><script>${script}</script><script>window.__hostConfig = ${hostConfig};</script>
    ${options.width ? `<style>body{padding:8px} .teams-inner-frame{min-width:0;padding:0}</style>` : ""}</head>
    <body><div class="teams-frame"><div class="teams-inner-frame"><div id="root"></div></div></div></body></html>`);

  return {
    async render(card) {
      const errors = await page.evaluate((json) => {
        const AC = (window as any).AdaptiveCards;
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig((window as any).__hostConfig);
        const context = new AC.SerializationContext();
        adaptive.parse(json, context);
        const problems: string[] = [];
        for (let i = 0; i < context.eventCount; i++) {
          const message: string = context.getEventAt(i).message;
          // Teams draws chart elements; this renderer shows their fallback (card-schema.ts requires one)
          if (/^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/.test(message)) continue;
          problems.push(message);
        }
        const validation = adaptive.validateProperties();
        for (const e of validation.validationEvents ?? []) problems.push(e.message);
        (window as any).__emitted = null;
        adaptive.onExecuteAction = (action: any) => {
          const base = { type: action.getJsonTypeName(), title: action.title, verb: action.verb };
          if (action.getJsonTypeName() === "Action.Submit" || action.getJsonTypeName() === "Action.Execute")
            (window as any).__emitted = { ...base, data: action.data };
        };
        const root = document.getElementById("root")!;
        root.innerHTML = "";
        root.appendChild(adaptive.render());
        (window as any).__card = adaptive;
        return problems;
      }, card as object);

      return {
        errors,
        text: () => page.locator("#root").innerText(),
        texts: (selector) => page.locator("#root").locator(selector).allTextContents(),
        async fill(values) {
          // give every rendered input (also those in an opened ShowCard) a handle for Playwright
          await page.evaluate(() => {
            for (const input of (window as any).__card.getAllInputs(true)) {
              const el = input.renderedInputControlElement ?? input.renderedElement;
              el?.setAttribute("data-input-id", input.id);
            }
          });
          for (const [id, value] of Object.entries(values)) {
            const el = page.locator(`[data-input-id="${id}"]`);
            if (!(await el.count())) throw new Error(`no rendered input "${id}" (is it inside a closed ShowCard?)`);
            const tag = await el.evaluate((e) => e.tagName.toLowerCase());
            // a filtered choice set (typeahead) is a text box with a datalist: the person types a choice's title
            const typeahead = el.locator("input[list]");
            if (tag !== "input" && (await typeahead.count())) await typeahead.fill(String(value));
            else if (tag === "select") await el.selectOption(String(value));
            else if (tag === "input" || tag === "textarea") {
              const type = await el.getAttribute("type");
              if (type === "checkbox") {
                if ((await el.isChecked()) !== Boolean(value)) await el.click();
              } else await el.fill(String(value));
            } else if (typeof value === "boolean") {
              // Input.Toggle: its control is a wrapper around one checkbox
              const box = el.locator("input[type=checkbox]").first();
              if ((await box.isChecked()) !== value) await box.click();
            } else {
              // expanded choice set: radio buttons or checkboxes labelled by the choice title
              const wanted = Array.isArray(value) ? value : String(value).split(",");
              const boxes = el.locator("input");
              for (let i = 0; i < (await boxes.count()); i++) {
                const box = boxes.nth(i);
                const shouldBe = wanted.includes((await box.getAttribute("value")) ?? "");
                if ((await box.isChecked()) !== shouldBe) await box.click();
              }
            }
          }
        },
        async click(title) {
          await page.evaluate(() => ((window as any).__emitted = null));
          let button = page.getByRole("button", { name: title, exact: true });
          if (!(await button.count())) {
            // a secondary action sits in the overflow menu ("More options"), as in Teams
            await page.getByRole("button", { name: "More options" }).last().click();
            button = page.getByRole("menuitem", { name: title, exact: true });
          }
          await button.last().click();
          const emitted = await page.evaluate(() => (window as any).__emitted);
          if (!emitted) throw new Error(`clicking "${title}" emitted nothing (a required input may be empty, or it opens a card)`);
          return emitted as EmittedAction;
        },
        screenshot: async (file) => void (await page.locator("#root").screenshot({ path: file })),
        evaluate: (fn, arg) => page.locator("#root").evaluate(fn as any, arg),
      };
    },
    async close() {
      await browser.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

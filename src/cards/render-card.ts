// One way to turn a cards/*.json template and its data into an Adaptive Card attachment.
// Templates are Adaptive Card 1.5 JSON (editable in the Adaptive Cards designer) using
// adaptivecards-templating's ${...} expressions. Missing data would otherwise stay on screen as
// literal "${field}" text, so any leftover expression is an error here, not something a coach sees.
//
// Data is never template: adaptivecards-templating does not evaluate "${...}" inside data values, but
// such a value would trip the leftover check (a client named "${labels.approve}" broke every card that
// showed the name). So every "$" in the data travels through the expansion as a marker character and
// comes back afterwards; only expressions written in the template itself can be left over.
//
// A card that still fails (a template bug) must not block a review or a debrief: the typed renderer
// supplies a plain fallback card with the same actions, and the failure is logged with a correlation id.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as ACData from "adaptivecards-templating";

export const CARDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../cards");

export interface AdaptiveCard {
  type: "AdaptiveCard";
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

export interface CardAttachment {
  contentType: "application/vnd.microsoft.card.adaptive";
  content: AdaptiveCard;
}

export class CardTemplateError extends Error {}

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    const file = path.join(CARDS_DIR, `${name}.json`);
    t = new ACData.Template(JSON.parse(readFileSync(file, "utf8")));
    templates.set(name, t);
  }
  return t;
}

/** U+001A SUBSTITUTE: a control character, so no card text can contain it (cardText drops it). */
const DOLLAR = "\u001A";

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/** Expands cards/<name>.json with `data`; throws CardTemplateError when an expression stays unbound. */
export function expandCard(name: string, data: object): AdaptiveCard {
  const hidden = mapStrings(data, (s) => s.replaceAll(DOLLAR, "").replaceAll("$", DOLLAR));
  const card = template(name).expand({ $root: hidden }) as AdaptiveCard;
  const leftover = JSON.stringify(card).match(/\$\{[^}]*\}?/);
  if (leftover) throw new CardTemplateError(`card ${name}: unbound template expression ${leftover[0]}`);
  if (card?.type !== "AdaptiveCard") throw new CardTemplateError(`card ${name}: not an AdaptiveCard`);
  return mapStrings(card, (s) => s.replaceAll(DOLLAR, "$")) as AdaptiveCard;
}

export interface CardFailure {
  event: "card.render_failed";
  card: string;
  correlationId: string;
  /** the error's class and, for a template error, the template expression: never data (names, notes) */
  error: string;
}

let reportFailure: (failure: CardFailure) => void = (failure) =>
  process.stderr.write(`${JSON.stringify({ level: "error", app: "trede", ...failure })}\n`);

/** Where card failures are logged; the composition root points this at the app's logger. */
export function reportCardFailuresTo(report: (failure: CardFailure) => void): void {
  reportFailure = report;
}

/**
 * Expands cards/<name>.json with `data`. When that fails, logs the failure with a correlation id and
 * returns `fallback(correlationId)`: a plain card with the essential text and the same actions.
 */
export function renderCard(name: string, data: object, fallback: (correlationId: string) => AdaptiveCard): AdaptiveCard {
  try {
    return expandCard(name, data);
  } catch (err) {
    const correlationId = randomUUID();
    const error = err instanceof CardTemplateError ? `CardTemplateError: ${err.message}` : err instanceof Error ? err.name : "unknown";
    reportFailure({ event: "card.render_failed", card: name, correlationId, error });
    return fallback(correlationId);
  }
}

export function cardAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: "application/vnd.microsoft.card.adaptive", content: card };
}

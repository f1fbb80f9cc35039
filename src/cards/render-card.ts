// One way to turn a cards/*.json template and its data into an Adaptive Card attachment.
// Templates are Adaptive Card 1.5 JSON (editable in the Adaptive Cards designer) using
// adaptivecards-templating's ${...} expressions. Missing data would otherwise stay on screen as
// literal "${field}" text, so any leftover expression is an error here, not something a coach sees.
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

/** Expands cards/<name>.json with `data`; throws CardTemplateError when an expression stays unbound. */
export function renderCard(name: string, data: object): AdaptiveCard {
  const card = template(name).expand({ $root: data }) as AdaptiveCard;
  const json = JSON.stringify(card);
  const leftover = json.match(/\$\{[^}]*\}/);
  if (leftover) throw new CardTemplateError(`card ${name}: unbound template expression ${leftover[0]}`);
  if (card.type !== "AdaptiveCard") throw new CardTemplateError(`card ${name}: not an AdaptiveCard`);
  return card;
}

export function cardAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: "application/vnd.microsoft.card.adaptive", content: card };
}

// The card shown when a template fails to expand: plain TextBlocks with the essential text and the same
// inputs and actions (verbs and data) as the real card, built without templating, so a supervisor can
// still decide and a coach can still finish a debrief. The correlation id ties it to the logged failure.
import { t } from "../i18n/catalogue/index.ts";
import type { Locale } from "../i18n/locale.ts";
import { cardText, type CardText } from "./card-text.ts";
import type { AdaptiveCard } from "./render-card.ts";

export interface FallbackCardInput {
  locale: Locale;
  correlationId: string;
  /** the first line is shown as the heading; empty lines are left out */
  lines: CardText[];
  facts?: { title: CardText; value: CardText }[];
  /** extra elements after the text: inputs and selectable containers the renderer built */
  body?: unknown[];
  actions?: unknown[];
  refresh?: unknown;
}

export function fallbackCard(input: FallbackCardInput): AdaptiveCard {
  const [heading, ...rest] = input.lines.filter((l) => l !== "");
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      ...(heading ? [{ type: "TextBlock", text: heading, wrap: true, weight: "Bolder" }] : []),
      ...rest.map((text) => ({ type: "TextBlock", text, wrap: true })),
      ...(input.facts ?? []).map((f) => ({
        type: "TextBlock",
        text: `${f.title}: ${f.value}`,
        wrap: true,
        spacing: "None",
      })),
      ...(input.body ?? []),
      {
        type: "TextBlock",
        text: cardText(t(input.locale).messages.simpleCard(input.correlationId.slice(0, 8))),
        wrap: true,
        isSubtle: true,
        size: "Small",
      },
    ],
  };
  if (input.actions?.length) card.actions = input.actions;
  if (input.refresh) card.refresh = input.refresh;
  return card;
}

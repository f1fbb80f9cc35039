// The coach's weekly nudge: one line per client with the reason and a button that starts `verslag` for that
// client (the debrief's own start, which checks the client against the coach's caseload again).
import type { NudgeLine } from "../domain/nudges/nudge-rules.ts";
import { formatDate } from "../i18n/format.ts";
import type { Locale } from "../i18n/locale.ts";
import { cardText, type CardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";
import { t as catalogue } from "../i18n/catalogue/index.ts";

function reasonText(line: NudgeLine, locale: Locale): string {
  const s = catalogue(locale).nudge.reason;
  return line.reasons
    .map((r) =>
      r === "leaving_view"
        ? s.leaving_view(formatDate(line.outOfViewOn!, locale))
        : r === "classification_due"
          ? s.classification_due(formatDate(line.client.latestObservedOn!, locale))
          : s.sent_back(),
    )
    .join(" · ");
}

export function renderNudgeCard(input: { lines: NudgeLine[]; more: number; locale: Locale; today: Date }): {
  card: AdaptiveCard;
  summary: string;
} {
  const s = catalogue(input.locale).nudge;
  const total = input.lines.length + input.more;
  const lines = input.lines.map((l) => ({
    clientId: l.client.id,
    name: cardText(l.client.displayName),
    // the client number opens the second line, so a phone never breaks it at its dash ("GR-/100010")
    reason: cardText(`${l.client.externalKey} · ${reasonText(l, input.locale)}`),
  }));
  const data = {
    title: s.title,
    intro: s.intro(total),
    start: s.start,
    lines,
    more: input.more,
    moreText: s.more(input.more),
    footer: s.footer,
  };
  const card = renderCard("nudge", data, (correlationId) =>
    fallbackCard({
      locale: input.locale,
      correlationId,
      // both parts are escaped already; joining them keeps them escaped
      lines: [cardText(s.title), ...lines.map((l) => `${l.name} — ${l.reason}` as CardText)],
      actions: input.lines.slice(0, 5).map((l) => ({
        type: "Action.Submit",
        title: cardText(`${s.start}: ${l.client.displayName}`, "plain", 60),
        data: { verb: "debrief.start", clientId: l.client.id },
      })),
    }),
  );
  return { card, summary: s.summary(total) };
}

export function unreachableText(names: string[], locale: Locale): { text: string; summary: string } {
  return {
    text: catalogue(locale).nudge.unreachable(names.map((n) => cardText(n))),
    summary: catalogue(locale).nudge.unreachableSummary,
  };
}

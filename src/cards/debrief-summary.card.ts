// The debrief's read-only cards: the stored result, a contact attempt, a cancelled or a retired debrief
// (cards/debrief-summary.json), and the offer to resume an unfinished one (cards/debrief-resume.json).
import type { Locale } from "../i18n/locale.ts";
import { debriefTexts } from "../domain/debrief/texts.ts";
import { cardText, type CardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

/** Everything here is shown as text: the handler composes titles and facts with client names. */
export function renderDebriefSummaryCard(input: {
  title: string;
  status: string;
  statusColor: "Good" | "Warning" | "Attention" | "Default";
  facts: { title: string; value: string }[];
  note: string;
  locale?: Locale;
}): AdaptiveCard {
  const data: {
    title: CardText;
    status: CardText;
    statusColor: string;
    facts: { title: CardText; value: CardText }[];
    note: CardText;
  } = {
    title: cardText(input.title),
    status: cardText(input.status),
    statusColor: input.statusColor,
    facts: input.facts.map((f) => ({ title: cardText(f.title), value: cardText(f.value) })),
    note: cardText(input.note),
  };
  return renderCard("debrief-summary", data, (correlationId) =>
    fallbackCard({
      locale: input.locale ?? "nl",
      correlationId,
      lines: [data.title, data.status, data.note],
      facts: data.facts,
    }),
  );
}

/** "Je was bezig met een verslag over …": continue or start over. */
export function renderDebriefResumeCard(input: { locale: Locale; clientName: string | null; step: number }): AdaptiveCard {
  const s = debriefTexts(input.locale);
  const data = {
    title: cardText(s.resumeTitle(input.clientName, input.step)),
    labels: { resume: s.resume, restart: s.restart },
  };
  return renderCard("debrief-resume", data, (correlationId) =>
    fallbackCard({
      locale: input.locale,
      correlationId,
      lines: [data.title],
      actions: [
        { type: "Action.Submit", title: s.resume, style: "positive", data: { verb: "debrief.resume" } },
        { type: "Action.Submit", title: s.restart, data: { verb: "debrief.restart" } },
      ],
    }),
  );
}

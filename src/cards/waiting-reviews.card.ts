// The supervisor's weekly reminder: classifications waiting for their approval, oldest first, each with a
// button that opens the review (the review's own handler checks the supervisor's team again).
import type { WaitingReview } from "../domain/nudges/ports.ts";
import { workingDaysBetween } from "../domain/nudges/schedule.ts";
import { formatDate } from "../i18n/format.ts";
import type { Locale } from "../i18n/locale.ts";
import { REVIEW_WAIT_WORKING_DAYS } from "./digest.card.ts";
import { cardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

const MAX_ITEMS = 15;

const text = {
  nl: {
    title: (n: number) => `${n} ${n === 1 ? "indeling wacht" : "indelingen wachten"} op jouw akkoord`,
    intro: `Rood: langer dan ${REVIEW_WAIT_WORKING_DAYS} werkdagen. Kies “Openen” om te beoordelen.`,
    open: "Openen",
    detail: (coach: string, date: string, days: number) => `${coach} · ingediend ${date} · ${days} ${days === 1 ? "werkdag" : "werkdagen"}`,
    more: (n: number) => `En nog ${n}; typ “beoordelen” voor de hele lijst.`,
    footer: "Eén keer per week, op een werkdag. Liever geen meldingen? Typ “meldingen uit”.",
    summary: (n: number) => `${n} ${n === 1 ? "indeling wacht" : "indelingen wachten"} op akkoord`,
  },
  en: {
    title: (n: number) => `${n} ${n === 1 ? "classification is" : "classifications are"} waiting for your approval`,
    intro: `Red: more than ${REVIEW_WAIT_WORKING_DAYS} working days. Choose “Open” to review.`,
    open: "Open",
    detail: (coach: string, date: string, days: number) => `${coach} · submitted ${date} · ${days} working ${days === 1 ? "day" : "days"}`,
    more: (n: number) => `And ${n} more; type “review” for the whole list.`,
    footer: "Once a week, on a working day. Rather not? Type “notifications off”.",
    summary: (n: number) => `${n} ${n === 1 ? "classification" : "classifications"} waiting for approval`,
  },
};

export function renderWaitingReviewsCard(input: { reviews: WaitingReview[]; locale: Locale; today: Date }): { card: AdaptiveCard; summary: string; clientIds: string[] } {
  const s = text[input.locale];
  const shown = [...input.reviews].sort((a, b) => a.confirmedAt.getTime() - b.confirmedAt.getTime()).slice(0, MAX_ITEMS);
  const items = shown.map((r) => {
    const days = workingDaysBetween(r.confirmedAt, input.today);
    return {
      classificationId: r.classificationId,
      heading: cardText(r.clientName),
      detail: s.detail(cardText(r.coachName), formatDate(r.confirmedAt, input.locale), days),
      color: days > REVIEW_WAIT_WORKING_DAYS ? "Attention" : "Default",
    };
  });
  const data = {
    title: s.title(input.reviews.length),
    intro: s.intro,
    open: s.open,
    items,
    more: input.reviews.length - shown.length,
    moreText: s.more(input.reviews.length - shown.length),
    footer: s.footer,
  };
  const card = renderCard("waiting-reviews", data, (correlationId) =>
    fallbackCard({
      locale: input.locale,
      correlationId,
      lines: [cardText(data.title)],
      body: items.map((i) => ({
        type: "Container",
        separator: true,
        selectAction: { type: "Action.Submit", title: s.open, data: { verb: "review.open", classificationId: i.classificationId } },
        items: [{ type: "TextBlock", text: i.heading, wrap: true }, { type: "TextBlock", text: i.detail, wrap: true, isSubtle: true, spacing: "None" }],
      })),
    }),
  );
  return { card, summary: s.summary(input.reviews.length), clientIds: shown.map((r) => r.clientId) };
}

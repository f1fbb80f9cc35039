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
import { reviewRows } from "./review.card.ts";
import { t as catalogue } from "../i18n/catalogue/index.ts";

const MAX_ITEMS = 15;

export function renderWaitingReviewsCard(input: { reviews: WaitingReview[]; locale: Locale; today: Date }): {
  card: AdaptiveCard;
  summary: string;
  clientIds: string[];
} {
  const s = catalogue(input.locale).waitingReviews;
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
    intro: s.intro(REVIEW_WAIT_WORKING_DAYS),
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
      body: reviewRows(items, s.open),
    }),
  );
  return { card, summary: s.summary(input.reviews.length), clientIds: shown.map((r) => r.clientId) };
}

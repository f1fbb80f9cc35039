import type { Locale } from "../i18n/locale.ts";
import { formatDate, formatTime } from "../i18n/format.ts";
import type { PendingReview } from "../domain/review/ports.ts";
import { cardText, type CardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";
import { t as catalogue, type Catalogue } from "../i18n/catalogue/index.ts";

/** Rung and substep names come from the ladder profile that produced the classification. */
export interface RungTexts {
  rungLabel(profileId: string, rung: number | null, substep: number | null, locale: Locale): string;
  explain(profileId: string, answers: unknown, locale: Locale): string;
}

/** The status line with the reviewer's name, ready for a TextBlock (also the coach's notification card). */
export function reviewStatusLine(review: PendingReview, locale: Locale): { status: CardText; statusColor: string } {
  const s = catalogue(locale).reviewCard;
  const who = review.reviewedByName ?? "?";
  const at = review.reviewedAt ?? new Date();
  const line = (status: string, statusColor: string) => ({ status: cardText(status), statusColor });
  switch (review.status) {
    case "PENDING_REVIEW":
      return line(s.pending, "Warning");
    case "FINAL":
      return line(s.approved(who, formatTime(at)), "Good");
    case "REJECTED":
      return line(s.rejected(who, formatTime(at)), "Attention");
    case "RETURNED":
      return line(s.returned(who, formatTime(at)), "Warning");
  }
}

/** What cards/review-request.json shows: every text slot is CardText. */
interface ReviewRequestData {
  classificationId: string;
  refreshUserIds: string[];
  title: CardText;
  status: CardText;
  statusColor: string;
  facts: { title: CardText; value: CardText }[];
  explanation: CardText;
  overrideReason: CardText;
  note: CardText;
  canDecide: boolean;
  labels: Catalogue["reviewCard"]["labels"];
}

/** The decision actions, shared by the template's data and the fallback card (same verbs, same inputs). */
function decisionActions(classificationId: string, labels: ReviewRequestData["labels"]): unknown[] {
  const note = (id: string, label: string) => ({
    type: "Input.Text",
    id,
    label,
    isMultiline: true,
    isRequired: true,
    errorMessage: labels.noteRequired,
    maxLength: 500,
  });
  return [
    {
      type: "Action.Execute",
      verb: "review.approve",
      title: labels.approve,
      style: "positive",
      data: { classificationId },
    },
    {
      type: "Action.ShowCard",
      title: labels.reject,
      card: {
        type: "AdaptiveCard",
        body: [note("rejectNote", labels.rejectReason)],
        actions: [
          {
            type: "Action.Execute",
            verb: "review.reject",
            title: labels.rejectConfirm,
            style: "destructive",
            data: { classificationId },
          },
        ],
      },
    },
    {
      type: "Action.ShowCard",
      title: labels.return,
      card: {
        type: "AdaptiveCard",
        body: [note("returnNote", labels.returnNote)],
        actions: [{ type: "Action.Execute", verb: "review.return", title: labels.returnConfirm, data: { classificationId } }],
      },
    },
  ];
}

/**
 * One card, two views: with `canDecide` it carries the decision actions (a reviewer's personal view);
 * otherwise it shows the status. `refreshUserIds` makes Teams ask the bot for the personal view.
 */
export function renderReviewCard(
  review: PendingReview,
  options: { locale: Locale; texts: RungTexts; canDecide: boolean; refreshUserIds: string[] },
): AdaptiveCard {
  const s = catalogue(options.locale).reviewCard;
  const label = (rung: number | null, substep: number | null) =>
    rung === null ? s.none : options.texts.rungLabel(review.profileId, rung, substep, options.locale);
  const facts = [
    { title: s.client, value: `${review.clientName} (${review.clientKey})` },
    { title: s.coach, value: review.coachName },
    { title: s.date, value: formatDate(review.observedOn, options.locale) },
    { title: s.previous, value: label(review.previousRung, review.previousSubstep) },
    { title: s.proposed, value: label(review.proposedRung, review.proposedSubstep) },
    { title: s.final, value: label(review.finalRung, review.finalSubstep) },
    { title: s.expected, value: label(review.expectedRung, null) },
  ].map((f) => ({ title: cardText(f.title), value: cardText(f.value) }));
  const refreshUserIds = review.status === "PENDING_REVIEW" ? options.refreshUserIds.slice(0, 60) : [];
  const statusLine = reviewStatusLine(review, options.locale);
  const data: ReviewRequestData = {
    classificationId: review.classificationId,
    refreshUserIds,
    title: cardText(s.title(review.clientName)),
    status: statusLine.status,
    statusColor: statusLine.statusColor,
    facts,
    explanation: cardText(options.texts.explain(review.profileId, review.answers, options.locale)),
    overrideReason: cardText(review.overrideReason),
    note: cardText(review.reviewNote ? s.note(review.reviewNote) : ""),
    canDecide: options.canDecide && review.status === "PENDING_REVIEW",
    labels: s.labels,
  };
  const refresh = {
    action: {
      type: "Action.Execute",
      verb: "review.refresh",
      title: s.labels.refresh,
      data: { classificationId: review.classificationId },
    },
    userIds: refreshUserIds,
  };
  const card = renderCard("review-request", data, (correlationId) =>
    fallbackCard({
      locale: options.locale,
      correlationId,
      lines: [
        data.title,
        data.status,
        data.explanation,
        ...(data.overrideReason ? [cardText(`${s.labels.overrideReason}: ${review.overrideReason}`)] : []),
        data.note,
      ],
      facts,
      actions: data.canDecide ? decisionActions(review.classificationId, s.labels) : [],
      refresh,
    }),
  );
  // a decided card, or one nobody personalises, must not ask Teams for a refresh at all
  if (!refreshUserIds.length) delete card.refresh;
  return card;
}

export function renderReviewListCard(
  reviews: PendingReview[],
  options: { locale: Locale; texts: RungTexts; scope?: string; total?: number },
): AdaptiveCard {
  const s = catalogue(options.locale).reviewCard;
  const total = options.total ?? reviews.length;
  // like every caseload answer: the count over the whole scope, the scope, and how many are shown
  const shown = total > reviews.length ? s.listShown(reviews.length) : "";
  const items = reviews.map((r) => ({
    classificationId: r.classificationId,
    heading: cardText(`${r.clientName} — ${options.texts.rungLabel(r.profileId, r.finalRung, r.finalSubstep, options.locale)}`),
    detail: cardText(`${r.coachName} · ${formatDate(r.confirmedAt, options.locale)}`),
  }));
  const data: { title: CardText; empty: CardText; open: string; items: typeof items } = {
    title: cardText(`${s.listTitle(total)}${options.scope ? ` — ${options.scope}` : ""}${shown}`),
    empty: cardText(s.listEmpty),
    open: s.open,
    items,
  };
  return renderCard("review-list", data, (correlationId) =>
    fallbackCard({
      locale: options.locale,
      correlationId,
      lines: [data.title, reviews.length ? ("" as CardText) : data.empty],
      body: reviewRows(items, s.open),
    }),
  );
}

/**
 * A plain card's rows for a list of reviews (the review list, the supervisor's reminder): each row opens
 * its review, whose handler checks the supervisor's access again.
 */
export function reviewRows(
  items: readonly { classificationId: string; heading: CardText; detail: string }[],
  openTitle: string,
): unknown[] {
  return items.map((i) => ({
    type: "Container",
    separator: true,
    selectAction: { type: "Action.Submit", title: openTitle, data: { verb: "review.open", classificationId: i.classificationId } },
    items: [
      { type: "TextBlock", text: i.heading, wrap: true },
      { type: "TextBlock", text: i.detail, wrap: true, isSubtle: true, spacing: "None" },
    ],
  }));
}

import type { Locale } from "../i18n/locale.ts";
import { formatDate, formatTime } from "../i18n/format.ts";
import type { PendingReview } from "../storage/review/review.repository.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

/** Rung and substep names come from the ladder profile that produced the classification. */
export interface RungTexts {
  rungLabel(profileId: string, rung: number | null, substep: number | null, locale: Locale): string;
  explain(profileId: string, answers: unknown, locale: Locale): string;
}

const text = {
  nl: {
    title: (client: string) => `Indeling ter beoordeling: ${client}`,
    pending: "Wacht op akkoord",
    approved: (who: string, at: Date) => `Akkoord door ${who} om ${formatTime(at)}`,
    rejected: (who: string, at: Date) => `Afgewezen door ${who} om ${formatTime(at)}`,
    returned: (who: string, at: Date) => `Terug naar coach door ${who} om ${formatTime(at)}`,
    client: "Klant",
    coach: "Coach",
    date: "Peildatum",
    previous: "Vorige trede",
    proposed: "Voorstel (regels)",
    final: "Bevestigd door coach",
    expected: "Verwachte trede",
    none: "—",
    note: (n: string) => `Toelichting beoordelaar: ${n}`,
    labels: {
      refresh: "Vernieuwen",
      approve: "Akkoord",
      reject: "Afwijzen",
      rejectReason: "Waarom wijs je af?",
      rejectConfirm: "Afwijzing versturen",
      return: "Terug naar coach",
      returnNote: "Je vraag aan de coach",
      returnConfirm: "Terugsturen",
      noteRequired: "Vul een toelichting in.",
      overrideReason: "Reden van aanpassing door de coach",
    },
    listTitle: (n: number) => (n === 1 ? "1 indeling wacht op akkoord" : `${n} indelingen wachten op akkoord`),
    listEmpty: "Er wachten geen indelingen op akkoord.",
    open: "Openen",
  },
  en: {
    title: (client: string) => `Classification to review: ${client}`,
    pending: "Waiting for approval",
    approved: (who: string, at: Date) => `Approved by ${who} at ${formatTime(at)}`,
    rejected: (who: string, at: Date) => `Rejected by ${who} at ${formatTime(at)}`,
    returned: (who: string, at: Date) => `Returned to the coach by ${who} at ${formatTime(at)}`,
    client: "Client",
    coach: "Coach",
    date: "Observed on",
    previous: "Previous rung",
    proposed: "Proposal (rules)",
    final: "Confirmed by coach",
    expected: "Expected rung",
    none: "—",
    note: (n: string) => `Reviewer's note: ${n}`,
    labels: {
      refresh: "Refresh",
      approve: "Approve",
      reject: "Reject",
      rejectReason: "Why do you reject it?",
      rejectConfirm: "Send rejection",
      return: "Back to coach",
      returnNote: "Your question to the coach",
      returnConfirm: "Send back",
      noteRequired: "Please add a note.",
      overrideReason: "Coach's reason for the adjustment",
    },
    listTitle: (n: number) => (n === 1 ? "1 classification is waiting for approval" : `${n} classifications are waiting for approval`),
    listEmpty: "Nothing is waiting for approval.",
    open: "Open",
  },
};

export function reviewStatusLine(review: PendingReview, locale: Locale): { status: string; statusColor: string } {
  const s = text[locale];
  const who = review.reviewedByName ?? "?";
  const at = review.reviewedAt ?? new Date();
  switch (review.status) {
    case "PENDING_REVIEW":
      return { status: s.pending, statusColor: "Warning" };
    case "FINAL":
      return { status: s.approved(who, at), statusColor: "Good" };
    case "REJECTED":
      return { status: s.rejected(who, at), statusColor: "Attention" };
    case "RETURNED":
      return { status: s.returned(who, at), statusColor: "Warning" };
  }
}

/**
 * One card, two views: with `canDecide` it carries the decision actions (a reviewer's personal view);
 * otherwise it shows the status. `refreshUserIds` makes Teams ask the bot for the personal view.
 */
export function renderReviewCard(
  review: PendingReview,
  options: { locale: Locale; texts: RungTexts; canDecide: boolean; refreshUserIds: string[] },
): AdaptiveCard {
  const s = text[options.locale];
  const label = (rung: number | null, substep: number | null) => (rung === null ? s.none : options.texts.rungLabel(review.profileId, rung, substep, options.locale));
  const facts = [
    { title: s.client, value: `${review.clientName} (${review.clientKey})` },
    { title: s.coach, value: review.coachName },
    { title: s.date, value: formatDate(review.observedOn, options.locale) },
    { title: s.previous, value: label(review.previousRung, review.previousSubstep) },
    { title: s.proposed, value: label(review.proposedRung, review.proposedSubstep) },
    { title: s.final, value: label(review.finalRung, review.finalSubstep) },
    { title: s.expected, value: label(review.expectedRung, null) },
  ];
  const refreshUserIds = review.status === "PENDING_REVIEW" ? options.refreshUserIds.slice(0, 60) : [];
  const card = renderCard("review-request", {
    classificationId: review.classificationId,
    refreshUserIds,
    title: s.title(review.clientName),
    ...reviewStatusLine(review, options.locale),
    facts,
    explanation: options.texts.explain(review.profileId, review.answers, options.locale),
    overrideReason: review.overrideReason ?? "",
    note: review.reviewNote ? s.note(review.reviewNote) : "",
    canDecide: options.canDecide && review.status === "PENDING_REVIEW",
    labels: s.labels,
  });
  // a decided card, or one nobody personalises, must not ask Teams for a refresh at all
  if (!refreshUserIds.length) delete card.refresh;
  return card;
}

export function renderReviewListCard(reviews: PendingReview[], options: { locale: Locale; texts: RungTexts; scope?: string; total?: number }): AdaptiveCard {
  const s = text[options.locale];
  const total = options.total ?? reviews.length;
  // like every caseload answer: the count over the whole scope, the scope, and how many are shown
  const shown = total > reviews.length ? (options.locale === "nl" ? ` (de oudste ${reviews.length} hieronder)` : ` (the oldest ${reviews.length} below)`) : "";
  return renderCard("review-list", {
    title: `${s.listTitle(total)}${options.scope ? ` — ${options.scope}` : ""}${shown}`,
    empty: s.listEmpty,
    open: s.open,
    items: reviews.map((r) => ({
      classificationId: r.classificationId,
      heading: `${r.clientName} — ${options.texts.rungLabel(r.profileId, r.finalRung, r.finalSubstep, options.locale)}`,
      detail: `${r.coachName} · ${formatDate(r.confirmedAt, options.locale)}`,
    })),
  });
}

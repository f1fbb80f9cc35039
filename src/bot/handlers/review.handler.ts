// Four eyes in Teams. Review cards use Universal Actions: the card in a supervisor's chat carries the
// decision actions and a refresh for that supervisor; after a decision every stored copy (supervisors'
// and the coach's) is replaced by the outcome, and the coach is told (src/bot/review-messages.ts).
// Parse, call the use case, render: the rules are in src/use-cases and src/domain/review.
import { CardFactory } from "botbuilder";
import { z } from "zod";
import { renderReviewCard, renderReviewListCard } from "../../cards/review.card.ts";
import type { ReviewDecision } from "../../domain/review/ports.ts";
import { t } from "../../i18n/messages.ts";
import { decideReview } from "../../use-cases/decide-review.ts";
import { listPendingReviews, readReview } from "../../use-cases/read-reviews.ts";
import { sayNotVisible } from "../client-access.ts";
import { invokeCard, invokeMessage } from "../invoke.ts";
import { notifyCoach, updateCopies, type ReviewDeps } from "../review-messages.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";
import { t as catalogue } from "../../i18n/catalogue/index.ts";

export { requestReview, type ReviewDeps } from "../review-messages.ts";

const ExecuteData = z.object({ classificationId: z.uuid() });
export const DecisionData = ExecuteData.extend({
  rejectNote: z.string().trim().max(500).optional(),
  returnNote: z.string().trim().max(500).optional(),
});
const OpenSubmit = z.object({ verb: z.literal("review.open"), classificationId: z.uuid() });

export function reviewRoutes(review: ReviewDeps) {
  return (r: RouteRegistrar) => {
    const anchored =
      /^\s*(beoordelen|te beoordelen|wat moet ik beoordelen\??|welke indelingen wachten op akkoord\??|review|reviews|pending reviews?|what do i need to review\??)\s*$/i;
    r.message(anchored, (turn) => sendPendingList(turn, review));
    r.submit("review.list", (turn) => sendPendingList(turn, review));
    r.submit("review.open", (turn) => openReview(turn, review));
    r.execute("review.refresh", (turn) => refreshReview(turn, review));
    r.execute("review.approve", (turn) => decide(turn, review, "approve"));
    r.execute("review.reject", (turn) => decide(turn, review, "reject"));
    r.execute("review.return", (turn) => decide(turn, review, "return"));
  };
}

async function sendPendingList(turn: Turn, review: ReviewDeps): Promise<void> {
  const { context, actor, locale, deps } = turn;
  const result = await listPendingReviews(deps.store, actor);
  if (result.outcome === "not_reviewer") {
    await context.sendActivity(catalogue(locale).review.onlyReviewers);
    return;
  }
  if (result.dropped)
    deps.logger.error(
      { event: "scope.list_leak", via: "review.list", dropped: result.dropped },
      "a list query returned clients outside the asker's scope",
    );
  const scope = result.teamName === null ? catalogue(locale).review.allTeams : `team ${result.teamName}`;
  await context.sendActivity({
    attachments: [
      CardFactory.adaptiveCard(renderReviewListCard(result.pending, { locale, texts: review.texts, scope, total: result.total })),
    ],
  });
}

async function openReview(turn: Turn, review: ReviewDeps): Promise<void> {
  const { context, actor, locale, deps } = turn;
  const parsed = OpenSubmit.safeParse(context.activity.value);
  const result = await readReview(deps.store, actor, {
    classificationId: parsed.data?.classificationId,
    via: "review.open",
    requireReviewer: true,
  });
  if (result.outcome === "not_reviewer") return void (await context.sendActivity(catalogue(locale).review.notReviewer));
  if (result.outcome === "not_visible") return sayNotVisible(turn);
  const card = renderReviewCard(result.review, {
    locale,
    texts: review.texts,
    canDecide: result.canDecide,
    refreshUserIds: [context.activity.from.id],
  });
  const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  if (sent?.id)
    await deps.store.review.saveCard({
      classificationId: result.review.classificationId,
      staffId: actor.staffId,
      conversationId: context.activity.conversation.id,
      activityId: sent.id,
    });
}

async function refreshReview(turn: Turn, review: ReviewDeps): Promise<void> {
  const { context, actor, locale, deps } = turn;
  const parsed = ExecuteData.safeParse(actionData(context.activity.value));
  const result = await readReview(deps.store, actor, {
    classificationId: parsed.data?.classificationId,
    via: "review.refresh",
    requireReviewer: false,
  });
  if (result.outcome !== "shown") return sayNotVisible(turn);
  const { review: found, canDecide } = result;
  await invokeCard(
    context,
    renderReviewCard(found, {
      locale,
      texts: review.texts,
      canDecide,
      refreshUserIds: canDecide ? [context.activity.from.id] : [],
    }),
  );
}

async function decide(turn: Turn, review: ReviewDeps, decision: ReviewDecision): Promise<void> {
  const { context, actor, locale, deps } = turn;
  const s = catalogue(locale).review;
  const parsed = DecisionData.safeParse(actionData(context.activity.value));
  if (!parsed.success) {
    await deps.store.audit.refusal({ actor, reason: "review_invalid_payload" });
    return invokeMessage(context, t(locale).staleCard);
  }
  const note = (decision === "reject" ? parsed.data.rejectNote : decision === "return" ? parsed.data.returnNote : null) || null;
  const result = await decideReview(deps.store, actor, {
    classificationId: parsed.data.classificationId,
    decision,
    note,
    now: deps.clock(),
  });
  if (result.outcome === "not_visible") return sayNotVisible(turn);
  if (result.outcome === "note_required") return invokeMessage(context, s.noteRequired);
  if (result.outcome === "forbidden") {
    return invokeMessage(
      context,
      result.reason === "own_classification" ? s.ownClassification : result.reason === "not_found" ? s.notFound : s.notReviewer,
    );
  }
  const outcomeCard = renderReviewCard(result.review, {
    locale,
    texts: review.texts,
    canDecide: false,
    refreshUserIds: [],
  });
  if (result.outcome === "already_decided") {
    // somebody else was first: say so, with who and when
    const body = (outcomeCard.body ?? []) as { type: string; text?: string }[];
    body.splice(1, 0, { type: "TextBlock", text: s.alreadyDecided, wrap: true, weight: "Bolder" } as never);
  }
  if (result.outcome === "decided") {
    // the decision is stored; telling everyone else must not hold up the supervisor's answer
    const decided = result.review;
    const answered = context.activity.replyToId;
    deps.background.run("review.outcome", async () => {
      await updateCopies(deps, review, decided, answered);
      await notifyCoach(deps, review, decided);
    });
  }
  await invokeCard(context, outcomeCard);
}

function actionData(value: unknown): unknown {
  return (value as { action?: { data?: unknown } } | undefined)?.action?.data;
}

// The messages a review sends to other people: the request to every supervisor of the team, the outcome
// replacing every stored copy of the card, and the note to the coach.
import { CardFactory, type ConversationReference } from "botbuilder";
import type { Actor } from "../domain/access/actor.ts";
import type { PendingReview } from "../domain/review/ports.ts";
import { cardText } from "../cards/card-text.ts";
import { renderReviewCard, reviewStatusLine, type RungTexts } from "../cards/review.card.ts";
import type { Proactive } from "./proactive.ts";
import type { BotDeps } from "./turn.ts";
import { t as catalogue } from "../i18n/catalogue/index.ts";

export interface ReviewDeps {
  proactive: Proactive;
  texts: RungTexts;
}

const userIdOf = (reference: object | undefined) => (reference as Partial<ConversationReference> | undefined)?.user?.id;

/** Replaces every stored copy of the review card with the outcome (except the one the invoke answers). */
export async function updateCopies(
  deps: BotDeps,
  review: ReviewDeps,
  decided: PendingReview,
  answeredActivityId: string | undefined,
): Promise<void> {
  const copies = await deps.store.review.listCards(decided.classificationId);
  const references = await deps.store.staff.findConversationReferences(copies.map((c) => c.staffId));
  for (const copy of copies) {
    if (copy.activityId === answeredActivityId) continue;
    const reference = references.get(copy.staffId) as Partial<ConversationReference> | undefined;
    if (!reference) continue;
    const card = renderReviewCard(decided, {
      locale: deps.defaultLocale,
      texts: review.texts,
      canDecide: false,
      refreshUserIds: [],
    });
    try {
      await review.proactive.update(
        { ...reference, conversation: { ...reference.conversation!, id: copy.conversationId } },
        copy.activityId,
        {
          attachments: [CardFactory.adaptiveCard(card)],
        },
      );
    } catch (err) {
      deps.logger.warn(
        {
          event: "review.copy_update_failed",
          classificationId: decided.classificationId,
          staffId: copy.staffId,
          err: String(err),
        },
        "could not update a review card copy",
      );
    }
  }
}

export async function notifyCoach(deps: BotDeps, review: ReviewDeps, decided: PendingReview): Promise<void> {
  const reference = (await deps.store.staff.findConversationReferences([decided.coachId])).get(decided.coachId) as
    | Partial<ConversationReference>
    | undefined;
  if (!reference) return;
  const locale = deps.defaultLocale;
  const s = catalogue(locale).review;
  // Teams renders message text as markdown too: names and the note are shown as typed
  const who = cardText(decided.reviewedByName ?? "?");
  const client = cardText(decided.clientName);
  const message =
    decided.status === "FINAL"
      ? s.coachApproved(client, who)
      : decided.status === "REJECTED"
        ? s.coachRejected(client, who, cardText(decided.reviewNote ?? ""))
        : s.coachReturned(client, who, cardText(decided.reviewNote ?? ""));
  const activity =
    decided.status === "FINAL"
      ? { text: message }
      : {
          text: message,
          attachments: [
            CardFactory.adaptiveCard({
              type: "AdaptiveCard",
              version: "1.5",
              body: [{ type: "TextBlock", text: reviewStatusLine(decided, locale).status, wrap: true, weight: "Bolder" }],
              actions: [
                {
                  type: "Action.Submit",
                  title: s.reopen,
                  data: { verb: "debrief.reopen", classificationId: decided.classificationId },
                },
              ],
            }),
          ],
        };
  try {
    await review.proactive.send(reference, activity);
  } catch (err) {
    deps.logger.warn(
      { event: "review.notify_coach_failed", classificationId: decided.classificationId, err: String(err) },
      "could not notify the coach",
    );
  }
}

/**
 * Sends a review request to every supervisor of the team who has opened a chat with Trede. Returns
 * who will see it; supervisors without a chat see it in their "beoordelen" list.
 */
export async function requestReview(
  deps: BotDeps,
  review: ReviewDeps,
  input: { classificationId: string; coach: Actor; coachCard?: { conversationId: string; activityId: string } },
): Promise<{ notified: string[]; listOnly: string[] }> {
  const { store } = deps;
  const found = await store.review.find(input.classificationId);
  if (!found) return { notified: [], listOnly: [] };
  if (input.coachCard)
    await store.review.saveCard({
      classificationId: found.classificationId,
      staffId: input.coach.staffId,
      ...input.coachCard,
    });
  const reviewers = await store.review.findReviewers({ teamId: found.teamId, excludeStaffId: input.coach.staffId });
  const notified: string[] = [];
  const listOnly: string[] = [];
  for (const reviewer of reviewers) {
    const reference = reviewer.reference as Partial<ConversationReference> | null;
    if (!reference) {
      listOnly.push(reviewer.displayName);
      continue;
    }
    const card = renderReviewCard(found, {
      locale: deps.defaultLocale,
      texts: review.texts,
      canDecide: true,
      refreshUserIds: [userIdOf(reference)].filter((x): x is string => Boolean(x)),
    });
    try {
      const id = await review.proactive.send(reference, { attachments: [CardFactory.adaptiveCard(card)] });
      if (id)
        await store.review.saveCard({
          classificationId: found.classificationId,
          staffId: reviewer.id,
          conversationId: reference.conversation!.id,
          activityId: id,
        });
      notified.push(reviewer.displayName);
    } catch (err) {
      deps.logger.warn(
        {
          event: "review.request_failed",
          classificationId: found.classificationId,
          reviewer: reviewer.id,
          err: String(err),
        },
        "could not reach a reviewer",
      );
      listOnly.push(reviewer.displayName);
    }
  }
  return { notified, listOnly };
}

// Four eyes in Teams. Review cards use Universal Actions: the card in a supervisor's chat carries the
// decision actions and a refresh for that supervisor; after a decision every stored copy (supervisors'
// and the coach's) is replaced by the outcome, and the coach is told.
import { cardText } from "../../cards/card-text.ts";
import { CardFactory, type ConversationReference } from "botbuilder";
import { z } from "zod";
import { hasRole, type Actor } from "../../domain/access/actor.ts";
import { renderReviewCard, renderReviewListCard, reviewStatusLine, type RungTexts } from "../../cards/review.card.ts";
import type { Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/messages.ts";
import { recordRefusal } from "../../storage/audit/record-audit-event.ts";
import {
  decideReview,
  findReview,
  findReviewSubject,
  findReviewers,
  isReviewerFor,
  countPendingReviews,
  listPendingReviews,
  listReviewCards,
  saveReviewCard,
  type PendingReview,
  type ReviewDecision,
} from "../../storage/review/review.repository.ts";
import { findConversationReferences } from "../../storage/staff.repository.ts";
import { openClient, readableRows, recordRead, requireClientInScope } from "../client-access.ts";
import { invokeCard, invokeMessage } from "../invoke.ts";
import type { Proactive } from "../proactive.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { BotDeps, Turn } from "../turn.ts";

export interface ReviewDeps {
  proactive: Proactive;
  texts: RungTexts;
}

const ExecuteData = z.object({ classificationId: z.uuid() });
export const DecisionData = ExecuteData.extend({
  rejectNote: z.string().trim().max(500).optional(),
  returnNote: z.string().trim().max(500).optional(),
});
const OpenSubmit = z.object({ verb: z.literal("review.open"), classificationId: z.uuid() });

const text = {
  nl: {
    noteRequired: "Vul een toelichting in; de coach ziet die bij de afwijzing of vraag.",
    notReviewer: "Alleen een werkbegeleider van het team van deze klant kan dit beoordelen.",
    ownClassification: "Je kunt je eigen indeling niet zelf goedkeuren (vier ogen).",
    notFound: "Deze indeling bestaat niet (meer).",
    coachApproved: (client: string, who: string) => `${who} heeft de indeling van ${client} goedgekeurd.`,
    coachRejected: (client: string, who: string, note: string) => `${who} heeft de indeling van ${client} afgewezen: "${note}". Open het verslag opnieuw om het aan te passen.`,
    coachReturned: (client: string, who: string, note: string) => `${who} heeft een vraag over de indeling van ${client}: "${note}". Open het verslag opnieuw om te antwoorden.`,
    reopen: "Verslag heropenen",
    onlyReviewers: "Het overzicht van te beoordelen indelingen is voor werkbegeleiders en teamleiders.",
    alreadyDecided: "Deze indeling was al beoordeeld:",
  },
  en: {
    noteRequired: "Please add a note; the coach sees it with the rejection or question.",
    notReviewer: "Only a supervisor of this client's team can review this.",
    ownClassification: "You cannot approve your own classification (four eyes).",
    notFound: "This classification does not exist (any more).",
    coachApproved: (client: string, who: string) => `${who} approved the classification of ${client}.`,
    coachRejected: (client: string, who: string, note: string) => `${who} rejected the classification of ${client}: "${note}". Reopen the debrief to adjust it.`,
    coachReturned: (client: string, who: string, note: string) => `${who} has a question about the classification of ${client}: "${note}". Reopen the debrief to answer.`,
    reopen: "Reopen debrief",
    onlyReviewers: "The list of classifications to review is for supervisors and team leads.",
    alreadyDecided: "This classification was already reviewed:",
  },
};

const userIdOf = (reference: object | undefined) => (reference as Partial<ConversationReference> | undefined)?.user?.id;

export function reviewRoutes(review: ReviewDeps) {
  return (r: RouteRegistrar) => {
    const anchored = /^\s*(beoordelen|te beoordelen|wat moet ik beoordelen\??|welke indelingen wachten op akkoord\??|review|reviews|pending reviews?|what do i need to review\??)\s*$/i;
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
  if (!hasRole(actor, "SUPERVISOR") && !hasRole(actor, "TEAM_LEAD") && !hasRole(actor, "ADMIN")) {
    await context.sendActivity(text[locale].onlyReviewers);
    return;
  }
  const [rows, total, team] = await Promise.all([
    listPendingReviews(deps.prisma, actor),
    countPendingReviews(deps.prisma, actor),
    actor.teamId && !hasRole(actor, "ADMIN") ? deps.prisma.team.findUnique({ where: { id: actor.teamId }, select: { name: true } }) : null,
  ]);
  const pending = await readableRows(turn, rows, (r) => r.clientId, { via: "review.list" });
  const scope = hasRole(actor, "ADMIN") ? (locale === "nl" ? "alle teams" : "all teams") : `team ${team?.name ?? ""}`;
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(renderReviewListCard(pending, { locale, texts: review.texts, scope, total }))] });
}

/**
 * A review card for the person asking, after the one access check: the classification's client must be
 * within their scope. Unknown ids and clients outside scope get the same answer.
 */
async function readReview(turn: Turn, classificationId: string | undefined, via: string): Promise<PendingReview | null> {
  const subject = classificationId ? await findReviewSubject(turn.deps.prisma, classificationId) : null;
  if (!(await openClient(turn, subject?.clientId, { via, subjectId: subject?.classificationId ?? null }))) return null;
  return findReview(turn.deps.prisma, subject!.classificationId);
}

async function openReview(turn: Turn, review: ReviewDeps): Promise<void> {
  const { context, actor, locale, deps } = turn;
  const parsed = OpenSubmit.safeParse(context.activity.value);
  // the list and its cards are a reviewer's tool; a coach reads their own client's outcome elsewhere
  if (!hasRole(actor, "SUPERVISOR") && !hasRole(actor, "TEAM_LEAD") && !hasRole(actor, "ADMIN")) {
    await recordRefusal(deps.prisma, { actor, reason: "review_open_forbidden" });
    await context.sendActivity(text[locale].notReviewer);
    return;
  }
  const found = await readReview(turn, parsed.data?.classificationId, "review.open");
  if (!found) return;
  const canDecide = isReviewerFor(actor, found.teamId) && found.coachId !== actor.staffId;
  const card = renderReviewCard(found, { locale, texts: review.texts, canDecide, refreshUserIds: [context.activity.from.id] });
  const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  if (sent?.id) await saveReviewCard(deps.prisma, { classificationId: found.classificationId, staffId: actor.staffId, conversationId: context.activity.conversation.id, activityId: sent.id });
}

async function refreshReview(turn: Turn, review: ReviewDeps): Promise<void> {
  const { context, actor, locale } = turn;
  const parsed = ExecuteData.safeParse(actionData(context.activity.value));
  const found = await readReview(turn, parsed.data?.classificationId, "review.refresh");
  if (!found) return;
  const canDecide = isReviewerFor(actor, found.teamId) && found.coachId !== actor.staffId;
  await invokeCard(context, renderReviewCard(found, { locale, texts: review.texts, canDecide, refreshUserIds: canDecide ? [context.activity.from.id] : [] }));
}

async function decide(turn: Turn, review: ReviewDeps, decision: ReviewDecision): Promise<void> {
  const { context, actor, locale, deps } = turn;
  const s = text[locale];
  const parsed = DecisionData.safeParse(actionData(context.activity.value));
  if (!parsed.success) {
    await recordRefusal(deps.prisma, { actor, reason: "review_invalid_payload" });
    return invokeMessage(context, t(locale).staleCard);
  }
  // nobody decides on, or sees the outcome of, a classification of a client outside their scope
  const subject = await findReviewSubject(deps.prisma, parsed.data.classificationId);
  const via = `review.${decision}`;
  if (!(await requireClientInScope(turn, subject?.clientId, { via, subjectId: subject?.classificationId ?? null }))) return;
  const note = (decision === "reject" ? parsed.data.rejectNote : decision === "return" ? parsed.data.returnNote : null) || null;
  if (decision !== "approve" && !note) return invokeMessage(context, s.noteRequired);
  const result = await decideReview(deps.prisma, { actor, classificationId: parsed.data.classificationId, decision, note, now: deps.clock() });
  if (result.outcome === "forbidden") {
    return invokeMessage(context, result.reason === "own_classification" ? s.ownClassification : result.reason === "not_found" ? s.notFound : s.notReviewer);
  }
  await recordRead(turn, [result.review.clientId], { via, subjectId: result.review.classificationId });
  const outcomeCard = renderReviewCard(result.review, { locale, texts: review.texts, canDecide: false, refreshUserIds: [] });
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

/** Replaces every stored copy of the review card with the outcome (except the one the invoke answers). */
async function updateCopies(deps: BotDeps, review: ReviewDeps, decided: PendingReview, answeredActivityId: string | undefined): Promise<void> {
  const copies = await listReviewCards(deps.prisma, decided.classificationId);
  const references = await findConversationReferences(deps.prisma, copies.map((c) => c.staffId));
  for (const copy of copies) {
    if (copy.activityId === answeredActivityId) continue;
    const reference = references.get(copy.staffId) as Partial<ConversationReference> | undefined;
    if (!reference) continue;
    const card = renderReviewCard(decided, { locale: deps.defaultLocale, texts: review.texts, canDecide: false, refreshUserIds: [] });
    try {
      await review.proactive.update({ ...reference, conversation: { ...reference.conversation!, id: copy.conversationId } }, copy.activityId, {
        attachments: [CardFactory.adaptiveCard(card)],
      });
    } catch (err) {
      deps.logger.warn({ event: "review.copy_update_failed", classificationId: decided.classificationId, staffId: copy.staffId, err: String(err) }, "could not update a review card copy");
    }
  }
}

async function notifyCoach(deps: BotDeps, review: ReviewDeps, decided: PendingReview): Promise<void> {
  const reference = (await findConversationReferences(deps.prisma, [decided.coachId])).get(decided.coachId) as Partial<ConversationReference> | undefined;
  if (!reference) return;
  const locale: Locale = deps.defaultLocale;
  const s = text[locale];
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
              actions: [{ type: "Action.Submit", title: s.reopen, data: { verb: "debrief.reopen", classificationId: decided.classificationId } }],
            }),
          ],
        };
  try {
    await review.proactive.send(reference, activity);
  } catch (err) {
    deps.logger.warn({ event: "review.notify_coach_failed", classificationId: decided.classificationId, err: String(err) }, "could not notify the coach");
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
  const found = await findReview(deps.prisma, input.classificationId);
  if (!found) return { notified: [], listOnly: [] };
  if (input.coachCard) await saveReviewCard(deps.prisma, { classificationId: found.classificationId, staffId: input.coach.staffId, ...input.coachCard });
  const reviewers = await findReviewers(deps.prisma, { teamId: found.teamId, excludeStaffId: input.coach.staffId });
  const notified: string[] = [];
  const listOnly: string[] = [];
  for (const reviewer of reviewers) {
    const reference = reviewer.reference?.reference as Partial<ConversationReference> | undefined;
    if (!reference) {
      listOnly.push(reviewer.displayName);
      continue;
    }
    const card = renderReviewCard(found, { locale: deps.defaultLocale, texts: review.texts, canDecide: true, refreshUserIds: [userIdOf(reference)].filter((x): x is string => Boolean(x)) });
    try {
      const id = await review.proactive.send(reference, { attachments: [CardFactory.adaptiveCard(card)] });
      if (id) await saveReviewCard(deps.prisma, { classificationId: found.classificationId, staffId: reviewer.id, conversationId: reference.conversation!.id, activityId: id });
      notified.push(reviewer.displayName);
    } catch (err) {
      deps.logger.warn({ event: "review.request_failed", classificationId: found.classificationId, reviewer: reviewer.id, err: String(err) }, "could not reach a reviewer");
      listOnly.push(reviewer.displayName);
    }
  }
  return { notified, listOnly };
}

function actionData(value: unknown): unknown {
  return (value as { action?: { data?: unknown } } | undefined)?.action?.data;
}


// Confirming or adjusting the proposal: parse → use case → render the stored result, and ask a
// supervisor when the team's policy says so.
import { renderDebriefSummaryCard } from "../../../cards/debrief-summary.card.ts";
import { cardText } from "../../../cards/card-text.ts";
import { rungLabel } from "../../../domain/debrief/steps.ts";
import { debriefTexts } from "../../../domain/debrief/texts.ts";
import { formatDate } from "../../../i18n/format.ts";
import { confirmDebrief, type ConfirmDebriefResult, type StoredDebrief } from "../../../use-cases/debrief/confirm-debrief.ts";
import { overrideDebrief } from "../../../use-cases/debrief/override-debrief.ts";
import type { Turn } from "../../turn.ts";
import { requestReview } from "../review.handler.ts";
import { checkSubmit, CardValues, readDraft, saveDraft, sendOrReplace, showScreen, Submit, useCaseDeps } from "./session.ts";
import type { DebriefDeps } from "./deps.ts";

export async function confirm(turn: Turn, deps: DebriefDeps, override: boolean): Promise<void> {
  const stored = readDraft(turn);
  const raw = CardValues.safeParse(turn.context.activity.value ?? {});
  // A double click or a retried request: the first one finished this draft; answer without redoing it.
  if (stored && "finished" in stored && raw.success && Submit.safeParse(raw.data).data?.draftId === stored.draftId) return;
  const checked = await checkSubmit(turn);
  if (!checked) return;
  const useCase = useCaseDeps(turn, deps);
  const r: ConfirmDebriefResult = override
    ? await overrideDebrief(useCase, turn.actor, checked)
    : await confirmDebrief(useCase, turn.actor, checked);
  if (r.kind === "refused") return void (await turn.context.sendActivity(debriefTexts(turn.locale).clientRefused));
  if (r.kind === "show") return showScreen(turn, r);
  await stored_(turn, deps, r, checked.draft.cardActivityId, checked.draft.draftId);
}

async function stored_(turn: Turn, deps: DebriefDeps, r: StoredDebrief, cardActivityId: string | null, draftId: string): Promise<void> {
  const { locale } = turn;
  const s = debriefTexts(locale);
  const { view } = r.ctx;
  const pending = r.status === "PENDING_REVIEW";
  const summary = renderDebriefSummaryCard({
    title: s.savedTitle(r.client.client.displayName),
    status: pending ? s.pending([]) : s.final,
    statusColor: pending ? "Warning" : "Good",
    facts: [
      {
        title: s.rung,
        value: `${rungLabel(view, r.final.rung)[locale]}${r.final.overrideReason ? ` (${s.overridden})` : ""}`,
      },
      { title: s.substep, value: view.substepLabel(r.final.rung, r.final.substep)[locale] },
      {
        title: s.expected,
        value: r.expected.rung === null ? s.unknown : `${rungLabel(view, r.expected.rung)[locale]} (${s.months(r.expected.horizonMonths)})`,
      },
      { title: s.observedOn, value: formatDate(new Date(`${r.observedOn}T00:00:00Z`), locale) },
    ],
    note: "",
    locale,
  });
  const cardId = await sendOrReplace(turn, summary, cardActivityId);
  saveDraft(turn, { finished: true, draftId, classificationId: r.classificationId });
  if (pending && r.created) {
    const who = await requestReview(turn.deps, deps.review, {
      classificationId: r.classificationId,
      coach: turn.actor,
      coachCard: cardId ? { conversationId: turn.context.activity.conversation.id, activityId: cardId } : undefined,
    });
    // staff names as typed, never as markdown
    await turn.context.sendActivity(
      s.reviewNotice(
        who.notified.map((n) => cardText(n)),
        who.listOnly.map((n) => cardText(n)),
      ),
    );
  }
}

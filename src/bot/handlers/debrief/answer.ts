// Answering a step's card, going back one, cancelling: parse → use case → render.
import { renderDebriefSummaryCard } from "../../../cards/debrief-summary.card.ts";
import { debriefTexts } from "../../../domain/debrief/texts.ts";
import { formatDate } from "../../../i18n/format.ts";
import { answerDebriefStep, stepBack } from "../../../use-cases/debrief/answer-step.ts";
import type { Turn } from "../../turn.ts";
import { checkSubmit, saveDraft, sendOrReplace, showScreen, useCaseDeps } from "./session.ts";
import type { DebriefDeps } from "./deps.ts";

export async function next(turn: Turn, deps: DebriefDeps): Promise<void> {
  const checked = await checkSubmit(turn);
  if (!checked) return;
  const s = debriefTexts(turn.locale);
  const r = await answerDebriefStep(useCaseDeps(turn, deps), turn.actor, checked);
  if (r.kind === "refused") return void (await turn.context.sendActivity(s.clientRefused));
  if (r.kind === "not_reached") {
    const card = renderDebriefSummaryCard({
      title: s.notReachedTitle,
      status: "",
      statusColor: "Default",
      facts: [
        { title: r.client.client.displayName, value: r.client.client.externalKey },
        { title: s.observedOn, value: formatDate(new Date(`${r.date}T00:00:00Z`), turn.locale) },
      ],
      note: s.notReachedNote,
      locale: turn.locale,
    });
    await sendOrReplace(turn, card, checked.draft.cardActivityId);
    return saveDraft(turn, { finished: true, draftId: checked.draft.draftId, classificationId: null });
  }
  await showScreen(turn, r, { opened: r.opened ? "debrief.client" : undefined });
}

export async function back(turn: Turn, deps: DebriefDeps): Promise<void> {
  const checked = await checkSubmit(turn);
  if (!checked) return;
  await showScreen(turn, await stepBack(useCaseDeps(turn, deps), turn.actor, checked));
}

export async function cancel(turn: Turn): Promise<void> {
  const checked = await checkSubmit(turn);
  if (!checked) return;
  const card = renderDebriefSummaryCard({
    title: debriefTexts(turn.locale).cancelled,
    status: "",
    statusColor: "Default",
    facts: [],
    note: "",
    locale: turn.locale,
  });
  await sendOrReplace(turn, card, checked.draft.cardActivityId);
  saveDraft(turn, null);
}

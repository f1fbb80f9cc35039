// After a rejection or a question: the debrief opens again at the proposal, with the supervisor's note.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { debriefTexts } from "../../../domain/debrief/texts.ts";
import { reopenDebrief } from "../../../use-cases/debrief/reopen-debrief.ts";
import type { Turn } from "../../turn.ts";
import { isOpen, readDraft, retireCard, showScreen, useCaseDeps } from "./session.ts";
import type { DebriefDeps } from "./deps.ts";

const ReopenSubmit = z.object({ verb: z.literal("debrief.reopen"), classificationId: z.uuid() });

export async function reopen(turn: Turn, deps: DebriefDeps): Promise<void> {
  const parsed = ReopenSubmit.safeParse(turn.context.activity.value);
  const r = await reopenDebrief(useCaseDeps(turn, deps), turn.actor, {
    classificationId: parsed.success ? parsed.data.classificationId : "",
    draftId: randomUUID(),
  });
  if (r.kind === "refused") return void (await turn.context.sendActivity(debriefTexts(turn.locale).reopenRefused));
  // one live card: an unfinished debrief's card goes read-only
  const existing = readDraft(turn);
  if (isOpen(existing)) await retireCard(turn, existing.cardActivityId, debriefTexts(turn.locale).cancelled);
  await showScreen(turn, r, { newMessage: true, opened: "debrief.reopen" });
}

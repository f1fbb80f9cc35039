// A free-text note about a visit starts a debrief: the client is preselected when the note names exactly
// one of the coach's clients in full (several with that name: the picker offers only those); with a model configured (and the team allowing notes to a model) the
// answers are prefilled from the masked note. The coach sees and confirms every prefilled answer.
import { randomUUID } from "node:crypto";
import type { PrefillDebrief } from "../../../ai/actions.ts";
import type { ModelGate } from "../../../ai/model-gate.ts";
import { startDebrief } from "../../../use-cases/debrief/start-debrief.ts";
import type { Turn } from "../../turn.ts";
import { clientsNamedInNote, sayClientSearchOutcome } from "./client-search.ts";
import { showScreen, useCaseDeps } from "./session.ts";
import type { DebriefDeps } from "./deps.ts";

const VISIT_NOTE =
  /\b(geweest|bezocht|huisbezoek|op bezoek|langsgeweest|gesproken met|keukentafelgesprek|visited|home visit|visit to|spoke with|met with)\b/i;

/** A free-text note about a visit ("net bij mevrouw J. geweest, ...") starts a debrief rather than a question. */
export function isVisitNote(text: string): boolean {
  return text.trim().length >= 15 && VISIT_NOTE.test(text);
}

export function startFromNote(deps: DebriefDeps & { model?: ModelGate }) {
  return async (turn: Turn): Promise<void> => {
    const { actor, deps: bot } = turn;
    const note = (turn.context.activity.text ?? "").slice(0, 2_000);
    const named = await clientsNamedInNote(turn, note);
    let prefill: Record<string, string> = {};
    // the gate applies the team's notes-to-model setting and the masking
    if (deps.model) {
      const r = await deps.model.ask(turn, { purpose: "debrief-prefill", text: note });
      if (r.ok) prefill = prefillFromModel(r.value);
      else if (r.reason !== "not_allowed")
        bot.logger.info(
          { event: "model.fallback", use: "debrief-prefill", reason: r.reason },
          "model path failed; the coach answers every question",
        );
    }
    const started = await startDebrief(useCaseDeps(turn, deps), actor, {
      draftId: randomUUID(),
      clientId: named.kind === "one" ? named.clientId : null,
      prefill,
    });
    if (started.kind !== "show") return;
    if (named.kind === "several") await sayClientSearchOutcome(turn, named);
    const choices = named.kind === "several" ? named.choices : undefined;
    await showScreen(turn, started, {
      newMessage: true,
      choices,
      opened: started.client ? "debrief.client" : undefined,
    });
  };
}

/** The model's reading of a note as card field values (shown for the coach to confirm, never stored unseen). */
function prefillFromModel(p: PrefillDebrief): Record<string, string> {
  const prefill: Record<string, string> = {};
  if (p.contactKind) prefill.kind = p.contactKind;
  if (p.reached !== undefined) prefill.reached = p.reached ? "ja" : "nee";
  for (const [id, value] of Object.entries(p.ladder ?? {})) prefill[`ladder_${id}`] = Array.isArray(value) ? value.join(",") : value;
  if (p.substep) prefill.nextStep = p.substep;
  if (p.expectedRung !== undefined) prefill.expectedRung = String(p.expectedRung);
  if (p.growthPotential) prefill.growthPotential = p.growthPotential;
  if (p.outcome) prefill.outcome = p.outcome;
  return prefill;
}

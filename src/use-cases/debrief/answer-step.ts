// A coach answers the current step's card (or goes back one). The step table parses the answer; a
// problem shows the same card again with every value the coach chose; a client not reached ends here.
import type { Actor } from "../../domain/access/actor.ts";
import type { DebriefDraft } from "../../domain/debrief/debrief-flow.ts";
import type { DebriefClient } from "../../domain/debrief/ports.ts";
import type { RawValues } from "../../domain/debrief/step-answers.ts";
import { answerStep, currentStep, goBack, STEPS, submitStep } from "../../domain/debrief/steps.ts";
import { contextFor, loadClient, show, type DebriefUseCaseDeps, type Shown } from "./debrief-deps.ts";

export interface AnswerStepInput {
  draft: DebriefDraft;
  values: RawValues;
}

export type AnswerStepResult =
  | (Shown & { opened: DebriefClient | null })
  | { kind: "not_reached"; client: DebriefClient; date: string }
  | { kind: "refused" };

export async function answerDebriefStep(deps: DebriefUseCaseDeps, actor: Actor, input: AnswerStepInput): Promise<AnswerStepResult> {
  const { draft, values } = input;
  const client = await loadClient(deps, actor, draft);
  if (draft.clientId && !client) {
    await deps.store.recordRefusal(actor, "client_out_of_scope", { step: "answer" });
    return { kind: "refused" };
  }
  const ctx = contextFor(deps, draft, client);
  const step = currentStep(ctx);
  if (step === "proposal") return { ...show(deps, draft, client), opened: null };
  if (step === "contact") {
    const parsed = STEPS.contact.parse(ctx, values);
    if (!parsed.ok) return { ...show(deps, draft, client, { problems: parsed.problems, values }), opened: null };
    const chosen = parsed.value.clientId === client?.client.id ? client : await deps.store.findClient(actor, parsed.value.clientId);
    if (!chosen) {
      await deps.store.recordRefusal(actor, "client_out_of_scope", { step: "contact" });
      return {
        ...show(deps, draft, client, { problems: { "": "not_in_caseload", clientId: "not_in_caseload" }, values }),
        opened: null,
      };
    }
    if (!parsed.value.contact.reached) {
      await deps.store.recordUnreached({
        actor,
        clientId: chosen.client.id,
        date: parsed.value.contact.date,
        kind: parsed.value.contact.kind,
        idempotencyKey: `debrief:${draft.draftId}:not-reached`,
      });
      return { kind: "not_reached", client: chosen, date: parsed.value.contact.date };
    }
    return { ...show(deps, answerStep(draft, "contact", parsed.value), chosen), opened: chosen };
  }
  const submitted = submitStep(ctx, step, values);
  if (!submitted.ok) return { ...show(deps, draft, client, { problems: submitted.problems, values }), opened: null };
  return { ...show(deps, submitted.value, client), opened: null };
}

export async function stepBack(deps: DebriefUseCaseDeps, actor: Actor, input: { draft: DebriefDraft }): Promise<Shown> {
  const client = await loadClient(deps, actor, input.draft);
  return show(deps, goBack(contextFor(deps, input.draft, client)), client);
}

// A coach adjusts the proposal ("Aanpassen"): another rung and one of that rung's substeps, with a
// reason the supervisor reads. A refused adjustment keeps the panel open with everything chosen.
import type { Actor } from "../../domain/access/actor.ts";
import { parseOverride } from "../../domain/debrief/step-answers.ts";
import { commitDebrief, type ConfirmDebriefInput, type ConfirmDebriefResult } from "./confirm-debrief.ts";
import { contextFor, loadClient, show, type DebriefUseCaseDeps } from "./debrief-deps.ts";

export async function overrideDebrief(deps: DebriefUseCaseDeps, actor: Actor, input: ConfirmDebriefInput): Promise<ConfirmDebriefResult> {
  const client = await loadClient(deps, actor, input.draft);
  const view = contextFor(deps, input.draft, client).view;
  const choice = parseOverride(view, input.values);
  if (!choice.ok) {
    if (!client) {
      await deps.store.recordRefusal(actor, "client_out_of_scope", { step: "override" });
      return { kind: "refused" };
    }
    return show(deps, input.draft, client, { problems: choice.problems, values: input.values, overrideOpen: true });
  }
  return commitDebrief(deps, actor, input, choice.value);
}

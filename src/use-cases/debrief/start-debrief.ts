// A coach starts a debrief: from "verslag", a nudge's button for one client, or a note about a visit.
// A client id from a card is a claim: it is checked against the coach's scope before anything is shown.
import type { Actor } from "../../domain/access/actor.ts";
import { startDraft } from "../../domain/debrief/debrief-flow.ts";
import type { DebriefClient } from "../../domain/debrief/ports.ts";
import { show, type DebriefUseCaseDeps, type Shown } from "./debrief-deps.ts";

export interface StartDebriefInput {
  draftId: string;
  /** a client chosen before the first card (a nudge's button, a note naming them) */
  clientId?: string | null;
  /** field values read from a note by a model, shown for the coach to confirm */
  prefill?: Record<string, string>;
}

export type StartDebriefResult = (Shown & { client: DebriefClient | null }) | { kind: "refused" };

export async function startDebrief(deps: DebriefUseCaseDeps, actor: Actor, input: StartDebriefInput): Promise<StartDebriefResult> {
  let client: DebriefClient | null = null;
  if (input.clientId) {
    client = await deps.store.findClient(actor, input.clientId);
    if (!client) {
      await deps.store.recordRefusal(actor, "client_out_of_scope", { step: "start" });
      return { kind: "refused" };
    }
  }
  const draft = {
    ...startDraft({ draftId: input.draftId, clientId: client?.client.id ?? null }),
    prefill: input.prefill ?? {},
  };
  return { ...show(deps, draft, client), client };
}

// After a supervisor rejected or returned a classification, its coach opens the debrief again at the
// proposal, with the supervisor's note. The trail ("Terug") is derived from the step table.
import type { Actor } from "../../domain/access/actor.ts";
import { startDraft, type DebriefDraft } from "../../domain/debrief/debrief-flow.ts";
import type { DebriefClient } from "../../domain/debrief/ports.ts";
import { asksVerdiepingChange } from "../../domain/debrief/step-answers.ts";
import { trailFor } from "../../domain/debrief/steps.ts";
import { contextFor, show, type DebriefUseCaseDeps, type Shown } from "./debrief-deps.ts";

export type ReopenDebriefResult = (Shown & { client: DebriefClient }) | { kind: "refused" };

export async function reopenDebrief(
  deps: DebriefUseCaseDeps,
  actor: Actor,
  input: { classificationId: string; draftId: string },
): Promise<ReopenDebriefResult> {
  const source = await deps.store.findReopenSource(input.classificationId);
  const client = source ? await deps.store.findClient(actor, source.clientId) : null;
  if (!source || !client || source.coachId !== actor.staffId || (source.status !== "REJECTED" && source.status !== "RETURNED")) {
    await deps.store.recordRefusal(actor, "reopen_forbidden", {}, source?.clientId ?? null);
    return { kind: "refused" };
  }
  const a = source.answers ?? {};
  const substepValue = a.substep ? Object.values(a.substep)[0] : undefined;
  // the coach revises their own answers of that visit: they show again, to confirm or change
  const prefill: Record<string, string> = {
    ...(substepValue ? { nextStep: substepValue } : {}),
    expectedRung: source.expectedRung === null ? "onbekend" : String(source.expectedRung),
    horizonMonths: String(source.horizonMonths),
    growthPotential: source.growthPotential,
    ...(source.outcome ? { outcome: source.outcome } : {}),
    ...(source.nextContactDate ? { nextContactDate: source.nextContactDate } : {}),
  };
  let draft: DebriefDraft = {
    ...startDraft({ draftId: input.draftId, clientId: client.client.id }),
    contact: { date: source.observedOn, kind: source.contactKind ?? "HUISBEZOEK", reached: true },
    ladder: a.ladder ?? {},
    domains: a.domains ?? {},
    verdieping: a.verdieping ?? {},
    prefill,
    reopenedFrom: source.classificationId,
    reviewNote: source.reviewNote,
  };
  const ctx = contextFor(deps, draft, client);
  draft = { ...draft, verdiepingChange: asksVerdiepingChange(ctx) ? "update" : null };
  draft = { ...draft, trail: trailFor(contextFor(deps, draft, client)) };
  return { ...show(deps, draft, client), client };
}

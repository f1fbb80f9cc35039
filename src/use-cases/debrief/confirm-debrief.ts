// A coach confirms the proposal (with the substep, expectation and outcome on the proposal card). The
// stored record says which answers were the same as last time and whether the verdieping was asked or
// confirmed unchanged; an unusual expectation needs the coach's one-line confirmation first.
import type { Actor } from "../../domain/access/actor.ts";
import {
  proposeFor,
  verdiepingOf,
  ontheffingOf,
  type DebriefDraft,
  type PreviousDebrief,
  type StepContext,
  type StoredAnswers,
} from "../../domain/debrief/debrief-flow.ts";
import type { DebriefClient } from "../../domain/debrief/ports.ts";
import { parseProposal, type OverrideChoice, type ProposalAnswer, type RawValues } from "../../domain/debrief/step-answers.ts";
import { currentStep } from "../../domain/debrief/steps.ts";
import type { ReviewTrigger } from "../../domain/review/review-policy.ts";
import { contextFor, loadClient, show, type DebriefUseCaseDeps, type Shown } from "./debrief-deps.ts";

export interface ConfirmDebriefInput {
  draft: DebriefDraft;
  values: RawValues;
}

export interface StoredDebrief {
  kind: "stored";
  classificationId: string;
  status: "FINAL" | "PENDING_REVIEW";
  reviewReasons: ReviewTrigger[];
  /** false for a replay of the same confirmation (double click, retried request) */
  created: boolean;
  client: DebriefClient;
  ctx: StepContext;
  final: { rung: number; substep: number | null; overrideReason: string | null };
  expected: ProposalAnswer["expected"];
  observedOn: string;
}

export type ConfirmDebriefResult = StoredDebrief | Shown | { kind: "refused" };

export function confirmDebrief(deps: DebriefUseCaseDeps, actor: Actor, input: ConfirmDebriefInput): Promise<ConfirmDebriefResult> {
  return commitDebrief(deps, actor, input, null);
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(Array.isArray(a) ? [...a].sort() : a) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b);

/** Which answers the coach gave the same as last time: confirmed unchanged, on the record as such. */
function confirmedUnchanged(
  previous: PreviousDebrief | null,
  a: Omit<StoredAnswers, "confirmedUnchanged">,
  proposed: { rung: number; substep: number | null },
): string[] {
  if (!previous) return [];
  const out: string[] = [];
  for (const [id, v] of Object.entries(a.ladder))
    if (previous.ladder[id] !== undefined && same(previous.ladder[id], v)) out.push(`ladder.${id}`);
  for (const [code, score] of Object.entries(a.domains))
    if (score !== null && previous.domains[code]?.score === score) out.push(`domain.${code}`);
  if (a.substep && previous.rung === proposed.rung && previous.substep === proposed.substep) out.push("substep");
  if (a.expected.rung !== null && previous.expectedRung === a.expected.rung) out.push("expected");
  if (a.verdiepingSource === "confirmed_unchanged") out.push("verdieping");
  return out.sort();
}

/** Confirm and override share this: check the draft, parse the proposal card, store, answer. */
export async function commitDebrief(
  deps: DebriefUseCaseDeps,
  actor: Actor,
  input: ConfirmDebriefInput,
  override: OverrideChoice | null,
): Promise<ConfirmDebriefResult> {
  const { draft, values } = input;
  const client = await loadClient(deps, actor, draft);
  if (!client || !draft.contact) {
    await deps.store.recordRefusal(actor, "client_out_of_scope", { step: "confirm" });
    return { kind: "refused" };
  }
  const ctx = contextFor(deps, draft, client);
  if (currentStep(ctx) !== "proposal") return show(deps, draft, client);
  const finalRungIfProposed = proposeFor(ctx).rung;
  const parsed = parseProposal(ctx, values, {
    finalRung: override?.rung ?? finalRungIfProposed,
    substepDecided: override !== null,
  });
  if (!parsed.ok)
    return show(deps, draft, client, {
      problems: parsed.problems,
      values,
      confirm: parsed.confirm,
      overrideOpen: override !== null,
    });
  const answer = parsed.value;
  const proposal = proposeFor(ctx, answer.substep);
  // "Aanpassen" to the proposed rung and substep is a confirmation: the store keeps no override for it and
  // asks no review, so the coach's summary must not say "aangepast" either
  const final =
    override && (override.rung !== proposal.rung || override.substep !== proposal.substep)
      ? { rung: override.rung, substep: override.substep, overrideReason: override.reason }
      : { rung: proposal.rung, substep: proposal.substep, overrideReason: null };
  const verdieping = verdiepingOf(ctx);
  const ontheffing = ontheffingOf(ctx.view, ctx);
  const base = {
    ladder: draft.ladder ?? {},
    substep: answer.substep,
    expected: answer.expected,
    domains: draft.domains ?? {},
    verdieping: verdieping.values,
    outcome: answer.outcome.outcome,
    ontheffing,
    verdiepingSource: verdieping.source,
    expectationConfirmed: answer.expectationConfirmed,
  };
  const answers: StoredAnswers = { ...base, confirmedUnchanged: confirmedUnchanged(ctx.previous, base, proposal) };
  const stored = await deps.store.confirm({
    actor,
    clientId: client.client.id,
    idempotencyKey: `debrief:${draft.draftId}`,
    contact: {
      date: draft.contact.date,
      kind: draft.contact.kind,
      outcome: answer.outcome.outcome,
      nextContactDate: answer.outcome.nextContactDate,
    },
    profile: { id: ctx.view.id, version: ctx.view.version, topRung: ctx.view.topRung },
    answers,
    proposed: { rung: proposal.rung, substep: proposal.substep, rung5Reasons: proposal.rung5Reasons },
    final,
    expected: answer.expected,
    ontheffing,
    verdieping: verdieping.values,
    domainScores: answers.domains,
  });
  if (stored.kind === "out_of_scope") {
    await deps.store.recordRefusal(actor, "client_out_of_scope", { step: "confirm" });
    return { kind: "refused" };
  }
  return {
    kind: "stored",
    classificationId: stored.id,
    status: stored.status,
    reviewReasons: stored.reviewReasons,
    created: stored.created,
    client,
    ctx,
    final,
    expected: answer.expected,
    observedOn: draft.contact.date,
  };
}

// What a debrief card shows at one moment: the step (from the table), the context, the problems and
// values of a refused submit, and for the proposal what it means (who must approve and why).
import { reviewReasons, type ReviewTrigger } from "../review/review-policy.ts";
import { ontheffingOf, proposeFor, type ExpectationCheck, type StepContext, type StepId } from "./debrief-flow.ts";
import type { ProposalView } from "./ladder-view.ts";
import type { DebriefClient } from "./ports.ts";
import type { RawValues } from "./step-answers.ts";
import type { FieldProblem } from "./texts.ts";

export interface ProposalFacts {
  proposal: ProposalView;
  /** the review triggers that fire when the coach confirms the proposal as it is */
  approval: { reasons: ReviewTrigger[]; previousRung: number | null };
  /** whether "Aanpassen" needs a supervisor's approval in this team */
  overrideNeedsApproval: boolean;
}

export interface DebriefScreen {
  ctx: StepContext;
  client: DebriefClient | null;
  step: StepId;
  /** problems of the last submit, per field ("" = not about one field) */
  problems?: Record<string, FieldProblem>;
  /** what the coach sent with a refused submit: shown again, nothing they chose is reset */
  values?: RawValues;
  /** the plausibility question to ask on the proposal card */
  confirm?: ExpectationCheck;
  /** the "Aanpassen" panel stays open (a refused override) */
  overrideOpen?: boolean;
  proposal?: ProposalFacts;
}

export function proposalFacts(ctx: StepContext, client: DebriefClient): ProposalFacts {
  const proposal = proposeFor(ctx);
  const previousRung = client.previous?.rung ?? null;
  const triggers = client.team.reviewTriggers;
  return {
    proposal,
    approval: {
      reasons: reviewReasons(triggers, {
        overridden: false,
        previousRung,
        finalRung: proposal.rung,
        ontheffing: ontheffingOf(ctx.view, ctx),
      }),
      previousRung,
    },
    overrideNeedsApproval: triggers.includes("OVERRIDE"),
  };
}

export function screenFor(ctx: StepContext, client: DebriefClient | null, step: StepId, extra: Partial<DebriefScreen> = {}): DebriefScreen {
  return {
    ctx,
    client,
    step,
    ...(step === "proposal" && client ? { proposal: proposalFacts(ctx, client) } : {}),
    ...extra,
  };
}

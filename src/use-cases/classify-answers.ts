// Use case: an integration sends the answers of a debrief and gets the proposal the rules make of them
// (`trede classify`). Nothing is stored. Every invalid input comes back as a list of errors, each naming
// the field and the reason; the caller decides how to show them.
import {
  classify,
  LadderAnswerError,
  parseClassifierAnswers,
  type AnswerIssue,
  type ClassifierAnswers,
  type LadderProfileData,
  type Warning,
} from "../domain/ladder/index.ts";
import type { Localized } from "../domain/localized.ts";

export interface ClassifyAnswersDeps {
  /** The ladder profiles this installation knows (ladders/*.json). */
  profiles: readonly LadderProfileData[];
}

export interface ClassifyAnswersInput {
  profileId: string;
  /** The answers as they arrived (parsed JSON, not yet checked). */
  answers: unknown;
  /** The team's ZRM domains in scope; the profile's default (no special categories) when not given. */
  domainsInScope?: readonly string[];
}

export interface ClassifierProposal {
  profile: { id: string; version: number };
  rung: number;
  substep: number | null;
  /** Every support that made it rung 5, in the profile's order; empty on other rungs. */
  reasons: string[];
  decidedBy: string[];
  expected: ClassifierAnswers["expected"];
  ontheffing: boolean;
  explanation: Localized;
  warnings: Warning[];
}

export type ClassifyAnswersResult = { ok: true; proposal: ClassifierProposal } | { ok: false; errors: AnswerIssue[] };

export function classifyAnswers(deps: ClassifyAnswersDeps, input: ClassifyAnswersInput): ClassifyAnswersResult {
  const profile = deps.profiles.find((p) => p.id === input.profileId);
  if (!profile)
    return {
      ok: false,
      errors: [
        {
          path: "profile",
          message: `unknown profile "${input.profileId}"; known: ${deps.profiles.map((p) => p.id).join(", ")}`,
        },
      ],
    };
  const parsed = parseClassifierAnswers(profile, input.answers, { domainsInScope: input.domainsInScope });
  if (!parsed.ok) return parsed;
  const answers = parsed.answers;
  try {
    const proposal = classify(profile, answers);
    return {
      ok: true,
      proposal: {
        profile: { id: profile.id, version: profile.version },
        rung: proposal.rung,
        substep: proposal.substep,
        reasons: proposal.rung5Reasons,
        decidedBy: proposal.decidedBy,
        expected: answers.expected,
        ontheffing: answers.ontheffing,
        explanation: proposal.explanation,
        warnings: proposal.warnings,
      },
    };
  } catch (e) {
    // the strict parse leaves the rules nothing to refuse; should a profile rule still do so, it is the
    // integrator's input that it names, not a crash
    if (e instanceof LadderAnswerError) return { ok: false, errors: [{ path: e.field, message: e.message.slice(e.field.length + 2) }] };
    throw e;
  }
}

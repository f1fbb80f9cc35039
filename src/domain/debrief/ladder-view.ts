// What the debrief flow needs from a ladder profile, and nothing more. The ladder domain provides it
// (src/domain/ladder); keeping the flow on this small surface lets profiles change shape freely.
import type { Localized } from "../localized.ts";

export interface ChoiceOption {
  value: string;
  label: Localized;
}

/** One question the coach answers with a choice (single or multiple). */
export interface FlowQuestion {
  id: string;
  text: Localized;
  help?: Localized;
  multi: boolean;
  options: ChoiceOption[];
}

export interface RungInfo {
  rung: number;
  name: Localized;
}

export interface ProposalView {
  rung: number;
  substep: number | null;
  rung5Reasons: string[];
  explanation: Localized;
  warnings: Localized[];
}

export interface DomainInfo {
  code: string;
  name: Localized;
  /** Health, substance use, justice: asked only where the team enabled them, with the reason shown. */
  special: boolean;
}

export interface LadderView {
  id: string;
  version: number;
  rungs: RungInfo[];
  topRung: number;
  /** The next stroomschema question given the ladder answers so far; null when the rung is decided. */
  nextLadderQuestion(ladder: Record<string, string | string[]>): FlowQuestion | null;
  /** Every stroomschema question in the profile's order, with the answer that leads to it (null: always asked). */
  ladderQuestions: { question: FlowQuestion; askedWhen: { questionId: string; values: string[] } | null }[];
  /** The substeps of a rung as choices (value "rung.substep"), empty for the top rung. */
  substepChoices(rung: number): ChoiceOption[];
  /** The substep question's id and the answer value of a substep number (null: no substep). */
  substepAnswer(substep: number | null): { id: string; value: string };
  /** The substep question for a decided rung, or null where the rung has no substeps (the top rung). */
  substepQuestion(ladder: Record<string, string | string[]>): FlowQuestion | null;
  substepLabel(rung: number, substep: number | null): Localized;
  domains: DomainInfo[];
  verdieping: FlowQuestion[];
  outcomes: ChoiceOption[];
  /** The id of the verdieping field that records an ontheffing arbeidsplicht, and its "yes" value. */
  ontheffingField: { id: string; yes: string } | null;
  classify(answers: DebriefAnswers): ProposalView;
}

/** The coach's answers in the shape the ladder domain classifies (values as in the profile). */
export interface DebriefAnswers {
  ladder: Record<string, string | string[]>;
  substep: Record<string, string> | null;
  expected: { rung: number | null; horizonMonths: number; growthPotential: "ja" | "nee" | "onbekend" };
  domains: Record<string, number | null>;
  verdieping: Record<string, string>;
  outcome: string | null;
  ontheffing: boolean;
}

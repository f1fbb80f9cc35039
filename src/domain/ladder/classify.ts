// The rules propose; people decide. Walks the profile's stroomschema over the coach's answers, asking
// only the questions the path needs, and explains the proposal in Dutch and English (texts: the catalogue's
// `ladder` area).
import { t } from "../../i18n/catalogue/index.ts";
import type { Localized } from "../localized.ts";
import type { DecisionNode, LadderProfileData, Outcome, Question } from "./ladder-profile.ts";

export type LadderAnswers = Record<string, string | string[]>;

export interface RungDecision {
  rung: number;
  /** substep implied by the answer itself (e.g. activity less than weekly) */
  impliedSubstep: number | null;
  /** Every selected support that led here, in the profile's order: reports on rung-5 subgroups count each one. */
  reasonCodes: string[];
  /** ids of the questions on the path, in the order asked */
  decidedBy: string[];
  because: Localized;
}

export interface Warning {
  code: "EXPECTED_JUMP" | "EXPECTED_RISE_WITH_ONTHEFFING";
  nl: string;
  en: string;
}

export interface Proposal {
  rung: number;
  substep: number | null;
  /** Empty unless the rung was reached through supports (rung 5 on the participatieladder). */
  rung5Reasons: string[];
  decidedBy: string[];
  explanation: Localized;
  warnings: Warning[];
}

export class LadderAnswerError extends Error {
  readonly code = "LADDER_ANSWER_INVALID";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

type Walk = { question: Question } | { decision: RungDecision };

// Answers arrive from outside (cards, integrations): a lookup by answer must never reach an inherited
// property such as "constructor" or "__proto__", so every lookup goes through an own-property check.
const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

function walk(profile: LadderProfileData, answers: LadderAnswers): Walk {
  const questions = new Map(profile.questions.map((q) => [q.id, q]));
  const decidedBy: string[] = [];
  let nodeId = profile.decision.start;
  for (let guard = 0; guard < 50; guard++) {
    const node: DecisionNode = profile.decision.nodes[nodeId];
    const question = questions.get(node.question)!;
    const answer = own(answers, question.id);
    if (answer === undefined) return { question };
    decidedBy.push(question.id);
    let step: Outcome | { next: string };
    let reasonCodes: string[] = [];
    const valid = new Set(question.options.map((o) => o.value));
    if ("branches" in node) {
      const branch = typeof answer === "string" && valid.has(answer) ? own(node.branches, answer) : undefined;
      if (!branch)
        throw new LadderAnswerError(`ladder.${question.id}`, `expected one of ${question.options.map((o) => o.value).join(", ")}`);
      step = branch;
    } else {
      const selected = typeof answer === "string" ? [answer] : answer;
      if (!Array.isArray(selected) || selected.length === 0 || selected.some((v) => typeof v !== "string" || !valid.has(v)))
        throw new LadderAnswerError(`ladder.${question.id}`, `expected a list of ${[...valid].join(", ")}`);
      const hits = node.anyOf.filter((v) => selected.includes(v));
      step = hits.length ? node.then : node.else;
      if (hits.length && "reason" in step && step.reason === "selected") reasonCodes = hits;
    }
    if ("next" in step) {
      nodeId = step.next;
      continue;
    }
    return {
      decision: {
        rung: step.rung,
        impliedSubstep: step.substep ?? null,
        reasonCodes,
        decidedBy,
        because: step.because,
      },
    };
  }
  throw new Error(`profile ${profile.id}: decision graph does not end`);
}

/** The next stroomschema question for these answers, or null when the rung is decided. */
export function nextLadderQuestion(profile: LadderProfileData, answers: LadderAnswers): Question | null {
  const w = walk(profile, answers);
  return "question" in w ? w.question : null;
}

export function decideRung(profile: LadderProfileData, answers: LadderAnswers): RungDecision {
  const w = walk(profile, answers);
  if ("question" in w) throw new LadderAnswerError(`ladder.${w.question.id}`, "answer required");
  return w.decision;
}

export function isTopRung(profile: LadderProfileData, rung: number): boolean {
  return rung === profile.rungs.length;
}

/** Whether the coach is asked for a substep: not on the top rung, and not when the answer implied it. */
export function needsSubstepQuestion(profile: LadderProfileData, decision: RungDecision): boolean {
  return !isTopRung(profile, decision.rung) && decision.impliedSubstep === null;
}

export function substepFromAnswer(profile: LadderProfileData, value: string | undefined): number | null {
  if (value === undefined || value === profile.substeps.none.value) return null;
  const step = profile.substeps.steps.find((s) => s.value === value);
  if (!step)
    throw new LadderAnswerError(
      `substep.${profile.substeps.question.id}`,
      `expected one of ${[profile.substeps.none.value, ...profile.substeps.steps.map((s) => s.value)].join(", ")}`,
    );
  return step.substep;
}

export function rungName(profile: LadderProfileData, rung: number): Localized {
  return profile.rungs.find((r) => r.rung === rung)?.name ?? { nl: String(rung), en: String(rung) };
}

/** "3.2 Voorbereiden", or "—" for no substep. */
export function substepLabel(profile: LadderProfileData, rung: number, substep: number | null): Localized {
  if (substep === null) return { nl: "—", en: "—" };
  const s = profile.substeps.steps.find((x) => x.substep === substep);
  return { nl: `${rung}.${substep} ${s?.name.nl ?? ""}`.trim(), en: `${rung}.${substep} ${s?.name.en ?? ""}`.trim() };
}

export interface ClassifyInput {
  ladder: LadderAnswers;
  substep?: Record<string, string | undefined> | null;
  expected?: { rung: number | null; horizonMonths: number } | null;
  ontheffing?: boolean;
}

export function classify(profile: LadderProfileData, input: ClassifyInput): Proposal {
  const decision = decideRung(profile, input.ladder);
  const substep =
    decision.impliedSubstep ??
    (needsSubstepQuestion(profile, decision)
      ? substepFromAnswer(profile, input.substep ? own(input.substep, profile.substeps.question.id) : undefined)
      : null);
  const warnings = input.expected
    ? checkExpectedRung(profile, {
        current: decision.rung,
        expected: input.expected.rung,
        ontheffing: input.ontheffing ?? false,
      })
    : [];
  return {
    rung: decision.rung,
    substep,
    rung5Reasons: decision.reasonCodes,
    decidedBy: decision.decidedBy,
    explanation: explain(profile, decision, substep),
    warnings,
  };
}

function explain(profile: LadderProfileData, d: RungDecision, substep: number | null): Localized {
  const name = rungName(profile, d.rung);
  const labels = d.reasonCodes.map((code) => profile.reasonCodes.find((r) => r.value === code)?.label ?? { nl: code, en: code });
  const reason = labels.length ? { nl: labels.map((l) => l.nl).join(", "), en: labels.map((l) => l.en).join(", ") } : undefined;
  const next = isTopRung(profile, d.rung) ? null : rungName(profile, d.rung + 1);
  const step = substep === null ? null : profile.substeps.steps.find((s) => s.substep === substep)!;
  const part = (lang: "nl" | "en") => {
    const texts = t(lang).ladder;
    const head = texts.explainRung(d.rung, name[lang], d.because[lang], reason ? reason[lang] : null);
    if (!next) return head;
    if (!step) return `${head} ${texts.explainNoSubstep(d.rung + 1, next[lang])}`;
    return `${head} ${texts.explainSubstep(d.rung, step.substep, step.name[lang], step.when[lang], d.impliedSubstep !== null)}`;
  };
  return { nl: part("nl"), en: part("en") };
}

/** Plausibility, not validity: the coach may still confirm. */
export function checkExpectedRung(
  profile: LadderProfileData,
  input: { current: number; expected: number | null; ontheffing: boolean },
): Warning[] {
  const warnings: Warning[] = [];
  if (input.expected === null) return warnings;
  if (input.expected - input.current >= 3)
    warnings.push({
      code: "EXPECTED_JUMP",
      nl: t("nl").ladder.expectedJump(input.expected - input.current),
      en: t("en").ladder.expectedJump(input.expected - input.current),
    });
  if (input.expected > input.current && input.ontheffing)
    warnings.push({
      code: "EXPECTED_RISE_WITH_ONTHEFFING",
      nl: t("nl").ladder.expectedRiseWithOntheffing,
      en: t("en").ladder.expectedRiseWithOntheffing,
    });
  if (!profile.rungs.some((r) => r.rung === input.expected))
    throw new LadderAnswerError("expected.rung", `expected a rung of ${profile.id} or onbekend`);
  return warnings;
}

/** Report-time view of a rung on the 6-rung participatieladder; the native value is never replaced. */
export function mapToParticipatieladder(profile: LadderProfileData, rung: number): number | null {
  if (profile.id === "participatieladder-6") return rung;
  return profile.mapToParticipatieladder?.[String(rung)] ?? null;
}

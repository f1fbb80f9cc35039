// The rules propose; people decide. Walks the profile's stroomschema over the coach's answers, asking
// only the questions the path needs, and explains the proposal in Dutch and English.
import { z } from "zod";
import type { Localized } from "../localized.ts";
import type { DecisionNode, LadderProfileData, Outcome, Question } from "./ladder-profile.ts";

export type LadderAnswers = Record<string, string | string[]>;

export interface RungDecision {
  rung: number;
  /** substep implied by the answer itself (e.g. activity less than weekly) */
  impliedSubstep: number | null;
  reasonCode: string | null;
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
  rung5Reason: string | null;
  decidedBy: string[];
  explanation: Localized;
  warnings: Warning[];
}

export class LadderAnswerError extends Error {
  readonly code = "LADDER_ANSWER_INVALID";
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

type Walk = { question: Question } | { decision: RungDecision };

function walk(profile: LadderProfileData, answers: LadderAnswers): Walk {
  const questions = new Map(profile.questions.map((q) => [q.id, q]));
  const decidedBy: string[] = [];
  let nodeId = profile.decision.start;
  for (let guard = 0; guard < 50; guard++) {
    const node: DecisionNode = profile.decision.nodes[nodeId];
    const question = questions.get(node.question)!;
    const answer = answers[question.id];
    if (answer === undefined) return { question };
    decidedBy.push(question.id);
    let step: Outcome | { next: string };
    let reasonCode: string | null = null;
    if ("branches" in node) {
      if (typeof answer !== "string" || !node.branches[answer]) throw new LadderAnswerError(`ladder.${question.id}`, `expected one of ${question.options.map((o) => o.value).join(", ")}`);
      step = node.branches[answer];
    } else {
      const selected = typeof answer === "string" ? [answer] : answer;
      const valid = new Set(question.options.map((o) => o.value));
      if (!Array.isArray(selected) || selected.length === 0 || selected.some((v) => !valid.has(v)))
        throw new LadderAnswerError(`ladder.${question.id}`, `expected a list of ${[...valid].join(", ")}`);
      const hit = node.anyOf.find((v) => selected.includes(v));
      step = hit ? node.then : node.else;
      if (hit && "reason" in step && step.reason === "selected") reasonCode = hit;
    }
    if ("next" in step) {
      nodeId = step.next;
      continue;
    }
    return { decision: { rung: step.rung, impliedSubstep: step.substep ?? null, reasonCode, decidedBy, because: step.because } };
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
  if (!step) throw new LadderAnswerError(`substep.${profile.substeps.question.id}`, `expected one of ${[profile.substeps.none.value, ...profile.substeps.steps.map((s) => s.value)].join(", ")}`);
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
  const substep = decision.impliedSubstep ?? (needsSubstepQuestion(profile, decision) ? substepFromAnswer(profile, input.substep?.[profile.substeps.question.id]) : null);
  const warnings = input.expected ? checkExpectedRung(profile, { current: decision.rung, expected: input.expected.rung, ontheffing: input.ontheffing ?? false }) : [];
  return {
    rung: decision.rung,
    substep,
    rung5Reason: decision.reasonCode,
    decidedBy: decision.decidedBy,
    explanation: explain(profile, decision, substep),
    warnings,
  };
}

function explain(profile: LadderProfileData, d: RungDecision, substep: number | null): Localized {
  const name = rungName(profile, d.rung);
  const reason = d.reasonCode ? profile.reasonCodes.find((r) => r.value === d.reasonCode)?.label : undefined;
  const next = isTopRung(profile, d.rung) ? null : rungName(profile, d.rung + 1);
  const step = substep === null ? null : profile.substeps.steps.find((s) => s.substep === substep)!;
  const part = (lang: "nl" | "en") => {
    const head =
      lang === "nl"
        ? `Trede ${d.rung} — ${name.nl}, omdat ${d.because.nl}${reason ? ` (ondersteuning: ${reason.nl})` : ""}.`
        : `Rung ${d.rung} — ${name.en}, because ${d.because.en}${reason ? ` (support: ${reason.en})` : ""}.`;
    if (!next) return head;
    if (!step)
      return lang === "nl"
        ? `${head} Geen tussenstap: er is nog geen volgende stap richting trede ${d.rung + 1} (${next.nl}) in beeld.`
        : `${head} No substep: no next step towards rung ${d.rung + 1} (${next.en}) is in view yet.`;
    const implied = d.impliedSubstep !== null;
    return lang === "nl"
      ? `${head} Tussenstap ${d.rung}.${step.substep} ${step.name.nl}: ${step.when.nl}${implied ? " (volgt uit het antwoord)" : ""}.`
      : `${head} Substep ${d.rung}.${step.substep} ${step.name.en}: ${step.when.en}${implied ? " (follows from the answer)" : ""}.`;
  };
  return { nl: part("nl"), en: part("en") };
}

/** Plausibility, not validity: the coach may still confirm. */
export function checkExpectedRung(profile: LadderProfileData, input: { current: number; expected: number | null; ontheffing: boolean }): Warning[] {
  const warnings: Warning[] = [];
  if (input.expected === null) return warnings;
  if (input.expected - input.current >= 3)
    warnings.push({
      code: "EXPECTED_JUMP",
      nl: `De verwachte trede ligt ${input.expected - input.current} treden boven de huidige; dat is ongebruikelijk binnen de termijn.`,
      en: `The expected rung is ${input.expected - input.current} rungs above the current one; that is unusual within the horizon.`,
    });
  if (input.expected > input.current && input.ontheffing)
    warnings.push({
      code: "EXPECTED_RISE_WITH_ONTHEFFING",
      nl: "Er is een ontheffing van de arbeidsplicht vastgelegd, maar de verwachting is dat de klant stijgt.",
      en: "An exemption from the work obligation is recorded, yet the client is expected to climb.",
    });
  if (!profile.rungs.some((r) => r.rung === input.expected)) throw new LadderAnswerError("expected.rung", `expected a rung of ${profile.id} or onbekend`);
  return warnings;
}

/** Report-time view of a rung on the 6-rung participatieladder; the native value is never replaced. */
export function mapToParticipatieladder(profile: LadderProfileData, rung: number): number | null {
  if (profile.id === "participatieladder-6") return rung;
  return profile.mapToParticipatieladder?.[String(rung)] ?? null;
}

/** The full answers of a debrief for this profile, as the CLI and integrations send them. */
export function answersSchema(profile: LadderProfileData) {
  const ladder = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
  const substepValues = [profile.substeps.none.value, ...profile.substeps.steps.map((s) => s.value)] as [string, ...string[]];
  const rungs = profile.rungs.map((r) => r.rung);
  return z
    .object({
      ladder,
      substep: z.object({ [profile.substeps.question.id]: z.enum(substepValues) }).partial().nullable().default(null),
      expected: z
        .object({
          rung: z.union([z.number().int(), z.literal("onbekend"), z.null()]).transform((v) => (v === "onbekend" ? null : v)),
          horizonMonths: z.number().int().min(1).max(60).default(12),
          growthPotential: z.enum(["ja", "nee", "onbekend"]).default("onbekend"),
        })
        .refine((e) => e.rung === null || rungs.includes(e.rung), { path: ["rung"], message: `must be one of ${rungs.join(", ")} or "onbekend"` })
        .nullable()
        .default(null),
      domains: z.record(z.string(), z.union([z.number().int().min(1).max(5), z.null()])).default({}),
      verdieping: z.record(z.string(), z.string()).default({}),
      outcome: z.enum(profile.outcomes.map((o) => o.value) as [string, ...string[]]).nullable().default(null),
      ontheffing: z.boolean().default(false),
    })
    .strict();
}

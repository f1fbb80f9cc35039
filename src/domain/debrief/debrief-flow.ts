// The debrief as a sequence of steps, one card each. The current step is derived from the answers (the
// first step in flow order without an answer), so state cannot drift from what was answered. "Terug"
// undoes the most recent answer and keeps its value to prefill the card again.
import { z } from "zod";
import { deriveOntheffing } from "../ladder/ontheffing.ts";
import type { DebriefAnswers, LadderView, ProposalView } from "./ladder-view.ts";

export const ContactKind = z.enum(["HUISBEZOEK", "KANTOOR", "TELEFONISCH", "VIDEO"]);
export type ContactKind = z.infer<typeof ContactKind>;
export const GrowthPotential = z.enum(["ja", "nee", "onbekend"]);

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const LadderAnswer = z.union([z.string(), z.array(z.string())]);

export const StepId = z.string().regex(/^(contact|ladder:[\w-]+|substep|expected|domains|verdieping|outcome|proposal)$/);
export type StepId = string;

export const DebriefDraft = z.object({
  draftId: z.uuid(),
  /** Increases with every change; a submit carrying an older seq comes from a stale card. */
  seq: z.number().int().min(0),
  clientId: z.uuid().nullable(),
  teamDomains: z.array(z.string()),
  contact: z.object({ date: IsoDay, kind: ContactKind, reached: z.boolean() }).nullable(),
  ladder: z.record(z.string(), LadderAnswer),
  substep: z.record(z.string(), z.string()).nullable(),
  expected: z.object({ rung: z.number().int().nullable(), horizonMonths: z.number().int(), growthPotential: GrowthPotential }).nullable(),
  domains: z.record(z.string(), z.number().int().min(1).max(5).nullable()).nullable(),
  verdieping: z.record(z.string(), z.string()).nullable(),
  outcome: z.object({ outcome: z.string(), nextContactDate: IsoDay.nullable() }).nullable(),
  /** Answered steps, oldest first: what "Terug" walks back through. */
  trail: z.array(StepId),
  /** Values to show on a step's card: the last classification's answers, or an answer undone by "Terug". */
  prefill: z.record(z.string(), z.unknown()),
  /** Set when a supervisor sent the classification back: shown on the proposal card. */
  reopenedFrom: z.uuid().nullable(),
  reviewNote: z.string().nullable(),
  /** The card the coach sees now; replaced after every submit so old buttons cannot be pressed. */
  cardActivityId: z.string().nullable(),
});
export type DebriefDraft = z.infer<typeof DebriefDraft>;

export function startDraft(options: { draftId: string; teamDomains?: string[] }): DebriefDraft {
  return {
    draftId: options.draftId,
    seq: 0,
    clientId: null,
    teamDomains: options.teamDomains ?? [],
    contact: null,
    ladder: {},
    substep: null,
    expected: null,
    domains: null,
    verdieping: null,
    outcome: null,
    trail: [],
    prefill: {},
    reopenedFrom: null,
    reviewNote: null,
    cardActivityId: null,
  };
}

/** The first step in flow order that still needs an answer. */
export function currentStep(view: LadderView, draft: DebriefDraft): StepId {
  if (!draft.contact) return "contact";
  const q = view.nextLadderQuestion(draft.ladder);
  if (q) return `ladder:${q.id}`;
  if (!draft.substep && view.substepQuestion(draft.ladder)) return "substep";
  if (!draft.expected) return "expected";
  if (!draft.domains && domainsToAsk(view, draft).length) return "domains";
  if (!draft.verdieping && view.verdieping.length) return "verdieping";
  if (!draft.outcome) return "outcome";
  return "proposal";
}

export function domainsToAsk(view: LadderView, draft: DebriefDraft) {
  return view.domains.filter((d) => draft.teamDomains.includes(d.code));
}

/** "Stap n van m": n counts answered steps; m is the best estimate given the answers so far. */
export function progress(view: LadderView, draft: DebriefDraft): { step: number; of: number } {
  const current = currentStep(view, draft);
  const after = ["substep", "expected", "domains", "verdieping", "outcome", "proposal"].filter((s) => {
    if (s === "substep") return current.startsWith("ladder:") || current === "contact" || (current === "substep");
    if (s === "domains") return domainsToAsk(view, draft).length > 0;
    if (s === "verdieping") return view.verdieping.length > 0;
    return true;
  });
  const index = after.indexOf(current);
  const remaining = current === "contact" ? 2 + after.length : current.startsWith("ladder:") ? 1 + after.length : after.length - Math.max(index, 0);
  const step = draft.trail.length + 1;
  return { step, of: step + remaining - 1 };
}

/** Records the answer of `step`; the draft moves on to whatever step is current next. */
export function answerStep(draft: DebriefDraft, step: StepId, value: unknown): DebriefDraft {
  const next: DebriefDraft = { ...draft, seq: draft.seq + 1, trail: [...draft.trail, step], prefill: { ...draft.prefill } };
  delete next.prefill[step];
  if (step === "contact") next.contact = value as DebriefDraft["contact"];
  else if (step.startsWith("ladder:")) next.ladder = { ...draft.ladder, [step.slice(7)]: value as string | string[] };
  else if (step === "substep") next.substep = value as DebriefDraft["substep"];
  else if (step === "expected") next.expected = value as DebriefDraft["expected"];
  else if (step === "domains") next.domains = value as DebriefDraft["domains"];
  else if (step === "verdieping") next.verdieping = value as DebriefDraft["verdieping"];
  else if (step === "outcome") next.outcome = value as DebriefDraft["outcome"];
  return next;
}

/** Undoes the most recent answer; its value prefills the card again. From the first step there is no way back. */
export function goBack(draft: DebriefDraft): DebriefDraft {
  const last = draft.trail.at(-1);
  if (!last || last === "contact") return draft;
  const next: DebriefDraft = { ...draft, seq: draft.seq + 1, trail: draft.trail.slice(0, -1), prefill: { ...draft.prefill } };
  if (last.startsWith("ladder:")) {
    const id = last.slice(7);
    next.prefill[last] = draft.ladder[id];
    const { [id]: _removed, ...rest } = draft.ladder;
    next.ladder = rest;
  } else {
    const key = last as "substep" | "expected" | "domains" | "verdieping" | "outcome";
    next.prefill[last] = draft[key];
    next[key] = null;
  }
  return next;
}

export function isComplete(view: LadderView, draft: DebriefDraft): boolean {
  return currentStep(view, draft) === "proposal";
}

/** The answers in the ladder domain's shape; only valid once the draft is complete. */
export function toAnswers(view: LadderView, draft: DebriefDraft): DebriefAnswers {
  const verdieping = draft.verdieping ?? {};
  const ontheffing = deriveOntheffing(view.ontheffingField, verdieping);
  return {
    ladder: draft.ladder,
    substep: draft.substep,
    expected: draft.expected ?? { rung: null, horizonMonths: 12, growthPotential: "onbekend" },
    domains: draft.domains ?? {},
    verdieping,
    outcome: draft.outcome?.outcome ?? null,
    ontheffing,
  };
}

export function proposeFor(view: LadderView, draft: DebriefDraft): ProposalView {
  return view.classify(toAnswers(view, draft));
}

// The debrief's state between cards, and the flow over the step table (steps.ts): the current step is the
// first step that applies and has no answer yet, so state cannot drift from what was answered. "Terug"
// undoes the most recent answer and keeps its values to show on the card again.
import { z } from "zod";
import { deriveOntheffing } from "../ladder/ontheffing.ts";
import type { DebriefAnswers, LadderView, ProposalView } from "./ladder-view.ts";

export const ContactKind = z.enum(["HUISBEZOEK", "KANTOOR", "TELEFONISCH", "VIDEO"]);
export type ContactKind = z.infer<typeof ContactKind>;
export const GrowthPotential = z.enum(["ja", "nee", "onbekend"]);
export type GrowthPotential = z.infer<typeof GrowthPotential>;

/** The debrief's steps in flow order; steps.ts holds one entry per id (the compiler checks it). */
export const STEP_IDS = ["contact", "observations", "verdieping", "proposal"] as const;
export type StepId = (typeof STEP_IDS)[number];
export const StepIdSchema = z.enum(STEP_IDS);

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const LadderAnswer = z.union([z.string(), z.array(z.string())]);

export const DebriefDraft = z.object({
  draftId: z.uuid(),
  /** Increases with every change; a submit carrying an older seq comes from a stale card. */
  seq: z.number().int().min(0),
  clientId: z.uuid().nullable(),
  contact: z.object({ date: IsoDay, kind: ContactKind, reached: z.boolean() }).nullable(),
  /** The stroomschema answers on the path to the rung (null: the situation card is not answered yet). */
  ladder: z.record(z.string(), LadderAnswer).nullable(),
  domains: z.record(z.string(), z.number().int().min(1).max(5).nullable()).nullable(),
  /** Asked when last time's verdieping is recent: "unchanged" confirms it, "update" asks it again. */
  verdiepingChange: z.enum(["unchanged", "update"]).nullable(),
  verdieping: z.record(z.string(), z.string()).nullable(),
  /** Answered steps, oldest first: what "Terug" walks back through. */
  trail: z.array(StepIdSchema),
  /** Card field values to show again (an answer undone by "Terug", a model's reading of a note). Never last time's. */
  prefill: z.record(z.string(), z.string()),
  /** Set when a supervisor sent the classification back: shown on the proposal card. */
  reopenedFrom: z.uuid().nullable(),
  reviewNote: z.string().nullable(),
  /** The one live card of this debrief; replaced after every submit so old buttons cannot be pressed. */
  cardActivityId: z.string().nullable(),
});
export type DebriefDraft = z.infer<typeof DebriefDraft>;

/** The client's previous classification on the same ladder, shown as "vorige keer: …" (never preselected). */
export interface PreviousDebrief {
  /** ISO day the situation was observed */
  observedOn: string;
  rung: number;
  substep: number | null;
  expectedRung: number | null;
  growthPotential: GrowthPotential | null;
  ladder: Record<string, string | string[]>;
  verdieping: Record<string, string>;
  /** most recent score per ZRM domain with its own date (null = niet besproken) */
  domains: Record<string, { score: number | null; observedOn: string }>;
}

/** What a step needs besides the draft: the ladder, last time, the team's choices and today. */
export interface StepContext {
  view: LadderView;
  draft: DebriefDraft;
  previous: PreviousDebrief | null;
  teamDomains: string[];
  specialDomainsReason: string | null;
  today: string;
}

export function startDraft(options: { draftId: string; clientId?: string | null }): DebriefDraft {
  return {
    draftId: options.draftId,
    seq: 0,
    clientId: options.clientId ?? null,
    contact: null,
    ladder: null,
    domains: null,
    verdiepingChange: null,
    verdieping: null,
    trail: [],
    prefill: {},
    reopenedFrom: null,
    reviewNote: null,
    cardActivityId: null,
  };
}

export const domainsToAsk = (ctx: Pick<StepContext, "view" | "teamDomains">) =>
  ctx.view.domains.filter((d) => ctx.teamDomains.includes(d.code));

const DAY = 86_400_000;
/** The verdieping is asked in full on a first debrief and once a year; otherwise only when the coach says it changed. */
export function verdiepingDue(ctx: Pick<StepContext, "view" | "previous" | "today">): boolean {
  if (!ctx.view.verdieping.length) return false;
  const p = ctx.previous;
  if (!p) return true;
  return Date.parse(`${ctx.today}T00:00:00Z`) - Date.parse(`${p.observedOn}T00:00:00Z`) >= 365 * DAY;
}

/** The answers in the ladder domain's shape, plus what the stored record says about their origin. */
export interface StoredAnswers extends DebriefAnswers {
  /** answers the coach gave the same as last time ("ladder.<id>", "domain.<code>", "substep", "expected", "verdieping") */
  confirmedUnchanged: string[];
  /** "observed": asked this time; "confirmed_unchanged": last time's, confirmed by the coach; "none": not recorded */
  verdiepingSource: "observed" | "confirmed_unchanged" | "none";
  /** set when the coach confirmed an unusual expectation (below the current rung, growth without a rise) */
  expectationConfirmed: ExpectationCheck | null;
}

export type ExpectationCheck = "below_current" | "growth_without_rise";

/** Expected rung below the current one, or growth "ja" without a higher expected rung, asks for a confirmation. */
export function expectationCheck(
  rung: number,
  expected: { rung: number | null; growthPotential: GrowthPotential },
): ExpectationCheck | null {
  if (expected.rung !== null && expected.rung < rung) return "below_current";
  if (expected.growthPotential === "ja" && (expected.rung === null || expected.rung <= rung)) return "growth_without_rise";
  return null;
}

/** The verdieping to store: asked this time, or last time's confirmed unchanged. */
export function verdiepingOf(ctx: Pick<StepContext, "draft" | "previous">): {
  values: Record<string, string>;
  source: StoredAnswers["verdiepingSource"];
} {
  if (ctx.draft.verdieping) return { values: ctx.draft.verdieping, source: "observed" };
  if (ctx.draft.verdiepingChange === "unchanged" && ctx.previous) return { values: ctx.previous.verdieping, source: "confirmed_unchanged" };
  return { values: {}, source: "none" };
}

export function ontheffingOf(view: LadderView, ctx: Pick<StepContext, "draft" | "previous">): boolean {
  return deriveOntheffing(view.ontheffingField, verdiepingOf(ctx).values);
}

/** The proposal for the situation the coach described (substep from the proposal card when given). */
export function proposeFor(ctx: StepContext, substep: Record<string, string> | null = null): ProposalView {
  return ctx.view.classify({
    ladder: ctx.draft.ladder ?? {},
    substep,
    expected: { rung: null, horizonMonths: 12, growthPotential: "onbekend" },
    domains: {},
    verdieping: verdiepingOf(ctx).values,
    outcome: null,
    ontheffing: ontheffingOf(ctx.view, ctx),
  });
}

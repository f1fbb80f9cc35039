// The debrief's steps as one typed table: each step names its card, its title, its fields, its parser,
// when it applies and how its answer enters (and leaves) the draft. The flow (current step, progress,
// "Terug", the trail of a reopened debrief), the cards and the parsers are all driven by this table;
// a new step is one entry here plus its card template, and the compiler points at anything missing.
import {
  domainsToAsk,
  proposeFor,
  verdiepingDue,
  type DebriefDraft,
  type ExpectationCheck,
  type PreviousDebrief,
  type StepContext,
  type StepId,
} from "./debrief-flow.ts";
import type { ChoiceOption, LadderView } from "./ladder-view.ts";
import type { Locale, Localized } from "../localized.ts";
import {
  asksVerdiepingChange,
  parseContact,
  parseObservations,
  parseProposal,
  parseVerdieping,
  type ContactAnswer,
  type ObservationsAnswer,
  type Parsed,
  type ProposalAnswer,
  type RawValues,
} from "./step-answers.ts";
import { DEBRIEF_TEXTS, type DebriefTexts } from "./texts.ts";

/** One input on a step card, in domain terms; the card layer turns it into an Adaptive Card input. */
export interface StepField {
  id: string;
  kind: "choice" | "date" | "number" | "toggle";
  label: Localized;
  help?: Localized;
  /** last time's value with its date ("vorige keer: ja (12-05-2026)"), shown under the field, never preselected */
  previous?: Localized;
  options?: ChoiceOption[];
  multi?: boolean;
  style?: "compact" | "expanded";
  required: boolean;
  /** a default (today, 12 months) or a value to show again; never last time's answer */
  value?: string;
  min?: number;
  max?: number;
}

export interface FieldOptions {
  /** the plausibility question the proposal card asks after a submit (expected below current, …) */
  confirm?: ExpectationCheck | null;
  /** the values of that submit */
  values?: RawValues;
}

/** The card templates the steps use. */
export type StepCard = "debrief-step" | "debrief-proposal";

export interface StepAnswers {
  contact: ContactAnswer;
  observations: ObservationsAnswer;
  verdieping: Record<string, string>;
  proposal: ProposalAnswer;
}

export interface StepDef<K extends StepId> {
  card: StepCard;
  title: Localized;
  intro?: (ctx: StepContext) => Localized | undefined;
  applies(ctx: StepContext): boolean;
  /** applies, or may still apply once earlier steps are answered (for a progress count that never grows) */
  mayApply(ctx: StepContext): boolean;
  answered(draft: DebriefDraft): boolean;
  fields(ctx: StepContext, options?: FieldOptions): StepField[];
  parse(ctx: StepContext, raw: RawValues, options?: { finalRung: number; substepDecided: boolean }): Parsed<StepAnswers[K]>;
  /** the answer into the draft; the proposal's answer is stored with the classification instead */
  apply(draft: DebriefDraft, value: StepAnswers[K]): DebriefDraft;
  /** the answer out of the draft again ("Terug"), with the card values to show */
  undo(draft: DebriefDraft): DebriefDraft;
}

const both = (f: (t: DebriefTexts) => string): Localized => ({ nl: f(DEBRIEF_TEXTS.nl), en: f(DEBRIEF_TEXTS.en) });

/** "12-05-2026" in both languages (the cards show dates of last time next to the answer). */
const MONTHS: Record<Locale, string[]> = {
  nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
/** 12 mei 2026: words, not 12-05-2026, so a phone never breaks a date inside it ("12-05-/2026"). */
export const showDay = (iso: string, locale: Locale) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[locale][m - 1]} ${y}`;
};

const previousValue = (p: PreviousDebrief | null, value: Localized | null, on = p?.observedOn): Localized | undefined =>
  p && value && on
    ? {
        nl: DEBRIEF_TEXTS.nl.previousValue(value.nl, showDay(on, "nl")),
        en: DEBRIEF_TEXTS.en.previousValue(value.en, showDay(on, "en")),
      }
    : undefined;

const optionLabel = (options: ChoiceOption[], value: string | string[] | undefined): Localized | null => {
  if (value === undefined) return null;
  const picked = (Array.isArray(value) ? value : [value]).map((v) => options.find((o) => o.value === v)?.label ?? { nl: v, en: v });
  return { nl: picked.map((l) => l.nl).join(", "), en: picked.map((l) => l.en).join(", ") };
};

export function rungLabel(view: LadderView, rung: number): Localized {
  const name = view.rungs.find((r) => r.rung === rung)?.name ?? { nl: "", en: "" };
  return { nl: `${rung} · ${name.nl}`, en: `${rung} · ${name.en}` };
}

const clear = (draft: DebriefDraft, prefill: Record<string, string>, change: Partial<DebriefDraft>): DebriefDraft => ({
  ...draft,
  ...change,
  seq: draft.seq + 1,
  trail: draft.trail.slice(0, -1),
  prefill: { ...draft.prefill, ...prefill },
});

const answered = (draft: DebriefDraft, step: StepId, change: Partial<DebriefDraft>): DebriefDraft => ({
  ...draft,
  ...change,
  seq: draft.seq + 1,
  trail: [...draft.trail, step],
});

export const STEPS: { [K in StepId]: StepDef<K> } = {
  contact: {
    card: "debrief-step",
    title: both((t) => t.contactTitle),
    intro: () => both((t) => t.contactIntro),
    applies: () => true,
    mayApply: () => true,
    answered: (d) => d.contact !== null,
    fields: (ctx) => {
      const p = ctx.draft.prefill;
      const kinds = DEBRIEF_TEXTS.nl.kinds;
      return [
        // the options (the coach's clients) come from the store; the card layer fills them in
        {
          id: "clientId",
          kind: "choice",
          label: both((t) => t.client),
          style: "compact",
          required: true,
          value: ctx.draft.clientId ?? "",
        },
        { id: "date", kind: "date", label: both((t) => t.date), required: true, value: p.date ?? ctx.today },
        {
          id: "kind",
          kind: "choice",
          label: both((t) => t.kind),
          style: "compact",
          required: true,
          value: p.kind ?? "HUISBEZOEK",
          options: (Object.keys(kinds) as (keyof typeof kinds)[]).map((k) => ({
            value: k,
            label: both((t) => t.kinds[k]),
          })),
        },
        {
          id: "reached",
          kind: "choice",
          label: both((t) => t.reached),
          style: "expanded",
          required: true,
          value: p.reached ?? "ja",
          options: [
            { value: "ja", label: both((t) => t.yes) },
            { value: "nee", label: both((t) => t.no) },
          ],
        },
      ];
    },
    parse: (ctx, raw) => parseContact(ctx, raw),
    apply: (draft, v) => answered(draft, "contact", { clientId: v.clientId, contact: v.contact }),
    undo: (draft) => draft, // the first step: there is no way back from it
  },

  observations: {
    card: "debrief-step",
    title: both((t) => t.observationsTitle),
    intro: () => both((t) => t.observationsIntro),
    applies: () => true,
    mayApply: () => true,
    answered: (d) => d.ladder !== null,
    fields: (ctx) => {
      const { view, previous, draft } = ctx;
      const index = new Map(view.ladderQuestions.map((x, i) => [x.question.id, i + 1]));
      const ladder: StepField[] = view.ladderQuestions.map(({ question: q, askedWhen }, i) => {
        const when = askedWhen ? view.ladderQuestions.find((x) => x.question.id === askedWhen.questionId)! : null;
        const whenLabel = when ? optionLabel(when.question.options, askedWhen!.values) : null;
        const askedHelp =
          when && whenLabel
            ? {
                nl: DEBRIEF_TEXTS.nl.askedWhen(`'${whenLabel.nl}'`, index.get(when.question.id)!),
                en: DEBRIEF_TEXTS.en.askedWhen(`'${whenLabel.en}'`, index.get(when.question.id)!),
              }
            : null;
        const help = [askedHelp, q.help].filter((h): h is Localized => !!h);
        return {
          id: `ladder_${q.id}`,
          kind: "choice",
          label: { nl: `${i + 1}. ${q.text.nl}`, en: `${i + 1}. ${q.text.en}` },
          help: help.length ? { nl: help.map((h) => h.nl).join(" "), en: help.map((h) => h.en).join(" ") } : undefined,
          previous: previousValue(previous, optionLabel(q.options, previous?.ladder[q.id])),
          options: q.options,
          multi: q.multi,
          style: "expanded",
          required: i === 0,
          value: draft.prefill[`ladder_${q.id}`] ?? "",
        };
      });
      const domains: StepField[] = domainsToAsk(ctx).map((d, i) => {
        const before = previous?.domains[d.code];
        const score = before
          ? before.score === null
            ? both((t) => t.notDiscussed.toLowerCase())
            : { nl: String(before.score), en: String(before.score) }
          : null;
        return {
          id: `domain_${d.code}`,
          kind: "choice",
          label: d.name,
          help: {
            nl: [
              i === 0 ? DEBRIEF_TEXTS.nl.domainsIntro : "",
              d.special ? DEBRIEF_TEXTS.nl.specialDomain(ctx.specialDomainsReason ?? "") : "",
            ]
              .filter(Boolean)
              .join(" "),
            en: [
              i === 0 ? DEBRIEF_TEXTS.en.domainsIntro : "",
              d.special ? DEBRIEF_TEXTS.en.specialDomain(ctx.specialDomainsReason ?? "") : "",
            ]
              .filter(Boolean)
              .join(" "),
          },
          previous: previousValue(previous, score, before?.observedOn),
          style: "compact",
          required: true,
          // every domain starts as "niet besproken": last time's score is shown, not taken over
          value: draft.prefill[`domain_${d.code}`] ?? "nb",
          options: [
            { value: "nb", label: both((t) => t.notDiscussed) },
            ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: { nl: String(n), en: String(n) } })),
          ],
        };
      });
      const change: StepField[] = asksVerdiepingChange(ctx)
        ? [
            {
              id: "verdiepingChange",
              kind: "choice",
              label: {
                nl: DEBRIEF_TEXTS.nl.verdiepingChange(showDay(previous!.observedOn, "nl")),
                en: DEBRIEF_TEXTS.en.verdiepingChange(showDay(previous!.observedOn, "en")),
              },
              previous: previousValue(
                previous,
                (() => {
                  const parts = view.verdieping
                    .filter((q) => previous!.verdieping[q.id] !== undefined)
                    .map((q) => ({ q, label: optionLabel(q.options, previous!.verdieping[q.id])! }));
                  return parts.length
                    ? {
                        nl: parts.map((x) => `${x.q.text.nl} ${x.label.nl}`).join(" · "),
                        en: parts.map((x) => `${x.q.text.en} ${x.label.en}`).join(" · "),
                      }
                    : null;
                })(),
              ),
              style: "expanded",
              required: true,
              value: draft.prefill.verdiepingChange ?? "",
              options: [
                { value: "unchanged", label: both((t) => t.verdiepingUnchanged) },
                { value: "update", label: both((t) => t.verdiepingUpdate) },
              ],
            },
          ]
        : [];
      return [...ladder, ...domains, ...change];
    },
    parse: (ctx, raw) => parseObservations(ctx, raw),
    apply: (draft, v) => {
      const prefill = Object.fromEntries(
        Object.entries(draft.prefill).filter(([k]) => !k.startsWith("ladder_") && !k.startsWith("domain_") && k !== "verdiepingChange"),
      );
      return answered({ ...draft, prefill }, "observations", {
        ladder: v.ladder,
        domains: v.domains,
        verdiepingChange: v.verdiepingChange,
      });
    },
    undo: (draft) => {
      const prefill: Record<string, string> = {};
      for (const [id, v] of Object.entries(draft.ladder ?? {})) prefill[`ladder_${id}`] = Array.isArray(v) ? v.join(",") : v;
      for (const [code, score] of Object.entries(draft.domains ?? {})) prefill[`domain_${code}`] = score === null ? "nb" : String(score);
      if (draft.verdiepingChange) prefill.verdiepingChange = draft.verdiepingChange;
      return clear(draft, prefill, { ladder: null, domains: null, verdiepingChange: null });
    },
  },

  verdieping: {
    card: "debrief-step",
    title: both((t) => t.verdiepingTitle),
    intro: () => both((t) => t.verdiepingIntro),
    applies: (ctx) => ctx.view.verdieping.length > 0 && (verdiepingDue(ctx) || ctx.draft.verdiepingChange === "update"),
    mayApply: (ctx) => ctx.view.verdieping.length > 0 && (ctx.draft.ladder === null || STEPS.verdieping.applies(ctx)),
    answered: (d) => d.verdieping !== null,
    fields: (ctx) =>
      ctx.view.verdieping.map((q) => ({
        id: q.id,
        kind: "choice",
        label: q.text,
        help: q.help,
        previous: previousValue(ctx.previous, optionLabel(q.options, ctx.previous?.verdieping[q.id])),
        options: q.options,
        style: "compact",
        required: false, // "not known (yet)" is an honest answer
        value: ctx.draft.prefill[`v_${q.id}`] ?? "",
      })),
    parse: (ctx, raw) => parseVerdieping(ctx, raw),
    apply: (draft, v) => answered(draft, "verdieping", { verdieping: v }),
    undo: (draft) =>
      clear(draft, Object.fromEntries(Object.entries(draft.verdieping ?? {}).map(([k, v]) => [`v_${k}`, v])), {
        verdieping: null,
      }),
  },

  proposal: {
    card: "debrief-proposal",
    title: both((t) => t.proposalTitle),
    applies: () => true,
    mayApply: () => true,
    answered: () => false, // answered by confirming: the answer is stored with the classification
    fields: (ctx, options = {}) => {
      const { view, previous, draft } = ctx;
      const p = draft.prefill;
      const proposal = proposeFor(ctx);
      const fields: StepField[] = [];
      const q = view.substepQuestion(draft.ladder ?? {});
      if (q) {
        const next = view.rungs.find((r) => r.rung === proposal.rung + 1);
        const sameRung = previous && previous.rung === proposal.rung;
        fields.push({
          id: "nextStep",
          kind: "choice",
          label: {
            nl: DEBRIEF_TEXTS.nl.substepQuestion(proposal.rung + 1, next?.name.nl ?? ""),
            en: DEBRIEF_TEXTS.en.substepQuestion(proposal.rung + 1, next?.name.en ?? ""),
          },
          help: q.help,
          previous: sameRung
            ? previousValue(
                previous,
                previous.substep === null ? both((t) => t.noSubstep) : view.substepLabel(previous.rung, previous.substep),
              )
            : undefined,
          // only the proposed rung's substeps; an override chooses rung and substep together
          options: [...view.substepChoices(proposal.rung), { value: "none", label: both((t) => t.noSubstep) }],
          style: "expanded",
          required: false, // checked by Trede, so "Aanpassen" can be sent without it
          value: substepPrefill(view, proposal.rung, p.nextStep),
        });
      }
      const horizon = Number(p.horizonMonths ?? "12");
      fields.push(
        {
          id: "expectedRung",
          kind: "choice",
          label: { nl: DEBRIEF_TEXTS.nl.expectedRung(horizon), en: DEBRIEF_TEXTS.en.expectedRung(horizon) },
          previous: previousValue(
            previous,
            previous ? (previous.expectedRung === null ? both((t) => t.unknown) : rungLabel(view, previous.expectedRung)) : null,
          ),
          style: "compact",
          required: true,
          value: p.expectedRung ?? "",
          options: [
            ...view.rungs.map((r) => ({ value: String(r.rung), label: rungLabel(view, r.rung) })),
            { value: "onbekend", label: both((t) => t.unknown) },
          ],
        },
        {
          id: "horizonMonths",
          kind: "number",
          label: both((t) => t.horizon),
          required: false,
          value: String(horizon),
          min: 1,
          max: 36,
        },
        {
          id: "growthPotential",
          kind: "choice",
          label: both((t) => t.growth),
          previous: previousValue(previous, previous?.growthPotential ? both((t) => t.growthOptions[previous.growthPotential!]) : null),
          style: "expanded",
          required: true,
          value: p.growthPotential ?? "",
          options: (["ja", "nee", "onbekend"] as const).map((g) => ({
            value: g,
            label: both((t) => t.growthOptions[g]),
          })),
        },
        {
          id: "outcome",
          kind: "choice",
          label: both((t) => t.outcome),
          style: "expanded",
          required: true,
          value: p.outcome ?? "",
          options: view.outcomes,
        },
        {
          id: "nextContactDate",
          kind: "date",
          label: both((t) => t.nextContact),
          help: both((t) => t.nextContactHelp),
          required: false,
          value: p.nextContactDate ?? "",
        },
      );
      if (options.confirm) {
        const expected = Number(options.values?.expectedRung ?? p.expectedRung);
        fields.push({
          id: "confirmExpectation",
          kind: "toggle",
          label:
            options.confirm === "below_current"
              ? {
                  nl: DEBRIEF_TEXTS.nl.belowCurrent(expected, proposal.rung),
                  en: DEBRIEF_TEXTS.en.belowCurrent(expected, proposal.rung),
                }
              : both((t) => t.growthWithoutRise),
          help: both((t) => t.confirmYes),
          required: false,
          value: "false",
        });
      }
      return fields;
    },
    parse: (ctx, raw, options) => parseProposal(ctx, raw, options ?? { finalRung: proposeFor(ctx).rung, substepDecided: false }),
    apply: (draft) => draft,
    undo: (draft) => draft,
  },
};

/** A substep shown again (from "Terug", a reopened debrief or a model's reading) as the card's value for this rung. */
function substepPrefill(view: LadderView, rung: number, value: string | undefined): string {
  if (!value) return "";
  if (value === "none" || view.substepChoices(rung).some((c) => c.value === value)) return value;
  for (const n of [1, 2, 3]) if (view.substepAnswer(n).value === value) return `${rung}.${n}`;
  return view.substepAnswer(null).value === value ? "none" : "";
}

export const STEP_ORDER: readonly StepId[] = ["contact", "observations", "verdieping", "proposal"];

/** The first step in flow order that applies and still needs an answer. */
export function currentStep(ctx: StepContext): StepId {
  return STEP_ORDER.find((id) => STEPS[id].applies(ctx) && !STEPS[id].answered(ctx.draft)) ?? "proposal";
}

/** "Stap n van m": n counts answered steps; m counts the steps that apply or still may, so it never grows. */
export function progress(ctx: StepContext): { step: number; of: number } {
  const open = STEP_ORDER.filter((id) => !STEPS[id].answered(ctx.draft) && STEPS[id].mayApply(ctx)).length;
  const step = ctx.draft.trail.length + 1;
  return { step, of: ctx.draft.trail.length + open };
}

/** Undoes the most recent answer; its values show on the card again. From the first step there is no way back. */
export function goBack(ctx: StepContext): DebriefDraft {
  const last = ctx.draft.trail.at(-1);
  if (!last || last === "contact") return ctx.draft;
  return STEPS[last].undo(ctx.draft);
}

/** Records a parsed answer of a step. */
export function answerStep<K extends StepId>(draft: DebriefDraft, step: K, value: StepAnswers[K]): DebriefDraft {
  return STEPS[step].apply(draft, value);
}

/** The steps a complete draft went through, from the table (a reopened debrief's "Terug" walks them). */
export function trailFor(ctx: StepContext): StepId[] {
  return STEP_ORDER.filter((id) => id !== "proposal" && STEPS[id].applies(ctx) && STEPS[id].answered(ctx.draft));
}

/** Parses a step's card values and, when they are valid, records them in the draft. */
export function submitStep<K extends StepId>(ctx: StepContext, step: K, raw: RawValues): Parsed<DebriefDraft> {
  const def: StepDef<K> = STEPS[step];
  const parsed = def.parse(ctx, raw);
  return parsed.ok ? { ok: true, value: def.apply(ctx.draft, parsed.value) } : parsed;
}

// Parses what a step card submitted (Teams sends every input as a string) into the step's answer.
// Problems come back per field as codes; the card shows them next to the field and keeps every value.
import { z } from "zod";
import {
  ContactKind,
  domainsToAsk,
  expectationCheck,
  GrowthPotential,
  verdiepingDue,
  type ExpectationCheck,
  type StepContext,
} from "./debrief-flow.ts";
import type { FlowQuestion, LadderView } from "./ladder-view.ts";
import type { FieldProblem } from "./texts.ts";

export type { FieldProblem } from "./texts.ts";
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Record<string, FieldProblem>; confirm?: ExpectationCheck };

/** What a card sends: every input as a string (ids and values are untrusted). */
export type RawValues = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

function day(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}

function parseChoice(q: FlowQuestion, raw: unknown): { ok: true; value: string | string[] } | { ok: false; problem: FieldProblem } {
  const text = str(raw);
  if (!text) return { ok: false, problem: "required" };
  const values = new Set(q.options.map((o) => o.value));
  if (q.multi) {
    const picked = text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return picked.every((p) => values.has(p)) ? { ok: true, value: [...new Set(picked)] } : { ok: false, problem: "invalid_choice" };
  }
  return values.has(text) ? { ok: true, value: text } : { ok: false, problem: "invalid_choice" };
}

const result = <T>(problems: Record<string, FieldProblem>, value: () => T): Parsed<T> =>
  Object.keys(problems).length ? { ok: false, problems } : { ok: true, value: value() };

export interface ContactAnswer {
  clientId: string;
  contact: { date: string; kind: ContactKind; reached: boolean };
}

export function parseContact(_ctx: StepContext, raw: RawValues): Parsed<ContactAnswer> {
  const problems: Record<string, FieldProblem> = {};
  const today = day(_ctx.today)!;
  const id = str(raw.clientId);
  if (!id) problems.clientId = "required";
  else if (!z.uuid().safeParse(id).success) problems.clientId = "invalid_choice";
  const dateText = str(raw.date);
  const date = day(dateText);
  if (!date) problems.date = dateText ? "invalid_date" : "required";
  else if (date > today) problems.date = "date_in_future";
  else if (today.getTime() - date.getTime() > 366 * 86_400_000) problems.date = "date_too_old";
  const kind = ContactKind.safeParse(str(raw.kind));
  if (!kind.success) problems.kind = str(raw.kind) ? "invalid_choice" : "required";
  const r = str(raw.reached);
  if (r !== "ja" && r !== "nee") problems.reached = r ? "invalid_choice" : "required";
  return result(problems, () => ({ clientId: id, contact: { date: dateText, kind: kind.data!, reached: r === "ja" } }));
}

export interface ObservationsAnswer {
  ladder: Record<string, string | string[]>;
  domains: Record<string, number | null>;
  verdiepingChange: "unchanged" | "update" | null;
}

/** Whether the situation card asks "verdieping unchanged?" (last time's is recent enough to confirm). */
export const asksVerdiepingChange = (ctx: StepContext) => ctx.view.verdieping.length > 0 && !verdiepingDue(ctx);

export function parseObservations(ctx: StepContext, raw: RawValues): Parsed<ObservationsAnswer> {
  const problems: Record<string, FieldProblem> = {};
  // walk the stroomschema with the answers given: only the questions on the path count
  const ladder: Record<string, string | string[]> = {};
  for (let q = ctx.view.nextLadderQuestion(ladder); q; q = ctx.view.nextLadderQuestion(ladder)) {
    const c = parseChoice(q, raw[`ladder_${q.id}`]);
    if (!c.ok) {
      problems[`ladder_${q.id}`] = c.problem === "required" ? "needed_for_rung" : c.problem;
      break;
    }
    ladder[q.id] = c.value;
  }
  const domains: Record<string, number | null> = {};
  for (const d of domainsToAsk(ctx)) {
    const v = str(raw[`domain_${d.code}`]) || "nb";
    if (v === "nb") domains[d.code] = null;
    else if (/^[1-5]$/.test(v)) domains[d.code] = Number(v);
    else problems[`domain_${d.code}`] = "invalid_choice";
  }
  let verdiepingChange: ObservationsAnswer["verdiepingChange"] = null;
  if (asksVerdiepingChange(ctx)) {
    const v = str(raw.verdiepingChange);
    if (v === "unchanged" || v === "update") verdiepingChange = v;
    else problems.verdiepingChange = v ? "invalid_choice" : "required";
  }
  return result(problems, () => ({ ladder, domains, verdiepingChange }));
}

export function parseVerdieping(ctx: StepContext, raw: RawValues): Parsed<Record<string, string>> {
  const problems: Record<string, FieldProblem> = {};
  const values: Record<string, string> = {};
  for (const q of ctx.view.verdieping) {
    const c = parseChoice(q, raw[q.id]);
    if (c.ok) values[q.id] = c.value as string;
    else if (c.problem !== "required") problems[q.id] = c.problem;
  }
  return result(problems, () => values);
}

export interface ProposalAnswer {
  /** the substep question's answer in the profile's terms ({ volgendeStap: "voorbereiden" }), null when not asked */
  substep: Record<string, string> | null;
  expected: { rung: number | null; horizonMonths: number; growthPotential: GrowthPotential };
  outcome: { outcome: string; nextContactDate: string | null };
  expectationConfirmed: ExpectationCheck | null;
}

/** A substep value as the cards send it ("3.2", or "none"), checked against the rung it must belong to. */
export function parseSubstepValue(
  view: LadderView,
  rung: number,
  text: string,
): { ok: true; substep: number | null } | { ok: false; problem: FieldProblem } {
  if (!text) return { ok: false, problem: "required" };
  if (text === "none") return { ok: true, substep: null };
  const m = /^(?:(\d+)\.)?([1-3])$/.exec(text);
  if (!m) return { ok: false, problem: "invalid_choice" };
  if ((m[1] !== undefined && Number(m[1]) !== rung) || !view.substepChoices(rung).length)
    return { ok: false, problem: "substep_not_of_rung" };
  return { ok: true, substep: Number(m[2]) };
}

/**
 * The proposal card: substep (for the proposed rung, unless an override decides it), expectation and
 * outcome. `finalRung` is the rung that will be stored, for the plausibility of the expectation.
 */
export function parseProposal(
  ctx: StepContext,
  raw: RawValues,
  options: { finalRung: number; substepDecided: boolean },
): Parsed<ProposalAnswer> {
  const problems: Record<string, FieldProblem> = {};
  const { view, draft } = ctx;
  const q = view.substepQuestion(draft.ladder ?? {});
  let substep: Record<string, string> | null = null;
  if (q) {
    const rung = view.classify({
      ladder: draft.ladder ?? {},
      substep: null,
      expected: { rung: null, horizonMonths: 12, growthPotential: "onbekend" },
      domains: {},
      verdieping: {},
      outcome: null,
      ontheffing: false,
    }).rung;
    const s = parseSubstepValue(view, rung, str(raw.nextStep));
    if (s.ok) substep = { [q.id]: view.substepAnswer(s.substep).value };
    // with an override the adjusted rung and substep decide; the answer for the proposed rung is kept when given
    else if (!options.substepDecided) problems.nextStep = s.problem;
  }
  const r = str(raw.expectedRung);
  let expectedRung: number | null = null;
  if (!r) problems.expectedRung = "required";
  else if (r !== "onbekend") {
    expectedRung = Number(r);
    if (!view.rungs.some((x) => x.rung === expectedRung)) problems.expectedRung = "invalid_choice";
  }
  const horizon = Number(str(raw.horizonMonths) || "12");
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 36) problems.horizonMonths = "invalid_number";
  const growth = GrowthPotential.safeParse(str(raw.growthPotential));
  if (!growth.success) problems.growthPotential = str(raw.growthPotential) ? "invalid_choice" : "required";
  const outcome = str(raw.outcome);
  if (!outcome) problems.outcome = "required";
  else if (!view.outcomes.some((o) => o.value === outcome)) problems.outcome = "invalid_choice";
  const nextText = str(raw.nextContactDate);
  const next = nextText ? day(nextText) : null;
  if (nextText && !next) problems.nextContactDate = "invalid_date";
  else if (next && next < day(ctx.today)!) problems.nextContactDate = "date_in_past";
  if (Object.keys(problems).length) return { ok: false, problems };
  const expected = { rung: expectedRung, horizonMonths: horizon, growthPotential: growth.data! };
  const check = expectationCheck(options.finalRung, expected);
  const confirmed = str(raw.confirmExpectation) === "true";
  if (check && !confirmed) return { ok: false, problems: { confirmExpectation: "confirm_expectation" }, confirm: check };
  return {
    ok: true,
    value: { substep, expected, outcome: { outcome, nextContactDate: nextText || null }, expectationConfirmed: check },
  };
}

export interface OverrideChoice {
  rung: number;
  substep: number | null;
  reason: string;
}

/**
 * "Aanpassen": one choice of rung and substep together ("3" or "3.2"), so a substep can only be one of
 * the chosen rung's; a separate substep that names another rung is refused. The reason is required.
 */
export function parseOverride(view: LadderView, raw: RawValues): Parsed<OverrideChoice> {
  const problems: Record<string, FieldProblem> = {};
  const m = /^(\d+)(?:\.(\d+))?$/.exec(str(raw.rung));
  const rung = m ? Number(m[1]) : NaN;
  let substep: number | null = null;
  if (!view.rungs.some((r) => r.rung === rung)) problems.rung = str(raw.rung) ? "invalid_choice" : "required";
  else {
    const own = m?.[2] !== undefined ? parseSubstepValue(view, rung, `${rung}.${m[2]}`) : { ok: true as const, substep: null };
    const separate = str(raw.substep);
    const other =
      separate && separate !== "none"
        ? parseSubstepValue(view, rung, separate)
        : { ok: true as const, substep: own.ok ? own.substep : null };
    if (!own.ok) problems.rung = own.problem;
    else if (!other.ok) problems.rung = other.problem;
    else if (own.substep !== null && other.substep !== own.substep) problems.rung = "substep_not_of_rung";
    else substep = own.substep ?? other.substep;
  }
  const reason = str(raw.reason).slice(0, 500);
  if (reason.length < 3) problems.reason = "required";
  return result(problems, () => ({ rung, substep, reason }));
}

// Parses what a step card submitted (Teams sends every input as a string) into the draft's answer for
// that step. Problems come back per field as codes; the card shows them next to the field.
import { z } from "zod";
import { ContactKind, domainsToAsk, type DebriefDraft, type StepId } from "./debrief-flow.ts";
import type { FlowQuestion, LadderView } from "./ladder-view.ts";

export type FieldProblem = "required" | "invalid_choice" | "invalid_date" | "date_in_future" | "date_too_old" | "date_in_past" | "invalid_number";
export type StepParse = { ok: true; value: unknown } | { ok: false; problems: Record<string, FieldProblem> };

const str = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().optional());

function day(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}

function parseChoice(q: FlowQuestion, raw: unknown): { ok: true; value: string | string[] } | { ok: false; problem: FieldProblem } {
  const v = str.safeParse(raw);
  const text = v.success ? (v.data ?? "") : "";
  if (!text) return { ok: false, problem: "required" };
  const values = new Set(q.options.map((o) => o.value));
  if (q.multi) {
    const picked = text.split(",").map((s) => s.trim()).filter(Boolean);
    return picked.every((p) => values.has(p)) ? { ok: true, value: [...new Set(picked)] } : { ok: false, problem: "invalid_choice" };
  }
  return values.has(text) ? { ok: true, value: text } : { ok: false, problem: "invalid_choice" };
}

export function parseStepAnswer(view: LadderView, draft: DebriefDraft, step: StepId, raw: Record<string, unknown>, ctx: { today: string }): StepParse {
  const problems: Record<string, FieldProblem> = {};
  const today = day(ctx.today)!;
  if (step === "contact") {
    const clientId = str.safeParse(raw.clientId);
    const id = clientId.success ? clientId.data : undefined;
    if (!id) problems.clientId = "required";
    else if (!z.uuid().safeParse(id).success) problems.clientId = "invalid_choice";
    const dateText = str.safeParse(raw.date);
    const date = day(dateText.success ? dateText.data : undefined);
    if (!date) problems.date = dateText.success && dateText.data ? "invalid_date" : "required";
    else if (date > today) problems.date = "date_in_future";
    else if (today.getTime() - date.getTime() > 366 * 86_400_000) problems.date = "date_too_old";
    const kind = ContactKind.safeParse(raw.kind);
    if (!kind.success) problems.kind = raw.kind ? "invalid_choice" : "required";
    const reached = str.safeParse(raw.reached);
    const r = reached.success ? reached.data : undefined;
    if (r !== "ja" && r !== "nee") problems.reached = r ? "invalid_choice" : "required";
    if (Object.keys(problems).length) return { ok: false, problems };
    return { ok: true, value: { clientId: id, contact: { date: dateText.success ? dateText.data : "", kind: kind.data, reached: r === "ja" } } };
  }
  if (step.startsWith("ladder:") || step === "substep") {
    const q = step === "substep" ? view.substepQuestion(draft.ladder) : view.nextLadderQuestion(draft.ladder);
    if (!q || (step !== "substep" && step !== `ladder:${q.id}`)) return { ok: false, problems: { "": "invalid_choice" } };
    const c = parseChoice(q, raw.answer);
    if (!c.ok) return { ok: false, problems: { answer: c.problem } };
    return { ok: true, value: step === "substep" ? { [q.id]: c.value as string } : c.value };
  }
  if (step === "expected") {
    const rungText = str.safeParse(raw.expectedRung);
    const r = rungText.success ? rungText.data : undefined;
    let rung: number | null = null;
    if (!r) problems.expectedRung = "required";
    else if (r !== "onbekend") {
      rung = Number(r);
      if (!view.rungs.some((x) => x.rung === rung)) problems.expectedRung = "invalid_choice";
    }
    const horizon = Number(str.safeParse(raw.horizonMonths).data ?? "12");
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > 36) problems.horizonMonths = "invalid_number";
    const growth = z.enum(["ja", "nee", "onbekend"]).safeParse(raw.growthPotential);
    if (!growth.success) problems.growthPotential = raw.growthPotential ? "invalid_choice" : "required";
    if (Object.keys(problems).length) return { ok: false, problems };
    return { ok: true, value: { rung: r === "onbekend" ? null : rung, horizonMonths: horizon, growthPotential: growth.data } };
  }
  if (step === "domains") {
    const scores: Record<string, number | null> = {};
    for (const d of domainsToAsk(view, draft)) {
      const v = str.safeParse(raw[`domain_${d.code}`]).data ?? "nb";
      if (v === "nb") scores[d.code] = null;
      else if (/^[1-5]$/.test(v)) scores[d.code] = Number(v);
      else problems[`domain_${d.code}`] = "invalid_choice";
    }
    return Object.keys(problems).length ? { ok: false, problems } : { ok: true, value: scores };
  }
  if (step === "verdieping") {
    const values: Record<string, string> = {};
    for (const q of view.verdieping) {
      const c = parseChoice(q, raw[q.id]);
      if (c.ok) values[q.id] = c.value as string;
      else if (c.problem !== "required") problems[q.id] = c.problem;
    }
    return Object.keys(problems).length ? { ok: false, problems } : { ok: true, value: values };
  }
  if (step === "outcome") {
    const outcome = str.safeParse(raw.outcome).data;
    if (!outcome) problems.outcome = "required";
    else if (!view.outcomes.some((o) => o.value === outcome)) problems.outcome = "invalid_choice";
    const nextText = str.safeParse(raw.nextContactDate).data;
    const next = nextText ? day(nextText) : null;
    if (nextText && !next) problems.nextContactDate = "invalid_date";
    else if (next && next < today) problems.nextContactDate = "date_in_past";
    if (Object.keys(problems).length) return { ok: false, problems };
    return { ok: true, value: { outcome, nextContactDate: nextText || null } };
  }
  return { ok: false, problems: { "": "invalid_choice" } };
}

export interface OverrideChoice {
  rung: number;
  substep: number | null;
  reason: string;
}

/** "Aanpassen": another rung and substep, with a reason that is stored and read by the supervisor. */
export function parseOverride(view: LadderView, raw: Record<string, unknown>): { ok: true; value: OverrideChoice } | { ok: false; problems: Record<string, FieldProblem> } {
  const problems: Record<string, FieldProblem> = {};
  const rung = Number(str.safeParse(raw.rung).data ?? "");
  if (!view.rungs.some((r) => r.rung === rung)) problems.rung = raw.rung ? "invalid_choice" : "required";
  const substepText = str.safeParse(raw.substep).data ?? "none";
  let substep: number | null = null;
  if (substepText !== "none" && substepText !== "") {
    substep = Number(substepText);
    if (![1, 2, 3].includes(substep) || rung === view.topRung) problems.substep = "invalid_choice";
  }
  const reason = (str.safeParse(raw.reason).data ?? "").slice(0, 500);
  if (reason.length < 3) problems.reason = "required";
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, value: { rung, substep, reason } };
}

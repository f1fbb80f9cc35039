// Caseload questions in chat. The deterministic interpreter answers by default; with a model configured
// the model translates the (pseudonymised) question into the same query, and any model failure falls back
// to the deterministic path. One executor runs every query with the asker's scope; every question is audited.
import { CardFactory } from "botbuilder";
import { z } from "zod";
import type { ModelGate } from "../../ai/model-gate.ts";
import { cardText } from "../../cards/card-text.ts";
import { renderCaseloadAnswerCard, renderCaseloadRefusalCard } from "../../cards/caseload-answer.card.ts";
import { caseloadScopeOf, type Actor, type CaseloadScope } from "../../domain/access/actor.ts";
import { CaseloadQuery } from "../../domain/caseload/caseload-query.ts";
import { describeQuery } from "../../domain/caseload/describe-query.ts";
import { interpretQuestion, type Interpretation } from "../../domain/caseload/interpret-question.ts";
import { resolveModelQuery } from "../../domain/caseload/resolve-model-query.ts";
import type { Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/messages.ts";
import type { CaseloadResult } from "../../domain/caseload/caseload-result.ts";
import { readableRows } from "../client-access.ts";
import { caseloadExportRoutes } from "./caseload-export.handler.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";

export interface CaseloadDeps {
  model?: ModelGate;
}

export const MoreSubmit = z.object({ verb: z.literal("caseload.more"), query: z.string().max(8_000), page: z.coerce.number().int().min(1).max(10_000) });
/** A button that asks a question: an example question (text) or a query built for the asker (the nearest question, the other reading). */
export const AskSubmit = z.object({ verb: z.literal("caseload.ask"), question: z.string().max(500).default(""), query: z.string().max(8_000).default(""), locale: z.enum(["nl", "en"]).optional() });

const text = {
  nl: {
    notUnderstood: "Die vraag begrijp ik niet. Je kunt bijvoorbeeld vragen:",
    partly: (parts: string[]) => `Dit deel van je vraag heb ik niet begrepen: ${parts.map((p) => `'${p}'`).join(", ")}. Ik geef liever geen antwoord op een andere vraag dan je stelde.`,
    nearest: "Het dichtstbijzijnde dat ik wel kan beantwoorden:",
    outOfScope: (what: string[], scope: string) => `${what.map((w) => `'${w}'`).join(", ")} valt buiten wat jij mag zien (${scope}). Daarover geef ik geen antwoord.`,
    modelFallback: "(Het taalmodel was niet beschikbaar; ik heb de vraag zelf geïnterpreteerd.)",
    mine: "mijn klanten",
    team: (name: string) => `team ${name}`,
    all: "alle teams",
  },
  en: {
    notUnderstood: "I don't understand that question. You could ask, for example:",
    partly: (parts: string[]) => `I did not understand this part of your question: ${parts.map((p) => `'${p}'`).join(", ")}. I would rather not answer a different question than the one you asked.`,
    nearest: "The nearest question I can answer:",
    outOfScope: (what: string[], scope: string) => `${what.map((w) => `'${w}'`).join(", ")} is outside what you may see (${scope}). I give no answer about it.`,
    modelFallback: "(The language model was unavailable; I interpreted the question myself.)",
    mine: "my clients",
    team: (name: string) => `team ${name}`,
    all: "all teams",
  },
};

export function caseloadRoutes(deps: CaseloadDeps) {
  return (r: RouteRegistrar) => {
    r.submit("caseload.more", (turn) => more(turn));
    r.submit("caseload.ask", (turn) => ask(turn, deps));
    caseloadExportRoutes(r);
  };
}

export function answerQuestion(deps: CaseloadDeps) {
  return async (turn: Turn): Promise<void> => askQuestion(turn, deps, (turn.context.activity.text ?? "").trim().slice(0, 500));
}

async function askQuestion(turn: Turn, deps: CaseloadDeps, question: string): Promise<void> {
  const { context, actor, deps: bot } = turn;
  let locale = turn.locale;
  const scope = caseloadScopeOf(actor);
  const vocabulary = await bot.store.caseload.vocabulary(scope);
  let query: CaseloadQuery | null = null;
  let fellBack = false;
  if (deps.model) {
    const r = await deps.model.ask(turn, { purpose: "caseload-query", text: question });
    // the model's query names only wijken, teams and coaches the asker may see, like the interpreter's
    const resolved = r.ok ? resolveModelQuery(r.value.query, vocabulary) : null;
    if (resolved) query = resolved;
    else if (r.ok || r.reason !== "not_allowed") {
      fellBack = true;
      bot.logger.info({ event: "model.fallback", use: "caseload", reason: r.ok ? "unknown_name" : r.reason }, "model path failed; deterministic path answers");
    }
  }
  if (!query) {
    const interpreted = interpretQuestion(question, { locale, ...vocabulary });
    locale = interpreted.locale;
    if (!interpreted.ok) {
      await bot.store.audit.record({ actor, action: "caseload.not_understood", details: { kind: "not_understood", reason: interpreted.reason, model: Boolean(deps.model) } });
      await refuse(turn, interpreted, scopeLabel(actor, scope, locale, await teamName(turn, scope)));
      return;
    }
    query = interpreted.query;
  }
  await answer(turn, { query, question, page: 0, scope, locale, note: fellBack ? text[locale].modelFallback : undefined });
}

async function teamName(turn: Turn, scope: CaseloadScope): Promise<string | undefined> {
  if (scope.kind !== "team") return undefined;
  return (await turn.deps.store.teams.nameOf(scope.teamId)) ?? undefined;
}

/** Says what was not understood or is out of scope, with buttons for what Trede can answer instead. */
async function refuse(turn: Turn, r: Extract<Interpretation, { ok: false }>, scope: string): Promise<void> {
  const s = text[r.locale];
  const examples = r.suggestions.slice(0, 5).map((q) => ({ title: q, question: q }));
  // the words quoted back are the asker's own: the card escapes its text itself, the message needs it here
  const say = (unused: string[]) =>
    r.reason === "outOfScope" ? s.outOfScope(unused, scope) : r.nearest && unused.length ? `${s.partly(unused)} ${s.nearest}` : `${s.notUnderstood}\n\n${r.suggestions.map((q) => `- ${q}`).join("\n")}`;
  const buttons: { title: string; question?: string; query?: CaseloadQuery }[] =
    r.reason !== "outOfScope" && r.nearest && r.unused.length ? [{ title: describeQuery(r.nearest, r.locale), query: r.nearest }, ...examples.slice(0, 4)] : examples;
  const card = renderCaseloadRefusalCard({ text: r.reason === "notUnderstood" && !r.nearest ? s.notUnderstood : say(r.unused), locale: r.locale, buttons });
  await turn.context.sendActivity({ text: say(r.unused.map((u) => cardText(u))), attachments: [CardFactory.adaptiveCard(card)] });
}

async function ask(turn: Turn, deps: CaseloadDeps): Promise<void> {
  const parsed = AskSubmit.safeParse(turn.context.activity.value);
  if (parsed.success && parsed.data.query) {
    let query: CaseloadQuery | null = null;
    try {
      const q = CaseloadQuery.safeParse(JSON.parse(parsed.data.query));
      if (q.success) query = q.data;
    } catch {}
    // the language the answer with the button was in
    if (query) return answer(turn, { query, question: null, page: 0, scope: caseloadScopeOf(turn.actor), locale: parsed.data.locale ?? turn.locale });
  } else if (parsed.success && parsed.data.question.trim()) {
    return askQuestion(turn, deps, parsed.data.question.trim());
  }
  await turn.deps.store.audit.refusal({ actor: turn.actor, reason: "invalid_caseload_ask" });
  await turn.context.sendActivity(t(turn.locale).staleCard);
}

async function more(turn: Turn): Promise<void> {
  const parsed = MoreSubmit.safeParse(turn.context.activity.value);
  let query: CaseloadQuery | null = null;
  if (parsed.success) {
    try {
      const q = CaseloadQuery.safeParse(JSON.parse(parsed.data.query));
      if (q.success) query = q.data;
    } catch {}
  }
  if (!parsed.success || !query) {
    await turn.deps.store.audit.refusal({ actor: turn.actor, reason: "invalid_caseload_more" });
    await turn.context.sendActivity(t(turn.locale).staleCard);
    return;
  }
  // the query from the card is re-scoped to whoever clicked: it can never widen what they see
  await answer(turn, { query, question: null, page: parsed.data.page, scope: caseloadScopeOf(turn.actor), locale: turn.locale });
}

/** Movement over a period has two readings; the answer names the one it used and offers the other. */
function otherReading(query: CaseloadQuery, locale: Locale): { title: string; query: CaseloadQuery }[] {
  if (query.measure !== "movement" || !query.period) return [];
  const events = query.reading !== "events";
  const other: CaseloadQuery = { ...query, reading: events ? "events" : "startEnd" };
  return [{ title: locale === "nl" ? (events ? "Toon als stappen tijdens de periode" : "Toon als begin tegenover eind") : events ? "Show as steps during the period" : "Show as start versus end", query: other }];
}

function scopeLabel(actor: Actor, scope: CaseloadScope, locale: Locale, teamName: string | undefined): string {
  const s = text[locale];
  return scope.kind === "coach" ? s.mine : scope.kind === "team" ? s.team(teamName ?? "") : s.all;
}

async function answer(turn: Turn, input: { query: CaseloadQuery; question: string | null; page: number; scope: CaseloadScope; locale: Locale; note?: string }): Promise<void> {
  const { context, actor, deps: bot } = turn;
  const locale = input.locale;
  const answered = await bot.store.caseload.answer({ query: input.query, scope: input.scope, askerStaffId: actor.staffId, today: bot.clock(), page: input.page });
  const result = await withReadableLines(turn, answered, input.question === null ? "caseload.more" : "caseload.query");
  const teamName = input.scope.kind === "team" ? await bot.store.teams.nameOf(input.scope.teamId) : null;
  const card = renderCaseloadAnswerCard({
    result,
    query: input.query,
    description: describeQuery(input.query, locale),
    scopeLabel: scopeLabel(actor, input.scope, locale, teamName ?? undefined),
    locale,
    buttons: otherReading(input.query, locale),
  });
  const shown = "lines" in result ? result.lines.length : 0;
  // what kind of question, the interpreted filter and which clients were shown; never the typed text
  await bot.store.audit.record({
    actor,
    action: "caseload.query",
    details: { kind: input.query.measure, source: input.question === null ? "more" : "question", query: input.query, page: input.page, scope: input.scope.kind, shown, clientIds: "lines" in result ? result.lines.map((l) => l.clientId) : [] },
  });
  await context.sendActivity({ text: input.note, attachments: [CardFactory.adaptiveCard(card)] });
}

/**
 * Answers that name clients (any result with lines, including kinds added later) pass them through the
 * one access check, which also records the read.
 */
async function withReadableLines(turn: Turn, result: CaseloadResult, via: string): Promise<CaseloadResult> {
  if (!("lines" in result)) return result;
  const lines: readonly { clientId: string }[] = result.lines;
  return { ...result, lines: await readableRows(turn, lines, (l) => l.clientId, { via }) } as CaseloadResult;
}

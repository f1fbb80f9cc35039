// Caseload questions in chat: parse the text or the card's submit, ask the use case
// (src/use-cases/ask-caseload-question.ts: interpretation, model path, scope, audit), render its answer.
import { CardFactory } from "botbuilder";
import { z } from "zod";
import type { ModelGate } from "../../ai/model-gate.ts";
import { cardText } from "../../cards/card-text.ts";
import { renderCaseloadAnswerCard, renderCaseloadRefusalCard } from "../../cards/caseload-answer.card.ts";
import { CaseloadQuery } from "../../domain/caseload/caseload-query.ts";
import { describeQuery } from "../../domain/caseload/describe-query.ts";
import type { Interpretation } from "../../domain/caseload/interpret-question.ts";
import type { Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/messages.ts";
import {
  askCaseloadQuestion,
  type AskCaseloadDeps,
  type AskCaseloadResult,
  type CaseloadModel,
  type ScopeView,
} from "../../use-cases/ask-caseload-question.ts";
import { caseloadExportRoutes } from "./caseload-export.handler.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";
import { t as catalogue } from "../../i18n/catalogue/index.ts";

export interface CaseloadDeps {
  model?: ModelGate;
}

export const MoreSubmit = z.object({
  verb: z.literal("caseload.more"),
  query: z.string().max(8_000),
  page: z.coerce.number().int().min(1).max(10_000),
});
/** A button that asks a question: an example question (text) or a query built for the asker (the nearest question, the other reading). */
export const AskSubmit = z.object({
  verb: z.literal("caseload.ask"),
  question: z.string().max(500).default(""),
  query: z.string().max(8_000).default(""),
  locale: z.enum(["nl", "en"]).optional(),
});

export function caseloadRoutes(deps: CaseloadDeps) {
  return (r: RouteRegistrar) => {
    r.submit("caseload.more", (turn) => more(turn, deps));
    r.submit("caseload.ask", (turn) => ask(turn, deps));
    caseloadExportRoutes(r);
  };
}

export function answerQuestion(deps: CaseloadDeps) {
  return async (turn: Turn): Promise<void> => askQuestion(turn, deps, (turn.context.activity.text ?? "").trim().slice(0, 500));
}

function useCase(turn: Turn, deps: CaseloadDeps): AskCaseloadDeps {
  const { model } = deps;
  const { store, logger, clock } = turn.deps;
  const askModel: CaseloadModel | undefined = model
    ? async (question) => {
        const r = await model.ask(turn, { purpose: "caseload-query", text: question });
        return r.ok ? { ok: true, query: r.value.query } : r;
      }
    : undefined;
  return { store, logger, model: askModel, today: clock() };
}

async function askQuestion(turn: Turn, deps: CaseloadDeps, question: string): Promise<void> {
  await render(turn, await askCaseloadQuestion(useCase(turn, deps), turn.actor, { kind: "question", question, locale: turn.locale }));
}

/** A query from a card: re-scoped to whoever clicked by the use case, so it can never widen what they see. */
async function askQuery(turn: Turn, deps: CaseloadDeps, query: CaseloadQuery, page: number, locale: Locale): Promise<void> {
  await render(turn, await askCaseloadQuestion(useCase(turn, deps), turn.actor, { kind: "query", query, page, locale }));
}

function parseQuery(json: string): CaseloadQuery | null {
  try {
    const q = CaseloadQuery.safeParse(JSON.parse(json));
    return q.success ? q.data : null;
  } catch {
    return null;
  }
}

async function ask(turn: Turn, deps: CaseloadDeps): Promise<void> {
  const parsed = AskSubmit.safeParse(turn.context.activity.value);
  if (parsed.success && parsed.data.query) {
    const query = parseQuery(parsed.data.query);
    // the language the answer with the button was in
    if (query) return askQuery(turn, deps, query, 0, parsed.data.locale ?? turn.locale);
  } else if (parsed.success && parsed.data.question.trim()) {
    return askQuestion(turn, deps, parsed.data.question.trim());
  }
  await stale(turn, "invalid_caseload_ask");
}

async function more(turn: Turn, deps: CaseloadDeps): Promise<void> {
  const parsed = MoreSubmit.safeParse(turn.context.activity.value);
  const query = parsed.success ? parseQuery(parsed.data.query) : null;
  if (!parsed.success || !query) return stale(turn, "invalid_caseload_more");
  await askQuery(turn, deps, query, parsed.data.page, turn.locale);
}

async function stale(turn: Turn, reason: string): Promise<void> {
  await turn.deps.store.audit.refusal({ actor: turn.actor, reason });
  await turn.context.sendActivity(t(turn.locale).staleCard);
}

async function render(turn: Turn, r: AskCaseloadResult): Promise<void> {
  if (r.outcome === "not_understood") return refuse(turn, r.interpretation, scopeLabel(r.scope, r.interpretation.locale));
  const card = renderCaseloadAnswerCard({
    result: r.result,
    query: r.query,
    description: describeQuery(r.query, r.locale),
    scopeLabel: scopeLabel(r.scope, r.locale),
    locale: r.locale,
    buttons: otherReading(r.query, r.locale),
  });
  await turn.context.sendActivity({
    text: r.modelFallback ? catalogue(r.locale).caseload.modelFallback[r.modelFallback] : undefined,
    attachments: [CardFactory.adaptiveCard(card)],
  });
}

/** Says what was not understood or is out of scope, with buttons for what Trede can answer instead. */
async function refuse(turn: Turn, r: Extract<Interpretation, { ok: false }>, scope: string): Promise<void> {
  const s = catalogue(r.locale).caseload;
  const examples = r.suggestions.slice(0, 5).map((q) => ({ title: q, question: q }));
  // the words quoted back are the asker's own: the card escapes its text itself, the message needs it here
  const say = (unused: string[]) =>
    r.reason === "outOfScope"
      ? s.outOfScope(unused, scope)
      : r.nearest && unused.length
        ? `${s.partly(unused)} ${s.nearest}`
        : `${s.notUnderstood}\n\n${r.suggestions.map((q) => `- ${q}`).join("\n")}`;
  const buttons: { title: string; question?: string; query?: CaseloadQuery }[] =
    r.reason !== "outOfScope" && r.nearest && r.unused.length
      ? [{ title: describeQuery(r.nearest, r.locale), query: r.nearest }, ...examples.slice(0, 4)]
      : examples;
  const card = renderCaseloadRefusalCard({
    text: r.reason === "notUnderstood" && !r.nearest ? s.notUnderstood : say(r.unused),
    locale: r.locale,
    buttons,
  });
  await turn.context.sendActivity({
    text: say(r.unused.map((u) => cardText(u))),
    attachments: [CardFactory.adaptiveCard(card)],
  });
}

/** Movement over a period has two readings; the answer names the one it used and offers the other. */
function otherReading(query: CaseloadQuery, locale: Locale): { title: string; query: CaseloadQuery }[] {
  if (query.measure !== "movement" || !query.period) return [];
  const events = query.reading !== "events";
  const other: CaseloadQuery = { ...query, reading: events ? "events" : "startEnd" };
  return [{ title: catalogue(locale).caseloadCard.otherReading(events), query: other }];
}

function scopeLabel(scope: ScopeView, locale: Locale): string {
  const s = catalogue(locale).caseload;
  return scope.kind === "coach" ? s.mine : scope.kind === "team" ? s.team(scope.teamName ?? "") : s.all;
}

// Use case: a person asks a question about their caseload, or pages through / re-asks an answer's query.
// The deterministic interpreter answers by default; with a model, the model's (pseudonymised) reading is
// used when it names only wijken, teams and coaches the asker may see, and any failure falls back to the
// interpreter. Every query runs with the asker's own scope (a query from a card can never widen it), the
// clients an answer names pass the one access check, and every question is audited without its text.
import { caseloadScopeOf, type Actor, type CaseloadScope } from "../domain/access/actor.ts";
import type { CaseloadQuery } from "../domain/caseload/caseload-query.ts";
import type { CaseloadResult } from "../domain/caseload/caseload-result.ts";
import { interpretQuestion, type Interpretation } from "../domain/caseload/interpret-question.ts";
import { resolveModelQuery } from "../domain/caseload/resolve-model-query.ts";
import type { Locale } from "../domain/localized.ts";
import type { Store } from "../domain/store.ts";
import type { Logger } from "../logging/logger.ts";
import { keepVisibleRows } from "./client-visibility.ts";

/**
 * The model path as this use case sees it: the question in, a query out. "not_allowed" means the team
 * keeps free text away from a model (no fallback to report); any other failure is a fallback.
 */
export type CaseloadModel = (question: string) => Promise<{ ok: true; query: CaseloadQuery } | { ok: false; reason: string }>;

export interface AskCaseloadDeps {
  store: Pick<Store, "caseload" | "teams" | "clients" | "audit">;
  logger: Pick<Logger, "info" | "error">;
  /** absent when no model is configured */
  model?: CaseloadModel;
  today: Date;
}

export type AskCaseloadInput =
  /** typed text, or an example question on a button */
  | { kind: "question"; question: string; locale: Locale }
  /** a query from a card ("Meer", the nearest question, the other reading), re-scoped to the asker */
  | { kind: "query"; query: CaseloadQuery; page: number; locale: Locale };

/** Whose clients the answer is about, for the label on the card. */
export interface ScopeView {
  kind: CaseloadScope["kind"];
  teamName: string | null;
}

export type AskCaseloadResult =
  | { outcome: "not_understood"; interpretation: Extract<Interpretation, { ok: false }>; scope: ScopeView }
  | {
      outcome: "answered";
      query: CaseloadQuery;
      result: CaseloadResult;
      page: number;
      locale: Locale;
      scope: ScopeView;
      /** why the interpreter answered although a model is configured: it failed, or read names outside the asker's scope */
      modelFallback: ModelFallback | null;
    };

export type ModelFallback = "unavailable" | "out_of_scope";

export async function askCaseloadQuestion(deps: AskCaseloadDeps, actor: Actor, input: AskCaseloadInput): Promise<AskCaseloadResult> {
  const scope = caseloadScopeOf(actor);
  if (input.kind === "query")
    return answer(deps, actor, scope, {
      query: input.query,
      page: input.page,
      locale: input.locale,
      fromQuestion: false,
      modelFallback: null,
    });

  const { store, logger, model } = deps;
  const vocabulary = await store.caseload.vocabulary(scope);
  let query: CaseloadQuery | null = null;
  let fallback: ModelFallback | null = null;
  if (model) {
    const r = await model(input.question);
    // the model's query names only wijken, teams and coaches the asker may see, like the interpreter's
    const resolved = r.ok ? resolveModelQuery(r.query, vocabulary) : null;
    if (resolved) query = resolved;
    else if (r.ok || r.reason !== "not_allowed") {
      fallback = r.ok ? "out_of_scope" : "unavailable";
      logger.info(
        { event: "model.fallback", use: "caseload", reason: r.ok ? "unknown_name" : r.reason },
        "model path failed; deterministic path answers",
      );
    }
  }
  let locale = input.locale;
  if (!query) {
    const interpreted = interpretQuestion(input.question, { locale, ...vocabulary });
    locale = interpreted.locale;
    if (!interpreted.ok) {
      await store.audit.record({
        actor,
        action: "caseload.not_understood",
        details: { kind: "not_understood", reason: interpreted.reason, model: Boolean(model) },
      });
      return { outcome: "not_understood", interpretation: interpreted, scope: await scopeView(deps, scope) };
    }
    query = interpreted.query;
  }
  return answer(deps, actor, scope, { query, page: 0, locale, fromQuestion: true, modelFallback: fallback });
}

async function scopeView(deps: AskCaseloadDeps, scope: CaseloadScope): Promise<ScopeView> {
  return { kind: scope.kind, teamName: scope.kind === "team" ? await deps.store.teams.nameOf(scope.teamId) : null };
}

async function answer(
  deps: AskCaseloadDeps,
  actor: Actor,
  scope: CaseloadScope,
  input: { query: CaseloadQuery; page: number; locale: Locale; fromQuestion: boolean; modelFallback: ModelFallback | null },
): Promise<AskCaseloadResult> {
  const { store } = deps;
  const answered = await store.caseload.answer({
    query: input.query,
    scope,
    askerStaffId: actor.staffId,
    today: deps.today,
    page: input.page,
  });
  const result = await withVisibleLines(deps, actor, answered, input.fromQuestion ? "caseload.query" : "caseload.more");
  const view = await scopeView(deps, scope);
  const lines: readonly { clientId: string }[] = "lines" in result ? result.lines : [];
  // what kind of question, the interpreted filter and which clients were shown; never the typed text
  await store.audit.record({
    actor,
    action: "caseload.query",
    details: {
      kind: input.query.measure,
      source: input.fromQuestion ? "question" : "more",
      query: input.query,
      page: input.page,
      scope: scope.kind,
      shown: lines.length,
      clientIds: lines.map((l) => l.clientId),
    },
  });
  return {
    outcome: "answered",
    query: input.query,
    result,
    page: input.page,
    locale: input.locale,
    scope: view,
    modelFallback: input.modelFallback,
  };
}

/**
 * Answers that name clients (any result with lines, including kinds added later) pass them through the
 * one access check, which also records the read; a line that fails it is a bug in the query, so logged.
 */
async function withVisibleLines(deps: AskCaseloadDeps, actor: Actor, result: CaseloadResult, via: string): Promise<CaseloadResult> {
  if (!("lines" in result)) return result;
  const rows: readonly { clientId: string }[] = result.lines;
  const { kept, dropped } = await keepVisibleRows(deps.store, actor, rows, (l) => l.clientId, { via });
  if (dropped) deps.logger.error({ event: "scope.list_leak", via, dropped }, "a list query returned clients outside the asker's scope");
  return { ...result, lines: kept } as CaseloadResult;
}

// Caseload questions in chat. The deterministic interpreter answers by default; with a model configured
// the model translates the (pseudonymised) question into the same query, and any model failure falls back
// to the deterministic path. One executor runs every query with the asker's scope; every question is audited.
import { CardFactory } from "botbuilder";
import { z } from "zod";
import { RunCaseloadQuery } from "../../ai/actions.ts";
import type { StructuredModel } from "../../ai/structured-model.ts";
import { renderCaseloadAnswerCard } from "../../cards/caseload-answer.card.ts";
import { caseloadScopeOf, type Actor, type CaseloadScope } from "../../domain/access/actor.ts";
import { CaseloadQuery } from "../../domain/caseload/caseload-query.ts";
import { describeQuery } from "../../domain/caseload/describe-query.ts";
import { interpretQuestion } from "../../domain/caseload/interpret-question.ts";
import { Pseudonymiser } from "../../domain/privacy/pseudonymiser.ts";
import type { Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/messages.ts";
import { recordAuditEvent, recordRefusal } from "../../storage/audit/record-audit-event.ts";
import { findMentionedClients, findScopeVocabulary } from "../../storage/caseload/caseload-context.ts";
import { executeCaseloadQuery } from "../../storage/caseload/execute-caseload-query.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";

export interface CaseloadDeps {
  model?: StructuredModel;
}

export const MoreSubmit = z.object({ verb: z.literal("caseload.more"), query: z.string().max(8_000), page: z.coerce.number().int().min(1).max(10_000) });

const text = {
  nl: {
    notUnderstood: "Die vraag begrijp ik niet. Je kunt bijvoorbeeld vragen:",
    modelFallback: "(Het taalmodel was niet beschikbaar; ik heb de vraag zelf geïnterpreteerd.)",
    mine: "mijn klanten",
    team: (name: string) => `team ${name}`,
    all: "alle teams",
  },
  en: {
    notUnderstood: "I don't understand that question. You could ask, for example:",
    modelFallback: "(The language model was unavailable; I interpreted the question myself.)",
    mine: "my clients",
    team: (name: string) => `team ${name}`,
    all: "all teams",
  },
};

export function caseloadRoutes(deps: CaseloadDeps) {
  return (r: RouteRegistrar) => {
    r.submit("caseload.more", (turn) => more(turn));
  };
}

export function answerQuestion(deps: CaseloadDeps) {
  return async (turn: Turn): Promise<void> => {
    const { context, actor, locale, deps: bot } = turn;
    const question = (context.activity.text ?? "").trim().slice(0, 500);
    const scope = caseloadScopeOf(actor);
    const vocabulary = await findScopeVocabulary(bot.prisma, scope);
    let query: CaseloadQuery | null = null;
    let fellBack = false;
    if (deps.model) {
      const mentioned = await findMentionedClients(bot.prisma, scope, question);
      const masker = new Pseudonymiser({ names: [...mentioned.names, actor.displayName], clientNumbers: mentioned.clientNumbers });
      const r = await deps.model.run(context, turn.state, { prompt: "caseload-query", action: "run_caseload_query", schema: RunCaseloadQuery, input: masker.mask(question) });
      if (r.ok) query = r.value.query;
      else {
        fellBack = true;
        bot.logger.info({ event: "model.fallback", use: "caseload", reason: r.reason }, "model path failed; deterministic path answers");
      }
    }
    if (!query) {
      const interpreted = interpretQuestion(question, { locale, ...vocabulary });
      if (!interpreted.ok) {
        await recordAuditEvent(bot.prisma, { actor, action: "caseload.not_understood", details: { kind: "not_understood", model: Boolean(deps.model) } });
        await context.sendActivity(`${text[locale].notUnderstood}\n\n${interpreted.suggestions.map((s) => `- ${s}`).join("\n")}`);
        return;
      }
      query = interpreted.query;
    }
    await answer(turn, { query, question, page: 0, scope, note: fellBack ? text[locale].modelFallback : undefined });
  };
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
    await recordRefusal(turn.deps.prisma, { actor: turn.actor, reason: "invalid_caseload_more" });
    await turn.context.sendActivity(t(turn.locale).staleCard);
    return;
  }
  // the query from the card is re-scoped to whoever clicked: it can never widen what they see
  await answer(turn, { query, question: null, page: parsed.data.page, scope: caseloadScopeOf(turn.actor) });
}

function scopeLabel(actor: Actor, scope: CaseloadScope, locale: Locale, teamName: string | undefined): string {
  const s = text[locale];
  return scope.kind === "coach" ? s.mine : scope.kind === "team" ? s.team(teamName ?? "") : s.all;
}

async function answer(turn: Turn, input: { query: CaseloadQuery; question: string | null; page: number; scope: CaseloadScope; note?: string }): Promise<void> {
  const { context, actor, locale, deps: bot } = turn;
  const result = await executeCaseloadQuery(bot.prisma, { query: input.query, scope: input.scope, askerStaffId: actor.staffId, today: bot.clock(), page: input.page });
  const team = input.scope.kind === "team" ? await bot.prisma.team.findUnique({ where: { id: input.scope.teamId }, select: { name: true } }) : null;
  const card = renderCaseloadAnswerCard({
    result,
    query: input.query,
    description: describeQuery(input.query, locale),
    scopeLabel: scopeLabel(actor, input.scope, locale, team?.name),
    locale,
  });
  const shown = "lines" in result ? result.lines.length : 0;
  // what kind of question, the interpreted filter and which clients were shown; never the typed text
  await recordAuditEvent(bot.prisma, {
    actor,
    action: "caseload.query",
    details: { kind: input.query.measure, source: input.question === null ? "more" : "question", query: input.query, page: input.page, scope: input.scope.kind, shown, clientIds: "lines" in result ? result.lines.map((l) => l.clientId) : [] },
  });
  await context.sendActivity({ text: input.note, attachments: [CardFactory.adaptiveCard(card)] });
}

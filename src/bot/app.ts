// The teams-ai Application: state storage, identity, the route list and the turn error handler.
import { randomUUID } from "node:crypto";
import { ActivityTypes, type TurnContext } from "botbuilder";
import { Application, type TeamsAdapter } from "@microsoft/teams-ai";
import type { ModelGate, ModelGateSetup } from "../ai/model-gate.ts";
import { bindModelGate } from "./model-binding.ts";
import { t } from "../i18n/messages.ts";
import { SqlBotStorage, StateConflictError } from "./bot-state-storage.ts";
import { identifyActor } from "./identify.ts";
import { invokeMessage } from "./invoke.ts";
import { registerRoutes, type UseCases } from "./routes.ts";
import { TredeTurnState, type BotDeps } from "./turn.ts";

export function createBotApplication(options: {
  adapter: TeamsAdapter;
  botAppId?: string;
  deps: BotDeps;
  /** the optional model path, only through its gate; without it every feature runs deterministically */
  model?: ModelGateSetup;
  useCases?: (model: ModelGate | undefined) => UseCases;
}) {
  const { deps } = options;
  const binding = options.model && bindModelGate(options.model);
  const app = new Application<TredeTurnState>({
    ai: binding?.ai,
    adapter: options.adapter,
    botAppId: options.botAppId,
    storage: new SqlBotStorage(deps.store.conversationState),
    turnStateFactory: () => new TredeTurnState(),
    removeRecipientMention: true,
    // the shared typing timer misbehaves under concurrent turns, and answers come fast enough without it
    startTypingTimer: false,
  });
  app.turn("beforeTurn", identifyActor(deps));
  const model = binding?.bind(app);
  registerRoutes(app, deps, options.useCases?.(model) ?? {});
  app.error(async (context, error) => reportTurnError(deps, context, error));
  return app;
}

/** Logs the whole error with a correlation id and tells the person one friendly sentence. */
export async function reportTurnError(deps: BotDeps, context: TurnContext, error: unknown): Promise<void> {
  const correlationId = randomUUID().slice(0, 8);
  const a = context.activity;
  if (error instanceof StateConflictError) {
    // two turns of one conversation at once (a double click): the other one answered and saved
    deps.logger.warn({ event: "turn.state_conflict", correlationId, activityId: a.id }, "concurrent turn; state of the other turn kept");
    if (a.type === ActivityTypes.Invoke)
      await context.sendActivity({ type: "invokeResponse", value: { status: 200, body: {} } }).catch(() => {});
    return;
  }
  deps.logger.error(
    {
      event: "turn.error",
      correlationId,
      err: error,
      activityType: a.type,
      activityName: a.name,
      activityId: a.id,
      staff: a.from?.aadObjectId,
    },
    "turn failed",
  );
  const locale = deps.defaultLocale;
  const text = deps.store.isUnavailable(error) ? t(locale).databaseDown(correlationId) : t(locale).error(correlationId);
  try {
    if (a.type === ActivityTypes.Invoke) {
      await invokeMessage(context, text);
    } else {
      await context.sendActivity(text);
    }
  } catch (sendError) {
    deps.logger.error({ event: "turn.error.reply_failed", correlationId, err: sendError }, "could not tell the user");
  }
}

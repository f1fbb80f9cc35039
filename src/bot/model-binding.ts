// The optional model path bound to teams-ai, used only through the model gate (src/ai/model-gate.ts): bindModelGate
// builds the planner and the actions and wraps them in the gate at once. A prompt folder in prompts/ (teams-ai: config.json, skprompt.txt, actions.json)
// asks the model to call exactly one action; its arguments are parsed with the action's zod schema. The
// model never sees names or numbers (the caller passes pseudonymised input), never sees chat history, and
// its text replies are never shown. Any failure (timeout, HTTP error, garbage, invalid arguments after a
// retry) returns a reason instead of a value, and the caller takes the deterministic path.
import type { TurnContext } from "botbuilder";
import type { z } from "zod";
import { ActionPlanner, AI, OpenAIModel, PromptManager, type AIOptions, type Application } from "@microsoft/teams-ai";
import { gateOver, type ModelGate, type ModelGateSetup, type ModelTurn } from "../ai/model-gate.ts";
import type { ModelFailure, ModelResult, StructuredAction, StructuredModel, StructuredRun } from "../ai/structured-model.ts";
import { aiActions } from "../ai/actions.ts";
import type { ModelConfig } from "../config/env.ts";
import type { Logger } from "../logging/logger.ts";
import type { TredeTurnState } from "./turn.ts";

/** What a model run needs of a teams-ai turn. */
export interface ModelBotTurn {
  context: TurnContext;
  state: TredeTurnState;
}

/**
 * The gate's setup bound to teams-ai: the AI options for the Application (the planner with its model),
 * and `bind`, which registers the actions on that Application and returns the gate over them.
 */
export function bindModelGate(setup: ModelGateSetup): {
  ai: AIOptions<TredeTurnState>;
  bind(app: Application<TredeTurnState>): ModelGate<ModelBotTurn & ModelTurn>;
} {
  const planner = createPlanner({ config: setup.config, promptsFolder: setup.promptsFolder });
  return {
    ai: { planner },
    bind(app) {
      const structured = createStructuredModel(app, {
        actions: aiActions(setup.ladders),
        timeoutMs: setup.config.timeoutMs,
        logger: setup.logger,
      });
      return gateOver<ModelBotTurn & ModelTurn>(structured, setup);
    },
  };
}

const MAX_INVALID_ATTEMPTS = 2;

interface AiTemp {
  prompt?: string;
  /** puts the asker's values back into the model's arguments (placeholders) before they are parsed */
  restore?: (args: unknown) => unknown;
  result?: unknown;
  invalidAttempts?: number;
  failure?: ModelFailure;
  /** the schema the current run's arguments must satisfy */
  schema?: z.ZodType<unknown>;
}

export function createModel(config: ModelConfig): OpenAIModel {
  const common = {
    useSystemMessages: true,
    logRequests: false,
    clientOptions: { timeout: config.timeoutMs, maxRetries: 0 },
  } as const;
  return config.kind === "azure"
    ? new OpenAIModel({
        ...common,
        azureApiKey: config.apiKey,
        azureEndpoint: config.endpoint,
        azureDefaultDeployment: config.deployment,
        azureApiVersion: config.apiVersion,
      })
    : new OpenAIModel({ ...common, apiKey: config.apiKey, defaultModel: config.model, endpoint: config.endpoint });
}

export function createPlanner(options: { config: ModelConfig; promptsFolder: string }): ActionPlanner<TredeTurnState> {
  const prompts = new PromptManager({ promptsFolder: options.promptsFolder });
  return new ActionPlanner<TredeTurnState>({
    model: createModel(options.config),
    prompts,
    defaultPrompt: async (_context, state) => prompts.getPrompt(aiTemp(state).prompt ?? "none"),
    max_repair_attempts: 0,
  });
}

function aiTemp(state: TredeTurnState): AiTemp {
  const temp = state.temp as unknown as { ai?: AiTemp };
  temp.ai ??= {};
  return temp.ai;
}

/**
 * Registers the actions on the Application's AI and returns the runner. `actions` lists every
 * structured action the prompts may call, each with the schema its arguments must satisfy.
 */
export function createStructuredModel(
  app: Application<TredeTurnState>,
  options: { actions: StructuredAction<unknown>[]; timeoutMs: number; logger: Logger },
): StructuredModel<ModelBotTurn> {
  const ai = app.ai;
  // one handler per action name; it parses with the schema of the run under way (the prefill's depends on
  // the team's ladder profile)
  for (const name of new Set(options.actions.map((a) => a.action))) {
    const a = { action: name };
    ai.action(name, async (_context, state, parameters) => {
      const t = aiTemp(state);
      const schema = t.schema ?? options.actions.find((x) => x.action === name)!.schema;
      const parsed = schema.safeParse(t.restore ? t.restore(parameters ?? {}) : (parameters ?? {}));
      if (parsed.success) {
        t.result = parsed.data;
        return AI.StopCommandName;
      }
      t.invalidAttempts = (t.invalidAttempts ?? 0) + 1;
      if (t.invalidAttempts >= MAX_INVALID_ATTEMPTS) {
        t.failure = "invalid_arguments";
        return AI.StopCommandName;
      }
      // a short error string goes back to the model so it can correct itself once
      return `Invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}. Call ${a.action} again with valid arguments.`;
    });
  }
  // The model only ever answers through an action: free text is dropped, never shown to a coach.
  ai.action(AI.SayCommandActionName, async (_context, state) => {
    aiTemp(state).failure ??= "no_action";
    return AI.StopCommandName;
  });
  ai.action(AI.UnknownActionName, async (_context, state) => {
    aiTemp(state).failure = "no_action";
    return AI.StopCommandName;
  });
  ai.action(AI.HttpErrorActionName, async (_context, state) => {
    aiTemp(state).failure = "unavailable";
    return AI.StopCommandName;
  });
  ai.action(AI.TooManyStepsActionName, async (_context, state) => {
    aiTemp(state).failure ??= "invalid_arguments";
    return AI.StopCommandName;
  });

  return {
    async run<T>({ context, state }: ModelBotTurn, run: StructuredRun<T>): Promise<ModelResult<T>> {
      const t = aiTemp(state);
      Object.assign(t, {
        prompt: run.prompt,
        restore: run.restore,
        schema: run.schema,
        result: undefined,
        invalidAttempts: 0,
        failure: undefined,
      });
      // Prompts keep history (teams-ai only returns action outputs to the model with history on) but
      // each run starts empty, so nothing from an earlier question or note is sent again.
      const history = `conversation.${run.prompt}_history`;
      state.deleteValue(history);
      // teams-ai sends temp.input as the user message: replace the original activity text (which may
      // contain names) with the pseudonymised input before anything is sent
      const original = state.temp.input;
      state.temp.input = run.input;
      let timer: NodeJS.Timeout | undefined;
      try {
        const outcome = await Promise.race([
          ai.run(context, state).then(() => "done" as const),
          new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), options.timeoutMs))),
        ]);
        if (outcome === "timeout") return { ok: false, reason: "timeout" };
        if (t.result !== undefined) return { ok: true, value: t.result as T };
        return { ok: false, reason: t.failure ?? "no_action" };
      } catch (err) {
        options.logger.warn(
          { event: "model.failed", prompt: run.prompt, err: String((err as Error).message ?? err).slice(0, 200) },
          "model call failed",
        );
        return { ok: false, reason: /timed? ?out/i.test(String(err)) ? "timeout" : "unavailable" };
      } finally {
        clearTimeout(timer);
        state.temp.input = original;
        t.restore = undefined;
        t.schema = undefined;
        state.deleteValue(history);
      }
    },
  };
}

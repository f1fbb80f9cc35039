// What the model gate asks of a model, whichever SDK carries it: one structured action per request, its
// arguments parsed with the action's zod schema, a reason instead of a value on any failure. The binding
// to the conversation SDK (planner, model client, actions) is src/bot/model-binding.ts; src/ai knows no SDK.
import type { z } from "zod";

export type ModelFailure = "timeout" | "unavailable" | "no_action" | "invalid_arguments";
export type ModelResult<T> = { ok: true; value: T } | { ok: false; reason: ModelFailure };

export interface StructuredAction<T> {
  /** prompt folder name under prompts/ */
  prompt: string;
  /** the action (tool) name in that folder's actions.json */
  action: string;
  schema: z.ZodType<T>;
}

export interface StructuredRun<T> extends StructuredAction<T> {
  /** the (masked) text sent as the user's message */
  input: string;
  /** puts the asker's values back into the model's arguments (placeholders) before they are parsed */
  restore?: (args: unknown) => unknown;
}

/** A model run within a turn of the conversation SDK; `turn` is the SDK's, opaque here. */
export interface StructuredModel<TTurn> {
  run<T>(turn: TTurn, options: StructuredRun<T>): Promise<ModelResult<T>>;
}

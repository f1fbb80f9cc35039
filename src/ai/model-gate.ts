// The one gate to a language model. Every request Trede makes to a model (a caseload question, a debrief
// prefill, and their retries inside the structured model) passes `ask`, which
//   1. refuses free text of a team that has not allowed it (Team.allowNotesToModel, `trede team set
//      --notes-to-model`): the caller takes the deterministic path and nothing leaves;
//   2. masks the text default-deny (src/domain/privacy/default-deny-masker.ts) with the municipality's
//      known client and staff names, client numbers, wijken and teams as a deny list on top;
//   3. sends only the masked text, with no history, and accepts only the zod-parsed arguments of the one
//      action the prompt allows, after putting the asker's own values back into them.
// The model client and planner are built here and nowhere else (a layer rule in .dependency-cruiser.cjs
// checks that no other module imports structured-model.ts or the openai package).
import type { TurnContext } from "botbuilder";
import type { AIOptions, Application } from "@microsoft/teams-ai";
import type { z } from "zod";
import type { ModelConfig } from "../config/env.ts";
import type { Actor } from "../domain/access/actor.ts";
import { createDenyList, createMasker, type DenyList, type KnownIdentifiers } from "../domain/privacy/default-deny-masker.ts";
import type { MaskingVocabulary } from "../domain/privacy/masking-vocabulary.ts";
import type { Logger } from "../logging/logger.ts";
import type { TredeTurnState } from "../bot/turn.ts";
import { AI_ACTIONS, PrefillDebrief, RunCaseloadQuery } from "./actions.ts";
import { createPlanner, createStructuredModel, type ModelResult, type StructuredAction, type StructuredModel } from "./structured-model.ts";

const PURPOSES = {
  "caseload-query": { prompt: "caseload-query", action: "run_caseload_query", schema: RunCaseloadQuery },
  "debrief-prefill": { prompt: "debrief-prefill", action: "prefill_debrief", schema: PrefillDebrief },
} as const;
export type ModelPurpose = keyof typeof PURPOSES;
export type ModelAnswer<P extends ModelPurpose> = z.infer<(typeof PURPOSES)[P]["schema"]>;

/** "not_allowed": the team's settings keep this text away from a model; the deterministic path answers. */
export type GateResult<T> = ModelResult<T> | { ok: false; reason: "not_allowed" };

/** What the gate needs from the database: the team's setting and the identifiers to deny. */
export interface ModelSettingsPort {
  /** Whether free text of this person may go to a model at all. */
  allowsFreeText(actor: Actor): Promise<boolean>;
  /** Every known client and staff name, client number, wijk and team, and a key that changes when they do. */
  knownIdentifiers(): Promise<{ version: string; known: KnownIdentifiers }>;
}

export interface ModelGate {
  ask<P extends ModelPurpose>(turn: { context: TurnContext; state: TredeTurnState; actor: Actor }, request: { purpose: P; text: string }): Promise<GateResult<ModelAnswer<P>>>;
}

export interface ModelGateSetup {
  /** the teams-ai AI options for the Application (the planner with its model) */
  ai: AIOptions<TredeTurnState>;
  /** Registers the actions on the Application and returns the gate. */
  bind(app: Application<TredeTurnState>): ModelGate;
}

export function createModelGate(options: {
  config: ModelConfig;
  promptsFolder: string;
  vocabulary: MaskingVocabulary;
  settings: ModelSettingsPort;
  logger: Logger;
}): ModelGateSetup {
  const planner = createPlanner({ config: options.config, promptsFolder: options.promptsFolder });
  return {
    ai: { planner },
    bind(app) {
      const structured = createStructuredModel(app, { actions: [...AI_ACTIONS], timeoutMs: options.config.timeoutMs, logger: options.logger });
      return gateOver(structured, options);
    },
  };
}

/** The gate over any structured model (tests use it with a teams-ai Application of their own). */
export function gateOver(structured: StructuredModel, options: { vocabulary: MaskingVocabulary; settings: ModelSettingsPort; logger: Logger }): ModelGate {
  let denyList: { version: string; list: DenyList } | undefined;
  async function currentDenyList(): Promise<DenyList> {
    const { version, known } = await options.settings.knownIdentifiers();
    if (denyList?.version !== version) denyList = { version, list: createDenyList(known) };
    return denyList.list;
  }

  return {
    async ask(turn, request) {
      const purpose: StructuredAction<unknown> = PURPOSES[request.purpose];
      if (!(await options.settings.allowsFreeText(turn.actor))) {
        options.logger.info({ event: "model.not_allowed", use: request.purpose }, "team keeps free text away from a model; deterministic path");
        return { ok: false, reason: "not_allowed" };
      }
      const masker = createMasker(options.vocabulary, await currentDenyList());
      const input = masker.mask(request.text);
      const result = await structured.run(turn.context, turn.state, { ...purpose, input, restore: (args) => masker.restoreDeep(args) });
      return result as GateResult<ModelAnswer<(typeof request)["purpose"]>>;
    },
  };
}

// The one gate to a language model. Every request Trede makes to a model (a caseload question, a debrief
// prefill, and their retries inside the structured model) passes `ask`, which
//   1. refuses free text of a team that has not allowed it (Team.allowNotesToModel, `trede team set
//      --notes-to-model`): the caller takes the deterministic path and nothing leaves;
//   2. masks the text default-deny (src/domain/privacy/default-deny-masker.ts) with the municipality's
//      known client and staff names, client numbers, wijken and teams as a deny list on top;
//   3. sends only the masked text, with no history, and accepts only the zod-parsed arguments of the one
//      action the prompt allows, after putting the asker's own values back into them.
// The model client and planner are built by the conversation SDK's binding (src/bot/model-binding.ts),
// which wraps them in this gate at once; a layer rule in .dependency-cruiser.cjs checks that nothing else
// imports that binding or the openai package. This module knows no SDK: the turn is passed through opaque.
import type { z } from "zod";
import type { ModelConfig } from "../config/env.ts";
import type { Actor } from "../domain/access/actor.ts";
import { createDenyList, createMasker, type DenyList, type KnownIdentifiers, type Masker } from "../domain/privacy/default-deny-masker.ts";
import type { MaskingVocabulary } from "../domain/privacy/masking-vocabulary.ts";
import type { Logger } from "../logging/logger.ts";
import type { LadderProfileData } from "../domain/ladder/ladder-profile.ts";
import { CASELOAD_ACTION, prefillAction, type PrefillDebrief, type RunCaseloadQuery } from "./actions.ts";
import type { ModelResult, StructuredAction, StructuredModel } from "./structured-model.ts";

interface Answers {
  "caseload-query": z.infer<typeof RunCaseloadQuery>;
  /** prefilled for the ladder profile of the asker's team: its prompt, and a schema that refuses other values */
  "debrief-prefill": PrefillDebrief;
}
export type ModelPurpose = keyof Answers;
export type ModelAnswer<P extends ModelPurpose> = Answers[P];

/** "not_allowed": the team's settings keep this text away from a model; the deterministic path answers. */
export type GateResult<T> = ModelResult<T> | { ok: false; reason: "not_allowed" };

/** What the gate needs from the database: the team's setting and the identifiers to deny. */
export interface ModelSettingsPort {
  /** Whether free text of this person may go to a model at all, and a key that changes when the known identifiers do. */
  check(actor: Actor): Promise<{ allowsFreeText: boolean; identifiersVersion: string; ladderProfileId?: string | null }>;
  /** Every known client and staff name, client number, wijk and team. */
  knownIdentifiers(): Promise<KnownIdentifiers>;
}

export type PreparedRequest = { allowed: false } | { allowed: true; input: string; masker: Masker; ladderProfileId: string | null };

/** The turn a request belongs to: the asker, and whatever the SDK's binding needs (opaque here). */
export interface ModelTurn {
  actor: Actor;
}

export interface ModelGate<TTurn extends ModelTurn = ModelTurn> {
  /** The gate's decision and the exact text `ask` sends for it (`ask` calls this; tests drive it in bulk). */
  prepare(actor: Actor, request: { purpose: ModelPurpose; text: string }): Promise<PreparedRequest>;
  ask<P extends ModelPurpose>(turn: TTurn, request: { purpose: P; text: string }): Promise<GateResult<ModelAnswer<P>>>;
}

/** Everything the gate needs besides the model itself, which the SDK's binding adds (src/bot/model-binding.ts). */
export interface ModelGateSetup {
  config: ModelConfig;
  promptsFolder: string;
  vocabulary: MaskingVocabulary;
  settings: ModelSettingsPort;
  logger: Logger;
  /** every ladder profile (the first is the default, for a person without a team) */
  ladders: LadderProfileData[];
}

export function createModelGate(options: ModelGateSetup): ModelGateSetup {
  return options;
}

/** The gate over any structured model (the SDK binding wraps its model in it; tests use it too). */
export function gateOver<TTurn extends ModelTurn>(
  structured: StructuredModel<TTurn>,
  options: { vocabulary: MaskingVocabulary; settings: ModelSettingsPort; logger: Logger; ladders: LadderProfileData[] },
): ModelGate<TTurn> {
  const prefills = new Map(options.ladders.map((p) => [p.id, prefillAction(p)]));
  const actionFor = (purpose: ModelPurpose, ladderProfileId: string | null): StructuredAction<unknown> => {
    if (purpose === "caseload-query") return CASELOAD_ACTION;
    const action = prefills.get(ladderProfileId ?? options.ladders[0].id);
    if (!action) throw new Error(`unknown ladder profile "${ladderProfileId}"`);
    return action;
  };
  let denyList: { version: string; list: DenyList } | undefined;
  async function denyListAt(version: string): Promise<DenyList> {
    if (denyList?.version !== version) denyList = { version, list: createDenyList(await options.settings.knownIdentifiers()) };
    return denyList.list;
  }

  async function prepare(actor: Actor, request: { purpose: ModelPurpose; text: string }): Promise<PreparedRequest> {
    const { allowsFreeText, identifiersVersion, ladderProfileId } = await options.settings.check(actor);
    if (!allowsFreeText) return { allowed: false };
    const masker = createMasker(options.vocabulary, await denyListAt(identifiersVersion));
    return { allowed: true, input: masker.mask(request.text), masker, ladderProfileId: ladderProfileId ?? null };
  }

  return {
    prepare,
    async ask(turn, request) {
      const prepared = await prepare(turn.actor, request);
      if (!prepared.allowed) {
        options.logger.info(
          { event: "model.not_allowed", use: request.purpose },
          "team keeps free text away from a model; deterministic path",
        );
        return { ok: false, reason: "not_allowed" };
      }
      const { input, masker } = prepared;
      const { prompt, action, schema } = actionFor(request.purpose, prepared.ladderProfileId);
      const result = await structured.run(turn, {
        prompt,
        action,
        schema,
        input,
        restore: (args) => masker.restoreDeep(args),
      });
      return result as GateResult<ModelAnswer<(typeof request)["purpose"]>>;
    },
  };
}

// What every handler gets: the turn, the acting staff member (resolved once per turn from the database)
// and the language to answer in.
import type { TurnContext } from "botbuilder";
import { TurnState, type DefaultTempState } from "@microsoft/teams-ai";
import type { Actor } from "../domain/access/actor.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Logger } from "../logging/logger.ts";
import type { Store } from "../domain/store.ts";

export interface ConversationState {
  /** Opaque to teams-ai; each use case owns one key and parses it with zod when read. */
  debrief?: unknown;
}
export interface UserState {
  locale?: Locale;
}
export interface TempState extends DefaultTempState {
  actor?: Actor;
  locale?: Locale;
}
export class TredeTurnState extends TurnState<ConversationState, UserState, TempState> {}

export interface BotDeps {
  /** every repository a handler needs; which database handle runs what is the store's business */
  store: Store;
  logger: Logger;
  defaultLocale: Locale;
  clock: () => Date;
  /** Side effects that must not hold up the answer (proactive messages to other people). */
  background: Background;
}

export interface Background {
  run(name: string, task: () => Promise<unknown>): void;
  /** Resolves when every task started so far has finished (for shutdown and tests). */
  idle(): Promise<void>;
}

export interface Turn {
  context: TurnContext;
  state: TredeTurnState;
  actor: Actor;
  locale: Locale;
  deps: BotDeps;
}

export type TurnHandler = (turn: Turn) => Promise<void>;

/** Adapts a handler to teams-ai's (context, state) signature; beforeTurn guarantees an actor. */
export function withTurn(deps: BotDeps, handler: TurnHandler) {
  return async (context: TurnContext, state: TredeTurnState): Promise<void> => {
    const actor = state.temp.actor;
    if (!actor) throw new Error("route reached without an identified actor");
    await handler({ context, state, actor, locale: state.temp.locale ?? deps.defaultLocale, deps });
  };
}

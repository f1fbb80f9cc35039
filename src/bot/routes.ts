// Every message, card action and invoke the bot handles, in the order they are tried. The catch-all is last.
import { ActivityTypes, type TurnContext } from "botbuilder";
import type { Application } from "@microsoft/teams-ai";
import { t } from "../i18n/messages.ts";
import { isInstall } from "./identify.ts";
import { invokeMessage } from "./invoke.ts";
import { sendWelcome, setLanguage } from "./handlers/help.handler.ts";
import { withTurn, type BotDeps, type TredeTurnState, type Turn, type TurnHandler } from "./turn.ts";

/** Use cases plug in here; each registers its own routes in a fixed place of the list. */
export interface UseCases {
  /** Message commands and card submits for debriefs, registered before the catch-all. */
  debrief?: (r: RouteRegistrar) => void;
  review?: (r: RouteRegistrar) => void;
  caseload?: (r: RouteRegistrar) => void;
  /** "meldingen uit/aan" and what else concerns the messages Trede starts itself */
  notifications?: (r: RouteRegistrar) => void;
  /** Free-text questions; receives every message no earlier route took. */
  question?: TurnHandler;
}

/**
 * What the bot registered, in order: every message command, card submit verb and Action.Execute verb,
 * plus the catch-alls ("*") and the install greeting. Tests walk this list, so a new verb cannot go
 * untested for access to client data.
 */
export interface RegisteredRoute {
  kind: "message" | "submit" | "execute" | "invoke" | "install";
  /** the verb; for a message command its pattern's source; "*" for a catch-all */
  name: string;
  pattern?: RegExp;
  /** may answer with client data: then only in a personal chat */
  clientData: boolean;
}

const registered = new WeakMap<object, readonly RegisteredRoute[]>();

/** The routes registerRoutes gave this application. */
export function registeredRoutes(app: object): readonly RegisteredRoute[] {
  return registered.get(app) ?? [];
}

export interface RouteRegistrar {
  message(pattern: RegExp, handler: TurnHandler): void;
  submit(verb: string, handler: TurnHandler): void;
  execute(verb: string, handler: TurnHandler): void;
  /** Another invoke by its name (e.g. "fileConsent/invoke"); the handler sends the invoke response. */
  invoke(name: string, handler: TurnHandler): void;
}

const anchored = (words: string) => new RegExp(`^\\s*(${words})\\s*[.!?]*\\s*$`, "i");

export function registerRoutes(app: Application<TredeTurnState>, deps: BotDeps, useCases: UseCases): readonly RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  const note = (route: RegisteredRoute) => void routes.push(route);
  const on = (handler: TurnHandler) => withTurn(deps, handler);
  // Client data (debriefs, reviews, caseload answers with names) only in a person's own chat with Trede:
  // in a group chat or channel everyone present would read it.
  const personal = (handler: TurnHandler) => on(personalOnly(handler));
  const registrar: RouteRegistrar = {
    message: (pattern, handler) => {
      note({ kind: "message", name: pattern.source, pattern, clientData: true });
      app.message(pattern, personal(handler));
    },
    submit: (verb, handler) => {
      note({ kind: "submit", name: verb, clientData: true });
      app.adaptiveCards.actionSubmit(verb, personal(handler));
    },
    execute: (verb, handler) => {
      note({ kind: "execute", name: verb, clientData: true });
      app.addRoute(isExecute(verb), personal(handler), true);
    },
    invoke: (name, handler) => {
      note({ kind: "invoke", name, clientData: true });
      app.addRoute(async (c) => c.activity.type === ActivityTypes.Invoke && c.activity.name === name, personal(handler), true);
    },
  };
  // help and language work anywhere; they show no client data
  const anywhere = {
    message: (pattern: RegExp, handler: TurnHandler) => {
      note({ kind: "message", name: pattern.source, pattern, clientData: false });
      app.message(pattern, on(handler));
    },
    submit: (verb: string, handler: TurnHandler) => {
      note({ kind: "submit", name: verb, clientData: false });
      app.adaptiveCards.actionSubmit(verb, on(handler));
    },
  };

  note({ kind: "install", name: "install", clientData: false });
  app.activity(async (c) => isInstall(c), on(sendWelcome));
  anywhere.message(anchored("help|hulp|menu|start|hallo|hoi|hi|hello"), sendWelcome);
  anywhere.submit("help", sendWelcome);
  anywhere.message(anchored("english|engels"), setLanguage("en"));
  anywhere.message(anchored("nederlands|dutch|nl"), setLanguage("nl"));
  useCases.debrief?.(registrar);
  useCases.review?.(registrar);
  useCases.caseload?.(registrar);
  useCases.notifications?.(registrar);

  // Invokes nobody claimed: a card action with an unknown verb is stale or forged; other invokes get an
  // empty 200 rather than botbuilder's 501.
  note({ kind: "execute", name: "*", clientData: false });
  app.addRoute(
    async (c) => c.activity.type === ActivityTypes.Invoke,
    on(async ({ context, actor, locale, deps: d }) => {
      if (context.activity.name === "adaptiveCard/action") {
        const verb = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
        await d.store.audit.refusal({
          actor,
          reason: "unknown_verb",
          details: { verb: typeof verb === "string" ? verb.slice(0, 80) : null },
        });
        await invokeMessage(context, t(locale).staleCard);
        return;
      }
      await context.sendActivity({ type: "invokeResponse", value: { status: 200, body: {} } });
    }),
    true,
  );

  // Last: card submits nobody claimed are stale or forged; everything else is a question or unknown.
  note({ kind: "submit", name: "*", clientData: false });
  note({ kind: "message", name: "*", clientData: Boolean(useCases.question) });
  app.activity(
    ActivityTypes.Message,
    on(async (turn) => {
      if (isCardSubmit(turn.context)) return refuseUnknownSubmit(turn);
      if (useCases.question) return personalOnly(useCases.question)(turn);
      await turn.context.sendActivity(t(turn.locale).notUnderstood);
    }),
  );
  return routes;
}

/**
 * Default-deny: only an activity that says it comes from a personal chat gets client data. A group chat,
 * a channel, a type Trede does not know and a missing type all get the pointer to the personal chat.
 */
export function isPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === "personal";
}

function personalOnly(handler: TurnHandler): TurnHandler {
  return async (turn) => {
    if (!isPersonalChat(turn.context)) {
      if (turn.context.activity.type === ActivityTypes.Invoke) return invokeMessage(turn.context, t(turn.locale).personalOnly);
      await turn.context.sendActivity(t(turn.locale).personalOnly);
      return;
    }
    await handler(turn);
  };
}

function isExecute(verb: string) {
  return async (context: TurnContext) =>
    context.activity.type === ActivityTypes.Invoke &&
    context.activity.name === "adaptiveCard/action" &&
    (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb === verb;
}

export function isCardSubmit(context: TurnContext): boolean {
  const value = context.activity.value;
  return !context.activity.text && typeof value === "object" && value !== null;
}

async function refuseUnknownSubmit({ context, actor, locale, deps }: Turn): Promise<void> {
  const verb = (context.activity.value as { verb?: unknown }).verb;
  await deps.store.audit.refusal({
    actor,
    reason: "unknown_verb",
    details: { verb: typeof verb === "string" ? verb.slice(0, 80) : null },
  });
  await context.sendActivity(t(locale).staleCard);
}

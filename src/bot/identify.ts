// beforeTurn: map the Teams identity (Entra object id + tenant) to a staff row, pick the language, and
// remember the personal chat for proactive messages. Unknown people get one sentence and nothing else.
import { ActivityTypes, TurnContext } from "botbuilder";
import { t } from "../i18n/messages.ts";
import { invokeMessage } from "./invoke.ts";
import type { BotDeps, TredeTurnState } from "./turn.ts";

export function tenantOf(context: TurnContext): string {
  const a = context.activity;
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? "";
}

export function identifyActor(deps: BotDeps) {
  const knownReferences = new Map<string, string>();
  return async (context: TurnContext, state: TredeTurnState): Promise<boolean> => {
    const activity = context.activity;
    // Dutch unless the person chose English ("english"); the Teams client language is often English
    // even for Dutch-speaking staff, so it does not decide.
    const locale = state.user.locale ?? deps.defaultLocale;
    state.temp.locale = locale;
    // conversationUpdate for members other than the installing user (e.g. the bot joining a team) carry no person to identify
    const aadObjectId = activity.from?.aadObjectId;
    const tenantId = tenantOf(context);
    const actor = aadObjectId ? await deps.store.staff.findActor({ tenantId, aadObjectId }) : null;
    if (actor) {
      state.temp.actor = actor;
      // proactive messages carry client data, so they only ever go to a chat that said it is personal
      if (activity.conversation?.conversationType === "personal") {
        const reference = TurnContext.getConversationReference(activity);
        // one write per change, not per turn: the reference rarely changes
        const key = `${reference.serviceUrl}|${reference.conversation?.id}|${reference.user?.id}`;
        if (knownReferences.get(actor.staffId) !== key) {
          await deps.store.staff.saveConversationReference(actor.staffId, reference);
          knownReferences.set(actor.staffId, key);
        }
      }
      return true;
    }
    if (activity.type === ActivityTypes.Message || activity.type === ActivityTypes.Invoke || isInstall(context)) {
      deps.logger.info({ event: "identity.unknown", tenantId, aadObjectId: aadObjectId ?? null }, "unknown user");
      const message = t(locale).unknownUser(aadObjectId ?? activity.from?.id ?? "?", tenantId || "?");
      if (activity.type === ActivityTypes.Invoke) {
        await invokeMessage(context, message);
      } else {
        await context.sendActivity(message);
      }
    }
    return false;
  };
}

/** Teams announces an install twice (installationUpdate and conversationUpdate); greet once, on the latter. */
export function isInstall(context: TurnContext): boolean {
  const a = context.activity;
  return a.type === ActivityTypes.ConversationUpdate && (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id);
}

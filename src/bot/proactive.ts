// Messages the bot starts itself (review requests, outcomes for the coach) and updates to cards it sent
// earlier, through the stored conversation reference of each staff member's personal chat.
import type { Activity, ConversationReference } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";

export interface Proactive {
  /** Sends an activity into the conversation; resolves with the new activity's id. */
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined>;
  /** Replaces an activity sent earlier (for everyone in that conversation). */
  update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void>;
}

export function createProactive(adapter: TeamsAdapter, botAppId: string | undefined): Proactive {
  const appId = botAppId ?? "";
  return {
    async send(reference, activity) {
      let id: string | undefined;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        id = (await context.sendActivity(activity))?.id;
      });
      return id;
    },
    async update(reference, activityId, activity) {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        await context.updateActivity({
          ...activity,
          type: "message",
          id: activityId,
          conversation: reference.conversation,
        } as Partial<Activity>);
      });
    },
  };
}

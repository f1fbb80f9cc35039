// Answers to invoke activities (Action.Execute): a card for the person who clicked, or a short message.
import type { TurnContext } from "botbuilder";

export async function invokeCard(context: TurnContext, card: object): Promise<void> {
  await context.sendActivity({
    type: "invokeResponse",
    value: { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card } },
  });
}

export async function invokeMessage(context: TurnContext, message: string): Promise<void> {
  await context.sendActivity({
    type: "invokeResponse",
    value: {
      status: 200,
      body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: message },
    },
  });
}

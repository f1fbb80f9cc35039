// Sends nudges and digests through the stored conversation reference of a person's personal chat. A 429 or
// 5xx from the connector is reported as retryable (the use case retries with backoff, then records it).
import { CardFactory, type Activity, type ConversationReference } from "botbuilder";
import { TeamsAdapter } from "@microsoft/teams-ai";
import type { MessageSender, OutgoingMessage, SendResult } from "../domain/nudges/ports.ts";
import { createProactive, type Proactive } from "./proactive.ts";

export interface BotCredentials {
  MICROSOFT_APP_ID?: string;
  MICROSOFT_APP_PASSWORD?: string;
  MICROSOFT_APP_TYPE?: string;
  MICROSOFT_APP_TENANT_ID?: string;
}

/** An adapter for a process that only sends (the CLI): the same credentials the bot uses, or local mode. */
export function createSendingAdapter(env: BotCredentials): TeamsAdapter {
  return new TeamsAdapter(
    env.MICROSOFT_APP_ID
      ? {
          MicrosoftAppId: env.MICROSOFT_APP_ID,
          MicrosoftAppPassword: env.MICROSOFT_APP_PASSWORD,
          MicrosoftAppType: env.MICROSOFT_APP_TYPE ?? "SingleTenant",
          MicrosoftAppTenantId: env.MICROSOFT_APP_TENANT_ID,
        }
      : {},
  );
}

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  return message.card
    ? { type: "message", summary: message.summary, attachments: [CardFactory.adaptiveCard(message.card)] }
    : { type: "message", summary: message.summary, text: message.text ?? message.summary };
}

export function createNotificationSender(proactive: Proactive): MessageSender {
  return {
    async send(reference, message): Promise<SendResult> {
      try {
        const id = await proactive.send(reference as Partial<ConversationReference>, toActivity(message));
        return { ok: true, activityId: id ?? null };
      } catch (e) {
        const err = e as {
          statusCode?: number;
          status?: number;
          message?: string;
          response?: { headers?: { get?(name: string): string | undefined } };
        };
        const status = err.statusCode ?? err.status ?? null;
        const retryAfter = Number(err.response?.headers?.get?.("retry-after"));
        return {
          ok: false,
          // no status: the connector could not be reached at all, which is worth another try too
          retryable: status === null || status === 429 || status >= 500,
          status,
          error: String(err.message ?? e).slice(0, 300),
          retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
        };
      }
    },
  };
}

export function createSenderFromEnv(env: BotCredentials): MessageSender {
  return createNotificationSender(createProactive(createSendingAdapter(env), env.MICROSOFT_APP_ID));
}

import { CardFactory } from "botbuilder";
import { renderWelcomeCard } from "../../cards/welcome.card.ts";
import { t } from "../../i18n/messages.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Turn } from "../turn.ts";
import { readableRows } from "../client-access.ts";
import { storeFor } from "./debrief/session.ts";

export async function sendWelcome(turn: Turn): Promise<void> {
  const { context, actor, locale } = turn;
  // a classification sent back to this coach comes first; client names only in the personal chat
  const personal = context.activity.conversation?.conversationType === "personal";
  const sentBack = personal
    ? await readableRows(turn, await storeFor(turn).listSentBack(actor), (b) => b.clientId, {
        via: "welcome.sent_back",
      })
    : [];
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(renderWelcomeCard(actor, locale, sentBack))] });
}

export function setLanguage(locale: Locale) {
  return async ({ context, state }: Turn): Promise<void> => {
    state.user.locale = locale;
    state.temp.locale = locale;
    await context.sendActivity(t(locale).languageSet);
  };
}

import { CardFactory } from "botbuilder";
import { renderWelcomeCard } from "../../cards/welcome.card.ts";
import { t } from "../../i18n/messages.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Turn } from "../turn.ts";

export async function sendWelcome({ context, actor, locale }: Turn): Promise<void> {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(renderWelcomeCard(actor, locale))] });
}

export function setLanguage(locale: Locale) {
  return async ({ context, state }: Turn): Promise<void> => {
    state.user.locale = locale;
    state.temp.locale = locale;
    await context.sendActivity(t(locale).languageSet);
  };
}

import { hasRole, type Actor } from "../domain/access/actor.ts";
import type { Locale } from "../i18n/locale.ts";
import { debriefTexts } from "../domain/debrief/texts.ts";
import { t } from "../i18n/catalogue/index.ts";
import { cardText, type CardText, type PlainCardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

/** A classification a supervisor sent back to this coach: offered first, above everything else. */
export interface WelcomeSentBack {
  classificationId: string;
  clientName: string;
  reviewNote: string | null;
}

export function renderWelcomeCard(actor: Actor, locale: Locale, sentBackItems: readonly WelcomeSentBack[] = []): AdaptiveCard {
  const s = t(locale).welcome;
  const reviewer = hasRole(actor, "SUPERVISOR");
  const actions = [{ title: s.start, verb: "debrief.start" }];
  if (reviewer) actions.push({ title: s.review, verb: "review.list" });
  const d = debriefTexts(locale);
  const sentBack = sentBackItems.slice(0, 2).map((b) => ({
    text: cardText(d.sentBack(b.clientName, b.reviewNote)),
    action: cardText(d.sentBackAction, "plain"),
    classificationId: b.classificationId,
  }));
  const data: {
    title: CardText;
    intro: CardText;
    sentBack: { text: CardText; action: PlainCardText; classificationId: string }[];
    items: { command: CardText; description: CardText }[];
    privacy: CardText;
    actions: typeof actions;
  } = {
    title: cardText(s.title(actor.displayName)),
    sentBack,
    intro: cardText(s.intro),
    items: [s.commands.debrief, ...(reviewer ? [s.commands.review] : []), s.commands.question, s.commands.language].map((i) => ({
      command: cardText(i.command),
      description: cardText(i.description),
    })),
    privacy: cardText(s.privacy),
    actions,
  };
  return renderCard("welcome", data, (correlationId) =>
    fallbackCard({
      locale,
      correlationId,
      lines: [
        data.title,
        data.intro,
        ...sentBack.map((b) => b.text),
        ...data.items.map((i) => `${i.command}: ${i.description}` as CardText),
        data.privacy,
      ],
      actions: [
        ...sentBack.map((b) => ({
          type: "Action.Submit",
          title: b.action,
          data: { verb: "debrief.reopen", classificationId: b.classificationId },
        })),
        ...actions.map((a) => ({ type: "Action.Submit", title: a.title, data: { verb: a.verb } })),
      ],
    }),
  );
}

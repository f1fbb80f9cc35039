import { hasRole, type Actor } from "../domain/access/actor.ts";
import type { Locale } from "../i18n/locale.ts";
import { debriefTexts } from "../domain/debrief/texts.ts";
import { cardText, type CardText, type PlainCardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

interface Item {
  command: string;
  description: string;
  role?: "reviewer" | "lead";
}

const text = {
  nl: {
    title: (name: string) => `Hallo ${name}, ik ben Trede`,
    intro: "Ik help je na een huisbezoek de participatieladder in te vullen, en ik beantwoord vragen over je caseload.",
    items: [
      {
        command: "verslag",
        description: "Verslag van een gesprek: ik stel de vragen, stel een trede en tussenstap voor en sla op wat jij bevestigt.",
      },
      { command: "beoordelen", description: "Indelingen die op jouw akkoord wachten (vier ogen).", role: "reviewer" },
      {
        command: "een vraag",
        description: "Bijvoorbeeld: wie op trede 1 gaat naar verwachting stijgen? of: verdeling huidige en verwachte trede.",
      },
      { command: "english", description: "Switch to English." },
    ] as Item[],
    privacy: "Trede stuurt geen namen, BSN of notities naar een taalmodel. Wat je vastlegt, wordt gelogd (wie, wat, wanneer).",
    start: "Nieuw verslag",
    review: "Te beoordelen",
    help: "Hulp",
  },
  en: {
    title: (name: string) => `Hello ${name}, I am Trede`,
    intro:
      "After a home visit I help you record the client's step on the participation ladder, and I answer questions about your caseload.",
    items: [
      {
        command: "debrief",
        description: "Debrief a visit: I ask the questions, propose a rung and substep and store what you confirm.",
      },
      { command: "review", description: "Classifications waiting for your approval (four eyes).", role: "reviewer" },
      {
        command: "a question",
        description: "For example: who on rung 1 is expected to move up? or: distribution of current and expected rung.",
      },
      { command: "nederlands", description: "Schakel naar Nederlands." },
    ] as Item[],
    privacy: "Trede sends no names, BSN or notes to a language model. What you record is audited (who, what, when).",
    start: "New debrief",
    review: "To review",
    help: "Help",
  },
};

/** A classification a supervisor sent back to this coach: offered first, above everything else. */
export interface WelcomeSentBack {
  classificationId: string;
  clientName: string;
  reviewNote: string | null;
}

export function renderWelcomeCard(actor: Actor, locale: Locale, sentBackItems: readonly WelcomeSentBack[] = []): AdaptiveCard {
  const s = text[locale];
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
    items: s.items
      .filter((i) => i.role !== "reviewer" || reviewer)
      .map((i) => ({ command: cardText(i.command), description: cardText(i.description) })),
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

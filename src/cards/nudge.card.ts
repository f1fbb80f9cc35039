// The coach's weekly nudge: one line per client with the reason and a button that starts `verslag` for that
// client (the debrief's own start, which checks the client against the coach's caseload again).
import type { NudgeLine, NudgeReason } from "../domain/nudges/nudge-rules.ts";
import { formatDate } from "../i18n/format.ts";
import type { Locale } from "../i18n/locale.ts";
import { cardText, type CardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

const text = {
  nl: {
    title: "Klanten die aandacht vragen",
    intro: (n: number) => `${n === 1 ? "Deze klant vraagt" : `Deze ${n} klanten vragen`} deze week aandacht. Kies “Verslag” om direct vast te leggen.`,
    start: "Verslag",
    reason: {
      leaving_view: (d: string) => `Uit beeld op ${d} (12 maanden zonder bereikt contact)`,
      classification_due: (d: string) => `Trede laatst gemeten op ${d} (langer dan 6 maanden geleden)`,
      sent_back: () => "Indeling teruggestuurd door de werkbegeleider",
    } satisfies Record<NudgeReason, (d: string) => string>,
    more: (n: number) => `En nog ${n} ${n === 1 ? "klant" : "klanten"}; typ “verslag” om te zoeken.`,
    footer: "Eén keer per week, op een werkdag. Liever geen meldingen? Typ “meldingen uit”.",
    summary: (n: number) => `${n} ${n === 1 ? "klant vraagt" : "klanten vragen"} aandacht`,
    unreachable: (names: string[]) =>
      `Trede kon ${names.join(", ")} deze week niet bereiken: ${names.length === 1 ? "deze collega heeft" : "deze collega's hebben"} de chat met Trede nog nooit geopend, dus ${names.length === 1 ? "krijgt" : "krijgen"} geen meldingen over klanten die aandacht vragen. Vraag ${names.length === 1 ? "hem of haar" : "hen"} Trede in Teams te openen.`,
    unreachableSummary: "Collega's niet bereikbaar voor Trede",
  },
  en: {
    title: "Clients who need attention",
    intro: (n: number) => `${n === 1 ? "This client needs" : `These ${n} clients need`} attention this week. Choose “Debrief” to record a visit right away.`,
    start: "Debrief",
    reason: {
      leaving_view: (d: string) => `Out of view on ${d} (12 months without a reached contact)`,
      classification_due: (d: string) => `Rung last measured on ${d} (more than 6 months ago)`,
      sent_back: () => "Classification sent back by the supervisor",
    } satisfies Record<NudgeReason, (d: string) => string>,
    more: (n: number) => `And ${n} more ${n === 1 ? "client" : "clients"}; type “debrief” to search.`,
    footer: "Once a week, on a working day. Rather not? Type “notifications off”.",
    summary: (n: number) => `${n} ${n === 1 ? "client needs" : "clients need"} attention`,
    unreachable: (names: string[]) =>
      `Trede could not reach ${names.join(", ")} this week: they never opened their chat with Trede, so they get no notices about clients who need attention. Please ask them to open Trede in Teams.`,
    unreachableSummary: "Colleagues Trede cannot reach",
  },
};

function reasonText(line: NudgeLine, locale: Locale): string {
  const s = text[locale].reason;
  return line.reasons
    .map((r) =>
      r === "leaving_view"
        ? s.leaving_view(formatDate(line.outOfViewOn!, locale))
        : r === "classification_due"
          ? s.classification_due(formatDate(line.client.latestObservedOn!, locale))
          : s.sent_back(),
    )
    .join(" · ");
}

export function renderNudgeCard(input: { lines: NudgeLine[]; more: number; locale: Locale; today: Date }): { card: AdaptiveCard; summary: string } {
  const s = text[input.locale];
  const total = input.lines.length + input.more;
  const lines = input.lines.map((l) => ({
    clientId: l.client.id,
    name: cardText(l.client.displayName),
    // the client number opens the second line, so a phone never breaks it at its dash ("GR-/100010")
    reason: cardText(`${l.client.externalKey} · ${reasonText(l, input.locale)}`),
  }));
  const data = { title: s.title, intro: s.intro(total), start: s.start, lines, more: input.more, moreText: s.more(input.more), footer: s.footer };
  const card = renderCard("nudge", data, (correlationId) =>
    fallbackCard({
      locale: input.locale,
      correlationId,
      // both parts are escaped already; joining them keeps them escaped
      lines: [cardText(s.title), ...lines.map((l) => `${l.name} — ${l.reason}` as CardText)],
      actions: input.lines.slice(0, 5).map((l) => ({
        type: "Action.Submit",
        title: cardText(`${s.start}: ${l.client.displayName}`, "plain", 60),
        data: { verb: "debrief.start", clientId: l.client.id },
      })),
    }),
  );
  return { card, summary: s.summary(total) };
}

export function unreachableText(names: string[], locale: Locale): { text: string; summary: string } {
  return { text: text[locale].unreachable(names.map((n) => cardText(n))), summary: text[locale].unreachableSummary };
}

// The team lead's weekly digest: in beeld against the team's target, in total and per wijk, the 12-week
// trend as a chart Teams draws (Chart.Line via chart.ts, with a table where a host has no charts), reviews waiting
// longer than five working days, movement this week and clients without an expected rung.
import type { DigestFigures } from "../domain/nudges/ports.ts";
import { workingDaysBetween } from "../domain/nudges/schedule.ts";
import { formatDate } from "../i18n/format.ts";
import type { Locale } from "../i18n/locale.ts";
import { cardText, type CardText } from "./card-text.ts";
import { chartElement, tableElement } from "./chart.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";
import { t as catalogue, type Catalogue } from "../i18n/catalogue/index.ts";

/** Aggregates by wijk under this many clients are not shown (small numbers identify people). */
export const SUPPRESS_BELOW = 5;
export const REVIEW_WAIT_WORKING_DAYS = 5;
const MAX_LIST = 10;

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** ISO week number of a date (the trend's x axis). */
function weekNumber(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const thursday = new Date(day.getTime() + (4 - (day.getUTCDay() || 7)) * 86_400_000);
  return String(Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 / 7) + 1);
}

/** In beeld per week against the target; where charts are not drawn, the same weeks as a table. */
function trendChart(s: Catalogue["digest"], f: DigestFigures, target: number) {
  const weeks = f.trend.map((w) => ({ x: cardText(weekNumber(w.weekEnd), "plain"), y: percent(w.inView, w.total) }));
  const plain = (v: string) => cardText(v, "plain");
  return chartElement(
    {
      kind: "line",
      title: plain(s.trendTitle),
      xTitle: plain(s.week),
      yTitle: plain("%"),
      series: [
        { legend: plain(s.inViewLabel), points: weeks },
        { legend: plain(s.targetLabel), points: weeks.map((w) => ({ x: w.x, y: target })) },
      ],
    },
    tableElement(s.trendTitle, [[s.week, s.inViewLabel], ...weeks.map((w) => [w.x, `${w.y}%`])]),
  );
}

export interface DigestCardInput {
  team: string;
  period: string;
  target: number;
  figures: DigestFigures;
  unreachable: string[];
  locale: Locale;
  today: Date;
}

/** The card and the ids of the clients it names (for the audit). */
export function renderDigestCard(input: DigestCardInput): { card: AdaptiveCard; summary: string; clientIds: string[] } {
  const s = catalogue(input.locale).digest;
  const f = input.figures;
  const pct = percent(f.inView, f.total);
  const waiting = f.pendingReviews
    .map((r) => ({ ...r, days: workingDaysBetween(r.confirmedAt, input.today) }))
    .filter((r) => r.days > REVIEW_WAIT_WORKING_DAYS);
  const shownReviews = waiting.slice(0, MAX_LIST);
  const moves = [
    ...f.movement.down.map((m) => ({ ...m, line: s.down(cardText(m.clientName), m.from, m.to) })),
    ...f.movement.up.map((m) => ({ ...m, line: s.up(cardText(m.clientName), m.from, m.to) })),
  ];
  const shownMoves = moves.slice(0, MAX_LIST);
  const data = {
    title: s.title(cardText(input.team)),
    subtitle: s.subtitle(input.period, formatDate(input.today, input.locale)),
    inViewLine: s.inView(pct, input.target),
    inViewColor: pct >= input.target ? "Good" : "Attention",
    inViewNote: s.inViewNote(f.inView, f.total),
    trendChart: trendChart(s, f, input.target),
    inViewLabel: s.inViewLabel,
    wijkTitle: s.wijkTitle,
    wijkLabel: s.wijk,
    clientsLabel: s.clients,
    wijken: f.byWijk.map((w) =>
      w.total < SUPPRESS_BELOW
        ? { wijk: cardText(w.wijk), share: s.fewer(SUPPRESS_BELOW), total: s.fewer(SUPPRESS_BELOW), color: "Default" }
        : {
            wijk: cardText(w.wijk),
            share: `${percent(w.inView, w.total)}%`,
            total: String(w.total),
            color: percent(w.inView, w.total) >= input.target ? "Good" : "Attention",
          },
    ),
    reviewsTitle: s.reviewsTitle(waiting.length, REVIEW_WAIT_WORKING_DAYS),
    reviews: [
      ...shownReviews.map((r) => ({ line: s.review(cardText(r.clientName), cardText(r.coachName), r.days) })),
      ...(waiting.length > MAX_LIST ? [{ line: s.more(waiting.length - MAX_LIST) }] : []),
    ],
    movementTitle: s.movementTitle(f.movement.up.length, f.movement.down.length),
    movements: [
      ...shownMoves.map((m) => ({ line: m.line })),
      ...(moves.length > MAX_LIST ? [{ line: s.more(moves.length - MAX_LIST) }] : []),
    ],
    withoutExpected: s.withoutExpected(f.withoutExpectedRung),
    unreachable: input.unreachable.map((n) => cardText(n)),
    unreachableLine: s.unreachable(input.unreachable.map((n) => cardText(n))),
    footer: s.footer,
  };
  const card = renderCard("digest", data, (correlationId) =>
    fallbackCard({
      locale: input.locale,
      correlationId,
      lines: [
        data.title,
        data.inViewLine,
        data.inViewNote,
        data.reviewsTitle,
        ...data.reviews.map((r) => r.line),
        data.movementTitle,
        ...data.movements.map((m) => m.line),
        data.withoutExpected,
      ].map((line) => line as CardText),
    }),
  );
  return {
    card,
    summary: s.summary(input.team, pct),
    clientIds: [...shownReviews.map((r) => r.clientId), ...shownMoves.map((m) => m.clientId)],
  };
}

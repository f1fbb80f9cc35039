// Examples of the cards Trede sends on its own (nudge, digest, waiting reviews), through their typed renderers.
import { renderDigestCard } from "../../src/cards/digest.card.ts";
import { renderNudgeCard } from "../../src/cards/nudge.card.ts";
import type { AdaptiveCard } from "../../src/cards/render-card.ts";
import { renderWaitingReviewsCard } from "../../src/cards/waiting-reviews.card.ts";
import { selectNudgeLines } from "../../src/domain/nudges/nudge-rules.ts";
import type { DigestFigures } from "../../src/domain/nudges/ports.ts";
import type { Locale } from "../../src/i18n/locale.ts";

export const NUDGE_EXAMPLE_TODAY = new Date("2026-12-07T09:00:00Z");
const id = (i: number) => `6f1c1f7e-8d2b-4c1a-9f0e-${String(i).padStart(12, "0")}`;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

export function notificationCardExamples(locale: Locale): { template: string; name: string; card: AdaptiveCard }[] {
  const today = NUDGE_EXAMPLE_TODAY;
  const lines = selectNudgeLines(
    [
      {
        id: id(1),
        displayName: "Jansen, Anna",
        externalKey: "GR-100010",
        lastContactAt: d("2025-12-20"),
        latestObservedOn: d("2025-12-20"),
        latestStatus: "FINAL",
      },
      {
        id: id(2),
        displayName: "Bakker, Mohamed",
        externalKey: "GR-100011",
        lastContactAt: d("2026-05-02"),
        latestObservedOn: d("2026-05-02"),
        latestStatus: "FINAL",
      },
      {
        id: id(3),
        displayName: "Visser, Saskia",
        externalKey: "GR-100012",
        lastContactAt: d("2026-11-20"),
        latestObservedOn: d("2026-11-20"),
        latestStatus: "RETURNED",
      },
    ],
    today,
  );
  const figures: DigestFigures = {
    total: 42,
    inView: 35,
    byWijk: [
      { wijk: "Beijum", total: 20, inView: 18 },
      { wijk: "Lewenborg", total: 18, inView: 14 },
      { wijk: "Paddepoel", total: 4, inView: 3 },
    ],
    trend: Array.from({ length: 12 }, (_, i) => ({
      weekEnd: new Date(today.getTime() - (11 - i) * 7 * 86_400_000),
      total: 42,
      inView: 30 + Math.floor(i / 2),
    })),
    pendingReviews: [
      {
        classificationId: id(11),
        clientId: id(4),
        clientName: "De Boer, Kees",
        coachId: id(20),
        coachName: "Sanne de Vries",
        confirmedAt: d("2026-11-23"),
      },
      {
        classificationId: id(12),
        clientId: id(5),
        clientName: "Smit, Fatima",
        coachId: id(21),
        coachName: "Ahmed Yilmaz",
        confirmedAt: d("2026-12-04"),
      },
    ],
    movement: {
      up: [{ clientId: id(6), clientName: "Mulder, Piet", from: 2, to: 3 }],
      down: [{ clientId: id(7), clientName: "Bos, Ingrid", from: 4, to: 3 }],
    },
    withoutExpectedRung: 6,
  };
  return [
    { template: "nudge", name: "nudge", card: renderNudgeCard({ lines, more: 2, locale, today }).card },
    {
      template: "digest",
      name: "digest",
      card: renderDigestCard({
        team: "Noord",
        period: "2026-W50",
        target: 90,
        figures,
        unreachable: ["Lotte Bakker"],
        locale,
        today,
      }).card,
    },
    {
      template: "waiting-reviews",
      name: "waiting-reviews",
      card: renderWaitingReviewsCard({ reviews: figures.pendingReviews, locale, today }).card,
    },
  ];
}

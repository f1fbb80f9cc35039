// One realistic example of every card, rendered through the same typed renderers the bot uses. The card
// gallery and the card tests both use these, so every template in cards/ is seen and checked.
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { renderCaseloadAnswerCard } from "../../src/cards/caseload-answer.card.ts";
import { renderDebriefCard } from "../../src/cards/debrief.card.ts";
import { renderDebriefResumeCard, renderDebriefSummaryCard } from "../../src/cards/debrief-summary.card.ts";
import { debriefExampleScreens, EXAMPLE_CLIENT_ID } from "./debrief-examples.ts";
import type { AdaptiveCard } from "../../src/cards/render-card.ts";
import { renderReviewCard, renderReviewListCard } from "../../src/cards/review.card.ts";
import { createRungTexts } from "../../src/cards/rung-texts.ts";
import { renderWelcomeCard } from "../../src/cards/welcome.card.ts";
import { notificationCardExamples } from "./notification-card-examples.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import type { PendingReview } from "../../src/storage/review/review.repository.ts";

export interface CardExample {
  /** the template in cards/ it renders */
  template: string;
  name: string;
  card: AdaptiveCard;
}

export function cardExamples(locale: Locale = "nl"): CardExample[] {
  const ladders = loadLadderProfiles();
  const view = ladders.view("participatieladder-6");
  const texts = createRungTexts(ladders);
  const clientId = EXAMPLE_CLIENT_ID;
  const screens = debriefExampleScreens(view);
  const clients = [
    { id: clientId, label: "Jansen, Anna · GR-100010 · Selwerd" },
    { id: "7a2d2e8f-9e3c-4d2b-8a1f-3c8e2f4b5d6e", label: "Bakker, Mohamed · GR-100011 · Beijum" },
  ];
  const sentBack = [
    {
      classificationId: "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b",
      clientId,
      clientName: "Visser, Saskia",
      reviewNote: "Klopt de tussenstap?",
    },
  ];
  const contactStep = renderDebriefCard({ screen: screens.contact, locale, clients, sentBack });
  const ladderStep = renderDebriefCard({ screen: screens.situation, locale });
  const verdiepingStep = renderDebriefCard({ screen: screens.verdieping, locale });
  const proposal = renderDebriefCard({ screen: screens.proposal, locale });
  const proposalOverride = renderDebriefCard({ screen: screens.proposalOverrideOpen, locale });
  const proposalConfirm = renderDebriefCard({ screen: screens.proposalConfirm, locale });
  const ladder7 = debriefExampleScreens(ladders.view("ontwikkelladder-7"));

  const review: PendingReview = {
    classificationId: "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b",
    clientId,
    clientName: "Jansen, Anna",
    clientKey: "GR-100010",
    coachId: "c0ac0000-0000-4000-8000-000000000001",
    coachName: "Sanne de Vries",
    teamId: "7ea70000-0000-4000-8000-000000000001",
    profileId: "participatieladder-6",
    answers: {
      ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
      substep: { volgendeStap: "voorbereiden" },
    },
    previousRung: 2,
    previousSubstep: 3,
    proposedRung: 3,
    proposedSubstep: 2,
    finalRung: 4,
    finalSubstep: null,
    expectedRung: 4,
    overrideReason: "Is vorige week gestart als vrijwilliger bij de voedselbank, twee ochtenden per week.",
    observedOn: new Date("2026-11-21T00:00:00Z"),
    confirmedAt: new Date("2026-11-21T14:05:00Z"),
    status: "PENDING_REVIEW",
    reviewedByName: null,
    reviewedAt: null,
    reviewNote: null,
  };
  const actor = {
    staffId: "x",
    tenantId: "t",
    aadObjectId: "a",
    displayName: "Jeroen Dijkstra",
    roles: ["SUPERVISOR" as const],
    teamId: "t1",
  };
  const line = (i: number) => ({
    clientId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    displayName: ["Jansen, Anna", "Bakker, Mohamed", "Visser, Saskia"][i % 3],
    externalKey: `GR-1000${10 + i}`,
    wijk: ["Selwerd", "Beijum", "Lewenborg"][i % 3],
    rung: 1,
    substep: i % 2 ? 2 : null,
    expectedRung: 2,
    coachName: "Sanne de Vries",
    lastContactAt: new Date(`2026-10-0${i + 1}T00:00:00Z`),
    status: "FINAL",
  });
  const risers = { measure: "list" as const, filters: { rungs: [1], expected: { op: "aboveCurrent" as const } } };
  return [
    { template: "welcome", name: "welcome", card: renderWelcomeCard(actor, locale) },
    {
      template: "welcome",
      name: "welcome-sent-back",
      card: renderWelcomeCard({ ...actor, roles: ["COACH"] }, locale, sentBack),
    },
    { template: "debrief-step", name: "debrief-contact", card: contactStep },
    { template: "debrief-step", name: "debrief-ladder-question", card: ladderStep },
    { template: "debrief-step", name: "debrief-verdieping", card: verdiepingStep },
    {
      template: "debrief-step",
      name: "debrief-situation-ontwikkelladder",
      card: renderDebriefCard({ screen: ladder7.situation, locale }),
    },
    { template: "debrief-proposal", name: "debrief-proposal", card: proposal },
    { template: "debrief-proposal", name: "debrief-proposal-override-open", card: proposalOverride },
    { template: "debrief-proposal", name: "debrief-proposal-confirm-expectation", card: proposalConfirm },
    {
      template: "debrief-resume",
      name: "debrief-resume",
      card: renderDebriefResumeCard({ locale, clientName: "Jansen, Anna", step: 2 }),
    },
    {
      template: "debrief-summary",
      name: "debrief-summary",
      card: renderDebriefSummaryCard({
        title: locale === "nl" ? "Verslag opgeslagen: Jansen, Anna" : "Debrief stored: Jansen, Anna",
        status: locale === "nl" ? "Wacht op akkoord van Jeroen Dijkstra" : "Waiting for approval by Jeroen Dijkstra",
        statusColor: "Warning",
        facts: [{ title: locale === "nl" ? "Trede" : "Rung", value: "4 · Onbetaald werk" }],
        note: "",
      }),
    },
    {
      template: "review-request",
      name: "review-request-supervisor",
      card: renderReviewCard(review, { locale, texts, canDecide: true, refreshUserIds: ["29:supervisor"] }),
    },
    {
      template: "review-request",
      name: "review-request-decided",
      card: renderReviewCard(
        { ...review, status: "FINAL", reviewedByName: "Jeroen Dijkstra", reviewedAt: new Date("2026-11-22T09:12:00Z") },
        { locale, texts, canDecide: false, refreshUserIds: [] },
      ),
    },
    {
      template: "review-list",
      name: "review-list",
      card: renderReviewListCard([review, { ...review, clientName: "Bakker, Mohamed" }], { locale, texts }),
    },
    {
      template: "caseload-answer",
      name: "caseload-list",
      card: renderCaseloadAnswerCard({
        result: { kind: "list", total: 23, page: 0, pageSize: 20, lines: [0, 1, 2].map(line) },
        query: risers,
        description:
          locale === "nl"
            ? "Klanten op trede 1 met verwachte trede hoger dan de huidige"
            : "Clients on rung 1 expected to be on a higher rung than now",
        scopeLabel: "team Noord",
        locale,
      }),
    },
    {
      template: "caseload-answer",
      name: "caseload-crosstab",
      card: renderCaseloadAnswerCard({
        result: {
          kind: "crossTab",
          currentRungs: [1, 2, 3, 4, 5, 6],
          expectedRungs: [1, 2, 3, 4, 5, 6],
          cells: {
            "1:1": 60,
            "1:2": 48,
            "1:3": 20,
            "2:2": 30,
            "2:3": 20,
            "3:3": 35,
            "3:4": 15,
            "4:4": 6,
            "4:5": 2,
            "5:5": 4,
            "6:6": 14,
          },
          unknownExpected: { "1": 28, "2": 8, "3": 7 },
          total: 297,
        },
        query: { measure: "crossTab", filters: {} },
        description: locale === "nl" ? "Huidige versus verwachte trede" : "Current versus expected rung",
        scopeLabel: locale === "nl" ? "alle teams" : "all teams",
        locale,
      }),
    },
    {
      template: "caseload-answer",
      name: "caseload-reach",
      card: renderCaseloadAnswerCard({
        result: {
          kind: "reach",
          rows: [
            { wijk: "Beijum", inView: { value: 31, suppressed: false }, total: { value: 38, suppressed: false } },
            { wijk: "Paddepoel", inView: { value: 3, suppressed: true }, total: { value: 4, suppressed: true } },
          ],
          inView: 34,
          total: 42,
        },
        query: { measure: "reach", filters: {} },
        description:
          locale === "nl"
            ? "In beeld (contact in de afgelopen 12 maanden) per wijk"
            : "In view (contact in the last 12 months) per neighbourhood",
        scopeLabel: "team Noord",
        locale,
      }),
    },
    {
      template: "caseload-answer",
      name: "caseload-distribution-chart",
      card: renderCaseloadAnswerCard({
        result: {
          kind: "distribution",
          by: "wijk",
          rows: [
            { key: "Beijum", count: 31 },
            { key: "Lewenborg", count: 12 },
            { key: "Paddepoel", count: 3, suppressed: true },
            { key: "Vinkhuizen", count: 6, suppressed: true },
          ],
          unknown: 0,
          total: 52,
        },
        query: { measure: "distribution", by: "wijk", filters: {} },
        description: locale === "nl" ? "Verdeling per wijk" : "Distribution per neighbourhood",
        scopeLabel: "team Noord",
        locale,
      }),
    },
    {
      template: "caseload-answer",
      name: "caseload-trend-chart",
      card: renderCaseloadAnswerCard({
        result: {
          kind: "trend",
          of: "rung",
          buckets: [
            { label: "2026-Q1", counts: { "1": 40, "2": 22 }, total: 62 },
            { label: "2026-Q2", counts: { "1": 36, "2": 25 }, total: 61 },
            { label: "2026-Q3", counts: { "1": 33, "2": 29 }, total: 62 },
          ],
        },
        query: { measure: "trend", of: "rung", by: "quarter", period: "thisYear", filters: {} },
        description: locale === "nl" ? "Verdeling over trede per kwartaal" : "Distribution over rungs per quarter",
        scopeLabel: "team Noord",
        locale,
      }),
    },
    ...notificationCardExamples(locale),
  ];
}

// Every card template, rendered through the typed renderer the bot uses, with one hostile string in
// every slot that carries text from a person or an import: client, coach, reviewer and staff names,
// client keys, override reasons, review notes, wijk and team names, the question echo.
import { renderCaseloadAnswerCard, renderCaseloadRefusalCard } from "../../src/cards/caseload-answer.card.ts";
import { renderDebriefCard } from "../../src/cards/debrief.card.ts";
import { renderDebriefResumeCard, renderDebriefSummaryCard } from "../../src/cards/debrief-summary.card.ts";
import { debriefExampleScreens } from "../../scripts/lib/debrief-examples.ts";
import type { AdaptiveCard } from "../../src/cards/render-card.ts";
import { renderReviewCard, renderReviewListCard } from "../../src/cards/review.card.ts";
import { createRungTexts } from "../../src/cards/rung-texts.ts";
import { renderDigestCard } from "../../src/cards/digest.card.ts";
import { renderNudgeCard } from "../../src/cards/nudge.card.ts";
import { renderWaitingReviewsCard } from "../../src/cards/waiting-reviews.card.ts";
import { renderWelcomeCard } from "../../src/cards/welcome.card.ts";
import { selectNudgeLines } from "../../src/domain/nudges/nudge-rules.ts";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import type { PendingReview } from "../../src/storage/review/review.repository.ts";

export interface HostileCard {
  template: string;
  name: string;
  card: AdaptiveCard;
  /** where the hostile text is a compact choice title (a plain <option>), not a TextBlock */
  inOption?: boolean;
}

export const classificationId = "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b";
export const draftId = "0b9e5a3c-1d2f-4e6a-8b7c-9d0e1f2a3b4c";
const clientId = "6f1c1f7e-8d2b-4c1a-9f0e-2b7d1e3a4c5d";

export function hostileReview(h: string): PendingReview {
  return {
    classificationId,
    clientId,
    clientName: h,
    clientKey: h,
    coachId: "c0ac0000-0000-4000-8000-000000000001",
    coachName: h,
    teamId: "7ea70000-0000-4000-8000-000000000001",
    profileId: "participatieladder-6",
    answers: {},
    previousRung: 2,
    previousSubstep: null,
    proposedRung: 3,
    proposedSubstep: null,
    finalRung: 4,
    finalSubstep: null,
    expectedRung: 4,
    overrideReason: h,
    observedOn: new Date("2026-11-21T00:00:00Z"),
    confirmedAt: new Date("2026-11-21T14:05:00Z"),
    status: "PENDING_REVIEW",
    reviewedByName: null,
    reviewedAt: null,
    reviewNote: h,
  };
}

export function hostileCards(h: string): HostileCard[] {
  const ladders = loadLadderProfiles();
  const view = ladders.view("participatieladder-6");
  const texts = createRungTexts(ladders);
  const locale = "nl" as const;
  const screens = debriefExampleScreens(view, { h, domains: ["werk_opleiding", "lichamelijke_gezondheid"] });
  const sentBack = [{ classificationId, clientId, clientName: h, reviewNote: h }];
  // a caseload is a typeahead (plain-text titles); the few clients a search fits are radio buttons (markdown)
  const picker = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: i ? `${clientId.slice(0, -2)}${String(i).padStart(2, "0")}` : clientId,
      label: `${h} · ${h} · ${h}`,
    }));
  const contact = renderDebriefCard({ screen: screens.contact, locale, clients: picker(8), sentBack });
  const shortChoice = renderDebriefCard({ screen: screens.contact, locale, clients: picker(2), sentBack });
  const ladder = renderDebriefCard({ screen: screens.situation, locale });
  // the team's reason for recording special-category domains is an admin's free text
  const domains = renderDebriefCard({ screen: screens.situation, locale });
  const proposal = renderDebriefCard({ screen: screens.proposal, locale });
  const proposalOverride = renderDebriefCard({ screen: screens.proposalOverrideOpen, locale });
  const review = hostileReview(h);
  const line = (i: number) => ({
    clientId: `00000000-0000-4000-8000-00000000000${i}`,
    displayName: h,
    externalKey: h,
    wijk: h,
    rung: 1,
    substep: null,
    expectedRung: 2,
    coachName: h,
    lastContactAt: new Date("2026-10-01T00:00:00Z"),
    status: "FINAL",
  });
  const caseload = (
    name: string,
    result: Parameters<typeof renderCaseloadAnswerCard>[0]["result"],
    query: Parameters<typeof renderCaseloadAnswerCard>[0]["query"],
  ) => ({
    template: "caseload-answer",
    name,
    card: renderCaseloadAnswerCard({ result, query, description: h, scopeLabel: `team ${h}`, locale }),
  });
  const today = new Date("2026-12-07T09:00:00Z");
  const nudgeLines = selectNudgeLines(
    [
      {
        id: clientId,
        displayName: h,
        externalKey: h,
        lastContactAt: new Date("2025-12-20T00:00:00Z"),
        latestObservedOn: new Date("2025-12-20T00:00:00Z"),
        latestStatus: "RETURNED",
      },
    ],
    today,
  );
  const waiting = [
    {
      classificationId,
      clientId,
      clientName: h,
      coachId: "c0ac0000-0000-4000-8000-000000000001",
      coachName: h,
      confirmedAt: new Date("2026-11-20T00:00:00Z"),
    },
  ];
  const digest = renderDigestCard({
    team: h,
    period: "2026-W50",
    target: 90,
    figures: {
      total: 12,
      inView: 9,
      byWijk: [{ wijk: h, total: 12, inView: 9 }],
      trend: [{ weekEnd: today, total: 12, inView: 9 }],
      pendingReviews: waiting,
      movement: {
        up: [{ clientId, clientName: h, from: 2, to: 3 }],
        down: [{ clientId, clientName: h, from: 4, to: 3 }],
      },
      withoutExpectedRung: 1,
    },
    unreachable: [h],
    locale,
    today,
  }).card;
  return [
    { template: "nudge", name: "nudge", card: renderNudgeCard({ lines: nudgeLines, more: 0, locale, today }).card },
    { template: "digest", name: "digest", card: digest },
    {
      template: "waiting-reviews",
      name: "waiting-reviews",
      card: renderWaitingReviewsCard({ reviews: waiting, locale, today }).card,
    },
    {
      template: "welcome",
      name: "welcome",
      card: renderWelcomeCard(
        { staffId: "x", tenantId: "t", aadObjectId: "a", displayName: h, roles: ["SUPERVISOR"], teamId: "t1" },
        locale,
      ),
    },
    { template: "debrief-step", name: "debrief-contact (client picker)", card: contact, inOption: true },
    { template: "debrief-step", name: "debrief-contact (short choice of clients)", card: shortChoice },
    { template: "debrief-step", name: "debrief-ladder-question", card: ladder },
    { template: "debrief-step", name: "debrief-domains", card: domains },
    { template: "debrief-proposal", name: "debrief-proposal", card: proposal },
    { template: "debrief-proposal", name: "debrief-proposal-override-open", card: proposalOverride },
    {
      template: "debrief-resume",
      name: "debrief-resume",
      card: renderDebriefResumeCard({ locale, clientName: h, step: 2 }),
    },
    {
      template: "welcome",
      name: "welcome-sent-back",
      card: renderWelcomeCard(
        { staffId: "x", tenantId: "t", aadObjectId: "a", displayName: h, roles: ["COACH"], teamId: "t1" },
        locale,
        sentBack,
      ),
    },
    {
      template: "debrief-summary",
      name: "debrief-summary",
      card: renderDebriefSummaryCard({
        title: `Verslag opgeslagen: ${h}`,
        status: h,
        statusColor: "Warning",
        facts: [{ title: h, value: h }],
        note: h,
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
        { ...review, status: "REJECTED", reviewedByName: h, reviewedAt: new Date("2026-11-22T09:12:00Z") },
        { locale, texts, canDecide: false, refreshUserIds: [] },
      ),
    },
    {
      template: "review-list",
      name: "review-list",
      card: renderReviewListCard([review], { locale, texts, scope: `team ${h}`, total: 3 }),
    },
    {
      template: "caseload-answer",
      name: "caseload-refusal (question echo and buttons)",
      card: renderCaseloadRefusalCard({
        text: `'${h}' heb ik niet begrepen`,
        locale,
        buttons: [{ title: h, question: h }],
      }),
    },
    caseload(
      "caseload-list",
      { kind: "list", total: 23, page: 0, pageSize: 2, lines: [line(1), line(2)] },
      { measure: "list", filters: {} },
    ),
    caseload(
      "caseload-pending",
      {
        kind: "pendingReviews",
        total: 1,
        page: 0,
        pageSize: 20,
        lines: [{ ...line(3), classificationId, confirmedAt: new Date("2026-11-20T00:00:00Z") }],
      },
      { measure: "pendingReviews", filters: {} },
    ),
    caseload(
      "caseload-wijk",
      { kind: "distribution", by: "wijk", rows: [{ key: h, count: 7 }], unknown: 0, total: 7 },
      { measure: "distribution", by: "wijk", filters: {} },
    ),
    caseload(
      "caseload-reach",
      {
        kind: "reach",
        rows: [{ wijk: h, inView: { value: 6, suppressed: false }, total: { value: 9, suppressed: false } }],
        inView: 6,
        total: 9,
      },
      { measure: "reach", filters: {} },
    ),
    caseload(
      "caseload-referrals",
      { kind: "referrals", rows: [{ outcome: h, count: 3 }], contacts: 3 },
      { measure: "referrals", period: "thisYear", filters: {} },
    ),
  ];
}

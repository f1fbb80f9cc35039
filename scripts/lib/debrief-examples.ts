// Debrief screens for the card gallery and the card tests: each step of the table for one client with a
// previous classification, rendered by the same renderer the bot uses. `h` puts one string in every slot
// that carries text from a person or an import (client name, team reason, review note, values sent back).
import type { LadderView } from "../../src/domain/debrief/ladder-view.ts";
import { startDraft, type DebriefDraft, type StepContext } from "../../src/domain/debrief/debrief-flow.ts";
import type { DebriefClient } from "../../src/domain/debrief/ports.ts";
import { screenFor, type DebriefScreen } from "../../src/domain/debrief/screen.ts";
import { answerStep } from "../../src/domain/debrief/steps.ts";

export const EXAMPLE_DRAFT_ID = "0b9e5a3c-1d2f-4e6a-8b7c-9d0e1f2a3b4c";
export const EXAMPLE_CLIENT_ID = "6f1c1f7e-8d2b-4c1a-9f0e-2b7d1e3a4c5d";

export interface DebriefExampleScreens {
  contact: DebriefScreen;
  situation: DebriefScreen;
  verdieping: DebriefScreen;
  proposal: DebriefScreen;
  /** the proposal after "Aanpassen" without a reason: the panel open, the chosen rung kept */
  proposalOverrideOpen: DebriefScreen;
  /** the proposal asking to confirm an expected rung below the current one */
  proposalConfirm: DebriefScreen;
}

export function debriefExampleScreens(
  view: LadderView,
  options: { name?: string; h?: string; domains?: string[] } = {},
): DebriefExampleScreens {
  const h = options.h;
  const client: DebriefClient = {
    client: {
      id: EXAMPLE_CLIENT_ID,
      externalKey: h ?? "GR-100010",
      displayName: h ?? options.name ?? "Jansen, Anna",
      wijk: h ?? "Selwerd",
      teamId: "7ea70000-0000-4000-8000-000000000001",
    },
    team: {
      id: "7ea70000-0000-4000-8000-000000000001",
      ladderProfileId: view.id,
      reviewTriggers: ["OVERRIDE", "JUMP"],
      domainsInScope: options.domains ?? ["werk_opleiding", "tijdsbesteding", "sociaal_netwerk", "maatschappelijke_participatie"],
      specialDomainsReason: h ?? null,
    },
    previous: {
      profileId: view.id,
      observedOn: "2026-05-12",
      rung: 2,
      substep: 3,
      expectedRung: 3,
      growthPotential: "ja",
      ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "onregelmatig" },
      verdieping: { startkwalificatie: "nee", ontheffingArbeidsplicht: "nee" },
      domains: {
        werk_opleiding: { score: 2, observedOn: "2026-05-12" },
        sociaal_netwerk: { score: null, observedOn: "2026-05-12" },
      },
    },
  };
  const ctx = (draft: DebriefDraft, c: DebriefClient | null): StepContext => ({
    view,
    draft,
    previous: c?.previous ?? null,
    teamDomains: c?.team.domainsInScope ?? [],
    specialDomainsReason: c?.team.specialDomainsReason ?? null,
    today: "2026-11-22",
  });
  let draft: DebriefDraft = { ...startDraft({ draftId: EXAMPLE_DRAFT_ID }), reviewNote: h ?? null };
  const contact = screenFor(
    ctx(draft, null),
    null,
    "contact",
    h ? { problems: { "": "required", date: "date_in_future" }, values: { date: h } } : {},
  );
  draft = answerStep(draft, "contact", {
    clientId: EXAMPLE_CLIENT_ID,
    contact: { date: "2026-11-21", kind: "HUISBEZOEK", reached: true },
  });
  const situation = screenFor(ctx(draft, client), client, "observations", {
    problems: { ladder_georganiseerd: "needed_for_rung" },
    values: { ladder_betaaldWerk: "nee", ladder_onbetaaldWerk: "nee" },
  });
  draft = answerStep(draft, "observations", {
    ladder: ladderAnswers(view),
    domains: { werk_opleiding: 2, tijdsbesteding: null, sociaal_netwerk: 3, maatschappelijke_participatie: null },
    verdiepingChange: "update",
  });
  const verdieping = screenFor(ctx(draft, client), client, "verdieping");
  draft = answerStep(draft, "verdieping", { startkwalificatie: "nee", ontheffingArbeidsplicht: "nee" });
  const proposalValues = {
    nextStep: "3.2",
    expectedRung: "4",
    horizonMonths: "12",
    growthPotential: "ja",
    outcome: "participatieondersteuning",
  };
  return {
    contact,
    situation,
    verdieping,
    proposal: screenFor(ctx(draft, client), client, "proposal"),
    proposalOverrideOpen: screenFor(ctx(draft, client), client, "proposal", {
      problems: { reason: "required" },
      values: { ...proposalValues, rung: "4.1", reason: h ?? "" },
      overrideOpen: true,
    }),
    proposalConfirm: screenFor(ctx(draft, client), client, "proposal", {
      problems: { confirmExpectation: "confirm_expectation" },
      values: { ...proposalValues, expectedRung: "2", growthPotential: "nee" },
      confirm: "below_current",
    }),
  };
}

/** Rung 3 by weekly organised activity on the participatieladder; the last option of each question elsewhere. */
function ladderAnswers(view: LadderView): Record<string, string> {
  if (view.id === "participatieladder-6") return { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" };
  const answers: Record<string, string> = {};
  for (let q = view.nextLadderQuestion(answers); q; q = view.nextLadderQuestion(answers)) answers[q.id] = q.options.at(-1)!.value;
  return answers;
}

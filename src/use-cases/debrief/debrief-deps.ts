// What every debrief use case gets: the store port, the ladders and today's date. Nothing of Teams.
import type { DebriefDraft, StepContext } from "../../domain/debrief/debrief-flow.ts";
import type { LadderView } from "../../domain/debrief/ladder-view.ts";
import type { DebriefClient, DebriefStore } from "../../domain/debrief/ports.ts";
import { screenFor, type DebriefScreen } from "../../domain/debrief/screen.ts";
import { currentStep } from "../../domain/debrief/steps.ts";

export interface DebriefUseCaseDeps {
  store: DebriefStore;
  ladders: { view(profileId: string): LadderView; defaultId: string };
  /** ISO day in the municipality's calendar */
  today: string;
}

/** A use case's answer when the coach sees a card next: the draft to keep and what the card shows. */
export interface Shown {
  kind: "show";
  draft: DebriefDraft;
  screen: DebriefScreen;
}

/** The step context for a draft: the client's team ladder, and last time only when it used that ladder. */
export function contextFor(deps: DebriefUseCaseDeps, draft: DebriefDraft, client: DebriefClient | null): StepContext {
  const view = deps.ladders.view(client?.team.ladderProfileId ?? deps.ladders.defaultId);
  const previous = client?.previous && client.previous.profileId === view.id ? client.previous : null;
  return {
    view,
    draft,
    previous,
    teamDomains: client?.team.domainsInScope ?? [],
    specialDomainsReason: client?.team.specialDomainsReason ?? null,
    today: deps.today,
  };
}

/** The draft's current step as a card. */
export function show(
  deps: DebriefUseCaseDeps,
  draft: DebriefDraft,
  client: DebriefClient | null,
  extra: Partial<DebriefScreen> = {},
): Shown {
  const ctx = contextFor(deps, draft, client);
  return { kind: "show", draft, screen: screenFor(ctx, client, currentStep(ctx), extra) };
}

export async function loadClient(
  deps: DebriefUseCaseDeps,
  actor: Parameters<DebriefStore["findClient"]>[0],
  draft: DebriefDraft,
): Promise<DebriefClient | null> {
  return draft.clientId ? deps.store.findClient(actor, draft.clientId) : null;
}

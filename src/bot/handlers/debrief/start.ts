// Starting a debrief: "verslag" (optionally with a name or number), a client's button on a nudge, a
// visit note; and resuming or restarting an unfinished one.
import { randomUUID } from "node:crypto";
import { CardFactory } from "botbuilder";
import { z } from "zod";
import { renderDebriefResumeCard } from "../../../cards/debrief-summary.card.ts";
import type { DebriefDraft } from "../../../domain/debrief/debrief-flow.ts";
import { debriefTexts } from "../../../domain/debrief/texts.ts";
import { show } from "../../../use-cases/debrief/debrief-deps.ts";
import { startDebrief } from "../../../use-cases/debrief/start-debrief.ts";
import { recordRead } from "../../client-access.ts";
import type { Turn } from "../../turn.ts";
import { sayClientSearchOutcome, searchClient } from "./client-search.ts";
import { isOpen, readDraft, retireCard, saveDraft, showScreen, storeFor, useCaseDeps } from "./session.ts";
import type { DebriefDeps } from "./deps.ts";

/** "Verslag" next to a client on a nudge card: the id is a claim to check against the coach's caseload, nothing more. */
export const StartForClientSubmit = z.object({ verb: z.literal("debrief.start"), clientId: z.uuid() });

export async function start(turn: Turn, deps: DebriefDeps, options: { restart?: boolean } = {}): Promise<void> {
  const existing = readDraft(turn);
  if (!options.restart && isOpen(existing) && existing.trail.length > 0) return offerResume(turn, existing);
  // "Opnieuw beginnen": the unfinished debrief's card goes read-only
  if (options.restart && isOpen(existing)) await retireCard(turn, existing.cardActivityId, debriefTexts(turn.locale).cancelled);
  // "verslag GR-100163" or "verslag Saskia Kaya" selects that client; several fitting: the picker offers those
  const rest = (turn.context.activity.text ?? "").replace(/^\s*(nieuw\s+|new\s+)?(debrief|verslag|gesprek|visit)\b/i, "").trim();
  const search = rest && !turn.context.activity.value ? await searchClient(turn, rest) : null;
  if (search) await sayClientSearchOutcome(turn, search);
  const forClient = StartForClientSubmit.safeParse(turn.context.activity.value);
  const clientId = forClient.success ? forClient.data.clientId : search?.kind === "one" ? search.clientId : null;
  const started = await startDebrief(useCaseDeps(turn, deps), turn.actor, { draftId: randomUUID(), clientId });
  if (started.kind === "refused") return void (await turn.context.sendActivity(debriefTexts(turn.locale).clientRefused));
  // a new message: a nudge card keeps its other clients' buttons, the welcome card stays
  const choices = search?.kind === "several" ? search.choices : undefined;
  await showScreen(turn, started, { newMessage: true, choices, opened: started.client ? "debrief.client" : undefined });
}

async function offerResume(turn: Turn, draft: DebriefDraft): Promise<void> {
  const client = draft.clientId ? await storeFor(turn).findClient(turn.actor, draft.clientId) : null;
  if (client) await recordRead(turn, [client.client.id], { via: "debrief.resume" });
  const card = renderDebriefResumeCard({
    locale: turn.locale,
    clientName: client?.client.displayName ?? null,
    step: draft.trail.length + 1,
  });
  await turn.context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

/** Continues an unfinished debrief in a new live card; the older card goes read-only and its buttons stale. */
export async function resume(turn: Turn, deps: DebriefDeps): Promise<void> {
  const draft = readDraft(turn);
  if (!isOpen(draft)) return void (await turn.context.sendActivity(debriefTexts(turn.locale).nothingToResume));
  await retireCard(turn, draft.cardActivityId);
  const live: DebriefDraft = { ...draft, seq: draft.seq + 1, cardActivityId: null };
  saveDraft(turn, live);
  const client = live.clientId ? await storeFor(turn).findClient(turn.actor, live.clientId) : null;
  await showScreen(turn, show(useCaseDeps(turn, deps), live, client), { opened: "debrief.resume" });
}

// The debrief's conversation state and its one live card: what every debrief handler shares. The
// store is constructed here, in one place, from the bot's database handles.
import { CardFactory, type Activity } from "botbuilder";
import { z } from "zod";
import { renderDebriefCard } from "../../../cards/debrief.card.ts";
import { renderDebriefSummaryCard } from "../../../cards/debrief-summary.card.ts";
import type { AdaptiveCard } from "../../../cards/render-card.ts";
import type { LadderProfiles } from "../../../config/ladder-profiles.ts";
import { DebriefDraft } from "../../../domain/debrief/debrief-flow.ts";
import type { ClientChoice, DebriefStore } from "../../../domain/debrief/ports.ts";
import { debriefTexts } from "../../../domain/debrief/texts.ts";
import { isoDay } from "../../../i18n/format.ts";
import { t } from "../../../i18n/messages.ts";
import type { DebriefUseCaseDeps, Shown } from "../../../use-cases/debrief/debrief-deps.ts";
import { readableRows, recordRead } from "../../client-access.ts";
import type { Turn } from "../../turn.ts";
import { pickerChoices } from "./client-search.ts";

export function storeFor(turn: Turn): DebriefStore {
  return turn.deps.store.debrief;
}

/** The use cases' dependencies for this turn. */
export function useCaseDeps(turn: Turn, deps: { ladders: LadderProfiles }): DebriefUseCaseDeps {
  return {
    store: storeFor(turn),
    ladders: { view: (id) => deps.ladders.view(id), defaultId: deps.ladders.default.id },
    today: isoDay(turn.deps.clock()),
  };
}

export const Submit = z.object({ verb: z.string(), draftId: z.uuid(), seq: z.coerce.number().int() });
/** Every input a card sends is a string (or a list for a multi-select in some clients). */
export const CardValues = z.record(z.string(), z.unknown());

/** What the conversation remembers about the last finished debrief, so a replayed confirm is answered, not redone. */
const Finished = z.object({ finished: z.literal(true), draftId: z.uuid(), classificationId: z.uuid().nullable() });
export type Finished = z.infer<typeof Finished>;
const StoredDebrief = z.union([DebriefDraft, Finished]);

export function readDraft(turn: Turn): DebriefDraft | Finished | null {
  const parsed = StoredDebrief.safeParse(turn.state.conversation.debrief);
  return parsed.success ? parsed.data : null;
}

export function saveDraft(turn: Turn, draft: DebriefDraft | Finished | null): void {
  turn.state.conversation.debrief = draft ?? undefined;
}

export const isOpen = (d: DebriefDraft | Finished | null): d is DebriefDraft => d !== null && !("finished" in d);

/** Replaces the card the person clicked (so its buttons are gone), or sends a new one. */
export async function sendOrReplace(
  turn: Turn,
  card: AdaptiveCard,
  previousId: string | null,
  options: { newMessage?: boolean } = {},
): Promise<string | null> {
  const replyTo = turn.context.activity.replyToId ?? previousId;
  const activity: Partial<Activity> = { type: "message", attachments: [CardFactory.adaptiveCard(card)] };
  if (replyTo && turn.context.activity.value && !options.newMessage) {
    await turn.context.updateActivity({ ...activity, id: replyTo });
    return replyTo;
  }
  const sent = await turn.context.sendActivity(activity);
  return sent?.id ?? null;
}

/** The older card of a debrief becomes a read-only note, so one card per debrief has live buttons. */
export async function retireCard(turn: Turn, activityId: string | null, note = debriefTexts(turn.locale).retired): Promise<void> {
  if (!activityId || activityId === turn.context.activity.replyToId) return;
  const card = renderDebriefSummaryCard({
    title: note,
    status: "",
    statusColor: "Default",
    facts: [],
    note: "",
    locale: turn.locale,
  });
  try {
    await turn.context.updateActivity({
      type: "message",
      id: activityId,
      attachments: [CardFactory.adaptiveCard(card)],
    });
  } catch (e) {
    // the old card may be gone (deleted chat); the draft's seq already makes it stale
    turn.deps.logger.info(
      { event: "debrief.retire_failed", err: String((e as Error)?.message ?? e) },
      "could not retire an older debrief card",
    );
  }
}

/** Shows a use case's screen as the debrief's live card and remembers it with the draft. */
export async function showScreen(
  turn: Turn,
  shown: Shown,
  options: { newMessage?: boolean; choices?: ClientChoice[]; opened?: string } = {},
): Promise<void> {
  const { screen, draft } = shown;
  const store = storeFor(turn);
  // the client's record (name, history, previous answers) is read when a debrief opens it, not per step
  if (screen.client && options.opened) await recordRead(turn, [screen.client.client.id], { via: options.opened });
  let clients: { id: string; label: string }[] = [];
  let sentBack: Awaited<ReturnType<typeof store.listSentBack>> = [];
  if (screen.step === "contact") {
    const picker = [...(options.choices ?? (await store.listClients(turn.actor)))];
    // a client chosen by search or note stays on offer even when the caseload is longer than the list
    const chosen = screen.client?.client;
    if (chosen && !picker.some((c) => c.id === chosen.id)) picker.push({ ...chosen, currentRung: null });
    clients = pickerChoices(await readableRows(turn, picker, (c) => c.id, { via: "debrief.picker" }));
    if (draft.trail.length === 0)
      sentBack = await readableRows(turn, await store.listSentBack(turn.actor), (b) => b.clientId, {
        via: "debrief.sent_back",
      });
  }
  const card = renderDebriefCard({ screen, locale: turn.locale, clients, sentBack });
  const id = await sendOrReplace(turn, card, options.newMessage ? null : draft.cardActivityId, {
    newMessage: options.newMessage,
  });
  saveDraft(turn, { ...draft, cardActivityId: id ?? draft.cardActivityId });
}

/** Checks a submit against the conversation's own draft: same draft, same step. */
export async function checkSubmit(turn: Turn): Promise<{ draft: DebriefDraft; values: Record<string, unknown> } | null> {
  const raw = CardValues.safeParse(turn.context.activity.value ?? {});
  const values = raw.success ? raw.data : {};
  const submit = Submit.safeParse(values);
  const draft = readDraft(turn);
  if (!submit.success || !isOpen(draft) || draft.draftId !== submit.data.draftId || draft.seq !== submit.data.seq) {
    await refuseStale(turn, submit.success ? submit.data.verb : String(values.verb ?? ""));
    return null;
  }
  return { draft, values };
}

export async function refuseStale(turn: Turn, verb: string): Promise<void> {
  await storeFor(turn).recordRefusal(turn.actor, "stale_or_forged_debrief_submit", { verb: verb.slice(0, 40) });
  await turn.context.sendActivity(t(turn.locale).staleCard);
}

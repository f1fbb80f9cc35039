// The post-visit debrief: one card per step, replaced in place after every submit, so only the current
// card has live buttons. Every submit is parsed with zod; ids from cards are re-checked against the
// coach's scope and the conversation's own draft; stale or forged submits are refused and audited.
import { randomUUID } from "node:crypto";
import { CardFactory, type Activity } from "botbuilder";
import { z } from "zod";
import type { LadderProfiles } from "../../config/ladder-profiles.ts";
import { renderDebriefStepCard, renderDebriefSummaryCard, renderProposalCard, type FieldErrors } from "../../cards/debrief.card.ts";
import type { AdaptiveCard } from "../../cards/render-card.ts";
import {
  answerStep,
  currentStep,
  DebriefDraft,
  goBack,
  proposeFor,
  startDraft,
  toAnswers,
} from "../../domain/debrief/debrief-flow.ts";
import type { LadderView } from "../../domain/debrief/ladder-view.ts";
import { parseOverride, parseStepAnswer, type FieldProblem } from "../../domain/debrief/step-answers.ts";
import { formatDate, isoDay } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/messages.ts";
import { recordRefusal } from "../../storage/audit/record-audit-event.ts";
import {
  ClientOutOfScopeError,
  confirmClassification,
  findClientForDebrief,
  listClientsForDebrief,
  recordUnreachedContact,
  type ClientChoice,
  type DebriefClientContext,
} from "../../storage/debrief/debrief.repository.ts";
import { findReview } from "../../storage/review/review.repository.ts";
import { readableRows, recordRead } from "../client-access.ts";
import type { PrefillDebrief } from "../../ai/actions.ts";
import type { ModelGate } from "../../ai/model-gate.ts";
import { cardText } from "../../cards/card-text.ts";
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";
import { requestReview, type ReviewDeps } from "./review.handler.ts";
import { clientsNamedInNote, pickerChoices, sayClientSearchOutcome, searchClient } from "./debrief-client-search.ts";

export interface DebriefDeps {
  ladders: LadderProfiles;
  review: ReviewDeps;
}

const VISIT_NOTE = /\b(geweest|bezocht|huisbezoek|op bezoek|langsgeweest|gesproken met|keukentafelgesprek|visited|home visit|visit to|spoke with|met with)\b/i;

/** A free-text note about a visit ("net bij mevrouw J. geweest, ...") starts a debrief rather than a question. */
export function isVisitNote(text: string): boolean {
  return text.trim().length >= 15 && VISIT_NOTE.test(text);
}

/**
 * Starts a debrief from a note: the client is preselected when the note names exactly one of the coach's
 * clients in full (several with that name: the picker offers only those); with a model configured (and the
 * team allowing notes to a model) the answers are prefilled from the pseudonymised note. The coach sees and confirms every prefilled answer on the cards.
 */
export function startFromNote(deps: DebriefDeps & { model?: ModelGate }) {
  return async (turn: Turn): Promise<void> => {
    const { actor, deps: bot } = turn;
    const note = (turn.context.activity.text ?? "").slice(0, 2_000);
    const named = await clientsNamedInNote(turn, note);
    let draft = startDraft({ draftId: randomUUID() });
    if (named.kind === "one") draft = { ...draft, clientId: named.client.client.id };
    // the gate applies the team's notes-to-model setting and the masking
    if (deps.model) {
      const r = await deps.model.ask(turn, { purpose: "debrief-prefill", text: note });
      if (r.ok) draft = { ...draft, prefill: prefillFromModel(r.value) };
      else if (r.reason !== "not_allowed") bot.logger.info({ event: "model.fallback", use: "debrief-prefill", reason: r.reason }, "model path failed; the coach answers every question");
    }
    if (named.kind === "several") await sayClientSearchOutcome(turn, named);
    await showStep(turn, deps, draft, { newMessage: true, client: named.kind === "one" ? named.client : null, choices: named.kind === "several" ? named.choices : undefined });
  };
}

function prefillFromModel(p: PrefillDebrief): Record<string, unknown> {
  const prefill: Record<string, unknown> = {};
  if (p.contactKind || p.reached !== undefined) prefill.contact = { kind: p.contactKind, reached: p.reached };
  for (const [id, value] of Object.entries(p.ladder ?? {})) prefill[`ladder:${id}`] = value;
  if (p.substep) prefill.substep = { volgendeStap: p.substep };
  if (p.expectedRung !== undefined || p.growthPotential)
    prefill.expected = { rung: p.expectedRung === "onbekend" ? null : p.expectedRung, horizonMonths: 12, growthPotential: p.growthPotential };
  if (p.outcome) prefill.outcome = { outcome: p.outcome, nextContactDate: null };
  return prefill;
}

export const Submit = z.object({ verb: z.string(), draftId: z.uuid(), seq: z.coerce.number().int() });
/** "Verslag" next to a client on a nudge card: the id is a claim to check against the coach's caseload, nothing more. */
export const StartForClientSubmit = z.object({ verb: z.literal("debrief.start"), clientId: z.uuid() });
const ReopenSubmit = z.object({ verb: z.literal("debrief.reopen"), classificationId: z.uuid() });

/** What the conversation remembers about the last finished debrief, so a replayed confirm is answered, not redone. */
const Finished = z.object({ finished: z.literal(true), draftId: z.uuid(), classificationId: z.uuid().nullable() });
const StoredDebrief = z.union([DebriefDraft, Finished]);

const problemText: Record<Locale, Record<FieldProblem, string>> = {
  nl: {
    required: "Kies of vul dit in.",
    invalid_choice: "Deze keuze bestaat niet (meer). Kies opnieuw.",
    invalid_date: "Vul een geldige datum in.",
    date_in_future: "Deze datum ligt in de toekomst.",
    date_too_old: "Deze datum ligt meer dan een jaar terug.",
    date_in_past: "Deze datum ligt in het verleden.",
    invalid_number: "Vul een getal van 1 tot en met 36 in.",
  },
  en: {
    required: "Please choose or fill this in.",
    invalid_choice: "This choice does not exist (any more). Please choose again.",
    invalid_date: "Please enter a valid date.",
    date_in_future: "This date is in the future.",
    date_too_old: "This date is more than a year ago.",
    date_in_past: "This date is in the past.",
    invalid_number: "Please enter a number from 1 to 36.",
  },
};

const text = {
  nl: {
    fixBelow: "Er ontbreekt nog iets; zie hieronder.",
    clientRefused: "Deze klant hoort niet bij jouw caseload. Kies een klant uit de lijst.",
    resumeTitle: (client: string | null, step: number) => `Je was bezig met een verslag${client ? ` over ${client}` : ""} (stap ${step}).`,
    resume: "Doorgaan",
    restart: "Opnieuw beginnen",
    cancelled: "Verslag geannuleerd; er is niets opgeslagen.",
    notReachedTitle: "Contactpoging vastgelegd",
    notReachedNote: "De klant is niet bereikt; de poging telt mee in het bereik per wijk.",
    savedTitle: (client: string) => `Verslag opgeslagen: ${client}`,
    final: "Definitief",
    pending: (names: string[]) => (names.length ? `Wacht op akkoord van ${names.join(" of ")}` : "Wacht op akkoord van een werkbegeleider"),
    rung: "Trede",
    substep: "Tussenstap",
    expected: "Verwachte trede",
    date: "Peildatum",
    overridden: "Aangepast door coach",
    unknown: "Onbekend",
    reviewNotice: (notified: string[], listOnly: string[]) =>
      [
        notified.length ? `Ter beoordeling gestuurd naar ${notified.join(", ")}.` : "",
        listOnly.length ? `${listOnly.join(", ")} ${listOnly.length === 1 ? "ziet" : "zien"} het in de lijst "beoordelen" zodra ${listOnly.length === 1 ? "hij of zij" : "zij"} Trede opent.` : "",
        !notified.length && !listOnly.length ? "Er is nog geen werkbegeleider voor dit team in Trede; de beheerder is nodig om dit af te ronden." : "",
      ]
        .filter(Boolean)
        .join(" "),
    reopenRefused: "Dit verslag kun je niet heropenen.",
    nothingToResume: "Er is geen verslag in behandeling. Typ **verslag** om te beginnen.",
  },
  en: {
    fixBelow: "Something is missing; see below.",
    clientRefused: "This client is not in your caseload. Please pick a client from the list.",
    resumeTitle: (client: string | null, step: number) => `You were working on a debrief${client ? ` about ${client}` : ""} (step ${step}).`,
    resume: "Continue",
    restart: "Start over",
    cancelled: "Debrief cancelled; nothing was stored.",
    notReachedTitle: "Contact attempt recorded",
    notReachedNote: "The client was not reached; the attempt counts towards reach per neighbourhood.",
    savedTitle: (client: string) => `Debrief stored: ${client}`,
    final: "Final",
    pending: (names: string[]) => (names.length ? `Waiting for approval by ${names.join(" or ")}` : "Waiting for a supervisor's approval"),
    rung: "Rung",
    substep: "Substep",
    expected: "Expected rung",
    date: "Observed on",
    overridden: "Adjusted by coach",
    unknown: "Unknown",
    reviewNotice: (notified: string[], listOnly: string[]) =>
      [
        notified.length ? `Sent for review to ${notified.join(", ")}.` : "",
        listOnly.length ? `${listOnly.join(", ")} will see it in the "review" list when they open Trede.` : "",
        !notified.length && !listOnly.length ? "This team has no supervisor in Trede yet; an administrator is needed to finish this." : "",
      ]
        .filter(Boolean)
        .join(" "),
    reopenRefused: "You cannot reopen this debrief.",
    nothingToResume: "No debrief in progress. Type **debrief** to start.",
  },
};

export function debriefRoutes(debrief: DebriefDeps) {
  return (r: RouteRegistrar) => {
    r.message(/^\s*(debrief|verslag|nieuw verslag|nieuw gesprek|new debrief|new visit|visit)(\s+.{1,60})?\s*$/i, (turn) => start(turn, debrief));
    r.submit("debrief.start", (turn) => start(turn, debrief));
    r.submit("debrief.resume", (turn) => resume(turn, debrief));
    r.submit("debrief.restart", (turn) => start(turn, debrief, { restart: true }));
    r.submit("debrief.next", (turn) => next(turn, debrief));
    r.submit("debrief.back", (turn) => back(turn, debrief));
    r.submit("debrief.cancel", (turn) => cancel(turn));
    r.submit("debrief.confirm", (turn) => confirm(turn, debrief, false));
    r.submit("debrief.override", (turn) => confirm(turn, debrief, true));
    r.submit("debrief.reopen", (turn) => reopen(turn, debrief));
  };
}

function readDraft(turn: Turn): DebriefDraft | z.infer<typeof Finished> | null {
  const parsed = StoredDebrief.safeParse(turn.state.conversation.debrief);
  return parsed.success ? parsed.data : null;
}

function saveDraft(turn: Turn, draft: DebriefDraft | z.infer<typeof Finished> | null) {
  turn.state.conversation.debrief = draft ?? undefined;
}

async function start(turn: Turn, deps: DebriefDeps, options: { restart?: boolean } = {}): Promise<void> {
  const existing = readDraft(turn);
  if (!options.restart && existing && !("finished" in existing) && existing.trail.length > 0) return offerResume(turn, deps, existing);
  // "verslag GR-100163" or "verslag Saskia Kaya" selects that client; several fitting: the picker offers those
  const search = (turn.context.activity.text ?? "").replace(/^\s*(nieuw\s+|new\s+)?(debrief|verslag|gesprek|visit)\b/i, "").trim();
  const draft = startDraft({ draftId: randomUUID() });
  const forClient = StartForClientSubmit.safeParse(turn.context.activity.value);
  if (forClient.success) {
    const client = await findClientForDebrief(turn.deps.sql, turn.actor, forClient.data.clientId);
    if (!client) {
      await recordRefusal(turn.deps.prisma, { actor: turn.actor, reason: "client_out_of_scope", details: { step: "start" } });
      return void (await turn.context.sendActivity(text[turn.locale].clientRefused));
    }
    // a new message: the nudge card keeps its other clients' buttons
    return showStep(turn, deps, { ...draft, clientId: client.client.id }, { newMessage: true, keepCard: true, client });
  }
  if (search && !turn.context.activity.value) {
    const found = await searchClient(turn, search);
    await sayClientSearchOutcome(turn, found);
    if (found.kind === "one") return showStep(turn, deps, { ...draft, clientId: found.client.client.id }, { newMessage: true, client: found.client });
    return showStep(turn, deps, draft, { newMessage: true, choices: found.kind === "several" ? found.choices : undefined });
  }
  await showStep(turn, deps, draft, { newMessage: true });
}

async function offerResume(turn: Turn, deps: DebriefDeps, draft: DebriefDraft): Promise<void> {
  const s = text[turn.locale];
  const client = draft.clientId ? await findClientForDebrief(turn.deps.sql, turn.actor, draft.clientId) : null;
  if (client) await recordRead(turn, [client.client.id], { via: "debrief.resume" });
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    version: "1.5",
    body: [{ type: "TextBlock", text: s.resumeTitle(client ? cardText(client.client.displayName) : null, draft.trail.length + 1), wrap: true }],
    actions: [
      { type: "Action.Submit", title: s.resume, data: { verb: "debrief.resume" } },
      { type: "Action.Submit", title: s.restart, data: { verb: "debrief.restart" } },
    ],
  };
  await turn.context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

async function resume(turn: Turn, deps: DebriefDeps): Promise<void> {
  const draft = readDraft(turn);
  if (!draft || "finished" in draft) return void (await turn.context.sendActivity(text[turn.locale].nothingToResume));
  await showStep(turn, deps, draft, { newMessage: true, opened: "debrief.resume" });
}

/** Renders the draft's current step (or the proposal) and sends it, replacing the previous card. */
async function showStep(
  turn: Turn,
  deps: DebriefDeps,
  draft: DebriefDraft,
  options: { newMessage?: boolean; keepCard?: boolean; errors?: FieldErrors; choices?: ClientChoice[]; client?: DebriefClientContext | null; opened?: string } = {},
): Promise<void> {
  const { actor, locale, deps: bot } = turn;
  // the caller may have loaded the draft's client already (every submit does)
  const context = !draft.clientId ? null : options.client?.client.id === draft.clientId ? options.client : await findClientForDebrief(bot.sql, actor, draft.clientId);
  const view = viewFor(deps, context);
  const step = currentStep(view, draft);
  // the client's record (name, history, previous answers) is read when a debrief opens it, not per step
  if (context && (options.opened || step === "contact")) await recordRead(turn, [context.client.id], { via: options.opened ?? "debrief.client" });
  let card: AdaptiveCard;
  if (step === "proposal") {
    card = renderProposalCard({ view, draft, proposal: proposeFor(view, draft), locale, clientName: context?.client.displayName ?? "", error: options.errors?.[""] });
  } else {
    const picker = step === "contact" ? [...(options.choices ?? (await listClientsForDebrief(bot.sql, actor)))] : [];
    // a client chosen by search stays on offer even when the caseload is longer than the list
    if (context && step === "contact" && !picker.some((c) => c.id === context.client.id))
      picker.push({ id: context.client.id, externalKey: context.client.externalKey, displayName: context.client.displayName, wijk: context.client.wijk, currentRung: context.latest?.finalRung ?? null });
    const shown = await readableRows(turn, picker, (c) => c.id, { via: "debrief.picker" });
    card = renderDebriefStepCard({
      view,
      draft,
      step,
      locale,
      clientName: context?.client.displayName ?? null,
      clients: pickerChoices(shown),
      previousScores: context?.previousScores ?? {},
      specialDomainsReason: context?.team.specialDomainsReason,
      today: isoDay(bot.clock()),
      errors: options.errors,
    });
  }
  const id = await sendOrReplace(turn, card, options.newMessage ? null : draft.cardActivityId, options.keepCard);
  saveDraft(turn, { ...draft, cardActivityId: id ?? draft.cardActivityId });
}

function viewFor(deps: DebriefDeps, context: DebriefClientContext | null): LadderView {
  return deps.ladders.view(context?.team.ladderProfileId ?? deps.ladders.default.id);
}

/** Replaces the card the person clicked (so its buttons are gone), or sends a new one. */
async function sendOrReplace(turn: Turn, card: AdaptiveCard, previousId: string | null, keepClickedCard = false): Promise<string | null> {
  const replyTo = turn.context.activity.replyToId ?? previousId;
  const activity: Partial<Activity> = { type: "message", attachments: [CardFactory.adaptiveCard(card)] };
  if (replyTo && turn.context.activity.value && !keepClickedCard) {
    await turn.context.updateActivity({ ...activity, id: replyTo });
    return replyTo;
  }
  const sent = await turn.context.sendActivity(activity);
  return sent?.id ?? null;
}

/** Checks a submit against the conversation's own draft: same draft, same step. */
async function checkSubmit(turn: Turn): Promise<{ draft: DebriefDraft; raw: Record<string, unknown> } | null> {
  const raw = (turn.context.activity.value ?? {}) as Record<string, unknown>;
  const submit = Submit.safeParse(raw);
  const draft = readDraft(turn);
  if (!submit.success || !draft || "finished" in draft || draft.draftId !== submit.data.draftId || draft.seq !== submit.data.seq) {
    await refuseStale(turn, submit.success ? submit.data.verb : String(raw.verb ?? ""));
    return null;
  }
  return { draft, raw };
}

async function refuseStale(turn: Turn, verb: string): Promise<void> {
  await recordRefusal(turn.deps.prisma, { actor: turn.actor, reason: "stale_or_forged_debrief_submit", details: { verb: verb.slice(0, 40) } });
  await turn.context.sendActivity(t(turn.locale).staleCard);
}

function errorsFor(locale: Locale, problems: Record<string, FieldProblem>): FieldErrors {
  const errors: FieldErrors = { "": text[locale].fixBelow };
  for (const [field, problem] of Object.entries(problems)) errors[field] = problemText[locale][problem];
  return errors;
}

async function next(turn: Turn, deps: DebriefDeps): Promise<void> {
  const checked = await checkSubmit(turn);
  if (!checked) return;
  const { draft, raw } = checked;
  const { actor, locale, deps: bot } = turn;
  const context = draft.clientId ? await findClientForDebrief(bot.sql, actor, draft.clientId) : null;
  const view = viewFor(deps, context);
  const step = currentStep(view, draft);
  if (step === "proposal") return showStep(turn, deps, draft, { client: context });
  const parsed = parseStepAnswer(view, draft, step, raw, { today: isoDay(bot.clock()) });
  if (!parsed.ok) return showStep(turn, deps, draft, { errors: errorsFor(locale, parsed.problems), client: context });

  if (step === "contact") {
    const value = parsed.value as { clientId: string; contact: NonNullable<DebriefDraft["contact"]> };
    const client = await findClientForDebrief(bot.sql, actor, value.clientId);
    if (!client) {
      await recordRefusal(bot.prisma, { actor, reason: "client_out_of_scope", details: { step: "contact" } });
      return showStep(turn, deps, draft, { errors: { "": text[locale].clientRefused, clientId: text[locale].clientRefused } });
    }
    if (!value.contact.reached) return recordNotReached(turn, draft, client, value.contact);
    const started = prefillFrom(deps, client, { ...draft, clientId: client.client.id, teamDomains: client.team.domainsInScope });
    return showStep(turn, deps, answerStep(started, "contact", value.contact), { client, opened: "debrief.client" });
  }
  await showStep(turn, deps, answerStep(draft, step, parsed.value), { client: context });
}

/** Answers from the client's last classification prefill the cards when it used the same ladder. */
function prefillFrom(deps: DebriefDeps, client: DebriefClientContext, draft: DebriefDraft): DebriefDraft {
  const latest = client.latest;
  if (!latest || latest.profileId !== client.team.ladderProfileId) return draft;
  const previous = latest.answers as Partial<ReturnType<typeof toAnswers>> | null;
  const prefill: Record<string, unknown> = { ...draft.prefill };
  for (const [id, value] of Object.entries(previous?.ladder ?? {})) prefill[`ladder:${id}`] = value;
  if (previous?.substep) prefill.substep = previous.substep;
  if (previous?.expected) prefill.expected = previous.expected;
  if (previous?.verdieping) prefill.verdieping = previous.verdieping;
  prefill.domains = client.previousScores;
  return { ...draft, prefill };
}

async function recordNotReached(turn: Turn, draft: DebriefDraft, client: DebriefClientContext, contact: NonNullable<DebriefDraft["contact"]>): Promise<void> {
  const s = text[turn.locale];
  await recordUnreachedContact(turn.deps.sql, {
    actor: turn.actor,
    clientId: client.client.id,
    contact: { date: new Date(`${contact.date}T00:00:00Z`), kind: contact.kind },
    idempotencyKey: `debrief:${draft.draftId}:not-reached`,
  });
  const card = renderDebriefSummaryCard({
    title: s.notReachedTitle,
    status: "",
    statusColor: "Default",
    facts: [
      { title: client.client.displayName, value: client.client.externalKey },
      { title: s.date, value: formatDate(new Date(`${contact.date}T00:00:00Z`), turn.locale) },
    ],
    note: s.notReachedNote,
  });
  await sendOrReplace(turn, card, draft.cardActivityId);
  saveDraft(turn, { finished: true, draftId: draft.draftId, classificationId: null });
}

async function back(turn: Turn, deps: DebriefDeps): Promise<void> {
  const checked = await checkSubmit(turn);
  if (!checked) return;
  await showStep(turn, deps, goBack(checked.draft));
}

async function cancel(turn: Turn): Promise<void> {
  const checked = await checkSubmit(turn);
  if (!checked) return;
  const card = renderDebriefSummaryCard({ title: text[turn.locale].cancelled, status: "", statusColor: "Default", facts: [], note: "" });
  await sendOrReplace(turn, card, checked.draft.cardActivityId);
  saveDraft(turn, null);
}

async function confirm(turn: Turn, deps: DebriefDeps, override: boolean): Promise<void> {
  const raw = (turn.context.activity.value ?? {}) as Record<string, unknown>;
  const stored = readDraft(turn);
  // A double click or a retried request: the first one finished this draft; answer without redoing it.
  if (stored && "finished" in stored && Submit.safeParse(raw).data?.draftId === stored.draftId) return;
  const checked = await checkSubmit(turn);
  if (!checked) return;
  const { draft } = checked;
  const { actor, locale, deps: bot } = turn;
  const s = text[locale];
  const context = draft.clientId ? await findClientForDebrief(bot.sql, actor, draft.clientId) : null;
  if (!context || !draft.contact) {
    await recordRefusal(bot.prisma, { actor, reason: "client_out_of_scope", details: { step: "confirm" } });
    return void (await turn.context.sendActivity(s.clientRefused));
  }
  const view = viewFor(deps, context);
  if (currentStep(view, draft) !== "proposal") return showStep(turn, deps, draft, { client: context });
  const proposal = proposeFor(view, draft);
  let final = { rung: proposal.rung, substep: proposal.substep, overrideReason: null as string | null };
  if (override) {
    const parsed = parseOverride(view, checked.raw);
    if (!parsed.ok) {
      const problem = Object.values(parsed.problems)[0];
      return showStep(turn, deps, draft, { errors: { "": problemText[locale][problem] }, client: context });
    }
    final = { rung: parsed.value.rung, substep: parsed.value.substep, overrideReason: parsed.value.reason };
  }
  const answers = toAnswers(view, draft);
  let confirmed;
  try {
    confirmed = await confirmClassification(bot.prisma, {
      actor,
      clientId: context.client.id,
      idempotencyKey: `debrief:${draft.draftId}`,
      contact: {
        date: new Date(`${draft.contact.date}T00:00:00Z`),
        kind: draft.contact.kind,
        outcome: draft.outcome?.outcome ?? null,
        nextContactDate: draft.outcome?.nextContactDate ? new Date(`${draft.outcome.nextContactDate}T00:00:00Z`) : null,
      },
      profile: { id: view.id, version: view.version },
      answers,
      proposed: { rung: proposal.rung, substep: proposal.substep, rung5Reasons: proposal.rung5Reasons },
      final,
      expected: { rung: answers.expected.rung, horizonMonths: answers.expected.horizonMonths, growthPotential: answers.expected.growthPotential === "ja" ? "JA" : answers.expected.growthPotential === "nee" ? "NEE" : "ONBEKEND" },
      ontheffing: answers.ontheffing,
      verdieping: answers.verdieping,
      domainScores: answers.domains,
    });
  } catch (e) {
    if (e instanceof ClientOutOfScopeError) {
      await recordRefusal(bot.prisma, { actor, reason: "client_out_of_scope", details: { step: "confirm" } });
      return void (await turn.context.sendActivity(s.clientRefused));
    }
    throw e;
  }
  const rungName = (r: number) => view.rungs.find((x) => x.rung === r)?.name[locale] ?? String(r);
  const observedOn = new Date(`${draft.contact.date}T00:00:00Z`);
  const pending = confirmed.status === "PENDING_REVIEW";
  const summary = (names: string[]) =>
    renderDebriefSummaryCard({
      title: s.savedTitle(context.client.displayName),
      status: pending ? s.pending(names) : s.final,
      statusColor: pending ? "Warning" : "Good",
      facts: [
        { title: s.rung, value: `${final.rung} · ${rungName(final.rung)}${final.overrideReason ? ` (${s.overridden})` : ""}` },
        { title: s.substep, value: view.substepLabel(final.rung, final.substep)[locale] },
        { title: s.expected, value: answers.expected.rung === null ? s.unknown : `${answers.expected.rung} · ${rungName(answers.expected.rung)}` },
        { title: s.date, value: formatDate(observedOn, locale) },
      ],
      note: "",
    });
  const cardId = await sendOrReplace(turn, summary([]), draft.cardActivityId);
  saveDraft(turn, { finished: true, draftId: draft.draftId, classificationId: confirmed.id });
  if (pending && confirmed.created) {
    const who = await requestReview(bot, deps.review, {
      classificationId: confirmed.id,
      coach: actor,
      coachCard: cardId ? { conversationId: turn.context.activity.conversation.id, activityId: cardId } : undefined,
    });
    // staff names as typed, never as markdown
    await turn.context.sendActivity(s.reviewNotice(who.notified.map((n) => cardText(n)), who.listOnly.map((n) => cardText(n))));
  }
}

/** After a rejection or a question: the debrief opens again at the proposal, with the supervisor's note. */
async function reopen(turn: Turn, deps: DebriefDeps): Promise<void> {
  const { actor, locale, deps: bot } = turn;
  const parsed = ReopenSubmit.safeParse(turn.context.activity.value);
  const review = parsed.success ? await findReview(bot.prisma, parsed.data.classificationId) : null;
  const client = review ? await findClientForDebrief(bot.sql, actor, review.clientId) : null;
  if (!review || !client || review.coachId !== actor.staffId || (review.status !== "REJECTED" && review.status !== "RETURNED")) {
    await recordRefusal(bot.prisma, { actor, reason: "reopen_forbidden", clientId: review?.clientId ?? null });
    return void (await turn.context.sendActivity(text[locale].reopenRefused));
  }
  const stored = await bot.prisma.classification.findUniqueOrThrow({ where: { id: review.classificationId }, include: { contact: true } });
  const answers = stored.answers as unknown as ReturnType<typeof toAnswers>;
  const draft: DebriefDraft = {
    ...startDraft({ draftId: randomUUID(), teamDomains: client.team.domainsInScope }),
    clientId: client.client.id,
    contact: { date: isoDay(stored.observedOn), kind: stored.contact?.kind ?? "HUISBEZOEK", reached: true },
    ladder: answers.ladder ?? {},
    substep: answers.substep ?? {},
    expected: answers.expected ? { ...answers.expected } : { rung: stored.expectedRung, horizonMonths: stored.horizonMonths, growthPotential: "onbekend" },
    domains: answers.domains ?? {},
    verdieping: answers.verdieping ?? {},
    outcome: { outcome: stored.outcome ?? "participatieondersteuning", nextContactDate: stored.contact?.nextContactDate ? isoDay(stored.contact.nextContactDate) : null },
    trail: [
      "contact",
      ...Object.keys(answers.ladder ?? {}).map((id) => `ladder:${id}`),
      ...(answers.substep && Object.keys(answers.substep).length ? ["substep"] : []),
      "expected",
      ...(client.team.domainsInScope.length ? ["domains"] : []),
      "verdieping",
      "outcome",
    ],
    reopenedFrom: stored.id,
    reviewNote: review.reviewNote,
  };
  await showStep(turn, deps, draft, { newMessage: true, opened: "debrief.reopen" });
}


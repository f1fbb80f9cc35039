// Renders a debrief screen (domain/debrief/screen.ts) with the template its step names in the step table:
// cards/debrief-step.json for the questions, cards/debrief-proposal.json for the proposal.
import type { DebriefScreen } from "../domain/debrief/screen.ts";
import { rungLabel, showDay, STEPS, type StepField } from "../domain/debrief/steps.ts";
import { progress } from "../domain/debrief/steps.ts";
import { debriefTexts, type DebriefTexts } from "../domain/debrief/texts.ts";
import type { SentBack } from "../domain/debrief/ports.ts";
import type { Locale } from "../i18n/locale.ts";
import { cardText, type CardText, type PlainCardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

/** One field as the templates show it; text slots are CardText (labels are plain text in Teams). */
interface FieldData {
  kind: StepField["kind"];
  id: string;
  label: PlainCardText;
  style: string;
  placeholder: string;
  multi: boolean;
  required: boolean;
  requiredMessage: string;
  /** a number for Input.Number, text otherwise */
  value: string | number;
  /** a compact choice set is a plain <select>; an expanded one renders its titles as markdown */
  options: { title: CardText | PlainCardText; value: string }[];
  min: number;
  max: number;
  previous: CardText;
  help: CardText;
  error: CardText;
}

export interface DebriefCardInput {
  screen: DebriefScreen;
  locale: Locale;
  /** the coach's clients for the picker on the first card (already filtered to what they may read) */
  clients?: { id: string; label: string }[];
  /** classifications sent back to the coach, offered first on the first card */
  sentBack?: SentBack[];
}

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/**
 * The client picker: a few clients (a search that fit several) are radio buttons, one tap each, the client
 * number kept whole on a phone by a non-breaking hyphen; a whole caseload is a typeahead (Teams filters as the
 * coach types); a client already chosen is a dropdown, since Teams on iOS drops a typeahead's preset value
 * (MicrosoftDocs/msteams-docs#10472).
 */
function clientPicker(clients: { id: string; label: string }[], chosen: boolean) {
  const few = clients.length <= 5;
  return {
    style: few ? "expanded" : chosen ? "compact" : "filtered",
    options: clients.map((c) => {
      const label = few ? c.label.replace(/(\p{L})-(\d)/gu, "$1\u2011$2") : c.label;
      return { value: c.id, label: { nl: label, en: label } };
    }),
  };
}

function fieldData(
  f: StepField,
  s: DebriefTexts,
  locale: Locale,
  screen: DebriefScreen,
  clients: { id: string; label: string }[],
): FieldData {
  // a refused submit shows what the coach chose again
  const value = screen.values && f.id in screen.values ? str(screen.values[f.id]) : (f.value ?? "");
  const picker = f.id === "clientId" ? clientPicker(clients, value !== "") : null;
  const style = picker?.style ?? f.style ?? "compact";
  const options = picker?.options ?? f.options ?? [];
  const problem = screen.problems?.[f.id];
  return {
    kind: f.kind,
    id: f.id,
    label: cardText(f.label[locale], "plain"),
    style,
    placeholder: picker ? s.clientPlaceholder : "",
    multi: f.multi ?? false,
    required: f.required,
    requiredMessage: s.problems.required,
    value: f.kind === "number" ? (value !== "" && Number.isFinite(Number(value)) ? Number(value) : "") : value,
    // compact and filtered choice sets show their titles as plain text; expanded ones render markdown
    options: options.map((o) => ({
      title: style === "expanded" ? cardText(o.label[locale]) : cardText(o.label[locale], "plain"),
      value: o.value,
    })),
    min: f.min ?? 0,
    max: f.max ?? 0,
    previous: cardText(f.previous?.[locale]),
    help: cardText(f.help?.[locale]),
    error: cardText(problem ? s.problems[problem] : ""),
  };
}

/** The inputs of one field without templating, for the fallback card. */
function fieldElements(f: FieldData): unknown[] {
  const common = { id: f.id, label: f.label, isRequired: f.required, errorMessage: f.requiredMessage };
  const value = f.value === "" ? {} : { value: f.value };
  const input =
    f.kind === "choice"
      ? {
          type: "Input.ChoiceSet",
          ...common,
          ...value,
          style: f.style,
          isMultiSelect: f.multi,
          wrap: true,
          ...(f.placeholder ? { placeholder: f.placeholder } : {}),
          choices: f.options,
        }
      : f.kind === "date"
        ? { type: "Input.Date", ...common, ...value }
        : f.kind === "number"
          ? { type: "Input.Number", ...common, ...value, min: f.min, max: f.max }
          : { type: "Input.Toggle", id: f.id, title: f.label, valueOn: "true", valueOff: "false", ...value };
  return [
    input,
    ...[f.previous, f.help, f.error]
      .filter((t) => t !== "")
      .map((t) => ({ type: "TextBlock", text: t, wrap: true, size: "Small", spacing: "None" })),
  ];
}

/** "Vorige keer (12-05-2026): trede 3 · … · 3.2 Voorbereiden", once a client is chosen. */
function previousLine(screen: DebriefScreen, s: DebriefTexts, locale: Locale): string {
  if (!screen.client) return "";
  const p = screen.ctx.previous;
  if (!p) return s.noPrevious;
  const { view } = screen.ctx;
  return s.previousLine(
    showDay(p.observedOn, locale),
    rungLabel(view, p.rung)[locale],
    p.substep === null ? "" : view.substepLabel(p.rung, p.substep)[locale],
  );
}

export function renderDebriefCard(input: DebriefCardInput): AdaptiveCard {
  return STEPS[input.screen.step].card === "debrief-proposal" ? renderProposal(input) : renderStep(input);
}

function common(input: DebriefCardInput) {
  const { screen, locale } = input;
  const s = debriefTexts(locale);
  const { step, of } = progress(screen.ctx);
  const def = STEPS[screen.step];
  const problems = screen.problems ?? {};
  const fields = def
    .fields(screen.ctx, { confirm: screen.confirm ?? null, values: screen.values })
    .map((f) => fieldData(f, s, locale, screen, input.clients ?? []));
  const fieldIds = new Set(fields.map((f) => f.id));
  // a problem without a field of its own (or the summary of several) sits at the top
  const loose = Object.entries(problems).filter(([id]) => !fieldIds.has(id) && id !== "rung" && id !== "reason");
  const top = loose.length ? s.problems[loose[0][1]] : Object.keys(problems).length > 1 ? s.fixBelow : "";
  return {
    s,
    fields,
    progress: cardText(s.progress(step, of, screen.client?.client.displayName ?? null)),
    title: cardText(def.title[locale]),
    error: cardText(top),
    previousLine: cardText(previousLine(screen, s, locale)),
    draftId: screen.ctx.draft.draftId,
    seq: screen.ctx.draft.seq,
  };
}

function renderStep(input: DebriefCardInput): AdaptiveCard {
  const { screen, locale } = input;
  const c = common(input);
  const s = c.s;
  const intro = STEPS[screen.step].intro?.(screen.ctx)?.[locale] ?? "";
  const sentBack = screen.step === "contact" && screen.ctx.draft.trail.length === 0 ? (input.sentBack ?? []) : [];
  const data = {
    progress: c.progress,
    title: c.title,
    previousLine: c.previousLine,
    intro: cardText(screen.step === "contact" && !(input.clients ?? []).length && !screen.client ? s.noClients : intro),
    error: c.error,
    sentBack: sentBack.map((b) => ({
      text: cardText(s.sentBack(b.clientName, b.reviewNote)),
      action: cardText(s.sentBackAction, "plain"),
      classificationId: b.classificationId,
    })),
    draftId: c.draftId,
    seq: c.seq,
    canGoBack: screen.ctx.draft.trail.length > 0,
    labels: { next: s.next, back: s.back, cancel: s.cancel },
    fields: c.fields,
  };
  const payload = (verb: string) => ({ verb, draftId: data.draftId, seq: data.seq });
  return renderCard("debrief-step", data, (correlationId) =>
    fallbackCard({
      locale,
      correlationId,
      lines: [data.progress, data.title, ...data.sentBack.map((b) => b.text), data.previousLine, data.intro, data.error],
      body: data.fields.flatMap(fieldElements),
      actions: [
        ...data.sentBack.map((b) => ({
          type: "Action.Submit",
          title: b.action,
          associatedInputs: "none",
          data: { verb: "debrief.reopen", classificationId: b.classificationId },
        })),
        { type: "Action.Submit", title: s.next, style: "positive", data: payload("debrief.next") },
        ...(data.canGoBack ? [{ type: "Action.Submit", title: s.back, associatedInputs: "none", data: payload("debrief.back") }] : []),
        { type: "Action.Submit", title: s.cancel, associatedInputs: "none", data: payload("debrief.cancel") },
      ],
    }),
  );
}

function renderProposal(input: DebriefCardInput): AdaptiveCard {
  const { screen, locale } = input;
  const c = common(input);
  const s = c.s;
  const { view, draft } = screen.ctx;
  const facts = screen.proposal!;
  const { proposal } = facts;
  const reasons = facts.approval.reasons.map((r) =>
    r === "JUMP"
      ? s.reasons.JUMP(facts.approval.previousRung ?? 0, proposal.rung)
      : r === "OVERRIDE"
        ? s.reasons.OVERRIDE
        : r === "ALWAYS"
          ? s.reasons.ALWAYS
          : s.reasons.ONTHEFFING,
  );
  const asksSubstep = c.fields.some((f) => f.id === "nextStep");
  const overrideOptions = view.rungs.flatMap((r) => [
    {
      title: `${rungLabel(view, r.rung)[locale]}${r.rung < view.topRung ? ` (${s.noSubstep.toLowerCase()})` : ""}`,
      value: String(r.rung),
    },
    ...view
      .substepChoices(r.rung)
      .map((o) => ({ title: view.substepLabel(r.rung, Number(o.value.split(".")[1]))[locale], value: o.value })),
  ]);
  const values = screen.overrideOpen ? (screen.values ?? {}) : {};
  const problems = screen.problems ?? {};
  const data = {
    progress: c.progress,
    title: c.title,
    error: c.error,
    reviewNote: cardText(draft.reviewNote ? s.reviewNote(draft.reviewNote) : ""),
    previousLine: c.previousLine,
    facts: [
      { title: s.rung, value: rungLabel(view, proposal.rung)[locale] },
      ...(!asksSubstep && proposal.substep !== null
        ? [{ title: s.substep, value: view.substepLabel(proposal.rung, proposal.substep)[locale] }]
        : []),
    ].map((f) => ({ title: cardText(f.title), value: cardText(f.value) })),
    explanation: cardText(proposal.explanation[locale]),
    warnings: proposal.warnings.map((w) => cardText(w[locale])),
    approval: cardText(reasons.length ? s.approval(reasons.join("; ")) : ""),
    fields: c.fields,
    overrideOpen: screen.overrideOpen ?? false,
    confirmStyle: screen.overrideOpen ? "default" : "positive",
    override: {
      value: str(values.rung) || (proposal.substep === null ? String(proposal.rung) : `${proposal.rung}.${proposal.substep}`),
      reason: cardText(str(values.reason), "plain"),
      // radio buttons (markdown), so a long rung name wraps on a phone instead of being cut off in a dropdown
      options: overrideOptions.map((o) => ({ title: cardText(o.title), value: o.value })),
      rungError: cardText(problems.rung ? s.problems[problems.rung] : ""),
      reasonError: cardText(problems.reason ? s.reasonRequired : ""),
      note: cardText(facts.overrideNeedsApproval ? s.approvalOnOverride : ""),
    },
    draftId: c.draftId,
    seq: c.seq,
    labels: {
      confirm: s.confirm,
      adjust: s.adjust,
      back: s.back,
      adjustTo: s.adjustTo,
      reason: s.reason,
      reasonRequired: s.reasonRequired,
      saveAdjusted: s.saveAdjusted,
      required: s.chooseRung,
    },
  };
  const payload = (verb: string) => ({ verb, draftId: data.draftId, seq: data.seq });
  const overrideInputs = [
    {
      type: "Input.ChoiceSet",
      id: "rung",
      label: s.adjustTo,
      style: "expanded",
      wrap: true,
      isRequired: true,
      errorMessage: s.chooseRung,
      value: data.override.value,
      choices: data.override.options,
    },
    {
      type: "Input.Text",
      id: "reason",
      label: s.reason,
      isMultiline: true,
      isRequired: true,
      errorMessage: s.reasonRequired,
      maxLength: 500,
      ...(data.override.reason ? { value: data.override.reason } : {}),
    },
  ];
  return renderCard("debrief-proposal", data, (correlationId) =>
    fallbackCard({
      locale,
      correlationId,
      lines: [data.progress, data.title, data.error, data.reviewNote, data.previousLine, data.approval],
      facts: data.facts,
      body: [
        ...[data.explanation, ...data.warnings].filter((t) => t !== "").map((t) => ({ type: "TextBlock", text: t, wrap: true })),
        ...data.fields.flatMap(fieldElements),
        ...(data.overrideOpen ? overrideInputs : []),
      ],
      actions: [
        ...(data.overrideOpen
          ? [{ type: "Action.Submit", title: s.saveAdjusted, style: "positive", data: payload("debrief.override") }]
          : []),
        { type: "Action.Submit", title: s.confirm, data: payload("debrief.confirm") },
        ...(data.overrideOpen
          ? []
          : [
              {
                type: "Action.ShowCard",
                title: s.adjust,
                card: {
                  type: "AdaptiveCard",
                  body: overrideInputs,
                  actions: [{ type: "Action.Submit", title: s.saveAdjusted, data: payload("debrief.override") }],
                },
              },
            ]),
        { type: "Action.Submit", title: s.back, associatedInputs: "none", data: payload("debrief.back") },
      ],
    }),
  );
}

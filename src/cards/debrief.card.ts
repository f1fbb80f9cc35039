// Renders the debrief cards (one step per card, phone-friendly) from the flow state and the ladder view.
import type { ContactKind, DebriefDraft, StepId } from "../domain/debrief/debrief-flow.ts";
import { domainsToAsk, progress } from "../domain/debrief/debrief-flow.ts";
import type { FlowQuestion, LadderView, ProposalView } from "../domain/debrief/ladder-view.ts";
import type { Locale } from "../i18n/locale.ts";
import { cardText, type CardText, type PlainCardText } from "./card-text.ts";
import { fallbackCard } from "./fallback-card.ts";
import { renderCard, type AdaptiveCard } from "./render-card.ts";

export interface CardField {
  kind: "choice" | "date" | "number" | "text";
  id: string;
  label: string;
  value: unknown;
  required: boolean;
  /** filtered: a typeahead in Teams (static choices, filtered as the coach types) */
  style?: "compact" | "expanded" | "filtered";
  multi?: boolean;
  options?: { title: string; value: string }[];
  help?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  placeholder?: string;
}

/** Problems to show next to fields (field id -> message) or above them ("" key). */
export type FieldErrors = Record<string, string>;

export const debriefText = {
  nl: {
    progress: (n: number, m: number, client: string | null) => `Stap ${n} van ${m}${client ? ` · ${client}` : ""}`,
    next: "Volgende",
    back: "Terug",
    cancel: "Annuleren",
    required: "Kies of vul dit in.",
    contactTitle: "Nieuw verslag",
    contactIntro: "Over welk gesprek gaat het?",
    client: "Klant",
    clientPlaceholder: "Typ een achternaam of klantnummer",
    noClients: "Je hebt (nog) geen actieve klanten in Trede.",
    date: "Datum van het contact",
    kind: "Soort contact",
    kinds: { HUISBEZOEK: "Huisbezoek", KANTOOR: "Op kantoor", TELEFONISCH: "Telefonisch", VIDEO: "Video" } as Record<ContactKind, string>,
    reached: "Is de klant bereikt?",
    yes: "Ja",
    no: "Nee",
    substepTitle: "Tussenstap",
    ladderTitle: "Participatieladder",
    expectedTitle: "Verwachting",
    expectedRung: (months: number) => `Verwachte trede over ${months} maanden`,
    unknown: "Onbekend",
    horizon: "Termijn (maanden)",
    growth: "Kan de klant binnen een jaar 1 of meer treden stijgen?",
    growthOptions: { ja: "Ja", nee: "Nee", onbekend: "Onbekend" },
    domainsTitle: "Leefdomeinen (ZRM)",
    domainsIntro: "Scoor alleen wat besproken is. 1 acute problematiek · 2 niet zelfredzaam · 3 beperkt zelfredzaam · 4 voldoende zelfredzaam · 5 volledig zelfredzaam.",
    notDiscussed: "Niet besproken",
    previousScore: (s: number | null | undefined) => (s === undefined ? "" : ` (vorige keer: ${s === null ? "niet besproken" : s})`),
    specialDomain: (why: string) => `Gevoelig domein, alleen omdat je team dit vastlegt${why ? `: ${why}` : ""}. Leg een functionele conclusie vast, geen diagnose.`,
    verdiepingTitle: "Verdieping",
    outcomeTitle: "Uitkomst en vervolg",
    outcome: "Uitkomst / vervolg",
    nextContact: "Volgend contact",
    nextContactHelp: "Contact minstens eens per jaar houdt de klant in beeld.",
  },
  en: {
    progress: (n: number, m: number, client: string | null) => `Step ${n} of ${m}${client ? ` · ${client}` : ""}`,
    next: "Next",
    back: "Back",
    cancel: "Cancel",
    required: "Please choose or fill this in.",
    contactTitle: "New debrief",
    contactIntro: "Which contact is this about?",
    client: "Client",
    clientPlaceholder: "Type a surname or client number",
    noClients: "You have no active clients in Trede (yet).",
    date: "Date of the contact",
    kind: "Kind of contact",
    kinds: { HUISBEZOEK: "Home visit", KANTOOR: "At the office", TELEFONISCH: "By phone", VIDEO: "Video call" } as Record<ContactKind, string>,
    reached: "Was the client reached?",
    yes: "Yes",
    no: "No",
    substepTitle: "Substep",
    ladderTitle: "Participation ladder",
    expectedTitle: "Expectation",
    expectedRung: (months: number) => `Expected rung in ${months} months`,
    unknown: "Unknown",
    horizon: "Horizon (months)",
    growth: "Can the client climb one or more rungs within a year?",
    growthOptions: { ja: "Yes", nee: "No", onbekend: "Unknown" },
    domainsTitle: "Life domains (ZRM)",
    domainsIntro: "Only score what was discussed. 1 acute problems · 2 not self-reliant · 3 limited · 4 sufficiently · 5 fully self-reliant.",
    notDiscussed: "Not discussed",
    previousScore: (s: number | null | undefined) => (s === undefined ? "" : ` (last time: ${s === null ? "not discussed" : s})`),
    specialDomain: (why: string) => `Sensitive domain, asked only because your team records it${why ? `: ${why}` : ""}. Record a functional conclusion, not a diagnosis.`,
    verdiepingTitle: "Further questions",
    outcomeTitle: "Outcome and follow-up",
    outcome: "Outcome / follow-up",
    nextContact: "Next contact",
    nextContactHelp: "Contact at least once a year keeps the client in view.",
  },
};

export interface StepCardInput {
  view: LadderView;
  draft: DebriefDraft;
  step: StepId;
  locale: Locale;
  clientName: string | null;
  clients: { id: string; label: string }[];
  previousScores: Record<string, number | null>;
  /** why the team records special-category domains (health, substance use, justice), shown with them */
  specialDomainsReason?: string | null;
  today: string;
  errors?: FieldErrors;
}

const choice = (q: FlowQuestion, locale: Locale, value: unknown): CardField => ({
  kind: "choice",
  id: "answer",
  label: q.text[locale],
  help: q.help?.[locale],
  style: "expanded",
  multi: q.multi,
  required: !q.multi,
  value: Array.isArray(value) ? value.join(",") : value,
  options: q.options.map((o) => ({ title: o.label[locale], value: o.value })),
});

function stepFields(input: StepCardInput): { title: string; intro: string; fields: CardField[] } {
  const { view, draft, step, locale } = input;
  const s = debriefText[locale];
  const pre = draft.prefill[step] as any;
  if (step === "contact") {
    const c = (pre ?? draft.contact ?? {}) as { date?: string; kind?: string; reached?: boolean };
    return {
      title: s.contactTitle,
      intro: input.clients.length ? s.contactIntro : s.noClients,
      fields: [
        // a few clients (a search that fit several): one tap each, the client number kept whole on a phone
        // by a non-breaking hyphen; a whole caseload: type to filter (so the number keeps the hyphen one
        // types); a client already chosen: a dropdown, since Teams on iOS drops a typeahead's preset value
        // (MicrosoftDocs/msteams-docs#10472)
        {
          kind: "choice",
          id: "clientId",
          label: s.client,
          style: input.clients.length <= 5 ? "expanded" : draft.clientId ? "compact" : "filtered",
          placeholder: s.clientPlaceholder,
          required: true,
          value: draft.clientId ?? "",
          options: input.clients.map((c) => ({ title: input.clients.length <= 5 ? c.label.replace(/(\p{L})-(\d)/gu, "$1\u2011$2") : c.label, value: c.id })),
        },
        { kind: "date", id: "date", label: s.date, required: true, value: c.date ?? input.today },
        { kind: "choice", id: "kind", label: s.kind, style: "compact", required: true, value: c.kind ?? "HUISBEZOEK", options: Object.entries(s.kinds).map(([value, title]) => ({ title, value })) },
        { kind: "choice", id: "reached", label: s.reached, style: "expanded", required: true, value: c.reached === false ? "nee" : "ja", options: [{ title: s.yes, value: "ja" }, { title: s.no, value: "nee" }] },
      ],
    };
  }
  if (step.startsWith("ladder:")) {
    const q = view.nextLadderQuestion(draft.ladder)!;
    return { title: s.ladderTitle, intro: "", fields: [choice(q, locale, pre ?? "")] };
  }
  if (step === "substep") {
    const q = view.substepQuestion(draft.ladder)!;
    const value = pre?.[q.id] ?? "";
    return { title: s.substepTitle, intro: "", fields: [choice(q, locale, value)] };
  }
  if (step === "expected") {
    const e = (pre ?? {}) as { rung?: number | null; horizonMonths?: number; growthPotential?: string };
    const horizon = e.horizonMonths ?? 12;
    return {
      title: s.expectedTitle,
      intro: "",
      fields: [
        {
          kind: "choice",
          id: "expectedRung",
          label: s.expectedRung(horizon),
          style: "compact",
          required: true,
          value: e.rung === undefined ? "" : e.rung === null ? "onbekend" : String(e.rung),
          options: [...view.rungs.map((r) => ({ title: `${r.rung} · ${r.name[locale]}`, value: String(r.rung) })), { title: s.unknown, value: "onbekend" }],
        },
        { kind: "number", id: "horizonMonths", label: s.horizon, required: true, value: horizon, min: 1, max: 36 },
        {
          kind: "choice",
          id: "growthPotential",
          label: s.growth,
          style: "expanded",
          required: true,
          value: e.growthPotential ?? "",
          options: Object.entries(s.growthOptions).map(([value, title]) => ({ title, value })),
        },
      ],
    };
  }
  if (step === "domains") {
    const values = (pre ?? {}) as Record<string, number | null>;
    return {
      title: s.domainsTitle,
      intro: s.domainsIntro,
      fields: domainsToAsk(view, draft).map((d) => ({
        kind: "choice" as const,
        id: `domain_${d.code}`,
        label: `${d.name[locale]}${s.previousScore(input.previousScores[d.code])}`,
        help: d.special ? s.specialDomain(input.specialDomainsReason ?? "") : undefined,
        style: "compact" as const,
        required: true,
        value: d.code in values ? (values[d.code] === null ? "nb" : String(values[d.code])) : "nb",
        options: [{ title: s.notDiscussed, value: "nb" }, ...[1, 2, 3, 4, 5].map((n) => ({ title: String(n), value: String(n) }))],
      })),
    };
  }
  if (step === "verdieping") {
    const values = (pre ?? {}) as Record<string, string>;
    return {
      title: s.verdiepingTitle,
      intro: "",
      // every verdieping question may stay open: "not known (yet)" is an honest answer
      fields: view.verdieping.map((q) => ({ ...choice(q, locale, values[q.id] ?? ""), id: q.id, style: "compact" as const, required: false })),
    };
  }
  // outcome
  const o = (pre ?? {}) as { outcome?: string; nextContactDate?: string | null };
  return {
    title: s.outcomeTitle,
    intro: "",
    fields: [
      { kind: "choice", id: "outcome", label: s.outcome, style: "expanded", required: true, value: o.outcome ?? "", options: view.outcomes.map((x) => ({ title: x.label[locale], value: x.value })) },
      { kind: "date", id: "nextContactDate", label: s.nextContact, required: false, value: o.nextContactDate ?? "", help: s.nextContactHelp },
    ],
  };
}

/** One field as cards/debrief-step.json shows it; text slots are CardText (labels are plain text in Teams). */
interface StepFieldData {
  kind: CardField["kind"];
  id: string;
  label: PlainCardText;
  style: string;
  multi: boolean;
  required: boolean;
  requiredMessage: string;
  value: unknown;
  /** a compact or filtered choice set shows its titles as plain text; an expanded one renders them as markdown */
  options: { title: CardText | PlainCardText; value: string }[];
  min: number;
  max: number;
  maxLength: number;
  placeholder: PlainCardText;
  help: CardText;
  error: CardText;
}

interface StepCardData {
  progress: CardText;
  title: CardText;
  intro: CardText;
  error: CardText;
  draftId: string;
  seq: number;
  canGoBack: boolean;
  labels: { next: string; back: string; cancel: string };
  fields: StepFieldData[];
}

/** The inputs of one field without templating, for the fallback card. */
function fieldElements(f: StepFieldData): unknown[] {
  const common = { id: f.id, label: f.label, isRequired: f.required, errorMessage: f.requiredMessage };
  const value = f.value === "" || f.value === null || f.value === undefined ? {} : { value: f.value };
  const input =
    f.kind === "choice"
      ? { type: "Input.ChoiceSet", ...common, ...value, style: f.style, isMultiSelect: f.multi, wrap: true, placeholder: f.placeholder, choices: f.options }
      : f.kind === "date"
        ? { type: "Input.Date", ...common, ...value }
        : f.kind === "number"
          ? { type: "Input.Number", ...common, ...value, min: f.min, max: f.max }
          : { type: "Input.Text", ...common, ...value, isMultiline: true, maxLength: f.maxLength, placeholder: f.placeholder };
  return [input, ...[f.help, f.error].filter((t) => t !== "").map((t) => ({ type: "TextBlock", text: t, wrap: true, size: "Small", spacing: "None" }))];
}

const stepActions = (data: { draftId: string; seq: number; canGoBack: boolean; labels: { next: string; back: string; cancel: string } }) => {
  const payload = (verb: string) => ({ verb, draftId: data.draftId, seq: data.seq });
  return [
    { type: "Action.Submit", title: data.labels.next, style: "positive", data: payload("debrief.next") },
    ...(data.canGoBack ? [{ type: "Action.Submit", title: data.labels.back, associatedInputs: "none", data: payload("debrief.back") }] : []),
    { type: "Action.Submit", title: data.labels.cancel, associatedInputs: "none", data: payload("debrief.cancel") },
  ];
};

export function renderDebriefStepCard(input: StepCardInput): AdaptiveCard {
  const s = debriefText[input.locale];
  const { title, intro, fields } = stepFields(input);
  const { step, of } = progress(input.view, input.draft);
  const errors = input.errors ?? {};
  const data: StepCardData = {
    progress: cardText(s.progress(step, of, input.clientName)),
    title: cardText(title),
    intro: cardText(intro),
    error: cardText(errors[""]),
    draftId: input.draft.draftId,
    seq: input.draft.seq,
    canGoBack: input.draft.trail.length > 0,
    labels: { next: s.next, back: s.back, cancel: s.cancel },
    fields: fields.map((f) => {
      const style = f.style ?? "compact";
      return {
        kind: f.kind,
        id: f.id,
        label: cardText(f.label, "plain"),
        style,
        multi: f.multi ?? false,
        required: f.required,
        requiredMessage: s.required,
        value: f.value ?? "",
        options: (f.options ?? []).map((o) => ({ title: style === "expanded" ? cardText(o.title) : cardText(o.title, "plain"), value: o.value })),
        min: f.min ?? 0,
        max: f.max ?? 0,
        maxLength: f.maxLength ?? 500,
        placeholder: cardText(f.placeholder, "plain"),
        help: cardText(f.help),
        error: cardText(errors[f.id]),
      };
    }),
  };
  return renderCard("debrief-step", data, (correlationId) =>
    fallbackCard({ locale: input.locale, correlationId, lines: [data.progress, data.title, data.intro, data.error], body: data.fields.flatMap(fieldElements), actions: stepActions(data) }),
  );
}

const proposalText = {
  nl: {
    title: "Voorstel",
    rung: "Trede",
    substep: "Tussenstap",
    expected: "Verwachte trede",
    confirm: "Bevestigen",
    adjust: "Aanpassen",
    back: "Terug",
    pickRung: "Trede",
    pickSubstep: "Tussenstap",
    reason: "Waarom pas je het voorstel aan?",
    reasonRequired: "Geef een reden; die wordt bewaard en door de werkbegeleider gelezen.",
    saveAdjusted: "Aangepast bevestigen",
    required: "Kies een trede.",
    noSubstep: "Geen tussenstap",
    unknown: "Onbekend",
    months: (n: number) => `over ${n} maanden`,
    reviewNote: (note: string) => `De werkbegeleider schreef: "${note}"`,
  },
  en: {
    title: "Proposal",
    rung: "Rung",
    substep: "Substep",
    expected: "Expected rung",
    confirm: "Confirm",
    adjust: "Adjust",
    back: "Back",
    pickRung: "Rung",
    pickSubstep: "Substep",
    reason: "Why do you adjust the proposal?",
    reasonRequired: "Please give a reason; it is stored and read by the supervisor.",
    saveAdjusted: "Confirm adjusted",
    required: "Choose a rung.",
    noSubstep: "No substep",
    unknown: "Unknown",
    months: (n: number) => `in ${n} months`,
    reviewNote: (note: string) => `The supervisor wrote: "${note}"`,
  },
};

interface ProposalCardData {
  progress: CardText;
  title: CardText;
  error: CardText;
  reviewNote: CardText;
  facts: { title: CardText; value: CardText }[];
  explanation: CardText;
  warnings: CardText[];
  draftId: string;
  seq: number;
  rungValue: string;
  substepValue: string;
  /** radio buttons (markdown), so a long rung name wraps on a phone instead of being cut off in a dropdown */
  rungOptions: { title: CardText; value: string }[];
  substepOptions: { title: PlainCardText; value: string }[];
  labels: Record<"confirm" | "adjust" | "back" | "rung" | "substep" | "reason" | "reasonRequired" | "saveAdjusted" | "required", string>;
}

/** The proposal's actions without templating, for the fallback card (same verbs, same inputs). */
function proposalActions(d: ProposalCardData): unknown[] {
  const payload = (verb: string) => ({ verb, draftId: d.draftId, seq: d.seq });
  return [
    { type: "Action.Submit", title: d.labels.confirm, style: "positive", associatedInputs: "none", data: payload("debrief.confirm") },
    {
      type: "Action.ShowCard",
      title: d.labels.adjust,
      card: {
        type: "AdaptiveCard",
        body: [
          { type: "Input.ChoiceSet", id: "rung", label: d.labels.rung, style: "expanded", wrap: true, isRequired: true, errorMessage: d.labels.required, value: d.rungValue, choices: d.rungOptions },
          { type: "Input.ChoiceSet", id: "substep", label: d.labels.substep, style: "compact", value: d.substepValue, choices: d.substepOptions },
          { type: "Input.Text", id: "reason", label: d.labels.reason, isMultiline: true, isRequired: true, errorMessage: d.labels.reasonRequired, maxLength: 500 },
        ],
        actions: [{ type: "Action.Submit", title: d.labels.saveAdjusted, data: payload("debrief.override") }],
      },
    },
    { type: "Action.Submit", title: d.labels.back, associatedInputs: "none", data: payload("debrief.back") },
  ];
}

export function renderProposalCard(input: {
  view: LadderView;
  draft: DebriefDraft;
  proposal: ProposalView;
  locale: Locale;
  clientName: string;
  error?: string;
}): AdaptiveCard {
  const { view, draft, proposal, locale } = input;
  const s = proposalText[locale];
  const d = debriefText[locale];
  const { step, of } = progress(view, draft);
  const rungName = (r: number) => view.rungs.find((x) => x.rung === r)?.name[locale] ?? String(r);
  const expected = draft.expected;
  const substepOptions = [{ title: s.noSubstep, value: "none" }, ...[1, 2, 3].map((n) => ({ title: view.substepLabel(proposal.rung, n)[locale], value: String(n) }))];
  const data: ProposalCardData = {
    progress: cardText(d.progress(step, of, input.clientName)),
    title: cardText(s.title),
    error: cardText(input.error),
    reviewNote: cardText(draft.reviewNote ? s.reviewNote(draft.reviewNote) : ""),
    facts: [
      { title: s.rung, value: `${proposal.rung} · ${rungName(proposal.rung)}` },
      { title: s.substep, value: view.substepLabel(proposal.rung, proposal.substep)[locale] },
      {
        title: s.expected,
        value: expected?.rung == null ? s.unknown : `${expected.rung} · ${rungName(expected.rung)} (${s.months(expected.horizonMonths)})`,
      },
    ].map((f) => ({ title: cardText(f.title), value: cardText(f.value) })),
    explanation: cardText(proposal.explanation[locale]),
    warnings: proposal.warnings.map((w) => cardText(w[locale])),
    draftId: draft.draftId,
    seq: draft.seq,
    rungValue: String(proposal.rung),
    substepValue: proposal.substep === null ? "none" : String(proposal.substep),
    rungOptions: view.rungs.map((r) => ({ title: cardText(`${r.rung} · ${r.name[locale]}`), value: String(r.rung) })),
    substepOptions: substepOptions.map((o) => ({ title: cardText(o.title, "plain"), value: o.value })),
    labels: {
      confirm: s.confirm,
      adjust: s.adjust,
      back: s.back,
      rung: s.pickRung,
      substep: s.pickSubstep,
      reason: s.reason,
      reasonRequired: s.reasonRequired,
      saveAdjusted: s.saveAdjusted,
      required: s.required,
    },
  };
  return renderCard("debrief-proposal", data, (correlationId) =>
    fallbackCard({
      locale,
      correlationId,
      lines: [data.progress, data.title, data.error, data.reviewNote],
      facts: data.facts,
      body: [data.explanation, ...data.warnings].filter((t) => t !== "").map((t) => ({ type: "TextBlock", text: t, wrap: true })),
      actions: proposalActions(data),
    }),
  );
}

/** Everything here is shown as text: the handler composes titles and facts with client names. */
export function renderDebriefSummaryCard(input: { title: string; status: string; statusColor: "Good" | "Warning" | "Attention" | "Default"; facts: { title: string; value: string }[]; note: string; locale?: Locale }): AdaptiveCard {
  const data: { title: CardText; status: CardText; statusColor: string; facts: { title: CardText; value: CardText }[]; note: CardText } = {
    title: cardText(input.title),
    status: cardText(input.status),
    statusColor: input.statusColor,
    facts: input.facts.map((f) => ({ title: cardText(f.title), value: cardText(f.value) })),
    note: cardText(input.note),
  };
  return renderCard("debrief-summary", data, (correlationId) =>
    fallbackCard({ locale: input.locale ?? "nl", correlationId, lines: [data.title, data.status, data.note], facts: data.facts }),
  );
}

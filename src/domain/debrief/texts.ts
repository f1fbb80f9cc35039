// Every text the debrief shows, Dutch and English side by side, in one place: step titles and field
// labels (used by the step table), card buttons, problems next to fields and the handler's messages.
import type { Locale } from "../localized.ts";

export type FieldProblem =
  | "required"
  | "needed_for_rung"
  | "invalid_choice"
  | "invalid_date"
  | "date_in_future"
  | "date_too_old"
  | "date_in_past"
  | "invalid_number"
  | "substep_not_of_rung"
  | "confirm_expectation"
  | "not_in_caseload";

const nl = {
  problems: {
    required: "Kies of vul dit in.",
    needed_for_rung: "Nodig om de trede te bepalen: kies of vul dit in.",
    invalid_choice: "Deze keuze bestaat niet (meer). Kies opnieuw.",
    invalid_date: "Vul een geldige datum in.",
    date_in_future: "Deze datum ligt in de toekomst.",
    date_too_old: "Deze datum ligt meer dan een jaar terug.",
    date_in_past: "Deze datum ligt in het verleden.",
    invalid_number: "Vul een getal van 1 tot en met 36 in.",
    substep_not_of_rung: "Deze tussenstap hoort niet bij de gekozen trede.",
    confirm_expectation: "Bevestig dit, of pas de verwachting aan.",
    not_in_caseload: "Deze klant hoort niet bij jouw caseload. Kies een klant uit de lijst.",
  } satisfies Record<FieldProblem, string>,
  progress: (n: number, m: number, client: string | null) => `Stap ${n} van ${m}${client ? ` · ${client}` : ""}`,
  next: "Volgende",
  back: "Terug",
  cancel: "Annuleren",
  fixBelow: "Er ontbreekt nog iets; zie hieronder.",
  // step: contact
  contactTitle: "Nieuw verslag",
  contactIntro: "Over welk gesprek gaat het?",
  noClients: "Je hebt (nog) geen actieve klanten in Trede.",
  client: "Klant",
  date: "Datum van het contact",
  kind: "Soort contact",
  kinds: { HUISBEZOEK: "Huisbezoek", KANTOOR: "Op kantoor", TELEFONISCH: "Telefonisch", VIDEO: "Video" },
  reached: "Is de klant bereikt?",
  yes: "Ja",
  no: "Nee",
  // step: observations
  observationsTitle: "Situatie nu",
  observationsIntro: "Beantwoord de vragen van boven naar beneden tot de trede vaststaat; een vraag met 'alleen bij' sla je anders over.",
  askedWhen: (answers: string, question: number) => `Alleen bij ${answers} op vraag ${question}.`,
  domainsIntro: "Leefdomeinen (ZRM): scoor alleen wat besproken is. 1 acuut · 2 niet zelfredzaam · 3 beperkt · 4 voldoende · 5 volledig zelfredzaam.",
  notDiscussed: "Niet besproken",
  specialDomain: (why: string) => `Gevoelig domein, alleen omdat je team dit vastlegt${why ? `: ${why}` : ""}. Leg een functionele conclusie vast, geen diagnose.`,
  verdiepingChange: (date: string) => `Verdieping (opleiding, taal, inburgering, ontheffing) sinds ${date}`,
  verdiepingUnchanged: "Ongewijzigd",
  verdiepingUpdate: "Gewijzigd: bijwerken",
  // step: verdieping
  verdiepingTitle: "Verdieping",
  verdiepingIntro: "Vul in wat je weet; open laten mag.",
  // step: proposal
  proposalTitle: "Voorstel",
  rung: "Trede",
  substep: "Tussenstap",
  expected: "Verwachte trede",
  expectedRung: (months: number) => `Verwachte trede over ${months} maanden`,
  horizon: "Termijn (maanden)",
  growth: "Kan de klant binnen een jaar 1 of meer treden stijgen?",
  growthOptions: { ja: "Ja", nee: "Nee", onbekend: "Onbekend" },
  unknown: "Onbekend",
  outcome: "Uitkomst / vervolg",
  nextContact: "Volgend contact",
  nextContactHelp: "Contact minstens eens per jaar houdt de klant in beeld.",
  substepQuestion: (rung: number, name: string) => `Is er een volgende stap richting trede ${rung} (${name}) in beeld?`,
  noSubstep: "Geen tussenstap",
  confirm: "Bevestigen",
  adjust: "Aanpassen",
  adjustTo: "Trede en tussenstap",
  reason: "Waarom pas je het voorstel aan?",
  reasonRequired: "Geef een reden; die wordt bewaard en door de werkbegeleider gelezen.",
  saveAdjusted: "Aangepast bevestigen",
  chooseRung: "Kies een trede.",
  months: (n: number) => `over ${n} maanden`,
  reviewNote: (note: string) => `De werkbegeleider schreef: "${note}"`,
  belowCurrent: (expected: number, current: number) => `Klopt het dat de verwachte trede (${expected}) lager ligt dan de huidige (${current})?`,
  growthWithoutRise: "Klopt het: groeipotentieel 'ja', maar geen hogere verwachte trede?",
  confirmYes: "Ja, dit klopt",
  // previous classification
  previous: (date: string) => `vorige keer (${date})`,
  previousValue: (value: string, date: string) => `vorige keer: ${value} (${date})`,
  previousLine: (date: string, rung: string, substep: string) => `Vorige keer (${date}): trede ${rung}${substep ? ` · ${substep}` : ""}`,
  noPrevious: "Eerste verslag voor deze klant in Trede.",
  // who must approve
  approval: (why: string) => `Een werkbegeleider moet dit goedkeuren: ${why}.`,
  approvalOnOverride: "Aanpassen vraagt akkoord van een werkbegeleider.",
  reasons: {
    ALWAYS: "je team laat elke indeling beoordelen",
    OVERRIDE: "je past het voorstel aan",
    JUMP: (from: number, to: number) => `een sprong van trede ${from} naar ${to}`,
    ONTHEFFING: "er is een ontheffing arbeidsplicht vastgelegd",
  },
  // sent back by a supervisor
  sentBack: (client: string, note: string | null) => `Teruggestuurd door de werkbegeleider: ${client}${note ? ` — "${note}"` : ""}`,
  sentBackAction: (client: string) => `Verslag ${client} aanpassen`,
  // handler messages
  clientRefused: "Deze klant hoort niet bij jouw caseload. Kies een klant uit de lijst.",
  resumeTitle: (client: string | null, step: number) => `Je was bezig met een verslag${client ? ` over ${client}` : ""} (stap ${step}).`,
  resume: "Doorgaan",
  restart: "Opnieuw beginnen",
  retired: "Dit verslag gaat verder in een nieuw bericht hieronder; deze kaart is niet meer actief.",
  cancelled: "Verslag geannuleerd; er is niets opgeslagen.",
  notReachedTitle: "Contactpoging vastgelegd",
  notReachedNote: "De klant is niet bereikt; de poging telt mee in het bereik per wijk.",
  savedTitle: (client: string) => `Verslag opgeslagen: ${client}`,
  final: "Definitief",
  pending: (names: string[]) => (names.length ? `Wacht op akkoord van ${names.join(" of ")}` : "Wacht op akkoord van een werkbegeleider"),
  observedOn: "Peildatum",
  overridden: "Aangepast door coach",
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
};

export type DebriefTexts = typeof nl;

const en: DebriefTexts = {
  problems: {
    required: "Please choose or fill this in.",
    needed_for_rung: "Needed to decide the rung: please choose or fill this in.",
    invalid_choice: "This choice does not exist (any more). Please choose again.",
    invalid_date: "Please enter a valid date.",
    date_in_future: "This date is in the future.",
    date_too_old: "This date is more than a year ago.",
    date_in_past: "This date is in the past.",
    invalid_number: "Please enter a number from 1 to 36.",
    substep_not_of_rung: "This substep does not belong to the chosen rung.",
    confirm_expectation: "Please confirm this, or change the expectation.",
    not_in_caseload: "This client is not in your caseload. Please pick a client from the list.",
  },
  progress: (n, m, client) => `Step ${n} of ${m}${client ? ` · ${client}` : ""}`,
  next: "Next",
  back: "Back",
  cancel: "Cancel",
  fixBelow: "Something is missing; see below.",
  contactTitle: "New debrief",
  contactIntro: "Which contact is this about?",
  noClients: "You have no active clients in Trede (yet).",
  client: "Client",
  date: "Date of the contact",
  kind: "Kind of contact",
  kinds: { HUISBEZOEK: "Home visit", KANTOOR: "At the office", TELEFONISCH: "By phone", VIDEO: "Video call" },
  reached: "Was the client reached?",
  yes: "Yes",
  no: "No",
  observationsTitle: "Situation now",
  observationsIntro: "Answer from top to bottom until the rung is clear; skip a question marked 'only if' otherwise.",
  askedWhen: (answers, question) => `Only if ${answers} to question ${question}.`,
  domainsIntro: "Life domains (ZRM): only score what was discussed. 1 acute · 2 not self-reliant · 3 limited · 4 sufficiently · 5 fully self-reliant.",
  notDiscussed: "Not discussed",
  specialDomain: (why) => `Sensitive domain, asked only because your team records it${why ? `: ${why}` : ""}. Record a functional conclusion, not a diagnosis.`,
  verdiepingChange: (date) => `Further questions (education, language, civic integration, exemption) since ${date}`,
  verdiepingUnchanged: "Unchanged",
  verdiepingUpdate: "Changed: update",
  verdiepingTitle: "Further questions",
  verdiepingIntro: "Fill in what you know; leaving a question open is fine.",
  proposalTitle: "Proposal",
  rung: "Rung",
  substep: "Substep",
  expected: "Expected rung",
  expectedRung: (months) => `Expected rung in ${months} months`,
  horizon: "Horizon (months)",
  growth: "Can the client climb one or more rungs within a year?",
  growthOptions: { ja: "Yes", nee: "No", onbekend: "Unknown" },
  unknown: "Unknown",
  outcome: "Outcome / follow-up",
  nextContact: "Next contact",
  nextContactHelp: "Contact at least once a year keeps the client in view.",
  substepQuestion: (rung, name) => `Is a next step towards rung ${rung} (${name}) in view?`,
  noSubstep: "No substep",
  confirm: "Confirm",
  adjust: "Adjust",
  adjustTo: "Rung and substep",
  reason: "Why do you adjust the proposal?",
  reasonRequired: "Please give a reason; it is stored and read by the supervisor.",
  saveAdjusted: "Confirm adjusted",
  chooseRung: "Choose a rung.",
  months: (n) => `in ${n} months`,
  reviewNote: (note) => `The supervisor wrote: "${note}"`,
  belowCurrent: (expected, current) => `Is it right that the expected rung (${expected}) is below the current one (${current})?`,
  growthWithoutRise: "Is it right: growth potential 'yes', but no higher expected rung?",
  confirmYes: "Yes, that is right",
  previous: (date) => `last time (${date})`,
  previousValue: (value, date) => `last time: ${value} (${date})`,
  previousLine: (date, rung, substep) => `Last time (${date}): rung ${rung}${substep ? ` · ${substep}` : ""}`,
  noPrevious: "First debrief for this client in Trede.",
  approval: (why) => `A supervisor must approve this: ${why}.`,
  approvalOnOverride: "Adjusting needs a supervisor's approval.",
  reasons: {
    ALWAYS: "your team reviews every classification",
    OVERRIDE: "you adjust the proposal",
    JUMP: (from, to) => `a jump from rung ${from} to ${to}`,
    ONTHEFFING: "an exemption from the work obligation is recorded",
  },
  sentBack: (client, note) => `Sent back by the supervisor: ${client}${note ? ` — "${note}"` : ""}`,
  sentBackAction: (client) => `Revise debrief ${client}`,
  clientRefused: "This client is not in your caseload. Please pick a client from the list.",
  resumeTitle: (client, step) => `You were working on a debrief${client ? ` about ${client}` : ""} (step ${step}).`,
  resume: "Continue",
  restart: "Start over",
  retired: "This debrief continues in a new message below; this card is no longer active.",
  cancelled: "Debrief cancelled; nothing was stored.",
  notReachedTitle: "Contact attempt recorded",
  notReachedNote: "The client was not reached; the attempt counts towards reach per neighbourhood.",
  savedTitle: (client) => `Debrief stored: ${client}`,
  final: "Final",
  pending: (names) => (names.length ? `Waiting for approval by ${names.join(" or ")}` : "Waiting for a supervisor's approval"),
  observedOn: "Observed on",
  overridden: "Adjusted by coach",
  reviewNotice: (notified, listOnly) =>
    [
      notified.length ? `Sent for review to ${notified.join(", ")}.` : "",
      listOnly.length ? `${listOnly.join(", ")} will see it in the "review" list when they open Trede.` : "",
      !notified.length && !listOnly.length ? "This team has no supervisor in Trede yet; an administrator is needed to finish this." : "",
    ]
      .filter(Boolean)
      .join(" "),
  reopenRefused: "You cannot reopen this debrief.",
  nothingToResume: "No debrief in progress. Type **debrief** to start.",
};

export const DEBRIEF_TEXTS: Record<Locale, DebriefTexts> = { nl, en };

export const debriefTexts = (locale: Locale): DebriefTexts => DEBRIEF_TEXTS[locale];

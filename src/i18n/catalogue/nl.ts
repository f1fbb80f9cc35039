// Every sentence, label and word Trede shows a person, in Dutch (the default language), by area. English
// (./en.ts) is typed against this file, so the compiler demands every key in both; test/i18n/catalogue.test.ts
// checks the key sets, the function arities and that no text is empty. Imports types only, so the pure
// domain may use it too. Vocabulary the interpreter recognises in questions and ladder texts (ladders/*.json)
// are not here: those are data.
import type { ClientLine } from "../../domain/caseload/caseload-result.ts";
import type { NudgeReason } from "../../domain/nudges/nudge-rules.ts";
import type { FieldProblem } from "../../domain/debrief/field-problem.ts";
import type { ZrmCode } from "../../domain/ladder/zrm-codes.ts";
import { list } from "./list.ts";

const OUTCOMES: Record<string, string> = {
  werk: "doorverwijzing naar werk",
  wijkteam: "doorverwijzing naar het wijkteam",
  ontheffingsverzoek: "ontheffingsverzoek",
  participatieondersteuning: "ondersteuning bij participatie",
  eigen_kracht: "eigen kracht",
  geen_vervolg: "geen vervolg",
};
const RUNG5_REASONS: Record<string, string> = {
  instrument: "participatie-instrument",
  aanvulling: "aanvullende uitkering",
  wsw: "Wsw/beschut werk",
  educatie: "educatie naast werk",
};
const VERDIEPING: Record<string, string> = {
  participatieInstrument: "participatie-instrument ingezet",
  startkwalificatie: "startkwalificatie",
  laaggeletterdheid: "laaggeletterd",
  inburgeringsplichtig: "inburgeringsplichtig",
};

export const nl = {
  messages: {
    unknownUser: (id: string, tenant: string) =>
      `Je bent (nog) niet geregistreerd als medewerker in Trede. Vraag je functioneel beheerder om je toe te voegen met dit id: ${id} (tenant ${tenant}).`,
    tenantRefused: "Deze organisatie heeft geen toegang tot Trede.",
    error: (correlationId: string) =>
      `Er ging iets mis aan onze kant; er is niets verloren gegaan. Probeer het zo opnieuw. Meld bij aanhoudende problemen deze code aan je beheerder: ${correlationId}.`,
    databaseDown: (correlationId: string) => `Trede kan de gegevens nu niet bereiken. Probeer het zo opnieuw (code ${correlationId}).`,
    notUnderstood: "Dat begrijp ik niet. Typ **hulp** om te zien wat ik kan.",
    languageSet: "Ik spreek vanaf nu Nederlands met je.",
    staleCard: "Deze kaart is niet meer actueel. Gebruik de nieuwste kaart in het gesprek.",
    forbidden: "Dat mag je niet doen met jouw rol.",
    /** under a card shown in its simple form because its template failed; code ties it to the logged failure */
    simpleCard: (code: string) => `Deze kaart wordt in eenvoudige vorm getoond (code ${code}).`,
    personalOnly:
      "Over klanten praat ik alleen in je persoonlijke chat met Trede, zodat anderen in dit gesprek niets over hen lezen. Open de chat met Trede en vraag het daar.",
  },
  access: {
    notVisible: "Dit kan ik je niet laten zien: het bestaat niet (meer) of hoort niet bij de klanten die jij mag inzien.",
  },
  notifications: {
    demo: (sent: number, already: number) =>
      `Demo: ${sent} ${sent === 1 ? "melding" : "meldingen"} verstuurd${already ? `, ${already} deze week al eerder` : ""}.`,
    noTeam: "Je hoort bij geen team.",
    off: "Meldingen staan uit: Trede stuurt je geen wekelijkse herinneringen of overzichten meer. Typ **meldingen aan** om ze weer te krijgen.",
    on: "Meldingen staan aan: Trede stuurt je één keer per week, op een werkdag tussen 08:00 en 18:00, wat aandacht vraagt. Typ **meldingen uit** om ze uit te zetten.",
  },
  caseload: {
    notUnderstood: "Die vraag begrijp ik niet. Je kunt bijvoorbeeld vragen:",
    partly: (parts: string[]) =>
      `Dit deel van je vraag heb ik niet begrepen: ${parts.map((p) => `'${p}'`).join(", ")}. Ik geef liever geen antwoord op een andere vraag dan je stelde.`,
    nearest: "Het dichtstbijzijnde dat ik wel kan beantwoorden:",
    outOfScope: (what: string[], scope: string) =>
      `${what.map((w) => `'${w}'`).join(", ")} valt buiten wat jij mag zien (${scope}). Daarover geef ik geen antwoord.`,
    modelFallback: {
      unavailable: "(Het taalmodel was niet beschikbaar; ik heb de vraag zelf geïnterpreteerd.)",
      out_of_scope:
        "(Het taalmodel las een wijk, team of coach die ik niet ken of die buiten wat jij mag zien valt; ik heb de vraag zelf geïnterpreteerd.)",
    },
    mine: "mijn klanten",
    team: (name: string) => `team ${name}`,
    all: "alle teams",
  },
  review: {
    noteRequired: "Vul een toelichting in; de coach ziet die bij de afwijzing of vraag.",
    notReviewer: "Alleen een werkbegeleider van het team van deze klant kan dit beoordelen.",
    ownClassification: "Je kunt je eigen indeling niet zelf goedkeuren (vier ogen).",
    notFound: "Deze indeling bestaat niet (meer).",
    coachApproved: (client: string, who: string) => `${who} heeft de indeling van ${client} goedgekeurd.`,
    coachRejected: (client: string, who: string, note: string) =>
      `${who} heeft de indeling van ${client} afgewezen: "${note}". Open het verslag opnieuw om het aan te passen.`,
    coachReturned: (client: string, who: string, note: string) =>
      `${who} heeft een vraag over de indeling van ${client}: "${note}". Open het verslag opnieuw om te antwoorden.`,
    reopen: "Verslag heropenen",
    onlyReviewers: "Het overzicht van te beoordelen indelingen is voor werkbegeleiders en teamleiders.",
    alreadyDecided: "Deze indeling was al beoordeeld:",
    allTeams: "alle teams",
  },
  caseloadExport: {
    description: (n: number) =>
      `${n === 1 ? "1 klant" : `${n} klanten`} als CSV, voor eigen gebruik. Bewaar het bestand niet langer dan nodig.`,
    empty: "Deze lijst is leeg; er is niets te exporteren.",
    declined: "Geen bestand gemaakt.",
    failed: "Het bestand kon niet worden opgeslagen. Probeer het later opnieuw.",
    done: (n: number) => `Export klaar: ${n === 1 ? "1 klant" : `${n} klanten`}.`,
  },
  nudge: {
    title: "Klanten die aandacht vragen",
    intro: (n: number) =>
      `${n === 1 ? "Deze klant vraagt" : `Deze ${n} klanten vragen`} deze week aandacht. Kies “Verslag” om direct vast te leggen.`,
    start: "Verslag",
    reason: {
      leaving_view: (d: string) => `Uit beeld op ${d} (12 maanden zonder bereikt contact)`,
      classification_due: (d: string) => `Trede laatst gemeten op ${d} (langer dan 6 maanden geleden)`,
      sent_back: () => "Indeling teruggestuurd door de werkbegeleider",
    } satisfies Record<NudgeReason, (d: string) => string>,
    more: (n: number) => `En nog ${n} ${n === 1 ? "klant" : "klanten"}; typ “verslag” om te zoeken.`,
    footer: "Eén keer per week, op een werkdag. Liever geen meldingen? Typ “meldingen uit”.",
    summary: (n: number) => `${n} ${n === 1 ? "klant vraagt" : "klanten vragen"} aandacht`,
    unreachable: (names: string[]) =>
      `Trede kon ${names.join(", ")} deze week niet bereiken: ${names.length === 1 ? "deze collega heeft" : "deze collega's hebben"} de chat met Trede nog nooit geopend, dus ${names.length === 1 ? "krijgt" : "krijgen"} geen meldingen over klanten die aandacht vragen. Vraag ${names.length === 1 ? "hem of haar" : "hen"} Trede in Teams te openen.`,
    unreachableSummary: "Collega's niet bereikbaar voor Trede",
  },
  waitingReviews: {
    title: (n: number) => `${n} ${n === 1 ? "indeling wacht" : "indelingen wachten"} op jouw akkoord`,
    intro: (days: number) => `Rood: langer dan ${days} werkdagen. Kies “Openen” om te beoordelen.`,
    open: "Openen",
    detail: (coach: string, date: string, days: number) => `${coach} · ingediend ${date} · ${days} ${days === 1 ? "werkdag" : "werkdagen"}`,
    more: (n: number) => `En nog ${n}; typ “beoordelen” voor de hele lijst.`,
    footer: "Eén keer per week, op een werkdag. Liever geen meldingen? Typ “meldingen uit”.",
    summary: (n: number) => `${n} ${n === 1 ? "indeling wacht" : "indelingen wachten"} op akkoord`,
  },
  reviewCard: {
    title: (client: string) => `Indeling ter beoordeling: ${client}`,
    pending: "Wacht op akkoord",
    approved: (who: string, at: string) => `Akkoord door ${who} om ${at}`,
    rejected: (who: string, at: string) => `Afgewezen door ${who} om ${at}`,
    returned: (who: string, at: string) => `Terug naar coach door ${who} om ${at}`,
    client: "Klant",
    coach: "Coach",
    date: "Peildatum",
    previous: "Vorige trede",
    proposed: "Voorstel (regels)",
    final: "Bevestigd door coach",
    expected: "Verwachte trede",
    none: "—",
    note: (n: string) => `Toelichting beoordelaar: ${n}`,
    labels: {
      refresh: "Vernieuwen",
      approve: "Akkoord",
      reject: "Afwijzen",
      rejectReason: "Waarom wijs je af?",
      rejectConfirm: "Afwijzing versturen",
      return: "Terug naar coach",
      returnNote: "Je vraag aan de coach",
      returnConfirm: "Terugsturen",
      noteRequired: "Vul een toelichting in.",
      overrideReason: "Reden van aanpassing door de coach",
    },
    listTitle: (n: number) => (n === 1 ? "1 indeling wacht op akkoord" : `${n} indelingen wachten op akkoord`),
    listEmpty: "Er wachten geen indelingen op akkoord.",
    listShown: (n: number) => ` (de oudste ${n} hieronder)`,
    open: "Openen",
  },
  digest: {
    title: (team: string) => `Weekoverzicht ${team}`,
    subtitle: (period: string, date: string) => `Week ${period.split("-W")[1]} · ${date}`,
    inView: (pct: number, target: number) => `In beeld: ${pct}% (doel ${target}%)`,
    inViewNote: (inView: number, total: number) => `${inView} van ${total} klanten hadden in de laatste 12 maanden een bereikt contact.`,
    trendTitle: "In beeld, laatste 12 weken",
    week: "Week",
    inViewLabel: "In beeld",
    targetLabel: "Doel",
    wijkTitle: "Per wijk",
    wijk: "Wijk",
    clients: "Klanten",
    fewer: (below: number) => `< ${below}`,
    reviewsTitle: (n: number, days: number) => `Wachten langer dan ${days} werkdagen op akkoord: ${n}`,
    review: (client: string, coach: string, days: number) => `${client} · ${coach} · ${days} werkdagen`,
    movementTitle: (up: number, down: number) => `Beweging deze week: ${up} gestegen, ${down} gedaald`,
    up: (name: string, from: number, to: number) => `▲ ${name}: trede ${from} → ${to}`,
    down: (name: string, from: number, to: number) => `▼ ${name}: trede ${from} → ${to}`,
    more: (n: number) => `… en nog ${n}`,
    none: "Geen.",
    withoutExpected: (n: number) => `Zonder verwachte trede (onbekend of nog niet ingedeeld): ${n} klanten.`,
    unreachable: (names: string[]) => `Niet bereikbaar voor Trede (chat nooit geopend): ${names.join(", ")}.`,
    footer: "Elke week op een werkdag. Liever geen overzicht? Typ “meldingen uit”.",
    summary: (team: string, pct: number) => `Weekoverzicht ${team}: ${pct}% in beeld`,
  },
  caseloadCard: {
    clients: (n: number) => (n === 1 ? "1 klant" : `${n} klanten`),
    of: (n: number, d: number) => `${n} van ${d}${d ? ` (${Math.round((n / d) * 100)}%)` : ""}`,
    unknown: "onbekend",
    noBaseline: (n: number) => `${n} zonder meting vóór de periode (apart geteld, niet in de noemer)`,
    noPrevious: (n: number) => `${n} met maar één meting (apart geteld)`,
    rung: "Trede",
    expected: "Verwacht",
    nowVsExpected: "Nu",
    count: "Aantal",
    wijk: "Wijk",
    inView: "In beeld",
    total: "Totaal",
    share: "%",
    band: "Leeftijd",
    yes: "Ja",
    no: "Nee",
    outcome: "Uitkomst",
    domain: "Leefdomein",
    up: "Vooruit",
    same: "Gelijk",
    down: "Achteruit",
    line: (l: ClientLine, lastContact: string | null) =>
      `Trede ${l.rung}${l.substep ? `.${l.substep}` : ""} · verwacht ${l.expectedRung ?? "onbekend"} · ${l.coachName ?? "geen coach"} · laatste contact ${lastContact ?? "nooit"}`,
    more: "Meer",
    exportCsv: "Exporteer CSV",
    page: (from: number, to: number, total: number) => `${from}–${to} van ${total}`,
    suppressed: "• = verborgen: aantallen onder 5, en zo nodig andere cellen, zodat niemand ze uit de totalen kan afleiden.",
    unknownNote: (n: number) => `Rijen: trede nu; kolommen: verwachte trede. ? = verwachte trede onbekend: ${n} klanten, apart geteld.`,
    pendingSince: (d: string) => `wacht sinds ${d}`,
    none: "Geen klanten gevonden.",
    sortedByContact: "Gesorteerd op laatste contact, langst geleden eerst.",
    sortedBySameRung: "Langst op dezelfde trede eerst.",
    sortedByStep: "Grootste stap eerst.",
    readingStartEnd: "Gelezen als begin tegenover eind: de trede aan het eind van de periode tegenover de laatste meting ervóór.",
    readingEvents:
      "Gelezen als stappen tijdens de periode: klanten met minstens één meting in de periode op een andere trede dan de meting ervoor.",
    readingSince: "De laatste meting tegenover de meting daarvoor.",
    otherReading: (events: boolean): string => (events ? "Toon als stappen tijdens de periode" : "Toon als begin tegenover eind"),
    noPeriodMeasurement: (n: number) => `${n} zonder meting in de periode (apart geteld, niet in de noemer)`,
    period: "Periode",
    rungShort: "T",
    totalShort: "Tot.",
    trendKey: "T1 = trede 1, enzovoort, aan het eind van de periode; Tot. = totaal.",
  },
  describeQuery: {
    months: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    quarter: "K",
    periods: {
      thisYear: "dit jaar",
      lastYear: "vorig jaar",
      thisQuarter: "dit kwartaal",
      lastQuarter: "vorig kwartaal",
      thisMonth: "deze maand",
      lastMonth: "vorige maand",
      last12Months: "de afgelopen 12 maanden",
    },
    lastMonths: (n: number) => `de afgelopen ${n} maanden`,
    since: (from: string) => `sinds ${from}`,
    fromTo: (from: string, to: string) => `van ${from} tot en met ${to}`,
    ageRange: (min?: number, max?: number) =>
      min !== undefined && max !== undefined
        ? min === max
          ? `van ${min} jaar`
          : `van ${min} tot en met ${max} jaar`
        : min !== undefined
          ? `van ${min} jaar of ouder`
          : `van ${max} jaar of jonger`,
    clients: "Klanten",
    rung: (r: (string | number)[]) => `op trede ${list(r, "of")}`,
    rungRange: (min?: number, max?: number) =>
      min !== undefined && max !== undefined
        ? `op trede ${min} tot en met ${max}`
        : min !== undefined
          ? `op trede ${min} of hoger`
          : `op trede ${max} of lager`,
    expected: {
      aboveCurrent: "met verwachte trede hoger dan de huidige",
      belowCurrent: "met verwachte trede lager dan de huidige",
      sameAsCurrent: "met verwachte trede gelijk aan de huidige",
      atLeast: (n?: number) => `met verwachte trede ${n} of hoger`,
      atMost: (n?: number) => `met verwachte trede ${n} of lager`,
      above: (n?: number) => `met verwachte trede hoger dan ${n}`,
      below: (n?: number) => `met verwachte trede lager dan ${n}`,
      equals: (n?: number) => `met verwachte trede ${n}`,
      unknown: "met verwachte trede onbekend",
    } as Record<string, string | ((n?: number) => string)>,
    substep: (s: number | "none") => (s === "none" ? "zonder tussenstap" : `op tussenstap .${s}`),
    wijk: (w: string[]) => `in ${list(w, "of")}`,
    mine: "van mij",
    coaches: (c: string[]) => `van ${list(c, "of")}`,
    team: (t: string) => `team ${t}`,
    age: (b: string[]) =>
      `leeftijd ${list(
        b.map((x) => (x === "<27" ? "onder 27" : x === "45+" ? "45 en ouder" : "27 tot en met 44")),
        "of",
      )}`,
    growth: (g: string) => ({ ja: "met groeipotentieel", nee: "zonder groeipotentieel", onbekend: "met groeipotentieel onbekend" })[g] ?? g,
    ontheffing: (o: boolean): string => (o ? "met ontheffing arbeidsplicht" : "zonder ontheffing arbeidsplicht"),
    reasons: (r: string[]) =>
      `op trede 5 vanwege ${list(
        r.map((x) => RUNG5_REASONS[x] ?? x),
        "of",
      )}`,
    verdieping: (k: string, v: string) =>
      v === "nee" ? `zonder ${VERDIEPING[k] ?? k}` : v === "ja" ? `met ${VERDIEPING[k] ?? k}` : `${k}: ${v}`,
    outcomes: (o: string[]) =>
      `met uitkomst ${list(
        o.map((x) => OUTCOMES[x] ?? x),
        "of",
      )}`,
    sinceContact: (m: number) => `langer dan ${m} maanden niet gesproken`,
    sinceContactDays: (d: number) => (d % 7 === 0 ? `langer dan ${d / 7} weken niet gesproken` : `langer dan ${d} dagen niet gesproken`),
    sameRung: (m: number) => `al ${m} maanden op dezelfde trede`,
    sameSubstep: (m: number) => `al ${m} maanden op dezelfde trede en tussenstap`,
    statuses: (s: string[]) =>
      `status ${list(
        s.map(
          (x) =>
            ({
              PENDING_REVIEW: "wacht op akkoord",
              FINAL: "definitief",
              REJECTED: "afgewezen",
              RETURNED: "terug naar coach",
            })[x] ?? x,
        ),
        "of",
      )}`,
    measure: {
      count: (f: string) => `Aantal: ${f.charAt(0).toLowerCase()}${f.slice(1)}`,
      distribution: (by: string) =>
        `Verdeling naar ${({ rung: "huidige trede", expected: "verwachte trede", wijk: "wijk", substep: "tussenstap", coach: "coach", team: "team", ageBand: "leeftijdscategorie", growthPotential: "groeipotentieel" } as Record<string, string>)[by]}`,
      crossTab: "Huidige versus verwachte trede",
      up: (f: string) => `${f} die gestegen zijn sinds de vorige meting`,
      down: (f: string) => `${f} die gedaald zijn sinds de vorige meting`,
      climbed: (f: string, p: string) => `${f} die ${p} minstens één trede gestegen zijn`,
      fell: (f: string, p: string) => `${f} die ${p} minstens één trede gedaald zijn`,
      climbedEvents: (f: string, p: string) => `${f} die ${p} een of meer keren een trede gestegen zijn (stappen tijdens de periode)`,
      fellEvents: (f: string, p: string) => `${f} die ${p} een of meer keren een trede gedaald zijn (stappen tijdens de periode)`,
      reach: "In beeld (contact in de afgelopen 12 maanden) per wijk",
      growthByAgeBand: "Groeipotentieel per leeftijdscategorie",
      pendingReviews: "Indelingen die wachten op akkoord",
      referrals: (p: string) => `Verwijzingen na contact ${p}`,
      domainTrends: (p: string) => `Vooruitgang en achteruitgang per leefdomein ${p}`,
      trend: (of: string, by: string, p: string) =>
        `${({ rung: "Verdeling naar trede aan het eind van elk", up: "Klanten die stegen, per", down: "Klanten die daalden, per", contacts: "Contacten met klanten, per" } as Record<string, string>)[of]} ${by === "month" ? "maand" : "kwartaal"}, ${p}`,
    },
  },
  importRows: {
    problem: (line: number, column: string, reason: string) => `regel ${line}, kolom ${column}: ${reason}`,
    /** {0}: the detail after the reason code (a line number, a character) */
    reasons: {
      required: "is leeg maar verplicht",
      too_long: "is te lang",
      invalid_key: "mag alleen letters, cijfers, punt, streepje en liggend streepje bevatten",
      invalid_birth_year: "is geen geldig geboortejaar (bijv. 1980 of 03-04-1980; leeftijd 15 tot 110)",
      invalid_object_id: "is geen Entra object id (GUID)",
      invalid_roles: "bevat een onbekende rol (coach, teamleider, werkbegeleider of admin, gescheiden door |)",
      duplicate_key: "komt eerder in het bestand voor (regel {0})",
      unknown_team: "team bestaat niet in Trede (gebruik --create-teams om het aan te maken)",
      unknown_coach: "is geen bekende medewerker met de rol coach",
      ambiguous_coach: "past bij meer dan één medewerker; gebruik het Entra object id",
      missing_column: "ontbreekt in de kopregel",
      column_count: "aantal kolommen klopt niet met de kopregel",
      invisible_character: "bevat een onzichtbaar teken of stuurteken ({0}); haal het weg in het bronbestand",
    } as Record<string, string>,
  },
  csv: {
    headers: ["Klantnummer", "Naam", "Wijk", "Trede", "Tussenstap", "Verwachte trede", "Coach", "Laatste contact", "Wacht sinds"],
    fileName: "trede-klanten",
  },
  importReport: {
    more: "meer",
    counts: (r: { created: number; updated: number; unchanged: number; closed: number; skipped: number }) =>
      `${r.created} nieuw, ${r.updated} gewijzigd, ${r.unchanged} ongewijzigd, ${r.closed} afgesloten, ${r.skipped} overgeslagen`,
    dryRun: "Proefrun, niets opgeslagen",
    notWritten: "Niets opgeslagen: het bestand bevat fouten (gebruik --skip-invalid om geldige regels toch te importeren)",
    imported: "Geïmporteerd",
    newTeams: "nieuwe teams",
    cannotRead: (file: string) => `kan ${file} niet lezen`,
  },
  caseloadExamples: {
    /** example questions, offered as buttons when a question is not understood */
    questions: [
      "Wie op trede 1 gaat naar verwachting stijgen?",
      "Verdeling huidige en verwachte trede",
      "Hoeveel klanten zijn dit jaar minstens één trede gestegen?",
      "Wie is gedaald sinds de vorige meting?",
      "Welke klanten zijn langer dan 12 maanden niet gesproken?",
      "Welk percentage is in beeld, per wijk?",
      "Groeipotentieel per leeftijdscategorie",
      "Welke indelingen wachten op akkoord?",
      "Wie staat al twee jaar op dezelfde trede?",
      "Hoeveel verwijzingen naar werk of wijkteam dit jaar?",
    ],
  },
  /** the welcome card: who Trede is, the commands it understands (review only for reviewers) and its privacy promise */
  welcome: {
    title: (name: string) => `Hallo ${name}, ik ben Trede`,
    intro: "Ik help je na een huisbezoek de participatieladder in te vullen, en ik beantwoord vragen over je caseload.",
    commands: {
      debrief: {
        command: "verslag",
        description: "Verslag van een gesprek: ik stel de vragen, stel een trede en tussenstap voor en sla op wat jij bevestigt.",
      },
      review: { command: "beoordelen", description: "Indelingen die op jouw akkoord wachten (vier ogen)." },
      question: {
        command: "een vraag",
        description: "Bijvoorbeeld: wie op trede 1 gaat naar verwachting stijgen? of: verdeling huidige en verwachte trede.",
      },
      language: { command: "english", description: "Switch to English." },
    },
    privacy: "Trede stuurt geen namen, BSN of notities naar een taalmodel. Wat je vastlegt, wordt gelogd (wie, wat, wanneer).",
    start: "Nieuw verslag",
    review: "Te beoordelen",
  },
  /** the rule proposal's explanation and plausibility warnings, and the names of the ZRM domains */
  ladder: {
    /** the explanation's first sentence; support is null when the rung was not reached through supports */
    explainRung: (rung: number, name: string, because: string, support: string | null) =>
      `Trede ${rung} — ${name}, omdat ${because}${support !== null ? ` (ondersteuning: ${support})` : ""}.`,
    explainNoSubstep: (nextRung: number, nextName: string) =>
      `Geen tussenstap: er is nog geen volgende stap richting trede ${nextRung} (${nextName}) in beeld.`,
    /** implied: the ladder answer itself set the substep, so the coach was not asked */
    explainSubstep: (rung: number, substep: number, name: string, when: string, implied: boolean) =>
      `Tussenstap ${rung}.${substep} ${name}: ${when}${implied ? " (volgt uit het antwoord)" : ""}.`,
    /** a rung label with its substep label, both composed from the profile's names */
    rungWithSubstep: (rung: string, substep: string) => `${rung}, tussenstap ${substep}`,
    expectedJump: (rungs: number) => `De verwachte trede ligt ${rungs} treden boven de huidige; dat is ongebruikelijk binnen de termijn.`,
    expectedRiseWithOntheffing: "Er is een ontheffing van de arbeidsplicht vastgelegd, maar de verwachting is dat de klant stijgt.",
    zrmDomains: {
      financien: "Financiën",
      werk_opleiding: "Werk & opleiding",
      tijdsbesteding: "Tijdsbesteding",
      huisvesting: "Huisvesting",
      huiselijke_relaties: "Huiselijke relaties",
      geestelijke_gezondheid: "Geestelijke gezondheid",
      lichamelijke_gezondheid: "Lichamelijke gezondheid",
      middelengebruik: "Middelengebruik",
      basale_adl: "Basale ADL",
      instrumentele_adl: "Instrumentele ADL",
      sociaal_netwerk: "Sociaal netwerk",
      maatschappelijke_participatie: "Maatschappelijke participatie",
      justitie: "Justitie",
    } satisfies Record<ZrmCode, string>,
  },
  /** the debrief: step titles and field labels (used by the step table), buttons, problems next to fields, messages */
  debrief: {
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
    clientPlaceholder: "Typ een achternaam of klantnummer",
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
    domainsIntro:
      "Leefdomeinen (ZRM): scoor alleen wat besproken is. 1 acuut · 2 niet zelfredzaam · 3 beperkt · 4 voldoende · 5 volledig zelfredzaam.",
    notDiscussed: "Niet besproken",
    specialDomain: (why: string) =>
      `Gevoelig domein, alleen omdat je team dit vastlegt${why ? `: ${why}` : ""}. Leg een functionele conclusie vast, geen diagnose.`,
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
    belowCurrent: (expected: number, current: number) =>
      `Klopt het dat de verwachte trede (${expected}) lager ligt dan de huidige (${current})?`,
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
    sentBackAction: "Verslag aanpassen",
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
        listOnly.length
          ? `${listOnly.join(", ")} ${listOnly.length === 1 ? "ziet" : "zien"} het in de lijst "beoordelen" zodra ${listOnly.length === 1 ? "hij of zij" : "zij"} Trede opent.`
          : "",
        !notified.length && !listOnly.length
          ? "Er is nog geen werkbegeleider voor dit team in Trede; de beheerder is nodig om dit af te ronden."
          : "",
      ]
        .filter(Boolean)
        .join(" "),
    reopenRefused: "Dit verslag kun je niet heropenen.",
    nothingToResume: "Er is geen verslag in behandeling. Typ **verslag** om te beginnen.",
    severalClients: "Meerdere klanten passen hierbij. Kies hieronder de juiste.",
    noClientFound:
      "Ik vind geen klant met die naam of dat klantnummer bij jouw klanten. Kies hieronder uit je klanten, of typ de volledige naam.",
  },
};

/** The shape every language's catalogue has: Dutch is the reference. */
export type Catalogue = typeof nl;

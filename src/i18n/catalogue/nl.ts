// Every sentence, label and word Trede shows a person, in Dutch (the default language), by area. English
// (./en.ts) is typed against this file, so the compiler demands every key in both; test/i18n/catalogue.test.ts
// checks the key sets, the function arities and that no text is empty. Imports types only, so the pure
// domain may use it too. Vocabulary the interpreter recognises in questions and ladder texts (ladders/*.json)
// are not here: those are data.
export const nl = {
  messages: {
    unknownUser: (id: string, tenant: string) =>
      `Je bent (nog) niet geregistreerd als medewerker in Trede. Vraag je functioneel beheerder om je toe te voegen met dit id: ${id} (tenant ${tenant}).`,
    tenantRefused: "Deze organisatie heeft geen toegang tot Trede.",
    error: (correlationId: string) =>
      `Er ging iets mis aan onze kant; er is niets verloren gegaan. Probeer het zo opnieuw. Meld bij aanhoudende problemen deze code aan je beheerder: ${correlationId}.`,
    databaseDown: (correlationId: string) =>
      `Trede kan de gegevens nu niet bereiken. Probeer het zo opnieuw (code ${correlationId}).`,
    notUnderstood: "Dat begrijp ik niet. Typ **hulp** om te zien wat ik kan.",
    languageSet: "Ik spreek vanaf nu Nederlands met je.",
    staleCard: "Deze kaart is niet meer actueel. Gebruik de nieuwste kaart in het gesprek.",
    forbidden: "Dat mag je niet doen met jouw rol.",
    personalOnly: "Over klanten praat ik alleen in je persoonlijke chat met Trede, zodat anderen in dit gesprek niets over hen lezen. Open de chat met Trede en vraag het daar.",
  },
  access: {
    notVisible: "Dit kan ik je niet laten zien: het bestaat niet (meer) of hoort niet bij de klanten die jij mag inzien.",
  },
  notifications: {
    demo: (sent: number, already: number) => `Demo: ${sent} ${sent === 1 ? "melding" : "meldingen"} verstuurd${already ? `, ${already} deze week al eerder` : ""}.`,
    noTeam: "Je hoort bij geen team.",
    off: "Meldingen staan uit: Trede stuurt je geen wekelijkse herinneringen of overzichten meer. Typ **meldingen aan** om ze weer te krijgen.",
    on: "Meldingen staan aan: Trede stuurt je één keer per week, op een werkdag tussen 08:00 en 18:00, wat aandacht vraagt. Typ **meldingen uit** om ze uit te zetten.",
  },
  caseload: {
    notUnderstood: "Die vraag begrijp ik niet. Je kunt bijvoorbeeld vragen:",
    partly: (parts: string[]) => `Dit deel van je vraag heb ik niet begrepen: ${parts.map((p) => `'${p}'`).join(", ")}. Ik geef liever geen antwoord op een andere vraag dan je stelde.`,
    nearest: "Het dichtstbijzijnde dat ik wel kan beantwoorden:",
    outOfScope: (what: string[], scope: string) => `${what.map((w) => `'${w}'`).join(", ")} valt buiten wat jij mag zien (${scope}). Daarover geef ik geen antwoord.`,
    modelFallback: "(Het taalmodel was niet beschikbaar; ik heb de vraag zelf geïnterpreteerd.)",
    mine: "mijn klanten",
    team: (name: string) => `team ${name}`,
    all: "alle teams",
    showAsSteps: "Toon als stappen tijdens de periode",
    showAsStartEnd: "Toon als begin tegenover eind",
  },
  review: {
    noteRequired: "Vul een toelichting in; de coach ziet die bij de afwijzing of vraag.",
    notReviewer: "Alleen een werkbegeleider van het team van deze klant kan dit beoordelen.",
    ownClassification: "Je kunt je eigen indeling niet zelf goedkeuren (vier ogen).",
    notFound: "Deze indeling bestaat niet (meer).",
    coachApproved: (client: string, who: string) => `${who} heeft de indeling van ${client} goedgekeurd.`,
    coachRejected: (client: string, who: string, note: string) => `${who} heeft de indeling van ${client} afgewezen: "${note}". Open het verslag opnieuw om het aan te passen.`,
    coachReturned: (client: string, who: string, note: string) => `${who} heeft een vraag over de indeling van ${client}: "${note}". Open het verslag opnieuw om te antwoorden.`,
    reopen: "Verslag heropenen",
    onlyReviewers: "Het overzicht van te beoordelen indelingen is voor werkbegeleiders en teamleiders.",
    alreadyDecided: "Deze indeling was al beoordeeld:",
    allTeams: "alle teams",
  },
  caseloadExport: {
    description: (n: number) => `${n === 1 ? "1 klant" : `${n} klanten`} als CSV, voor eigen gebruik. Bewaar het bestand niet langer dan nodig.`,
    empty: "Deze lijst is leeg; er is niets te exporteren.",
    declined: "Geen bestand gemaakt.",
    failed: "Het bestand kon niet worden opgeslagen. Probeer het later opnieuw.",
    done: (n: number) => `Export klaar: ${n === 1 ? "1 klant" : `${n} klanten`}.`,
  },
};

/** The shape every language's catalogue has: Dutch is the reference. */
export type Catalogue = typeof nl;

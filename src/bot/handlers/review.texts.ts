// What the review handler and the review messages say, in both languages.
export const reviewText = {
  nl: {
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
  },
  en: {
    noteRequired: "Please add a note; the coach sees it with the rejection or question.",
    notReviewer: "Only a supervisor of this client's team can review this.",
    ownClassification: "You cannot approve your own classification (four eyes).",
    notFound: "This classification does not exist (any more).",
    coachApproved: (client: string, who: string) => `${who} approved the classification of ${client}.`,
    coachRejected: (client: string, who: string, note: string) => `${who} rejected the classification of ${client}: "${note}". Reopen the debrief to adjust it.`,
    coachReturned: (client: string, who: string, note: string) => `${who} has a question about the classification of ${client}: "${note}". Reopen the debrief to answer.`,
    reopen: "Reopen debrief",
    onlyReviewers: "The list of classifications to review is for supervisors and team leads.",
    alreadyDecided: "This classification was already reviewed:",
  },
};

// Every sentence, label and word Trede shows a person, in English, by area: typed against the Dutch
// catalogue (./nl.ts), so a missing key does not compile.
import type { Catalogue } from "./nl.ts";

export const en: Catalogue = {
  messages: {
    unknownUser: (id, tenant) =>
      `You are not (yet) registered as staff in Trede. Ask your administrator to add you with this id: ${id} (tenant ${tenant}).`,
    tenantRefused: "This organisation has no access to Trede.",
    error: (correlationId) =>
      `Something went wrong on our side; nothing was lost. Please try again in a moment. If it keeps happening, give your administrator this code: ${correlationId}.`,
    databaseDown: (correlationId) => `Trede cannot reach its data right now. Please try again in a moment (code ${correlationId}).`,
    notUnderstood: "I don't understand that. Type **help** to see what I can do.",
    languageSet: "I will speak English with you from now on.",
    staleCard: "This card is out of date. Please use the latest card in the chat.",
    forbidden: "Your role does not allow that.",
    personalOnly: "I only discuss clients in your personal chat with Trede, so nobody else in this conversation reads about them. Open the chat with Trede and ask there.",
  },
  access: {
    notVisible: "I can't show you this: it does not exist (any more) or is not among the clients you may see.",
  },
  notifications: {
    demo: (sent, already) => `Demo: ${sent} ${sent === 1 ? "notification" : "notifications"} sent${already ? `, ${already} already sent this week` : ""}.`,
    noTeam: "You are not in a team.",
    off: "Notifications are off: Trede will not send you weekly reminders or overviews. Type **notifications on** to get them again.",
    on: "Notifications are on: once a week, on a working day between 08:00 and 18:00, Trede sends you what needs attention. Type **notifications off** to stop them.",
  },
  caseload: {
    notUnderstood: "I don't understand that question. You could ask, for example:",
    partly: (parts: string[]) => `I did not understand this part of your question: ${parts.map((p) => `'${p}'`).join(", ")}. I would rather not answer a different question than the one you asked.`,
    nearest: "The nearest question I can answer:",
    outOfScope: (what: string[], scope: string) => `${what.map((w) => `'${w}'`).join(", ")} is outside what you may see (${scope}). I give no answer about it.`,
    modelFallback: "(The language model was unavailable; I interpreted the question myself.)",
    mine: "my clients",
    team: (name: string) => `team ${name}`,
    all: "all teams",
    showAsSteps: "Show as steps during the period",
    showAsStartEnd: "Show as start versus end",
  },
  review: {
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
    allTeams: "all teams",
  },
  caseloadExport: {
    description: (n: number) => `${n === 1 ? "1 client" : `${n} clients`} as CSV, for your own use. Keep the file no longer than needed.`,
    empty: "This list is empty; there is nothing to export.",
    declined: "No file made.",
    failed: "The file could not be stored. Please try again later.",
    done: (n: number) => `Export ready: ${n === 1 ? "1 client" : `${n} clients`}.`,
  },
};

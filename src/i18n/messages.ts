// Sentences the bot says outside cards. Dutch is the default; every key exists in both languages
// (the type forces it). Card texts live with their card renderers.
import type { Locale } from "./locale.ts";

const nl = {
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
};

type Messages = typeof nl;

const en: Messages = {
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
};

const messages: Record<Locale, Messages> = { nl, en };

export function t(locale: Locale): Messages {
  return messages[locale];
}

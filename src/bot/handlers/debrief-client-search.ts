// Finding the client a debrief is about: `verslag GR-100163`, `verslag Saskia Kaya` or a visit note that
// names the client in full. Matching runs over the actor's own scoped list (the query applies scope), and
// the one client it selects is loaded again through findClientForDebrief, which re-checks scope. What the
// coach is shown is audited where it is shown (the picker through readableRows, the client in showStep).
import { compareDutchNames, matchClientSearch, mentionsClientNumber, mentionsFullName, sortedNameLabel } from "../../domain/clients/dutch-name.ts";
import type { Locale } from "../../i18n/locale.ts";
import { findClientForDebrief, listClientsForDebrief, type ClientChoice, type DebriefClientContext } from "../../storage/debrief/debrief.repository.ts";
import type { Turn } from "../turn.ts";

/** Searching reads names only; a caseload of this size is far above any coach's. */
const SEARCH_LIMIT = 5_000;

export type ClientSearch =
  | { kind: "one"; client: DebriefClientContext }
  /** several clients fit: the picker offers only these */
  | { kind: "several"; choices: ClientChoice[] }
  | { kind: "none" };

const text: Record<Locale, { several: string; none: string }> = {
  nl: {
    several: "Meerdere klanten passen hierbij. Kies hieronder de juiste.",
    none: "Ik vind geen klant met die naam of dat klantnummer bij jouw klanten. Kies hieronder uit je klanten, of typ de volledige naam.",
  },
  en: {
    several: "More than one client fits. Please pick the right one below.",
    none: "I can't find a client with that name or client number among your clients. Pick one below, or type the full name.",
  },
};

async function outcome(turn: Turn, found: ClientChoice[]): Promise<ClientSearch> {
  if (found.length === 1) {
    const client = await findClientForDebrief(turn.deps.sql, turn.actor, found[0].id);
    return client ? { kind: "one", client } : { kind: "none" };
  }
  return found.length ? { kind: "several", choices: found } : { kind: "none" };
}

/** `verslag <klantnummer of naam>`: exactly one client selects it. */
export async function searchClient(turn: Turn, search: string): Promise<ClientSearch> {
  const mine = await listClientsForDebrief(turn.deps.sql, turn.actor, { take: SEARCH_LIMIT });
  return outcome(turn, matchClientSearch(search, mine));
}

/** A visit note: only clients it names in full ("Saskia Kaya") or by number, never everyone called Saskia or Kaya. */
export async function clientsNamedInNote(turn: Turn, note: string): Promise<ClientSearch> {
  const mine = await listClientsForDebrief(turn.deps.sql, turn.actor, { take: SEARCH_LIMIT });
  return outcome(turn, mine.filter((c) => mentionsFullName(note, c.displayName) || mentionsClientNumber(note, c.externalKey)));
}

/** One short sentence when a search did not settle on one client; the picker card follows it. */
export async function sayClientSearchOutcome(turn: Turn, search: ClientSearch): Promise<void> {
  if (search.kind === "one") return;
  await turn.context.sendActivity(text[turn.locale][search.kind]);
}

/** The picker's order and labels: by surname, tussenvoegsel after it ("Boer, de, Kees · GR-100165 · Selwerd"). */
export function pickerChoices(clients: readonly ClientChoice[]): { id: string; label: string }[] {
  return [...clients]
    .sort((a, b) => compareDutchNames(a.displayName, b.displayName) || a.externalKey.localeCompare(b.externalKey))
    .map((c) => ({ id: c.id, label: `${sortedNameLabel(c.displayName)} · ${c.externalKey} · ${c.wijk}` }));
}

// Finding the client a debrief is about: `verslag GR-100163`, `verslag Saskia Kaya` or a visit note that
// names the client in full. Matching runs over the actor's own scoped list (the store applies scope); the
// one client it selects is opened by the start use case, which checks scope again. What the coach is shown
// is audited where it is shown (the picker and the opened client, in showScreen).
import {
  compareDutchNames,
  matchClientSearch,
  mentionsClientNumber,
  mentionsFullName,
  sortedNameLabel,
} from "../../../domain/clients/dutch-name.ts";
import type { ClientChoice } from "../../../domain/debrief/ports.ts";
import { debriefTexts } from "../../../domain/debrief/texts.ts";
import type { Turn } from "../../turn.ts";

/** Searching reads names only; a caseload of this size is far above any coach's. */
const SEARCH_LIMIT = 5_000;

export type ClientSearch =
  | { kind: "one"; clientId: string }
  /** several clients fit: the picker offers only these */
  | { kind: "several"; choices: ClientChoice[] }
  | { kind: "none" };

function outcome(found: ClientChoice[]): ClientSearch {
  if (found.length === 1) return { kind: "one", clientId: found[0].id };
  return found.length ? { kind: "several", choices: found } : { kind: "none" };
}

/** `verslag <klantnummer of naam>`: exactly one client selects it. */
export async function searchClient(turn: Turn, search: string): Promise<ClientSearch> {
  const mine = await turn.deps.store.debrief.listClients(turn.actor, { take: SEARCH_LIMIT });
  return outcome(matchClientSearch(search, mine));
}

/** A visit note: only clients it names in full ("Saskia Kaya") or by number, never everyone called Saskia or Kaya. */
export async function clientsNamedInNote(turn: Turn, note: string): Promise<ClientSearch> {
  const mine = await turn.deps.store.debrief.listClients(turn.actor, { take: SEARCH_LIMIT });
  return outcome(mine.filter((c) => mentionsFullName(note, c.displayName) || mentionsClientNumber(note, c.externalKey)));
}

/** One short sentence when a search did not settle on one client; the picker card follows it. */
export async function sayClientSearchOutcome(turn: Turn, search: ClientSearch): Promise<void> {
  if (search.kind === "one") return;
  const s = debriefTexts(turn.locale);
  await turn.context.sendActivity(search.kind === "several" ? s.severalClients : s.noClientFound);
}

/** The picker's order and labels: by surname, tussenvoegsel after it ("Boer, de, Kees · GR-100165 · Selwerd"). */
export function pickerChoices(clients: readonly ClientChoice[]): { id: string; label: string }[] {
  return [...clients]
    .sort((a, b) => compareDutchNames(a.displayName, b.displayName) || a.externalKey.localeCompare(b.externalKey))
    .map((c) => ({ id: c.id, label: `${sortedNameLabel(c.displayName)} · ${c.externalKey} · ${c.wijk}` }));
}

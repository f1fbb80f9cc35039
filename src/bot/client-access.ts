// The one place where the bot decides whether client data may be shown to the person in this turn, and
// records that it was. Every handler that shows a client goes through here: open, refresh and decide a
// review, the pending list, the debrief's client picker and client, caseload answers and their pages.
// The check and the audit are the use cases' (src/use-cases/client-visibility.ts); this adds the answer.
import { ActivityTypes } from "botbuilder";
import type { ClientRead } from "../domain/audit/ports.ts";
import { checkClientVisible, keepVisibleRows } from "../use-cases/client-visibility.ts";
import { invokeMessage } from "./invoke.ts";
import type { Turn } from "./turn.ts";
import { t as catalogue } from "../i18n/catalogue/index.ts";

/**
 * Refuses unless the client lies within the actor's scope: the refusal is audited and answered with one
 * sentence that is the same for a client outside scope, an erased one and an id that never existed.
 * Records nothing as read; call recordRead (or use openClient) when the data is shown.
 */
export async function requireClientInScope(turn: Turn, clientId: string | null | undefined, read: ClientRead): Promise<boolean> {
  if (await checkClientVisible(turn.deps.store, turn.actor, clientId, read)) return true;
  await sayNotVisible(turn);
  return false;
}

/** Checks the client and records the read; the caller shows it right after. */
export async function openClient(turn: Turn, clientId: string | null | undefined, read: ClientRead): Promise<boolean> {
  if (!(await requireClientInScope(turn, clientId, read))) return false;
  await recordRead(turn, [clientId!], read);
  return true;
}

/**
 * Keeps the rows of a list whose client the actor may see, and records the read of those. Lists are
 * already scoped in their query; a row that still fails here is a bug in that query, so it is dropped,
 * logged and audited rather than shown.
 */
export async function readableRows<T>(turn: Turn, rows: readonly T[], clientIdOf: (row: T) => string, read: ClientRead): Promise<T[]> {
  const { kept, dropped } = await keepVisibleRows(turn.deps.store, turn.actor, rows, clientIdOf, read);
  if (dropped)
    turn.deps.logger.error({ event: "scope.list_leak", via: read.via, dropped }, "a list query returned clients outside the asker's scope");
  return kept;
}

/** Records that these clients (already checked) are shown to the actor now. */
export async function recordRead(turn: Turn, clientIds: readonly string[], read: ClientRead): Promise<void> {
  await turn.deps.store.audit.clientRead({ actor: turn.actor, clientIds, ...read });
}

export async function sayNotVisible(turn: Turn): Promise<void> {
  const message = catalogue(turn.locale).access.notVisible;
  if (turn.context.activity.type === ActivityTypes.Invoke) await invokeMessage(turn.context, message);
  else await turn.context.sendActivity(message);
}

// The one access check before client data is shown, and the record that it was: a client outside the
// actor's scope, an erased one and an id that never existed are refused alike, and the refusal is audited.
// Every use case that shows a client goes through here; the bot adds only the sentence it says.
import type { Actor } from "../domain/access/actor.ts";
import type { ClientRead } from "../domain/audit/ports.ts";
import type { Store } from "../domain/store.ts";

type Deps = Pick<Store, "clients" | "audit">;

/** True when the actor may see the client; otherwise the refusal is recorded. Records nothing as read. */
export async function checkClientVisible(
  store: Deps,
  actor: Actor,
  clientId: string | null | undefined,
  read: ClientRead,
): Promise<boolean> {
  const found = clientId ? await store.clients.findInScope(actor, [clientId]) : [];
  if (found.length === 1) return true;
  await store.audit.refusal({
    actor,
    reason: "client_not_visible",
    clientId: clientId ?? null,
    details: { via: read.via, subjectId: read.subjectId ?? null },
  });
  return false;
}

/**
 * Keeps the rows of a list whose client the actor may see and records the read of those. Lists are
 * already scoped in their query; a row that still fails here is a bug in that query, so it is dropped
 * and audited rather than shown (`dropped` lets the caller log it).
 */
export async function keepVisibleRows<T>(
  store: Deps,
  actor: Actor,
  rows: readonly T[],
  clientIdOf: (row: T) => string,
  read: ClientRead,
): Promise<{ kept: T[]; dropped: number }> {
  if (!rows.length) return { kept: [], dropped: 0 };
  const allowed = new Set((await store.clients.findInScope(actor, rows.map(clientIdOf))).map((c) => c.id));
  const kept = rows.filter((r) => allowed.has(clientIdOf(r)));
  const dropped = rows.length - kept.length;
  if (dropped) await store.audit.refusal({ actor, reason: "client_not_visible", details: { via: read.via, dropped } });
  await store.audit.clientRead({ actor, clientIds: kept.map(clientIdOf), ...read });
  return { kept, dropped };
}

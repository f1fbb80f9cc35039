// The one place where the bot decides whether client data may be shown to the person in this turn, and
// records that it was. Every handler that shows a client goes through here: open, refresh and decide a
// review, the pending list, the debrief's client picker and client, caseload answers and their pages.
import { ActivityTypes } from "botbuilder";
import type { Locale } from "../i18n/locale.ts";
import { recordRefusal } from "../storage/audit/record-audit-event.ts";
import { recordClientRead, type ClientRead } from "../storage/audit/record-client-read.ts";
import { findClientsInScope } from "../storage/client-scope.ts";
import { invokeMessage } from "./invoke.ts";
import type { Turn } from "./turn.ts";

const text: Record<Locale, { notVisible: string }> = {
  nl: { notVisible: "Dit kan ik je niet laten zien: het bestaat niet (meer) of hoort niet bij de klanten die jij mag inzien." },
  en: { notVisible: "I can't show you this: it does not exist (any more) or is not among the clients you may see." },
};

/**
 * Refuses unless the client lies within the actor's scope: the refusal is audited and answered with one
 * sentence that is the same for a client outside scope, an erased one and an id that never existed.
 * Records nothing as read; call recordRead (or use openClient) when the data is shown.
 */
export async function requireClientInScope(turn: Turn, clientId: string | null | undefined, read: ClientRead): Promise<boolean> {
  const { deps, actor } = turn;
  const found = clientId ? await findClientsInScope(deps.prisma, actor, [clientId]) : [];
  if (found.length === 1) return true;
  await recordRefusal(deps.prisma, { actor, reason: "client_not_visible", clientId: clientId ?? null, details: { via: read.via, subjectId: read.subjectId ?? null } });
  await sayNotVisible(turn);
  return false;
}

/** Checks the client and records the read; the caller shows it right after. */
export async function openClient(turn: Turn, clientId: string | null | undefined, read: ClientRead): Promise<boolean> {
  if (!(await requireClientInScope(turn, clientId, read))) return false;
  await recordClientRead(turn.deps.prisma, { actor: turn.actor, clientIds: [clientId!], ...read });
  return true;
}

/**
 * Keeps the rows of a list whose client the actor may see, and records the read of those. Lists are
 * already scoped in their query; a row that still fails here is a bug in that query, so it is dropped,
 * logged and audited rather than shown.
 */
export async function readableRows<T>(turn: Turn, rows: readonly T[], clientIdOf: (row: T) => string, read: ClientRead): Promise<T[]> {
  if (!rows.length) return [];
  const { deps, actor } = turn;
  const allowed = new Set((await findClientsInScope(deps.prisma, actor, rows.map(clientIdOf))).map((c) => c.id));
  const kept = rows.filter((r) => allowed.has(clientIdOf(r)));
  if (kept.length < rows.length) {
    deps.logger.error({ event: "scope.list_leak", via: read.via, dropped: rows.length - kept.length }, "a list query returned clients outside the asker's scope");
    await recordRefusal(deps.prisma, { actor, reason: "client_not_visible", details: { via: read.via, dropped: rows.length - kept.length } });
  }
  await recordRead(turn, kept.map(clientIdOf), read);
  return kept;
}

/** Records that these clients (already checked) are shown to the actor now. */
export async function recordRead(turn: Turn, clientIds: readonly string[], read: ClientRead): Promise<void> {
  await recordClientRead(turn.deps.prisma, { actor: turn.actor, clientIds, ...read });
}

export async function sayNotVisible(turn: Turn): Promise<void> {
  const message = text[turn.locale].notVisible;
  if (turn.context.activity.type === ActivityTypes.Invoke) await invokeMessage(turn.context, message);
  else await turn.context.sendActivity(message);
}

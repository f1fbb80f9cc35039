// "Which clients may this person see", rendered to SQL once. Every query in storage that selects clients
// for a person (caseload answers, pending reviews, the client picker, access checks, the interpreter's
// vocabulary) takes its condition from here, for Prisma ($queryRaw with Prisma.sql) and for the plain
// Sql handle alike. The rule itself is decideClientRead in src/domain/access; test/storage/client-scope
// runs every query built on this module against it on both databases.
//
// Erased clients never count: every set below excludes them. "caseload" also leaves out clients whose
// file is closed (no longer in the caseload); "readable" keeps those (history, reviews, data-subject
// requests still show them within scope).
import { caseloadScopeOf, type Actor, type CaseloadScope } from "../domain/access/actor.ts";
import { mayReadClient, type ClientAccessFacts } from "../domain/access/client-access.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Sql } from "./db/index.ts";

export type ClientSet = "readable" | "caseload";

const NOT_ERASED = Prisma.sql`c."erasedAt" IS NULL`;
const IN_CASELOAD = Prisma.sql`c."erasedAt" IS NULL AND c.active AND c."closedAt" IS NULL`;

/** The condition over the client alias `c`: the clients of `set` that lie within `scope`. */
export function clientScopeSql(scope: CaseloadScope, set: ClientSet): Prisma.Sql {
  const base = set === "caseload" ? IN_CASELOAD : NOT_ERASED;
  switch (scope.kind) {
    case "all":
      return base;
    case "team":
      return Prisma.sql`${base} AND c."teamId" = ${scope.teamId}`;
    case "coach":
      return Prisma.sql`${base} AND c."coachId" = ${scope.staffId}`;
  }
}

/** A Prisma.Sql fragment as text for the Sql handle, its first value being parameter $first. */
export function toSqlText(fragment: Prisma.Sql, first: number): { text: string; values: unknown[] } {
  const text = fragment.strings.reduce((acc, s, i) => `${acc}$${first + i - 1}${s}`);
  return { text, values: [...fragment.values] };
}

/**
 * The same condition for a statement on the Sql handle, its value (if any) being parameter $n. One
 * statement text per scope kind, so each is prepared with its own plan.
 */
export function clientScopeCondition(
  actor: Actor,
  n: number,
  set: ClientSet = "readable",
): { kind: CaseloadScope["kind"]; condition: string; values: string[] } {
  const scope = caseloadScopeOf(actor);
  const { text, values } = toSqlText(clientScopeSql(scope, set), n);
  return { kind: scope.kind, condition: text, values: values as string[] };
}

const FIND_IN_SCOPE = (scope: CaseloadScope) => {
  const { text, values } = toSqlText(clientScopeSql(scope, "readable"), 2);
  return {
    name: `clients_in_scope_${scope.kind}`,
    text: `SELECT c.id, c."teamId", c."coachId", c."erasedAt" IS NOT NULL AS erased, (NOT c.active OR c."closedAt" IS NOT NULL) AS closed
      FROM "Client" c WHERE c.id = ANY($1::text[]) AND ${text}`,
    values,
  };
};

/**
 * Loads clients by id, but only those within the actor's scope: an id outside it (or unknown, or
 * forged) is simply absent from the answer. Returns what the access rule needs, never a name.
 */
export async function findClientsInScope(sql: Sql, actor: Actor, clientIds: readonly string[]): Promise<ClientAccessFacts[]> {
  const ids = [...new Set(clientIds.filter((id) => id.length > 0 && id.length <= 64))];
  if (!ids.length) return [];
  const statement = FIND_IN_SCOPE(caseloadScopeOf(actor));
  const { rows } = await sql.query<ClientAccessFacts>({ ...statement, values: [ids, ...statement.values] });
  // the query renders the rule; the rule itself has the last word
  return rows.filter((c) => mayReadClient(actor, c));
}

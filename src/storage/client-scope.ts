// "Which clients may this person see" as a Prisma where clause or an SQL condition, so scope is applied
// inside every query. These are renderings of one rule, decideClientRead in src/domain/access; a test
// checks that they agree with it for every role.
import { caseloadScopeOf, type Actor, type CaseloadScope } from "../domain/access/actor.ts";
import { mayReadClient, type ClientAccessFacts } from "../domain/access/client-access.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

export function clientWhereForScope(scope: CaseloadScope): Prisma.ClientWhereInput {
  switch (scope.kind) {
    case "all":
      return { erasedAt: null };
    case "team":
      return { erasedAt: null, teamId: scope.teamId };
    case "coach":
      return { erasedAt: null, coachId: scope.staffId };
  }
}

export function clientWhereForActor(actor: Actor): Prisma.ClientWhereInput {
  return clientWhereForScope(caseloadScopeOf(actor));
}

/**
 * The same scope as an SQL condition over the client alias `c`, for Sql statements: its value (if any)
 * is parameter $n. One statement text per scope kind, so each is prepared with its own plan.
 */
export function clientScopeCondition(actor: Actor, n: number): { kind: CaseloadScope["kind"]; condition: string; values: string[] } {
  const scope = caseloadScopeOf(actor);
  switch (scope.kind) {
    case "all":
      return { kind: scope.kind, condition: `c."erasedAt" IS NULL`, values: [] };
    case "team":
      return { kind: scope.kind, condition: `c."erasedAt" IS NULL AND c."teamId" = $${n}`, values: [scope.teamId] };
    case "coach":
      return { kind: scope.kind, condition: `c."erasedAt" IS NULL AND c."coachId" = $${n}`, values: [scope.staffId] };
  }
}

/**
 * Loads clients by id, but only those within the actor's scope: an id outside it (or unknown, or
 * forged) is simply absent from the answer. Returns what the access rule needs, never a name.
 */
export async function findClientsInScope(db: PrismaClient | Prisma.TransactionClient, actor: Actor, clientIds: readonly string[]): Promise<ClientAccessFacts[]> {
  const ids = [...new Set(clientIds.filter((id) => id.length > 0 && id.length <= 64))];
  if (!ids.length) return [];
  const rows = await db.client.findMany({
    where: { AND: [{ id: { in: ids } }, clientWhereForActor(actor)] },
    select: { id: true, teamId: true, coachId: true, erasedAt: true, active: true, closedAt: true },
  });
  // the query renders the rule; the rule itself has the last word
  return rows
    .map((r) => ({ id: r.id, teamId: r.teamId, coachId: r.coachId, erased: r.erasedAt !== null, closed: !r.active || r.closedAt !== null }))
    .filter((c) => mayReadClient(actor, c));
}

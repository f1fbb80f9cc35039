// "Which clients may this person see" as a Prisma where clause or an SQL condition, so scope is applied
// inside every query.
import { caseloadScopeOf, type Actor, type CaseloadScope } from "../domain/access/actor.ts";
import type { Prisma } from "../generated/prisma/client.ts";

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

// "Which clients may this person see" as a Prisma where clause, so scope is applied inside every query.
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

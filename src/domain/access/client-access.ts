// May this person see this client? The one rule behind every read of client data (review cards, the
// client picker, the pending list, caseload answers and their paging, exports). Storage renders the same
// rule as a query condition (src/storage/client-scope.ts); a test checks that both always agree.
import { caseloadScopeOf, type Actor, type CaseloadScope } from "./actor.ts";

/** What the rule needs to know about a client; never its name or anything said about the person. */
export interface ClientAccessFacts {
  id: string;
  teamId: string;
  coachId: string | null;
  /** anonymised after the retention period: nobody reads it through Trede any more */
  erased: boolean;
  /** no longer in the caseload; still readable within scope (history, reviews, data-subject requests) */
  closed: boolean;
}

export type ClientReadDecision = { allowed: true } | { allowed: false; reason: "erased" | "outside_scope" };

/** Whether a client lies within a scope, erasure aside. */
export function isWithinScope(scope: CaseloadScope, client: Pick<ClientAccessFacts, "teamId" | "coachId">): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "team":
      return client.teamId === scope.teamId;
    case "coach":
      return client.coachId !== null && client.coachId === scope.staffId;
  }
}

/**
 * Admin: every client; team lead or supervisor: their team's clients; anyone else: the clients they coach.
 * An erased client is never shown. Default-deny: whatever the rule does not allow is refused.
 */
export function decideClientRead(actor: Actor, client: ClientAccessFacts): ClientReadDecision {
  if (client.erased) return { allowed: false, reason: "erased" };
  return isWithinScope(caseloadScopeOf(actor), client) ? { allowed: true } : { allowed: false, reason: "outside_scope" };
}

export function mayReadClient(actor: Actor, client: ClientAccessFacts): boolean {
  return decideClientRead(actor, client).allowed;
}

// Which clients a person may see, asked of storage: the query applies the scope (src/storage/client-scope.ts)
// and the rule in client-access.ts has the last word.
import type { Actor } from "./actor.ts";
import type { ClientAccessFacts } from "./client-access.ts";

export interface ClientScopeStore {
  /** The given clients that lie within the actor's scope (erased ones never); unknown or forged ids are absent. */
  findInScope(actor: Actor, clientIds: readonly string[]): Promise<ClientAccessFacts[]>;
}

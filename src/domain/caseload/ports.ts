// What a caseload question needs from storage: the answer to a query within the asker's scope, and the
// names the interpreter and the model gate must know.
import type { CaseloadScope } from "../access/actor.ts";
import type { CaseloadQuery } from "./caseload-query.ts";
import type { CaseloadResult, ClientLine } from "./caseload-result.ts";

/** Names a question may use: inside the asker's scope, and those that exist outside it (refused as such). */
export interface ScopeVocabulary {
  wijken: string[];
  teams: string[];
  coaches: string[];
  outside: { wijken: string[]; teams: string[]; coaches: string[] };
}

export interface CaseloadStore {
  /** Runs the query with the scope in every WHERE clause; erased and closed clients never count. */
  answer(input: { query: CaseloadQuery; scope: CaseloadScope; askerStaffId: string; today: Date; page?: number }): Promise<CaseloadResult>;
  /** Every member of a list answer in the answer's order (what "Meer" pages through), for an export. */
  wholeList(input: {
    query: CaseloadQuery;
    scope: CaseloadScope;
    askerStaffId: string;
    today: Date;
  }): Promise<{ lines: (ClientLine & { confirmedAt?: Date })[]; total: number }>;
  vocabulary(scope: CaseloadScope): Promise<ScopeVocabulary>;
  /** Clients in scope whose name or number contains one of the capitalised words or codes of the text. */
  mentionedClients(scope: CaseloadScope, text: string): Promise<{ names: string[]; clientNumbers: string[] }>;
}

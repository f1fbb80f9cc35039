// A query from the model path names wijken, teams and coaches by value (placeholders restored). The
// deterministic interpreter only ever uses names from the asker's vocabulary and refuses others as out of
// scope; a model's query is held to the same rule here. A name the asker may not see, a client's name in
// filters.coaches or a made-up wijk makes the model's answer unusable (null): the deterministic path then
// answers, and says plainly what it did not use or what is outside the asker's scope.
import type { CaseloadQuery } from "./caseload-query.ts";

export interface QueryVocabulary {
  wijken: readonly string[];
  teams: readonly string[];
  coaches: readonly string[];
}

const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

function exact(value: string, known: readonly string[]): string | null {
  return known.find((k) => norm(k) === norm(value)) ?? null;
}

/** A coach by full name, or by first name when exactly one coach in the vocabulary has it. */
function coach(value: string, coaches: readonly string[]): string | null {
  const full = exact(value, coaches);
  if (full) return full;
  const first = coaches.filter((c) => norm(c).split(" ")[0] === norm(value));
  return first.length === 1 ? first[0] : null;
}

export function resolveModelQuery(query: CaseloadQuery, vocabulary: QueryVocabulary): CaseloadQuery | null {
  const f = query.filters;
  const wijken = f.wijken?.map((w) => exact(w, vocabulary.wijken));
  const team = f.team === undefined ? undefined : exact(f.team, vocabulary.teams);
  const coaches = f.coaches?.map((c) => coach(c, vocabulary.coaches));
  if (wijken?.includes(null) || team === null || coaches?.includes(null)) return null;
  const filters = { ...f };
  if (wijken) filters.wijken = wijken as string[];
  if (team !== undefined) filters.team = team;
  if (coaches) filters.coaches = [...new Set(coaches as string[])];
  return { ...query, filters } as CaseloadQuery;
}

// Deterministic interpretation of caseload questions in Dutch or English. It recognises the questions
// team leads ask (domain reference §4) with typos and word-order variants, and says so when it does not
// understand: it never guesses silently. Every recognised question is shown back in words.
import type { Locale } from "../localized.ts";
import { CaseloadQuery, type AgeBand, type CaseloadFilters, type Period } from "./caseload-query.ts";

export interface InterpretContext {
  locale: Locale;
  /** wijk names known in the asker's scope, for recognising "in Selwerd" */
  wijken: string[];
  teams: string[];
}

export type Interpretation = { ok: true; query: CaseloadQuery } | { ok: false; suggestions: string[] };

export const EXAMPLE_QUESTIONS: Record<Locale, string[]> = {
  nl: [
    "Wie op trede 1 gaat naar verwachting stijgen?",
    "Verdeling huidige en verwachte trede",
    "Hoeveel klanten zijn dit jaar minstens één trede gestegen?",
    "Wie is gedaald sinds de vorige meting?",
    "Welke klanten zijn langer dan 12 maanden niet gesproken?",
    "Welk percentage is in beeld, per wijk?",
    "Groeipotentieel per leeftijdscategorie",
    "Welke indelingen wachten op akkoord?",
    "Wie staat al twee jaar op dezelfde trede?",
    "Hoeveel verwijzingen naar werk of wijkteam dit jaar?",
  ],
  en: [
    "Who on rung 1 is expected to move up?",
    "Distribution of current and expected rung",
    "How many clients climbed at least one rung this year?",
    "Who moved down since the previous measurement?",
    "Which clients have not been spoken to for more than 12 months?",
    "What percentage is in view, per neighbourhood?",
    "Growth potential by age band",
    "Which classifications are waiting for approval?",
    "Who has been on the same rung for two years?",
    "How many referrals to work or the neighbourhood team this year?",
  ],
};

const NUMBER_WORDS: Record<string, number> = {
  een: 1, één: 1, eén: 1, one: 1, twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4, vijf: 5, five: 5, zes: 6, six: 6, zeven: 7, seven: 7,
  twaalf: 12, twelve: 12, achttien: 18, eighteen: 18, vierentwintig: 24,
};

// Words worth correcting when misspelt; short words are left alone (too many false friends).
const VOCABULARY = [
  "trede", "treden", "verwachting", "verwacht", "verwachte", "stijgen", "gestegen", "dalen", "gedaald", "verdeling", "huidige", "versus",
  "hoeveel", "aantal", "klanten", "gesproken", "maanden", "percentage", "leeftijdscategorie", "leeftijd", "groeipotentieel", "indelingen",
  "akkoord", "wachten", "beoordelen", "dezelfde", "tussenstap", "verwijzingen", "verwezen", "wijkteam", "leefdomeinen", "vooruitgang",
  "achteruitgang", "kwartaal", "ontheffing", "onbekend", "meting", "vorige", "jongeren", "ouder", "jonger",
  "expected", "rung", "rungs", "distribution", "current", "climbed", "clients", "months", "spoken", "percentage", "neighbourhood",
  "growth", "potential", "approval", "waiting", "referrals", "domains", "progress", "decline", "quarter", "unknown", "previous",
  "measurement", "review", "between",
];

/** Lower case, no accents, no punctuation, common typos corrected. */
export function normalise(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/één|eén/g, " 1 ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[<>]/g, (m) => ` ${m} `)
    .replace(/[^a-z0-9+<>\s-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain
    .split(" ")
    .map((w) => (w in NUMBER_WORDS ? String(NUMBER_WORDS[w]) : correct(w)))
    .join(" ");
}

function correct(word: string): string {
  if (word.length < 4 || VOCABULARY.includes(word) || /\d/.test(word)) return word;
  const limit = word.length >= 9 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const v of VOCABULARY) {
    if (Math.abs(v.length - word.length) > limit) continue;
    const d = distance(word, v, limit);
    if (d < bestDistance) [best, bestDistance] = [v, d];
  }
  return best ?? word;
}

/** Damerau-Levenshtein (adjacent swaps count once), stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[a.length][b.length];
}

const has = (t: string, re: RegExp) => re.test(t);

function monthsIn(t: string): number | undefined {
  const m = t.match(/(\d+)\s*(maand|maanden|month|months)\b/);
  if (m) return Number(m[1]);
  const y = t.match(/(\d+)\s*(jaar|jaren|year|years)\b/);
  if (y) return Number(y[1]) * 12;
  if (/\b(een|a|an)\s+(jaar|year)\b|\bjaar\b|\byear\b/.test(t)) return 12;
  return undefined;
}

function periodIn(t: string): Period | undefined {
  if (/\b(dit jaar|this year|afgelopen jaar)\b/.test(t)) return t.includes("afgelopen jaar") ? "last12Months" : "thisYear";
  if (/\b(vorig jaar|last year)\b/.test(t)) return "lastYear";
  if (/\b(dit kwartaal|this quarter|kwartaal|quarter)\b/.test(t)) return "thisQuarter";
  if (/\b(afgelopen 12 maanden|last 12 months|past 12 months|past year)\b/.test(t)) return "last12Months";
  return undefined;
}

function rungsIn(t: string): number[] | undefined {
  // "trede 1", "trede 1 of 2", "treden 1 en 2", "rung 1 or 2" — but not "verwachte trede 3" (that is the expectation)
  const m = t.match(/(?<!verwachte |expected )\b(?:trede|treden|rung|rungs|step|level|niveau)\s+(\d)(?:\s*(?:,|of|en|or|and|tot|to|-)\s*(\d))?/);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : undefined;
  if (b === undefined) return [a];
  if (/\b(tot|to|-)\b|-/.test(m[0])) return Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => Math.min(a, b) + i);
  return [a, b];
}

function expectedIn(t: string): CaseloadFilters["expected"] | undefined {
  if (/\b(verwachte trede onbekend|verwachting onbekend|onbekende verwachting|expected rung unknown|expectation unknown|unknown expect)/.test(t)) return { op: "unknown" };
  const explicit = t.match(/\b(?:verwachte trede|expected rung|verwacht op trede|expected on rung)\s+(\d)(\s+(of hoger|or higher|of meer|or more|\+))?/);
  if (explicit) return { op: explicit[2] ? "atLeast" : "equals", rung: Number(explicit[1]) };
  if (/\b(naar verwachting|verwacht|verwachte|expected|expect)\b.*\b(stijgen|stijgt|omhoog|hoger|vooruit|rise|move up|climb|go up|improve|higher)\b|\b(stijgen|stijgt|omhoog|hoger|rise|move up|climb|go up)\b.*\b(naar verwachting|verwacht|expected)\b/.test(t))
    return { op: "aboveCurrent" };
  if (/\b(naar verwachting|verwacht|expected)\b.*\b(dalen|daalt|omlaag|lager|drop|move down|go down|lower)\b/.test(t)) return { op: "belowCurrent" };
  return undefined;
}

function ageBandsIn(t: string): AgeBand[] | undefined {
  const bands: AgeBand[] = [];
  if (/(onder 27|jonger dan 27|< 27|jongeren|under 27|younger than 27|\byoung)/.test(t)) bands.push("<27");
  if (/(27 tot 45|27 45|27-45|tussen 27 en 45|between 27 and 45|27 to 45)/.test(t)) bands.push("27-45");
  if (/(45\+|45 plus|ouder dan 45|boven 45|45 en ouder|over 45|older than 45|45 and over|45 and older)/.test(t)) bands.push("45+");
  return bands.length ? bands : undefined;
}

export function interpretQuestion(question: string, ctx: InterpretContext): Interpretation {
  const t = ` ${normalise(question)} `;
  const fail: Interpretation = { ok: false, suggestions: EXAMPLE_QUESTIONS[ctx.locale] };
  if (t.trim().length < 3) return fail;

  const filters: CaseloadFilters = {};
  const rungs = rungsIn(t);
  if (rungs) filters.rungs = rungs;
  const expected = expectedIn(t);
  if (expected) filters.expected = expected;
  const wijken = ctx.wijken.filter((w) => t.includes(` ${normalise(w)} `));
  if (wijken.length) filters.wijken = wijken;
  const team = ctx.teams.find((x) => t.includes(` team ${normalise(x)} `));
  if (team) filters.team = team;
  if (/\b(mijn|ik|me|my|mine|i)\b/.test(t)) filters.mine = true;
  const bands = ageBandsIn(t);
  const sub = t.match(/\b(?:tussenstap|substep)\s+(?:\d\.)?(\d)\b/);
  if (sub && Number(sub[1]) >= 1 && Number(sub[1]) <= 3) filters.substep = Number(sub[1]);
  if (/\b(zonder tussenstap|geen tussenstap|without (a )?substep|no substep)(?![-\w])/.test(t)) filters.substep = "none";

  const period = periodIn(t);
  const asksCount = has(t, /\b(hoeveel|aantal|how many|number of|count)\b/);
  const build = (q: unknown): Interpretation => {
    const parsed = CaseloadQuery.safeParse(q);
    return parsed.success ? { ok: true, query: parsed.data } : fail;
  };
  const withAge = () => (bands ? { ...filters, ageBands: bands } : filters);

  if (has(t, /\b(wacht|wachten|waiting|awaiting|pending)\b.*\b(akkoord|approval|review)\b|\b(te beoordelen|pending reviews?|beoordelen)\b/))
    return build({ measure: "pendingReviews", filters: withAge() });
  if (has(t, /\b(groeipotentieel|growth potential|growth)\b/) && has(t, /\b(leeftijd|leeftijdscategorie|leeftijdsgroep|age|ages|band)\b/))
    return build({ measure: "growthByAgeBand", filters });
  if (has(t, /\b(verdeling|distribution|tabel|table|spreiding|kruistabel|cross)\b|\bversus\b|\bvs\b|\btegenover\b/) && has(t, /\b(verwacht|verwachte|expected)\b/) && has(t, /\b(huidig|huidige|current|nu)\b/))
    return build({ measure: "crossTab", filters: withAge() });
  if (has(t, /\b(in beeld|in view|bereik|bereikt|reach)\b/) || (has(t, /\bpercentage\b/) && has(t, /\b(wijk|wijken|neighbourhood|neighborhood)\b/)))
    return build({ measure: "reach", filters: withAge() });
  if (has(t, /\b(verwijzing|verwijzingen|verwezen|doorverwezen|referral|referrals|referred)\b/)) {
    const outcomes = [
      ...(has(t, /\b(werk|work)\b/) ? ["werk"] : []),
      ...(has(t, /\b(wijkteam|neighbourhood team|neighborhood team)\b/) ? ["wijkteam"] : []),
      ...(has(t, /\b(ontheffing|ontheffingsverzoek|exemption)\b/) ? ["ontheffingsverzoek"] : []),
    ];
    return build({ measure: "referrals", period: period ?? "thisYear", filters: outcomes.length ? { ...withAge(), outcomes } : withAge() });
  }
  if (has(t, /\b(leefdomein|leefdomeinen|domein|domeinen|domain|domains|zrm)\b/))
    return build({ measure: "domainTrends", period: period ?? "thisQuarter", filters: withAge() });
  if (!expected && has(t, /\b(gestegen|gestegen zijn|omhoog gegaan|vooruitgegaan|moved up|went up|climbed|improved|risen|rose)\b/))
    return build({ measure: "movement", direction: "up", period, filters: withAge() });
  if (!expected && has(t, /\b(gedaald|gezakt|achteruitgegaan|teruggevallen|moved down|went down|dropped|declined|fell)\b/))
    return build({ measure: "movement", direction: "down", period, filters: withAge() });
  if (has(t, /\b(niet gesproken|niet gezien|geen contact|niet bereikt|niet meer gesproken|not spoken|not seen|no contact|haven t spoken|not been spoken|not talked)\b/)) {
    filters.monthsSinceContactAtLeast = monthsIn(t) ?? 12;
    return build({ measure: asksCount ? "count" : "list", filters: withAge() });
  }
  if (has(t, /\b(dezelfde trede|zelfde trede|same rung|same step|stilstaan|stil staan|stuck)\b/)) {
    filters.monthsOnSameRungAtLeast = monthsIn(t) ?? 24;
    return build({ measure: asksCount ? "count" : "list", filters: withAge() });
  }
  if (has(t, /\b(verdeling|distribution|spreiding|per)\b/)) {
    const by = has(t, /\b(wijk|wijken|neighbourhood|neighborhood)\b/) ? "wijk" : has(t, /\b(coach|coaches)\b/) ? "coach" : has(t, /\b(tussenstap|tussenstappen|substep|substeps)\b/) ? "substep" : has(t, /\b(verwacht|verwachte|expected)\b/) ? "expected" : has(t, /\b(trede|treden|rung|rungs|ladder)\b/) ? "rung" : undefined;
    if (by) return build({ measure: "distribution", by, filters: withAge() });
  }
  if (bands) filters.ageBands = bands;
  if (has(t, /\b(groeipotentieel|growth potential)\b/)) filters.growthPotential = has(t, /\b(zonder|geen|without|no)\b/) ? "nee" : "ja";
  if (has(t, /\b(ontheffing|vrijstelling|exemption|exempt)\b/)) filters.ontheffing = !has(t, /\b(zonder|geen|without)\b/);
  const recognisedFilter = Object.keys(filters).some((k) => k !== "mine");
  if (asksCount && (recognisedFilter || has(t, /\b(klanten|clients|caseload)\b/))) return build({ measure: "count", filters });
  if (has(t, /\b(wie|welke|who|which|lijst|list|toon|show|laat zien|geef)\b/) && recognisedFilter) return build({ measure: "list", filters });
  if (recognisedFilter && (filters.rungs || filters.wijken || filters.expected)) return build({ measure: "list", filters });
  return fail;
}

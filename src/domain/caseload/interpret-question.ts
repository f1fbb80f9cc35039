// Deterministic interpretation of caseload questions in Dutch or English. Every word of a question is
// accounted for: each recogniser marks the words it used, function words are free, and any other word
// left over means Trede did not understand the whole question. Then it answers nothing and says which
// part it did not understand, offering the nearest question it can answer. Questions about people or
// places outside the asker's scope are refused as such. It never answers a different question silently.
import type { Locale } from "../localized.ts";
import {
  AGE_BANDS,
  ageBandRange,
  CaseloadQuery,
  type AgeBand,
  type CaseloadFilters,
  type DistributionBy,
  type Period,
} from "./caseload-query.ts";
import { describePeriod } from "./describe-query.ts";
import { detectLocale, FREE_WORDS, normaliseQuestion, QuestionTokens } from "./question-tokens.ts";
import { t } from "../../i18n/catalogue/index.ts";

export interface InterpretContext {
  locale: Locale;
  /** wijk names known in the asker's scope, for recognising "in Selwerd" */
  wijken: string[];
  teams: string[];
  /** display names of the coaches whose clients the asker may see */
  coaches?: string[];
  /** names that exist but are outside the asker's scope: asking about them is refused as such */
  outside?: { wijken?: string[]; teams?: string[]; coaches?: string[] };
}

export type Interpretation =
  | { ok: true; query: CaseloadQuery; locale: Locale }
  | {
      ok: false;
      reason: "notUnderstood" | "outOfScope";
      locale: Locale;
      /** the parts of the question not understood ("notUnderstood") or the people/places out of scope */
      unused: string[];
      /** the nearest question Trede can answer, when one could be built from the rest */
      nearest?: CaseloadQuery;
      suggestions: string[];
    };

/** What Trede offers when it does not understand a question (the texts are in the catalogue). */
export const EXAMPLE_QUESTIONS: Record<Locale, string[]> = {
  nl: t("nl").caseloadExamples.questions,
  en: t("en").caseloadExamples.questions,
};

// Words worth correcting when misspelt (names and wijken are added per question).
const VOCABULARY = [
  "trede",
  "treden",
  "verwachting",
  "verwacht",
  "verwachte",
  "stijgen",
  "gestegen",
  "dalen",
  "gedaald",
  "verdeling",
  "huidige",
  "versus",
  "hoeveel",
  "aantal",
  "klanten",
  "gesproken",
  "maanden",
  "percentage",
  "leeftijdscategorie",
  "leeftijd",
  "groeipotentieel",
  "indelingen",
  "akkoord",
  "wachten",
  "beoordelen",
  "dezelfde",
  "tussenstap",
  "tussenstappen",
  "verwijzingen",
  "verwezen",
  "doorverwezen",
  "wijkteam",
  "leefdomeinen",
  "vooruitgang",
  "achteruitgang",
  "kwartaal",
  "ontheffing",
  "onbekend",
  "meting",
  "vorige",
  "jongeren",
  "ouder",
  "jonger",
  "gezien",
  "weken",
  "dagen",
  "maand",
  "jaar",
  "sinds",
  "tussen",
  "coach",
  "coaches",
  "elke",
  "iedere",
  "ontwikkeld",
  "ontwikkeling",
  "arbeidsplicht",
  "vrijstelling",
  "welke",
  "staan",
  "hoger",
  "lager",
  "minstens",
  "contact",
  "afgelopen",
  "vorig",
  "expected",
  "rung",
  "rungs",
  "distribution",
  "current",
  "climbed",
  "clients",
  "months",
  "spoken",
  "neighbourhood",
  "neighborhood",
  "growth",
  "potential",
  "approval",
  "waiting",
  "referrals",
  "domains",
  "progress",
  "decline",
  "quarter",
  "unknown",
  "previous",
  "measurement",
  "review",
  "between",
  "which",
  "exemption",
  "older",
  "younger",
  "weeks",
  "days",
  "since",
  "dropped",
  "each",
  "every",
  // correct words that are close to a keyword stay themselves
  "reach",
  "paid",
  "work",
  "werk",
  "wijk",
  "wijken",
  "betaald",
  "onbetaald",
  "staan",
  "staat",
  "gaan",
  "gaat",
  "heeft",
  "hebben",
  "welk",
  "zijn",
  "jaren",
  "years",
  "year",
  "month",
  "week",
  "weken",
  "maand",
  "zien",
  "gezien",
  "seen",
  "show",
  "list",
  "lijst",
  "toon",
  "geef",
  "level",
  "step",
  "steps",
  "teams",
  "team",
  "coach",
  "over",
  "under",
  "onder",
  "boven",
  "above",
  "below",
  "lower",
  "higher",
  "more",
  "less",
  "meer",
  "minder",
  "than",
  "then",
  "dan",
  "niet",
  "geen",
  "zonder",
  "without",
  "none",
  "with",
  "met",
  "have",
  "been",
  "they",
  "them",
  "their",
  "hun",
  "haar",
  "zijn",
  "mijn",
  "mine",
  "plus",
  "oud",
  "old",
  "aged",
  "ages",
  "band",
  "bands",
  "group",
  "groups",
  "ouderen",
  "young",
  "youth",
  "klant",
  "client",
  "people",
  "mensen",
  "omhoog",
  "omlaag",
  "moved",
  "move",
  "down",
  "rise",
  "rose",
  "fell",
  "fall",
  "climb",
  "improve",
  "drop",
  "drops",
  "reached",
  "bereikt",
  "bereik",
  "view",
  "beeld",
  "zorg",
  "care",
  "referred",
  "referral",
  "outcome",
  "uitkomst",
  "status",
  "reden",
  "reason",
  "instrument",
  "aanvulling",
  "educatie",
  "startkwalificatie",
  "laaggeletterd",
  "inburgeringsplichtig",
  "vrijgesteld",
  "exempt",
  "exempted",
  "obligation",
  "spoken",
  "contact",
  "contacts",
  "contacten",
  "visit",
  "visits",
  "bezoek",
  "huisbezoek",
  "huisbezoeken",
  "trend",
  "trends",
  "ontwikkeld",
  "verloop",
  "time",
  "tijd",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "oktober",
  "november",
  "december",
  "januari",
  "februari",
  "september",
  "wacht",
  "wachten",
  "pending",
  "hoog",
  "laag",
  "sinds",
  "vanaf",
  "from",
  "until",
  "through",
  "tussen",
  "between",
  "half",
  "halve",
  "stuck",
  "same",
  "zelfde",
  "stilstaan",
  "percentage",
  "procent",
  "share",
  "deel",
  "many",
  "much",
  "number",
  "count",
  "aantal",
  "tabel",
  "table",
  "cross",
  "kruistabel",
  "against",
  "versus",
  "tegenover",
  "per",
  "elke",
  "ieder",
  "iedere",
  "each",
  "every",
  "alle",
  "overzicht",
  "breakdown",
  "split",
  "dezelfde",
  "tussenstap",
  "substep",
  "substeps",
  "domain",
  "domein",
  "domeinen",
  "maar",
  "terwijl",
  "while",
  "still",
  "nog",
  "please",
  "langer",
  "naar",
  "vanaf",
  "gaat",
  "doen",
  "doet",
  "zitten",
  "zit",
  "hoeveel",
  "wordt",
  "worden",
  "komen",
  "klanten",
  "hebben",
  "minstens",
  "ooit",
  "vorige",
  "sinds",
  "laatste",
  "afgelopen",
  "tijdens",
  "gedurende",
  "into",
  "onto",
  "their",
  "graag",
  "who",
  "whom",
  "what",
  "wat",
  "wie",
  "welke",
  "hoe",
  "how",
  "when",
  "wanneer",
  "where",
  "waar",
  ...FREE_WORDS,
];

const COMMON = new Set(VOCABULARY);

/** Lower case, no accents, no punctuation, common typos corrected. */
export function normalise(text: string, extraVocabulary: readonly string[] = []): string {
  return normaliseQuestion(text, [...VOCABULARY, ...extraVocabulary]);
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Whole words only: the text has one space between words and one at each end. */
const compiled = new Map<string, RegExp>();
const rx = (source: string) => {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(`(?<= )(?:${source})(?= )`);
    compiled.set(source, re);
  }
  return re;
};
const DATE = "d(\\d{8})";
const RUNG_WORD = "(?:trede|treden|tr|rung|rungs|ladder ?trede|niveau|level|step)";
const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

interface Names {
  canonical: string;
  patterns: string[];
}

/** Ways a name can be written: whole, and for people also the first or last name alone. */
function nameForms(names: string[] | undefined, person: boolean): Names[] {
  return (names ?? []).map((canonical) => {
    const n = normaliseQuestion(canonical, []);
    const parts = n.split(" ");
    const forms = new Set([n, n.replace(/ /g, "")]);
    if (person && parts.length > 1) {
      forms.add(parts[0]);
      const last = parts.slice(1).join(" ");
      if (last.length >= 4 && !COMMON.has(last)) forms.add(last);
      const lastWord = parts.at(-1)!;
      // "Meer" of "van der Meer" alone is a word, not a name
      if (lastWord.length >= 4 && !COMMON.has(lastWord)) forms.add(lastWord);
    }
    return { canonical, patterns: [...forms].sort((a, b) => b.length - a.length).map(esc) };
  });
}

function findNames(tokens: QuestionTokens, names: Names[], prefix: string): string[] {
  const found: { name: string; at: number }[] = [];
  // longest forms first across every name, so "de wijert" wins over a name "wijert"
  const all = names.flatMap((n) => n.patterns.map((p) => ({ n, p }))).sort((a, b) => b.p.length - a.p.length);
  for (const { n, p } of all) {
    const m = tokens.take(rx(`(?:${prefix} )?${p}(?: s| haar| zijn)?`));
    if (m && !found.some((f) => f.name === n.canonical)) found.push({ name: n.canonical, at: m.index ?? 0 });
  }
  // in the order the question names them
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

function durationMonthsOrDays(m: RegExpMatchArray | null): { months?: number; days?: number } | undefined {
  if (!m?.groups) return undefined;
  const g = m.groups;
  if (g.half) return { months: 6 };
  const n = Number(g.n ?? 1);
  const unit = g.unit ?? "";
  if (/^(dag|dagen|day|days)$/.test(unit)) return { days: n };
  if (/^(week|weken|weeks)$/.test(unit)) return { days: n * 7 };
  if (/^(maand|maanden|month|months)$/.test(unit)) return { months: n };
  return { months: n * 12 };
}

const DURATION = `(?:(?:al|ruim|meer dan|langer dan|minstens|ten minste|over|for|for over|for more than|more than|at least|in|in de|in the|sinds|since|de|the|afgelopen|laatste|past|last) )*(?:(?<half>een half jaar|half jaar|half year|half a year|halfjaar|6 maanden|six months)|(?:(?<n>\\d{1,3})|een|a|an) (?<unit>dagen|dag|days|day|weken|week|weeks|maanden|maand|months|month|jaren|jaar|years|year))(?: lang| long)?`;

function periodFrom(tokens: QuestionTokens): Period | undefined {
  let m = tokens.take(rx(`(?:tussen|between|van|from) ${DATE} (?:en|and|tot en met|tot|to|until|till|t m) ${DATE}`));
  if (m) return { from: iso(m[1]), to: iso(m[2]) };
  m = tokens.take(rx(`(?:sinds|vanaf|since|from) ${DATE}`));
  if (m) return { from: iso(m[1]) };
  m = tokens.take(rx(`(?:in|over|during|tijdens)? ?(20\\d\\d)`));
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  if (tokens.take(rx("(?:in |over |during )?(?:dit jaar|this year|het huidige jaar|the current year)"))) return "thisYear";
  if (tokens.take(rx("(?:in |over |during )?(?:vorig jaar|vorige jaar|last year|previous year|het vorige jaar)"))) return "lastYear";
  if (tokens.take(rx("(?:in |over |during )?(?:dit kwartaal|deze kwartaal|this quarter|het huidige kwartaal|the current quarter)")))
    return "thisQuarter";
  if (
    tokens.take(
      rx("(?:in |over |during )?(?:vorig kwartaal|vorige kwartaal|het vorige kwartaal|last quarter|previous quarter|the previous quarter)"),
    )
  )
    return "lastQuarter";
  if (tokens.take(rx("(?:in |over |during )?(?:deze maand|this month)"))) return "thisMonth";
  if (tokens.take(rx("(?:in |over |during )?(?:vorige maand|last month|previous month)"))) return "lastMonth";
  m = tokens.take(
    rx(
      `(?:in |over |during )?(?:de |het |the )?(?:afgelopen|laatste|past|last) (?:(?<half>half jaar|halfjaar|half year)|(?<n>\\d{1,3}) (?<unit>maanden|months|jaar|years)|(?<y>jaar|year|12 maanden|12 months))`,
    ),
  );
  if (m?.groups) {
    if (m.groups.half) return { lastMonths: 6 };
    if (m.groups.y) return "last12Months";
    const months = Number(m.groups.n) * (/^(jaar|years)$/.test(m.groups.unit ?? "") ? 12 : 1);
    return months === 12 ? "last12Months" : { lastMonths: months };
  }
  return undefined;
}

function rungFilters(tokens: QuestionTokens, filters: CaseloadFilters): void {
  const R = "([1-7])";
  let m = tokens.take(
    rx(`(?:op |on )?${RUNG_WORD} ${R} (?:of|en|or|and|,) (?:${RUNG_WORD} )?${R}(?: (?:of|en|or|and) (?:${RUNG_WORD} )?${R})?`),
  );
  if (m) {
    filters.rungs = [...new Set([m[1], m[2], m[3]].filter(Boolean).map(Number))].sort();
    return;
  }
  m = tokens.take(
    rx(`(?:op |on |van |from |tussen |between )?${RUNG_WORD} ${R} (?:tot en met|tot|t m|to|through|until|en|and) (?:${RUNG_WORD} )?${R}`),
  );
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])].sort();
    filters.rungs = Array.from({ length: b - a + 1 }, (_, i) => a + i);
    return;
  }
  m = tokens.take(rx(`(?:op |on )?${RUNG_WORD} ${R} (?:of |en |or |and )?(?:hoger|higher|meer|more|above|boven|up|\\+)`));
  if (m) {
    filters.rungRange = { min: Number(m[1]) };
    return;
  }
  m = tokens.take(rx(`(?:op |on )?${RUNG_WORD} ${R} (?:of |en |or |and )?(?:lager|lower|minder|less|below|onder|down)`));
  if (m) {
    filters.rungRange = { max: Number(m[1]) };
    return;
  }
  m = tokens.take(
    rx(
      `(?:op |on )?(?:een )?(?:hoger dan|boven|above|higher than|over) ${RUNG_WORD} ${R}|(?:op |on )?(?:een )?${RUNG_WORD} (?:hoger dan|boven|above|higher than|over) ${R}`,
    ),
  );
  if (m) {
    filters.rungRange = { min: Number(m[1] ?? m[2]) + 1 };
    return;
  }
  m = tokens.take(
    rx(
      `(?:op |on )?(?:een )?(?:lager dan|onder|below|lower than|under) ${RUNG_WORD} ${R}|(?:op |on )?(?:een )?${RUNG_WORD} (?:lager dan|onder|below|lower than|under) ${R}`,
    ),
  );
  if (m) {
    const max = Number(m[1] ?? m[2]) - 1;
    if (max >= 1) filters.rungRange = { max };
    return;
  }
  m = tokens.take(rx(`(?:op |on |at )?${RUNG_WORD} ${R}`));
  if (m) filters.rungs = [Number(m[1])];
}

function expectedFilter(tokens: QuestionTokens): CaseloadFilters["expected"] | undefined {
  const EXP =
    "(?:een |an? |de |the )?(?:verwachte trede|verwachte tr|verwachte treden|verwachting|verwachte|expected rung|expected level|expected step|expected)";
  const R = "([1-7])";
  if (
    tokens.take(
      rx(
        `(?:met |with |waarvan |whose )?(?:${EXP} (?:is |are )?(?:onbekend|unknown|leeg|empty|niet ingevuld|not set)|onbekende verwachte trede|onbekende verwachting|geen verwachte trede|geen verwachting|no expected rung|unknown expected rung|without an? expected rung|zonder verwachte trede)`,
      ),
    )
  )
    return { op: "unknown" };
  const current =
    "(?:de |het |the )?(?:(?:hun|zijn|haar|their) (?:huidige|current)(?: trede| rung)?|huidige(?: trede)?|current(?: rung| one| 1)?|nu|now|ze nu staan|they are now|waar ze nu staan|their current rung)";
  if (tokens.take(rx(`(?:met |with )?${EXP} (?:is |die |that is )?(?:hoger dan|boven|above|higher than) ${current}`)))
    return { op: "aboveCurrent" };
  if (tokens.take(rx(`(?:met |with )?${EXP} (?:is |die |that is )?(?:lager dan|onder|below|lower than) ${current}`)))
    return { op: "belowCurrent" };
  if (
    tokens.take(
      rx(`(?:met |with )?${EXP} (?:is |die |that is )?(?:gelijk aan|hetzelfde als|zelfde als|equal to|the same as|same as) ${current}`),
    )
  )
    return { op: "sameAsCurrent" };
  let m = tokens.take(
    rx(
      `(?:met |with )?${EXP} (?:van |of |is |op |on )?(?:trede |rung )?${R} (?:of |en |or |and )?(?:hoger|higher|meer|more|above|boven|\\+)`,
    ),
  );
  if (m) return { op: "atLeast", rung: Number(m[1]) };
  m = tokens.take(
    rx(`(?:met |with )?${EXP} (?:van |of |is |op |on )?(?:trede |rung )?${R} (?:of |en |or |and )?(?:lager|lower|minder|less|below|onder)`),
  );
  if (m) return { op: "atMost", rung: Number(m[1]) };
  m = tokens.take(
    rx(`(?:met |with )?${EXP} (?:is |die )?(?:hoger dan|boven|above|higher than|over|groter dan|greater than) (?:trede |rung )?${R}`),
  );
  if (m) return { op: "above", rung: Number(m[1]) };
  m = tokens.take(
    rx(`(?:met |with )?${EXP} (?:is |die )?(?:lager dan|onder|below|lower than|under|kleiner dan|less than) (?:trede |rung )?${R}`),
  );
  if (m) return { op: "below", rung: Number(m[1]) };
  m = tokens.take(
    rx(
      `(?:met |with )?${EXP} (?:van |of |is |op |on |=)?(?:trede |rung )?${R}|(?:naar verwachting|verwacht|expected) (?:op |on |naar |to |to be on |to reach |te gaan naar )?(?:trede|rung) ${R}`,
    ),
  );
  if (m) return { op: "equals", rung: Number(m[1] ?? m[2]) };
  if (
    tokens.take(
      rx(
        `(?:naar verwachting|verwacht(?:en)?) (?:te )?(?:gaan |zullen )?(?:betaald werk|betaald werk bereiken|naar betaald werk|aan het werk)(?: (?:gaan|te gaan|bereiken|komen|stromen))?|(?:expected|likely) to (?:reach|get|find|move into|go into|move to) paid work|(?:verwacht|expected) (?:in|to be in) paid work`,
      ),
    )
  )
    return { op: "atLeast", rung: 5 };
  const up =
    "(?:stijgen|stijgt|omhoog gaan|omhoog|vooruitgaan|vooruit gaan|vooruit|klimmen|groeien|een trede stijgen|move up|rise|climb|go up|improve|step up|to move up a rung|to climb a rung)";
  const down =
    "(?:dalen|daalt|zakken|omlaag gaan|omlaag|achteruitgaan|achteruit gaan|achteruit|move down|drop|fall|go down|decline|step down)";
  const exp =
    "(?:gaat |gaan |zal |zullen |is |are |zijn )?(?:naar verwachting|verwacht(?:en)? (?:te |dat )?|verwachte|will be expected to|expected to|are expected to|is expected to)";
  if (
    tokens.take(
      rx(
        `${exp} (?:gaan |zullen |wordt )?(?:te )?${up}(?: gaan| zullen)?|(?:gaat |gaan |zal |zullen )?${up} (?:gaan |zullen )?(?:naar verwachting|verwacht)|verwachte stijgers|expected risers|expected to rise`,
      ),
    )
  )
    return { op: "aboveCurrent" };
  if (
    tokens.take(
      rx(
        `${exp} (?:gaan |zullen )?(?:te )?${down}(?: gaan| zullen)?|(?:gaat |gaan |zal |zullen )?${down} (?:gaan |zullen )?(?:naar verwachting|verwacht)`,
      ),
    )
  )
    return { op: "belowCurrent" };
  return undefined;
}

/** Inclusive age bounds; undefined when the question names no age. */
function ageFilter(tokens: QuestionTokens): { min?: number; max?: number } | undefined {
  const YRS = "(?: jaar(?: oud)?| jaren| years?(?: old)?| yrs| jr)?";
  const A = "(\\d{2})";
  if (
    tokens.take(
      rx(
        `(?:de )?jongeren(?: (?:onder|tot|jonger dan) (?:de )?27${YRS})?|young people(?: under 27)?|youngsters|youth|jongeren onder de 27`,
      ),
    )
  )
    return { max: 26 };
  let m = tokens.take(rx(`(?:van |aged |age |tussen |between |from )?${A}${YRS} (?:tot en met|t m|to|through|en|and|-) ${A}${YRS}`));
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = tokens.take(rx(`(?:van |aged |age |from )?${A}${YRS} (?:tot|until|up to) ${A}${YRS}`));
  if (m) return { min: Number(m[1]), max: Number(m[2]) - 1 };
  m = tokens.take(
    rx(
      `(?:van |aged |age |of |die )?${A}${YRS} (?:en|of|and|or) (?:ouder|older|over|meer|up|above|boven)|(?:van |aged |age )?${A} ?(?:\\+|plussers|plusser)${YRS}|(?:vanaf|from|aged|age) ${A}${YRS}(?: (?:en|of|and|or) (?:ouder|older|over|up))?|${A} plus|${A}${YRS} (?:and|en) up`,
    ),
  );
  if (m) return { min: Number(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) };
  m = tokens.take(
    rx(
      `(?:van |aged |age )?${A}${YRS} (?:en|of|and|or) (?:jonger|younger|under|below|minder|less)|(?:tot en met|t m|up to and including) ${A}${YRS}`,
    ),
  );
  if (m) return { max: Number(m[1] ?? m[2]) };
  m = tokens.take(rx(`(?:ouder dan|boven(?: de)?|older than|over(?: the age of)?|above(?: the age of)?|aged over|age over) ${A}${YRS}`));
  if (m) return { min: Number(m[1]) + 1 };
  m = tokens.take(
    rx(`(?:jonger dan|onder(?: de)?|younger than|under(?: the age of)?|below(?: the age of)?|aged under|age under|\\<) ?${A}${YRS}`),
  );
  if (m) return { max: Number(m[1]) - 1 };
  m = tokens.take(rx(`(?:van |aged |age |leeftijd )${A}${YRS}|${A} (?:jaar oud|years old|jarigen|jarige)`));
  if (m) return { min: Number(m[1] ?? m[2]), max: Number(m[1] ?? m[2]) };
  return undefined;
}

/** Breakdown dimension after "per", "elke", "by", ... */
const BREAKDOWN: [DistributionBy | "month" | "quarter" | "crossTab", string][] = [
  ["month", "maand|maanden|month|months"],
  ["quarter", "kwartaal|kwartalen|quarter|quarters"],
  [
    "crossTab",
    "(?:huidige|current)(?: trede| rung)? (?:en|versus|vs|tegenover|tov|against|and|compared to|vergeleken met|naast) (?:de |the )?(?:verwachte|expected)(?: trede| rung)?|(?:verwachte|expected)(?: trede| rung)? (?:en|versus|vs|tegenover|tov|against|and) (?:de |the )?(?:huidige|current)(?: trede| rung)?",
  ],
  ["expected", "(?:verwachte|expected) (?:trede|treden|rung|rungs|level)|verwachting"],
  ["rung", "(?:huidige |current )?(?:trede|treden|tr|rung|rungs|step|level|niveau|ladder|ladder trede)"],
  ["substep", "tussenstap|tussenstappen|substep|substeps"],
  ["wijk", "wijk|wijken|neighbourhood|neighbourhoods|neighborhood|neighborhoods|area|district|stadsdeel"],
  ["coach", "coach|coaches|klantmanager|klantmanagers|consulent|consulenten|medewerker|medewerkers|caseworker|caseworkers"],
  ["team", "team|teams"],
  [
    "ageBand",
    "leeftijdscategorie|leeftijdscategorieen|leeftijdsgroep|leeftijdsgroepen|leeftijdsklasse|leeftijd|age band|age bands|age group|age groups|age category|age|ages",
  ],
  ["growthPotential", "groeipotentieel|growth potential"],
];

function breakdownIn(tokens: QuestionTokens): DistributionBy | "month" | "quarter" | "crossTab" | undefined {
  const lead =
    "(?:per|elke|iedere|ieder|elk|each|every|by|verdeling naar|uitgesplitst (?:naar|per)|opgesplitst (?:naar|per)|split by|broken down by|verdeeld (?:naar|over|per)|over de|across|voor elke|voor iedere|for each|for every|van elke|of each|per soort)";
  for (const [by, words] of BREAKDOWN) {
    if (by === "crossTab") {
      if (
        tokens.take(
          rx(
            `(?:(?:de |een |the |a )?(?:verdeling|distribution|tabel|table|kruistabel|cross tab|crosstab|breakdown|overzicht|spreiding) )?(?:(?:van|of|naar|over) )?(?:de |the )?(?:${words})(?: (?:trede|treden|rung|rungs))?(?: (?:tabel|table|verdeling|distribution))?`,
          ),
        )
      )
        return "crossTab";
      continue;
    }
    if (tokens.take(rx(`${lead} (?:de |het |the )?(?:${words})`))) return by;
  }
  return undefined;
}

function distributionIn(tokens: QuestionTokens): DistributionBy | undefined {
  if (
    !tokens.take(
      rx("(?:de |een |the |a )?(?:verdeling|distribution|spreiding|breakdown|overzicht|uitsplitsing)(?: (?:van|of|over|naar|by|per))?"),
    )
  )
    return undefined;
  for (const [by, words] of BREAKDOWN) {
    if (by === "crossTab" || by === "month" || by === "quarter") continue;
    if (tokens.take(rx(`(?:de |het |the )?(?:${words})`))) return by;
  }
  return "rung";
}

export function interpretQuestion(question: string, ctx: InterpretContext): Interpretation {
  const coachForms = nameForms(ctx.coaches, true);
  const outsideCoachForms = nameForms(ctx.outside?.coaches, true);
  const wijkForms = nameForms(ctx.wijken, false);
  const outsideWijkForms = nameForms(ctx.outside?.wijken, false);
  const teamForms = nameForms(ctx.teams, false);
  const outsideTeamForms = nameForms(ctx.outside?.teams, false);
  const nameWords = [...coachForms, ...outsideCoachForms, ...wijkForms, ...outsideWijkForms, ...teamForms, ...outsideTeamForms]
    .flatMap((n) => n.patterns.flatMap((p) => p.split(" ")))
    .filter((w) => w.length >= 4 && !/\\/.test(w));
  const text = normalise(question, nameWords);
  const locale = detectLocale(text) ?? ctx.locale;
  const tokens = new QuestionTokens(text);
  const refuse = (reason: "notUnderstood" | "outOfScope", unused: string[], nearest?: CaseloadQuery): Interpretation => ({
    ok: false,
    reason,
    locale,
    unused,
    ...(nearest ? { nearest } : {}),
    suggestions: EXAMPLE_QUESTIONS[locale],
  });
  if (!tokens.words.length) return refuse("notUnderstood", []);

  // people and places outside the asker's scope: say so, answer nothing about them
  const outside = [
    ...findNames(tokens, outsideTeamForms, "team").map((t) => `team ${t}`),
    ...findNames(tokens, outsideCoachForms, "(?:van|bij|of|coach|klantmanager|heeft|has)"),
    ...findNames(tokens, outsideWijkForms, "(?:in|uit|wijk|from)"),
  ];

  const filters: CaseloadFilters = {};
  const team = findNames(tokens, teamForms, "(?:van |in |bij |of |from )?(?:het |the )?team");
  if (team.length === 1) filters.team = team[0];
  const coaches = findNames(tokens, coachForms, "(?:van|bij|of|coach|klantmanager|heeft|has|door|by)(?: coach)?");
  if (coaches.length) filters.coaches = coaches;
  const wijken = findNames(
    tokens,
    wijkForms,
    "(?:(?:die |who )?(?:wonen|woont|wonend|live|lives|living) in(?: de wijk)?|in (?:de )?wijk|in the neighbourhood|in|uit|wijk|from)",
  );
  if (wijken.length) filters.wijken = wijken;

  // what is asked (measure words); the filters below are taken first where words overlap
  const pending = tokens.takeAll(
    rx(
      "(?:welke |which |de |the )?(?:indelingen |classificaties |classifications |metingen )?(?:die )?(?:wachten|wacht|waiting|awaiting|pending)(?: nog)? (?:op|for) (?:akkoord|goedkeuring|approval|review|beoordeling)|(?:te|nog te) beoordelen|beoordelen|beoordeeld (?:worden|moeten worden)|pending reviews?|to review|review list|reviewlijst|(?:openstaande|open) (?:beoordelingen|reviews)",
    ),
  );
  if (pending.length)
    tokens.takeAll(
      rx(
        "indelingen|classificaties|classifications|wat moet er nog|wat moet ik nog|wat|moet|er|ik|nog|what do i need|need|i|do|welke|which",
      ),
    );
  const sincePrevious = tokens.take(
    rx(
      "(?:sinds|since|t o v|tov|ten opzichte van|compared to|vergeleken met) (?:de |the |their |hun )?(?:vorige|laatste|previous|last|prior) (?:meting|measurement|indeling|classification|keer|time)",
    ),
  );

  // "mijn team" is the asker's scope, not their own clients
  tokens.take(rx("(?:van |in |of |from )?(?:mijn|my|ons|our|het|the) team"));
  if (
    tokens.take(
      rx(
        "(?:mijn|my)(?: eigen| own)?|(?:van|of) (?:mij|mijzelf|mezelf|me|mine)|mine|(?:heb|hebben|zie|spreek|begeleid) ik(?: er)?|ik (?:heb|begeleid|zie|spreek)|(?:have|do|did) i(?: got)?|i (?:have|ve got|got|support|coach|see)|die ik (?:begeleid|heb)",
      ),
    )
  )
    filters.mine = true;
  // contact recency
  let contact = tokens.take(
    rx(
      `(?:die |who |that |waarmee |met wie |we |have |has |zijn |is |are |been |not )*(?:(?:langer dan |meer dan |already |al )?(?:${DURATION} )?)?(?:niet (?:meer )?(?:gesproken|gezien|bereikt|bezocht|gecontacteerd|gesproken of gezien)|geen contact(?: gehad| meer)?|not (?:been )?(?:seen|spoken to|spoken with|spoken|contacted|reached|visited)|no contact|without contact|zonder contact|have not seen|haven t (?:seen|spoken to|spoken with)|(?:haven|hasn|have|has)(?: t| not)? been (?:seen|spoken to|spoken with|contacted|visited|reached)|hasn t been (?:seen|spoken to)|nobody has seen|niemand heeft gezien|niet in beeld|uit beeld|out of view|not in view)`,
    ),
  );
  let contactDuration: { months?: number; days?: number } | undefined;
  if (contact) {
    contactDuration = durationMonthsOrDays(new RegExp(DURATION).exec(` ${contact[0]} `)) ?? durationMonthsOrDays(tokens.take(rx(DURATION)));
  }
  // "langer dan een jaar geen contact", "in 3 maanden niet gezien" were taken above; "sinds een half jaar" after
  // "al twee jaar op trede 2": on that rung for that long
  let stayOnRung: RegExpMatchArray | null = null;
  if (!contact) {
    stayOnRung =
      tokens.take(rx(`(?:al |already )?(?:langer dan |meer dan |more than |over |for )?${DURATION} (?:op|on) ${RUNG_WORD} [1-7]`)) ??
      tokens.take(
        rx(`(?:op|on) ${RUNG_WORD} [1-7] (?:al |already )?(?:sinds |since |for )?(?:langer dan |meer dan |more than |over )?${DURATION}`),
      );
    if (stayOnRung) {
      const d = durationMonthsOrDays(new RegExp(DURATION).exec(` ${stayOnRung[0]} `));
      const rung = new RegExp(`(?:op|on) ${RUNG_WORD} ([1-7])`).exec(stayOnRung[0])!;
      filters.rungs = [Number(rung[1])];
      filters.monthsOnSameRungAtLeast = d?.months ?? (d?.days ? Math.max(1, Math.round(d.days / 30)) : 24);
    }
  }
  const period = periodFrom(tokens);
  const sameSubstep = tokens.take(
    rx(
      "(?:op |on |in )?(?:dezelfde|zelfde|the same|same) (?:tussenstap|substep)|zonder (?:tussenstap ?vooruitgang|vooruitgang (?:in|op) (?:de )?tussenstap|tussenstap)|without (?:substep progress|progress (?:in|on) (?:the )?substep)|(?:niet|not) (?:van tussenstap veranderd|moved substep)",
    ),
  );
  const sameRung = sameSubstep
    ? null
    : tokens.take(
        rx(
          "(?:op |on |at )?(?:dezelfde|zelfde|the same|same) (?:trede|tr|rung|step|level)|(?:stilstaan|stil staan|stilstaat|stil staat|stuck|niet (?:van trede )?veranderd|not moved|niet gestegen of gedaald|not moved up or down)",
        ),
      );
  if (sameSubstep) tokens.take(rx("(?:op |on )?(?:dezelfde|zelfde|the same|same) (?:trede|rung)"));
  let stayDuration: { months?: number; days?: number } | undefined;
  if ((sameRung || sameSubstep) && !contact) stayDuration = durationMonthsOrDays(tokens.take(rx(DURATION)));
  if (!contact && !sameRung && !sameSubstep) {
    // "wie hebben we een half jaar niet gezien": the duration before the phrase
    const before = tokens.take(rx(`${DURATION} (?:niet (?:meer )?(?:gesproken|gezien|bereikt|bezocht)|geen contact)`));
    if (before) {
      contact = before;
      contactDuration = durationMonthsOrDays(new RegExp(DURATION).exec(` ${before[0]} `));
    }
  }
  if (contact) {
    if (contactDuration?.days) filters.daysSinceContactAtLeast = contactDuration.days;
    else filters.monthsSinceContactAtLeast = contactDuration?.months ?? 12;
  }
  // "al 18 maanden op trede 1 op dezelfde trede": the duration was read with the rung
  const stayMonths =
    stayDuration?.months ??
    (stayDuration?.days ? Math.max(1, Math.round(stayDuration.days / 30)) : (filters.monthsOnSameRungAtLeast ?? 24));
  if (sameSubstep) {
    delete filters.monthsOnSameRungAtLeast;
    filters.monthsOnSameSubstepAtLeast = stayMonths;
  } else if (sameRung) filters.monthsOnSameRungAtLeast = stayMonths;

  const breakdown = breakdownIn(tokens);
  const expected = expectedFilter(tokens);
  if (expected) filters.expected = expected;
  rungFilters(tokens, filters);
  // a list of wijken: "in Selwerd of Beijum" leaves the "of" between them
  if (wijken.length > 1) tokens.takeAll(rx("of|or|en|and"));
  const sub = tokens.take(rx("(?:op |on )?(?:tussenstap|substep) (?:[1-7] )?([1-3])"));
  if (sub) filters.substep = Number(sub[1]);
  if (tokens.take(rx("(?:zonder|geen|without|no|with no) (?:a )?(?:tussenstap|substep)"))) filters.substep = "none";

  const age = ageFilter(tokens);
  if (age) {
    const band = AGE_BANDS.find((b: AgeBand) => {
      const r = ageBandRange(b);
      return r.min === age.min && r.max === age.max;
    });
    if (band) filters.ageBands = [band];
    else filters.ageRange = age;
  }

  // visit outcomes: "doorverwezen naar het wijkteam", "referrals to work or the neighbourhood team"
  const outcomeWords: [string, string][] = [
    ["werk", "werk|work|arbeid|a job|jobs?"],
    ["wijkteam", "wijkteam|sociaal wijkteam|neighbourhood team|neighborhood team|zorg|care"],
    [
      "ontheffingsverzoek",
      "ontheffing|ontheffingsverzoek|ontheffingsverzoeken|ontheffingen|exemption|exemptions|exemption requests?|requests? for exemption",
    ],
    [
      "participatieondersteuning",
      "ondersteuning bij participatie|participatieondersteuning|participation support|support with participation",
    ],
    ["eigen_kracht", "eigen kracht|own strength"],
    ["geen_vervolg", "geen vervolg|no follow ?up"],
  ];
  const OUT = outcomeWords.map(([, w]) => w).join("|");
  const one = `(?:(?:naar|to|richting|voor|for|met|with) )?(?:het |de |the |een |an? )?(?:${OUT})`;
  const refWord =
    "(?:doorverwezen|verwezen|doorverwijzing|verwijzing|doorverwijzingen|verwijzingen|referred|referral|referrals|uitkomst|outcome)";
  const referralNoun = tokens.take(rx("(?:het |the )?(?:aantal |number of )?(?:verwijzingen|doorverwijzingen|referrals)"));
  const refTaken = referralNoun ? null : tokens.take(rx(`(?:zijn |is |are |were |werden |die |who |that )?${refWord}`));
  const outcomes: string[] = [];
  if (referralNoun || refTaken) {
    const m = tokens.take(rx(`${one}(?: (?:of |or |en |and |,)*${one})*`));
    if (m) for (const [code, w] of outcomeWords) if (new RegExp(`(?<= )(?:${w})(?= )`).test(` ${m[0]} `)) outcomes.push(code);
    tokens.takeAll(
      rx(
        "(?:doorverwezen|verwezen|referred)|(?:na|after) (?:een |a )?(?:huisbezoek|huisbezoeken|contact|contacten|bezoek|bezoeken|keukentafelgesprek|keukentafelgesprekken|home visits?|visits?)",
      ),
    );
    if (!outcomes.length && refTaken)
      return refuse("notUnderstood", tokens.leftovers(locale).length ? tokens.leftovers(locale) : [refTaken[0].trim()]);
  } else {
    for (const [code, words] of outcomeWords.slice(3))
      if (tokens.take(rx(`(?:met |with )?(?:uitkomst |outcome )?(?:${words})`))) outcomes.push(code);
  }
  if (outcomes.length) filters.outcomes = outcomes;

  const growthByAge =
    breakdown === "ageBand" && tokens.take(rx("(?:het |the )?(?:groeipotentieel|growth potential|growth|groei|groeikansen)"));
  if (!growthByAge) {
    if (
      tokens.take(
        rx(
          "(?:zonder|geen|without|no|with no|lacking) (?:groeipotentieel|growth potential)|(?:groeipotentieel|growth potential) (?:nee|no)",
        ),
      )
    )
      filters.growthPotential = "nee";
    else if (
      tokens.take(
        rx(
          "(?:met |with )?(?:onbekend groeipotentieel|unknown growth potential|(?:groeipotentieel|growth potential) (?:is )?(?:onbekend|unknown))",
        ),
      )
    )
      filters.growthPotential = "onbekend";
    else if (
      tokens.take(
        rx(
          "(?:met |with |die |who |that )?(?:(?:hebben|heeft|have|has|with) )?(?:een |a )?(?:groeipotentieel|growth potential)(?: (?:ja|yes|hebben|heeft|have|has))?",
        ),
      )
    )
      filters.growthPotential = "ja";
  }
  if (
    tokens.take(
      rx(
        "(?:zonder|geen|without|no|not) (?:een |an )?(?:ontheffing|vrijstelling|exemption)(?: (?:van de |van |from the |from )?(?:arbeidsplicht|arbeidsverplichting|work obligation|obligation to work))?|not exempt(?:ed)?(?: from (?:the )?work obligation)?|niet vrijgesteld|niet ontheven",
      ),
    )
  )
    filters.ontheffing = false;
  else if (
    tokens.take(
      rx(
        "(?:met |with |die |who |that |has |have |heeft |hebben )*(?:een |an )?(?:ontheffing|vrijstelling|exemption)(?: (?:van de |van |from the |from )?(?:arbeidsplicht|arbeidsverplichting|work obligation|obligation to work|the obligation to work))?|(?:vrijgesteld|ontheven|exempt|exempted)(?: (?:van de |van |from the |from )?(?:arbeidsplicht|work obligation|obligation to work))?",
      ),
    )
  )
    filters.ontheffing = true;
  tokens.take(rx("maar|but|terwijl|while|toch|yet"));

  const reasons: NonNullable<CaseloadFilters["rung5Reasons"]> = [];
  const reasonLead = "(?:(?:met |with |vanwege |wegens |door |because of |due to |with reason |reden |reason )(?:een |an? |de |the )?)?";
  if (
    tokens.take(
      rx(
        `${reasonLead}(?:aanvullende uitkering|aanvulling|aanvulling bijstand|supplementary benefit|top ?up benefit|aanvullende bijstand)`,
      ),
    )
  )
    reasons.push("aanvulling");
  if (tokens.take(rx(`${reasonLead}(?:wsw|beschut werk|beschutte werkplek|sociale werkvoorziening|sheltered work|sheltered employment)`)))
    reasons.push("wsw");
  if (
    tokens.take(
      rx(
        `${reasonLead}(?:educatie|opleiding naast (?:het )?werk|bbl|inburgering naast (?:het )?werk|education beside work|education alongside work)`,
      ),
    )
  )
    reasons.push("educatie");
  if (
    tokens.take(
      rx(
        `(?:vanwege |wegens |door |because of |due to |reden |reason )(?:een |an? |de |the )?(?:participatie ?instrument|instrument|loonkostensubsidie|jobcoach)`,
      ),
    )
  )
    reasons.push("instrument");
  if (reasons.length) {
    filters.rung5Reasons = reasons;
    tokens.take(rx("(?:reden|redenen|reason|reasons)(?: (?:voor|for) (?:trede|rung) 5)?"));
  }
  const verdieping: Record<string, string> = {};
  if (
    tokens.take(
      rx("(?:zonder|geen|without|no) (?:een |a )?(?:participatie ?instrument|instrument|participation instrument)(?: ingezet| in use)?"),
    )
  )
    verdieping.participatieInstrument = "nee";
  else if (
    tokens.take(
      rx(
        "(?:met |with |waarbij |where )?(?:een |a |an )?(?:participatie ?instrument|participation instrument|instrument)(?: (?:ingezet|wordt ingezet|in use|is used|deployed))?|(?:ingezet|inzet van een) (?:participatie ?)?instrument",
      ),
    )
  )
    verdieping.participatieInstrument = "ja";
  if (tokens.take(rx("(?:zonder|geen|without|no) (?:een |a )?(?:startkwalificatie|basic qualification)")))
    verdieping.startkwalificatie = "nee";
  else if (tokens.take(rx("(?:met |with )?(?:een |a )?(?:startkwalificatie|basic qualification)"))) verdieping.startkwalificatie = "ja";
  if (tokens.take(rx("(?:die |who |that )?(?:laaggeletterd|laaggeletterdheid|low literacy|low literate)(?: (?:zijn|is|are))?")))
    verdieping.laaggeletterdheid = "ja";
  if (tokens.take(rx("(?:die |who |that )?(?:inburgeringsplichtig|inburgeringsplichtigen|obliged to integrate)(?: (?:zijn|is|are))?")))
    verdieping.inburgeringsplichtig = "ja";
  if (Object.keys(verdieping).length) filters.verdieping = verdieping;

  const domains = tokens.take(
    rx("(?:op |on |in )?(?:welke |which )?(?:leefdomeinen|leefdomein|domeinen|domein|domains|domain|zrm|zrm domeinen|life domains)"),
  );
  if (domains)
    tokens.takeAll(
      rx(
        "(?:zien we |do we see |is er |is there )?(?:vooruitgang|achteruitgang|vooruit|achteruit|progress|decline|improvement|deterioration|verbetering|verslechtering)(?: (?:of|en|or|and))?",
      ),
    );
  const trendWords = tokens.take(
    rx(
      "(?:hoe )?(?:heeft|is|has)? ?(?:de |het |the )?(?:verdeling|distribution)? ?(?:zich )?(?:ontwikkeld|ontwikkeling|verloop|veranderd|verandering|evolved|changed|developed|development|trend|trends|over time|over de tijd|in de loop van de tijd|door de tijd|through time|over the year|door het jaar)",
    ),
  );
  if (trendWords || breakdown === "month" || breakdown === "quarter")
    tokens.takeAll(
      rx(
        "(?:zich|itself|hoe|how|de verdeling|the distribution|verdeling|distribution|(?:over |door |van |of |across )?(?:de |the )?(?:treden|rungs|ladder)|over|van|of|(?:over |door )?(?:de )?(?:time|tijd))",
      ),
    );
  const upWords = tokens.take(
    rx(
      "(?:zijn |is |are |have |has |die |who |that )?(?:minstens |ten minste |at least |minimaal )?(?:(?:1|een|a|one) )?(?:(?:trede|rung|step|tr) )?(?:gestegen|omhoog gegaan|omhoog|vooruitgegaan|vooruit gegaan|geklommen|moved up|went up|gone up|climbed|improved|risen|rose|stijging|stijgers|a step up|stepped up)(?: (?:1|een|a|one|minstens 1|minstens een|ten minste 1|at least 1|at least one|by at least 1|by 1|with 1) (?:trede|treden|rung|rungs|step|steps))?",
    ),
  );
  const downWords = upWords
    ? null
    : tokens.take(
        rx(
          "(?:zijn |is |are |have |has |die |who |that )?(?:minstens |ten minste |at least |minimaal )?(?:(?:1|een|a|one) )?(?:(?:trede|rung|step|tr) )?(?:gedaald|gezakt|achteruitgegaan|achteruit gegaan|teruggevallen|terug gevallen|moved down|went down|gone down|dropped|declined|fell|fallen|daling|dalers|a step down|stepped down)(?: (?:1|een|a|one|minstens 1|minstens een|ten minste 1|at least 1|at least one|by at least 1|by 1|with 1) (?:trede|treden|rung|rungs|step|steps))?",
        ),
      );
  const eventsWord = tokens.take(
    rx("(?:op enig moment|ooit|at any time|any time|at some point|ergens|gedurende|during|tijdens|in de loop van)"),
  );
  const startEndWord = tokens.take(
    rx(
      "(?:begin|start) (?:versus|vs|tegenover|against|en|and) (?:eind|einde|end)|(?:ten opzichte van|vergeleken met|compared to|compared with) (?:het |the )?(?:begin|start)(?: (?:van het jaar|of the year|van de periode|of the period))?",
    ),
  );

  const reach = contact
    ? null
    : tokens.take(
        rx(
          "(?:welk |wat is het |het |the |what )?(?:percentage |deel |share |proportion )?(?:(?:is|zijn|are) )?(?:in beeld|in view|bereik|bereikt|reached|reach)(?: (?:rate|percentage))?",
        ),
      );
  if (reach) tokens.takeAll(rx("percentage|welk|what|deel|share"));

  const countWord = tokens.take(
    rx(
      "(?:hoeveel procent(?: van)?|welk percentage(?: van)?|what percentage(?: of)?|percentage(?: van| of)?|what share(?: of)?|welk deel(?: van)?|totaal aantal|total number of|het aantal|how many|how much|number of|hoeveel|hoe veel|aantal|count|tel)(?: (?:klanten|clients|mensen|people))?",
    ),
  );
  const listWord = tokens.take(
    rx(
      "(?:wie|welke|who|which|whom|wat zijn de|what are the|lijst(?: van| met)?|list(?: of)?|toon(?: me| mij)?|show(?: me)?|laat (?:me |mij )?(?:zien|eens zien)|geef(?: me| mij)?(?: de| een)?(?: lijst| overzicht)?|give me|noem|name|overzicht(?: van)?|overview(?: of)?|zoek|find|get me|i need|ik wil(?: graag)?|i want|i d like)(?: (?:zien|weten|know|see))?",
    ),
  );
  if (countWord || listWord) tokens.takeAll(rx("wie|welke|who|which|zien|weten|know|see"));
  if (tokens.test(rx("laat")) && tokens.test(rx("zien"))) [tokens.take(rx("laat(?: me| mij)?")), tokens.take(rx("zien"))];
  const distribution = breakdown === undefined && !growthByAge ? distributionIn(tokens) : undefined;
  if (breakdown || growthByAge)
    tokens.takeAll(
      rx("(?:de |een |the |a )?(?:verdeling|distribution|spreiding|breakdown|overzicht|uitsplitsing|tabel|table)(?: (?:van|of))?"),
    );
  if (breakdown === "ageBand" && growthByAge) {
    /* the Bergen table */
  }
  tokens.takeAll(rx("(?:van |of )?(?:elke|iedere|each|every|per)"));

  // anything left that is not a function word: do not answer a different question
  const build = (q: unknown): CaseloadQuery | undefined => {
    const parsed = CaseloadQuery.safeParse(q);
    return parsed.success ? parsed.data : undefined;
  };
  let query: CaseloadQuery | undefined;
  if (pending.length) query = build({ measure: "pendingReviews", filters });
  else if (growthByAge) query = build({ measure: "growthByAgeBand", filters });
  else if (breakdown === "crossTab") query = build({ measure: "crossTab", filters });
  else if (reach) query = build({ measure: "reach", filters });
  else if (domains) query = build({ measure: "domainTrends", period: period ?? "thisQuarter", filters });
  else if (referralNoun || (refTaken && period)) query = build({ measure: "referrals", period: period ?? "thisYear", filters });
  else if (trendWords || breakdown === "month" || breakdown === "quarter") {
    const of = upWords ? "up" : downWords ? "down" : "rung";
    query = build({
      measure: "trend",
      of,
      by: breakdown === "month" ? "month" : "quarter",
      period: period ?? "last12Months",
      filters,
    });
  } else if (upWords || downWords) {
    const direction = upWords ? "up" : "down";
    if (sincePrevious || !period) query = build({ measure: "movement", direction, filters });
    else {
      // a closed period ("last year", between two dates) reads as steps during it, unless the question says otherwise
      const closed =
        period === "lastYear" || period === "lastQuarter" || period === "lastMonth" || (typeof period === "object" && "from" in period);
      const reading = startEndWord ? undefined : eventsWord || closed ? "events" : undefined;
      query = build({ measure: "movement", direction, period, ...(reading ? { reading } : {}), filters });
    }
  } else if (breakdown) query = build({ measure: "distribution", by: breakdown, filters });
  else if (distribution) query = build({ measure: "distribution", by: distribution, filters });
  else if (countWord) query = build({ measure: "count", filters });
  else if (listWord || Object.keys(filters).length) query = build({ measure: "list", filters });

  if (outside.length) return refuse("outOfScope", outside);
  // a period only some measures read, or "sinds de vorige meting" elsewhere, would be dropped silently
  const unusedPeriod = period && query && !["movement", "referrals", "domainTrends", "trend"].includes(query.measure);
  const unusedSince = sincePrevious && query?.measure !== "movement";
  const leftovers = tokens.leftovers(locale);
  if (unusedPeriod) leftovers.push(describePeriod(period, locale));
  if (unusedSince) leftovers.push(sincePrevious![0].trim());
  if (!query) return refuse("notUnderstood", leftovers);
  if (leftovers.length) return refuse("notUnderstood", leftovers, query);
  return { ok: true, query, locale };
}

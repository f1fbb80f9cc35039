// The words of a caseload question, each marked when a recogniser has used it. What is left at the end
// and is not a function word is a part of the question Trede did not understand: the interpreter then
// says so instead of answering a different question.
import type { Locale } from "../localized.ts";

const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  twee: "2",
  two: "2",
  drie: "3",
  three: "3",
  vier: "4",
  four: "4",
  vijf: "5",
  five: "5",
  zes: "6",
  six: "6",
  zeven: "7",
  seven: "7",
  acht: "8",
  eight: "8",
  negen: "9",
  nine: "9",
  tien: "10",
  ten: "10",
  elf: "11",
  eleven: "11",
  twaalf: "12",
  twelve: "12",
  achttien: "18",
  eighteen: "18",
  twintig: "20",
  twenty: "20",
  vierentwintig: "24",
  dertig: "30",
  thirty: "30",
  veertig: "40",
  forty: "40",
  vijftig: "50",
  fifty: "50",
  zestig: "60",
  sixty: "60",
};

/** Function words that carry no filter: free to leave unused. Negations, "of"/"or" and comparisons are not here. */
const FREE_COMMON = [
  "?",
  "s",
  "t",
  "hey",
  "hoi",
  "hallo",
  "hi",
  "hello",
  "ok",
  "oke",
  "graag",
  "please",
  "pls",
  "svp",
  "aub",
  "bedankt",
  "thanks",
  "thank",
];
const FREE: Record<Locale, string[]> = {
  nl: [
    "de",
    "het",
    "een",
    "die",
    "dat",
    "deze",
    "dit",
    "er",
    "is",
    "zijn",
    "was",
    "waren",
    "staan",
    "staat",
    "stond",
    "stonden",
    "zit",
    "zitten",
    "zat",
    "zaten",
    "op",
    "in",
    "aan",
    "bij",
    "voor",
    "met",
    "en",
    "ook",
    "nog",
    "al",
    "nu",
    "momenteel",
    "heeft",
    "hebben",
    "hadden",
    "had",
    "we",
    "wij",
    "ons",
    "onze",
    "jullie",
    "je",
    "jij",
    "u",
    "kun",
    "kunt",
    "kan",
    "kunnen",
    "me",
    "wat",
    "hoe",
    "welk",
    "wanneer",
    "alle",
    "allemaal",
    "klant",
    "klanten",
    "client",
    "clienten",
    "mensen",
    "personen",
    "deelnemers",
    "caseload",
    "bestand",
    "dossiers",
    "team",
    "gaan",
    "gaat",
    "zou",
    "zullen",
    "zal",
    "worden",
    "wordt",
    "werd",
    "geweest",
    "ben",
    "even",
    "eens",
    "huidig",
    "huidige",
    "actuele",
    "totaal",
    "mee",
    "van",
    "daarvan",
    "hiervan",
    "eigenlijk",
    "precies",
    "ongeveer",
    "zo",
    "toch",
    "dan",
    "nou",
    "hier",
  ],
  en: [
    "the",
    "a",
    "an",
    "of",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "do",
    "does",
    "did",
    "have",
    "has",
    "had",
    "there",
    "that",
    "these",
    "this",
    "those",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "from",
    "currently",
    "now",
    "right",
    "all",
    "total",
    "client",
    "clients",
    "people",
    "persons",
    "customers",
    "participants",
    "caseload",
    "me",
    "us",
    "our",
    "we",
    "you",
    "can",
    "could",
    "would",
    "will",
    "team",
    "what",
    "how",
    "and",
    "currently",
    "current",
    "get",
    "got",
    "any",
    "so",
    "just",
    "exactly",
    "roughly",
    "about",
    "out",
    "here",
  ],
};

/** Every free word, so the typo corrector never turns one into a keyword. */
export const FREE_WORDS: readonly string[] = [...FREE_COMMON, ...FREE.nl, ...FREE.en];

export class QuestionTokens {
  readonly words: string[];
  readonly used: boolean[];
  constructor(normalised: string) {
    this.words = normalised.split(" ").filter(Boolean);
    this.used = this.words.map(() => false);
  }

  /** The words not used yet, each used one replaced by "~" so later patterns cannot match across it. */
  get text(): string {
    return ` ${this.words.map((w, i) => (this.used[i] ? "~" : w)).join(" ")} `;
  }

  /** Finds the first match of a pattern in the unused words, marks its words used and returns it. */
  take(re: RegExp): RegExpMatchArray | null {
    const text = this.text;
    const m = re.exec(text);
    if (!m) return null;
    this.mark(m.index, m.index + m[0].length);
    return m;
  }

  /** Like take, for every match. */
  takeAll(re: RegExp): RegExpMatchArray[] {
    const out: RegExpMatchArray[] = [];
    for (let i = 0; i < 20; i++) {
      const m = this.take(re);
      if (!m) break;
      out.push(m);
    }
    return out;
  }

  test(re: RegExp): boolean {
    return re.test(this.text);
  }

  private mark(from: number, to: number): void {
    let pos = 1;
    this.words.forEach((w, i) => {
      const shown = this.used[i] ? "~" : w;
      const start = pos;
      const end = pos + shown.length;
      if (start < to && end > from) this.used[i] = true;
      pos = end + 1;
    });
  }

  /** Unused words that may change the meaning, as the runs of words they stand in. */
  leftovers(locale: Locale): string[] {
    const free = new Set([...FREE_COMMON, ...FREE[locale]]);
    const runs: string[][] = [];
    let run: string[] = [];
    this.words.forEach((w, i) => {
      if (!this.used[i] && !free.has(w)) run.push(w);
      else if (run.length) {
        runs.push(run);
        run = [];
      }
    });
    if (run.length) runs.push(run);
    return runs.map((r) => r.join(" "));
  }
}

const EN_ONLY = new Set([
  "the",
  "who",
  "which",
  "how",
  "many",
  "clients",
  "rung",
  "rungs",
  "with",
  "are",
  "expected",
  "show",
  "list",
  "what",
  "have",
  "has",
  "not",
  "been",
  "since",
  "each",
  "every",
  "last",
  "this",
  "year",
  "months",
  "my",
  "mine",
  "neighbourhood",
  "neighborhood",
  "coach",
  "older",
  "than",
  "and",
  "between",
  "seen",
  "spoken",
  "growth",
  "potential",
  "number",
  "did",
  "does",
  "do",
  "on",
  "step",
  "age",
  "under",
]);
const NL_ONLY = new Set([
  "de",
  "het",
  "wie",
  "welke",
  "hoeveel",
  "klanten",
  "trede",
  "treden",
  "met",
  "zijn",
  "staan",
  "staat",
  "verwachte",
  "verwachting",
  "toon",
  "lijst",
  "wat",
  "heeft",
  "hebben",
  "niet",
  "sinds",
  "elke",
  "vorig",
  "dit",
  "jaar",
  "maanden",
  "mijn",
  "wijk",
  "ouder",
  "dan",
  "en",
  "tussen",
  "gezien",
  "gesproken",
  "groeipotentieel",
  "aantal",
  "op",
  "van",
  "er",
  "leeftijd",
  "onder",
  "boven",
  "gestegen",
  "gedaald",
  "ik",
]);

/** The language a question is written in, or undefined when the words do not tell. */
export function detectLocale(normalised: string): Locale | undefined {
  let en = 0;
  let nl = 0;
  for (const w of normalised.split(" ")) {
    if (EN_ONLY.has(w)) en++;
    if (NL_ONLY.has(w)) nl++;
  }
  return en > nl ? "en" : nl > en ? "nl" : undefined;
}

/**
 * Lower case, no accents or punctuation, dates as "dYYYYMMDD", "trede1"/"tr. 1" as "trede 1", number
 * words as digits, and typos corrected against the words the interpreter knows (`vocabulary`).
 */
export function normaliseQuestion(text: string, vocabulary: readonly string[]): string {
  let s = text
    .toLowerCase()
    .replace(/één|eén/g, " 1 ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  // dates first, while their separators still mean something
  s = s
    .replace(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (_, y, m, d) => ` d${y}${m.padStart(2, "0")}${d.padStart(2, "0")} `)
    .replace(/\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/g, (_, d, m, y) => ` d${y}${m.padStart(2, "0")}${d.padStart(2, "0")} `)
    .replace(/\bt\s*\/\s*m\b/g, " tot en met ")
    .replace(/\bt\.\s*o\.\s*v\.?/g, " tov ")
    .replace(/(\d)\s*-\s*(\d)/g, "$1 tot en met $2")
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/(\d)([a-z])/g, "$1 $2")
    .replace(/[<>+]/g, (m) => ` ${m} `)
    .replace(/['’]/g, " ")
    .replace(/[^a-z0-9+<>\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // "d20260101" was split by the letter-digit rule above only when it was not a date
  s = s.replace(/\bd (\d{8})\b/g, "d$1");
  const known = new Set(vocabulary);
  return s
    .split(" ")
    .map((w) => NUMBER_WORDS[w] ?? (known.has(w) ? w : correct(w, vocabulary)))
    .map((w) => NUMBER_WORDS[w] ?? w)
    .join(" ");
}

function correct(word: string, vocabulary: readonly string[]): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  const limit = word.length >= 9 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const v of vocabulary) {
    if (v.length < 4 || Math.abs(v.length - word.length) > limit) continue;
    // a four-letter word is only ever missing a letter ("trde"): swapping one makes too many false friends
    if (word.length === 4 && v.length !== 5) continue;
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

// Default-deny masking of free text before it may leave for a language model. Nothing is sent because it
// was not recognised as bad; a word is sent only when it is known to be safe:
//
//   - a lowercase word that is ordinary Dutch or English (real dictionaries) or domain vocabulary;
//   - a capitalised word only when it is a domain acronym (ZRM, Wsw), or when it starts a sentence and is a
//     function word or a curated domain term ("Wie", "Net", "Trede"). "Bakker", "Visser", "Groningen", "Saskia" are
//     masked wherever they stand: a capital is how people write names, and a baker looks like Mr Bakker;
//   - a number only as a rung after a rung word ("trede 3") or as a duration before a unit ("12 maanden").
//
// Everything else becomes a placeholder: e-mail, URLs, IBANs, dates (numeric and written out, Dutch and
// English months), phone numbers, postcodes and BSNs by their kind, other numbers and codes as [GETAL_n]
// and [CODE_n], unknown capitalised words (with their tussenvoegsels and hyphens) as [NAAM_n], unknown
// lowercase words as [WOORD_n]. Special-category words (health, addiction, justice, religion, ethnicity,
// sexuality, violence, politics, and debt) are masked by category ([GEZONDHEID_1]) although they are
// dictionary words. Names and client numbers the municipality knows (clients and staff, any case) are
// masked as [PERSOON_n] / [KLANTNUMMER_n] even when they are dictionary words ("bakker", "de vries"); known
// wijk and team names become [WIJK_n] / [TEAM_n], so the model can still put them in a filter.
//
// The same exact value always gets the same placeholder within one masker; `restore` gives the asker the
// original text back, and `restoreDeep` puts values back into a model's structured answer.
import type { MaskingVocabulary } from "./masking-vocabulary.ts";

export interface KnownIdentifiers {
  /** display names of clients and staff ("Jansen, A.", "Sanne de Vries") */
  names?: readonly string[];
  /** client numbers from the municipal system */
  clientNumbers?: readonly string[];
  wijken?: readonly string[];
  teams?: readonly string[];
}

/** The known identifiers, prepared once per snapshot of the database so that a masker is cheap to make. */
export interface DenyList {
  /** lowercase name parts of three or more letters (tussenvoegsels excluded) */
  readonly nameParts: ReadonlySet<string>;
  /** lowercase client numbers */
  readonly clientNumbers: ReadonlySet<string>;
  /** wijk and team names, matched as phrases in any case */
  readonly places: RegExp | null;
  readonly placeKinds: ReadonlyMap<string, "WIJK" | "TEAM">;
}

export function createDenyList(known: KnownIdentifiers): DenyList {
  const placeKinds = new Map<string, "WIJK" | "TEAM">();
  for (const w of known.wijken ?? []) if (w.trim().length >= 2) placeKinds.set(w.trim().replace(/\s+/g, " ").toLowerCase(), "WIJK");
  for (const t of known.teams ?? []) if (t.trim().length >= 2) placeKinds.set(t.trim().replace(/\s+/g, " ").toLowerCase(), "TEAM");
  return {
    nameParts: buildDeniedWords(known.names ?? []),
    clientNumbers: new Set((known.clientNumbers ?? []).map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3)),
    places: phrasePattern([...placeKinds.keys()]),
    placeKinds,
  };
}

/** One pattern for many phrases (longest first), any case, any whitespace, not inside a longer word. */
function phrasePattern(phrases: string[]): RegExp | null {
  if (!phrases.length) return null;
  const alternatives = [...new Set(phrases)].sort((a, b) => b.length - a.length).map((p) => p.split(/\s+/).map(escapeRegExp).join("\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

const specialPhraseCache = new WeakMap<MaskingVocabulary, { pattern: RegExp | null; kinds: Map<string, string> }>();

function specialPhrases(vocabulary: MaskingVocabulary) {
  let cached = specialPhraseCache.get(vocabulary);
  if (!cached) {
    const kinds = new Map<string, string>();
    for (const [category, entry] of Object.entries(vocabulary.special.categories))
      for (const p of entry.phrases) kinds.set(p.replace(/\s+/g, " "), category);
    cached = { pattern: phrasePattern([...kinds.keys()]), kinds };
    specialPhraseCache.set(vocabulary, cached);
  }
  return cached;
}

const EMPTY_DENY_LIST = createDenyList({});

export interface Masker {
  mask(text: string): string;
  restore(text: string): string;
  /** Replaces placeholders in every string of a structured value; a placeholder that stood for a number becomes that number. */
  restoreDeep<T>(value: T): T;
  /** kind and original value of every placeholder handed out */
  readonly placeholders: ReadonlyMap<string, string>;
}

const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
  "january",
  "february",
  "march",
  "may",
  "june",
  "july",
  "august",
  "october",
  "jan",
  "feb",
  "febr",
  "mrt",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "okt",
  "oct",
  "nov",
  "dec",
].join("|");
const DAY = String.raw`(?:[0-3]?\d)(?:st|nd|rd|th|e|ste|de)?`;
const YEAR = String.raw`(?:'\d{2}|\d{2,4})`;

// Ordered: an earlier pattern claims its text before a later one can see it.
const PATTERNS: [kind: string, pattern: RegExp][] = [
  ["EMAIL", /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu],
  ["URL", /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu],
  ["IBAN", /\b[A-Z]{2}\d{2}(?:[\s.-]?[A-Z0-9]{4}){2,7}(?:[\s.-]?\d{1,3})?\b/giu],
  // written dates: "14 maart 1979", "14e van maart", "March 14, 1979", "maart 1979", "14 mrt. '79"
  ["DATUM", new RegExp(String.raw`\b${DAY}\s*(?:van\s+|of\s+)?(?:${MONTHS})\b\.?(?:,?\s*${YEAR}\b)?`, "giu")],
  ["DATUM", new RegExp(String.raw`\b(?:${MONTHS})\b\.?\s*(?:${DAY}\b(?:,?\s*${YEAR}\b)?|\d{4}\b)`, "giu")],
  // numeric dates: 14-03-1979, 1979-03-14, 14/3/79, 14.03.1979, 14 03 1979
  ["DATUM", /\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))\b|\b\d{1,2}\s\d{1,2}\s(?:19|20)\d{2}\b/gu],
  // phone numbers, national and international: +31 6 1234 5678, 0031-6-12345678, 06-12345678, 050 123 4567, (050) 123 45 67
  ["TELEFOON", /(?:\+|\b00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){6,11}\b/gu],
  ["TELEFOON", /(?:\(0\d{1,3}\)|\b0\d{1,3})[\s.-]?\d(?:[\s.-]?\d){5,8}\b/gu],
  ["POSTCODE", /\b[1-9]\d{3}\s?[A-Z]{2}\b|\b[1-9]\d{3}[a-z]{2}\b/gu],
  // BSN-like: nine digits, also written 1234.56.782 or 123 456 782
  ["BSN", /\b\d{4}[.\s]\d{2}[.\s]\d{3}\b|\b\d{3}[.\s]\d{3}[.\s]\d{3}\b|\b\d{9}\b/gu],
];

// "in" and "op" are left out: "Saskia in Groningen" is two names, not one
const TUSSENVOEGSELS = new Set([
  "aan",
  "van",
  "de",
  "der",
  "den",
  "het",
  "ter",
  "ten",
  "te",
  "'t",
  "el",
  "al",
  "la",
  "le",
  "da",
  "dos",
  "du",
  "von",
  "zu",
  "bin",
  "ben",
  "ibn",
  "d'",
  "di",
  "del",
  "della",
  "'s",
]);
const RUNG_WORDS =
  /(?:^|[^\p{L}])(?:trede|treden|tredes|rung|rungs|tussenstap|tussenstappen|substep|substeps|stap|step|niveau|level)\s+$/iu;
const DURATION_UNITS =
  /^\s+(?:maanden|maand|months|month|weken|week|weeks|dagen|dag|days|day|kwartalen|kwartaal|quarters|quarter)(?![\p{L}])/iu;
const YEAR_UNITS = /^\s+(?:jaar|jaren|years|year)(?![\p{L}])/iu;

// Tokens of the text that patterns did not claim: words (with inner hyphens and apostrophes), or runs
// that contain a digit (numbers, codes such as GR-000123 or 12a).
// Anything that is not whitespace, punctuation or a symbol belongs to a word, so a control or zero-width
// character inside a name ("Jan\u00adsen", "Bak\u200bker") cannot split it into harmless-looking pieces.
const TOKEN = /[^\s\p{P}\p{S}]+(?:['’\-/._][^\s\p{P}\p{S}]+)*/gu;
/** single letters that are words ("u", "a"); any other letter alone may be an initial or a spelt-out name */
const SINGLE_LETTER_WORDS = new Set(["a", "i", "o", "u", "e"]);
const PLACEHOLDER = /\[[A-Z]{3,20}_\d+\]/g;

interface Segment {
  text: string;
  /** placeholder kind, or null when the text passes as it is */
  kind: string | null;
}

export function createMasker(vocabulary: MaskingVocabulary, deny: DenyList = EMPTY_DENY_LIST): Masker {
  const toPlaceholder = new Map<string, string>();
  const toValue = new Map<string, string>();
  const counters = new Map<string, number>();
  const deniedWords = deny.nameParts;
  const phrases = specialPhrases(vocabulary);
  const specialWords = new Map<string, string>();
  const specialStems: [stem: string, category: string][] = [];
  for (const [category, entry] of Object.entries(vocabulary.special.categories)) {
    for (const w of entry.words) specialWords.set(w, category);
    for (const s of entry.stems) specialStems.push([s, category]);
  }

  function placeholder(kind: string, value: string): string {
    const key = `${kind}\u0000${value}`;
    let p = toPlaceholder.get(key);
    if (!p) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      p = `[${kind}_${n}]`;
      toPlaceholder.set(key, p);
      toValue.set(p, value);
    }
    return p;
  }

  function specialCategoryOf(lower: string): string | null {
    const direct = specialWords.get(lower);
    if (direct) return direct;
    for (const part of lower.split(/['’-]/)) {
      const c = specialWords.get(part);
      if (c) return c;
    }
    for (const [stem, category] of specialStems) if (lower.includes(stem)) return category;
    return null;
  }

  function isSafeLowercase(lower: string): boolean {
    const ok = (w: string) => vocabulary.domain.has(w) || vocabulary.common.has(w);
    if (ok(lower)) return true;
    const parts = lower.split(/['’-]/).filter(Boolean);
    return parts.length > 1 && parts.every(ok);
  }

  function classifyWord(word: string, sentenceInitial: boolean): string | null {
    const lower = word.toLowerCase();
    const category = specialCategoryOf(lower);
    if (category) return category;
    const denied = (w: string) => deniedWords.has(w) && !vocabulary.curated.has(w);
    if (denied(lower) || lower.split(/['’-]/).some(denied)) return "PERSOON";
    if (deny.clientNumbers.has(lower)) return "KLANTNUMMER";
    if (/\p{N}/u.test(word)) return /\p{L}/u.test(word) ? "CODE" : "GETAL";
    if (vocabulary.acronyms.has(word)) return null;
    const capitalised = /^\p{Lu}/u.test(word) || /\p{Lu}/u.test(word.slice(1));
    if (capitalised) {
      // only a plainly capitalised first word ("Wie", not "WIE" or "McDonald") may pass
      const plain = word === lower.charAt(0).toUpperCase() + lower.slice(1);
      if (sentenceInitial && plain && vocabulary.starters.has(lower)) return null;
      return "NAAM";
    }
    if ([...lower].length === 1 && !SINGLE_LETTER_WORDS.has(lower)) return "WOORD";
    return isSafeLowercase(lower) ? null : "WOORD";
  }

  /** Masks the text between claimed spans word by word; `tail` is what precedes it (masked parts as "x"). */
  function maskFree(text: string, tail: { text: string }, out: Segment[]): void {
    let last = 0;
    const push = (segment: Segment) => {
      out.push(segment);
      tail.text = (tail.text + (segment.kind ? "x" : segment.text)).slice(-60);
    };
    for (const m of text.matchAll(TOKEN)) {
      const start = m.index;
      if (start > last) push({ text: text.slice(last, start), kind: null });
      const token = m[0];
      const kind = /^\d+$/.test(token)
        ? allowedNumber(token, tail.text, text.slice(start + token.length))
          ? null
          : "GETAL"
        : classifyWord(token, isSentenceStart(tail.text));
      push({ text: token, kind });
      last = start + token.length;
    }
    if (last < text.length) push({ text: text.slice(last), kind: null });
  }

  function mask(text: string): string {
    // 1. known names and client numbers, known wijken and teams, special-category phrases, then patterns
    const spans: { start: number; end: number; kind: string }[] = [];
    const claim = (pattern: RegExp | null, kindOf: (match: string) => string) => {
      if (!pattern) return;
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].trim() && !spans.some((s) => start < s.end && end > s.start)) spans.push({ start, end, kind: kindOf(m[0]) });
      }
    };
    const normal = (m: string) => m.replace(/\s+/g, " ").toLowerCase();
    for (const [kind, pattern] of PATTERNS.slice(0, 3)) claim(pattern, () => kind);
    claim(phrases.pattern, (m) => phrases.kinds.get(normal(m)) ?? "GEZONDHEID");
    claim(deny.places, (m) => deny.placeKinds.get(normal(m)) ?? "WIJK");
    for (const [kind, pattern] of PATTERNS.slice(3)) claim(pattern, () => kind);
    spans.sort((a, b) => a.start - b.start);

    // 2. the rest, word by word
    const segments: Segment[] = [];
    const tail = { text: "" };
    let pos = 0;
    for (const span of spans) {
      if (span.start > pos) maskFree(text.slice(pos, span.start), tail, segments);
      segments.push({ text: text.slice(span.start, span.end), kind: span.kind });
      tail.text = `${tail.text}x`.slice(-60);
      pos = span.end;
    }
    if (pos < text.length) maskFree(text.slice(pos), tail, segments);

    // 3. one name, one placeholder: "Jan de Vries", "Oosterhuis-Bakker" and "J. Jansen" go as a whole
    const merged = mergeNames(segments);
    return merged.map((s) => (s.kind ? placeholder(s.kind, s.text) : s.text)).join("");
  }

  function restore(text: string): string {
    return text.replace(PLACEHOLDER, (p) => toValue.get(p) ?? p);
  }

  function restoreDeep<T>(value: T): T {
    if (typeof value === "string") {
      const exact = toValue.get(value.trim());
      if (exact !== undefined && /^\[(?:GETAL)_\d+\]$/.test(value.trim()) && /^\d+$/.test(exact)) return Number(exact) as T;
      return restore(value) as T;
    }
    if (Array.isArray(value)) return value.map((v) => restoreDeep(v)) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDeep(v)])) as T;
    return value;
  }

  return { mask, restore, restoreDeep, placeholders: toValue };
}

/** At the start of the text, after . ! ? : ; or at the start of a line (ignoring quotes, brackets, bullets). */
function isSentenceStart(tail: string): boolean {
  const separators = tail.match(/[\s"'“”‘’«»()[\]{}*•-]*$/u)![0];
  const rest = tail.slice(0, tail.length - separators.length);
  return !rest || separators.includes("\n") || /[.!?:;]$/u.test(rest);
}

/** A rung after a rung word ("trede 3"), a duration before a unit ("12 maanden", "2 jaar"). */
function allowedNumber(digits: string, preceding: string, following: string): boolean {
  if (digits.length === 1 && RUNG_WORDS.test(preceding)) return true;
  if (digits.length <= 3 && !digits.startsWith("0") && DURATION_UNITS.test(following)) return true;
  return digits.length === 1 && YEAR_UNITS.test(following);
}

function mergeNames(segments: Segment[]): Segment[] {
  const isName = (s: Segment | undefined) => s?.kind === "NAAM" || s?.kind === "PERSOON";
  const isGap = (s: Segment | undefined) => s?.kind === null && /^(?:\s{1,3}|\s?-\s?|\.\s{0,2})$/u.test(s.text);
  const out: Segment[] = [];
  let i = 0;
  while (i < segments.length) {
    const first = segments[i];
    if (!isName(first)) {
      out.push(first);
      i++;
      continue;
    }
    let { text, kind } = first;
    let j = i + 1;
    for (;;) {
      if (!isGap(segments[j])) break;
      let k = j + 1;
      let glue = segments[j].text;
      // tussenvoegsels between two name parts: "Jan de Vries", "Fatima el Amrani"
      while (segments[k]?.kind === null && TUSSENVOEGSELS.has(segments[k].text.toLowerCase()) && isGap(segments[k + 1])) {
        glue += segments[k].text + segments[k + 1].text;
        k += 2;
      }
      if (!isName(segments[k])) break;
      text += glue + segments[k].text;
      if (segments[k].kind === "PERSOON") kind = "PERSOON";
      j = k + 1;
    }
    out.push({ text, kind });
    i = j;
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every part of a known name with three or more letters that is not a tussenvoegsel, lowercase. */
function buildDeniedWords(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names)
    for (const part of name.toLowerCase().split(/[^\p{L}\p{M}'’]+/u)) {
      if (part.length >= 3 && !TUSSENVOEGSELS.has(part)) out.add(part);
      for (const sub of part.split(/['’]/)) if (sub.length >= 3 && !TUSSENVOEGSELS.has(sub)) out.add(sub);
    }
  return out;
}

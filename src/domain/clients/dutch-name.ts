// Dutch personal names as people look for them: sorted on the surname with the tussenvoegsel after it
// ("Boer, de, Kees" between "Bakker" and "Bos", not after "Yilmaz"), and recognised in a note or a
// command only on the full name ("Saskia Kaya", never every Saskia and every Kaya).
//
// A client has one free-text `displayName`, imported as "de Boer, Kees" (surname first), "Kees de Boer"
// (given name first), "Boer, Kees de" or "Boer, de, Kees". parseDutchName reads all four.

export interface DutchName {
  /** given name(s) or initials; "" when the name has none */
  given: string;
  /** the tussenvoegsel in lower case ("van der"); "" when none */
  prefix: string;
  /** the surname without its tussenvoegsel ("Boer", "Jansen-de Vries") */
  surname: string;
}

/** Tussenvoegsels, as words; longest first so "van der" wins over "van". */
const PREFIXES: string[][] = [
  "van de la",
  "voor in 't",
  "voor in het",
  "van der",
  "van den",
  "van de",
  "van het",
  "van 't",
  "van ter",
  "van ten",
  "in 't",
  "in het",
  "in de",
  "in den",
  "op de",
  "op den",
  "op het",
  "op 't",
  "op ten",
  "uit de",
  "uit den",
  "uit het",
  "uit 't",
  "aan de",
  "aan den",
  "aan het",
  "bij de",
  "bij den",
  "onder de",
  "onder den",
  "over de",
  "voor de",
  "voor den",
  "de la",
  "de le",
  "de los",
  "de las",
  "van",
  "von",
  "de",
  "der",
  "den",
  "het",
  "'t",
  "te",
  "ten",
  "ter",
  "in",
  "op",
  "aan",
  "uit",
  "bij",
  "tot",
  "la",
  "le",
  "du",
  "des",
  "di",
  "da",
  "del",
  "della",
  "d'",
]
  .map((p) => p.split(" "))
  .sort((a, b) => b.length - a.length);

const apostrophes = (s: string) => s.replace(/[’‘`´]/g, "'");
const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

/** How many words starting at `from` form a tussenvoegsel (0: none); one word must remain after it. */
function prefixLength(tokens: string[], from: number, caseSensitive: boolean): number {
  for (const p of PREFIXES) {
    if (from + p.length >= tokens.length) continue;
    const slice = tokens.slice(from, from + p.length).map(apostrophes);
    if (slice.every((t, i) => (caseSensitive ? t : t.toLowerCase()) === p[i])) return p.length;
  }
  return 0;
}

/** A tussenvoegsel that ends the list of words ("Piet de" in "Vries, Piet de"); one word must precede it. */
function trailingPrefixLength(tokens: string[]): number {
  for (const p of PREFIXES) {
    if (p.length >= tokens.length) continue;
    const slice = tokens.slice(tokens.length - p.length).map((t) => apostrophes(t).toLowerCase());
    if (slice.every((t, i) => t === p[i])) return p.length;
  }
  return 0;
}

const isPrefix = (s: string) => PREFIXES.some((p) => p.join(" ") === words(apostrophes(s).toLowerCase()).join(" "));

export function parseDutchName(displayName: string): DutchName {
  const parts = displayName.split(",").map((p) => p.trim());
  if (parts.length >= 2 && parts[0]) {
    // "Boer, de, Kees"
    if (parts.length >= 3 && isPrefix(parts[1]))
      return {
        surname: words(parts[0]).join(" "),
        prefix: words(apostrophes(parts[1]).toLowerCase()).join(" "),
        given: words(parts.slice(2).join(", ")).join(" "),
      };
    const surnameWords = words(parts[0]);
    let givenWords = words(parts.slice(1).join(", "));
    // "Boer, de" (no given name) or "Boer, Kees de"
    if (givenWords.length && isPrefix(givenWords.join(" ")))
      return {
        surname: surnameWords.join(" "),
        prefix: words(apostrophes(givenWords.join(" ")).toLowerCase()).join(" "),
        given: "",
      };
    const trailing = trailingPrefixLength(givenWords);
    if (trailing) {
      const prefix = givenWords
        .slice(givenWords.length - trailing)
        .map((w) => apostrophes(w).toLowerCase())
        .join(" ");
      givenWords = givenWords.slice(0, givenWords.length - trailing);
      return { surname: surnameWords.join(" "), prefix, given: givenWords.join(" ") };
    }
    // "de Boer, Kees" / "De Boer, Kees": the surname part may start with its tussenvoegsel in any case
    const lead = prefixLength(surnameWords, 0, false);
    return {
      surname: surnameWords.slice(lead).join(" "),
      prefix: surnameWords
        .slice(0, lead)
        .map((w) => apostrophes(w).toLowerCase())
        .join(" "),
      given: givenWords.join(" "),
    };
  }
  const tokens = words(displayName.replace(/,/g, " "));
  if (tokens.length <= 1) return { given: "", prefix: "", surname: tokens.join("") };
  // "de Boer" without a given name: only a lower-case tussenvoegsel (a given name "Van" exists)
  const lead = prefixLength(tokens, 0, true);
  if (lead)
    return {
      given: "",
      prefix: tokens.slice(0, lead).map(apostrophes).join(" "),
      surname: tokens.slice(lead).join(" "),
    };
  // "Kees de Boer", "Jan Willem van der Meer", "Anna In 't Veld"
  for (let i = 1; i < tokens.length - 1; i++) {
    const n = prefixLength(tokens, i, false);
    if (n)
      return {
        given: tokens.slice(0, i).join(" "),
        prefix: tokens
          .slice(i, i + n)
          .map((w) => apostrophes(w).toLowerCase())
          .join(" "),
        surname: tokens.slice(i + n).join(" "),
      };
  }
  // "Fatima El Amrani": the first word is the given name, the rest the surname
  return { given: tokens[0], prefix: "", surname: tokens.slice(1).join(" ") };
}

/** The label a list shows, surname first: "Boer, de, Kees", "Kaya, Saskia", "Berg, van den". */
export function sortedNameLabel(displayName: string): string {
  const n = parseDutchName(displayName);
  return [n.surname, n.prefix, n.given].filter(Boolean).join(", ") || displayName.trim();
}

/** The name as it is said: "Kees de Boer". */
export function spokenName(displayName: string): string {
  const n = parseDutchName(displayName);
  return [n.given, n.prefix, n.surname].filter(Boolean).join(" ") || displayName.trim();
}

const collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true, ignorePunctuation: false });

/** Orders names by surname, then tussenvoegsel, then given name (as a Dutch register does). */
export function compareDutchNames(a: string, b: string): number {
  const x = parseDutchName(a);
  const y = parseDutchName(b);
  return (
    collator.compare(x.surname, y.surname) ||
    collator.compare(x.prefix, y.prefix) ||
    collator.compare(x.given, y.given) ||
    collator.compare(a, b)
  );
}

/** Lower case, accents and apostrophe variants folded, split into words (a hyphenated name stays one word). */
export function nameWords(text: string): string[] {
  return (
    apostrophes(text)
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}'][\p{L}\p{N}'-]*/gu)
      ?.map((w) => w.replace(/-+$/, "")) ?? []
  );
}

/** The ways a full name is written: "kees de boer", "de boer kees", "boer de kees", "boer kees de". */
function fullNameForms(displayName: string): string[][] {
  const n = parseDutchName(displayName);
  const [g, p, s] = [nameWords(n.given), nameWords(n.prefix), nameWords(n.surname)];
  const forms = [
    [...g, ...p, ...s],
    [...p, ...s, ...g],
    [...s, ...p, ...g],
    [...s, ...g, ...p],
  ];
  return forms.filter((f, i) => f.length && forms.findIndex((o) => o.join(" ") === f.join(" ")) === i);
}

const containsRun = (haystack: string[], needle: string[]) => {
  for (let i = 0; i + needle.length <= haystack.length; i++) if (needle.every((w, j) => haystack[i + j] === w)) return true;
  return false;
};

/** True when the text names this person in full, in any of the usual orders ("Net bij Saskia Kaya geweest"). */
export function mentionsFullName(text: string, displayName: string): boolean {
  const haystack = nameWords(text);
  return fullNameForms(displayName).some((form) => containsRun(haystack, form));
}

const CLIENT_NUMBER = /^[\p{L}]{0,4}-?\d{3,}$/u;

/** True when the text contains this client number as a word ("… geweest (GR-100163), …"), in any case. */
export function mentionsClientNumber(text: string, externalKey: string): boolean {
  const key = externalKey.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return key.length >= 3 && new RegExp(`(?<![\\p{L}\\p{N}-])${key}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/**
 * Which of these clients a short search means ("GR-100163", "100163", "Saskia Kaya", "de boer", "kaya"):
 * an exact client number wins; then names written out in full; then names of which every searched
 * word starts a word ("jans" finds "Jansen, Anna").
 */
export function matchClientSearch<T extends { displayName: string; externalKey: string }>(search: string, clients: readonly T[]): T[] {
  const query = search.trim();
  if (!query) return [];
  if (CLIENT_NUMBER.test(query.replace(/\s+/g, ""))) {
    const compact = query.replace(/\s+/g, "").toLowerCase();
    const exact = clients.filter((c) => c.externalKey.toLowerCase() === compact);
    if (exact.length) return exact;
    const digits = compact.replace(/\D/g, "");
    if (/^\d+$/.test(compact)) return clients.filter((c) => c.externalKey.replace(/\D/g, "") === digits);
    return [];
  }
  const wanted = nameWords(query);
  if (!wanted.length) return [];
  const full = clients.filter((c) => fullNameForms(c.displayName).some((f) => f.join(" ") === wanted.join(" ")));
  if (full.length) return full;
  return clients.filter((c) => {
    const have = nameWords(c.displayName);
    return wanted.every((w) => have.some((h) => h.startsWith(w)));
  });
}

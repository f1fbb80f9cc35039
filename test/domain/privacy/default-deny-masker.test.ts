import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../../src/config/ladder-profiles.ts";
import { loadMaskingVocabulary, loadSpecialCategories } from "../../../src/config/masking-vocabulary.ts";
import { createDenyList, createMasker } from "../../../src/domain/privacy/default-deny-masker.ts";
import type { MaskingVocabulary } from "../../../src/domain/privacy/masking-vocabulary.ts";
import { digitsOf } from "../../support/personal-data.ts";

let vocabulary: MaskingVocabulary;
const known = createDenyList({
  names: ["Bakker, J.", "Sanne de Vries", "Oosterhuis-Bakker, W.", "Jansen, A."],
  clientNumbers: ["GR-000123"],
  wijken: ["Selwerd", "Corpus den Hoorn"],
  teams: ["Noord"],
});

beforeAll(async () => {
  vocabulary = await loadMaskingVocabulary(loadLadderProfiles().all);
}, 300_000);

const masked = (text: string) => createMasker(vocabulary, known).mask(text);

describe("default-deny masking", () => {
  it("masks everything personal in the issue's question, and keeps what the model needs", () => {
    const text =
      "Wilhelmina Oosterhuis-Bakker, BSN 123456782, woont Oosterstraat 12a 9711 NV Groningen, heeft PTSS en schulden; welke trede?";
    const out = masked(text);
    for (const secret of [
      "Wilhelmina",
      "Oosterhuis",
      "Bakker",
      "123456782",
      "Oosterstraat",
      "12a",
      "9711",
      "Groningen",
      "PTSS",
      "schulden",
    ])
      expect(out).not.toContain(secret);
    expect(out).toMatch(
      /^\[PERSOON_1\], BSN \[BSN_1\], woont \[NAAM_1\] \[CODE_1\] \[POSTCODE_1\] \[NAAM_2\], heeft \[GEZONDHEID_1\] en \[FINANCIEEL_1\]; welke trede\?$/,
    );
  });

  it("masks the issue's visit note: a new client's name, a child's name, diagnoses, IBAN, birth date, phone", () => {
    const text =
      "Net bij mevrouw Saskia Hoogeveen geweest. Haar zoon Daan heeft ADHD, zij heeft depressie en PTSS na huiselijk geweld. IBAN NL91 ABNA 0417 1643 00, geboren 14 maart 1979, bel +31 6 1234 5678.";
    const out = masked(text);
    for (const secret of [
      "Saskia",
      "Hoogeveen",
      "Daan",
      "ADHD",
      "depressie",
      "PTSS",
      "geweld",
      "NL91",
      "0417",
      "14 maart",
      "1979",
      "1234",
      "5678",
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain("Net bij mevrouw [NAAM_1] geweest.");
    expect(out).toContain("[GEWELD_1]");
  });

  it("produces exactly the masked request shown in docs/privacy.md", () => {
    const note =
      "Net bij mevrouw Saskia Hoogeveen geweest. Haar zoon Daan heeft ADHD, zij heeft depressie en PTSS na huiselijk geweld. IBAN NL91 ABNA 0417 1643 00, geboren 14 maart 1979, bel +31 6 1234 5678. Ze doet twee ochtenden per week vrijwilligerswerk, trede 4 lijkt haalbaar.";
    expect(masked(note)).toBe(
      "Net bij mevrouw [NAAM_1] geweest. Haar zoon [NAAM_2] heeft [GEZONDHEID_1], zij heeft [GEZONDHEID_2] en [GEZONDHEID_3] na [GEWELD_1]. IBAN [IBAN_1], geboren [DATUM_1], bel [TELEFOON_1]. Ze doet twee ochtenden per week vrijwilligerswerk, trede 4 lijkt haalbaar.",
    );
  });

  it.each([
    ["14 maart 1979"],
    ["14-03-1979"],
    ["1979-03-14"],
    ["March 14, 1979"],
    ["14/3/1979"],
    ["14.03.1979"],
    ["14 mrt. 1979"],
    ["3 februari '79"],
    ["maart 1979"],
  ])("masks the date %j as a date", (date) => {
    const out = masked(`geboren ${date} in een dorp`);
    expect(out).toBe("geboren [DATUM_1] in een dorp");
  });

  it.each([
    ["+31 6 1234 5678"],
    ["06-12345678"],
    ["0612345678"],
    ["050 123 4567"],
    ["(050) 123 45 67"],
    ["0031 6 12345678"],
    ["+31 (0)50 1234567"],
    ["+31612345678"],
  ])("masks the phone number %j", (phone) => {
    const out = masked(`bel haar op ${phone} na twee uur`);
    expect(out).toBe("bel haar op [TELEFOON_1] na twee uur");
  });

  it("masks postcodes, e-mail, client numbers, codes and every other number", () => {
    const out = masked("mail naar w.oosterhuis@example.nl, klant GR-000123 woont op 9711NV, nummer 42, kenmerk AB-77x, bedrag 1.250,00");
    expect(out).toBe(
      "mail naar [EMAIL_1], klant [KLANTNUMMER_1] woont op [POSTCODE_1], nummer [GETAL_1], kenmerk [CODE_1], bedrag [GETAL_2],[GETAL_3]",
    );
  });

  it("denies known client and staff names in any case, even when they are ordinary words", () => {
    const out = masked("hoe gaat het met bakker en met de VRIES? sanne weet het, jansen niet; oosterhuis-bakker ook niet");
    for (const secret of ["bakker", "VRIES", "sanne", "jansen", "oosterhuis"])
      expect(out.toLowerCase()).not.toContain(secret.toLowerCase());
    // the baker as a profession is still a baker for clients nobody knows
    expect(createMasker(vocabulary).mask("ze werkt bij een bakker")).toBe("ze werkt bij een bakker");
  });

  it("masks capitalised words that may be names anywhere, also at the start of a sentence, unless they are function words", () => {
    expect(masked("Bakker doet vrijwilligerswerk. Visser ook.")).toBe("[PERSOON_1] doet vrijwilligerswerk. [NAAM_1] ook.");
    expect(masked("gesprek met Saskia in Groningen")).toBe("gesprek met [NAAM_1] in [NAAM_2]");
    expect(masked("Gesprek met Jan de Vries en Fatima el Amrani")).toBe("Gesprek met [PERSOON_1] en [NAAM_1]");
    expect(masked("Wie staat op trede 1? Hoeveel klanten zijn gestegen?")).toBe("Wie staat op trede 1? Hoeveel klanten zijn gestegen?");
  });

  it("lets the ladder's and the caseload's vocabulary through unchanged", () => {
    for (const text of [
      "wie op trede 1 gaat naar verwachting stijgen?",
      "Welke klanten zijn langer dan 12 maanden niet gesproken?",
      "verdeling huidige en verwachte trede",
      "ze doet twee ochtenden per week vrijwilligerswerk en volgt een taalcursus",
      "Who on rung 1 is expected to move up?",
      "werk en opleiding, tijdsbesteding, sociaal netwerk, maatschappelijke participatie",
      "ZRM score voor tijdsbesteding is verbeterd",
    ])
      expect(masked(text)).toBe(text);
  });

  it("masks special categories by category although they are dictionary words", () => {
    expect(masked("verslaafd aan alcohol, zat in detentie, is moslim, heeft schulden en een alcoholverslaving")).toBe(
      "[VERSLAVING_1] aan [VERSLAVING_2], zat in [JUSTITIE_1], is [RELIGIE_1], heeft [FINANCIEEL_1] en een [VERSLAVING_3]",
    );
  });

  it("turns known wijken and teams into placeholders the model can use as values, restored for the asker", () => {
    const m = createMasker(vocabulary, known);
    const out = m.mask("wie in Corpus den Hoorn of selwerd van team Noord is langer dan 18 maanden niet gesproken?");
    expect(out).toBe("wie in [WIJK_1] of [WIJK_2] van team [TEAM_1] is langer dan 18 maanden niet gesproken?");
    expect(m.restoreDeep({ filters: { wijken: ["[WIJK_1]", "[WIJK_2]"], team: "[TEAM_1]", monthsSinceContactAtLeast: 18 } })).toEqual({
      filters: { wijken: ["Corpus den Hoorn", "selwerd"], team: "Noord", monthsSinceContactAtLeast: 18 },
    });
    const n = createMasker(vocabulary);
    n.mask("ouder dan 45");
    expect(n.restoreDeep({ min: "[GETAL_1]" })).toEqual({ min: 45 });
  });

  it("gives one value one placeholder and restores the exact text", () => {
    const m = createMasker(vocabulary, known);
    const text = "Jansen belde. Daarna belde Jansen opnieuw, en toen Hoogeveen.";
    const out = m.mask(text);
    expect(out).toBe("[PERSOON_1] belde. Daarna belde [PERSOON_1] opnieuw, en toen [NAAM_1].");
    expect(m.restore(out)).toBe(text);
  });

  it("keeps the special-category list as validated data", () => {
    expect(Object.keys(vocabulary.special.categories).sort()).toEqual([
      "ETNICITEIT",
      "FINANCIEEL",
      "GEWELD",
      "GEZONDHEID",
      "JUSTITIE",
      "POLITIEK",
      "RELIGIE",
      "SEKSUALITEIT",
      "VERSLAVING",
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), "special-"));
    try {
      writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ categories: { gezondheid: { words: ["x"] } } }));
      expect(() => loadSpecialCategories(path.join(dir, "bad.json"))).toThrow(/bad\.json: categories/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("default-deny masking, property-based", () => {
  const safeWords = [
    "klant",
    "doet",
    "twee",
    "ochtenden",
    "per",
    "week",
    "vrijwilligerswerk",
    "bij",
    "de",
    "een",
    "taalcursus",
    "werk",
    "gaat",
    "naar",
    "verwachting",
    "stijgen",
    "gesprek",
    "met",
    "over",
    "wekelijks",
    "sport",
    "en",
    "ook",
    "niet",
    "heeft",
    "wil",
    "meer",
    "uren",
    "the",
    "client",
    "works",
    "weekly",
  ];
  const sentence = fc.array(fc.constantFrom(...safeWords), { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));

  const bsn = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }).chain((d) => {
    const last = d.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    return last <= 9 ? fc.constant([...d, last].join("")) : fc.constant(`${d.join("")}0`);
  });
  const phone = fc
    .tuple(fc.stringMatching(/^[1-9]\d{8}$/), fc.integer({ min: 0, max: 4 }))
    .map(
      ([n, style]) =>
        [
          `0${n}`,
          `+31 ${n.slice(0, 1)} ${n.slice(1, 5)} ${n.slice(5)}`,
          `0${n.slice(0, 2)}-${n.slice(2)}`,
          `0${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`,
          `+31${n}`,
        ][style],
    );
  const date = fc
    .date({ min: new Date("1940-01-01"), max: new Date("2010-12-31"), noInvalidDate: true })
    .chain((d) =>
      fc.constantFrom(
        `${d.getUTCDate()} ${["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"][d.getUTCMonth()]} ${d.getUTCFullYear()}`,
        `${String(d.getUTCDate()).padStart(2, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${d.getUTCFullYear()}`,
        d.toISOString().slice(0, 10),
        `${["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
      ),
    );
  const name = fc.stringMatching(/^[A-Z][a-z]{2,9}(?:-[A-Z][a-z]{2,9})?$/);
  const email = fc.emailAddress();
  const identifier = fc.oneof(
    bsn.map((v) => ({ written: v, digits: v })),
    phone.map((v) => ({ written: v, digits: digitsOf(v).replace(/^\+?(?:31|0)/, "") })),
    date.map((v) => ({ written: v, digits: (v.match(/\d{4}/) ?? [""])[0] })),
    name.map((v) => ({ written: v, name: v })),
    email.map((v) => ({ written: v, text: v })),
  );

  it("no generated identifier embedded in ordinary text survives, in any spelling", () => {
    fc.assert(
      fc.property(sentence, identifier, sentence, (before, id, after) => {
        const out = createMasker(vocabulary, known).mask(`${before} ${id.written} ${after}`);
        if ("digits" in id && id.digits) expect(digitsOf(out)).not.toContain(id.digits);
        if ("name" in id && id.name)
          for (const part of id.name.toLowerCase().split("-")) expect(out.toLowerCase()).not.toMatch(new RegExp(`\\b${part}\\b`));
        if ("text" in id && id.text) expect(out.toLowerCase()).not.toContain(id.text.toLowerCase());
      }),
      { numRuns: 2_000 },
    );
  });

  it("restore(mask(x)) is x for the person who asked, whatever x is", () => {
    const token = fc.oneof(
      fc.constantFrom(
        ...safeWords,
        "Bakker",
        "sanne",
        "[GETAL_1]",
        "[PERSOON_2]",
        "trede 3",
        "12 maanden",
        "GR-000123",
        ".",
        ", ",
        "\n",
        "ADHD",
      ),
      name,
      phone,
      date,
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 20 }).map((t) => t.join(" ")),
        (text) => {
          const m = createMasker(vocabulary, known);
          expect(m.restore(m.mask(text))).toBe(text);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("safe domain and ordinary words pass unchanged", () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 120 }), (s, rung, months) => {
        const text = `${s} op trede ${rung} sinds ${months} maanden`;
        expect(createMasker(vocabulary, known).mask(text)).toBe(text);
      }),
      { numRuns: 1_000 },
    );
  });
});

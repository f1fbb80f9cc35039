import { fakerNL } from "@faker-js/faker";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareDutchNames,
  matchClientSearch,
  mentionsClientNumber,
  mentionsFullName,
  parseDutchName,
  sortedNameLabel,
  spokenName,
} from "../../../src/domain/clients/dutch-name.ts";

fakerNL.seed(17);
// Generated Dutch names: faker's nl surnames carry tussenvoegsels ("van der Heijden", "de Wit"); given names
// are single words. A few hand-picked ones add the rarer tussenvoegsels and hyphenated surnames.
const givenNames = [...new Set(Array.from({ length: 300 }, () => fakerNL.person.firstName()))].filter((g) => /^[\p{L}-]+$/u.test(g));
const surnames = [
  ...new Set([
    ...Array.from({ length: 300 }, () => fakerNL.person.lastName()),
    "in 't Veld",
    "op de Beek",
    "ter Horst",
    "ten Cate",
    "van den Berg",
    "'t Hart",
    "van 't Hof",
    "uit den Bogaard",
    "Jansen-de Vries",
    "El Amrani",
    "Kaya",
    "de la Rosa",
  ]),
];
const split = (surname: string) => {
  const p = parseDutchName(`Anna ${surname}`);
  return { prefix: p.prefix, surname: p.surname };
};
const person = fc.record({ given: fc.constantFrom(...givenNames), last: fc.constantFrom(...surnames) });
// the four ways an import writes one person
const written = (given: string, last: string) => {
  const { prefix, surname } = split(last);
  return [
    `${given} ${last}`,
    `${last}, ${given}`,
    `${surname}, ${given}${prefix ? ` ${prefix}` : ""}`,
    `${surname}${prefix ? `, ${prefix}` : ""}, ${given}`,
  ];
};

describe("Dutch names", () => {
  it.each([
    ["Kees de Boer", { given: "Kees", prefix: "de", surname: "Boer" }],
    ["de Boer, Kees", { given: "Kees", prefix: "de", surname: "Boer" }],
    ["De Boer, Kees", { given: "Kees", prefix: "de", surname: "Boer" }],
    ["Boer, Kees de", { given: "Kees", prefix: "de", surname: "Boer" }],
    ["Boer, de, Kees", { given: "Kees", prefix: "de", surname: "Boer" }],
    ["Joost van der Meer", { given: "Joost", prefix: "van der", surname: "Meer" }],
    ["Anna in ’t Veld", { given: "Anna", prefix: "in 't", surname: "Veld" }],
    ["Jan Willem op de Beek", { given: "Jan Willem", prefix: "op de", surname: "Beek" }],
    ["van den Berg", { given: "", prefix: "van den", surname: "Berg" }],
    ["Berg, van den", { given: "", prefix: "van den", surname: "Berg" }],
    ["Fatima El Amrani", { given: "Fatima", prefix: "", surname: "El Amrani" }],
    ["El Amrani, Fatima", { given: "Fatima", prefix: "", surname: "El Amrani" }],
    ["Maria Jansen-de Vries", { given: "Maria", prefix: "", surname: "Jansen-de Vries" }],
    ["Van Nguyen", { given: "Van", prefix: "", surname: "Nguyen" }],
    ["Jansen, A.", { given: "A.", prefix: "", surname: "Jansen" }],
    ["Visser", { given: "", prefix: "", surname: "Visser" }],
  ])("reads %s", (name, expected) => {
    expect(parseDutchName(name)).toEqual(expected);
  });

  it("lists surname first with the tussenvoegsel after it, and sorts de Boer among the B's", () => {
    const names = [
      "Yilmaz, Fatma",
      "de Boer, Kees",
      "Bakker, Mohamed",
      "de Vries, Piet",
      "Kees van den Berg",
      "Bos, Ingrid",
      "Visser, Saskia",
      "Jansen, Anna",
    ];
    const sorted = [...names].sort(compareDutchNames).map(sortedNameLabel);
    expect(sorted).toEqual([
      "Bakker, Mohamed",
      "Berg, van den, Kees",
      "Boer, de, Kees",
      "Bos, Ingrid",
      "Jansen, Anna",
      "Visser, Saskia",
      "Vries, de, Piet",
      "Yilmaz, Fatma",
    ]);
  });

  it("property: every way an import writes a generated name reads as the same person", () => {
    fc.assert(
      fc.property(person, ({ given, last }) => {
        const forms = written(given, last).map(parseDutchName);
        for (const f of forms) expect(f).toEqual(forms[0]);
        expect(forms[0].given).toBe(given);
        expect(spokenName(`${last}, ${given}`)).toBe(
          `${given} ${split(last).prefix ? `${split(last).prefix} ` : ""}${split(last).surname}`,
        );
      }),
      { numRuns: 400 },
    );
  });

  it("property: the sort ignores the tussenvoegsel and the form the name was written in", () => {
    fc.assert(
      fc.property(person, person, fc.nat(3), fc.nat(3), (a, b, i, j) => {
        const x = written(a.given, a.last)[i];
        const y = written(b.given, b.last)[j];
        const bySurname = split(a.last).surname.localeCompare(split(b.last).surname, "nl", { sensitivity: "base" });
        if (bySurname !== 0) expect(Math.sign(compareDutchNames(x, y))).toBe(Math.sign(bySurname));
        expect(Math.sign(compareDutchNames(x, y))).toBe(-Math.sign(compareDutchNames(y, x)));
        // the label starts with the surname, so a typeahead on "Boer" finds "de Boer"
        expect(sortedNameLabel(x).startsWith(split(a.last).surname)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("property: a note names a client only with the full name, in any usual order and case", () => {
    fc.assert(
      fc.property(
        person,
        person,
        fc.nat(3),
        fc.constantFrom("Net bij %s geweest, ging goed.", "Huisbezoek %s: werkt nu 2 dagen.", "gesproken met %s."),
        (a, b, form, template) => {
          const client = written(a.given, a.last)[1];
          const note = template.replace(
            "%s",
            [
              `${a.given} ${a.last}`,
              `${a.last}, ${a.given}`,
              `${a.given.toLowerCase()} ${a.last.toLowerCase()}`,
              `${a.given} ${a.last.toUpperCase()}`,
            ][form],
          );
          expect(mentionsFullName(note, client)).toBe(true);
          // the same given name or the same surname alone is not a match
          const other = written(b.given, b.last)[1];
          const sameName = b.given.toLowerCase() === a.given.toLowerCase() && b.last.toLowerCase() === a.last.toLowerCase();
          if (!sameName) expect(mentionsFullName(note, other)).toBe(false);
          expect(mentionsFullName(template.replace("%s", a.given), client)).toBe(false);
          expect(mentionsFullName(template.replace("%s", `mevrouw ${a.last}`), client)).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("matches the issue's note on the one Saskia Kaya, not every Saskia and both Kayas", () => {
    const clients = ["Kaya, Saskia", "Kaya, Yusuf", "Visser, Saskia", "Kaya-Bakker, Saskia"];
    expect(clients.filter((c) => mentionsFullName("Net bij Saskia Kaya geweest, ze is gestart bij de voedselbank", c))).toEqual([
      "Kaya, Saskia",
    ]);
  });

  it("a note may name the client by number, as a whole word", () => {
    expect(mentionsClientNumber("Net bij mevrouw Kaya geweest (GR-100163), ging goed", "GR-100163")).toBe(true);
    expect(mentionsClientNumber("huisbezoek gr-100163: gestart", "GR-100163")).toBe(true);
    expect(mentionsClientNumber("huisbezoek GR-1001634", "GR-100163")).toBe(false);
    expect(mentionsClientNumber("huisbezoek XGR-100163", "GR-100163")).toBe(false);
    expect(mentionsClientNumber("huisbezoek GR-100-163", "GR-100163")).toBe(false);
  });

  describe("a search after `verslag`", () => {
    const clients = [
      { displayName: "Kaya, Saskia", externalKey: "GR-100163" },
      { displayName: "Kaya, Yusuf", externalKey: "GR-100164" },
      { displayName: "de Boer, Kees", externalKey: "GR-100165" },
      { displayName: "Jansen, Anna", externalKey: "GR-1001" },
    ];
    const keys = (q: string) => matchClientSearch(q, clients).map((c) => c.externalKey);
    it.each([
      ["GR-100163", ["GR-100163"]],
      ["gr-100163", ["GR-100163"]],
      ["100163", ["GR-100163"]],
      ["GR-999999", []],
      ["GR-1001", ["GR-1001"]],
      ["Saskia Kaya", ["GR-100163"]],
      ["kaya saskia", ["GR-100163"]],
      ["Kaya", ["GR-100163", "GR-100164"]],
      ["de Boer", ["GR-100165"]],
      ["Kees de Boer", ["GR-100165"]],
      ["boer", ["GR-100165"]],
      ["jans", ["GR-1001"]],
      ["Pietersen", []],
    ])("%s finds %j", (q, expected) => expect(keys(q)).toEqual(expected));

    it("property: a generated client is found by its full name or its number, whatever else is in the caseload", () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(person, {
            minLength: 1,
            maxLength: 30,
            selector: (p) => `${p.given} ${p.last}`.toLowerCase(),
          }),
          fc.nat(),
          fc.nat(3),
          (people, pick, form) => {
            const caseload = people.map((p, i) => ({
              displayName: written(p.given, p.last)[i % 4],
              externalKey: `GR-${200000 + i}`,
            }));
            const target = pick % people.length;
            const p = people[target];
            expect(matchClientSearch(`GR-${200000 + target}`, caseload)).toEqual([caseload[target]]);
            expect(matchClientSearch(written(p.given, p.last)[form].replace(/,/g, ""), caseload)).toContain(caseload[target]);
            expect(matchClientSearch(`${p.given} ${p.last}`, caseload)).toEqual([caseload[target]]);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

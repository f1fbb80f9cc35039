import { describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../../src/config/ladder-profiles.ts";
import { ontheffingOf, startDraft } from "../../../src/domain/debrief/debrief-flow.ts";
import { answerStep } from "../../../src/domain/debrief/steps.ts";
import {
  classify,
  deriveOntheffing,
  LadderAnswerError,
  parseClassifierAnswers,
  type AnswerIssue,
} from "../../../src/domain/ladder/index.ts";

const profiles = loadLadderProfiles();
const p6 = profiles.get("participatieladder-6");
const p7 = profiles.get("ontwikkelladder-7");

/** JSON text, so keys such as "__proto__" arrive as own properties, exactly as JSON.parse gives them to the CLI. */
const fromJson = (text: string): unknown => JSON.parse(text);
const rung4 = `"betaaldWerk": "nee", "onbetaaldWerk": "wekelijks"`;

function errorsOf(raw: unknown, options = {}): AnswerIssue[] {
  const r = parseClassifierAnswers(p6, raw, options);
  if (r.ok) throw new Error(`expected errors, got answers ${JSON.stringify(r.answers)}`);
  return r.errors;
}

describe("inherited object properties are answers like any unknown value", () => {
  const names = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"];

  it.each(names)("%s as a single-choice answer is refused, naming the question", (name) => {
    expect(errorsOf(fromJson(`{ "ladder": { "betaaldWerk": ${JSON.stringify(name)} } }`))).toEqual([
      { path: "ladder.betaaldWerk", message: "expected one of ja, nee" },
    ]);
    // the rules themselves refuse it too, with the answer error (not a TypeError from an inherited function)
    expect(() => classify(p6, { ladder: { betaaldWerk: name } })).toThrow(LadderAnswerError);
    expect(() => classify(p6, { ladder: { betaaldWerk: "nee", onbetaaldWerk: name } })).toThrow(/ladder\.onbetaaldWerk: expected one of/);
  });

  it.each(names)("%s in a support list is refused", (name) => {
    expect(errorsOf(fromJson(`{ "ladder": { "betaaldWerk": "ja", "ondersteuning": ["wsw", ${JSON.stringify(name)}] } }`))).toEqual([
      {
        path: "ladder.ondersteuning",
        message: "expected a list of instrument, aanvulling, wsw, educatie, proFormaNazorg, geen",
      },
    ]);
    expect(() => classify(p6, { ladder: { betaaldWerk: "ja", ondersteuning: [name] } })).toThrow(LadderAnswerError);
  });

  it.each(names)("%s as a substep, verdieping, outcome or growth potential value is refused", (name) => {
    const v = JSON.stringify(name);
    const errors = errorsOf(
      fromJson(`{ "ladder": { ${rung4} }, "substep": { "volgendeStap": ${v} }, "verdieping": { "startkwalificatie": ${v} }, "outcome": ${v},
        "expected": { "rung": 5, "growthPotential": ${v} } }`),
    );
    expect(errors.map((e) => e.path).sort()).toEqual([
      "expected.growthPotential",
      "outcome",
      "substep.volgendeStap",
      "verdieping.startkwalificatie",
    ]);
    expect(errors.find((e) => e.path === "outcome")!.message).toBe(
      "expected one of werk, wijkteam, ontheffingsverzoek, participatieondersteuning, eigen_kracht, geen_vervolg",
    );
  });

  it.each(names)("%s as a key is an unknown field wherever it appears", (name) => {
    const k = JSON.stringify(name);
    const errors = errorsOf(
      fromJson(
        `{ ${k}: 1, "ladder": { ${rung4}, ${k}: "ja" }, "domains": { ${k}: 3 }, "verdieping": { ${k}: "ja" }, "expected": { "rung": 4, ${k}: 1 } }`,
      ),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          path: name,
          message: "unknown field; the fields are ladder, substep, expected, domains, verdieping, outcome, ontheffing",
        },
        {
          path: `ladder.${name}`,
          message:
            "not a question of participatieladder-6; its questions are betaaldWerk, ondersteuning, onbetaaldWerk, georganiseerd, sociaalContact",
        },
        { path: `domains.${name}`, message: "not a ZRM 2017 domain code" },
        {
          path: `verdieping.${name}`,
          message: expect.stringMatching(/^not a verdieping field of participatieladder-6; its fields are startkwalificatie, /),
        },
        { path: `expected.${name}`, message: "unknown field; the fields are rung, horizonMonths, growthPotential" },
      ]),
    );
    expect(errors).toHaveLength(5);
  });
});

describe("the stroomschema answers are exactly the questions on the path", () => {
  it.each<[string, string, AnswerIssue[]]>([
    [
      "an answer after the rung is decided",
      `{ ${rung4}, "sociaalContact": "wekelijks" }`,
      [
        {
          path: "ladder.sociaalContact",
          message: "not on the decision path: with these answers the questions are betaaldWerk, onbetaaldWerk; leave it out",
        },
      ],
    ],
    [
      "a support list without paid work",
      `{ ${rung4}, "ondersteuning": ["wsw"] }`,
      [
        {
          path: "ladder.ondersteuning",
          message: "not on the decision path: with these answers the questions are betaaldWerk, onbetaaldWerk; leave it out",
        },
      ],
    ],
    [
      "a missing answer and one that can no longer be asked",
      `{ "betaaldWerk": "nee", "ondersteuning": ["wsw"] }`,
      [
        { path: "ladder.onbetaaldWerk", message: "answer required" },
        {
          path: "ladder.ondersteuning",
          message: "not on the decision path: with these answers the questions are betaaldWerk, onbetaaldWerk; leave it out",
        },
      ],
    ],
    [
      "a missing answer before one that may still be asked",
      `{ "betaaldWerk": "nee", "georganiseerd": "wekelijks" }`,
      [{ path: "ladder.onbetaaldWerk", message: "answer required" }],
    ],
    ["no answers at all", `{}`, [{ path: "ladder.betaaldWerk", message: "answer required" }]],
    [
      "a question id with a typo",
      `{ "betaaldwerk": "nee" }`,
      [
        {
          path: "ladder.betaaldwerk",
          message:
            "not a question of participatieladder-6; its questions are betaaldWerk, ondersteuning, onbetaaldWerk, georganiseerd, sociaalContact",
        },
      ],
    ],
    [
      "a question of the other ladder",
      `{ ${rung4}, "werk": "nee" }`,
      [
        {
          path: "ladder.werk",
          message:
            "not a question of participatieladder-6; its questions are betaaldWerk, ondersteuning, onbetaaldWerk, georganiseerd, sociaalContact",
        },
      ],
    ],
    [
      "an empty support list",
      `{ "betaaldWerk": "ja", "ondersteuning": [] }`,
      [
        {
          path: "ladder.ondersteuning",
          message: "expected a list of instrument, aanvulling, wsw, educatie, proFormaNazorg, geen",
        },
      ],
    ],
    ["a number as an answer", `{ "betaaldWerk": 1 }`, [{ path: "ladder.betaaldWerk", message: "expected one of ja, nee" }]],
  ])("refuses %s", (_name, ladder, errors) => {
    expect(errorsOf(fromJson(`{ "ladder": ${ladder} }`))).toEqual(errors);
  });

  it("accepts the answers on the path, a support given as one value, and a substep on the top rung (ignored)", () => {
    const r = parseClassifierAnswers(p6, {
      ladder: { betaaldWerk: "ja", ondersteuning: "wsw" },
      substep: { volgendeStap: "oefenen" },
    });
    expect(r).toMatchObject({ ok: true, answers: { ladder: { betaaldWerk: "ja", ondersteuning: ["wsw"] } } });
    expect(
      parseClassifierAnswers(p7, {
        ladder: { werk: "nee", plaatsbaar: "nee", lerenErvaren: "nee", actief: "sporadisch" },
      }).ok,
    ).toBe(true);
  });
});

describe("verdieping, ZRM domains and the rest against the profile", () => {
  it.each<[string, string, AnswerIssue[]]>([
    [
      "an unknown verdieping value",
      `"verdieping": { "laaggeletterdheid": "misschien" }`,
      [{ path: "verdieping.laaggeletterdheid", message: "expected one of ja, nee, vermoeden" }],
    ],
    [
      "an unknown verdieping field",
      `"verdieping": { "rijbewijs": "ja" }`,
      [
        {
          path: "verdieping.rijbewijs",
          message:
            "not a verdieping field of participatieladder-6; its fields are startkwalificatie, laaggeletterdheid, inburgeringsplichtig, inburgeringsbereid, participatieInstrument, ontheffingArbeidsplicht, vrijstellingInburgering",
        },
      ],
    ],
    ["a code that is not a ZRM domain", `"domains": { "werk": 3 }`, [{ path: "domains.werk", message: "not a ZRM 2017 domain code" }]],
    [
      "a special-category domain that is off",
      `"domains": { "middelengebruik": 2 }`,
      [
        {
          path: "domains.middelengebruik",
          message:
            "special-category domain (Substance use): recorded only for a team that has it in scope, with a reason; in scope here: werk_opleiding, tijdsbesteding, sociaal_netwerk, maatschappelijke_participatie",
        },
      ],
    ],
    [
      "a domain outside the scope",
      `"domains": { "financien": 2 }`,
      [
        {
          path: "domains.financien",
          message: "not in scope here; in scope: werk_opleiding, tijdsbesteding, sociaal_netwerk, maatschappelijke_participatie",
        },
      ],
    ],
    [
      "a score outside 1 to 5",
      `"domains": { "werk_opleiding": 6 }`,
      [{ path: "domains.werk_opleiding", message: "expected a score 1 to 5, or null for niet besproken" }],
    ],
    [
      "a rung the profile does not have",
      `"expected": { "rung": 7 }`,
      [{ path: "expected.rung", message: 'must be one of 1, 2, 3, 4, 5, 6 or "onbekend"' }],
    ],
    [
      "an ontheffing flag that contradicts the verdieping",
      `"verdieping": { "ontheffingArbeidsplicht": "ja" }, "ontheffing": false`,
      [
        {
          path: "ontheffing",
          message: 'contradicts verdieping.ontheffingArbeidsplicht ("ja"); send one of the two, or the same answer in both',
        },
      ],
    ],
    ["an ontheffing that is not a boolean", `"ontheffing": "ja"`, [{ path: "ontheffing", message: "expected true or false" }]],
    [
      "an unknown top-level field",
      `"notes": "x"`,
      [
        {
          path: "notes",
          message: "unknown field; the fields are ladder, substep, expected, domains, verdieping, outcome, ontheffing",
        },
      ],
    ],
  ])("refuses %s", (_name, fields, errors) => {
    expect(errorsOf(fromJson(`{ "ladder": { ${rung4} }, ${fields} }`))).toEqual(errors);
  });

  it.each([["[]"], ['"answers"'], ["null"], ["42"]])("refuses %s as the whole input", (text) => {
    expect(errorsOf(fromJson(text))).toEqual([{ path: "(root)", message: "expected a JSON object with the answers" }]);
  });

  it("accepts a special-category domain for a team that has it in scope", () => {
    const r = parseClassifierAnswers(
      p6,
      {
        ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" },
        domains: { middelengebruik: 2, werk_opleiding: null },
      },
      { domainsInScope: ["werk_opleiding", "middelengebruik"] },
    );
    expect(r).toMatchObject({ ok: true, answers: { domains: { middelengebruik: 2, werk_opleiding: null } } });
  });
});

describe("ontheffing: one derivation for the debrief in Teams and the classifier", () => {
  const view = profiles.view("participatieladder-6");
  const debriefOntheffing = (verdieping: Record<string, string>) => {
    let draft = startDraft({ draftId: crypto.randomUUID() });
    draft = answerStep(draft, "contact", {
      clientId: crypto.randomUUID(),
      contact: { date: "2026-11-20", kind: "HUISBEZOEK", reached: true },
    });
    draft = answerStep(draft, "verdieping", verdieping);
    return ontheffingOf(view, { draft, previous: null });
  };

  it.each<[Record<string, string>, boolean]>([
    [{ ontheffingArbeidsplicht: "ja" }, true],
    [{ ontheffingArbeidsplicht: "nee" }, false],
    [{ startkwalificatie: "nee" }, false],
    [{}, false],
  ])("verdieping %j means ontheffing %s in both", (verdieping, ontheffing) => {
    expect(debriefOntheffing(verdieping)).toBe(ontheffing);
    const r = parseClassifierAnswers(p6, { ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" }, verdieping });
    expect(r).toMatchObject({ ok: true, answers: { ontheffing } });
    expect(deriveOntheffing(p6.ontheffingField, verdieping)).toBe(ontheffing);
  });

  it("reads the flag only where the verdieping is silent, and never over an inherited property", () => {
    const ladder = { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" };
    expect(parseClassifierAnswers(p6, { ladder, ontheffing: true })).toMatchObject({
      ok: true,
      answers: { ontheffing: true },
    });
    expect(parseClassifierAnswers(p6, { ladder, ontheffing: true, verdieping: { ontheffingArbeidsplicht: "ja" } })).toMatchObject({
      ok: true,
      answers: { ontheffing: true },
    });
    expect(deriveOntheffing({ id: "constructor", yes: "ja" }, {})).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../../src/config/ladder-profiles.ts";
import {
  answersSchema,
  checkExpectedRung,
  classify,
  LadderAnswerError,
  mapToParticipatieladder,
  nextLadderQuestion,
  parseLadderProfile,
  scoreDirection,
  validateDomainScores,
  DomainOutOfScopeError,
  type LadderAnswers,
} from "../../../src/domain/ladder/index.ts";

const profiles = loadLadderProfiles();
const p6 = profiles.get("participatieladder-6");
const p7 = profiles.get("ontwikkelladder-7");

describe("participatieladder-6 stroomschema", () => {
  it.each<[string, LadderAnswers, number, number | null, string[], string[]]>([
    ["paid work without support", { betaaldWerk: "ja", ondersteuning: ["geen"] }, 6, null, [], ["betaaldWerk", "ondersteuning"]],
    [
      "pro-forma nazorg keeps rung 6",
      { betaaldWerk: "ja", ondersteuning: ["proFormaNazorg"] },
      6,
      null,
      [],
      ["betaaldWerk", "ondersteuning"],
    ],
    [
      "instrument makes rung 5",
      { betaaldWerk: "ja", ondersteuning: ["instrument"] },
      5,
      null,
      ["instrument"],
      ["betaaldWerk", "ondersteuning"],
    ],
    [
      "aanvulling makes rung 5",
      { betaaldWerk: "ja", ondersteuning: ["aanvulling", "proFormaNazorg"] },
      5,
      null,
      ["aanvulling"],
      ["betaaldWerk", "ondersteuning"],
    ],
    ["Wsw makes rung 5", { betaaldWerk: "ja", ondersteuning: ["wsw"] }, 5, null, ["wsw"], ["betaaldWerk", "ondersteuning"]],
    [
      "educatie/BBL makes rung 5",
      { betaaldWerk: "ja", ondersteuning: ["educatie"] },
      5,
      null,
      ["educatie"],
      ["betaaldWerk", "ondersteuning"],
    ],
    [
      "several supports: every one is a reason, in the profile's order",
      { betaaldWerk: "ja", ondersteuning: ["educatie", "proFormaNazorg", "wsw", "instrument"] },
      5,
      null,
      ["instrument", "wsw", "educatie"],
      ["betaaldWerk", "ondersteuning"],
    ],
    ["weekly volunteering", { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" }, 4, null, [], ["betaaldWerk", "onbetaaldWerk"]],
    [
      "volunteering less than weekly counts one rung lower, practising",
      { betaaldWerk: "nee", onbetaaldWerk: "minderDanWekelijks" },
      3,
      3,
      [],
      ["betaaldWerk", "onbetaaldWerk"],
    ],
    [
      "weekly organised activity",
      { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
      3,
      null,
      [],
      ["betaaldWerk", "onbetaaldWerk", "georganiseerd"],
    ],
    [
      "irregular organised activity counts one rung lower",
      { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "onregelmatig" },
      2,
      3,
      [],
      ["betaaldWerk", "onbetaaldWerk", "georganiseerd"],
    ],
    [
      "weekly social contact",
      { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "nee", sociaalContact: "wekelijks" },
      2,
      null,
      [],
      ["betaaldWerk", "onbetaaldWerk", "georganiseerd", "sociaalContact"],
    ],
    [
      "only functional or online contact means rung 1",
      { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "nee", sociaalContact: "alleenFunctioneelOfOnline" },
      1,
      null,
      [],
      ["betaaldWerk", "onbetaaldWerk", "georganiseerd", "sociaalContact"],
    ],
  ])("%s", (_name, ladder, rung, substep, reasons, decidedBy) => {
    const p = classify(p6, { ladder, substep: null });
    expect(p).toMatchObject({ rung, substep, rung5Reasons: reasons, decidedBy });
    expect(decidedBy.length).toBeGreaterThanOrEqual(2);
    expect(decidedBy.length).toBeLessThanOrEqual(4);
  });

  it("asks only the questions on the path, in order", () => {
    expect(nextLadderQuestion(p6, {})?.id).toBe("betaaldWerk");
    expect(nextLadderQuestion(p6, { betaaldWerk: "ja" })?.id).toBe("ondersteuning");
    expect(nextLadderQuestion(p6, { betaaldWerk: "nee" })?.id).toBe("onbetaaldWerk");
    expect(nextLadderQuestion(p6, { betaaldWerk: "nee", onbetaaldWerk: "nee" })?.id).toBe("georganiseerd");
    expect(nextLadderQuestion(p6, { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "nee" })?.id).toBe("sociaalContact");
    expect(nextLadderQuestion(p6, { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" })).toBeNull();
    // an answer off the path does not change anything
    expect(classify(p6, { ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks", sociaalContact: "wekelijks" } }).rung).toBe(4);
  });

  it.each([
    ["verkennen", 1, "Tussenstap 2.1 Verkennen"],
    ["voorbereiden", 2, "Tussenstap 2.2 Voorbereiden"],
    ["oefenen", 3, "Tussenstap 2.3 Oefenen"],
    ["geen", null, "Geen tussenstap"],
  ])("takes substep %s from the coach's answer", (value, substep, text) => {
    const p = classify(p6, {
      ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "nee", sociaalContact: "wekelijks" },
      substep: { volgendeStap: value },
    });
    expect(p.substep).toBe(substep);
    expect(p.explanation.nl).toContain(text);
  });

  it("gives the top rung no substep", () => {
    expect(
      classify(p6, { ladder: { betaaldWerk: "ja", ondersteuning: ["geen"] }, substep: { volgendeStap: "oefenen" } }).substep,
    ).toBeNull();
  });

  it("explains the proposal in Dutch and English", () => {
    const p = classify(p6, {
      ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
      substep: { volgendeStap: "voorbereiden" },
    });
    expect(p.explanation.nl).toBe(
      "Trede 3 — Deelname aan georganiseerde activiteiten, omdat de klant wekelijks deelneemt aan een georganiseerde activiteit. Tussenstap 3.2 Voorbereiden: er is een concrete afspraak of een plan richting de volgende trede.",
    );
    expect(p.explanation.en).toBe(
      "Rung 3 — Taking part in organised activities, because the client takes part in an organised activity every week. Substep 3.2 Preparing: there is a concrete agreement or plan towards the next rung.",
    );
    expect(classify(p6, { ladder: { betaaldWerk: "ja", ondersteuning: ["wsw"] } }).explanation.nl).toContain(
      "(ondersteuning: Wsw/beschut werk)",
    );
    const both = classify(p6, { ladder: { betaaldWerk: "ja", ondersteuning: ["wsw", "aanvulling"] } }).explanation;
    expect(both.nl).toContain("(ondersteuning: aanvullende uitkering, Wsw/beschut werk)");
    expect(both.en).toContain("(support: supplementary benefit, sheltered work)");
  });

  it.each<[string, LadderAnswers]>([
    ["an unknown answer", { betaaldWerk: "misschien" }],
    ["a list where one answer is expected", { betaaldWerk: ["ja"] }],
    ["an empty support list", { betaaldWerk: "ja", ondersteuning: [] }],
    ["an unknown support kind", { betaaldWerk: "ja", ondersteuning: ["subsidie"] }],
  ])("refuses %s, naming the question", (_name, ladder) => {
    expect(() => classify(p6, { ladder })).toThrow(LadderAnswerError);
  });

  it("refuses to classify before the path is complete", () => {
    expect(() => classify(p6, { ladder: { betaaldWerk: "nee" } })).toThrow(/onbetaaldWerk: answer required/);
  });
});

describe("ontwikkelladder-7 stroomschema", () => {
  it.each<[LadderAnswers, number]>([
    [{ werk: "uitstroom" }, 7],
    [{ werk: "parttimeMetAanvulling" }, 6],
    [{ werk: "nee", plaatsbaar: "ja" }, 5],
    [{ werk: "nee", plaatsbaar: "nee", lerenErvaren: "ja" }, 4],
    [{ werk: "nee", plaatsbaar: "nee", lerenErvaren: "nee", actief: "structureel" }, 3],
    [{ werk: "nee", plaatsbaar: "nee", lerenErvaren: "nee", actief: "sporadisch" }, 2],
    [{ werk: "nee", plaatsbaar: "nee", lerenErvaren: "nee", actief: "nee" }, 1],
  ])("%j -> rung %i", (ladder, rung) => {
    expect(classify(p7, { ladder }).rung).toBe(rung);
  });

  it("maps to the 6-rung ladder at report time only", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => mapToParticipatieladder(p7, r))).toEqual([1, 2, 3, 4, 4, 5, 6]);
    expect(mapToParticipatieladder(p6, 5)).toBe(5);
  });
});

describe("expected rung", () => {
  it.each<[number, number | null, boolean, string[]]>([
    [1, 2, false, []],
    [1, 3, false, []],
    [1, 4, false, ["EXPECTED_JUMP"]],
    [2, 3, true, ["EXPECTED_RISE_WITH_ONTHEFFING"]],
    [2, 2, true, []],
    [1, null, true, []],
    [1, 6, true, ["EXPECTED_JUMP", "EXPECTED_RISE_WITH_ONTHEFFING"]],
  ])("current %i, expected %s, ontheffing %s -> %j", (current, expected, ontheffing, codes) => {
    expect(checkExpectedRung(p6, { current, expected, ontheffing }).map((w) => w.code)).toEqual(codes);
  });

  it("refuses a rung the profile does not have", () => {
    expect(() => checkExpectedRung(p6, { current: 1, expected: 7, ontheffing: false })).toThrow(LadderAnswerError);
  });
});

describe("ZRM domain scores", () => {
  it.each<[number | null, number | null, string | null]>([
    [2, 3, "vooruit"],
    [3, 3, "gelijk"],
    [4, 2, "achteruit"],
    [null, 3, null],
    [3, null, null],
  ])("previous %s, now %s -> %s", (prev, now, dir) => {
    expect(scoreDirection(prev, now)).toBe(dir);
  });

  it("refuses domains outside the team's scope and scores outside 1..5", () => {
    const scope = p6.defaultDomainsInScope;
    expect(validateDomainScores(scope, { werk_opleiding: 3, sociaal_netwerk: null })).toEqual({
      werk_opleiding: 3,
      sociaal_netwerk: null,
    });
    expect(() => validateDomainScores(scope, { middelengebruik: 2 })).toThrow(DomainOutOfScopeError);
    expect(() => validateDomainScores(scope, { werk_opleiding: 6 })).toThrow(RangeError);
  });

  it("defaults to the four non-sensitive domains", () => {
    expect(p6.defaultDomainsInScope).toEqual(["werk_opleiding", "tijdsbesteding", "sociaal_netwerk", "maatschappelijke_participatie"]);
  });
});

describe("profile data", () => {
  it("names the file and field when a profile is broken", () => {
    const missing = structuredClone(p6) as any;
    delete missing.rungs[0].name.en;
    expect(() => parseLadderProfile(missing, "ladders/broken.json")).toThrow(/ladders\/broken\.json[\s\S]*rungs\.0\.name\.en/);
    const badRung = structuredClone(p6) as any;
    badRung.decision.nodes.sociaalContact.branches.wekelijks.rung = 9;
    expect(() => parseLadderProfile(badRung, "ladders/broken.json")).toThrow(
      /decision\.nodes\.sociaalContact\.branches\.wekelijks\.rung: unknown rung 9/,
    );
  });

  it("refuses a decision node that forgets an answer", () => {
    const broken = structuredClone(p6) as any;
    delete broken.decision.nodes.onbetaaldWerk.branches.minderDanWekelijks;
    expect(() => parseLadderProfile(broken, "x.json")).toThrow(/no branch for answer minderDanWekelijks/);
  });

  it("validates full answers against the profile", () => {
    const schema = answersSchema(p6);
    expect(schema.safeParse({ ladder: { betaaldWerk: "nee" }, expected: { rung: "onbekend" } }).success).toBe(true);
    expect(schema.safeParse({ ladder: {}, expected: { rung: 9 } }).success).toBe(false);
    expect(schema.safeParse({ ladder: {}, outcome: "vakantie" }).success).toBe(false);
    expect(schema.safeParse({ ladder: {}, unknownField: 1 }).success).toBe(false);
  });
});

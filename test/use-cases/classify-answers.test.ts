import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { nextLadderQuestion, type LadderProfileData } from "../../src/domain/ladder/index.ts";
import { classifyAnswers, type ClassifyAnswersResult } from "../../src/use-cases/classify-answers.ts";

const profiles = loadLadderProfiles();
const deps = { profiles: profiles.all };

describe("classifyAnswers", () => {
  it("proposes rung, substep, every rung-5 reason, the derived ontheffing and its warnings", () => {
    const r = classifyAnswers(deps, {
      profileId: "participatieladder-6",
      answers: {
        ladder: { betaaldWerk: "ja", ondersteuning: ["educatie", "aanvulling"] },
        substep: { volgendeStap: "oefenen" },
        expected: { rung: 6, horizonMonths: 12, growthPotential: "ja" },
        domains: { werk_opleiding: 4 },
        verdieping: { ontheffingArbeidsplicht: "ja" },
        outcome: "werk",
      },
    });
    expect(r).toEqual({
      ok: true,
      proposal: {
        profile: { id: "participatieladder-6", version: 1 },
        rung: 5,
        substep: 3,
        reasons: ["aanvulling", "educatie"],
        decidedBy: ["betaaldWerk", "ondersteuning"],
        expected: { rung: 6, horizonMonths: 12, growthPotential: "ja" },
        ontheffing: true,
        explanation: expect.objectContaining({
          nl: expect.stringContaining("(ondersteuning: aanvullende uitkering, educatie/inburgering naast werk)"),
        }),
        warnings: [expect.objectContaining({ code: "EXPECTED_RISE_WITH_ONTHEFFING" })],
      },
    });
  });

  it("answers an unknown profile with an error, as any other invalid input", () => {
    expect(classifyAnswers(deps, { profileId: "constructor", answers: {} })).toEqual({
      ok: false,
      errors: [{ path: "profile", message: 'unknown profile "constructor"; known: ontwikkelladder-7, participatieladder-6' }],
    });
  });

  it("checks domains against the scope it is given", () => {
    const answers = { ladder: { werk: "uitstroom" }, domains: { justitie: 1 } };
    expect(classifyAnswers(deps, { profileId: "ontwikkelladder-7", answers })).toMatchObject({
      ok: false,
      errors: [{ path: "domains.justitie" }],
    });
    expect(classifyAnswers(deps, { profileId: "ontwikkelladder-7", answers, domainsInScope: ["justitie"] })).toMatchObject({
      ok: true,
      proposal: { rung: 7 },
    });
  });
});

// Whatever JSON arrives, the classifier answers with a clear error or a valid proposal; it never throws.
describe("classifyAnswers on arbitrary JSON (property)", () => {
  const junk = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "prototype", "", "onbekend", "null"];

  function expectWellFormed(profile: LadderProfileData, r: ClassifyAnswersResult) {
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.path.length).toBeGreaterThan(0);
        expect(e.message.length).toBeGreaterThan(5);
        expect(e.message).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
      return;
    }
    const p = r.proposal;
    expect(p.profile).toEqual({ id: profile.id, version: profile.version });
    expect(profile.rungs.map((x) => x.rung)).toContain(p.rung);
    if (p.rung === profile.rungs.length) expect(p.substep).toBeNull();
    else expect([null, 1, 2, 3]).toContain(p.substep);
    for (const reason of p.reasons) expect(profile.reasonCodes.map((c) => c.value)).toContain(reason);
    expect(new Set(p.reasons).size).toBe(p.reasons.length);
    expect(p.decidedBy.length).toBeGreaterThan(0);
    for (const q of p.decidedBy) expect(profile.questions.map((x) => x.id)).toContain(q);
    expect(p.explanation.nl).toMatch(new RegExp(`^Trede ${p.rung} — `));
    expect(p.explanation.en).toMatch(new RegExp(`^Rung ${p.rung} — `));
    expect(typeof p.ontheffing).toBe("boolean");
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  }

  /** Own keys, as JSON.parse makes them (a "__proto__" key included). */
  const objectOf = <V>(entries: [string, V][]) => Object.fromEntries(entries);
  const mostly = <T>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: other, weight: 1 });
  const junkValue = fc.oneof(fc.constantFrom(...junk), fc.jsonValue({ maxDepth: 1 }));

  /** Valid answers for the profile, each part now and then spoiled, so runs reach past the first check. */
  function nearlyValidAnswers(profile: LadderProfileData) {
    const choice = (values: string[]) => fc.constantFrom(...values);
    const fullLadder = fc.record(
      Object.fromEntries(
        profile.questions.map((q) => [
          q.id,
          q.multi ? fc.uniqueArray(choice(q.options.map((o) => o.value)), { minLength: 1 }) : choice(q.options.map((o) => o.value)),
        ]),
      ),
    );
    // the answers on the decision path, as a coach gives them
    const pathOnly = fullLadder.map((all) => {
      const ladder: Record<string, string | string[]> = {};
      for (let q = nextLadderQuestion(profile, ladder); q; q = nextLadderQuestion(profile, ladder)) ladder[q.id] = all[q.id];
      return { ladder, all };
    });
    const ladder = fc
      .tuple(pathOnly, fc.nat(4), fc.constantFrom(...profile.questions.map((q) => q.id), ...junk), junkValue)
      .map(([{ ladder, all }, spoil, key, value]) => {
        const entries = Object.entries(ladder);
        if (spoil === 1) entries.push([key, value as string]); // an extra (possibly junk) key
        if (spoil === 2 && entries.length) entries[entries.length - 1][1] = value as string; // a junk value
        if (spoil === 3) entries.pop(); // the path left incomplete
        if (spoil === 4) entries.push(...Object.entries(all).filter(([k]) => !Object.hasOwn(ladder, k))); // off-path answers
        return objectOf(entries);
      });
    const substepValues = [profile.substeps.none.value, ...profile.substeps.steps.map((s) => s.value)];
    const rungs = profile.rungs.map((r) => r.rung);
    const domainsInScope = profile.defaultDomainsInScope;
    return fc.record(
      {
        ladder,
        substep: mostly(
          fc.record({ [profile.substeps.question.id]: choice(substepValues) }),
          fc.tuple(fc.constantFrom(profile.substeps.question.id, ...junk), junkValue).map((e) => objectOf([e])),
        ),
        expected: mostly(
          fc.record(
            {
              rung: fc.oneof(choice(rungs.map(String)).map(Number), fc.constant("onbekend")),
              horizonMonths: fc.integer({ min: 1, max: 60 }),
              growthPotential: choice(["ja", "nee", "onbekend"]),
            },
            { requiredKeys: ["rung"] },
          ),
          fc.record({
            rung: fc.oneof(fc.integer({ min: -1, max: 9 }), junkValue),
            horizonMonths: fc.integer({ min: -1, max: 99 }),
            growthPotential: junkValue,
          }),
        ),
        domains: mostly(
          fc
            .uniqueArray(fc.tuple(choice([...domainsInScope]), fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null))), {
              selector: ([k]) => k,
            })
            .map(objectOf),
          fc
            .array(
              fc.tuple(
                fc.constantFrom(...domainsInScope, "justitie", "financien", ...junk),
                fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double(), junkValue),
              ),
            )
            .map(objectOf),
        ),
        verdieping: mostly(
          fc.record(Object.fromEntries(profile.verdieping.map((q) => [q.id, choice(q.options.map((o) => o.value))])), {
            requiredKeys: [],
          }),
          fc.array(fc.tuple(fc.constantFrom(...profile.verdieping.map((q) => q.id), ...junk), junkValue)).map(objectOf),
        ),
        outcome: mostly(fc.oneof(fc.constant(null), choice(profile.outcomes.map((o) => o.value))), junkValue),
        ontheffing: mostly(fc.boolean(), junkValue),
      },
      { requiredKeys: ["ladder"] },
    );
  }

  it.each(profiles.all.map((p) => [p.id, p] as const))("on %s: arbitrary JSON gives an error list, never a throw", (_id, profile) => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => expectWellFormed(profile, classifyAnswers(deps, { profileId: profile.id, answers: json }))),
      { numRuns: 500 },
    );
  });

  it.each(profiles.all.map((p) => [p.id, p] as const))(
    "on %s: nearly valid answers give a clear error or a valid proposal",
    (_id, profile) => {
      let proposals = 0;
      fc.assert(
        fc.property(nearlyValidAnswers(profile), (answers) => {
          const r = classifyAnswers(deps, { profileId: profile.id, answers });
          expectWellFormed(profile, r);
          if (r.ok) proposals++;
        }),
        { numRuns: 2000 },
      );
      expect(proposals).toBeGreaterThan(0); // the generator does reach the rules, not only the first check
    },
  );
});

describe("docs/answers.md", () => {
  it("shows answers the classifier accepts, and the output shape it prints", async () => {
    const { readFileSync } = await import("node:fs");
    const [input, output] = [...readFileSync("docs/answers.md", "utf8").matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    const r = classifyAnswers(deps, { profileId: "participatieladder-6", answers: JSON.parse(input) });
    expect(r).toMatchObject({ ok: true, proposal: { rung: 3, substep: 3, reasons: [] } });
    const documented = JSON.parse(output.replace(/"…"/g, '""').replace(/…/g, ""));
    expect(Object.keys(documented)).toEqual(Object.keys(r.ok ? r.proposal : {}));
    const example = classifyAnswers(deps, {
      profileId: "participatieladder-6",
      answers: {
        ladder: { betaaldWerk: "ja", ondersteuning: ["educatie", "aanvulling"] },
        expected: { rung: 6, growthPotential: "ja" },
      },
    });
    expect(example).toMatchObject({ ok: true, proposal: { ...documented, explanation: expect.anything() } });
  });
});

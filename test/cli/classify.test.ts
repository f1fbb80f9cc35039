import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function classify(input: string, args: string[] = ["--profile", "participatieladder-6"]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "classify", ...args], { input, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run trede -- classify", () => {
  it("prints the proposal as JSON", () => {
    const r = classify(
      JSON.stringify({
        ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
        substep: { volgendeStap: "verkennen" },
        expected: { rung: 4, horizonMonths: 12, growthPotential: "ja" },
        ontheffing: true,
      }),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ profile: { id: "participatieladder-6", version: 1 }, rung: 3, substep: 1, reasons: [], decidedBy: ["betaaldWerk", "onbetaaldWerk", "georganiseerd"] });
    expect(out.explanation.nl).toMatch(/^Trede 3 — Deelname aan georganiseerde activiteiten, omdat/);
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(["EXPECTED_RISE_WITH_ONTHEFFING"]);
  });

  it("exits non-zero with a readable message on invalid answers", () => {
    const wrong = classify(JSON.stringify({ ladder: { betaaldWerk: "ja", ondersteuning: ["subsidie"] } }));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("ladder.ondersteuning: expected a list of");
    const incomplete = classify(JSON.stringify({ ladder: { betaaldWerk: "nee" } }));
    expect(incomplete.code).toBe(1);
    expect(incomplete.stderr).toContain("ladder.onbetaaldWerk: answer required");
    const notJson = classify("{ladder");
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain("not valid JSON");
    const unknownProfile = classify("{}", ["--profile", "nope"]);
    expect(unknownProfile.code).toBe(1); // invalid input, like every other: 2 is kept for usage errors
    expect(unknownProfile.stderr).toContain("unknown profile");
  });

  it("classifies on the Groningen ontwikkelladder", () => {
    const r = classify(JSON.stringify({ ladder: { werk: "parttimeMetAanvulling" } }), ["--profile", "ontwikkelladder-7"]);
    expect(JSON.parse(r.stdout).rung).toBe(6);
  });
});

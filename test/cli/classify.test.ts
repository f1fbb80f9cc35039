import { spawn, spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli.ts";

const classify = (input: string | Buffer, args: string[] = ["--profile", "participatieladder-6"]) =>
  runCliInProcess(["classify", ...args], { stdin: input });

/** The real entry point, for what only a process shows: the exit code, and a pipe the command closes early. */
const cliProcess = ["--import", "tsx", "src/cli/main.ts", "classify"];

describe("npm run trede -- classify", () => {
  it("prints the proposal as JSON", async () => {
    const r = await classify(
      JSON.stringify({
        ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
        substep: { volgendeStap: "verkennen" },
        expected: { rung: 4, horizonMonths: 12, growthPotential: "ja" },
        ontheffing: true,
      }),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      profile: { id: "participatieladder-6", version: 1 },
      rung: 3,
      substep: 1,
      reasons: [],
      decidedBy: ["betaaldWerk", "onbetaaldWerk", "georganiseerd"],
    });
    expect(out.explanation.nl).toMatch(/^Trede 3 — Deelname aan georganiseerde activiteiten, omdat/);
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(["EXPECTED_RISE_WITH_ONTHEFFING"]);
  });

  it("exits non-zero with a readable message on invalid answers", async () => {
    const wrong = await classify(JSON.stringify({ ladder: { betaaldWerk: "ja", ondersteuning: ["subsidie"] } }));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("ladder.ondersteuning: expected a list of");
    const incomplete = await classify(JSON.stringify({ ladder: { betaaldWerk: "nee" } }));
    expect(incomplete.code).toBe(1);
    expect(incomplete.stderr).toContain("ladder.onbetaaldWerk: answer required");
    const notJson = await classify("{ladder");
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain("not valid JSON");
    const unknownProfile = await classify("{}", ["--profile", "nope"]);
    expect(unknownProfile.code).toBe(1); // invalid input, like every other: 2 is kept for usage errors
    expect(unknownProfile.stderr).toContain("unknown profile");
  });

  it("classifies on the Groningen ontwikkelladder", async () => {
    const r = await classify(JSON.stringify({ ladder: { werk: "parttimeMetAanvulling" } }), ["--profile", "ontwikkelladder-7"]);
    expect(JSON.parse(r.stdout).rung).toBe(6);
  });
});

describe("npm run trede -- classify: strict input and exit codes", () => {
  it.each(["constructor", "__proto__", "toString", "valueOf"])(
    "refuses %s as an answer with exit 1 and the field, no stack trace",
    async (answer) => {
      const v = JSON.stringify(answer);
      const r = await classify(
        `{ "ladder": { "betaaldWerk": "ja", "ondersteuning": [${v}] }, "verdieping": { "startkwalificatie": ${v} }, "outcome": ${v} }`,
      );
      expect(r.code).toBe(1);
      expect(r.stderr.split("\n").filter(Boolean).sort()).toEqual([
        "  ladder.ondersteuning: expected a list of instrument, aanvulling, wsw, educatie, proFormaNazorg, geen",
        "  outcome: expected one of werk, wijkteam, ontheffingsverzoek, participatieondersteuning, eigen_kracht, geen_vervolg",
        "  verdieping.startkwalificatie: expected one of ja, nee, onbekend",
        "invalid answers:",
      ]);
      expect(r.stdout).toBe("");
    },
  );

  it("lists every problem, one line each: unknown keys and values first, then the path and the domains in scope", async () => {
    const shape = await classify(
      JSON.stringify({
        ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" },
        verdieping: { laaggeletterdheid: "misschien" },
        note: "x",
      }),
    );
    expect(shape.code).toBe(1);
    expect(shape.stderr.split("\n").filter(Boolean)).toEqual([
      "invalid answers:",
      "  verdieping.laaggeletterdheid: expected one of ja, nee, vermoeden",
      "  note: unknown field; the fields are ladder, substep, expected, domains, verdieping, outcome, ontheffing",
    ]);
    const path = await classify(
      JSON.stringify({
        ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks", sociaalContact: "wekelijks" },
        domains: { middelengebruik: 2 },
      }),
    );
    expect(path.code).toBe(1);
    expect(path.stderr).toContain("  ladder.sociaalContact: not on the decision path");
    expect(path.stderr).toContain("  domains.middelengebruik: special-category domain (Substance use)");
  });

  it("prints every rung-5 reason and derives ontheffing from the verdieping, as the debrief does", async () => {
    const r = await classify(
      JSON.stringify({
        ladder: { betaaldWerk: "ja", ondersteuning: ["wsw", "instrument"] },
        expected: { rung: 6 },
        verdieping: { ontheffingArbeidsplicht: "ja" },
      }),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      rung: 5,
      reasons: ["instrument", "wsw"],
      ontheffing: true,
      warnings: [{ code: "EXPECTED_RISE_WITH_ONTHEFFING" }],
    });
  });

  it.each<[string, string[]]>([
    ["--profile without an id", ["--profile"]],
    ["an unknown option", ["--profile", "participatieladder-6", "--verbose"]],
  ])("exits 2 on a usage error: %s", async (_name, args) => {
    const r = await classify("{}", args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: npm run trede -- classify");
  });

  it("exits 1 on input that is not UTF-8 (the real process: the exit code reaches the shell)", () => {
    const r = spawnSync(process.execPath, cliProcess, {
      input: Buffer.from([0x7b, 0xff, 0x7d]),
    });
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toContain("(root): not valid UTF-8 text");
  });

  it("refuses 30 MB of input after the first megabyte, without reading the rest", async () => {
    const child = spawn(process.execPath, cliProcess, {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdin.on("error", () => {}); // the command closes its input early: EPIPE here is the point
    const total = 30 * 1024 * 1024;
    const block = Buffer.alloc(64 * 1024, " ");
    let offered = 0;
    const input = new Readable({
      read() {
        if (offered >= total) return void this.push(null);
        offered += block.length;
        this.push(offered === block.length ? Buffer.concat([Buffer.from('{"ladder": "'), block.subarray(12)]) : block);
      },
    });
    input.pipe(child.stdin);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    input.destroy();
    expect(code).toBe(1);
    expect(stderr).toBe("invalid answers:\n  (root): larger than 1 MB; one debrief's answers are a few kilobytes\n");
    expect(offered).toBeLessThan(total / 4); // the writer was stopped long before 30 MB
  }, 30_000);
});

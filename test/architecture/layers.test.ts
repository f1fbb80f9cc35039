import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const depcruise = path.join(root, "node_modules/.bin/depcruise");

type Summary = { violations: { rule: { name: string }; from: string; to: string }[] };
const cruised = new Map<string, Summary>();

/** One dependency-cruiser run per directory (each takes seconds), shared by the tests below. */
function cruise(cwd: string): Summary {
  const done = cruised.get(cwd);
  if (done) return done;
  const out = execFileSync(depcruise, ["src", "--config", path.join(root, ".dependency-cruiser.cjs"), "--output-type", "json"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
  const summary = JSON.parse(out).summary as Summary;
  cruised.set(cwd, summary);
  return summary;
}

describe("layer rules (dependency-cruiser)", () => {
  it("hold for the code base: the domain is pure, Prisma stays in storage, Teams at the edge", () => {
    const { violations } = cruise(root);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  it("catch a domain module that reads files and a card module that imports botbuilder", () => {
    const { violations } = cruise(path.join(root, "test/fixtures/layers"));
    const names = violations.map((v) => `${v.rule.name}: ${v.from}`);
    expect(names).toContain("domain-is-pure: src/domain/leaky-rule.ts");
    expect(names).toContain("teams-only-at-the-edge: src/cards/leaky-card.ts");
  });

  it("catch a use case that imports storage internals or Teams types", () => {
    const { violations } = cruise(path.join(root, "test/fixtures/layers"));
    const hits = violations
      .filter((v) => v.rule.name === "use-cases-know-no-transport-or-database" && v.from === "src/use-cases/leaky-use-case.ts")
      .map((v) => v.to);
    expect(hits).toContain("src/storage/prisma-repository.ts");
    expect(hits.some((to) => to.includes("node_modules/botbuilder"))).toBe(true);
  });

  it("catch a handler that reaches a model past the gate: the OpenAI client or the planner construction", () => {
    const { violations } = cruise(path.join(root, "test/fixtures/layers"));
    const leaks = violations.filter((v) => v.rule.name === "model-only-through-the-gate").map((v) => `${v.from} -> ${v.to}`);
    expect(leaks).toContain("src/bot/leaky-model.ts -> src/bot/model-binding.ts");
    expect(leaks.some((l) => /^src\/bot\/leaky-model\.ts -> .*node_modules\/openai\//.test(l))).toBe(true);
    // the real code base has exactly one way in
    expect(cruise(root).violations.filter((v) => v.rule.name === "model-only-through-the-gate")).toEqual([]);
  });

  it("leave the model client and planner classes to the gate's own two modules", () => {
    const offenders = execFileSync("grep", ["-rlE", "\\b(OpenAIModel|AzureOpenAI|ActionPlanner|PromptManager|new OpenAI)\\b", "src"], {
      cwd: root,
      encoding: "utf8",
    })
      .split("\n")
      .filter(Boolean)
      .sort();
    expect(offenders).toEqual(["src/bot/model-binding.ts"]);
  });

  it("keep src/ai free of the conversation SDK, even of its types: only src/bot and src/http know it", () => {
    const { violations } = cruise(path.join(root, "test/fixtures/layers"));
    const hits = violations.filter((v) => v.rule.name === "teams-only-at-the-edge").map((v) => `${v.from} -> ${v.to}`);
    expect(hits.some((h) => /^src\/ai\/leaky-sdk\.ts -> .*node_modules\/botbuilder/.test(h))).toBe(true);
    const sdk = execFileSync("grep", ["-rlE", 'from "(botbuilder|@microsoft/teams-ai)', "src"], {
      cwd: root,
      encoding: "utf8",
    })
      .split("\n")
      .filter(Boolean);
    expect(sdk.filter((f) => !/^src\/(bot|http)\//.test(f))).toEqual([]);
  });

  it("catch a handler or card that imports storage or its types instead of taking the store", () => {
    const { violations } = cruise(path.join(root, "test/fixtures/layers"));
    const hits = violations.filter((v) => v.rule.name === "above-storage-only-the-store").map((v) => `${v.from} -> ${v.to}`);
    expect(hits).toContain("src/bot/leaky-handler.ts -> src/storage/prisma-repository.ts");
    expect(hits).toContain("src/cards/leaky-shape.ts -> src/storage/prisma-repository.ts");
    expect(hits).toContain("src/use-cases/leaky-use-case.ts -> src/storage/prisma-repository.ts");
    // the real code base: no exceptions
    // grep exits 1 when nothing matches
    const grep = (args: string[]) => {
      try {
        return execFileSync("grep", args, { cwd: root, encoding: "utf8" });
      } catch (e) {
        if ((e as { status?: number }).status === 1) return "";
        throw e;
      }
    };
    const exceptions = grep(["-rlE", 'from "[./]*(storage|generated)/', "src/bot", "src/cards", "src/ai", "src/use-cases"])
      .split("\n")
      .filter(Boolean);
    expect(exceptions).toEqual([]);
  });
});

import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const depcruise = path.join(root, "node_modules/.bin/depcruise");

function cruise(cwd: string): { violations: { rule: { name: string }; from: string; to: string }[] } {
  const out = execFileSync(depcruise, ["src", "--config", path.join(root, ".dependency-cruiser.cjs"), "--output-type", "json"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
  return JSON.parse(out).summary;
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
    const hits = violations.filter((v) => v.rule.name === "use-cases-know-no-transport-or-database" && v.from === "src/use-cases/leaky-use-case.ts").map((v) => v.to);
    expect(hits).toContain("src/storage/prisma-repository.ts");
    expect(hits.some((to) => to.includes("node_modules/botbuilder"))).toBe(true);
  });
});

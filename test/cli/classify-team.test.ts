import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/db/index.ts";
import { runCliInProcess } from "../support/cli.ts";
import { migratedPgliteUrl } from "../support/databases.ts";

const classify = (env: NodeJS.ProcessEnv, args: string[], answers: object) =>
  runCliInProcess(["classify", ...args], { env, stdin: JSON.stringify(answers) });

// With --team the team's ladder profile and its ZRM domains in scope apply, as in the team's debriefs.
describe("npm run trede -- classify --team", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "trede-classify-team-"));
    env = { DATABASE_URL: await migratedPgliteUrl(path.join(dir, "db")) };
    const db = await openDatabase(env.DATABASE_URL!);
    try {
      await db.prisma.team.create({
        data: {
          name: "Verslaving",
          domainsInScope: ["werk_opleiding", "middelengebruik"],
          specialDomainsReason: "verslavingszorg",
        },
      });
      await db.prisma.team.create({ data: { name: "Groningen", ladderProfileId: "ontwikkelladder-7" } });
    } finally {
      await db.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("accepts the special-category domain a team has in scope, and refuses what it has not", async () => {
    const ladder = { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" };
    const ok = await classify(env, ["--team", "verslaving"], {
      ladder,
      domains: { middelengebruik: 2, werk_opleiding: 3 },
    });
    expect([ok.code, ok.stderr]).toEqual([0, ""]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ rung: 4 });
    const off = await classify(env, ["--team", "Verslaving"], { ladder, domains: { sociaal_netwerk: 2 } });
    expect([off.code, off.stderr]).toEqual([
      1,
      "invalid answers:\n  domains.sociaal_netwerk: not in scope here; in scope: werk_opleiding, middelengebruik\n",
    ]);
    const byDefault = await classify(env, [], { ladder, domains: { middelengebruik: 2 } });
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toContain("domains.middelengebruik: special-category domain (Substance use)");
  });

  it("classifies on the team's ladder and refuses an unknown team as invalid input", async () => {
    const r = await classify(env, ["--team", "Groningen"], { ladder: { werk: "parttimeMetAanvulling" } });
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: { id: "ontwikkelladder-7" }, rung: 6 });
    const unknown = await classify(env, ["--team", "Atlantis"], { ladder: { werk: "uitstroom" } });
    expect([unknown.code, unknown.stderr]).toEqual([1, 'invalid answers:\n  team: unknown team "Atlantis"\n']);
  });

  it("puts a team on another ladder with `team set --ladder` (an unknown profile is refused), and classifies on it from then on", async () => {
    const run = (args: string[]) => runCliInProcess(args, { env: { ...env, USER: "beheer" } });
    const unknown = await run(["team", "set", "Verslaving", "--ladder", "participatieladder-9"]);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      'unknown ladder profile "participatieladder-9" (known: ontwikkelladder-7, participatieladder-6)\n',
    ]);
    const set = await run(["team", "set", "verslaving", "--ladder", "ontwikkelladder-7"]);
    expect([set.code, set.stderr]).toEqual([0, ""]);
    expect(set.stdout).toContain("team Verslaving: ladder ontwikkelladder-7;");
    const r = await classify(env, ["--team", "Verslaving"], { ladder: { werk: "parttimeMetAanvulling" } });
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: { id: "ontwikkelladder-7" }, rung: 6 });
    const db = await openDatabase(env.DATABASE_URL!);
    try {
      const audit = await db.prisma.auditEvent.findFirstOrThrow({
        where: { action: "team.settings" },
        orderBy: { id: "desc" },
      });
      expect(audit.details).toMatchObject({
        team: "Verslaving",
        ladderProfileId: "ontwikkelladder-7",
        operator: "beheer",
      });
    } finally {
      await db.close();
    }
  }, 240_000); // four CLI runs, each opening the embedded database
});

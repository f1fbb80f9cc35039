import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import type { Actor } from "../../src/domain/access/actor.ts";
import { confirmClassification } from "../../src/storage/debrief/debrief.repository.ts";
import { exportClassifications } from "../../src/storage/export/export-classifications.ts";
import { findActor } from "../../src/storage/staff.repository.ts";
import { classifyAnswers } from "../../src/use-cases/classify-answers.ts";
import { TEST_TENANT } from "../support/bot-harness.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const profiles = loadLadderProfiles();

// Reports on rung-5 subgroups (instrument, aanvulling, wsw, educatie) count every support a client has,
// not only the first one the stroomschema lists.
describe.each(backends)("rung-5 reasons on $name", (backend) => {
  let db: TestDatabase;
  let coach: Actor;
  let teamId: string;
  let coachId: string;

  beforeAll(async () => {
    db = await backend.open();
    const { team, coach: staff } = await createTeamWithStaff(db.prisma, "Noord");
    teamId = team.id;
    coachId = staff.id;
    coach = (await findActor(db.sql, { tenantId: TEST_TENANT, aadObjectId: staff.aadObjectId }))!;
  });
  afterAll(async () => db?.close());

  async function confirmDebrief(externalKey: string, ondersteuning: string[]) {
    const client = await db.prisma.client.create({
      data: { externalKey, displayName: externalKey, birthYear: 1980, wijk: "Selwerd", teamId, coachId },
    });
    const answers = { ladder: { betaaldWerk: "ja", ondersteuning }, expected: { rung: 6 } };
    const result = classifyAnswers({ profiles: profiles.all }, { profileId: "participatieladder-6", answers });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const p = result.proposal;
    await confirmClassification(db.prisma, {
      actor: coach,
      clientId: client.id,
      idempotencyKey: crypto.randomUUID(),
      contact: { date: new Date("2026-11-20"), kind: "HUISBEZOEK", outcome: "werk", nextContactDate: null },
      profile: p.profile,
      answers,
      proposed: { rung: p.rung, substep: p.substep, rung5Reasons: p.reasons },
      final: { rung: p.rung, substep: p.substep, overrideReason: null },
      expected: { rung: 6, horizonMonths: 12, growthPotential: "ONBEKEND" },
      ontheffing: p.ontheffing,
      verdieping: {},
      domainScores: {},
    });
    return client.id;
  }

  it("stores every support as a reason and exports them all", async () => {
    const both = await confirmDebrief("K-5A", ["educatie", "aanvulling", "proFormaNazorg"]);
    const one = await confirmDebrief("K-5B", ["wsw"]);
    const none = await confirmDebrief("K-6", ["geen"]);
    const stored = async (clientId: string) => (await db.prisma.classification.findFirstOrThrow({ where: { clientId } })).rung5Reasons;
    expect(await stored(both)).toEqual(["aanvulling", "educatie"]);
    expect(await stored(one)).toEqual(["wsw"]);
    expect(await stored(none)).toEqual([]);
    // a subgroup report counts the client with two supports in both groups
    expect(await db.prisma.classification.count({ where: { rung5Reasons: { has: "educatie" } } })).toBe(1);
    expect(await db.prisma.classification.count({ where: { rung5Reasons: { has: "aanvulling" } } })).toBe(1);

    const { csv } = await exportClassifications(db.prisma, { operator: "test" });
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((l) => l.split(";"));
    const column = header.indexOf("rung5_reasons");
    expect(column).toBeGreaterThan(0);
    const byKey = Object.fromEntries(lines.map((cells) => [cells[0], cells[column]]));
    expect(byKey).toEqual({ "K-5A": "aanvulling|educatie", "K-5B": "wsw", "K-6": "" });
  });
});

describe.each(backends)("the rung-5 reasons migration on $name", (backend) => {
  let db: TestDatabase;
  let dir: string;
  const all = readdirSync("prisma/migrations", { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const migration = all.find((name) => name.endsWith("_classification_rung5_reasons"))!;

  beforeAll(async () => {
    db = await backend.open({ migrate: false });
    dir = mkdtempSync(path.join(tmpdir(), "trede-migrations-"));
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("turns each stored reason into a list of one and no reason into an empty list", async () => {
    const copy = (names: string[]) => {
      for (const name of names) cpSync(path.join("prisma/migrations", name), path.join(dir, name), { recursive: true });
    };
    copy(all.slice(0, all.indexOf(migration)));
    await db.migrate(dir);
    // Team, Staff and Client are unchanged since; the classifications are written in the old shape with plain SQL
    const { team, coach } = await createTeamWithStaff(db.prisma, "Noord");
    for (const [key, reason] of [
      ["K-1", "wsw"],
      ["K-2", null],
    ] as const) {
      await db.prisma.client.create({
        data: {
          id: key,
          externalKey: key,
          displayName: key,
          birthYear: 1980,
          wijk: "Selwerd",
          teamId: team.id,
          coachId: coach.id,
        },
      });
      await db.prisma.$executeRawUnsafe(
        `INSERT INTO "Classification" (id, "clientId", "coachId", "teamId", "profileId", "profileVersion", answers, "observedOn", "proposedRung", "finalRung", "rung5Reason", status, "isLatest", version, "idempotencyKey")
         VALUES ($1, $1, $2, $3, 'participatieladder-6', 1, '{}', DATE '2026-06-01', 5, 5, $4, 'FINAL', true, 1, $1)`,
        key,
        coach.id,
        team.id,
        reason,
      );
    }
    copy(all.slice(all.indexOf(migration)));
    expect(await db.migrate(dir)).toEqual(all.slice(all.indexOf(migration)));
    const rows = await db.prisma.classification.findMany({
      orderBy: { clientId: "asc" },
      select: { clientId: true, rung5Reasons: true },
    });
    expect(rows).toEqual([
      { clientId: "K-1", rung5Reasons: ["wsw"] },
      { clientId: "K-2", rung5Reasons: [] },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

// Client.latestRung / latestExpectedRung are kept by a database trigger from the client's latest
// classification, whatever writes it; caseload counts read them instead of joining per client.
describe.each(backends)("the client's current rung on $name", (backend) => {
  let db: TestDatabase;
  let coachId: string;
  let teamId: string;
  beforeAll(async () => {
    db = await backend.open();
    const { team, coach } = await createTeamWithStaff(db.prisma, "Noord");
    coachId = coach.id;
    teamId = team.id;
  });
  afterAll(async () => db?.close());

  const newClient = async (key: string) =>
    (
      await db.prisma.client.create({
        data: { externalKey: key, displayName: key, birthYear: 1980, wijk: "Selwerd", teamId, coachId },
      })
    ).id;
  const classification = (clientId: string, version: number, rung: number, expected: number | null, isLatest: boolean) => ({
    clientId,
    coachId,
    teamId,
    profileId: "participatieladder-6",
    profileVersion: 1,
    answers: {},
    observedOn: new Date(`2026-0${version}-10`),
    proposedRung: rung,
    finalRung: rung,
    expectedRung: expected,
    status: "FINAL" as const,
    isLatest,
    version,
    idempotencyKey: `${clientId}:${version}`,
  });
  const current = async (id: string) =>
    db.prisma.client.findUniqueOrThrow({ where: { id }, select: { latestRung: true, latestExpectedRung: true } });

  it("is empty for a client never classified and follows every change of the latest classification", async () => {
    const id = await newClient("K-1");
    expect(await current(id)).toEqual({ latestRung: null, latestExpectedRung: null });
    await db.prisma.classification.createMany({
      data: [classification(id, 1, 1, 2, false), classification(id, 2, 2, null, true)],
    });
    expect(await current(id)).toEqual({ latestRung: 2, latestExpectedRung: null });
    await db.prisma.$transaction([
      db.prisma.classification.updateMany({ where: { clientId: id, isLatest: true }, data: { isLatest: false } }),
      db.prisma.classification.create({ data: classification(id, 3, 3, 4, true) }),
    ]);
    expect(await current(id)).toEqual({ latestRung: 3, latestExpectedRung: 4 });
    await db.prisma.classification.deleteMany({ where: { clientId: id, version: 3 } });
    expect(await current(id)).toEqual({ latestRung: null, latestExpectedRung: null });
  });

  it("is set for many clients by one bulk insert, as an import or the benchmark writes them", async () => {
    const ids = await Promise.all(["B-1", "B-2", "B-3"].map(newClient));
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Classification" (id, "clientId", "coachId", "teamId", "profileId", "profileVersion", answers, "observedOn", "proposedRung", "finalRung", "expectedRung", status, "isLatest", version, "idempotencyKey")
       SELECT gen_random_uuid()::text, c, $1, $2, 'participatieladder-6', 1, '{}', DATE '2026-11-01', 1, r, r + 1, 'FINAL', true, 1, 'bulk-' || c
       FROM unnest($3::text[], $4::int[]) AS x(c, r)`,
      coachId,
      teamId,
      ids,
      [1, 4, 5],
    );
    expect(await Promise.all(ids.map(current))).toEqual([1, 4, 5].map((r) => ({ latestRung: r, latestExpectedRung: r + 1 })));
  });

  it("refuses a second latest classification for one client", async () => {
    const id = await newClient("K-2");
    await db.prisma.classification.create({ data: classification(id, 1, 2, 3, true) });
    await expect(db.prisma.classification.create({ data: classification(id, 2, 3, 3, true) })).rejects.toMatchObject({
      code: "P2002",
    });
    expect(await current(id)).toEqual({ latestRung: 2, latestExpectedRung: 3 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditTrailForClient, eraseClient, exportClient, TeamSettingError, updateTeamSettings } from "../../src/storage/admin/data-subject.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

describe.each(backends)("administrator: data-subject rights and team settings on $name", (backend) => {
  let db: TestDatabase;
  let coachId: string;
  beforeAll(async () => {
    db = await backend.open();
    const { team, coach } = await createTeamWithStaff(db.prisma, "Noord");
    coachId = coach.id;
    for (const [key, closedAt] of [["K-1", null], ["K-2", new Date("2014-01-01")]] as const) {
      const c = await db.prisma.client.create({ data: { externalKey: key, displayName: `Klant ${key}`, birthYear: 1983, wijk: "Selwerd", teamId: team.id, coachId, active: !closedAt, closedAt } });
      await db.prisma.classification.create({
        data: { clientId: c.id, coachId, teamId: team.id, profileId: "participatieladder-6", profileVersion: 1, answers: { ladder: { betaaldWerk: "nee" } }, observedOn: new Date("2013-06-01"), proposedRung: 2, finalRung: 3, overrideReason: "persoonlijke toelichting", status: "FINAL", version: 1, idempotencyKey: `k-${key}` },
      });
      await db.prisma.auditEvent.create({ data: { action: "classification.confirmed", clientId: c.id, actorId: coachId } });
    }
  });
  afterAll(async () => db?.close());

  it("exports everything stored about one client, and audits the export", async () => {
    const data = await exportClient(db.prisma, { externalKey: "K-1", operator: "fg" });
    expect(data.client.displayName).toBe("Klant K-1");
    expect(data.client.classifications).toHaveLength(1);
    expect(data.audit.map((a: { action: string }) => a.action)).toContain("classification.confirmed");
    expect(await db.prisma.auditEvent.count({ where: { action: "client.exported" } })).toBe(1);
    expect(await exportClient(db.prisma, { externalKey: "nope", operator: "fg" })).toBeNull();
  });

  it("refuses to erase before the retention period, then anonymises and keeps aggregate history", async () => {
    const now = new Date("2026-11-22");
    expect((await eraseClient(db.prisma, { externalKey: "K-1", operator: "fg", now })).outcome).toBe("retention");
    expect(await eraseClient(db.prisma, { externalKey: "K-2", operator: "fg", now })).toEqual({ outcome: "erased" });
    const erased = await db.prisma.client.findFirstOrThrow({ where: { erasedAt: { not: null } }, include: { classifications: true } });
    expect(erased.displayName).toBe("Geanonimiseerd");
    expect(erased.externalKey).not.toBe("K-2");
    expect(erased.birthYear).toBe(1980);
    expect(erased.classifications[0]).toMatchObject({ finalRung: 3, answers: {}, overrideReason: null });
    expect(JSON.stringify(await db.prisma.client.findMany())).not.toContain("Klant K-2");
    // the audit trail is kept, and says who erased
    const trail = await auditTrailForClient(db.prisma, { externalKey: erased.id, operator: "fg" });
    expect(trail!.map((e) => e.action)).toEqual(["classification.confirmed", "client.erased"]);
  });

  it("changes a team's review policy and domains; special categories need a recorded reason", async () => {
    const t = await updateTeamSettings(db.prisma, { team: "noord", operator: "beheer", reviewTriggers: ["always"] });
    expect(t.reviewTriggers).toEqual(["ALWAYS"]);
    await expect(updateTeamSettings(db.prisma, { team: "Noord", operator: "beheer", domains: ["werk_opleiding", "middelengebruik"] })).rejects.toBeInstanceOf(TeamSettingError);
    const withReason = await updateTeamSettings(db.prisma, { team: "Noord", operator: "beheer", domains: ["werk_opleiding", "middelengebruik"], reason: "Pilot verslavingszorg met toestemming" });
    expect(withReason).toMatchObject({ domainsInScope: ["werk_opleiding", "middelengebruik"], specialDomainsReason: "Pilot verslavingszorg met toestemming" });
    await expect(updateTeamSettings(db.prisma, { team: "Noord", operator: "beheer", reviewTriggers: ["sometimes"] })).rejects.toThrow(/unknown review trigger/);
    expect(await db.prisma.auditEvent.count({ where: { action: "team.settings" } })).toBe(2);
  });
});

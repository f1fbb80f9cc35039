import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { createStore, type Store } from "../../src/storage/store.ts";
import { changeTeamSettings } from "../../src/use-cases/change-team-settings.ts";
import { eraseClient } from "../../src/use-cases/erase-client.ts";
import { exportClientData, readClientAuditTrail } from "../../src/use-cases/export-data.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const fg = { name: "fg" };
const beheer = { name: "beheer" };
const profileIds = loadLadderProfiles().all.map((p) => p.id);

describe.each(backends)("administrator: data-subject rights and team settings on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let coachId: string;
  // the use cases over the real store: what `trede client|team` runs
  const exportClient = async (input: { externalKey: string; operator: string }) => {
    const r = await exportClientData(store, { name: input.operator }, input);
    // the export is free-form JSON
    return r.outcome === "exported" ? (r.data as any) : null;
  };
  const auditTrailForClient = async (input: { externalKey: string; operator: string }) => {
    const r = await readClientAuditTrail(store, { name: input.operator }, input);
    return r.outcome === "found" ? r.events : null;
  };
  const updateTeamSettings = async (input: {
    team: string;
    operator: string;
    reviewTriggers?: string[];
    domains?: string[];
    reason?: string;
    ladderProfileId?: string;
  }) => {
    const { team, operator, ...settings } = input;
    return changeTeamSettings(store, { name: operator }, { team, settings }, { profileIds });
  };
  beforeAll(async () => {
    db = await backend.open();
    store = createStore(db);
    const { team, coach } = await createTeamWithStaff(db.prisma, "Noord");
    coachId = coach.id;
    for (const [key, closedAt] of [
      ["K-1", null],
      ["K-2", new Date("2014-01-01")],
    ] as const) {
      const c = await db.prisma.client.create({
        data: {
          externalKey: key,
          displayName: `Klant ${key}`,
          birthYear: 1983,
          wijk: "Selwerd",
          teamId: team.id,
          coachId,
          active: !closedAt,
          closedAt,
        },
      });
      await db.prisma.classification.create({
        data: {
          clientId: c.id,
          coachId,
          teamId: team.id,
          profileId: "participatieladder-6",
          profileVersion: 1,
          answers: { ladder: { betaaldWerk: "nee" } },
          observedOn: new Date("2013-06-01"),
          proposedRung: 2,
          finalRung: 3,
          overrideReason: "persoonlijke toelichting",
          status: "FINAL",
          version: 1,
          idempotencyKey: `k-${key}`,
        },
      });
      await db.prisma.auditEvent.create({
        data: { action: "classification.confirmed", clientId: c.id, actorId: coachId },
      });
    }
  });
  afterAll(async () => db?.close());

  it("exports everything stored about one client, and audits the export", async () => {
    const data = await exportClient({ externalKey: "K-1", operator: "fg" });
    expect(data.client.displayName).toBe("Klant K-1");
    expect(data.client.classifications).toHaveLength(1);
    expect(data.audit.map((a: { action: string }) => a.action)).toContain("classification.confirmed");
    expect(await db.prisma.auditEvent.count({ where: { action: "client.exported" } })).toBe(1);
    expect(await exportClient({ externalKey: "nope", operator: "fg" })).toBeNull();
  });

  it("refuses to erase before the retention period, then anonymises and keeps aggregate history", async () => {
    const now = new Date("2026-11-22");
    expect((await eraseClient(store, fg, { externalKey: "K-1", now })).outcome).toBe("retention");
    expect(await eraseClient(store, fg, { externalKey: "K-2", now })).toEqual({ outcome: "erased" });
    const erased = await db.prisma.client.findFirstOrThrow({
      where: { erasedAt: { not: null } },
      include: { classifications: true },
    });
    expect(erased.displayName).toBe("Geanonimiseerd");
    expect(erased.externalKey).not.toBe("K-2");
    expect(erased.birthYear).toBe(1980);
    expect(erased.classifications[0]).toMatchObject({ finalRung: 3, answers: {}, overrideReason: null });
    expect(JSON.stringify(await db.prisma.client.findMany())).not.toContain("Klant K-2");
    // the audit trail is kept, and says who erased
    const trail = await auditTrailForClient({ externalKey: erased.id, operator: "fg" });
    expect(trail!.map((e) => e.action)).toEqual(["classification.confirmed", "client.erased"]);
  });

  it("changes a team's review policy and domains; special categories need a recorded reason", async () => {
    const t = await updateTeamSettings({ team: "noord", operator: "beheer", reviewTriggers: ["always"] });
    if (t.outcome !== "changed") throw new Error(`expected a change, got ${t.outcome}`);
    expect(t.team.reviewTriggers).toEqual(["ALWAYS"]);
    expect(await updateTeamSettings({ team: "Noord", operator: "beheer", domains: ["werk_opleiding", "middelengebruik"] })).toMatchObject({
      outcome: "invalid",
      message: expect.stringMatching(/need --reason/),
    });
    const withReason = await updateTeamSettings({
      team: "Noord",
      operator: "beheer",
      domains: ["werk_opleiding", "middelengebruik"],
      reason: "Pilot verslavingszorg met toestemming",
    });
    expect(withReason).toMatchObject({
      outcome: "changed",
      team: {
        domainsInScope: ["werk_opleiding", "middelengebruik"],
        specialDomainsReason: "Pilot verslavingszorg met toestemming",
      },
    });
    expect(await updateTeamSettings({ team: "Noord", operator: "beheer", reviewTriggers: ["sometimes"] })).toMatchObject({
      outcome: "invalid",
      message: expect.stringMatching(/unknown review trigger/),
    });
    expect(await db.prisma.auditEvent.count({ where: { action: "team.settings" } })).toBe(2);
  });

  it("puts a team on another ladder profile that exists, audited; an unknown profile changes nothing", async () => {
    expect(profileIds).toContain("ontwikkelladder-7");
    expect(await updateTeamSettings({ team: "Noord", operator: "beheer", ladderProfileId: "geen-ladder" })).toMatchObject({
      outcome: "invalid",
      message: expect.stringMatching(/unknown ladder profile "geen-ladder"/),
    });
    const r = await changeTeamSettings(
      store,
      beheer,
      { team: "Noord", settings: { ladderProfileId: "ontwikkelladder-7" } },
      { profileIds },
    );
    expect(r).toMatchObject({ outcome: "changed", team: { name: "Noord", ladderProfileId: "ontwikkelladder-7" } });
    expect(await db.prisma.team.findFirstOrThrow({ where: { name: "Noord" } })).toMatchObject({
      ladderProfileId: "ontwikkelladder-7",
    });
    const audited = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "team.settings" },
      orderBy: { id: "desc" },
    });
    expect(audited.details).toMatchObject({ team: "Noord", ladderProfileId: "ontwikkelladder-7", operator: "beheer" });
    expect(
      await changeTeamSettings(store, beheer, { team: "Nergens", settings: { ladderProfileId: "ontwikkelladder-7" } }, { profileIds }),
    ).toEqual({ outcome: "unknown_team" });
  });
});

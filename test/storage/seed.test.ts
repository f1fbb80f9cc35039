import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { classify } from "../../src/domain/ladder/classify.ts";
import { isDatabaseEmpty, seedDemo, type SeedSummary } from "../../src/storage/seed/seed-demo.ts";
import { DEMO_STAFF } from "../../src/storage/seed/demo-staff.ts";
import { backends, type TestDatabase } from "../support/databases.ts";

const today = new Date("2026-11-22T00:00:00Z");
const profile = loadLadderProfiles().default;

describe.each(backends)("demo seed on $name", (backend) => {
  let db: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    db = await backend.open();
    expect(await isDatabaseEmpty(db.prisma)).toBe(true);
    summary = await seedDemo(db.prisma, { profile, today });
  });
  afterAll(async () => db?.close());

  it("seeds a municipality with the demo staff and about 300 clients", async () => {
    expect(summary).toMatchObject({ teams: 2, staff: 10, clients: 300 });
    expect(await isDatabaseEmpty(db.prisma)).toBe(false);
    const sanne = await db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: DEMO_STAFF.coachSanne.aadObjectId } });
    expect(sanne.roles).toEqual(["COACH"]);
    expect(await db.prisma.client.count({ where: { coachId: sanne.id } })).toBe(50);
  });

  it("is deterministic for the same day", async () => {
    const again = await backend.open();
    try {
      expect(await seedDemo(again.prisma, { profile, today })).toEqual(summary);
      const pick = (p: typeof db.prisma) =>
        p.classification.findMany({
          orderBy: { id: "asc" },
          take: 50,
          select: { id: true, finalRung: true, expectedRung: true, observedOn: true },
        });
      expect(await pick(again.prisma)).toEqual(await pick(db.prisma));
    } finally {
      await again.close();
    }
  });

  it("keeps exactly one latest classification per client, with consistent history", async () => {
    const rows = await db.prisma.classification.findMany({ orderBy: [{ clientId: "asc" }, { version: "asc" }] });
    const byClient = new Map<string, typeof rows>();
    for (const r of rows) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r]);
    expect(byClient.size).toBe(300);
    for (const history of byClient.values()) {
      expect(history.filter((h) => h.isLatest)).toHaveLength(1);
      expect(history.at(-1)!.isLatest).toBe(true);
      history.forEach((h, i) => {
        expect(h.version).toBe(i + 1);
        expect(h.previousRung).toBe(i === 0 ? null : history[i - 1].finalRung);
      });
    }
  });

  it("stores answers that the classifier turns into the stored proposal", async () => {
    const rows = await db.prisma.classification.findMany({ take: 100 });
    for (const r of rows) {
      const a = r.answers as any;
      const p = classify(profile, { ladder: a.ladder, substep: a.substep });
      expect([p.rung, p.substep]).toEqual([r.proposedRung, r.proposedSubstep]);
    }
  });

  it("resembles the Groningen table: rung 1 about half, about 14% expected unknown", async () => {
    const latest = await db.prisma.classification.findMany({ where: { isLatest: true } });
    const share = (f: (r: (typeof latest)[number]) => boolean) => latest.filter(f).length / latest.length;
    expect(share((r) => r.finalRung === 1)).toBeGreaterThan(0.4);
    expect(share((r) => r.finalRung === 1)).toBeLessThan(0.62);
    expect(share((r) => r.expectedRung === null)).toBeGreaterThan(0.08);
    expect(share((r) => r.expectedRung === null)).toBeLessThan(0.2);
    expect(share((r) => r.finalRung === 1 && (r.expectedRung ?? 0) > 1)).toBeGreaterThan(0.1);
  });

  it("resembles the Bergen table: growth potential falls with age", async () => {
    const latest = await db.prisma.classification.findMany({ where: { isLatest: true }, include: { client: true } });
    const rate = (min: number, max: number) => {
      const group = latest.filter(
        (r) => 2026 - r.client.birthYear >= min && 2026 - r.client.birthYear <= max && r.growthPotential !== "ONBEKEND",
      );
      return group.filter((r) => r.growthPotential === "JA").length / group.length;
    };
    expect(rate(18, 26)).toBeGreaterThan(rate(27, 44));
    expect(rate(27, 44)).toBeGreaterThan(rate(45, 70));
    expect(rate(45, 70)).toBeLessThan(0.4);
  });

  it("gives the demo coach clients on rung 1 expected to rise and clients not seen for a year", async () => {
    const sanne = await db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: DEMO_STAFF.coachSanne.aadObjectId } });
    const risers = await db.prisma.classification.count({
      where: { isLatest: true, coachId: sanne.id, finalRung: 1, expectedRung: { gt: 1 } },
    });
    expect(risers).toBeGreaterThanOrEqual(3);
    const yearAgo = new Date(today.getTime() - 365 * 86_400_000);
    expect(await db.prisma.client.count({ where: { coachId: sanne.id, lastContactAt: { lt: yearAgo } } })).toBeGreaterThanOrEqual(3);
  });
});

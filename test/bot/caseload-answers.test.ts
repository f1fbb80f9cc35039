// Caseload answers through the real HTTP endpoint (issue 18): out-of-scope questions refused as such,
// partly understood questions refused with the nearest question as a button, example questions that can
// be tapped, English answers to English questions, and lists that reach every member.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { DEMO_STAFF, DEMO_TENANT_ID } from "../../src/storage/seed/demo-staff.ts";
import { seedDemo } from "../../src/storage/seed/seed-demo.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { cardText, startTestBot, type Exchange, type TestBot, type TestUser } from "../support/bot-harness.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");
const as = (bot: TestBot, s: { aadObjectId: string }) => bot.user(s.aadObjectId, { tenantId: DEMO_TENANT_ID });

/** Buttons in the card's body (ActionSet) and its action bar. */
function buttons(card: any): any[] {
  const out: any[] = [...(card?.actions ?? [])];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === "object") {
      if (n.type === "ActionSet") out.push(...n.actions);
      for (const v of Object.values(n)) walk(v);
    }
  };
  walk(card?.body);
  return out;
}
const tap = (user: TestUser, ex: Exchange, title: string | RegExp) => {
  const b = buttons(ex.lastCard()).find((a) => (typeof title === "string" ? a.title === title : title.test(a.title)));
  if (!b) throw new Error(`no button ${title} in ${JSON.stringify(buttons(ex.lastCard()).map((a) => a.title))}`);
  expect(b.type).toBe("Action.Submit");
  return user.submit(b.data, ex.lastActivityId());
};

describe.each(backends)("caseload answers on $name", (backend) => {
  let db: TestDatabase;
  let bot: TestBot;

  beforeAll(async () => {
    db = await backend.open();
    await seedDemo(db.prisma, { profile: loadLadderProfiles().default, today: TODAY });
    bot = await startTestBot(backend, { db, clock: () => TODAY });
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
  });

  it("says a question about another team is outside the lead's scope and gives no number", async () => {
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("Hoeveel klanten heeft team Zuid-West op trede 1?");
    expect(r.text).toContain("'team Zuid-West' valt buiten wat jij mag zien (team Noord)");
    expect(r.text + cardText(r.lastCard())).not.toMatch(/\d+ klanten|\d+ van \d+/);
    const coach = await as(bot, DEMO_STAFF.coachSanne).say("Welke klanten van Ahmed staan op trede 1?");
    expect(coach.text).toContain("'Ahmed El Idrissi' valt buiten wat jij mag zien");
  });

  it("refuses a partly understood question, names the part it did not use and offers the nearest question", async () => {
    const lead = as(bot, DEMO_STAFF.leadMarieke);
    const r = await lead.say("welke klanten van 45 jaar en ouder hebben een scootmobiel");
    expect(r.text).toContain("'scootmobiel'");
    const nearest = await tap(lead, r, "Klanten leeftijd 45 en ouder");
    const text = cardText(nearest.lastCard());
    const team = await db.prisma.team.findFirstOrThrow({ where: { name: "Noord" } });
    const expected = await db.prisma.client.count({ where: { teamId: team.id, active: true, birthYear: { lte: TODAY.getUTCFullYear() - 45 } } });
    expect(text).toContain(`Klanten leeftijd 45 en ouder, team Noord — ${expected} klanten`);
  });

  it("offers example questions as buttons that ask them", async () => {
    const lead = as(bot, DEMO_STAFF.leadMarieke);
    const r = await lead.say("wat is het weer morgen?");
    expect(r.text).toContain("Die vraag begrijp ik niet");
    const answered = await tap(lead, r, "Wie is gedaald sinds de vorige meting?");
    expect(cardText(answered.lastCard())).toContain("Klanten die gedaald zijn sinds de vorige meting, team Noord");
  });

  it("answers an English question in English", async () => {
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("How many clients are on rung 2?");
    expect(cardText(r.lastCard())).toMatch(/Number of clients on rung 2, team Noord — \d+ of \d+/);
  });

  it("names the movement reading it used and offers the other", async () => {
    const lead = as(bot, DEMO_STAFF.leadMarieke);
    const r = await lead.say("How many clients dropped a rung last year?");
    expect(cardText(r.lastCard())).toContain("Read as steps during the period");
    const other = await tap(lead, r, /start versus end/);
    expect(cardText(other.lastCard())).toContain("Read as start versus end");
  });

  it("reaches every client who moved up with 'Meer' until the end", async () => {
    const admin = as(bot, DEMO_STAFF.admin);
    let r = await admin.say("wie is gestegen sinds de vorige meting?");
    const total = Number(cardText(r.lastCard()).match(/— (\d+) van \d+/)![1]);
    const keys = new Set<string>();
    for (let i = 0; i < 50; i++) {
      for (const k of cardText(r.lastCard()).match(/GR-\d{6}/g) ?? []) keys.add(k);
      const more = buttons(r.lastCard()).find((a) => a.data?.verb === "caseload.more");
      if (!more) break;
      r = await admin.submit(more.data, r.lastActivityId());
    }
    expect(total).toBeGreaterThan(20);
    expect(keys.size).toBe(total);
  });

  it("shows the review list with its scope and count, without closed clients", async () => {
    const lead = as(bot, DEMO_STAFF.leadMarieke);
    const team = await db.prisma.team.findFirstOrThrow({ where: { name: "Noord" } });
    const waiting = () => db.prisma.classification.findMany({ where: { status: "PENDING_REVIEW", teamId: team.id, client: { active: true, closedAt: null } }, orderBy: { confirmedAt: "asc" } });
    const before = await waiting();
    expect(before.length).toBeGreaterThan(1);
    const first = await lead.say("beoordelen");
    expect(cardText(first.lastCard())).toContain(`${before.length} indelingen wachten op akkoord — team Noord`);
    // a client who left the caseload no longer waits for anyone
    await db.prisma.client.update({ where: { id: before[0].clientId }, data: { active: false, closedAt: TODAY } });
    const after = await lead.say("beoordelen");
    const text = cardText(after.lastCard());
    expect(text).toContain(`${before.length - 1} indelingen wachten op akkoord — team Noord`);
    const closed = await db.prisma.client.findUniqueOrThrow({ where: { id: before[0].clientId } });
    expect(text).not.toContain(closed.displayName);
  });
});

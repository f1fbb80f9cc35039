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

/** Taps "Meer" until the list ends: the client numbers in the order shown, and the count in the headline. */
async function pageToEnd(user: TestUser, first: Exchange): Promise<{ keys: string[]; headline: number; pages: number }> {
  const head = cardText(first.lastCard()).split("\n")[0];
  // a list says "— 27 klanten", a movement "— 27 van 140 (19%)": the first number after the dash
  const headline = Number(head.match(/— (\d+)/)?.[1] ?? NaN);
  const keys: string[] = [];
  let r = first;
  let pages = 1;
  for (; pages < 60; pages++) {
    keys.push(...(cardText(r.lastCard()).match(/GR-\d{6}/g) ?? []));
    const more = buttons(r.lastCard()).find((a) => a.data?.verb === "caseload.more");
    if (!more) break;
    r = await user.submit(more.data, r.lastActivityId());
  }
  return { keys, headline, pages };
}

const FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";

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
    const expected = await db.prisma.client.count({
      where: { teamId: team.id, active: true, birthYear: { lte: TODAY.getUTCFullYear() - 45 } },
    });
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
    const r = await admin.say("wie is gestegen sinds de vorige meting?");
    const total = Number(cardText(r.lastCard()).match(/— (\d+) van \d+/)![1]);
    const { keys } = await pageToEnd(admin, r);
    expect(total).toBeGreaterThan(20);
    expect(new Set(keys).size).toBe(total);
  });

  it.each([
    ["a list", "klanten op trede 1"],
    ["a list sorted by last contact", "wie is al een half jaar niet gezien?"],
    ["a list of who stayed on their rung", "wie staat al een jaar op dezelfde trede?"],
    ["movement since the previous measurement", "wie is gedaald sinds de vorige meting?"],
    ["movement over a period, start against end", "wie is dit jaar gestegen?"],
    ["movement over a period, steps during it", "wie is vorig jaar gedaald?"],
    ["the review list", "welke klanten wachten op akkoord?"],
  ])("%s: 'Meer' reaches every member exactly once, as many as the headline says", async (_kind, question) => {
    const admin = as(bot, DEMO_STAFF.admin);
    const { keys, headline, pages } = await pageToEnd(admin, await admin.say(question));
    expect(headline).toBeGreaterThan(0);
    expect(keys.length).toBe(headline);
    expect(new Set(keys).size).toBe(keys.length);
    if (headline > 20) expect(pages).toBe(Math.ceil(headline / 20));
  });

  it("lists those longest unseen first, longest on the same rung first, the biggest step first", async () => {
    const admin = as(bot, DEMO_STAFF.admin);
    const unseen = await pageToEnd(admin, await admin.say("wie is al een half jaar niet gezien?"));
    const contact = await db.prisma.client.findMany({
      where: { externalKey: { in: unseen.keys } },
      select: { externalKey: true, lastContactAt: true },
    });
    const at = new Map(contact.map((c) => [c.externalKey, c.lastContactAt?.getTime() ?? -Infinity]));
    const times = unseen.keys.map((k) => at.get(k)!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const stayed = await pageToEnd(admin, await admin.say("wie staat al een jaar op dezelfde trede?"));
    const since = await Promise.all(
      stayed.keys.map(async (key) => {
        const c = await db.prisma.client.findUniqueOrThrow({
          where: { externalKey: key },
          select: { id: true, latestRung: true },
        });
        const other = await db.prisma.classification.findFirst({
          where: { clientId: c.id, finalRung: { not: c.latestRung! }, status: { in: ["FINAL", "PENDING_REVIEW"] } },
          orderBy: { observedOn: "desc" },
        });
        return other?.observedOn.getTime() ?? -Infinity;
      }),
    );
    expect(since).toEqual([...since].sort((a, b) => a - b));
    const fell = await pageToEnd(admin, await admin.say("wie is gedaald sinds de vorige meting?"));
    const steps = await Promise.all(
      fell.keys.map(async (key) => {
        const l = await db.prisma.classification.findFirstOrThrow({
          where: { client: { externalKey: key }, isLatest: true },
        });
        return l.previousRung! - l.finalRung;
      }),
    );
    expect(steps.every((x) => x > 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => b - a));
  });

  it("exports every member of a list as CSV through Teams' file consent, audited without names", async () => {
    const lead = as(bot, DEMO_STAFF.leadMarieke);
    const first = await lead.say("wie is al een half jaar niet gezien?");
    const shown = await pageToEnd(lead, first);
    expect(shown.keys.length).toBeGreaterThan(20);
    const offered = await tap(lead, first, "Exporteer CSV");
    const consent = offered.replies.flatMap((r) => r.activity.attachments ?? []).find((a: any) => a.contentType === FILE_CONSENT);
    expect(consent.name).toBe("trede-klanten-2026-11-22.csv");
    expect(consent.content.description).toContain(`${shown.keys.length} klanten als CSV`);
    // the consent card carries the question, not its answer
    expect(JSON.stringify(consent)).not.toMatch(/GR-\d{6}/);

    const accepted = await lead.raw({
      type: "invoke",
      name: "fileConsent/invoke",
      value: {
        type: "fileUpload",
        action: "accept",
        context: consent.content.acceptContext,
        uploadInfo: {
          name: consent.name,
          uploadUrl: `${bot.connector.url}/upload/export-1`,
          contentUrl: "https://contoso.sharepoint.com/personal/x/trede-klanten.csv",
          uniqueId: "u-1",
          fileType: "csv",
        },
      },
    });
    expect(accepted.status).toBe(200);
    const upload = bot.connector.uploads.at(-1)!;
    expect(upload.path).toBe("/upload/export-1");
    const csv = upload.body.toString("utf8");
    expect(upload.headers["content-range"]).toBe(`bytes 0-${upload.body.length - 1}/${upload.body.length}`);
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe("Klantnummer;Naam;Wijk;Trede;Tussenstap;Verwachte trede;Coach;Laatste contact");
    // exactly the list's members, in the list's order
    expect(rows.slice(1).map((r) => r.split(";")[0])).toEqual(shown.keys);
    const info = accepted.replies
      .flatMap((r) => r.activity.attachments ?? [])
      .find((a: any) => a.contentType === "application/vnd.microsoft.teams.card.file.info");
    expect(info).toMatchObject({
      name: consent.name,
      contentUrl: "https://contoso.sharepoint.com/personal/x/trede-klanten.csv",
      content: { uniqueId: "u-1", fileType: "csv" },
    });

    const lead0 = await db.prisma.staff.findFirstOrThrow({
      where: { aadObjectId: DEMO_STAFF.leadMarieke.aadObjectId },
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "caseload.export", actorId: lead0.id },
      orderBy: { id: "desc" },
    });
    const details = audit.details as { kind: string; query: unknown; count: number; clientIds: string[] };
    expect(details.kind).toBe("list");
    expect(details.query).toEqual({ measure: "list", filters: { monthsSinceContactAtLeast: 6 } });
    expect(details.count).toBe(shown.keys.length);
    const ids = await db.prisma.client.findMany({
      where: { externalKey: { in: shown.keys } },
      select: { id: true, displayName: true },
    });
    expect([...details.clientIds].sort()).toEqual(ids.map((c) => c.id).sort());
    for (const c of ids.slice(0, 5)) expect(JSON.stringify(audit.details)).not.toContain(c.displayName);
  });

  it("export re-scopes to whoever accepts, refuses an upload URL that is not Teams', and declining makes nothing", async () => {
    const coach = as(bot, DEMO_STAFF.coachSanne);
    const everyone = { query: JSON.stringify({ measure: "list", filters: {} }), locale: "nl" };
    const uploadInfo = (id: string, url = `${bot.connector.url}/upload/${id}`) => ({
      name: "x.csv",
      uploadUrl: url,
      contentUrl: "https://contoso.sharepoint.com/x.csv",
      uniqueId: id,
    });
    const before = bot.connector.uploads.length;
    await coach.raw({
      type: "invoke",
      name: "fileConsent/invoke",
      value: { type: "fileUpload", action: "accept", context: everyone, uploadInfo: uploadInfo("coach") },
    });
    const csv = bot.connector.uploads.at(-1)!.body.toString("utf8");
    const sanne = await db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: DEMO_STAFF.coachSanne.aadObjectId } });
    const own = await db.prisma.client.count({ where: { coachId: sanne.id, active: true } });
    expect(csv.trim().split("\r\n").length - 1).toBe(own);
    const others = await db.prisma.client.findFirstOrThrow({ where: { coachId: { not: sanne.id }, active: true } });
    expect(csv).not.toContain(others.externalKey);

    const elsewhere = await coach.raw({
      type: "invoke",
      name: "fileConsent/invoke",
      value: {
        type: "fileUpload",
        action: "accept",
        context: everyone,
        uploadInfo: uploadInfo("x", "http://example.org/upload/x"),
      },
    });
    expect(elsewhere.status).toBe(200);
    const declined = await coach.raw({
      type: "invoke",
      name: "fileConsent/invoke",
      value: { type: "fileUpload", action: "decline", context: everyone },
    });
    expect(declined.text).toContain("Geen bestand gemaakt");
    expect(bot.connector.uploads.length).toBe(before + 1);
  });

  it("shows the review list with its scope and count, without closed clients", async () => {
    const lead = as(bot, DEMO_STAFF.leadMarieke);
    const team = await db.prisma.team.findFirstOrThrow({ where: { name: "Noord" } });
    const waiting = () =>
      db.prisma.classification.findMany({
        where: { status: "PENDING_REVIEW", teamId: team.id, client: { active: true, closedAt: null } },
        orderBy: { confirmedAt: "asc" },
      });
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

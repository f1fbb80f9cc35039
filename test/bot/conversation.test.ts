import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/databases.ts";
import { cardText, startTestBot, TEST_TENANT, type TestBot } from "../support/bot-harness.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

describe.each(backends)("conversation basics through the real HTTP endpoint on $name", (backend) => {
  let bot: TestBot;
  let staff: Awaited<ReturnType<typeof createTeamWithStaff>>;

  beforeAll(async () => {
    bot = await startTestBot(backend);
    staff = await createTeamWithStaff(bot.db.prisma);
  });
  afterAll(async () => bot?.stop());

  it("greets a known coach on install with a Dutch welcome card naming what it can do", async () => {
    const coach = bot.user(staff.coach.aadObjectId);
    const r = await coach.raw({
      type: "conversationUpdate",
      membersAdded: [{ id: "28:trede-bot" }, { id: `29:${staff.coach.aadObjectId}` }],
    });
    expect(r.status).toBe(200);
    const text = cardText(r.lastCard());
    expect(text).toContain("Hallo Coach Noord");
    expect(text).toContain("verslag");
    expect(text).not.toContain("beoordelen"); // reviewing is for supervisors
  });

  it("shows supervisors the review command", async () => {
    const r = await bot.user(staff.supervisor.aadObjectId).say("hulp");
    expect(cardText(r.lastCard())).toContain("beoordelen");
  });

  it("tells an unknown person the id an admin needs, and nothing else", async () => {
    const r = await bot.user("stranger-123").say("wie op trede 1 gaat naar verwachting stijgen?");
    expect(r.replies).toHaveLength(1);
    expect(r.text).toContain("niet geregistreerd");
    expect(r.text).toContain("stranger-123");
    expect(r.text).toContain(TEST_TENANT);
    expect(r.cards).toHaveLength(0);
  });

  it("answers in English when asked and remembers it across a restart", async () => {
    const coach = bot.user(staff.coach.aadObjectId);
    expect((await coach.say("english")).text).toContain("English");
    await bot.trede.stop();
    const again = await startTestBot(backend, { db: bot.db });
    try {
      const r = await again.user(staff.coach.aadObjectId).say("help");
      expect(cardText(r.lastCard())).toContain("Hello Coach Noord");
      await again.user(staff.coach.aadObjectId).say("nederlands");
    } finally {
      await again.trede.stop();
      await again.connector.close();
    }
    bot = await startTestBot(backend, { db: bot.db });
  });

  it("refuses a card submit nobody handles, audits it, and never treats it as a question", async () => {
    const coach = bot.user(staff.coach.aadObjectId);
    const r = await coach.submit({ verb: "does.not.exist", clientId: "forged" });
    expect(r.text).toContain("niet meer actueel");
    const audit = await bot.db.prisma.auditEvent.findMany({ where: { action: "refused", actorId: staff.coach.id } });
    expect(audit.map((a) => (a.details as any).reason)).toContain("unknown_verb");
  });

  it("says it does not understand free text it cannot place", async () => {
    const r = await bot.user(staff.coach.aadObjectId).say("blablabla qwerty");
    expect(r.text).toMatch(/begrijp/i);
  });

  it("keeps client data out of group chats and channels, but still helps there", async () => {
    const inChannel = bot.user(staff.lead.aadObjectId, { conversationId: "19:channel@thread.tacv2" });
    const channel = (activity: Record<string, unknown>) =>
      inChannel.raw({
        ...activity,
        conversation: { id: "19:channel@thread.tacv2", conversationType: "channel", tenantId: TEST_TENANT },
      });
    const question = await channel({ type: "message", text: "wie op trede 1 gaat naar verwachting stijgen?" });
    expect(question.text).toContain("alleen in je persoonlijke chat");
    expect(question.cards).toHaveLength(0);
    const debrief = await channel({ type: "message", text: "verslag" });
    expect(debrief.text).toContain("alleen in je persoonlijke chat");
    const help = await channel({ type: "message", text: "hulp" });
    expect(cardText(help.lastCard())).toContain("Hallo Teamleider Noord");
  });

  it("reports health and readiness", async () => {
    expect((await fetch(`${bot.trede.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${bot.trede.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("answers malformed JSON with 400 and no stack trace", async () => {
    const res = await fetch(`${bot.trede.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at .*\.ts/);
  });
});

describe.each(backends)("authentication and tenants on $name", (backend) => {
  it("rejects an unsigned request with 401 when app credentials are configured", async () => {
    const bot = await startTestBot(backend, {
      env: {
        MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
        MICROSOFT_APP_PASSWORD: "secret",
        MICROSOFT_APP_TENANT_ID: TEST_TENANT,
      },
    });
    try {
      const r = await bot.user("anyone").say("hulp");
      expect(r.status).toBe(401);
      expect(r.replies).toHaveLength(0);
      const forged = await bot.user("anyone").raw({ type: "message", text: "hulp" });
      expect(forged.status).toBe(401);
    } finally {
      await bot.stop();
    }
  });

  it("refuses tenants outside the allow-list", async () => {
    const bot = await startTestBot(backend, { env: { ALLOWED_TENANT_IDS: TEST_TENANT } });
    try {
      const { coach } = await createTeamWithStaff(bot.db.prisma);
      expect((await bot.user(coach.aadObjectId).say("hulp")).status).toBe(200);
      const other = await bot.user(coach.aadObjectId, { tenantId: "99999999-0000-4000-8000-000000000000" }).say("hulp");
      expect(other.status).toBe(403);
      expect(other.replies).toHaveLength(0);
    } finally {
      await bot.stop();
    }
  });
});

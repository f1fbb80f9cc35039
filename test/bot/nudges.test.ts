// A nudge reaching a coach through the real bot: its button starts `verslag` for that client through the
// debrief's own start (in a new message, the nudge keeps its other buttons); an id the coach may not see is
// refused and audited; "meldingen uit" stops the nudges and "meldingen aan" brings them back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotificationSender, createSendingAdapter } from "../../src/bot/notification-sender.ts";
import { createProactive } from "../../src/bot/proactive.ts";
import { createNotificationStore } from "../../src/storage/nudges/notification-store.ts";
import { sendNudges } from "../../src/use-cases/send-nudges.ts";
import { cardText, startTestBot, type TestBot, type TestUser } from "../support/bot-harness.ts";
import { inputs } from "../support/cards.ts";
import { backends } from "../support/databases.ts";
import { cardsTo, nudgeClientIds, seedNotificationTeam } from "../support/notification-fixtures.ts";

const TODAY = new Date("2026-12-07T09:00:00Z");

describe.each(backends)("nudges in the coach's chat on $name", (backend) => {
  let bot: TestBot;
  let team: Awaited<ReturnType<typeof seedNotificationTeam>>;
  let coach: TestUser;
  let nudgeActivityId = "";
  const deps = () => ({
    store: createNotificationStore(bot.db.prisma, { defaultLocale: "nl" }),
    sender: createNotificationSender(createProactive(createSendingAdapter({}), undefined)),
  });

  beforeAll(async () => {
    bot = await startTestBot(backend, { clock: () => TODAY });
    team = await seedNotificationTeam(bot.db.prisma, { name: "Noord", connectorUrl: bot.connector.url, today: TODAY });
    coach = bot.user(team.coach.aadObjectId);
    const [run] = await sendNudges(deps(), { now: TODAY, team: (await deps().store.listTeams({ team: "Noord" }))[0] });
    expect(run.counts.sent).toBe(2);
    const sent = bot.connector.sent.find((s) => s.conversationId === `personal-${team.coach.aadObjectId}`)!;
    nudgeActivityId = sent.id;
  }, 180_000);
  afterAll(async () => bot?.stop());

  it("'Verslag' on a nudge line opens the debrief for that client in a new message", async () => {
    const [nudge] = cardsTo(bot.connector.sent, team.coach.aadObjectId);
    expect(nudgeClientIds(nudge)).toEqual([team.clients.leaving.id, team.clients.sentBack.id, team.clients.due.id]);
    const ex = await coach.submit({ verb: "debrief.start", clientId: team.clients.sentBack.id }, nudgeActivityId);
    expect(ex.replies.map((r) => r.op)).toEqual(["send"]); // the nudge card is not replaced
    const card = ex.lastCard();
    expect(cardText(card)).toContain("Stap 1 van");
    expect(inputs(card).find((i) => i.id === "clientId")?.value).toBe(team.clients.sentBack.id);
  });

  it("refuses a client the coach may not see (a colleague's, an erased one), whatever the card says", async () => {
    for (const forged of [team.clients.silentsClient.id, team.clients.erased.id]) {
      await bot.db.prisma.botState.deleteMany({
        where: { key: { contains: `conversations/personal-${team.coach.aadObjectId}` } },
      });
      const ex = await coach.submit({ verb: "debrief.start", clientId: forged }, nudgeActivityId);
      expect(ex.text).toContain("Deze klant hoort niet bij jouw caseload");
      expect(ex.cards).toEqual([]);
    }
    const refusals = await bot.db.prisma.auditEvent.findMany({ where: { action: "refused", actorId: team.coach.id } });
    expect(refusals.filter((r) => (r.details as any).reason === "client_out_of_scope" && (r.details as any).step === "start")).toHaveLength(
      2,
    );
  });

  it("'meldingen uit' stops the weekly nudge, 'meldingen aan' brings it back", async () => {
    const off = await coach.say("meldingen uit");
    expect(off.text).toContain("Meldingen staan uit");
    expect((await bot.db.prisma.staff.findUniqueOrThrow({ where: { id: team.coach.id } })).notificationsOff).toBe(true);
    await bot.db.prisma.outgoingMessage.deleteMany({ where: { staffId: team.coach.id } }); // as if next week
    const before = bot.connector.sent.length;
    const teamRow = (await deps().store.listTeams({ team: "Noord" }))[0];
    const [quiet] = await sendNudges(deps(), { now: TODAY, team: teamRow });
    expect(quiet.counts).toMatchObject({ sent: 0, notificationsOff: 1 });
    expect(bot.connector.sent.slice(before).filter((s) => s.conversationId === `personal-${team.coach.aadObjectId}`)).toEqual([]);

    const on = await coach.say("Meldingen aan");
    expect(on.text).toContain("Meldingen staan aan");
    const [back] = await sendNudges(deps(), { now: TODAY, team: teamRow });
    expect(back.byRole).toEqual({ coach: 1 });
    expect(
      await bot.db.prisma.auditEvent.count({
        where: { action: { in: ["notifications.off", "notifications.on"] }, actorId: team.coach.id },
      }),
    ).toBe(2);
  });
});

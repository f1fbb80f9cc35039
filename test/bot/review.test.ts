import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findActor } from "../../src/storage/staff.repository.ts";
import { confirmClassification } from "../../src/storage/debrief/debrief.repository.ts";
import { backends } from "../support/databases.ts";
import { cardText, startTestBot, TEST_TENANT, type Exchange, type TestBot, type TestUser } from "../support/bot-harness.ts";
import { actionsInOrder, click, findAction } from "../support/cards.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");

describe.each(backends)("four-eyes review through the real HTTP endpoint on $name", (backend) => {
  let bot: TestBot;
  let staff: Awaited<ReturnType<typeof createTeamWithStaff>>;
  let coach: TestUser, supervisor: TestUser, supervisor2: TestUser, lead: TestUser;
  let clientId: string;

  beforeAll(async () => {
    bot = await startTestBot(backend, { clock: () => TODAY });
    staff = await createTeamWithStaff(bot.db.prisma, "Noord");
    await bot.db.prisma.staff.create({
      data: {
        tenantId: TEST_TENANT,
        aadObjectId: "supervisor2",
        displayName: "Tweede Werkbegeleider",
        roles: ["SUPERVISOR"],
        teamId: staff.team.id,
      },
    });
    clientId = (
      await bot.db.prisma.client.create({
        data: {
          externalKey: "K-1",
          displayName: "Jansen, A.",
          birthYear: 1980,
          wijk: "Beijum",
          teamId: staff.team.id,
          coachId: staff.coach.id,
        },
      })
    ).id;
    coach = bot.user(staff.coach.aadObjectId);
    supervisor = bot.user(staff.supervisor.aadObjectId);
    supervisor2 = bot.user("supervisor2");
    lead = bot.user(staff.lead.aadObjectId);
    for (const u of [coach, supervisor, lead]) await u.say("hulp"); // they have opened their chat with Trede
  });
  afterAll(async () => bot?.stop());

  /** A coach's debrief with an override: it needs review under the default policy. */
  async function overriddenDebrief(): Promise<Exchange> {
    let ex = await coach.say("verslag");
    if (ex.lastCard()?.actions?.some((a: any) => a.data?.verb === "debrief.restart")) ex = await click(coach, ex, "debrief.restart");
    ex = await click(coach, ex, "debrief.next", { clientId, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
    const situation = {
      ladder_betaaldWerk: "nee",
      ladder_onbetaaldWerk: "nee",
      ladder_georganiseerd: "nee",
      ladder_sociaalContact: "wekelijks",
    };
    ex = await click(coach, ex, "debrief.next", { ...situation, verdiepingChange: "unchanged" }); // asked on a revisit only
    if (!findActionOrNull(ex.lastCard(), "debrief.confirm")) ex = await click(coach, ex, "debrief.next", {}); // the verdieping, on a first debrief
    const proposal = {
      nextStep: "2.1",
      expectedRung: "4",
      horizonMonths: "12",
      growthPotential: "ja",
      outcome: "participatieondersteuning",
    };
    return click(coach, ex, "debrief.override", {
      ...proposal,
      rung: "3",
      substep: "1",
      reason: "Volgt sinds deze week een taalcursus",
    });
  }

  const findActionOrNull = (card: any, verb: string) => {
    try {
      return findAction(card, verb);
    } catch {
      return null;
    }
  };

  const lastCardTo = (user: TestUser) => {
    const sent = bot.connector.sent.filter((s) => s.conversationId === user.conversationId && s.activity.attachments?.length);
    return sent.at(-1)!;
  };

  it("sends the request to the supervisors; approving updates every copy and tells the coach", async () => {
    const done = await overriddenDebrief();
    expect(done.text).toContain("Ter beoordeling gestuurd naar Werkbegeleider Noord");
    expect(done.text).toContain("Tweede Werkbegeleider ziet het in de lijst");
    const request = lastCardTo(supervisor);
    const card = request.activity.attachments[0].content;
    expect(cardText(card)).toContain("Volgt sinds deze week een taalcursus");
    expect(card.refresh.userIds).toEqual([`29:${staff.supervisor.aadObjectId}`]);
    const approve = findAction(card, "review.approve");
    const coachCardId = done.replies.find((r) => r.op === "update")!.id;

    const decided = await supervisor.execute("review.approve", approve.data, { replyToId: request.id });
    expect(decided.status).toBe(200);
    expect(decided.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(decided.body.value)).toMatch(/Akkoord door Werkbegeleider Noord om \d\d:\d\d/);
    expect(decided.body.value.actions ?? []).toEqual([]);
    // the other copies and the coach are told in the background, after the supervisor's answer
    const before = bot.connector.sent.length - decided.replies.length;
    await bot.trede.idle();
    const after = bot.connector.sent.slice(before);
    const coachCopy = after.find((r) => r.op === "update" && r.id === coachCardId);
    expect(cardText(coachCopy!.activity.attachments[0].content)).toContain("Akkoord door Werkbegeleider Noord");
    expect(after.some((r) => r.conversationId === coach.conversationId && /goedgekeurd/.test(r.activity.text ?? ""))).toBe(true);
    const row = await bot.db.prisma.classification.findUniqueOrThrow({ where: { id: approve.data.classificationId } });
    expect(row.status).toBe("FINAL");

    // the second supervisor is too late
    const late = await supervisor2.execute("review.approve", approve.data);
    expect(cardText(late.body.value)).toContain("Deze indeling was al beoordeeld");
    expect(cardText(late.body.value)).toContain("Akkoord door Werkbegeleider Noord");
  });

  it("rejects with a reason, and the coach reopens the debrief at the proposal with the note; the new confirmation is a new version", async () => {
    await overriddenDebrief();
    const card = lastCardTo(supervisor).activity.attachments[0].content;
    const reject = findAction(card, "review.reject");
    const noNote = await supervisor.execute("review.reject", { ...reject.data, rejectNote: "" });
    expect(noNote.body.value).toContain("Vul een toelichting in");
    const rejected = await supervisor.execute("review.reject", {
      ...reject.data,
      rejectNote: "Taalcursus is nog niet wekelijks",
    });
    expect(cardText(rejected.body.value)).toContain("Afgewezen door Werkbegeleider Noord");
    await bot.trede.idle();
    const toCoach = bot.connector.sent.filter((r) => r.conversationId === coach.conversationId).at(-1)!;
    expect(toCoach.activity.text).toContain("Taalcursus is nog niet wekelijks");
    const reopenCard = toCoach.activity.attachments[0].content;
    const reopened = await coach.submit(findAction(reopenCard, "debrief.reopen").data);
    expect(cardText(reopened.lastCard())).toContain('De werkbegeleider schreef: "Taalcursus is nog niet wekelijks"');
    const confirmed = await click(coach, reopened, "debrief.confirm");
    expect(cardText(confirmed.lastCard())).toContain("Definitief");
    const history = await bot.db.prisma.classification.findMany({ where: { clientId }, orderBy: { version: "asc" } });
    expect(history.at(-2)!.status).toBe("REJECTED");
    expect(history.at(-1)).toMatchObject({ status: "FINAL", finalRung: 2, isLatest: true });
  });

  it("offers a sent-back classification first on the next 'verslag' and in the welcome card, until it is redone", async () => {
    await overriddenDebrief();
    const card = lastCardTo(supervisor).activity.attachments[0].content;
    const reject = findAction(card, "review.reject");
    await supervisor.execute("review.reject", { ...reject.data, rejectNote: "Eerst de cursus afronden" });
    await bot.trede.idle();
    const classificationId = reject.data.classificationId;
    const first = await coach.say("verslag");
    const debriefCard = first.lastCard()?.actions?.some((a: any) => a.data?.verb === "debrief.restart")
      ? (await click(coach, first, "debrief.restart")).lastCard()
      : first.lastCard();
    expect(actionsInOrder(debriefCard)[0].data).toEqual({ verb: "debrief.reopen", classificationId });
    expect(cardText(debriefCard)).toContain('Teruggestuurd door de werkbegeleider: Jansen, A. — "Eerst de cursus afronden"');
    const welcome = (await coach.say("hulp")).lastCard();
    expect(actionsInOrder(welcome)[0].data).toEqual({ verb: "debrief.reopen", classificationId });
    expect(cardText(welcome)).toContain("Teruggestuurd door de werkbegeleider: Jansen, A.");
    const reopened = await coach.submit(actionsInOrder(welcome)[0].data);
    const proposal = cardText(reopened.lastCard());
    expect(proposal).toContain('De werkbegeleider schreef: "Eerst de cursus afronden"');
    expect(proposal).toContain("2 · Sociale contacten buitenshuis");
    await click(coach, reopened, "debrief.confirm");
    const after = await coach.say("hulp");
    expect(JSON.stringify(after.lastCard())).not.toContain("debrief.reopen");
  });

  it("lets a supervisor return it to the coach with a question", async () => {
    await overriddenDebrief();
    const card = lastCardTo(supervisor).activity.attachments[0].content;
    const r = await supervisor.execute("review.return", {
      ...findAction(card, "review.return").data,
      returnNote: "Welke cursus precies?",
    });
    expect(cardText(r.body.value)).toContain("Terug naar coach door Werkbegeleider Noord");
  });

  it("refuses non-supervisors and self-approval, and shows each user their own view on refresh", async () => {
    const coachActor = (await findActor(bot.db.sql, { tenantId: TEST_TENANT, aadObjectId: staff.coach.aadObjectId }))!;
    const pending = await confirmClassification(bot.db.prisma, {
      actor: coachActor,
      clientId,
      idempotencyKey: crypto.randomUUID(),
      contact: { date: new Date("2026-11-20"), kind: "HUISBEZOEK", outcome: null, nextContactDate: null },
      profile: { id: "participatieladder-6", version: 1 },
      answers: { ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" } },
      proposed: { rung: 4, substep: null, rung5Reasons: [] },
      final: { rung: 5, substep: null, overrideReason: "test" },
      expected: { rung: 5, horizonMonths: 12, growthPotential: "JA" },
      ontheffing: false,
      verdieping: {},
      domainScores: {},
    });
    const data = { classificationId: pending.id };
    expect((await lead.execute("review.approve", data)).body.value).toContain("Alleen een werkbegeleider");
    await bot.db.prisma.staff.update({ where: { id: staff.coach.id }, data: { roles: ["COACH", "SUPERVISOR"] } });
    expect((await coach.execute("review.approve", data)).body.value).toContain("eigen indeling");
    const coachView = await coach.execute("review.refresh", data, { trigger: "automatic" });
    expect(coachView.body.value.actions ?? []).toEqual([]);
    await bot.db.prisma.staff.update({ where: { id: staff.coach.id }, data: { roles: ["COACH"] } });
    const supervisorView = await supervisor.execute("review.refresh", data, { trigger: "automatic" });
    expect(supervisorView.body.value.actions.map((a: any) => a.title)).toEqual(["Akkoord", "Afwijzen", "Terug naar coach"]);
    const row = await bot.db.prisma.classification.findUniqueOrThrow({ where: { id: pending.id } });
    expect(row.status).toBe("PENDING_REVIEW");
    expect(await bot.db.prisma.auditEvent.count({ where: { action: "refused", subjectId: null, clientId } })).toBeGreaterThanOrEqual(2);
  });

  it("lists open requests for the team, oldest first", async () => {
    await overriddenDebrief();
    const r = await supervisor.say("wat moet ik beoordelen?");
    const text = cardText(r.lastCard());
    expect(text).toMatch(/\d+ indeling(en)? wacht(en)? op akkoord/);
    expect(text).toContain("Jansen, A.");
    const coachAsks = await coach.say("beoordelen");
    expect(coachAsks.text).toContain("voor werkbegeleiders en teamleiders");
  });
});

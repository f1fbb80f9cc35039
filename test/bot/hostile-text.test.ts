// A client imported with template syntax and a markdown link in the name, debriefed with an override
// reason full of the same, through the real HTTP endpoint: the coach finishes the debrief, the
// supervisor gets a working review card that shows every text as typed (checked in the official
// renderer, markdown on), opens it from the list and approves it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importClients } from "../../src/storage/import/import-csv.ts";
import { cardText, startTestBot, type Exchange, type TestBot, type TestUser } from "../support/bot-harness.ts";
import { openCardBrowser, type CardBrowser } from "../support/card-browser.ts";
import { click, findAction } from "../support/cards.ts";
import { cardText as prepareCardText } from "../../src/cards/card-text.ts";
import { sortedNameLabel } from "../../src/domain/clients/dutch-name.ts";
import { backends } from "../support/databases.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");
const NAME = "${labels.approve} [Klik voor dossier](https://evil.example/phish)";
const COACH = "*Coach* <b>Noord</b> ${$root}";
const REASON = "Reden ${labels.approve} ${if(true, 'x', 'y')} **dringend** [dossier](https://evil.example/phish) \u202Eexe.txt\u200B";
const REASON_SHOWN = "Reden ${labels.approve} ${if(true, 'x', 'y')} **dringend** [dossier](https://evil.example/phish) exe.txt";
const MARKUP = "a, img, script, em, strong, h1, h2, h3, ul, ol, li, code";

describe.each(backends)("hostile names and reasons through the real HTTP endpoint on $name", (backend) => {
  let bot: TestBot;
  let browser: CardBrowser;
  let coach: TestUser, supervisor: TestUser;
  let clientId: string;

  beforeAll(async () => {
    bot = await startTestBot(backend, { clock: () => TODAY });
    const staff = await createTeamWithStaff(bot.db.prisma, "Noord");
    await bot.db.prisma.staff.update({ where: { id: staff.coach.id }, data: { displayName: COACH } });
    // through the real import: visible text, however odd, is a name; the cards must cope
    const csv = `Klantnummer;Naam;Geboortejaar;Wijk;Team;Coach\nK-666;"${NAME}";1980;Beijum;Noord;${staff.coach.aadObjectId}\n`;
    const report = await importClients(bot.db.prisma, csv, { operator: "test", today: TODAY });
    expect(report.problems).toEqual([]);
    clientId = (await bot.db.prisma.client.findUniqueOrThrow({ where: { externalKey: "K-666" } })).id;
    coach = bot.user(staff.coach.aadObjectId);
    supervisor = bot.user(staff.supervisor.aadObjectId);
    for (const u of [coach, supervisor]) await u.say("hulp");
    browser = await openCardBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  /** Renders a card the bot sent in the official renderer and returns its visible text; fails on markup. */
  async function shown(card: unknown): Promise<string> {
    const rendered = await browser.render(card as object);
    expect(rendered.errors).toEqual([]);
    expect(await rendered.texts(MARKUP)).toEqual([]);
    return (await rendered.text()).replace(/\s+/g, " ");
  }

  const lastCardTo = (user: TestUser) =>
    bot.connector.sent.filter((s) => s.conversationId === user.conversationId && s.activity.attachments?.length).at(-1)!;

  it("the coach debriefs the client with an overriding reason; the supervisor opens the review and approves it", async () => {
    let ex: Exchange = await coach.say("verslag");
    // the one client is a radio button titled surname first, shown exactly as imported, without markup
    expect(await shown(ex.lastCard())).toContain(sortedNameLabel(NAME));
    ex = await click(coach, ex, "debrief.next", { clientId, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
    expect(await shown(ex.lastCard())).toContain(NAME); // the step card's progress line
    ex = await click(coach, ex, "debrief.next", {
      ladder_betaaldWerk: "nee",
      ladder_onbetaaldWerk: "nee",
      ladder_georganiseerd: "nee",
      ladder_sociaalContact: "wekelijks",
    });
    ex = await click(coach, ex, "debrief.next", {}); // the verdieping of a first debrief
    expect(await shown(ex.lastCard())).toContain(NAME); // the proposal
    const proposal = {
      nextStep: "2.1",
      expectedRung: "4",
      horizonMonths: "12",
      growthPotential: "ja",
      outcome: "participatieondersteuning",
    };
    const done = await click(coach, ex, "debrief.override", { ...proposal, rung: "3", substep: "1", reason: REASON });
    expect(done.status).toBe(200);
    const summary = done.cards.find((c) => cardText(c).startsWith("Verslag opgeslagen"));
    expect(summary).toBeDefined();
    expect(await shown(summary)).toContain(`Verslag opgeslagen: ${NAME}`);
    const classification = await bot.db.prisma.classification.findFirstOrThrow({
      where: { clientId },
      orderBy: { createdAt: "desc" },
    });
    expect(classification.status).toBe("PENDING_REVIEW");
    expect(classification.overrideReason).toBe(REASON); // stored as typed; only the card drops the invisible characters

    // the request the supervisor received: the real card (not the plain fallback), text as typed
    const request = lastCardTo(supervisor).activity.attachments[0].content;
    const requestText = await shown(request);
    expect(requestText).toContain(`Indeling ter beoordeling: ${NAME}`);
    expect(requestText).toContain(REASON_SHOWN);
    expect(requestText).toContain(COACH);
    expect(requestText).not.toContain("eenvoudige vorm");
    expect(findAction(request, "review.approve").data).toEqual({ classificationId: classification.id });

    // from the list, as a supervisor without the pushed card would
    const list = await supervisor.say("beoordelen");
    expect(await shown(list.lastCard())).toContain(NAME);
    const opened = await supervisor.submit({ verb: "review.open", classificationId: classification.id }, list.lastActivityId());
    const card = opened.lastCard();
    expect(cardText(card)).not.toContain("eenvoudige vorm");
    const openedText = await shown(card);
    expect(openedText).toContain(REASON_SHOWN);
    const rendered = await browser.render(card);
    const approve = await rendered.click("Akkoord");
    expect(approve).toMatchObject({ type: "Action.Execute", verb: "review.approve" });

    const decided = await supervisor.execute("review.approve", approve.data, { replyToId: opened.lastActivityId() });
    expect(decided.status).toBe(200);
    expect(await shown(decided.body.value)).toMatch(/Akkoord door Werkbegeleider Noord om \d\d:\d\d/);
    await bot.trede.idle();
    expect((await bot.db.prisma.classification.findUniqueOrThrow({ where: { id: classification.id } })).status).toBe("FINAL");
    expect(bot.logs.filter((l) => l.event === "card.render_failed")).toEqual([]);
    // the coach is told in a plain message, which Teams renders as markdown too: the name is not a link there either
    const told = bot.connector.sent
      .filter((m) => m.conversationId === coach.conversationId && String(m.activity.text ?? "").includes("goedgekeurd"))
      .at(-1);
    expect(told?.activity.text).toContain(prepareCardText(NAME));
    expect(told?.activity.text).not.toContain("[Klik voor dossier](https://");
  });
});

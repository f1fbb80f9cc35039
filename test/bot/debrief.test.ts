import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/databases.ts";
import { cardText, startTestBot, type Exchange, type TestBot, type TestUser } from "../support/bot-harness.ts";
import { choiceValues, click, inputs } from "../support/cards.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");

describe.each(backends)("debrief through the real HTTP endpoint on $name", (backend) => {
  let bot: TestBot;
  let staff: Awaited<ReturnType<typeof createTeamWithStaff>>;
  let coach: TestUser;
  let clientA: string, clientB: string, foreignClient: string;

  beforeAll(async () => {
    bot = await startTestBot(backend, { clock: () => TODAY });
    staff = await createTeamWithStaff(bot.db.prisma, "Noord");
    const other = await createTeamWithStaff(bot.db.prisma, "Zuid");
    const mk = (name: string, key: string, team: string, coachId: string) =>
      bot.db.prisma.client.create({ data: { externalKey: key, displayName: name, birthYear: 1979, wijk: "Selwerd", teamId: team, coachId } });
    clientA = (await mk("Jansen, A.", "K-100", staff.team.id, staff.coach.id)).id;
    clientB = (await mk("Bakker, B.", "K-101", staff.team.id, staff.coach.id)).id;
    foreignClient = (await mk("Visser, V.", "K-900", other.team.id, other.coach.id)).id;
    coach = bot.user(staff.coach.aadObjectId);
  });
  afterAll(async () => bot?.stop());

  /** "verslag"; when an unfinished debrief is offered for resuming, start over as a coach would. */
  async function startDebrief(words = "verslag"): Promise<Exchange> {
    const first = await coach.say(words);
    return first.lastCard()?.actions?.some((a: any) => a.data?.verb === "debrief.restart") ? click(coach, first, "debrief.restart") : first;
  }

  async function throughLadder(start: Exchange, clientId: string, ladder: [string, string][]): Promise<Exchange> {
    let ex = await click(coach, start, "debrief.next", { clientId, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
    for (const [, answer] of ladder) ex = await click(coach, ex, "debrief.next", { answer });
    return ex;
  }

  it("selects the one client a name after the command fits, keeping the others on offer", async () => {
    const r = await coach.say("verslag bakker");
    expect(inputs(r.lastCard()).find((i) => i.id === "clientId")?.value).toBe(clientB);
    expect(choiceValues(r.lastCard(), "clientId")).toEqual([clientB, clientA]);
    await click(coach, r, "debrief.cancel");
  });

  it("walks a coach from 'verslag' to a stored classification, one card at a time, replacing each card", async () => {
    const first = await startDebrief();
    const card = first.lastCard();
    expect(cardText(card)).toContain("Stap 1 van");
    expect(choiceValues(card, "clientId")).toEqual([clientB, clientA]); // own caseload only, by name
    let ex = await throughLadder(first, clientA, [
      ["betaaldWerk", "nee"],
      ["onbetaaldWerk", "nee"],
      ["georganiseerd", "wekelijks"],
    ]);
    expect(ex.replies.every((r) => r.op === "update")).toBe(true);
    expect(cardText(ex.lastCard())).toContain("volgende stap richting trede 4");
    ex = await click(coach, ex, "debrief.next", { answer: "voorbereiden" });
    ex = await click(coach, ex, "debrief.next", { expectedRung: "4", horizonMonths: "12", growthPotential: "ja" });
    expect(cardText(ex.lastCard())).toContain("Werk & opleiding");
    ex = await click(coach, ex, "debrief.next", { domain_werk_opleiding: "2", domain_sociaal_netwerk: "3" });
    ex = await click(coach, ex, "debrief.next", { startkwalificatie: "nee", ontheffingArbeidsplicht: "nee" });
    ex = await click(coach, ex, "debrief.next", { outcome: "participatieondersteuning", nextContactDate: "2027-02-01" });
    const proposal = cardText(ex.lastCard());
    expect(proposal).toContain("3 · Deelname aan georganiseerde activiteiten");
    expect(proposal).toContain("Tussenstap 3.2 Voorbereiden");
    expect(proposal).toContain("4 · Onbetaald werk (over 12 maanden)");

    const confirmed = await click(coach, ex, "debrief.confirm");
    expect(cardText(confirmed.lastCard())).toContain("Verslag opgeslagen: Jansen, A.");
    expect(cardText(confirmed.lastCard())).toContain("Definitief");
    expect(confirmed.lastCard().actions ?? []).toEqual([]); // nothing left to press

    const stored = await bot.db.prisma.classification.findMany({ where: { clientId: clientA }, include: { domainScores: true, contact: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ proposedRung: 3, proposedSubstep: 2, finalRung: 3, expectedRung: 4, status: "FINAL", growthPotential: "JA", outcome: "participatieondersteuning" });
    expect(stored[0].contact).toMatchObject({ reached: true, kind: "HUISBEZOEK" });
    expect(stored[0].domainScores.map((d) => [d.domain, d.score]).sort()).toEqual([
      ["maatschappelijke_participatie", null],
      ["sociaal_netwerk", 3],
      ["tijdsbesteding", null],
      ["werk_opleiding", 2],
    ]);

    // the same confirm again (double click / retried request) stores nothing new and raises no error
    const again = await click(coach, ex, "debrief.confirm");
    expect(again.status).toBe(200);
    expect(again.text).not.toMatch(/ging iets mis/);
    expect(await bot.db.prisma.classification.count({ where: { clientId: clientA } })).toBe(1);
  });

  it("records a visit where the client was not reached and ends the debrief", async () => {
    const first = await startDebrief("nieuw gesprek");
    const done = await click(coach, first, "debrief.next", { clientId: clientB, date: "2026-11-20", kind: "HUISBEZOEK", reached: "nee" });
    expect(cardText(done.lastCard())).toContain("Contactpoging vastgelegd");
    expect(await bot.db.prisma.contact.count({ where: { clientId: clientB, reached: false } })).toBe(1);
    expect(await bot.db.prisma.classification.count({ where: { clientId: clientB } })).toBe(0);
  });

  it("answers invalid input on the same card, next to the field, and stores nothing", async () => {
    const first = await startDebrief();
    const bad = await click(coach, first, "debrief.next", { clientId: "", date: "2027-01-01", kind: "HUISBEZOEK", reached: "" });
    const text = cardText(bad.lastCard());
    expect(text).toContain("Er ontbreekt nog iets");
    expect(text).toContain("Deze datum ligt in de toekomst.");
    expect(text).toContain("Kies of vul dit in.");
    expect(text).toContain("Stap 1 van");
    expect(await bot.db.prisma.contact.count({ where: { date: new Date("2027-01-01") } })).toBe(0);
  });

  it("refuses a forged client id and audits it", async () => {
    const first = await startDebrief();
    const refused = await click(coach, first, "debrief.next", { clientId: foreignClient, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
    expect(cardText(refused.lastCard())).toContain("hoort niet bij jouw caseload");
    const audit = await bot.db.prisma.auditEvent.findMany({ where: { action: "refused", actorId: staff.coach.id } });
    expect(audit.some((a) => (a.details as any).reason === "client_out_of_scope")).toBe(true);
    expect(await bot.db.prisma.contact.count({ where: { clientId: foreignClient } })).toBe(0);
  });

  it("goes back a step and takes the new answer", async () => {
    const first = await startDebrief();
    let ex = await throughLadder(first, clientB, [["betaaldWerk", "ja"]]);
    expect(cardText(ex.lastCard())).toContain("Welke ondersteuning");
    ex = await click(coach, ex, "debrief.back");
    expect(cardText(ex.lastCard())).toContain("Heeft de klant betaald werk");
    ex = await click(coach, ex, "debrief.next", { answer: "nee" });
    expect(cardText(ex.lastCard())).toContain("onbetaald werk");
  });

  it("refuses a submit from an old card", async () => {
    const first = await startDebrief();
    await click(coach, first, "debrief.next", { clientId: clientB, date: "2026-11-21", kind: "KANTOOR", reached: "ja" });
    const stale = await click(coach, first, "debrief.next", { clientId: clientB, date: "2026-11-21", kind: "KANTOOR", reached: "ja" });
    expect(stale.text).toContain("niet meer actueel");
  });

  it("resumes at the same step after a restart", async () => {
    const first = await startDebrief();
    const ex = await throughLadder(first, clientB, [["betaaldWerk", "nee"]]);
    expect(cardText(ex.lastCard())).toContain("onbetaald werk");
    await bot.trede.stop();
    bot = await startTestBot(backend, { db: bot.db, clock: () => TODAY });
    coach = bot.user(staff.coach.aadObjectId);
    const offer = await coach.say("verslag");
    expect(cardText(offer.lastCard())).toContain("Je was bezig met een verslag over Bakker, B. (stap 3)");
    const resumed = await click(coach, offer, "debrief.resume");
    expect(cardText(resumed.lastCard())).toContain("onbetaald werk");
    expect(cardText(resumed.lastCard())).toContain("Stap 3 van");
  });

  it("stores an override with its reason and sends it to the team's supervisor", async () => {
    const supervisor = bot.user(staff.supervisor.aadObjectId);
    await supervisor.say("hulp"); // the supervisor has opened the chat: Trede can reach them
    const restart = await startDebrief();
    let ex = await throughLadder(restart, clientB, [
      ["betaaldWerk", "nee"],
      ["onbetaaldWerk", "nee"],
      ["georganiseerd", "nee"],
      ["sociaalContact", "wekelijks"],
    ]);
    ex = await click(coach, ex, "debrief.next", { answer: "verkennen" });
    ex = await click(coach, ex, "debrief.next", { expectedRung: "3", horizonMonths: "12", growthPotential: "ja" });
    ex = await click(coach, ex, "debrief.next", {});
    ex = await click(coach, ex, "debrief.next", {});
    ex = await click(coach, ex, "debrief.next", { outcome: "participatieondersteuning" });
    const noReason = await click(coach, ex, "debrief.override", { rung: "3", substep: "1", reason: "" });
    expect(cardText(noReason.lastCard())).toContain("Kies of vul dit in.");
    const done = await click(coach, noReason, "debrief.override", { rung: "3", substep: "1", reason: "Doet sinds vorige week mee aan een taalcursus" });
    expect(cardText(done.lastCard())).toContain("Wacht op akkoord");
    expect(done.text).toContain("Ter beoordeling gestuurd naar Werkbegeleider Noord");
    const row = await bot.db.prisma.classification.findFirstOrThrow({ where: { clientId: clientB }, orderBy: { version: "desc" } });
    expect(row).toMatchObject({ proposedRung: 2, finalRung: 3, finalSubstep: 1, status: "PENDING_REVIEW", overrideReason: "Doet sinds vorige week mee aan een taalcursus" });
    const toSupervisor = bot.connector.sent.filter((s) => s.conversationId === supervisor.conversationId && s.activity.attachments?.length);
    expect(cardText(toSupervisor.at(-1)!.activity.attachments[0].content)).toContain("Indeling ter beoordeling: Bakker, B.");
  });
});

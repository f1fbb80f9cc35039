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
      bot.db.prisma.client.create({
        data: { externalKey: key, displayName: name, birthYear: 1979, wijk: "Selwerd", teamId: team, coachId },
      });
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

  const contact = (clientId: string) => ({ clientId, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
  const ladder = (answers: Record<string, string>) => Object.fromEntries(Object.entries(answers).map(([id, v]) => [`ladder_${id}`, v]));

  /** The first card and the situation card (the stroomschema's questions together). */
  async function throughSituation(
    start: Exchange,
    clientId: string,
    answers: Record<string, string>,
    extra: Record<string, string> = {},
  ): Promise<Exchange> {
    const ex = await click(coach, start, "debrief.next", contact(clientId));
    return click(coach, ex, "debrief.next", { ...ladder(answers), ...extra });
  }

  it("selects the one client a name after the command fits, keeping the others on offer", async () => {
    const r = await coach.say("verslag bakker");
    expect(inputs(r.lastCard()).find((i) => i.id === "clientId")?.value).toBe(clientB);
    expect(choiceValues(r.lastCard(), "clientId")).toEqual([clientB, clientA]);
    await click(coach, r, "debrief.cancel");
  });

  it("walks a coach from 'verslag' to a stored classification in five cards, replacing each card", async () => {
    const first = await startDebrief();
    const card = first.lastCard();
    expect(cardText(card)).toContain("Stap 1 van 4");
    expect(choiceValues(card, "clientId")).toEqual([clientB, clientA]); // own caseload only, by name
    let ex = await click(coach, first, "debrief.next", contact(clientA));
    expect(cardText(ex.lastCard())).toContain("Stap 2 van 4");
    expect(cardText(ex.lastCard())).toContain("Eerste verslag voor deze klant");
    expect(cardText(ex.lastCard())).toContain("Werk & opleiding");
    ex = await click(coach, ex, "debrief.next", {
      ...ladder({ betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" }),
      domain_werk_opleiding: "2",
      domain_sociaal_netwerk: "3",
    });
    expect(ex.replies.every((r) => r.op === "update")).toBe(true);
    expect(cardText(ex.lastCard())).toContain("Stap 3 van 4"); // a first debrief: the verdieping
    ex = await click(coach, ex, "debrief.next", { startkwalificatie: "nee", ontheffingArbeidsplicht: "nee" });
    const proposal = cardText(ex.lastCard());
    expect(proposal).toContain("Stap 4 van 4");
    expect(proposal).toContain("3 · Deelname aan georganiseerde activiteiten");
    expect(proposal).toContain("volgende stap richting trede 4");
    expect(choiceValues(ex.lastCard(), "nextStep")).toEqual(["3.1", "3.2", "3.3", "none"]); // only the proposed rung's substeps

    const confirmed = await click(coach, ex, "debrief.confirm", {
      nextStep: "3.2",
      expectedRung: "4",
      horizonMonths: "12",
      growthPotential: "ja",
      outcome: "participatieondersteuning",
      nextContactDate: "2027-02-01",
    });
    expect(cardText(confirmed.lastCard())).toContain("Verslag opgeslagen: Jansen, A.");
    expect(cardText(confirmed.lastCard())).toContain("Definitief");
    expect(cardText(confirmed.lastCard())).toMatch(/3\\?\.2 Voorbereiden/);
    expect(cardText(confirmed.lastCard())).toContain("4 · Onbetaald werk (over 12 maanden)");
    expect(confirmed.lastCard().actions ?? []).toEqual([]); // nothing left to press

    const stored = await bot.db.prisma.classification.findMany({
      where: { clientId: clientA },
      include: { domainScores: true, contact: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      proposedRung: 3,
      proposedSubstep: 2,
      finalRung: 3,
      expectedRung: 4,
      status: "FINAL",
      growthPotential: "JA",
      outcome: "participatieondersteuning",
    });
    expect(stored[0].contact).toMatchObject({ reached: true, kind: "HUISBEZOEK" });
    expect(stored[0].answers).toMatchObject({
      ladder: { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
      verdiepingSource: "observed",
      confirmedUnchanged: [],
    });
    expect(stored[0].domainScores.map((d) => [d.domain, d.score]).sort()).toEqual([
      ["maatschappelijke_participatie", null],
      ["sociaal_netwerk", 3],
      ["tijdsbesteding", null],
      ["werk_opleiding", 2],
    ]);

    // the same confirm again (double click / retried request) stores nothing new and raises no error
    const again = await click(coach, ex, "debrief.confirm", {
      nextStep: "3.2",
      expectedRung: "4",
      growthPotential: "ja",
      outcome: "participatieondersteuning",
    });
    expect(again.status).toBe(200);
    expect(again.text).not.toMatch(/ging iets mis/);
    expect(await bot.db.prisma.classification.count({ where: { clientId: clientA } })).toBe(1);
  });

  it("a revisit shows last time without preselecting it, and stores what was confirmed unchanged", async () => {
    const first = await startDebrief();
    let ex = await click(coach, first, "debrief.next", contact(clientA));
    const situation = ex.lastCard();
    expect(cardText(situation)).toContain(
      "Vorige keer (21 nov 2026): trede 3 · Deelname aan georganiseerde activiteiten · 3.2 Voorbereiden",
    );
    expect(cardText(situation)).toContain("vorige keer: Nee (21 nov 2026)");
    expect(cardText(situation)).toContain("vorige keer: 2 (21 nov 2026)");
    const values = Object.fromEntries(inputs(situation).map((i) => [i.id, i.value ?? ""]));
    expect(values.ladder_betaaldWerk).toBe(""); // shown, not preselected
    expect(values.domain_werk_opleiding).toBe("nb"); // every ZRM domain starts as "niet besproken"
    expect(values.verdiepingChange).toBe("");
    ex = await click(coach, ex, "debrief.next", {
      ...ladder({ betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" }),
      domain_werk_opleiding: "2",
      verdiepingChange: "unchanged",
    });
    expect(cardText(ex.lastCard())).toContain("Stap 3 van 3"); // no verdieping card: confirmed unchanged
    expect(cardText(ex.lastCard())).toContain("vorige keer: 3.2 Voorbereiden (21 nov 2026)");
    expect(inputs(ex.lastCard()).find((i) => i.id === "nextStep")?.value ?? "").toBe("");
    const done = await click(coach, ex, "debrief.confirm", {
      nextStep: "3.2",
      expectedRung: "4",
      growthPotential: "ja",
      outcome: "participatieondersteuning",
    });
    expect(cardText(done.lastCard())).toContain("Verslag opgeslagen");
    const row = await bot.db.prisma.classification.findFirstOrThrow({
      where: { clientId: clientA, version: 2 },
      include: { domainScores: true },
    });
    expect(row.answers).toMatchObject({
      verdiepingSource: "confirmed_unchanged",
      verdieping: { startkwalificatie: "nee", ontheffingArbeidsplicht: "nee" },
      confirmedUnchanged: [
        "domain.werk_opleiding",
        "expected",
        "ladder.betaaldWerk",
        "ladder.georganiseerd",
        "ladder.onbetaaldWerk",
        "substep",
        "verdieping",
      ],
    });
    // a domain the coach left at "niet besproken" is stored as not discussed, not as last time's 3
    expect(row.domainScores.find((d) => d.domain === "sociaal_netwerk")?.score).toBeNull();
  });

  it("asks a one-line confirmation for an expected rung below the current one, keeping every answer", async () => {
    const first = await startDebrief();
    let ex = await throughSituation(
      first,
      clientA,
      { betaaldWerk: "nee", onbetaaldWerk: "nee", georganiseerd: "wekelijks" },
      { verdiepingChange: "unchanged" },
    );
    const answers = { nextStep: "3.1", expectedRung: "2", growthPotential: "nee", outcome: "wijkteam" };
    ex = await click(coach, ex, "debrief.confirm", answers);
    const text = cardText(ex.lastCard());
    expect(text).toContain("Klopt het dat de verwachte trede (2) lager ligt dan de huidige (3)?");
    expect(Object.fromEntries(inputs(ex.lastCard()).map((i) => [i.id, i.value]))).toMatchObject({
      nextStep: "3.1",
      expectedRung: "2",
      growthPotential: "nee",
      outcome: "wijkteam",
    });
    expect(await bot.db.prisma.classification.count({ where: { clientId: clientA } })).toBe(2);
    const done = await click(coach, ex, "debrief.confirm", { confirmExpectation: "true" });
    expect(cardText(done.lastCard())).toContain("Verslag opgeslagen");
    const row = await bot.db.prisma.classification.findFirstOrThrow({ where: { clientId: clientA, version: 3 } });
    expect(row).toMatchObject({ finalRung: 3, finalSubstep: 1, expectedRung: 2 });
    expect(row.answers).toMatchObject({ expectationConfirmed: "below_current" });
  });

  it("records a visit where the client was not reached and ends the debrief", async () => {
    const first = await startDebrief("nieuw gesprek");
    const done = await click(coach, first, "debrief.next", {
      clientId: clientB,
      date: "2026-11-20",
      kind: "HUISBEZOEK",
      reached: "nee",
    });
    expect(cardText(done.lastCard())).toContain("Contactpoging vastgelegd");
    expect(await bot.db.prisma.contact.count({ where: { clientId: clientB, reached: false } })).toBe(1);
    expect(await bot.db.prisma.classification.count({ where: { clientId: clientB } })).toBe(0);
  });

  it("answers invalid input on the same card, next to the field, and stores nothing", async () => {
    const first = await startDebrief();
    const bad = await click(coach, first, "debrief.next", {
      clientId: "",
      date: "2027-01-01",
      kind: "HUISBEZOEK",
      reached: "",
    });
    const text = cardText(bad.lastCard());
    expect(text).toContain("Er ontbreekt nog iets");
    expect(text).toContain("Deze datum ligt in de toekomst.");
    expect(text).toContain("Kies of vul dit in.");
    expect(text).toContain("Stap 1 van");
    expect(inputs(bad.lastCard()).find((i) => i.id === "date")?.value).toBe("2027-01-01"); // what the coach typed stays
    expect(await bot.db.prisma.contact.count({ where: { date: new Date("2027-01-01") } })).toBe(0);
    // a question the stroomschema needs is asked for next to it, the other answers stay
    const situation = await click(coach, bad, "debrief.next", contact(clientB));
    const missing = await click(coach, situation, "debrief.next", {
      ...ladder({ betaaldWerk: "nee" }),
      domain_werk_opleiding: "4",
    });
    const body = JSON.stringify(missing.lastCard());
    expect(cardText(missing.lastCard())).toContain("Nodig om de trede te bepalen");
    expect(body.indexOf("Nodig om de trede te bepalen")).toBeGreaterThan(body.indexOf("ladder_onbetaaldWerk"));
    expect(Object.fromEntries(inputs(missing.lastCard()).map((i) => [i.id, i.value]))).toMatchObject({
      ladder_betaaldWerk: "nee",
      domain_werk_opleiding: "4",
    });
  });

  it("refuses a forged client id and audits it", async () => {
    const first = await startDebrief();
    const refused = await click(coach, first, "debrief.next", {
      clientId: foreignClient,
      date: "2026-11-21",
      kind: "HUISBEZOEK",
      reached: "ja",
    });
    expect(cardText(refused.lastCard())).toContain("hoort niet bij jouw caseload");
    const audit = await bot.db.prisma.auditEvent.findMany({ where: { action: "refused", actorId: staff.coach.id } });
    expect(audit.some((a) => (a.details as any).reason === "client_out_of_scope")).toBe(true);
    expect(await bot.db.prisma.contact.count({ where: { clientId: foreignClient } })).toBe(0);
  });

  it("goes back a step and takes the new answer", async () => {
    const first = await startDebrief();
    let ex = await throughSituation(first, clientB, { betaaldWerk: "ja", ondersteuning: "instrument" });
    expect(cardText(ex.lastCard())).toContain("Verdieping");
    ex = await click(coach, ex, "debrief.back");
    expect(cardText(ex.lastCard())).toContain("Heeft de klant betaald werk");
    expect(inputs(ex.lastCard()).find((i) => i.id === "ladder_betaaldWerk")?.value).toBe("ja"); // the undone answer shows again
    ex = await click(coach, ex, "debrief.next", ladder({ betaaldWerk: "nee", onbetaaldWerk: "wekelijks" }));
    ex = await click(coach, ex, "debrief.next", {});
    expect(cardText(ex.lastCard())).toContain("4 · Onbetaald werk");
  });

  it("refuses a submit from an old card", async () => {
    const first = await startDebrief();
    await click(coach, first, "debrief.next", {
      clientId: clientB,
      date: "2026-11-21",
      kind: "KANTOOR",
      reached: "ja",
    });
    const stale = await click(coach, first, "debrief.next", {
      clientId: clientB,
      date: "2026-11-21",
      kind: "KANTOOR",
      reached: "ja",
    });
    expect(stale.text).toContain("niet meer actueel");
  });

  it("resumes at the same step after a restart; the older card goes read-only and cannot be submitted", async () => {
    const first = await startDebrief();
    const situation = await click(coach, first, "debrief.next", contact(clientB));
    const oldCardId = situation.lastActivityId() ?? first.lastActivityId();
    expect(cardText(situation.lastCard())).toContain("Heeft de klant betaald werk");
    await bot.trede.stop();
    bot = await startTestBot(backend, { db: bot.db, clock: () => TODAY });
    coach = bot.user(staff.coach.aadObjectId);
    const offer = await coach.say("verslag");
    expect(cardText(offer.lastCard())).toContain("Je was bezig met een verslag over Bakker, B. (stap 2)");
    const resumed = await click(coach, offer, "debrief.resume");
    expect(cardText(resumed.lastCard())).toContain("Heeft de klant betaald werk");
    expect(cardText(resumed.lastCard())).toContain("Stap 2 van");
    // the older card was updated to a read-only note
    const retired = resumed.replies.find((r) => r.op === "update" && r.id === oldCardId);
    expect(retired).toBeDefined();
    expect(cardText(retired!.activity.attachments[0].content)).toContain("niet meer actief");
    expect(retired!.activity.attachments[0].content.actions ?? []).toEqual([]);
    // a submit from the old card is answered without harm; the new card still works
    const old = await click(coach, situation, "debrief.next", ladder({ betaaldWerk: "nee", onbetaaldWerk: "wekelijks" }));
    expect(old.text).toContain("niet meer actueel");
    const next = await click(coach, resumed, "debrief.next", ladder({ betaaldWerk: "nee", onbetaaldWerk: "wekelijks" }));
    expect(next.text).not.toContain("niet meer actueel");
    expect(cardText(next.lastCard())).toContain("Verdieping");
  });

  it("stores an override with its reason and sends it to the team's supervisor", async () => {
    const supervisor = bot.user(staff.supervisor.aadObjectId);
    await supervisor.say("hulp"); // the supervisor has opened the chat: Trede can reach them
    const restart = await startDebrief();
    let ex = await throughSituation(restart, clientB, {
      betaaldWerk: "nee",
      onbetaaldWerk: "nee",
      georganiseerd: "nee",
      sociaalContact: "wekelijks",
    });
    ex = await click(coach, ex, "debrief.next", {});
    const proposal = cardText(ex.lastCard());
    expect(proposal).toContain("2 · Sociale contacten buitenshuis");
    expect(proposal).toContain("Aanpassen vraagt akkoord van een werkbegeleider");
    const answers = {
      nextStep: "2.1",
      expectedRung: "4",
      horizonMonths: "12",
      growthPotential: "ja",
      outcome: "participatieondersteuning",
    };
    const noReason = await click(coach, ex, "debrief.override", { ...answers, rung: "3.1", reason: "" });
    const noReasonCard = noReason.lastCard();
    expect(cardText(noReasonCard)).toContain("Geef een reden");
    // the panel stays open with the chosen rung, and the other answers stay too
    expect(inputs(noReasonCard).find((i) => i.id === "rung")?.value).toBe("3.1");
    expect(inputs(noReasonCard).find((i) => i.id === "expectedRung")?.value).toBe("4");
    expect((noReasonCard.actions ?? []).some((a: any) => a.type === "Action.ShowCard")).toBe(false);
    const done = await click(coach, noReason, "debrief.override", {
      reason: "Doet sinds vorige week mee aan een taalcursus",
    });
    expect(cardText(done.lastCard())).toContain("Wacht op akkoord");
    expect(done.text).toContain("Ter beoordeling gestuurd naar Werkbegeleider Noord");
    const row = await bot.db.prisma.classification.findFirstOrThrow({
      where: { clientId: clientB },
      orderBy: { version: "desc" },
    });
    expect(row).toMatchObject({
      proposedRung: 2,
      finalRung: 3,
      finalSubstep: 1,
      status: "PENDING_REVIEW",
      overrideReason: "Doet sinds vorige week mee aan een taalcursus",
    });
    const toSupervisor = bot.connector.sent.filter((s) => s.conversationId === supervisor.conversationId && s.activity.attachments?.length);
    expect(cardText(toSupervisor.at(-1)!.activity.attachments[0].content)).toContain("Indeling ter beoordeling: Bakker, B.");
  });

  it("refuses a substep of another rung in an override, and the database refuses one on the top rung", async () => {
    const first = await startDebrief();
    const ex = await throughSituation(
      first,
      clientB,
      { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" },
      { verdiepingChange: "unchanged" },
    );
    expect(cardText(ex.lastCard())).toContain("4 · Onbetaald werk");
    const answers = { nextStep: "4.1", expectedRung: "5", growthPotential: "ja", outcome: "werk" };
    const refused = await click(coach, ex, "debrief.override", {
      ...answers,
      rung: "3",
      substep: "4.2",
      reason: "Toch trede 3",
    });
    expect(cardText(refused.lastCard())).toContain("Deze tussenstap hoort niet bij de gekozen trede.");
    const before = await bot.db.prisma.classification.count({ where: { clientId: clientB } });
    expect(before).toBe(1);
    const top = await click(coach, refused, "debrief.override", {
      ...answers,
      rung: "6.1",
      reason: "Werkt sinds kort",
    });
    expect(cardText(top.lastCard())).toContain("Deze tussenstap hoort niet bij de gekozen trede.");
    expect(await bot.db.prisma.classification.count({ where: { clientId: clientB } })).toBe(before);
    const row = await bot.db.prisma.classification.findFirstOrThrow({ where: { clientId: clientB } });
    await expect(bot.db.prisma.classification.update({ where: { id: row.id }, data: { finalRung: 6, finalSubstep: 2 } })).rejects.toThrow();
    await expect(bot.db.prisma.classification.update({ where: { id: row.id }, data: { finalSubstep: 4 } })).rejects.toThrow();
    const ok = await click(coach, top, "debrief.override", { ...answers, rung: "3.2", reason: "Toch trede 3" });
    expect(ok.cards.map(cardText).join("\n")).toContain("Verslag opgeslagen");
    expect(
      await bot.db.prisma.classification.findFirstOrThrow({
        where: { clientId: clientB },
        orderBy: { version: "desc" },
      }),
    ).toMatchObject({ finalRung: 3, finalSubstep: 2 });
  });
  it("says on the proposal when a supervisor must approve and why: a jump against last time", async () => {
    const first = await startDebrief();
    let ex = await throughSituation(first, clientA, { betaaldWerk: "ja", ondersteuning: "geen" }, { verdiepingChange: "update" });
    expect(cardText(ex.lastCard())).toContain("vorige keer: Nee (21 nov 2026)"); // the verdieping, asked again on request
    ex = await click(coach, ex, "debrief.next", { ontheffingArbeidsplicht: "nee" });
    const proposal = cardText(ex.lastCard());
    expect(proposal).toContain("Vorige keer (21 nov 2026): trede 3");
    expect(proposal).toContain("Een werkbegeleider moet dit goedkeuren: een sprong van trede 3 naar 6.");
  });
});

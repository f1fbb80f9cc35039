// Finding the client of a debrief through the real HTTP endpoint: the typeahead picker sorted by surname,
// `verslag <klantnummer | naam>` selecting one client, a visit note matched on the full name, and scope held
// (a client of another team with the same name or number is never found, shown or audited as read).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/databases.ts";
import { cardText, startTestBot, type Exchange, type TestBot, type TestUser } from "../support/bot-harness.ts";
import { openCardBrowser } from "../support/card-browser.ts";
import { click, inputs } from "../support/cards.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");

describe.each(backends)("finding the client of a debrief on $name", (backend) => {
  let bot: TestBot;
  let staff: Awaited<ReturnType<typeof createTeamWithStaff>>;
  const ids: Record<string, string> = {};
  let conversation = 0;
  /** each test in its own chat, so an unfinished debrief of another test is not offered for resuming */
  const coach = (): TestUser => bot.user(staff.coach.aadObjectId, { conversationId: `picker-${++conversation}` });

  beforeAll(async () => {
    bot = await startTestBot(backend, { clock: () => TODAY });
    staff = await createTeamWithStaff(bot.db.prisma, "Noord");
    const other = await createTeamWithStaff(bot.db.prisma, "Zuid");
    const mk = async (name: string, key: string, team = staff.team.id, coachId = staff.coach.id) =>
      (ids[key] = (
        await bot.db.prisma.client.create({
          data: { externalKey: key, displayName: name, birthYear: 1979, wijk: "Selwerd", teamId: team, coachId },
        })
      ).id);
    await mk("Yilmaz, Fatma", "GR-100167");
    await mk("de Boer, Kees", "GR-100166");
    await mk("Kaya, Saskia", "GR-100163");
    await mk("Kaya, Yusuf", "GR-100164");
    await mk("Visser, Saskia", "GR-100165");
    await mk("Anna van den Berg", "GR-100168");
    await mk("Bakker, Mohamed", "GR-100169");
    await mk("Jansen, Anna", "GR-100170");
    await mk("Jansen, Anna", "GR-100171");
    // another team's client with the same name as one of ours, and a number of its own
    await mk("Kaya, Saskia", "GR-900001", other.team.id, other.coach.id);
  });
  afterAll(async () => bot?.stop());

  const picker = (ex: Exchange) => inputs(ex.lastCard()).find((i) => i.id === "clientId");
  const reads = async (clientId: string) =>
    (await bot.db.prisma.auditEvent.findMany({ where: { action: "client.read", actorId: staff.coach.id } })).filter(
      (e) => e.clientId === clientId || ((e.details as any)?.clientIds ?? []).includes(clientId),
    ).length;

  it("offers the whole caseload as a typeahead, sorted by surname with the tussenvoegsel after it", async () => {
    const ex = await coach().say("verslag");
    const input = picker(ex);
    expect(input.style).toBe("filtered");
    expect(input.choices.map((c: any) => c.title)).toEqual([
      "Bakker, Mohamed · GR-100169 · Selwerd",
      "Berg, van den, Anna · GR-100168 · Selwerd",
      "Boer, de, Kees · GR-100166 · Selwerd",
      "Jansen, Anna · GR-100170 · Selwerd",
      "Jansen, Anna · GR-100171 · Selwerd",
      "Kaya, Saskia · GR-100163 · Selwerd",
      "Kaya, Yusuf · GR-100164 · Selwerd",
      "Visser, Saskia · GR-100165 · Selwerd",
      "Yilmaz, Fatma · GR-100167 · Selwerd",
    ]);
    expect(input.value ?? "").toBe("");
  });

  it("the typeahead emits the chosen client's id when the coach types its label (official renderer)", async () => {
    const ex = await coach().say("verslag");
    const browser = await openCardBrowser();
    try {
      const rendered = await browser.render(ex.lastCard());
      expect(rendered.errors).toEqual([]);
      await rendered.fill({
        clientId: "Boer, de, Kees · GR-100166 · Selwerd",
        date: "2026-11-21",
        kind: "HUISBEZOEK",
        reached: "ja",
      });
      const emitted = await rendered.click("Volgende");
      expect(emitted.data).toMatchObject({ verb: "debrief.next", clientId: ids["GR-100166"] });
    } finally {
      await browser.close();
    }
  });

  it("`verslag <klantnummer>` starts the debrief with that client chosen, and the next card is about that client", async () => {
    const me = coach();
    const before = await reads(ids["GR-100163"]);
    const ex = await me.say("verslag gr-100163");
    expect(ex.cards).toHaveLength(1);
    expect(ex.text).toBe("");
    expect(picker(ex).value).toBe(ids["GR-100163"]);
    // a preset value in a dropdown, which every Teams client keeps (iOS drops a typeahead's), the others still on offer
    expect(picker(ex).style).toBe("compact");
    expect(picker(ex).choices).toHaveLength(9);
    expect(await reads(ids["GR-100163"])).toBeGreaterThan(before);
    const nextCard = await click(me, ex, "debrief.next", { date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
    expect(cardText(nextCard.lastCard())).toContain("Kaya, Saskia");
  });

  it("a unique full name selects our client, never the other team's client of the same name", async () => {
    for (const words of ["verslag Saskia Kaya", "verslag kaya, saskia", "nieuw verslag Kees de Boer", "verslag van den berg"]) {
      const ex = await coach().say(words);
      const key = words.includes("Kaya") || words.includes("kaya") ? "GR-100163" : words.includes("Boer") ? "GR-100166" : "GR-100168";
      expect(picker(ex).value, words).toBe(ids[key]);
      expect(JSON.stringify(ex.lastCard())).not.toContain(ids["GR-900001"]);
    }
  });

  it("an ambiguous name asks which, offering only the clients that fit, one tap each", async () => {
    const ex = await coach().say("verslag kaya");
    expect(ex.text).toContain("Meerdere klanten passen hierbij");
    const input = picker(ex);
    expect(input.style).toBe("expanded");
    expect(input.choices.map((c: any) => c.value)).toEqual([ids["GR-100163"], ids["GR-100164"]]);
    expect(input.value ?? "").toBe("");
  });

  it("an unknown name or another team's client number is answered kindly, with the whole caseload to pick from, and nothing read", async () => {
    const before = await reads(ids["GR-900001"]);
    for (const words of ["verslag Pietersen", "verslag GR-900001"]) {
      const ex = await coach().say(words);
      expect(ex.text, words).toContain("Ik vind geen klant met die naam of dat klantnummer bij jouw klanten");
      expect(picker(ex).choices).toHaveLength(9);
      expect(picker(ex).value ?? "").toBe("");
      expect(JSON.stringify(ex.lastCard())).not.toContain(ids["GR-900001"]);
    }
    expect(await reads(ids["GR-900001"])).toBe(before);
  });

  it("answers in English too", async () => {
    const me = bot.user(staff.coach.aadObjectId, { conversationId: "picker-en" });
    await me.say("english");
    const ex = await me.say("debrief Pietersen");
    expect(ex.text).toContain("I can't find a client with that name or client number");
    await me.say("nederlands");
  });

  it("a visit note selects the client it names in full, not every Saskia and every Kaya", async () => {
    const ex = await coach().say("Net bij Saskia Kaya geweest, ze werkt nu twee ochtenden als vrijwilliger.");
    expect(picker(ex).value).toBe(ids["GR-100163"]);
    expect(ex.text).toBe("");
  });

  it("a visit note may name the client by number instead", async () => {
    const ex = await coach().say("Net bij mevrouw Kaya geweest (GR-100164), hij solliciteert weer.");
    expect(picker(ex).value).toBe(ids["GR-100164"]);
  });

  it("a note with only a first name selects nobody; a note naming two clients of the same name asks which", async () => {
    const firstNameOnly = await coach().say("Net bij Saskia geweest, het gaat beter met haar.");
    expect(picker(firstNameOnly).value ?? "").toBe("");
    expect(picker(firstNameOnly).choices).toHaveLength(9);

    const twoAnnas = await coach().say("Huisbezoek bij Anna Jansen gedaan, geen veranderingen.");
    expect(twoAnnas.text).toContain("Meerdere klanten passen hierbij");
    expect(picker(twoAnnas).choices.map((c: any) => c.value)).toEqual([ids["GR-100170"], ids["GR-100171"]]);
  });
});

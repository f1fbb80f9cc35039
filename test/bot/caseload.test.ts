import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { DEMO_STAFF, DEMO_TENANT_ID } from "../../src/storage/seed/demo-staff.ts";
import { seedDemo } from "../../src/storage/seed/seed-demo.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { cardText, startTestBot, type TestBot } from "../support/bot-harness.ts";
import { click } from "../support/cards.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");
const as = (bot: TestBot, s: { aadObjectId: string }) => bot.user(s.aadObjectId, { tenantId: DEMO_TENANT_ID });

describe.each(backends)("caseload questions through the real HTTP endpoint on $name", (backend) => {
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

  it("answers the team lead's question with the interpreted filter, the number and the team's clients", async () => {
    const lead = await db.prisma.staff.findFirstOrThrow({
      where: { aadObjectId: DEMO_STAFF.leadMarieke.aadObjectId },
      include: { team: true },
    });
    const expected = await db.prisma.classification.findMany({
      where: { isLatest: true, finalRung: 1, client: { teamId: lead.teamId!, active: true } },
      include: { client: true },
    });
    const risers = expected.filter((c) => (c.expectedRung ?? 0) > 1);
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("wie op trede 1 gaat naar verwachting stijgen?");
    const text = cardText(r.lastCard());
    expect(text).toContain(`Klanten op trede 1 met verwachte trede hoger dan de huidige, team Noord — ${risers.length} klanten`);
    const shownKeys = text.match(/GR-\d{6}/g) ?? [];
    expect(shownKeys.length).toBe(Math.min(20, risers.length));
    expect(shownKeys.every((k) => risers.some((r) => r.client.externalKey === k))).toBe(true);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "caseload.query", actorId: lead.id },
      orderBy: { id: "desc" },
    });
    // what kind of question, the interpreted filter and which clients were shown; never the typed question
    expect(audit.details).toMatchObject({
      kind: "list",
      source: "question",
      query: { measure: "list" },
      shown: Math.min(20, risers.length),
    });
    expect(audit.details).not.toHaveProperty("question");
    expect(JSON.stringify(audit.details)).not.toContain("stijgen");
    const shownIds = (audit.details as { clientIds: string[] }).clientIds;
    expect(shownIds).toHaveLength(Math.min(20, risers.length));
    expect(shownIds.every((id) => risers.some((r) => r.clientId === id))).toBe(true);
  });

  it("pages long lists with 'Meer', re-scoped to whoever clicks", async () => {
    const admin = as(bot, DEMO_STAFF.admin);
    const first = await admin.say("klanten op trede 1");
    expect(cardText(first.lastCard())).toContain("1–20 van");
    const second = await click(admin, first, "caseload.more");
    expect(cardText(second.lastCard())).toContain("21–40 van");
    // the same card data from a coach only ever shows that coach's clients
    const coach = as(bot, DEMO_STAFF.coachSanne);
    const forged = await coach.submit({
      verb: "caseload.more",
      query: JSON.stringify({ measure: "list", filters: { rungs: [1] } }),
      page: 1,
    });
    expect(cardText(forged.lastCard())).toContain("mijn klanten");
  });

  it("shows the Groningen table as a table with 'onbekend' apart", async () => {
    const r = await as(bot, DEMO_STAFF.admin).say("verdeling huidige en verwachte trede");
    const card = r.lastCard();
    expect(JSON.stringify(card)).toContain('"type":"Table"');
    expect(cardText(card)).toContain("? = verwachte trede onbekend:");
  });

  it("says when it does not understand and offers example questions", async () => {
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("wat is het weer morgen?");
    expect(r.text).toContain("Die vraag begrijp ik niet");
    expect(r.text).toContain("Wie op trede 1 gaat naar verwachting stijgen?");
  });

  it("starts a debrief from a free-text visit note, with the client found by name", async () => {
    const sanne = await db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: DEMO_STAFF.coachSanne.aadObjectId } });
    const client = await db.prisma.client.findFirstOrThrow({
      where: { coachId: sanne.id },
      orderBy: { displayName: "asc" },
    });
    const surname = client.displayName.split(",")[0];
    const r = await as(bot, DEMO_STAFF.coachSanne).say(`Net bij ${surname} geweest, ze doet twee ochtenden vrijwilligerswerk`);
    const card = r.lastCard();
    expect(cardText(card)).toContain("Nieuw verslag");
    const picker = JSON.stringify(card);
    const sameSurname = await db.prisma.client.count({
      where: { coachId: sanne.id, displayName: { startsWith: `${surname},` } },
    });
    if (sameSurname === 1) expect(picker).toContain(`"value":"${client.id}"`);
  });
});

describe.each(backends)("caseload questions with a model on $name", (backend) => {
  let db: TestDatabase;
  let bot: TestBot;
  let fake: FakeOpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    db = await backend.open();
    await seedDemo(db.prisma, { profile: loadLadderProfiles().default, today: TODAY });
    await db.prisma.team.updateMany({ data: { allowNotesToModel: true } });
    bot = await startTestBot(backend, {
      db,
      clock: () => TODAY,
      env: { OPENAI_API_KEY: "test", OPENAI_BASE_URL: fake.url, OPENAI_MODEL: "fake", MODEL_TIMEOUT_MS: "2000" },
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
    await fake?.close();
  });

  it("runs the query the model chose through the same executor", async () => {
    fake.reply({
      toolCall: { name: "run_caseload_query", arguments: { query: { measure: "count", filters: { rungs: [2] } } } },
    });
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("hoe staat het met de tweede trede eigenlijk");
    expect(cardText(r.lastCard())).toMatch(/Aantal: klanten op trede 2, team Noord — \d+ van \d+/);
  });

  it("falls back to the deterministic interpreter when the model returns invalid arguments twice", async () => {
    fake.reply(
      { toolCall: { name: "run_caseload_query", arguments: { query: { measure: "everything" } } } },
      { toolCall: { name: "run_caseload_query", arguments: "{not json" } },
    );
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("wie op trede 1 gaat naar verwachting stijgen?");
    expect(r.text).toContain("taalmodel was niet beschikbaar");
    expect(cardText(r.lastCard())).toContain("Klanten op trede 1 met verwachte trede hoger dan de huidige");
  });

  /** The question as the model received it (masked). */
  const asked = (req: { messages: { role: string; content?: string | null }[] }) =>
    req.messages.filter((m) => m.role === "user").at(-1)?.content ?? "";

  it("executes a model query that composes the new fields: a coach by the placeholder of their name, an age bound, growth potential", async () => {
    let seen = "";
    // the model sees placeholders only, and answers with them in the filters
    fake.fallback((req) => {
      seen = asked(req);
      const coach = seen.match(/\[(?:PERSOON|NAAM)_\d+\]/)?.[0];
      const age = seen.match(/\[GETAL_\d+\]/)?.[0];
      return {
        toolCall: {
          name: "run_caseload_query",
          arguments: {
            query: { measure: "list", filters: { coaches: [coach], ageRange: { min: age }, growthPotential: "ja" } },
          },
        },
      };
    });
    fake.requests.splice(0);
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("welke klanten van Ahmed van 45 jaar en ouder hebben groeipotentieel?");
    expect(seen).not.toContain("Ahmed");
    expect(seen).not.toContain("45");
    const ahmed = await db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: DEMO_STAFF.coachAhmed.aadObjectId } });
    const expected = await db.prisma.client.count({
      where: {
        coachId: ahmed.id,
        active: true,
        closedAt: null,
        erasedAt: null,
        birthYear: { lte: TODAY.getUTCFullYear() - 45 },
        classifications: { some: { isLatest: true, growthPotential: "JA" } },
      },
    });
    const text = cardText(r.lastCard());
    expect(r.text ?? "").not.toContain("taalmodel");
    expect(text).toContain("Ahmed El Idrissi");
    expect(text).toMatch(/45/);
    expect(text.split("\n")[0]).toMatch(new RegExp(`— ${expected} klant`));
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "caseload.query" },
      orderBy: { id: "desc" },
    });
    expect((audit.details as { query: unknown }).query).toEqual({
      measure: "list",
      filters: { coaches: ["Ahmed El Idrissi"], ageRange: { min: 45 }, growthPotential: "ja" },
    });
  });

  it("executes a model's trend query as a line chart over the period", async () => {
    fake.fallback({
      toolCall: {
        name: "run_caseload_query",
        arguments: { query: { measure: "trend", of: "rung", by: "quarter", period: "lastYear" } },
      },
    });
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("hoe heeft de verdeling over de treden zich vorig jaar ontwikkeld?");
    const card = r.lastCard();
    const line = JSON.stringify(card).match(/"type":"Chart\.Line"/);
    expect(line).not.toBeNull();
    expect(cardText(card)).toContain("K4 2025");
  });

  it("says why it answered without the model when the model's reading names a wijk outside the asker's team", async () => {
    fake.reply({
      toolCall: { name: "run_caseload_query", arguments: { query: { measure: "count", filters: { wijken: ["Hoogkerk"], rungs: [1] } } } },
    });
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("hoeveel klanten staan op trede 1?");
    expect(r.text).toContain("Het taalmodel las een wijk, team of coach die ik niet ken of die buiten wat jij mag zien valt");
    expect(r.text).not.toContain("niet beschikbaar");
    expect(cardText(r.lastCard())).toMatch(/Aantal: klanten op trede 1, team Noord — \d+ van \d+/);
    expect(cardText(r.lastCard())).not.toContain("Hoogkerk");
  });

  it("falls back honestly when the model names a coach the asker may not see, or a client as a coach", async () => {
    fake.fallback((req) => ({
      toolCall: {
        name: "run_caseload_query",
        arguments: {
          query: {
            measure: "count",
            filters: { coaches: [asked(req).match(/\[(?:PERSOON|NAAM)_\d+\]/)?.[0] ?? "x"], rungs: [1] },
          },
        },
      },
    }));
    const outside = await as(bot, DEMO_STAFF.leadMarieke).say("hoeveel klanten heeft Pieter op trede 1?");
    expect(outside.text).toContain("valt buiten wat jij mag zien");
    expect(cardText(outside.lastCard())).not.toMatch(/\d+ van \d+/);
    const client = await db.prisma.client.findFirstOrThrow({
      where: { team: { name: "Noord" } },
      orderBy: { externalKey: "asc" },
    });
    const named = await as(bot, DEMO_STAFF.leadMarieke).say(`hoeveel klanten heeft ${client.displayName.split(",")[0]} op trede 1?`);
    // the model's query is not used; the interpreter answers or refuses on its own terms, never with 0 for a client
    expect(named.text + cardText(named.lastCard())).not.toMatch(/Klanten van .* — 0 van/);
  });

  it("falls back to the deterministic path when a new field has a value the schema does not allow", async () => {
    fake.fallback({
      toolCall: {
        name: "run_caseload_query",
        arguments: { query: { measure: "list", filters: { ageBands: ["45-60"], monthsSinceContactAtLeast: 6 } } },
      },
    });
    const r = await as(bot, DEMO_STAFF.leadMarieke).say("wie is al een half jaar niet gezien?");
    expect(r.text).toContain("taalmodel was niet beschikbaar");
    expect(cardText(r.lastCard())).toMatch(/Gesorteerd op laatste contact/);
  });

  it("never sends a client's name or number to the model", async () => {
    const clients = await db.prisma.client.findMany({ take: 5, orderBy: { externalKey: "asc" } });
    fake.fallback({ toolCall: { name: "run_caseload_query", arguments: { query: { measure: "list", filters: {} } } } });
    fake.requests.splice(0);
    for (const c of clients)
      await as(bot, DEMO_STAFF.admin).say(`hoe gaat het met ${c.displayName.split(",")[0]} (${c.externalKey}), BSN 123456782?`);
    fake.fallback({
      toolCall: { name: "prefill_debrief", arguments: { ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" } } },
    });
    const sanne = await db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: DEMO_STAFF.coachSanne.aadObjectId } });
    const own = await db.prisma.client.findFirstOrThrow({ where: { coachId: sanne.id } });
    const note = await as(bot, DEMO_STAFF.coachSanne).say(
      `Net bij mevrouw ${own.displayName.split(",")[0]} geweest (${own.externalKey}), tel 06-12345678, ze doet twee ochtenden vrijwilligerswerk`,
    );
    expect(note.cards.length).toBe(1);
    const sent = JSON.stringify(fake.requests);
    expect(fake.requests.length).toBeGreaterThanOrEqual(6);
    for (const c of [...clients, own]) {
      expect(sent).not.toContain(c.externalKey);
      expect(sent).not.toContain(c.displayName.split(",")[0]);
    }
    expect(sent).not.toContain("123456782");
    expect(sent).not.toContain("12345678");
    expect(sent).not.toContain("Sanne");
  });
});

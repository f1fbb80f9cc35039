// The debrief prefill follows the team's ladder profile: the model is told and offered only the questions,
// values and rungs of that profile (prompt and tool schema), and an answer with a value from another
// profile is refused, so nothing of it reaches the coach's cards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { backends } from "../support/databases.ts";
import { cardText, startTestBot, type Exchange, type TestBot, type TestUser } from "../support/bot-harness.ts";
import { click, inputs } from "../support/cards.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");
const ladders = loadLadderProfiles();

const cases = [
  {
    profile: "participatieladder-6",
    firstQuestion: /betaald werk/i,
    valid: { ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" }, expectedRung: 4 },
    // rung 7 and the 7-rung ladder's question exist, but not on this team's ladder
    foreign: [{ expectedRung: 7 }, { ladder: { werk: "nee" } }],
  },
  {
    profile: "ontwikkelladder-7",
    firstQuestion: /werkt de klant betaald/i,
    valid: { ladder: { werk: "nee", actief: "structureel" }, expectedRung: 7 },
    foreign: [{ ladder: { betaaldWerk: "nee" } }, { ladder: { werk: "ja" } }],
  },
];

describe.each(backends)("the debrief prefill per ladder profile on $name", (backend) => {
  let bot: TestBot;
  let fake: FakeOpenAI;
  const teams = new Map<string, { teamId: string; coachId: string; aadObjectId: string }>();
  const coaches = new Map<string, TestUser>();

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    const db = await backend.open();
    for (const { profile } of cases) {
      const staff = await createTeamWithStaff(db.prisma, `Team ${profile}`);
      await db.prisma.team.update({
        where: { id: staff.team.id },
        data: { allowNotesToModel: true, ladderProfileId: profile },
      });
      teams.set(profile, { teamId: staff.team.id, coachId: staff.coach.id, aadObjectId: staff.coach.aadObjectId });
    }
    bot = await startTestBot(backend, {
      db,
      clock: () => TODAY,
      env: { OPENAI_API_KEY: "test", OPENAI_BASE_URL: fake.url, OPENAI_MODEL: "fake", MODEL_TIMEOUT_MS: "10000" },
    });
    for (const [profile, t] of teams) coaches.set(profile, bot.user(t.aadObjectId));
  }, 300_000);
  afterAll(async () => {
    await bot?.stop();
    await bot?.db.close();
    await fake?.close();
  });

  let clients = 0;
  async function firstQuestion(profile: string, note: string): Promise<Exchange> {
    const { teamId, coachId } = teams.get(profile)!;
    const coach = coaches.get(profile)!;
    const n = ++clients;
    const clientId = (
      await bot.db.prisma.client.create({
        data: { externalKey: `K-80${n}`, displayName: `Klant ${n}`, birthYear: 1980, wijk: "Selwerd", teamId, coachId },
      })
    ).id;
    let first = await coach.say(note);
    if (first.lastCard()?.actions?.some((a: any) => a.data?.verb === "debrief.restart"))
      first = await click(coach, first, "debrief.restart");
    expect(cardText(first.lastCard())).toContain("Nieuw verslag");
    return click(coach, first, "debrief.next", { clientId, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
  }
  /** the situation card's default for the ladder's first question (the stroomschema's questions are on one card) */
  const defaultAnswer = (ex: Exchange, profile: string) =>
    inputs(ex.lastCard()).find((i) => i.id === `ladder_${ladders.get(profile).questions[0].id}`)?.value;

  it.each(cases)(
    "$profile: the model is offered that ladder's questions and rungs, and its valid prefill is the card's default",
    async ({ profile, firstQuestion: question, valid }) => {
      const ladder = ladders.get(profile);
      fake.requests.splice(0);
      fake.reply({ toolCall: { name: "prefill_debrief", arguments: valid } });
      const card = await firstQuestion(profile, "Net op huisbezoek geweest, gaat goed.");
      expect(fake.requests).toHaveLength(1);
      const tool = fake.requests[0].tools!.find((t) => t.function.name === "prefill_debrief")!;
      const parameters = tool.function.parameters as any;
      expect(Object.keys(parameters.properties.ladder.properties).sort()).toEqual(ladder.questions.map((q) => q.id).sort());
      expect(parameters.properties.expectedRung.anyOf[0].maximum).toBe(Math.max(...ladder.rungs.map((r) => r.rung)));
      const prompt = JSON.stringify(fake.requests[0].messages);
      for (const q of ladder.questions) expect(prompt).toContain(`- ${q.id}`);
      expect(cardText(card.lastCard())).toMatch(question);
      expect(defaultAnswer(card, profile)).toBe("nee");
    },
    120_000,
  );

  it.each(cases)(
    "$profile: a prefill with another ladder's questions or rungs is refused and reaches no card",
    async ({ profile, firstQuestion: question, foreign }) => {
      fake.requests.splice(0);
      const logsBefore = bot.logs.length;
      fake.reply(...foreign.map((args) => ({ toolCall: { name: "prefill_debrief", arguments: args } })));
      const card = await firstQuestion(profile, "Net op huisbezoek geweest.");
      expect(fake.requests).toHaveLength(2); // the answer and its one retry, both refused
      expect(bot.logs.slice(logsBefore).some((l) => l.event === "model.fallback" && l.reason === "invalid_arguments")).toBe(true);
      expect(cardText(card.lastCard())).toMatch(question);
      expect(["", undefined]).toContain(defaultAnswer(card, profile));
    },
    120_000,
  );
});

// Proof on data nobody planted: faker-generated notes and questions full of personal data go through the
// real HTTP endpoint (a few hundred turns, with the fake model server recording every request) and, in
// bulk (10,000+), through the very gate instance that HTTP path uses (`trede.model.prepare`, which `ask`
// calls for every model request). No generated identifier may appear in anything that would leave, in
// any spelling; a team with notes-to-model off sends nothing at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/access/actor.ts";
import { loadLadderProfiles } from "../../src/config/ladder-profiles.ts";
import { DEMO_STAFF, DEMO_TENANT_ID } from "../../src/storage/seed/demo-staff.ts";
import { seedDemo } from "../../src/storage/seed/seed-demo.ts";
import { startTestBot, type TestBot } from "../support/bot-harness.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { startFakeOpenAI, type ChatRequest, type FakeOpenAI } from "../support/fake-openai.ts";
import { createGenerator, findLeaks, isValidBsn, generateBsn, type GeneratedText } from "../support/personal-data.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");
const HTTP_TURNS_PER_TEAM = 100;
const BULK_TEXTS = 10_000;
const pglite = backends[0];

/** Everything a request carried except the fixed system prompt from prompts/. */
function sentText(requests: ChatRequest[]): string[] {
  return requests.flatMap((r) =>
    r.messages.filter((m) => m.role !== "system").map((m) => `${m.content ?? ""} ${JSON.stringify(m.tool_calls ?? "")}`),
  );
}

async function inPool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

describe("no personal data reaches a model (faker data, real HTTP endpoint, recording model server)", () => {
  let db: TestDatabase;
  let bot: TestBot;
  let fake: FakeOpenAI;
  let knownNames: string[];

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    // a valid action for whichever prompt asked: the model path must succeed for requests to be worth checking
    fake.fallback((req) =>
      req.tools?.some((t) => t.function.name === "prefill_debrief")
        ? { toolCall: { name: "prefill_debrief", arguments: { ladder: { betaaldWerk: "nee" } } } }
        : { toolCall: { name: "run_caseload_query", arguments: { query: { measure: "count", filters: {} } } } },
    );
    db = await pglite.open();
    await seedDemo(db.prisma, { profile: loadLadderProfiles().default, today: TODAY });
    await db.prisma.team.update({ where: { name: "Noord" }, data: { allowNotesToModel: true } });
    await db.prisma.team.update({ where: { name: "Zuid-West" }, data: { allowNotesToModel: false } });
    bot = await startTestBot(pglite, {
      db,
      clock: () => TODAY,
      env: { OPENAI_API_KEY: "test", OPENAI_BASE_URL: fake.url, OPENAI_MODEL: "fake", MODEL_TIMEOUT_MS: "10000" },
    });
    const [clients, staff] = await Promise.all([
      db.prisma.client.findMany({ select: { displayName: true } }),
      db.prisma.staff.findMany({ select: { displayName: true, roles: true } }),
    ]);
    // the administrator account ("Beheer Trede") is a role, not a person's name
    knownNames = [...clients.map((c) => c.displayName), ...staff.filter((s) => !s.roles.includes("ADMIN")).map((s) => s.displayName)];
  }, 300_000);
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
    await fake?.close();
  });

  it("generates BSNs that pass the 11-proef", () => {
    const f = createGenerator(1, { names: ["Jansen, A."] }).faker;
    const bsns = Array.from({ length: 200 }, () => generateBsn(f));
    expect(bsns.every(isValidBsn)).toBe(true);
    expect(isValidBsn("123456782")).toBe(true);
    expect(isValidBsn("123456781")).toBe(false);
  });

  it("over HTTP: a team with notes-to-model off sends nothing; a team with it on sends only masked text", async () => {
    const started = Date.now();
    const generator = createGenerator(20261122, { names: knownNames });
    const say = async (person: { aadObjectId: string }, text: GeneratedText, i: number) => {
      const r = await bot
        .user(person.aadObjectId, { tenantId: DEMO_TENANT_ID, conversationId: `personal-${person.aadObjectId}-${i}` })
        .say(text.text);
      expect(r.status).toBe(200);
      // every turn is answered on the deterministic or the model path: a card or a sentence
      expect(r.cards.length + r.text.length).toBeGreaterThan(0);
    };

    const off = [DEMO_STAFF.coachPieter, DEMO_STAFF.coachFatma, DEMO_STAFF.coachJoost];
    const offTexts = Array.from({ length: HTTP_TURNS_PER_TEAM }, () => generator.next());
    await inPool(offTexts, 4, (text, i) => say(off[i % off.length], text, i));
    expect(fake.requests).toHaveLength(0);

    const on = [DEMO_STAFF.coachSanne, DEMO_STAFF.coachAhmed, DEMO_STAFF.coachLotte, DEMO_STAFF.leadMarieke];
    const onTexts = Array.from({ length: HTTP_TURNS_PER_TEAM }, () => generator.next());
    await inPool(onTexts, 4, (text, i) => say(on[i % on.length], text, 1_000 + i));
    await bot.trede.idle();
    // every text of the team that allows it went to a model (notes as prefill, questions as queries) ...
    expect(fake.requests.length).toBeGreaterThanOrEqual(onTexts.length);
    expect(fake.requests.some((r) => r.tools?.some((t) => t.function.name === "prefill_debrief"))).toBe(true);
    expect(fake.requests.some((r) => r.tools?.some((t) => t.function.name === "run_caseload_query"))).toBe(true);
    // ... and none of their identifiers, in any spelling
    const identifiers = onTexts.flatMap((t) => t.identifiers);
    expect(findLeaks(sentText(fake.requests), identifiers)).toEqual([]);
    console.log(
      `HTTP: ${offTexts.length + onTexts.length} turns in ${Date.now() - started} ms, ${fake.requests.length} model requests recorded, ${identifiers.length} identifiers checked, none found`,
    );
  }, 300_000);

  it(`in bulk: ${BULK_TEXTS.toLocaleString("en")} generated texts through the same gate leak no identifier`, async () => {
    const gate = bot.trede.model!;
    expect(gate).toBeDefined();
    const actors = await Promise.all(
      [DEMO_STAFF.coachSanne, DEMO_STAFF.leadMarieke, DEMO_STAFF.coachPieter, DEMO_STAFF.admin].map(async (s) => {
        const row = await db.prisma.staff.findFirstOrThrow({ where: { aadObjectId: s.aadObjectId } });
        return {
          staffId: row.id,
          tenantId: row.tenantId,
          aadObjectId: row.aadObjectId,
          displayName: row.displayName,
          roles: row.roles,
          teamId: row.teamId,
        } satisfies Actor;
      }),
    );
    const generator = createGenerator(1979, { names: knownNames });
    const started = Date.now();
    let tried = 0;
    let sentCount = 0;
    let refused = 0;
    const leaks: string[] = [];
    // generated up front, in order, so that a failure can be reproduced from the seed
    const texts = Array.from({ length: BULK_TEXTS }, () => generator.next());
    await inPool(texts, 8, async (text, i) => {
      const actor = actors[i % actors.length];
      const prepared = await gate.prepare(actor, {
        purpose: text.form === "note" ? "debrief-prefill" : "caseload-query",
        text: text.text,
      });
      tried += text.identifiers.length;
      if (!prepared.allowed) {
        refused++;
        // Zuid-West is off; the administrator spans every team, so the one team that is off keeps them out too
        expect(actor.teamId === null || actor.displayName === DEMO_STAFF.coachPieter.displayName).toBe(true);
        return;
      }
      sentCount++;
      const found = findLeaks([prepared.input], text.identifiers);
      if (found.length) leaks.push(`${found.join(", ")} in ${JSON.stringify(prepared.input)}`);
      // the asker gets the exact text back
      expect(prepared.masker.restore(prepared.input)).toBe(text.text);
    });
    console.log(
      `bulk: ${BULK_TEXTS} texts in ${Date.now() - started} ms, ${tried} identifiers tried, ${sentCount} would be sent (masked), ${refused} kept away by team settings, ${leaks.length} leaks`,
    );
    expect(leaks.slice(0, 20)).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(BULK_TEXTS);
    expect(refused).toBe(BULK_TEXTS / 2);
  }, 300_000);
});

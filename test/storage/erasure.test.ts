// `trede client erase` leaves no name, client number or free text of the person anywhere in the database,
// while counts and aggregate history stay; the audit trail holds ids, never typed text, and a client's
// export shows the caseload answers that listed it. Everything is planted through the real HTTP endpoint.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportClient } from "../../src/storage/admin/data-subject.ts";
import { createStore } from "../../src/storage/store.ts";
import { eraseClient } from "../../src/use-cases/erase-client.ts";
import { verifyAuditChain } from "../../src/storage/audit/verify-audit-chain.ts";
import { backends } from "../support/databases.ts";
import { startTestBot, type TestBot, type TestUser } from "../support/bot-harness.ts";
import { sortedNameLabel } from "../../src/domain/clients/dutch-name.ts";
import { click, findAction } from "../support/cards.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");
/** Letters only, so nothing in the database can contain it by chance. */
const tag = () => Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join("");

/** Every row of every table in the schema, as text. */
async function dumpRows(bot: TestBot): Promise<string> {
  const tables = await bot.db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name::text AS "name" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  let out = "";
  for (const { name } of tables) {
    const rows = await bot.db.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS "row" FROM "${name.replace(/"/g, '""')}" t`);
    out += `${name}\n${rows.map((r) => r.row).join("\n")}\n`;
  }
  return out;
}

describe.each(backends)("erasure leaves nothing of the person on $name", (backend) => {
  let bot: TestBot;
  let staff: Awaited<ReturnType<typeof createTeamWithStaff>>;
  let coach: TestUser, supervisor: TestUser, lead: TestUser;
  let clientId: string;
  const surname = `Oosterhuis-${tag()}`;
  const person = {
    name: `Wilhelmina ${tag()} ${surname}`,
    number: `GR-${Date.now() % 1_000_000}${randomBytes(2).readUInt16BE()}`,
    note: `woont ${tag()}straat 12a en heeft PTSS`,
    bsn: "123456782",
    overrideReason: `Volgt een ${tag()} taalcursus`,
    reviewNote: `Welke cursus bij ${tag()} precies?`,
    question: `hoe gaat het met ${tag()} en haar schulden`,
  };

  beforeAll(async () => {
    bot = await startTestBot(backend, { clock: () => TODAY });
    staff = await createTeamWithStaff(bot.db.prisma, "Noord");
    clientId = (
      await bot.db.prisma.client.create({
        data: {
          externalKey: person.number,
          displayName: person.name,
          birthYear: 1979,
          wijk: "Beijum",
          teamId: staff.team.id,
          coachId: staff.coach.id,
        },
      })
    ).id;
    coach = bot.user(staff.coach.aadObjectId);
    supervisor = bot.user(staff.supervisor.aadObjectId);
    lead = bot.user(staff.lead.aadObjectId);
    for (const u of [coach, supervisor, lead]) await u.say("hulp");
  }, 240_000);
  afterAll(async () => bot?.stop());

  it("plants the person everywhere, erases, and a dump of the database holds none of it", async () => {
    // a debrief started from a visit note that names the client, with an override and its typed reason
    let ex = await coach.say(`Huisbezoek bij ${person.name} (${person.number}), BSN ${person.bsn}, ${person.note}`);
    ex = await click(coach, ex, "debrief.next", { clientId, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" });
    // the situation card (the stroomschema's questions together), then the verdieping of a first debrief
    ex = await click(coach, ex, "debrief.next", {
      ladder_betaaldWerk: "nee",
      ladder_onbetaaldWerk: "nee",
      ladder_georganiseerd: "wekelijks",
    });
    ex = await click(coach, ex, "debrief.next", { startkwalificatie: "nee", ontheffingArbeidsplicht: "nee" });
    const proposal = {
      nextStep: "3.1",
      expectedRung: "5",
      horizonMonths: "12",
      growthPotential: "ja",
      outcome: "participatieondersteuning",
    };
    // a rung the proposal did not give: the coach's typed reason is stored and the override waits for review
    const done = await click(coach, ex, "debrief.override", {
      ...proposal,
      rung: "4.1",
      reason: person.overrideReason,
    });
    expect(done.text).toContain("Ter beoordeling gestuurd");
    // the team lead's caseload answer lists the client; a question with personal data is not understood
    const listed = await lead.say("klanten op trede 4");
    expect(JSON.stringify(listed.cards)).toContain(person.name);
    await lead.say(`${person.question}, BSN ${person.bsn}?`);
    // a coach left with a client picker that shows the name
    expect(JSON.stringify((await coach.say("verslag")).cards)).toContain(sortedNameLabel(person.name)); // "Surname, First"
    // the supervisor sends it back with a typed note
    await bot.trede.idle();
    const request = bot.connector.sent
      .filter((s) => s.conversationId === supervisor.conversationId && s.activity.attachments?.length)
      .at(-1)!;
    const card = request.activity.attachments[0].content;
    const returned = await supervisor.execute("review.return", {
      ...findAction(card, "review.return").data,
      returnNote: person.reviewNote,
    });
    expect(returned.status).toBe(200);
    await bot.trede.idle();

    const before = await dumpRows(bot);
    for (const planted of [person.name, person.number, person.overrideReason, person.reviewNote])
      expect(before.toLowerCase()).toContain(planted.toLowerCase());
    // the audit trail never held typed text, before any erasure
    const audit = JSON.stringify(await bot.db.prisma.auditEvent.findMany(), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    ).toLowerCase();
    for (const text of [person.name, person.number, person.bsn, person.note, person.overrideReason, person.reviewNote, person.question])
      expect(audit).not.toContain(text.toLowerCase());
    // the export shows the caseload answer that listed the client
    const exported = await exportClient(bot.db.prisma, { externalKey: person.number, operator: "fg" });
    expect(exported.audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["classification.confirmed", "caseload.query", "review.returned"]),
    );
    expect(exported.audit.find((e: { action: string }) => e.action === "caseload.query").details).toMatchObject({
      kind: "list",
      clientIds: [clientId],
      otherClientsShown: 0,
    });
    const classifications = await bot.db.prisma.classification.count({ where: { clientId } });

    // the dossier was closed long ago (closed clients drop out of caseload answers, so only now)
    await bot.db.prisma.client.update({ where: { id: clientId }, data: { closedAt: new Date("2014-01-01") } });
    expect(await eraseClient(createStore(bot.db), { name: "fg" }, { externalKey: person.number, now: TODAY, force: true })).toEqual({
      outcome: "erased",
    });

    let dump = await dumpRows(bot);
    if (backend.name === "postgres")
      dump += execFileSync("pg_dump", ["--no-owner", bot.db.url], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const lower = dump.toLowerCase();
    const planted = [
      person.name,
      surname,
      person.number,
      person.note,
      person.overrideReason,
      person.reviewNote,
      person.question,
      person.bsn,
    ];
    expect(planted.filter((p) => lower.includes(p.toLowerCase()))).toEqual([]);
    // aggregate history stays: the classifications with their rungs, without the person
    expect(await bot.db.prisma.classification.count({ where: { clientId } })).toBe(classifications);
    expect(await bot.db.prisma.classification.findFirst({ where: { clientId }, orderBy: { version: "desc" } })).toMatchObject({
      finalRung: 4,
      overrideReason: null,
      reviewNote: null,
      answers: {},
    });
    expect(await verifyAuditChain(bot.db.prisma)).toMatchObject({ ok: true });
    // the coach's conversation goes on after its state about the client was removed
    expect((await coach.say("verslag")).cards.length).toBeGreaterThan(0);
  }, 600_000);
});

// Every verb and invoke the bot registers, as every role of two teams (and someone unregistered), with
// ids of clients inside and outside their scope: nothing outside scope is ever shown, and whatever
// client is shown was recorded as read. The list of routes comes from the running bot, so a new verb
// without a row here fails the coverage test.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/access/actor.ts";
import type { RegisteredRoute } from "../../src/bot/routes.ts";
import { auditTrailForClient } from "../../src/storage/admin/data-subject.ts";
import { confirmClassification } from "../../src/storage/debrief/debrief.repository.ts";
import { decideReview } from "../../src/storage/review/review.repository.ts";
import { findActor } from "../../src/storage/staff.repository.ts";
import { backends } from "../support/databases.ts";
import { startTestBot, TEST_TENANT, type Exchange, type TestBot, type TestUser, type UserOptions } from "../support/bot-harness.ts";
import { createTeamWithStaff } from "../support/fixtures.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");

interface Target {
  label: string;
  clientId: string;
  name: string;
  key: string;
  /** a classification waiting for review (may be decided while the table runs) */
  pendingId: string;
  /** a rejected classification, which its coach may reopen */
  rejectedId: string;
}

interface Probe {
  /** "submit:debrief.next", "execute:review.refresh", ...; message probes are matched to their route by text */
  route?: string;
  text?: string;
  /** runs once per target client when the verb names a client */
  targeted?: boolean;
  run(user: TestUser, target: Target): Promise<Exchange[]>;
}

/** The draft a fresh debrief starts; later submits need its id and step number. */
async function freshDraft(user: TestUser): Promise<{ exchange: Exchange; draftId: string; seq: number }> {
  const exchange = await user.submit({ verb: "debrief.restart" });
  const action = (exchange.lastCard()?.actions ?? []).find((a: any) => a.data?.draftId);
  return { exchange, draftId: action?.data.draftId ?? randomUUID(), seq: action?.data.seq ?? 0 };
}

const say = (text: string): Probe => ({ text, run: async (u) => [await u.say(text)] });
const submit = (verb: string, data: (t: Target) => Record<string, unknown> = () => ({}), targeted = false): Probe => ({
  route: `submit:${verb}`,
  targeted,
  run: async (u, t) => [await u.submit({ verb, ...data(t) })],
});
const onDraft = (verb: string, data: (t: Target) => Record<string, unknown> = () => ({}), targeted = false): Probe => ({
  route: `submit:${verb}`,
  targeted,
  run: async (u, t) => {
    const draft = await freshDraft(u);
    return [draft.exchange, await u.submit({ verb, draftId: draft.draftId, seq: draft.seq, ...data(t) }, draft.exchange.lastActivityId())];
  },
});
const execute = (verb: string, data: (t: Target) => Record<string, unknown>): Probe => ({
  route: `execute:${verb}`,
  targeted: true,
  run: async (u, t) => [await u.execute(verb, data(t), { trigger: "manual" })],
});

/** Where a file consent's upload lands (the loopback connector), and what landed there: set once the bot runs. */
const uploads = { url: "", files: [] as { body: Buffer }[] };
const LIST = JSON.stringify({ measure: "list", filters: {} });

/** "Exporteer CSV" accepted in Teams: the file's content counts as shown to the person who accepted. */
const acceptExport: Probe = {
  route: "invoke:fileConsent/invoke",
  run: async (u) => {
    const before = uploads.files.length;
    const uploadInfo = {
      name: "x.csv",
      uploadUrl: `${uploads.url}/upload/probe`,
      contentUrl: "https://contoso.sharepoint.com/x.csv",
      uniqueId: "probe",
    };
    const e = await u.raw({
      type: "invoke",
      name: "fileConsent/invoke",
      value: { type: "fileUpload", action: "accept", context: { query: LIST, locale: "nl" }, uploadInfo },
    });
    const files = uploads.files.slice(before).map((f) => ({
      conversationId: u.conversationId,
      op: "send" as const,
      id: "upload",
      activity: { file: f.body.toString("utf8") },
    }));
    return [{ ...e, replies: [...e.replies, ...files] }];
  },
};

const PROBES: Probe[] = [
  {
    route: "install:install",
    run: async (u) => [
      await u.raw({
        type: "conversationUpdate",
        membersAdded: [{ id: "28:trede-bot" }, { id: `29:${u.aadObjectId}` }],
      }),
    ],
  },
  say("hulp"),
  say("english"),
  say("nederlands"),
  say("verslag"),
  say("verslag noord"),
  say("beoordelen"),
  // free text: a caseload question, and a visit note that starts a debrief
  say("welke klanten zijn langer dan 12 maanden niet gesproken?"),
  say("klanten op trede 3"),
  say("net bij Noordhuis en Zuidema geweest, huisbezoek gedaan"),
  submit("help"),
  submit("debrief.start"),
  // the nudge's button names the client to debrief
  submit("debrief.start", (t) => ({ clientId: t.clientId }), true),
  submit("debrief.resume"),
  submit("debrief.restart"),
  onDraft("debrief.next", (t) => ({ clientId: t.clientId, date: "2026-11-21", kind: "HUISBEZOEK", reached: "ja" }), true),
  onDraft("debrief.back"),
  onDraft("debrief.cancel"),
  onDraft("debrief.confirm"),
  onDraft("debrief.override", () => ({ rung: "3", substep: "1", reason: "proef" })),
  submit("debrief.reopen", (t) => ({ classificationId: t.rejectedId }), true),
  submit("review.list"),
  submit("review.open", (t) => ({ classificationId: t.pendingId }), true),
  submit("caseload.more", () => ({ query: JSON.stringify({ measure: "list", filters: {} }), page: 0 })),
  submit("caseload.more", () => ({ query: JSON.stringify({ measure: "pendingReviews", filters: {} }), page: 0 })),
  submit("caseload.export", () => ({ query: LIST })),
  acceptExport,
  submit("caseload.ask", () => ({ question: "klanten op trede 3" })),
  submit("caseload.ask", () => ({ query: JSON.stringify({ measure: "list", filters: {} }), question: "" })),
  say("meldingen uit"),
  say("meldingen aan"),
  execute("review.refresh", (t) => ({ classificationId: t.pendingId })),
  execute("review.approve", (t) => ({ classificationId: t.pendingId })),
  execute("review.reject", (t) => ({ classificationId: t.pendingId, rejectNote: "Nog niet wekelijks" })),
  execute("review.return", (t) => ({ classificationId: t.pendingId, returnNote: "Welke cursus?" })),
  {
    route: "execute:*",
    targeted: true,
    run: async (u, t) => [await u.execute("client.peek", { classificationId: t.pendingId, clientId: t.clientId })],
  },
  submit("*", (t) => ({ verb: "client.peek", clientId: t.clientId, classificationId: t.pendingId }), true),
];

function routeKey(route: RegisteredRoute): string {
  return `${route.kind}:${route.name}`;
}

/** The message route that answers this text: the first pattern that matches, in registration order, or the catch-all. */
function messageRouteFor(routes: readonly RegisteredRoute[], text: string): string {
  const hit = routes.find((r) => r.kind === "message" && r.pattern?.test(text));
  return hit ? routeKey(hit) : "message:*";
}

const ROLES = [
  "coach Noord",
  "supervisor Noord",
  "team lead Noord",
  "coach Zuid",
  "supervisor Zuid",
  "team lead Zuid",
  "admin",
  "unregistered",
] as const;
type RoleLabel = (typeof ROLES)[number];

describe.each(backends)("reading client data: scope and audit of every route on $name", (backend) => {
  let bot: TestBot;
  let targets: Target[];
  let roles: { label: RoleLabel; aadObjectId: string; staffId: string | null; sees: Set<string> }[];
  const role = (label: RoleLabel) => roles.find((r) => r.label === label)!;

  beforeAll(async () => {
    bot = await startTestBot(backend, { clock: () => TODAY });
    uploads.url = bot.connector.url;
    uploads.files = bot.connector.uploads;
    const prisma = bot.db.prisma;
    const noord = await createTeamWithStaff(prisma, "Noord");
    const zuid = await createTeamWithStaff(prisma, "Zuid");
    const otherCoach = await prisma.staff.create({
      data: {
        tenantId: TEST_TENANT,
        aadObjectId: "coach-Noord-2",
        displayName: "Tweede Coach Noord",
        roles: ["COACH"],
        teamId: noord.team.id,
      },
    });
    const admin = await prisma.staff.create({
      data: { tenantId: TEST_TENANT, aadObjectId: "admin-1", displayName: "Beheerder", roles: ["ADMIN"] },
    });
    const actor = async (aadObjectId: string) => (await findActor(bot.db.sql, { tenantId: TEST_TENANT, aadObjectId }))!;

    async function client(input: {
      label: string;
      name: string;
      key: string;
      teamId: string;
      coach: { id: string; aadObjectId: string };
      supervisor: string;
    }): Promise<Target> {
      const c = await prisma.client.create({
        data: {
          externalKey: input.key,
          displayName: input.name,
          birthYear: 1980,
          wijk: "Centrum",
          teamId: input.teamId,
          coachId: input.coach.id,
        },
      });
      const coach = await actor(input.coach.aadObjectId);
      const classify = () => overridden(coach, c.id);
      const rejected = await classify();
      const decided = await decideReview(prisma, {
        actor: await actor(input.supervisor),
        classificationId: rejected,
        decision: "reject",
        note: "Nog niet wekelijks",
        now: TODAY,
      });
      expect(decided.outcome).toBe("decided");
      const pending = await classify();
      return {
        label: input.label,
        clientId: c.id,
        name: input.name,
        key: input.key,
        pendingId: pending,
        rejectedId: rejected,
      };
    }
    async function overridden(coach: Actor, clientId: string): Promise<string> {
      const r = await confirmClassification(prisma, {
        actor: coach,
        clientId,
        idempotencyKey: randomUUID(),
        contact: { date: new Date("2026-11-20"), kind: "HUISBEZOEK", outcome: null, nextContactDate: null },
        profile: { id: "participatieladder-6", version: 1 },
        answers: { ladder: { betaaldWerk: "nee", onbetaaldWerk: "wekelijks" } },
        proposed: { rung: 4, substep: null, rung5Reasons: [] },
        final: { rung: 3, substep: 1, overrideReason: "Taalcursus" },
        expected: { rung: 4, horizonMonths: 12, growthPotential: "JA" },
        ontheffing: false,
        verdieping: {},
        domainScores: {},
      });
      expect(r.status).toBe("PENDING_REVIEW");
      return r.id;
    }
    const nA = await client({
      label: "Noord, own coach",
      name: "Noordhuis, Anna",
      key: "K-NA-1001",
      teamId: noord.team.id,
      coach: noord.coach,
      supervisor: noord.supervisor.aadObjectId,
    });
    const nB = await client({
      label: "Noord, other coach",
      name: "Noorderveld, Bram",
      key: "K-NB-1002",
      teamId: noord.team.id,
      coach: otherCoach,
      supervisor: noord.supervisor.aadObjectId,
    });
    const zA = await client({
      label: "Zuid",
      name: "Zuidema, Zoe",
      key: "K-ZA-2001",
      teamId: zuid.team.id,
      coach: zuid.coach,
      supervisor: zuid.supervisor.aadObjectId,
    });
    const gone = await client({
      label: "erased",
      name: "Gewist, Greet",
      key: "K-GW-1003",
      teamId: noord.team.id,
      coach: noord.coach,
      supervisor: noord.supervisor.aadObjectId,
    });
    // erased after the retention period; the name stays here only so a leak would be visible
    await prisma.client.update({ where: { id: gone.clientId }, data: { erasedAt: TODAY } });
    targets = [nA, nB, zA, gone];

    const ids = (...ts: Target[]) => new Set(ts.map((t) => t.clientId));
    roles = [
      { label: "coach Noord" as const, aadObjectId: noord.coach.aadObjectId, staffId: noord.coach.id, sees: ids(nA) },
      {
        label: "supervisor Noord",
        aadObjectId: noord.supervisor.aadObjectId,
        staffId: noord.supervisor.id,
        sees: ids(nA, nB),
      },
      { label: "team lead Noord", aadObjectId: noord.lead.aadObjectId, staffId: noord.lead.id, sees: ids(nA, nB) },
      { label: "coach Zuid", aadObjectId: zuid.coach.aadObjectId, staffId: zuid.coach.id, sees: ids(zA) },
      {
        label: "supervisor Zuid",
        aadObjectId: zuid.supervisor.aadObjectId,
        staffId: zuid.supervisor.id,
        sees: ids(zA),
      },
      { label: "team lead Zuid", aadObjectId: zuid.lead.aadObjectId, staffId: zuid.lead.id, sees: ids(zA) },
      { label: "admin", aadObjectId: admin.aadObjectId, staffId: admin.id, sees: ids(nA, nB, zA) },
      { label: "unregistered", aadObjectId: "stranger-1", staffId: null, sees: ids() },
    ];
    // everyone has opened their chat with Trede (so review requests reach them)
    for (const r of roles) await bot.user(r.aadObjectId).say("hulp");
  });
  afterAll(async () => bot?.stop());

  it("the table covers exactly the routes the bot registers", () => {
    const registered = new Set(bot.trede.routes.map(routeKey));
    const covered = new Set(PROBES.map((p) => p.route ?? messageRouteFor(bot.trede.routes, p.text!)));
    expect([...covered].sort()).toEqual([...registered].sort());
    // every route that can show client data is behind the personal-chat check
    const withClientData = bot.trede.routes.filter((r) => r.clientData).map(routeKey);
    expect(withClientData).toEqual(
      expect.arrayContaining([
        "execute:review.refresh",
        "submit:review.open",
        "submit:caseload.more",
        "submit:caseload.export",
        "invoke:fileConsent/invoke",
        "message:*",
      ]),
    );
  });

  it("lists only the clients in scope in 'beoordelen' and records which ones it showed", async () => {
    const [nA, nB, zA, gone] = targets;
    const lead = bot.user(role("team lead Noord").aadObjectId);
    const r = await lead.say("beoordelen");
    const shown = shownTo(lead, [r]);
    expect(shown).toContain(nA.name);
    expect(shown).toContain(nB.name);
    expect(shown).not.toContain(zA.name);
    expect(shown).not.toContain(gone.name);
    const read = await bot.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "client.read", actorId: role("team lead Noord").staffId! },
      orderBy: { id: "desc" },
    });
    expect(read.details).toEqual({
      via: "review.list",
      clientIds: expect.arrayContaining([nA.clientId, nB.clientId]),
      count: 2,
    });
  });

  /** What reached this person: replies in their chat and the invoke response, as raw JSON (card data included). */
  function shownTo(user: TestUser, exchanges: Exchange[]): string {
    return exchanges
      .map((e) =>
        JSON.stringify([e.replies.filter((r) => r.conversationId === user.conversationId).map((r) => r.activity), e.body ?? null]),
      )
      .join("\n");
  }
  const showsClient = (shown: string, t: Target) => shown.includes(t.name) || shown.includes(t.key);

  // one test per role, so a slow machine stretches each of them rather than one long one
  it.each(ROLES)(
    "as %s: shows no client outside scope on any route, and records every client it shows",
    async (label) => {
      const prisma = bot.db.prisma;
      const me = role(label);
      const user = bot.user(me.aadObjectId);
      const problems: string[] = [];
      let inScopeShown = 0;
      let last = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
      for (const probe of PROBES) {
        const route = probe.route ?? `message: "${probe.text}"`;
        for (const target of probe.targeted ? targets : [targets[0]]) {
          const where = `${route}${probe.targeted ? ` · ${target.label}` : ""}`;
          const exchanges = await probe.run(user, target);
          await bot.trede.idle();
          for (const e of exchanges) if (e.status >= 500) problems.push(`${where}: HTTP ${e.status}`);
          const shown = shownTo(user, exchanges);
          const events = await prisma.auditEvent.findMany({ where: { id: { gt: last } }, orderBy: { id: "asc" } });
          last = events.at(-1)?.id ?? last;
          const mine = events.filter((e) => me.staffId !== null && e.actorId === me.staffId);
          for (const t of targets) {
            if (!showsClient(shown, t)) continue;
            if (!me.sees.has(t.clientId)) {
              problems.push(`${where}: showed ${t.label} (out of scope)`);
              continue;
            }
            inScopeShown++;
            const recorded = mine.some(
              (e) => e.clientId === t.clientId || ((e.details as { clientIds?: string[] }).clientIds ?? []).includes(t.clientId),
            );
            if (!recorded) problems.push(`${where}: showed ${t.label} without recording the read`);
          }
          for (const e of events.filter((e) => e.action === "client.read")) {
            const details = JSON.stringify(e.details);
            if (targets.some((t) => details.includes(t.name) || details.includes(t.key)))
              problems.push(`${where}: a name in the audit details`);
          }
          if (probe.targeted && me.staffId && !me.sees.has(target.clientId) && probe.route !== "submit:debrief.next") {
            // a verb naming a client outside scope is refused on the record (debrief.next refuses through its own draft check)
            if (!mine.some((e) => e.action === "refused")) problems.push(`${where}: refused without an audit event`);
          }
        }
      }
      expect(problems).toEqual([]);
      // the table really shows data to those who may see it (and nothing to someone unregistered)
      if (me.sees.size) expect(inScopeShown).toBeGreaterThan(10);
      else expect(inScopeShown).toBe(0);
    },
    180_000,
  );

  it("opens and refreshes a review card for people in scope, and refuses the other team in their language", async () => {
    const [nA] = targets;
    const supervisorZuid = bot.user(role("supervisor Zuid").aadObjectId);
    const refused = await supervisorZuid.execute("review.refresh", { classificationId: nA.pendingId });
    expect(refused.status).toBe(200);
    expect(refused.body.type).toBe("application/vnd.microsoft.activity.message");
    expect(refused.body.value).toContain("niet laten zien");
    expect(JSON.stringify(refused.body)).not.toContain(nA.name);
    // the same sentence for an id that never existed: nothing to learn from the difference
    const unknown = await supervisorZuid.execute("review.refresh", { classificationId: randomUUID() });
    expect(unknown.body.value).toBe(refused.body.value);
    await supervisorZuid.say("english");
    const inEnglish = await supervisorZuid.execute("review.refresh", { classificationId: nA.pendingId });
    expect(inEnglish.body.value).toContain("can't show you this");
    await supervisorZuid.say("nederlands");
    const refusals = await bot.db.prisma.auditEvent.findMany({
      where: { action: "refused", actorId: role("supervisor Zuid").staffId!, clientId: nA.clientId },
    });
    expect(refusals.map((r) => (r.details as { reason?: string }).reason)).toContain("client_not_visible");

    const lead = bot.user(role("team lead Noord").aadObjectId);
    const card = await lead.execute("review.refresh", { classificationId: nA.pendingId });
    expect(card.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(JSON.stringify(card.body.value)).toContain(nA.name);
    const read = await bot.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "client.read", actorId: role("team lead Noord").staffId!, clientId: nA.clientId },
      orderBy: { id: "desc" },
    });
    expect(read.subjectId).toBe(nA.pendingId);
    expect(read.details).toEqual({ via: "review.refresh" });
  });

  it("puts every view of a client, alone or in a list, in that client's audit trail", async () => {
    const [nA] = targets;
    const trail = await auditTrailForClient(bot.db.prisma, { externalKey: nA.key, operator: "fg" });
    const reads = trail!.filter((e) => e.action === "client.read").map((e) => (e.details as { via: string }).via);
    expect(reads).toEqual(expect.arrayContaining(["review.refresh", "review.list", "debrief.picker", "caseload.query"]));
    expect(trail!.some((e) => e.action === "client.read" && e.who === "Teamleider Noord")).toBe(true);
  });

  it.each([
    ["without a conversation type", null],
    ["from a group chat", "groupChat"],
    ["from a channel", "channel"],
    ["with a type Trede does not know", "meeting"],
  ] as [string, UserOptions["conversationType"]][])("gives no client data to an activity %s", async (_label, conversationType) => {
    const supervisor = bot.user(role("supervisor Noord").aadObjectId, {
      conversationType,
      conversationId: `other-${conversationType}`,
    });
    for (const probe of PROBES) {
      const exchanges = await probe.run(supervisor, targets[0]);
      await bot.trede.idle();
      const shown = shownTo(supervisor, exchanges);
      for (const t of targets) expect(showsClient(shown, t), `${probe.route ?? probe.text} showed ${t.label}`).toBe(false);
    }
    const asked = await supervisor.execute("review.refresh", { classificationId: targets[0].pendingId });
    expect(asked.body.value).toContain("alleen in je persoonlijke chat");
  });
});

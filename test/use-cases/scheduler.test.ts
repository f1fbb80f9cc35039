// The scheduler through real parts: jobs in the database, two instances (two connection pools on PostgreSQL,
// as two processes would have; one shared handle on the embedded database, which one process owns), the
// real sender through botbuilder to a loopback connector that counts what arrives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotificationSender } from "../../src/bot/notification-sender.ts";
import { createProactive } from "../../src/bot/proactive.ts";
import { createSendingAdapter } from "../../src/bot/notification-sender.ts";
import { openDatabase, type Database } from "../../src/storage/db/index.ts";
import { createJobStore } from "../../src/storage/nudges/job-store.ts";
import { createNotificationStore } from "../../src/storage/nudges/notification-store.ts";
import { sendNudges } from "../../src/use-cases/send-nudges.ts";
import { startScheduler, type Scheduler } from "../../src/use-cases/run-scheduled-jobs.ts";
import { startConnector, type Connector } from "../support/connector.ts";
import { backends, type TestDatabase } from "../support/databases.ts";
import { seedNotificationTeam } from "../support/notification-fixtures.ts";

const MONDAY_10 = new Date("2026-12-07T09:00:00Z"); // 10:00 in Amsterdam
const minutes = (n: number) => n * 60_000;
const noWait = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} };

describe.each(backends)("the nudge scheduler on $name", (backend) => {
  let db: TestDatabase;
  let second: Database | undefined;
  let connector: Connector;
  let now = MONDAY_10;
  const instances: Scheduler[] = [];
  let noord: Awaited<ReturnType<typeof seedNotificationTeam>>;

  const instance = (handle: Database, workerId: string) => {
    const store = createNotificationStore(handle.prisma, { defaultLocale: "nl" });
    const sender = createNotificationSender(createProactive(createSendingAdapter({}), undefined));
    const s = startScheduler(
      { store, sender, jobs: createJobStore(handle.prisma), workerId, retry: noWait },
      {
        intervalMs: 3_600_000,
        clock: () => now,
        onError: (e) => {
          throw e;
        },
      },
    );
    instances.push(s);
    return s;
  };
  const sentTo = (aad: string) => connector.sent.filter((s) => s.conversationId === `personal-${aad}`).length;

  beforeAll(async () => {
    db = await backend.open();
    connector = await startConnector();
    noord = await seedNotificationTeam(db.prisma, { name: "Noord", connectorUrl: connector.url, today: MONDAY_10 });
    if (backend.name === "postgres") second = await openDatabase(db.url);
  }, 180_000);
  afterAll(async () => {
    for (const s of instances) await s.stop();
    await second?.close();
    await db?.close();
    await connector?.close();
  });

  it("sends nothing at the weekend or before the team's hour", async () => {
    const a = instance(db, "a-quiet");
    for (const at of ["2026-12-05T10:00:00Z", "2026-12-07T06:30:00Z", "2026-12-07T07:30:00Z"]) {
      now = new Date(at); // Saturday; Monday 07:30 (quiet); Monday 08:30 (before the team's 09:00)
      expect(await a.tick()).toEqual([]);
    }
    expect(connector.sent).toHaveLength(0);
    expect(await db.prisma.scheduledJob.count()).toBe(0);
  });

  it("two instances ticking at once send every message exactly once", async () => {
    now = MONDAY_10;
    const a = instance(db, "a");
    const b = instance(second ?? db, "b");
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([b.tick(), a.tick()]);
    // coach: the nudge; lead: the unreachable notice and the digest; supervisor: the waiting review
    expect([sentTo(noord.coach.aadObjectId), sentTo(noord.lead.aadObjectId), sentTo(noord.supervisor.aadObjectId)]).toEqual([1, 2, 1]);
    expect(connector.sent).toHaveLength(4);
    const jobs = await db.prisma.scheduledJob.findMany({ orderBy: { kind: "asc" } });
    expect(jobs.map((j) => [j.kind, j.period, j.status, j.attempts])).toEqual([
      ["digest", "2026-W50", "done", 1],
      ["nudges", "2026-W50", "done", 1],
    ]);
    // later the same week: the jobs are done and every key is taken
    now = new Date(MONDAY_10.getTime() + minutes(90));
    await Promise.all([a.tick(), b.tick()]);
    expect(connector.sent).toHaveLength(4);
  });

  it("a job whose instance died is taken over when its lease runs out; nothing is lost, nothing doubled", async () => {
    const zuid = await seedNotificationTeam(db.prisma, { name: "Zuid", connectorUrl: connector.url, today: MONDAY_10 });
    const jobs = createJobStore(db.prisma);
    now = new Date(MONDAY_10.getTime() + minutes(120));
    for (const kind of ["nudges", "digest"] as const) await jobs.enqueue({ kind, teamId: zuid.team.id, period: "2026-W50", runAfter: now });
    // an instance claims both and dies before sending
    expect(await jobs.claimNext({ workerId: "dead", now, leaseMs: minutes(10) })).not.toBeNull();
    expect(await jobs.claimNext({ workerId: "dead", now, leaseMs: minutes(10) })).not.toBeNull();
    const a = instance(db, "a-after");
    const before = connector.sent.length;
    now = new Date(now.getTime() + minutes(5));
    await a.tick();
    expect(connector.sent.length).toBe(before); // still leased
    now = new Date(now.getTime() + minutes(6));
    const runs = await a.tick();
    expect(runs.map((r) => r.team)).toEqual(["Zuid", "Zuid"]);
    expect([sentTo(zuid.coach.aadObjectId), sentTo(zuid.lead.aadObjectId), sentTo(zuid.supervisor.aadObjectId)]).toEqual([1, 2, 1]);
    // the dead instance coming back cannot finish what it no longer holds
    await jobs.complete({
      id: (await db.prisma.scheduledJob.findFirstOrThrow({ where: { teamId: zuid.team.id, kind: "nudges" } })).id,
      workerId: "dead",
      result: {},
      now,
    });
    expect((await db.prisma.scheduledJob.findMany({ where: { teamId: zuid.team.id } })).map((j) => [j.status, j.lockedBy])).toEqual([
      ["done", "a-after"],
      ["done", "a-after"],
    ]);
  });

  it("a connector that keeps failing: retried within the run, then recorded; a later run delivers it once", async () => {
    await db.prisma.outgoingMessage.deleteMany({ where: { kind: "nudge", staffId: noord.coach.id } }); // as if next week
    const deps = {
      store: createNotificationStore(db.prisma, { defaultLocale: "nl" }),
      sender: createNotificationSender(createProactive(createSendingAdapter({}), undefined)),
      retry: noWait,
    };
    const team = (await deps.store.listTeams({ team: "Noord" }))[0];
    const before = connector.sent.length;
    connector.failNext(1_000);
    const [failed] = await sendNudges(deps, { now: MONDAY_10, team });
    connector.failNext(0);
    expect(failed.counts).toMatchObject({ sent: 0, failed: 1 });
    const row = await db.prisma.outgoingMessage.findFirstOrThrow({ where: { kind: "nudge", staffId: noord.coach.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.error).toMatch(/503/);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "notification.failed", subjectId: noord.coach.id },
    });
    expect(audit.details).toMatchObject({
      kind: "nudge",
      recipient: noord.coach.id,
      clientIds: [noord.clients.leaving.id, noord.clients.sentBack.id, noord.clients.due.id],
    });

    const [again] = await sendNudges(deps, { now: MONDAY_10, team });
    expect(again.counts).toMatchObject({ sent: 1, failed: 0 });
    expect(connector.sent.slice(before).map((s) => s.conversationId)).toEqual([`personal-${noord.coach.aadObjectId}`]);
    expect((await db.prisma.outgoingMessage.findFirstOrThrow({ where: { kind: "nudge", staffId: noord.coach.id } })).status).toBe("sent");
  });
});

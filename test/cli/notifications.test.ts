// `npm run trede -- nudges run --now` and `digest send --now` against a real database (the first run as a child
// process, the others in this process), with the connector on loopback recording what reaches Teams: who gets
// what, only within their scope, never twice, retried on 5xx, and every message in the audit trail.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/storage/db/index.ts";
import { cardText } from "../support/bot-harness.ts";
import { type CliRun, runCliInProcess } from "../support/cli.ts";
import { startConnector, type Connector } from "../support/connector.ts";
import { backends, migratedPgliteUrl, type TestBackend } from "../support/databases.ts";
import { cardsTo, nudgeClientIds, chooseEnglish, seedNotificationTeam, textsTo } from "../support/notification-fixtures.ts";

interface Target {
  url: string;
  use<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL stays open beside the CLI; the embedded database is a directory only one process opens at a time. */
async function openTarget(backend: TestBackend): Promise<Target> {
  if (backend.name === "postgres") {
    const db = await backend.open();
    return { url: db.url, use: (fn) => fn(db), close: () => db.close() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "trede-nudges-"));
  const url = await migratedPgliteUrl(path.join(dir, "db"));
  return {
    url,
    async use(fn) {
      const db = await openDatabase(url);
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const cliEnv = (url: string) => ({ DATABASE_URL: url, MICROSOFT_APP_ID: "", MICROSOFT_APP_PASSWORD: "" });

/** The real entry point in a child process: the run must also end the process (no timer or socket left open). */
function runCliProcess(url: string, ...args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { env: { ...process.env, ...cliEnv(url) } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => {
    stdout += c;
  });
  child.stderr.on("data", (c) => {
    stderr += c;
  });
  // asynchronous: the connector answering the CLI lives in this process
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

/** The same command in this process (test/support/cli.ts), for every test after the first. */
const runCli = (url: string, ...args: string[]) => runCliInProcess(args, { env: cliEnv(url) });

// a CLI run starts Node, tsx and (embedded) PGlite: tens of seconds on a busy machine
const CLI_TIMEOUT = 240_000;
// PostgreSQL when configured (several processes share it, as in production), else the embedded database; the
// same storage code runs on both backends in test/use-cases/scheduler.test.ts and test/bot/nudges.test.ts
const backend = backends.at(-1)!;

describe.each([backend])("nudges and digest from the command line on $name", (backend) => {
  let target: Target;
  let connector: Connector;
  let noord: Awaited<ReturnType<typeof seedNotificationTeam>>;
  let zuid: Awaited<ReturnType<typeof seedNotificationTeam>>;
  const today = new Date();

  beforeAll(async () => {
    connector = await startConnector();
    target = await openTarget(backend);
    await target.use(async (db) => {
      noord = await seedNotificationTeam(db.prisma, { name: "Noord", connectorUrl: connector.url, today });
      zuid = await seedNotificationTeam(db.prisma, { name: "Zuid", connectorUrl: connector.url, today });
      await chooseEnglish(db.prisma, noord.lead);
    });
  }, CLI_TIMEOUT);
  afterAll(async () => {
    await target?.close();
    await connector?.close();
  });

  it(
    "sends each coach of the team one nudge with only their own open clients, and tells the lead who cannot be reached",
    async () => {
      const r = await runCliProcess(target.url, "nudges", "run", "--now", "--team", "noord");
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /nudges \d{4}-W\d\d team Noord: sent 2 \(coach 1, team_lead 1\), already sent 0, unreachable 1, notifications off 0, nothing to say 0, failed 0/,
      );
      expect(r.stdout).not.toContain("Vertrekt"); // counts, never names

      const [nudge, ...more] = cardsTo(connector.sent, noord.coach.aadObjectId);
      expect(more).toEqual([]);
      const c = noord.clients;
      // leaving beeld soonest first, then sent back, then due; not the fine, waiting, long-lost, erased or closed
      // clients, and not a colleague's client
      expect(nudgeClientIds(nudge)).toEqual([c.leaving.id, c.sentBack.id, c.due.id]);
      expect(cardText(nudge)).toContain("Deze 3 klanten vragen deze week aandacht");

      const [notice] = textsTo(connector.sent, noord.lead.aadObjectId);
      expect(notice).toContain("Trede could not reach Stille Coach Noord");
      expect(notice).not.toContain("Anders"); // the unreachable coach's clients are not the lead's message
      expect(cardsTo(connector.sent, zuid.coach.aadObjectId)).toEqual([]);
      expect(cardsTo(connector.sent, noord.supervisor.aadObjectId)).toEqual([]);

      await target.use(async (db) => {
        const audit = await db.prisma.auditEvent.findMany({
          where: { action: "notification.sent" },
          orderBy: { id: "asc" },
        });
        expect(audit.map((a) => a.details)).toEqual([
          expect.objectContaining({
            kind: "nudge",
            recipient: noord.coach.id,
            clientIds: [c.leaving.id, c.sentBack.id, c.due.id],
          }),
          expect.objectContaining({ kind: "unreachable", recipient: noord.lead.id, clientIds: [] }),
        ]);
        const messages = await db.prisma.outgoingMessage.findMany({ orderBy: { createdAt: "asc" } });
        expect(messages.map((m) => [m.kind, m.staffId, m.status])).toEqual([
          ["nudge", noord.coach.id, "sent"],
          ["unreachable", noord.lead.id, "sent"],
        ]);
      });
    },
    CLI_TIMEOUT,
  );

  it(
    "never sends the same nudge twice: a second run this week only reaches those not reached yet",
    async () => {
      const before = connector.sent.length;
      const r = await runCli(target.url, "nudges", "run", "--now");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/team Noord: sent 0, already sent 2/);
      expect(r.stdout).toMatch(/team Zuid: sent 2 \(coach 1, team_lead 1\), already sent 0/);
      const fresh = connector.sent.slice(before);
      expect(fresh.map((s) => s.conversationId).sort()).toEqual(
        [`personal-${zuid.coach.aadObjectId}`, `personal-${zuid.lead.aadObjectId}`].sort(),
      );
      expect(nudgeClientIds(cardsTo(fresh, zuid.coach.aadObjectId)[0])).toEqual([
        zuid.clients.leaving.id,
        zuid.clients.sentBack.id,
        zuid.clients.due.id,
      ]);
    },
    CLI_TIMEOUT,
  );

  it(
    "sets a team's in-beeld target and schedule with `team set`, refusing weekends and quiet hours",
    async () => {
      const r = await runCli(
        target.url,
        "team",
        "set",
        "Noord",
        "--target",
        "85",
        "--nudge-day",
        "di",
        "--digest-day",
        "vrijdag",
        "--hour",
        "10",
      );
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("in beeld target 85%; nudges di and digest vr from 10:00 Europe/Amsterdam");
      const weekend = await runCli(target.url, "team", "set", "Noord", "--nudge-day", "za");
      expect(weekend.code).toBe(2);
      expect(weekend.stderr).toContain("Trede sends nothing at weekends");
      const night = await runCli(target.url, "team", "set", "Noord", "--hour", "19");
      expect(night.code).toBe(2);
      await target.use(async (db) => {
        expect(await db.prisma.team.findUniqueOrThrow({ where: { id: noord.team.id } })).toMatchObject({
          inViewTarget: 85,
          nudgeWeekday: 2,
          digestWeekday: 5,
          sendHour: 10,
        });
        const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "team.settings" } });
        expect(audit.details).toMatchObject({
          team: "Noord",
          inViewTarget: 85,
          nudgeWeekday: 2,
          digestWeekday: 5,
          sendHour: 10,
        });
      });
    },
    CLI_TIMEOUT,
  );

  it(
    "sends the team lead the digest in their language and the supervisor the reviews waiting, once",
    async () => {
      const r = await runCli(target.url, "digest", "send", "--now", "--team", "Noord");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/digest \d{4}-W\d\d team Noord: sent 2 \(team_lead 1, supervisor 1\)/);

      const [digest] = cardsTo(connector.sent, noord.lead.aadObjectId);
      const text = cardText(digest);
      // 7 clients in the caseload (erased and closed ones are not), 6 reached within 12 months
      expect(text).toContain("In view: 86% (target 85%)"); // the team's own target (default 90%)
      expect(text).toContain("6 of 7 clients had a reached contact in the last 12 months.");
      expect(digest.body.find((e: any) => e.type === "Chart.Line").data[0].values).toHaveLength(12);
      expect(text).toContain("Waiting more than 5 working days for approval: 1");
      expect(text).toContain("Wacht, Willem Noord");
      expect(text).toContain("Movement this week: 1 up, 0 down");
      expect(text).toContain("Goed, Gerrit Noord: rung 2 → 3");
      expect(text).toContain("Without an expected rung (unknown or not yet classified): 4 clients.");
      expect(text).toContain("Trede cannot reach (chat never opened): Stille Coach Noord.");
      expect(text).not.toMatch(/Zuid|Gewist|Gesloten/);

      const [reviews] = cardsTo(connector.sent, noord.supervisor.aadObjectId);
      expect(cardText(reviews)).toContain("1 indeling wacht op jouw akkoord");
      expect(JSON.stringify(reviews)).toContain('"verb":"review.open"');

      await target.use(async (db) => {
        const audit = await db.prisma.auditEvent.findMany({
          where: { action: "notification.sent", subjectId: noord.lead.id },
        });
        expect(audit.map((a) => (a.details as any).kind).sort()).toEqual(["digest", "unreachable"]);
        const digestAudit = audit.find((a) => (a.details as any).kind === "digest")!.details as any;
        expect(digestAudit.clientIds.sort()).toEqual([noord.clients.pending.id, noord.clients.fine.id].sort());
      });
    },
    CLI_TIMEOUT,
  );

  it(
    "retries a connector that answers 503 within the run and delivers once",
    async () => {
      connector.failNext(2);
      const before = connector.sent.length;
      const r = await runCli(target.url, "digest", "send", "--now", "--team", "Zuid");
      expect(r.stdout).toMatch(/team Zuid: sent 2 \(team_lead 1, supervisor 1\), .* failed 0/);
      expect(
        connector.sent
          .slice(before)
          .map((s) => s.conversationId)
          .sort(),
      ).toEqual([`personal-${zuid.lead.aadObjectId}`, `personal-${zuid.supervisor.aadObjectId}`].sort());
      await target.use(async (db) => {
        const first = await db.prisma.outgoingMessage.findFirstOrThrow({
          where: { kind: "digest", staffId: zuid.lead.id },
        });
        // botframework-connector retries a 503 itself before our backoff (which covers what outlasts it)
        expect(first).toMatchObject({ status: "sent", error: null });
      });
    },
    CLI_TIMEOUT,
  );

  it(
    "refuses a run without --now",
    async () => {
      const noNow = await runCli(target.url, "digest", "send");
      expect(noNow.code).toBe(2);
      expect(noNow.stderr).toContain("--now");
    },
    CLI_TIMEOUT,
  );
});

// npm run bench [-- --city] — Trede measured side by side with the floor it cannot beat.
// Prints a table and writes bench/results.json. PostgreSQL comes from BENCH_DATABASE_URL or
// TEST_DATABASE_URL (a role that may create databases); without it only the embedded database is measured,
// and the caseload and import figures (PostgreSQL only) are left out.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { caseloadScopeOf } from "../src/domain/access/actor.ts";
import { CaseloadQuery } from "../src/domain/caseload/caseload-query.ts";
import { parseEnv } from "../src/config/env.ts";
import { createLogger } from "../src/logging/logger.ts";
import { startTrede } from "../src/start-trede.ts";
import { executeCaseloadQuery, type CaseloadResult } from "../src/storage/caseload/execute-caseload-query.ts";
import { openDatabase, type Database } from "../src/storage/db/index.ts";
import { importClients } from "../src/storage/import/import-csv.ts";
import { findActor } from "../src/storage/staff.repository.ts";
import { startConnector } from "../test/support/connector.ts";
import type { TestBackend } from "../test/support/databases.ts";
import { startEchoBot } from "./echo-bot.ts";
import { measure, ms, printTable, stats, type Stats } from "./lib.ts";

const TENANT = "00000000-0000-4000-8000-000000000001";
// both scales by default; --city skips the national one (its data takes about two minutes to generate)
const national = !process.argv.includes("--city");
process.env.TEST_DATABASE_URL ||= process.env.BENCH_DATABASE_URL;
const dbBackends: TestBackend[] = (await import("../test/support/databases.ts")).backends;
const results: Record<string, unknown> = {
  machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  at: new Date().toISOString(),
};
const table: Record<string, string | number>[] = [];
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const row = (name: string, s: Stats, floor?: Stats) =>
  table.push({
    measure: name,
    n: s.n,
    p50: ms(s.p50),
    p95: ms(s.p95),
    p99: ms(s.p99),
    "req/s": s.throughput.toFixed(0),
    "p95 vs floor": floor ? ratio(s.p95, floor.p95) : "floor",
    "p99 vs floor": floor ? ratio(s.p99, floor.p99) : "floor",
  });
type FloorRows = Record<string, unknown>[][];
const quiet = () => createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, cb) => cb() }) });

function activity(connectorUrl: string, user: string, conversation: string, extra: Record<string, unknown>) {
  return {
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: connectorUrl,
    from: { id: `29:${user}`, aadObjectId: user },
    recipient: { id: "28:bot" },
    conversation: { id: conversation, conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}
const post = (url: string, body: unknown) =>
  fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

// --- 1. Turn latency: bare echo bot (floor) vs a debrief card submit with its database write ---------------
// Both bots run in this process, beside the load generator and the loopback connector, on the same
// footing. (With each bot in a process of its own, three busy processes share the two cores and the
// scheduler, not the bot, sets the tail: BENCHMARKS.md.)
const connector = await startConnector();
const echo = await startEchoBot();
for (const concurrency of [8, 50]) {
  const floor = await measure(
    2_000,
    concurrency,
    async (i) =>
      void (await (await post(echo.url, activity(connector.url, "u", `echo-${i % concurrency}`, { type: "message", text: "hi" }))).text()),
  );
  row(`echo bot, concurrency ${concurrency}`, floor);
  results[`turn.echo.c${concurrency}`] = floor;
  for (const backend of dbBackends) {
    const db = await backend.open();
    const team = await db.prisma.team.create({ data: { name: "Bench" } });
    const clients = await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        const coach = await db.prisma.staff.create({
          data: {
            tenantId: TENANT,
            aadObjectId: `coach-${i}`,
            displayName: `Coach ${i}`,
            roles: ["COACH"],
            teamId: team.id,
          },
        });
        const client = await db.prisma.client.create({
          data: {
            externalKey: `B-${i}`,
            displayName: `Klant ${i}`,
            birthYear: 1980,
            wijk: "Selwerd",
            teamId: team.id,
            coachId: coach.id,
          },
        });
        return { coach: coach.aadObjectId, id: client.id };
      }),
    );
    const trede = await startTrede(parseEnv({ PORT: "0", DATABASE_URL: db.url, DATABASE_POOL_SIZE: "20" }), {
      db,
      logger: quiet(),
    });
    // each coach: "verslag" (not timed), then the timed submit of the contact card: a not-reached visit is
    // stored (contact + audit) and the card replaced
    const perCoach = Math.ceil(2_000 / concurrency); // as many samples as the floor, for a steadier p99
    const samples: number[] = [];
    const started = performance.now();
    await Promise.all(
      clients.map(async ({ coach, id }, i) => {
        for (let k = 0; k < perCoach; k++) {
          const conv = `debrief-${i}`;
          const before = connector.sent.length;
          await (await post(trede.url, activity(connector.url, coach, conv, { type: "message", text: "verslag" }))).text();
          const card = connector.sent.slice(before).find((s) => s.conversationId === conv)?.activity.attachments?.[0]?.content;
          const data = card?.actions?.find((a: { data?: { verb?: string } }) => a.data?.verb === "debrief.next")?.data;
          const t = performance.now();
          const res = await post(
            trede.url,
            activity(connector.url, coach, conv, {
              type: "message",
              value: { ...data, clientId: id, date: "2026-11-20", kind: "HUISBEZOEK", reached: "nee" },
              replyToId: "a-1",
            }),
          );
          await res.text();
          samples.push(performance.now() - t);
        }
      }),
    );
    const debrief = stats(samples, (performance.now() - started) / 1000);
    await trede.stop();
    // every timed submit must have stored its visit, or the figure measured failures
    const contacts = await db.prisma.contact.count();
    if (contacts !== samples.length)
      throw new Error(`debrief (${backend.name}), concurrency ${concurrency}: ${contacts} visits stored for ${samples.length} submits`);
    row(`debrief submit + write (${backend.name}), concurrency ${concurrency}`, debrief, floor);
    results[`turn.debrief.${backend.name}.c${concurrency}`] = {
      ...debrief,
      ratioP95: debrief.p95 / floor.p95,
      ratioP99: debrief.p99 / floor.p99,
      contacts,
    };
    await db.close();
  }
}
await echo.stop();

// --- 2. Start-up time to /readyz and resident memory under 50 concurrent coaches -----------------------
// First start: migrations and the demo municipality; later start: an existing database. Then 50 coaches,
// each with their own identity and chat, alternate "verslag" and a caseload question.
interface Server {
  url: string;
  startedInMs: number;
  rssMiB(): number;
  stop(): Promise<void>;
}
async function spawnServer(entry: string, env: Record<string, string>): Promise<Server> {
  const port = 41000 + Math.floor(Math.random() * 20000);
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: "ignore",
  });
  const exited = new Promise((r) => child.once("exit", r));
  while (
    !(await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode} before it was ready`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url,
    startedInMs: performance.now() - t0,
    rssMiB: () => Number(readFileSync(`/proc/${child.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A database for a bot process: `use` opens it from this process while no bot has it open. */
interface BenchDatabase {
  url: string;
  use<T>(work: (db: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}
async function benchDatabase(name: "pglite" | "postgres"): Promise<BenchDatabase> {
  if (name === "postgres") {
    const db = await dbBackends.find((b) => b.name === "postgres")!.open();
    return { url: db.url, use: (work) => work(db), dispose: () => db.close() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "trede-bench-"));
  const url = `pglite:${dir}/db`;
  return {
    url,
    async use(work) {
      const db = await openDatabase(url);
      try {
        await db.migrate();
        return await work(db);
      } finally {
        await db.close();
      }
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
const databaseKinds = dbBackends.map((b) => b.name);

async function addCoaches(db: Database, count: number) {
  const team = await db.prisma.team.create({ data: { name: `Bench ${randomUUID().slice(0, 8)}` } });
  await db.prisma.staff.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      tenantId: TENANT,
      aadObjectId: `mem-coach-${i}`,
      displayName: `Coach ${i}`,
      roles: ["COACH" as const],
      teamId: team.id,
    })),
  });
  const coaches = await db.prisma.staff.findMany({
    where: { aadObjectId: { startsWith: "mem-coach-" } },
    orderBy: { aadObjectId: "asc" },
  });
  await db.prisma.client.createMany({
    data: coaches.flatMap((c, i) =>
      Array.from({ length: 20 }, (_, k) => ({
        externalKey: `M-${i}-${k}`,
        displayName: `Klant ${i}-${k}`,
        birthYear: 1980,
        wijk: "Selwerd",
        teamId: team.id,
        coachId: c.id,
      })),
    ),
  });
  return coaches.map((c) => c.aadObjectId);
}

for (const kind of databaseKinds) {
  const bench = await benchDatabase(kind);
  const first = await spawnServer("src/main.ts", { DATABASE_URL: bench.url, SEED_DEMO: "true" });
  await first.stop();
  const coaches = await bench.use((db) => addCoaches(db, 50));
  const later = await spawnServer("src/main.ts", { DATABASE_URL: bench.url });
  await new Promise((r) => setTimeout(r, 1_000)); // settle before reading idle memory
  const idle = later.rssMiB();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, later.rssMiB())), 100);
  const load = await measure(1_000, 50, async (i) => {
    const coach = coaches[i % 50];
    const text = i % 100 < 50 ? "verslag" : "wie op trede 1 gaat naar verwachting stijgen?";
    await (await post(later.url, activity(connector.url, coach, `mem-${coach}`, { type: "message", text }))).text();
  });
  clearInterval(sampler);
  peak = Math.max(peak, later.rssMiB());
  await later.stop();
  await bench.dispose();
  results[`startup.${kind}`] = { firstStartMs: first.startedInMs, laterStartMs: later.startedInMs };
  results[`memory.${kind}`] = { idleMiB: idle, peakMiBUnder50Coaches: peak, load };
  table.push({
    measure: `start-up to /readyz (${kind}): first (migrate + seed) / later`,
    n: 1,
    p50: ms(first.startedInMs),
    p95: ms(later.startedInMs),
    p99: "",
    "req/s": "",
    "p95 vs floor": "",
    "p99 vs floor": "",
  });
  table.push({
    measure: `resident memory (${kind}): idle / peak under 50 coaches`,
    n: load.n,
    p50: `${idle.toFixed(0)} MiB`,
    p95: `${peak.toFixed(0)} MiB`,
    p99: "",
    "req/s": load.throughput.toFixed(0),
    "p95 vs floor": "",
    "p99 vs floor": "",
  });
}
await connector.close();

// --- 3. Caseload questions and import at scale (PostgreSQL) -------------------------------------------------
const pg = dbBackends.find((b) => b.name === "postgres");
if (!pg) console.log("\n(no PostgreSQL configured: set BENCH_DATABASE_URL or TEST_DATABASE_URL for the scale benchmarks)");
for (const scale of pg
  ? national
    ? [
        { name: "city", clients: 40_000, perClient: 4 },
        { name: "national", clients: 400_000, perClient: 10 },
      ]
    : [{ name: "city", clients: 40_000, perClient: 4 }]
  : []) {
  const db = await pg!.open();
  const t = performance.now();
  await db.prisma.$executeRawUnsafe(`SELECT setseed(0.42)`);
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "Team" (id, name, "updatedAt") SELECT 'team-' || g, 'Team ' || g, now() FROM generate_series(1, 10) g`,
  );
  await db.prisma.$executeRawUnsafe(`INSERT INTO "Staff" (id, "tenantId", "aadObjectId", "displayName", roles, "teamId", "updatedAt")
    SELECT 'staff-' || g, '${TENANT}', 'aad-' || g, 'Coach ' || g, ARRAY['COACH']::"StaffRole"[], 'team-' || (1 + g % 10), now() FROM generate_series(1, 200) g`);
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "Staff" (id, "tenantId", "aadObjectId", "displayName", roles, "teamId", "updatedAt") VALUES ('lead-1', '${TENANT}', 'aad-lead', 'Lead', ARRAY['TEAM_LEAD']::"StaffRole"[], 'team-1', now()), ('admin-1', '${TENANT}', 'aad-admin', 'Admin', ARRAY['ADMIN']::"StaffRole"[], NULL, now())`,
  );
  await db.prisma.$executeRawUnsafe(`INSERT INTO "Client" (id, "externalKey", "displayName", "birthYear", wijk, "teamId", "coachId", "lastContactAt", "updatedAt")
    SELECT 'client-' || g, 'K' || g, 'Klant ' || g, 1950 + (g % 55), 'Wijk ' || (g % 40), 'team-' || (1 + (g % 200) % 10), 'staff-' || (1 + g % 200), DATE '2026-11-22' - (g % 700), now()
    FROM generate_series(1, ${scale.clients}) g`);
  await db.prisma.$executeRawUnsafe(`INSERT INTO "Classification" (id, "clientId", "coachId", "teamId", "profileId", "profileVersion", answers, "observedOn", "proposedRung", "finalRung", "expectedRung", "previousRung", status, "isLatest", version, "idempotencyKey", "growthPotential")
    SELECT 'k-' || g || '-' || v, 'client-' || g, 'staff-' || (1 + g % 200), 'team-' || (1 + (g % 200) % 10), 'participatieladder-6', 1, '{}'::jsonb,
      DATE '2026-11-22' - ((${scale.perClient} - v) * 200 + g % 150), r, r, CASE WHEN (g + v) % 7 = 0 THEN NULL ELSE LEAST(6, r + (g + v) % 3) END,
      CASE WHEN v = 1 THEN NULL ELSE GREATEST(1, LEAST(6, r + ((g + v) % 3) - 1)) END, 'FINAL', v = ${scale.perClient}, v, 'bench-' || g || '-' || v,
      CASE WHEN (g % 3) = 0 THEN 'JA' ELSE 'NEE' END::"GrowthPotential"
    FROM generate_series(1, ${scale.clients}) g, generate_series(1, ${scale.perClient}) v,
      LATERAL (SELECT CASE WHEN h < 52 THEN 1 WHEN h < 71 THEN 2 WHEN h < 91 THEN 3 ELSE 4 + (g % 3) END AS r FROM (SELECT (g * 7 + v * 13) % 100 AS h) hh) x`);
  // a database in use is vacuumed by autovacuum; straight after a bulk load of millions of rows it is not
  // yet, and without the visibility map no index-only scan is possible (for Trede and the floors alike).
  // The checkpoint writes the load out now instead of during the measurements.
  await db.prisma.$executeRawUnsafe(`VACUUM ANALYZE`);
  await db.prisma.$executeRawUnsafe(`CHECKPOINT`);
  const generated = (performance.now() - t) / 1000;
  const lead = (await findActor(db.sql, { tenantId: TENANT, aadObjectId: "aad-lead" }))!;
  const admin = (await findActor(db.sql, { tenantId: TENANT, aadObjectId: "aad-admin" }))!;
  const today = new Date("2026-11-22T00:00:00Z");
  // Each floor is hand-written SQL for the same answer Trede gives (the same rows, totals and exclusions:
  // inactive and erased clients never count), run statement after statement on one connection.
  // (the client's current rung is on the client, so counts by rung are written over clients alone)
  const teamClients = `FROM "Client" c WHERE c."teamId" = 'team-1' AND c.active AND c."erasedAt" IS NULL`;
  const baseline = `LEFT JOIN LATERAL (SELECT b."finalRung" AS base FROM "Classification" b WHERE b."clientId" = c.id AND b."observedOn" < DATE '2025-11-23'
    AND b.status IN ('FINAL', 'PENDING_REVIEW') ORDER BY b."observedOn" DESC, b.version DESC LIMIT 1) x ON true`;
  const page = (
    from: string,
    where: string,
  ) => `SELECT c.id, c."displayName", c."externalKey", c.wijk, l."finalRung", l."finalSubstep", l."expectedRung", s."displayName" AS coach,
    c."lastContactAt", l.status FROM "Client" c JOIN "Classification" l ON l."clientId" = c.id AND l."isLatest" LEFT JOIN "Staff" s ON s.id = c."coachId" ${from}
    WHERE c."teamId" = 'team-1' AND c.active AND c."erasedAt" IS NULL AND ${where} ORDER BY c."displayName", c.id LIMIT 20`;
  const cases = [
    {
      name: "wie op trede 1 gaat naar verwachting stijgen (one team, list)",
      actor: lead,
      query: { measure: "list", filters: { rungs: [1], expected: { op: "aboveCurrent" } } },
      floor: [
        page("", `l."finalRung" = 1 AND l."expectedRung" > l."finalRung"`),
        `SELECT count(*) AS total ${teamClients} AND c."latestRung" = 1 AND c."latestExpectedRung" > c."latestRung"`,
      ],
      same: (r: CaseloadResult, [lines, [{ total }]]: FloorRows) =>
        r.kind === "list" && r.total === Number(total) && r.lines.map((x) => x.clientId).join() === lines.map((x) => x.id).join(),
    },
    {
      name: "Groningen cross-tab (whole municipality)",
      actor: admin,
      query: { measure: "crossTab", filters: {} },
      floor: [
        `SELECT c."latestRung", c."latestExpectedRung", count(*) FROM "Client" c WHERE c.active AND c."erasedAt" IS NULL AND c."latestRung" IS NOT NULL GROUP BY 1, 2`,
      ],
      same: (r: CaseloadResult, [cells]: FloorRows) =>
        r.kind === "crossTab" && r.total === cells.reduce((sum, x) => sum + Number(x.count), 0),
    },
    {
      name: "movement over a year (one team)",
      actor: lead,
      query: { measure: "movement", direction: "up", period: "last12Months", filters: {} },
      floor: [
        page(baseline, `l."finalRung" > x.base`),
        `SELECT count(*) FILTER (WHERE c."latestRung" > x.base) AS up, count(x.base) AS denominator, count(*) FILTER (WHERE x.base IS NULL) AS nobaseline
          FROM "Client" c ${baseline} WHERE c."teamId" = 'team-1' AND c.active AND c."erasedAt" IS NULL AND c."latestRung" IS NOT NULL`,
      ],
      same: (r: CaseloadResult, [lines, [f]]: FloorRows) =>
        r.kind === "movement" &&
        r.count === Number(f.up) &&
        r.denominator === Number(f.denominator) &&
        r.noBaseline === Number(f.nobaseline) &&
        r.lines.map((x) => x.clientId).join() === lines.map((x) => x.id).join(),
    },
  ];
  for (const c of cases) {
    const query = CaseloadQuery.parse(c.query);
    const run = () => executeCaseloadQuery(db.prisma, { query, scope: caseloadScopeOf(c.actor), askerStaffId: c.actor.staffId, today });
    const runFloor = async () => {
      const rows: FloorRows = [];
      for (const statement of c.floor) rows.push(await db.prisma.$queryRawUnsafe(statement));
      return rows;
    };
    // a floor that answers something else measures nothing: both must give the same answer
    if (!c.same(await run(), await runFloor())) throw new Error(`${c.name}: Trede and the hand-written SQL disagree`);
    const floor = await measure(100, 1, async () => void (await runFloor()));
    const trede = await measure(100, 1, async () => void (await run()));
    row(`${scale.name} ${c.name}: hand-written SQL`, floor);
    row(`${scale.name} ${c.name}: Trede`, trede, floor);
    results[`caseload.${scale.name}.${c.name}`] = { trede, floor, ratioP95: trede.p95 / floor.p95 };
  }
  results[`caseload.${scale.name}.generated`] = {
    clients: scale.clients,
    classifications: scale.clients * scale.perClient,
    seconds: generated,
  };
  await db.close();
}

if (pg) {
  const db = await pg.open();
  await db.prisma.team.create({ data: { name: "Noord" } });
  const csv = [
    "klantnummer;naam;geboortejaar;wijk;team",
    ...Array.from({ length: 40_000 }, (_, i) => `GR-${100000 + i};Klant ${i};${1950 + (i % 55)};Wijk ${i % 40};Noord`),
  ].join("\n");
  const t = performance.now();
  const report = await importClients(db.prisma, csv, { operator: "bench" });
  const seconds = (performance.now() - t) / 1000;
  results["import.40k.postgres"] = { seconds, rowsPerSecond: 40_000 / seconds, created: report.created };
  table.push({
    measure: "import 40,000 clients (PostgreSQL)",
    n: report.created,
    p50: `${seconds.toFixed(1)} s`,
    p95: "",
    p99: "",
    "req/s": (40_000 / seconds).toFixed(0),
    "p95 vs floor": "",
    "p99 vs floor": "",
  });
  await db.close();
}

console.log(`\nTrede benchmarks — ${results.machine && JSON.stringify(results.machine)}\n`);
printTable(table);
writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
console.log("\nwrote bench/results.json");
process.exit(0);

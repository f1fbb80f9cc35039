// The app's only way to a database. The URL picks it:
//   postgres://… | postgresql://…   a PostgreSQL server (production, several instances)
//   pglite:<dir>                    embedded PGlite (PostgreSQL in WASM), no server to install
//   pglite:memory://                embedded, in memory (tests)
// Both go through the same pg pool + @prisma/adapter-pg: the embedded PGlite runs in a worker thread and
// is served on an ephemeral 127.0.0.1 port (pglite-worker.ts), so queries, errors (P2002…) and
// transactions behave alike, and its query execution does not hold up turns.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { applyMigrations, pendingMigrations, type SqlDriver } from "./migrate.ts";
import type { PgliteWorkerData, PgliteWorkerMessage } from "./pglite-worker.ts";

export type { PrismaClient };

/**
 * Plain parameterised SQL on the same pool as Prisma, for the few single statements every turn runs (bot
 * state, the actor). Prisma compiles each query in WASM on the event loop; for these that costs about six
 * times the query itself (BENCHMARKS.md). A named statement is prepared once per connection.
 */
export interface Sql {
  query<Row>(statement: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[]; rowCount: number }>;
}

export interface Database {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  sql: Sql;
  /** Apply pending prisma/migrations; returns the names applied. */
  migrate(dir?: string): Promise<string[]>;
  /** The names of migrations not yet applied (reads only). */
  pendingMigrations(dir?: string): Promise<string[]>;
  /** True when a trivial query answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const PGLITE_CONNECTIONS = 4;

export interface OpenOptions {
  poolSize?: number;
  /** `pglite:memory://` only: start from this PGlite `dumpDataDir` tarball instead of an empty database. */
  pgliteTarball?: string;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    pool.on("error", () => {}); // an idle client losing its server must not crash the process; queries report it
    return wrap("postgres", pool, async () => {});
  }
  if (!url.startsWith("pglite:")) throw new Error(`DATABASE_URL must be postgres://… or pglite:<dir>, got ${url}`);
  const dir = url.slice("pglite:".length) || "./data/pglite";
  const inMemory = dir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(dir);
  try {
    const host = await startPgliteWorker(inMemory ? { dataDir: undefined, loadDataDir: options.pgliteTarball } : { dataDir: dir });
    // several connections, so the bot can have queries under way while PGlite (one session) works
    // through them in order; the worker keeps each socket's statements and transactions apart
    const pool = new pg.Pool({
      connectionString: `postgresql://postgres@${host.address}/postgres`,
      max: PGLITE_CONNECTIONS,
    });
    pool.on("error", () => {});
    return wrap("pglite", pool, async () => {
      await host.stop();
      unlock();
    });
  } catch (e) {
    unlock();
    throw e;
  }
}

/** Starts PGlite in a worker thread, served on an ephemeral loopback port (exported for its tests). */
export async function startPgliteWorker(data: PgliteWorkerData): Promise<{ address: string; stop(): Promise<void> }> {
  // the worker runs TypeScript like the rest of the app: it registers tsx for itself, then loads the module
  const entry = new URL("./pglite-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: data });
  const next = () =>
    new Promise<PgliteWorkerMessage>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the embedded database stopped (exit code ${code})`)));
    });
  const first = await next();
  if (!("ready" in first)) {
    await worker.terminate();
    throw new Error(`the embedded database did not start: ${"failed" in first ? first.failed : "no answer"}`);
  }
  return {
    address: first.ready,
    async stop() {
      const stopped = next();
      worker.postMessage("stop");
      await stopped;
      // Let the thread end on its own once PGlite is closed and its server is gone: terminating a thread
      // that still tears down WASM and loader hooks crashed the process once under Node 24. terminate() only
      // if it has not ended within a few seconds.
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function wrap(kind: Database["kind"], pool: pg.Pool, closeBackend: () => Promise<void>): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  return {
    kind,
    prisma,
    sql:
      kind === "pglite" ? sharedSessionSql(pool) : { query: async <Row>(statement: Statement) => result<Row>(await pool.query(statement)) },
    migrate: (dir) => applyMigrations(poolDriver(pool), dir),
    pendingMigrations: (dir) => pendingMigrations(poolDriver(pool), dir),
    ping: async () => {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
      await closeBackend();
    },
  };
}

type Statement = Parameters<Sql["query"]>[0];
const result = <Row>(r: pg.QueryResult) => ({ rows: r.rows as Row[], rowCount: r.rowCount ?? 0 });

/**
 * Sql over PGlite, whose one session every pool connection shares: pg prepares a named statement once
 * per connection, so each connection gets names of its own (the same name from a second connection would
 * collide in the session). Preparing once saves PGlite a parse per statement.
 */
function sharedSessionSql(pool: pg.Pool): Sql {
  const connectionIds = new WeakMap<pg.PoolClient, number>();
  let connections = 0;
  pool.on("connect", (client) => connectionIds.set(client as pg.PoolClient, ++connections));
  return {
    async query<Row>(statement: Statement) {
      const client = await pool.connect();
      try {
        const answer = await client.query({ ...statement, name: `${statement.name}_${connectionIds.get(client)}` });
        client.release();
        return result<Row>(answer);
      } catch (e) {
        client.release(e as Error); // as pool.query does: a connection that failed a query is not reused
        throw e;
      }
    },
  };
}

function poolDriver(pool: pg.Pool): SqlDriver {
  let tx: pg.PoolClient | undefined; // BEGIN..COMMIT/ROLLBACK on one connection
  return {
    async exec(sql) {
      if (/^BEGIN$/i.test(sql)) tx = await pool.connect();
      try {
        await (tx ?? pool).query(sql); // no params: simple protocol, several statements allowed
      } finally {
        if (tx && /^(COMMIT|ROLLBACK)$/i.test(sql)) {
          tx.release();
          tx = undefined;
        }
      }
    },
    async query(sql, params) {
      return (await (tx ?? pool).query(sql, params)).rows;
    },
  };
}

// Two processes on one PGlite data dir corrupt it; refuse instead.
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(lock, "wx"));
      writeFileSync(lock, String(process.pid));
      return () => {
        try {
          unlinkSync(lock);
        } catch {}
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(lock, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) throw new Error(`PGlite data dir ${dir} is in use by process ${pid} (${lock})`);
      unlinkSync(lock); // stale
    }
  }
  throw new Error(`could not lock ${lock}`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// The app's only way to a database. The URL picks it:
//   postgres://… | postgresql://…   a PostgreSQL server (production, several instances)
//   pglite:<dir>                    embedded PGlite (PostgreSQL in WASM), no server to install
//   pglite:memory://                embedded, in memory (tests)
// Both go through the same pg pool + @prisma/adapter-pg: the embedded PGlite is served on an ephemeral
// 127.0.0.1 port by @electric-sql/pglite-socket, so queries, errors (P2002…) and transactions behave alike.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { applyMigrations, type SqlDriver } from "./migrate.ts";

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
  /** True when a trivial query answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openDatabase(url: string, options: { poolSize?: number } = {}): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    pool.on("error", () => {}); // an idle client losing its server must not crash the process; queries report it
    return wrap("postgres", pool, async () => {});
  }
  if (!url.startsWith("pglite:")) throw new Error(`DATABASE_URL must be postgres://… or pglite:<dir>, got ${url}`);
  const dir = url.slice("pglite:".length) || "./data/pglite";
  const inMemory = dir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(dir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const pglite = await PGlite.create(inMemory ? undefined : dir);
  // pg's pool destroys a client whose query failed and connects again at once, before the server has
  // seen the old socket close; with the default maxConnections (1) that reconnect is refused and the
  // next query fails with "Connection terminated unexpectedly". The pool still has one client at a time.
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  // PGlite is a single session: one pooled connection (the server accepts one by default).
  const pool = new pg.Pool({ connectionString: `postgresql://postgres@${server.getServerConn()}/postgres`, max: 1 });
  pool.on("error", () => {});
  return wrap("pglite", pool, async () => {
    await server.stop();
    await pglite.close();
    unlock();
  });
}

function wrap(kind: Database["kind"], pool: pg.Pool, closeBackend: () => Promise<void>): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  return {
    kind,
    prisma,
    sql: {
      async query<Row>(statement: { name: string; text: string; values: unknown[] }) {
        const result = await pool.query(statement);
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
      },
    },
    migrate: (dir) => applyMigrations(poolDriver(pool), dir),
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

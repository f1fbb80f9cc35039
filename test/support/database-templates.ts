// Test databases start from a copy of one built once, instead of each running initdb and the migrations:
// initdb is most of an embedded database's start-up (≈10 s of CPU against ≈2 s to load a copy), and the
// suite opens dozens. The copies are keyed by a hash of what they are built from (the PGlite version and
// every migration's name and text), so a changed migration builds a new one.
//   PGlite:     a `dumpDataDir` tarball in the temp dir, loaded into each new in-memory database.
//   PostgreSQL: a database `trede_template_<hash>` on the test server, copied by CREATE DATABASE … TEMPLATE.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../../src/storage/db/index.ts";
import { applyMigrations, type SqlDriver } from "../../src/storage/db/migrate.ts";

const MIGRATIONS = "prisma/migrations";

function migrationsHash(): string {
  const hash = createHash("sha256");
  const pgliteVersion = JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")).version as string;
  hash.update(`pglite ${pgliteVersion}\n`);
  for (const name of readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort())
    hash.update(`${name}\n${readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8")}\n`);
  return hash.digest("hex").slice(0, 16);
}

const building = new Map<string, Promise<string>>();

/** Path of a PGlite tarball: an empty database, or (`migrated`) one with every migration applied. */
export function pgliteTarball(migrated: boolean): Promise<string> {
  const file = path.join(os.tmpdir(), "trede-test-pglite", migrated ? `migrated-${migrationsHash()}.tar` : `empty-${migrationsHash()}.tar`);
  if (existsSync(file)) return Promise.resolve(file);
  let promise = building.get(file);
  if (!promise) {
    promise = buildTarball(file, migrated);
    building.set(file, promise);
  }
  return promise;
}

async function buildTarball(file: string, migrated: boolean): Promise<string> {
  const pglite = await PGlite.create();
  try {
    if (migrated) await applyMigrations(pgliteDriver(pglite), MIGRATIONS);
    const tarball = await pglite.dumpDataDir("none");
    await mkdir(path.dirname(file), { recursive: true });
    // written aside and renamed: a parallel worker never reads half a file
    const partial = `${file}.${process.pid}.${randomUUID()}`;
    await writeFile(partial, new Uint8Array(await tarball.arrayBuffer()));
    await rename(partial, file);
    return file;
  } finally {
    await pglite.close();
  }
}

function pgliteDriver(pglite: PGlite): SqlDriver {
  return {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
}

let template: Promise<string> | undefined;

/** Name of a migrated database on the server at `adminUrl`, built once (across processes: under a lock). */
export function postgresTemplate(adminUrl: string): Promise<string> {
  template ??= buildPostgresTemplate(adminUrl);
  return template;
}

async function buildPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `trede_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext('trede test template'))");
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return name;
    // built under another name and renamed when complete: a run that died half-way leaves no bad template
    const partial = `trede_partial_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    await admin.query(`CREATE DATABASE "${partial}"`);
    const db = await openDatabase(databaseUrl(adminUrl, partial), { poolSize: 1 });
    try {
      await db.migrate(MIGRATIONS);
    } finally {
      await db.close();
    }
    await admin.query(`ALTER DATABASE "${partial}" RENAME TO "${name}"`);
    return name;
  } finally {
    await admin.end(); // ends the session, which releases the lock
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

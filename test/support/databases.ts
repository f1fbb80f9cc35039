// Every storage-facing suite runs on embedded PGlite (in memory) and, when TEST_DATABASE_URL is set,
// on a throw-away PostgreSQL database created for the suite and dropped afterwards. Both start as a copy of
// a database built once (database-templates.ts): the same tables and migration records `migrate()` leaves.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, type Database } from "../../src/storage/db/index.ts";
import { databaseUrl, pgliteTarball, postgresTemplate } from "./database-templates.ts";

export interface TestBackend {
  name: "pglite" | "postgres";
  /** Opens a fresh, migrated, empty database (`migrate: false`: no tables yet, for migration tests). */
  open(options?: { migrate?: boolean }): Promise<TestDatabase>;
}
export interface TestDatabase extends Database {
  url: string;
}

const pglite: TestBackend = {
  name: "pglite",
  async open(options = {}) {
    const url = "pglite:memory://";
    const db = await openDatabase(url, { pgliteTarball: await pgliteTarball(options.migrate !== false) });
    return { ...db, url };
  },
};

const postgres: TestBackend = {
  name: "postgres",
  async open(options = {}) {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `trede_test_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const template = options.migrate !== false ? await postgresTemplate(adminUrl) : undefined;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
    await admin.end();
    const url = databaseUrl(adminUrl, name);
    const db = await openDatabase(url);
    return {
      ...db,
      url,
      close: async () => {
        await db.close();
        const again = new pg.Client({ connectionString: adminUrl });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await again.end();
      },
    };
  },
};

export const backends: TestBackend[] = process.env.TEST_DATABASE_URL ? [pglite, postgres] : [pglite];

/**
 * An empty embedded database (no tables), for tests of the migrations and the connection bridge: the
 * same as `openDatabase("pglite:memory://")`, loaded from a copy instead of running initdb again.
 */
export async function openEmptyPglite(): Promise<Database> {
  return openDatabase("pglite:memory://", { pgliteTarball: await pgliteTarball(false) });
}

/**
 * `pglite:<dir>` of a new embedded database on disk with every migration applied, for what opens a database
 * by its URL (the command line): loaded from the migrated template, not built by initdb and the migrations.
 */
export async function migratedPgliteUrl(dir: string): Promise<string> {
  const pglite = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([await readFile(await pgliteTarball(true))]) });
  await pglite.close();
  return `pglite:${dir}`;
}

// Every storage-facing suite runs on embedded PGlite (in memory) and, when TEST_DATABASE_URL is set,
// on a throw-away PostgreSQL database created for the suite and dropped afterwards.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/storage/db/index.ts";

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
    const db = await openDatabase(url);
    if (options.migrate !== false) await db.migrate();
    return { ...db, url };
  },
};

const postgres: TestBackend = {
  name: "postgres",
  async open(options = {}) {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `trede_test_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    const db = await openDatabase(url);
    if (options.migrate !== false) await db.migrate();
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

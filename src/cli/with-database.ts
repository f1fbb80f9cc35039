import type { CliIo } from "./command.ts";
import { CliUsageError } from "./command.ts";
import { openDatabase, type Database } from "../storage/db/index.ts";
import { DatabaseSetupError, prepareDatabase } from "../storage/db/roles.ts";
import { createStore, type Store } from "../storage/store.ts";

/**
 * Opens DATABASE_URL (default: the embedded database) and makes it ready as the bot does at start (the
 * owner migrates when DATABASE_MIGRATION_URL is set; an application role only checks); always closes.
 */
export async function withDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T> {
  const url = io.env.DATABASE_URL || "pglite:./data/pglite";
  const db = await openDatabase(url);
  try {
    const prepared = await prepareDatabase(db, { url, migrationUrl: io.env.DATABASE_MIGRATION_URL || undefined });
    for (const warning of prepared.warnings) io.stderr.write(`warning: ${warning}\n`);
    return await fn(db);
  } catch (e) {
    if (e instanceof DatabaseSetupError) throw new CliUsageError(e.message);
    throw e;
  } finally {
    await db.close();
  }
}

/** The same, with the store the use cases take (the CLI's composition root). */
export async function withStore<T>(io: CliIo, fn: (store: Store) => Promise<T>): Promise<T> {
  return withDatabase(io, (db) => fn(createStore(db)));
}

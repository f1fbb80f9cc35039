import type { CliIo } from "./command.ts";
import { openDatabase, type Database } from "../storage/db/index.ts";

/** Opens DATABASE_URL (default: the embedded database), applies pending migrations, always closes. */
export async function withDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(io.env.DATABASE_URL || "pglite:./data/pglite");
  try {
    await db.migrate();
    return await fn(db);
  } finally {
    await db.close();
  }
}

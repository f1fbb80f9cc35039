// npm run db:migrate — apply pending migrations to DATABASE_URL (default: the embedded PGlite).
import { openDatabase } from "../src/storage/db/index.ts";

const db = await openDatabase(process.env.DATABASE_URL || "pglite:./data/pglite");
try {
  const applied = await db.migrate();
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
} finally {
  await db.close();
}

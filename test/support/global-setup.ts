// Builds the template databases once before the workers start, so parallel test files do not each build
// their own (database-templates.ts; a later run reuses them while the migrations are unchanged).
import { pgliteTarball, postgresTemplate } from "./database-templates.ts";

export default async function setup() {
  await Promise.all([
    pgliteTarball(true),
    pgliteTarball(false),
    process.env.TEST_DATABASE_URL ? postgresTemplate(process.env.TEST_DATABASE_URL) : undefined,
  ]);
}

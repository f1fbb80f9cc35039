import { defineConfig } from "prisma/config";
import { cliAdapter } from "./src/storage/db/cli-adapters.ts";

// Prisma 6.19 CLI in "js engine" mode: the WASM schema engine shipped in the `prisma` package talks to
// the database through a driver adapter, so nothing is downloaded from binaries.prisma.sh.
//   DATABASE_URL unset         -> throw-away in-memory PGlite (enough for `migrate diff`, db:new, db:check)
//   DATABASE_URL=pglite:<dir>  -> that PGlite data dir (never while the app has it open)
//   DATABASE_URL=postgres://…  -> a real PostgreSQL server
const target = process.env.DATABASE_URL ?? "";
// schema.prisma keeps `url = env("DATABASE_URL")`: without `url`, or with a value that is not a
// postgres URL, the CLI falls back to downloading the native engines. The adapter is what is used.
if (!/^postgres(ql)?:\/\//.test(target)) process.env.DATABASE_URL = "postgresql://embedded.invalid/pglite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => cliAdapter(target),
});

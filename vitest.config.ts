import { defineConfig } from "vitest/config";

// Files that replace a module with vi.mock: the replacement only reaches modules loaded after it, so these
// get a fresh module graph of their own.
const REPLACES_MODULES = ["test/cards/fallback.test.ts"];

export default defineConfig({
  test: {
    // the migrated template databases every test database is copied from (test/support/database-templates.ts)
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each PGlite instance is a WASM PostgreSQL (~100 MB); two cores: keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "node_modules/**", ...REPLACES_MODULES],
          // Test files in one worker share loaded modules: Prisma's client, botbuilder and teams-ai load once
          // per worker instead of once per file (≈ 5 s of CPU each). Tests keep no state in modules; each
          // opens its own database and bot.
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: REPLACES_MODULES } },
    ],
  },
});

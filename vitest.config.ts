import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    // the migrated template databases every test database is copied from (test/support/database-templates.ts)
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each PGlite instance is a WASM PostgreSQL (~100 MB); two cores: keep parallelism modest.
    maxWorkers: 2,
  },
});

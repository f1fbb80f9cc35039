import { defineConfig } from "vitest/config";

// End-to-end runs in the Agents Playground (headless Chromium): one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    passWithNoTests: false,
  },
});

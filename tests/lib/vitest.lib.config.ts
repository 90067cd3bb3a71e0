import { defineConfig } from "vitest/config";

// Config for the pure utility modules in src/lib: no database, no globalSetup.
// Run: npx vitest run --config tests/lib/vitest.lib.config.ts
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/lib/**/*.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
    maxWorkers: 2,
  },
});

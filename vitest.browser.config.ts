// Browser tests (playwright-core driving Debian's chromium): `npm run test:browser`, run by .ci/run.
// Kept out of `npm test`: starting the seeded sandbox and a browser takes 30–60 s on 2 busy cores.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.e2e.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
  },
});

// Runs the fake's own tests without the project's globalSetup (database etc.):
//   npx vitest run --config src/emulator/vitest.fake.config.ts
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  test: {
    include: ["tests/support/fake-telegram.test.ts"],
    testTimeout: 10_000,
  },
});

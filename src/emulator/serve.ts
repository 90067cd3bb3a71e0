// Standalone fake Bot API server, so several processes (bench) can share one fake.
//   FAKE_PORT=8081 FAKE_RATE_LIMITS=1 FAKE_SCALE=10 npx tsx src/emulator/serve.ts
// Prints the apiRoot on the first stdout line. Control endpoints:
//   GET  /__fake/stats            calls by method, 429 count, per-chat counts/max-in-window, duplicates
//   GET  /__fake/calls?since=N    recorded calls (file bytes omitted)
//   POST /__fake/reset
//   POST /__fake/rpc  {method, args} or [{method,args},...]  e.g. addUser, addGroup, userStartedBot, updates.text
import { FakeTelegram } from "./fake.js";

const fake = await FakeTelegram.start({
  port: Number(process.env.FAKE_PORT ?? 0),
  host: process.env.FAKE_HOST ?? "127.0.0.1",
  token: process.env.FAKE_TOKEN || undefined,
  rateLimits: {
    enabled: process.env.FAKE_RATE_LIMITS === "1" || process.env.FAKE_RATE_LIMITS === "true",
    scale: Number(process.env.FAKE_SCALE ?? 1),
  },
});
console.log(fake.apiRoot);

const shutdown = async () => {
  await fake.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

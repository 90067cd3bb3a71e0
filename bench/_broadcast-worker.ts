// One bot instance that only runs the delivery queue, for bench/broadcast.ts (forked twice).
// Configured like production, from the environment: DATABASE_URL, REDIS_URL, LIMIT_*, …
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { buildApp } from "../src/app.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const app = await buildApp(config, logger, { botInfo: JSON.parse(process.env.BOT_INFO!) });
app.deps.delivery.start();
// The queue's timers never hold a process open; this one lives until the bench stops it.
const keepAlive = setInterval(() => {}, 1 << 30);
// CPU used from here on: sending only, not start-up (tsx compiling the app).
const cpuAtReady = process.cpuUsage();

process.on("message", async (m) => {
  if (m === "stats") {
    const cpu = process.cpuUsage(cpuAtReady);
    process.send?.({ stats: { ...app.deps.delivery.stats, cpuMs: Math.round((cpu.user + cpu.system) / 1000) } });
  }
  if (m === "stop") {
    clearInterval(keepAlive);
    await app.close();
    process.exit(0);
  }
});
process.send?.({ ready: true });

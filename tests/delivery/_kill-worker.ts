// A queue worker in a process of its own, for tests/delivery/process-kill.test.ts (SIGKILLed there).
import { Api } from "grammy";
import { openDatabase } from "../../src/infra/db.js";
import { DeliveryQueue } from "../../src/delivery/queue.js";
import { MemoryLimiter } from "../../src/delivery/limiter.js";
import { systemClock } from "../../src/infra/clock.js";
import { createLogger } from "../../src/infra/logger.js";

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, migrate: false, poolSize: 4 });
const rate = Number(process.env.RATE ?? 40);
const queue = new DeliveryQueue({
  prisma: db.prisma,
  api: new Api(process.env.BOT_TOKEN!, { apiRoot: process.env.TELEGRAM_API_ROOT }),
  clock: systemClock,
  logger: createLogger("silent"),
  limiter: new MemoryLimiter({ globalPerSecond: rate, groupPerMinute: 10_000, privatePerSecond: 10_000 }),
  instanceId: "child",
  kickChannel: null,
  sweepIntervalMs: 100,
});
queue.start();
// The queue's own timers are unref'd (they never hold a bot open); this process lives until killed.
setInterval(() => {}, 1 << 30);
console.log("ready");

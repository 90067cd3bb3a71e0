import { randomBytes } from "node:crypto";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/infra/logger.js";
import { FixedClock } from "../../src/infra/clock.js";
import { buildApp, type App } from "../../src/app.js";
import { FakeTelegram, type FakeTelegramOptions } from "./fake-telegram/index.js";
import { openTestDatabase, type TestDatabase } from "./db.js";

export interface HarnessOptions {
  bootstrapAdmins?: number[];
  now?: Date;
  env?: Record<string, string>;
  /** Use real Redis when REDIS_URL is set (default true). */
  redis?: boolean;
  /**
   * Options of the fake Bot API. With `rateLimits.clock: "fake"` the fake's clock follows the
   * bot's at every send and flush, so its limits judge the bot's own (injected) time.
   */
  fake?: FakeTelegramOptions;
  /** Where the app's log lines go (the real logger: serializers and scrubbing included), at `level`. */
  log?: { level: string; destination: { write(line: string): unknown } };
}

export interface Harness {
  fake: FakeTelegram;
  app: App;
  db: TestDatabase;
  clock: FixedClock;
  config: Config;
  redis: Redis | null;
  /** Feeds one update to the bot, as Telegram would, and waits until it is handled. */
  send(update: Update): Promise<void>;
  /** Sends everything due in the delivery queue (what a running worker would do). */
  flush(): Promise<void>;
  /** Runs due jobs, then flushes the queue. */
  tick(): Promise<number>;
  /** Rebuilds the app on the same database and Redis: a restart of the bot. */
  restart(): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const T0 = new Date("2026-11-30T02:00:00Z"); // Senin, 30 November 2026 pukul 09.00 WIB

/**
 * One per test file: the real bot (createBot through buildApp), a database clone, Redis when
 * configured, and the fake Telegram Bot API over HTTP.
 */
export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeTelegram.start(opts.fake);
  const followClock = opts.fake?.rateLimits?.clock === "fake";
  // Updates go straight to bot.handleUpdate; message dates follow the test clock.
  fake.autoEnqueue = false;
  fake.setNow(opts.now ?? T0);
  const db = await openTestDatabase();
  const clock = new FixedClock(opts.now ?? T0);
  const useRedis = opts.redis !== false && !!process.env.REDIS_URL;
  const prefix = `test:${randomBytes(4).toString("hex")}:`;
  const redis = useRedis ? new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2 }) : null;
  const config = loadConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    BOOTSTRAP_ADMIN_IDS: (opts.bootstrapAdmins ?? []).join(","),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    REDIS_PREFIX: prefix,
    // Generous limits so tests do not wait; tests of the limits set their own.
    LIMIT_GLOBAL_PER_SECOND: "10000",
    LIMIT_GROUP_PER_MINUTE: "10000",
    LIMIT_PRIVATE_PER_SECOND: "10000",
    FLOOD_LIMIT_PER_MINUTE: "10000",
    ...opts.env,
  });
  const logger = createLogger(opts.log?.level ?? config.LOG_LEVEL, { secrets: [config.BOT_TOKEN, config.WEBHOOK_SECRET], destination: opts.log?.destination });
  const make = async () => {
    const app = await buildApp(config, logger, { db, clock, redis, botInfo: fake.botInfo, instanceId: "test" });
    await app.init();
    app.deps.delivery.start();
    return app;
  };
  let app = await make();

  const h: Harness = {
    fake,
    get app() {
      return app;
    },
    db,
    clock,
    config,
    redis,
    async send(update) {
      if (followClock) fake.setNow(clock.now());
      await app.bot.handleUpdate(update);
    },
    async flush() {
      if (followClock) fake.setNow(clock.now());
      await app.deps.delivery.drain();
    },
    async tick() {
      fake.setNow(clock.now());
      const n = await app.deps.jobs.runDue();
      await app.deps.delivery.drain();
      return n;
    },
    async restart() {
      await app.deps.delivery.stop();
      await app.deps.jobs.stop();
      app = await make();
    },
    async reset() {
      await app.deps.delivery.drain().catch(() => {});
      await db.reset();
      fake.reset();
      fake.autoEnqueue = false;
      clock.set(opts.now ?? T0);
      fake.setNow(opts.now ?? T0);
      if (redis) {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
      }
      await h.restart();
    },
    async close() {
      await app.deps.delivery.stop();
      await app.deps.jobs.stop();
      if (redis) {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
      await db.close();
      await fake.stop();
    },
  };
  return h;
}

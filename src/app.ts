import { hostname } from "node:os";
import { Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import type { Config } from "./config.js";
import type { Deps } from "./deps.js";
import { openDatabase, type Database } from "./infra/db.js";
import { openRedis } from "./infra/redis.js";
import type { Logger } from "./infra/logger.js";
import { systemClock, type Clock } from "./infra/clock.js";
import { cryptoRandom, type Random } from "./infra/random.js";
import { DeliveryQueue } from "./delivery/queue.js";
import { MemoryLimiter, type Limiter } from "./delivery/limiter.js";
import { RedisLimiter } from "./delivery/redis-limiter.js";
import { JobScheduler } from "./jobs/scheduler.js";
import { createBot, jobHandlers, runStartHooks } from "./bot/index.js";

export interface AppOverrides {
  clock?: Clock;
  random?: Random;
  db?: Database;
  redis?: Redis | null;
  botInfo?: UserFromGetMe;
  limiter?: Limiter;
  instanceId?: string;
}

/** Builds every dependency and the bot, without starting anything (main.ts and tests share it). */
export async function buildApp(config: Config, logger: Logger, o: AppOverrides = {}) {
  const db = o.db ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  let redis: Redis | undefined;
  try {
    redis = o.redis === null ? undefined : (o.redis ?? (config.REDIS_URL ? await openRedis(config.REDIS_URL) : undefined));
  } catch (err) {
    if (!o.db) await db.close();
    throw err;
  }
  const clock = o.clock ?? systemClock;
  const instanceId = o.instanceId ?? config.INSTANCE_ID ?? `${hostname()}:${process.pid}`;
  const limits = {
    globalPerSecond: config.LIMIT_GLOBAL_PER_SECOND,
    groupPerMinute: config.LIMIT_GROUP_PER_MINUTE,
    privatePerSecond: config.LIMIT_PRIVATE_PER_SECOND,
    marginMs: config.LIMIT_MARGIN_MS,
  };
  const limiter = o.limiter ?? (redis ? new RedisLimiter(redis, limits, `${config.REDIS_PREFIX}limit:`) : new MemoryLimiter(limits));
  // The queue handles 429s and limits itself, so it uses an Api without auto-retry or throttler.
  const queueApi = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
  const delivery = new DeliveryQueue({ prisma: db.prisma, api: queueApi, clock, logger, limiter, instanceId });
  const jobs = new JobScheduler({ prisma: db.prisma, clock, logger, instanceId });
  const deps: Deps = {
    config,
    logger,
    db,
    prisma: db.prisma,
    redis,
    clock,
    random: o.random ?? cryptoRandom,
    delivery,
    jobs,
    botUsername: o.botInfo?.username ?? "",
  };
  const bot = createBot(deps, { botInfo: o.botInfo });
  // Errors that escape the features' error boundary: through the logger, not grammY's console.error
  // (which prints the error with its request payload: chat ids and texts).
  bot.catch((err) => logger.error({ err: err.error, updateId: err.ctx?.update?.update_id }, "update failed"));
  for (const [kind, handler] of Object.entries(jobHandlers(deps))) jobs.register(kind, handler);
  // The features' start-up work, awaited by close() so the database is never closed under it.
  let starting: Promise<void> | null = null;

  return {
    deps,
    bot,
    async init() {
      await bot.init();
      deps.botUsername = bot.botInfo.username;
    },
    /** Starts the background workers (queue sweep, job tick). Updates are fed separately. */
    startWorkers() {
      delivery.start();
      jobs.start();
      starting = runStartHooks(deps);
    },
    async close() {
      await starting;
      await jobs.stop();
      await delivery.stop();
      if (o.redis === undefined) redis?.disconnect(); // only what this app opened itself
      if (!o.db) await db.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;

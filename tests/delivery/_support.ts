import { Api, type Transformer } from "grammy";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { DeliveryQueue, type DeliveryOptions } from "../../src/delivery/queue.js";
import { MemoryLimiter, type Limiter, type LimiterLimits } from "../../src/delivery/limiter.js";
import { RedisLimiter } from "../../src/delivery/redis-limiter.js";
import { FixedClock, type Clock } from "../../src/infra/clock.js";
import { createLogger } from "../../src/infra/logger.js";
import { openDatabase, type Database } from "../../src/infra/db.js";
import type { Prisma } from "../../src/infra/db.js";
import type { Payload } from "../../src/delivery/types.js";
import { FakeTelegram, type FakeTelegramOptions } from "../support/fake-telegram/index.js";
import { openTestDatabase, type TestDatabase } from "../support/db.js";
import { T0 } from "../support/harness.js";

export const GENEROUS: LimiterLimits = { globalPerSecond: 100_000, groupPerMinute: 100_000, privatePerSecond: 100_000 };

/**
 * A delivery queue (or several) on a database of this file's own, talking HTTP to the fake Bot API.
 * Lighter than the bot harness: tests of the queue build exactly the workers they need.
 */
export interface QueueWorld {
  fake: FakeTelegram;
  db: TestDatabase;
  clock: FixedClock;
  redis: Redis | null;
  prefix: string;
  queues: DeliveryQueue[];
  /** `crashable`: not stopped by reset/close (a "dead" queue would hang there). */
  queue(o?: Partial<DeliveryOptions> & { limits?: LimiterLimits; redisLimiter?: boolean; transformers?: Transformer[]; crashable?: boolean }): DeliveryQueue;
  /** A second connection pool on the same PostgreSQL database (the PGlite client itself otherwise). */
  secondDb(): Promise<Database | null>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function queueWorld(opts: { fake?: FakeTelegramOptions } = {}): Promise<QueueWorld> {
  const fake = await FakeTelegram.start(opts.fake);
  fake.autoEnqueue = false;
  const db = await openTestDatabase();
  const clock = new FixedClock(T0);
  const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 }) : null;
  const prefix = `test:dq:${randomBytes(4).toString("hex")}:`;
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
  const extraDbs: Database[] = [];
  const w: QueueWorld = {
    fake,
    db,
    clock,
    redis,
    prefix,
    queues: [],
    queue(o = {}) {
      const { limits = GENEROUS, redisLimiter, transformers, crashable, ...rest } = o;
      const qClock = rest.clock ?? clock;
      const limiter: Limiter =
        rest.limiter ?? (redisLimiter && redis ? new RedisLimiter(redis, limits, `${prefix}limit:`) : new MemoryLimiter(limits, () => qClock.now().getTime()));
      const api = rest.api ?? new Api(fake.token, { apiRoot: fake.apiRoot });
      for (const t of transformers ?? []) api.config.use(t);
      const q = new DeliveryQueue({
        ...rest,
        prisma: rest.prisma ?? db.prisma,
        api,
        clock: qClock,
        logger,
        limiter,
        kickChannel: rest.kickChannel ?? null,
        instanceId: rest.instanceId ?? `w${w.queues.length + 1}`,
      });
      if (!crashable) w.queues.push(q);
      return q;
    },
    async secondDb() {
      if (!db.url) return null;
      const other = await openDatabase({ databaseUrl: db.url, migrate: false, poolSize: 8 });
      extraDbs.push(other);
      return other;
    },
    async reset() {
      for (const q of w.queues) await q.stop();
      w.queues.length = 0;
      await db.reset();
      fake.reset();
      fake.autoEnqueue = false;
      clock.set(T0);
      if (redis) {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
      }
    },
    async close() {
      for (const q of w.queues) await q.stop();
      for (const d of extraDbs) await d.close();
      if (redis) {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
      await db.close();
      await fake.stop();
    },
  };
  return w;
}

export function text(t: string, extra: Record<string, unknown> = {}): Payload {
  return { op: "send", method: "sendMessage", params: { text: t, ...extra } };
}

/** n private chats whose users have started the bot. */
export function privateChats(fake: FakeTelegram, n: number, prefix = "Warga"): number[] {
  return Array.from({ length: n }, (_, i) => {
    const u = fake.addUser({ first_name: `${prefix}${i + 1}` });
    fake.userStartedBot(u.id);
    return u.id;
  });
}

export function groups(fake: FakeTelegram, n: number, o: { botIsAdmin?: boolean } = {}): number[] {
  return Array.from({ length: n }, (_, i) => fake.addGroup({ title: `Grup ${i + 1}`, botIsAdmin: o.botIsAdmin }).id);
}

/** Texts the fake stored for a chat (what its members see), in order. */
export function seen(fake: FakeTelegram, chatId: number): string[] {
  return fake.sent(chatId).map((m) => String(m.text ?? m.caption ?? ""));
}

export async function states(prisma: Prisma, batchId?: number): Promise<Record<string, number>> {
  const g = await prisma.delivery.groupBy({ by: ["state"], where: batchId ? { batchId } : {}, _count: { _all: true } });
  return Object.fromEntries(g.map((x) => [x.state, x._count._all]));
}

/**
 * A Prisma client that, once `freeze()` is called, never answers again: a process that died.
 * Queries already running finish; new ones hang forever.
 */
export function freezable(prisma: Prisma): { prisma: Prisma; freeze(): void } {
  let frozen = false;
  const hang = () => new Promise<never>(() => {});
  const wrap = (target: any): any =>
    new Proxy(target, {
      get(t, prop, recv) {
        const v = Reflect.get(t, prop, recv);
        if (typeof v === "function") {
          return (...args: unknown[]) => (frozen ? hang() : v.apply(t, args));
        }
        if (v && typeof v === "object" && typeof prop === "string" && !prop.startsWith("_")) return wrap(v);
        return v;
      },
    });
  return { prisma: wrap(prisma) as Prisma, freeze: () => (frozen = true) };
}

/**
 * An API transformer that lets `allow` sends through and then "kills the process": the next
 * `inFlight` requests reach Telegram but their answers are never seen, and everything after that
 * never leaves.
 */
export function crashAfter(allow: number, inFlight: number, onCrash: () => void): Transformer {
  let n = 0;
  return async (prev, method, payload, signal) => {
    if (!/^send|^copy|^forward/.test(method)) return prev(method, payload, signal);
    n++;
    if (n <= allow) return prev(method, payload, signal);
    if (n === allow + 1) onCrash();
    if (n <= allow + inFlight) {
      await prev(method, payload, signal).catch(() => {});
    }
    return new Promise<never>(() => {});
  };
}

export function realClock(): Clock {
  return { now: () => new Date() };
}

/**
 * One bot process of the throughput bench: either the full bot (buildApp on PostgreSQL and Redis,
 * its delivery queue and jobs running) or a bare grammY bot with RedisAdapter sessions that
 * answers every update with one message. Both are fed the same Telegram-shaped updates with
 * `bot.handleUpdate`, `concurrency` at once (the runner's way: per-chat order is kept by the
 * full bot's sequentialize; the bare bot needs none).
 */
import { Bot, session } from "grammy";
import type { Update } from "grammy/types";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Redis } from "ioredis";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { openDatabase } from "../src/infra/db.js";
import { buildApp } from "../src/app.js";

export interface TpInit {
  type: "init";
  mode: "full" | "bare";
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  apiRoot: string;
  token: string;
  botInfo: import("grammy/types").UserFromGetMe;
  concurrency: number;
}

export interface TpDone {
  type: "done";
  mode: "full" | "bare";
  updates: number;
  /** first update handed in → last handled and, for the full bot, the outbox empty */
  ms: number;
  handleMs: number;
  p50: number;
  p99: number;
  peakRss: number;
  idleRss: number;
  errors: number;
}

/** BENCH_COUNT_QUERIES=1: counts the SQL statements the bot sends, by text (where time goes). */
const queryCounts = new Map<string, number>();
if (process.env.BENCH_COUNT_QUERIES) {
  const pg = (await import("pg")).default;
  const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    const text = (typeof q === "string" ? q : (q?.text ?? "?")).replace(/\s+/g, " ").slice(0, 160);
    queryCounts.set(text, (queryCounts.get(text) ?? 0) + 1);
    return orig.apply(this, args);
  } as never;
}

async function main(init: TpInit) {
  let handle: (u: Update) => Promise<void>;
  let settle: () => Promise<void> = async () => {};
  let close: () => Promise<void>;
  let errors = 0;
  if (init.mode === "full") {
    const config = loadConfig({
      BOT_TOKEN: init.token,
      TELEGRAM_API_ROOT: init.apiRoot,
      DATABASE_URL: init.databaseUrl,
      REDIS_URL: init.redisUrl,
      REDIS_PREFIX: init.redisPrefix,
      LOG_LEVEL: "error",
      INSTANCE_ID: "bench-throughput",
      // Telegram's send limits lifted (the fake runs without them too).
      LIMIT_GLOBAL_PER_SECOND: "100000",
      LIMIT_GROUP_PER_MINUTE: "100000",
      LIMIT_PRIVATE_PER_SECOND: "100000",
      FLOOD_LIMIT_PER_MINUTE: "100000",
    });
    const logger = createLogger("error");
    const db = await openDatabase({ databaseUrl: init.databaseUrl, migrate: false });
    const app = await buildApp(config, logger, { db, botInfo: init.botInfo, instanceId: "bench-throughput" });
    await app.init();
    app.startWorkers();
    app.bot.catch(() => void errors++);
    handle = (u) => app.bot.handleUpdate(u);
    settle = async () => {
      // What the updates queued (relays, card edits) is part of the work: wait for the outbox.
      for (let i = 0; i < 600; i++) {
        await app.deps.delivery.drain();
        const n = await app.deps.prisma.delivery.count({ where: { state: { in: ["queued", "sending"] } } }).catch(() => 0);
        if (n === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    close = async () => {
      await app.close();
      await db.close();
    };
  } else {
    const redis = new Redis(init.redisUrl);
    const bot = new Bot<import("grammy").Context & import("grammy").SessionFlavor<{ n: number }>>(init.token, {
      botInfo: init.botInfo,
      client: { apiRoot: init.apiRoot },
    });
    bot.use(
      session({
        initial: () => ({ n: 0 }),
        storage: new RedisAdapter({ instance: redis, ttl: 3600 }),
        getSessionKey: (ctx) => (ctx.from ? `${init.redisPrefix}bare:${ctx.from.id}` : undefined),
      }),
    );
    bot.on("callback_query", async (ctx) => {
      ctx.session.n++;
      await ctx.api.sendMessage(ctx.chat?.id ?? ctx.from.id, `ok ${ctx.session.n}`);
    });
    bot.on("message", async (ctx) => {
      ctx.session.n++;
      await ctx.reply(`ok ${ctx.session.n}`);
    });
    bot.catch(() => void errors++);
    await bot.init();
    handle = (u) => bot.handleUpdate(u);
    close = async () => {
      redis.disconnect();
    };
  }
  await new Promise((r) => setTimeout(r, 1500));
  const idleRss = process.memoryUsage().rss;
  process.send!({ type: "ready" });
  const updates = await new Promise<Update[]>((resolve) => process.on("message", (m: { type: string; updates?: Update[] }) => m.type === "go" && resolve(m.updates!)));

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= updates.length) return;
      const t = performance.now();
      await handle(updates[i]!).catch(() => void errors++);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: init.concurrency }, worker));
  const handleMs = performance.now() - started;
  await settle();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
  const done: TpDone = { type: "done", mode: init.mode, updates: latencies.length, ms, handleMs, p50: pct(0.5), p99: pct(0.99), peakRss, idleRss, errors };
  if (queryCounts.size) {
    const total = [...queryCounts.values()].reduce((a, b) => a + b, 0);
    console.log(`${init.mode}: ${total} SQL statements for ${latencies.length} updates`);
    for (const [q, n] of [...queryCounts].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${String(n).padStart(6)}  ${q}`);
  }
  process.send!(done);
  await new Promise<void>((resolve) => process.on("message", (m: { type: string }) => m.type === "exit" && resolve()));
  await close();
  process.exit(0);
}

process.once("message", (m: TpInit) => {
  if (m.type !== "init") return;
  main(m).catch((err) => {
    console.error(`throughput bench worker (${m.mode}):`, err);
    process.exit(1);
  });
});

/**
 * One bot process of the relay bench: the real app (buildApp, delivery workers, job tick) on the
 * bench's PostgreSQL and Redis. The orchestrator tells it which resident writes what in which
 * group; it builds that Telegram message in the shared fake Bot API and handles the update, as
 * if Telegram had delivered it, then reports when it arrived.
 */
import type { Update } from "grammy/types";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { openDatabase } from "../src/infra/db.js";
import { buildApp } from "../src/app.js";

export interface RelayWorkerInit {
  type: "init";
  worker: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  apiRoot: string;
  token: string;
}

export interface RelayWorkerMessage {
  type: "msg";
  seq: number;
  user: { id: number; first_name: string };
  chatId: number;
  text: string;
  /** Card of the topic in that group: the reply target unless `replyToLatest` finds a copy. */
  card: number;
  replyToLatest: boolean;
}

export interface RelayWorkerHandled {
  type: "handled";
  seq: number;
  /** Date.now() when the update reached the bot (the clock of the first-copy latency). */
  arrivedAt: number;
  handleMs: number;
  error?: string;
  /** The fake could not create the message: a failure of the bench, not of the relay. */
  notWritten?: boolean;
}

async function rpc(apiRoot: string, calls: Array<{ method: string; args: unknown[] }>) {
  const res = await fetch(`${apiRoot}/__fake/rpc`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(calls) });
  const body = (await res.json()) as { ok: boolean; result?: unknown[]; description?: string };
  if (!body.ok) throw new Error(`fake rpc: ${body.description}`);
  return body.result!;
}

async function main(init: RelayWorkerInit) {
  const config = loadConfig({
    BOT_TOKEN: init.token,
    TELEGRAM_API_ROOT: init.apiRoot,
    DATABASE_URL: init.databaseUrl,
    REDIS_URL: init.redisUrl,
    REDIS_PREFIX: init.redisPrefix,
    LOG_LEVEL: "warn",
    INSTANCE_ID: `bench-relay-${init.worker}`,
  });
  const db = await openDatabase({ databaseUrl: init.databaseUrl, migrate: false, poolSize: 10 });
  const app = await buildApp(config, createLogger("warn"), { db, instanceId: `bench-relay-${init.worker}` });
  await app.init();
  app.startWorkers();
  const prisma = app.deps.prisma;

  // One group's messages are handled in order (like grammY's sequentialize would for one chat).
  const lanes = new Map<number, Promise<void>>();
  process.on("message", (m: RelayWorkerMessage | { type: "exit" }) => {
    if (m.type === "exit") {
      void (async () => {
        await Promise.all(lanes.values());
        await app.close();
        await db.close();
        process.exit(0);
      })();
      return;
    }
    if (m.type !== "msg") return;
    const prev = lanes.get(m.chatId) ?? Promise.resolve();
    const next = prev.then(async () => {
      let replyTo = m.card;
      if (m.replyToLatest) {
        // A reply to the latest relayed copy shown in this group (a reply to a reply).
        const latest = await prisma.delivery.findFirst({
          where: { chatId: BigInt(m.chatId), ownerKind: "discussion.relay", recipientKey: `c:${m.chatId}`, state: "sent" },
          orderBy: { id: "desc" },
          select: { telegramMessageId: true },
        });
        if (latest?.telegramMessageId) replyTo = latest.telegramMessageId;
      }
      let update: Update | undefined;
      for (let attempt = 1; !update; attempt++) {
        try {
          [update] = (await rpc(init.apiRoot, [{ method: "updates.text", args: [m.user, m.chatId, m.text, { replyTo }] }])) as Update[];
        } catch (err) {
          // The bench itself could not write the message (the fake did not answer in time).
          if (attempt >= 3) {
            process.send!({ type: "handled", seq: m.seq, arrivedAt: Date.now(), handleMs: 0, error: `not written: ${String(err)}`, notWritten: true });
            return;
          }
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
      const arrivedAt = Date.now();
      let error: string | undefined;
      try {
        await app.bot.handleUpdate(update);
      } catch (err) {
        error = String(err);
      }
      const done: RelayWorkerHandled = { type: "handled", seq: m.seq, arrivedAt, handleMs: Date.now() - arrivedAt, error };
      process.send!(done);
    });
    lanes.set(m.chatId, next.catch(() => {}));
  });
  process.send!({ type: "ready" });
}

process.once("message", (m: RelayWorkerInit) => {
  if (m.type !== "init") return;
  main(m).catch((err) => {
    console.error(`relay bench worker ${m.worker}:`, err);
    process.exit(1);
  });
});

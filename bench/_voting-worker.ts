/**
 * One bot process of the voting bench: the real app (createBot through buildApp) on the bench's
 * PostgreSQL and Redis, fed Telegram-shaped callback updates built by the shared fake Bot API.
 */
import type { Update } from "grammy/types";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { openDatabase } from "../src/infra/db.js";
import { buildApp } from "../src/app.js";

export interface PersonPlan {
  id: number;
  name: string;
  /** In order: the group (index) and option of each press. */
  presses: Array<{ group: number; option: number }>;
}

export interface WorkerInit {
  type: "init";
  worker: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  apiRoot: string;
  token: string;
  voteId: number;
  groupIds: number[];
  /** Card message id per group chat id. */
  cards: Record<string, number>;
  people: PersonPlan[];
  concurrency: number;
}

export interface WorkerDone {
  type: "done";
  worker: number;
  presses: number;
  ms: number;
  p50: number;
  p99: number;
}

async function rpc(apiRoot: string, calls: Array<{ method: string; args: unknown[] }>) {
  const res = await fetch(`${apiRoot}/__fake/rpc`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(calls) });
  const body = (await res.json()) as { ok: boolean; result?: unknown[]; description?: string };
  if (!body.ok) throw new Error(`fake rpc: ${body.description}`);
  return body.result!;
}

async function main(init: WorkerInit) {
  const config = loadConfig({
    BOT_TOKEN: init.token,
    TELEGRAM_API_ROOT: init.apiRoot,
    DATABASE_URL: init.databaseUrl,
    REDIS_URL: init.redisUrl,
    REDIS_PREFIX: init.redisPrefix,
    LOG_LEVEL: "error",
    INSTANCE_ID: `bench-worker-${init.worker}`,
  });
  const db = await openDatabase({ databaseUrl: init.databaseUrl, migrate: false, poolSize: 16 });
  const app = await buildApp(config, createLogger("error"), { db, instanceId: `bench-worker-${init.worker}` });
  await app.init();

  // Updates come from the fake (it records each callback query it hands out, and answers to
  // queries older than 15 minutes fail as on Telegram), built a few chunks ahead of the presses.
  const CHUNK = 250;
  const AHEAD = 4;
  const updates: Update[][] = init.people.map(() => []);
  const chunks: Array<Promise<void>> = [];
  const build = async (k: number) => {
    const calls: Array<{ person: number; call: { method: string; args: unknown[] } }> = [];
    for (let i = k * CHUNK; i < Math.min(init.people.length, (k + 1) * CHUNK); i++) {
      const p = init.people[i]!;
      for (const press of p.presses) {
        const chatId = init.groupIds[press.group]!;
        calls.push({
          person: i,
          call: { method: "updates.callback", args: [{ id: p.id, is_bot: false, first_name: p.name }, chatId, init.cards[String(chatId)], `vt:${init.voteId}:${press.option}`] },
        });
      }
    }
    const built = (await rpc(init.apiRoot, calls.map((c) => c.call))) as Update[];
    built.forEach((u, j) => updates[calls[j]!.person]!.push(u));
  };
  const chunkReady = (k: number) => {
    const last = Math.min(k + AHEAD, Math.ceil(init.people.length / CHUNK) - 1);
    for (let c = chunks.length; c <= last; c++) chunks.push(build(c));
    return chunks[k]!;
  };
  process.send!({ type: "ready" });
  await new Promise<void>((resolve) => process.on("message", (m: { type: string }) => m.type === "go" && resolve()));

  const started = Date.now();
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= updates.length) return;
      await chunkReady(Math.floor(i / CHUNK));
      // One person's presses in order (the last one decides their choice); people in parallel.
      for (const u of updates[i]!) {
        const t = performance.now();
        await app.bot.handleUpdate(u);
        latencies.push(performance.now() - t);
      }
    }
  };
  await Promise.all(Array.from({ length: init.concurrency }, worker));
  const ms = Date.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
  const done: WorkerDone = { type: "done", worker: init.worker, presses: latencies.length, ms, p50: pct(0.5), p99: pct(0.99) };
  process.send!(done);
  await new Promise<void>((resolve) => process.on("message", (m: { type: string }) => m.type === "exit" && resolve()));
  await app.close();
  await db.close();
  process.exit(0);
}

process.once("message", (m: WorkerInit) => {
  if (m.type !== "init") return;
  main(m).catch((err) => {
    console.error(`voting bench worker ${m.worker}:`, err);
    process.exit(1);
  });
});

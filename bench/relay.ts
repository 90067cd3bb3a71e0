/**
 * `npm run bench -- relay`: 17 village groups, one topic, a burst of 200 replies over 60 s written
 * in the groups, relayed by the real bot (two bot processes, one PostgreSQL, Redis, the shared fake
 * Bot API enforcing Telegram's limits: 30/s overall, 20/min per group).
 *
 * Measures, from the fake's own record of every API call:
 * - time from a reply reaching the bot to its first copy in another group (p50, p99);
 * - lost: (message, group) pairs where a message never appeared in a group it should reach
 *   (alone or inside a digest);
 * - over-limit: times a group was refused with 429 or got more than 20 messages within a minute.
 * A few single replies on a quiet topic first show the latency with nothing queued ahead.
 *
 * Env: DATABASE_URL / REDIS_URL (else local defaults), BENCH_GROUPS (17), BENCH_MESSAGES (200),
 * BENCH_SECONDS (60), BENCH_WORKERS (2), BENCH_QUIET (5 quiet replies; 0 to skip).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Redis } from "ioredis";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { openDatabase } from "../src/infra/db.js";
import { buildApp } from "../src/app.js";
import { loadAccess } from "../src/domain/forum/people.js";
import { openTopic, OWNER } from "../src/domain/discussion/index.js";
import { groupRenderer } from "../src/bot/features/discussion/render.js";
import type { RelayWorkerHandled, RelayWorkerInit, RelayWorkerMessage } from "./_relay-worker.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const TOKEN = "123456:BENCH-RELAY-TOKEN";
const USERS_PER_GROUP = 4;

function envInt(name: string, def: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return def;
  const v = Number(raw);
  return Number.isFinite(v) && v >= 0 ? Math.floor(v) : def;
}

/** Deterministic spread, so a run can be repeated exactly. */
function mix(a: number, b: number) {
  let x = (a * 2654435761) ^ (b * 40503) ^ 0x9e3779b9;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}

async function startFake(): Promise<{ proc: ChildProcess; apiRoot: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/emulator/serve.ts")], {
    cwd: root,
    env: { ...process.env, FAKE_PORT: "0", FAKE_TOKEN: TOKEN, FAKE_RATE_LIMITS: "1", FAKE_SCALE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const rl = createInterface({ input: proc.stdout! });
  const [line] = (await once(rl, "line")) as [string];
  rl.close();
  return { proc, apiRoot: line.trim() };
}

async function rpc(apiRoot: string, calls: Array<{ method: string; args: unknown[] }>) {
  const res = await fetch(`${apiRoot}/__fake/rpc`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(calls) });
  const body = (await res.json()) as { ok: boolean; result?: unknown[]; description?: string };
  if (!body.ok) throw new Error(`fake rpc: ${body.description}`);
  return body.result!;
}

interface FakeCall {
  method: string;
  params: Record<string, unknown>;
  ok: boolean;
  at: number;
  error?: { code: number };
}

const SENDS = new Set(["sendMessage", "copyMessage", "sendPhoto", "sendDocument", "sendVideo", "sendVoice", "sendSticker", "sendLocation"]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * p))]!);
};

export async function run() {
  const GROUPS = envInt("BENCH_GROUPS", 17);
  const MESSAGES = envInt("BENCH_MESSAGES", 200);
  const SECONDS = envInt("BENCH_SECONDS", 60);
  const WORKERS = Math.max(1, envInt("BENCH_WORKERS", 2));
  const QUIET = envInt("BENCH_QUIET", 5);
  const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const prefix = `bench:relay:${randomBytes(3).toString("hex")}:`;
  const dbName = `forumdesa_bench_relay_${randomBytes(4).toString("hex")}`;
  console.log(`relay bench: ${GROUPS} groups, ${MESSAGES} replies over ${SECONDS} s, ${WORKERS} bot processes, fake Bot API enforcing Telegram's limits`);

  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  const children: ChildProcess[] = [];
  let fakeProc: ChildProcess | null = null;
  let closeApp: (() => Promise<void>) | null = null;
  try {
    const db = await openDatabase({ databaseUrl: dbUrl, migrate: true, poolSize: 4 });
    const fake = await startFake();
    fakeProc = fake.proc;
    const config = loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: dbUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: "warn", INSTANCE_ID: "bench-relay-main" });
    // The orchestrator's app only arranges the world and opens the topic; the workers send.
    const app = await buildApp(config, createLogger("warn"), { db, instanceId: "bench-relay-main" });
    closeApp = async () => {
      await app.close();
      await db.close();
    };
    await app.init();
    const prisma = app.deps.prisma;

    // ---- world: a forum of GROUPS villages, one supergroup each, a few residents per group
    const forum = await prisma.forum.create({ data: { name: "Kerja Sama Antar Desa Kecamatan Bangunrejo" } });
    const camat = { id: 9_100_000_001, first_name: "Sri" };
    const camatPerson = await prisma.person.create({ data: { telegramUserId: BigInt(camat.id), firstName: camat.first_name, canMessage: true } });
    await prisma.membership.create({ data: { personId: camatPerson.id, forumId: forum.id, role: "admin_forum" } });
    await prisma.village.createMany({ data: Array.from({ length: GROUPS }, (_, g) => ({ forumId: forum.id, name: `Desa${g + 1}`, shortCode: `D${g + 1}` })) });
    const villages = await prisma.village.findMany({ where: { forumId: forum.id }, orderBy: { id: "asc" } });
    const groupId = (g: number) => -1003000000000 - g;
    await prisma.chatLink.createMany({ data: villages.map((v, g) => ({ forumId: forum.id, villageId: v.id, telegramChatId: BigInt(groupId(g)), title: `Warga ${v.name}` })) });
    const users = Array.from({ length: GROUPS }, (_, g) => Array.from({ length: USERS_PER_GROUP }, (_, k) => ({ id: 300_000_000 + g * 100 + k, first_name: `W${g + 1}${String.fromCharCode(97 + k)}` })));
    await rpc(fake.apiRoot, [
      { method: "addUser", args: [camat] },
      ...users.flat().map((x) => ({ method: "addUser", args: [x] })),
      ...villages.map((v, g) => ({ method: "addGroup", args: [{ id: groupId(g), title: `Warga ${v.name}`, type: "supergroup", members: users[g]!.map((x) => x.id) }] })),
    ]);

    // ---- bot processes
    const handled = new Map<number, RelayWorkerHandled>();
    const ready: Array<Promise<void>> = [];
    for (let w = 0; w < WORKERS; w++) {
      const child = fork(path.join(here, "_relay-worker.ts"), [], { execArgv: ["--import", "tsx"], cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"] });
      children.push(child);
      child.on("message", (m: RelayWorkerHandled | { type: "ready" }) => {
        if (m.type === "handled") handled.set(m.seq, m);
      });
      ready.push(
        new Promise((resolve, reject) => {
          child.once("error", reject);
          child.on("message", (m: { type: string }) => m.type === "ready" && resolve());
          child.once("exit", (code) => code !== 0 && reject(new Error(`worker ${w} exited with ${code}`)));
        }),
      );
      const init: RelayWorkerInit = { type: "init", worker: w, databaseUrl: dbUrl, redisUrl, redisPrefix: prefix, apiRoot: fake.apiRoot, token: TOKEN };
      child.send(init);
    }
    await Promise.all(ready);

    // ---- the topic: opened through the domain, its cards sent by the workers' queues
    const access = await loadAccess(prisma, camatPerson.id, false);
    const opened = await openTopic(app.deps, groupRenderer(), { personId: camatPerson.id, access }, {
      forumId: forum.id,
      title: "Perbaikan jalan penghubung antardesa",
      description: "Usulan dan tanggapan warga tentang perbaikan jalan penghubung.",
      villageIds: null,
      endsAt: null,
    });
    const cards = new Map<number, number>();
    for (let i = 0; i < 300 && cards.size < GROUPS; i++) {
      for (const c of await app.deps.delivery.copies(OWNER.topic, opened.topic.id)) if (c.state === "sent" && c.telegramMessageId) cards.set(Number(c.chatId), c.telegramMessageId);
      if (cards.size < GROUPS) await sleep(200);
    }
    if (cards.size < GROUPS) throw new Error(`only ${cards.size} of ${GROUPS} topic cards were sent`);

    let seq = 0;
    const plan = new Map<number, { marker: string; group: number }>();
    const write = (g: number, text: string, replyToLatest: boolean) => {
      const s = seq++;
      const marker = `#${s}#`;
      plan.set(s, { marker, group: g });
      const m: RelayWorkerMessage = { type: "msg", seq: s, user: users[g]![s % USERS_PER_GROUP]!, chatId: groupId(g), text: `${text} ${marker}`, card: cards.get(groupId(g))!, replyToLatest };
      children[g % WORKERS]!.send(m);
      return s;
    };

    // ---- warm-up (not measured): each bot process handles a first reply, as after any deploy
    for (let w = 0; w < WORKERS; w++) write(w % GROUPS, "Pemanasan", false);
    await sleep(8_000);

    // ---- quiet topic: single replies, nothing queued ahead of them
    const quiet: number[] = [];
    for (let i = 0; i < QUIET; i++) {
      quiet.push(write(mix(i, 7) % GROUPS, "Pertanyaan awal", false));
      await sleep(4_000);
    }
    if (QUIET > 0) {
      // Let the groups' minute budgets refill, so the burst starts from a clean slate.
      await sleep(60_000);
    }

    // ---- the burst: MESSAGES replies spread evenly over SECONDS, from random groups
    const burst: number[] = [];
    const startedAt = Date.now();
    for (let i = 0; i < MESSAGES; i++) {
      const due = startedAt + Math.round((i * SECONDS * 1000) / MESSAGES);
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      burst.push(write(mix(i, 1) % GROUPS, "Usulan warga tentang jalan", mix(i, 2) % 10 < 3));
    }
    console.log(`burst written in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; waiting for every copy and digest…`);

    // ---- wait until every reply was handled and nothing waits in a digest or the outbox
    const deadline = Date.now() + 10 * 60_000;
    let calm = 0;
    while (Date.now() < deadline && calm < 3) {
      await sleep(1_000);
      const [waiting, queued] = await Promise.all([
        prisma.relayDigestItem.count({ where: { digestId: null } }),
        prisma.delivery.count({ where: { state: { in: ["queued", "sending"] } } }),
      ]);
      calm = handled.size === seq && waiting === 0 && queued === 0 ? calm + 1 : 0;
    }
    const drainedAt = Date.now();
    if (calm < 3) {
      const [waiting, queued] = await Promise.all([
        prisma.relayDigestItem.count({ where: { digestId: null } }),
        prisma.delivery.groupBy({ by: ["state", "ownerKind"], where: { state: { in: ["queued", "sending"] } }, _count: { _all: true } }),
      ]);
      console.log(`NOT DRAINED: handled ${handled.size}/${seq}, waiting in digests ${waiting}, outbox ${JSON.stringify(queued.map((q) => [q.state, q.ownerKind, q._count._all]))}`);
    }

    // ---- measure from the fake's record
    const res = await fetch(`${fake.apiRoot}/__fake/calls?since=0`);
    const { calls } = (await res.json()) as { calls: FakeCall[] };
    const groupSet = new Set(Array.from({ length: GROUPS }, (_, g) => groupId(g)));
    const firstSeen = new Map<string, number>(); // marker → first copy time
    const seenIn = new Map<string, Set<number>>(); // marker → chats
    const sendsPerChat = new Map<number, number[]>();
    let refused = 0;
    for (const c of calls) {
      if (!SENDS.has(c.method)) continue;
      const chat = Number(c.params.chat_id);
      if (!groupSet.has(chat)) continue;
      if (!c.ok) {
        if (c.error?.code === 429) refused++;
        continue;
      }
      let list = sendsPerChat.get(chat);
      if (!list) sendsPerChat.set(chat, (list = []));
      list.push(c.at);
      const text = String(c.params.text ?? c.params.caption ?? "");
      for (const m of text.matchAll(/#(\d+)#/g)) {
        const key = m[0];
        if (!firstSeen.has(key) || firstSeen.get(key)! > c.at) firstSeen.set(key, c.at);
        let s = seenIn.get(key);
        if (!s) seenIn.set(key, (s = new Set()));
        s.add(chat);
      }
    }
    let overLimit = refused;
    let maxPerMinute = 0;
    for (const ts of sendsPerChat.values()) {
      ts.sort((a, b) => a - b);
      let lo = 0;
      for (let hi = 0; hi < ts.length; hi++) {
        while (ts[hi]! - ts[lo]! >= 60_000) lo++;
        const n = hi - lo + 1;
        maxPerMinute = Math.max(maxPerMinute, n);
        if (n > 20) overLimit++;
      }
    }
    const latency = (seqs: number[]) =>
      seqs.flatMap((s) => {
        const first = firstSeen.get(plan.get(s)!.marker);
        const h = handled.get(s);
        return first !== undefined && h ? [first - h.arrivedAt] : [];
      });
    let lost = 0;
    const notWritten = [...handled.values()].filter((x) => x.notWritten).length;
    for (const s of [...quiet, ...burst]) {
      if (handled.get(s)?.notWritten) continue;
      const p = plan.get(s)!;
      const seen = seenIn.get(p.marker) ?? new Set();
      for (const g of groupSet) if (g !== groupId(p.group) && !seen.has(g)) lost++;
    }
    const burstLat = latency(burst);
    // The part after the bot finished handling the update: the outbox and the groups' pacing.
    const afterHandled = burst.flatMap((s) => {
      const first = firstSeen.get(plan.get(s)!.marker);
      const h = handled.get(s);
      return first !== undefined && h ? [first - h.arrivedAt - h.handleMs] : [];
    });
    const quietLat = latency(quiet);
    const digests = await prisma.relayDigest.count();
    const direct = await prisma.delivery.count({ where: { ownerKind: OWNER.relay, state: "sent", recipientKey: { startsWith: "c:" } } });
    const failed = await prisma.delivery.count({ where: { state: { in: ["failed", "unknown"] } } });
    const errors = [...handled.values()].filter((x) => x.error && !x.notWritten).length;
    const handleMs = [...handled.values()].map((x) => x.handleMs);
    const copiesNeeded = (QUIET + MESSAGES) * (GROUPS - 1);

    console.log(`quiet topic: ${quietLat.length} replies, first copy p50 ${pct(quietLat, 0.5)} ms, max ${Math.max(0, ...quietLat)} ms (handled in ${quiet.map((q) => handled.get(q)?.handleMs).join(", ")} ms; first copies after ${quietLat.join(", ")} ms)`);
    console.log(`burst: first copy p50 ${pct(burstLat, 0.5)} ms, p90 ${pct(burstLat, 0.9)} ms, p99 ${pct(burstLat, 0.99)} ms, max ${Math.max(0, ...burstLat)} ms`);
    console.log(`update handling in the bot: p50 ${pct(handleMs, 0.5)} ms, p99 ${pct(handleMs, 0.99)} ms; handler errors ${errors}${notWritten ? `; ${notWritten} replies the bench could not write into the fake (not counted)` : ""}`);
    console.log(`first copy after the handler finished (outbox + pacing): p50 ${pct(afterHandled, 0.5)} ms, p99 ${pct(afterHandled, 0.99)} ms`);
    console.log(`${copiesNeeded} (message, group) deliveries needed: ${direct} as single copies, the rest in ${digests} digests; everything out ${((drainedAt - startedAt) / 1000).toFixed(1)} s after the burst began`);
    console.log(`per group: at most ${maxPerMinute} messages in any minute; 429 refusals ${refused}; failed rows ${failed}`);
    console.log(`relay: ${MESSAGES} messages to ${GROUPS} groups, p50 ${pct(burstLat, 0.5)} ms, p99 ${pct(burstLat, 0.99)} ms to first copy, lost ${lost}, over-limit ${overLimit}`);
  } finally {
    for (const c of children) c.connected && c.send({ type: "exit" });
    await Promise.all(children.map((c) => (c.exitCode === null ? once(c, "exit").catch(() => {}) : Promise.resolve())));
    await closeApp?.().catch(() => {});
    fakeProc?.kill("SIGTERM");
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${prefix}*`).catch(() => [] as string[]);
    if (keys.length) await redis.del(...keys).catch(() => {});
    redis.disconnect();
  }
}

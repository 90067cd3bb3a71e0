/**
 * `npm run bench -- voting`: 100,000 ballots over 300 village groups from 50,000 people, pressed
 * through the real bot (several bot processes, one PostgreSQL, Redis, one shared fake Bot API),
 * then the vote is closed by its job and the stored totals are checked against the plan.
 *
 * The fake builds each callback update shortly before it is pressed (as Telegram would send it),
 * so its work is inside the measured time.
 *
 * Each person presses one to three times (changes of mind, the same button twice, a press in a
 * second group); one person's presses run in order, different people at once. Expected results
 * follow from the plan: the last press decides a person's choice, the first press their village.
 *
 * Env: DATABASE_URL / REDIS_URL (else local defaults), BENCH_PEOPLE, BENCH_GROUPS, BENCH_BALLOTS,
 * BENCH_WORKERS, BENCH_CONCURRENCY (people in flight per worker).
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
import { createVote } from "../src/domain/voting/index.js";
import { JOB } from "../src/domain/voting/index.js";
import type { VoteResult } from "../src/domain/voting/index.js";
import { createRenderer } from "../src/bot/features/voting/render.js";
import type { PersonPlan, WorkerDone, WorkerInit } from "./_voting-worker.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const TOKEN = "123456:BENCH-VOTING-TOKEN";
const OPTIONS = ["Setuju", "Tidak setuju", "Abstain", "Tunda"];

function envInt(name: string, def: number) {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : def;
}

/** Deterministic "random" from two integers, so a run can be repeated exactly. */
function mix(a: number, b: number) {
  let x = (a * 2654435761) ^ (b * 40503) ^ 0x9e3779b9;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}

async function startFake(): Promise<{ proc: ChildProcess; apiRoot: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/emulator/serve.ts")], {
    cwd: root,
    env: { ...process.env, FAKE_PORT: "0", FAKE_TOKEN: TOKEN, FAKE_RATE_LIMITS: "0" },
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

export async function run() {
  const PEOPLE = envInt("BENCH_PEOPLE", 50_000);
  const GROUPS = envInt("BENCH_GROUPS", 300);
  const BALLOTS = envInt("BENCH_BALLOTS", 100_000);
  const WORKERS = envInt("BENCH_WORKERS", 3);
  // In flight per process: beyond the pool's size, presses only queue for a connection.
  const CONCURRENCY = envInt("BENCH_CONCURRENCY", 12);
  const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const prefix = `bench:voting:${randomBytes(3).toString("hex")}:`;
  const dbName = `forumdesa_bench_voting_${randomBytes(4).toString("hex")}`;
  console.log(`voting bench: ${BALLOTS} ballots, ${PEOPLE} people, ${GROUPS} groups, ${WORKERS} bot processes × ${CONCURRENCY} people in flight`);

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
    const db = await openDatabase({ databaseUrl: dbUrl, migrate: true, poolSize: 8 });
    const fake = await startFake();
    fakeProc = fake.proc;
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: "error",
      // Seeding sends 300 cards; the fake has no limits here, so the queue need not pace them.
      LIMIT_GLOBAL_PER_SECOND: "5000",
      LIMIT_GROUP_PER_MINUTE: "5000",
      INSTANCE_ID: "bench-main",
    });
    const logger = createLogger("error");
    const app = await buildApp(config, logger, { db, instanceId: "bench-main" });
    closeApp = async () => {
      await app.close();
      await db.close();
    };
    await app.init();
    const prisma = app.deps.prisma;

    // ---- seed: forum, villages with one group each, people in the fake (members of their groups)
    let t = Date.now();
    const forum = await prisma.forum.create({ data: { name: "Bench Forum" } });
    const orgUser = { id: 9_000_000_001, first_name: "Camat" };
    const org = await prisma.person.create({ data: { telegramUserId: BigInt(orgUser.id), firstName: orgUser.first_name, canMessage: true } });
    await prisma.membership.create({ data: { personId: org.id, forumId: forum.id, role: "admin_forum" } });
    await prisma.village.createMany({ data: Array.from({ length: GROUPS }, (_, g) => ({ forumId: forum.id, name: `Desa ${g + 1}`, shortCode: `D${g + 1}` })) });
    const villages = await prisma.village.findMany({ where: { forumId: forum.id }, orderBy: { id: "asc" } });
    const groupId = (g: number) => -1002000000000 - g;
    await prisma.chatLink.createMany({ data: villages.map((v, g) => ({ forumId: forum.id, villageId: v.id, telegramChatId: BigInt(groupId(g)), title: v.name })) });

    const people: PersonPlan[] = [];
    const members: number[][] = Array.from({ length: GROUPS }, () => []);
    const perPerson = Math.floor(BALLOTS / PEOPLE);
    const extra = BALLOTS % PEOPLE;
    for (let i = 0; i < PEOPLE; i++) {
      const id = 100_000_000 + i;
      const home = i % GROUPS;
      const groups = i % 10 === 0 ? [home, (home + 1) % GROUPS] : [home];
      for (const g of groups) members[g]!.push(id);
      const n = perPerson + (i < extra ? 1 : 0);
      const presses = Array.from({ length: n }, (_, j) => ({ group: groups[j % groups.length]!, option: mix(i, j) % OPTIONS.length }));
      people.push({ id, name: `W${i}`, presses });
    }
    for (let i = 0; i < PEOPLE; i += 5000) {
      await rpc(fake.apiRoot, people.slice(i, i + 5000).map((p) => ({ method: "addUser", args: [{ id: p.id, first_name: p.name }] })));
    }
    await rpc(fake.apiRoot, [{ method: "addUser", args: [orgUser] }, { method: "userStartedBot", args: [orgUser.id] }]);
    for (let g = 0; g < GROUPS; g += 50) {
      await rpc(
        fake.apiRoot,
        Array.from({ length: Math.min(50, GROUPS - g) }, (_, k) => ({
          method: "addGroup",
          args: [{ id: groupId(g + k), title: `Warga Desa ${g + k + 1}`, type: "supergroup", members: members[g + k] }],
        })),
      );
    }

    const vote = (
      await createVote(
        app.deps,
        { personId: org.id, access: await loadAccess(prisma, org.id, false) },
        {
          forumId: forum.id,
          question: "Setujukah rencana pasar bersama antardesa?",
          options: OPTIONS,
          multiple: false,
          ballot: "terbuka",
          counting: "per_orang",
          eligibility: "anggota_grup",
          villageIds: villages.map((v) => v.id),
          closesAt: new Date(Date.now() + 24 * 3600_000),
          quorum: { num: 50, den: 100, above: false },
          reminderMinutes: [],
        },
        createRenderer(),
      )
    ).vote;
    await app.deps.delivery.drain();
    const cards = await prisma.delivery.findMany({ where: { ownerKind: "vote", ownerId: String(vote.id), state: "sent" }, select: { chatId: true, telegramMessageId: true } });
    if (cards.length !== GROUPS) throw new Error(`only ${cards.length} of ${GROUPS} cards were sent`);
    const cardOf = Object.fromEntries(cards.map((c) => [String(c.chatId), c.telegramMessageId!]));
    console.log(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    // ---- bot processes: each builds its updates (through the fake), then presses on "go"
    t = Date.now();
    const slices: PersonPlan[][] = Array.from({ length: WORKERS }, () => []);
    people.forEach((p, i) => slices[i % WORKERS]!.push(p));
    const done: Array<Promise<WorkerDone>> = [];
    const ready: Array<Promise<void>> = [];
    for (let w = 0; w < WORKERS; w++) {
      const child = fork(path.join(here, "_voting-worker.ts"), [], { execArgv: ["--import", "tsx"], cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"] });
      children.push(child);
      ready.push(new Promise((resolve, reject) => {
        child.once("error", reject);
        child.on("message", (m: { type: string }) => m.type === "ready" && resolve());
      }));
      done.push(new Promise((resolve, reject) => {
        child.on("message", (m: WorkerDone) => m.type === "done" && resolve(m));
        child.once("exit", (code) => code !== 0 && reject(new Error(`worker ${w} exited with ${code}`)));
      }));
      const init: WorkerInit = {
        type: "init",
        worker: w,
        databaseUrl: dbUrl,
        redisUrl,
        redisPrefix: prefix,
        apiRoot: fake.apiRoot,
        token: TOKEN,
        voteId: vote.id,
        groupIds: Array.from({ length: GROUPS }, (_, g) => groupId(g)),
        cards: cardOf,
        people: slices[w]!,
        concurrency: CONCURRENCY,
      };
      child.send(init);
    }
    await Promise.all(ready);
    console.log(`${WORKERS} bot processes ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const started = Date.now();
    for (const c of children) c.send({ type: "go" });
    const results = await Promise.all(done);
    const seconds = (Date.now() - started) / 1000;
    const pressed = results.reduce((n, r) => n + r.presses, 0);
    const answered = (await (await fetch(`${fake.apiRoot}/__fake/stats`)).json()) as { callsByMethod: Record<string, number> };
    console.log(`pressed ${pressed} in ${seconds.toFixed(1)} s; answers to presses: ${answered.callsByMethod.answerCallbackQuery ?? 0}; membership checks: ${answered.callsByMethod.getChatMember ?? 0}`);
    for (const r of results) console.log(`  worker ${r.worker}: ${r.presses} presses in ${(r.ms / 1000).toFixed(1)} s, p50 ${r.p50} ms, p99 ${r.p99} ms`);

    // ---- results: the close job (member counts of 300 groups, counting, chart, messages queued)
    let q = Date.now();
    const counted = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM vote_participations WHERE vote_id = ${vote.id}`;
    const countMs = Date.now() - q;
    q = Date.now();
    await app.deps.jobs.cancel(JOB.close, vote.id);
    await app.deps.jobs.schedule({ kind: JOB.close, ownerId: vote.id, forumId: forum.id, dueAt: new Date() });
    await app.deps.jobs.runDue();
    const resultsMs = Date.now() - q;
    const stored = (await prisma.vote.findUniqueOrThrow({ where: { id: vote.id } })).result as unknown as VoteResult;

    // ---- check against the plan
    const expectTotals = OPTIONS.map(() => 0);
    const expectVillage = new Map<number, number>();
    for (const p of people) {
      if (p.presses.length === 0) continue;
      expectTotals[p.presses.at(-1)!.option]!++;
      const v = villages[p.presses[0]!.group]!.id;
      expectVillage.set(v, (expectVillage.get(v) ?? 0) + 1);
    }
    const voters = people.filter((p) => p.presses.length > 0).length;
    const exact =
      stored.ballots === voters &&
      counted[0]!.n === voters &&
      stored.totals.every((n, i) => n === expectTotals[i]) &&
      stored.villages.every((v) => v.ballots === (expectVillage.get(v.villageId) ?? 0)) &&
      pressed === BALLOTS;
    console.log(`expected totals ${expectTotals.join("/")}, stored ${stored.totals.join("/")}; voters ${voters}, stored ${stored.ballots}; counting query ${countMs} ms`);
    const queued = await prisma.delivery.count({ where: { ownerId: String(vote.id), ownerKind: { in: ["vote.result", "vote#edit"] } } });
    console.log(`results (close job: ${GROUPS} member counts, tallies, chart, ${queued} messages and card edits queued) in ${resultsMs} ms`);
    console.log(
      `voting: ${pressed} ballots in ${seconds.toFixed(1)} s (${Math.round(pressed / seconds)}/s), results in ${resultsMs} ms, totals exact: ${exact ? "yes" : "no"}`,
    );
  } finally {
    for (const c of children) if (c.connected) c.send({ type: "exit" });
    await Promise.all(children.map((c) => (c.exitCode === null ? once(c, "exit").catch(() => {}) : Promise.resolve())));
    await closeApp?.().catch(() => {});
    fakeProc?.kill("SIGTERM");
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== "0");
    } catch {
      // no Redis: nothing to clean
    } finally {
      redis.disconnect();
    }
  }
}

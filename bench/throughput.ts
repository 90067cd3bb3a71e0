/**
 * `npm run bench -- throughput`: a mixed stream of updates from thousands of people through the
 * full bot on PostgreSQL and Redis, against a bare grammY bot (RedisAdapter sessions, one message
 * per update) fed the same stream on the same fake Bot API; then resident memory and cold start
 * of `npm start` measured from outside on PostgreSQL and on PGlite.
 *
 * The stream: replies in village groups to an open discussion topic's card (relayed to the other
 * groups of the topic), presses on a vote's card (ballots), RSVPs on a meeting invitation in the
 * groups, and commands in private chats (/start, /menu, /bantuan, /aspirasiku, /jadwal, /voting).
 * Telegram's send limits are lifted in the fake and in the bot's limiter.
 *
 * Env: DATABASE_URL / REDIS_URL (else local defaults), BENCH_PEOPLE (3000), BENCH_GROUPS (20),
 * BENCH_UPDATES (6000), BENCH_CONCURRENCY (32), BENCH_PARTS (stream,cold: which parts run),
 * BENCH_COLD_DB (postgres,pglite), BENCH_START_CMD (the start command, default package.json's `start`),
 * BENCH_RSS_DETAIL=1 (RSS per process of the tree).
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Redis } from "ioredis";
import type { Update, User } from "grammy/types";
import { FakeTelegram } from "../src/emulator/index.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { openDatabase } from "../src/infra/db.js";
import { buildApp } from "../src/app.js";
import { loadAccess } from "../src/domain/forum/people.js";
import { createVote } from "../src/domain/voting/index.js";
import { createRenderer } from "../src/bot/features/voting/render.js";
import { openTopic } from "../src/domain/discussion/index.js";
import { groupRenderer } from "../src/bot/features/discussion/render.js";
import { createMeeting } from "../src/domain/musyawarah/service.js";
import { emptyAudience } from "../src/domain/musyawarah/types.js";
import { meetingDepsOf } from "../src/bot/features/musyawarah/deps.js";
import { versionString } from "../src/domain/privasi/consent.js";
import type { TpDone, TpInit } from "./_throughput-worker.js";
import { coldStart, mb, startFakeServer, type FakeProc } from "./_coldstart.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const TOKEN = "123456:BENCH-THROUGHPUT-TOKEN";

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

async function dropRedisPrefix(redisUrl: string, prefix: string) {
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

async function runWorker(init: TpInit, updates: Update[]): Promise<TpDone> {
  // BENCH_CPU_PROF=<dir>: a CPU profile of the full bot's process (node --cpu-prof).
  const prof = process.env.BENCH_CPU_PROF && init.mode === "full" ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = fork(path.join(here, "_throughput-worker.ts"), [], { execArgv: ["--import", "tsx", ...prof], cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    const ready = new Promise<void>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`${init.mode} worker exited with ${code}`)));
      child.on("message", (m: { type: string }) => m.type === "ready" && resolve());
    });
    child.send(init);
    await ready;
    const done = new Promise<TpDone>((resolve) => child.on("message", (m: TpDone) => m.type === "done" && resolve(m)));
    child.send({ type: "go", updates });
    return await done;
  } finally {
    if (child.connected) child.send({ type: "exit" });
    if (child.exitCode === null) await once(child, "exit").catch(() => {});
  }
}

async function stream(baseUrl: string, redisUrl: string) {
  const PEOPLE = envInt("BENCH_PEOPLE", 3000);
  const GROUPS = envInt("BENCH_GROUPS", 20);
  const UPDATES = envInt("BENCH_UPDATES", 6000);
  const CONCURRENCY = envInt("BENCH_CONCURRENCY", 32);
  const prefix = `bench:tp:${randomBytes(3).toString("hex")}:`;
  const dbName = `forumdesa_bench_tp_${randomBytes(4).toString("hex")}`;
  console.log(`throughput bench: ${UPDATES} updates from ${PEOPLE} people in ${GROUPS} village groups, ${CONCURRENCY} in flight`);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  // The fake runs in this process: the bots reach it over HTTP like Telegram.
  const fake = await FakeTelegram.start({ token: TOKEN });
  fake.autoEnqueue = false;
  let closeApp: (() => Promise<void>) | null = null;
  try {
    const db = await openDatabase({ databaseUrl: dbUrl, migrate: true, poolSize: 8 });
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: "error",
      LIMIT_GLOBAL_PER_SECOND: "100000",
      LIMIT_GROUP_PER_MINUTE: "100000",
      INSTANCE_ID: "bench-seed",
    });
    const app = await buildApp(config, createLogger("error"), { db, botInfo: fake.botInfo, instanceId: "bench-seed" });
    closeApp = async () => {
      await app.close();
      await db.close();
    };
    await app.init();
    const prisma = app.deps.prisma;

    // ---- seed: one forum, a village and a linked group per village, people with consent given
    const t = Date.now();
    const now = new Date();
    const forum = await prisma.forum.create({ data: { name: "Forum Bench" } });
    // Everyone has answered the notice of this forum already (steady state, not first use).
    const consent = { privacyConsent: "given" as const, privacyVersion: versionString([{ id: forum.id, version: forum.privacyVersion }]), privacyAnsweredAt: now };
    const orgUser = fake.addUser({ first_name: "Camat", username: "camat_bench" });
    fake.userStartedBot(orgUser.id);
    const org = await prisma.person.create({ data: { telegramUserId: BigInt(orgUser.id), firstName: orgUser.first_name, canMessage: true, ...consent } });
    await prisma.membership.create({ data: { personId: org.id, forumId: forum.id, role: "admin_forum" } });
    await prisma.village.createMany({ data: Array.from({ length: GROUPS }, (_, g) => ({ forumId: forum.id, name: `Desa Bench ${g + 1}`, shortCode: `B${g + 1}` })) });
    const villages = await prisma.village.findMany({ where: { forumId: forum.id }, orderBy: { id: "asc" } });
    const people: User[] = [];
    const home: number[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const user = fake.addUser({ first_name: `Warga${i}` });
      fake.userStartedBot(user.id);
      people.push(user);
      home.push(i % GROUPS);
    }
    const groups = villages.map((v, g) =>
      fake.addGroup({ title: `Warga ${v.name}`, type: "supergroup", members: [orgUser.id, ...people.filter((_, i) => home[i] === g).map((p) => p.id)] }),
    );
    await prisma.chatLink.createMany({ data: villages.map((v, g) => ({ forumId: forum.id, villageId: v.id, telegramChatId: BigInt(groups[g]!.id), title: v.name, kind: "village_group" })) });
    for (let i = 0; i < PEOPLE; i += 1000) {
      await prisma.person.createMany({
        data: people.slice(i, i + 1000).map((p) => ({ telegramUserId: BigInt(p.id), firstName: p.first_name, canMessage: true, ...consent })),
      });
    }
    const persons = await prisma.person.findMany({ where: { telegramUserId: { in: people.map((p) => BigInt(p.id)) } }, select: { id: true, telegramUserId: true } });
    const personOf = new Map(persons.map((p) => [Number(p.telegramUserId), p.id]));
    await prisma.membership.createMany({
      data: people.map((p, i) => ({ personId: personOf.get(p.id)!, forumId: forum.id, role: "warga" as const, villageId: villages[home[i]!]!.id })),
    });
    const actor = { personId: org.id, access: await loadAccess(prisma, org.id, false) };

    // A topic over four villages (each reply relays to three groups), a vote and a meeting in every group.
    const TOPIC_GROUPS = Math.min(4, GROUPS);
    const topic = await openTopic(app.deps, groupRenderer(), actor, {
      forumId: forum.id,
      title: "Perbaikan jalan penghubung",
      description: "Mohon masukan warga tentang jalan penghubung antardesa.",
      villageIds: villages.slice(0, TOPIC_GROUPS).map((v) => v.id),
      endsAt: null,
    });
    const vote = (
      await createVote(
        app.deps,
        actor,
        {
          forumId: forum.id,
          question: "Setujukah rencana pasar bersama antardesa?",
          options: ["Setuju", "Tidak setuju", "Abstain"],
          multiple: false,
          ballot: "terbuka",
          counting: "per_orang",
          eligibility: "anggota_grup",
          villageIds: villages.map((v) => v.id),
          closesAt: new Date(now.getTime() + 24 * 3600_000),
          quorum: null,
          reminderMinutes: [],
        },
        createRenderer(),
      )
    ).vote;
    const meeting = await createMeeting(meetingDepsOf(app.deps), actor, {
      forumId: forum.id,
      kind: "musdes",
      title: "Musyawarah antardesa",
      agenda: ["Pembukaan", "Pembahasan"],
      startsAt: new Date(now.getTime() + 3 * 24 * 3600_000),
      durationMinutes: 120,
      place: "Balai Desa",
      audience: { ...emptyAudience(), groups: villages.map((v) => v.id) },
    });
    await app.deps.delivery.drain();
    const sentTo = (chatId: number, needle: string) =>
      fake.sent(chatId).find((m) => JSON.stringify(m.reply_markup ?? {}).includes(needle) || String(m.text ?? "").includes(needle))?.message_id;
    const topicCard = groups.map((g) => sentTo(g.id, "Perbaikan jalan penghubung"));
    const voteCard = groups.map((g) => sentTo(g.id, `"vt:${vote.id}:`));
    const meetingCard = groups.map((g) => sentTo(g.id, `"mr:${meeting.id}:`));
    if (voteCard.some((x) => !x) || meetingCard.some((x) => !x) || topicCard.slice(0, TOPIC_GROUPS).some((x) => !x)) {
      throw new Error(`cards missing: topic ${topicCard.filter(Boolean).length}, vote ${voteCard.filter(Boolean).length}, meeting ${meetingCard.filter(Boolean).length}`);
    }
    // The seeding app's own queue is done; the bot processes below do the measured work.
    await closeApp();
    closeApp = null;

    // ---- the stream, built by the fake as Telegram would send it
    const COMMANDS = ["start", "menu", "bantuan", "aspirasiku", "jadwal", "voting"];
    const ANSWERS = ["y", "n"];
    const updates: Update[] = [];
    const count: Record<string, number> = { relay: 0, ballot: 0, rsvp: 0, command: 0 };
    for (let k = 0; k < UPDATES; k++) {
      const i = mix(k, 1) % PEOPLE;
      const p = people[i]!;
      const g = home[i]!;
      const r = mix(k, 2) % 100;
      if (r < 25) {
        // A writer from one of the topic's groups (the topic runs in the first few villages).
        const w = (i - g + (mix(k, 6) % TOPIC_GROUPS) + PEOPLE) % PEOPLE;
        const wg = home[w]!;
        updates.push(fake.updates.text(people[w]!, groups[wg]!, `Usulan warga nomor ${k}: jalan di RT ${k % 9} perlu diperbaiki`, { replyTo: topicCard[wg]! }));
        count.relay!++;
      } else if (r < 55) {
        updates.push(fake.updates.callback(p, groups[g]!, voteCard[g]!, `vt:${vote.id}:${mix(k, 3) % 3}`));
        count.ballot!++;
      } else if (r < 70) {
        updates.push(fake.updates.callback(p, groups[g]!, meetingCard[g]!, `mr:${meeting.id}:${ANSWERS[mix(k, 4) % 2]}`));
        count.rsvp!++;
      } else {
        updates.push(fake.updates.command(p, "private", COMMANDS[mix(k, 5) % COMMANDS.length]!));
        count.command!++;
      }
    }
    console.log(`seeded and built in ${((Date.now() - t) / 1000).toFixed(1)} s: ${Object.entries(count).map(([k, v]) => `${k} ${v}`).join(", ")}`);

    const base = { databaseUrl: dbUrl, redisUrl, redisPrefix: prefix, apiRoot: fake.apiRoot, token: TOKEN, botInfo: fake.botInfo, concurrency: CONCURRENCY };
    const callsBefore = fake.calls.length;
    const full = await runWorker({ type: "init", mode: "full", ...base }, updates);
    const fullCalls = fake.calls.slice(callsBefore);
    const refused = fullCalls.filter((c) => !c.ok);
    const callsMid = fake.calls.length;
    const bare = await runWorker({ type: "init", mode: "bare", ...base }, updates);
    const bareCalls = fake.calls.length - callsMid;
    const rate = (d: TpDone) => d.updates / (d.ms / 1000);
    const byMethod: Record<string, number> = {};
    for (const c of fullCalls) byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
    console.log(`full bot: ${full.updates} updates handled in ${(full.handleMs / 1000).toFixed(1)} s, outbox empty after ${(full.ms / 1000).toFixed(1)} s; ${fullCalls.length} Bot API calls (${Object.entries(byMethod).map(([m, n]) => `${m} ${n}`).join(", ")}); refused ${refused.length}; errors ${full.errors}`);
    if (refused.length) console.log(`  refused: ${[...new Set(refused.map((c) => `${c.method} ${c.error?.code} ${c.error?.description}`))].slice(0, 5).join(" | ")}`);
    console.log(`bare grammY: ${bare.updates} updates in ${(bare.ms / 1000).toFixed(1)} s; ${bareCalls} Bot API calls; errors ${bare.errors}; p50/p99 ${bare.p50}/${bare.p99} ms`);
    console.log(`memory: full bot process RSS idle ${mb(full.idleRss)}, under load peak ${mb(full.peakRss)}; bare grammY idle ${mb(bare.idleRss)}, peak ${mb(bare.peakRss)} (tsx loader in-process)`);
    console.log(
      `throughput: full ${Math.round(rate(full))} upd/s, bare ${Math.round(rate(bare))} upd/s, ratio ${(rate(full) / rate(bare)).toFixed(2)}, p50/p99 ${full.p50}/${full.p99} ms`,
    );
  } finally {
    await closeApp?.().catch(() => {});
    await fake.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await dropRedisPrefix(redisUrl, prefix);
  }
}

function startScript(): string {
  const pkg = JSON.parse(readFileSync(path.join(process.env.BENCH_START_CWD ?? root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return pkg.scripts.start!;
}

/** `npm start` as deployed, timed from outside: spawn → answer to a waiting /start. */
async function cold(baseUrl: string, redisUrl: string) {
  // What `npm start` runs, read from package.json (node run directly, without npm's own process).
  const command = (process.env.BENCH_START_CMD ?? startScript()).split(" ").map((c) => (c === "node" ? process.execPath : c));
  console.log(`cold start of \`${command.map((c) => path.relative(root, c) || c).join(" ")}\` against the fake Bot API (first answer to /start), RSS of the process tree 4 s later`);
  const fake: FakeProc = await startFakeServer(root, TOKEN);
  const dbName = `forumdesa_bench_cold_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  const prefix = `bench:cold:${randomBytes(3).toString("hex")}:`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "forumdesa-cold-"));
  const common = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, HTTP_PORT: "0", HTTP_HOST: "127.0.0.1", LOG_LEVEL: "warn" };
  const results: string[] = [];
  const once1 = async (label: string, env: Record<string, string | undefined>) => {
    const r = await coldStart(root, fake, command, { ...common, ...env });
    await r.stop();
    results.push(`${label} ${(r.firstAnswerMs / 1000).toFixed(2)} s, idle RSS ${mb(r.idleRss)}`);
    console.log(`  ${label}: first answer after ${Math.round(r.firstAnswerMs)} ms, idle RSS ${mb(r.idleRss)}`);
    return r;
  };
  try {
    const pgEnv = { DATABASE_URL: u.toString(), REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
    const which = process.env.BENCH_COLD_DB ?? "postgres,pglite";
    if (which.includes("postgres")) {
      await once1("PostgreSQL (new database, migrations applied)", pgEnv);
      await once1("PostgreSQL", pgEnv);
      await once1("PostgreSQL (again)", pgEnv);
    }
    if (which.includes("pglite")) {
      // The embedded setup as the README describes it: no DATABASE_URL, no REDIS_URL.
      const liteEnv = { DATA_DIR: path.join(dir, "data"), DATABASE_URL: undefined, REDIS_URL: undefined };
      await once1("PGlite new folder", liteEnv);
      await once1("PGlite existing folder", liteEnv);
      await once1("PGlite existing folder (again)", liteEnv);
    }
    console.log(`cold start: ${results.join("; ")}`);
  } finally {
    fake.proc.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await dropRedisPrefix(redisUrl, prefix);
  }
}

export async function run() {
  const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const parts = (process.env.BENCH_PARTS ?? "stream,cold").split(",");
  if (parts.includes("stream")) await stream(baseUrl, redisUrl);
  if (parts.includes("cold")) await cold(baseUrl, redisUrl);
}

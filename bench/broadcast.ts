// npm run bench -- broadcast
//
// One announcement to 300 village groups and 2,000 residents' private chats, sent by two worker
// processes sharing one PostgreSQL queue and one Redis limiter, against the fake Bot API enforcing
// Telegram's limits scaled by BENCH_SCALE (default 10: 300 messages/s overall, 200/min per group,
// 10/s per private chat). The queue's limits are set to the same scaled numbers.
//
// The rate-limit minimum is recipients / global rate (no group or private chat gets more than one
// message, so the per-chat limits do not bind). Time runs from the announcement's confirmation to
// the last copy sent.
import { DEFAULT_TERMS } from "../src/domain/forum/terms.js";
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import readline from "node:readline";
import pg from "pg";
import { Redis } from "ioredis";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { buildApp } from "../src/app.js";
import { Access } from "../src/domain/forum/access.js";
import { createBroadcast, previewAudience } from "../src/domain/pengumuman/service.js";
import { compose } from "../src/domain/pengumuman/content.js";
import { notices, signature } from "../src/bot/features/pengumuman/render.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GROUPS = Number(process.env.BENCH_GROUPS ?? 300);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const SCALE = Number(process.env.BENCH_SCALE ?? 10);
const VILLAGES = Math.max(1, Math.floor(GROUPS / 2));
const TOKEN = "123456:BENCH-TOKEN";

async function startFake(): Promise<{ child: ChildProcess; apiRoot: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/emulator/serve.ts"], {
    cwd: root,
    env: { ...process.env, FAKE_RATE_LIMITS: "1", FAKE_SCALE: String(SCALE), FAKE_TOKEN: TOKEN, FAKE_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`fake Bot API exited (${code})`)));
  });
  return { child, apiRoot: line.trim() };
}

async function rpc(apiRoot: string, calls: Array<{ method: string; args: unknown[] }>): Promise<any[]> {
  const res = await fetch(`${apiRoot}/__fake/rpc`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(calls) });
  const body = (await res.json()) as { ok: boolean; result: any[]; description?: string };
  if (!body.ok) throw new Error(`fake rpc: ${body.description}`);
  return body.result;
}

function startWorker(env: Record<string, string>, id: string): Promise<ChildProcess> {
  const child = fork(path.join(root, "bench/_broadcast-worker.ts"), [], {
    cwd: root,
    // BENCH_PROFILE=<dir>: a V8 CPU profile per worker, to see where sending spends its time.
    execArgv: ["--import", "tsx", ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
    env: { ...process.env, ...env, INSTANCE_ID: id },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`worker ${id} exited (${code})`)));
  });
}

function askStats(child: ChildProcess): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    child.once("message", (m: any) => resolve(m.stats));
    child.send("stats");
  });
}

export async function run() {
  const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const tag = randomBytes(4).toString("hex");
  const dbName = `forumdesa_bench_${tag}`;
  const prefix = `bench:broadcast:${tag}:`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();

  const children: ChildProcess[] = [];
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  try {
    const fake = await startFake();
    children.push(fake.child);
    const botInfo = await (await fetch(`${fake.apiRoot}/bot${TOKEN}/getMe`)).json().then((r: any) => r.result);

    const env = {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      LIMIT_GLOBAL_PER_SECOND: String(30 * SCALE),
      LIMIT_GROUP_PER_MINUTE: String(20 * SCALE),
      LIMIT_PRIVATE_PER_SECOND: String(1 * SCALE),
      LOG_LEVEL: "warn",
      BOT_INFO: JSON.stringify(botInfo),
    };
    // The instance where the admin confirms: it queues the copies but sends nothing itself.
    const config = loadConfig({ ...env, INSTANCE_ID: "web" });
    app = await buildApp(config, createLogger("warn"), { botInfo });
    const prisma = app.deps.prisma;

    // The world: groups and residents in the fake Bot API and in the database.
    const made = await rpc(fake.apiRoot, [
      ...Array.from({ length: GROUPS }, (_, i) => ({ method: "addGroup", args: [{ title: `Grup Desa ${i + 1}` }] })),
      ...Array.from({ length: PEOPLE }, (_, i) => ({ method: "addUser", args: [{ first_name: `Warga${i + 1}` }] })),
    ]);
    const groupIds: number[] = made.slice(0, GROUPS).map((g) => g.id);
    const userIds: number[] = made.slice(GROUPS).map((x) => x.id);
    await rpc(fake.apiRoot, userIds.map((id) => ({ method: "userStartedBot", args: [id] })));
    const forum = await prisma.forum.create({ data: { name: "Kecamatan Bangunrejo" } });
    await prisma.village.createMany({ data: Array.from({ length: VILLAGES }, (_, i) => ({ forumId: forum.id, name: `Desa ${i + 1}`, shortCode: `D${i + 1}` })) });
    const villages = await prisma.village.findMany({ where: { forumId: forum.id }, orderBy: { id: "asc" } });
    await prisma.chatLink.createMany({
      data: groupIds.map((id, i) => ({ forumId: forum.id, villageId: villages[i % villages.length]!.id, telegramChatId: BigInt(id), title: `Grup ${i + 1}` })),
    });
    await prisma.person.createMany({ data: userIds.map((id, i) => ({ telegramUserId: BigInt(id), firstName: `Warga${i + 1}`, canMessage: true })) });
    const persons = await prisma.person.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    await prisma.membership.createMany({ data: persons.map((p, i) => ({ personId: p.id, forumId: forum.id, villageId: villages[i % villages.length]!.id, role: "warga" as const })) });
    const camat = await prisma.person.create({ data: { telegramUserId: 999_000_001n, firstName: "Sri", canMessage: false } });
    const m = await prisma.membership.create({ data: { personId: camat.id, forumId: forum.id, role: "admin_forum" } });
    // A small second forum for the warm-up announcement (see below).
    const [warmGroup] = await rpc(fake.apiRoot, [{ method: "addGroup", args: [{ title: "Grup Latihan" }] }]);
    const warmForum = await prisma.forum.create({ data: { name: "Forum Latihan" } });
    const warmVillage = await prisma.village.create({ data: { forumId: warmForum.id, name: "Desa Latihan", shortCode: "LAT" } });
    await prisma.chatLink.create({ data: { forumId: warmForum.id, villageId: warmVillage.id, telegramChatId: BigInt(warmGroup.id), title: "Grup Latihan" } });
    const wm = await prisma.membership.create({ data: { personId: camat.id, forumId: warmForum.id, role: "admin_forum" } });
    const actor = {
      personId: camat.id,
      access: new Access(camat.id, [
        { id: m.id, forumId: forum.id, forumName: forum.name, villageId: null, villageName: null, role: "admin_forum", title: null, forumTerms: DEFAULT_TERMS, source: "code", confirmedAt: null },
        { id: wm.id, forumId: warmForum.id, forumName: warmForum.name, villageId: null, villageName: null, role: "admin_forum", title: null, forumTerms: DEFAULT_TERMS, source: "code", confirmedAt: null },
      ]),
    };

    for (let i = 0; i < WORKERS; i++) children.push(await startWorker(env, `worker-${i + 1}`));
    console.log(`${GROUPS} groups, ${PEOPLE} private chats, ${WORKERS} workers, limits ×${SCALE} (${30 * SCALE}/s overall, ${20 * SCALE}/min per group, ${SCALE}/s per private chat)`);

    const sig = signature({ admin: true, forumName: forum.name, villageNames: [], terms: DEFAULT_TERMS, authorName: "Sri" });
    const body = "Musyawarah Antar Desa (MAD) akan dilaksanakan hari Senin, 7 Desember 2026 pukul 09.00 WIB di aula kecamatan. Mohon kehadiran kepala desa dan BPD.";
    const { parts } = compose({ ...sig, body, bodyEntities: [], media: null });

    // A running bot has sent announcements before: one small one first, so the figure is the steady
    // state rather than a fresh process's first queries. BENCH_COLD=1 skips it (about 0.2 s slower).
    if (process.env.BENCH_COLD !== "1") {
      const warm = await createBroadcast(
        app.deps,
        actor,
        { forumId: warmForum.id, audience: { targets: ["groups"], villages: "all" }, parts, media: null, excerpt: "latihan", pin: false, silent: false, scheduledAt: null },
        notices,
      );
      const warmBatch = (await prisma.broadcast.findUniqueOrThrow({ where: { id: warm.id } })).batchId!;
      while ((await prisma.delivery.count({ where: { batchId: warmBatch, state: { in: ["queued", "sending"] } } })) > 0) await new Promise((r) => setTimeout(r, 20));
    }
    console.log(process.env.BENCH_COLD === "1" ? "cold: this process sends its first announcement" : "warm: this process sent one small announcement before");

    // As in /pengumuman: choosing the audience shows how many it reaches; the clock starts at ✅ Kirim.
    const audience = { targets: ["groups", "residents"] as Array<"groups" | "residents">, villages: "all" as const };
    await previewAudience(app.deps, actor, forum.id, audience);
    const started = Date.now();
    const b = await createBroadcast(
      app.deps,
      actor,
      { forumId: forum.id, audience, parts, media: null, excerpt: "MAD", pin: false, silent: false, scheduledAt: null },
      notices,
    );
    const committedAfter = (Date.now() - started) / 1000;
    const batch = (await prisma.broadcast.findUniqueOrThrow({ where: { id: b.id } })).batchId!;
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      const open = await prisma.delivery.count({ where: { batchId: batch, state: { in: ["queued", "sending"] } } });
      if (open === 0) break;
      if (Date.now() > deadline) throw new Error(`timed out with ${open} rows still open`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const last = await prisma.delivery.aggregate({ where: { batchId: batch }, _max: { sentAt: true }, _min: { sentAt: true, createdAt: true } });
    const elapsed = ((last._max.sentAt?.getTime() ?? Date.now()) - started) / 1000;
    const queuedAfter = ((last._min.createdAt?.getTime() ?? started) - started) / 1000;
    const firstAfter = ((last._min.sentAt?.getTime() ?? started) - started) / 1000;

    const stats = (await (await fetch(`${fake.apiRoot}/__fake/stats`)).json()) as {
      tooManyRequests: number;
      sendsPerChat: Record<string, number>;
      maxPerChatIn1s: Record<string, number>;
    };
    const expected = [...groupIds, ...userIds];
    const lost = expected.filter((id) => !stats.sendsPerChat[String(id)]).length;
    const duplicates = expected.filter((id) => (stats.sendsPerChat[String(id)] ?? 0) > 1).length;
    const states = await prisma.delivery.groupBy({ by: ["state"], where: { batchId: batch }, _count: { _all: true } });
    const byWorker = await prisma.delivery.groupBy({ by: ["claimedBy"], where: { batchId: batch }, _count: { _all: true } });
    const workerStats = await Promise.all(children.slice(1).map(askStats));

    const recipients = b.recipients;
    const minimum = recipients / (30 * SCALE);
    const ratio = elapsed / minimum;
    console.log(`rows by state: ${states.map((s) => `${s.state} ${s._count._all}`).join(", ")}`);
    console.log(`rows by worker: ${byWorker.map((s) => `${s.claimedBy} ${s._count._all}`).join(", ")}`);
    for (const [i, s] of workerStats.entries()) {
      const per = (x: number) => (x / Math.max(1, Number(s.claimed))).toFixed(1);
      const ms = s.ms as unknown as Record<string, number>;
      console.log(
        `worker-${i + 1}: ${s.sent} sent, ${s.statements} statements, ${s.rebooked} rebooked, cpu ${s.cpuMs} ms (${per(Number(s.cpuMs))} ms/row); per row ms: ` +
          Object.entries(ms).map(([k, v]) => `${k} ${per(v)}`).join(", "),
      );
    }
    console.log(`copies queued ${queuedAfter.toFixed(2)} s after confirming, committed after ${committedAfter.toFixed(2)} s, first sent after ${firstAfter.toFixed(2)} s; sending itself took ${(elapsed - firstAfter).toFixed(2)} s`);
    console.log(`rate-limit minimum ${minimum.toFixed(2)} s (${recipients} / ${30 * SCALE} per s); measured ${elapsed.toFixed(2)} s`);
    console.log(`broadcast: ${recipients} recipients in ${elapsed.toFixed(1)} s, ${ratio.toFixed(2)}x the rate-limit minimum, 429s ${stats.tooManyRequests}, duplicates ${duplicates}, lost ${lost}`);
  } finally {
    for (const c of children.slice(1)) {
      c.send?.("stop");
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await app?.close().catch(() => {});
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

/**
 * CPU per Prisma query under the node flags this process runs with (to judge V8 flags such as
 * `--liftoff-only` or `--max-semi-space-size` for `npm start`): sequential queries of four shapes
 * the bot runs per update. Not part of `npm run bench`; run it directly, e.g.
 *   node --liftoff-only --import tsx bench/_query-cpu.ts
 * Env: DATABASE_URL (a migrated database), or BENCH_PGLITE_DIR (a copy of a bot's PGlite folder);
 * N (3000) queries after 200 to warm up.
 */
import { openDatabase } from "../src/infra/db.js";

const db = await openDatabase(process.env.BENCH_PGLITE_DIR ? { dataDir: process.env.BENCH_PGLITE_DIR } : { databaseUrl: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/forumdesa" });
const p = db.prisma;
const shapes = [
  () => p.membership.findMany({ where: { personId: 1 }, include: { forum: { select: { name: true, privacyVersion: true, villageTerm: true, councilTerm: true } }, village: { select: { name: true } } }, orderBy: { id: "asc" } }),
  () => p.person.findUnique({ where: { id: 1 } }),
  () => p.chatLink.findFirst({ where: { telegramChatId: 5n } }),
  () => p.job.findMany({ where: { id: { gt: 0 } }, take: 5 }),
];
const N = Number(process.env.N ?? 3000);
const t0 = performance.now();
for (let i = 0; i < 200; i++) await shapes[i % shapes.length]!();
const warm = performance.now() - t0;
const c1 = process.cpuUsage();
const t1 = performance.now();
for (let i = 0; i < N; i++) await shapes[i % shapes.length]!();
const ms = performance.now() - t1;
const cu = process.cpuUsage(c1);
console.log(
  `${process.execArgv.filter((a, i, all) => a !== "--import" && all[i - 1] !== "--import").join(" ") || "(no flags)"}: first 200 queries ${warm.toFixed(0)} ms; ` +
    `then ${((ms / N) * 1000).toFixed(0)} µs/query, cpu ${((cu.user + cu.system) / N).toFixed(0)} µs/query over ${N}; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
);
await db.close();
process.exit(0);

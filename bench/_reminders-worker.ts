// One scheduler process of the reminders benchmark (bench/reminders.ts forks two of these).
// It runs the real app's musyawarah job handlers under a node-cron tick, against PostgreSQL,
// and records when each reminder's transaction committed — the moment its messages are on the
// delivery queue. The queue itself is not started: Telegram's limits decide the rest.
import type { UserFromGetMe } from "grammy/types";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { openDatabase } from "../src/infra/db.js";
import { systemClock } from "../src/infra/clock.js";
import { buildApp } from "../src/app.js";
import { JobScheduler } from "../src/jobs/scheduler.js";
import { meetingJobHandlers } from "../src/domain/musyawarah/jobs.js";
import { meetingDepsOf } from "../src/bot/features/musyawarah/deps.js";

const databaseUrl = process.env.BENCH_DATABASE_URL!;
const instanceId = process.env.BENCH_INSTANCE ?? `bench-${process.pid}`;
const config = loadConfig({
  BOT_TOKEN: "123456:bench-reminders-token",
  DATABASE_URL: databaseUrl,
  TELEGRAM_API_ROOT: "http://127.0.0.1:9",
  LOG_LEVEL: "warn",
  INSTANCE_ID: instanceId,
});
const logger = createLogger(config.LOG_LEVEL);
const db = await openDatabase({ databaseUrl, migrate: false, poolSize: 6 });
const botInfo = { id: 123456, is_bot: true, first_name: "Forum Desa", username: "ForumDesaBot" } as UserFromGetMe;
const app = await buildApp(config, logger, { db, redis: null, botInfo, instanceId, clock: systemClock });

// The app's own handlers, on a scheduler of this process; the reminder handler is wrapped only
// to note the commit time.
const jobs = new JobScheduler({ prisma: db.prisma, clock: systemClock, logger, instanceId });
const committed: Array<[string, number]> = [];
for (const [kind, handler] of Object.entries(meetingJobHandlers(meetingDepsOf(app.deps)))) {
  jobs.register(
    kind,
    kind === "meeting.reminder"
      ? async (job, ctx) => {
          await handler(job, ctx);
          ctx.afterCommit(() => committed.push([String(job.id), Date.now()]));
        }
      : handler,
  );
}

// BENCH_PROF=<dir>: write a CPU profile of each scheduler process (to see where a reminder's time goes).
const profiler = process.env.BENCH_PROF ? new (await import("node:inspector/promises")).Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post("Profiler.enable");
}

let cpuAtStart = process.cpuUsage();
process.on("message", async (msg: { type: string }) => {
  if (msg.type === "start") {
    cpuAtStart = process.cpuUsage();
    await profiler?.post("Profiler.start");
    jobs.start();
  }
  if (msg.type === "stop") {
    await jobs.stop();
    if (profiler) {
      const { profile } = await profiler.post("Profiler.stop");
      const { mkdirSync, writeFileSync } = await import("node:fs");
      mkdirSync(process.env.BENCH_PROF!, { recursive: true });
      writeFileSync(`${process.env.BENCH_PROF}/${instanceId}.cpuprofile`, JSON.stringify(profile));
    }
    const cpu = process.cpuUsage(cpuAtStart);
    process.send!({ type: "result", instanceId, committed, cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
    await db.close();
    process.exit(0);
  }
});
process.send!({ type: "ready", instanceId });

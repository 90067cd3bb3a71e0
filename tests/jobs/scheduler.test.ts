import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FixedClock } from "../../src/infra/clock.js";
import { createLogger } from "../../src/infra/logger.js";
import { openDatabase, type Database } from "../../src/infra/db.js";
import { JobScheduler, type DueJob, type JobHandler } from "../../src/jobs/scheduler.js";
import { openTestDatabase, type TestDatabase } from "../support/db.js";
import { T0 } from "../support/harness.js";

vi.setConfig({ testTimeout: 60_000 });

let db: TestDatabase;
let second: Database | null = null;
const clock = new FixedClock(T0);
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
const schedulers: JobScheduler[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  // Real PostgreSQL: a second pool, as a second bot instance would have.
  if (db.url) second = await openDatabase({ databaseUrl: db.url, migrate: false, poolSize: 4 });
});
afterAll(async () => {
  for (const s of schedulers) await s.stop();
  await second?.close();
  await db?.close();
});
beforeEach(async () => {
  for (const s of schedulers) await s.stop();
  schedulers.length = 0;
  await db.reset();
  clock.set(T0);
});

function scheduler(o: { instanceId?: string; prisma?: Database["prisma"]; maxAttempts?: number; batchSize?: number; cron?: string } = {}) {
  const s = new JobScheduler({ prisma: o.prisma ?? db.prisma, clock, logger, instanceId: o.instanceId ?? "s1", maxAttempts: o.maxAttempts, batchSize: o.batchSize, cron: o.cron });
  schedulers.push(s);
  return s;
}

const at = (ms: number) => new Date(T0.getTime() + ms);

describe("durable jobs", () => {
  it("runs a job once when it falls due, not before", async () => {
    const s = scheduler();
    const ran: DueJob[] = [];
    s.register("test.remind", async (job) => void ran.push(job));
    await s.schedule({ kind: "test.remind", ownerId: 42, forumId: 3, dueAt: at(60_000), payload: { hours: 2 } });
    expect(await s.runDue()).toBe(0);
    clock.advance(59_999);
    expect(await s.runDue()).toBe(0);
    clock.advance(1);
    expect(await s.runDue()).toBe(1);
    expect(await s.runDue()).toBe(0);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ kind: "test.remind", ownerId: "42", forumId: 3, payload: { hours: 2 }, attempts: 0 });
    const row = await db.prisma.job.findFirstOrThrow();
    expect(row.doneAt).toEqual(at(60_000));
    expect(row.claimedBy).toBe("s1");
  });

  it("catches up after downtime: everything that fell due runs once, oldest first, and knows how late it is", async () => {
    const s = scheduler();
    const seen: Array<{ owner: string; late: number }> = [];
    s.register("test.deadline", async (job, ctx) => void seen.push({ owner: job.ownerId, late: ctx.lateMs }));
    for (const [owner, due] of [["c", 3 * 3600_000], ["a", 3600_000], ["b", 2 * 3600_000], ["later", 9 * 3600_000]] as const) {
      await s.schedule({ kind: "test.deadline", ownerId: owner, dueAt: at(due) });
    }
    // The bot was down for five hours.
    clock.advance(5 * 3600_000);
    expect(await s.runDue()).toBe(3);
    expect(seen).toEqual([
      { owner: "a", late: 4 * 3600_000 },
      { owner: "b", late: 3 * 3600_000 },
      { owner: "c", late: 2 * 3600_000 },
    ]);
  });

  it("two schedulers on one database never run the same job twice", async () => {
    const runs = new Map<string, string[]>();
    const handler =
      (who: string): JobHandler =>
      async (job, { tx }) => {
        runs.set(job.ownerId, [...(runs.get(job.ownerId) ?? []), who]);
        // Work inside the job's transaction, so both schedulers really overlap.
        await tx.auditLog.create({ data: { action: "job.ran", target: job.ownerId, details: { who } } });
      };
    const a = scheduler({ instanceId: "A", batchSize: 5 });
    const b = scheduler({ instanceId: "B", batchSize: 5, prisma: second?.prisma });
    a.register("test.close", handler("A"));
    b.register("test.close", handler("B"));
    for (let i = 0; i < 60; i++) await a.schedule({ kind: "test.close", ownerId: i, dueAt: at(i * 10) });
    clock.advance(3600_000);
    const [na, nb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(na + nb).toBe(60);
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((who) => who.length === 1)).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: "job.ran" } })).toBe(60);
    if (second) expect(na > 0 && nb > 0).toBe(true);
  });

  it("a failing job rolls back its writes, retries later with backoff, and is given up after the last attempt", async () => {
    const s = scheduler({ maxAttempts: 3 });
    let calls = 0;
    s.register("test.flaky", async (_job, { tx }) => {
      calls++;
      await tx.auditLog.create({ data: { action: "half-done" } });
      throw new Error("layanan tidak tersedia");
    });
    const ok: string[] = [];
    s.register("test.ok", async (job) => void ok.push(job.ownerId));
    await s.schedule({ kind: "test.flaky", ownerId: 1, dueAt: T0 });
    await s.schedule({ kind: "test.ok", ownerId: 2, dueAt: T0 });
    expect(await s.runDue()).toBe(2);
    expect(ok).toEqual(["2"]); // one failure does not undo the others
    expect(await db.prisma.auditLog.count()).toBe(0);
    let job = await db.prisma.job.findFirstOrThrow({ where: { kind: "test.flaky" } });
    expect(job).toMatchObject({ attempts: 1, doneAt: null, lastError: "layanan tidak tersedia" });
    expect(job.dueAt).toEqual(at(10_000));

    clock.advance(10_000);
    await s.runDue();
    job = await db.prisma.job.findFirstOrThrow({ where: { kind: "test.flaky" } });
    expect(job.dueAt).toEqual(at(10_000 + 20_000));
    clock.advance(20_000);
    await s.runDue();
    job = await db.prisma.job.findFirstOrThrow({ where: { kind: "test.flaky" } });
    expect(job.attempts).toBe(3);
    expect(job.doneAt).not.toBeNull();
    clock.advance(3600_000);
    await s.runDue();
    expect(calls).toBe(3);
  });

  it("a job failing in the middle of a batch: the others commit once, and the failing one runs once per attempt", async () => {
    const s = scheduler();
    const calls = new Map<string, number>();
    const after: string[] = [];
    s.register("test.mixed", async (job, { tx, afterCommit }) => {
      calls.set(job.ownerId, (calls.get(job.ownerId) ?? 0) + 1);
      await tx.auditLog.create({ data: { action: `job ${job.ownerId}` } });
      afterCommit(() => after.push(job.ownerId));
      if (job.ownerId === "3") throw new Error("gagal");
    });
    for (let i = 1; i <= 5; i++) await s.schedule({ kind: "test.mixed", ownerId: i, dueAt: T0 });
    expect(await s.runDue()).toBe(5);
    const actions = (await db.prisma.auditLog.findMany({ orderBy: { action: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["job 1", "job 2", "job 4", "job 5"]);
    expect(after.sort()).toEqual(["1", "2", "4", "5"]);
    expect(calls.get("3")).toBe(1);
    const failed = await db.prisma.job.findFirstOrThrow({ where: { ownerId: "3" } });
    expect(failed).toMatchObject({ attempts: 1, doneAt: null, lastError: "gagal" });
    expect(await db.prisma.job.count({ where: { doneAt: { not: null } } })).toBe(4);
  });

  it("afterCommit runs only once the job's transaction committed", async () => {
    const s = scheduler();
    const log: string[] = [];
    s.register("test.commit", async (job, { afterCommit }) => {
      afterCommit(() => log.push(`after ${job.ownerId}`));
      if (job.ownerId === "bad") throw new Error("no");
    });
    await s.schedule({ kind: "test.commit", ownerId: "good", dueAt: T0 });
    await s.schedule({ kind: "test.commit", ownerId: "bad", dueAt: T0 });
    await s.runDue();
    expect(log).toEqual(["after good"]);
  });

  it("cancel and replace affect only pending jobs of that kind and owner", async () => {
    const s = scheduler();
    const ran: string[] = [];
    s.register("test.r", async (job) => void ran.push(`${job.ownerId}:${String(job.payload.v)}`));
    await s.schedule({ kind: "test.r", ownerId: 1, dueAt: at(1000), payload: { v: "old" } });
    await s.schedule({ kind: "test.r", ownerId: 2, dueAt: at(1000), payload: { v: "keep" } });
    await s.schedule({ kind: "test.r", ownerId: 1, dueAt: at(2000), payload: { v: "new" }, replace: true });
    expect(await s.pending("test.r", 1)).toHaveLength(1);
    await s.schedule({ kind: "test.r", ownerId: 3, dueAt: at(1000) });
    expect(await s.cancel("test.r", 3)).toBe(1);
    clock.advance(5000);
    await s.runDue();
    expect(ran.sort()).toEqual(["1:new", "2:keep"]);
  });

  it("leaves alone job kinds it has no handler for (another instance may)", async () => {
    const s = scheduler();
    s.register("test.known", async () => {});
    await s.schedule({ kind: "test.newer-feature", ownerId: 1, dueAt: T0 });
    await s.schedule({ kind: "test.known", ownerId: 1, dueAt: T0 });
    expect(await s.runDue()).toBe(1);
    const other = await db.prisma.job.findFirstOrThrow({ where: { kind: "test.newer-feature" } });
    expect(other).toMatchObject({ attempts: 0, doneAt: null, lastError: null });
  });

  it("the node-cron tick runs due jobs by itself", async () => {
    const s = scheduler({ cron: "* * * * * *" });
    let ran = 0;
    s.register("test.tick", async () => void ran++);
    await s.schedule({ kind: "test.tick", ownerId: 1, dueAt: T0 });
    s.start();
    const deadline = Date.now() + 10_000;
    while (ran === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await s.stop();
    expect(ran).toBe(1);
  });
});

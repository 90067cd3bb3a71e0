import cron, { type ScheduledTask } from "node-cron";
import type { Prisma } from "../infra/db.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";

/** The transaction client a handler receives: its writes commit together with "done". */
export type JobTx = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

export interface DueJob {
  id: bigint;
  kind: string;
  ownerId: string;
  forumId: number | null;
  dueAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface JobContext {
  tx: JobTx;
  now: Date;
  /** How late the job fires (ms after dueAt) — e.g. to say "reminder sent late". */
  lateMs: number;
  /** Call after commit-worthy work, e.g. to kick the delivery queue or call Telegram once committed (awaited, in order). */
  afterCommit(fn: () => unknown): void;
}

/**
 * Runs one due job. It must write only through `ctx.tx` and defer anything else (kicking the
 * queue, calling Telegram) to `ctx.afterCommit`: a batch is rolled back and run again, job by job,
 * when one of its jobs fails.
 */
export type JobHandler = (job: DueJob, ctx: JobContext) => Promise<void>;

export interface ScheduleRequest {
  kind: string;
  ownerId: string | number;
  forumId?: number | null;
  dueAt: Date;
  payload?: Record<string, unknown>;
  /** Cancel pending jobs of the same kind and owner first (e.g. a rescheduled meeting's reminder). */
  replace?: boolean;
}

interface JobRow {
  id: bigint;
  kind: string;
  owner_id: string;
  forum_id: number | null;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * One table of due work (reminders, vote closing, deadlines, scheduled broadcasts). A tick claims
 * due rows with FOR UPDATE SKIP LOCKED and runs each handler inside the same transaction that marks
 * the row done, so two instances never fire one job and a crash mid-handler rolls back and retries.
 */
export class JobScheduler {
  private handlers = new Map<string, JobHandler>();
  private task: ScheduledTask | null = null;
  private ticking: Promise<number> | null = null;
  private readonly maxAttempts: number;

  constructor(
    private readonly o: {
      prisma: Prisma;
      clock: Clock;
      logger: Logger;
      instanceId: string;
      batchSize?: number;
      /** Attempts before a failing job is given up (marked done with its last error). */
      maxAttempts?: number;
      /** node-cron expression of the tick (default: every second). */
      cron?: string;
    },
  ) {
    this.maxAttempts = o.maxAttempts ?? 5;
  }

  /** Job kinds this instance can run. */
  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  async schedule(req: ScheduleRequest, tx?: JobTx): Promise<bigint> {
    const db = tx ?? this.o.prisma;
    if (req.replace) await this.cancel(req.kind, req.ownerId, tx);
    const row = await db.job.create({
      data: {
        kind: req.kind,
        ownerId: String(req.ownerId),
        forumId: req.forumId ?? null,
        dueAt: req.dueAt,
        payload: (req.payload ?? {}) as object,
      },
      select: { id: true },
    });
    return row.id;
  }

  /**
   * Schedules `req` unless a job of the same kind and owner is already pending: the first link of a
   * self-renewing chain (a daily purge), safe when several instances start at once — an advisory
   * lock on the (kind, owner) makes the check and the insert one step across instances.
   */
  async ensurePending(req: ScheduleRequest): Promise<boolean> {
    return this.o.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`jobs:${req.kind}:${String(req.ownerId)}`}))`;
      const pending = await tx.job.count({ where: { kind: req.kind, ownerId: String(req.ownerId), doneAt: null, cancelledAt: null } });
      if (pending > 0) return false;
      await this.schedule({ ...req, replace: false }, tx);
      return true;
    });
  }

  /** Cancels pending jobs of a kind for an owner (e.g. reminders of a rescheduled meeting). */
  async cancel(kind: string | string[], ownerId: string | number, tx?: JobTx): Promise<number> {
    const db = tx ?? this.o.prisma;
    const r = await db.job.updateMany({
      where: { kind: { in: Array.isArray(kind) ? kind : [kind] }, ownerId: String(ownerId), doneAt: null, cancelledAt: null },
      data: { cancelledAt: this.o.clock.now() },
    });
    return r.count;
  }

  async pending(kind: string, ownerId: string | number, tx?: JobTx) {
    return (tx ?? this.o.prisma).job.findMany({
      where: { kind, ownerId: String(ownerId), doneAt: null, cancelledAt: null },
      orderBy: { dueAt: "asc" },
    });
  }

  /** Starts the node-cron tick (every second) that runs due jobs. */
  start(): void {
    if (this.task) return;
    this.task = cron.schedule(this.o.cron ?? "* * * * * *", () => void this.tick().catch((err) => this.o.logger.error({ err }, "jobs: tick failed")), {
      name: "jobs",
      noOverlap: true,
    });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.task?.destroy();
    this.task = null;
    await this.ticking;
  }

  /** Runs every job due now; returns how many ran. Tests call this after moving the clock. */
  tick(): Promise<number> {
    if (!this.ticking) {
      this.ticking = this.runDue().finally(() => (this.ticking = null));
    }
    return this.ticking;
  }

  async runDue(limit = 10_000): Promise<number> {
    let ran = 0;
    while (ran < limit) {
      const n = await this.runOneBatch();
      if (n === 0) break;
      ran += n;
    }
    return ran;
  }

  private async runOneBatch(): Promise<number> {
    // Optimistic first: the whole batch in one transaction without savepoints, marked done with one
    // statement (reminders falling due together are thousands of jobs). Should any handler throw,
    // all of it rolls back and the batch runs again job by job, each in its own savepoint. This is
    // safe because handlers write only through `tx` and defer everything else to afterCommit.
    // The job that failed is not run a second time for the same attempt: its error is recorded.
    const fast = await this.runClaimed("batch");
    return typeof fast === "number" ? fast : ((await this.runClaimed("isolated", fast)) as number);
  }

  private async runClaimed(mode: "batch" | "isolated", known?: BatchFailed): Promise<number | BatchFailed> {
    const now = this.o.clock.now();
    const size = this.o.batchSize ?? 50;
    // Only kinds this instance knows: during a rolling deploy an older instance must not burn the
    // attempts of a job kind that only newer instances can run.
    const kinds = this.kinds();
    if (kinds.length === 0) return 0;
    const after: Array<() => unknown> = [];
    const failed: Array<{ row: JobRow; err: unknown }> = [];
    let count = 0;
    const run = async (tx: JobTx, row: JobRow) => {
      const handler = this.handlers.get(row.kind);
      if (!handler) throw new Error(`no handler for job kind ${row.kind}`);
      const local: Array<() => unknown> = [];
      await handler(
        { id: row.id, kind: row.kind, ownerId: row.owner_id, forumId: row.forum_id, dueAt: row.due_at, payload: row.payload ?? {}, attempts: row.attempts },
        { tx, now, lateMs: now.getTime() - row.due_at.getTime(), afterCommit: (fn) => local.push(fn) },
      );
      return local;
    };
    try {
      await this.o.prisma.$transaction(
        async (tx) => {
          const rows = await tx.$queryRaw<JobRow[]>`
            SELECT id, kind, owner_id, forum_id, due_at, payload, attempts FROM jobs
            WHERE done_at IS NULL AND cancelled_at IS NULL AND due_at <= ${now} AND kind = ANY(${kinds})
            ORDER BY due_at ASC, id ASC
            LIMIT ${size}
            FOR UPDATE SKIP LOCKED`;
          count = rows.length;
          if (mode === "batch") {
            for (const row of rows) {
              try {
                after.push(...(await run(tx, row)));
              } catch (err) {
                throw new BatchFailed(row.id, err);
              }
            }
            if (rows.length) {
              await tx.$executeRaw`UPDATE jobs SET done_at = ${now}, claimed_at = ${now}, claimed_by = ${this.o.instanceId}, attempts = attempts + 1
                WHERE id = ANY(${rows.map((r) => String(r.id))}::text[]::bigint[])`;
            }
            return;
          }
          for (const row of rows) {
            // Each job in its own savepoint: one failing job does not undo the others.
            await tx.$executeRawUnsafe("SAVEPOINT job");
            try {
              if (known && known.jobId === row.id) throw known.cause;
              const local = await run(tx, row);
              await tx.$executeRaw`UPDATE jobs SET done_at = ${now}, claimed_at = ${now}, claimed_by = ${this.o.instanceId}, attempts = attempts + 1 WHERE id = ${row.id}`;
              await tx.$executeRawUnsafe("RELEASE SAVEPOINT job");
              after.push(...local);
            } catch (err) {
              await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT job");
              failed.push({ row, err });
              const attempts = row.attempts + 1;
              const giveUp = attempts >= this.maxAttempts;
              const retryAt = new Date(now.getTime() + Math.min(300_000, 5_000 * 2 ** attempts));
              if (giveUp) this.o.logger.error({ jobId: String(row.id), kind: row.kind, attempts }, "job given up");
              await tx.$executeRaw`UPDATE jobs SET attempts = ${attempts}, last_error = ${String((err as Error)?.message ?? err).slice(0, 500)},
                due_at = ${giveUp ? row.due_at : retryAt}, done_at = ${giveUp ? now : null} WHERE id = ${row.id}`;
            }
          }
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
    } catch (err) {
      if (err instanceof BatchFailed) return err;
      throw err;
    }
    for (const f of failed) this.o.logger.error({ jobId: String(f.row.id), kind: f.row.kind, err: f.err }, "job failed");
    for (const fn of after) {
      try {
        await fn();
      } catch (err) {
        this.o.logger.error({ err }, "job afterCommit failed");
      }
    }
    return count;
  }
}

/** A handler threw during an optimistic batch: roll it all back and run the jobs one by one. */
class BatchFailed extends Error {
  constructor(
    readonly jobId: bigint,
    override readonly cause: unknown,
  ) {
    super("job batch failed");
  }
}

import { Api, GrammyError, HttpError, InputFile } from "grammy";
import type { Prisma } from "../infra/db.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";
import type { BookResult, KickChannel, Limiter } from "./limiter.js";
import { withLeanFetch } from "./http.js";
import type {
  BatchHandleLike,
  BatchStatus,
  CopyRef,
  DeliveryStateName,
  EnqueueItem,
  EnqueueRequest,
  EnqueueResult,
  FailureKind,
  Payload,
  RecipientRow,
} from "./types.js";

type Tx = Pick<Prisma, "deliveryBatch" | "delivery" | "$queryRaw">;

export interface DeliveryHooks {
  /** A group or private chat can no longer be reached (kicked, blocked, not found). */
  onChatGone?(chatId: bigint, kind: FailureKind): Promise<void> | void;
  /** A group became a supergroup; the row was re-sent to the new id. */
  onChatMigrated?(oldChatId: bigint, newChatId: bigint): Promise<void> | void;
  /** A row reached a final state (sent, failed, unknown). */
  onSettled?(row: SettledRow): Promise<void> | void;
}

export interface SettledRow {
  id: bigint;
  batchId: number;
  ownerKind: string;
  ownerId: string;
  recipientKey: string | null;
  chatId: bigint;
  state: DeliveryStateName;
  telegramMessageId: number | null;
  errorKind: string | null;
}

export interface DeliveryOptions {
  prisma: Prisma;
  api: Api;
  clock: Clock;
  logger: Logger;
  limiter: Limiter;
  instanceId: string;
  /** Rows claimed per query. */
  batchSize?: number;
  /** Rows in progress at once in this process (each waits for its slot, then sends). */
  concurrency?: number;
  /** Attempts for 5xx/network errors before a row fails for good. */
  maxAttempts?: number;
  /** A row left in "sending" (request started) longer than this after a crash becomes "unknown". */
  staleSendingMs?: number;
  /** A row claimed but never started by a dead process goes back to the queue after this. */
  claimTimeoutMs?: number;
  sweepIntervalMs?: number;
  /** A row whose slot is further away than this goes back to the queue instead of holding a worker. */
  maxInlineWaitMs?: number;
  /** One request to Telegram may take at most this long. */
  sendTimeoutMs?: number;
  /**
   * Send through a lean node:http fetch (default) rather than grammY's node-fetch: the HTTP client
   * is most of a worker's CPU. Transformers installed on `api` before the queue is built still apply.
   */
  leanHttp?: boolean;
  /** A send leaving later than this after its booked slot books a fresh one (keep below the limiter's margin). */
  lateToleranceMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Cross-instance wake-up; defaults to the limiter's (Redis pub/sub), null for none. */
  kickChannel?: KickChannel | null;
  hooks?: DeliveryHooks;
}

/** An own unstarted claim no task holds is put back after this long (see requeueOwnOrphans). */
const ORPHAN_AFTER_MS = 5_000;
/** A row whose limiter call failed tries again after this long. */
const LIMITER_RETRY_MS = 2_000;
/** Attempts to record a sent row (backoff 0.25 s doubling to 5 s: about a minute in all). */
const SETTLE_RETRIES = 15;

interface ClaimedRow {
  id: bigint;
  batch_id: number;
  owner_kind: string;
  owner_id: string;
  recipient_key: string | null;
  chat_id: bigint;
  payload: Payload;
  attempts: number;
  priority: number;
}

export interface QueueStats {
  claimed: number;
  sent: number;
  failed: number;
  retried: number;
  deferred: number;
  rebooked: number;
  tooManyRequests: number;
  /** Statements on the hot path (claims and batched writes), to see how well batching works. */
  statements: number;
  /** Time spent per phase, summed over rows (ms): where a slow queue spends it. */
  ms: { claim: number; book: number; wait: number; start: number; send: number; settle: number };
}

const GONE: Array<[RegExp, FailureKind]> = [
  [/bot was kicked|bot is not a member|not a member of the (super)?group|chat was deleted|group chat was deactivated/i, "kicked"],
  [/bot was blocked by the user|user is deactivated/i, "blocked"],
  [/can't initiate conversation|bot can't send messages to bots/i, "not_started"],
  [/chat not found|PEER_ID_INVALID/i, "chat_not_found"],
];
// The bot is still in the chat but may not write there (muted, restricted): not "gone".
const NO_RIGHTS = /not enough rights|need administrator rights|have no rights to send|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED/i;

/**
 * The one durable outbox every fan-out goes through (DESIGN.md, Delivery).
 *
 * A row's life: queued → (claimed: "sending", claimed_at NULL) → (request started: claimed_at set)
 * → sent | failed | back to queued (429, 5xx, limiter) ; cancelled ; unknown (crash mid-request).
 * - Claims use FOR UPDATE SKIP LOCKED and take only the head row of each chat (the lowest id among
 *   its rows in flight or due), so any number of instances share the work, none sends a row twice,
 *   and one chat's rows go out in order.
 * - Just before the request, a compare-and-set marks the row as started. A row claimed by a process
 *   that died before that point is safely re-queued; one that died after it becomes "unknown".
 * - The limiter books a slot (shared through Redis); the worker sleeps until it, so waiting costs
 *   no polling and loses no races.
 */
export class DeliveryQueue {
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly staleSendingMs: number;
  private readonly claimTimeoutMs: number;
  private readonly maxInlineWaitMs: number;
  private readonly sendTimeoutMs: number;
  private readonly lateToleranceMs: number;
  private readonly api: Api;
  private running = false;
  private stopping = false;
  private draining = 0;
  private pumping: Promise<void> | null = null;
  private signalled = false;
  private waiter: (() => void) | null = null;
  private active = 0;
  /** Rows this process is working on now: its other 'sending' rows were orphaned by an error. */
  private activeIds = new Set<string>();
  /** Rows whose processing failed before their request went out: sure to be unsent, whatever the database says. */
  private unsentIds = new Set<string>();
  private stopWaiters = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly listeners: { chatGone: NonNullable<DeliveryHooks["onChatGone"]>[]; migrated: NonNullable<DeliveryHooks["onChatMigrated"]>[]; settled: NonNullable<DeliveryHooks["onSettled"]>[] } = {
    chatGone: [],
    migrated: [],
    settled: [],
  };
  private fileIds = new Map<string, string>();
  private readonly channel: KickChannel | null;
  private recent429: Array<{ at: number; chat: number }> = [];
  private readonly starts: Batcher<bigint, boolean>;
  private readonly sents: Batcher<{ id: bigint; messageId: number | null }, boolean>;
  readonly stats: QueueStats = { claimed: 0, sent: 0, failed: 0, retried: 0, deferred: 0, rebooked: 0, tooManyRequests: 0, statements: 0, ms: { claim: 0, book: 0, wait: 0, start: 0, send: 0, settle: 0 } };

  constructor(private readonly o: DeliveryOptions) {
    this.batchSize = o.batchSize ?? 50;
    this.concurrency = o.concurrency ?? 32;
    this.maxAttempts = o.maxAttempts ?? 6;
    this.staleSendingMs = o.staleSendingMs ?? 120_000;
    this.claimTimeoutMs = o.claimTimeoutMs ?? 60_000;
    this.maxInlineWaitMs = o.maxInlineWaitMs ?? 2_500;
    this.sendTimeoutMs = o.sendTimeoutMs ?? 60_000;
    this.lateToleranceMs = o.lateToleranceMs ?? 40;
    this.api = o.leanHttp === false ? o.api : withLeanFetch(o.api, { timeoutSeconds: Math.ceil(this.sendTimeoutMs / 1000) });
    this.channel = o.kickChannel !== undefined ? o.kickChannel : (o.limiter.kickChannel?.() ?? null);
    if (o.hooks) this.setHooks(o.hooks);
    this.starts = new Batcher((ids) => this.markStartedMany(ids));
    this.sents = new Batcher((rows) => this.settleSentMany(rows));
  }

  /** Adds hooks; several features may each install their own (they are all called). */
  setHooks(hooks: DeliveryHooks) {
    if (hooks.onChatGone) this.listeners.chatGone.push(hooks.onChatGone);
    if (hooks.onChatMigrated) this.listeners.migrated.push(hooks.onChatMigrated);
    if (hooks.onSettled) this.listeners.settled.push(hooks.onSettled);
  }

  // ------------------------------------------------------------------------------ enqueue

  /**
   * Writes the rows (inside the caller's transaction when given) and wakes the workers. With `tx`,
   * call kick() after the commit (the periodic sweep catches it otherwise).
   */
  async enqueue(req: EnqueueRequest, tx?: Tx): Promise<EnqueueResult> {
    const db = tx ?? this.o.prisma;
    const now = this.o.clock.now().toISOString();
    const forumId = req.forumId ?? null;
    const ownerId = String(req.ownerId);
    if (req.items.length === 0) {
      const batch = await db.deliveryBatch.create({ data: { forumId, ownerKind: req.ownerKind, ownerId, total: 0, createdAt: new Date(now) } });
      return { batchId: batch.id, handle: this.handle(batch.id) };
    }
    // The batch and all its rows in one statement: enqueueing sits inside feature transactions (a
    // reminder, a relayed message), where every round trip counts. The rows travel as one JSON
    // document that PostgreSQL (or PGlite) unpacks: far cheaper than per-row or per-array
    // parameters, and a payload shared by many recipients is serialised once.
    const seen = new Map<object, string>();
    const json = (p: object) => seen.get(p) ?? (seen.set(p, JSON.stringify(p)), seen.get(p)!);
    const doc =
      "[" +
      req.items
        .map(
          (x, i) =>
            `{"i":${i},"k":${x.recipientKey === undefined ? "null" : JSON.stringify(x.recipientKey)},"c":"${String(x.chatId)}",` +
            `"p":${json(x.payload)},"r":${Math.trunc(x.priority ?? 0)},"t":${x.notBefore ? `"${x.notBefore.toISOString()}"` : "null"}}`,
        )
        .join(",") +
      "]";
    const rows = await db.$queryRaw<Array<{ batch_id: number }>>`
      WITH b AS (
        INSERT INTO delivery_batches (forum_id, owner_kind, owner_id, total, created_at)
        VALUES (${forumId}::int, ${req.ownerKind}, ${ownerId}, ${req.items.length}::int, ${now}::timestamp(3))
        RETURNING id
      ), ins AS (
        INSERT INTO deliveries (batch_id, forum_id, owner_kind, owner_id, recipient_key, chat_id, payload, priority, next_attempt_at, created_at, updated_at)
        SELECT b.id, ${forumId}::int, ${req.ownerKind}, ${ownerId}, x.k, x.c::bigint, x.p, x.r,
               COALESCE(x.t::timestamp(3), ${now}::timestamp(3)), ${now}::timestamp(3), ${now}::timestamp(3)
        FROM b, jsonb_to_recordset(${doc}::jsonb) AS x(i int, k text, c text, p jsonb, r int, t text)
        ORDER BY x.i
        RETURNING 1
      )
      SELECT (SELECT id FROM b) AS batch_id, (SELECT count(*) FROM ins) AS n`;
    if (!tx) this.kick();
    const batchId = Number(rows[0]!.batch_id);
    return { batchId, handle: this.handle(batchId) };
  }

  /**
   * Edits supersede one another. For each edit item, a queued edit of the same message (same chat
   * and method, same message id or copy row) that no worker has claimed yet takes the item's
   * parameters instead: only the latest text goes out, once, at the time already given to that
   * row. Returns the items that found no such row, to be enqueued. A row already claimed is left
   * alone; the newer edit then follows it.
   */
  async mergeQueuedEdits(items: EnqueueItem[], tx?: Tx): Promise<EnqueueItem[]> {
    const keyOf = (x: EnqueueItem) => (x.payload.op === "edit" ? `${x.chatId}|${x.payload.method}|${x.payload.ofCopy ?? ""}|${x.payload.messageId}` : null);
    // The same message twice in one call: the later item wins.
    const latest = new Map<string, number>();
    items.forEach((x, i) => {
      const k = keyOf(x);
      if (k) latest.set(k, i);
    });
    if (latest.size === 0) return items;
    const db = tx ?? this.o.prisma;
    const doc = JSON.stringify(
      [...latest.values()].map((i) => {
        const x = items[i]!;
        const p = x.payload as Extract<typeof x.payload, { op: "edit" }>;
        return { i, c: String(x.chatId), m: p.method, k: p.ofCopy ?? null, mid: p.messageId, p };
      }),
    );
    const now = this.o.clock.now().toISOString();
    const merged = await db.$queryRaw<Array<{ i: number }>>`
      UPDATE deliveries d SET payload = x.p, updated_at = ${now}::timestamp(3)
      FROM jsonb_to_recordset(${doc}::jsonb) AS x(i int, c text, m text, k text, mid int, p jsonb)
      WHERE d.state = 'queued' AND d.chat_id = x.c::bigint AND d.payload->>'op' = 'edit' AND d.payload->>'method' = x.m
        AND ((x.k IS NOT NULL AND d.payload->>'ofCopy' = x.k) OR (x.mid > 0 AND (d.payload->>'messageId')::int = x.mid))
      RETURNING x.i`;
    const done = new Set(merged.map((r) => Number(r.i)));
    return items.filter((x, i) => {
      const k = keyOf(x);
      return k === null || (latest.get(k) === i && !done.has(i));
    });
  }

  /** Sends whatever is due now, here and (through Redis) in every other instance. */
  kick(): void {
    this.channel?.publish();
    this.wakeLocal();
  }

  private wakeLocal(): void {
    if (!this.running && this.draining === 0) return;
    this.signal();
    if (!this.pumping) this.startPump();
  }

  private signal() {
    this.signalled = true;
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  private waitForSignal(): Promise<void> {
    if (this.signalled) {
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((r) => (this.waiter = r));
  }

  private startPump() {
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      // Kicked while the loop was finishing: go again.
      if (this.signalled && (this.running || this.draining > 0)) this.startPump();
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    const every = this.o.sweepIntervalMs ?? 2_000;
    this.timer = setInterval(() => {
      void this.sweep().catch((err) => this.o.logger.error({ err }, "delivery: sweep failed"));
    }, every);
    this.timer.unref();
    this.channel?.subscribe(() => this.wakeLocal()).catch((err) => this.o.logger.warn({ err }, "delivery: kick channel unavailable"));
    void this.recoverOwnClaims()
      .then(() => this.sweep())
      .catch((err) => this.o.logger.error({ err }, "delivery: start-up sweep failed"));
    this.wakeLocal();
  }

  /** Finishes requests already started; rows still waiting for their slot go back to the queue. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = null;
    for (const w of this.stopWaiters) w();
    this.signal();
    await this.pumping;
    await this.channel?.close().catch(() => {});
  }

  /** Test and shutdown helper: send until nothing due remains (rows waiting for later are left). */
  async drain(maxRounds = 1000): Promise<void> {
    this.draining++;
    try {
      for (let i = 0; i < maxRounds; i++) {
        if (this.pumping) this.signal();
        else this.startPump();
        await this.pumping;
        if (!this.pumping) return;
      }
    } finally {
      this.draining--;
    }
  }

  private async sweep() {
    await this.markStaleSending();
    // This instance's own claims are alive in its memory (its previous life is handled at start).
    await this.requeueAbandonedClaims({ includeOwn: false });
    await this.requeueOwnOrphans();
    await this.requeueKnownUnsent();
    this.wakeLocal();
  }

  /**
   * Own claims that no task holds any more: processing failed before the request started (Redis
   * or the database away for a moment). Nothing went out: back to the queue, or the chat's head
   * would block it until this process restarts. Seconds old, so a claim still being returned is
   * left alone (and markStarted's compare-and-set keeps a row from going out twice anyway).
   */
  private async requeueOwnOrphans(): Promise<number> {
    const now = this.o.clock.now();
    const cutoff = new Date(now.getTime() - ORPHAN_AFTER_MS);
    const busy = [...this.activeIds];
    return this.o.prisma.$executeRaw`
      UPDATE deliveries SET state = 'queued', claimed_by = NULL, updated_at = ${now}
      WHERE state = 'sending' AND claimed_at IS NULL AND claimed_by = ${this.o.instanceId} AND updated_at < ${cutoff}
        AND NOT (id = ANY(${busy}::bigint[]))`;
  }

  /**
   * Rows this process failed on before sending (the database dropped the connection during the
   * compare-and-set, say): the statement may have committed with no answer, leaving claimed_at set,
   * which would otherwise mark the row "unknown" later although nothing went out.
   */
  async requeueKnownUnsent(): Promise<number> {
    if (!this.unsentIds.size) return 0;
    const ids = [...this.unsentIds].filter((id) => !this.activeIds.has(id));
    if (!ids.length) return 0;
    const now = this.o.clock.now();
    const n = await this.o.prisma.$executeRaw`
      UPDATE deliveries SET state = 'queued', claimed_by = NULL, claimed_at = NULL, updated_at = ${now}
      WHERE id = ANY(${ids}::bigint[]) AND state = 'sending' AND claimed_by = ${this.o.instanceId}`;
    for (const id of ids) this.unsentIds.delete(id);
    return n;
  }

  private async pump(): Promise<void> {
    const threshold = Math.max(1, this.concurrency >> 1);
    try {
      for (;;) {
        if (this.stopping || (!this.running && this.draining === 0)) break;
        this.signalled = false;
        const free = this.concurrency - this.active;
        let claimed = 0;
        let asked = 0;
        // Claim in handfuls rather than one row per finished send: fewer queries.
        if (free > 0 && (this.active === 0 || free >= threshold)) {
          asked = Math.min(free, this.batchSize);
          const t0 = performance.now();
          const rows = await this.claim(asked);
          this.stats.ms.claim += performance.now() - t0;
          claimed = rows.length;
          for (const r of rows) this.spawn(r);
        }
        if (this.active === 0 && claimed === 0) {
          if (this.signalled) continue;
          break;
        }
        if (claimed > 0 && claimed === asked && this.active < this.concurrency) continue;
        await this.waitForSignal();
      }
    } catch (err) {
      this.o.logger.error({ err }, "delivery: pump failed");
    }
    // Whatever happened, the rows this process holds are finished (or put back) before it stops.
    while (this.active > 0) await this.waitForSignal();
    this.scheduleNextDue().catch(() => {});
  }

  /** Wakes the worker when the earliest waiting row falls due (429 waits, backoff, notBefore). */
  private async scheduleNextDue() {
    if (!this.running) return;
    const next = await this.o.prisma.delivery.findFirst({
      where: { state: "queued" },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    });
    if (!next || !this.running) return;
    const wait = Math.max(10, next.nextAttemptAt.getTime() - this.o.clock.now().getTime());
    if (wait > (this.o.sweepIntervalMs ?? 2_000)) return; // the periodic sweep covers it
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.wakeLocal(), wait);
    this.retryTimer.unref();
  }

  private spawn(row: ClaimedRow) {
    this.active++;
    this.stats.claimed++;
    const key = String(row.id);
    this.activeIds.add(key);
    const progress = { requested: false };
    void this.processRow(row, progress)
      .catch((err) => {
        if (!progress.requested) this.unsentIds.add(key);
        this.o.logger.error({ err, deliveryId: key }, "delivery: row failed unexpectedly");
      })
      .finally(() => {
        this.activeIds.delete(key);
        this.active--;
        this.signal();
      });
  }

  /** Claims up to `limit` due rows, at most one per chat (its head), highest priority first. */
  private async claim(limit: number): Promise<ClaimedRow[]> {
    this.stats.statements++;
    const now = this.o.clock.now();
    const rows = await this.o.prisma.$queryRaw<ClaimedRow[]>`
      UPDATE deliveries SET state = 'sending', claimed_by = ${this.o.instanceId}, claimed_at = NULL, updated_at = ${now}
      WHERE id IN (
        SELECT d.id FROM deliveries d
        JOIN (
          SELECT chat_id, min(id) AS head FROM deliveries
          WHERE state = 'sending' OR (state = 'queued' AND next_attempt_at <= ${now})
          GROUP BY chat_id
        ) h ON h.head = d.id
        WHERE d.state = 'queued' AND d.next_attempt_at <= ${now}
        ORDER BY d.priority DESC, d.id ASC
        LIMIT ${limit}
        FOR UPDATE OF d SKIP LOCKED
      )
      RETURNING id, batch_id, owner_kind, owner_id, recipient_key, chat_id, payload, attempts, priority`;
    return rows.sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  }

  // ---------------------------------------------------------------------------- one row

  private async processRow(row: ClaimedRow, progress: { requested: boolean }): Promise<void> {
    const chatId = Number(row.chat_id);
    let ticket: string | undefined;
    let bookedAt: number | null = null;
    const ms = this.stats.ms;
    let t = performance.now();
    const lap = () => {
      const n = performance.now();
      const d = n - t;
      t = n;
      return d;
    };
    if (row.payload.op === "edit" && !row.payload.messageId && row.payload.ofCopy) {
      const messageId = await this.copyMessageId(row, row.payload.ofCopy);
      if (messageId === null) return;
      row.payload = { ...row.payload, messageId };
    }
    if (row.payload.op !== "delete") {
      let slot: BookResult;
      try {
        slot = await this.book(chatId);
      } catch (err) {
        // The limiter (Redis) is away: the row waits and tries again (nothing was sent).
        this.o.logger.warn({ err, deliveryId: String(row.id) }, "delivery: limiter unavailable, row put back");
        await this.deferChat(row, LIMITER_RETRY_MS);
        return;
      }
      ms.book += lap();
      ticket = slot.ticket;
      bookedAt = this.o.clock.now().getTime() + slot.waitMs;
      if (!slot.booked) {
        this.stats.deferred++;
        await this.deferChat(row, slot.waitMs);
        return;
      }
      if (slot.waitMs > 0) await this.sleep(slot.waitMs);
      ms.wait += lap();
      if (this.stopping) {
        await this.deferChat(row, 0);
        return;
      }
    }
    const started = await this.markStarted(row);
    ms.start += lap();
    if (!started) return; // cancelled or taken back meanwhile
    // Leaving late (the compare-and-set or a starved event loop took a while)? Then this slot may
    // crowd the next window: give it back and take a fresh one. Once: on a machine so busy that
    // every await is late, more rounds would only add to the load.
    if (ticket && bookedAt !== null && this.o.limiter.rebook) {
      const now = this.o.clock.now().getTime();
      if (now - bookedAt > this.lateToleranceMs) {
        let again;
        try {
          again = await this.o.limiter.rebook(chatId, ticket, { now, maxWaitMs: this.maxInlineWaitMs });
        } catch (err) {
          // The limiter (Redis) is away: nothing went out yet, so the row goes back to wait.
          this.o.logger.warn({ err, deliveryId: String(row.id) }, "delivery: limiter unavailable, row put back");
          await this.deferChat(row, LIMITER_RETRY_MS, { started: true });
          return;
        }
        if (!again.booked) {
          this.stats.deferred++;
          await this.deferChat(row, again.waitMs, { started: true });
          return;
        }
        this.stats.rebooked++;
        if (again.waitMs > 0) await this.sleep(again.waitMs);
      }
    }
    ms.wait += lap();
    let sent: { messageId: number | null; pinError: string | null; albumIds?: number[] };
    progress.requested = true;
    try {
      sent = await this.send(chatId, row);
    } catch (err) {
      ms.send += lap();
      await this.handleError(row, err);
      return;
    }
    ms.send += lap();
    this.stats.sent++;
    if (sent.pinError || sent.albumIds) {
      // Not the batched common ending: a pin that failed is reported, an album keeps all its ids.
      const extra = { ...(sent.pinError ? { lastError: sent.pinError, errorKind: "pin_failed" } : { lastError: null, errorKind: null }), ...(sent.albumIds ? { albumMessageIds: sent.albumIds } : {}) };
      await this.persistSent(row, () => this.settle(row, { state: "sent", telegramMessageId: sent.messageId, sentAt: this.o.clock.now(), ...extra }));
    } else if (await this.persistSent(row, () => this.sents.push({ id: row.id, messageId: sent.messageId }))) {
      await this.emitSettled(settledOf(row, "sent", sent.messageId, null));
    } else {
      this.o.logger.warn({ deliveryId: String(row.id) }, "delivery: row was taken away before it settled");
    }
    ms.settle += lap();
  }

  /**
   * Records a row that went out. The message is at Telegram: a database away for a moment must
   * not leave the row 'sending' (its chat blocked until it is declared unknown), so this retries.
   */
  private async persistSent<T>(row: ClaimedRow, write: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (err) {
        if (attempt >= SETTLE_RETRIES || this.stopping) throw err;
        this.o.logger.warn({ err, deliveryId: String(row.id), attempt }, "delivery: recording a sent row failed, retrying");
        await this.sleep(Math.min(5_000, 250 * 2 ** attempt));
      }
    }
  }

  /**
   * The message id of the copy an edit names by its row. Null when the edit was put back to wait
   * for that copy (which goes out with its own text meanwhile) or given up (it was never sent).
   */
  private async copyMessageId(row: ClaimedRow, ofCopy: string): Promise<number | null> {
    const copy = await this.o.prisma.delivery.findUnique({ where: { id: BigInt(ofCopy) }, select: { state: true, telegramMessageId: true, nextAttemptAt: true } });
    if (copy?.state === "sent" && copy.telegramMessageId) return copy.telegramMessageId;
    if (copy?.state === "queued" || copy?.state === "sending") {
      this.stats.deferred++;
      const wait = copy.state === "queued" ? copy.nextAttemptAt.getTime() - this.o.clock.now().getTime() + 1 : 1000;
      await this.deferChat(row, Math.max(1, wait));
      return null;
    }
    if (await this.markStarted(row)) await this.fail(row, "the copy to edit was never sent", "message_gone");
    return null;
  }

  private async book(chatId: number): Promise<BookResult> {
    const l = this.o.limiter;
    if (l.book) return l.book(chatId, { now: this.o.clock.now().getTime(), maxWaitMs: this.maxInlineWaitMs });
    const wait = await l.reserve(chatId);
    return { booked: wait <= 0, waitMs: Math.max(0, wait) };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.stopWaiters.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.stopWaiters.add(done);
    });
  }

  /** Compare-and-set: only the claimer, only once, only if nobody cancelled or re-queued it. */
  private markStarted(row: ClaimedRow): Promise<boolean> {
    return this.starts.push(row.id);
  }

  private async markStartedMany(ids: bigint[]): Promise<boolean[]> {
    this.stats.statements++;
    const now = this.o.clock.now();
    const done = await this.o.prisma.$queryRaw<Array<{ id: bigint }>>`
      UPDATE deliveries SET claimed_at = ${now}, updated_at = ${now}
      WHERE id = ANY(${ids.map(String)}::bigint[]) AND state = 'sending' AND claimed_by = ${this.o.instanceId} AND claimed_at IS NULL
      RETURNING id`;
    // The same row twice in one batch (re-claimed by this instance after a sweep): one winner only,
    // exactly as two separate compare-and-sets would have it.
    const ok = new Set(done.map((r) => String(r.id)));
    return ids.map((id) => ok.delete(String(id)));
  }

  /** The common ending, batched: sent, nothing to report. */
  private async settleSentMany(rows: Array<{ id: bigint; messageId: number | null }>): Promise<boolean[]> {
    this.stats.statements++;
    const now = this.o.clock.now();
    const done = await this.o.prisma.$queryRaw<Array<{ id: bigint }>>`
      UPDATE deliveries d SET state = 'sent', telegram_message_id = NULLIF(v.mid, 0), sent_at = ${now}, last_error = NULL,
        error_kind = NULL, attempts = d.attempts + 1, updated_at = ${now}
      FROM (SELECT unnest(${rows.map((r) => String(r.id))}::bigint[]) AS id, unnest(${rows.map((r) => r.messageId ?? 0)}::int[]) AS mid) v
      WHERE d.id = v.id AND d.claimed_by = ${this.o.instanceId} AND d.state IN ('sending', 'unknown')
      RETURNING d.id`;
    const ok = new Set(done.map((r) => String(r.id)));
    return rows.map((r) => ok.delete(String(r.id)));
  }

  /**
   * Puts a row back, due in `waitMs`, and holds its chat's later rows at least as long, so they
   * cannot overtake it.
   */
  private async deferChat(row: ClaimedRow, waitMs: number, extra: { attempts?: number; lastError?: string; started?: boolean } = {}) {
    const now = this.o.clock.now();
    const at = new Date(now.getTime() + Math.max(0, Math.ceil(waitMs)));
    // Only this attempt's own state: before its request started, or after. A stale attempt of the
    // same instance must not put back a row that a newer claim is sending.
    const started = extra.started ?? false;
    // The chat's later rows wait first: while this row is 'sending' it is the chat's head and
    // nothing behind it can be claimed. Put back first, and a worker could claim the next row in
    // between (a queued row not yet due is no head), letting it overtake.
    if (waitMs > 0) {
      await this.o.prisma.$executeRaw`
        UPDATE deliveries SET next_attempt_at = ${at}, updated_at = ${now}
        WHERE chat_id = ${row.chat_id} AND state = 'queued' AND id > ${row.id} AND next_attempt_at < ${at}`;
    }
    await this.o.prisma.$executeRaw`
      UPDATE deliveries SET state = 'queued', claimed_by = NULL, claimed_at = NULL, next_attempt_at = ${at}, updated_at = ${now},
        attempts = ${extra.attempts ?? row.attempts}, last_error = COALESCE(${extra.lastError ?? null}, last_error)
      WHERE id = ${row.id} AND state = 'sending' AND claimed_by = ${this.o.instanceId} AND (claimed_at IS NOT NULL) = ${started}`;
  }

  private async send(chatId: number, row: ClaimedRow): Promise<{ messageId: number | null; pinError: string | null; albumIds?: number[] }> {
    const p = row.payload;
    const raw = this.api.raw as unknown as Record<string, (params: Record<string, unknown>, signal?: AbortSignal) => Promise<any>>;
    // Our own Api carries the timeout; one handed over as it is gets a signal per request.
    const signal = this.api === this.o.api ? AbortSignal.timeout(this.sendTimeoutMs) : undefined;
    if (p.op === "delete") {
      await raw.deleteMessage!({ chat_id: chatId, message_id: p.messageId }, signal);
      return { messageId: p.messageId, pinError: null };
    }
    if (p.op === "edit") {
      await raw[p.method]!({ ...p.params, chat_id: chatId, message_id: p.messageId }, signal);
      return { messageId: p.messageId, pinError: null };
    }
    const params: Record<string, unknown> = { ...p.params, chat_id: chatId };
    const fileKeys: string[] = [];
    for (const [name, f] of Object.entries(p.files ?? {})) {
      // One upload per batch and file; later recipients reuse Telegram's file_id.
      const known = this.fileIds.get(`${row.batch_id}:${name}:${f.filename}`);
      params[name] = known ?? new InputFile(Buffer.from(f.base64, "base64"), f.filename);
      if (!known) fileKeys.push(name);
    }
    const fn = raw[p.method];
    if (!fn) throw new GrammyError(`unknown method ${p.method}`, { ok: false, error_code: 400, description: `Bad Request: unknown method ${p.method}` }, p.method, {});
    const result = await fn(params, signal);
    const msg = Array.isArray(result) ? result[0] : result;
    for (const name of fileKeys) {
      const fid = fileIdOf(msg, name);
      if (fid) this.fileIds.set(`${row.batch_id}:${name}:${p.files![name]!.filename}`, fid);
    }
    if (this.fileIds.size > 5_000) this.fileIds.clear();
    const messageId: number | null = typeof msg === "object" && msg ? (msg.message_id ?? null) : null;
    const albumIds = Array.isArray(result) && result.length > 1 ? result.map((m: { message_id: number }) => m.message_id) : undefined;
    let pinError: string | null = null;
    if (p.pin && messageId) {
      try {
        await raw.pinChatMessage!({ chat_id: chatId, message_id: messageId, disable_notification: p.silentPin ?? false }, signal);
      } catch (err) {
        pinError = err instanceof GrammyError ? err.description : String(err);
        this.o.logger.warn({ deliveryId: String(row.id), err: pinError }, "delivery: pin failed");
      }
    }
    return { messageId, pinError, ...(albumIds ? { albumIds } : {}) };
  }

  private async handleError(row: ClaimedRow, err: unknown): Promise<void> {
    const now = this.o.clock.now();
    if (err instanceof GrammyError) {
      const desc = err.description;
      const code = err.error_code;
      if (code === 429) {
        this.stats.tooManyRequests++;
        const retryMs = Math.max(1, err.parameters.retry_after ?? 1) * 1000;
        const until = now.getTime() + retryMs;
        await this.o.limiter.pause(Number(row.chat_id), until);
        // 429s from several chats at once mean the bot-wide limit: everyone waits.
        if (this.note429(Number(row.chat_id), now.getTime())) await this.o.limiter.pause(null, until);
        await this.deferChat(row, retryMs, { lastError: desc, started: true });
        return;
      }
      if (code === 400 && err.parameters.migrate_to_chat_id) {
        const newId = BigInt(err.parameters.migrate_to_chat_id);
        await this.o.prisma.delivery.updateMany({
          where: { chatId: row.chat_id, state: "queued" },
          data: { chatId: newId, updatedAt: now },
        });
        await this.o.prisma.delivery.updateMany({
          where: { id: row.id, state: "sending", claimedBy: this.o.instanceId, claimedAt: { not: null } },
          data: { chatId: newId, state: "queued", claimedAt: null, claimedBy: null, nextAttemptAt: now, updatedAt: now },
        });
        for (const fn of this.listeners.migrated) {
          await Promise.resolve(fn(row.chat_id, newId)).catch((e) => this.o.logger.error({ err: e }, "delivery: onChatMigrated hook failed"));
        }
        return;
      }
      if (row.payload.op !== "send" && /message is not modified/i.test(desc)) {
        await this.settle(row, { state: "sent", telegramMessageId: row.payload.messageId, sentAt: now, lastError: null, errorKind: null });
        return;
      }
      if (row.payload.op === "delete" && /message can't be deleted for everyone/i.test(desc)) {
        await this.fail(row, desc, "too_old");
        return;
      }
      if (row.payload.op !== "send" && /message to (edit|delete) not found|message can't be (edited|deleted)|MESSAGE_ID_INVALID/i.test(desc)) {
        await this.fail(row, desc, "message_gone");
        return;
      }
      if (code >= 500) return this.retryLater(row, desc);
      if (NO_RIGHTS.test(desc)) {
        await this.fail(row, desc, "not_enough_rights");
        return;
      }
      const gone = GONE.find(([re]) => re.test(desc))?.[1];
      if (gone) {
        await this.fail(row, desc, gone);
        for (const fn of this.listeners.chatGone) {
          await Promise.resolve(fn(row.chat_id, gone)).catch((e) => this.o.logger.error({ err: e }, "delivery: onChatGone hook failed"));
        }
        return;
      }
      this.o.logger.warn({ deliveryId: String(row.id), code, desc }, "delivery: rejected");
      await this.fail(row, desc, "bad_request");
      return;
    }
    const message = err instanceof HttpError ? `network: ${String((err.error as Error)?.message ?? err.error)}` : String(err);
    return this.retryLater(row, message);
  }

  /** True when 429s came from at least three chats within the last second. */
  private note429(chat: number, at: number): boolean {
    this.recent429 = this.recent429.filter((r) => r.at > at - 1000);
    this.recent429.push({ at, chat });
    return new Set(this.recent429.map((r) => r.chat)).size >= 3;
  }

  private async retryLater(row: ClaimedRow, message: string): Promise<void> {
    const attempts = row.attempts + 1;
    if (attempts >= this.maxAttempts) {
      await this.fail(row, message, "too_many_attempts", attempts);
      return;
    }
    this.stats.retried++;
    const base = this.o.backoffBaseMs ?? 500;
    const backoffMs = Math.min(this.o.backoffMaxMs ?? 60_000, base * 2 ** attempts);
    await this.deferChat(row, backoffMs, { attempts, lastError: message.slice(0, 500), started: true });
  }

  private async fail(row: ClaimedRow, lastError: string, kind: FailureKind, attempts?: number) {
    this.stats.failed++;
    await this.settle(row, { state: "failed", lastError: lastError.slice(0, 500), errorKind: kind, attempts });
  }

  private async settle(
    row: ClaimedRow,
    data: { state: DeliveryStateName; telegramMessageId?: number | null; albumMessageIds?: number[]; sentAt?: Date; lastError?: string | null; errorKind?: string | null; attempts?: number },
  ) {
    const now = this.o.clock.now();
    // Also over "unknown": a sweep may have given up on a request that did finish after all.
    const r = await this.o.prisma.delivery.updateMany({
      where: { id: row.id, claimedBy: this.o.instanceId, state: { in: ["sending", "unknown"] }, claimedAt: { not: null } },
      data: { ...data, attempts: data.attempts ?? row.attempts + 1, updatedAt: now },
    });
    if (r.count === 0) {
      this.o.logger.warn({ deliveryId: String(row.id), state: data.state }, "delivery: row was taken away before it settled");
      return;
    }
    await this.emitSettled(settledOf(row, data.state, data.telegramMessageId ?? null, data.errorKind ?? null));
  }

  private async emitSettled(row: SettledRow) {
    for (const fn of this.listeners.settled) {
      await Promise.resolve(fn(row)).catch((err) => this.o.logger.error({ err }, "delivery: onSettled hook failed"));
    }
  }

  // ------------------------------------------------------------------------- recovery

  /**
   * A row whose request started long ago belonged to a process that died mid-send. It may or may
   * not have reached Telegram, so it is reported as "unknown" and never re-sent.
   */
  async markStaleSending(): Promise<number> {
    const now = this.o.clock.now();
    const cutoff = new Date(now.getTime() - this.staleSendingMs);
    const rows = await this.o.prisma.$queryRaw<RowRef[]>`
      UPDATE deliveries SET state = 'unknown', error_kind = 'interrupted', last_error = 'process stopped while sending', updated_at = ${now}
      WHERE state = 'sending' AND claimed_at IS NOT NULL AND claimed_at < ${cutoff}
      RETURNING id, batch_id, owner_kind, owner_id, recipient_key, chat_id`;
    if (rows.length) this.o.logger.warn({ count: rows.length }, "delivery: rows interrupted mid-send marked unknown");
    for (const r of rows) {
      await this.emitSettled(settledOf(r, "unknown", null, "interrupted"));
    }
    return rows.length;
  }

  /** Rows claimed by a process that died before starting their request: nothing went out, re-queue. */
  async requeueAbandonedClaims(opts: { includeOwn?: boolean } = {}): Promise<number> {
    const now = this.o.clock.now();
    const cutoff = new Date(now.getTime() - this.claimTimeoutMs);
    const skip = opts.includeOwn === false ? this.o.instanceId : "";
    return this.o.prisma.$executeRaw`
      UPDATE deliveries SET state = 'queued', claimed_by = NULL, updated_at = ${now}
      WHERE state = 'sending' AND claimed_at IS NULL AND updated_at < ${cutoff} AND claimed_by IS DISTINCT FROM ${skip}`;
  }

  /**
   * At start-up, rows this instance id still holds come from its previous life (INSTANCE_ID is
   * stable across restarts): unstarted ones go back to the queue, started ones become "unknown".
   */
  async recoverOwnClaims(): Promise<{ requeued: number; unknown: number }> {
    const now = this.o.clock.now();
    const requeued = await this.o.prisma.$executeRaw`
      UPDATE deliveries SET state = 'queued', claimed_by = NULL, updated_at = ${now}
      WHERE state = 'sending' AND claimed_at IS NULL AND claimed_by = ${this.o.instanceId}`;
    const started = await this.o.prisma.$queryRaw<RowRef[]>`
      UPDATE deliveries SET state = 'unknown', error_kind = 'interrupted', last_error = 'process stopped while sending', updated_at = ${now}
      WHERE state = 'sending' AND claimed_at IS NOT NULL AND claimed_by = ${this.o.instanceId}
      RETURNING id, batch_id, owner_kind, owner_id, recipient_key, chat_id`;
    for (const r of started) {
      await this.emitSettled(settledOf(r, "unknown", null, "interrupted"));
    }
    return { requeued, unknown: started.length };
  }

  // --------------------------------------------------------------------- for callers

  /** A handle to follow one batch: progress, waiting for the end, cancelling. */
  handle(batchId: number): BatchHandleLike {
    return new BatchHandle(this, batchId);
  }

  async batchStatus(batchId: number, db?: Tx): Promise<BatchStatus> {
    const p = db ?? this.o.prisma;
    // One after another: inside a PGlite transaction, parallel queries would queue anyway.
    const batch = await p.deliveryBatch.findUniqueOrThrow({ where: { id: batchId } });
    const groups = await p.delivery.groupBy({ by: ["state"], where: { batchId }, _count: { _all: true } });
    const failures = await p.delivery.findMany({
      where: { batchId, state: { in: ["failed", "unknown"] } },
      select: { id: true, chatId: true, recipientKey: true, errorKind: true, lastError: true },
      orderBy: { id: "asc" },
    });
    const counts: Record<DeliveryStateName, number> = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, unknown: 0 };
    for (const g of groups) counts[g.state as DeliveryStateName] = g._count._all;
    return { batchId, total: batch.total, counts, done: counts.queued + counts.sending === 0, failures };
  }

  /** Every row of a batch with its outcome (for per-recipient reports). */
  async batchRecipients(batchId: number, db?: Tx): Promise<RecipientRow[]> {
    const p = db ?? this.o.prisma;
    const rows = await p.delivery.findMany({
      where: { batchId },
      select: { id: true, chatId: true, recipientKey: true, state: true, errorKind: true, lastError: true, telegramMessageId: true, attempts: true, sentAt: true },
      orderBy: { id: "asc" },
    });
    return rows as RecipientRow[];
  }

  /** Every sent (or pending) copy of something, to edit, thread or delete later. */
  async copies(ownerKind: string, ownerId: string | number, db?: Tx): Promise<CopyRef[]> {
    const p = db ?? this.o.prisma;
    const rows = await p.delivery.findMany({
      where: { ownerKind, ownerId: String(ownerId) },
      select: { id: true, batchId: true, chatId: true, recipientKey: true, state: true, telegramMessageId: true, albumMessageIds: true },
      orderBy: { id: "asc" },
    });
    return rows as CopyRef[];
  }

  /** Finds which owner a message in a chat is a copy of (e.g. a reply to a relayed copy). */
  async findByMessage(chatId: number | bigint, messageId: number): Promise<(CopyRef & { ownerKind: string; ownerId: string }) | null> {
    const select = { id: true, batchId: true, chatId: true, recipientKey: true, state: true, telegramMessageId: true, albumMessageIds: true, ownerKind: true, ownerId: true } as const;
    const row =
      (await this.o.prisma.delivery.findFirst({ where: { chatId: BigInt(chatId), telegramMessageId: messageId, state: "sent" }, select, orderBy: { id: "desc" } })) ??
      // A later item of an album copy belongs to the album's row.
      (await this.o.prisma.delivery.findFirst({ where: { chatId: BigInt(chatId), albumMessageIds: { has: messageId }, state: "sent" }, select, orderBy: { id: "desc" } }));
    return (row as (CopyRef & { ownerKind: string; ownerId: string }) | null) ?? null;
  }

  /** Queues an edit of every sent copy; `build` returns the edit for one copy or null to skip. */
  async editCopies(
    ownerKind: string,
    ownerId: string | number,
    build: (copy: CopyRef) => { method: string; params: Record<string, unknown> } | null,
    opts: { forumId?: number | null; priority?: number } = {},
    tx?: Tx,
  ) {
    const sent = (await this.copies(ownerKind, ownerId, tx)).filter((c) => c.state === "sent" && c.telegramMessageId);
    const items = sent.flatMap((c) => {
      const e = build(c);
      return e
        ? [{ chatId: c.chatId, recipientKey: c.recipientKey ?? undefined, priority: opts.priority, payload: { op: "edit" as const, method: e.method, messageId: c.telegramMessageId!, params: e.params } }]
        : [];
    });
    return this.enqueue({ forumId: opts.forumId, ownerKind: `${ownerKind}#edit`, ownerId, items }, tx);
  }

  /** Queues deletion of every sent copy and cancels copies not sent yet. */
  async deleteCopies(ownerKind: string, ownerId: string | number, opts: { forumId?: number | null; only?: (c: CopyRef) => boolean } = {}, tx?: Tx) {
    const all = await this.copies(ownerKind, ownerId, tx);
    const chosen = opts.only ? all.filter(opts.only) : all;
    await this.cancelRows(chosen.filter((c) => c.state === "queued" || c.state === "sending").map((c) => c.id), tx);
    const items = chosen
      .filter((c) => c.state === "sent" && c.telegramMessageId)
      .map((c) => ({ chatId: c.chatId, recipientKey: c.recipientKey ?? undefined, priority: 10, payload: { op: "delete" as const, messageId: c.telegramMessageId! } }));
    return this.enqueue({ forumId: opts.forumId, ownerKind: `${ownerKind}#delete`, ownerId, items }, tx);
  }

  /** Cancels what a batch has not started sending yet; returns how many rows were cancelled. */
  async cancelBatch(batchId: number, tx?: Tx): Promise<number> {
    const p = tx ?? this.o.prisma;
    const now = this.o.clock.now();
    // A claimed row whose request has not started is still cancellable: its worker's
    // compare-and-set will then find it gone.
    const r = await p.delivery.updateMany({
      where: { batchId, OR: [{ state: "queued" }, { state: "sending", claimedAt: null }] },
      data: { state: "cancelled", updatedAt: now },
    });
    return r.count;
  }

  private async cancelRows(ids: bigint[], tx?: Tx) {
    if (!ids.length) return 0;
    const p = tx ?? this.o.prisma;
    const r = await p.delivery.updateMany({
      where: { id: { in: ids }, OR: [{ state: "queued" }, { state: "sending", claimedAt: null }] },
      data: { state: "cancelled", updatedAt: this.o.clock.now() },
    });
    return r.count;
  }
}

class BatchHandle implements BatchHandleLike {
  constructor(
    private readonly q: DeliveryQueue,
    readonly batchId: number,
  ) {}
  status() {
    return this.q.batchStatus(this.batchId);
  }
  async settled(opts: { timeoutMs?: number; pollMs?: number; onProgress?: (s: BatchStatus) => void } = {}): Promise<BatchStatus> {
    // Real time on purpose: this waits for other processes, whatever the injected clock says.
    const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000);
    let last = "";
    for (;;) {
      const s = await this.status();
      const key = JSON.stringify(s.counts);
      if (key !== last) {
        last = key;
        opts.onProgress?.(s);
      }
      if (s.done || Date.now() >= deadline) return s;
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
    }
  }
  cancel() {
    return this.q.cancelBatch(this.batchId);
  }
  recipients() {
    return this.q.batchRecipients(this.batchId);
  }
}

/** The columns that say whose row it is and where it went. */
type RowRef = Pick<ClaimedRow, "id" | "batch_id" | "owner_kind" | "owner_id" | "recipient_key" | "chat_id">;

/** What settle hooks hear about a finished row. */
function settledOf(row: RowRef, state: DeliveryStateName, telegramMessageId: number | null, errorKind: string | null): SettledRow {
  return {
    id: row.id,
    batchId: row.batch_id,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    recipientKey: row.recipient_key,
    chatId: row.chat_id,
    state,
    telegramMessageId,
    errorKind,
  };
}

/**
 * Group commit: items pushed while a statement is running (or in the same event-loop turn) go
 * into the next statement together. Idle, an item waits for nothing; busy, one statement serves
 * many rows — Prisma costs ~1.5 ms of CPU per statement, which is what limits a worker.
 */
class Batcher<I, O> {
  private pending: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private busy = false;
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly max = 200,
  ) {}
  push(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.flush());
      }
    });
  }
  private async flush() {
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, this.max);
        try {
          const out = await this.run(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(out[i]!));
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

function fileIdOf(msg: any, field: string): string | undefined {
  const v = msg?.[field];
  if (Array.isArray(v)) return v[v.length - 1]?.file_id;
  return v?.file_id;
}

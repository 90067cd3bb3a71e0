import { Api, GrammyError, HttpError, InputFile } from "grammy";
import type { Prisma } from "../infra/db.js";
import type { Clock } from "../infra/clock.js";
import type { Logger } from "../infra/logger.js";
import type { Limiter } from "./limiter.js";
import type {
  BatchStatus,
  CopyRef,
  DeliveryStateName,
  EnqueueRequest,
  FailureKind,
  Payload,
} from "./types.js";

type Tx = Pick<Prisma, "deliveryBatch" | "delivery">;

export interface DeliveryHooks {
  /** A group or private chat can no longer be reached (kicked, blocked, not found). */
  onChatGone?(chatId: bigint, kind: FailureKind): Promise<void> | void;
  /** A group became a supergroup; the row was re-sent to the new id. */
  onChatMigrated?(oldChatId: bigint, newChatId: bigint): Promise<void> | void;
  /** A row reached a final state (sent, failed, unknown, cancelled). */
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
  batchSize?: number;
  concurrency?: number;
  maxAttempts?: number;
  /** A row left in "sending" longer than this after a crash becomes "unknown". */
  staleSendingMs?: number;
  sweepIntervalMs?: number;
  hooks?: DeliveryHooks;
}

interface ClaimedRow {
  id: bigint;
  batch_id: number;
  owner_kind: string;
  owner_id: string;
  recipient_key: string | null;
  chat_id: bigint;
  payload: Payload;
  attempts: number;
}

const GONE: Array<[RegExp, FailureKind]> = [
  [/bot was kicked|bot is not a member|not a member of the (super)?group|chat was deleted|have no rights to send|CHAT_WRITE_FORBIDDEN/i, "kicked"],
  [/bot was blocked by the user|user is deactivated/i, "blocked"],
  [/can't initiate conversation|bot can't send messages to bots/i, "not_started"],
  [/chat not found|PEER_ID_INVALID/i, "chat_not_found"],
];

/**
 * The one durable outbox every fan-out goes through (DESIGN.md, Delivery). Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of instances share the work and none sends a row twice.
 */
export class DeliveryQueue {
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly staleSendingMs: number;
  private running = false;
  private pumping: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private hooks: DeliveryHooks;
  private fileIds = new Map<string, string>();

  constructor(private readonly o: DeliveryOptions) {
    this.batchSize = o.batchSize ?? 50;
    this.concurrency = o.concurrency ?? 16;
    this.maxAttempts = o.maxAttempts ?? 6;
    this.staleSendingMs = o.staleSendingMs ?? 120_000;
    this.hooks = o.hooks ?? {};
  }

  setHooks(hooks: DeliveryHooks) {
    this.hooks = { ...this.hooks, ...hooks };
  }

  /** Writes the rows (inside the caller's transaction when given) and wakes the worker. */
  async enqueue(req: EnqueueRequest, tx?: Tx): Promise<{ batchId: number; ids: bigint[] }> {
    const db = tx ?? this.o.prisma;
    const now = this.o.clock.now();
    const batch = await db.deliveryBatch.create({
      data: { forumId: req.forumId ?? null, ownerKind: req.ownerKind, ownerId: String(req.ownerId), total: req.items.length },
    });
    const ids: bigint[] = [];
    if (req.items.length > 0) {
      const rows = await db.delivery.createManyAndReturn({
        data: req.items.map((it) => ({
          batchId: batch.id,
          forumId: req.forumId ?? null,
          ownerKind: req.ownerKind,
          ownerId: String(req.ownerId),
          recipientKey: it.recipientKey ?? null,
          chatId: BigInt(it.chatId),
          payload: it.payload as object,
          priority: it.priority ?? 0,
          nextAttemptAt: it.notBefore ?? now,
        })),
        select: { id: true },
      });
      ids.push(...rows.map((r) => r.id));
    }
    // When inside a transaction the rows are not visible yet: the caller's commit is followed
    // by the sweep, and callers that can, call kick() after committing.
    if (!tx) this.kick();
    return { batchId: batch.id, ids };
  }

  /** Sends whatever is due now, in the background. */
  kick(): void {
    if (!this.running) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const every = this.o.sweepIntervalMs ?? 2_000;
    this.timer = setInterval(() => {
      void this.markStaleSending().catch((err) => this.o.logger.error({ err }, "delivery: stale sweep failed"));
      this.kick();
    }, every);
    this.timer.unref();
    void this.markStaleSending().catch(() => {});
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = null;
    await this.pumping;
  }

  /** Test and shutdown helper: send until nothing due remains (rows waiting for later are left). */
  async drain(maxRounds = 1000): Promise<void> {
    await this.pumping;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.processOnce();
      if (n === 0) return;
    }
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        if (!this.running) return;
        const n = await this.processOnce();
        if (n === 0) break;
      }
    } catch (err) {
      this.o.logger.error({ err }, "delivery: pump failed");
    }
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
    if (!next) return;
    const wait = Math.max(10, next.nextAttemptAt.getTime() - this.o.clock.now().getTime());
    if (wait > 60_000) return; // the periodic sweep covers it
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.kick(), wait);
    this.retryTimer.unref();
  }

  /** Claims one batch of due rows and sends them; returns how many were claimed. */
  async processOnce(): Promise<number> {
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    // Rows for one chat go in order, one at a time; different chats go in parallel.
    const byChat = new Map<string, ClaimedRow[]>();
    for (const r of rows) {
      const k = String(r.chat_id);
      let list = byChat.get(k);
      if (!list) byChat.set(k, (list = []));
      list.push(r);
    }
    const lanes = [...byChat.values()];
    let idx = 0;
    const worker = async () => {
      for (;;) {
        const lane = lanes[idx++];
        if (!lane) return;
        for (let i = 0; i < lane.length; i++) {
          const deferred = await this.process(lane[i]!);
          if (deferred) {
            // Keep order: the rest of this chat's rows wait as long as the first one.
            await this.release(lane.slice(i + 1), deferred);
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, lanes.length) }, worker));
    return rows.length;
  }

  private async claim(): Promise<ClaimedRow[]> {
    const now = this.o.clock.now();
    return this.o.prisma.$queryRaw<ClaimedRow[]>`
      UPDATE deliveries SET state = 'sending', claimed_at = ${now}, claimed_by = ${this.o.instanceId}, updated_at = ${now}
      WHERE id IN (
        SELECT id FROM deliveries
        WHERE state = 'queued' AND next_attempt_at <= ${now}
        ORDER BY priority DESC, id ASC
        LIMIT ${this.batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, batch_id, owner_kind, owner_id, recipient_key, chat_id, payload, attempts`;
  }

  /** Puts claimed-but-unsent rows back, due at `at`, without counting an attempt. */
  private async release(rows: ClaimedRow[], at: Date) {
    if (rows.length === 0) return;
    await this.o.prisma.delivery.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, state: "sending" },
      data: { state: "queued", nextAttemptAt: at, claimedAt: null, claimedBy: null },
    });
  }

  /** Sends one row. Returns a Date when the row (and its chat's followers) must wait. */
  private async process(row: ClaimedRow): Promise<Date | null> {
    const chatId = Number(row.chat_id);
    if (row.payload.op !== "delete") {
      const wait = await this.o.limiter.reserve(chatId);
      if (wait > 0) {
        if (wait <= 1_500) {
          await sleep(wait);
          const again = await this.o.limiter.reserve(chatId);
          if (again > 0) return this.defer(row, again);
        } else {
          return this.defer(row, wait);
        }
      }
    }
    try {
      const messageId = await this.send(chatId, row);
      await this.settle(row, { state: "sent", telegramMessageId: messageId, sentAt: this.o.clock.now(), lastError: null, errorKind: null });
      return null;
    } catch (err) {
      return this.handleError(row, err);
    }
  }

  private async defer(row: ClaimedRow, waitMs: number): Promise<Date> {
    const at = new Date(this.o.clock.now().getTime() + waitMs);
    await this.release([row], at);
    return at;
  }

  private async send(chatId: number, row: ClaimedRow): Promise<number | null> {
    const p = row.payload;
    const raw = this.o.api.raw as unknown as Record<string, (params: Record<string, unknown>) => Promise<any>>;
    if (p.op === "delete") {
      await this.o.api.deleteMessage(chatId, p.messageId);
      return p.messageId;
    }
    if (p.op === "edit") {
      await raw[p.method]!({ ...p.params, chat_id: chatId, message_id: p.messageId });
      return p.messageId;
    }
    const params: Record<string, unknown> = { ...p.params, chat_id: chatId };
    const fileKeys: string[] = [];
    for (const [name, f] of Object.entries(p.files ?? {})) {
      // One upload per batch and file; later recipients reuse Telegram's file_id.
      const cacheKey = `${row.batch_id}:${name}:${f.filename}`;
      const known = this.fileIds.get(cacheKey);
      params[name] = known ?? new InputFile(Buffer.from(f.base64, "base64"), f.filename);
      if (!known) fileKeys.push(name);
    }
    const result = await raw[p.method]!(params);
    const msg = Array.isArray(result) ? result[0] : result;
    for (const name of fileKeys) {
      const fid = fileIdOf(msg, name);
      if (fid) this.fileIds.set(`${row.batch_id}:${name}:${p.files![name]!.filename}`, fid);
    }
    if (this.fileIds.size > 5_000) this.fileIds.clear();
    const messageId: number | null = typeof msg === "object" && msg ? (msg.message_id ?? null) : null;
    if (p.pin && messageId) {
      await this.o.api
        .pinChatMessage(chatId, messageId, { disable_notification: p.silentPin ?? false })
        .catch((err) => this.o.logger.warn({ chatId, err: String(err) }, "delivery: pin failed"));
    }
    return messageId;
  }

  private async handleError(row: ClaimedRow, err: unknown): Promise<Date | null> {
    const now = this.o.clock.now();
    if (err instanceof GrammyError) {
      const desc = err.description;
      if (err.error_code === 429) {
        const retryMs = (err.parameters.retry_after ?? 1) * 1000;
        await this.o.limiter.pause(Number(row.chat_id), Date.now() + retryMs);
        return this.defer(row, retryMs);
      }
      if (err.error_code === 400 && err.parameters.migrate_to_chat_id) {
        const newId = BigInt(err.parameters.migrate_to_chat_id);
        await this.o.prisma.delivery.updateMany({
          where: { chatId: row.chat_id, state: { in: ["queued", "sending"] } },
          data: { chatId: newId },
        });
        await this.o.prisma.delivery.update({
          where: { id: row.id },
          data: { state: "queued", claimedAt: null, claimedBy: null, nextAttemptAt: now },
        });
        await this.hooks.onChatMigrated?.(row.chat_id, newId);
        return null;
      }
      if (row.payload.op !== "send" && /message is not modified/i.test(desc)) {
        await this.settle(row, { state: "sent", telegramMessageId: row.payload.messageId, sentAt: now, lastError: null, errorKind: null });
        return null;
      }
      if (row.payload.op !== "send" && /message to (edit|delete) not found|message can't be (edited|deleted)/i.test(desc)) {
        await this.settle(row, { state: "failed", lastError: desc, errorKind: "message_gone" });
        return null;
      }
      if (err.error_code >= 500) return this.retryLater(row, desc);
      const gone = GONE.find(([re]) => re.test(desc))?.[1];
      if (gone) {
        await this.settle(row, { state: "failed", lastError: desc, errorKind: gone });
        await Promise.resolve(this.hooks.onChatGone?.(row.chat_id, gone)).catch((e) =>
          this.o.logger.error({ err: e }, "delivery: onChatGone hook failed"),
        );
        return null;
      }
      const kind: FailureKind = /not enough rights|need administrator rights/i.test(desc) ? "not_enough_rights" : "bad_request";
      this.o.logger.warn({ deliveryId: String(row.id), code: err.error_code, desc }, "delivery: rejected");
      await this.settle(row, { state: "failed", lastError: desc, errorKind: kind });
      return null;
    }
    const message = err instanceof HttpError ? `network: ${String(err.error)}` : String(err);
    return this.retryLater(row, message);
  }

  private async retryLater(row: ClaimedRow, message: string): Promise<null> {
    const attempts = row.attempts + 1;
    if (attempts >= this.maxAttempts) {
      await this.settle(row, { state: "failed", lastError: message, errorKind: "too_many_attempts", attempts });
      return null;
    }
    const backoffMs = Math.min(60_000, 500 * 2 ** attempts);
    await this.o.prisma.delivery.update({
      where: { id: row.id },
      data: {
        state: "queued",
        attempts,
        lastError: message,
        claimedAt: null,
        claimedBy: null,
        nextAttemptAt: new Date(this.o.clock.now().getTime() + backoffMs),
      },
    });
    return null;
  }

  private async settle(
    row: ClaimedRow,
    data: { state: DeliveryStateName; telegramMessageId?: number | null; sentAt?: Date; lastError?: string | null; errorKind?: string | null; attempts?: number },
  ) {
    await this.o.prisma.delivery.update({
      where: { id: row.id },
      data: { ...data, attempts: data.attempts ?? row.attempts + 1, claimedAt: null },
    });
    if (this.hooks.onSettled) {
      await Promise.resolve(
        this.hooks.onSettled({
          id: row.id,
          batchId: row.batch_id,
          ownerKind: row.owner_kind,
          ownerId: row.owner_id,
          recipientKey: row.recipient_key,
          chatId: row.chat_id,
          state: data.state,
          telegramMessageId: data.telegramMessageId ?? null,
          errorKind: data.errorKind ?? null,
        }),
      ).catch((err) => this.o.logger.error({ err }, "delivery: onSettled hook failed"));
    }
  }

  /**
   * A row still "sending" long after its claim belonged to a process that died mid-send. It may
   * or may not have reached Telegram, so it is reported as "unknown" and never re-sent.
   */
  async markStaleSending(): Promise<number> {
    const cutoff = new Date(this.o.clock.now().getTime() - this.staleSendingMs);
    const r = await this.o.prisma.delivery.updateMany({
      where: { state: "sending", claimedAt: { lt: cutoff } },
      data: { state: "unknown", lastError: "process stopped while sending" },
    });
    return r.count;
  }

  async batchStatus(batchId: number): Promise<BatchStatus> {
    const [batch, groups, failures] = await Promise.all([
      this.o.prisma.deliveryBatch.findUniqueOrThrow({ where: { id: batchId } }),
      this.o.prisma.delivery.groupBy({ by: ["state"], where: { batchId }, _count: { _all: true } }),
      this.o.prisma.delivery.findMany({
        where: { batchId, state: { in: ["failed", "unknown"] } },
        select: { id: true, chatId: true, recipientKey: true, errorKind: true, lastError: true },
        orderBy: { id: "asc" },
      }),
    ]);
    const counts: Record<DeliveryStateName, number> = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, unknown: 0 };
    for (const g of groups) counts[g.state as DeliveryStateName] = g._count._all;
    return { batchId, total: batch.total, counts, done: counts.queued + counts.sending === 0, failures };
  }

  /** Every sent (or pending) copy of something, to edit, thread or delete later. */
  async copies(ownerKind: string, ownerId: string | number): Promise<CopyRef[]> {
    const rows = await this.o.prisma.delivery.findMany({
      where: { ownerKind, ownerId: String(ownerId) },
      select: { id: true, batchId: true, chatId: true, recipientKey: true, state: true, telegramMessageId: true },
      orderBy: { id: "asc" },
    });
    return rows as CopyRef[];
  }

  /** Finds which owner a message in a chat is a copy of (e.g. a reply to a relayed copy). */
  async findByMessage(chatId: number | bigint, messageId: number): Promise<(CopyRef & { ownerKind: string; ownerId: string }) | null> {
    const row = await this.o.prisma.delivery.findFirst({
      where: { chatId: BigInt(chatId), telegramMessageId: messageId, state: "sent" },
      select: { id: true, batchId: true, chatId: true, recipientKey: true, state: true, telegramMessageId: true, ownerKind: true, ownerId: true },
      orderBy: { id: "desc" },
    });
    return (row as (CopyRef & { ownerKind: string; ownerId: string }) | null) ?? null;
  }

  /** Queues an edit of every sent copy; `build` returns the edit for one copy or null to skip. */
  async editCopies(
    ownerKind: string,
    ownerId: string | number,
    build: (copy: CopyRef) => { method: string; params: Record<string, unknown> } | null,
    opts: { forumId?: number | null; priority?: number } = {},
  ) {
    const sent = (await this.copies(ownerKind, ownerId)).filter((c) => c.state === "sent" && c.telegramMessageId);
    const items = sent.flatMap((c) => {
      const e = build(c);
      return e
        ? [{ chatId: c.chatId, recipientKey: c.recipientKey ?? undefined, priority: opts.priority, payload: { op: "edit" as const, method: e.method, messageId: c.telegramMessageId!, params: e.params } }]
        : [];
    });
    return this.enqueue({ forumId: opts.forumId, ownerKind: `${ownerKind}#edit`, ownerId, items });
  }

  /** Queues deletion of every sent copy and cancels copies not sent yet. */
  async deleteCopies(ownerKind: string, ownerId: string | number, opts: { forumId?: number | null; only?: (c: CopyRef) => boolean } = {}) {
    const all = await this.copies(ownerKind, ownerId);
    const chosen = opts.only ? all.filter(opts.only) : all;
    await this.o.prisma.delivery.updateMany({
      where: { id: { in: chosen.filter((c) => c.state === "queued").map((c) => c.id) }, state: "queued" },
      data: { state: "cancelled" },
    });
    const items = chosen
      .filter((c) => c.state === "sent" && c.telegramMessageId)
      .map((c) => ({ chatId: c.chatId, recipientKey: c.recipientKey ?? undefined, priority: 10, payload: { op: "delete" as const, messageId: c.telegramMessageId! } }));
    return this.enqueue({ forumId: opts.forumId, ownerKind: `${ownerKind}#delete`, ownerId, items });
  }

  /** Cancels what a batch has not sent yet; returns how many rows were cancelled. */
  async cancelBatch(batchId: number): Promise<number> {
    const r = await this.o.prisma.delivery.updateMany({ where: { batchId, state: "queued" }, data: { state: "cancelled" } });
    return r.count;
  }
}

function fileIdOf(msg: any, field: string): string | undefined {
  const v = msg?.[field];
  if (Array.isArray(v)) return v[v.length - 1]?.file_id;
  return v?.file_id;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

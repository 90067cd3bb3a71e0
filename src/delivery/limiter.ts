/**
 * Telegram's limits (Bot FAQ): ~30 messages/s overall, 20/min to one group, ~1/s to one private
 * chat. `reserve` either takes a slot now (returns 0) or says how many ms until one frees up.
 * `book` also takes a slot that frees up soon, so a sender can sleep exactly until its turn
 * instead of polling (polling senders lose races and waste the window).
 */
export interface LimiterLimits {
  globalPerSecond: number;
  groupPerMinute: number;
  privatePerSecond: number;
  /**
   * Extra width of every window, in ms. Telegram counts when a request arrives, we count when it
   * leaves; the margin absorbs the difference in network and event-loop delay between two sends.
   */
  marginMs?: number;
}

export interface BookResult {
  /** True when a slot was taken: send after `waitMs`. False: nothing taken, come back later. */
  booked: boolean;
  waitMs: number;
  /** Names the slot taken, for restamp(). */
  ticket?: string;
}

/** Lets instances wake each other when new rows are queued (Redis pub/sub). */
export interface KickChannel {
  publish(): void;
  subscribe(onKick: () => void): Promise<void>;
  close(): Promise<void>;
}

export interface Limiter {
  reserve(chatId: number): Promise<number>;
  /** After a 429: nobody sends to this chat (or anywhere, for chatId null) before `untilMs`. */
  pause(chatId: number | null, untilMs: number): Promise<void>;
  /**
   * Takes the earliest slot for `chatId` if it is at most `maxWaitMs` away. `now` is the caller's
   * clock, so tests with a fixed clock stay exact.
   */
  book?(chatId: number, opts: { now: number; maxWaitMs: number }): Promise<BookResult>;
  /**
   * Gives a slot back and books a new one. For a send about to leave late (a database write or a
   * starved event loop sat in between): Telegram counts arrivals, and a late message could land in
   * the same window as the next second's on-time ones. The new slot is safe against every slot
   * already booked, whoever booked it.
   */
  rebook?(chatId: number, ticket: string, opts: { now: number; maxWaitMs: number }): Promise<BookResult>;
  /** A cross-instance wake-up channel, when the limiter has one (Redis). */
  kickChannel?(): KickChannel | null;
}

/**
 * With evenly paced slots the margin absorbs per-request jitter (LIMIT_MARGIN_MS). 50 ms measured
 * 0–3 refusals per 2,300 sends on a saturated 2-core machine, 80 ms 0–1: the safer default.
 */
export const DEFAULT_MARGIN_MS = 80;

/** Window span and limit for a chat: groups have negative ids (Bot API convention). */
export function chatWindow(limits: LimiterLimits, chatId: number): { span: number; limit: number } {
  const margin = limits.marginMs ?? DEFAULT_MARGIN_MS;
  return chatId < 0
    ? { span: 60_000 + margin, limit: Math.max(1, Math.floor(limits.groupPerMinute)) }
    : { span: 1_000 + margin, limit: Math.max(1, Math.floor(limits.privatePerSecond)) };
}

/**
 * The bot-wide window. Its slots are also spaced evenly (span / limit apart): a whole second's
 * worth leaving at once arrives as a burst that takes Telegram (or the fake) longer to read than
 * the margin, so its tail would overlap the next second's head. Evenly paced, the same rate arrives
 * with only per-request jitter.
 */
export function globalWindow(limits: LimiterLimits): { span: number; limit: number; gap: number } {
  const span = 1_000 + (limits.marginMs ?? DEFAULT_MARGIN_MS);
  const limit = Math.max(1, Math.floor(limits.globalPerSecond));
  return { span, limit, gap: span / limit };
}

/**
 * A sliding-window log that also holds slots booked in the future. A slot at `t` is allowed when
 * fewer than `limit` entries lie after `t - span` (future ones included): every window that
 * contains `t` is then within the limit, whatever order slots were booked in.
 */
class Window {
  private stamps: number[] = []; // ascending
  constructor(
    readonly limit: number,
    readonly spanMs: number,
    /** Least distance between two slots (0: bursts allowed). */
    readonly gapMs = 0,
  ) {}
  private prune(now: number) {
    let drop = 0;
    while (drop < this.stamps.length && this.stamps[drop]! <= now - this.spanMs) drop++;
    if (drop) this.stamps.splice(0, drop);
  }
  /** Earliest t ≥ now at which one more entry fits. */
  earliest(now: number): number {
    this.prune(now);
    const n = this.stamps.length;
    const paced = n > 0 && this.gapMs > 0 ? this.stamps[n - 1]! + this.gapMs : now;
    if (n < this.limit) return Math.max(now, paced);
    return Math.max(now, paced, this.stamps[n - this.limit]! + this.spanMs);
  }
  take(t: number) {
    // Bookings are almost always the latest entry; keep the array sorted either way.
    let i = this.stamps.length;
    while (i > 0 && this.stamps[i - 1]! > t) i--;
    this.stamps.splice(i, 0, t);
  }
  remove(t: number) {
    const i = this.stamps.lastIndexOf(t);
    if (i >= 0) this.stamps.splice(i, 1);
  }
  idle(now: number) {
    this.prune(now);
    return this.stamps.length === 0;
  }
}

/** Single-process limiter; `RedisLimiter` shares the same windows across instances. */
export class MemoryLimiter implements Limiter {
  private global: Window;
  private chats = new Map<number, Window>();
  private paused = new Map<number | "all", number>();
  constructor(
    private readonly limits: LimiterLimits,
    private readonly now: () => number = Date.now,
  ) {
    const g = globalWindow(limits);
    this.global = new Window(g.limit, g.span, g.gap);
  }

  private chatWindow(chatId: number): Window {
    let w = this.chats.get(chatId);
    if (!w) {
      const c = chatWindow(this.limits, chatId);
      w = new Window(c.limit, c.span);
      this.chats.set(chatId, w);
      if (this.chats.size > 50_000) this.sweep();
    }
    return w;
  }

  private sweep() {
    const now = this.now();
    for (const [id, w] of this.chats) if (w.idle(now)) this.chats.delete(id);
    for (const [k, until] of this.paused) if (until <= now) this.paused.delete(k);
  }

  async book(chatId: number, opts: { now: number; maxWaitMs: number }): Promise<BookResult> {
    const now = opts.now;
    const w = this.chatWindow(chatId);
    const t = Math.max(now, this.paused.get("all") ?? 0, this.paused.get(chatId) ?? 0, w.earliest(now), this.global.earliest(now));
    const waitMs = t - now;
    if (waitMs > opts.maxWaitMs) return { booked: false, waitMs };
    w.take(t);
    this.global.take(t);
    return { booked: true, waitMs, ticket: String(t) };
  }

  async rebook(chatId: number, ticket: string, opts: { now: number; maxWaitMs: number }): Promise<BookResult> {
    const old = Number(ticket);
    this.chats.get(chatId)?.remove(old);
    this.global.remove(old);
    return this.book(chatId, opts);
  }

  async reserve(chatId: number): Promise<number> {
    const r = await this.book(chatId, { now: this.now(), maxWaitMs: 0 });
    return r.booked ? 0 : Math.max(1, r.waitMs);
  }

  async pause(chatId: number | null, untilMs: number): Promise<void> {
    const key = chatId ?? "all";
    this.paused.set(key, Math.max(this.paused.get(key) ?? 0, untilMs));
  }

  kickChannel(): KickChannel | null {
    return null;
  }
}

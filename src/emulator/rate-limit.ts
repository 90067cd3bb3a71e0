// Sliding-window rate limiting (Telegram's broadcast limits) and per-chat send stats.

/** Timestamps in ascending order inside a sliding window; amortised O(1) push/prune. */
export class SlidingWindow {
  private ts: number[] = [];
  private head = 0;
  constructor(readonly windowMs: number) {}
  prune(now: number) {
    const min = now - this.windowMs;
    while (this.head < this.ts.length && this.ts[this.head]! <= min) this.head++;
    if (this.head > 1024 && this.head * 2 > this.ts.length) {
      this.ts = this.ts.slice(this.head);
      this.head = 0;
    }
  }
  count(now: number): number {
    this.prune(now);
    return this.ts.length - this.head;
  }
  /** ms until the window has room again (for one more entry given `limit`). */
  waitMs(now: number, limit: number): number {
    const c = this.count(now);
    if (c < limit) return 0;
    const idx = this.head + (c - limit); // the entry that must expire
    return this.ts[idx]! + this.windowMs - now;
  }
  push(t: number) {
    this.ts.push(t);
  }
}

export interface RateLimitOptions {
  enabled: boolean;
  /** Multiplies every limit (scale 10 → 300 msg/s global, 200/min per group, 10/s per private chat). */
  scale?: number;
  /**
   * "fake": windows run on the fake's clock (setNow/advance) rather than real time, for a bot
   * whose injected clock the test moves; the fake's clock must then follow the bot's.
   */
  clock?: "real" | "fake";
  /** Edits of messages count in the same windows as new messages (Telegram limits them too). */
  countEdits?: boolean;
}

export class RateLimiter {
  private global = new SlidingWindow(1000);
  private perChat = new Map<number, SlidingWindow>();
  readonly globalLimit: number;
  readonly groupLimit: number;
  readonly privateLimit: number;
  constructor(readonly opts: RateLimitOptions) {
    const scale = opts.scale ?? 1;
    this.globalLimit = Math.max(1, Math.floor(30 * scale));
    this.groupLimit = Math.max(1, Math.floor(20 * scale));
    this.privateLimit = Math.max(1, Math.floor(1 * scale));
  }
  /**
   * Returns 0 and records the send when allowed, otherwise the retry_after in
   * whole seconds (≥ 1) without recording.
   */
  take(chatId: number, isGroup: boolean, now: number): number {
    if (!this.opts.enabled) return 0;
    let w = this.perChat.get(chatId);
    if (!w) {
      w = new SlidingWindow(isGroup ? 60_000 : 1000);
      this.perChat.set(chatId, w);
    }
    const waitChat = w.waitMs(now, isGroup ? this.groupLimit : this.privateLimit);
    const waitGlobal = this.global.waitMs(now, this.globalLimit);
    const wait = Math.max(waitChat, waitGlobal);
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    w.push(now);
    this.global.push(now);
    return 0;
  }
}

/** Largest number of timestamps inside any window of `windowMs` (two pointers, O(n)). */
export function maxInWindow(ts: readonly number[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < ts.length; hi++) {
    while (ts[hi]! - ts[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** FNV-1a 32-bit, hex — cheap content fingerprint for duplicate detection. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Telegram's limits (Bot FAQ): ~30 messages/s overall, 20/min to one group, ~1/s to one private
 * chat. `reserve` either takes a slot now (returns 0) or says how many ms until one frees up.
 */
export interface LimiterLimits {
  globalPerSecond: number;
  groupPerMinute: number;
  privatePerSecond: number;
}

export interface Limiter {
  reserve(chatId: number): Promise<number>;
  /** After a 429: nobody sends to this chat (or anywhere, for chatId null) before `untilMs`. */
  pause(chatId: number | null, untilMs: number): Promise<void>;
}

class Window {
  private stamps: number[] = [];
  private head = 0;
  constructor(
    readonly limit: number,
    readonly spanMs: number,
  ) {}
  waitFor(now: number): number {
    while (this.head < this.stamps.length && this.stamps[this.head]! <= now - this.spanMs) this.head++;
    if (this.head > 1024) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    const inWindow = this.stamps.length - this.head;
    if (inWindow < this.limit) return 0;
    return this.stamps[this.stamps.length - this.limit]! + this.spanMs - now;
  }
  take(now: number) {
    this.stamps.push(now);
  }
  idleSince(now: number) {
    return this.stamps.length === 0 || this.stamps[this.stamps.length - 1]! <= now - this.spanMs;
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
    this.global = new Window(Math.max(1, Math.floor(limits.globalPerSecond)), 1000);
  }

  private chatWindow(chatId: number): Window {
    let w = this.chats.get(chatId);
    if (!w) {
      w =
        chatId < 0
          ? new Window(Math.max(1, Math.floor(this.limits.groupPerMinute)), 60_000)
          : new Window(Math.max(1, Math.floor(this.limits.privatePerSecond)), 1000);
      this.chats.set(chatId, w);
      if (this.chats.size > 50_000) this.sweep();
    }
    return w;
  }

  private sweep() {
    const now = this.now();
    for (const [id, w] of this.chats) if (w.idleSince(now)) this.chats.delete(id);
  }

  async reserve(chatId: number): Promise<number> {
    const now = this.now();
    const pausedAll = (this.paused.get("all") ?? 0) - now;
    const pausedChat = (this.paused.get(chatId) ?? 0) - now;
    if (pausedAll > 0 || pausedChat > 0) return Math.max(pausedAll, pausedChat);
    const w = this.chatWindow(chatId);
    const wait = Math.max(w.waitFor(now), this.global.waitFor(now));
    if (wait > 0) return wait;
    w.take(now);
    this.global.take(now);
    return 0;
  }

  async pause(chatId: number | null, untilMs: number): Promise<void> {
    const key = chatId ?? "all";
    this.paused.set(key, Math.max(this.paused.get(key) ?? 0, untilMs));
  }
}

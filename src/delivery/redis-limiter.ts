import type { Redis } from "ioredis";
import { chatWindow, globalWindow, type BookResult, type KickChannel, type Limiter, type LimiterLimits } from "./limiter.js";

// One atomic step for the chat window and the global window together, so every instance sharing
// this Redis shares Telegram's limits. Each window is a sorted set of send times (booked future
// slots included); a slot at t fits when fewer than `limit` entries lie after t - span.
// The global window's slots are also spaced globalGap apart (see globalWindow).
// KEYS: chat window, global window, chat pause, global pause
// ARGV: now, chatSpan, chatLimit, globalSpan, globalLimit, member, maxWait, globalGap, [slot given back]
const BOOK = `
if ARGV[9] then
  redis.call('ZREM', KEYS[1], ARGV[9] .. ':1')
  redis.call('ZREM', KEYS[2], ARGV[9] .. ':2')
end
local now = tonumber(ARGV[1])
local t = now
for i = 3, 4 do
  local p = tonumber(redis.call('GET', KEYS[i]) or '0')
  if p > t then t = p end
end
for i = 1, 2 do
  local span = tonumber(ARGV[i * 2])
  local limit = tonumber(ARGV[i * 2 + 1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - span)
  local n = redis.call('ZCARD', KEYS[i])
  if i == 2 and n > 0 then
    local last = redis.call('ZRANGE', KEYS[i], -1, -1, 'WITHSCORES')
    local w = tonumber(last[2]) + tonumber(ARGV[8])
    if w > t then t = w end
  end
  if n >= limit then
    local e = redis.call('ZRANGE', KEYS[i], n - limit, n - limit, 'WITHSCORES')
    local w = tonumber(e[2]) + span
    if w > t then t = w end
  end
end
local wait = t - now
if wait > tonumber(ARGV[7]) then return {0, wait} end
for i = 1, 2 do
  redis.call('ZADD', KEYS[i], t, ARGV[6] .. ':' .. i)
  redis.call('PEXPIRE', KEYS[i], math.floor(wait + tonumber(ARGV[i * 2]) + 1000))
end
return {1, wait}
`;

export class RedisLimiter implements Limiter {
  private seq = 0;
  private readonly tag = Math.random().toString(36).slice(2, 10);
  constructor(
    private readonly redis: Redis,
    private readonly limits: LimiterLimits,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {
    // EVALSHA with a fallback to EVAL: the script body is not sent with every booking.
    if (!(redis as unknown as Record<string, unknown>).forumDesaBook) redis.defineCommand("forumDesaBook", { numberOfKeys: 4, lua: BOOK });
  }

  async book(chatId: number, opts: { now: number; maxWaitMs: number }, giveBack?: string): Promise<BookResult> {
    const c = chatWindow(this.limits, chatId);
    const g = globalWindow(this.limits);
    const member = `${opts.now}:${this.tag}:${this.seq++}`;
    const r = (await (this.redis as unknown as { forumDesaBook: (...args: Array<string | number>) => Promise<unknown> }).forumDesaBook(
      `${this.prefix}chat:${chatId}`,
      `${this.prefix}global`,
      `${this.prefix}pause:${chatId}`,
      `${this.prefix}pause:all`,
      Math.floor(opts.now),
      c.span,
      c.limit,
      g.span,
      g.limit,
      member,
      Math.floor(opts.maxWaitMs),
      g.gap,
      ...(giveBack ? [giveBack] : []),
    )) as [number, number];
    return { booked: Number(r[0]) === 1, waitMs: Number(r[1]), ticket: member };
  }

  /** Gives the slot back and books again, in one atomic step. */
  rebook(chatId: number, ticket: string, opts: { now: number; maxWaitMs: number }): Promise<BookResult> {
    return this.book(chatId, opts, ticket);
  }

  async reserve(chatId: number): Promise<number> {
    const r = await this.book(chatId, { now: this.now(), maxWaitMs: 0 });
    return r.booked ? 0 : Math.max(1, r.waitMs);
  }

  async pause(chatId: number | null, untilMs: number): Promise<void> {
    const key = `${this.prefix}pause:${chatId ?? "all"}`;
    const ttl = Math.max(1, Math.ceil(untilMs - this.now())) + 60_000;
    // Never shorten a pause another instance set.
    await this.redis.eval(
      `local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
       if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
       return 1`,
      1,
      key,
      Math.floor(untilMs),
      ttl,
    );
  }

  /** A new pub/sub channel per caller, on its own connection (a subscribed one can do nothing else). */
  kickChannel(): KickChannel {
    return new RedisKickChannel(this.redis, `${this.prefix}kick`);
  }
}

class RedisKickChannel implements KickChannel {
  private sub: Redis | null = null;
  private lastPublish = 0;
  private pending: NodeJS.Timeout | null = null;
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
  ) {}

  publish(): void {
    // A burst of enqueues becomes at most one message per 20 ms.
    if (this.pending) return;
    const wait = Math.max(0, this.lastPublish + 20 - Date.now());
    this.pending = setTimeout(() => {
      this.pending = null;
      this.lastPublish = Date.now();
      this.redis.publish(this.name, "1").catch(() => {});
    }, wait);
    this.pending.unref?.();
  }

  async subscribe(onKick: () => void): Promise<void> {
    if (this.sub) return;
    const sub = this.redis.duplicate({ lazyConnect: false, maxRetriesPerRequest: null });
    sub.on("error", () => {}); // reconnects on its own; the periodic sweep covers the gap
    sub.on("message", (channel: string) => {
      if (channel === this.name) onKick();
    });
    this.sub = sub;
    await sub.subscribe(this.name);
  }

  async close(): Promise<void> {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    const sub = this.sub;
    this.sub = null;
    if (sub) {
      await sub.quit().catch(() => sub.disconnect());
    }
  }
}

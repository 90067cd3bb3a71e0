import type { Redis } from "ioredis";
import type { Limiter, LimiterLimits } from "./limiter.js";

// Sliding-window log per key in a sorted set, checked and taken atomically for the chat window and
// the global window together, so every instance sharing this Redis shares Telegram's limits.
const RESERVE = `
local now = tonumber(ARGV[1])
local paused = 0
for i = 3, 4 do
  local p = tonumber(redis.call('GET', KEYS[i]) or '0')
  if p > now and p - now > paused then paused = p - now end
end
if paused > 0 then return paused end
local wait = 0
for i = 1, 2 do
  local span = tonumber(ARGV[i * 2])
  local limit = tonumber(ARGV[i * 2 + 1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - span)
  local n = redis.call('ZCARD', KEYS[i])
  if n >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], n - limit, n - limit, 'WITHSCORES')
    local w = tonumber(oldest[2]) + span - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
for i = 1, 2 do
  redis.call('ZADD', KEYS[i], now, ARGV[6] .. ':' .. i)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[i * 2]) + 1000)
end
return 0
`;

export class RedisLimiter implements Limiter {
  private seq = 0;
  private readonly tag = Math.random().toString(36).slice(2, 10);
  constructor(
    private readonly redis: Redis,
    private readonly limits: LimiterLimits,
    private readonly prefix: string,
  ) {}

  async reserve(chatId: number): Promise<number> {
    const isGroup = chatId < 0;
    const chatSpan = isGroup ? 60_000 : 1_000;
    const chatLimit = Math.max(1, Math.floor(isGroup ? this.limits.groupPerMinute : this.limits.privatePerSecond));
    const now = Date.now();
    const member = `${now}:${this.tag}:${this.seq++}`;
    const r = await this.redis.eval(
      RESERVE,
      4,
      `${this.prefix}chat:${chatId}`,
      `${this.prefix}global`,
      `${this.prefix}pause:${chatId}`,
      `${this.prefix}pause:all`,
      now,
      chatSpan,
      chatLimit,
      1_000,
      Math.max(1, Math.floor(this.limits.globalPerSecond)),
      member,
    );
    return Number(r);
  }

  async pause(chatId: number | null, untilMs: number): Promise<void> {
    const key = `${this.prefix}pause:${chatId ?? "all"}`;
    await this.redis.set(key, String(untilMs), "PX", Math.max(1, untilMs - Date.now()) + 1000);
  }
}

import type { Clock } from "../infra/clock.js";
import { MemoryLimiter, type BookResult, type KickChannel, type Limiter, type LimiterLimits } from "../delivery/limiter.js";

/**
 * Real time, shifted by `offsetMs`. The demo seed plays a fortnight of history with it (an
 * announcement "12 days ago"), then sets the offset back to 0: the bot runs on real time after.
 */
export class SimClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/**
 * The delivery queue's limiter, switchable: the seed sends its history without Telegram's pacing
 * (the emulator does not mind), then the bot runs with the real limits.
 */
export class SwitchLimiter implements Limiter {
  constructor(public current: Limiter) {}
  reserve(chatId: number) {
    return this.current.reserve(chatId);
  }
  pause(chatId: number | null, untilMs: number) {
    return this.current.pause(chatId, untilMs);
  }
  book(chatId: number, opts: { now: number; maxWaitMs: number }): Promise<BookResult> {
    if (this.current.book) return this.current.book(chatId, opts);
    return this.current.reserve(chatId).then((w) => (w <= opts.maxWaitMs ? { booked: true, waitMs: w } : { booked: false, waitMs: w }));
  }
  rebook(chatId: number, ticket: string, opts: { now: number; maxWaitMs: number }): Promise<BookResult> {
    if (this.current.rebook) return this.current.rebook(chatId, ticket, opts);
    return this.book(chatId, opts);
  }
  kickChannel(): KickChannel | null {
    return this.current.kickChannel?.() ?? null;
  }
}

export const UNLIMITED: LimiterLimits = { globalPerSecond: 1e6, groupPerMinute: 1e6, privatePerSecond: 1e6, marginMs: 0 };
export const unlimited = () => new MemoryLimiter(UNLIMITED);

import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryLimiter, type Limiter, type LimiterLimits } from "../../src/delivery/limiter.js";
import { RedisLimiter } from "../../src/delivery/redis-limiter.js";
import { maxInWindow } from "../support/fake-telegram/index.js";

const TELEGRAM: LimiterLimits = { globalPerSecond: 30, groupPerMinute: 20, privatePerSecond: 1, marginMs: 50 };
const T = 1_800_000_000_000;

const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 }) : null;
const prefixes: string[] = [];
afterAll(async () => {
  if (redis) {
    for (const p of prefixes) {
      const keys = await redis.keys(`${p}*`);
      if (keys.length) await redis.del(...keys);
    }
    redis.disconnect();
  }
});

type Make = (limits: LimiterLimits, shared?: string) => Limiter;
const engines: Array<[string, Make | null]> = [
  ["memory", (limits) => new MemoryLimiter(limits, () => T)],
  [
    "redis",
    redis
      ? (limits, shared) => {
          const prefix = shared ?? `test:lim:${randomBytes(4).toString("hex")}:`;
          prefixes.push(prefix);
          return new RedisLimiter(redis, limits, prefix, () => T);
        }
      : null,
  ],
];

/** Books `n` sends to the chats in turn at `now`, with an unlimited wait; returns the booked times. */
async function bookAll(l: Limiter, chats: number[], n: number, now = T): Promise<Array<{ chat: number; at: number }>> {
  const out: Array<{ chat: number; at: number }> = [];
  for (let i = 0; i < n; i++) {
    const chat = chats[i % chats.length]!;
    const r = await l.book!(chat, { now, maxWaitMs: 10 * 60_000 });
    expect(r.booked).toBe(true);
    out.push({ chat, at: now + r.waitMs });
  }
  return out;
}

for (const [name, make] of engines) {
  describe.skipIf(!make)(`${name} limiter`, () => {
    it("spaces the bot-wide allowance evenly: 30 slots per second plus margin, one every 35 ms, never a burst", async () => {
      const l = make!(TELEGRAM);
      const chats = Array.from({ length: 100 }, (_, i) => 1000 + i);
      const booked = await bookAll(l, chats, 75);
      const waits = booked.map((b) => Math.round(b.at - T));
      expect(waits).toEqual(Array.from({ length: 75 }, (_, i) => i * 35));
      expect(maxInWindow(booked.map((b) => b.at), 1050)).toBeLessThanOrEqual(30);
    });

    it("never books more than the limit in any window, whatever the mix of chats", async () => {
      const l = make!({ ...TELEGRAM, marginMs: 0 });
      const chats = [-1001, -1002, -1003, 11, 12, 13, 14, 15];
      const booked = await bookAll(l, chats, 160);
      const times = (list: typeof booked) => list.map((b) => b.at).sort((a, b) => a - b);
      expect(maxInWindow(times(booked), 1000)).toBeLessThanOrEqual(30);
      for (const c of chats) {
        const mine = times(booked.filter((b) => b.chat === c));
        if (c < 0) expect(maxInWindow(mine, 60_000)).toBeLessThanOrEqual(20);
        else expect(maxInWindow(mine, 1000)).toBeLessThanOrEqual(1);
      }
    });

    it("a group's 21st message in a minute waits for the first to leave the window", async () => {
      const l = make!(TELEGRAM);
      await bookAll(l, [-500], 20);
      const r = await l.book!(-500, { now: T + 10_000, maxWaitMs: 120_000 });
      expect(r).toMatchObject({ booked: true, waitMs: 60_050 - 10_000 });
    });

    it("takes nothing when the slot is further away than the caller will wait", async () => {
      const l = make!(TELEGRAM);
      await bookAll(l, [77], 1);
      expect(await l.book!(77, { now: T, maxWaitMs: 500 })).toMatchObject({ booked: false, waitMs: 1050 });
      // Nothing was taken: the same answer again.
      expect(await l.book!(77, { now: T, maxWaitMs: 500 })).toMatchObject({ booked: false, waitMs: 1050 });
      expect(await l.book!(77, { now: T + 1050, maxWaitMs: 0 })).toMatchObject({ booked: true, waitMs: 0 });
    });

    it("a late sender gives its slot back and gets a fresh one, safe against every other slot", async () => {
      const l = make!(TELEGRAM);
      const chats = Array.from({ length: 30 }, (_, i) => 3000 + i);
      const first = await l.book!(chats[0]!, { now: T, maxWaitMs: 0 });
      await bookAll(l, chats.slice(1), 29);
      // Slots at 0, 35, …, 1015: the window is full, so a 31st waits until 1050…
      expect(await l.book!(4000, { now: T + 500, maxWaitMs: 0 })).toMatchObject({ booked: false, waitMs: 550 });
      // …and the first sender, late by 500 ms, gives its slot back and gets the next free one, 1050.
      const again = await l.rebook!(chats[0]!, first.ticket!, { now: T + 500, maxWaitMs: 1_000 });
      expect(again).toMatchObject({ booked: true });
      expect(Math.round(again.waitMs)).toBe(550);
      // The given-back slot is not handed out twice: the next one comes 35 ms later.
      expect(Math.round((await l.book!(4000, { now: T + 500, maxWaitMs: 1_000 })).waitMs)).toBe(585);
    });

    it("a pause after a 429 holds that chat, or everyone", async () => {
      const l = make!(TELEGRAM);
      await l.pause(5, T + 3_000);
      expect(await l.book!(5, { now: T, maxWaitMs: 0 })).toMatchObject({ booked: false, waitMs: 3_000 });
      expect(await l.book!(6, { now: T, maxWaitMs: 0 })).toMatchObject({ booked: true, waitMs: 0 });
      await l.pause(null, T + 2_000);
      expect(await l.book!(7, { now: T, maxWaitMs: 0 })).toMatchObject({ booked: false, waitMs: 2_000 });
      // A shorter pause never shortens a longer one.
      await l.pause(5, T + 1_000);
      expect((await l.book!(5, { now: T, maxWaitMs: 0 })).waitMs).toBe(3_000);
    });
  });
}

describe.skipIf(!redis)("limits shared through Redis", () => {
  it("two instances together stay within the bot-wide limit", async () => {
    const prefix = `test:lim:${randomBytes(4).toString("hex")}:`;
    prefixes.push(prefix);
    const a = new RedisLimiter(redis!, TELEGRAM, prefix, () => T);
    const b = new RedisLimiter(redis!, TELEGRAM, prefix, () => T);
    // Two instances asking at once for 40 slots within 2 s: one shared, evenly spaced schedule.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).book(2000 + i, { now: T, maxWaitMs: 2_000 })),
    );
    expect(results.every((r) => r.booked)).toBe(true);
    const waits = results.map((r) => Math.round(r.waitMs)).sort((x, y) => x - y);
    expect(waits).toEqual(Array.from({ length: 40 }, (_, i) => i * 35));
    // Never more than 30 in any window of a second plus the margin.
    expect(maxInWindow(waits, 1050)).toBeLessThanOrEqual(30);
  });
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { groups, privateChats, queueWorld, realClock, seen, text, type QueueWorld } from "./_support.js";

// The fake answers 429 like Telegram when its limits are broken; scale 2 keeps the run short
// (60 messages/s overall, 40/min per group, 2/s per private chat).
const SCALE = 2;
// The queue is told half of the fake's limits. The fake shares this process's event loop and stamps
// a request when it reads it, so a stall on a busy CI machine bunches sends that left evenly paced;
// half the rate absorbs a stall of about a second. Unthrottled, this burst of 116 would be refused
// by the dozens. bench/broadcast.ts measures throughput at the real limits, in separate processes.
const LIMITS = { globalPerSecond: 30, groupPerMinute: 20, privatePerSecond: 1, marginMs: 300 };

let w: QueueWorld;
beforeAll(async () => {
  w = await queueWorld({ fake: { rateLimits: { enabled: true, scale: SCALE } } });
});
afterAll(async () => w?.close());

it(
  "a burst to many chats and a run of messages to one chat are paced inside Telegram's limits: nothing lost, nothing twice, in order",
  async () => {
    const clock = realClock();
    const q = w.queue({ clock, limits: LIMITS, redisLimiter: true });
    const many = privateChats(w.fake, 100);
    const [chatty] = privateChats(w.fake, 1, "Ramai");
    const [group] = groups(w.fake, 1);
    const items = [
      ...many.map((c) => ({ chatId: c, payload: text("Pengumuman") })),
      ...Array.from({ length: 6 }, (_, i) => ({ chatId: chatty!, payload: text(`Pesan ${i + 1}`) })),
      ...Array.from({ length: 10 }, (_, i) => ({ chatId: group!, payload: text(`Grup ${i + 1}`) })),
    ];
    const started = Date.now();
    await q.enqueue({ ownerKind: "t", ownerId: 1, items });
    await q.drain();
    // Rows that had to wait longer than a worker holds them come back when due.
    while ((await w.db.prisma.delivery.count({ where: { state: { in: ["queued", "sending"] } } })) > 0) {
      await new Promise((r) => setTimeout(r, 100));
      await q.drain();
    }
    const elapsed = Date.now() - started;
    const refused = w.fake.calls.filter((c) => c.error?.code === 429).map((c) => `${c.params.chat_id}@${c.at - started}`);
    expect(refused).toEqual([]);
    for (const c of many) expect(seen(w.fake, c)).toEqual(["Pengumuman"]);
    expect(seen(w.fake, chatty!)).toEqual(Array.from({ length: 6 }, (_, i) => `Pesan ${i + 1}`));
    expect(seen(w.fake, group!)).toEqual(Array.from({ length: 10 }, (_, i) => `Grup ${i + 1}`));
    // 6 messages to one private chat at 1/s need at least 5 s; 116 in all at 30/s at least 3.8.
    expect(elapsed).toBeGreaterThanOrEqual(5_000);
    expect(w.fake.maxInWindow(chatty!, 1000)).toBeLessThanOrEqual(1);
    expect(w.fake.maxInWindow(group!, 60_000)).toBeLessThanOrEqual(20);
  },
  120_000,
);

import { afterAll, beforeAll, expect, it } from "vitest";
import { groups, privateChats, queueWorld, realClock, seen, text, type QueueWorld } from "./_support.js";

// The fake answers 429 like Telegram when its limits are broken; scale 2 keeps the run short
// (60 messages/s overall, 40/min per group, 2/s per private chat).
const SCALE = 2;
// A wide safety margin: on a busy CI machine the fake (in this process) may read a request late,
// which no sender can see; the bench measures the default margin's throughput.
const LIMITS = { globalPerSecond: 30 * SCALE, groupPerMinute: 20 * SCALE, privatePerSecond: 1 * SCALE, marginMs: 300 };

let w: QueueWorld;
beforeAll(async () => {
  w = await queueWorld({ fake: { rateLimits: { enabled: true, scale: SCALE } } });
});
afterAll(async () => w?.close());

it(
  "a burst to many chats and a run of messages to one chat stay inside Telegram's limits: no 429, nothing lost",
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
    // 6 messages to one private chat at 2/s need at least 2.5 s (with the margin, 3.9); 116 in all at 60/s at least 1.
    expect(elapsed).toBeGreaterThanOrEqual(3_900);
    expect(w.fake.maxInWindow(chatty!, 1000)).toBeLessThanOrEqual(2);
    expect(w.fake.maxInWindow(group!, 60_000)).toBeLessThanOrEqual(40);
  },
  120_000,
);

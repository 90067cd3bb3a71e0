import { afterAll, beforeAll, expect, it } from "vitest";
import { MemoryLimiter, type Limiter } from "../../src/delivery/limiter.js";
import { GENEROUS, privateChats, queueWorld, seen, text, type QueueWorld } from "./_support.js";

// Found by tests/faults (Redis stopped while a broadcast runs): a row whose limiter call threw was
// left 'sending', claimed by a live instance, and blocked its chat until the process restarted.
let w: QueueWorld;
beforeAll(async () => {
  w = await queueWorld();
});
afterAll(async () => w?.close());

/** The memory limiter, but its first `n` calls fail as a Redis limiter does while Redis is away. */
function failingFirst(n: number): Limiter {
  const inner = new MemoryLimiter(GENEROUS, () => w.clock.now().getTime());
  let left = n;
  const fail = () => {
    if (left-- > 0) throw new Error("Reached the max retries per request limit (which is 3)");
  };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== "function" || !["book", "reserve", "rebook"].includes(String(prop))) return v;
      return async (...args: unknown[]) => {
        fail();
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Limiter;
}

it("the limiter failing (Redis away): the rows go back to wait and are all sent once, none left blocking its chat", async () => {
  const chats = privateChats(w.fake, 6);
  const q = w.queue({ instanceId: "bot-1", limiter: failingFirst(4) });
  const r = await q.enqueue({ ownerKind: "pengumuman", ownerId: 7, items: chats.map((c) => ({ chatId: c, recipientKey: String(c), payload: text("Kerja bakti Minggu pagi") })) });
  await q.drain();
  expect((await r.handle.status()).counts.sending).toBe(0); // nothing stuck in the hands of a live instance
  for (let i = 0; i < 5 && !(await r.handle.status()).done; i++) {
    w.clock.advance(3_000);
    await q.drain();
  }
  const s = await r.handle.status();
  expect(s.done).toBe(true);
  expect(s.counts.sent).toBe(6);
  expect(chats.map((c) => seen(w.fake, c).length)).toEqual(chats.map(() => 1));
});

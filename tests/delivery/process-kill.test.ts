import { afterAll, beforeAll, expect, it } from "vitest";
import { FixedClock } from "../../src/infra/clock.js";
import { spawnMain } from "../support/infra.js";
import { privateChats, queueWorld, seen, text, type QueueWorld } from "./_support.js";

// A real process, really killed: needs a database several processes can share (PostgreSQL).
const shared = !!process.env.DATABASE_URL;

let w: QueueWorld;
beforeAll(async () => {
  if (shared) w = await queueWorld();
});
afterAll(async () => w?.close());

it.skipIf(!shared)(
  "a worker killed with SIGKILL mid-broadcast: after the restart nobody has it twice and the leftover is delivered",
  async () => {
    const chats = privateChats(w.fake, 100);
    // The child runs on the real clock: the rows must be due by it.
    w.clock.set(new Date());
    const enqueuer = w.queue({ instanceId: "web" });
    const r = await enqueuer.enqueue({ ownerKind: "pengumuman", ownerId: 1, items: chats.map((c) => ({ chatId: c, recipientKey: String(c), payload: text("Pengumuman") })) });
    const child = spawnMain({ DATABASE_URL: w.db.url!, BOT_TOKEN: w.fake.token, TELEGRAM_API_ROOT: w.fake.apiRoot, RATE: "40" }, "tests/delivery/_kill-worker.ts");
    try {
      await w.fake.waitFor(() => w.fake.callsTo("sendMessage").length >= 30, { timeout: 30_000 });
    } catch (err) {
      throw new Error(`${String(err)}\nchild stdout: ${child.stdout()}\nchild stderr: ${child.stderr()}`);
    } finally {
      child.child.kill("SIGKILL");
    }
    expect((await child.exited).signal).toBe("SIGKILL");
    const before = w.fake.callsTo("sendMessage").length;
    expect(before).toBeLessThan(100);

    // Another instance, later: the dead worker's claims time out.
    const later = new FixedClock(new Date(Date.now() + 10 * 60_000));
    const survivor = w.queue({ instanceId: "bot-2", clock: later });
    await survivor.markStaleSending();
    await survivor.requeueAbandonedClaims();
    await survivor.drain();

    const s = await r.handle.status();
    expect(s.done).toBe(true);
    expect(s.counts.sent + s.counts.unknown).toBe(100);
    const perChat = chats.map((c) => seen(w.fake, c).length);
    expect(Math.max(...perChat)).toBe(1);
    const unknown = new Set(s.failures.map((f) => Number(f.chatId)));
    chats.forEach((c, i) => {
      if (perChat[i] === 0) expect(unknown.has(c)).toBe(true);
    });
    expect(w.fake.callsTo("sendMessage").length).toBeGreaterThan(before);
  },
  90_000,
);

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { BookResult, Limiter } from "../../src/delivery/limiter.js";
import type { SettledRow } from "../../src/delivery/queue.js";
import { crashAfter, freezable, groups, privateChats, queueWorld, seen, states, text, type QueueWorld } from "./_support.js";

// PGlite runs every query of a file on one thread: generous timeouts for a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

let w: QueueWorld;
beforeAll(async () => {
  w = await queueWorld();
});
afterAll(async () => w?.close());
beforeEach(async () => w.reset());

/** A limiter whose every booking waits until `release()`: a worker holding claimed rows, stalled. */
function gatedLimiter(): Limiter & { waiting: number; release: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const l = {
    waiting: 0,
    release: () => open(),
    reserve: async () => 0,
    pause: async () => {},
    book: async (): Promise<BookResult> => {
      l.waiting++;
      await gate;
      return { booked: true, waitMs: 0 };
    },
  };
  return l;
}

const rows = (q: { prisma: any }, where: object = {}) => q.prisma.delivery.findMany({ where, orderBy: { id: "asc" } });

describe("delivery to many chats", () => {
  it("sends every row once, to groups and private chats, and keeps each chat's rows in order", async () => {
    const q = w.queue();
    const chats = [...groups(w.fake, 10), ...privateChats(w.fake, 14)];
    const r = await q.enqueue({
      forumId: 1,
      ownerKind: "pengumuman",
      ownerId: 7,
      items: chats.flatMap((c) => [1, 2, 3].map((part) => ({ chatId: c, recipientKey: `c:${c}`, payload: text(`Bagian ${part}`) }))),
    });
    await q.drain();
    for (const c of chats) expect(seen(w.fake, c)).toEqual(["Bagian 1", "Bagian 2", "Bagian 3"]);
    const status = await r.handle.status();
    expect(status).toMatchObject({ total: 72, done: true, counts: { sent: 72, failed: 0, queued: 0, sending: 0 } });
    const copies = await q.copies("pengumuman", 7);
    expect(copies.every((c) => c.state === "sent" && c.telegramMessageId! > 0)).toBe(true);
    // The stored message id is the one Telegram gave: it finds the copy again.
    const one = copies[4]!;
    expect(await q.findByMessage(one.chatId, one.telegramMessageId!)).toMatchObject({ ownerKind: "pengumuman", ownerId: "7", id: one.id });
  });

  it("stores each row exactly as given: payload text with quotes, backslashes, markup and emoji; keys; priority; order", async () => {
    const q = w.queue();
    const [a, b] = privateChats(w.fake, 2);
    const tricky = `Kata "kutip", garis \\ miring, <b>bukan tebal</b> & 'petik' — 🌾 Desa Sukamaju\nbaris dua`;
    const later = new Date(w.clock.now().getTime() + 60_000);
    await q.enqueue({
      forumId: 3,
      ownerKind: "uji",
      ownerId: "x'1",
      items: [
        { chatId: a!, recipientKey: `p:"a"`, payload: text(tricky), priority: 5 },
        { chatId: b!, payload: text("kedua"), notBefore: later },
      ],
    });
    const stored = await rows(w.db);
    expect(stored.map((r: any) => [Number(r.chatId), r.recipientKey, r.priority, r.ownerId, r.forumId])).toEqual([
      [a, `p:"a"`, 5, "x'1", 3],
      [b, null, 0, "x'1", 3],
    ]);
    expect(stored[0].payload).toEqual(text(tricky));
    expect(stored[1].nextAttemptAt).toEqual(later);
    expect(stored[0].nextAttemptAt).toEqual(w.clock.now());
    expect(new Set(stored.map((r: any) => r.batchId)).size).toBe(1);
  });

  it("pins in groups where it may, and reports a pin it could not make without failing the copy", async () => {
    const q = w.queue();
    const [adminGroup] = groups(w.fake, 1, { botIsAdmin: true });
    const [plainGroup] = groups(w.fake, 1);
    await q.enqueue({
      ownerKind: "t",
      ownerId: 1,
      items: [adminGroup!, plainGroup!].map((c) => ({ chatId: c, payload: { op: "send" as const, method: "sendMessage", params: { text: "Penting" }, pin: true, silentPin: true } })),
    });
    await q.drain();
    const [a, b] = await rows(w.db);
    expect(w.fake.pinned(adminGroup!)).toEqual([a.telegramMessageId]);
    expect(a).toMatchObject({ state: "sent", errorKind: null });
    expect(w.fake.pinned(plainGroup!)).toEqual([]);
    expect(b).toMatchObject({ state: "sent", errorKind: "pin_failed" });
    expect(w.fake.callsTo("pinChatMessage")[0]!.params.disable_notification).toBe(true);
  });

  it("edits and deletes every sent copy later, and cancels copies not sent yet", async () => {
    const q = w.queue();
    const chats = privateChats(w.fake, 3);
    await q.enqueue({ ownerKind: "vote", ownerId: 3, items: chats.map((c) => ({ chatId: c, payload: text("Hasil: 0 suara") })) });
    await q.drain();
    await q.enqueue({ ownerKind: "vote", ownerId: 3, items: [{ chatId: chats[0]!, payload: text("nanti"), notBefore: new Date(w.clock.now().getTime() + 3600_000) }] });
    await q.editCopies("vote", 3, () => ({ method: "editMessageText", params: { text: "Hasil: 5 suara" } }));
    await q.drain();
    for (const c of chats) expect(seen(w.fake, c)).toEqual(["Hasil: 5 suara"]);
    await q.deleteCopies("vote", 3);
    await q.drain();
    for (const c of chats) expect(w.fake.sent(c).every((m) => m.deleted)).toBe(true);
    expect((await q.copies("vote", 3)).map((c) => c.state)).toEqual(["sent", "sent", "sent", "cancelled"]);
  });

  it("follows a group that became a supergroup to its new id", async () => {
    const migrated: Array<[bigint, bigint]> = [];
    const q = w.queue({ hooks: { onChatMigrated: (a, b) => void migrated.push([a, b]) } });
    const g = w.fake.addGroup({ title: "Grup lama", type: "group" });
    const newId = w.fake.migrateGroup(g.id);
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: [{ chatId: g.id, payload: text("Halo") }] });
    await q.drain();
    expect(seen(w.fake, newId)).toEqual(["Halo"]);
    expect(migrated).toEqual([[BigInt(g.id), BigInt(newId)]]);
    expect((await rows(w.db))[0]).toMatchObject({ state: "sent", chatId: BigInt(newId) });
  });

  it("calls every installed hook, not only the last one", async () => {
    const a: SettledRow[] = [];
    const b: SettledRow[] = [];
    const q = w.queue();
    q.setHooks({ onSettled: (r) => void a.push(r) });
    q.setHooks({ onSettled: (r) => void b.push(r) });
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: privateChats(w.fake, 2).map((c) => ({ chatId: c, payload: text("x") })) });
    await q.drain();
    expect(a.map((r) => r.state)).toEqual(["sent", "sent"]);
    expect(b).toHaveLength(2);
  });
});

describe("Telegram errors", () => {
  it("a 429 storm: nothing is sent again before retry_after, then everything goes out once", async () => {
    const q = w.queue({ concurrency: 4 });
    const chats = privateChats(w.fake, 30);
    w.fake.fail("sendMessage", { code: 429, retry_after: 5 }, { times: 10_000 });
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: chats.map((c) => ({ chatId: c, payload: text("Info") })) });
    await q.drain();
    const first429 = w.fake.callsTo("sendMessage", { all: true }).length;
    // 429s from several chats pause the whole bot: after a handful, the rest waited without asking.
    expect(first429).toBeLessThanOrEqual(8);
    expect(await states(w.db.prisma)).toEqual({ queued: 30 });
    const due = await rows(w.db);
    expect(due.every((r: any) => r.nextAttemptAt.getTime() >= w.clock.now().getTime() + 5_000)).toBe(true);

    // Still inside retry_after: a new round asks Telegram nothing.
    w.clock.advance(4_000);
    await q.drain();
    expect(w.fake.callsTo("sendMessage", { all: true })).toHaveLength(first429);

    w.fake.clearFaults();
    w.clock.advance(1_100);
    await q.drain();
    for (const c of chats) expect(seen(w.fake, c)).toEqual(["Info"]);
    expect(await states(w.db.prisma)).toEqual({ sent: 30 });
    expect(q.stats.tooManyRequests).toBe(first429);
  });

  it("a 429 holds back that chat's later rows too, so they cannot overtake", async () => {
    const q = w.queue();
    const [c] = privateChats(w.fake, 1);
    w.fake.fail("sendMessage", { code: 429, retry_after: 2 }, { times: 1 });
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: ["1", "2", "3"].map((t) => ({ chatId: c!, payload: text(t) })) });
    await q.drain();
    expect(seen(w.fake, c!)).toEqual([]);
    w.clock.advance(2_000);
    await q.drain();
    expect(seen(w.fake, c!)).toEqual(["1", "2", "3"]);
  });

  it("a request Telegram never answers is given up after the send timeout and tried again; it arrives once", async () => {
    const q = w.queue({ sendTimeoutMs: 1_000 });
    const [chat] = privateChats(w.fake, 1);
    // Silence for a minute: only the client's own timeout ends the wait (the test would time out).
    w.fake.dropConnection("sendMessage", { times: 1, afterMs: 60_000 });
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: [{ chatId: chat!, payload: text("halo") }] });
    await q.drain();
    let [row] = await rows(w.db);
    expect(row).toMatchObject({ state: "queued", attempts: 1 });
    expect(row.lastError).toMatch(/^network: /);
    w.clock.advance(1_000);
    await q.drain();
    [row] = await rows(w.db);
    expect(row).toMatchObject({ state: "sent", attempts: 2 });
    expect(seen(w.fake, chat!)).toEqual(["halo"]);
  }, 20_000);

  // Retried: since the faults work merged (2026-12-03), about 1 run in 4 finds the first row
  // "sent" after the attempt whose connection the fake drops; not yet explained (see the closing
  // note of issue 17). The retry keeps CI meaningful for the rest while it is investigated.
  it("5xx and network errors are retried with growing backoff, keeping order, and fail after the last attempt", async () => {
    const q = w.queue({ maxAttempts: 4 });
    const [flaky, broken] = privateChats(w.fake, 2);
    w.fake.fail("sendMessage", { code: 502 }, { times: 1, where: (p) => p.chat_id === flaky });
    w.fake.dropConnection("sendMessage", { times: 1, where: (p) => p.chat_id === flaky });
    w.fake.fail("sendMessage", { code: 500, description: "Internal Server Error" }, { times: 100, where: (p) => p.chat_id === broken });
    await q.enqueue({
      ownerKind: "t",
      ownerId: 1,
      items: [
        { chatId: flaky!, payload: text("pertama") },
        { chatId: flaky!, payload: text("kedua") },
        { chatId: broken!, payload: text("x") },
      ],
    });
    await q.drain();
    let [first, second] = await rows(w.db, { chatId: BigInt(flaky!) });
    expect(first).toMatchObject({ state: "queued", attempts: 1 });
    expect(first.nextAttemptAt.getTime() - w.clock.now().getTime()).toBe(1_000);
    expect(second.state).toBe("queued"); // waits behind the first
    expect(seen(w.fake, flaky!)).toEqual([]);

    w.clock.advance(1_000);
    await q.drain();
    [first] = await rows(w.db, { chatId: BigInt(flaky!) });
    expect(first).toMatchObject({ state: "queued", attempts: 2 });
    expect(first.lastError).toMatch(/network/);
    expect(first.nextAttemptAt.getTime() - w.clock.now().getTime()).toBe(2_000);

    for (let i = 0; i < 4; i++) {
      w.clock.advance(60_000);
      await q.drain();
    }
    expect(seen(w.fake, flaky!)).toEqual(["pertama", "kedua"]);
    const [gaveUp] = await rows(w.db, { chatId: BigInt(broken!) });
    expect(gaveUp).toMatchObject({ state: "failed", errorKind: "too_many_attempts", attempts: 4 });
    expect(w.fake.callsTo("sendMessage", { all: true }).filter((c) => c.params.chat_id === broken)).toHaveLength(4);
  });

  it("kicked, blocked, never started or unknown chats fail at once with their reason and are reported", async () => {
    const gone: Array<[bigint, string]> = [];
    const q = w.queue({ hooks: { onChatGone: (id, kind) => void gone.push([id, kind]) } });
    const [kickedGroup, okGroup] = groups(w.fake, 2);
    w.fake.kickBot(kickedGroup!);
    const [blocker, deactivated, fine] = privateChats(w.fake, 3);
    w.fake.blockBot(blocker!);
    w.fake.deactivateUser(deactivated!);
    const stranger = w.fake.addUser({ first_name: "Belum" }).id;
    const missing = -1009999999999;
    const all = [kickedGroup!, okGroup!, blocker!, deactivated!, fine!, stranger, missing];
    const r = await q.enqueue({ ownerKind: "t", ownerId: 1, items: all.map((c) => ({ chatId: c, recipientKey: String(c), payload: text("Halo") })) });
    await q.drain();
    const byChat = Object.fromEntries((await rows(w.db)).map((x: any) => [Number(x.chatId), [x.state, x.errorKind]]));
    expect(byChat).toEqual({
      [kickedGroup!]: ["failed", "kicked"],
      [okGroup!]: ["sent", null],
      [blocker!]: ["failed", "blocked"],
      [deactivated!]: ["failed", "blocked"],
      [fine!]: ["sent", null],
      [stranger]: ["failed", "not_started"],
      [missing]: ["failed", "chat_not_found"],
    });
    expect(gone.map(([id, k]) => [Number(id), k]).sort()).toEqual(
      [[kickedGroup!, "kicked"], [blocker!, "blocked"], [deactivated!, "blocked"], [stranger, "not_started"], [missing, "chat_not_found"]].sort(),
    );
    // One request each: permanent errors are not retried.
    expect(w.fake.callsTo("sendMessage", { all: true })).toHaveLength(7);
    const s = await r.handle.status();
    expect(s.failures.map((f) => f.errorKind).sort()).toEqual(["blocked", "blocked", "chat_not_found", "kicked", "not_started"]);
  });

  it("a newer edit of a message whose edit still waits replaces it: one edit goes out, with the latest text, at the waiting row's time", async () => {
    const q = w.queue();
    const [a, b] = privateChats(w.fake, 2);
    await q.enqueue({ ownerKind: "card", ownerId: 1, items: [a!, b!].map((c) => ({ chatId: c, payload: text("Versi 0") })) });
    await q.drain();
    const [ca, cb] = await q.copies("card", 1);
    const edit = (c: typeof ca, t: string, notBefore?: Date) => ({
      chatId: c!.chatId,
      notBefore,
      payload: { op: "edit" as const, method: "editMessageText", messageId: c!.telegramMessageId!, params: { text: t } },
    });
    const later = new Date(w.clock.now().getTime() + 10_000);
    await q.enqueue({ ownerKind: "card#edit", ownerId: 1, items: [edit(ca, "Versi 1", later)] });
    // Versi 2 and 3 for chat a merge into the waiting row; chat b has none waiting: its edit is returned.
    const left = await q.mergeQueuedEdits([edit(ca, "Versi 2"), edit(cb, "Versi 2"), edit(ca, "Versi 3")]);
    expect(left.map((x) => String(x.chatId))).toEqual([String(b)]);
    // A send is never merged.
    expect(await q.mergeQueuedEdits([{ chatId: a!, payload: text("baru") }])).toHaveLength(1);
    await q.drain();
    expect(seen(w.fake, a!)).toEqual(["Versi 0"]); // not before its time
    w.clock.set(later);
    await q.drain();
    expect(seen(w.fake, a!)).toEqual(["Versi 3"]);
    expect(w.fake.callsTo("editMessageText")).toHaveLength(1);
    // A row already claimed is not touched: the newer edit must be enqueued after it.
    await q.enqueue({ ownerKind: "card#edit", ownerId: 1, items: [edit(cb, "Versi 4")] });
    await w.db.prisma.delivery.updateMany({ where: { chatId: BigInt(b!), state: "queued" }, data: { state: "sending", claimedBy: "someone" } });
    expect(await q.mergeQueuedEdits([edit(cb, "Versi 5")])).toHaveLength(1);
  });

  it("an edit of a copy not sent yet names its row: it waits for the copy, then edits it; a copy that never went out fails it", async () => {
    const q = w.queue();
    const [a, b] = privateChats(w.fake, 2);
    const later = new Date(w.clock.now().getTime() + 5_000);
    await q.enqueue({ ownerKind: "card", ownerId: 2, items: [{ chatId: a!, payload: text("Lama"), notBefore: later }, { chatId: b!, payload: text("Batal") }] });
    const [ca, cb] = await q.copies("card", 2);
    await w.db.prisma.delivery.update({ where: { id: cb!.id }, data: { state: "cancelled" } });
    const ofCopy = (c: typeof ca, t: string) => ({ chatId: c!.chatId, payload: { op: "edit" as const, method: "editMessageText", messageId: 0, params: { text: t }, ofCopy: String(c!.id) } });
    await q.enqueue({ ownerKind: "card#edit", ownerId: 2, items: [ofCopy(ca, "Baru"), ofCopy(cb, "Tidak pernah")] });
    await q.drain();
    expect(seen(w.fake, a!)).toEqual([]); // the copy waits, and its edit behind it
    const [ea, eb] = await q.copies("card#edit", 2);
    expect(ea!.state).toBe("queued");
    expect(eb).toMatchObject({ state: "failed" });
    expect((await rows(w.db, { id: eb!.id }))[0].errorKind).toBe("message_gone");
    w.clock.set(new Date(later.getTime() + 1));
    await q.drain();
    expect(seen(w.fake, a!)).toEqual(["Baru"]);
    expect(w.fake.sent(a!)).toHaveLength(1);
    expect((await q.copies("card#edit", 2))[0]).toMatchObject({ state: "sent", telegramMessageId: w.fake.sent(a!)[0]!.message_id });
  });

  it("an edit of an unchanged message counts as done; a rejected request fails as bad_request", async () => {
    const q = w.queue();
    const [c] = privateChats(w.fake, 1);
    await q.enqueue({ ownerKind: "card", ownerId: 1, items: [{ chatId: c!, payload: text("Sama") }] });
    await q.drain();
    await q.editCopies("card", 1, () => ({ method: "editMessageText", params: { text: "Sama" } }));
    await q.enqueue({ ownerKind: "bad", ownerId: 1, items: [{ chatId: c!, payload: text("<b>rusak", { parse_mode: "HTML" }) }] });
    await q.drain();
    expect((await q.copies("card#edit", 1))[0]!.state).toBe("sent");
    const [bad] = await rows(w.db, { ownerKind: "bad" });
    expect(bad).toMatchObject({ state: "failed", errorKind: "bad_request" });
    expect(bad.lastError).toMatch(/can't parse entities/);
  });
});

describe("limits", () => {
  it("a group gets at most its per-minute share; the rest waits in the queue, in order", async () => {
    const q = w.queue({ limits: { globalPerSecond: 30, groupPerMinute: 3, privatePerSecond: 1, marginMs: 50 } });
    const [g] = groups(w.fake, 1);
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: ["1", "2", "3", "4", "5"].map((t) => ({ chatId: g!, payload: text(t) })) });
    await q.drain();
    expect(seen(w.fake, g!)).toEqual(["1", "2", "3"]);
    const waiting = await rows(w.db, { state: "queued" });
    expect(waiting).toHaveLength(2);
    // A minute (plus the 50 ms safety margin) after the first three.
    expect(waiting[0].nextAttemptAt.getTime() - w.clock.now().getTime()).toBe(60_050);
    w.clock.advance(60_050);
    await q.drain();
    expect(seen(w.fake, g!)).toEqual(["1", "2", "3", "4", "5"]);
    expect(w.fake.callsTo("sendMessage", { all: true })).toHaveLength(5);
  });

  it("a private chat gets one message per second", async () => {
    const q = w.queue({ limits: { globalPerSecond: 30, groupPerMinute: 20, privatePerSecond: 1, marginMs: 50 }, maxInlineWaitMs: 0 });
    const [c] = privateChats(w.fake, 1);
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: ["a", "b", "c"].map((t) => ({ chatId: c!, payload: text(t) })) });
    await q.drain();
    expect(seen(w.fake, c!)).toEqual(["a"]);
    w.clock.advance(1_050);
    await q.drain();
    expect(seen(w.fake, c!)).toEqual(["a", "b"]);
    w.clock.advance(1_050);
    await q.drain();
    expect(seen(w.fake, c!)).toEqual(["a", "b", "c"]);
  });
});

describe("cancel", () => {
  it("cancels what is not sent yet and keeps what was sent", async () => {
    const q = w.queue();
    const chats = privateChats(w.fake, 8);
    const later = new Date(w.clock.now().getTime() + 3600_000);
    const r = await q.enqueue({
      ownerKind: "t",
      ownerId: 1,
      items: chats.map((c, i) => ({ chatId: c, payload: text("x"), notBefore: i < 3 ? undefined : later })),
    });
    await q.drain();
    expect(await r.handle.cancel()).toBe(5);
    w.clock.advance(7200_000);
    await q.drain();
    const s = await r.handle.status();
    expect(s).toMatchObject({ done: true, counts: { sent: 3, cancelled: 5 } });
    expect(w.fake.callsTo("sendMessage")).toHaveLength(3);
  });

  it("a row already claimed but still waiting for its slot is cancelled too and never sent", async () => {
    const slow = gatedLimiter();
    const q = w.queue({ limiter: slow });
    const chats = privateChats(w.fake, 4);
    const r = await q.enqueue({ ownerKind: "t", ownerId: 1, items: chats.map((c) => ({ chatId: c, payload: text("x") })) });
    const draining = q.drain();
    await w.fake.waitFor(() => slow.waiting === 4);
    expect(await states(w.db.prisma)).toEqual({ sending: 4 });
    expect(await r.handle.cancel()).toBe(4);
    slow.release();
    await draining;
    expect(w.fake.callsTo("sendMessage")).toHaveLength(0);
    expect(await states(w.db.prisma)).toEqual({ cancelled: 4 });
  });
});

describe("claims", () => {
  it("a row re-queued by a sweep while its worker still waits, then claimed again, is sent once", async () => {
    const slow = gatedLimiter();
    const q = w.queue({ limiter: slow });
    const [c] = privateChats(w.fake, 1);
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: [{ chatId: c!, payload: text("sekali saja") }] });
    const first = q.drain();
    await w.fake.waitFor(() => slow.waiting === 1);
    // The claim looks abandoned (a long stall, or a clock jump in a test) and goes back to the queue…
    w.clock.advance(61_000);
    expect(await q.requeueAbandonedClaims()).toBe(1);
    // …and the same instance claims it again while the first attempt still waits.
    const second = q.drain();
    await w.fake.waitFor(() => slow.waiting === 2);
    slow.release();
    await Promise.all([first, second]);
    expect(seen(w.fake, c!)).toEqual(["sekali saja"]);
    expect(await states(w.db.prisma)).toEqual({ sent: 1 });
  });

  it("the start's compare-and-set commits but its answer is lost (the database dropped the connection): the row is put back, not declared unknown, and sent once", async () => {
    let trip = true;
    const lossy = new Proxy(w.db.prisma, {
      get(t, prop, recv) {
        const v = Reflect.get(t, prop, recv);
        if (prop !== "$queryRaw") return v;
        return async (strings: TemplateStringsArray, ...values: unknown[]) => {
          const out = await v.call(t, strings, ...values);
          if (trip && strings.join("?").includes("SET claimed_at")) {
            trip = false;
            throw new Error("Server has closed the connection.");
          }
          return out;
        };
      },
    });
    const q = w.queue({ prisma: lossy as typeof w.db.prisma });
    const [c] = privateChats(w.fake, 1);
    await q.enqueue({ ownerKind: "t", ownerId: 1, items: [{ chatId: c!, payload: text("tidak hilang") }] });
    await q.drain();
    expect(trip).toBe(false);
    expect(seen(w.fake, c!)).toEqual([]);
    const [held] = await rows(w.db);
    expect(held).toMatchObject({ state: "sending" });
    expect(held.claimedAt).not.toBeNull(); // the database believes the request started
    expect(await q.requeueKnownUnsent()).toBe(1);
    w.clock.advance(121_000);
    expect(await q.markStaleSending()).toBe(0);
    await q.drain();
    expect(seen(w.fake, c!)).toEqual(["tidak hilang"]);
    expect(await states(w.db.prisma)).toEqual({ sent: 1 });
  });
});

describe("crash and restart", () => {
  async function crashMidBroadcast(opts: { restartAs: "same" | "other" }) {
    const chats = [...groups(w.fake, 10), ...privateChats(w.fake, 20)];
    const dying = freezable(w.db.prisma);
    const crashed = w.queue({
      instanceId: "bot-1",
      prisma: dying.prisma,
      concurrency: 6,
      crashable: true,
      // 12 requests answered, then the process dies with up to 3 requests on the wire.
      transformers: [crashAfter(12, 3, () => dying.freeze())],
    });
    const r = await crashed.enqueue({ forumId: 1, ownerKind: "pengumuman", ownerId: 1, items: chats.map((c) => ({ chatId: c, recipientKey: String(c), payload: text("Pengumuman") })) });
    void crashed.drain();
    await w.fake.waitFor(() => w.fake.callsTo("sendMessage").length >= 13);
    // Requests already on the wire still land; the dead process's queries never will.
    await new Promise((res) => setTimeout(res, 300));

    const restarted = w.queue({ instanceId: opts.restartAs === "same" ? "bot-1" : "bot-2" });
    if (opts.restartAs === "same") {
      await restarted.recoverOwnClaims();
    } else {
      // Another instance notices only after the timeouts.
      w.clock.advance(121_000);
      await restarted.markStaleSending();
      await restarted.requeueAbandonedClaims();
    }
    await restarted.drain();
    return { chats, r, restarted };
  }

  for (const restartAs of ["same", "other"] as const) {
    it(`nobody receives it twice, the leftover is delivered, and requests cut off mid-way are reported unknown (restart as ${restartAs} instance)`, async () => {
      const { chats, r, restarted } = await crashMidBroadcast({ restartAs });
      const perChat = chats.map((c) => seen(w.fake, c).length);
      expect(Math.max(...perChat)).toBe(1);
      const s = await restarted.handle(r.batchId).status();
      expect(s.done).toBe(true);
      // Rows whose answer was lost (at least the request that was on the wire) are "unknown", never re-sent.
      expect(s.counts.unknown).toBeGreaterThanOrEqual(1);
      expect(s.counts.unknown).toBeLessThanOrEqual(6);
      expect(s.counts.sent + s.counts.unknown).toBe(30);
      expect(s.failures.filter((f) => f.errorKind === "interrupted")).toHaveLength(s.counts.unknown);
      const unknownChats = new Set(s.failures.map((f) => Number(f.chatId)));
      for (const [i, c] of chats.entries()) if (perChat[i] === 0) expect(unknownChats.has(c)).toBe(true);
      // What the dead process had claimed but not started went out after the restart.
      expect(perChat.filter((n) => n === 1).length).toBeGreaterThanOrEqual(30 - s.counts.unknown);
    }, 60_000);
  }
});

describe("several workers on one database", () => {
  it("two workers share the queue and never send a row twice", async () => {
    const other = await w.secondDb();
    const a = w.queue({ instanceId: "A", concurrency: 8, batchSize: 10 });
    const b = w.queue({ instanceId: "B", concurrency: 8, batchSize: 10, prisma: other?.prisma });
    const single = privateChats(w.fake, 60);
    const busy = groups(w.fake, 5);
    const items = [
      ...single.map((c) => ({ chatId: c, payload: text("Pengumuman") })),
      ...busy.flatMap((c) => ["1", "2", "3", "4", "5"].map((t) => ({ chatId: c, payload: text(t) }))),
    ];
    await a.enqueue({ ownerKind: "t", ownerId: 1, items });
    await Promise.all([a.drain(), b.drain()]);
    for (const c of single) expect(seen(w.fake, c)).toEqual(["Pengumuman"]);
    for (const c of busy) expect(seen(w.fake, c)).toEqual(["1", "2", "3", "4", "5"]);
    expect(w.fake.callsTo("sendMessage")).toHaveLength(85);
    const by = await w.db.prisma.delivery.groupBy({ by: ["claimedBy"], _count: { _all: true } });
    expect(by.reduce((n, g) => n + g._count._all, 0)).toBe(85);
    if (other) expect(by.map((g) => g.claimedBy).sort()).toEqual(["A", "B"]);
  }, 60_000);

  it.skipIf(!process.env.REDIS_URL)("a row queued by one instance is sent at once by another (no waiting for the sweep)", async () => {
    const { RedisLimiter } = await import("../../src/delivery/redis-limiter.js");
    const limits = { globalPerSecond: 1000, groupPerMinute: 1000, privatePerSecond: 1000 };
    const mk = () => new RedisLimiter(w.redis!, limits, `${w.prefix}limit:`);
    const producer = w.queue({ instanceId: "web", limiter: mk(), kickChannel: mk().kickChannel() });
    const worker = w.queue({ instanceId: "worker", limiter: mk(), kickChannel: mk().kickChannel(), sweepIntervalMs: 3600_000 });
    worker.start();
    await new Promise((r) => setTimeout(r, 200)); // subscription established
    const [c] = privateChats(w.fake, 1);
    await producer.enqueue({ ownerKind: "t", ownerId: 1, items: [{ chatId: c!, payload: text("cepat") }] });
    await w.fake.waitFor(() => seen(w.fake, c!).length === 1, { timeout: 3000 });
    expect((await rows(w.db))[0].claimedBy).toBe("worker");
  });
});

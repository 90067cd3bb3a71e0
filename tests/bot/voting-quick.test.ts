import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say } from "../support/world.js";
import { aQuickPoll, groupMember, pngSize } from "../support/voting.js";
import { ALLOWED_UPDATES } from "../../src/start.js";

// Guided flows replay every step; on a busy CI machine they need more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
  h.fake.setNow(T0);
});

const HOUR = 3600_000;

function pollIn(chatId: number) {
  const m = h.fake.sent(chatId).find((x) => x.poll);
  if (!m) throw new Error(`no poll in ${chatId}`);
  return { messageId: m.message_id, poll: m.poll! };
}

describe("jajak pendapat cepat (quick poll)", () => {
  it("the creation flow says plainly what a quick poll cannot promise and offers the formal vote", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/voting");
    await press(h, f.admin, f.admin.id, "Jajak cepat");
    const intro = lastText(h, f.admin.id);
    expect(intro).toContain("orang yang ada di dua grup dapat menjawab dua kali");
    expect(intro).toContain("gunakan pemungutan suara resmi");
    await press(h, f.admin, f.admin.id, "Voting resmi saja");
    await press(h, f.admin, f.admin.id, "Pemungutan suara baru");
    expect(lastText(h, f.admin.id)).toContain("pertanyaan");
  });

  it("an admin creates a quick poll step by step; a job sends Telegram's own poll to each chosen group", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/voting");
    await press(h, f.admin, f.admin.id, "Jajak cepat");
    await press(h, f.admin, f.admin.id, "Lanjut jajak cepat");
    await say(h, f.admin, "Kapan kerja bakti bersama?");
    await say(h, f.admin, "Sabtu\nMinggu");
    await press(h, f.admin, f.admin.id, "Satu jawaban");
    await press(h, f.admin, f.admin.id, "Sukajaya");
    await press(h, f.admin, f.admin.id, "Sidorejo");
    await press(h, f.admin, f.admin.id, "Selesai");
    await press(h, f.admin, f.admin.id, "1 hari");
    expect(lastText(h, f.admin.id)).toContain("Pratinjau jajak pendapat cepat");
    expect(lastText(h, f.admin.id)).toContain("Selasa, 1 Desember 2026 pukul 09.00 WIB · 2 grup");
    await press(h, f.admin, f.admin.id, "Kirim");
    expect(lastText(h, f.admin.id)).toContain("sedang dikirim ke 2 grup");
    await h.tick();
    const polls = h.fake.callsTo("sendPoll");
    expect(polls.map((c) => c.params.chat_id).sort()).toEqual([f.villages[0]!.group.id, f.villages[1]!.group.id].sort());
    expect(polls[0]!.params.is_anonymous).toBe(true);
    // A forwarded poll is the same poll: sent protected, it cannot be forwarded at all.
    expect(polls.every((c) => c.params.protect_content === true)).toBe(true);
    // Under each copy, a note (protected too) that only this group's answers count.
    for (const [i, village] of [[0, "Sukajaya"], [1, "Sidorejo"]] as const) {
      const poll = pollIn(f.villages[i]!.group.id);
      const note = h.fake.sent(f.villages[i]!.group.id).at(-1)!;
      expect(note.text).toContain("tidak dapat diteruskan ke grup lain");
      expect(note.text).toContain(`Hanya jawaban di grup ini yang dihitung untuk Desa ${village}`);
      expect(note.text).toContain("Batas menjawab: Selasa, 1 Desember 2026 pukul 09.00 WIB");
      expect(note.reply_to_message?.message_id).toBe(poll.messageId);
      expect(note.has_protected_content).toBe(true);
    }
    expect(await h.app.deps.prisma.job.count({ where: { kind: "vote.close", doneAt: null } })).toBe(1);
  });

  it("sends a Telegram poll to each group, counts each copy from `poll` updates, stops every copy at the deadline and posts combined and per-village results", async () => {
    const f = await aForum(h);
    const vote = await aQuickPoll(h, f, { villages: [0, 1, 2], closesInMs: 2 * HOUR });
    await h.tick();
    expect(h.fake.callsTo("sendPoll")).toHaveLength(3);
    const [p0, p1, p2] = [0, 1, 2].map((i) => pollIn(f.villages[i]!.group.id));
    expect(p0!.poll.is_anonymous).toBe(true);
    expect(p0!.poll.question).toBe("Kapan kerja bakti bersama sebaiknya diadakan?");

    await h.send(h.fake.updates.poll(p0!.poll.id, [3, 1, 0]));
    await h.send(h.fake.updates.poll(p1!.poll.id, [0, 2, 0]));
    await h.send(h.fake.updates.poll(p2!.poll.id, [1, 1, 1]));
    await h.send(h.fake.updates.poll(p0!.poll.id, [4, 1, 0]));
    const copies = await h.app.deps.prisma.votePollCopy.findMany({ where: { voteId: vote.id }, orderBy: { villageId: "asc" } });
    expect(copies.map((c) => [c.villageId, c.counts, c.voters])).toEqual([
      [f.villages[0]!.id, [4, 1, 0], 5],
      [f.villages[1]!.id, [0, 2, 0], 2],
      [f.villages[2]!.id, [1, 1, 1], 3],
    ]);

    // The organiser's view shows the combined running totals.
    await say(h, f.admin, "/voting");
    await press(h, f.admin, f.admin.id, "Kapan kerja bakti");
    expect(lastText(h, f.admin.id)).toContain("1. Sabtu pagi — 5");

    h.fake.setMemberCount(f.villages[0]!.group.id, 21);
    h.clock.advance(2 * HOUR);
    await h.tick();
    const stops = h.fake.callsTo("stopPoll");
    expect(stops.map((c) => [c.params.chat_id, c.params.message_id]).sort()).toEqual(
      [0, 1, 2].map((i) => [f.villages[i]!.group.id, [p0, p1, p2][i]!.messageId]).sort(),
    );
    for (const i of [0, 1, 2]) expect(pollIn(f.villages[i]!.group.id).poll.is_closed).toBe(true);

    const g = f.villages[1]!.group.id;
    const photo = h.fake.sent(g).find((m) => m.photo)!;
    expect(photo.caption).toContain("Hasil jajak pendapat cepat");
    expect(photo.caption).toContain("Pilihan terbanyak: Sabtu pagi (5 suara)");
    expect(pngSize(h.fake.fileBytes(photo.photo!.at(-1)!.file_id)!).width).toBeGreaterThan(500);
    const result = h.fake.sent(g).at(-1)!.text!;
    expect(result).toContain("1. Sabtu pagi — 5 (50,0%)");
    expect(result).toContain("2. Minggu pagi — 4 (40,0%)");
    expect(result).toContain("Sukajaya: 5 dari 20 anggota grup (25,0%) — 1: 4 · 2: 1 · 3: 0");
    expect(result).toContain("Sidorejo: 2 dari");
    expect(result).toContain("dapat menjawab dua kali");
    expect(lastText(h, f.admin.id)).toContain("Hasil jajak pendapat cepat");

    // A late `poll` update changes nothing any more.
    await h.send(h.fake.updates.poll(p1!.poll.id, [9, 9, 9]));
    const after = await h.app.deps.prisma.votePollCopy.findFirstOrThrow({ where: { voteId: vote.id, villageId: f.villages[1]!.id } });
    expect(after.counts).toEqual([0, 2, 0]);
    expect(after.state).toBe("stopped");
  });

  it("nobody can forward the poll into an outside group, and the final counts come from stopPoll even when no `poll` update arrived", async () => {
    const f = await aForum(h);
    const vote = await aQuickPoll(h, f, { villages: [0, 1], closesInMs: 2 * HOUR });
    await h.tick();
    const g0 = f.villages[0]!.group.id;
    const g1 = f.villages[1]!.group.id;
    const [p0, p1] = [pollIn(g0), pollIn(g1)];

    // A member tries to pass the poll on to a group outside the vote: Telegram refuses.
    const ani = groupMember(h, f, [0], "Ani");
    const outside = h.fake.addGroup({ title: "Grup Arisan", members: [ani.id] });
    expect(() => h.fake.updates.forward(ani, g0, p0.messageId, outside.id)).toThrow("message has protected content and can't be forwarded");
    expect(h.fake.sent(outside.id)).toEqual([]);

    // Answers in the groups, whose `poll` updates the bot never gets (e.g. lost while it was down).
    const answer = (village: number, option: number, name: string) =>
      h.fake.updates.answerPoll(groupMember(h, f, [village], name), f.villages[village]!.group.id, [p0, p1][village]!.messageId, [option], { deliver: false });
    answer(0, 0, "A1");
    answer(0, 0, "A2");
    answer(0, 1, "A3");
    answer(1, 2, "B1");
    const before = await h.app.deps.prisma.votePollCopy.findMany({ where: { voteId: vote.id } });
    expect(before.map((c) => c.voters)).toEqual([0, 0]);

    h.clock.advance(2 * HOUR);
    await h.tick();
    const copies = await h.app.deps.prisma.votePollCopy.findMany({ where: { voteId: vote.id }, orderBy: { villageId: "asc" } });
    expect(copies.map((c) => [c.state, c.counts, c.voters])).toEqual([
      ["stopped", [2, 1, 0], 3],
      ["stopped", [0, 0, 1], 1],
    ]);
    const result = h.fake.sent(g1).at(-1)!.text!;
    expect(result).toContain("1. Sabtu pagi — 2 (50,0%)");
    expect(result).toContain("Sukajaya: 3 dari");
    expect(result).toContain("Sidorejo: 1 dari");
  });

  it("counts come only from `poll` updates and stopPoll: an anonymous poll never sends poll_answer, so the bot does not subscribe to it", async () => {
    const f = await aForum(h);
    const vote = await aQuickPoll(h, f, { villages: [0], closesInMs: 2 * HOUR });
    await h.tick();
    const g0 = f.villages[0]!.group.id;
    const p0 = pollIn(g0);
    const ups = h.fake.updates.answerPoll(groupMember(h, f, [0], "Ani"), g0, p0.messageId, [1]);
    // Telegram tells nobody who answered an anonymous poll: only the new counts arrive.
    expect(ups.map((u) => Object.keys(u).filter((k) => k !== "update_id"))).toEqual([["poll"]]);
    for (const u of ups) await h.send(u);
    const copy = await h.app.deps.prisma.votePollCopy.findFirstOrThrow({ where: { voteId: vote.id } });
    expect([copy.counts, copy.voters]).toEqual([[0, 1, 0], 1]);
    // What the bot asks Telegram for: every kind it handles, and nothing it would ignore.
    expect(ALLOWED_UPDATES).toContain("poll");
    expect(ALLOWED_UPDATES).not.toContain("poll_answer");
  });

  it("a group the bot was removed from is skipped; the other copies are sent", async () => {
    const f = await aForum(h);
    h.fake.kickBot(f.villages[1]!.group.id);
    const vote = await aQuickPoll(h, f, { villages: [0, 1] });
    await h.tick();
    const copies = await h.app.deps.prisma.votePollCopy.findMany({ where: { voteId: vote.id }, orderBy: { villageId: "asc" } });
    expect(copies.map((c) => c.state).sort()).toEqual(["failed", "sent"]);
    expect(await h.app.deps.prisma.job.count({ where: { kind: "vote.poll.send", doneAt: null } })).toBe(0);
  });

  it("a poll send job whose batch is rolled back (another job in it failed) sends each poll once", async () => {
    const f = await aForum(h);
    // A job due at the same time that fails: the scheduler rolls the optimistic batch back and
    // runs its jobs again one by one — the polls must not go out a second time.
    h.app.deps.jobs.register("test.fails", async () => {
      throw new Error("boom");
    });
    await aQuickPoll(h, f, { villages: [0, 1] });
    // Due at the same time as the send job and created after it: it runs after it in the batch.
    await h.app.deps.jobs.schedule({ kind: "test.fails", ownerId: 1, dueAt: h.clock.now() });
    await h.tick();
    for (const v of [0, 1]) expect(h.fake.sent(f.villages[v]!.group.id).filter((m) => m.poll)).toHaveLength(1);
    expect(h.fake.callsTo("sendPoll")).toHaveLength(2);
    const copies = await h.app.deps.prisma.votePollCopy.findMany();
    expect(copies.map((c) => c.state)).toEqual(["sent", "sent"]);
    expect(copies.every((c) => c.pollId && c.messageId)).toBe(true);
  });

  it("a poll copy whose send was interrupted (the process died) is never sent again and is reported failed at closing", async () => {
    const f = await aForum(h);
    const vote = await aQuickPoll(h, f, { villages: [0, 1], closesInMs: 3600_000 });
    // The first copy was claimed by a process that died before recording the answer.
    const first = (await h.app.deps.prisma.votePollCopy.findFirstOrThrow({ where: { villageId: f.villages[0]!.id } }));
    await h.app.deps.prisma.votePollCopy.update({ where: { id: first.id }, data: { state: "sending" } });
    await h.tick();
    expect(h.fake.sent(f.villages[0]!.group.id).filter((m) => m.poll)).toHaveLength(0);
    expect(h.fake.sent(f.villages[1]!.group.id).filter((m) => m.poll)).toHaveLength(1);
    h.clock.advance(3600_000);
    await h.tick();
    const after = await h.app.deps.prisma.votePollCopy.findUniqueOrThrow({ where: { id: first.id } });
    expect(after.state).toBe("failed");
    expect(await h.app.deps.prisma.vote.findUniqueOrThrow({ where: { id: vote.id } })).toMatchObject({ state: "closed" });
  });

  it("a closing whose job batch is rolled back and run again keeps stopPoll's final counts (Telegram answers the second stop with 'already closed')", async () => {
    const f = await aForum(h);
    const vote = await aQuickPoll(h, f, { villages: [0, 1], closesInMs: 2 * HOUR });
    await h.tick();
    const [p0, p1] = [pollIn(f.villages[0]!.group.id), pollIn(f.villages[1]!.group.id)];
    const answer = (village: number, option: number, name: string) =>
      h.fake.updates.answerPoll(groupMember(h, f, [village], name), f.villages[village]!.group.id, [p0, p1][village]!.messageId, [option], { deliver: false });
    answer(0, 0, "A1");
    answer(0, 1, "A2");
    answer(1, 2, "B1");
    h.app.deps.jobs.register("test.fails", async () => {
      throw new Error("boom");
    });
    h.clock.advance(2 * HOUR);
    // Due with the closing and created after it: it fails after the closing ran in the batch.
    await h.app.deps.jobs.schedule({ kind: "test.fails", ownerId: 1, dueAt: h.clock.now() });
    await h.tick();
    const copies = await h.app.deps.prisma.votePollCopy.findMany({ where: { voteId: vote.id }, orderBy: { villageId: "asc" } });
    expect(copies.map((c) => [c.state, c.counts, c.voters])).toEqual([
      ["stopped", [1, 1, 0], 2],
      ["stopped", [0, 0, 1], 1],
    ]);
    expect(await h.app.deps.prisma.vote.findUniqueOrThrow({ where: { id: vote.id } })).toMatchObject({ state: "closed" });
  });
});

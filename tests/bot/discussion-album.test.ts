import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Chat, Message, Update, User } from "grammy/types";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum } from "../support/world.js";
import { aModeratedTopic, aTopic, copiesIn, copyIn, replyIn, repliesTo, tick } from "../support/discussion.js";
import { ALBUM_GATHER_MS } from "../../src/domain/discussion/index.js";

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

type Item = { kind: "photo" | "video" | "document" | "audio"; caption?: string };

/** An album written by `user` in `group` answering message `replyTo` there; the updates sent. */
async function postAlbum(user: User, group: Chat, replyTo: number, items: Item[]): Promise<Update[]> {
  const updates = h.fake.updates.album(user, group, items, { replyTo });
  for (const u of updates) await h.send(u);
  return updates;
}

/** The album job's wait passes: what was gathered goes out. */
async function gathered() {
  await h.flush();
  h.clock.advance(ALBUM_GATHER_MS + 100);
  await tick(h);
}

const mediaGroupCalls = (chatId: number) => h.fake.callsTo("sendMediaGroup").filter((c) => Number(c.params.chat_id) === chatId);
const albumIn = (chatId: number): Message[] => h.fake.sent(chatId).filter((m) => m.media_group_id);

describe("albums in a discussion topic", () => {
  it("an album from another forum's group never reaches this forum", async () => {
    const fa = await aForum(h);
    const fb = await aForum(h, { villages: ["Alpha", "Beta"] });
    const ta = await aTopic(h, fa);
    const tb = await aTopic(h, fb);
    const [b0, b1] = fb.villages.map((v) => v.group);
    const luar = await fb.resident(0, "Luar");
    // Answering its own forum's card: goes to forum B's other group only.
    await postAlbum(luar, b0!, tb.card.get(b0!.id)!, [{ kind: "photo", caption: "Dari forum B" }, { kind: "photo" }]);
    // The same id as forum A's card, but in forum B's group (ids are per chat): answers nothing of A.
    await postAlbum(luar, b0!, ta.card.get(fa.villages[0]!.group.id)!, [{ kind: "photo", caption: "Nyasar" }, { kind: "photo" }]);
    await gathered();
    for (const v of fa.villages) expect(mediaGroupCalls(v.group.id)).toHaveLength(0);
    expect(await h.app.deps.prisma.relayMessage.count({ where: { forumId: fa.id } })).toBe(0);
    expect(mediaGroupCalls(b1!.id)).toHaveLength(1);
    expect(albumIn(b1!.id)[0]!.caption).toBe("Luar · Desa Alpha\nDari forum B");
  });

  it("an album from a muted author is not relayed, and nothing of it waits", async () => {
    const { t, g0, g1, g2, ani, mute } = await aModeratedTopic(h);
    await mute();
    await postAlbum(ani, g0!, t.card.get(g0!.id)!, [{ kind: "photo", caption: "Saat dibisukan" }, { kind: "photo" }, { kind: "photo" }]);
    await gathered();
    for (const g of [g1!, g2!]) expect(mediaGroupCalls(g.id)).toHaveLength(0);
    expect(await h.app.deps.prisma.relayMessage.count()).toBe(1);
    expect(await h.app.deps.prisma.job.count({ where: { kind: "discussion.album" } })).toBe(0);
  });

  it("an author muted, or a topic closed, while the album gathers: it stays out of the other groups and of the transcript", async () => {
    const { f, t, g0, g1, g2, ani, mute } = await aModeratedTopic(h);
    await postAlbum(ani, g0!, t.card.get(g0!.id)!, [{ kind: "photo", caption: "Sebelum dibisukan" }, { kind: "photo" }]);
    // The moderator mutes her in the 1.5 s the album waits for its other items.
    await mute();
    await gathered();
    h.clock.advance(60_000); // past any group's pacing
    await tick(h);
    for (const g of [g1!, g2!]) expect(mediaGroupCalls(g.id)).toHaveLength(0);
    const rows = await h.app.deps.prisma.relayMessage.findMany({ where: { mediaGroupId: { not: null } } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.state !== "relayed" && !r.albumPending)).toBe(true);

    // Same for a topic closed meanwhile (another author, not muted).
    const budi = await f.resident(2, "Budi");
    await postAlbum(budi, g2!, t.card.get(g2!.id)!, [{ kind: "photo", caption: "Terlambat" }, { kind: "photo" }]);
    await h.app.deps.prisma.topic.update({ where: { id: t.id }, data: { state: "closed" } });
    await gathered();
    h.clock.advance(60_000);
    await tick(h);
    for (const g of [g0!, g1!]) expect(mediaGroupCalls(g.id)).toHaveLength(0);
    expect(await h.app.deps.prisma.relayMessage.count({ where: { mediaGroupId: { not: null }, state: "relayed" } })).toBe(0);
  });

  it("an album of 3 photos arrives in the other groups as one album each: header caption, replying to the card, counted as 3 sends", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1, 2] });
    const [g0, g1, g2, g3] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const sent = await postAlbum(ani, g0!, t.card.get(g0!.id)!, [{ kind: "photo", caption: "Foto kerja bakti" }, { kind: "photo" }, { kind: "photo" }]);
    await h.flush();
    // Nothing goes out item by item while the album gathers.
    for (const g of [g1!, g2!]) expect(h.fake.sent(g.id).filter((m) => m.photo)).toHaveLength(0);
    const ledgerBefore = await h.app.deps.prisma.relaySend.count({ where: { chatId: BigInt(g1!.id) } });
    await gathered();
    // Three sends right after the card exceed a group's burst: the album waits whole for its slots.
    h.clock.advance(10_000);
    await tick(h);
    const fileIds = sent.map((u) => u.message!.photo!.at(-1)!.file_id);
    for (const g of [g1!, g2!]) {
      expect(mediaGroupCalls(g.id)).toHaveLength(1);
      expect(h.fake.callsTo("copyMessage").filter((c) => Number(c.params.chat_id) === g.id)).toHaveLength(0);
      const album = albumIn(g.id);
      expect(album).toHaveLength(3);
      expect(new Set(album.map((m) => m.media_group_id)).size).toBe(1);
      expect(album.map((m) => m.photo!.at(-1)!.file_id)).toEqual(fileIds);
      expect(album[0]!.caption).toBe("Ani · Desa Sukajaya\nFoto kerja bakti");
      expect(album.slice(1).map((m) => m.caption)).toEqual([undefined, undefined]);
      expect(repliesTo(album[0]!)).toBe(t.card.get(g.id));
      expect(await h.app.deps.prisma.relaySend.count({ where: { chatId: BigInt(g.id) } })).toBe(ledgerBefore + 3);
    }
    // Not back into the author's group, nor to a village outside the topic.
    expect(mediaGroupCalls(g0!.id)).toHaveLength(0);
    expect(mediaGroupCalls(g3!.id)).toHaveLength(0);
    // Each item is stored (transcripts, moderation), none still pending.
    const rows = await h.app.deps.prisma.relayMessage.findMany({ orderBy: { sourceMessageId: "asc" } });
    expect(rows.map((r) => [r.kind, r.albumPending])).toEqual([["photo", false], ["photo", false], ["photo", false]]);
    // Answering the album's copy answers the album's first item.
    const budi = await f.resident(1, "Budi");
    await replyIn(h, budi, g1!, albumIn(g1!.id)[0]!.message_id, "Bagus sekali");
    await h.flush();
    expect(repliesTo(copyIn(h, g0!.id, "Bagus sekali"))).toBe(sent[0]!.message!.message_id);
  });

  it("the album survives a restart between its items and the send, and a late duplicate update changes nothing", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1] });
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const updates = h.fake.updates.album(ani, g0!, [{ kind: "photo", caption: "Sebelum" }, { kind: "video" }], { replyTo: t.card.get(g0!.id)! });
    await h.send(updates[0]!);
    await h.restart();
    await h.send(updates[1]!);
    await gathered();
    await h.send(updates[1]!);
    await gathered();
    expect(mediaGroupCalls(g1!.id)).toHaveLength(1);
    expect(albumIn(g1!.id).map((m) => (m.photo ? "photo" : "video"))).toEqual(["photo", "video"]);
  });

  it("a caption edit of the album's first item reaches its copy in every group", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1, 2] });
    const [g0, g1, g2] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const sent = await postAlbum(ani, g0!, t.card.get(g0!.id)!, [{ kind: "photo", caption: "Jalan rusak" }, { kind: "photo" }]);
    await gathered();
    h.clock.advance(20_000);
    const first = sent[0]!.message!;
    await h.send(h.fake.updates.edit(ani, g0!, first.message_id, "Jalan rusak parah"));
    await tick(h);
    for (const g of [g1!, g2!]) {
      const edits = h.fake.callsTo("editMessageCaption").filter((c) => Number(c.params.chat_id) === g.id);
      expect(edits).toHaveLength(1);
      expect(edits[0]!.params.message_id).toBe(albumIn(g.id)[0]!.message_id);
      expect(edits[0]!.params.caption).toBe("Ani · Desa Sukajaya\nJalan rusak parah");
    }
  });

  it("a caption edit of a later item reaches that item in each group's album, even when other messages landed between the album's", async () => {
    h.fake.albumGap = 2;
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1, 2] });
    const [g0, g1, g2] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const sent = await postAlbum(ani, g0!, t.card.get(g0!.id)!, [{ kind: "photo", caption: "Depan" }, { kind: "photo", caption: "Samping" }]);
    await gathered();
    h.clock.advance(20_000);
    await h.send(h.fake.updates.edit(ani, g0!, sent[1]!.message!.message_id, "Samping kiri"));
    await tick(h);
    for (const g of [g1!, g2!]) {
      const album = albumIn(g.id);
      expect(album.map((m) => m.caption)).toEqual(["Ani · Desa Sukajaya\nDepan", "Samping kiri"]);
      const edits = h.fake.callsTo("editMessageCaption").filter((c) => Number(c.params.chat_id) === g.id);
      expect(edits.map((e) => e.params.message_id)).toEqual([album[1]!.message_id]);
    }
  });

  it("/sembunyikan answering an album's copy removes the whole album everywhere, other messages between its items untouched; a resident's changes nothing", async () => {
    h.fake.albumGap = 1;
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1, 2] });
    const [g0, g1, g2] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const budi = await f.resident(1, "Budi");
    const mod = await f.person("moderator", 1, "Moderator");
    await postAlbum(ani, g0!, t.card.get(g0!.id)!, [{ kind: "photo", caption: "Foto" }, { kind: "photo" }, { kind: "video" }]);
    await gathered();
    h.clock.advance(10_000);
    await tick(h);
    const ids = (g: Chat) => albumIn(g.id).map((m) => m.message_id);
    const before = { g1: ids(g1!), g2: ids(g2!) };
    expect(before.g1).toHaveLength(3);
    expect(before.g1[1]! - before.g1[0]!).toBe(2); // not numbered one after another
    await h.send(h.fake.updates.command(budi, g1!, "sembunyikan", undefined, { replyTo: before.g1[0]! }));
    await h.flush();
    expect(ids(g1!)).toEqual(before.g1);
    await h.send(h.fake.updates.command(mod, g1!, "sembunyikan", undefined, { replyTo: before.g1[0]! }));
    await h.flush();
    const deleted = (g: Chat) =>
      h.fake
        .callsTo("deleteMessage")
        .filter((c) => Number(c.params.chat_id) === g.id)
        .map((c) => Number(c.params.message_id))
        .sort((a, b) => a - b);
    expect(deleted(g1!)).toEqual(expect.arrayContaining(before.g1));
    expect(deleted(g2!)).toEqual(before.g2);
    for (const g of [g1!, g2!]) expect(albumIn(g.id).map((m) => !!(m as { deleted?: boolean }).deleted)).toEqual([true, true, true]);
    const rows = await h.app.deps.prisma.relayMessage.findMany();
    expect(rows.map((r) => r.state)).toEqual(["hidden", "hidden", "hidden"]);
  });

  it("slow mode takes an album as one message; an item hidden before the album goes out stays out", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1] });
    await h.app.deps.prisma.topic.update({ where: { id: t.id }, data: { slowModeSeconds: 60 } });
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const mod = await f.person("moderator", 0, "Moderator");
    const sent = await postAlbum(ani, g0!, t.card.get(g0!.id)!, [{ kind: "photo", caption: "Tiga foto" }, { kind: "photo" }, { kind: "photo" }]);
    await h.send(h.fake.updates.command(mod, g0!, "sembunyikan", undefined, { replyTo: sent[2]!.message!.message_id }));
    await gathered();
    expect(albumIn(g1!.id)).toHaveLength(2);
    expect(albumIn(g1!.id)[0]!.caption).toBe("Ani · Desa Sukajaya\nTiga foto");
    // A second album within the minute is held back by slow mode, as a second message would be.
    h.clock.advance(10_000);
    await postAlbum(ani, g0!, t.card.get(g0!.id)!, [{ kind: "photo", caption: "Lagi" }, { kind: "photo" }]);
    await gathered();
    expect(mediaGroupCalls(g1!.id)).toHaveLength(1);
  });

  it("a single photo still relays as before: a copy with the header in its caption", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1] });
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    await h.send(h.fake.updates.photo(ani, g0!, { caption: "Satu foto", replyTo: t.card.get(g0!.id)! }));
    await h.flush();
    expect(mediaGroupCalls(g1!.id)).toHaveLength(0);
    const copies = copiesIn(h, g1!.id, "Satu foto");
    expect(copies).toHaveLength(1);
    expect(copies[0]!.caption).toBe("Ani · Desa Sukajaya\nSatu foto");
    expect(repliesTo(copies[0]!)).toBe(t.card.get(g1!.id));
  });
});

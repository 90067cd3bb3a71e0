import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Chat, User } from "grammy/types";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, lastText, texts, type ForumFixture } from "../support/world.js";
import { aTopic, copiesIn, copyIn, replyIn, tick, type TopicFixture } from "../support/discussion.js";

// An edit of a relayed message rewrites a copy in every group: it follows the rules of a new
// message (mute, slow mode, the group's pace) and rapid edits merge into one per copy.
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

/** The edits the bot made to one message in one chat, in order (text or caption). */
function editsOf(hh: Harness, chatId: number, messageId: number): string[] {
  return hh.fake
    .callsTo(["editMessageText", "editMessageCaption"])
    .filter((c) => c.ok && Number(c.params.chat_id) === chatId && Number(c.params.message_id) === messageId)
    .map((c) => String(c.params.text ?? c.params.caption));
}

async function edit(hh: Harness, user: User, group: Chat, messageId: number, text: string) {
  await hh.send(hh.fake.updates.edit(user, group, messageId, text));
}

async function topicWithMessage(f: ForumFixture, text: string): Promise<{ t: TopicFixture; ani: User; g0: Chat; others: Chat[]; msg: number }> {
  const t = await aTopic(h, f);
  const [g0, ...others] = f.villages.map((v) => v.group);
  const ani = await f.resident(0, "Ani");
  const msg = await replyIn(h, ani, g0!, t.card.get(g0!.id)!, text);
  await h.flush();
  return { t, ani, g0: g0!, others, msg };
}

describe("who may edit", () => {
  it("a muted person's edit of an earlier message changes nothing anywhere, and they are told privately why, once", async () => {
    const f = await aForum(h);
    const { ani, g0, others, msg } = await topicWithMessage(f, "Pesan awal yang sopan");
    const mod = await f.person("moderator", 1, "Moderator");
    await h.send(h.fake.updates.command(mod, others[0]!, "bisukan", "2 jam berkata kasar", { replyTo: copyIn(h, others[0]!.id, "Pesan awal").message_id }));
    await h.flush();
    const toldAtMute = texts(h, ani.id).length;

    h.clock.advance(11 * 60_000); // past the quiet period after the mute notice
    await edit(h, ani, g0, msg, "Pesan diubah jadi kasar");
    await edit(h, ani, g0, msg, "Pesan diubah jadi kasar sekali");
    h.clock.advance(60_000);
    await tick(h);

    for (const g of others) {
      expect(copiesIn(h, g.id, "diubah")).toHaveLength(0);
      expect(copyIn(h, g.id, "Pesan awal").text).toBe("Ani · Desa Sukajaya\nPesan awal yang sopan");
    }
    expect(h.fake.callsTo(["editMessageText", "editMessageCaption"])).toHaveLength(0);
    expect((await h.app.deps.prisma.relayMessage.findFirstOrThrow({ where: { sourceMessageId: msg } })).text).toBe("Pesan awal yang sopan");
    const notices = texts(h, ani.id).slice(toldAtMute);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("Perubahan pesan Bapak/Ibu tidak diteruskan ke grup lain");
    expect(notices[0]).toContain("berkata kasar");
    // A new message right after brings no second notice either: one throttle for both.
    await replyIn(h, ani, g0, msg, "Pesan baru saat dibisukan");
    await h.flush();
    expect(texts(h, ani.id).slice(toldAtMute)).toHaveLength(1);
  });

  it("an edit update naming someone else's relayed message (forged sender) changes nothing", async () => {
    const f = await aForum(h);
    const { ani, g0, others, msg } = await topicWithMessage(f, "Usulan asli");
    const budi = await f.resident(0, "Budi");
    h.clock.advance(20_000);
    const real = h.fake.updates.edit(ani, g0, msg, "Usulan dipalsukan");
    const forged = { update_id: h.fake.nextUpdate(), edited_message: { ...real.edited_message!, from: budi } };
    await h.send(forged);
    h.clock.advance(20_000);
    await h.flush();
    expect(h.fake.callsTo(["editMessageText", "editMessageCaption"])).toHaveLength(0);
    for (const g of others) expect(copyIn(h, g.id, "Usulan").text).toBe("Ani · Desa Sukajaya\nUsulan asli");
  });
});

describe("rapid edits", () => {
  it("30 edits of one message, one a second: each copy is edited only a few times and ends with the latest text", async () => {
    const f = await aForum(h, { villages: 17 });
    const { ani, g0, others, msg } = await topicWithMessage(f, "Versi 0");
    for (let i = 1; i <= 30; i++) {
      h.clock.advance(1_000);
      await edit(h, ani, g0, msg, `Versi ${i}`);
      await h.flush(); // a running worker sends whatever falls due
    }
    h.clock.advance(60_000);
    await tick(h);

    const perCopy: number[] = [];
    for (const g of others) {
      const copy = copyIn(h, g.id, "Versi");
      const edits = editsOf(h, g.id, copy.message_id);
      perCopy.push(edits.length);
      expect(copy.text).toMatch(/^Ani · Desa \S+\nVersi 30$/);
      expect(edits.at(-1)).toMatch(/\nVersi 30$/);
    }
    // Edits of one message go out at most every 15 s: 30 edits over 30 s make 3 per copy.
    expect(Math.max(...perCopy)).toBeLessThanOrEqual(3);
    expect(h.fake.callsTo("editMessageText").every((c) => c.ok)).toBe(true);
    console.info(`[edits] 30 edits one a second → edits per copy: min ${Math.min(...perCopy)}, max ${Math.max(...perCopy)} over ${others.length} copies`);
  }, 120_000);

  it("30 edits at once: one edit per copy carries the last text; nothing is sent twice", async () => {
    const f = await aForum(h);
    const { ani, g0, others, msg } = await topicWithMessage(f, "Draf 0");
    h.clock.advance(1_000);
    for (let i = 1; i <= 30; i++) await edit(h, ani, g0, msg, `Draf ${i}`);
    await h.flush();
    h.clock.advance(30_000);
    await tick(h);
    for (const g of others) {
      const copy = copyIn(h, g.id, "Draf");
      // The first went out at once (room in the group), the other 29 merged into one waiting edit.
      expect(editsOf(h, g.id, copy.message_id).map((t) => t.split("\n")[1])).toEqual(["Draf 1", "Draf 30"]);
      expect(copiesIn(h, g.id, "Draf")).toHaveLength(1);
    }
    const edits = await h.app.deps.prisma.delivery.findMany({ where: { ownerKind: "discussion.relay#edit" } });
    expect(edits.filter((e) => e.state === "sent")).toHaveLength(2 * others.length);
    expect(edits.filter((e) => e.state !== "sent")).toHaveLength(0);
  });

  it("an edit of a copy still waiting in the queue is not lost: the copy goes out, then the edit", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, ...others] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const msg = await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Jalan rusak 100 meter");
    // Nothing sent yet: the copies wait in the queue when the author corrects the message.
    await edit(h, ani, g0!, msg, "Jalan rusak 200 meter");
    await h.flush();
    for (const g of others) {
      expect(copiesIn(h, g.id, "Jalan rusak")).toHaveLength(1);
      expect(copyIn(h, g.id, "Jalan rusak").text).toBe("Ani · Desa Sukajaya\nJalan rusak 200 meter");
    }
  });
});

describe("slow mode", () => {
  it("an edit waits until the author may change something again; edits meanwhile merge, and the author is told once", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { title: "Jadwal ronda" });
    await h.app.deps.prisma.topic.update({ where: { id: t.id }, data: { slowModeSeconds: 60 } });
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const msg = await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Ronda malam Senin");
    await h.flush();
    const copy = copyIn(h, g1!.id, "Ronda").message_id;

    h.clock.advance(10_000);
    await edit(h, ani, g0!, msg, "Ronda malam Selasa");
    expect(lastText(h, ani.id)).toContain("Mode lambat aktif di topik “Jadwal ronda”");
    expect(lastText(h, ani.id)).toContain("50 detik lagi");
    const told = texts(h, ani.id).length;
    h.clock.advance(10_000);
    await edit(h, ani, g0!, msg, "Ronda malam Rabu");
    h.clock.advance(30_000);
    await tick(h);
    expect(editsOf(h, g1!.id, copy)).toEqual([]); // 50 s after the message: still held
    expect(texts(h, ani.id)).toHaveLength(told); // merged: no second notice

    h.clock.advance(11_000); // 61 s after the message
    await tick(h);
    expect(editsOf(h, g1!.id, copy).map((x) => x.split("\n")[1])).toEqual(["Ronda malam Rabu"]);

    // The next change waits a whole interval after that one went out (60 s after the message).
    h.clock.advance(4_000);
    await edit(h, ani, g0!, msg, "Ronda malam Kamis");
    expect(lastText(h, ani.id)).toContain("55 detik lagi");
    h.clock.advance(54_000);
    await tick(h);
    expect(editsOf(h, g1!.id, copy)).toHaveLength(1);
    h.clock.advance(1_000);
    await tick(h);
    expect(editsOf(h, g1!.id, copy).map((x) => x.split("\n")[1])).toEqual(["Ronda malam Rabu", "Ronda malam Kamis"]);
  });
});

describe("within Telegram's limits", () => {
  let lh: Harness;
  beforeAll(async () => {
    // The fake refuses (429) a 21st message or edit to a group within a minute of the bot's clock.
    lh = await createHarness({ fake: { rateLimits: { enabled: true, clock: "fake", countEdits: true } } });
  });
  afterAll(async () => lh?.close());

  it("a busy topic where one person edits every second: messages and edits together never pass 20 a minute in any group, and nothing is lost", async () => {
    await lh.reset();
    const f = await aForum(lh, { villages: 6 });
    const saved = h;
    h = lh; // the helpers above use `h`
    try {
      const t = await aTopic(lh, f);
      const groups = f.villages.map((v) => v.group);
      const people = await Promise.all(f.villages.map((_, i) => f.resident(i, `Warga${i + 1}`)));
      const ani = await f.resident(0, "Ani");
      const msg = await replyIn(lh, ani, groups[0]!, t.card.get(groups[0]!.id)!, "Edit 0");
      let posted = 0;
      for (let s = 1; s <= 120; s++) {
        lh.clock.advance(1_000);
        await edit(lh, ani, groups[0]!, msg, `Edit ${s}`);
        if (s % 3 === 0) {
          const v = posted % groups.length;
          await replyIn(lh, people[v]!, groups[v]!, t.card.get(groups[v]!.id)!, `Usulan #${posted}# warga`);
          posted++;
        }
        await tick(lh);
      }
      for (let k = 0; k < 18; k++) {
        lh.clock.advance(10_000);
        await tick(lh);
      }

      expect(lh.fake.stats.tooManyRequests).toBe(0);
      const perMinute = groups.map((g) => lh.fake.maxInWindow(g.id, 60_000));
      for (const n of perMinute) expect(n).toBeLessThanOrEqual(20);
      for (const [gi, g] of groups.entries()) {
        const shown = lh.fake.sent(g.id).filter((m) => !m.deleted).map((m) => (m.text ?? m.caption ?? "") as string);
        for (let i = 0; i < posted; i++) expect(shown.filter((s) => s.includes(`#${i}#`)).length, `message ${i} in group ${gi}`).toBe(i % groups.length === gi ? 0 : 1);
        if (gi > 0) expect(copyIn(lh, g.id, "Edit ").text).toMatch(/\nEdit 120$/);
      }
      const edits = lh.fake.callsTo("editMessageText").filter((c) => c.ok && Number(c.params.chat_id) === groups[1]!.id);
      console.info(`[edits] 120 edits + ${posted} messages in 2 min: max sends+edits per group per minute ${Math.max(...perMinute)}, edits to one group ${edits.length}`);
    } finally {
      h = saved;
    }
  }, 240_000);
});

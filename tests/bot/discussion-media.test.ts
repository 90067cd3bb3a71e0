import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import type { User } from "grammy/types";
import { aForum, lastText, press, say, type ForumFixture } from "../support/world.js";
import { aTopic, copiesIn, repliesTo, tick } from "../support/discussion.js";

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

describe("relaying video notes", () => {
  it("a video note in a topic reaches every other group as a video note, after a header line naming the author", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1, 2] });
    const [g0, g1, g2] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const sent = h.fake.updates.videoNote(ani, g0!, { replyTo: t.card.get(g0!.id)! });
    await h.send(sent);
    await h.flush();
    for (const g of [g1!, g2!]) {
      const got = h.fake.sent(g.id).slice(1);
      expect(got.map((m) => ("video_note" in m ? "video_note" : "text"))).toEqual(["text", "video_note"]);
      expect(got[0]!.text).toBe("Ani · Desa Sukajaya");
      expect(repliesTo(got[0]!)).toBe(t.card.get(g.id));
      expect(got[1]!.video_note!.file_id).toBe(sent.message!.video_note!.file_id);
    }
    // Not sent back into the author's own group, nor to a village outside the topic.
    expect(h.fake.sent(g0!.id).filter((m) => "video_note" in m)).toHaveLength(0);
    expect(h.fake.sent(f.villages[3]!.group.id).filter((m) => "video_note" in m)).toHaveLength(0);
    expect(await h.app.deps.prisma.relayMessage.count({ where: { kind: "video_note" } })).toBe(1);
  });
});

/** A second group of village 0, linked after the topic opened. */
async function aLateGroup(f: ForumFixture, title = "Warga Sukajaya RW 2") {
  const group = h.fake.addGroup({ title, members: [f.admin.id] });
  const link = await h.app.deps.prisma.chatLink.create({ data: { forumId: f.id, villageId: f.villages[0]!.id, telegramChatId: BigInt(group.id), title, kind: "village_group" } });
  return { group, link };
}

async function pressData(u: User, data: string) {
  await say(h, u, "/start");
  await h.send(h.fake.updates.callback(u, u.id, h.fake.sent(u.id).at(-1)!.message_id, data));
  return h.fake.callsTo("answerCallbackQuery").at(-1)!.params as { text?: string };
}

describe("a group linked after a topic opened", () => {
  it("joins the open topic when the admin chooses it: the card is posted there and relay works both ways", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1] });
    const { group } = await aLateGroup(f);
    expect(h.fake.sent(group.id)).toHaveLength(0);

    await pressData(f.admin, `dtv:${t.id}`);
    await press(h, f.admin, f.admin.id, "Grup baru ikut (1)");
    expect(lastText(h, f.admin.id)).toContain("terhubung setelah topik");
    await press(h, f.admin, f.admin.id, "Warga Sukajaya RW 2");
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("Warga Sukajaya RW 2 ikut topik");
    expect(lastText(h, f.admin.id)).toContain("Semua grup desa peserta sudah ikut");
    await h.flush();
    const card = h.fake.sent(group.id).find((m) => m.text?.includes(t.title))!;
    expect(card).toBeDefined();
    expect((await h.app.deps.prisma.auditLog.findMany({ where: { action: "discussion.join" } })).map((a) => a.target)).toEqual([`topic:${t.id}`]);

    // A resident there writes under the card: the other groups get it; and the other way round.
    const ani = await f.resident(0, "Ani");
    h.fake.setMember(group.id, ani.id, "member");
    await h.send(h.fake.updates.text(ani, group, "Jalan di RW 2 juga rusak.", { replyTo: card.message_id }));
    await tick(h);
    expect(copiesIn(h, f.villages[1]!.group.id, "Jalan di RW 2 juga rusak.")).toHaveLength(1);
    expect(copiesIn(h, f.villages[0]!.group.id, "Jalan di RW 2 juga rusak.")).toHaveLength(1);
    const budi = await f.resident(1, "Budi");
    h.clock.advance(10_000);
    await h.send(h.fake.updates.text(budi, f.villages[1]!.group, "Kita usulkan bersama.", { replyTo: t.card.get(f.villages[1]!.group.id)! }));
    await tick(h);
    expect(copiesIn(h, group.id, "Kita usulkan bersama.")).toHaveLength(1);
    // A village outside the topic is not offered.
    const outside = h.fake.addGroup({ title: "Warga Mulyo Asri 2", members: [f.admin.id] });
    await h.app.deps.prisma.chatLink.create({ data: { forumId: f.id, villageId: f.villages[4]!.id, telegramChatId: BigInt(outside.id), title: "Warga Mulyo Asri 2", kind: "village_group" } });
    expect((await pressData(f.admin, `dtj:${t.id}`)).text).toBeUndefined();
    expect(lastText(h, f.admin.id)).toContain("sudah ikut");
  });

  it("refuses a resident, another village's perangkat, another forum's admin, a stranger and forged buttons", async () => {
    const f = await aForum(h);
    const g = await aForum(h, { villages: ["Jati"] });
    const t = await aTopic(h, f, { villages: [0, 1] });
    const { group, link } = await aLateGroup(f);
    const callers = [await f.resident(0, "Ani"), await f.official(1, "Joko"), g.admin, h.fake.addUser({ first_name: "Asing" })];
    for (const u of callers) {
      for (const data of [`dtj:${t.id}`, `dtg:${t.id}:${link.id}`]) {
        expect((await pressData(u, data)).text, `${u.first_name} ${data}`).toMatch(/tidak ditemukan|Hanya moderator/);
      }
    }
    // Another forum's group, forged into the button: refused.
    const other = await h.app.deps.prisma.chatLink.findFirstOrThrow({ where: { forumId: g.id } });
    expect((await pressData(f.admin, `dtg:${t.id}:${other.id}`)).text).toContain("tidak dapat ikut topik ini");
    await h.flush();
    expect(h.fake.sent(group.id)).toHaveLength(0);
    expect(await h.app.deps.prisma.topicChat.count({ where: { topicId: t.id } })).toBe(2);
  });
});

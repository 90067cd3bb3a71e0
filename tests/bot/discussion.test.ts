import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { aTopic, copiesIn, copyIn, maxPerMinute, openTopicByChat, replyIn, repliesTo, tick } from "../support/discussion.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

const groupIds = (f: { villages: Array<{ group: { id: number } }> }) => f.villages.map((v) => v.group.id);

describe("opening a topic", () => {
  it("an official opens a topic with /topik in a private chat and its card reaches every village group", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await say(h, budi, "/topik");
    expect(lastText(h, budi.id)).toContain("Belum ada topik");
    await press(h, budi, budi.id, "Topik baru");
    expect(lastText(h, budi.id)).toContain("judul topiknya");
    await say(h, budi, "Perbaikan jalan <desa> & jembatan");
    await say(h, budi, "Jalan penghubung rusak sejak musim hujan. Mohon usulan warga.");
    await press(h, budi, budi.id, "Semua desa");
    await press(h, budi, budi.id, "Tanpa batas");
    const all = texts(h, budi.id);
    expect(all.join("\n")).toContain("Pratinjau kartu topik");
    expect(all.at(-2)).toContain("Perbaikan jalan <desa> & jembatan");
    expect(lastText(h, budi.id)).toContain("5 grup");
    expect(groupIds(f).every((g) => h.fake.sent(g).length === 0)).toBe(true);

    await press(h, budi, budi.id, "Kirim");
    await h.flush();
    expect(lastText(h, budi.id)).toContain("dibuka di 5 grup");
    for (const g of groupIds(f)) {
      const card = lastText(h, g);
      expect(card).toContain("Diskusi antardesa");
      expect(card).toContain("Perbaikan jalan <desa> & jembatan");
      expect(card).toContain("Balas pesan ini");
    }
    const topic = await h.app.deps.prisma.topic.findFirstOrThrow();
    expect(topic.forumId).toBe(f.id);
    expect(await h.app.deps.prisma.topicChat.count({ where: { topicId: topic.id } })).toBe(5);
  });

  it("a topic for chosen villages reaches only their groups, and an end date is shown", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/topik");
    await press(h, f.admin, f.admin.id, "Topik baru");
    await say(h, f.admin, "Air bersih");
    await say(h, f.admin, "Pembagian sumur bor.");
    await press(h, f.admin, f.admin.id, "Pilih desa");
    await press(h, f.admin, f.admin.id, "Sukajaya");
    await press(h, f.admin, f.admin.id, "Bangunrejo");
    await press(h, f.admin, f.admin.id, "Selesai");
    await press(h, f.admin, f.admin.id, "Tentukan waktu");
    await say(h, f.admin, "kemarin");
    expect(lastText(h, f.admin.id)).toMatch(/jamnya|tidak saya pahami|sudah lewat/);
    await say(h, f.admin, "7 Desember 2026 09.00");
    expect(lastText(h, f.admin.id)).toContain("Senin, 7 Desember 2026 pukul 09.00 WIB — benar?");
    await press(h, f.admin, f.admin.id, "Benar");
    expect(lastText(h, f.admin.id)).toContain("2 grup");
    await press(h, f.admin, f.admin.id, "Kirim");
    await h.flush();
    const [g0, g1, g2] = groupIds(f);
    expect(lastText(h, g0!)).toContain("Air bersih");
    expect(lastText(h, g0!)).toContain("Senin, 7 Desember 2026 pukul 09.00 WIB");
    expect(lastText(h, g0!)).toContain("Bangunrejo, Sukajaya");
    expect(lastText(h, g2!)).toContain("Air bersih");
    expect(h.fake.sent(g1!)).toHaveLength(0);
  });

  it("a resident cannot open a topic", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0, "Tono");
    await say(h, warga, "/topik");
    expect(buttons(h, warga.id).map((b) => b.text).join()).not.toContain("Topik baru");
    expect(await h.app.deps.prisma.topic.count()).toBe(0);
  });
});

describe("relaying replies", () => {
  it("a reply to the card reaches every other group at once, headed with name and village, answering that group's card", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const ani = await f.resident(0, "Ani");
    const [g0, ...others] = f.villages.map((v) => v.group);
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Jalan di RT 03 berlubang besar.");
    await h.flush();
    for (const g of others) {
      const copy = copyIn(h, g.id, "RT 03 berlubang");
      expect(copy.text).toBe("Ani · Desa Sukajaya\nJalan di RT 03 berlubang besar.");
      expect(repliesTo(copy)).toBe(t.card.get(g.id));
    }
    expect(copiesIn(h, g0!.id, "RT 03")).toHaveLength(0);
    // Nothing waited: no flush job was needed.
    expect(await h.app.deps.prisma.relayDigestItem.count()).toBe(0);
  });

  it("replies to replies thread to each group's copy of the message answered", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, g1, g2] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const budi = await f.resident(1, "Budi");
    const sari = await f.resident(2, "Sari");
    const aniMsg = await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Usul: gotong royong Sabtu.");
    await h.flush();
    const aniInG1 = copyIn(h, g1!.id, "gotong royong");
    const budiMsg = await replyIn(h, budi, g1!, aniInG1.message_id, "Setuju, kami bawa semen.");
    await h.flush();
    // In Ani's own group Budi's copy answers Ani's original; elsewhere it answers Ani's copy.
    expect(repliesTo(copyIn(h, g0!.id, "bawa semen"))).toBe(aniMsg);
    expect(repliesTo(copyIn(h, g2!.id, "bawa semen"))).toBe(copyIn(h, g2!.id, "gotong royong").message_id);
    // A reply to a reply to a reply.
    await replyIn(h, sari, g2!, copyIn(h, g2!.id, "bawa semen").message_id, "Kami siapkan konsumsi.");
    await h.flush();
    expect(repliesTo(copyIn(h, g1!.id, "konsumsi"))).toBe(budiMsg);
    expect(repliesTo(copyIn(h, g0!.id, "konsumsi"))).toBe(copyIn(h, g0!.id, "bawa semen").message_id);
    const stored = await h.app.deps.prisma.relayMessage.findMany({ orderBy: { id: "asc" } });
    expect(stored.map((r) => r.replyToId)).toEqual([null, stored[0]!.id, stored[1]!.id]);
  });

  it("messages that are not replies within a topic stay in their own group", async () => {
    const f = await aForum(h);
    await aTopic(h, f);
    const g0 = f.villages[0]!.group;
    const ani = await f.resident(0, "Ani");
    const before = f.villages.map((v) => h.fake.sent(v.group.id).length);
    // Local chatter (the bot does not even see it with privacy mode) and a reply to a local message.
    const local = h.fake.updates.text(ani, g0, "Besok arisan di rumah Bu RT.");
    await h.send(local);
    await h.send(h.fake.updates.text(ani, g0, "Jam berapa?", { replyTo: local.message!.message_id }));
    // A reply to another bot message that is not part of a topic.
    const other = await h.app.bot.api.sendMessage(g0.id, "Pesan lain dari bot");
    await h.send(h.fake.updates.text(ani, g0, "Baik", { replyTo: other.message_id }));
    await h.flush();
    expect(f.villages.map((v) => h.fake.sent(v.group.id).length)).toEqual(before.map((n, i) => (i === 0 ? n + 1 : n)));
    expect(await h.app.deps.prisma.relayMessage.count()).toBe(0);
  });

  it("each media kind is relayed: captions carry the header, stickers and animations get a header line first", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const card = t.card.get(g0!.id)!;
    const sends = [
      h.fake.updates.photo(ani, g0!, { caption: "Foto jalan", replyTo: card }),
      h.fake.updates.video(ani, g0!, { caption: "Video banjir", replyTo: card }),
      h.fake.updates.voice(ani, g0!, { replyTo: card }),
      h.fake.updates.document(ani, g0!, { file_name: "proposal.pdf", caption: "Proposal", replyTo: card }),
      h.fake.updates.audio(ani, g0!, { replyTo: card }),
      h.fake.updates.location(ani, g0!, { latitude: -4.95, longitude: 105.25, replyTo: card }),
      h.fake.updates.sticker(ani, g0!, { replyTo: card }),
      h.fake.updates.animation(ani, g0!, { replyTo: card }),
    ];
    // Ten seconds apart, so the group's pacing (3 per 10 s) lets each one through at once.
    for (const u of sends) {
      await h.send(u);
      h.clock.advance(10_000);
    }
    await h.flush();
    const got = h.fake.sent(g1!.id).slice(1); // after the card
    const kinds = got.map((m) => ["photo", "video", "voice", "animation", "document", "audio", "location", "sticker"].find((k) => k in m) ?? "text");
    expect(kinds).toEqual(["photo", "video", "voice", "document", "audio", "text", "location", "text", "sticker", "text", "animation"]);
    expect(got[0]!.caption).toBe("Ani · Desa Sukajaya\nFoto jalan");
    expect(got[2]!.caption).toBe("Ani · Desa Sukajaya");
    expect(got[5]!.text).toBe("Ani · Desa Sukajaya");
    expect(repliesTo(got[5]!)).toBe(t.card.get(g1!.id));
    expect(got[6]!.location).toMatchObject({ latitude: -4.95, longitude: 105.25 });
    // The same in every other group, and every copy went through the outbox.
    for (const v of f.villages.slice(2)) expect(h.fake.sent(v.group.id).slice(1).map((m) => m.caption ?? m.text ?? "")).toEqual(got.map((m) => m.caption ?? m.text ?? ""));
    expect(await h.app.deps.prisma.delivery.count({ where: { ownerKind: "discussion.relay", state: "sent" } })).toBe(11 * 4);
  });

  it("user text is never read as markup: tags, entities and markdown arrive exactly as typed", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, g1] = f.villages.map((v) => v.group);
    const eve = h.fake.addUser({ first_name: "<b>Eve</b> & *co*" });
    const nasty = `<b>tebal</b> <a href="http://x.example">klik</a> &amp; &lt; *bintang* _miring_ [tautan](http://y) \`kode\``;
    await replyIn(h, eve, g0!, t.card.get(g0!.id)!, nasty);
    await h.send(h.fake.updates.photo(eve, g0!, { caption: "<i>x</i> &", replyTo: t.card.get(g0!.id)! }));
    await h.flush();
    for (const v of f.villages.slice(1)) {
      const copy = copyIn(h, v.group.id, "tebal");
      expect(copy.text).toBe(`<b>Eve</b> & *co* · Desa Sukajaya\n${nasty}`);
      expect(copy.entities?.map((e) => e.type)).toEqual(["bold"]);
      expect(copyIn(h, v.group.id, "<i>x</i>").caption).toBe("<b>Eve</b> & *co* · Desa Sukajaya\n<i>x</i> &");
    }
    const calls = h.fake.callsTo(["sendMessage", "copyMessage"]).filter((c) => c.params.chat_id === g1!.id);
    expect(calls.every((c) => c.params.parse_mode === undefined)).toBe(false); // the card is HTML
    expect(calls.filter((c) => c.params.parse_mode !== undefined).every((c) => c.params.text?.includes("Diskusi antardesa"))).toBe(true);
  });

  it("the author's name links to them only when they have contacted the bot", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const t = await aTopic(h, f);
    const [g0, g1] = f.villages.map((v) => v.group);
    const known = await f.resident(0, "Ani");
    const stranger = h.fake.addUser({ first_name: "Joko" });
    await replyIn(h, known, g0!, t.card.get(g0!.id)!, "pesan satu");
    await replyIn(h, stranger, g0!, t.card.get(g0!.id)!, "pesan dua");
    await h.flush();
    expect(copyIn(h, g1!.id, "pesan satu").entities).toContainEqual(expect.objectContaining({ type: "text_mention", offset: 0, length: 3 }));
    expect(copyIn(h, g1!.id, "pesan dua").entities?.some((e) => e.type === "text_mention")).toBe(false);
  });

  it("the same update delivered twice is relayed once", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const t = await aTopic(h, f);
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const u = h.fake.updates.text(ani, g0!, "sekali saja", { replyTo: t.card.get(g0!.id)! });
    await h.send(u);
    await h.send(u);
    await h.flush();
    expect(copiesIn(h, g1!.id, "sekali saja")).toHaveLength(1);
  });
});

describe("edits", () => {
  it("an author's edit reaches every copy, for text and for captions", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, ...others] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const msg = await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Jalan rusak 100 meter");
    const photo = h.fake.updates.photo(ani, g0!, { caption: "Foto lama", replyTo: t.card.get(g0!.id)! });
    await h.send(photo);
    await h.flush();
    await h.send(h.fake.updates.edit(ani, g0!, msg, "Jalan rusak <200> meter"));
    await h.send(h.fake.updates.edit(ani, g0!, photo.message!.message_id, "Foto baru"));
    await h.flush();
    // The card and the two copies used each group's burst of 3: the edits take the next slots.
    expect(copiesIn(h, others[0]!.id, "200")).toHaveLength(0);
    h.clock.advance(8_000);
    await h.flush();
    for (const g of others) {
      expect(copiesIn(h, g.id, "100 meter")).toHaveLength(0);
      expect(copyIn(h, g.id, "200").text).toBe("Ani · Desa Sukajaya\nJalan rusak <200> meter");
      expect(copyIn(h, g.id, "Foto").caption).toBe("Ani · Desa Sukajaya\nFoto baru");
    }
    const stored = await h.app.deps.prisma.relayMessage.findFirstOrThrow({ where: { sourceMessageId: msg } });
    expect(stored.text).toBe("Jalan rusak <200> meter");
    expect(stored.editedAt).not.toBeNull();
  });
});

describe("busy topics", () => {
  it("a burst of 40 messages in a minute: every message reaches every other group, waiting ones combined into digests, none lost, never over 20 a minute", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const groups = f.villages.map((v) => v.group);
    const people = await Promise.all(f.villages.map((_, i) => f.resident(i, `Warga${i + 1}`)));
    for (let i = 0; i < 40; i++) {
      const v = i % 5;
      await replyIn(h, people[v]!, groups[v]!, t.card.get(groups[v]!.id)!, `Usulan #${i}# dari warga`);
      h.clock.advance(1_500);
      if (i % 4 === 3) await tick(h);
    }
    for (let k = 0; k < 8; k++) {
      h.clock.advance(10_000);
      await tick(h);
    }
    expect(await h.app.deps.prisma.relayDigestItem.count({ where: { digestId: null } })).toBe(0);
    for (const [gi, g] of groups.entries()) {
      const shown = h.fake.sent(g.id).filter((m) => !m.deleted).map((m) => (m.text ?? m.caption ?? "") as string);
      for (let i = 0; i < 40; i++) {
        const n = shown.filter((s) => s.includes(`#${i}#`)).length;
        expect(n, `message ${i} in group ${gi}`).toBe(i % 5 === gi ? 0 : 1);
      }
      const digests = shown.filter((s) => s.includes("pesan baru di topik"));
      expect(digests.length).toBeGreaterThan(0);
      expect(digests[0]).toMatch(/^📨 \d+ pesan baru di topik “Perbaikan jalan \d+”\n\nWarga\d · Desa /);
      expect(await maxPerMinute(h, g.id)).toBeLessThanOrEqual(20);
      // 32 messages reached this group in fewer sends than that.
      expect(shown.length - 1).toBeLessThan(32);
    }
  }, 120_000);

  it("editing or removing a message that went out in a digest rewrites that digest", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const t = await aTopic(h, f);
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await replyIn(h, ani, g0!, t.card.get(g0!.id)!, `Poin ${i}`));
    await h.flush();
    // The card and two copies used the group's 3 sends per 10 s; the rest wait for a digest.
    expect(copiesIn(h, g1!.id, "Poin")).toHaveLength(2);
    h.clock.advance(11_000);
    await tick(h);
    const digest = copyIn(h, g1!.id, "pesan baru di topik");
    expect(digest.text).toContain("3 pesan baru");
    expect(digest.text).toContain("Poin 3");
    expect(digest.text).toContain("Poin 5");
    expect(repliesTo(digest)).toBe(t.card.get(g1!.id));
    await h.send(h.fake.updates.edit(ani, g0!, ids[3]!, "Poin 4 (direvisi)"));
    await h.flush();
    expect(h.fake.message(g1!.id, digest.message_id)!.text).toContain("Poin 4 (direvisi)");
    await h.send(h.fake.updates.command(ani, g0!, "hapus", undefined, { replyTo: ids[4]! }));
    await h.flush();
    // The rewrite is a send like any other: it takes the group's next slot, a second later.
    h.clock.advance(1_000);
    await h.flush();
    const after = h.fake.message(g1!.id, digest.message_id)!.text!;
    expect(after).toContain("2 pesan baru");
    expect(after).not.toContain("Poin 5");
    // A reply to the digest answers its latest message.
    const budi = await f.resident(1, "Budi");
    await replyIn(h, budi, g1!, digest.message_id, "Tanggapan untuk poin 4");
    await h.flush();
    expect(repliesTo(copyIn(h, g0!.id, "Tanggapan"))).toBe(ids[3]);
  });
});

describe("forums and groups", () => {
  it("two forums side by side: replies never reach the other forum's groups", async () => {
    const fa = await aForum(h);
    const fb = await aForum(h, { villages: ["Alpha", "Beta", "Gamma"] });
    const ta = await aTopic(h, fa, { title: "Topik A" });
    const tb = await aTopic(h, fb, { title: "Topik B" });
    const a0 = fa.villages[0]!.group;
    const b0 = fb.villages[0]!.group;
    await replyIn(h, await fa.resident(0, "Ani"), a0, ta.card.get(a0.id)!, "pesan forum A");
    await replyIn(h, await fb.resident(0, "Bob"), b0, tb.card.get(b0.id)!, "pesan forum B");
    await h.flush();
    for (const v of fa.villages.slice(1)) expect(copiesIn(h, v.group.id, "pesan forum A")).toHaveLength(1);
    for (const v of fb.villages.slice(1)) expect(copiesIn(h, v.group.id, "pesan forum B")).toHaveLength(1);
    for (const v of fb.villages) expect(copiesIn(h, v.group.id, "forum A")).toHaveLength(0);
    for (const v of fa.villages) expect(copiesIn(h, v.group.id, "forum B")).toHaveLength(0);

    // A group of forum A is re-linked to forum B: forum A's topic no longer reaches it, and
    // replies there to A's old card go nowhere.
    const moved = fa.villages[4]!.group;
    await h.app.deps.prisma.chatLink.update({ where: { telegramChatId: BigInt(moved.id) }, data: { forumId: fb.id, villageId: fb.villages[2]!.id } });
    await replyIn(h, await fa.resident(1, "Cici"), fa.villages[1]!.group, ta.card.get(fa.villages[1]!.group.id)!, "setelah pindah");
    await replyIn(h, h.fake.addUser({ first_name: "Dodi" }), moved, ta.card.get(moved.id)!, "dari grup pindahan");
    await h.flush();
    expect(copiesIn(h, moved.id, "setelah pindah")).toHaveLength(0);
    for (const v of [...fa.villages, ...fb.villages]) expect(copiesIn(h, v.group.id, "dari grup pindahan")).toHaveLength(0);
  });

  it("a village group that becomes a supergroup keeps taking part in its topics", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo", "Bangunrejo"], groupType: "group" });
    const t = await aTopic(h, f);
    const [g0, g1, g2] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    // Telegram announces the upgrade in both chats.
    const [fromOld, fromNew] = h.fake.updates.migrate(g1!, -1009999000002);
    await h.send(fromOld);
    await h.send(fromNew);
    // Another group is upgraded silently: the first send there finds out and follows it.
    h.fake.migrateGroup(g2!.id, -1009999000003);
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Setelah upgrade");
    await h.flush();
    expect(copyIn(h, -1009999000002, "Setelah upgrade")).toBeDefined();
    expect(copyIn(h, -1009999000003, "Setelah upgrade")).toBeDefined();
    const chats = await h.app.deps.prisma.topicChat.findMany({ where: { topicId: t.id }, orderBy: { id: "asc" } });
    expect(chats.map((c) => c.chatId)).toEqual([BigInt(g0!.id), -1009999000002n, -1009999000003n]);
  });

  it("a kecamatan supergroup with forum topics gets the topic's own thread, which takes part like a village group", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const camat = h.fake.addUser({ first_name: "Sri" });
    const kec = h.fake.addGroup({ title: "Kecamatan Bangunrejo", is_forum: true, botIsAdmin: true, admins: [f.admin.id], members: [camat.id] });
    await h.app.deps.prisma.chatLink.create({ data: { forumId: f.id, villageId: null, telegramChatId: BigInt(kec.id), title: "Kecamatan", kind: "kecamatan_group", isForum: true } });
    await openTopicByChat(h, f.admin, "Jadwal posyandu");
    expect(lastText(h, f.admin.id)).toContain("utas sendiri di grup kecamatan");
    const [thread] = h.fake.topics(kec.id);
    expect(thread!.name).toBe("Jadwal posyandu");
    const card = h.fake.sent(kec.id).at(-1)!;
    expect(card.message_thread_id).toBe(thread!.message_thread_id);
    expect(card.text).toContain("Jadwal posyandu");

    // The camat writes in the thread: it reaches the village groups.
    await h.send(h.fake.updates.text(camat, kec, "Posyandu digilir tiap Rabu.", { threadId: thread!.message_thread_id }));
    await h.flush();
    const [g0, g1] = f.villages.map((v) => v.group);
    expect(copyIn(h, g0!.id, "digilir").text).toBe("Sri · Kecamatan\nPosyandu digilir tiap Rabu.");
    expect(copyIn(h, g1!.id, "digilir")).toBeDefined();
    // A village reply reaches the thread, threaded under the camat's message.
    const ani = await f.resident(0, "Ani");
    await replyIn(h, ani, g0!, copyIn(h, g0!.id, "digilir").message_id, "Setuju, mulai minggu depan.");
    await h.flush();
    const inThread = copyIn(h, kec.id, "mulai minggu depan");
    expect(inThread.message_thread_id).toBe(thread!.message_thread_id);
    expect(copyIn(h, g1!.id, "mulai minggu depan")).toBeDefined();

    const topic = await h.app.deps.prisma.topic.findFirstOrThrow();
    const { closeTopic } = await import("../../src/domain/discussion/index.js");
    const { groupRenderer } = await import("../../src/bot/features/discussion/render.js");
    await closeTopic(h.app.deps, groupRenderer(), null, { forumId: f.id, topicId: topic.id }, null);
    await h.flush();
    expect(lastText(h, kec.id)).toContain("Diskusi ditutup");
    expect(h.fake.topics(kec.id)[0]!.closed).toBe(true);
  });
});

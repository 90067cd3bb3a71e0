import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { aModeratedTopic, aTopic, copiesIn, copyIn, replyIn } from "../support/discussion.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

describe("removing messages", () => {
  it("/hapus by the author removes the message and every copy; another resident is refused", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, g1, ...rest] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const budi = await f.resident(1, "Budi");
    const msg = await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Salah ketik, maaf");
    await h.flush();
    const inG1 = copyIn(h, g1!.id, "Salah ketik");

    await h.send(h.fake.updates.command(budi, g1!, "hapus", undefined, { replyTo: inG1.message_id }));
    await h.flush();
    expect(lastText(h, budi.id)).toContain("hanya dapat menghapus pesan Bapak/Ibu sendiri");
    expect(copiesIn(h, g1!.id, "Salah ketik")).toHaveLength(1);

    await h.send(h.fake.updates.command(ani, g0!, "hapus", undefined, { replyTo: msg }));
    await h.flush();
    for (const g of [g1!, ...rest]) expect(copiesIn(h, g.id, "Salah ketik")).toHaveLength(0);
    expect(lastText(h, ani.id)).toContain("dihapus dari semua grup");
    const stored = await h.app.deps.prisma.relayMessage.findFirstOrThrow();
    expect(stored.state).toBe("deleted");
    // Nothing about it was said in the groups.
    expect(h.fake.sent(g0!.id).filter((m) => !m.deleted)).toHaveLength(1);
  });

  it("a moderator answers /sembunyikan to any copy: every copy goes and the author is told privately", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, , g2] = f.villages.map((v) => v.group);
    const mod = await f.person("moderator", undefined, "Moderator");
    h.fake.setMember(g2!.id, mod.id, "member");
    const ani = await f.resident(0, "Ani");
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Kata-kata kasar");
    await h.flush();
    await h.send(h.fake.updates.command(mod, g2!, "sembunyikan", undefined, { replyTo: copyIn(h, g2!.id, "kasar").message_id }));
    await h.flush();
    for (const v of f.villages) expect(copiesIn(h, v.group.id, "kasar")).toHaveLength(0);
    expect(lastText(h, ani.id)).toContain("disembunyikan moderator");
    expect(lastText(h, mod.id)).toContain("1 pesan");
    const stored = await h.app.deps.prisma.relayMessage.findFirstOrThrow();
    expect(stored.state).toBe("hidden");
    const audit = await h.app.deps.prisma.auditLog.findFirstOrThrow({ where: { action: "discussion.hide" } });
    expect(audit.forumId).toBe(f.id);
  });

  it("a moderator of another forum cannot hide or mute anything here", async () => {
    const fa = await aForum(h);
    const fb = await aForum(h, { villages: ["Alpha", "Beta"] });
    const t = await aTopic(h, fa);
    const [g0, g1] = fa.villages.map((v) => v.group);
    const outsider = await fb.person("moderator", undefined, "Luar");
    h.fake.setMember(g1!.id, outsider.id, "member");
    await replyIn(h, await fa.resident(0, "Ani"), g0!, t.card.get(g0!.id)!, "Pesan forum A");
    await h.flush();
    const copy = copyIn(h, g1!.id, "Pesan forum A").message_id;
    await h.send(h.fake.updates.command(outsider, g1!, "sembunyikan", undefined, { replyTo: copy }));
    await h.send(h.fake.updates.command(outsider, g1!, "bisukan", "1 hari", { replyTo: copy }));
    await h.flush();
    expect(copiesIn(h, g1!.id, "Pesan forum A")).toHaveLength(1);
    expect(await h.app.deps.prisma.discussionMute.count()).toBe(0);
    expect(texts(h, outsider.id).filter((x) => x.includes("Hanya moderator"))).toHaveLength(2);
  });

  it("a resident's /sembunyikan changes nothing", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const budi = await f.resident(1, "Budi");
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Pesan biasa");
    await h.flush();
    await h.send(h.fake.updates.command(budi, g1!, "sembunyikan", undefined, { replyTo: copyIn(h, g1!.id, "Pesan biasa").message_id }));
    await h.flush();
    expect(lastText(h, budi.id)).toContain("Hanya moderator");
    expect(copiesIn(h, g1!.id, "Pesan biasa")).toHaveLength(1);
  });
});

describe("muting", () => {
  it("/bisukan 2 jam: the person is told privately why and until when, and nothing of theirs is relayed until then", async () => {
    const { f, t, g0, g2, mod, ani, mute } = await aModeratedTopic(h);
    await mute();
    const told = lastText(h, ani.id);
    expect(told).toContain("sampai Senin, 30 November 2026 pukul 11.00 WIB");
    expect(told).toContain("berkata kasar");
    expect(lastText(h, mod.id)).toContain("Ani dibisukan di seluruh forum");

    const before = f.villages.map((v) => h.fake.sent(v.group.id).length);
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Pesan saat dibisukan");
    await h.flush();
    expect(f.villages.map((v) => h.fake.sent(v.group.id).length)).toEqual(before);
    expect(await h.app.deps.prisma.relayMessage.count()).toBe(1);

    h.clock.advance(2 * 3600_000 + 60_000);
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Pesan sesudahnya");
    await h.flush();
    expect(copyIn(h, g2!.id, "Pesan sesudahnya")).toBeDefined();
  });

  it("/bisukan without a duration offers buttons that only a moderator can use", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const [g0, g1] = f.villages.map((v) => v.group);
    const mod = await f.person("moderator", 1, "Moderator");
    const ani = await f.resident(0, "Ani");
    const budi = await f.resident(1, "Budi");
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Pesan");
    await h.flush();
    const copy = copyIn(h, g1!.id, "Pesan").message_id;

    // A resident gets no keyboard in the group, only a private answer.
    await h.send(h.fake.updates.command(budi, g1!, "bisukan", undefined, { replyTo: copy }));
    expect(lastText(h, budi.id)).toContain("Hanya moderator");
    expect(buttons(h, g1!.id)).toHaveLength(0);

    await h.send(h.fake.updates.command(mod, g1!, "bisukan", undefined, { replyTo: copy }));
    expect(lastText(h, g1!.id)).toContain("Berapa lama Ani dibisukan");
    await press(h, budi, g1!, "1 hari");
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("Hanya moderator");
    expect(await h.app.deps.prisma.discussionMute.count()).toBe(0);

    await press(h, mod, g1!, "1 hari");
    const mute = await h.app.deps.prisma.discussionMute.findFirstOrThrow();
    expect(mute.until.getTime() - h.clock.now().getTime()).toBe(24 * 3600_000);
    expect(buttons(h, g1!.id)).toHaveLength(0); // the prompt is gone

    await h.send(h.fake.updates.command(mod, g1!, "bukabisu", undefined, { replyTo: copy }));
    await h.flush();
    expect(lastText(h, ani.id)).toContain("dapat ikut berdiskusi antardesa lagi");
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Kembali lagi");
    await h.flush();
    expect(copyIn(h, g1!.id, "Kembali lagi")).toBeDefined();
  });
});

describe("slow mode, closing and ending", () => {
  it("slow mode set from /topik lets one message per person through per interval, and tells the author", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { title: "Jadwal ronda" });
    const [g0, g1] = f.villages.map((v) => v.group);
    await say(h, f.admin, "/topik");
    expect(lastText(h, f.admin.id)).toContain("Jadwal ronda");
    await press(h, f.admin, f.admin.id, "Jadwal ronda");
    await press(h, f.admin, f.admin.id, "Mode lambat");
    await press(h, f.admin, f.admin.id, "1 menit");
    expect((await h.app.deps.prisma.topic.findUniqueOrThrow({ where: { id: t.id } })).slowModeSeconds).toBe(60);

    const ani = await f.resident(0, "Ani");
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Satu");
    h.clock.advance(20_000);
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Dua");
    await h.flush();
    expect(copiesIn(h, g1!.id, "Satu")).toHaveLength(1);
    expect(copiesIn(h, g1!.id, "Dua")).toHaveLength(0);
    expect(lastText(h, ani.id)).toContain("Mode lambat aktif");
    expect(lastText(h, ani.id)).toContain("40 detik");
    h.clock.advance(41_000);
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Tiga");
    await h.flush();
    expect(copiesIn(h, g1!.id, "Tiga")).toHaveLength(1);
  });

  it("a resident cannot set slow mode even with a forged button", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const warga = await f.resident(0, "Tono");
    await say(h, warga, "/topik");
    const msg = h.fake.sent(warga.id).at(-1)!;
    await h.send(h.fake.updates.callback(warga, warga.id, msg.message_id, `dss:${t.id}:900`));
    expect((await h.app.deps.prisma.topic.findUniqueOrThrow({ where: { id: t.id } })).slowModeSeconds).toBe(0);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("Hanya moderator");
  });

  it("/tutuptopik ends the relay with a closing note in every group; later replies are not relayed", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { title: "Pasar desa" });
    const [g0, g1] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Usul pasar tiap Kamis");
    await h.flush();
    await say(h, f.admin, "/tutuptopik");
    await press(h, f.admin, f.admin.id, "Pasar desa");
    expect(lastText(h, f.admin.id)).toContain("catatan penutup");
    await say(h, f.admin, "Disepakati pasar tiap Kamis <pagi>.");
    expect(lastText(h, f.admin.id)).toContain("5 grup");
    await press(h, f.admin, f.admin.id, "Tutup topik");
    await h.flush();
    expect(lastText(h, f.admin.id)).toContain("ditutup");
    for (const v of f.villages) {
      const note = h.fake.sent(v.group.id).at(-1)!;
      expect(note.text).toContain("Diskusi ditutup: Pasar desa");
      expect(note.text).toContain("Disepakati pasar tiap Kamis <pagi>.");
      expect(note.text).toContain("1 pesan dari 1 desa");
      expect(note.reply_to_message?.message_id).toBe(t.card.get(v.group.id));
    }
    const before = h.fake.sent(g1!.id).length;
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Terlambat");
    await h.flush();
    expect(h.fake.sent(g1!.id)).toHaveLength(before);
    expect(lastText(h, ani.id)).toContain("sudah ditutup");

    // Someone the bot may not write to privately gets a short reply in the group, removed later.
    const joko = h.fake.addUser({ first_name: "Joko" });
    await replyIn(h, joko, g0!, t.card.get(g0!.id)!, "Saya juga setuju");
    const notice = h.fake.sent(g0!.id).at(-1)!;
    expect(notice.text).toContain("sudah ditutup");
    h.clock.advance(61_000);
    await h.tick();
    expect(h.fake.message(g0!.id, notice.message_id)!.deleted).toBe(true);
  });

  it("the end date closes the topic by itself, once", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { title: "Musim tanam", endsAt: new Date(h.clock.now().getTime() + 24 * 3600_000) });
    h.clock.advance(23 * 3600_000);
    await h.tick();
    expect(lastText(h, f.villages[0]!.group.id)).toContain("Musim tanam");
    expect(lastText(h, f.villages[0]!.group.id)).not.toContain("ditutup");
    h.clock.advance(3600_000);
    await h.tick();
    await h.tick();
    for (const v of f.villages) {
      expect(lastText(h, v.group.id)).toContain("berakhir sesuai jadwal");
      expect(texts(h, v.group.id).filter((x) => x.includes("Diskusi ditutup"))).toHaveLength(1);
    }
    expect((await h.app.deps.prisma.topic.findUniqueOrThrow({ where: { id: t.id } })).state).toBe("closed");
  });
});

describe("lists and notulen", () => {
  it("/topik lists open topics per village, in private and in each group", async () => {
    const f = await aForum(h);
    await aTopic(h, f, { title: "Untuk semua" });
    await aTopic(h, f, { title: "Hanya dua desa", villages: [1, 2] });
    const closed = await aTopic(h, f, { title: "Sudah selesai" });
    await h.app.deps.prisma.topic.update({ where: { id: closed.id }, data: { state: "closed" } });
    await say(h, f.admin, "/topik");
    const list = lastText(h, f.admin.id);
    expect(list).toMatch(/Semua desa\n• Untuk semua — 0 pesan/);
    expect(list).toMatch(/Desa Sidorejo\n• Hanya dua desa/);
    expect(list).toMatch(/Desa Bangunrejo\n• Hanya dua desa/);
    expect(list).not.toContain("Sudah selesai");
    await h.send(h.fake.updates.command(f.admin, f.villages[0]!.group, "topik"));
    expect(lastText(h, f.villages[0]!.group.id)).toContain("Untuk semua");
    expect(lastText(h, f.villages[0]!.group.id)).not.toContain("Hanya dua desa");
    await h.send(h.fake.updates.command(f.admin, f.villages[1]!.group, "topik"));
    expect(lastText(h, f.villages[1]!.group.id)).toContain("Hanya dua desa");
  });

  it("/ringkasan gives the notulen as a file: every message in order with time, author and village, and counts per village", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { title: "Irigasi" });
    const [g0, g1, g2] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const budi = await f.resident(1, "Budi");
    const mod = await f.person("moderator", 2, "Mod");
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Saluran tersumbat.");
    h.clock.advance(5 * 60_000);
    await h.flush();
    await replyIn(h, budi, g1!, copyIn(h, g1!.id, "tersumbat").message_id, "Kami bantu keruk.");
    h.clock.advance(5 * 60_000);
    await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Terima kasih.");
    await replyIn(h, budi, g1!, t.card.get(g1!.id)!, "Pesan yang disembunyikan");
    await h.flush();
    await h.send(h.fake.updates.command(mod, g2!, "sembunyikan", undefined, { replyTo: copyIn(h, g2!.id, "disembunyikan").message_id }));
    await h.flush();

    await say(h, f.admin, "/ringkasan");
    await press(h, f.admin, f.admin.id, "Irigasi");
    const call = h.fake.callsTo("sendDocument").at(-1)!;
    expect(call.params.chat_id).toBe(f.admin.id);
    const file = Object.values(call.files)[0]!;
    expect(file.filename).toMatch(/^rekap-percakapan-irigasi-.*\.txt$/);
    const body = file.bytes.toString("utf8");
    expect(body).toContain("Topik: Irigasi");
    const order = ["Saluran tersumbat.", "Kami bantu keruk.", "Terima kasih."].map((s) => body.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain("[Sen 30 Nov, 09.00] Ani · Desa Sukajaya");
    expect(body).toContain("[Sen 30 Nov, 09.05] Budi · Desa Sidorejo (membalas Ani · Desa Sukajaya)");
    expect(body).not.toContain("disembunyikan");
    expect(body).toContain("Desa Sukajaya: 2 pesan, 1 peserta");
    expect(body).toContain("Desa Sidorejo: 1 pesan, 1 peserta");
    expect(call.params.caption).toContain("Jumlah: 3 pesan dari 2 peserta");

    // In a group taking part, answering the card gives the file to the whole group.
    await h.send(h.fake.updates.command(ani, g2!, "ringkasan", undefined, { replyTo: t.card.get(g2!.id)! }));
    const inGroup = h.fake.callsTo("sendDocument").at(-1)!;
    expect(inGroup.params.chat_id).toBe(g2!.id);
  });

  it("someone of another forum cannot read a topic's notulen, even with a forged button", async () => {
    const fa = await aForum(h);
    const fb = await aForum(h, { villages: ["Alpha", "Beta"] });
    const t = await aTopic(h, fa, { title: "Rahasia forum A" });
    await say(h, fb.admin, "/ringkasan");
    const msg = h.fake.sent(fb.admin.id).at(-1)!;
    await h.send(h.fake.updates.callback(fb.admin, fb.admin.id, msg.message_id, `dtr:${t.id}`));
    expect(h.fake.callsTo("sendDocument")).toHaveLength(0);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("tidak ditemukan");
  });
});

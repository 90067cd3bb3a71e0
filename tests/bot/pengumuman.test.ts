import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, personFor, press, say, texts } from "../support/world.js";
import { announce, announcements, finishProgress } from "../support/pengumuman.js";

vi.setConfig({ testTimeout: 60_000 });

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  // The harness keeps its clock across tests; these tests count from Monday 09.00 WIB.
  h.clock.set(T0);
  h.fake.setNow(T0);
});

const groupsOf = (f: Awaited<ReturnType<typeof aForum>>) => f.villages.map((v) => v.group.id);

describe("sending an announcement", () => {
  it("an admin sends to every village group: the preview is exactly what groups get, then calm progress and a per-village report", async () => {
    const f = await aForum(h, { name: "Kerja Sama Bangunrejo" });
    await announce(h, f.admin, { audience: "all-groups", confirm: false });
    // Preview: the same message the groups will get, then the summary with the confirm button.
    const adminMsgs = h.fake.sent(f.admin.id);
    const preview = adminMsgs.at(-2)!;
    expect(preview.text).toBe(
      "📢 Pengumuman · Kerja Sama Bangunrejo\n\nRapat koordinasi desa hari Kamis pukul 09.00 di balai desa.\n\n— " + f.admin.first_name + ", admin Kerja Sama Bangunrejo",
    );
    expect(lastText(h, f.admin.id)).toContain("5 grup desa");
    expect(lastText(h, f.admin.id)).toContain("Waktu: sekarang");
    for (const g of groupsOf(f)) expect(h.fake.sent(g)).toHaveLength(0);

    await press(h, f.admin, f.admin.id, "✅ Kirim");
    await h.flush();
    for (const g of groupsOf(f)) {
      const got = announcements(h, g);
      expect(got).toHaveLength(1);
      expect(got[0]!.text).toBe(preview.text);
      expect(got[0]!.entities).toEqual(preview.entities);
    }
    expect(texts(h, f.admin.id).join("\n")).toContain("sedang dikirim ke 5 penerima");
    // The progress message arrived first; the job edits it and sends the report at the end.
    const progress = h.fake.sent(f.admin.id).find((m) => String(m.text).startsWith("⏳ Pengumuman #"))!;
    expect(progress).toBeDefined();
    await finishProgress(h, 1);
    expect(h.fake.message(f.admin.id, progress.message_id)!.text).toBe("✅ Pengumuman #1 selesai dikirim.\nTerkirim 5 dari 5 · gagal 0");
    const report = lastText(h, f.admin.id);
    expect(report).toContain("Laporan pengiriman pengumuman #1");
    for (const v of f.villages) expect(report).toContain(`${v.name}: grup: 1 terkirim`);
    // Done: no more progress jobs.
    expect(await h.app.deps.prisma.job.count({ where: { doneAt: null, cancelledAt: null } })).toBe(0);
    expect(await h.app.deps.prisma.broadcast.findFirstOrThrow()).toMatchObject({ state: "done", recipients: 5 });
  });

  it("a perangkat desa sends to their own village group only, pinned and silent", async () => {
    const f = await aForum(h);
    const budi = await f.official(1, "Budi");
    const own = f.villages[1]!.group.id;
    h.fake.setMember(own, h.fake.botInfo.id, "administrator");
    await announce(h, budi, { audience: "own-groups", pin: true, silent: true });
    await h.flush();
    const [msg] = announcements(h, own);
    expect(msg!.text).toContain("📢 Pengumuman · Desa Sidorejo");
    expect(msg!.text).toContain("— Budi, Perangkat Desa Sidorejo");
    expect(h.fake.pinned(own)).toEqual([msg!.message_id]);
    const send = h.fake.callsTo("sendMessage").find((c) => c.params.chat_id === own)!;
    expect(send.params.disable_notification).toBe(true);
    expect(h.fake.callsTo("pinChatMessage")[0]!.params.disable_notification).toBe(true);
    for (const [i, g] of groupsOf(f).entries()) if (i !== 1) expect(h.fake.sent(g)).toHaveLength(0);
  });

  it("residents get it in their private chats; those who never opened the bot are counted, not messaged", async () => {
    const f = await aForum(h);
    const ani = await f.resident(2, "Ani");
    const tono = await f.resident(2, "Tono");
    const other = await f.resident(3, "Lain");
    const silentUser = h.fake.addUser({ first_name: "Diam" });
    const p = await h.app.deps.prisma.person.create({ data: { telegramUserId: BigInt(silentUser.id), firstName: "Diam", canMessage: false } });
    await h.app.deps.prisma.membership.create({ data: { personId: p.id, forumId: f.id, role: "warga", villageId: f.villages[2]!.id } });

    await announce(h, f.admin, { audience: "residents", villages: ["Bangunrejo"], confirm: false });
    const summary = lastText(h, f.admin.id);
    expect(summary).toContain("2 orang lewat chat pribadi");
    expect(summary).toContain("1 orang belum membuka chat");
    await press(h, f.admin, f.admin.id, "✅ Kirim");
    await h.flush();
    expect(announcements(h, ani.id)).toHaveLength(1);
    expect(announcements(h, tono.id)).toHaveLength(1);
    expect(announcements(h, other.id)).toHaveLength(0);
    expect(h.fake.sent(silentUser.id)).toHaveLength(0);
    for (const g of groupsOf(f)) expect(h.fake.sent(g)).toHaveLength(0);
  });

  it("the officials of chosen villages get it privately", async () => {
    const f = await aForum(h);
    const a = await f.official(0, "Sri");
    const b = await f.official(4, "Joko");
    const c = await f.official(2, "Rudi");
    await announce(h, f.admin, { audience: "officials", villages: ["Sukajaya", "Mulyo Asri"] });
    await h.flush();
    expect(announcements(h, a.id)).toHaveLength(1);
    expect(announcements(h, b.id)).toHaveLength(1);
    expect(announcements(h, c.id)).toHaveLength(0);
  });

  it("a photo with a caption goes out as a photo; a sticker is refused politely; an empty text is refused", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await say(h, f.admin, "/pengumuman");
    await h.send(h.fake.updates.sticker(f.admin, "private"));
    expect(lastText(h, f.admin.id)).toContain("belum dapat dikirim sebagai pengumuman");
    await say(h, f.admin, "  .  ");
    expect(lastText(h, f.admin.id)).toContain("kosong atau terlalu pendek");
    await h.send(h.fake.updates.photo(f.admin, "private"));
    expect(lastText(h, f.admin.id)).toContain("tulis isi pengumumannya");
    await say(h, f.admin, "Jadwal posyandu bulan Desember terlampir.");
    await press(h, f.admin, f.admin.id, "Semua grup desa");
    await press(h, f.admin, f.admin.id, "Kirim sekarang");
    await press(h, f.admin, f.admin.id, "✅ Kirim");
    await h.flush();
    for (const g of groupsOf(f)) {
      const [m] = announcements(h, g);
      expect(m!.photo).toBeDefined();
      expect(m!.caption).toContain("Jadwal posyandu bulan Desember terlampir.");
    }
  });

  it("a text over Telegram's limit is offered as a split, and each group gets the parts in order", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const long = Array.from({ length: 60 }, (_, i) => `Paragraf ${i + 1}: warga diharap hadir tepat waktu dan membawa KTP serta KK.`).join("\n\n");
    expect(long.length).toBeGreaterThan(4096 - 100);
    await say(h, f.admin, "/pengumuman");
    await say(h, f.admin, long);
    await press(h, f.admin, f.admin.id, "Semua grup desa");
    await press(h, f.admin, f.admin.id, "Kirim sekarang");
    expect(lastText(h, f.admin.id)).toContain("lebih dari batas Telegram 4.096 huruf");
    await press(h, f.admin, f.admin.id, "Kirim dalam 2 pesan");
    await press(h, f.admin, f.admin.id, "✅ Kirim");
    await h.flush();
    for (const g of groupsOf(f)) {
      const got = h.fake.sent(g).map((m) => String(m.text));
      expect(got).toHaveLength(2);
      expect(got[0]!.startsWith("📢 Pengumuman")).toBe(true);
      expect(got[1]!.endsWith(`admin ${f.name}`)).toBe(true);
      expect(got.every((t) => t.length <= 4096)).toBe(true);
      expect(got.join("\n\n")).toContain("Paragraf 60:");
    }
  });

  it("the rest of a text the Telegram app split in two is joined to the announcement", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await say(h, f.admin, "/pengumuman");
    await say(h, f.admin, "Bagian pertama pengumuman.");
    await say(h, f.admin, "Bagian kedua pengumuman.");
    expect(lastText(h, f.admin.id)).toContain("Lanjutan teks saya gabungkan");
    await press(h, f.admin, f.admin.id, "Semua grup desa");
    await press(h, f.admin, f.admin.id, "Kirim sekarang");
    await press(h, f.admin, f.admin.id, "✅ Kirim");
    await h.flush();
    expect(announcements(h, f.villages[0]!.group.id)[0]!.text).toContain("Bagian pertama pengumuman.\nBagian kedua pengumuman.");
  });
});

describe("who may send to whom", () => {
  it("a warga cannot start /pengumuman", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0);
    await say(h, warga, "/pengumuman");
    expect(lastText(h, warga.id)).toContain("Hanya perangkat desa dan admin forum");
  });

  it("a perangkat desa of two villages sees only those villages, and a forged button for a third is ignored", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const budiPerson = await personFor(h, budi);
    await h.app.deps.prisma.membership.create({ data: { personId: budiPerson.id, forumId: f.id, role: "perangkat_desa", villageId: f.villages[1]!.id } });
    await say(h, budi, "/pengumuman");
    await say(h, budi, "Gotong royong hari Minggu.");
    expect(buttons(h, budi.id).map((b) => b.text)).not.toContain("🏘️ Semua grup desa");
    await press(h, budi, budi.id, "🏘️ Grup desa");
    const labels = buttons(h, budi.id).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(["Sukajaya", "Sidorejo"]));
    expect(labels).not.toContain("Bangunrejo");
    const picker = h.fake.sent(budi.id).at(-1)!;
    await h.send(h.fake.updates.callback(budi, budi.id, picker.message_id, `pv:t:${f.villages[2]!.id}`));
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("tidak berlaku");
    await press(h, budi, budi.id, "Sidorejo");
    await press(h, budi, budi.id, "Lanjut");
    await press(h, budi, budi.id, "Kirim sekarang");
    await press(h, budi, budi.id, "✅ Kirim");
    await h.flush();
    expect(announcements(h, f.villages[1]!.group.id)).toHaveLength(1);
    expect(announcements(h, f.villages[0]!.group.id)).toHaveLength(0);
    expect(announcements(h, f.villages[2]!.group.id)).toHaveLength(0);
  });

  it("/pengumuman typed in a group points to the private chat", async () => {
    const f = await aForum(h);
    await h.send(h.fake.updates.command(f.admin, f.villages[0]!.group, "pengumuman"));
    expect(lastText(h, f.villages[0]!.group.id)).toContain("chat pribadi");
  });
});

describe("failed copies", () => {
  it("a group that removed the bot: its copy fails, the link is deactivated, admins are told, and the report says why", async () => {
    const f = await aForum(h);
    h.fake.kickBot(f.villages[3]!.group.id);
    await announce(h, f.admin, { audience: "all-groups" });
    await h.flush();
    const link = await h.app.deps.prisma.chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(f.villages[3]!.group.id) } });
    expect(link.active).toBe(false);
    expect(texts(h, f.admin.id).join("\n")).toContain("Saya dikeluarkan dari grup");
    await finishProgress(h, 1);
    const report = lastText(h, f.admin.id);
    expect(report).toContain("Terkirim 4 dari 5 penerima · gagal 1");
    expect(report).toContain("• Tanjung Jaya: grup: 0 terkirim, 1 gagal\n  ↳ 1 saya sudah dikeluarkan dari grup");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, texts } from "../support/world.js";
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
// T0 is Senin, 30 November 2026 pukul 09.00 WIB; "besok 09.00" is 24 hours later.
const DAY = 24 * 3600_000;

describe("scheduled announcements", () => {
  it("go out at their time, once, also after a restart", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await announce(h, f.admin, { audience: "all-groups", at: "besok 09.00" });
    expect(lastText(h, f.admin.id)).toContain("dijadwalkan untuk Selasa, 1 Desember 2026 pukul 09.00 WIB");
    await h.flush();
    for (const g of groupsOf(f)) expect(h.fake.sent(g)).toHaveLength(0);

    await h.restart();
    h.clock.advance(DAY - 60_000);
    await h.tick();
    for (const g of groupsOf(f)) expect(h.fake.sent(g)).toHaveLength(0);
    h.clock.advance(60_000);
    expect(await h.tick()).toBe(1);
    h.clock.advance(3600_000);
    await h.tick();
    await finishProgress(h, 2);
    for (const g of groupsOf(f)) expect(announcements(h, g)).toHaveLength(1);
    expect(lastText(h, f.admin.id)).toContain("Terkirim 2 dari 2 penerima");
  });

  it("a time in the past, unreadable, or without an hour is refused with a clear message", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await say(h, f.admin, "/pengumuman");
    await say(h, f.admin, "Kerja bakti membersihkan saluran air.");
    await press(h, f.admin, f.admin.id, "Semua grup desa");
    await press(h, f.admin, f.admin.id, "🗓️ Jadwalkan");
    expect(lastText(h, f.admin.id)).toContain("WIB");
    await say(h, f.admin, "30/11/2026 08.00");
    expect(lastText(h, f.admin.id)).toContain("sudah lewat");
    await say(h, f.admin, "kapan-kapan saja");
    expect(lastText(h, f.admin.id)).toContain("belum mengerti kata kapan");
    await say(h, f.admin, "Jumat");
    expect(lastText(h, f.admin.id)).toContain("sertakan jamnya");
    await say(h, f.admin, "Jumat 08.00");
    expect(lastText(h, f.admin.id)).toContain("Jumat, 4 Desember 2026 pukul 08.00 WIB — benar?");
    await press(h, f.admin, f.admin.id, "Benar");
    expect(texts(h, f.admin.id).join("\n")).toContain("Dijadwalkan: Jumat, 4 Desember 2026 pukul 08.00 WIB");
    expect(lastText(h, f.admin.id)).toContain("Waktu: Jumat, 4 Desember 2026 pukul 08.00 WIB");
  });

  it("a perangkat desa who lost the role before the time: nothing is sent and they are told why", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const budi = await f.official(0, "Budi");
    await announce(h, budi, { audience: "own-groups", at: "besok 09.00" });
    await h.app.deps.prisma.membership.deleteMany({ where: { role: "perangkat_desa", forumId: f.id } });
    h.clock.advance(DAY);
    await h.tick();
    for (const g of groupsOf(f)) expect(h.fake.sent(g)).toHaveLength(0);
    expect(lastText(h, budi.id)).toContain("tidak jadi dikirim: Bapak/Ibu tidak lagi berwenang");
    expect(await h.app.deps.prisma.broadcast.findFirstOrThrow()).toMatchObject({ state: "failed", failureReason: "author_not_allowed" });
  });
});

describe("history and cancelling", () => {
  it("cancelling a scheduled announcement from the history: nothing goes out at its time", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await announce(h, f.admin, { audience: "all-groups", at: "besok 09.00" });
    await say(h, f.admin, "/riwayat_pengumuman");
    expect(lastText(h, f.admin.id)).toContain("#1 · Sel 1 Des, 09.00 · 🗓️ Terjadwal");
    await press(h, f.admin, f.admin.id, "🔎 #1");
    expect(lastText(h, f.admin.id)).toContain("Dijadwalkan: Selasa, 1 Desember 2026 pukul 09.00 WIB");
    await press(h, f.admin, f.admin.id, "Batalkan");
    expect(lastText(h, f.admin.id)).toContain("Tidak ada yang akan dikirim");
    await press(h, f.admin, f.admin.id, "Ya, batalkan");
    expect(lastText(h, f.admin.id)).toContain("Pengumuman #1 dibatalkan. Tidak ada yang dikirim.");
    h.clock.advance(DAY + 60_000);
    await h.tick();
    for (const g of groupsOf(f)) expect(h.fake.sent(g)).toHaveLength(0);
    expect(await h.app.deps.prisma.broadcast.findFirstOrThrow()).toMatchObject({ state: "cancelled" });
    // Pressing the old confirm button again only says it cannot be cancelled any more.
    const confirmMsg = h.fake.sent(f.admin.id).at(-1)!;
    await h.send(h.fake.updates.callback(f.admin, f.admin.id, confirmMsg.message_id, "pgx:1"));
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("tidak dapat dibatalkan lagi");
  });

  it("cancelling while it is being sent: what went out stays, the rest is cancelled, and the report says so", async () => {
    const f = await aForum(h);
    const held = groupsOf(f).slice(2);
    // Three groups answer "too many requests": their copies wait a minute in the queue.
    h.fake.fail("sendMessage", { code: 429, retry_after: 60 }, { times: 3, where: (p) => held.includes(Number(p.chat_id)) });
    await announce(h, f.admin, { audience: "all-groups" });
    await h.flush();
    expect(groupsOf(f).map((g) => announcements(h, g).length)).toEqual([1, 1, 0, 0, 0]);

    await say(h, f.admin, "/riwayat_pengumuman");
    expect(lastText(h, f.admin.id)).toContain("⏳ Sedang dikirim");
    await press(h, f.admin, f.admin.id, "🔎 #1");
    await press(h, f.admin, f.admin.id, "Batalkan");
    await press(h, f.admin, f.admin.id, "Ya, batalkan");
    expect(lastText(h, f.admin.id)).toContain("Sudah terkirim ke 2 penerima; 3 penerima tidak jadi menerimanya.");

    h.clock.advance(120_000);
    await h.tick();
    await finishProgress(h, 2);
    expect(groupsOf(f).map((g) => announcements(h, g).length)).toEqual([1, 1, 0, 0, 0]);
    const progress = h.fake.sent(f.admin.id).find((m) => String(m.text).startsWith("🛑 Pengumuman #1"));
    expect(progress?.text).toContain("tidak jadi dikirim 3");
    const report = lastText(h, f.admin.id);
    expect(report).toContain("Terkirim 2 dari 5 penerima · dibatalkan 3");
    expect(report).toContain("• Bangunrejo: grup: 0 terkirim, 1 dibatalkan");
  });

  it("an official sees only their own announcements; an admin sees the forum's; another forum's admin can neither see nor cancel them", async () => {
    const a = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const b = await aForum(h, { villages: ["Jati"] });
    const budi = await a.official(0, "Budi");
    await announce(h, budi, { audience: "own-groups", text: "Pengumuman dari Budi.", at: "besok 10.00" });
    await announce(h, a.admin, { audience: "all-groups", text: "Pengumuman dari admin.", at: "besok 11.00" });

    await say(h, budi, "/riwayat_pengumuman");
    expect(lastText(h, budi.id)).toContain("Pengumuman dari Budi.");
    expect(lastText(h, budi.id)).not.toContain("Pengumuman dari admin.");
    await say(h, a.admin, "/riwayat_pengumuman");
    expect(lastText(h, a.admin.id)).toContain("Riwayat pengumuman (2)");

    await say(h, b.admin, "/start");
    const msg = h.fake.sent(b.admin.id).at(-1)!;
    for (const data of ["pgd:1", "pgc:1", "pgx:1", "pgx:2", `pgh:${a.id}:0`]) {
      await h.send(h.fake.updates.callback(b.admin, b.admin.id, msg.message_id, data));
      expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toMatch(/tidak ditemukan|Hanya perangkat desa/);
    }
    expect(texts(h, b.admin.id).join("\n")).not.toContain("Pengumuman dari");
    expect(await h.app.deps.prisma.broadcast.count({ where: { state: "scheduled" } })).toBe(2);
  });
});

describe("language", () => {
  it("an English-speaking admin is guided in English; recipients still get the Indonesian announcement", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await h.app.deps.prisma.person.updateMany({ where: { telegramUserId: BigInt(f.admin.id) }, data: { language: "en" } });
    await say(h, f.admin, "/pengumuman");
    expect(lastText(h, f.admin.id)).toContain("New announcement");
    await say(h, f.admin, "Musdes next week.");
    await press(h, f.admin, f.admin.id, "All village groups");
    await press(h, f.admin, f.admin.id, "Send now");
    expect(lastText(h, f.admin.id)).toContain("Check before sending");
    await press(h, f.admin, f.admin.id, "✅ Send");
    await h.flush();
    expect(announcements(h, f.villages[0]!.group.id)[0]!.text).toContain("📢 Pengumuman · ");
  });
});

describe("nobody left to receive it", () => {
  it("groups unlinked between the preview and ✅ Kirim: the author is told, and nothing is stored or sent", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await announce(h, f.admin, { audience: "all-groups", confirm: false });
    // Both groups remove the bot while the author reads the preview.
    await h.app.deps.prisma.chatLink.updateMany({ where: { forumId: f.id }, data: { active: false } });
    await press(h, f.admin, f.admin.id, "✅ Kirim");
    await h.flush();
    expect(texts(h, f.admin.id).some((t) => t.includes("Belum ada penerima untuk pilihan ini. Pengumuman tidak dikirim."))).toBe(true);
    expect(await h.app.deps.prisma.broadcast.count()).toBe(0);
    expect(await h.app.deps.prisma.delivery.count()).toBe(0);
    for (const g of groupsOf(f)) expect(announcements(h, g)).toHaveLength(0);
  });
});

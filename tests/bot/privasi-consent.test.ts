import { DEFAULT_TERMS } from "../../src/domain/forum/terms.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { pressIn, sayRaw } from "../support/privasi.js";
import { aTopic, copyIn, replyIn } from "../support/discussion.js";
import { announce, announcements } from "../support/pengumuman.js";
import { reportKeyOf } from "../../src/domain/forum/service.js";
import { noticeText } from "../../src/bot/features/privasi/notice.js";
import { translate } from "../../src/bot/lib/translate.js";
import { DEFAULT_RETENTION } from "../../src/domain/privasi/settings.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
});

const prisma = () => h.app.deps.prisma;
const personOf = (id: number) => prisma().person.findUniqueOrThrow({ where: { telegramUserId: BigInt(id) } });

describe("notice and consent at the first private contact", () => {
  it("the first private message shows the notice; until an answer the bot keeps only the Telegram id, 'Warga' and the language", async () => {
    const u = h.fake.addUser({ first_name: "Suparmi", last_name: "Handayani", username: "suparmi_h" });
    await sayRaw(h, u, "/start");
    const notice = lastText(h, u.id);
    expect(notice).toContain("Pemberitahuan Privasi");
    for (const part of ["Yang kami simpan", "Untuk apa", "Siapa yang melihat", "Berapa lama", "Pengendali data", "/hapusdata"]) expect(notice).toContain(part);
    expect(buttons(h, u.id).map((b) => b.text)).toEqual(["✅ Saya setuju", "❌ Tidak setuju"]);
    const row = await personOf(u.id);
    expect(row).toMatchObject({ firstName: "Warga", lastName: null, username: null, privacyConsent: null, privacyVersion: null });
    // Anything else first asks again; nothing is stored meanwhile.
    await sayRaw(h, u, "halo");
    expect(lastText(h, u.id)).toContain("Pemberitahuan Privasi");
    expect(await prisma().privacyConsent.count()).toBe(0);
  });

  it("agreeing records the answer and the notice version, and from then on the Telegram name is kept", async () => {
    const u = h.fake.addUser({ first_name: "Suparmi", last_name: "Handayani", username: "suparmi_h" });
    await sayRaw(h, u, "/start");
    await pressIn(h, u, "Saya setuju");
    expect(lastText(h, u.id)).toContain("Terima kasih");
    const row = await personOf(u.id);
    expect(row).toMatchObject({ firstName: "Suparmi", lastName: "Handayani", username: "suparmi_h", privacyConsent: "given", privacyVersion: "n1" });
    expect(row.privacyAnsweredAt).toEqual(T0);
    expect(await prisma().privacyConsent.findMany({ select: { personId: true, answer: true, version: true } })).toEqual([{ personId: row.id, answer: "given", version: "n1" }]);
    // The menu now, not the notice; and a person who has answered costs no write per update.
    await sayRaw(h, u, "/start");
    expect(lastText(h, u.id)).not.toContain("Pemberitahuan Privasi");
    const before = (await personOf(u.id)).updatedAt;
    h.clock.advance(60_000);
    for (const text of ["/bantuan", "/start", "/privasi"]) await sayRaw(h, u, text);
    expect((await personOf(u.id)).updatedAt).toEqual(before);
  });

  it("a deep link opened before agreeing names the forum it leads into, and 'Lanjutkan' resumes it", async () => {
    const f = await aForum(h);
    const key = await reportKeyOf(h.app.deps, f.id, f.villages[0]!.id);
    const u = h.fake.addUser({ first_name: "Wagiman" });
    await sayRaw(h, u, `/start aspirasi_${key}`);
    expect(lastText(h, u.id)).toContain(`${f.name}: belum ditetapkan`);
    await pressIn(h, u, "Saya setuju");
    const resume = buttons(h, u.id).find((b) => b.text.includes("Lanjutkan"));
    expect(resume?.url).toBe(`https://t.me/${h.app.deps.botUsername}?start=aspirasi_${key}`);
    // The version answered names the forum of the link: joining it later asks nothing again.
    expect((await personOf(u.id)).privacyVersion).toBe(`n1|f${f.id}v1`);
    // Telegram sends the link's /start again when the button is tapped: the intake begins.
    await sayRaw(h, u, `/start aspirasi_${key}`);
    expect(lastText(h, u.id)).toContain("Termasuk kategori apa?");
  });

  it("someone who declines keeps only the Telegram id, still receives announcements and reads schedules, and is told why the rest needs data", async () => {
    const f = await aForum(h);
    const ani = await f.resident(0, "Ani");
    await say(h, ani, "/privasi");
    await pressIn(h, ani, "Tarik persetujuan");
    expect(lastText(h, ani.id)).toContain("tidak setuju");
    expect(await personOf(ani.id)).toMatchObject({ firstName: "Warga", lastName: null, username: null, privacyConsent: "declined" });

    await sayRaw(h, ani, "/aspirasi");
    const why = lastText(h, ani.id);
    expect(why).toContain("Aspirasi disimpan bersama nama");
    expect(why).toContain("belum menyetujui pemberitahuan privasi");
    expect(buttons(h, ani.id).map((b) => b.text)).toEqual(["📄 Baca pemberitahuan privasi"]);
    await sayRaw(h, ani, "/gabung ABCDEFGH");
    expect(lastText(h, ani.id)).toContain("Bergabung dengan kode");

    await sayRaw(h, ani, "/jadwal");
    expect(lastText(h, ani.id)).not.toContain("belum menyetujui");
    await announce(h, f.admin, { audience: "residents", villages: [f.villages[0]!.name], text: "Posyandu balita hari Sabtu di balai desa." });
    await h.flush();
    expect(announcements(h, ani.id).map((m) => m.text).join()).toContain("Posyandu balita");

    // Changing one's mind: the notice is one tap away.
    await pressIn(h, ani, "Baca pemberitahuan privasi");
    await pressIn(h, ani, "Saya setuju");
    expect(await personOf(ani.id)).toMatchObject({ firstName: "Ani", privacyConsent: "given" });
    expect((await prisma().privacyConsent.findMany({ orderBy: { id: "asc" } })).map((c) => c.answer)).toEqual(["declined", "given"]);
  });

  it("a changed notice (the admin sets the controller and a retention period) is shown again to the forum's members", async () => {
    const f = await aForum(h);
    const ani = await f.resident(0, "Ani");
    await say(h, ani, "/start"); // the forum is recorded in the version Ani agreed to
    expect((await personOf(ani.id)).privacyVersion).toBe(`n1|f${f.id}v1`);

    await say(h, f.admin, "/privasi");
    await press(h, f.admin, f.admin.id, "Atur privasi forum");
    expect(lastText(h, f.admin.id)).toContain("belum ditetapkan");
    await press(h, f.admin, f.admin.id, "Pengendali data");
    await say(h, f.admin, "Kantor Camat Bangunrejo, Jl. Raya No. 1, telp. 0725-123456");
    expect(lastText(h, f.admin.id)).toContain("Pengendali data disimpan");
    await say(h, f.admin, "/privasi");
    await press(h, f.admin, f.admin.id, "Atur privasi forum");
    await press(h, f.admin, f.admin.id, "Pesan diskusi");
    await press(h, f.admin, f.admin.id, "2 tahun");
    expect(lastText(h, f.admin.id)).toContain("isi pesan diskusi antardesa sekarang 2 tahun");
    expect((await prisma().forum.findUniqueOrThrow({ where: { id: f.id } })).privacyVersion).toBe(3);
    const audits = await prisma().auditLog.findMany({ where: { action: "privacy.settings" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.details)).toEqual([{ field: "controller" }, { field: "relayText", days: 730 }]);

    await sayRaw(h, ani, "/start");
    const again = lastText(h, ani.id);
    expect(again).toContain("Pemberitahuan privasi telah berubah");
    expect(again).toContain("Kantor Camat Bangunrejo, Jl. Raya No. 1");
    expect(again).toContain("Isi pesan diskusi antardesa: 2 tahun");
    await pressIn(h, ani, "Saya setuju");
    expect((await personOf(ani.id)).privacyVersion).toBe(`n1|f${f.id}v3`);
    await sayRaw(h, ani, "/start");
    expect(lastText(h, ani.id)).not.toContain("Pemberitahuan");
  });

  it("/privasi shows the forum's retention periods (defaults) and who may change them", async () => {
    const f = await aForum(h);
    const ani = await f.resident(0, "Ani");
    await say(h, ani, "/privasi");
    const text = lastText(h, ani.id);
    for (const line of [
      "Isi pesan diskusi antardesa: 1 tahun",
      "Nama pelapor pada aspirasi yang sudah selesai: 1 tahun setelah selesai",
      "Daftar hadir dan jawaban undangan musyawarah: 2 tahun setelah musyawarah",
      "Catatan audit: 2 tahun",
      "Salinan pesan yang sudah terkirim: 30 hari",
      `${f.name}: belum ditetapkan`,
      "Bapak/Ibu setuju pada",
    ]) {
      expect(text).toContain(line);
    }
    // A resident has no settings button; the admin does.
    expect(buttons(h, ani.id).some((b) => b.text.includes("Atur privasi"))).toBe(false);
    await say(h, f.admin, "/privasi");
    expect(buttons(h, f.admin.id).some((b) => b.text.includes("Atur privasi"))).toBe(true);
    // A resident forging the settings button is refused and nothing changes.
    await h.send(h.fake.updates.callback(ani, ani.id, h.fake.sent(ani.id).at(-1)!.message_id, `pz:${f.id}:r:0-730`));
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)?.params.text).toContain("admin forum");
    expect((await prisma().forum.findUniqueOrThrow({ where: { id: f.id } })).privacyVersion).toBe(1);
  });

  it("the notice stays within one Telegram message for a person in three forums with different settings", () => {
    const forums = [1, 2, 3].map((id) => ({
      id,
      name: `Forum Kerja Sama Antar Desa Kecamatan Nomor ${id} Kabupaten Lampung Tengah`,
      version: 1,
      controller: "Sekretariat BKAD, Kantor Camat, Jalan Raya Lintas Sumatera Km 12, telepon 0725-123456, surel bkad@example.id".repeat(2),
      retention: { ...DEFAULT_RETENTION, relayText: [90, 180, 730][id - 1]! },
    }));
    for (const lang of ["id", "en"]) {
      const text = noticeText((k, p) => translate(lang, k, p ?? {}, DEFAULT_TERMS), forums, { changed: true });
      expect(text.length).toBeLessThan(3900);
    }
  });
});

describe("group relays of someone who never agreed", () => {
  it("are relayed under the name Telegram shows on their message, while the bot keeps no name of theirs", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f);
    const g0 = f.villages[0]!.group;
    const ani = h.fake.addUser({ first_name: "Aninditya", username: "anin" });
    h.fake.setMember(g0.id, ani.id, "member");
    await replyIn(h, ani, g0, t.card.get(g0.id)!, "Jalan di RT 2 berlubang");
    await h.flush();
    const copy = copyIn(h, f.villages[1]!.group.id, "berlubang");
    expect(texts(h, f.villages[1]!.group.id).join("\n")).toContain("Aninditya");
    expect(copy).toBeDefined();
    expect(await personOf(ani.id)).toMatchObject({ firstName: "Warga", username: null, privacyConsent: null });
    const relay = await prisma().relayMessage.findFirstOrThrow();
    expect(relay.authorName).toBe("Aninditya");
    // No tap-to-profile link to someone who has not agreed.
    const header = h.fake.callsTo("sendMessage").find((c) => String(c.params.text ?? "").includes("Aninditya"));
    expect(JSON.stringify(header?.params ?? {})).not.toContain(`tg://user?id=${ani.id}`);
  });
});

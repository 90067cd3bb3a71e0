import { reportKeyOf } from "../../src/domain/forum/service.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, ensureConsent, lastText, press, say, texts } from "../support/world.js";
import { anAspiration, fileAspiration, lastToast, pressOn, IRRIGATION, POSYANDU, ROAD } from "../support/aspirasi.js";

let h: Harness;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0); // the harness keeps the clock across tests
});

const prisma = () => h.app.deps.prisma;

describe("intake", () => {
  it("from the poster's deep link, a resident is guided step by step and gets a ticket; the village's officials get a card", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const other = await f.official(1, "Sari");
    const ani = h.fake.addUser({ first_name: "Ani", username: "ani_w" });
    const ticket = await fileAspiration(h, f, ani, { village: 0, photos: 2, location: { latitude: -5.12, longitude: 105.3 } });

    expect(ticket).toBe(`ASP-${f.villages[0]!.shortCode}-2026-0001`);
    const done = lastText(h, ani.id);
    expect(done).toContain("sudah kami terima dengan nomor");
    expect(done).toContain("Kamis, 3 Desember 2026 pukul 09.00 WIB"); // 3 working days after Monday 09.00

    const card = lastText(h, budi.id);
    expect(card).toContain("Aspirasi baru");
    expect(card).toContain(ticket);
    expect(card).toContain("Pelapor: Ani (@ani_w)");
    expect(buttons(h, budi.id).map((b) => b.text)).toEqual(expect.arrayContaining(["✅ Verifikasi", "🔧 Proses", "🏁 Selesai", "⛔ Tolak", "↪️ Teruskan", "💬 Balas"]));
    expect(h.fake.callsTo("sendMediaGroup").filter((c) => c.params.chat_id === budi.id)).toHaveLength(1);
    expect(h.fake.callsTo("sendLocation").filter((c) => c.params.chat_id === budi.id)).toHaveLength(1);
    // Only the handling village's officials.
    expect(texts(h, other.id).join()).not.toContain(ticket);

    const row = await prisma().aspiration.findFirstOrThrow({ where: { ticketNo: ticket } });
    expect(row).toMatchObject({ status: "baru", category: "Infrastruktur", privacy: "named", latitude: -5.12, longitude: 105.3 });
    expect(row.photos).toHaveLength(2);
    // Reporting grants nothing: no membership of any kind (the two doors are the group and a code)…
    expect(await prisma().membership.count({ where: { person: { telegramUserId: BigInt(ani.id) } } })).toBe(0);
    // …but the village is remembered for convenience: the next /aspirasi does not ask again.
    await say(h, ani, "/aspirasi");
    expect(texts(h, ani.id).at(-2)).toContain(`Desa ${f.villages[0]!.name}`);
    expect(lastText(h, ani.id)).toContain("kategori");
  });

  it("the summary can be changed before sending, and the ticket numbers count up per forum", async () => {
    const f = await aForum(h);
    const warga = await f.resident(2, "Tono");
    await anAspiration(h, f, await f.resident(1), { village: 1 });
    await fileAspiration(h, f, warga, { via: "command", send: false });
    await press(h, warga, warga.id, "Ubah");
    await press(h, warga, warga.id, "Kategori");
    await press(h, warga, warga.id, "Lingkungan");
    expect(lastText(h, warga.id)).toContain("Kategori: Lingkungan");
    await press(h, warga, warga.id, "Kirim");
    const row = await prisma().aspiration.findFirstOrThrow({ where: { originVillageId: f.villages[2]!.id } });
    expect(row.category).toBe("Lingkungan");
    expect(row.ticketNo).toBe(`ASP-${f.villages[2]!.shortCode}-2026-0002`);
  });

  it("/batal in the middle of the intake saves nothing", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0);
    await say(h, warga, "/aspirasi");
    await press(h, warga, warga.id, "Kesehatan");
    await say(h, warga, "/batal");
    expect(lastText(h, warga.id)).toContain("dibatalkan");
    await say(h, warga, "Posyandu kekurangan timbangan bayi sejak bulan lalu");
    expect(await prisma().aspiration.count()).toBe(0);
  });

  it.runIf(!!process.env.REDIS_URL)("a half-written aspiration survives a restart of the bot", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0);
    await say(h, warga, "/aspirasi");
    await press(h, warga, warga.id, "Pertanian");
    await say(h, warga, "Saluran irigasi sawah tersumbat sehingga petani kesulitan air");
    await h.restart();
    await press(h, warga, warga.id, "Lewati");
    await press(h, warga, warga.id, "Lewati");
    await press(h, warga, warga.id, "Anonim");
    await press(h, warga, warga.id, "Kirim");
    const row = await prisma().aspiration.findFirstOrThrow();
    expect(row).toMatchObject({ category: "Pertanian", privacy: "anonim" });
    expect(row.text).toContain("irigasi");
  });

  it("/aspirasi in a village group continues in the private chat with that village's deep link", async () => {
    const f = await aForum(h);
    const warga = await f.resident(1);
    await h.send(h.fake.updates.command(warga, f.villages[1]!.group, "aspirasi"));
    expect(lastText(h, f.villages[1]!.group.id)).toContain("chat pribadi");
    expect(buttons(h, f.villages[1]!.group.id)[0]!.url).toBe(`https://t.me/ForumDesaBot?start=aspirasi_${f.villages[1]!.reportKey}`);
  });

  it("an unknown deep link is explained and nothing starts", async () => {
    const u = h.fake.addUser({ first_name: "Joko" });
    await say(h, u, "/start aspirasi_999999");
    expect(lastText(h, u.id)).toContain("tautan aspirasi ini tidak dikenal");
  });
});

describe("lifecycle", () => {
  it("verify, process with a note, finish; the reporter hears each change with the official's note and confirms", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const ani = await f.resident(0, "Ani");
    const { ticketNo: ticket } = await anAspiration(h, f, ani);

    await pressOn(h, budi, budi.id, ticket, "Verifikasi");
    await h.flush();
    expect(lastText(h, ani.id)).toContain("diverifikasi oleh Budi · Perangkat Desa Sukajaya");
    // Every official's card now shows the new status and only the buttons that still apply.
    expect(lastText(h, budi.id)).toContain("Status: Diverifikasi");
    expect(buttons(h, budi.id).map((b) => b.text)).not.toContain("✅ Verifikasi");

    await pressOn(h, budi, budi.id, ticket, "Proses");
    await say(h, budi, "Sudah dijadwalkan perbaikan minggu depan");
    await h.flush();
    expect(lastText(h, ani.id)).toContain("Catatan: Sudah dijadwalkan perbaikan minggu depan");

    await pressOn(h, budi, budi.id, ticket, "Selesai");
    await say(h, budi, "Jalan sudah ditambal dan diaspal ulang");
    await h.flush();
    const told = lastText(h, ani.id);
    expect(told).toContain("selesai");
    expect(told).toContain("Jalan sudah ditambal");

    await pressOn(h, ani, ani.id, ticket, "Sudah beres");
    await h.flush();
    const row = await prisma().aspiration.findFirstOrThrow({ where: { ticketNo: ticket } });
    expect(row.status).toBe("selesai");
    expect(row.confirmedAt).not.toBeNull();
    expect(texts(h, budi.id).join("\n")).toContain("sudah beres");
    // The deadline jobs are gone once it is done.
    expect(await h.app.deps.jobs.pending("aspirasi.escalate", row.id)).toHaveLength(0);
  });

  it("the reporter reopens within 14 days with what is still wrong; after 14 days it is refused", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const ani = await f.resident(0, "Ani");
    const a1 = await anAspiration(h, f, ani);
    await pressOn(h, budi, budi.id, a1.ticketNo, "Selesai");
    await press(h, budi, budi.id, "Lewati");
    await h.flush();
    h.clock.advance(3 * DAY);
    await pressOn(h, ani, ani.id, a1.ticketNo, "Buka kembali");
    await say(h, ani, "Lubangnya muncul lagi setelah hujan deras");
    await h.flush();
    const row = await prisma().aspiration.findUniqueOrThrow({ where: { id: a1.id } });
    expect(row).toMatchObject({ status: "diproses", reopenCount: 1, resolvedAt: null });
    expect(texts(h, budi.id).join("\n")).toContain("Lubangnya muncul lagi");
    expect(await h.app.deps.jobs.pending("aspirasi.escalate", row.id)).toHaveLength(1);

    const a2 = await anAspiration(h, f, ani, { text: "Lampu penerangan jalan di dusun dua mati sudah sebulan lebih" });
    await pressOn(h, budi, budi.id, a2.ticketNo, "Selesai");
    await press(h, budi, budi.id, "Lewati");
    await h.flush();
    h.clock.advance(15 * DAY);
    await pressOn(h, ani, ani.id, a2.ticketNo, "Buka kembali");
    expect(lastToast(h)).toContain("Batas 14 hari");
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: a2.id } })).status).toBe("selesai");
  });

  it("rejecting needs a reason, which the reporter receives", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const ani = await f.resident(0, "Ani");
    const a = await anAspiration(h, f, ani);
    await pressOn(h, budi, budi.id, a.ticketNo, "Tolak");
    expect(buttons(h, budi.id).map((b) => b.text)).not.toContain("⏭️ Lewati");
    await say(h, budi, "bukan");
    expect(lastText(h, budi.id)).toContain("Terlalu pendek");
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("baru");
    await say(h, budi, "Jalan ini jalan kabupaten, sudah kami teruskan ke Dinas PU");
    await h.flush();
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("ditolak");
    expect(lastText(h, ani.id)).toContain("Alasan: Jalan ini jalan kabupaten");
  });

  it("forwarding hands the ticket to another village: its officials get the card, the first village can no longer act", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    const ani = await f.resident(0, "Ani");
    const a = await anAspiration(h, f, ani);
    await pressOn(h, budi, budi.id, a.ticketNo, "Teruskan");
    await press(h, budi, budi.id, f.villages[1]!.name);
    await say(h, budi, "Lokasinya di perbatasan, masuk wilayah Sidorejo");
    await h.flush();
    const row = await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ status: "diteruskan", villageId: f.villages[1]!.id, originVillageId: f.villages[0]!.id });
    expect(texts(h, sari.id).join("\n")).toContain("diteruskan dari Sukajaya");
    expect(lastText(h, ani.id)).toContain("diteruskan ke Sidorejo");
    // Budi's card lost its action buttons; a forged press is refused.
    const card = h.fake.sent(budi.id).find((m) => m.text?.includes("Status:"))!;
    expect(card.text).toContain("Ditangani: Sidorejo");
    expect((card.reply_markup as any).inline_keyboard.flat().map((b: any) => b.text)).toEqual(["📄 Detail"]);
    await h.send(h.fake.updates.callback(budi, budi.id, card.message_id, `asa:${a.id}:v:${row.version}`));
    expect(lastToast(h)).toContain("ditangani desa lain");
    // The new village verifies.
    await pressOn(h, sari, sari.id, a.ticketNo, "Verifikasi");
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("diverifikasi");
  });

  it("officials and the reporter exchange messages through the bot on the ticket", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const ani = await f.resident(0, "Ani");
    const a = await anAspiration(h, f, ani, { privacy: "anonim" });
    await pressOn(h, budi, budi.id, a.ticketNo, "Balas");
    await say(h, budi, "Mohon kirim foto lubang jalannya, Bapak/Ibu");
    await h.flush();
    expect(lastText(h, ani.id)).toContain("Pesan dari Budi · Perangkat Desa Sukajaya");
    expect(lastText(h, ani.id)).toContain("Mohon kirim foto");
    await pressOn(h, ani, ani.id, a.ticketNo, "Balas");
    await say(h, ani, "Baik, fotonya menyusul sore ini");
    await h.flush();
    expect(lastText(h, budi.id)).toContain("Pesan dari Pelapor");
    expect(lastText(h, budi.id)).toContain("fotonya menyusul");
    const events = await prisma().aspirationEvent.findMany({ where: { aspirationId: a.id, kind: "message" } });
    expect(events.map((e) => e.actorRole)).toEqual(["official", "reporter"]);
    expect(events[1]!.actorId).toBeNull(); // anonymous: not linked in the timeline
  });

  it("/aspirasiku lists the resident's tickets with their status and a timeline", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const ani = await f.resident(0, "Ani");
    const a = await anAspiration(h, f, ani);
    await anAspiration(h, f, ani, { category: "Kesehatan", text: "Posyandu di dusun dua kekurangan timbangan bayi dan obat" });
    await pressOn(h, budi, budi.id, a.ticketNo, "Verifikasi");
    await say(h, ani, "/aspirasiku");
    const list = lastText(h, ani.id);
    expect(list).toContain("2 aspirasi");
    expect(list).toContain(`${a.ticketNo} · Infrastruktur · Diverifikasi`);
    await press(h, ani, ani.id, a.ticketNo.replace("ASP-", ""));
    const detail = lastText(h, ani.id);
    expect(detail).toContain("Riwayat");
    expect(detail).toContain("Diverifikasi · Budi · Perangkat Desa Sukajaya");
    expect(detail).toContain("Aspirasi dikirim · Bapak/Ibu");
  });
});

describe("bad input and abuse", () => {
  it("empty, two-word and overlong descriptions, a photo or a sticker where text is expected: each is explained and the question stays", async () => {
    const f = await aForum(h);
    const w = await f.resident(0);
    await say(h, w, "/aspirasi");
    await press(h, w, w.id, "Infrastruktur");
    await say(h, w, "Jalan rusak");
    expect(lastText(h, w.id)).toContain("terlalu singkat");
    await say(h, w, "   ");
    expect(lastText(h, w.id)).toContain("terlalu singkat");
    await say(h, w, `Jalan rusak ${"sekali ".repeat(500)}`);
    expect(lastText(h, w.id)).toContain("terlalu panjang");
    expect(lastText(h, w.id)).toContain("3.000");
    await h.send(h.fake.updates.photo(w, "private"));
    expect(lastText(h, w.id)).toContain("Mohon tulis isinya dahulu");
    await h.send(h.fake.updates.sticker(w, "private"));
    expect(lastText(h, w.id)).toContain("isi aspirasinya");
    await say(h, w, "Jalan di RT 03 berlubang besar sekali");
    expect(lastText(h, w.id)).toContain("kirim foto");
  });

  it("a fourth photo is refused, and photos sent as files are asked again as photos", async () => {
    const f = await aForum(h);
    const w = await f.resident(0);
    await say(h, w, "/aspirasi");
    await press(h, w, w.id, "Infrastruktur");
    await say(h, w, "Jalan di RT 03 berlubang besar sekali");
    await h.send(h.fake.updates.document(w, "private", { file_name: "foto.jpg", mime_type: "image/jpeg" }));
    expect(lastText(h, w.id)).toContain("sebagai foto");
    for (let i = 0; i < 4; i++) await h.send(h.fake.updates.photo(w, "private"));
    expect(lastText(h, w.id)).toContain("Foto tidak ditambahkan lagi");
    await press(h, w, w.id, "Lewati");
    await press(h, w, w.id, "Dengan nama");
    await press(h, w, w.id, "Kirim");
    expect((await prisma().aspiration.findFirstOrThrow()).photos).toHaveLength(3);
  });

  it("a location sent outside the intake gets a hint", async () => {
    const u = h.fake.addUser({ first_name: "Lia" });
    await ensureConsent(h, u); // past the privacy notice of a first contact
    await h.send(h.fake.updates.location(u, "private", { latitude: -5, longitude: 105 }));
    expect(lastText(h, u.id)).toContain("Lokasi hanya dipakai saat menulis aspirasi");
  });

  it("a sixth aspiration within 24 hours is refused before anything is asked", async () => {
    const f = await aForum(h);
    const w = await f.resident(0);
    const topics = ["jalan", "lampu", "selokan", "jembatan", "trotoar"];
    for (const t of topics) await anAspiration(h, f, w, { text: `Mohon perbaikan ${t} di dusun satu yang sudah lama rusak`, category: "Lainnya" });
    await say(h, w, "/aspirasi");
    expect(lastText(h, w.id)).toContain("sudah mengirim 5 aspirasi dalam 24 jam");
    expect(buttons(h, w.id)).toHaveLength(0);
    h.clock.advance(DAY + 1000);
    await say(h, w, "/aspirasi");
    expect(lastText(h, w.id)).toContain("kategori");
  });

  it("Kirim pressed twice creates one aspiration; the second press is told the button is no longer valid", async () => {
    const f = await aForum(h);
    const budi = await f.official(0);
    const w = await f.resident(0);
    await fileAspiration(h, f, w, { via: "command", send: false });
    const summary = h.fake.sent(w.id).at(-1)!;
    const send = buttons(h, w.id).find((b) => b.text.includes("Kirim"))!.data!;
    await h.send(h.fake.updates.callback(w, w.id, summary.message_id, send));
    await h.send(h.fake.updates.callback(w, w.id, summary.message_id, send));
    expect(lastToast(h)).toContain("tidak berlaku");
    await h.flush();
    expect(await prisma().aspiration.count()).toBe(1);
    expect(texts(h, budi.id).filter((t) => t.includes("Aspirasi baru"))).toHaveLength(1);
  });
});

describe("public list and support", () => {
  it("in a village group, /daftar_aspirasi lists that village's public aspirations, most supported first, and each person supports once", async () => {
    const f = await aForum(h);
    const g = f.villages[0]!.group;
    const [w1, w2, w3] = [await f.resident(0, "A"), await f.resident(0, "B"), await f.resident(0, "C")];
    const a = await anAspiration(h, f, w1);
    const b = await anAspiration(h, f, w2, { category: "Pertanian", text: IRRIGATION });
    const secret = await anAspiration(h, f, w2, { category: "Kesehatan", text: POSYANDU, privacy: "rahasia" });
    await anAspiration(h, f, await f.resident(1), { village: 1, text: "Jembatan gantung di dusun tiga sudah miring dan berbahaya" });

    await h.send(h.fake.updates.command(w3, g, "daftar_aspirasi"));
    let list = lastText(h, g.id);
    expect(list).toContain("Desa Sukajaya — 2 aspirasi");
    expect(list).not.toContain(secret.ticketNo);
    expect(list).not.toContain("Jembatan"); // another village
    expect(list.indexOf(a.ticketNo)).toBeLessThan(list.indexOf(b.ticketNo));

    await press(h, w3, g, "Dukung 2");
    expect(lastToast(h)).toContain("Terima kasih");
    // The list is redrawn in the new order: the irrigation one is now first.
    expect(lastText(h, g.id).indexOf(b.ticketNo)).toBeLessThan(lastText(h, g.id).indexOf(a.ticketNo));
    await press(h, w1, g, "Dukung 1");
    list = lastText(h, g.id);
    expect(list.indexOf(b.ticketNo)).toBeLessThan(list.indexOf(a.ticketNo));
    expect(list).toContain(`${b.ticketNo} · Pertanian · Baru · 👍 2`);
    // The same person again: counted once.
    await press(h, w3, g, "Dukung 1");
    expect(lastToast(h)).toContain("sudah mendukung");
    // The reporter cannot support their own.
    await press(h, w2, g, "Dukung 1");
    expect(lastToast(h)).toContain("aspirasi Bapak/Ibu sendiri");
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: b.id } })).supportCount).toBe(2);
    expect(await prisma().aspirationSupport.count({ where: { aspirationId: b.id } })).toBe(2);
  });

  it("privately, /daftar_aspirasi takes a village name; an unknown one is explained", async () => {
    const f = await aForum(h);
    const w = await f.resident(0);
    await anAspiration(h, f, await f.resident(1), { village: 1 });
    await say(h, w, "/daftar_aspirasi Sidorejo");
    expect(lastText(h, w.id)).toContain("Desa Sidorejo — 1 aspirasi");
    await say(h, w, "/daftar_aspirasi semua");
    expect(lastText(h, w.id)).toContain("semua desa — 1 aspirasi");
    await say(h, w, "/daftar_aspirasi Atlantis");
    expect(lastText(h, w.id)).toContain('Desa "Atlantis" tidak ditemukan');
  });

  it("a support button pressed in another forum's group is refused", async () => {
    const f = await aForum(h);
    const other = await aForum(h);
    const a = await anAspiration(h, f, await f.resident(0));
    const stranger = await other.resident(0);
    const g = other.villages[0]!.group;
    await h.send(h.fake.updates.command(stranger, g, "daftar_aspirasi"));
    const msg = h.fake.sent(g.id).at(-1)!;
    await h.send(h.fake.updates.callback(stranger, g, msg.message_id, `ask:${f.id}:${a.id}:0:0`));
    expect(lastToast(h)).toContain("belum terdaftar di forum ini");
    await h.send(h.fake.updates.callback(stranger, g, msg.message_id, `ask:${other.id}:${a.id}:0:0`));
    expect(lastToast(h)).toContain("tidak ditemukan");
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } })).supportCount).toBe(0);
  });
});

describe("duplicates", () => {
  it("before sending, a resident is shown a similar open aspiration from a neighbouring village and supports it instead", async () => {
    const f = await aForum(h);
    const existing = await anAspiration(h, f, await f.resident(1), { village: 1, text: ROAD });
    await anAspiration(h, f, await f.resident(2), { village: 2, category: "Kesehatan", text: ROAD.replace("Jalan", "Puskesmas") });
    const w = await f.resident(0, "Dewi");
    await say(h, w, "/aspirasi");
    await press(h, w, w.id, "Infrastruktur");
    await say(h, w, "Jalan di RT 03 rusak parah dan berlubang, tolong diperbaiki sebelum hujan");
    const offer = lastText(h, w.id);
    expect(offer).toContain("serupa");
    expect(offer).toContain(existing.ticketNo);
    expect(offer).toContain("Desa Sidorejo");
    expect(buttons(h, w.id).map((b) => b.text)).toEqual(["👍 Dukung 1", "➡️ Tetap kirim milik saya", "❌ Batal"]);
    await press(h, w, w.id, "Dukung 1");
    expect(lastText(h, w.id)).toContain("sekarang 1 pendukung");
    expect(await prisma().aspiration.count()).toBe(2);
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: existing.id } })).supportCount).toBe(1);
  });

  it("nothing similar: no suggestion, the intake goes straight on", async () => {
    const f = await aForum(h);
    await anAspiration(h, f, await f.resident(1), { village: 1, category: "Pertanian", text: IRRIGATION });
    const w = await f.resident(0);
    await say(h, w, "/aspirasi");
    await press(h, w, w.id, "Infrastruktur");
    await say(h, w, "Lampu penerangan jalan di dusun dua mati sudah sebulan");
    expect(lastText(h, w.id)).toContain("kirim foto");
  });
});

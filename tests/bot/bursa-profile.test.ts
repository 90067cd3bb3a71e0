import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { lastToast } from "../support/aspirasi.js";
import { actorFor, ENTERPRISE_HEADER, PROFILE_HEADER, sendFile, xlsx } from "../support/bursa.js";
import { applyImport, ImportRejected, planImport, updateProfile } from "../../src/domain/bursa/index.js";
import { readXlsx } from "../../src/lib/spreadsheet-read.js";
import { NotAllowed } from "../../src/domain/errors.js";

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
const profileOf = (forumId: number, villageId: number) => prisma().villageProfile.findUnique({ where: { forumId_villageId: { forumId, villageId } } });

describe("guided editing and history", () => {
  it("an official fills in their village's population through the conversation; history keeps who, when, what and how", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await say(h, budi, "/profil");
    expect(lastText(h, budi.id)).toContain("Profil Desa Sukajaya");
    expect(lastText(h, budi.id)).toContain("belum diisi");
    await press(h, budi, budi.id, "Ubah");
    await press(h, budi, budi.id, "Penduduk");
    await say(h, budi, "2.345");
    await say(h, budi, "seribu");
    expect(lastText(h, budi.id)).toContain("bukan angka");
    await say(h, budi, "712");
    expect(texts(h, budi.id).at(-2)).toContain("Tersimpan");
    await press(h, budi, budi.id, "Komoditas");
    await say(h, budi, "padi, jagung, kopi robusta");
    await press(h, budi, budi.id, "Selesai");

    const p = await profileOf(f.id, f.villages[0]!.id);
    expect(p).toMatchObject({ population: 2345, households: 712, commodities: ["padi", "jagung", "kopi robusta"], version: 2 });
    const hist = await prisma().villageProfileChange.findMany({ where: { forumId: f.id }, orderBy: { id: "asc" } });
    expect(hist.map((x) => x.source)).toEqual(["chat", "chat"]);
    expect(hist[0]!.changes).toEqual([
      { field: "population", before: "", after: "2345" },
      { field: "households", before: "", after: "712" },
    ]);

    await say(h, budi, "/profil");
    expect(lastText(h, budi.id)).toContain("2.345 jiwa · 712 KK");
    await press(h, budi, budi.id, "Riwayat");
    const history = lastText(h, budi.id);
    expect(history).toContain("Riwayat profil Desa Sukajaya");
    expect(history).toContain("Budi (lewat percakapan)");
    expect(history).toContain("Jumlah penduduk: — → 2345");
    expect(history).toContain("Komoditas dan potensi: — → padi, jagung, kopi robusta");
  });

  it("the village office's point is taken from a location pin and refused outside Indonesia", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await say(h, budi, "/profil");
    await press(h, budi, budi.id, "Ubah");
    await press(h, budi, budi.id, "Titik lokasi");
    await say(h, budi, "52.37, 4.89");
    expect(lastText(h, budi.id)).toContain("di luar Indonesia");
    await h.send(h.fake.updates.location(budi, "private", { latitude: -4.93, longitude: 105.02 }));
    expect(texts(h, budi.id).at(-2)).toContain("Tersimpan");
    expect(await profileOf(f.id, f.villages[0]!.id)).toMatchObject({ latitude: -4.93, longitude: 105.02 });
  });
});

describe("authorization", () => {
  it("an official sees another village's profile without edit buttons, and a forged edit button or domain call is refused", async () => {
    const f = await aForum(h);
    const sari = await f.official(1, "Sari");
    await say(h, sari, "/profil Sukajaya");
    expect(lastText(h, sari.id)).toContain("Profil Desa Sukajaya");
    expect(buttons(h, sari.id).map((b) => b.text)).toEqual([]);
    const msg = h.fake.sent(sari.id).at(-1)!;
    for (const act of ["e", "u", "h"]) {
      await h.send(h.fake.updates.callback(sari, sari.id, msg.message_id, `bpv:${f.villages[0]!.id}:${act}`));
      expect(lastToast(h)).toContain("hanya dapat mengubah profil desa Bapak/Ibu sendiri");
    }
    await expect(updateProfile(h.app.deps, await actorFor(h, sari), f.id, f.villages[0]!.id, { population: 1 })).rejects.toBeInstanceOf(NotAllowed);
    expect(await profileOf(f.id, f.villages[0]!.id)).toBeNull();
  });

  it("a stranger is refused, and an official whose role was revoked can no longer edit (old buttons included)", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await say(h, budi, "/profil");
    const msg = h.fake.sent(budi.id).at(-1)!;
    await prisma().membership.deleteMany({ where: { person: { telegramUserId: BigInt(budi.id) } } });
    await h.send(h.fake.updates.callback(budi, budi.id, msg.message_id, `bpv:${f.villages[0]!.id}:e`));
    expect(lastToast(h)).toContain("tidak berlaku");
    await say(h, budi, "/profil Sukajaya");
    expect(lastText(h, budi.id)).toContain("belum terdaftar");
    await expect(updateProfile(h.app.deps, await actorFor(h, budi), f.id, f.villages[0]!.id, { population: 1 })).rejects.toBeInstanceOf(NotAllowed);

    const stranger = h.fake.addUser({ first_name: "Asing" });
    await say(h, stranger, "/profil Sukajaya");
    expect(lastText(h, stranger.id)).toContain("belum terdaftar");
    expect(await profileOf(f.id, f.villages[0]!.id)).toBeNull();
  });

  it("mitra and residents see the profile without the contact; officials see it; a linked group (anyone in it) never does", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await updateProfile(h.app.deps, await actorFor(h, budi), f.id, f.villages[0]!.id, { population: 2345, contactName: "Pak Harjo", contactPhone: "081234567890" });
    const mitra = await f.person("mitra", undefined, "Unila");
    const warga = await f.resident(0, "Wati");
    const sari = await f.official(1, "Sari");
    for (const u of [mitra, warga]) {
      await say(h, u, "/profil Sukajaya");
      expect(lastText(h, u.id)).toContain("2.345 jiwa");
      expect(lastText(h, u.id)).not.toContain("Harjo");
      expect(lastText(h, u.id)).not.toContain("0812");
    }
    await say(h, sari, "/profil Sukajaya");
    expect(lastText(h, sari.id)).toContain("Pak Harjo · 081234567890");
    for (const u of [budi, h.fake.addUser({ first_name: "Tamu" })]) {
      await h.send(h.fake.updates.command(u, f.villages[0]!.group, "profil"));
      expect(lastText(h, f.villages[0]!.group.id)).toContain("2.345 jiwa");
      expect(lastText(h, f.villages[0]!.group.id)).not.toContain("Harjo");
      expect(buttons(h, f.villages[0]!.group.id)).toEqual([]);
    }
  });

  it("another forum sees nothing of this forum's profiles, even with a village of the same name or a forged button", async () => {
    const f = await aForum(h);
    const g = await aForum(h);
    const budi = await f.official(0, "Budi");
    await updateProfile(h.app.deps, await actorFor(h, budi), f.id, f.villages[0]!.id, { population: 9999, commodities: ["kopi"] });
    await say(h, g.admin, "/profil Sukajaya");
    expect(lastText(h, g.admin.id)).toContain("belum diisi");
    expect(lastText(h, g.admin.id)).not.toContain("9.999");
    const msg = h.fake.sent(g.admin.id).at(-1)!;
    await h.send(h.fake.updates.callback(g.admin, g.admin.id, msg.message_id, `bpp:${f.villages[0]!.id}`));
    expect(lastToast(h)).toContain("tidak berlaku");
    await say(h, g.admin, "/potensi kopi");
    expect(lastText(h, g.admin.id)).toContain("Belum ada desa");
    await say(h, f.admin, "/potensi kopi");
    expect(lastText(h, f.admin.id)).toContain("Sukajaya");
  });
});

describe("/potensi", () => {
  it("lists villages whose commodities or BUMDes products name the thing, by meaning (robusta is kopi)", async () => {
    const f = await aForum(h);
    const a = await actorFor(h, f.admin);
    await updateProfile(h.app.deps, a, f.id, f.villages[0]!.id, { commodities: ["padi", "kopi robusta"] });
    await updateProfile(h.app.deps, a, f.id, f.villages[1]!.id, { commodities: ["lada", "karet"] });
    await updateProfile(h.app.deps, a, f.id, f.villages[2]!.id, { commodities: ["arabika"] });
    const warga = await f.resident(1);
    await say(h, warga, "/potensi kopi");
    const text = lastText(h, warga.id);
    expect(text).toContain("2 desa punya “kopi”");
    expect(text).toContain("Sukajaya");
    expect(text).toContain("Bangunrejo");
    expect(text).not.toContain("Sidorejo");
  });
});

describe("template upload", () => {
  const good = () =>
    xlsx([
      {
        name: "Profil",
        rows: [
          PROFILE_HEADER,
          ["Sukajaya", "2.345", 712, "1.250,5", "Krajan, Sumberejo", "padi, kopi", "SD, polindes", "jalan rusak", "Pak Harjo", "0812 3456 7890", -4.93, 105.02],
          ["Desa Sidorejo", 1800, 500, 900, 4, "lada, karet", "pasar desa", null, null, null, null, null],
        ],
      },
      { name: "Usaha", rows: [ENTERPRISE_HEADER, ["Sukajaya", "BUMDes", "BUMDes Maju", "simpan pinjam, sewa alsintan", "beras, jasa traktor"]] },
    ]);

  it("the template lists the villages the person keeps, filled with today's values, and a correct upload is saved whole with its history", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/profil Sukajaya");
    await press(h, f.admin, f.admin.id, "Templat");
    const doc = h.fake.callsTo("sendDocument").at(-1)!;
    const file = Object.values(doc.files)[0]!;
    expect(file.filename).toBe("templat-profil-desa.xlsx");
    const sheets = await readXlsx(file.bytes);
    expect(sheets.map((s) => s.name)).toEqual(["Profil", "Usaha"]);
    expect(sheets[0]!.rows[0]).toEqual(PROFILE_HEADER);
    expect(sheets[0]!.rows.slice(1).map((r) => r[0])).toEqual(["Bangunrejo", "Mulyo Asri", "Sidorejo", "Sukajaya", "Tanjung Jaya"]);

    await press(h, f.admin, f.admin.id, "Unggah berkas");
    await sendFile(h, f.admin, "profil.xlsx", await good());
    expect(lastText(h, f.admin.id)).toContain("Semua baris benar. 2 desa akan diperbarui");
    await press(h, f.admin, f.admin.id, "Simpan");
    expect(lastText(h, f.admin.id)).toContain("2 desa diperiksa, 2 berubah");
    expect(await profileOf(f.id, f.villages[0]!.id)).toMatchObject({ population: 2345, households: 712, areaHa: 1250.5, dusun: ["Krajan", "Sumberejo"], dusunCount: 2, contactPhone: "081234567890", latitude: -4.93 });
    expect(await profileOf(f.id, f.villages[1]!.id)).toMatchObject({ population: 1800, dusun: [], dusunCount: 4, commodities: ["lada", "karet"] });
    const ent = await prisma().villageEnterprise.findMany({ where: { forumId: f.id } });
    expect(ent).toHaveLength(1);
    expect(ent[0]).toMatchObject({ villageId: f.villages[0]!.id, kind: "bumdes", units: ["simpan pinjam", "sewa alsintan"] });
    const hist = await prisma().villageProfileChange.findMany({ where: { forumId: f.id } });
    expect(hist.map((x) => x.source)).toEqual(["upload", "upload"]);
  });

  it("bad rows, wrong types and a duplicate village are reported by row and column, and nothing of the upload is saved", async () => {
    const f = await aForum(h);
    const bytes = await xlsx([
      {
        name: "Profil",
        rows: [
          [...PROFILE_HEADER, "Catatan"],
          ["Sukajaya", 2345, 712, null, null, "padi", null, null, null, null, null, null, null],
          ["Sidorejo", "seribu", 500, "-3", null, null, null, null, null, "telp kantor", null, null, null],
          ["sukajaya", 100, null, null, null, null, null, null, null, null, null, null, null],
          ["Antah Berantah", 1, 1, null, null, null, null, null, null, null, -4.9, null, null],
          ["Bangunrejo", 10, 10, null, null, null, null, null, null, null, 105.02, -4.93, null],
        ],
      },
      { name: "Usaha", rows: [ENTERPRISE_HEADER, ["Sukajaya", "PT", "Maju", null, null]] },
    ]);
    await say(h, f.admin, "/profil Sukajaya");
    await press(h, f.admin, f.admin.id, "Unggah berkas");
    await sendFile(h, f.admin, "profil.xlsx", bytes);
    const text = lastText(h, f.admin.id);
    expect(text).toContain("Tidak ada yang disimpan");
    expect(text).toContain("Lembar Profil, baris 1, kolom “Catatan”: judul kolom tidak dikenal");
    expect(text).toContain("Lembar Profil, baris 3, kolom “Jumlah Penduduk”: “seribu” bukan angka");
    expect(text).toContain("Lembar Profil, baris 3, kolom “Luas (ha)”: “-3” angka tidak boleh negatif");
    expect(text).toContain("Lembar Profil, baris 3, kolom “Telepon Kontak”: “telp kantor” nomor telepon tidak dikenali");
    expect(text).toContain("Lembar Profil, baris 4, kolom “Desa”: “Sukajaya (2)” desa ini sudah ada di baris lain");
    expect(text).toContain("Lembar Profil, baris 5, kolom “Desa”: “Antah Berantah” desa ini tidak ada di forum");
    expect(text).toContain("baris 5, kolom “Bujur”: lintang dan bujur harus diisi keduanya");
    expect(text).toContain("Lembar Profil, baris 6, kolom “Lintang”: “105.02, -4.93” titik berada di luar Indonesia");
    expect(text).toContain("Lembar Usaha, baris 2, kolom “Jenis”: “PT” jenis harus BUMDes");
    expect(await prisma().villageProfile.count()).toBe(0);
    expect(await prisma().villageEnterprise.count()).toBe(0);
    expect(await prisma().villageProfileChange.count()).toBe(0);
    // The flow waits for a corrected file.
    await sendFile(h, f.admin, "profil.csv", Buffer.from("\uFEFFDesa;Jumlah Penduduk;Komoditas dan Potensi\r\nSukajaya;2.345;\"padi; jagung\"\r\n"));
    expect(lastText(h, f.admin.id)).toContain("1 desa akan diperbarui");
    await press(h, f.admin, f.admin.id, "Simpan");
    expect(await profileOf(f.id, f.villages[0]!.id)).toMatchObject({ population: 2345, commodities: ["padi", "jagung"], households: null });
  });

  it("an official's upload that names another village is refused whole: their own row is not saved either", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await say(h, budi, "/profil");
    await press(h, budi, budi.id, "Unggah berkas");
    await sendFile(h, budi, "profil.xlsx", await good());
    expect(lastText(h, budi.id)).toContain("baris 3, kolom “Desa”: “Sidorejo” Bapak/Ibu hanya dapat mengubah profil desa Bapak/Ibu sendiri");
    expect(await prisma().villageProfile.count()).toBe(0);
  });

  it("rights are checked again when writing: an upload approved before the official was revoked writes nothing", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sheets = await readXlsx(await xlsx([{ name: "Profil", rows: [PROFILE_HEADER.slice(0, 2), ["Sukajaya", 100]] }]));
    const before = await actorFor(h, budi);
    expect((await planImport(prisma(), before, f.id, sheets)).errors).toEqual([]);
    await prisma().membership.deleteMany({ where: { personId: before.personId } });
    await expect(applyImport(h.app.deps, await actorFor(h, budi), f.id, sheets)).rejects.toBeInstanceOf(NotAllowed);
    // An approved plan whose village disappeared meanwhile is rejected with its errors.
    const admin = await actorFor(h, f.admin);
    await prisma().village.delete({ where: { id: f.villages[0]!.id } });
    await expect(applyImport(h.app.deps, admin, f.id, sheets)).rejects.toBeInstanceOf(ImportRejected);
    expect(await prisma().villageProfile.count()).toBe(0);
    expect(texts(h, budi.id).join("\n")).not.toContain("Tersimpan");
  });
});

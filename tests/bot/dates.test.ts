import type { User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { lastToast } from "../support/aspirasi.js";

// The shared date step (src/bot/lib/date-step.ts) as people meet it in the flows: asked back when
// the hour is ambiguous, refused with an example when a word is not understood, always echoed.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
const wib = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0); // Senin, 30 November 2026 09.00 WIB
  h.fake.setNow(T0);
});

const prisma = () => h.app.deps.prisma;

/** /pengumuman up to the schedule question. */
async function toSchedule(user: User) {
  await say(h, user, "/pengumuman");
  await say(h, user, "Kerja bakti membersihkan saluran air.");
  await press(h, user, user.id, "Semua grup desa");
  await press(h, user, user.id, "🗓️ Jadwalkan");
}

describe("an hour from 1 to 5 without pagi/siang/sore/malam", () => {
  it("is asked back with two buttons, never taken as 03.00; the answer is echoed and stored", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await toSchedule(f.admin);
    await say(h, f.admin, "besok jam 3");
    expect(lastText(h, f.admin.id)).toContain("Maksud Bapak/Ibu pukul 03.00 atau pukul 15.00?");
    expect(buttons(h, f.admin.id).map((b) => b.text)).toEqual(["🌙 03.00", "☀️ 15.00", "❌ Batal"]);
    await press(h, f.admin, f.admin.id, "15.00");
    expect(lastText(h, f.admin.id)).toBe("📅 Selasa, 1 Desember 2026 pukul 15.00 WIB — benar?");
    await press(h, f.admin, f.admin.id, "Benar");
    expect(texts(h, f.admin.id).join("\n")).toContain("Dijadwalkan: Selasa, 1 Desember 2026 pukul 15.00 WIB");
    await press(h, f.admin, f.admin.id, "✅ Jadwalkan");
    expect((await prisma().broadcast.findFirstOrThrow()).scheduledAt).toEqual(wib("2026-12-01 15:00"));
  });

  it("when only one reading can be used (03.00 today has passed), that one is taken and the person told", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await toSchedule(f.admin);
    await say(h, f.admin, "hari ini jam 3");
    const all = texts(h, f.admin.id);
    expect(all.at(-2)).toBe("Pukul 03.00 tidak bisa dipakai, jadi saya baca pukul 15.00.");
    expect(all.at(-1)).toBe("📅 Senin, 30 November 2026 pukul 15.00 WIB — benar?");
  });

  it("a time typed instead of pressing a button is read afresh; an old hour button is refused", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await toSchedule(f.admin);
    await say(h, f.admin, "besok jam 2");
    const question = h.fake.sent(f.admin.id).at(-1)!;
    await say(h, f.admin, "besok jam 2 siang");
    expect(lastText(h, f.admin.id)).toBe("📅 Selasa, 1 Desember 2026 pukul 14.00 WIB — benar?");
    await h.send(h.fake.updates.callback(f.admin, f.admin.id, question.message_id, "tgh:0"));
    expect(lastToast(h)).toContain("sudah tidak berlaku");
    await press(h, f.admin, f.admin.id, "Benar");
    await press(h, f.admin, f.admin.id, "✅ Jadwalkan");
    expect((await prisma().broadcast.findFirstOrThrow()).scheduledAt).toEqual(wib("2026-12-01 14:00"));
  });
});

describe("never silently wrong", () => {
  it("words the reader does not know are named back with an example, and nothing is scheduled for today", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await toSchedule(f.admin);
    await say(h, f.admin, "besok jam 9 di balai desa");
    expect(lastText(h, f.admin.id)).toBe(
      "Maaf, saya belum mengerti kata balai, desa dalam waktu itu. Tulis tanggal dan jamnya saja, misalnya: besok 09.00, Senin 14.00 atau malam Jumat ba'da Isya.",
    );
    await say(h, f.admin, "secepatnya");
    expect(lastText(h, f.admin.id)).toContain("belum mengerti kata secepatnya");
    expect(await prisma().broadcast.count()).toBe(0);
  });

  it("✏️ Ubah asks again; a date typed at the echo replaces the first", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await toSchedule(f.admin);
    await say(h, f.admin, "besok 09.00");
    await press(h, f.admin, f.admin.id, "Ubah");
    expect(lastText(h, f.admin.id)).toBe("Silakan tulis lagi tanggal dan jamnya.");
    await say(h, f.admin, "lusa 10.00");
    expect(lastText(h, f.admin.id)).toBe("📅 Rabu, 2 Desember 2026 pukul 10.00 WIB — benar?");
    await say(h, f.admin, "malam Jumat jam 8");
    expect(lastText(h, f.admin.id)).toBe("📅 Kamis, 3 Desember 2026 pukul 20.00 WIB — benar?");
    await press(h, f.admin, f.admin.id, "Benar");
    await press(h, f.admin, f.admin.id, "✅ Jadwalkan");
    expect((await prisma().broadcast.findFirstOrThrow()).scheduledAt).toEqual(wib("2026-12-03 20:00"));
  });
});

describe("every flow that takes a date echoes it", () => {
  it("a vote deadline typed as 'bsk jam setengah 5 sore' is confirmed before the vote goes on; a preset needs no echo", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await say(h, f.admin, "/voting");
    await press(h, f.admin, f.admin.id, "Pemungutan suara baru");
    await say(h, f.admin, "Setujukah jadwal ronda baru?");
    await say(h, f.admin, "1. Setuju\n2. Tidak setuju");
    await press(h, f.admin, f.admin.id, "Satu jawaban");
    await press(h, f.admin, f.admin.id, "Terbuka");
    await press(h, f.admin, f.admin.id, "Sukajaya");
    await press(h, f.admin, f.admin.id, "Sidorejo");
    await press(h, f.admin, f.admin.id, "Selesai");
    await press(h, f.admin, f.admin.id, "Per orang");
    await press(h, f.admin, f.admin.id, "Anggota grup");
    await say(h, f.admin, "bsk jam setengah 5 sore");
    expect(lastText(h, f.admin.id)).toBe("📅 Selasa, 1 Desember 2026 pukul 16.30 WIB — benar?");
    await press(h, f.admin, f.admin.id, "Benar");
    expect(buttons(h, f.admin.id).map((b) => b.text)).toContain("Tanpa kuorum"); // on to the quorum
    await say(h, f.admin, "/batal");
    // A preset button is its own echo: "Ditutup: …" and on.
    await say(h, f.admin, "/voting");
    await press(h, f.admin, f.admin.id, "Pemungutan suara baru");
    await say(h, f.admin, "Setujukah jadwal ronda baru?");
    await say(h, f.admin, "1. Setuju\n2. Tidak setuju");
    await press(h, f.admin, f.admin.id, "Satu jawaban");
    await press(h, f.admin, f.admin.id, "Terbuka");
    await press(h, f.admin, f.admin.id, "Sukajaya");
    await press(h, f.admin, f.admin.id, "Sidorejo");
    await press(h, f.admin, f.admin.id, "Selesai");
    await press(h, f.admin, f.admin.id, "Per orang");
    await press(h, f.admin, f.admin.id, "Anggota grup");
    await press(h, f.admin, f.admin.id, "1 hari");
    expect(texts(h, f.admin.id).join("\n")).toContain("Selasa, 1 Desember 2026 pukul 09.00 WIB");
    expect(buttons(h, f.admin.id).map((b) => b.text)).toContain("Tanpa kuorum");
  });

  it("a meeting's answer deadline typed in the settings is read, echoed and judged against the start", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Buat undangan baru");
    await press(h, f.admin, f.admin.id, "Musyawarah Desa");
    await say(h, f.admin, "Rembug warga");
    await say(h, f.admin, "Pembukaan");
    await say(h, f.admin, "Kemis jam 7 malam");
    expect(lastText(h, f.admin.id)).toContain("Kamis, 3 Desember 2026 pukul 19.00 WIB. Sudah benar?");
    await press(h, f.admin, f.admin.id, "Benar");
    await press(h, f.admin, f.admin.id, "2 jam");
    await say(h, f.admin, "Balai Desa");
    await press(h, f.admin, f.admin.id, "Lewati");
    await press(h, f.admin, f.admin.id, "Grup warga desa");
    await press(h, f.admin, f.admin.id, "Lanjut");
    await press(h, f.admin, f.admin.id, "Ubah pengaturan");
    await press(h, f.admin, f.admin.id, "Batas konfirmasi");
    await say(h, f.admin, "Jumat jam 8 pagi");
    expect(lastText(h, f.admin.id)).toContain("harus sebelum musyawarah dimulai");
    await say(h, f.admin, "Rebo ba'da Maghrib");
    expect(lastText(h, f.admin.id)).toContain("📅 Rabu, 2 Desember 2026 pukul 18.30 WIB — benar?");
    expect(lastText(h, f.admin.id)).toContain("(ba'da Maghrib = pukul 18.30, sesuai pengaturan forum)");
    await press(h, f.admin, f.admin.id, "Benar");
    expect(lastText(h, f.admin.id)).toContain("Rabu, 2 Desember 2026 pukul 18.30 WIB");
  });
});

import type { User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, texts, type ForumFixture } from "../support/world.js";
import { anAspiration, lastToast } from "../support/aspirasi.js";

// Guided flows replay every earlier step on each update: generous time on a busy 2-core runner.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
const DAY = 24 * 3600_000;
const HOUR = 3600_000;
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
const tanggal = async (forumId: number) =>
  ((await prisma().forum.findUniqueOrThrow({ where: { id: forumId } })).settings as { tanggal?: { prayerTimes?: Record<string, string>; holidays?: unknown[] } }).tanggal;

/** Presses a /kalender button with forged callback data, as someone could. */
async function forge(user: User, data: string) {
  await say(h, user, "/start");
  const msg = h.fake.sent(user.id).at(-1)!;
  await h.send(h.fake.updates.callback(user, user.id, msg.message_id, data));
}

async function addHoliday(f: ForumFixture, date: string, name: string) {
  await say(h, f.admin, "/kalender");
  await press(h, f.admin, f.admin.id, "Tambah hari libur");
  await say(h, f.admin, date);
  await press(h, f.admin, f.admin.id, "Benar");
  await say(h, f.admin, name);
}

describe("/kalender (forum admins)", () => {
  it("shows the prayer times and the coming holidays with their source", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/kalender");
    const screen = lastText(h, f.admin.id);
    expect(screen).toContain("ba'da Isya: 19.30");
    expect(screen).toContain("habis Jumatan: 13.00");
    expect(screen).toContain("Kam 24 Des — Cuti bersama Kelahiran Yesus Kristus (cuti bersama)");
    expect(screen).toContain("Jum 25 Des — Kelahiran Yesus Kristus");
    expect(screen).toContain("SKB 3 Menteri No. 1497/2025");
    expect(screen).toContain("2027: Keppres No. 8/2024");
  });

  it("an admin sets what ba'da Isya means; a date typed later in any flow uses it; other settings stay", async () => {
    const f = await aForum(h);
    await prisma().$executeRaw`UPDATE forums SET settings = '{"aspirasi":{"verifyDays":5}}'::jsonb WHERE id = ${f.id}`;
    await say(h, f.admin, "/kalender");
    await press(h, f.admin, f.admin.id, "Ubah waktu sholat");
    await press(h, f.admin, f.admin.id, "ba'da Isya");
    await say(h, f.admin, "jam 8 malam");
    expect(lastText(h, f.admin.id)).toContain("Tulis jamnya seperti 19.30");
    await say(h, f.admin, "20.00");
    expect(lastText(h, f.admin.id)).toContain("Tersimpan: ba'da Isya = pukul 20.00");
    expect((await tanggal(f.id))!.prayerTimes!.isya).toBe("20:00");
    const all = (await prisma().forum.findUniqueOrThrow({ where: { id: f.id } })).settings as Record<string, unknown>;
    expect(all.aspirasi).toEqual({ verifyDays: 5 });

    // The musyawarah flow reads "malam Jumat ba'da Isya" with the forum's time and says where it came from.
    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Buat undangan baru");
    await press(h, f.admin, f.admin.id, "Musyawarah Desa");
    await say(h, f.admin, "Rembug warga");
    await say(h, f.admin, "Pembukaan");
    await say(h, f.admin, "malam Jumat ba'da Isya");
    const echo = lastText(h, f.admin.id);
    expect(echo).toContain("Kamis, 3 Desember 2026 pukul 20.00 WIB");
    expect(echo).toContain("(ba'da Isya = pukul 20.00, sesuai pengaturan forum)");
  });

  it("an admin adds a local holiday and removes it; a national holiday or a past day is refused", async () => {
    const f = await aForum(h);
    await addHoliday(f, "tanggal sepuluh", "HUT Kampung Sukajaya");
    expect(lastText(h, f.admin.id)).toContain("Kamis, 10 Desember 2026 — HUT Kampung Sukajaya dicatat sebagai hari libur forum");
    expect((await tanggal(f.id))!.holidays).toEqual([{ date: "2026-12-10", name: "HUT Kampung Sukajaya" }]);
    await say(h, f.admin, "/kalender");
    expect(lastText(h, f.admin.id)).toContain("Kam 10 Des — HUT Kampung Sukajaya (libur forum)");

    await press(h, f.admin, f.admin.id, "Tambah hari libur");
    await say(h, f.admin, "kemarin");
    expect(lastText(h, f.admin.id)).toContain("sudah lewat");
    await say(h, f.admin, "25/12");
    await press(h, f.admin, f.admin.id, "Benar");
    await say(h, f.admin, "Natal bersama");
    // Refused with the holiday's name, then asked for another date.
    expect(texts(h, f.admin.id).at(-2)).toContain("sudah libur nasional atau cuti bersama: Kelahiran Yesus Kristus");
    expect(lastText(h, f.admin.id)).toContain("Tanggal berapa hari liburnya?");
    await say(h, f.admin, "/batal");

    await say(h, f.admin, "/kalender");
    await press(h, f.admin, f.admin.id, "Hapus hari libur");
    await press(h, f.admin, f.admin.id, "HUT Kampung Sukajaya");
    expect(lastText(h, f.admin.id)).toContain("sudah dihapus");
    expect((await tanggal(f.id))!.holidays).toEqual([]);
  });

  it("nobody but an admin of that forum may open or press it: stranger, warga, perangkat desa, another forum's admin", async () => {
    const f = await aForum(h);
    const other = await aForum(h, { villages: ["Lain"] });
    const stranger = h.fake.addUser({ first_name: "Asing" });
    const warga = await f.resident(0);
    const official = await f.official(0);
    const mitra = await f.person("mitra");
    for (const user of [stranger, warga, official, mitra, other.admin]) {
      for (const act of ["p", "a", "r"]) {
        await forge(user, `kal:${f.id}:${act}`);
        expect(lastToast(h), `${user.first_name} ${act}`).toContain("Hanya admin forum");
        expect(lastText(h, user.id)).not.toContain("Waktu sholat mana");
      }
    }
    for (const user of [warga, official, mitra]) {
      await say(h, user, "/kalender");
      expect(lastText(h, user.id)).toContain("Hanya admin forum");
    }
    // Forged ids and acts are old buttons, not errors.
    await forge(f.admin, `kal:${f.id}:x`);
    expect(lastToast(h)).toContain("sudah tidak berlaku");
    expect(await tanggal(f.id)).toBeUndefined();
  });

  it("an admin whose role is revoked mid-flow saves nothing", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/kalender");
    await press(h, f.admin, f.admin.id, "Ubah waktu sholat");
    await press(h, f.admin, f.admin.id, "ba'da Maghrib");
    await prisma().membership.deleteMany({ where: { forumId: f.id, role: "admin_forum" } });
    await say(h, f.admin, "18.45");
    expect(lastText(h, f.admin.id)).toContain("Hanya admin forum");
    expect(await tanggal(f.id)).toBeUndefined();
  });
});

describe("working days: aspiration deadlines skip holidays", () => {
  it("verification counts working days without the forum's own holiday", async () => {
    const f = await aForum(h);
    await addHoliday(f, "2/12", "HUT Kampung Sukajaya"); // Rabu
    const a = await anAspiration(h, f, await f.resident(0)); // Senin 09.00
    const row = await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.verifyDueAt).toEqual(wib("2026-12-04 09:00")); // Sel, (Rab libur), Kam, Jum
  });

  it("verification around Natal skips cuti bersama, Natal and the weekend", async () => {
    const f = await aForum(h);
    h.clock.set(wib("2026-12-23 09:00"));
    const a = await anAspiration(h, f, await f.resident(0));
    const row = await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.verifyDueAt).toEqual(wib("2026-12-30 09:00")); // 24 cuti, 25 Natal, 26–27 weekend: 28, 29, 30
    // 14 days on is Wednesday 6 January 2027, a working day
    expect(row.resolveDueAt).toEqual(wib("2027-01-06 09:00"));
  });

  it("an escalation due on a holiday added later waits for the next working day, then goes out once", async () => {
    const f = await aForum(h);
    const a = await anAspiration(h, f, await f.resident(0)); // escalation due Senin 14 Des 09.00
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } })).resolveDueAt).toEqual(wib("2026-12-14 09:00"));
    await addHoliday(f, "14/12", "Bersih desa");
    h.clock.set(wib("2026-12-14 09:05"));
    await h.tick();
    const escalated = () => texts(h, f.admin.id).filter((t) => t.includes("melewati batas waktu") && t.includes(a.ticketNo));
    expect(escalated()).toHaveLength(0);
    const row = await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.resolveDueAt).toEqual(wib("2026-12-15 09:00"));
    expect(row.escalatedAt).toBeNull();
    h.clock.advance(DAY);
    await h.tick();
    await h.tick();
    expect(escalated()).toHaveLength(1);
    h.clock.advance(HOUR);
    await h.tick();
    expect(escalated()).toHaveLength(1);
  });
});

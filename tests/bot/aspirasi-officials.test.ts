import { reportKeyOf } from "../../src/domain/forum/service.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { anAspiration, documentsTo, lastToast, pressOn, xlsxCells, IRRIGATION, POSYANDU } from "../support/aspirasi.js";

let h: Harness;
const DAY = 24 * 3600_000;
const HOUR = 3600_000;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0); // the harness keeps the clock across tests
});

const prisma = () => h.app.deps.prisma;
const row = (id: number) => prisma().aspiration.findUniqueOrThrow({ where: { id } });

describe("authorization", () => {
  it("an official of another village pressing Verifikasi (a forged button) changes nothing and is told why", async () => {
    const f = await aForum(h);
    await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    const a = await anAspiration(h, f, await f.resident(0));
    await say(h, sari, "/start");
    const msg = h.fake.sent(sari.id).at(-1)!;
    for (const act of ["v", "p", "s", "t", "f", "b"]) {
      await h.send(h.fake.updates.callback(sari, sari.id, msg.message_id, `asa:${a.id}:${act}:0`));
      expect(lastToast(h)).toContain("ditangani desa lain");
    }
    await h.send(h.fake.updates.callback(sari, sari.id, msg.message_id, `asd:${a.id}`));
    expect(lastToast(h)).toContain("ditangani desa lain");
    expect(await row(a.id)).toMatchObject({ status: "baru", version: 0 });
    expect(await prisma().aspirationEvent.count({ where: { aspirationId: a.id } })).toBe(1);
  });

  it("an admin of another forum cannot see or act on this forum's ticket", async () => {
    const f = await aForum(h);
    const g = await aForum(h);
    const a = await anAspiration(h, f, await f.resident(0));
    await say(h, g.admin, "/start");
    const msg = h.fake.sent(g.admin.id).at(-1)!;
    await h.send(h.fake.updates.callback(g.admin, g.admin.id, msg.message_id, `asa:${a.id}:v:0`));
    expect(lastToast(h)).toContain("tidak ditemukan");
    await h.send(h.fake.updates.callback(g.admin, g.admin.id, msg.message_id, `asd:${a.id}`));
    expect(lastToast(h)).toContain("tidak ditemukan");
    expect((await row(a.id)).status).toBe("baru");
    // And this forum's admin can act on any village.
    await say(h, f.admin, "/aspirasi_masuk");
    expect(lastText(h, f.admin.id)).toContain(a.ticketNo);
  });

  it("a resident cannot use the officials' commands", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0);
    await say(h, warga, "/aspirasi_masuk");
    expect(lastText(h, warga.id)).toContain("Hanya perangkat desa atau admin forum");
    await say(h, warga, "/aspirasi_terlambat");
    expect(lastText(h, warga.id)).toContain("Hanya admin forum");
    await say(h, warga, "/aspirasi_ekspor");
    expect(lastText(h, warga.id)).toContain("Hanya perangkat desa atau admin forum");
  });

  it("Verifikasi pressed twice verifies once; the second press is told it is already verified", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const ani = await f.resident(0, "Ani");
    const a = await anAspiration(h, f, ani);
    const card = h.fake.sent(budi.id).at(-1)!;
    const data = buttons(h, budi.id).find((b) => b.text.includes("Verifikasi"))!.data!;
    await h.send(h.fake.updates.callback(budi, budi.id, card.message_id, data));
    await h.send(h.fake.updates.callback(budi, budi.id, card.message_id, data));
    expect(lastToast(h)).toContain("sudah berstatus Diverifikasi");
    await h.flush();
    expect(await prisma().aspirationEvent.count({ where: { aspirationId: a.id, kind: "verified" } })).toBe(1);
    expect(texts(h, ani.id).filter((t) => t.includes("diverifikasi"))).toHaveLength(1);
  });

  it("a button from a message sent before the ticket changed says so and changes nothing", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const a = await anAspiration(h, f, await f.resident(0));
    const oldProcess = buttons(h, budi.id).find((b) => b.text.includes("Proses"))!.data!;
    const card = h.fake.sent(budi.id).at(-1)!;
    await pressOn(h, budi, budi.id, a.ticketNo, "Tolak");
    await say(h, budi, "Sudah pernah diusulkan dan ditolak kabupaten tahun lalu");
    await h.send(h.fake.updates.callback(budi, budi.id, card.message_id, oldProcess));
    expect(lastToast(h)).toContain("sudah berubah");
    expect((await row(a.id)).status).toBe("ditolak");
  });
});

describe("deadlines", () => {
  it("not verified within 3 working days: the officials are reminded once, even across a restart", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const a = await anAspiration(h, f, await f.resident(0)); // Monday 09.00 → due Thursday 09.00
    h.clock.advance(3 * DAY - HOUR);
    await h.tick();
    expect(texts(h, budi.id).join("\n")).not.toContain("Pengingat");
    h.clock.advance(2 * HOUR);
    await h.restart();
    await h.tick();
    await h.tick();
    await h.restart();
    h.clock.advance(DAY);
    await h.tick();
    const reminders = texts(h, budi.id).filter((t) => t.includes("Pengingat") && t.includes(a.ticketNo));
    expect(reminders).toHaveLength(1);
    expect(await prisma().aspirationEvent.count({ where: { aspirationId: a.id, kind: "reminder" } })).toBe(1);
  });

  it("a verified aspiration gets no reminder", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const a = await anAspiration(h, f, await f.resident(0));
    await pressOn(h, budi, budi.id, a.ticketNo, "Verifikasi");
    h.clock.advance(5 * DAY);
    await h.tick();
    expect(texts(h, budi.id).join("\n")).not.toContain("Pengingat");
  });

  it("not finished within 14 days: escalated to the forum admins once, who see it in the overdue list per village", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const a = await anAspiration(h, f, await f.resident(0));
    const b = await anAspiration(h, f, await f.resident(2), { village: 2, category: "Kesehatan", text: POSYANDU });
    await pressOn(h, budi, budi.id, a.ticketNo, "Verifikasi");
    h.clock.advance(14 * DAY + HOUR);
    await h.restart();
    await h.tick();
    await h.restart();
    await h.tick();
    const escalations = texts(h, f.admin.id).filter((t) => t.includes("melewati batas waktu"));
    expect(escalations).toHaveLength(2);
    expect(escalations.join()).toContain(a.ticketNo);
    expect((await row(a.id)).escalatedAt).not.toBeNull();

    await say(h, f.admin, "/aspirasi_terlambat");
    const list = lastText(h, f.admin.id);
    expect(list).toContain(`Sukajaya — 1 aspirasi`);
    expect(list).toContain(`Bangunrejo — 1 aspirasi`);
    expect(list).toContain(b.ticketNo);
  });

  it("the forum admin changes the deadlines; new aspirations follow them", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/aspirasi_atur");
    expect(lastText(h, f.admin.id)).toContain("3 hari kerja");
    await press(h, f.admin, f.admin.id, "Batas waktu");
    await say(h, f.admin, "40");
    expect(lastText(h, f.admin.id)).toContain("Tulis angka 1 sampai 30");
    await say(h, f.admin, "5");
    await say(h, f.admin, "21");
    expect(lastText(h, f.admin.id)).toContain("verifikasi 5 hari kerja");
    const forum = await prisma().forum.findUniqueOrThrow({ where: { id: f.id } });
    expect((forum.settings as any).aspirasi).toMatchObject({ verifyDays: 5, escalateDays: 21 });
    const a = await anAspiration(h, f, await f.resident(0));
    expect(a.verifyDueAt.toISOString()).toBe("2026-12-07T02:00:00.000Z"); // Monday + 5 working days
    expect(a.resolveDueAt.toISOString()).toBe("2026-12-21T02:00:00.000Z");
  });

  it("the forum admin edits the category list; the intake offers the new one", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/aspirasi_atur");
    await press(h, f.admin, f.admin.id, "Kategori");
    await say(h, f.admin, "Jalan dan Jembatan");
    expect(texts(h, f.admin.id).slice(-2).join("\n")).toContain("paling sedikit 2 kategori");
    await say(h, f.admin, "1. Jalan dan Jembatan\n2. Air Bersih\n3. Lainnya");
    expect(lastText(h, f.admin.id)).toContain("Kategori tersimpan");
    const w = await f.resident(0);
    await say(h, w, "/aspirasi");
    expect(buttons(h, w.id).map((b) => b.text)).toEqual(["Jalan dan Jembatan", "Air Bersih", "Lainnya", "❌ Batal"]);
  });
});

describe("lists, exports and the QR poster", () => {
  it("/aspirasi_masuk filters by status, category and overdue", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const w = await f.resident(0);
    const a = await anAspiration(h, f, w);
    const b = await anAspiration(h, f, w, { category: "Pertanian", text: IRRIGATION });
    await anAspiration(h, f, await f.resident(1), { village: 1, category: "Kesehatan", text: POSYANDU });
    await pressOn(h, budi, budi.id, b.ticketNo, "Verifikasi");
    await say(h, budi, "/aspirasi_masuk");
    let list = lastText(h, budi.id);
    expect(list).toContain("Aspirasi masuk — 2");
    expect(list).not.toContain("Kesehatan"); // another village's
    await press(h, budi, budi.id, "Kategori");
    await press(h, budi, budi.id, "Pertanian");
    list = lastText(h, budi.id);
    expect(list).toContain(b.ticketNo);
    expect(list).not.toContain(a.ticketNo);
    await press(h, budi, budi.id, "Status");
    await press(h, budi, budi.id, "Baru");
    expect(lastText(h, budi.id)).toContain("Tidak ada aspirasi");
    h.clock.advance(4 * DAY);
    await press(h, budi, budi.id, "Status");
    await press(h, budi, budi.id, "Belum selesai");
    await press(h, budi, budi.id, "Kategori");
    await press(h, budi, budi.id, /^(✅ )?Semua$/);
    await press(h, budi, budi.id, "Terlambat: semua");
    list = lastText(h, budi.id);
    expect(list).toContain("hanya yang terlambat");
    expect(list).toContain(a.ticketNo); // not verified after 4 days
    expect(list).not.toContain(b.ticketNo);
  });

  it("the export for Musrenbang has the columns and contents, filtered by village, status and period", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const ani = await f.resident(0, "Ani");
    const a = await anAspiration(h, f, ani);
    const b = await anAspiration(h, f, await f.resident(0, "Eko"), { privacy: "anonim", category: "Pertanian", text: IRRIGATION });
    await anAspiration(h, f, await f.resident(1), { village: 1, category: "Kesehatan", text: POSYANDU });
    await pressOn(h, budi, budi.id, a.ticketNo, "Selesai");
    await say(h, budi, "Sudah ditambal oleh tim desa");
    await say(h, budi, "/aspirasi_ekspor");
    await press(h, budi, budi.id, "Semua");
    await press(h, budi, budi.id, "Bulan ini");
    const xlsx = documentsTo(h, budi.id, ".xlsx");
    const csv = documentsTo(h, budi.id, ".csv");
    expect(xlsx).toHaveLength(1);
    expect(csv).toHaveLength(1);
    expect(xlsx[0]!.filename).toBe("aspirasi-sukajaya-2026-11-30.xlsx");
    const rows = await xlsxCells(xlsx[0]!.bytes);
    expect(rows[0]).toEqual([
      "Nomor tiket", "Tanggal masuk", "Desa", "Ditangani oleh", "Kategori", "Isi aspirasi", "Status", "Dukungan",
      "Identitas", "Pelapor", "Lokasi", "Tanggal verifikasi", "Tanggal selesai", "Catatan terakhir", "Terlambat",
    ]);
    expect(rows).toHaveLength(3); // header + Sukajaya's two; Sidorejo's is not theirs
    const ra = rows.find((r) => r[0] === a.ticketNo)!;
    expect(ra.slice(2, 8)).toEqual(["Sukajaya", "Sukajaya", "Infrastruktur", expect.stringContaining("RT 03"), "Selesai", "0"]);
    expect(ra[9]).toBe("Ani");
    expect(ra[13]).toBe("Sudah ditambal oleh tim desa");
    const rb = rows.find((r) => r[0] === b.ticketNo)!;
    expect(rb[8]).toBe("Anonim");
    expect(rb[9]).toBe("Anonim");
    const text = csv[0]!.bytes.toString("utf8");
    // For Indonesian Excel: BOM, ";" between fields.
    expect(text.startsWith("\uFEFFNomor tiket;Tanggal masuk")).toBe(true);
    expect(text).toContain(`${a.ticketNo};2026-11-30 09:00;Sukajaya`);
    expect(text).not.toContain("Eko");

    // Status filter: only the finished one.
    await say(h, budi, "/aspirasi_ekspor");
    await press(h, budi, budi.id, "Selesai");
    await press(h, budi, budi.id, "Semua waktu");
    const onlyDone = await xlsxCells(documentsTo(h, budi.id, ".xlsx")[1]!.bytes);
    expect(onlyDone.slice(1).map((r) => r[0])).toEqual([a.ticketNo]);
  });

  it("an admin gets a QR code image of the village's aspiration link for a poster", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/aspirasi_qr");
    await press(h, f.admin, f.admin.id, f.villages[1]!.name);
    const call = h.fake.callsTo("sendPhoto").at(-1)!;
    expect(call.params.caption).toContain(`https://t.me/ForumDesaBot?start=aspirasi_${f.villages[1]!.reportKey}`);
    expect(call.params.caption).toContain("scan dengan kamera HP");
    const png = Object.values(call.files)[0]!.bytes;
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // The link opens the intake for that village.
    const u = h.fake.addUser({ first_name: "Rina" });
    await say(h, u, `/start aspirasi_${f.villages[1]!.reportKey}`);
    expect(texts(h, u.id).join("\n")).toContain(`Desa ${f.villages[1]!.name}`);
  });

  it("admins see clusters of similar aspirations across villages as MAD agenda candidates", async () => {
    const f = await aForum(h);
    await anAspiration(h, f, await f.resident(0), { category: "Pertanian", text: IRRIGATION });
    await anAspiration(h, f, await f.resident(1), { village: 1, category: "Pertanian", text: "Irigasi untuk sawah di dusun satu tersumbat sampah, air tidak mengalir ke sawah petani" });
    await anAspiration(h, f, await f.resident(2), { village: 2, category: "Pertanian", text: "Saluran irigasi tersumbat, petani kesulitan air untuk sawah" });
    await anAspiration(h, f, await f.resident(3), { village: 3, category: "Kesehatan", text: POSYANDU });
    await say(h, f.admin, "/aspirasi_klaster");
    const text = lastText(h, f.admin.id);
    expect(text).toContain("Pertanian — 3 desa");
    expect(text).not.toContain("Posyandu");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { T0, createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { HOUR, aMeeting, createViaBot, icsSent, invitationIn, personId, pressData } from "../support/musyawarah.js";

// Guided flows replay every earlier step on each update: generous time on a busy 2-core runner.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  // The clock is not part of reset: every test starts on Senin, 30 November 2026 09.00 WIB.
  h.clock.set(T0);
  h.fake.setNow(T0);
});

const prisma = () => h.app.deps.prisma;

describe("creating a meeting", () => {
  it("an admin creates a Musdes with a typed Indonesian time; invitation and .ics reach the chosen village groups only", async () => {
    const f = await aForum(h);
    await createViaBot(h, f, f.admin, { when: "besok 09.00", audience: ["Grup warga desa"], villages: ["Sukajaya", "Sidorejo"] });
    await h.flush();
    const all = texts(h, f.admin.id).join("\n");
    expect(all).toContain("Musyawarah dimulai Selasa, 1 Desember 2026 pukul 09.00 WIB. Sudah benar?");
    expect(all).toContain("Pratinjau");
    expect(lastText(h, f.admin.id)).toContain("sedang dikirim ke 2 grup dan 0 orang");
    const m = await prisma().meeting.findFirstOrThrow({ include: { villages: true } });
    expect(m.startsAt.toISOString()).toBe("2026-12-01T02:00:00.000Z");
    expect(m.villageId).toBeNull();
    expect(m.quorumRule).toBe("two_thirds");
    expect(m.villages.map((v) => v.villageId).sort()).toEqual([f.villages[0]!.id, f.villages[1]!.id].sort());
    const inv = invitationIn(h, f.villages[0]!.group.id, m.id)!;
    expect(inv.text).toContain("Undangan Musyawarah Desa (Musdes)");
    expect(inv.text).toContain("Penetapan RKP Desa 2027");
    expect(inv.text).toContain("1. Pembukaan");
    expect(inv.text).toContain("📍 Balai Desa Sukajaya");
    // Less than a day ahead: answers are taken until the start.
    expect(inv.text).toContain("Mohon konfirmasi kehadiran: tekan salah satu tombol di bawah.");
    expect(buttons(h, f.villages[0]!.group.id, -2).map((b) => b.text)).toEqual(["✅ Akan hadir", "❌ Berhalangan", "👥 Diwakilkan"]);
    expect(invitationIn(h, f.villages[1]!.group.id, m.id)).toBeTruthy();
    expect(invitationIn(h, f.villages[2]!.group.id, m.id)).toBeUndefined();
    const ics = icsSent(h, f.villages[0]!.group.id);
    expect(ics).toHaveLength(1);
    expect(ics[0]).toContain("DTSTART:20261201T020000Z");
    // Two hours: 09.00–11.00 WIB.
    expect(ics[0]).toContain("DTEND:20261201T040000Z");
  });

  it("a perangkat desa gets clear answers for a past or impossible date, is offered only their own village, and can make it weekly", async () => {
    const f = await aForum(h);
    const budi = await f.official(1, "Budi");
    await say(h, budi, "/musyawarah");
    await press(h, budi, budi.id, "Buat undangan baru");
    const kinds = buttons(h, budi.id).map((b) => b.text);
    expect(kinds.join()).not.toContain("Antar Desa");
    await press(h, budi, budi.id, "Musyawarah Desa");
    await say(h, budi, "Pembahasan BUMDes");
    await say(h, budi, "1. Laporan BUMDes\n2. Rencana usaha");
    await say(h, budi, "kemarin 09.00");
    expect(lastText(h, budi.id)).toContain("Waktu itu sudah lewat");
    await say(h, budi, "31/02 09.00");
    expect(lastText(h, budi.id)).toContain("tidak ada di kalender");
    await say(h, budi, "entah kapan");
    expect(lastText(h, budi.id)).toContain("belum mengerti");
    // Day by button, then the hour by button.
    await press(h, budi, budi.id, "Rab 2 Des");
    expect(lastText(h, budi.id)).toContain("Pukul berapa pada Rabu, 2 Desember 2026");
    await press(h, budi, budi.id, "19.30");
    expect(lastText(h, budi.id)).toContain("Rabu, 2 Desember 2026 pukul 19.30 WIB");
    await press(h, budi, budi.id, "Benar");
    await say(h, budi, "90 menit");
    await say(h, budi, "Balai Desa Sidorejo");
    await press(h, budi, budi.id, "Lewati");
    await press(h, budi, budi.id, "Perangkat desa");
    await press(h, budi, budi.id, "Grup warga desa");
    await press(h, budi, budi.id, "Lanjut");
    // Only one village is his: no village question.
    expect(lastText(h, budi.id)).toContain("Pengaturan");
    await press(h, budi, budi.id, "Ubah pengaturan");
    await press(h, budi, budi.id, "Pengulangan");
    await press(h, budi, budi.id, "setiap Rabu");
    expect(lastText(h, budi.id)).toContain("Pengulangan: setiap Rabu");
    await press(h, budi, budi.id, "Kirim undangan");
    await h.flush();

    const m = await prisma().meeting.findFirstOrThrow({ include: { villages: true, invitees: true } });
    expect(m.villageId).toBe(f.villages[1]!.id);
    expect(m.villages.map((v) => [v.villageId, v.viaGroup])).toEqual([[f.villages[1]!.id, true]]);
    expect(m.invitees.map((i) => i.personId)).toEqual([await personId(h, budi)]);
    expect(m.recurrence).toEqual({ kind: "weekly", weekday: 3 });
    const inv = invitationIn(h, f.villages[1]!.group.id, m.id)!;
    expect(inv.text).toContain("Diadakan setiap Rabu");
    expect(inv.text).toContain("Penyelenggara: Budi · Desa Sidorejo");
    expect(invitationIn(h, budi.id, m.id)!.text).toContain("Jawaban Bapak/Ibu: ⏳ Belum menjawab");
  });

  it("the place can be a location pin, and named people can be invited: the invitation links to the map, the .ics carries GEO", async () => {
    const f = await aForum(h);
    await f.official(2, "Sri");
    const pendamping = await f.person("mitra", undefined, "Wati");
    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Buat undangan baru");
    await press(h, f.admin, f.admin.id, "Rapat Koordinasi");
    await say(h, f.admin, "Koordinasi BKAD");
    await say(h, f.admin, "Laporan tiap desa");
    await say(h, f.admin, "Senin depan 09.00");
    await press(h, f.admin, f.admin.id, "Benar");
    await press(h, f.admin, f.admin.id, "1 jam");
    await h.send(h.fake.updates.location(f.admin, "private", { latitude: -4.95, longitude: 105.1 }));
    expect(lastText(h, f.admin.id)).toContain("Apa nama tempatnya?");
    await say(h, f.admin, "Aula Kecamatan");
    await press(h, f.admin, f.admin.id, "Perangkat desa");
    await press(h, f.admin, f.admin.id, "Orang tertentu");
    await press(h, f.admin, f.admin.id, "Lanjut");
    await press(h, f.admin, f.admin.id, "Semua desa");
    await press(h, f.admin, f.admin.id, "Lanjut");
    await say(h, f.admin, `@${pendamping.username}, Siapa Saja`);
    expect(lastText(h, f.admin.id)).toContain("Saya menemukan: Wati");
    expect(lastText(h, f.admin.id)).toContain("Tidak ditemukan di forum ini: Siapa Saja");
    await press(h, f.admin, f.admin.id, "Pakai");
    expect(lastText(h, f.admin.id)).toContain("Dikirim ke: 0 grup dan 2 orang");
    await press(h, f.admin, f.admin.id, "Kirim undangan");
    await h.flush();
    const m = await prisma().meeting.findFirstOrThrow({ include: { invitees: true } });
    expect([m.place, m.latitude, m.longitude]).toEqual(["Aula Kecamatan", -4.95, 105.1]);
    expect(m.villageId).toBeNull();
    expect(m.invitees.map((i) => i.source).sort()).toEqual(["named", "official"]);
    const inv = invitationIn(h, pendamping.id, m.id)!;
    expect(inv.text).toContain("Lihat lokasi di peta");
    expect(JSON.stringify(inv.entities)).toContain("https://www.google.com/maps?q=-4.95,105.1");
    expect(icsSent(h, pendamping.id)[0]).toContain("GEO:-4.95;105.1");
  });

  it("uses the forum's time zone (WITA) throughout", async () => {
    const f = await aForum(h, { timezone: "Asia/Makassar" });
    const id = await aMeeting(h, f);
    await h.flush();
    expect(invitationIn(h, f.villages[0]!.group.id, id)!.text).toContain("Selasa, 1 Desember 2026 pukul 12.00 WITA");
    await h.send(h.fake.updates.command(f.admin, f.villages[0]!.group, "jadwal"));
    expect(lastText(h, f.villages[0]!.group.id)).toContain("Sel 1 Des, 12.00");
  });

  it("❌ Batal ends the flow and nothing is created", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Buat undangan baru");
    await press(h, f.admin, f.admin.id, "Batal");
    expect(lastText(h, f.admin.id)).toContain("dibatalkan");
    expect(await prisma().meeting.count()).toBe(0);
  });

  it("a resident cannot organise", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0);
    await say(h, warga, "/musyawarah");
    expect(lastText(h, warga.id)).toContain("Hanya penyelenggara, admin forum, atau perangkat desa");
  });
});

describe("answers (RSVP)", () => {
  it("residents answer in their village group; the counts on every copy are updated with one coalesced edit", async () => {
    const f = await aForum(h);
    const official = await f.official(0, "Sari");
    const id = await aMeeting(h, f, { audience: { groups: [f.villages[0]!.id], officials: [f.villages[0]!.id] } });
    await h.flush();
    const group = f.villages[0]!.group.id;
    const inv = invitationIn(h, group, id)!;
    const [a, b, c] = [await f.resident(0, "Ani"), await f.resident(0, "Beni"), await f.resident(0, "Cici")];
    expect((await pressData(h, a, group, inv.message_id, `mr:${id}:y`))!.text).toContain("Jawaban Bapak/Ibu tercatat: ✅ Akan hadir");
    await pressData(h, b, group, inv.message_id, `mr:${id}:y`);
    await pressData(h, c, group, inv.message_id, `mr:${id}:n`);
    expect((await pressData(h, a, group, inv.message_id, `mr:${id}:y`))!.text).toContain("sudah tercatat");
    await h.flush();
    expect(h.fake.callsTo("editMessageText")).toHaveLength(0);
    // Answers are personal: nothing is said in the group.
    expect(texts(h, group).filter((t) => t.includes("Ani"))).toEqual([]);

    h.clock.advance(10_000);
    await h.tick();
    const edits = h.fake.callsTo("editMessageText");
    expect(edits).toHaveLength(2); // the group copy and Sari's private copy, once each
    expect(h.fake.message(group, inv.message_id)!.text).toContain("✅ Akan hadir: 2 · ❌ Berhalangan: 1 · 👥 Diwakilkan: 0");
    expect(invitationIn(h, official.id, id)!.text).toContain("Jawaban Bapak/Ibu: ⏳ Belum menjawab");
    const rows = await prisma().meetingInvitee.findMany({ where: { meetingId: id, source: "group" } });
    expect(rows.map((r) => r.rsvp).sort()).toEqual(["no", "yes", "yes"]);
    expect(rows.every((r) => r.villageId === f.villages[0]!.id)).toBe(true);
    // Nothing pending: no further edits.
    h.clock.advance(60_000);
    await h.tick();
    expect(h.fake.callsTo("editMessageText")).toHaveLength(2);
  });

  it("Diwakilkan in a group asks for the delegate's name in the private chat", async () => {
    const f = await aForum(h);
    const id = await aMeeting(h, f);
    await h.flush();
    const group = f.villages[0]!.group.id;
    const inv = invitationIn(h, group, id)!;
    const dedi = await f.resident(0, "Dedi");
    const answer = await pressData(h, dedi, group, inv.message_id, `mr:${id}:d`);
    expect(answer!.text).toContain("tulis nama wakil");
    expect(lastText(h, dedi.id)).toContain("Siapa yang mewakili?");
    await press(h, dedi, dedi.id, "Tulis nama wakil");
    await say(h, dedi, "Pak Ahmad, Sekretaris Desa");
    expect(lastText(h, dedi.id)).toContain("diwakili oleh Pak Ahmad, Sekretaris Desa");
    const row = await prisma().meetingInvitee.findFirstOrThrow({ where: { meetingId: id } });
    expect([row.rsvp, row.delegateName]).toEqual(["delegate", "Pak Ahmad, Sekretaris Desa"]);
    expect(texts(h, group).join("\n")).not.toContain("Ahmad");
  });

  it("someone who never opened a private chat is sent there by a deep link to name the delegate", async () => {
    const f = await aForum(h);
    const id = await aMeeting(h, f);
    await h.flush();
    const group = f.villages[0]!.group.id;
    const eka = h.fake.addUser({ first_name: "Eka" });
    h.fake.setMember(group, eka.id, "member");
    const answer = await pressData(h, eka, group, invitationIn(h, group, id)!.message_id, `mr:${id}:d`);
    expect(answer!.url).toBe(`https://t.me/ForumDesaBot?start=mw_${id}`);
    await say(h, eka, `/start mw_${id}`);
    expect(lastText(h, eka.id)).toContain("Siapa yang mewakili Bapak/Ibu");
    await say(h, eka, "Bu Rina");
    const row = await prisma().meetingInvitee.findFirstOrThrow({ where: { meetingId: id } });
    expect([row.source, row.rsvp, row.delegateName]).toEqual(["group", "delegate", "Bu Rina"]);
  });

  it("an answer after the deadline is refused with the deadline", async () => {
    const f = await aForum(h);
    const id = await aMeeting(h, f, { rsvpDeadline: new Date(h.clock.now().getTime() + 8 * HOUR) });
    await h.flush();
    const group = f.villages[0]!.group.id;
    const inv = invitationIn(h, group, id)!;
    h.clock.advance(9 * HOUR);
    const late = await pressData(h, await f.resident(0), group, inv.message_id, `mr:${id}:y`);
    expect(late!.text).toContain("Batas konfirmasi kehadiran sudah lewat (Senin, 30 November 2026 pukul 17.00 WIB)");
    expect(late!.show_alert).toBe(true);
    expect(await prisma().meetingInvitee.count()).toBe(0);
  });

  it("people who were not invited, or belong to another forum, cannot answer", async () => {
    const f = await aForum(h);
    const other = await aForum(h, { name: "Forum Lain" });
    const id = await aMeeting(h, f);
    await h.flush();
    const outsider = await f.resident(3, "Tono");
    await say(h, outsider, "/start");
    const msg = h.fake.sent(outsider.id).at(-1)!;
    expect((await pressData(h, outsider, outsider.id, msg.message_id, `mr:${id}:y`))!.text).toContain("tidak termasuk undangan");
    expect((await pressData(h, outsider, outsider.id, msg.message_id, `mv:${id}`))!.text).toContain("tidak termasuk undangan");
    const stranger = await other.resident(0, "Asing");
    await say(h, stranger, "/start");
    const m2 = h.fake.sent(stranger.id).at(-1)!;
    expect((await pressData(h, stranger, stranger.id, m2.message_id, `mr:${id}:y`))!.text).toContain("tidak ditemukan");
    // Pressed in a group of another forum (a forwarded invitation): not found either.
    const forwardedTo = other.villages[0]!.group.id;
    const posted = await h.app.bot.api.sendMessage(forwardedTo, "x");
    expect((await pressData(h, stranger, forwardedTo, posted.message_id, `mr:${id}:y`))!.text).toContain("tidak ditemukan");
    expect(await prisma().meetingInvitee.count()).toBe(0);
  });
});

describe("the organiser's view and the schedule", () => {
  it("shows who answered what, per village, only to those who manage the meeting", async () => {
    const f = await aForum(h);
    const [sari, tono] = [await f.official(0, "Sari"), await f.official(1, "Tono")];
    const id = await aMeeting(h, f, { title: "Musrenbang", kind: "musrenbangdes", audience: { groups: [f.villages[0]!.id], officials: [f.villages[0]!.id, f.villages[1]!.id] } });
    await h.flush();
    await pressData(h, sari, sari.id, invitationIn(h, sari.id, id)!.message_id, `mr:${id}:y`);
    await pressData(h, tono, tono.id, invitationIn(h, tono.id, id)!.message_id, `mr:${id}:n`);
    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Musrenbang");
    const view = lastText(h, f.admin.id);
    expect(view).toContain("Sukajaya — 1 dari 1 akan hadir");
    expect(view).toContain("✅ Sari");
    expect(view).toContain("Sidorejo — 0 dari 1 akan hadir");
    expect(view).toContain("❌ Tono");
    expect(view).toContain("Kuorum belum tercapai: 0 dari 2 undangan hadir (perlu 2)");

    // An official of another village and an admin of another forum are refused.
    const other = await aForum(h, { name: "Forum Lain" });
    for (const u of [tono, other.admin]) {
      await say(h, u, "/start");
      const msg = h.fake.sent(u.id).at(-1)!;
      const a = await pressData(h, u, u.id, msg.message_id, `mm:${id}:v`);
      expect(a!.text).toMatch(/Hanya penyelenggara|tidak ditemukan/);
      expect(lastText(h, u.id)).not.toContain("Sari");
    }
  });

  it("/jadwal in a group lists that village's meetings; privately, the person's own", async () => {
    const f = await aForum(h);
    const sari = await f.official(1, "Sari");
    await aMeeting(h, f, { title: "Musdes Sukajaya", audience: { groups: [f.villages[0]!.id] } });
    await aMeeting(h, f, { title: "Rapat Sidorejo", startsAt: new Date(h.clock.now().getTime() + 50 * HOUR), audience: { officials: [f.villages[1]!.id] } });
    await h.flush();
    await h.send(h.fake.updates.command(f.admin, f.villages[0]!.group, "jadwal"));
    const g = lastText(h, f.villages[0]!.group.id);
    expect(g).toContain("Jadwal musyawarah Desa Sukajaya");
    expect(g).toContain("Sel 1 Des, 11.00 — Musdes Sukajaya (Musdes)");
    expect(g).not.toContain("Rapat Sidorejo");
    await h.send(h.fake.updates.command(f.admin, f.villages[2]!.group, "jadwal"));
    expect(lastText(h, f.villages[2]!.group.id)).toContain("Belum ada musyawarah terjadwal untuk Desa Bangunrejo");

    await say(h, sari, "/jadwal");
    const p = lastText(h, sari.id);
    expect(p).toContain("Rapat Sidorejo");
    expect(p).toContain("Jawaban Bapak/Ibu: ⏳ Belum menjawab");
    expect(p).not.toContain("Musdes Sukajaya");
    await press(h, sari, sari.id, "1. Rapat Sidorejo");
    expect(lastText(h, sari.id)).toContain("Undangan Musyawarah Desa (Musdes)");
    await press(h, sari, sari.id, "Akan hadir");
    const row = await prisma().meetingInvitee.findFirstOrThrow({ where: { personId: await personId(h, sari) } });
    expect(row.rsvp).toBe("yes");
  });
});

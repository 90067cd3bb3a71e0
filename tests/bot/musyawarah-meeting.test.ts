import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { T0, createHarness, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, texts } from "../support/world.js";
import { HOUR, MIN, aMeeting, actorFor, icsSent, invitationIn, personId, pressData } from "../support/musyawarah.js";
import { setRsvp } from "../../src/domain/musyawarah/service.js";
import { meetingDepsOf } from "../../src/bot/features/musyawarah/deps.js";

// Guided flows replay every earlier step on each update: generous time on a busy 2-core runner.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
  h.fake.setNow(T0);
});

const prisma = () => h.app.deps.prisma;
/** The meeting of aMeeting's default time: Selasa, 1 Desember 2026 11.00–13.00 WIB. */
const START = new Date(T0.getTime() + 26 * HOUR);

async function at(d: Date) {
  h.clock.set(d);
  await h.tick();
}

async function hadir(u: Parameters<typeof say>[1], chat?: { id: number; type: string }) {
  if (chat) await h.send(h.fake.updates.command(u, chat as never, "hadir"));
  else await say(h, u, "/hadir");
}

describe("attendance list (daftar hadir)", () => {
  it("opens 30 minutes before the start: copies get the check-in button, the organiser a live view; /hadir and the button sign it", async () => {
    const f = await aForum(h);
    const sari = await f.official(0, "Sari");
    const id = await aMeeting(h, f, { audience: { groups: [f.villages[0]!.id], officials: [f.villages[0]!.id] } });
    await h.flush();
    const group = f.villages[0]!.group;

    await at(new Date(START.getTime() - 6 * HOUR));
    await hadir(sari);
    expect(lastText(h, sari.id)).toContain("Penetapan RKP Desa 2027: Daftar hadir baru dibuka Selasa, 1 Desember 2026 pukul 10.30 WIB");

    await at(new Date(START.getTime() - 30 * MIN));
    const copy = invitationIn(h, group.id, id)!;
    expect(copy.text).toContain("Daftar hadir sudah dibuka");
    expect(JSON.stringify(copy.reply_markup)).toContain(`"mc:${id}"`);
    expect(lastText(h, f.admin.id)).toContain("Daftar hadir dibuka — Penetapan RKP Desa 2027");

    const ani = await f.resident(0, "Ani");
    expect((await pressData(h, ani, group.id, copy.message_id, `mc:${id}`))!.text).toContain("Ani tercatat hadir");
    await hadir(sari);
    expect(lastText(h, sari.id)).toContain("Bapak/Ibu Sari tercatat hadir di Penetapan RKP Desa 2027");
    await hadir(sari);
    expect(lastText(h, sari.id)).toContain("sudah tercatat hadir di Penetapan RKP Desa 2027 sejak pukul 10.30");
    await hadir(ani, group);
    expect(lastText(h, group.id)).toContain("sudah tercatat hadir");

    h.clock.advance(10_000);
    await h.tick();
    expect(h.fake.message(group.id, copy.message_id)!.text).toContain("Sudah mengisi daftar hadir: 2 orang");
    const live = h.fake.sent(f.admin.id).find((m) => m.text?.includes("Daftar hadir dibuka"))!;
    expect(h.fake.message(f.admin.id, live.message_id)!.text).toContain("Sudah mengisi daftar hadir: 2 orang");

    await at(new Date(START.getTime() + 2 * HOUR));
    expect(h.fake.message(group.id, copy.message_id)!.text).toContain("Musyawarah ini sudah selesai");
    expect(h.fake.message(group.id, copy.message_id)!.reply_markup).toBeUndefined();
    const late = await f.resident(0, "Telat");
    expect((await pressData(h, late, group.id, copy.message_id, `mc:${id}`))!.text).toContain("Daftar hadir sudah ditutup");
    await hadir(late, group);
    expect(lastText(h, group.id)).toContain("Tidak ada musyawarah yang daftar hadirnya sedang dibuka");
  });

  it("someone not invited is refused until the organiser opens the list to everyone", async () => {
    const f = await aForum(h);
    const id = await aMeeting(h, f);
    await h.flush();
    await at(new Date(START.getTime() - 10 * MIN));
    const tamu = await f.resident(3, "Tamu");
    await say(h, tamu, "/start");
    const m = h.fake.sent(tamu.id).at(-1)!;
    expect((await pressData(h, tamu, tamu.id, m.message_id, `mc:${id}`))!.text).toContain("tidak termasuk undangan");
    // A resident of a village that is not invited does not see it in /hadir either.
    await hadir(tamu);
    expect(lastText(h, tamu.id)).toContain("Tidak ada musyawarah");

    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Penetapan RKP");
    await press(h, f.admin, f.admin.id, "Buka untuk umum");
    expect(lastText(h, f.admin.id)).toContain("Daftar hadir terbuka untuk orang yang tidak diundang");
    expect((await pressData(h, tamu, tamu.id, m.message_id, `mc:${id}`))!.text).toContain("tercatat hadir");
    const row = await prisma().meetingInvitee.findFirstOrThrow({ where: { meetingId: id } });
    expect([row.source, row.villageId]).toEqual(["walk_in", f.villages[3]!.id]);
  });
});

describe("quorum", () => {
  it("a MAD is quorate when every invited village is present; the organiser marks a delegate present and is told", async () => {
    const f = await aForum(h);
    const off = [await f.official(0, "Ana"), await f.official(1, "Bayu"), await f.official(2, "Citra")];
    const id = await aMeeting(h, f, { kind: "mad", title: "MAD Kecamatan", audience: { officials: [f.villages[0]!.id, f.villages[1]!.id, f.villages[2]!.id] } });
    await h.flush();
    await at(new Date(START.getTime() - 20 * MIN));
    await hadir(off[0]!);
    await hadir(off[1]!);

    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "MAD Kecamatan");
    expect(lastText(h, f.admin.id)).toContain("Kuorum belum tercapai: 2 dari 3 desa hadir (perlu 3)");
    await press(h, f.admin, f.admin.id, "Tandai hadir");
    await press(h, f.admin, f.admin.id, "Citra");
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("Citra ditandai hadir");
    await h.flush();
    expect(lastText(h, f.admin.id)).toBe("MAD Kecamatan\n✅ Kuorum tercapai: 3 dari 3 desa hadir\nMusyawarah dapat dimulai dengan sah.");
    await press(h, f.admin, f.admin.id, "Kembali");
    expect(lastText(h, f.admin.id)).toContain("Kuorum tercapai: 3 dari 3 desa hadir");
    const citra = await prisma().meetingInvitee.findFirstOrThrow({ where: { meetingId: id, personId: await personId(h, off[2]!) } });
    expect(citra.checkedInById).toBe(await personId(h, f.admin));
    // Only once: taking the mark back and giving it again does not repeat the notice.
    await press(h, f.admin, f.admin.id, "Tandai hadir");
    await press(h, f.admin, f.admin.id, "Citra");
    await press(h, f.admin, f.admin.id, "Citra");
    await h.flush();
    expect(texts(h, f.admin.id).filter((t) => t.includes("dapat dimulai dengan sah"))).toHaveLength(1);
  });
});

describe("reschedule and cancel", () => {
  it("rescheduling tells every invitee, sends an updated .ics, asks again for answers and recomputes the reminders", async () => {
    const f = await aForum(h);
    const sari = await f.official(0, "Sari");
    const id = await aMeeting(h, f, { audience: { groups: [f.villages[0]!.id], officials: [f.villages[0]!.id] } });
    await setRsvp(meetingDepsOf(h.app.deps), await actorFor(h, sari), id, "yes");
    await h.flush();
    const group = f.villages[0]!.group.id;

    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Penetapan RKP");
    await press(h, f.admin, f.admin.id, "Ubah jadwal");
    expect(lastText(h, f.admin.id)).toContain("Saat ini: Selasa, 1 Desember 2026 pukul 11.00 WIB");
    await say(h, f.admin, "Kamis 10.00");
    await press(h, f.admin, f.admin.id, "Benar");
    await press(h, f.admin, f.admin.id, "Minta jawab ulang");
    expect(lastText(h, f.admin.id)).toContain("Jadwal diubah menjadi Kamis, 3 Desember 2026 pukul 10.00 WIB");
    await h.flush();

    for (const chat of [group, sari.id]) {
      const notice = texts(h, chat).find((t) => t.includes("Jadwal musyawarah diubah"))!;
      expect(notice).toContain("Sebelumnya: Selasa, 1 Desember 2026 pukul 11.00 WIB");
      expect(notice).toContain("Menjadi: Kamis, 3 Desember 2026 pukul 10.00 WIB");
      expect(notice).toContain("Mohon konfirmasi ulang");
      const ics = icsSent(h, chat);
      expect(ics).toHaveLength(2);
      expect(ics[1]).toContain("SEQUENCE:1");
      expect(ics[1]).toContain("DTSTART:20261203T030000Z");
      expect(ics[1]).toContain(`UID:musyawarah-${id}@forum-desa`);
    }
    expect(invitationIn(h, group, id)!.text).toContain("Kamis, 3 Desember 2026 pukul 10.00 WIB");
    expect((await prisma().meetingInvitee.findFirstOrThrow({ where: { meetingId: id } })).rsvp).toBe("pending");
    const jobs = await h.app.deps.jobs.pending("meeting.reminder", id);
    expect(jobs.map((j) => j.dueAt.toISOString())).toEqual(["2026-12-02T03:00:00.000Z", "2026-12-03T01:00:00.000Z"]);
    // The old reminder time passes quietly.
    await at(new Date(START.getTime() - 24 * HOUR));
    expect(texts(h, group).join("\n")).not.toContain("Pengingat");
  });

  it("cancelling tells every invitee, cancels the calendar entry and the reminders; old buttons say it is cancelled", async () => {
    const f = await aForum(h);
    const id = await aMeeting(h, f);
    await h.flush();
    const group = f.villages[0]!.group.id;
    const copy = invitationIn(h, group, id)!;
    const ani = await f.resident(0, "Ani");
    await pressData(h, ani, group, copy.message_id, `mr:${id}:y`);

    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Penetapan RKP");
    await press(h, f.admin, f.admin.id, "Batalkan");
    await say(h, f.admin, "Bertepatan dengan kegiatan kabupaten");
    await press(h, f.admin, f.admin.id, "Ya, batalkan");
    expect(lastText(h, f.admin.id)).toContain("dibatalkan. Pemberitahuan dikirim ke 1 grup");
    await h.flush();

    const notice = texts(h, group).find((t) => t.includes("Musyawarah dibatalkan"))!;
    expect(notice).toContain("yang dijadwalkan Selasa, 1 Desember 2026 pukul 11.00 WIB");
    expect(notice).toContain("Alasan: Bertepatan dengan kegiatan kabupaten");
    const ics = icsSent(h, group).at(-1)!;
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    const edited = h.fake.message(group, copy.message_id)!;
    expect(edited.text).toContain("DIBATALKAN");
    expect(edited.reply_markup).toBeUndefined();
    expect((await pressData(h, ani, group, copy.message_id, `mr:${id}:n`))!.text).toContain("Musyawarah ini sudah dibatalkan");
    expect(await h.app.deps.jobs.pending("meeting.reminder", id)).toEqual([]);
    await at(new Date(START.getTime() - 2 * HOUR));
    expect(texts(h, group).join("\n")).not.toContain("Pengingat");
  });
});

describe("after the meeting", () => {
  it("the organiser gets a summary, builds the berita acara step by step, sees the PDF, and every invitee gets it", async () => {
    const f = await aForum(h);
    const sari = await f.official(1, "Sari");
    await prisma().membership.updateMany({ where: { forumId: f.id, person: { telegramUserId: BigInt(sari.id) } }, data: { title: "sekretaris" } });
    const id = await aMeeting(h, f, { audience: { groups: [f.villages[0]!.id], officials: [f.villages[1]!.id] } });
    await h.flush();
    await at(new Date(START.getTime() - 10 * MIN));
    const [ani, budi] = [await f.resident(0, "Ani"), await f.resident(0, "Budi")];
    for (const u of [sari, ani, budi]) await hadir(u, u === sari ? undefined : f.villages[0]!.group);
    await at(new Date(START.getTime() + 2 * HOUR));
    expect(lastText(h, f.admin.id)).toContain("Penetapan RKP Desa 2027 sudah selesai");
    await press(h, f.admin, f.admin.id, "Berita acara");
    expect(lastText(h, f.admin.id)).toContain("Siapa yang memimpin musyawarah?");
    await say(h, f.admin, "Darto, Ketua BPD");
    await say(h, f.admin, "Sari");
    await say(h, f.admin, "Musyawarah dibuka pukul 11.00 oleh Kepala Desa. Peserta membahas usulan & prioritas <2027>.");
    await press(h, f.admin, f.admin.id, "Suara terbanyak");
    expect(lastText(h, f.admin.id)).toContain("3 orang hadir");
    await say(h, f.admin, "9 1 0");
    expect(lastText(h, f.admin.id)).toContain("lebih banyak daripada yang hadir");
    await say(h, f.admin, "2 1");
    await say(h, f.admin, "1. Pengerasan jalan dusun disetujui\n2. Posyandu menjadi prioritas kedua");
    // The preview is the PDF itself.
    const preview = h.fake.sent(f.admin.id).filter((m) => m.document).at(-1)!;
    expect(preview.document!.file_name).toMatch(/^berita-acara-penetapan-rkp-desa-2027-2026-12-01\.pdf$/);
    expect(preview.caption).toContain("Suara terbanyak: setuju 2, tidak setuju 1, abstain 0");
    expect(lastText(h, f.admin.id)).toContain("Kirim berita acara ini");
    await press(h, f.admin, f.admin.id, "Kirim berita acara");
    expect(lastText(h, f.admin.id)).toContain("Berita acara (PDF) dikirim ke 1 grup dan 3 orang");
    await h.flush();
    for (const chat of [f.villages[0]!.group.id, sari.id]) {
      const ba = h.fake.sent(chat).filter((m) => m.document).at(-1)!;
      expect(ba.document!.file_name).toBe(preview.document!.file_name);
      expect(ba.caption).toContain("Berita acara Musdes");
      expect(ba.caption).toContain("Keputusan:\n1. Pengerasan jalan dusun disetujui");
    }
    const m = await prisma().meeting.findUniqueOrThrow({ where: { id } });
    expect(m.minutesText).toContain("Kepala Desa");
    expect(m.decisions).toContain("Posyandu");
    expect([m.chairName, m.chairTitle, m.secretaryName, m.decisionMethod, m.votesFor, m.votesAgainst, m.votesAbstain]).toEqual(["Darto", "Ketua BPD", "Sari", "suara", 2, 1, 0]);
  });

  it("a scanned, signed berita acara follows the PDF to the invitees", async () => {
    const f = await aForum(h);
    const id = await aMeeting(h, f);
    await h.flush();
    await at(new Date(START.getTime() + 30 * MIN));
    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Penetapan RKP");
    await press(h, f.admin, f.admin.id, "Berita acara");
    await press(h, f.admin, f.admin.id, "👤");
    await press(h, f.admin, f.admin.id, "👤");
    await h.send(h.fake.updates.document(f.admin, "private", { file_name: "berita-acara-ttd.pdf", mime_type: "application/pdf", bytes: Buffer.from("%PDF-1.4 test") }));
    await press(h, f.admin, f.admin.id, "Musyawarah mufakat");
    await say(h, f.admin, "Usulan pengerasan jalan disepakati");
    await press(h, f.admin, f.admin.id, "Kirim berita acara");
    await h.flush();
    const docs = h.fake.sent(f.villages[0]!.group.id).filter((m) => m.document);
    expect(docs.at(-2)!.document?.file_name).toMatch(/^berita-acara-.*\.pdf$/);
    expect(docs.at(-2)!.caption).toContain("Musyawarah untuk mufakat");
    expect(docs.at(-1)!.document?.file_name).toBe("berita-acara-ttd.pdf");
    expect((await prisma().meeting.findUniqueOrThrow({ where: { id } })).minutesFileName).toBe("berita-acara-ttd.pdf");
  });

  it("only those who manage the meeting may write its berita acara", async () => {
    const f = await aForum(h);
    const id = await aMeeting(h, f);
    await at(new Date(START.getTime() + 30 * MIN));
    const other = await aForum(h);
    for (const u of [await f.resident(0, "Ani"), await f.official(1, "Tono"), other.admin, h.fake.addUser({ first_name: "Eve" })]) {
      await say(h, u, "/start");
      await h.send(h.fake.updates.callback(u, u.id, h.fake.sent(u.id).at(-1)!.message_id, `mm:${id}:minutes`));
      expect(texts(h, u.id).join("\n")).not.toContain("Siapa yang memimpin musyawarah?");
    }
    expect((await prisma().meeting.findUniqueOrThrow({ where: { id } })).minutesAt).toBeNull();
  });

  it("the attendance list is exported as .xlsx with everyone, per village", async () => {
    const f = await aForum(h);
    const [sari, tono] = [await f.official(0, "Sari"), await f.official(1, "Tono")];
    const id = await aMeeting(h, f, { audience: { groups: [f.villages[0]!.id], officials: [f.villages[0]!.id, f.villages[1]!.id] } });
    await setRsvp(meetingDepsOf(h.app.deps), await actorFor(h, tono), id, "no");
    await h.flush();
    await at(new Date(START.getTime() - 5 * MIN));
    await hadir(sari);
    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Penetapan RKP");
    await press(h, f.admin, f.admin.id, "Unduh daftar hadir");
    const call = h.fake.callsTo("sendDocument").filter((c) => Number(c.params.chat_id) === f.admin.id).at(-1)!;
    const file = Object.values(call.files)[0]!;
    expect(file.filename).toBe(`daftar-hadir-${id}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const list = wb.getWorksheet("Daftar hadir")!;
    const rows = list.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 6));
    expect(rows).toEqual([
      [1, "Tono", "Sidorejo", "Perangkat desa", "Berhalangan"],
      [2, "Sari", "Sukajaya", "Perangkat desa", "Akan hadir"],
    ]);
    expect(list.getRow(2).getCell(7).value).toBeNull();
    const checkedIn = list.getRow(3).getCell(7).value as Date;
    expect(checkedIn.toISOString()).toBe("2026-12-01T10:55:00.000Z"); // 10.55 WIB as Excel shows it
    const perVillage = wb.getWorksheet("Per desa")!;
    expect(perVillage.getRow(2).values).toEqual([undefined, "Sidorejo", 1, 0, 1, 0, 0, 0]);
    expect(perVillage.getRow(3).values).toEqual([undefined, "Sukajaya", 1, 1, 0, 0, 0, 1]);
  });
});

describe("recurring meetings", () => {
  it("a weekly meeting invites to the next occurrence when one ends, until the repetition is stopped", async () => {
    const f = await aForum(h);
    const id = await aMeeting(h, f, { title: "Rapat mingguan", recurrence: { kind: "weekly", weekday: 2 } });
    await h.flush();
    await at(new Date(START.getTime() + 2 * HOUR));
    const next = await prisma().meeting.findFirstOrThrow({ where: { id: { not: id } } });
    expect(next.startsAt.toISOString()).toBe("2026-12-08T04:00:00.000Z");
    expect(next.seriesId).toBe(id);
    const copy = invitationIn(h, f.villages[0]!.group.id, next.id)!;
    expect(copy.text).toContain("Selasa, 8 Desember 2026 pukul 11.00 WIB");
    expect(copy.text).toContain("Diadakan setiap Selasa");
    expect((await h.app.deps.jobs.pending("meeting.reminder", next.id)).length).toBe(2);

    await say(h, f.admin, "/musyawarah");
    await press(h, f.admin, f.admin.id, "Rapat mingguan");
    await press(h, f.admin, f.admin.id, "Hentikan pengulangan");
    await at(new Date(next.endsAt.getTime()));
    expect(await prisma().meeting.count()).toBe(2);
  });
});

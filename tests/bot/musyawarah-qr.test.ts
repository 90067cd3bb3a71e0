import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "grammy/types";
import { T0, createHarness, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, type ForumFixture } from "../support/world.js";
import { HOUR, MIN, aMeeting, actorFor, personId, pressData } from "../support/musyawarah.js";
import { revokeRole } from "../../src/domain/forum/service.js";

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
/** aMeeting's default time: Selasa, 1 Desember 2026 11.00–13.00 WIB. */
const START = new Date(T0.getTime() + 26 * HOUR);
const END = new Date(START.getTime() + 2 * HOUR);

async function at(d: Date) {
  h.clock.set(d);
  await h.tick();
}

/** The organiser opens the meeting's manage menu and asks for the venue's QR code; returns the photo message. */
async function askQr(u: User, meetingId: number) {
  await say(h, u, "/start");
  const anchor = h.fake.sent(u.id).at(-1)!;
  await pressData(h, u, u.id, anchor.message_id, `mm:${meetingId}:qr`);
  return h.fake.sent(u.id).filter((m) => m.photo).at(-1);
}

function tokenOf(caption: string | undefined): string {
  const m = caption?.match(/\?start=hadir_([A-Za-z0-9]+)/);
  if (!m) throw new Error(`no check-in link in: ${caption}`);
  return m[1]!;
}

/** Scanning the QR code: the phone opens the private chat with /start hadir_<token>. */
async function scan(u: User, token: string) {
  await say(h, u, `/start hadir_${token}`);
  return lastText(h, u.id);
}

async function checkedIn(meetingId: number, u: User) {
  const row = await prisma().meetingInvitee.findUnique({ where: { meetingId_personId: { meetingId, personId: await personId(h, u) } } });
  return row?.checkedInAt ?? null;
}

async function aMeetingOfVillage0(f: ForumFixture, organiser: User) {
  return aMeeting(h, f, { organiser, villageId: f.villages[0]!.id, audience: { groups: [f.villages[0]!.id] } });
}

describe("check-in by the venue's QR code", () => {
  it("the organiser gets a QR PNG from the manage menu; an invitee who scans it in the window is recorded once", async () => {
    const f = await aForum(h);
    const sari = await f.official(0, "Sari");
    const id = await aMeetingOfVillage0(f, sari);
    await h.flush();

    await say(h, sari, "/musyawarah");
    await press(h, sari, sari.id, "Penetapan RKP");
    await press(h, sari, sari.id, "QR daftar hadir");
    const photo = h.fake.sent(sari.id).filter((m) => m.photo).at(-1)!;
    const png = h.fake.fileBytes(photo.photo!.at(-1)!.file_id)!;
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(photo.caption).toContain("Kode QR daftar hadir — Penetapan RKP Desa 2027");
    expect(photo.caption).toContain("Berlaku Selasa, 1 Desember 2026 pukul 10.30 WIB sampai Selasa, 1 Desember 2026 pukul 14.00 WIB");
    const token = tokenOf(photo.caption);
    expect(photo.caption).toContain(`https://t.me/${h.app.deps.botUsername}?start=hadir_${token}`);
    // Asked again (a second poster, another organiser): the same code, so printed ones keep working.
    expect(tokenOf((await askQr(f.admin, id))!.caption)).toBe(token);
    const audits = await prisma().auditLog.findMany({ where: { forumId: f.id, action: "meeting.checkin_qr" } });
    expect(audits.map((a) => [a.actorId, a.target])).toEqual([[await personId(h, sari), `meeting:${id}`]]);

    const ani = await f.resident(0, "Ani");
    // Too early: the list opens 30 minutes before the start.
    expect(await scan(ani, token)).toContain("Daftar hadir baru dibuka Selasa, 1 Desember 2026 pukul 10.30 WIB");
    expect(await checkedIn(id, ani)).toBeNull();

    await at(new Date(START.getTime() - 10 * MIN));
    expect(await scan(ani, token)).toContain("Ani tercatat hadir di Penetapan RKP Desa 2027");
    expect((await checkedIn(id, ani))?.toISOString()).toBe(h.clock.now().toISOString());
    h.clock.advance(5 * MIN);
    expect(await scan(ani, token)).toContain("sudah tercatat hadir di Penetapan RKP Desa 2027 sejak pukul 10.50");
    expect(await prisma().meetingInvitee.count({ where: { meetingId: id, checkedInAt: { not: null } } })).toBe(1);

    // Meetings run over: the code still works a while after the end, then says it has expired.
    await at(new Date(END.getTime() + 30 * MIN));
    const late = await f.resident(0, "Budi");
    expect(await scan(late, token)).toContain("Budi tercatat hadir");
    await at(new Date(END.getTime() + 61 * MIN));
    const later = await f.resident(0, "Cici");
    expect(await scan(later, token)).toContain("Kode QR untuk Penetapan RKP Desa 2027 sudah tidak berlaku");
    expect(await checkedIn(id, later)).toBeNull();
  });

  it("refuses a forged code, someone not invited, another forum's people and another meeting's code", async () => {
    const f = await aForum(h);
    const g = await aForum(h);
    const a = await aMeetingOfVillage0(f, f.admin);
    const b = await aMeeting(h, f, { title: "Rapat Karang Taruna Sidorejo", villageId: f.villages[1]!.id, audience: { groups: [f.villages[1]!.id] } });
    await h.flush();
    const tokenA = tokenOf((await askQr(f.admin, a))!.caption);
    const tokenB = tokenOf((await askQr(f.admin, b))!.caption);
    expect(tokenB).not.toBe(tokenA);
    await at(new Date(START.getTime() - 10 * MIN));

    const ani = await f.resident(0, "Ani");
    // Forged, mistyped or cut short: a clear refusal, never the menu.
    expect(await scan(ani, "AAAAAAAAAAAAAAAAAAAA")).toContain("Kode QR itu tidak dikenal");
    expect(await scan(ani, tokenA.slice(0, 10))).toContain("Kode QR itu tidak dikenal");
    expect(await scan(ani, `${a}`)).toContain("Kode QR itu tidak dikenal");
    // Meeting B's code signs meeting B only — and Ani is not invited there.
    expect(await scan(ani, tokenB)).toContain("tidak termasuk undangan");
    expect(await checkedIn(a, ani)).toBeNull();
    expect(await checkedIn(b, ani)).toBeNull();

    const tamu = await f.resident(3, "Tamu");
    expect(await scan(tamu, tokenA)).toContain("tidak termasuk undangan");
    const stranger = h.fake.addUser({ first_name: "Asing" });
    expect(await scan(stranger, tokenA)).toContain("tidak termasuk undangan");
    const other = await g.resident(0, "Lain");
    expect(await scan(other, tokenA)).toContain("tidak termasuk undangan");
    expect(await scan(g.admin, tokenA)).toContain("tidak termasuk undangan");
    expect(await prisma().meetingInvitee.count({ where: { checkedInAt: { not: null } } })).toBe(0);
    expect(await prisma().meetingInvitee.count({ where: { meetingId: a, source: "walk_in" } })).toBe(0);

    // A cancelled meeting's code says so.
    expect(await scan(ani, tokenA)).toContain("tercatat hadir");
    const sidorejo = await f.resident(1, "Sido");
    await prisma().meeting.update({ where: { id: b }, data: { status: "cancelled" } });
    expect(await scan(sidorejo, tokenB)).toContain("sudah dibatalkan");
  });

  it("only those who manage the meeting get its QR code: not a resident, another village's perangkat, a former perangkat or another forum's admin", async () => {
    const f = await aForum(h);
    const g = await aForum(h);
    const sari = await f.official(0, "Sari");
    const id = await aMeetingOfVillage0(f, sari);
    await h.flush();
    const former = await f.official(0, "Mantan");
    const m = await prisma().membership.findFirstOrThrow({ where: { personId: await personId(h, former), forumId: f.id } });
    await revokeRole(h.app.deps, await actorFor(h, f.admin), f.id, m.id);
    const callers = [await f.resident(0, "Ani"), await f.official(1, "Joko"), former, g.admin, h.fake.addUser({ first_name: "Asing" })];
    for (const u of callers) {
      expect(await askQr(u, id)).toBeUndefined();
      expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toMatch(/tidak ditemukan|Hanya penyelenggara/);
    }
    expect((await prisma().meeting.findUniqueOrThrow({ where: { id } })).checkInToken).toBeNull();
    // A forged id for a meeting that does not exist.
    await say(h, sari, "/start");
    await pressData(h, sari, sari.id, h.fake.sent(sari.id).at(-1)!.message_id, `mm:999999:qr`);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("tidak ditemukan");
    expect(await askQr(sari, id)).toBeDefined();
  });
});

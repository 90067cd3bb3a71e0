import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts, type ForumFixture } from "../support/world.js";
import { createMeeting } from "../../src/domain/musyawarah/service.js";
import { meetingDepsOf } from "../../src/bot/features/musyawarah/deps.js";
import { emptyAudience } from "../../src/domain/musyawarah/types.js";
import { actorFor, HOUR } from "../support/musyawarah.js";

// Issue 12: a forum's own words (Kampung, BPK), positions (jabatan) on codes and memberships, and
// the commands people guess (/hubungkan, /daftar, /lapor, /menu, /bantuan per role).

let h: Harness;
const BOOT = 910001;

beforeAll(async () => {
  h = await createHarness({ bootstrapAdmins: [BOOT] });
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

async function kampung(f: ForumFixture) {
  await h.app.deps.prisma.forum.update({ where: { id: f.id }, data: { villageTerm: "kampung", councilTerm: "BPK" } });
}

describe("a forum chooses its words", () => {
  it("/forumbaru asks for the village and council words, and the forum speaks them from then on", async () => {
    const camat = h.fake.addUser({ id: BOOT, first_name: "Hendra" });
    await say(h, camat, "/forumbaru");
    await say(h, camat, "Kerja Sama Antar Kampung Kecamatan Bangunrejo");
    await press(h, camat, camat.id, "WIB");
    expect(buttons(h, camat.id).map((b) => b.text)).toEqual(expect.arrayContaining(["Desa", "Kampung", "Kelurahan", "Nagari", "Gampong", "Pekon", "Tiyuh"]));
    await press(h, camat, camat.id, "Kampung");
    // The usual council for a kampung is suggested with its long name.
    expect(lastText(h, camat.id)).toContain("BPK (Badan Permusyawaratan Kampung)");
    await press(h, camat, camat.id, "BPK");
    expect(lastText(h, camat.id)).toContain("daftar kampung");
    await say(h, camat, "Kampung Sukajaya\nSidorejo");
    expect(lastText(h, camat.id)).toContain("2 kampung");
    await press(h, camat, camat.id, "Simpan");
    const done = lastText(h, camat.id);
    expect(done).toContain("Kepala Kampung");
    expect(done).toContain("/kodegabung");
    expect(done).not.toMatch(/desa/i);
    const forum = await h.app.deps.prisma.forum.findFirstOrThrow({ include: { villages: true } });
    expect([forum.villageTerm, forum.councilTerm]).toEqual(["kampung", "BPK"]);
    // "Kampung Sukajaya" was read as the name Sukajaya.
    expect(forum.villages.map((v) => v.name).sort()).toEqual(["Sidorejo", "Sukajaya"]);
  });

  it("a council with another name is typed", async () => {
    const camat = h.fake.addUser({ id: BOOT, first_name: "Hendra" });
    await say(h, camat, "/forumbaru");
    await say(h, camat, "Forum Gampong Kecamatan Darul Imarah");
    await press(h, camat, camat.id, "WIB");
    await press(h, camat, camat.id, "Gampong");
    await press(h, camat, camat.id, "Lainnya");
    await say(h, camat, "12");
    expect(lastText(h, camat.id)).toContain("2 sampai 30 huruf");
    await say(h, camat, "Tuha Peuet");
    await say(h, camat, "Lamteh");
    await press(h, camat, camat.id, "Simpan");
    const forum = await h.app.deps.prisma.forum.findFirstOrThrow();
    expect([forum.villageTerm, forum.councilTerm]).toEqual(["gampong", "Tuha Peuet"]);
    expect(lastText(h, camat.id)).toContain("Keuchik");
  });

  it("/istilah: a forum admin changes the council word; every later text uses it", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/istilah");
    expect(lastText(h, f.admin.id)).toContain("BPD (Badan Permusyawaratan Desa)");
    await press(h, f.admin, f.admin.id, "Ubah sebutan Desa");
    await press(h, f.admin, f.admin.id, "Kampung");
    expect(lastText(h, f.admin.id)).toContain("Kepala Kampung");
    await say(h, f.admin, "/istilah");
    await press(h, f.admin, f.admin.id, "Ubah sebutan BPD");
    await press(h, f.admin, f.admin.id, "BPK");
    expect(lastText(h, f.admin.id)).toContain("BPK (Badan Permusyawaratan Kampung)");
    const forum = await h.app.deps.prisma.forum.findUniqueOrThrow({ where: { id: f.id } });
    expect([forum.villageTerm, forum.councilTerm]).toEqual(["kampung", "BPK"]);
    // A group of the forum hears the new words.
    await h.send(h.fake.updates.command(f.admin, f.villages[0]!.group, "bantuan"));
    expect(lastText(h, f.villages[0]!.group.id)).toContain("/kampungku");
  });

  it("/istilah and its buttons refuse everyone but the forum's admins", async () => {
    const f = await aForum(h);
    const other = await aForum(h);
    const official = await f.official(0, "Sari");
    const warga = await f.resident(0, "Budi");
    const stranger = h.fake.addUser({ first_name: "Eve" });
    for (const u of [official, warga, stranger, other.admin]) {
      await say(h, u, "/istilah");
      // Another forum's admin sees their own forum's words, never this one's.
      expect(texts(h, u.id).join("\n")).not.toContain(`Sebutan di forum ${f.name}`);
      // A forged button for this forum, on a message the bot did send them.
      const msg = h.fake.sent(u.id).at(-1)!;
      await h.send(h.fake.updates.callback(u, u.id, msg.message_id, `ist:${f.id}:c`));
      expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("Hanya admin forum");
    }
    const forum = await h.app.deps.prisma.forum.findUniqueOrThrow({ where: { id: f.id } });
    expect([forum.villageTerm, forum.councilTerm]).toEqual(["desa", "BPD"]);
  });
});

describe("jabatan", () => {
  it("an admin's code names the position; the new official reads it, /anggota shows it, announcements sign with it", async () => {
    const f = await aForum(h);
    await kampung(f);
    await say(h, f.admin, "/kodegabung");
    await press(h, f.admin, f.admin.id, "Perangkat kampung");
    await press(h, f.admin, f.admin.id, "Sukajaya");
    expect(buttons(h, f.admin.id).map((b) => b.text)).toEqual(expect.arrayContaining(["Kepala Kampung", "Sekretaris Kampung", "Ketua BPK", "Anggota BPK"]));
    await press(h, f.admin, f.admin.id, "Kepala Kampung");
    const created = lastText(h, f.admin.id);
    expect(created).toContain("Kepala Kampung");
    const code = created.match(/Kode: <code>([A-Z0-9]{8})<\/code>/)?.[1] ?? created.match(/Kode: ([A-Z0-9]{8})/)![1]!;
    expect((await h.app.deps.prisma.invite.findUniqueOrThrow({ where: { code } })).title).toBe("kepala");

    const sutrisno = h.fake.addUser({ first_name: "Sutrisno" });
    await say(h, sutrisno, `/start ${code}`);
    expect(texts(h, sutrisno.id).join("\n")).toContain("sebagai Kepala Kampung");
    const m = await h.app.deps.prisma.membership.findFirstOrThrow({ where: { person: { telegramUserId: BigInt(sutrisno.id) } } });
    expect(m.title).toBe("kepala");

    await say(h, f.admin, "/anggota");
    expect(texts(h, f.admin.id).join("\n")).toContain("Sutrisno — Perangkat kampung · Sukajaya (Kepala Kampung)");

    // The announcement is signed with the position at the village.
    await say(h, sutrisno, "/pengumuman");
    await say(h, sutrisno, "Kerja bakti hari Minggu pukul 07.00 di Balai Kampung.");
    await press(h, sutrisno, sutrisno.id, "Grup kampung");
    await press(h, sutrisno, sutrisno.id, "Kirim sekarang");
    await press(h, sutrisno, sutrisno.id, "Kirim");
    await h.flush();
    const inGroup = texts(h, f.villages[0]!.group.id).join("\n");
    expect(inGroup).toContain("📢 Pengumuman · Kampung Sukajaya");
    expect(inGroup).toContain("— Sutrisno, Kepala Kampung Sukajaya");
  });

  it("a code that leaves the position open asks the person who redeems it", async () => {
    const f = await aForum(h);
    await kampung(f);
    await say(h, f.admin, "/kodegabung");
    await press(h, f.admin, f.admin.id, "Perangkat kampung");
    await press(h, f.admin, f.admin.id, "Sidorejo");
    await press(h, f.admin, f.admin.id, "Ditanyakan kepada penerima");
    const code = lastText(h, f.admin.id).match(/([A-Z2-9]{8})/)![1]!;
    const wati = h.fake.addUser({ first_name: "Wati" });
    await say(h, wati, `/gabung ${code}`);
    expect(lastText(h, wati.id)).toContain("Apa jabatan Bapak/Ibu di Kampung Sidorejo?");
    await press(h, wati, wati.id, "Lainnya");
    await say(h, wati, "Bendahara");
    expect(lastText(h, wati.id)).toContain("Jabatan tersimpan: Bendahara");
    const m = await h.app.deps.prisma.membership.findFirstOrThrow({ where: { person: { telegramUserId: BigInt(wati.id) } } });
    expect(m.title).toBe("Bendahara");
  });

  it("council members found by their jabatan are invited as a group (the BPK audience)", async () => {
    const f = await aForum(h);
    await kampung(f);
    const ketua = await f.official(0, "Darto");
    const anggota = await f.official(0, "Lastri");
    const sekdes = await f.official(0, "Sri");
    const setTitle = async (u: typeof ketua, title: string) =>
      h.app.deps.prisma.membership.updateMany({ where: { forumId: f.id, person: { telegramUserId: BigInt(u.id) } }, data: { title } });
    await setTitle(ketua, "ketua_bpd");
    await setTitle(anggota, "Anggota BPK");
    await setTitle(sekdes, "sekretaris");
    const r = await createMeeting(meetingDepsOf(h.app.deps), await actorFor(h, f.admin), {
      forumId: f.id,
      kind: "musdes",
      title: "Musyawarah Kampung RKP 2027",
      agenda: ["Pembukaan"],
      startsAt: new Date(h.clock.now().getTime() + 26 * HOUR),
      durationMinutes: 120,
      place: "Balai Kampung Sukajaya",
      audience: { ...emptyAudience(), bpd: [f.villages[0]!.id] },
    });
    const invitees = await h.app.deps.prisma.meetingInvitee.findMany({ where: { meetingId: r.id }, include: { meeting: false } });
    const persons = await h.app.deps.prisma.person.findMany({ where: { id: { in: invitees.map((i) => i.personId) } } });
    expect(persons.map((p) => p.firstName).sort()).toEqual(["Darto", "Lastri"]);
    expect(invitees.every((i) => i.source === "bpd")).toBe(true);
  });

  it("/peran's 🏷️ is for forum admins only; an admin sets a position", async () => {
    const f = await aForum(h);
    const sari = await f.official(1, "Sari");
    const m = await h.app.deps.prisma.membership.findFirstOrThrow({ where: { forumId: f.id, person: { telegramUserId: BigInt(sari.id) } } });
    const official = await f.official(1, "Budi");
    const forged = async (u: typeof official) => {
      await say(h, u, "/start");
      await h.send(h.fake.updates.callback(u, u.id, h.fake.sent(u.id).at(-1)!.message_id, `prj:${f.id}:${m.id}`));
    };
    await forged(official);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("Hanya admin forum");
    const other = await aForum(h);
    await forged(other.admin);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("Hanya admin forum");

    await say(h, f.admin, "/peran");
    await press(h, f.admin, f.admin.id, "Sari");
    await press(h, f.admin, f.admin.id, "Jabatan");
    await press(h, f.admin, f.admin.id, "Kaur Keuangan");
    expect(lastText(h, f.admin.id)).toContain("Kaur Keuangan");
    expect((await h.app.deps.prisma.membership.findUniqueOrThrow({ where: { id: m.id } })).title).toBe("kaur_keuangan");
  });
});

describe("commands people guess", () => {
  it("/hubungkan <kode> links a group; /daftar still works there", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const budi = await f.official(1, "Budi");
    await say(h, budi, "/hubungkan");
    const code = lastText(h, budi.id).match(/\/hubungkan (G[A-Z2-9]{7})/)![1]!;
    const g = h.fake.addGroup({ title: "Warga Sidorejo Baru", admins: [budi.id], members: [budi.id] });
    await h.send(h.fake.updates.command(budi, g, "hubungkan", code));
    expect(lastText(h, g.id)).toContain("terhubung sebagai grup Desa Sidorejo");

    await say(h, budi, "/tautkan");
    const code2 = lastText(h, budi.id).match(/\/hubungkan (G[A-Z2-9]{7})/)![1]!;
    const g2 = h.fake.addGroup({ title: "Grup lain", admins: [budi.id], members: [budi.id] });
    await h.send(h.fake.updates.command(budi, g2, "daftar", code2));
    expect(lastText(h, g2.id)).toContain("terhubung");
  });

  it("/daftar in a private chat points a resident to /desaku, /gabung and /lapor, and an official to /hubungkan", async () => {
    const f = await aForum(h);
    const stranger = h.fake.addUser({ first_name: "Eve" });
    await say(h, stranger, "/daftar");
    const hint = lastText(h, stranger.id);
    expect(hint).toContain("/desaku");
    expect(hint).toContain("/gabung");
    expect(hint).toContain("/lapor");
    const official = await f.official(0, "Sari");
    await say(h, official, "/daftar");
    expect(lastText(h, official.id)).toContain("/hubungkan");
    // A resident asking to link in private is told how it is done, and no code is made.
    const warga = await f.resident(0, "Budi");
    await say(h, warga, "/hubungkan");
    expect(lastText(h, warga.id)).toContain("dihubungkan oleh perangkat desa");
    expect(await h.app.deps.prisma.invite.count({ where: { purpose: "group" } })).toBe(0);
  });

  it("/lapor starts the aspiration; /menu shows the menu; /kampungku works in a Kampung forum", async () => {
    const f = await aForum(h);
    await kampung(f);
    const budi = await f.resident(0, "Budi");
    await say(h, budi, "/lapor");
    expect(texts(h, budi.id).join("\n")).toContain("Sampaikan aspirasi");
    await say(h, budi, "/batal");
    await say(h, budi, "/menu");
    expect(lastText(h, budi.id)).toContain("Selamat datang kembali");
    await h.send(h.fake.updates.command(budi, f.villages[0]!.group, "kampungku"));
    expect(lastText(h, f.villages[0]!.group.id)).toContain("Warga Kampung Sukajaya?");
  });

  it("/bantuan is a short how-to per role, in the forum's words", async () => {
    const f = await aForum(h);
    await kampung(f);
    const warga = await f.resident(0, "Budi");
    await say(h, warga, "/bantuan");
    const w = lastText(h, warga.id);
    expect(w).toContain("Sebagai warga");
    expect(w).toContain("/lapor");
    expect(w).toContain("/kampungku");
    expect(w).not.toContain("Sebagai admin forum");
    expect(w).toContain("/batal");
    await say(h, f.admin, "/bantuan");
    const a = lastText(h, f.admin.id);
    expect(a).toContain("Sebagai admin forum");
    expect(a).toContain("/istilah");
    expect(a).not.toMatch(/desa/i);
  });

  it("setMyCommands lists /menu and /batal, never the aliases", async () => {
    const { setCommands } = await import("../../src/bot/commands.js");
    await setCommands(h.app.bot.api, { village: "kampung", council: "BPK" });
    const priv = h.fake.callsTo("setMyCommands").find((c) => (c.params.scope as { type: string }).type === "all_private_chats" && !c.params.language_code)!;
    const names = (priv.params.commands as Array<{ command: string; description: string }>).map((c) => c.command);
    expect(names.slice(0, 4)).toEqual(["start", "menu", "bantuan", "batal"]);
    expect(names).toContain("kampungku");
    expect(names).not.toContain("desaku");
    for (const alias of ["lapor", "daftar", "tautkan", "undang", "desa"]) expect(names).not.toContain(alias);
    for (const c of priv.params.commands as Array<{ description: string }>) expect(c.description).not.toMatch(/desa/i);
  });
});

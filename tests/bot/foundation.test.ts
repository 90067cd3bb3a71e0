import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";

let h: Harness;
const BOOT = 900001;

beforeAll(async () => {
  h = await createHarness({ bootstrapAdmins: [BOOT] });
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

describe("forum creation", () => {
  it("a bootstrap admin creates a forum and its villages through a guided conversation", async () => {
    const camat = h.fake.addUser({ id: BOOT, first_name: "Sri", username: "sri_camat" });
    await say(h, camat, "/start");
    expect(lastText(h, camat.id)).toContain("/forumbaru");
    await say(h, camat, "/forumbaru");
    expect(lastText(h, camat.id)).toContain("nama forum");
    await say(h, camat, "Kerja Sama Antar Desa Kecamatan Bangunrejo");
    await press(h, camat, camat.id, "WIB");
    await press(h, camat, camat.id, "Desa");
    await press(h, camat, camat.id, "BPD");
    await say(h, camat, "Sukajaya 18.02.13.2001\nSidorejo\n\nsidorejo\nBangunrejo 1802132003");
    const preview = lastText(h, camat.id);
    expect(preview).toContain("3 desa");
    expect(preview).toContain("18.02.13.2001");
    expect(preview).toContain("sudah ada di daftar");
    await press(h, camat, camat.id, "Simpan");
    expect(lastText(h, camat.id)).toContain("Kerja Sama Antar Desa Kecamatan Bangunrejo");

    const forum = await h.app.deps.prisma.forum.findFirstOrThrow({ include: { villages: true, memberships: true } });
    expect(forum.villages.map((v) => v.name).sort()).toEqual(["Bangunrejo", "Sidorejo", "Sukajaya"]);
    expect(forum.villages.find((v) => v.name === "Sukajaya")!.kemendagriCode).toBe("18.02.13.2001");
    expect(forum.memberships).toHaveLength(1);
    expect(forum.memberships[0]!.role).toBe("admin_forum");
  });

  it("a person not listed in BOOTSTRAP_ADMIN_IDS cannot create a forum", async () => {
    const u = h.fake.addUser({ first_name: "Joko" });
    await say(h, u, "/forumbaru");
    expect(lastText(h, u.id)).toContain("Hanya admin kecamatan");
    expect(await h.app.deps.prisma.forum.count()).toBe(0);
  });

  it("/batal ends the flow and nothing is saved", async () => {
    const camat = h.fake.addUser({ id: BOOT, first_name: "Sri" });
    await say(h, camat, "/forumbaru");
    await say(h, camat, "/batal");
    expect(lastText(h, camat.id)).toContain("dibatalkan");
    await say(h, camat, "Forum yang tidak jadi");
    expect(await h.app.deps.prisma.forum.count()).toBe(0);
  });
});

describe("invitations", () => {
  it("an admin creates a single-use perangkat desa invitation and the link grants the role once", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/undang");
    await press(h, f.admin, f.admin.id, "Perangkat desa");
    await press(h, f.admin, f.admin.id, "Sidorejo");
    await press(h, f.admin, f.admin.id, "Sekretaris Desa");
    const text = lastText(h, f.admin.id);
    const code = text.match(/Kode: ([A-Z0-9]{8})/)![1]!;
    expect(text).toContain(`https://t.me/ForumDesaBot?start=${code}`);

    const budi = h.fake.addUser({ first_name: "Budi" });
    await say(h, budi, `/start ${code}`);
    expect(texts(h, budi.id).join("\n")).toContain("Perangkat desa");
    const m = await h.app.deps.prisma.membership.findFirstOrThrow({ where: { person: { telegramUserId: BigInt(budi.id) } }, include: { village: true } });
    expect(m.role).toBe("perangkat_desa");
    expect(m.village!.name).toBe("Sidorejo");

    const eve = h.fake.addUser({ first_name: "Eve" });
    await say(h, eve, `/gabung ${code}`);
    expect(lastText(h, eve.id)).toContain("sudah dipakai");
    expect(await h.app.deps.prisma.membership.count({ where: { person: { telegramUserId: BigInt(eve.id) } } })).toBe(0);
  });

  it("an expired code is refused", async () => {
    const f = await aForum(h);
    const inv = await h.app.deps.prisma.invite.create({
      data: { code: "ABCDEFGH", forumId: f.id, role: "moderator", createdById: 1, expiresAt: new Date(h.clock.now().getTime() - 1000) },
    });
    const u = h.fake.addUser({ first_name: "Late" });
    await say(h, u, `/gabung ${inv.code}`);
    expect(lastText(h, u.id)).toContain("kedaluwarsa");
  });
});

describe("group linking", () => {
  it("the bot added by an official prompts, and a group admin who is that village's official links it", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const budi = await f.official(1, "Budi");
    const g = h.fake.addGroup({ title: "Warga Sidorejo Baru", admins: [budi.id], members: [budi.id], botIsMember: false });
    await h.send(h.fake.updates.myChatMember(budi, g, "left", "member"));
    expect(lastText(h, g.id)).toContain("belum terhubung");
    expect(buttons(h, g.id).map((b) => b.text).join()).toContain("Sidorejo");

    // Someone who is not a Telegram admin of the group presses the button: refused.
    const other = await f.official(1, "Other");
    await press(h, other, g, "Sidorejo");
    const refused = h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text;
    expect(refused).toContain("Hanya admin grup");
    expect(await h.app.deps.prisma.chatLink.count({ where: { telegramChatId: BigInt(g.id) } })).toBe(0);

    await press(h, budi, g, "Sidorejo");
    const link = await h.app.deps.prisma.chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(g.id) } });
    expect(link.villageId).toBe(f.villages[1]!.id);
    expect(lastText(h, g.id)).toContain("terhubung sebagai grup Desa Sidorejo");
  });

  it("/daftar <kode> links a group only for a Telegram admin of that group", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await say(h, budi, "/tautkan");
    const code = lastText(h, budi.id).match(/(G[A-Z0-9]{7})/)![1]!;
    const g = h.fake.addGroup({ title: "Grup Baru", admins: [budi.id], members: [budi.id] });
    const warga = h.fake.addUser({ first_name: "Warga" });
    h.fake.setMember(g.id, warga.id, "member");
    await h.send(h.fake.updates.command(warga, g, "daftar", code));
    expect(lastText(h, g.id)).toContain("Hanya admin grup");
    await h.send(h.fake.updates.command(budi, g, "daftar", code));
    expect(lastText(h, g.id)).toContain("terhubung");
    const link = await h.app.deps.prisma.chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(g.id) } });
    expect(link.forumId).toBe(f.id);
  });

  it("removal from a group deactivates the link and tells the forum's admins", async () => {
    const f = await aForum(h);
    const g = f.villages[2]!.group;
    await h.send(h.fake.updates.myChatMember(f.admin, g, "member", "kicked"));
    await h.flush();
    const link = await h.app.deps.prisma.chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(g.id) } });
    expect(link.active).toBe(false);
    expect(lastText(h, f.admin.id)).toContain("dikeluarkan dari grup");
  });

  it("a group that becomes a supergroup keeps its link under the new chat id", async () => {
    const f = await aForum(h, { groupType: "group" });
    const g = f.villages[0]!.group;
    const [fromOld] = h.fake.updates.migrate(g, -1009999000001);
    await h.send(fromOld);
    const link = await h.app.deps.prisma.chatLink.findFirstOrThrow({ where: { villageId: f.villages[0]!.id } });
    expect(link.telegramChatId).toBe(-1009999000001n);
    expect(link.active).toBe(true);
  });
});

describe("menus, help and language", () => {
  it("/bantuan shows only what the caller may do", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0);
    await say(h, warga, "/bantuan");
    const wargaHelp = lastText(h, warga.id);
    expect(wargaHelp).toContain("/desaku");
    expect(wargaHelp).not.toContain("/kodegabung");
    expect(wargaHelp).not.toContain("/peran");
    await say(h, f.admin, "/bantuan");
    const adminHelp = lastText(h, f.admin.id);
    expect(adminHelp).toContain("/kodegabung");
    expect(adminHelp).toContain("/peran");
  });

  it("/bahasa switches to English and back", async () => {
    const u = h.fake.addUser({ first_name: "Ann" });
    await say(h, u, "/bahasa");
    await press(h, u, u.id, "English");
    expect(lastText(h, u.id)).toContain("Language changed to English");
    await say(h, u, "/bantuan");
    expect(lastText(h, u.id)).toContain("Short guide");
    await say(h, u, "/bahasa");
    await press(h, u, u.id, "Indonesia");
    await say(h, u, "/bantuan");
    expect(lastText(h, u.id)).toContain("Petunjuk singkat");
  });

  it("a private-only command used in a group points to the private chat", async () => {
    const f = await aForum(h);
    await h.send(h.fake.updates.command(f.admin, f.villages[0]!.group, "undang"));
    expect(lastText(h, f.villages[0]!.group.id)).toContain("chat pribadi");
    expect(buttons(h, f.villages[0]!.group.id)[0]!.url).toContain("t.me/ForumDesaBot?start=");
  });

  it("an unknown command in a private chat gets a short hint", async () => {
    const u = h.fake.addUser({ first_name: "X" });
    await say(h, u, "/entahlah");
    expect(lastText(h, u.id)).toContain("/bantuan");
  });
});

describe("authorization", () => {
  it("a forged callback that tries to grant admin to oneself changes nothing", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0, "Tono");
    const person = await h.app.deps.prisma.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(warga.id) } });
    await say(h, warga, "/start");
    const msg = h.fake.sent(warga.id).at(-1)!;
    await h.send(h.fake.updates.callback(warga, warga.id, msg.message_id, `pra:${f.id}:${person.id}:admin_forum`));
    await h.send(h.fake.updates.callback(warga, warga.id, msg.message_id, `prv:${f.id}:${person.id}:perangkat_desa:${f.villages[0]!.id}`));
    const roles = await h.app.deps.prisma.membership.findMany({ where: { personId: person.id } });
    expect(roles.map((r) => r.role)).toEqual(["warga"]);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.params.text).toContain("Hanya admin forum");
  });

  it("an admin of forum A cannot act in forum B", async () => {
    const a = await aForum(h, { name: "Forum A" });
    const b = await aForum(h, { name: "Forum B" });
    const bPerson = await h.app.deps.prisma.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(b.admin.id) } });
    await say(h, a.admin, "/start");
    const msg = h.fake.sent(a.admin.id).at(-1)!;
    // Revoke B's admin, grant a role in B, list B's members, switch to forum B: all refused.
    const bAdminMembership = await h.app.deps.prisma.membership.findFirstOrThrow({ where: { forumId: b.id } });
    await h.send(h.fake.updates.callback(a.admin, a.admin.id, msg.message_id, `pry:${b.id}:${bAdminMembership.id}`));
    await h.send(h.fake.updates.callback(a.admin, a.admin.id, msg.message_id, `pra:${b.id}:${bPerson.id}:moderator`));
    await h.send(h.fake.updates.callback(a.admin, a.admin.id, msg.message_id, `ang:${b.id}:0`));
    await h.send(h.fake.updates.callback(a.admin, a.admin.id, msg.message_id, `fsel:${b.id}`));
    expect(await h.app.deps.prisma.membership.count({ where: { forumId: b.id } })).toBe(1);
    expect(texts(h, a.admin.id).join("\n")).not.toContain(b.admin.first_name);
    const answers = h.fake.callsTo("answerCallbackQuery").slice(-4).map((c) => c.params.text);
    expect(answers.every((t: string) => /Hanya admin forum|belum terdaftar/.test(t))).toBe(true);
  });
});

describe("roles", () => {
  it("an admin lists members and grants a moderator role with buttons", async () => {
    const f = await aForum(h);
    const tono = await f.resident(0, "Tono");
    await say(h, f.admin, "/anggota");
    expect(lastText(h, f.admin.id)).toContain("Tono");
    await say(h, f.admin, "/peran");
    await press(h, f.admin, f.admin.id, "Tono");
    await press(h, f.admin, f.admin.id, "Tambah peran");
    await press(h, f.admin, f.admin.id, "Moderator");
    const roles = await h.app.deps.prisma.membership.findMany({ where: { person: { telegramUserId: BigInt(tono.id) } } });
    expect(roles.map((r) => r.role).sort()).toEqual(["moderator", "warga"]);
  });
});

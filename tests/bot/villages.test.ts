import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, personFor, press, say, texts } from "../support/world.js";

// Issue 13: the village commands and the paths that had no test — /desa, /desaku, /tambahdesa,
// a /forum switch between two forums, and a group linked through t.me/<bot>?startgroup=<code>.

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

const prisma = () => h.app.deps.prisma;
const toast = () => String(h.fake.callsTo("answerCallbackQuery").at(-1)?.params.text ?? "");

describe("/desa", () => {
  it("lists the forum's villages with their groups and officials, in private and in a linked group; an unlinked group and a stranger are told why not", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await f.official(0, "Budi");
    const w = await f.resident(1);
    await say(h, w, "/desa");
    const list = lastText(h, w.id);
    expect(list).toContain(`${f.name} — 2 desa`);
    expect(list).toMatch(/Sukajaya \(\w+\)\nGrup: Warga Sukajaya\nPerangkat: Budi/);
    expect(list).toMatch(/Sidorejo \(\w+\)\nGrup: Warga Sidorejo\nPerangkat: belum ada/);

    await h.send(h.fake.updates.command(w, f.villages[1]!.group, "desa"));
    expect(lastText(h, f.villages[1]!.group.id)).toContain(`${f.name} — 2 desa`);

    const loose = h.fake.addGroup({ title: "Grup lain", members: [w.id] });
    await h.send(h.fake.updates.command(w, loose, "desa"));
    expect(lastText(h, loose.id)).toContain("belum terhubung");

    const stranger = h.fake.addUser({ first_name: "Asing" });
    await say(h, stranger, "/desa");
    expect(lastText(h, stranger.id)).toContain("belum terdaftar di forum mana pun");
  });
});

describe("/desaku", () => {
  it("in private: a member of the village's group is recorded at once; elsewhere the village's official confirms", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const budi = await f.official(1, "Budi");
    const sumi = await f.resident(0, "Sumi");
    await say(h, sumi, "/desaku");
    expect(buttons(h, sumi.id).map((b) => b.text)).toEqual(["Sidorejo", "✅ Sukajaya"]);
    // Not in Sidorejo's Telegram group: a claim for its official.
    await press(h, sumi, sumi.id, "Sidorejo");
    expect(lastText(h, sumi.id)).toContain("diteruskan ke perangkat desanya");
    await h.flush();
    expect(lastText(h, budi.id)).toContain("Sumi");
    await press(h, budi, budi.id, "Benar warga");
    await h.flush();
    expect(lastText(h, sumi.id)).toContain("tercatat sebagai warga Desa Sidorejo");
    const p = await personFor(h, sumi);
    expect((await prisma().membership.findFirstOrThrow({ where: { personId: p.id, role: "warga" } })).villageId).toBe(f.villages[1]!.id);

    // In Sidorejo's group already? Then Telegram confirms it: back to Sukajaya, whose group she is in.
    await say(h, sumi, "/desaku");
    await press(h, sumi, sumi.id, "Sukajaya");
    expect(lastText(h, sumi.id)).toContain("Tersimpan: Bapak/Ibu warga Desa Sukajaya");
  });

  it("in a village group: the button records the person who presses it, if Telegram says they are in the group", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const g = f.villages[0]!.group;
    const ani = h.fake.addUser({ first_name: "Ani" });
    h.fake.setMember(g.id, ani.id, "member");
    await h.send(h.fake.updates.command(ani, g, "desaku"));
    expect(lastText(h, g.id)).toContain("Warga Desa Sukajaya?");
    await press(h, ani, g, "Saya warga Sukajaya");
    // The group door may already have recorded her as she wrote in the group; either way she is.
    expect(toast()).toMatch(/Tersimpan|sudah tercatat sebagai warga Desa Sukajaya/);
    const p = await prisma().person.findUniqueOrThrow({ where: { telegramUserId: BigInt(ani.id) } });
    expect((await prisma().membership.findFirstOrThrow({ where: { personId: p.id, forumId: f.id } })).villageId).toBe(f.villages[0]!.id);
    // Someone outside the group pressing the same button is not recorded.
    const outsider = h.fake.addUser({ first_name: "Luar" });
    await press(h, outsider, g, "Saya warga Sukajaya");
    expect(toast()).toContain("Hanya anggota grup ini");
    const q = await prisma().person.findUnique({ where: { telegramUserId: BigInt(outsider.id) }, include: { memberships: true } });
    expect(q?.memberships ?? []).toHaveLength(0);
  });
});

describe("/tambahdesa", () => {
  it("an admin adds villages typed one per line (Kemendagri codes read, duplicates skipped); a resident is refused; audited", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    const w = await f.resident(0);
    await say(h, w, "/tambahdesa");
    expect(lastText(h, w.id)).toContain("Hanya admin forum");

    await say(h, f.admin, "/tambahdesa");
    expect(lastText(h, f.admin.id)).toContain("satu desa per baris");
    await say(h, f.admin, "Desa Mekarsari 18.02.13.2005\n1802132006 - Karangsari\nSukajaya");
    expect(lastText(h, f.admin.id)).toContain("Saya membaca 3 desa");
    await press(h, f.admin, f.admin.id, "Simpan");
    expect(lastText(h, f.admin.id)).toContain("2 desa ditambahkan. 1 desa dilewati");
    const villages = await prisma().village.findMany({ where: { forumId: f.id }, orderBy: { name: "asc" } });
    expect(villages.map((v) => [v.name, v.kemendagriCode])).toEqual([
      ["Karangsari", "18.02.13.2006"],
      ["Mekarsari", "18.02.13.2005"],
      ["Sukajaya", null],
    ]);
    const audit = await prisma().auditLog.findMany({ where: { forumId: f.id, action: "village.add" } });
    expect(audit.map((a) => a.details)).toEqual([{ count: 2 }]);
  });
});

describe("/forum", () => {
  it("switches between two forums a person belongs to; later commands work in the chosen one; a forged choice is refused", async () => {
    const f = await aForum(h, { name: "Forum Utara", villages: ["Sukajaya"] });
    const g = await aForum(h, { name: "Forum Selatan", villages: ["Mulyo Asri"] });
    const other = await aForum(h, { name: "Forum Lain", villages: ["Tegalrejo"] });
    const u = await f.resident(0, "Dua Forum");
    const p = await personFor(h, u);
    await prisma().membership.create({ data: { personId: p.id, forumId: g.id, role: "warga", villageId: g.villages[0]!.id } });

    await say(h, u, "/forum");
    expect(buttons(h, u.id).map((b) => b.text).sort()).toEqual(["Forum Selatan", "Forum Utara"]);
    await press(h, u, u.id, "Forum Selatan");
    expect(lastText(h, u.id)).toBe("Forum aktif: Forum Selatan");
    await say(h, u, "/desa");
    expect(lastText(h, u.id)).toContain("Mulyo Asri");
    expect(lastText(h, u.id)).not.toContain("Sukajaya");
    await say(h, u, "/forum");
    expect(buttons(h, u.id).map((b) => b.text)).toContain("✅ Forum Selatan");
    await press(h, u, u.id, "Forum Utara");
    await say(h, u, "/desa");
    expect(lastText(h, u.id)).toContain("Sukajaya");

    // A button naming a forum they do not belong to.
    await say(h, u, "/forum");
    const m = h.fake.sent(u.id).at(-1)!;
    await h.send(h.fake.updates.callback(u, u.id, m.message_id, `fsel:${other.id}`));
    expect(toast()).toContain("belum terdaftar di forum ini");
    await say(h, u, "/desa");
    expect(lastText(h, u.id)).not.toContain("Tegalrejo");
  });
});

describe("the startgroup path", () => {
  it("an official's /hubungkan gives a button that adds the bot to a group and links it at once for a group admin; the code works once", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const budi = await f.official(1, "Budi");
    await say(h, budi, "/hubungkan");
    const url = buttons(h, budi.id).find((b) => b.url)!.url!;
    expect(url).toMatch(/^https:\/\/t\.me\/\w+\?startgroup=G[A-Z0-9]{7}$/);
    const code = url.split("=")[1]!;

    const g = h.fake.addGroup({ title: "Warga Sidorejo Baru", admins: [budi.id], members: [budi.id] });
    // Telegram sends "/start <payload>" in the group from the person who added the bot.
    const member = h.fake.addUser({ first_name: "Anggota" });
    h.fake.setMember(g.id, member.id, "member");
    await h.send(h.fake.updates.command(member, g, "start", code));
    expect(lastText(h, g.id)).toContain("Hanya admin grup");
    expect(await prisma().chatLink.count({ where: { telegramChatId: BigInt(g.id) } })).toBe(0);

    await h.send(h.fake.updates.command(budi, g, "start", code));
    expect(lastText(h, g.id)).toContain("terhubung sebagai grup Desa Sidorejo");
    const link = await prisma().chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(g.id) } });
    expect([link.forumId, link.villageId, link.active]).toEqual([f.id, f.villages[1]!.id, true]);

    const g2 = h.fake.addGroup({ title: "Grup Kedua", admins: [budi.id], members: [budi.id] });
    await h.send(h.fake.updates.command(budi, g2, "start", code));
    expect(lastText(h, g2.id)).toContain("sudah dipakai");
    expect(await prisma().chatLink.count({ where: { telegramChatId: BigInt(g2.id) } })).toBe(0);
    expect(texts(h, g.id).length).toBeGreaterThan(0);
  });
});

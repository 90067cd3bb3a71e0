import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "grammy/types";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, personFor, press, say, texts, type ForumFixture } from "../support/world.js";
import { actorFor, aVote } from "../support/voting.js";
import { aMeeting } from "../support/musyawarah.js";
import { aTopic } from "../support/discussion.js";
import { fileAspiration } from "../support/aspirasi.js";
import { renameVillage, mergeVillages, retireVillage, renameForum, setForumTimezone, linkOfficialsGroup } from "../../src/domain/forum/upkeep.js";
import { infoOf, loadVote } from "../../src/domain/voting/store.js";
import { loadView } from "../../src/domain/musyawarah/repo.js";
import { organiserVillages } from "../../src/domain/voting/service.js";
import { NotAllowed } from "../../src/domain/errors.js";
import { announce, finishProgress } from "../support/pengumuman.js";
import { createMeetingNotifier } from "../../src/bot/features/musyawarah/notifier.js";
import { loadAttendance } from "../../src/domain/musyawarah/repo.js";

// Issue 13, admin upkeep: /kelola in a private chat, every change admin-only (checked in the
// domain), audited, confirmed with ✅/❌ when destructive, and read from the village row at render.

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

const prisma = () => h.app.deps.prisma;
const toast = () => String(h.fake.callsTo("answerCallbackQuery").at(-1)?.params.text ?? "");
const audits = (forumId: number, action?: string) => prisma().auditLog.findMany({ where: { forumId, ...(action ? { action } : {}) }, orderBy: { id: "asc" } });

/** A button press with data the person writes themselves, on a real bot message in their private chat. */
async function forged(u: User, data: string) {
  await say(h, u, "/start");
  const m = h.fake.sent(u.id).at(-1)!;
  await h.send(h.fake.updates.callback(u, u.id, m.message_id, data));
}

/** A person who was this forum's admin and whose role was taken back. */
async function formerAdmin(f: ForumFixture) {
  const u = await f.person("admin_forum");
  const p = await personFor(h, u);
  await prisma().membership.deleteMany({ where: { personId: p.id, forumId: f.id, role: "admin_forum" } });
  await prisma().membership.create({ data: { personId: p.id, forumId: f.id, role: "warga", villageId: f.villages[0]!.id } });
  return u;
}

async function openVillage(f: ForumFixture, name: string) {
  await say(h, f.admin, "/kelola");
  await press(h, f.admin, f.admin.id, "Daftar desa");
  await press(h, f.admin, f.admin.id, name);
}

describe("who may use /kelola", () => {
  it("a resident, an official, a former admin and another forum's admin are refused, by command and by forged buttons; nothing changes, nothing is audited", async () => {
    const f = await aForum(h);
    const g = await aForum(h);
    const v = f.villages[1]!;
    const callers = [await f.resident(0), await f.official(1), await formerAdmin(f), g.admin];
    const before = await audits(f.id);
    for (const u of callers) {
      await say(h, u, "/kelola");
      // Another forum's admin sees their own forum's upkeep, never this one's.
      if (u === g.admin) expect(lastText(h, u.id)).toContain(`Nama: ${g.name}\n`);
      else expect(lastText(h, u.id)).toContain("Hanya admin forum");
      for (const data of [`kl:${f.id}:m:0:0`, `kl:${f.id}:ry:${v.id}:0`, `kl:${f.id}:my:${v.id}:${f.villages[0]!.id}`, `kl:${f.id}:uy:${v.id}:0`, `kl:${f.id}:z:0:2`, `kl:${f.id}:ot:0:0`]) {
        await forged(u, data);
        expect(toast()).toContain("Hanya admin forum");
      }
    }
    const row = await prisma().village.findUniqueOrThrow({ where: { id: v.id } });
    expect(row.retiredAt).toBeNull();
    expect(await prisma().chatLink.count({ where: { villageId: v.id, active: true } })).toBe(1);
    expect((await prisma().forum.findUniqueOrThrow({ where: { id: f.id } })).timezone).toBe("Asia/Jakarta");
    expect(await audits(f.id)).toEqual(before);
  });

  it("an admin's forged button naming another forum's village finds nothing there", async () => {
    const f = await aForum(h);
    const g = await aForum(h);
    await forged(f.admin, `kl:${f.id}:ry:${g.villages[0]!.id}:0`);
    expect(toast()).toContain("tidak ditemukan");
    await forged(f.admin, `kl:${f.id}:my:${f.villages[0]!.id}:${g.villages[0]!.id}`);
    expect(toast()).toContain("tidak ditemukan");
    expect((await prisma().village.findUniqueOrThrow({ where: { id: g.villages[0]!.id } })).retiredAt).toBeNull();
    expect((await prisma().village.findUniqueOrThrow({ where: { id: f.villages[0]!.id } })).retiredAt).toBeNull();
  });

  it("the domain refuses a non-admin whatever the caller (the bot is not the only door)", async () => {
    const f = await aForum(h);
    const off = await f.official(0);
    const actor = await actorFor(h, off);
    await expect(renameVillage(h.app.deps, actor, f.id, f.villages[0]!.id, "Baru")).rejects.toBeInstanceOf(NotAllowed);
    await expect(mergeVillages(h.app.deps, actor, f.id, f.villages[1]!.id, f.villages[0]!.id)).rejects.toBeInstanceOf(NotAllowed);
    await expect(retireVillage(h.app.deps, actor, f.id, f.villages[0]!.id)).rejects.toBeInstanceOf(NotAllowed);
    await expect(renameForum(h.app.deps, actor, f.id, "Forum Lain")).rejects.toBeInstanceOf(NotAllowed);
    await expect(setForumTimezone(h.app.deps, actor, f.id, "Asia/Makassar")).rejects.toBeInstanceOf(NotAllowed);
    await expect(linkOfficialsGroup(h.app.deps, actor, f.id, { id: -100999, title: "x", isForum: false })).rejects.toBeInstanceOf(NotAllowed);
  });
});

describe("renaming and codes", () => {
  it("an admin renames a village from buttons; running votes, meetings and topics read the new name at their next render; audited", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0, 1] });
    const meetingId = await aMeeting(h, f, { audience: { groups: [f.villages[0]!.id] } });
    const topic = await aTopic(h, f, { villages: [0, 1] });
    await openVillage(f, "Sukajaya");
    await press(h, f.admin, f.admin.id, "Ubah nama");
    expect(lastText(h, f.admin.id)).toContain("nama desa yang baru");
    await say(h, f.admin, "Sidorejo");
    expect(lastText(h, f.admin.id)).toContain("sudah dipakai");
    await openVillage(f, "Sukajaya");
    await press(h, f.admin, f.admin.id, "Ubah nama");
    await say(h, f.admin, "Sukamaju");
    expect(lastText(h, f.admin.id)).toContain("Nama desa sekarang Sukamaju");
    const v0 = f.villages[0]!.id;
    expect((await prisma().village.findUniqueOrThrow({ where: { id: v0 } })).name).toBe("Sukamaju");

    const info = await infoOf(prisma(), (await loadVote(prisma(), vote.id))!);
    expect(info.villages.map((v) => v.name)).toContain("Sukamaju");
    expect(info.villages.map((v) => v.name)).not.toContain("Sukajaya");
    const view = await loadView(prisma(), meetingId, f.id);
    expect(view!.villages.map((v) => v.name)).toContain("Sukamaju");
    const names = (await prisma().village.findMany({ where: { id: { in: (await prisma().topicVillage.findMany({ where: { topicId: topic.id } })).map((t) => t.villageId) } } })).map((v) => v.name);
    expect(names).toContain("Sukamaju");
    // /desa lists it under the new name.
    await say(h, f.admin, "/desa");
    expect(lastText(h, f.admin.id)).toContain("Sukamaju");

    const rows = await audits(f.id, "village.rename");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.target).toBe(`village:${v0}`);
    expect(rows[0]!.actorId).toBe((await personFor(h, f.admin)).id);
  });

  it("changes a village's code (refusing a bad or taken one) and audits the new code", async () => {
    const f = await aForum(h);
    await openVillage(f, "Sidorejo");
    await press(h, f.admin, f.admin.id, "Ubah kode");
    await say(h, f.admin, "sd-1");
    expect(lastText(h, f.admin.id)).toContain("2 sampai 5 huruf besar");
    await openVillage(f, "Sidorejo");
    await press(h, f.admin, f.admin.id, "Ubah kode");
    await say(h, f.admin, f.villages[0]!.shortCode);
    expect(lastText(h, f.admin.id)).toContain("sudah dipakai");
    await openVillage(f, "Sidorejo");
    await press(h, f.admin, f.admin.id, "Ubah kode");
    await say(h, f.admin, "sdr");
    expect(lastText(h, f.admin.id)).toContain("SDR");
    expect((await prisma().village.findUniqueOrThrow({ where: { id: f.villages[1]!.id } })).shortCode).toBe("SDR");
    const rows = await audits(f.id, "village.code");
    expect(rows.map((r) => r.details)).toEqual([{ code: "SDR" }]);
  });

  it("renames the forum and changes its time zone to WITA; audited", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/kelola");
    await press(h, f.admin, f.admin.id, "Nama forum");
    await say(h, f.admin, "Forum BKAD Bangunrejo");
    expect(lastText(h, f.admin.id)).toContain("Forum BKAD Bangunrejo");
    await say(h, f.admin, "/kelola");
    await press(h, f.admin, f.admin.id, "Zona waktu");
    await press(h, f.admin, f.admin.id, "WITA");
    expect(lastText(h, f.admin.id)).toContain("Zona waktu: WITA");
    const forum = await prisma().forum.findUniqueOrThrow({ where: { id: f.id } });
    expect([forum.name, forum.timezone]).toEqual(["Forum BKAD Bangunrejo", "Asia/Makassar"]);
    expect((await audits(f.id)).map((r) => r.action)).toEqual(["forum.rename", "forum.timezone"]);
    expect((await audits(f.id, "forum.timezone"))[0]!.details).toEqual({ zone: "WITA" });
  });
});

describe("merging two villages", () => {
  it("asks ✅/❌ first; ❌ changes nothing; ✅ moves every record to the kept village, sums secret tallies, retires the other with its row kept; audited", async () => {
    const f = await aForum(h);
    const [keep, gone] = [f.villages[0]!, f.villages[1]!];
    const warga = await f.resident(1, "Sumi");
    const both = await f.resident(0, "Dua");
    await prisma().membership.create({ data: { personId: (await personFor(h, both)).id, forumId: f.id, role: "perangkat_desa", villageId: gone.id } });
    await prisma().membership.create({ data: { personId: (await personFor(h, both)).id, forumId: f.id, role: "perangkat_desa", villageId: keep.id } });
    await f.official(1, "Budi");
    const ticket = await fileAspiration(h, f, warga, { village: 1 });
    const vote = await aVote(h, f, { villages: [0, 1], ballot: "rahasia" });
    await prisma().voteTally.updateMany({ where: { voteId: vote.id, villageId: gone.id, option: 0 }, data: { count: 2 } });
    await prisma().voteTally.updateMany({ where: { voteId: vote.id, villageId: keep.id, option: 0 }, data: { count: 3 } });
    const topic = await aTopic(h, f, { villages: [0, 1] });
    const meetingId = await aMeeting(h, f, { audience: { groups: [keep.id, gone.id], officials: [gone.id] } });
    await prisma().villageProfile.create({ data: { forumId: f.id, villageId: gone.id, population: 1200 } });

    await openVillage(f, gone.name);
    await press(h, f.admin, f.admin.id, "Gabungkan");
    await press(h, f.admin, f.admin.id, keep.name);
    expect(lastText(h, f.admin.id)).toContain(`Gabungkan ${gone.name} ke ${keep.name}?`);
    expect(buttons(h, f.admin.id).map((b) => b.text)).toEqual(["✅ Ya, lanjutkan", "❌ Batal"]);
    await press(h, f.admin, f.admin.id, "Batal");
    expect((await prisma().village.findUniqueOrThrow({ where: { id: gone.id } })).retiredAt).toBeNull();
    expect(await audits(f.id, "village.merge")).toHaveLength(0);

    await press(h, f.admin, f.admin.id, "Gabungkan");
    await press(h, f.admin, f.admin.id, keep.name);
    await press(h, f.admin, f.admin.id, "Ya, lanjutkan");
    expect(lastText(h, f.admin.id)).toContain(`${gone.name} digabung ke ${keep.name}`);

    const old = await prisma().village.findUniqueOrThrow({ where: { id: gone.id } });
    expect(old.retiredAt).not.toBeNull();
    expect(old.mergedIntoId).toBe(keep.id);
    // Nothing names the old village any more (its row stays for history).
    expect(await prisma().membership.count({ where: { villageId: gone.id } })).toBe(0);
    expect(await prisma().membership.count({ where: { personId: (await personFor(h, both)).id, villageId: keep.id, role: "perangkat_desa" } })).toBe(1);
    expect((await prisma().membership.findFirstOrThrow({ where: { personId: (await personFor(h, warga)).id } })).villageId).toBe(keep.id);
    expect((await prisma().chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(gone.group.id) } })).villageId).toBe(keep.id);
    const asp = await prisma().aspiration.findFirstOrThrow({ where: { ticketNo: ticket } });
    expect([asp.originVillageId, asp.villageId]).toEqual([keep.id, keep.id]);
    expect(await prisma().voteVillage.count({ where: { voteId: vote.id } })).toBe(1);
    expect((await prisma().voteTally.findFirstOrThrow({ where: { voteId: vote.id, villageId: keep.id, option: 0 } })).count).toBe(5);
    expect(await prisma().voteTally.count({ where: { villageId: gone.id } })).toBe(0);
    expect((await prisma().topicVillage.findMany({ where: { topicId: topic.id } })).map((t) => t.villageId)).toEqual([keep.id]);
    expect((await prisma().meetingVillage.findMany({ where: { meetingId } })).map((m) => m.villageId)).toEqual([keep.id]);
    // The kept village had no profile: the merged one's becomes its.
    expect((await prisma().villageProfile.findFirstOrThrow({ where: { forumId: f.id, population: 1200 } })).villageId).toBe(keep.id);
    expect((await prisma().meeting.findUniqueOrThrow({ where: { id: meetingId } })).audience).toMatchObject({ groups: [keep.id], officials: [keep.id] });
    for (const [model, where] of [
      [prisma().meetingInvitee, { villageId: gone.id }],
      [prisma().voteParticipation, { villageId: gone.id }],
      [prisma().aspirationEvent, { villageId: gone.id }],
    ] as const) expect(await (model as { count(a: unknown): Promise<number> }).count({ where })).toBe(0);

    // Not offered anywhere new.
    await say(h, warga, "/desaku");
    expect(buttons(h, warga.id).map((b) => b.text).join()).not.toContain(gone.name);
    const rows = await audits(f.id, "village.merge");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.target).toBe(`village:${gone.id}`);
    expect(rows[0]!.details).toMatchObject({ into: keep.id, memberships: 3, aspirations: 1, groups: 1, votes: 1, topics: 1, meetings: 1, profiles: 1 });
  });
});

describe("retiring a village", () => {
  it("asks first, then keeps the row and history, unlinks its group, revokes its codes, and leaves it out of pickers and new votes; audited", async () => {
    const f = await aForum(h);
    const v = f.villages[2]!;
    const ticket = await fileAspiration(h, f, await f.resident(2), { village: 2 });
    await openVillage(f, v.name);
    await press(h, f.admin, f.admin.id, "Nonaktifkan");
    expect(lastText(h, f.admin.id)).toContain(`Nonaktifkan ${v.name}?`);
    expect((await prisma().village.findUniqueOrThrow({ where: { id: v.id } })).retiredAt).toBeNull();
    await press(h, f.admin, f.admin.id, "Ya, lanjutkan");
    expect(lastText(h, f.admin.id)).toContain(`${v.name} dinonaktifkan. 1 grup dilepas`);
    expect((await prisma().village.findUniqueOrThrow({ where: { id: v.id } })).retiredAt).not.toBeNull();
    expect((await prisma().chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(v.group.id) } })).active).toBe(false);
    // History: the ticket still names it.
    expect((await prisma().aspiration.findFirstOrThrow({ where: { ticketNo: ticket } })).villageId).toBe(v.id);
    // Pickers: /desaku and new votes no longer offer it.
    const u = await f.resident(0);
    await say(h, u, "/desaku");
    expect(buttons(h, u.id).map((b) => b.text).join()).not.toContain(v.name);
    const offered = await organiserVillages(h.app.deps, await actorFor(h, f.admin), f.id);
    expect(offered.villages.map((x) => x.id)).not.toContain(v.id);
    // A forged button for the retired village is refused.
    await forged(f.admin, `kl:${f.id}:ry:${v.id}:0`);
    expect(toast()).toContain("sudah dinonaktifkan");
    const rows = await audits(f.id, "village.retire");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ groups: 1 });
  });
});

describe("a village's group", () => {
  it("unlinks after ✅; replacing gives a startgroup button whose group links at once", async () => {
    const f = await aForum(h);
    const v = f.villages[0]!;
    await openVillage(f, v.name);
    await press(h, f.admin, f.admin.id, "Lepas grup");
    expect(lastText(h, f.admin.id)).toContain("Lepas grup Telegram");
    await press(h, f.admin, f.admin.id, "Batal");
    expect((await prisma().chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(v.group.id) } })).active).toBe(true);
    await press(h, f.admin, f.admin.id, "Ganti grup");
    await press(h, f.admin, f.admin.id, "Ya, lanjutkan");
    expect((await prisma().chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(v.group.id) } })).active).toBe(false);
    const url = buttons(h, f.admin.id).find((b) => b.url)!.url!;
    const code = url.match(/startgroup=(G[A-Z0-9]{7})/)![1]!;
    const fresh = h.fake.addGroup({ title: "Warga Sukajaya 2", admins: [f.admin.id], members: [f.admin.id] });
    await h.send(h.fake.updates.command(f.admin, fresh, "start", code));
    expect(lastText(h, fresh.id)).toContain("terhubung");
    expect((await prisma().chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(fresh.id) } })).villageId).toBe(v.id);
    const unlinks = await audits(f.id, "group.unlink");
    expect(unlinks.map((r) => [r.target, r.details])).toEqual([[`group:${v.group.id}`, { villageId: v.id, reason: "admin" }]]);
  });
});

describe("the officials' group", () => {
  async function officialsGroup(f: ForumFixture) {
    return h.fake.addGroup({ title: "Perangkat Kecamatan", admins: [f.admin.id], members: [f.admin.id] });
  }

  it("/grupperangkat is refused to a group admin who is no forum admin, and to a forum admin who is no group admin", async () => {
    const f = await aForum(h);
    const off = await f.official(0, "Budi");
    const g = h.fake.addGroup({ title: "Perangkat", admins: [off.id], members: [off.id, f.admin.id] });
    await h.send(h.fake.updates.command(off, g, "grupperangkat"));
    expect(lastText(h, g.id)).toContain("Hanya admin forum");
    await h.send(h.fake.updates.command(f.admin, g, "grupperangkat"));
    expect(lastText(h, g.id)).toContain("Hanya admin grup");
    expect(await prisma().chatLink.count({ where: { telegramChatId: BigInt(g.id) } })).toBe(0);
  });

  it("receives new aspiration cards without the anonymous reporter; rahasia ones stay private; toggled off, cards go to officials again", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const g = await officialsGroup(f);
    await h.send(h.fake.updates.command(f.admin, g, "grupperangkat"));
    expect(lastText(h, g.id)).toContain("grup perangkat forum");
    expect((await audits(f.id, "group.link"))[0]!.details).toEqual({ kind: "officials_group" });

    const reporter = await f.resident(0, "Rahmat");
    const t1 = await fileAspiration(h, f, reporter, { privacy: "Anonim" });
    const inGroup = texts(h, g.id).join("\n");
    expect(inGroup).toContain(t1);
    expect(inGroup).not.toContain("Rahmat");
    expect(texts(h, budi.id).join("\n")).not.toContain(t1);
    // The group card has no action buttons (officials act privately, rights per person).
    expect(buttons(h, g.id)).toEqual([]);

    const t2 = await fileAspiration(h, f, reporter, { privacy: "Rahasia", text: "Ada pungutan liar di kantor desa untuk surat pengantar" });
    expect(texts(h, g.id).join("\n")).not.toContain(t2);
    expect(texts(h, budi.id).join("\n")).toContain(t2);

    await say(h, f.admin, "/kelola");
    await press(h, f.admin, f.admin.id, "Grup perangkat");
    await press(h, f.admin, f.admin.id, "Aspirasi baru");
    expect(buttons(h, f.admin.id).map((b) => b.text)).toContain("⬜ Aspirasi baru");
    expect((await audits(f.id, "forum.officials_routing"))[0]!.details).toEqual({ card: "aspirations", on: false });
    const t3 = await fileAspiration(h, f, reporter, { privacy: "Anonim", text: "Lampu jalan di dusun satu mati sejak seminggu yang lalu" });
    expect(texts(h, g.id).join("\n")).not.toContain(t3);
    expect(texts(h, budi.id).join("\n")).toContain(t3);
  });

  it("receives announcement delivery reports and quorum notices instead of the author and organiser, until toggled off", async () => {
    const f = await aForum(h);
    const g = await officialsGroup(f);
    await h.send(h.fake.updates.command(f.admin, g, "grupperangkat"));
    await announce(h, f.admin, { audience: "all-groups" });
    await h.flush();
    await finishProgress(h, 2);
    expect(texts(h, g.id).join("\n")).toContain("Laporan pengiriman pengumuman #1");
    expect(texts(h, f.admin.id).join("\n")).not.toContain("Laporan pengiriman pengumuman #1");

    const meetingId = await aMeeting(h, f, { title: "Rapat BKAD", audience: { groups: [f.villages[0]!.id] } });
    const quorum = async () => {
      const view = (await loadView(prisma(), meetingId, f.id))!;
      await createMeetingNotifier(h.app.deps).quorumReached(prisma(), view, await loadAttendance(prisma(), view));
      await h.flush();
    };
    await quorum();
    expect(lastText(h, g.id)).toContain("Rapat BKAD");
    expect(lastText(h, g.id)).toContain("Kuorum");

    await say(h, f.admin, "/kelola");
    await press(h, f.admin, f.admin.id, "Grup perangkat");
    await press(h, f.admin, f.admin.id, "Laporan pengiriman");
    await press(h, f.admin, f.admin.id, "Kuorum musyawarah");
    const groupTexts = texts(h, g.id).length;
    await announce(h, f.admin, { audience: "all-groups", text: "Kerja bakti bersama hari Minggu pukul 07.00 di lapangan." });
    await h.flush();
    await finishProgress(h, 2);
    expect(texts(h, f.admin.id).join("\n")).toContain("Laporan pengiriman pengumuman #2");
    await quorum();
    expect(lastText(h, f.admin.id)).toContain("Rapat BKAD");
    expect(texts(h, g.id)).toHaveLength(groupTexts);
  });

  it("a forum admin cannot toggle another forum's officials' group", async () => {
    const f = await aForum(h);
    const other = await aForum(h);
    const g = h.fake.addGroup({ title: "Perangkat Kecamatan", admins: [f.admin.id, other.admin.id], members: [] });
    await h.send(h.fake.updates.command(f.admin, g, "grupperangkat"));
    await forged(other.admin, `kl:${f.id}:ot:0:0`);
    expect(toast()).toContain("Hanya admin forum");
    await forged(other.admin, `kl:${f.id}:ouy:0:0`);
    expect(await prisma().chatLink.count({ where: { telegramChatId: BigInt(g.id), active: true } })).toBe(1);
    // A group of another forum cannot be taken over as this forum's officials' group.
    await h.send(h.fake.updates.command(other.admin, g, "grupperangkat"));
    expect(lastText(h, g.id)).toContain("sudah terhubung ke forum lain");
    expect((await prisma().chatLink.findUniqueOrThrow({ where: { telegramChatId: BigInt(g.id) } })).forumId).toBe(f.id);
  });
});

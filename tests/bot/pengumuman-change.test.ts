import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "grammy/types";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, texts } from "../support/world.js";
import { announce, announcements, finishProgress } from "../support/pengumuman.js";
import { actorFor } from "../support/musyawarah.js";
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

const HOUR = 3600_000;
const groupsOf = (f: Awaited<ReturnType<typeof aForum>>) => f.villages.map((v) => v.group.id);
const prisma = () => h.app.deps.prisma;

/** Moves the bot's clock and Telegram's together. */
function advance(ms: number) {
  h.clock.advance(ms);
  h.fake.setNow(h.clock.now());
}

/** Lets the outbox send the edits/deletions, then runs the report job. */
async function settleChange() {
  await h.flush();
  for (let i = 0; i < 3; i++) {
    advance(3_000);
    await h.tick();
  }
}

async function openDetail(u: User, id: number) {
  await say(h, u, "/start");
  await h.send(h.fake.updates.callback(u, u.id, h.fake.sent(u.id).at(-1)!.message_id, `pgd:${id}`));
}

async function pressOnLast(u: User, data: string) {
  await h.send(h.fake.updates.callback(u, u.id, h.fake.sent(u.id).at(-1)!.message_id, data));
  return h.fake.callsTo("answerCallbackQuery").at(-1)!.params as { text?: string };
}

describe("changing an announcement after it went out", () => {
  it("edit: every copy in every group and private chat gets the new text, header and signature kept; report and audit", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await announce(h, f.admin, { audience: "all-groups", text: "Rapat koordinasi hari Kamis pukul 09.00 di balai desa." });
    const ani = await f.resident(0, "Ani");
    await announce(h, f.admin, { audience: "residents", villages: ["Sukajaya"], text: "Posyandu hari Rabu." });
    await h.flush();
    await finishProgress(h, 2);
    const before = announcements(h, groupsOf(f)[0]!)[0]!;

    await say(h, f.admin, "/riwayat_pengumuman");
    await press(h, f.admin, f.admin.id, "🔎 #1");
    await press(h, f.admin, f.admin.id, "Ubah isi");
    expect(lastText(h, f.admin.id)).toContain("pesan di 2 chat (grup dan pribadi) akan diganti");
    // The same text is refused: nothing to change.
    await say(h, f.admin, "Rapat koordinasi hari Kamis pukul 09.00 di balai desa.");
    expect(lastText(h, f.admin.id)).toContain("Isinya sama dengan yang sudah terkirim");
    await say(h, f.admin, "Rapat koordinasi DIUNDUR ke hari Jumat pukul 09.00 di balai desa.");
    const preview = texts(h, f.admin.id).at(-2)!;
    expect(preview).toContain("DIUNDUR ke hari Jumat");
    expect(preview.split("\n")[0]).toBe(before.text!.split("\n")[0]);
    expect(preview.split("\n").at(-1)).toBe(before.text!.split("\n").at(-1));
    expect(lastText(h, f.admin.id)).toContain("Ganti pesan pengumuman #1 di 2 chat");
    await press(h, f.admin, f.admin.id, "Ya, ubah");
    expect(lastText(h, f.admin.id)).toContain("Sedang mengubah pengumuman #1 di 2 chat");
    await settleChange();

    for (const g of groupsOf(f)) {
      const m = h.fake.message(g, announcements(h, g)[0]!.message_id)!;
      expect(m.text).toContain("DIUNDUR ke hari Jumat");
      expect(m.text).toBe(preview);
      expect(m.edit_date).toBeDefined();
    }
    // The other announcement (to Ani privately) is untouched.
    expect(announcements(h, ani.id).map((m) => m.text)).toEqual([expect.stringContaining("Posyandu hari Rabu.")]);
    expect(lastText(h, f.admin.id)).toContain("Pengumuman #1 diubah");
    expect(lastText(h, f.admin.id)).toContain("2 dari 2 chat berhasil, 0 gagal.");
    const audit = await prisma().auditLog.findMany({ where: { forumId: f.id, action: "broadcast.edit" } });
    expect(audit.map((a) => a.target)).toEqual(["broadcast:1"]);
    expect((await prisma().broadcast.findUniqueOrThrow({ where: { id: 1 } })).excerpt).toContain("DIUNDUR");

    // A private copy is edited too.
    await say(h, f.admin, "/riwayat_pengumuman");
    await press(h, f.admin, f.admin.id, "🔎 #2");
    await press(h, f.admin, f.admin.id, "Ubah isi");
    await say(h, f.admin, "Posyandu hari Kamis, bukan Rabu.");
    await press(h, f.admin, f.admin.id, "Ya, ubah");
    await settleChange();
    expect(h.fake.message(ani.id, announcements(h, ani.id)[0]!.message_id)!.text).toContain("Posyandu hari Kamis, bukan Rabu.");
    expect(lastText(h, f.admin.id)).toContain("1 dari 1 chat berhasil");
  });

  it("delete: asks first; every copy goes, except what Telegram keeps (older than 48 hours in a group) — the report says so", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo", "Bangunrejo"] });
    await announce(h, f.admin, { audience: "all-groups", text: "Jadwal ronda malam bulan ini." });
    await h.flush();
    await finishProgress(h, 2);
    const copies = groupsOf(f).map((g) => announcements(h, g)[0]!.message_id);
    // In Sukajaya's supergroup the bot is an admin: it may delete old messages there.
    h.fake.setMember(groupsOf(f)[0]!, h.fake.botInfo.id, "administrator");
    advance(49 * HOUR);

    await openDetail(f.admin, 1);
    await press(h, f.admin, f.admin.id, "Hapus di semua chat");
    expect(lastText(h, f.admin.id)).toContain("Pesannya akan dihapus dari 3 chat");
    expect(lastText(h, f.admin.id)).toContain("lebih dari 48 jam");
    expect(h.fake.callsTo("deleteMessage")).toHaveLength(0);
    await press(h, f.admin, f.admin.id, "Ya, hapus");
    expect(lastText(h, f.admin.id)).toContain("Sedang menghapus pengumuman #1 dari 3 chat");
    await settleChange();

    expect(groupsOf(f).map((g, i) => !!h.fake.message(g, copies[i]!)?.deleted)).toEqual([true, false, false]);
    const report = lastText(h, f.admin.id);
    expect(report).toContain("Pengumuman #1 dihapus");
    expect(report).toContain("1 dari 3 chat berhasil, 2 gagal.");
    expect(report).toContain("↳ 2 pesannya sudah lebih dari 48 jam");
    expect((await prisma().auditLog.findMany({ where: { action: "broadcast.delete" } })).map((a) => a.target)).toEqual(["broadcast:1"]);

    // Deleted once: the buttons are gone and an old button says so.
    await openDetail(f.admin, 1);
    expect(lastText(h, f.admin.id)).toContain("Sudah dihapus dari semua chat");
    expect(JSON.stringify(h.fake.sent(f.admin.id).at(-1)!.reply_markup)).not.toContain("pgr:");
    expect((await pressOnLast(f.admin, "pgy:1")).text).toContain("sudah dihapus");
  });

  it("a fresh one is deleted from groups and private chats alike", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const ani = await f.resident(0, "Ani");
    const budi = await f.resident(1, "Budi");
    await announce(h, f.admin, { audience: "residents", villages: ["Sukajaya", "Sidorejo"], text: "Pembagian bibit hari Sabtu." });
    await h.flush();
    await finishProgress(h, 2);
    const mine = [ani, budi].map((u) => announcements(h, u.id)[0]!.message_id);
    await openDetail(f.admin, 1);
    await press(h, f.admin, f.admin.id, "Hapus di semua chat");
    await press(h, f.admin, f.admin.id, "Ya, hapus");
    await settleChange();
    expect([ani, budi].map((u, i) => !!h.fake.message(u.id, mine[i]!)?.deleted)).toEqual([true, true]);
    expect(lastText(h, f.admin.id)).toContain("2 dari 2 chat berhasil, 0 gagal.");
  });

  it("refuses a stranger, a resident, a former perangkat, another forum's admin and forged buttons; rights follow the current role", async () => {
    const a = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const b = await aForum(h, { villages: ["Jati"] });
    const budi = await a.official(0, "Budi");
    await announce(h, budi, { audience: "own-groups", text: "Kerja bakti Minggu pagi di Sukajaya." });
    await h.flush();
    await finishProgress(h, 2);
    const copy = announcements(h, groupsOf(a)[0]!)[0]!;

    // Budi sees the buttons while he is perangkat.
    await openDetail(budi, 1);
    expect(JSON.stringify(h.fake.sent(budi.id).at(-1)!.reply_markup)).toContain("pge:1");
    // Then his role is revoked: the author no longer manages it.
    const m = await prisma().membership.findFirstOrThrow({ where: { personId: (await actorFor(h, budi)).personId, forumId: a.id, role: "perangkat_desa" } });
    await revokeRole(h.app.deps, await actorFor(h, a.admin), a.id, m.id);

    const stranger = h.fake.addUser({ first_name: "Asing" });
    const ani = await a.resident(0, "Ani");
    const joko = await a.official(1, "Joko");
    for (const u of [stranger, ani, joko, budi, b.admin]) {
      await say(h, u, "/start");
      for (const data of ["pge:1", "pgr:1", "pgy:1"]) {
        expect((await pressOnLast(u, data)).text, `${u.first_name} ${data}`).toMatch(/tidak ditemukan|Hanya perangkat/);
      }
      expect(texts(h, u.id).join("\n")).not.toContain("Hapus pengumuman #1");
    }
    // Forged ids: a broadcast that does not exist, or junk.
    await say(h, a.admin, "/start");
    expect((await pressOnLast(a.admin, "pgy:999")).text).toContain("tidak ditemukan");
    expect((await pressOnLast(a.admin, "pge:x")).text).toContain("Tombol ini sudah tidak berlaku");
    await h.flush();
    expect(h.fake.message(groupsOf(a)[0]!, copy.message_id)!.deleted).toBeFalsy();
    expect(h.fake.callsTo("deleteMessage")).toHaveLength(0);
    expect(await prisma().auditLog.count({ where: { action: { in: ["broadcast.edit", "broadcast.delete"] } } })).toBe(0);

    // The forum admin (who manages it now) may.
    await openDetail(a.admin, 1);
    await press(h, a.admin, a.admin.id, "Hapus di semua chat");
    await press(h, a.admin, a.admin.id, "Ya, hapus");
    await settleChange();
    expect(h.fake.message(groupsOf(a)[0]!, copy.message_id)!.deleted).toBe(true);
  });
});

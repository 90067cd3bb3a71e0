import { DEFAULT_TERMS } from "../../src/domain/forum/terms.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "grammy/types";
import ExcelJS from "exceljs";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, type ForumFixture } from "../support/world.js";
import { documentsSent, pressIn } from "../support/privasi.js";
import { anAspiration } from "../support/aspirasi.js";
import { announce } from "../support/pengumuman.js";
import { aspirasiDeps } from "../../src/bot/features/aspirasi/common.js";
import { actOnAspiration, exportRows } from "../../src/domain/aspirasi/index.js";
import { createInvite, grantRole, revokeRole } from "../../src/domain/forum/service.js";
import { revokeCode } from "../../src/domain/forum/membership.js";
import { cancelBroadcast } from "../../src/domain/pengumuman/service.js";
import { loadAccess } from "../../src/domain/forum/people.js";
import { AUDIT_ACTIONS, audit } from "../../src/domain/privasi/audit.js";
import { translate } from "../../src/bot/lib/translate.js";

let h: Harness;
const LONG = 120_000;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
});

const prisma = () => h.app.deps.prisma;
const actor = async (u: User) => {
  const p = await prisma().person.findUniqueOrThrow({ where: { telegramUserId: BigInt(u.id) } });
  return { personId: p.id, access: await loadAccess(prisma(), p.id, false) };
};
const lastAnswer = () => String(h.fake.callsTo("answerCallbackQuery").at(-1)?.params.text ?? "");

/** Privileged actions of every kind the audit must record, done the way the bot does them. */
async function busyForum(f: ForumFixture) {
  const kades = await f.official(0, "Suwarno");
  const ani = await f.resident(0, "Ani");
  const admin = await actor(f.admin);
  const aniId = (await actor(ani)).personId;
  await grantRole(h.app.deps, admin, { forumId: f.id, personId: aniId, role: "moderator" });
  const modRow = await prisma().membership.findFirstOrThrow({ where: { personId: aniId, role: "moderator" } });
  await revokeRole(h.app.deps, admin, f.id, modRow.id);
  const inv = await createInvite(h.app.deps, await actor(kades), { forumId: f.id, role: "warga", villageId: f.villages[0]!.id });
  await revokeCode(h.app.deps, await actor(kades), f.id, inv.id);
  await announce(h, f.admin, { audience: "all-groups", text: "Kerja bakti hari Minggu pukul 07.00 di lapangan." });
  await announce(h, f.admin, { audience: "all-groups", text: "Rapat pleno ditunda sampai pemberitahuan berikutnya.", at: "besok 09.00" });
  const scheduled = await prisma().broadcast.findFirstOrThrow({ where: { state: "scheduled" } });
  await cancelBroadcast(h.app.deps, admin, scheduled.id);
  const asp = await anAspiration(h, f, ani, { text: "Jembatan bambu di dusun satu sudah lapuk dan berbahaya bagi anak sekolah" });
  await actOnAspiration(aspirasiDeps(h.app.deps), await actor(kades), { aspirationId: asp.id, action: "verify", expectedVersion: 0 });
  await exportRows(aspirasiDeps(h.app.deps), admin, { forumId: f.id, villageId: null, status: "all", from: null, to: null });
  await h.flush();
  return { kades, ani, asp };
}

describe("/audit: who may read it", () => {
  it("is refused to a stranger, a resident, a village official, an admin of another forum and a revoked admin — by command and by forged button", { timeout: 120_000 }, async () => {
    const f = await aForum(h);
    const other = await aForum(h, { villages: ["Alpha", "Beta"] });
    await busyForum(f);
    const stranger = h.fake.addUser({ first_name: "Orang Asing" });
    const warga = await f.resident(1, "Wati");
    const perangkat = await f.official(1, "Darto");
    const revoked = await f.person("admin_forum", undefined, "Mantan");
    const rid = (await actor(revoked)).personId;
    const m = await prisma().membership.findFirstOrThrow({ where: { personId: rid, forumId: f.id } });
    await revokeRole(h.app.deps, await actor(f.admin), f.id, m.id);

    const rowsBefore = await prisma().auditLog.count();
    for (const [who, u] of [["stranger", stranger], ["warga", warga], ["perangkat", perangkat], ["admin of another forum", other.admin], ["revoked admin", revoked]] as const) {
      await say(h, u, "/audit");
      const text = lastText(h, u.id);
      expect(text, who).not.toContain(`Catatan audit ${f.name}`);
      // The other forum's admin is shown their own forum's log (below); everyone else is refused.
      if (u !== other.admin) expect(text, who).toMatch(/Hanya admin forum|belum terdaftar di forum/);
      // Buttons carry no rights: a forged page or export of this forum's log is refused too.
      const msg = h.fake.sent(u.id).at(-1)!;
      await h.send(h.fake.updates.callback(u, u.id, msg.message_id, `pa:${f.id}:0:0`));
      expect(lastAnswer(), who).toContain("Hanya admin forum");
      await h.send(h.fake.updates.callback(u, u.id, msg.message_id, `pax:${f.id}:0`));
      expect(lastAnswer(), who).toContain("Hanya admin forum");
      expect(documentsSent(h, u.id), who).toHaveLength(0);
      // Nor may they change the forum's privacy settings.
      await h.send(h.fake.updates.callback(u, u.id, msg.message_id, `pz:${f.id}:r:0-730`));
      expect(lastAnswer(), who).toContain("Hanya admin forum");
      await h.send(h.fake.updates.callback(u, u.id, msg.message_id, `pz:${f.id}:m:`));
      expect(lastAnswer(), who).toContain("Hanya admin forum");
      expect(lastText(h, u.id), who).not.toContain(`Catatan audit ${f.name}`);
    }
    // The other forum's admin reads their own forum's log, never this one's.
    await say(h, other.admin, "/audit");
    expect(lastText(h, other.admin.id)).toContain(`Catatan audit ${other.name}`);
    expect(lastText(h, other.admin.id)).not.toContain("Kerja bakti");
    expect(await prisma().auditLog.count({ where: { action: "audit.export" } })).toBe(0);
    expect((await prisma().forum.findUniqueOrThrow({ where: { id: f.id } })).privacyVersion).toBe(1);
    expect(await prisma().auditLog.count()).toBe(rowsBefore);
  });
});

describe("/audit for the forum's admins", () => {
  it(
    "lists every privileged action, newest first, paged and filterable; the XLSX export is itself audited",
    async () => {
      const f = await aForum(h);
      await busyForum(f);
      await say(h, f.admin, "/audit");
      const page1 = lastText(h, f.admin.id);
      expect(page1).toContain(`Catatan audit ${f.name}`);
      expect(page1).toContain("Aspirasi diunduh");
      expect(page1).toContain("Status aspirasi diubah — ASP-");
      expect(buttons(h, f.admin.id).map((b) => b.text)).toEqual(expect.arrayContaining(["✅ Semua", "Peran & anggota", "▶️", "📥 Unduh Excel"]));

      await press(h, f.admin, f.admin.id, "▶️");
      const page2 = lastText(h, f.admin.id);
      expect(page2).not.toEqual(page1);

      await press(h, f.admin, f.admin.id, "Peran & anggota");
      const members = lastText(h, f.admin.id);
      for (const label of ["Peran diberikan — Ani", "Peran dicabut — Ani", "Kode gabung dibuat", "Kode gabung dicabut"]) expect(members).toContain(label);
      expect(members).not.toContain("Pengumuman");
      await press(h, f.admin, f.admin.id, "Pengumuman");
      const ann = lastText(h, f.admin.id);
      expect(ann).toContain("Pengumuman dikirim/dijadwalkan — Kerja bakti");
      expect(ann).toContain("Pengumuman dibatalkan");

      await press(h, f.admin, f.admin.id, "Unduh Excel");
      const [file] = documentsSent(h, f.admin.id);
      expect(file!.filename).toMatch(/^audit-forum-\d+-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file!.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(["Waktu", "Pelaku", "Tindakan", "Sasaran", "Rincian"]);
      const actions = ws.getColumn(3).values.slice(2) as string[];
      expect(actions).toEqual(["Pengumuman dikirim/dijadwalkan", "Pengumuman dikirim/dijadwalkan", "Pengumuman dibatalkan"]);
      const exported = await prisma().auditLog.findMany({ where: { action: "audit.export" } });
      expect(exported).toEqual([expect.objectContaining({ forumId: f.id, actorId: (await actor(f.admin)).personId, details: { filter: "broadcast", rows: 3 } })]);
    },
    LONG,
  );

  it(
    "no audit row carries text, a name, a username or a Telegram id of anyone",
    async () => {
      const f = await aForum(h);
      const { ani } = await busyForum(f);
      await say(h, ani, "/dataku");
      await say(h, ani, "/hapusdata");
      await pressIn(h, ani, "Ya, hapus data saya");
      const people = await prisma().person.findMany({ where: { erasedAt: null } });
      const needles = [
        ...people.flatMap((p) => [p.firstName, p.lastName, p.username, String(p.telegramUserId)]).filter((x): x is string => !!x && x !== "Warga" && x.length >= 3),
        "Kerja bakti",
        "Jembatan bambu",
        "Rapat pleno",
        String(ani.id),
        "Ani",
      ];
      const rows = await prisma().auditLog.findMany();
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        const stored = JSON.stringify({ target: r.target, details: r.details });
        for (const n of needles) expect(stored, `${r.action} ${stored}`).not.toContain(n);
        expect((AUDIT_ACTIONS as readonly string[]).includes(r.action), r.action).toBe(true);
        if (r.target) expect(r.target).toMatch(/^[a-z_]+:[A-Za-z0-9_.:+-]+$/);
      }
      // Every kind the issue names is there.
      const kinds = new Set(rows.map((r) => r.action));
      for (const a of ["role.grant", "role.revoke", "invite.create", "invite.revoke", "broadcast.create", "broadcast.cancel", "aspiration.status", "aspiration.export", "privacy.export_self", "privacy.erase"]) {
        expect(kinds.has(a), a).toBe(true);
      }
    },
    LONG,
  );

  it("an audit row refuses free text and names; every action has a label in both languages", async () => {
    await expect(audit(prisma(), { forumId: null, actorId: null, action: "role.grant", target: "person:1", details: { note: "Pak Budi minta dipercepat" }, at: T0 })).rejects.toThrow(/free text/);
    await expect(audit(prisma(), { forumId: null, actorId: null, action: "role.grant", target: "Budi Santoso", at: T0 })).rejects.toThrow(/target/);
    await expect(audit(prisma(), { forumId: null, actorId: null, action: "role.grantx" as never, at: T0 })).rejects.toThrow(/unknown/);
    for (const a of AUDIT_ACTIONS) {
      for (const lang of ["id", "en"]) {
        const key = `audit-action-${a.replace(".", "-")}`;
        expect(translate(lang, key, {}, DEFAULT_TERMS), `${lang} ${key}`).not.toBe(key);
      }
    }
  });
});

import type { User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say } from "../support/world.js";
import { lastToast } from "../support/aspirasi.js";
import { sendFile, xlsx } from "../support/bursa.js";
import { readXlsx } from "../../src/lib/spreadsheet-read.js";

// Guided flows replay every earlier step on each update.
vi.setConfig({ testTimeout: 180_000 });

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
const values = async (forumId: number) =>
  (await prisma().villageIndicator.findMany({ where: { forumId }, orderBy: [{ villageId: "asc" }, { key: "asc" }] })).map((r) => [r.villageId, r.year, r.key, r.valueNumber ?? r.valueText, r.source]);

async function forge(user: User, data: string) {
  await say(h, user, "/start");
  const msg = h.fake.sent(user.id).at(-1)!;
  await h.send(h.fake.updates.callback(user, user.id, msg.message_id, data));
}

describe("/indikator refusals", () => {
  it("a resident and a stranger are refused; another forum's admin pressing this forum's buttons is refused", async () => {
    const f = await aForum(h);
    const g = await aForum(h, { villages: 2 });
    const resident = await f.resident(0);
    await say(h, resident, "/indikator");
    expect(lastText(h, resident.id)).toContain("Indikator hanya dapat diisi oleh admin forum");
    const stranger = h.fake.addUser({ first_name: "Asing" });
    await say(h, stranger, "/indikator");
    expect(lastText(h, stranger.id)).not.toContain("Indikator tahunan");
    for (const act of ["e", "t", "i"]) {
      await forge(g.admin, `ind:${f.id}:${act}`);
      expect(lastToast(h)).toContain("Indikator hanya dapat diisi");
    }
    expect(h.fake.callsTo("sendDocument")).toHaveLength(0);
    expect(await values(f.id)).toEqual([]);
  });

  it("an official's upload naming another village is refused whole, and a new indicator needs an admin", async () => {
    const f = await aForum(h);
    const official = await f.official(1, "Pak Sekdes");
    await say(h, official, "/indikator");
    await press(h, official, official.id, "Unggah");
    await sendFile(h, official, "idm.xlsx", await xlsx([{ name: "IDM", rows: [["Desa", "Tahun", "Skor IDM", "Status IDM", "Air bersih (%)"], ["Sidorejo", 2026, 0.61, "Berkembang", 80], ["Sukajaya", 2026, 0.7, "Maju", null]] }]));
    const text = lastText(h, official.id);
    expect(text).toContain("Baris 2, kolom Air bersih (%): indikator baru hanya dapat ditambah admin forum");
    expect(text).toContain("Baris 3, kolom Desa: Bapak/Ibu tidak mengisi untuk desa ini");
    expect(await values(f.id)).toEqual([]);
  });
});

describe("/indikator for admins and officials", () => {
  it("an admin enters the IDM score and status and a new indicator step by step; each save is audited", async () => {
    const f = await aForum(h);
    const v0 = f.villages[0]!.id;
    await say(h, f.admin, "/indikator");
    expect(lastText(h, f.admin.id)).toContain("Indikator tahunan 2026");
    await press(h, f.admin, f.admin.id, "Isi nilai");
    await press(h, f.admin, f.admin.id, "Sukajaya");
    await press(h, f.admin, f.admin.id, "2026");
    await press(h, f.admin, f.admin.id, "Skor IDM");
    await say(h, f.admin, "1,2");
    expect(lastText(h, f.admin.id)).toContain("Skor IDM berupa angka antara 0 dan 1");
    await say(h, f.admin, "0,7123");
    expect(lastText(h, f.admin.id)).toContain("Skor IDM Desa Sukajaya tahun 2026 tersimpan.");
    expect(lastText(h, f.admin.id)).toContain("Menurut skor itu statusnya Maju");

    await say(h, f.admin, "/indikator");
    await press(h, f.admin, f.admin.id, "Isi nilai");
    await press(h, f.admin, f.admin.id, "Sukajaya");
    await press(h, f.admin, f.admin.id, "2026");
    await press(h, f.admin, f.admin.id, "Status IDM");
    await press(h, f.admin, f.admin.id, "Maju");

    await say(h, f.admin, "/indikator");
    await press(h, f.admin, f.admin.id, "Isi nilai");
    await press(h, f.admin, f.admin.id, "Sukajaya");
    await press(h, f.admin, f.admin.id, "2025");
    await press(h, f.admin, f.admin.id, "Indikator lain");
    await say(h, f.admin, "Rumah layak huni (%)");
    await say(h, f.admin, "82,5");

    expect(await values(f.id)).toEqual([
      [v0, 2025, "Rumah layak huni (%)", 82.5, "manual"],
      [v0, 2026, "idm_score", 0.7123, "manual"],
      [v0, 2026, "idm_status", "maju", "manual"],
    ]);
    const audits = await prisma().auditLog.findMany({ where: { forumId: f.id, action: { startsWith: "indicator." } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.target, a.details])).toEqual([
      ["indicator.set", `village:${v0}`, { year: 2026, values: 1, changed: 1, villages: 1 }],
      ["indicator.set", `village:${v0}`, { year: 2026, values: 1, changed: 1, villages: 1 }],
      ["indicator.set", `village:${v0}`, { year: 2025, values: 1, changed: 1, villages: 1 }],
    ]);
    await say(h, f.admin, "/indikator");
    expect(lastText(h, f.admin.id)).toContain("Sukajaya — Skor IDM: 0,7123 · Status IDM: Maju");
  });

  it("the template is filled with today's values; an admin's upload is saved and shown in /laporan beside the measures", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await say(h, f.admin, "/indikator");
    await press(h, f.admin, f.admin.id, "Templat");
    const doc = h.fake.callsTo("sendDocument").at(-1)!;
    const file = Object.values(doc.files)[0]!;
    expect(file.filename).toBe("indikator-2026.xlsx");
    const sheets = await readXlsx(file.bytes);
    expect(sheets[0]!.rows).toEqual([["Desa", "Tahun", "Skor IDM", "Status IDM"], ["Sidorejo", 2026], ["Sukajaya", 2026]]);

    await press(h, f.admin, f.admin.id, "Unggah");
    await sendFile(h, f.admin, "idm.xlsx", await xlsx([{ name: "IDM", rows: [["Desa", "Tahun", "Skor IDM", "Status IDM", "Air bersih (%)"], ["Sidorejo", 2026, "0,6123", "Berkembang", 80], ["sukajaya", 2026, 0.82, "Mandiri", "92,5"]] }]));
    expect(lastText(h, f.admin.id)).toContain("Indikator dari berkas tersimpan: 2 desa, 6 nilai (6 berubah).");
    const [v0, v1] = [f.villages[0]!.id, f.villages[1]!.id];
    expect(await values(f.id)).toEqual([
      [v0, 2026, "Air bersih (%)", 92.5, "import"],
      [v0, 2026, "idm_score", 0.82, "import"],
      [v0, 2026, "idm_status", "mandiri", "import"],
      [v1, 2026, "Air bersih (%)", 80, "import"],
      [v1, 2026, "idm_score", 0.6123, "import"],
      [v1, 2026, "idm_status", "berkembang", "import"],
    ]);
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { forumId: f.id, action: "indicator.import" } });
    expect(audit.details).toEqual({ year: 2026, values: 6, changed: 6, villages: 2 });

    // /laporan for October 2026 shows the latest year's indicators up to 2026.
    await say(h, f.admin, "/laporan");
    const summary = h.fake.sent(f.admin.id).find((m) => typeof m.text === "string" && m.text.startsWith("📊"))!.text!;
    expect(summary).toContain("📈 Status IDM 2026: Mandiri 1, Berkembang 1.");
    const report = h.fake.callsTo("sendDocument").at(-1)!;
    const rs = await readXlsx(Object.values(report.files)[0]!.bytes);
    expect(rs[0]!.name).toBe("Indikator tahunan");
    expect(rs[0]!.rows).toEqual([
      ["Desa", "Tahun", "Skor IDM", "Status IDM", "Air bersih (%)"],
      ["Sidorejo", 2026, 0.6123, "Berkembang", 80],
      ["Sukajaya", 2026, 0.82, "Mandiri", 92.5],
    ]);
  });

  it("an official enters their own village's status: no village to choose, no new indicator offered", async () => {
    const f = await aForum(h);
    const official = await f.official(1, "Pak Sekdes");
    await say(h, official, "/indikator");
    await press(h, official, official.id, "Isi nilai");
    await press(h, official, official.id, "2026");
    expect(h.fake.sent(official.id).at(-1)!.text).toContain("Indikator mana");
    const labels = ((h.fake.sent(official.id).at(-1)!.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> }).inline_keyboard.flat()).map((b) => b.text);
    expect(labels).not.toContain("➕ Indikator lain");
    await press(h, official, official.id, "Status IDM");
    await press(h, official, official.id, "Berkembang");
    expect(lastText(h, official.id)).toContain("Status IDM Desa Sidorejo tahun 2026 tersimpan.");
    expect(await values(f.id)).toEqual([[f.villages[1]!.id, 2026, "idm_status", "berkembang", "manual"]]);
  });
});

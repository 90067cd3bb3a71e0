import type { User } from "grammy/types";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, type ForumFixture } from "../support/world.js";
import { lastToast } from "../support/aspirasi.js";
import { pngSize } from "../support/voting.js";
import { aReportMonth } from "../support/laporan.js";
import { buildReport } from "../../src/domain/laporan/report.js";
import { reportChartOptions } from "../../src/bot/features/laporan/render.js";
import { renderBarChartSvg } from "../../src/lib/chart.js";
import { tFor } from "../../src/bot/lib/terms.js";
import { DEFAULT_TERMS } from "../../src/domain/forum/terms.js";

vi.setConfig({ testTimeout: 180_000 });

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0); // Senin, 30 November 2026 09.00 WIB: the last complete month is October
  h.fake.setNow(T0);
});

const prisma = () => h.app.deps.prisma;

/** What /laporan sent after `from`: the summary, the photos and the spreadsheet. */
async function reportSent(user: User, from: number) {
  const msgs = h.fake.sent(user.id).slice(from);
  const summary = msgs.find((m) => typeof m.text === "string" && m.text.startsWith("📊"))?.text as string | undefined;
  const photos = msgs.filter((m) => m.photo).map((m) => h.fake.fileBytes(m.photo!.at(-1)!.file_id)!);
  const doc = msgs.find((m) => m.document);
  let sheets: Array<{ name: string; rows: unknown[][] }> = [];
  if (doc) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(h.fake.fileBytes(doc.document!.file_id)! as never);
    sheets = wb.worksheets.map((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return { name: ws.name, rows };
    });
  }
  return { summary, photos, fileName: doc?.document?.file_name, sheets };
}

async function forge(user: User, data: string) {
  await say(h, user, "/start");
  const msg = h.fake.sent(user.id).at(-1)!;
  await h.send(h.fake.updates.callback(user, user.id, msg.message_id, data));
}

describe("/laporan refusals", () => {
  it("a stranger, a resident and a mitra are refused and get no file", async () => {
    const f = await aForum(h);
    await aReportMonth(h, f);
    const stranger = h.fake.addUser({ first_name: "Asing" });
    const resident = await f.resident(0, "Warga");
    const mitra = await f.person("mitra", undefined, "Mitra");
    for (const u of [stranger, resident, mitra]) {
      const before = h.fake.sent(u.id).length;
      await say(h, u, "/laporan");
      const got = await reportSent(u, before);
      expect(got.photos).toHaveLength(0);
      expect(got.fileName).toBeUndefined();
      expect(got.summary).toBeUndefined();
    }
    expect(lastText(h, resident.id)).toContain("Laporan hanya untuk perangkat desa, staf kecamatan, dan admin forum.");
  });

  it("a member of another forum pressing a month button of this forum is refused", async () => {
    const f = await aForum(h);
    const g = await aForum(h, { villages: 2 });
    await aReportMonth(h, f);
    const before = h.fake.sent(g.admin.id).length;
    await forge(g.admin, `lap:${f.id}:202610`);
    expect(lastToast(h)).toContain("Laporan hanya untuk");
    expect((await reportSent(g.admin, before)).fileName).toBeUndefined();
  });

  it("forged month buttons (the current month, a future one, four years back, nonsense) send nothing", async () => {
    const f = await aForum(h);
    for (const m of ["202611", "202701", "202210"]) {
      const before = h.fake.sent(f.admin.id).length;
      await forge(f.admin, `lap:${f.id}:${m}`);
      expect(lastToast(h)).toContain("Bulan itu tidak tersedia");
      expect((await reportSent(f.admin, before)).fileName).toBeUndefined();
    }
    await forge(f.admin, `lap:${f.id}:202613`);
    expect(lastToast(h)).toContain("tidak berlaku");
  });

  it("an official sees only their own village — never the others' rows nor the forum's totals", async () => {
    const f = await aForum(h);
    await aReportMonth(h, f);
    const official = await f.official(1, "Pak Sekdes");
    const before = h.fake.sent(official.id).length;
    await say(h, official, "/laporan");
    const got = await reportSent(official, before);
    expect(got.summary).toContain("Sidorejo");
    expect(got.summary).not.toContain("Sukajaya");
    expect(got.summary).toContain("👥 3 warga aktif (bulan sebelumnya belum ada kegiatan untuk dibandingkan).");
    expect(got.summary).not.toContain("Semua desa");
    const active = got.sheets.find((s) => s.name === "Warga aktif")!;
    expect(active.rows.map((r) => r[0])).toEqual(["Desa", "Sidorejo"]);
  });
});

describe("/laporan for the forum", () => {
  it("the charts carry the Indonesian labels: title, months, villages, series", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await aReportMonth(h, f);
    const report = await buildReport(prisma(), f.id, { kind: "all" }, { year: 2026, month: 10 });
    const [active, asp] = reportChartOptions(tFor("id", DEFAULT_TERMS), "id", report);
    const svgs = [await renderBarChartSvg(active!), await renderBarChartSvg(asp!)];
    for (const label of ["Warga aktif per desa", "Oktober 2025", "September 2026", "Oktober 2026", "Sukajaya", "Sidorejo", "Orang"]) expect(svgs[0]).toContain(label);
    for (const label of ["Aspirasi per desa, Oktober 2026", "Diterima", "Selesai", "Lewat batas waktu"]) expect(svgs[1]).toContain(label);
    expect(active!.bars.filter((b) => b.label === "Sukajaya").map((b) => [b.group, b.value])).toEqual([
      ["Oktober 2025", 0],
      ["September 2026", 1],
      ["Oktober 2026", 4],
    ]);
    expect(asp!.bars.filter((b) => b.label === "Sukajaya").map((b) => b.value)).toEqual([5, 2, 3]);
  });

  it("sends the summary, two valid PNG charts and a spreadsheet with one sheet per measure and one row per village", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo", "Bangunrejo"] });
    await aReportMonth(h, f);
    const before = h.fake.sent(f.admin.id).length;
    await say(h, f.admin, "/laporan");
    const got = await reportSent(f.admin, before);

    expect(got.summary!.split("\n")).toEqual([
      `📊 Laporan ${f.name} — Oktober 2026`,
      "Semua desa (3)",
      "",
      "👥 Partisipasi naik 600% dibanding September 2026: 7 warga aktif.",
      "💬 6 pesan diteruskan dalam 2 topik.",
      "🗳️ 2 pemungutan suara selesai, partisipasi 26,3%.",
      "📅 1 musyawarah, kehadiran 33,3%, kuorum tercapai di 1 musyawarah.",
      "📝 Aspirasi: 6 diterima, 3 diverifikasi, 2 selesai.",
      "⏱️ Median 2 hari sampai diverifikasi, 7,5 hari sampai selesai.",
      "⏰ 3 aspirasi melewati batas waktu di Desa Sukajaya.",
      "📢 Pengumuman: 2 terkirim, 1 gagal.",
      "🤝 Bursa: 1 kebutuhan, 1 penawaran, 1 kecocokan, 1 kesepakatan.",
      "",
      "Rincian per desa ada di grafik dan berkas Excel berikut. Pilih bulan lain dengan tombol di bawah.",
    ]);

    expect(got.photos).toHaveLength(2);
    for (const png of got.photos) {
      const size = pngSize(png); // throws unless the PNG signature is there
      expect(size.width).toBeGreaterThanOrEqual(800);
      expect(size.height).toBeGreaterThan(200);
    }

    expect(got.fileName).toBe("laporan-2026-10.xlsx");
    expect(got.sheets.map((s) => s.name)).toEqual([
      "Indikator tahunan",
      "Warga aktif",
      "Pesan diteruskan",
      "Topik aktif",
      "Pemungutan suara",
      "Partisipasi suara (%)",
      "Musyawarah",
      "Kehadiran (%)",
      "Kuorum tercapai (%)",
      "Aspirasi diterima",
      "Aspirasi diverifikasi",
      "Aspirasi selesai",
      "Aspirasi lewat batas",
      "Median hari verifikasi",
      "Median hari selesai",
      "Pengumuman terkirim",
      "Pengumuman gagal",
      "Bursa kebutuhan",
      "Bursa penawaran",
      "Bursa kecocokan",
      "Kesepakatan",
    ]);
    const sheet = (name: string) => got.sheets.find((s) => s.name === name)!.rows;
    expect(sheet("Warga aktif")).toEqual([
      ["Desa", "Oktober 2026", "September 2026", "Oktober 2025", "Perubahan dari bulan lalu (%)", "Perubahan dari tahun lalu (%)"],
      ["Bangunrejo", 0, 0, 0],
      ["Sidorejo", 3, 0, 0],
      ["Sukajaya", 4, 1, 0, 300],
      ["Seluruh forum", 7, 1, 0, 600],
    ]);
    expect(sheet("Partisipasi suara (%)")[2]).toEqual(["Sidorejo", 20]);
    expect(sheet("Partisipasi suara (%)")[4]).toEqual(["Seluruh forum", 26.3]);
    // A median over fewer than 3 tickets is withheld per village, shown for the forum.
    expect(sheet("Median hari selesai")[3]).toEqual(["Sukajaya"]);
    expect(sheet("Median hari selesai")[4]).toEqual(["Seluruh forum", 7.5]);
    expect(sheet("Median hari verifikasi")[3]).toEqual(["Sukajaya", 2]);
    expect(sheet("Aspirasi lewat batas")[3]).toEqual(["Sukajaya", 3, 1, 0, 200]);
  });

  it("a month button sends that month's report; the forum's local word is used (Kampung)", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await prisma().forum.update({ where: { id: f.id }, data: { villageTerm: "kampung", councilTerm: "BPK" } });
    await aReportMonth(h, f);
    await say(h, f.admin, "/laporan");
    expect(lastText(h, f.admin.id)).toContain("Laporan per kampung: satu lembar per ukuran");
    const summary = h.fake.sent(f.admin.id).find((m) => typeof m.text === "string" && m.text.includes("📊"))!.text!;
    expect(summary).toContain("⏰ 3 aspirasi melewati batas waktu di Kampung Sukajaya.");
    expect(summary).toContain("Semua kampung (2)");
    const before = h.fake.sent(f.admin.id).length;
    await press(h, f.admin, f.admin.id, "September 2026");
    const got = await reportSent(f.admin, before);
    expect(got.summary).toContain("— September 2026");
    expect(got.summary).toContain("👥 1 warga aktif (bulan sebelumnya belum ada kegiatan untuk dibandingkan).");
    expect(got.fileName).toBe("laporan-2026-09.xlsx");
    expect(got.sheets[1]!.rows[0]![0]).toBe("Kampung");
  });
});

import { writeFileSync } from "node:fs";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { barChartSpec, CHART_FONT_FILES, renderBarChartPng, renderBarChartSvg, svgToPng } from "../../src/lib/chart.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Text content of all <text> elements in an SVG (entities decoded). */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'"),
  );
}

const vote = {
  title: "Hasil pemungutan suara: Perbaikan jalan tani",
  subtitle: "Ditutup Senin, 7 Desember 2026 pukul 09.00 WIB · 1.234 suara",
  bars: [
    { label: "Setuju", value: 812 },
    { label: "Tidak setuju", value: 310 },
    { label: "Abstain / belum memutuskan 🤔", value: 112 },
    { label: "Lainnya", value: 0 },
  ],
};

describe("chart", () => {
  it("ships the DejaVu fonts", () => {
    for (const f of CHART_FONT_FILES) expect(existsSync(f), f).toBe(true);
  });

  it("renders a vote result to PNG", async () => {
    const t0 = performance.now();
    const png = await renderBarChartPng(vote);
    const ms = performance.now() - t0;
    console.log(`render (first, incl. loading vega): ${ms.toFixed(0)} ms, ${png.length} bytes`);
    const t1 = performance.now();
    await renderBarChartPng(vote);
    console.log(`render (warm, 4 bars): ${(performance.now() - t1).toFixed(0)} ms`);
    const { width, height } = ihdr(png);
    expect(width).toBe(800);
    expect(height).toBeGreaterThanOrEqual(200);
    expect(height).toBeLessThanOrEqual(1000);
    expect(png.length).toBeGreaterThan(2 * 1024);
    expect(png.length).toBeLessThan(1024 * 1024);
    writeFileSync("/tmp/forum-desa-chart-vote.png", png);
  });

  it("puts all labels, the title and Indonesian numbers in the SVG as text in DejaVu Sans", async () => {
    const svg = await renderBarChartSvg(vote);
    const texts = svgTexts(svg);
    expect(texts).toContain("Hasil pemungutan suara: Perbaikan jalan tani");
    expect(texts).toContain("Ditutup Senin, 7 Desember 2026 pukul 09.00 WIB · 1.234 suara");
    expect(texts).toContain("Setuju");
    expect(texts).toContain("Tidak setuju");
    expect(texts.some((t) => t.startsWith("Abstain / belum"))).toBe(true);
    expect(texts.some((t) => /🤔/u.test(t))).toBe(false); // emoji stripped
    expect(texts).toContain("812");
    expect(texts).toContain("0");
    expect(texts.some((t) => t === "1.234" || t === "800")).toBe(true); // axis ticks, dot thousands
    expect(svg).toContain('font-family="DejaVu Sans Latin, DejaVu Sans, sans-serif"');
    expect(svg).not.toMatch(/font-family="(?!DejaVu Sans Latin)/);
  });

  it("draws ~300 villages as horizontal bars with truncated labels", async () => {
    const bars = Array.from({ length: 300 }, (_, i) => ({
      label: i === 7 ? "Desa Sukamaju Kecamatan Cibinong Kabupaten Bogor Jawa Barat" : `Desa ${i + 1}`,
      value: (i * 37) % 50,
    }));
    const opts = { title: "Aspirasi per desa", subtitle: "November 2026", bars };
    const spec = barChartSpec(opts) as { encoding: { y: { field: string } } };
    expect(spec.encoding.y.field).toBe("c"); // horizontal: labels on y
    const t0 = performance.now();
    const svg = await renderBarChartSvg(opts);
    const png = await svgToPng(svg);
    console.log(`render (300 bars): ${(performance.now() - t0).toFixed(0)} ms, ${png.length} bytes`);
    const { width, height } = ihdr(png);
    expect(width).toBe(800);
    expect(height).toBeGreaterThan(300 * 12);
    expect(png.length).toBeLessThan(1024 * 1024);
    const texts = svgTexts(svg);
    expect(texts).toContain("Desa 300");
    expect(texts).toContain("Desa Sukamaju Kecamatan Cib…");
    expect(texts.every((t) => t.length <= 80)).toBe(true);
  });

  it("keeps labels that truncate to the same text apart", async () => {
    const bars = [1, 2, 3].map((n) => ({ label: `Kelompok Tani Sumber Rejeki Makmur Nomor ${n}`, value: n }));
    const texts = svgTexts(await renderBarChartSvg({ title: "Kelompok", bars }));
    const labels = texts.filter((t) => t.startsWith("Kelompok Tani"));
    expect(new Set(labels).size).toBe(3);
    expect(labels.every((l) => l.length <= 28)).toBe(true);
    expect(labels.some((l) => l.endsWith("Nomor 3"))).toBe(true);
  });

  it("renders grouped and stacked bars (option × village) with a legend", async () => {
    const bars = [];
    for (const v of ["Sukajaya", "Sukamaju", "Cibodas", "Margamulya"]) {
      for (const [i, g] of ["Setuju", "Tidak setuju", "Abstain"].entries()) bars.push({ label: v, group: g, value: (v.length * (i + 3)) % 17 });
    }
    const grouped = await renderBarChartSvg({ title: "Suara per desa", bars });
    const gt = svgTexts(grouped);
    for (const s of ["Sukajaya", "Margamulya", "Setuju", "Tidak setuju", "Abstain"]) expect(gt).toContain(s);
    const stackedPng = await renderBarChartPng({ title: "Suara per desa", bars, stacked: true, width: 640, height: 400 });
    expect(ihdr(stackedPng)).toEqual({ width: 640, height: 400 });
    const groupedPng = await svgToPng(grouped);
    writeFileSync("/tmp/forum-desa-chart-grouped.png", groupedPng);
    expect(groupedPng.length).toBeGreaterThan(2 * 1024);
  });

  it("draws characters outside the Latin subset with the full DejaVu Sans", async () => {
    // Same layout, different text: if the fallback failed, both would be blank at the label.
    const a = await renderBarChartPng({ title: "Ελληνικά Кириллица", bars: [{ label: "x", value: 1 }], width: 400, height: 200 });
    const b = await renderBarChartPng({ title: "Кириллица Ελληνικά", bars: [{ label: "x", value: 1 }], width: 400, height: 200 });
    writeFileSync("/tmp/forum-desa-chart-fallback.png", a);
    expect(a.equals(b)).toBe(false);
  });

  it("handles all-zero values, a single bar and scale 2", async () => {
    const png = await renderBarChartPng({ title: "Kehadiran", bars: [{ label: "Hadir", value: 0 }], scale: 2, width: 400, height: 300 });
    expect(ihdr(png)).toEqual({ width: 800, height: 600 });
  });
});

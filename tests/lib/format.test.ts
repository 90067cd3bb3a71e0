import { describe, expect, it } from "vitest";
import { escapeHtml, formatNumber, formatPercent, formatRupiah, splitText, truncate } from "../../src/lib/format.js";

describe("numbers", () => {
  it("formats Indonesian numbers", () => {
    expect(formatNumber(1234)).toBe("1.234");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(1234567.891)).toBe("1.234.567,89");
    expect(formatNumber(-42)).toBe("-42");
    expect(formatNumber(1234, "en")).toBe("1,234");
    expect(formatNumber(Number.NaN)).toBe("–");
  });

  it("formats percentages from ratios", () => {
    expect(formatPercent(0.125)).toBe("12,5%");
    expect(formatPercent(0.5)).toBe("50,0%");
    expect(formatPercent(1 / 3, 0)).toBe("33%");
    expect(formatPercent(0.125, 1, "en")).toBe("12.5%");
    expect(formatPercent(12.345, 1)).toBe("1.234,5%");
  });

  it("formats rupiah", () => {
    expect(formatRupiah(1_500_000)).toBe("Rp 1.500.000");
    expect(formatRupiah(0)).toBe("Rp 0");
    expect(formatRupiah(999.6)).toBe("Rp 1.000");
    expect(formatRupiah(-2500)).toBe("-Rp 2.500");
  });
});

describe("text", () => {
  it("escapes HTML for Telegram", () => {
    expect(escapeHtml(`<b>Pak "Budi" & Bu Ani</b>`)).toBe("&lt;b&gt;Pak &quot;Budi&quot; &amp; Bu Ani&lt;/b&gt;");
    expect(escapeHtml("a &amp; b")).toBe("a &amp;amp; b");
  });

  it("truncates without splitting surrogate pairs or emoji sequences", () => {
    expect(truncate("Musyawarah desa", 100)).toBe("Musyawarah desa");
    expect(truncate("Musyawarah desa", 10)).toBe("Musyawara…");
    expect(truncate("Musyawarah desa", 10).length).toBeLessThanOrEqual(10);
    // "📢" is two UTF-16 units: cutting at 5 would split it
    const t = truncate("abcd📢efgh", 6);
    expect(t).toBe("abcd…");
    expect(t.length).toBeLessThanOrEqual(6);
    expect(truncate("abcd📢efgh", 7)).toBe("abcd📢…");
    // family emoji (ZWJ sequence) is kept whole or dropped
    const fam = "Keluarga 👨‍👩‍👧 hadir";
    const cut = truncate(fam, 14);
    expect(cut).toBe("Keluarga…");
    expect(truncate("x", 1)).toBe("x");
    expect(truncate("xy", 1)).toBe("…");
    for (let max = 2; max < 24; max++) {
      const s = truncate("🗳️📢📅📝 Pemungutan suara 🗳️", max);
      expect(s.length).toBeLessThanOrEqual(max);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)).toBe(false);
    }
  });

  it("splits long announcements on paragraph, line and word boundaries", () => {
    const para = (n: number, w: string) => Array.from({ length: n }, () => w).join(" ");
    const text = [para(300, "kata"), para(300, "desa"), para(300, "warga")].join("\n\n"); // ~1.5k each
    const parts = splitText(text, 2000);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe(para(300, "kata"));
    expect(parts[2]).toBe(para(300, "warga"));

    const lines = Array.from({ length: 200 }, (_, i) => `Baris ${i + 1}: pengumuman penting`).join("\n");
    const byLine = splitText(lines, 1000);
    for (const p of byLine) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect(p.startsWith("Baris ")).toBe(true);
      expect(p.endsWith("penting")).toBe(true);
    }
    expect(byLine.join("\n")).toBe(lines);

    const words = para(2000, "gotong-royong"); // 27,999 chars, no newlines
    const byWord = splitText(words);
    expect(byWord.length).toBe(7);
    for (const p of byWord) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p.split(" ").every((w) => w === "gotong-royong")).toBe(true);
    }
  });

  it("hard-splits text without spaces, never inside a surrogate pair", () => {
    const s = "📢".repeat(3000); // 6000 units
    const parts = splitText(s, 4095);
    expect(parts.join("")).toBe(s);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4095);
      expect(p.length % 2).toBe(0);
    }
    expect(splitText("", 10)).toEqual([]);
    expect(splitText("pendek")).toEqual(["pendek"]);
  });
});

/**
 * Number and text formats (shared/UX.md): 1.234 · 12,5% · Rp 1.500.000, HTML escaping for
 * Telegram's HTML parse mode, and splitting/truncating text to Telegram's limits.
 *
 * Lengths are counted in UTF-16 code units, which is how Telegram counts its limits
 * (4096 for messages, 1024 for captions).
 */
import type { Locale } from "./time.js";

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, minFrac: number, maxFrac: number): Intl.NumberFormat {
  const key = `${locale}:${minFrac}:${maxFrac}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "en" ? "en-US" : "id-ID", {
      minimumFractionDigits: minFrac,
      maximumFractionDigits: maxFrac,
      useGrouping: true,
    });
    numberFormats.set(key, f);
  }
  return f;
}

/** 1234 → "1.234" (id) / "1,234" (en); 1234.5 → "1.234,5". Up to `maxDigits` decimals (2). */
export function formatNumber(n: number, locale: Locale = "id", maxDigits = 2): string {
  if (!Number.isFinite(n)) return "–";
  return nf(locale, 0, maxDigits).format(n).replace(/\u2212/g, "-");
}

/** 0.125 → "12,5%" (id) / "12.5%" (en); always exactly `digits` decimals. */
export function formatPercent(ratio: number, digits = 1, locale: Locale = "id"): string {
  if (!Number.isFinite(ratio)) return "–";
  return `${nf(locale, digits, digits).format(ratio * 100).replace(/\u2212/g, "-")}%`;
}

/** 1500000 → "Rp 1.500.000" (rounded to whole rupiah); -2500 → "-Rp 2.500". */
export function formatRupiah(n: number): string {
  if (!Number.isFinite(n)) return "–";
  const r = Math.round(n);
  return `${r < 0 ? "-" : ""}Rp ${nf("id", 0, 0).format(Math.abs(r))}`;
}

/** Escapes & < > " for Telegram HTML parse mode (text and attribute values). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

let segmenter: Intl.Segmenter | undefined;
function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Shortens `text` to at most `max` UTF-16 units including the trailing "…". Cuts between
 * grapheme clusters, so surrogate pairs and emoji sequences are never split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return "…";
  let out = "";
  // Only the start of the text matters (a grapheme is rarely longer than a few units).
  for (const g of graphemes(text.slice(0, max + 32))) {
    if (out.length + g.length > max - 1) break;
    out += g;
  }
  return `${out.trimEnd()}…`;
}

/** Longest prefix of `text` of at most `max` UTF-16 units that does not split a grapheme. */
function hardCut(text: string, max: number): number {
  let len = 0;
  for (const g of graphemes(text.slice(0, max + 16))) {
    if (len + g.length > max) break;
    len += g.length;
  }
  // A single grapheme longer than max (pathological): fall back to a surrogate-safe cut.
  if (len === 0) {
    len = max;
    const c = text.charCodeAt(len - 1);
    if (c >= 0xd800 && c <= 0xdbff) len--;
  }
  return len;
}

/**
 * Splits a long (plain) text into chunks of at most `max` UTF-16 units, preferring paragraph
 * breaks, then line breaks, then spaces, and only then a hard cut (never inside a grapheme).
 * Whitespace at the cut points is dropped. Split before escaping/formatting, with some room
 * to spare if the chunks are escaped afterwards (escaping makes text longer).
 */
export function splitText(text: string, max = 4096): string[] {
  if (max < 1) throw new RangeError("max must be ≥ 1");
  const chunks: string[] = [];
  let rest = text.replace(/\r\n/g, "\n").trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = -1;
    for (const sep of ["\n\n", "\n", " "]) {
      const i = window.lastIndexOf(sep);
      // Accept a separator only if it leaves a reasonably full chunk.
      if (i > 0 && i >= max * 0.3) {
        cut = i;
        break;
      }
    }
    let chunk: string;
    if (cut > 0) {
      chunk = rest.slice(0, cut);
      rest = rest.slice(cut);
    } else {
      const n = hardCut(rest, max);
      chunk = rest.slice(0, n);
      rest = rest.slice(n);
    }
    chunk = chunk.trimEnd();
    if (chunk) chunks.push(chunk);
    rest = rest.replace(/^\s+/, "");
  }
  if (rest) chunks.push(rest);
  return chunks;
}

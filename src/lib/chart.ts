/**
 * Bar charts as PNG for Telegram (vote results, aspirations per village, attendance…):
 * vega-lite spec → vega View (headless) → SVG → resvg → PNG.
 *
 * resvg only draws text with fonts it is given, so DejaVu Sans (regular + bold, plus a Latin
 * subset) is shipped in assets/fonts/ and loaded from a path relative to this module (works
 * from src/ and dist/).
 * Emoji are stripped from labels (no emoji font; they would render as boxes).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
// The renderer (native) is loaded with the first chart, like vega below.
let resvg: Promise<typeof import("@resvg/resvg-js")> | null = null;
import { truncate } from "./format.js";

export interface BarDatum {
  label: string;
  value: number;
  /** Series (e.g. option of a vote) for grouped or stacked bars; colour + legend. */
  group?: string;
}

export interface BarChartOptions {
  title: string;
  subtitle?: string;
  bars: BarDatum[];
  /** Image width in px (default 800). */
  width?: number;
  /** Image height in px; default depends on the number of bars (horizontal) or 480. */
  height?: number;
  /** Stack groups instead of drawing them side by side. */
  stacked?: boolean;
  /** "auto" (default): horizontal when there are more than 6 labels or a label is long. */
  orientation?: "auto" | "horizontal" | "vertical";
  /** Labels longer than this are cut with "…" (default 28). */
  maxLabelLength?: number;
  /** Axis title for the values, e.g. "Jumlah suara". */
  valueTitle?: string;
  /** Pixel ratio of the PNG (default 1; 2 for sharper images). */
  scale?: number;
}

/**
 * Charts use "DejaVu Sans Latin", a Latin-only subset of DejaVu Sans (assets/fonts/README.md):
 * resvg's text cost grows with the font file's size (~0.07 ms per glyph with the full 760 KB
 * font, ~0.02 ms with the 80 KB subset). The full DejaVu Sans is loaded too and covers any
 * character outside the subset (Greek, Cyrillic, symbols…) through resvg's font fallback.
 */
export const FONT_FAMILY = "DejaVu Sans Latin";
const FONT_DIR = fileURLToPath(new URL("../../assets/fonts/", import.meta.url));
export const CHART_FONT_FILES = [
  `${FONT_DIR}DejaVuSansLatin.ttf`,
  `${FONT_DIR}DejaVuSansLatin-Bold.ttf`,
  `${FONT_DIR}DejaVuSans.ttf`,
  `${FONT_DIR}DejaVuSans-Bold.ttf`,
];
const CSS_FONT = `${FONT_FAMILY}, DejaVu Sans, sans-serif`;

const PALETTE = ["#2e7d32", "#1565c0", "#f9a825", "#c62828", "#6a1b9a", "#00838f", "#ef6c00", "#558b2f", "#4e342e", "#37474f"];

type VegaModule = typeof import("vega");
type VegaLiteModule = typeof import("vega-lite");
let modules: Promise<[VegaModule, VegaLiteModule]> | undefined;
function loadVega(): Promise<[VegaModule, VegaLiteModule]> {
  // Lazy: vega is large; only processes that draw charts pay for loading it.
  modules ??= Promise.all([import("vega"), import("vega-lite")]);
  return modules;
}

function cleanLabel(s: string, max: number): string {
  const t = String(s ?? "")
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return truncate(t || "–", max);
}

function middleCut(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const tail = Math.floor((max - 1) / 2);
  const head = max - 1 - tail;
  return `${chars.slice(0, head).join("").trimEnd()}…${chars.slice(chars.length - tail).join("").trimStart()}`;
}

/** Builds the vega-lite spec (exported for tests and for callers who want SVG). */
export function barChartSpec(opts: BarChartOptions): Record<string, unknown> {
  const maxLabel = opts.maxLabelLength ?? 28;
  const width = opts.width ?? 800;

  // Truncation may make two labels equal; keep them apart (input order is kept).
  // Truncation may make two labels equal: then keep head and tail ("Desa Suka…Nomor 12"),
  // and number them if that is still not enough. Input order is kept.
  const labelOf = new Map<string, string>();
  const used = new Set<string>();
  const firstCut = new Map<string, number>();
  for (const b of opts.bars) if (!labelOf.has(b.label)) labelOf.set(b.label, "");
  for (const raw of labelOf.keys()) {
    const l = cleanLabel(raw, maxLabel);
    firstCut.set(l, (firstCut.get(l) ?? 0) + 1);
  }
  let serial = 1;
  for (const raw of labelOf.keys()) {
    let l = cleanLabel(raw, maxLabel);
    if ((firstCut.get(l) ?? 0) > 1) l = middleCut(cleanLabel(raw, 10_000), maxLabel);
    if (used.has(l)) l = `${cleanLabel(raw, maxLabel - 6)} (${++serial})`;
    used.add(l);
    labelOf.set(raw, l);
  }
  const categories = [...new Set(opts.bars.map((b) => labelOf.get(b.label)!))];
  const groups = [...new Set(opts.bars.filter((b) => b.group !== undefined).map((b) => cleanLabel(b.group!, 24)))];
  const grouped = groups.length > 0;
  const data = opts.bars.map((b) => ({
    c: labelOf.get(b.label)!,
    v: Number.isFinite(b.value) ? b.value : 0,
    ...(grouped ? { g: b.group === undefined ? "–" : cleanLabel(b.group, 24) } : {}),
    ...(grouped ? { o: b.group === undefined ? groups.length : groups.indexOf(cleanLabel(b.group, 24)) } : {}),
  }));

  const longest = Math.max(0, ...categories.map((c) => c.length));
  const horizontal =
    opts.orientation === "horizontal" ||
    (opts.orientation !== "vertical" && (categories.length > 6 || longest > 12));
  const sideBySide = grouped && !opts.stacked;
  const cat = horizontal ? "y" : "x";
  const val = horizontal ? "x" : "y";

  // Height of the plot: one band per label (plus one sub-band per group when side by side).
  const band = sideBySide ? Math.max(groups.length * 12 + 8, 20) : categories.length > 60 ? 16 : 24;
  const titleSpace = opts.subtitle ? 70 : 50;
  const legendSpace = grouped ? 40 : 0;
  const height = horizontal
    ? (opts.height ?? Math.max(240, categories.length * band + titleSpace + legendSpace + 50))
    : (opts.height ?? 480);
  const valueFormat = ",.2~f";

  const encoding: Record<string, unknown> = {
    [cat]: {
      field: "c",
      type: "nominal",
      sort: categories,
      title: null,
      axis: {
        labelLimit: 0,
        labelFontSize: categories.length > 60 ? 10 : 12,
        ...(horizontal ? {} : { labelAngle: categories.length * (longest * 7.5 + 12) > width * 0.9 ? -35 : 0 }),
        ticks: false,
        domain: true,
      },
    },
    [val]: {
      field: "v",
      type: "quantitative",
      title: opts.valueTitle ?? null,
      ...(grouped && opts.stacked ? { stack: "zero", aggregate: "sum" } : { stack: null }),
      axis: { format: valueFormat, grid: true, tickMinStep: 1 },
      scale: { zero: true, nice: true },
    },
  };
  if (grouped) {
    encoding.color = {
      field: "g",
      type: "nominal",
      sort: groups,
      title: null,
      scale: { range: PALETTE },
      legend: { orient: "top", direction: "horizontal", labelFontSize: 12, symbolType: "square" },
    };
    // Stack in the order the groups first appear (first group at the base).
    if (opts.stacked) encoding.order = { field: "o", type: "quantitative", sort: "ascending" };
    if (sideBySide) encoding[horizontal ? "yOffset" : "xOffset"] = { field: "g", type: "nominal", sort: groups };
  }

  const layers: unknown[] = [{ mark: { type: "bar", ...(grouped ? {} : { color: PALETTE[0] }) } }];
  if (!(grouped && opts.stacked)) {
    // Value next to each bar (not for stacked bars, where segments would collide).
    layers.push({
      mark: {
        type: "text",
        ...(horizontal ? { align: "left", baseline: "middle", dx: 3 } : { align: "center", baseline: "bottom", dy: -2 }),
        fontSize: categories.length > 60 || sideBySide ? 9 : 11,
        color: "#333333",
      },
      encoding: { text: { field: "v", type: "quantitative", format: valueFormat }, color: { value: "#333333" } },
    });
  }

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: cleanLabel(opts.title, 80),
      ...(opts.subtitle ? { subtitle: cleanLabel(opts.subtitle, 110) } : {}),
      anchor: "start",
      fontSize: 18,
      subtitleFontSize: 13,
      subtitleColor: "#555555",
      offset: 12,
    },
    width,
    height,
    autosize: { type: "fit", contains: "padding" },
    padding: 16,
    background: "#ffffff",
    data: { values: data },
    encoding,
    layer: layers,
    config: {
      font: CSS_FONT,
      title: { font: CSS_FONT, fontWeight: "bold", subtitleFont: CSS_FONT, subtitleFontWeight: "normal" },
      axis: { labelFont: CSS_FONT, titleFont: CSS_FONT, labelColor: "#333333", gridColor: "#e6e6e6" },
      legend: { labelFont: CSS_FONT, titleFont: CSS_FONT },
      view: { stroke: null },
      // Indonesian numbers on axes and labels: 1.234,5
      locale: { number: { decimal: ",", thousands: ".", grouping: [3], currency: ["Rp ", ""] } },
    },
  };
}

/** Renders the chart to SVG (text as <text> elements, font-family DejaVu Sans). */
export async function renderBarChartSvg(opts: BarChartOptions): Promise<string> {
  const [vega, vl] = await loadVega();
  const spec = barChartSpec(opts);
  const compiled = vl.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders the chart to a PNG buffer (send with sendPhoto/sendDocument). */
export async function renderBarChartPng(opts: BarChartOptions): Promise<Buffer> {
  return svgToPng(await renderBarChartSvg(opts), opts.scale);
}

/** Converts an SVG (e.g. from renderBarChartSvg) to PNG with the shipped fonts. */
export async function svgToPng(svg: string, scale = 1): Promise<Buffer> {
  for (const f of CHART_FONT_FILES) {
    if (!existsSync(f)) throw new Error(`chart font missing: ${f}`);
  }
  // renderAsync runs in libuv's thread pool, so a big chart does not block the event loop.
  const { renderAsync } = await (resvg ??= import("@resvg/resvg-js"));
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: CHART_FONT_FILES,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    background: "#ffffff",
    ...(scale !== 1 ? { fitTo: { mode: "zoom" as const, value: scale } } : {}),
  });
  return image.asPng();
}

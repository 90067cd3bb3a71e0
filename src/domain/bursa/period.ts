import { dateInZone, zonedParts, type ZoneName } from "../../lib/time.js";

/**
 * Periods as villagers write them: "Juli–Agustus", "Juli - Agustus 2027", "1-15 Juli",
 * "awal Juli", "akhir Agustus s.d. Oktober", "mulai Oktober", "Des 2026 sampai Feb 2027",
 * "12/07/2027 - 30/08/2027", "kapan saja". Whole days in the forum's zone; `end` is exclusive
 * (the start of the day after the last one) and null when open-ended.
 */
export interface Period {
  start: Date | null;
  end: Date | null;
}

export type PeriodResult = { ok: true; period: Period | null } | { ok: false };

const MONTHS: Array<[number, string[]]> = [
  [1, ["januari", "jan"]],
  [2, ["februari", "pebruari", "feb", "peb"]],
  [3, ["maret", "mar"]],
  [4, ["april", "apr"]],
  [5, ["mei"]],
  [6, ["juni", "jun"]],
  [7, ["juli", "jul"]],
  [8, ["agustus", "agu", "agt", "ags", "agus"]],
  [9, ["september", "sep", "sept"]],
  [10, ["oktober", "okt", "oct"]],
  [11, ["november", "nov", "nop", "nopember"]],
  [12, ["desember", "des", "dec"]],
];
const MONTH_OF = new Map(MONTHS.flatMap(([n, names]) => names.map((x) => [x, n] as const)));
const MONTH_RE = MONTHS.flatMap(([, names]) => names).sort((a, b) => b.length - a.length).join("|");

const OPEN = /^(kapan saja|kapanpun|kapan pun|sepanjang tahun|setiap saat|setiap waktu|tidak tentu|fleksibel|bebas|menyesuaikan|sesuai kebutuhan|-|—|–|tidak ada)$/;

interface Point {
  year?: number;
  month: number;
  day?: number;
  /** "awal" / "pertengahan" / "akhir" of the month. */
  part?: "awal" | "tengah" | "akhir";
}

function daysIn(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parsePoint(s: string): Point | null {
  const t = s.trim().replace(/^(bulan|bln|tgl|tanggal)\s+/, "");
  let m = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/);
  if (m) {
    const year = Number(m[3]!.length === 2 ? `20${m[3]}` : m[3]);
    return { day: Number(m[1]), month: Number(m[2]), year };
  }
  m = t.match(new RegExp(`^(?:(awal|pertengahan|tengah|akhir)\\s+)?(?:(\\d{1,2})\\s+)?(${MONTH_RE})\\.?(?:\\s+(\\d{4}))?$`));
  if (m) {
    const part = m[1] ? (m[1] === "pertengahan" ? "tengah" : (m[1] as "awal" | "tengah" | "akhir")) : undefined;
    return { part, day: m[2] ? Number(m[2]) : undefined, month: MONTH_OF.get(m[3]!)!, year: m[4] ? Number(m[4]) : undefined };
  }
  return null;
}

/** First and last day a point covers (a month, a part of it, or one day). */
function span(p: Point & { year: number }): { from: number; to: number } {
  const last = daysIn(p.year, p.month);
  if (p.day) return { from: p.day, to: p.day };
  if (p.part === "awal") return { from: 1, to: 10 };
  if (p.part === "tengah") return { from: 11, to: 20 };
  if (p.part === "akhir") return { from: 21, to: last };
  return { from: 1, to: last };
}

export function parsePeriod(text: string, now: Date, zone: ZoneName): PeriodResult {
  const s = text
    .toLowerCase()
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^(pada|di|periode|masa|waktu|selama|tahun)\s+/, "")
    .trim();
  if (!s || OPEN.test(s)) return { ok: true, period: null };
  const today = zonedParts(now, zone);
  const open = s.match(/^(mulai|sejak|dari|start)\s+(.+)$/);
  const until = s.match(/^(sampai|hingga|s\.?d\.?|paling lambat|sebelum)\s+(.+)$/);
  let parts: [string, string | null];
  if (open) parts = [open[2]!, null];
  else if (until) parts = ["", until[2]!];
  else {
    const split = s.split(/\s+(?:s\.?\s?d\.?|sampai|hingga|sd|-|ke)\s+|\s*-\s*(?=\D)|(?<=\d{4})\s*-\s*/);
    parts = split.length === 2 ? [split[0]!, split[1]!] : split.length === 1 ? [s, s] : ["", ""];
    // "1-15 Juli": the first side borrows the month of the second.
    const dayRange = s.match(new RegExp(`^(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s+(${MONTH_RE})\\.?(?:\\s+(\\d{4}))?$`));
    if (dayRange) parts = [`${dayRange[1]} ${dayRange[3]}${dayRange[4] ? ` ${dayRange[4]}` : ""}`, `${dayRange[2]} ${dayRange[3]}${dayRange[4] ? ` ${dayRange[4]}` : ""}`];
  }
  const a = parts[0] ? parsePoint(parts[0]) : null;
  const b = parts[1] ? parsePoint(parts[1]) : null;
  if ((parts[0] && !a) || (parts[1] && !b) || (!a && !b)) return { ok: false };

  // Years: as written; else the one that makes the period not yet over; the end follows the start.
  let ya = a?.year;
  let yb = b?.year;
  if (a && ya === undefined) ya = yb !== undefined ? (a.month > b!.month ? yb - 1 : yb) : a.month < today.month ? today.year + 1 : today.year;
  if (b && yb === undefined) yb = ya !== undefined ? (b.month < a!.month ? ya + 1 : ya) : b.month < today.month ? today.year + 1 : today.year;
  const start = a ? dateInZone({ year: ya!, month: a.month, day: span({ ...a, year: ya! }).from }, zone) : null;
  const lastDay = b ? dateInZone({ year: yb!, month: b.month, day: span({ ...b, year: yb! }).to }, zone) : null;
  if ((a && !start) || (b && !lastDay)) return { ok: false };
  const end = lastDay ? new Date(lastDay.getTime() + 24 * 3600_000) : null;
  if (start && end && end.getTime() <= start.getTime()) return { ok: false };
  return { ok: true, period: { start, end } };
}

/** Days both periods share; null when either side gave no period (nothing to compare). */
export function overlapDays(a: Period | null, b: Period | null): number | null {
  if (!a || !b) return null;
  const start = Math.max(a.start?.getTime() ?? -Infinity, b.start?.getTime() ?? -Infinity);
  const end = Math.min(a.end?.getTime() ?? Infinity, b.end?.getTime() ?? Infinity);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return end > start ? Infinity : 0;
  return Math.max(0, Math.round((end - start) / (24 * 3600_000)));
}

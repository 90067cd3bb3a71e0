/**
 * Dates and times for Forum Desa: Indonesian zones (WIB/WITA/WIT, no DST), formats from
 * shared/UX.md, a parser for the ways people write dates in Indonesia, working days, and
 * simple recurrence rules.
 *
 * Everything is pure: callers pass `now` explicitly. Wall-clock values are always interpreted
 * in the zone given (Asia/Jakarta = UTC+7, Asia/Makassar = UTC+8, Asia/Jayapura = UTC+9).
 */
import * as chrono from "chrono-node";
import { DateTime, FixedOffsetZone } from "luxon";

export type ZoneName = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
export type Locale = "id" | "en";
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ZONES: readonly ZoneName[] = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

const OFFSET_MINUTES: Record<ZoneName, number> = {
  "Asia/Jakarta": 420,
  "Asia/Makassar": 480,
  "Asia/Jayapura": 540,
};
const LABELS: Record<ZoneName, "WIB" | "WITA" | "WIT"> = {
  "Asia/Jakarta": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

export function isZoneName(value: unknown): value is ZoneName {
  return typeof value === "string" && value in OFFSET_MINUTES;
}

export function zoneLabel(zone: ZoneName): "WIB" | "WITA" | "WIT" {
  return LABELS[zone];
}

/** Offset from UTC in minutes (420 for WIB). Indonesia has no daylight-saving time. */
export function zoneOffsetMinutes(zone: ZoneName): number {
  return OFFSET_MINUTES[zone];
}

// Fixed-offset zones: identical to the IANA zones (no DST since 1964) and independent of tzdata.
function lz(zone: ZoneName): FixedOffsetZone {
  return FixedOffsetZone.instance(OFFSET_MINUTES[zone]);
}

function dt(date: Date, zone: ZoneName): DateTime {
  return DateTime.fromMillis(date.getTime(), { zone: lz(zone) });
}

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

/** Wall-clock components of `date` in `zone`. */
export function zonedParts(date: Date, zone: ZoneName): ZonedParts {
  const d = dt(date, zone);
  return {
    year: d.year,
    month: d.month,
    day: d.day,
    hour: d.hour,
    minute: d.minute,
    second: d.second,
    weekday: d.weekday as Weekday,
  };
}

/**
 * The instant of a wall-clock time in `zone`. Returns null for impossible dates
 * (31 February, hour 25, …) instead of rolling them over.
 */
export function dateInZone(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  zone: ZoneName,
): Date | null {
  const d = DateTime.fromObject(
    {
      year: parts.year,
      month: parts.month,
      day: parts.day,
      hour: parts.hour ?? 0,
      minute: parts.minute ?? 0,
      second: parts.second ?? 0,
    },
    { zone: lz(zone) },
  );
  return d.isValid ? d.toJSDate() : null;
}

/** 00:00 of the day `date` falls on, in `zone`. */
export function startOfDayInZone(date: Date, zone: ZoneName): Date {
  return dt(date, zone).startOf("day").toJSDate();
}

/** Adds calendar days keeping the wall-clock time (no DST in Indonesia, so this is +24 h·n). */
export function addDaysInZone(date: Date, n: number, zone: ZoneName): Date {
  return dt(date, zone).plus({ days: n }).toJSDate();
}

/**
 * Adds `n` working days (Monday–Friday), keeping the wall-clock time. Public holidays are not
 * considered. n = 0 returns `date` unchanged (even on a weekend); negative n goes backwards.
 * E.g. Friday 10.00 + 1 → Monday 10.00; Saturday + 1 → Monday; Saturday + 3 → Wednesday.
 */
export function addWorkingDays(date: Date, n: number, zone: ZoneName): Date {
  let d = dt(date, zone);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(Math.trunc(n));
  while (left > 0) {
    d = d.plus({ days: step });
    if (d.weekday <= 5) left--;
  }
  return d.toJSDate();
}

// ---------------------------------------------------------------------------------------------
// Formatting (shared/UX.md): "Senin, 7 Desember 2026 pukul 09.00 WIB", "Sen 7 Des, 09.00"

const DAY_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
const DAY_ID_SHORT = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];
const DAY_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const DAY_EN_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_ID = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
];
const MONTH_ID_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const MONTH_EN = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const MONTH_EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Day name, e.g. weekdayName(1) → "Senin" / "Monday". */
export function weekdayName(weekday: Weekday, locale: Locale = "id"): string {
  return (locale === "en" ? DAY_EN : DAY_ID)[weekday - 1];
}

/** Month name, e.g. monthName(12) → "Desember". */
export function monthName(month: number, locale: Locale = "id"): string {
  return (locale === "en" ? MONTH_EN : MONTH_ID)[month - 1];
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "09.00" (id) or "09:00" (en), 24-hour clock. */
export function formatTime(date: Date, zone: ZoneName, locale: Locale = "id"): string {
  const p = zonedParts(date, zone);
  return `${pad2(p.hour)}${locale === "en" ? ":" : "."}${pad2(p.minute)}`;
}

/** "Senin, 7 Desember 2026" / "Monday, 7 December 2026". */
export function formatDate(date: Date, zone: ZoneName, locale: Locale = "id"): string {
  const p = zonedParts(date, zone);
  return `${weekdayName(p.weekday, locale)}, ${p.day} ${monthName(p.month, locale)} ${p.year}`;
}

/** "Senin, 7 Desember 2026 pukul 09.00 WIB" / "Monday, 7 December 2026 at 09:00 WIB". */
export function formatDateTimeLong(date: Date, zone: ZoneName, locale: Locale = "id"): string {
  const word = locale === "en" ? "at" : "pukul";
  return `${formatDate(date, zone, locale)} ${word} ${formatTime(date, zone, locale)} ${zoneLabel(zone)}`;
}

/** "Sen 7 Des, 09.00" / "Mon 7 Dec, 09:00" (lists; no year, no zone). */
export function formatDateTimeShort(date: Date, zone: ZoneName, locale: Locale = "id"): string {
  const p = zonedParts(date, zone);
  const days = locale === "en" ? DAY_EN_SHORT : DAY_ID_SHORT;
  const months = locale === "en" ? MONTH_EN_SHORT : MONTH_ID_SHORT;
  return `${days[p.weekday - 1]} ${p.day} ${months[p.month - 1]}, ${formatTime(date, zone, locale)}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

export type DayPart = "pagi" | "siang" | "sore" | "malam" | "dini_hari";

export type ParseResult =
  | {
      ok: true;
      date: Date;
      /** false when only a day was given: `date` is then 00:00 of that day in the zone. */
      hasTime: boolean;
      /** Part of day named without an hour ("Jumat pagi"), so a caller can suggest a time. */
      dayPart?: DayPart;
    }
  | { ok: false; reason: "unparsed" | "invalid_date" | "no_time" };

export interface ParseOptions {
  /** Answer { ok: false, reason: "no_time" } when the text names a day but no clock time. */
  requireTime?: boolean;
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, agus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nop: 11, nopember: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

const WEEKDAYS: Record<string, Weekday> = {
  senin: 1, sen: 1, monday: 1, mon: 1,
  selasa: 2, sel: 2, tuesday: 2, tue: 2, tues: 2,
  rabu: 3, rab: 3, wednesday: 3, wed: 3,
  kamis: 4, kam: 4, thursday: 4, thu: 4, thur: 4, thurs: 4,
  jumat: 5, jumaat: 5, jum: 5, friday: 5, fri: 5,
  sabtu: 6, sab: 6, saturday: 6, sat: 6,
  minggu: 7, ahad: 7, mgg: 7, min: 7, sunday: 7, sun: 7,
};
const WEEKDAY_RE = Object.keys(WEEKDAYS)
  .sort((a, b) => b.length - a.length)
  .join("|");

// Longest first so "dua belas" wins over "dua".
const NUMBER_WORDS: Array<[string, number]> = [
  ["dua belas", 12], ["sebelas", 11], ["sepuluh", 10], ["sembilan", 9], ["delapan", 8],
  ["tujuh", 7], ["enam", 6], ["lima", 5], ["empat", 4], ["tiga", 3], ["dua", 2], ["satu", 1],
];

const ZONE_BY_LABEL: Record<string, ZoneName> = {
  wib: "Asia/Jakarta",
  wita: "Asia/Makassar",
  wit: "Asia/Jayapura",
};

// Words that may stay in the text without changing its meaning.
const FILLER = new Set([
  "jam", "pukul", "pkl", "pk", "pada", "hari", "tanggal", "tgl", "di", "at", "on", "the", "of",
  "tahun", "nanti", "ini", "ya", "saja", "aja", "sekitar", "kira", "kira-kira", "mulai", "acara",
  "rapat", "musyawarah", "dan", "tepat", "next", "in", "this", "o'clock", "oclock", "sampai",
]);

interface Scan {
  explicit?: { day: number; month: number; year?: number };
  dayOfMonth?: number;
  relDays?: number;
  relDuration?: { minutes: number };
  weekday?: Weekday;
  weekOffset?: number;
  monthOffset?: number;
  time?: { hour: number; minute: number; ampm?: "am" | "pm" };
  dayPart?: DayPart;
  /** "12 malam" / "tengah malam": midnight at the end of the day. */
  midnight?: boolean;
  zone?: ZoneName;
  conflict: boolean;
  invalid: boolean;
  found: boolean;
}

function setOnce<K extends keyof Scan>(scan: Scan, key: K, value: Scan[K]): void {
  if (scan[key] !== undefined && JSON.stringify(scan[key]) !== JSON.stringify(value)) scan.conflict = true;
  scan[key] = value;
  scan.found = true;
}

function normalise(text: string): string {
  let s = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/jum'at/g, "jumat")
    .replace(/[–—−]/g, "-")
    .replace(/(\d),(\d{2})(?!\d)/g, "$1.$2") // "09,30" → "09.30"
    .replace(/[,;!?()]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.$/, "");
  for (const [w, n] of NUMBER_WORDS) s = s.replace(new RegExp(`\\b${w}\\b`, "g"), String(n));
  s = s
    .replace(/\bse(hari|minggu|pekan|bulan|jam)\b/g, "1 $1")
    .replace(/\b(\d{4}-\d{2}-\d{2})t(\d)/g, "$1 $2") // ISO "T"
    .replace(/(\d{2}:\d{2})(?::\d{2})?(?:\.\d+)?z\b/g, "$1"); // trailing seconds/Z are dropped
  return s;
}

type Rule = [RegExp, (scan: Scan, m: RegExpExecArray) => void];

const PERIOD: Record<string, DayPart> = {
  pagi: "pagi",
  siang: "siang",
  sore: "sore",
  petang: "sore",
  malam: "malam",
  "dini hari": "dini_hari",
  subuh: "dini_hari",
  morning: "pagi",
  afternoon: "siang",
  evening: "sore",
  night: "malam",
  tonight: "malam",
};

function setTime(scan: Scan, h: string, m?: string, ampm?: string): void {
  const hour = Number(h);
  const minute = m === undefined ? 0 : Number(m);
  const ap = ampm ? (ampm.startsWith("a") ? "am" : "pm") : undefined;
  setOnce(scan, "time", { hour, minute, ...(ap ? { ampm: ap } : {}) });
}

const AMPM = "(a\\.?m\\.?|p\\.?m\\.?)(?![a-z])";

// Time ranges: only the start is kept ("09.00-11.00", "jam 9 s/d 12", "19.00 sampai selesai").
const RANGE_RE =
  /(\d{1,2}[.:]\d{2}|\bjam \d{1,2}|\bpukul \d{1,2})\s*(?:-|s\.?\/?d\.?|sampai|hingga|until)\s*(?:jam |pukul )?(?:\d{1,2}(?:[.:]\d{2})?|selesai)(?![\d/])/g;

// Applied in order; every match is cut out of the text before the next rule runs.
const RULES: Rule[] = [
  // ISO date
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (s, m) => setOnce(s, "explicit", { year: +m[1], month: +m[2], day: +m[3] })],
  // 25/12/2026, 25-12-26, 5/12
  [/(?<![\d.:/-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d:/-]|\.\d)/g,
    (s, m) => setOnce(s, "explicit", {
      day: +m[1],
      month: +m[2],
      ...(m[3] ? { year: m[3].length === 2 ? 2000 + +m[3] : +m[3] } : {}),
    })],
  // 25.12.2026
  [/(?<![\d.:])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g,
    (s, m) => setOnce(s, "explicit", { day: +m[1], month: +m[2], year: +m[3] })],
  // 7 Desember 2026, 7 des, 7-des-2026
  [new RegExp(`(?<![\\d.:])(\\d{1,2})(?:\\s*|-)(${MONTH_RE})\\.?(?:(?:\\s+|-)(\\d{4}))?\\b`, "g"),
    (s, m) => setOnce(s, "explicit", { day: +m[1], month: MONTHS[m[2]], ...(m[3] ? { year: +m[3] } : {}) })],
  // December 7(, 2026) (English order)
  [new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?(?![\\d.:])`, "g"),
    (s, m) => setOnce(s, "explicit", { day: +m[2], month: MONTHS[m[1]], ...(m[3] ? { year: +m[3] } : {}) })],
  // tanggal 10
  [/\b(?:tanggal|tgl\.?|tg\.?)\s*(\d{1,2})(?![\d.:/-])/g, (s, m) => setOnce(s, "dayOfMonth", +m[1])],
  // relative durations: "2 jam lagi", "30 menit lagi", "in 2 hours"
  [/\b(?:dalam )?(\d{1,3}) ?(jam|menit) ?(?:lagi|kemudian|dari sekarang)\b/g,
    (s, m) => setOnce(s, "relDuration", { minutes: +m[1] * (m[2] === "jam" ? 60 : 1) })],
  [/\bdalam (\d{1,3}) ?(jam|menit)\b/g,
    (s, m) => setOnce(s, "relDuration", { minutes: +m[1] * (m[2] === "jam" ? 60 : 1) })],
  [/\bin (\d{1,3}) ?(hours?|minutes?|mins?)\b/g,
    (s, m) => setOnce(s, "relDuration", { minutes: +m[1] * (m[2].startsWith("h") ? 60 : 1) })],
  // "3 hari lagi", "dalam 2 minggu", "2 pekan kemudian", "in 3 days"
  [/\b(?:dalam )?(\d{1,3}) ?(hari|minggu|pekan|bulan) ?(?:lagi|kemudian|mendatang|ke depan|dari sekarang)\b/g,
    (s, m) => relUnit(s, +m[1], m[2])],
  [/\bdalam (\d{1,3}) ?(hari|minggu|pekan|bulan)\b/g, (s, m) => relUnit(s, +m[1], m[2])],
  [/\bin (\d{1,3}) ?(days?|weeks?|months?)\b/g,
    (s, m) => relUnit(s, +m[1], m[2].startsWith("d") ? "hari" : m[2].startsWith("w") ? "minggu" : "bulan")],
  // day words
  [/\bkemarin lusa\b/g, (s) => setOnce(s, "relDays", -2)],
  [/\bbesok lusa\b/g, (s) => setOnce(s, "relDays", 2)],
  [/\blusa\b/g, (s) => setOnce(s, "relDays", 2)],
  [/\bday after tomorrow\b/g, (s) => setOnce(s, "relDays", 2)],
  [/\b(?:besok|esok|tomorrow|tmrw)\b/g, (s) => setOnce(s, "relDays", 1)],
  [/\b(?:kemarin|yesterday)\b/g, (s) => setOnce(s, "relDays", -1)],
  [/\b(?:hari ini|today)\b/g, (s) => setOnce(s, "relDays", 0)],
  [/\bnanti (pagi|siang|sore|petang|malam)\b/g, (s, m) => {
    setOnce(s, "relDays", 0);
    setOnce(s, "dayPart", PERIOD[m[1]]);
  }],
  [/\b(pagi|siang|sore|petang|malam) ini\b/g, (s, m) => {
    setOnce(s, "relDays", 0);
    setOnce(s, "dayPart", PERIOD[m[1]]);
  }],
  [/\btonight\b/g, (s) => {
    setOnce(s, "relDays", 0);
    setOnce(s, "dayPart", "malam");
  }],
  // "hari Minggu (depan)" is Sunday; "minggu depan" alone is next week
  [/\bhari (minggu|ahad)( depan)?\b/g, (s, m) => {
    setOnce(s, "weekday", 7);
    if (m[2]) setOnce(s, "weekOffset", 1);
  }],
  [/\b(?:minggu|pekan) depan\b|\bnext week\b/g, (s) => setOnce(s, "weekOffset", 1)],
  [/\b(?:minggu|pekan) ini\b|\bthis week\b/g, (s) => setOnce(s, "weekOffset", 0)],
  [/\bbulan depan\b|\bnext month\b/g, (s) => setOnce(s, "monthOffset", 1)],
  // weekdays: "Senin", "Senin depan", "next monday"
  [new RegExp(`\\bnext (${WEEKDAY_RE})\\b`, "g"), (s, m) => {
    setOnce(s, "weekday", WEEKDAYS[m[1]]);
    setOnce(s, "weekOffset", 1);
  }],
  [new RegExp(`\\b(${WEEKDAY_RE})\\b(?: (depan|ini))?`, "g"), (s, m) => {
    setOnce(s, "weekday", WEEKDAYS[m[1]]);
    if (m[2] === "depan") setOnce(s, "weekOffset", 1);
  }],
  // times
  [/\btengah malam\b|\bmidnight\b/g, (s) => {
    setOnce(s, "time", { hour: 0, minute: 0 });
    s.midnight = true;
  }],
  [/\btengah hari\b|\bnoon\b/g, (s) => setOnce(s, "time", { hour: 12, minute: 0 })],
  [/\b(?:(?:jam|pukul|pkl\.?|pk\.?) )?setengah (\d{1,2})\b/g, (s, m) => setOnce(s, "time", { hour: +m[1] - 1, minute: 30 })],
  [new RegExp(`\\b(?:jam|pukul|pkl\\.?|pk\\.?|at)\\s*(\\d{1,2})(?:\\s*[.:]\\s*(\\d{2}))?(?:\\s*${AMPM})?(?![\\d/])`, "g"),
    (s, m) => setTime(s, m[1], m[2], m[3])],
  [/\b(?:jam|pukul|pkl\.?|pk\.?) ?([01]\d|2[0-3])([0-5]\d)(?!\d)/g, (s, m) => setTime(s, m[1], m[2])], // "jam 0900"
  // "9 pagi", "7.30 malam" (hour followed by a part of the day, without "jam")
  [/(?<![\d.:/-])(\d{1,2})(?:[.:](\d{2}))? (?=pagi|siang|sore|petang|malam|dini hari|subuh)/g,
    (s, m) => setTime(s, m[1], m[2])],
  [new RegExp(`(?<![\\d.:/-])(\\d{1,2})[.:](\\d{2})(?:\\s*${AMPM})?(?![\\d.:/])`, "g"),
    (s, m) => setTime(s, m[1], m[2], m[3])],
  [new RegExp(`(?<![\\d.:/-])(\\d{1,2})\\s*${AMPM}(?![a-z])`, "g"), (s, m) => setTime(s, m[1], undefined, m[2])],
  // zone label
  [/\b(wita|wib|wit)\b/g, (s, m) => setOnce(s, "zone", ZONE_BY_LABEL[m[1]])],
  // parts of the day
  [/\b(dini hari|pagi|siang|sore|petang|malam|subuh|morning|afternoon|evening|night)\b/g,
    (s, m) => setOnce(s, "dayPart", PERIOD[m[1]])],
];

function relUnit(s: Scan, n: number, unit: string): void {
  if (unit === "bulan") setOnce(s, "monthOffset", n);
  else setOnce(s, "relDays", unit === "hari" ? n : n * 7);
}

function scanText(input: string): { scan: Scan; rest: string } {
  const scan: Scan = { conflict: false, invalid: false, found: false };
  let s = ` ${input} `;
  // time ranges: drop the end of the range
  s = s.replace(RANGE_RE, (_all, start: string) => start);
  for (const [re, apply] of RULES) {
    re.lastIndex = 0;
    s = s.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      apply(scan, m);
      return " ¦ ";
    });
  }
  return { scan, rest: s };
}

function leftoverIsHarmless(rest: string): boolean {
  const words = rest
    .replace(/¦/g, " ")
    .replace(/[.:/\-,]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  // Digits left over mean a number we did not understand ("jam 9 123", "besok 9"): refuse
  // rather than guess. Unknown words are tolerated ("rapat besok 09.00").
  return words.every((w) => !/\d/.test(w) || FILLER.has(w));
}

function applyDayPart(hour: number, part: DayPart | undefined): { hour: number; nextDay: boolean } {
  if (hour > 12 || part === undefined) return { hour, nextDay: false };
  switch (part) {
    case "pagi":
      return { hour, nextDay: false };
    case "dini_hari":
      return { hour: hour === 12 ? 0 : hour, nextDay: false };
    case "siang": // 11.00–15.00: "jam 1 siang" = 13.00, "jam 11 siang" = 11.00
      return { hour: hour <= 5 ? hour + 12 : hour, nextDay: false };
    case "sore": // 15.00–18.00 (and "jam 7 sore" = 19.00)
      return { hour: hour === 12 ? 12 : hour + 12, nextDay: false };
    case "malam": // 19.00–23.00; "jam 12 malam" = midnight; "jam 1 malam" = 01.00
      if (hour === 12) return { hour: 0, nextDay: true };
      return { hour: hour >= 6 ? hour + 12 : hour, nextDay: false };
  }
}

/**
 * Parses a date/time as people write it in Indonesia, e.g. "besok 09.00", "besok jam 9 pagi",
 * "Senin depan jam 19.00", "3 hari lagi jam 10", "25/12/2026 19.30", "5/12 09.00",
 * "7 Desember 2026 pukul 09.00", "nanti malam jam 8", "tanggal 10 jam 9", "2026-12-25 09:00",
 * "tomorrow 9am". Wall-clock times are in `zone` (or in WIB/WITA/WIT when written).
 *
 * Conventions:
 * - Weekday without "depan" → next occurrence (today if the given time is still ahead, or
 *   today when no time is given). "Senin depan" → Monday of next (Monday-based) week.
 * - "minggu depan"/"pekan depan" alone → today + 7 days, no time; "hari Minggu depan" → Sunday.
 * - dd/mm without year → this year, or next year if that day has already passed.
 * - "tanggal N" → day N of this month, or the next month that has day N if it has passed.
 * - Hours are 24-hour unless a part of the day follows/precedes: pagi (as written), siang
 *   (1–5 → 13–17), sore/petang (+12), malam (6–11 → 18–23, 12 → 00.00 next day).
 * - Time only ("jam 7 malam") → today, even if already past (callers judge past-ness).
 * - Impossible dates or times ("31/02", "jam 25") → invalid_date; contradictory or unknown
 *   text → unparsed; when only a day is found, hasTime is false and the date is 00:00.
 * - Falls back to chrono.id (with the zone as an offset) for phrasings not covered here.
 */
export function parseIndonesianDateTime(
  text: string,
  now: Date,
  zone: ZoneName,
  opts: ParseOptions = {},
): ParseResult {
  const norm = normalise(text ?? "");
  if (!norm) return { ok: false, reason: "unparsed" };
  const { scan, rest } = scanText(norm);
  if (!scan.found) return chronoFallback(norm, now, zone, opts);
  if (scan.conflict || !leftoverIsHarmless(rest)) return { ok: false, reason: "unparsed" };
  return resolve(scan, now, zone, opts);
}

function resolve(scan: Scan, now: Date, zone: ZoneName, opts: ParseOptions): ParseResult {
  const z = scan.zone ?? zone;
  const today = dt(now, z).startOf("day");

  // Which kinds of date were given? Only a few combinations make sense.
  const kinds = [
    scan.explicit && "explicit",
    scan.dayOfMonth !== undefined && "dayOfMonth",
    scan.relDays !== undefined && "relDays",
    scan.relDuration && "relDuration",
    scan.weekday !== undefined && "weekday",
    scan.weekOffset !== undefined && "weekOffset",
    scan.monthOffset !== undefined && "monthOffset",
  ].filter(Boolean) as string[];
  const combo = kinds.sort().join("+");
  const allowed = new Set([
    "", "explicit", "dayOfMonth", "relDays", "relDuration", "weekday", "weekOffset", "monthOffset",
    "explicit+weekday", "weekOffset+weekday", "dayOfMonth+monthOffset", "dayOfMonth+weekday",
    "dayOfMonth+monthOffset+weekday",
  ]);
  if (!allowed.has(combo)) return { ok: false, reason: "unparsed" };

  // Relative durations carry their own time.
  if (scan.relDuration) {
    if (scan.time || scan.dayPart) return { ok: false, reason: "unparsed" };
    return { ok: true, date: new Date(now.getTime() + scan.relDuration.minutes * 60_000), hasTime: true };
  }

  // Time of day.
  let hour: number | undefined;
  let minute = 0;
  let nextDay = false;
  if (scan.time) {
    const t = scan.time;
    if (t.minute > 59 || t.hour > 23) return { ok: false, reason: "invalid_date" };
    if (t.ampm) {
      if (t.hour < 1 || t.hour > 12) return { ok: false, reason: "invalid_date" };
      hour = t.ampm === "am" ? t.hour % 12 : (t.hour % 12) + 12;
    } else {
      const adj = applyDayPart(t.hour, scan.dayPart);
      hour = adj.hour;
      nextDay = adj.nextDay;
    }
    if (scan.midnight) nextDay = true;
    minute = t.minute;
  }
  const hasTime = hour !== undefined;
  if (!hasTime && opts.requireTime) return { ok: false, reason: "no_time" };
  const timeMinutes = (hour ?? 0) * 60 + minute;
  const nowLocal = dt(now, z);
  const nowMinutes = nowLocal.hour * 60 + nowLocal.minute;

  // Day.
  let day: DateTime | null = null;
  if (scan.explicit) {
    const e = scan.explicit;
    if (e.year !== undefined) {
      day = makeDay(e.year, e.month, e.day, z);
      if (!day || e.year < 1900 || e.year > 2200) return { ok: false, reason: "invalid_date" };
    } else {
      const thisYear = makeDay(today.year, e.month, e.day, z);
      day = thisYear && thisYear >= today ? thisYear : makeDay(today.year + 1, e.month, e.day, z);
      if (!day) return { ok: false, reason: "invalid_date" };
    }
    if (scan.weekday !== undefined && day.weekday !== scan.weekday) return { ok: false, reason: "invalid_date" };
  } else if (scan.dayOfMonth !== undefined) {
    const n = scan.dayOfMonth;
    if (n < 1 || n > 31) return { ok: false, reason: "invalid_date" };
    const startMonth = today.startOf("month").plus({ months: scan.monthOffset ?? 0 });
    for (let i = 0; i < 13 && !day; i++) {
      const m = startMonth.plus({ months: i });
      const cand = makeDay(m.year, m.month, n, z);
      if (cand && cand >= today) day = cand;
    }
    if (!day) return { ok: false, reason: "invalid_date" };
    if (scan.weekday !== undefined && day.weekday !== scan.weekday) return { ok: false, reason: "invalid_date" };
  } else if (scan.relDays !== undefined) {
    day = today.plus({ days: scan.relDays });
  } else if (scan.weekday !== undefined) {
    if (scan.weekOffset !== undefined) {
      const monday = today.minus({ days: today.weekday - 1 }).plus({ weeks: scan.weekOffset });
      day = monday.plus({ days: scan.weekday - 1 });
    } else {
      let delta = (scan.weekday - today.weekday + 7) % 7;
      if (delta === 0 && hasTime && !nextDay && timeMinutes <= nowMinutes) delta = 7;
      day = today.plus({ days: delta });
    }
  } else if (scan.weekOffset !== undefined) {
    if (scan.weekOffset === 0) return { ok: false, reason: "unparsed" };
    day = today.plus({ weeks: scan.weekOffset });
  } else if (scan.monthOffset !== undefined) {
    day = today.plus({ months: scan.monthOffset }); // luxon clamps 31 → 30/28
  } else if (hasTime || scan.dayPart) {
    day = today;
  } else {
    return { ok: false, reason: "unparsed" };
  }

  let result = day.set({ hour: hour ?? 0, minute });
  if (nextDay) result = result.plus({ days: 1 });
  return {
    ok: true,
    date: result.toJSDate(),
    hasTime,
    ...(!hasTime && scan.dayPart ? { dayPart: scan.dayPart } : {}),
  };
}

function makeDay(year: number, month: number, day: number, zone: ZoneName): DateTime | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = DateTime.fromObject({ year, month, day }, { zone: lz(zone) });
  return d.isValid ? d : null;
}

function chronoFallback(text: string, now: Date, zone: ZoneName, opts: ParseOptions): ParseResult {
  const results = chrono.id.parse(text, { instant: now, timezone: OFFSET_MINUTES[zone] }, { forwardDate: true });
  if (results.length !== 1) return { ok: false, reason: "unparsed" };
  const r = results[0];
  // Only accept when chrono consumed (nearly) all of the text.
  if (r.text.replace(/\s+/g, "").length < text.replace(/\s+/g, "").length * 0.8) {
    return { ok: false, reason: "unparsed" };
  }
  const date = r.start.date();
  const p = zonedParts(date, zone);
  // chrono may roll impossible dates (31/02 → 03/03): compare what it read with what it built.
  for (const [k, v] of [["day", p.day], ["month", p.month], ["year", p.year]] as const) {
    if (r.start.isCertain(k) && r.start.get(k) !== v) return { ok: false, reason: "invalid_date" };
  }
  const hasTime = r.start.isCertain("hour");
  if (!hasTime && opts.requireTime) return { ok: false, reason: "no_time" };
  return { ok: true, date: hasTime ? date : startOfDayInZone(date, zone), hasTime };
}

// ---------------------------------------------------------------------------------------------
// Recurrence

export type Recurrence =
  | { kind: "weekly"; weekday: Weekday }
  | { kind: "monthly_weekday"; weekday: Weekday; nth: 1 | 2 | 3 | 4 | -1 }
  /** Day 29–31 is clamped to the last day of shorter months (31 → 30 Nov, 28/29 Feb). */
  | { kind: "monthly_date"; day: number };

function occurrenceInMonth(year: number, month: number, rule: Recurrence, zone: ZoneName): DateTime | null {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: lz(zone) });
  if (rule.kind === "monthly_date") {
    return first.set({ day: Math.min(Math.max(1, rule.day), first.daysInMonth ?? 28) });
  }
  if (rule.kind === "monthly_weekday") {
    if (rule.nth === -1) {
      const last = first.endOf("month").startOf("day");
      return last.minus({ days: (last.weekday - rule.weekday + 7) % 7 });
    }
    const firstMatch = first.plus({ days: (rule.weekday - first.weekday + 7) % 7 });
    return firstMatch.plus({ weeks: rule.nth - 1 });
  }
  return null;
}

/**
 * The next `count` occurrences of `rule`, at the wall-clock time of `first` in `zone`, starting
 * on `first`'s day (first itself is included when it matches the rule) and strictly after
 * `after` when given. Monthly dates on 29–31 are clamped to the month's last day.
 */
export function nextOccurrences(
  first: Date,
  rule: Recurrence,
  zone: ZoneName,
  count: number,
  after?: Date,
): Date[] {
  const out: Date[] = [];
  if (count <= 0) return out;
  const f = dt(first, zone);
  const time = { hour: f.hour, minute: f.minute, second: f.second, millisecond: 0 };
  const lowerMs = Math.max(first.getTime(), after ? after.getTime() + 1 : -Infinity);
  const accept = (d: DateTime) => {
    const at = d.set(time);
    if (at.toMillis() >= lowerMs) out.push(at.toJSDate());
  };
  const startDay = dt(new Date(lowerMs), zone).startOf("day");
  // Start a day early so an occurrence later today is not missed when `after` is mid-day.
  if (rule.kind === "weekly") {
    let d = startDay.minus({ days: 1 });
    d = d.plus({ days: (rule.weekday - d.weekday + 7) % 7 });
    for (let guard = 0; out.length < count && guard < count + 3; guard++, d = d.plus({ weeks: 1 })) accept(d);
    return out;
  }
  let m = startDay.startOf("month").minus({ months: 1 });
  for (let guard = 0; out.length < count && guard < count + 4; guard++, m = m.plus({ months: 1 })) {
    const d = occurrenceInMonth(m.year, m.month, rule, zone);
    if (d) accept(d);
  }
  return out;
}

const ORDINAL_ID: Record<string, string> = { "1": "pertama", "2": "kedua", "3": "ketiga", "4": "keempat", "-1": "terakhir" };
const ORDINAL_EN: Record<string, string> = { "1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last" };

function englishOrdinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${s}`;
}

/** "setiap Senin", "setiap Senin pertama tiap bulan", "setiap tanggal 15 tiap bulan". */
export function describeRecurrence(rule: Recurrence, locale: Locale = "id"): string {
  if (locale === "en") {
    switch (rule.kind) {
      case "weekly":
        return `every ${weekdayName(rule.weekday, "en")}`;
      case "monthly_weekday":
        return `every ${ORDINAL_EN[String(rule.nth)]} ${weekdayName(rule.weekday, "en")} of the month`;
      case "monthly_date":
        return `on the ${englishOrdinal(rule.day)} of every month`;
    }
  }
  switch (rule.kind) {
    case "weekly":
      return `setiap ${weekdayName(rule.weekday)}`;
    case "monthly_weekday":
      return `setiap ${weekdayName(rule.weekday)} ${ORDINAL_ID[String(rule.nth)]} tiap bulan`;
    case "monthly_date":
      return `setiap tanggal ${rule.day} tiap bulan`;
  }
}

/**
 * Dates and times for Forum Desa: Indonesian zones (WIB/WITA/WIT, no DST), formats from
 * shared/UX.md, a parser for the ways people write dates in Indonesia, working days, and
 * simple recurrence rules.
 *
 * Everything is pure: callers pass `now` explicitly. Wall-clock values are always interpreted
 * in the zone given (Asia/Jakarta = UTC+7, Asia/Makassar = UTC+8, Asia/Jayapura = UTC+9).
 */
import { createRequire } from "node:module";
import { DateTime, FixedOffsetZone } from "luxon";
import { NATIONAL_CALENDAR, type HolidayLookup } from "./holidays.js";

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

/** "2026-12-07": the wall-clock day `date` falls on in `zone`. */
export function ymdInZone(date: Date, zone: ZoneName): string {
  return dt(date, zone).toFormat("yyyy-MM-dd");
}

/** Monday–Friday and not a holiday (national, cuti bersama, or the forum's own). */
export function isWorkingDay(date: Date, zone: ZoneName, holidays: HolidayLookup = NATIONAL_CALENDAR): boolean {
  const d = dt(date, zone);
  return d.weekday <= 5 && !holidays.holidayOn(d.toFormat("yyyy-MM-dd"));
}

/**
 * Adds `n` working days, keeping the wall-clock time. A working day is Monday–Friday and not a
 * holiday in `holidays` (by default the national holidays and cuti bersama of src/lib/holidays.ts).
 * n = 0 returns `date` unchanged (even on a weekend); negative n goes backwards.
 * E.g. Friday 10.00 + 1 → Monday 10.00; Saturday + 1 → Monday; Wednesday 23 Dec 2026 + 1 →
 * Monday 28 Dec (24 Dec is cuti bersama, 25 Dec Natal).
 */
export function addWorkingDays(date: Date, n: number, zone: ZoneName, holidays: HolidayLookup = NATIONAL_CALENDAR): Date {
  let d = dt(date, zone);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(Math.trunc(n));
  // Guard: even a year of holidays cannot make this loop forever.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    d = d.plus({ days: step });
    if (d.weekday <= 5 && !holidays.holidayOn(d.toFormat("yyyy-MM-dd"))) left--;
  }
  return d.toJSDate();
}

/** `date` itself on a working day, otherwise the same wall-clock time on the next working day. */
export function onWorkingDay(date: Date, zone: ZoneName, holidays: HolidayLookup = NATIONAL_CALENDAR): Date {
  let d = dt(date, zone);
  for (let guard = 0; guard < 366 && (d.weekday > 5 || holidays.holidayOn(d.toFormat("yyyy-MM-dd"))); guard++) d = d.plus({ days: 1 });
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

/** Times of day named after a prayer: "ba'da Isya", "habis Jumatan". */
export type PrayerAnchor = "subuh" | "dzuhur" | "ashar" | "maghrib" | "isya" | "jumatan";
export const PRAYER_ANCHORS: readonly PrayerAnchor[] = ["subuh", "dzuhur", "ashar", "maghrib", "isya", "jumatan"];
/** The wall-clock time ("HH:MM") a forum means by "ba'da <prayer>". */
export type PrayerTimes = Record<PrayerAnchor, string>;

/**
 * Defaults for a forum in Lampung (WIB): a little after the prayer, when people are free again.
 * Kemenag times for Kabupaten Lampung Tengah (5°58' LS, 105°12' BT) move within about 25 minutes
 * over the year (e.g. April 2025: Dzuhur 12.07, Ashar 15.19, Maghrib 18.07, Isya 19.16; Subuh
 * about 04.35); the Friday prayer with its khutbah ends around 13.00. Forum admins change them.
 */
export const DEFAULT_PRAYER_TIMES: Readonly<PrayerTimes> = {
  subuh: "05:00",
  dzuhur: "12:30",
  ashar: "15:45",
  maghrib: "18:30",
  isya: "19:30",
  jumatan: "13:00",
};

export function isClockTime(s: unknown): s is string {
  return typeof s === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

export type ParseFailure =
  /** Words or numbers the reader does not understand (`unknown` lists the words, when any). */
  | { ok: false; reason: "unparsed"; unknown?: string[] }
  | { ok: false; reason: "invalid_date" | "no_time" }
  /**
   * An hour from 1 to 5 (or "setengah 1") with no part of the day: 02.00 or 14.00? Both readings,
   * morning first, so the caller can ask. Never resolved silently.
   */
  | { ok: false; reason: "ambiguous_hour"; candidates: [Date, Date] };

export type ParseResult =
  | {
      ok: true;
      date: Date;
      /** false when only a day was given: `date` is then 00:00 of that day in the zone. */
      hasTime: boolean;
      /** Part of day named without an hour ("Jumat pagi"), so a caller can suggest a time. */
      dayPart?: DayPart;
      /** The time came from a prayer ("ba'da Isya"), read with the forum's prayer times. */
      anchor?: PrayerAnchor;
    }
  | ParseFailure;

export interface ParseOptions {
  /** Answer { ok: false, reason: "no_time" } when the text names a day but no clock time. */
  requireTime?: boolean;
  /** What "ba'da Subuh" … "habis Jumatan" mean in this forum; DEFAULT_PRAYER_TIMES otherwise. */
  prayerTimes?: Partial<PrayerTimes>;
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
  minggu: 7, ahad: 7, min: 7, sunday: 7, sun: 7,
};
const WEEKDAY_RE = Object.keys(WEEKDAYS)
  .sort((a, b) => b.length - a.length)
  .join("|");

// Colloquial, abbreviated and Javanese forms → the words the rules below know.
const WORD_FORMS: Array<[RegExp, string]> = [
  [/\b(?:bsk|bsok|besuk|sesuk|mbesuk)\b/g, "besok"],
  [/\blsa\b/g, "lusa"],
  [/\b(?:mgg|mggu|mingu)\b/g, "minggu"],
  [/\bdpn\b/g, "depan"],
  [/\bbln\b/g, "bulan"],
  [/\bthn\b/g, "tahun"],
  [/\bjm\b/g, "jam"],
  [/\bsenen\b/g, "senin"],
  [/\bslasa\b/g, "selasa"],
  [/\brebo\b/g, "rabu"],
  [/\bkemis\b/g, "kamis"],
  [/\b(?:jemuah|jemuwah|jumuah|jumah|jumaah)\b/g, "jumat"],
  [/\bsetu\b/g, "sabtu"],
  [/\b(?:mlm|malem|bengi)\b/g, "malam"],
  [/\bpgi\b/g, "pagi"],
  [/\bsre\b/g, "sore"],
  [/\b(?:ntar|ntr|nti)\b/g, "nanti"],
  [/\b(?:kurang lebih|lebih kurang|kurleb)\b/g, " "], // "about": the time itself stays
];

const UNITS: Record<string, number> = { satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9 };
const UNIT_RE = Object.keys(UNITS).join("|");

/** "tanggal lima belas" → "tanggal 15", "dua puluh satu" → "21", "jam sembilan" → "jam 9". */
function numberWords(s: string): string {
  return s
    .replace(new RegExp(`\\b(${UNIT_RE}) puluh(?: (${UNIT_RE}))?\\b`, "g"), (_a, t: string, u?: string) => String(UNITS[t]! * 10 + (u ? UNITS[u]! : 0)))
    .replace(new RegExp(`\\b(${UNIT_RE}) belas\\b`, "g"), (_a, u: string) => String(10 + UNITS[u]!))
    .replace(/\bsebelas\b/g, "11")
    .replace(/\bsepuluh\b/g, "10")
    .replace(new RegExp(`\\b(${UNIT_RE})\\b`, "g"), (_a, u: string) => String(UNITS[u]!));
}

const ZONE_BY_LABEL: Record<string, ZoneName> = {
  wib: "Asia/Jakarta",
  wita: "Asia/Makassar",
  wit: "Asia/Jayapura",
};

// Words that may stay in the text without changing its meaning. Anything else left over is
// refused: a reader that guesses around words it does not know is silently wrong sometimes.
const FILLER = new Set([
  "jam", "pukul", "pkl", "pk", "pada", "hari", "tanggal", "tgl", "di", "at", "on", "the", "of",
  "tahun", "nanti", "ini", "ya", "yaa", "saja", "aja", "sekitar", "kira", "kira-kira", "mulai", "dimulai",
  "acara", "rapat", "musyawarah", "pertemuan", "kumpul", "dan", "tepat", "next", "in", "this",
  "o'clock", "oclock", "sampai", "insyaallah", "insya", "allah", "insha", "inshaallah", "pas",
  "tolong", "mohon", "wib", "wita", "wit", "pak", "bu", "bapak", "ibu",
]);

interface Scan {
  explicit?: { day: number; month: number; year?: number };
  dayOfMonth?: number;
  relDays?: number;
  relDuration?: { minutes: number };
  weekday?: Weekday;
  weekOffset?: number;
  monthOffset?: number;
  /** `padded`: written with a leading zero ("02.00"), i.e. on a 24-hour clock. */
  time?: { hour: number; minute: number; ampm?: "am" | "pm"; padded?: boolean };
  dayPart?: DayPart;
  /** "12 malam" / "tengah malam": midnight at the end of the day. */
  midnight?: boolean;
  /** "malam Jumat": the evening before the named day. */
  eve?: boolean;
  anchor?: PrayerAnchor;
  /** "habis Jumatan": only on a Friday. */
  friday?: boolean;
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
    .replace(/[’‘'`´]/g, "'")
    .replace(/jum'at/g, "jumat")
    .replace(/[–—−]/g, "-")
    .replace(/(\d),(\d{2})(?!\d)/g, "$1.$2") // "09,30" → "09.30"
    .replace(/[,;!?()]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.$/, "");
  for (const [re, to] of WORD_FORMS) s = s.replace(re, to);
  s = numberWords(s);
  s = s
    .replace(/\bse(hari|minggu|pekan|bulan|jam)\b/g, "1 $1")
    .replace(/\b(\d{1,2})-?an\b/g, "$1") // "jam 7an" (around seven)
    .replace(/\b(\d{4}-\d{2}-\d{2})t(\d)/g, "$1 $2") // ISO "T"
    .replace(/(\d{2}:\d{2})(?::\d{2})?(?:\.\d+)?z\b/g, "$1") // trailing seconds/Z are dropped
    .replace(/\s+/g, " ")
    .trim();
  return s;
}

type Rule = [RegExp, (scan: Scan, m: RegExpExecArray, opts: ParseOptions) => void];

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
  setOnce(scan, "time", { hour, minute, ...(ap ? { ampm: ap } : {}), ...(h.startsWith("0") ? { padded: true } : {}) });
}

/** "jam 9 lewat 15" / "jam 8 kurang seperempat": minutes past or before a written hour. */
function setRelativeTime(scan: Scan, h: string, word: string, sign: 1 | -1): void {
  const minutes = word === "seperempat" ? 15 : word === "setengah" ? 30 : Number(word);
  if (!(minutes >= 1 && minutes <= 59)) {
    scan.invalid = true;
    scan.found = true;
    return;
  }
  const hour = Number(h);
  const total = hour * 60 + sign * minutes;
  const wrapped = (total + 24 * 60) % (24 * 60);
  setOnce(scan, "time", { hour: Math.floor(wrapped / 60), minute: wrapped % 60, ...(h.startsWith("0") ? { padded: true } : {}) });
}

const AMPM = "(a\\.?m\\.?|p\\.?m\\.?)(?![a-z])";
const CLOCK_WORD = "(?:jam|pukul|pkl\\.?|pk\\.?)";
const MINUTE_WORD = "(\\d{1,2}|seperempat|setengah)";

const PRAYER_WORDS: Record<string, PrayerAnchor> = {
  subuh: "subuh", shubuh: "subuh", shubh: "subuh", fajar: "subuh",
  dzuhur: "dzuhur", zuhur: "dzuhur", dhuhur: "dzuhur", duhur: "dzuhur", zhuhur: "dzuhur", dhuhr: "dzuhur", lohor: "dzuhur", luhur: "dzuhur", zuhr: "dzuhur",
  ashar: "ashar", asar: "ashar", azhar: "ashar",
  maghrib: "maghrib", magrib: "maghrib", mahrib: "maghrib", magreb: "maghrib",
  isya: "isya", "isya'": "isya", isyak: "isya", isha: "isya",
  jumatan: "jumatan",
};
const PRAYER_RE = Object.keys(PRAYER_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/'/g, "'?"))
  .join("|");
const AFTER = "(?:ba'?da'?|bakda|habis|sehabis|abis|setelah|sesudah|selepas|usai|selesai|bubar)";
const SHOLAT = "(?:(?:sholat|shalat|salat|solat|sembahyang) )";

function setAnchor(scan: Scan, anchor: PrayerAnchor, opts: ParseOptions): void {
  const raw = opts.prayerTimes?.[anchor];
  const hhmm = isClockTime(raw) ? raw : DEFAULT_PRAYER_TIMES[anchor];
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  setOnce(scan, "time", { hour: h, minute: m, padded: true });
  setOnce(scan, "anchor", anchor);
  if (anchor === "jumatan") scan.friday = true;
}

// Time ranges: only the start is kept ("09.00-11.00", "jam 9 s/d 12", "19.00 sampai selesai",
// "pukul 09.00 WIB s.d. 12.00 WIB"); a zone written on either side (or both) applies.
const RANGE_RE = new RegExp(
  "(\\d{1,2}[.:]\\d{2}|\\bjam \\d{1,2}|\\bpukul \\d{1,2}|\\bpkl \\d{1,2})(?:\\s*\\b(wita|wib|wit)\\b)?" +
    "\\s*(?:-|\\bs\\.?\\s?\\/?\\s?d\\b\\.?|\\bsampai(?: dengan)?\\b|\\bhingga\\b|\\buntil\\b)\\s*" +
    "(?:jam |pukul |pkl )?(?:\\d{1,2}(?:[.:]\\d{2})?|selesai)(?![\\d/])(?:\\s*\\b(wita|wib|wit)\\b)?",
  "g",
);

// Applied in order; every match is cut out of the text before the next rule runs.
const RULES: Rule[] = [
  // ISO date
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (s, m) => setOnce(s, "explicit", { year: +m[1]!, month: +m[2]!, day: +m[3]! })],
  // 25/12/2026, 25-12-26, 5/12
  [/(?<![\d.:/-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d:/-]|\.\d)/g,
    (s, m) => setOnce(s, "explicit", {
      day: +m[1]!,
      month: +m[2]!,
      ...(m[3] ? { year: m[3].length === 2 ? 2000 + +m[3] : +m[3] } : {}),
    })],
  // 25.12.2026
  [/(?<![\d.:])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g,
    (s, m) => setOnce(s, "explicit", { day: +m[1]!, month: +m[2]!, year: +m[3]! })],
  // 7 Desember 2026, 7 des, 7-des-2026
  [new RegExp(`(?<![\\d.:])(\\d{1,2})(?:\\s*|-)(${MONTH_RE})\\.?(?:(?:\\s+|-)(\\d{4}))?\\b`, "g"),
    (s, m) => setOnce(s, "explicit", { day: +m[1]!, month: MONTHS[m[2]!]!, ...(m[3] ? { year: +m[3] } : {}) })],
  // December 7(, 2026) (English order)
  [new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?(?![\\d.:])`, "g"),
    (s, m) => setOnce(s, "explicit", { day: +m[2]!, month: MONTHS[m[1]!]!, ...(m[3] ? { year: +m[3] } : {}) })],
  // tanggal 10
  [/\b(?:tanggal|tgl\.?|tg\.?)\s*(\d{1,2})(?![\d.:/-])/g, (s, m) => setOnce(s, "dayOfMonth", +m[1]!)],
  // relative durations: "2 jam lagi", "30 menit lagi", "in 2 hours"
  [/\b(?:dalam )?(\d{1,3}) ?(jam|menit) ?(?:lagi|kemudian|dari sekarang)\b/g,
    (s, m) => setOnce(s, "relDuration", { minutes: +m[1]! * (m[2] === "jam" ? 60 : 1) })],
  [/\bdalam (\d{1,3}) ?(jam|menit)\b/g,
    (s, m) => setOnce(s, "relDuration", { minutes: +m[1]! * (m[2] === "jam" ? 60 : 1) })],
  [/\bin (\d{1,3}) ?(hours?|minutes?|mins?)\b/g,
    (s, m) => setOnce(s, "relDuration", { minutes: +m[1]! * (m[2]!.startsWith("h") ? 60 : 1) })],
  // "3 hari lagi", "dalam 2 minggu", "2 pekan kemudian", "in 3 days"
  [/\b(?:dalam )?(\d{1,3}) ?(hari|minggu|pekan|bulan) ?(?:lagi|kemudian|mendatang|ke depan|dari sekarang)\b/g,
    (s, m) => relUnit(s, +m[1]!, m[2]!)],
  [/\bdalam (\d{1,3}) ?(hari|minggu|pekan|bulan)\b/g, (s, m) => relUnit(s, +m[1]!, m[2]!)],
  [/\bin (\d{1,3}) ?(days?|weeks?|months?)\b/g,
    (s, m) => relUnit(s, +m[1]!, m[2]!.startsWith("d") ? "hari" : m[2]!.startsWith("w") ? "minggu" : "bulan")],
  // prayer anchors: "ba'da Isya", "habis sholat Maghrib", "selesai Jumatan", "ba'da Jumat"
  [new RegExp(`\\b${AFTER} ${SHOLAT}?(${PRAYER_RE})\\b`, "g"), (s, m, o) => setAnchor(s, PRAYER_WORDS[m[1]!] ?? PRAYER_WORDS[m[1]!.replace(/'/g, "")]!, o)],
  [new RegExp(`\\b(?:ba'?da'?|bakda) ${SHOLAT}?jumat\\b|\\b${AFTER} ${SHOLAT}jumat\\b`, "g"), (s, _m, o) => setAnchor(s, "jumatan", o)],
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
    setOnce(s, "dayPart", PERIOD[m[1]!]);
  }],
  [/\b(pagi|siang|sore|petang) ini\b/g, (s, m) => {
    setOnce(s, "relDays", 0);
    setOnce(s, "dayPart", PERIOD[m[1]!]);
  }],
  [/\bmalam ini\b|\btonight\b/g, (s) => {
    setOnce(s, "relDays", 0);
    setOnce(s, "dayPart", "malam");
  }],
  // "malam Jumat" is Thursday evening, "malam Minggu" Saturday evening (the eve of the day)
  [new RegExp(`\\bmalam (${WEEKDAY_RE})\\b(?: (depan|ini))?`, "g"), (s, m) => {
    setOnce(s, "weekday", WEEKDAYS[m[1]!]);
    if (m[2] === "depan") setOnce(s, "weekOffset", 1);
    setOnce(s, "dayPart", "malam");
    s.eve = true;
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
    setOnce(s, "weekday", WEEKDAYS[m[1]!]);
    setOnce(s, "weekOffset", 1);
  }],
  [new RegExp(`\\b(${WEEKDAY_RE})\\b(?: (depan|ini))?`, "g"), (s, m) => {
    setOnce(s, "weekday", WEEKDAYS[m[1]!]);
    if (m[2] === "depan") setOnce(s, "weekOffset", 1);
  }],
  // times
  [/\btengah malam\b|\bmidnight\b/g, (s) => {
    setOnce(s, "time", { hour: 0, minute: 0 });
    s.midnight = true;
  }],
  [/\btengah hari\b|\bnoon\b/g, (s) => setOnce(s, "time", { hour: 12, minute: 0 })],
  // "jam 9 lewat 15", "jam 9 lebih seperempat", "jam 8 kurang seperempat", "jam 8 kurang 10 menit"
  [new RegExp(`\\b(?:${CLOCK_WORD} ?)?(\\d{1,2})(?:[.:]00)? (?:lewat|lebih) ${MINUTE_WORD}(?: menit)?\\b`, "g"),
    (s, m) => setRelativeTime(s, m[1]!, m[2]!, 1)],
  [new RegExp(`\\b(?:${CLOCK_WORD} ?)?(\\d{1,2})(?:[.:]00)? kurang ${MINUTE_WORD}(?: menit)?\\b`, "g"),
    (s, m) => setRelativeTime(s, m[1]!, m[2]!, -1)],
  // "setengah 8" is 07.30 (half way to eight)
  [new RegExp(`\\b(?:${CLOCK_WORD} )?setengah (\\d{1,2})\\b`, "g"), (s, m) => setRelativeTime(s, m[1]!, "30", -1)],
  [new RegExp(`\\b(?:jam|pukul|pkl\\.?|pk\\.?|at)\\s*(\\d{1,2})(?:\\s*[.:]\\s*(\\d{2}))?(?:\\s*${AMPM})?(?![\\d/])`, "g"),
    (s, m) => setTime(s, m[1]!, m[2], m[3])],
  [/\b(?:jam|pukul|pkl\.?|pk\.?) ?([01]\d|2[0-3])([0-5]\d)(?!\d)/g, (s, m) => setTime(s, m[1]!, m[2])], // "jam 0900"
  // "9 pagi", "7.30 malam" (hour followed by a part of the day, without "jam")
  [/(?<![\d.:/-])(\d{1,2})(?:[.:](\d{2}))? (?=pagi|siang|sore|petang|malam|dini hari|subuh)/g,
    (s, m) => setTime(s, m[1]!, m[2])],
  [new RegExp(`(?<![\\d.:/-])(\\d{1,2})[.:](\\d{2})(?:\\s*${AMPM})?(?![\\d.:/])`, "g"),
    (s, m) => setTime(s, m[1]!, m[2], m[3])],
  [new RegExp(`(?<![\\d.:/-])(\\d{1,2})\\s*${AMPM}(?![a-z])`, "g"), (s, m) => setTime(s, m[1]!, undefined, m[2])],
  // zone label
  [/\b(wita|wib|wit)\b/g, (s, m) => setOnce(s, "zone", ZONE_BY_LABEL[m[1]!])],
  // parts of the day
  [/\b(dini hari|pagi|siang|sore|petang|malam|subuh|morning|afternoon|evening|night)\b/g,
    (s, m) => setOnce(s, "dayPart", PERIOD[m[1]!])],
];

function relUnit(s: Scan, n: number, unit: string): void {
  if (unit === "bulan") setOnce(s, "monthOffset", n);
  else setOnce(s, "relDays", unit === "hari" ? n : n * 7);
}

function scanText(input: string, opts: ParseOptions): { scan: Scan; rest: string } {
  const scan: Scan = { conflict: false, invalid: false, found: false };
  let s = ` ${input} `;
  // time ranges: drop the end of the range, keep the zone (once)
  s = s.replace(RANGE_RE, (_all, start: string, z1?: string, z2?: string) => {
    if (z1 && z2 && z1 !== z2) scan.conflict = true;
    const z = z1 ?? z2;
    return z ? `${start} ${z}` : start;
  });
  for (const [re, apply] of RULES) {
    re.lastIndex = 0;
    s = s.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      apply(scan, m, opts);
      return " ¦ ";
    });
  }
  return { scan, rest: s };
}

/** What is left after the rules ran: words nobody understood, and stray numbers. */
function leftover(rest: string): { words: string[]; numbers: boolean } {
  const tokens = rest
    .replace(/¦/g, " ")
    .replace(/[.:/\-,"]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .filter((w) => !FILLER.has(w));
  // Digits left over mean a number we did not understand ("jam 9 123", "besok 9"): refuse
  // rather than guess. So are words: "besok jam 9 di balai" is not a time.
  return { words: tokens.filter((w) => !/\d/.test(w) && /\p{L}/u.test(w)), numbers: tokens.some((w) => /\d/.test(w)) };
}

function unparsed(words: string[]): ParseFailure {
  return words.length ? { ok: false, reason: "unparsed", unknown: [...new Set(words)].slice(0, 5) } : { ok: false, reason: "unparsed" };
}

function applyDayPart(hour: number, part: DayPart | undefined): { hour: number; nextDay: boolean } {
  if (hour > 12 || part === undefined) return { hour, nextDay: false };
  switch (part) {
    case "pagi":
      return { hour, nextDay: false };
    case "dini_hari":
      return { hour: hour === 12 ? 0 : hour, nextDay: false };
    case "siang": // 11.00–15.00: "jam 1 siang" = 13.00, "jam 11 siang" = 11.00, "setengah 1 siang" = 12.30
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
 * "tomorrow 9am", "malam Jumat ba'da Isya", "bsk jam setengah 8 malam", "Rebo jam 9 lewat 15",
 * "tanggal lima belas jam 10", "pukul 09.00 WIB s.d. 12.00 WIB". Wall-clock times are in `zone`
 * (or in WIB/WITA/WIT when written).
 *
 * Conventions:
 * - Weekday without "depan" → next occurrence (today if the given time is still ahead, or
 *   today when no time is given). "Senin depan" → Monday of next (Monday-based) week.
 * - "malam <hari>" is the evening before that day: "malam Jumat" = Thursday evening,
 *   "malam Minggu" = Saturday evening ("Jumat malam" stays Friday evening).
 * - "minggu depan"/"pekan depan" alone → today + 7 days, no time; "hari Minggu depan" → Sunday.
 * - dd/mm without year → this year, or next year if that day has already passed.
 * - "tanggal N" → day N of this month, or the next month that has day N if it has passed.
 * - Hours are 24-hour unless a part of the day follows/precedes: pagi (as written), siang
 *   (1–5 → 13–17), sore/petang (+12), malam (6–11 → 18–23, 12 → 00.00 next day).
 * - An hour from 1 to 5 (00.30–05.59 in all) with no part of the day and no leading zero
 *   ("Senin jam 2", "besok jam 3", "setengah 4") → ambiguous_hour with both readings.
 *   "02.00" (leading zero) is read as written.
 * - "ba'da Subuh/Dzuhur/Ashar/Maghrib/Isya", "habis Jumatan" → the forum's prayer times
 *   (opts.prayerTimes); "habis Jumatan" alone is the next Friday.
 * - Time only ("jam 7 malam") → today, even if already past (callers judge past-ness).
 * - Impossible dates or times ("31/02", "jam 25") → invalid_date; contradictory text →
 *   unparsed; words the reader does not know → unparsed with `unknown` (never "today");
 *   when only a day is found, hasTime is false and the date is 00:00.
 * - Falls back to chrono.id (with the zone as an offset) only when it reads the whole text
 *   and is certain of the day ("2 hari yang lalu", "sekarang").
 */
export function parseIndonesianDateTime(
  text: string,
  now: Date,
  zone: ZoneName,
  opts: ParseOptions = {},
): ParseResult {
  const norm = normalise(text ?? "");
  if (!norm) return { ok: false, reason: "unparsed" };
  const { scan, rest } = scanText(norm, opts);
  if (!scan.found) {
    const viaChrono = chronoFallback(norm, now, zone, opts);
    return viaChrono ?? unparsed(leftover(rest).words);
  }
  const left = leftover(rest);
  if (left.words.length || left.numbers) return unparsed(left.words);
  if (scan.conflict) return { ok: false, reason: "unparsed" };
  if (scan.invalid) return { ok: false, reason: "invalid_date" };
  return resolve(scan, now, zone, opts);
}

const PREV_DAY = (w: Weekday): Weekday => (w === 1 ? 7 : w - 1) as Weekday;

function resolve(scan: Scan, now: Date, zone: ZoneName, opts: ParseOptions): ParseResult {
  const z = scan.zone ?? zone;
  // "habis Jumatan" with no day: the next Friday.
  if (scan.friday && [scan.explicit, scan.dayOfMonth, scan.relDays, scan.weekday, scan.weekOffset, scan.monthOffset].every((v) => v === undefined)) {
    scan.weekday = 5;
  }

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
  let ambiguous = false;
  if (scan.time) {
    const t = scan.time;
    if (t.minute > 59 || t.hour > 23) return { ok: false, reason: "invalid_date" };
    if (t.ampm) {
      if (t.hour < 1 || t.hour > 12) return { ok: false, reason: "invalid_date" };
      hour = t.ampm === "am" ? t.hour % 12 : (t.hour % 12) + 12;
    } else {
      const part = scan.anchor ? undefined : scan.dayPart;
      const adj = applyDayPart(t.hour, part);
      hour = adj.hour;
      nextDay = adj.nextDay;
      // 1–5 o'clock (and "setengah 1" = 00.30) is night or afternoon: ask, never guess.
      ambiguous = part === undefined && !scan.midnight && !t.padded && hour <= 5 && !(hour === 0 && t.minute === 0);
    }
    if (scan.midnight) nextDay = true;
    minute = t.minute;
  }
  const hasTime = hour !== undefined;
  if (!hasTime && opts.requireTime) return { ok: false, reason: "no_time" };

  if (ambiguous) {
    const am = placeOnDay(scan, now, z, hour!, minute, nextDay);
    const pm = placeOnDay(scan, now, z, hour! + 12, minute, nextDay);
    if (!am.ok) return am;
    if (!pm.ok) return pm;
    return { ok: false, reason: "ambiguous_hour", candidates: [am.date, pm.date] };
  }
  const placed = placeOnDay(scan, now, z, hour, minute, nextDay);
  if (!placed.ok) return placed;
  return {
    ok: true,
    date: placed.date,
    hasTime,
    ...(!hasTime && scan.dayPart ? { dayPart: scan.dayPart } : {}),
    ...(scan.anchor ? { anchor: scan.anchor } : {}),
  };
}

/** The day the scan names, at `hour`:`minute` (00:00 when no hour). */
function placeOnDay(
  scan: Scan,
  now: Date,
  z: ZoneName,
  hour: number | undefined,
  minute: number,
  nextDay: boolean,
): { ok: true; date: Date } | ParseFailure {
  const today = dt(now, z).startOf("day");
  const hasTime = hour !== undefined;
  const timeMinutes = (hour ?? 0) * 60 + minute;
  const nowLocal = dt(now, z);
  const nowMinutes = nowLocal.hour * 60 + nowLocal.minute;
  // The weekday the date must fall on: the day before the named one for "malam Jumat".
  const wanted = scan.weekday === undefined ? undefined : scan.eve ? PREV_DAY(scan.weekday) : scan.weekday;
  const matchWeekday = (d: DateTime): DateTime | null => {
    if (wanted === undefined || d.weekday === wanted) return d;
    // "malam Jumat, 4 Desember" (a Friday): the eve of that Friday.
    if (scan.eve && d.weekday === scan.weekday) return d.minus({ days: 1 });
    return null;
  };

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
    day = matchWeekday(day);
    if (!day) return { ok: false, reason: "invalid_date" };
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
    day = matchWeekday(day);
    if (!day) return { ok: false, reason: "invalid_date" };
  } else if (scan.relDays !== undefined) {
    day = today.plus({ days: scan.relDays });
  } else if (scan.weekday !== undefined) {
    if (scan.weekOffset !== undefined) {
      const monday = today.minus({ days: today.weekday - 1 }).plus({ weeks: scan.weekOffset });
      day = monday.plus({ days: scan.weekday - 1 });
      if (scan.eve) day = day.minus({ days: 1 });
    } else {
      let delta = (wanted! - today.weekday + 7) % 7;
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
  // "habis Jumatan" on a day that is not a Friday
  if (scan.friday && day.weekday !== 5) return { ok: false, reason: "invalid_date" };

  let result = day.set({ hour: hour ?? 0, minute });
  if (nextDay) result = result.plus({ days: 1 });
  return { ok: true, date: result.toJSDate() };
}

function makeDay(year: number, month: number, day: number, zone: ZoneName): DateTime | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = DateTime.fromObject({ year, month, day }, { zone: lz(zone) });
  return d.isValid ? d : null;
}

// Only chrono's Indonesian parser (the same module as `chrono.id`), loaded on the first text the
// own parser cannot read: the whole package with its 16 locales costs ~14 MB of a start-up that
// never needs it. It is CommonJS too, so `require` keeps the parser synchronous.
type ChronoId = typeof import("chrono-node/id");
let chronoId: ChronoId | null = null;
const loadChronoId = () => (chronoId ??= createRequire(import.meta.url)("chrono-node/id") as ChronoId);

/** chrono.id, only when it read every word and knows the day; null otherwise. */
function chronoFallback(text: string, now: Date, zone: ZoneName, opts: ParseOptions): ParseResult | null {
  const results = loadChronoId().parse(text, { instant: now, timezone: OFFSET_MINUTES[zone] }, { forwardDate: true });
  if (results.length !== 1) return null;
  const r = results[0]!;
  if (r.text.replace(/\s+/g, "") !== text.replace(/\s+/g, "")) return null;
  if (!r.start.isCertain("day")) return null;
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

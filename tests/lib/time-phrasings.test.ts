import { describe, expect, it } from "vitest";
import { parseIndonesianDateTime, type ParseResult, type PrayerAnchor } from "../../src/lib/time.js";

/**
 * How villagers write dates and times, and what the reader must make of each — including what it
 * must refuse or ask about. One table: every row is one phrasing with its expected result.
 *
 * now = Sabtu 28 November 2026, 10.00 WIB. The week: Sen 30 Nov, Sel 1 Des, Rab 2, Kam 3,
 * Jum 4, Sab 5, Min 6, Sen 7. Default prayer times (Lampung): Subuh 05.00, Dzuhur 12.30,
 * Ashar 15.45, Maghrib 18.30, Isya 19.30, Jumatan 13.00.
 */
const NOW = new Date("2026-11-28T10:00:00+07:00");

type Expect =
  /** A time: "yyyy-mm-dd hh:mm" in WIB, or with an explicit offset ("…+08:00"). */
  | string
  | { at: string; anchor: PrayerAnchor }
  /** A day without a time (00:00 of that day). */
  | { day: string; dayPart?: "pagi" | "siang" | "sore" | "malam" | "dini_hari" }
  /** 02.00 or 14.00? Both readings, morning first. */
  | { either: [string, string] }
  | { refuse: "unparsed" | "invalid_date" | "no_time"; unknown?: string[] };

const at = (s: string) => new Date(s.includes("+") ? s.replace(" ", "T") : `${s.replace(" ", "T")}:00+07:00`);

function expected(e: Expect): ParseResult {
  if (typeof e === "string") return { ok: true, date: at(e), hasTime: true };
  if ("at" in e) return { ok: true, date: at(e.at), hasTime: true, anchor: e.anchor };
  if ("day" in e) return { ok: true, date: at(`${e.day} 00:00`), hasTime: false, ...(e.dayPart ? { dayPart: e.dayPart } : {}) };
  if ("either" in e) return { ok: false, reason: "ambiguous_hour", candidates: [at(e.either[0]), at(e.either[1])] };
  return e.unknown ? { ok: false, reason: "unparsed", unknown: e.unknown } : ({ ok: false, reason: e.refuse } as ParseResult);
}

const TABLE: Array<[string, Expect]> = [
  // ---- "malam <hari>" is the evening before that day
  ["malam Jumat", { day: "2026-12-03", dayPart: "malam" }],
  ["malam Jumat jam 8", "2026-12-03 20:00"],
  ["malam Minggu jam 7", "2026-11-28 19:00"],
  ["malam minggu", { day: "2026-11-28", dayPart: "malam" }],
  ["malem minggu jam 8", "2026-11-28 20:00"],
  ["malam Senin jam 19.30", "2026-11-29 19:30"],
  ["malam Jumat depan jam 8", "2026-12-03 20:00"],
  ["malam Minggu depan", { day: "2026-12-05", dayPart: "malam" }],
  ["Jumat malam jam 8", "2026-12-04 20:00"], // "Jumat malam" is Friday evening
  ["jam 7 malam Jumat", "2026-12-03 19:00"],
  ["malam Jumat 3 Desember jam 8", "2026-12-03 20:00"],
  ["malam Jumat 4 Desember jam 8", "2026-12-03 20:00"], // the eve of Friday 4 December
  ["malam Jumat 10 Desember", { day: "2026-12-10", dayPart: "malam" }],
  ["malam Jumat 5 Desember", { refuse: "invalid_date" }], // a Saturday: no Friday's eve
  ["malam Jumat ba'da Isya", { at: "2026-12-03 19:30", anchor: "isya" }],

  // ---- an hour from 1 to 5 without a part of the day: ask
  ["Senin jam 2", { either: ["2026-11-30 02:00", "2026-11-30 14:00"] }],
  ["besok jam 3", { either: ["2026-11-29 03:00", "2026-11-29 15:00"] }],
  ["jam 4", { either: ["2026-11-28 04:00", "2026-11-28 16:00"] }],
  ["lusa jam 1", { either: ["2026-11-30 01:00", "2026-11-30 13:00"] }],
  ["Sabtu jam 2", { either: ["2026-12-05 02:00", "2026-11-28 14:00"] }], // today's 02.00 is gone
  ["besok jam 5.30", { either: ["2026-11-29 05:30", "2026-11-29 17:30"] }],
  ["setengah 3", { either: ["2026-11-28 02:30", "2026-11-28 14:30"] }],
  ["besok setengah 1", { either: ["2026-11-29 00:30", "2026-11-29 12:30"] }],
  ["jam 3 kurang seperempat", { either: ["2026-11-28 02:45", "2026-11-28 14:45"] }],
  ["7/12 jam 2", { either: ["2026-12-07 02:00", "2026-12-07 14:00"] }],
  ["tanggal 15 jam 4", { either: ["2026-12-15 04:00", "2026-12-15 16:00"] }],
  ["besok jam 2.15", { either: ["2026-11-29 02:15", "2026-11-29 14:15"] }],
  // … but not when the writer said which
  ["besok jam 02.00", "2026-11-29 02:00"],
  ["besok 14.00", "2026-11-29 14:00"],
  ["Senin jam 2 siang", "2026-11-30 14:00"],
  ["Senin jam 2 pagi", "2026-11-30 02:00"],
  ["jam 3 sore", "2026-11-28 15:00"],
  ["jam 5 pagi", "2026-11-28 05:00"],
  ["jam 2 dini hari", "2026-11-28 02:00"],
  ["besok 2pm", "2026-11-29 14:00"],
  ["besok jam 9", "2026-11-29 09:00"],
  ["besok jam 6", "2026-11-29 06:00"],
  ["jam 12 siang", "2026-11-28 12:00"],

  // ---- colloquial and Javanese forms
  ["bsk jam 9", "2026-11-29 09:00"],
  ["besuk jam 9 pagi", "2026-11-29 09:00"],
  ["sesuk jam 8", "2026-11-29 08:00"],
  ["lsa jam 10", "2026-11-30 10:00"],
  ["tgl 10 jam 9", "2026-12-10 09:00"],
  ["pkl 13.00", "2026-11-28 13:00"],
  ["bsk pkl 08.00", "2026-11-29 08:00"],
  ["mgg dpn", { day: "2026-12-05" }],
  ["Senin mgg dpn jam 9", "2026-11-30 09:00"],
  ["Senen jam 10", "2026-11-30 10:00"],
  ["Slasa jam 9", "2026-12-01 09:00"],
  ["Rebo jam 13.00", "2026-12-02 13:00"],
  ["Kemis jam 8 malam", "2026-12-03 20:00"],
  ["Jemuah jam 7", "2026-12-04 07:00"],
  ["Setu jam 9", "2026-12-05 09:00"],
  ["Setu jam 19.00", "2026-11-28 19:00"],
  ["Ahad pagi", { day: "2026-11-29", dayPart: "pagi" }],
  ["bsk mlm jam 8", "2026-11-29 20:00"],
  ["nti malam jam 8", "2026-11-28 20:00"],
  ["jam 7an malam", "2026-11-28 19:00"],
  ["tgl 15 bln depan jam 9", "2026-12-15 09:00"],
  ["Jumat jam 1 siang", "2026-12-04 13:00"],
  ["Jum'at jam 13.30", "2026-12-04 13:30"],
  ["rapat bsk jam 9 ya pak", "2026-11-29 09:00"],

  // ---- number words up to 31
  ["tanggal lima belas", { day: "2026-12-15" }],
  ["tanggal lima belas jam sembilan", "2026-12-15 09:00"],
  ["tanggal dua puluh satu Desember jam 10", "2026-12-21 10:00"],
  ["tanggal tiga puluh satu Desember jam 19.00", "2026-12-31 19:00"],
  ["tanggal tiga puluh satu", { day: "2026-12-31" }], // November has no 31st
  ["tanggal sebelas jam delapan pagi", "2026-12-11 08:00"],
  ["tanggal tiga puluh dua", { refuse: "invalid_date" }],
  ["tujuh Desember jam sembilan", "2026-12-07 09:00"],
  ["dua puluh lima Desember 2026 pukul sepuluh", "2026-12-25 10:00"],
  ["jam sepuluh pagi besok", "2026-11-29 10:00"],
  ["jam dua belas siang", "2026-11-28 12:00"],
  ["tiga hari lagi jam sembilan", "2026-12-01 09:00"],
  ["tanggal dua puluh jam tujuh malam", "2026-12-20 19:00"],

  // ---- half past, quarter past, quarter to
  ["setengah 8 malam", "2026-11-28 19:30"],
  ["besok setengah delapan malam", "2026-11-29 19:30"],
  ["jam setengah 10 pagi", "2026-11-28 09:30"],
  ["jam 9 lewat 15", "2026-11-28 09:15"],
  ["besok jam 9 lewat 15", "2026-11-29 09:15"],
  ["jam 9 lebih 10 menit", "2026-11-28 09:10"],
  ["jam 9 lewat seperempat", "2026-11-28 09:15"],
  ["jam 8 kurang seperempat", "2026-11-28 07:45"],
  ["besok jam 8 kurang seperempat malam", "2026-11-29 19:45"],
  ["jam 10 kurang 10", "2026-11-28 09:50"],
  ["jam sembilan lewat tiga puluh", "2026-11-28 09:30"],
  ["Senin jam 7 kurang seperempat malam", "2026-11-30 18:45"],
  ["jam 9 kurang lebih", "2026-11-28 09:00"], // "kurang lebih" = about
  ["jam 9 lewat 75", { refuse: "invalid_date" }],

  // ---- ranges: the start counts, the zone may be written on both ends
  ["pukul 09.00 WIB s.d. 12.00 WIB", "2026-11-28 09:00"],
  ["besok pukul 09.00 WIB s.d. 12.00 WIB", "2026-11-29 09:00"],
  ["Senin 09.00 WITA s.d. 12.00 WITA", "2026-11-30 09:00+08:00"],
  ["besok 09.00-12.00 WIB", "2026-11-29 09:00"],
  ["besok jam 9 sampai jam 12", "2026-11-29 09:00"],
  ["besok jam 9 sampai dengan jam 11", "2026-11-29 09:00"],
  ["besok 19.00 sampai selesai", "2026-11-29 19:00"],
  ["7/12 pukul 08.00 s/d 10.00 WIB", "2026-12-07 08:00"],
  ["besok 09.00 WIB s.d. 12.00 WITA", { refuse: "unparsed" }], // two different zones

  // ---- prayer times (the forum's settings; defaults for Lampung)
  ["besok ba'da Isya", { at: "2026-11-29 19:30", anchor: "isya" }],
  ["Senin ba’da Maghrib", { at: "2026-11-30 18:30", anchor: "maghrib" }],
  ["bada subuh besok", { at: "2026-11-29 05:00", anchor: "subuh" }],
  ["habis Jumatan", { at: "2026-12-04 13:00", anchor: "jumatan" }],
  ["Jumat habis Jumatan", { at: "2026-12-04 13:00", anchor: "jumatan" }],
  ["ba'da Jumat", { at: "2026-12-04 13:00", anchor: "jumatan" }],
  ["setelah sholat Dzuhur", { at: "2026-11-28 12:30", anchor: "dzuhur" }],
  ["selesai sholat Ashar besok", { at: "2026-11-29 15:45", anchor: "ashar" }],
  ["habis maghrib", { at: "2026-11-28 18:30", anchor: "maghrib" }],
  ["besok bakda zuhur", { at: "2026-11-29 12:30", anchor: "dzuhur" }],
  ["lusa sehabis sholat isya", { at: "2026-11-30 19:30", anchor: "isya" }],
  ["Kamis habis Jumatan", { refuse: "invalid_date" }], // Jumatan is on Fridays
  ["ba'da Isya jam 8", { refuse: "unparsed" }], // two different times

  // ---- words the reader does not know are refused, never turned into "today"
  ["besok jam 9 di balai desa", { refuse: "unparsed", unknown: ["balai", "desa"] }],
  ["abc", { refuse: "unparsed", unknown: ["abc"] }],
  ["secepatnya", { refuse: "unparsed", unknown: ["secepatnya"] }],
  ["kapan-kapan", { refuse: "unparsed", unknown: ["kapan"] }],
  ["Senin yang akan datang", { refuse: "unparsed", unknown: ["yang", "akan", "datang"] }],
  ["besok atau lusa", { refuse: "unparsed", unknown: ["atau"] }],
  ["hari raya", { refuse: "unparsed", unknown: ["raya"] }],
  ["Desember", { refuse: "unparsed", unknown: ["desember"] }],
  ["tahun depan", { refuse: "unparsed", unknown: ["depan"] }],
  ["akhir bulan", { refuse: "unparsed", unknown: ["akhir", "bulan"] }],
  ["segera setelah panen", { refuse: "unparsed", unknown: ["segera", "setelah", "panen"] }],
  ["besok pagi-pagi sekali", { refuse: "unparsed", unknown: ["sekali"] }],
  ["besok 9", { refuse: "unparsed" }], // a bare number: which one?
  ["jam 9 123", { refuse: "unparsed" }],
  ["", { refuse: "unparsed" }],
  ["minggu ini", { refuse: "unparsed" }],
  ["besok jam 9 dan lusa", { refuse: "unparsed" }],
  ["Senin tgl 1 jam 9", { refuse: "invalid_date" }], // 1 December is a Tuesday
  ["31/02 jam 9", { refuse: "invalid_date" }],
  ["jam 25", { refuse: "invalid_date" }],

  // ---- what chrono reads when it reads every word and knows the day
  ["2 hari yang lalu", { day: "2026-11-26" }],
  ["sekarang", "2026-11-28 10:00"],

  // ---- zones and the forms people copy from letters
  ["besok 09.00 WITA", "2026-11-29 09:00+08:00"],
  ["Rabu jam 10 WIT", "2026-12-02 10:00+09:00"],
  ["Senin, 7 Desember 2026 pukul 09.00 WIB", "2026-12-07 09:00"],
  ["Sen 7 Des, 09.00", "2026-12-07 09:00"],
  ["7 Desember 2026 pukul 09.00 insyaallah", "2026-12-07 09:00"],
  ["Kamis 3/12 jam 19.30", "2026-12-03 19:30"],
  ["hari Senin tanggal 7 Desember 2026 jam 09.00 WIB", "2026-12-07 09:00"],
];

describe("how villagers write dates (now = Sabtu 28 Nov 2026 10.00 WIB)", () => {
  it("has at least 100 phrasings, refusals included", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(100);
    expect(TABLE.filter(([, e]) => typeof e === "object" && "refuse" in e).length).toBeGreaterThanOrEqual(20);
    expect(new Set(TABLE.map(([t]) => t)).size).toBe(TABLE.length);
  });

  it.each(TABLE)("%j", (text, e) => {
    expect(parseIndonesianDateTime(text, NOW, "Asia/Jakarta")).toEqual(expected(e));
  });
});

describe("options", () => {
  it("reads prayer anchors with the forum's own times", () => {
    const r = parseIndonesianDateTime("besok ba'da Isya", NOW, "Asia/Jakarta", { prayerTimes: { isya: "20:00" } });
    expect(r).toEqual({ ok: true, date: at("2026-11-29 20:00"), hasTime: true, anchor: "isya" });
    // a broken setting falls back to the default rather than to midnight
    const bad = parseIndonesianDateTime("besok ba'da Isya", NOW, "Asia/Jakarta", { prayerTimes: { isya: "25:99" } });
    expect(bad).toEqual({ ok: true, date: at("2026-11-29 19:30"), hasTime: true, anchor: "isya" });
  });

  it("asks for a time when one is required, also for the eve of a day", () => {
    expect(parseIndonesianDateTime("malam Jumat", NOW, "Asia/Jakarta", { requireTime: true })).toEqual({ ok: false, reason: "no_time" });
    expect(parseIndonesianDateTime("tanggal lima belas", NOW, "Asia/Jakarta", { requireTime: true })).toEqual({ ok: false, reason: "no_time" });
  });

  it("keeps an ambiguous hour ambiguous in every zone", () => {
    const r = parseIndonesianDateTime("besok jam 3", NOW, "Asia/Jayapura");
    expect(r).toEqual({ ok: false, reason: "ambiguous_hour", candidates: [at("2026-11-29 03:00+09:00"), at("2026-11-29 15:00+09:00")] });
  });
});

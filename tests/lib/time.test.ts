import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  dateInZone,
  describeRecurrence,
  formatDate,
  formatDateTimeLong,
  formatDateTimeShort,
  formatTime,
  nextOccurrences,
  parseIndonesianDateTime,
  startOfDayInZone,
  zoneLabel,
  zonedParts,
  type Recurrence,
  type ZoneName,
} from "../../src/lib/time.js";

// Saturday 28 November 2026, 10.00 WIB
const NOW = new Date("2026-11-28T10:00:00+07:00");
const wib = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);
const iso = (d: Date) => d.toISOString();

describe("zones and formats", () => {
  const d = wib("2026-12-07 09:00");

  it("labels zones", () => {
    expect(zoneLabel("Asia/Jakarta")).toBe("WIB");
    expect(zoneLabel("Asia/Makassar")).toBe("WITA");
    expect(zoneLabel("Asia/Jayapura")).toBe("WIT");
  });

  it("formats long, short, date and time in Indonesian and English", () => {
    expect(formatDateTimeLong(d, "Asia/Jakarta")).toBe("Senin, 7 Desember 2026 pukul 09.00 WIB");
    expect(formatDateTimeLong(d, "Asia/Jakarta", "en")).toBe("Monday, 7 December 2026 at 09:00 WIB");
    expect(formatDateTimeShort(d, "Asia/Jakarta")).toBe("Sen 7 Des, 09.00");
    expect(formatDateTimeShort(d, "Asia/Jakarta", "en")).toBe("Mon 7 Dec, 09:00");
    expect(formatDate(d, "Asia/Jakarta")).toBe("Senin, 7 Desember 2026");
    expect(formatDate(d, "Asia/Jakarta", "en")).toBe("Monday, 7 December 2026");
    expect(formatTime(d, "Asia/Jakarta")).toBe("09.00");
  });

  it("shows the same instant in WITA and WIT, crossing midnight", () => {
    expect(formatDateTimeLong(d, "Asia/Makassar")).toBe("Senin, 7 Desember 2026 pukul 10.00 WITA");
    expect(formatDateTimeLong(d, "Asia/Jayapura")).toBe("Senin, 7 Desember 2026 pukul 11.00 WIT");
    const late = wib("2026-12-31 23:30");
    expect(formatDateTimeLong(late, "Asia/Jayapura")).toBe("Jumat, 1 Januari 2027 pukul 01.30 WIT");
    expect(formatDateTimeShort(wib("2026-05-03 07:05"), "Asia/Jakarta")).toBe("Min 3 Mei, 07.05");
  });

  it("zonedParts, dateInZone and startOfDayInZone", () => {
    expect(zonedParts(d, "Asia/Jayapura")).toEqual({ year: 2026, month: 12, day: 7, hour: 11, minute: 0, second: 0, weekday: 1 });
    expect(iso(dateInZone({ year: 2026, month: 12, day: 7, hour: 9 }, "Asia/Makassar")!)).toBe("2026-12-07T01:00:00.000Z");
    expect(dateInZone({ year: 2027, month: 2, day: 31 }, "Asia/Jakarta")).toBeNull();
    expect(iso(startOfDayInZone(wib("2026-12-07 03:00"), "Asia/Jakarta"))).toBe("2026-12-06T17:00:00.000Z");
    // 03.00 WIB is already 05.00 WIT on the same day
    expect(iso(startOfDayInZone(wib("2026-12-07 03:00"), "Asia/Jayapura"))).toBe("2026-12-06T15:00:00.000Z");
  });

  it("adds working days, skipping weekends and keeping the time", () => {
    const fri = wib("2026-12-04 10:00");
    expect(addWorkingDays(fri, 1, "Asia/Jakarta")).toEqual(wib("2026-12-07 10:00"));
    expect(addWorkingDays(fri, 3, "Asia/Jakarta")).toEqual(wib("2026-12-09 10:00"));
    expect(addWorkingDays(NOW, 1, "Asia/Jakarta")).toEqual(wib("2026-11-30 10:00")); // Saturday + 1
    expect(addWorkingDays(NOW, 3, "Asia/Jakarta")).toEqual(wib("2026-12-02 10:00"));
    expect(addWorkingDays(NOW, 0, "Asia/Jakarta")).toEqual(NOW);
    expect(addWorkingDays(wib("2026-12-07 10:00"), -1, "Asia/Jakarta")).toEqual(fri);
    expect(addWorkingDays(fri, 10, "Asia/Jakarta")).toEqual(wib("2026-12-18 10:00"));
  });
});

type Expect = [text: string, at: string, hasTime: boolean, extra?: Record<string, unknown>];

// Expected wall-clock times are WIB ("yyyy-mm-dd hh:mm"), relative to NOW.
const ACCEPTED: Expect[] = [
  ["besok 09.00", "2026-11-29 09:00", true],
  ["besok jam 9 pagi", "2026-11-29 09:00", true],
  ["Besok jam 9", "2026-11-29 09:00", true],
  ["Senin 14:00", "2026-11-30 14:00", true],
  ["Senin depan jam 19.00", "2026-11-30 19:00", true],
  ["lusa jam 8 pagi", "2026-11-30 08:00", true],
  ["3 hari lagi jam 10", "2026-12-01 10:00", true],
  ["25/12/2026 19.30", "2026-12-25 19:30", true],
  ["25-12-2026 19:30", "2026-12-25 19:30", true],
  ["25.12.2026 pukul 19.00", "2026-12-25 19:00", true],
  ["07/12/26 09.00", "2026-12-07 09:00", true],
  ["5/12 09.00", "2026-12-05 09:00", true],
  ["5/11 09.00", "2027-11-05 09:00", true], // already past this year → next year
  ["31/12 23.59", "2026-12-31 23:59", true],
  ["7 Desember 2026 pukul 09.00", "2026-12-07 09:00", true],
  ["7 Des 09.00", "2026-12-07 09:00", true],
  ["1 Des 2026 jam 9 pagi", "2026-12-01 09:00", true],
  ["1 Januari 2027 jam 00.00", "2027-01-01 00:00", true],
  ["29/02/2028 10.00", "2028-02-29 10:00", true],
  ["hari ini jam 15.00", "2026-11-28 15:00", true],
  ["nanti malam jam 8", "2026-11-28 20:00", true],
  ["jam 7 malam", "2026-11-28 19:00", true],
  ["pukul 13.30", "2026-11-28 13:30", true],
  ["sore jam 4", "2026-11-28 16:00", true],
  ["jam 12 siang", "2026-11-28 12:00", true],
  ["besok jam 1 siang", "2026-11-29 13:00", true],
  ["Rabu jam 3 sore", "2026-12-02 15:00", true],
  ["Kamis malam jam 7.30", "2026-12-03 19:30", true],
  ["jam setengah 8 malam", "2026-11-28 19:30", true],
  ["jam 12 malam", "2026-11-29 00:00", true],
  ["Jumat pagi", "2026-12-04 00:00", false, { dayPart: "pagi" }],
  ["besok pagi", "2026-11-29 00:00", false, { dayPart: "pagi" }],
  ["besok", "2026-11-29 00:00", false],
  ["minggu depan", "2026-12-05 00:00", false],
  ["seminggu lagi", "2026-12-05 00:00", false],
  ["bulan depan", "2026-12-28 00:00", false],
  ["Selasa, 1 Desember 2026", "2026-12-01 00:00", false],
  ["tanggal 10 jam 9", "2026-12-10 09:00", true],
  ["tgl 5 jam 14", "2026-12-05 14:00", true], // the 5th has passed this month
  ["tanggal 28 jam 15", "2026-11-28 15:00", true],
  ["tanggal 10 bulan depan jam 9", "2026-12-10 09:00", true],
  ["2026-12-25 09:00", "2026-12-25 09:00", true],
  ["2026-12-25T09:00", "2026-12-25 09:00", true],
  ["tomorrow 9am", "2026-11-29 09:00", true],
  ["tomorrow at 7:30 pm", "2026-11-29 19:30", true],
  ["next monday 10am", "2026-11-30 10:00", true],
  ["tonight 8pm", "2026-11-28 20:00", true],
  ["December 7 2026 9:00", "2026-12-07 09:00", true],
  ["Sabtu 14.00", "2026-11-28 14:00", true], // today, still ahead
  ["Sabtu 09.00", "2026-12-05 09:00", true], // today's has passed → next Saturday
  ["Sabtu jam 10", "2026-12-05 10:00", true], // exactly now → next week
  ["Sabtu depan 10.00", "2026-12-05 10:00", true],
  ["Jumat depan jam 13.00", "2026-12-04 13:00", true],
  ["hari Minggu jam 8", "2026-11-29 08:00", true],
  ["Minggu 08.00", "2026-11-29 08:00", true],
  ["hari Minggu depan jam 8", "2026-12-06 08:00", true],
  ["Senin, 7 Desember 2026 pukul 09.00 WIB", "2026-12-07 09:00", true], // our own long format
  ["Sen 7 Des, 09.00", "2026-12-07 09:00", true], // our own short format
  ["dua hari lagi jam sembilan pagi", "2026-11-30 09:00", true],
  ["pukul 09.00 - 11.00", "2026-11-28 09:00", true],
  ["besok jam 9 s/d 12", "2026-11-29 09:00", true],
  ["rapat besok 19.00 WIB ya", "2026-11-29 19:00", true],
  ["2 jam lagi", "2026-11-28 12:00", true],
  ["30 menit lagi", "2026-11-28 10:30", true],
  ["  BESOK   JAM 9.  ", "2026-11-29 09:00", true],
  ["Jum'at jam 13.30", "2026-12-04 13:30", true],
  ["Senin tgl 30 jam 9", "2026-11-30 09:00", true],
  ["9 pagi besok", "2026-11-29 09:00", true],
  ["besok 7.30 malam", "2026-11-29 19:30", true],
  ["jam 0900", "2026-11-28 09:00", true],
  ["Rabu, 2/12/2026 pk. 08.30", "2026-12-02 08:30", true],
  ["2 minggu lagi", "2026-12-12 00:00", false],
  ["dalam 3 hari", "2026-12-01 00:00", false],
];

describe("parseIndonesianDateTime (now = Sabtu 28 Nov 2026 10.00 WIB)", () => {
  it.each(ACCEPTED)("%s", (text, at, hasTime, extra) => {
    const r = parseIndonesianDateTime(text, NOW, "Asia/Jakarta");
    expect(r).toEqual({ ok: true, date: wib(at), hasTime, ...(extra ?? {}) });
  });

  it("has a large table", () => {
    expect(ACCEPTED.length).toBeGreaterThanOrEqual(45);
  });

  const REJECTED: Array<[string, "unparsed" | "invalid_date"]> = [
    ["31/02", "invalid_date"],
    ["31/02/2027", "invalid_date"],
    ["29/02/2027 10.00", "invalid_date"],
    ["32/12/2026", "invalid_date"],
    ["13/13/2026", "invalid_date"],
    ["30 Februari", "invalid_date"],
    ["31 April 2027 jam 9", "invalid_date"],
    ["jam 25", "invalid_date"],
    ["besok 09.75", "invalid_date"],
    ["13pm", "invalid_date"],
    ["tanggal 32", "invalid_date"],
    ["Selasa, 7 Desember 2026", "invalid_date"], // 7 Dec 2026 is a Monday
    ["kemarin lusa besok", "unparsed"],
    ["besok atau lusa", "unparsed"],
    ["besok 09.00 atau 10.00", "unparsed"],
    ["besok jam 9 123", "unparsed"],
    ["", "unparsed"],
    ["   ", "unparsed"],
    ["abc", "unparsed"],
    ["secepatnya", "unparsed"],
    ["besok 9", "unparsed"], // a bare number: ask again rather than guess
    ["Senin tgl 1 jam 9", "invalid_date"], // 1 Dec 2026 is a Tuesday
  ];
  it.each(REJECTED)("rejects %j (%s)", (text, reason) => {
    // Unknown words are listed too (see time-phrasings.test.ts); here only the reason matters.
    expect(parseIndonesianDateTime(text, NOW, "Asia/Jakarta")).toMatchObject({ ok: false, reason });
  });

  it("reports no_time when a time is required", () => {
    expect(parseIndonesianDateTime("besok", NOW, "Asia/Jakarta", { requireTime: true })).toEqual({ ok: false, reason: "no_time" });
    expect(parseIndonesianDateTime("besok jam 9", NOW, "Asia/Jakarta", { requireTime: true }).ok).toBe(true);
  });

  it("interprets wall-clock times in WITA and WIT", () => {
    const cases: Array<[ZoneName, string, string]> = [
      ["Asia/Jakarta", "besok 09.00", "2026-11-29T02:00:00.000Z"],
      ["Asia/Makassar", "besok 09.00", "2026-11-29T01:00:00.000Z"],
      ["Asia/Jayapura", "besok 09.00", "2026-11-29T00:00:00.000Z"],
      ["Asia/Jayapura", "hari ini jam 15", "2026-11-28T06:00:00.000Z"],
      ["Asia/Makassar", "7 Desember 2026 pukul 09.00", "2026-12-07T01:00:00.000Z"],
      ["Asia/Jayapura", "25/12/2026 19.30", "2026-12-25T10:30:00.000Z"],
    ];
    for (const [zone, text, expected] of cases) {
      const r = parseIndonesianDateTime(text, NOW, zone);
      expect(r.ok && iso(r.date), `${zone} ${text}`).toBe(expected);
    }
  });

  it("uses the zone written in the text", () => {
    const r = parseIndonesianDateTime("besok pukul 09.00 WITA", NOW, "Asia/Jakarta");
    expect(r.ok && iso(r.date)).toBe("2026-11-29T01:00:00.000Z");
    const w = parseIndonesianDateTime("besok 09.00 WIT", NOW, "Asia/Jakarta");
    expect(w.ok && iso(w.date)).toBe("2026-11-29T00:00:00.000Z");
  });

  it("decides 'today' in the forum's zone, not in UTC or WIB", () => {
    // 23.30 WIB on Saturday is already 01.30 on Sunday in WIT
    const lateNow = new Date("2026-11-28T23:30:00+07:00");
    const wit = parseIndonesianDateTime("besok jam 8", lateNow, "Asia/Jayapura");
    expect(wit.ok && iso(wit.date)).toBe(new Date("2026-11-30T08:00:00+09:00").toISOString());
    const wibR = parseIndonesianDateTime("besok jam 8", lateNow, "Asia/Jakarta");
    expect(wibR.ok && iso(wibR.date)).toBe(new Date("2026-11-29T08:00:00+07:00").toISOString());
    // Sunday in WIT: "Minggu 09.00" is today there
    const sun = parseIndonesianDateTime("Minggu 09.00", lateNow, "Asia/Jayapura");
    expect(sun.ok && iso(sun.date)).toBe(new Date("2026-11-29T09:00:00+09:00").toISOString());
  });

  it("does not judge past-ness except for weekdays", () => {
    const r = parseIndonesianDateTime("pukul 08.00", NOW, "Asia/Jakarta");
    expect(r).toEqual({ ok: true, date: wib("2026-11-28 08:00"), hasTime: true });
    const y = parseIndonesianDateTime("kemarin jam 9", NOW, "Asia/Jakarta");
    expect(y).toEqual({ ok: true, date: wib("2026-11-27 09:00"), hasTime: true });
  });

  it("round-trips its own formats in every zone", () => {
    const d = new Date("2027-03-01T01:15:00Z");
    for (const zone of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as ZoneName[]) {
      const r = parseIndonesianDateTime(formatDateTimeLong(d, zone), NOW, zone);
      expect(r.ok && iso(r.date)).toBe(iso(d));
    }
  });
});

describe("recurrence", () => {
  const Z: ZoneName = "Asia/Jakarta";
  const list = (ds: Date[], zone: ZoneName = Z) => ds.map((d) => formatDateTimeShort(d, zone));

  it("weekly keeps weekday and wall-clock time", () => {
    const first = wib("2026-11-30 19:00");
    expect(list(nextOccurrences(first, { kind: "weekly", weekday: 1 }, Z, 3))).toEqual([
      "Sen 30 Nov, 19.00",
      "Sen 7 Des, 19.00",
      "Sen 14 Des, 19.00",
    ]);
    // starting on another day: the first Monday after it
    expect(list(nextOccurrences(wib("2026-11-28 19:00"), { kind: "weekly", weekday: 1 }, Z, 1))).toEqual(["Sen 30 Nov, 19.00"]);
  });

  it("weekly with 'after' skips earlier occurrences", () => {
    const first = wib("2026-11-30 19:00");
    const rule: Recurrence = { kind: "weekly", weekday: 1 };
    expect(list(nextOccurrences(first, rule, Z, 2, wib("2026-12-08 00:00")))).toEqual(["Sen 14 Des, 19.00", "Sen 21 Des, 19.00"]);
    // an occurrence exactly at `after` is excluded; one later that day is included
    expect(list(nextOccurrences(first, rule, Z, 1, wib("2026-12-07 19:00")))).toEqual(["Sen 14 Des, 19.00"]);
    expect(list(nextOccurrences(first, rule, Z, 1, wib("2026-12-07 18:59")))).toEqual(["Sen 7 Des, 19.00"]);
  });

  it("weekly in WIT keeps the local Monday although it is Sunday in UTC", () => {
    const first = new Date("2026-11-30T07:00:00+09:00"); // = 2026-11-29T22:00Z
    const ds = nextOccurrences(first, { kind: "weekly", weekday: 1 }, "Asia/Jayapura", 3);
    expect(list(ds, "Asia/Jayapura")).toEqual(["Sen 30 Nov, 07.00", "Sen 7 Des, 07.00", "Sen 14 Des, 07.00"]);
    expect(ds.map((d) => d.getUTCDay())).toEqual([0, 0, 0]);
  });

  it("first Monday of the month across month and year boundaries", () => {
    const first = wib("2026-12-07 09:00");
    const ds = nextOccurrences(first, { kind: "monthly_weekday", weekday: 1, nth: 1 }, Z, 5);
    expect(list(ds)).toEqual([
      "Sen 7 Des, 09.00",
      "Sen 4 Jan, 09.00",
      "Sen 1 Feb, 09.00",
      "Sen 1 Mar, 09.00",
      "Sen 5 Apr, 09.00",
    ]);
    expect(ds[1].getUTCFullYear()).toBe(2027);
    // from a date after the first Monday of November: next is December
    expect(list(nextOccurrences(wib("2026-11-10 09:00"), { kind: "monthly_weekday", weekday: 1, nth: 1 }, Z, 1))).toEqual([
      "Sen 7 Des, 09.00",
    ]);
  });

  it("third Wednesday and last Monday", () => {
    expect(list(nextOccurrences(wib("2026-11-28 13:00"), { kind: "monthly_weekday", weekday: 3, nth: 3 }, Z, 3))).toEqual([
      "Rab 16 Des, 13.00",
      "Rab 20 Jan, 13.00",
      "Rab 17 Feb, 13.00",
    ]);
    expect(list(nextOccurrences(wib("2026-11-28 13:00"), { kind: "monthly_weekday", weekday: 1, nth: -1 }, Z, 4))).toEqual([
      "Sen 30 Nov, 13.00",
      "Sen 28 Des, 13.00",
      "Sen 25 Jan, 13.00",
      "Sen 22 Feb, 13.00",
    ]);
  });

  it("monthly on the 31st clamps to the last day of shorter months", () => {
    const ds = nextOccurrences(wib("2027-01-31 10:00"), { kind: "monthly_date", day: 31 }, Z, 4);
    expect(list(ds)).toEqual(["Min 31 Jan, 10.00", "Min 28 Feb, 10.00", "Rab 31 Mar, 10.00", "Jum 30 Apr, 10.00"]);
    const leap = nextOccurrences(wib("2028-01-30 10:00"), { kind: "monthly_date", day: 30 }, Z, 2);
    expect(list(leap)).toEqual(["Min 30 Jan, 10.00", "Sel 29 Feb, 10.00"]);
  });

  it("monthly on the 15th, in WITA", () => {
    const first = new Date("2026-12-15T08:30:00+08:00");
    const ds = nextOccurrences(first, { kind: "monthly_date", day: 15 }, "Asia/Makassar", 3, new Date("2027-01-20T00:00:00Z"));
    expect(ds.map(iso)).toEqual([
      "2027-02-15T00:30:00.000Z",
      "2027-03-15T00:30:00.000Z",
      "2027-04-15T00:30:00.000Z",
    ]);
  });

  it("returns nothing for count 0 and is fast for far 'after'", () => {
    expect(nextOccurrences(NOW, { kind: "weekly", weekday: 1 }, Z, 0)).toEqual([]);
    const far = nextOccurrences(NOW, { kind: "monthly_date", day: 1 }, Z, 1, wib("2036-06-15 00:00"));
    expect(list(far)).toEqual(["Sel 1 Jul, 10.00"]);
  });

  it("describes rules", () => {
    expect(describeRecurrence({ kind: "weekly", weekday: 1 }, "id")).toBe("setiap Senin");
    expect(describeRecurrence({ kind: "monthly_weekday", weekday: 1, nth: 1 }, "id")).toBe("setiap Senin pertama tiap bulan");
    expect(describeRecurrence({ kind: "monthly_weekday", weekday: 5, nth: 2 }, "id")).toBe("setiap Jumat kedua tiap bulan");
    expect(describeRecurrence({ kind: "monthly_weekday", weekday: 1, nth: -1 }, "id")).toBe("setiap Senin terakhir tiap bulan");
    expect(describeRecurrence({ kind: "monthly_date", day: 15 }, "id")).toBe("setiap tanggal 15 tiap bulan");
    expect(describeRecurrence({ kind: "weekly", weekday: 7 }, "en")).toBe("every Sunday");
    expect(describeRecurrence({ kind: "monthly_weekday", weekday: 1, nth: -1 }, "en")).toBe("every last Monday of the month");
    expect(describeRecurrence({ kind: "monthly_date", day: 22 }, "en")).toBe("on the 22nd of every month");
  });
});

import { describe, expect, it } from "vitest";
import { HOLIDAY_SOURCES, HolidayCalendar, NATIONAL_HOLIDAYS } from "../../src/lib/holidays.js";
import { addWorkingDays, dateInZone, isWorkingDay, onWorkingDay, weekdayName, zonedParts } from "../../src/lib/time.js";

const wib = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);
const dayName = (ymd: string) => weekdayName(zonedParts(wib(`${ymd} 12:00`), "Asia/Jakarta").weekday);

/** Gregorian Easter Sunday (anonymous Gregorian algorithm), to check the Easter-based dates. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
const plusDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("national holidays and cuti bersama", () => {
  it("2026 is the SKB's full list: 17 hari libur nasional and 8 hari cuti bersama, on the weekdays it names", () => {
    const y2026 = NATIONAL_HOLIDAYS.filter((x) => x.date.startsWith("2026-"));
    expect(y2026.filter((x) => x.kind === "nasional")).toHaveLength(17);
    expect(y2026.filter((x) => x.kind === "cuti_bersama")).toHaveLength(8);
    expect(HOLIDAY_SOURCES[2026]!.complete).toBe(true);
    // weekdays as the SKB's announcement lists them
    expect(dayName("2026-01-16")).toBe("Jumat"); // Isra Mikraj
    expect(dayName("2026-02-16")).toBe("Senin"); // cuti bersama Imlek
    expect(dayName("2026-03-21")).toBe("Sabtu"); // Idulfitri
    expect(dayName("2026-05-28")).toBe("Kamis"); // cuti bersama Iduladha
    expect(dayName("2026-08-17")).toBe("Senin");
    expect(dayName("2026-12-24")).toBe("Kamis"); // cuti bersama Natal
  });

  it("every date exists, appears once, and is sorted by year", () => {
    const dates = NATIONAL_HOLIDAYS.map((x) => x.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of dates) {
      const [y, m, day] = d.split("-").map(Number) as [number, number, number];
      expect(dateInZone({ year: y, month: m, day }, "Asia/Jakarta"), d).not.toBeNull();
    }
  });

  it("2027 holds only what is certain without its SKB: fixed dates and the days that follow Easter", () => {
    expect(HOLIDAY_SOURCES[2027]!.complete).toBe(false);
    const y2027 = NATIONAL_HOLIDAYS.filter((x) => x.date.startsWith("2027-"));
    expect(y2027.every((x) => x.kind === "nasional")).toBe(true);
    const e = easter(2027);
    expect(e).toBe("2027-03-28");
    expect(easter(2026)).toBe("2026-04-05"); // the SKB 2026's Paskah: the algorithm agrees
    expect(y2027.map((x) => x.date)).toEqual(
      expect.arrayContaining(["2027-01-01", plusDays(e, -2), e, "2027-05-01", plusDays(e, 39), "2027-06-01", "2027-08-17", "2027-12-25"]),
    );
    expect(y2027).toHaveLength(8);
  });
});

describe("working days", () => {
  it("Lebaran 2026: Tuesday 17 March + 1 working day is Wednesday 25 March", () => {
    // 18 cuti Nyepi, 19 Nyepi, 20 cuti, 21–22 Idulfitri (weekend), 23–24 cuti
    expect(addWorkingDays(wib("2026-03-17 10:00"), 1, "Asia/Jakarta")).toEqual(wib("2026-03-25 10:00"));
    expect(addWorkingDays(wib("2026-03-25 10:00"), -1, "Asia/Jakarta")).toEqual(wib("2026-03-17 10:00"));
  });

  it("local holidays count too; a national one keeps its name", () => {
    const cal = new HolidayCalendar([
      { date: "2026-12-02", name: "HUT Kampung", kind: "lokal" },
      { date: "2026-12-25", name: "Natal di kampung", kind: "lokal" },
    ]);
    expect(addWorkingDays(wib("2026-11-30 09:00"), 3, "Asia/Jakarta", cal)).toEqual(wib("2026-12-04 09:00"));
    expect(cal.holidayOn("2026-12-25")!.name).toBe("Kelahiran Yesus Kristus");
    expect(isWorkingDay(wib("2026-12-02 09:00"), "Asia/Jakarta", cal)).toBe(false);
    expect(isWorkingDay(wib("2026-12-02 09:00"), "Asia/Jakarta")).toBe(true);
    expect(onWorkingDay(wib("2026-12-24 09:00"), "Asia/Jakarta")).toEqual(wib("2026-12-28 09:00"));
    expect(onWorkingDay(wib("2026-12-23 09:00"), "Asia/Jakarta")).toEqual(wib("2026-12-23 09:00"));
  });

  it("a holiday is the local day of the forum's zone: 23.30 WIB on 31 Dec is already 1 Jan in WIT", () => {
    const late = wib("2026-12-31 23:30");
    expect(isWorkingDay(late, "Asia/Jakarta")).toBe(true);
    expect(isWorkingDay(late, "Asia/Jayapura")).toBe(false);
  });
});

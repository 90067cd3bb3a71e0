/**
 * Days on which a kantor desa / kecamatan does not work: national holidays and cuti bersama as
 * set each year by the SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB),
 * plus local holidays a forum adds itself (a village anniversary, a regional holiday).
 *
 * Dates are wall-clock days ("yyyy-mm-dd") with no zone: a holiday is the whole local day in the
 * forum's zone.
 */

export type HolidayKind = "nasional" | "cuti_bersama" | "lokal";

export interface Holiday {
  /** "2026-12-25" */
  date: string;
  name: string;
  kind: HolidayKind;
}

/**
 * 2026 — SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025,
 * Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026,
 * signed 19 September 2025: 17 hari libur nasional and 8 hari cuti bersama. Dates as listed in
 * the reports of the SKB (okezone.com 14 Jan 2026, garuda.tv, kontan.co.id); the two lists agree
 * day by day and add up to the 17 + 8 the SKB announces.
 */
const SKB_2026: Holiday[] = [
  { date: "2026-01-01", name: "Tahun Baru 2026 Masehi", kind: "nasional" },
  { date: "2026-01-16", name: "Isra Mikraj Nabi Muhammad SAW", kind: "nasional" },
  { date: "2026-02-16", name: "Cuti bersama Tahun Baru Imlek", kind: "cuti_bersama" },
  { date: "2026-02-17", name: "Tahun Baru Imlek 2577 Kongzili", kind: "nasional" },
  { date: "2026-03-18", name: "Cuti bersama Hari Suci Nyepi", kind: "cuti_bersama" },
  { date: "2026-03-19", name: "Hari Suci Nyepi (Tahun Baru Saka 1948)", kind: "nasional" },
  { date: "2026-03-20", name: "Cuti bersama Idulfitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-03-21", name: "Idulfitri 1447 H", kind: "nasional" },
  { date: "2026-03-22", name: "Idulfitri 1447 H", kind: "nasional" },
  { date: "2026-03-23", name: "Cuti bersama Idulfitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-03-24", name: "Cuti bersama Idulfitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-04-03", name: "Wafat Yesus Kristus", kind: "nasional" },
  { date: "2026-04-05", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "nasional" },
  { date: "2026-05-01", name: "Hari Buruh Internasional", kind: "nasional" },
  { date: "2026-05-14", name: "Kenaikan Yesus Kristus", kind: "nasional" },
  { date: "2026-05-15", name: "Cuti bersama Kenaikan Yesus Kristus", kind: "cuti_bersama" },
  { date: "2026-05-27", name: "Iduladha 1447 H", kind: "nasional" },
  { date: "2026-05-28", name: "Cuti bersama Iduladha 1447 H", kind: "cuti_bersama" },
  { date: "2026-05-31", name: "Hari Raya Waisak 2570 BE", kind: "nasional" },
  { date: "2026-06-01", name: "Hari Lahir Pancasila", kind: "nasional" },
  { date: "2026-06-16", name: "Tahun Baru Islam 1448 H", kind: "nasional" },
  { date: "2026-08-17", name: "Hari Proklamasi Kemerdekaan RI", kind: "nasional" },
  { date: "2026-08-25", name: "Maulid Nabi Muhammad SAW", kind: "nasional" },
  { date: "2026-12-24", name: "Cuti bersama Kelahiran Yesus Kristus", kind: "cuti_bersama" },
  { date: "2026-12-25", name: "Kelahiran Yesus Kristus", kind: "nasional" },
];

/**
 * 2027 — the SKB for 2027 could not be found (searched for it when this was written, at the end of
 * 2026). Only what is certain without it is listed: the holidays Keppres Nomor 8 Tahun 2024 puts on
 * fixed dates, and the three that follow Easter, which the Gregorian computus fixes (Easter Sunday
 * 28 March 2027). Imlek, Isra Mikraj, Nyepi, Idulfitri, Waisak, Iduladha, Tahun Baru Islam,
 * Maulid and every cuti bersama of 2027 are NOT here: add them from the SKB when it is published
 * (forum admins can add them meanwhile as local holidays with /kalender).
 */
const CERTAIN_2027: Holiday[] = [
  { date: "2027-01-01", name: "Tahun Baru 2027 Masehi", kind: "nasional" },
  { date: "2027-03-26", name: "Wafat Yesus Kristus", kind: "nasional" },
  { date: "2027-03-28", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "nasional" },
  { date: "2027-05-01", name: "Hari Buruh Internasional", kind: "nasional" },
  { date: "2027-05-06", name: "Kenaikan Yesus Kristus", kind: "nasional" },
  { date: "2027-06-01", name: "Hari Lahir Pancasila", kind: "nasional" },
  { date: "2027-08-17", name: "Hari Proklamasi Kemerdekaan RI", kind: "nasional" },
  { date: "2027-12-25", name: "Kelahiran Yesus Kristus", kind: "nasional" },
];

export const NATIONAL_HOLIDAYS: readonly Holiday[] = [...SKB_2026, ...CERTAIN_2027];

/** Where each year's data comes from, and whether it is the full SKB list. */
export const HOLIDAY_SOURCES: Readonly<Record<number, { source: string; complete: boolean }>> = {
  2026: { source: "SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025 (19 September 2025)", complete: true },
  2027: { source: "Keppres No. 8/2024 (tanggal tetap dan Paskah); SKB 2027 belum dimuat", complete: false },
};

export const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Answers whether a wall-clock day is a day off, and which one. */
export interface HolidayLookup {
  holidayOn(ymd: string): Holiday | null;
}

export class HolidayCalendar implements HolidayLookup {
  private readonly byDate = new Map<string, Holiday>();

  constructor(local: readonly Holiday[] = [], national: readonly Holiday[] = NATIONAL_HOLIDAYS) {
    for (const h of national) this.byDate.set(h.date, h);
    // A national holiday keeps its own name when a forum also listed the day.
    for (const h of local) if (!this.byDate.has(h.date)) this.byDate.set(h.date, { ...h, kind: "lokal" });
  }

  holidayOn(ymd: string): Holiday | null {
    return this.byDate.get(ymd) ?? null;
  }

  /** Holidays from `fromYmd` (inclusive), in date order. */
  upcoming(fromYmd: string, limit = 50): Holiday[] {
    return [...this.byDate.values()]
      .filter((h) => h.date >= fromYmd)
      .sort((a, b) => a.date.localeCompare(b.date))
      .slice(0, limit);
  }
}

export const NATIONAL_CALENDAR: HolidayLookup = new HolidayCalendar();

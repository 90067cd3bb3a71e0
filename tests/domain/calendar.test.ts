import { describe, expect, it } from "vitest";
import { holidayCalendar, readCalendarSettings } from "../../src/domain/forum/calendar.js";
import { DEFAULT_PRAYER_TIMES } from "../../src/lib/time.js";

describe("Forum.settings.tanggal", () => {
  it("falls back to the Lampung defaults and drops what is not a valid time or day", () => {
    expect(readCalendarSettings({})).toEqual({ prayerTimes: DEFAULT_PRAYER_TIMES, holidays: [] });
    const s = readCalendarSettings({
      aspirasi: { verifyDays: 5 },
      tanggal: {
        prayerTimes: { isya: "20:00", subuh: "5:00", maghrib: 1830, jumatan: "13:15" },
        holidays: [
          { date: "2026-12-10", name: "HUT Kampung" },
          { date: "2026-02-30", name: "Tidak ada" },
          { date: "2026-12-02", name: "Bersih desa" },
          { date: 20261203, name: "Angka" },
          "2026-12-04",
        ],
      },
    });
    expect(s.prayerTimes).toEqual({ ...DEFAULT_PRAYER_TIMES, isya: "20:00", jumatan: "13:15" });
    expect(s.holidays).toEqual([
      { date: "2026-12-02", name: "Bersih desa" },
      { date: "2026-12-10", name: "HUT Kampung" },
    ]);
    const cal = holidayCalendar(s);
    expect(cal.holidayOn("2026-12-02")).toEqual({ date: "2026-12-02", name: "Bersih desa", kind: "lokal" });
    expect(cal.holidayOn("2026-12-25")!.kind).toBe("nasional");
    expect(cal.holidayOn("2026-12-03")).toBeNull();
  });
});

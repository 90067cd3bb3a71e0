import { describe, expect, it } from "vitest";
import { interpretMeetingDay, interpretMeetingTime, recurrenceChoices, nextOccurrence, timeOnDay, upcomingDays } from "../../src/domain/musyawarah/dates.js";
import { formatDateTimeLong, type ZoneName } from "../../src/lib/time.js";

// The parser itself has a table of 140 phrasings in tests/lib/time-phrasings.test.ts; this is the meeting-creation
// path on top of it: a time is required, it must lie ahead, and the forum's zone is used throughout.
const NOW = new Date("2026-11-30T02:00:00Z"); // Senin, 30 November 2026 pukul 09.00 WIB

const long = (d: Date, zone: ZoneName = "Asia/Jakarta") => formatDateTimeLong(d, zone, "id");

describe("interpretMeetingTime (now = Senin 30 Nov 2026 09.00 WIB)", () => {
  const ACCEPTED: Array<[string, string]> = [
    ["besok 09.00", "Selasa, 1 Desember 2026 pukul 09.00 WIB"],
    ["Besok jam 9 pagi", "Selasa, 1 Desember 2026 pukul 09.00 WIB"],
    ["Senin 14:00", "Senin, 30 November 2026 pukul 14.00 WIB"],
    ["senin jam 8", "Senin, 7 Desember 2026 pukul 08.00 WIB"], // 08.00 today has passed: next Monday
    ["Senin depan 09.00", "Senin, 7 Desember 2026 pukul 09.00 WIB"],
    ["25/12/2026 19.30", "Jumat, 25 Desember 2026 pukul 19.30 WIB"],
    ["25-12-2026 19:30", "Jumat, 25 Desember 2026 pukul 19.30 WIB"],
    ["lusa jam 8 pagi", "Rabu, 2 Desember 2026 pukul 08.00 WIB"],
    ["lusa jam 2 siang", "Rabu, 2 Desember 2026 pukul 14.00 WIB"],
    ["Kamis jam 7 malam", "Kamis, 3 Desember 2026 pukul 19.00 WIB"],
    ["Jumat sore jam 4", "Jumat, 4 Desember 2026 pukul 16.00 WIB"],
    ["7 Desember 2026 pukul 09.00", "Senin, 7 Desember 2026 pukul 09.00 WIB"],
    ["7 des jam 13.30", "Senin, 7 Desember 2026 pukul 13.30 WIB"],
    ["tanggal 10 jam 9", "Kamis, 10 Desember 2026 pukul 09.00 WIB"],
    ["3 hari lagi jam 10", "Kamis, 3 Desember 2026 pukul 10.00 WIB"],
    ["hari ini jam 15.00", "Senin, 30 November 2026 pukul 15.00 WIB"],
    ["nanti malam jam 8", "Senin, 30 November 2026 pukul 20.00 WIB"],
    ["2 jam lagi", "Senin, 30 November 2026 pukul 11.00 WIB"],
    ["5/1 09.00", "Selasa, 5 Januari 2027 pukul 09.00 WIB"],
    ["Sabtu, 12 Desember 2026 pukul 08.00", "Sabtu, 12 Desember 2026 pukul 08.00 WIB"],
  ];
  it.each(ACCEPTED)("%s → %s", (text, expected) => {
    const r = interpretMeetingTime(text, NOW, "Asia/Jakarta");
    expect(r.ok && long(r.date)).toBe(expected);
  });

  const REJECTED: Array<[string, string]> = [
    ["31/02 09.00", "invalid_date"],
    ["30 Februari jam 9", "invalid_date"],
    ["besok jam 25", "invalid_date"],
    ["kemarin 09.00", "past"],
    ["hari ini jam 8", "past"], // 08.00 today has already passed
    ["1/1/2026 09.00", "past"],
    ["2 jam yang lalu", "past"],
    ["besok", "no_time"], // a meeting needs a clock time
    ["Senin depan", "no_time"],
    ["25/12/2030 09.00", "too_far"],
    ["secepatnya", "unparsed"],
    ["besok 9", "unparsed"],
  ];
  it.each(REJECTED)("rejects %j (%s)", (text, reason) => {
    expect(interpretMeetingTime(text, NOW, "Asia/Jakarta")).toMatchObject({ ok: false, reason });
  });

  it("an hour from 1 to 5 without a part of the day comes back with both readings, on a chosen day too", () => {
    expect(interpretMeetingTime("Rabu jam 2", NOW, "Asia/Jakarta")).toEqual({
      ok: false,
      reason: "ambiguous_hour",
      candidates: [new Date("2026-12-02T02:00:00+07:00"), new Date("2026-12-02T14:00:00+07:00")],
    });
    const day = interpretMeetingDay("Kamis", NOW, "Asia/Jakarta")!;
    expect(timeOnDay(day, "jam 3", NOW, "Asia/Jakarta")).toEqual({
      ok: false,
      reason: "ambiguous_hour",
      candidates: [new Date("2026-12-03T03:00:00+07:00"), new Date("2026-12-03T15:00:00+07:00")],
    });
  });

  it("reads prayer times with the forum's settings, and malam Jumat as Thursday evening", () => {
    const r = interpretMeetingTime("malam Jumat ba'da Isya", NOW, "Asia/Jakarta", { prayerTimes: { isya: "19:45" } });
    expect(r).toEqual({ ok: true, date: new Date("2026-12-03T19:45:00+07:00"), anchor: "isya" });
    const day = interpretMeetingDay("malam Jumat", NOW, "Asia/Jakarta")!;
    expect(long(day)).toBe("Kamis, 3 Desember 2026 pukul 00.00 WIB");
  });

  it("reads wall-clock times in the forum's zone (WITA, WIT)", () => {
    const wita = interpretMeetingTime("besok 09.00", NOW, "Asia/Makassar");
    const wit = interpretMeetingTime("besok 09.00", NOW, "Asia/Jayapura");
    expect(wita.ok && long(wita.date, "Asia/Makassar")).toBe("Selasa, 1 Desember 2026 pukul 09.00 WITA");
    expect(wit.ok && wit.date.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("a day typed without a time, then a time typed on that day", () => {
    const day = interpretMeetingDay("Kamis", NOW, "Asia/Jakarta")!;
    expect(long(day)).toBe("Kamis, 3 Desember 2026 pukul 00.00 WIB");
    const t = timeOnDay(day, "jam 2 siang", NOW, "Asia/Jakarta");
    expect(t.ok && long(t.date)).toBe("Kamis, 3 Desember 2026 pukul 14.00 WIB");
    const past = timeOnDay(interpretMeetingDay("hari ini", NOW, "Asia/Jakarta")!, "07.00", NOW, "Asia/Jakarta");
    expect(past).toEqual({ ok: false, reason: "past" });
  });

  it("offers the coming days in the zone, starting today", () => {
    const days = upcomingDays(NOW, "Asia/Jakarta", 3).map((d) => long(d));
    expect(days).toEqual(["Senin, 30 November 2026 pukul 00.00 WIB", "Selasa, 1 Desember 2026 pukul 00.00 WIB", "Rabu, 2 Desember 2026 pukul 00.00 WIB"]);
  });
});

describe("recurrence of meetings", () => {
  it("offers weekly, 'Senin pertama' and the same date for a first Monday", () => {
    const first = new Date("2026-12-07T02:00:00Z"); // Senin, 7 Desember 2026 09.00 WIB
    expect(recurrenceChoices(first, "Asia/Jakarta")).toEqual([
      { kind: "weekly", weekday: 1 },
      { kind: "monthly_weekday", weekday: 1, nth: 1 },
      { kind: "monthly_date", day: 7 },
    ]);
  });

  it("calls a fifth weekday 'terakhir' because not every month has one", () => {
    const fifth = new Date("2026-12-29T02:00:00Z"); // Selasa, 29 Desember 2026 (the 5th Tuesday)
    expect(recurrenceChoices(fifth, "Asia/Jakarta")[1]).toEqual({ kind: "monthly_weekday", weekday: 2, nth: -1 });
  });

  it("computes the next occurrence at the same wall-clock time", () => {
    const first = new Date("2026-12-07T02:00:00Z");
    expect(long(nextOccurrence(first, { kind: "weekly", weekday: 1 }, "Asia/Jakarta")!)).toBe("Senin, 14 Desember 2026 pukul 09.00 WIB");
    expect(long(nextOccurrence(first, { kind: "monthly_weekday", weekday: 1, nth: 1 }, "Asia/Jakarta")!)).toBe("Senin, 4 Januari 2027 pukul 09.00 WIB");
    expect(long(nextOccurrence(first, { kind: "monthly_date", day: 7 }, "Asia/Jakarta")!)).toBe("Kamis, 7 Januari 2027 pukul 09.00 WIB");
    const jan31 = new Date("2027-01-31T02:00:00Z");
    expect(long(nextOccurrence(jan31, { kind: "monthly_date", day: 31 }, "Asia/Jakarta")!)).toBe("Minggu, 28 Februari 2027 pukul 09.00 WIB");
  });
});

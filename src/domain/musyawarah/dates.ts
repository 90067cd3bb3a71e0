import {
  addDaysInZone,
  dateInZone,
  nextOccurrences,
  parseIndonesianDateTime,
  zonedParts,
  type ParseFailure,
  type ParseOptions,
  type PrayerAnchor,
  type Recurrence,
  type Weekday,
  type ZoneName,
} from "../../lib/time.js";

/** The attendance list opens this long before the start (and closes at the end). */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000;
/** The organiser may still complete the list this long after the end. */
export const MARK_GRACE_AFTER_END_MS = 24 * 3600_000;
/** The venue's QR code still signs people in this long after the end (meetings run over). */
export const QR_GRACE_AFTER_END_MS = 60 * 60_000;
/** A reminder fired later than this after its due time says it is late. */
export const LATE_AFTER_MS = 60_000;
/** Nobody plans a musyawarah two years ahead; such a date is a typo. */
export const MAX_AHEAD_MS = 2 * 366 * 24 * 3600_000;
export const DEFAULT_REMINDERS = [1440, 120];
/** Choices offered for reminders (minutes before the start). */
export const REMINDER_CHOICES = [10080, 4320, 1440, 180, 120, 60, 30];

export type MeetingTimeResult = { ok: true; date: Date; anchor?: PrayerAnchor } | ParseFailure | { ok: false; reason: "past" | "too_far" };

/** Why a time cannot start a meeting, or null: it must lie ahead, and not absurdly far ahead. */
export function judgeMeetingTime(date: Date, now: Date): "past" | "too_far" | null {
  if (date.getTime() <= now.getTime()) return "past";
  if (date.getTime() - now.getTime() > MAX_AHEAD_MS) return "too_far";
  return null;
}

/**
 * Reads a meeting time typed the way people write it ("besok 09.00", "Senin 14:00",
 * "25/12/2026 19.30", "lusa jam 8 pagi", "malam Jumat ba'da Isya") in the forum's zone, and judges
 * it as a meeting time: it needs a clock time, must lie ahead, and not absurdly far ahead. An hour
 * from 1 to 5 without a part of the day comes back as ambiguous_hour with both readings, which
 * the caller judges with judgeMeetingTime and asks about.
 */
export function interpretMeetingTime(text: string, now: Date, zone: ZoneName, opts: ParseOptions = {}): MeetingTimeResult {
  const r = parseIndonesianDateTime(text, now, zone, { ...opts, requireTime: true });
  if (!r.ok) return r;
  const bad = judgeMeetingTime(r.date, now);
  if (bad) return { ok: false, reason: bad };
  return { ok: true, date: r.date, ...(r.anchor ? { anchor: r.anchor } : {}) };
}

/** A day typed without a time ("Senin", "25/12", "malam Jumat"): 00:00 of that day, for a time picker. */
export function interpretMeetingDay(text: string, now: Date, zone: ZoneName, opts: ParseOptions = {}): Date | null {
  const r = parseIndonesianDateTime(text, now, zone, opts);
  return r.ok && !r.hasTime ? r.date : null;
}

/** A clock time typed alone ("09.00", "jam 2 siang", "ba'da Isya") on a chosen day. */
export function timeOnDay(day: Date, text: string, now: Date, zone: ZoneName, opts: ParseOptions = {}): MeetingTimeResult {
  const r = parseIndonesianDateTime(text, day, zone, { ...opts, requireTime: true });
  const d = zonedParts(day, zone);
  const sameDay = (x: Date) => {
    const t = zonedParts(x, zone);
    return t.year === d.year && t.month === d.month && t.day === d.day;
  };
  // Only a time may be typed here; a different day means the text named a day too.
  if (r.ok && !sameDay(r.date)) return interpretMeetingTime(text, now, zone, opts);
  if (!r.ok && r.reason === "ambiguous_hour" && !r.candidates.every(sameDay)) return interpretMeetingTime(text, now, zone, opts);
  if (!r.ok) return r;
  if (r.date.getTime() <= now.getTime()) return { ok: false, reason: "past" };
  return { ok: true, date: r.date, ...(r.anchor ? { anchor: r.anchor } : {}) };
}

/** The next `n` days (from today) as 00:00 instants in the zone, for day buttons. */
export function upcomingDays(now: Date, zone: ZoneName, n: number): Date[] {
  const p = zonedParts(now, zone);
  const today = dateInZone({ year: p.year, month: p.month, day: p.day }, zone)!;
  return Array.from({ length: n }, (_, i) => addDaysInZone(today, i, zone));
}

export function atTime(day: Date, hour: number, minute: number, zone: ZoneName): Date {
  const p = zonedParts(day, zone);
  return dateInZone({ year: p.year, month: p.month, day: p.day, hour, minute }, zone)!;
}

export function checkInWindow(m: { startsAt: Date; endsAt: Date }) {
  return { opensAt: new Date(m.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS), closesAt: m.endsAt };
}

/** When a meeting's QR code stops working: its end plus a grace period (moves with a reschedule). */
export function qrExpiresAt(m: { endsAt: Date }): Date {
  return new Date(m.endsAt.getTime() + QR_GRACE_AFTER_END_MS);
}

export type MeetingPhase = "before" | "checkin" | "over";

export function phaseAt(m: { startsAt: Date; endsAt: Date }, now: Date): MeetingPhase {
  const w = checkInWindow(m);
  if (now.getTime() < w.opensAt.getTime()) return "before";
  if (now.getTime() < w.closesAt.getTime()) return "checkin";
  return "over";
}

/** Answers are accepted until the deadline (or the start, when there is none). */
export function rsvpOpen(m: { startsAt: Date; rsvpDeadline: Date | null }, now: Date): boolean {
  return now.getTime() < (m.rsvpDeadline ?? m.startsAt).getTime();
}

/** Reminder times still ahead of `now`, latest offset first; offsets already past are dropped. */
export function reminderDueTimes(startsAt: Date, minutesBefore: number[], now: Date): Array<{ minutesBefore: number; dueAt: Date }> {
  return [...new Set(minutesBefore)]
    .sort((a, b) => b - a)
    .map((m) => ({ minutesBefore: m, dueAt: new Date(startsAt.getTime() - m * 60_000) }))
    .filter((r) => r.dueAt.getTime() > now.getTime());
}

/**
 * Default answer deadline: one day before, when that still leaves a few hours to answer;
 * otherwise answers are taken until the start.
 */
export function defaultRsvpDeadline(startsAt: Date, now: Date): Date | null {
  const dayBefore = startsAt.getTime() - 24 * 3600_000;
  return dayBefore - now.getTime() >= 6 * 3600_000 ? new Date(dayBefore) : null;
}

/** The recurrence choices that fit a first date: weekly, monthly on "Senin pertama", monthly on the date. */
export function recurrenceChoices(startsAt: Date, zone: ZoneName): Recurrence[] {
  const p = zonedParts(startsAt, zone);
  const weekday = p.weekday as Weekday;
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  // The 5th occurrence of a weekday does not exist every month: call it "terakhir" instead.
  const nth = (p.day + 7 > daysInMonth ? -1 : Math.ceil(p.day / 7)) as 1 | 2 | 3 | 4 | -1;
  return [
    { kind: "weekly", weekday },
    { kind: "monthly_weekday", weekday, nth },
    { kind: "monthly_date", day: p.day },
  ];
}

/** The occurrence after `startsAt` of a recurring meeting, at the same wall-clock time. */
export function nextOccurrence(startsAt: Date, rule: Recurrence, zone: ZoneName): Date | null {
  return nextOccurrences(startsAt, rule, zone, 1, startsAt)[0] ?? null;
}

export function isRecurrence(v: unknown): v is Recurrence {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  const wd = (x: unknown) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 7;
  if (r.kind === "weekly") return wd(r.weekday);
  if (r.kind === "monthly_weekday") return wd(r.weekday) && [1, 2, 3, 4, -1].includes(r.nth as number);
  if (r.kind === "monthly_date") return Number.isInteger(r.day) && (r.day as number) >= 1 && (r.day as number) <= 31;
  return false;
}

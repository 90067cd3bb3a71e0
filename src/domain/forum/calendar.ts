/**
 * A forum's calendar settings, kept in Forum.settings.tanggal:
 * - prayer times: what "ba'da Subuh" … "habis Jumatan" mean in this forum (wall clock, "HH:MM");
 * - local holidays: days the village offices of this forum do not work, on top of the national
 *   holidays and cuti bersama shipped in src/lib/holidays.ts.
 * Only forum admins change them. Aspiration deadlines count working days with them.
 */
import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";
import { HolidayCalendar, NATIONAL_HOLIDAYS, YMD, type Holiday } from "../../lib/holidays.js";
import {
  DEFAULT_PRAYER_TIMES,
  PRAYER_ANCHORS,
  dateInZone,
  isClockTime,
  isZoneName,
  ymdInZone,
  type PrayerAnchor,
  type PrayerTimes,
  type ZoneName,
} from "../../lib/time.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import type { Actor } from "./service.js";

export interface CalendarDeps {
  prisma: Prisma;
  clock: Clock;
}

export interface LocalHoliday {
  date: string;
  name: string;
}

export interface CalendarSettings {
  prayerTimes: PrayerTimes;
  /** Sorted by date. */
  holidays: LocalHoliday[];
}

export const MAX_LOCAL_HOLIDAYS = 100;
export const HOLIDAY_NAME_MAX = 60;

/** Reads Forum.settings.tanggal, falling back to defaults for anything missing or odd. */
export function readCalendarSettings(settings: unknown): CalendarSettings {
  const raw = settings && typeof settings === "object" ? (settings as Record<string, unknown>).tanggal : undefined;
  const s = (raw && typeof raw === "object" ? raw : {}) as { prayerTimes?: Record<string, unknown>; holidays?: unknown };
  const prayerTimes = { ...DEFAULT_PRAYER_TIMES };
  for (const a of PRAYER_ANCHORS) {
    const v = s.prayerTimes?.[a];
    if (isClockTime(v)) prayerTimes[a] = v;
  }
  const holidays = (Array.isArray(s.holidays) ? s.holidays : [])
    .filter((h): h is LocalHoliday => !!h && typeof h === "object" && validYmd((h as LocalHoliday).date) && typeof (h as LocalHoliday).name === "string")
    .map((h) => ({ date: h.date, name: h.name.slice(0, HOLIDAY_NAME_MAX) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { prayerTimes, holidays };
}

function validYmd(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = YMD.exec(v);
  return !!m && dateInZone({ year: +m[1]!, month: +m[2]!, day: +m[3]! }, "Asia/Jakarta") !== null;
}

/** National holidays, cuti bersama and this forum's own days off. */
export function holidayCalendar(settings: CalendarSettings): HolidayCalendar {
  return new HolidayCalendar(settings.holidays.map((h) => ({ ...h, kind: "lokal" as const })));
}

export interface ForumCalendar {
  zone: ZoneName;
  settings: CalendarSettings;
  calendar: HolidayCalendar;
}

export async function loadForumCalendar(db: Pick<Prisma, "forum">, forumId: number): Promise<ForumCalendar | null> {
  const f = await db.forum.findUnique({ where: { id: forumId }, select: { timezone: true, settings: true } });
  if (!f) return null;
  const settings = readCalendarSettings(f.settings);
  return { zone: isZoneName(f.timezone) ? f.timezone : "Asia/Jakarta", settings, calendar: holidayCalendar(settings) };
}

/** Holidays (national and local) from today on, for the settings screen. */
export function upcomingHolidays(fc: ForumCalendar, now: Date, limit = 8): Holiday[] {
  return fc.calendar.upcoming(ymdInZone(now, fc.zone), limit);
}

// ---------- changes (forum admins only) ----------

/**
 * Replaces Forum.settings.tanggal inside a transaction that holds the forum row, so two admins
 * adding holidays at once do not overwrite each other; other features' settings are untouched.
 */
async function updateCalendar(
  d: CalendarDeps,
  actor: Actor,
  forumId: number,
  change: (s: CalendarSettings, zone: ZoneName) => CalendarSettings,
  audit: { action: string; details: object },
): Promise<CalendarSettings> {
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
  return d.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ settings: unknown; timezone: string }>>`SELECT settings, timezone FROM forums WHERE id = ${forumId} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new NotFound("forum_not_found");
    const zone = isZoneName(row.timezone) ? row.timezone : "Asia/Jakarta";
    const next = change(readCalendarSettings(row.settings), zone);
    await tx.$executeRaw`UPDATE forums SET settings = jsonb_set(settings, '{tanggal}', ${JSON.stringify(next)}::jsonb, true) WHERE id = ${forumId}`;
    await tx.auditLog.create({ data: { forumId, actorId: actor.personId, action: audit.action, target: String(forumId), details: audit.details } });
    return next;
  });
}

export async function setPrayerTime(d: CalendarDeps, actor: Actor, forumId: number, anchor: PrayerAnchor, hhmm: string): Promise<CalendarSettings> {
  if (!PRAYER_ANCHORS.includes(anchor)) throw new InvalidInput("tanggal_bad_prayer");
  if (!isClockTime(hhmm)) throw new InvalidInput("tanggal_bad_time");
  return updateCalendar(d, actor, forumId, (s) => ({ ...s, prayerTimes: { ...s.prayerTimes, [anchor]: hhmm } }), {
    action: "forum.prayer_time",
    details: { anchor, time: hhmm },
  });
}

/** Adds a day off of this forum ("2026-12-10", "HUT Kampung Sukajaya"); today or later. */
export async function addLocalHoliday(d: CalendarDeps, actor: Actor, forumId: number, input: LocalHoliday): Promise<CalendarSettings> {
  const name = input.name.trim().replace(/\s+/g, " ");
  if (name.length < 3 || name.length > HOLIDAY_NAME_MAX) throw new InvalidInput("tanggal_holiday_name", { max: HOLIDAY_NAME_MAX });
  if (!validYmd(input.date)) throw new InvalidInput("tanggal_bad_date");
  const now = d.clock.now();
  return updateCalendar(
    d,
    actor,
    forumId,
    (s, zone) => {
      if (input.date < ymdInZone(now, zone)) throw new InvalidInput("tanggal_holiday_past");
      if (s.holidays.some((h) => h.date === input.date)) throw new Conflict("tanggal_holiday_exists");
      const national = NATIONAL_HOLIDAYS.find((h) => h.date === input.date);
      if (national) throw new Conflict("tanggal_holiday_national", { name: national.name });
      // Past local holidays no longer change any deadline: they make room for new ones.
      const kept = s.holidays.filter((h) => h.date >= ymdInZone(now, zone));
      if (kept.length >= MAX_LOCAL_HOLIDAYS) throw new Conflict("tanggal_holidays_full", { max: MAX_LOCAL_HOLIDAYS });
      return { ...s, holidays: [...kept, { date: input.date, name }].sort((a, b) => a.date.localeCompare(b.date)) };
    },
    { action: "forum.holiday_add", details: { date: input.date } },
  );
}

export async function removeLocalHoliday(d: CalendarDeps, actor: Actor, forumId: number, date: string): Promise<CalendarSettings> {
  return updateCalendar(
    d,
    actor,
    forumId,
    (s) => {
      if (!s.holidays.some((h) => h.date === date)) throw new NotFound("tanggal_holiday_not_found");
      return { ...s, holidays: s.holidays.filter((h) => h.date !== date) };
    },
    { action: "forum.holiday_remove", details: { date } },
  );
}


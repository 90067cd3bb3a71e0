/**
 * The monthly report, sent by itself to the forum's admins and kecamatan staff on the first
 * working day of the month (08.00 in the forum's zone; the forum's own holidays count). One
 * durable job per forum ("laporan.monthly", owner = forum id): it runs inside the transaction that
 * marks it done, so across instances it runs once, and it schedules the next month's run in that
 * same transaction — the chain exists iff the run committed. After downtime the overdue job fires
 * at the next tick and reports the last complete month (months missed in between are not sent one
 * by one: /laporan shows any of them).
 */
import type { Deps } from "../../../deps.js";
import type { JobHandler, JobTx } from "../../../jobs/scheduler.js";
import { holidayCalendar, readCalendarSettings } from "../../../domain/forum/calendar.js";
import { termsOf } from "../../../domain/forum/terms.js";
import { addMonths, monthKey, type Month } from "../../../domain/laporan/measures.js";
import { buildReport, KECAMATAN_TITLES, lastCompleteMonth } from "../../../domain/laporan/report.js";
import { dateInZone, isZoneName, onWorkingDay, zonedParts, type ZoneName } from "../../../lib/time.js";
import type { HolidayLookup } from "../../../lib/holidays.js";
import { langOf, tFor, type Lang } from "../../lib/terms.js";
import { renderReport, type RenderedReport } from "./render.js";
import { monthKeyboard } from "./callbacks.js";

export const MONTHLY_JOB = "laporan.monthly";
export const OWNER_MONTHLY = "laporan";
const SEND_HOUR = 8;

/** 08.00 on the first working day of `m`. */
export function firstWorkingDay(m: Month, zone: ZoneName, cal: HolidayLookup): Date {
  return onWorkingDay(dateInZone({ year: m.year, month: m.month, day: 1, hour: SEND_HOUR }, zone)!, zone, cal);
}

/** The next monthly run after `now`: this month's first working day if still ahead, else next month's. */
export function nextMonthlyDue(now: Date, zone: ZoneName, cal: HolidayLookup): Date {
  const p = zonedParts(now, zone);
  const thisMonth = firstWorkingDay({ year: p.year, month: p.month }, zone, cal);
  return thisMonth.getTime() > now.getTime() ? thisMonth : firstWorkingDay(addMonths({ year: p.year, month: p.month }, 1), zone, cal);
}

async function forumCalendar(db: Pick<JobTx, "forum">, forumId: number) {
  const f = await db.forum.findUnique({ where: { id: forumId }, select: { timezone: true, settings: true, villageTerm: true, councilTerm: true } });
  if (!f) return null;
  const zone: ZoneName = isZoneName(f.timezone) ? f.timezone : "Asia/Jakarta";
  return { zone, cal: holidayCalendar(readCalendarSettings(f.settings)), terms: termsOf(f) };
}

/** Makes sure every forum has its next monthly run (start-up, and whenever /laporan is used). */
export async function ensureMonthlyJob(deps: Pick<Deps, "prisma" | "jobs" | "clock">, forumId: number): Promise<boolean> {
  const fc = await forumCalendar(deps.prisma, forumId);
  if (!fc) return false;
  return deps.jobs.ensurePending({ kind: MONTHLY_JOB, ownerId: forumId, forumId, dueAt: nextMonthlyDue(deps.clock.now(), fc.zone, fc.cal) });
}

export async function ensureMonthlyJobs(deps: Pick<Deps, "prisma" | "jobs" | "clock">): Promise<void> {
  const forums = await deps.prisma.forum.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  for (const f of forums) await ensureMonthlyJob(deps, f.id);
}

/** Forum admins and kecamatan staff who can receive a private message. */
export async function monthlyRecipients(tx: Pick<JobTx, "membership">, forumId: number) {
  const ms = await tx.membership.findMany({
    where: {
      forumId,
      OR: [{ role: "admin_forum" }, { villageId: null, role: { in: ["moderator", "perangkat_desa"] }, title: { in: [...KECAMATAN_TITLES] } }],
      person: { canMessage: true, erasedAt: null, telegramUserId: { gt: 0 } },
    },
    select: { person: { select: { id: true, telegramUserId: true, language: true } } },
    orderBy: { personId: "asc" },
  });
  const seen = new Map<number, { id: number; chatId: bigint; lang: Lang }>();
  for (const m of ms) seen.set(m.person.id, { id: m.person.id, chatId: m.person.telegramUserId, lang: langOf(m.person.language) });
  return [...seen.values()];
}

export function monthlyHandler(deps: Pick<Deps, "delivery">): JobHandler {
  return async (job, ctx) => {
    const forumId = job.forumId ?? Number(job.ownerId);
    const fc = await forumCalendar(ctx.tx, forumId);
    if (!fc) return; // the forum is gone: the chain ends with it
    const month = lastCompleteMonth(ctx.now, fc.zone);
    const recipients = await monthlyRecipients(ctx.tx, forumId);
    if (recipients.length) {
      const report = await buildReport(ctx.tx, forumId, { kind: "all" }, month);
      const rendered = new Map<Lang, RenderedReport>();
      for (const lang of new Set(recipients.map((r) => r.lang))) {
        const t = tFor(lang, fc.terms);
        rendered.set(lang, await renderReport(t, lang, report));
      }
      // The same month buttons as /laporan: a press is checked against the presser's rights again.
      const keyboard = (lang: Lang) => ({ inline_keyboard: monthKeyboard(lang, forumId, month, month).inline_keyboard });
      const items = recipients.flatMap((r) => {
        const x = rendered.get(r.lang)!;
        const t = tFor(r.lang, fc.terms);
        const key = `person:${r.id}`;
        return [
          { chatId: r.chatId, recipientKey: key, payload: { op: "send" as const, method: "sendMessage", params: { text: `${t("laporan-monthly-intro")}\n\n${x.summary}`, parse_mode: "HTML", reply_markup: keyboard(r.lang) } } },
          ...x.charts.map((c) => ({ chatId: r.chatId, recipientKey: key, payload: { op: "send" as const, method: "sendPhoto", params: {}, files: { photo: { base64: c.bytes.toString("base64"), filename: c.filename } } } })),
          {
            chatId: r.chatId,
            recipientKey: key,
            payload: { op: "send" as const, method: "sendDocument", params: { caption: t("laporan-xlsx-caption") }, files: { document: { base64: x.xlsx.bytes.toString("base64"), filename: x.xlsx.filename } } },
          },
        ];
      });
      await deps.delivery.enqueue({ forumId, ownerKind: OWNER_MONTHLY, ownerId: `${forumId}:${monthKey(month)}`, items }, ctx.tx);
      ctx.afterCommit(() => deps.delivery.kick());
    }
    await ctx.tx.job.create({
      data: { kind: MONTHLY_JOB, ownerId: String(forumId), forumId, dueAt: nextMonthlyDue(ctx.now, fc.zone, fc.cal), payload: { after: monthKey(month) } },
    });
  };
}

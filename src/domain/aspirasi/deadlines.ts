import type { DueJob, JobContext } from "../../jobs/scheduler.js";
import { UNVERIFIED_STATUSES, isOpen } from "./model.js";
import { isWorkingDay, onWorkingDay } from "../../lib/time.js";
import { caseView, forumAdminsOf, forumInfo, handlers } from "./repository.js";
import { queueNotice, type AspirasiDeps } from "./service.js";

/**
 * A deadline that falls on a day off — a local holiday added after the ticket was filed, or a
 * job that fires at a weekend because it ran late — moves to the same time on the next working
 * day: nobody is at the office to act on it. Returns the new due time, or null to act now.
 */
async function deferToWorkingDay(ad: AspirasiDeps, job: DueJob, { tx, now }: JobContext, forumId: number, due: Date): Promise<Date | null> {
  const forum = await forumInfo(tx, forumId);
  if (!forum || isWorkingDay(now, forum.zone, forum.holidays)) return null;
  // Same wall-clock time as the deadline, on the first working day from it.
  const next = onWorkingDay(due, forum.zone, forum.holidays);
  if (next.getTime() <= now.getTime()) return null;
  await ad.jobs.schedule({ kind: job.kind, ownerId: job.ownerId, forumId, dueAt: next }, tx);
  return next;
}

/**
 * Not verified in time: the handling village's officials are reminded, once. Runs inside the
 * job's transaction, so the reminder is queued exactly when the job is marked done.
 */
export async function remindUnverified(ad: AspirasiDeps, job: DueJob, ctx: JobContext) {
  const { tx, now, afterCommit } = ctx;
  const row = await tx.aspiration.findFirst({ where: { id: Number(job.ownerId), forumId: job.forumId ?? undefined } });
  if (!row || !UNVERIFIED_STATUSES.includes(row.status)) return;
  // A forwarded ticket got a new due time; an older job for the previous handler does nothing.
  if (row.verifyDueAt.getTime() > now.getTime()) return;
  const later = await deferToWorkingDay(ad, job, ctx, row.forumId, row.verifyDueAt);
  if (later) return void (await tx.aspiration.update({ where: { id: row.id }, data: { verifyDueAt: later } }));
  await tx.aspirationEvent.create({ data: { aspirationId: row.id, forumId: row.forumId, actorRole: "system", kind: "reminder", createdAt: now } });
  const view = await caseView(tx, row);
  await queueNotice(ad, tx, view, { kind: "reminder", case: view }, await handlers(tx, row.forumId, row.villageId));
  afterCommit(() => ad.delivery.kick());
}

/** Not finished in time: escalated to the forum admins (kecamatan), once per deadline. */
export async function escalateOverdue(ad: AspirasiDeps, job: DueJob, ctx: JobContext) {
  const { tx, now, afterCommit } = ctx;
  const row = await tx.aspiration.findFirst({ where: { id: Number(job.ownerId), forumId: job.forumId ?? undefined } });
  if (!row || !isOpen(row.status) || row.escalatedAt) return;
  if (row.resolveDueAt.getTime() > now.getTime()) return;
  const later = await deferToWorkingDay(ad, job, ctx, row.forumId, row.resolveDueAt);
  if (later) return void (await tx.aspiration.update({ where: { id: row.id }, data: { resolveDueAt: later } }));
  await tx.aspiration.update({ where: { id: row.id }, data: { escalatedAt: now } });
  await tx.aspirationEvent.create({ data: { aspirationId: row.id, forumId: row.forumId, actorRole: "system", kind: "escalated", createdAt: now } });
  const view = await caseView(tx, row);
  await queueNotice(ad, tx, view, { kind: "escalated", case: view }, await forumAdminsOf(tx, row.forumId));
  afterCommit(() => ad.delivery.kick());
}

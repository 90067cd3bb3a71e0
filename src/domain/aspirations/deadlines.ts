import type { DueJob, JobContext } from "../../jobs/scheduler.js";
import { UNVERIFIED_STATUSES, isOpen } from "./model.js";
import { caseView, forumAdminsOf, handlers } from "./repository.js";
import { queueNotice, type AspirasiDeps } from "./service.js";

/**
 * Not verified in time: the handling village's officials are reminded, once. Runs inside the
 * job's transaction, so the reminder is queued exactly when the job is marked done.
 */
export async function remindUnverified(ad: AspirasiDeps, job: DueJob, { tx, now, afterCommit }: JobContext) {
  const row = await tx.aspiration.findFirst({ where: { id: Number(job.ownerId), forumId: job.forumId ?? undefined } });
  if (!row || !UNVERIFIED_STATUSES.includes(row.status)) return;
  // A forwarded ticket got a new due time; an older job for the previous handler does nothing.
  if (row.verifyDueAt.getTime() > now.getTime()) return;
  await tx.aspirationEvent.create({ data: { aspirationId: row.id, forumId: row.forumId, actorRole: "system", kind: "reminder", createdAt: now } });
  const view = await caseView(tx, row);
  await queueNotice(ad, tx, view, { kind: "reminder", case: view }, await handlers(tx, row.forumId, row.villageId));
  afterCommit(() => ad.delivery.kick());
}

/** Not finished in time: escalated to the forum admins (kecamatan), once per deadline. */
export async function escalateOverdue(ad: AspirasiDeps, job: DueJob, { tx, now, afterCommit }: JobContext) {
  const row = await tx.aspiration.findFirst({ where: { id: Number(job.ownerId), forumId: job.forumId ?? undefined } });
  if (!row || !isOpen(row.status) || row.escalatedAt) return;
  if (row.resolveDueAt.getTime() > now.getTime()) return;
  await tx.aspiration.update({ where: { id: row.id }, data: { escalatedAt: now } });
  await tx.aspirationEvent.create({ data: { aspirationId: row.id, forumId: row.forumId, actorRole: "system", kind: "escalated", createdAt: now } });
  const view = await caseView(tx, row);
  await queueNotice(ad, tx, view, { kind: "escalated", case: view }, await forumAdminsOf(tx, row.forumId));
  afterCommit(() => ad.delivery.kick());
}

/**
 * Retention: each forum keeps personal data only as long as its settings say (defaults in
 * settings.ts), and one durable job ("privacy.retention", src/jobs) purges what has expired. It runs
 * inside the transaction that marks it done, so across any number of instances each run happens
 * exactly once; every purge is conditional on the data still being there, so a purge is never
 * counted twice either. Work per run is bounded: when a step hits its limit the next run is
 * scheduled at once instead of a day later.
 */
import type { JobHandler, JobTx } from "../../jobs/scheduler.js";
import { audit } from "./audit.js";
import { readPrivacySettings, type Retention } from "./settings.js";

export const RETENTION_JOB = "privacy.retention";
export const RETENTION_OWNER = "all";
export const RETENTION_EVERY_MS = 24 * 3600_000;
/** Rows touched per step and forum in one run. */
export const RETENTION_BATCH = 5_000;
const DAY_MS = 24 * 3600_000;

export interface PurgeCounts {
  relayTexts: number;
  reporterLinks: number;
  attendance: number;
  auditRows: number;
  jobs: number;
  outbox: number;
}

const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** Purges one forum's expired data (with `forumId` null: the outbox rows of no forum, on defaults). */
export async function purgeForum(tx: JobTx, forumId: number | null, r: Retention, now: Date, limit = RETENTION_BATCH): Promise<PurgeCounts> {
  const c: PurgeCounts = { relayTexts: 0, reporterLinks: 0, attendance: 0, auditRows: 0, jobs: 0, outbox: 0 };
  if (forumId !== null) {
    // Discussion text: the row stays (threads, counts), its words and the name snapshot go.
    const relayCut = before(now, r.relayText);
    c.relayTexts = await tx.$executeRaw`
      UPDATE relay_messages SET text = NULL, entities = NULL, media = NULL, author_name = 'Warga'
      WHERE id IN (SELECT id FROM relay_messages WHERE forum_id = ${forumId} AND created_at < ${relayCut}
                     AND (text IS NOT NULL OR entities IS NOT NULL OR media IS NOT NULL OR author_name <> 'Warga') LIMIT ${limit})`;

    // Who reported (and who supported) a closed aspiration, once the closure is old enough.
    const closedCut = before(now, r.reporterLink);
    const closed = await tx.$queryRaw<Array<{ id: number }>>`
      UPDATE aspirations SET reporter_id = -id
      WHERE id IN (SELECT id FROM aspirations WHERE forum_id = ${forumId} AND reporter_id > 0 AND status IN ('selesai', 'ditolak')
                     AND COALESCE(resolved_at, updated_at) < ${closedCut} LIMIT ${limit})
      RETURNING id`;
    c.reporterLinks = closed.length;
    if (closed.length) {
      const ids = closed.map((x) => x.id);
      await tx.$executeRaw`UPDATE aspiration_events SET actor_id = NULL WHERE aspiration_id = ANY(${ids}::int[]) AND actor_role = 'reporter'`;
      await tx.$executeRaw`DELETE FROM aspiration_supports WHERE aspiration_id = ANY(${ids}::int[])`;
    }

    // Attendance lists and RSVPs of past meetings: the counts stay, the names go.
    const meetingCut = before(now, r.attendance);
    c.attendance = await tx.$executeRaw`
      UPDATE meeting_invitees SET person_id = -id, delegate_name = NULL, checked_in_by_id = NULL
      WHERE id IN (SELECT i.id FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id
                   WHERE i.forum_id = ${forumId} AND m.forum_id = ${forumId} AND i.person_id > 0 AND m.ends_at < ${meetingCut} LIMIT ${limit})`;

    // The audit log and finished jobs.
    const logCut = before(now, r.logs);
    c.auditRows = await tx.$executeRaw`
      DELETE FROM audit_logs WHERE id IN (SELECT id FROM audit_logs WHERE forum_id = ${forumId} AND created_at < ${logCut} LIMIT ${limit})`;
    c.jobs = await tx.$executeRaw`
      DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE forum_id = ${forumId} AND (done_at < ${logCut} OR cancelled_at < ${logCut}) LIMIT ${limit})`;
  } else {
    const logCut = before(now, r.logs);
    c.jobs = await tx.$executeRaw`
      DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE forum_id IS NULL AND (done_at < ${logCut} OR cancelled_at < ${logCut}) LIMIT ${limit})`;
  }
  // Copies in the outbox: once delivered (or given up), only the row's outcome is needed.
  const outboxCut = before(now, r.outbox);
  c.outbox = await tx.$executeRaw`
    UPDATE deliveries SET payload = jsonb_strip_nulls(jsonb_build_object('op', payload->'op', 'method', payload->'method')) || '{"purged": true}'::jsonb
    WHERE id IN (SELECT id FROM deliveries WHERE forum_id IS NOT DISTINCT FROM ${forumId}::int AND state IN ('sent', 'failed', 'cancelled', 'unknown')
                   AND updated_at < ${outboxCut} AND NOT (payload ? 'purged') AND NOT (payload ? 'erased') LIMIT ${limit})`;
  return c;
}

export interface RetentionRun {
  forums: number;
  totals: PurgeCounts;
  /** A step hit its limit: there is more to do right away. */
  more: boolean;
}

/** One run over every forum; each forum that purged anything gets an audit row with the counts. */
export async function runRetention(tx: JobTx, now: Date, limit = RETENTION_BATCH): Promise<RetentionRun> {
  const forums = await tx.forum.findMany({ select: { id: true, settings: true }, orderBy: { id: "asc" } });
  const totals: PurgeCounts = { relayTexts: 0, reporterLinks: 0, attendance: 0, auditRows: 0, jobs: 0, outbox: 0 };
  let more = false;
  const add = (c: PurgeCounts) => {
    for (const k of Object.keys(totals) as Array<keyof PurgeCounts>) {
      totals[k] += c[k];
      if (c[k] >= limit) more = true;
    }
  };
  for (const f of forums) {
    const c = await purgeForum(tx, f.id, readPrivacySettings(f.settings).retention, now, limit);
    add(c);
    // The audit log's own purge is not worth a row of its own every day.
    const { auditRows: _a, jobs: _j, ...personal } = c;
    if (Object.values(personal).some((n) => n > 0)) await audit(tx, { forumId: f.id, actorId: null, action: "privacy.retention", target: `forum:${f.id}`, details: { ...c }, at: now });
  }
  add(await purgeForum(tx, null, readPrivacySettings({}).retention, now, limit));
  return { forums: forums.length, totals, more };
}

export function retentionHandler(limit = RETENTION_BATCH): JobHandler {
  return async (_job, ctx) => {
    const run = await runRetention(ctx.tx, ctx.now, limit);
    // The chain goes on from inside the same transaction: the next run exists iff this one committed.
    const next = run.more ? new Date(ctx.now.getTime() + 60_000) : new Date(ctx.now.getTime() + RETENTION_EVERY_MS);
    await ctx.tx.job.create({ data: { kind: RETENTION_JOB, ownerId: RETENTION_OWNER, forumId: null, dueAt: next, payload: {} } });
  };
}

import type { JobHandler } from "../../jobs/scheduler.js";
import { LATE_AFTER_MS, nextOccurrence } from "./dates.js";
import { loadAttendance, loadView } from "./repo.js";
import { JOB_CHECKIN, JOB_END, JOB_REFRESH, JOB_REMINDER, canOrganise, sendNewMeeting, type MeetingDeps } from "./service.js";
import { audienceOf } from "./types.js";
import { loadAccess } from "../forum/people.js";
import type { Db } from "./repo.js";

export type ReminderOutcome = "sent" | "sent_late" | "skipped_over" | "skipped_cancelled" | "skipped_stale";

/**
 * The due work of musyawarah. Every handler runs inside the transaction that marks its job done
 * (src/jobs/scheduler.ts): it writes and enqueues with `tx`, so a job fires exactly once across
 * instances, and a failure rolls everything back for a retry.
 */
export function meetingJobHandlers(d: MeetingDeps): Record<string, JobHandler> {
  return {
    /**
     * Reminder to the groups and to those who said Hadir or have not answered. After downtime a
     * reminder for a meeting not over yet goes out late and says so; one for a meeting already
     * over is skipped (and recorded as skipped).
     */
    [JOB_REMINDER]: async (job, { tx, now, lateMs, afterCommit }) => {
      const meetingId = Number(job.ownerId);
      const minutesBefore = Number(job.payload.minutesBefore ?? 0);
      const m = await loadView(tx, meetingId, job.forumId ?? undefined, "reminder");
      if (!m) return;
      let outcome: ReminderOutcome;
      let recipients = 0;
      if (m.status === "cancelled") outcome = "skipped_cancelled";
      else if (job.payload.sequence !== undefined && Number(job.payload.sequence) !== m.sequence) outcome = "skipped_stale";
      else if (now.getTime() >= m.endsAt.getTime()) outcome = "skipped_over";
      else {
        const late = lateMs > LATE_AFTER_MS;
        const to = m.recipients!;
        await d.notifier.reminder(tx, m, to, { minutesBefore, late, inProgress: now.getTime() >= m.startsAt.getTime(), now });
        recipients = to.groups.length + to.persons.length;
        outcome = late ? "sent_late" : "sent";
        afterCommit(() => d.delivery.kick());
      }
      // Unique per job: even a second run of the same job could not record (or send) it twice.
      const firedAt = d.clock.now();
      const late = Math.max(0, Math.min(2_000_000_000, firedAt.getTime() - job.dueAt.getTime()));
      await tx.$executeRaw`
        INSERT INTO meeting_reminders (meeting_id, forum_id, job_id, minutes_before, due_at, fired_at, late_ms, outcome, recipients)
        VALUES (${m.id}, ${m.forumId}, ${job.id}, ${minutesBefore}, ${job.dueAt}, ${firedAt}, ${late}, ${outcome}, ${recipients})`;
      if (outcome === "skipped_over") d.logger?.info({ meetingId, jobId: String(job.id), lateMs }, "meeting reminder skipped: meeting already over");
    },

    /** One coalesced edit of every invitation copy after a burst of answers. */
    [JOB_REFRESH]: async (job, { tx, now, afterCommit }) => {
      const meetingId = Number(job.ownerId);
      await tx.meeting.updateMany({ where: { id: meetingId }, data: { countsPending: false } });
      const m = await loadView(tx, meetingId, job.forumId ?? undefined);
      if (!m) return;
      await d.notifier.refresh(tx, m, await loadAttendance(tx, m), now);
      afterCommit(() => d.delivery.kick());
    },

    /** The attendance list opens: copies get the check-in button; the organiser a live view. */
    [JOB_CHECKIN]: async (job, { tx, now, afterCommit }) => {
      const m = await loadView(tx, Number(job.ownerId), job.forumId ?? undefined);
      if (!m || m.status === "cancelled" || now.getTime() >= m.endsAt.getTime()) return;
      const att = await loadAttendance(tx, m);
      await d.notifier.refresh(tx, m, att, now);
      await d.notifier.checkInOpened(tx, m, att, now);
      afterCommit(() => d.delivery.kick());
    },

    /** The meeting ended: final copies, a summary for the organiser, and the next occurrence. */
    [JOB_END]: async (job, { tx, now, afterCommit }) => {
      const m = await loadView(tx, Number(job.ownerId), job.forumId ?? undefined);
      if (!m) return;
      if (m.status !== "cancelled") {
        const att = await loadAttendance(tx, m);
        await d.notifier.refresh(tx, m, att, now);
        await d.notifier.ended(tx, m, att);
      }
      if (m.recurrence) await createNextOccurrence(d, tx, m.id, now);
      afterCommit(() => d.delivery.kick());
    },
  };
}

/**
 * Creates the next meeting of a series, with the same audience (re-read, so new officials are
 * invited too) and the same answer-deadline distance, and sends its invitations.
 */
async function createNextOccurrence(d: MeetingDeps, tx: Db, meetingId: number, now: Date) {
  const prev = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const view = (await loadView(tx, meetingId))!;
  const rule = view.recurrence!;
  let startsAt = nextOccurrence(prev.startsAt, rule, view.zone);
  // After a long outage several occurrences may have passed: the next one still ahead counts.
  for (let i = 0; startsAt && startsAt.getTime() <= now.getTime() && i < 60; i++) startsAt = nextOccurrence(startsAt, rule, view.zone);
  if (!startsAt) return;
  const seriesId = prev.seriesId ?? prev.id;
  const exists = await tx.meeting.count({ where: { forumId: prev.forumId, seriesId, startsAt } });
  if (exists) return;
  // The organiser may have lost the role that let them organise: then the series ends here.
  const access = await loadAccess(tx as never, prev.organizerId, false);
  if (!canOrganise(access, prev.forumId)) {
    d.logger?.warn({ meetingId }, "recurring meeting not continued: organiser has no role any more");
    return;
  }
  const duration = prev.endsAt.getTime() - prev.startsAt.getTime();
  const lead = prev.rsvpDeadline ? prev.startsAt.getTime() - prev.rsvpDeadline.getTime() : null;
  const deadline = lead !== null && startsAt.getTime() - lead > now.getTime() ? new Date(startsAt.getTime() - lead) : null;
  const next = await tx.meeting.create({
    data: {
      forumId: prev.forumId,
      organizerId: prev.organizerId,
      villageId: prev.villageId,
      kind: prev.kind,
      title: prev.title,
      agenda: prev.agenda as object,
      startsAt,
      endsAt: new Date(startsAt.getTime() + duration),
      place: prev.place,
      latitude: prev.latitude,
      longitude: prev.longitude,
      rsvpDeadline: deadline,
      quorumRule: prev.quorumRule,
      reminderMinutes: prev.reminderMinutes as object,
      audience: prev.audience as object,
      recurrence: rule as object,
      seriesId,
    },
  });
  await sendNewMeeting(d, tx, next.id, audienceOf(prev.audience), now, null);
}

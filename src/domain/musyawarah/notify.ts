import type { Db } from "./repo.js";
import type { Attendance, MeetingView, Recipients } from "./types.js";

/**
 * What the meeting rules need said, without saying it: the bot layer renders each message in the
 * recipient's language and enqueues it on the delivery queue inside the same transaction `tx`
 * (transactional outbox), so a rolled-back change never sends anything.
 */
export interface MeetingNotifier {
  invitations(tx: Db, m: MeetingView, to: Recipients, attendance: Attendance, now: Date): Promise<void>;
  reminder(
    tx: Db,
    m: MeetingView,
    to: Recipients,
    info: { minutesBefore: number; late: boolean; inProgress: boolean; now: Date },
  ): Promise<void>;
  rescheduled(tx: Db, m: MeetingView, to: Recipients, info: { previousStartsAt: Date; rsvpReset: boolean; now: Date }): Promise<void>;
  cancelled(tx: Db, m: MeetingView, to: Recipients, now: Date): Promise<void>;
  /** The berita acara (a PDF with the daftar hadir attached) to everyone invited. */
  minutes(tx: Db, m: MeetingView, to: Recipients, attendance: Attendance): Promise<void>;
  /** Brings every copy of the invitation (and the organiser's live view) up to date. */
  refresh(tx: Db, m: MeetingView, attendance: Attendance, now: Date): Promise<void>;
  /** The attendance list opened: the organiser gets a live view of it. */
  checkInOpened(tx: Db, m: MeetingView, attendance: Attendance, now: Date): Promise<void>;
  quorumReached(tx: Db, m: MeetingView, attendance: Attendance): Promise<void>;
  ended(tx: Db, m: MeetingView, attendance: Attendance): Promise<void>;
}

import type { JobTx } from "../../jobs/scheduler.js";
import { isZoneName, type ZoneName } from "../../lib/time.js";
import { displayName } from "../forum/people.js";
import { isRecurrence } from "./dates.js";
import { computeQuorum, rsvpCounts } from "./quorum.js";
import { audienceOf, type Attendance, type AttendanceRow, type MeetingView, type Recipients } from "./types.js";

/** A Prisma client or the transaction a job handler / service runs in. */
export type Db = JobTx;

export function zoneOf(tz: string | null | undefined): ZoneName {
  return isZoneName(tz) ? tz : "Asia/Jakarta";
}

/** Loads a meeting with what every message about it needs; scoped by forum when given. */
export async function loadView(db: Db, meetingId: number, forumId?: number): Promise<MeetingView | null> {
  const m = await db.meeting.findFirst({
    where: { id: meetingId, ...(forumId !== undefined ? { forumId } : {}) },
    include: { villages: { select: { villageId: true, viaGroup: true } } },
  });
  if (!m) return null;
  // One after another: inside a transaction all queries share one connection.
  const forum = await db.forum.findUnique({ where: { id: m.forumId }, select: { timezone: true } });
  const organizer = await db.person.findUnique({ where: { id: m.organizerId }, select: { firstName: true } });
  const villages = await db.village.findMany({
    where: { forumId: m.forumId, id: { in: [...m.villages.map((v) => v.villageId), ...(m.villageId ? [m.villageId] : [])] } },
    select: { id: true, name: true },
  });
  const names = new Map(villages.map((v) => [v.id, v.name]));
  const agenda = Array.isArray(m.agenda) ? (m.agenda as unknown[]).filter((x): x is string => typeof x === "string") : [];
  const reminders = Array.isArray(m.reminderMinutes) ? (m.reminderMinutes as unknown[]).filter((x): x is number => Number.isInteger(x)) : [];
  return {
    id: m.id,
    forumId: m.forumId,
    zone: zoneOf(forum?.timezone),
    kind: m.kind,
    title: m.title,
    agenda,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    latitude: m.latitude,
    longitude: m.longitude,
    rsvpDeadline: m.rsvpDeadline,
    quorumRule: m.quorumRule,
    reminderMinutes: reminders,
    recurrence: isRecurrence(m.recurrence) ? m.recurrence : null,
    seriesId: m.seriesId,
    status: m.status,
    openCheckIn: m.openCheckIn,
    sequence: m.sequence,
    cancelReason: m.cancelReason,
    organizerId: m.organizerId,
    organizerName: organizer ? displayName(organizer) : "—",
    villageId: m.villageId,
    villageName: m.villageId ? (names.get(m.villageId) ?? null) : null,
    villages: m.villages
      .map((v) => ({ id: v.villageId, name: names.get(v.villageId) ?? "—", viaGroup: v.viaGroup }))
      .sort((a, b) => a.name.localeCompare(b.name, "id")),
    audience: audienceOf(m.audience),
    minutesText: m.minutesText,
    minutesFileId: m.minutesFileId,
    minutesFileName: m.minutesFileName,
    decisions: m.decisions,
    minutesAt: m.minutesAt,
  };
}

/** Who answered what and who signed the list, with counts and the quorum. */
export async function loadAttendance(db: Db, m: Pick<MeetingView, "id" | "forumId" | "quorumRule" | "villages">): Promise<Attendance> {
  const invitees = await db.meetingInvitee.findMany({ where: { meetingId: m.id, forumId: m.forumId }, orderBy: { id: "asc" } });
  const people = await db.person.findMany({ where: { id: { in: invitees.map((i) => i.personId) } }, select: { id: true, firstName: true } });
  const names = new Map(people.map((p) => [p.id, displayName(p)]));
  const rows: AttendanceRow[] = invitees.map((i) => ({
    inviteeId: i.id,
    personId: i.personId,
    name: names.get(i.personId) ?? "—",
    villageId: i.villageId,
    source: i.source,
    rsvp: i.rsvp,
    delegateName: i.delegateName,
    checkedInAt: i.checkedInAt,
    markedByOrganiser: i.checkedInById !== null,
  }));
  return { rows, counts: rsvpCounts(rows), quorum: computeQuorum(m.quorumRule, rows, m.villages.map((v) => v.id)) };
}

export type RecipientSet = "invitation" | "reminder" | "everyone";

/**
 * Where a message about a meeting goes: the linked groups of villages invited through their
 * group (and the kecamatan group when chosen), and the people who can be written to privately.
 * - invitation: people invited by name;
 * - reminder: people who said Hadir or have not answered yet;
 * - everyone: every invitee (reschedule, cancellation, berita acara).
 */
export async function recipientsOf(db: Db, m: Pick<MeetingView, "id" | "forumId" | "villages" | "audience">, set: RecipientSet): Promise<Recipients> {
  const groupVillages = m.villages.filter((v) => v.viaGroup).map((v) => v.id);
  const links = await db.chatLink.findMany({
    where: {
      forumId: m.forumId,
      active: true,
      OR: [
        { kind: "village_group", villageId: { in: groupVillages } },
        ...(m.audience.kecamatan ? [{ kind: "kecamatan_group" as const }] : []),
      ],
    },
    select: { telegramChatId: true, villageId: true },
    orderBy: { id: "asc" },
  });
  const invitees = await db.meetingInvitee.findMany({
    where: {
      meetingId: m.id,
      forumId: m.forumId,
      ...(set === "invitation" ? { source: { in: ["official", "bpd", "named"] } } : {}),
      ...(set === "reminder" ? { rsvp: { in: ["yes", "pending"] } } : {}),
    },
    select: { personId: true, villageId: true, rsvp: true },
    orderBy: { id: "asc" },
  });
  const people = await db.person.findMany({
    where: { id: { in: invitees.map((i) => i.personId) }, canMessage: true },
    select: { id: true, telegramUserId: true, language: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    groups: links.map((l) => ({ chatId: l.telegramChatId, villageId: l.villageId })),
    persons: invitees.flatMap((i) => {
      const p = byId.get(i.personId);
      return p ? [{ personId: p.id, chatId: p.telegramUserId, language: p.language, villageId: i.villageId, rsvp: i.rsvp }] : [];
    }),
  };
}

import { termsOf } from "../forum/terms.js";
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

interface MeetingRow {
  id: number;
  forum_id: number;
  organizer_id: number;
  village_id: number | null;
  kind: MeetingView["kind"];
  title: string;
  agenda: unknown;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  rsvp_deadline: Date | null;
  quorum_rule: MeetingView["quorumRule"];
  reminder_minutes: unknown;
  audience: unknown;
  recurrence: unknown;
  series_id: number | null;
  status: MeetingView["status"];
  open_check_in: boolean;
  sequence: number;
  cancel_reason: string | null;
  minutes_text: string | null;
  minutes_file_id: string | null;
  minutes_file_name: string | null;
  decisions: string | null;
  chair_name: string | null;
  chair_title: string | null;
  secretary_name: string | null;
  decision_method: string | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  minutes_at: Date | null;
  timezone: string | null;
  village_term: string | null;
  council_term: string | null;
  organizer_title: string | null;
  organizer_first_name: string | null;
  village_name: string | null;
  villages: unknown;
  links: unknown;
  people: unknown;
}

const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

export type RecipientSet = "invitation" | "reminder" | "everyone";

const SOURCES: Record<RecipientSet, string[]> = {
  invitation: ["official", "bpd", "named"],
  reminder: ["official", "bpd", "named", "group", "walk_in"],
  everyone: ["official", "bpd", "named", "group", "walk_in"],
};
const ANSWERS: Record<RecipientSet, string[]> = {
  invitation: ["pending", "yes", "no", "delegate"],
  reminder: ["yes", "pending"],
  everyone: ["pending", "yes", "no", "delegate"],
};

/**
 * Loads a meeting with what every message about it needs — and, when `recipients` is given,
 * where such a message goes — in ONE query: this runs for every reminder, so it is kept cheap
 * (see bench/reminders.ts). Scoped by forum when `forumId` is given.
 *
 * Recipients: the linked groups of villages invited through their group (and the kecamatan
 * group when chosen), and the invitees who can be written to privately:
 * - invitation: people invited by name;
 * - reminder: people who said Hadir or have not answered yet;
 * - everyone: every invitee (reschedule, cancellation, berita acara).
 */
export async function loadView(db: Db, meetingId: number, forumId?: number, recipients?: RecipientSet): Promise<(MeetingView & { recipients?: Recipients }) | null> {
  const want = recipients !== undefined;
  const set = recipients ?? "everyone";
  const rows = await db.$queryRaw<MeetingRow[]>`
    SELECT m.id, m.forum_id, m.organizer_id, m.village_id, m.kind::text AS kind, m.title, m.agenda, m.starts_at, m.ends_at,
           m.place, m.latitude, m.longitude, m.rsvp_deadline, m.quorum_rule::text AS quorum_rule, m.reminder_minutes, m.audience,
           m.recurrence, m.series_id, m.status::text AS status, m.open_check_in, m.sequence, m.cancel_reason, m.minutes_text,
           m.minutes_file_id, m.minutes_file_name, m.decisions, m.minutes_at,
           m.chair_name, m.chair_title, m.secretary_name, m.decision_method, m.votes_for, m.votes_against, m.votes_abstain,
           f.timezone, f.village_term, f.council_term, p.first_name AS organizer_first_name, v.name AS village_name,
           -- The organiser's position where they organise: at the village, or in the forum's office.
           (SELECT om.title FROM memberships om
              WHERE om.person_id = m.organizer_id AND om.forum_id = m.forum_id AND om.title IS NOT NULL
                AND ((m.village_id IS NOT NULL AND om.role = 'perangkat_desa' AND om.village_id = m.village_id)
                  OR (m.village_id IS NULL AND om.role = 'admin_forum'))
              ORDER BY om.id LIMIT 1) AS organizer_title,
           (SELECT json_agg(json_build_object('id', vv.id, 'name', vv.name, 'via', mv.via_group))
              FROM meeting_villages mv JOIN villages vv ON vv.id = mv.village_id AND vv.forum_id = mv.forum_id
              WHERE mv.meeting_id = m.id AND mv.forum_id = m.forum_id) AS villages,
           CASE WHEN ${want} THEN (
             SELECT json_agg(json_build_object('chat', cl.telegram_chat_id::text, 'village', cl.village_id) ORDER BY cl.id)
             FROM chat_links cl
             WHERE cl.forum_id = m.forum_id AND cl.active
               AND ((cl.kind = 'village_group' AND cl.village_id IN (SELECT mv.village_id FROM meeting_villages mv WHERE mv.meeting_id = m.id AND mv.via_group))
                 OR (cl.kind = 'kecamatan_group' AND COALESCE((m.audience->>'kecamatan')::boolean, false)))
           ) END AS links,
           CASE WHEN ${want} THEN (
             -- Only people who opened a private chat with the bot can be written to.
             SELECT json_agg(json_build_object('person', i.person_id, 'chat', ip.telegram_user_id::text, 'lang', ip.language, 'village', i.village_id, 'rsvp', i.rsvp) ORDER BY i.id)
             FROM meeting_invitees i JOIN persons ip ON ip.id = i.person_id
             WHERE i.meeting_id = m.id AND i.forum_id = m.forum_id AND ip.can_message
               AND i.source::text = ANY(${SOURCES[set]}::text[]) AND i.rsvp::text = ANY(${ANSWERS[set]}::text[])
           ) END AS people
    FROM meetings m
    JOIN forums f ON f.id = m.forum_id
    LEFT JOIN persons p ON p.id = m.organizer_id
    LEFT JOIN villages v ON v.id = m.village_id AND v.forum_id = m.forum_id
    WHERE m.id = ${meetingId} AND (${forumId ?? null}::int IS NULL OR m.forum_id = ${forumId ?? null}::int)`;
  const m = rows[0];
  if (!m) return null;
  const agenda = json(m.agenda);
  const reminders = json(m.reminder_minutes);
  const recurrence = json(m.recurrence);
  const villages = (json(m.villages) ?? []) as Array<{ id: number; name: string; via: boolean }>;
  const view: MeetingView & { recipients?: Recipients } = {
    id: m.id,
    forumId: m.forum_id,
    zone: zoneOf(m.timezone),
    kind: m.kind,
    title: m.title,
    agenda: Array.isArray(agenda) ? agenda.filter((x): x is string => typeof x === "string") : [],
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    place: m.place,
    latitude: m.latitude,
    longitude: m.longitude,
    rsvpDeadline: m.rsvp_deadline,
    quorumRule: m.quorum_rule,
    reminderMinutes: Array.isArray(reminders) ? reminders.filter((x): x is number => Number.isInteger(x)) : [],
    recurrence: isRecurrence(recurrence) ? recurrence : null,
    seriesId: m.series_id,
    status: m.status,
    openCheckIn: m.open_check_in,
    sequence: m.sequence,
    cancelReason: m.cancel_reason,
    organizerId: m.organizer_id,
    organizerName: m.organizer_first_name ? displayName({ firstName: m.organizer_first_name }) : "—",
    organizerTitle: m.organizer_title,
    terms: termsOf({ villageTerm: m.village_term, councilTerm: m.council_term }),
    villageId: m.village_id,
    villageName: m.village_name,
    villages: villages.map((x) => ({ id: x.id, name: x.name, viaGroup: x.via })).sort((a, b) => a.name.localeCompare(b.name, "id")),
    audience: audienceOf(json(m.audience)),
    minutesText: m.minutes_text,
    minutesFileId: m.minutes_file_id,
    minutesFileName: m.minutes_file_name,
    decisions: m.decisions,
    chairName: m.chair_name,
    chairTitle: m.chair_title,
    secretaryName: m.secretary_name,
    decisionMethod: m.decision_method === "mufakat" || m.decision_method === "suara" ? m.decision_method : null,
    votesFor: m.votes_for,
    votesAgainst: m.votes_against,
    votesAbstain: m.votes_abstain,
    minutesAt: m.minutes_at,
  };
  if (want) {
    const links = (json(m.links) ?? []) as Array<{ chat: string; village: number | null }>;
    const people = (json(m.people) ?? []) as Array<{ person: number; chat: string; lang: string; village: number | null; rsvp: Recipients["persons"][number]["rsvp"] }>;
    view.recipients = {
      groups: links.map((l) => ({ chatId: BigInt(l.chat), villageId: l.village })),
      persons: people.map((x) => ({ personId: x.person, chatId: BigInt(x.chat), language: x.lang, villageId: x.village, rsvp: x.rsvp })),
    };
  }
  return view;
}

/** Who answered what and who signed the list, with counts and the quorum. */
export async function loadAttendance(db: Db, m: Pick<MeetingView, "id" | "forumId" | "quorumRule" | "villages">): Promise<Attendance> {
  const invitees = await db.meetingInvitee.findMany({ where: { meetingId: m.id, forumId: m.forumId }, orderBy: { id: "asc" } });
  const ids = invitees.map((i) => i.personId);
  const [people, positions] = await Promise.all([
    db.person.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true } }),
    // Positions for the daftar hadir (Kepala Kampung, Ketua BPK, …).
    db.membership.findMany({ where: { forumId: m.forumId, personId: { in: ids }, title: { not: null } }, select: { personId: true, villageId: true, title: true }, orderBy: { id: "asc" } }),
  ]);
  const names = new Map(people.map((p) => [p.id, displayName(p)]));
  const titleOf = (personId: number, villageId: number | null) =>
    (positions.find((x) => x.personId === personId && x.villageId === villageId) ?? positions.find((x) => x.personId === personId))?.title ?? null;
  const rows: AttendanceRow[] = invitees.map((i) => ({
    inviteeId: i.id,
    personId: i.personId,
    name: names.get(i.personId) ?? "—",
    title: titleOf(i.personId, i.villageId),
    villageId: i.villageId,
    source: i.source,
    rsvp: i.rsvp,
    delegateName: i.delegateName,
    checkedInAt: i.checkedInAt,
    markedByOrganiser: i.checkedInById !== null,
  }));
  return { rows, counts: rsvpCounts(rows), quorum: computeQuorum(m.quorumRule, rows, m.villages.map((v) => v.id)) };
}

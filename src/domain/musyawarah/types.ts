import type { ForumTerms } from "../forum/terms.js";
import type { Recurrence, ZoneName } from "../../lib/time.js";
import type { InviteeSource, MeetingKind, MeetingStatus, QuorumRule, Rsvp } from "../../generated/prisma/enums.js";

export type { InviteeSource, MeetingKind, MeetingStatus, QuorumRule, Rsvp };

export const MEETING_KINDS: MeetingKind[] = ["musdes", "musrenbangdes", "mad", "rakor", "lainnya"];
export const QUORUM_RULES: QuorumRule[] = ["two_thirds", "half_plus_one", "two_thirds_villages", "all_villages"];
export const RSVP_ANSWERS = ["yes", "no", "delegate"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** Who the organiser chose; kept on the meeting so a recurring meeting invites the same people. */
export interface Audience {
  /** Villages whose linked groups receive the invitation (their residents may answer). */
  groups: number[];
  /** Villages whose perangkat desa are invited by name. */
  officials: number[];
  /** Villages whose BPD members (perangkat desa with a BPD title) are invited by name. */
  bpd: number[];
  /** People of the forum invited by name. */
  persons: number[];
  /** The forum's kecamatan group(s) receive the invitation (admins only). */
  kecamatan: boolean;
}

export const emptyAudience = (): Audience => ({ groups: [], officials: [], bpd: [], persons: [], kecamatan: false });

export function audienceOf(json: unknown): Audience {
  const a = (json ?? {}) as Partial<Audience>;
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x) && x > 0) : []);
  return { groups: ids(a.groups), officials: ids(a.officials), bpd: ids(a.bpd), persons: ids(a.persons), kecamatan: a.kecamatan === true };
}

export function audienceVillages(a: Audience): number[] {
  return [...new Set([...a.groups, ...a.officials, ...a.bpd])];
}

export interface MeetingInput {
  forumId: number;
  kind: MeetingKind;
  title: string;
  agenda: string[];
  startsAt: Date;
  durationMinutes: number;
  place?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  audience: Audience;
  /** null: answers are accepted until the meeting starts. */
  rsvpDeadline?: Date | null;
  quorumRule?: QuorumRule;
  reminderMinutes?: number[];
  recurrence?: Recurrence | null;
  /** Which of the organiser's villages organises (perangkat desa of several villages). */
  villageId?: number | null;
}

/** Everything a message about a meeting needs, loaded in one place. */
export interface MeetingView {
  id: number;
  forumId: number;
  zone: ZoneName;
  kind: MeetingKind;
  title: string;
  agenda: string[];
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  rsvpDeadline: Date | null;
  quorumRule: QuorumRule;
  reminderMinutes: number[];
  recurrence: Recurrence | null;
  seriesId: number | null;
  status: MeetingStatus;
  openCheckIn: boolean;
  sequence: number;
  cancelReason: string | null;
  organizerId: number;
  organizerName: string;
  /** The organiser's position (jabatan key or typed) where they organise, if known. */
  organizerTitle: string | null;
  /** The forum's words (Kampung, BPK). */
  terms: ForumTerms;
  villageId: number | null;
  villageName: string | null;
  villages: Array<{ id: number; name: string; viaGroup: boolean }>;
  audience: Audience;
  minutesText: string | null;
  minutesFileId: string | null;
  minutesFileName: string | null;
  decisions: string | null;
  /** Berita acara: who chaired, who took the minutes, how the decisions were taken. */
  chairName: string | null;
  chairTitle: string | null;
  secretaryName: string | null;
  decisionMethod: DecisionMethod | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  minutesAt: Date | null;
}

/** Musyawarah decides by consensus (mufakat) first, otherwise by a count of hands (suara terbanyak). */
export type DecisionMethod = "mufakat" | "suara";

export interface AttendanceRow {
  inviteeId: number;
  personId: number;
  name: string;
  /** Position (jabatan key or typed) for the daftar hadir. */
  title: string | null;
  villageId: number | null;
  source: InviteeSource;
  rsvp: Rsvp;
  delegateName: string | null;
  checkedInAt: Date | null;
  markedByOrganiser: boolean;
}

export interface RsvpCounts {
  yes: number;
  no: number;
  delegate: number;
  pending: number;
  checkedIn: number;
}

export interface QuorumResult {
  rule: QuorumRule;
  unit: "people" | "villages";
  present: number;
  total: number;
  required: number;
  reached: boolean;
}

export interface Attendance {
  rows: AttendanceRow[];
  counts: RsvpCounts;
  quorum: QuorumResult;
}

export interface GroupRecipient {
  chatId: bigint;
  villageId: number | null;
}

export interface PersonRecipient {
  personId: number;
  chatId: bigint;
  language: string;
  villageId: number | null;
  rsvp: Rsvp;
}

export interface Recipients {
  groups: GroupRecipient[];
  persons: PersonRecipient[];
}

import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import type { DeliveryQueue } from "../../delivery/queue.js";
import type { JobScheduler } from "../../jobs/scheduler.js";
import type { Recurrence } from "../../lib/time.js";
import type { Access } from "../forum/access.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import {
  DEFAULT_REMINDERS,
  MARK_GRACE_AFTER_END_MS,
  MAX_AHEAD_MS,
  checkInWindow,
  qrExpiresAt,
  isRecurrence,
  phaseAt,
  reminderDueTimes,
  rsvpOpen,
} from "./dates.js";
import type { MeetingNotifier } from "./notify.js";
import { loadAttendance, loadView, type Db } from "./repo.js";
import {
  MEETING_KINDS,
  QUORUM_RULES,
  RSVP_ANSWERS,
  audienceVillages,
  type Audience,
  type MeetingInput,
  type MeetingKind,
  type MeetingView,
  type RsvpAnswer,
  type DecisionMethod,
} from "./types.js";
import { audit as record, type AuditAction, type AuditDetails } from "../privasi/audit.js";
import { termsOf } from "../forum/terms.js";
import { isCouncilTitle } from "../forum/jabatan.js";

export interface MeetingDeps {
  prisma: Prisma;
  clock: Clock;
  delivery: DeliveryQueue;
  jobs: JobScheduler;
  logger?: Logger;
  notifier: MeetingNotifier;
}

export interface Actor {
  personId: number;
  access: Access;
}

export const JOB_REMINDER = "meeting.reminder";
export const JOB_REFRESH = "meeting.refresh_counts";
export const JOB_CHECKIN = "meeting.checkin_open";
export const JOB_END = "meeting.end";
const TIMED_JOBS = [JOB_REMINDER, JOB_CHECKIN, JOB_END, JOB_REFRESH];

/** Edits of the invitation copies wait this long, so a burst of answers becomes one edit. */
export const REFRESH_DELAY_MS = 10_000;
const TX = { timeout: 30_000, maxWait: 10_000 };

const LIMITS = { title: [3, 150], agendaItems: 15, agendaItem: 300, agendaTotal: 2000, place: 200, duration: [15, 12 * 60], reminders: 6 } as const;

// ---------------------------------------------------------------- rights

/** Who may organise at all: forum admins, and perangkat desa for their own village. */
export function canOrganise(access: Access, forumId: number): boolean {
  return access.isAdmin(forumId) || access.isOfficial(forumId);
}

/**
 * The forum's admins and the officials of the organising village manage a meeting. Rights follow
 * the current role: an organiser who is no longer perangkat of that village no longer manages it.
 */
export function canManage(actor: Actor, m: { forumId: number; villageId: number | null }): boolean {
  return actor.access.isAdmin(m.forumId) || (m.villageId !== null && actor.access.isOfficialOf(m.forumId, m.villageId));
}

async function requireManageable(db: Db, actor: Actor, meetingId: number): Promise<MeetingView> {
  const m = await loadView(db, meetingId);
  // Not in the actor's forums: as if it did not exist (no cross-forum probing).
  if (!m || !actor.access.inForum(m.forumId)) throw new NotFound("meeting_not_found");
  if (!canManage(actor, m)) throw new NotAllowed("meeting_not_organiser");
  return m;
}

// ---------------------------------------------------------------- validation

function cleanText(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim();
}

export function validateTitle(title: string): string {
  const t = cleanText(title);
  if (t.length < LIMITS.title[0]) throw new InvalidInput("meeting_title_short");
  if (t.length > LIMITS.title[1]) throw new InvalidInput("meeting_title_long", { max: LIMITS.title[1] });
  return t;
}

/** One agenda item per line; list numbering people type ("1.", "-") is dropped. */
export function parseAgenda(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => cleanText(l.replace(/^\s*(\d+[.)]|[-•*])\s*/, "")))
    .filter(Boolean);
}

export function validateAgenda(items: string[]): string[] {
  const list = items.map(cleanText).filter(Boolean);
  if (list.length === 0) throw new InvalidInput("meeting_agenda_empty");
  if (list.length > LIMITS.agendaItems) throw new InvalidInput("meeting_agenda_many", { max: LIMITS.agendaItems });
  if (list.some((i) => i.length > LIMITS.agendaItem) || list.join("").length > LIMITS.agendaTotal) {
    throw new InvalidInput("meeting_agenda_long", { max: LIMITS.agendaItem });
  }
  return list;
}

/** "2 jam", "90 menit", "1,5 jam", "1.5", "2" (hours). */
export function parseDuration(text: string): number | null {
  const s = text.toLowerCase().replace(",", ".").trim();
  const m = s.match(/^(\d{1,2}(?:\.\d{1,2})?)\s*(jam|j|hours?|h)?$/) ?? s.match(/^(\d{1,3})\s*(menit|mnt|minutes?|min|m)$/);
  if (!m) return null;
  const n = Number(m[1]);
  const minutes = /^(menit|mnt|min|m)/.test(m[2] ?? "") ? n : Math.round(n * 60);
  return Number.isFinite(minutes) ? minutes : null;
}

export function validateDuration(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < LIMITS.duration[0] || minutes > LIMITS.duration[1]) {
    throw new InvalidInput("meeting_duration_bad");
  }
  return minutes;
}

function validateReminders(list: number[]): number[] {
  const uniq = [...new Set(list)].sort((a, b) => b - a);
  if (uniq.length > LIMITS.reminders || uniq.some((m) => !Number.isInteger(m) || m < 5 || m > 30 * 24 * 60)) {
    throw new InvalidInput("meeting_reminders_bad");
  }
  return uniq;
}

function validateWhen(startsAt: Date, now: Date) {
  if (!(startsAt instanceof Date) || Number.isNaN(startsAt.getTime())) throw new InvalidInput("meeting_time_unparsed");
  if (startsAt.getTime() <= now.getTime()) throw new InvalidInput("meeting_time_past");
  if (startsAt.getTime() - now.getTime() > MAX_AHEAD_MS) throw new InvalidInput("meeting_time_far");
}

/**
 * Checks the audience against the actor's rights: a perangkat desa invites only their own
 * village's group, officials and BPD; admins any village and the kecamatan group.
 */
async function validateAudience(db: Db, actor: Actor, forumId: number, a: Audience): Promise<Audience> {
  const villages = audienceVillages(a);
  if (villages.length === 0 && a.persons.length === 0 && !a.kecamatan) throw new InvalidInput("meeting_no_invitees");
  const found = await db.village.findMany({ where: { forumId, retiredAt: null, id: { in: villages } }, select: { id: true } });
  if (found.length !== villages.length) throw new NotFound("village_not_found");
  if (!actor.access.isAdmin(forumId)) {
    const own = actor.access.officialVillages(forumId);
    if (villages.some((v) => !own.includes(v))) throw new NotAllowed("meeting_other_village");
    if (a.kecamatan) throw new NotAllowed("meeting_kecamatan_admin_only");
  }
  if (a.persons.length) {
    const members = await db.membership.findMany({ where: { forumId, personId: { in: a.persons } }, select: { personId: true } });
    if (new Set(members.map((m) => m.personId)).size !== new Set(a.persons).size) throw new NotFound("person_not_in_forum");
  }
  return { groups: [...new Set(a.groups)], officials: [...new Set(a.officials)], bpd: [...new Set(a.bpd)], persons: [...new Set(a.persons)], kecamatan: a.kecamatan };
}

/**
 * The people an audience names: officials and council members (BPD, BPK, …: a position of Ketua
 * or Anggota of the council, given when their code was issued or redeemed) of the chosen
 * villages, and named people.
 */
async function resolveInvitees(db: Db, forumId: number, a: Audience) {
  const rows = new Map<number, { villageId: number | null; source: "official" | "bpd" | "named" }>();
  const wanted = [...new Set([...a.officials, ...a.bpd])];
  if (wanted.length) {
    const [officials, forum] = await Promise.all([
      db.membership.findMany({
        where: { forumId, role: "perangkat_desa", villageId: { in: wanted } },
        select: { personId: true, villageId: true, title: true },
        orderBy: { id: "asc" },
      }),
      db.forum.findUnique({ where: { id: forumId }, select: { villageTerm: true, councilTerm: true } }),
    ]);
    const terms = termsOf(forum);
    for (const o of officials) {
      const isBpd = isCouncilTitle(o.title, terms);
      const source = isBpd && a.bpd.includes(o.villageId!) ? "bpd" : a.officials.includes(o.villageId!) ? "official" : null;
      if (source && !rows.has(o.personId)) rows.set(o.personId, { villageId: o.villageId, source });
    }
  }
  if (a.persons.length) {
    const ms = await db.membership.findMany({ where: { forumId, personId: { in: a.persons } }, select: { personId: true, villageId: true, role: true }, orderBy: { id: "asc" } });
    for (const personId of a.persons) {
      if (rows.has(personId)) continue;
      const own = ms.filter((m) => m.personId === personId);
      if (own.length === 0) continue;
      const home = own.find((m) => m.role === "warga" && m.villageId) ?? own.find((m) => m.villageId);
      rows.set(personId, { villageId: home?.villageId ?? null, source: "named" });
    }
  }
  return rows;
}

/** Turns the audience into invited villages and invited people (one row per person). */
async function materialise(db: Db, meetingId: number, forumId: number, a: Audience) {
  const viaGroup = new Set(a.groups);
  const villages = audienceVillages(a);
  if (villages.length) {
    await db.meetingVillage.createMany({ data: villages.map((villageId) => ({ meetingId, forumId, villageId, viaGroup: viaGroup.has(villageId) })) });
  }
  const rows = await resolveInvitees(db, forumId, a);
  if (rows.size) {
    await db.meetingInvitee.createMany({ data: [...rows].map(([personId, r]) => ({ meetingId, forumId, personId, villageId: r.villageId, source: r.source })) });
  }
}

/** How many groups and people an audience would reach now (for the preview before sending). */
export async function countReach(db: Db, forumId: number, a: Audience): Promise<{ groups: number; persons: number }> {
  const groups = await db.chatLink.count({
    where: {
      forumId,
      active: true,
      OR: [{ kind: "village_group", villageId: { in: a.groups } }, ...(a.kecamatan ? [{ kind: "kecamatan_group" as const }] : [])],
    },
  });
  const rows = await resolveInvitees(db, forumId, a);
  const persons = await db.person.count({ where: { id: { in: [...rows.keys()] }, canMessage: true } });
  return { groups, persons };
}

/** Forum members matching typed names or @usernames (for "orang tertentu"). */
export async function findPeople(db: Db, forumId: number, tokens: string[]) {
  const found = new Map<number, string>();
  const missing: string[] = [];
  for (const raw of tokens) {
    const token = raw.trim();
    if (!token) continue;
    const where = token.startsWith("@")
      ? { username: { equals: token.slice(1), mode: "insensitive" as const } }
      : { firstName: { equals: token, mode: "insensitive" as const } };
    const people = await db.person.findMany({ where: { ...where, memberships: { some: { forumId } } }, select: { id: true, firstName: true }, take: 5 });
    if (people.length === 0) missing.push(token);
    for (const p of people) found.set(p.id, p.firstName);
  }
  return { found: [...found].map(([id, name]) => ({ id, name })), missing };
}

async function scheduleTimedJobs(d: MeetingDeps, tx: Db, m: { id: number; forumId: number; startsAt: Date; endsAt: Date; sequence: number; reminderMinutes: number[] }, now: Date) {
  for (const r of reminderDueTimes(m.startsAt, m.reminderMinutes, now)) {
    await d.jobs.schedule({ kind: JOB_REMINDER, ownerId: m.id, forumId: m.forumId, dueAt: r.dueAt, payload: { minutesBefore: r.minutesBefore, sequence: m.sequence } }, tx);
  }
  const opens = checkInWindow(m).opensAt;
  await d.jobs.schedule({ kind: JOB_CHECKIN, ownerId: m.id, forumId: m.forumId, dueAt: opens > now ? opens : now, payload: { sequence: m.sequence } }, tx);
  await d.jobs.schedule({ kind: JOB_END, ownerId: m.id, forumId: m.forumId, dueAt: m.endsAt, payload: { sequence: m.sequence } }, tx);
}

/** Asks for one coalesced edit of the invitation copies, unless one is already waiting. */
export async function requestRefresh(d: Pick<MeetingDeps, "jobs">, tx: Db, m: { id: number; forumId: number }, now: Date) {
  const flagged = await tx.meeting.updateMany({ where: { id: m.id, countsPending: false }, data: { countsPending: true } });
  if (flagged.count === 1) {
    await d.jobs.schedule({ kind: JOB_REFRESH, ownerId: m.id, forumId: m.forumId, dueAt: new Date(now.getTime() + REFRESH_DELAY_MS) }, tx);
  }
}

async function audit(db: Db, at: Date, forumId: number, actorId: number | null, action: AuditAction, meetingId: number, details: AuditDetails = {}) {
  await record(db, { forumId, actorId, action, target: `meeting:${meetingId}`, details, at });
}

// ---------------------------------------------------------------- create

/**
 * Creates a meeting (or the first of a series), its invitees and due work, and queues the
 * invitations — all in one transaction.
 */
export async function createMeeting(d: MeetingDeps, actor: Actor, input: MeetingInput): Promise<{ id: number; groups: number; persons: number }> {
  const now = d.clock.now();
  const forumId = input.forumId;
  if (!canOrganise(actor.access, forumId)) throw new NotAllowed("meeting_not_organiser");
  if (!MEETING_KINDS.includes(input.kind)) throw new InvalidInput("meeting_kind_bad");
  if (input.kind === "mad" && !actor.access.isAdmin(forumId)) throw new NotAllowed("meeting_mad_admin_only");
  const title = validateTitle(input.title);
  const agenda = validateAgenda(input.agenda);
  validateWhen(input.startsAt, now);
  const duration = validateDuration(input.durationMinutes);
  const endsAt = new Date(input.startsAt.getTime() + duration * 60_000);
  const place = cleanText(input.place) || null;
  if (place && place.length > LIMITS.place) throw new InvalidInput("meeting_place_long", { max: LIMITS.place });
  const hasPin = input.latitude != null && input.longitude != null;
  if (hasPin && (Math.abs(input.latitude!) > 90 || Math.abs(input.longitude!) > 180)) throw new InvalidInput("meeting_place_bad_pin");
  const deadline = input.rsvpDeadline ?? null;
  if (deadline && (deadline.getTime() <= now.getTime() || deadline.getTime() > input.startsAt.getTime())) throw new InvalidInput("meeting_deadline_bad");
  const quorumRule = input.quorumRule ?? (input.kind === "mad" ? "all_villages" : "two_thirds");
  if (!QUORUM_RULES.includes(quorumRule)) throw new InvalidInput("meeting_quorum_bad");
  const reminders = validateReminders(input.reminderMinutes ?? DEFAULT_REMINDERS);
  if (input.recurrence && !isRecurrence(input.recurrence)) throw new InvalidInput("meeting_recurrence_bad");
  // The organising village: an admin acts for the forum; an official for (one of) their village(s).
  let villageId: number | null = null;
  if (!actor.access.isAdmin(forumId)) {
    const own = actor.access.officialVillages(forumId);
    villageId = input.villageId && own.includes(input.villageId) ? input.villageId : own[0]!;
  } else if (input.villageId) {
    villageId = input.villageId;
  }

  const result = await d.prisma.$transaction(async (tx) => {
    const audience = await validateAudience(tx, actor, forumId, input.audience);
    const m = await tx.meeting.create({
      data: {
        forumId,
        organizerId: actor.personId,
        villageId,
        kind: input.kind,
        title,
        agenda,
        startsAt: input.startsAt,
        endsAt,
        place,
        latitude: hasPin ? input.latitude! : null,
        longitude: hasPin ? input.longitude! : null,
        rsvpDeadline: deadline,
        quorumRule,
        reminderMinutes: reminders,
        audience: audience as object,
        recurrence: (input.recurrence ?? undefined) as object | undefined,
      },
    });
    if (input.recurrence) await tx.meeting.update({ where: { id: m.id }, data: { seriesId: m.id } });
    return sendNewMeeting(d, tx, m.id, audience, now, actor.personId);
  }, TX);
  d.delivery.kick();
  return result;
}

/** Materialises invitees, schedules due work and queues invitations for a new meeting row. */
export async function sendNewMeeting(d: MeetingDeps, tx: Db, meetingId: number, audience: Audience, now: Date, actorId: number | null) {
  const row = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  await materialise(tx, row.id, row.forumId, audience);
  const view = (await loadView(tx, row.id, row.forumId, "invitation"))!;
  await scheduleTimedJobs(d, tx, { ...view }, now);
  const attendance = await loadAttendance(tx, view);
  const to = view.recipients!;
  await d.notifier.invitations(tx, view, to, attendance, now);
  await audit(tx, now, row.forumId, actorId, "meeting.create", row.id, { kind: row.kind, groups: to.groups.length, persons: to.persons.length, seriesId: row.seriesId });
  return { id: row.id, groups: to.groups.length, persons: to.persons.length };
}

// ---------------------------------------------------------------- answers and attendance

interface Via {
  /** The group the button was pressed in (or the command typed in), if any. */
  groupChatId?: number | bigint;
  /**
   * Whether Telegram says the presser is a member of that group (the bot layer asks, only when
   * called: a resident or official of the group's own village needs no asking). A public group's
   * card can be pressed by visitors, and a card can be forwarded: the chat alone proves nothing.
   */
  groupMember?: () => Promise<boolean>;
  /** The group's link as the bot layer already read it in this update (otherwise read here). */
  link?: () => Promise<{ active: boolean; forumId: number; villageId: number | null; kind: string } | null>;
}

/**
 * Finds (or, for a resident answering through an invited village group, creates) the invitee
 * row of a person. Anyone else is not invited — unless `walkIn` lets them sign the list.
 */
async function inviteeFor(db: Db, actor: Actor, m: MeetingView, via: Via, opts: { walkIn?: boolean } = {}) {
  const existing = await db.meetingInvitee.findUnique({ where: { meetingId_personId: { meetingId: m.id, personId: actor.personId } } });
  if (existing) return existing;
  const groupVillages = new Set(m.villages.filter((v) => v.viaGroup).map((v) => v.id));
  let asked: Promise<boolean> | undefined;
  const inGroup = () => (asked ??= via.groupMember ? via.groupMember() : Promise.resolve(false));
  let villageId: number | null | undefined;
  if (via.groupChatId !== undefined) {
    const link = via.link ? await via.link() : await db.chatLink.findUnique({ where: { telegramChatId: BigInt(via.groupChatId) } });
    const ofVillage = link?.villageId != null && [actor.access.homeVillage(m.forumId), ...actor.access.officialVillages(m.forumId)].includes(link.villageId);
    if (link?.active && link.forumId === m.forumId && (ofVillage || (await inGroup()))) {
      if (link.villageId !== null && groupVillages.has(link.villageId)) villageId = link.villageId;
      else if (link.kind === "kecamatan_group" && m.audience.kecamatan) villageId = actor.access.homeVillage(m.forumId);
    }
  } else {
    const mine = [actor.access.homeVillage(m.forumId), ...actor.access.officialVillages(m.forumId)].filter((v): v is number => v !== null);
    villageId = mine.find((v) => groupVillages.has(v));
  }
  let source: "group" | "walk_in" = "group";
  if (villageId === undefined) {
    // Walk-ins sign an open list only as people of the forum (or of the group they pressed in).
    if (!opts.walkIn || !(actor.access.inForum(m.forumId) || (via.groupChatId !== undefined && (await inGroup())))) throw new NotAllowed("meeting_not_invited");
    source = "walk_in";
    villageId = actor.access.homeVillage(m.forumId);
  }
  return db.meetingInvitee.upsert({
    where: { meetingId_personId: { meetingId: m.id, personId: actor.personId } },
    create: { meetingId: m.id, forumId: m.forumId, personId: actor.personId, villageId: villageId ?? null, source },
    update: {},
  });
}

/** Loads a meeting someone acts on from a button or command; it must be in one of their forums. */
async function meetingFor(db: Db, actor: Actor, meetingId: number, via: Via): Promise<MeetingView> {
  const m = await loadView(db, meetingId);
  if (!m) throw new NotFound("meeting_not_found");
  if (via.groupChatId !== undefined) {
    const link = via.link ? await via.link() : await db.chatLink.findUnique({ where: { telegramChatId: BigInt(via.groupChatId) }, select: { forumId: true, active: true } });
    if (!link?.active || link.forumId !== m.forumId) throw new NotFound("meeting_not_found");
  } else {
    const invited = await db.meetingInvitee.count({ where: { meetingId: m.id, personId: actor.personId } });
    if (!invited && !actor.access.inForum(m.forumId)) throw new NotFound("meeting_not_found");
  }
  return m;
}

export async function setRsvp(d: MeetingDeps, actor: Actor, meetingId: number, answer: RsvpAnswer, via: Via = {}) {
  if (!RSVP_ANSWERS.includes(answer)) throw new InvalidInput("meeting_rsvp_bad");
  const now = d.clock.now();
  return d.prisma.$transaction(async (tx) => {
    const m = await meetingFor(tx, actor, meetingId, via);
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    if (phaseAt(m, now) === "over") throw new Conflict("meeting_over");
    if (!rsvpOpen(m, now)) throw new InvalidInput("meeting_rsvp_closed", { deadline: (m.rsvpDeadline ?? m.startsAt).toISOString(), zone: m.zone });
    const inv = await inviteeFor(tx, actor, m, via);
    await tx.meetingInvitee.update({
      where: { id: inv.id },
      data: { rsvp: answer, rsvpAt: now, ...(answer !== "delegate" ? { delegateName: null } : {}) },
    });
    if (inv.rsvp !== answer) await requestRefresh(d, tx, m, now);
    return { meetingId: m.id, forumId: m.forumId, zone: m.zone, answer, previous: inv.rsvp, title: m.title, delegateName: answer === "delegate" ? inv.delegateName : null };
  }, TX);
}

/** "Diwakilkan": who goes in the invitee's place. */
export async function setDelegate(d: MeetingDeps, actor: Actor, meetingId: number, name: string) {
  const clean = cleanText(name);
  if (clean.length < 2) throw new InvalidInput("meeting_delegate_short");
  if (clean.length > 80) throw new InvalidInput("meeting_delegate_long", { max: 80 });
  const now = d.clock.now();
  return d.prisma.$transaction(async (tx) => {
    const m = await meetingFor(tx, actor, meetingId, {});
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    if (phaseAt(m, now) === "over") throw new Conflict("meeting_over");
    const inv = await tx.meetingInvitee.findUnique({ where: { meetingId_personId: { meetingId, personId: actor.personId } } });
    if (!inv) throw new NotAllowed("meeting_not_invited");
    await tx.meetingInvitee.update({ where: { id: inv.id }, data: { rsvp: "delegate", delegateName: clean, rsvpAt: now } });
    if (inv.rsvp !== "delegate") await requestRefresh(d, tx, m, now);
    return { meetingId, title: m.title, delegateName: clean };
  }, TX);
}

async function afterAttendanceChange(d: MeetingDeps, tx: Db, m: MeetingView, now: Date) {
  await requestRefresh(d, tx, m, now);
  const att = await loadAttendance(tx, m);
  if (att.quorum.reached) {
    const first = await tx.meeting.updateMany({ where: { id: m.id, quorumReachedAt: null }, data: { quorumReachedAt: now } });
    if (first.count === 1) await d.notifier.quorumReached(tx, m, att);
  }
  return att;
}

/** Signs the attendance list: from 30 minutes before the start until the end. */
export async function checkIn(d: MeetingDeps, actor: Actor, meetingId: number, via: Via = {}) {
  const now = d.clock.now();
  const r = await d.prisma.$transaction(async (tx) => {
    const m = await meetingFor(tx, actor, meetingId, via);
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    const phase = phaseAt(m, now);
    if (phase === "before") throw new InvalidInput("meeting_checkin_not_open", { opensAt: checkInWindow(m).opensAt.toISOString(), zone: m.zone });
    if (phase === "over") throw new InvalidInput("meeting_checkin_closed");
    const inv = await inviteeFor(tx, actor, m, via, { walkIn: m.openCheckIn });
    if (inv.checkedInAt) return { already: true, meetingId: m.id, title: m.title, zone: m.zone, checkedInAt: inv.checkedInAt };
    await tx.meetingInvitee.update({ where: { id: inv.id }, data: { checkedInAt: now, checkedInById: null, rsvp: "yes", rsvpAt: inv.rsvpAt ?? now } });
    await afterAttendanceChange(d, tx, m, now);
    return { already: false, meetingId: m.id, title: m.title, zone: m.zone, checkedInAt: now };
  }, TX);
  d.delivery.kick();
  return r;
}

// ---------------------------------------------------------------- check-in by the venue's QR code

/** Letters and digits of the token, long enough not to be guessed (20 of 31 symbols ≈ 99 bits). */
const QR_TOKEN_LENGTH = 20;
const QR_TOKEN = /^[A-Za-z0-9]{20}$/;

/**
 * The secret of a meeting's venue QR code, made once (a printed poster keeps working) by someone
 * who manages the meeting. `newCode` is an unguessable code (deps.random.code).
 */
export async function checkInQr(d: MeetingDeps, actor: Actor, meetingId: number, newCode: (length: number) => string) {
  const now = d.clock.now();
  return d.prisma.$transaction(async (tx) => {
    const m = await requireManageable(tx, actor, meetingId);
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    const expiresAt = qrExpiresAt(m);
    if (now >= expiresAt) throw new Conflict("meeting_over");
    // Only the first request writes it: two organisers asking at once get the same code.
    const made = await tx.meeting.updateMany({ where: { id: m.id, checkInToken: null }, data: { checkInToken: newCode(QR_TOKEN_LENGTH) } });
    const { checkInToken } = await tx.meeting.findUniqueOrThrow({ where: { id: m.id }, select: { checkInToken: true } });
    if (made.count) await audit(tx, now, m.forumId, actor.personId, "meeting.checkin_qr", m.id);
    return { token: checkInToken!, expiresAt, title: m.title, zone: m.zone, forumId: m.forumId, terms: m.terms, opensAt: checkInWindow(m).opensAt };
  }, TX);
}

/**
 * Check-in by scanning the venue's QR code (/start hadir_<token> in the private chat). The token
 * names one meeting and nothing else; the person must still be invited (or the list open to
 * everyone of the forum), inside the window: from the list's opening to the end plus a grace.
 */
export async function checkInByToken(d: MeetingDeps, actor: Actor, token: string) {
  if (!QR_TOKEN.test(token)) throw new NotFound("meeting_qr_unknown");
  const now = d.clock.now();
  const r = await d.prisma.$transaction(async (tx) => {
    const row = await tx.meeting.findUnique({ where: { checkInToken: token }, select: { id: true } });
    if (!row) throw new NotFound("meeting_qr_unknown");
    const m = await loadView(tx, row.id);
    if (!m) throw new NotFound("meeting_qr_unknown");
    const invited = await tx.meetingInvitee.count({ where: { meetingId: m.id, personId: actor.personId } });
    if (!invited && !actor.access.inForum(m.forumId)) throw new NotAllowed("meeting_not_invited");
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    if (now.getTime() < checkInWindow(m).opensAt.getTime()) {
      throw new InvalidInput("meeting_checkin_not_open", { opensAt: checkInWindow(m).opensAt.toISOString(), zone: m.zone });
    }
    if (now >= qrExpiresAt(m)) throw new InvalidInput("meeting_qr_expired", { title: m.title });
    const inv = await inviteeFor(tx, actor, m, {}, { walkIn: m.openCheckIn });
    if (inv.checkedInAt) return { already: true, meetingId: m.id, title: m.title, zone: m.zone, checkedInAt: inv.checkedInAt, terms: m.terms };
    await tx.meetingInvitee.update({ where: { id: inv.id }, data: { checkedInAt: now, checkedInById: null, rsvp: "yes", rsvpAt: inv.rsvpAt ?? now } });
    await afterAttendanceChange(d, tx, m, now);
    return { already: false, meetingId: m.id, title: m.title, zone: m.zone, checkedInAt: now, terms: m.terms };
  }, TX);
  d.delivery.kick();
  return r;
}

/** The organiser marks someone present (or takes the mark back), e.g. a delegate who came. */
export async function markPresent(d: MeetingDeps, actor: Actor, meetingId: number, inviteeId: number, present: boolean) {
  const now = d.clock.now();
  const r = await d.prisma.$transaction(async (tx) => {
    const m = await requireManageable(tx, actor, meetingId);
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    const w = checkInWindow(m);
    if (now < w.opensAt) throw new InvalidInput("meeting_checkin_not_open", { opensAt: w.opensAt.toISOString(), zone: m.zone });
    if (now.getTime() > m.endsAt.getTime() + MARK_GRACE_AFTER_END_MS) throw new InvalidInput("meeting_mark_closed");
    const inv = await tx.meetingInvitee.findFirst({ where: { id: inviteeId, meetingId: m.id, forumId: m.forumId } });
    if (!inv) throw new NotFound("meeting_invitee_not_found");
    await tx.meetingInvitee.update({
      where: { id: inv.id },
      data: present ? { checkedInAt: inv.checkedInAt ?? now, checkedInById: actor.personId } : { checkedInAt: null, checkedInById: null },
    });
    const att = await afterAttendanceChange(d, tx, m, now);
    return { attendance: att, view: m };
  }, TX);
  d.delivery.kick();
  return r;
}

/** Lets people who were not invited sign the list (or stops it). */
export async function setOpenCheckIn(d: MeetingDeps, actor: Actor, meetingId: number, open: boolean) {
  return d.prisma.$transaction(async (tx) => {
    const m = await requireManageable(tx, actor, meetingId);
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    await tx.meeting.update({ where: { id: m.id }, data: { openCheckIn: open } });
    await audit(tx, d.clock.now(), m.forumId, actor.personId, open ? "meeting.checkin_open" : "meeting.checkin_close", m.id);
    return { open };
  }, TX);
}

// ---------------------------------------------------------------- reschedule and cancel

export async function rescheduleMeeting(
  d: MeetingDeps,
  actor: Actor,
  meetingId: number,
  input: { startsAt: Date; durationMinutes?: number; keepRsvp: boolean },
) {
  const now = d.clock.now();
  validateWhen(input.startsAt, now);
  const r = await d.prisma.$transaction(async (tx) => {
    const m = await requireManageable(tx, actor, meetingId);
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    if (phaseAt(m, now) === "over") throw new Conflict("meeting_over");
    const duration = input.durationMinutes !== undefined ? validateDuration(input.durationMinutes) : Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000);
    const startsAt = input.startsAt;
    const endsAt = new Date(startsAt.getTime() + duration * 60_000);
    // The answer deadline keeps its distance to the start, if that is still ahead.
    let deadline: Date | null = null;
    if (m.rsvpDeadline) {
      const d2 = new Date(startsAt.getTime() - (m.startsAt.getTime() - m.rsvpDeadline.getTime()));
      deadline = d2.getTime() > now.getTime() ? d2 : null;
    }
    const sequence = m.sequence + 1;
    await tx.meeting.update({
      where: { id: m.id },
      data: { startsAt, endsAt, rsvpDeadline: deadline, sequence, countsPending: false, quorumReachedAt: null },
    });
    await tx.meetingInvitee.updateMany({
      where: { meetingId: m.id },
      data: input.keepRsvp ? { checkedInAt: null, checkedInById: null } : { rsvp: "pending", rsvpAt: null, delegateName: null, checkedInAt: null, checkedInById: null },
    });
    await d.jobs.cancel(TIMED_JOBS, m.id, tx);
    await scheduleTimedJobs(d, tx, { id: m.id, forumId: m.forumId, startsAt, endsAt, sequence, reminderMinutes: m.reminderMinutes }, now);
    const view = (await loadView(tx, m.id, m.forumId, "everyone"))!;
    const to = view.recipients!;
    await d.notifier.rescheduled(tx, view, to, { previousStartsAt: m.startsAt, rsvpReset: !input.keepRsvp, now });
    await d.notifier.refresh(tx, view, await loadAttendance(tx, view), now);
    await audit(tx, now, m.forumId, actor.personId, "meeting.reschedule", m.id, { from: m.startsAt.toISOString(), to: startsAt.toISOString(), keepRsvp: input.keepRsvp });
    return { view, previousStartsAt: m.startsAt, groups: to.groups.length, persons: to.persons.length };
  }, TX);
  d.delivery.kick();
  return r;
}

export async function cancelMeeting(d: MeetingDeps, actor: Actor, meetingId: number, input: { reason?: string | null; stopSeries?: boolean }) {
  const now = d.clock.now();
  const reason = cleanText(input.reason) || null;
  if (reason && reason.length > 300) throw new InvalidInput("meeting_reason_long", { max: 300 });
  const r = await d.prisma.$transaction(async (tx) => {
    const m = await requireManageable(tx, actor, meetingId);
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    if (phaseAt(m, now) === "over") throw new Conflict("meeting_over");
    const stopSeries = input.stopSeries === true || !m.recurrence;
    await tx.meeting.update({
      where: { id: m.id },
      data: { status: "cancelled", cancelledAt: now, cancelReason: reason, sequence: m.sequence + 1, countsPending: false },
    });
    if (stopSeries && m.recurrence) await tx.$executeRaw`UPDATE meetings SET recurrence = NULL WHERE id = ${m.id}`;
    // A cancelled occurrence of a series still hands over to the next one when its time ends.
    await d.jobs.cancel(stopSeries ? TIMED_JOBS : TIMED_JOBS.filter((k) => k !== JOB_END), m.id, tx);
    const view = (await loadView(tx, m.id, m.forumId, "everyone"))!;
    const to = view.recipients!;
    await d.notifier.cancelled(tx, view, to, now);
    await d.notifier.refresh(tx, view, await loadAttendance(tx, view), now);
    await audit(tx, now, m.forumId, actor.personId, "meeting.cancel", m.id, { stopSeries });
    return { view, groups: to.groups.length, persons: to.persons.length };
  }, TX);
  d.delivery.kick();
  return r;
}

/** Ends a recurring series: the current occurrence still takes place, no new ones follow. */
export async function stopSeries(d: MeetingDeps, actor: Actor, meetingId: number) {
  return d.prisma.$transaction(async (tx) => {
    const m = await requireManageable(tx, actor, meetingId);
    if (!m.recurrence) throw new Conflict("meeting_not_recurring");
    await tx.$executeRaw`UPDATE meetings SET recurrence = NULL WHERE forum_id = ${m.forumId} AND (id = ${m.id} OR series_id = ${m.seriesId ?? m.id})`;
    await audit(tx, d.clock.now(), m.forumId, actor.personId, "meeting.stop_series", m.id);
    return { ok: true };
  }, TX);
}

// ---------------------------------------------------------------- berita acara

export interface MinutesInput {
  /** Jalannya musyawarah (the notes), optional: the berita acara carries the structure. */
  text?: string | null;
  fileId?: string | null;
  fileName?: string | null;
  decisions?: string | null;
  chairName: string;
  chairTitle?: string | null;
  secretaryName: string;
  decisionMethod: DecisionMethod;
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstain?: number | null;
}

const PERSON_NAME = /^[\p{L}][\p{L}\p{N} .,'’()-]*$/u;

/** What a berita acara must say about who led it and how it decided, checked. */
export function validateBeritaAcara(input: MinutesInput) {
  const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
  const chairName = clean(input.chairName);
  const chairTitle = clean(input.chairTitle) || null;
  const secretaryName = clean(input.secretaryName);
  if (chairName.length < 2 || chairName.length > 80 || !PERSON_NAME.test(chairName)) throw new InvalidInput("meeting_chair_bad");
  if (chairTitle && chairTitle.length > 80) throw new InvalidInput("meeting_chair_bad");
  if (secretaryName.length < 2 || secretaryName.length > 80 || !PERSON_NAME.test(secretaryName)) throw new InvalidInput("meeting_secretary_bad");
  if (input.decisionMethod !== "mufakat" && input.decisionMethod !== "suara") throw new InvalidInput("meeting_method_bad");
  const count = (n: number | null | undefined) => {
    if (!Number.isInteger(n) || n! < 0 || n! > 100_000) throw new InvalidInput("meeting_votes_bad");
    return n!;
  };
  const votes =
    input.decisionMethod === "suara"
      ? { votesFor: count(input.votesFor), votesAgainst: count(input.votesAgainst), votesAbstain: count(input.votesAbstain ?? 0) }
      : { votesFor: null, votesAgainst: null, votesAbstain: null };
  if (votes.votesFor !== null && votes.votesFor + votes.votesAgainst! === 0) throw new InvalidInput("meeting_votes_bad");
  return { chairName, chairTitle, secretaryName, decisionMethod: input.decisionMethod, ...votes };
}

export async function recordMinutes(
  d: MeetingDeps,
  actor: Actor,
  meetingId: number,
  input: MinutesInput,
) {
  const now = d.clock.now();
  const text = (input.text ?? "").trim() || null;
  const decisions = (input.decisions ?? "").trim() || null;
  const b = validateBeritaAcara(input);
  if (!decisions) throw new InvalidInput("meeting_decisions_empty");
  if (text && text.length > 3500) throw new InvalidInput("meeting_minutes_long", { max: 3500 });
  if (decisions.length > 1500) throw new InvalidInput("meeting_decisions_long", { max: 1500 });
  const r = await d.prisma.$transaction(async (tx) => {
    const m = await requireManageable(tx, actor, meetingId);
    if (m.status === "cancelled") throw new Conflict("meeting_cancelled");
    if (now.getTime() < m.startsAt.getTime()) throw new InvalidInput("meeting_minutes_too_early");
    const replaced = m.minutesAt !== null;
    await tx.meeting.update({
      where: { id: m.id },
      data: { minutesText: text, minutesFileId: input.fileId ?? null, minutesFileName: input.fileName ?? null, decisions, minutesAt: now, ...b },
    });
    const view = (await loadView(tx, m.id, m.forumId, "everyone"))!;
    const to = view.recipients!;
    const attendance = await loadAttendance(tx, view);
    if (b.decisionMethod === "suara" && attendance.counts.checkedIn > 0 && b.votesFor! + b.votesAgainst! + b.votesAbstain! > attendance.counts.checkedIn) {
      throw new InvalidInput("meeting_votes_over_present", { present: attendance.counts.checkedIn });
    }
    await d.notifier.minutes(tx, view, to, attendance);
    await audit(tx, now, m.forumId, actor.personId, "meeting.minutes", m.id, { replaced, file: !!input.fileId });
    return { groups: to.groups.length, persons: to.persons.length, replaced };
  }, TX);
  d.delivery.kick();
  return r;
}

// ---------------------------------------------------------------- reading

export async function getManaged(d: Pick<MeetingDeps, "prisma">, actor: Actor, meetingId: number) {
  const view = await requireManageable(d.prisma, actor, meetingId);
  const attendance = await loadAttendance(d.prisma, view);
  return { view, attendance };
}

/** An invitation as one person sees it (from /jadwal): invited by name, through their village, or in the forum. */
export async function getForInvitee(d: Pick<MeetingDeps, "prisma">, actor: Actor, meetingId: number) {
  const view = await meetingFor(d.prisma, actor, meetingId, {});
  const attendance = await loadAttendance(d.prisma, view);
  const own = attendance.rows.find((r) => r.personId === actor.personId) ?? null;
  // Not everyone in the forum sees every invitation: only those invited (by name or through
  // their village's group) and those who manage it.
  const mine = [actor.access.homeVillage(view.forumId), ...actor.access.officialVillages(view.forumId)];
  const viaVillage = view.villages.some((v) => v.viaGroup && mine.includes(v.id));
  if (!own && !viaVillage && !canManage(actor, view)) throw new NotAllowed("meeting_not_invited");
  return { view, attendance, own };
}

/** Meetings a person may manage, upcoming and from the last week (for berita acara). */
export async function listManageable(d: Pick<MeetingDeps, "prisma" | "clock">, actor: Actor, opts: { skip?: number; take?: number } = {}) {
  const now = d.clock.now();
  const forums = actor.access.forumIds();
  const adminForums = forums.filter((f) => actor.access.isAdmin(f));
  const officialOf = forums.flatMap((f) => actor.access.officialVillages(f).map((v) => ({ forumId: f, villageId: v })));
  const where = {
    forumId: { in: forums },
    endsAt: { gt: new Date(now.getTime() - 7 * 24 * 3600_000) },
    // The same rule as canManage: current roles only, not the organiser column.
    OR: [{ forumId: { in: adminForums } }, ...officialOf.map((o) => ({ forumId: o.forumId, villageId: o.villageId }))],
  };
  const [total, rows] = await Promise.all([
    d.prisma.meeting.count({ where }),
    d.prisma.meeting.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], skip: opts.skip ?? 0, take: opts.take ?? 6, select: { id: true } }),
  ]);
  const views = await Promise.all(rows.map((r) => loadView(d.prisma, r.id)));
  return { total, meetings: views.filter((v): v is MeetingView => v !== null) };
}

/** Upcoming meetings a village was invited to (for /jadwal in its group); null = kecamatan group. */
export async function upcomingForGroup(d: Pick<MeetingDeps, "prisma" | "clock">, forumId: number, villageId: number | null, take = 10) {
  const now = d.clock.now();
  const rows = await d.prisma.meeting.findMany({
    where: {
      forumId,
      status: "scheduled",
      endsAt: { gt: now },
      ...(villageId !== null ? { villages: { some: { villageId } } } : {}),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true },
  });
  return (await Promise.all(rows.map((r) => loadView(d.prisma, r.id)))).filter((v): v is MeetingView => v !== null);
}

/** A person's own upcoming meetings: invited by name, through their village's group, or organised. */
export async function upcomingForPerson(d: Pick<MeetingDeps, "prisma" | "clock">, actor: Actor, take = 10) {
  const now = d.clock.now();
  const forums = actor.access.forumIds();
  const villageFilters = forums.flatMap((f) => {
    const mine = [actor.access.homeVillage(f), ...actor.access.officialVillages(f)].filter((v): v is number => v !== null);
    return mine.length ? [{ forumId: f, villages: { some: { villageId: { in: mine }, viaGroup: true } } }] : [];
  });
  const rows = await d.prisma.meeting.findMany({
    where: {
      status: "scheduled",
      endsAt: { gt: now },
      OR: [
        { invitees: { some: { personId: actor.personId } } },
        { organizerId: actor.personId, forumId: { in: forums } },
        ...villageFilters,
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true },
  });
  const views = (await Promise.all(rows.map((r) => loadView(d.prisma, r.id)))).filter((v): v is MeetingView => v !== null);
  const mine = await d.prisma.meetingInvitee.findMany({ where: { personId: actor.personId, meetingId: { in: views.map((v) => v.id) } } });
  const byMeeting = new Map(mine.map((i) => [i.meetingId, i]));
  return views.map((v) => ({ view: v, invitee: byMeeting.get(v.id) ?? null }));
}

/** Meetings whose attendance list is open now and that this person may sign. */
export async function checkInCandidates(d: Pick<MeetingDeps, "prisma" | "clock">, actor: Actor, via: Via = {}) {
  const now = d.clock.now();
  let forumIds = actor.access.forumIds();
  let villageId: number | null | undefined;
  if (via.groupChatId !== undefined) {
    const link = await d.prisma.chatLink.findUnique({ where: { telegramChatId: BigInt(via.groupChatId) } });
    if (!link?.active) return [];
    forumIds = [link.forumId];
    villageId = link.villageId;
  }
  const rows = await d.prisma.meeting.findMany({
    where: { forumId: { in: forumIds }, status: "scheduled", startsAt: { lte: new Date(now.getTime() + 30 * 60_000) }, endsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 20,
    select: { id: true },
  });
  const out: MeetingView[] = [];
  for (const r of rows) {
    const v = await loadView(d.prisma, r.id);
    if (!v) continue;
    const invited = await d.prisma.meetingInvitee.count({ where: { meetingId: v.id, personId: actor.personId } });
    const viaGroup = new Set(v.villages.filter((x) => x.viaGroup).map((x) => x.id));
    const mine = villageId !== undefined
      ? villageId !== null && viaGroup.has(villageId)
      : [actor.access.homeVillage(v.forumId), ...actor.access.officialVillages(v.forumId)].some((x) => x !== null && viaGroup.has(x));
    if (invited || mine || v.openCheckIn) out.push(v);
  }
  return out;
}

export type { Recurrence, MeetingKind };

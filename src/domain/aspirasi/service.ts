import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";
import type { DeliveryQueue } from "../../delivery/queue.js";
import type { EnqueueItem } from "../../delivery/types.js";
import type { JobScheduler } from "../../jobs/scheduler.js";
import type { Aspiration } from "../../generated/prisma/client.js";
import { addWorkingDays, onWorkingDay, zonedParts } from "../../lib/time.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import type { Actor } from "../forum/service.js";
import {
  LIMITS,
  PRIVACIES,
  TRANSITIONS,
  UNVERIFIED_STATUSES,
  formatTicket,
  isOpen,
  validateDescription,
  type AspirationPrivacy,
  type OfficialAction,
} from "./model.js";
import type { ActorLabel, CaseView, Notice, NoticeRenderer, Recipient } from "./notices.js";
import { caseView, forumInfo, handlers, reporterOf, villageRefs, type Db, type ForumInfo } from "./repository.js";
import { audit } from "../privasi/audit.js";
import { officialsGroupFor } from "../forum/upkeep.js";
import { GROUP_KEY } from "./notices.js";

export interface AspirasiDeps {
  prisma: Prisma;
  clock: Clock;
  delivery: DeliveryQueue;
  jobs: JobScheduler;
  notices: NoticeRenderer;
}

export const JOB_VERIFY = "aspirasi.verify";
export const JOB_ESCALATE = "aspirasi.escalate";
export const OWNER = "aspirasi";
const DAY_MS = 24 * 3600_000;

/**
 * When an unfinished aspiration goes to the kecamatan: escalateDays calendar days on, moved to the
 * next working day when that falls on a weekend, a holiday or cuti bersama (nobody is at the
 * kecamatan office to receive it then).
 */
export function escalationDue(now: Date, forum: Pick<ForumInfo, "zone" | "settings" | "holidays">): Date {
  return onWorkingDay(new Date(now.getTime() + forum.settings.escalateDays * DAY_MS), forum.zone, forum.holidays);
}

// ---------- notifications ----------

/** Renders a notice for each recipient and queues it in the outbox (inside `db` when a transaction). */
export async function queueNotice(ad: AspirasiDeps, db: Db, c: CaseView, notice: Notice, to: Recipient[]) {
  const items: EnqueueItem[] = [];
  for (const r of to) {
    for (const it of ad.notices.render(notice, r)) {
      // Card copies are found again by this key to refresh their status and buttons.
      const key = it.card ? `card:${r.personId}:${r.villageKey ?? "r"}:${r.language}` : `p:${r.personId}`;
      items.push({ chatId: r.chatId, payload: it.payload, recipientKey: key });
    }
  }
  if (items.length === 0) return;
  await ad.delivery.enqueue({ forumId: c.forumId, ownerKind: OWNER, ownerId: c.id, items }, db);
}

/** Every official's card of this ticket shows the new status and only the buttons that still apply. */
export async function refreshCards(ad: AspirasiDeps, c: CaseView) {
  await ad.delivery.editCopies(OWNER, c.id, (copy) => (copy.recipientKey?.startsWith("card:") ? ad.notices.cardEdit(c, copy.recipientKey) : null), {
    forumId: c.forumId,
  });
}

// ---------- intake ----------

export interface NewAspiration {
  forumId: number;
  villageId: number;
  category: string;
  text: string;
  photos: string[];
  latitude?: number | null;
  longitude?: number | null;
  locationText?: string | null;
  privacy: AspirationPrivacy;
}

/** More than LIMITS.perPersonPerDay in 24 hours is refused (abuse, not a real need). */
export async function checkDailyLimit(ad: AspirasiDeps, personId: number, forumId: number) {
  const since = new Date(ad.clock.now().getTime() - DAY_MS);
  const n = await ad.prisma.aspiration.count({ where: { forumId, reporterId: personId, createdAt: { gte: since } } });
  if (n >= LIMITS.perPersonPerDay) throw new Conflict("aspirasi_daily_limit", { max: LIMITS.perPersonPerDay });
}

export async function createAspiration(ad: AspirasiDeps, personId: number, input: NewAspiration) {
  const forum = await forumInfo(ad.prisma, input.forumId);
  if (!forum) throw new NotFound("forum_not_found");
  const village = await ad.prisma.village.findFirst({ where: { id: input.villageId, forumId: input.forumId } });
  if (!village) throw new NotFound("village_not_found");
  const text = validateDescription(input.text);
  if (!forum.settings.categories.includes(input.category)) throw new InvalidInput("aspirasi_bad_category");
  if (!PRIVACIES.includes(input.privacy)) throw new InvalidInput("aspirasi_bad_privacy");
  if (input.photos.length > LIMITS.maxPhotos) throw new InvalidInput("aspirasi_photos_many", { max: LIMITS.maxPhotos });
  const hasPoint = typeof input.latitude === "number" && typeof input.longitude === "number";
  if (hasPoint && (Math.abs(input.latitude!) > 90 || Math.abs(input.longitude!) > 180)) throw new InvalidInput("aspirasi_bad_location");
  await checkDailyLimit(ad, personId, input.forumId);

  const now = ad.clock.now();
  const verifyDueAt = addWorkingDays(now, forum.settings.verifyDays, forum.zone, forum.holidays);
  const resolveDueAt = escalationDue(now, forum);
  const year = zonedParts(now, forum.zone).year;
  const anonymous = input.privacy !== "named";

  const created = await ad.prisma.$transaction(async (tx) => {
    const [counter] = await tx.$queryRaw<Array<{ last: number }>>`
      INSERT INTO aspiration_counters (forum_id, year, last) VALUES (${input.forumId}, ${year}, 1)
      ON CONFLICT (forum_id, year) DO UPDATE SET last = aspiration_counters.last + 1
      RETURNING last`;
    const ticketNo = formatTicket(village.shortCode, year, Number(counter!.last));
    const row = await tx.aspiration.create({
      data: {
        forumId: input.forumId,
        originVillageId: village.id,
        villageId: village.id,
        ticketNo,
        category: input.category,
        text,
        photos: input.photos,
        latitude: hasPoint ? input.latitude! : null,
        longitude: hasPoint ? input.longitude! : null,
        locationText: input.locationText?.trim().slice(0, 300) || null,
        privacy: input.privacy,
        reporterId: personId,
        verifyDueAt,
        resolveDueAt,
        createdAt: now,
      },
    });
    // An anonymous reporter is not linked to their ticket anywhere but the ticket row itself.
    await tx.aspirationEvent.create({
      data: { aspirationId: row.id, forumId: row.forumId, actorId: anonymous ? null : personId, actorRole: "reporter", kind: "created", toStatus: "baru", createdAt: now },
    });
    await ad.jobs.schedule({ kind: JOB_VERIFY, ownerId: row.id, forumId: row.forumId, dueAt: verifyDueAt }, tx);
    await ad.jobs.schedule({ kind: JOB_ESCALATE, ownerId: row.id, forumId: row.forumId, dueAt: resolveDueAt }, tx);
    const view = await caseView(tx, row, forum);
    // The forum's officials' group may receive new cards instead of the officials one by one.
    // Never a rahasia one: those stay in the handling officials' private chats.
    const group = view.privacy === "rahasia" ? null : await officialsGroupFor(tx, row.forumId, "aspirations");
    const to: Recipient[] = group ? [{ personId: 0, chatId: group.chatId, language: "id", villageKey: GROUP_KEY }] : await handlers(tx, row.forumId, row.villageId);
    await queueNotice(ad, tx, view, { kind: "new", case: view }, to);
    return view;
  });
  ad.delivery.kick();
  // Reporting grants nothing: no membership, no village. A reporter who belongs to no forum sees
  // their own tickets and the public list (membership has two doors: the village group, a code).
  return created;
}

// ---------- officials ----------

async function loadForActor(db: Db, actor: Actor, aspirationId: number): Promise<Aspiration> {
  const row = await db.aspiration.findFirst({ where: { id: aspirationId, forumId: { in: actor.access.forumIds() } } });
  if (!row) throw new NotFound("aspirasi_not_found");
  return row;
}

/** Officials act for the village that handles the ticket; forum admins for every village and the kecamatan. */
export function canHandle(actor: Actor, row: Pick<Aspiration, "forumId" | "villageId">): boolean {
  if (actor.access.isAdmin(row.forumId)) return true;
  return row.villageId != null && actor.access.isOfficialOf(row.forumId, row.villageId);
}

/** Officials of the origin village keep read access after forwarding. */
export function canView(actor: Actor, row: Pick<Aspiration, "forumId" | "villageId" | "originVillageId">): boolean {
  return canHandle(actor, row) || actor.access.isOfficialOf(row.forumId, row.originVillageId);
}

async function actorLabel(db: Db, actor: Actor, row: Pick<Aspiration, "forumId" | "villageId">): Promise<ActorLabel> {
  const p = await db.person.findUnique({ where: { id: actor.personId }, select: { firstName: true } });
  const villageId = row.villageId != null && actor.access.isOfficialOf(row.forumId, row.villageId) ? row.villageId : null;
  const v = villageId ? await db.village.findFirst({ where: { id: villageId, forumId: row.forumId }, select: { name: true } }) : null;
  // The position the reporter sees beside the name: "Sutrisno · Kepala Kampung Sukajaya".
  const m = await db.membership.findFirst({
    where: { forumId: row.forumId, personId: actor.personId, ...(villageId ? { role: "perangkat_desa", villageId } : { role: "admin_forum" }) },
    select: { title: true },
  });
  return { name: p?.firstName ?? "—", village: v?.name ?? null, title: m?.title ?? null };
}

export interface ActInput {
  aspirationId: number;
  action: OfficialAction;
  /** The version shown on the button; a newer ticket means the button is outdated. */
  expectedVersion: number;
  note?: string | null;
  /** For "forward": a village of the same forum, or null for the kecamatan. */
  targetVillageId?: number | null;
}

/** Checks an action before asking the official for a note (so a wrong press fails at once). */
export async function checkAction(ad: AspirasiDeps, actor: Actor, input: Omit<ActInput, "note">) {
  const row = await loadForActor(ad.prisma, actor, input.aspirationId);
  if (!canHandle(actor, row)) throw new NotAllowed("aspirasi_not_your_village");
  const t = TRANSITIONS[input.action];
  if (row.version !== input.expectedVersion) {
    if (row.status === t.to && input.action !== "forward") throw new Conflict("aspirasi_already", { status: row.status });
    throw new Conflict("aspirasi_changed", { ticket: row.ticketNo });
  }
  if (!t.from.includes(row.status)) throw new Conflict("aspirasi_bad_transition", { status: row.status });
  return row;
}

export async function actOnAspiration(ad: AspirasiDeps, actor: Actor, input: ActInput): Promise<CaseView> {
  const row = await checkAction(ad, actor, input);
  const t = TRANSITIONS[input.action];
  const note = input.note?.trim() || null;
  if (note && note.length > LIMITS.noteMaxChars) throw new InvalidInput("aspirasi_note_long", { max: LIMITS.noteMaxChars });
  if (input.action === "reject" && (!note || note.length < LIMITS.reasonMinChars)) throw new InvalidInput("aspirasi_reason_required", { min: LIMITS.reasonMinChars });
  const forum = (await forumInfo(ad.prisma, row.forumId))!;
  let target: number | null = row.villageId;
  let targetName: string | null = null;
  if (input.action === "forward") {
    target = input.targetVillageId ?? null;
    if (target === row.villageId) throw new InvalidInput("aspirasi_forward_same");
    if (target != null) {
      const v = await ad.prisma.village.findFirst({ where: { id: target, forumId: row.forumId }, select: { name: true } });
      if (!v) throw new NotFound("village_not_found");
      targetName = v.name;
    }
  }
  const now = ad.clock.now();
  const label = await actorLabel(ad.prisma, actor, row);

  const view = await ad.prisma.$transaction(async (tx) => {
    const changed = await tx.aspiration.updateMany({
      where: { id: row.id, forumId: row.forumId, version: row.version },
      data: {
        status: t.to,
        version: { increment: 1 },
        villageId: target,
        ...(input.action === "verify" || (input.action === "process" && !row.verifiedAt) ? { verifiedAt: now } : {}),
        ...(input.action === "resolve" ? { resolvedAt: now } : {}),
      },
    });
    // Someone else changed it between the check and now (a double press, two officials at once).
    if (changed.count !== 1) throw new Conflict("aspirasi_changed", { ticket: row.ticketNo });
    await audit(tx, {
      forumId: row.forumId,
      actorId: actor.personId,
      action: "aspiration.status",
      target: `aspiration:${row.id}`,
      details: { action: input.action, from: row.status, to: t.to, villageId: target },
      at: now,
    });
    await tx.aspirationEvent.create({
      data: {
        aspirationId: row.id,
        forumId: row.forumId,
        actorId: actor.personId,
        actorRole: actor.access.isOfficialOf(row.forumId, row.villageId ?? -1) ? "official" : "admin",
        kind: t.event,
        fromStatus: row.status,
        toStatus: t.to,
        villageId: input.action === "forward" ? target : null,
        note,
        createdAt: now,
      },
    });
    if (input.action === "resolve" || input.action === "reject") {
      await ad.jobs.cancel([JOB_VERIFY, JOB_ESCALATE], row.id, tx);
    } else if (input.action === "verify" || input.action === "process") {
      await ad.jobs.cancel(JOB_VERIFY, row.id, tx);
    } else if (input.action === "forward") {
      // The new handler gets its own verification time; the overall deadline keeps running.
      await ad.jobs.cancel(JOB_VERIFY, row.id, tx);
      const due = addWorkingDays(now, forum.settings.verifyDays, forum.zone, forum.holidays);
      await tx.aspiration.update({ where: { id: row.id }, data: { verifyDueAt: due } });
      await ad.jobs.schedule({ kind: JOB_VERIFY, ownerId: row.id, forumId: row.forumId, dueAt: due }, tx);
    }
    const fresh = await tx.aspiration.findUniqueOrThrow({ where: { id: row.id } });
    const v = await caseView(tx, fresh, forum);
    const reporter = await reporterOf(tx, row.reporterId);
    if (reporter) {
      await queueNotice(ad, tx, v, { kind: "status", case: v, action: input.action, note, actor: label, target: targetName }, [reporter]);
    }
    if (input.action === "forward") {
      const from = row.villageId == null ? null : ((await villageRefs(tx, row.forumId, [row.villageId])).get(row.villageId) ?? null);
      await queueNotice(ad, tx, v, { kind: "forwarded", case: v, from, note }, await handlers(tx, row.forumId, target));
    }
    return v;
  });
  ad.delivery.kick();
  await refreshCards(ad, view);
  return view;
}

export async function officialMessage(ad: AspirasiDeps, actor: Actor, aspirationId: number, text: string) {
  const row = await loadForActor(ad.prisma, actor, aspirationId);
  if (!canHandle(actor, row)) throw new NotAllowed("aspirasi_not_your_village");
  const body = cleanMessage(text);
  const label = await actorLabel(ad.prisma, actor, row);
  const now = ad.clock.now();
  await ad.prisma.$transaction(async (tx) => {
    await tx.aspirationEvent.create({
      data: {
        aspirationId: row.id,
        forumId: row.forumId,
        actorId: actor.personId,
        actorRole: actor.access.isOfficialOf(row.forumId, row.villageId ?? -1) ? "official" : "admin",
        kind: "message",
        note: body,
        createdAt: now,
      },
    });
    const v = await caseView(tx, row);
    const reporter = await reporterOf(tx, row.reporterId);
    if (reporter) await queueNotice(ad, tx, v, { kind: "official-message", case: v, text: body, actor: label }, [reporter]);
  });
  ad.delivery.kick();
}

function cleanMessage(text: string): string {
  const body = text.trim();
  if (!body) throw new InvalidInput("aspirasi_message_empty");
  if (body.length > LIMITS.messageMaxChars) throw new InvalidInput("aspirasi_message_long", { max: LIMITS.messageMaxChars });
  return body;
}

// ---------- reporter ----------

async function loadOwn(db: Db, personId: number, aspirationId: number): Promise<Aspiration> {
  const row = await db.aspiration.findFirst({ where: { id: aspirationId, reporterId: personId } });
  if (!row) throw new NotFound("aspirasi_not_found");
  return row;
}

export async function reporterMessage(ad: AspirasiDeps, personId: number, aspirationId: number, text: string) {
  const row = await loadOwn(ad.prisma, personId, aspirationId);
  const body = cleanMessage(text);
  const now = ad.clock.now();
  await ad.prisma.$transaction(async (tx) => {
    await tx.aspirationEvent.create({
      data: { aspirationId: row.id, forumId: row.forumId, actorId: row.privacy === "named" ? personId : null, actorRole: "reporter", kind: "message", note: body, createdAt: now },
    });
    const v = await caseView(tx, row);
    await queueNotice(ad, tx, v, { kind: "reporter-message", case: v, text: body }, await handlers(tx, row.forumId, row.villageId));
  });
  ad.delivery.kick();
}

export async function confirmResolved(ad: AspirasiDeps, personId: number, aspirationId: number) {
  const row = await loadOwn(ad.prisma, personId, aspirationId);
  if (row.status !== "selesai") throw new Conflict("aspirasi_not_resolved");
  if (row.confirmedAt) throw new Conflict("aspirasi_already_confirmed");
  const now = ad.clock.now();
  const view = await ad.prisma.$transaction(async (tx) => {
    const n = await tx.aspiration.updateMany({ where: { id: row.id, status: "selesai", confirmedAt: null }, data: { confirmedAt: now, version: { increment: 1 } } });
    if (n.count !== 1) throw new Conflict("aspirasi_already_confirmed");
    await tx.aspirationEvent.create({
      data: { aspirationId: row.id, forumId: row.forumId, actorId: row.privacy === "named" ? personId : null, actorRole: "reporter", kind: "confirmed", createdAt: now },
    });
    const v = await caseView(tx, (await tx.aspiration.findUniqueOrThrow({ where: { id: row.id } })));
    await queueNotice(ad, tx, v, { kind: "confirmed", case: v }, await handlers(tx, row.forumId, row.villageId));
    return v;
  });
  ad.delivery.kick();
  await refreshCards(ad, view);
  return view;
}

/** FixMyStreet's reopen: within LIMITS.reopenDays of "selesai", with what is still wrong. */
export async function reopenAspiration(ad: AspirasiDeps, personId: number, aspirationId: number, reason: string) {
  const row = await checkReopen(ad, personId, aspirationId);
  const note = reason.trim();
  if (note.length < LIMITS.reasonMinChars) throw new InvalidInput("aspirasi_reason_required", { min: LIMITS.reasonMinChars });
  if (note.length > LIMITS.noteMaxChars) throw new InvalidInput("aspirasi_note_long", { max: LIMITS.noteMaxChars });
  const forum = (await forumInfo(ad.prisma, row.forumId))!;
  const now = ad.clock.now();
  const resolveDueAt = escalationDue(now, forum);
  const view = await ad.prisma.$transaction(async (tx) => {
    const n = await tx.aspiration.updateMany({
      where: { id: row.id, version: row.version, status: "selesai" },
      data: { status: "diproses", resolvedAt: null, escalatedAt: null, resolveDueAt, reopenCount: { increment: 1 }, version: { increment: 1 } },
    });
    if (n.count !== 1) throw new Conflict("aspirasi_changed", { ticket: row.ticketNo });
    await tx.aspirationEvent.create({
      data: {
        aspirationId: row.id,
        forumId: row.forumId,
        actorId: row.privacy === "named" ? personId : null,
        actorRole: "reporter",
        kind: "reopened",
        fromStatus: "selesai",
        toStatus: "diproses",
        note,
        createdAt: now,
      },
    });
    await ad.jobs.cancel(JOB_ESCALATE, row.id, tx);
    await ad.jobs.schedule({ kind: JOB_ESCALATE, ownerId: row.id, forumId: row.forumId, dueAt: resolveDueAt }, tx);
    const v = await caseView(tx, await tx.aspiration.findUniqueOrThrow({ where: { id: row.id } }), forum);
    await queueNotice(ad, tx, v, { kind: "reopened", case: v, note }, await handlers(tx, row.forumId, row.villageId));
    return v;
  });
  ad.delivery.kick();
  await refreshCards(ad, view);
  return view;
}

export async function checkReopen(ad: AspirasiDeps, personId: number, aspirationId: number) {
  const row = await loadOwn(ad.prisma, personId, aspirationId);
  if (row.status !== "selesai") throw new Conflict("aspirasi_not_resolved");
  if (row.confirmedAt) throw new Conflict("aspirasi_already_confirmed");
  if (!row.resolvedAt || ad.clock.now().getTime() > row.resolvedAt.getTime() + LIMITS.reopenDays * DAY_MS) {
    throw new Conflict("aspirasi_reopen_expired", { days: LIMITS.reopenDays });
  }
  return row;
}

// ---------- support (dukung) ----------

/**
 * One support per person and aspiration (unique row); the count moves only when the row is new.
 * `forumId` comes from where the person pressed (their forum, or the linked group's).
 */
export async function supportAspiration(ad: AspirasiDeps, personId: number, forumId: number, aspirationId: number) {
  const row = await ad.prisma.aspiration.findFirst({ where: { id: aspirationId, forumId } });
  // A rahasia aspiration is not public: it cannot be found to support.
  if (!row || row.privacy === "rahasia") throw new NotFound("aspirasi_not_found");
  if (row.reporterId === personId) throw new Conflict("aspirasi_support_own");
  if (row.status === "ditolak") throw new Conflict("aspirasi_support_closed");
  return ad.prisma.$transaction(async (tx) => {
    const ins = await tx.aspirationSupport.createMany({ data: [{ aspirationId: row.id, forumId, personId, createdAt: ad.clock.now() }], skipDuplicates: true });
    if (ins.count === 0) return { already: true, count: row.supportCount, ticketNo: row.ticketNo };
    const up = await tx.aspiration.update({ where: { id: row.id }, data: { supportCount: { increment: 1 } }, select: { supportCount: true } });
    return { already: false, count: up.supportCount, ticketNo: row.ticketNo };
  });
}

// ---------- settings ----------

export async function updateSettings(
  ad: AspirasiDeps,
  actor: Actor,
  forumId: number,
  patch: Partial<{ verifyDays: number; escalateDays: number; categories: string[] }>,
) {
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
  const forum = await forumInfo(ad.prisma, forumId);
  if (!forum) throw new NotFound("forum_not_found");
  const next = { ...forum.settings, ...patch };
  if (!Number.isInteger(next.verifyDays) || next.verifyDays < 1 || next.verifyDays > 30) throw new InvalidInput("aspirasi_bad_days");
  if (!Number.isInteger(next.escalateDays) || next.escalateDays < 1 || next.escalateDays > 120) throw new InvalidInput("aspirasi_bad_days");
  // Only the aspirasi key is replaced, atomically, so other features' settings are untouched.
  await ad.prisma.$executeRaw`UPDATE forums SET settings = jsonb_set(settings, '{aspirasi}', ${JSON.stringify(next)}::jsonb, true) WHERE id = ${forumId}`;
  await audit(ad.prisma, { forumId, actorId: actor.personId, action: "aspiration.settings", target: `forum:${forumId}`, details: { fields: Object.keys(patch) }, at: ad.clock.now() });
  return next;
}

// ---------- helpers for lists ----------

export function overdue(row: Pick<Aspiration, "status" | "verifyDueAt" | "resolveDueAt">, now: Date): boolean {
  if (!isOpen(row.status)) return false;
  if (now > row.resolveDueAt) return true;
  return UNVERIFIED_STATUSES.includes(row.status) && now > row.verifyDueAt;
}

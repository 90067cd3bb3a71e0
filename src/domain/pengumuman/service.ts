import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";
import type { DeliveryQueue } from "../../delivery/queue.js";
import type { JobScheduler, JobTx } from "../../jobs/scheduler.js";
import type { CopyRef, DeliveryStateName } from "../../delivery/types.js";
import type { Actor } from "../forum/service.js";
import type { Access } from "../forum/access.js";
import { loadAccess } from "../forum/people.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { authorizeAudience, canAnnounce, parseRecipientKey, resolveRecipients, type Audience, type AudienceInput, type Target } from "./audience.js";
import { ALBUM_MAX, ALBUM_MIN, albumProblem, CAPTION_LIMIT, excerptOf, type AlbumItem, isBlank, recipientPayloads, sliceEntities, TEXT_LIMIT, type Media, type Part, type TextEntity } from "./content.js";
import { audit } from "../privasi/audit.js";
import { officialsGroupFor } from "../forum/upkeep.js";
import { termsOf, type ForumTerms } from "../forum/terms.js";

async function forumTermsIn(tx: Db, forumId: number): Promise<ForumTerms> {
  return termsOf(await tx.forum.findUnique({ where: { id: forumId }, select: { villageTerm: true, councilTerm: true } }));
}

export interface BroadcastDeps {
  prisma: Prisma;
  clock: Clock;
  delivery: DeliveryQueue;
  jobs: JobScheduler;
}

export const JOB_SEND = "pengumuman.send";
export const JOB_PROGRESS = "pengumuman.progress";
/** Outbox owners: the copies, the author's progress message, the author's final report. */
export const OWNER_COPIES = "pengumuman";
export const OWNER_PROGRESS = "pengumuman.progress";
export const OWNER_REPORT = "pengumuman.report";
/** The progress message is edited at most this often: calm for the author, cheap for the limits. */
export const PROGRESS_EVERY_MS = 5_000;
/** Scheduling: at least a minute ahead (else "send now"), at most a year. */
const MIN_AHEAD_MS = 60_000;
const MAX_AHEAD_MS = 366 * 24 * 3600_000;

export interface ProgressCounts {
  total: number;
  sent: number;
  failed: number;
  cancelled: number;
  pending: number;
}

export interface BroadcastSummary {
  id: number;
  excerpt: string;
  cancelled: boolean;
  /** The forum's words (Kampung, BPK), for the texts about it. */
  terms: ForumTerms;
}

export type NotStartedReason = "author_not_allowed" | "no_recipients";

/**
 * Texts for the author, written by the bot layer (the domain has no words of its own). HTML.
 */
export interface BroadcastNotices {
  progress(language: string, b: BroadcastSummary, counts: ProgressCounts, done: boolean): string;
  report(language: string, b: BroadcastSummary, counts: ProgressCounts, villages: VillageReport[]): string[];
  notStarted(language: string, b: BroadcastSummary, reason: NotStartedReason): string;
}

export interface CreateInput {
  forumId: number;
  audience: AudienceInput;
  parts: Part[];
  media: Media | null;
  excerpt: string;
  pin: boolean;
  silent: boolean;
  /** null: send now. */
  scheduledAt: Date | null;
}

type Db = JobTx;

// ------------------------------------------------------------------------------ preview

/** How many chats an audience reaches, for the summary before confirming. */
export async function previewAudience(d: BroadcastDeps, actor: Actor, forumId: number, input: AudienceInput) {
  const audience = await authorizeAudience(d.prisma, actor.access, forumId, input);
  const { recipients, unreachable } = await resolveRecipients(d.prisma, forumId, audience);
  const villageIds = audience.all ? null : audience.villageIds;
  const villages = await d.prisma.village.findMany({
    where: { forumId, ...(villageIds ? { id: { in: villageIds } } : {}) },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return {
    groups: recipients.filter((r) => r.kind === "group").length,
    people: recipients.filter((r) => r.kind === "person").length,
    unreachable,
    villages: villages.map((v) => v.name),
    all: audience.all,
  };
}

/** Checks a schedule time: in the future (a minute at least), within a year. */
export function checkScheduleTime(at: Date, now: Date): void {
  if (at.getTime() < now.getTime() + MIN_AHEAD_MS) throw new InvalidInput("pengumuman_time_past");
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS) throw new InvalidInput("pengumuman_time_far");
}

/** The stored file(s) of a broadcast. */
function mediaOf(b: { mediaKind: string | null; mediaFileId: string | null; mediaItems: unknown }): Media | null {
  if (!b.mediaKind) return null;
  return { kind: b.mediaKind as Media["kind"], fileId: b.mediaFileId!, ...(b.mediaKind === "album" ? { items: b.mediaItems as AlbumItem[] } : {}) };
}

function checkParts(parts: Part[], media: Media | null) {
  if (media?.kind === "album") {
    const bad = albumProblem(media.items ?? []);
    if (bad) throw new InvalidInput(`pengumuman_${bad}`, { min: ALBUM_MIN, max: ALBUM_MAX });
  }
  if (parts.length === 0 || parts.every((p) => isBlank(p.text))) throw new InvalidInput("pengumuman_empty");
  parts.forEach((p, i) => {
    const limit = i === 0 && media ? CAPTION_LIMIT : TEXT_LIMIT;
    if (p.text.length > limit) throw new InvalidInput("pengumuman_too_long", { length: p.text.length, max: limit });
  });
  if (parts.length > 20) throw new InvalidInput("pengumuman_too_long", { length: parts.reduce((n, p) => n + p.text.length, 0), max: 20 * TEXT_LIMIT });
}

// ------------------------------------------------------------------------------- create

/**
 * Confirms an announcement: rights → content → time → one transaction (the broadcast, and either
 * its copies in the outbox or its job) → the workers are woken.
 */
export async function createBroadcast(d: BroadcastDeps, actor: Actor, input: CreateInput, notices: BroadcastNotices) {
  const audience = await authorizeAudience(d.prisma, actor.access, input.forumId, input.audience);
  checkParts(input.parts, input.media);
  const now = d.clock.now();
  if (input.scheduledAt) checkScheduleTime(input.scheduledAt, now);
  const result = await d.prisma.$transaction(
    async (tx) => {
      const b = await tx.broadcast.create({
        data: {
          forumId: input.forumId,
          authorId: actor.personId,
          targets: audience.targets,
          villageIds: audience.villageIds,
          allVillages: audience.all,
          parts: input.parts as object[],
          mediaKind: input.media?.kind ?? null,
          mediaFileId: input.media?.fileId ?? null,
          mediaItems: input.media?.items ? (input.media.items as unknown as object[]) : undefined,
          excerpt: input.excerpt.slice(0, 200),
          pin: input.pin,
          silent: input.silent,
          scheduledAt: input.scheduledAt,
          state: "scheduled",
          createdAt: now,
        },
      });
      await audit(tx, {
        forumId: input.forumId,
        actorId: actor.personId,
        action: "broadcast.create",
        target: `broadcast:${b.id}`,
        details: { targets: audience.targets, all: audience.all, villages: audience.villageIds, scheduled: !!input.scheduledAt },
        at: now,
      });
      if (input.scheduledAt) {
        await d.jobs.schedule({ kind: JOB_SEND, ownerId: b.id, forumId: input.forumId, dueAt: input.scheduledAt }, tx);
        return { id: b.id, state: "scheduled" as const, recipients: 0 };
      }
      const started = await startBroadcast(d, tx, b.id, notices);
      // Sent now, nobody to send to: nothing is kept (the throw rolls the broadcast back).
      if (!started.started) throw new InvalidInput("pengumuman_no_recipients");
      return { id: b.id, state: "sending" as const, recipients: started.recipients };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (result.state === "sending") d.delivery.kick();
  return { ...result, scheduledAt: input.scheduledAt?.toISOString() ?? null };
}

// -------------------------------------------------------------------------------- start

/**
 * Sends a broadcast now (its time came, or "send now"): rights are checked again (a role may have
 * been revoked since), recipients resolved at this moment, every copy queued in `tx`.
 */
export async function startBroadcast(d: BroadcastDeps, tx: Db, id: number, notices: BroadcastNotices): Promise<{ started: boolean; recipients: number }> {
  const now = d.clock.now();
  // The state moves first, conditionally: a cancel racing with the due time wins or loses cleanly.
  const moved = await tx.broadcast.updateMany({ where: { id, state: "scheduled" }, data: { state: "sending", startedAt: now } });
  if (moved.count === 0) return { started: false, recipients: 0 };
  const b = await tx.broadcast.findUniqueOrThrow({ where: { id } });
  const author = await tx.person.findUnique({ where: { id: b.authorId } });
  const summary = { id: b.id, excerpt: b.excerpt, cancelled: false, terms: await forumTermsIn(tx, b.forumId) };
  const fail = async (reason: "author_not_allowed" | "no_recipients") => {
    await tx.broadcast.update({ where: { id }, data: { state: "failed", failureReason: reason, finishedAt: now } });
    if (author?.canMessage) {
      await d.delivery.enqueue(
        {
          forumId: b.forumId,
          ownerKind: OWNER_REPORT,
          ownerId: b.id,
          items: [{ chatId: author.telegramUserId, recipientKey: `person:${author.id}`, priority: 10, payload: { op: "send", method: "sendMessage", params: { text: notices.notStarted(author.language, summary, reason), parse_mode: "HTML" } } }],
        },
        tx,
      );
    }
    return { started: false, recipients: 0 };
  };

  const access = await loadAccess(tx as unknown as Prisma, b.authorId, false);
  let audience: Audience;
  try {
    audience = await authorizeAudience(tx, access, b.forumId, { targets: b.targets as Target[], villages: b.allVillages ? "all" : b.villageIds });
  } catch (err) {
    if (err instanceof NotAllowed || err instanceof NotFound) return fail("author_not_allowed");
    throw err;
  }
  const { recipients } = await resolveRecipients(tx, b.forumId, audience);
  if (recipients.length === 0) return fail("no_recipients");

  const content = { parts: b.parts as unknown as Part[], media: mediaOf(b), pin: b.pin, silent: b.silent };
  const forGroups = recipientPayloads(content, { group: true });
  const forPeople = recipientPayloads(content, { group: false });
  const items = recipients.flatMap((r) => (r.kind === "group" ? forGroups : forPeople).map((payload) => ({ chatId: r.chatId, recipientKey: r.key, payload })));
  const batch = await d.delivery.enqueue({ forumId: b.forumId, ownerKind: OWNER_COPIES, ownerId: b.id, items }, tx);
  await tx.broadcast.update({ where: { id }, data: { batchId: batch.batchId, recipients: recipients.length } });

  if (author?.canMessage) {
    // The author's progress message goes ahead of the copies (priority) and is edited as they go.
    const counts: ProgressCounts = { total: recipients.length, sent: 0, failed: 0, cancelled: 0, pending: recipients.length };
    await d.delivery.enqueue(
      {
        forumId: b.forumId,
        ownerKind: OWNER_PROGRESS,
        ownerId: b.id,
        items: [{ chatId: author.telegramUserId, recipientKey: `person:${author.id}`, priority: 10, payload: { op: "send", method: "sendMessage", params: { text: notices.progress(author.language, summary, counts, false), parse_mode: "HTML" } } }],
      },
      tx,
    );
  }
  await d.jobs.schedule({ kind: JOB_PROGRESS, ownerId: b.id, forumId: b.forumId, dueAt: new Date(now.getTime() + PROGRESS_EVERY_MS) }, tx);
  return { started: true, recipients: recipients.length };
}

// ----------------------------------------------------------------------------- progress

/**
 * The progress job: edits the author's progress message when the counts changed; at the end,
 * sends the per-village report and closes the broadcast. Runs again until the end.
 */
export async function trackBroadcast(d: BroadcastDeps, tx: Db, id: number, notices: BroadcastNotices): Promise<{ done: boolean }> {
  const now = d.clock.now();
  const b = await tx.broadcast.findUnique({ where: { id } });
  if (!b || !b.batchId || b.finishedAt) return { done: true };
  const perRecipient = outcomes(await d.delivery.batchRecipients(b.batchId, tx));
  const counts = countOutcomes(perRecipient);
  const done = counts.pending === 0;
  const author = await tx.person.findUnique({ where: { id: b.authorId } });
  const summary = { id: b.id, excerpt: b.excerpt, cancelled: b.state === "cancelled", terms: await forumTermsIn(tx, b.forumId) };
  const shown = JSON.stringify([counts, done]);
  if (author && shown !== b.progressShown) {
    await d.delivery.editCopies(
      OWNER_PROGRESS,
      b.id,
      () => ({ method: "editMessageText", params: { text: notices.progress(author.language, summary, counts, done), parse_mode: "HTML" } }),
      { forumId: b.forumId, priority: 10 },
      tx,
    );
  }
  if (!done) {
    await tx.broadcast.update({ where: { id }, data: { progressShown: shown } });
    await d.jobs.schedule({ kind: JOB_PROGRESS, ownerId: b.id, forumId: b.forumId, dueAt: new Date(now.getTime() + PROGRESS_EVERY_MS) }, tx);
    return { done: false };
  }
  await tx.broadcast.update({ where: { id }, data: { progressShown: shown, finishedAt: now, state: b.state === "cancelled" ? "cancelled" : "done" } });
  // The forum may route delivery reports to its officials' group instead of the author.
  const group = await officialsGroupFor(tx, b.forumId, "reports");
  if (group) {
    const villages = await villageReport(d, tx, b, perRecipient);
    const texts = notices.report("id", summary, counts, villages);
    await d.delivery.enqueue(
      {
        forumId: b.forumId,
        ownerKind: OWNER_REPORT,
        ownerId: b.id,
        items: texts.map((text) => ({ chatId: group.chatId, recipientKey: "officials-group", priority: 10, payload: { op: "send" as const, method: "sendMessage", params: { text, parse_mode: "HTML" } } })),
      },
      tx,
    );
  } else if (author?.canMessage) {
    const villages = await villageReport(d, tx, b, perRecipient);
    const texts = notices.report(author.language, summary, counts, villages);
    await d.delivery.enqueue(
      {
        forumId: b.forumId,
        ownerKind: OWNER_REPORT,
        ownerId: b.id,
        items: texts.map((text) => ({ chatId: author.telegramUserId, recipientKey: `person:${author.id}`, priority: 10, payload: { op: "send" as const, method: "sendMessage", params: { text, parse_mode: "HTML" } } })),
      },
      tx,
    );
  }
  return { done: true };
}

// ------------------------------------------------------------------------------- report

export type Outcome = "sent" | "failed" | "unknown" | "cancelled" | "pending";

interface RecipientOutcome {
  key: string | null;
  outcome: Outcome;
  reason: string | null;
  notPinned: boolean;
}

/** A recipient with several parts counts once, by its worst part. */
function outcomes(rows: Array<{ chatId: bigint; recipientKey: string | null; state: DeliveryStateName; errorKind: string | null }>): RecipientOutcome[] {
  const perChat = new Map<string, RecipientOutcome>();
  for (const r of rows) {
    const outcome: Outcome = r.state === "queued" || r.state === "sending" ? "pending" : r.state;
    const k = String(r.chatId);
    const prev = perChat.get(k);
    const notPinned = r.errorKind === "pin_failed";
    const reason = outcome === "failed" || outcome === "unknown" ? (r.errorKind ?? "bad_request") : null;
    if (!prev || RANK[outcome] > RANK[prev.outcome]) perChat.set(k, { key: r.recipientKey, outcome, reason, notPinned: notPinned || (prev?.notPinned ?? false) });
    else if (notPinned) prev.notPinned = true;
  }
  return [...perChat.values()];
}

function countOutcomes(list: RecipientOutcome[]): ProgressCounts {
  const c: ProgressCounts = { total: list.length, sent: 0, failed: 0, cancelled: 0, pending: 0 };
  for (const o of list) {
    if (o.outcome === "unknown") c.failed++;
    else c[o.outcome]++;
  }
  return c;
}

export interface VillageReport {
  villageId: number | null;
  /** null for the kecamatan group. */
  name: string | null;
  groups: Record<Outcome, number>;
  people: Record<Outcome, number>;
  /** Why copies failed (failure kind → count), e.g. { kicked: 1, blocked: 3 }. */
  reasons: Record<string, number>;
  /** Sent to a group but could not be pinned there. */
  notPinned: number;
}

const RANK: Record<Outcome, number> = { sent: 0, cancelled: 1, pending: 2, unknown: 3, failed: 4 };

/** Per village: how many groups and people got it, and why the others did not. */
export async function villageReport(d: BroadcastDeps, db: Db, b: { forumId: number; batchId: number | null }, known?: RecipientOutcome[]): Promise<VillageReport[]> {
  if (!b.batchId) return [];
  const list = known ?? outcomes(await d.delivery.batchRecipients(b.batchId, db));
  const villages = await db.village.findMany({ where: { forumId: b.forumId }, select: { id: true, name: true } });
  const names = new Map(villages.map((v) => [v.id, v.name]));
  const empty = (): Record<Outcome, number> => ({ sent: 0, failed: 0, unknown: 0, cancelled: 0, pending: 0 });
  const out = new Map<number | null, VillageReport>();
  for (const c of list) {
    const { villageId, kind } = parseRecipientKey(c.key);
    let v = out.get(villageId);
    if (!v) out.set(villageId, (v = { villageId, name: villageId === null ? null : (names.get(villageId) ?? "?"), groups: empty(), people: empty(), reasons: {}, notPinned: 0 }));
    (kind === "group" ? v.groups : v.people)[c.outcome]++;
    if (c.reason) v.reasons[c.reason] = (v.reasons[c.reason] ?? 0) + 1;
    if (c.notPinned && kind === "group") v.notPinned++;
  }
  // Kecamatan group first, then villages by name.
  return [...out.values()].sort((a, b) => (a.name === null ? -1 : b.name === null ? 1 : a.name.localeCompare(b.name, "id")));
}

// ------------------------------------------------------------------------------- cancel

/**
 * Who manages an announcement follows the current role, not the author column: forum admins, and
 * perangkat desa of every village it was addressed to (announcements to all villages: admins only).
 */
export function canManageBroadcast(access: Access, b: { forumId: number; allVillages: boolean; villageIds: number[] }) {
  if (access.isAdmin(b.forumId)) return true;
  return !b.allVillages && b.villageIds.length > 0 && b.villageIds.every((v) => access.isOfficialOf(b.forumId, v));
}

/** Admins see every announcement of the forum; officials those addressed to any of their villages. */
export function canViewBroadcast(access: Access, b: { forumId: number; allVillages: boolean; villageIds: number[] }) {
  return access.isAdmin(b.forumId) || (!b.allVillages && b.villageIds.some((v) => access.isOfficialOf(b.forumId, v)));
}

/** Loads a broadcast the actor may see ("view") or change ("manage"); otherwise as if it did not exist. */
async function visibleBroadcast(d: BroadcastDeps, actor: Actor, id: number, need: "view" | "manage" = "manage") {
  const b = await d.prisma.broadcast.findFirst({ where: { id, forumId: { in: actor.access.forumIds() } } });
  if (!b || !(need === "view" ? canViewBroadcast : canManageBroadcast)(actor.access, b)) throw new NotFound("pengumuman_not_found");
  return b;
}

/**
 * Cancels a scheduled broadcast (nothing goes out) or a running one (what is not sent yet is
 * cancelled; what was sent stays and is reported). The author or a forum admin may.
 */
export async function cancelBroadcast(d: BroadcastDeps, actor: Actor, id: number) {
  const b = await visibleBroadcast(d, actor, id);
  const now = d.clock.now();
  if (b.state === "scheduled") {
    const done = await d.prisma.$transaction(async (tx) => {
      const r = await tx.broadcast.updateMany({ where: { id, state: "scheduled" }, data: { state: "cancelled", cancelledAt: now, cancelledById: actor.personId, finishedAt: now } });
      if (r.count === 1) await d.jobs.cancel(JOB_SEND, id, tx);
      return r.count === 1;
    });
    if (done) {
      await record(d, b.forumId, actor.personId, "broadcast.cancel", id);
      return { was: "scheduled" as const, cancelled: 0, sent: 0 };
    }
    // It started meanwhile: cancel it as a running one.
    return cancelBroadcast(d, actor, id);
  }
  if (b.state === "sending" && b.batchId) {
    await d.prisma.broadcast.update({ where: { id }, data: { state: "cancelled", cancelledAt: now, cancelledById: actor.personId } });
    const cancelled = await d.delivery.cancelBatch(b.batchId);
    const counts = countOutcomes(outcomes(await d.delivery.batchRecipients(b.batchId)));
    await record(d, b.forumId, actor.personId, "broadcast.cancel", id);
    return { was: "sending" as const, cancelled: counts.cancelled, sent: counts.sent, rowsCancelled: cancelled };
  }
  throw new Conflict("pengumuman_not_cancellable");
}

function record(d: BroadcastDeps, forumId: number, actorId: number, action: "broadcast.cancel", id: number) {
  return audit(d.prisma, { forumId, actorId, action, target: `broadcast:${id}`, at: d.clock.now() });
}

// ------------------------------------------------------------------------------ history

export interface HistoryItem {
  id: number;
  excerpt: string;
  state: string;
  createdAt: string;
  scheduledAt: string | null;
  targets: string[];
  all: boolean;
  villageCount: number;
  counts: ProgressCounts | null;
  authorName: string;
}

/** Newest first: admins see the forum's announcements, officials their own. */
export async function listBroadcasts(d: BroadcastDeps, actor: Actor, forumId: number, page: number, pageSize = 5): Promise<{ items: HistoryItem[]; total: number }> {
  if (!canAnnounce(actor.access, forumId)) throw new NotAllowed("pengumuman_not_allowed");
  // Admins see the forum's history; officials the announcements addressed to their villages only.
  const where = actor.access.isAdmin(forumId) ? { forumId } : { forumId, allVillages: false, villageIds: { hasSome: actor.access.officialVillages(forumId) } };
  const total = await d.prisma.broadcast.count({ where });
  const rows = await d.prisma.broadcast.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: page * pageSize, take: pageSize });
  const authors = await d.prisma.person.findMany({ where: { id: { in: rows.map((r) => r.authorId) } }, select: { id: true, firstName: true } });
  const names = new Map(authors.map((a) => [a.id, a.firstName]));
  const items: HistoryItem[] = [];
  for (const r of rows) {
    const counts = r.batchId ? countOutcomes(outcomes(await d.delivery.batchRecipients(r.batchId))) : null;
    items.push({
      id: r.id,
      excerpt: r.excerpt,
      state: r.state,
      createdAt: r.createdAt.toISOString(),
      scheduledAt: r.scheduledAt?.toISOString() ?? null,
      targets: r.targets,
      all: r.allVillages,
      villageCount: r.villageIds.length,
      counts,
      authorName: names.get(r.authorId) ?? "—",
    });
  }
  return { items, total };
}

/** One announcement with its per-village report, and whether the actor may still cancel it. */
export async function broadcastDetail(d: BroadcastDeps, actor: Actor, id: number) {
  const b = await visibleBroadcast(d, actor, id, "view");
  const list = b.batchId ? outcomes(await d.delivery.batchRecipients(b.batchId)) : null;
  const villages = list ? await villageReport(d, d.prisma as unknown as Db, b, list) : [];
  const author = await d.prisma.person.findUnique({ where: { id: b.authorId }, select: { firstName: true } });
  return {
    id: b.id,
    forumId: b.forumId,
    excerpt: b.excerpt,
    state: b.state,
    failureReason: b.failureReason,
    createdAt: b.createdAt.toISOString(),
    scheduledAt: b.scheduledAt?.toISOString() ?? null,
    startedAt: b.startedAt?.toISOString() ?? null,
    targets: b.targets,
    all: b.allVillages,
    pin: b.pin,
    silent: b.silent,
    counts: list ? countOutcomes(list) : null,
    villages,
    authorName: author?.firstName ?? "—",
    canCancel: (b.state === "scheduled" || b.state === "sending") && canManageBroadcast(actor.access, b),
  };
}

// ----------------------------------------------------------------- change after sending

export const JOB_CHANGE_REPORT = "pengumuman.change_report";
export const OWNER_CHANGE_REPORT = "pengumuman.change";
/** How often the change report looks whether the edits or deletions are done. */
const CHANGE_POLL_MS = 3_000;

export type ChangeAction = "edit" | "delete";

export interface ChangeCounts {
  /** Chats that had a copy to change. */
  total: number;
  changed: number;
  failed: number;
  pending: number;
  /** Why copies could not be changed (failure kind → chats), e.g. { too_old: 2 }. */
  reasons: Record<string, number>;
}

/** Texts about a change, written by the bot layer. HTML. */
export interface ChangeNotices {
  changeReport(language: string, b: BroadcastSummary, action: ChangeAction, counts: ChangeCounts): string;
}

/** The sent copies of an announcement, one per chat (a long one has several messages per chat). */
async function sentChats(d: BroadcastDeps, id: number, db?: Db) {
  const copies = (await d.delivery.copies(OWNER_COPIES, id, db)).filter((c) => c.state === "sent" && c.telegramMessageId);
  return new Set(copies.map((c) => String(c.chatId))).size;
}

/** Whether the actor may edit or delete what went out, and what that would touch. */
export async function changeInfo(d: BroadcastDeps, actor: Actor, id: number) {
  const b = await visibleBroadcast(d, actor, id, "view");
  const chats = b.deletedAt ? 0 : await sentChats(d, id);
  const manage = canManageBroadcast(actor.access, b);
  const can = manage && !b.deletedAt && chats > 0;
  const parts = b.parts as unknown as Part[];
  // Why a change is refused, as an error reason; someone who does not manage it learns nothing more.
  const refusal = !manage ? "pengumuman_not_found" : b.deletedAt ? "pengumuman_deleted" : chats === 0 ? "pengumuman_not_sent" : null;
  const editRefusal = refusal ?? (parts.length !== 1 ? "pengumuman_edit_long" : null);
  return { id: b.id, forumId: b.forumId, excerpt: b.excerpt, chats, canChange: can, canEdit: can && parts.length === 1, refusal, editRefusal, media: b.mediaKind, deleted: !!b.deletedAt, edited: !!b.editedAt };
}

/**
 * The new single message of an edited announcement: the same header and signature around the new
 * body (the recipients must see who it is from, as before).
 */
export function editedPart(old: Part, body: string, bodyEntities: TextEntity[]): Part {
  const header = old.entities.find((e) => e.type === "bold" && e.offset === 0);
  const last = old.entities.at(-1);
  const footer = last && last.type === "italic" && last.offset + last.length === old.text.length ? last : undefined;
  const head = header ? old.text.slice(0, header.length) : "";
  const foot = footer ? old.text.slice(footer.offset) : "";
  const trimmed = body.trim();
  const lead = body.length - body.trimStart().length;
  let text = head ? `${head}\n\n` : "";
  const entities: TextEntity[] = head ? [{ type: "bold", offset: 0, length: head.length }] : [];
  const shift = text.length;
  text += trimmed;
  for (const e of sliceEntities(bodyEntities, lead, lead + trimmed.length, 0)) entities.push({ ...e, offset: e.offset + shift });
  if (foot) {
    text += "\n\n";
    entities.push({ type: "italic", offset: text.length, length: foot.length });
    text += foot;
  }
  return { text, entities };
}

/** Entities compared by what they mean (stored JSON does not keep the key order). */
function sameEntities(a: TextEntity[], b: TextEntity[]) {
  const key = (e: TextEntity) => JSON.stringify(Object.entries(e).sort(([x], [y]) => x.localeCompare(y)));
  return a.length === b.length && a.every((e, i) => key(e) === key(b[i]!));
}

async function changeable(d: BroadcastDeps, actor: Actor, id: number) {
  // Rights follow the current role: a former perangkat no longer manages what they sent.
  const b = await visibleBroadcast(d, actor, id, "manage");
  if (b.deletedAt) throw new Conflict("pengumuman_deleted");
  if (b.state === "scheduled" || !b.batchId || (await sentChats(d, id)) === 0) throw new Conflict("pengumuman_not_sent");
  return b;
}

/** Checks an edit and returns the message as recipients will see it (for the preview). */
export async function previewEdit(d: BroadcastDeps, actor: Actor, id: number, body: string, entities: TextEntity[]): Promise<Part> {
  const b = await changeable(d, actor, id);
  const parts = b.parts as unknown as Part[];
  if (parts.length !== 1) throw new Conflict("pengumuman_edit_long");
  if (isBlank(body)) throw new InvalidInput("pengumuman_empty");
  const part = editedPart(parts[0]!, body, entities);
  const limit = b.mediaKind ? CAPTION_LIMIT : TEXT_LIMIT;
  if (part.text.length > limit) throw new InvalidInput("pengumuman_too_long", { length: part.text.length, max: limit });
  if (part.text === parts[0]!.text && sameEntities(part.entities, parts[0]!.entities)) throw new InvalidInput("pengumuman_edit_same");
  return part;
}

/**
 * Edits every sent copy (text, or the caption of a photo/document) through the outbox; the
 * report of copies changed follows when the edits are done.
 */
export async function editBroadcast(d: BroadcastDeps, actor: Actor, id: number, body: string, entities: TextEntity[]) {
  const part = await previewEdit(d, actor, id, body, entities);
  const now = d.clock.now();
  const r = await d.prisma.$transaction(async (tx) => {
    const b = await tx.broadcast.findUniqueOrThrow({ where: { id } });
    if (b.deletedAt) throw new Conflict("pengumuman_deleted");
    await tx.broadcast.update({ where: { id }, data: { parts: [part] as object[], excerpt: excerptOf(body).slice(0, 200), editedAt: now } });
    const media = !!b.mediaKind;
    const batch = await d.delivery.editCopies(
      OWNER_COPIES,
      id,
      () =>
        media
          ? { method: "editMessageCaption", params: { caption: part.text, ...(part.entities.length ? { caption_entities: part.entities } : {}) } }
          : { method: "editMessageText", params: { text: part.text, ...(part.entities.length ? { entities: part.entities } : {}) } },
      { forumId: b.forumId, priority: 5 },
      tx,
    );
    const chats = await sentChats(d, id, tx);
    await audit(tx, { forumId: b.forumId, actorId: actor.personId, action: "broadcast.edit", target: `broadcast:${id}`, details: { chats }, at: now });
    await d.jobs.schedule({ kind: JOB_CHANGE_REPORT, ownerId: id, forumId: b.forumId, dueAt: new Date(now.getTime() + CHANGE_POLL_MS), payload: { batchIds: [batch.batchId], action: "edit", actorId: actor.personId } }, tx);
    return { chats };
  });
  d.delivery.kick();
  return r;
}

/**
 * Deletes every copy, in every group and private chat, through the outbox (copies not sent yet are
 * cancelled). Telegram keeps messages older than 48 hours: those are counted as failed.
 */
export async function deleteBroadcast(d: BroadcastDeps, actor: Actor, id: number) {
  await changeable(d, actor, id);
  const now = d.clock.now();
  const r = await d.prisma.$transaction(async (tx) => {
    const moved = await tx.broadcast.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: now } });
    if (!moved.count) throw new Conflict("pengumuman_deleted");
    const b = await tx.broadcast.findUniqueOrThrow({ where: { id } });
    const chats = await sentChats(d, id, tx);
    // Stop the rest of a running send first: nothing new goes out after a deletion.
    if (b.state === "sending" && b.batchId) await d.delivery.cancelBatch(b.batchId, tx);
    const batch = await d.delivery.deleteCopies(OWNER_COPIES, id, { forumId: b.forumId }, tx);
    const batchIds = [batch.batchId];
    const album = mediaOf(b);
    if (album?.kind === "album" && album.items && album.items.length > 1) {
      // deleteCopies removed each album's first message; the outbox keeps the album's other ids
      // (another message may have landed between them in a busy group).
      // The album is each chat's first copy (later parts, if any, are text).
      const firsts = new Map<string, CopyRef>();
      for (const c of await d.delivery.copies(OWNER_COPIES, id, tx)) {
        if (c.state !== "sent" || !c.telegramMessageId) continue;
        const prev = firsts.get(String(c.chatId));
        if (!prev || c.id < prev.id) firsts.set(String(c.chatId), c);
      }
      const items = [...firsts.values()].flatMap((c) => albumRest(c, album.items!.length).map((messageId) => ({ chatId: c.chatId, recipientKey: c.recipientKey ?? undefined, priority: 10, payload: { op: "delete" as const, messageId } })));
      if (items.length) batchIds.push((await d.delivery.enqueue({ forumId: b.forumId, ownerKind: `${OWNER_COPIES}#delete`, ownerId: id, items }, tx)).batchId);
    }
    await audit(tx, { forumId: b.forumId, actorId: actor.personId, action: "broadcast.delete", target: `broadcast:${id}`, details: { chats }, at: now });
    await d.jobs.schedule({ kind: JOB_CHANGE_REPORT, ownerId: id, forumId: b.forumId, dueAt: new Date(now.getTime() + CHANGE_POLL_MS), payload: { batchIds, action: "delete", actorId: actor.personId } }, tx);
    return { chats };
  });
  d.delivery.kick();
  return r;
}

/** The change report job: waits for the edits/deletions to settle, then tells who asked. */
export async function reportChange(d: BroadcastDeps, tx: Db, id: number, payload: Record<string, unknown>, notices: ChangeNotices): Promise<{ done: boolean }> {
  const batchIds = Array.isArray(payload.batchIds) ? payload.batchIds.map(Number).filter(Number.isInteger) : [];
  const action: ChangeAction = payload.action === "delete" ? "delete" : "edit";
  const actorId = Number(payload.actorId);
  const now = d.clock.now();
  const b = await tx.broadcast.findUnique({ where: { id } });
  if (!b || !batchIds.length) return { done: true };
  const rows = [];
  for (const batchId of batchIds) rows.push(...(await d.delivery.batchRecipients(batchId, tx)));
  const perChat = outcomes(rows);
  const counts: ChangeCounts = { total: perChat.length, changed: 0, failed: 0, pending: 0, reasons: {} };
  for (const o of perChat) {
    if (o.outcome === "pending") counts.pending++;
    else if (o.outcome === "sent") counts.changed++;
    else {
      counts.failed++;
      const why = o.reason ?? "other";
      counts.reasons[why] = (counts.reasons[why] ?? 0) + 1;
    }
  }
  if (counts.pending > 0) {
    await d.jobs.schedule({ kind: JOB_CHANGE_REPORT, ownerId: id, forumId: b.forumId, dueAt: new Date(now.getTime() + CHANGE_POLL_MS), payload }, tx);
    return { done: false };
  }
  const who = await tx.person.findUnique({ where: { id: actorId } });
  if (who?.canMessage) {
    const summary = { id: b.id, excerpt: b.excerpt, cancelled: false, terms: await forumTermsIn(tx, b.forumId) };
    await d.delivery.enqueue(
      {
        forumId: b.forumId,
        ownerKind: OWNER_CHANGE_REPORT,
        ownerId: b.id,
        items: [{ chatId: who.telegramUserId, recipientKey: `person:${who.id}`, priority: 10, payload: { op: "send", method: "sendMessage", params: { text: notices.changeReport(who.language, summary, action, counts), parse_mode: "HTML" } } }],
      },
      tx,
    );
  }
  return { done: true };
}

/**
 * An album copy's messages after the first. Copies sent before the outbox kept every id (album
 * ids column empty) fall back to Telegram's usual numbering, one after another.
 */
function albumRest(c: { telegramMessageId: number | null; albumMessageIds: number[] }, size: number): number[] {
  if (c.albumMessageIds.length > 1) return c.albumMessageIds.slice(1);
  return Array.from({ length: size - 1 }, (_, j) => c.telegramMessageId! + 1 + j);
}

import { LEDGER_SPAN_MS } from "./pacing.js";
import { JOB, type DiscussionDeps, type Tx } from "./types.js";
import type { Prisma } from "../../infra/db.js";

type Db = Tx | Prisma;
type TopicChatRow = Awaited<ReturnType<Prisma["topicChat"]["findMany"]>>[number];

/** Chats of one forum's topic that still take part: the card went there and the link is active. */
export async function activeTargets(db: Db, topic: { id: number; forumId: number }, known?: TopicChatRow[]) {
  const chats = known ?? (await db.topicChat.findMany({ where: { topicId: topic.id, forumId: topic.forumId }, orderBy: { id: "asc" } }));
  if (chats.length === 0) return [];
  const links = await db.chatLink.findMany({
    where: { forumId: topic.forumId, active: true, telegramChatId: { in: chats.map((c) => c.chatId) } },
    select: { telegramChatId: true },
  });
  const live = new Set(links.map((l) => String(l.telegramChatId)));
  return chats.filter((c) => live.has(String(c.chatId)));
}

export type Target = Awaited<ReturnType<typeof activeTargets>>[number];

const LOCK_NS = 7_273_003;
const lockKey = (chatId: bigint) => Number(BigInt.asIntN(32, chatId ^ (chatId >> 32n)));

/**
 * Serialises send decisions per group across instances (transaction-scoped advisory locks), in a
 * fixed order so two relays never wait on each other.
 */
export async function lockChats(tx: Tx, chatIds: bigint[]) {
  const keys = [...new Set(chatIds.map(lockKey))].sort((a, b) => a - b);
  if (keys.length === 0) return;
  // One round trip; PostgreSQL evaluates volatile output expressions after ORDER BY (since 9.6),
  // so the locks are taken in key order. The keys are integers computed here, safe to inline.
  await tx.$queryRawUnsafe(
    `SELECT count(*)::int AS n FROM (SELECT pg_advisory_xact_lock(${LOCK_NS}, k) FROM unnest(ARRAY[${keys.join(",")}]::int[]) AS k ORDER BY k) s`,
  );
}

/** Discussion send times per chat in the last minute, ascending (ms). */
export async function ledger(db: Db, chatIds: bigint[], now: Date): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (chatIds.length === 0) return out;
  const rows = await db.relaySend.findMany({
    where: { chatId: { in: chatIds }, at: { gt: new Date(now.getTime() - LEDGER_SPAN_MS) } },
    orderBy: { at: "asc" },
    select: { chatId: true, at: true },
  });
  for (const r of rows) {
    const k = String(r.chatId);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(r.at.getTime());
  }
  return out;
}

export async function recordSends(db: Db, forumId: number, chatIds: bigint[], at: Date, each = 1) {
  const data = chatIds.flatMap((chatId) => Array.from({ length: each }, () => ({ forumId, chatId, at })));
  if (data.length) await db.relaySend.createMany({ data });
}

/** Sends booked at times of their own (edits given a later slot), one ledger row each. */
export async function recordSendsAt(db: Db, forumId: number, sends: Array<{ chatId: bigint; at: Date }>) {
  if (sends.length) await db.relaySend.createMany({ data: sends.map((s) => ({ forumId, chatId: s.chatId, at: s.at })) });
}

export async function pruneLedger(db: Db, now: Date, chatId?: bigint) {
  await db.relaySend.deleteMany({ where: { at: { lt: new Date(now.getTime() - 10 * LEDGER_SPAN_MS) }, ...(chatId ? { chatId } : {}) } });
}

/**
 * Makes sure a flush of the chat's waiting messages runs by `at`. Never updates an existing job
 * row (a running flush holds it locked); an extra early job is harmless, a flush is idempotent.
 */
export async function ensureFlush(d: DiscussionDeps, tx: Tx, forumId: number, chatId: bigint, at: Date, excludeJobId?: bigint) {
  const ownerId = `chat:${chatId}`;
  const existing = await tx.job.findFirst({
    where: { kind: JOB.flush, ownerId, doneAt: null, cancelledAt: null, ...(excludeJobId !== undefined ? { id: { not: excludeJobId } } : {}) },
    orderBy: { dueAt: "asc" },
    select: { dueAt: true },
  });
  if (existing && existing.dueAt <= at) return;
  await d.jobs.schedule({ kind: JOB.flush, ownerId, forumId, dueAt: at, payload: { chatId: String(chatId) } }, tx);
}

/** ensureFlush for several chats at once (one read, inserts only where no earlier flush waits). */
export async function ensureFlushMany(d: DiscussionDeps, tx: Tx, forumId: number, wanted: Array<{ chatId: bigint; at: Date }>) {
  if (wanted.length === 0) return;
  const existing = await tx.job.findMany({
    where: { kind: JOB.flush, ownerId: { in: wanted.map((w) => `chat:${w.chatId}`) }, doneAt: null, cancelledAt: null },
    select: { ownerId: true, dueAt: true },
  });
  const earliest = new Map<string, number>();
  for (const j of existing) earliest.set(j.ownerId, Math.min(earliest.get(j.ownerId) ?? Infinity, j.dueAt.getTime()));
  for (const w of wanted) {
    const have = earliest.get(`chat:${w.chatId}`);
    if (have !== undefined && have <= w.at.getTime()) continue;
    await d.jobs.schedule({ kind: JOB.flush, ownerId: `chat:${w.chatId}`, forumId, dueAt: w.at, payload: { chatId: String(w.chatId) } }, tx);
  }
}

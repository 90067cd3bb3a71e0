import { termsOf } from "../forum/terms.js";
import type { Threshold } from "./tally.js";
/**
 * Data access shared by the voting modules: loading votes, their villages and groups, and the
 * counts per village (from ballots in terbuka, from the anonymous counters in rahasia, from the
 * `poll` updates of a quick poll). Every read starts from a vote id and stays in its forum.
 */
import type { Deps } from "../../deps.js";
import type { JobTx } from "../../jobs/scheduler.js";
import type { Actor } from "../forum/service.js";
import { computeResult, type VillageCounts, type VoteResult } from "./tally.js";
import { liveCountsOf, publishable } from "./publish.js";
import type { LiveCounts, VoteInfo } from "./types.js";
import { audit as record, type AuditDetails } from "../privasi/audit.js";

export type VotingDeps = Pick<Deps, "prisma" | "clock" | "delivery" | "jobs">;
export type Tx = JobTx;
export type Db = VotingDeps["prisma"] | Tx;

export const RESIDENT_ROLES = ["warga", "perangkat_desa"] as const;
/**
 * Advisory lock class of votes: ballots hold it shared, closing exclusive. A row lock (FOR SHARE)
 * would do the same, but turns every concurrent ballot into a multixact on the vote's row.
 */
export const VOTE_LOCK = 7007;

/** Runs `fn` over items with at most `limit` at a time (Telegram calls outside the outbox). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Rights follow the current role, never the creator column alone: forum admins, and perangkat desa
 * of every village the vote is put to (what it took to open it). A creator who lost the role loses
 * the right with it.
 */
export function canManage(actor: Actor, vote: { forumId: number; villages: Array<{ villageId: number }> }) {
  if (actor.access.isAdmin(vote.forumId)) return true;
  return vote.villages.length > 0 && vote.villages.every((v) => actor.access.isOfficialOf(vote.forumId, v.villageId));
}

export async function audit(db: Db, at: Date, forumId: number, actorId: number | null, action: "vote.create" | "vote.close" | "vote.extend" | "vote.export", voteId: number, details: AuditDetails = {}) {
  // Never details of a choice: only who did what to which vote.
  await record(db, { forumId, actorId, action, target: `vote:${voteId}`, details, at });
}

/** Villages of a forum with their active groups. */
export async function villagesWithGroups(db: Db, forumId: number, ids?: number[]) {
  const rows = await db.village.findMany({
    // Only for new votes: a retired village is neither offered nor counted.
    where: { forumId, retiredAt: null, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, chatLinks: { where: { active: true }, select: { telegramChatId: true }, orderBy: { id: "asc" } } },
  });
  return rows.map((v) => ({ id: v.id, name: v.name, chats: v.chatLinks.map((c) => c.telegramChatId) }));
}

export type VoteRow = NonNullable<Awaited<ReturnType<typeof loadVote>>>;

export async function loadVote(db: Db, voteId: number) {
  return db.vote.findUnique({ where: { id: voteId }, include: { villages: { select: { villageId: true, memberCount: true } } } });
}

export async function infoOf(db: Db, vote: VoteRow): Promise<VoteInfo> {
  const [forum, villages] = await Promise.all([
    db.forum.findUniqueOrThrow({ where: { id: vote.forumId }, select: { timezone: true, villageTerm: true, councilTerm: true } }),
    db.village.findMany({ where: { forumId: vote.forumId, id: { in: vote.villages.map((v) => v.villageId) } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    id: vote.id,
    forumId: vote.forumId,
    kind: vote.kind,
    question: vote.question,
    options: vote.options,
    multiple: vote.multiple,
    ballot: vote.ballot,
    counting: vote.counting,
    eligibility: vote.eligibility,
    closesAt: vote.closesAt?.toISOString() ?? null,
    quorum: thresholdOf(vote),
    reminderMinutes: vote.reminderMinutes,
    state: vote.state,
    closedAt: vote.closedAt?.toISOString() ?? null,
    createdById: vote.createdById,
    timezone: forum.timezone,
    terms: termsOf(forum),
    villages,
  };
}

/** The stored quorum columns as a threshold (null when the vote has none). */
export function thresholdOf(v: { quorumNum: number | null; quorumDen: number | null; quorumAbove: boolean }): Threshold | null {
  return v.quorumNum && v.quorumDen ? { num: v.quorumNum, den: v.quorumDen, above: v.quorumAbove } : null;
}

export function isOpen(vote: { state: string; closesAt: Date | null }, now: Date) {
  return vote.state === "open" && (vote.closesAt === null || vote.closesAt.getTime() > now.getTime());
}

export async function countsByVillage(db: Db, vote: VoteRow): Promise<Map<number, { ballots: number; counts: number[] }>> {
  const n = vote.options.length;
  const map = new Map<number, { ballots: number; counts: number[] }>();
  for (const v of vote.villages) map.set(v.villageId, { ballots: 0, counts: Array.from({ length: n }, () => 0) });
  if (vote.kind === "quick") {
    const copies = await db.votePollCopy.findMany({ where: { voteId: vote.id }, select: { villageId: true, counts: true, voters: true } });
    for (const c of copies) {
      const m = map.get(c.villageId);
      if (!m) continue;
      m.ballots += c.voters;
      c.counts.forEach((x, i) => i < n && (m.counts[i]! += x));
    }
    return map;
  }
  const ballots = await db.$queryRaw<Array<{ village_id: number; n: number }>>`
    SELECT village_id, count(*)::int AS n FROM vote_participations WHERE vote_id = ${vote.id} GROUP BY village_id`;
  for (const b of ballots) {
    const m = map.get(b.village_id);
    if (m) m.ballots = b.n;
  }
  const counts =
    vote.ballot === "rahasia"
      ? await db.$queryRaw<Array<{ village_id: number; option: number; n: number }>>`
          SELECT village_id, option, count AS n FROM vote_tallies WHERE vote_id = ${vote.id}`
      : await db.$queryRaw<Array<{ village_id: number; option: number; n: number }>>`
          SELECT p.village_id, c AS option, count(*)::int AS n
          FROM vote_participations p, unnest(p.choices) AS c
          WHERE p.vote_id = ${vote.id} GROUP BY p.village_id, c`;
  for (const c of counts) {
    const m = map.get(c.village_id);
    if (m && c.option >= 0 && c.option < n) m.counts[c.option] = c.n;
  }
  return map;
}

/** Figures for the group cards and the organiser's view: what publishable allows, nothing more. */
export async function liveCounts(db: Db, vote: VoteRow): Promise<LiveCounts> {
  const by = await countsByVillage(db, vote);
  const villages = [...by].map(([villageId, c]) => ({ villageId, name: "", ballots: c.ballots, counts: c.counts, base: null }));
  const result = computeResult({ options: vote.options, counting: vote.counting, ballot: vote.ballot, quorum: null, villages });
  return liveCountsOf(publishable(result, { final: vote.state === "closed" }));
}

/** Registered eligible people per village (the turnout base of residents/officials votes). */
export async function registeredBase(db: Db, vote: VoteRow): Promise<Map<number, number>> {
  const roles = vote.eligibility === "perangkat_desa" ? ["perangkat_desa" as const] : [...RESIDENT_ROLES];
  const rows = await db.membership.findMany({
    where: { forumId: vote.forumId, villageId: { in: vote.villages.map((v) => v.villageId) }, role: { in: roles } },
    select: { villageId: true, personId: true },
  });
  const sets = new Map<number, Set<number>>();
  for (const r of rows) {
    let s = sets.get(r.villageId!);
    if (!s) sets.set(r.villageId!, (s = new Set()));
    s.add(r.personId);
  }
  return new Map([...sets].map(([k, s]) => [k, s.size]));
}

export async function resultOf(db: Db, vote: VoteRow, info: VoteInfo, memberCounts: Map<number, number | null> | null): Promise<VoteResult> {
  const by = await countsByVillage(db, vote);
  const registered = vote.kind === "formal" && vote.eligibility !== "anggota_grup" ? await registeredBase(db, vote) : null;
  const villages: VillageCounts[] = info.villages.map((v) => {
    const c = by.get(v.id) ?? { ballots: 0, counts: [] };
    const base = registered ? (registered.get(v.id) ?? 0) : (memberCounts?.get(v.id) ?? null);
    return { villageId: v.id, name: v.name, ballots: c.ballots, counts: c.counts, base };
  });
  return computeResult({ options: vote.options, counting: vote.counting, ballot: vote.ballot, quorum: thresholdOf(vote), villages });
}


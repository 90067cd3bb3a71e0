import { isThreshold } from "./tally.js";
/**
 * Votes as organisers and members see them: creating a vote or a quick poll, lists, details,
 * the per-village breakdown, closing by hand, extending, exports. Ballots are in ballots.ts,
 * due work (refresh, reminders, quick poll sending, closing) in jobs.ts.
 */
import type { Actor } from "../forum/service.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import type { VoteResult } from "./tally.js";
import { publishable, type PublishedResult } from "./publish.js";
import {
  BALLOTS,
  COUNTINGS,
  ELIGIBILITIES,
  JOB,
  OWNER,
  type QuickPollDraft,
  type TelegramPort,
  type VoteDraft,
  type VoteInfo,
  type VotingRenderer,
} from "./types.js";
import { validateClosesAt, validateOptions, validateQuestion, usableReminders } from "./input.js";
import { audit, canManage, infoOf, isOpen, liveCounts, loadVote, resultOf, villagesWithGroups, type Tx, type VotingDeps } from "./store.js";
import { requestRefresh } from "./ballots.js";

// ---------------------------------------------------------------- creating

/** Villages an organiser may put a vote to: an admin any village, an official their own. */
export async function organiserVillages(d: VotingDeps, actor: Actor, forumId: number) {
  const admin = actor.access.isAdmin(forumId);
  const own = actor.access.officialVillages(forumId);
  if (!admin && own.length === 0) throw new NotAllowed("vote_not_organiser");
  const villages = await villagesWithGroups(d.prisma, forumId, admin ? undefined : own);
  return { admin, villages: villages.map((v) => ({ id: v.id, name: v.name, groups: v.chats.length })) };
}

function requireOrganiserOf(actor: Actor, forumId: number, villageIds: number[]) {
  if (actor.access.isAdmin(forumId)) return;
  const own = new Set(actor.access.officialVillages(forumId));
  if (own.size === 0) throw new NotAllowed("vote_not_organiser");
  if (villageIds.some((id) => !own.has(id))) throw new NotAllowed("not_official_of_village");
}

async function participatingVillages(d: VotingDeps, forumId: number, villageIds: number[]) {
  const ids = [...new Set(villageIds)];
  if (ids.length === 0) throw new InvalidInput("vote_no_villages");
  const villages = await villagesWithGroups(d.prisma, forumId, ids);
  if (villages.length !== ids.length) throw new NotFound("village_not_found");
  const without = villages.find((v) => v.chats.length === 0);
  if (without) throw new InvalidInput("vote_village_no_group", { village: without.name });
  return villages;
}

export async function createVote(d: VotingDeps, actor: Actor, draft: VoteDraft, render: VotingRenderer) {
  requireOrganiserOf(actor, draft.forumId, draft.villageIds);
  const now = d.clock.now();
  const question = validateQuestion(draft.question);
  const options = draft.options.map((o) => o.replace(/\s+/g, " ").trim());
  validateOptions(options);
  if (!BALLOTS.includes(draft.ballot) || !COUNTINGS.includes(draft.counting) || !ELIGIBILITIES.includes(draft.eligibility)) {
    throw new InvalidInput("vote_bad_setting");
  }
  if (draft.closesAt) validateClosesAt(draft.closesAt, now);
  if (draft.quorum !== null && !isThreshold(draft.quorum)) throw new InvalidInput("vote_quorum_bad");
  const reminders = usableReminders(draft.reminderMinutes, draft.closesAt, now);
  const villages = await participatingVillages(d, draft.forumId, draft.villageIds);

  const result = await d.prisma.$transaction(async (tx) => {
    const vote = await tx.vote.create({
      data: {
        forumId: draft.forumId,
        kind: "formal",
        createdById: actor.personId,
        question,
        options,
        multiple: draft.multiple,
        ballot: draft.ballot,
        counting: draft.counting,
        eligibility: draft.eligibility,
        closesAt: draft.closesAt,
        quorumNum: draft.quorum?.num ?? null,
        quorumDen: draft.quorum?.den ?? null,
        quorumAbove: draft.quorum?.above ?? false,
        reminderMinutes: reminders,
        villages: { create: villages.map((v) => ({ forumId: draft.forumId, villageId: v.id })) },
      },
      include: { villages: { select: { villageId: true, memberCount: true } } },
    });
    if (draft.ballot === "rahasia") {
      // Counters exist from the start, so a ballot only ever updates (never inserts) them.
      await tx.voteTally.createMany({
        data: villages.flatMap((v) => options.map((_, option) => ({ voteId: vote.id, forumId: draft.forumId, villageId: v.id, option }))),
      });
    }
    await scheduleDeadline(d, tx, vote.id, draft.forumId, draft.closesAt, reminders);
    const info = await infoOf(tx, vote);
    const card = render.card(info, { ballots: 0, totals: draft.ballot === "terbuka" ? options.map(() => 0) : null });
    const items = villages.flatMap((v) =>
      v.chats.map((chatId) => ({
        chatId,
        recipientKey: `village:${v.id}`,
        payload: { op: "send" as const, method: "sendMessage", params: { text: card.text, parse_mode: "HTML", reply_markup: card.reply_markup } },
      })),
    );
    await d.delivery.enqueue({ forumId: draft.forumId, ownerKind: OWNER.card, ownerId: vote.id, items }, tx);
    await audit(tx, now, draft.forumId, actor.personId, "vote.create", vote.id);
    return { vote: info, groups: items.length };
  });
  d.delivery.kick();
  return result;
}

async function scheduleDeadline(d: VotingDeps, tx: Tx, voteId: number, forumId: number, closesAt: Date | null, reminders: number[]) {
  if (!closesAt) return;
  await d.jobs.schedule({ kind: JOB.close, ownerId: voteId, forumId, dueAt: closesAt }, tx);
  for (const minutes of reminders) {
    await d.jobs.schedule({ kind: JOB.remind, ownerId: voteId, forumId, dueAt: new Date(closesAt.getTime() - minutes * 60_000), payload: { minutes } }, tx);
  }
}

export async function createQuickPoll(d: VotingDeps, actor: Actor, draft: QuickPollDraft) {
  requireOrganiserOf(actor, draft.forumId, draft.villageIds);
  const now = d.clock.now();
  const question = validateQuestion(draft.question);
  const options = draft.options.map((o) => o.replace(/\s+/g, " ").trim());
  validateOptions(options);
  validateClosesAt(draft.closesAt, now);
  const villages = await participatingVillages(d, draft.forumId, draft.villageIds);
  return d.prisma.$transaction(async (tx) => {
    const vote = await tx.vote.create({
      data: {
        forumId: draft.forumId,
        kind: "quick",
        createdById: actor.personId,
        question,
        options,
        multiple: draft.multiple,
        closesAt: draft.closesAt,
        reminderMinutes: [],
        villages: { create: villages.map((v) => ({ forumId: draft.forumId, villageId: v.id })) },
        pollCopies: {
          create: villages.flatMap((v) => v.chats.map((chatId) => ({ forumId: draft.forumId, villageId: v.id, chatId, counts: options.map(() => 0) }))),
        },
      },
      include: { villages: { select: { villageId: true, memberCount: true } } },
    });
    // Polls are sent by a job (see sendQuickPolls for why not through the outbox).
    await d.jobs.schedule({ kind: JOB.sendPolls, ownerId: vote.id, forumId: draft.forumId, dueAt: now }, tx);
    await d.jobs.schedule({ kind: JOB.close, ownerId: vote.id, forumId: draft.forumId, dueAt: draft.closesAt }, tx);
    await audit(tx, now, draft.forumId, actor.personId, "vote.create", vote.id);
    return { vote: await infoOf(tx, vote), groups: villages.reduce((n, v) => n + v.chats.length, 0) };
  });
}

export async function getVote(d: VotingDeps, voteId: number) {
  const vote = await loadVote(d.prisma, voteId);
  if (!vote) throw new NotFound("vote_not_found");
  return { row: vote, info: await infoOf(d.prisma, vote) };
}

/**
 * Per-village figures anyone in the vote's groups may ask for: in terbuka the live counts, in
 * rahasia only ballots per village until closing; after closing the stored results — always as
 * publishable() allows.
 */
export async function breakdown(
  d: VotingDeps,
  port: Pick<TelegramPort, "isMember">,
  viewer: { personId: number; telegramUserId: bigint; access: Actor["access"] },
  voteId: number,
) {
    const { row, info } = await getVote(d, voteId);
    let allowed = viewer.access.inForum(row.forumId);
    const chats = await d.prisma.chatLink.findMany({
      where: { forumId: row.forumId, villageId: { in: row.villages.map((v) => v.villageId) }, active: true },
      select: { telegramChatId: true },
      take: 50,
    });
    // Pressing in a participating group proves nothing (a public group's visitors, a forwarded
    // card): group members are asked of Telegram below.
    if (!allowed) {
      allowed = (await d.prisma.voteParticipation.count({ where: { voteId, personId: viewer.personId } })) > 0;
    }
    if (!allowed) {
      for (const c of chats.slice(0, 10)) {
        if (await port.isMember(c.telegramChatId, viewer.telegramUserId)) {
          allowed = true;
          break;
        }
      }
    }
    if (!allowed) throw new NotAllowed("vote_not_member");
    if (row.state === "closed" && row.result) return { info, result: publishable(row.result as unknown as VoteResult, { final: true }), live: false };
    const result = await resultOf(d.prisma, row, info, null);
    return { info, result: publishable(result, { final: row.state === "closed" }), live: true };
}

export interface VoteListItem {
  id: number;
  kind: "formal" | "quick";
  question: string;
  state: "open" | "closed";
  closesAt: string | null;
  closedAt: string | null;
  ballots: number;
}

const RECENT_MS = 30 * 24 * 3600_000;

/**
 * Open and recent votes: of one village (a group's /voting), or those a person can see in a
 * private chat (admins: all of the forum; others: their villages' and their own).
 */
export async function listVotes(
  d: VotingDeps,
  scope: { forumId: number; villageId?: number; actor?: Actor },
  page = 0,
  pageSize = 8,
): Promise<{ items: VoteListItem[]; total: number }> {
  const since = new Date(d.clock.now().getTime() - RECENT_MS);
  const recent = { OR: [{ state: "open" as const }, { closedAt: { gte: since } }] };
  let visible: object = {};
  if (scope.villageId !== undefined) visible = { villages: { some: { villageId: scope.villageId } } };
  else if (scope.actor && !scope.actor.access.isAdmin(scope.forumId)) {
    const mine = scope.actor.access.memberships.filter((m) => m.forumId === scope.forumId && m.villageId).map((m) => m.villageId!);
    visible = { OR: [{ createdById: scope.actor.personId }, { villages: { some: { villageId: { in: mine } } } }] };
  }
  const where = { forumId: scope.forumId, AND: [recent, visible] };
  const [total, rows] = await Promise.all([
    d.prisma.vote.count({ where }),
    d.prisma.vote.findMany({
      where,
      orderBy: [{ state: "desc" }, { id: "desc" }],
      skip: page * pageSize,
      take: pageSize,
      select: { id: true, kind: true, question: true, state: true, closesAt: true, closedAt: true },
    }),
  ]);
  const ids = rows.map((r) => r.id);
  const [parts, polls] = await Promise.all([
    d.prisma.voteParticipation.groupBy({ by: ["voteId"], where: { voteId: { in: ids } }, _count: { _all: true } }),
    d.prisma.votePollCopy.groupBy({ by: ["voteId"], where: { voteId: { in: ids } }, _sum: { voters: true } }),
  ]);
  const count = new Map<number, number>([
    ...parts.map((p) => [p.voteId, p._count._all] as [number, number]),
    ...polls.map((p) => [p.voteId, p._sum.voters ?? 0] as [number, number]),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      question: r.question,
      state: r.state,
      closesAt: r.closesAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      ballots: count.get(r.id) ?? 0,
    })),
  };
}

/** A vote as the organiser's detail view shows it. */
export async function voteDetail(d: VotingDeps, actor: Actor, voteId: number) {
  const { row, info } = await getVote(d, voteId);
  if (!actor.access.inForum(row.forumId)) throw new NotFound("vote_not_found");
  const live = await liveCounts(d.prisma, row);
  return { info, live, manage: canManage(actor, row) };
}

// ---------------------------------------------------------------- organiser actions

async function voteToManage(d: VotingDeps, actor: Actor, voteId: number) {
  const vote = await loadVote(d.prisma, voteId);
  // Another forum's vote is simply not found.
  if (!vote || !actor.access.inForum(vote.forumId)) throw new NotFound("vote_not_found");
  if (!canManage(actor, vote)) throw new NotAllowed("vote_not_organiser_of");
  return vote;
}

/** Closing by hand: the close job is moved to now, so closing has one path and runs once. */
export async function requestClose(d: VotingDeps, actor: Actor, voteId: number) {
  const vote = await voteToManage(d, actor, voteId);
  if (vote.state !== "open") throw new Conflict("vote_closed");
  await d.prisma.$transaction(async (tx) => {
    await d.jobs.cancel(JOB.close, vote.id, tx);
    await d.jobs.schedule({ kind: JOB.close, ownerId: vote.id, forumId: vote.forumId, dueAt: d.clock.now(), payload: { byId: actor.personId } }, tx);
    // Audited by the closing job itself ("vote.close" with this person as actor), once.
  });
  return infoOf(d.prisma, vote);
}

export async function extendVote(d: VotingDeps, actor: Actor, voteId: number, closesAt: Date) {
  const vote = await voteToManage(d, actor, voteId);
  const now = d.clock.now();
  if (!isOpen(vote, now)) throw new Conflict("vote_closed");
  validateClosesAt(closesAt, now);
  if (vote.closesAt && closesAt.getTime() <= vote.closesAt.getTime()) throw new InvalidInput("vote_extend_earlier");
  const reminders = usableReminders(vote.reminderMinutes, closesAt, now);
  await d.prisma.$transaction(async (tx) => {
    await tx.vote.update({ where: { id: vote.id }, data: { closesAt } });
    await d.jobs.cancel([JOB.close, JOB.remind], vote.id, tx);
    await scheduleDeadline(d, tx, vote.id, vote.forumId, closesAt, reminders);
    await audit(tx, now, vote.forumId, actor.personId, "vote.extend", vote.id);
  });
  // Every card shows the new closing time.
  if (vote.kind === "formal") await requestRefresh(d, vote.id, vote.forumId, 0);
  return infoOf(d.prisma, (await loadVote(d.prisma, vote.id))!);
}

export interface ExportData {
  info: VoteInfo;
  /** Only published figures: the organiser's files hold no more than the groups were shown. */
  result: PublishedResult;
  final: boolean;
  /** Terbuka only; never for a rahasia vote. */
  ballots: Array<{ name: string; username: string | null; village: string; choices: number[]; votedAt: string | null }> | null;
}

export async function exportData(d: VotingDeps, actor: Actor, voteId: number): Promise<ExportData> {
  const vote = await voteToManage(d, actor, voteId);
  const info = await infoOf(d.prisma, vote);
  const secret = vote.kind === "formal" && vote.ballot === "rahasia";
  if (secret && vote.state !== "closed") throw new Conflict("vote_export_secret_open");
  const raw = vote.state === "closed" && vote.result ? (vote.result as unknown as VoteResult) : await resultOf(d.prisma, vote, info, null);
  const result = publishable(raw, { final: vote.state === "closed" });
  let ballots: ExportData["ballots"] = null;
  if (vote.kind === "formal" && vote.ballot === "terbuka") {
    const rows = await d.prisma.voteParticipation.findMany({ where: { voteId: vote.id }, orderBy: { id: "asc" } });
    const people = await d.prisma.person.findMany({ where: { id: { in: rows.map((r) => r.personId) } }, select: { id: true, firstName: true, username: true } });
    const byId = new Map(people.map((p) => [p.id, p]));
    const names = new Map(info.villages.map((v) => [v.id, v.name]));
    ballots = rows.map((r) => ({
      name: byId.get(r.personId)?.firstName ?? "—",
      username: byId.get(r.personId)?.username ?? null,
      village: names.get(r.villageId) ?? "",
      choices: [...r.choices].sort((a, b) => a - b),
      votedAt: r.votedAt?.toISOString() ?? null,
    }));
  }
  await audit(d.prisma, d.clock.now(), vote.forumId, actor.personId, "vote.export", vote.id);
  return { info, result, final: vote.state === "closed", ballots };
}

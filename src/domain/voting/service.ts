/**
 * Voting across villages: one vote shown in many village groups, one ballot per person.
 *
 * - One ballot per person per vote: the unique (vote_id, person_id) of vote_participations; a
 *   conflicting insert is how a second press (any group, any copy, any instance) is recognised.
 * - Rahasia: the participation row records only that a person voted; the choice goes into
 *   anonymous counters (vote_tallies) with no id, no time and no order. Every counter of the
 *   voter's village is rewritten by the same statement, so not even the row versions written by
 *   the ballot's transaction single out the option that was chosen.
 * - A ballot holds a shared advisory lock on its vote and closing an exclusive one, so no ballot
 *   slips in between the results snapshot and the "closed" state.
 * - Closing happens only in the 'vote.close' job (at the due time, or "now" when closed by hand):
 *   a conditional update open → closed makes it exactly once.
 */
import type { Deps } from "../../deps.js";
import type { JobTx } from "../../jobs/scheduler.js";
import type { Actor } from "../forum/service.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { Prisma } from "../../generated/prisma/client.js";
import { computeResult, type VillageCounts, type VoteResult } from "./tally.js";
import {
  JOB,
  LIMITS,
  OWNER,
  REFRESH_DELAY_MS,
  REFRESH_LEASE_MS,
  BALLOTS,
  COUNTINGS,
  ELIGIBILITIES,
  type Ballot,
  type Eligibility,
  type LiveCounts,
  type QuickPollDraft,
  type SendSpec,
  type TelegramPort,
  type VoteDraft,
  type VoteInfo,
  type VotingRenderer,
  ChatUnreachable,
} from "./types.js";

export type VotingDeps = Pick<Deps, "prisma" | "clock" | "delivery" | "jobs">;
type Tx = JobTx;
type Db = VotingDeps["prisma"] | Tx;

const RESIDENT_ROLES = ["warga", "perangkat_desa"] as const;
/**
 * Advisory lock class of votes: ballots hold it shared, closing exclusive. A row lock (FOR SHARE)
 * would do the same, but turns every concurrent ballot into a multixact on the vote's row.
 */
const VOTE_LOCK = 7007;
/** A ballot waits longer than Prisma's default 2 s for a connection when many press at once. */
const BALLOT_TX = { maxWait: 10_000, timeout: 15_000 };

// ---------------------------------------------------------------- small helpers

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

/** Options typed one per line; numbering and bullets ("1.", "a)", "-") are dropped. */
export function parseOptions(text: string): string[] {
  const options = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(\d{1,2}[.)]|[a-jA-J][.)]|[-•*])\s+/, "").replace(/\s+/g, " ").trim())
    .filter((l) => l.length > 0);
  validateOptions(options);
  return options;
}

function validateOptions(options: string[]) {
  if (options.length < LIMITS.optionsMin) throw new InvalidInput("vote_options_few", { min: LIMITS.optionsMin });
  if (options.length > LIMITS.optionsMax) throw new InvalidInput("vote_options_many", { max: LIMITS.optionsMax });
  const seen = new Set<string>();
  for (const o of options) {
    if (o.length > LIMITS.optionMax) throw new InvalidInput("vote_option_long", { max: LIMITS.optionMax });
    const k = o.toLowerCase();
    if (seen.has(k)) throw new InvalidInput("vote_option_duplicate", { option: o });
    seen.add(k);
  }
}

function validateQuestion(q: string): string {
  const question = q.replace(/\s+/g, " ").trim();
  if (question.length < LIMITS.questionMin) throw new InvalidInput("vote_question_short", { min: LIMITS.questionMin });
  if (question.length > LIMITS.questionMax) throw new InvalidInput("vote_question_long", { max: LIMITS.questionMax });
  return question;
}

export function validateClosesAt(closesAt: Date, now: Date) {
  const ms = closesAt.getTime() - now.getTime();
  if (ms < LIMITS.minDurationMs) throw new InvalidInput("vote_closes_too_soon");
  if (ms > LIMITS.maxDurationMs) throw new InvalidInput("vote_closes_too_late");
}

/** Reminder offsets that still lie in the future for a vote closing at `closesAt`. */
export function usableReminders(minutes: number[], closesAt: Date | null, now: Date): number[] {
  if (!closesAt) return [];
  return [...new Set(minutes)]
    .filter((m) => Number.isInteger(m) && m >= LIMITS.reminderMinMinutes && closesAt.getTime() - m * 60_000 > now.getTime())
    .sort((a, b) => b - a);
}

export function canManage(actor: Actor, vote: { forumId: number; createdById: number }) {
  return vote.createdById === actor.personId || actor.access.isAdmin(vote.forumId);
}

async function audit(db: Db, forumId: number, actorId: number | null, action: string, voteId: number) {
  // Never details of a choice: only who did what to which vote.
  await db.auditLog.create({ data: { forumId, actorId, action, target: `vote:${voteId}`, details: {} } });
}

/** Villages of a forum with their active groups. */
async function villagesWithGroups(db: Db, forumId: number, ids?: number[]) {
  const rows = await db.village.findMany({
    where: { forumId, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, chatLinks: { where: { active: true }, select: { telegramChatId: true }, orderBy: { id: "asc" } } },
  });
  return rows.map((v) => ({ id: v.id, name: v.name, chats: v.chatLinks.map((c) => c.telegramChatId) }));
}

type VoteRow = NonNullable<Awaited<ReturnType<typeof loadVote>>>;

async function loadVote(db: Db, voteId: number) {
  return db.vote.findUnique({ where: { id: voteId }, include: { villages: { select: { villageId: true, memberCount: true } } } });
}

async function infoOf(db: Db, vote: VoteRow): Promise<VoteInfo> {
  const [forum, villages] = await Promise.all([
    db.forum.findUniqueOrThrow({ where: { id: vote.forumId }, select: { timezone: true } }),
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
    quorumPercent: vote.quorumPercent,
    reminderMinutes: vote.reminderMinutes,
    state: vote.state,
    closedAt: vote.closedAt?.toISOString() ?? null,
    createdById: vote.createdById,
    timezone: forum.timezone,
    villages,
  };
}

function isOpen(vote: { state: string; closesAt: Date | null }, now: Date) {
  return vote.state === "open" && (vote.closesAt === null || vote.closesAt.getTime() > now.getTime());
}

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
  if (draft.quorumPercent !== null && !(Number.isInteger(draft.quorumPercent) && draft.quorumPercent >= 1 && draft.quorumPercent <= 100)) {
    throw new InvalidInput("vote_quorum_bad");
  }
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
        quorumPercent: draft.quorumPercent,
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
    await audit(tx, draft.forumId, actor.personId, "vote.create", vote.id);
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
    await audit(tx, draft.forumId, actor.personId, "vote.quick.create", vote.id);
    return { vote: await infoOf(tx, vote), groups: villages.reduce((n, v) => n + v.chats.length, 0) };
  });
}

// ---------------------------------------------------------------- voting

export type BallotSource = { chatId: bigint } | { villageId: number };

export interface CastInput {
  voteId: number;
  personId: number;
  telegramUserId: bigint;
  from: BallotSource;
  /** set: a whole ballot (private ballot); press: one option button on a terbuka group card. */
  choice: { set: number[] } | { press: number };
}

export interface CastResult {
  status: "cast" | "changed" | "unchanged" | "withdrawn";
  /** The person's choices now (terbuka only; always empty in a rahasia vote). */
  choices: number[];
  villageId: number;
  ballot: Ballot;
  /** The vote's options and whether several may be chosen, for the answer to the press. */
  options: string[];
  multiple: boolean;
}

type PressVote = NonNullable<Awaited<ReturnType<typeof loadPressVote>>>;

/** A vote without its village list: a press only needs to know one village takes part. */
async function loadPressVote(db: Db, voteId: number) {
  return db.vote.findUnique({ where: { id: voteId } });
}

async function takesPart(db: Db, voteId: number, villageId: number) {
  return (await db.voteVillage.findUnique({ where: { voteId_villageId: { voteId, villageId } }, select: { id: true } })) !== null;
}

/** Loads a formal vote for a press and checks it belongs where the press came from. */
async function voteForPress(d: VotingDeps, voteId: number, from: BallotSource) {
  const [vote, link] = await Promise.all([
    loadPressVote(d.prisma, voteId),
    "chatId" in from ? d.prisma.chatLink.findUnique({ where: { telegramChatId: from.chatId } }) : null,
  ]);
  if (!vote || vote.kind !== "formal") throw new NotFound("vote_not_found");
  let pressVillage: number;
  let chats: bigint[];
  if ("chatId" in from) {
    // A card forwarded elsewhere, or forged data: not a participating group of this vote.
    if (!link?.active || link.forumId !== vote.forumId || link.villageId === null || !(await takesPart(d.prisma, vote.id, link.villageId))) {
      throw new NotFound("vote_not_here");
    }
    pressVillage = link.villageId;
    chats = [from.chatId];
  } else {
    if (!(await takesPart(d.prisma, vote.id, from.villageId))) throw new NotFound("vote_not_here");
    pressVillage = from.villageId;
    const links = await d.prisma.chatLink.findMany({ where: { forumId: vote.forumId, villageId: from.villageId, active: true }, select: { telegramChatId: true } });
    chats = links.map((l) => l.telegramChatId);
  }
  return { vote, pressVillage, chats };
}

/** The village a new ballot counts for, or why this person may not vote. */
async function eligibleVillage(
  d: VotingDeps,
  port: Pick<TelegramPort, "isMember">,
  vote: PressVote,
  personId: number,
  telegramUserId: bigint,
  pressVillage: number,
  chats: bigint[],
): Promise<number> {
  const eligibility = vote.eligibility as Eligibility;
  if (eligibility === "anggota_grup") {
    // Telegram shows a public group's buttons to visitors too: membership is asked, not assumed.
    for (const chatId of chats) if (await port.isMember(chatId, telegramUserId)) return pressVillage;
    throw new NotAllowed("vote_not_member");
  }
  const roles = eligibility === "perangkat_desa" ? ["perangkat_desa" as const] : [...RESIDENT_ROLES];
  const mine = await d.prisma.membership.findMany({
    where: { personId, forumId: vote.forumId, role: { in: roles }, villageId: { not: null } },
    select: { villageId: true },
    orderBy: { id: "asc" },
  });
  const taking = new Set(
    (await d.prisma.voteVillage.findMany({ where: { voteId: vote.id, villageId: { in: mine.map((m) => m.villageId!) } }, select: { villageId: true } })).map(
      (v) => v.villageId,
    ),
  );
  const ms = mine.filter((m) => taking.has(m.villageId!));
  if (ms.length === 0) throw new NotAllowed(eligibility === "perangkat_desa" ? "vote_not_official" : "vote_not_resident");
  return ms.some((m) => m.villageId === pressVillage) ? pressVillage : ms[0]!.villageId!;
}

/** A whole ballot (sorted option indexes), or one option to toggle (terbuka, several answers). */
function checkChoice(vote: PressVote, choice: CastInput["choice"]): number[] | number {
  const n = vote.options.length;
  const valid = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
  if ("press" in choice) {
    // A rahasia ballot is only cast from the private ballot, after the person confirms it.
    if (vote.ballot !== "terbuka" || !valid(choice.press)) throw new InvalidInput("vote_bad_choice");
    return vote.multiple ? choice.press : [choice.press];
  }
  const set = [...new Set(choice.set)].sort((a, b) => a - b);
  if (set.length === 0 || !set.every(valid) || (!vote.multiple && set.length !== 1)) throw new InvalidInput("vote_bad_choice");
  return set;
}

export async function castBallot(d: VotingDeps, port: Pick<TelegramPort, "isMember">, input: CastInput): Promise<CastResult> {
  const [{ vote, pressVillage, chats }, existing] = await Promise.all([
    voteForPress(d, input.voteId, input.from),
    d.prisma.voteParticipation.findUnique({
      where: { voteId_personId: { voteId: input.voteId, personId: input.personId } },
      select: { villageId: true, choices: true },
    }),
  ]);
  const now = d.clock.now();
  if (!isOpen(vote, now)) throw new Conflict("vote_closed");
  const choice = checkChoice(vote, input.choice);
  if (existing && vote.ballot === "rahasia") throw new Conflict("vote_already_voted");
  // A ballot keeps the village it was first cast for, whichever group a change comes from.
  const villageId = existing?.villageId ?? (await eligibleVillage(d, port, vote, input.personId, input.telegramUserId, pressVillage, chats));
  if (existing && Array.isArray(choice) && sameSet(existing.choices, choice)) {
    return { status: "unchanged", choices: existing.choices, villageId, ballot: vote.ballot, options: vote.options, multiple: vote.multiple };
  }

  const result = await d.prisma.$transaction(async (tx) => {
    // Shared with other ballots, exclusive with closing (see closeVote). Each write below checks,
    // in the same statement, that the vote is still open; no row back means it is not (or, in a
    // rahasia vote, that this person's other press won).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${VOTE_LOCK}::int, ${vote.id}::int)`;
    const open = Prisma.sql`EXISTS (SELECT 1 FROM votes WHERE id = ${vote.id} AND state = 'open' AND (closes_at IS NULL OR closes_at > ${now}))`;

    if (vote.ballot === "rahasia") {
      const inserted = await tx.$queryRaw<Array<{ id: number }>>`
        INSERT INTO vote_participations (vote_id, forum_id, person_id, village_id, choices, voted_at)
        SELECT ${vote.id}, ${vote.forumId}, ${input.personId}, ${villageId}, '{}'::int[], NULL WHERE ${open}
        ON CONFLICT (vote_id, person_id) DO NOTHING
        RETURNING id`;
      if (inserted.length === 0) throw (await stillOpen(tx, vote.id, now)) ? new Conflict("vote_already_voted") : new Conflict("vote_closed");
      await tx.$executeRaw`
        UPDATE vote_tallies SET count = count + CASE WHEN option = ANY(${choice as number[]}::int[]) THEN 1 ELSE 0 END
        WHERE vote_id = ${vote.id} AND village_id = ${villageId}`;
      return { status: "cast" as const, choices: [] as number[] };
    }

    if (Array.isArray(choice)) {
      const [r] = await tx.$queryRaw<Array<{ inserted: boolean }>>`
        INSERT INTO vote_participations (vote_id, forum_id, person_id, village_id, choices, voted_at)
        SELECT ${vote.id}, ${vote.forumId}, ${input.personId}, ${villageId}, ${choice}::int[], ${now} WHERE ${open}
        ON CONFLICT (vote_id, person_id) DO UPDATE SET choices = EXCLUDED.choices, voted_at = EXCLUDED.voted_at
        RETURNING (xmax = 0) AS inserted`;
      if (!r) throw new Conflict("vote_closed");
      return { status: r!.inserted ? ("cast" as const) : ("changed" as const), choices: choice };
    }
    // One statement toggles the answer, so two quick presses of one person cannot lose an update.
    const [r] = await tx.$queryRaw<Array<{ inserted: boolean; choices: number[] }>>`
      INSERT INTO vote_participations (vote_id, forum_id, person_id, village_id, choices, voted_at)
      SELECT ${vote.id}, ${vote.forumId}, ${input.personId}, ${villageId}, ARRAY[${choice}::int], ${now} WHERE ${open}
      ON CONFLICT (vote_id, person_id) DO UPDATE SET
        choices = CASE WHEN ${choice}::int = ANY(vote_participations.choices)
                       THEN array_remove(vote_participations.choices, ${choice}::int)
                       ELSE array_append(vote_participations.choices, ${choice}::int) END,
        voted_at = EXCLUDED.voted_at
      RETURNING (xmax = 0) AS inserted, choices`;
    if (!r) throw new Conflict("vote_closed");
    if (r.choices.length === 0) {
      await tx.$executeRaw`DELETE FROM vote_participations WHERE vote_id = ${vote.id} AND person_id = ${input.personId} AND cardinality(choices) = 0`;
      return { status: "withdrawn" as const, choices: [] as number[] };
    }
    return { status: r.inserted ? ("cast" as const) : ("changed" as const), choices: [...r.choices].sort((a, b) => a - b) };
  }, BALLOT_TX);
  await requestRefresh(d, vote.id, vote.forumId);
  return { ...result, villageId, ballot: vote.ballot, options: vote.options, multiple: vote.multiple };
}

async function stillOpen(db: Db, voteId: number, now: Date) {
  const vote = await db.vote.findUnique({ where: { id: voteId }, select: { state: true, closesAt: true } });
  return !!vote && isOpen(vote, now);
}

function sameSet(a: number[], b: number[]) {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/**
 * Asks for one coalesced edit of every group card: the first ballot of a window stamps the vote
 * and schedules the job; the others find the stamp and do nothing (one statement, no lock wait).
 * A stamp older than REFRESH_LEASE_MS counts as lost (a crash between the stamp and the job).
 * Runs after the ballot's commit, so a refresh that already read the counts is followed by another.
 */
export async function requestRefresh(d: VotingDeps, voteId: number, forumId: number, delayMs = REFRESH_DELAY_MS) {
  const now = d.clock.now();
  const lost = new Date(now.getTime() - REFRESH_LEASE_MS);
  const stamped = await d.prisma.$queryRaw<Array<{ id: number }>>`
    UPDATE votes SET refresh_requested_at = ${now}
    WHERE id = ${voteId} AND state = 'open' AND (refresh_requested_at IS NULL OR refresh_requested_at < ${lost})
    RETURNING id`;
  if (stamped.length > 0) await d.jobs.schedule({ kind: JOB.refresh, ownerId: voteId, forumId, dueAt: new Date(now.getTime() + delayMs) });
}

export interface BallotView {
  vote: VoteInfo;
  villageId: number;
  villageName: string;
  /** Terbuka: the person's current choices (empty if none yet). */
  current: number[];
}

/** For a private ballot: checks the vote is open here and that this person may still vote. */
export async function ballotFor(
  d: VotingDeps,
  port: Pick<TelegramPort, "isMember">,
  input: { voteId: number; personId: number; telegramUserId: bigint; from: BallotSource },
): Promise<BallotView> {
  const { vote, pressVillage, chats } = await voteForPress(d, input.voteId, input.from);
  if (!isOpen(vote, d.clock.now())) throw new Conflict("vote_closed");
  const existing = await d.prisma.voteParticipation.findUnique({
    where: { voteId_personId: { voteId: vote.id, personId: input.personId } },
    select: { villageId: true, choices: true },
  });
  if (existing && vote.ballot === "rahasia") throw new Conflict("vote_already_voted");
  const villageId = existing?.villageId ?? (await eligibleVillage(d, port, vote, input.personId, input.telegramUserId, pressVillage, chats));
  const info = await infoOf(d.prisma, (await loadVote(d.prisma, vote.id))!);
  return { vote: info, villageId, villageName: info.villages.find((v) => v.id === villageId)?.name ?? "", current: existing?.choices ?? [] };
}

// ---------------------------------------------------------------- reading

async function countsByVillage(db: Db, vote: VoteRow): Promise<Map<number, { ballots: number; counts: number[] }>> {
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

/** Live figures for the group cards: ballots always, option totals only in terbuka. */
export async function liveCounts(db: Db, vote: VoteRow): Promise<LiveCounts> {
  const by = await countsByVillage(db, vote);
  let ballots = 0;
  const totals = vote.options.map(() => 0);
  for (const v of by.values()) {
    ballots += v.ballots;
    v.counts.forEach((c, i) => (totals[i]! += c));
  }
  return { ballots, totals: vote.ballot === "terbuka" || vote.kind === "quick" ? totals : null };
}

/** Registered eligible people per village (the turnout base of residents/officials votes). */
async function registeredBase(db: Db, vote: VoteRow): Promise<Map<number, number>> {
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

async function resultOf(db: Db, vote: VoteRow, info: VoteInfo, memberCounts: Map<number, number | null> | null): Promise<VoteResult> {
  const by = await countsByVillage(db, vote);
  const registered = vote.kind === "formal" && vote.eligibility !== "anggota_grup" ? await registeredBase(db, vote) : null;
  const villages: VillageCounts[] = info.villages.map((v) => {
    const c = by.get(v.id) ?? { ballots: 0, counts: [] };
    const base = registered ? (registered.get(v.id) ?? 0) : (memberCounts?.get(v.id) ?? null);
    return { villageId: v.id, name: v.name, ballots: c.ballots, counts: c.counts, base };
  });
  return computeResult({ options: vote.options, counting: vote.counting, ballot: vote.ballot, quorumPercent: vote.quorumPercent, villages });
}

/** The vote for someone looking at it: scoped to forums the viewer may see. */
export async function getVote(d: VotingDeps, voteId: number) {
  const vote = await loadVote(d.prisma, voteId);
  if (!vote) throw new NotFound("vote_not_found");
  return { row: vote, info: await infoOf(d.prisma, vote) };
}

/**
 * Per-village figures anyone in the vote's groups may ask for: in terbuka the live counts, in
 * rahasia only ballots per village until closing; after closing the stored results.
 */
export async function breakdown(
  d: VotingDeps,
  port: Pick<TelegramPort, "isMember">,
  viewer: { personId: number; telegramUserId: bigint; access: Actor["access"]; fromChatId?: bigint },
  voteId: number,
) {
    const { row, info } = await getVote(d, voteId);
    let allowed = viewer.access.inForum(row.forumId);
    const chats = await d.prisma.chatLink.findMany({
      where: { forumId: row.forumId, villageId: { in: row.villages.map((v) => v.villageId) }, active: true },
      select: { telegramChatId: true },
      take: 50,
    });
    if (!allowed && viewer.fromChatId !== undefined) allowed = chats.some((c) => c.telegramChatId === viewer.fromChatId);
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
    if (row.state === "closed" && row.result) return { info, result: row.result as unknown as VoteResult, live: false };
    const result = await resultOf(d.prisma, row, info, null);
    if (row.ballot === "rahasia" && row.kind === "formal") {
      // Until closing, a rahasia vote shows how many voted per village, not what they chose.
      for (const v of result.villages) {
        v.counts = v.counts.map(() => 0);
        v.top = [];
        v.hidden = true;
      }
      result.totals = result.totals.map(() => 0);
    }
    return { info, result, live: true };
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
    await audit(tx, vote.forumId, actor.personId, "vote.close", vote.id);
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
    await audit(tx, vote.forumId, actor.personId, "vote.extend", vote.id);
  });
  // Every card shows the new closing time.
  if (vote.kind === "formal") await requestRefresh(d, vote.id, vote.forumId, 0);
  return infoOf(d.prisma, (await loadVote(d.prisma, vote.id))!);
}

export interface ExportData {
  info: VoteInfo;
  result: VoteResult;
  final: boolean;
  /** Terbuka only; never for a rahasia vote. */
  ballots: Array<{ name: string; username: string | null; village: string; choices: number[]; votedAt: string | null }> | null;
}

export async function exportData(d: VotingDeps, actor: Actor, voteId: number): Promise<ExportData> {
  const vote = await voteToManage(d, actor, voteId);
  const info = await infoOf(d.prisma, vote);
  const secret = vote.kind === "formal" && vote.ballot === "rahasia";
  if (secret && vote.state !== "closed") throw new Conflict("vote_export_secret_open");
  const result = vote.state === "closed" && vote.result ? (vote.result as unknown as VoteResult) : await resultOf(d.prisma, vote, info, null);
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
  await audit(d.prisma, vote.forumId, actor.personId, "vote.export", vote.id);
  return { info, result, final: vote.state === "closed", ballots };
}

// ---------------------------------------------------------------- jobs (inside the job's transaction)

/** 'vote.refresh': one edit of every sent group card with the current figures. */
export async function refreshCards(d: VotingDeps, tx: Tx, voteId: number, render: VotingRenderer) {
  await tx.$executeRaw`UPDATE votes SET refresh_requested_at = NULL WHERE id = ${voteId}`;
  const vote = await loadVote(tx, voteId);
  if (!vote || vote.state !== "open" || vote.kind !== "formal") return 0;
  const info = await infoOf(tx, vote);
  const card = render.card(info, await liveCounts(tx, vote));
  const n = await editCards(d, tx, vote, card);
  if (n.pending > 0) {
    // Some copies are still on their way: refresh once more when they have been sent.
    await tx.$executeRaw`UPDATE votes SET refresh_requested_at = ${d.clock.now()} WHERE id = ${voteId}`;
    await d.jobs.schedule({ kind: JOB.refresh, ownerId: voteId, forumId: vote.forumId, dueAt: new Date(d.clock.now().getTime() + 10_000) }, tx);
  }
  return n.edited;
}

/**
 * Queues an edit of every sent card. Like delivery.editCopies, but reading and enqueueing through
 * the job's transaction, so the edit commits (and happens) exactly once with the job.
 */
async function editCards(d: VotingDeps, tx: Tx, vote: VoteRow, card: { text: string; reply_markup?: unknown }) {
  const copies = await tx.delivery.findMany({
    where: { ownerKind: OWNER.card, ownerId: String(vote.id) },
    select: { chatId: true, recipientKey: true, state: true, telegramMessageId: true },
    orderBy: { id: "asc" },
  });
  const sent = copies.filter((c) => c.state === "sent" && c.telegramMessageId);
  const pending = copies.filter((c) => c.state === "queued" || c.state === "sending").length;
  if (sent.length > 0) {
    await d.delivery.enqueue(
      {
        forumId: vote.forumId,
        ownerKind: `${OWNER.card}#edit`,
        ownerId: vote.id,
        items: sent.map((c) => ({
          chatId: c.chatId,
          recipientKey: c.recipientKey ?? undefined,
          payload: {
            op: "edit" as const,
            method: "editMessageText",
            messageId: c.telegramMessageId!,
            params: { text: card.text, parse_mode: "HTML", reply_markup: card.reply_markup ?? { inline_keyboard: [] } },
          },
        })),
      },
      tx,
    );
  }
  return { edited: sent.length, pending };
}

/** 'vote.remind': a private reminder to every registered eligible person who has not voted. */
export async function remindNonVoters(d: VotingDeps, tx: Tx, voteId: number, render: VotingRenderer) {
  const vote = await loadVote(tx, voteId);
  if (!vote || vote.state !== "open" || vote.kind !== "formal") return 0;
  const roles = vote.eligibility === "perangkat_desa" ? ["perangkat_desa" as const] : [...RESIDENT_ROLES];
  const members = await tx.membership.findMany({
    where: { forumId: vote.forumId, villageId: { in: vote.villages.map((v) => v.villageId) }, role: { in: roles }, person: { canMessage: true } },
    select: { personId: true, villageId: true, person: { select: { telegramUserId: true, language: true } } },
    orderBy: { id: "asc" },
  });
  const voted = new Set(
    (await tx.voteParticipation.findMany({ where: { voteId, personId: { in: members.map((m) => m.personId) } }, select: { personId: true } })).map((p) => p.personId),
  );
  const info = await infoOf(tx, vote);
  const seen = new Set<number>();
  const items = [];
  for (const m of members) {
    if (voted.has(m.personId) || seen.has(m.personId)) continue;
    seen.add(m.personId);
    const spec = render.reminder(info, { language: m.person.language, villageId: m.villageId! });
    items.push({ chatId: m.person.telegramUserId, recipientKey: `person:${m.personId}`, payload: { op: "send" as const, ...spec } });
  }
  if (items.length) await d.delivery.enqueue({ forumId: vote.forumId, ownerKind: OWNER.reminder, ownerId: vote.id, items }, tx);
  return items.length;
}

/**
 * 'vote.poll.send': sends a quick poll to every group that has not got it yet.
 * Not through the outbox: the poll's id (which `poll` updates carry instead of a chat) is only in
 * the API's answer, which the outbox does not keep. Bounded concurrency; each result is written in
 * the job's transaction. Copies that failed for a passing reason are retried by a new job.
 */
export async function sendQuickPolls(d: VotingDeps, tx: Tx, voteId: number, port: TelegramPort) {
  const vote = await loadVote(tx, voteId);
  if (!vote || vote.kind !== "quick" || vote.state !== "open") return { sent: 0, failed: 0, retry: 0 };
  const copies = await tx.votePollCopy.findMany({ where: { voteId, state: "pending" }, orderBy: { id: "asc" } });
  const outcomes = await mapLimit(copies, 4, async (c) => {
    try {
      const r = await port.sendPoll(c.chatId, { question: vote.question, options: vote.options, multiple: vote.multiple });
      return { c, ok: true as const, ...r };
    } catch (err) {
      return { c, ok: false as const, gone: err instanceof ChatUnreachable, error: String((err as Error)?.message ?? err).slice(0, 300) };
    }
  });
  let retry = 0;
  for (const o of outcomes) {
    if (o.ok) {
      await tx.votePollCopy.update({ where: { id: o.c.id }, data: { state: "sent", pollId: o.pollId, messageId: o.messageId, lastError: null } });
    } else {
      if (!o.gone) retry++;
      await tx.votePollCopy.update({ where: { id: o.c.id }, data: { state: o.gone ? "failed" : "pending", lastError: o.error } });
    }
  }
  if (retry > 0) {
    await d.jobs.schedule({ kind: JOB.sendPolls, ownerId: voteId, forumId: vote.forumId, dueAt: new Date(d.clock.now().getTime() + 30_000) }, tx);
  }
  return { sent: outcomes.filter((o) => o.ok).length, failed: outcomes.length - outcomes.filter((o) => o.ok).length - retry, retry };
}

/** A `poll` update: the latest counts of one copy of a quick poll (while it is open). */
export async function recordPollUpdate(d: VotingDeps, poll: { id: string; counts: number[]; voters: number }) {
  const r = await d.prisma.votePollCopy.updateMany({
    where: { pollId: poll.id, state: "sent" },
    data: { counts: poll.counts, voters: poll.voters },
  });
  return r.count > 0;
}

/**
 * 'vote.close': closes a vote exactly once (the conditional update), takes the member counts,
 * stops quick polls, stores the results and queues them to every group and the organiser.
 */
export async function closeVote(
  d: VotingDeps,
  tx: Tx,
  voteId: number,
  opts: { render: VotingRenderer; port: TelegramPort; byId?: number | null },
): Promise<VoteResult | null> {
  const now = d.clock.now();
  // Waits for ballots in flight and keeps new ones out until the results are stored.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VOTE_LOCK}::int, ${voteId}::int)`;
  const closed = await tx.$queryRaw<Array<{ id: number }>>`
    UPDATE votes SET state = 'closed', closed_at = ${now}, closed_by_id = ${opts.byId ?? null}, refresh_requested_at = NULL
    WHERE id = ${voteId} AND state = 'open' RETURNING id`;
  if (closed.length === 0) return null;
  await d.jobs.cancel([JOB.remind, JOB.refresh, JOB.sendPolls], voteId, tx);
  const vote = (await loadVote(tx, voteId))!;
  const info = await infoOf(tx, vote);

  if (vote.kind === "quick") {
    const copies = await tx.votePollCopy.findMany({ where: { voteId }, orderBy: { id: "asc" } });
    const stops = await mapLimit(
      copies.filter((c) => c.state === "sent" && c.messageId),
      4,
      async (c) => {
        try {
          return { c, final: await opts.port.stopPoll(c.chatId, c.messageId!) };
        } catch (err) {
          return { c, final: null, error: String((err as Error)?.message ?? err).slice(0, 300) };
        }
      },
    );
    for (const s of stops) {
      await tx.votePollCopy.update({
        where: { id: s.c.id },
        data: s.final
          ? { state: "stopped", counts: s.final.counts, voters: s.final.voters }
          : { state: "stopped", lastError: "error" in s ? (s.error ?? null) : "already closed" },
      });
    }
    await tx.votePollCopy.updateMany({ where: { voteId, state: "pending" }, data: { state: "failed", lastError: "not sent before closing" } });
  }

  // Turnout base: members of each village's groups (the bot itself is not a voter).
  const links = await tx.chatLink.findMany({
    where: { forumId: vote.forumId, villageId: { in: vote.villages.map((v) => v.villageId) }, active: true },
    select: { villageId: true, telegramChatId: true },
    orderBy: { id: "asc" },
  });
  const counted = await mapLimit(links, 8, async (l) => ({ villageId: l.villageId!, n: await opts.port.memberCount(l.telegramChatId).catch(() => null) }));
  const members = new Map<number, number | null>(vote.villages.map((v) => [v.villageId, null]));
  for (const c of counted) {
    if (c.n === null) continue;
    members.set(c.villageId, (members.get(c.villageId) ?? 0) + Math.max(0, c.n - 1));
  }
  for (const [villageId, n] of members) {
    await tx.voteVillage.updateMany({ where: { voteId, villageId }, data: { memberCount: n } });
  }

  const result = await resultOf(tx, vote, { ...info, state: "closed" }, members);
  await tx.vote.update({ where: { id: voteId }, data: { result: result as unknown as object } });

  const closedInfo: VoteInfo = { ...info, state: "closed", closedAt: now.toISOString() };
  if (vote.kind === "formal") {
    // Closed: the card shows the final totals, rahasia included.
    await editCards(d, tx, vote, opts.render.card(closedInfo, { ballots: result.ballots, totals: result.totals }));
  }
  const perVillage = new Map<number, SendSpec[]>();
  const items = [];
  for (const l of links) {
    let messages = perVillage.get(l.villageId!);
    if (!messages) perVillage.set(l.villageId!, (messages = await opts.render.results(closedInfo, result, { language: "id", organiser: false, villageId: l.villageId! })));
    items.push(...messages.map((m) => ({ chatId: l.telegramChatId, recipientKey: `village:${l.villageId}`, payload: { op: "send" as const, ...m } })));
  }
  const organiser = await tx.person.findUnique({ where: { id: vote.createdById }, select: { telegramUserId: true, language: true, canMessage: true } });
  if (organiser?.canMessage) {
    const mine = await opts.render.results(closedInfo, result, { language: organiser.language, organiser: true });
    items.push(...mine.map((m) => ({ chatId: organiser.telegramUserId, recipientKey: `person:${vote.createdById}`, payload: { op: "send" as const, ...m } })));
  }
  if (items.length) await d.delivery.enqueue({ forumId: vote.forumId, ownerKind: OWNER.result, ownerId: voteId, items }, tx);
  await audit(tx, vote.forumId, opts.byId ?? null, "vote.closed", voteId);
  return result;
}

/**
 * Casting ballots.
 *
 * - One ballot per person per vote: the unique (vote_id, person_id) of vote_participations; a
 *   conflicting insert is how a second press (any group, any copy, any instance) is recognised.
 * - Rahasia: the participation row records only that a person voted; the choice goes into
 *   anonymous counters (vote_tallies) with no id, no time and no order. Every counter of the
 *   voter's village is rewritten by the same statement, so not even the row versions written by
 *   the ballot's transaction single out the option that was chosen.
 * - A ballot holds a shared advisory lock on its vote and closing an exclusive one (jobs.ts), so
 *   no ballot slips in between the results snapshot and the "closed" state.
 */
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { Prisma } from "../../generated/prisma/client.js";
import { JOB, REFRESH_DELAY_MS, REFRESH_LEASE_MS, type Ballot, type Eligibility, type TelegramPort, type VoteInfo } from "./types.js";
import { infoOf, isOpen, loadVote, RESIDENT_ROLES, VOTE_LOCK, type Db, type VotingDeps } from "./store.js";

/** A ballot waits longer than Prisma's default 2 s for a connection when many press at once. */
const BALLOT_TX = { maxWait: 10_000, timeout: 15_000 };

/**
 * Where a ballot comes from: a group (with, optionally, its link as the caller already read it in
 * this update) or a village (a private ballot).
 */
export type BallotSource =
  | { chatId: bigint; link?: () => Promise<{ active: boolean; forumId: number; villageId: number | null } | null> }
  | { villageId: number };

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
    "chatId" in from ? (from.link ? from.link() : d.prisma.chatLink.findUnique({ where: { telegramChatId: from.chatId } })) : null,
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
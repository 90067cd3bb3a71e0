/**
 * Due work of votes, each run inside the job's transaction (src/jobs): the coalesced refresh of
 * the group cards, reminders, sending quick polls, and closing — only ever in the 'vote.close'
 * job (at the due time, or "now" when closed by hand), where a conditional update open → closed
 * makes it happen exactly once.
 */
import { JOB, OWNER, ChatUnreachable, type SendSpec, type TelegramPort, type VoteInfo, type VotingRenderer } from "./types.js";
import type { VoteResult } from "./tally.js";
import { liveCountsOf, publishable } from "./publish.js";
import { audit, infoOf, liveCounts, loadVote, mapLimit, RESIDENT_ROLES, resultOf, VOTE_LOCK, type Tx, type VoteRow, type VotingDeps } from "./store.js";

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
 * the API's answer, which the outbox does not keep. The job's transaction only claims the copies
 * (pending → sending); Telegram is called after it commits, so a batch that is rolled back and run
 * again sends nothing twice, and a process that dies mid-send leaves a copy 'sending' — never sent
 * again, reported failed at closing. Copies that failed for a passing reason are retried by a new
 * job. Each sent copy gets a note under it (through the outbox, as a reply to the poll): it cannot
 * be forwarded, and only answers in that group count.
 */
export async function sendQuickPolls(d: VotingDeps, tx: Tx, voteId: number, port: TelegramPort, render: VotingRenderer, afterCommit: (fn: () => Promise<void>) => void) {
  const vote = await loadVote(tx, voteId);
  if (!vote || vote.kind !== "quick" || vote.state !== "open") return;
  const copies = await tx.votePollCopy.findMany({ where: { voteId, state: "pending" }, orderBy: { id: "asc" } });
  if (!copies.length) return;
  await tx.votePollCopy.updateMany({ where: { id: { in: copies.map((c) => c.id) }, state: "pending" }, data: { state: "sending" } });
  afterCommit(() => deliverQuickPolls(d, vote, copies, port, render));
}

async function deliverQuickPolls(d: VotingDeps, vote: VoteRow, copies: Array<{ id: number; chatId: bigint; villageId: number }>, port: TelegramPort, render: VotingRenderer) {
  const outcomes = await mapLimit(copies, 4, async (c) => {
    try {
      const r = await port.sendPoll(c.chatId, { question: vote.question, options: vote.options, multiple: vote.multiple });
      return { c, ok: true as const, ...r };
    } catch (err) {
      return { c, ok: false as const, gone: err instanceof ChatUnreachable, error: String((err as Error)?.message ?? err).slice(0, 300) };
    }
  });
  const late: Array<{ chatId: bigint; messageId: number }> = [];
  await d.prisma.$transaction(async (tx) => {
    let retry = 0;
    const info = outcomes.some((o) => o.ok) ? await infoOf(tx, vote) : null;
    const notes = [];
    for (const o of outcomes) {
      if (o.ok) {
        const r = await tx.votePollCopy.updateMany({ where: { id: o.c.id, state: "sending" }, data: { state: "sent", pollId: o.pollId, messageId: o.messageId, lastError: null } });
        if (!r.count) {
          // The vote closed while this copy was on its way: it is stopped at once, not left open.
          late.push({ chatId: o.c.chatId, messageId: o.messageId });
          await tx.votePollCopy.update({ where: { id: o.c.id }, data: { state: "stopped", pollId: o.pollId, messageId: o.messageId, lastError: "sent after closing" } });
          continue;
        }
        const note = render.quickPollNote(info!, { villageId: o.c.villageId });
        notes.push({
          chatId: o.c.chatId,
          recipientKey: `village:${o.c.villageId}`,
          payload: {
            op: "send" as const,
            method: note.method,
            params: { ...note.params, reply_parameters: { message_id: o.messageId, allow_sending_without_reply: true } },
          },
        });
      } else {
        if (!o.gone) retry++;
        await tx.votePollCopy.updateMany({ where: { id: o.c.id, state: "sending" }, data: { state: o.gone ? "failed" : "pending", lastError: o.error } });
      }
    }
    if (notes.length) await d.delivery.enqueue({ forumId: vote.forumId, ownerKind: OWNER.pollNote, ownerId: vote.id, items: notes }, tx);
    if (retry > 0) {
      await d.jobs.schedule({ kind: JOB.sendPolls, ownerId: vote.id, forumId: vote.forumId, dueAt: new Date(d.clock.now().getTime() + 30_000) }, tx);
    }
  });
  for (const l of late) await port.stopPoll(l.chatId, l.messageId).catch(() => null);
  d.delivery.kick();
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
    // 'sending': claimed by a send that died (or is still on its way: it stops the poll itself).
    await tx.votePollCopy.updateMany({ where: { voteId, state: { in: ["pending", "sending"] } }, data: { state: "failed", lastError: "not sent before closing" } });
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

  // Stored raw (the counters are in the database anyway); every view goes through publishable.
  const result = await resultOf(tx, vote, { ...info, state: "closed" }, members);
  await tx.vote.update({ where: { id: voteId }, data: { result: result as unknown as object } });
  const published = publishable(result, { final: true });

  const closedInfo: VoteInfo = { ...info, state: "closed", closedAt: now.toISOString() };
  if (vote.kind === "formal") {
    // Closed: the card shows the final totals where they may be shown.
    await editCards(d, tx, vote, opts.render.card(closedInfo, liveCountsOf(published)));
  }
  const perVillage = new Map<number, SendSpec[]>();
  const items = [];
  for (const l of links) {
    let messages = perVillage.get(l.villageId!);
    if (!messages) perVillage.set(l.villageId!, (messages = await opts.render.results(closedInfo, published, { language: "id", organiser: false, villageId: l.villageId! })));
    items.push(...messages.map((m) => ({ chatId: l.telegramChatId, recipientKey: `village:${l.villageId}`, payload: { op: "send" as const, ...m } })));
  }
  const organiser = await tx.person.findUnique({ where: { id: vote.createdById }, select: { telegramUserId: true, language: true, canMessage: true } });
  if (organiser?.canMessage) {
    const mine = await opts.render.results(closedInfo, published, { language: organiser.language, organiser: true });
    items.push(...mine.map((m) => ({ chatId: organiser.telegramUserId, recipientKey: `person:${vote.createdById}`, payload: { op: "send" as const, ...m } })));
  }
  if (items.length) await d.delivery.enqueue({ forumId: vote.forumId, ownerKind: OWNER.result, ownerId: voteId, items }, tx);
  await audit(tx, now, vote.forumId, opts.byId ?? null, "vote.close", voteId);
  return result;
}

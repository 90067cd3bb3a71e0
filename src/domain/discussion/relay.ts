import { termsOf } from "../forum/terms.js";
import type { CopyRef, EnqueueItem } from "../../delivery/types.js";
import type { Prisma } from "../../infra/db.js";
import { NotAllowed, NotFound } from "../errors.js";
import type { IncomingContent } from "./content.js";
import {
  authorViews,
  bodyOf,
  copyItems,
  digestOf,
  editFor,
  headerOf,
  planFor,
  sendsFor,
  type AuthorView,
  type Plan,
  type RelayRow,
} from "./compose.js";
import { phaseOf, waitForRoom } from "./pacing.js";
import { activeTargets, ensureFlush, ensureFlushMany, ledger, lockChats, pruneLedger, recordSends, recordSendsAt, type Target } from "./store.js";
import { JOB, mainKey, OWNER, type Actor, type DiscussionDeps, type DiscussionRenderer, type Tx } from "./types.js";
import { audit } from "../privasi/audit.js";
import type { TgEntity } from "./text.js";

/** What a message in a group answers: a topic (card or closing note) and maybe a relayed message. */
export interface Answered {
  topicId: number;
  relayId: number | null;
  /** The message answered is a digest: the relayed messages inside it. */
  digestRelayIds?: number[];
  /** The message answered is the bot's copy of a relayed message (an album's copy stands for the whole album). */
  viaCopy?: boolean;
}

const baseKind = (ownerKind: string) => ownerKind.split("#")[0];

/**
 * Finds what message `messageId` in `chatId` is: a copy the bot sent (topic card, relayed copy,
 * digest, closing note), an original that was relayed, or — in the kecamatan supergroup — any
 * message inside a topic's own thread. Null when it belongs to no topic (local chatter).
 */
export async function resolveAnswered(d: DiscussionDeps, chatId: number | bigint, messageId: number | null, threadId: number | null): Promise<Answered | null> {
  if (messageId !== null) {
    const copy = await d.delivery.findByMessage(chatId, messageId);
    if (copy) {
      const kind = baseKind(copy.ownerKind);
      const id = Number(copy.ownerId);
      if (kind === OWNER.topic || kind === OWNER.note) return { topicId: id, relayId: null };
      if (kind === OWNER.relay) {
        const r = await d.prisma.relayMessage.findUnique({ where: { id }, select: { id: true, topicId: true } });
        return r ? { topicId: r.topicId, relayId: r.id, viaCopy: true } : null;
      }
      if (kind === OWNER.digest) {
        const digest = await d.prisma.relayDigest.findUnique({
          where: { id },
          include: { items: { orderBy: { id: "asc" }, select: { relayId: true, relay: { select: { state: true } } } } },
        });
        if (!digest) return null;
        const ids = digest.items.filter((i) => i.relay.state === "relayed").map((i) => i.relayId);
        // Answering a digest answers its latest message still shown.
        return { topicId: digest.topicId, relayId: ids.at(-1) ?? null, digestRelayIds: ids };
      }
      if (kind?.startsWith("discussion.")) return null;
    }
    const original = await d.prisma.relayMessage.findUnique({
      where: { sourceChatId_sourceMessageId: { sourceChatId: BigInt(chatId), sourceMessageId: messageId } },
      select: { id: true, topicId: true },
    });
    if (original) return { topicId: original.topicId, relayId: original.id };
  }
  if (threadId) {
    const tc = await d.prisma.topicChat.findFirst({ where: { chatId: BigInt(chatId), threadId }, select: { topicId: true } });
    if (tc) return { topicId: tc.topicId, relayId: null };
  }
  return null;
}

export interface IncomingMessage {
  chatId: number;
  messageId: number;
  replyToMessageId: number | null;
  threadId: number | null;
  personId: number;
  authorName: string;
  /** Telegram user id to link the name to — only when the person has contacted the bot. */
  authorLinkUserId: number | null;
  /** The author's own village in the forum, named when they write from the kecamatan thread. */
  homeVillageId: (forumId: number) => number | null;
  content: IncomingContent | null;
  /** An item of an album (same media_group_id): relayed with its siblings as one album. */
  album?: AlbumPart | null;
  /** The group's link as the caller already read it in this update (otherwise read here). */
  chatLink?: () => Promise<SourceLink | null>;
}

/** What a relay needs of the source group's link. */
export interface SourceLink {
  active: boolean;
  forumId: number;
  villageId: number | null;
  forum: { timezone: string; villageTerm: string; councilTerm: string };
  village: { name: string } | null;
}

/** What sendMediaGroup needs of one album item besides its caption. */
export interface AlbumPart {
  groupId: string;
  fileId: string;
}

/** Album items arrive as separate updates within about a second; the album goes out this long after its first item. */
export const ALBUM_GATHER_MS = 1_500;
/** Longest an album waits whole for its group's send slots; a group busier than that gets it in its digest. */
const ALBUM_HOLD_MAX_MS = 60_000;

export type MutedOutcome = { status: "muted"; until: Date; reason: string | null; notify: boolean; timezone: string };

export type RelayOutcome =
  | { status: "not_ours" }
  | { status: "outside" }
  | { status: "duplicate" }
  | { status: "unsupported"; topicTitle: string }
  | { status: "closed"; topicTitle: string }
  | MutedOutcome
  | { status: "slow"; topicTitle: string; waitSeconds: number; intervalSeconds: number }
  | { status: "relayed"; relayId: number; topicId: number; direct: number; waiting: number };

/**
 * A resident answered something of a topic in their group: relay it to every other group taking
 * part — at once where the group's send budget allows, otherwise into that group's next digest.
 */
export async function relayIncoming(d: DiscussionDeps, renderer: DiscussionRenderer, m: IncomingMessage): Promise<RelayOutcome> {
  const answered = await resolveAnswered(d, m.chatId, m.replyToMessageId, m.threadId);
  if (!answered) return { status: "not_ours" };
  const topic = await d.prisma.topic.findUnique({ where: { id: answered.topicId } });
  if (!topic) return { status: "not_ours" };
  const chatId = BigInt(m.chatId);
  const [chats, link] = await Promise.all([
    d.prisma.topicChat.findMany({ where: { topicId: topic.id, forumId: topic.forumId }, orderBy: { id: "asc" } }),
    m.chatLink
      ? m.chatLink()
      : d.prisma.chatLink.findUnique({ where: { telegramChatId: chatId }, include: { forum: { select: { timezone: true, villageTerm: true, councilTerm: true } }, village: { select: { name: true } } } }),
  ]);
  const here = chats.find((c) => c.chatId === chatId);
  // The card was posted here and the group still belongs to the topic's forum.
  if (!here || !link?.active || link.forumId !== topic.forumId) return { status: "outside" };
  const now = d.clock.now();
  if (topic.state !== "open" || (topic.endsAt && topic.endsAt <= now)) return { status: "closed", topicTitle: topic.title };

  const muted = await mutedOutcome(d, topic.forumId, m.personId, now, link.forum.timezone);
  if (muted) return muted;
  if (!m.content) return { status: "unsupported", topicTitle: topic.title };
  if (topic.slowModeSeconds > 0) {
    const last = await d.prisma.relayMessage.findFirst({
      where: {
        topicId: topic.id,
        authorId: m.personId,
        createdAt: { gt: new Date(now.getTime() - topic.slowModeSeconds * 1000) },
        // The other items of the same album are one message as far as slow mode goes.
        ...(m.album ? { OR: [{ mediaGroupId: null }, { mediaGroupId: { not: m.album.groupId } }, { sourceChatId: { not: chatId } }] } : {}),
      },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (last) {
      const waitSeconds = Math.ceil((last.createdAt.getTime() + topic.slowModeSeconds * 1000 - now.getTime()) / 1000);
      return { status: "slow", topicTitle: topic.title, waitSeconds: Math.max(1, waitSeconds), intervalSeconds: topic.slowModeSeconds };
    }
  }
  const villageId = here.villageId ?? m.homeVillageId(topic.forumId);
  const targets = (await activeTargets(d.prisma, topic, chats)).filter((t) => t.chatId !== chatId);
  const draft: RelayRow = {
    id: 0,
    forumId: topic.forumId,
    topicId: topic.id,
    authorId: m.personId,
    authorName: m.authorName,
    villageId,
    sourceChatId: chatId,
    sourceMessageId: m.messageId,
    kind: m.content.kind,
    text: m.content.text,
    entities: m.content.entities,
    // An album item keeps its file: the album is sent again with sendMediaGroup, which takes file ids.
    media: m.album ? { ...(m.content.media ?? {}), fileId: m.album.fileId } : m.content.media,
  };
  // The author is the person in front of the bot: name and village are at hand already.
  const villageName =
    villageId === null ? null : villageId === link.villageId ? (link.village?.name ?? null) : ((await d.prisma.village.findUnique({ where: { id: villageId }, select: { name: true } }))?.name ?? null);
  const author: AuthorView = { name: m.authorName, place: renderer.villageLabel(villageName, termsOf(link.forum)), linkUserId: m.authorLinkUserId };
  const refs = await replyRefs(d, topic.id, answered.relayId);

  const relayOnce = () =>
    oneAtATime(`forum:${topic.forumId}`, () =>
      d.prisma.$transaction(
        async (tx) => {
          const { id: _unsaved, entities, media, ...fields } = draft;
          const album = m.album ? { mediaGroupId: m.album.groupId, albumPending: true } : {};
          const row = await tx.relayMessage.create({
            data: { ...fields, ...album, entities: entities as object[], media: media ?? undefined, replyToId: answered.relayId, createdAt: now },
          });
          if (m.album) {
            // Held until its siblings are in: one durable job per album (any instance runs it, a
            // restart does not lose it); a second job of the same album finds nothing pending.
            await ensureAlbumJob(d, tx, topic.forumId, chatId, m.album.groupId, new Date(now.getTime() + ALBUM_GATHER_MS));
            return { id: row.id, direct: 0, waiting: 0 };
          }
          const out = await distribute(d, tx, { ...draft, id: row.id }, targets, refs, author);
          if (row.id % 50 === 0) await pruneLedger(tx, now);
          return { id: row.id, ...out };
        },
        { timeout: 30_000, maxWait: 15_000 },
      ),
    );

  let result: { id: number; direct: number; waiting: number } | null = null;
  // A busy database (no pooled connection in time, a deadlock victim) must not lose the message:
  // the relay is tried again; a try whose commit went unseen ends as "duplicate".
  for (let attempt = 1; result === null; attempt++) {
    try {
      result = await relayOnce();
    } catch (err) {
      // The same update delivered twice (webhook retry, two instances): the first one relayed it.
      const again = await d.prisma.relayMessage.findUnique({ where: { sourceChatId_sourceMessageId: { sourceChatId: chatId, sourceMessageId: m.messageId } }, select: { id: true } });
      if (again) return { status: "duplicate" };
      if (attempt >= 3) throw err;
      // The error itself, not String(err): Prisma's message echoes the query, with the text relayed.
      d.logger.warn({ err, attempt, topicId: topic.id }, "discussion: relay retried");
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
  d.delivery.kick();
  return { status: "relayed", relayId: result.id, topicId: topic.id, direct: result.direct, waiting: result.waiting };
}

/**
 * Relays of one forum touch the same groups' locks, so within a process they queue here instead
 * of each holding a pooled connection while waiting for the database lock.
 */
const lanes = new Map<string, Promise<unknown>>();
function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = lanes.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  lanes.set(key, tail);
  void tail.then(() => {
    if (lanes.get(key) === tail) lanes.delete(key);
  });
  return run;
}

/** A muted person is told why at most once per this long, whether they write or edit. */
const MUTE_NOTICE_EVERY_MS = 10 * 60_000;

/** Null when the person may take part; else why not, and whether to tell them now. */
async function mutedOutcome(d: DiscussionDeps, forumId: number, personId: number, now: Date, timezone: string): Promise<MutedOutcome | null> {
  const mute = await d.prisma.discussionMute.findFirst({
    where: { forumId, personId, liftedAt: null, until: { gt: now } },
    orderBy: { until: "desc" },
  });
  if (!mute) return null;
  // Claimed in one statement, so two messages at once do not both bring a notice.
  const told = await d.prisma.discussionMute.updateMany({
    where: { id: mute.id, OR: [{ lastNoticeAt: null }, { lastNoticeAt: { lt: new Date(now.getTime() - MUTE_NOTICE_EVERY_MS) } }] },
    data: { lastNoticeAt: now },
  });
  return { status: "muted", until: mute.until, reason: mute.reason, notify: told.count === 1, timezone };
}

/**
 * Per chat, the message a copy should answer: the copy (or original, or digest) of the relayed
 * message being answered, else the topic card there.
 */
async function replyRefs(d: DiscussionDeps, topicId: number, parentId: number | null, db: Tx | Prisma = d.prisma): Promise<Map<string, number>> {
  const refs = new Map<string, number>();
  const put = (chatId: bigint, messageId: number | null) => {
    if (messageId) refs.set(String(chatId), messageId);
  };
  for (const c of await d.delivery.copies(OWNER.topic, topicId, db)) if (c.state === "sent") put(c.chatId, c.telegramMessageId);
  if (parentId === null) return refs;
  const parent = await db.relayMessage.findUnique({
    where: { id: parentId },
    select: { sourceChatId: true, sourceMessageId: true, digestItems: { where: { digestId: { not: null } }, select: { digestId: true } } },
  });
  if (!parent) return refs;
  for (const item of parent.digestItems) {
    for (const c of await d.delivery.copies(OWNER.digest, item.digestId!, db)) if (c.state === "sent" && c.recipientKey?.startsWith("c:")) put(c.chatId, c.telegramMessageId);
  }
  for (const c of await d.delivery.copies(OWNER.relay, parentId, db)) if (c.state === "sent" && c.recipientKey?.startsWith("c:")) put(c.chatId, c.telegramMessageId);
  put(parent.sourceChatId, parent.sourceMessageId);
  return refs;
}

/** Inside the relay's transaction: copies now where a group has room, the rest wait for a digest. */
async function distribute(d: DiscussionDeps, tx: Tx, r: RelayRow, targets: Target[], refs: Map<string, number>, author: AuthorView) {
  if (targets.length === 0) return { direct: 0, waiting: 0 };
  const ids = targets.map((t) => t.chatId);
  await lockChats(tx, ids);
  // The decision uses the time the locks were held, not when the update arrived.
  const now = d.clock.now();
  const waitingRows = await tx.relayDigestItem.groupBy({ by: ["chatId"], where: { chatId: { in: ids }, digestId: null } });
  const waiting = new Set(waitingRows.map((w) => String(w.chatId)));
  const sends = await ledger(tx, ids, now);
  const plan = planFor(r.kind, r.text, headerOf(author).text);
  const need = sendsFor(plan);
  const items: EnqueueItem[] = [];
  const direct: bigint[] = [];
  const deferred: Array<{ chatId: bigint; at: Date }> = [];
  for (const t of targets) {
    const k = String(t.chatId);
    const past = sends.get(k) ?? [];
    // Never overtake messages already waiting for this group: order within a group is kept.
    if (!waiting.has(k) && waitForRoom(past, now.getTime(), need) === 0) {
      items.push(...copyItems(r, t, refs.get(k), author, plan));
      direct.push(t.chatId);
    } else {
      // A new backlog starts at the group's own phase, so busy groups' slots do not coincide.
      const at = waiting.has(k) ? now.getTime() + waitForRoom(past, now.getTime(), 1) : now.getTime() + waitForRoom(past, now.getTime(), 1) + phaseOf(t.chatId);
      deferred.push({ chatId: t.chatId, at: new Date(at) });
    }
  }
  if (deferred.length) {
    await tx.relayDigestItem.createMany({ data: deferred.map((x) => ({ forumId: r.forumId, topicId: r.topicId, relayId: r.id, chatId: x.chatId, createdAt: now })) });
    await ensureFlushMany(d, tx, r.forumId, deferred);
  }
  if (items.length) {
    await d.delivery.enqueue({ forumId: r.forumId, ownerKind: OWNER.relay, ownerId: r.id, items }, tx);
    await recordSends(tx, r.forumId, direct, now, need);
  }
  return { direct: direct.length, waiting: deferred.length };
}

/**
 * A group's send budget has room again: sends what waits for it — one message alone as a normal
 * threaded copy, several as one digest per topic — as long as the budget allows, and schedules
 * another flush for the rest. Runs in its own short transaction holding only this group's lock.
 */
export function flushChat(d: DiscussionDeps, renderer: DiscussionRenderer, chatId: bigint): Promise<number> {
  const run = (async () => {
    const sent = await d.prisma.$transaction((tx) => flushInTx(d, renderer, tx, chatId), { timeout: 30_000, maxWait: 15_000 });
    if (sent > 0) d.delivery.kick();
    return sent;
  })();
  let set = running.get(d);
  if (!set) running.set(d, (set = new Set()));
  const tracked: Promise<number> = run.catch(() => 0).finally(() => set!.delete(tracked));
  set.add(tracked);
  return run;
}

const running = new WeakMap<DiscussionDeps, Set<Promise<number>>>();

/** Resolves when the flushes started so far have finished (tests, shutdown). */
export async function flushesSettled(d: DiscussionDeps): Promise<void> {
  for (;;) {
    const set = running.get(d);
    if (!set || set.size === 0) return;
    await Promise.allSettled([...set]);
  }
}

/**
 * Job step (inside the job batch's transaction): only checks and arranges. The flush itself runs
 * after this commits (`flushChat`), so a batch of jobs never holds groups' locks while relays wait
 * for them; a later safety run covers a crash between the two.
 */
export async function flushJob(d: DiscussionDeps, tx: Tx, chatId: bigint, jobId: bigint): Promise<boolean> {
  const waiting = await tx.relayDigestItem.findFirst({ where: { chatId, digestId: null }, select: { forumId: true } });
  if (!waiting) return false;
  await ensureFlush(d, tx, waiting.forumId, chatId, new Date(d.clock.now().getTime() + 60_000), jobId);
  return true;
}

async function flushInTx(d: DiscussionDeps, renderer: DiscussionRenderer, tx: Tx, chatId: bigint): Promise<number> {
  const now = d.clock.now();
  await lockChats(tx, [chatId]);
  const pending = await tx.relayDigestItem.findMany({ where: { chatId, digestId: null }, orderBy: { id: "asc" }, include: { relay: true } });
  if (pending.length === 0) return 0;
  const forumId = pending[0]!.forumId;
  await pruneLedger(tx, now, chatId);
  const gone = pending.filter((p) => p.relay.state !== "relayed");
  if (gone.length) await tx.relayDigestItem.deleteMany({ where: { id: { in: gone.map((g) => g.id) } } });
  let queue = pending.filter((p) => p.relay.state === "relayed");
  const past = (await ledger(tx, [chatId], now)).get(String(chatId)) ?? [];
  let sent = 0;
  while (queue.length > 0) {
    const wait = waitForRoom(past, now.getTime(), 1);
    if (wait > 0) {
      await ensureFlush(d, tx, forumId, chatId, new Date(now.getTime() + wait));
      break;
    }
    const topicId = queue[0]!.topicId;
    const group = queue.filter((p) => p.topicId === topicId);
    const topic = await tx.topic.findUnique({ where: { id: topicId } });
    const target = topic ? (await activeTargets(tx, topic)).find((t) => t.chatId === chatId) : undefined;
    if (!topic || !target) {
      // The group left the forum or the topic is gone: nothing to deliver there any more.
      await tx.relayDigestItem.deleteMany({ where: { id: { in: group.map((g) => g.id) } } });
      queue = queue.filter((p) => p.topicId !== topicId);
      continue;
    }
    const relays = group.map((g) => g.relay as RelayRow);
    const authors = await authorViews(tx, renderer, relays);
    const first = group[0]!;
    const firstAuthor = authors.get(first.relayId)!;
    const plan = planFor(first.relay.kind, first.relay.text, headerOf(firstAuthor).text);
    const roomForCopy = waitForRoom(past, now.getTime(), sendsFor(plan)) === 0;
    const digest = group.length > 1 || !roomForCopy ? digestOf(renderer, topic.title, group.map((g) => ({ r: g.relay as RelayRow, author: authors.get(g.relayId)! }))) : null;
    let taken: typeof group;
    if (digest === null || (digest.taken === 0 && roomForCopy)) {
      // One message (or one too long for any digest): a normal threaded copy.
      const refs = await replyRefs(d, topicId, first.relay.replyToId, tx);
      await d.delivery.enqueue({ forumId, ownerKind: OWNER.relay, ownerId: first.relayId, items: copyItems(first.relay as RelayRow, target, refs.get(String(chatId)), firstAuthor, plan) }, tx);
      await tx.relayDigestItem.delete({ where: { id: first.id } });
      for (let i = 0; i < sendsFor(plan); i++) past.push(now.getTime());
      await recordSends(tx, forumId, [chatId], now, sendsFor(plan));
      taken = [first];
    } else if (digest.taken === 0) {
      // Too long for a digest and no room for its own copy yet: it goes alone once there is.
      await ensureFlush(d, tx, forumId, chatId, new Date(now.getTime() + Math.max(1000, waitForRoom(past, now.getTime(), sendsFor(plan)))));
      break;
    } else {
      taken = group.slice(0, digest.taken);
      const row = await tx.relayDigest.create({ data: { forumId, topicId, chatId, createdAt: now } });
      await tx.relayDigestItem.updateMany({ where: { id: { in: taken.map((t) => t.id) } }, data: { digestId: row.id } });
      const cards = await d.delivery.copies(OWNER.topic, topicId, tx);
      const card = cards.find((c) => c.chatId === chatId && c.state === "sent")?.telegramMessageId;
      await d.delivery.enqueue(
        {
          forumId,
          ownerKind: OWNER.digest,
          ownerId: row.id,
          items: [
            {
              chatId,
              recipientKey: mainKey(chatId),
              payload: {
                op: "send",
                method: "sendMessage",
                params: {
                  text: digest.f.text,
                  entities: digest.f.entities,
                  ...(target.threadId ? { message_thread_id: target.threadId } : {}),
                  ...(card ? { reply_parameters: { message_id: card, allow_sending_without_reply: true } } : {}),
                },
              },
            },
          ],
        },
        tx,
      );
      past.push(now.getTime());
      await recordSends(tx, forumId, [chatId], now, 1);
    }
    sent += taken.length;
    const done = new Set(taken.map((t) => t.id));
    queue = queue.filter((p) => !done.has(p.id));
  }
  return sent;
}

/** Edits of one message reach its copies at most this often; edits made meanwhile merge (the latest wins). */
export const EDIT_SPACING_MS = 15_000;

export type EditOutcome =
  | { status: "ignored" }
  | MutedOutcome
  | {
      status: "edited";
      /** Newly held by the topic's slow mode (the author is told once); null when it goes at the group's pace. */
      held: { topicTitle: string; waitSeconds: number; intervalSeconds: number } | null;
    };

/**
 * The author edited a relayed message: every copy and every digest that holds it follows — under
 * the same rules as a new message. A muted author's edit is refused; in a slow-mode topic it waits
 * until the author may change something again; edits of one message are spaced EDIT_SPACING_MS
 * apart, and an edit still waiting takes the newer text instead of a second edit going out; every
 * edit counts in its group's pace (pacing.ts), so relays and edits together stay within the limit.
 */
export async function applyEdit(
  d: DiscussionDeps,
  renderer: DiscussionRenderer,
  e: { chatId: number; messageId: number; personId: number; content: IncomingContent | null },
): Promise<EditOutcome> {
  const r = await d.prisma.relayMessage.findUnique({
    where: { sourceChatId_sourceMessageId: { sourceChatId: BigInt(e.chatId), sourceMessageId: e.messageId } },
    include: { topic: { select: { state: true, endsAt: true, title: true, slowModeSeconds: true } } },
  });
  if (!r || r.authorId !== e.personId || r.state !== "relayed" || !e.content) return { status: "ignored" };
  const now = d.clock.now();
  if (r.topic.state !== "open" || (r.topic.endsAt && r.topic.endsAt <= now)) return { status: "ignored" };
  const link = await d.prisma.chatLink.findUnique({ where: { telegramChatId: BigInt(e.chatId) }, include: { forum: { select: { timezone: true } } } });
  // A group that left the forum since: its edits stay there, like its new messages.
  if (!link?.active || link.forumId !== r.forumId) return { status: "ignored" };
  const muted = await mutedOutcome(d, r.forumId, e.personId, now, link.forum.timezone);
  if (muted) return muted;
  // Only the text or caption travels; an edit that changed neither (a replaced photo) has nothing to send.
  if ((r.text ?? null) === e.content.text && stableJson(r.entities ?? []) === stableJson(e.content.entities ?? [])) return { status: "edited", held: null };
  const content = e.content;
  const slowMs = r.topic.slowModeSeconds * 1000;

  const out = await oneAtATime(`forum:${r.forumId}`, () =>
    d.prisma.$transaction(
      async (tx) => {
        // The groups' locks first, as relays and removals take them: two edits of the message (two
        // instances) decide its release one after the other, and nothing waits in a circle.
        await lockTopicChats(tx, r.forumId, [r.topicId], [r.sourceChatId]);
        const prev = (await tx.relayMessage.findUniqueOrThrow({ where: { id: r.id }, select: { editReleaseAt: true } })).editReleaseAt;
        const t = d.clock.now().getTime();
        let release = t;
        let newlyHeld = false;
        if (prev && prev.getTime() > t) {
          release = prev.getTime(); // an edit is already waiting: this one merges into it
        } else {
          if (prev) release = Math.max(release, prev.getTime() + EDIT_SPACING_MS);
          if (slowMs > 0) {
            // Slow mode: one change per person per interval, counting their messages and edits in the topic.
            const last = await tx.relayMessage.aggregate({
              where: { forumId: r.forumId, topicId: r.topicId, authorId: r.authorId },
              _max: { createdAt: true, editReleaseAt: true },
            });
            const lastChange = Math.max(last._max.createdAt?.getTime() ?? 0, last._max.editReleaseAt?.getTime() ?? 0);
            if (lastChange + slowMs > release) {
              release = lastChange + slowMs;
              newlyHeld = true;
            }
          }
        }
        const row = await tx.relayMessage.update({
          where: { id: r.id },
          data: { text: content.text, entities: content.entities as object[], editedAt: new Date(t), editReleaseAt: new Date(release) },
        });
        await followEdit(d, renderer, tx, row as RelayRow, release);
        return { release, newlyHeld, t };
      },
      { timeout: 30_000, maxWait: 15_000 },
    ),
  );
  d.delivery.kick();
  const held = out.newlyHeld
    ? { topicTitle: r.topic.title, waitSeconds: Math.max(1, Math.ceil((out.release - out.t) / 1000)), intervalSeconds: r.topic.slowModeSeconds }
    : null;
  return { status: "edited", held };
}

/** Every group of these topics, locked in one go (a transaction may take them again later). */
async function lockTopicChats(tx: Tx, forumId: number, topicIds: number[], extra: bigint[] = []) {
  const chats = await tx.topicChat.findMany({ where: { forumId, topicId: { in: topicIds } }, select: { chatId: true } });
  await lockChats(tx, [...chats.map((c) => c.chatId), ...extra]);
}

type EditWanted = { ownerKind: string; ownerId: number; item: EnqueueItem };
const LIVE_COPY = new Set(["sent", "queued", "sending"]);

/** An edit of one copy; a copy still in the queue is named by its row (its message id comes later). */
function editItem(c: CopyRef, e: { method: string; params: Record<string, unknown> }): EnqueueItem {
  return {
    chatId: c.chatId,
    recipientKey: c.recipientKey ?? undefined,
    payload: { op: "edit", method: e.method, messageId: c.state === "sent" ? (c.telegramMessageId ?? 0) : 0, params: e.params, ofCopy: String(c.id) },
  };
}

/** Inside the edit's transaction: the edits that bring every copy and digest of the message up to date. */
async function followEdit(d: DiscussionDeps, renderer: DiscussionRenderer, tx: Tx, row: RelayRow, release: number) {
  const author = (await authorViews(tx, renderer, [row])).get(row.id)!;
  const copies = await d.delivery.copies(OWNER.relay, row.id, tx);
  // Copies sent after a header line carry the author's text alone; others carry header + text.
  const plan: Plan = copies.some((c) => c.recipientKey?.startsWith("h:")) ? "headerLine" : row.kind === "text" ? "text" : "caption";
  const fitted = clampFor(row, author, plan);
  const wanted: EditWanted[] = [];
  for (const c of copies) {
    const e = LIVE_COPY.has(c.state) ? editFor(fitted, author, plan, c.recipientKey) : null;
    if (e) wanted.push({ ownerKind: OWNER.relay, ownerId: row.id, item: editItem(c, e) });
  }
  // An album item after the first: its own caption, in its place of each group's album copy.
  for (const { copy, messageId } of await albumItemCopies(d, tx, row as RelayRow & { mediaGroupId: string | null })) {
    const params = { caption: row.text ?? "", caption_entities: (row.entities as TgEntity[] | null) ?? [] };
    wanted.push({ ownerKind: OWNER.relay, ownerId: row.id, item: { chatId: copy.chatId, recipientKey: copy.recipientKey ?? undefined, payload: { op: "edit", method: "editMessageCaption", messageId, params } } });
  }
  const digests = await digestRewrites(d, renderer, tx, row.id);
  wanted.push(...digests.edits);
  await pacedEdits(d, tx, row.forumId, wanted, release);
}

/**
 * Queues edits at the groups' pace. An edit of a message that still waits in the queue takes the
 * new text instead (nothing doubled); the others take their group's next send slot, no earlier
 * than `release`, and are written in the group's ledger like any discussion send.
 */
async function pacedEdits(d: DiscussionDeps, tx: Tx, forumId: number, wanted: EditWanted[], release: number) {
  if (wanted.length === 0) return;
  const chatIds = [...new Set(wanted.map((w) => BigInt(w.item.chatId)))];
  await lockChats(tx, chatIds);
  const now = d.clock.now();
  const left = new Set(await d.delivery.mergeQueuedEdits(wanted.map((w) => w.item), tx));
  const sends = await ledger(tx, chatIds, now);
  const from = Math.max(release, now.getTime());
  const booked: Array<{ chatId: bigint; at: Date }> = [];
  const byOwner = new Map<string, { ownerKind: string; ownerId: number; items: EnqueueItem[] }>();
  for (const w of wanted) {
    if (!left.has(w.item)) continue;
    const chatId = BigInt(w.item.chatId);
    let past = sends.get(String(chatId));
    if (!past) sends.set(String(chatId), (past = []));
    const at = from + waitForRoom(past, from, 1);
    past.splice(sortedIndex(past, at), 0, at);
    booked.push({ chatId, at: new Date(at) });
    const k = `${w.ownerKind}:${w.ownerId}`;
    let group = byOwner.get(k);
    if (!group) byOwner.set(k, (group = { ownerKind: w.ownerKind, ownerId: w.ownerId, items: [] }));
    group.items.push(at > now.getTime() ? { ...w.item, notBefore: new Date(at) } : w.item);
  }
  await recordSendsAt(tx, forumId, booked);
  for (const g of byOwner.values()) await d.delivery.enqueue({ forumId, ownerKind: `${g.ownerKind}#edit`, ownerId: g.ownerId, items: g.items }, tx);
}

/** JSON with object keys in one order (jsonb reorders them), to compare stored entities with new ones. */
function stableJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(",")}}`;
}

function sortedIndex(xs: number[], x: number) {
  let i = xs.length;
  while (i > 0 && xs[i - 1]! > x) i--;
  return i;
}

/**
 * An edit that no longer fits beside the header in a copy that was sent with one: the copy keeps
 * its header and shows as much of the new text as Telegram allows.
 */
function clampFor(r: RelayRow, author: AuthorView, plan: Plan): RelayRow {
  if (plan === "headerLine" || !r.text) return r;
  const limit = (plan === "text" ? 4096 : 1024) - [...`${author.name} · ${author.place}\n`].length;
  const chars = [...r.text];
  if (chars.length <= limit) return r;
  const text = chars.slice(0, Math.max(0, limit - 1)).join("") + "…";
  return { ...r, text, entities: ((r.entities as Array<{ offset: number; length: number }>) ?? []).filter((x) => x.offset + x.length <= text.length - 1) };
}

/**
 * Digests holding this message, rendered again: the edits of their copies (paced by the caller),
 * and the digests with nothing left in them (to delete).
 */
async function digestRewrites(d: DiscussionDeps, renderer: DiscussionRenderer, db: Tx | Prisma, relayId: number) {
  const edits: EditWanted[] = [];
  const empty: Array<{ id: number; forumId: number }> = [];
  const holding = await db.relayDigestItem.findMany({ where: { relayId, digestId: { not: null } }, select: { digestId: true } });
  for (const { digestId } of holding) {
    const digest = await db.relayDigest.findUnique({
      where: { id: digestId! },
      include: { items: { orderBy: { id: "asc" }, include: { relay: true } } },
    });
    if (!digest) continue;
    const live = digest.items.filter((i) => i.relay.state === "relayed");
    if (live.length === 0) {
      empty.push({ id: digest.id, forumId: digest.forumId });
      continue;
    }
    const topic = await db.topic.findUnique({ where: { id: digest.topicId }, select: { title: true } });
    const authors = await authorViews(db, renderer, live.map((i) => i.relay as RelayRow));
    const { f } = digestOf(renderer, topic?.title ?? "", live.map((i) => ({ r: i.relay as RelayRow, author: authors.get(i.relayId)! })));
    for (const c of await d.delivery.copies(OWNER.digest, digest.id, db)) {
      if (LIVE_COPY.has(c.state) && c.recipientKey?.startsWith("c:")) {
        edits.push({ ownerKind: OWNER.digest, ownerId: digest.id, item: editItem(c, { method: "editMessageText", params: { text: f.text, entities: f.entities } }) });
      }
    }
  }
  return { edits, empty };
}

export interface RemoveRequest {
  chatId: number;
  /** The message the command answers. */
  messageId: number;
  /** "delete": the author (or a moderator) takes it back; "hide": a moderator removes it. */
  mode: "delete" | "hide";
}

export interface RemoveResult {
  removed: number;
  topicTitle: string;
  /** Authors whose messages a moderator hid (to tell them), other than the actor. */
  hiddenAuthors: number[];
}

/**
 * `/hapus` and `/sembunyikan`: the message and every copy of it disappear from every group; a
 * digest that held it is rewritten without it; messages still waiting are dropped.
 */
export async function removeRelayed(d: DiscussionDeps, renderer: DiscussionRenderer, actor: Actor, req: RemoveRequest): Promise<RemoveResult> {
  const answered = await resolveAnswered(d, req.chatId, req.messageId, null);
  if (!answered) throw new NotFound("relay_not_found");
  if (answered.digestRelayIds?.length === 0) throw new NotFound("relay_already_removed");
  if (answered.relayId === null) throw new NotFound("relay_is_topic_card");
  const ids = answered.digestRelayIds ?? [answered.relayId];
  let relays = await d.prisma.relayMessage.findMany({ where: { id: { in: ids }, state: "relayed" }, include: { topic: { select: { title: true, forumId: true } } } });
  // The copy of an album shows the whole album: removing it removes every item of it. (Answering
  // one original item in its own group names that item alone.)
  const albums = answered.viaCopy ? relays.filter((r) => r.mediaGroupId) : [];
  if (albums.length) {
    const siblings = await d.prisma.relayMessage.findMany({
      where: { OR: albums.map((r) => ({ sourceChatId: r.sourceChatId, mediaGroupId: r.mediaGroupId })), state: "relayed", id: { notIn: relays.map((r) => r.id) } },
      include: { topic: { select: { title: true, forumId: true } } },
    });
    relays = [...relays, ...siblings];
  }
  if (relays.length === 0) throw new NotFound("relay_already_removed");
  const forumId = relays[0]!.forumId;
  // Rights from the server: moderators act on any message of their forum, authors on their own.
  const moderator = actor.access.canModerate(forumId);
  if (req.mode === "hide" && !moderator) throw new NotAllowed("not_moderator");
  const mine = moderator ? relays : relays.filter((r) => r.authorId === actor.personId);
  if (mine.length === 0) throw new NotAllowed("relay_not_yours");
  const now = d.clock.now();
  await d.prisma.$transaction(
    async (tx) => {
      // Before any write: the digests rewritten below need these groups' locks (see applyEdit).
      await lockTopicChats(tx, forumId, [...new Set(mine.map((r) => r.topicId))], mine.map((r) => r.sourceChatId));
      for (const r of mine) {
        const state = req.mode === "hide" || r.authorId !== actor.personId ? "hidden" : "deleted";
        await tx.relayMessage.update({ where: { id: r.id }, data: { state, moderatedById: actor.personId, editedAt: now } });
        await tx.relayDigestItem.deleteMany({ where: { relayId: r.id, digestId: null } });
        await d.delivery.deleteCopies(OWNER.relay, r.id, { forumId }, tx);
        if (r.mediaGroupId) await deleteAlbumItemCopies(d, tx, forumId, r);
        // An edit still waiting would only fail on the deleted copies.
        const pendingEdits = (await d.delivery.copies(`${OWNER.relay}#edit`, r.id, tx)).filter((c) => c.state === "queued");
        for (const batchId of new Set(pendingEdits.map((c) => c.batchId))) await d.delivery.cancelBatch(batchId, tx);
        // The original in its own group too; this needs the bot to be an admin there, else it stays.
        await d.delivery.enqueue({ forumId, ownerKind: OWNER.source, ownerId: r.id, items: [{ chatId: r.sourceChatId, payload: { op: "delete", messageId: r.sourceMessageId } }] }, tx);
        await audit(tx, { forumId, actorId: actor.personId, action: state === "hidden" ? "discussion.hide" : "discussion.delete", target: `relay:${r.id}`, details: { topicId: r.topicId }, at: now });
      }
      // Digests that showed them are rewritten without them (at the groups' pace; an edit of the
      // same digest still waiting takes the new text), or deleted when nothing is left.
      const edits: EditWanted[] = [];
      const empty = new Map<number, number>();
      for (const r of mine) {
        const rw = await digestRewrites(d, renderer, tx, r.id);
        edits.push(...rw.edits);
        for (const x of rw.empty) empty.set(x.id, x.forumId);
      }
      for (const [id, fid] of empty) await d.delivery.deleteCopies(OWNER.digest, id, { forumId: fid }, tx);
      await pacedEdits(d, tx, forumId, edits, now.getTime());
    },
    { timeout: 30_000, maxWait: 15_000 },
  );
  d.delivery.kick();
  return {
    removed: mine.length,
    topicTitle: mine[0]!.topic.title,
    hiddenAuthors: [...new Set(mine.filter((r) => r.authorId !== actor.personId).map((r) => r.authorId))],
  };
}


/** The album a relayed item went out in: its first item's row (the copy's owner) and the item's place in it. */
async function albumPlace(db: Tx | Prisma, r: { id: number; sourceChatId: bigint; mediaGroupId: string | null }) {
  if (!r.mediaGroupId) return null;
  const rows = await db.relayMessage.findMany({ where: { sourceChatId: r.sourceChatId, mediaGroupId: r.mediaGroupId }, select: { id: true, media: true } });
  for (const a of rows) {
    const album = (a.media as { album?: unknown } | null)?.album;
    if (Array.isArray(album) && album.includes(r.id)) return { anchorId: a.id, index: album.indexOf(r.id) };
  }
  return null;
}

/**
 * Item j of an album copy: the outbox keeps every message id of it (a busy group's messages may
 * land between an album's); copies sent before it did fall back to the first id + j.
 */
async function albumItemCopies(d: DiscussionDeps, db: Tx | Prisma, r: { id: number; sourceChatId: bigint; mediaGroupId: string | null }) {
  const place = await albumPlace(db, r);
  if (!place || place.index === 0) return [];
  const copies = await d.delivery.copies(OWNER.relay, place.anchorId, db);
  return copies.filter((c) => c.state === "sent" && c.telegramMessageId && c.recipientKey?.startsWith("c:")).map((c) => ({ copy: c, messageId: c.albumMessageIds[place.index] ?? c.telegramMessageId! + place.index }));
}

/** An album item other than the first is removed: its message in each group's album copy goes. */
async function deleteAlbumItemCopies(d: DiscussionDeps, tx: Tx, forumId: number, r: { id: number; sourceChatId: bigint; mediaGroupId: string | null }) {
  const items = (await albumItemCopies(d, tx, r)).map(({ copy, messageId }) => ({
    chatId: copy.chatId,
    recipientKey: copy.recipientKey ?? undefined,
    priority: 10,
    payload: { op: "delete" as const, messageId },
  }));
  if (items.length) await d.delivery.enqueue({ forumId, ownerKind: `${OWNER.relay}#delete`, ownerId: r.id, items }, tx);
}

const albumOwner = (chatId: bigint, groupId: string) => `album:${chatId}:${groupId}`;

/** Makes sure one job will gather the album; the items of one album arrive while it waits. */
async function ensureAlbumJob(d: DiscussionDeps, tx: Tx, forumId: number, chatId: bigint, groupId: string, at: Date) {
  const ownerId = albumOwner(chatId, groupId);
  const pending = await tx.job.count({ where: { kind: JOB.album, ownerId, doneAt: null, cancelledAt: null } });
  if (pending > 0) return;
  await d.jobs.schedule({ kind: JOB.album, ownerId, forumId, dueAt: at, payload: { chatId: String(chatId), groupId } }, tx);
}

/** The album's item types Telegram takes in sendMediaGroup. */
const ALBUM_TYPES = new Set(["photo", "video", "document", "audio"]);

/**
 * Job step (inside the job's transaction): the items of one album stored so far go out as one
 * album per group — the header on the first item's caption, threaded like a single message —
 * where the group's pace has room for all its items; elsewhere they wait for the group's digest
 * like any message. Items hidden or deleted meanwhile stay out. Returns how many groups got it.
 */
export async function relayAlbum(d: DiscussionDeps, renderer: DiscussionRenderer, tx: Tx, chatId: bigint, groupId: string): Promise<number> {
  const first = await tx.relayMessage.findFirst({ where: { sourceChatId: chatId, mediaGroupId: groupId, albumPending: true }, orderBy: { sourceMessageId: "asc" } });
  if (!first) return 0;
  const topic = await tx.topic.findUnique({ where: { id: first.topicId } });
  const targets = topic ? (await activeTargets(tx, topic)).filter((t) => t.chatId !== chatId) : [];
  // The source group's lock with the targets' in one ordered call: two jobs of one album (two
  // instances) run one after the other, and relays taking the same locks never wait in a circle.
  await lockChats(tx, [chatId, ...targets.map((t) => t.chatId)]);
  const rows = await tx.relayMessage.findMany({ where: { sourceChatId: chatId, mediaGroupId: groupId, albumPending: true }, orderBy: { sourceMessageId: "asc" } });
  if (rows.length === 0) return 0;
  await tx.relayMessage.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { albumPending: false } });
  const live = rows.filter((r) => r.state === "relayed") as unknown as RelayRow[];
  if (!topic || live.length === 0 || targets.length === 0) return 0;
  // Muted, or the topic closed, while the album gathered: it stays out, as a message sent now would.
  const now0 = d.clock.now();
  const closed = topic.state !== "open" || (topic.endsAt !== null && topic.endsAt <= now0);
  const muted = await tx.discussionMute.findFirst({ where: { forumId: topic.forumId, personId: live[0]!.authorId, liftedAt: null, until: { gt: now0 } }, select: { id: true } });
  if (closed || muted) {
    await tx.relayMessage.updateMany({ where: { id: { in: live.map((r) => r.id) } }, data: { state: "hidden", editedAt: now0 } });
    return 0;
  }
  const anchor = live[0]!;
  const author = (await authorViews(tx, renderer, [anchor])).get(anchor.id)!;
  const refs = await replyRefs(d, topic.id, (rows[0] as { replyToId: number | null }).replyToId, tx);
  const fileOf = (r: RelayRow) => (r.media as Record<string, unknown> | null)?.fileId;
  // One item left (the others removed), or something Telegram would not group: a normal relay.
  if (live.length === 1 || live.some((r) => !ALBUM_TYPES.has(r.kind) || typeof fileOf(r) !== "string")) {
    let n = 0;
    for (const r of live) n += (await distribute(d, tx, r, targets, refs, (await authorViews(tx, renderer, [r])).get(r.id)!)).direct;
    return n;
  }

  // The items in the order they went out: item j of a copy is its j-th stored message id.
  await tx.relayMessage.update({ where: { id: anchor.id }, data: { media: { ...((anchor.media as object | null) ?? {}), album: live.map((r) => r.id) } } });
  const ids = targets.map((t) => t.chatId);
  const now = d.clock.now();
  const waitingRows = await tx.relayDigestItem.groupBy({ by: ["chatId"], where: { chatId: { in: ids }, digestId: null } });
  const waiting = new Set(waitingRows.map((w) => String(w.chatId)));
  const sends = await ledger(tx, ids, now);
  // An album counts as its item count in the group's pace (Telegram counts each message).
  const need = live.length;
  const head = bodyOf(author, clampFor(anchor, author, "caption"));
  const media = live.map((r, i) => {
    const caption = i === 0 ? { caption: head.text, caption_entities: head.entities } : r.text ? { caption: r.text, caption_entities: (r.entities as TgEntity[] | null) ?? [] } : {};
    return { type: r.kind, media: fileOf(r) as string, ...caption };
  });
  const items: EnqueueItem[] = [];
  const booked: Array<{ chatId: bigint; at: Date }> = [];
  const deferred: Array<{ chatId: bigint; at: Date }> = [];
  for (const t of targets) {
    const k = String(t.chatId);
    const past = sends.get(k) ?? [];
    // A group's burst holds about 3 sends: a bigger album waits whole for its slots (booked now in
    // the ledger, so later messages queue behind it) rather than falling apart into a digest.
    const wait = waitForRoom(past, now.getTime(), need);
    if (!waiting.has(k) && wait <= ALBUM_HOLD_MAX_MS) {
      const reply = refs.get(k);
      const at = new Date(now.getTime() + wait);
      items.push({
        chatId: t.chatId,
        recipientKey: mainKey(t.chatId),
        payload: {
          op: "send",
          method: "sendMediaGroup",
          params: {
            media,
            ...(t.threadId ? { message_thread_id: t.threadId } : {}),
            ...(reply ? { reply_parameters: { message_id: reply, allow_sending_without_reply: true } } : {}),
          },
        },
        ...(wait > 0 ? { notBefore: at } : {}),
      });
      for (let i = 0; i < need; i++) booked.push({ chatId: t.chatId, at });
    } else {
      const at = now.getTime() + waitForRoom(past, now.getTime(), 1) + (waiting.has(k) ? 0 : phaseOf(t.chatId));
      deferred.push({ chatId: t.chatId, at: new Date(at) });
    }
  }
  if (deferred.length) {
    // A busy group gets the items in its next digest, as it would get them one by one.
    await tx.relayDigestItem.createMany({
      data: deferred.flatMap((x) => live.map((r) => ({ forumId: r.forumId, topicId: r.topicId, relayId: r.id, chatId: x.chatId, createdAt: now }))),
    });
    await ensureFlushMany(d, tx, anchor.forumId, deferred);
  }
  if (items.length) {
    // The outbox keeps the album's first message id, the copy of the anchor item: replies,
    // /hapus and caption edits of the first item find it.
    await d.delivery.enqueue({ forumId: anchor.forumId, ownerKind: OWNER.relay, ownerId: anchor.id, items }, tx);
    await recordSendsAt(tx, anchor.forumId, booked);
  }
  return items.length;
}

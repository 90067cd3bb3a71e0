import { termsOf } from "../forum/terms.js";
import type { EnqueueItem } from "../../delivery/types.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { activeTargets, recordSends } from "./store.js";
import { JOB, mainKey, OWNER, type Actor, type DiscussionDeps, type DiscussionRenderer, type Tx } from "./types.js";
import { audit } from "../privasi/audit.js";

export const TITLE_MIN = 3;
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const NOTE_MAX = 1000;
export const SLOW_MODES = [0, 30, 60, 300, 900] as const;

/** Admins, moderators and perangkat desa open topics; residents take part in them. */
export function canOpenTopic(actor: Actor, forumId: number) {
  return actor.access.canModerate(forumId) || actor.access.isOfficial(forumId);
}

/**
 * Closing and slow mode: moderators and admins, and whoever opened the topic while they still hold
 * a role that may open topics (rights follow the current role, not the creator column alone).
 */
export function canManageTopic(actor: Actor, topic: { forumId: number; createdById: number }) {
  return actor.access.canModerate(topic.forumId) || (topic.createdById === actor.personId && canOpenTopic(actor, topic.forumId));
}

export interface OpenTopicInput {
  forumId: number;
  title: string;
  description: string;
  /** null = every village of the forum. */
  villageIds: number[] | null;
  endsAt: Date | null;
}

export function cleanTitle(s: string) {
  return s.trim().replace(/\s+/g, " ");
}

export function validateTitle(title: string): string | null {
  if (title.length < TITLE_MIN) return "topic_title_short";
  if (title.length > TITLE_MAX) return "topic_title_long";
  return null;
}

/**
 * Opens a topic and posts its card in every participating village group. The kecamatan
 * supergroup's thread (if any) is added by the bot layer, which creates the Telegram topic first.
 */
export async function openTopic(d: DiscussionDeps, renderer: DiscussionRenderer, actor: Actor, input: OpenTopicInput) {
  if (!canOpenTopic(actor, input.forumId)) throw new NotAllowed("topic_not_allowed");
  const title = cleanTitle(input.title);
  const bad = validateTitle(title);
  if (bad) throw new InvalidInput(bad, { min: TITLE_MIN, max: TITLE_MAX });
  const description = input.description.trim();
  if (description.length > DESCRIPTION_MAX) throw new InvalidInput("topic_description_long", { max: DESCRIPTION_MAX });
  const now = d.clock.now();
  if (input.endsAt && input.endsAt.getTime() <= now.getTime() + 5 * 60_000) throw new InvalidInput("topic_end_past");
  const forum = await d.prisma.forum.findUnique({ where: { id: input.forumId }, select: { id: true, timezone: true, villageTerm: true, councilTerm: true } });
  if (!forum) throw new NotFound("forum_not_found");
  let villageIds = input.villageIds;
  if (villageIds) {
    villageIds = [...new Set(villageIds)];
    const found = await d.prisma.village.count({ where: { forumId: forum.id, retiredAt: null, id: { in: villageIds } } });
    if (found !== villageIds.length || villageIds.length === 0) throw new InvalidInput("village_not_found");
  }
  const groups = await d.prisma.chatLink.findMany({
    where: { forumId: forum.id, active: true, kind: "village_group", ...(villageIds ? { villageId: { in: villageIds } } : {}) },
    orderBy: { id: "asc" },
    select: { telegramChatId: true, villageId: true },
  });
  if (groups.length === 0) throw new InvalidInput("topic_no_groups");
  const villages = villageIds
    ? await d.prisma.village.findMany({ where: { forumId: forum.id, id: { in: villageIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } })
    : null;
  const card = renderer.topicCard({ title, description, villageNames: villages?.map((v) => v.name) ?? null, endsAt: input.endsAt, timezone: forum.timezone, terms: termsOf(forum) });

  const topic = await d.prisma.$transaction(async (tx) => {
    const t = await tx.topic.create({
      data: {
        forumId: forum.id,
        title,
        description,
        allVillages: villageIds === null,
        endsAt: input.endsAt,
        createdById: actor.personId,
        createdAt: now,
      },
    });
    if (villageIds) await tx.topicVillage.createMany({ data: villageIds.map((villageId) => ({ topicId: t.id, villageId })) });
    await tx.topicChat.createMany({ data: groups.map((g) => ({ topicId: t.id, forumId: forum.id, villageId: g.villageId, chatId: g.telegramChatId })) });
    const items: EnqueueItem[] = groups.map((g) => ({
      chatId: g.telegramChatId,
      recipientKey: mainKey(g.telegramChatId),
      payload: { op: "send", method: "sendMessage", params: { ...card, link_preview_options: { is_disabled: true } } },
    }));
    await d.delivery.enqueue({ forumId: forum.id, ownerKind: OWNER.topic, ownerId: t.id, items }, tx);
    await recordSends(tx, forum.id, groups.map((g) => g.telegramChatId), now);
    if (input.endsAt) await d.jobs.schedule({ kind: JOB.close, ownerId: t.id, forumId: forum.id, dueAt: input.endsAt }, tx);
    await audit(tx, { forumId: forum.id, actorId: actor.personId, action: "discussion.open", target: `topic:${t.id}`, details: { groups: groups.length }, at: now });
    return t;
  });
  d.delivery.kick();
  const kecamatan = await d.prisma.chatLink.findFirst({
    where: { forumId: forum.id, active: true, kind: "kecamatan_group", isForum: true },
    select: { telegramChatId: true },
    orderBy: { id: "asc" },
  });
  return { topic, groups: groups.length, kecamatanChatId: kecamatan?.telegramChatId ?? null };
}

/** The topic's own thread in the kecamatan supergroup joins like a village group. */
export async function attachThread(d: DiscussionDeps, renderer: DiscussionRenderer, topicId: number, chatId: bigint, threadId: number) {
  const topic = await d.prisma.topic.findUniqueOrThrow({ where: { id: topicId } });
  const forum = await d.prisma.forum.findUniqueOrThrow({ where: { id: topic.forumId }, select: { timezone: true, villageTerm: true, councilTerm: true } });
  const link = await d.prisma.chatLink.findUnique({ where: { telegramChatId: chatId } });
  if (!link?.active || link.forumId !== topic.forumId) throw new NotAllowed("not_in_forum");
  const villageNames = topic.allVillages
    ? null
    : (await d.prisma.village.findMany({ where: { forumId: topic.forumId, id: { in: (await d.prisma.topicVillage.findMany({ where: { topicId } })).map((v) => v.villageId) } }, orderBy: { name: "asc" } })).map((v) => v.name);
  const card = renderer.topicCard({ title: topic.title, description: topic.description, villageNames, endsAt: topic.endsAt, timezone: forum.timezone, terms: termsOf(forum) });
  await d.prisma.$transaction(async (tx) => {
    await tx.topicChat.create({ data: { topicId, forumId: topic.forumId, villageId: null, chatId, threadId } });
    await d.delivery.enqueue(
      {
        forumId: topic.forumId,
        ownerKind: OWNER.topic,
        ownerId: topicId,
        items: [{ chatId, recipientKey: mainKey(chatId), payload: { op: "send", method: "sendMessage", params: { ...card, message_thread_id: threadId, link_preview_options: { is_disabled: true } } } }],
      },
      tx,
    );
    await recordSends(tx, topic.forumId, [chatId], d.clock.now());
  });
  d.delivery.kick();
}

export interface TopicSummary {
  id: number;
  title: string;
  allVillages: boolean;
  villageIds: number[];
  endsAt: Date | null;
  slowModeSeconds: number;
  messages: number;
  createdById: number;
  state: "open" | "closed";
  closedAt: Date | null;
}

/** Open topics of a forum (or those a village takes part in), newest first, with message counts. */
export async function listTopics(d: DiscussionDeps, forumId: number, opts: { villageId?: number | null; state?: "open" | "closed" | "any"; take?: number } = {}): Promise<TopicSummary[]> {
  const state = opts.state ?? "open";
  const topics = await d.prisma.topic.findMany({
    where: {
      forumId,
      ...(state === "any" ? {} : { state }),
      ...(opts.villageId ? { OR: [{ allVillages: true }, { villages: { some: { villageId: opts.villageId } } }] } : {}),
    },
    include: { villages: { select: { villageId: true } } },
    orderBy: { id: "desc" },
    take: opts.take ?? 100,
  });
  const counts = topics.length
    ? await d.prisma.relayMessage.groupBy({ by: ["topicId"], where: { forumId, topicId: { in: topics.map((t) => t.id) }, state: "relayed" }, _count: { _all: true } })
    : [];
  const byTopic = new Map(counts.map((c) => [c.topicId, c._count._all]));
  return topics.map((t) => ({
    id: t.id,
    title: t.title,
    allVillages: t.allVillages,
    villageIds: t.villages.map((v) => v.villageId),
    endsAt: t.endsAt,
    slowModeSeconds: t.slowModeSeconds,
    messages: byTopic.get(t.id) ?? 0,
    createdById: t.createdById,
    state: t.state,
    closedAt: t.closedAt,
  }));
}

/** One topic of a forum; never another forum's, whatever id was asked for. */
export async function getTopic(d: DiscussionDeps, forumId: number, topicId: number) {
  const t = await d.prisma.topic.findFirst({ where: { id: topicId, forumId } });
  if (!t) throw new NotFound("topic_not_found");
  return t;
}

export async function setSlowMode(d: DiscussionDeps, actor: Actor, forumId: number, topicId: number, seconds: number) {
  const topic = await getTopic(d, forumId, topicId);
  if (!canManageTopic(actor, topic)) throw new NotAllowed("topic_not_manager");
  if (!(SLOW_MODES as readonly number[]).includes(seconds)) throw new InvalidInput("slow_mode_bad");
  if (topic.state !== "open") throw new Conflict("topic_closed", { title: topic.title });
  return d.prisma.topic.update({ where: { id: topic.id }, data: { slowModeSeconds: seconds } });
}

/**
 * Ends the relay: the topic is closed, a closing note goes to every group (answering the card), and
 * the kecamatan thread is closed too. `actor` null = the scheduled end date came.
 */
export async function closeTopic(
  d: DiscussionDeps,
  renderer: DiscussionRenderer,
  actor: Actor | null,
  ref: { forumId: number | null; topicId: number },
  note: string | null,
  tx?: Tx,
) {
  const run = async (db: Tx) => {
    const topic = await db.topic.findFirst({ where: { id: ref.topicId, ...(ref.forumId !== null ? { forumId: ref.forumId } : {}) } });
    if (!topic) throw new NotFound("topic_not_found");
    if (actor && !canManageTopic(actor, topic)) throw new NotAllowed("topic_not_manager");
    if (topic.state !== "open") {
      if (!actor) return null; // a scheduled close after a manual one: nothing to do
      throw new Conflict("topic_closed", { title: topic.title });
    }
    const cleanNote = note?.trim() ? note.trim().slice(0, NOTE_MAX) : null;
    const now = d.clock.now();
    const updated = await db.topic.updateMany({
      where: { id: topic.id, state: "open" },
      data: { state: "closed", closedAt: now, closedById: actor?.personId ?? null, closeNote: cleanNote },
    });
    if (updated.count !== 1) return null;
    const [messages, villages] = await Promise.all([
      db.relayMessage.count({ where: { topicId: topic.id, state: "relayed" } }),
      db.relayMessage.findMany({ where: { topicId: topic.id, state: "relayed" }, distinct: ["villageId"], select: { villageId: true } }),
    ]);
    const forumRow = await db.forum.findUnique({ where: { id: topic.forumId }, select: { villageTerm: true, councilTerm: true } });
    const text = renderer.closeNote({ title: topic.title, note: cleanNote, auto: actor === null, messages, villages: villages.length, terms: termsOf(forumRow) });
    const targets = await activeTargets(db, topic);
    const cards = await d.delivery.copies(OWNER.topic, topic.id, db);
    const items: EnqueueItem[] = [];
    for (const t of targets) {
      const card = cards.find((c) => c.chatId === t.chatId && c.state === "sent")?.telegramMessageId;
      items.push({
        chatId: t.chatId,
        recipientKey: mainKey(t.chatId),
        payload: {
          op: "send",
          method: "sendMessage",
          params: {
            ...text,
            ...(t.threadId ? { message_thread_id: t.threadId } : {}),
            ...(card ? { reply_parameters: { message_id: card, allow_sending_without_reply: true } } : {}),
          },
        },
      });
      // The kecamatan thread is closed after its note, so nobody writes into a finished topic.
      if (t.threadId) items.push({ chatId: t.chatId, recipientKey: `thread:${t.chatId}`, payload: { op: "send", method: "closeForumTopic", params: { message_thread_id: t.threadId } } });
    }
    await d.delivery.enqueue({ forumId: topic.forumId, ownerKind: OWNER.note, ownerId: topic.id, items }, db);
    await recordSends(db, topic.forumId, targets.map((t) => t.chatId), now);
    await d.jobs.cancel(JOB.close, topic.id, db);
    await audit(db, { forumId: topic.forumId, actorId: actor?.personId ?? null, action: "discussion.close", target: `topic:${topic.id}`, details: { auto: actor === null }, at: now });
    return { topic: { ...topic, state: "closed" as const }, groups: targets.length, messages };
  };
  if (tx) return run(tx);
  const out = await d.prisma.$transaction(run, { timeout: 30_000, maxWait: 15_000 });
  d.delivery.kick();
  return out;
}

/** How many chats a topic still reaches (village groups and the kecamatan thread). */
export async function activeTargetsCount(d: DiscussionDeps, topic: { id: number; forumId: number }) {
  return (await activeTargets(d.prisma, topic)).length;
}

/**
 * A village group became a supergroup (new chat id): its place in topics, waiting messages and
 * send ledger follow it, so the topic keeps reaching it and its replies keep being relayed.
 */
export async function migrateDiscussionChat(d: DiscussionDeps, oldChatId: bigint, newChatId: bigint) {
  if (oldChatId === newChatId) return 0;
  return d.prisma.$transaction(async (tx) => {
    const moved = await tx.topicChat.updateMany({ where: { chatId: oldChatId }, data: { chatId: newChatId } });
    await tx.relayDigestItem.updateMany({ where: { chatId: oldChatId }, data: { chatId: newChatId } });
    await tx.relaySend.updateMany({ where: { chatId: oldChatId }, data: { chatId: newChatId } });
    await tx.job.updateMany({ where: { kind: JOB.flush, ownerId: `chat:${oldChatId}`, doneAt: null, cancelledAt: null }, data: { ownerId: `chat:${newChatId}`, payload: { chatId: String(newChatId) } } });
    return moved.count;
  });
}

/**
 * Village groups linked after the topic opened (or linked again): active groups of the topic's
 * villages that have no card of it yet. The kecamatan thread joins through attachThread instead.
 */
export async function groupsToJoin(d: DiscussionDeps, topic: { id: number; forumId: number; allVillages: boolean }) {
  const villageIds = topic.allVillages ? null : (await d.prisma.topicVillage.findMany({ where: { topicId: topic.id } })).map((v) => v.villageId);
  const have = await d.prisma.topicChat.findMany({ where: { topicId: topic.id, forumId: topic.forumId }, select: { chatId: true } });
  const links = await d.prisma.chatLink.findMany({
    where: {
      forumId: topic.forumId,
      active: true,
      kind: "village_group",
      telegramChatId: { notIn: have.map((c) => c.chatId) },
      ...(villageIds ? { villageId: { in: villageIds } } : {}),
    },
    orderBy: { id: "asc" },
    select: { id: true, title: true, villageId: true, telegramChatId: true },
  });
  return links;
}

/**
 * A group linked after the topic opened joins it, as the one who manages the topic chooses: the
 * card is posted there and relay works there from now on. Audited.
 */
export async function joinTopic(d: DiscussionDeps, renderer: DiscussionRenderer, actor: Actor, topicId: number, chatLinkId: number) {
  const topic = await d.prisma.topic.findFirst({ where: { id: topicId, forumId: { in: actor.access.forumIds() } } });
  if (!topic) throw new NotFound("topic_not_found");
  if (!canManageTopic(actor, topic)) throw new NotAllowed("topic_not_manager");
  if (topic.state !== "open") throw new Conflict("topic_closed", { title: topic.title });
  const link = (await groupsToJoin(d, topic)).find((l) => l.id === chatLinkId);
  if (!link) throw new NotFound("topic_group_not_joinable");
  const forum = await d.prisma.forum.findUniqueOrThrow({ where: { id: topic.forumId }, select: { timezone: true, villageTerm: true, councilTerm: true } });
  const villageNames = topic.allVillages
    ? null
    : (await d.prisma.village.findMany({ where: { forumId: topic.forumId, id: { in: (await d.prisma.topicVillage.findMany({ where: { topicId } })).map((v) => v.villageId) } }, orderBy: { name: "asc" } })).map((v) => v.name);
  const card = renderer.topicCard({ title: topic.title, description: topic.description, villageNames, endsAt: topic.endsAt, timezone: forum.timezone, terms: termsOf(forum) });
  const now = d.clock.now();
  await d.prisma.$transaction(async (tx) => {
    await tx.topicChat.create({ data: { topicId, forumId: topic.forumId, villageId: link.villageId, chatId: link.telegramChatId } });
    await d.delivery.enqueue(
      {
        forumId: topic.forumId,
        ownerKind: OWNER.topic,
        ownerId: topicId,
        items: [{ chatId: link.telegramChatId, recipientKey: mainKey(link.telegramChatId), payload: { op: "send", method: "sendMessage", params: { ...card, link_preview_options: { is_disabled: true } } } }],
      },
      tx,
    );
    await recordSends(tx, topic.forumId, [link.telegramChatId], now);
    await audit(tx, { forumId: topic.forumId, actorId: actor.personId, action: "discussion.join", target: `topic:${topicId}`, details: { village: link.villageId }, at: now });
  });
  d.delivery.kick();
  return { title: topic.title, group: link.title };
}

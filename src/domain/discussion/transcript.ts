import { termsOf, type ForumTerms } from "../forum/terms.js";
import type { Access } from "../forum/access.js";
import { NotAllowed, NotFound } from "../errors.js";
import type { Actor, DiscussionDeps } from "./types.js";

export interface TranscriptLine {
  at: Date;
  author: string;
  villageId: number | null;
  kind: string;
  text: string | null;
  media: Record<string, string | number> | null;
  edited: boolean;
  replyTo: { author: string; villageId: number | null } | null;
}

export interface VillageCount {
  villageId: number | null;
  messages: number;
  participants: number;
}

export interface Transcript {
  topic: { id: number; title: string; description: string; state: "open" | "closed"; createdAt: Date; closedAt: Date | null; closeNote: string | null; allVillages: boolean };
  forumName: string;
  timezone: string;
  /** The forum's words, for "Kampung Sukajaya" in the file. */
  terms: ForumTerms;
  openedBy: string | null;
  villages: Map<number, string>;
  participating: number[];
  lines: TranscriptLine[];
  perVillage: VillageCount[];
  totals: { messages: number; participants: number };
}

/**
 * Who may read a topic privately: admins, moderators and mitra of the forum; anyone else only
 * when their village (home or as perangkat) takes part in it — the same people who saw its
 * messages in their group.
 */
export function canReadTopic(access: Access, topic: { forumId: number; allVillages: boolean; villages: Array<{ villageId: number }> }) {
  const f = topic.forumId;
  if (access.canModerate(f) || access.has(f, "mitra")) return true;
  const mine = [access.homeVillage(f), ...access.officialVillages(f)].filter((v): v is number => v !== null);
  if (mine.length === 0) return false;
  return topic.allVillages || topic.villages.some((v) => mine.includes(v.villageId));
}

/**
 * Who may read a topic's transcript: see canReadTopic (private chat), or anyone in a group that
 * takes part in it (the messages were shown there already). Hidden and deleted messages never appear.
 */
export async function transcriptFor(d: DiscussionDeps, who: { actor: Actor } | { chatId: number }, topicId: number): Promise<Transcript> {
  const topic = await d.prisma.topic.findUnique({ where: { id: topicId }, include: { villages: true } });
  if (!topic) throw new NotFound("topic_not_found");
  if ("actor" in who) {
    if (!canReadTopic(who.actor.access, topic)) throw new NotFound("topic_not_found");
  } else {
    const here = await d.prisma.topicChat.findUnique({ where: { topicId_chatId: { topicId, chatId: BigInt(who.chatId) } } });
    const link = await d.prisma.chatLink.findUnique({ where: { telegramChatId: BigInt(who.chatId) } });
    if (!here || !link?.active || link.forumId !== topic.forumId) throw new NotAllowed("topic_not_here");
  }
  const [forum, messages, villages, opener] = await Promise.all([
    d.prisma.forum.findUniqueOrThrow({ where: { id: topic.forumId }, select: { name: true, timezone: true, villageTerm: true, councilTerm: true } }),
    d.prisma.relayMessage.findMany({ where: { topicId, forumId: topic.forumId, state: "relayed" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    d.prisma.village.findMany({ where: { forumId: topic.forumId }, select: { id: true, name: true } }),
    d.prisma.person.findUnique({ where: { id: topic.createdById }, select: { firstName: true } }),
  ]);
  const byId = new Map(messages.map((m) => [m.id, m]));
  const lines: TranscriptLine[] = messages.map((m) => {
    const parent = m.replyToId ? byId.get(m.replyToId) : undefined;
    return {
      at: m.createdAt,
      author: m.authorName,
      villageId: m.villageId,
      kind: m.kind,
      text: m.text,
      media: (m.media as Record<string, string | number> | null) ?? null,
      edited: m.editedAt !== null,
      replyTo: parent ? { author: parent.authorName, villageId: parent.villageId } : null,
    };
  });
  const stats = new Map<string, { villageId: number | null; messages: number; people: Set<number> }>();
  for (const m of messages) {
    const k = String(m.villageId);
    let s = stats.get(k);
    if (!s) stats.set(k, (s = { villageId: m.villageId, messages: 0, people: new Set() }));
    s.messages++;
    s.people.add(m.authorId);
  }
  const villageNames = new Map(villages.map((v) => [v.id, v.name]));
  const perVillage = [...stats.values()]
    .map((s) => ({ villageId: s.villageId, messages: s.messages, participants: s.people.size }))
    .sort((a, b) => b.messages - a.messages || (villageNames.get(a.villageId ?? -1) ?? "").localeCompare(villageNames.get(b.villageId ?? -1) ?? ""));
  return {
    topic: {
      id: topic.id,
      title: topic.title,
      description: topic.description,
      state: topic.state,
      createdAt: topic.createdAt,
      closedAt: topic.closedAt,
      closeNote: topic.closeNote,
      allVillages: topic.allVillages,
    },
    forumName: forum.name,
    timezone: forum.timezone,
    terms: termsOf(forum),
    openedBy: opener?.firstName ?? null,
    villages: villageNames,
    participating: topic.allVillages ? villages.map((v) => v.id) : topic.villages.map((v) => v.villageId),
    lines,
    perVillage,
    totals: { messages: messages.length, participants: new Set(messages.map((m) => m.authorId)).size },
  };
}

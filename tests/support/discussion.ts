import type { Chat, Message, User } from "grammy/types";
import { Access } from "../../src/domain/forum/access.js";
import { loadAccess } from "../../src/domain/forum/people.js";
import { flushesSettled, openTopic } from "../../src/domain/discussion/index.js";
import { groupRenderer } from "../../src/bot/features/discussion/render.js";
import type { Harness } from "./harness.js";
import { aForum, personFor, type ForumFixture } from "./world.js";

export interface TopicFixture {
  id: number;
  title: string;
  /** message id of the topic card in each participating group (by chat id) */
  card: Map<number, number>;
}

/** Opens a topic straight through the domain (fast), as the forum's admin, and sends its cards. */
export async function aTopic(
  h: Harness,
  f: ForumFixture,
  opts: { title?: string; description?: string; villages?: number[]; endsAt?: Date; by?: User } = {},
): Promise<TopicFixture> {
  const by = opts.by ?? f.admin;
  const person = await personFor(h, by);
  const access = await loadAccess(h.app.deps.prisma, person.id, false);
  const title = opts.title ?? `Perbaikan jalan ${Math.floor(Math.random() * 1e6)}`;
  const r = await openTopic(h.app.deps, groupRenderer(), { personId: person.id, access: access as Access }, {
    forumId: f.id,
    title,
    description: opts.description ?? "Mohon masukan warga tentang jalan penghubung antardesa.",
    villageIds: opts.villages ? opts.villages.map((i) => f.villages[i]!.id) : null,
    endsAt: opts.endsAt ?? null,
  });
  await h.flush();
  const card = new Map<number, number>();
  for (const v of f.villages) {
    const m = h.fake.sent(v.group.id).find((x) => (x.text ?? "").includes(title));
    if (m) card.set(v.group.id, m.message_id);
  }
  return { id: r.topic.id, title, card };
}

/** A resident writes in their group as a reply to message `replyTo` there; returns their message id. */
export async function replyIn(h: Harness, user: User, group: Chat, replyTo: number, text: string): Promise<number> {
  const u = h.fake.updates.text(user, group, text, { replyTo });
  await h.send(u);
  return u.message!.message_id;
}

/** The bot's messages in a chat whose text or caption contains `needle` (not deleted). */
export function copiesIn(h: Harness, chatId: number, needle: string): Message[] {
  return h.fake.sent(chatId).filter((m) => !m.deleted && ((m.text ?? m.caption ?? "") as string).includes(needle));
}

export function copyIn(h: Harness, chatId: number, needle: string): Message {
  const all = copiesIn(h, chatId, needle);
  if (all.length === 0) {
    const seen = h.fake.sent(chatId).map((m) => m.text ?? m.caption ?? `[${Object.keys(m).find((k) => ["photo", "sticker", "location", "voice", "video", "document", "animation", "audio", "video_note"].includes(k))}]`);
    throw new Error(`no copy with "${needle}" in chat ${chatId}; bot sent: ${JSON.stringify(seen.slice(-6))}`);
  }
  return all[all.length - 1]!;
}

/** Id of the message a bot message replies to, if any. */
export function repliesTo(m: Message): number | undefined {
  return m.reply_to_message?.message_id;
}

/** Opens a topic for every village through the real private conversation (/topik → ➕). */
export async function openTopicByChat(h: Harness, user: User, title: string, description = "Mohon masukan warga."): Promise<void> {
  const { say, press } = await import("./world.js");
  await say(h, user, "/topik");
  await press(h, user, user.id, "Topik baru");
  await say(h, user, title);
  await say(h, user, description);
  await press(h, user, user.id, "Semua desa");
  await press(h, user, user.id, "Tanpa batas");
  await press(h, user, user.id, "Kirim");
  await h.flush();
}

/** Largest number of discussion sends to one chat within any 60 s of the bot's clock. */
export async function maxPerMinute(h: Harness, chatId: number): Promise<number> {
  const rows = await h.app.deps.prisma.delivery.findMany({
    where: { chatId: BigInt(chatId), state: "sent", ownerKind: { startsWith: "discussion." }, payload: { path: ["op"], equals: "send" } },
    select: { sentAt: true },
    orderBy: { sentAt: "asc" },
  });
  const ts = rows.map((r) => r.sentAt!.getTime());
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < ts.length; hi++) {
    while (ts[hi]! - ts[lo]! >= 60_000) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Runs due jobs, waits for the group flushes they started, then sends what is queued. */
export async function tick(h: Harness): Promise<void> {
  await h.tick();
  await flushesSettled(h.app.deps);
  await h.flush();
}

/**
 * A forum's topic in its three groups, a moderator of village 1 and Ani's first message relayed;
 * `mute()` mutes Ani for 2 hours by answering its copy in village 1's group with /bisukan.
 */
export async function aModeratedTopic(h: Harness) {
  const f = await aForum(h);
  const t = await aTopic(h, f);
  const [g0, g1, g2] = f.villages.map((v) => v.group);
  const mod = await f.person("moderator", 1, "Moderator");
  const ani = await f.resident(0, "Ani");
  await replyIn(h, ani, g0!, t.card.get(g0!.id)!, "Pesan pertama");
  await h.flush();
  const mute = async () => {
    await h.send(h.fake.updates.command(mod, g1!, "bisukan", "2 jam berkata kasar", { replyTo: copyIn(h, g1!.id, "Pesan pertama").message_id }));
    await h.flush();
  };
  return { f, t, g0, g1, g2, mod, ani, mute };
}

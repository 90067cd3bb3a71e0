import { termsOf } from "../forum/terms.js";
import type { EnqueueItem } from "../../delivery/types.js";
import { CAPTIONED, type RelayKind } from "./content.js";
import { codePoints, TextBuilder, type Formatted, type TgEntity } from "./text.js";
import { headerKey, mainKey, type DiscussionRenderer } from "./types.js";
import type { Prisma } from "../../infra/db.js";
import type { Tx } from "./types.js";

/** The stored relayed message, as much as composing its copies needs. */
export interface RelayRow {
  id: number;
  forumId: number;
  topicId: number;
  authorId: number;
  authorName: string;
  villageId: number | null;
  sourceChatId: bigint;
  sourceMessageId: number;
  kind: string;
  text: string | null;
  entities: unknown;
  media: unknown;
}

export interface AuthorView {
  name: string;
  place: string;
  /** Telegram user id to link the name to, only where Telegram allows mentions (see below). */
  linkUserId: number | null;
}

/**
 * How a copy carries the author's header:
 * - text: one message, header + text (entities, never parsed);
 * - caption: copyMessage of the media with header + caption as the new caption;
 * - headerLine: a short header message, then the plain copy (stickers, animations, locations,
 *   video notes, and text or captions too long to take a header within Telegram's limits).
 */
export type Plan = "text" | "caption" | "headerLine";

export function planFor(kind: string, text: string | null, header: string): Plan {
  const body = text ?? "";
  if (kind === "text") return codePoints(header) + 1 + codePoints(body) <= 4096 ? "text" : "headerLine";
  if (CAPTIONED.has(kind as RelayKind)) return codePoints(header) + (body ? 1 + codePoints(body) : 0) <= 1024 ? "caption" : "headerLine";
  return "headerLine";
}

export const sendsFor = (plan: Plan) => (plan === "headerLine" ? 2 : 1);

export function headerOf(a: AuthorView): Formatted {
  return new TextBuilder().author(a.name, a.place, a.linkUserId).build();
}

export function bodyOf(a: AuthorView, r: Pick<RelayRow, "text" | "entities">): Formatted {
  const b = new TextBuilder().author(a.name, a.place, a.linkUserId);
  if (r.text) b.plain("\n").user(r.text, r.entities as TgEntity[] | null);
  return b.build();
}

/**
 * Names and villages of authors. A mention links to the person only if they have opened a private
 * chat with the bot: Telegram only guarantees mentions of users who have contacted the bot.
 */
export async function authorViews(db: Tx | Prisma, renderer: DiscussionRenderer, relays: RelayRow[]): Promise<Map<number, AuthorView>> {
  const personIds = [...new Set(relays.map((r) => r.authorId))];
  const villageIds = [...new Set(relays.map((r) => r.villageId).filter((v): v is number => v !== null))];
  const [persons, villages] = await Promise.all([
    db.person.findMany({ where: { id: { in: personIds } }, select: { id: true, telegramUserId: true, canMessage: true } }),
    villageIds.length ? db.village.findMany({ where: { id: { in: villageIds } }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const forumIds = [...new Set(relays.map((r) => r.forumId))];
  const forums = forumIds.length ? await db.forum.findMany({ where: { id: { in: forumIds } }, select: { id: true, villageTerm: true, councilTerm: true } }) : [];
  const terms = new Map(forums.map((f) => [f.id, termsOf(f)]));
  const p = new Map(persons.map((x) => [x.id, x]));
  const v = new Map(villages.map((x) => [x.id, x.name]));
  const out = new Map<number, AuthorView>();
  for (const r of relays) {
    const person = p.get(r.authorId);
    out.set(r.id, {
      name: r.authorName,
      place: renderer.villageLabel(r.villageId !== null ? (v.get(r.villageId) ?? null) : null, terms.get(r.forumId) ?? termsOf(null)),
      linkUserId: person?.canMessage ? Number(person.telegramUserId) : null,
    });
  }
  return out;
}

export interface CopyTarget {
  chatId: bigint;
  threadId: number | null;
}

/** The outbox rows that put one relayed message into one chat. */
export function copyItems(r: RelayRow, t: CopyTarget, replyTo: number | undefined, author: AuthorView, plan: Plan): EnqueueItem[] {
  const place: Record<string, unknown> = {};
  if (t.threadId) place.message_thread_id = t.threadId;
  const reply = replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {};
  const source = { from_chat_id: Number(r.sourceChatId), message_id: r.sourceMessageId };
  if (plan === "text") {
    const f = bodyOf(author, r);
    return [{ chatId: t.chatId, recipientKey: mainKey(t.chatId), payload: { op: "send", method: "sendMessage", params: { text: f.text, entities: f.entities, ...place, ...reply } } }];
  }
  if (plan === "caption") {
    const f = bodyOf(author, r);
    return [{ chatId: t.chatId, recipientKey: mainKey(t.chatId), payload: { op: "send", method: "copyMessage", params: { ...source, caption: f.text, caption_entities: f.entities, ...place, ...reply } } }];
  }
  const h = headerOf(author);
  return [
    { chatId: t.chatId, recipientKey: headerKey(t.chatId), payload: { op: "send", method: "sendMessage", params: { text: h.text, entities: h.entities, ...place, ...reply } } },
    { chatId: t.chatId, recipientKey: mainKey(t.chatId), payload: { op: "send", method: "copyMessage", params: { ...source, ...place } } },
  ];
}

/** The edit that brings one sent copy up to date with the author's edited text or caption. */
export function editFor(r: RelayRow, author: AuthorView, plan: Plan, recipientKey: string | null): { method: string; params: Record<string, unknown> } | null {
  if (!recipientKey?.startsWith("c:")) return null; // header lines carry no text of the author
  if (plan === "text") {
    const f = bodyOf(author, r);
    return { method: "editMessageText", params: { text: f.text, entities: f.entities } };
  }
  if (plan === "caption") {
    const f = bodyOf(author, r);
    return { method: "editMessageCaption", params: { caption: f.text, caption_entities: f.entities } };
  }
  // A plain copy after a header line: the author's own text, as written.
  if (r.kind === "text" && r.text) return { method: "editMessageText", params: { text: r.text, entities: (r.entities as TgEntity[] | null) ?? [] } };
  if (CAPTIONED.has(r.kind as RelayKind)) return { method: "editMessageCaption", params: { caption: r.text ?? "", caption_entities: (r.entities as TgEntity[] | null) ?? [] } };
  return null;
}

const DIGEST_MAX = 4000; // of Telegram's 4096, with room for the heading's digits

/**
 * One message for several relayed messages waiting for the same group: a heading, then each with
 * its author and village. Takes as many (in order) as fit; returns how many it took.
 */
export function digestOf(renderer: DiscussionRenderer, title: string, items: Array<{ r: RelayRow; author: AuthorView }>): { f: Formatted; taken: number } {
  const pieces: Array<(b: TextBuilder) => void> = [];
  let size = codePoints(renderer.digestHeading(items.length, title)) + 2;
  for (const { r, author } of items) {
    const label = r.kind === "text" ? "" : renderer.mediaLabel(r.kind, r.media as Record<string, string | number> | null);
    const body = r.text ?? "";
    const cost = codePoints(`${author.name} · ${author.place}`) + 1 + codePoints(label) + 1 + codePoints(body) + 2;
    if (pieces.length > 0 && size + cost > DIGEST_MAX) break;
    if (pieces.length === 0 && size + cost > DIGEST_MAX) return { f: { text: "", entities: [] }, taken: 0 };
    size += cost;
    pieces.push((b) => {
      b.plain("\n\n").author(author.name, author.place, author.linkUserId).plain("\n");
      if (label) b.italic(label);
      if (label && body) b.plain(" ");
      if (body) b.user(body, r.entities as TgEntity[] | null);
    });
  }
  const b = new TextBuilder().bold(renderer.digestHeading(pieces.length, title));
  for (const p of pieces) p(b);
  return { f: b.build(), taken: pieces.length };
}

import type { Payload } from "../../delivery/types.js";

/**
 * What an announcement looks like on Telegram, built with entities rather than HTML so the
 * author's text is never parsed as markup (and keeps the bold/links they typed). Pure functions.
 */

/** A Bot API MessageEntity; offsets and lengths in UTF-16 code units, like JavaScript strings. */
export interface TextEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: unknown;
}

export interface Part {
  text: string;
  entities: TextEntity[];
}

export type SingleMediaKind = "photo" | "document" | "video" | "voice" | "audio";
export type MediaKind = SingleMediaKind | "album";
/** What Telegram lets a bot put in an album (sendMediaGroup). */
export type AlbumItemKind = "photo" | "video" | "document" | "audio";

export interface AlbumItem {
  kind: AlbumItemKind;
  fileId: string;
}

/** A file sent with the announcement, or an album of 2–10 (then `fileId` is the first item's). */
export interface Media {
  kind: MediaKind;
  fileId: string;
  items?: AlbumItem[];
}

export const ALBUM_MIN = 2;
export const ALBUM_MAX = 10;

const SEND_METHOD: Record<SingleMediaKind, string> = { photo: "sendPhoto", document: "sendDocument", video: "sendVideo", voice: "sendVoice", audio: "sendAudio" };

/**
 * Why Telegram would refuse these items as one album, or null: 2–10 items; documents only with
 * documents and audio only with audio (photos and videos mix).
 */
export function albumProblem(items: AlbumItem[]): "album_size" | "album_mix" | null {
  if (items.length < ALBUM_MIN || items.length > ALBUM_MAX) return "album_size";
  const kinds = new Set(items.map((i) => i.kind));
  if ((kinds.has("document") || kinds.has("audio")) && kinds.size > 1) return "album_mix";
  return null;
}

// Telegram's limits for what a bot sends.
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
/** Fewer meaningful characters than this is not an announcement. */
export const MIN_BODY = 3;

export interface ComposeInput {
  /** First line, bold: "📢 Pengumuman · Desa Sukajaya". */
  header: string;
  /** Last line, italic: "— Budi, perangkat desa". */
  footer: string;
  body: string;
  bodyEntities: TextEntity[];
  media: MediaKind | null;
}

export interface Composition {
  /** All in one message (text, or the media's caption). */
  fits: boolean;
  /** The length of that one message, and its limit. */
  length: number;
  limit: number;
  /** The messages to send: one when it fits, else the split (media first, with the header as caption). */
  parts: Part[];
}

const GAP = "\n\n";

export function isBlank(body: string): boolean {
  return body.replace(/\s/g, "").length < MIN_BODY;
}

/** Lays the announcement out; when it is too long, `parts` holds the split the author may accept. */
export function compose(input: ComposeInput): Composition {
  const limit = input.media ? CAPTION_LIMIT : TEXT_LIMIT;
  const body = input.body.trim();
  const lead = input.body.length - input.body.trimStart().length;
  const entities = sliceEntities(input.bodyEntities, lead, lead + body.length, 0);
  const single = assemble(input.header, body, entities, input.footer);
  if (single.text.length <= limit) return { fits: true, length: single.text.length, limit, parts: [single] };
  return { fits: false, length: single.text.length, limit, parts: split(input.header, body, entities, input.footer, input.media !== null) };
}

function assemble(header: string | null, body: string, entities: TextEntity[], footer: string | null): Part {
  let text = "";
  const out: TextEntity[] = [];
  if (header) {
    out.push({ type: "bold", offset: 0, length: header.length });
    text = header + GAP;
  }
  const shift = text.length;
  text += body;
  for (const e of entities) out.push({ ...e, offset: e.offset + shift });
  if (footer) {
    text += GAP;
    out.push({ type: "italic", offset: text.length, length: footer.length });
    text += footer;
  }
  return { text, entities: out };
}

function split(header: string, body: string, entities: TextEntity[], footer: string, media: boolean): Part[] {
  if (media) {
    // The photo or document carries the header; the text follows in messages of its own.
    const room = TEXT_LIMIT - footer.length - GAP.length;
    const ranges = splitRanges(body, room);
    const caption: Part = { text: header, entities: [{ type: "bold", offset: 0, length: header.length }] };
    return [caption, ...ranges.map(([s, e], i) => assemble(null, body.slice(s, e), sliceEntities(entities, s, e, 0), i === ranges.length - 1 ? footer : null))];
  }
  const room = TEXT_LIMIT - header.length - footer.length - 2 * GAP.length;
  const ranges = splitRanges(body, room);
  return ranges.map(([s, e], i) =>
    assemble(i === 0 ? header : null, body.slice(s, e), sliceEntities(entities, s, e, 0), i === ranges.length - 1 ? footer : null),
  );
}

/**
 * Cuts `text` into [start, end) ranges of at most `max` UTF-16 units, preferring paragraph breaks,
 * then line breaks, then spaces; never inside a surrogate pair. Whitespace at the cuts is dropped.
 */
export function splitRanges(text: string, max: number): Array<[number, number]> {
  if (max < 2) throw new RangeError("max must be at least 2");
  const out: Array<[number, number]> = [];
  const n = text.length;
  const space = (i: number) => /\s/.test(text[i]!);
  let start = 0;
  while (start < n && space(start)) start++;
  while (n - start > max) {
    const window = text.slice(start, start + max + 1);
    let cut = -1;
    for (const sep of ["\n\n", "\n", " "]) {
      const i = window.lastIndexOf(sep);
      // Only a separator that leaves a reasonably full part.
      if (i > 0 && i >= max * 0.3) {
        cut = i;
        break;
      }
    }
    let end = cut > 0 ? start + cut : start + max;
    if (cut <= 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    let e = end;
    while (e > start && space(e - 1)) e--;
    if (e > start) out.push([start, e]);
    start = end;
    while (start < n && space(start)) start++;
  }
  let e = n;
  while (e > start && space(e - 1)) e--;
  if (e > start) out.push([start, e]);
  return out;
}

function isHighSurrogate(c: number) {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The entities inside [start, end), clipped, moved to start at `shift`. */
export function sliceEntities(entities: TextEntity[], start: number, end: number, shift: number): TextEntity[] {
  const out: TextEntity[] = [];
  for (const e of entities) {
    const s = Math.max(e.offset, start);
    const t = Math.min(e.offset + e.length, end);
    if (t > s) out.push({ ...e, offset: s - start + shift, length: t - s });
  }
  return out;
}

/** Joins a continuation the Telegram app split off a long text (it sends one message per 4096). */
export function appendText(a: { text: string; entities: TextEntity[] }, b: { text: string; entities: TextEntity[] }) {
  const shift = a.text.length + 1;
  return { text: `${a.text}\n${b.text}`, entities: [...a.entities, ...b.entities.map((e) => ({ ...e, offset: e.offset + shift }))] };
}

/** First line of the body, short, for lists. */
export function excerptOf(body: string, max = 60): string {
  const line = body.trim().split(/\n/)[0]!.trim();
  if (line.length <= max) return line;
  return `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The outbox payloads one recipient gets, in order. The preview sends exactly these to the author.
 * Pinning is for groups, and only the first message.
 */
export function recipientPayloads(
  b: { parts: Part[]; media: Media | null; pin: boolean; silent: boolean },
  opts: { group: boolean },
): Payload[] {
  const silent = b.silent ? { disable_notification: true } : {};
  const pin = b.pin && opts.group;
  return b.parts.map((p, i): Payload => {
    const first = i === 0;
    const common = { pin: first && pin ? true : undefined, silentPin: first && pin ? b.silent : undefined };
    if (first && b.media?.kind === "album") {
      // One album: the caption (header, text, signature) rides on its first item.
      const media = (b.media.items ?? []).map((it, j) => ({
        type: it.kind,
        media: it.fileId,
        ...(j === 0 ? { caption: p.text, ...(p.entities.length ? { caption_entities: p.entities } : {}) } : {}),
      }));
      return { op: "send", method: "sendMediaGroup", params: { media, ...silent }, ...clean(common) };
    }
    if (first && b.media) {
      return {
        op: "send",
        method: SEND_METHOD[b.media.kind as SingleMediaKind],
        params: { [b.media.kind]: b.media.fileId, caption: p.text, ...(p.entities.length ? { caption_entities: p.entities } : {}), ...silent },
        ...clean(common),
      };
    }
    return { op: "send", method: "sendMessage", params: { text: p.text, ...(p.entities.length ? { entities: p.entities } : {}), ...silent }, ...clean(common) };
  });
}

function clean<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import type { TgEntity } from "./text.js";

export type RelayKind = "text" | "photo" | "video" | "animation" | "voice" | "audio" | "document" | "location" | "sticker" | "video_note";

/** What a relayed message carries, read from a Telegram message; no grammY types needed. */
export interface IncomingContent {
  kind: RelayKind;
  /** Text, or the caption of media. */
  text: string | null;
  entities: TgEntity[];
  /** Small facts for digests and transcripts (duration, file name, emoji, coordinates). */
  media: Record<string, string | number> | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type MessageLike = Record<string, any>;

/** Kinds whose copy carries the author's header in the caption (or the text itself). */
export const CAPTIONED: ReadonlySet<RelayKind> = new Set(["photo", "video", "voice", "audio", "document"]);

export function contentOf(m: MessageLike): IncomingContent | null {
  const caption = (): Pick<IncomingContent, "text" | "entities"> => ({ text: m.caption ?? null, entities: m.caption_entities ?? [] });
  if (typeof m.text === "string") return { kind: "text", text: m.text, entities: m.entities ?? [], media: null };
  // An animation also carries a `document`; it must be recognised first.
  if (m.animation) return { kind: "animation", ...caption(), media: null };
  if (Array.isArray(m.photo)) return { kind: "photo", ...caption(), media: null };
  if (m.video) return { kind: "video", ...caption(), media: { duration: m.video.duration ?? 0 } };
  if (m.voice) return { kind: "voice", ...caption(), media: { duration: m.voice.duration ?? 0 } };
  if (m.audio) {
    const media: Record<string, string | number> = { duration: m.audio.duration ?? 0 };
    if (m.audio.title) media.title = String(m.audio.title);
    if (m.audio.file_name) media.fileName = String(m.audio.file_name);
    return { kind: "audio", ...caption(), media };
  }
  if (m.document) return { kind: "document", ...caption(), media: { fileName: String(m.document.file_name ?? "") } };
  if (m.sticker) return { kind: "sticker", text: null, entities: [], media: { emoji: String(m.sticker.emoji ?? "") } };
  if (m.video_note) return { kind: "video_note", text: null, entities: [], media: { duration: m.video_note.duration ?? 0 } };
  if (m.location && !m.venue) {
    return { kind: "location", text: null, entities: [], media: { latitude: m.location.latitude, longitude: m.location.longitude } };
  }
  return null;
}

const UNITS: Array<[RegExp, number]> = [
  [/^(menit|mnt|m)$/, 1],
  [/^(jam|j)$/, 60],
  [/^(hari|h)$/, 24 * 60],
  [/^(minggu|mgg|pekan)$/, 7 * 24 * 60],
];

export const MAX_MUTE_MINUTES = 30 * 24 * 60;

/**
 * "/bisukan 2 jam berkata kasar" → { minutes: 120, reason: "berkata kasar" }. Returns null when
 * the text does not start with a duration; reason is null when none was written.
 */
export function parseMuteArgs(text: string): { minutes: number; reason: string | null } | null {
  const m = text.trim().match(/^(\d{1,4})\s*([a-z]+)\b\s*(.*)$/is);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = UNITS.find(([re]) => re.test(m[2]!.toLowerCase()));
  if (!unit || n <= 0) return null;
  const reason = m[3]!.trim().replace(/\s+/g, " ");
  return { minutes: n * unit[1], reason: reason ? reason.slice(0, 200) : null };
}

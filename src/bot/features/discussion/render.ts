import type { DiscussionRenderer } from "../../../domain/discussion/index.js";
import { formatDateTimeLong, type ZoneName } from "../../../lib/time.js";
import { escapeHtml } from "../../lib/replies.js";
import { tFor, type T } from "../../lib/terms.js";
import { DEFAULT_TERMS } from "../../../domain/forum/terms.js";

export { tFor };

/** "0:07", "12:30" */
export function clockDuration(seconds: number) {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function mediaLabel(t: T, kind: string, media: Record<string, string | number> | null): string {
  const m = media ?? {};
  const duration = clockDuration(Number(m.duration ?? 0));
  switch (kind) {
    case "video":
    case "voice":
    case "video_note":
      return t(`discussion-media-${kind}`, { duration });
    case "audio":
      return t("discussion-media-audio", { name: String(m.title ?? m.fileName ?? "") }).replace(/\s+]/, "]");
    case "document":
      return t("discussion-media-document", { name: String(m.fileName ?? "") }).replace(/\s+]/, "]");
    case "location":
      return t("discussion-media-location", { latitude: Number(m.latitude ?? 0).toFixed(5), longitude: Number(m.longitude ?? 0).toFixed(5) });
    case "sticker":
      return t("discussion-media-sticker", { emoji: String(m.emoji ?? "") }).replace(/\s+]/, "]");
    case "photo":
    case "animation":
      return t(`discussion-media-${kind}`);
    default:
      return "";
  }
}

/** Village groups read the forum in Indonesian; titles and notes are escaped for HTML. */
export function groupRenderer(language = "id"): DiscussionRenderer {
  // Words that name no village (media labels, digest headings) need no forum.
  const t = tFor(language, DEFAULT_TERMS);
  const lang = language === "en" ? "en" : "id";
  return {
    villageLabel: (name, terms) => (name ? tFor(language, terms)("discussion-village", { name }) : t("discussion-kecamatan")),
    topicCard({ title, description, villageNames, endsAt, timezone, terms }) {
      const t = tFor(language, terms);
      let text = t("discussion-card-head", { title: escapeHtml(title) });
      if (description) text += `\n${escapeHtml(description)}`;
      text += `\n\n${t("discussion-card-villages", { villages: villageNames ? escapeHtml(villageNames.join(", ")) : t("discussion-all-villages") })}`;
      if (endsAt) text += `\n${t("discussion-card-ends", { date: formatDateTimeLong(endsAt, timezone as ZoneName, lang) })}`;
      text += `\n\n${t("discussion-card-foot")}`;
      return { text, parse_mode: "HTML" };
    },
    closeNote({ title, note, auto, messages, villages, terms }) {
      const t = tFor(language, terms);
      let text = t("discussion-close-head", { title: escapeHtml(title) });
      if (auto) text += `\n${t("discussion-close-auto")}`;
      if (note) text += `\n\n${t("discussion-close-note", { note: escapeHtml(note) })}`;
      text += `\n\n${t("discussion-close-foot", { messages, villages })}`;
      return { text, parse_mode: "HTML" };
    },
    digestHeading: (count, title) => t("discussion-digest-heading", { count, title }),
    mediaLabel: (kind, media) => mediaLabel(t, kind, media),
  };
}

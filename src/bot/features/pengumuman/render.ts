import type { BroadcastNotices, ChangeNotices, ProgressCounts, VillageReport, Outcome } from "../../../domain/pengumuman/service.js";
import type { Target } from "../../../domain/pengumuman/audience.js";
import { tFor, type T } from "../../lib/terms.js";
import { escapeHtml } from "../../lib/replies.js";
import { jabatanAt, jabatanLabel } from "../../lib/jabatan.js";
import type { ForumTerms } from "../../../domain/forum/terms.js";
import { formatDateTimeLong, formatDateTimeShort, isZoneName, type ZoneName } from "../../../lib/time.js";


/** Telegram allows 4096; a little room for safety. */
const MESSAGE_ROOM = 3900;

const REASONS = new Set(["kicked", "blocked", "not_started", "chat_not_found", "not_enough_rights", "too_many_attempts", "interrupted", "too_old", "message_gone"]);

export function reasonText(t: T, kind: string): string {
  return t(`pengumuman-reason-${REASONS.has(kind) ? kind : "other"}`);
}

/** Texts for the author, in the author's language (the domain calls these when it queues notices). */
export const notices: BroadcastNotices & ChangeNotices = {
  progress(language, b, c, done) {
    const key = b.cancelled ? "pengumuman-progress-cancelled" : done ? "pengumuman-progress-done" : "pengumuman-progress";
    return tFor(language, b.terms)(key, { id: String(b.id), sent: c.sent, total: c.total, failed: c.failed, cancelled: c.cancelled });
  },
  report(language, b, c, villages) {
    const t = tFor(language, b.terms);
    return chunk([reportHeader(t, b, c), ...reportLines(t, villages)]);
  },
  changeReport(language, b, action, c) {
    const t = tFor(language, b.terms);
    let text = t("pengumuman-change-report", { action, id: String(b.id), excerpt: escapeHtml(b.excerpt), changed: c.changed, total: c.total, failed: c.failed });
    for (const [kind, count] of Object.entries(c.reasons)) text += `\n${t("pengumuman-report-reason", { count, reason: reasonText(t, kind) })}`;
    return text;
  },
  notStarted(language, b, reason) {
    const t = tFor(language, b.terms);
    return t("pengumuman-not-started", { id: String(b.id), excerpt: escapeHtml(b.excerpt), reason: t(`pengumuman-not-started-${reason}`) });
  },
};

export function reportHeader(t: T, b: { id: number; excerpt: string }, c: ProgressCounts): string {
  return t("pengumuman-report-header", { id: String(b.id), excerpt: escapeHtml(b.excerpt), sent: c.sent, total: c.total, failed: c.failed, cancelled: c.cancelled });
}

const sum = (o: Record<Outcome, number>) => o.sent + o.failed + o.unknown + o.cancelled + o.pending;

/** One line per village (kecamatan group first), then why copies failed there, in plain words. */
export function reportLines(t: T, villages: VillageReport[]): string[] {
  const lines: string[] = [];
  for (const v of villages) {
    const place = v.name === null ? t("pengumuman-report-kecamatan") : t("pengumuman-report-village", { name: escapeHtml(v.name) });
    const parts: string[] = [];
    const fmt = (o: Record<Outcome, number>) => ({ sent: o.sent, failed: o.failed + o.unknown, cancelled: o.cancelled, pending: o.pending });
    if (sum(v.groups) > 0) parts.push(t("pengumuman-report-groups", fmt(v.groups)));
    if (sum(v.people) > 0) parts.push(t("pengumuman-report-people", fmt(v.people)));
    let line = t("pengumuman-report-line", { place, parts: parts.join("; ") });
    for (const [kind, count] of Object.entries(v.reasons)) line += `\n${t("pengumuman-report-reason", { count, reason: reasonText(t, kind) })}`;
    if (v.notPinned) line += `\n${t("pengumuman-report-not-pinned", { count: v.notPinned })}`;
    lines.push(line);
  }
  return lines;
}

/** Joins lines into as few messages as Telegram's limit allows. */
export function chunk(lines: string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const l of lines) {
    if (cur && cur.length + l.length + 2 > MESSAGE_ROOM) {
      out.push(cur);
      cur = "";
    }
    cur += (cur ? "\n\n" : "") + l;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Header and signature of the announcement, as every recipient sees it. Always in Indonesian: it
 * is one official text for groups and people alike, and the preview must match it exactly. The
 * signature names the author's position in the forum's words: "— Sutrisno, Kepala Kampung Sukajaya".
 * Plain text (the announcement is built with entities), so nothing here is HTML-escaped.
 */
export function signature(o: {
  admin: boolean;
  forumName: string;
  villageNames: string[];
  authorName: string;
  /** The author's position: for an official, at the village they write for; for an admin, their own. */
  authorTitle?: string | null;
  terms: ForumTerms;
}): { header: string; footer: string } {
  const t = tFor("id", o.terms);
  const plain = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  if (o.admin) {
    const role = o.authorTitle ? plain(jabatanLabel(t, o.authorTitle)) : t("pengumuman-footer-admin-role", { forum: o.forumName });
    return { header: t("pengumuman-header-forum", { forum: o.forumName }), footer: t("pengumuman-footer", { name: o.authorName, role }) };
  }
  const village = o.villageNames.join(", ");
  const role = plain(jabatanAt(t, o.authorTitle ?? null, village));
  return { header: t("pengumuman-header-village", { village }), footer: t("pengumuman-footer", { name: o.authorName, role }) };
}

export function zoneOf(tz: string | null | undefined): ZoneName {
  return isZoneName(tz) ? tz : "Asia/Jakarta";
}

export function lang(l: string | null | undefined): "id" | "en" {
  return l === "en" ? "en" : "id";
}

export function longTime(iso: string | Date, zone: ZoneName, language: string): string {
  return formatDateTimeLong(new Date(iso), zone, lang(language));
}

export function shortTime(iso: string | Date, zone: ZoneName, language: string): string {
  return formatDateTimeShort(new Date(iso), zone, lang(language));
}

/** "Grup desa · 3 desa", "Warga terdaftar · semua desa". */
export function audienceLabel(t: T, targets: string[], all: boolean, villageCount: number): string {
  const names = (targets as Target[]).map((x) => t(`pengumuman-aud-label-${x}`)).join(", ");
  return t("pengumuman-aud-label-villages", { audience: names, all: all ? "yes" : "no", count: villageCount });
}

/** A list of village names that stays readable: the first few, then "…". */
export function villageList(names: string[], max = 12): string {
  const shown = names.slice(0, max).map(escapeHtml).join(", ");
  return names.length > max ? `${shown}, … (+${names.length - max})` : shown;
}

import type { Transcript } from "../../../domain/discussion/index.js";
import { formatDateTimeLong, formatDateTimeShort, type ZoneName } from "../../../lib/time.js";
import { escapeHtml } from "../../lib/replies.js";
import { mediaLabel, tFor } from "./render.js";

/**
 * The rekap percakapan as a plain-text file (opens on any phone): header, every message in order
 * with its time, author and village, then the count per village. Not notulen: nobody took minutes
 * of a relayed chat.
 */
export function transcriptFile(tr: Transcript, language: string, now: Date): { filename: string; bytes: Buffer } {
  const t = tFor(language, tr.terms);
  const lang = language === "en" ? "en" : "id";
  const zone = tr.timezone as ZoneName;
  const place = (villageId: number | null) => {
    const name = villageId !== null ? tr.villages.get(villageId) : undefined;
    return name ? t("discussion-village", { name }) : t("discussion-kecamatan");
  };
  const out: string[] = [];
  out.push(t("discussion-file-title"), "");
  out.push(t("discussion-file-topic", { title: tr.topic.title }));
  out.push(t("discussion-file-forum", { forum: tr.forumName }));
  out.push(t("discussion-file-opened", { date: formatDateTimeLong(tr.topic.createdAt, zone, lang), name: tr.openedBy ?? "", hasName: tr.openedBy ? "yes" : "no" }));
  out.push(
    tr.topic.closedAt
      ? t("discussion-file-closed", { date: formatDateTimeLong(tr.topic.closedAt, zone, lang) })
      : t("discussion-file-running", { date: formatDateTimeLong(now, zone, lang) }),
  );
  const villageNames = tr.topic.allVillages ? t("discussion-all-villages") : tr.participating.map((id) => tr.villages.get(id) ?? "").filter(Boolean).join(", ");
  out.push(t("discussion-file-villages", { villages: villageNames }));
  if (tr.topic.description) out.push(t("discussion-file-description", { text: tr.topic.description }));
  out.push("", t("discussion-file-conversation"), "");
  if (tr.lines.length === 0) out.push(t("discussion-file-empty"));
  for (const l of tr.lines) {
    const head = `[${formatDateTimeShort(l.at, zone, lang)}] ${l.author} · ${place(l.villageId)}`;
    const extra = [l.replyTo ? t("discussion-file-reply", { name: `${l.replyTo.author} · ${place(l.replyTo.villageId)}` }) : "", l.edited ? t("discussion-file-edited") : ""]
      .filter(Boolean)
      .join(" ");
    out.push(extra ? `${head} ${extra}` : head);
    const label = l.kind === "text" ? "" : mediaLabel(t, l.kind, l.media);
    const body = [label, l.text ?? ""].filter(Boolean).join(" ");
    for (const line of body.split(/\r?\n/)) out.push(`    ${line}`);
    out.push("");
  }
  if (tr.topic.closeNote) out.push(t("discussion-file-close-note", { note: tr.topic.closeNote }), "");
  out.push(t("discussion-file-summary"), "");
  for (const v of tr.perVillage) out.push(t("discussion-transcript-village-line", { village: place(v.villageId), messages: v.messages, participants: v.participants }).replace(/^•\s*/, ""));
  out.push("", t("discussion-file-total", { messages: tr.totals.messages, participants: tr.totals.participants }), "");
  const slug = tr.topic.title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "topik";
  const day = formatDateTimeShort(now, zone, "id").replace(/[^0-9A-Za-z]+/g, "-").replace(/-+$/, "");
  return { filename: `${t("discussion-file-name")}-${slug}-${day}.txt`, bytes: Buffer.from(out.join("\n"), "utf8") };
}

/** The short count per village that goes with the file. */
export function transcriptSummary(tr: Transcript, language: string): string {
  const t = tFor(language, tr.terms);
  const place = (villageId: number | null) => {
    const name = villageId !== null ? tr.villages.get(villageId) : undefined;
    return name ? t("discussion-village", { name }) : t("discussion-kecamatan");
  };
  if (tr.totals.messages === 0) return `📄 <b>${escapeHtml(tr.topic.title)}</b>\n${t("discussion-transcript-empty")}`;
  const lines = tr.perVillage.map((v) => t("discussion-transcript-village-line", { village: escapeHtml(place(v.villageId)), messages: v.messages, participants: v.participants }));
  return t("discussion-transcript-summary", { title: escapeHtml(tr.topic.title), lines: lines.join("\n"), messages: tr.totals.messages, participants: tr.totals.participants });
}

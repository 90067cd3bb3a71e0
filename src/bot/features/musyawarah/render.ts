import { InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { buildIcs } from "../../../lib/ics.js";
import { truncate } from "../../../lib/format.js";
import {
  describeRecurrence,
  formatDateTimeLong,
  formatDateTimeShort,
  formatTime,
  type Locale,
} from "../../../lib/time.js";
import { checkInWindow, phaseAt, qrExpiresAt, rsvpOpen, type MeetingPhase } from "../../../domain/musyawarah/dates.js";
import type { Attendance, AttendanceRow, MeetingView, QuorumResult, Rsvp } from "../../../domain/musyawarah/types.js";
import { escapeHtml } from "../../lib/replies.js";
import { tFor as termsT } from "../../lib/terms.js";
import { jabatanAt, jabatanLabel } from "../../lib/jabatan.js";
import type { ForumTerms } from "../../../domain/forum/terms.js";
import { decisionMethodText } from "./berita-acara.js";
import { checkInCb, manageCb, rsvpCb } from "./callbacks.js";

/** A translator bound to one language: ctx.t for the person in front of us, translate() for others. */
export type T = (key: string, params?: Record<string, string | number>) => string;

export function langOf(language: string | null | undefined): Locale {
  return language === "en" ? "en" : "id";
}

/** Texts about a meeting, in one language and its forum's words (Kampung, BPK). */
export function tFor(language: string | null | undefined, terms: ForumTerms): T {
  return termsT(langOf(language), terms);
}

const MAX_TEXT = 4000;

export function formatDuration(t: T, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t("musyawarah-dur-m", { minutes: m });
  return m === 0 ? t("musyawarah-dur-h", { hours: h }) : t("musyawarah-dur-hm", { hours: h, minutes: m });
}

/** "2 jam lagi", "3 hari lagi", "45 menit lagi". */
export function formatLeft(t: T, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes >= 48 * 60) return t("musyawarah-left-days", { n: Math.round(minutes / 1440) });
  if (minutes >= 60) return t("musyawarah-left-hours", { n: Math.round(minutes / 60) });
  return t("musyawarah-left-minutes", { n: minutes });
}

/** "24 jam sebelumnya" for reminder offsets. */
export function formatBefore(t: T, minutes: number): string {
  if (minutes >= 2 * 1440 && minutes % 1440 === 0) return t("musyawarah-before-days", { n: minutes / 1440 });
  if (minutes >= 60 && minutes % 60 === 0) return t("musyawarah-before-hours", { n: minutes / 60 });
  return t("musyawarah-before-minutes", { n: minutes });
}

export function kindLabel(t: T, kind: string) {
  return t(`musyawarah-kind-${kind}`);
}

export function answerLabel(t: T, rsvp: Rsvp) {
  return t(`musyawarah-answer-${rsvp}`);
}

/** "Sutrisno · Kepala Kampung Sukajaya", "Budi · Camat", "Budi · Kampung Sukajaya". */
function organizerLine(t: T, m: MeetingView) {
  const village = m.villageName ? escapeHtml(m.villageName) : null;
  const role = village
    ? m.organizerTitle
      ? jabatanAt(t, m.organizerTitle, village)
      : t("musyawarah-schedule-village", { name: village })
    : m.organizerTitle
      ? jabatanLabel(t, m.organizerTitle)
      : "";
  return `${escapeHtml(m.organizerName)}${role ? ` · ${role}` : ""}`;
}

export function mapUrl(m: { latitude: number | null; longitude: number | null }) {
  return m.latitude !== null && m.longitude !== null ? `https://www.google.com/maps?q=${m.latitude},${m.longitude}` : null;
}

export function quorumLine(t: T, q: QuorumResult): string {
  const unit = t(q.unit === "villages" ? "musyawarah-unit-villages" : "musyawarah-unit-people");
  return q.reached
    ? t("musyawarah-quorum-reached", { present: q.present, total: q.total, unit })
    : t("musyawarah-quorum-not", { present: q.present, total: q.total, unit, required: q.required });
}

/** The facts block shared by invitations, notices and the organiser's view. */
function factLines(t: T, lang: Locale, m: MeetingView, opts: { villages?: boolean } = {}): string[] {
  const lines = [t("musyawarah-inv-when", { when: formatDateTimeLong(m.startsAt, m.zone, lang) })];
  lines.push(t("musyawarah-inv-duration", { duration: formatDuration(t, Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000)) }));
  if (m.place) lines.push(t("musyawarah-inv-place", { place: escapeHtml(m.place) }));
  const url = mapUrl(m);
  if (url) lines.push(t("musyawarah-inv-map", { url }));
  lines.push(t("musyawarah-inv-organizer", { organizer: organizerLine(t, m) }));
  if (opts.villages && m.villages.length > 0) {
    lines.push(t("musyawarah-inv-villages", { villages: escapeHtml(truncate(m.villages.map((v) => v.name).join(", "), 300)) }));
  }
  if (m.recurrence) lines.push(t("musyawarah-inv-recurrence", { rule: describeRecurrence(m.recurrence, lang) }));
  return lines;
}

function agendaLines(t: T, m: MeetingView): string[] {
  return [t("musyawarah-inv-agenda"), ...m.agenda.map((a, i) => `${i + 1}. ${escapeHtml(a)}`)];
}

/** Joins blocks; if Telegram's limit would be passed, agenda lines are dropped from the end. */
function assemble(blocks: string[][], agendaIndex: number): string {
  const join = () => blocks.filter((b) => b.length).map((b) => b.join("\n")).join("\n\n");
  let text = join();
  const agenda = blocks[agendaIndex];
  while (text.length > MAX_TEXT && agenda && agenda.length > 2) {
    agenda.splice(agenda.length - 1, 1, "…");
    if (agenda.at(-2) === "…") agenda.pop();
    text = join();
  }
  return text.length > MAX_TEXT ? truncate(text, MAX_TEXT) : text;
}

export interface Personal {
  rsvp: Rsvp;
  delegateName: string | null;
}

/**
 * The invitation as each copy shows it now: facts, agenda, what to do in the current phase,
 * the live counts, and (in a private copy) the person's own answer.
 */
export function invitationText(t: T, lang: Locale, m: MeetingView, att: Attendance, now: Date, personal?: Personal | null): string {
  const cancelled = m.status === "cancelled";
  const header = [
    cancelled ? t("musyawarah-inv-cancelled-header", { kind: kindLabel(t, m.kind) }) : t("musyawarah-inv-header", { kind: kindLabel(t, m.kind) }),
    `<b>${escapeHtml(m.title)}</b>`,
  ];
  const facts = factLines(t, lang, m, { villages: true });
  const agenda = agendaLines(t, m);
  const status: string[] = [];
  const phase = phaseAt(m, now);
  if (cancelled) {
    status.push(t("musyawarah-inv-cancelled-note"));
    if (m.cancelReason) status.push(t("musyawarah-inv-cancel-reason", { reason: escapeHtml(m.cancelReason) }));
  } else if (phase === "over") {
    status.push(t("musyawarah-inv-over"));
    status.push(t("musyawarah-inv-checked-in", { count: att.counts.checkedIn }));
  } else {
    if (phase === "checkin") status.push(t("musyawarah-inv-checkin-open"));
    if (rsvpOpen(m, now)) {
      status.push(m.rsvpDeadline ? t("musyawarah-inv-deadline", { deadline: formatDateTimeLong(m.rsvpDeadline, m.zone, lang) }) : t("musyawarah-inv-ask"));
    } else if (phase === "before") {
      status.push(t("musyawarah-inv-rsvp-closed"));
    }
    status.push(t("musyawarah-inv-counts", { yes: att.counts.yes, no: att.counts.no, delegate: att.counts.delegate }));
    if (phase === "checkin") status.push(t("musyawarah-inv-checked-in", { count: att.counts.checkedIn }));
  }
  const own: string[] = [];
  if (personal && !cancelled) {
    own.push(t("musyawarah-inv-your-answer", { answer: answerLabel(t, personal.rsvp) }));
    if (personal.rsvp === "delegate" && personal.delegateName) own.push(t("musyawarah-inv-your-delegate", { name: escapeHtml(personal.delegateName) }));
  }
  return assemble([header, facts, agenda, status, own], 2);
}

export function rsvpRow(kb: InlineKeyboard, t: T, meetingId: number) {
  return kb
    .text(t("musyawarah-btn-yes"), rsvpCb.build({ meeting: meetingId, a: "y" }))
    .text(t("musyawarah-btn-no"), rsvpCb.build({ meeting: meetingId, a: "n" }))
    .row()
    .text(t("musyawarah-btn-delegate"), rsvpCb.build({ meeting: meetingId, a: "d" }));
}

/** Buttons that fit the phase: answers before the deadline, the check-in button while the list is open. */
export function invitationKeyboard(t: T, m: MeetingView, now: Date): InlineKeyboardMarkup | undefined {
  if (m.status === "cancelled") return undefined;
  const phase: MeetingPhase = phaseAt(m, now);
  const kb = new InlineKeyboard();
  if (phase === "checkin") kb.text(t("musyawarah-btn-checkin"), checkInCb.build({ meeting: m.id }));
  else if (phase === "before" && rsvpOpen(m, now)) rsvpRow(kb, t, m.id);
  return kb.inline_keyboard.flat().length ? { inline_keyboard: kb.inline_keyboard } : undefined;
}

export function reminderText(
  t: T,
  lang: Locale,
  m: MeetingView,
  info: { late: boolean; inProgress: boolean; now: Date },
  personal?: Personal | null,
): string {
  const head = [t("musyawarah-rem-header", { kind: t(`musyawarah-kind-short-${m.kind}`) })];
  if (info.inProgress) {
    head.push(t("musyawarah-rem-in-progress", { title: escapeHtml(m.title), start: formatTime(m.startsAt, m.zone, lang), end: formatTime(m.endsAt, m.zone, lang) }));
  } else {
    head.push(t("musyawarah-rem-starts", { title: escapeHtml(m.title), left: formatLeft(t, m.startsAt.getTime() - info.now.getTime()) }));
  }
  const facts = [t("musyawarah-inv-when", { when: formatDateTimeLong(m.startsAt, m.zone, lang) })];
  if (m.place) facts.push(t("musyawarah-inv-place", { place: escapeHtml(m.place) }));
  const url = mapUrl(m);
  if (url) facts.push(t("musyawarah-inv-map", { url }));
  const notes: string[] = [];
  if (personal?.rsvp === "pending" && rsvpOpen(m, info.now)) notes.push(t("musyawarah-rem-please-answer"));
  if (info.late) notes.push(t("musyawarah-rem-late"));
  return [head, facts, notes].filter((b) => b.length).map((b) => b.join("\n")).join("\n\n");
}

export function rescheduledText(t: T, lang: Locale, m: MeetingView, info: { previousStartsAt: Date; rsvpReset: boolean }): string {
  const head = [t("musyawarah-resched-header"), `<b>${escapeHtml(m.title)}</b> (${t(`musyawarah-kind-short-${m.kind}`)})`];
  const when = [
    t("musyawarah-resched-old", { when: formatDateTimeLong(info.previousStartsAt, m.zone, lang) }),
    t("musyawarah-resched-new", { when: formatDateTimeLong(m.startsAt, m.zone, lang) }),
  ];
  if (m.place) when.push(t("musyawarah-inv-place", { place: escapeHtml(m.place) }));
  const tail = [info.rsvpReset ? t("musyawarah-resched-reset") : t("musyawarah-resched-kept")];
  if (m.rsvpDeadline) tail.push(t("musyawarah-inv-deadline", { deadline: formatDateTimeLong(m.rsvpDeadline, m.zone, lang) }));
  return [head, when, tail].map((b) => b.join("\n")).join("\n\n");
}

export function cancelledText(t: T, lang: Locale, m: MeetingView): string {
  const lines = [
    t("musyawarah-cancel-header"),
    `<b>${escapeHtml(m.title)}</b> (${t(`musyawarah-kind-short-${m.kind}`)})`,
    t("musyawarah-cancel-was", { when: formatDateTimeLong(m.startsAt, m.zone, lang) }),
  ];
  if (m.cancelReason) lines.push(t("musyawarah-inv-cancel-reason", { reason: escapeHtml(m.cancelReason) }));
  lines.push("", t("musyawarah-cancel-sorry"));
  return lines.join("\n");
}

/**
 * The caption of the berita acara PDF (≤ 1024 characters), or the same as a message: what was
 * decided and how, at a glance; the PDF holds the rest and the daftar hadir.
 */
export function minutesText(t: T, lang: Locale, m: MeetingView, opts: { caption: boolean; present?: number }): string {
  const head = [
    t("musyawarah-minutes-header", { kind: t(`musyawarah-kind-short-${m.kind}`) }),
    t("musyawarah-minutes-of", { title: escapeHtml(m.title), when: formatDateTimeLong(m.startsAt, m.zone, lang) }),
    ...(m.decisionMethod ? [escapeHtml(decisionMethodText(t, m, opts.present ?? 0))] : []),
  ].join("\n");
  const limit = opts.caption ? 1000 : MAX_TEXT;
  const decisions = m.decisions ? `${t("musyawarah-minutes-decisions")}\n${escapeHtml(m.decisions)}` : "";
  const budget = limit - head.length - decisions.length - 8;
  const body = !opts.caption && m.minutesText ? escapeHtml(truncate(m.minutesText, Math.max(200, Math.floor(budget / 1.2)))) : "";
  const text = [head, body, decisions].filter(Boolean).join("\n\n");
  if (text.length <= limit) return text;
  // Only escaped decisions can still be too long for a caption: shorten them as plain text.
  const room = Math.max(50, limit - head.length - 40);
  return [head, `${t("musyawarah-minutes-decisions")}\n${escapeHtml(truncate(m.decisions ?? "", Math.floor(room / 1.5)))}`].join("\n\n");
}

export function liveText(t: T, m: MeetingView, att: Attendance): string {
  return [
    t("musyawarah-live-header", { title: escapeHtml(m.title) }),
    quorumLine(t, att.quorum),
    t("musyawarah-live-count", { count: att.counts.checkedIn }),
    "",
    t("musyawarah-live-hint"),
  ].join("\n");
}

export function liveKeyboard(t: T, m: MeetingView): InlineKeyboardMarkup {
  const kb = new InlineKeyboard()
    .text(t("musyawarah-btn-details"), manageCb.build({ meeting: m.id, act: "v" }))
    .text(t("musyawarah-btn-mark"), manageCb.build({ meeting: m.id, act: "mark" }));
  return { inline_keyboard: kb.inline_keyboard };
}

export function endedText(t: T, m: MeetingView, att: Attendance): string {
  return t("musyawarah-ended", { title: escapeHtml(m.title), count: att.counts.checkedIn, line: quorumLine(t, att.quorum) });
}

export function endedKeyboard(t: T, m: MeetingView): InlineKeyboardMarkup {
  const kb = new InlineKeyboard()
    .text(t("musyawarah-btn-minutes"), manageCb.build({ meeting: m.id, act: "minutes" }))
    .text(t("musyawarah-btn-export"), manageCb.build({ meeting: m.id, act: "export" }));
  return { inline_keyboard: kb.inline_keyboard };
}

function statusLabel(t: T, m: MeetingView, now: Date) {
  if (m.status === "cancelled") return t("musyawarah-status-cancelled");
  const phase = phaseAt(m, now);
  return t(phase === "before" ? "musyawarah-status-scheduled" : phase === "checkin" ? "musyawarah-status-checkin" : "musyawarah-status-over");
}

function personMark(t: T, r: AttendanceRow): string {
  const icon = { yes: "✅", no: "❌", delegate: "👥", pending: "⏳" }[r.rsvp];
  const delegate = r.rsvp === "delegate" && r.delegateName ? ` (${t("musyawarah-detail-delegate", { name: escapeHtml(r.delegateName) })})` : "";
  return `${icon} ${escapeHtml(r.name)}${delegate}${r.checkedInAt ? " 📝" : ""}`;
}

/** The organiser's view: quorum, counts, and who answered what, per village. */
export function detailText(t: T, lang: Locale, m: MeetingView, att: Attendance, now: Date): string {
  const head = [`📅 <b>${escapeHtml(m.title)}</b> (${t(`musyawarah-kind-short-${m.kind}`)})`, ...factLines(t, lang, m)];
  const status = [t("musyawarah-detail-status", { status: statusLabel(t, m, now) })];
  if (m.status !== "cancelled") {
    if (m.openCheckIn) status.push(t("musyawarah-detail-open"));
    status.push(quorumLine(t, att.quorum));
    status.push(t("musyawarah-detail-counts", { ...att.counts }));
    status.push(t("musyawarah-detail-checked", { count: att.counts.checkedIn }));
  } else if (m.cancelReason) {
    status.push(t("musyawarah-inv-cancel-reason", { reason: escapeHtml(m.cancelReason) }));
  }
  if (m.minutesAt) status.push(t("musyawarah-detail-minutes", { when: formatDateTimeShort(m.minutesAt, m.zone, lang) }));

  const before = phaseAt(m, now) === "before";
  const groups = new Map<number | null, AttendanceRow[]>();
  for (const v of m.villages) groups.set(v.id, []);
  for (const r of att.rows) {
    const key = r.villageId !== null && groups.has(r.villageId) ? r.villageId : r.villageId !== null ? r.villageId : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  const names = new Map(m.villages.map((v) => [v.id, v.name]));
  const sections: string[] = [];
  let shown = 0;
  let hidden = 0;
  const used = () => head.join("\n").length + status.join("\n").length + sections.join("\n\n").length;
  for (const [villageId, rows] of groups) {
    const name = villageId === null ? t("musyawarah-detail-no-village") : `<b>${escapeHtml(names.get(villageId) ?? "—")}</b>`;
    const title =
      villageId === null
        ? name
        : before
          ? t("musyawarah-detail-village-before", { village: escapeHtml(names.get(villageId) ?? "—"), yes: rows.filter((r) => r.rsvp === "yes").length, total: rows.length })
          : t("musyawarah-detail-village", { village: escapeHtml(names.get(villageId) ?? "—"), present: rows.filter((r) => r.checkedInAt).length, total: rows.length });
    if (villageId === null && rows.length === 0) continue;
    const people = rows.map((r) => personMark(t, r)).join(" · ");
    const section = `${title}\n${people || t("musyawarah-detail-village-empty")}`;
    if (used() + section.length > 3600) {
      hidden += rows.length;
      continue;
    }
    sections.push(section);
    shown += rows.length;
  }
  if (att.rows.length === 0 && m.status !== "cancelled") sections.push(t("musyawarah-detail-no-invitees"));
  if (hidden > 0) sections.push(t("musyawarah-detail-more", { count: hidden }));
  void shown;
  return [head.join("\n"), status.join("\n"), ...sections].join("\n\n");
}

export function detailKeyboard(t: T, m: MeetingView, now: Date): InlineKeyboard {
  const kb = new InlineKeyboard();
  const phase = phaseAt(m, now);
  const b = (label: string, act: string) => kb.text(t(label), manageCb.build({ meeting: m.id, act }));
  b("musyawarah-btn-refresh", "v");
  if (m.status !== "cancelled") {
    if (now >= checkInWindow(m).opensAt) b("musyawarah-btn-mark", "mark");
    kb.row();
    if (phase !== "over") {
      b("musyawarah-btn-reschedule", "resched");
      b("musyawarah-btn-cancel-meeting", "cancel");
      kb.row();
      b(m.openCheckIn ? "musyawarah-btn-close" : "musyawarah-btn-open", m.openCheckIn ? "close" : "open");
    }
    if (now >= m.startsAt) b("musyawarah-btn-minutes", "minutes");
    kb.row();
  }
  b("musyawarah-btn-export", "export");
  // The venue's QR code: until it expires (the end plus a grace period).
  if (m.status !== "cancelled" && now < qrExpiresAt(m)) b("musyawarah-btn-qr", "qr");
  if (m.recurrence) b("musyawarah-btn-stop-series", "stop");
  kb.row();
  kb.text(t("musyawarah-btn-back"), "ml:0");
  return kb;
}

/** The .ics file of a meeting: same UID for every version, SEQUENCE grows with each change. */
export function icsFile(t: T, lang: Locale, m: MeetingView, now: Date): { base64: string; filename: string } {
  const description = [
    ...m.agenda.map((a, i) => `${i + 1}. ${a}`),
    "",
    `${t(`musyawarah-kind-short-${m.kind}`)} · ${m.organizerName}${m.villageName ? ` · ${m.villageName}` : ""}`,
  ].join("\n");
  const text = buildIcs({
    uid: `musyawarah-${m.id}@forum-desa`,
    title: `${t(`musyawarah-kind-short-${m.kind}`)}: ${m.title}`,
    description,
    location: m.place ?? undefined,
    start: m.startsAt,
    end: m.endsAt,
    organizerName: m.organizerName,
    sequence: m.sequence,
    cancelled: m.status === "cancelled",
    geo: m.latitude !== null && m.longitude !== null ? { lat: m.latitude, lon: m.longitude } : undefined,
    timestamp: now,
  });
  void lang;
  return { base64: Buffer.from(text, "utf8").toString("base64"), filename: `musyawarah-${m.id}.ics` };
}

export function scheduleLines(t: T, lang: Locale, m: MeetingView, answer?: Rsvp | null): string {
  const lines = [t("musyawarah-schedule-line", { when: formatDateTimeShort(m.startsAt, m.zone, lang), title: escapeHtml(m.title), kind: t(`musyawarah-kind-short-${m.kind}`) })];
  if (m.place) lines.push(t("musyawarah-schedule-place", { place: escapeHtml(m.place) }));
  if (answer) lines.push(t("musyawarah-schedule-answer", { answer: answerLabel(t, answer) }));
  return lines.join("\n");
}

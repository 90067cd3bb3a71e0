import { jabatanAt, jabatanLabel } from "../../lib/jabatan.js";
import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../../context.js";
import { translate } from "../../lib/translate.js";
import type { ForumTerms } from "../../../domain/forum/terms.js";
import { escapeHtml } from "../../lib/replies.js";
import { truncate } from "../../../lib/format.js";
import { formatDateTimeLong, formatDateTimeShort, type Locale, type ZoneName } from "../../../lib/time.js";
import { TRANSITIONS, type AspirationStatus, type CaseView, type ListItem, type TimelineEntry } from "../../../domain/aspirasi/index.js";
import { actCb, detailCb, mediaCb, reporterCb } from "./callbacks.js";

export type T = (key: string, params?: Record<string, string | number>) => string;

/** Text helpers bound to one language: the current person's, or a recipient's. */
export interface Tr {
  t: T;
  lang: Locale;
}

export function trFor(language: string | null | undefined, terms: ForumTerms): Tr {
  const lang: Locale = language === "en" ? "en" : "id";
  return { lang, t: (key, params = {}) => translate(lang, key, params, terms) };
}

export function trOf(ctx: FlowContext): Tr {
  return { lang: ctx.person?.language === "en" ? "en" : "id", t: (key, params = {}) => ctx.t(key, params) };
}

/** Escaped user text cut so that the escaped form stays within `max` characters. */
export function fitHtml(text: string, max: number): string {
  let cut = text;
  let out = escapeHtml(cut);
  while (out.length > max) {
    cut = truncate(cut, Math.max(1, cut.length - (out.length - max) - 1));
    out = escapeHtml(cut);
  }
  return out;
}

/** One line for lists: first words of the aspiration. */
export function summary(text: string, max = 90): string {
  return escapeHtml(truncate(text.replace(/\s+/g, " ").trim(), max));
}

export function status(tr: Tr, s: AspirationStatus): string {
  return tr.t(`aspirasi-status-${s}`);
}

export function longDate(tr: Tr, d: Date | string, zone: ZoneName): string {
  return formatDateTimeLong(new Date(d), zone, tr.lang);
}

export function shortDate(tr: Tr, d: Date | string, zone: ZoneName): string {
  return formatDateTimeShort(new Date(d), zone, tr.lang);
}

/** How officials see the reporter: a name only when the reporter chose to be named. */
export function reporterLine(tr: Tr, c: CaseView): string {
  if (c.privacy === "named" && c.reporter) {
    const user = c.reporter.username ? ` (@${escapeHtml(c.reporter.username)})` : "";
    return tr.t("aspirasi-reporter-named", { name: escapeHtml(c.reporter.firstName), user });
  }
  return tr.t(c.privacy === "rahasia" ? "aspirasi-reporter-rahasia" : "aspirasi-reporter-anonim");
}

export function handlerName(tr: Tr, c: Pick<CaseView, "handlerVillage">): string {
  return c.handlerVillage ? escapeHtml(c.handlerVillage.name) : tr.t("aspirasi-kecamatan");
}

/** The officials' card: everything needed to act, no reporter identity unless named. */
export function caseCard(tr: Tr, c: CaseView, header: string, opts: { overdue?: boolean; textMax?: number } = {}): string {
  const lines = [
    `${header} · <code>${c.ticketNo}</code>`,
    tr.t("aspirasi-card-village", { village: escapeHtml(c.originVillage.name) }),
  ];
  if (!c.handlerVillage || c.handlerVillage.id !== c.originVillage.id) lines.push(tr.t("aspirasi-card-handler", { handler: handlerName(tr, c) }));
  lines.push(
    tr.t("aspirasi-card-category", { category: escapeHtml(c.category) }),
    reporterLine(tr, c),
    tr.t("aspirasi-card-status", { status: status(tr, c.status) }) + (opts.overdue ? ` ${tr.t("aspirasi-overdue-mark")}` : ""),
  );
  if (c.status === "baru" || c.status === "diteruskan") lines.push(tr.t("aspirasi-card-verify-due", { date: longDate(tr, c.verifyDueAt, c.zone) }));
  else if (c.status === "diverifikasi" || c.status === "diproses") lines.push(tr.t("aspirasi-card-resolve-due", { date: longDate(tr, c.resolveDueAt, c.zone) }));
  if (c.supportCount > 0) lines.push(tr.t("aspirasi-card-support", { count: c.supportCount }));
  const extras: string[] = [];
  if (c.photos.length) extras.push(tr.t("aspirasi-card-photos", { count: c.photos.length }));
  if (c.latitude != null) extras.push(tr.t("aspirasi-card-has-point"));
  if (c.locationText) extras.push(tr.t("aspirasi-card-place", { place: fitHtml(c.locationText, 300) }));
  const body = `<blockquote>${fitHtml(c.text, opts.textMax ?? 3000)}</blockquote>`;
  return [lines.join("\n"), body, extras.join("\n")].filter(Boolean).join("\n\n");
}

/** Action buttons for the current status; an official who no longer handles the ticket gets only the detail. */
export function officialKeyboard(tr: Tr, c: Pick<CaseView, "id" | "status" | "version" | "photos" | "latitude">, canAct: boolean, opts: { detail?: boolean } = {}) {
  const kb = new InlineKeyboard();
  const btn: Array<[string, string]> = [];
  if (canAct) {
    const add = (code: "v" | "p" | "s" | "t" | "f", action: keyof typeof TRANSITIONS, key: string) => {
      if (TRANSITIONS[action].from.includes(c.status)) btn.push([tr.t(key), actCb.build({ id: c.id, act: code, ver: c.version })]);
    };
    add("v", "verify", "aspirasi-btn-verify");
    add("p", "process", "aspirasi-btn-process");
    add("s", "resolve", "aspirasi-btn-resolve");
    add("t", "reject", "aspirasi-btn-reject");
    add("f", "forward", "aspirasi-btn-forward");
    btn.push([tr.t("aspirasi-btn-reply"), actCb.build({ id: c.id, act: "b", ver: c.version })]);
  }
  if (opts.detail !== false) btn.push([tr.t("aspirasi-btn-detail"), detailCb.build({ id: c.id })]);
  else if (c.photos.length || c.latitude != null) btn.push([tr.t("aspirasi-btn-media"), mediaCb.build({ id: c.id })]);
  btn.forEach(([label, data], i) => {
    kb.text(label, data);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

export function reporterKeyboard(tr: Tr, id: number, opts: { resolved?: boolean; detail?: boolean } = {}) {
  const kb = new InlineKeyboard();
  if (opts.resolved) {
    kb.text(tr.t("aspirasi-btn-confirm"), reporterCb.build({ id, act: "c" })).text(tr.t("aspirasi-btn-reopen"), reporterCb.build({ id, act: "o" })).row();
  }
  kb.text(tr.t("aspirasi-btn-reply"), reporterCb.build({ id, act: "b" }));
  if (opts.detail !== false) kb.text(tr.t("aspirasi-btn-detail"), reporterCb.build({ id, act: "d" }));
  return kb;
}

/** Who did something, as the audience may see it. */
function who(tr: Tr, e: TimelineEntry, audience: "official" | "reporter"): string {
  if (e.role === "system") return tr.t("aspirasi-actor-system");
  if (e.role === "reporter") {
    if (audience === "reporter") return tr.t("aspirasi-actor-you");
    return e.name ? escapeHtml(e.name) : tr.t("aspirasi-actor-reporter");
  }
  const name = escapeHtml(e.name ?? "—");
  return e.village
    ? tr.t("aspirasi-actor-official", { name, role: jabatanAt(tr.t, e.title, escapeHtml(e.village)) })
    : tr.t("aspirasi-actor-admin", { name, role: e.title ? jabatanLabel(tr.t, e.title) : tr.t("aspirasi-kecamatan-cap") });
}

export function timelineText(tr: Tr, entries: TimelineEntry[], zone: ZoneName, audience: "official" | "reporter", max = 1800): string {
  const lines = entries.map((e) => {
    const target = e.target === null ? "" : e.target === "" ? tr.t("aspirasi-kecamatan") : escapeHtml(e.target);
    let line = `• ${shortDate(tr, e.at, zone)} — ${tr.t(`aspirasi-event-${e.kind}`, { target })} · ${who(tr, e, audience)}`;
    if (e.note) line += `\n  <i>${fitHtml(truncate(e.note, 200), 400)}</i>`;
    return line;
  });
  // Newest entries matter most when the history is long.
  let out = lines.join("\n");
  while (out.length > max && lines.length > 1) {
    lines.shift();
    out = `…\n${lines.join("\n")}`;
  }
  return out;
}

export function listLine(tr: Tr, it: ListItem, n: number, opts: { village?: boolean; support?: boolean; zone: ZoneName }): string {
  const parts = [`<code>${it.ticketNo}</code>`];
  if (opts.village) parts.push(escapeHtml(it.village));
  parts.push(escapeHtml(it.category), status(tr, it.status));
  if (opts.support) parts.push(`👍 ${it.supportCount}`);
  const mark = it.overdue ? ` ${tr.t("aspirasi-overdue-mark")}` : "";
  return `${n}. ${parts.join(" · ")}${mark}\n<i>${summary(it.text)}</i>`;
}

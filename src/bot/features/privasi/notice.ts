import { InlineKeyboard } from "grammy";
import type { Deps } from "../../../deps.js";
import type { FlowContext } from "../../context.js";
import { defineCallback } from "../../lib/callback.js";
import { escapeHtml } from "../../lib/replies.js";
import { forumsOf, noticeStatus, versionString, type ForumVersion } from "../../../domain/privasi/consent.js";
import { DEFAULT_RETENTION, RETENTION_KINDS, forumPrivacy, type ForumPrivacy, type Retention } from "../../../domain/privasi/settings.js";
import { villageByReportKey } from "../../../domain/forum/service.js";

/** pv:<act>:<start payload> — y agree, n decline, w withdraw, s show. The payload only resumes a deep link. */
export const noticeCb = defineCallback("pv", ["act", "p"] as const);

type T = (key: string, params?: Record<string, string | number>) => string;

/** "1 tahun", "6 bulan", "30 hari". */
export function period(t: T, days: number): string {
  if (days % 365 === 0) return t("privasi-period-years", { n: days / 365 });
  if (days % 30 === 0 && days >= 60) return t("privasi-period-months", { n: days / 30 });
  return t("privasi-period-days", { n: days });
}

export function retentionLines(t: T, r: Retention): string {
  return RETENTION_KINDS.map((k) => t(`privasi-retention-${k}`, { period: period(t, r[k]) })).join("\n");
}

function sameRetention(a: Retention, b: Retention) {
  return RETENTION_KINDS.every((k) => a[k] === b[k]);
}

/** The full notice, naming each forum's controller and (when they differ) each forum's periods. */
export function noticeText(t: T, forums: ForumPrivacy[], opts: { changed?: boolean } = {}): string {
  const shared = forums.length === 0 || forums.every((f) => sameRetention(f.retention, forums[0]!.retention));
  const how = shared
    ? retentionLines(t, forums[0]?.retention ?? DEFAULT_RETENTION)
    : forums.map((f) => `${t("privasi-retention-forum", { forum: escapeHtml(f.name) })}\n${retentionLines(t, f.retention)}`).join("\n");
  const controllers = forums.length
    ? forums
        .map((f) => t("privasi-controller-line", { forum: escapeHtml(f.name), controller: f.controller ? escapeHtml(f.controller) : t("privasi-controller-unset", { forum: escapeHtml(f.name) }) }))
        .join("\n")
    : t("privasi-controller-none");
  return [
    ...(opts.changed ? [t("privasi-notice-changed")] : []),
    t("privasi-notice-title"),
    t("privasi-notice-what"),
    t("privasi-notice-why"),
    t("privasi-notice-who"),
    t("privasi-notice-how-long", { lines: `${how}\n${t("privasi-retention-until-erased")}` }),
    t("privasi-notice-controller", { lines: controllers }),
    t("privasi-notice-rights"),
    t("privasi-notice-decline"),
  ].join("\n\n");
}

/** The forum a /start payload leads into, so its controller is named before the person agrees. */
export async function payloadForum(deps: Deps, payload: string): Promise<number | null> {
  const p = payload.trim();
  if (!p) return null;
  const asp = p.match(/^aspirasi_([A-Za-z0-9]{1,20})$/);
  if (asp) return (await villageByReportKey(deps, asp[1]!))?.forumId ?? null;
  if (/^[A-Za-z2-9]{8}$/.test(p)) {
    const inv = await deps.prisma.invite.findUnique({ where: { code: p.toUpperCase() }, select: { forumId: true, purpose: true } });
    return inv?.purpose === "role" ? inv.forumId : null;
  }
  return null;
}

/** The forums whose notice the person is shown (theirs, plus the one a deep link leads into). */
export async function noticeForums(ctx: FlowContext, extraForumId: number | null = null): Promise<ForumPrivacy[]> {
  const ids = [...new Set([...forumsOf(ctx.access).map((f) => f.id), ...(extraForumId ? [extraForumId] : [])])].sort((a, b) => a - b);
  const out: ForumPrivacy[] = [];
  for (const id of ids) {
    const f = await forumPrivacy(ctx.deps.prisma, id);
    if (f) out.push(f);
  }
  return out;
}

export function versionOf(forums: ForumPrivacy[]): string {
  return versionString(forums.map((f): ForumVersion => ({ id: f.id, version: f.version })));
}

export function currentStatus(ctx: FlowContext) {
  return ctx.person ? noticeStatus(ctx.person, forumsOf(ctx.access)) : "ask";
}

/** Longest /start payload that still fits in the agree button's callback data (64 bytes). */
const MAX_RESUME = 64 - "pv:y:".length;

/** Sends the notice with its two answers; a deep link's payload rides along to resume after "agree". */
export async function sendNotice(ctx: FlowContext, opts: { changed?: boolean; resume?: string } = {}) {
  const resume = opts.resume && opts.resume.length <= MAX_RESUME && /^[A-Za-z0-9_-]+$/.test(opts.resume) ? opts.resume : "";
  const forums = await noticeForums(ctx, resume ? await payloadForum(ctx.deps, resume) : null);
  const kb = new InlineKeyboard().text(ctx.t("privasi-btn-agree"), noticeCb.build({ act: "y", p: resume })).text(ctx.t("privasi-btn-decline"), noticeCb.build({ act: "n", p: "" }));
  await ctx.reply(`${noticeText(ctx.t.bind(ctx), forums, opts)}\n\n${ctx.t("privasi-notice-ask")}`, { parse_mode: "HTML", reply_markup: kb });
}

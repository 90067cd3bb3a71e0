/**
 * Privasi warga (UU PDP No. 27/2022): /privasi (notice and consent, the forum's settings for its
 * admins), /dataku (everything held, as JSON and a summary), /hapusdata (erasure after a
 * confirmation), /audit (the forum's audit log for its admins), and the daily retention purge.
 * The consent gate itself is ./privasi/gate.ts, installed in src/bot/index.ts.
 */
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { commandAndMenu } from "../lib/commands.js";
import { actorOf } from "../lib/forum.js";
import { requireForum } from "./forum-setup.js";
import { defineCallback, intId } from "../lib/callback.js";
import { deepLink, escapeHtml, pagerRow, replyError } from "../lib/replies.js";
import { askText, refusable } from "../lib/flow.js";
import { NotAllowed } from "../../domain/errors.js";
import { formatDateTimeLong, formatDateTimeShort, isZoneName, type ZoneName } from "../../lib/time.js";
import { buildXlsx } from "../../lib/spreadsheet.js";
import { recordAnswer } from "../../domain/privasi/consent.js";
import { collectPersonalData, auditSelfExport, type PersonalData } from "../../domain/privasi/dataku.js";
import { erasePerson } from "../../domain/privasi/erase.js";
import { AUDIT_FILTER_NAMES, audit, exportAudit, listAudit, type AuditFilter, type AuditRow } from "../../domain/privasi/audit.js";
import { CONTROLLER_MAX, RETENTION, RETENTION_KINDS, forumPrivacy, setController, setRetention, type RetentionKind } from "../../domain/privasi/settings.js";
import { RETENTION_JOB, RETENTION_OWNER, retentionHandler } from "../../domain/privasi/retention.js";
import { currentStatus, noticeCb, noticeForums, noticeText, payloadForum, period, retentionLines, sendNotice, versionOf } from "./privasi/notice.js";

/** ph:<act>:<minute issued, base 36> — y erase, n keep. */
export const eraseCb = defineCallback("ph", ["act", "t"] as const);
/** pa:<forum>:<filter index>:<page> */
export const auditCb = defineCallback("pa", ["forum", "f", "page"] as const);
/** pax:<forum>:<filter index> — XLSX of the filtered log. */
export const auditExportCb = defineCallback("pax", ["forum", "f"] as const);
/** pz:<forum>:<act>:<value> — m menu, c controller, k<kind> ask period, r<kind> set period. */
export const settingsCb = defineCallback("pz", ["forum", "act", "v"] as const);

const CONTROLLER_FLOW = "privasi-controller";
/** A confirmation to erase is good for this long. */
const ERASE_CONFIRM_MINUTES = 15;

type T = (key: string, params?: Record<string, string | number>) => string;
const tOf = (ctx: FlowContext): T => ctx.t.bind(ctx) as T;
const langOf = (ctx: FlowContext) => (ctx.person?.language === "en" ? "en" : "id");
const zoneOf = (tz: string | null | undefined): ZoneName => (isZoneName(tz) ? tz : "Asia/Jakarta");
/** Pressing the button of the page already shown edits nothing; any other failure is a real one. */
const unlessNotModified = (err: unknown) => {
  if (!/message is not modified/i.test(String((err as Error)?.message ?? err))) throw err;
};

// ------------------------------------------------------------------------------ /privasi

async function showPrivacy(ctx: FlowContext) {
  const t = tOf(ctx);
  const forums = await noticeForums(ctx);
  const p = ctx.person!;
  const status = currentStatus(ctx);
  const at = p.privacyAnsweredAt ? formatDateTimeLong(p.privacyAnsweredAt, "Asia/Jakarta", langOf(ctx)) : "";
  const statusLine =
    p.privacyConsent === "given" && status === "current"
      ? t("privasi-status-given", { date: at })
      : p.privacyConsent === "declined"
        ? t("privasi-status-declined", { date: at })
        : t(status === "changed" ? "privasi-notice-changed" : "privasi-status-ask");
  const kb = new InlineKeyboard();
  if (status === "current") kb.text(t("privasi-btn-withdraw"), noticeCb.build({ act: "w", p: "" })).row();
  else kb.text(t("privasi-btn-agree"), noticeCb.build({ act: "y", p: "" })).text(t("privasi-btn-decline"), noticeCb.build({ act: "n", p: "" })).row();
  kb.text(t("privasi-btn-dataku"), "menu:dataku").text(t("privasi-btn-hapus"), "menu:hapusdata").row();
  for (const f of ctx.access.forums().filter((f) => ctx.access.isAdmin(f.id)).slice(0, 4)) {
    const suffix = ctx.access.forums().filter((x) => ctx.access.isAdmin(x.id)).length > 1 ? ` · ${f.name}`.slice(0, 30) : "";
    kb.text(`${t("privasi-btn-settings")}${suffix}`, settingsCb.build({ forum: f.id, act: "m", v: "" })).text(t("privasi-btn-audit"), auditCb.build({ forum: f.id, f: 0, page: 0 })).row();
  }
  await ctx.reply(`${noticeText(t, forums)}\n\n${statusLine}`, { parse_mode: "HTML", reply_markup: kb });
}

async function answerNotice(deps: Deps, ctx: FlowContext, act: string, resume: string) {
  const t = tOf(ctx);
  const person = ctx.person!;
  const now = deps.clock.now();
  if (act === "s") {
    await ctx.answerCallbackQuery();
    return sendNotice(ctx, { resume });
  }
  const given = act === "y";
  const forums = await noticeForums(ctx, given && resume ? await payloadForum(deps, resume) : null);
  const updated = await recordAnswer(deps, person.id, given ? "given" : "declined", versionOf(forums), now, ctx.from!);
  Object.assign(person, { firstName: updated.firstName, lastName: updated.lastName, username: updated.username, privacyConsent: updated.privacyConsent, privacyVersion: updated.privacyVersion, privacyAnsweredAt: updated.privacyAnsweredAt });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
  if (!given) return void (await ctx.reply(t("privasi-declined")));
  const kb = new InlineKeyboard();
  if (resume && deps.botUsername) kb.url(t("privasi-btn-continue"), deepLink(deps.botUsername, resume));
  else kb.text(t("privasi-btn-menu"), "menu:start");
  const text = t("privasi-agreed", { date: formatDateTimeLong(now, "Asia/Jakarta", langOf(ctx)) }) + (resume ? `\n${t("privasi-agreed-continue")}` : "");
  await ctx.reply(text, { reply_markup: kb });
}

// ------------------------------------------------------------------------------ /dataku

function summary(t: T, d: PersonalData, outboxDays: number, lang: "id" | "en"): string {
  const date = (iso: string | null) => (iso ? formatDateTimeLong(new Date(iso), "Asia/Jakarta", lang) : "");
  const lines: string[] = [t("privasi-dataku-title"), ""];
  lines.push(
    t("privasi-dataku-profile", {
      name: escapeHtml([d.person.firstName, d.person.lastName].filter(Boolean).join(" ")),
      username: d.person.username ? ` (@${escapeHtml(d.person.username)})` : "",
      id: d.person.telegramUserId,
    }),
  );
  const c = d.person.consent;
  lines.push(c.answer === "given" ? t("privasi-dataku-consent-given", { date: date(c.answeredAt) }) : c.answer === "declined" ? t("privasi-dataku-consent-declined", { date: date(c.answeredAt) }) : t("privasi-dataku-consent-none"));
  lines.push("", t("privasi-dataku-memberships", { count: d.memberships.length }));
  for (const m of d.memberships.slice(0, 8)) lines.push(t("privasi-dataku-membership-line", { role: t(`role-${m.role}`), village: escapeHtml(m.village ?? "-"), forum: escapeHtml(m.forum) }));
  const messages = d.aspirations.reduce((n, a) => n + a.messages.filter((x) => x.kind === "message").length, 0);
  lines.push("", t("privasi-dataku-aspirations", { count: d.aspirations.length, messages }));
  for (const a of d.aspirations.slice(0, 8)) lines.push(t("privasi-dataku-aspiration-line", { ticket: escapeHtml(a.ticket), status: escapeHtml(a.status) }));
  if (d.supports.length) lines.push(t("privasi-dataku-supports", { count: d.supports.length }));
  lines.push(
    "",
    t("privasi-dataku-meetings", { invited: d.meetings.invitations.length, attended: d.meetings.invitations.filter((i) => i.checkedInAt).length, organised: d.meetings.organised.length }),
    t("privasi-dataku-discussions", { messages: d.discussions.messages.length, opened: d.discussions.topicsOpened.length }),
    t("privasi-dataku-votes-open", { count: d.votes.open.length }),
    t("privasi-dataku-votes-secret", { count: d.votes.secret.length }),
    "",
    t("privasi-dataku-other", {
      claims: d.villageClaims.length,
      codes: d.codes.issued.length + d.codes.redeemed.length,
      broadcasts: d.broadcasts.length,
      posts: d.bursa.posts.length,
      audit: d.auditEntries.length,
    }),
    t("privasi-dataku-outbox", { count: d.outbox.messagesToYou, period: period(t, outboxDays) }),
    "",
    t("privasi-dataku-file"),
  );
  return lines.join("\n").slice(0, 4000);
}

async function sendMyData(deps: Deps, ctx: FlowContext) {
  const person = ctx.person!;
  try {
    const data = await collectPersonalData(deps, person.id);
    const forumIds = await relatedForums(deps, person.id);
    const outboxDays = Math.max(...[RETENTION.outbox.default, ...(await Promise.all(forumIds.map(async (id) => (await forumPrivacy(deps.prisma, id))?.retention.outbox ?? 0)))]);
    const t = tOf(ctx);
    await ctx.reply(summary(t, data, outboxDays, langOf(ctx)), { parse_mode: "HTML" });
    const day = deps.clock.now().toISOString().slice(0, 10);
    await ctx.replyWithDocument(new InputFile(Buffer.from(JSON.stringify(data, null, 2), "utf8"), `data-saya-${day}.json`), {
      caption: t("privasi-dataku-caption", { date: formatDateTimeLong(deps.clock.now(), "Asia/Jakarta", langOf(ctx)) }),
    });
    // Exports of personal data are audited, the person's own included (in each forum holding any).
    await auditSelfExport(deps, person.id, data, forumIds);
  } catch (err) {
    await replyError(ctx, err);
  }
}

async function relatedForums(deps: Deps, personId: number): Promise<number[]> {
  const rows = await deps.prisma.$queryRaw<Array<{ forum_id: number }>>`
    SELECT forum_id FROM memberships WHERE person_id = ${personId}
    UNION SELECT forum_id FROM aspirations WHERE reporter_id = ${personId}
    UNION SELECT forum_id FROM relay_messages WHERE author_id = ${personId}
    UNION SELECT forum_id FROM meeting_invitees WHERE person_id = ${personId}
    UNION SELECT forum_id FROM vote_participations WHERE person_id = ${personId}`;
  return rows.map((r) => r.forum_id).sort((a, b) => a - b);
}

// ------------------------------------------------------------------------------ /hapusdata

const minuteStamp = (d: Date) => Math.floor(d.getTime() / 60_000).toString(36);

async function askErase(deps: Deps, ctx: FlowContext) {
  const t = tOf(ctx);
  const kb = new InlineKeyboard()
    .text(t("privasi-btn-hapus-yes"), eraseCb.build({ act: "y", t: minuteStamp(deps.clock.now()) }))
    .row()
    .text(t("btn-cancel"), eraseCb.build({ act: "n", t: "0" }));
  await ctx.reply(t("privasi-hapus-confirm"), { parse_mode: "HTML", reply_markup: kb });
}

/** What sits in Redis under the person's Telegram id: the session, a flow in progress, the flood counter. */
async function forgetLiveState(deps: Deps, ctx: FlowContext, telegramUserId: number) {
  (ctx as unknown as { session: unknown }).session = undefined;
  if (!deps.redis) return;
  const p = deps.config.REDIS_PREFIX;
  await deps.redis.del(`${p}session:${telegramUserId}`, `${p}conv:${telegramUserId}`, `${p}flood:${telegramUserId}`).catch((err) => deps.logger.warn({ err }, "privasi: live state not cleared"));
}

async function doErase(deps: Deps, ctx: FlowContext, stamp: string) {
  const t = tOf(ctx);
  const issued = parseInt(stamp, 36) * 60_000;
  if (!Number.isFinite(issued) || deps.clock.now().getTime() - issued > ERASE_CONFIRM_MINUTES * 60_000) {
    await ctx.answerCallbackQuery();
    return void (await ctx.reply(t("privasi-hapus-expired")));
  }
  try {
    await erasePerson({ prisma: deps.prisma, clock: deps.clock, hashSecret: deps.config.BOT_TOKEN }, ctx.person!.id);
  } catch (err) {
    return replyError(ctx, err);
  }
  await forgetLiveState(deps, ctx, ctx.from!.id);
  ctx.person = null;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
  await ctx.reply(t("privasi-hapus-done"));
}

// ------------------------------------------------------------------------------ /audit

function detailsText(r: AuditRow): string {
  return Object.entries(r.details)
    .filter(([k]) => k !== "actorErased")
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
    .join(" ");
}

function actorLabel(t: T, r: AuditRow): string {
  if (r.actorId !== null) return r.actorName ?? "—";
  return r.details.actorErased ? t("privasi-audit-erased") : t("privasi-audit-system");
}

async function renderAudit(deps: Deps, ctx: FlowContext, forumId: number, filterIdx: number, page: number, edit: boolean) {
  const t = tOf(ctx);
  const filter: AuditFilter = AUDIT_FILTER_NAMES[filterIdx] ?? "all";
  const forum = await deps.prisma.forum.findUnique({ where: { id: forumId }, select: { name: true, timezone: true } });
  const { rows, total, pages } = await listAudit(deps, actorOf(ctx), forumId, { filter, page });
  const zone = zoneOf(forum?.timezone);
  const lines = rows.map((r) =>
    t("privasi-audit-line", {
      when: formatDateTimeShort(r.at, zone, langOf(ctx)),
      actor: escapeHtml(actorLabel(t, r)),
      action: t(`audit-action-${r.action.replace(".", "-")}`),
      target: r.targetLabel ? ` — ${escapeHtml(r.targetLabel.slice(0, 60))}` : r.target === "person:erased" ? ` — ${t("privasi-audit-erased")}` : "",
    }),
  );
  const text = [t("privasi-audit-title", { forum: escapeHtml(forum?.name ?? ""), filter: escapeHtml(t(`privasi-audit-filter-${filter}`)), total }), "", lines.length ? lines.join("\n") : t("privasi-audit-empty")].join("\n");
  const kb = new InlineKeyboard();
  AUDIT_FILTER_NAMES.forEach((name, i) => {
    kb.text(`${i === filterIdx ? "✅ " : ""}${t(`privasi-audit-filter-${name}`)}`, auditCb.build({ forum: forumId, f: i, page: 0 }));
    if (i % 3 === 2) kb.row();
  });
  pagerRow(kb, page, pages, (p) => auditCb.build({ forum: forumId, f: filterIdx, page: p }));
  kb.row().text(t("privasi-audit-btn-export"), auditExportCb.build({ forum: forumId, f: filterIdx }));
  const opts = { parse_mode: "HTML" as const, reply_markup: kb };
  if (edit) await ctx.editMessageText(text.slice(0, 4000), opts).catch(unlessNotModified);
  else await ctx.reply(text.slice(0, 4000), opts);
}

async function exportAuditFile(deps: Deps, ctx: FlowContext, forumId: number, filterIdx: number) {
  const t = tOf(ctx);
  const filter: AuditFilter = AUDIT_FILTER_NAMES[filterIdx] ?? "all";
  const actor = actorOf(ctx);
  const rows = await exportAudit(deps, actor, forumId, filter);
  const forum = await deps.prisma.forum.findUnique({ where: { id: forumId }, select: { name: true, timezone: true } });
  const zone = zoneOf(forum?.timezone);
  const file = await buildXlsx(
    [
      {
        name: t("privasi-audit-sheet"),
        columns: [
          { header: t("privasi-audit-col-when"), key: "when", type: "date" },
          { header: t("privasi-audit-col-actor"), key: "actor" },
          { header: t("privasi-audit-col-action"), key: "action" },
          { header: t("privasi-audit-col-target"), key: "target" },
          { header: t("privasi-audit-col-details"), key: "details" },
        ],
        rows: rows.map((r) => ({
          when: r.at,
          actor: actorLabel(t, r),
          action: t(`audit-action-${r.action.replace(".", "-")}`),
          target: r.targetLabel ?? (r.target === "person:erased" ? t("privasi-audit-erased") : (r.target ?? "")),
          details: detailsText(r),
        })),
      },
    ],
    { zone },
  );
  // The download of the audit log is itself an audited export of personal data.
  await audit(deps.prisma, { forumId, actorId: actor.personId, action: "audit.export", target: `forum:${forumId}`, details: { filter, rows: rows.length }, at: deps.clock.now() });
  await ctx.replyWithDocument(new InputFile(file, `audit-forum-${forumId}-${deps.clock.now().toISOString().slice(0, 10)}.xlsx`), {
    caption: t("privasi-audit-export-caption", { forum: escapeHtml(forum?.name ?? ""), filter: escapeHtml(t(`privasi-audit-filter-${filter}`)), count: rows.length }),
    parse_mode: "HTML",
  });
}

// ------------------------------------------------------------------------------ settings (admins)

async function renderSettings(deps: Deps, ctx: FlowContext, forumId: number, edit: boolean) {
  const t = tOf(ctx);
  if (!ctx.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
  const f = await forumPrivacy(deps.prisma, forumId);
  if (!f) throw new NotAllowed("not_admin");
  const text = t("privasi-settings", { forum: escapeHtml(f.name), controller: f.controller ? escapeHtml(f.controller) : t("privasi-settings-unset"), lines: retentionLines(t, f.retention) });
  const kb = new InlineKeyboard().text(t("privasi-btn-controller"), settingsCb.build({ forum: forumId, act: "c", v: "" })).row();
  RETENTION_KINDS.forEach((k, i) => {
    kb.text(t(`privasi-btn-kind-${k}`), settingsCb.build({ forum: forumId, act: "k", v: i }));
    if (i % 2 === 1) kb.row();
  });
  if (edit) await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(unlessNotModified);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
}

function controllerFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const text = await askText(conversation, ctx, ctx.t("privasi-ask-controller"), { min: 5, max: CONTROLLER_MAX });
    const r = await refusable(conversation, async (octx) => {
      return { ok: true as const, controller: await setController(deps, actorOf(octx), forumId, text) };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("privasi-controller-saved", { controller: escapeHtml(r.controller) }), { parse_mode: "HTML" });
  };
}

async function onSettings(deps: Deps, ctx: BotContext, forumId: number, act: string, v: string) {
  const t = tOf(ctx);
  if (!ctx.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
  if (act === "m") {
    await ctx.answerCallbackQuery();
    return renderSettings(deps, ctx, forumId, false);
  }
  if (act === "c") {
    await ctx.answerCallbackQuery();
    return ctx.conversation.enter(CONTROLLER_FLOW, forumId);
  }
  const kind = RETENTION_KINDS[Number(v.split("-")[0])] as RetentionKind | undefined;
  if (!kind) return ctx.answerCallbackQuery({ text: t("error-old-button") });
  if (act === "k") {
    await ctx.answerCallbackQuery();
    const kb = new InlineKeyboard();
    RETENTION[kind].choices.forEach((days) => kb.text(period(t, days), settingsCb.build({ forum: forumId, act: "r", v: `${RETENTION_KINDS.indexOf(kind)}-${days}` })));
    kb.row().text(t("privasi-btn-back"), settingsCb.build({ forum: forumId, act: "m", v: "" }));
    return ctx.reply(t("privasi-choose-retention", { what: t(`privasi-kind-${kind}`) }), { reply_markup: kb });
  }
  if (act === "r") {
    const days = Number(v.split("-")[1]);
    await setRetention(deps, actorOf(ctx), forumId, kind, days);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
    return ctx.reply(t("privasi-retention-saved", { what: t(`privasi-kind-${kind}`), period: period(t, days) }));
  }
  return ctx.answerCallbackQuery({ text: t("error-old-button") });
}

// ------------------------------------------------------------------------------ feature

export const privasiFeature: Feature = {
  name: "privasi",
  commands: [
    { command: "privasi", scopes: ["private"], audience: "all" },
    { command: "dataku", scopes: ["private"], audience: "all" },
    { command: "hapusdata", scopes: ["private"], audience: "all" },
    { command: "audit", scopes: ["private"], audience: "admin_forum" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private") as unknown as Composer<BotContext>;
    p.use(createConversation(controllerFlow(deps), CONTROLLER_FLOW));

    commandAndMenu(p, "privasi", (ctx) => showPrivacy(ctx));
    commandAndMenu(p, "dataku", (ctx) => sendMyData(deps, ctx));
    commandAndMenu(p, "hapusdata", (ctx) => askErase(deps, ctx));
    commandAndMenu(p, "audit", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      try {
        await renderAudit(deps, ctx, forumId, 0, 0, false);
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    p.callbackQuery(noticeCb.filter, async (ctx) => {
      const d = noticeCb.parse(ctx.callbackQuery.data)!;
      if (!ctx.person || !["y", "n", "w", "s"].includes(d.act)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      await answerNotice(deps, ctx, d.act, d.p);
    });

    p.callbackQuery(eraseCb.filter, async (ctx) => {
      const d = eraseCb.parse(ctx.callbackQuery.data)!;
      if (!ctx.person) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      if (d.act === "n") {
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
        return ctx.reply(ctx.t("privasi-hapus-cancelled"));
      }
      if (d.act !== "y") return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      await doErase(deps, ctx, d.t);
    });

    // Rights come from the current role, never from the button: every press is checked again.
    p.callbackQuery(auditCb.filter, async (ctx) => {
      const d = auditCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const page = Number(d.page);
      if (!forumId || !/^\d{1,5}$/.test(d.page)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        await renderAudit(deps, ctx, forumId, Number(d.f), page, ctx.callbackQuery.message?.text?.startsWith("📜") ?? false);
        await ctx.answerCallbackQuery();
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    p.callbackQuery(auditExportCb.filter, async (ctx) => {
      const d = auditExportCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      if (!forumId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        await exportAuditFile(deps, ctx, forumId, Number(d.f));
        await ctx.answerCallbackQuery();
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    p.callbackQuery(settingsCb.filter, async (ctx) => {
      const d = settingsCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      if (!forumId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        await onSettings(deps, ctx, forumId, d.act, d.v);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    return c;
  },
  jobs() {
    return { [RETENTION_JOB]: retentionHandler() };
  },
  async onStart(deps) {
    // The first link of the daily chain; every run schedules the next in its own transaction.
    await deps.jobs.ensurePending({ kind: RETENTION_JOB, ownerId: RETENTION_OWNER, dueAt: new Date(deps.clock.now().getTime() + 60_000) });
  },
};

import { Composer, InlineKeyboard, InputFile } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../../context.js";
import type { Deps } from "../../../deps.js";
import {
  LIMITS,
  STATUSES,
  actOnAspiration,
  checkAction,
  clusters,
  detailForOfficial,
  exportRows,
  listIncoming,
  officialMessage,
  overdueByVillage,
  parseCategories,
  updateSettings,
  type AspirasiDeps,
  type AspirationStatus,
  type ExportRow,
  type IncomingFilter,
  type OfficialAction,
} from "../../../domain/aspirasi/index.js";
import { forumInfo } from "../../../domain/aspirasi/repository.js";
import { canView } from "../../../domain/aspirasi/service.js";
import { buildCsv, buildXlsx, type SheetColumn } from "../../../lib/spreadsheet.js";
import { qrPng } from "../../../lib/qr.js";
import { dateInZone, zonedParts, type ZoneName } from "../../../lib/time.js";
import { askChoice, askChoicePaged, askText } from "../../lib/flow.js";
import { actorOf } from "../../lib/forum.js";
import { deepLink, escapeHtml, pagerRow, replyError } from "../../lib/replies.js";
import { commandAndMenu } from "../../lib/commands.js";
import { intId } from "../../lib/callback.js";
import { requireForum } from "../forum-setup.js";
import { ACTION_CODES, actCb, detailCb, filterCb, incomingCb, mediaCb, qrCb, settingsCb } from "./callbacks.js";
import { aspirasiPayload, askNote, editOrReply, run } from "./common.js";
import { caseCard, listLine, officialKeyboard, shortDate, status, summary, timelineText, trOf, type Tr } from "./render.js";
import { NotAllowed, NotFound } from "../../../domain/errors.js";

const NOTE_FLOW = "aspirasi-note";
const FORWARD_FLOW = "aspirasi-forward";
const REPLY_FLOW = "aspirasi-official-reply";
const EXPORT_FLOW = "aspirasi-export";
const SETTINGS_FLOW = "aspirasi-settings";

/** Status filters of /aspirasi_masuk, addressed by index in callback data. */
const STATUS_FILTERS: Array<IncomingFilter["status"]> = ["open", "all", ...STATUSES];

function doneText(tr: Tr, ticket: string, action: OfficialAction, s: AspirationStatus) {
  return tr.t("aspirasi-act-done", { ticket, status: status(tr, s), action });
}

/** Process / finish / reject: the note goes to the reporter with the new status. */
function noteFlow(ad: AspirasiDeps) {
  return async (conversation: Flow, ctx: FlowContext, id: number, action: "process" | "resolve" | "reject", ver: number, ticket: string) => {
    const tr = trOf(ctx);
    const required = action === "reject";
    const note = await askNote(conversation, ctx, tr.t(`aspirasi-ask-note-${action}`, { ticket }), {
      required,
      min: required ? LIMITS.reasonMinChars : undefined,
      max: LIMITS.noteMaxChars,
    });
    const r = await run(conversation, (octx) => actOnAspiration(ad, actorOf(octx), { aspirationId: id, action, expectedVersion: ver, note }).then((v) => v.status));
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(doneText(tr, ticket, action, r.value), { parse_mode: "HTML" });
  };
}

function forwardFlow(deps: Deps, ad: AspirasiDeps) {
  return async (conversation: Flow, ctx: FlowContext, id: number, ver: number, ticket: string) => {
    const tr = trOf(ctx);
    const options = await conversation.external(async (octx) => {
      const row = await deps.prisma.aspiration.findFirst({ where: { id, forumId: { in: octx.access.forumIds() } }, select: { forumId: true, villageId: true } });
      if (!row) return [];
      const villages = await deps.prisma.village.findMany({ where: { forumId: row.forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      const list = villages.filter((v) => v.id !== row.villageId).map((v) => ({ label: v.name, value: String(v.id) }));
      if (row.villageId != null) list.push({ label: tr.t("aspirasi-kecamatan-cap"), value: "0" });
      return list;
    });
    if (options.length === 0) return void (await ctx.reply(ctx.t("error-aspirasi_not_found")));
    const picked = await askChoicePaged(conversation, ctx, tr.t("aspirasi-ask-forward", { ticket }), options);
    const target = picked === "0" ? null : Number(picked);
    const note = await askNote(conversation, ctx, tr.t("aspirasi-ask-note-forward"), { max: LIMITS.noteMaxChars });
    const r = await run(conversation, (octx) =>
      actOnAspiration(ad, actorOf(octx), { aspirationId: id, action: "forward", expectedVersion: ver, note, targetVillageId: target }).then((v) => v.status),
    );
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(tr.t("aspirasi-forward-done", { ticket, target: escapeHtml(options.find((o) => o.value === picked)?.label ?? "") }), { parse_mode: "HTML" });
  };
}

function officialReplyFlow(ad: AspirasiDeps) {
  return async (conversation: Flow, ctx: FlowContext, id: number, ticket: string) => {
    const tr = trOf(ctx);
    const text = await askText(conversation, ctx, tr.t("aspirasi-ask-reply-official", { ticket }), { max: LIMITS.messageMaxChars });
    const r = await run(conversation, (octx) => officialMessage(ad, actorOf(octx), id, text));
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(tr.t("aspirasi-reply-sent-official", { ticket }), { parse_mode: "HTML" });
  };
}

// ---------- export ----------

function exportColumns(tr: Tr): SheetColumn[] {
  const col = (key: string, type?: SheetColumn["type"]): SheetColumn => ({ key, header: tr.t(`aspirasi-col-${key}`), ...(type ? { type } : {}) });
  return [
    col("ticket", "text"),
    col("created", "date"),
    col("village"),
    col("handler"),
    col("category"),
    col("text"),
    col("status"),
    col("support", "number"),
    col("privacy"),
    col("reporter"),
    col("location"),
    col("verified", "date"),
    col("resolved", "date"),
    col("note"),
    col("overdue"),
  ];
}

/** One spreadsheet row; anonymous reporters are a label, rahasia content a placeholder. */
function exportRow(tr: Tr, r: ExportRow) {
  return {
    ticket: r.ticketNo,
    created: r.createdAt,
    village: r.village,
    handler: r.handler ?? tr.t("aspirasi-kecamatan-cap"),
    category: r.category,
    text: r.text ?? tr.t("aspirasi-export-withheld"),
    status: status(tr, r.status),
    support: r.supportCount,
    privacy: tr.t(`aspirasi-privacy-word-${r.privacy}`),
    reporter: r.reporterName ?? tr.t(`aspirasi-privacy-word-${r.privacy}`),
    location: r.privacy === "rahasia" ? tr.t("aspirasi-export-withheld") : (r.location ?? ""),
    verified: r.verifiedAt,
    resolved: r.resolvedAt,
    note: r.privacy === "rahasia" ? tr.t("aspirasi-export-withheld") : (r.lastNote ?? ""),
    overdue: r.overdue ? tr.t("aspirasi-yes") : "",
  };
}

function periodStart(now: Date, zone: ZoneName, period: string): Date | null {
  const p = zonedParts(now, zone);
  if (period === "30d") return new Date(now.getTime() - 30 * 24 * 3600_000);
  if (period === "month") return dateInZone({ year: p.year, month: p.month, day: 1 }, zone);
  if (period === "year") return dateInZone({ year: p.year, month: 1, day: 1 }, zone);
  return null;
}

function exportFlow(deps: Deps, ad: AspirasiDeps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const tr = trOf(ctx);
    const scope = await conversation.external(async (octx) => {
      const admin = octx.access.isAdmin(forumId);
      const own = octx.access.officialVillages(forumId);
      const villages = await deps.prisma.village.findMany({ where: { forumId, ...(admin ? {} : { id: { in: own } }) }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      return { admin, villages };
    });
    const choices = scope.villages.map((v) => ({ label: v.name, value: String(v.id) }));
    if (scope.admin) choices.unshift({ label: tr.t("aspirasi-all-villages"), value: "0" });
    if (choices.length === 0) return void (await ctx.reply(ctx.t("error-aspirasi_not_official")));
    const village = choices.length === 1 ? choices[0]!.value : await askChoicePaged(conversation, ctx, tr.t("aspirasi-export-ask-village"), choices);
    const st = await askChoice(
      conversation,
      ctx,
      tr.t("aspirasi-export-ask-status"),
      [{ label: tr.t("aspirasi-filter-all"), value: "all" }, ...STATUSES.map((s) => ({ label: status(tr, s), value: s }))],
      { columns: 2 },
    );
    const period = await askChoice(conversation, ctx, tr.t("aspirasi-export-ask-period"), [
      { label: tr.t("aspirasi-period-30d"), value: "30d" },
      { label: tr.t("aspirasi-period-month"), value: "month" },
      { label: tr.t("aspirasi-period-year"), value: "year" },
      { label: tr.t("aspirasi-period-all"), value: "all" },
    ]);
    const villageName = choices.find((c) => c.value === village)!.label;
    // Built and sent outside the replay log: a file is made once, not on every replay.
    const r = await run(conversation, async (octx) => {
      const forum = (await forumInfo(deps.prisma, forumId))!;
      const now = deps.clock.now();
      const data = await exportRows(ad, actorOf(octx), {
        forumId,
        villageId: village === "0" ? null : Number(village),
        status: st as AspirationStatus | "all",
        from: periodStart(now, forum.zone, period),
        to: null,
      });
      const otr = trOf(octx);
      const cols = exportColumns(otr);
      const rows = data.rows.map((x) => exportRow(otr, x));
      const p = zonedParts(now, forum.zone);
      const stamp = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
      const base = `aspirasi-${villageName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "semua"}-${stamp}`;
      const xlsx = await buildXlsx([{ name: otr.t("aspirasi-export-sheet"), columns: cols, rows }], { zone: forum.zone });
      const csv = buildCsv(cols, rows, { zone: forum.zone });
      const caption = otr.t("aspirasi-export-caption", { count: rows.length, village: escapeHtml(villageName) });
      await octx.replyWithDocument(new InputFile(xlsx, `${base}.xlsx`), { caption, parse_mode: "HTML" });
      await octx.replyWithDocument(new InputFile(csv, `${base}.csv`));
      return rows.length;
    });
    if (!r.ok) return void (await ctx.reply(r.text));
  };
}

// ---------- settings ----------

function settingsFlow(ad: AspirasiDeps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, which: "t" | "k") => {
    const tr = trOf(ctx);
    if (which === "t") {
      const num = (lo: number, hi: number) => (s: string) => (/^\d{1,3}$/.test(s) && Number(s) >= lo && Number(s) <= hi ? null : { key: "aspirasi-days-range", params: { min: lo, max: hi } });
      const verify = Number(await askText(conversation, ctx, tr.t("aspirasi-ask-verify-days"), { validate: num(1, 30) }));
      const escalate = Number(await askText(conversation, ctx, tr.t("aspirasi-ask-escalate-days"), { validate: num(1, 120) }));
      const r = await run(conversation, (octx) => updateSettings(ad, actorOf(octx), forumId, { verifyDays: verify, escalateDays: escalate }));
      if (!r.ok) return void (await ctx.reply(r.text));
      await ctx.reply(tr.t("aspirasi-settings-saved-days", { verify, escalate }));
      return;
    }
    for (;;) {
      const text = await askText(conversation, ctx, tr.t("aspirasi-ask-categories"), { max: 2000 });
      const r = await run(conversation, async (octx) => updateSettings(ad, actorOf(octx), forumId, { categories: parseCategories(text) }));
      if (!r.ok) {
        await ctx.reply(r.text);
        if (r.reason === "not_admin") return;
        continue;
      }
      await ctx.reply(tr.t("aspirasi-settings-saved-categories", { list: r.value.categories.map((c) => `• ${escapeHtml(c)}`).join("\n") }), { parse_mode: "HTML" });
      return;
    }
  };
}

// ---------- handlers ----------

export function officialsComposer(deps: Deps, ad: AspirasiDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const p = c.chatType("private") as unknown as Composer<BotContext>;
  p.use(createConversation(noteFlow(ad), NOTE_FLOW));
  p.use(createConversation(forwardFlow(deps, ad), FORWARD_FLOW));
  p.use(createConversation(officialReplyFlow(ad), REPLY_FLOW));
  p.use(createConversation(exportFlow(deps, ad), EXPORT_FLOW));
  p.use(createConversation(settingsFlow(ad), SETTINGS_FLOW));

  // Card buttons: rights and the ticket's version are checked before anything is asked.
  p.callbackQuery(actCb.filter, async (ctx) => {
    const d = actCb.parse(ctx.callbackQuery.data)!;
    const id = intId(d.id);
    const ver = /^\d{1,6}$/.test(d.ver) ? Number(d.ver) : null;
    if (!id || ver === null || !ctx.person || !(d.act in ACTION_CODES || d.act === "b")) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    const actor = actorOf(ctx);
    try {
      if (d.act === "b") {
        const detail = await detailForOfficial(ad, actor, id);
        if (!detail.canAct) return replyError(ctx, new NotAllowed("aspirasi_not_your_village"));
        await ctx.answerCallbackQuery();
        return ctx.conversation.enter(REPLY_FLOW, id, detail.case.ticketNo);
      }
      const action = ACTION_CODES[d.act as keyof typeof ACTION_CODES] as OfficialAction;
      const row = await checkAction(ad, actor, { aspirationId: id, action, expectedVersion: ver });
      if (action === "verify") {
        const v = await actOnAspiration(ad, actor, { aspirationId: id, action, expectedVersion: ver });
        await ctx.answerCallbackQuery({ text: ctx.t("aspirasi-act-done-toast", { ticket: v.ticketNo, status: status(trOf(ctx), v.status) }) });
        return;
      }
      await ctx.answerCallbackQuery();
      if (action === "forward") return ctx.conversation.enter(FORWARD_FLOW, id, ver, row.ticketNo);
      return ctx.conversation.enter(NOTE_FLOW, id, action, ver, row.ticketNo);
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  const showDetail = async (ctx: FlowContext, id: number) => {
    const tr = trOf(ctx);
    const d = await detailForOfficial(ad, actorOf(ctx), id);
    const text = `${caseCard(tr, d.case, tr.t("aspirasi-card-detail"), { overdue: d.overdue, textMax: 2000 })}\n\n<b>${tr.t("aspirasi-timeline")}</b>\n${timelineText(tr, d.timeline, d.case.zone, "official", 1400)}`;
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: officialKeyboard(tr, d.case, d.canAct, { detail: false }), link_preview_options: { is_disabled: true } });
  };
  p.callbackQuery(detailCb.filter, async (ctx) => {
    const id = intId(detailCb.parse(ctx.callbackQuery.data)!.id);
    if (!id || !ctx.person) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    try {
      await showDetail(ctx, id);
      await ctx.answerCallbackQuery();
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  p.callbackQuery(mediaCb.filter, async (ctx) => {
    const id = intId(mediaCb.parse(ctx.callbackQuery.data)!.id);
    if (!id || !ctx.person) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    try {
      const actor = actorOf(ctx);
      const row = await deps.prisma.aspiration.findFirst({ where: { id, forumId: { in: actor.access.forumIds() } } });
      if (!row || !canView(actor, row)) throw new NotFound("aspirasi_not_found");
      await ctx.answerCallbackQuery();
      const photos = Array.isArray(row.photos) ? (row.photos as string[]) : [];
      if (photos.length === 1) await ctx.replyWithPhoto(photos[0]!);
      else if (photos.length > 1) await ctx.replyWithMediaGroup(photos.map((ph) => ({ type: "photo" as const, media: ph })));
      if (row.latitude != null && row.longitude != null) await ctx.replyWithLocation(row.latitude, row.longitude);
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  // ---- /aspirasi_masuk ----
  const showIncoming = async (ctx: FlowContext, forumId: number, st: number, cat: number | null, od: boolean, page: number) => {
    const tr = trOf(ctx);
    const forum = await forumInfo(deps.prisma, forumId);
    if (!forum) return;
    const category = cat === null ? null : (forum.settings.categories[cat] ?? null);
    const filter: IncomingFilter = { status: STATUS_FILTERS[st] ?? "open", category, overdueOnly: od };
    const r = await listIncoming(ad, actorOf(ctx), forumId, filter, page);
    const statusLabel = filter.status === "open" ? tr.t("aspirasi-filter-open") : filter.status === "all" ? tr.t("aspirasi-filter-all") : status(tr, filter.status);
    const head = tr.t("aspirasi-incoming-header", {
      status: statusLabel,
      category: category ? escapeHtml(category) : tr.t("aspirasi-filter-all"),
      overdue: od ? "yes" : "no",
      total: r.total,
    });
    const body = r.items.length ? r.items.map((it, i) => listLine(tr, it, r.page * 6 + i + 1, { village: true, zone: forum.zone })).join("\n\n") : tr.t("aspirasi-incoming-empty");
    const kb = new InlineKeyboard();
    r.items.forEach((it, i) => {
      kb.text(`${r.page * 6 + i + 1}. ${it.ticketNo.replace(/^ASP-/, "")}`, detailCb.build({ id: it.id }));
      if (i % 2 === 1) kb.row();
    });
    const catKey = cat === null ? "-" : cat;
    kb.row()
      .text(tr.t("aspirasi-btn-filter-status"), filterCb.build({ forum: forumId, st, cat: catKey, od: od ? 1 : 0, which: "s" }))
      .text(tr.t("aspirasi-btn-filter-category"), filterCb.build({ forum: forumId, st, cat: catKey, od: od ? 1 : 0, which: "k" }))
      .row()
      .text(tr.t(od ? "aspirasi-btn-overdue-on" : "aspirasi-btn-overdue-off"), incomingCb.build({ forum: forumId, st, cat: catKey, od: od ? 0 : 1, page: 0 }));
    pagerRow(kb, r.page, r.pages, (pg) => incomingCb.build({ forum: forumId, st, cat: catKey, od: od ? 1 : 0, page: pg }));
    await editOrReply(ctx, `${head}\n\n${body}`, kb);
  };
  commandAndMenu(p, "aspirasi_masuk", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    try {
      await showIncoming(ctx, forumId, 0, null, false, 0);
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  const parseFilter = (d: { forum: string; st: string; cat: string; od: string }) => {
    const forumId = intId(d.forum);
    const st = /^\d{1,2}$/.test(d.st) ? Number(d.st) : -1;
    const cat = d.cat === "-" ? null : /^\d{1,2}$/.test(d.cat) ? Number(d.cat) : -1;
    if (!forumId || st < 0 || st >= STATUS_FILTERS.length || cat === -1 || !/^[01]$/.test(d.od)) return null;
    return { forumId, st, cat, od: d.od === "1" };
  };
  p.callbackQuery(incomingCb.filter, async (ctx) => {
    const d = incomingCb.parse(ctx.callbackQuery.data)!;
    const f = parseFilter(d);
    if (!f || !/^\d{1,4}$/.test(d.page)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    try {
      await showIncoming(ctx, f.forumId, f.st, f.cat, f.od, Number(d.page));
      await ctx.answerCallbackQuery();
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  p.callbackQuery(filterCb.filter, async (ctx) => {
    const d = filterCb.parse(ctx.callbackQuery.data)!;
    const f = parseFilter(d);
    if (!f) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    const tr = trOf(ctx);
    if (!ctx.access.isAdmin(f.forumId) && !ctx.access.isOfficial(f.forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-aspirasi_not_official"), show_alert: true });
    const kb = new InlineKeyboard();
    const od = f.od ? 1 : 0;
    const catKey = f.cat === null ? "-" : f.cat;
    if (d.which === "s") {
      STATUS_FILTERS.forEach((s, i) => {
        const label = s === "open" ? tr.t("aspirasi-filter-open") : s === "all" ? tr.t("aspirasi-filter-all") : status(tr, s);
        kb.text(`${i === f.st ? "✅ " : ""}${label}`, incomingCb.build({ forum: f.forumId, st: i, cat: catKey, od, page: 0 }));
        if (i % 2 === 1) kb.row();
      });
    } else {
      const forum = await forumInfo(deps.prisma, f.forumId);
      kb.text(`${f.cat === null ? "✅ " : ""}${tr.t("aspirasi-filter-all")}`, incomingCb.build({ forum: f.forumId, st: f.st, cat: "-", od, page: 0 })).row();
      (forum?.settings.categories ?? []).forEach((cname, i) => {
        kb.text(`${i === f.cat ? "✅ " : ""}${cname}`.slice(0, 60), incomingCb.build({ forum: f.forumId, st: f.st, cat: i, od, page: 0 }));
        if (i % 2 === 1) kb.row();
      });
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: kb }).catch(() => {});
  });

  // ---- /aspirasi_terlambat (admins) ----
  commandAndMenu(p, "aspirasi_terlambat", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    const tr = trOf(ctx);
    try {
      const groups = await overdueByVillage(ad, actorOf(ctx), forumId);
      const forum = (await forumInfo(deps.prisma, forumId))!;
      if (groups.length === 0) return ctx.reply(tr.t("aspirasi-overdue-none"));
      const kb = new InlineKeyboard();
      let shown = 0;
      const blocks = groups.map((g) => {
        const items = g.items.slice(0, 5).map((it) => {
          if (shown < 8) {
            kb.text(it.ticketNo.replace(/^ASP-/, ""), detailCb.build({ id: it.id }));
            if (++shown % 2 === 0) kb.row();
          }
          return `• <code>${it.ticketNo}</code> · ${escapeHtml(it.category)} · ${status(tr, it.status)} · ${tr.t("aspirasi-since", { date: shortDate(tr, it.createdAt, forum.zone) })}`;
        });
        const more = g.items.length > 5 ? `\n${tr.t("aspirasi-more", { count: g.items.length - 5 })}` : "";
        return `<b>${g.village ? escapeHtml(g.village) : tr.t("aspirasi-kecamatan-cap")}</b> — ${tr.t("aspirasi-count", { count: g.items.length })}\n${items.join("\n")}${more}`;
      });
      await ctx.reply(`${tr.t("aspirasi-overdue-header")}\n\n${blocks.join("\n\n")}`.slice(0, 4000), { parse_mode: "HTML", reply_markup: kb });
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  // ---- /aspirasi_klaster (admins) ----
  commandAndMenu(p, "aspirasi_klaster", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    const tr = trOf(ctx);
    try {
      const list = await clusters(ad, actorOf(ctx), forumId);
      if (list.length === 0) return ctx.reply(tr.t("aspirasi-clusters-none"));
      const blocks = list.map((cl, i) => {
        const items = cl.items.slice(0, 6).map((it) => `• <code>${it.ticketNo}</code> · ${escapeHtml(it.village)} · 👍 ${it.supportCount}\n  <i>${summary(it.text, 100)}</i>`);
        return `${tr.t("aspirasi-cluster-title", { n: i + 1, category: escapeHtml(cl.items[0]!.category), villages: cl.villages.length, support: cl.totalSupport })}\n${items.join("\n")}`;
      });
      await ctx.reply(`${tr.t("aspirasi-clusters-header")}\n\n${blocks.join("\n\n")}`.slice(0, 4000), { parse_mode: "HTML" });
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  // ---- /aspirasi_ekspor ----
  commandAndMenu(p, "aspirasi_ekspor", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    if (!ctx.access.isAdmin(forumId) && !ctx.access.isOfficial(forumId)) return ctx.reply(ctx.t("error-aspirasi_not_official"));
    await ctx.conversation.enter(EXPORT_FLOW, forumId);
  });

  // ---- /aspirasi_qr: a poster link for the balai desa ----
  const sendQr = async (ctx: FlowContext, forumId: number, villageId: number) => {
    const v = await deps.prisma.village.findFirst({ where: { id: villageId, forumId } });
    if (!v) throw new NotFound("village_not_found");
    if (!ctx.access.canActForVillage(forumId, v.id)) throw new NotAllowed("aspirasi_not_your_village");
    const link = deepLink(deps.botUsername, await aspirasiPayload(deps, forumId, v.id));
    const png = await qrPng(link, 720);
    await ctx.replyWithPhoto(new InputFile(png, `qr-aspirasi-${v.shortCode.toLowerCase()}.png`), {
      caption: ctx.t("aspirasi-qr-caption", { village: escapeHtml(v.name), link }),
      parse_mode: "HTML",
    });
  };
  commandAndMenu(p, "aspirasi_qr", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    const admin = ctx.access.isAdmin(forumId);
    const villages = await deps.prisma.village.findMany({
      where: { forumId, ...(admin ? {} : { id: { in: ctx.access.officialVillages(forumId) } }) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    if (villages.length === 0) return ctx.reply(ctx.t("error-aspirasi_not_official"));
    try {
      if (villages.length === 1) return await sendQr(ctx, forumId, villages[0]!.id);
    } catch (err) {
      return replyError(ctx, err);
    }
    const kb = new InlineKeyboard();
    villages.slice(0, 90).forEach((v, i) => {
      kb.text(v.name, qrCb.build({ forum: forumId, village: v.id }));
      if (i % 3 === 2) kb.row();
    });
    await ctx.reply(ctx.t("aspirasi-qr-ask-village"), { reply_markup: kb });
  });
  p.callbackQuery(qrCb.filter, async (ctx) => {
    const d = qrCb.parse(ctx.callbackQuery.data)!;
    const forumId = intId(d.forum);
    const villageId = intId(d.village);
    if (!forumId || !villageId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    try {
      await sendQr(ctx, forumId, villageId);
      await ctx.answerCallbackQuery();
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  // ---- /aspirasi_atur (admins): deadlines and categories ----
  commandAndMenu(p, "aspirasi_atur", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    if (!ctx.access.isAdmin(forumId)) return ctx.reply(ctx.t("error-not_admin"));
    const s = (await forumInfo(deps.prisma, forumId))!.settings;
    const kb = new InlineKeyboard()
      .text(ctx.t("aspirasi-btn-settings-days"), settingsCb.build({ forum: forumId, which: "t" }))
      .text(ctx.t("aspirasi-btn-settings-categories"), settingsCb.build({ forum: forumId, which: "k" }));
    await ctx.reply(
      ctx.t("aspirasi-settings", { verify: s.verifyDays, escalate: s.escalateDays, list: s.categories.map((x) => `• ${escapeHtml(x)}`).join("\n") }),
      { parse_mode: "HTML", reply_markup: kb },
    );
  });
  p.callbackQuery(settingsCb.filter, async (ctx) => {
    const d = settingsCb.parse(ctx.callbackQuery.data)!;
    const forumId = intId(d.forum);
    if (!forumId || (d.which !== "t" && d.which !== "k")) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    if (!ctx.access.isAdmin(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-not_admin"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(SETTINGS_FLOW, forumId, d.which);
  });

  return c;
}

import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../../context.js";
import type { Deps } from "../../../deps.js";
import {
  LIMITS,
  checkReopen,
  confirmResolved,
  detailForReporter,
  listMine,
  publicList,
  reopenAspiration,
  reporterMessage,
  supportAspiration,
  type AspirasiDeps,
} from "../../../domain/aspirasi/index.js";
import { forumInfo } from "../../../domain/aspirasi/repository.js";
import { findChatLink } from "../../../domain/forum/service.js";
import { askText } from "../../lib/flow.js";
import { escapeHtml, pagerRow, replyError } from "../../lib/replies.js";
import { commandAndMenu } from "../../lib/commands.js";
import { intId } from "../../lib/callback.js";
import { requireForum } from "../forum-setup.js";
import { forumChoices } from "../../lib/forum.js";
import { minePageCb, publicPageCb, reporterCb, supportCb } from "./callbacks.js";
import { editOrReply, run } from "./common.js";
import { fitHtml, listLine, longDate, reporterKeyboard, status, timelineText, trOf } from "./render.js";

const REPLY_FLOW = "aspirasi-reply";
const REOPEN_FLOW = "aspirasi-reopen";
const MINE_PAGE = 5;
const PUBLIC_PAGE = 5;

function replyFlow(ad: AspirasiDeps) {
  return async (conversation: Flow, ctx: FlowContext, id: number, ticket: string) => {
    const tr = trOf(ctx);
    const text = await askText(conversation, ctx, tr.t("aspirasi-ask-reply-reporter", { ticket }), { max: LIMITS.messageMaxChars });
    const r = await run(conversation, (octx) => reporterMessage(ad, octx.person!.id, id, text));
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(tr.t("aspirasi-reply-sent-reporter", { ticket }), { parse_mode: "HTML" });
  };
}

function reopenFlow(ad: AspirasiDeps) {
  return async (conversation: Flow, ctx: FlowContext, id: number, ticket: string) => {
    const tr = trOf(ctx);
    const reason = await askText(conversation, ctx, tr.t("aspirasi-ask-reopen", { ticket }), { min: LIMITS.reasonMinChars, max: LIMITS.noteMaxChars });
    const r = await run(conversation, (octx) => reopenAspiration(ad, octx.person!.id, id, reason).then((v) => v.ticketNo));
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(tr.t("aspirasi-reopened", { ticket }), { parse_mode: "HTML" });
  };
}

/** Which village a public list is about: an argument, the group's village, or the person's own. */
async function resolveVillage(deps: Deps, forumId: number, arg: string, fallback: number | null): Promise<number | null | "unknown"> {
  const a = arg.trim().replace(/^desa\s+/i, "");
  if (!a) return fallback;
  if (/^(semua|all)$/i.test(a)) return null;
  const villages = await deps.prisma.village.findMany({ where: { forumId }, select: { id: true, name: true, shortCode: true } });
  const hit = villages.find((v) => v.name.toLowerCase() === a.toLowerCase() || v.shortCode.toLowerCase() === a.toLowerCase()) ?? villages.find((v) => v.name.toLowerCase().startsWith(a.toLowerCase()));
  return hit ? hit.id : "unknown";
}

export function residentComposer(deps: Deps, ad: AspirasiDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const p = c.chatType("private") as unknown as Composer<BotContext>;
  p.use(createConversation(replyFlow(ad), REPLY_FLOW));
  p.use(createConversation(reopenFlow(ad), REOPEN_FLOW));

  // ---- /aspirasiku ----
  const showMine = async (ctx: FlowContext, forumId: number, page: number) => {
    const tr = trOf(ctx);
    const r = await listMine(ad, ctx.person!.id, forumId, page, MINE_PAGE);
    if (r.total === 0) return editOrReply(ctx, tr.t("aspirasi-mine-empty"));
    const zone = (await forumInfo(deps.prisma, forumId))!.zone;
    const lines = r.items.map((it, i) => listLine(tr, it, r.page * MINE_PAGE + i + 1, { zone, support: it.privacy !== "rahasia" }));
    const kb = new InlineKeyboard();
    r.items.forEach((it, i) => {
      kb.text(`${r.page * MINE_PAGE + i + 1}. ${it.ticketNo.replace(/^ASP-/, "")}`, reporterCb.build({ id: it.id, act: "d" }));
      if (i % 2 === 1) kb.row();
    });
    pagerRow(kb, r.page, r.pages, (pg) => minePageCb.build({ forum: forumId, page: pg }));
    await editOrReply(ctx, `${tr.t("aspirasi-mine-header", { count: r.total })}\n\n${lines.join("\n\n")}`, kb);
  };
  commandAndMenu(p, "aspirasiku", async (ctx) => {
    const forumId = await requireForum(ctx, { asReporter: true });
    if (forumId) await showMine(ctx, forumId, 0);
  });
  p.callbackQuery(minePageCb.filter, async (ctx) => {
    const d = minePageCb.parse(ctx.callbackQuery.data)!;
    const forumId = intId(d.forum);
    if (!forumId || !/^\d{1,4}$/.test(d.page) || !ctx.person) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    await ctx.answerCallbackQuery();
    await showMine(ctx, forumId, Number(d.page));
  });

  // ---- the reporter's buttons: detail, reply, confirm, reopen ----
  p.callbackQuery(reporterCb.filter, async (ctx) => {
    const d = reporterCb.parse(ctx.callbackQuery.data)!;
    const id = intId(d.id);
    if (!id || !ctx.person || !["c", "o", "b", "d"].includes(d.act)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    const tr = trOf(ctx);
    try {
      if (d.act === "d") {
        const x = await detailForReporter(ad, ctx.person.id, id);
        const lines = [
          tr.t("aspirasi-mine-detail", {
            ticket: x.ticketNo,
            village: escapeHtml(x.village),
            category: escapeHtml(x.category),
            status: status(tr, x.status),
            privacy: tr.t(`aspirasi-privacy-${x.privacy}`),
            date: longDate(tr, x.createdAt, x.zone),
            support: x.supportCount,
          }),
          `<blockquote>${fitHtml(x.text, 1800)}</blockquote>`,
          `<b>${tr.t("aspirasi-timeline")}</b>\n${timelineText(tr, x.timeline, x.zone, "reporter", 1500)}`,
        ];
        await ctx.answerCallbackQuery();
        return ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: reporterKeyboard(tr, x.id, { resolved: x.canReopen, detail: false }) });
      }
      if (d.act === "b") {
        const x = await detailForReporter(ad, ctx.person.id, id);
        await ctx.answerCallbackQuery();
        return ctx.conversation.enter(REPLY_FLOW, id, x.ticketNo);
      }
      if (d.act === "c") {
        const v = await confirmResolved(ad, ctx.person.id, id);
        await ctx.answerCallbackQuery({ text: ctx.t("aspirasi-confirmed-toast") });
        await ctx.editMessageReplyMarkup({ reply_markup: reporterKeyboard(tr, v.id) }).catch(() => {});
        return ctx.reply(tr.t("aspirasi-confirmed", { ticket: v.ticketNo }), { parse_mode: "HTML" });
      }
      const row = await checkReopen(ad, ctx.person.id, id);
      await ctx.answerCallbackQuery();
      return ctx.conversation.enter(REOPEN_FLOW, id, row.ticketNo);
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  // ---- public list: /daftar_aspirasi [desa], in a group or privately ----
  const showPublic = async (ctx: FlowContext, forumId: number, villageId: number | null, page: number) => {
    const tr = trOf(ctx);
    const r = await publicList(ad, forumId, villageId, page, PUBLIC_PAGE);
    const forum = (await forumInfo(deps.prisma, forumId))!;
    const village = villageId ? await deps.prisma.village.findFirst({ where: { id: villageId, forumId }, select: { name: true } }) : null;
    const head = village ? tr.t("aspirasi-public-header-village", { village: escapeHtml(village.name), count: r.total }) : tr.t("aspirasi-public-header-all", { count: r.total });
    if (r.total === 0) return editOrReply(ctx, `${head}\n\n${tr.t("aspirasi-public-empty")}`);
    const lines = r.items.map((it, i) => listLine(tr, it, r.page * PUBLIC_PAGE + i + 1, { village: !villageId, support: true, zone: forum.zone }));
    const kb = new InlineKeyboard();
    r.items.forEach((it, i) => {
      kb.text(tr.t("aspirasi-btn-support-n", { n: r.page * PUBLIC_PAGE + i + 1 }), supportCb.build({ forum: forumId, id: it.id, village: villageId ?? 0, page: r.page }));
      if (i % 3 === 2) kb.row();
    });
    pagerRow(kb, r.page, r.pages, (pg) => publicPageCb.build({ forum: forumId, village: villageId ?? 0, page: pg }));
    await editOrReply(ctx, `${head}\n${tr.t("aspirasi-public-hint")}\n\n${lines.join("\n\n")}`, kb);
  };

  /** The forum a public-list button belongs to, checked against where it was pressed. */
  const forumOfPress = async (ctx: FlowContext, forumId: number): Promise<boolean> => {
    if (ctx.chat?.type === "private") return (await forumChoices(ctx, { asReporter: true })).some((f) => f.id === forumId);
    const link = ctx.chat ? await findChatLink(deps, ctx.chat.id) : null;
    return !!link?.active && link.forumId === forumId;
  };

  c.command("daftar_aspirasi", async (ctx) => {
    let forumId: number | null;
    let fallback: number | null = null;
    if (ctx.chat.type === "private") {
      forumId = await requireForum(ctx, { asReporter: true });
      if (!forumId) return;
      fallback = ctx.access.homeVillage(forumId);
    } else {
      const link = await findChatLink(deps, ctx.chat.id);
      if (!link?.active) return ctx.reply(ctx.t("group-not-linked"));
      forumId = link.forumId;
      fallback = link.villageId;
    }
    const v = await resolveVillage(deps, forumId, ctx.match ?? "", fallback);
    if (v === "unknown") return ctx.reply(ctx.t("aspirasi-public-unknown-village", { name: escapeHtml(String(ctx.match).slice(0, 60)) }), { parse_mode: "HTML" });
    await showPublic(ctx, forumId, v, 0);
  });
  c.callbackQuery("menu:daftar_aspirasi", async (ctx) => {
    await ctx.answerCallbackQuery();
    const forumId = await requireForum(ctx, { asReporter: true });
    if (forumId) await showPublic(ctx, forumId, ctx.access.homeVillage(forumId), 0);
  });
  c.callbackQuery(publicPageCb.filter, async (ctx) => {
    const d = publicPageCb.parse(ctx.callbackQuery.data)!;
    const forumId = intId(d.forum);
    if (!forumId || !/^\d{1,10}$/.test(d.village) || !/^\d{1,4}$/.test(d.page) || !(await forumOfPress(ctx, forumId))) {
      return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    }
    await ctx.answerCallbackQuery();
    await showPublic(ctx, forumId, intId(d.village), Number(d.page));
  });
  c.callbackQuery(supportCb.filter, async (ctx) => {
    const d = supportCb.parse(ctx.callbackQuery.data)!;
    const forumId = intId(d.forum);
    const id = intId(d.id);
    if (!forumId || !id || !ctx.person || !/^\d{1,10}$/.test(d.village) || !/^\d{1,4}$/.test(d.page)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    if (!(await forumOfPress(ctx, forumId))) return ctx.answerCallbackQuery({ text: ctx.t("error-not_in_forum"), show_alert: true });
    try {
      const r = await supportAspiration(ad, ctx.person.id, forumId, id);
      await ctx.answerCallbackQuery({ text: ctx.t(r.already ? "aspirasi-support-already-toast" : "aspirasi-support-toast", { ticket: r.ticketNo, count: r.count }) });
      if (!r.already) await showPublic(ctx, forumId, intId(d.village), Number(d.page));
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  return c;
}


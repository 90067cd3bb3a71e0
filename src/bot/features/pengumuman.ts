import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { canAnnounce } from "../../domain/pengumuman/audience.js";
import {
  broadcastDetail,
  cancelBroadcast,
  changeInfo,
  deleteBroadcast,
  JOB_CHANGE_REPORT,
  JOB_PROGRESS,
  JOB_SEND,
  listBroadcasts,
  reportChange,
  startBroadcast,
  trackBroadcast,
} from "../../domain/pengumuman/service.js";
import { commandAndMenu } from "../lib/commands.js";
import { defineCallback, intId } from "../lib/callback.js";
import { actorOf } from "../lib/forum.js";
import { escapeHtml, pagerRow, replyError } from "../lib/replies.js";
import { requireForum } from "./forum-setup.js";
import { editFlow, pengumumanFlow } from "./pengumuman/flow.js";
import { audienceLabel, chunk, longTime, notices, reportHeader, reportLines, shortTime, zoneOf } from "./pengumuman/render.js";

const PAGE = 5;
export const historyCb = defineCallback("pgh", ["forum", "page"] as const);
export const detailCb = defineCallback("pgd", ["id"] as const);
export const cancelAskCb = defineCallback("pgc", ["id"] as const);
export const cancelDoCb = defineCallback("pgx", ["id"] as const);
/** Edit the text of every sent copy (a guided step with a preview and a confirmation). */
export const editCb = defineCallback("pge", ["id"] as const);
/** Ask to delete every copy; then delete it. */
export const deleteAskCb = defineCallback("pgr", ["id"] as const);
export const deleteDoCb = defineCallback("pgy", ["id"] as const);

async function zoneOfForum(deps: Deps, forumId: number) {
  const f = await deps.prisma.forum.findUnique({ where: { id: forumId }, select: { timezone: true } });
  return zoneOf(f?.timezone);
}

async function show(ctx: FlowContext, text: string, kb?: InlineKeyboard) {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery().catch(() => {});
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => ctx.reply(text, { parse_mode: "HTML", reply_markup: kb }));
  } else {
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
  }
}

async function showHistory(deps: Deps, ctx: FlowContext, forumId: number, page: number) {
  const { items, total } = await listBroadcasts(deps, actorOf(ctx), forumId, page, PAGE);
  if (total === 0) return show(ctx, ctx.t("pengumuman-history-empty"));
  const zone = await zoneOfForum(deps, forumId);
  const language = ctx.person?.language ?? "id";
  const lines = items.map((b) =>
    ctx.t("pengumuman-history-item", {
      id: String(b.id),
      when: shortTime(b.scheduledAt && b.state === "scheduled" ? b.scheduledAt : b.createdAt, zone, language),
      state: ctx.t(`pengumuman-state-${b.state}`),
      excerpt: escapeHtml(b.excerpt),
      audience: audienceLabel(ctx.t.bind(ctx), b.targets, b.all, b.villageCount),
      counts: b.counts ? ctx.t("pengumuman-history-counts", { sent: b.counts.sent, total: b.counts.total, failed: b.counts.failed }) : "",
    }),
  );
  const kb = new InlineKeyboard();
  items.forEach((b, i) => {
    kb.text(ctx.t("pengumuman-btn-detail", { id: String(b.id) }), detailCb.build({ id: b.id }));
    if (i % 3 === 2) kb.row();
  });
  pagerRow(kb, page, Math.max(1, Math.ceil(total / PAGE)), (p) => historyCb.build({ forum: forumId, page: p }));
  await show(ctx, `${ctx.t("pengumuman-history-header", { total })}\n\n${lines.join("\n\n")}`, kb);
}

async function showDetail(deps: Deps, ctx: FlowContext, id: number) {
  const d = await broadcastDetail(deps, actorOf(ctx), id);
  const zone = await zoneOfForum(deps, d.forumId);
  const language = ctx.person?.language ?? "id";
  const t = ctx.t.bind(ctx);
  const when =
    d.state === "scheduled" && d.scheduledAt
      ? t("pengumuman-detail-scheduled-for", { when: longTime(d.scheduledAt, zone, language) })
      : t("pengumuman-detail-created", { when: longTime(d.createdAt, zone, language) });
  let text = t("pengumuman-detail", {
    id: String(d.id),
    state: t(`pengumuman-state-${d.state}`),
    excerpt: escapeHtml(d.excerpt),
    author: escapeHtml(d.authorName),
    audience: audienceLabel(t, d.targets, d.all, d.villages.length),
    when,
  });
  if (d.failureReason) text += `\n${t(`pengumuman-not-started-${d.failureReason}`)}`;
  const change = await changeInfo(deps, actorOf(ctx), id);
  if (change.deleted) text += `\n${t("pengumuman-detail-deleted")}`;
  else if (change.edited) text += `\n${t("pengumuman-detail-edited")}`;
  const kb = new InlineKeyboard();
  if (d.canCancel) kb.text(t("pengumuman-btn-cancel-broadcast"), cancelAskCb.build({ id: d.id }));
  if (change.canEdit) kb.text(t("pengumuman-btn-edit"), editCb.build({ id: d.id }));
  if (change.canChange) kb.text(t("pengumuman-btn-delete"), deleteAskCb.build({ id: d.id }));
  if (d.canCancel || change.canChange) kb.row();
  kb.text(t("pengumuman-btn-back"), historyCb.build({ forum: d.forumId, page: 0 }));
  // A long report continues in further messages; the buttons stay on the first.
  const [first, ...rest] = chunk([text, ...(d.counts ? [reportHeader(t, d, d.counts), ...reportLines(t, d.villages)] : [])]);
  await show(ctx, first!, kb);
  for (const more of rest) await ctx.reply(more, { parse_mode: "HTML" });
}

export const pengumumanFeature: Feature = {
  name: "pengumuman",
  commands: [
    { command: "pengumuman", scopes: ["private"], audience: "official_or_admin" },
    { command: "riwayat_pengumuman", scopes: ["private"], audience: "official_or_admin" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private");
    p.use(createConversation(pengumumanFlow(deps), "pengumuman"));
    p.use(createConversation(editFlow(deps), "pengumuman-edit"));

    commandAndMenu(p as unknown as Composer<BotContext>, "pengumuman", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!canAnnounce(ctx.access, forumId)) return ctx.reply(ctx.t("error-pengumuman_not_allowed"));
      await ctx.conversation.enter("pengumuman", forumId);
    });

    commandAndMenu(p as unknown as Composer<BotContext>, "riwayat_pengumuman", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      try {
        await showHistory(deps, ctx, forumId, 0);
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    // Buttons carry ids only; every handler loads the broadcast scoped to the presser's forums
    // and checks their rights again (in the domain).
    c.callbackQuery(historyCb.filter, async (ctx) => {
      const d = historyCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      if (!forumId || !/^\d{1,4}$/.test(d.page)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        await showHistory(deps, ctx, forumId, Number(d.page));
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    c.callbackQuery(detailCb.filter, async (ctx) => {
      const id = intId(detailCb.parse(ctx.callbackQuery.data)!.id);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        await showDetail(deps, ctx, id);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    c.callbackQuery(cancelAskCb.filter, async (ctx) => {
      const id = intId(cancelAskCb.parse(ctx.callbackQuery.data)!.id);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const d = await broadcastDetail(deps, actorOf(ctx), id);
        if (!d.canCancel) return ctx.answerCallbackQuery({ text: ctx.t("error-pengumuman_not_cancellable"), show_alert: true });
        const zone = await zoneOfForum(deps, d.forumId);
        const text =
          d.state === "scheduled"
            ? ctx.t("pengumuman-cancel-confirm-scheduled", { id: String(id), when: longTime(d.scheduledAt!, zone, ctx.person?.language ?? "id") })
            : ctx.t("pengumuman-cancel-confirm-sending", { id: String(id) });
        const kb = new InlineKeyboard().text(ctx.t("pengumuman-btn-cancel-yes"), cancelDoCb.build({ id })).text(ctx.t("pengumuman-btn-cancel-no"), detailCb.build({ id }));
        await show(ctx, text, kb);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    c.callbackQuery(cancelDoCb.filter, async (ctx) => {
      const id = intId(cancelDoCb.parse(ctx.callbackQuery.data)!.id);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const r = await cancelBroadcast(deps, actorOf(ctx), id);
        const text =
          r.was === "scheduled"
            ? ctx.t("pengumuman-cancelled-scheduled", { id: String(id) })
            : ctx.t("pengumuman-cancelled-sending", { id: String(id), sent: r.sent, cancelled: r.cancelled });
        await show(ctx, text);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    // Changing what went out: private chat only (the flow and the report live there).
    p.callbackQuery(editCb.filter, async (ctx) => {
      const id = intId(editCb.parse(ctx.callbackQuery.data)!.id);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const info = await changeInfo(deps, actorOf(ctx), id);
        if (info.editRefusal) return ctx.answerCallbackQuery({ text: ctx.t(`error-${info.editRefusal}`), show_alert: true });
        await ctx.answerCallbackQuery();
        await ctx.conversation.enter("pengumuman-edit", id);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    p.callbackQuery(deleteAskCb.filter, async (ctx) => {
      const id = intId(deleteAskCb.parse(ctx.callbackQuery.data)!.id);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const info = await changeInfo(deps, actorOf(ctx), id);
        if (info.refusal) return ctx.answerCallbackQuery({ text: ctx.t(`error-${info.refusal}`), show_alert: true });
        const kb = new InlineKeyboard().text(ctx.t("pengumuman-btn-delete-yes"), deleteDoCb.build({ id })).text(ctx.t("pengumuman-btn-cancel-no"), detailCb.build({ id }));
        await show(ctx, ctx.t("pengumuman-delete-confirm", { id: String(id), excerpt: escapeHtml(info.excerpt), chats: info.chats }), kb);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    p.callbackQuery(deleteDoCb.filter, async (ctx) => {
      const id = intId(deleteDoCb.parse(ctx.callbackQuery.data)!.id);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const r = await deleteBroadcast(deps, actorOf(ctx), id);
        await show(ctx, ctx.t("pengumuman-delete-started", { id: String(id), chats: r.chats }));
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    return c;
  },
  jobs(deps) {
    return {
      // A scheduled announcement's time came: queue its copies (durable, exactly once).
      [JOB_SEND]: async (job, { tx, afterCommit }) => {
        await startBroadcast(deps, tx, Number(job.ownerId), notices);
        afterCommit(() => deps.delivery.kick());
      },
      // Calm progress edits for the author, then the per-village report.
      [JOB_PROGRESS]: async (job, { tx, afterCommit }) => {
        await trackBroadcast(deps, tx, Number(job.ownerId), notices);
        afterCommit(() => deps.delivery.kick());
      },
      // Edits or deletions of what went out: the report of copies changed, once they are done.
      [JOB_CHANGE_REPORT]: async (job, { tx, afterCommit }) => {
        await reportChange(deps, tx, Number(job.ownerId), job.payload as Record<string, unknown>, notices);
        afterCommit(() => deps.delivery.kick());
      },
    };
  },
};

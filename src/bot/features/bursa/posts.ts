import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { Deps } from "../../../deps.js";
import type { BotContext, Flow, FlowContext } from "../../context.js";
import {
  CATEGORIES,
  checkPeriod,
  closePost,
  createPost,
  getPost,
  isMitra,
  listPosts,
  loadMatch,
  showInterest,
  sidesOf,
  type PostView,
} from "../../../domain/bursa/index.js";
import { DomainError } from "../../../domain/errors.js";
import { isZoneName } from "../../../lib/time.js";
import { intId } from "../../lib/callback.js";
import { commandAndMenu } from "../../lib/commands.js";
import { askChoice, askChoicePaged, askText } from "../../lib/flow.js";
import { actorOf } from "../../lib/forum.js";
import { escapeHtml, pagerRow, replyError } from "../../lib/replies.js";
import { requireForum } from "../forum-setup.js";
import { askChoiceOrText, askTextOrSkip } from "../musyawarah/steps.js";
import { bursaMenuCb, interestCb, matchCb, postCb } from "./callbacks.js";
import { attempt, editOrReply } from "./common.js";
import { bursaDepsOf } from "./deps.js";
import { interestKeyboard, matchText, posterLabel, postCard } from "./render.js";
import { langOf, tOf } from "./words.js";

export const POST_FLOW = "bursa-post";
const PAGE = 6;

/** Who may post what in this forum: villages they keep, and (mitra) offers for their organisation. */
function posterRights(ctx: FlowContext, forumId: number) {
  const admin = ctx.access.isAdmin(forumId);
  const own = ctx.access.officialVillages(forumId);
  return { villages: admin ? null : own, village: admin || own.length > 0, mitra: isMitra(actorOf(ctx), forumId) };
}

async function menu(ctx: FlowContext, deps: Deps, forumId: number) {
  const t = tOf(ctx);
  const rights = posterRights(ctx, forumId);
  const mitraOnly = rights.mitra && !rights.village;
  const [needs, offers] = await Promise.all([
    deps.prisma.bursaPost.count({ where: { forumId, kind: "kebutuhan", status: "terbuka" } }),
    deps.prisma.bursaPost.count({ where: { forumId, kind: "penawaran", status: "terbuka" } }),
  ]);
  const kb = new InlineKeyboard().text(t("bursa-btn-list-needs"), bursaMenuCb.build({ act: "n", page: 0 }));
  if (!mitraOnly) kb.text(t("bursa-btn-list-offers"), bursaMenuCb.build({ act: "o", page: 0 }));
  kb.row();
  if (rights.village) kb.text(t("bursa-btn-new-need"), bursaMenuCb.build({ act: "newn", page: 0 }));
  if (rights.village || rights.mitra) kb.text(t("bursa-btn-new-offer"), bursaMenuCb.build({ act: "newo", page: 0 }));
  if (rights.village || rights.mitra) kb.row().text(t("bursa-btn-mine"), bursaMenuCb.build({ act: "mine", page: 0 }));
  const text = t(mitraOnly ? "bursa-menu-mitra" : "bursa-menu", { needs, offers });
  await editOrReply(ctx, text, kb);
}

async function list(ctx: FlowContext, deps: Deps, forumId: number, act: "n" | "o" | "mine", page: number) {
  const t = tOf(ctx);
  const r = await listPosts(deps, actorOf(ctx), forumId, { kind: act === "n" ? "kebutuhan" : act === "o" ? "penawaran" : undefined, mine: act === "mine", skip: page * PAGE, take: PAGE });
  const kb = new InlineKeyboard();
  r.posts.forEach((p) => kb.text(`${p.kind === "kebutuhan" ? "📥" : "📤"} ${p.title}`.slice(0, 60), postCb.build({ post: p.id, act: "v" })).row());
  pagerRow(kb, page, Math.max(1, Math.ceil(r.total / PAGE)), (pg) => bursaMenuCb.build({ act, page: pg }));
  kb.row().text(t("bursa-btn-back"), bursaMenuCb.build({ act: "menu", page: 0 }));
  const lines = r.posts.map((p) => `${p.kind === "kebutuhan" ? "📥" : "📤"} <b>${escapeHtml(p.title)}</b> · ${escapeHtml(posterLabel(t, p))}`);
  const head = t(`bursa-list-head-${act}`, { count: r.total });
  await editOrReply(ctx, r.total === 0 ? t(`bursa-list-empty-${act}`) : `${head}\n\n${lines.join("\n")}`, kb);
}

async function showPost(ctx: FlowContext, deps: Deps, forumId: number, postId: number) {
  const t = tOf(ctx);
  const { post, canManage, matches } = await getPost(deps, actorOf(ctx), forumId, postId);
  let text = postCard(t, post);
  const kb = new InlineKeyboard();
  if (canManage) {
    if (matches.length) {
      text += `\n\n${t("bursa-post-matches", { count: matches.length })}`;
      for (const m of matches) {
        const other = post.kind === "kebutuhan" ? m.offer : m.need;
        kb.text(`🤝 ${other.title}`.slice(0, 60), matchCb.build({ match: m.id })).row();
      }
    } else if (post.status === "terbuka") text += `\n\n${t("bursa-post-no-matches")}`;
    if (post.status === "terbuka") kb.text(t("bursa-btn-post-done"), postCb.build({ post: post.id, act: "s" })).text(t("bursa-btn-post-withdraw"), postCb.build({ post: post.id, act: "x" })).row();
  }
  kb.text(t("bursa-btn-back"), bursaMenuCb.build({ act: "menu", page: 0 }));
  await editOrReply(ctx, text, kb);
}

// ------------------------------------------------------------------ posting

function postFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, kind: "kebutuhan" | "penawaran") => {
    const t = tOf(ctx);
    const bd = bursaDepsOf(deps);
    const info = await conversation.external(async (octx) => {
      const rights = posterRights(octx, forumId);
      const villages = await deps.prisma.village.findMany({
        where: { forumId, retiredAt: null, ...(rights.villages ? { id: { in: rights.villages } } : {}) },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      });
      const lastPartner = await deps.prisma.bursaPost.findFirst({ where: { forumId, authorId: octx.person!.id, villageId: null }, orderBy: { id: "desc" }, select: { partnerName: true } });
      const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { timezone: true } });
      return { rights, villages: rights.village ? villages : [], lastPartner: lastPartner?.partnerName ?? null, zone: isZoneName(forum.timezone) ? forum.timezone : ("Asia/Jakarta" as const) };
    });
    let villageId: number | null = null;
    let partnerName: string | null = null;
    if (info.villages.length > 0) {
      villageId =
        info.villages.length === 1
          ? info.villages[0]!.id
          : Number(await askChoicePaged(conversation, ctx, t("bursa-ask-village"), info.villages.map((v) => ({ label: v.name, value: String(v.id) }))));
    } else if (info.rights.mitra && kind === "penawaran") {
      partnerName = await askChoiceOrText(
        conversation,
        ctx,
        t("bursa-ask-partner"),
        info.lastPartner ? [{ label: info.lastPartner, value: info.lastPartner }] : [],
        (s) => (s.length >= 2 && s.length <= 100 ? { value: s } : { error: "bursa-partner-bad" }),
      );
    } else {
      return void (await ctx.reply(ctx.t("error-bursa_post_not_allowed")));
    }
    const category = await askChoice(conversation, ctx, t("bursa-ask-category"), CATEGORIES.map((c) => ({ label: t(`bursa-cat-${c}`), value: c })), { columns: 2 });
    const title = await askText(conversation, ctx, t(kind === "kebutuhan" ? "bursa-ask-title-need" : "bursa-ask-title-offer"), { min: 5, max: 150 });
    const details = await askTextOrSkip(conversation, ctx, t("bursa-ask-details"), { max: 1000 });
    const quantity = await askTextOrSkip(conversation, ctx, t("bursa-ask-quantity"), { max: 100 });
    let periodText: string | null = null;
    for (;;) {
      periodText = await askTextOrSkip(conversation, ctx, t("bursa-ask-period"), { max: 100 });
      if (!periodText) break;
      const nowIso = await conversation.external(() => deps.clock.now().toISOString());
      try {
        checkPeriod(periodText, new Date(nowIso), info.zone);
        break;
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        await ctx.reply(ctx.t(`error-${err.reason}`), { parse_mode: "HTML" });
      }
    }
    const place = await askTextOrSkip(conversation, ctx, t("bursa-ask-place"), { max: 150 });
    const terms = await askTextOrSkip(conversation, ctx, t("bursa-ask-terms"), { max: 500 });
    const preview: PostView = {
      id: 0, forumId, kind, villageId, villageName: info.villages.find((v) => v.id === villageId)?.name ?? null, partnerName, category, title: title.trim(),
      details, quantity, periodText, place, terms, status: "terbuka", createdAt: new Date(0), zone: info.zone,
    };
    await ctx.reply(t("bursa-preview-head"));
    await ctx.reply(postCard(t, preview), { parse_mode: "HTML" });
    await askChoice(conversation, ctx, t("bursa-confirm-post"), [{ label: t("bursa-btn-send"), value: "send" }]);
    const r = await attempt(conversation, async (octx) => {
      const out = await createPost(bd, actorOf(octx), { forumId, kind, villageId, partnerName, category, title, details, quantity, periodText, place, terms });
      return { postId: out.post.id, matches: out.matches.map((m) => ({ id: m.id, title: (kind === "kebutuhan" ? m.offer : m.need).title })) };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    const kb = new InlineKeyboard();
    r.value.matches.forEach((m) => kb.text(`🤝 ${m.title}`.slice(0, 60), matchCb.build({ match: m.id })).row());
    kb.text(t("bursa-btn-view-post"), postCb.build({ post: r.value.postId, act: "v" }));
    await ctx.reply(r.value.matches.length ? t("bursa-posted-matches", { count: r.value.matches.length }) : t("bursa-posted-none"), { reply_markup: kb, parse_mode: "HTML" });
  };
}

// ------------------------------------------------------------------ composer

/** The forum of a post/match a button names, when the person belongs to it (else: old button). */
async function forumOfPost(deps: Deps, ctx: FlowContext, postId: number | null) {
  if (!postId) return null;
  const p = await deps.prisma.bursaPost.findUnique({ where: { id: postId }, select: { forumId: true } });
  return p && ctx.access.inForum(p.forumId) ? p.forumId : null;
}
async function forumOfMatch(deps: Deps, ctx: FlowContext, matchId: number | null) {
  if (!matchId) return null;
  const m = await deps.prisma.bursaMatch.findUnique({ where: { id: matchId }, select: { forumId: true } });
  return m && ctx.access.inForum(m.forumId) ? m.forumId : null;
}

export function postsComposer(deps: Deps) {
  const c = new Composer<BotContext>();
  const p = c.chatType("private") as unknown as Composer<BotContext>;
  p.use(createConversation(postFlow(deps), POST_FLOW));

  commandAndMenu(p, "bursa", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    if (!ctx.access.inForum(forumId)) return ctx.reply(ctx.t("error-bursa_not_member"));
    await menu(ctx, deps, forumId);
  });

  p.callbackQuery(bursaMenuCb.filter, async (ctx) => {
    const { act, page } = bursaMenuCb.parse(ctx.callbackQuery.data)!;
    const forumId = await requireForum(ctx);
    if (!forumId) return ctx.answerCallbackQuery();
    const pg = Number(page);
    if (!Number.isInteger(pg) || pg < 0 || pg > 999) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    await ctx.answerCallbackQuery();
    try {
      if (act === "menu") return await menu(ctx, deps, forumId);
      if (act === "n" || act === "o" || act === "mine") return await list(ctx, deps, forumId, act, pg);
      if (act === "newn" || act === "newo") {
        const kind = act === "newn" ? "kebutuhan" : "penawaran";
        const rights = posterRights(ctx, forumId);
        if (!rights.village && !(rights.mitra && kind === "penawaran")) return ctx.reply(ctx.t(kind === "kebutuhan" && rights.mitra ? "error-bursa_mitra_offers_only" : "error-bursa_post_not_allowed"));
        return await ctx.conversation.enter(POST_FLOW, forumId, kind);
      }
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  p.callbackQuery(postCb.filter, async (ctx) => {
    const data = postCb.parse(ctx.callbackQuery.data)!;
    const postId = intId(data.post);
    const forumId = await forumOfPost(deps, ctx, postId);
    if (!forumId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    try {
      if (data.act === "s" || data.act === "x") {
        await closePost(deps, actorOf(ctx), forumId, postId!, data.act === "s" ? "selesai" : "ditutup");
        await ctx.answerCallbackQuery({ text: tOf(ctx)(data.act === "s" ? "bursa-post-closed-done" : "bursa-post-closed-withdrawn") });
      } else await ctx.answerCallbackQuery();
      await showPost(ctx, deps, forumId, postId!);
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  // A match, seen by someone of one of its sides: the other side's post and the interest button.
  p.callbackQuery(matchCb.filter, async (ctx) => {
    const matchId = intId(matchCb.parse(ctx.callbackQuery.data)?.match);
    const forumId = await forumOfMatch(deps, ctx, matchId);
    if (!forumId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    const m = await loadMatch(deps.prisma, forumId, matchId!);
    const sides = m ? await sidesOf(deps.prisma, actorOf(ctx), m) : [];
    if (!m || sides.length === 0) return ctx.answerCallbackQuery({ text: ctx.t("error-bursa_not_your_side"), show_alert: true });
    await ctx.answerCallbackQuery();
    const t = tOf(ctx);
    await ctx.reply(matchText(t, m, sides[0]!, langOf(ctx.person?.language)), { parse_mode: "HTML", reply_markup: interestKeyboard(t, m, sides[0]!), link_preview_options: { is_disabled: true } });
  });

  // 🤝 Saya berminat — works wherever the notice reached the person (private chat).
  c.callbackQuery(interestCb.filter, async (ctx) => {
    const data = interestCb.parse(ctx.callbackQuery.data)!;
    const matchId = intId(data.match);
    const forumId = await forumOfMatch(deps, ctx, matchId);
    if (!forumId || !ctx.person || (data.side !== "n" && data.side !== "o")) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    try {
      const r = await showInterest(bursaDepsOf(deps), actorOf(ctx), forumId, matchId!, data.side === "n" ? "need" : "offer");
      const t = tOf(ctx);
      await ctx.answerCallbackQuery({ text: t(!r.changed ? "bursa-interest-already" : r.both ? "bursa-interest-both" : "bursa-interest-noted"), show_alert: r.changed });
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  return c;
}

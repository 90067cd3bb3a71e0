import { applyForumTerms } from "../../lib/terms.js";
import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { Deps } from "../../../deps.js";
import type { BotContext, Flow, FlowContext } from "../../context.js";
import { askAllVillages, canMediate, discussMatch, inviteMad, matchForMediator, mediatorView, villagesOf, type MatchView, type PostView } from "../../../domain/bursa/index.js";
import { attachThread } from "../../../domain/discussion/index.js";
import { isZoneName, formatDateTimeLong, type ZoneName } from "../../../lib/time.js";
import { intId } from "../../lib/callback.js";
import { commandAndMenu } from "../../lib/commands.js";
import { askChoice } from "../../lib/flow.js";
import { actorOf } from "../../lib/forum.js";
import { escapeHtml, replyError } from "../../lib/replies.js";
import { requireForum } from "../forum-setup.js";
import { groupRenderer } from "../discussion/render.js";
import { meetingDepsOf } from "../musyawarah/deps.js";
import { askPlace, askWhen } from "../musyawarah/steps.js";
import { formatDuration } from "../musyawarah/render.js";
import { mediatorCb } from "./callbacks.js";
import { attempt, editOrReply } from "./common.js";
import { bursaDepsOf } from "./deps.js";
import { AGREEMENT_FLOW } from "./kerjasama.js";
import { posterLabel, postCard } from "./render.js";
import { langOf, tOf, type T } from "./words.js";

export const MAD_FLOW = "bursa-mad";

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The topic a mediator opens for a pair: its title and text (what the village groups will read). */
function pairTopic(t: T, m: MatchView) {
  return {
    title: cut(t("bursa-topic-title", { title: m.need.title }), 100),
    description: cut(
      t("bursa-topic-description", {
        need: m.need.title,
        needWho: posterLabel(t, m.need),
        offer: m.offer.title,
        offerWho: posterLabel(t, m.offer),
      }),
      1000,
    ),
  };
}

function askAllTopic(t: T, p: Pick<PostView, "title" | "details" | "periodText" | "villageName" | "partnerName">) {
  return {
    title: cut(t("bursa-ask-all-title", { title: p.title }), 100),
    description: cut(t("bursa-ask-all-description", { title: p.title, who: posterLabel(t, p), details: p.details ?? "", period: p.periodText ?? "-" }), 1000),
  };
}

async function showView(ctx: FlowContext, deps: Deps, forumId: number) {
  const t = tOf(ctx);
  const v = await mediatorView(deps, actorOf(ctx), forumId);
  const kb = new InlineKeyboard();
  const lines = [t("bursa-mediator-head")];
  lines.push("", t("bursa-mediator-needs", { count: v.openNeedsTotal }));
  if (v.openNeeds.length === 0) lines.push(t("bursa-mediator-none"));
  v.openNeeds.forEach((p, i) => {
    lines.push(`${i + 1}. <b>${escapeHtml(p.title)}</b> · ${escapeHtml(posterLabel(t, p))}${p.mediated ? ` · ${t("bursa-mediator-asked")}` : ""}`);
    if (!p.mediated) kb.text(`📣 ${i + 1}. ${cut(p.title, 40)}`, mediatorCb.build({ act: "a", id: p.id })).row();
  });
  lines.push("", t("bursa-mediator-pairs", { count: v.stalledTotal }));
  if (v.stalled.length === 0) lines.push(t("bursa-mediator-none"));
  v.stalled.forEach((m, i) => {
    const interest = `${m.needInterest ? "✅" : "▫️"}${m.offerInterest ? "✅" : "▫️"}`;
    lines.push(`${i + 1}. ${escapeHtml(m.need.title)} ⇄ ${escapeHtml(m.offer.title)} · ${escapeHtml(posterLabel(t, m.need))} ⇄ ${escapeHtml(posterLabel(t, m.offer))} · ${interest}`);
    kb.text(`🔎 ${i + 1}. ${cut(m.need.title, 40)}`, mediatorCb.build({ act: "m", id: m.id })).row();
  });
  lines.push("", t("bursa-mediator-foot"));
  await editOrReply(ctx, lines.join("\n").slice(0, 4000), kb);
}

async function showPair(ctx: FlowContext, deps: Deps, forumId: number, matchId: number) {
  const t = tOf(ctx);
  const m = await matchForMediator(deps, actorOf(ctx), forumId, matchId);
  const kb = new InlineKeyboard();
  if (m.topicId === null && villagesOf(m).length) kb.text(t("bursa-btn-discuss"), mediatorCb.build({ act: "t", id: m.id }));
  if (m.meetingId === null && ctx.access.isAdmin(forumId)) kb.text(t("bursa-btn-mad"), mediatorCb.build({ act: "mad", id: m.id }));
  kb.row();
  if (m.agreementId === null) kb.text(t("bursa-btn-agreement"), mediatorCb.build({ act: "ks", id: m.id }));
  kb.row().text(t("bursa-btn-back"), mediatorCb.build({ act: "v", id: forumId }));
  const text = [
    t("bursa-pair-head"),
    "",
    postCard(t, m.need, { compact: true }),
    "",
    postCard(t, m.offer, { compact: true }),
    "",
    t("bursa-pair-interest", { need: m.needInterest ? "✅" : "—", offer: m.offerInterest ? "✅" : "—" }),
  ];
  await editOrReply(ctx, text.join("\n"), kb);
}

async function forumOfMatch(deps: Deps, ctx: FlowContext, id: number | null) {
  if (!id) return null;
  const m = await deps.prisma.bursaMatch.findUnique({ where: { id }, select: { forumId: true } });
  return m && ctx.access.inForum(m.forumId) ? m.forumId : null;
}
async function forumOfPost(deps: Deps, ctx: FlowContext, id: number | null) {
  if (!id) return null;
  const p = await deps.prisma.bursaPost.findUnique({ where: { id }, select: { forumId: true } });
  return p && ctx.access.inForum(p.forumId) ? p.forumId : null;
}

/** The kecamatan supergroup gets the topic's own thread, as /topik does. */
async function kecamatanThread(ctx: FlowContext, deps: Deps, out: { topic: { id: number; title: string }; kecamatanChatId: bigint | null }) {
  if (out.kecamatanChatId === null) return;
  try {
    const th = await ctx.api.createForumTopic(Number(out.kecamatanChatId), out.topic.title.slice(0, 128));
    await attachThread(deps, groupRenderer(), out.topic.id, out.kecamatanChatId, th.message_thread_id);
  } catch (err) {
    deps.logger.warn({ err: String(err), topicId: out.topic.id }, "bursa: kecamatan thread not created");
  }
}

function madFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, matchId: number) => {
    const t = tOf(ctx);
    const info = await attempt(conversation, async (octx) => {
      const m = await matchForMediator(deps, actorOf(octx), forumId, matchId);
      const f = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { timezone: true } });
      return { need: m.need.title, needWho: posterLabel(tOf(octx), m.need), offer: m.offer.title, offerWho: posterLabel(tOf(octx), m.offer), zone: (isZoneName(f.timezone) ? f.timezone : "Asia/Jakarta") as ZoneName };
    });
    if (!info.ok) return void (await ctx.reply(info.text));
    const { zone } = info.value;
    const startsAt = await askWhen(conversation, ctx, { forumId, zone }, t("bursa-mad-ask-when"));
    const duration = Number(await askChoice(conversation, ctx, t("bursa-mad-ask-duration"), [60, 90, 120, 180].map((m) => ({ label: formatDuration((k, p) => ctx.t(k, p), m), value: String(m) })), { columns: 2 }));
    const place = await askPlace(conversation, ctx);
    const title = cut(t("bursa-mad-title", { title: info.value.need }), 150);
    const agenda = [
      cut(t("bursa-mad-agenda-1", { need: info.value.need, needWho: info.value.needWho, offer: info.value.offer, offerWho: info.value.offerWho }), 300),
      t("bursa-mad-agenda-2"),
      t("bursa-mad-agenda-3"),
    ];
    const lang = langOf(ctx.person?.language);
    await askChoice(
      conversation,
      ctx,
      t("bursa-mad-confirm", { title: escapeHtml(title), date: formatDateTimeLong(startsAt, zone, lang), place: escapeHtml(place.place ?? "-"), agenda: agenda.map((a) => `• ${escapeHtml(a)}`).join("\n") }),
      [{ label: t("bursa-btn-send-invite"), value: "send" }],
    );
    const r = await attempt(conversation, (octx) =>
      inviteMad(bursaDepsOf(deps), meetingDepsOf(deps), actorOf(octx), forumId, matchId, { title, agenda, startsAt, durationMinutes: duration, place: place.place }),
    );
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(t("bursa-mad-sent", { groups: r.value.groups, persons: r.value.persons }));
  };
}

export function mediatorComposer(deps: Deps) {
  const c = new Composer<BotContext>();
  const p = c.chatType("private") as unknown as Composer<BotContext>;
  p.use(createConversation(madFlow(deps), MAD_FLOW));

  commandAndMenu(p, "mediasi", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    if (!canMediate(actorOf(ctx), forumId)) return ctx.reply(ctx.t("error-bursa_not_mediator"));
    try {
      await showView(ctx, deps, forumId);
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  p.callbackQuery(mediatorCb.filter, async (ctx) => {
    const { act, id } = mediatorCb.parse(ctx.callbackQuery.data)!;
    const n = intId(id);
    const t = tOf(ctx);
    try {
      if (act === "v") {
        if (!n || !ctx.access.inForum(n)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
        await ctx.answerCallbackQuery();
        return await showView(ctx, deps, n);
      }
      if (act === "a" || act === "ac") {
        const forumId = await forumOfPost(deps, ctx, n);
        if (!forumId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
        if (!canMediate(actorOf(ctx), forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-bursa_not_mediator"), show_alert: true });
        const post = await deps.prisma.bursaPost.findFirst({ where: { id: n!, forumId, kind: "kebutuhan" } });
        if (!post) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
        const villageName = post.villageId ? (await deps.prisma.village.findUnique({ where: { id: post.villageId }, select: { name: true } }))?.name ?? null : null;
        const terms = await applyForumTerms(ctx, forumId);
        const text = askAllTopic(tOf(ctx), { ...post, villageName });
        if (act === "a") {
          await ctx.answerCallbackQuery();
          const card = groupRenderer().topicCard({ title: text.title, description: text.description, villageNames: null, endsAt: null, timezone: "Asia/Jakarta", terms });
          await ctx.reply(t("bursa-topic-preview-all"));
          await ctx.reply(card.text, { parse_mode: "HTML" });
          return ctx.reply(t("bursa-topic-confirm"), { reply_markup: new InlineKeyboard().text(t("bursa-btn-open-topic"), mediatorCb.build({ act: "ac", id: post.id })) });
        }
        const out = await askAllVillages(bursaDepsOf(deps), { deps, renderer: groupRenderer() }, actorOf(ctx), forumId, post.id, text);
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
        await kecamatanThread(ctx, deps, out);
        return ctx.reply(t("bursa-topic-opened", { groups: out.groups }));
      }
      const forumId = await forumOfMatch(deps, ctx, n);
      if (!forumId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      if (!canMediate(actorOf(ctx), forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-bursa_not_mediator"), show_alert: true });
      if (act === "m") {
        await ctx.answerCallbackQuery();
        return await showPair(ctx, deps, forumId, n!);
      }
      if (act === "t" || act === "tc") {
        const m = await matchForMediator(deps, actorOf(ctx), forumId, n!);
        const terms = await applyForumTerms(ctx, forumId);
        const text = pairTopic(tOf(ctx), m);
        if (act === "t") {
          await ctx.answerCallbackQuery();
          const names = (await deps.prisma.village.findMany({ where: { forumId, id: { in: villagesOf(m) } }, orderBy: { name: "asc" }, select: { name: true } })).map((v) => v.name);
          const card = groupRenderer().topicCard({ title: text.title, description: text.description, villageNames: names, endsAt: null, timezone: "Asia/Jakarta", terms });
          await ctx.reply(t("bursa-topic-preview", { count: names.length }));
          await ctx.reply(card.text, { parse_mode: "HTML" });
          return ctx.reply(t("bursa-topic-confirm"), { reply_markup: new InlineKeyboard().text(t("bursa-btn-open-topic"), mediatorCb.build({ act: "tc", id: m.id })) });
        }
        const out = await discussMatch(bursaDepsOf(deps), { deps, renderer: groupRenderer() }, actorOf(ctx), forumId, m.id, text);
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
        await kecamatanThread(ctx, deps, out);
        return ctx.reply(t("bursa-topic-opened", { groups: out.groups }));
      }
      if (act === "mad") {
        if (!ctx.access.isAdmin(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-meeting_mad_admin_only"), show_alert: true });
        await ctx.answerCallbackQuery();
        return await ctx.conversation.enter(MAD_FLOW, forumId, n!);
      }
      if (act === "ks") {
        await ctx.answerCallbackQuery();
        return await ctx.conversation.enter(AGREEMENT_FLOW, forumId, n!);
      }
      await ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  return c;
}

import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { Deps } from "../../../deps.js";
import {
  canManageTopic,
  canOpenTopic,
  groupsToJoin,
  joinTopic,
  listTopics,
  setSlowMode,
  SLOW_MODES,
  transcriptFor,
  type DiscussionRenderer,
} from "../../../domain/discussion/index.js";
import type { BotContext, FlowContext } from "../../context.js";
import { commandAndMenu } from "../../lib/commands.js";
import { actorOf } from "../../lib/forum.js";
import { intId } from "../../lib/callback.js";
import { escapeHtml, pagerRow, replyError } from "../../lib/replies.js";
import { formatDateTimeShort, type ZoneName } from "../../../lib/time.js";
import { requireForum } from "../forum-setup.js";
import { closeTopicFlow, newTopicFlow } from "./flows.js";
import { sendTranscript } from "./group.js";
import { closeCb, intervalLabel, joinCb, joinListCb, longDate, NEW_TOPIC, slowAskCb, slowSetCb, topicListCb, topicViewCb, transcriptCb } from "./shared.js";
import { transcriptFile, transcriptSummary } from "./transcript.js";
import { canReadTopic } from "../../../domain/discussion/transcript.js";
import { auditTranscript } from "./group.js";

const PAGE = 8;

/** A topic by id from a button — only if the person may read it (canReadTopic). */
async function topicFor(deps: Deps, ctx: FlowContext, raw: string | undefined) {
  const id = intId(raw);
  if (!id) return null;
  const topic = await deps.prisma.topic.findUnique({ where: { id }, include: { villages: { select: { villageId: true } } } });
  if (!topic || !canReadTopic(ctx.access, topic)) return null;
  return topic;
}

export function privateComposer(deps: Deps, renderer: DiscussionRenderer) {
  const c = new Composer<BotContext>();
  const p = c.chatType("private");
  p.use(createConversation(newTopicFlow(deps, renderer), "discussion-new"));
  p.use(createConversation(closeTopicFlow(deps, renderer), "discussion-close"));

  const lang = (ctx: FlowContext) => (ctx.person?.language === "en" ? "en" : "id");

  /** Open topics per village: those for every village first, then each village's own. */
  const showTopics = async (ctx: FlowContext, page = 0) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    const [forum, topics, villages] = await Promise.all([
      deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { name: true, timezone: true } }),
      listTopics(deps, forumId).then((all) => all.filter((t) => canReadTopic(ctx.access, { forumId, allVillages: t.allVillages, villages: t.villageIds.map((villageId) => ({ villageId })) }))),
      deps.prisma.village.findMany({ where: { forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ]);
    const zone = forum.timezone as ZoneName;
    const line = (t: (typeof topics)[number]) => {
      let s = ctx.t("discussion-list-line", { title: escapeHtml(t.title), messages: t.messages });
      if (t.endsAt) s += ` · ${ctx.t("discussion-list-until", { date: formatDateTimeShort(t.endsAt, zone, lang(ctx)) })}`;
      if (t.slowModeSeconds > 0) s += ` · ${ctx.t("discussion-list-slow")}`;
      return s;
    };
    const parts = [ctx.t("discussion-list-header", { forum: escapeHtml(forum.name) })];
    if (topics.length === 0) parts.push("", ctx.t("discussion-list-empty"));
    const forAll = topics.filter((t) => t.allVillages);
    if (forAll.length) parts.push("", ctx.t("discussion-list-all"), ...forAll.map(line));
    for (const v of villages) {
      const own = topics.filter((t) => !t.allVillages && t.villageIds.includes(v.id));
      if (own.length) parts.push("", ctx.t("discussion-list-village", { name: escapeHtml(v.name) }), ...own.map(line));
    }
    if (topics.length) parts.push("", ctx.t("discussion-list-pick"));
    let text = parts.join("\n");
    if (text.length > 4000) text = `${text.slice(0, 3990).replace(/\n[^\n]*$/, "")}\n…`;
    const pages = Math.max(1, Math.ceil(topics.length / PAGE));
    const at = Math.min(page, pages - 1);
    const kb = new InlineKeyboard();
    for (const t of topics.slice(at * PAGE, (at + 1) * PAGE)) kb.text(`💬 ${t.title}`.slice(0, 60), topicViewCb.build({ topic: t.id })).row();
    pagerRow(kb, at, pages, (pg) => topicListCb.build({ page: pg }));
    if (canOpenTopic(actorOf(ctx), forumId)) kb.row().text(ctx.t("discussion-btn-new"), NEW_TOPIC);
    if (ctx.callbackQuery) await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => {});
    else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
  };
  commandAndMenu(p as unknown as Composer<BotContext>, "topik", (ctx) => showTopics(ctx));

  p.callbackQuery(topicListCb.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showTopics(ctx, Number(topicListCb.parse(ctx.callbackQuery.data)!.page) || 0);
  });

  p.callbackQuery(NEW_TOPIC, async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return ctx.answerCallbackQuery();
    if (!canOpenTopic(actorOf(ctx), forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_allowed"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("discussion-new", forumId);
  });

  const showTopic = async (ctx: FlowContext, topic: NonNullable<Awaited<ReturnType<typeof topicFor>>>) => {
    const [forum, villages, messages] = await Promise.all([
      deps.prisma.forum.findUniqueOrThrow({ where: { id: topic.forumId }, select: { timezone: true } }),
      topic.allVillages
        ? Promise.resolve(null)
        : deps.prisma.village.findMany({ where: { forumId: topic.forumId, id: { in: (await deps.prisma.topicVillage.findMany({ where: { topicId: topic.id } })).map((v) => v.villageId) } }, orderBy: { name: "asc" } }),
      deps.prisma.relayMessage.count({ where: { topicId: topic.id, forumId: topic.forumId, state: "relayed" } }),
    ]);
    let text = ctx.t("discussion-view", {
      title: escapeHtml(topic.title),
      description: escapeHtml(topic.description),
      villages: villages ? escapeHtml(villages.map((v) => v.name).join(", ")) : ctx.t("discussion-all-villages"),
      messages,
      slow: intervalLabel(ctx.t.bind(ctx), topic.slowModeSeconds),
      ends: topic.endsAt ? longDate(topic.endsAt, forum.timezone, ctx.person?.language) : ctx.t("discussion-no-end"),
    });
    if (topic.state === "closed" && topic.closedAt) text += `\n${ctx.t("discussion-view-closed", { date: longDate(topic.closedAt, forum.timezone, ctx.person?.language) })}`;
    const kb = new InlineKeyboard().text(ctx.t("discussion-btn-transcript"), transcriptCb.build({ topic: topic.id }));
    if (topic.state === "open" && canManageTopic(actorOf(ctx), topic)) {
      kb.row().text(ctx.t("discussion-btn-slow"), slowAskCb.build({ topic: topic.id })).text(ctx.t("discussion-btn-close"), closeCb.build({ topic: topic.id }));
      const joinable = await groupsToJoin(deps, topic);
      if (joinable.length) kb.row().text(ctx.t("discussion-btn-join", { count: joinable.length }), joinListCb.build({ topic: topic.id }));
    }
    kb.row().text(ctx.t("discussion-btn-back"), topicListCb.build({ page: 0 }));
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => {});
  };

  p.callbackQuery(topicViewCb.filter, async (ctx) => {
    const topic = await topicFor(deps, ctx, topicViewCb.parse(ctx.callbackQuery.data)?.topic);
    if (!topic) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_found"), show_alert: true });
    await ctx.answerCallbackQuery();
    await showTopic(ctx, topic);
  });

  p.callbackQuery(slowAskCb.filter, async (ctx) => {
    const topic = await topicFor(deps, ctx, slowAskCb.parse(ctx.callbackQuery.data)?.topic);
    if (!topic) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_found"), show_alert: true });
    if (topic.state !== "open") return ctx.answerCallbackQuery({ text: ctx.t("error-topic_closed", { title: topic.title }), show_alert: true });
    if (!canManageTopic(actorOf(ctx), topic)) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_manager"), show_alert: true });
    await ctx.answerCallbackQuery();
    const kb = new InlineKeyboard();
    SLOW_MODES.forEach((sec, i) => {
      kb.text(`${sec === topic.slowModeSeconds ? "✅ " : ""}${intervalLabel(ctx.t.bind(ctx), sec)}`, slowSetCb.build({ topic: topic.id, sec }));
      if (i % 3 === 2) kb.row();
    });
    kb.row().text(ctx.t("discussion-btn-back"), topicViewCb.build({ topic: topic.id }));
    await ctx.editMessageText(ctx.t("discussion-slow-ask", { title: escapeHtml(topic.title) }), { parse_mode: "HTML", reply_markup: kb }).catch(() => {});
  });

  p.callbackQuery(slowSetCb.filter, async (ctx) => {
    const parsed = slowSetCb.parse(ctx.callbackQuery.data)!;
    const topic = await topicFor(deps, ctx, parsed.topic);
    if (!topic) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_found"), show_alert: true });
    try {
      const updated = await setSlowMode(deps, actorOf(ctx), topic.forumId, topic.id, Number(parsed.sec));
      await ctx.answerCallbackQuery({ text: ctx.t("discussion-slow-set", { title: updated.title, interval: intervalLabel(ctx.t.bind(ctx), updated.slowModeSeconds) }) });
      await showTopic(ctx, { ...updated, villages: topic.villages });
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  /** Groups linked after the topic opened: the manager picks which join (one button each). */
  const showJoinable = async (ctx: FlowContext, topic: NonNullable<Awaited<ReturnType<typeof topicFor>>>) => {
    const groups = await groupsToJoin(deps, topic);
    const kb = new InlineKeyboard();
    for (const g of groups.slice(0, 20)) kb.text(`➕ ${g.title}`.slice(0, 60), joinCb.build({ topic: topic.id, link: g.id })).row();
    kb.text(ctx.t("discussion-btn-back"), topicViewCb.build({ topic: topic.id }));
    const text = groups.length ? ctx.t("discussion-join-ask", { title: escapeHtml(topic.title) }) : ctx.t("discussion-join-none", { title: escapeHtml(topic.title) });
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => ctx.reply(text, { parse_mode: "HTML", reply_markup: kb }));
  };

  p.callbackQuery(joinListCb.filter, async (ctx) => {
    const topic = await topicFor(deps, ctx, joinListCb.parse(ctx.callbackQuery.data)?.topic);
    if (!topic) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_found"), show_alert: true });
    if (topic.state !== "open") return ctx.answerCallbackQuery({ text: ctx.t("error-topic_closed", { title: topic.title }), show_alert: true });
    if (!canManageTopic(actorOf(ctx), topic)) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_manager"), show_alert: true });
    await ctx.answerCallbackQuery();
    await showJoinable(ctx, topic);
  });

  p.callbackQuery(joinCb.filter, async (ctx) => {
    const parsed = joinCb.parse(ctx.callbackQuery.data)!;
    const linkId = intId(parsed.link);
    const topic = await topicFor(deps, ctx, parsed.topic);
    if (!topic || !linkId) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_found"), show_alert: true });
    try {
      const r = await joinTopic(deps, renderer, actorOf(ctx), topic.id, linkId);
      await ctx.answerCallbackQuery({ text: ctx.t("discussion-joined", { group: r.group, title: r.title }) });
      await showJoinable(ctx, topic);
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  p.callbackQuery(closeCb.filter, async (ctx) => {
    const topic = await topicFor(deps, ctx, closeCb.parse(ctx.callbackQuery.data)?.topic);
    if (!topic) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_found"), show_alert: true });
    if (!canManageTopic(actorOf(ctx), topic)) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_manager"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("discussion-close", topic.forumId, topic.id);
  });

  commandAndMenu(p as unknown as Composer<BotContext>, "tutuptopik", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    // Only those who may open topics can have one to close (moderators any).
    if (!canOpenTopic(actorOf(ctx), forumId)) return ctx.reply(ctx.t("error-topic_not_manager"));
    await ctx.conversation.enter("discussion-close", forumId, null);
  });

  const sendFile = async (ctx: FlowContext, topicId: number) => {
    const tr = await transcriptFor(deps, { actor: actorOf(ctx) }, topicId);
    const file = transcriptFile(tr, lang(ctx), deps.clock.now());
    await auditTranscript(deps, ctx.person?.id ?? null, topicId, {});
    await sendTranscript(ctx, file, transcriptSummary(tr, lang(ctx)));
  };

  p.callbackQuery(transcriptCb.filter, async (ctx) => {
    const topic = await topicFor(deps, ctx, transcriptCb.parse(ctx.callbackQuery.data)?.topic);
    if (!topic) return ctx.answerCallbackQuery({ text: ctx.t("error-topic_not_found"), show_alert: true });
    await ctx.answerCallbackQuery();
    try {
      await sendFile(ctx, topic.id);
    } catch (err) {
      await replyError(ctx, err);
    }
  });

  commandAndMenu(p as unknown as Composer<BotContext>, "ringkasan", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    const topics = (await listTopics(deps, forumId, { state: "any", take: 80 }))
      .filter((t) => canReadTopic(ctx.access, { forumId, allVillages: t.allVillages, villages: t.villageIds.map((villageId) => ({ villageId })) }))
      .slice(0, 40);
    if (topics.length === 0) return ctx.reply(ctx.t("discussion-transcript-none"));
    const kb = new InlineKeyboard();
    for (const t of topics) kb.text(`${t.state === "open" ? "💬" : "🔒"} ${t.title}`.slice(0, 60), transcriptCb.build({ topic: t.id })).row();
    await ctx.reply(ctx.t("discussion-transcript-pick"), { reply_markup: kb });
  });

  return c;
}

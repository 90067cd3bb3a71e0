import { termsOf } from "../../../domain/forum/terms.js";
import { InlineKeyboard } from "grammy";
import type { Deps } from "../../../deps.js";
import {
  attachThread,
  canManageTopic,
  closeTopic,
  listTopics,
  openTopic,
  activeTargetsCount,
  type DiscussionRenderer,
} from "../../../domain/discussion/index.js";
import { DomainError } from "../../../domain/errors.js";
import type { ZoneName } from "../../../lib/time.js";
import { askDate, dateSettingsOf } from "../../lib/date-step.js";
import type { Flow, FlowContext } from "../../context.js";
import { askChoice, askChoicePaged, askText, FLOW_CANCEL, waitStep } from "../../lib/flow.js";
import { actorOf } from "../../lib/forum.js";
import { errorText, escapeHtml } from "../../lib/replies.js";
import { groupRenderer } from "./render.js";

const PICK_PAGE = 20;

/** Several villages at once: toggle buttons (✅), paged for big forums, then “Selesai”. */
async function pickVillages(conversation: Flow, ctx: FlowContext, villages: Array<{ id: number; name: string }>): Promise<number[]> {
  const chosen = new Set<number>();
  const pages = Math.ceil(villages.length / PICK_PAGE);
  let page = 0;
  const keyboard = () => {
    const kb = new InlineKeyboard();
    villages.slice(page * PICK_PAGE, (page + 1) * PICK_PAGE).forEach((v, i) => {
      kb.text(`${chosen.has(v.id) ? "✅ " : ""}${v.name}`.slice(0, 60), `dpv:${v.id}`);
      if (i % 2 === 1) kb.row();
    });
    if (pages > 1) {
      kb.row();
      if (page > 0) kb.text("◀️", `dpp:${page - 1}`);
      kb.text(`${page + 1}/${pages}`, `dpp:${page}`);
      if (page < pages - 1) kb.text("▶️", `dpp:${page + 1}`);
    }
    return kb.row().text(ctx.t("discussion-btn-done"), "dpv:done").text(ctx.t("btn-cancel"), FLOW_CANCEL);
  };
  const q = await ctx.reply(ctx.t("discussion-pick-villages", { count: 0 }), { reply_markup: keyboard() });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (!data) {
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    if (c.callbackQuery!.message?.message_id !== q.message_id) {
      await c.answerCallbackQuery({ text: c.t("flow-old-button") });
      continue;
    }
    if (data === "dpv:done") {
      if (chosen.size === 0) {
        await c.answerCallbackQuery({ text: c.t("discussion-pick-none"), show_alert: true });
        continue;
      }
      await c.answerCallbackQuery();
      const names = villages.filter((v) => chosen.has(v.id)).map((v) => escapeHtml(v.name));
      await c.editMessageText(`${c.t("discussion-pick-villages", { count: chosen.size })}\n\n✅ ${names.join(", ")}`, { parse_mode: "HTML" }).catch(() => {});
      return villages.filter((v) => chosen.has(v.id)).map((v) => v.id);
    }
    const nav = data.match(/^dpp:(\d+)$/);
    const pick = data.match(/^dpv:(\d+)$/);
    if (nav) page = Math.min(pages - 1, Number(nav[1]));
    else if (pick && villages.some((v) => v.id === Number(pick[1]))) {
      const id = Number(pick[1]);
      if (chosen.has(id)) chosen.delete(id);
      else chosen.add(id);
    } else {
      await c.answerCallbackQuery({ text: c.t("flow-old-button") });
      continue;
    }
    await c.answerCallbackQuery();
    await c.editMessageText(c.t("discussion-pick-villages", { count: chosen.size }), { reply_markup: keyboard() }).catch(() => {});
  }
}

async function askEnd(conversation: Flow, ctx: FlowContext, deps: Deps, forumId: number, zone: ZoneName): Promise<string> {
  const settings = await dateSettingsOf(conversation, deps, forumId);
  const { date } = await askDate(conversation, ctx, ctx.t("discussion-ask-end-date"), {
    ...settings,
    zone,
    // A topic that ends within minutes would close before anyone reads it.
    validate: (at, now) => (at.getTime() <= now.getTime() + 5 * 60_000 ? ctx.t("error-topic_end_past") : null),
  });
  return date!.toISOString();
}

function fail(octx: FlowContext, err: unknown) {
  if (err instanceof DomainError) return { ok: false as const, text: errorText(octx, err)! };
  throw err;
}

/** `/topik` → ➕: title, description, villages, end, preview exactly as groups will see it, send. */
export function newTopicFlow(deps: Deps, renderer: DiscussionRenderer) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const title = await askText(conversation, ctx, ctx.t("discussion-ask-title"), { min: 3, max: 100 });
    const description = await askText(conversation, ctx, ctx.t("discussion-ask-description"), { min: 1, max: 1000 });
    const forum = await conversation.external(async () => {
      const f = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { timezone: true, villageTerm: true, councilTerm: true } });
      const villages = await deps.prisma.village.findMany({ where: { forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      return { timezone: f.timezone, villages, terms: termsOf(f) };
    });
    const mode = await askChoice(conversation, ctx, ctx.t("discussion-ask-villages"), [
      { label: ctx.t("discussion-btn-all-villages"), value: "all" },
      { label: ctx.t("discussion-btn-pick-villages"), value: "pick" },
    ]);
    const villageIds = mode === "pick" ? await pickVillages(conversation, ctx, forum.villages) : null;
    const end = await askChoice(conversation, ctx, ctx.t("discussion-ask-end"), [
      { label: ctx.t("discussion-btn-no-end"), value: "none" },
      { label: ctx.t("discussion-btn-set-end"), value: "set" },
    ]);
    const endsAt = end === "set" ? await askEnd(conversation, ctx, deps, forumId, forum.timezone as ZoneName) : null;

    const groups = await conversation.external(() =>
      deps.prisma.chatLink.count({ where: { forumId, active: true, kind: "village_group", ...(villageIds ? { villageId: { in: villageIds } } : {}) } }),
    );
    if (groups === 0) return void (await ctx.reply(ctx.t("error-topic_no_groups")));
    const names = villageIds ? forum.villages.filter((v) => villageIds.includes(v.id)).map((v) => v.name) : null;
    // The preview uses the same renderer as the groups: what the official sees is what goes out.
    const card = groupRenderer().topicCard({ title: title.trim().replace(/\s+/g, " "), description: description.trim(), villageNames: names, endsAt: endsAt ? new Date(endsAt) : null, timezone: forum.timezone, terms: forum.terms });
    await ctx.reply(ctx.t("discussion-preview", { groups }));
    await ctx.reply(card.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    await askChoice(conversation, ctx, ctx.t("discussion-confirm", { groups }), [{ label: ctx.t("discussion-btn-send"), value: "send" }]);

    const r = await conversation.external(async (octx) => {
      try {
        const out = await openTopic(deps, renderer, actorOf(octx), { forumId, title, description, villageIds, endsAt: endsAt ? new Date(endsAt) : null });
        let thread: "none" | "ok" | "failed" = "none";
        if (out.kecamatanChatId !== null) {
          // The kecamatan supergroup gets the topic's own thread, which then takes part like a group.
          try {
            const t = await octx.api.createForumTopic(Number(out.kecamatanChatId), out.topic.title.slice(0, 128));
            await attachThread(deps, renderer, out.topic.id, out.kecamatanChatId, t.message_thread_id);
            thread = "ok";
          } catch (err) {
            deps.logger.warn({ err, topicId: out.topic.id }, "discussion: kecamatan thread not created");
            thread = "failed";
          }
        }
        return { ok: true as const, title: out.topic.title, groups: out.groups, thread };
      } catch (err) {
        return fail(octx, err);
      }
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    let text = ctx.t("discussion-opened", { title: escapeHtml(r.title), groups: r.groups });
    if (r.thread === "ok") text += `\n${ctx.t("discussion-thread-opened")}`;
    if (r.thread === "failed") text += `\n${ctx.t("discussion-thread-failed")}`;
    await ctx.reply(text, { parse_mode: "HTML" });
  };
}

/** `/tutuptopik`: which topic (unless given), an optional closing note, confirm, close. */
export function closeTopicFlow(deps: Deps, renderer: DiscussionRenderer) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, topicId: number | null) => {
    let id = topicId;
    if (!id) {
      const options = await conversation.external(async (octx) => {
        const actor = actorOf(octx);
        const open = await listTopics(deps, forumId);
        return open.filter((t) => canManageTopic(actor, { forumId, createdById: t.createdById })).map((t) => ({ label: t.title.slice(0, 60), value: String(t.id) }));
      });
      if (options.length === 0) return void (await ctx.reply(ctx.t("discussion-close-none")));
      id = Number(await askChoicePaged(conversation, ctx, ctx.t("discussion-close-pick"), options, { columns: 1, pageSize: 8 }));
    }
    const info = await conversation.external(async (octx) => {
      const topic = await deps.prisma.topic.findFirst({ where: { id: id!, forumId } });
      if (!topic) return { ok: false as const, text: octx.t("error-topic_not_found") };
      if (!canManageTopic(actorOf(octx), topic)) return { ok: false as const, text: octx.t("error-topic_not_manager") };
      if (topic.state !== "open") return { ok: false as const, text: octx.t("error-topic_closed", { title: topic.title }) };
      return { ok: true as const, title: topic.title, groups: await activeTargetsCount(deps, topic) };
    });
    if (!info.ok) return void (await ctx.reply(info.text));

    const ask = await ctx.reply(ctx.t("discussion-close-ask-note"), {
      reply_markup: new InlineKeyboard().text(ctx.t("discussion-btn-no-note"), "dcn").row().text(ctx.t("btn-cancel"), FLOW_CANCEL),
    });
    let note: string | null = null;
    for (;;) {
      const c = await waitStep(conversation);
      if (c.callbackQuery) {
        if (c.callbackQuery.data === "dcn" && c.callbackQuery.message?.message_id === ask.message_id) {
          await c.answerCallbackQuery();
          await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
          break;
        }
        await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        continue;
      }
      const text = c.message?.text?.trim();
      if (!text) {
        await c.reply(c.t("flow-expect-text"));
        continue;
      }
      if (text.length > 1000) {
        await c.reply(c.t("flow-text-too-long", { max: 1000, length: text.length }));
        continue;
      }
      note = text;
      break;
    }
    await askChoice(conversation, ctx, ctx.t("discussion-close-confirm", { title: escapeHtml(info.title), groups: info.groups }), [
      { label: ctx.t("discussion-btn-close"), value: "close" },
    ]);
    const r = await conversation.external(async (octx) => {
      try {
        const out = await closeTopic(deps, renderer, actorOf(octx), { forumId, topicId: id! }, note);
        return { ok: true as const, groups: out?.groups ?? 0 };
      } catch (err) {
        return fail(octx, err);
      }
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("discussion-closed-done", { title: escapeHtml(info.title), groups: r.groups }), { parse_mode: "HTML" });
  };
}

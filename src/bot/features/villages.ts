import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import { findChatLink, listVillages, setHomeVillage } from "../../domain/forum/service.js";
import { defineCallback, intId } from "../lib/callback.js";
import { escapeHtml, replyError } from "../lib/replies.js";
import { commandAndMenu } from "../lib/commands.js";
import { requireForum } from "./forum-setup.js";

export const homeCb = defineCallback("home", ["forum", "village"] as const);

export const villagesFeature: Feature = {
  name: "villages",
  commands: [
    { command: "desa", scopes: ["private", "group"], audience: "all" },
    { command: "desaku", scopes: ["private", "group"], audience: "all" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();

    const showVillages = async (ctx: FlowContext) => {
      let forumId: number | null;
      if (ctx.chat?.type === "private") {
        forumId = await requireForum(ctx);
        if (!forumId) return;
      } else {
        const link = await findChatLink(deps, ctx.chat!.id);
        if (!link?.active) return ctx.reply(ctx.t("group-not-linked"));
        forumId = link.forumId;
      }
      const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId } });
      const villages = await listVillages(deps, forumId);
      const lines = villages.map((v) => {
        const groups = v.chatLinks.length ? v.chatLinks.map((l) => escapeHtml(l.title)).join(", ") : ctx.t("village-no-group");
        const officials = v.memberships.length
          ? v.memberships.map((m) => escapeHtml(m.person.firstName)).join(", ")
          : ctx.t("village-no-officials");
        return ctx.t("village-line", { name: escapeHtml(v.name), code: v.shortCode, groups, officials });
      });
      const header = ctx.t("village-list-header", { forum: escapeHtml(forum.name), count: villages.length });
      // Telegram's 4096-character limit: long networks are sent in parts.
      let chunk = header;
      for (const line of lines) {
        if (chunk.length + line.length + 2 > 4000) {
          await ctx.reply(chunk, { parse_mode: "HTML" });
          chunk = "";
        }
        chunk += (chunk ? "\n\n" : "") + line;
      }
      if (chunk) await ctx.reply(chunk, { parse_mode: "HTML" });
    };
    commandAndMenu(c, "desa", showVillages);

    const priv = c.chatType("private");
    const askHome = async (ctx: FlowContext) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      const villages = await deps.prisma.village.findMany({ where: { forumId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      const current = ctx.access.homeVillage(forumId);
      const kb = new InlineKeyboard();
      villages.forEach((v, i) => {
        kb.text(`${v.id === current ? "✅ " : ""}${v.name}`, homeCb.build({ forum: forumId, village: v.id }));
        if (i % 2 === 1) kb.row();
      });
      await ctx.reply(ctx.t("home-ask"), { reply_markup: kb });
    };
    priv.command("desaku", askHome);
    priv.callbackQuery("menu:desaku", async (ctx) => {
      await ctx.answerCallbackQuery();
      await askHome(ctx);
    });

    // In a village group: one tap says "I live in this village" — for whoever taps it.
    c.chatType(["group", "supergroup"]).command("desaku", async (ctx) => {
      const link = await findChatLink(deps, ctx.chat.id);
      if (!link?.active || !link.village) return ctx.reply(ctx.t("group-not-linked"));
      const kb = new InlineKeyboard().text(ctx.t("home-btn-mine", { village: link.village.name }), homeCb.build({ forum: link.forumId, village: link.village.id }));
      await ctx.reply(ctx.t("home-group-prompt", { village: escapeHtml(link.village.name) }), { parse_mode: "HTML", reply_markup: kb });
    });

    c.callbackQuery(homeCb.filter, async (ctx) => {
      const p = homeCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(p.forum);
      const villageId = intId(p.village);
      if (!forumId || !villageId || !ctx.person) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      if (ctx.chat?.type === "private") {
        if (!ctx.access.inForum(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-not_in_forum"), show_alert: true });
      } else {
        // From a group, only that group's own village can be chosen.
        const link = await findChatLink(deps, ctx.chat!.id);
        if (!link?.active || link.forumId !== forumId || link.villageId !== villageId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      }
      try {
        const v = await setHomeVillage(deps, ctx.person.id, forumId, villageId);
        await ctx.answerCallbackQuery({ text: ctx.t("home-saved", { village: v.name }), show_alert: ctx.chat?.type !== "private" });
        if (ctx.chat?.type === "private") await ctx.editMessageText(ctx.t("home-saved", { village: v.name })).catch(() => {});
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    return c;
  },
};

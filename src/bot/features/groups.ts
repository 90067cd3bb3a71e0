import { Composer, InlineKeyboard } from "grammy";
import type { Api } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import {
  deactivateChat,
  findChatLink,
  forumAdmins,
  getForumTerms,
  linkGroup,
  linkGroupWithCode,
  migrateChat,
} from "../../domain/forum/service.js";
import { defineCallback, intId } from "../lib/callback.js";
import { escapeHtml, replyError } from "../lib/replies.js";
import { groupPort, isGroupAdmin, readsApi } from "../lib/telegram.js";
import { leftGroup } from "../../domain/forum/membership.js";
import { actorOf } from "../lib/forum.js";
import { translate } from "../lib/translate.js";

export const groupLinkCb = defineCallback("gl", ["forum", "village"] as const);

/** Tells every admin of a forum, privately and through the delivery queue. */
export async function notifyForumAdmins(deps: Deps, forumId: number, key: string, params: Record<string, string | number>) {
  const admins = await forumAdmins(deps, forumId);
  const terms = await getForumTerms(deps, forumId);
  const items = admins
    .filter((a) => a.canMessage)
    .map((a) => ({
      chatId: a.telegramUserId,
      recipientKey: `person:${a.id}`,
      payload: { op: "send" as const, method: "sendMessage", params: { text: translate(a.language, key, params, terms), parse_mode: "HTML" } },
    }));
  if (items.length) await deps.delivery.enqueue({ forumId, ownerKind: "admin-notice", ownerId: `${key}:${deps.clock.now().getTime()}`, items });
}

/** Buttons for the villages the person who added the bot may link this group to. */
function linkChoices(ctx: FlowContext) {
  const kb = new InlineKeyboard();
  let n = 0;
  for (const m of ctx.access.memberships) {
    if (m.role === "perangkat_desa" && m.villageId) {
      kb.text(`🏘️ ${m.villageName}`, groupLinkCb.build({ forum: m.forumId, village: m.villageId })).row();
      n++;
    }
    if (m.role === "admin_forum") {
      kb.text(`🏛️ ${ctx.t("kecamatan-group")} · ${m.forumName}`.slice(0, 60), groupLinkCb.build({ forum: m.forumId, village: 0 })).row();
      n++;
    }
  }
  return { kb, n };
}

export const groupsFeature: Feature = {
  name: "groups",
  commands: [
    // One verb for connecting a group: /hubungkan <kode> in the group, /hubungkan in private for the code.
    { command: "hubungkan", scopes: ["private", "group"], audience: "official_or_admin" },
    // People type /daftar ("register"): in a group it links, in private it points to what they meant.
    { command: "daftar", scopes: ["private", "group"], audience: "all", aliasOf: "hubungkan" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const groups = c.chatType(["group", "supergroup"]);

    // The bot was added to or removed from a group.
    groups.on("my_chat_member", async (ctx) => {
      const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
      const wasIn = ["member", "administrator", "creator", "restricted"].includes(before.status);
      const isIn = ["member", "administrator", "creator", "restricted"].includes(after.status);
      if (wasIn && !isIn) {
        const link = await deactivateChat(deps, ctx.chat.id, "removed");
        if (link) {
          await notifyForumAdmins(deps, link.forumId, "group-removed-notice", {
            title: escapeHtml(ctx.chat.title),
            village: escapeHtml(link.village?.name ?? "-"),
          });
        }
        return;
      }
      if (!wasIn && isIn) {
        const link = await findChatLink(deps, ctx.chat.id);
        if (link?.active) return; // still linked (e.g. re-added quickly): nothing to ask
        const { kb, n } = linkChoices(ctx);
        const text = n > 0 ? ctx.t("group-added-prompt") : ctx.t("group-added-prompt-code");
        await ctx.reply(text, { parse_mode: "HTML", reply_markup: n > 0 ? kb : undefined });
      }
    });

    // Telegram says someone left a linked group: a membership that came through it ends.
    groups.on("message:left_chat_member", async (ctx) => {
      const u = ctx.msg.left_chat_member;
      if (!u.is_bot) await leftGroup(deps, groupPort(readsApi(deps)), BigInt(ctx.chat.id), BigInt(u.id));
    });
    groups.on("chat_member", async (ctx) => {
      const after = ctx.chatMember.new_chat_member;
      const gone = after.status === "left" || after.status === "kicked" || (after.status === "restricted" && !after.is_member);
      if (gone && !after.user.is_bot) await leftGroup(deps, groupPort(readsApi(deps)), BigInt(ctx.chat.id), BigInt(after.user.id));
    });

    // Group → supergroup: the link follows the new id.
    groups.on("message:migrate_to_chat_id", async (ctx) => {
      const newId = ctx.msg.migrate_to_chat_id;
      const moved = await migrateChat(deps, ctx.chat.id, newId);
      if (moved) {
        await notifyForumAdmins(deps, moved.forumId, "group-migrated-notice", { title: escapeHtml(moved.title), village: escapeHtml(moved.village?.name ?? "-") });
      }
    });

    // In private, /daftar most likely means "register me": officials are pointed to /hubungkan,
    // everyone else to /desaku (kampungku, …), /gabung and /lapor.
    c.chatType("private").command("daftar", async (ctx) => {
      const official = ctx.access.memberships.some((m) => m.role === "perangkat_desa" || m.role === "admin_forum");
      await ctx.reply(ctx.t("hint-daftar-private", { official: official ? "yes" : "no" }), { parse_mode: "HTML" });
    });

    groups.command(["hubungkan", "daftar"], async (ctx) => {
      const code = ctx.match.trim();
      if (!(await isGroupAdmin(ctx, ctx.chat.id, ctx.from!.id))) return ctx.reply(ctx.t("group-link-not-admin"));
      if (!code) {
        const { kb, n } = linkChoices(ctx);
        return ctx.reply(n > 0 ? ctx.t("group-added-prompt") : ctx.t("group-added-prompt-code"), { parse_mode: "HTML", reply_markup: n > 0 ? kb : undefined });
      }
      try {
        const r = await linkGroupWithCode(deps, ctx.person!.id, code, chatInfo(ctx));
        await ctx.reply(ctx.t("group-linked", { village: escapeHtml(r.village?.name ?? ctx.t("kecamatan")), hasVillage: r.village ? "yes" : "no" }), { parse_mode: "HTML" });
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    groups.callbackQuery(groupLinkCb.filter, async (ctx) => {
      const p = groupLinkCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(p.forum);
      const villageId = p.village === "0" ? null : intId(p.village);
      if (!forumId || (p.village !== "0" && !villageId)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      // Rights come from Telegram (group admin) and from the forum roles — not from the button.
      if (!(await isGroupAdmin(ctx, ctx.chat.id, ctx.from.id))) {
        return ctx.answerCallbackQuery({ text: ctx.t("group-link-not-admin"), show_alert: true });
      }
      try {
        const r = await linkGroup(deps, actorOf(ctx), { forumId, villageId, chat: chatInfo(ctx) });
        await ctx.answerCallbackQuery();
        // The prompt was transient: replace it with the result.
        await ctx.deleteMessage().catch(() => {});
        await ctx.reply(ctx.t("group-linked", { village: escapeHtml(r.village?.name ?? ctx.t("kecamatan")), hasVillage: r.village ? "yes" : "no" }), { parse_mode: "HTML" });
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    return c;
  },
  setup(deps: Deps, _api: Api) {
    // A send that finds the bot gone marks the group inactive and tells the forum's admins.
    deps.delivery.setHooks({
      onChatGone: async (chatId, kind) => {
        if (chatId > 0n) {
          if (kind === "blocked" || kind === "not_started") {
            await deps.prisma.person.updateMany({ where: { telegramUserId: chatId }, data: { canMessage: false } });
          }
          return;
        }
        const link = await deactivateChat(deps, chatId, kind);
        if (link) await notifyForumAdmins(deps, link.forumId, "group-removed-notice", { title: escapeHtml(link.title), village: escapeHtml(link.village?.name ?? "-") });
      },
      onChatMigrated: async (oldId, newId) => {
        await migrateChat(deps, oldId, newId);
      },
    });
  },
};

function chatInfo(ctx: FlowContext) {
  const chat = ctx.chat as { id: number; title?: string; type: string; is_forum?: boolean };
  return { id: chat.id, title: chat.title ?? "", isForum: chat.type === "supergroup" && !!chat.is_forum };
}

import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import type { CommandSpec, Feature } from "../feature.js";
import { redeemInvite, linkGroupWithCode } from "../../domain/forum/service.js";
import { loadAccess } from "../../domain/forum/people.js";
import { replyError, escapeHtml } from "../lib/replies.js";
import { visibleCommands } from "../lib/commands.js";
import { isGroupAdmin } from "../lib/telegram.js";

const INVITE_CODE = /^[A-Z2-9]{8}$/;
const GROUP_CODE = /^G[A-Z2-9]{7}$/;

function roleSummary(ctx: FlowContext): string {
  const lines = ctx.access.memberships.map((m) =>
    ctx.t("start-role-line", { role: ctx.t(`role-${m.role}`), village: m.villageName ?? "-", forum: m.forumName, hasVillage: m.villageName ? "yes" : "no" }),
  );
  return lines.join("\n");
}

/** The role-aware menu: a button for every private command this person may use. */
export function menuKeyboard(ctx: FlowContext, specs: CommandSpec[]) {
  const kb = new InlineKeyboard();
  // /dataku and /hapusdata are one tap away from /privasi: the main menu stays short.
  const shown = visibleCommands(specs, ctx, "private").filter((s) => !["start", "bantuan", "batal", "dataku", "hapusdata"].includes(s.command));
  shown.forEach((s, i) => {
    kb.text(ctx.t(`menu-${s.command}`), `menu:${s.command}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

export function startFeature(allSpecs: () => CommandSpec[]): Feature {
  return {
    name: "start",
    commands: [
      { command: "start", scopes: ["private", "group"], audience: "all" },
      { command: "bantuan", scopes: ["private", "group"], audience: "all" },
    ],
    composer(deps) {
      const c = new Composer<BotContext>();

      const welcome = async (ctx: FlowContext) => {
        const name = escapeHtml(ctx.person?.firstName ?? "");
        const text =
          ctx.access.memberships.length === 0
            ? ctx.access.bootstrapAdmin
              ? ctx.t("start-welcome-bootstrap", { name })
              : ctx.t("start-welcome-new", { name })
            : ctx.t("start-welcome-member", { name, roles: escapeHtml(roleSummary(ctx)) });
        await ctx.reply(text, { parse_mode: "HTML", reply_markup: menuKeyboard(ctx, allSpecs()) });
      };

      const priv = c.chatType("private");
      priv.command("start", async (ctx) => {
        const payload = ctx.match.trim();
        const code = payload.toUpperCase();
        if (INVITE_CODE.test(code)) {
          try {
            const r = await redeemInvite(deps, ctx.person!.id, code);
            await ctx.reply(
              ctx.t("invite-redeemed", {
                role: ctx.t(`role-${r.role}`),
                forum: escapeHtml(r.forum.name),
                village: escapeHtml(r.village?.name ?? "-"),
                hasVillage: r.village ? "yes" : "no",
              }),
              { parse_mode: "HTML" },
            );
            ctx.session.forumId = r.forum.id;
            ctx.access = await loadAccess(deps.prisma, ctx.person!.id, ctx.access.bootstrapAdmin);
          } catch (err) {
            return replyError(ctx, err);
          }
        }
        await welcome(ctx);
      });
      priv.command("gabung", async (ctx) => {
        const code = ctx.match.trim();
        if (!code) return ctx.reply(ctx.t("invite-usage"), { parse_mode: "HTML" });
        try {
          const r = await redeemInvite(deps, ctx.person!.id, code);
          ctx.session.forumId = r.forum.id;
          await ctx.reply(
            ctx.t("invite-redeemed", {
              role: ctx.t(`role-${r.role}`),
              forum: escapeHtml(r.forum.name),
              village: escapeHtml(r.village?.name ?? "-"),
              hasVillage: r.village ? "yes" : "no",
            }),
            { parse_mode: "HTML" },
          );
        } catch (err) {
          await replyError(ctx, err);
        }
      });
      priv.callbackQuery("menu:start", async (ctx) => {
        await ctx.answerCallbackQuery();
        await welcome(ctx);
      });

      const groups = c.chatType(["group", "supergroup"]);
      groups.command("start", async (ctx) => {
        const code = ctx.match.trim().toUpperCase();
        if (GROUP_CODE.test(code)) {
          // t.me/<bot>?startgroup=<code>: the person who added the bot links the group at once.
          if (!(await isGroupAdmin(ctx, ctx.chat.id, ctx.from!.id))) return ctx.reply(ctx.t("group-link-not-admin"));
          try {
            const r = await linkGroupWithCode(deps, ctx.person!.id, code, { id: ctx.chat.id, title: ctx.chat.title, isForum: ctx.chat.type === "supergroup" && !!ctx.chat.is_forum });
            return ctx.reply(ctx.t("group-linked", { village: escapeHtml(r.village?.name ?? ctx.t("kecamatan")), hasVillage: r.village ? "yes" : "no" }), { parse_mode: "HTML" });
          } catch (err) {
            return replyError(ctx, err);
          }
        }
        await ctx.reply(ctx.t("start-group"), { parse_mode: "HTML" });
      });

      c.command("bantuan", async (ctx) => {
        const chatType = ctx.chat.type === "private" ? "private" : "group";
        const groupAdmin = chatType === "group" && ctx.from ? await isGroupAdmin(ctx, ctx.chat.id, ctx.from.id) : false;
        const visible = visibleCommands(allSpecs(), ctx, chatType, { groupAdmin });
        const lines = visible.map((s) => `/${s.command} — ${ctx.t(`cmd-${s.command}`)}`);
        const header = ctx.t(chatType === "private" ? "help-header-private" : "help-header-group");
        await ctx.reply(`${header}\n\n${lines.join("\n")}`, {
          reply_markup: chatType === "private" ? menuKeyboard(ctx, allSpecs()) : undefined,
        });
      });
      c.callbackQuery("menu:bantuan", async (ctx) => {
        await ctx.answerCallbackQuery();
        const visible = visibleCommands(allSpecs(), ctx, "private");
        await ctx.reply(`${ctx.t("help-header-private")}\n\n${visible.map((s) => `/${s.command} — ${ctx.t(`cmd-${s.command}`)}`).join("\n")}`);
      });
      return c;
    },
  };
}

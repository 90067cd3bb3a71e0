import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../context.js";
import type { CommandSpec, Feature } from "../feature.js";
import { getForumTerms, redeemInvite, linkGroupWithCode, setMembershipTitle } from "../../domain/forum/service.js";
import type { Deps } from "../../deps.js";
import type { Role } from "../../generated/prisma/enums.js";
import { actorOf } from "../lib/forum.js";
import { askJabatan, jabatanLabel } from "../lib/jabatan.js";
import { applyForumTerms } from "../lib/terms.js";
import { loadAccess } from "../../domain/forum/people.js";
import { replyError, escapeHtml } from "../lib/replies.js";
import { visibleCommands } from "../lib/commands.js";
import { isGroupAdmin } from "../lib/telegram.js";
import { refusable } from "../lib/flow.js";

const INVITE_CODE = /^[A-Z2-9]{8}$/;
const GROUP_CODE = /^G[A-Z2-9]{7}$/;

function roleSummary(ctx: FlowContext): string {
  const saved = ctx.terms;
  const lines = ctx.access.memberships.map((m) => {
    // Each line in its own forum's words (a person may be in a Desa forum and a Kampung forum).
    ctx.terms = m.forumTerms;
    return ctx.t("start-role-line", {
      role: ctx.t(`role-${m.role}`),
      village: m.villageName ?? "-",
      forum: m.forumName,
      hasVillage: m.villageName ? "yes" : "no",
      jabatan: m.title ? jabatanLabel(ctx.t, m.title) : "",
      hasJabatan: m.title ? "yes" : "no",
    });
  });
  ctx.terms = saved;
  return lines.join("\n");
}

/** Short how-to per role the person holds (or for newcomers), not one line per command. */
export function helpText(ctx: FlowContext): string {
  const roles = new Set(ctx.access.memberships.map((m) => m.role));
  const parts = [ctx.t("help-intro")];
  if (roles.size === 0) parts.push(ctx.t("help-new"));
  if (roles.has("admin_forum")) parts.push(ctx.t("help-admin"));
  if (roles.has("perangkat_desa")) parts.push(ctx.t("help-perangkat"));
  if (roles.has("moderator")) parts.push(ctx.t("help-moderator"));
  if (roles.has("mitra")) parts.push(ctx.t("help-mitra"));
  if (roles.size > 0) parts.push(ctx.t("help-warga"));
  parts.push(ctx.t("help-footer"));
  return parts.join("\n\n");
}

/** After a code that left the position open: the new official names their own. */
function ownJabatanFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, membershipId: number, role: Role, where: string) => {
    ctx.terms = await conversation.external(() => getForumTerms(deps, forumId));
    const picked = await askJabatan(conversation, ctx, role, ctx.t("jabatan-ask-self", { where }), [{ label: ctx.t("jabatan-btn-skip"), value: "_skip" }]);
    if (picked === "_skip") return;
    const r = await refusable(conversation, async (octx) => {
      const m = await setMembershipTitle(octx.deps, actorOf(octx), forumId, membershipId, picked);
      return { ok: true as const, title: m.title };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("jabatan-saved", { jabatan: jabatanLabel(ctx.t, r.title) }), { parse_mode: "HTML" });
  };
}

/** The role-aware menu: a button for every private command this person may use. */
export function menuKeyboard(ctx: FlowContext, specs: CommandSpec[]) {
  const kb = new InlineKeyboard();
  // /dataku and /hapusdata are one tap away from /privasi: the main menu stays short.
  const shown = visibleCommands(specs, ctx, "private").filter((s) => !["start", "menu", "bantuan", "batal", "dataku", "hapusdata"].includes(s.command));
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
      { command: "menu", scopes: ["private", "group"], audience: "all" },
      { command: "bantuan", scopes: ["private", "group"], audience: "all" },
      { command: "batal", scopes: ["private"], audience: "all" },
    ],
    composer(deps) {
      const c = new Composer<BotContext>();
      c.chatType("private").use(createConversation(ownJabatanFlow(deps), "own-jabatan"));

      /** Tells the person their new role; asks their position when the code left it open. */
      const redeemed = async (ctx: BotContext, r: Awaited<ReturnType<typeof redeemInvite>>) => {
        if (r.revoked) return false;
        ctx.session.forumId = r.forum.id;
        ctx.access = await loadAccess(deps.prisma, ctx.person!.id, ctx.access.bootstrapAdmin);
        await applyForumTerms(ctx, r.forum.id);
        await ctx.reply(
          ctx.t("invite-redeemed", {
            role: ctx.t(`role-${r.role}`),
            forum: escapeHtml(r.forum.name),
            village: escapeHtml(r.village?.name ?? "-"),
            hasVillage: r.village ? "yes" : "no",
            jabatan: jabatanLabel(ctx.t, r.title),
            hasJabatan: r.title ? "yes" : "no",
          }),
          { parse_mode: "HTML" },
        );
        if (r.asksTitle) {
          const where = r.village ? ctx.t("village-name", { name: escapeHtml(r.village.name) }) : escapeHtml(r.forum.name);
          await ctx.conversation.enter("own-jabatan", r.forum.id, r.membershipId, r.role, where);
          return true;
        }
        return false;
      };

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
            if (await redeemed(ctx, await redeemInvite(deps, ctx.person!.id, code))) return;
          } catch (err) {
            return replyError(ctx, err);
          }
        }
        await welcome(ctx);
      });
      priv.command("menu", welcome);
      priv.command("gabung", async (ctx) => {
        const code = ctx.match.trim();
        if (!code) return ctx.reply(ctx.t("invite-usage"), { parse_mode: "HTML" });
        try {
          await redeemed(ctx, await redeemInvite(deps, ctx.person!.id, code));
        } catch (err) {
          await replyError(ctx, err);
        }
      });
      priv.callbackQuery(["menu:start", "menu:menu"], async (ctx) => {
        await ctx.answerCallbackQuery();
        await welcome(ctx);
      });

      const groups = c.chatType(["group", "supergroup"]);
      groups.command("menu", async (ctx) => {
        await ctx.reply(ctx.t("start-group"), { parse_mode: "HTML" });
      });
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

      c.chatType("private").command("bantuan", async (ctx) => {
        await ctx.reply(helpText(ctx), { parse_mode: "HTML", reply_markup: menuKeyboard(ctx, allSpecs()) });
      });
      c.callbackQuery("menu:bantuan", async (ctx) => {
        await ctx.answerCallbackQuery();
        await ctx.reply(helpText(ctx), { parse_mode: "HTML" });
      });
      // In a group: how to take part here, plus the linking and moderation lines for those who may.
      groups.command("bantuan", async (ctx) => {
        const parts = [ctx.t("help-group")];
        const groupAdmin = ctx.from ? await isGroupAdmin(ctx, ctx.chat.id, ctx.from.id) : false;
        if (groupAdmin) parts.push(ctx.t("help-group-admin"));
        const link = await deps.prisma.chatLink.findUnique({ where: { telegramChatId: BigInt(ctx.chat.id) }, select: { forumId: true, active: true } });
        if (link?.active && ctx.access.canModerate(link.forumId)) parts.push(ctx.t("help-group-moderator"));
        await ctx.reply(parts.join("\n\n"), { parse_mode: "HTML" });
      });
      return c;
    },
  };
}

/**
 * /kelola: forum upkeep from buttons in a private chat (issue 13) — the forum's name and time
 * zone, each village's name, code, group, merge and retirement, and the officials' group.
 * One kind of button ("kl") carries the forum, an action code, a village and an argument; none of
 * it grants anything: every press checks the forum admin role again, and every change goes
 * through a domain function that checks it once more and writes the audit row.
 */
import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { createInvite, findChatLink, getForumTerms, ZONES } from "../../domain/forum/service.js";
import {
  ACTIVE_VILLAGE,
  OFFICIALS_CARDS,
  linkOfficialsGroup,
  mergeVillages,
  officialsGroupOf,
  readOfficialsRouting,
  renameForum,
  renameVillage,
  retireVillage,
  setForumTimezone,
  setOfficialsRouting,
  setVillageCode,
  unlinkOfficialsGroup,
  unlinkVillageGroup,
} from "../../domain/forum/upkeep.js";
import { askText, refusable } from "../lib/flow.js";
import { actorOf } from "../lib/forum.js";
import { commandAndMenu } from "../lib/commands.js";
import { defineCallback, intId } from "../lib/callback.js";
import { escapeHtml, groupDeepLink, pagerRow, replyError } from "../lib/replies.js";
import { isGroupAdmin } from "../lib/telegram.js";
import { applyForumTerms, useTerms } from "../lib/terms.js";
import { requireForum } from "./forum-setup.js";

/** act: m(ain) fn(forum name) tz(zones) z(set zone, arg) vl(villages, arg=page) v(village) vn vc(rename, code)
 *  mg(merge: pick, arg=page) mc/my(merge confirm/do, arg=kept village) rt/ry(retire) ul/uy(unlink) rg/ry2(replace group)
 *  og(officials' group) ot(toggle card, arg) ou/ouy(unlink officials' group). */
export const kelolaCb = defineCallback("kl", ["forum", "act", "village", "arg"] as const);
/** /grupperangkat in a group, for a person who administers several forums: which forum. */
export const officialsGroupCb = defineCallback("kog", ["forum"] as const);

const ZONE_LABEL: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };
const PAGE = 10;

const cb = (forum: number, act: string, village = 0, arg: string | number = 0) => kelolaCb.build({ forum, act, village, arg });

async function show(ctx: FlowContext, text: string, kb: InlineKeyboard) {
  if (ctx.callbackQuery) {
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => ctx.reply(text, { parse_mode: "HTML", reply_markup: kb }));
  } else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
}

/** Text typed for a rename or a new code: asked in a flow, saved by the domain (which checks again). */
function textFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, what: "fn" | "vn" | "vc", villageId: number) => {
    // The prompts in this forum's words (Kampung, …): the flow's ctx is not the one externals see.
    useTerms(ctx, await conversation.external(() => getForumTerms(deps, forumId)));
    const prompt = ctx.t(what === "fn" ? "kelola-ask-forum-name" : what === "vn" ? "kelola-ask-village-name" : "kelola-ask-village-code");
    const text = await askText(conversation, ctx, prompt, { min: 2, max: 120 });
    const r = await refusable(conversation, async (octx) => {
      const actor = actorOf(octx);
      if (what === "fn") return { ok: true as const, name: (await renameForum(deps, actor, forumId, text)).name };
      if (what === "vn") return { ok: true as const, name: (await renameVillage(deps, actor, forumId, villageId, text)).name };
      return { ok: true as const, name: (await setVillageCode(deps, actor, forumId, villageId, text)).shortCode };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    const kb = new InlineKeyboard().text(ctx.t("kelola-btn-back"), what === "fn" ? cb(forumId, "m") : cb(forumId, "v", villageId));
    await ctx.reply(ctx.t(`kelola-saved-${what}`, { name: escapeHtml(r.name) }), { parse_mode: "HTML", reply_markup: kb });
  };
}

export const kelolaFeature: Feature = {
  name: "kelola",
  commands: [
    { command: "kelola", scopes: ["private"], audience: "admin_forum" },
    { command: "grupperangkat", scopes: ["group"], audience: "admin_forum" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private");
    p.use(createConversation(textFlow(deps), "kelola-text"));

    const mainMenu = async (ctx: FlowContext, forumId: number) => {
      const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { name: true, timezone: true } });
      const og = await officialsGroupOf(deps, forumId);
      const kb = new InlineKeyboard()
        .text(ctx.t("kelola-btn-forum-name"), cb(forumId, "fn"))
        .text(ctx.t("kelola-btn-zone"), cb(forumId, "tz"))
        .row()
        .text(ctx.t("kelola-btn-villages"), cb(forumId, "vl"))
        .row()
        .text(ctx.t("kelola-btn-officials-group"), cb(forumId, "og"));
      await show(
        ctx,
        ctx.t("kelola-main", { forum: escapeHtml(forum.name), zone: ZONE_LABEL[forum.timezone] ?? forum.timezone, group: og ? escapeHtml(og.title) : ctx.t("kelola-none") }),
        kb,
      );
    };

    const villageList = async (ctx: FlowContext, forumId: number, page: number, act = "v", except = 0) => {
      const where = { forumId, ...ACTIVE_VILLAGE, ...(except ? { id: { not: except } } : {}) };
      const total = await deps.prisma.village.count({ where });
      const pages = Math.max(1, Math.ceil(total / PAGE));
      const pg = Math.min(page, pages - 1);
      const rows = await deps.prisma.village.findMany({ where, orderBy: { name: "asc" }, skip: pg * PAGE, take: PAGE, select: { id: true, name: true } });
      const kb = new InlineKeyboard();
      rows.forEach((v, i) => {
        // Merging: the button names the village that is kept.
        kb.text(v.name, act === "v" ? cb(forumId, "v", v.id) : cb(forumId, "mc", except, v.id));
        if (i % 2 === 1) kb.row();
      });
      pagerRow(kb, pg, pages, (n) => (act === "v" ? cb(forumId, "vl", 0, n) : cb(forumId, "mg", except, n)));
      kb.row().text(ctx.t("kelola-btn-back"), act === "v" ? cb(forumId, "m") : cb(forumId, "v", except));
      let text = ctx.t("kelola-villages", { count: total });
      if (act !== "v") {
        const from = await deps.prisma.village.findFirstOrThrow({ where: { id: except, forumId }, select: { name: true } });
        text = ctx.t("kelola-merge-pick", { village: escapeHtml(from.name) });
      }
      await show(ctx, text, kb);
    };

    const villageMenu = async (ctx: FlowContext, forumId: number, villageId: number) => {
      const v = await deps.prisma.village.findFirst({ where: { id: villageId, forumId }, include: { chatLinks: { where: { active: true }, select: { title: true } } } });
      if (!v || v.retiredAt) return ctx.answerCallbackQuery({ text: ctx.t("error-village_not_found"), show_alert: true });
      const groups = v.chatLinks.length ? v.chatLinks.map((l) => escapeHtml(l.title)).join(", ") : ctx.t("kelola-none");
      const kb = new InlineKeyboard()
        .text(ctx.t("kelola-btn-rename"), cb(forumId, "vn", v.id))
        .text(ctx.t("kelola-btn-code"), cb(forumId, "vc", v.id))
        .row();
      if (v.chatLinks.length) kb.text(ctx.t("kelola-btn-unlink"), cb(forumId, "ul", v.id)).text(ctx.t("kelola-btn-replace"), cb(forumId, "rg", v.id)).row();
      else kb.text(ctx.t("kelola-btn-new-group"), cb(forumId, "rgy", v.id)).row();
      kb.text(ctx.t("kelola-btn-merge"), cb(forumId, "mg", v.id)).text(ctx.t("kelola-btn-retire"), cb(forumId, "rt", v.id)).row();
      kb.text(ctx.t("kelola-btn-back"), cb(forumId, "vl"));
      await show(ctx, ctx.t("kelola-village", { name: escapeHtml(v.name), code: v.shortCode, groups }), kb);
    };

    const confirm = async (ctx: FlowContext, text: string, yes: string, no: string) => {
      const kb = new InlineKeyboard().text(ctx.t("kelola-btn-yes"), yes).text(ctx.t("btn-cancel"), no);
      await show(ctx, text, kb);
    };

    const officialsMenu = async (ctx: FlowContext, forumId: number) => {
      const og = await officialsGroupOf(deps, forumId);
      const kb = new InlineKeyboard();
      if (og) {
        const f = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { settings: true } });
        const routing = readOfficialsRouting(f.settings);
        OFFICIALS_CARDS.forEach((card, i) => kb.text(`${routing[card] ? "✅" : "⬜"} ${ctx.t(`kelola-card-${card}`)}`, cb(forumId, "ot", 0, i)).row());
        kb.text(ctx.t("kelola-btn-unlink"), cb(forumId, "ou")).row();
      }
      kb.text(ctx.t("kelola-btn-back"), cb(forumId, "m"));
      await show(ctx, og ? ctx.t("kelola-officials", { group: escapeHtml(og.title) }) : ctx.t("kelola-officials-none"), kb);
    };

    commandAndMenu(p as unknown as Composer<BotContext>, "kelola", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!ctx.access.isAdmin(forumId)) return ctx.reply(ctx.t("error-not_admin"));
      await mainMenu(ctx, forumId);
    });

    p.callbackQuery(kelolaCb.filter, async (ctx) => {
      const d = kelolaCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const villageId = d.village === "0" ? 0 : intId(d.village);
      if (!forumId || villageId === null || !/^\d{1,10}$/.test(d.arg)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      // The button only names what to show or change; the right is the person's, checked now.
      if (!ctx.access.isAdmin(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-not_admin"), show_alert: true });
      await applyForumTerms(ctx, forumId);
      const arg = Number(d.arg);
      const actor = actorOf(ctx);
      const village = async () => (await deps.prisma.village.findFirst({ where: { id: villageId, forumId, ...ACTIVE_VILLAGE }, select: { id: true, name: true } }));
      try {
        switch (d.act) {
          case "m":
            await ctx.answerCallbackQuery();
            return mainMenu(ctx, forumId);
          case "fn":
          case "vn":
          case "vc": {
            if (d.act !== "fn" && !(await village())) return ctx.answerCallbackQuery({ text: ctx.t("error-village_not_found"), show_alert: true });
            await ctx.answerCallbackQuery();
            await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
            return ctx.conversation.enter("kelola-text", forumId, d.act, villageId);
          }
          case "tz": {
            await ctx.answerCallbackQuery();
            const kb = new InlineKeyboard();
            ZONES.forEach((z, i) => kb.text(ZONE_LABEL[z]!, cb(forumId, "z", 0, i)));
            kb.row().text(ctx.t("kelola-btn-back"), cb(forumId, "m"));
            return show(ctx, ctx.t("kelola-ask-zone"), kb);
          }
          case "z": {
            const zone = ZONES[arg];
            if (!zone) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
            await setForumTimezone(deps, actor, forumId, zone);
            await ctx.answerCallbackQuery({ text: ctx.t("kelola-zone-saved", { zone: ZONE_LABEL[zone]! }) });
            return mainMenu(ctx, forumId);
          }
          case "vl":
            await ctx.answerCallbackQuery();
            return villageList(ctx, forumId, arg);
          case "v":
            await ctx.answerCallbackQuery();
            return villageMenu(ctx, forumId, villageId);
          case "mg": {
            if (!(await village())) return ctx.answerCallbackQuery({ text: ctx.t("error-village_not_found"), show_alert: true });
            await ctx.answerCallbackQuery();
            return villageList(ctx, forumId, arg, "mg", villageId);
          }
          case "mc": {
            const from = await village();
            const into = await deps.prisma.village.findFirst({ where: { id: arg, forumId, ...ACTIVE_VILLAGE }, select: { name: true } });
            if (!from || !into || arg === villageId) return ctx.answerCallbackQuery({ text: ctx.t("error-village_not_found"), show_alert: true });
            await ctx.answerCallbackQuery();
            return confirm(ctx, ctx.t("kelola-merge-confirm", { from: escapeHtml(from.name), into: escapeHtml(into.name) }), cb(forumId, "my", villageId, arg), cb(forumId, "v", villageId));
          }
          case "my": {
            const r = await mergeVillages(deps, actor, forumId, villageId, arg);
            await ctx.answerCallbackQuery();
            const kb = new InlineKeyboard().text(ctx.t("kelola-btn-back"), cb(forumId, "vl"));
            return show(ctx, ctx.t("kelola-merged", { from: escapeHtml(r.from.name), into: escapeHtml(r.into.name), memberships: r.moved.memberships ?? 0, groups: r.moved.groups ?? 0, aspirations: r.moved.aspirations ?? 0 }), kb);
          }
          case "rt": {
            const v = await village();
            if (!v) return ctx.answerCallbackQuery({ text: ctx.t("error-village_not_found"), show_alert: true });
            await ctx.answerCallbackQuery();
            return confirm(ctx, ctx.t("kelola-retire-confirm", { village: escapeHtml(v.name) }), cb(forumId, "ry", villageId), cb(forumId, "v", villageId));
          }
          case "ry": {
            const r = await retireVillage(deps, actor, forumId, villageId);
            await ctx.answerCallbackQuery();
            const kb = new InlineKeyboard().text(ctx.t("kelola-btn-back"), cb(forumId, "vl"));
            return show(ctx, ctx.t("kelola-retired", { village: escapeHtml(r.village.name), groups: r.groups, codes: r.codes }), kb);
          }
          case "ul":
          case "rg": {
            const v = await village();
            if (!v) return ctx.answerCallbackQuery({ text: ctx.t("error-village_not_found"), show_alert: true });
            await ctx.answerCallbackQuery();
            const key = d.act === "ul" ? "kelola-unlink-confirm" : "kelola-replace-confirm";
            return confirm(ctx, ctx.t(key, { village: escapeHtml(v.name) }), cb(forumId, d.act === "ul" ? "uy" : "rgy", villageId, 1), cb(forumId, "v", villageId));
          }
          case "uy": {
            const r = await unlinkVillageGroup(deps, actor, forumId, villageId);
            await ctx.answerCallbackQuery();
            const kb = new InlineKeyboard().text(ctx.t("kelola-btn-back"), cb(forumId, "v", villageId));
            return show(ctx, ctx.t("kelola-unlinked", { village: escapeHtml(r.village.name), count: r.links.length }), kb);
          }
          case "rgy": {
            if (!(await village())) return ctx.answerCallbackQuery({ text: ctx.t("error-village_not_found"), show_alert: true });
            // Replace: the old group (if any, confirmed with arg=1) is unlinked, then a one-time group code
            // with a button that adds the bot to the new group and links it at once (startgroup).
            if (arg === 1) await unlinkVillageGroup(deps, actor, forumId, villageId);
            const inv = await createInvite(deps, actor, { forumId, role: "warga", villageId, purpose: "group", ttlMs: 3 * 24 * 3600_000 });
            await ctx.answerCallbackQuery();
            const kb = new InlineKeyboard().url(ctx.t("btn-add-to-group"), groupDeepLink(deps.botUsername, inv.code)).row().text(ctx.t("kelola-btn-back"), cb(forumId, "v", villageId));
            return show(ctx, ctx.t("group-code-created", { code: inv.code, village: escapeHtml(inv.village?.name ?? "-"), hasVillage: "yes" }), kb);
          }
          case "og":
            await ctx.answerCallbackQuery();
            return officialsMenu(ctx, forumId);
          case "ot": {
            const card = OFFICIALS_CARDS[arg];
            if (!card) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
            const f = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { settings: true } });
            await setOfficialsRouting(deps, actor, forumId, card, !readOfficialsRouting(f.settings)[card]);
            await ctx.answerCallbackQuery();
            return officialsMenu(ctx, forumId);
          }
          case "ou": {
            const og = await officialsGroupOf(deps, forumId);
            if (!og) return ctx.answerCallbackQuery({ text: ctx.t("error-officials_group_none"), show_alert: true });
            await ctx.answerCallbackQuery();
            return confirm(ctx, ctx.t("kelola-officials-unlink-confirm", { group: escapeHtml(og.title) }), cb(forumId, "ouy"), cb(forumId, "og"));
          }
          case "ouy":
            await unlinkOfficialsGroup(deps, actor, forumId);
            await ctx.answerCallbackQuery();
            return officialsMenu(ctx, forumId);
          default:
            return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
        }
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    // In a group: a forum admin who administers the group makes it the forum's officials' group.
    const groups = c.chatType(["group", "supergroup"]);
    const linkHere = async (ctx: FlowContext, forumId: number) => {
      const chat = ctx.chat as { id: number; title?: string; type: string; is_forum?: boolean };
      const link = await linkOfficialsGroup(deps, actorOf(ctx), forumId, { id: chat.id, title: chat.title ?? "", isForum: chat.type === "supergroup" && !!chat.is_forum });
      await applyForumTerms(ctx, link.forumId);
      await ctx.reply(ctx.t("kelola-officials-linked"), { parse_mode: "HTML" });
    };
    groups.command("grupperangkat", async (ctx) => {
      if (!(await isGroupAdmin(ctx, ctx.chat.id, ctx.from!.id))) return ctx.reply(ctx.t("group-link-not-admin"));
      const forums = ctx.access.forums().filter((f) => ctx.access.isAdmin(f.id));
      if (forums.length === 0) return ctx.reply(ctx.t("error-not_admin"));
      // Already linked to one of their forums: that one; else their only forum; else ask which.
      const linked = await findChatLink(deps, ctx.chat.id);
      const forumId = linked?.active && forums.some((f) => f.id === linked.forumId) ? linked.forumId : forums.length === 1 ? forums[0]!.id : null;
      if (forumId === null) {
        const kb = new InlineKeyboard();
        for (const f of forums) kb.text(f.name.slice(0, 60), officialsGroupCb.build({ forum: f.id })).row();
        return ctx.reply(ctx.t("kelola-officials-which-forum"), { reply_markup: kb });
      }
      try {
        await linkHere(ctx, forumId);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    groups.callbackQuery(officialsGroupCb.filter, async (ctx) => {
      const forumId = intId(officialsGroupCb.parse(ctx.callbackQuery.data)!.forum);
      if (!forumId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      if (!(await isGroupAdmin(ctx, ctx.chat.id, ctx.from.id))) return ctx.answerCallbackQuery({ text: ctx.t("group-link-not-admin"), show_alert: true });
      try {
        await linkHere(ctx, forumId);
        await ctx.answerCallbackQuery();
        await ctx.deleteMessage().catch(() => {});
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    return c;
  },
};

import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { findChatLink, getForumTerms, listVillages } from "../../domain/forum/service.js";
import { VILLAGE_TERMS } from "../../domain/forum/terms.js";
import { jabatanLabel } from "../lib/jabatan.js";
import { claimDeciders, claimHomeVillage, decideClaim } from "../../domain/forum/membership.js";
import { loadAccess } from "../../domain/forum/people.js";
import { defineCallback, intId } from "../lib/callback.js";
import { escapeHtml, replyError } from "../lib/replies.js";
import { commandAndMenu, villageWordAliases } from "../lib/commands.js";
import { groupPort, readsApi } from "../lib/telegram.js";
import { translate } from "../lib/translate.js";
import { actorOf } from "../lib/forum.js";
import { requireForum } from "./forum-setup.js";

export const homeCb = defineCallback("home", ["forum", "village"] as const);
export const claimCb = defineCallback("klm", ["forum", "claim", "ok"] as const);

/** Asks the village's officials (or the forum's admins) to confirm a claim, through the outbox. */
async function askDeciders(deps: Deps, forumId: number, claim: { claimId: number; villageId: number; villageName: string }, who: { name: string; username: string | null }) {
  const deciders = await claimDeciders(deps.prisma, forumId, claim.villageId);
  const terms = await getForumTerms(deps, forumId);
  const items = deciders.map((p) => ({
    chatId: p.telegramUserId,
    recipientKey: `person:${p.id}`,
    payload: {
      op: "send" as const,
      method: "sendMessage",
      params: {
        text: translate(p.language, "home-claim-card", {
          name: escapeHtml(who.name),
          username: who.username ? ` (@${escapeHtml(who.username)})` : "",
          village: escapeHtml(claim.villageName),
        }, terms),
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard()
          .text(translate(p.language, "home-claim-btn-yes", {}, terms), claimCb.build({ forum: forumId, claim: claim.claimId, ok: 1 }))
          .text(translate(p.language, "home-claim-btn-no", {}, terms), claimCb.build({ forum: forumId, claim: claim.claimId, ok: 0 })),
      },
    },
  }));
  if (items.length) {
    await deps.delivery.enqueue({ forumId, ownerKind: "village-claim", ownerId: String(claim.claimId), items });
    deps.delivery.kick();
  }
  return items.length;
}

export const villagesFeature: Feature = {
  name: "villages",
  commands: [
    { command: "desa", scopes: ["private", "group"], audience: "all" },
    { command: "desaku", scopes: ["private", "group"], audience: "all" },
    // /kampung, /kampungku, /nagariku, …: what a forum's texts show and its people guess.
    ...villageWordAliases("desa", { scopes: ["private", "group"], audience: "all" }, VILLAGE_TERMS),
    ...villageWordAliases("desaku", { scopes: ["private", "group"], audience: "all" }, VILLAGE_TERMS),
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const port = () => groupPort(readsApi(deps));

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
          ? v.memberships.map((m) => escapeHtml(m.person.firstName) + (m.title ? ` (${jabatanLabel(ctx.t, m.title)})` : "")).join(", ")
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
    const aliases = (base: string) => [base, ...VILLAGE_TERMS.filter((v) => v !== "desa").map((v) => base.replace("desa", v))];
    commandAndMenu(c, aliases("desa"), showVillages);

    const priv = c.chatType("private");
    const askHome = async (ctx: FlowContext) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      const villages = await deps.prisma.village.findMany({ where: { forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      const current = ctx.access.homeVillage(forumId);
      const kb = new InlineKeyboard();
      villages.forEach((v, i) => {
        kb.text(`${v.id === current ? "✅ " : ""}${v.name}`, homeCb.build({ forum: forumId, village: v.id }));
        if (i % 2 === 1) kb.row();
      });
      await ctx.reply(ctx.t("home-ask"), { reply_markup: kb });
    };
    priv.command(aliases("desaku"), askHome);
    priv.callbackQuery("menu:desaku", async (ctx) => {
      await ctx.answerCallbackQuery();
      await askHome(ctx);
    });

    // In a village group: "I live in this village" — Telegram confirms it when the person presses.
    c.chatType(["group", "supergroup"]).command(aliases("desaku"), async (ctx) => {
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
      const inGroup = ctx.chat?.type !== "private";
      if (inGroup) {
        // From a group, only that group's own village can be chosen.
        const link = await findChatLink(deps, ctx.chat!.id);
        if (!link?.active || link.forumId !== forumId || link.villageId !== villageId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      }
      if (!ctx.access.inForum(forumId)) {
        // In a group, the door middleware already asked Telegram; a "no" lands here.
        return ctx.answerCallbackQuery({ text: ctx.t(inGroup ? "home-not-in-group" : "error-not_in_forum"), show_alert: true });
      }
      try {
        const r = await claimHomeVillage(deps, port(), { ...actorOf(ctx), telegramUserId: BigInt(ctx.from.id) }, forumId, villageId);
        if (r.kind === "pending") {
          const asked = await askDeciders(deps, forumId, r, { name: ctx.person.firstName, username: ctx.person.username });
          const text = ctx.t(asked ? "home-claim-pending" : "home-claim-nobody", { village: r.villageName });
          await ctx.answerCallbackQuery({ text: inGroup ? text : undefined, show_alert: inGroup });
          if (!inGroup) await ctx.editMessageText(text).catch(() => {});
          return;
        }
        const text = ctx.t(r.kind === "already" ? "home-already" : "home-saved", { village: r.villageName });
        await ctx.answerCallbackQuery({ text, show_alert: inGroup });
        if (!inGroup) await ctx.editMessageText(text).catch(() => {});
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    // An official answers a claim.
    c.callbackQuery(claimCb.filter, async (ctx) => {
      const p = claimCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(p.forum);
      const claimId = intId(p.claim);
      if (!forumId || !claimId || !["0", "1"].includes(p.ok) || !ctx.person) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const r = await decideClaim(deps, actorOf(ctx), forumId, claimId, p.ok === "1");
        await ctx.answerCallbackQuery({ text: ctx.t(r.confirmed ? "home-claim-done-yes" : "home-claim-done-no") });
        await ctx
          .editMessageText(ctx.t(r.confirmed ? "home-claim-card-yes" : "home-claim-card-no", { name: escapeHtml(r.person.firstName), village: escapeHtml(r.villageName), by: escapeHtml(ctx.person.firstName) }), { parse_mode: "HTML" })
          .catch(() => {});
        if (r.person.canMessage) {
          await deps.delivery.enqueue({
            forumId,
            ownerKind: "village-claim",
            ownerId: `${claimId}:answer`,
            items: [
              {
                chatId: r.person.telegramUserId,
                recipientKey: `person:${r.person.id}`,
                payload: { op: "send", method: "sendMessage", params: { text: translate(r.person.language, r.confirmed ? "home-claim-confirmed" : "home-claim-rejected", { village: escapeHtml(r.villageName) }, ctx.terms), parse_mode: "HTML" } },
              },
            ],
          });
          deps.delivery.kick();
        }
        ctx.access = await loadAccess(deps.prisma, ctx.person.id, ctx.access.bootstrapAdmin);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    return c;
  },
};

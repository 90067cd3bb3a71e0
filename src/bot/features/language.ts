import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { defineCallback } from "../lib/callback.js";
import { LANGUAGES } from "../i18n.js";

export const langCb = defineCallback("lang", ["code"] as const);

export const languageFeature: Feature = {
  name: "language",
  commands: [{ command: "bahasa", scopes: ["private"], audience: "all" }],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private");
    p.command("bahasa", async (ctx) => {
      const kb = new InlineKeyboard()
        .text("🇮🇩 Bahasa Indonesia", langCb.build({ code: "id" }))
        .text("🇬🇧 English", langCb.build({ code: "en" }));
      await ctx.reply(ctx.t("lang-choose"), { reply_markup: kb });
    });
    c.callbackQuery(langCb.filter, async (ctx) => {
      const code = langCb.parse(ctx.callbackQuery.data)!.code;
      if (!ctx.person || !(LANGUAGES as readonly string[]).includes(code)) {
        return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      }
      await deps.prisma.person.update({ where: { id: ctx.person.id }, data: { language: code } });
      ctx.person.language = code;
      await ctx.i18n.renegotiateLocale();
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("lang-changed")).catch(() => ctx.reply(ctx.t("lang-changed")));
    });
    return c;
  },
};

import { Composer, type MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { moveToPrivate } from "../lib/replies.js";

function parseCommand(text: string | undefined): { name: string; target?: string } | null {
  const m = text?.match(/^\/([a-zA-Z0-9_]{1,32})(?:@([a-zA-Z0-9_]+))?(?:\s|$)/);
  return m ? { name: m[1]!.toLowerCase(), target: m[2] } : null;
}

/**
 * Runs before every feature: ignores commands addressed to other bots, and answers a command used
 * in the wrong kind of chat with where to use it, so features only see commands in their place.
 */
export function commandGuard(features: Feature[]): MiddlewareFn<BotContext> {
  const specs = new Map(features.flatMap((f) => f.commands ?? []).map((c) => [c.command, c]));
  specs.set("start", { command: "start", scopes: ["private", "group"], audience: "all" });
  specs.set("batal", { command: "batal", scopes: ["private"], audience: "all" });
  return async (ctx, next) => {
    const cmd = parseCommand(ctx.message?.text ?? ctx.message?.caption);
    if (!cmd) return next();
    if (cmd.target && cmd.target.toLowerCase() !== ctx.me.username.toLowerCase()) return; // another bot's
    const spec = specs.get(cmd.name);
    const chatType = ctx.chat?.type === "private" ? "private" : "group";
    if (!spec) {
      if (chatType === "private") {
        await ctx.reply(ctx.t("hint-unknown-command", { command: cmd.name }));
      }
      return;
    }
    if (!spec.scopes.includes(chatType)) {
      if (chatType === "group") await moveToPrivate(ctx, "");
      else await ctx.reply(ctx.t("hint-use-in-group", { command: cmd.name }));
      return;
    }
    return next();
  };
}

export const unhandledFeature: Feature = {
  name: "unhandled",
  composer() {
    const c = new Composer<BotContext>();
    c.on("callback_query:data", async (ctx) => {
      await ctx.answerCallbackQuery({ text: ctx.t("error-old-button"), show_alert: false });
    });
    c.chatType("private").on("message", async (ctx) => {
      await ctx.reply(ctx.t("hint-private-fallback"));
    });
    return c;
  },
};

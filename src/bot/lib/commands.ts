import type { Composer } from "grammy";
import type { Access } from "../../domain/forum/access.js";
import type { BotContext, FlowContext } from "../context.js";
import type { CommandAudience, CommandSpec } from "../feature.js";

export function audienceAllows(aud: CommandAudience, access: Access, opts: { groupAdmin?: boolean } = {}): boolean {
  const forums = access.forumIds();
  switch (aud) {
    case "all":
      return true;
    case "bootstrap":
      return access.bootstrapAdmin;
    case "admin_forum":
      return forums.some((f) => access.isAdmin(f));
    case "moderator":
      return forums.some((f) => access.canModerate(f));
    case "perangkat_desa":
      return forums.some((f) => access.isOfficial(f));
    case "official_or_admin":
      return forums.some((f) => access.isOfficial(f) || access.isAdmin(f));
    case "group_admin":
      return opts.groupAdmin === true;
  }
}

/**
 * Registers a command and its menu button ("menu:<command>") with one handler, so the
 * role-aware /start menu and typed commands always do the same thing.
 */
export function commandAndMenu(
  composer: Composer<BotContext>,
  command: string,
  handler: (ctx: BotContext) => Promise<unknown>,
) {
  composer.command(command, async (ctx) => {
    await handler(ctx);
  });
  composer.callbackQuery(`menu:${command}`, async (ctx) => {
    await ctx.answerCallbackQuery();
    await handler(ctx);
  });
}

export function visibleCommands(all: CommandSpec[], ctx: FlowContext, chatType: "private" | "group", opts: { groupAdmin?: boolean } = {}) {
  return all.filter((c) => c.scopes.includes(chatType) && audienceAllows(c.audience, ctx.access, opts));
}

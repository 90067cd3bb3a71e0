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
  command: string | string[],
  handler: (ctx: BotContext) => Promise<unknown>,
) {
  const names = Array.isArray(command) ? command : [command];
  composer.command(names, async (ctx) => {
    await handler(ctx);
  });
  composer.callbackQuery(
    names.map((n) => `menu:${n}`),
    async (ctx) => {
      await ctx.answerCallbackQuery();
      await handler(ctx);
    },
  );
}

export function visibleCommands(all: CommandSpec[], ctx: FlowContext, chatType: "private" | "group", opts: { groupAdmin?: boolean } = {}) {
  return all.filter((c) => !c.aliasOf && c.scopes.includes(chatType) && audienceAllows(c.audience, ctx.access, opts));
}

/** Commands named after the village word ("desa", "desaku", "tambahdesa") in a forum's own word. */
export const VILLAGE_WORD_COMMANDS = ["desa", "desaku", "tambahdesa"] as const;

/** "/desaku" → "/kampungku" for a Kampung forum: the alias that its texts show and its people guess. */
export function localCommand(command: string, village: string): string {
  return (VILLAGE_WORD_COMMANDS as readonly string[]).includes(command) ? command.replace("desa", village) : command;
}

/** The aliases /kampung, /kampungku, /tambahkampung, … of the village-word commands. */
export function villageWordAliases(command: (typeof VILLAGE_WORD_COMMANDS)[number], spec: Omit<CommandSpec, "command" | "aliasOf">, villages: readonly string[]): CommandSpec[] {
  return villages.filter((v) => v !== "desa").map((v) => ({ ...spec, command: command.replace("desa", v), aliasOf: command }));
}

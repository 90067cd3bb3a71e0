import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { allSpecs } from "./features/index.js";
import { translate } from "./lib/translate.js";
import type { CommandSpec } from "./feature.js";

const MENU_ORDER = ["start", "bantuan"];

function toCommands(specs: CommandSpec[], lang: string): BotCommand[] {
  const sorted = [...specs].sort((a, b) => {
    const ia = MENU_ORDER.indexOf(a.command);
    const ib = MENU_ORDER.indexOf(b.command);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  return sorted.map((s) => ({ command: s.command, description: translate(lang, `cmd-${s.command}`).slice(0, 256) }));
}

/**
 * Command menus per language and scope: private chats see what everyone may use there; groups see
 * the group commands; group administrators also see the linking commands.
 */
export async function setCommands(api: Api) {
  const specs = allSpecs();
  const forPrivate = specs.filter((s) => s.scopes.includes("private") && s.audience === "all");
  const forGroups = specs.filter((s) => s.scopes.includes("group") && s.audience === "all");
  const forGroupAdmins = specs.filter((s) => s.scopes.includes("group") && s.audience !== "bootstrap");
  for (const lang of ["id", "en"] as const) {
    const language_code = lang === "id" ? undefined : lang;
    await api.setMyCommands(toCommands(forPrivate, lang), { scope: { type: "all_private_chats" }, language_code });
    await api.setMyCommands(toCommands(forGroups, lang), { scope: { type: "all_group_chats" }, language_code });
    await api.setMyCommands(toCommands(forGroupAdmins, lang), { scope: { type: "all_chat_administrators" }, language_code });
  }
}

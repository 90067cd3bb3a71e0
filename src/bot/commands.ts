import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { allSpecs } from "./features/index.js";
import { translate } from "./lib/translate.js";
import { localCommand } from "./lib/commands.js";
import type { CommandSpec } from "./feature.js";
import { DEFAULT_TERMS, type ForumTerms } from "../domain/forum/terms.js";

const MENU_ORDER = ["start", "menu", "bantuan", "batal"];

function toCommands(specs: CommandSpec[], lang: string, terms: ForumTerms): BotCommand[] {
  const sorted = [...specs].sort((a, b) => {
    const ia = MENU_ORDER.indexOf(a.command);
    const ib = MENU_ORDER.indexOf(b.command);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  return sorted.map((s) => ({ command: localCommand(s.command, terms.village), description: translate(lang, `cmd-${s.command}`, {}, terms).slice(0, 256) }));
}

/**
 * Command menus per language and scope: private chats see what everyone may use there; groups see
 * the group commands; group administrators also see the linking commands. Before a forum is known
 * the deployment's words are used (DEFAULT_VILLAGE_TERM): "/kampungku" in a Kampung deployment.
 */
export async function setCommands(api: Api, terms: ForumTerms = DEFAULT_TERMS) {
  const specs = allSpecs().filter((s) => !s.aliasOf);
  const forPrivate = specs.filter((s) => s.scopes.includes("private") && s.audience === "all");
  const forGroups = specs.filter((s) => s.scopes.includes("group") && s.audience === "all");
  const forGroupAdmins = specs.filter((s) => s.scopes.includes("group") && s.audience !== "bootstrap");
  for (const lang of ["id", "en"] as const) {
    const language_code = lang === "id" ? undefined : lang;
    await api.setMyCommands(toCommands(forPrivate, lang, terms), { scope: { type: "all_private_chats" }, language_code });
    await api.setMyCommands(toCommands(forGroups, lang, terms), { scope: { type: "all_group_chats" }, language_code });
    await api.setMyCommands(toCommands(forGroupAdmins, lang, terms), { scope: { type: "all_chat_administrators" }, language_code });
  }
}

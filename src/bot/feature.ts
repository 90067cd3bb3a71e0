import type { Composer } from "grammy";
import type { Deps } from "../deps.js";
import type { JobHandler } from "../jobs/scheduler.js";
import type { BotContext } from "./context.js";

/** Where a command may be used; /bantuan and setMyCommands are derived from this. */
export type CommandScope = "private" | "group";
/** Who sees a command in /bantuan: "all", or people holding one of these roles in some forum. */
export type CommandAudience = "all" | "bootstrap" | "admin_forum" | "moderator" | "perangkat_desa" | "official_or_admin" | "group_admin";

export interface CommandSpec {
  command: string;
  scopes: CommandScope[];
  audience: CommandAudience;
  /**
   * Another name people guess for `aliasOf` (/daftar for /hubungkan, /lapor for /aspirasi,
   * /kampungku for /desaku): accepted where its scopes say, never listed in menus or help.
   */
  aliasOf?: string;
}

/** One capability: its handlers, its commands, and the job kinds it runs. */
export interface Feature {
  name: string;
  commands?: CommandSpec[];
  composer(deps: Deps): Composer<BotContext>;
  jobs?(deps: Deps): Record<string, JobHandler>;
  /** Called once after the bot is built (e.g. to install delivery hooks). */
  setup?(deps: Deps, api: import("grammy").Api): void;
  /** Called once when the workers start (npm start, the sandbox), e.g. to make sure a recurring job exists. */
  onStart?(deps: Deps): Promise<void>;
}

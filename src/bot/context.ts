import type { Context, SessionFlavor } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Deps } from "../deps.js";
import type { Access } from "../domain/forum/access.js";
import type { PersonRecord } from "../domain/forum/people.js";
import type { ForumTerms } from "../domain/forum/terms.js";

export interface SessionData {
  /** The forum a person works in from their private chat, when they belong to several. */
  forumId?: number;
}

interface Extra {
  deps: Deps;
  person: PersonRecord | null;
  access: Access;
  /** The words of the forum this update is about (Kampung, BPK, …); filled into every ctx.t. */
  terms: ForumTerms;
}

/** Context inside conversations: the same plugins, rebuilt for every replayed update. */
export type FlowContext = Context & I18nFlavor & Extra & SessionFlavor<SessionData>;
export type BotContext = ConversationFlavor<FlowContext>;
export type Flow = Conversation<BotContext, FlowContext>;

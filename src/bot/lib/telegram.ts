import { Api, GrammyError } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import type { FlowContext } from "../context.js";
import type { Deps } from "../../deps.js";
import type { GroupPort, GroupPresence } from "../../domain/forum/membership.js";

/** Only a Telegram administrator of a group may link it; asked from Telegram every time. */
export async function isGroupAdmin(ctx: FlowContext, chatId: number, userId: number): Promise<boolean> {
  try {
    const m = await ctx.api.getChatMember(chatId, userId);
    return m.status === "creator" || m.status === "administrator";
  } catch {
    return false;
  }
}

const readApis = new WeakMap<Deps, Api>();

/**
 * An Api for reads (getChatMember, getChatMemberCount) without the send throttler: the throttler
 * counts any call with a chat_id against a group's 20 messages a minute, which would hold a
 * membership check for minutes when many people of one group act at once.
 */
export function readsApi(deps: Deps): Api {
  let api = readApis.get(deps);
  if (!api) {
    api = new Api(deps.config.BOT_TOKEN, { apiRoot: deps.config.TELEGRAM_API_ROOT });
    api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));
    readApis.set(deps, api);
  }
  return api;
}

/** Telegram's answer to "is this person in this group?" — "unknown" when it could not say. */
export function groupPort(api: Api): GroupPort {
  return {
    async presence(chatId, userId): Promise<GroupPresence> {
      try {
        const m = await api.getChatMember(Number(chatId), Number(userId));
        if (m.status === "member" || m.status === "administrator" || m.status === "creator") return "in";
        if (m.status === "restricted") return m.is_member ? "in" : "out";
        return "out";
      } catch (err) {
        // Telegram says "user not found" for someone who was never in the chat.
        if (err instanceof GrammyError && /user not found|PARTICIPANT_ID_INVALID|USER_ID_INVALID/i.test(err.description)) return "out";
        return "unknown";
      }
    },
  };
}

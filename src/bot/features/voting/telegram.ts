import { GrammyError, type Api } from "grammy";
import type { Deps } from "../../../deps.js";
import { ChatUnreachable, type TelegramPort } from "../../../domain/voting/types.js";

const GONE = /bot was kicked|bot is not a member|not a member of the (super)?group|chat was deleted|have no rights to send|CHAT_WRITE_FORBIDDEN|chat not found|PEER_ID_INVALID/i;

/** Voting's few direct Telegram calls, on the bot's Api (auto-retry and throttling installed). */
export function telegramPort(api: Api): TelegramPort {
  return {
    async memberCount(chatId) {
      try {
        return await api.getChatMemberCount(Number(chatId));
      } catch {
        return null;
      }
    },
    async isMember(chatId, userId) {
      try {
        const m = await api.getChatMember(Number(chatId), Number(userId));
        return m.status === "member" || m.status === "administrator" || m.status === "creator" || (m.status === "restricted" && m.is_member);
      } catch {
        return false;
      }
    },
    async sendPoll(chatId, poll) {
      try {
        const m = await api.sendPoll(
          Number(chatId),
          poll.question,
          poll.options.map((text) => ({ text })),
          { is_anonymous: true, allows_multiple_answers: poll.multiple },
        );
        return { messageId: m.message_id, pollId: m.poll.id };
      } catch (err) {
        if (err instanceof GrammyError && GONE.test(err.description)) throw new ChatUnreachable(err.description);
        throw err;
      }
    },
    async stopPoll(chatId, messageId) {
      try {
        const p = await api.stopPoll(Number(chatId), messageId);
        return { counts: p.options.map((o) => o.voter_count), voters: p.total_voter_count };
      } catch (err) {
        if (err instanceof GrammyError && /already been closed|poll to stop not found|message to edit not found/i.test(err.description)) return null;
        throw err;
      }
    },
  };
}

// The Api the bot was built with, per app (tests and benchmarks build several in one process).
const apis = new WeakMap<Deps, Api>();

export function rememberApi(deps: Deps, api: Api) {
  apis.set(deps, api);
}

export function portFor(deps: Deps): TelegramPort {
  const api = apis.get(deps);
  if (!api) throw new Error("voting: bot api not registered (Feature.setup not called)");
  return telegramPort(api);
}

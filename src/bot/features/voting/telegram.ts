import { Api, GrammyError } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import type { Deps } from "../../../deps.js";
import { ChatUnreachable, type TelegramPort } from "../../../domain/voting/index.js";

const GONE = /bot was kicked|bot is not a member|not a member of the (super)?group|chat was deleted|have no rights to send|CHAT_WRITE_FORBIDDEN|chat not found|PEER_ID_INVALID/i;

/**
 * Voting's few direct Telegram calls. Sends (sendPoll, stopPoll) use the bot's Api, throttled
 * like every message. Reads (getChatMember, getChatMemberCount) use `reads`: the throttler counts
 * any call with a chat_id against a group's 20 messages a minute, which would hold a press's
 * membership check for minutes when many people of one group vote at once.
 */
export function telegramPort(api: Api, reads: Api = api): TelegramPort {
  // A closing runs inside its job's transaction; when the job batch is rolled back and run again,
  // Telegram answers the second stopPoll with "already closed" and no counts: the first answer,
  // kept here for a while, stands for it.
  const stopped = new Map<string, { counts: number[]; voters: number; at: number }>();
  const STOPPED_KEEP_MS = 10 * 60_000;
  return {
    async memberCount(chatId) {
      try {
        return await reads.getChatMemberCount(Number(chatId));
      } catch {
        return null;
      }
    },
    async isMember(chatId, userId) {
      try {
        const m = await reads.getChatMember(Number(chatId), Number(userId));
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
          // A forwarded poll is the same poll: answers wherever it lands would count. Protected,
          // it cannot be forwarded (nor copied) at all.
          { is_anonymous: true, allows_multiple_answers: poll.multiple, protect_content: true },
        );
        return { messageId: m.message_id, pollId: m.poll.id };
      } catch (err) {
        if (err instanceof GrammyError && GONE.test(err.description)) throw new ChatUnreachable(err.description);
        throw err;
      }
    },
    async stopPoll(chatId, messageId) {
      const key = `${chatId}:${messageId}`;
      try {
        const p = await api.stopPoll(Number(chatId), messageId);
        const final = { counts: p.options.map((o) => o.voter_count), voters: p.total_voter_count };
        const now = Date.now();
        for (const [k, v] of stopped) if (now - v.at > STOPPED_KEEP_MS) stopped.delete(k);
        stopped.set(key, { ...final, at: now });
        return final;
      } catch (err) {
        if (err instanceof GrammyError && /already been closed|poll to stop not found|message to edit not found/i.test(err.description)) {
          const known = stopped.get(key);
          return known && Date.now() - known.at <= STOPPED_KEEP_MS ? { counts: known.counts, voters: known.voters } : null;
        }
        throw err;
      }
    },
  };
}

// The port of each app (tests and benchmarks build several apps in one process).
const ports = new WeakMap<Deps, TelegramPort>();

export function rememberApi(deps: Deps, api: Api) {
  const reads = new Api(deps.config.BOT_TOKEN, { apiRoot: deps.config.TELEGRAM_API_ROOT });
  reads.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));
  ports.set(deps, telegramPort(api, reads));
}

export function portFor(deps: Deps): TelegramPort {
  const port = ports.get(deps);
  if (!port) throw new Error("voting: bot api not registered (Feature.setup not called)");
  return port;
}

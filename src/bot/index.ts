import { Api, Bot, Composer, HttpError, MemorySessionStorage, session, type StorageAdapter, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { conversations } from "@grammyjs/conversations";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import type { Deps } from "../deps.js";
import { loadPersonAccess } from "../domain/forum/people.js";
import { CHAT_LINK_KEY, seedOnUpdate } from "./lib/update-memo.js";
import { Access } from "../domain/forum/access.js";
import type { BotContext, FlowContext, SessionData } from "./context.js";
import { createI18n } from "./i18n.js";
import { features } from "./features/index.js";
import { commandGuard } from "./features/unhandled.js";
import { translate } from "./lib/translate.js";
import { sessionReader, termsMiddleware } from "./lib/terms.js";
import { deploymentTerms } from "../domain/forum/terms.js";
import { membershipDoors } from "./lib/membership.js";
import { privacyGate } from "./features/privasi/gate.js";
import { answeredTracker, wasAnswered } from "./lib/answered.js";

export interface CreateBotOptions {
  botInfo?: UserFromGetMe;
}

/** Auto-retry and throttling, installed on bot.api AND inside every conversation. */
export function apiTransformers(deps: Deps): Transformer[] {
  const c = deps.config;
  const throttler = apiThrottler({
    global: { reservoir: c.LIMIT_GLOBAL_PER_SECOND, reservoirRefreshAmount: c.LIMIT_GLOBAL_PER_SECOND, reservoirRefreshInterval: 1000, maxConcurrent: 25 },
    group: { maxConcurrent: 1, reservoir: c.LIMIT_GROUP_PER_MINUTE, reservoirRefreshAmount: c.LIMIT_GROUP_PER_MINUTE, reservoirRefreshInterval: 60_000 },
    out: { maxConcurrent: 1, minTime: Math.floor(1000 / c.LIMIT_PRIVATE_PER_SECOND) },
  });
  // Installed in this order, auto-retry runs first (transformers run last-installed first)...
  // so a 429 is retried and the retry is throttled again. Network errors are retried a bounded
  // number of times by networkRetry: auto-retry alone would retry them forever and hang handlers.
  // Six 429 retries: a flood wait of ~30 s (several retry_after in a row) is sat out, instead of the
  // answer being dropped and the apology meeting the same 429 (tests/faults).
  return [throttler, networkRetry(3), autoRetry({ maxRetryAttempts: 6, maxDelaySeconds: 60, rethrowHttpErrors: true }), answeredTracker()];
}

/** Retries a call that failed on the network (no answer from Telegram) a few times, then gives up. */
export function networkRetry(attempts: number, firstDelayMs = 500): Transformer {
  return async (prev, method, payload, signal) => {
    for (let i = 0; ; i++) {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || i >= attempts - 1 || signal?.aborted) throw err;
        await new Promise((r) => setTimeout(r, firstDelayMs * 2 ** i));
      }
    }
  };
}

/** "message", "callback_query", "my_chat_member", … */
function updateKind(update: object): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
}

export function installTransformers(api: Api, transformers: Transformer[]) {
  for (const t of transformers) api.config.use(t);
}

/**
 * The flood limit's counter on Redis, failing open: while Redis is away nobody is limited (Telegram
 * still limits the sending), rather than every update failing, and group messages with no one to
 * tell being lost.
 */
function failOpenCounter(deps: Deps) {
  const redis = deps.redis!;
  return {
    incr: (key: string) => redis.incr(key).catch((err) => (deps.logger.warn({ err }, "flood limit: Redis unavailable, not counted"), 1)),
    pexpire: (key: string, ms: number) => redis.pexpire(key, ms).catch(() => 0),
  };
}

function kv<T>(deps: Deps, name: string): StorageAdapter<T> {
  if (deps.redis) return new RedisAdapter<T>({ instance: deps.redis, ttl: 30 * 24 * 3600 });
  return new MemorySessionStorage<T>();
}

export function createBot(deps: Deps, opts: CreateBotOptions = {}) {
  const bot = new Bot<BotContext>(deps.config.BOT_TOKEN, {
    botInfo: opts.botInfo,
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT },
  });
  // One set for bot.api and every conversation: a throttler per context would neither share
  // Telegram's limits across updates nor ever stop its timers.
  const transformers = apiTransformers(deps);
  installTransformers(bot.api, transformers);

  const i18n = createI18n();
  const prefix = deps.config.REDIS_PREFIX;
  const conversationStorage = kv<any>(deps, "conversations");
  const conversationPrefix = `${prefix}conv:`;
  const sessionStorage = kv<SessionData>(deps, "sessions");
  // The forum's words (Kampung, BPK, …) in every ctx.t; inside conversations, where there is no
  // session, the chosen forum is read from the session storage when the person's forums differ.
  const terms = termsMiddleware(deps, { readSession: sessionReader(sessionStorage, prefix) });

  // Same dependencies and person for contexts rebuilt inside conversations.
  const attach = async (ctx: FlowContext, next: () => Promise<void>) => {
    ctx.deps = deps;
    const from = ctx.from;
    if (from && !from.is_bot) {
      const chat = ctx.chat;
      const group = chat && chat.type !== "private" ? chat.id : null;
      const r = await loadPersonAccess(deps.prisma, from, { privateChat: chat?.type === "private", groupChatId: group }, deps.config.BOOTSTRAP_ADMIN_IDS.includes(from.id));
      ctx.person = r.person;
      ctx.access = r.access;
      // Read in the same statement: the group's link for the rest of this update (chatLinkOf).
      if (r.link !== undefined) seedOnUpdate(ctx, CHAT_LINK_KEY, r.link);
    } else {
      ctx.person = null;
      ctx.access = new Access(null, []);
    }
    await next();
  };

  // PostgreSQL refuses U+0000 in text: it becomes U+FFFD (same length, so entity offsets hold).
  bot.use(async (ctx, next) => {
    for (const m of [ctx.update.message, ctx.update.edited_message]) {
      if (!m) continue;
      if (m.text?.includes("\u0000")) m.text = m.text.replaceAll("\u0000", "\uFFFD");
      if (m.caption?.includes("\u0000")) m.caption = m.caption.replaceAll("\u0000", "\uFFFD");
    }
    await next();
  });

  // Per-chat ordering under the concurrent runner: one chat's updates run one after another.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));

  // Error boundary: log with the update id, apologise, keep running. Each update is logged at
  // debug level by id, kind and chat type only: no user or chat ids, which could tie an anonymous
  // reporter or a secret ballot to a person.
  bot.use(async (ctx, next) => {
    const started = performance.now();
    const updateId = ctx.update.update_id;
    try {
      await next();
      deps.logger.debug({ updateId, kind: updateKind(ctx.update), chatType: ctx.chat?.type, ms: Math.round(performance.now() - started) }, "update handled");
    } catch (err) {
      deps.logger.error({ err, updateId, kind: updateKind(ctx.update), chatType: ctx.chat?.type }, "handler failed");
      const text = ctx.t ? ctx.t("error-internal") : "Maaf, terjadi kesalahan. Silakan coba lagi sebentar lagi.";
      if (ctx.callbackQuery && !wasAnswered(ctx.callbackQuery.id)) await ctx.answerCallbackQuery({ text, show_alert: true }).catch(() => {});
      else if (ctx.chat?.type === "private") await ctx.reply(text).catch(() => {});
      // In a group the bot only sees what is addressed to it (commands, replies to its messages):
      // the writer is told under their own message, or it would be lost without a word.
      else if (ctx.message && ctx.chat) await ctx.reply(text, { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } }).catch(() => {});
    }
  });
  bot.use(attach as any);
  bot.use(
    limit({
      timeFrame: 60_000,
      limit: deps.config.FLOOD_LIMIT_PER_MINUTE,
      storageClient: deps.redis ? failOpenCounter(deps) : "MEMORY_STORE",
      keyGenerator: (ctx) => (ctx.from ? `${prefix}flood:${ctx.from.id}` : undefined),
      // Runs before the i18n middleware, so ctx.t does not exist yet.
      onLimitExceeded: async (ctx: any) => {
        const text = translate(ctx.person?.language, "error-flood", {}, deploymentTerms(deps.config));
        if (ctx.chat?.type === "private" && ctx.callbackQuery === undefined) await ctx.reply(text).catch(() => {});
        else if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text }).catch(() => {});
      },
    }) as any,
  );
  // After the flood limit, so a flood cannot turn into getChatMember calls.
  bot.use(membershipDoors(deps));
  bot.use(i18n);
  bot.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      storage: sessionStorage,
      getSessionKey: (ctx) => (ctx.chat?.type === "private" && ctx.from ? `${prefix}session:${ctx.from.id}` : undefined),
    }),
  );
  bot.use(terms as any);

  // Private chats: the privacy notice is answered before anything stores data (UU PDP).
  bot.use(privacyGate());

  // `/batal` ends any flow anywhere: the conversation state is dropped before it can see the update.
  bot.on("message:text").filter(
    (ctx) => /^\/batal(@\w+)?(\s|$)/i.test(ctx.msg.text),
    async (ctx, next) => {
      if (ctx.chat.type !== "private") return next();
      const key = conversationPrefix + String(ctx.chatId);
      const had = (await conversationStorage.read(key)) !== undefined;
      await conversationStorage.delete(key);
      await ctx.reply(ctx.t(had ? "flow-cancelled" : "flow-nothing-to-cancel"), { reply_markup: { remove_keyboard: true } });
    },
  );

  bot.use(
    conversations<BotContext, FlowContext>({
      storage: { type: "key", adapter: conversationStorage, prefix: conversationPrefix },
      plugins: [
        async (ctx, next) => {
          installTransformers(ctx.api, transformers);
          await next();
        },
        attach,
        i18n,
        terms as any,
      ],
    }),
  );

  // Entering a flow leaves the one in progress, as typing a command does: a button or command
  // whose handler sits before the active flow's middleware would otherwise hit "already entered".
  bot.use(async (ctx, next) => {
    const conv = ctx.conversation;
    const enter = conv.enter.bind(conv);
    conv.enter = async (name: string, ...args: unknown[]) => {
      if (Object.keys(conv.active()).length) await conv.exitAll();
      return enter(name, ...args);
    };
    await next();
  });

  bot.use(commandGuard(features));
  const composers = new Composer<BotContext>();
  for (const f of features) composers.use(f.composer(deps));
  bot.use(composers);
  for (const f of features) f.setup?.(deps, bot.api);
  return bot;
}

/** Start-up work of the features (e.g. the first link of a recurring job), once the workers run. */
export async function runStartHooks(deps: Deps) {
  for (const f of features) {
    try {
      await f.onStart?.(deps);
    } catch (err) {
      deps.logger.error({ err, feature: f.name }, "feature start-up failed");
    }
  }
}

export function jobHandlers(deps: Deps) {
  const all: Record<string, import("../jobs/scheduler.js").JobHandler> = {};
  for (const f of features) Object.assign(all, f.jobs?.(deps) ?? {});
  return all;
}

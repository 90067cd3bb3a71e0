import type { Server } from "node:http";
import type { UserFromGetMe } from "grammy/types";
import type { RunnerHandle } from "@grammyjs/runner";
import type { Config } from "./config.js";
import { describeError, type Logger } from "./infra/logger.js";
import type { App, AppOverrides } from "./app.js";
import { deploymentTerms } from "./domain/forum/terms.js";

// chat_member: Telegram tells the bot (an administrator of the group) that someone left it.
// poll: the counts of a quick poll's copies. Not poll_answer: quick polls are anonymous, for which
// Telegram never sends one, and results come from the counts (poll updates, then stopPoll).
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "chat_member", "poll"] as const;

/** Telegram refused or could not be reached for a start-up step; the message is safe to print. */
export class StartRefused extends Error {}

export interface StartOptions {
  /** Who the bot is (from getMe): no call to Telegram happens before the bot runs. */
  botInfo: UserFromGetMe;
  overrides?: AppOverrides;
  /** Runs after the app is built and before updates are taken (the sandbox seeds its demo here). */
  beforeStart?: (app: App) => Promise<void>;
}

export interface RunningBot {
  app: App;
  /** /healthz, /metrics and the webhook. */
  server: Server;
  /** Stops taking updates, lets the ones in hand finish, then closes the server, workers and database. */
  stop(): Promise<void>;
}

/**
 * Starts the bot: db → redis → bot → jobs → http → updates (polling or webhook). `npm start`
 * (main.ts) and the offline sandbox (`npm run sim`) both run the bot through this one function.
 */
export async function startBot(config: Config, logger: Logger, o: StartOptions): Promise<RunningBot> {
  const [{ run }, { buildApp }, { setCommands }, { createHttpServer }, { GrammyError, HttpError }] = await Promise.all([
    import("@grammyjs/runner"),
    import("./app.js"),
    import("./bot/commands.js"),
    import("./server/http.js"),
    import("grammy"),
  ]);
  const secrets = [config.BOT_TOKEN, config.WEBHOOK_SECRET].filter((x): x is string => !!x);

  const app = await buildApp(config, logger, { ...o.overrides, botInfo: o.botInfo });
  await app.init(); // botInfo is known: no further call to Telegram
  if (!config.DATABASE_URL) logger.info({ dataDir: config.DATA_DIR }, "no DATABASE_URL: using embedded PGlite");
  if (!config.REDIS_URL) logger.warn("no REDIS_URL: sessions and conversations are kept in memory (single instance, lost on restart)");

  if (o.beforeStart) {
    try {
      await o.beforeStart(app);
    } catch (err) {
      await app.close();
      throw err;
    }
  }
  await setCommands(app.bot.api, deploymentTerms(app.deps.config)).catch((err) => logger.warn({ err }, "setMyCommands failed"));
  app.startWorkers();

  let runner: RunnerHandle | null = null;
  const server =
    config.BOT_MODE === "webhook"
      ? createHttpServer({ deps: app.deps, bot: app.bot, webhook: { path: `/webhook/${config.BOT_TOKEN.split(":")[0]}`, secret: config.WEBHOOK_SECRET! } })
      : createHttpServer({ deps: app.deps, bot: app.bot });
  await new Promise<void>((resolve) => server.listen(config.HTTP_PORT, config.HTTP_HOST, resolve));
  logger.info({ port: config.HTTP_PORT }, "http server listening");

  if (config.BOT_MODE === "webhook") {
    const url = new URL(`/webhook/${config.BOT_TOKEN.split(":")[0]}`, config.WEBHOOK_URL!).toString();
    try {
      await app.bot.api.setWebhook(url, { secret_token: config.WEBHOOK_SECRET, allowed_updates: ALLOWED_UPDATES });
    } catch (err) {
      await new Promise<void>((r) => server.close(() => r()));
      await app.close();
      // The error's payload holds the secret: only what Telegram said, or the kind of network failure.
      if (err instanceof GrammyError) throw new StartRefused(`WEBHOOK_URL: Telegram refused setWebhook (${err.error_code} ${err.description}). Check WEBHOOK_URL and WEBHOOK_SECRET.`);
      if (err instanceof HttpError) throw new StartRefused(`TELEGRAM_API_ROOT: cannot reach the Bot API to set the webhook (${describeError(err, secrets)})`);
      throw err;
    }
    logger.info("webhook mode");
  } else {
    await app.bot.api.deleteWebhook();
    // The runner would print a failed getUpdates with console.error, URL and token included:
    // it stays silent and the failure is logged here instead.
    app.bot.api.config.use(async (prev, method, payload, signal) => {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (method === "getUpdates" && !signal?.aborted) logger.warn({ err }, "polling: getUpdates failed, retrying");
        throw err;
      }
    });
    runner = run(app.bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true } });
    logger.info({ username: app.bot.botInfo.username }, "long polling started");
  }

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (runner) {
        // stop() ends the long poll but does not wait for updates already taken; they finish here
        // (bounded by the caller's forced exit), before the database and Redis are closed.
        if (runner.isRunning()) await runner.stop();
        while (runner.size() > 0) await new Promise((r) => setTimeout(r, 25));
      }
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      await app.close();
    })());
  return { app, server, stop };
}

import type { RunnerHandle } from "@grammyjs/runner";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger, describeError, scrub, serializeError } from "./infra/logger.js";

// Composition root: config → logger → db → redis → bot → jobs → http → shutdown.
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // Nothing printed or logged from here on may show the token or the webhook secret.
  const secrets = [config.BOT_TOKEN, config.WEBHOOK_SECRET].filter((x): x is string => !!x);
  const say = (line: string) => console.error(scrub(line, secrets));
  const logger = createLogger(config.LOG_LEVEL, { secrets });

  // Ask Telegram who we are once, without auto-retry (which would wait forever on a network error),
  // so a refused token or an unreachable Bot API is reported in one line before anything opens.
  const { Api, GrammyError, HttpError } = await import("grammy");
  let botInfo;
  try {
    botInfo = await new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 20 }).getMe();
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      say(`BOT_TOKEN was refused by Telegram (${err.error_code} ${err.description}). Check the token with @BotFather.`);
      process.exit(1);
    }
    if (err instanceof HttpError) {
      // Not the underlying message: node-fetch writes the request URL, with the token, into it.
      say(`TELEGRAM_API_ROOT: cannot reach the Bot API at ${config.TELEGRAM_API_ROOT} (${describeError(err, secrets)})`);
      process.exit(1);
    }
    throw err;
  }

  // The rest is loaded only now, so configuration and token errors are reported at once.
  const [{ run }, { DataDirLocked, DatabaseUnavailable }, { RedisUnavailable }, { buildApp }, { setCommands }, { createHttpServer }] = await Promise.all([
    import("@grammyjs/runner"),
    import("./infra/db.js"),
    import("./infra/redis.js"),
    import("./app.js"),
    import("./bot/commands.js"),
    import("./server/http.js"),
  ]);

  let app;
  try {
    app = await buildApp(config, logger, { botInfo });
  } catch (err) {
    if (err instanceof DatabaseUnavailable || err instanceof RedisUnavailable || err instanceof DataDirLocked) {
      say(err.message);
      process.exit(1);
    }
    throw err;
  }
  await app.init(); // botInfo is known: no further call to Telegram
  if (!config.DATABASE_URL) logger.info({ dataDir: config.DATA_DIR }, "no DATABASE_URL: using embedded PGlite");
  if (!config.REDIS_URL) logger.warn("no REDIS_URL: sessions and conversations are kept in memory (single instance, lost on restart)");

  await setCommands(app.bot.api).catch((err) => logger.warn({ err }, "setMyCommands failed"));
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
      // The error's payload holds the secret: only what Telegram said, or the kind of network failure.
      if (err instanceof GrammyError) say(`WEBHOOK_URL: Telegram refused setWebhook (${err.error_code} ${err.description}). Check WEBHOOK_URL and WEBHOOK_SECRET.`);
      else if (err instanceof HttpError) say(`TELEGRAM_API_ROOT: cannot reach the Bot API to set the webhook (${describeError(err, secrets)})`);
      else throw err;
      process.exit(1);
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

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 9_000); // the platform allows 10 s
    force.unref();
    try {
      if (runner) {
        // stop() ends the long poll but does not wait for updates already taken; they finish here
        // (bounded by the forced exit above), before the database and Redis are closed.
        if (runner.isRunning()) await runner.stop();
        while (runner.size() > 0) await new Promise((r) => setTimeout(r, 25));
      }
      await new Promise<void>((r) => server.close(() => r()));
      await app.close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "poll", "poll_answer"] as const;

main().catch((err) => {
  // Printed without the error's own properties (a GrammyError carries its request's payload).
  const secrets = [process.env.BOT_TOKEN, process.env.WEBHOOK_SECRET];
  const stack = (serializeError(err) as { stack?: string } | null)?.stack;
  console.error(`Start-up failed: ${describeError(err, secrets)}${stack ? `\n${stack}` : ""}`);
  process.exit(1);
});

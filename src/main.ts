import { ConfigError, loadConfig } from "./config.js";
import { createLogger, describeError, scrub, serializeError } from "./infra/logger.js";

// Composition root: config → logger → getMe → startBot (db → redis → bot → jobs → http) → shutdown.
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
  const [{ DataDirLocked, DatabaseUnavailable }, { RedisUnavailable }, { startBot, StartRefused }] = await Promise.all([
    import("./infra/db.js"),
    import("./infra/redis.js"),
    import("./start.js"),
  ]);

  let bot;
  try {
    bot = await startBot(config, logger, { botInfo });
  } catch (err) {
    if (err instanceof DatabaseUnavailable || err instanceof RedisUnavailable || err instanceof DataDirLocked || err instanceof StartRefused) {
      say(err.message);
      process.exit(1);
    }
    throw err;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 9_000); // the platform allows 10 s
    force.unref();
    try {
      await bot.stop();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  // Printed without the error's own properties (a GrammyError carries its request's payload).
  const secrets = [process.env.BOT_TOKEN, process.env.WEBHOOK_SECRET];
  const stack = (serializeError(err) as { stack?: string } | null)?.stack;
  console.error(`Start-up failed: ${describeError(err, secrets)}${stack ? `\n${stack}` : ""}`);
  process.exit(1);
});

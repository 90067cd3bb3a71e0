import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./infra/logger.js";

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
  const logger = createLogger(config.LOG_LEVEL);

  // Ask Telegram who we are once, without auto-retry (which would wait forever on a network error),
  // so a refused token or an unreachable Bot API is reported in one line before anything opens.
  const { Api, GrammyError, HttpError } = await import("grammy");
  let botInfo;
  try {
    botInfo = await new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 20 }).getMe();
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      console.error(`BOT_TOKEN was refused by Telegram (${err.error_code} ${err.description}). Check the token with @BotFather.`);
      process.exit(1);
    }
    if (err instanceof HttpError) {
      console.error(`TELEGRAM_API_ROOT: cannot reach the Bot API at ${config.TELEGRAM_API_ROOT} (${(err.error as Error)?.message ?? err.message})`);
      process.exit(1);
    }
    throw err;
  }

  // The rest is loaded only now, so configuration and token errors are reported at once.
  const [{ DataDirLocked, DatabaseUnavailable }, { RedisUnavailable }, { startBot }] = await Promise.all([
    import("./infra/db.js"),
    import("./infra/redis.js"),
    import("./start.js"),
  ]);

  let bot;
  try {
    bot = await startBot(config, logger, { botInfo });
  } catch (err) {
    if (err instanceof DatabaseUnavailable || err instanceof RedisUnavailable || err instanceof DataDirLocked) {
      console.error(err.message);
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
  console.error(err);
  process.exit(1);
});

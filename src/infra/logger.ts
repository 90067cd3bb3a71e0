import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string = "info"): Logger {
  return pino({
    level,
    base: undefined,
    // Never log Telegram tokens, whatever object carries them.
    redact: { paths: ["token", "*.token", "config.BOT_TOKEN"], censor: "[redacted]" },
  });
}

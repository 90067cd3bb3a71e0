import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { repoRoot } from "../support/infra.js";

const TOKEN = "123456789:AAH-example_token";
const SECRET = "a".repeat(32);

function errorOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("needs only BOT_TOKEN; everything else has a working default", () => {
    const c = loadConfig({ BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({
      BOT_TOKEN: TOKEN,
      BOT_MODE: "polling",
      BOOTSTRAP_ADMIN_IDS: [],
      DATA_DIR: "./data",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      HTTP_PORT: 8080,
      LOG_LEVEL: "info",
      DEFAULT_TIMEZONE: "Asia/Jakarta",
      FLOOD_LIMIT_PER_MINUTE: 30,
      LIMIT_GROUP_PER_MINUTE: 20,
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
  });

  it.each([
    ["missing", undefined, /^BOT_TOKEN is required/],
    ["empty", "", /^BOT_TOKEN is required/],
    ["without a colon", "123456789AAH", /^BOT_TOKEN does not look like a bot token/],
    ["with spaces", "123 456:abcdefg", /^BOT_TOKEN does not look like a bot token/],
    ["letters before the colon", "abc:defghijk", /^BOT_TOKEN does not look like a bot token/],
  ])("BOT_TOKEN %s → one message naming BOT_TOKEN", (_label, value, re) => {
    const msg = errorOf({ BOT_TOKEN: value });
    expect(msg).toMatch(re);
    expect(msg).not.toContain("\n");
  });

  it("webhook mode is refused without WEBHOOK_SECRET, with a weak one, or without WEBHOOK_URL", () => {
    expect(errorOf({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.id" })).toMatch(/^WEBHOOK_SECRET is required when BOT_MODE=webhook/);
    expect(errorOf({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.id", WEBHOOK_SECRET: "short" })).toMatch(/^WEBHOOK_SECRET must be 24–256/);
    expect(errorOf({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_SECRET: SECRET })).toMatch(/^WEBHOOK_URL is required/);
    const ok = loadConfig({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.id", WEBHOOK_SECRET: SECRET });
    expect(ok.BOT_MODE).toBe("webhook");
    expect(ok.WEBHOOK_SECRET).toBe(SECRET);
  });

  it("every other malformed variable is named in the message", () => {
    expect(errorOf({ BOT_TOKEN: TOKEN, BOT_MODE: "push" })).toMatch(/^BOT_MODE /);
    expect(errorOf({ BOT_TOKEN: TOKEN, DATABASE_URL: "localhost/forumdesa" })).toMatch(/^DATABASE_URL /);
    expect(errorOf({ BOT_TOKEN: TOKEN, REDIS_URL: "localhost:6379" })).toBe("REDIS_URL must start with redis:// or rediss://");
    expect(errorOf({ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://db/forumdesa" })).toBe("DATABASE_URL must start with postgresql://");
    expect(errorOf({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "not a url" })).toMatch(/^TELEGRAM_API_ROOT /);
    expect(errorOf({ BOT_TOKEN: TOKEN, HTTP_PORT: "delapan" })).toMatch(/^HTTP_PORT /);
    expect(errorOf({ BOT_TOKEN: TOKEN, HTTP_PORT: "70000" })).toMatch(/^HTTP_PORT /);
    expect(errorOf({ BOT_TOKEN: TOKEN, BOOTSTRAP_ADMIN_IDS: "12345, budi" })).toMatch(/^BOOTSTRAP_ADMIN_IDS must be a comma-separated list/);
    expect(errorOf({ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" })).toMatch(/^LOG_LEVEL /);
    expect(errorOf({ BOT_TOKEN: TOKEN, DEFAULT_TIMEZONE: "Asia/Tokyo" })).toMatch(/^DEFAULT_TIMEZONE /);
    expect(errorOf({ BOT_TOKEN: TOKEN, FLOOD_LIMIT_PER_MINUTE: "0" })).toMatch(/^FLOOD_LIMIT_PER_MINUTE /);
  });

  it("parses lists and numbers, and honours a self-hosted Bot API server", () => {
    const c = loadConfig({
      BOT_TOKEN: TOKEN,
      BOOTSTRAP_ADMIN_IDS: " 111, 222 333 ",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      HTTP_PORT: "0",
      FLOOD_LIMIT_PER_MINUTE: "5",
      DATABASE_URL: "postgresql://forumdesa:rahasia@db:5432/forumdesa",
      REDIS_URL: "redis://redis:6379/0",
    });
    expect(c.BOOTSTRAP_ADMIN_IDS).toEqual([111, 222, 333]);
    expect(c.TELEGRAM_API_ROOT).toBe("http://127.0.0.1:8081");
    expect(c.HTTP_PORT).toBe(0);
    expect(c.FLOOD_LIMIT_PER_MINUTE).toBe(5);
    expect(c.DATABASE_URL).toContain("db:5432");
  });
});

describe(".env.example", () => {
  it("lists and explains every variable src/config.ts reads", () => {
    const source = readFileSync(`${repoRoot}/src/config.ts`, "utf8");
    const vars = [...new Set([...source.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!))];
    expect(vars).toEqual(expect.arrayContaining(["BOT_TOKEN", "DATABASE_URL", "REDIS_URL", "WEBHOOK_SECRET", "FLOOD_LIMIT_PER_MINUTE"]));
    const example = readFileSync(`${repoRoot}/.env.example`, "utf8");
    for (const v of vars) {
      const at = example.search(new RegExp(`^${v}=`, "m"));
      expect(at, `${v} is missing from .env.example`).toBeGreaterThan(-1);
      // A comment right above it, or above the block of settings it belongs to (HTTP_HOST/PORT).
      const above = example.slice(0, at).split("\n").slice(0, -1).reverse();
      const first = above.find((l) => !/^[A-Z][A-Z0-9_]*=/.test(l));
      expect(first, `${v} needs a comment line right above it`).toMatch(/^#/);
    }
  });
});

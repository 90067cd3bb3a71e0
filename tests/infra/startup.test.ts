import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openPglite, type Database } from "../../src/infra/db.js";
import { FakeTelegram } from "../support/fake-telegram/index.js";
import { childStorage, killSpawned, runMainToExit, spawnMain, tempDir } from "../support/infra.js";

// The real entry point (src/main.ts) in a child process with a controlled environment: what an
// operator sees when the configuration or a backing service is wrong. Configuration and token
// errors are reported before the bot's modules load (~1 s); the others load the bot first, so
// the refusals run side by side.
let fake: FakeTelegram;
const cleanups: Array<() => Promise<void> | void> = [];
beforeAll(async () => {
  fake = await FakeTelegram.start();
});
afterAll(async () => {
  await killSpawned();
  for (const c of cleanups.reverse()) await c();
  await fake?.stop();
});

/** A valid token that the fake Bot API accepts. */
const telegram = () => ({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });

function expectOneCleanLine(stderr: string, name: string) {
  const lines = stderr.trim().split("\n");
  expect(lines, `stderr was:\n${stderr}`).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
}

describe.concurrent("the bot refuses to start, saying why in one line", { timeout: 120_000 }, () => {
  it("BOT_TOKEN missing", async () => {
    const r = await runMainToExit({});
    expect(r.code).toBe(1);
    expectOneCleanLine(r.stderr, "BOT_TOKEN");
    expect(r.stderr).toContain("BOT_TOKEN is required");
  });

  it("BOT_TOKEN malformed", async () => {
    const r = await runMainToExit({ BOT_TOKEN: "bukan-token" });
    expect(r.code).toBe(1);
    expectOneCleanLine(r.stderr, "BOT_TOKEN");
    expect(r.stderr).not.toContain("bukan-token"); // a token, even a wrong one, is never echoed
  });

  it("BOT_TOKEN well-formed but refused by Telegram", async () => {
    const r = await runMainToExit({ BOT_TOKEN: "123456789:AAH-revoked_token", TELEGRAM_API_ROOT: fake.apiRoot });
    expect(r.code).toBe(1);
    expectOneCleanLine(r.stderr, "BOT_TOKEN was refused by Telegram (401 Unauthorized)");
    expect(r.stderr).not.toContain("revoked_token");
  });

  it("TELEGRAM_API_ROOT unreachable", async () => {
    const r = await runMainToExit({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: "http://127.0.0.1:1" });
    expect(r.code).toBe(1);
    expectOneCleanLine(r.stderr, "TELEGRAM_API_ROOT: cannot reach the Bot API at http://127.0.0.1:1");
    expect(r.stderr).toContain("ECONNREFUSED");
    expect(r.stderr + r.stdout).not.toContain(fake.token); // node-fetch puts the request URL in its message
  });

  it("DATABASE_URL unreachable", async () => {
    const r = await runMainToExit({ ...telegram(), DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x" });
    expect(r.code).toBe(1);
    expectOneCleanLine(r.stderr, "DATABASE_URL");
    expect(r.stderr).toMatch(/cannot connect to PostgreSQL \(.*ECONNREFUSED/);
  });

  it("REDIS_URL unreachable", async () => {
    const storage = await childStorage();
    cleanups.push(() => storage.close());
    const r = await runMainToExit({ ...telegram(), REDIS_URL: "redis://127.0.0.1:1", ...storage.env });
    expect(r.code).toBe(1);
    expectOneCleanLine(r.stderr, "REDIS_URL");
    expect(r.stderr).toMatch(/cannot connect to Redis \(.*ECONNREFUSED/);
  });

  it("setWebhook refused by Telegram, or no answer to it: the secret and the token are printed nowhere", async () => {
    const secret = "rahasia_webhook_Sukajaya_2026_x";
    const webhook = { BOT_MODE: "webhook", WEBHOOK_URL: "https://forumdesa.example.id", WEBHOOK_SECRET: secret, HTTP_PORT: "0", HTTP_HOST: "127.0.0.1", LOG_LEVEL: "debug" };
    const storage = await childStorage();
    cleanups.push(() => storage.close());
    // Only this test sets a webhook, so the faults meet only its process.
    fake.fail("setWebhook", { code: 400, description: "Bad Request: bad webhook: Failed to resolve host: Name or service not known" });
    const refused = await runMainToExit({ ...telegram(), ...webhook, ...storage.env });
    expect(refused.code).toBe(1);
    // The workers already run here: on a loaded machine node-cron may warn of a missed tick.
    const ours = (stderr: string) => stderr.split("\n").filter((l) => !l.includes("[NODE-CRON]")).join("\n");
    expectOneCleanLine(ours(refused.stderr), "WEBHOOK_URL: Telegram refused setWebhook (400 Bad Request: bad webhook: Failed to resolve host");
    fake.dropConnection("setWebhook", { times: 3 });
    const silent = await runMainToExit({ ...telegram(), ...webhook, ...storage.env });
    expect(silent.code).toBe(1);
    expectOneCleanLine(ours(silent.stderr), "TELEGRAM_API_ROOT: cannot reach the Bot API to set the webhook (HttpError setWebhook");
    expect(fake.callsTo("setWebhook", { all: true }).length).toBeGreaterThanOrEqual(4); // both really asked
    for (const r of [refused, silent]) {
      expect(r.stdout).toContain("http server listening"); // the logger was running, at debug level
      expect(r.stdout + r.stderr).not.toContain(secret);
      expect(r.stdout + r.stderr).not.toContain(fake.token);
    }
  });

  it("a second process on the same PGlite DATA_DIR", async () => {
    const dir = tempDir("forumdesa-lock-");
    let holder: Database | null = null;
    cleanups.push(async () => {
      await holder?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const template = inject("pgliteTemplate");
    if (template) {
      // This test process really opens the folder, as a running bot would.
      cpSync(template, dir, { recursive: true });
      holder = await openPglite(dir);
    } else {
      // PostgreSQL run: no PGlite template to open; hold the lock the way openPglite writes it.
      writeFileSync(path.join(dir, "forumdesa.lock"), String(process.pid));
    }
    const r = await runMainToExit({ ...telegram(), DATA_DIR: dir });
    expect(r.code).toBe(1);
    expectOneCleanLine(r.stderr, "DATA_DIR");
    expect(r.stderr).toContain(`is in use by another Forum Desa process (pid ${process.pid})`);
    if (holder) expect(await holder.prisma.forum.count()).toBe(0); // the holder's database still works
  });
});

describe("while running", () => {
  it("polling: getUpdates finding no network is logged without the URL or the token, and the bot goes on", async () => {
    const own = await FakeTelegram.start();
    const storage = await childStorage();
    // Three dropped polls in a row: more than the network retry absorbs, so the runner sees it.
    own.dropConnection("getUpdates", { times: 3 });
    const bot = spawnMain({ BOT_TOKEN: own.token, TELEGRAM_API_ROOT: own.apiRoot, HTTP_PORT: "0", HTTP_HOST: "127.0.0.1", LOG_LEVEL: "info", ...storage.env });
    try {
      await bot.waitForOutput(/polling: getUpdates failed/, 60_000);
      const ani = own.addUser({ first_name: "Ani" });
      own.userStartedBot(ani.id);
      own.updates.command(ani, "private", "start");
      await own.waitForCall("sendMessage", (p) => p.chat_id === ani.id, { timeout: 60_000 });
      const line = JSON.parse(bot.stdout().split("\n").find((l) => l.includes("getUpdates failed"))!);
      expect(line.err).toMatchObject({ type: "HttpError", method: "getUpdates" });
      expect(bot.stdout() + bot.stderr()).not.toContain(own.token);
      expect(bot.stderr()).not.toContain("[grammY runner]");
    } finally {
      bot.child.kill("SIGKILL");
      await bot.exited;
      await storage.close();
      await own.stop();
    }
  }, 90_000);
});

// The offline sandbox: the real bot (startBot, the same function `npm start` runs) against the
// local Bot API emulator, with PGlite and in-memory sessions, and a web page that plays Telegram.
import http from "node:http";
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import { loadConfig } from "../config.js";
import { startBot, type RunningBot } from "../start.js";
import { FakeTelegram } from "../emulator/index.js";
import { MemoryLimiter } from "../delivery/limiter.js";
import { DataDirLocked, lockDataDir } from "../infra/db.js";
import type { Logger } from "../infra/logger.js";
import { SimClock, SwitchLimiter, unlimited } from "./clock.js";
import { seedDemo } from "./seed.js";
import { loadWorld, WorldStore, type SimMode } from "./store.js";
import { buildTelegramWorld, CAMAT } from "./world.js";
import { startWeb, type Web } from "./web.js";

export interface SimOptions {
  /** Folder of its own: the PGlite database (db/) and the emulator's world (emulator.json, files/). */
  dataDir: string;
  /** Port of the web page (0: any free one). */
  port: number;
  host?: string;
  /** Start from an empty database and a Telegram world without the bot (practice from nothing). */
  fresh?: boolean;
  /** The emulator answers 429 when the bot exceeds Telegram's limits. */
  rateLimits?: boolean;
  logLevel?: string;
  /** Extra bot configuration (tests: generous send limits, so nothing waits on Telegram's pacing). */
  env?: Record<string, string>;
  /** A migrated PGlite folder to start a new database from (tests: skips ~6 s of migrations). */
  databaseTemplate?: string;
}

export interface Sim {
  url: string;
  mode: SimMode;
  fake: FakeTelegram;
  bot: RunningBot;
  web: Web;
  /** Milliseconds from the call to a ready page (for the README and the report). */
  startupMs: number;
  stop(): Promise<void>;
}

const LOCK_FILE = "forumdesa.lock";
const OPEN_DIRS = new Set<string>();

// A token of the right shape; it only ever travels to the local emulator.
const SIM_TOKEN = "7000000001:SIMULATOR-offline-token";

export async function startSim(o: SimOptions): Promise<Sim> {
  const started = performance.now();
  // The port and the folder first: a second sandbox must fail before it touches anything.
  const server = http.createServer((_req, res) => {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2" });
    res.end("Sandbox Forum Desa sedang disiapkan…");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host ?? "127.0.0.1", () => resolve());
  });
  mkdirSync(o.dataDir, { recursive: true });
  const dirKey = path.resolve(o.dataDir);
  let unlock: () => void;
  try {
    // The lock file keeps other processes out; the set, other sandboxes in this one (tests).
    if (OPEN_DIRS.has(dirKey)) throw new DataDirLocked("in use in this process");
    const unlockFile = lockDataDir(o.dataDir);
    OPEN_DIRS.add(dirKey);
    unlock = () => {
      OPEN_DIRS.delete(dirKey);
      unlockFile();
    };
  } catch (err) {
    server.close();
    if (err instanceof DataDirLocked) throw new DataDirLocked(`SIM_DATA_DIR ${o.dataDir} is used by another running sandbox; stop it, or set SIM_DATA_DIR to another folder.`);
    throw err;
  }
  if (o.fresh) for (const name of readdirSync(o.dataDir)) if (name !== LOCK_FILE) rmSync(path.join(o.dataDir, name), { recursive: true, force: true });
  const dbDir = path.join(o.dataDir, "db");
  const saved = loadWorld(o.dataDir);
  // The database and the emulator's world are made together: one without the other starts over.
  if (!saved) {
    rmSync(dbDir, { recursive: true, force: true });
    if (o.databaseTemplate) cpSync(o.databaseTemplate, dbDir, { recursive: true });
  }
  const mode: SimMode = saved?.meta.mode ?? (o.fresh ? "fresh" : "demo");

  // Logs go to stderr: stdout carries the one `sim:` line.
  const logger = pino({ level: o.logLevel ?? "error", base: undefined, redact: { paths: ["token", "*.token", "config.BOT_TOKEN"], censor: "[redacted]" } }, pino.destination(2)) as Logger;

  const fake = await FakeTelegram.start({ token: SIM_TOKEN, rateLimits: { enabled: !!o.rateLimits } });
  if (saved) fake.importState(saved.state);
  else buildTelegramWorld(fake, { botInGroups: mode === "demo" });
  // Until the bot polls, updates are handed to it directly (the seed); none may wait in a queue.
  fake.autoEnqueue = false;
  const store = new WorldStore(o.dataDir, fake, saved?.meta ?? { mode, createdAt: new Date().toISOString() });

  // Only what the sandbox decides: no DATABASE_URL or REDIS_URL from the environment, ever.
  const config = loadConfig({
    BOT_TOKEN: SIM_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATA_DIR: dbDir,
    HTTP_HOST: "127.0.0.1",
    HTTP_PORT: "0",
    BOOTSTRAP_ADMIN_IDS: String(CAMAT.id),
    LOG_LEVEL: o.logLevel ?? "error",
    ...o.env,
  });
  const clock = new SimClock();
  const limiter = new SwitchLimiter(unlimited());
  let bot: RunningBot;
  try {
    bot = await startBot(config, logger, {
      botInfo: fake.botInfo,
      overrides: { clock, limiter },
      beforeStart: async (app) => {
        if (!saved && mode === "demo") store.meta.seed = { ...(await seedDemo(app, fake, clock)) };
        limiter.current = new MemoryLimiter({
          globalPerSecond: config.LIMIT_GLOBAL_PER_SECOND,
          groupPerMinute: config.LIMIT_GROUP_PER_MINUTE,
          privatePerSecond: config.LIMIT_PRIVATE_PER_SECOND,
          marginMs: config.LIMIT_MARGIN_MS,
        });
      },
    });
  } catch (err) {
    await fake.stop();
    server.close();
    unlock();
    throw err;
  }
  fake.autoEnqueue = true;
  store.save();
  // Long polls end every few seconds without changing anything: they do not call for a save.
  const unsubscribe = fake.onCall((c) => c.method !== "getUpdates" && store.soon());

  let web: Web;
  try {
    web = await startWeb({ server, fake, app: bot.app, store, host: o.host ?? "127.0.0.1", logger });
  } catch (err) {
    await bot.stop();
    await fake.stop();
    server.close();
    unlock();
    throw err;
  }

  let stopping: Promise<void> | null = null;
  return {
    url: web.url,
    mode,
    fake,
    bot,
    web,
    startupMs: Math.round(performance.now() - started),
    stop: () =>
      (stopping ??= (async () => {
        await web.stop();
        await bot.stop();
        unsubscribe();
        store.save();
        await fake.stop();
        unlock();
      })()),
  };
}

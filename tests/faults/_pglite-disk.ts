// The disk of an embedded (PGlite) instance fills up: the bot (src/main.ts, polling, DATA_DIR on a
// small tmpfs of its own) keeps taking updates from new people while a filler file leaves no free
// byte; then the filler is removed. Needs root (mount -t tmpfs); the caller skips otherwise.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, statfsSync, openSync, writeSync, closeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FakeTelegram } from "../../src/emulator/index.js";
import { openPglite } from "../../src/infra/db.js";
import { applyMigrations } from "../../src/infra/migrate.js";
import { BotProcess, scaled, waitUntil, type Outcome } from "./_lab.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Why the disk-full scenario cannot run here, or null. */
export function diskFullUnavailable(): string | null {
  if (process.platform !== "linux") return "not Linux (needs a tmpfs mount)";
  if (process.getuid?.() !== 0) return "not root: mounting a small tmpfs for DATA_DIR needs root";
  const probe = mkdtempSync(path.join(os.tmpdir(), "forumdesa-mnt-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], { stdio: "pipe" });
    execFileSync("umount", [probe], { stdio: "pipe" });
    return null;
  } catch (e) {
    return `mount -t tmpfs refused (${String((e as Error).message).split("\n")[0]})`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Fills the filesystem of `dir` until a write fails with ENOSPC; returns the filler's path. */
function fill(dir: string): string {
  const f = path.join(dir, "filler.bin");
  const fd = openSync(f, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
  }
  // The last bytes too: a smaller chunk until nothing fits.
  try {
    for (;;) writeSync(fd, Buffer.alloc(512, 1));
  } catch {
    /* full */
  } finally {
    closeSync(fd);
  }
  return f;
}

export async function runDiskFull(opts: { template?: string | null; log?: (l: string) => void } = {}): Promise<Outcome> {
  const mnt = mkdtempSync(path.join(os.tmpdir(), "forumdesa-diskfull-"));
  const notes: string[] = [];
  const fake = await FakeTelegram.start();
  let bot: BotProcess | null = null;
  let mounted = false;
  try {
    // Room for the migrated database and its WAL, no more.
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=160m", "tmpfs", mnt]);
    mounted = true;
    const dataDir = path.join(mnt, "data");
    if (opts.template) cpSync(opts.template, dataDir, { recursive: true });
    else {
      const db = await openPglite(dataDir, { lock: false });
      await applyMigrations(db.sql);
      await db.close();
    }
    bot = new BotProcess("pglite-bot", 0, { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dataDir, HTTP_HOST: "127.0.0.1", LOG_LEVEL: "info" });
    await bot.start(120_000, /long polling started/);

    const updates: Array<{ chatId: number; at: number }> = [];
    const push = () => {
      const u = fake.addUser({ first_name: `Tamu${updates.length}` });
      fake.userStartedBot(u.id);
      fake.updates.command(u, "private", updates.length % 2 ? "start" : "bantuan");
      updates.push({ chatId: u.id, at: Date.now() });
    };
    for (let i = 0; i < 5; i++) {
      push();
      await sleep(200);
    }
    const filler = fill(mnt);
    notes.push(`free after filling: ${statfsSync(mnt).bavail * statfsSync(mnt).bsize} bytes`);
    const fullFor = Math.max(5_000, scaled(20_000));
    const until = Date.now() + fullFor;
    // New people: each stores a person row (and its consent), so the tables and the WAL grow.
    while (Date.now() < until) {
      push();
      await sleep(100);
    }
    rmSync(filler);
    const freedAt = Date.now();
    for (let i = 0; i < 8; i++) {
      push();
      await sleep(300);
    }
    const answered = (c: number) => fake.sent(c).length > 0;
    await waitUntil(() => updates.every((u) => answered(u.chatId)), 60_000, "every update answered").catch((e) => notes.push(String((e as Error).message)));
    let lost = 0;
    let polite = 0;
    let doubled = 0;
    for (const u of updates) {
      const texts = fake.sent(u.chatId).map((m) => String(m.text ?? ""));
      if (!texts.length) lost++;
      if (texts.some((t) => /coba lagi/i.test(t))) polite++;
      doubled += texts.length - new Set(texts).size;
    }
    const after = updates.filter((u) => u.at >= freedAt);
    const firstOk = after
      .map((u) => fake.calls.find((c) => c.ok && (c.params as { chat_id?: number }).chat_id === u.chatId && !/coba lagi/i.test(String((c.params as { text?: string }).text)))?.at)
      .filter((x): x is number => x !== undefined);
    const recoverySec = firstOk.length ? (Math.min(...firstOk) - freedAt) / 1000 : NaN;
    if (!bot.alive) notes.push(`the bot exited: ${JSON.stringify(bot.exits)}`);
    // PGlite writes into a preallocated WAL segment: a short window of small writes may never need new space.
    if (polite === 0) notes.push("no write met the full disk in this window (preallocated WAL)");
    return { fault: "pglite-disk-full", updates: updates.length, lost, politeRetry: polite, doubled, reminders: 0, closings: 0, broadcastMissing: 0, crashes: bot.crashes(), recoverySec, notes };
  } finally {
    if (bot) {
      opts.log?.(bot.out.split("\n").filter((l) => /"level":(40|50|60)/.test(l)).slice(-6).join("\n"));
      await bot.kill("SIGKILL");
    }
    await fake.stop();
    if (mounted) execFileSync("umount", ["-l", mnt]);
    rmSync(mnt, { recursive: true, force: true });
  }
}

import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { wrapPglite, type Database } from "../../src/infra/db.js";
import type { DiffDatabase } from "../../scripts/lib/schema-engine.js";
import { openTestDatabase } from "./db.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function tempDir(prefix = "forumdesa-infra-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A migrated database of this test's own that Prisma's schema engine can also read: a clone of the
 * run's template (PostgreSQL when DATABASE_URL is set, else a copy of the PGlite template folder).
 */
export async function openMigratedScratch(): Promise<{ db: Database; target: DiffDatabase; engine: "postgres" | "pglite"; close(): Promise<void> }> {
  if (inject("pgTemplate")) {
    const db = await openTestDatabase();
    return { db, target: { url: db.url! }, engine: "postgres", close: () => db.close() };
  }
  const template = inject("pgliteTemplate");
  if (!template) throw new Error("global setup did not provide a database template");
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  const pglite = await PGlite.create(path.join(dir, "pgdata"), { extensions: { pg_trgm } });
  const db = wrapPglite(pglite);
  return {
    db,
    target: { pglite },
    engine: "pglite",
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Storage for a spawned bot process: a PostgreSQL clone when the run uses PostgreSQL, else a
 * DATA_DIR holding a copy of the migrated PGlite template (opening it costs ~1 s, a new one ~6 s).
 */
export async function childStorage(): Promise<{ env: Record<string, string>; dataDir: string; close(): Promise<void> }> {
  const dataDir = tempDir("forumdesa-child-");
  if (inject("pgTemplate")) {
    const db = await openTestDatabase();
    // The child opens its own pool; this process only keeps the clone alive and drops it after.
    return {
      env: { DATABASE_URL: db.url!, DATA_DIR: dataDir },
      dataDir,
      async close() {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  cpSync(inject("pgliteTemplate")!, dataDir, { recursive: true });
  return { env: { DATA_DIR: dataDir }, dataDir, close: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** Resolves when stdout+stderr match `re`; rejects if the process ends first or after `timeout`. */
  waitForOutput(re: RegExp, timeout?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test that times out must not leave a bot running behind it.
process.once("exit", () => {
  for (const c of running) c.kill("SIGKILL");
});

/** Kills every child this test file started that is still running (afterAll). */
export async function killSpawned(): Promise<void> {
  const left = [...running];
  for (const c of left) c.kill("SIGKILL");
  await Promise.all(left.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once("exit", r)))));
}

/**
 * Starts `src/main.ts` in one node process with the tsx loader (so signals reach the app directly),
 * with ONLY the given environment plus PATH/HOME: nothing leaks from the test's env. A script that
 * is not TypeScript (`scripts/start.mjs`, what `npm start` runs) is run by plain node.
 */
export function spawnMain(env: Record<string, string>, script = "src/main.ts"): Spawned {
  const started = Date.now();
  const child = spawn(process.execPath, [...(script.endsWith(".ts") ? ["--import", "tsx"] : []), script], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), TMPDIR: os.tmpdir(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  child.stdout!.on("data", (d) => {
    out += d;
    for (const l of listeners) l();
  });
  child.stderr!.on("data", (d) => {
    err += d;
    for (const l of listeners) l();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, ms: Date.now() - started })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForOutput(re, timeout = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (re.test(out + err)) {
            done();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no output matching ${re} within ${timeout} ms; stdout:\n${out}\nstderr:\n${err}`));
        }, timeout);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!re.test(out + err)) {
            done();
            reject(new Error(`process exited before printing ${re}; stdout:\n${out}\nstderr:\n${err}`));
          }
        });
        check();
      });
    },
  };
}

/** Runs `src/main.ts` to its end (it is expected to refuse to start) and returns what it printed. */
export async function runMainToExit(env: Record<string, string>, timeout = 100_000) {
  const p = spawnMain(env);
  const timer = setTimeout(() => p.child.kill("SIGKILL"), timeout);
  const r = await p.exited;
  clearTimeout(timer);
  return { ...r, stdout: p.stdout(), stderr: p.stderr() };
}

/**
 * Cold start and resident memory of the bot as `npm start` runs it, measured from outside:
 * spawn the start command against a running fake Bot API (TELEGRAM_API_ROOT), with a /start
 * already waiting in getUpdates, and time from spawn to the fake receiving the sendMessage
 * that answers it. RSS is the sum over the spawned process tree (tsx's launcher included when
 * the command is tsx), read from /proc.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";

export interface FakeProc {
  proc: ChildProcess;
  apiRoot: string;
}

export async function startFakeServer(root: string, token: string): Promise<FakeProc> {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/emulator/serve.ts")], {
    cwd: root,
    env: { ...process.env, FAKE_PORT: "0", FAKE_TOKEN: token, FAKE_RATE_LIMITS: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const rl = createInterface({ input: proc.stdout! });
  const [line] = (await once(rl, "line")) as [string];
  rl.close();
  return { proc, apiRoot: line.trim() };
}

export async function rpc(apiRoot: string, calls: Array<{ method: string; args: unknown[] }>) {
  const res = await fetch(`${apiRoot}/__fake/rpc`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(calls) });
  const body = (await res.json()) as { ok: boolean; result?: unknown[]; description?: string };
  if (!body.ok) throw new Error(`fake rpc: ${body.description}`);
  return body.result!;
}

/** Resident set size in bytes of a process and all its descendants (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      // gone
    }
  }
  let total = 0;
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
      if (m && process.env.BENCH_RSS_DETAIL) console.log(`    pid ${p} ${Math.round(Number(m[1]) / 1024)} MB: ${readFileSync(`/proc/${p}/cmdline`, "utf8").replace(/\0/g, " ").slice(0, 120)}`);
    } catch {
      // gone
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}

export interface ColdStart {
  /** spawn → sendMessage answering /start received by the fake */
  firstAnswerMs: number;
  /** RSS of the process tree a few seconds after the first answer, with nothing to do */
  idleRss: number;
  proc: ChildProcess;
  stop(): Promise<void>;
}

let userSeq = 0;

/**
 * Spawns `command` (e.g. ["node", "scripts/start.mjs"]) with `env` (undefined: unset), with a fresh user's /start waiting
 * in the fake, and resolves once the bot answered it (then waits `idleMs` and reads RSS).
 */
export async function coldStart(root: string, fake: FakeProc, command: string[], env: Record<string, string | undefined>, idleMs = 4000): Promise<ColdStart> {
  const user = { id: 700_000_000 + process.pid * 10 + ++userSeq, first_name: `Cold${userSeq}` };
  await rpc(fake.apiRoot, [{ method: "addUser", args: [user] }, { method: "userStartedBot", args: [user.id] }]);
  await rpc(fake.apiRoot, [{ method: "updates.command", args: [user, "private", "start"] }]);
  const before = ((await (await fetch(`${fake.apiRoot}/__fake/calls?since=0&method=__none`)).json()) as { total: number }).total;
  const t0 = performance.now();
  const proc = spawn(command[0]!, command.slice(1), {
    // BENCH_START_CWD: another checkout (e.g. the previous commit) for a before/after comparison.
    cwd: process.env.BENCH_START_CWD ?? root,
    // An undefined value removes the variable (PGlite runs must not inherit the bench's DATABASE_URL).
    env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  let exited = false;
  proc.once("exit", () => (exited = true));
  let firstAnswerMs = -1;
  for (;;) {
    if (exited) throw new Error(`bot exited before answering: ${stderr.slice(-2000)}`);
    const r = (await (await fetch(`${fake.apiRoot}/__fake/calls?since=${before}&method=sendMessage`)).json()) as { calls: Array<{ params: { chat_id: unknown } }> };
    if (r.calls.some((c) => Number(c.params.chat_id) === user.id)) {
      firstAnswerMs = performance.now() - t0;
      break;
    }
    if (performance.now() - t0 > 120_000) throw new Error(`no answer in 120 s: ${stderr.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, idleMs));
  const idleRss = treeRss(proc.pid!);
  return {
    firstAnswerMs,
    idleRss,
    proc,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill("SIGTERM");
      await once(proc, "exit");
    },
  };
}

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

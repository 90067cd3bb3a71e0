// The faults, each injected while updates flow and a broadcast, a meeting reminder and a vote's
// closing are in progress (tests/faults/_lab.ts). Full durations with FAULT_SCALE=1 (the bench).
import { Lab, SCALE, scaled, formatOutcome, type Outcome } from "./_lab.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const FAULTS = ["none", "redis-stopped", "postgres-restarted", "instance-sigkill", "telegram-429-5xx-latency"] as const;
export type FaultName = (typeof FAULTS)[number];

let rounds = 0;

/** What the fault does, from its start to its end (the function returns when it is over). */
async function inject(lab: Lab, fault: FaultName, notes: string[]) {
  switch (fault) {
    case "none":
      // Two instances in webhook mode behind the round-robin proxy, nothing failing.
      await sleep(Math.max(2_000, scaled(10_000)));
      return;
    case "redis-stopped": {
      if (!lab.redis) throw new Error("the lab has no Redis of its own");
      await lab.redis.stop();
      await sleep(Math.max(2_000, scaled(20_000)));
      await lab.redis.start();
      return;
    }
    case "postgres-restarted": {
      // A restart: every connection dropped, new ones refused while the server comes back.
      lab.pgProxy.cut();
      await sleep(Math.max(2_000, scaled(10_000)));
      lab.pgProxy.restore();
      return;
    }
    case "instance-sigkill": {
      const victim = lab.bots[0]!;
      await victim.kill("SIGKILL");
      // Its supervisor (systemd, Docker restart policy) brings it back after a while.
      await sleep(Math.max(2_000, scaled(10_000)));
      const t = Date.now();
      await victim.start(180_000);
      notes.push(`restarted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      return;
    }
    case "telegram-429-5xx-latency": {
      const sending = { except: ["getMe", "setWebhook", "deleteWebhook", "getUpdates", "setMyCommands"] };
      const window429 = Math.max(3_000, scaled(30_000));
      const retryAfter = Math.max(1, Math.round(window429 / 1000 / 6));
      lab.fake.fail("*", { code: 429, retry_after: retryAfter }, { forMs: window429, ...sending });
      await sleep(window429);
      for (let b = 0; b < 3; b++) {
        lab.fake.fail("*", { code: b % 2 ? 503 : 502 }, { times: 5, ...sending });
        await sleep(Math.max(500, scaled(3_000)));
      }
      const slow = Math.max(3_000, scaled(20_000));
      lab.fake.setLatency(2_000, { forMs: slow });
      await sleep(slow);
      lab.fake.clearFaults();
      return;
    }
  }
}

/** One fault: a calm lead, the fault, a calm tail, then everything must settle. */
export async function runFault(lab: Lab, fault: FaultName): Promise<Outcome> {
  const round = ++rounds;
  const lead = Math.max(1_500, scaled(5_000));
  // The reminder and the closing fall due in the middle of the fault.
  const dueAt = new Date(Date.now() + lead + Math.max(1_000, scaled(8_000)));
  const r = await lab.arm(round, dueAt, 30);
  const stop = lab.stream(r, fault === "telegram-429-5xx-latency" ? 400 : 250);
  await sleep(lead);
  const notes: string[] = [];
  await inject(lab, fault, notes);
  const ended = Date.now();
  await sleep(Math.max(1_500, scaled(5_000)));
  await stop();
  // Deliveries a killed instance had claimed wait for the claim timeout (60 s) before another takes them.
  const outcome = await lab.settle(r, fault, fault === "instance-sigkill" ? 100_000 : Math.max(90_000, scaled(120_000)), ended, notes);
  return outcome;
}

export function summary(outcomes: Outcome[]): string {
  const lost = outcomes.reduce((s, o) => s + o.lost, 0);
  const doubled = outcomes.reduce((s, o) => s + o.doubled, 0);
  const max = Math.max(0, ...outcomes.map((o) => o.recoverySec));
  return `faults: ${outcomes.length} scenarios, lost ${lost}, doubled ${doubled}, max recovery ${max.toFixed(1)} s`;
}

export { formatOutcome, SCALE };

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Lab, SCALE } from "./_lab.js";
import { FAULTS, formatOutcome, runFault, summary } from "./_scenarios.js";
import type { Outcome } from "./_lab.js";

// Faults injected into two real bot processes (webhook mode, behind a round-robin proxy) while
// updates flow and a broadcast, a meeting reminder and a vote's closing are under way. Needs
// PostgreSQL (each instance shares it; the lab puts a TCP proxy in front that it can cut) and
// Redis (only to be sure the machine has redis-server: the lab runs a server of its own that it
// stops and starts). Durations are FAULT_SCALE (default 0.15) of the full ones in `npm run bench -- faults`.
const reason = !process.env.DATABASE_URL ? "DATABASE_URL is not set" : !process.env.REDIS_URL ? "REDIS_URL is not set" : null;
if (reason) console.log(`tests/faults/faults.test.ts skipped: ${reason} (these faults need real PostgreSQL and Redis)`);

describe.skipIf(!!reason)(`faults (FAULT_SCALE ${SCALE})`, () => {
  let lab: Lab;
  const outcomes: Outcome[] = [];
  beforeAll(async () => {
    lab = new Lab({ databaseUrl: process.env.DATABASE_URL!, ownRedis: true, log: (l) => console.log(l) });
    await lab.start();
  }, 400_000);
  afterAll(async () => {
    if (outcomes.length) console.log(summary(outcomes));
    await lab?.close();
  }, 60_000);

  for (const fault of FAULTS) {
    it(
      fault === "none" ? "two webhook instances behind a round-robin proxy: the stream handled with nothing lost or doubled" : `${fault}: nothing lost or doubled, reminder and closing once, no crash`,
      async () => {
        const o = await runFault(lab, fault);
        outcomes.push(o);
        console.log(formatOutcome(o));
        const why = `${formatOutcome(o)}\n${lab.bots.map((b) => `${b.name}:\n${b.out.split("\n").filter((l) => /"level":(40|50|60)/.test(l)).slice(-8).join("\n")}`).join("\n")}`;
        expect(o.lost, why).toBe(0);
        expect(o.doubled, why).toBe(0);
        expect(o.reminders, why).toBe(3);
        expect(o.closings, why).toBe(3);
        expect(o.broadcastMissing, why).toBe(0);
        expect(o.crashes, why).toBe(0);
        expect(o.updates).toBeGreaterThan(5);
        if (fault === "none") expect(Math.min(...lab.rr.hits)).toBeGreaterThan(0); // both instances took updates
      },
      240_000,
    );
  }
});

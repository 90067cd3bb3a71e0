import { expect, inject, it } from "vitest";
import { formatOutcome } from "./_lab.js";
import { diskFullUnavailable, runDiskFull } from "./_pglite-disk.js";

// The disk of an embedded (PGlite) instance fills up while new people write to the bot, then space
// comes back. Runs with or without DATABASE_URL (the bot under test always uses PGlite here). A
// full disk is a tmpfs of its own (mount needs root); elsewhere the test says why it is skipped.
const reason = diskFullUnavailable();
if (reason) console.log(`tests/faults/pglite-disk-full.test.ts skipped: ${reason}`);

it.skipIf(!!reason)(
  "PGlite's disk full: every person gets an answer or a polite 'coba lagi', nothing twice, no crash, answers again once space is back",
  async () => {
    const o = await runDiskFull({ template: inject("pgliteTemplate") });
    console.log(formatOutcome(o));
    expect(o.lost, formatOutcome(o)).toBe(0);
    expect(o.doubled, formatOutcome(o)).toBe(0);
    expect(o.crashes, formatOutcome(o)).toBe(0);
    expect(o.notes.filter((n) => n.startsWith("the bot exited"))).toEqual([]);
    expect(Number.isFinite(o.recoverySec), formatOutcome(o)).toBe(true);
  },
  300_000,
);

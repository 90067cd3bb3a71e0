// `npm run bench -- faults`: the faults suite (tests/faults) at full durations — Redis stopped
// 20 s, PostgreSQL restarted (connections cut and refused 10 s), one of two webhook instances
// SIGKILLed, the Bot API answering 429 for 30 s then 5xx bursts then 2 s latency, and (as root) a
// PGlite instance's disk filling up — each while updates flow and a broadcast, a meeting reminder
// and a vote's closing are under way. One line per fault; the last line:
// `faults: N scenarios, lost L, doubled D, max recovery S s`.
// Env: DATABASE_URL (default the local server), FAULT_SCALE (default 1), FAULTS (comma list).
export async function run() {
  process.env.FAULT_SCALE ??= "1";
  const { Lab, formatOutcome } = await import("../tests/faults/_lab.js");
  const { FAULTS, runFault, summary } = await import("../tests/faults/_scenarios.js");
  const { diskFullUnavailable, runDiskFull } = await import("../tests/faults/_pglite-disk.js");
  const wanted = process.env.FAULTS?.split(",").map((s) => s.trim());
  const outcomes = [];
  const lab = new Lab({ databaseUrl: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", ownRedis: true, log: console.log });
  try {
    const t = Date.now();
    await lab.start();
    console.log(`lab up in ${((Date.now() - t) / 1000).toFixed(1)} s: two bot processes in webhook mode, FAULT_SCALE ${process.env.FAULT_SCALE}`);
    for (const f of FAULTS) {
      if (wanted && !wanted.includes(f)) continue;
      const o = await runFault(lab, f);
      outcomes.push(o);
      console.log(formatOutcome(o));
    }
  } finally {
    await lab.close();
  }
  if (!wanted || wanted.includes("pglite-disk-full")) {
    const why = diskFullUnavailable();
    if (why) console.log(`fault pglite-disk-full: skipped (${why})`);
    else {
      const o = await runDiskFull();
      outcomes.push(o);
      console.log(formatOutcome(o));
    }
  }
  console.log(summary(outcomes));
}

import { Lab } from "./_lab.js";
import { runFault, formatOutcome } from "./_scenarios.js";
const lab = new Lab({ databaseUrl: "postgresql://postgres@127.0.0.1:5432/postgres", ownRedis: true, log: console.log });
const t = Date.now();
try {
  await lab.start();
  console.log("started in", Date.now() - t);
  for (const f of (process.env.FAULTS ?? "none").split(",")) {
    const o = await runFault(lab, f as any);
    console.log(formatOutcome(o));
    if (process.env.DEBUG_LAB) {
      for (const g of lab.groups) console.log("group", g, JSON.stringify(lab.fake.sent(g).map((m) => [m.message_id, String(m.text ?? m.caption ?? "").slice(0, 90)])));
      for (const c of lab.fake.calls.filter((c) => c.ok && typeof (c.params as any).chat_id === "number" && (c.params as any).chat_id > 0).slice(0, 400)) {
        const t = String((c.params as any).text ?? "");
        if (lab.fake.sent((c.params as any).chat_id).length > 1) console.log("private", (c.params as any).chat_id, c.method, t.slice(0, 80));
      }
    }
  }
} catch (e) { console.error(e); for (const b of lab.bots) console.log(b.name, b.out.slice(-2000)); }
finally { const fs = await import("node:fs"); for (const b of lab.bots) fs.writeFileSync(`/tmp/sf/${b.name}.log`, b.out); await lab.close(); }
process.exit(0);

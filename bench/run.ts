// `npm run bench` runs every benchmark; `npm run bench -- <name>` runs bench/<name>.ts
// (broadcast, relay, reminders, voting, bursa). Files starting with "_" are workers and tables.
// Each benchmark module exports `run(): Promise<void>` and prints its own last line.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !["run.ts"].includes(f) && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = wanted.length ? wanted : available;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(", ")}`);
    process.exit(2);
  }
}
for (const name of names) {
  console.log(`\n=== bench ${name} ===`);
  const mod = await import(path.join(here, `${name}.ts`));
  await mod.run();
}
process.exit(0);

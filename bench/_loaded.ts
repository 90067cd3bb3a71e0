// Which packages are loaded once the app is built (start-up cost): a list by package, CJS ones.
import { createRequire } from "node:module";
const t0 = performance.now();
const r0 = process.memoryUsage().rss;
await import("../src/start.js");
await import("../src/app.js");
const require = createRequire(import.meta.url);
const pkgs = new Map<string, number>();
for (const k of Object.keys(require.cache)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(k);
  if (m) pkgs.set(m[1]!, (pkgs.get(m[1]!) ?? 0) + 1);
}
console.log(`imported in ${Math.round(performance.now() - t0)} ms, rss +${Math.round((process.memoryUsage().rss - r0) / 1048576)} MB`);
console.log([...pkgs].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p}(${n})`).join(" "));

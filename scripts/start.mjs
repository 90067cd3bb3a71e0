// `npm start`: runs the precompiled bot (dist/main, see scripts/build.mjs) in this same process.
// `npm ci` builds it (postinstall); if it is missing or any file under src/ (or the build script)
// is newer than the last build, it is rebuilt first, so an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stampFile = path.join(root, "dist/main/.built");

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const built = existsSync(stampFile) ? statSync(stampFile).mtimeMs : -1;
if (existsSync(path.join(root, "src")) && (built < 0 || newestMtime(path.join(root, "src")) > built || statSync(path.join(root, "scripts/build.mjs")).mtimeMs > built)) {
  const { buildBot } = await import("./build.mjs");
  await buildBot();
}
await import(pathToFileURL(path.join(root, "dist/main/main.js")).href);

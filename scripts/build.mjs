// Compiles the bot (src/main.ts and what it imports) into dist/main/ with esbuild, so `npm start`
// runs plain JavaScript instead of loading tsx's TypeScript loader (~80 MB of RSS and ~1 s of start).
// Packages stay external (node_modules, incl. Prisma's runtime and its WASM). The output sits two
// folders deep, as the sources do (src/<dir>/<file>.ts), so paths such as "../../locales",
// "../../assets/fonts" and "../../prisma/migrations" taken from import.meta.url still resolve.
// Dynamic imports of the bot's own modules become separate chunks (splitting), so what main.ts
// loads late (after the token check) is still loaded late.
//
//   node scripts/build.mjs              build
//   node scripts/build.mjs --if-sources build only when src/ is present (postinstall: the Docker
//                                       image installs packages before it copies the sources)
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const outdir = path.join(root, "dist/main");
/** Written last; its mtime is the build's time (scripts/start.mjs compares the sources with it). */
export const stampFile = path.join(outdir, ".built");

export async function buildBot() {
  const { build } = await import("esbuild");
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ["src/main.ts"],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // Not minified: stack traces in the logs keep the functions' names.
    logLevel: "warning",
  });
  writeFileSync(stampFile, `${new Date().toISOString()}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv.includes("--if-sources") && !existsSync(path.join(root, "src/main.ts"))) process.exit(0);
  await buildBot();
}

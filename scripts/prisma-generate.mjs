// `prisma generate` needs no schema engine, but the CLI still tries to download one from a host
// that may be unreachable (offline CI). Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file
// stops the download; generation itself is done by the bundled WASM.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const args = process.argv.slice(2);
const r = spawnSync("npx", ["prisma", ...(args.length ? args : ["generate"])], { stdio: "inherit", env });
process.exit(r.status ?? 1);

// `npm run sim` — the real bot, offline, in a browser chat. Prints one line: `sim: <url>`.
//   SIM_PORT (default 8090), SIM_DATA_DIR (default ./data-sim), `--fresh` to start from nothing,
//   SIM_RATE_LIMITS=1 to have the emulator refuse sends over Telegram's limits, SIM_LOG_LEVEL.
import path from "node:path";
import { startSim } from "./sim.js";

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--fresh");
  if (unknown.length) {
    console.error(`sim: unknown argument ${unknown[0]} (only --fresh is known)`);
    process.exit(2);
  }
  const port = Number(process.env.SIM_PORT ?? 8090);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error("sim: SIM_PORT must be a port number");
    process.exit(2);
  }
  const dataDir = path.resolve(process.env.SIM_DATA_DIR || "./data-sim");
  let sim;
  try {
    sim = await startSim({
      dataDir,
      port,
      host: process.env.SIM_HOST || "127.0.0.1",
      fresh: args.includes("--fresh"),
      rateLimits: process.env.SIM_RATE_LIMITS === "1" || process.env.SIM_RATE_LIMITS === "true",
      logLevel: process.env.SIM_LOG_LEVEL || "error",
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE") console.error(`sim: port ${port} is in use; set SIM_PORT to another one`);
    else console.error(`sim: ${e.message ?? e}`);
    process.exit(1);
  }
  console.log(`sim: ${sim.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 9_000);
    force.unref();
    try {
      await sim.stop();
      process.exit(0);
    } catch (err) {
      console.error(`sim: ${(err as Error).message}`);
      process.exit(1);
    }
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

void main();

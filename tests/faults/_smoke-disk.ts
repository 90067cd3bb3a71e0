import { runDiskFull, diskFullUnavailable } from "./_pglite-disk.js";
import { formatOutcome } from "./_lab.js";
console.log("unavailable:", diskFullUnavailable());
const o = await runDiskFull({ log: console.log });
console.log(formatOutcome(o));
process.exit(0);

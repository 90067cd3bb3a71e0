import { afterAll, expect, inject, it } from "vitest";
import { cpSync, rmSync } from "node:fs";
import { openPglite, PGLITE_SHARED_BUFFERS, type Database } from "../../src/infra/db.js";
import { tempDir } from "../support/infra.js";

// The embedded database's buffer pool lives in the bot's own memory: openPglite must start
// Postgres with the smaller shared_buffers, not its default 128 MB (docs/performance.md).
let db: Database | null = null;
const dir = tempDir("forumdesa-pglite-mem-");
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

it.skipIf(!inject("pgliteTemplate"))("PGlite runs with the reduced shared_buffers", async () => {
  cpSync(inject("pgliteTemplate")!, dir, { recursive: true });
  db = await openPglite(dir, { lock: false });
  const [row] = await db.sql.query<{ shared_buffers: string }>("SHOW shared_buffers");
  expect(PGLITE_SHARED_BUFFERS).toBe("32MB");
  expect(row!.shared_buffers).toBe(PGLITE_SHARED_BUFFERS);
});

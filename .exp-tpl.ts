import { openPglite } from "./src/infra/db.ts";
import { applyMigrations } from "./src/infra/migrate.ts";
const db = await openPglite("/tmp/exp/tpl", { lock: false });
await applyMigrations(db.sql); await db.close();

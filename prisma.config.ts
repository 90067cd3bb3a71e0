import { defineConfig } from "prisma/config";

// The datasource URL is only needed by CLI commands that talk to a database; the app builds its
// own driver adapter (src/infra/db.ts). Migrations are applied at start-up by src/infra/migrate.ts.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/forumdesa" },
});

// npm run migration:new -- <name>        writes prisma/migrations/<timestamp>_<name>/migration.sql
// npm run migration:new -- <name> --empty writes an empty one, for hand-written SQL (data changes)
// npm run migration:new -- --check        exits 1 when prisma/schema differs from the migrations
//
// No native Prisma engine is needed (it cannot be downloaded here): the committed migrations are
// applied by the app's own applier to a throwaway database — in-memory PGlite, or a temporary
// database on the PostgreSQL server of DATABASE_URL when it is set (faster) — and Prisma's WASM
// schema engine diffs that database against prisma/schema/*.prisma.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { openDatabase, wrapPglite } from "../src/infra/db.js";
import { applyMigrations, migrationsDir, readMigrations, type MigrationFile, type SqlRunner } from "../src/infra/migrate.js";
import { diffDatabaseToSchema, readSchemaFiles, type DiffDatabase, type SchemaDiff, type SchemaFile } from "./lib/schema-engine.js";

/** "Add meetings!" → "add_meetings"; Prisma's directory names are <14-digit UTC timestamp>_<name>. */
export function migrationSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
  if (!slug) throw new Error("the migration name must contain letters or digits, e.g. `npm run migration:new -- add_meetings`");
  return slug;
}

/** UTC yyyymmddHHMMSS, and always later than the newest committed migration so the order holds. */
export function migrationTimestamp(now: Date, existing: MigrationFile[]): string {
  const fmt = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  let ts = fmt(now);
  const last = existing.map((m) => m.name.slice(0, 14)).filter((s) => /^\d{14}$/.test(s)).sort().at(-1);
  if (last && ts <= last) {
    const d = new Date(Date.UTC(+last.slice(0, 4), +last.slice(4, 6) - 1, +last.slice(6, 8), +last.slice(8, 10), +last.slice(10, 12), +last.slice(12, 14)));
    ts = fmt(new Date(d.getTime() + 1000));
  }
  return ts;
}

export function writeMigration(dir: string, name: string, sql: string, now: Date, existing = readMigrations(dir)): string {
  const folder = path.join(dir, `${migrationTimestamp(now, existing)}_${migrationSlug(name)}`);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "migration.sql");
  writeFileSync(file, sql.endsWith("\n") ? sql : sql + "\n");
  return file;
}

interface Scratch {
  target: DiffDatabase;
  sql: SqlRunner;
  describe: string;
  close(): Promise<void>;
}

/** A throwaway database with every committed migration applied. */
async function scratchDatabase(files: MigrationFile[]): Promise<Scratch> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `forumdesa_migration_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    try {
      const db = await openDatabase({ databaseUrl: u.toString(), migrate: false, poolSize: 2 });
      await applyMigrations(db.sql, files);
      return {
        target: { url: u.toString() },
        sql: db.sql,
        describe: `temporary PostgreSQL database ${name}`,
        async close() {
          await db.close();
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        },
      };
    } catch (err) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
      throw err;
    }
  }
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const db = wrapPglite(pglite);
  await applyMigrations(db.sql, files);
  return { target: { pglite }, sql: db.sql, describe: "in-memory PGlite", close: () => db.close() };
}

export interface NewMigrationOptions {
  name?: string;
  check?: boolean;
  empty?: boolean;
  migrations?: string;
  schemaFiles?: SchemaFile[];
  now?: Date;
  log?: (line: string) => void;
  /** A database to use instead of a throwaway one (tests); the committed migrations are applied to it. */
  database?: { target: DiffDatabase; sql: SqlRunner };
}

/** Returns the path written (or null), and the diff found. */
export async function newMigration(o: NewMigrationOptions): Promise<{ file: string | null; diff: SchemaDiff | null }> {
  const log = o.log ?? ((l: string) => console.log(l));
  const dir = o.migrations ?? migrationsDir;
  const existing = readMigrations(dir);
  if (o.empty) {
    const file = writeMigration(dir, o.name!, "-- This is an empty migration.\n", o.now ?? new Date(), existing);
    log(`Created ${path.relative(process.cwd(), file)} (empty: write your SQL there).`);
    return { file, diff: null };
  }
  const scratch: Scratch = o.database
    ? { ...o.database, describe: "given database", close: async () => {} }
    : await scratchDatabase(existing);
  if (o.database) await applyMigrations(o.database.sql, existing);
  try {
    log(`Applied ${existing.length} committed migration(s) to a ${scratch.describe}.`);
    const diff = await diffDatabaseToSchema(scratch.target, o.schemaFiles ?? readSchemaFiles());
    if (o.check) {
      if (diff.empty) log("prisma/schema matches the committed migrations.");
      else log(`prisma/schema differs from the committed migrations. A new migration would contain:\n\n${diff.sql}`);
      return { file: null, diff };
    }
    if (diff.empty) {
      log("No schema changes: no migration created. (Use --empty for a hand-written one.)");
      return { file: null, diff };
    }
    // The generated SQL must apply cleanly and leave nothing behind, or it is not written.
    await scratch.sql.transaction(async (tx) => tx.exec(diff.sql));
    const after = await diffDatabaseToSchema(scratch.target, o.schemaFiles ?? readSchemaFiles());
    if (!after.empty) throw new Error(`the generated SQL does not reach the schema; still missing:\n${after.sql}`);
    const file = writeMigration(dir, o.name!, diff.sql, o.now ?? new Date(), existing);
    log(`Created ${path.relative(process.cwd(), file)}:\n\n${diff.sql}`);
    return { file, diff };
  } finally {
    await scratch.close();
  }
}

async function main(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const unknown = [...flags].filter((f) => !["--check", "--empty"].includes(f));
  const name = argv.find((a) => !a.startsWith("--"));
  if (unknown.length || (!name && !flags.has("--check"))) {
    console.error("Usage: npm run migration:new -- <name> [--empty]   |   npm run migration:new -- --check");
    return 64;
  }
  if (name) migrationSlug(name); // fail on a bad name before the slow part
  const { diff } = await newMigration({ name, check: flags.has("--check"), empty: flags.has("--empty") });
  return flags.has("--check") && diff && !diff.empty ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`migration:new failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}

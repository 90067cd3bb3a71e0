import { createHash } from "node:crypto";
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../../src/infra/db.js";
import { applyMigrations, readMigrations, type MigrationFile } from "../../src/infra/migrate.js";
import { openMigratedScratch, tempDir } from "../support/infra.js";

// Applies to whichever engine this run uses (PGlite by default, PostgreSQL when DATABASE_URL is
// set); CI runs both.
let scratch: Awaited<ReturnType<typeof openMigratedScratch>>;
let db: Database;
const files = readMigrations();

beforeAll(async () => {
  scratch = await openMigratedScratch();
  db = scratch.db;
});
afterAll(async () => scratch?.close());

type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number };
const bookkeeping = (d: Database) =>
  d.sql.query<Row>(`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);

describe("committed migrations", () => {
  it("are named and laid out like Prisma's (timestamp_name/migration.sql), with the lock file", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const m of files) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect(files.map((m) => m.name)).toEqual([...files.map((m) => m.name)].sort());
  });

  it("are recorded in _prisma_migrations with the sha256 of each file, as `prisma migrate deploy` does", async () => {
    const rows = await bookkeeping(db);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    for (const [i, r] of rows.entries()) {
      expect(r.checksum).toBe(createHash("sha256").update(files[i]!.sql).digest("hex"));
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
      expect(Number(r.applied_steps_count)).toBe(1);
    }
  });

  it("a second start applies nothing", async () => {
    expect(await applyMigrations(db.sql, files)).toEqual([]);
    expect(await bookkeeping(db)).toHaveLength(files.length);
  });

  it("a migration edited after it was applied stops the start with its name", async () => {
    const edited: MigrationFile[] = files.map((m, i) => (i === 0 ? { ...m, sql: m.sql + "\n-- edited\n", checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(db.sql, edited)).rejects.toThrow(`Migration ${files[0]!.name} was changed after it was applied`);
  });

  it("a new migration is applied once and recorded; a failing one leaves nothing behind", async () => {
    const good: MigrationFile = { name: "29991231000000_probe", sql: `CREATE TABLE "probe_rows" ("id" SERIAL NOT NULL, CONSTRAINT "probe_rows_pkey" PRIMARY KEY ("id"));`, checksum: "a".repeat(64) };
    expect(await applyMigrations(db.sql, [...files, good])).toEqual([good.name]);
    expect(await applyMigrations(db.sql, [...files, good])).toEqual([]);
    expect((await bookkeeping(db)).at(-1)!.migration_name).toBe(good.name);

    const bad: MigrationFile = {
      name: "29991231000001_broken",
      sql: `CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;`,
      checksum: "b".repeat(64),
    };
    await expect(applyMigrations(db.sql, [...files, good, bad])).rejects.toThrow(/no_such_table/);
    const left = await db.sql.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    expect(left).toHaveLength(0);
    expect((await bookkeeping(db)).map((r) => r.migration_name)).not.toContain(bad.name);

    await db.sql.exec(`DROP TABLE "probe_rows"; DELETE FROM "_prisma_migrations" WHERE migration_name = '${good.name}'`);
  });
});

describe("first start on an empty database", () => {
  it.runIf(!!process.env.DATABASE_URL)("PostgreSQL: two instances starting together apply each migration exactly once", async () => {
    const name = `forumdesa_fresh_${process.pid}_${Date.now() % 100000}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    try {
      const [a, b] = await Promise.all([openDatabase({ databaseUrl: u.toString(), poolSize: 2 }), openDatabase({ databaseUrl: u.toString(), poolSize: 2 })]);
      const rows = await bookkeeping(a);
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
      expect(await a.prisma.forum.count()).toBe(0);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it.runIf(!process.env.DATABASE_URL)("PGlite: the DATA_DIR is migrated at open, locked while open, and reopened without changes", async () => {
    // The run's global setup already migrates a brand-new PGlite folder from nothing (~6 s); this
    // reopens a copy of it through the app's own openDatabase, as a restart does.
    const root = tempDir();
    const dataDir = path.join(root, "data");
    try {
      cpSync(inject("pgliteTemplate")!, dataDir, { recursive: true });
      const first = await openDatabase({ dataDir });
      expect(existsSync(path.join(dataDir, "forumdesa.lock"))).toBe(true);
      expect(await applyMigrations(first.sql, files)).toEqual([]);
      await first.prisma.forum.create({ data: { name: "Forum Uji" } });
      await first.close();
      expect(existsSync(path.join(dataDir, "forumdesa.lock"))).toBe(false);

      const again = await openDatabase({ dataDir });
      expect((await bookkeeping(again)).map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
      expect(await again.prisma.forum.count()).toBe(1);
      await again.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

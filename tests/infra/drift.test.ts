import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "../../src/infra/migrate.js";
import { diffDatabaseToSchema, readSchemaFiles } from "../../scripts/lib/schema-engine.js";
import { migrationSlug, migrationTimestamp, newMigration } from "../../scripts/new-migration.js";
import { openMigratedScratch, tempDir } from "../support/infra.js";

// Prisma's own schema engine (WASM) compares the database that the committed SQL migrations
// produce with prisma/schema/*.prisma — every area's file, whoever wrote it.
let scratch: Awaited<ReturnType<typeof openMigratedScratch>>;

beforeAll(async () => {
  scratch = await openMigratedScratch();
});
afterAll(async () => scratch?.close());

describe("schema drift", () => {
  it("the migrated database matches prisma/schema/*.prisma exactly", async () => {
    const diff = await diffDatabaseToSchema(scratch.target);
    // On failure this prints the SQL a new migration would need: run `npm run migration:new -- <name>`.
    expect(diff.sql, "prisma/schema/*.prisma and prisma/migrations disagree").toBe("");
    expect(diff.empty).toBe(true);
  });

  it("a new model in the schema is reported, and migration:new writes SQL that closes the gap", async () => {
    const migrations = tempDir("forumdesa-mig-");
    const committed = readMigrations();
    for (const m of committed) {
      const dir = path.join(migrations, m.name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "migration.sql"), m.sql);
    }
    const probe = {
      path: "/virtual/prisma/schema/zz_probe.prisma",
      content: `model DriftProbe {\n  id      Int    @id @default(autoincrement())\n  forumId Int    @map("forum_id")\n  note    String?\n\n  @@index([forumId])\n  @@map("drift_probes")\n}\n`,
    };
    const files = [...readSchemaFiles(), probe];

    const before = await diffDatabaseToSchema(scratch.target, files);
    expect(before.empty).toBe(false);
    expect(before.sql).toContain(`CREATE TABLE "drift_probes"`);
    expect(before.sql).toContain(`CREATE INDEX "drift_probes_forum_id_idx" ON "drift_probes"("forum_id");`);

    const logs: string[] = [];
    const { file } = await newMigration({
      name: "Drift probe!",
      migrations,
      schemaFiles: files,
      now: new Date("2001-01-01T00:00:00Z"), // earlier than every committed one: the name must still sort last
      log: (l) => logs.push(l),
      database: { target: scratch.target, sql: scratch.db.sql }, // the scratch is migrated already
    });
    expect(file).not.toBeNull();
    const folder = path.basename(path.dirname(file!));
    expect(folder).toMatch(/^\d{14}_drift_probe$/);
    expect(folder > committed.at(-1)!.name).toBe(true);
    expect(readFileSync(file!, "utf8")).toContain(`CREATE TABLE "drift_probes"`);
    expect(logs.join("\n")).toContain("Created");
    rmSync(migrations, { recursive: true, force: true });
  }, 60_000);

  it("a column dropped behind Prisma's back is caught", async () => {
    await scratch.db.sql.exec(`ALTER TABLE "forums" DROP COLUMN "timezone"`);
    const diff = await diffDatabaseToSchema(scratch.target);
    expect(diff.empty).toBe(false);
    expect(diff.sql).toMatch(/ALTER TABLE "forums" ADD COLUMN\s+"timezone" TEXT NOT NULL DEFAULT 'Asia\/Jakarta'/);
  });
});

describe("migration names", () => {
  it("are slugged, and timestamps always sort after the newest committed migration", () => {
    expect(migrationSlug("Add Meetings & RSVPs")).toBe("add_meetings_rsvps");
    expect(() => migrationSlug("!!!")).toThrow(/letters or digits/);
    const existing = [{ name: "20261128050000_voting", sql: "", checksum: "" }];
    expect(migrationTimestamp(new Date("2030-01-02T03:04:05Z"), existing)).toBe("20300102030405");
    expect(migrationTimestamp(new Date("2020-01-01T00:00:00Z"), existing)).toBe("20261128050001");
  });

  it("--empty writes an empty migration for hand-written SQL, without touching a database", async () => {
    const migrations = tempDir("forumdesa-mig-");
    try {
      const { file } = await newMigration({ name: "isi kategori awal", empty: true, migrations, now: new Date("2030-05-06T07:08:09Z"), log: () => {} });
      expect(path.relative(migrations, file!)).toBe(path.join("20300506070809_isi_kategori_awal", "migration.sql"));
      expect(readFileSync(file!, "utf8")).toBe("-- This is an empty migration.\n");
    } finally {
      rmSync(migrations, { recursive: true, force: true });
    }
  });
});

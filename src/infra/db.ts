import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
// PGlite (and its extension) is loaded only when the embedded database is used.
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations, type SqlRunner } from "./migrate.js";

export type Prisma = InstanceType<typeof PrismaClient>;
export type DbEngine = "postgres" | "pglite";

export interface Database {
  prisma: Prisma;
  engine: DbEngine;
  sql: SqlRunner;
  close(): Promise<void>;
}

export class DatabaseUnavailable extends Error {}
export class DataDirLocked extends Error {}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  migrate?: boolean;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.poolSize) : await openPglite(opts.dataDir ?? "./data");
  if (opts.migrate !== false) {
    try {
      await applyMigrations(db.sql);
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {}); // idle-client errors surface on the next query instead of crashing
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailable(`DATABASE_URL: cannot connect to PostgreSQL (${(err as Error).message})`);
  }
  const sql: SqlRunner = {
    async exec(text) {
      await pool.query(text);
    },
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      const tx: SqlRunner = {
        async exec(text) {
          await client.query(text);
        },
        async query(text, params) {
          return (await client.query(text, params as unknown[])).rows;
        },
        transaction: (f) => f(tx),
      };
      try {
        await client.query("BEGIN");
        await fn(tx);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
  };
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    engine: "postgres",
    sql,
    async close() {
      await prisma.$disconnect().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}

/**
 * Two processes on one PGlite folder corrupt its indexes, so the folder is guarded by a lock
 * file holding the owner's pid; a lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const lockPath = path.join(dir, "forumdesa.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(readFileSync(lockPath, "utf8").trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLocked(
          `DATA_DIR ${dir} is in use by another Forum Desa process (pid ${pid}). Stop it first, or set DATABASE_URL to share PostgreSQL between processes.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLocked(`DATA_DIR ${dir}: could not take the lock file`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export const PGLITE_SHARED_BUFFERS = "32MB";

export async function openPglite(dir: string, opts: { lock?: boolean } = {}): Promise<Database> {
  mkdirSync(dir, { recursive: true }); // PGlite does not create parent folders
  const unlock = opts.lock === false ? () => {} : lockDataDir(dir);
  let pgl: PGlite;
  try {
    const [{ PGlite }, { pg_trgm }] = await Promise.all([import("@electric-sql/pglite"), import("@electric-sql/pglite/contrib/pg_trgm")]);
    // shared_buffers lives inside this process with PGlite, and Postgres' default of 128 MB was
    // ~120 MB of the bot's idle RSS; 32 MB holds a forum's hot rows, and a miss is a read from
    // the OS's page cache (docs/performance.md, "Memory and cold start").
    pgl = await PGlite.create(path.join(dir, "pgdata"), {
      extensions: { pg_trgm },
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
  } catch (err) {
    unlock();
    throw err;
  }
  return wrapPglite(pgl, unlock);
}

export function wrapPglite(pgl: PGlite, onClose: () => void = () => {}): Database {
  const runner = (q: Pick<PGlite, "exec" | "query">): SqlRunner => ({
    async exec(text) {
      await q.exec(text);
    },
    async query(text, params) {
      return (await q.query(text, params as unknown[])).rows as never[];
    },
    transaction: async (fn) => {
      await pgl.transaction(async (t) => fn(runner(t)));
    },
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pgl) });
  return {
    prisma,
    engine: "pglite",
    sql: runner(pgl),
    async close() {
      await prisma.$disconnect().catch(() => {});
      await pgl.close().catch(() => {});
      onClose();
    },
  };
}

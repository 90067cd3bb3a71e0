// Prisma's schema engine as WebAssembly, driven through a driver adapter: it diffs a live database
// (migrated by our own applier, src/infra/migrate.ts) against prisma/schema/*.prisma. Used by
// `npm run migration:new` and by the schema drift test; never by the running bot.
//
// Why each piece is here:
// - The engine talks to the database through the *error-capturing* adapter protocol (every call
//   returns `{ ok, value | error }`). A plain adapter factory makes it crash with "Cannot read
//   properties of undefined (reading 'valueOf')", so factories go through
//   bindMigrationAwareSqlAdapterFactory, as Prisma's own CLI does.
// - The `prisma` package ships the engine build that matches its own version
//   (node_modules/prisma/build/schema_engine_bg.wasm, engines d1b3f377… for 7.10.1), but not its JS
//   glue; @prisma/schema-engine-wasm (7.10.0) provides glue with identical imports. We prefer the
//   CLI's build when its imports match and fall back to the package's own .wasm otherwise.
// - Node 20 cannot import a .wasm file as an ES module, so the module is instantiated by hand.
// - adapter-pg cannot read PostgreSQL `"char"` columns (oid 18), which the engine's catalog
//   queries return; they are read as text instead.
// - The engine's 10 s timers are unref'd so a finished script exits on its own.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface SchemaFile {
  path: string;
  content: string;
}

interface EngineModule {
  version(): string;
  SchemaEngine: { new: (options: { datamodels: [string, string][] }, log: (msg: string) => void, adapter: object) => Promise<Engine> };
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  [key: string]: unknown;
}

interface Engine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string }>;
  free(): void;
}

type DiffTarget =
  | { tag: "empty" }
  | { tag: "schemaDatamodel"; files: SchemaFile[] }
  | { tag: "schemaDatasource"; files: SchemaFile[]; configDir: string };

let loaded: Promise<{ module: EngineModule; wasm: string }> | null = null;

/** Loads the engine once per process; `wasm` tells which build was used. */
export function loadSchemaEngine() {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const glue = (await import(pathToFileURL(path.join(pkgDir, "schema_engine_bg.js")).href)) as EngineModule;
    const imports: Record<string, unknown> = { ...glue };
    for (const key of Object.keys(glue)) {
      if (key.startsWith("__wbg_setTimeout_")) {
        imports[key] = (fn: () => void, ms: number) => {
          const t = setTimeout(fn, ms >>> 0);
          t.unref();
          return t;
        };
      }
    }
    const candidates = [path.join(projectRoot, "node_modules", "prisma", "build", "schema_engine_bg.wasm"), path.join(pkgDir, "schema_engine_bg.wasm")];
    const own = new WebAssembly.Module(readFileSync(candidates[1]!));
    const ownImports = WebAssembly.Module.imports(own).map((i) => `${i.module}:${i.name}`).sort().join();
    let chosen = own;
    let wasm = candidates[1]!;
    if (existsSync(candidates[0]!)) {
      const cli = new WebAssembly.Module(readFileSync(candidates[0]!));
      if (WebAssembly.Module.imports(cli).map((i) => `${i.module}:${i.name}`).sort().join() === ownImports) {
        chosen = cli;
        wasm = candidates[0]!;
      }
    }
    const instance = await WebAssembly.instantiate(chosen, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return { module: glue, wasm };
  })();
  return loaded;
}

/** Every .prisma file of the schema folder, sorted by name. */
export function readSchemaFiles(dir = path.join(projectRoot, "prisma", "schema")): SchemaFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(dir, f), content: readFileSync(path.join(dir, f), "utf8") }));
}

/** A database the engine can introspect: an open PGlite, or a PostgreSQL URL. */
export type DiffDatabase = { pglite: PGlite } | { url: string };

function factoryFor(db: DiffDatabase): SqlMigrationAwareDriverAdapterFactory {
  if ("pglite" in db) {
    const inner = new PrismaPGlite(db.pglite);
    return {
      provider: "postgres",
      adapterName: inner.adapterName,
      connect: () => inner.connect(),
      // Only `migrate dev`-style commands need a shadow; ours loads pg_trgm like the app and is closed.
      async connectToShadowDb() {
        const shadow = await PGlite.create({ extensions: { pg_trgm } });
        const adapter = await new PrismaPGlite(shadow).connect();
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await dispose();
          await shadow.close();
        };
        return adapter;
      },
    };
  }
  const inner = new PrismaPg({ connectionString: db.url });
  return {
    provider: "postgres",
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      const io = (adapter as unknown as { performIO: (q: unknown) => Promise<{ fields: Array<{ dataTypeID: number }> }> }).performIO.bind(adapter);
      (adapter as unknown as { performIO: typeof io }).performIO = async (q) => {
        const r = await io(q);
        for (const f of r.fields) if (f.dataTypeID === 18) f.dataTypeID = 25; // "char" → text
        return r;
      };
      return adapter;
    },
    connectToShadowDb() {
      throw new Error("a shadow database is not used: migrations are applied by src/infra/migrate.ts and the live database is diffed");
    },
  };
}

export interface SchemaDiff {
  /** True when the database already matches the schema. */
  empty: boolean;
  /** The SQL that would bring the database to the schema, in Prisma's migration style. */
  sql: string;
}

/**
 * What SQL would turn `db` (already migrated) into the schema. Prisma's own bookkeeping table is
 * ignored by the engine.
 */
export async function diffDatabaseToSchema(db: DiffDatabase, files: SchemaFile[] = readSchemaFiles()): Promise<SchemaDiff> {
  const { module } = await loadSchemaEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(factoryFor(db));
  const engine = await module.SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, () => {}, adapter);
  try {
    const r = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: projectRoot },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = r.stdout.trim() === "-- This is an empty migration." ? "" : r.stdout;
    return { empty: r.exitCode === 0 && sql === "", sql };
  } finally {
    engine.free();
  }
}

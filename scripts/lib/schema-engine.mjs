// Loads Prisma's WASM schema engine by hand: its package imports a .wasm file as an ES module,
// which Node 20 cannot do. Used only by scripts (new migration, schema drift check).
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";


export async function loadSchemaEngine() {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "node_modules", "@prisma", "schema-engine-wasm");
  const bg = await import(path.join(dir, "schema_engine_bg.js"));
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

export function readSchemaFiles(root) {
  const dir = path.join(root, "prisma", "schema");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(dir, f), content: readFileSync(path.join(dir, f), "utf8") }));
}

export const noFilters = { externalTables: [], externalEnums: [] };

// The engine calls the factory's methods detached from the object; bind them.
export function bindFactory(factory) {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => bindAll(await factory.connect()),
    connectToShadowDb: async () => bindAll(await factory.connectToShadowDb()),
  };
}

function bindAll(obj) {
  return new Proxy(obj, {
    get(target, key) {
      const v = Reflect.get(target, key, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

// Regenerates api-spec.json (a compact copy of the Bot API spec used by the fake
// for request validation) from the full machine-readable spec.
// Usage: node src/emulator/gen-spec.mjs [path/to/api.min.json]
// Source data: PaulSonOfLars/telegram-bot-api-spec (MIT licence, see SPEC-LICENSE).
import { readFileSync, writeFileSync } from "node:fs";

const src = process.argv[2] ?? "/work/shared/telegram-bot-api-spec/api.min.json";
const full = JSON.parse(readFileSync(src, "utf8"));
const constOf = (f) => {
  const d = f.description ?? "";
  const m = /(?:must be|always) [“"]?([a-z_]+)[”"]?(?:$|[\s.,;])/.exec(d);
  return m && (f.name === "type" || f.name === "status" || f.name === "source") ? m[1] : undefined;
};
const out = { version: full.version, release_date: full.release_date, methods: {}, types: {} };
for (const [name, m] of Object.entries(full.methods)) {
  out.methods[name] = { r: m.returns ?? [], f: (m.fields ?? []).map((f) => [f.name, f.types, !!f.required]) };
}
for (const [name, t] of Object.entries(full.types)) {
  const e = { f: (t.fields ?? []).map((f) => { const c = constOf(f); return c ? [f.name, f.types, !!f.required, c] : [f.name, f.types, !!f.required]; }) };
  if (t.subtypes) e.s = t.subtypes;
  if (!t.fields) e.nofields = true;
  out.types[name] = e;
}
writeFileSync(new URL("./api-spec.json", import.meta.url), JSON.stringify(out));
console.log("methods", Object.keys(out.methods).length, "types", Object.keys(out.types).length);

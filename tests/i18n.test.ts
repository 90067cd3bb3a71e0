import { readdirSync, readFileSync } from "node:fs";
import { callArgs, tsFiles } from "./support/code-scan.js";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { features } from "../src/bot/features/index.js";
import { Role } from "../src/generated/prisma/enums.js";

// Generic over every area: whoever adds locales/<lang>/<area>.ftl or code using ctx.t(...) is
// checked without touching this file. Indonesian (id) is the reference; English (en) mirrors it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LANGS = ["id", "en"] as const;

interface Entry {
  id: string;
  file: string;
  line: number;
  attributes: string[];
  vars: Set<string>;
}

type Pattern = string | Array<string | Expr>;
interface Expr {
  type: string;
  name?: string;
  attr?: string | null;
  selector?: Expr;
  variants?: Array<{ value: Pattern }>;
  args?: Expr[];
  value?: Expr;
}

function collectVars(p: Pattern | null | undefined, out: Set<string>) {
  if (!p || typeof p === "string") return;
  for (const el of p) if (typeof el !== "string") walk(el, out);
}
function walk(e: Expr, out: Set<string>) {
  if (e.type === "var" && e.name) out.add(e.name);
  if (e.selector) walk(e.selector, out);
  for (const v of e.variants ?? []) collectVars(v.value, out);
  for (const a of e.args ?? []) walk(a.type === "narg" && a.value ? a.value : a, out);
}

/** Parses one .ftl file strictly: the runtime parser silently drops broken entries, this does not. */
function parseFtl(file: string): { entries: Entry[]; errors: string[]; resource: FluentResource } {
  const src = readFileSync(file, "utf8");
  const rel = path.relative(root, file);
  const resource = new FluentResource(src);
  const errors: string[] = [];
  const lines = src.split(/\r?\n/);
  const starts: Array<{ id: string; line: number }> = [];
  lines.forEach((l, i) => {
    const m = /^(-?[a-zA-Z][\w-]*) *=/.exec(l);
    if (m) starts.push({ id: m[1]!, line: i + 1 });
    else if (l.trim() !== "" && !l.startsWith("#") && !/^[ \t]/.test(l)) {
      errors.push(`${rel}:${i + 1}: not a message, comment or indented continuation: ${JSON.stringify(l.slice(0, 60))}`);
    }
  });
  const parsed = resource.body as unknown as Array<{ id: string; value: Pattern | null; attributes: Record<string, Pattern> }>;
  const entries: Entry[] = [];
  let j = 0;
  for (const s of starts) {
    const e = parsed[j];
    if (!e || e.id !== s.id) {
      errors.push(`${rel}:${s.line}: syntax error in "${s.id}" (the Fluent parser skipped it)`);
      continue;
    }
    j++;
    const vars = new Set<string>();
    collectVars(e.value, vars);
    for (const a of Object.values(e.attributes ?? {})) collectVars(a, vars);
    entries.push({ id: e.id, file: rel, line: s.line, attributes: Object.keys(e.attributes ?? {}).sort(), vars });
  }
  return { entries, errors, resource };
}

function ftlFiles(lang: string): string[] {
  const dir = path.join(root, "locales", lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ftl"))
    .sort();
}

const parsed = Object.fromEntries(
  LANGS.map((lang) => [lang, Object.fromEntries(ftlFiles(lang).map((f) => [f, parseFtl(path.join(root, "locales", lang, f))]))]),
) as Record<(typeof LANGS)[number], Record<string, ReturnType<typeof parseFtl>>>;

/** Every message id of a language (terms excluded), across all its files. */
function keysOf(lang: (typeof LANGS)[number]): Set<string> {
  return new Set(Object.values(parsed[lang]).flatMap((p) => p.entries.filter((e) => !e.id.startsWith("-")).map((e) => e.id)));
}

// ---------------------------------------------------------------- code scan

const KEY = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i;

/** Literal keys and `prefix-${…}` template prefixes inside a key expression. */
function keysIn(expr: string): { keys: string[]; prefixes: string[] } {
  const keys: string[] = [];
  const prefixes: string[] = [];
  for (const m of withoutComparisons(expr).matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
    const s = m[1] ?? m[2] ?? m[3]!;
    if (m[3] !== undefined && s.includes("${")) {
      const prefix = s.slice(0, s.indexOf("${"));
      if (prefix) prefixes.push(prefix);
    } else if (KEY.test(s) && s.includes("-")) keys.push(s);
  }
  return { keys, prefixes };
}

/** `x === "warga" ? "a" : "b"`: the compared value is not a key, the branches are. */
function withoutComparisons(expr: string): string {
  return expr.replace(/[=!]==?\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g, "").replace(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*[=!]==?/g, "");
}

interface Use {
  key: string;
  where: string;
  prefix?: boolean;
}

function usesInCode(): Use[] {
  const uses: Use[] = [];
  for (const file of tsFiles(path.join(root, "src"))) {
    const src = readFileSync(file, "utf8");
    const rel = path.relative(root, file);
    const lineOf = (i: number) => src.slice(0, i).split("\n").length;
    // ctx.t("k"), c.t("k"), t("k"), i18n.t(lang, "k"), translate(lang, "k")
    for (const m of src.matchAll(/(?:\.t|\bt|\btranslate)\(/g)) {
      const before = src.slice(Math.max(0, m.index! - 9), m.index!);
      if (/function\s*$/.test(before)) continue; // a declaration, not a call
      const args = callArgs(src, m.index! + m[0].length - 1);
      if (!args.length) continue;
      const first = keysIn(args[0]!);
      const exprs = m[0].startsWith("translate") || (first.keys.length === 0 && first.prefixes.length === 0) ? [args[1] ?? ""] : [args[0]!];
      for (const e of exprs) {
        const { keys, prefixes } = keysIn(e);
        for (const key of keys) uses.push({ key, where: `${rel}:${lineOf(m.index!)}` });
        for (const key of prefixes) uses.push({ key, where: `${rel}:${lineOf(m.index!)}`, prefix: true });
      }
    }
    // validators in the bot layer return { key: "locale-key", params }
    if (rel.startsWith(path.join("src", "bot"))) {
      for (const m of src.matchAll(/\bkey:\s*["']([a-z][\w]*-[\w-]+)["']/g)) uses.push({ key: m[1]!, where: `${rel}:${lineOf(m.index!)}` });
    }
  }
  return uses;
}

function domainErrorReasons(): Use[] {
  const files = tsFiles(path.join(root, "src", "domain"));
  const classes = new Set(["NotAllowed", "NotFound", "InvalidInput", "Conflict", "DomainError"]);
  // Subclasses declared anywhere in the domain count too.
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(/class\s+(\w+)\s+extends\s+(\w+)/g)) {
        if (classes.has(m[2]!) && !classes.has(m[1]!)) {
          classes.add(m[1]!);
          grew = true;
        }
      }
    }
  }
  const uses: Use[] = [];
  const re = new RegExp(`new\\s+(${[...classes].join("|")})\\(`, "g");
  for (const f of files) {
    const src = readFileSync(f, "utf8");
    const rel = path.relative(root, f);
    for (const m of src.matchAll(re)) {
      const args = callArgs(src, m.index! + m[0].length - 1);
      if (!args.length) continue;
      for (const s of withoutComparisons(args[0]!).matchAll(/"([^"]+)"|'([^']+)'/g)) {
        uses.push({ key: `error-${s[1] ?? s[2]}`, where: `${rel}:${src.slice(0, m.index!).split("\n").length}` });
      }
    }
  }
  return uses;
}

// ---------------------------------------------------------------- tests

describe("locale files", () => {
  it("exist for both languages with the same file names", () => {
    expect(ftlFiles("en")).toEqual(ftlFiles("id"));
    expect(ftlFiles("id")).toContain("core.ftl");
  });

  it("have no Fluent syntax errors", () => {
    const errors = LANGS.flatMap((lang) => Object.values(parsed[lang]).flatMap((p) => p.errors));
    expect(errors).toEqual([]);
  });

  it.each(ftlFiles("id"))("%s has the same keys (and attributes) in id and en", (file) => {
    const shape = (lang: (typeof LANGS)[number]) =>
      (parsed[lang][file]?.entries ?? []).map((e) => (e.attributes.length ? `${e.id} .${e.attributes.join(" .")}` : e.id)).sort();
    const id = shape("id");
    const en = shape("en");
    expect(
      { onlyInId: id.filter((k) => !en.includes(k)), onlyInEn: en.filter((k) => !id.includes(k)) },
      `locales/id/${file} and locales/en/${file} must define the same keys`,
    ).toEqual({ onlyInId: [], onlyInEn: [] });
  });

  it("define each key once per language (files are merged into one bundle)", () => {
    for (const lang of LANGS) {
      const seen = new Map<string, string>();
      const dupes: string[] = [];
      for (const p of Object.values(parsed[lang])) {
        for (const e of p.entries) {
          const at = `${e.file}:${e.line}`;
          if (seen.has(e.id)) dupes.push(`${e.id} (${seen.get(e.id)} and ${at})`);
          else seen.set(e.id, at);
        }
      }
      expect(dupes, `duplicate keys in locales/${lang}`).toEqual([]);
    }
  });

  it("format without errors: references to other messages, terms and functions resolve", () => {
    for (const lang of LANGS) {
      const bundle = new FluentBundle(lang, { useIsolating: false });
      for (const p of Object.values(parsed[lang])) bundle.addResource(p.resource);
      const problems: string[] = [];
      for (const p of Object.values(parsed[lang])) {
        for (const e of p.entries) {
          if (e.id.startsWith("-")) continue;
          const msg = bundle.getMessage(e.id)!;
          const args = Object.fromEntries([...e.vars].map((v) => [v, 1]));
          const errors: Error[] = [];
          if (msg.value) bundle.formatPattern(msg.value, args, errors);
          for (const a of Object.values(msg.attributes)) bundle.formatPattern(a, args, errors);
          for (const err of errors) problems.push(`${e.file}:${e.line} ${e.id}: ${err.message}`);
        }
      }
      expect(problems).toEqual([]);
    }
  });
});

describe("keys used by the code exist", () => {
  const id = keysOf("id");

  it("every literal key in ctx.t / c.t / t / translate calls (and every `prefix-${…}` has some key)", () => {
    const uses = usesInCode();
    expect(uses.length).toBeGreaterThan(50); // the scan itself works
    const missing = uses.filter((u) => (u.prefix ? ![...id].some((k) => k.startsWith(u.key)) : !id.has(u.key))).map((u) => `${u.key}${u.prefix ? "…" : ""} (${u.where})`);
    expect(missing).toEqual([]);
  });

  it("error-<reason> for every reason a domain error is thrown with", () => {
    const uses = domainErrorReasons();
    expect(uses.length).toBeGreaterThan(10);
    expect(uses.filter((u) => !id.has(u.key)).map((u) => `${u.key} (${u.where})`)).toEqual([]);
  });

  it("cmd-<command> for every command, and menu-<command> for private ones", () => {
    const missing: string[] = [];
    for (const f of features) {
      for (const c of f.commands ?? []) {
        if (c.aliasOf) continue; // another name for a listed command: never in menus or help
        if (!id.has(`cmd-${c.command}`)) missing.push(`cmd-${c.command} (feature ${f.name})`);
        // start, bantuan and batal are the menu itself, not buttons on it (see menuKeyboard in start.ts)
        const onMenu = c.scopes.includes("private") && !["start", "menu", "bantuan", "batal"].includes(c.command);
        if (onMenu && !id.has(`menu-${c.command}`)) missing.push(`menu-${c.command} (feature ${f.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("role-<role> for every Role", () => {
    expect(Object.values(Role).filter((r) => !id.has(`role-${r}`))).toEqual([]);
  });
});

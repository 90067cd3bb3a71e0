import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { TERM_PLACEABLES, translate } from "../src/bot/lib/terms.js";
import { jabatanAt, jabatanLabel } from "../src/bot/lib/jabatan.js";
import { tFor } from "../src/bot/lib/terms.js";
import { JABATAN_KEYS } from "../src/domain/forum/jabatan.js";
import type { ForumTerms } from "../src/domain/forum/terms.js";

// Issue 12: a Kampung forum in Lampung Tengah reads Kampung, Kepala Kampung, BPK — never "desa" or
// "BPD". Every message of every locale file is rendered through the real mechanism (translate(),
// the same term placeables ctx.t gets), with plausible parameters and EVERY variant of every
// select expression, and the result is searched.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LANGS = ["id", "en"] as const;
const KAMPUNG: ForumTerms = { village: "kampung", council: "BPK" };

/** Proper names that keep "Desa" whatever a forum calls its villages. */
const PROPER_NAMES = [/Forum Desa/g, /Dana Desa/g, /Pendamping Desa/g, /forum-desa/g];
/** The village word, its abbreviations, and the other council's name. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/desa/i, "desa"],
  [/\b(musdes|musrenbangdes|sekdes|kades|pemdes|apbdes|rkpdes)\b/i, "abbreviation built on desa"],
  [/\bBPD\b/, "BPD (the council is BPK)"],
  [/\bMAD\b|\bBKAD\b/, "MAD/BKAD (built on desa)"],
];

type Pattern = string | Array<string | Expr>;
interface Expr {
  type: string;
  name?: string;
  selector?: Expr;
  variants?: Array<{ key: { type: string; value?: string | number; name?: string }; value: Pattern }>;
  args?: Expr[];
  value?: Expr;
}
interface Message {
  id: string;
  file: string;
  value: Pattern | null;
  attributes: Record<string, Pattern>;
}

function messages(lang: string): Message[] {
  const dir = path.join(root, "locales", lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ftl"))
    .sort()
    .flatMap((file) => {
      const res = new FluentResource(readFileSync(path.join(dir, file), "utf8"));
      return (res.body as unknown as Message[]).filter((m) => !m.id.startsWith("-")).map((m) => ({ ...m, file }));
    });
}

/** Variables a pattern uses, and for each variable used as a selector, its variant keys. */
function scan(p: Pattern | null | undefined, vars: Set<string>, selects: Map<string, Set<string | number>>) {
  if (!p || typeof p === "string") return;
  const walk = (e: Expr) => {
    if (e.type === "var" && e.name) vars.add(e.name);
    if (e.type === "select" && e.selector) {
      walk(e.selector);
      if (e.selector.type === "var" && e.selector.name) {
        const keys = selects.get(e.selector.name) ?? new Set();
        for (const v of e.variants ?? []) keys.add(v.key.type === "num" ? Number(v.key.value) : String(v.key.name ?? v.key.value));
        selects.set(e.selector.name, keys);
      }
    }
    for (const v of e.variants ?? []) scan(v.value, vars, selects);
    for (const a of e.args ?? []) walk(a.type === "narg" && a.value ? a.value : a);
  };
  for (const el of p) if (typeof el !== "string") walk(el);
}

const NUMERIC = /^(n|count|total|min|max|length|parts|days|hours|minutes|ballots|votes|villages|groups|persons|present|required|yes|no|delegate|pending|sent|failed|cancelled|skipped|support|messages|participants|needs|offers|changed|enterprises|wait|km|percent|photos|escalate|verify|row|base|id|number|checked|invited|against|abstain|for|half|winner)$/i;
const SAMPLE: Record<string, string> = {
  village: "Sukajaya",
  name: "Sutrisno",
  forum: "Forum Kecamatan Bangunrejo",
  title: "Perbaikan jalan Sukajaya–Sidorejo",
  question: "Setujukah lokasi pasar bersama di Sukajaya?",
  option: "Setuju",
  options: "Setuju, Tidak setuju",
  who: "Sutrisno",
  by: "Sari",
  date: "Senin, 7 Desember 2026 pukul 09.00 WIB",
  when: "Senin, 7 Desember 2026 pukul 09.00 WIB",
  place: "Balai Kampung Sukajaya",
  jabatan: "Kepala Kampung",
  role: "Kepala Kampung Sukajaya",
};

function sample(v: string): string | number {
  if (SAMPLE[v]) return SAMPLE[v]!;
  if (NUMERIC.test(v)) return 3;
  return `«${v}»`;
}

/** Every rendering of a message: base parameters, then each variant of each select. */
function renderings(lang: string, m: Message, terms: ForumTerms): Array<{ text: string; params: Record<string, string | number> }> {
  const vars = new Set<string>();
  const selects = new Map<string, Set<string | number>>();
  scan(m.value, vars, selects);
  for (const a of Object.values(m.attributes ?? {})) scan(a, vars, selects);
  // Term placeables come from the mechanism, never from the caller.
  for (const t of TERM_PLACEABLES) vars.delete(t);
  const base: Record<string, string | number> = {};
  for (const v of vars) base[v] = sample(v);
  const out: Array<{ text: string; params: Record<string, string | number> }> = [];
  const render = (params: Record<string, string | number>) => out.push({ text: translate(lang, m.id, params, terms), params });
  render(base);
  for (const [v, keys] of selects) {
    if ((TERM_PLACEABLES as readonly string[]).includes(v)) continue;
    for (const k of keys) render({ ...base, [v]: k === "other" ? 7 : k });
  }
  return out;
}

function problems(text: string): string[] {
  let t = text;
  for (const re of PROPER_NAMES) t = t.replace(re, "");
  const found = FORBIDDEN.filter(([re]) => re.test(t)).map(([, why]) => why);
  if (/\{\s*\$?[\w-]+\s*\}/.test(text)) found.push("unfilled placeable");
  return found;
}

describe("a Kampung forum (Lampung Tengah: Kampung, Kepala Kampung, BPK)", () => {
  for (const lang of LANGS) {
    it(`every message of every locales/${lang} file has no desa, BPD or unfilled placeable`, () => {
      const all = messages(lang).filter((m) => !m.id.startsWith("term-"));
      const bad: string[] = [];
      let renders = 0;
      for (const m of all) {
        for (const r of renderings(lang, m, KAMPUNG)) {
          renders++;
          const p = problems(r.text);
          if (p.length) bad.push(`${m.file} ${m.id} [${p.join(", ")}]: ${r.text.replace(/\s+/g, " ").slice(0, 160)}`);
        }
      }
      expect(all.length).toBeGreaterThan(1000); // the scan itself works
      expect(renders).toBeGreaterThan(all.length);
      expect(bad).toEqual([]);
      // Counted for the report: how many keys and renderings this checks.
      console.info(`[kampung render] ${lang}: ${all.length} keys, ${renders} renderings`);
    });
  }

  it("the term messages themselves say Kampung, Kepala Kampung, BPK, Badan Permusyawaratan Kampung", () => {
    const params = { village: KAMPUNG.village, council: KAMPUNG.council };
    expect(translate("id", "term-desa", params, KAMPUNG)).toBe("kampung");
    expect(translate("id", "term-desa-cap", params, KAMPUNG)).toBe("Kampung");
    expect(translate("id", "term-kepala", params, KAMPUNG)).toBe("Kepala Kampung");
    expect(translate("id", "term-bpd-long", params, KAMPUNG)).toBe("Badan Permusyawaratan Kampung");
  });

  it("every position reads in the forum's words, alone and at a village", () => {
    const t = tFor("id", KAMPUNG);
    for (const key of JABATAN_KEYS) {
      for (const text of [jabatanLabel(t, key), jabatanAt(t, key, "Sukajaya")]) expect(problems(text), `${key}: ${text}`).toEqual([]);
    }
    expect(jabatanAt(t, "kepala", "Sukajaya")).toBe("Kepala Kampung Sukajaya");
    expect(jabatanAt(t, "ketua_bpd", "Sukajaya")).toBe("Ketua BPK Kampung Sukajaya");
    expect(jabatanAt(t, null, "Sukajaya")).toBe("Perangkat Kampung Sukajaya");
    expect(jabatanAt(t, "Bendahara", "Sukajaya")).toBe("Bendahara Kampung Sukajaya");
    expect(jabatanAt(t, "Kepala Kampung", "Sukajaya")).toBe("Kepala Kampung Sukajaya");
  });

  it("a Desa forum keeps its own words (the default)", () => {
    const desa: ForumTerms = { village: "desa", council: "BPD" };
    expect(translate("id", "jabatan-ketua_bpd", {}, desa)).toBe("Ketua BPD");
    expect(jabatanAt(tFor("id", desa), "kepala", "Sukajaya")).toBe("Kepala Desa Sukajaya");
  });
});

describe("Indonesian wording (issue 12)", () => {
  const id = messages("id");
  const text = (m: Message) => {
    const vars = new Set<string>();
    const sel = new Map<string, Set<string | number>>();
    scan(m.value, vars, sel);
    return renderings("id", m, KAMPUNG).map((r) => r.text);
  };

  it("one form of address: Bapak/Ibu, never Anda or kamu", () => {
    const bad = id.filter((m) => text(m).some((t) => /\b(Anda|anda|kamu|Kamu)\b/.test(t))).map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it("buttons are pressed (Tekan), not clicked or tapped", () => {
    const bad = id.filter((m) => text(m).some((t) => /\b(klik|ketuk|sentuh)\b/i.test(t))).map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it("a joining code is a kode gabung and undangan is only a meeting invitation", () => {
    const bad = id
      .filter((m) => !m.id.startsWith("musyawarah-") && !m.id.startsWith("error-meeting") && !/bursa-(mad|btn-send-invite)|help-|start-|bursa-mediator/.test(m.id))
      .filter((m) => text(m).some((t) => /\bundangan\b/i.test(t) && !/undangan musyawarah|undangan MA[DKNGPT]\b/i.test(t)))
      .map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it("RSVP is Akan hadir / Berhalangan / Diwakilkan; Hadir alone is the daftar hadir", () => {
    expect(translate("id", "musyawarah-btn-yes", {}, KAMPUNG)).toContain("Akan hadir");
    expect(translate("id", "musyawarah-btn-no", {}, KAMPUNG)).toContain("Berhalangan");
    expect(translate("id", "musyawarah-btn-delegate", {}, KAMPUNG)).toContain("Diwakilkan");
    const rsvp = id.filter((m) => /^musyawarah-(answer|btn)-(yes|no)$/.test(m.id)).flatMap(text);
    for (const t of rsvp) expect(t).not.toMatch(/Tidak hadir|✅ Hadir$/);
  });

  it("a discussion's file is a rekap percakapan, not notulen", () => {
    const bad = id.filter((m) => m.id.startsWith("discussion-") || m.id === "cmd-ringkasan" || m.id === "menu-ringkasan").filter((m) => text(m).some((t) => /notulen/i.test(t)));
    expect(bad.map((m) => m.id)).toEqual([]);
  });

  it("a future deadline reads 'Batas memilih', never 'Ditutup'", () => {
    for (const key of ["vote-card-closes", "vote-deadline-chosen"]) {
      expect(translate("id", key, { date: "Jumat, 11 Desember 2026 pukul 17.00 WIB" }, KAMPUNG)).toMatch(/^Batas memilih: /);
    }
  });

  it("the QR poster says scan dengan kamera HP", () => {
    expect(translate("id", "aspirasi-qr-caption", { village: "Sukajaya", link: "https://t.me/x" }, KAMPUNG)).toContain("scan dengan kamera HP");
  });
});

// ---------------------------------------------------------------- every call passes what its text needs

// @grammyjs/i18n throws on a placeable it is not given ("Unknown variable: $role"): a renamed
// parameter would break a screen at run time. Every ctx.t / t / translate call in src with a
// literal key and an object-literal parameter list is checked against the text's own variables
// (those outside select variants, and every selector; the forum's words come from the mechanism).
import { callArgs as argsAt, tsFiles as srcFiles } from "./support/code-scan.js";

/** Top-level keys of an object literal, or null when it spreads something (unknown keys). */
function literalKeys(obj: string): Set<string> | null {
  const inner = obj.trim().slice(1, -1);
  const parts = argsAt(`(${inner})`, 0);
  const keys = new Set<string>();
  for (const p of parts) {
    if (p.startsWith("...")) return null;
    const m = p.match(/^["']?([A-Za-z_$][\w$]*)["']?\s*(:|$)/);
    if (m) keys.add(m[1]!);
  }
  return keys;
}

/** Variables a message needs whatever its selects choose: outside variants, and every selector. */
function requiredVars(p: Pattern | null | undefined, out: Set<string>) {
  if (!p || typeof p === "string") return;
  for (const el of p) {
    if (typeof el === "string") continue;
    if (el.type === "var" && el.name) out.add(el.name);
    if (el.type === "select" && el.selector?.type === "var" && el.selector.name) out.add(el.selector.name);
  }
}

describe("every call gives its text the parameters it needs", () => {
  it("no ctx.t / t / translate call with a literal key misses a variable of that text", () => {
    const needs = new Map<string, Set<string>>();
    for (const m of messages("id")) {
      const req = new Set<string>();
      requiredVars(m.value, req);
      for (const t of TERM_PLACEABLES) req.delete(t);
      needs.set(m.id, req);
    }
    const problems: string[] = [];
    let checked = 0;
    for (const file of srcFiles(path.join(root, "src"))) {
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/(?:\.t|\bt|\btranslate)\(/g)) {
        if (/function\s*$/.test(src.slice(Math.max(0, m.index! - 9), m.index!))) continue;
        const args = argsAt(src, m.index! + m[0].length - 1);
        const isTranslate = m[0].startsWith("translate");
        const keyArg = args[isTranslate ? 1 : 0];
        const lit = keyArg?.match(/^"([a-z][\w-]*)"$/);
        if (!lit || !needs.has(lit[1]!)) continue;
        const paramArg = args[isTranslate ? 2 : 1];
        const given = paramArg === undefined ? new Set<string>() : paramArg.startsWith("{") ? literalKeys(paramArg) : null;
        if (given === null) continue;
        checked++;
        const missing = [...needs.get(lit[1]!)!].filter((v) => !given.has(v));
        if (missing.length) problems.push(`${path.relative(root, file)}:${src.slice(0, m.index!).split("\n").length} ${lit[1]} lacks ${missing.join(", ")}`);
      }
    }
    expect(checked).toBeGreaterThan(300); // the scan itself works
    expect(problems).toEqual([]);
  });
});

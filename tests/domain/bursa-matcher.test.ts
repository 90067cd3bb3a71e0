import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze, commodityMatches, scorePair } from "../../src/domain/bursa/matcher.js";
import { CATEGORIES } from "../../src/domain/bursa/lexicon.js";
import { overlapDays, parsePeriod } from "../../src/domain/bursa/period.js";
import { parseArea, parseCount, parseDusun, parseList, parsePhone, parsePoint, parseRupiah, PROFILE_FIELDS } from "../../src/domain/bursa/fields.js";
import { ENTERPRISE_COLUMNS, PROFILE_COLUMNS, ENTERPRISE_ALIASES, PROFILE_ALIASES, norm } from "../../src/domain/bursa/template.js";
import { evaluate } from "../../bench/bursa.js";
import { TUNED } from "../../bench/_bursa-table.js";

const NOW = new Date("2026-11-30T02:00:00Z"); // Senin, 30 November 2026 09.00 WIB
const Z = "Asia/Jakarta" as const;

function match(need: [string, string], offer: [string, string], extra: { km?: number; needPeriod?: string; offerPeriod?: string } = {}) {
  const p = (s?: string) => (s ? (parsePeriod(s, NOW, Z) as { ok: true; period: never }).period : null);
  return scorePair({
    need: analyze({ category: need[0], title: need[1] }, "need"),
    offer: analyze({ category: offer[0], title: offer[1] }, "offer"),
    distanceKm: extra.km ?? null,
    needPeriod: p(extra.needPeriod),
    offerPeriod: p(extra.offerPeriod),
  });
}

describe("matcher", () => {
  it("meets Indonesian synonyms: traktor for alsintan, bibit lele for benih ikan", () => {
    expect(match(["alat", "butuh alsintan utk olah lahan"], ["alat", "traktor bisa disewa"]).matched).toBe(true);
    expect(match(["bibit", "butuh benih ikan 5000 ekor"], ["bibit", "jual bibit lele sangkuriang"]).matched).toBe(true);
    const r = match(["alat", "butuh alsintan utk olah lahan"], ["alat", "traktor bisa disewa"]);
    expect(r.shared.length).toBeGreaterThan(0);
  });

  it("does not meet decoys: fish for eating against seed fish, two sellers, a sibling tool", () => {
    expect(match(["bibit", "butuh bibit lele"], ["hasil", "jual lele konsumsi 1 kwintal"]).matched).toBe(false);
    expect(match(["pemasaran", "gabah melimpah butuh pembeli"], ["hasil", "jual gabah 20 ton"]).matched).toBe(false);
    expect(match(["alat", "butuh combine harvester"], ["alat", "traktor roda 2 disewakan"]).matched).toBe(false);
  });

  it("refuses periods that do not overlap and discounts a tool far away", () => {
    expect(match(["alat", "butuh pengering gabah"], ["alat", "box dryer disewakan"], { needPeriod: "Juli-Agustus", offerPeriod: "Januari-Maret" }).matched).toBe(false);
    expect(match(["alat", "butuh pengering gabah"], ["alat", "box dryer disewakan"], { needPeriod: "Juli-Agustus", offerPeriod: "Juni-September" }).matched).toBe(true);
    const near = match(["alat", "butuh traktor"], ["alat", "traktor disewakan"], { km: 5 });
    const far = match(["alat", "butuh traktor"], ["alat", "traktor disewakan"], { km: 90 });
    expect(near.matched).toBe(true);
    expect(far.matched).toBe(false);
    // Teaching does not travel by road: distance hardly matters.
    expect(match(["pelatihan", "butuh pelatihan pembukuan"], ["pelatihan", "pelatihan pembukuan BUMDes"], { km: 90 }).matched).toBe(true);
  });

  it("the tuned part of the bench table passes at ≥ 0.85 (the held-out figure is reported by npm run bench -- bursa)", () => {
    const r = evaluate(TUNED);
    expect(r.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.n).toBeGreaterThanOrEqual(40);
  });

  it("finds commodities by concept for /potensi: robusta is kopi, lele is ikan", () => {
    expect(commodityMatches("kopi", "kopi robusta")).toBe(true);
    expect(commodityMatches("kopi", "robusta")).toBe(true);
    expect(commodityMatches("ikan", "budidaya lele")).toBe(true);
    expect(commodityMatches("lele", "nila")).toBe(false);
    expect(commodityMatches("gamelan", "sanggar gamelan")).toBe(true);
  });
});

describe("periods as villagers write them", () => {
  const day = (s: string) => new Date(`${s}T00:00:00+07:00`).toISOString();
  const period = (s: string) => {
    const r = parsePeriod(s, NOW, Z);
    if (!r.ok || !r.period) return r;
    return { start: r.period.start?.toISOString() ?? null, end: r.period.end?.toISOString() ?? null };
  };
  it("reads month ranges, day ranges, open ends and year changes", () => {
    expect(period("Juli–Agustus")).toEqual({ start: day("2027-07-01"), end: day("2027-09-01") });
    expect(period("1-15 Maret 2027")).toEqual({ start: day("2027-03-01"), end: day("2027-03-16") });
    expect(period("Des - Feb")).toEqual({ start: day("2026-12-01"), end: day("2027-03-01") });
    expect(period("mulai Oktober")).toEqual({ start: day("2027-10-01"), end: null });
    expect(period("akhir Agustus")).toEqual({ start: day("2027-08-21"), end: day("2027-09-01") });
    expect(period("12/07/2027 - 30/08/2027")).toEqual({ start: day("2027-07-12"), end: day("2027-08-31") });
    expect(parsePeriod("kapan saja", NOW, Z)).toEqual({ ok: true, period: null });
    expect(parsePeriod("sesudah lebaran", NOW, Z)).toEqual({ ok: false });
  });
  it("overlap: none when they do not meet, unknown when one side gave none", () => {
    const a = (parsePeriod("Juli", NOW, Z) as { ok: true; period: never }).period;
    const b = (parsePeriod("Agustus", NOW, Z) as { ok: true; period: never }).period;
    expect(overlapDays(a, b)).toBe(0);
    expect(overlapDays(a, null)).toBeNull();
  });
});

describe("profile values", () => {
  it("reads counts, areas, lists, phones and points the Indonesian way", () => {
    expect(parseCount("2.345")).toEqual({ ok: true, value: 2345 });
    expect(parseCount("± 1.200 jiwa")).toEqual({ ok: true, value: 1200 });
    expect(parseCount("seribu")).toEqual({ ok: false, reason: "not_number" });
    expect(parseCount("-5")).toEqual({ ok: false, reason: "negative" });
    expect(parseArea("1.250,5")).toEqual({ ok: true, value: 1250.5 });
    expect(parseArea("980,5 ha")).toEqual({ ok: true, value: 980.5 });
    expect(parseList("padi, jagung; kopi / lada dan karet")).toEqual({ ok: true, value: ["padi", "jagung", "kopi", "lada", "karet"] });
    expect(parseDusun("5")).toEqual({ ok: true, value: { names: [], count: 5 } });
    expect(parseDusun("Krajan, Sumberejo")).toEqual({ ok: true, value: { names: ["Krajan", "Sumberejo"], count: 2 } });
    expect(parsePhone("0812-3456-7890")).toEqual({ ok: true, value: "081234567890" });
    expect(parsePhone(81234567890)).toEqual({ ok: true, value: "081234567890" });
    expect(parsePhone("telp kantor")).toEqual({ ok: false, reason: "bad_phone" });
    expect(parsePoint("-4.93, 105.02")).toEqual({ ok: true, value: { latitude: -4.93, longitude: 105.02 } });
    expect(parsePoint("105.02, -4.93")).toEqual({ ok: false, reason: "bad_coordinates" });
    expect(parsePoint("52.37, 4.89")).toEqual({ ok: false, reason: "outside_indonesia" });
    expect(parseRupiah("Rp 15.000.000")).toEqual({ ok: true, value: 15_000_000 });
    expect(parseRupiah("15 juta")).toEqual({ ok: true, value: 15_000_000 });
  });
});

describe("locales of the bursa", () => {
  const ftl = (lang: string) => readFileSync(new URL(`../../locales/${lang}/bursa.ftl`, import.meta.url), "utf8");
  const has = (lang: string, key: string) => new RegExp(`^${key} =`, "m").test(ftl(lang));
  it("have a text for every category, import reason, value error and field the code builds keys for", () => {
    const reasons = readFileSync(new URL("../../src/domain/bursa/template.ts", import.meta.url), "utf8").match(/export type ImportReason =([\s\S]*?);/)![1]!.match(/"(\w+)"/g)!.map((s) => s.slice(1, -1));
    const keys = [
      ...CATEGORIES.map((c) => `bursa-cat-${c}`),
      ...reasons.map((r) => `bursa-import-${r}`),
      ...["not_number", "negative", "too_big", "not_whole", "bad_phone", "bad_coordinates", "outside_indonesia", "too_long", "too_many"].map((r) => `bursa-value-${r}`),
      ...PROFILE_FIELDS.map((f) => `bursa-field-${f}`),
      "bursa-field-enterprises",
      ...PROFILE_COLUMNS.map((c) => `bursa-col-${c}`),
      ...ENTERPRISE_COLUMNS.map((c) => `bursa-col-e-${c}`),
      ...["unreadable", "too_big", "empty"].map((r) => `bursa-upload-${r}`),
      ...["bursa_title_long", "bursa_details_long", "bursa_field_long", "import_rejected"].map((r) => `error-${r}`),
    ];
    for (const lang of ["id", "en"]) expect(keys.filter((k) => !has(lang, k)), lang).toEqual([]);
  });
  it("template headers in both languages are read back as their columns", () => {
    for (const lang of ["id", "en"]) {
      const text = ftl(lang);
      const header = (key: string) => text.match(new RegExp(`^${key} = (.*)$`, "m"))![1]!.replace("{ $Desa }", lang === "id" ? "Desa" : "Village");
      for (const c of PROFILE_COLUMNS) expect(PROFILE_ALIASES[c], `${lang} ${c}`).toContain(norm(header(`bursa-col-${c}`)));
      for (const c of ENTERPRISE_COLUMNS) expect(ENTERPRISE_ALIASES[c], `${lang} ${c}`).toContain(norm(header(`bursa-col-e-${c}`)));
    }
  });
});

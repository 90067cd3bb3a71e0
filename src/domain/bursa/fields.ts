/**
 * The fields of a village profile and how typed text (chat) or a spreadsheet cell (upload) becomes
 * a value. One set of rules for both ways in, so a value accepted in one is accepted in the other.
 */
import { inIndonesia, parseCoordinates } from "./geo.js";

export interface ProfileData {
  population: number | null;
  households: number | null;
  areaHa: number | null;
  dusun: string[];
  dusunCount: number | null;
  commodities: string[];
  facilities: string[];
  challenges: string | null;
  contactName: string | null;
  contactPhone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export type ProfileField = keyof ProfileData;

export const PROFILE_FIELDS: readonly ProfileField[] = [
  "population", "households", "areaHa", "dusun", "dusunCount", "commodities", "facilities", "challenges", "contactName", "contactPhone", "latitude", "longitude",
];

export const EMPTY_PROFILE: ProfileData = {
  population: null, households: null, areaHa: null, dusun: [], dusunCount: null, commodities: [], facilities: [], challenges: null,
  contactName: null, contactPhone: null, latitude: null, longitude: null,
};

export const LIMITS = { text: 1000, item: 80, items: 30, name: 80, population: 1_000_000, areaHa: 1_000_000 } as const;

/** Why a value was refused; the bot says it as `bursa-value-<reason>`. */
export type ValueError = "not_number" | "negative" | "too_big" | "not_whole" | "bad_phone" | "bad_coordinates" | "outside_indonesia" | "too_long" | "too_many";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ValueError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: ValueError): Parsed<never> => ({ ok: false, reason });

/** "1.234", "1234", "± 1.200 jiwa", "1.234 KK" → 1234. Empty → null. */
export function parseCount(raw: string | number | null | undefined, max: number = LIMITS.population): Parsed<number | null> {
  if (raw === null || raw === undefined || String(raw).trim() === "") return ok(null);
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return bad("not_number");
    if (!Number.isInteger(raw)) return bad("not_whole");
    return raw < 0 ? bad("negative") : raw > max ? bad("too_big") : ok(raw);
  }
  const s = raw.trim().replace(/^[±~]\s*|^(sekitar|kurang lebih|kl)\s+/i, "").replace(/\s*(jiwa|orang|kk|keluarga|dusun|rumah tangga)\.?$/i, "");
  if (/^-/.test(s)) return bad("negative");
  if (!/^\d{1,3}([.,\s]\d{3})*$|^\d+$/.test(s)) return /\d[.,]\d{1,2}$/.test(s) ? bad("not_whole") : bad("not_number");
  const n = Number(s.replace(/[.,\s]/g, ""));
  return n > max ? bad("too_big") : ok(n);
}

/** "1.234,5", "12,5", "12.5", "250 ha" → hectares. Empty → null. */
export function parseArea(raw: string | number | null | undefined): Parsed<number | null> {
  if (raw === null || raw === undefined || String(raw).trim() === "") return ok(null);
  if (typeof raw === "number") return !Number.isFinite(raw) ? bad("not_number") : raw < 0 ? bad("negative") : raw > LIMITS.areaHa ? bad("too_big") : ok(raw);
  let s = raw.trim().replace(/\s*(ha|hektar|hektare)\.?$/i, "");
  if (/^-/.test(s)) return bad("negative");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "").replace(",", "."); // 1.234,5
  else if (/^\d+,\d+$/.test(s)) s = s.replace(",", "."); // 12,5
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, ""); // 1,234.5
  if (!/^\d+(\.\d+)?$/.test(s)) return bad("not_number");
  const n = Number(s);
  return n > LIMITS.areaHa ? bad("too_big") : ok(Math.round(n * 100) / 100);
}

/** "padi, jagung; kopi / lada dan karet" → ["padi", "jagung", "kopi", "lada", "karet"], first letters kept as typed. */
export function parseList(raw: string | number | null | undefined): Parsed<string[]> {
  if (raw === null || raw === undefined) return ok([]);
  const items = String(raw)
    .split(/\s*(?:[,;\n•]|\s\/\s|\sdan\s|\s&\s)\s*/i)
    .map((x) => x.replace(/^[-*\d.)\s]+/, "").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const seen = new Set<string>();
  const out = items.filter((x) => (seen.has(x.toLowerCase()) ? false : (seen.add(x.toLowerCase()), true)));
  if (out.length > LIMITS.items) return bad("too_many");
  if (out.some((x) => x.length > LIMITS.item)) return bad("too_long");
  return ok(out);
}

/** A number of dusun ("5") or their names ("Dusun I, Dusun II, Krajan"). */
export function parseDusun(raw: string | number | null | undefined): Parsed<{ names: string[]; count: number | null }> {
  if (raw === null || raw === undefined || String(raw).trim() === "") return ok({ names: [], count: null });
  const asCount = parseCount(raw, 1000);
  if (asCount.ok && asCount.value !== null) return ok({ names: [], count: asCount.value });
  const list = parseList(raw);
  if (!list.ok) return list;
  return ok({ names: list.value, count: list.value.length });
}

export function parseText(raw: string | number | null | undefined, max: number = LIMITS.text): Parsed<string | null> {
  const s = raw === null || raw === undefined ? "" : String(raw).replace(/\s+/g, " ").trim();
  if (!s) return ok(null);
  return s.length > max ? bad("too_long") : ok(s);
}

/** Indonesian phone numbers: 08…, +62…, 62…, with spaces or dashes; 9–15 digits. */
export function parsePhone(raw: string | number | null | undefined): Parsed<string | null> {
  if (raw === null || raw === undefined || String(raw).trim() === "") return ok(null);
  const s = String(raw).trim();
  if (!/^\+?[\d\s().-]+$/.test(s)) return bad("bad_phone");
  let digits = s.replace(/\D/g, "");
  if (typeof raw === "number" && digits.startsWith("8")) digits = `0${digits}`; // Excel dropped the leading 0
  if (digits.length < 9 || digits.length > 15) return bad("bad_phone");
  if (s.startsWith("+")) return ok(`+${digits}`);
  return ok(digits);
}

export function parseLatitude(raw: string | number | null | undefined): Parsed<number | null> {
  return parseDegree(raw, 90);
}
export function parseLongitude(raw: string | number | null | undefined): Parsed<number | null> {
  return parseDegree(raw, 180);
}

/** A number of degrees; whether the pair makes a point in Indonesia is checked with checkPoint. */
function parseDegree(raw: string | number | null | undefined, max: number): Parsed<number | null> {
  if (raw === null || raw === undefined || String(raw).trim() === "") return ok(null);
  const n = typeof raw === "number" ? raw : Number(String(raw).trim().replace(",", "."));
  if (!Number.isFinite(n)) return bad("not_number");
  if (Math.abs(n) > 2 * max) return bad("bad_coordinates");
  return ok(Math.round(n * 1e6) / 1e6);
}

/** A point typed in chat ("-4.93, 105.02" or a maps link), checked to lie in Indonesia. */
export function parsePoint(text: string): Parsed<{ latitude: number; longitude: number }> {
  const p = parseCoordinates(text);
  if (!p) return bad("bad_coordinates");
  return checkPoint(p.latitude, p.longitude);
}

export function checkPoint(latitude: number, longitude: number): Parsed<{ latitude: number; longitude: number }> {
  // Swapped latitude and longitude is the usual slip: say "outside Indonesia (swapped?)".
  if (inIndonesia(longitude, latitude)) return bad("outside_indonesia");
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return bad("bad_coordinates");
  if (!inIndonesia(latitude, longitude)) return bad("outside_indonesia");
  return ok({ latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 });
}

/** A field's value as history keeps it: text, lists joined. */
export function shown(field: ProfileField, v: ProfileData[ProfileField]): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join(", ");
  return String(v);
}

export interface FieldChange {
  field: ProfileField | "enterprises";
  before: string;
  after: string;
}

export function diffProfiles(before: ProfileData, after: ProfileData): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of PROFILE_FIELDS) {
    const a = shown(f, before[f]);
    const b = shown(f, after[f]);
    if (a !== b) out.push({ field: f, before: a, after: b });
  }
  return out;
}

/** "Rp 15.000.000", "15 juta", "15jt", "1,5 miliar", "2.500.000,-" → whole rupiah. */
export function parseRupiah(raw: string): Parsed<number | null> {
  const s = raw.toLowerCase().replace(/rp\.?|idr|,-|\s+/g, "").trim();
  if (!s) return ok(null);
  const m = s.match(/^(\d+(?:[.,]\d+)*)(rb|ribu|k|jt|juta|m|miliar|milyar)?$/);
  if (!m) return bad("not_number");
  const unit = m[2] ? ({ rb: 1e3, ribu: 1e3, k: 1e3, jt: 1e6, juta: 1e6, m: 1e9, miliar: 1e9, milyar: 1e9 } as Record<string, number>)[m[2]]! : 1;
  let num = m[1]!;
  if (unit === 1) num = num.replace(/[.,](?=\d{3}(\D|$))/g, "").replace(",", ".");
  else num = num.replace(",", ".");
  const n = Math.round(Number(num) * unit);
  if (!Number.isFinite(n)) return bad("not_number");
  return n > 1e13 ? bad("too_big") : ok(n);
}

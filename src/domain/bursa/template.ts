/**
 * The forum's profile template (.xlsx with two sheets, or one .csv): "Profil", one row per village,
 * and "Usaha", one row per BUMDes/BUMDesMa/koperasi. An upload is checked whole first — every bad
 * cell reported by row and column — and then written in one transaction, or not at all.
 *
 * A row replaces that village's profile (an empty cell empties the field: the template comes
 * filled with the current values). The villages named in "Usaha" get exactly the listed
 * enterprises; villages not in the file are left alone.
 */
import type { ReadCell, ReadSheet } from "../../lib/spreadsheet-read.js";
import { InvalidInput, NotAllowed } from "../errors.js";
import {
  EMPTY_PROFILE,
  checkPoint,
  parseArea,
  parseCount,
  parseDusun,
  parseLatitude,
  parseList,
  parseLongitude,
  parsePhone,
  parseText,
  type FieldChange,
  type Parsed,
  type ProfileData,
} from "./fields.js";
import { ENTERPRISE_KINDS, writeProfile, type EnterpriseInput, type EnterpriseKind, type ProfileDeps } from "./profile.js";
import { canEditProfile, requireMember, type Actor, type Db } from "./types.js";
import { audit } from "../privasi/audit.js";

export const PROFILE_COLUMNS = ["village", "population", "households", "areaHa", "dusun", "commodities", "facilities", "challenges", "contactName", "contactPhone", "latitude", "longitude"] as const;
export const ENTERPRISE_COLUMNS = ["village", "kind", "name", "units", "products"] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];
export type EnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number];

/** Headers people write, normalised (lower case, letters and digits): the template's, and common variants. */
const PROFILE_ALIASES: Record<ProfileColumn, string[]> = {
  village: ["desa", "kampung", "nama desa", "nama kampung", "pekon", "kelurahan", "nagari", "gampong", "village", "village name"],
  population: ["jumlah penduduk", "penduduk", "jumlah penduduk jiwa", "jiwa", "population"],
  households: ["jumlah kk", "kk", "jumlah keluarga", "kepala keluarga", "jumlah kepala keluarga", "households", "number of households"],
  areaHa: ["luas ha", "luas", "luas wilayah", "luas wilayah ha", "luas hektar", "area ha", "area", "area hectares"],
  dusun: ["dusun", "jumlah dusun", "nama dusun", "dusun nama atau jumlah", "hamlets", "dusun names or number"],
  commodities: ["komoditas dan potensi", "komoditas", "potensi", "komoditas utama", "potensi desa", "commodities and potentials", "commodities"],
  facilities: ["fasilitas", "sarana", "fasilitas umum", "facilities"],
  challenges: ["tantangan", "tantangan utama", "masalah utama", "permasalahan", "main challenges", "challenges"],
  contactName: ["nama kontak", "kontak", "narahubung", "nama narahubung", "contact name", "contact"],
  contactPhone: ["telepon kontak", "telepon", "no hp", "nomor hp", "hp", "no telepon", "nomor telepon", "no wa", "whatsapp", "contact phone", "phone"],
  latitude: ["lintang", "latitude", "lat"],
  longitude: ["bujur", "longitude", "lon", "lng", "long"],
};
const ENTERPRISE_ALIASES: Record<EnterpriseColumn, string[]> = {
  village: PROFILE_ALIASES.village,
  kind: ["jenis", "jenis usaha", "bentuk", "kind", "type"],
  name: ["nama", "nama usaha", "nama lembaga", "nama bumdes", "name"],
  units: ["unit usaha", "unit", "units", "business units"],
  products: ["produk dan layanan", "produk", "layanan", "produk layanan", "products and services", "products"],
};
const KIND_ALIASES: Record<string, EnterpriseKind> = {
  bumdes: "bumdes", bumdesa: "bumdes", "bum desa": "bumdes", "badan usaha milik desa": "bumdes",
  bumdesma: "bumdesma", "bum desa bersama": "bumdesma", "bumdes bersama": "bumdesma", bumdesa_bersama: "bumdesma",
  koperasi: "koperasi", kud: "koperasi", kopdes: "koperasi", "koperasi desa": "koperasi", "koperasi desa merah putih": "koperasi", kdmp: "koperasi",
};
const PROFILE_SHEET = /^(profil|profile|data desa|desa|kampung)/i;
const ENTERPRISE_SHEET = /^(usaha|bumdes|enterprises|lembaga usaha|koperasi)/i;

export const norm = (s: unknown) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Reasons a cell, row or file is refused; the bot says them as `bursa-import-<reason>`. */
export type ImportReason =
  | "no_sheet"
  | "no_rows"
  | "too_many_rows"
  | "no_village_column"
  | "unknown_column"
  | "duplicate_column"
  | "village_missing"
  | "village_unknown"
  | "village_duplicate"
  | "village_not_yours"
  | "kind_unknown"
  | "name_missing"
  | "coordinates_half"
  | "not_number"
  | "negative"
  | "too_big"
  | "not_whole"
  | "bad_phone"
  | "bad_coordinates"
  | "outside_indonesia"
  | "too_long"
  | "too_many";

export interface ImportError {
  sheet: "profil" | "usaha";
  /** Spreadsheet row number (the header is row 1); null for a problem of the whole sheet. */
  row: number | null;
  /** The header as written in the file; null when the problem is the row or the sheet. */
  column: string | null;
  reason: ImportReason;
  value?: string;
}

/** The upload does not pass: nothing was written. Carries every error found. */
export class ImportRejected extends InvalidInput {
  constructor(readonly errors: ImportError[]) {
    super("import_rejected", { count: errors.length });
  }
}

export interface ImportPlan {
  profiles: Array<{ row: number; villageId: number; villageName: string; data: ProfileData }>;
  enterprises: Array<{ villageId: number; villageName: string; list: EnterpriseInput[] }>;
  errors: ImportError[];
}

const MAX_DATA_ROWS = 500;

interface Columns<K extends string> {
  byIndex: Array<K | null>;
  labels: string[];
}

function readHeader<K extends string>(sheet: "profil" | "usaha", header: ReadCell[], aliases: Record<K, string[]>, errors: ImportError[]): Columns<K> | null {
  const byIndex: Array<K | null> = [];
  const labels: string[] = [];
  const seen = new Set<K>();
  header.forEach((cell, i) => {
    const label = String(cell ?? "").trim();
    labels[i] = label;
    if (!label) return void (byIndex[i] = null);
    const key = (Object.keys(aliases) as K[]).find((k) => aliases[k].includes(norm(label)) || norm(k) === norm(label));
    if (!key) {
      errors.push({ sheet, row: 1, column: label, reason: "unknown_column" });
      byIndex[i] = null;
    } else if (seen.has(key)) {
      errors.push({ sheet, row: 1, column: label, reason: "duplicate_column" });
      byIndex[i] = null;
    } else {
      seen.add(key);
      byIndex[i] = key;
    }
  });
  if (!seen.has("village" as K)) {
    errors.push({ sheet, row: 1, column: null, reason: "no_village_column" });
    return null;
  }
  return { byIndex, labels };
}

function cellsOf<K extends string>(cols: Columns<K>, row: ReadCell[]) {
  const out = new Map<K, { value: ReadCell; label: string }>();
  cols.byIndex.forEach((k, i) => {
    if (k) out.set(k, { value: row[i] ?? null, label: cols.labels[i]! });
  });
  return out;
}

const isBlank = (r: ReadCell[]) => r.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

function asInput(v: ReadCell): string | number | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

/** Which sheet is which: by name in a workbook, by its headers in a CSV or an unnamed sheet. */
function classify(sheets: ReadSheet[]): { profil?: ReadSheet; usaha?: ReadSheet } {
  const out: { profil?: ReadSheet; usaha?: ReadSheet } = {};
  for (const s of sheets) {
    if (s.rows.length === 0) continue;
    const headers = new Set((s.rows[0] ?? []).map(norm));
    const looksEnterprise = ENTERPRISE_ALIASES.kind.some((a) => headers.has(a)) && !PROFILE_ALIASES.population.some((a) => headers.has(a));
    if (!out.usaha && (ENTERPRISE_SHEET.test(s.name) || (!PROFILE_SHEET.test(s.name) && looksEnterprise))) out.usaha = s;
    else if (!out.profil && (PROFILE_SHEET.test(s.name) || !looksEnterprise)) out.profil = s;
  }
  return out;
}

interface VillageRef {
  id: number;
  name: string;
  kemendagriCode: string | null;
}

function findVillage(villages: VillageRef[], typed: string): VillageRef | null {
  const q = norm(typed).replace(/^(desa|kampung|kelurahan|pekon|nagari|gampong) /, "");
  const digits = typed.replace(/\D/g, "");
  return (
    villages.find((v) => norm(v.name) === q) ??
    (digits.length === 10 ? villages.find((v) => v.kemendagriCode?.replace(/\D/g, "") === digits) : undefined) ??
    null
  );
}

/**
 * Checks an upload against the forum's villages and the uploader's rights; writes nothing.
 * `errors` empty = it may be applied.
 */
export async function planImport(db: Db, actor: Actor, forumId: number, sheets: ReadSheet[]): Promise<ImportPlan> {
  requireMember(actor, forumId);
  if (!actor.access.isAdmin(forumId) && !actor.access.isOfficial(forumId)) throw new NotAllowed("profile_not_yours");
  const errors: ImportError[] = [];
  const plan: ImportPlan = { profiles: [], enterprises: [], errors };
  const { profil, usaha } = classify(sheets);
  if (!profil && !usaha) {
    errors.push({ sheet: "profil", row: null, column: null, reason: "no_sheet" });
    return plan;
  }
  const villages: VillageRef[] = await db.village.findMany({ where: { forumId }, select: { id: true, name: true, kemendagriCode: true } });

  const village = (sheet: "profil" | "usaha", row: number, cell: { value: ReadCell; label: string } | undefined): VillageRef | null => {
    const typed = String(asInput(cell?.value ?? null) ?? "").trim();
    if (!typed) {
      errors.push({ sheet, row, column: cell?.label ?? null, reason: "village_missing" });
      return null;
    }
    const v = findVillage(villages, typed);
    if (!v) {
      errors.push({ sheet, row, column: cell!.label, reason: "village_unknown", value: typed });
      return null;
    }
    if (!canEditProfile(actor, forumId, v.id)) {
      errors.push({ sheet, row, column: cell!.label, reason: "village_not_yours", value: v.name });
      return null;
    }
    return v;
  };

  if (profil) {
    const cols = readHeader("profil", profil.rows[0] ?? [], PROFILE_ALIASES, errors);
    const data = profil.rows.slice(1);
    if (data.filter((r) => !isBlank(r)).length > MAX_DATA_ROWS) errors.push({ sheet: "profil", row: null, column: null, reason: "too_many_rows" });
    else if (cols) {
      const seen = new Map<number, number>();
      data.forEach((r, i) => {
        if (isBlank(r)) return;
        const rowNo = i + 2;
        const cells = cellsOf(cols, r);
        const v = village("profil", rowNo, cells.get("village"));
        const out: ProfileData = { ...EMPTY_PROFILE };
        const failed = new Set<ProfileColumn>();
        const field = <T>(key: ProfileColumn, parse: (x: string | number | null) => Parsed<T>, set: (value: T) => void) => {
          const cell = cells.get(key);
          if (!cell) return;
          const res = parse(asInput(cell.value));
          if (res.ok) set(res.value);
          else {
            failed.add(key);
            errors.push({ sheet: "profil", row: rowNo, column: cell.label, reason: res.reason, value: String(asInput(cell.value) ?? "") });
          }
        };
        field("population", (x) => parseCount(x), (x) => (out.population = x));
        field("households", (x) => parseCount(x), (x) => (out.households = x));
        field("areaHa", parseArea, (x) => (out.areaHa = x));
        field("dusun", parseDusun, (x) => ((out.dusun = x.names), (out.dusunCount = x.count)));
        field("commodities", parseList, (x) => (out.commodities = x));
        field("facilities", parseList, (x) => (out.facilities = x));
        field("challenges", (x) => parseText(x), (x) => (out.challenges = x));
        field("contactName", (x) => parseText(x, 80), (x) => (out.contactName = x));
        field("contactPhone", parsePhone, (x) => (out.contactPhone = x));
        field("latitude", parseLatitude, (x) => (out.latitude = x));
        field("longitude", parseLongitude, (x) => (out.longitude = x));
        if (failed.has("latitude") || failed.has("longitude")) {
          // already reported
        } else if ((out.latitude === null) !== (out.longitude === null)) {
          const cell = cells.get(out.latitude === null ? "latitude" : "longitude");
          errors.push({ sheet: "profil", row: rowNo, column: cell?.label ?? null, reason: "coordinates_half" });
        } else if (out.latitude !== null && out.longitude !== null) {
          const p = checkPoint(out.latitude, out.longitude);
          if (!p.ok) errors.push({ sheet: "profil", row: rowNo, column: cells.get("latitude")?.label ?? null, reason: p.reason, value: `${out.latitude}, ${out.longitude}` });
        }
        if (!v) return;
        if (seen.has(v.id)) {
          errors.push({ sheet: "profil", row: rowNo, column: cells.get("village")!.label, reason: "village_duplicate", value: `${v.name} (${seen.get(v.id)})` });
          return;
        }
        seen.set(v.id, rowNo);
        // A column missing from the file keeps today's value: only the columns present are replaced.
        plan.profiles.push({ row: rowNo, villageId: v.id, villageName: v.name, data: pick(out, cols.byIndex) });
      });
      if (data.every(isBlank) && !usaha) errors.push({ sheet: "profil", row: null, column: null, reason: "no_rows" });
    }
  }

  if (usaha) {
    const cols = readHeader("usaha", usaha.rows[0] ?? [], ENTERPRISE_ALIASES, errors);
    const data = usaha.rows.slice(1);
    if (data.filter((r) => !isBlank(r)).length > MAX_DATA_ROWS) errors.push({ sheet: "usaha", row: null, column: null, reason: "too_many_rows" });
    else if (cols) {
      const byVillage = new Map<number, { villageName: string; list: EnterpriseInput[] }>();
      data.forEach((r, i) => {
        if (isBlank(r)) return;
        const rowNo = i + 2;
        const cells = cellsOf(cols, r);
        const v = village("usaha", rowNo, cells.get("village"));
        const kindCell = cells.get("kind");
        const kind = KIND_ALIASES[norm(asInput(kindCell?.value ?? null))];
        if (!kind) errors.push({ sheet: "usaha", row: rowNo, column: kindCell?.label ?? null, reason: "kind_unknown", value: String(asInput(kindCell?.value ?? null) ?? "") });
        const nameCell = cells.get("name");
        const name = parseText(asInput(nameCell?.value ?? null), 80);
        if (!name.ok) errors.push({ sheet: "usaha", row: rowNo, column: nameCell!.label, reason: name.reason });
        else if (!name.value) errors.push({ sheet: "usaha", row: rowNo, column: nameCell?.label ?? null, reason: "name_missing" });
        const list = (key: EnterpriseColumn) => {
          const cell = cells.get(key);
          const res = parseList(asInput(cell?.value ?? null));
          if (res.ok) return res.value;
          errors.push({ sheet: "usaha", row: rowNo, column: cell!.label, reason: res.reason });
          return [];
        };
        const units = list("units");
        const products = list("products");
        if (!v || !kind || !name.ok || !name.value) return;
        const entry = byVillage.get(v.id) ?? { villageName: v.name, list: [] };
        entry.list.push({ kind, name: name.value, units, products });
        byVillage.set(v.id, entry);
      });
      plan.enterprises = [...byVillage].map(([villageId, e]) => ({ villageId, ...e }));
    }
  }
  return plan;
}

/** Only the fields whose columns the file has. */
function pick(data: ProfileData, columns: Array<ProfileColumn | null>): ProfileData {
  const present = new Set(columns);
  const out: Partial<ProfileData> = {};
  for (const key of PROFILE_COLUMNS) {
    if (key === "village" || !present.has(key)) continue;
    if (key === "dusun") {
      out.dusun = data.dusun;
      out.dusunCount = data.dusunCount;
    } else (out as Record<string, unknown>)[key] = data[key];
  }
  return out as ProfileData;
}

export interface ImportResult {
  villages: number;
  changed: Array<{ villageId: number; villageName: string; changes: FieldChange[] }>;
  enterprises: number;
}

/**
 * Checks the upload again inside one transaction and writes every village's change with its
 * history, or throws ImportRejected and writes nothing.
 */
export async function applyImport(d: ProfileDeps, actor: Actor, forumId: number, sheets: ReadSheet[]): Promise<ImportResult> {
  const now = d.clock.now();
  return d.prisma.$transaction(
    async (tx) => {
      const plan = await planImport(tx, actor, forumId, sheets);
      if (plan.errors.length) throw new ImportRejected(plan.errors);
      const changed: ImportResult["changed"] = [];
      const ids = new Set([...plan.profiles.map((p) => p.villageId), ...plan.enterprises.map((e) => e.villageId)]);
      for (const villageId of ids) {
        const p = plan.profiles.find((x) => x.villageId === villageId);
        const e = plan.enterprises.find((x) => x.villageId === villageId);
        const changes = await writeProfile(tx, { forumId, villageId, actorId: actor.personId, source: "upload", now }, p?.data ?? {}, e?.list);
        if (changes.length) changed.push({ villageId, villageName: p?.villageName ?? e!.villageName, changes });
      }
      await audit(tx, { forumId, actorId: actor.personId, action: "profile.import", target: `forum:${forumId}`, details: { villages: ids.size, changed: changed.length }, at: now });
      return { villages: ids.size, changed, enterprises: plan.enterprises.reduce((n, e) => n + e.list.length, 0) };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Rows of the template for the villages a person may keep, filled with today's values. */
export async function templateRows(d: ProfileDeps, actor: Actor, forumId: number) {
  requireMember(actor, forumId);
  const villageIds = actor.access.isAdmin(forumId) ? undefined : actor.access.officialVillages(forumId);
  if (villageIds && villageIds.length === 0) throw new NotAllowed("profile_not_yours");
  const villages = await d.prisma.village.findMany({ where: { forumId, ...(villageIds ? { id: { in: villageIds } } : {}) }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const ids = villages.map((v) => v.id);
  const [profiles, enterprises] = await Promise.all([
    d.prisma.villageProfile.findMany({ where: { forumId, villageId: { in: ids } } }),
    d.prisma.villageEnterprise.findMany({ where: { forumId, villageId: { in: ids } }, orderBy: { id: "asc" } }),
  ]);
  const profileRows = villages.map((v) => {
    const p = profiles.find((x) => x.villageId === v.id);
    return {
      village: v.name,
      population: p?.population ?? null,
      households: p?.households ?? null,
      areaHa: p?.areaHa ?? null,
      dusun: p ? (p.dusun.length ? p.dusun.join(", ") : (p.dusunCount ?? null)) : null,
      commodities: p?.commodities.join(", ") ?? null,
      facilities: p?.facilities.join(", ") ?? null,
      challenges: p?.challenges ?? null,
      contactName: p?.contactName ?? null,
      contactPhone: p?.contactPhone ?? null,
      latitude: p?.latitude ?? null,
      longitude: p?.longitude ?? null,
    };
  });
  const names = new Map(villages.map((v) => [v.id, v.name]));
  const enterpriseRows = enterprises.map((e) => ({ village: names.get(e.villageId)!, kind: e.kind, name: e.name, units: e.units.join(", "), products: e.products.join(", ") }));
  return { profileRows, enterpriseRows, kinds: ENTERPRISE_KINDS };
}

export { PROFILE_ALIASES, ENTERPRISE_ALIASES };

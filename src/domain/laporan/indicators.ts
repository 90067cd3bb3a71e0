/**
 * Yearly indicators per village (issue 15): the Indeks Desa Membangun (score 0–1 and status) and
 * any indicator the forum defines by naming it. Admins enter or import them for every village;
 * perangkat desa for their own village, and only indicators the forum already has (naming a new
 * one is the admins' call). Every change is audited (ids and counts only).
 */
import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";
import { InvalidInput, NotAllowed, NotFound } from "../errors.js";
import type { Actor } from "../forum/service.js";
import { audit, target } from "../privasi/audit.js";

export const IDM_SCORE = "idm_score";
export const IDM_STATUS = "idm_status";
export const IDM_STATUSES = ["sangat_tertinggal", "tertinggal", "berkembang", "maju", "mandiri"] as const;
export type IdmStatus = (typeof IDM_STATUSES)[number];
export const MAX_CUSTOM_INDICATORS = 20;
export const INDICATOR_NAME_MAX = 40;
export const MIN_YEAR = 2015;

export interface IndicatorDeps {
  prisma: Prisma;
  clock: Clock;
}

export interface IndicatorValue {
  villageId: number;
  key: string;
  value: number | string;
}

/** The IDM status a score falls in (Permendesa PDTT 2/2016 thresholds). */
export function idmStatusOf(score: number): IdmStatus {
  if (score > 0.8155) return "mandiri";
  if (score > 0.7072) return "maju";
  if (score > 0.5989) return "berkembang";
  if (score > 0.4907) return "tertinggal";
  return "sangat_tertinggal";
}

/** "Sangat Tertinggal", "sangat tertinggal", "SANGAT_TERTINGGAL" → "sangat_tertinggal". */
export function readIdmStatus(s: string): IdmStatus | null {
  const k = s.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return (IDM_STATUSES as readonly string[]).includes(k) ? (k as IdmStatus) : null;
}

/** "0,7123" / "0.7123" / "72,5" → number; null when not a number. */
export function readNumber(s: string | number): number | null {
  if (typeof s === "number") return Number.isFinite(s) ? s : null;
  const t = s.trim().replace(/\s/g, "");
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+([.,]\d+)?$/.test(t)) return null;
  const n = /,/.test(t) ? Number(t.replace(/\./g, "").replace(",", ".")) : Number(t);
  return Number.isFinite(n) ? n : null;
}

export function cleanIndicatorName(s: string): string {
  return s.replace(/[\u0000-\u001F]/g, "").replace(/\s+/g, " ").trim().slice(0, INDICATOR_NAME_MAX);
}

/** Who may enter indicators for which villages of a forum (admins: all; perangkat: their own). */
export function indicatorVillages(actor: Actor, forumId: number, all: number[]): number[] {
  if (actor.access.isAdmin(forumId)) return all;
  const own = actor.access.officialVillages(forumId);
  return all.filter((id) => own.includes(id));
}

/** The forum's own indicator names, besides the IDM (in the order they were first used). */
export async function customIndicatorKeys(db: Pick<Prisma, "villageIndicator">, forumId: number): Promise<string[]> {
  const rows = await db.villageIndicator.findMany({
    where: { forumId, key: { notIn: [IDM_SCORE, IDM_STATUS] } },
    select: { key: true },
    distinct: ["key"],
    orderBy: { key: "asc" },
  });
  return rows.map((r) => r.key);
}

function validate(v: IndicatorValue): { valueNumber: number | null; valueText: string | null } {
  if (v.key === IDM_SCORE) {
    const n = typeof v.value === "number" ? v.value : readNumber(v.value);
    if (n == null || n < 0 || n > 1) throw new InvalidInput("indikator_idm_score_bad");
    return { valueNumber: n, valueText: null };
  }
  if (v.key === IDM_STATUS) {
    const s = typeof v.value === "string" ? readIdmStatus(v.value) : null;
    if (!s) throw new InvalidInput("indikator_idm_status_bad");
    return { valueNumber: null, valueText: s };
  }
  const n = readNumber(v.value);
  if (n != null) return { valueNumber: n, valueText: null };
  const t = String(v.value).replace(/[\u0000-\u001F]/g, " ").trim().slice(0, 100);
  if (!t) throw new InvalidInput("indikator_value_empty");
  return { valueNumber: null, valueText: t };
}

/**
 * Saves values for one year, all or nothing: every village must be one the actor acts for, and a
 * new indicator name needs an admin. Returns how many values changed.
 */
export async function saveIndicators(d: IndicatorDeps, actor: Actor, forumId: number, year: number, values: IndicatorValue[], source: "manual" | "import"): Promise<number> {
  const nowYear = d.clock.now().getUTCFullYear();
  if (!Number.isInteger(year) || year < MIN_YEAR || year > nowYear + 1) throw new InvalidInput("indikator_year_bad");
  const villages = await d.prisma.village.findMany({ where: { forumId }, select: { id: true } });
  const allowed = new Set(indicatorVillages(actor, forumId, villages.map((v) => v.id)));
  if (allowed.size === 0) throw new NotAllowed("indikator_not_allowed");
  const isAdmin = actor.access.isAdmin(forumId);
  const known = new Set(await customIndicatorKeys(d.prisma, forumId));
  const rows = values.map((v) => {
    if (!villages.some((x) => x.id === v.villageId)) throw new NotFound("village_not_found");
    if (!allowed.has(v.villageId)) throw new NotAllowed("indikator_not_allowed");
    const key = v.key === IDM_SCORE || v.key === IDM_STATUS ? v.key : cleanIndicatorName(v.key);
    if (!key) throw new InvalidInput("indikator_name_bad");
    if (key !== IDM_SCORE && key !== IDM_STATUS && !known.has(key)) {
      if (!isAdmin) throw new NotAllowed("indikator_new_admin_only");
      known.add(key);
      if (known.size > MAX_CUSTOM_INDICATORS) throw new InvalidInput("indikator_too_many", { max: MAX_CUSTOM_INDICATORS });
    }
    return { villageId: v.villageId, key, ...validate({ ...v, key }) };
  });
  const now = d.clock.now();
  return d.prisma.$transaction(async (tx) => {
    let changed = 0;
    for (const r of rows) {
      const where = { forumId_villageId_year_key: { forumId, villageId: r.villageId, year, key: r.key } };
      const before = await tx.villageIndicator.findUnique({ where, select: { valueNumber: true, valueText: true } });
      if (before && before.valueNumber === r.valueNumber && before.valueText === r.valueText) continue;
      await tx.villageIndicator.upsert({
        where,
        create: { forumId, villageId: r.villageId, year, key: r.key, valueNumber: r.valueNumber, valueText: r.valueText, source, updatedById: actor.personId, createdAt: now, updatedAt: now },
        update: { valueNumber: r.valueNumber, valueText: r.valueText, source, updatedById: actor.personId, updatedAt: now },
      });
      changed++;
    }
    const villagesTouched = [...new Set(rows.map((r) => r.villageId))];
    await audit(tx, {
      forumId,
      actorId: actor.personId,
      action: source === "import" ? "indicator.import" : "indicator.set",
      target: villagesTouched.length === 1 ? target("village", villagesTouched[0]!) : target("forum", forumId),
      details: { year, values: rows.length, changed, villages: villagesTouched.length },
      at: now,
    });
    return changed;
  });
}

export interface IndicatorTable {
  year: number;
  keys: string[];
  /** villageId → key → value */
  values: Map<number, Map<string, number | string>>;
}

/** The values of one year for the given villages, IDM first, then the forum's own indicators. */
export async function loadIndicators(db: Pick<Prisma, "villageIndicator">, forumId: number, year: number, villageIds: number[]): Promise<IndicatorTable> {
  const rows = await db.villageIndicator.findMany({ where: { forumId, year, villageId: { in: villageIds } }, orderBy: { key: "asc" } });
  const custom = await customIndicatorKeys(db, forumId);
  const values = new Map<number, Map<string, number | string>>();
  for (const r of rows) {
    const m = values.get(r.villageId) ?? new Map<string, number | string>();
    m.set(r.key, r.valueNumber ?? r.valueText ?? "");
    values.set(r.villageId, m);
  }
  return { year, keys: [IDM_SCORE, IDM_STATUS, ...custom], values };
}

// ---------------------------------------------------------------- import (xlsx / csv)

export interface ImportCellError {
  row: number;
  column: string;
  reason: "village_unknown" | "village_not_allowed" | "idm_score_bad" | "idm_status_bad" | "new_indicator_admin_only" | "year_bad";
}

export interface ImportPlan {
  /** Values by year (a row's "Tahun", or the default year). */
  byYear: Map<number, IndicatorValue[]>;
  values: number;
  errors: ImportCellError[];
  villages: number;
}

type Cell = string | number | Date | null;

/**
 * Reads the template's layout: a header row with "Desa"/"Kampung"… (the village name) first,
 * then "Tahun", "Skor IDM", "Status IDM" and one column per other indicator. Headers are matched
 * by the labels given (any language), case-insensitive.
 */
export async function planIndicatorImport(
  db: Pick<Prisma, "village" | "villageIndicator">,
  actor: Actor,
  forumId: number,
  rows: Cell[][],
  labels: { year: string[]; score: string[]; status: string[] },
  defaultYear: number,
): Promise<ImportPlan> {
  const norm = (c: Cell) => (c == null ? "" : String(c).trim().toLowerCase());
  const header = rows[0] ?? [];
  const villages = await db.village.findMany({ where: { forumId }, select: { id: true, name: true } });
  const byName = new Map(villages.map((v) => [v.name.trim().toLowerCase(), v.id]));
  const allowed = new Set(indicatorVillages(actor, forumId, villages.map((v) => v.id)));
  if (allowed.size === 0) throw new NotAllowed("indikator_not_allowed");
  const known = new Set(await customIndicatorKeys(db, forumId));
  const isAdmin = actor.access.isAdmin(forumId);
  const has = (list: string[], h: string) => list.some((l) => l.toLowerCase() === h);
  const cols = header.map((c, i) => {
    const h = norm(c);
    if (i === 0) return { i, kind: "village" as const, name: "" };
    if (!h) return { i, kind: "skip" as const, name: "" };
    if (has(labels.year, h)) return { i, kind: "year" as const, name: "" };
    if (has(labels.score, h)) return { i, kind: "score" as const, name: "" };
    if (has(labels.status, h)) return { i, kind: "status" as const, name: "" };
    return { i, kind: "custom" as const, name: cleanIndicatorName(String(c)) };
  });
  const errors: ImportCellError[] = [];
  const byYear = new Map<number, IndicatorValue[]>();
  let count = 0;
  const touched = new Set<number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const name = norm(row[0] ?? null);
    if (!name) continue;
    const villageId = byName.get(name);
    const col0 = String(header[0] ?? "");
    if (!villageId) {
      errors.push({ row: r + 1, column: col0, reason: "village_unknown" });
      continue;
    }
    if (!allowed.has(villageId)) {
      errors.push({ row: r + 1, column: col0, reason: "village_not_allowed" });
      continue;
    }
    touched.add(villageId);
    let year = defaultYear;
    const yearCol = cols.find((c) => c.kind === "year");
    const yearCell = yearCol ? (row[yearCol.i] ?? null) : null;
    if (yearCol && yearCell != null && String(yearCell).trim() !== "") {
      const y = readNumber(yearCell instanceof Date ? yearCell.getUTCFullYear() : yearCell);
      if (y == null || !Number.isInteger(y) || y < MIN_YEAR || y > 2100) {
        errors.push({ row: r + 1, column: String(header[yearCol.i] ?? ""), reason: "year_bad" });
        continue;
      }
      year = y;
    }
    const values = byYear.get(year) ?? [];
    byYear.set(year, values);
    const before = values.length;
    for (const c of cols) {
      const cell = row[c.i] ?? null;
      if (c.kind === "village" || c.kind === "skip" || cell == null || String(cell).trim() === "") continue;
      const colName = String(header[c.i] ?? "");
      if (c.kind === "year") continue;
      if (c.kind === "score") {
        const n = readNumber(cell instanceof Date ? NaN : cell);
        if (n == null || n < 0 || n > 1) errors.push({ row: r + 1, column: colName, reason: "idm_score_bad" });
        else values.push({ villageId, key: IDM_SCORE, value: n });
      } else if (c.kind === "status") {
        const s = readIdmStatus(String(cell));
        if (!s) errors.push({ row: r + 1, column: colName, reason: "idm_status_bad" });
        else values.push({ villageId, key: IDM_STATUS, value: s });
      } else if (c.kind === "custom" && c.name) {
        if (!known.has(c.name) && !isAdmin) {
          errors.push({ row: r + 1, column: colName, reason: "new_indicator_admin_only" });
          continue;
        }
        values.push({ villageId, key: c.name, value: cell instanceof Date ? cell.toISOString().slice(0, 10) : cell });
      }
    }
    count += values.length - before;
  }
  for (const [y, v] of byYear) if (v.length === 0) byYear.delete(y);
  return { byYear, values: count, errors, villages: touched.size };
}

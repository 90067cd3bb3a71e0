/**
 * Exports for village officials: .xlsx (exceljs) and .csv.
 *
 * Excel has no time zones: exceljs writes a Date as its UTC wall clock. Dates are therefore
 * shifted to the forum's zone first, so "09.00 WIB" shows as 09:00 in Excel.
 */
// exceljs (~25 MB, slow to load) is loaded on the first export, not at start-up.
import type ExcelJSType from "exceljs";
let excel: Promise<typeof ExcelJSType> | null = null;
export const loadExcel = () => (excel ??= import("exceljs").then((m) => (m.default ?? m) as typeof ExcelJSType));
import { zoneOffsetMinutes, zonedParts, type ZoneName } from "./time.js";

export type CellValue = string | number | Date | null | undefined;

export interface SheetColumn {
  header: string;
  key: string;
  /** Column width in characters; default from the content (10–60). */
  width?: number;
  /** Default: taken from each value. "text" turns numbers/dates into text. */
  type?: "text" | "number" | "date";
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Array<Record<string, CellValue>>;
}

export interface ExportOptions {
  zone: ZoneName;
}

export const XLSX_DATE_FORMAT = "dd/mm/yyyy hh:mm";
const MAX_CELL_CHARS = 32_767; // Excel's limit per cell

// Characters that are not allowed in XML 1.0 (would make the file unreadable).
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function cleanText(s: string): string {
  const t = s.replace(XML_INVALID, "");
  return t.length > MAX_CELL_CHARS ? t.slice(0, MAX_CELL_CHARS) : t;
}

/** The zone's wall clock expressed as a UTC Date (what Excel will display). */
function wallClockAsUtc(d: Date, zone: ZoneName): Date {
  return new Date(d.getTime() + zoneOffsetMinutes(zone) * 60_000);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "2026-12-07 09:00" in the zone (unambiguous in every Excel locale). */
function csvDate(d: Date, zone: ZoneName): string {
  const p = zonedParts(d, zone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "07/12/2026 09:00" in the zone (for dates in text columns). */
function textDate(d: Date, zone: ZoneName): string {
  const p = zonedParts(d, zone);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

function isValidDate(v: unknown): v is Date {
  return v instanceof Date && !Number.isNaN(v.getTime());
}

function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    // Excel: ≤ 31 chars, none of : \ / ? * [ ], not empty, not starting/ending with '.
    let base = raw.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").replace(/^'+|'+$/g, "").trim() || `Sheet${i + 1}`;
    base = base.slice(0, 31);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Builds an .xlsx workbook: bold frozen header row with an autofilter, dates as real Excel
 * dates in the zone's local time (format dd/mm/yyyy hh:mm), numbers as numbers.
 */
export async function buildXlsx(sheets: SheetSpec[], opts: ExportOptions): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Forum Desa";
  const names = sheetNames(sheets.map((s) => s.name));

  sheets.forEach((sheet, si) => {
    const ws = wb.addWorksheet(names[si], { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    ws.columns = sheet.columns.map((c) => ({ header: cleanText(c.header), key: c.key, width: c.width ?? 10 }));

    for (const row of sheet.rows) {
      const values: Record<string, string | number | Date | null> = {};
      for (const c of sheet.columns) values[c.key] = xlsxValue(row[c.key], c, opts.zone);
      ws.addRow(values);
    }

    sheet.columns.forEach((c, ci) => {
      const col = ws.getColumn(ci + 1);
      const isDateCol = c.type === "date" || (c.type === undefined && sheet.rows.some((r) => isValidDate(r[c.key])));
      if (isDateCol) col.numFmt = XLSX_DATE_FORMAT;
      if (c.width === undefined) {
        let w = c.header.length;
        for (const r of sheet.rows) {
          const v = r[c.key];
          w = Math.max(w, isValidDate(v) ? 16 : v == null ? 0 : String(v).length);
          if (w >= 60) break;
        }
        col.width = Math.min(60, Math.max(10, w + 2));
      }
    });

    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F5E9" } };
    header.numFmt = "@";
    if (sheet.columns.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    }
  });

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function xlsxValue(v: CellValue, c: SheetColumn, zone: ZoneName): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (!isValidDate(v)) return null;
    return c.type === "text" ? textDate(v, zone) : wallClockAsUtc(v, zone);
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    return c.type === "text" ? String(v) : v;
  }
  const s = cleanText(String(v));
  if (c.type === "number" && /^-?\d+(\.\d+)?$/.test(s.trim())) return Number(s.trim());
  return s;
}

export type CsvOptions = ExportOptions;

/** Strings that a spreadsheet would run as a formula get a leading apostrophe. */
function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Excel with Indonesian regional settings: ";" between fields, "," before decimals. */
export const CSV_SEPARATOR = ";";

/** 2.5 → "2,5", 1234 → "1234" (no thousands dots: Excel would read them as decimals elsewhere). */
function csvNumber(v: number): string {
  // Plain notation even for tiny or huge values, as Excel expects; up to 10 decimals.
  const s = Math.abs(v) >= 1e21 || (v !== 0 && Math.abs(v) < 1e-6) ? v.toFixed(10).replace(/\.?0+$/, "") : String(v);
  return s.replace(".", ",");
}

/**
 * Builds a CSV file as Excel opens it in Indonesia (the Windows list separator there is ";" and
 * the decimal separator ","): UTF-8 with BOM (so Indonesian text shows correctly), ";" between
 * fields, decimal commas, CRLF line ends, fields quoted when needed, dates as "yyyy-mm-dd hh:mm"
 * in the zone (Excel reads that form in every locale), and protection against formula injection
 * (text cells starting with = + - @ get a leading ').
 */
export function buildCsv(columns: SheetColumn[], rows: Array<Record<string, CellValue>>, opts: CsvOptions): Buffer {
  const sep = CSV_SEPARATOR;
  const quote = (s: string) =>
    s.includes(sep) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  const cell = (v: CellValue, c: SheetColumn): string => {
    if (v === null || v === undefined) return "";
    if (v instanceof Date) return isValidDate(v) ? csvDate(v, opts.zone) : "";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return "";
      if (c.type === "text") return quote(defuse(String(v)));
      return csvNumber(v);
    }
    return quote(defuse(String(v).replace(XML_INVALID, "")));
  };
  const lines = [columns.map((c) => quote(defuse(c.header))).join(sep)];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c.key], c)).join(sep));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

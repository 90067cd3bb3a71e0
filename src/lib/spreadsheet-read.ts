/**
 * Reading spreadsheets people upload: .xlsx (exceljs) and .csv (as Excel writes them in Indonesia:
 * ";" or "," separated, UTF-8 with or without BOM, or Windows-1252). Cells come back as text,
 * numbers or dates; formulas as their last computed result; rich text and links as their text.
 */
import type ExcelJS from "exceljs";
import { loadExcel } from "./spreadsheet.js";

export type ReadCell = string | number | Date | null;

export interface ReadSheet {
  name: string;
  /** rows[0] is spreadsheet row 1; trailing empty rows are dropped. */
  rows: ReadCell[][];
}

export class SpreadsheetError extends Error {
  constructor(readonly reason: "unreadable" | "too_big" | "empty") {
    super(reason);
  }
}

const MAX_ROWS = 2000;
const MAX_COLUMNS = 60;

function cellValue(v: ExcelJS.CellValue): ReadCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text; // hyperlink
    if ("result" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null); // formula
    if ("error" in v) return null;
  }
  return String(v);
}

export async function readXlsx(bytes: Buffer): Promise<ReadSheet[]> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    throw new SpreadsheetError("unreadable");
  }
  const out: ReadSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.rowCount > MAX_ROWS) throw new SpreadsheetError("too_big");
    const rows: ReadCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: ReadCell[] = [];
      const count = Math.min(MAX_COLUMNS, row.cellCount);
      for (let c = 1; c <= count; c++) cells.push(cellValue(row.getCell(c).value));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    out.push({ name: ws.name, rows: trimRows(rows) });
  }
  return out;
}

function trimRows(rows: ReadCell[][]): ReadCell[][] {
  const empty = (r: ReadCell[]) => r.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
  let end = rows.length;
  while (end > 0 && empty(rows[end - 1]!)) end--;
  return rows.slice(0, end);
}

/** Text of a CSV file: UTF-8 (BOM or not); bytes that are not valid UTF-8 are read as Windows-1252. */
function decode(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  const s = text.includes("\uFFFD") ? new TextDecoder("windows-1252").decode(bytes) : text;
  return s.replace(/^\uFEFF/, "");
}

/** The separator of the header line: the most frequent of ; , and tab outside quotes. */
function guessSeparator(firstLine: string): string {
  const counts = { ";": 0, ",": 0, "\t": 0 } as Record<string, number>;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ",";
}

export function readCsv(bytes: Buffer): ReadSheet {
  const text = decode(bytes);
  if (!text.trim()) throw new SpreadsheetError("empty");
  const sep = guessSeparator(text.split(/\r?\n/, 1)[0] ?? "");
  const rows: ReadCell[][] = [];
  let row: ReadCell[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    // A cell written as '=… to defuse a formula comes back without the apostrophe.
    const v = wasQuoted ? field : field.trim();
    row.push(v === "" ? null : v.replace(/^'(?=[=+\-@])/, ""));
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      quoted = true;
      wasQuoted = true;
      field = "";
    } else if (ch === sep) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
      if (rows.length > MAX_ROWS) throw new SpreadsheetError("too_big");
    } else field += ch;
  }
  if (quoted) throw new SpreadsheetError("unreadable");
  if (field !== "" || row.length) {
    endField();
    rows.push(row);
  }
  return { name: "csv", rows: trimRows(rows) };
}

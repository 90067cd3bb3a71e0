import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildCsv, buildXlsx, type SheetColumn } from "../../src/lib/spreadsheet.js";

const columns: SheetColumn[] = [
  { header: "No. tiket", key: "ticket", type: "text" },
  { header: "Desa", key: "village" },
  { header: "Isi aspirasi", key: "text", width: 50 },
  { header: "Dukungan", key: "votes", type: "number" },
  { header: "Diterima", key: "at", type: "date" },
];
const rows = [
  { ticket: "ASP-SKJ-2026-0042", village: "Sukajaya", text: "Perbaikan jalan tani, \"segera\"", votes: 1234, at: new Date("2026-12-07T09:00:00+07:00") },
  { ticket: "ASP-SKM-2026-0007", village: "Sukamaju", text: "=HYPERLINK(\"http://x\")\nbaris dua", votes: 0, at: new Date("2026-12-31T23:30:00+07:00") },
  { ticket: "ASP-CBD-2026-0001", village: "Cibodas; Kec. Ciater", text: "-5 +3 @rapat", votes: 2.5, at: null },
  { ticket: "ASP-X", village: undefined, text: "Bahasa daerah: Sugeng énjing ✓", votes: null, at: undefined },
];

describe("buildXlsx", () => {
  it("writes typed cells, local-time dates, bold frozen header and autofilter", async () => {
    const buf = await buildXlsx(
      [
        { name: "Aspirasi", columns, rows },
        { name: "Rekap: per/desa [2026]?", columns: [{ header: "Desa", key: "d" }, { header: "Jumlah", key: "n" }], rows: [{ d: "Sukajaya", n: 3 }] },
      ],
      { zone: "Asia/Jakarta" },
    );
    expect(buf.subarray(0, 2).toString("ascii")).toBe("PK");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Aspirasi", "Rekap per desa 2026"]);
    const ws = wb.getWorksheet("Aspirasi")!;

    expect(ws.getRow(1).values).toEqual([undefined, "No. tiket", "Desa", "Isi aspirasi", "Dukungan", "Diterima"]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(JSON.stringify(ws.autoFilter)).toMatch(/A1.*E1|"row":1/);

    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe("ASP-SKJ-2026-0042");
    expect(r2.getCell(3).value).toBe('Perbaikan jalan tani, "segera"');
    expect(r2.getCell(4).value).toBe(1234);
    // 09.00 WIB shows as 09:00 in Excel: stored as the wall clock "in UTC"
    expect(r2.getCell(5).value).toEqual(new Date("2026-12-07T09:00:00Z"));
    expect(r2.getCell(5).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(ws.getRow(3).getCell(5).value).toEqual(new Date("2026-12-31T23:30:00Z"));
    // strings starting with "=" stay text, they are not formulas
    expect(ws.getRow(3).getCell(3).value).toBe('=HYPERLINK("http://x")\nbaris dua');
    expect(ws.getRow(4).getCell(4).value).toBe(2.5);
    expect(ws.getRow(4).getCell(5).value).toBeNull();
    expect(ws.getRow(5).getCell(3).value).toBe("Bahasa daerah: Sugeng énjing ✓");
    expect(ws.getRow(5).getCell(2).value).toBeNull();
    expect(ws.getColumn(3).width).toBe(50);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(17);
    expect(ws.rowCount).toBe(5);

    const ws2 = wb.worksheets[1];
    expect(ws2.getRow(2).values).toEqual([undefined, "Sukajaya", 3]);
  });

  it("shifts dates to WIT and handles 1,000 rows quickly", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ n: i, at: new Date(Date.UTC(2026, 11, 7, 0, i)) }));
    const t0 = performance.now();
    const buf = await buildXlsx([{ name: "Data", columns: [{ header: "N", key: "n" }, { header: "Waktu", key: "at" }], rows: many }], {
      zone: "Asia/Jayapura",
    });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(2000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(1001);
    expect(ws.getRow(2).getCell(2).value).toEqual(new Date("2026-12-07T09:00:00Z")); // 00:00Z = 09.00 WIT
    expect(ws.getRow(2).getCell(2).numFmt).toBe("dd/mm/yyyy hh:mm");
  });
});

/** Minimal RFC 4180 parser. */
function parseCsv(text: string, sep = ","): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      out.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

describe("buildCsv", () => {
  it("writes CSV for Indonesian Excel: UTF-8 BOM, ';' separator, decimal commas, CRLF, quoting, local dates, defused formulas", () => {
    const buf = buildCsv(columns, rows, { zone: "Asia/Jakarta" });
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString("utf8").slice(1);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")[0]).toBe("No. tiket;Desa;Isi aspirasi;Dukungan;Diterima");
    const table = parseCsv(text, ";");
    expect(table).toEqual([
      ["No. tiket", "Desa", "Isi aspirasi", "Dukungan", "Diterima"],
      ["ASP-SKJ-2026-0042", "Sukajaya", 'Perbaikan jalan tani, "segera"', "1234", "2026-12-07 09:00"],
      ["ASP-SKM-2026-0007", "Sukamaju", `'=HYPERLINK("http://x")\nbaris dua`, "0", "2026-12-31 23:30"],
      ["ASP-CBD-2026-0001", "Cibodas; Kec. Ciater", "'-5 +3 @rapat", "2,5", ""],
      ["ASP-X", "", "Bahasa daerah: Sugeng énjing ✓", "", ""],
    ]);
    for (const cell of table.flat()) expect(/^[=+\-@]/.test(cell)).toBe(false);
    // A comma inside text needs no quotes with ';' (Excel splits only on ';'); a ';' does.
    expect(text).toContain(';"Perbaikan jalan tani, ""segera""";');
    expect(text).toContain(';"Cibodas; Kec. Ciater";');
  });

  it("writes negative, tiny and large numbers with a decimal comma and no exponent, in any zone", () => {
    const cols: SheetColumn[] = [
      { header: "Lintang", key: "lat", type: "number" },
      { header: "Nilai", key: "v", type: "number" },
      { header: "Kode", key: "code", type: "text" },
      { header: "Waktu", key: "at" },
    ];
    const buf = buildCsv(cols, [{ lat: -4.95, v: 1500000, code: 3201, at: new Date("2026-12-07T09:00:00+07:00") }, { lat: 0.0000001, v: 66.7, code: null, at: null }], {
      zone: "Asia/Makassar",
    });
    const table = parseCsv(buf.toString("utf8").slice(1), ";");
    expect(table[1]).toEqual(["-4,95", "1500000", "3201", "2026-12-07 10:00"]);
    expect(table[2]).toEqual(["0,0000001", "66,7", "", ""]);
    expect(buildCsv([{ header: "+Total", key: "t" }], [{ t: "@x" }], { zone: "Asia/Jakarta" }).toString("utf8")).toBe("\uFEFF'+Total\r\n'@x\r\n");
  });
});

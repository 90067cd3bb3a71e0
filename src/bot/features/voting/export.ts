/**
 * Result files for the organiser: per-village counts always; the ballots (who chose what) only
 * in a terbuka vote — the domain never returns them for a rahasia vote.
 */
import type { ExportData } from "../../../domain/voting/index.js";
import { buildCsv, buildXlsx, type CellValue, type SheetColumn, type SheetSpec } from "../../../lib/spreadsheet.js";
import type { ZoneName } from "../../../lib/time.js";
import type { T } from "./render.js";

export interface ExportFile {
  filename: string;
  bytes: Buffer;
}

function villageSheet(t: T, data: ExportData): SheetSpec {
  const { info, result } = data;
  const columns: SheetColumn[] = [
    { header: t("vote-col-village"), key: "village" },
    { header: t("vote-col-ballots"), key: "ballots", type: "number" },
    { header: t("vote-col-base"), key: "base", type: "number" },
    { header: t("vote-col-turnout"), key: "turnout", type: "number" },
    ...info.options.map((o, i) => ({ header: `${i + 1}. ${o}`, key: `o${i}`, type: "number" as const })),
  ];
  if (result.counting === "satu_desa") columns.push({ header: t("vote-col-village-choice"), key: "choice" });
  columns.push({ header: t("vote-col-note"), key: "note" });
  const rows = result.villages.map((v) => {
    const row: Record<string, CellValue> = {
      village: v.name,
      ballots: v.ballots,
      base: v.base,
      turnout: v.turnout === null ? null : Math.round(v.turnout * 1000) / 10,
      note: v.hidden ? t("vote-col-hidden-note") : "",
    };
    info.options.forEach((_, i) => (row[`o${i}`] = v.hidden ? null : (v.counts[i] ?? 0)));
    if (result.counting === "satu_desa") {
      row.choice = v.top.length === 1 ? info.options[v.top[0]!] : v.top.length > 1 ? t("vote-col-tie") : "";
    }
    return row;
  });
  const total: Record<string, CellValue> = {
    village: t("vote-col-total"),
    ballots: result.ballots,
    base: result.base,
    turnout: result.turnout === null ? null : Math.round(result.turnout * 1000) / 10,
    note: data.final ? "" : t("vote-col-not-final"),
  };
  info.options.forEach((_, i) => (total[`o${i}`] = result.totals[i] ?? 0));
  rows.push(total);
  return { name: t("vote-sheet-villages"), columns, rows };
}

function ballotSheet(t: T, data: ExportData): SheetSpec | null {
  if (!data.ballots) return null;
  const columns: SheetColumn[] = [
    { header: t("vote-col-name"), key: "name" },
    { header: t("vote-col-username"), key: "username" },
    { header: t("vote-col-village"), key: "village" },
    { header: t("vote-col-choice"), key: "choice" },
    { header: t("vote-col-time"), key: "time", type: "date" },
  ];
  const rows = data.ballots.map((b) => ({
    name: b.name,
    username: b.username ? `@${b.username}` : "",
    village: b.village,
    choice: b.choices.map((i) => `${i + 1}. ${data.info.options[i] ?? "?"}`).join("; "),
    time: b.votedAt ? new Date(b.votedAt) : null,
  }));
  return { name: t("vote-sheet-ballots"), columns, rows };
}

export async function exportFiles(t: T, data: ExportData, format: "csv" | "xlsx"): Promise<ExportFile[]> {
  const zone = data.info.timezone as ZoneName;
  const base = `voting-${data.info.id}`;
  const sheets = [villageSheet(t, data), ballotSheet(t, data)].filter((s): s is SheetSpec => s !== null);
  if (format === "xlsx") return [{ filename: `${base}.xlsx`, bytes: await buildXlsx(sheets, { zone }) }];
  return sheets.map((s, i) => ({ filename: `${base}-${i === 0 ? "desa" : "surat-suara"}.csv`, bytes: buildCsv(s.columns, s.rows, { zone }) }));
}

/**
 * Result files for the organiser: per-village counts as publishable() allows them (a rahasia
 * vote's file holds no figure the groups were not shown); the ballots (who chose what) only in a
 * terbuka vote — the domain never returns them for a rahasia vote.
 */
import { MIN_SECRET_CELL, type ExportData, type PublishedVillage } from "../../../domain/voting/index.js";
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
      note: noteOf(t, v, result.counting === "satu_desa"),
    };
    info.options.forEach((_, i) => (row[`o${i}`] = v.counts ? (v.counts[i] ?? 0) : null));
    if (result.counting === "satu_desa") {
      row.choice = v.vote?.length === 1 ? info.options[v.vote[0]!] : v.vote && v.vote.length > 1 ? t("vote-col-tie") : "";
    }
    return row;
  });
  const total: Record<string, CellValue> = {
    village: t("vote-col-total"),
    ballots: result.ballots,
    base: result.base,
    turnout: result.turnout === null ? null : Math.round(result.turnout * 1000) / 10,
    note: result.totalsWithheld === "few_ballots" || result.totalsWithheld === "protects_small" ? t("vote-col-totals-withheld") : data.final ? "" : t("vote-col-not-final"),
  };
  const totals = result.totals;
  info.options.forEach((_, i) => (total[`o${i}`] = totals ? (totals[i] ?? 0) : null));
  rows.push(total);
  return { name: t("vote-sheet-villages"), columns, rows };
}

function noteOf(t: T, v: PublishedVillage, satuDesa: boolean) {
  if (v.withheld === "small") return t(satuDesa ? "vote-col-hidden-note-no-vote" : "vote-col-hidden-note", { min: MIN_SECRET_CELL });
  if (v.withheld === "pooled") return t("vote-col-pooled-note", { min: MIN_SECRET_CELL });
  if (v.withheld === "open") return t("vote-col-not-final");
  return "";
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
  return sheets.map((s, i) => ({ filename: `${base}-${t(i === 0 ? "vote-file-villages" : "vote-file-ballots")}.csv`, bytes: buildCsv(s.columns, s.rows, { zone }) }));
}

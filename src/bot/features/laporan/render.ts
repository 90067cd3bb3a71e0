/**
 * What a report looks like: the Indonesian summary, the PNG charts and the .xlsx (one sheet per
 * measure, one row per village). Used by /laporan (ctx.t) and by the monthly job (tFor). The chart
 * and spreadsheet libraries are imported here lazily: only a process that draws a report loads them.
 */
import { formatNumber, formatPercent } from "../../../lib/format.js";
import type { BarChartOptions } from "../../../lib/chart.js";
import { monthName } from "../../../lib/time.js";
import type { T, Lang } from "../../lib/terms.js";
import { IDM_SCORE, IDM_STATUS, IDM_STATUSES } from "../../../domain/laporan/indicators.js";
import {
  attendanceRate,
  change,
  quorumRate,
  shownMedian,
  turnout,
  type Measures,
  type Month,
  type PeriodMeasures,
} from "../../../domain/laporan/measures.js";
import type { MonthlyReport } from "../../../domain/laporan/report.js";

export interface RenderedFile {
  bytes: Buffer;
  filename: string;
}

export interface RenderedReport {
  summary: string;
  charts: RenderedFile[];
  xlsx: RenderedFile;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function monthLabel(m: Month, lang: Lang): string {
  return `${monthName(m.month, lang)} ${m.year}`;
}

/** "naik 18%", "turun 5%", "tetap" — or null when the month before had nothing to compare with. */
function trend(t: T, now: number, before: number, lang: Lang): string | null {
  const c = change(now, before);
  if (c === null) return null;
  const pct = `${formatNumber(Math.round(Math.abs(c) * 100), lang)}%`;
  if (Math.round(c * 100) === 0) return t("laporan-trend-same");
  return c > 0 ? t("laporan-trend-up", { pct }) : t("laporan-trend-down", { pct });
}

const pct = (r: number | null, lang: Lang) => (r === null ? "–" : formatPercent(r, 1, lang));

/** The short text above the files (HTML). */
export function summaryText(t: T, lang: Lang, r: MonthlyReport): string {
  const cur = r.current;
  const f = figuresOf(r, cur);
  const prev = figuresOf(r, r.previous);
  const year = figuresOf(r, r.lastYear);
  const lines: string[] = [];
  const scope = r.scope.kind === "all" ? t("laporan-scope-all", { count: r.villages.length }) : r.villages.map((v) => esc(v.name)).join(", ");
  lines.push(t("laporan-title", { forum: esc(r.forumName), month: monthLabel(cur.month, lang), scope }));
  lines.push("");
  const tp = trend(t, f.activeMembers, prev.activeMembers, lang);
  lines.push(
    tp
      ? t("laporan-sum-active", { trend: tp, prev: monthLabel(r.previous.month, lang), n: formatNumber(f.activeMembers, lang) })
      : t("laporan-sum-active-new", { n: formatNumber(f.activeMembers, lang) }),
  );
  const ty = trend(t, f.activeMembers, year.activeMembers, lang);
  if (ty) lines.push(t("laporan-sum-year", { trend: ty, month: monthLabel(r.lastYear.month, lang), n: formatNumber(year.activeMembers, lang) }));
  lines.push(t("laporan-sum-discussion", { messages: formatNumber(f.messages, lang), topics: formatNumber(f.topics, lang) }));
  if (f.votes > 0) lines.push(t("laporan-sum-votes", { votes: f.votes, turnout: pct(turnout(f), lang) }));
  if (f.meetings > 0) lines.push(t("laporan-sum-meetings", { meetings: f.meetings, attendance: pct(attendanceRate(f), lang), quorum: f.quorumMet }));
  lines.push(t("laporan-sum-aspirations", { received: f.aspReceived, verified: f.aspVerified, resolved: f.aspResolved }));
  const mv = shownMedian(f, "verify", r.scope.kind === "own");
  const mr = shownMedian(f, "resolve", r.scope.kind === "own");
  if (mv !== null || mr !== null)
    lines.push(t("laporan-sum-medians", { verify: mv === null ? "–" : formatNumber(mv, lang, 1), resolve: mr === null ? "–" : formatNumber(mr, lang, 1) }));
  // Where tickets wait longest: the villages with the most overdue ones, at most three.
  const overdue = r.villages
    .map((v) => ({ name: v.name, n: cur.villages.get(v.id)?.aspOverdue ?? 0 }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, 3);
  for (const o of overdue) lines.push(t("laporan-sum-overdue", { count: o.n, village: esc(o.name) }));
  if (f.annDelivered + f.annFailed > 0) lines.push(t("laporan-sum-announcements", { delivered: formatNumber(f.annDelivered, lang), failed: formatNumber(f.annFailed, lang) }));
  if (f.bursaNeeds + f.bursaOffers + f.bursaMatches + f.agreements > 0)
    lines.push(t("laporan-sum-bursa", { needs: f.bursaNeeds, offers: f.bursaOffers, matches: f.bursaMatches, agreements: f.agreements }));
  const idm = idmLine(t, r);
  if (idm) lines.push(idm);
  lines.push("");
  lines.push(t("laporan-sum-files"));
  return lines.join("\n");
}

/** Whole-forum figures for the "all villages" scope; the sum of the own villages otherwise. */
function figuresOf(r: MonthlyReport, p: PeriodMeasures): Measures {
  if (r.scope.kind === "all") return p.forum;
  if (r.villages.length === 1) return p.villages.get(r.villages[0]!.id)!;
  // Several own villages: a person active in two is counted in each (no distinct count across them).
  const sum = { ...p.villages.get(r.villages[0]!.id)! };
  for (const v of r.villages.slice(1)) {
    const m = p.villages.get(v.id)!;
    for (const k of Object.keys(sum) as Array<keyof Measures>) {
      if (k.startsWith("median")) (sum as Record<string, number | null>)[k] = null;
      else (sum as Record<string, number | null>)[k] = ((sum[k] as number) ?? 0) + ((m[k] as number) ?? 0);
    }
  }
  return sum;
}

function idmLine(t: T, r: MonthlyReport): string | null {
  const counts = new Map<string, number>();
  for (const v of r.villages) {
    const s = r.indicators.values.get(v.id)?.get(IDM_STATUS);
    if (typeof s === "string") counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  const list = [...IDM_STATUSES].reverse().filter((s) => counts.has(s)).map((s) => `${t(`indikator-status-${s}`)} ${counts.get(s)}`).join(", ");
  return t("laporan-sum-idm", { year: String(r.indicators.year), list });
}

// ---------------------------------------------------------------- measures as table columns

type Getter = (m: Measures, perVillage: boolean) => number | null;
interface MeasureSpec {
  /** Suffix of the sheet's locale key laporan-m-<id>. */
  id: string;
  get: Getter;
  /** A rate (0–1) shown as a percentage. */
  rate?: boolean;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 10);

export const SHEETS: MeasureSpec[] = [
  { id: "active", get: (m) => m.activeMembers },
  { id: "messages", get: (m) => m.messages },
  { id: "topics", get: (m) => m.topics },
  { id: "votes", get: (m) => m.votes },
  { id: "turnout", get: (m) => turnout(m), rate: true },
  { id: "meetings", get: (m) => m.meetings },
  { id: "attendance", get: (m) => attendanceRate(m), rate: true },
  { id: "quorum", get: (m) => quorumRate(m), rate: true },
  { id: "asp-received", get: (m) => m.aspReceived },
  { id: "asp-verified", get: (m) => m.aspVerified },
  { id: "asp-resolved", get: (m) => m.aspResolved },
  { id: "asp-overdue", get: (m) => m.aspOverdue },
  { id: "median-verify", get: (m, v) => shownMedian(m, "verify", v) },
  { id: "median-resolve", get: (m, v) => shownMedian(m, "resolve", v) },
  { id: "ann-delivered", get: (m) => m.annDelivered },
  { id: "ann-failed", get: (m) => m.annFailed },
  { id: "needs", get: (m) => m.bursaNeeds },
  { id: "offers", get: (m) => m.bursaOffers },
  { id: "matches", get: (m) => m.bursaMatches },
  { id: "agreements", get: (m) => m.agreements },
];

export async function buildReportXlsx(t: T, lang: Lang, r: MonthlyReport): Promise<Buffer> {
  const { buildXlsx } = await import("../../../lib/spreadsheet.js");
  const m = { cur: monthLabel(r.current.month, lang), prev: monthLabel(r.previous.month, lang), year: monthLabel(r.lastYear.month, lang) };
  const cols = [
    { header: t("laporan-col-village"), key: "village" },
    { header: m.cur, key: "cur", type: "number" as const },
    { header: m.prev, key: "prev", type: "number" as const },
    { header: m.year, key: "year", type: "number" as const },
    { header: t("laporan-col-change-prev"), key: "dPrev", type: "number" as const },
    { header: t("laporan-col-change-year"), key: "dYear", type: "number" as const },
  ];
  const row = (name: string, get: (p: PeriodMeasures) => Measures, spec: MeasureSpec, perVillage: boolean) => {
    const vals = [r.current, r.previous, r.lastYear].map((p) => spec.get(get(p), perVillage));
    const shown = vals.map((v) => (spec.rate ? round1(v) : v));
    const d = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : Math.round(((a - b) / b) * 1000) / 10);
    return { village: name, cur: shown[0], prev: shown[1], year: shown[2], dPrev: d(vals[0]!, vals[1]!), dYear: d(vals[0]!, vals[2]!) };
  };
  const sheets = SHEETS.map((spec) => {
    const rows = r.villages.map((v) => row(v.name, (p) => p.villages.get(v.id)!, spec, true));
    if (r.scope.kind === "all") rows.push(row(t("laporan-row-forum"), (p) => p.forum, spec, false));
    return { name: t(`laporan-m-${spec.id}`), columns: cols, rows };
  });
  // The yearly indicators beside the activity measures.
  const ind = r.indicators;
  const indCols = [
    { header: t("laporan-col-village"), key: "village" },
    { header: t("indikator-col-year"), key: "year", type: "number" as const },
    ...ind.keys.map((k, i) => ({ header: indicatorLabel(t, k), key: `k${i}` })),
  ];
  const indRows = r.villages.map((v) => {
    const vals = ind.values.get(v.id);
    const out: Record<string, string | number | null> = { village: v.name, year: ind.year };
    ind.keys.forEach((k, i) => {
      const x = vals?.get(k);
      out[`k${i}`] = x === undefined ? null : k === IDM_STATUS ? t(`indikator-status-${x}`) : x;
    });
    return out;
  });
  sheets.unshift({ name: t("laporan-sheet-indicators"), columns: indCols as never, rows: indRows as never });
  return buildXlsx(sheets, { zone: r.zone });
}

export function indicatorLabel(t: T, key: string): string {
  if (key === IDM_SCORE) return t("indikator-idm-score");
  if (key === IDM_STATUS) return t("indikator-idm-status");
  return key;
}

/** The two charts' options (labels in the reader's language and the forum's words). */
export function reportChartOptions(t: T, lang: Lang, r: MonthlyReport): BarChartOptions[] {
  if (r.villages.length === 0) return []; // a forum without villages yet: nothing to draw
  const months = [r.lastYear, r.previous, r.current];
  const active = r.villages.flatMap((v) => months.map((p) => ({ label: v.name, value: p.villages.get(v.id)!.activeMembers, group: monthLabel(p.month, lang) })));
  const cur = r.current;
  const asp = r.villages.flatMap((v) => {
    const m = cur.villages.get(v.id)!;
    return [
      { label: v.name, value: m.aspReceived, group: t("laporan-chart-received") },
      { label: v.name, value: m.aspResolved, group: t("laporan-chart-resolved") },
      { label: v.name, value: m.aspOverdue, group: t("laporan-chart-overdue") },
    ];
  });
  return [
    { title: t("laporan-chart-active"), subtitle: r.forumName, bars: active, valueTitle: t("laporan-chart-people") },
    { title: t("laporan-chart-aspirations", { month: monthLabel(cur.month, lang) }), subtitle: r.forumName, bars: asp, valueTitle: t("laporan-chart-tickets") },
  ];
}

export async function buildReportCharts(t: T, lang: Lang, r: MonthlyReport): Promise<Buffer[]> {
  const { renderBarChartPng } = await import("../../../lib/chart.js");
  return Promise.all(reportChartOptions(t, lang, r).map((o) => renderBarChartPng(o)));
}

/** Everything a report sends: the summary, two charts and the spreadsheet. */
export async function renderReport(t: T, lang: Lang, r: MonthlyReport): Promise<RenderedReport> {
  const key = `${r.current.month.year}-${String(r.current.month.month).padStart(2, "0")}`;
  const [charts, xlsx] = await Promise.all([buildReportCharts(t, lang, r), buildReportXlsx(t, lang, r)]);
  return {
    summary: summaryText(t, lang, r),
    charts: charts.map((bytes, i) => ({ bytes, filename: `laporan-${key}-${i + 1}.png` })),
    xlsx: { bytes: xlsx, filename: `laporan-${key}.xlsx` },
  };
}

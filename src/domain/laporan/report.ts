/**
 * /laporan and the monthly report: who may see which villages, and the three months compared
 * (the chosen month, the month before, the same month a year earlier).
 */
import type { Prisma } from "../../infra/db.js";
import type { JobTx } from "../../jobs/scheduler.js";
import { isZoneName, zonedParts, type ZoneName } from "../../lib/time.js";
import { NotAllowed, NotFound } from "../errors.js";
import type { Access } from "../forum/access.js";
import type { Actor } from "../forum/service.js";
import { loadIndicators, type IndicatorTable } from "./indicators.js";
import { addMonths, measureMonth, monthIndex, type Month, type PeriodMeasures } from "./measures.js";

/** Forum-wide positions of the kecamatan office: they see every village, like the forum's admins. */
export const KECAMATAN_TITLES = ["camat", "sekretaris_kecamatan", "staf_kecamatan"] as const;
/** How far back /laporan goes (months before the current one). */
export const MAX_MONTHS_BACK = 36;

export function isKecamatanStaff(access: Access, forumId: number): boolean {
  return access.memberships.some(
    (m) => m.forumId === forumId && m.villageId == null && m.role !== "mitra" && m.role !== "warga" && (KECAMATAN_TITLES as readonly string[]).includes(m.title ?? ""),
  );
}

export type ReportScope = { kind: "all" } | { kind: "own"; villageIds: number[] };

/** Admins and kecamatan staff: every village; perangkat desa: their own; anyone else: refused. */
export function reportScope(actor: Pick<Actor, "access">, forumId: number): ReportScope {
  if (actor.access.isAdmin(forumId) || isKecamatanStaff(actor.access, forumId)) return { kind: "all" };
  const own = actor.access.officialVillages(forumId);
  if (own.length) return { kind: "own", villageIds: own };
  throw new NotAllowed("laporan_not_allowed");
}

/** The month before the one `now` falls in (the last complete month), in the forum's zone. */
export function lastCompleteMonth(now: Date, zone: ZoneName): Month {
  const p = zonedParts(now, zone);
  return addMonths({ year: p.year, month: p.month }, -1);
}

/** A month /laporan offers: complete, and at most MAX_MONTHS_BACK back. */
export function monthAllowed(m: Month, now: Date, zone: ZoneName): boolean {
  const last = monthIndex(lastCompleteMonth(now, zone));
  const i = monthIndex(m);
  return i <= last && i > last - MAX_MONTHS_BACK;
}

export interface MonthlyReport {
  forumId: number;
  forumName: string;
  zone: ZoneName;
  scope: ReportScope;
  villages: Array<{ id: number; name: string }>;
  current: PeriodMeasures;
  previous: PeriodMeasures;
  lastYear: PeriodMeasures;
  indicators: IndicatorTable;
}

type Db = Prisma | JobTx;

/** Every figure of the report, read in one go (within `db`, a job's transaction when given one). */
export async function buildReport(db: Db, forumId: number, scope: ReportScope, month: Month): Promise<MonthlyReport> {
  const forum = await db.forum.findUnique({ where: { id: forumId }, select: { name: true, timezone: true } });
  if (!forum) throw new NotFound("forum_not_found");
  const zone: ZoneName = isZoneName(forum.timezone) ? forum.timezone : "Asia/Jakarta";
  const all = await db.village.findMany({ where: { forumId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const villages = scope.kind === "all" ? all : all.filter((v) => scope.villageIds.includes(v.id));
  const ids = villages.map((v) => v.id);
  const [current, previous, lastYear, indicators] = await Promise.all([
    measureMonth(db, forumId, ids, month, zone),
    measureMonth(db, forumId, ids, addMonths(month, -1), zone),
    measureMonth(db, forumId, ids, addMonths(month, -12), zone),
    // The latest year with values up to the report's year: IDM is published once a year.
    latestIndicatorYear(db, forumId, month.year).then((y) => loadIndicators(db, forumId, y, ids)),
  ]);
  return { forumId, forumName: forum.name, zone, scope, villages, current, previous, lastYear, indicators };
}

async function latestIndicatorYear(db: Db, forumId: number, upTo: number): Promise<number> {
  const r = await db.villageIndicator.findFirst({ where: { forumId, year: { lte: upTo } }, orderBy: { year: "desc" }, select: { year: true } });
  return r?.year ?? upTo;
}

/** /laporan: checks the person's rights, then builds the report of their scope. */
export async function reportFor(d: { prisma: Prisma; clock: { now(): Date } }, actor: Actor, forumId: number, month: Month): Promise<MonthlyReport> {
  const scope = reportScope(actor, forumId);
  const forum = await d.prisma.forum.findUnique({ where: { id: forumId }, select: { timezone: true } });
  if (!forum) throw new NotFound("forum_not_found");
  const zone: ZoneName = isZoneName(forum.timezone) ? forum.timezone : "Asia/Jakarta";
  if (!monthAllowed(month, d.clock.now(), zone)) throw new NotAllowed("laporan_month_bad");
  return buildReport(d.prisma, forumId, scope, month);
}

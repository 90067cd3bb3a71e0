import type { Aspiration } from "../../generated/prisma/client.js";
import type { Prisma as PrismaNS } from "../../generated/prisma/client.js";
import { NotAllowed, NotFound } from "../errors.js";
import type { Actor } from "../forum/service.js";
import { LIMITS, OPEN_STATUSES, SIMILARITY_THRESHOLD, UNVERIFIED_STATUSES, type AspirationPrivacy, type AspirationStatus } from "./model.js";
import type { CaseView } from "./notices.js";
import { caseView, forumInfo, photosOf, villageRefs } from "./repository.js";
import { canHandle, canView, overdue, type AspirasiDeps } from "./service.js";
import { audit } from "../privasi/audit.js";

// ---------- timeline ----------

export interface TimelineEntry {
  at: Date;
  kind: string;
  toStatus: AspirationStatus | null;
  note: string | null;
  /** "reporter" | "official" | "admin" | "system" */
  role: string;
  /** Officials' names; the reporter's only when named and shown to officials. Null otherwise. */
  name: string | null;
  village: string | null;
  /** The official's or admin's position (jabatan key or typed), when known. */
  title: string | null;
  /** Forward target ("" = kecamatan). */
  target: string | null;
}

/** Kinds the reporter sees: what happened to their ticket and the conversation, not internal reminders. */
const REPORTER_KINDS = new Set(["created", "verified", "processing", "resolved", "rejected", "forwarded", "message", "confirmed", "reopened"]);

async function timeline(ad: AspirasiDeps, row: Aspiration, audience: "official" | "reporter"): Promise<TimelineEntry[]> {
  const events = await ad.prisma.aspirationEvent.findMany({ where: { aspirationId: row.id, forumId: row.forumId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const actorIds = [...new Set(events.filter((e) => e.actorRole !== "reporter" && e.actorId).map((e) => e.actorId!))];
  const people = new Map((await ad.prisma.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, firstName: true } })).map((p) => [p.id, p.firstName]));
  const positions = await ad.prisma.membership.findMany({
    where: { forumId: row.forumId, personId: { in: actorIds }, role: { in: ["perangkat_desa", "admin_forum"] } },
    select: { personId: true, role: true, villageId: true, title: true, village: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const officialVillage = new Map(positions.filter((m) => m.role === "perangkat_desa").map((m) => [m.personId, m.village?.name ?? null]));
  // The position shown beside a name: at the ticket's village for an official, the admin's own otherwise.
  const titleOf = (personId: number, role: string) =>
    (role === "official"
      ? (positions.find((m) => m.personId === personId && m.role === "perangkat_desa" && m.villageId === row.villageId) ?? positions.find((m) => m.personId === personId && m.role === "perangkat_desa"))
      : positions.find((m) => m.personId === personId && m.role === "admin_forum")
    )?.title ?? null;
  const targets = await villageRefs(ad.prisma, row.forumId, events.map((e) => e.villageId));
  let reporterName: string | null = null;
  if (audience === "official" && row.privacy === "named") {
    reporterName = (await ad.prisma.person.findUnique({ where: { id: row.reporterId }, select: { firstName: true } }))?.firstName ?? null;
  }
  return events
    .filter((e) => audience === "official" || REPORTER_KINDS.has(e.kind))
    .map((e) => ({
      at: e.createdAt,
      kind: e.kind,
      toStatus: e.toStatus,
      note: e.note,
      role: e.actorRole,
      // The reporter's name reaches officials only for named aspirations; never from actorId.
      name: e.actorRole === "reporter" ? (audience === "official" ? reporterName : null) : e.actorId ? (people.get(e.actorId) ?? null) : null,
      village: e.actorRole === "official" && e.actorId ? (officialVillage.get(e.actorId) ?? null) : null,
      title: e.actorRole !== "reporter" && e.actorId ? titleOf(e.actorId, e.actorRole) : null,
      target: e.kind === "forwarded" ? (e.villageId ? (targets.get(e.villageId)?.name ?? "?") : "") : null,
    }));
}

export interface OfficialDetail {
  case: CaseView;
  timeline: TimelineEntry[];
  canAct: boolean;
  overdue: boolean;
}

export async function detailForOfficial(ad: AspirasiDeps, actor: Actor, aspirationId: number): Promise<OfficialDetail> {
  const row = await ad.prisma.aspiration.findFirst({ where: { id: aspirationId, forumId: { in: actor.access.forumIds() } } });
  if (!row) throw new NotFound("aspirasi_not_found");
  if (!canView(actor, row)) throw new NotAllowed("aspirasi_not_your_village");
  return { case: await caseView(ad.prisma, row), timeline: await timeline(ad, row, "official"), canAct: canHandle(actor, row), overdue: overdue(row, ad.clock.now()) };
}

export interface ReporterDetail {
  ticketNo: string;
  id: number;
  category: string;
  text: string;
  status: AspirationStatus;
  privacy: AspirationPrivacy;
  village: string;
  handler: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  confirmedAt: Date | null;
  supportCount: number;
  photos: number;
  zone: CaseView["zone"];
  canReopen: boolean;
  timeline: TimelineEntry[];
}

export async function detailForReporter(ad: AspirasiDeps, personId: number, aspirationId: number): Promise<ReporterDetail> {
  const row = await ad.prisma.aspiration.findFirst({ where: { id: aspirationId, reporterId: personId } });
  if (!row) throw new NotFound("aspirasi_not_found");
  const c = await caseView(ad.prisma, row);
  const now = ad.clock.now().getTime();
  return {
    id: row.id,
    ticketNo: row.ticketNo,
    category: row.category,
    text: row.text,
    status: row.status,
    privacy: row.privacy,
    village: c.originVillage.name,
    handler: c.handlerVillage?.name ?? null,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    confirmedAt: row.confirmedAt,
    supportCount: row.supportCount,
    photos: photosOf(row).length,
    zone: c.zone,
    canReopen: row.status === "selesai" && !row.confirmedAt && !!row.resolvedAt && now <= row.resolvedAt.getTime() + LIMITS.reopenDays * 24 * 3600_000,
    timeline: await timeline(ad, row, "reporter"),
  };
}

// ---------- lists ----------

export interface ListItem {
  id: number;
  ticketNo: string;
  category: string;
  text: string;
  status: AspirationStatus;
  privacy: AspirationPrivacy;
  village: string;
  handler: string | null;
  supportCount: number;
  createdAt: Date;
  overdue: boolean;
}

async function toItems(ad: AspirasiDeps, forumId: number, rows: Aspiration[]): Promise<ListItem[]> {
  const villages = await villageRefs(ad.prisma, forumId, rows.flatMap((r) => [r.originVillageId, r.villageId]));
  const now = ad.clock.now();
  return rows.map((r) => ({
    id: r.id,
    ticketNo: r.ticketNo,
    category: r.category,
    text: r.text,
    status: r.status,
    privacy: r.privacy,
    village: villages.get(r.originVillageId)?.name ?? "?",
    handler: r.villageId == null ? null : (villages.get(r.villageId)?.name ?? "?"),
    supportCount: r.supportCount,
    createdAt: r.createdAt,
    overdue: overdue(r, now),
  }));
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

async function paged(ad: AspirasiDeps, forumId: number, where: PrismaNS.AspirationWhereInput, orderBy: PrismaNS.AspirationOrderByWithRelationInput[], page: number, size: number): Promise<Page<ListItem>> {
  const total = await ad.prisma.aspiration.count({ where });
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const rows = await ad.prisma.aspiration.findMany({ where, orderBy, skip: p * size, take: size });
  return { items: await toItems(ad, forumId, rows), total, page: p, pages };
}

export async function listMine(ad: AspirasiDeps, personId: number, forumId: number, page: number, size = 5) {
  return paged(ad, forumId, { forumId, reporterId: personId }, [{ createdAt: "desc" }, { id: "desc" }], page, size);
}

export interface IncomingFilter {
  /** "open" (default), "all", or one status. */
  status: AspirationStatus | "open" | "all";
  category: string | null;
  overdueOnly: boolean;
}

function overdueWhere(now: Date): PrismaNS.AspirationWhereInput {
  return {
    status: { in: OPEN_STATUSES },
    OR: [{ resolveDueAt: { lt: now } }, { status: { in: UNVERIFIED_STATUSES }, verifyDueAt: { lt: now } }],
  };
}

/** Officials see what their villages handle or reported; admins see every village of the forum. */
function scopeFor(actor: Actor, forumId: number): PrismaNS.AspirationWhereInput {
  if (actor.access.isAdmin(forumId)) return { forumId };
  const own = actor.access.officialVillages(forumId);
  if (own.length === 0) throw new NotAllowed("aspirasi_not_official");
  return { forumId, OR: [{ villageId: { in: own } }, { originVillageId: { in: own } }] };
}

export async function listIncoming(ad: AspirasiDeps, actor: Actor, forumId: number, f: IncomingFilter, page: number, size = 6) {
  const scope = scopeFor(actor, forumId);
  const and: PrismaNS.AspirationWhereInput[] = [scope];
  if (f.status === "open") and.push({ status: { in: OPEN_STATUSES } });
  else if (f.status !== "all") and.push({ status: f.status });
  if (f.category) and.push({ category: f.category });
  if (f.overdueOnly) and.push(overdueWhere(ad.clock.now()));
  return paged(ad, forumId, { AND: and }, [{ createdAt: "asc" }, { id: "asc" }], page, size);
}

/**
 * The public list (and the village's priority list for Musrenbangdes): never rahasia, not the
 * rejected ones, most supported first.
 */
export async function publicList(ad: AspirasiDeps, forumId: number, villageId: number | null, page: number, size = 5) {
  const where: PrismaNS.AspirationWhereInput = {
    forumId,
    privacy: { not: "rahasia" },
    status: { not: "ditolak" },
    ...(villageId ? { originVillageId: villageId } : {}),
  };
  return paged(ad, forumId, where, [{ supportCount: "desc" }, { createdAt: "asc" }, { id: "asc" }], page, size);
}

/** Forum admins: overdue tickets grouped by the village that handles them. */
export async function overdueByVillage(ad: AspirasiDeps, actor: Actor, forumId: number) {
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
  const rows = await ad.prisma.aspiration.findMany({ where: { forumId, ...overdueWhere(ad.clock.now()) }, orderBy: [{ resolveDueAt: "asc" }, { id: "asc" }] });
  const items = await toItems(ad, forumId, rows);
  const groups = new Map<string, ListItem[]>();
  for (const it of items) {
    const key = it.handler ?? "";
    groups.set(key, [...(groups.get(key) ?? []), it]);
  }
  return [...groups.entries()].map(([village, list]) => ({ village: village || null, items: list })).sort((a, b) => b.items.length - a.items.length);
}

// ---------- similarity (pg_trgm, on PostgreSQL and PGlite alike) ----------

export interface SimilarItem {
  id: number;
  ticketNo: string;
  text: string;
  status: AspirationStatus;
  supportCount: number;
  village: string;
  sameVillage: boolean;
  score: number;
}

/**
 * Open, non-rahasia aspirations of the same category in the same forum whose text is similar:
 * the same village first (the forum's villages are the neighbours within one kecamatan).
 */
export async function findSimilar(
  ad: AspirasiDeps,
  q: { forumId: number; villageId: number; category: string; text: string; excludeId?: number },
  limit = 3,
): Promise<SimilarItem[]> {
  const rows = await ad.prisma.$queryRaw<Array<{ id: number; ticket_no: string; text: string; status: AspirationStatus; support_count: number; origin_village_id: number; score: number }>>`
    SELECT a.id, a.ticket_no, a.text, a.status::text AS status, a.support_count, a.origin_village_id, similarity(a.text, ${q.text}::text)::float8 AS score
    FROM aspirations a
    WHERE a.forum_id = ${q.forumId}
      AND a.category = ${q.category}
      AND a.privacy <> 'rahasia'
      AND a.status IN ('baru', 'diverifikasi', 'diproses', 'diteruskan')
      AND a.id <> ${q.excludeId ?? 0}
      AND a.text % ${q.text}::text
      AND similarity(a.text, ${q.text}::text) >= ${SIMILARITY_THRESHOLD}
    ORDER BY (a.origin_village_id = ${q.villageId}) DESC, score DESC, a.id ASC
    LIMIT ${limit}`;
  const villages = await villageRefs(ad.prisma, q.forumId, rows.map((r) => r.origin_village_id));
  return rows.map((r) => ({
    id: r.id,
    ticketNo: r.ticket_no,
    text: r.text,
    status: r.status,
    supportCount: r.support_count,
    village: villages.get(r.origin_village_id)?.name ?? "?",
    sameVillage: r.origin_village_id === q.villageId,
    score: Number(r.score),
  }));
}

export interface Cluster {
  villages: string[];
  totalSupport: number;
  items: Array<{ id: number; ticketNo: string; village: string; category: string; text: string; supportCount: number }>;
}

/**
 * Groups of similar open aspirations from different villages: agenda candidates for the
 * Musyawarah Antar Desa. Rahasia ones stay out (the agenda is public).
 */
export async function clusters(ad: AspirasiDeps, actor: Actor, forumId: number, max = 10): Promise<Cluster[]> {
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
  const pairs = await ad.prisma.$queryRaw<Array<{ a: number; b: number }>>`
    SELECT x.id AS a, y.id AS b
    FROM aspirations x
    JOIN aspirations y ON y.forum_id = x.forum_id AND y.id > x.id AND y.category = x.category AND y.origin_village_id <> x.origin_village_id
    WHERE x.forum_id = ${forumId}
      AND x.privacy <> 'rahasia' AND y.privacy <> 'rahasia'
      AND x.status IN ('baru', 'diverifikasi', 'diproses', 'diteruskan')
      AND y.status IN ('baru', 'diverifikasi', 'diproses', 'diteruskan')
      AND x.text % y.text
      AND similarity(x.text, y.text) >= ${SIMILARITY_THRESHOLD}`;
  // Union-find over the similar pairs.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  for (const { a, b } of pairs) {
    const ra = find(Number(a));
    const rb = find(Number(b));
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const ids = [...new Set(pairs.flatMap((p) => [Number(p.a), Number(p.b)]))];
  if (ids.length === 0) return [];
  const rows = await ad.prisma.aspiration.findMany({ where: { forumId, id: { in: ids } }, orderBy: { id: "asc" } });
  const villages = await villageRefs(ad.prisma, forumId, rows.map((r) => r.originVillageId));
  const groups = new Map<number, Aspiration[]>();
  for (const r of rows) groups.set(find(r.id), [...(groups.get(find(r.id)) ?? []), r]);
  return [...groups.values()]
    .map((list) => ({
      villages: [...new Set(list.map((r) => villages.get(r.originVillageId)?.name ?? "?"))],
      totalSupport: list.reduce((s, r) => s + r.supportCount, 0),
      items: list.map((r) => ({ id: r.id, ticketNo: r.ticketNo, village: villages.get(r.originVillageId)?.name ?? "?", category: r.category, text: r.text, supportCount: r.supportCount })),
    }))
    .sort((a, b) => b.villages.length - a.villages.length || b.totalSupport - a.totalSupport)
    .slice(0, max);
}

// ---------- export ----------

export interface ExportFilter {
  forumId: number;
  /** A village (origin or handler), or null for all villages (admins only). */
  villageId: number | null;
  status: AspirationStatus | "all";
  from: Date | null;
  to: Date | null;
}

export interface ExportRow {
  ticketNo: string;
  createdAt: Date;
  village: string;
  handler: string | null;
  category: string;
  /** Null when withheld (rahasia). */
  text: string | null;
  status: AspirationStatus;
  supportCount: number;
  privacy: AspirationPrivacy;
  /** Only for named aspirations. */
  reporterName: string | null;
  location: string | null;
  verifiedAt: Date | null;
  resolvedAt: Date | null;
  lastNote: string | null;
  overdue: boolean;
}

/**
 * Rows for the Musrenbang export. Anonymous reporters are never named; a rahasia aspiration keeps
 * its ticket, category and status (so counts add up) but its content, place and notes are withheld.
 */
export async function exportRows(ad: AspirasiDeps, actor: Actor, f: ExportFilter): Promise<{ rows: ExportRow[]; zone: CaseView["zone"]; forumName: string }> {
  const forum = await forumInfo(ad.prisma, f.forumId);
  if (!forum) throw new NotFound("forum_not_found");
  if (f.villageId == null) {
    if (!actor.access.isAdmin(f.forumId)) throw new NotAllowed("aspirasi_not_your_village");
  } else if (!actor.access.canActForVillage(f.forumId, f.villageId)) {
    throw new NotAllowed("aspirasi_not_your_village");
  }
  const and: PrismaNS.AspirationWhereInput[] = [{ forumId: f.forumId }];
  if (f.villageId != null) and.push({ OR: [{ originVillageId: f.villageId }, { villageId: f.villageId }] });
  if (f.status !== "all") and.push({ status: f.status });
  if (f.from) and.push({ createdAt: { gte: f.from } });
  if (f.to) and.push({ createdAt: { lt: f.to } });
  const rows = await ad.prisma.aspiration.findMany({ where: { AND: and }, orderBy: [{ supportCount: "desc" }, { createdAt: "asc" }, { id: "asc" }], take: 5000 });
  const villages = await villageRefs(ad.prisma, f.forumId, rows.flatMap((r) => [r.originVillageId, r.villageId]));
  const namedIds = rows.filter((r) => r.privacy === "named").map((r) => r.reporterId);
  const names = new Map((await ad.prisma.person.findMany({ where: { id: { in: namedIds } }, select: { id: true, firstName: true } })).map((p) => [p.id, p.firstName]));
  const notes = await ad.prisma.aspirationEvent.findMany({
    where: { forumId: f.forumId, aspirationId: { in: rows.map((r) => r.id) }, actorRole: { in: ["official", "admin"] }, note: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { aspirationId: true, note: true },
  });
  const lastNote = new Map(notes.map((n) => [n.aspirationId, n.note]));
  const now = ad.clock.now();
  // An export of personal data (named reporters): audited.
  await audit(ad.prisma, {
    forumId: f.forumId,
    actorId: actor.personId,
    action: "aspiration.export",
    target: f.villageId == null ? `forum:${f.forumId}` : `village:${f.villageId}`,
    details: { rows: rows.length, status: f.status },
    at: now,
  });
  return {
    zone: forum.zone,
    forumName: forum.name,
    rows: rows.map((r) => {
      const secret = r.privacy === "rahasia";
      const loc = r.latitude != null && r.longitude != null ? `${r.latitude.toFixed(6)},${r.longitude.toFixed(6)}` : null;
      return {
        ticketNo: r.ticketNo,
        createdAt: r.createdAt,
        village: villages.get(r.originVillageId)?.name ?? "?",
        handler: r.villageId == null ? null : (villages.get(r.villageId)?.name ?? "?"),
        category: r.category,
        text: secret ? null : r.text,
        status: r.status,
        supportCount: r.supportCount,
        privacy: r.privacy,
        reporterName: r.privacy === "named" ? (names.get(r.reporterId) ?? null) : null,
        location: secret ? null : [r.locationText, loc].filter(Boolean).join(" · ") || null,
        verifiedAt: r.verifiedAt,
        resolvedAt: r.resolvedAt,
        lastNote: secret ? null : (lastNote.get(r.id) ?? null),
        overdue: overdue(r, now),
      };
    }),
  };
}

import type { Prisma } from "../../infra/db.js";
import type { JobTx } from "../../jobs/scheduler.js";
import { isZoneName, type ZoneName } from "../../lib/time.js";
import type { Aspiration } from "../../generated/prisma/client.js";
import type { CaseView, Recipient, VillageRef } from "./notices.js";
import { readSettings, type AspirasiSettings } from "./model.js";
import { holidayCalendar, readCalendarSettings } from "../forum/calendar.js";
import type { HolidayLookup } from "../../lib/holidays.js";
import { termsOf, type ForumTerms } from "../forum/terms.js";

/** The plain client or a transaction: every read here works inside either. */
export type Db = Prisma | JobTx;

export interface ForumInfo {
  zone: ZoneName;
  settings: AspirasiSettings;
  name: string;
  terms: ForumTerms;
  /** National holidays, cuti bersama and the forum's own days off: deadlines count working days. */
  holidays: HolidayLookup;
}

export async function forumInfo(db: Db, forumId: number): Promise<ForumInfo | null> {
  const f = await db.forum.findUnique({ where: { id: forumId }, select: { timezone: true, settings: true, name: true, villageTerm: true, councilTerm: true } });
  if (!f) return null;
  return {
    zone: isZoneName(f.timezone) ? f.timezone : "Asia/Jakarta",
    settings: readSettings(f.settings),
    name: f.name,
    terms: termsOf(f),
    holidays: holidayCalendar(readCalendarSettings(f.settings)),
  };
}

export async function villageRefs(db: Db, forumId: number, ids: Array<number | null | undefined>): Promise<Map<number, VillageRef>> {
  const want = [...new Set(ids.filter((x): x is number => typeof x === "number"))];
  if (want.length === 0) return new Map();
  const rows = await db.village.findMany({ where: { forumId, id: { in: want } }, select: { id: true, name: true, shortCode: true } });
  return new Map(rows.map((v) => [v.id, v]));
}

export function photosOf(row: Pick<Aspiration, "photos">): string[] {
  return Array.isArray(row.photos) ? (row.photos as unknown[]).filter((p): p is string => typeof p === "string") : [];
}

/** Builds the officials' view; the reporter is looked up only for named aspirations. */
export async function caseView(db: Db, row: Aspiration, forum?: { zone: ZoneName; terms: ForumTerms }): Promise<CaseView> {
  const villages = await villageRefs(db, row.forumId, [row.originVillageId, row.villageId]);
  const f = forum ?? (await forumInfo(db, row.forumId));
  const z = f?.zone ?? "Asia/Jakarta";
  let reporter: CaseView["reporter"] = null;
  if (row.privacy === "named") {
    const p = await db.person.findUnique({ where: { id: row.reporterId }, select: { firstName: true, username: true } });
    reporter = p ? { firstName: p.firstName, username: p.username } : null;
  }
  const origin = villages.get(row.originVillageId) ?? { id: row.originVillageId, name: "?", shortCode: "?" };
  return {
    id: row.id,
    forumId: row.forumId,
    ticketNo: row.ticketNo,
    category: row.category,
    text: row.text,
    photos: photosOf(row),
    latitude: row.latitude,
    longitude: row.longitude,
    locationText: row.locationText,
    privacy: row.privacy,
    status: row.status,
    version: row.version,
    supportCount: row.supportCount,
    originVillage: origin,
    handlerVillage: row.villageId == null ? null : (villages.get(row.villageId) ?? null),
    createdAt: row.createdAt,
    verifyDueAt: row.verifyDueAt,
    resolveDueAt: row.resolveDueAt,
    resolvedAt: row.resolvedAt,
    confirmedAt: row.confirmedAt,
    reopenCount: row.reopenCount,
    zone: z,
    terms: f?.terms ?? termsOf(null),
    reporter,
  };
}

async function admins(db: Db, forumId: number): Promise<Recipient[]> {
  const rows = await db.person.findMany({
    where: { canMessage: true, memberships: { some: { forumId, role: "admin_forum" } } },
    select: { id: true, telegramUserId: true, language: true },
    orderBy: { id: "asc" },
  });
  return rows.map((p) => ({ personId: p.id, chatId: p.telegramUserId, language: p.language, villageKey: "k" }));
}

/**
 * Who handles a ticket: the perangkat desa of its village who can be messaged, or the forum
 * admins when the kecamatan handles it or the village has no reachable official yet.
 */
export async function handlers(db: Db, forumId: number, villageId: number | null): Promise<Recipient[]> {
  if (villageId == null) return admins(db, forumId);
  const rows = await db.person.findMany({
    where: { canMessage: true, memberships: { some: { forumId, role: "perangkat_desa", villageId } } },
    select: { id: true, telegramUserId: true, language: true },
    orderBy: { id: "asc" },
  });
  if (rows.length === 0) return admins(db, forumId);
  return rows.map((p) => ({ personId: p.id, chatId: p.telegramUserId, language: p.language, villageKey: String(villageId) }));
}

export async function forumAdminsOf(db: Db, forumId: number): Promise<Recipient[]> {
  return admins(db, forumId);
}

export async function reporterOf(db: Db, reporterId: number): Promise<Recipient | null> {
  const p = await db.person.findUnique({ where: { id: reporterId }, select: { id: true, telegramUserId: true, language: true, canMessage: true } });
  if (!p || !p.canMessage) return null;
  return { personId: p.id, chatId: p.telegramUserId, language: p.language };
}

/**
 * Forum upkeep (issue 13): what a forum admin changes in month three — a village's name and code,
 * two villages' records merged into one, a village retired, a village's group unlinked, the forum's
 * name and time zone, and the kecamatan officials' group. Every function checks the forum admin
 * role itself and writes an audit row. Names are never copied into other rows: topics, votes and
 * meetings read the village row when they render, so a rename shows on their next render.
 */
import type { Prisma } from "../../infra/db.js";
import { Conflict, InvalidInput, NotFound } from "../errors.js";
import { audit, target } from "../privasi/audit.js";
import { requireAdmin, ZONES, type Actor, type ChatInfo, type ForumDeps } from "./service.js";

type Tx = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

/** Villages still in use: pickers, new votes, new meetings and new topics offer only these. */
export const ACTIVE_VILLAGE = { retiredAt: null } as const;

async function villageOf(d: ForumDeps, forumId: number, villageId: number, opts: { active?: boolean } = {}) {
  // Scoped by forum: an id from another forum (or a forged button) is simply not found.
  const v = await d.prisma.village.findFirst({ where: { id: villageId, forumId } });
  if (!v) throw new NotFound("village_not_found");
  if (opts.active && v.retiredAt) throw new Conflict("village_retired");
  return v;
}

function cleanName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length < 2) throw new InvalidInput("village_name_short");
  if (name.length > 60) throw new InvalidInput("village_name_long");
  if (!/^[\p{L}\p{N} .'’()/-]+$/u.test(name)) throw new InvalidInput("village_name_bad");
  return name;
}

export async function renameVillage(d: ForumDeps, actor: Actor, forumId: number, villageId: number, rawName: string) {
  requireAdmin(actor, forumId);
  const v = await villageOf(d, forumId, villageId, { active: true });
  const name = cleanName(rawName);
  if (name === v.name) return v;
  const clash = await d.prisma.village.findFirst({ where: { forumId, name: { equals: name, mode: "insensitive" }, id: { not: v.id } }, select: { id: true } });
  if (clash) throw new Conflict("village_name_taken");
  const updated = await d.prisma.village.update({ where: { id: v.id }, data: { name } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "village.rename", target: target("village", v.id), at: d.clock.now() });
  return updated;
}

/** The short code in ticket numbers (SKJ-2026-0001): 2–5 capital letters or digits, unique in the forum. */
export async function setVillageCode(d: ForumDeps, actor: Actor, forumId: number, villageId: number, rawCode: string) {
  requireAdmin(actor, forumId);
  const v = await villageOf(d, forumId, villageId, { active: true });
  const code = rawCode.trim().toUpperCase();
  if (!/^[A-Z0-9]{2,5}$/.test(code)) throw new InvalidInput("village_code_bad");
  if (code === v.shortCode) return v;
  const clash = await d.prisma.village.findFirst({ where: { forumId, shortCode: code, id: { not: v.id } }, select: { id: true } });
  if (clash) throw new Conflict("village_code_taken");
  const updated = await d.prisma.village.update({ where: { id: v.id }, data: { shortCode: code } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "village.code", target: target("village", v.id), details: { code }, at: d.clock.now() });
  return updated;
}

/**
 * Retires a village: its row and history stay (old tickets, votes and minutes still name it), its
 * groups are unlinked, its open codes revoked, and it is no longer offered anywhere new.
 * Memberships stay as history; a resident picks a new home village with /desaku.
 */
export async function retireVillage(d: ForumDeps, actor: Actor, forumId: number, villageId: number) {
  requireAdmin(actor, forumId);
  const v = await villageOf(d, forumId, villageId, { active: true });
  const now = d.clock.now();
  const r = await d.prisma.$transaction(async (tx) => {
    await tx.village.update({ where: { id: v.id }, data: { retiredAt: now } });
    return retireIn(tx, forumId, v.id, now);
  });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "village.retire", target: target("village", v.id), details: r, at: now });
  return { village: v, ...r };
}

async function retireIn(tx: Tx, forumId: number, villageId: number, now: Date) {
  const groups = await tx.chatLink.updateMany({ where: { forumId, villageId, active: true }, data: { active: false, inactiveReason: "village_retired" } });
  const codes = await tx.invite.updateMany({ where: { forumId, villageId, usedById: null, revokedAt: null }, data: { revokedAt: now, revokeReason: "village_retired" } });
  // Nobody is confirmed into a retired village later: open claims to it end here.
  await tx.villageClaim.updateMany({ where: { forumId, villageId, state: "pending" }, data: { state: "withdrawn", decidedAt: now } });
  return { groups: groups.count, codes: codes.count };
}

/**
 * Merges `fromId` into `intoId`: every row that names the old village now names the kept one
 * (memberships, groups, claims, codes, aspirations, topics, meetings, votes and their tallies,
 * profiles and bursa rows), then the old village is retired with `mergedIntoId` set, its row kept
 * so history (audit rows, finished announcements' reports) still resolves. Where both villages
 * had a row that must be unique (a vote's village, a topic's village, a secret tally), the two are
 * combined (tallies and member counts summed). The kept village's profile wins; the old one's
 * profile stays with the retired row when both had one.
 */
export async function mergeVillages(d: ForumDeps, actor: Actor, forumId: number, fromId: number, intoId: number) {
  requireAdmin(actor, forumId);
  if (fromId === intoId) throw new InvalidInput("merge_same_village");
  const from = await villageOf(d, forumId, fromId, { active: true });
  const into = await villageOf(d, forumId, intoId, { active: true });
  const now = d.clock.now();
  const moved = await d.prisma.$transaction(async (tx) => {
    const n: Record<string, number> = {};
    const add = (k: string, c: { count: number } | number) => (n[k] = (n[k] ?? 0) + (typeof c === "number" ? c : c.count));
    const w = { forumId, villageId: from.id };
    const to = { villageId: into.id };

    // Memberships: a role the person already holds in the kept village is not doubled.
    const ms = await tx.membership.findMany({ where: w });
    for (const m of ms) {
      const dup = await tx.membership.findFirst({ where: { forumId, personId: m.personId, role: m.role, villageId: into.id } });
      if (dup) await tx.membership.delete({ where: { id: m.id } });
      else await tx.membership.update({ where: { id: m.id }, data: to });
      add("memberships", 1);
    }
    // A resident's home is one village: a resident of both keeps one warga row (handled above).
    add("groups", await tx.chatLink.updateMany({ where: w, data: to }));
    add("claims", await tx.villageClaim.updateMany({ where: w, data: to }));
    add("codes", await tx.invite.updateMany({ where: w, data: to }));

    add("aspirations", await tx.aspiration.updateMany({ where: { forumId, originVillageId: from.id }, data: { originVillageId: into.id } }));
    // Counted once: by origin (the handler is usually the same village).
    await tx.aspiration.updateMany({ where: w, data: to });
    await tx.aspirationEvent.updateMany({ where: w, data: to });

    // Topics: the village list is unique per topic.
    const topicRows = await tx.topicVillage.findMany({ where: { villageId: from.id, topic: { forumId } } });
    for (const r of topicRows) {
      const dup = await tx.topicVillage.findFirst({ where: { topicId: r.topicId, villageId: into.id } });
      if (dup) await tx.topicVillage.delete({ where: { id: r.id } });
      else await tx.topicVillage.update({ where: { id: r.id }, data: to });
      add("topics", 1);
    }
    await tx.topicChat.updateMany({ where: w, data: to });
    await tx.relayMessage.updateMany({ where: { villageId: from.id, forumId }, data: to });

    // Meetings.
    await tx.meeting.updateMany({ where: w, data: to });
    const meetingRows = await tx.meetingVillage.findMany({ where: w });
    for (const r of meetingRows) {
      const dup = await tx.meetingVillage.findFirst({ where: { meetingId: r.meetingId, villageId: into.id } });
      if (dup) {
        if (r.viaGroup && !dup.viaGroup) await tx.meetingVillage.update({ where: { id: dup.id }, data: { viaGroup: true } });
        await tx.meetingVillage.delete({ where: { id: r.id } });
      } else await tx.meetingVillage.update({ where: { id: r.id }, data: to });
      add("meetings", 1);
    }
    add("invitees", await tx.meetingInvitee.updateMany({ where: w, data: to }));
    // A meeting's audience (which villages' groups, officials, council) is a JSON list of ids.
    for (const m of await tx.meeting.findMany({ where: { forumId }, select: { id: true, audience: true } })) {
      const a = (m.audience ?? {}) as Record<string, unknown>;
      let changed = false;
      for (const k of ["groups", "officials", "bpd"]) {
        const ids = a[k];
        if (Array.isArray(ids) && ids.includes(from.id)) {
          a[k] = [...new Set(ids.map((x) => (x === from.id ? into.id : x)))];
          changed = true;
        }
      }
      if (changed) await tx.meeting.update({ where: { id: m.id }, data: { audience: a as object } });
    }

    // Votes: the village list and member counts, participations, secret tallies (summed), polls.
    const voteRows = await tx.voteVillage.findMany({ where: w });
    for (const r of voteRows) {
      const dup = await tx.voteVillage.findFirst({ where: { voteId: r.voteId, villageId: into.id } });
      if (dup) {
        const sum = dup.memberCount == null && r.memberCount == null ? null : (dup.memberCount ?? 0) + (r.memberCount ?? 0);
        await tx.voteVillage.update({ where: { id: dup.id }, data: { memberCount: sum } });
        await tx.voteVillage.delete({ where: { id: r.id } });
      } else await tx.voteVillage.update({ where: { id: r.id }, data: to });
      add("votes", 1);
    }
    add("participations", await tx.voteParticipation.updateMany({ where: w, data: to }));
    const tallies = await tx.voteTally.findMany({ where: w });
    for (const t of tallies) {
      await tx.voteTally.upsert({
        where: { voteId_villageId_option: { voteId: t.voteId, villageId: into.id, option: t.option } },
        create: { voteId: t.voteId, forumId, villageId: into.id, option: t.option, count: t.count },
        update: { count: { increment: t.count } },
      });
    }
    await tx.voteTally.deleteMany({ where: w });
    await tx.votePollCopy.updateMany({ where: w, data: to });

    // Village data and the bursa.
    const hasProfile = await tx.villageProfile.findFirst({ where: { forumId, villageId: into.id }, select: { id: true } });
    if (!hasProfile) add("profiles", await tx.villageProfile.updateMany({ where: w, data: to }));
    await tx.villageEnterprise.updateMany({ where: w, data: to });
    await tx.villageProfileChange.updateMany({ where: w, data: to });
    add("bursa", await tx.bursaPost.updateMany({ where: w, data: to }));
    await tx.agreementParty.updateMany({ where: w, data: to });

    // Announcements keep their audience as a list of ids: the old id becomes the kept one.
    await tx.$executeRaw`UPDATE "broadcasts" SET "village_ids" = ARRAY(SELECT DISTINCT x FROM unnest(array_replace("village_ids", ${from.id}::int, ${into.id}::int)) AS x) WHERE "forum_id" = ${forumId} AND ${from.id}::int = ANY("village_ids")`;

    await tx.village.update({ where: { id: from.id }, data: { retiredAt: now, mergedIntoId: into.id } });
    const r = await retireIn(tx, forumId, from.id, now);
    add("codes", r.codes);
    return n;
  });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "village.merge", target: target("village", from.id), details: { into: into.id, ...moved }, at: now });
  return { from, into, moved };
}

/** Unlinks a village's group(s) (an admin's choice: the group moved, or is no longer the village's). */
export async function unlinkVillageGroup(d: ForumDeps, actor: Actor, forumId: number, villageId: number) {
  requireAdmin(actor, forumId);
  const v = await villageOf(d, forumId, villageId);
  const links = await d.prisma.chatLink.findMany({ where: { forumId, villageId: v.id, active: true } });
  if (links.length === 0) throw new NotFound("village_no_group");
  await d.prisma.chatLink.updateMany({ where: { id: { in: links.map((l) => l.id) } }, data: { active: false, inactiveReason: "unlinked" } });
  const now = d.clock.now();
  for (const l of links) {
    await audit(d.prisma, { forumId, actorId: actor.personId, action: "group.unlink", target: target("group", l.telegramChatId), details: { villageId: v.id, reason: "admin" }, at: now });
  }
  return { village: v, links };
}

export async function renameForum(d: ForumDeps, actor: Actor, forumId: number, rawName: string) {
  requireAdmin(actor, forumId);
  const name = rawName.trim().replace(/\s+/g, " ");
  if (name.length < 3) throw new InvalidInput("forum_name_short");
  if (name.length > 120) throw new InvalidInput("forum_name_long");
  const f = await d.prisma.forum.update({ where: { id: forumId }, data: { name } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "forum.rename", target: target("forum", forumId), at: d.clock.now() });
  return f;
}

// Audit details hold short enum words only (no "/"): the zone's Indonesian abbreviation.
const ZONE_ABBR: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/** WIB, WITA or WIT: dates already sent keep their text; every later text and due time uses the new zone. */
export async function setForumTimezone(d: ForumDeps, actor: Actor, forumId: number, zone: string) {
  requireAdmin(actor, forumId);
  if (!(ZONES as readonly string[]).includes(zone)) throw new InvalidInput("bad_timezone");
  const f = await d.prisma.forum.update({ where: { id: forumId }, data: { timezone: zone } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "forum.timezone", target: target("forum", forumId), details: { zone: ZONE_ABBR[zone] ?? "other" }, at: d.clock.now() });
  return f;
}

// ---------------------------------------------------------------- the officials' group

/** Which cards the officials' group receives instead of the officials one by one. */
export const OFFICIALS_CARDS = ["aspirations", "quorum", "reports"] as const;
export type OfficialsCard = (typeof OFFICIALS_CARDS)[number];
export type OfficialsRouting = Record<OfficialsCard, boolean>;

export function readOfficialsRouting(settings: unknown): OfficialsRouting {
  const s = (settings && typeof settings === "object" ? (settings as Record<string, unknown>).officialsGroup : undefined) as Partial<OfficialsRouting> | undefined;
  return { aspirations: s?.aspirations === true, quorum: s?.quorum === true, reports: s?.reports === true };
}

/**
 * Links the group as the forum's officials' group (one per forum: a previous one is unlinked).
 * The caller has checked that the person is an administrator of the Telegram group; the forum
 * admin role is checked here. Every card starts routed to the group; the admin turns them off.
 */
export async function linkOfficialsGroup(d: ForumDeps, actor: Actor, forumId: number, chat: ChatInfo) {
  requireAdmin(actor, forumId);
  const existing = await d.prisma.chatLink.findUnique({ where: { telegramChatId: BigInt(chat.id) } });
  if (existing?.active && existing.forumId !== forumId) throw new Conflict("group_in_other_forum");
  if (existing?.active && existing.kind === "village_group") throw new Conflict("group_is_village_group");
  const now = d.clock.now();
  const link = await d.prisma.$transaction(async (tx) => {
    await tx.chatLink.updateMany({ where: { forumId, kind: "officials_group", active: true, telegramChatId: { not: BigInt(chat.id) } }, data: { active: false, inactiveReason: "replaced" } });
    const data = { forumId, villageId: null, kind: "officials_group" as const, title: chat.title, isForum: chat.isForum, active: true, inactiveReason: null, linkedById: actor.personId };
    const l = existing
      ? await tx.chatLink.update({ where: { id: existing.id }, data })
      : await tx.chatLink.create({ data: { ...data, telegramChatId: BigInt(chat.id) } });
    const f = await tx.forum.findUniqueOrThrow({ where: { id: forumId }, select: { settings: true } });
    const settings = { ...((f.settings as Record<string, unknown>) ?? {}), officialsGroup: { aspirations: true, quorum: true, reports: true } };
    await tx.forum.update({ where: { id: forumId }, data: { settings } });
    return l;
  });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "group.link", target: target("group", chat.id), details: { kind: "officials_group" }, at: now });
  return link;
}

export async function officialsGroupOf(d: Pick<ForumDeps, "prisma">, forumId: number) {
  return d.prisma.chatLink.findFirst({ where: { forumId, kind: "officials_group", active: true }, orderBy: { updatedAt: "desc" } });
}

export async function unlinkOfficialsGroup(d: ForumDeps, actor: Actor, forumId: number) {
  requireAdmin(actor, forumId);
  const link = await officialsGroupOf(d, forumId);
  if (!link) throw new NotFound("officials_group_none");
  await d.prisma.chatLink.update({ where: { id: link.id }, data: { active: false, inactiveReason: "unlinked" } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "group.unlink", target: target("group", link.telegramChatId), details: { kind: "officials_group", reason: "admin" }, at: d.clock.now() });
  return link;
}

export async function setOfficialsRouting(d: ForumDeps, actor: Actor, forumId: number, card: OfficialsCard, on: boolean) {
  requireAdmin(actor, forumId);
  if (!(OFFICIALS_CARDS as readonly string[]).includes(card)) throw new InvalidInput("bad_setting");
  const f = await d.prisma.forum.findUnique({ where: { id: forumId }, select: { settings: true } });
  if (!f) throw new NotFound("forum_not_found");
  const routing = { ...readOfficialsRouting(f.settings), [card]: on };
  await d.prisma.forum.update({ where: { id: forumId }, data: { settings: { ...((f.settings as Record<string, unknown>) ?? {}), officialsGroup: routing } } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "forum.officials_routing", target: target("forum", forumId), details: { card, on }, at: d.clock.now() });
  return routing;
}

/**
 * Where an officials' card goes: the forum's officials' group when one is linked and the forum
 * routes this kind of card there, else null (the caller sends to the people one by one).
 */
export async function officialsGroupFor(db: Pick<Prisma, "chatLink" | "forum">, forumId: number, card: OfficialsCard): Promise<{ chatId: bigint } | null> {
  const f = await db.forum.findUnique({ where: { id: forumId }, select: { settings: true } });
  if (!f || !readOfficialsRouting(f.settings)[card]) return null;
  const link = await db.chatLink.findFirst({ where: { forumId, kind: "officials_group", active: true }, orderBy: { updatedAt: "desc" }, select: { telegramChatId: true } });
  return link ? { chatId: link.telegramChatId } : null;
}


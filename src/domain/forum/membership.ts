/**
 * Who belongs to a forum. Membership has exactly two doors:
 *  1. being in a village's linked Telegram group — asked of Telegram when the person first acts in
 *     the forum, asked again when that answer is older than `recheckMs`, dropped when Telegram says
 *     they left;
 *  2. redeeming a single-use code issued by someone who, at that moment, may grant that role.
 * Everything else (filing an aspiration, pressing a button, choosing a village) grants nothing: a
 * village chosen in a private chat is a claim that a village official (or the group) confirms.
 */
import type { Role } from "../../generated/prisma/enums.js";
import type { Prisma } from "../../infra/db.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import type { Access } from "./access.js";
import { loadAccess } from "./people.js";
import type { Actor, ForumDeps } from "./service.js";
import { audit, target } from "../privasi/audit.js";

/** What Telegram says about a person in a group: in it, not in it, or it could not tell. */
export type GroupPresence = "in" | "out" | "unknown";

export interface GroupPort {
  presence(chatId: bigint, telegramUserId: bigint): Promise<GroupPresence>;
}

/** Roles a perangkat desa may give out for their own village; admins may give any role. */
export const OFFICIAL_GRANTABLE: Role[] = ["warga", "perangkat_desa"];

/**
 * Whether `access` may issue a code for `role` in `villageId` — asked when the code is made AND
 * when it is redeemed, so a code outlives neither its issuer's role nor their village.
 */
export function canIssue(access: Access, forumId: number, code: { role: Role; villageId: number | null; purpose: string }): boolean {
  if (access.isAdmin(forumId)) return true;
  if (code.villageId == null || !access.isOfficialOf(forumId, code.villageId)) return false;
  return code.purpose === "group" || OFFICIAL_GRANTABLE.includes(code.role);
}

// ---------------------------------------------------------------- the group door

async function villageGroups(db: Prisma, forumId: number, villageId: number) {
  return db.chatLink.findMany({ where: { forumId, villageId, active: true, kind: "village_group" }, select: { telegramChatId: true } });
}

/** Asks Telegram about each of the village's groups: "in" if any says so, "out" only if all do. */
export async function presenceInVillage(db: Prisma, port: GroupPort, forumId: number, villageId: number, telegramUserId: bigint): Promise<GroupPresence> {
  const groups = await villageGroups(db, forumId, villageId);
  if (groups.length === 0) return "unknown";
  let unknown = false;
  for (const g of groups) {
    const p = await port.presence(g.telegramChatId, telegramUserId);
    if (p === "in") return "in";
    if (p === "unknown") unknown = true;
  }
  return unknown ? "unknown" : "out";
}

/**
 * The group door: Telegram confirmed `personId` is in a group of `villageId`. A person with no
 * role in the forum becomes its warga; anyone else keeps what they have (a resident of another
 * village stays theirs until they move with /desaku).
 */
export async function admitFromGroup(d: ForumDeps, personId: number, forumId: number, villageId: number): Promise<boolean> {
  const now = d.clock.now();
  return d.prisma.$transaction(async (tx) => {
    const any = await tx.membership.findFirst({ where: { personId, forumId }, select: { id: true } });
    if (any) return false;
    await tx.membership.create({ data: { personId, forumId, villageId, role: "warga", source: "group", confirmedAt: now } });
    await audit(tx, { forumId, actorId: personId, action: "member.join", target: target("village", villageId), at: now });
    return true;
  });
}

/**
 * Re-asks Telegram about group memberships confirmed longer ago than `maxAgeMs`: kept and stamped
 * when still in, ended when out, left as they are when Telegram cannot tell (retried next time).
 * Returns whether anything was ended.
 */
export async function reconfirmGroupMemberships(
  d: ForumDeps,
  port: GroupPort,
  person: { id: number; telegramUserId: bigint },
  access: Access,
  maxAgeMs: number,
): Promise<boolean> {
  const now = d.clock.now();
  const stale = access.memberships.filter(
    (m) => m.source === "group" && m.villageId !== null && (!m.confirmedAt || now.getTime() - Date.parse(m.confirmedAt) > maxAgeMs),
  );
  let ended = false;
  for (const m of stale) {
    const p = await presenceInVillage(d.prisma, port, m.forumId, m.villageId!, person.telegramUserId);
    if (p === "in") await d.prisma.membership.updateMany({ where: { id: m.id }, data: { confirmedAt: now } });
    else if (p === "out") {
      await endGroupMembership(d, m.id, m.forumId, person.id, "left_group");
      ended = true;
    }
  }
  return ended;
}

async function endGroupMembership(d: ForumDeps, membershipId: number, forumId: number, personId: number, reason: string) {
  const r = await d.prisma.membership.deleteMany({ where: { id: membershipId, source: "group" } });
  if (r.count) await audit(d.prisma, { forumId, actorId: null, action: "member.leave", target: target("person", personId), details: { reason }, at: d.clock.now() });
}

/**
 * Telegram said a person left (or was removed from) a linked group: their group membership of that
 * village ends, unless another linked group of the same village still has them.
 */
export async function leftGroup(d: ForumDeps, port: GroupPort, chatId: bigint, telegramUserId: bigint) {
  const link = await d.prisma.chatLink.findUnique({ where: { telegramChatId: chatId }, select: { forumId: true, villageId: true } });
  if (!link?.villageId) return false;
  const person = await d.prisma.person.findUnique({ where: { telegramUserId }, select: { id: true } });
  if (!person) return false;
  const m = await d.prisma.membership.findFirst({ where: { personId: person.id, forumId: link.forumId, villageId: link.villageId, source: "group" } });
  if (!m) return false;
  const others = (await villageGroups(d.prisma, link.forumId, link.villageId)).filter((g) => g.telegramChatId !== chatId);
  for (const g of others) if ((await port.presence(g.telegramChatId, telegramUserId)) === "in") return false;
  await endGroupMembership(d, m.id, link.forumId, person.id, "left_group");
  return true;
}

// ---------------------------------------------------------------- home village claims

export type ClaimOutcome =
  | { kind: "confirmed_by_group"; villageId: number; villageName: string }
  | { kind: "pending"; claimId: number; villageId: number; villageName: string }
  | { kind: "already"; villageName: string };

/** Replaces the person's home village in a forum (one warga membership per forum). */
async function moveHome(tx: Prisma, m: { personId: number; forumId: number; villageId: number; source: "group" | "claim"; grantedById: number | null; now: Date }) {
  await tx.membership.deleteMany({ where: { personId: m.personId, forumId: m.forumId, role: "warga" } });
  await tx.membership.create({
    data: { personId: m.personId, forumId: m.forumId, villageId: m.villageId, role: "warga", source: m.source, grantedById: m.grantedById, confirmedAt: m.source === "group" ? m.now : null },
  });
}

/**
 * "/desaku": a person of the forum says which village they live in. Confirmed at once when
 * Telegram says they are in that village's group; otherwise a claim the village's officials decide.
 */
export async function claimHomeVillage(d: ForumDeps, port: GroupPort, actor: Actor & { telegramUserId: bigint }, forumId: number, villageId: number): Promise<ClaimOutcome> {
  if (!actor.access.inForum(forumId)) throw new NotAllowed("not_in_forum");
  // A retired village is no one's new home (issue 13).
  const v = await d.prisma.village.findFirst({ where: { id: villageId, forumId, retiredAt: null }, select: { id: true, name: true } });
  if (!v) throw new NotFound("village_not_found");
  if (actor.access.homeVillage(forumId) === v.id && actor.access.has(forumId, "warga", v.id)) return { kind: "already", villageName: v.name };
  const now = d.clock.now();
  if ((await presenceInVillage(d.prisma, port, forumId, v.id, actor.telegramUserId)) === "in") {
    await d.prisma.$transaction(async (tx) => {
      await moveHome(tx as unknown as Prisma, { personId: actor.personId, forumId, villageId: v.id, source: "group", grantedById: null, now });
      await tx.villageClaim.updateMany({ where: { personId: actor.personId, forumId, state: "pending" }, data: { state: "withdrawn", decidedAt: now } });
      await audit(tx, { forumId, actorId: actor.personId, action: "member.move", target: target("village", v.id), at: now });
    });
    return { kind: "confirmed_by_group", villageId: v.id, villageName: v.name };
  }
  const claim = await d.prisma.$transaction(async (tx) => {
    // One open claim per person and forum: a new choice replaces the old one.
    await tx.villageClaim.updateMany({ where: { personId: actor.personId, forumId, state: "pending" }, data: { state: "withdrawn", decidedAt: now } });
    return tx.villageClaim.create({ data: { forumId, villageId: v.id, personId: actor.personId, createdAt: now } });
  });
  return { kind: "pending", claimId: claim.id, villageId: v.id, villageName: v.name };
}

/** A village official (or a forum admin) confirms or rejects a claim. */
export async function decideClaim(d: ForumDeps, actor: Actor, forumId: number, claimId: number, confirm: boolean) {
  const claim = await d.prisma.villageClaim.findFirst({ where: { id: claimId, forumId } });
  if (!claim) throw new NotFound("claim_not_found");
  if (!actor.access.canActForVillage(forumId, claim.villageId)) throw new NotAllowed("not_official_of_village");
  if (claim.state !== "pending") throw new Conflict("claim_decided");
  if (claim.personId === actor.personId) throw new NotAllowed("claim_own");
  const now = d.clock.now();
  const done = await d.prisma.$transaction(async (tx) => {
    const r = await tx.villageClaim.updateMany({ where: { id: claim.id, state: "pending" }, data: { state: confirm ? "confirmed" : "rejected", decidedById: actor.personId, decidedAt: now } });
    if (r.count !== 1) return false;
    if (confirm) await moveHome(tx as unknown as Prisma, { personId: claim.personId, forumId, villageId: claim.villageId, source: "claim", grantedById: actor.personId, now });
    await audit(tx, { forumId, actorId: actor.personId, action: confirm ? "claim.confirm" : "claim.reject", target: target("person", claim.personId), details: { villageId: claim.villageId }, at: now });
    return true;
  });
  if (!done) throw new Conflict("claim_decided");
  const [person, village] = await Promise.all([
    d.prisma.person.findUnique({ where: { id: claim.personId }, select: { id: true, telegramUserId: true, language: true, canMessage: true, firstName: true } }),
    d.prisma.village.findUnique({ where: { id: claim.villageId }, select: { name: true } }),
  ]);
  return { confirmed: confirm, person: person!, villageName: village?.name ?? "" };
}

/** Officials (and admins) who decide claims for a village, for the notice of a new claim. */
export async function claimDeciders(db: Prisma, forumId: number, villageId: number) {
  return db.person.findMany({
    where: { canMessage: true, memberships: { some: { forumId, OR: [{ role: "perangkat_desa", villageId }, { role: "admin_forum" }] } } },
    select: { id: true, telegramUserId: true, language: true, memberships: { where: { forumId }, select: { role: true, villageId: true } } },
  }).then((people) =>
    // Officials of the village when it has any; otherwise the forum's admins.
    people.some((p) => p.memberships.some((m) => m.role === "perangkat_desa" && m.villageId === villageId))
      ? people.filter((p) => p.memberships.some((m) => m.role === "perangkat_desa" && m.villageId === villageId))
      : people,
  );
}

// ---------------------------------------------------------------- codes

export interface OpenCode {
  id: number;
  code: string;
  role: Role;
  purpose: string;
  villageName: string | null;
  createdByName: string;
  expiresAt: Date;
}

function openCodesWhere(actor: Actor, forumId: number, now: Date) {
  const base = { forumId, usedById: null, revokedAt: null, expiresAt: { gt: now } };
  if (actor.access.isAdmin(forumId)) return base;
  // Officials see (and may revoke) the open codes of their own villages.
  return { ...base, villageId: { in: actor.access.officialVillages(forumId) } };
}

/** Codes not yet used, revoked or expired that the actor may see and revoke. */
export async function listOpenCodes(d: ForumDeps, actor: Actor, forumId: number, page: number, pageSize = 6) {
  if (!actor.access.isAdmin(forumId) && !actor.access.isOfficial(forumId)) throw new NotAllowed("not_official_of_village");
  const where = openCodesWhere(actor, forumId, d.clock.now());
  const [total, rows] = await Promise.all([
    d.prisma.invite.count({ where }),
    d.prisma.invite.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: page * pageSize, take: pageSize, include: { village: { select: { name: true } } } }),
  ]);
  const issuers = await d.prisma.person.findMany({ where: { id: { in: rows.map((r) => r.createdById) } }, select: { id: true, firstName: true } });
  const names = new Map(issuers.map((p) => [p.id, p.firstName]));
  const items: OpenCode[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    role: r.role,
    purpose: r.purpose,
    villageName: r.village?.name ?? null,
    createdByName: names.get(r.createdById) ?? "—",
    expiresAt: r.expiresAt,
  }));
  return { total, items, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function revokeCode(d: ForumDeps, actor: Actor, forumId: number, inviteId: number) {
  const inv = await d.prisma.invite.findFirst({ where: { id: inviteId, forumId } });
  if (!inv) throw new NotFound("invite_not_found");
  if (!canIssue(actor.access, forumId, inv)) throw new NotAllowed("not_official_of_village");
  if (inv.usedById) throw new Conflict("invite_used");
  if (inv.revokedAt) throw new Conflict("invite_revoked");
  const now = d.clock.now();
  const r = await d.prisma.invite.updateMany({ where: { id: inv.id, usedById: null, revokedAt: null }, data: { revokedAt: now, revokedById: actor.personId, revokeReason: "manual" } });
  if (r.count !== 1) throw new Conflict("invite_used");
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "invite.revoke", target: target("invite", inv.id), details: { role: inv.role, purpose: inv.purpose, reason: "manual" }, at: now });
  return inv;
}

/**
 * After `personId` lost a role: every open code they issued that they could no longer issue is
 * revoked (redeeming checks the issuer again as well, so a code is dead either way).
 */
export async function revokeCodesOfFormerIssuer(db: Prisma, personId: number, forumId: number, now: Date): Promise<number> {
  const open = await db.invite.findMany({ where: { forumId, createdById: personId, usedById: null, revokedAt: null, expiresAt: { gt: now } } });
  if (open.length === 0) return 0;
  const access = await loadAccess(db, personId, false);
  const dead = open.filter((i) => !canIssue(access, forumId, i)).map((i) => i.id);
  if (dead.length === 0) return 0;
  await db.invite.updateMany({ where: { id: { in: dead }, usedById: null, revokedAt: null }, data: { revokedAt: now, revokeReason: "issuer_lost_right" } });
  await audit(db, { forumId, actorId: null, action: "invite.revoke", target: target("person", personId), details: { reason: "issuer_lost_right", count: dead.length }, at: now });
  return dead.length;
}

/** Forums a person reported to without belonging to them: they see their own tickets there. */
export async function reporterForumIds(db: Prisma, personId: number): Promise<number[]> {
  const rows = await db.aspiration.findMany({ where: { reporterId: personId }, select: { forumId: true }, distinct: ["forumId"] });
  return rows.map((r) => r.forumId);
}

export function assertValidCodeInput(role: Role, villageId: number | null, purpose: string) {
  const needsVillage = purpose === "role" && (role === "perangkat_desa" || role === "warga");
  if (needsVillage && villageId == null) throw new InvalidInput("village_required");
}

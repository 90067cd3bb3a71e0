import type { Role } from "../../generated/prisma/enums.js";
import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";
import type { Random } from "../../infra/random.js";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import type { Access } from "./access.js";
import { assertValidCodeInput, canIssue, OFFICIAL_GRANTABLE, revokeCodesOfFormerIssuer } from "./membership.js";
import { loadAccess } from "./people.js";
import { audit, target, type AuditAction, type AuditDetails } from "../privasi/audit.js";
import { DEFAULT_TERMS, isVillageTerm, termsOf, validateCouncilTerm, type ForumTerms } from "./terms.js";
import { JABATAN_FORUM, JABATAN_VILLAGE, validateJabatan } from "./jabatan.js";

export interface ForumDeps {
  prisma: Prisma;
  clock: Clock;
  random: Random;
}

export interface Actor {
  personId: number;
  access: Access;
}

export const ROLES: Role[] = ["warga", "perangkat_desa", "moderator", "admin_forum", "mitra"];
export const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;

const INVITE_TTL_MS = 7 * 24 * 3600_000;
const MAX_VILLAGES_PER_FORUM = 200;

export function requireAdmin(actor: Actor, forumId: number) {
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
}

function record(d: ForumDeps, forumId: number | null, actorId: number | null, action: AuditAction, target?: string, details: AuditDetails = {}) {
  return audit(d.prisma, { forumId, actorId, action, target: target ?? null, details, at: d.clock.now() });
}

// ---------- forums and villages ----------

export async function createForum(d: ForumDeps, actor: Actor, input: { name: string; timezone?: string; terms?: ForumTerms }) {
  if (!actor.access.bootstrapAdmin) throw new NotAllowed("not_bootstrap_admin");
  const name = input.name.trim().replace(/\s+/g, " ");
  if (name.length < 3) throw new InvalidInput("forum_name_short");
  if (name.length > 120) throw new InvalidInput("forum_name_long");
  const timezone = input.timezone ?? "Asia/Jakarta";
  if (!(ZONES as readonly string[]).includes(timezone)) throw new InvalidInput("bad_timezone");
  const terms = checkTerms(input.terms ?? DEFAULT_TERMS);
  const forum = await d.prisma.$transaction(async (tx) => {
    const f = await tx.forum.create({ data: { name, timezone, createdById: actor.personId, villageTerm: terms.village, councilTerm: terms.council } });
    await tx.membership.create({ data: { personId: actor.personId, forumId: f.id, role: "admin_forum", grantedById: actor.personId, source: "founder" } });
    return f;
  });
  await record(d, forum.id, actor.personId, "forum.create", target("forum", forum.id));
  return forum;
}

function checkTerms(t: ForumTerms): ForumTerms {
  if (!isVillageTerm(t.village)) throw new InvalidInput("bad_village_term");
  return { village: t.village, council: validateCouncilTerm(t.council) };
}

/** The forum's words for its villages and council; changed by its admins only. */
export async function setForumTerms(d: ForumDeps, actor: Actor, forumId: number, change: Partial<ForumTerms>) {
  requireAdmin(actor, forumId);
  const current = await d.prisma.forum.findUnique({ where: { id: forumId }, select: { villageTerm: true, councilTerm: true } });
  if (!current) throw new NotFound("forum_not_found");
  const terms = checkTerms({ ...termsOf(current), ...change });
  await d.prisma.forum.update({ where: { id: forumId }, data: { villageTerm: terms.village, councilTerm: terms.council } });
  await record(d, forumId, actor.personId, "forum.terms", target("forum", forumId), { village: terms.village, council: terms.council });
  return terms;
}

export async function getForumTerms(d: Pick<ForumDeps, "prisma">, forumId: number): Promise<ForumTerms> {
  return termsOf(await d.prisma.forum.findUnique({ where: { id: forumId }, select: { villageTerm: true, councilTerm: true } }));
}

export interface VillageInput {
  name: string;
  kemendagriCode?: string;
}

/**
 * Parses villages typed one per line, optionally with their Kemendagri code before or after the
 * name ("Sukajaya 18.02.13.2001", "1802132001 - Sukajaya", "Desa Sukajaya").
 */
export function parseVillageList(text: string): { villages: VillageInput[]; errors: Array<{ line: number; text: string; reason: string }> } {
  const villages: VillageInput[] = [];
  const errors: Array<{ line: number; text: string; reason: string }> = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    let line = raw.replace(/^\s*(\d+[.)]\s+|[-•*]\s+)/, "").trim();
    if (!line) return;
    let code: string | undefined;
    const codeRe = /(\d{2}[.\s]?\d{2}[.\s]?\d{2}[.\s]?\d{4})/;
    const m = line.match(codeRe);
    if (m) {
      const digits = m[1]!.replace(/\D/g, "");
      code = `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
      line = line.replace(m[0], " ").replace(/[;,|–-]/g, " ").trim();
    }
    const name = line.replace(/^(desa|kampung|kelurahan|nagari|gampong|pekon|tiyuh)\s+/i, "").replace(/\s+/g, " ").trim();
    if (!name) return errors.push({ line: i + 1, text: raw.trim(), reason: "no_name" }) && undefined;
    if (name.length > 60) return errors.push({ line: i + 1, text: raw.trim(), reason: "name_long" }) && undefined;
    if (!/^[\p{L}\p{N} .'’()/-]+$/u.test(name)) return errors.push({ line: i + 1, text: raw.trim(), reason: "bad_chars" }) && undefined;
    const key = name.toLowerCase();
    if (seen.has(key)) return errors.push({ line: i + 1, text: raw.trim(), reason: "duplicate" }) && undefined;
    seen.add(key);
    villages.push({ name: titleCase(name), kemendagriCode: code });
  });
  return { villages, errors };
}

function titleCase(s: string) {
  return s.replace(/\p{L}+/gu, (w) => (w === w.toUpperCase() && w.length <= 4 ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
}

/** Three-letter code from a village name's consonants: Sukajaya → SKJ (used in ticket numbers). */
export function shortCodeFor(name: string, taken: Set<string>): string {
  const letters = name.toUpperCase().replace(/[^A-Z]/g, "");
  const consonants = letters[0] + letters.slice(1).replace(/[AEIOU]/g, "");
  let base = (consonants.length >= 3 ? consonants : letters.padEnd(3, "X")).slice(0, 3);
  if (!taken.has(base)) return base;
  for (let i = 2; i < 100; i++) {
    const c = base.slice(0, 2) + String(i);
    if (!taken.has(c)) return c;
  }
  base = letters.slice(0, 2) + String(taken.size);
  return base;
}

export async function addVillages(d: ForumDeps, actor: Actor, forumId: number, list: VillageInput[]) {
  requireAdmin(actor, forumId);
  if (list.length === 0) throw new InvalidInput("villages_empty");
  const existing = await d.prisma.village.findMany({ where: { forumId }, select: { name: true, shortCode: true } });
  if (existing.length + list.length > MAX_VILLAGES_PER_FORUM) throw new InvalidInput("villages_too_many", { max: MAX_VILLAGES_PER_FORUM });
  const names = new Set(existing.map((v) => v.name.toLowerCase()));
  const codes = new Set(existing.map((v) => v.shortCode));
  const created: Array<{ id: number; name: string; shortCode: string }> = [];
  const skipped: string[] = [];
  await d.prisma.$transaction(async (tx) => {
    for (const v of list) {
      if (names.has(v.name.toLowerCase())) {
        skipped.push(v.name);
        continue;
      }
      const shortCode = shortCodeFor(v.name, codes);
      codes.add(shortCode);
      names.add(v.name.toLowerCase());
      created.push(
        await tx.village.create({
          data: { forumId, name: v.name, shortCode, kemendagriCode: v.kemendagriCode ?? null, reportKey: d.random.code(REPORT_KEY_LENGTH) },
          select: { id: true, name: true, shortCode: true },
        }),
      );
    }
  });
  await record(d, forumId, actor.personId, "village.add", target("forum", forumId), { count: created.length });
  return { created, skipped };
}

export async function getVillage(d: ForumDeps, forumId: number, villageId: number) {
  // Scoped by forum: an id from another forum is simply not found.
  const v = await d.prisma.village.findFirst({ where: { id: villageId, forumId } });
  if (!v) throw new NotFound("village_not_found");
  return v;
}

const REPORT_KEY_LENGTH = 10;

/**
 * The key of a village's public aspirasi link (poster, QR, group button). Random, never the
 * sequential id: a link must not let anyone walk through every village of every forum.
 */
export async function reportKeyOf(d: ForumDeps, forumId: number, villageId: number): Promise<string> {
  const v = await getVillage(d, forumId, villageId);
  if (v.reportKey) return v.reportKey;
  await d.prisma.village.updateMany({ where: { id: v.id, reportKey: null }, data: { reportKey: d.random.code(REPORT_KEY_LENGTH) } });
  return (await d.prisma.village.findUniqueOrThrow({ where: { id: v.id }, select: { reportKey: true } })).reportKey!;
}

export async function villageByReportKey(d: ForumDeps, key: string) {
  const k = key.trim().toUpperCase();
  if (!/^[A-Z0-9]{6,20}$/.test(k)) return null;
  return d.prisma.village.findUnique({ where: { reportKey: k }, select: { id: true, forumId: true } });
}

export async function listVillages(d: ForumDeps, forumId: number) {
  return d.prisma.village.findMany({
    where: { forumId, retiredAt: null },
    orderBy: { name: "asc" },
    include: {
      chatLinks: { where: { active: true }, select: { id: true, title: true, telegramChatId: true, kind: true } },
      memberships: {
        where: { role: "perangkat_desa" },
        select: { title: true, person: { select: { id: true, firstName: true, lastName: true, username: true } } },
      },
    },
  });
}

// ---------- invitations ----------

export async function createInvite(
  d: ForumDeps,
  actor: Actor,
  input: { forumId: number; role: Role; villageId?: number | null; purpose?: "role" | "group"; ttlMs?: number; title?: string | null },
) {
  const purpose = input.purpose ?? "role";
  const title = input.title ? validateJabatan(input.title) : null;
  if (!ROLES.includes(input.role)) throw new InvalidInput("bad_role");
  const villageId = input.villageId ?? null;
  assertValidCodeInput(input.role, villageId, purpose);
  // Admins issue any code; perangkat desa codes for their own village (warga, perangkat, its group).
  if (!canIssue(actor.access, input.forumId, { role: input.role, villageId, purpose })) {
    if (!actor.access.isOfficial(input.forumId)) throw new NotAllowed("not_admin");
    throw new NotAllowed(purpose === "role" && !OFFICIAL_GRANTABLE.includes(input.role) ? "code_role_not_allowed" : "not_official_of_village");
  }
  if (villageId != null && (await getVillage(d, input.forumId, villageId)).retiredAt) throw new Conflict("village_retired");
  const now = d.clock.now();
  const invite = await d.prisma.invite.create({
    data: {
      code: (purpose === "group" ? "G" : "") + d.random.code(purpose === "group" ? 7 : 8),
      forumId: input.forumId,
      villageId: input.villageId ?? null,
      role: input.role,
      purpose,
      title: purpose === "role" ? title : null,
      createdById: actor.personId,
      expiresAt: new Date(now.getTime() + (input.ttlMs ?? INVITE_TTL_MS)),
    },
    include: { village: { select: { name: true } }, forum: { select: { name: true } } },
  });
  await record(d, input.forumId, actor.personId, "invite.create", target("invite", invite.id), { role: input.role, purpose, villageId: invite.villageId });
  return invite;
}

export function normalizeCode(code: string) {
  return code.trim().toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Spends a single-use role invitation; the same code can never grant twice (conditional update). */
export async function redeemInvite(d: ForumDeps, personId: number, rawCode: string) {
  const code = normalizeCode(rawCode);
  if (!code) throw new InvalidInput("invite_code_missing");
  const now = d.clock.now();
  const result = await d.prisma.$transaction(async (tx) => {
    const inv = await tx.invite.findUnique({ where: { code }, include: { forum: true, village: true } });
    if (!inv || inv.purpose !== "role") throw new NotFound("invite_not_found");
    if (inv.revokedAt) throw new InvalidInput("invite_revoked");
    if (inv.usedById === personId) throw new Conflict("invite_already_yours");
    if (inv.usedById) throw new Conflict("invite_used");
    if (inv.expiresAt <= now) throw new InvalidInput("invite_expired");
    // Nobody opens a door they hold the key to: an issuer redeeming their own code gains nothing legitimate.
    if (inv.createdById === personId) throw new NotAllowed("invite_own");
    // The issuer must still hold the right to grant this role, now, not only when the code was made.
    const issuer = await loadAccess(tx as unknown as Prisma, inv.createdById, false);
    if (!canIssue(issuer, inv.forumId, inv)) {
      await tx.invite.updateMany({ where: { id: inv.id, revokedAt: null }, data: { revokedAt: now, revokeReason: "issuer_lost_right" } });
      return { revoked: true as const };
    }
    const claimed = await tx.invite.updateMany({ where: { id: inv.id, usedById: null }, data: { usedById: personId, usedAt: now } });
    if (claimed.count !== 1) throw new Conflict("invite_used");
    const m = await grantMembership(tx as unknown as Prisma, {
      personId, forumId: inv.forumId, role: inv.role, villageId: inv.villageId, grantedById: inv.createdById, source: "code", inviteId: inv.id, title: inv.title,
    });
    await audit(tx, { forumId: inv.forumId, actorId: personId, action: "invite.redeem", target: target("invite", inv.id), details: { role: inv.role, villageId: inv.villageId }, at: now });
    return { revoked: false as const, forum: inv.forum, village: inv.village, role: inv.role, membershipId: m.id, title: m.title, asksTitle: m.title === null && asksJabatan(inv.role) };
  });
  // The revocation is committed before the person is told (a throw inside would roll it back).
  if (result.revoked) throw new InvalidInput("invite_revoked");
  return result;
}

async function grantMembership(
  db: Prisma,
  m: { personId: number; forumId: number; role: Role; villageId: number | null; grantedById: number | null; source: "code" | "admin"; inviteId?: number; title?: string | null },
) {
  if (m.role === "warga") {
    // One home village per forum: a resident who moves changes it.
    await db.membership.deleteMany({ where: { personId: m.personId, forumId: m.forumId, role: "warga" } });
  }
  const existing = await db.membership.findFirst({ where: { personId: m.personId, forumId: m.forumId, role: m.role, villageId: m.villageId } });
  if (existing) {
    if (m.title && !existing.title) return db.membership.update({ where: { id: existing.id }, data: { title: m.title } });
    return existing;
  }
  return db.membership.create({ data: { ...m, inviteId: m.inviteId ?? null, title: m.title ?? null } });
}

/** Roles whose holder has a position worth naming: officials and council members, and the forum's office. */
export function asksJabatan(role: Role): boolean {
  return role !== "warga";
}

/** The positions offered for a role: a village's (perangkat, council) or the forum's (kecamatan, partners). */
export function jabatanChoices(role: Role): readonly string[] {
  if (role === "perangkat_desa") return JABATAN_VILLAGE;
  if (role === "warga") return [];
  return JABATAN_FORUM;
}

/**
 * Sets the position on a membership. The holder may name their own (right after redeeming a code
 * that left it open, or later); a forum admin may set anyone's; a village official, those of their
 * own village's officials.
 */
export async function setMembershipTitle(d: ForumDeps, actor: Actor, forumId: number, membershipId: number, rawTitle: string | null) {
  const m = await d.prisma.membership.findFirst({ where: { id: membershipId, forumId } });
  if (!m) throw new NotFound("membership_not_found");
  const own = m.personId === actor.personId;
  const allowed = own || actor.access.isAdmin(forumId) || (m.role === "perangkat_desa" && m.villageId != null && actor.access.isOfficialOf(forumId, m.villageId));
  if (!allowed) throw new NotAllowed("not_admin");
  if (!asksJabatan(m.role)) throw new InvalidInput("bad_role");
  const title = rawTitle === null ? null : validateJabatan(rawTitle);
  const updated = await d.prisma.membership.update({ where: { id: m.id }, data: { title } });
  await record(d, forumId, actor.personId, "role.title", target("person", m.personId), { membershipId: m.id });
  return updated;
}

// ---------- roles ----------

export async function grantRole(d: ForumDeps, actor: Actor, input: { forumId: number; personId: number; role: Role; villageId?: number | null }) {
  requireAdmin(actor, input.forumId);
  if (!ROLES.includes(input.role)) throw new InvalidInput("bad_role");
  const villageId = input.role === "perangkat_desa" || input.role === "warga" ? (input.villageId ?? null) : null;
  if ((input.role === "perangkat_desa" || input.role === "warga") && villageId == null) throw new InvalidInput("village_required");
  if (villageId != null) await getVillage(d, input.forumId, villageId);
  // Only people already known in this forum can be given roles here (others use an invitation).
  const known = await d.prisma.membership.findFirst({ where: { forumId: input.forumId, personId: input.personId } });
  if (!known) throw new NotFound("person_not_in_forum");
  const m = await grantMembership(d.prisma, { personId: input.personId, forumId: input.forumId, role: input.role, villageId, grantedById: actor.personId, source: "admin" });
  await record(d, input.forumId, actor.personId, "role.grant", target("person", input.personId), { role: input.role, villageId });
  return m;
}

export async function revokeRole(d: ForumDeps, actor: Actor, forumId: number, membershipId: number) {
  requireAdmin(actor, forumId);
  const m = await d.prisma.membership.findFirst({ where: { id: membershipId, forumId } });
  if (!m) throw new NotFound("membership_not_found");
  if (m.role === "admin_forum") {
    const admins = await d.prisma.membership.count({ where: { forumId, role: "admin_forum" } });
    if (admins <= 1) throw new Conflict("last_admin");
  }
  const revokedCodes = await d.prisma.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: m.id } });
    // Codes they issued with the right they just lost die with it.
    return revokeCodesOfFormerIssuer(tx as unknown as Prisma, m.personId, forumId, d.clock.now());
  });
  await record(d, forumId, actor.personId, "role.revoke", target("person", m.personId), { role: m.role, villageId: m.villageId, revokedCodes });
  return { ...m, revokedCodes };
}

export async function listMembers(d: ForumDeps, actor: Actor, forumId: number, opts: { skip?: number; take?: number } = {}) {
  if (!actor.access.isAdmin(forumId) && !actor.access.isOfficial(forumId)) throw new NotAllowed("not_admin");
  const where = actor.access.isAdmin(forumId)
    ? { memberships: { some: { forumId } } }
    : // Officials see the people of their own villages only.
      { memberships: { some: { forumId, villageId: { in: actor.access.officialVillages(forumId) } } } };
  const [total, people] = await Promise.all([
    d.prisma.person.count({ where }),
    d.prisma.person.findMany({
      where,
      orderBy: [{ firstName: "asc" }, { id: "asc" }],
      skip: opts.skip ?? 0,
      take: opts.take ?? 8,
      include: { memberships: { where: { forumId }, include: { village: { select: { name: true } } }, orderBy: { id: "asc" } } },
    }),
  ]);
  return { total, people };
}

export async function getMemberInForum(d: ForumDeps, actor: Actor, forumId: number, personId: number) {
  requireAdmin(actor, forumId);
  const p = await d.prisma.person.findFirst({
    where: { id: personId, memberships: { some: { forumId } } },
    include: { memberships: { where: { forumId }, include: { village: { select: { name: true } } }, orderBy: { id: "asc" } } },
  });
  if (!p) throw new NotFound("person_not_in_forum");
  return p;
}

export async function forumAdmins(d: ForumDeps, forumId: number) {
  return d.prisma.person.findMany({
    where: { memberships: { some: { forumId, role: "admin_forum" } } },
    select: { id: true, telegramUserId: true, canMessage: true, language: true, firstName: true },
  });
}

// ---------- group links ----------

export interface ChatInfo {
  id: number;
  title: string;
  isForum: boolean;
}

export { findChatLink, type LinkedChat } from "./links.js";
import { findChatLink } from "./links.js";

/**
 * Links a group to a village (or as the kecamatan group when villageId is null). The caller has
 * already checked that the person is an administrator of the Telegram group.
 */
export async function linkGroup(
  d: ForumDeps,
  actor: Actor,
  input: { forumId: number; villageId: number | null; chat: ChatInfo; kind?: "village_group" | "kecamatan_group" | "officials_group" },
) {
  const kind = input.kind ?? (input.villageId == null ? "kecamatan_group" : "village_group");
  if (input.villageId == null) requireAdmin(actor, input.forumId);
  else if (!actor.access.canActForVillage(input.forumId, input.villageId)) throw new NotAllowed("not_official_of_village");
  const village = input.villageId != null ? await getVillage(d, input.forumId, input.villageId) : null;
  if (village?.retiredAt) throw new Conflict("village_retired");
  const existing = await findChatLink(d, input.chat.id);
  if (existing?.active && existing.forumId !== input.forumId) throw new Conflict("group_in_other_forum");
  if (existing?.active && existing.villageId === input.villageId && existing.kind === kind) throw new Conflict("group_already_linked", { village: village?.name ?? "" });
  const data = {
    forumId: input.forumId,
    villageId: input.villageId,
    kind,
    title: input.chat.title,
    isForum: input.chat.isForum,
    active: true,
    inactiveReason: null,
    linkedById: actor.personId,
  } as const;
  const link = existing
    ? await d.prisma.chatLink.update({ where: { id: existing.id }, data })
    : await d.prisma.chatLink.create({ data: { ...data, telegramChatId: BigInt(input.chat.id) } });
  await record(d, input.forumId, actor.personId, "group.link", target("group", input.chat.id), { villageId: input.villageId, kind });
  return { link, village };
}

/** `/daftar <kode>`: spends a group-link code made by an official or admin of the forum. */
export async function linkGroupWithCode(d: ForumDeps, personId: number, rawCode: string, chat: ChatInfo) {
  const code = normalizeCode(rawCode);
  const now = d.clock.now();
  const inv = await d.prisma.invite.findUnique({ where: { code }, include: { village: true } });
  if (!inv || inv.purpose !== "group") throw new NotFound("group_code_not_found");
  if (inv.revokedAt || inv.usedById) throw new Conflict("group_code_used");
  if (inv.expiresAt <= now) throw new InvalidInput("invite_expired");
  const issuer = await loadAccess(d.prisma, inv.createdById, false);
  if (!canIssue(issuer, inv.forumId, inv)) throw new InvalidInput("invite_revoked");
  const existing = await findChatLink(d, chat.id);
  if (existing?.active && existing.forumId !== inv.forumId) throw new Conflict("group_in_other_forum");
  const claimed = await d.prisma.invite.updateMany({ where: { id: inv.id, usedById: null }, data: { usedById: personId, usedAt: now } });
  if (claimed.count !== 1) throw new Conflict("group_code_used");
  const data = {
    forumId: inv.forumId,
    villageId: inv.villageId,
    kind: inv.villageId == null ? ("kecamatan_group" as const) : ("village_group" as const),
    title: chat.title,
    isForum: chat.isForum,
    active: true,
    inactiveReason: null,
    linkedById: personId,
  };
  const link = existing
    ? await d.prisma.chatLink.update({ where: { id: existing.id }, data })
    : await d.prisma.chatLink.create({ data: { ...data, telegramChatId: BigInt(chat.id) } });
  await record(d, inv.forumId, personId, "group.link", target("group", chat.id), { villageId: inv.villageId, viaCode: true });
  return { link, village: inv.village };
}

export async function deactivateChat(d: ForumDeps, chatId: number | bigint, reason: string) {
  const link = await findChatLink(d, chatId);
  if (!link || !link.active) return null;
  await d.prisma.chatLink.update({ where: { id: link.id }, data: { active: false, inactiveReason: reason } });
  await record(d, link.forumId, null, "group.unlink", target("group", chatId), { reason });
  return link;
}

/** A group became a supergroup: the link follows the new chat id. */
export async function migrateChat(d: ForumDeps, oldChatId: number | bigint, newChatId: number | bigint) {
  const link = await findChatLink(d, oldChatId);
  if (!link) return null;
  const clash = await findChatLink(d, newChatId);
  if (clash) await d.prisma.chatLink.delete({ where: { id: clash.id } });
  const updated = await d.prisma.chatLink.update({ where: { id: link.id }, data: { telegramChatId: BigInt(newChatId) } });
  await record(d, link.forumId, null, "group.migrate", target("group", oldChatId), { to: String(newChatId) });
  return { ...link, ...updated };
}

import type { Prisma } from "../../infra/db.js";
import { Prisma as P } from "../../generated/prisma/client.js";
import type { MembershipSource, Role } from "../../generated/prisma/enums.js";
import { Access, type MembershipView } from "./access.js";
import { termsOf } from "./terms.js";
import { LINK_COLUMNS, linkedChatOf, type LinkColumns, type LinkedChat } from "./links.js";

export interface TelegramUserLike {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

export interface PersonRecord {
  id: number;
  telegramUserId: bigint;
  firstName: string;
  lastName: string | null;
  username: string | null;
  language: string;
  canMessage: boolean;
  privacyConsent: string | null;
  privacyVersion: string | null;
  privacyAnsweredAt: Date | null;
}

// Bidi controls and invisible characters: a name carrying U+202E can reverse the rest of a relay
// header ("Nama · Desa X"), a zero-width one can impersonate another name.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\u{E0000}-\u{E007F}]/gu;

/** A name as the bot stores and shows it: no bidi or zero-width characters, spaces collapsed. */
export function cleanName(raw: string | null | undefined): string {
  return (raw ?? "").replace(INVISIBLE, "").replace(/\s+/g, " ").trim().slice(0, 64);
}

/** What changed between the stored person and the Telegram user, or null when nothing did. */
function personChanges(existing: PersonRecord, u: TelegramUserLike, opts: { privateChat: boolean }) {
  const consented = existing.privacyConsent === "given";
  const firstName = consented ? cleanName(u.first_name) || "Warga" : existing.firstName;
  const lastName = consented ? cleanName(u.last_name) || null : existing.lastName;
  const username = consented ? (u.username ?? null) : existing.username;
  const changed =
    existing.firstName !== firstName ||
    existing.lastName !== lastName ||
    existing.username !== username ||
    (opts.privateChat && !existing.canMessage);
  return changed ? { firstName, lastName, username, canMessage: existing.canMessage || opts.privateChat } : null;
}

async function createPerson(prisma: Prisma, u: TelegramUserLike, opts: { privateChat: boolean }): Promise<PersonRecord> {
  const telegramUserId = BigInt(u.id);
  try {
    return await prisma.person.create({
      data: {
        telegramUserId,
        firstName: "Warga",
        lastName: null,
        username: null,
        language: u.language_code?.startsWith("en") ? "en" : "id",
        canMessage: opts.privateChat,
      },
    });
  } catch {
    // Two updates from a new user at once: the other one created the row.
    return prisma.person.findUniqueOrThrow({ where: { telegramUserId } });
  }
}

/**
 * Creates or refreshes the person behind a Telegram user; writes only when something changed.
 * Names and username are kept only once the person agreed to the privacy notice (UU PDP): until
 * then the row holds the Telegram id, "Warga", the display language and whether the bot may write.
 */
export async function ensurePerson(prisma: Prisma, u: TelegramUserLike, opts: { privateChat: boolean }): Promise<PersonRecord> {
  const existing = await prisma.person.findUnique({ where: { telegramUserId: BigInt(u.id) } });
  if (!existing) return createPerson(prisma, u, opts);
  const changes = personChanges(existing, u, opts);
  if (!changes) return existing;
  return prisma.person.update({ where: { id: existing.id }, data: changes });
}

/** One row of the access statement: the person's columns, then one membership with its forum and village (or nulls). */
interface AccessRow extends PersonRecord {
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  m_id: number | null;
  m_forum_id: number | null;
  m_village_id: number | null;
  m_role: Role | null;
  m_title: string | null;
  m_source: MembershipSource | null;
  m_confirmed_at: Date | null;
  f_name: string | null;
  f_privacy_version: number | null;
  f_village_term: string | null;
  f_council_term: string | null;
  v_name: string | null;
}

function viewOf(r: AccessRow): MembershipView {
  return {
    id: r.m_id!,
    forumId: r.m_forum_id!,
    forumName: r.f_name!,
    forumPrivacyVersion: r.f_privacy_version!,
    forumTerms: termsOf({ villageTerm: r.f_village_term, councilTerm: r.f_council_term }),
    villageId: r.m_village_id,
    villageName: r.v_name,
    role: r.m_role!,
    title: r.m_title,
    source: r.m_source!,
    confirmedAt: r.m_confirmed_at?.toISOString() ?? null,
  };
}

// The membership part of the access rows: a membership always has its forum (foreign key), the
// village only when set. Enums are read as text, the way the Prisma client returns them.
const MEMBERSHIP_COLUMNS = P.sql`m.id AS m_id, m.forum_id AS m_forum_id, m.village_id AS m_village_id, m.role::text AS m_role, m.title AS m_title,
  m.source::text AS m_source, m.confirmed_at AS m_confirmed_at, f.name AS f_name, f.privacy_version AS f_privacy_version,
  f.village_term AS f_village_term, f.council_term AS f_council_term, v.name AS v_name`;

/**
 * The person behind a Telegram user and everything they may do, in ONE statement (person, their
 * memberships, each membership's forum and village): read on every update, so three or four round
 * trips here were a large share of the bot's work. Same rules as ensurePerson + loadAccess.
 */
export async function loadPersonAccess(
  prisma: Prisma,
  u: TelegramUserLike,
  opts: { privateChat: boolean; groupChatId?: number | null },
  bootstrapAdmin: boolean,
): Promise<{ person: PersonRecord; access: Access; link?: LinkedChat | null }> {
  // The group's link rides along (the same row on every membership row; chat ids are unique):
  // a group update reads it anyway, this saves its own round trip.
  const groupChatId = opts.groupChatId != null ? BigInt(opts.groupChatId) : null;
  const rows = await prisma.$queryRaw<Array<AccessRow & LinkColumns>>`
    SELECT p.id, p.telegram_user_id AS "telegramUserId", p.first_name AS "firstName", p.last_name AS "lastName", p.username, p.language,
      p.can_message AS "canMessage", p.privacy_consent AS "privacyConsent", p.privacy_version AS "privacyVersion",
      p.privacy_answered_at AS "privacyAnsweredAt", p.erased_at AS "erasedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
      ${MEMBERSHIP_COLUMNS}, ${LINK_COLUMNS}
    FROM persons p
    LEFT JOIN memberships m ON m.person_id = p.id
    LEFT JOIN forums f ON f.id = m.forum_id
    LEFT JOIN villages v ON v.id = m.village_id
    LEFT JOIN chat_links c ON c.telegram_chat_id = ${groupChatId}
    LEFT JOIN forums cf ON cf.id = c.forum_id
    LEFT JOIN villages cv ON cv.id = c.village_id
    WHERE p.telegram_user_id = ${BigInt(u.id)}
    ORDER BY m.id ASC`;
  const first = rows[0];
  if (!first) {
    // A new person: created now (or by a concurrent update); memberships as they stand.
    const person = await createPerson(prisma, u, opts);
    return { person, access: await loadAccess(prisma, person.id, bootstrapAdmin) };
  }
  const stored: PersonRecord & { erasedAt: Date | null; createdAt: Date; updatedAt: Date } = {
    id: first.id,
    telegramUserId: first.telegramUserId,
    firstName: first.firstName,
    lastName: first.lastName,
    username: first.username,
    language: first.language,
    canMessage: first.canMessage,
    privacyConsent: first.privacyConsent,
    privacyVersion: first.privacyVersion,
    privacyAnsweredAt: first.privacyAnsweredAt,
    erasedAt: first.erasedAt,
    createdAt: first.createdAt,
    updatedAt: first.updatedAt,
  };
  const changes = personChanges(stored, u, opts);
  const person = changes ? await prisma.person.update({ where: { id: stored.id }, data: changes }) : stored;
  const views = rows.filter((r) => r.m_id !== null).map(viewOf);
  return { person, access: new Access(person.id, views, bootstrapAdmin), ...(groupChatId !== null ? { link: linkedChatOf(first) } : {}) };
}

/** A person's rights (memberships with their forum and village) in one statement. */
export async function loadAccess(prisma: Prisma, personId: number | null, bootstrapAdmin: boolean): Promise<Access> {
  if (personId === null) return new Access(null, [], bootstrapAdmin);
  const rows = await prisma.$queryRaw<AccessRow[]>`
    SELECT ${MEMBERSHIP_COLUMNS}
    FROM memberships m
    JOIN forums f ON f.id = m.forum_id
    LEFT JOIN villages v ON v.id = m.village_id
    WHERE m.person_id = ${personId}
    ORDER BY m.id ASC`;
  return new Access(personId, rows.map(viewOf), bootstrapAdmin);
}

/** "Pak Budi · Desa Sukajaya": how a person is named in relays and lists (UX.md). */
export function displayName(p: { firstName: string; lastName?: string | null }): string {
  return cleanName(p.firstName) || "Warga";
}

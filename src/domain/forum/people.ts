import type { Prisma } from "../../infra/db.js";
import { Access, type MembershipView } from "./access.js";
import { termsOf } from "./terms.js";

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

/**
 * Creates or refreshes the person behind a Telegram user; writes only when something changed.
 * Names and username are kept only once the person agreed to the privacy notice (UU PDP): until
 * then the row holds the Telegram id, "Warga", the display language and whether the bot may write.
 */
export async function ensurePerson(prisma: Prisma, u: TelegramUserLike, opts: { privateChat: boolean }): Promise<PersonRecord> {
  const telegramUserId = BigInt(u.id);
  const existing = await prisma.person.findUnique({ where: { telegramUserId } });
  if (!existing) {
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
  const consented = existing.privacyConsent === "given";
  const firstName = consented ? cleanName(u.first_name) || "Warga" : existing.firstName;
  const lastName = consented ? cleanName(u.last_name) || null : existing.lastName;
  const username = consented ? (u.username ?? null) : existing.username;
  const changed =
    existing.firstName !== firstName ||
    existing.lastName !== lastName ||
    existing.username !== username ||
    (opts.privateChat && !existing.canMessage);
  if (!changed) return existing;
  return prisma.person.update({
    where: { id: existing.id },
    data: { firstName, lastName, username, canMessage: existing.canMessage || opts.privateChat },
  });
}

export async function loadAccess(prisma: Prisma, personId: number | null, bootstrapAdmin: boolean): Promise<Access> {
  if (personId === null) return new Access(null, [], bootstrapAdmin);
  const rows = await prisma.membership.findMany({
    where: { personId },
    include: { forum: { select: { name: true, privacyVersion: true, villageTerm: true, councilTerm: true } }, village: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const views: MembershipView[] = rows.map((m) => ({
    id: m.id,
    forumId: m.forumId,
    forumName: m.forum.name,
    forumPrivacyVersion: m.forum.privacyVersion,
    forumTerms: termsOf(m.forum),
    villageId: m.villageId,
    villageName: m.village?.name ?? null,
    role: m.role,
    title: m.title,
    source: m.source,
    confirmedAt: m.confirmedAt?.toISOString() ?? null,
  }));
  return new Access(personId, views, bootstrapAdmin);
}

/** "Pak Budi · Desa Sukajaya": how a person is named in relays and lists (UX.md). */
export function displayName(p: { firstName: string; lastName?: string | null }): string {
  return cleanName(p.firstName) || "Warga";
}

import type { Prisma } from "../../infra/db.js";
import type { Access } from "../forum/access.js";
import { InvalidInput, NotAllowed, NotFound } from "../errors.js";

/** Who an announcement goes to: village groups, officials' or residents' private chats. */
export type Target = "groups" | "officials" | "residents";
export const TARGETS: Target[] = ["groups", "officials", "residents"];

export interface AudienceInput {
  targets: Target[];
  /** Chosen villages, or "all" (forum admins only: every village group and the kecamatan group). */
  villages: number[] | "all";
}

export interface Audience {
  targets: Target[];
  all: boolean;
  villageIds: number[];
}

export interface Recipient {
  chatId: bigint;
  /** `v:<villageId|0>:g` for a group, `v:<villageId>:p:<personId>` for a person: the report groups by it. */
  key: string;
  villageId: number | null;
  kind: "group" | "person";
}

// Reads work on the client or inside a transaction.
type Db = Pick<Prisma, "village" | "chatLink" | "membership">;

/** May this person send announcements in this forum at all? */
export function canAnnounce(access: Access, forumId: number): boolean {
  return access.isAdmin(forumId) || access.isOfficial(forumId);
}

/**
 * Checks an audience against the sender's roles, on the server, every time: admins may address
 * any villages (or all); perangkat desa only their own village(s).
 */
export async function authorizeAudience(db: Db, access: Access, forumId: number, input: AudienceInput): Promise<Audience> {
  if (!canAnnounce(access, forumId)) throw new NotAllowed("pengumuman_not_allowed");
  const targets = [...new Set(input.targets)];
  if (targets.length === 0 || targets.some((t) => !TARGETS.includes(t))) throw new InvalidInput("pengumuman_bad_audience");
  const admin = access.isAdmin(forumId);
  if (input.villages === "all") {
    if (!admin) throw new NotAllowed("pengumuman_all_admin_only");
    return { targets, all: true, villageIds: [] };
  }
  const ids = [...new Set(input.villages)];
  if (ids.length === 0) throw new InvalidInput("pengumuman_no_villages");
  const villages = await db.village.findMany({ where: { forumId, retiredAt: null, id: { in: ids } }, select: { id: true, name: true } });
  if (villages.length !== ids.length) throw new NotFound("village_not_found");
  if (!admin) {
    const own = new Set(access.officialVillages(forumId));
    const other = villages.find((v) => !own.has(v.id));
    if (other) throw new NotAllowed("pengumuman_other_village", { village: other.name });
  }
  return { targets, all: false, villageIds: villages.map((v) => v.id).sort((a, b) => a - b) };
}

/**
 * The chats an audience reaches now: linked, active groups; people who opened a private chat with
 * the bot (the others are counted as unreachable). One copy per chat.
 */
export async function resolveRecipients(db: Db, forumId: number, a: Audience): Promise<{ recipients: Recipient[]; unreachable: number }> {
  const recipients: Recipient[] = [];
  const villageFilter = a.all ? {} : { villageId: { in: a.villageIds } };
  if (a.targets.includes("groups")) {
    const links = await db.chatLink.findMany({
      where: { forumId, active: true, kind: a.all ? { in: ["village_group", "kecamatan_group"] } : "village_group", ...villageFilter },
      select: { telegramChatId: true, villageId: true },
      orderBy: { id: "asc" },
    });
    for (const l of links) recipients.push({ chatId: l.telegramChatId, key: `v:${l.villageId ?? 0}:g`, villageId: l.villageId, kind: "group" });
  }
  const roles = [
    ...(a.targets.includes("officials") ? (["perangkat_desa"] as const) : []),
    ...(a.targets.includes("residents") ? (["warga"] as const) : []),
  ];
  let unreachable = 0;
  if (roles.length) {
    const members = await db.membership.findMany({
      where: { forumId, role: { in: [...roles] }, ...(a.all ? { villageId: { not: null } } : villageFilter) },
      select: { villageId: true, person: { select: { id: true, telegramUserId: true, canMessage: true } } },
      orderBy: { id: "asc" },
    });
    const seen = new Set<number>();
    for (const m of members) {
      if (seen.has(m.person.id)) continue;
      seen.add(m.person.id);
      if (!m.person.canMessage) {
        unreachable++;
        continue;
      }
      recipients.push({ chatId: m.person.telegramUserId, key: `v:${m.villageId}:p:${m.person.id}`, villageId: m.villageId, kind: "person" });
    }
  }
  // A chat listed twice (e.g. a group linked as two villages' group) gets one copy.
  const byChat = new Map<bigint, Recipient>();
  for (const r of recipients) if (!byChat.has(r.chatId)) byChat.set(r.chatId, r);
  return { recipients: [...byChat.values()], unreachable };
}

/** Parses a recipient key back: which village, group or person. */
export function parseRecipientKey(key: string | null): { villageId: number | null; kind: "group" | "person" } {
  const m = key?.match(/^v:(\d+):(g|p)/);
  if (!m) return { villageId: null, kind: "group" };
  const v = Number(m[1]);
  return { villageId: v === 0 ? null : v, kind: m[2] === "g" ? "group" : "person" };
}

import type { MembershipSource, Role } from "../../generated/prisma/enums.js";
import type { ForumTerms } from "./terms.js";

export interface MembershipView {
  id: number;
  forumId: number;
  forumName: string;
  /** The forum's privacy notice version (Forum.privacyVersion): a change asks members again. */
  forumPrivacyVersion?: number;
  /** The forum's local words (village term, council), so texts need no extra query. */
  forumTerms: ForumTerms;
  villageId: number | null;
  villageName: string | null;
  role: Role;
  /** Position (jabatan): a key of jabatan.ts or free text. */
  title: string | null;
  source: MembershipSource;
  /** Group memberships: when Telegram last confirmed the person is in the village's group (ISO). */
  confirmedAt: string | null;
}

/** What a person may do, derived from their memberships; rights never come from the client. */
export class Access {
  constructor(
    readonly personId: number | null,
    readonly memberships: MembershipView[],
    /** Listed in BOOTSTRAP_ADMIN_IDS: may create forums. */
    readonly bootstrapAdmin = false,
  ) {}

  forumIds(): number[] {
    return [...new Set(this.memberships.map((m) => m.forumId))];
  }
  forums(): Array<{ id: number; name: string }> {
    const seen = new Map<number, string>();
    for (const m of this.memberships) seen.set(m.forumId, m.forumName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }
  inForum(forumId: number): boolean {
    return this.memberships.some((m) => m.forumId === forumId);
  }
  has(forumId: number, role: Role, villageId?: number | null): boolean {
    return this.memberships.some(
      (m) => m.forumId === forumId && m.role === role && (villageId === undefined || m.villageId === villageId),
    );
  }
  isAdmin(forumId: number): boolean {
    return this.has(forumId, "admin_forum");
  }
  /** Moderators and forum admins may moderate discussions. */
  canModerate(forumId: number): boolean {
    return this.isAdmin(forumId) || this.has(forumId, "moderator");
  }
  /** Villages where the person is perangkat desa. */
  officialVillages(forumId: number): number[] {
    return this.memberships.filter((m) => m.forumId === forumId && m.role === "perangkat_desa" && m.villageId).map((m) => m.villageId!);
  }
  isOfficialOf(forumId: number, villageId: number): boolean {
    return this.officialVillages(forumId).includes(villageId);
  }
  isOfficial(forumId: number): boolean {
    return this.officialVillages(forumId).length > 0;
  }
  /** Admins act for every village; officials for their own. */
  canActForVillage(forumId: number, villageId: number): boolean {
    return this.isAdmin(forumId) || this.isOfficialOf(forumId, villageId);
  }
  /** The village a person lives in / belongs to in this forum, if they said so. */
  homeVillage(forumId: number): number | null {
    const own = this.memberships.find((m) => m.forumId === forumId && m.role === "warga" && m.villageId);
    if (own) return own.villageId;
    const off = this.memberships.find((m) => m.forumId === forumId && m.role === "perangkat_desa" && m.villageId);
    return off?.villageId ?? null;
  }
  roles(forumId: number): Role[] {
    return [...new Set(this.memberships.filter((m) => m.forumId === forumId).map((m) => m.role))];
  }
}

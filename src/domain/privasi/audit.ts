/**
 * The audit log: every privileged action, recorded as who (an internal person id), what (one
 * action of the catalogue below), when and in which forum. It never holds text, names or Telegram
 * ids of residents: `target` is "<kind>:<internal id>" and `details` holds ids, counts and short
 * enum values only (checked here, so a careless caller fails in the tests, not in a leak).
 */
import type { Prisma } from "../../infra/db.js";
import { NotAllowed } from "../errors.js";
import type { Actor } from "../forum/service.js";

/** Every action the audit log knows; /audit labels each (locale key `audit-action-<a.b → a-b>`). */
export const AUDIT_ACTIONS = [
  // forum structure
  "forum.create",
  "village.add",
  "forum.terms",
  "forum.rename",
  "forum.timezone",
  "forum.officials_routing",
  "village.rename",
  "village.code",
  "village.merge",
  "village.retire",
  "group.link",
  "group.unlink",
  "group.migrate",
  // codes, roles and members
  "invite.create",
  "invite.redeem",
  "invite.revoke",
  "role.grant",
  "role.revoke",
  "role.title",
  "member.join",
  "member.leave",
  "member.move",
  "claim.confirm",
  "claim.reject",
  // announcements
  "broadcast.create",
  "broadcast.cancel",
  "broadcast.edit",
  "broadcast.delete",
  // aspirations
  "aspiration.status",
  "aspiration.settings",
  "aspiration.export",
  // discussions
  "discussion.open",
  "discussion.close",
  "discussion.join",
  "discussion.hide",
  "discussion.delete",
  "discussion.mute",
  "discussion.unmute",
  "discussion.export",
  // musyawarah
  "meeting.create",
  "meeting.checkin_open",
  "meeting.checkin_close",
  "meeting.checkin_qr",
  "meeting.reschedule",
  "meeting.cancel",
  "meeting.stop_series",
  "meeting.minutes",
  "meeting.export",
  // votes
  "vote.create",
  "vote.close",
  "vote.extend",
  "vote.export",
  // village data and the bursa
  "profile.import",
  "indicator.set",
  "indicator.import",
  "bursa.post",
  "bursa.interest",
  "bursa.close",
  "bursa.mediate",
  "agreement.export",
  // privacy
  "privacy.settings",
  "privacy.export_self",
  "privacy.erase",
  "privacy.retention",
  "audit.export",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What /audit filters by: a set of actions people look for together. */
export const AUDIT_FILTERS = {
  all: () => true,
  members: (a: AuditAction) => /^(role|member|claim|invite)\./.test(a),
  broadcast: (a: AuditAction) => a.startsWith("broadcast."),
  aspiration: (a: AuditAction) => a.startsWith("aspiration."),
  export: (a: AuditAction) => a.endsWith(".export") || a === "privacy.export_self",
  privacy: (a: AuditAction) => a.startsWith("privacy.") || a.startsWith("audit."),
  other: (a: AuditAction) => /^(forum|village|group|discussion|meeting|vote|profile|indicator|bursa|agreement)\./.test(a) && !a.endsWith(".export"),
} as const satisfies Record<string, (a: AuditAction) => boolean>;

export type AuditFilter = keyof typeof AUDIT_FILTERS;
export const AUDIT_FILTER_NAMES = Object.keys(AUDIT_FILTERS) as AuditFilter[];

export function actionsOf(filter: AuditFilter): AuditAction[] {
  return AUDIT_ACTIONS.filter((a) => AUDIT_FILTERS[filter](a));
}

export type TargetKind =
  | "forum"
  | "village"
  | "group"
  | "invite"
  | "person"
  | "membership"
  | "claim"
  | "broadcast"
  | "aspiration"
  | "topic"
  | "relay"
  | "meeting"
  | "vote"
  | "bursa_post"
  | "bursa_match"
  | "agreement"
  | "subject";

/** "person:12": the reference an audit row keeps (internal ids; a group's chat id for groups). */
export function target(kind: TargetKind, id: number | bigint | string): string {
  return `${kind}:${String(id)}`;
}

export function parseTarget(t: string | null): { kind: string; id: string } | null {
  const m = t?.match(/^([a-z_]+):(.+)$/);
  return m ? { kind: m[1]!, id: m[2]! } : null;
}

type DetailValue = number | boolean | null | string | Array<number | string>;
export type AuditDetails = Record<string, DetailValue>;

// Short enum-like words, ids and ISO times: never free text, a name or an @username.
const SAFE_STRING = /^[A-Za-z0-9_.:+-]{0,40}$/;

function assertSafe(details: AuditDetails) {
  for (const [k, v] of Object.entries(details)) {
    const values = Array.isArray(v) ? v : [v];
    for (const x of values) {
      if (typeof x === "string" && !SAFE_STRING.test(x)) throw new Error(`audit detail "${k}" looks like free text; audit rows keep ids, counts and enums only`);
    }
  }
}

export interface AuditEntry {
  forumId: number | null;
  /** The person who acted (internal id), or null for the system. */
  actorId: number | null;
  action: AuditAction;
  target?: string | null;
  details?: AuditDetails;
  /** When, from the injected clock (never the database's own now()). */
  at: Date;
}

export type AuditDb = Pick<Prisma, "auditLog">;

/** Records one privileged action (inside the caller's transaction when given one). */
export async function audit(db: AuditDb, e: AuditEntry): Promise<void> {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(e.action)) throw new Error(`unknown audit action ${e.action}`);
  const details = e.details ?? {};
  assertSafe(details);
  if (e.target && !/^[a-z_]+:[A-Za-z0-9_.:+-]{1,80}$/.test(e.target)) throw new Error(`audit target must be "<kind>:<id>"`);
  await db.auditLog.create({
    data: { forumId: e.forumId, actorId: e.actorId, action: e.action, target: e.target ?? null, details, createdAt: e.at },
  });
}

// ---------------------------------------------------------------------------- reading (/audit)

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  actorId: number | null;
  actorName: string | null;
  target: string | null;
  /** The target's readable name when it is a person, village, vote, meeting … of this forum. */
  targetLabel: string | null;
  details: AuditDetails;
}

export interface AuditQuery {
  filter: AuditFilter;
  page: number;
  pageSize?: number;
}

/** Only the forum's own admins read its audit log. */
export function requireAuditReader(actor: Actor, forumId: number) {
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
}

function whereOf(forumId: number, filter: AuditFilter) {
  return filter === "all" ? { forumId } : { forumId, action: { in: actionsOf(filter) as string[] } };
}

export async function listAudit(d: { prisma: Prisma }, actor: Actor, forumId: number, q: AuditQuery): Promise<{ rows: AuditRow[]; total: number; pages: number }> {
  requireAuditReader(actor, forumId);
  const size = q.pageSize ?? 8;
  const where = whereOf(forumId, q.filter);
  const [total, rows] = await Promise.all([
    d.prisma.auditLog.count({ where }),
    d.prisma.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: q.page * size, take: size }),
  ]);
  return { rows: await labelled(d.prisma, forumId, rows), total, pages: Math.max(1, Math.ceil(total / size)) };
}

/** Every row of a filter, oldest first, for the XLSX export (capped: a spreadsheet, not a dump). */
export async function exportAudit(d: { prisma: Prisma }, actor: Actor, forumId: number, filter: AuditFilter, max = 20_000): Promise<AuditRow[]> {
  requireAuditReader(actor, forumId);
  const rows = await d.prisma.auditLog.findMany({ where: whereOf(forumId, filter), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: max });
  return labelled(d.prisma, forumId, rows);
}

type RawRow = { id: bigint; createdAt: Date; action: string; actorId: number | null; target: string | null; details: unknown };

/**
 * Names are looked up now, never stored: a person who erased their data shows as "Warga (dihapus)".
 * Only what the forum already knows is named (its villages, its members, its votes and meetings).
 */
async function labelled(prisma: Prisma, forumId: number, rows: RawRow[]): Promise<AuditRow[]> {
  const ids = (kind: string) =>
    [...new Set(rows.map((r) => parseTarget(r.target)).filter((t) => t?.kind === kind && /^\d+$/.test(t.id)).map((t) => Number(t!.id)))];
  const personIds = [...new Set([...rows.map((r) => r.actorId).filter((x): x is number => x !== null), ...ids("person")])];
  const [people, villages, votes, meetings, topics, broadcasts, aspirations] = await Promise.all([
    prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, firstName: true, erasedAt: true } }),
    prisma.village.findMany({ where: { forumId, id: { in: ids("village") } }, select: { id: true, name: true } }),
    prisma.vote.findMany({ where: { forumId, id: { in: ids("vote") } }, select: { id: true, question: true } }),
    prisma.meeting.findMany({ where: { forumId, id: { in: ids("meeting") } }, select: { id: true, title: true } }),
    prisma.topic.findMany({ where: { forumId, id: { in: ids("topic") } }, select: { id: true, title: true } }),
    prisma.broadcast.findMany({ where: { forumId, id: { in: ids("broadcast") } }, select: { id: true, excerpt: true } }),
    prisma.aspiration.findMany({ where: { forumId, id: { in: ids("aspiration") } }, select: { id: true, ticketNo: true } }),
  ]);
  const person = new Map(people.map((p) => [p.id, p.firstName]));
  const names: Record<string, Map<number, string>> = {
    person,
    village: new Map(villages.map((v) => [v.id, v.name])),
    vote: new Map(votes.map((v) => [v.id, v.question])),
    meeting: new Map(meetings.map((m) => [m.id, m.title])),
    topic: new Map(topics.map((t) => [t.id, t.title])),
    broadcast: new Map(broadcasts.map((b) => [b.id, b.excerpt])),
    aspiration: new Map(aspirations.map((a) => [a.id, a.ticketNo])),
  };
  return rows.map((r) => {
    const t = parseTarget(r.target);
    const label = t && /^\d+$/.test(t.id) ? (names[t.kind]?.get(Number(t.id)) ?? null) : null;
    return {
      id: String(r.id),
      at: r.createdAt,
      action: r.action,
      actorId: r.actorId,
      actorName: r.actorId === null ? null : (person.get(r.actorId) ?? null),
      target: r.target,
      targetLabel: label,
      details: (r.details ?? {}) as AuditDetails,
    };
  });
}

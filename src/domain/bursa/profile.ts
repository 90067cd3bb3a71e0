/**
 * Pusat data desa: one profile per village, kept by its perangkat desa (or the forum's admins),
 * read by everyone in the forum. Every change is kept as history: who, when, what, and how
 * (guided conversation or file upload).
 */
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { isZoneName, type ZoneName } from "../../lib/time.js";
import { commodityMatches } from "./matcher.js";
import { diffProfiles, EMPTY_PROFILE, LIMITS, PROFILE_FIELDS, shown, type FieldChange, type ProfileData } from "./fields.js";
import { canEditProfile, canSeePeople, requireMember, type Actor, type Db } from "./types.js";
import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";

export interface ProfileDeps {
  prisma: Prisma;
  clock: Clock;
}

export type EnterpriseKind = "bumdes" | "bumdesma" | "koperasi";
export const ENTERPRISE_KINDS: readonly EnterpriseKind[] = ["bumdes", "bumdesma", "koperasi"];

export interface EnterpriseInput {
  kind: EnterpriseKind;
  name: string;
  units: string[];
  products: string[];
}

export interface ProfileView {
  villageId: number;
  villageName: string;
  forumId: number;
  zone: ZoneName;
  data: ProfileData;
  enterprises: Array<EnterpriseInput & { id: number }>;
  /** False when the viewer may not see contacts (mitra, residents): contactName/Phone are null. */
  peopleVisible: boolean;
  canEdit: boolean;
  updatedAt: Date | null;
  version: number;
}

function rowToData(row: Partial<ProfileData> | null): ProfileData {
  if (!row) return { ...EMPTY_PROFILE };
  const out: Record<string, unknown> = { ...EMPTY_PROFILE };
  const src = row as Record<string, unknown>;
  for (const f of PROFILE_FIELDS) out[f] = src[f] ?? EMPTY_PROFILE[f];
  return out as unknown as ProfileData;
}

async function villageOf(db: Db, forumId: number, villageId: number) {
  // Scoped by forum: a village of another forum is simply not found.
  const v = await db.village.findFirst({ where: { id: villageId, forumId }, select: { id: true, name: true, forumId: true } });
  if (!v) throw new NotFound("village_not_found");
  return v;
}

/**
 * A profile as `actor` may see it. `inLinkedGroup`: shown in a village group the bot layer found
 * linked to this forum — anyone there may read it, but never the people (contacts), and no edit.
 */
export async function getProfile(d: ProfileDeps, actor: Actor, forumId: number, villageId: number, opts: { inLinkedGroup?: boolean } = {}): Promise<ProfileView> {
  if (!opts.inLinkedGroup) requireMember(actor, forumId);
  const v = await villageOf(d.prisma, forumId, villageId);
  const [row, enterprises, forum] = await Promise.all([
    d.prisma.villageProfile.findUnique({ where: { forumId_villageId: { forumId, villageId } } }),
    d.prisma.villageEnterprise.findMany({ where: { forumId, villageId }, orderBy: { id: "asc" } }),
    d.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { timezone: true } }),
  ]);
  const people = !opts.inLinkedGroup && canSeePeople(actor, forumId);
  const data = rowToData(row);
  if (!people) {
    data.contactName = null;
    data.contactPhone = null;
  }
  return {
    villageId: v.id,
    villageName: v.name,
    forumId,
    zone: isZoneName(forum.timezone) ? forum.timezone : "Asia/Jakarta",
    data,
    enterprises: enterprises.map((e) => ({ id: e.id, kind: e.kind, name: e.name, units: e.units, products: e.products })),
    peopleVisible: people,
    canEdit: !opts.inLinkedGroup && canEditProfile(actor, forumId, villageId),
    updatedAt: row?.updatedAt ?? null,
    version: row?.version ?? 0,
  };
}

/** Villages of the forum whose names match what was typed ("sukajaya", "Desa Suka", "kampung sidorejo"). */
export async function findVillages(d: Pick<ProfileDeps, "prisma">, forumId: number, typed: string) {
  const q = typed
    .trim()
    .toLowerCase()
    .replace(/^(desa|kampung|kelurahan|pekon|nagari|gampong)\s+/, "")
    .replace(/\s+/g, " ");
  if (!q) return [];
  const all = await d.prisma.village.findMany({ where: { forumId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const exact = all.filter((v) => v.name.toLowerCase() === q);
  if (exact.length) return exact;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const same = all.filter((v) => squash(v.name) === squash(q));
  if (same.length) return same;
  return all.filter((v) => v.name.toLowerCase().includes(q) || squash(v.name).startsWith(squash(q)));
}

/**
 * Writes a profile change and its history row in the caller's transaction. Returns what changed
 * (nothing: no row written). `expectedVersion` guards against two editors overwriting each other.
 */
export async function writeProfile(
  tx: Db,
  ctx: { forumId: number; villageId: number; actorId: number; source: "chat" | "upload"; now: Date; expectedVersion?: number },
  patch: Partial<ProfileData>,
  enterprises?: EnterpriseInput[],
): Promise<FieldChange[]> {
  const row = await tx.villageProfile.findUnique({ where: { forumId_villageId: { forumId: ctx.forumId, villageId: ctx.villageId } } });
  if (ctx.expectedVersion !== undefined && (row?.version ?? 0) !== ctx.expectedVersion) throw new Conflict("profile_changed");
  const before = rowToData(row);
  const after: ProfileData = { ...before, ...patch };
  const changes = diffProfiles(before, after);
  if (enterprises) {
    const old = await tx.villageEnterprise.findMany({ where: { forumId: ctx.forumId, villageId: ctx.villageId }, orderBy: { id: "asc" } });
    const a = old.map(enterpriseLine).join(" | ");
    const b = enterprises.map(enterpriseLine).join(" | ");
    if (a !== b) {
      changes.push({ field: "enterprises", before: a, after: b });
      await tx.villageEnterprise.deleteMany({ where: { forumId: ctx.forumId, villageId: ctx.villageId } });
      if (enterprises.length) {
        await tx.villageEnterprise.createMany({
          data: enterprises.map((e) => ({ forumId: ctx.forumId, villageId: ctx.villageId, kind: e.kind, name: e.name, units: e.units, products: e.products })),
        });
      }
    }
  }
  if (changes.length === 0) return [];
  const data = { ...after, updatedById: ctx.actorId };
  if (row) {
    const updated = await tx.villageProfile.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: row.version + 1 } });
    if (updated.count !== 1) throw new Conflict("profile_changed");
  } else {
    await tx.villageProfile.create({ data: { ...data, forumId: ctx.forumId, villageId: ctx.villageId, version: 1 } });
  }
  await tx.villageProfileChange.create({
    data: { forumId: ctx.forumId, villageId: ctx.villageId, actorId: ctx.actorId, source: ctx.source, changes: changes as unknown as object, createdAt: ctx.now },
  });
  return changes;
}

function enterpriseLine(e: { kind: string; name: string; units: string[]; products: string[] }) {
  return `${e.kind}: ${e.name}${e.units.length ? ` (${e.units.join(", ")})` : ""}${e.products.length ? ` — ${e.products.join(", ")}` : ""}`;
}

/** A change from the guided conversation: one field (or a few) of one village. */
export async function updateProfile(d: ProfileDeps, actor: Actor, forumId: number, villageId: number, patch: Partial<ProfileData>, expectedVersion?: number) {
  await villageOf(d.prisma, forumId, villageId);
  if (!canEditProfile(actor, forumId, villageId)) throw new NotAllowed("profile_not_yours");
  for (const k of Object.keys(patch)) if (!(PROFILE_FIELDS as readonly string[]).includes(k)) throw new InvalidInput("profile_bad_field");
  return d.prisma.$transaction((tx) =>
    writeProfile(tx, { forumId, villageId, actorId: actor.personId, source: "chat", now: d.clock.now(), expectedVersion }, patch),
  );
}

export function validateEnterprise(e: EnterpriseInput): EnterpriseInput {
  const name = e.name.replace(/\s+/g, " ").trim();
  if (!ENTERPRISE_KINDS.includes(e.kind)) throw new InvalidInput("enterprise_bad_kind");
  if (name.length < 2 || name.length > LIMITS.name) throw new InvalidInput("enterprise_bad_name", { max: LIMITS.name });
  return { kind: e.kind, name, units: e.units.slice(0, LIMITS.items), products: e.products.slice(0, LIMITS.items) };
}

/** Adds one BUMDes/BUMDesMa/koperasi (guided conversation), or removes one by id. */
export async function changeEnterprises(
  d: ProfileDeps,
  actor: Actor,
  forumId: number,
  villageId: number,
  change: { add: EnterpriseInput } | { removeId: number },
) {
  await villageOf(d.prisma, forumId, villageId);
  if (!canEditProfile(actor, forumId, villageId)) throw new NotAllowed("profile_not_yours");
  return d.prisma.$transaction(async (tx) => {
    const current = await tx.villageEnterprise.findMany({ where: { forumId, villageId }, orderBy: { id: "asc" } });
    let next: EnterpriseInput[] = current.map((e) => ({ kind: e.kind, name: e.name, units: e.units, products: e.products }));
    if ("add" in change) {
      if (current.length >= 20) throw new InvalidInput("enterprise_too_many", { max: 20 });
      next.push(validateEnterprise(change.add));
    } else {
      const idx = current.findIndex((e) => e.id === change.removeId);
      if (idx < 0) throw new NotFound("enterprise_not_found");
      next = next.filter((_, i) => i !== idx);
    }
    return writeProfile(tx, { forumId, villageId, actorId: actor.personId, source: "chat", now: d.clock.now() }, {}, next);
  });
}

export interface HistoryEntry {
  id: number;
  at: Date;
  source: string;
  actorName: string | null;
  changes: FieldChange[];
}

/** Who changed what, newest first: the village's officials and the forum's admins only. */
export async function profileHistory(d: ProfileDeps, actor: Actor, forumId: number, villageId: number, take = 10): Promise<HistoryEntry[]> {
  await villageOf(d.prisma, forumId, villageId);
  if (!canEditProfile(actor, forumId, villageId)) throw new NotAllowed("profile_history_not_allowed");
  const rows = await d.prisma.villageProfileChange.findMany({ where: { forumId, villageId }, orderBy: { id: "desc" }, take });
  const people = await d.prisma.person.findMany({ where: { id: { in: rows.map((r) => r.actorId).filter((x): x is number => x !== null) } }, select: { id: true, firstName: true } });
  const names = new Map(people.map((p) => [p.id, p.firstName]));
  return rows.map((r) => ({ id: r.id, at: r.createdAt, source: r.source, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null, changes: r.changes as unknown as FieldChange[] }));
}

/** `/potensi kopi`: villages whose commodities or BUMDes products name it (robusta counts as kopi). */
export async function villagesWith(d: ProfileDeps, actor: Actor, forumId: number, query: string, opts: { inLinkedGroup?: boolean } = {}) {
  if (!opts.inLinkedGroup) requireMember(actor, forumId);
  const q = query.trim();
  if (q.length < 2) throw new InvalidInput("potensi_query_short");
  const [villages, profiles, enterprises] = await Promise.all([
    d.prisma.village.findMany({ where: { forumId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    d.prisma.villageProfile.findMany({ where: { forumId }, select: { villageId: true, commodities: true } }),
    d.prisma.villageEnterprise.findMany({ where: { forumId }, select: { villageId: true, name: true, kind: true, products: true, units: true } }),
  ]);
  const out: Array<{ villageId: number; villageName: string; hits: string[] }> = [];
  for (const v of villages) {
    const hits = new Set<string>();
    for (const c of profiles.find((p) => p.villageId === v.id)?.commodities ?? []) if (commodityMatches(q, c)) hits.add(c);
    for (const e of enterprises.filter((x) => x.villageId === v.id)) {
      for (const p of [...e.products, ...e.units]) if (commodityMatches(q, p)) hits.add(`${p} (${e.name})`);
    }
    if (hits.size) out.push({ villageId: v.id, villageName: v.name, hits: [...hits] });
  }
  return out;
}



/**
 * A forum's privacy settings (Forum.settings.privacy): who its data controller is (pengendali data,
 * named by the forum admin) and how long each kind of personal data is kept. Changing either is a
 * change of the privacy notice: the forum's privacyVersion is bumped, so members see it again.
 */
import type { Prisma } from "../../infra/db.js";
import { InvalidInput, NotAllowed, NotFound } from "../errors.js";
import type { Actor } from "../forum/service.js";
import { audit } from "./audit.js";

export const RETENTION_KINDS = ["relayText", "reporterLink", "attendance", "logs", "outbox"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export type Retention = Record<RetentionKind, number>;

/**
 * Days each kind is kept, with the choices an admin may pick. Defaults follow what each is for:
 * discussion text a year (a topic's notulen are made long before); who reported a closed aspiration
 * a year after closing (time to reopen, follow up, answer a complaint about the answer); attendance
 * lists two years (Musdes records are checked at the next year's planning and by the inspectorate);
 * the audit log two years; delivered message copies in the outbox 30 days (only to show delivery).
 */
export const RETENTION: Record<RetentionKind, { default: number; choices: number[] }> = {
  relayText: { default: 365, choices: [90, 180, 365, 730] },
  reporterLink: { default: 365, choices: [180, 365, 730, 1825] },
  attendance: { default: 730, choices: [365, 730, 1825] },
  logs: { default: 730, choices: [365, 730, 1825] },
  outbox: { default: 30, choices: [7, 30, 90] },
};

export const DEFAULT_RETENTION: Retention = Object.fromEntries(RETENTION_KINDS.map((k) => [k, RETENTION[k].default])) as Retention;

export interface PrivacySettings {
  /** The data controller as the admin wrote it (institution, address/contact); null = not set yet. */
  controller: string | null;
  retention: Retention;
}

export const CONTROLLER_MAX = 300;

/** Reads the privacy part of Forum.settings; anything missing or odd falls back to the defaults. */
export function readPrivacySettings(settings: unknown): PrivacySettings {
  const s = (settings && typeof settings === "object" ? (settings as Record<string, unknown>).privacy : undefined) as
    | { controller?: unknown; retention?: Record<string, unknown> }
    | undefined;
  const retention = { ...DEFAULT_RETENTION };
  for (const k of RETENTION_KINDS) {
    const v = s?.retention?.[k];
    if (typeof v === "number" && RETENTION[k].choices.includes(v)) retention[k] = v;
  }
  const controller = typeof s?.controller === "string" && s.controller.trim() ? s.controller.trim().slice(0, CONTROLLER_MAX) : null;
  return { controller, retention };
}

export async function forumPrivacy(db: Pick<Prisma, "forum">, forumId: number) {
  const f = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, name: true, settings: true, privacyVersion: true } });
  if (!f) return null;
  return { id: f.id, name: f.name, version: f.privacyVersion, ...readPrivacySettings(f.settings) };
}

export type ForumPrivacy = NonNullable<Awaited<ReturnType<typeof forumPrivacy>>>;

async function write(d: { prisma: Prisma; clock: { now(): Date } }, actor: Actor, forumId: number, next: PrivacySettings, details: Record<string, string | number>) {
  const at = d.clock.now();
  await d.prisma.$transaction(async (tx) => {
    // Only the privacy key is replaced, atomically, so other features' settings are untouched.
    await tx.$executeRaw`UPDATE forums SET settings = jsonb_set(settings, '{privacy}', ${JSON.stringify(next)}::jsonb, true), privacy_version = privacy_version + 1 WHERE id = ${forumId}`;
    await audit(tx, { forumId, actorId: actor.personId, action: "privacy.settings", target: `forum:${forumId}`, details, at: at });
  });
}

async function current(d: { prisma: Prisma; clock: { now(): Date } }, actor: Actor, forumId: number) {
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
  const f = await forumPrivacy(d.prisma, forumId);
  if (!f) throw new NotFound("forum_not_found");
  return f;
}

/** The forum admin names the data controller; the notice changes (members see it again). */
export async function setController(d: { prisma: Prisma; clock: { now(): Date } }, actor: Actor, forumId: number, text: string) {
  const f = await current(d, actor, forumId);
  const controller = text.replace(/\s+/g, " ").trim();
  if (controller.length < 5) throw new InvalidInput("privasi_controller_short");
  if (controller.length > CONTROLLER_MAX) throw new InvalidInput("privasi_controller_long", { max: CONTROLLER_MAX });
  await write(d, actor, forumId, { controller, retention: f.retention }, { field: "controller" });
  return controller;
}

export async function setRetention(d: { prisma: Prisma; clock: { now(): Date } }, actor: Actor, forumId: number, kind: RetentionKind, days: number) {
  const f = await current(d, actor, forumId);
  if (!RETENTION_KINDS.includes(kind) || !RETENTION[kind].choices.includes(days)) throw new InvalidInput("privasi_bad_retention");
  if (f.retention[kind] === days) return f.retention;
  const retention = { ...f.retention, [kind]: days };
  await write(d, actor, forumId, { controller: f.controller, retention }, { field: kind, days });
  return retention;
}

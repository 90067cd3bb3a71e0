/**
 * Notice and consent (UU PDP No. 27/2022, pasal 20–22): at the first private contact the bot shows
 * what it keeps, why, who sees it, for how long and who the data controller is, and asks. The
 * answer and the version of the notice answered are recorded (on the person row, which every update
 * loads anyway, and in privacy_consents as history). A changed notice is asked again.
 *
 * The version answered is "n<notice>|f<forum>v<forum version>…" over the forums the notice named:
 * the text's own version (NOTICE_VERSION, bumped when the locale text changes) and each forum's
 * privacyVersion (bumped when its admin changes the controller or a retention period).
 */
import type { Prisma } from "../../infra/db.js";
import type { Access } from "../forum/access.js";
import { cleanName } from "../forum/people.js";

/** Bump when the notice's text (locales/{id,en}/privasi.ftl, privasi-notice-*) changes in substance. */
export const NOTICE_VERSION = 1;

export type ConsentAnswer = "given" | "declined";
export type NoticeStatus = "ask" | "changed" | "declined" | "current";

export interface ForumVersion {
  id: number;
  version: number;
}

export function versionString(forums: ForumVersion[]): string {
  const fs = [...new Map(forums.map((f) => [f.id, f])).values()].sort((a, b) => a.id - b.id);
  return [`n${NOTICE_VERSION}`, ...fs.map((f) => `f${f.id}v${f.version}`)].join("|");
}

export function parseVersion(v: string | null): { notice: number | null; forums: Map<number, number> } {
  const forums = new Map<number, number>();
  let notice: number | null = null;
  for (const part of (v ?? "").split("|")) {
    const n = part.match(/^n(\d+)$/);
    if (n) notice = Number(n[1]);
    const f = part.match(/^f(\d+)v(\d+)$/);
    if (f) forums.set(Number(f[1]), Number(f[2]));
  }
  return { notice, forums };
}

/** The forums a person's notice is about: where they belong (with each forum's notice version). */
export function forumsOf(access: Access): ForumVersion[] {
  const out = new Map<number, number>();
  for (const m of access.memberships) out.set(m.forumId, m.forumPrivacyVersion ?? 1);
  return [...out].map(([id, version]) => ({ id, version }));
}

export interface ConsentState {
  privacyConsent: string | null;
  privacyVersion: string | null;
}

/**
 * Whether the notice must be shown: never answered ("ask"); agreed to an older text, or a forum
 * the person belongs to changed its controller or retention since they agreed ("changed");
 * declined; or up to date. A forum joined after agreeing is not a change: the notice agreed to
 * says the controller is the forum one joins (and /privasi names it) — see unrecordedForums.
 */
export function noticeStatus(p: ConsentState, forums: ForumVersion[]): NoticeStatus {
  if (p.privacyConsent === "declined") return "declined";
  if (p.privacyConsent !== "given") return "ask";
  const seen = parseVersion(p.privacyVersion);
  if (seen.notice !== NOTICE_VERSION) return "changed";
  for (const f of forums) {
    const v = seen.forums.get(f.id);
    if (v !== undefined && v !== f.version) return "changed";
  }
  return "current";
}

/** Forums joined since the answer: recorded with their current version, so a later change asks again. */
export function unrecordedForums(p: ConsentState, forums: ForumVersion[]): ForumVersion[] {
  if (p.privacyConsent !== "given") return [];
  const seen = parseVersion(p.privacyVersion).forums;
  return forums.filter((f) => !seen.has(f.id));
}

/** The answered version with `more` forums added (their notice taken as agreed at joining). */
export function extendVersion(version: string | null, more: ForumVersion[]): string {
  const seen = parseVersion(version);
  const all = new Map(seen.forums);
  for (const f of more) all.set(f.id, f.version);
  const forums = [...all].sort((a, b) => a[0] - b[0]).map(([id, v]) => `f${id}v${v}`);
  return [`n${seen.notice ?? NOTICE_VERSION}`, ...forums].join("|");
}

export function hasConsent(p: ConsentState | null | undefined): boolean {
  return p?.privacyConsent === "given";
}

export interface Profile {
  first_name: string;
  last_name?: string;
  username?: string;
}

/**
 * Records an answer. Agreeing stores the person's Telegram name and username (from now on kept up
 * to date); declining, or withdrawing consent, puts them back to "Warga" with nothing else.
 */
export async function recordAnswer(d: { prisma: Prisma }, personId: number, answer: ConsentAnswer, version: string, now: Date, profile: Profile) {
  const names =
    answer === "given"
      ? { firstName: cleanName(profile.first_name) || "Warga", lastName: cleanName(profile.last_name) || null, username: profile.username ?? null }
      : { firstName: "Warga", lastName: null, username: null };
  const [person] = await d.prisma.$transaction([
    d.prisma.person.update({ where: { id: personId }, data: { ...names, privacyConsent: answer, privacyVersion: version, privacyAnsweredAt: now } }),
    d.prisma.privacyConsent.create({ data: { personId, answer, version, createdAt: now } }),
  ]);
  return person;
}

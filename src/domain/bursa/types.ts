import type { ForumTerms } from "../forum/terms.js";
import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import type { DeliveryQueue } from "../../delivery/queue.js";
import type { Payload } from "../../delivery/types.js";
import type { JobScheduler, JobTx } from "../../jobs/scheduler.js";
import type { ZoneName } from "../../lib/time.js";
import type { Access } from "../forum/access.js";
import { NotAllowed } from "../errors.js";

export type Tx = JobTx;
export type Db = Prisma | Tx;

export interface Actor {
  personId: number;
  access: Access;
}

export interface BursaDeps {
  prisma: Prisma;
  clock: Clock;
  delivery: DeliveryQueue;
  jobs: JobScheduler;
  logger?: Logger;
  notices: BursaNotices;
}

/** Someone the bot writes to privately, in their own language. */
export interface Recipient {
  personId: number;
  chatId: bigint;
  language: string;
  /** The forum's words (Kampung, BPK) for texts to them. */
  terms: ForumTerms;
}

export type Side = "need" | "offer";

/** A post as shown to anyone in the forum: a village or a mitra's organisation, never a person. */
export interface PostView {
  id: number;
  forumId: number;
  kind: "kebutuhan" | "penawaran";
  villageId: number | null;
  villageName: string | null;
  partnerName: string | null;
  category: string;
  title: string;
  details: string | null;
  quantity: string | null;
  periodText: string | null;
  place: string | null;
  terms: string | null;
  status: "terbuka" | "selesai" | "ditutup";
  createdAt: Date;
  zone: ZoneName;
}

export interface MatchView {
  id: number;
  forumId: number;
  need: PostView;
  offer: PostView;
  score: number;
  distanceKm: number | null;
  /** Concepts that met, as labels ("traktor" ⇄ "alsintan"). */
  shared: Array<{ need: string; offer: string }>;
  overlapDays: number | null;
  needInterest: boolean;
  offerInterest: boolean;
  topicId: number | null;
  meetingId: number | null;
  agreementId: number | null;
  createdAt: Date;
}

export interface AgreementView {
  id: number;
  forumId: number;
  number: string;
  object: string;
  valueRupiah: number | null;
  startsOn: Date | null;
  endsOn: Date | null;
  status: AgreementStatus;
  documentFileId: string | null;
  documentName: string | null;
  parties: Array<{ id: number; villageId: number | null; personId: number | null; name: string; kind: "village" | "mitra" | "other" }>;
  evaluations: Array<{ id: number; dueOn: Date; remindedAt: Date | null }>;
  matchId: number | null;
  createdAt: Date;
  zone: ZoneName;
}

export type AgreementStatus = "draf" | "ditandatangani" | "berjalan" | "selesai" | "batal";
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ["draf", "ditandatangani", "berjalan", "selesai", "batal"];

/** One contact of the other side, given once both sides said they are interested. */
export interface Contact {
  name: string;
  username: string | null;
  /** "Desa Sukajaya" side or the mitra's organisation. */
  sideLabel: { villageName: string | null; partnerName: string | null };
}

/**
 * Texts the domain needs sent, rendered by the bot layer in each recipient's language (the domain
 * holds no words for people). Each returns the payload to queue on the delivery outbox.
 */
export interface BursaNotices {
  matchFound(to: Recipient, m: MatchView, side: Side): Payload;
  interest(to: Recipient, m: MatchView, interestedSide: Side): Payload;
  bothInterested(to: Recipient, m: MatchView, side: Side, contacts: Contact[]): Payload;
  evaluationReminder(to: Recipient, a: AgreementView, dueOn: Date, late: boolean): Payload;
}

export const OWNER = {
  match: "bursa.match",
  interest: "bursa.interest",
  evaluation: "bursa.evaluation",
} as const;

export const JOB_EVALUATION = "bursa.evaluation";

// ---------------------------------------------------------------- rights

/** Anyone holding a role in the forum may read the bursa and profiles (each sees what their role allows). */
export function requireMember(actor: Actor, forumId: number) {
  if (!actor.access.inForum(forumId)) throw new NotAllowed("bursa_not_member");
}

/** A village's perangkat desa keep its profile; forum admins may keep every village's. */
export function canEditProfile(actor: Actor, forumId: number, villageId: number) {
  return actor.access.canActForVillage(forumId, villageId);
}

/** Contacts and history name people: officials and admins see them, mitra and residents do not. */
export function canSeePeople(actor: Actor, forumId: number) {
  return actor.access.isAdmin(forumId) || actor.access.isOfficial(forumId);
}

export function isMitra(actor: Actor, forumId: number) {
  return actor.access.has(forumId, "mitra");
}

/** Kecamatan staff: forum admins and moderators broker deals between villages. */
export function canMediate(actor: Actor, forumId: number) {
  return actor.access.isAdmin(forumId) || actor.access.has(forumId, "moderator");
}

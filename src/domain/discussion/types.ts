import type { ForumTerms } from "../forum/terms.js";
import type { Prisma } from "../../infra/db.js";
import type { Clock } from "../../infra/clock.js";
import type { Logger } from "../../infra/logger.js";
import type { DeliveryQueue } from "../../delivery/queue.js";
import type { JobScheduler, JobTx } from "../../jobs/scheduler.js";
import type { Access } from "../forum/access.js";
import type { TgEntity } from "./text.js";

export interface DiscussionDeps {
  prisma: Prisma;
  clock: Clock;
  delivery: DeliveryQueue;
  jobs: JobScheduler;
  logger: Logger;
}

export type Tx = JobTx;

export interface Actor {
  personId: number;
  access: Access;
}

/** Text ready for Telegram: either entities (user text inside) or HTML with user text escaped. */
export interface OutText {
  text: string;
  entities?: TgEntity[];
  parse_mode?: "HTML";
}

/**
 * Words the bot layer supplies (from the locale files), so the domain holds no text meant for
 * people. Group-facing texts are in the forum's language.
 */
export interface DiscussionRenderer {
  /** "Kampung Sukajaya" (the forum's word), or the kecamatan label for the kecamatan thread. */
  villageLabel(villageName: string | null, terms: ForumTerms): string;
  topicCard(t: { title: string; description: string; villageNames: string[] | null; endsAt: Date | null; timezone: string; terms: ForumTerms }): OutText;
  closeNote(t: { title: string; note: string | null; auto: boolean; messages: number; villages: number; terms: ForumTerms }): OutText;
  /** "4 pesan baru di topik “Jalan desa”" */
  digestHeading(count: number, title: string): string;
  /** "[Foto]", "[Pesan suara 0:03]", "[Lokasi -5.1, 105.2]" — for digests and transcripts. */
  mediaLabel(kind: string, media: Record<string, string | number> | null): string;
}

/** Owner kinds of the discussion's rows in the delivery outbox. */
export const OWNER = {
  topic: "discussion.topic",
  relay: "discussion.relay",
  digest: "discussion.digest",
  note: "discussion.note",
  source: "discussion.source",
  notice: "discussion.notice",
} as const;

export const JOB = {
  flush: "discussion.flush",
  close: "discussion.close",
  cleanup: "discussion.cleanup",
  album: "discussion.album",
} as const;

/** recipientKey of the main copy in a chat, and of the header line sent before stickers etc. */
export const mainKey = (chatId: bigint | number) => `c:${chatId}`;
export const headerKey = (chatId: bigint | number) => `h:${chatId}`;

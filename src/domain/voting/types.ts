import type { Threshold } from "./tally.js";
import type { ForumTerms } from "../forum/terms.js";
import type { QueuedFile } from "../../delivery/types.js";
import type { PublishedResult } from "./publish.js";

export type Ballot = "terbuka" | "rahasia";
export type Counting = "per_orang" | "satu_desa";
export type Eligibility = "anggota_grup" | "warga_terdaftar" | "perangkat_desa";
export type VoteKindName = "formal" | "quick";

export const BALLOTS: Ballot[] = ["terbuka", "rahasia"];
export const COUNTINGS: Counting[] = ["per_orang", "satu_desa"];
export const ELIGIBILITIES: Eligibility[] = ["anggota_grup", "warga_terdaftar", "perangkat_desa"];

export const LIMITS = {
  questionMin: 5,
  // Telegram's poll question limit, so a quick poll can carry any question a vote can.
  questionMax: 300,
  optionsMin: 2,
  optionsMax: 10,
  // Telegram's poll option limit.
  optionMax: 100,
  minDurationMs: 5 * 60_000,
  maxDurationMs: 366 * 24 * 3600_000,
  reminderMinMinutes: 5,
} as const;

/** Job kinds of this area (one table of due work, src/jobs). */
export const JOB = {
  close: "vote.close",
  refresh: "vote.refresh",
  remind: "vote.remind",
  sendPolls: "vote.poll.send",
} as const;

/** Delivery owner kinds: group cards are edited later; results and reminders are not. */
export const OWNER = {
  card: "vote",
  result: "vote.result",
  reminder: "vote.reminder",
  pollNote: "vote.poll.note",
} as const;

/** Coalescing window: at most one edit of every group card per this many ms (Telegram edit limits). */
export const REFRESH_DELAY_MS = 4_000;
/** A refresh asked for longer ago than this without running is taken as lost. */
export const REFRESH_LEASE_MS = 60_000;

export interface VoteDraft {
  forumId: number;
  question: string;
  options: string[];
  multiple: boolean;
  ballot: Ballot;
  counting: Counting;
  eligibility: Eligibility;
  villageIds: number[];
  closesAt: Date | null;
  /** Minimum turnout as an exact fraction of the eligible base; null = none. */
  quorum: Threshold | null;
  reminderMinutes: number[];
}

export interface QuickPollDraft {
  forumId: number;
  question: string;
  options: string[];
  multiple: boolean;
  villageIds: number[];
  closesAt: Date;
}

/** What a card, a ballot or a result needs to know about a vote (JSON-safe). */
export interface VoteInfo {
  id: number;
  forumId: number;
  kind: VoteKindName;
  question: string;
  options: string[];
  multiple: boolean;
  ballot: Ballot;
  counting: Counting;
  eligibility: Eligibility;
  closesAt: string | null;
  quorum: Threshold | null;
  reminderMinutes: number[];
  state: "open" | "closed";
  closedAt: string | null;
  createdById: number;
  timezone: string;
  /** The forum's words (Kampung, BPK) for every text about the vote. */
  terms: ForumTerms;
  villages: Array<{ id: number; name: string }>;
}

/** What a group card shows (see liveCountsOf): totals only where publishable allows them. */
export interface LiveCounts {
  ballots: number;
  totals: number[] | null;
}

/**
 * Text and buttons come from the bot layer (no strings in the domain), but are enqueued here in
 * the same transaction as the change they announce (transactional outbox).
 */
export interface SendSpec {
  method: string;
  params: Record<string, unknown>;
  files?: Record<string, QueuedFile>;
}

export interface VotingRenderer {
  /** The message with buttons shown in every participating group. */
  card(vote: VoteInfo, live: LiveCounts): { text: string; reply_markup?: unknown };
  /**
   * Messages posting the results (chart first): for the group of `villageId` (in Indonesian) or
   * for the organiser, in their language. Only published figures: the organiser sees no more.
   */
  results(vote: VoteInfo, result: PublishedResult, audience: { language: string; organiser: boolean; villageId?: number }): Promise<SendSpec[]>;
  /** A private reminder to someone who has not voted yet. */
  reminder(vote: VoteInfo, person: { language: string; villageId: number }): SendSpec;
  /** The note posted (in Indonesian) under each group's copy of a quick poll. */
  quickPollNote(vote: VoteInfo, group: { villageId: number }): SendSpec;
}

/** The few Telegram reads/writes voting needs outside the outbox (see the feature for why). */
export interface TelegramPort {
  /** Members of a group, the bot included, or null when Telegram cannot tell. */
  memberCount(chatId: bigint): Promise<number | null>;
  /** Whether a user is currently a member of a group. */
  isMember(chatId: bigint, telegramUserId: bigint): Promise<boolean>;
  sendPoll(chatId: bigint, poll: { question: string; options: string[]; multiple: boolean }): Promise<{ messageId: number; pollId: string }>;
  /** Stops a poll; returns its final counts, or null when it was closed already. */
  stopPoll(chatId: bigint, messageId: number): Promise<{ counts: number[]; voters: number } | null>;
}

/** Thrown by TelegramPort when a chat can no longer be reached (kicked, not found). */
export class ChatUnreachable extends Error {}

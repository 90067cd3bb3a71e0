import type { MessageEntity, InlineKeyboardMarkup } from "grammy/types";

/** A file carried inside a queued row (small files only: .ics, charts, exports). */
export interface QueuedFile {
  base64: string;
  filename: string;
}

/**
 * What one outbox row does. `method`/`params` are Bot API names; `chat_id` comes from the row.
 * - send: any send* method, copyMessage or forwardMessage; files replace params of the same name.
 * - edit: editMessageText / editMessageCaption / editMessageReplyMarkup / editMessageMedia / stopPoll
 *   of an earlier copy; `messageId` names it. A copy still in the queue has no message id yet:
 *   `ofCopy` (its row id) names it instead, with `messageId` 0, and the edit waits until it is sent.
 * - delete: deleteMessage of an earlier copy.
 */
export type Payload =
  | {
      op: "send";
      method: string;
      params: Record<string, unknown>;
      files?: Record<string, QueuedFile>;
      pin?: boolean;
      silentPin?: boolean;
    }
  | { op: "edit"; method: string; messageId: number; params: Record<string, unknown>; ofCopy?: string }
  | { op: "delete"; messageId: number };

export interface EnqueueItem {
  chatId: number | bigint;
  payload: Payload;
  /** Label the caller uses to find this copy later (e.g. `village:12`, `person:5`). */
  recipientKey?: string;
  priority?: number;
  /** Earliest send time (defaults to now). */
  notBefore?: Date;
}

export interface EnqueueRequest {
  forumId?: number | null;
  ownerKind: string;
  ownerId: string | number;
  items: EnqueueItem[];
}

export type DeliveryStateName = "queued" | "sending" | "sent" | "failed" | "cancelled" | "unknown";

/** Why a row failed for good, in words the bot layer maps to Indonesian. */
export type FailureKind =
  | "kicked"
  | "blocked"
  | "chat_not_found"
  | "not_started"
  | "migrated"
  | "bad_request"
  | "too_many_attempts"
  | "not_enough_rights"
  | "message_gone"
  /** Telegram keeps a message sent more than 48 hours ago: a bot cannot delete it any more. */
  | "too_old"
  /** The process stopped while the row was being sent: it may or may not have arrived. */
  | "interrupted"
  /** Sent, but pinning it failed (e.g. the bot is not an admin): the row's state stays "sent". */
  | "pin_failed";

export interface BatchStatus {
  batchId: number;
  total: number;
  counts: Record<DeliveryStateName, number>;
  done: boolean;
  failures: Array<{ id: bigint; chatId: bigint; recipientKey: string | null; errorKind: string | null; lastError: string | null }>;
}

export interface CopyRef {
  id: bigint;
  batchId: number;
  chatId: bigint;
  recipientKey: string | null;
  state: DeliveryStateName;
  telegramMessageId: number | null;
  /** An album copy's messages in order (empty for anything else). */
  albumMessageIds: number[];
}

/** One row of a batch, for per-recipient reports (e.g. a per-village delivery report). */
export interface RecipientRow {
  id: bigint;
  chatId: bigint;
  recipientKey: string | null;
  state: DeliveryStateName;
  errorKind: string | null;
  lastError: string | null;
  telegramMessageId: number | null;
  attempts: number;
  sentAt: Date | null;
}

export interface EnqueueResult {
  batchId: number;
  /** Follow progress, wait for the end, cancel what is not sent yet. */
  handle: BatchHandleLike;
}

export interface BatchHandleLike {
  readonly batchId: number;
  status(): Promise<BatchStatus>;
  /** Resolves when no row is queued or sending any more (or after `timeoutMs`). */
  settled(opts?: { timeoutMs?: number; pollMs?: number; onProgress?: (s: BatchStatus) => void }): Promise<BatchStatus>;
  cancel(): Promise<number>;
  recipients(): Promise<RecipientRow[]>;
}

export type { MessageEntity, InlineKeyboardMarkup };

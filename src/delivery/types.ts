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
 *   of an earlier copy; `messageId` names it.
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
  | { op: "edit"; method: string; messageId: number; params: Record<string, unknown> }
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
  | "message_gone";

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
}

export type { MessageEntity, InlineKeyboardMarkup };

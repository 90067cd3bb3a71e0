import type { Message, Update, User } from "grammy/types";

export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked" | "restricted";
export type ChatType = "private" | "group" | "supergroup" | "channel";

/** A message as the fake stores it (edits applied in place; deleted ones flagged). */
export type StoredMessage = Message & { deleted?: boolean };

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

export interface Call {
  method: string;
  params: any;
  files: Record<string, UploadedFile>;
  ok: boolean;
  result?: any;
  error?: { code: number; description: string; parameters?: Record<string, unknown> };
  /** Date.now() when the answer was produced */
  at: number;
}

export type FaultError =
  | { code: 429; retry_after: number }
  | { code: 500 | 502 | 503; description?: string }
  | { code: 400 | 403; description: string; parameters?: Record<string, unknown> };

export interface NewUser {
  id?: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
  is_premium?: true;
}

export interface NewGroup {
  id?: number;
  title: string;
  /** default "supergroup" */
  type?: "group" | "supergroup";
  username?: string;
  is_forum?: boolean;
  members?: number[];
  admins?: number[];
  creator?: number;
  /** default false (bot is a plain member) */
  botIsAdmin?: boolean;
  /** default true: the bot is in the group */
  botIsMember?: boolean;
  memberCount?: number;
}

export interface WebhookDelivery {
  update_id: number;
  status?: number;
  error?: string;
  at: number;
}

export type ChatRef = { id: number; type?: string; title?: string } | "private" | number;

export type { Update, User, Message };

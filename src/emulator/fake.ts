// FakeTelegram: an in-process fake of the Telegram Bot API HTTP server that is
// strict like the real one (spec validation, parse_mode checks, limits, chat
// state, rate limits) so that tests catch what production would reject.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Chat, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";
import { ApiError, badRequest, findMethod, fillRequired, forbidden, validateParams, type UploadedFiles } from "./spec.js";
import { charLength, formatText, ParseError, UnsupportedParseMode, type Formatted } from "./format.js";
import { boundaryOf, parseMultipart } from "./multipart.js";
import { fnv1a, maxInWindow, RateLimiter, type RateLimitOptions } from "./rate-limit.js";
import type {
  Call, ChatRef, ChatType, FaultError, MemberStatus, NewGroup, NewUser, StoredMessage, UploadedFile, WebhookDelivery,
} from "./types.js";
import { UpdateBuilders } from "./updates.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Msg = Record<string, any> & { message_id: number; date: number; chat: Chat; deleted?: boolean };

export interface FakeTelegramOptions {
  token?: string;
  botUser?: Partial<UserFromGetMe>;
  rateLimits?: RateLimitOptions;
  /** listen port (default 0 = random) */
  port?: number;
  /** listen host (default 127.0.0.1) */
  host?: string;
  /**
   * Webhook deliveries that fail (no answer, or not 2xx) are tried again, as Telegram does, after
   * this many ms, doubling up to 8×. Default: not retried (one attempt, recorded).
   */
  webhookRetryMs?: number;
  /** Webhook deliveries in flight at once (Telegram: up to max_connections). Default 1: in order. */
  webhookConnections?: number;
}

/** A saved emulator world (see exportState/importState). */
export interface EmulatorState {
  version: 1;
  users: User[];
  chats: Array<Record<string, unknown> & {
    id: number;
    members: Array<[number, MemberStatus]>;
    order: unknown[];
    botSentIds: number[];
    topics: Array<[number, { name: string; icon_color: number; icon_custom_emoji_id?: string; closed: boolean; deleted: boolean }]>;
    deactivated?: boolean;
  }>;
  files: Array<Omit<FileRec, "group"> & { group?: string[] }>;
  polls: Array<{ id: string; chatId: number; messageId: number; votes: Array<[number, number[]]> }>;
  commands: Array<[string, unknown[]]>;
  counters: { nextUserId: number; nextSupergroupSeq: number; nextGroupSeq: number; nextUpdateId: number; fileSeq: number; idSeq: number };
}

/** @internal */
export interface ChatState {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  isForum: boolean;
  started: boolean;
  blocked: boolean;
  members: Map<number, MemberStatus>;
  memberCountOverride?: number;
  botStatus: MemberStatus;
  migratedTo?: number;
  migratedFrom?: number;
  nextMessageId: number;
  messages: Map<number, Msg>;
  order: Msg[];
  botSent: Msg[];
  pinned: number[];
  topics: Map<number, { name: string; icon_color: number; icon_custom_emoji_id?: string; closed: boolean; deleted: boolean }>;
  description?: string;
  permissions?: Record<string, boolean>;
  menuButton?: unknown;
  view?: Chat;
}

type FileKind = "photo" | "document" | "video" | "animation" | "audio" | "voice" | "video_note" | "sticker";
/** @internal */
export interface FileRec {
  file_id: string;
  file_unique_id: string;
  kind: FileKind;
  file_size: number;
  bytes?: Buffer;
  file_path: string;
  file_name?: string;
  mime_type?: string;
  width?: number;
  height?: number;
  group?: FileRec[]; // photo sizes belonging together
}

interface Fault {
  method: string; // lower-case or "*"
  times: number;
  where?: (params: any) => boolean;
  err?: FaultError;
  drop?: boolean;
  /** With drop: hold the request this long first (a Telegram that does not answer). */
  afterMs?: number;
  /** A fault window: active (for any number of calls) until this Date.now(). */
  until?: number;
  /** With method "*": methods (lower-case) the fault leaves alone. */
  except?: Set<string>;
}

interface Waiter {
  resolve: (u: Update[]) => void;
  reject: (e: unknown) => void;
  limit: number;
  timer: NodeJS.Timeout;
}

interface ExecCtx {
  onAbort?: () => void;
}

const DROP = Symbol("drop");
type ExecResult = { status: number; body: unknown } | typeof DROP;

const SEND_METHODS = new Set([
  "sendMessage", "sendPhoto", "sendLivePhoto", "sendAudio", "sendDocument", "sendVideo", "sendAnimation",
  "sendVoice", "sendVideoNote", "sendPaidMedia", "sendMediaGroup", "sendLocation", "sendVenue", "sendContact",
  "sendPoll", "sendChecklist", "sendDice", "sendSticker", "sendInvoice", "sendGame", "sendRichMessage",
  "copyMessage", "copyMessages", "forwardMessage", "forwardMessages",
]);

const INLINE_ACTIONS = [
  "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
];
const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
  "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);
const TOPIC_COLORS = new Set([7322096, 16766590, 13338331, 9367192, 16749490, 16478047]);
/** Telegram's answer to forwardMessage/copyMessage of a message sent with protect_content. */
export const PROTECTED_CONTENT = "message has protected content and can't be forwarded";

const CONTENT_KEYS = [
  "text", "entities", "link_preview_options", "photo", "document", "video", "animation", "audio", "voice",
  "video_note", "sticker", "caption", "caption_entities", "show_caption_above_media", "has_media_spoiler",
  "location", "venue", "contact", "poll", "dice",
];
const DEFAULT_ALLOWED = new Set([
  "message", "edited_message", "channel_post", "edited_channel_post", "business_connection", "business_message",
  "edited_business_message", "deleted_business_messages", "inline_query", "chosen_inline_result", "callback_query",
  "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer", "my_chat_member",
  "chat_join_request", "chat_boost", "removed_chat_boost", "managed_bot", "guest_message",
]);
const FILE_ID_PREFIX: Record<FileKind, string> = {
  photo: "AgACAgIAAxkBAAI", document: "BQACAgIAAxkBAAI", video: "BAACAgIAAxkBAAI", animation: "CgACAgIAAxkBAAI",
  audio: "CQACAgIAAxkBAAI", voice: "AwACAgIAAxkBAAI", video_note: "DQACAgIAAxkBAAI", sticker: "CAACAgIAAxkBAAI",
};
const FILE_DIR: Record<FileKind, [string, string]> = {
  photo: ["photos", "jpg"], document: ["documents", "dat"], video: ["videos", "mp4"], animation: ["animations", "mp4"],
  audio: ["music", "mp3"], voice: ["voice", "oga"], video_note: ["video_notes", "mp4"], sticker: ["stickers", "webp"],
};
const MIME: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp", svg: "image/svg+xml",
  pdf: "application/pdf", txt: "text/plain", csv: "text/csv", ics: "text/calendar", json: "application/json",
  zip: "application/zip", mp4: "video/mp4", mp3: "audio/mpeg", ogg: "audio/ogg", oga: "audio/ogg",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", html: "text/html",
};
const KIND_NAME: Record<FileKind, string> = {
  photo: "Photo", document: "Document", video: "Video", animation: "Animation", audio: "Audio", voice: "VoiceNote",
  video_note: "VideoNote", sticker: "Sticker",
};

const RANDOM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
function randomString(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += RANDOM_CHARS[Math.floor(Math.random() * RANDOM_CHARS.length)];
  return s;
}

export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "undefined";
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(",")}}`;
}

const isGroupType = (t: ChatType) => t === "group" || t === "supergroup" || t === "channel";
const isActive = (s: MemberStatus) => s === "creator" || s === "administrator" || s === "member" || s === "restricted";

export class FakeTelegram {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  apiRoot = "";
  readonly calls: Call[] = [];
  readonly updates: UpdateBuilders;
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** Updates that builders created but real Telegram would not deliver (privacy mode, bot not in chat). */
  readonly undelivered: Update[] = [];
  /** When false, update builders only build (and store) but do not enqueue. */
  autoEnqueue = true;
  /** Ids skipped between an album's messages: in a busy group other people's messages land between them. */
  albumGap = 0;
  stats = {
    tooManyRequests: 0,
    /** chat id → time of every message the bot created there (and edit, with rateLimits.countEdits): Date.now(), or the fake's clock with rateLimits.clock "fake" */
    sendsPerChat: new Map<number, number[]>(),
    callsByMethod: new Map<string, number>(),
    messagesSent: 0,
    /** "chatId:fnv(text)" → count */
    contentCounts: new Map<string, number>(),
  };

  private server!: http.Server;
  private sockets = new Set<Socket>();
  private callListeners = new Set<(call: Call) => void>();
  private rate: RateLimiter;
  private faults: Fault[] = [];
  private latency: { ms: number; until: number; except: Set<string> } | null = null;
  private webhookRetryMs?: number;
  private webhookConnections = 1;
  private webhookInFlight = 0;
  private webhookWaiting: Array<() => void> = [];
  private fixedNow: number | null = null;
  private clockOffset = 0;

  /** @internal */ users = new Map<number, User>();
  /** @internal */ chats = new Map<number, ChatState>();
  private chatsByUsername = new Map<string, ChatState>();
  /** @internal */ files = new Map<string, FileRec>();
  private filesByPath = new Map<string, FileRec>();
  private sentAll: Msg[] = [];
  /** @internal */ polls = new Map<string, { chatId: number; messageId: number; votes: Map<number, number[]> }>();
  /** @internal */ callbackQueries = new Map<string, { createdAt: number; answer?: any }>();
  /** @internal */ inlineQueries = new Map<string, { createdAt: number; answer?: any }>();
  private commands = new Map<string, unknown[]>();
  private botTexts = new Map<string, string>();
  private defaultAdminRights = new Map<boolean, unknown>();
  private defaultMenuButton: unknown = { type: "commands" };

  private queue: Update[] = [];
  private waiter?: Waiter;
  private allowedUpdates?: Set<string>;
  private webhook?: { url: string; secret?: string; allowed?: Set<string>; maxConnections: number };
  private webhookChain: Promise<void> = Promise.resolve();
  private webhookPending = 0;

  private nextUserId = 100001;
  private nextSupergroupSeq = 1;
  private nextGroupSeq = 1;
  private nextUpdateId = 10_000_001;
  private fileSeq = 0;
  private idSeq = 0;

  private constructor(opts: FakeTelegramOptions = {}) {
    this.token = opts.token ?? "123456:TEST-TOKEN";
    this.botInfo = {
      id: 7000000001,
      is_bot: true,
      first_name: "Forum Desa",
      username: "ForumDesaBot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...(opts.botUser as object),
    } as UserFromGetMe;
    this.rate = new RateLimiter(opts.rateLimits ?? { enabled: false });
    this.webhookRetryMs = opts.webhookRetryMs;
    this.webhookConnections = Math.max(1, opts.webhookConnections ?? 1);
    this.updates = new UpdateBuilders(this);
  }

  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(opts);
    fake.server = http.createServer((req, res) => {
      fake.onRequest(req, res).catch((e) => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${String(e?.stack ?? e)}` }));
        }
      });
    });
    fake.server.keepAliveTimeout = 30_000;
    fake.server.on("connection", (s) => {
      fake.sockets.add(s);
      s.on("close", () => fake.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      fake.server.once("error", reject);
      fake.server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
    });
    const addr = fake.server.address() as AddressInfo;
    const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
    fake.apiRoot = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${addr.port}`;
    return fake;
  }

  async stop(): Promise<void> {
    if (this.waiter) {
      clearTimeout(this.waiter.timer);
      this.waiter.resolve([]);
      this.waiter = undefined;
    }
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
      this.server.closeAllConnections?.();
    });
  }

  /** Forget everything: calls, users, chats, messages, files, faults, queued updates, webhook, stats. */
  reset(): void {
    this.calls.length = 0;
    this.webhookDeliveries.length = 0;
    this.undelivered.length = 0;
    this.faults = [];
    this.latency = null;
    this.users.clear();
    this.chats.clear();
    this.chatsByUsername.clear();
    this.files.clear();
    this.filesByPath.clear();
    this.sentAll = [];
    this.polls.clear();
    this.callbackQueries.clear();
    this.inlineQueries.clear();
    this.commands.clear();
    this.botTexts.clear();
    this.defaultAdminRights.clear();
    this.defaultMenuButton = { type: "commands" };
    this.queue = [];
    this.allowedUpdates = undefined;
    this.webhook = undefined;
    this.rate = new RateLimiter(this.rate.opts);
    this.stats = {
      tooManyRequests: 0,
      sendsPerChat: new Map(),
      callsByMethod: new Map(),
      messagesSent: 0,
      contentCounts: new Map(),
    };
    this.fixedNow = null;
    this.clockOffset = 0;
    this.nextUserId = 100001;
    this.nextSupergroupSeq = 1;
    this.nextGroupSeq = 1;
    this.autoEnqueue = true;
    this.albumGap = 0;
  }

  // ------------------------------------------------------------------ clock

  /** Current fake time in ms (Date.now() unless setNow/advance were used). Message dates use it. */
  now(): number {
    return this.fixedNow ?? Date.now() + this.clockOffset;
  }
  /** Freeze the fake clock at `ms` (null: back to real time). */
  setNow(ms: number | Date | null): void {
    this.fixedNow = ms === null ? null : +ms;
    if (ms === null) this.clockOffset = 0;
  }
  /** Move the fake clock forward. */
  advance(ms: number): void {
    if (this.fixedNow !== null) this.fixedNow += ms;
    else this.clockOffset += ms;
  }
  /** @internal */
  nowSec(): number {
    return Math.floor(this.now() / 1000);
  }

  // ------------------------------------------------------------ world setup

  addUser(u: NewUser): User {
    const id = u.id ?? this.nextUserId++;
    if (u.id !== undefined && u.id >= this.nextUserId && u.id < 1_000_000) this.nextUserId = u.id + 1;
    const user: User = { id, is_bot: u.is_bot ?? false, first_name: u.first_name };
    if (u.last_name) user.last_name = u.last_name;
    if (u.username) user.username = u.username;
    if (u.language_code) user.language_code = u.language_code;
    if (u.is_premium) user.is_premium = true;
    this.users.set(id, user);
    if (u.username) {
      const st = this.privateChat(id);
      this.chatsByUsername.set(u.username.toLowerCase(), st);
    }
    return user;
  }

  /** Private chat exists (for sending) only after this — update builders for private messages call it. */
  userStartedBot(userId: number): void {
    const st = this.privateChat(userId);
    st.started = true;
    st.blocked = false;
  }
  blockBot(userId: number): void {
    this.privateChat(userId).blocked = true;
  }
  unblockBot(userId: number): void {
    this.privateChat(userId).blocked = false;
  }

  addGroup(g: NewGroup): Chat {
    const type = g.type ?? "supergroup";
    const id =
      g.id ?? (type === "supergroup" ? -1001000000000 - this.nextSupergroupSeq++ : -4000000000 - this.nextGroupSeq++);
    if (this.chats.has(id)) throw new Error(`addGroup: chat ${id} already exists`);
    const st = this.newChatState(id, type);
    st.title = g.title;
    st.username = g.username;
    st.isForum = type === "supergroup" && !!g.is_forum;
    if (st.isForum) st.nextMessageId = 2; // message_thread_id 1 is the General topic
    for (const uid of g.members ?? []) this.setMember(id, uid, "member", st);
    for (const uid of g.admins ?? []) this.setMember(id, uid, "administrator", st);
    if (g.creator !== undefined) this.setMember(id, g.creator, "creator", st);
    st.botStatus = g.botIsMember === false ? "left" : g.botIsAdmin ? "administrator" : "member";
    st.memberCountOverride = g.memberCount;
    this.chats.set(id, st);
    if (g.username) this.chatsByUsername.set(g.username.toLowerCase(), st);
    return this.chatView(st);
  }

  setMember(chatId: number, userId: number, status: MemberStatus, st?: ChatState): void {
    const chat = st ?? this.mustChat(chatId);
    if (userId === this.botInfo.id) {
      chat.botStatus = status;
      return;
    }
    if (!this.users.has(userId)) throw new Error(`unknown user id ${userId}; call addUser first`);
    chat.members.set(userId, status);
  }
  setMemberCount(chatId: number, n: number): void {
    this.mustChat(chatId).memberCountOverride = n;
  }
  /** The bot is removed from the group: sends answer 403 "bot was kicked from the … chat". */
  kickBot(chatId: number): void {
    this.mustChat(chatId).botStatus = "kicked";
  }
  /** Makes the user look deleted: sends answer 403 "user is deactivated". */
  deactivateUser(userId: number): void {
    (this.privateChat(userId) as ChatState & { deactivated?: boolean }).deactivated = true;
  }

  /** group → supergroup. Returns the new chat id. */
  migrateGroup(oldChatId: number, newChatId?: number): number {
    const old = this.mustChat(oldChatId);
    if (old.type !== "group") throw new Error(`migrateGroup: chat ${oldChatId} is a ${old.type}, not a basic group`);
    const id = newChatId ?? -1001000000000 - this.nextSupergroupSeq++;
    const st = this.newChatState(id, "supergroup");
    st.title = old.title;
    st.members = new Map(old.members);
    st.botStatus = old.botStatus;
    st.memberCountOverride = old.memberCountOverride;
    st.migratedFrom = old.id;
    this.chats.set(id, st);
    old.migratedTo = id;
    return id;
  }

  // ------------------------------------------------------- fault injection

  fail(method: string, err: FaultError, opts: { times?: number; where?: (params: any) => boolean; forMs?: number; except?: string[] } = {}): void {
    this.faults.push({
      method: method === "*" ? "*" : method.toLowerCase(),
      times: opts.forMs !== undefined ? Infinity : (opts.times ?? 1),
      where: opts.where,
      err,
      until: opts.forMs !== undefined ? Date.now() + opts.forMs : undefined,
      except: opts.except ? new Set(opts.except.map((m) => m.toLowerCase())) : undefined,
    });
  }
  /**
   * Every call (but `except`) is answered `ms` late, for `forMs` (default: until cleared): a slow
   * Bot API. The delay is real time, not the fake's clock.
   */
  setLatency(ms: number, opts: { forMs?: number; except?: string[] } = {}): void {
    this.latency = ms > 0 ? { ms, until: opts.forMs !== undefined ? Date.now() + opts.forMs : Infinity, except: new Set((opts.except ?? []).map((m) => m.toLowerCase())) } : null;
  }
  /** The call is not carried out and its connection is closed, after `afterMs` of silence if given. */
  dropConnection(method: string, opts: { times?: number; where?: (params: any) => boolean; afterMs?: number } = {}): void {
    this.faults.push({ method: method === "*" ? "*" : method.toLowerCase(), times: opts.times ?? 1, where: opts.where, drop: true, afterMs: opts.afterMs });
  }
  clearFaults(): void {
    this.faults = [];
    this.latency = null;
  }

  // ------------------------------------------------------------- inspection

  callsTo(method: string | string[], opts: { all?: boolean } = {}): Call[] {
    const set = new Set((Array.isArray(method) ? method : [method]).map((m) => m.toLowerCase()));
    return this.calls.filter((c) => set.has(c.method.toLowerCase()) && (opts.all || c.ok));
  }

  /** Messages the bot created (sendX, copyMessage, forwardMessage…), in order, as currently stored. */
  sent(chatId?: number): StoredMessage[] {
    if (chatId === undefined) return this.sentAll.slice() as StoredMessage[];
    return (this.chats.get(chatId)?.botSent.slice() ?? []) as StoredMessage[];
  }
  /** Every stored message in the chat (user's and bot's, incl. service messages), deleted ones flagged. */
  messages(chatId: number): StoredMessage[] {
    return (this.chats.get(chatId)?.order.slice() ?? []) as StoredMessage[];
  }
  message(chatId: number, messageId: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.get(messageId) as StoredMessage | undefined;
  }
  pinned(chatId: number): number[] {
    return this.chats.get(chatId)?.pinned.slice() ?? [];
  }
  /** Params of answerCallbackQuery for that query id (undefined if not answered yet). */
  callbackAnswer(callbackQueryId: string): any {
    return this.callbackQueries.get(callbackQueryId)?.answer;
  }
  inlineAnswer(inlineQueryId: string): any {
    return this.inlineQueries.get(inlineQueryId)?.answer;
  }
  /** Commands set with setMyCommands for the scope/language (default scope when omitted). */
  myCommands(scope: unknown = { type: "default" }, languageCode = ""): unknown[] | undefined {
    return this.commands.get(`${stableStringify(scope)}|${languageCode}`);
  }
  chatMemberStatus(chatId: number, userId: number): MemberStatus | undefined {
    const st = this.chats.get(chatId);
    if (!st) return undefined;
    return userId === this.botInfo.id ? st.botStatus : st.members.get(userId);
  }
  topics(chatId: number): Array<{ message_thread_id: number; name: string; closed: boolean; deleted: boolean }> {
    const st = this.chats.get(chatId);
    return st ? [...st.topics].map(([id, t]) => ({ message_thread_id: id, name: t.name, closed: t.closed, deleted: t.deleted })) : [];
  }
  /** URL from which the file can be downloaded (as the bot would build it from getFile). */
  downloadUrl(fileId: string): string {
    const f = this.files.get(fileId);
    if (!f) throw new Error(`unknown file_id ${fileId}`);
    return `${this.apiRoot}/file/bot${this.token}/${f.file_path}`;
  }
  fileBytes(fileId: string): Buffer | undefined {
    const f = this.files.get(fileId);
    return f ? this.bytesOf(f) : undefined;
  }
  /** Largest number of messages the bot created in `chatId` within any `windowMs` window. */
  maxInWindow(chatId: number, windowMs: number): number {
    return maxInWindow(this.stats.sendsPerChat.get(chatId) ?? [], windowMs);
  }
  /** Pending updates for getUpdates. */
  pendingUpdates(): Update[] {
    return this.queue.slice();
  }
  /** Resolves when all webhook deliveries queued so far are done. */
  webhookIdle(): Promise<void> {
    return this.webhookChain;
  }

  async waitFor<T>(fn: () => T | undefined | false | null, opts: { timeout?: number; message?: string } = {}): Promise<T> {
    const timeout = opts.timeout ?? 5000;
    const deadline = Date.now() + timeout;
    for (;;) {
      const v = fn();
      if (v) return v;
      if (Date.now() > deadline) {
        throw new Error(
          `FakeTelegram.waitFor timed out after ${timeout} ms${opts.message ? ` (${opts.message})` : ""}. ` +
            `Recent calls:\n${this.describeRecentCalls()}`,
        );
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  waitForCall(
    method: string,
    where?: (params: any) => boolean,
    opts: { timeout?: number; since?: number; all?: boolean } = {},
  ): Promise<Call> {
    const lower = method.toLowerCase();
    let i = opts.since ?? 0;
    return this.waitFor(
      () => {
        for (; i < this.calls.length; i++) {
          const c = this.calls[i]!;
          if (c.method.toLowerCase() === lower && (opts.all || c.ok) && (!where || where(c.params))) return c;
        }
        return undefined;
      },
      { timeout: opts.timeout, message: `waiting for ${method}` },
    );
  }

  /** Calls `fn` with every API call once it is answered (ok or refused); returns an unsubscribe. */
  onCall(fn: (call: Call) => void): () => void {
    this.callListeners.add(fn);
    return () => this.callListeners.delete(fn);
  }

  private record(call: Call): void {
    this.calls.push(call);
    for (const fn of this.callListeners) {
      try {
        fn(call);
      } catch {
        /* a listener's failure is not the API call's */
      }
    }
  }

  describeRecentCalls(n = 15): string {
    const recent = this.calls.slice(-n);
    if (!recent.length) return "  (no calls recorded)";
    return recent
      .map((c) => {
        const p = JSON.stringify(c.params, (k, v) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 77)}...` : v));
        return `  ${c.ok ? "ok " : "ERR"} ${c.method} ${p && p.length > 300 ? `${p.slice(0, 297)}...` : p}${
          c.error ? ` → ${c.error.code} ${c.error.description}` : ""
        }`;
      })
      .join("\n");
  }

  // ---------------------------------------------------------------- updates

  /** Queue an update for getUpdates, or POST it to the webhook if one is set. */
  enqueue(update: Update): void {
    if (this.webhook) {
      this.deliverWebhook(update);
      return;
    }
    this.queue.push(update);
    const w = this.waiter;
    if (w) {
      const ready = this.collectUpdates(w.limit);
      if (ready.length) {
        this.waiter = undefined;
        clearTimeout(w.timer);
        w.resolve(ready);
      }
    }
  }

  /** @internal */
  nextUpdate(): number {
    return this.nextUpdateId++;
  }

  private collectUpdates(limit: number): Update[] {
    const allowed = this.allowedUpdates ?? DEFAULT_ALLOWED;
    const out: Update[] = [];
    for (let i = 0; i < this.queue.length && out.length < limit; i++) {
      const u = this.queue[i]!;
      const type = Object.keys(u).find((k) => k !== "update_id")!;
      if (allowed.has(type)) out.push(u);
      else {
        this.queue.splice(i, 1); // real Telegram never stores updates of types that aren't allowed
        i--;
      }
    }
    return out;
  }

  private deliverWebhook(update: Update, attempt = 0) {
    this.webhookPending++;
    const one = async () => {
      const hook = this.webhook;
      let failed = false;
      try {
        if (!hook) {
          this.queue.push(update);
          return;
        }
        const type = Object.keys(update).find((k) => k !== "update_id")!;
        if (!(hook.allowed ?? DEFAULT_ALLOWED).has(type)) return;
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (hook.secret) headers["x-telegram-bot-api-secret-token"] = hook.secret;
        const d: WebhookDelivery = { update_id: update.update_id, at: Date.now() };
        this.webhookDeliveries.push(d);
        try {
          const res = await fetch(hook.url, { method: "POST", headers, body: JSON.stringify(update) });
          d.status = res.status;
          const text = await res.text();
          if (!res.ok) failed = true;
          if (res.ok && text) {
            let reply: any;
            try {
              reply = JSON.parse(text);
            } catch {
              /* not a webhook reply */
            }
            if (reply && typeof reply.method === "string") {
              const { method, ...params } = reply;
              await this.execute(method, params, {}, {});
            }
          }
        } catch (e) {
          d.error = String((e as Error)?.message ?? e);
          failed = true;
        }
      } finally {
        this.webhookPending--;
        // Telegram keeps an update it could not deliver and tries again later.
        if (failed && this.webhookRetryMs !== undefined && this.webhook) {
          const wait = this.webhookRetryMs * 2 ** Math.min(3, attempt);
          this.webhookPending++;
          setTimeout(() => {
            this.webhookPending--;
            this.deliverWebhook(update, attempt + 1);
          }, wait).unref();
        }
      }
    };
    if (this.webhookConnections <= 1) {
      this.webhookChain = this.webhookChain.then(one);
      return;
    }
    // Several connections: up to webhookConnections deliveries at once.
    const run = async () => {
      this.webhookInFlight++;
      try {
        await one();
      } finally {
        this.webhookInFlight--;
        this.webhookWaiting.shift()?.();
      }
    };
    const started = this.webhookInFlight < this.webhookConnections ? run() : new Promise<void>((r) => this.webhookWaiting.push(r)).then(run);
    this.webhookChain = Promise.all([this.webhookChain, started]).then(() => {});
  }

  // ------------------------------------------------------------------ HTTP

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    if (path.startsWith("/__fake/")) return this.onControl(req, res, url);
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
    if (fileMatch) {
      if (fileMatch[1] !== this.token) return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      const f = this.filesByPath.get(decodeURIComponent(fileMatch[2]!));
      if (!f) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      const bytes = this.bytesOf(f);
      res.writeHead(200, { "content-type": f.mime_type ?? "application/octet-stream", "content-length": bytes.length });
      res.end(bytes);
      return;
    }
    const m = /^\/bot([^/]*)\/([^/]*)\/?$/.exec(path);
    if (!m) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (m[1] !== this.token) return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const body = await readBody(req);
    let params: Record<string, unknown>;
    let files: UploadedFiles;
    try {
      ({ params, files } = parseRequest(String(req.headers["content-type"] ?? ""), body, url.searchParams));
    } catch (e) {
      return sendJson(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${(e as Error).message}` });
    }
    const ctx: ExecCtx = {};
    res.on("close", () => {
      if (!res.writableEnded) ctx.onAbort?.();
    });
    const out = await this.execute(m[2]!, params, files, ctx);
    if (out === DROP) {
      req.socket.destroy();
      return;
    }
    sendJson(res, out.status, out.body);
  }

  /** Runs one API call (recording it). Also used for webhook replies and the RPC endpoint. */
  private async execute(name: string, raw: Record<string, unknown>, files: UploadedFiles, ctx: ExecCtx): Promise<ExecResult> {
    const spec = findMethod(name);
    const method = spec?.name ?? name;
    this.stats.callsByMethod.set(method, (this.stats.callsByMethod.get(method) ?? 0) + 1);
    const recFiles: Record<string, UploadedFile> = {};
    for (const [k, f] of Object.entries(files)) recFiles[k] = { filename: f.filename, bytes: f.bytes };
    let params: Record<string, unknown> = raw;
    let validationError: unknown;
    if (spec) {
      try {
        params = validateParams(spec, raw, files);
      } catch (e) {
        validationError = e;
      }
    }
    const call: Call = { method, params, files: recFiles, ok: false, at: 0 };
    const lat = this.latency;
    if (lat && Date.now() < lat.until && !lat.except.has(method.toLowerCase())) await new Promise((r) => setTimeout(r, lat.ms));
    const fault = this.takeFault(method, params);
    try {
      if (fault?.drop) {
        call.error = { code: 0, description: "connection dropped by fake" };
        call.at = Date.now();
        this.record(call);
        if (fault.afterMs) await new Promise((r) => setTimeout(r, fault.afterMs).unref());
        return DROP;
      }
      if (fault?.err) throw faultToError(fault.err);
      if (!spec) throw new ApiError(404, "Not Found");
      if (validationError) throw validationError;
      const result = await this.dispatch(method, params, files, ctx);
      call.ok = true;
      call.result = result;
      call.at = Date.now();
      this.record(call);
      return { status: 200, body: { ok: true, result } };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 429) this.stats.tooManyRequests++;
      call.error = { code: e.code, description: e.description, ...(e.parameters ? { parameters: e.parameters } : {}) };
      call.at = Date.now();
      this.record(call);
      return {
        status: e.code,
        body: { ok: false, error_code: e.code, description: e.description, ...(e.parameters ? { parameters: e.parameters } : {}) },
      };
    }
  }

  private takeFault(method: string, params: Record<string, unknown>): Fault | undefined {
    if (!this.faults.length) return undefined;
    const lower = method.toLowerCase();
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i]!;
      if (f.until !== undefined && Date.now() >= f.until) {
        this.faults.splice(i--, 1);
        continue;
      }
      if (f.method !== "*" && f.method !== lower) continue;
      if (f.except?.has(lower)) continue;
      if (f.where) {
        let hit = false;
        try {
          hit = !!f.where(params);
        } catch {
          hit = false;
        }
        if (!hit) continue;
      }
      if (--f.times <= 0) this.faults.splice(i, 1);
      return f;
    }
    return undefined;
  }

  // ------------------------------------------------------- control endpoint

  private async onControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const what = url.pathname.slice("/__fake/".length);
    if (what === "stats" && req.method === "GET") return sendJson(res, 200, this.statsJson());
    if (what === "reset" && req.method === "POST") {
      this.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (what === "calls" && req.method === "GET") {
      const since = Number(url.searchParams.get("since") ?? 0);
      const method = url.searchParams.get("method");
      const calls = this.calls
        .slice(since)
        .filter((c) => !method || c.method === method)
        .map((c) => ({ ...c, files: Object.fromEntries(Object.entries(c.files).map(([k, f]) => [k, { filename: f.filename, size: f.bytes.length }])) }));
      return sendJson(res, 200, { total: this.calls.length, calls });
    }
    if (what === "rpc" && req.method === "POST") {
      const body = JSON.parse((await readBody(req)).toString("utf8") || "null");
      const run = (c: { method: string; args?: unknown[] }) => this.rpc(c.method, c.args ?? []);
      try {
        const result = Array.isArray(body) ? body.map(run) : run(body);
        return sendJson(res, 200, { ok: true, result });
      } catch (e) {
        return sendJson(res, 400, { ok: false, description: String((e as Error).message) });
      }
    }
    sendJson(res, 404, { ok: false, description: "unknown control endpoint" });
  }

  private rpc(method: string, args: unknown[]): unknown {
    const allowed = new Set([
      "addUser", "addGroup", "setMember", "setMemberCount", "kickBot", "blockBot", "unblockBot", "userStartedBot",
      "migrateGroup", "deactivateUser", "enqueue", "setNow", "advance", "reset", "clearFaults", "fail", "dropConnection",
    ]);
    if (method.startsWith("updates.")) {
      const b = method.slice(8);
      const fn = (this.updates as unknown as Record<string, (...a: unknown[]) => unknown>)[b];
      if (typeof fn !== "function" || b.startsWith("_")) throw new Error(`unknown builder ${b}`);
      return fn.apply(this.updates, args);
    }
    if (!allowed.has(method)) throw new Error(`rpc method ${method} not allowed`);
    return (this as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);
  }

  statsJson() {
    const sendsPerChat: Record<string, number> = {};
    const maxPerChatIn60s: Record<string, number> = {};
    const maxPerChatIn1s: Record<string, number> = {};
    for (const [id, ts] of this.stats.sendsPerChat) {
      sendsPerChat[id] = ts.length;
      maxPerChatIn60s[id] = maxInWindow(ts, 60_000);
      maxPerChatIn1s[id] = maxInWindow(ts, 1000);
    }
    const duplicates: Array<{ chat_id: number; hash: string; count: number }> = [];
    for (const [k, count] of this.stats.contentCounts) {
      if (count > 1) {
        const [chat, hash] = k.split(":");
        duplicates.push({ chat_id: Number(chat), hash: hash!, count });
      }
    }
    return {
      totalCalls: this.calls.length,
      callsByMethod: Object.fromEntries(this.stats.callsByMethod),
      failedCalls: this.calls.reduce((n, c) => n + (c.ok ? 0 : 1), 0),
      tooManyRequests: this.stats.tooManyRequests,
      messagesSent: this.stats.messagesSent,
      sendsPerChat,
      maxPerChatIn60s,
      maxPerChatIn1s,
      duplicates,
    };
  }

  // ------------------------------------------------------------ persistence

  /**
   * Everything a restarted emulator needs to go on where this one stopped (users, chats with their
   * messages, files, polls, commands, id counters), as plain data. File bytes stay Buffers: the
   * caller decides where to keep them. Pending updates, callback queries and faults are not kept.
   */
  exportState(): EmulatorState {
    return {
      version: 1,
      users: [...this.users.values()].map((u) => structuredClone(u)),
      chats: [...this.chats.values()].map((c) => {
        const { members, messages: _m, order, botSent, topics, view: _v, ...rest } = c;
        return {
          ...structuredClone(rest),
          deactivated: (c as ChatState & { deactivated?: boolean }).deactivated,
          members: [...members],
          order: structuredClone(order),
          botSentIds: botSent.map((m) => m.message_id),
          topics: [...topics].map(([id, t]) => [id, { ...t }] as [number, typeof t]),
        };
      }),
      files: [...this.files.values()].map(({ group, ...f }) => ({ ...f, ...(group ? { group: group.map((g) => g.file_id) } : {}) })),
      polls: [...this.polls].map(([id, p]) => ({ id, chatId: p.chatId, messageId: p.messageId, votes: [...p.votes] })),
      commands: [...this.commands],
      counters: {
        nextUserId: this.nextUserId, nextSupergroupSeq: this.nextSupergroupSeq, nextGroupSeq: this.nextGroupSeq,
        nextUpdateId: this.nextUpdateId, fileSeq: this.fileSeq, idSeq: this.idSeq,
      },
    };
  }

  /** Replaces this emulator's world with one saved by exportState(). */
  importState(state: EmulatorState): void {
    if (state.version !== 1) throw new Error(`unknown emulator state version ${state.version}`);
    this.reset();
    for (const u of state.users) this.users.set(u.id, structuredClone(u));
    for (const c of state.chats) {
      const { members, order, botSentIds, topics, deactivated, ...rest } = c;
      const st: ChatState = {
        ...(structuredClone(rest) as Omit<ChatState, "members" | "messages" | "order" | "botSent" | "topics">),
        members: new Map(members),
        messages: new Map(),
        order: structuredClone(order) as Msg[],
        botSent: [],
        topics: new Map(topics),
      };
      if (deactivated) (st as ChatState & { deactivated?: boolean }).deactivated = true;
      for (const m of st.order) st.messages.set(m.message_id, m);
      const sentIds = new Set(botSentIds);
      st.botSent = st.order.filter((m) => sentIds.has(m.message_id));
      this.chats.set(st.id, st);
      if (st.username) this.chatsByUsername.set(st.username.toLowerCase(), st);
    }
    for (const u of this.users.values()) {
      const st = this.chats.get(u.id);
      if (u.username && st) this.chatsByUsername.set(u.username.toLowerCase(), st);
    }
    this.sentAll = [...this.chats.values()].flatMap((c) => c.botSent).sort((a, b) => a.date - b.date);
    for (const f of state.files) {
      const { group: _g, ...rec } = f;
      this.files.set(rec.file_id, { ...rec } as FileRec);
      this.filesByPath.set(rec.file_path, this.files.get(rec.file_id)!);
    }
    for (const f of state.files) {
      if (f.group) this.files.get(f.file_id)!.group = f.group.map((id) => this.files.get(id)!).filter(Boolean);
    }
    for (const p of state.polls) this.polls.set(p.id, { chatId: p.chatId, messageId: p.messageId, votes: new Map(p.votes) });
    this.commands = new Map(state.commands);
    Object.assign(this, {
      nextUserId: state.counters.nextUserId, nextSupergroupSeq: state.counters.nextSupergroupSeq, nextGroupSeq: state.counters.nextGroupSeq,
      nextUpdateId: state.counters.nextUpdateId, fileSeq: state.counters.fileSeq, idSeq: state.counters.idSeq,
    });
  }

  // ------------------------------------------------------------ chat state

  private newChatState(id: number, type: ChatType): ChatState {
    return {
      id, type, isForum: false, started: false, blocked: false, members: new Map(), botStatus: type === "private" ? "member" : "left",
      nextMessageId: 1, messages: new Map(), order: [], botSent: [], pinned: [], topics: new Map(),
    };
  }

  /** @internal private chat state for a known user (created lazily, not "started"). */
  privateChat(userId: number): ChatState {
    let st = this.chats.get(userId);
    if (!st) {
      if (!this.users.has(userId)) throw new Error(`unknown user id ${userId}; call addUser first`);
      st = this.newChatState(userId, "private");
      this.chats.set(userId, st);
    }
    return st;
  }

  private mustChat(chatId: number): ChatState {
    const st = this.chats.get(chatId);
    if (!st) throw new Error(`unknown chat id ${chatId}; call addGroup/addUser first`);
    return st;
  }

  /** @internal Chat object as Telegram shows it inside messages. */
  chatView(st: ChatState): Chat {
    if (st.view) return st.view;
    let v: Chat;
    if (st.type === "private") {
      const u = this.users.get(st.id)!;
      v = { id: st.id, first_name: u.first_name, type: "private" } as Chat;
      if (u.last_name) (v as any).last_name = u.last_name;
      if (u.username) (v as any).username = u.username;
    } else if (st.type === "group") {
      v = { id: st.id, title: st.title ?? "", type: "group" } as Chat;
    } else {
      v = { id: st.id, title: st.title ?? "", type: st.type } as Chat;
      if (st.username) (v as any).username = st.username;
      if (st.isForum) (v as any).is_forum = true;
    }
    st.view = v;
    return v;
  }

  /** @internal */
  get botFrom(): User {
    return { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
  }

  /**
   * Resolve chat_id with Telegram's access rules.
   * mode "send": posting content; "read": everything else.
   */
  private chatFor(idParam: unknown, mode: "send" | "read"): ChatState {
    let st: ChatState | undefined;
    if (typeof idParam === "string" && !/^-?\d+$/.test(idParam)) {
      st = this.chatsByUsername.get(idParam.replace(/^@/, "").toLowerCase());
      if (!st || st.type === "private") throw badRequest("chat not found");
    } else {
      const id = Number(idParam);
      st = this.chats.get(id);
      if (!st && id > 0 && this.users.has(id)) st = this.privateChat(id);
    }
    if (!st) throw badRequest("chat not found");
    if (st.migratedTo !== undefined) {
      throw badRequest("group chat was upgraded to a supergroup chat", { migrate_to_chat_id: st.migratedTo });
    }
    if (st.type === "private") {
      if (mode === "send") {
        const u = this.users.get(st.id)!;
        if (u.is_bot) throw forbidden("bot can't send messages to bots");
        if ((st as ChatState & { deactivated?: boolean }).deactivated) throw forbidden("user is deactivated");
        if (st.blocked) throw forbidden("bot was blocked by the user");
        if (!st.started) throw forbidden("bot can't initiate conversation with a user");
      }
      return st;
    }
    if (st.botStatus === "kicked") throw forbidden(`bot was kicked from the ${st.type} chat`);
    if (st.botStatus === "left") throw forbidden(`bot is not a member of the ${st.type} chat`);
    return st;
  }

  private botIsAdmin(st: ChatState): boolean {
    return st.botStatus === "administrator" || st.botStatus === "creator";
  }
  private requireAdmin(st: ChatState, what: string) {
    if (st.type !== "private" && !this.botIsAdmin(st)) throw badRequest(`not enough rights to ${what}`);
  }
  private requireGroup(st: ChatState) {
    if (st.type === "private") throw badRequest("method is available for supergroup and channel chats only");
  }

  private memberCount(st: ChatState): number {
    if (st.type === "private") return 2;
    if (st.memberCountOverride !== undefined) return st.memberCountOverride;
    let n = isActive(st.botStatus) ? 1 : 0;
    for (const s of st.members.values()) if (isActive(s)) n++;
    return n;
  }

  private chatMemberObject(st: ChatState, user: User, status: MemberStatus): any {
    switch (status) {
      case "creator":
        return fillRequired("ChatMemberOwner", { status, user, is_anonymous: false });
      case "administrator": {
        const o: Record<string, unknown> = { status, user, can_be_edited: false };
        const spec = ["is_anonymous"];
        for (const k of [
          "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members", "can_promote_members",
          "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories",
        ]) o[k] = true;
        for (const k of spec) o[k] = false;
        o.can_promote_members = false;
        if (st.type === "supergroup") {
          o.can_pin_messages = true;
          if (st.isForum) o.can_manage_topics = true;
        }
        return fillRequired("ChatMemberAdministrator", o);
      }
      case "restricted":
        return fillRequired("ChatMemberRestricted", { status, user, is_member: true, until_date: 0 });
      case "kicked":
        return fillRequired("ChatMemberBanned", { status, user, until_date: 0 });
      case "left":
        return { status, user };
      default:
        return { status: "member", user };
    }
  }

  // --------------------------------------------------------------- files

  /** @internal */
  registerFile(kind: FileKind, o: { bytes?: Buffer; file_name?: string; mime_type?: string; size?: number; width?: number; height?: number }): FileRec {
    const n = ++this.fileSeq;
    const ext = (o.file_name && /\.([A-Za-z0-9]{1,8})$/.exec(o.file_name)?.[1]?.toLowerCase()) || FILE_DIR[kind][1];
    const rec: FileRec = {
      file_id: `${FILE_ID_PREFIX[kind]}${n.toString(36).padStart(4, "0")}${randomString(40)}`,
      file_unique_id: `AQAD${n.toString(36).padStart(4, "0")}${randomString(8)}`,
      kind,
      file_size: o.bytes?.length ?? o.size ?? 10_000 + ((n * 7919) % 90_000),
      bytes: o.bytes,
      file_path: `${FILE_DIR[kind][0]}/file_${n}.${ext}`,
      file_name: o.file_name,
      mime_type: o.mime_type ?? (kind === "voice" ? "audio/ogg" : MIME[ext]),
      width: o.width,
      height: o.height,
    };
    this.files.set(rec.file_id, rec);
    this.filesByPath.set(rec.file_path, rec);
    return rec;
  }

  /** @internal photo = two sizes sharing the bytes */
  registerPhoto(bytes?: Buffer): FileRec[] {
    const small = this.registerFile("photo", { bytes, width: 90, height: 67, size: bytes ? Math.max(1, Math.floor(bytes.length / 8)) : 1_500 });
    const large = this.registerFile("photo", { bytes, width: 1280, height: 960 });
    small.group = large.group = [small, large];
    return small.group;
  }

  private bytesOf(f: FileRec): Buffer {
    if (f.bytes) return f.bytes;
    const b = Buffer.alloc(Math.min(f.file_size, 4096));
    for (let i = 0; i < b.length; i++) b[i] = (i * 31 + f.file_size) & 0xff;
    return b;
  }

  /** @internal media object as it appears in a Message */
  mediaOf(kind: FileKind, rec: FileRec | FileRec[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    if (kind === "photo") {
      const sizes = Array.isArray(rec) ? rec : (rec.group ?? [rec]);
      return {
        photo: sizes.map((s) => ({ file_id: s.file_id, file_unique_id: s.file_unique_id, file_size: s.file_size, width: s.width ?? 1280, height: s.height ?? 960 })),
      };
    }
    const r = Array.isArray(rec) ? rec[rec.length - 1]! : rec;
    const base: Record<string, unknown> = { file_id: r.file_id, file_unique_id: r.file_unique_id, file_size: r.file_size };
    const num = (k: string, d: number) => (typeof extra[k] === "number" ? (extra[k] as number) : d);
    switch (kind) {
      case "document":
        return { document: { file_name: r.file_name ?? "document.dat", mime_type: r.mime_type ?? "application/octet-stream", ...base } };
      case "video":
        return { video: { duration: num("duration", 1), width: num("width", 640), height: num("height", 360), file_name: r.file_name ?? "video.mp4", mime_type: "video/mp4", ...base } };
      case "animation": {
        const a = { file_name: r.file_name ?? "animation.mp4", mime_type: "video/mp4", duration: num("duration", 1), width: num("width", 320), height: num("height", 240), ...base };
        return { animation: a, document: { file_name: a.file_name, mime_type: a.mime_type, ...base } };
      }
      case "audio":
        return {
          audio: {
            duration: num("duration", 1), file_name: r.file_name ?? "audio.mp3", mime_type: r.mime_type ?? "audio/mpeg", ...base,
            ...(extra.performer ? { performer: extra.performer } : {}), ...(extra.title ? { title: extra.title } : {}),
          },
        };
      case "voice":
        return { voice: { duration: num("duration", 1), mime_type: "audio/ogg", ...base } };
      case "video_note":
        return { video_note: { duration: num("duration", 1), length: num("length", 240), ...base } };
      case "sticker":
        return { sticker: { width: 512, height: 512, emoji: (extra.emoji as string) ?? "👍", is_animated: false, is_video: false, type: "regular", ...base } };
    }
  }

  private inputFile(value: string, kind: FileKind, files: UploadedFiles, field: string): FileRec | FileRec[] {
    if (value.startsWith("attach://")) {
      const up = files[value.slice(9)];
      if (!up) throw badRequest(`there is no ${field} in the request`);
      if (!up.bytes.length) throw badRequest("file must be non-empty");
      const limit = kind === "photo" ? 10 * 1024 * 1024 : 50 * 1024 * 1024;
      if (up.bytes.length > limit) throw new ApiError(413, "Request Entity Too Large");
      if (kind === "photo") {
        if (!isImage(up.bytes)) throw badRequest("IMAGE_PROCESS_FAILED");
        return this.registerPhoto(up.bytes);
      }
      return this.registerFile(kind, { bytes: up.bytes, file_name: up.filename });
    }
    if (/^https?:\/\//i.test(value)) {
      if (kind === "photo") return this.registerPhoto();
      const name = decodeURIComponent(new URL(value).pathname.split("/").pop() || "") || undefined;
      return this.registerFile(kind, { file_name: name });
    }
    const rec = this.files.get(value);
    if (!rec) throw badRequest("wrong file identifier/HTTP URL specified");
    const compatible =
      rec.kind === kind ||
      (kind === "document" && rec.kind !== "photo" && rec.kind !== "sticker") ||
      (kind === "animation" && rec.kind === "document") ||
      (kind === "video" && rec.kind === "animation");
    if (!compatible) throw badRequest(`can't use file of type ${KIND_NAME[rec.kind]} as ${KIND_NAME[kind]}`);
    return kind === "photo" ? (rec.group ?? [rec]) : rec;
  }

  // ---------------------------------------------------------- formatting

  private fmt(text: string, parseMode: unknown, entities: unknown): Formatted {
    try {
      return formatText(text, parseMode as string | undefined, entities as MessageEntity[] | undefined);
    } catch (e) {
      if (e instanceof ParseError) throw badRequest(`can't parse entities: ${e.message}`);
      if (e instanceof UnsupportedParseMode) throw badRequest(`unsupported parse_mode`);
      throw e;
    }
  }

  private textContent(p: any): Record<string, unknown> {
    const f = this.fmt(String(p.text ?? ""), p.parse_mode, p.entities);
    if (!f.text.trim()) throw badRequest("message text is empty");
    if (charLength(f.text) > 4096) throw badRequest("message is too long");
    const c: Record<string, unknown> = { text: f.text };
    if (f.entities.length) c.entities = f.entities;
    if (p.link_preview_options) c.link_preview_options = p.link_preview_options;
    return c;
  }

  private captionContent(p: any, prefix = ""): Record<string, unknown> {
    const caption = p[`${prefix}caption`];
    if (caption === undefined || caption === "") return {};
    const f = this.fmt(String(caption), p[`${prefix}parse_mode`], p[`${prefix}caption_entities`]);
    if (charLength(f.text) > 1024) throw badRequest("message caption is too long");
    if (!f.text.trim()) return {};
    const c: Record<string, unknown> = { caption: f.text };
    if (f.entities.length) c.caption_entities = f.entities;
    if (p.show_caption_above_media) c.show_caption_above_media = true;
    return c;
  }

  private checkMarkup(markup: any): any {
    if (!markup) return undefined;
    if (markup.inline_keyboard) {
      let count = 0;
      for (const row of markup.inline_keyboard) {
        if (!Array.isArray(row)) throw badRequest("can't parse inline keyboard button: row must be an array");
        for (const b of row) {
          count++;
          if (typeof b !== "object" || b === null) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
          if (!b.text) throw badRequest("can't parse inline keyboard button: Text must be non-empty");
          const actions = INLINE_ACTIONS.filter((k) => b[k] !== undefined);
          if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
          if (b.callback_data !== undefined) {
            const len = Buffer.byteLength(String(b.callback_data), "utf8");
            if (len > 64 || len === 0) throw badRequest("BUTTON_DATA_INVALID");
          }
          if (b.url !== undefined && !validButtonUrl(String(b.url))) {
            throw badRequest(`inline keyboard button URL '${b.url}' is invalid: Wrong HTTP URL`);
          }
        }
      }
      if (count > 100) throw badRequest("reply markup is too long");
      return markup;
    }
    if (markup.keyboard) {
      let count = 0;
      for (const row of markup.keyboard) {
        if (!Array.isArray(row)) throw badRequest("can't parse reply keyboard markup JSON object");
        for (const b of row) {
          count++;
          const text = typeof b === "string" ? b : b?.text;
          if (!text) throw badRequest("can't parse keyboard button: Text must be non-empty");
        }
      }
      if (count > 300) throw badRequest("reply markup is too long");
    }
    return markup;
  }

  // ------------------------------------------------------- message creation

  private replyTarget(chat: ChatState, p: any): Msg | undefined {
    const rp = p.reply_parameters ?? (p.reply_to_message_id !== undefined
      ? { message_id: p.reply_to_message_id, allow_sending_without_reply: p.allow_sending_without_reply }
      : undefined);
    if (!rp) return undefined;
    const target = rp.chat_id !== undefined ? this.chatFor(rp.chat_id, "read") : chat;
    const m = target.messages.get(Number(rp.message_id));
    if (!m || m.deleted) {
      if (rp.allow_sending_without_reply ?? p.allow_sending_without_reply) return undefined;
      throw badRequest("message to be replied not found");
    }
    if (target !== chat) return undefined; // external reply: not modelled
    return m;
  }

  private threadFor(chat: ChatState, p: any, reply: Msg | undefined): { message_thread_id?: number; is_topic_message?: true } {
    let tid: number | undefined = p.message_thread_id;
    if (chat.type !== "supergroup") return {};
    if (tid === undefined && reply) tid = reply.message_thread_id ?? (chat.isForum ? undefined : reply.message_id);
    if (tid === undefined) return {};
    if (chat.isForum) {
      if (tid === 1) return {}; // General topic
      const t = chat.topics.get(tid);
      if (!t || t.deleted) throw badRequest("message thread not found");
      if (t.closed && !this.botIsAdmin(chat)) throw badRequest("TOPIC_CLOSED");
      return { message_thread_id: tid, is_topic_message: true };
    }
    const root = chat.messages.get(tid);
    if (!root) throw badRequest("message thread not found");
    return { message_thread_id: tid };
  }

  /** @internal a reply_to_message snapshot: no nested reply, no internal flags */
  replyView(m: Msg): Msg {
    const { reply_to_message: _r, deleted: _d, ...rest } = m;
    return structuredClone(rest) as Msg;
  }

  /** @internal public copy of a stored message */
  publicMessage(m: Msg): any {
    const { deleted: _d, ...rest } = m;
    return structuredClone(rest);
  }

  /** @internal */
  storeMessage(chat: ChatState, m: Msg, byBot: boolean) {
    chat.messages.set(m.message_id, m);
    chat.order.push(m);
    if (byBot) {
      chat.botSent.push(m);
      this.sentAll.push(m);
    }
  }

  /** Rate limit + thread + reply + markup handling + storing, for every message-creating method. */
  private createBotMessages(method: string, chat: ChatState, p: any, contents: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): Msg[] {
    const reply = this.replyTarget(chat, p);
    const thread = this.threadFor(chat, p, reply);
    const markup = this.checkMarkup(p.reply_markup);
    const wait = this.rate.take(chat.id, isGroupType(chat.type), this.limitNow());
    if (wait > 0) throw new ApiError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    const out: Msg[] = [];
    const date = this.nowSec();
    for (const [i, content] of contents.entries()) {
      if (i > 0 && method === "sendMediaGroup") chat.nextMessageId += this.albumGap;
      const m: Msg = {
        message_id: chat.nextMessageId++,
        from: this.botFrom,
        chat: this.chatView(chat),
        date,
        ...thread,
        ...(reply ? { reply_to_message: this.replyView(reply) } : {}),
        ...extra,
        ...content,
      };
      if (markup?.inline_keyboard) m.reply_markup = structuredClone(markup);
      if (p.protect_content) m.has_protected_content = true;
      if (p.has_spoiler) m.has_media_spoiler = true;
      this.storeMessage(chat, m, true);
      out.push(m);
      this.recordSend(chat.id, (content.text ?? content.caption) as string | undefined);
    }
    return out;
  }

  private recordSend(chatId: number, text?: string) {
    this.stats.messagesSent++;
    let ts = this.stats.sendsPerChat.get(chatId);
    if (!ts) this.stats.sendsPerChat.set(chatId, (ts = []));
    ts.push(this.limitNow());
    if (text) {
      const key = `${chatId}:${fnv1a(text)}`;
      this.stats.contentCounts.set(key, (this.stats.contentCounts.get(key) ?? 0) + 1);
    }
  }

  private editTarget(p: any): Msg | "inline" {
    if (p.inline_message_id) return "inline";
    if (p.chat_id === undefined || p.message_id === undefined) throw badRequest("message identifier is not specified");
    const chat = this.chatFor(p.chat_id, "read");
    const m = chat.messages.get(Number(p.message_id));
    if (!m || m.deleted) throw badRequest("message to edit not found");
    if (m.from?.id !== this.botInfo.id) throw badRequest("message can't be edited");
    if (this.rate.opts.countEdits) {
      const wait = this.rate.take(chat.id, isGroupType(chat.type), this.limitNow());
      if (wait > 0) throw new ApiError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
      let ts = this.stats.sendsPerChat.get(chat.id);
      if (!ts) this.stats.sendsPerChat.set(chat.id, (ts = []));
      ts.push(this.limitNow());
    }
    return m;
  }

  /** The clock the rate limits and per-chat send times run on. */
  private limitNow(): number {
    return this.rate.opts.clock === "fake" ? this.now() : Date.now();
  }

  private notModified(): ApiError {
    return badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }

  /** @internal what a forward or a copy of `src` carries (text, media, poll…). */
  contentOf(src: Msg): Record<string, unknown> {
    return this.copyContent(src);
  }

  private copyContent(src: Msg): Record<string, unknown> {
    const c: Record<string, unknown> = {};
    for (const k of CONTENT_KEYS) if (src[k] !== undefined) c[k] = structuredClone(src[k]);
    return c;
  }

  // ---------------------------------------------------------------- methods

  private async dispatch(method: string, p: any, files: UploadedFiles, ctx: ExecCtx): Promise<unknown> {
    switch (method) {
      // ---- updates
      case "getUpdates":
        return this.getUpdates(p, ctx);
      case "setWebhook":
        return this.setWebhook(p);
      case "deleteWebhook":
        this.webhook = undefined;
        if (p.drop_pending_updates) this.queue = [];
        return true;
      case "getWebhookInfo": {
        const info: Record<string, unknown> = {
          url: this.webhook?.url ?? "",
          has_custom_certificate: false,
          pending_update_count: this.webhook ? this.webhookPending : this.queue.length,
        };
        if (this.webhook) {
          info.max_connections = this.webhook.maxConnections;
          if (this.webhook.allowed) info.allowed_updates = [...this.webhook.allowed];
        }
        return info;
      }
      case "getMe":
        return { ...this.botInfo };
      case "logOut":
      case "close":
        return true;

      // ---- sending
      case "sendMessage": {
        const chat = this.chatFor(p.chat_id, "send");
        return this.publicMessage(this.createBotMessages(method, chat, p, [this.textContent(p)])[0]!);
      }
      case "sendPhoto":
      case "sendDocument":
      case "sendVideo":
      case "sendAnimation":
      case "sendAudio":
      case "sendVoice":
      case "sendVideoNote":
      case "sendSticker": {
        const kind = ({
          sendPhoto: "photo", sendDocument: "document", sendVideo: "video", sendAnimation: "animation", sendAudio: "audio",
          sendVoice: "voice", sendVideoNote: "video_note", sendSticker: "sticker",
        } as const)[method];
        const chat = this.chatFor(p.chat_id, "send");
        const caption = kind === "sticker" || kind === "video_note" ? {} : this.captionContent(p);
        const rec = this.inputFile(String(p[kind]), kind, files, kind);
        const content = { ...this.mediaOf(kind, rec, p), ...caption };
        return this.publicMessage(this.createBotMessages(method, chat, p, [content])[0]!);
      }
      case "sendMediaGroup":
        return this.sendMediaGroup(p, files);
      case "sendLocation": {
        const chat = this.chatFor(p.chat_id, "send");
        checkLatLon(p.latitude, p.longitude);
        const location: Record<string, unknown> = { latitude: p.latitude, longitude: p.longitude };
        for (const k of ["horizontal_accuracy", "live_period", "heading", "proximity_alert_radius"]) if (p[k] !== undefined) location[k] = p[k];
        return this.publicMessage(this.createBotMessages(method, chat, p, [{ location }])[0]!);
      }
      case "sendVenue": {
        const chat = this.chatFor(p.chat_id, "send");
        checkLatLon(p.latitude, p.longitude);
        const location = { latitude: p.latitude, longitude: p.longitude };
        const venue = { location, title: p.title, address: p.address };
        return this.publicMessage(this.createBotMessages(method, chat, p, [{ venue, location }])[0]!);
      }
      case "sendContact": {
        const chat = this.chatFor(p.chat_id, "send");
        const contact: Record<string, unknown> = { phone_number: p.phone_number, first_name: p.first_name };
        if (p.last_name) contact.last_name = p.last_name;
        if (p.vcard) contact.vcard = p.vcard;
        return this.publicMessage(this.createBotMessages(method, chat, p, [{ contact }])[0]!);
      }
      case "sendDice": {
        const chat = this.chatFor(p.chat_id, "send");
        const emoji = p.emoji ?? "🎲";
        const max = emoji === "🎰" ? 64 : emoji === "🏀" || emoji === "⚽" ? 5 : 6;
        return this.publicMessage(this.createBotMessages(method, chat, p, [{ dice: { emoji, value: 1 + Math.floor(Math.random() * max) } }])[0]!);
      }
      case "sendPoll":
        return this.sendPoll(p);
      case "sendChecklist":
      case "sendInvoice":
      case "sendGame":
      case "sendPaidMedia":
      case "sendLivePhoto":
      case "sendRichMessage": {
        const chat = this.chatFor(p.chat_id, "send");
        const content: Record<string, unknown> = {};
        if (method === "sendInvoice") content.invoice = { title: p.title, description: p.description, start_parameter: p.start_parameter ?? "", currency: p.currency, total_amount: 0 };
        else if (method === "sendGame") content.game = { title: p.game_short_name, description: "", photo: [] };
        else if (method === "sendChecklist") content.checklist = p.checklist;
        else if (method === "sendPaidMedia") content.paid_media = { star_count: p.star_count, paid_media: [] };
        else content.text = "";
        return this.publicMessage(this.createBotMessages(method, chat, p, [content])[0]!);
      }
      case "copyMessage":
      case "forwardMessage": {
        const chat = this.chatFor(p.chat_id, "send");
        const from = this.chatFor(p.from_chat_id, "read");
        const src = from.messages.get(Number(p.message_id));
        const verb = method === "copyMessage" ? "copy" : "forward";
        if (!src || src.deleted) throw badRequest(`message to ${verb} not found`);
        if (src.has_protected_content) throw badRequest(PROTECTED_CONTENT);
        let content = this.copyContent(src);
        if (!Object.keys(content).length) throw badRequest(`message can't be ${verb === "copy" ? "copied" : "forwarded"}`);
        if (method === "copyMessage") {
          if (p.caption !== undefined || p.remove_caption) {
            delete content.caption;
            delete content.caption_entities;
            if (!p.remove_caption) content = { ...content, ...this.captionContent(p) };
          }
          if (content.poll) content.poll = this.clonePollFor(content.poll as any);
          const [m] = this.createBotMessages(method, chat, p, [content]);
          if (content.poll) this.polls.set((content.poll as any).id, { chatId: chat.id, messageId: m!.message_id, votes: new Map() });
          return { message_id: m!.message_id };
        }
        const origin = src.from
          ? { type: "user", sender_user: src.from, date: src.date }
          : { type: "chat", sender_chat: src.chat, date: src.date };
        const [m] = this.createBotMessages(method, chat, p, [content], { forward_origin: origin });
        return this.publicMessage(m!);
      }
      case "copyMessages":
      case "forwardMessages": {
        const chat = this.chatFor(p.chat_id, "send");
        const from = this.chatFor(p.from_chat_id, "read");
        const ids: number[] = p.message_ids;
        if (!ids.length || ids.length > 100) throw badRequest("too many messages to copy");
        for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) throw badRequest("message identifiers must be in strictly increasing order");
        const contents: Array<Record<string, unknown>> = [];
        for (const id of ids) {
          const src = from.messages.get(id);
          if (!src || src.deleted || src.has_protected_content) continue;
          const c = this.copyContent(src);
          if (!Object.keys(c).length) continue;
          if (p.remove_caption) {
            delete c.caption;
            delete c.caption_entities;
          }
          if (method === "forwardMessages") c.forward_origin = src.from ? { type: "user", sender_user: src.from, date: src.date } : { type: "chat", sender_chat: src.chat, date: src.date };
          contents.push(c);
        }
        if (!contents.length) throw badRequest(`there are no messages to ${method === "copyMessages" ? "copy" : "forward"}`);
        return this.createBotMessages(method, chat, p, contents).map((m) => ({ message_id: m.message_id }));
      }
      case "sendChatAction": {
        this.chatFor(p.chat_id, "send");
        if (!CHAT_ACTIONS.has(p.action)) throw badRequest("wrong parameter action in request");
        return true;
      }
      case "sendMessageDraft":
      case "sendRichMessageDraft":
        this.chatFor(p.chat_id, "send");
        return true;

      // ---- editing
      case "editMessageText": {
        const m = this.editTarget(p);
        if (p.text === undefined && p.rich_message === undefined) throw badRequest("message text is empty");
        const content = this.textContent(p);
        const markup = this.checkMarkup(p.reply_markup);
        if (m === "inline") return true;
        if (m.text === undefined) throw badRequest("there is no text in the message to edit");
        if (
          m.text === content.text &&
          stableStringify(m.entities ?? []) === stableStringify(content.entities ?? []) &&
          stableStringify(m.reply_markup ?? null) === stableStringify(markup ?? null)
        ) throw this.notModified();
        m.text = content.text;
        if (content.entities) m.entities = content.entities;
        else delete m.entities;
        if (content.link_preview_options) m.link_preview_options = content.link_preview_options;
        if (markup) m.reply_markup = structuredClone(markup);
        else delete m.reply_markup;
        m.edit_date = this.nowSec();
        return this.publicMessage(m);
      }
      case "editMessageCaption": {
        const m = this.editTarget(p);
        const content = this.captionContent(p);
        const markup = this.checkMarkup(p.reply_markup);
        if (m === "inline") return true;
        if (!["photo", "video", "document", "animation", "audio", "voice"].some((k) => m[k] !== undefined)) {
          throw badRequest("there is no caption in the message to edit");
        }
        if (
          (m.caption ?? "") === (content.caption ?? "") &&
          stableStringify(m.caption_entities ?? []) === stableStringify(content.caption_entities ?? []) &&
          stableStringify(m.reply_markup ?? null) === stableStringify(markup ?? null)
        ) throw this.notModified();
        delete m.caption;
        delete m.caption_entities;
        Object.assign(m, content);
        if (markup) m.reply_markup = structuredClone(markup);
        else delete m.reply_markup;
        m.edit_date = this.nowSec();
        return this.publicMessage(m);
      }
      case "editMessageReplyMarkup": {
        const m = this.editTarget(p);
        const markup = this.checkMarkup(p.reply_markup);
        if (m === "inline") return true;
        if (stableStringify(m.reply_markup ?? null) === stableStringify(markup ?? null)) throw this.notModified();
        if (markup) m.reply_markup = structuredClone(markup);
        else delete m.reply_markup;
        m.edit_date = this.nowSec();
        return this.publicMessage(m);
      }
      case "editMessageMedia": {
        const m = this.editTarget(p);
        const media = p.media;
        const kind = media.type as FileKind;
        if (!["photo", "video", "animation", "audio", "document"].includes(kind)) throw badRequest("unsupported media type");
        const rec = this.inputFile(String(media.media), kind, files, "media");
        const content = { ...this.mediaOf(kind, rec, media), ...this.captionContent(media) };
        const markup = this.checkMarkup(p.reply_markup);
        if (m === "inline") return true;
        if (!["photo", "video", "document", "animation", "audio"].some((k) => m[k] !== undefined)) {
          throw badRequest("there is no media in the message to edit");
        }
        for (const k of ["photo", "video", "document", "animation", "audio", "caption", "caption_entities"]) delete m[k];
        Object.assign(m, content);
        if (markup) m.reply_markup = structuredClone(markup);
        else delete m.reply_markup;
        m.edit_date = this.nowSec();
        return this.publicMessage(m);
      }
      case "editMessageLiveLocation":
      case "stopMessageLiveLocation": {
        const m = this.editTarget(p);
        const markup = this.checkMarkup(p.reply_markup);
        if (m === "inline") return true;
        if (!m.location?.live_period) throw badRequest("message can't be edited");
        if (method === "editMessageLiveLocation") {
          checkLatLon(p.latitude, p.longitude);
          m.location = { ...m.location, latitude: p.latitude, longitude: p.longitude };
        } else delete m.location.live_period;
        if (markup) m.reply_markup = structuredClone(markup);
        m.edit_date = this.nowSec();
        return this.publicMessage(m);
      }
      case "stopPoll": {
        const chat = this.chatFor(p.chat_id, "read");
        const m = chat.messages.get(Number(p.message_id));
        if (!m || m.deleted || !m.poll || m.from?.id !== this.botInfo.id) throw badRequest("message with poll to stop not found");
        if (m.poll.is_closed) throw badRequest("poll has already been closed");
        const markup = this.checkMarkup(p.reply_markup);
        m.poll.is_closed = true;
        if (markup) m.reply_markup = structuredClone(markup);
        return structuredClone(m.poll);
      }
      case "deleteMessage": {
        const chat = this.chatFor(p.chat_id, "read");
        this.deleteOne(chat, Number(p.message_id), true);
        return true;
      }
      case "deleteMessages": {
        const chat = this.chatFor(p.chat_id, "read");
        const ids: number[] = p.message_ids;
        if (!ids.length || ids.length > 100) throw badRequest("too many messages to delete");
        let n = 0;
        for (const id of ids) if (this.deleteOne(chat, id, false)) n++;
        if (!n) throw badRequest("message to delete not found");
        return true;
      }
      case "setMessageReaction": {
        const chat = this.chatFor(p.chat_id, "read");
        const m = chat.messages.get(Number(p.message_id));
        if (!m || m.deleted) throw badRequest("message to react not found");
        return true;
      }

      // ---- pins
      case "pinChatMessage": {
        const chat = this.chatFor(p.chat_id, "read");
        this.requireAdmin(chat, "manage pinned messages in the chat");
        const m = chat.messages.get(Number(p.message_id));
        if (!m || m.deleted) throw badRequest("message to pin not found");
        chat.pinned = chat.pinned.filter((id) => id !== m.message_id);
        chat.pinned.push(m.message_id);
        const svc: Msg = { message_id: chat.nextMessageId++, from: this.botFrom, chat: this.chatView(chat), date: this.nowSec(), pinned_message: this.replyView(m) };
        if (m.message_thread_id && m.is_topic_message) Object.assign(svc, { message_thread_id: m.message_thread_id, is_topic_message: true });
        this.storeMessage(chat, svc, false);
        return true;
      }
      case "unpinChatMessage": {
        const chat = this.chatFor(p.chat_id, "read");
        this.requireAdmin(chat, "manage pinned messages in the chat");
        if (p.message_id !== undefined) chat.pinned = chat.pinned.filter((id) => id !== Number(p.message_id));
        else chat.pinned.pop();
        return true;
      }
      case "unpinAllChatMessages": {
        const chat = this.chatFor(p.chat_id, "read");
        this.requireAdmin(chat, "manage pinned messages in the chat");
        chat.pinned = [];
        return true;
      }

      // ---- chat info
      case "getChat":
        return this.getChat(this.chatFor(p.chat_id, "read"));
      case "getChatAdministrators": {
        const chat = this.chatFor(p.chat_id, "read");
        if (chat.type === "private") throw badRequest("there are no administrators in the private chat");
        const out = [];
        for (const [uid, s] of chat.members) {
          if (s === "creator" || s === "administrator") out.push(this.chatMemberObject(chat, this.users.get(uid)!, s));
        }
        if (this.botIsAdmin(chat)) out.push(this.chatMemberObject(chat, this.botFrom, chat.botStatus));
        return out;
      }
      case "getChatMemberCount":
        return this.memberCount(this.chatFor(p.chat_id, "read"));
      case "getChatMember": {
        const chat = this.chatFor(p.chat_id, "read");
        const uid = Number(p.user_id);
        if (uid === this.botInfo.id) return this.chatMemberObject(chat, this.botFrom, chat.type === "private" ? "member" : chat.botStatus);
        const user = this.users.get(uid);
        if (!user) throw badRequest("user not found");
        if (chat.type === "private") {
          if (uid !== chat.id) throw badRequest("user not found");
          return this.chatMemberObject(chat, user, "member");
        }
        return this.chatMemberObject(chat, user, chat.members.get(uid) ?? "left");
      }
      case "leaveChat": {
        const chat = this.chatFor(p.chat_id, "read");
        if (chat.type === "private") throw badRequest("chat not found");
        chat.botStatus = "left";
        return true;
      }

      // ---- moderation
      case "banChatMember":
      case "unbanChatMember":
      case "restrictChatMember":
      case "promoteChatMember":
      case "setChatAdministratorCustomTitle":
        return this.moderate(method, p);
      case "setChatPermissions": {
        const chat = this.chatFor(p.chat_id, "read");
        this.requireGroup(chat);
        this.requireAdmin(chat, "change chat permissions");
        chat.permissions = p.permissions;
        return true;
      }
      case "setChatTitle":
      case "setChatDescription":
      case "setChatPhoto":
      case "deleteChatPhoto":
      case "setChatStickerSet":
      case "deleteChatStickerSet": {
        const chat = this.chatFor(p.chat_id, "read");
        this.requireGroup(chat);
        this.requireAdmin(chat, "change chat info");
        if (method === "setChatTitle") {
          if (!p.title || charLength(p.title) > 128) throw badRequest("chat title must be 1-128 characters");
          chat.title = p.title;
          chat.view = undefined;
        }
        if (method === "setChatDescription") {
          if (p.description && charLength(p.description) > 255) throw badRequest("chat description is too long");
          chat.description = p.description;
        }
        return true;
      }
      case "exportChatInviteLink": {
        const chat = this.chatFor(p.chat_id, "read");
        this.requireGroup(chat);
        this.requireAdmin(chat, "manage chat invite links");
        return `https://t.me/+${randomString(16)}`;
      }
      case "createChatInviteLink":
      case "editChatInviteLink":
      case "revokeChatInviteLink":
      case "createChatSubscriptionInviteLink":
      case "editChatSubscriptionInviteLink": {
        const chat = this.chatFor(p.chat_id, "read");
        this.requireGroup(chat);
        this.requireAdmin(chat, "manage chat invite links");
        if (p.name !== undefined && charLength(p.name) > 32) throw badRequest("invite link name is too long");
        const link: Record<string, unknown> = {
          invite_link: p.invite_link ?? `https://t.me/+${randomString(16)}`,
          creator: this.botFrom,
          creates_join_request: !!p.creates_join_request,
          is_primary: false,
          is_revoked: method === "revokeChatInviteLink",
        };
        for (const k of ["name", "expire_date", "member_limit", "subscription_period", "subscription_price"]) if (p[k] !== undefined) link[k] = p[k];
        return fillRequired("ChatInviteLink", link);
      }
      case "approveChatJoinRequest":
      case "declineChatJoinRequest": {
        const chat = this.chatFor(p.chat_id, "read");
        this.requireAdmin(chat, "manage join requests");
        if (method === "approveChatJoinRequest" && this.users.has(Number(p.user_id))) chat.members.set(Number(p.user_id), "member");
        return true;
      }

      // ---- forum topics
      case "createForumTopic": {
        const chat = this.chatFor(p.chat_id, "read");
        if (!chat.isForum) throw badRequest("the chat is not a forum");
        this.requireAdmin(chat, "create a topic");
        if (!p.name || charLength(p.name) > 128) throw badRequest("TOPIC_TITLE_EMPTY");
        const icon_color = p.icon_color ?? 7322096;
        if (!TOPIC_COLORS.has(icon_color)) throw badRequest("TOPIC_ICON_COLOR_INVALID");
        const id = chat.nextMessageId++;
        const topic = { name: p.name as string, icon_color, icon_custom_emoji_id: p.icon_custom_emoji_id, closed: false, deleted: false };
        chat.topics.set(id, topic);
        this.storeMessage(chat, {
          message_id: id, from: this.botFrom, chat: this.chatView(chat), date: this.nowSec(), message_thread_id: id, is_topic_message: true,
          forum_topic_created: { name: topic.name, icon_color, ...(p.icon_custom_emoji_id ? { icon_custom_emoji_id: p.icon_custom_emoji_id } : {}) },
        }, false);
        return { message_thread_id: id, name: topic.name, icon_color, ...(p.icon_custom_emoji_id ? { icon_custom_emoji_id: p.icon_custom_emoji_id } : {}) };
      }
      case "editForumTopic":
      case "closeForumTopic":
      case "reopenForumTopic":
      case "deleteForumTopic":
      case "unpinAllForumTopicMessages": {
        const chat = this.chatFor(p.chat_id, "read");
        if (!chat.isForum) throw badRequest("the chat is not a forum");
        this.requireAdmin(chat, "manage topics");
        const t = chat.topics.get(Number(p.message_thread_id));
        if (!t || t.deleted) throw badRequest("TOPIC_ID_INVALID");
        if (method === "editForumTopic") {
          if (p.name !== undefined) t.name = p.name;
          if (p.icon_custom_emoji_id !== undefined) t.icon_custom_emoji_id = p.icon_custom_emoji_id;
        } else if (method === "closeForumTopic") {
          if (t.closed) throw badRequest("TOPIC_NOT_MODIFIED");
          t.closed = true;
        } else if (method === "reopenForumTopic") {
          if (!t.closed) throw badRequest("TOPIC_NOT_MODIFIED");
          t.closed = false;
        } else if (method === "deleteForumTopic") t.deleted = true;
        return true;
      }
      case "getForumTopicIconStickers":
        return [];

      // ---- callback / inline
      case "answerCallbackQuery": {
        const q = this.callbackQueries.get(p.callback_query_id);
        if (!q || q.answer || Date.now() - q.createdAt > 15 * 60_000) {
          throw badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        if (p.text !== undefined && charLength(p.text) > 200) throw badRequest("MESSAGE_TOO_LONG");
        if (p.url !== undefined && !/^(https?:\/\/)?t\.me\//i.test(p.url)) throw badRequest("URL_INVALID");
        q.answer = p;
        return true;
      }
      case "answerInlineQuery": {
        const q = this.inlineQueries.get(p.inline_query_id);
        if (!q || q.answer) throw badRequest("query is too old and response timeout expired or query ID is invalid");
        if (p.results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
        const ids = new Set<string>();
        for (const r of p.results) {
          if (ids.has(r.id)) throw badRequest("RESULT_ID_DUPLICATE");
          ids.add(r.id);
        }
        q.answer = p;
        return true;
      }

      // ---- bot settings
      case "setMyCommands": {
        const cmds: Array<{ command: string; description: string }> = p.commands;
        if (cmds.length > 100) throw badRequest("too many commands");
        for (const c of cmds) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest("BOT_COMMAND_INVALID");
          if (!c.description || charLength(c.description) > 256) throw badRequest("command description must be 1-256 characters");
        }
        this.checkLanguage(p.language_code);
        this.checkScope(p.scope);
        this.commands.set(`${stableStringify(p.scope ?? { type: "default" })}|${p.language_code ?? ""}`, cmds);
        return true;
      }
      case "deleteMyCommands":
        this.checkLanguage(p.language_code);
        this.commands.delete(`${stableStringify(p.scope ?? { type: "default" })}|${p.language_code ?? ""}`);
        return true;
      case "getMyCommands":
        return this.commands.get(`${stableStringify(p.scope ?? { type: "default" })}|${p.language_code ?? ""}`) ?? [];
      case "setMyName":
      case "setMyDescription":
      case "setMyShortDescription": {
        const key = { setMyName: "name", setMyDescription: "description", setMyShortDescription: "short_description" }[method]!;
        const max = { setMyName: 64, setMyDescription: 512, setMyShortDescription: 120 }[method]!;
        this.checkLanguage(p.language_code);
        if (p[key] !== undefined && charLength(p[key]) > max) throw badRequest(`${key} is too long`);
        this.botTexts.set(`${key}|${p.language_code ?? ""}`, p[key] ?? "");
        return true;
      }
      case "getMyName":
        return { name: this.botTexts.get(`name|${p.language_code ?? ""}`) ?? (p.language_code ? "" : this.botInfo.first_name) };
      case "getMyDescription":
        return { description: this.botTexts.get(`description|${p.language_code ?? ""}`) ?? "" };
      case "getMyShortDescription":
        return { short_description: this.botTexts.get(`short_description|${p.language_code ?? ""}`) ?? "" };
      case "setChatMenuButton": {
        if (p.chat_id !== undefined) {
          const chat = this.chatFor(p.chat_id, "read");
          if (chat.type !== "private") throw badRequest("chat must be a private chat");
          chat.menuButton = p.menu_button ?? { type: "default" };
        } else this.defaultMenuButton = p.menu_button ?? { type: "commands" };
        return true;
      }
      case "getChatMenuButton": {
        if (p.chat_id !== undefined) return this.chatFor(p.chat_id, "read").menuButton ?? this.defaultMenuButton;
        return this.defaultMenuButton;
      }
      case "setMyDefaultAdministratorRights":
        this.defaultAdminRights.set(!!p.for_channels, p.rights);
        return true;
      case "getMyDefaultAdministratorRights":
        return this.defaultAdminRights.get(!!p.for_channels) ?? fillRequired("ChatAdministratorRights", {});

      // ---- files & users
      case "getFile": {
        const f = this.files.get(p.file_id);
        if (!f) throw badRequest("invalid file_id");
        if (f.file_size > 20 * 1024 * 1024) throw badRequest("file is too big");
        return { file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.file_size, file_path: f.file_path };
      }
      case "getUserProfilePhotos": {
        if (!this.users.has(Number(p.user_id))) throw badRequest("user not found");
        return { total_count: 0, photos: [] };
      }
      case "getStickerSet":
        throw badRequest("STICKERSET_INVALID");
      default:
        return true;
    }
  }

  private deleteOne(chat: ChatState, id: number, strict: boolean): boolean {
    const m = chat.messages.get(id);
    if (!m || m.deleted) {
      if (strict) throw badRequest("message to delete not found");
      return false;
    }
    const own = m.from?.id === this.botInfo.id;
    const admin = isGroupType(chat.type) && this.botIsAdmin(chat);
    if (!own && isGroupType(chat.type) && !admin) {
      if (strict) throw badRequest("message can't be deleted");
      return false;
    }
    const ageSec = this.nowSec() - m.date;
    if (ageSec > 48 * 3600 && !(admin && chat.type === "supergroup")) {
      if (strict) throw badRequest("message can't be deleted for everyone");
      return false;
    }
    m.deleted = true;
    chat.pinned = chat.pinned.filter((x) => x !== id);
    return true;
  }

  private getChat(chat: ChatState): unknown {
    const v = this.chatView(chat) as any;
    const info: Record<string, unknown> = { ...v, accent_color_id: 0, max_reaction_count: 11 };
    if (chat.type !== "private") {
      if (chat.description) info.description = chat.description;
      info.permissions = chat.permissions ?? {
        can_send_messages: true, can_send_audios: true, can_send_documents: true, can_send_photos: true, can_send_videos: true,
        can_send_video_notes: true, can_send_voice_notes: true, can_send_polls: true, can_send_other_messages: true,
        can_add_web_page_previews: true, can_change_info: false, can_invite_users: true, can_pin_messages: false, can_manage_topics: false,
      };
    }
    const lastPinned = chat.pinned[chat.pinned.length - 1];
    if (lastPinned !== undefined) {
      const pm = chat.messages.get(lastPinned);
      if (pm) info.pinned_message = this.replyView(pm);
    }
    if (chat.migratedFrom !== undefined) info.migrated_from_chat_id = chat.migratedFrom;
    return fillRequired("ChatFullInfo", info);
  }

  private moderate(method: string, p: any): unknown {
    const chat = this.chatFor(p.chat_id, "read");
    this.requireGroup(chat);
    if ((method === "restrictChatMember" || method === "promoteChatMember" || method === "setChatAdministratorCustomTitle") && chat.type === "group") {
      throw badRequest("method is available only for supergroups");
    }
    this.requireAdmin(chat, method === "promoteChatMember" ? "promote chat member" : "restrict/ban chat member");
    const uid = Number(p.user_id);
    if (uid === this.botInfo.id) throw badRequest(method === "banChatMember" ? "can't remove self" : "can't restrict self");
    if (!this.users.has(uid)) throw badRequest("user not found");
    const cur = chat.members.get(uid) ?? "left";
    switch (method) {
      case "banChatMember":
        if (cur === "creator") throw badRequest("can't remove chat owner");
        if (cur === "administrator") throw badRequest("user is an administrator of the chat");
        chat.members.set(uid, "kicked");
        return true;
      case "unbanChatMember":
        if (cur === "creator" || cur === "administrator") throw badRequest("user is an administrator of the chat");
        if (p.only_if_banned && cur !== "kicked") return true;
        chat.members.set(uid, "left");
        return true;
      case "restrictChatMember":
        if (cur === "creator" || cur === "administrator") throw badRequest("user is an administrator of the chat");
        if (!isActive(cur) && cur !== "left") throw badRequest("user is not a member of the chat");
        chat.members.set(uid, Object.values(p.permissions ?? {}).every((v) => v === true) ? "member" : "restricted");
        return true;
      case "promoteChatMember": {
        if (cur === "creator") throw badRequest("can't change chat owner rights");
        if (!isActive(cur)) throw badRequest("user is not a member of the chat");
        const any = Object.entries(p).some(([k, v]) => (k.startsWith("can_") || k === "is_anonymous") && v === true);
        chat.members.set(uid, any ? "administrator" : "member");
        return true;
      }
      default:
        if (cur !== "administrator") throw badRequest("user is not an administrator");
        return true;
    }
  }

  private checkLanguage(lc: unknown) {
    if (lc !== undefined && lc !== "" && !/^[a-z]{2}$/.test(String(lc))) throw badRequest("invalid language code specified");
  }
  private checkScope(scope: any) {
    if (!scope) return;
    if (scope.chat_id !== undefined) this.chatFor(scope.chat_id, "read");
    if (scope.user_id !== undefined && !this.users.has(Number(scope.user_id))) throw badRequest("user not found");
  }

  private async getUpdates(p: any, ctx: ExecCtx): Promise<Update[]> {
    if (this.webhook) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (p.allowed_updates) this.allowedUpdates = p.allowed_updates.length ? new Set(p.allowed_updates) : undefined;
    const offset: number = p.offset ?? 0;
    if (offset > 0) {
      let k = 0;
      while (k < this.queue.length && this.queue[k]!.update_id < offset) k++;
      if (k) this.queue.splice(0, k);
    } else if (offset < 0) {
      this.queue = this.queue.slice(offset);
    }
    const limit = Math.min(100, Math.max(1, p.limit ?? 100));
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      clearTimeout(w.timer);
      w.reject(new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
    }
    const ready = this.collectUpdates(limit);
    const timeout: number = p.timeout ?? 0;
    if (ready.length || timeout <= 0) return ready;
    return new Promise<Update[]>((resolve, reject) => {
      const w: Waiter = {
        resolve,
        reject,
        limit,
        timer: setTimeout(() => {
          if (this.waiter === w) this.waiter = undefined;
          resolve([]);
        }, Math.min(timeout, 50) * 1000),
      };
      this.waiter = w;
      ctx.onAbort = () => {
        if (this.waiter === w) {
          this.waiter = undefined;
          clearTimeout(w.timer);
          resolve([]);
        }
      };
    });
  }

  private setWebhook(p: any): true {
    if (!p.url) {
      this.webhook = undefined;
      if (p.drop_pending_updates) this.queue = [];
      return true;
    }
    let u: URL;
    try {
      u = new URL(p.url);
    } catch {
      throw badRequest("bad webhook: Failed to resolve host: Name or service not known");
    }
    const local = ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
    if (u.protocol !== "https:" && !(u.protocol === "http:" && local)) {
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(p.secret_token)) {
      throw badRequest("bad webhook: secret token contains unallowed characters");
    }
    const maxConnections = p.max_connections ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest("bad webhook: max_connections must be 1-100");
    if (p.drop_pending_updates) this.queue = [];
    this.webhook = {
      url: p.url,
      secret: p.secret_token,
      allowed: p.allowed_updates?.length ? new Set(p.allowed_updates) : undefined,
      maxConnections,
    };
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      clearTimeout(w.timer);
      w.reject(new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
    }
    const pending = this.queue;
    this.queue = [];
    for (const u2 of pending) this.deliverWebhook(u2);
    return true;
  }

  private sendMediaGroup(p: any, files: UploadedFiles): unknown {
    const chat = this.chatFor(p.chat_id, "send");
    const media: any[] = p.media;
    if (media.length < 2 || media.length > 10) throw badRequest("wrong number of media specified: must include 2-10 items");
    const types = new Set(media.map((m) => m.type));
    if ((types.has("document") || types.has("audio")) && types.size > 1) {
      throw badRequest("documents and audio files can be only grouped in an album with messages of the same type");
    }
    const contents = media.map((m) => {
      const kind = m.type as FileKind;
      if (!["photo", "video", "document", "audio"].includes(kind)) throw badRequest(`media type ${m.type} can't be used in albums`);
      const rec = this.inputFile(String(m.media), kind, files, "media");
      const c = { ...this.mediaOf(kind, rec, m), ...this.captionContent(m) };
      if (m.has_spoiler) (c as any).has_media_spoiler = true;
      return c;
    });
    const groupId = String(BigInt(Date.now()) * 1000n + BigInt(++this.idSeq % 1000));
    return this.createBotMessages("sendMediaGroup", chat, p, contents, { media_group_id: groupId }).map((m) => this.publicMessage(m));
  }

  private sendPoll(p: any): unknown {
    const chat = this.chatFor(p.chat_id, "send");
    const q = this.fmt(String(p.question), p.question_parse_mode, p.question_entities);
    if (!q.text.trim()) throw badRequest("poll question must be non-empty");
    if (charLength(q.text) > 300) throw badRequest("poll question length must not exceed 300");
    const opts: Array<string | { text: string }> = p.options;
    if (opts.length < 2) throw badRequest("poll must have at least 2 option");
    if (opts.length > 12) throw badRequest("poll can't have more than 12 options");
    const options = opts.map((o, i) => {
      const text = typeof o === "string" ? o : o.text;
      if (!text || !text.trim()) throw badRequest("poll options must be non-empty");
      if (charLength(text) > 100) throw badRequest("poll options length must not exceed 100");
      return { persistent_id: String(i), text, voter_count: 0 };
    });
    const type = p.type ?? "regular";
    if (type !== "regular" && type !== "quiz") throw badRequest("poll type is invalid");
    if (type === "quiz") {
      const ids: number[] | undefined = p.correct_option_ids;
      if (!ids?.length) throw badRequest("correct_option_ids must be specified for quiz polls");
      if (ids.some((i) => i < 0 || i >= options.length)) throw badRequest("wrong correct option ID specified");
    }
    if (p.open_period !== undefined && (p.open_period < 5 || p.open_period > 600)) throw badRequest("wrong open period specified");
    if (p.open_period !== undefined && p.close_date !== undefined) throw badRequest("can't use open_period and close_date together");
    if (p.close_date !== undefined) {
      const d = p.close_date - this.nowSec();
      if (d < 5 || d > 2628000) throw badRequest("wrong close date specified");
    }
    if (p.explanation !== undefined && charLength(p.explanation) > 200) throw badRequest("explanation is too long");
    const poll: Record<string, unknown> = {
      id: String(5_000_000_000_000_000_000n + BigInt(++this.idSeq)),
      question: q.text,
      ...(q.entities.length ? { question_entities: q.entities } : {}),
      options,
      total_voter_count: 0,
      is_closed: !!p.is_closed,
      is_anonymous: p.is_anonymous ?? true,
      type,
      allows_multiple_answers: !!p.allows_multiple_answers,
      allows_revoting: p.allows_revoting ?? true,
      members_only: !!p.members_only,
    };
    if (type === "quiz") poll.correct_option_ids = p.correct_option_ids;
    if (p.explanation) poll.explanation = p.explanation;
    if (p.open_period !== undefined) poll.open_period = p.open_period;
    if (p.close_date !== undefined) poll.close_date = p.close_date;
    fillRequired("Poll", poll);
    const [m] = this.createBotMessages("sendPoll", chat, p, [{ poll }]);
    this.polls.set(poll.id as string, { chatId: chat.id, messageId: m!.message_id, votes: new Map() });
    return this.publicMessage(m!);
  }

  private clonePollFor(poll: any): any {
    const c = structuredClone(poll);
    c.id = String(5_000_000_000_000_000_000n + BigInt(++this.idSeq));
    c.total_voter_count = 0;
    c.is_closed = false;
    for (const o of c.options) o.voter_count = 0;
    return c;
  }
}

// ----------------------------------------------------------------- helpers

function faultToError(err: FaultError): ApiError {
  if (err.code === 429) {
    return new ApiError(429, `Too Many Requests: retry after ${err.retry_after}`, { retry_after: err.retry_after });
  }
  if (err.code === 400 || err.code === 403) {
    const prefix = err.code === 400 ? "Bad Request: " : "Forbidden: ";
    const d = err.description.startsWith(prefix) ? err.description : prefix + err.description;
    return new ApiError(err.code, d, err.parameters);
  }
  const def = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" }[err.code];
  return new ApiError(err.code, err.description ?? def);
}

function validButtonUrl(u: string): boolean {
  if (/^tg:\/\/\S+$/i.test(u)) return true;
  const m = /^https?:\/\/([^/?#:\s]+)(?::\d+)?(?:[/?#]\S*)?$/i.exec(u);
  if (!m) return false;
  const host = m[1]!.toLowerCase();
  return host.includes(".") && !host.startsWith(".") && !host.endsWith(".");
}

function checkLatLon(lat: number, lon: number) {
  if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) throw badRequest("wrong coordinates specified");
}

function isImage(b: Buffer): boolean {
  if (b.length < 4) return false;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return true; // PNG
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true; // JPEG
  if (b.subarray(0, 4).toString("latin1") === "GIF8") return true;
  if (b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP") return true;
  if (b[0] === 0x42 && b[1] === 0x4d) return true; // BMP
  return false;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  if (res.headersSent || res.destroyed) return;
  const s = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(s) });
  res.end(s);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseRequest(contentType: string, body: Buffer, query: URLSearchParams): { params: Record<string, unknown>; files: UploadedFiles } {
  const params: Record<string, unknown> = Object.fromEntries(query);
  const files: UploadedFiles = {};
  if (!body.length) return { params, files };
  const ct = contentType.toLowerCase();
  if (ct.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw new Error("can't parse JSON request body");
    }
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) Object.assign(params, parsed);
  } else if (ct.includes("multipart/form-data")) {
    const boundary = boundaryOf(contentType);
    if (!boundary) throw new Error("multipart boundary is missing");
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename !== undefined) {
        files[part.name] = { filename: part.filename, bytes: part.data, contentType: part.contentType };
        if (params[part.name] === undefined) params[part.name] = `attach://${part.name}`;
      } else params[part.name] = part.data.toString("utf8");
    }
  } else if (ct.includes("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = v;
  }
  return { params, files };
}

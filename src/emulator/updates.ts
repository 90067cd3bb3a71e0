// Builders for Telegram-shaped updates coming from users. They store the
// user's message in the fake (so replies/edits can reference it), enqueue the
// update (unless Telegram would not deliver it) and return it, so a test can
// also call `bot.handleUpdate(update)` directly.
import type { Chat, Message, Update, User } from "grammy/types";
import { PROTECTED_CONTENT, type ChatState, type FakeTelegram } from "./fake.js";
import { commandEntities } from "./format.js";
import type { ChatRef, MemberStatus } from "./types.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Msg = Record<string, any> & { message_id: number; date: number; chat: Chat };

export interface MsgOpts {
  /** message_id (same chat) this message replies to */
  replyTo?: number;
  /** forum topic / thread id */
  threadId?: number;
  /** override the date (unix seconds) */
  date?: number;
}

export class UpdateBuilders {
  constructor(private readonly fake: FakeTelegram) {}

  // ------------------------------------------------------------ messages

  text(from: User, chat: ChatRef, text: string, opts: MsgOpts & { entities?: Message["entities"] } = {}): Update {
    const entities = opts.entities ?? commandEntities(text);
    return this.userMessage(from, chat, { text, ...(entities.length ? { entities } : {}) }, opts);
  }

  /** "/cmd payload" (with `mention: true` → "/cmd@ForumDesaBot payload"). */
  command(from: User, chat: ChatRef, command: string, payload?: string, opts: MsgOpts & { mention?: boolean } = {}): Update {
    const cmd = `/${command.replace(/^\//, "")}${opts.mention ? `@${this.fake.botInfo.username}` : ""}`;
    return this.text(from, chat, payload ? `${cmd} ${payload}` : cmd, opts);
  }

  photo(from: User, chat: ChatRef, opts: MsgOpts & { caption?: string; bytes?: Buffer } = {}): Update {
    const sizes = this.fake.registerPhoto(opts.bytes);
    return this.userMessage(from, chat, { ...this.fake.mediaOf("photo", sizes), ...caption(opts.caption) }, opts);
  }

  video(from: User, chat: ChatRef, opts: MsgOpts & { caption?: string; duration?: number; bytes?: Buffer; file_name?: string } = {}): Update {
    const rec = this.fake.registerFile("video", { bytes: opts.bytes, file_name: opts.file_name ?? "video.mp4" });
    return this.userMessage(from, chat, { ...this.fake.mediaOf("video", rec, { duration: opts.duration }), ...caption(opts.caption) }, opts);
  }

  animation(from: User, chat: ChatRef, opts: MsgOpts & { caption?: string; bytes?: Buffer } = {}): Update {
    const rec = this.fake.registerFile("animation", { bytes: opts.bytes, file_name: "animation.mp4" });
    return this.userMessage(from, chat, { ...this.fake.mediaOf("animation", rec), ...caption(opts.caption) }, opts);
  }

  voice(from: User, chat: ChatRef, opts: MsgOpts & { duration?: number; bytes?: Buffer; caption?: string } = {}): Update {
    const rec = this.fake.registerFile("voice", { bytes: opts.bytes, mime_type: "audio/ogg" });
    return this.userMessage(from, chat, { ...this.fake.mediaOf("voice", rec, { duration: opts.duration ?? 3 }), ...caption(opts.caption) }, opts);
  }

  audio(from: User, chat: ChatRef, opts: MsgOpts & { duration?: number; bytes?: Buffer; title?: string; performer?: string; file_name?: string; caption?: string } = {}): Update {
    const rec = this.fake.registerFile("audio", { bytes: opts.bytes, file_name: opts.file_name ?? "audio.mp3" });
    return this.userMessage(from, chat, { ...this.fake.mediaOf("audio", rec, { duration: opts.duration ?? 30, title: opts.title, performer: opts.performer }), ...caption(opts.caption) }, opts);
  }

  /** A round video message (no caption: Telegram has none for video notes). */
  videoNote(from: User, chat: ChatRef, opts: MsgOpts & { duration?: number; length?: number; bytes?: Buffer } = {}): Update {
    const rec = this.fake.registerFile("video_note", { bytes: opts.bytes });
    return this.userMessage(from, chat, this.fake.mediaOf("video_note", rec, { duration: opts.duration ?? 5, length: opts.length ?? 240 }), opts);
  }

  /**
   * An album as the Telegram app sends it: one message per item, sharing a media_group_id, the
   * caption on the item that has one. Refused like the app refuses: 2–10 items, documents and
   * audio only with their own kind.
   */
  album(from: User, chat: ChatRef, items: Array<{ kind: "photo" | "video" | "document" | "audio"; caption?: string }>, opts: MsgOpts = {}): Update[] {
    if (items.length < 2 || items.length > 10) throw new Error("album: an album holds 2-10 items");
    const kinds = new Set(items.map((i) => i.kind));
    if ((kinds.has("document") || kinds.has("audio")) && kinds.size > 1) throw new Error("album: documents and audio are grouped only with their own kind");
    const groupId = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    return items.map((it) => {
      const file =
        it.kind === "photo"
          ? this.fake.mediaOf("photo", this.fake.registerPhoto())
          : this.fake.mediaOf(it.kind, this.fake.registerFile(it.kind, { file_name: it.kind === "video" ? "video.mp4" : it.kind === "audio" ? "audio.mp3" : "berkas.pdf" }));
      return this.userMessage(from, chat, { ...file, media_group_id: groupId, ...caption(it.caption) }, opts);
    });
  }

  document(
    from: User,
    chat: ChatRef,
    doc: MsgOpts & { file_name: string; mime_type?: string; caption?: string; bytes?: Buffer; size?: number },
  ): Update {
    const rec = this.fake.registerFile("document", { bytes: doc.bytes, file_name: doc.file_name, mime_type: doc.mime_type, size: doc.size });
    return this.userMessage(from, chat, { ...this.fake.mediaOf("document", rec), ...caption(doc.caption) }, doc);
  }

  sticker(from: User, chat: ChatRef, opts: MsgOpts & { emoji?: string } = {}): Update {
    const rec = this.fake.registerFile("sticker", {});
    return this.userMessage(from, chat, this.fake.mediaOf("sticker", rec, { emoji: opts.emoji ?? "👍" }), opts);
  }

  location(from: User, chat: ChatRef, loc: MsgOpts & { latitude: number; longitude: number; live_period?: number }): Update {
    const location: Record<string, number> = { latitude: loc.latitude, longitude: loc.longitude };
    if (loc.live_period) location.live_period = loc.live_period;
    return this.userMessage(from, chat, { location }, loc);
  }

  contact(from: User, chat: ChatRef, c: MsgOpts & { phone_number: string; first_name: string; last_name?: string; user_id?: number }): Update {
    const contact: Record<string, unknown> = { phone_number: c.phone_number, first_name: c.first_name };
    if (c.last_name) contact.last_name = c.last_name;
    if (c.user_id !== undefined) contact.user_id = c.user_id;
    return this.userMessage(from, chat, { contact }, c);
  }

  /** edited_message: changes the stored user message's text. */
  edit(from: User, chat: ChatRef, messageId: number, newText: string): Update {
    const st = this.resolve(from, chat);
    const m = st.messages.get(messageId);
    if (!m || m.deleted) throw new Error(`edit: no message ${messageId} in chat ${st.id}`);
    if (m.from?.id !== from.id) throw new Error(`edit: message ${messageId} was not sent by user ${from.id}`);
    if (m.caption !== undefined || (m.text === undefined && (m.photo || m.document || m.video))) {
      m.caption = newText;
    } else {
      m.text = newText;
      const e = commandEntities(newText);
      if (e.length) m.entities = e;
      else delete m.entities;
    }
    m.edit_date = this.fake.nowSec();
    const update = { update_id: this.fake.nextUpdate(), edited_message: this.fake.publicMessage(m) } as Update;
    return this.deliver(update, this.visible(st, m));
  }

  /** callback_query for an inline button on a bot message. */
  callback(from: User, chat: ChatRef, messageId: number, data: string): Update {
    const st = this.resolve(from, chat);
    const m = st.messages.get(messageId);
    if (!m || m.deleted) throw new Error(`callback: no message ${messageId} in chat ${st.id}`);
    if (m.from?.id !== this.fake.botInfo.id) throw new Error(`callback: message ${messageId} is not a bot message`);
    const id = `${BigInt(from.id) * 1000000n + BigInt(this.fake.nextUpdate() % 1000000)}`;
    this.fake.callbackQueries.set(id, { createdAt: Date.now() });
    const update = {
      update_id: this.fake.nextUpdate(),
      callback_query: {
        id,
        from: this.userView(from),
        message: this.fake.publicMessage(m),
        chat_instance: String(BigInt.asIntN(64, BigInt(st.id) * 2654435761n)),
        data,
      },
    } as Update;
    return this.deliver(update, true);
  }

  inlineQuery(from: User, query: string, opts: { offset?: string; chat_type?: string } = {}): Update {
    const id = `${BigInt(from.id) * 1000000n + BigInt(this.fake.nextUpdate() % 1000000)}`;
    this.fake.inlineQueries.set(id, { createdAt: Date.now() });
    const update = {
      update_id: this.fake.nextUpdate(),
      inline_query: { id, from: this.userView(from), query, offset: opts.offset ?? "", ...(opts.chat_type ? { chat_type: opts.chat_type } : {}) },
    } as Update;
    return this.deliver(update, true);
  }

  /** my_chat_member: the bot was added/promoted/removed (updates the fake's state). */
  myChatMember(from: User, chat: ChatRef, oldStatus: MemberStatus, newStatus: MemberStatus): Update {
    const st = this.resolve(from, chat, false);
    const bot = this.fake.botFrom;
    if (st.type === "private") {
      if (newStatus === "kicked") this.fake.blockBot(st.id);
      else {
        this.fake.userStartedBot(st.id);
      }
    } else {
      // removal by someone else shows up as "kicked" for later sends, like real Telegram
      st.botStatus = (newStatus === "left" || newStatus === "kicked") && from.id !== this.fake.botInfo.id ? "kicked" : newStatus;
    }
    const update = {
      update_id: this.fake.nextUpdate(),
      my_chat_member: {
        chat: this.fake.chatView(st),
        from: this.userView(from),
        date: this.fake.nowSec(),
        old_chat_member: this.member(bot, oldStatus),
        new_chat_member: this.member(bot, newStatus),
      },
    } as Update;
    return this.deliver(update, true);
  }

  /**
   * chat_member: a member's status changed (joined, left, was removed). Telegram sends it only to a
   * bot that is an administrator of the group; updates the fake's state.
   */
  chatMember(from: User, chat: ChatRef, user: User, newStatus: MemberStatus): Update {
    const st = this.resolve(from, chat, false);
    if (st.type === "private") throw new Error("chatMember: not in a private chat");
    const oldStatus = st.members.get(user.id) ?? "left";
    st.members.set(user.id, newStatus);
    const update = {
      update_id: this.fake.nextUpdate(),
      chat_member: {
        chat: this.fake.chatView(st),
        from: this.userView(from),
        date: this.fake.nowSec(),
        old_chat_member: this.member(this.userView(user), oldStatus),
        new_chat_member: this.member(this.userView(user), newStatus),
      },
    } as Update;
    return this.deliver(update, ["administrator", "creator"].includes(st.botStatus));
  }

  /** Service message "new_chat_members" (also updates membership). */
  newChatMembers(from: User, chat: ChatRef, users: User[]): Update {
    const st = this.resolve(from, chat, false);
    for (const u of users) {
      if (u.id === this.fake.botInfo.id) {
        if (!["administrator", "creator"].includes(st.botStatus)) st.botStatus = "member";
      } else {
        if (!this.fake.users.has(u.id)) this.fake.addUser(u);
        st.members.set(u.id, "member");
      }
    }
    const views = users.map((u) => (u.id === this.fake.botInfo.id ? this.fake.botFrom : this.userView(u)));
    return this.serviceMessage(from, st, { new_chat_members: views, new_chat_member: views[0], new_chat_participant: views[0] });
  }

  leftChatMember(from: User, chat: ChatRef, user: User): Update {
    const st = this.resolve(from, chat, false);
    if (user.id === this.fake.botInfo.id) st.botStatus = "left";
    else st.members.set(user.id, "left");
    const view = user.id === this.fake.botInfo.id ? this.fake.botFrom : this.userView(user);
    return this.serviceMessage(from, st, { left_chat_member: view, left_chat_participant: view }, user.id !== this.fake.botInfo.id);
  }

  /**
   * Group → supergroup upgrade: returns [old group's `migrate_to_chat_id`
   * message, new supergroup's `migrate_from_chat_id` message] and updates state.
   */
  migrate(chat: ChatRef, newChatId?: number, opts: { from?: User } = {}): [Update, Update] {
    const oldSt = this.resolve(undefined, chat, false);
    const from = opts.from ?? this.firstAdmin(oldSt);
    const newId = this.fake.migrateGroup(oldSt.id, newChatId);
    const newSt = this.fake.chats.get(newId)!;
    const a = this.serviceMessage(from, oldSt, { migrate_to_chat_id: newId }, true, true);
    const b = this.serviceMessage(from, newSt, { migrate_from_chat_id: oldSt.id }, true, true);
    return [a, b];
  }

  /** `poll` update with the stored poll of a bot-sent poll; voterCounts overrides option counts. */
  poll(pollId: string | { id: string; options?: Array<{ voter_count?: number }> }, voterCounts?: number[]): Update {
    const id = typeof pollId === "string" ? pollId : pollId.id;
    const m = this.pollMessage(id);
    if (!voterCounts && typeof pollId === "object" && pollId.options?.every((o) => typeof o.voter_count === "number")) {
      voterCounts = pollId.options.map((o) => o.voter_count!);
    }
    if (voterCounts) {
      m.poll.options.forEach((o: { voter_count: number }, i: number) => (o.voter_count = voterCounts[i] ?? 0));
      m.poll.total_voter_count = voterCounts.reduce((a, b) => a + b, 0);
    }
    const update = { update_id: this.fake.nextUpdate(), poll: structuredClone(m.poll) } as Update;
    return this.deliver(update, true);
  }

  /** `poll_answer` (non-anonymous polls); updates the stored vote counts. Empty optionIds = vote retracted. */
  pollAnswer(user: User, pollId: string | { id: string }, optionIds: number[]): Update {
    const id = typeof pollId === "string" ? pollId : pollId.id;
    const m = this.applyAnswer(user, id, optionIds);
    const update = {
      update_id: this.fake.nextUpdate(),
      poll_answer: {
        poll_id: id,
        user: this.userView(user),
        option_ids: optionIds,
        option_persistent_ids: optionIds.map((o) => m.poll.options[o].persistent_id),
      },
    } as Update;
    return this.deliver(update, true);
  }

  /**
   * A user answers a poll where they see it: the bot's own message, or a forwarded copy in another
   * chat — the same poll, so the answer counts on it wherever it was given (what makes a forwarded
   * vote leak). The bot, which sent the poll, gets a `poll` update with the new counts (and, for a
   * non-anonymous poll, `poll_answer`); `deliver: false` models updates the bot never received.
   */
  answerPoll(user: User, chat: ChatRef, messageId: number, optionIds: number[], opts: { deliver?: boolean } = {}): Update[] {
    const st = this.resolve(user, chat, false);
    const here = st.messages.get(messageId);
    if (!here || here.deleted || !here.poll) throw new Error(`answerPoll: no poll ${messageId} in chat ${st.id}`);
    if (st.type !== "private" && !["member", "administrator", "creator", "restricted"].includes(st.members.get(user.id) ?? "left")) {
      throw new Error(`answerPoll: user ${user.id} is not in chat ${st.id}`);
    }
    const id = here.poll.id as string;
    const m = this.applyAnswer(user, id, optionIds);
    const deliver = opts.deliver ?? true;
    const out = [this.deliver({ update_id: this.fake.nextUpdate(), poll: structuredClone(m.poll) } as Update, deliver)];
    if (!m.poll.is_anonymous) {
      const answer = { poll_id: id, user: this.userView(user), option_ids: optionIds, option_persistent_ids: optionIds.map((o) => m.poll.options[o].persistent_id) };
      out.push(this.deliver({ update_id: this.fake.nextUpdate(), poll_answer: answer } as Update, deliver));
    }
    return out;
  }

  /**
   * A user forwards a message to another chat from their Telegram app. A message sent with
   * protect_content cannot be forwarded (the apps offer no way to; the Bot API answers
   * PROTECTED_CONTENT): this throws that error. A forwarded poll keeps its id — it is the same poll.
   */
  forward(from: User, fromChat: ChatRef, messageId: number, toChat: ChatRef, opts: MsgOpts = {}): Update {
    const st = this.resolve(from, fromChat, false);
    const src = st.messages.get(messageId);
    if (!src || src.deleted) throw new Error(`forward: no message ${messageId} in chat ${st.id}`);
    if (src.has_protected_content) throw new Error(`Bad Request: ${PROTECTED_CONTENT}`);
    const origin = src.from
      ? { type: "user", sender_user: src.from, date: src.date }
      : { type: "chat", sender_chat: src.chat, date: src.date };
    return this.userMessage(from, toChat, { forward_origin: origin, ...this.fake.contentOf(src) }, opts);
  }

  /**
   * A vote cast as in the Telegram app, for any poll the bot sent: the counts change, the bot gets
   * `poll_answer` when the poll is not anonymous and, like every bot for its own polls, the new
   * `poll` state. Empty optionIds takes the vote back. Returns the updates (0–2).
   */
  pollVote(user: User, pollId: string, optionIds: number[]): Update[] {
    const m = this.applyAnswer(user, pollId, optionIds);
    if (!m.poll.is_anonymous) {
      const answer = { poll_id: pollId, user: this.userView(user), option_ids: optionIds, option_persistent_ids: optionIds.map((o) => m.poll.options[o].persistent_id) };
      return [this.deliver({ update_id: this.fake.nextUpdate(), poll_answer: answer } as Update, true), this.poll(pollId)];
    }
    return [this.poll(pollId)];
  }

  // ------------------------------------------------------------ internals

  private applyAnswer(user: User, id: string, optionIds: number[]): Msg {
    const m = this.pollMessage(id);
    const rec = this.fake.polls.get(id)!;
    if (m.poll.is_closed) throw new Error(`poll ${id} is closed`);
    if (!m.poll.allows_multiple_answers && optionIds.length > 1) throw new Error(`poll ${id} takes one answer`);
    for (const o of optionIds) if (o < 0 || o >= m.poll.options.length) throw new Error(`bad option ${o} of poll ${id}`);
    const prev = rec.votes.get(user.id);
    if (prev) for (const o of prev) m.poll.options[o].voter_count--;
    else if (optionIds.length) m.poll.total_voter_count++;
    if (prev && !optionIds.length) m.poll.total_voter_count--;
    for (const o of optionIds) m.poll.options[o].voter_count++;
    if (optionIds.length) rec.votes.set(user.id, optionIds);
    else rec.votes.delete(user.id);
    return m;
  }

  private pollMessage(id: string): Msg {
    const rec = this.fake.polls.get(id);
    if (!rec) throw new Error(`unknown poll ${id} (only polls sent by the bot are known)`);
    return this.fake.chats.get(rec.chatId)!.messages.get(rec.messageId)!;
  }

  private firstAdmin(st: ChatState): User {
    for (const [uid, s] of st.members) if (s === "creator") return this.fake.users.get(uid)!;
    for (const [uid, s] of st.members) if (s === "administrator") return this.fake.users.get(uid)!;
    return { id: 777000, is_bot: false, first_name: "Telegram" };
  }

  private member(user: User, status: MemberStatus): unknown {
    switch (status) {
      case "administrator":
        return {
          status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
          can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
          can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false, can_pin_messages: true,
        };
      case "creator":
        return { status, user, is_anonymous: false };
      case "kicked":
        return { status, user, until_date: 0 };
      case "restricted":
        return { status, user, is_member: true, until_date: 0 };
      default:
        return { status, user };
    }
  }

  private userView(u: User): User {
    const known = this.fake.users.get(u.id);
    if (!known) {
      this.fake.addUser(u);
      return this.userView(u);
    }
    return { ...known };
  }

  /** Resolve a chat reference; private chats of the sender get "started". */
  private resolve(from: User | undefined, chat: ChatRef, start = true): ChatState {
    if (from && !this.fake.users.has(from.id)) this.fake.addUser(from);
    let id: number;
    if (chat === "private") {
      if (!from) throw new Error(`"private" chat needs a sender`);
      id = from.id;
    } else if (typeof chat === "number") id = chat;
    else id = chat.id;
    let st = this.fake.chats.get(id);
    if (!st) {
      if (id > 0) st = this.fake.privateChat(id);
      else if (typeof chat === "object") {
        this.fake.addGroup({ id, title: chat.title ?? `Group ${id}`, type: chat.type === "group" ? "group" : "supergroup" });
        st = this.fake.chats.get(id)!;
      } else throw new Error(`unknown chat ${id}; call addGroup first`);
    }
    if (st.type === "private" && start && from && from.id === st.id) this.fake.userStartedBot(st.id);
    return st;
  }

  private userMessage(from: User, chat: ChatRef, content: Record<string, unknown>, opts: MsgOpts): Update {
    const st = this.resolve(from, chat);
    if (st.migratedTo !== undefined) throw new Error(`chat ${st.id} was migrated to ${st.migratedTo}`);
    if (st.type !== "private") {
      const cur = st.members.get(from.id);
      if (!cur || cur === "left") st.members.set(from.id, "member");
      if (cur === "kicked") throw new Error(`user ${from.id} is banned in chat ${st.id}`);
    }
    const m: Msg = {
      message_id: st.nextMessageId++,
      from: this.userView(from),
      chat: this.fake.chatView(st),
      date: opts.date ?? this.fake.nowSec(),
    };
    let threadId = opts.threadId;
    if (opts.replyTo !== undefined) {
      const target = st.messages.get(opts.replyTo);
      if (!target || target.deleted) throw new Error(`replyTo: no message ${opts.replyTo} in chat ${st.id}`);
      if (threadId === undefined && st.type === "supergroup") {
        threadId = target.message_thread_id ?? (st.isForum ? undefined : target.message_id);
      }
      m.reply_to_message = this.fake.replyView(target);
    }
    if (threadId !== undefined && st.type === "supergroup") {
      m.message_thread_id = threadId;
      if (st.isForum && st.topics.has(threadId)) m.is_topic_message = true;
    }
    // reorder so reply_to_message comes after thread fields like Telegram
    if (m.reply_to_message) {
      const r = m.reply_to_message;
      delete m.reply_to_message;
      m.reply_to_message = r;
    }
    Object.assign(m, content);
    this.fake.storeMessage(st, m, false);
    const update = { update_id: this.fake.nextUpdate(), message: this.fake.publicMessage(m) } as Update;
    return this.deliver(update, this.visible(st, m));
  }

  private serviceMessage(from: User, st: ChatState, content: Record<string, unknown>, visible = true, force = false): Update {
    const m: Msg = { message_id: st.nextMessageId++, from: this.userView(from), chat: this.fake.chatView(st), date: this.fake.nowSec(), ...content };
    this.fake.storeMessage(st, m, false);
    const update = { update_id: this.fake.nextUpdate(), message: this.fake.publicMessage(m) } as Update;
    const botIn = ["member", "administrator", "creator", "restricted"].includes(st.botStatus);
    return this.deliver(update, force || (visible && botIn));
  }

  /** Would real Telegram deliver this group message to a bot in privacy mode? */
  private visible(st: ChatState, m: Msg): boolean {
    if (st.type === "private") return !st.blocked;
    if (!["member", "administrator", "creator", "restricted"].includes(st.botStatus)) return false;
    if (this.fake.botInfo.can_read_all_group_messages) return true;
    if (st.botStatus === "administrator" || st.botStatus === "creator") return true;
    const text: string | undefined = m.text ?? m.caption;
    if (text?.startsWith("/")) {
      const at = /^\/[a-zA-Z0-9_]+@([a-zA-Z0-9_]+)/.exec(text)?.[1];
      return !at || at.toLowerCase() === this.fake.botInfo.username.toLowerCase();
    }
    // replies to the bot's messages; everything else is hidden by privacy mode
    return m.reply_to_message?.from?.id === this.fake.botInfo.id;
  }

  private deliver(update: Update, deliverable: boolean): Update {
    if (!deliverable) this.fake.undelivered.push(update);
    else if (this.fake.autoEnqueue) this.fake.enqueue(update);
    return structuredClone(update);
  }
}

function caption(c: string | undefined): Record<string, unknown> {
  if (!c) return {};
  const e = commandEntities(c);
  return e.length ? { caption: c, caption_entities: e } : { caption: c };
}

// What the page shows of the emulator's world, from one persona's point of view: the chats they
// are in, and each message reduced to what a Telegram app draws.
import type { FakeTelegram, StoredMessage } from "../emulator/index.js";
import type { ChatState } from "../emulator/fake.js";

const ACTIVE = new Set(["creator", "administrator", "member", "restricted"]);

export interface ButtonView {
  text: string;
  kind: "callback" | "url" | "copy" | "other";
  data?: string;
  url?: string;
  copy?: string;
}

export interface MessageView {
  id: number;
  date: number;
  edited: boolean;
  from: { id: number; name: string; bot: boolean } | null;
  own: boolean;
  thread?: number;
  text?: string;
  entities?: unknown[];
  photo?: { file: string; width: number; height: number };
  document?: { file: string; name: string; size: number; mime: string };
  media?: { kind: string; file?: string; name?: string };
  location?: { latitude: number; longitude: number; title?: string; address?: string };
  contact?: { name: string; phone: string };
  poll?: {
    id: string;
    question: string;
    options: Array<{ text: string; count: number }>;
    total: number;
    closed: boolean;
    anonymous: boolean;
    multiple: boolean;
    mine: number[];
  };
  reply?: { id: number; name: string; text: string };
  forwardFrom?: string;
  keyboard?: ButtonView[][];
  service?: string;
  protected?: boolean;
}

export interface ChatView {
  id: number;
  type: string;
  title: string;
  members: number;
  /** The persona may add the bot (an administrator of a group the bot is not in). */
  canAddBot: boolean;
  botIn: boolean;
  /** Private chat: the persona has not pressed START yet. */
  notStarted: boolean;
}

export function personName(u: { first_name?: string; last_name?: string } | undefined): string {
  if (!u) return "";
  return [u.first_name, u.last_name].filter(Boolean).join(" ");
}

export function chatTitle(fake: FakeTelegram, st: ChatState): string {
  if (st.type === "private") return fake.botInfo.first_name;
  return st.title ?? String(st.id);
}

/** The chats a persona sees: their private chat with the bot, and every group they are in. */
export function visibleChats(fake: FakeTelegram, personaId: number): ChatState[] {
  const out: ChatState[] = [];
  const own = fake.chats.get(personaId) ?? (fake.users.has(personaId) ? fake.privateChat(personaId) : undefined);
  if (own) out.push(own);
  for (const st of fake.chats.values()) {
    if (st.type === "private") continue;
    const s = st.members.get(personaId);
    if (s && ACTIVE.has(s)) out.push(st);
  }
  return out;
}

export function canSee(fake: FakeTelegram, personaId: number, chatId: number): boolean {
  if (chatId === personaId) return true;
  const st = fake.chats.get(chatId);
  if (!st || st.type === "private") return false;
  const s = st.members.get(personaId);
  return !!s && ACTIVE.has(s);
}

export function chatView(fake: FakeTelegram, st: ChatState, personaId: number): ChatView {
  const botIn = st.type === "private" || ACTIVE.has(st.botStatus);
  const mine = st.members.get(personaId);
  let members = st.type === "private" ? 2 : (botIn ? 1 : 0);
  if (st.type !== "private") for (const s of st.members.values()) if (ACTIVE.has(s)) members++;
  return {
    id: st.id,
    type: st.type,
    title: chatTitle(fake, st),
    members,
    canAddBot: st.type !== "private" && !botIn && (mine === "creator" || mine === "administrator"),
    botIn,
    notStarted: st.type === "private" && !st.started,
  };
}

/** A short line for the chat list and for quotes: the text, or what the message holds. */
export function snippet(m: StoredMessage | Record<string, any>): string {
  const t = (m.text ?? m.caption) as string | undefined;
  if (t) return t.replace(/\s+/g, " ").slice(0, 120);
  if (m.photo) return "🖼️ Foto";
  if (m.document) return `📄 ${m.document.file_name ?? "Berkas"}`;
  if (m.poll) return `📊 ${m.poll.question}`;
  if (m.location) return "📍 Lokasi";
  if (m.venue) return `📍 ${m.venue.title}`;
  if (m.sticker) return `${m.sticker.emoji ?? ""} Stiker`;
  if (m.voice) return "🎤 Pesan suara";
  if (m.video) return "🎬 Video";
  if (m.audio) return "🎵 Audio";
  if (m.contact) return "👤 Kontak";
  const svc = serviceText(m as Record<string, any>);
  return svc ?? "";
}

function serviceText(m: Record<string, any>): string | null {
  const who = personName(m.from);
  if (m.pinned_message) return `📌 ${who} menyematkan «${snippet(m.pinned_message).slice(0, 60)}»`;
  if (m.new_chat_members) return `${who} menambahkan ${m.new_chat_members.map((u: any) => personName(u)).join(", ")}`;
  if (m.left_chat_member) return `${personName(m.left_chat_member)} keluar dari grup`;
  if (m.forum_topic_created) return `Topik «${m.forum_topic_created.name}» dibuat`;
  if (m.migrate_to_chat_id || m.migrate_from_chat_id) return "Grup ditingkatkan menjadi supergrup";
  if (m.group_chat_created || m.supergroup_chat_created) return `${who} membuat grup`;
  return null;
}

export function messageView(fake: FakeTelegram, m: StoredMessage, personaId: number): MessageView {
  const r = m as Record<string, any>;
  const v: MessageView = {
    id: m.message_id,
    date: m.date,
    edited: !!r.edit_date,
    from: m.from ? { id: m.from.id, name: personName(m.from), bot: !!m.from.is_bot } : null,
    own: m.from?.id === personaId,
  };
  if (r.message_thread_id) v.thread = r.message_thread_id;
  const svc = serviceText(r);
  if (svc) {
    v.service = svc;
    return v;
  }
  if (r.text !== undefined) {
    v.text = r.text;
    if (r.entities) v.entities = r.entities;
  } else if (r.caption !== undefined) {
    v.text = r.caption;
    if (r.caption_entities) v.entities = r.caption_entities;
  }
  if (r.photo) {
    const big = r.photo[r.photo.length - 1];
    v.photo = { file: big.file_id, width: big.width, height: big.height };
  } else if (r.document && !r.animation) {
    v.document = { file: r.document.file_id, name: r.document.file_name ?? "berkas", size: r.document.file_size ?? 0, mime: r.document.mime_type ?? "" };
  } else {
    for (const kind of ["video", "animation", "audio", "voice", "video_note", "sticker"]) {
      if (r[kind]) v.media = { kind, file: r[kind].file_id, name: r[kind].file_name ?? r[kind].emoji };
    }
  }
  if (r.location) v.location = { latitude: r.location.latitude, longitude: r.location.longitude, title: r.venue?.title, address: r.venue?.address };
  if (r.contact) v.contact = { name: personName(r.contact), phone: r.contact.phone_number };
  if (r.poll) {
    const rec = fake.polls.get(r.poll.id);
    v.poll = {
      id: r.poll.id,
      question: r.poll.question,
      options: r.poll.options.map((o: any) => ({ text: o.text, count: o.voter_count })),
      total: r.poll.total_voter_count,
      closed: !!r.poll.is_closed,
      anonymous: !!r.poll.is_anonymous,
      multiple: !!r.poll.allows_multiple_answers,
      mine: rec?.votes.get(personaId) ?? [],
    };
  }
  if (r.reply_to_message && !r.reply_to_message.forum_topic_created) {
    const q = r.reply_to_message;
    v.reply = { id: q.message_id, name: personName(q.from), text: snippet(q) };
  }
  if (r.forward_origin) v.forwardFrom = personName(r.forward_origin.sender_user) || r.forward_origin.sender_chat?.title || "";
  const kb = r.reply_markup?.inline_keyboard as Array<Array<Record<string, any>>> | undefined;
  if (kb) {
    v.keyboard = kb.map((row) =>
      row.map((b): ButtonView => {
        if (b.callback_data !== undefined) return { text: b.text, kind: "callback", data: b.callback_data };
        if (b.url !== undefined) return { text: b.text, kind: "url", url: b.url };
        if (b.copy_text !== undefined) return { text: b.text, kind: "copy", copy: b.copy_text.text };
        return { text: b.text, kind: "other" };
      }),
    );
  }
  if (r.has_protected_content) v.protected = true;
  return v;
}

// The page's server: static files, a small JSON API through which a persona acts like a Telegram
// app (the emulator's update builders turn each action into the update Telegram would send the
// bot), and a server-sent event stream of what changed in the chats the persona sees.
import http from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { User } from "grammy/types";
import type { App } from "../app.js";
import type { Call, FakeTelegram, StoredMessage } from "../emulator/index.js";
import type { Logger } from "../infra/logger.js";
import type { WorldStore } from "./store.js";
import { ExerciseRunner, type ExerciseState } from "./exercises.js";
import { canSee, chatView, messageView, snippet, visibleChats } from "./view.js";
import { PERSONAS, personById } from "./world.js";

export interface WebOptions {
  /** Already listening (the sandbox takes its port before anything else). */
  server: http.Server;
  fake: FakeTelegram;
  app: App;
  store: WorldStore;
  host: string;
  logger: Logger;
}

export interface Web {
  url: string;
  exercises: ExerciseRunner;
  stop(): Promise<void>;
}

interface Client {
  res: http.ServerResponse;
  persona: number;
}

interface KeyboardState {
  keyboard?: Array<Array<{ text: string; request_location?: boolean; request_contact?: boolean }>>;
  oneTime?: boolean;
  placeholder?: string;
  forceReply?: number;
}

const PUBLIC = new URL("./public/", import.meta.url);
const STATIC: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/style.css": "style.css",
};
const TYPES: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };
const MAX_BODY = 16 * 1024 * 1024;
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#2e9e4f"/><path d="M14 30 32 16l18 14v4H14z" fill="#fff"/><rect x="18" y="34" width="28" height="14" fill="#fff"/><rect x="29" y="38" width="6" height="10" fill="#2e9e4f"/></svg>`;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startWeb(o: WebOptions): Promise<Web> {
  const { fake } = o;
  const clients = new Set<Client>();
  const keyboards = new Map<number, KeyboardState>();
  /** Per chat: message id → its last JSON, to send only what changed. */
  const seen = new Map<number, Map<number, string>>();
  const pinnedSeen = new Map<number, number | null>();
  const pending = new Set<number>();
  let flushTimer: NodeJS.Timeout | null = null;

  const send = (c: Client, event: string, data: unknown) => {
    if (!c.res.writableEnded) c.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const toPersona = (persona: number, event: string, data: unknown) => {
    for (const c of clients) if (c.persona === persona) send(c, event, data);
  };
  const toChat = (chatId: number, event: string, data: (persona: number) => unknown) => {
    for (const c of clients) if (canSee(fake, c.persona, chatId)) send(c, event, data(c.persona));
  };
  const toAll = (event: string, data: unknown) => {
    for (const c of clients) send(c, event, data);
  };

  const fingerprint = (chatId: number) => {
    const map = new Map<number, string>();
    for (const m of fake.messages(chatId)) map.set(m.message_id, m.deleted ? "deleted" : JSON.stringify(m));
    return map;
  };
  for (const id of fake.chats.keys()) {
    seen.set(id, fingerprint(id));
    pinnedSeen.set(id, fake.pinned(id).at(-1) ?? null);
  }

  /** Sends what changed in these chats since the last look: new, edited, deleted, pinned. */
  const flush = () => {
    flushTimer = null;
    const chats = [...pending];
    pending.clear();
    let listChanged = false;
    for (const chatId of chats) {
      if (!fake.chats.has(chatId)) continue;
      const before = seen.get(chatId) ?? new Map<number, string>();
      const now = fingerprint(chatId);
      for (const [id, json] of now) {
        if (before.get(id) === json) continue;
        listChanged = true;
        if (json === "deleted") {
          if (before.has(id)) toChat(chatId, "del", () => ({ chat: chatId, id }));
          continue;
        }
        const m = fake.message(chatId, id)!;
        toChat(chatId, "msg", (p) => ({ chat: chatId, message: messageView(fake, m, p), isNew: !before.has(id) }));
      }
      seen.set(chatId, now);
      const pin = fake.pinned(chatId).at(-1) ?? null;
      if (pin !== (pinnedSeen.get(chatId) ?? null)) {
        pinnedSeen.set(chatId, pin);
        toChat(chatId, "pin", (p) => ({ chat: chatId, pinned: pinnedView(chatId, p) }));
      }
    }
    if (listChanged) toAll("chats", {});
  };
  const touch = (chatId: number) => {
    o.store.soon();
    pending.add(chatId);
    flushTimer ??= setTimeout(flush, 25);
  };

  const pinnedView = (chatId: number, persona: number) => {
    const id = fake.pinned(chatId).at(-1);
    const m = id !== undefined ? fake.message(chatId, id) : undefined;
    return m && !m.deleted ? { id: m.message_id, text: snippet(m) } : null;
  };

  const exercises = new ExerciseRunner({
    fake,
    prisma: o.app.deps.prisma,
    now: () => o.app.deps.clock.now(),
    onChange: (s: ExerciseState | null) => toAll("exercise", s),
  });
  let exerciseTimer: NodeJS.Timeout | null = null;
  const checkSoon = () => {
    if (!exercises.state() || exerciseTimer) return;
    exerciseTimer = setTimeout(() => {
      exerciseTimer = null;
      void exercises.check();
    }, 150);
  };
  // Rows written by jobs (a delivery marked sent) change without an API call: look now and then.
  const exercisePoll = setInterval(() => void (exercises.state() ? exercises.check() : undefined), 2000);
  exercisePoll.unref();

  // Every answered API call: what changed in which chat, and what else a Telegram app would show.
  const unsubscribe = fake.onCall((call: Call) => {
    const chatId = call.params?.chat_id !== undefined ? Number(call.params.chat_id) : NaN;
    if (Number.isFinite(chatId)) touch(chatId);
    checkSoon();
    if (!call.ok) {
      const code = call.error?.code;
      const desc = call.error?.description ?? "";
      if (Number.isFinite(chatId) && code !== 429 && !desc.includes("message is not modified")) {
        toChat(chatId, "apierror", () => ({ chat: chatId, method: call.method, description: desc }));
      }
      return;
    }
    if (call.method === "answerCallbackQuery") {
      const persona = Number(String(call.params.callback_query_id).slice(0, -6));
      toPersona(persona, "answered", { queryId: call.params.callback_query_id, text: call.params.text ?? "", alert: !!call.params.show_alert });
    } else if (call.method === "sendChatAction") {
      toChat(chatId, "typing", () => ({ chat: chatId, action: call.params.action }));
    }
    const markup = call.params?.reply_markup as Record<string, any> | undefined;
    if (markup && Number.isFinite(chatId) && call.method.startsWith("send")) {
      let state: KeyboardState | null = null;
      if (markup.keyboard) {
        state = {
          keyboard: markup.keyboard.map((row: any[]) => row.map((b) => (typeof b === "string" ? { text: b } : b))),
          oneTime: !!markup.one_time_keyboard,
          placeholder: markup.input_field_placeholder,
        };
      } else if (markup.force_reply) {
        state = { forceReply: Array.isArray(call.result) ? call.result[0]?.message_id : call.result?.message_id, placeholder: markup.input_field_placeholder };
      } else if (!markup.remove_keyboard) return;
      if (state) keyboards.set(chatId, state);
      else keyboards.delete(chatId);
      toChat(chatId, "kbd", () => ({ chat: chatId, state }));
    }
  });

  // -------------------------------------------------------------------------- actions

  const userOf = (persona: unknown): User => {
    const id = Number(persona);
    const u = fake.users.get(id);
    if (!u || !personById(id)?.persona) throw new HttpError(400, "Persona tidak dikenal.");
    return u;
  };
  const chatOf = (persona: number, chat: unknown): number => {
    const id = Number(chat);
    if (!canSee(fake, persona, id)) throw new HttpError(403, "Persona ini tidak ada di chat itu.");
    return id;
  };
  const refOf = (persona: number, chatId: number) => (chatId === persona ? ("private" as const) : chatId);
  const builder = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw new HttpError(400, (e as Error).message);
    }
  };

  const actions: Record<string, (b: any) => Promise<unknown> | unknown> = {
    send(b) {
      const u = userOf(b.persona);
      const chat = chatOf(u.id, b.chat);
      const text = String(b.text ?? "");
      if (!text.trim()) throw new HttpError(400, "Pesan kosong.");
      if (text.length > 4096) throw new HttpError(400, "Pesan terlalu panjang (lebih dari 4096 karakter).");
      const up = builder(() => fake.updates.text(u, refOf(u.id, chat), text, b.replyTo ? { replyTo: Number(b.replyTo) } : {}));
      touch(chat);
      return { id: up.message?.message_id };
    },
    photo(b) {
      const u = userOf(b.persona);
      const chat = chatOf(u.id, b.chat);
      const bytes = Buffer.from(String(b.data ?? ""), "base64");
      if (bytes.length < 8) throw new HttpError(400, "Foto kosong.");
      const caption = b.caption ? String(b.caption).slice(0, 1024) : undefined;
      const up = builder(() => fake.updates.photo(u, refOf(u.id, chat), { bytes, caption, ...(b.replyTo ? { replyTo: Number(b.replyTo) } : {}) }));
      touch(chat);
      return { id: up.message?.message_id };
    },
    location(b) {
      const u = userOf(b.persona);
      const chat = chatOf(u.id, b.chat);
      const latitude = Number(b.latitude);
      const longitude = Number(b.longitude);
      if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) throw new HttpError(400, "Koordinat tidak sah.");
      builder(() => fake.updates.location(u, refOf(u.id, chat), { latitude, longitude, ...(b.replyTo ? { replyTo: Number(b.replyTo) } : {}) }));
      touch(chat);
      return {};
    },
    press(b) {
      const u = userOf(b.persona);
      const chat = chatOf(u.id, b.chat);
      const up = builder(() => fake.updates.callback(u, refOf(u.id, chat), Number(b.message), String(b.data)));
      return { queryId: up.callback_query?.id };
    },
    edit(b) {
      const u = userOf(b.persona);
      const chat = chatOf(u.id, b.chat);
      const text = String(b.text ?? "");
      if (!text.trim()) throw new HttpError(400, "Pesan kosong.");
      builder(() => fake.updates.edit(u, refOf(u.id, chat), Number(b.message), text));
      touch(chat);
      return {};
    },
    vote(b) {
      const u = userOf(b.persona);
      const chat = chatOf(u.id, b.chat);
      const m = fake.message(chat, Number(b.message)) as (StoredMessage & { poll?: { id: string } }) | undefined;
      if (!m?.poll) throw new HttpError(404, "Jajak pendapat tidak ditemukan.");
      const options = (Array.isArray(b.options) ? b.options : []).map(Number);
      builder(() => fake.updates.pollVote(u, m.poll!.id, options));
      touch(chat);
      return {};
    },
    /** t.me/<bot>?start=<payload>: the app opens the private chat and sends /start <payload>. */
    start(b) {
      const u = userOf(b.persona);
      const payload = String(b.payload ?? "").slice(0, 64);
      builder(() => fake.updates.command(u, "private", "start", payload || undefined));
      touch(u.id);
      toAll("chats", {});
      return { chat: u.id };
    },
    /** Adds the bot to a group as an administrator (what "Add to group" + promote does). */
    addBot(b) {
      const u = userOf(b.persona);
      const chat = chatOf(u.id, b.chat);
      const st = fake.chats.get(chat)!;
      const mine = st.members.get(u.id);
      if (mine !== "creator" && mine !== "administrator") throw new HttpError(403, "Hanya admin grup yang dapat menambahkan bot.");
      const bot = { id: fake.botInfo.id, is_bot: true, first_name: fake.botInfo.first_name, username: fake.botInfo.username };
      builder(() => {
        fake.updates.myChatMember(u, { id: chat }, "left", "administrator");
        fake.updates.newChatMembers(u, { id: chat }, [bot]);
        st.botStatus = "administrator";
      });
      if (b.payload) builder(() => fake.updates.command(u, { id: chat }, "start", String(b.payload).slice(0, 64), { mention: true }));
      touch(chat);
      toAll("chats", {});
      return {};
    },
    async exerciseStart(b) {
      return exercises.start(String(b.id));
    },
    exerciseStop() {
      exercises.stop();
      return {};
    },
  };

  // --------------------------------------------------------------------------- reads

  const personaList = () =>
    PERSONAS.map((p) => ({ id: p.id, name: [p.firstName, p.lastName].filter(Boolean).join(" "), label: p.label, role: p.role, kampung: p.kampung ?? null }));

  const chatsFor = (persona: number) =>
    visibleChats(fake, persona)
      .map((st) => {
        const last = [...st.order].reverse().find((m) => !m.deleted);
        return {
          ...chatView(fake, st, persona),
          last: last ? { id: last.message_id, date: last.date, text: snippet(last as StoredMessage), from: last.from?.first_name ?? "", own: last.from?.id === persona } : null,
          // The page counts what is newer than what this persona last read there.
          unread: st.order.slice(-100).filter((m) => !m.deleted && m.from?.id !== persona).map((m) => m.message_id),
        };
      })
      .sort((a, b) => (a.type === "private" ? -1 : b.type === "private" ? 1 : (b.last?.date ?? 0) - (a.last?.date ?? 0)));

  const chatDetail = (persona: number, chatId: number) => {
    const st = fake.chats.get(chatId) ?? fake.privateChat(chatId);
    const messages = fake.messages(chatId).filter((m) => !m.deleted);
    return {
      chat: chatView(fake, st, persona),
      messages: messages.slice(-300).map((m) => messageView(fake, m, persona)),
      pinned: pinnedView(chatId, persona),
      keyboard: keyboards.get(chatId) ?? null,
      commands: (fake.myCommands({ type: st.type === "private" ? "all_private_chats" : "all_group_chats" }) ?? []) as unknown[],
    };
  };

  // ---------------------------------------------------------------------------- http

  const server = o.server;
  server.removeAllListeners("request"); // the "getting ready" answer of the start-up
  server.on("request", async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://sim");
    try {
      if (req.method === "GET" && STATIC[url.pathname]) {
        const name = STATIC[url.pathname]!;
        const body = readFileSync(new URL(name, PUBLIC));
        res.writeHead(200, { "content-type": TYPES[name.split(".").pop()!]!, "cache-control": "no-cache", "content-length": body.length });
        return res.end(body);
      }
      if (req.method === "GET" && url.pathname === "/favicon.ico") {
        res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "max-age=86400" });
        return res.end(FAVICON);
      }
      if (req.method === "GET" && url.pathname.startsWith("/file/")) return serveFile(res, decodeURIComponent(url.pathname.slice(6)), url.searchParams.has("download"));
      if (req.method === "GET" && url.pathname === "/api/events") {
        const persona = userOf(url.searchParams.get("persona")).id;
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
        res.write("retry: 1000\n\n");
        const c: Client = { res, persona };
        clients.add(c);
        send(c, "exercise", exercises.state());
        req.on("close", () => clients.delete(c));
        return;
      }
      if (req.method === "GET" && url.pathname === "/api/meta") {
        return json(res, 200, {
          mode: o.store.meta.mode,
          bot: { name: fake.botInfo.first_name, username: fake.botInfo.username },
          personas: personaList(),
          exercises: await exercises.list(),
          exercise: exercises.state(),
        });
      }
      if (req.method === "GET" && url.pathname === "/api/chats") return json(res, 200, chatsFor(userOf(url.searchParams.get("persona")).id));
      if (req.method === "GET" && url.pathname === "/api/chat") {
        const persona = userOf(url.searchParams.get("persona")).id;
        return json(res, 200, chatDetail(persona, chatOf(persona, url.searchParams.get("chat"))));
      }
      if (req.method === "GET" && url.pathname === "/api/exercises") return json(res, 200, { list: await exercises.list(), current: exercises.state() });
      if (req.method === "POST" && url.pathname.startsWith("/api/")) {
        const action = actions[url.pathname.slice(5)];
        if (!action) throw new HttpError(404, "Tidak ada.");
        const body = JSON.parse((await readBody(req)).toString("utf8") || "{}");
        return json(res, 200, await action(body));
      }
      throw new HttpError(404, "Tidak ada.");
    } catch (e) {
      if (e instanceof HttpError) return json(res, e.status, { error: e.message });
      o.logger.error({ err: e }, "sim web: request failed");
      return json(res, 500, { error: "Terjadi kesalahan di sandbox." });
    }
  });

  function serveFile(res: http.ServerResponse, fileId: string, download: boolean) {
    const rec = fake.files.get(fileId);
    const bytes = rec ? fake.fileBytes(fileId) : undefined;
    if (!rec || !bytes) throw new HttpError(404, "Berkas tidak ditemukan.");
    const name = rec.file_name ?? rec.file_path.split("/").pop()!;
    res.writeHead(200, {
      "content-type": rec.mime_type ?? "application/octet-stream",
      "content-length": bytes.length,
      "cache-control": "private, max-age=86400",
      "content-disposition": `${download ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
    res.end(bytes);
  }

  const port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const c of clients) if (!c.res.writableEnded) c.res.write(": ping\n\n");
  }, 25_000);
  heartbeat.unref();

  return {
    url: `http://${o.host}:${port}`,
    exercises,
    async stop() {
      unsubscribe();
      clearInterval(heartbeat);
      clearInterval(exercisePoll);
      if (flushTimer) clearTimeout(flushTimer);
      if (exerciseTimer) clearTimeout(exerciseTimer);
      for (const c of clients) c.res.end();
      clients.clear();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  const s = JSON.stringify(body ?? null);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(s) });
  res.end(s);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, "Berkas terlalu besar."));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Bad input: a property-based fuzzer (fast-check) that feeds the real bot Telegram-shaped updates
 * through the fake Bot API — odd and huge Unicode texts, forged and stale callback data of every
 * kind of button (with ids of another forum), deep links for another forum, media without
 * captions, messages from channels and anonymous admins, edits, chat_member and my_chat_member —
 * from people who are strangers or members of forum A only. Forum B's rows must not change.
 *
 * Per run, it asserts: no error logged (handler failed / update failed), no unhandled rejection,
 * no Bot API call the fake (as strict as Telegram) refused with 400, and forum B's privileged
 * tables unchanged. The seed is printed; replay with FUZZ_SEED=<seed> (and FUZZ_PATH=<path> for
 * the shrunk case), more runs with FUZZ_RUNS=<n>.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Chat, Update, User } from "grammy/types";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, personFor, say, type ForumFixture } from "../support/world.js";
import { aVote } from "../support/voting.js";
import { aMeeting } from "../support/musyawarah.js";
import { aTopic, replyIn } from "../support/discussion.js";
import { anAspiration } from "../support/aspirasi.js";
import { aPost, anAgreement } from "../support/bursa.js";
import { announce } from "../support/pengumuman.js";
import { actorFor } from "../support/voting.js";
import { features } from "../../src/bot/features/index.js";
import { callbackKinds } from "../../src/bot/lib/callback.js";
import { createInvite } from "../../src/domain/forum/service.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const PATH = process.env.FUZZ_PATH;

/** Telegram's service accounts: anonymous group admins and channels posting into groups. */
const ANON_ADMIN: User = { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };
const CHANNEL_BOT: User = { id: 136817688, is_bot: true, first_name: "Channel", username: "Channel_Bot" };
const FOREIGN_CHANNEL: Chat = { id: -1001777000111, type: "channel", title: "Kanal Berita Lain" } as Chat;

let h: Harness;
let A: ForumFixture;
let B: ForumFixture;
const logLines: Array<{ level: number; msg: string; err?: unknown }> = [];
const rejections: unknown[] = [];
const onRejection = (r: unknown) => rejections.push(r);

/** Who acts: strangers and forum A's people (none of them belongs to forum B). */
let actors: User[] = [];
/** Ids found in both forums and odd values: the pieces forged callback data is made of. */
let idPool: string[] = [];
/** Real callback data of buttons the bot sent (forum B's ones are stale/foreign for the actors). */
let staleData: string[] = [];
/** Deep-link payloads: B's report link, B's invite code, B's meeting and vote links. */
let payloads: string[] = [];
let commands: string[] = [];
let unlinkedGroup: Chat;
/** Messages the actors sent (for edited_message). */
const sentByActors: Array<{ user: User; chat: number; id: number }> = [];
/** Callback query ids of the presses made (each must be answered: the button spins until then). */
const pressed: string[] = [];

// ------------------------------------------------------------------ forum B's rows, snapshotted

let snapshotSql: string[] = [];

async function buildSnapshotSql() {
  const cols = await h.db.sql.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const byTable = new Map<string, Set<string>>();
  for (const c of cols) {
    const s = byTable.get(c.table_name) ?? new Set<string>();
    s.add(c.column_name);
    byTable.set(c.table_name, s);
  }
  // Rows of forum B, and rows hanging off B's votes, meetings, topics, tickets, posts, agreements.
  const parents: Record<string, string> = {
    vote_id: "votes",
    meeting_id: "meetings",
    topic_id: "topics",
    aspiration_id: "aspirations",
    post_id: "bursa_posts",
    agreement_id: "agreements",
    village_id: "villages",
  };
  const sql: string[] = [];
  for (const [table, set] of [...byTable].sort()) {
    if (table === "_prisma_migrations" || table === "persons") continue;
    const order = set.has("id") ? "ORDER BY id" : "";
    if (table === "forums") sql.push(`SELECT * FROM forums WHERE id = $1`);
    else if (set.has("forum_id")) sql.push(`SELECT * FROM "${table}" WHERE forum_id = $1 ${order}`);
    else {
      const fk = Object.keys(parents).find((c) => set.has(c) && byTable.get(parents[c]!)?.has("forum_id"));
      if (fk) sql.push(`SELECT * FROM "${table}" WHERE ${fk} IN (SELECT id FROM "${parents[fk]}" WHERE forum_id = $1) ${order}`);
    }
  }
  snapshotSql = sql;
}

async function snapshotB(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const q of snapshotSql) {
    const rows = await h.db.sql.query(q, [B.id]);
    out.set(q, JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
  }
  return out;
}

function diffSnapshots(a: Map<string, string>, b: Map<string, string>): string[] {
  const diffs: string[] = [];
  for (const [q, before] of a) {
    const after = b.get(q);
    if (after !== before) diffs.push(`${q.replace(/\s+/g, " ").slice(0, 90)}\n    before ${before.slice(0, 600)}\n    after  ${after?.slice(0, 600)}`);
  }
  return diffs;
}

// ------------------------------------------------------------------ generators

const ODD = [
  "\u202Eتحذير عكسي\u202C", // RTL override
  "שלום עולם مرحبا",
  "\u200B\u200C\u200D\u2060\uFEFF", // zero-width only
  "\u200B",
  "   \n\t  ",
  "👨‍👩‍👧‍👦🏳️‍🌈🇮🇩",
  "\uD83D", // lone high surrogate
  "\uDE00x", // lone low surrogate
  "e\u0301\u0301\u0301\u0301\u0301",
  "Z̴̡̢̛͈͔͙̜̝̯̬̹̀̿̓͒̀̈́͝a̵͔͙͊l̵g̶o̶",
  "<b>tebal</b> &amp; <i>miring <a href='x'>",
  "</code></pre><script>alert(1)</script>",
  "*_`[]()~>#+-=|{}.!",
  "@ForumDesaBot /start@ForumDesaBot",
  "\u0000\u0001\u0007\u001b[31m",
  "𝕿𝖊𝖐𝖘 𝖆𝖓𝖊𝖍",
];

const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  // Huge: around and beyond Telegram's 4096 characters, in plain letters and in surrogate pairs.
  { weight: 1, arbitrary: fc.constantFrom(4095, 4096, 4097, 5000).map((n) => "a".repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(2048, 2049, 4097).map((n) => "😀".repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ODD), fc.integer({ min: 100, max: 600 })).map(([s, n]) => s.repeat(n)) },
);

/** A value for a callback field: ids of both forums, edge numbers, short enums, junk. */
const fieldArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...idPool) },
    { weight: 2, arbitrary: fc.constantFrom("y", "n", "d", "v", "s", "x", "e", "h", "u", "t", "m", "a", "ac", "tc", "ks", "mad", "f", "p", "o", "k", "ok", "-", "id", "en") },
    { weight: 1, arbitrary: fc.constantFrom("0", "-1", "2147483647", "2147483648", "99999999999", "1e3", "0x10", "01", " 1", "NaN", "") },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }).filter((s) => !s.includes(":")) },
  );

function fitData(s: string): string {
  // Telegram delivers at most 64 bytes of callback_data (it refuses longer buttons).
  while (Buffer.byteLength(s) > 64) s = s.slice(0, -1);
  return s;
}

const dataArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...callbackKinds.keys()).chain((prefix) =>
        fc.array(fieldArb(), { minLength: callbackKinds.get(prefix)!.length, maxLength: callbackKinds.get(prefix)!.length }).map((vals) => fitData([prefix, ...vals].join(":"))),
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(...staleData) },
    { weight: 1, arbitrary: fc.constantFrom(...commands).map((c) => `menu:${c}`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 64 }).map(fitData) },
  );

type Where = { kind: "private" } | { kind: "groupA"; i: number } | { kind: "groupB"; i: number } | { kind: "unlinked" };

type Action =
  | { k: "text"; who: number; where: Where; text: string; reply: number | null }
  | { k: "command"; who: number; where: Where; cmd: string; payload: string; mention: boolean }
  | { k: "start"; who: number; payload: string }
  | { k: "media"; who: number; where: Where; kind: "photo" | "document" | "voice" | "video" | "sticker" | "location" | "contact" | "audio" | "animation"; caption: string | null }
  | { k: "press"; who: number; where: Where; data: string; msg: number }
  | { k: "edit"; pick: number; text: string }
  | { k: "senderChat"; as: "anon" | "channel"; where: Where; text: string }
  | { k: "chatMember"; who: number; group: number; status: "member" | "left" | "kicked" | "administrator" | "restricted" }
  | { k: "myChatMember"; group: number; status: "member" | "administrator" | "left" | "kicked" }
  | { k: "batal"; who: number };

function actionArb(): fc.Arbitrary<Action> {
  const who = fc.nat({ max: actors.length - 1 });
  const groupA = fc.nat({ max: A.villages.length - 1 }).map((i): Where => ({ kind: "groupA", i }));
  const groupB = fc.nat({ max: B.villages.length - 1 }).map((i): Where => ({ kind: "groupB", i }));
  const mine = fc.oneof(fc.constant<Where>({ kind: "private" }), groupA, fc.constant<Where>({ kind: "unlinked" }));
  const anywhere = fc.oneof(mine, groupB);
  const cmd = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...commands) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z_]{1,12}$/) });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ k: fc.constant("text" as const), who, where: mine, text: textArb, reply: fc.option(fc.nat(), { nil: null }) }) },
    {
      weight: 5,
      arbitrary: fc.record({
        k: fc.constant("command" as const),
        who,
        where: mine,
        cmd,
        payload: fc.oneof(fc.constant(""), fc.constantFrom(...payloads), fc.constantFrom(...idPool), textArb),
        mention: fc.boolean(),
      }),
    },
    { weight: 3, arbitrary: fc.record({ k: fc.constant("start" as const), who, payload: fc.oneof(fc.constantFrom(...payloads), fc.string({ maxLength: 64 })) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant("media" as const),
        who,
        where: mine,
        kind: fc.constantFrom("photo", "document", "voice", "video", "sticker", "location", "contact", "audio", "animation"),
        caption: fc.option(textArb, { nil: null, freq: 2 }),
      }),
    },
    { weight: 8, arbitrary: fc.record({ k: fc.constant("press" as const), who, where: anywhere, data: dataArb(), msg: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant("edit" as const), pick: fc.nat(), text: textArb }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant("senderChat" as const), as: fc.constantFrom("anon" as const, "channel" as const), where: fc.oneof(groupA, groupB), text: fc.oneof(textArb, cmd.map((c) => `/${c}`)) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant("chatMember" as const),
        who,
        group: fc.nat({ max: A.villages.length - 1 }),
        status: fc.constantFrom("member" as const, "left" as const, "kicked" as const, "administrator" as const, "restricted" as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("myChatMember" as const), group: fc.nat({ max: A.villages.length - 1 }), status: fc.constantFrom("member" as const, "administrator" as const, "left" as const, "kicked" as const) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("batal" as const), who }) },
  );
}

// ------------------------------------------------------------------ acting

function chatOf(where: Where, user: User): Chat | number {
  switch (where.kind) {
    case "private":
      return user.id;
    case "groupA":
      return A.villages[where.i]!.group;
    case "groupB":
      return B.villages[where.i]!.group;
    case "unlinked":
      return unlinkedGroup;
  }
}
const chatIdOf = (c: Chat | number) => (typeof c === "number" ? c : c.id);

async function anchorIn(chat: Chat | number, pick: number): Promise<number> {
  const id = chatIdOf(chat);
  const msgs = h.fake.sent(id).filter((m) => !m.deleted);
  if (msgs.length) return msgs[((pick % msgs.length) + msgs.length) % msgs.length]!.message_id;
  return (await h.app.bot.api.sendMessage(id, "·")).message_id;
}

/** Telegram delivers nothing a banned user writes in a group. */
function banned(user: User, chat: Chat | number): boolean {
  return typeof chat !== "number" && h.fake.chatMemberStatus(chat.id, user.id) === "kicked";
}

function track(u: Update, user: User) {
  const m = u.message;
  if (m && m.text !== undefined) sentByActors.push({ user, chat: m.chat.id, id: m.message_id });
}

async function act(a: Action): Promise<string> {
  const f = h.fake.updates;
  switch (a.k) {
    case "text": {
      const user = actors[a.who]!;
      const chat = chatOf(a.where, user);
      if (banned(user, chat)) return "text (banned)";
      const msgs = h.fake.messages(chatIdOf(chat)).filter((m) => !m.deleted);
      const replyTo = a.reply !== null && msgs.length ? msgs[a.reply % msgs.length]!.message_id : undefined;
      if (typeof chat === "number") h.fake.userStartedBot(user.id);
      const u = f.text(user, chat, a.text, replyTo ? { replyTo } : {});
      track(u, user);
      await h.send(u);
      return `text by ${a.who} in ${a.where.kind}`;
    }
    case "command": {
      const user = actors[a.who]!;
      const chat = chatOf(a.where, user);
      if (banned(user, chat)) return "command (banned)";
      const u = f.command(user, chat, a.cmd, a.payload || undefined, { mention: a.mention });
      track(u, user);
      await h.send(u);
      return `/${a.cmd} by ${a.who} in ${a.where.kind}`;
    }
    case "start": {
      const user = actors[a.who]!;
      await h.send(f.command(user, "private", "start", a.payload || undefined));
      return `/start ${a.payload.slice(0, 20)} by ${a.who}`;
    }
    case "media": {
      const user = actors[a.who]!;
      const chat = chatOf(a.where, user);
      if (banned(user, chat)) return "media (banned)";
      const cap = a.caption ?? undefined;
      const u =
        a.kind === "photo" ? f.photo(user, chat, { caption: cap })
        : a.kind === "document" ? f.document(user, chat, { file_name: a.caption?.slice(0, 40) || "berkas.pdf", caption: cap })
        : a.kind === "voice" ? f.voice(user, chat, { caption: cap })
        : a.kind === "video" ? f.video(user, chat, { caption: cap })
        : a.kind === "audio" ? f.audio(user, chat, {})
        : a.kind === "animation" ? f.animation(user, chat, { caption: cap })
        : a.kind === "sticker" ? f.sticker(user, chat)
        : a.kind === "location" ? f.location(user, chat, { latitude: -5.4, longitude: 105.2 })
        : f.contact(user, chat, { phone_number: "+6281234567890", first_name: a.caption?.slice(0, 20) || "Budi", user_id: user.id });
      await h.send(u);
      return `${a.kind} by ${a.who} in ${a.where.kind}`;
    }
    case "press": {
      const user = actors[a.who]!;
      const chat = chatOf(a.where, user);
      if (typeof chat === "number") h.fake.userStartedBot(user.id);
      const msg = await anchorIn(chat, a.msg);
      const u = f.callback(user, chat, msg, a.data);
      pressed.push(u.callback_query!.id);
      await h.send(u);
      return `press "${a.data}" by ${a.who} in ${a.where.kind}`;
    }
    case "edit": {
      const live = sentByActors.filter((s) => !banned(s.user, s.chat < 0 ? ({ id: s.chat } as Chat) : s.chat) && !h.fake.message(s.chat, s.id)?.deleted && h.fake.message(s.chat, s.id)?.text !== undefined);
      if (!live.length) return "edit (nothing to edit)";
      const s = live[a.pick % live.length]!;
      await h.send(f.edit(s.user, s.chat, s.id, a.text));
      return `edit of ${s.id}`;
    }
    case "senderChat": {
      const group = (a.where.kind === "groupA" ? A : B).villages[(a.where as { i: number }).i]!.group;
      const from = a.as === "anon" ? ANON_ADMIN : CHANNEL_BOT;
      const u = f.text(from, group, a.text);
      const senderChat = a.as === "anon" ? { id: group.id, type: group.type, title: group.title } : FOREIGN_CHANNEL;
      (u.message as unknown as Record<string, unknown>).sender_chat = senderChat;
      if (a.as === "channel") (u.message as unknown as Record<string, unknown>).is_automatic_forward = true;
      await h.send(u);
      return `${a.as} in ${a.where.kind}`;
    }
    case "chatMember": {
      const user = actors[a.who]!;
      const group = A.villages[a.group]!.group;
      await h.send(f.chatMember(A.admin, group, user, a.status));
      return `chat_member ${a.status} of ${a.who} in A${a.group}`;
    }
    case "myChatMember": {
      const group = A.villages[a.group]!.group;
      const old = h.fake.chatMemberStatus(group.id, h.fake.botInfo.id) ?? "member";
      await h.send(f.myChatMember(A.admin, group, old, a.status));
      // The bot comes back as a plain member afterwards, so later runs still reach the group.
      if (a.status === "left" || a.status === "kicked") {
        await h.send(f.myChatMember(A.admin, group, a.status, "member"));
      }
      return `my_chat_member ${a.status} in A${a.group}`;
    }
    case "batal": {
      await h.send(f.command(actors[a.who]!, "private", "batal"));
      return `/batal by ${a.who}`;
    }
  }
}

// ------------------------------------------------------------------ setup

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  h = await createHarness({
    log: {
      level: "warn",
      destination: {
        write(line: string) {
          try {
            logLines.push(JSON.parse(line));
          } catch {
            logLines.push({ level: 60, msg: line });
          }
        },
      },
    },
  });
  A = await aForum(h, { name: "Forum A", villages: ["Sukamaju", "Sidomulyo", "Karanganyar"] });
  B = await aForum(h, { name: "Forum B", villages: ["Tanjungsari", "Mekarjaya", "Sumberjo"] });

  // Forum B's world: the things its people would press on and that must not change.
  const bOfficial = await B.official(0, "PakKadesB");
  const bResident = await B.resident(1, "WargaB");
  const vB = await aVote(h, B, { villages: [0, 1, 2] });
  const vBsecret = await aVote(h, B, { villages: [0, 1], ballot: "rahasia" as never, eligibility: "perangkat" as never }).catch(() => null);
  const mB = await aMeeting(h, B, { organiser: B.admin, audience: { groups: [B.villages[0]!.id], officials: [B.villages[0]!.id] } });
  const tB = await aTopic(h, B, { villages: [0, 1] });
  await replyIn(h, bResident, B.villages[1]!.group, tB.card.get(B.villages[1]!.group.id)!, "Usulan warga B tentang jalan");
  await h.flush();
  const asB = await anAspiration(h, B, bResident, { village: 1 });
  const postB = await aPost(h, B, bOfficial, { village: 0 });
  const agB = await anAgreement(h, B, B.admin).catch(() => null);
  await announce(h, B.admin, { audience: "all-groups", at: "besok 09.00" }).catch(() => {});
  // B's codes as a stranger could have seen them: revoked, expired and used ones (a live code is a
  // door into forum B by design, so it is not among the payloads).
  const invB = await createInvite(h.app.deps, await actorFor(h, B.admin), { forumId: B.id, role: "perangkat_desa", villageId: B.villages[2]!.id });
  const invBexpired = await createInvite(h.app.deps, await actorFor(h, B.admin), { forumId: B.id, role: "admin_forum" });
  const invBused = await createInvite(h.app.deps, await actorFor(h, B.admin), { forumId: B.id, role: "warga", villageId: B.villages[0]!.id });
  await h.app.deps.prisma.invite.update({ where: { id: invB.id }, data: { revokedAt: h.clock.now() } });
  await h.app.deps.prisma.invite.update({ where: { id: invBexpired.id }, data: { expiresAt: new Date(h.clock.now().getTime() - 1000) } });
  await h.app.deps.prisma.invite.update({ where: { id: invBused.id }, data: { usedById: (await actorFor(h, bResident)).personId, usedAt: h.clock.now() } });
  // B's people look around, so their private chats hold real buttons (stale for the actors).
  for (const cmd of ["/start", "/voting", "/musyawarah", "/aspirasi_masuk", "/topik", "/anggota", "/peran", "/riwayat_pengumuman", "/kodegabung", "/bursa"]) {
    await say(h, B.admin, cmd).catch(() => {});
  }
  await say(h, bOfficial, "/aspirasi_masuk").catch(() => {});
  await h.flush();

  // Forum A's world: the actors' own things (they may change; B's may not).
  const aResident = await A.resident(0, "WargaA");
  const aOfficial = await A.official(0, "PakKadesA");
  const aMod = await A.person("moderator", undefined, "ModA");
  const vA = await aVote(h, A, { villages: [0, 1] });
  const mA = await aMeeting(h, A, { organiser: A.admin, audience: { groups: [A.villages[0]!.id], officials: [A.villages[0]!.id] } });
  const tA = await aTopic(h, A, { villages: [0, 1, 2] });
  const asA = await anAspiration(h, A, aResident, { village: 0 });
  const stranger = h.fake.addUser({ first_name: "Asing", username: "orang_asing" });
  await personFor(h, stranger);
  const fresh = h.fake.addUser({ first_name: "Baru", language_code: "en" }); // has not seen the privacy notice
  const noName = h.fake.addUser({ first_name: "\u200B" });
  actors = [stranger, fresh, noName, aResident, aOfficial, aMod, A.admin];
  unlinkedGroup = h.fake.addGroup({ title: "Grup Lain", type: "supergroup", members: [] });

  const prisma = h.app.deps.prisma;
  const ids = new Set<string>();
  const add = (...xs: Array<number | string | null | undefined>) => xs.forEach((x) => x !== null && x !== undefined && ids.add(String(x)));
  add(invBexpired.id, invBused.id, A.id, B.id, ...A.villages.map((v) => v.id), ...B.villages.map((v) => v.id), vB.id, vBsecret?.id, vA.id, mB, mA, tB.id, tA.id, asB.id, asA.id, (postB as { post?: { id: number } }).post?.id, agB?.id, invB.id);
  for (const m of await prisma.membership.findMany({ select: { id: true, personId: true } })) add(m.id, m.personId);
  for (const i of await prisma.meetingInvitee.findMany({ select: { id: true } })) add(i.id);
  for (const b of await prisma.broadcast.findMany({ select: { id: true } })) add(b.id);
  for (const a of await prisma.aspiration.findMany({ select: { version: true } })) add(a.version);
  idPool = [...ids];

  // Every callback_data the bot put on a button so far, in every chat.
  const data = new Set<string>();
  for (const m of h.fake.sent()) {
    const kb = (m.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    for (const b of kb.flat()) if (b.callback_data) data.add(b.callback_data);
  }
  staleData = [...data];
  payloads = [
    `aspirasi_${B.villages[0]!.reportKey}`,
    `aspirasi_${A.villages[0]!.reportKey}`,
    invB.code,
    invB.code.toLowerCase(),
    invBexpired.code,
    invBused.code,
    `mw_${mB}`,
    `mv_${mB}`,
    `vr_${vB.id}`,
    `vb_${vB.id}_${B.villages[0]!.id}`,
    `vb_${vB.id}_${A.villages[0]!.id}`,
    `mw_${mA}`,
    "mulai",
    "aspirasi_",
    "vb_1_1_1",
    "mw_99999999999",
  ];
  commands = [...new Set(features.flatMap((x) => (x.commands ?? []).map((c) => c.command)))];

  await h.flush();
  await buildSnapshotSql();
}, 240_000);

afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await h?.close();
});

/** Presses `data` on the newest bot message in `chat` and returns what the bot called for it. */
async function pressOnce(user: User, chat: Chat | number, data: string) {
  if (typeof chat === "number") h.fake.userStartedBot(user.id);
  const from = h.fake.calls.length;
  const logsFrom = logLines.length;
  const u = h.fake.updates.callback(user, chat, await anchorIn(chat, -1), data);
  await h.send(u);
  await h.flush();
  const calls = h.fake.calls.slice(from);
  return {
    answers: calls.filter((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === u.callback_query!.id),
    refused: calls.filter((c) => !c.ok),
    errors: logLines.slice(logsFrom).filter((l) => l.level >= 50),
  };
}

describe("what the fuzzer found, replayed", () => {
  it("a forum-chooser press forged in a group is answered as an old button, not a crash", async () => {
    const r = await pressOnce(actors[6]!, A.villages[0]!.group, `fsel:${A.id}`);
    expect(r.errors).toEqual([]);
    expect(r.answers.map((c) => c.ok)).toEqual([true]);
  });

  it("a press on another forum's vote breakdown is refused with one answer (Telegram takes one)", async () => {
    const vB = await h.app.deps.prisma.vote.findFirstOrThrow({ where: { forumId: B.id } });
    const r = await pressOnce(actors[5]!, actors[5]!.id, `vv:${vB.id}`);
    expect(r.refused).toEqual([]);
    expect(r.answers).toHaveLength(1);
    expect(r.answers[0]!.params.show_alert).toBe(true);
  });

  it("a menu button that starts a flow while another flow waits leaves the old flow, no crash", async () => {
    for (const [cmd, data] of [["/pengumuman", "menu:tutuptopik"], ["/tutuptopik", "menu:pengumuman"], ["/voting", "menu:topik"]] as const) {
      await say(h, A.admin, cmd);
      await h.flush();
      const r = await pressOnce(A.admin, A.admin.id, data);
      expect(r.errors.map((e) => e.msg)).toEqual([]);
      expect(r.refused).toEqual([]);
      await say(h, A.admin, "/batal");
    }
  });

  it("a NUL character in a group message (PostgreSQL refuses it in text) is stored as U+FFFD, no crash", async () => {
    const tA = await h.app.deps.prisma.topic.findFirstOrThrow({ where: { forumId: A.id } });
    const chat = A.villages[0]!.group;
    const card = h.fake.sent(chat.id).find((m) => String(m.text ?? "").includes(tA.title))!;
    const logsFrom = logLines.length;
    await h.send(h.fake.updates.text(actors[3]!, chat, "awal\u0000akhir pesan", { replyTo: card.message_id }));
    await h.flush();
    expect(logLines.slice(logsFrom).filter((l) => l.level >= 50)).toEqual([]);
  });

  it("a delegate press for another forum's meeting leaves no second answer", async () => {
    const mB = await h.app.deps.prisma.meeting.findFirstOrThrow({ where: { forumId: B.id } });
    const r = await pressOnce(actors[3]!, actors[3]!.id, `mw:${mB.id}`);
    expect(r.refused).toEqual([]);
    expect(r.answers).toHaveLength(1);
  });
});

describe("fuzzer: bad input is refused without crashes, bad calls or writes", () => {
  it(`survives random updates (seed ${SEED}, ${RUNS} runs)`, async () => {
    console.log(`fuzz: seed ${SEED}, runs ${RUNS}${PATH ? `, path ${PATH}` : ""} (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})`);
    const baseline = await snapshotB();
    let updates = 0;
    const property = fc.asyncProperty(fc.array(actionArb(), { minLength: 1, maxLength: 8 }), async (actions) => {
      const callsFrom = h.fake.calls.length;
      const logsFrom = logLines.length;
      const rejFrom = rejections.length;
      const pressFrom = pressed.length;
      const done: string[] = [];
      for (const a of actions) {
        done.push(await act(a));
        updates++;
      }
      await h.flush();
      const problems: string[] = [];
      const errs = logLines.slice(logsFrom).filter((l) => l.level >= 50);
      if (errs.length) problems.push(`errors logged: ${errs.map((e) => `${e.msg} ${JSON.stringify(e.err ?? "").slice(0, 800)}`).join("\n")}`);
      if (rejections.length > rejFrom) problems.push(`unhandled rejections: ${rejections.slice(rejFrom).map(String).join("; ")}`);
      const refused = h.fake.calls.slice(callsFrom).filter((c) => !c.ok && c.error?.code !== 403);
      if (refused.length) problems.push(`calls Telegram refuses: ${refused.map((c) => `${c.method} → ${c.error?.code} ${c.error?.description} ${JSON.stringify(c.params).slice(0, 300)}`).join("\n")}`);
      const answeredIds = new Set(h.fake.calls.slice(callsFrom).filter((c) => c.ok && c.method === "answerCallbackQuery").map((c) => String(c.params.callback_query_id)));
      const unanswered = pressed.slice(pressFrom).filter((id) => !answeredIds.has(id));
      if (unanswered.length) problems.push(`${unanswered.length} press(es) never answered`);
      const diffs = diffSnapshots(baseline, await snapshotB());
      if (diffs.length) problems.push(`forum B changed:\n${diffs.join("\n")}`);
      if (problems.length) throw new Error(`after [${done.join(" · ")}]:\n${problems.join("\n")}`);
    });
    await fc.assert(property, { seed: SEED, numRuns: RUNS, path: PATH, endOnFailure: !process.env.FUZZ_SHRINK, verbose: 1 });
    const warns = logLines.filter((l) => l.level === 40);
    console.log(`fuzz: ${updates} updates, ${h.fake.calls.length} Bot API calls, ${h.fake.calls.filter((c) => c.error?.code === 403).length} refused with 403 (chat not reachable), warnings ${warns.length}: ${[...new Set(warns.map((w) => w.msg))].join("; ")}`);
    expect(rejections).toEqual([]);
  }, 600_000);
});

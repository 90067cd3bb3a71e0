/**
 * The authorization matrix: every command and every kind of button the bot defines × nine callers
 * → allowed or refused, from ONE table. A command or callback kind without a row fails the test.
 *
 * A cell is "allowed" when the bot's answer to the caller is not a refusal (an `error-*` text or
 * another refusal message) or when the database changed; "refused" when the bot answered with a
 * refusal or said nothing and changed nothing. Callers act through Telegram-shaped updates with
 * the ids a forged button would carry: rights never come from callback data.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tsFiles } from "../support/code-scan.js";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "grammy/types";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, personFor, say, type ForumFixture } from "../support/world.js";
import { aVote, actorFor, cardIn } from "../support/voting.js";
import { aTopic, replyIn } from "../support/discussion.js";
import { aMeeting } from "../support/musyawarah.js";
import { aPost, anAgreement } from "../support/bursa.js";
import { features } from "../../src/bot/features/index.js";
import { callbackKinds } from "../../src/bot/lib/callback.js";
import { createInvite, revokeRole } from "../../src/domain/forum/service.js";
import { createAspiration } from "../../src/domain/aspirasi/index.js";
import { aspirasiDeps } from "../../src/bot/features/aspirasi/common.js";
import { localesDir } from "../../src/bot/i18n.js";
// The table's rows for the capabilities (aspirasi, discussion, musyawarah, voting, pengumuman, bursa).
import { CALLERS, moreRows, type Caller, type Helpers, type Row, type World } from "../support/authorization-rows.js";

const SHORT: Record<Caller, string> = {
  stranger: "asing", reporter: "pelapor", warga: "warga", perangkatHere: "pd-sini", perangkatOther: "pd-lain",
  moderator: "mod", admin: "admin", adminOther: "adm-lain", revoked: "mantan",
};

const CALLER_TEXT: Record<Caller, string> = {
  stranger: "a Telegram user in no group of the forum, with no code",
  reporter: "someone who only filed an aspiration through a village's link",
  warga: "a resident of village 0",
  perangkatHere: "perangkat desa of village 0 (the village every target belongs to)",
  perangkatOther: "perangkat desa of another village",
  moderator: "a moderator of the forum",
  admin: "a forum admin (also a Telegram admin of village 0's group)",
  adminOther: "the admin of another forum",
  revoked: "a former perangkat of village 0 whose role was revoked (still a resident)",
};

// Caller sets used by the rows.
const ALL: Caller[] = [...CALLERS];
/** Anyone holding a role in some forum (forum A, or B for adminOther). */
const MEMBERS: Caller[] = ["warga", "perangkatHere", "perangkatOther", "moderator", "admin", "adminOther", "revoked"];
const MEMBERS_AND_REPORTER: Caller[] = ["reporter", ...MEMBERS];
/** Members of forum A only. */
const IN_A: Caller[] = ["warga", "perangkatHere", "perangkatOther", "moderator", "admin", "revoked"];
const OFFICIALS_ADMINS: Caller[] = ["perangkatHere", "perangkatOther", "admin", "adminOther"];
const ADMINS: Caller[] = ["admin", "adminOther"];
const MODS: Caller[] = ["moderator", "admin", "adminOther"];
/** Those who act for village 0 of forum A (the village every target below belongs to). */
const HERE: Caller[] = ["perangkatHere", "admin"];
/** Telegram members of village 0's group. */
const IN_GROUP0: Caller[] = ["warga", "perangkatHere", "admin", "revoked"];

let h: Harness;
const prisma = () => h.app.deps.prisma;
const DAY = 24 * 3600_000;

// ---------------------------------------------------------------- acting as a person

const privateCmd = (text: string) => async (_w: World, u: User) => say(h, u, text);

function group0(w: World) {
  return w.f.villages[0]!.group;
}

/** A command typed in village 0's group (someone not in it joins it by posting, as in a public group). */
const groupCmd = (text: string, replyTo?: (w: World, t: any) => number) => async (w: World, u: User, t: unknown) => {
  const [cmd, ...rest] = text.replace(/^\//, "").split(" ");
  await h.send(h.fake.updates.command(u, group0(w), cmd!, rest.join(" ") || undefined, replyTo ? { replyTo: replyTo(w, t) } : {}));
};

/** A press with `data` on a bot message in the person's private chat (as a forged button would). */
async function pressPrivate(u: User, data: string) {
  let anchor = h.fake.sent(u.id).filter((m) => !m.deleted).at(-1);
  if (!anchor) {
    h.fake.userStartedBot(u.id);
    anchor = (await h.app.bot.api.sendMessage(u.id, "·")) as never;
  }
  await h.send(h.fake.updates.callback(u, u.id, anchor!.message_id, data));
}

/** A press with `data` on a bot message in village 0's group. */
async function pressGroup(w: World, u: User, data: string, messageId?: number) {
  const chat = group0(w).id;
  const id = messageId ?? h.fake.sent(chat).filter((m) => !m.deleted).at(-1)?.message_id ?? (await h.app.bot.api.sendMessage(chat, "·")).message_id;
  await h.send(h.fake.updates.callback(u, chat, id, data));
}

const priv = (data: (w: World, t: any) => string) => async (w: World, u: User, t: unknown) => pressPrivate(u, data(w, t));
const grp = (data: (w: World, t: any) => string) => async (w: World, u: User, t: unknown) => pressGroup(w, u, data(w, t));

// ---------------------------------------------------------------- arrangements (fresh targets)

const V = (w: World, i = 0) => w.f.villages[i]!.id;

async function aTicket(w: World, by?: User) {
  const reporter = by ?? h.fake.addUser({ first_name: "Pelapor" });
  const p = await personFor(h, reporter);
  const v = await createAspiration(aspirasiDeps(h.app.deps), p.id, {
    forumId: w.f.id, villageId: V(w), category: "Infrastruktur", privacy: "named", photos: [], latitude: -5.12, longitude: 105.3,
    text: "Jalan desa di RT 03 rusak parah dan berlubang, mohon segera diperbaiki sebelum hujan",
  });
  // Out of the reporter's daily limit window (arrangement only).
  await prisma().aspiration.update({ where: { id: v.id }, data: { createdAt: new Date(h.clock.now().getTime() - 2 * DAY) } });
  return prisma().aspiration.findUniqueOrThrow({ where: { id: v.id } });
}

async function aVoteHere(w: World, o: Record<string, unknown> = {}) {
  const vote = await aVote(h, w.f, { villages: [0], ...o });
  const card = await cardIn(h, group0(w).id, vote.id);
  return { vote, card: card?.message_id ?? 0 };
}

async function aMeetingHere(w: World, o: { startsInMs?: number } = {}) {
  const id = await aMeeting(h, w.f, {
    organiser: w.u.perangkatHere,
    villageId: V(w),
    audience: { groups: [V(w)], officials: [V(w)] },
    ...(o.startsInMs ? { startsAt: new Date(h.clock.now().getTime() + o.startsInMs) } : {}),
  });
  await h.flush();
  const invitee = await prisma().meetingInvitee.findFirst({ where: { meetingId: id } });
  const card = h.fake.sent(group0(w).id).filter((m) => !m.deleted && JSON.stringify(m.reply_markup ?? {}).includes(`:${id}`)).at(-1);
  return { id, invitee: invitee?.id ?? 0, card: card?.message_id ?? 0 };
}

async function aRelayInGroup0(w: World) {
  const t = await aTopic(h, w.f, { villages: [0, 1] });
  const writer = await w.f.resident(0, "Penulis");
  // The writer's own message in village 0's group: moderation commands answer it there.
  const messageId = await replyIn(h, writer, group0(w), t.card.get(group0(w).id)!, `Pesan warga ${Math.random().toString(36).slice(2, 8)}`);
  await h.flush();
  return { topic: t, messageId };
}

async function aBroadcastHere(w: World) {
  const admin = await personFor(h, w.u.perangkatHere);
  return prisma().broadcast.create({
    data: {
      forumId: w.f.id, authorId: admin.id, targets: ["groups"], villageIds: [V(w)], allVillages: false,
      parts: [{ text: "Kerja bakti Minggu pagi", entities: [] }], excerpt: "Kerja bakti Minggu pagi", state: "scheduled",
      scheduledAt: new Date(h.clock.now().getTime() + DAY),
    },
  });
}

async function aTopicWithNewGroup(w: World) {
  const topic = await aTopic(h, w.f, { villages: [0, 1] });
  const group = h.fake.addGroup({ title: `Warga Sukajaya baru ${Math.random().toString(36).slice(2, 6)}`, members: [w.f.admin.id] });
  const link = await prisma().chatLink.create({ data: { forumId: w.f.id, villageId: V(w), telegramChatId: BigInt(group.id), title: group.title ?? "baru", kind: "village_group" } });
  return { topic, linkId: link.id };
}

async function aSentBroadcastHere(w: World) {
  const b = await aBroadcastHere(w);
  const text = "📢 Pengumuman\n\nKerja bakti Minggu pagi\n\n— Perangkat";
  const batch = await h.app.deps.delivery.enqueue({ forumId: w.f.id, ownerKind: "pengumuman", ownerId: b.id, items: [{ chatId: group0(w).id, recipientKey: `v:${V(w)}:g`, payload: { op: "send", method: "sendMessage", params: { text } } }] });
  await h.flush();
  return prisma().broadcast.update({ where: { id: b.id }, data: { state: "done", scheduledAt: null, batchId: batch.batchId, parts: [{ text, entities: [] }] } });
}

async function aCodeHere(w: World) {
  return createInvite(h.app.deps, await actorFor(h, w.u.perangkatHere), { forumId: w.f.id, role: "warga", villageId: V(w) });
}

async function aClaimToVillage0(w: World) {
  const mover = h.fake.addUser({ first_name: "Pindahan" });
  const p = await personFor(h, mover);
  await prisma().membership.create({ data: { personId: p.id, forumId: w.f.id, villageId: V(w, 2), role: "warga" } });
  return prisma().villageClaim.create({ data: { forumId: w.f.id, villageId: V(w), personId: p.id } });
}

async function aMemberToManage(w: World) {
  const u = await w.f.person("mitra", undefined, "Mitra");
  const p = await personFor(h, u);
  const m = await prisma().membership.findFirstOrThrow({ where: { personId: p.id, forumId: w.f.id } });
  return { personId: p.id, membershipId: m.id };
}

// ---------------------------------------------------------------- the table

const rows: Row<any>[] = [
  // ---- the start, help and language (no rights involved, every caller may)
  { kind: "cmd:start@private", what: "menu", allowed: ALL, act: privateCmd("/start") },
  { kind: "cmd:start@group", what: "group greeting", allowed: ALL, act: groupCmd("/start") },
  { kind: "cmd:bantuan@private", what: "help", allowed: ALL, act: privateCmd("/bantuan") },
  { kind: "cmd:bantuan@group", what: "help", allowed: ALL, act: groupCmd("/bantuan") },
  { kind: "cmd:menu@private", what: "menu", allowed: ALL, act: privateCmd("/menu") },
  { kind: "cmd:menu@group", what: "group greeting", allowed: ALL, act: groupCmd("/menu") },
  { kind: "cmd:bahasa@private", what: "language", allowed: ALL, act: privateCmd("/bahasa") },
  { kind: "cb:lang", what: "set language", allowed: ALL, act: priv(() => "lang:id") },
  { kind: "cmd:batal@private", what: "end a flow", allowed: ALL, act: privateCmd("/batal") },

  // ---- forums, villages, codes, groups
  { kind: "cmd:forumbaru@private", what: "create a forum", allowed: [], act: privateCmd("/forumbaru") },
  { kind: "cmd:forum@private", what: "pick forum", allowed: MEMBERS, act: privateCmd("/forum") },
  { kind: "cb:fsel", what: "switch to forum A (a reporter may: their tickets are there)", allowed: ["reporter", ...IN_A], act: priv((w) => `fsel:${w.f.id}`) },
  { kind: "cmd:tambahdesa@private", what: "add villages", allowed: ADMINS, act: privateCmd("/tambahdesa") },
  { kind: "cmd:undang@private", what: "make a kode gabung", allowed: OFFICIALS_ADMINS, act: privateCmd("/undang") },
  { kind: "cmd:kode@private", what: "list open codes", allowed: OFFICIALS_ADMINS, act: privateCmd("/kode") },
  { kind: "cb:kdp", what: "codes page of forum A", allowed: ["perangkatHere", "perangkatOther", "admin"], act: priv((w) => `kdp:${w.f.id}:0`) },
  { kind: "cb:kdx", what: "ask to cancel village 0's code", allowed: HERE, arrange: aCodeHere, act: priv((w, c) => `kdx:${w.f.id}:${c.id}`) },
  { kind: "cb:kdy", what: "cancel village 0's code", allowed: HERE, arrange: aCodeHere, act: priv((w, c) => `kdy:${w.f.id}:${c.id}`) },
  { kind: "cmd:gabung@private", what: "redeem a code made by perangkat of village 1", allowed: ALL.filter((c) => c !== "perangkatOther"),
    arrange: async (w) => createInvite(h.app.deps, await actorFor(h, w.u.perangkatOther), { forumId: w.f.id, role: "warga", villageId: V(w, 1) }),
    act: async (_w, u, c) => say(h, u, `/gabung ${c.code}`) },
  { kind: "cmd:tautkan@private", what: "group link code", allowed: OFFICIALS_ADMINS, act: privateCmd("/tautkan") },
  { kind: "cmd:hubungkan@private", what: "group link code", allowed: OFFICIALS_ADMINS, act: privateCmd("/hubungkan") },
  { kind: "cmd:hubungkan@group", what: "link this group (Telegram group admins only)", allowed: ["admin"], act: groupCmd("/hubungkan") },
  { kind: "cmd:daftar@private", what: "where to register (a hint, no rights)", allowed: ALL, act: privateCmd("/daftar") },
  { kind: "cmd:kodegabung@private", what: "make a kode gabung", allowed: OFFICIALS_ADMINS, act: privateCmd("/kodegabung") },
  { kind: "cmd:istilah@private", what: "the forum's local words", allowed: ADMINS, act: privateCmd("/istilah") },
  { kind: "cb:ist", what: "change forum A's word for its villages", allowed: ["admin"], act: priv((w) => `ist:${w.f.id}:v`) },
  { kind: "cb:prj", what: "set a perangkat's jabatan", allowed: ["admin"], arrange: aMemberToManage, act: priv((w, m) => `prj:${w.f.id}:${m.membershipId}`) },
  { kind: "cmd:daftar@group", what: "link this group (Telegram group admins only)", allowed: ["admin"], act: groupCmd("/daftar") },
  { kind: "cb:gl", what: "link a new group to village 0 (group admins who act for it)", allowed: HERE,
    act: async (w, u) => {
      const g = h.fake.addGroup({ title: "Grup baru", type: "supergroup", admins: [w.u.admin.id, w.u.perangkatHere.id], members: [] });
      const m = await h.app.bot.api.sendMessage(g.id, "·");
      await h.send(h.fake.updates.callback(u, g.id, m.message_id, `gl:${w.f.id}:${V(w)}`));
    } },
  { kind: "cmd:desa@private", what: "village list", allowed: MEMBERS, act: privateCmd("/desa") },
  { kind: "cmd:desa@group", what: "village list", allowed: ALL, act: groupCmd("/desa") },
  { kind: "cmd:desaku@private", what: "claim a village", allowed: MEMBERS, act: privateCmd("/desaku") },
  { kind: "cmd:desaku@group", what: "'I live here' prompt", allowed: ALL, act: groupCmd("/desaku") },
  { kind: "cb:home", what: "claim village 2 of forum A (private)", allowed: IN_A, act: priv((w) => `home:${w.f.id}:${V(w, 2)}`) },
  { kind: "cb:klm", what: "confirm a claim to village 0", allowed: HERE, arrange: aClaimToVillage0, act: priv((w, c) => `klm:${w.f.id}:${c.id}:1`) },
  { kind: "cmd:anggota@private", what: "member list", allowed: OFFICIALS_ADMINS, act: privateCmd("/anggota") },
  { kind: "cb:ang", what: "forum A member page", allowed: ["perangkatHere", "perangkatOther", "admin"], act: priv((w) => `ang:${w.f.id}:0`) },
  { kind: "cmd:peran@private", what: "roles", allowed: ADMINS, act: privateCmd("/peran") },
  { kind: "cb:prl", what: "forum A people page", allowed: ["admin"], act: priv((w) => `prl:${w.f.id}:0`) },
  { kind: "cb:prp", what: "a person's roles", allowed: ["admin"], arrange: aMemberToManage, act: priv((w, m) => `prp:${w.f.id}:${m.personId}`) },
  { kind: "cb:pra", what: "grant moderator", allowed: ["admin"], arrange: aMemberToManage, act: priv((w, m) => `pra:${w.f.id}:${m.personId}:moderator`) },
  { kind: "cb:prv", what: "grant perangkat of village 0", allowed: ["admin"], arrange: aMemberToManage, act: priv((w, m) => `prv:${w.f.id}:${m.personId}:perangkat_desa:${V(w)}`) },
  { kind: "cb:prx", what: "ask to revoke a role", allowed: ["admin"], arrange: aMemberToManage, act: priv((w, m) => `prx:${w.f.id}:${m.membershipId}`) },
  { kind: "cb:pry", what: "revoke a role", allowed: ["admin"], arrange: aMemberToManage, act: priv((w, m) => `pry:${w.f.id}:${m.membershipId}`) },
];


// ---------------------------------------------------------------- the world

async function makeWorld(): Promise<World> {
  const f = await aForum(h, { name: "Forum A" });
  const g = await aForum(h, { name: "Forum B" });
  const stranger = h.fake.addUser({ first_name: "Asing" });
  const reporter = h.fake.addUser({ first_name: "Pelapor" });
  const warga = await f.resident(0, "Warga");
  const perangkatHere = await f.official(0, "PdSini");
  const perangkatOther = await f.official(1, "PdLain");
  const moderator = await f.person("moderator", undefined, "Mod");
  const revoked = await f.official(0, "Mantan");
  for (const u of [stranger, reporter]) await personFor(h, u);
  const w: World = { f, g, u: { stranger, reporter, warga, perangkatHere, perangkatOther, moderator, admin: f.admin, adminOther: g.admin, revoked }, reporterTicket: 0 };
  // The revoked official is still a resident of village 0, but no longer its perangkat.
  const p = await personFor(h, revoked);
  await revokeRole(h.app.deps, await actorFor(h, f.admin), f.id, (await prisma().membership.findFirstOrThrow({ where: { personId: p.id, forumId: f.id } })).id);
  await prisma().membership.create({ data: { personId: p.id, forumId: f.id, villageId: V(w), role: "warga" } });
  w.reporterTicket = (await aTicket(w, reporter)).id;
  // Telegram group admin of village 0's group: the forum admin.
  h.fake.setMember(group0(w).id, f.admin.id, "administrator");
  await h.flush();
  return w;
}

// ---------------------------------------------------------------- observing a cell

/** Static beginnings of every refusal the bot can say (error-* texts and the few others). */
function refusalPrefixes(): RegExp[] {
  const out: RegExp[] = [];
  for (const file of readdirSync(path.join(localesDir, "id"))) {
    const lines = readFileSync(path.join(localesDir, "id", file), "utf8").split("\n");
    lines.forEach((line, i) => {
      const m = line.match(/^([a-z][a-z0-9_-]*) =\s*(.*)$/);
      if (!m || !(m[1]!.startsWith("error-") || EXTRA_REFUSALS.includes(m[1]!))) return;
      // The message's first line as a pattern: placeables match anything, a select ends it.
      let first = (m[2] || lines[i + 1] || "").trim();
      const open = first.search(/\{[^}]*$/);
      if (open >= 0) first = first.slice(0, open);
      const pieces = first.split(/\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      if (pieces.join("").replace(/\s/g, "").length < 8) return;
      out.push(new RegExp(pieces.join(".{0,120}?")));
    });
  }
  return out;
}
// Refusals worded as information: "nothing here for you" where a member would see something.
const EXTRA_REFUSALS = ["group-link-not-admin", "hint-hubungkan-not-official", "group-not-linked", "home-not-in-group", "aspirasi-no-forum", "flow-old-button", "hint-use-in-group", "aspirasi-link-unknown", "musyawarah-checkin-none"];

/**
 * Counts every row written per table (a trigger on each table), so a cell sees what it changed
 * with one small query instead of reading every table.
 */
async function countWrites() {
  const tables = (await h.db.sql.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', '_writes')`)).map((r) => r.tablename);
  await h.db.sql.exec(`
    CREATE TABLE IF NOT EXISTS _writes (t text PRIMARY KEY, n bigint NOT NULL);
    CREATE OR REPLACE FUNCTION _count_write() RETURNS trigger AS $$
    BEGIN
      INSERT INTO _writes VALUES (TG_TABLE_NAME, 1) ON CONFLICT (t) DO UPDATE SET n = _writes.n + 1;
      RETURN NULL;
    END $$ LANGUAGE plpgsql;
    ${tables.map((t) => `DROP TRIGGER IF EXISTS _w ON "${t}"; CREATE TRIGGER _w AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION _count_write();`).join("\n")}
  `);
}

async function fingerprint(): Promise<Map<string, string>> {
  const rows = await h.db.sql.query<{ t: string; n: string | number }>(`SELECT t, n FROM _writes`);
  return new Map(rows.map((r) => [r.t, String(r.n)]));
}

interface Cell {
  allowed: boolean;
  changed: boolean;
  said: string;
}

/** Whether the cell's action started a guided flow (its questions carry the ❌ Batal button). */
let flowStarted = false;
const timing = { fp: 0, act: 0, flush: 0, restore: 0, arrange: 0 };
const lap = async <T>(k: keyof typeof timing, f: () => Promise<T>) => {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    timing[k] += performance.now() - t0;
  }
};

async function observe(w: World, row: Row<any>, caller: Caller, target: unknown, refusals: RegExp[]): Promise<Cell> {
  const u = w.u[caller];
  flowStarted = false;
  const before = await lap("fp", fingerprint);
  const mark = h.fake.calls.length;
  await lap("act", () => row.act(w, u, target));
  const chats = new Set([u.id, group0(w).id, ...(row.group ? [row.group(w)] : [])]);
  const answers: string[] = [];
  for (const c of h.fake.calls.slice(mark)) {
    if (!c.ok) continue;
    if (c.method === "answerCallbackQuery") {
      if (String(c.params.callback_query_id).slice(0, -6) === String(u.id)) answers.push(String(c.params.text ?? ""));
      continue;
    }
    if (c.method === "sendMessage" && JSON.stringify(c.params.reply_markup ?? "").includes("flow:cancel")) flowStarted = true;
    if (!["sendMessage", "sendDocument", "sendPhoto", "sendLocation", "sendVenue", "editMessageText", "editMessageReplyMarkup", "copyMessage", "sendMediaGroup", "editMessageCaption", "deleteMessage", "sendPoll"].includes(c.method)) continue;
    if (!chats.has(Number(c.params.chat_id))) continue;
    answers.push(c.method === "deleteMessage" ? "(deleted a message)" : String(c.params.text ?? c.params.caption ?? `(${c.method})`));
  }
  await lap("flush", () => h.flush());
  const after = await lap("fp", fingerprint);
  // Posting in a group is joining it (a public group): the group door's own writes are not the action's.
  const ignored = row.kind.endsWith("@group") ? ["memberships", "audit_logs"] : [];
  // The outbox worker settles rows in the background: sending is not a change of state by itself.
  ignored.push("deliveries", "delivery_batches");
  const changedTables = [...after].filter(([t, d]) => before.get(t) !== d && !ignored.includes(t)).map(([t]) => t);
  const changed = changedTables.length > 0;
  const meaningful = answers.filter((a) => a.trim() !== "" && a !== "·");
  const refusal = (a: string) => refusals.some((p) => p.test(a));
  const allowed = changed || meaningful.some((a) => !refusal(a));
  const said = (meaningful[0] ?? "(nothing said)").replace(/\s+/g, " ").slice(0, 90);
  return { allowed, changed, said: changed ? `${said} [stored: ${changedTables.join(", ")}]` : said };
}

/** Puts the caller back as they were (a flow ended, a group joined, a code redeemed, …). */
async function restore(w: World, caller: Caller, row: Row<any>, cell: Cell, baseline: Map<number, string>) {
  const u = w.u[caller];
  // A flow the action started would take the caller's next press: end it (not every question
  // carries ❌ Batal, so any private answer that was not a refusal counts).
  if (flowStarted || (cell.allowed && !row.kind.endsWith("@group"))) await h.send(h.fake.updates.text(u, "private", "/batal"));
  if (row.kind.endsWith("@group")) h.fake.setMember(group0(w).id, u.id, (groupStatus.get(u.id) ?? "left") as never);
  if (!cell.changed && !row.kind.endsWith("@group")) return;
  const personId = personIds.get(caller)!;
  const now = await prisma().membership.findMany({ where: { personId }, orderBy: { id: "asc" } });
  if (JSON.stringify(now.map((m) => [m.forumId, m.villageId, m.role])) !== baseline.get(personId)) {
    await prisma().membership.deleteMany({ where: { personId } });
    const want = JSON.parse(baseline.get(personId)!) as Array<[number, number | null, string]>;
    for (const [forumId, villageId, role] of want) await prisma().membership.create({ data: { personId, forumId, villageId, role: role as never } });
  }
}
const personIds = new Map<Caller, number>();
const groupStatus = new Map<number, string>();

// ---------------------------------------------------------------- completeness: every kind has a row

/** Buttons registered with a literal string (not a defineCallback builder), found in the source. */
function rawCallbackKinds(): string[] {
  const files = tsFiles(path.resolve(localesDir, "../src/bot"));
  const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
  const consts = new Map([...text.matchAll(/export const ([A-Z_]+) = "([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const out = new Set<string>();
  for (const m of text.matchAll(/\.callbackQuery\(\s*(?:"([^"]+)"|([A-Z_]+))\s*,/g)) {
    const v = m[1] ?? consts.get(m[2]!);
    if (v && !v.startsWith("menu:")) out.add(v);
  }
  return [...out].sort();
}

/**
 * Other names of a command (/kampung for /desa, /lapor for /aspirasi, …) are checked with the same
 * callers as the command they stand for, unless the table gives them a row of their own.
 */
function aliasRows(base: Row[]): Row[] {
  const out: Row[] = [];
  for (const spec of features.flatMap((f) => f.commands ?? []).filter((c) => c.aliasOf)) {
    for (const scope of spec.scopes) {
      const kind = `cmd:${spec.command}@${scope}`;
      const target = base.find((r) => r.kind === `cmd:${spec.aliasOf}@${scope}`);
      if (!target || base.some((r) => r.kind === kind)) continue;
      const act = scope === "private" ? privateCmd(`/${spec.command}`) : groupCmd(`/${spec.command}`);
      out.push({ ...target, kind, what: `${target.what} (as /${spec.command})`, act });
    }
  }
  return out;
}

function table(): Row[] {
  const base = [...rows, ...moreRows(helpers)];
  return [...base, ...aliasRows(base)];
}

function expectedKinds(): string[] {
  const cmds = features.flatMap((f) => f.commands ?? []).flatMap((c) => c.scopes.map((s) => `cmd:${c.command}@${s}`));
  return [...new Set([...cmds, "cmd:batal@private", ...[...callbackKinds.keys()].map((p) => `cb:${p}`), ...rawCallbackKinds().map((r) => `raw:${r}`)])].sort();
}

// ---------------------------------------------------------------- the test

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

describe("authorization matrix", () => {
  it("has a row for every command and every kind of button", () => {
    const all = table().map((r) => r.kind);
    const dup = all.filter((k, i) => all.indexOf(k) !== i);
    expect(dup, "kinds with two rows").toEqual([]);
    const missing = expectedKinds().filter((k) => !all.includes(k));
    expect(missing, "commands or callback kinds without a row in the authorization matrix").toEqual([]);
  });

  it("docs/visibility.md lists every action with who may do it, as the table says", () => {
    const file = path.resolve(localesDir, "../docs/visibility.md");
    const doc = readFileSync(file, "utf8");
    const start = "<!-- generated: authorization matrix -->";
    const end = "<!-- end generated -->";
    const tbl = table();
    const body = [
      "",
      `| action | what | ${CALLERS.map((c) => SHORT[c]).join(" | ")} |`,
      `| --- | --- | ${CALLERS.map(() => ":-:").join(" | ")} |`,
      ...tbl.map((r) => `| \`${r.kind}\` | ${r.what} | ${CALLERS.map((c) => (r.allowed.includes(c) ? "✓" : "·")).join(" | ")} |`),
      "",
      `Callers: ${CALLERS.map((c) => `${SHORT[c]} = ${CALLER_TEXT[c]}`).join("; ")}.`,
      "",
    ].join("\n");
    const want = doc.slice(0, doc.indexOf(start) + start.length) + body + doc.slice(doc.indexOf(end));
    if (process.env.UPDATE_DOCS) writeFileSync(file, want);
    expect(doc, "docs/visibility.md is out of date: run UPDATE_DOCS=1 npx vitest run tests/bot/authorization-matrix.test.ts").toBe(process.env.UPDATE_DOCS ? doc : want);
  });

  it("every privileged action × every caller is allowed or refused as the table says", { timeout: 900_000 }, async () => {
    await h.reset();
    await countWrites();
    const w = await makeWorld();
    for (const c of CALLERS) groupStatus.set(w.u[c].id, h.fake.chats.get(group0(w).id)!.members.get(w.u[c].id) ?? "left");
    const baseline = new Map<number, string>();
    for (const c of CALLERS) {
      const p = await personFor(h, w.u[c]);
      personIds.set(c, p.id);
      const ms = await prisma().membership.findMany({ where: { personId: p.id }, orderBy: { id: "asc" } });
      baseline.set(p.id, JSON.stringify(ms.map((m) => [m.forumId, m.villageId, m.role])));
    }
    const refusals = refusalPrefixes();
    const all = table();
    const lines: string[] = [];
    const wrong: string[] = [];
    for (const row of all) {
      let target = row.arrange ? await row.arrange(w) : undefined;
      await h.flush();
      const cells: string[] = [];
      for (const caller of CALLERS) {
        const cell = await observe(w, row, caller, target, refusals);
        const expected = row.allowed.includes(caller);
        cells.push(cell.allowed === expected ? (cell.allowed ? "✓" : "·") : cell.allowed ? "!" : "?");
        if (cell.allowed !== expected) wrong.push(`${row.kind} (${row.what}) × ${caller}: expected ${expected ? "allowed" : "refused"}, was ${cell.allowed ? "allowed" : "refused"} — ${cell.said}`);
        // The caller as they were; a target something was done to is made again.
        await lap("restore", () => restore(w, caller, row, cell, baseline));
        if (cell.changed && row.arrange) {
          target = await lap("arrange", () => row.arrange!(w));
          await h.flush();
        }
      }
      lines.push(`${row.kind.padEnd(30)} ${cells.map((c) => c.padEnd(8)).join("")} ${row.what}`);
    }
    const header = `${"".padEnd(30)} ${CALLERS.map((c) => SHORT[c].padEnd(8)).join("")}`;
    const allowedCount = all.reduce((n, r) => n + r.allowed.length, 0);
    console.log(
      [`Authorization matrix: ${all.length} actions × ${CALLERS.length} callers = ${all.length * CALLERS.length} cells, ${allowedCount} allowed, ${all.length * CALLERS.length - allowedCount} refused`,
        "✓ allowed as expected · refused as expected ! allowed but should be refused ? refused but should be allowed", header, ...lines].join("\n"),
    );
    console.log(`time (ms): ${Object.entries(timing).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ")}`);
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});

const helpers: Helpers = {
  privateCmd, groupCmd, priv, grp, pressGroup, V, aTicket, aVoteHere, aMeetingHere, aRelayInGroup0, aTopicWithNewGroup, aBroadcastHere, aSentBroadcastHere, aPost, anAgreement,
  h: () => h,
  sets: { ALL, MEMBERS, MEMBERS_AND_REPORTER, IN_A, OFFICIALS_ADMINS, ADMINS, MODS, HERE, IN_GROUP0 },
};

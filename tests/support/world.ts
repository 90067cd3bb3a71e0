import type { Chat, User } from "grammy/types";
import type { Role } from "../../src/generated/prisma/enums.js";
import type { Harness } from "./harness.js";
import { versionString } from "../../src/domain/privasi/consent.js";

export interface VillageFixture {
  id: number;
  name: string;
  shortCode: string;
  /** Key of the village's public aspirasi link (t.me/<bot>?start=aspirasi_<key>). */
  reportKey: string;
  group: Chat;
}

export interface ForumFixture {
  id: number;
  name: string;
  admin: User;
  villages: VillageFixture[];
  /** A new Telegram user holding `role` (village-bound roles take a village index). */
  person(role: Role, village?: number, name?: string): Promise<User>;
  official(village: number, name?: string): Promise<User>;
  resident(village: number, name?: string): Promise<User>;
}

let seq = 0;

/**
 * Arranges a forum straight in the database (fast), with one linked Telegram group per village
 * that the fake knows about. Behaviour under test is then driven through updates.
 */
export async function aForum(
  h: Harness,
  opts: { name?: string; villages?: string[] | number; timezone?: string; admin?: User; groupType?: "group" | "supergroup" } = {},
): Promise<ForumFixture> {
  const prisma = h.app.deps.prisma;
  const n = ++seq;
  const names =
    typeof opts.villages === "number"
      ? Array.from({ length: opts.villages }, (_, i) => `Desa${n}x${i + 1}`)
      : (opts.villages ?? ["Sukajaya", "Sidorejo", "Bangunrejo", "Tanjung Jaya", "Mulyo Asri"]);
  const admin = opts.admin ?? h.fake.addUser({ first_name: `Admin${n}`, username: `admin${n}` });
  const forum = await prisma.forum.create({ data: { name: opts.name ?? `Forum Kecamatan ${n}`, timezone: opts.timezone ?? "Asia/Jakarta" } });
  const adminPerson = await personFor(h, admin);
  await prisma.membership.create({ data: { personId: adminPerson.id, forumId: forum.id, role: "admin_forum" } });
  const villages: VillageFixture[] = [];
  for (const [i, name] of names.entries()) {
    const v = await prisma.village.create({
      data: { forumId: forum.id, name, shortCode: `${name.replace(/[^A-Za-z]/g, "").slice(0, 2).toUpperCase()}${n}${i}`, reportKey: `RK${n}X${i}${"ABCDEFGH".slice(0, 6)}` },
    });
    const group = h.fake.addGroup({ title: `Warga ${name}`, type: opts.groupType ?? "supergroup", admins: [], members: [admin.id] });
    await prisma.chatLink.create({ data: { forumId: forum.id, villageId: v.id, telegramChatId: BigInt(group.id), title: group.title ?? name, kind: "village_group" } });
    villages.push({ id: v.id, name, shortCode: v.shortCode, reportKey: v.reportKey!, group });
  }
  const person = async (role: Role, village?: number, name?: string) => {
    const u = h.fake.addUser({ first_name: name ?? `${role}${++seq}`, username: `${role.replace("_", "")}${seq}` });
    const p = await personFor(h, u);
    const villageId = village === undefined ? null : villages[village]!.id;
    await prisma.membership.create({ data: { personId: p.id, forumId: forum.id, role, villageId } });
    if (village !== undefined) h.fake.setMember(villages[village]!.group.id, u.id, "member");
    return u;
  };
  return {
    id: forum.id,
    name: forum.name,
    admin,
    villages,
    person,
    official: (v, name) => person("perangkat_desa", v, name),
    resident: (v, name) => person("warga", v, name),
  };
}

/** What a persona who agreed to the privacy notice has on their row (src/domain/privasi/consent.ts). */
export function consented(u: User, at: Date) {
  return { firstName: u.first_name, lastName: u.last_name ?? null, username: u.username ?? null, privacyConsent: "given", privacyVersion: versionString([]), privacyAnsweredAt: at };
}

/**
 * The person row for a fake user, as if they had opened a private chat with the bot and agreed to
 * the privacy notice (tests of the notice itself send updates with h.send instead).
 */
export async function personFor(h: Harness, u: User) {
  h.fake.userStartedBot(u.id);
  return h.app.deps.prisma.person.upsert({
    where: { telegramUserId: BigInt(u.id) },
    create: { telegramUserId: BigInt(u.id), canMessage: true, ...consented(u, h.clock.now()) },
    update: {},
  });
}

/** Makes sure the user has agreed to the privacy notice (a persona of the tests always has). */
export async function ensureConsent(h: Harness, u: User) {
  const prisma = h.app.deps.prisma;
  const p = await prisma.person.findUnique({ where: { telegramUserId: BigInt(u.id) }, select: { privacyConsent: true } });
  if (!p) await prisma.person.create({ data: { telegramUserId: BigInt(u.id), canMessage: true, ...consented(u, h.clock.now()) } });
  else if (p.privacyConsent !== "given") await prisma.person.update({ where: { telegramUserId: BigInt(u.id) }, data: consented(u, h.clock.now()) });
}

/** Text of the last message the bot sent to a chat. */
export function lastText(h: Harness, chatId: number): string {
  const m = h.fake.sent(chatId).filter((x) => !x.deleted).at(-1);
  return (m?.text ?? m?.caption ?? "") as string;
}

/** Every text the bot sent to a chat, in order. */
export function texts(h: Harness, chatId: number): string[] {
  return h.fake.sent(chatId).map((m) => (m.text ?? m.caption ?? "") as string);
}

/** The inline keyboard of the last bot message in a chat, flattened. */
export function buttons(h: Harness, chatId: number, index = -1): Array<{ text: string; data?: string; url?: string }> {
  const m = h.fake.sent(chatId).filter((x) => !x.deleted).at(index);
  const kb = (m?.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string; url?: string }>> } | undefined)?.inline_keyboard ?? [];
  return kb.flat().map((b) => ({ text: b.text, data: b.callback_data, url: b.url }));
}

/** Presses the button whose label contains `label` on the last bot message in the chat. */
export async function press(h: Harness, user: User, chat: Chat | number, label: string | RegExp) {
  const chatId = typeof chat === "number" ? chat : chat.id;
  const msgs = h.fake.sent(chatId).filter((x) => !x.deleted);
  for (let i = msgs.length - 1; i >= 0; i--) {
    const m = msgs[i]!;
    const kb = (m.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    const b = kb.flat().find((x) => (typeof label === "string" ? x.text.includes(label) : label.test(x.text)) && x.callback_data);
    if (b) {
      await h.send(h.fake.updates.callback(user, typeof chat === "number" ? chat : chat, m.message_id, b.callback_data!));
      return;
    }
  }
  throw new Error(`no button "${String(label)}" in chat ${chatId}; last texts: ${texts(h, chatId).slice(-3).join(" | ")}`);
}

/** A private chat message from `user` (a persona who has agreed to the privacy notice). */
export async function say(h: Harness, user: User, text: string) {
  h.fake.userStartedBot(user.id);
  await ensureConsent(h, user);
  await h.send(h.fake.updates.text(user, "private", text));
}

export function privateChatId(user: User) {
  return user.id;
}

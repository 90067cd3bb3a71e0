import type { User } from "grammy/types";
import type { Harness } from "./harness.js";
import { ensureConsent, type ForumFixture } from "./world.js";
import { loadAccess } from "../../src/domain/forum/people.js";
import { createQuickPoll, createVote } from "../../src/domain/voting/index.js";
import type { VoteDraft } from "../../src/domain/voting/index.js";
import { createRenderer } from "../../src/bot/features/voting/render.js";

export async function actorFor(h: Harness, u: User) {
  const prisma = h.app.deps.prisma;
  const p = await prisma.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(u.id) } });
  return { personId: p.id, access: await loadAccess(prisma, p.id, false) };
}

/**
 * A vote created straight through the domain by the forum's admin (or `by`), its cards sent to
 * the groups. Defaults: terbuka, one answer, per orang, group members, closes in 1 day.
 */
export async function aVote(h: Harness, f: ForumFixture, opts: Partial<VoteDraft> & { villages?: number[]; by?: User } = {}) {
  const villageIds = (opts.villages ?? [0, 1, 2]).map((i) => f.villages[i]!.id);
  const draft: VoteDraft = {
    forumId: f.id,
    question: opts.question ?? "Setujukah pasar desa bersama di Sukajaya?",
    options: opts.options ?? ["Setuju", "Tidak setuju"],
    multiple: opts.multiple ?? false,
    ballot: opts.ballot ?? "terbuka",
    counting: opts.counting ?? "per_orang",
    eligibility: opts.eligibility ?? "anggota_grup",
    villageIds: opts.villageIds ?? villageIds,
    closesAt: opts.closesAt === undefined ? new Date(h.clock.now().getTime() + 24 * 3600_000) : opts.closesAt,
    quorum: opts.quorum ?? null,
    reminderMinutes: opts.reminderMinutes ?? [],
  };
  const r = await createVote(h.app.deps, await actorFor(h, opts.by ?? f.admin), draft, createRenderer());
  await h.flush();
  return r.vote;
}

export async function aQuickPoll(h: Harness, f: ForumFixture, opts: { villages?: number[]; options?: string[]; closesInMs?: number } = {}) {
  const r = await createQuickPoll(h.app.deps, await actorFor(h, f.admin), {
    forumId: f.id,
    question: "Kapan kerja bakti bersama sebaiknya diadakan?",
    options: opts.options ?? ["Sabtu pagi", "Minggu pagi", "Minggu sore"],
    multiple: false,
    villageIds: (opts.villages ?? [0, 1, 2]).map((i) => f.villages[i]!.id),
    closesAt: new Date(h.clock.now().getTime() + (opts.closesInMs ?? 2 * 3600_000)),
  });
  return r.vote;
}

/** A Telegram user who is only a member of the given village groups (not registered anywhere). */
export function groupMember(h: Harness, f: ForumFixture, villages: number[], name = "Warga") {
  const u = h.fake.addUser({ first_name: name });
  for (const i of villages) h.fake.setMember(f.villages[i]!.group.id, u.id, "member");
  return u;
}

/** The bot's card of a vote in a group chat, found through the outbox row that sent it. */
export async function cardIn(h: Harness, chatId: number, voteId: number) {
  const row = await h.app.deps.prisma.delivery.findFirst({ where: { ownerKind: "vote", ownerId: String(voteId), chatId: BigInt(chatId), state: "sent" } });
  return row?.telegramMessageId ? h.fake.message(chatId, row.telegramMessageId) : undefined;
}

/** Presses a callback button (by its data) on the vote's card in a group. */
export async function pressData(h: Harness, user: User, chatId: number, messageId: number, data: string) {
  await h.send(h.fake.updates.callback(user, chatId, messageId, data));
}

/** Presses option `opt` on a terbuka card in `chatId`. */
export async function voteIn(h: Harness, user: User, chatId: number, voteId: number, opt: number) {
  const card = await cardIn(h, chatId, voteId);
  if (!card) throw new Error(`no card of vote ${voteId} in chat ${chatId}`);
  await pressData(h, user, chatId, card.message_id, `vt:${voteId}:${opt}`);
}

/** Text of the last answer to a callback query `user` made. */
export function lastAnswer(h: Harness, user?: User): string {
  const calls = h.fake.callsTo("answerCallbackQuery");
  // Callback query ids of the fake are the user's id followed by six digits.
  const mine = user ? calls.filter((c) => String(c.params.callback_query_id).slice(0, -6) === String(user.id)) : calls;
  const a = mine.at(-1)?.params ?? {};
  return String(a.text ?? a.url ?? "");
}

/** Presses a private-chat button whose label matches on the last bot message that has it. */
export async function pressPrivate(h: Harness, user: User, label: string | RegExp) {
  const msgs = h.fake.sent(user.id).filter((x) => !x.deleted);
  for (let i = msgs.length - 1; i >= 0; i--) {
    const m = msgs[i]!;
    const kb = (m.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    const b = kb.flat().find((x) => (typeof label === "string" ? x.text.includes(label) : label.test(x.text)) && x.callback_data);
    if (b) return h.send(h.fake.updates.callback(user, user.id, m.message_id, b.callback_data!));
  }
  throw new Error(`no button ${String(label)} in ${user.id}`);
}

/** Width and height from a PNG's IHDR chunk (throws if the bytes are not a PNG). */
export function pngSize(bytes: Buffer) {
  const sig = bytes.subarray(0, 8).toString("hex");
  if (sig !== "89504e470d0a1a0a") throw new Error("not a PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export async function voteRows(h: Harness, voteId: number) {
  const prisma = h.app.deps.prisma;
  return {
    vote: await prisma.vote.findUniqueOrThrow({ where: { id: voteId } }),
    participations: await prisma.voteParticipation.findMany({ where: { voteId }, orderBy: { id: "asc" } }),
    tallies: await prisma.voteTally.findMany({ where: { voteId } }),
  };
}

/**
 * A new member of a village group casts a rahasia ballot through the bot: the deep link from the
 * group card opens the private ballot, they tick `labels` and send it.
 */
export async function secretBallot(h: Harness, f: ForumFixture, village: number, voteId: number, labels: string[], name = "Pemilih") {
  const u = groupMember(h, f, [village], name);
  h.fake.userStartedBot(u.id);
  await ensureConsent(h, u);
  await h.send(h.fake.updates.text(u, "private", `/start vb_${voteId}_${f.villages[village]!.id}`));
  for (const label of labels) await pressPrivate(h, u, label);
  await pressPrivate(h, u, "Kirim suara");
  return u;
}

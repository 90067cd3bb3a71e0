import type { User } from "grammy/types";
import { expect } from "vitest";
import type { Harness } from "./harness.js";
import { lastText, press, say, type ForumFixture } from "./world.js";
import { loadAccess } from "../../src/domain/forum/people.js";
import { createMeeting } from "../../src/domain/musyawarah/service.js";
import { emptyAudience, type Audience, type MeetingInput } from "../../src/domain/musyawarah/types.js";
import { meetingDepsOf } from "../../src/bot/features/musyawarah/deps.js";

export const HOUR = 3600_000;
export const MIN = 60_000;

/** The person row and rights of a fake user (as the bot would load them). */
export async function actorFor(h: Harness, u: User) {
  const person = await h.app.deps.prisma.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(u.id) } });
  return { personId: person.id, access: await loadAccess(h.app.deps.prisma, person.id, false) };
}

export async function personId(h: Harness, u: User) {
  return (await h.app.deps.prisma.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(u.id) } })).id;
}

/**
 * Arranges a meeting through the domain service (fast), as `organiser` would create it; the
 * behaviour under test is then driven through updates. Starts a day after the clock by default.
 */
export async function aMeeting(
  h: Harness,
  f: ForumFixture,
  opts: Partial<Omit<MeetingInput, "audience">> & { organiser?: User; audience?: Partial<Audience> } = {},
) {
  const organiser = opts.organiser ?? f.admin;
  const now = h.clock.now();
  const r = await createMeeting(meetingDepsOf(h.app.deps), await actorFor(h, organiser), {
    forumId: f.id,
    kind: opts.kind ?? "musdes",
    title: opts.title ?? "Penetapan RKP Desa 2027",
    agenda: opts.agenda ?? ["Pembukaan", "Pembahasan usulan", "Penetapan"],
    startsAt: opts.startsAt ?? new Date(now.getTime() + 26 * HOUR),
    durationMinutes: opts.durationMinutes ?? 120,
    place: opts.place === undefined ? "Balai Desa Sukajaya" : opts.place,
    latitude: opts.latitude,
    longitude: opts.longitude,
    audience: { ...emptyAudience(), ...(opts.audience ?? { groups: [f.villages[0]!.id] }) },
    rsvpDeadline: opts.rsvpDeadline,
    quorumRule: opts.quorumRule,
    reminderMinutes: opts.reminderMinutes,
    recurrence: opts.recurrence,
    villageId: opts.villageId,
  });
  return r.id;
}

/** The invitation copy (text message with buttons) the bot sent to a chat for a meeting. */
export function invitationIn(h: Harness, chatId: number, meetingId: number) {
  return h.fake
    .sent(chatId)
    .filter((m) => !m.deleted)
    .find((m) => JSON.stringify(m.reply_markup ?? {}).includes(`"mr:${meetingId}:y"`) || JSON.stringify(m.reply_markup ?? {}).includes(`"mc:${meetingId}"`));
}

/** Presses a button with the given callback data on a given message. */
export async function pressData(h: Harness, user: User, chatId: number, messageId: number, data: string) {
  await h.send(h.fake.updates.callback(user, chatId, messageId, data));
  return h.fake.callsTo("answerCallbackQuery").at(-1)?.params as { text?: string; show_alert?: boolean; url?: string } | undefined;
}

/** The .ics documents sent to a chat, decoded. */
export function icsSent(h: Harness, chatId: number): string[] {
  // The queue uploads a batch's file once; later copies reuse the file_id Telegram returned.
  return h.fake
    .callsTo("sendDocument")
    .filter((c) => c.ok && Number(c.params.chat_id) === chatId)
    .map((c) => {
      const uploaded = Object.values(c.files).find((f) => f.filename.endsWith(".ics"));
      if (uploaded) return uploaded.bytes.toString("utf8");
      const byId = typeof c.params.document === "string" ? h.fake.files.get(c.params.document) : undefined;
      return byId?.file_name?.endsWith(".ics") ? h.fake.fileBytes(byId.file_id)?.toString("utf8") : undefined;
    })
    .filter((x): x is string => x !== undefined);
}

/**
 * Walks the /musyawarah flow with buttons and typed answers, the way an organiser would.
 * `when` is typed; the rest uses defaults unless given.
 */
export async function createViaBot(
  h: Harness,
  f: ForumFixture,
  user: User,
  o: { kind?: string; title?: string; agenda?: string; when: string; duration?: string; place?: string; audience?: string[]; villages?: string[]; settings?: (u: User) => Promise<void> },
) {
  const chat = user.id;
  await say(h, user, "/musyawarah");
  await press(h, user, chat, "Buat undangan baru");
  await press(h, user, chat, o.kind ?? "Musyawarah Desa");
  await say(h, user, o.title ?? "Penetapan RKP Desa 2027");
  await say(h, user, o.agenda ?? "Pembukaan\nPembahasan usulan prioritas\nPenetapan hasil");
  await say(h, user, o.when);
  expect(lastText(h, chat)).toContain("Sudah benar?");
  await press(h, user, chat, "Benar");
  await press(h, user, chat, o.duration ?? "2 jam");
  await say(h, user, o.place ?? "Balai Desa Sukajaya");
  await press(h, user, chat, "Lewati");
  for (const a of o.audience ?? ["Grup warga desa"]) await press(h, user, chat, a);
  await press(h, user, chat, "Lanjut");
  if (o.villages) {
    for (const v of o.villages) await press(h, user, chat, v);
    await press(h, user, chat, "Lanjut");
  }
  if (o.settings) await o.settings(user);
  await press(h, user, chat, "Kirim undangan");
}

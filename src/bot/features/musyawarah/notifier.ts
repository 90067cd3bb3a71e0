import type { Deps } from "../../../deps.js";
import type { EnqueueItem, Payload } from "../../../delivery/types.js";
import type { MeetingNotifier } from "../../../domain/musyawarah/notify.js";
import type { Db } from "../../../domain/musyawarah/repo.js";
import type { Attendance, MeetingView, Recipients } from "../../../domain/musyawarah/types.js";
import {
  cancelledText,
  endedKeyboard,
  endedText,
  icsFile,
  invitationKeyboard,
  invitationText,
  langOf,
  liveKeyboard,
  liveText,
  minutesText,
  quorumLine,
  reminderText,
  rescheduledText,
  tFor,
  type Personal,
  type T,
} from "./render.js";
import { escapeHtml } from "../../lib/replies.js";
import { beritaAcaraFilename, buildBeritaAcara } from "./berita-acara.js";
import { officialsGroupFor } from "../../../domain/forum/upkeep.js";
import type { InlineKeyboardMarkup } from "grammy/types";

/** Owner kinds of the delivery rows of a meeting (ownerId = meeting id). */
export const OWNER = {
  invite: "meeting.invite",
  ics: "meeting.ics",
  reminder: "meeting.reminder",
  notice: "meeting.notice",
  minutes: "meeting.minutes",
  live: "meeting.live",
  organiser: "meeting.organiser",
} as const;


function message(text: string, keyboard?: InlineKeyboardMarkup): Payload {
  return {
    op: "send",
    method: "sendMessage",
    params: { text, parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) },
  };
}

function edit(messageId: number, text: string, keyboard?: InlineKeyboardMarkup): Payload {
  return {
    op: "edit",
    method: "editMessageText",
    messageId,
    params: { text, parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) },
  };
}

function calendarFile(t: T, language: string, m: MeetingView, now: Date): Payload {
  const lang = langOf(language);
  const file = icsFile(t, lang, m, now);
  // One file per language: the queue uploads a file once per batch and file name.
  if (lang === "en") file.filename = file.filename.replace(/^musyawarah-/, "meeting-");
  const key = m.status === "cancelled" ? "musyawarah-ics-cancel-caption" : "musyawarah-ics-caption";
  return { op: "send", method: "sendDocument", params: { caption: t(key, { title: escapeHtml(m.title) }), parse_mode: "HTML" }, files: { document: file } };
}

const groupKey = (villageId: number | null) => `group:${villageId ?? 0}`;
const personKey = (personId: number) => `person:${personId}`;

/**
 * Renders meeting messages and puts them on the delivery queue inside the caller's transaction.
 * Group copies are in Indonesian; private copies in each person's language.
 */
export function createMeetingNotifier(deps: Pick<Deps, "delivery">): MeetingNotifier {
  const enqueue = async (tx: Db, ownerKind: string, m: MeetingView, items: EnqueueItem[]) => {
    if (items.length) await deps.delivery.enqueue({ forumId: m.forumId, ownerKind, ownerId: m.id, items }, tx);
  };

  /** Builds one item per group and per person, each in its own language and the forum's words. */
  const fanOut = (to: Recipients, build: (t: T, language: string, personal: Personal | null) => Payload | null, m: Pick<MeetingView, "terms">): EnqueueItem[] => {
    const items: EnqueueItem[] = [];
    const groupT = tFor("id", m.terms);
    for (const g of to.groups) {
      const p = build(groupT, "id", null);
      if (p) items.push({ chatId: g.chatId, recipientKey: groupKey(g.villageId), payload: p });
    }
    for (const person of to.persons) {
      const p = build(tFor(person.language, m.terms), person.language, { rsvp: person.rsvp, delegateName: null });
      if (p) items.push({ chatId: person.chatId, recipientKey: personKey(person.personId), payload: p });
    }
    return items;
  };

  const toOrganiser = async (tx: Db, m: MeetingView, ownerKind: string, build: (t: T) => Payload) => {
    const o = await tx.person.findUnique({ where: { id: m.organizerId }, select: { telegramUserId: true, language: true, canMessage: true } });
    if (!o?.canMessage) return;
    await enqueue(tx, ownerKind, m, [{ chatId: o.telegramUserId, recipientKey: personKey(m.organizerId), payload: build(tFor(o.language, m.terms)) }]);
  };

  return {
    async invitations(tx, m, to, att, now) {
      await enqueue(
        tx,
        OWNER.invite,
        m,
        fanOut(to, (t, language, personal) => message(invitationText(t, langOf(language), m, att, now, personal), invitationKeyboard(t, m, now)), m),
      );
      await enqueue(tx, OWNER.ics, m, fanOut(to, (t, language) => calendarFile(t, language, m, now), m));
    },

    async reminder(tx, m, to, info) {
      await enqueue(
        tx,
        OWNER.reminder,
        m,
        fanOut(to, (t, language, personal) => message(reminderText(t, langOf(language), m, info, personal), invitationKeyboard(t, m, info.now)), m),
      );
    },

    async rescheduled(tx, m, to, info) {
      await enqueue(
        tx,
        OWNER.notice,
        m,
        fanOut(to, (t, language) => message(rescheduledText(t, langOf(language), m, info), invitationKeyboard(t, m, info.now)), m),
      );
      await enqueue(tx, OWNER.ics, m, fanOut(to, (t, language) => calendarFile(t, language, m, info.now), m));
    },

    async cancelled(tx, m, to, now) {
      await enqueue(tx, OWNER.notice, m, fanOut(to, (t, language) => message(cancelledText(t, langOf(language), m)), m));
      await enqueue(tx, OWNER.ics, m, fanOut(to, (t, language) => calendarFile(t, language, m, now), m));
    },

    async minutes(tx, m, to, att) {
      // One PDF for everyone (an official document, in Indonesian), uploaded once per batch.
      const pdf = await buildBeritaAcara(m, att);
      const file = { base64: pdf.toString("base64"), filename: beritaAcaraFilename(m) };
      const present = att.counts.checkedIn;
      await enqueue(
        tx,
        OWNER.minutes,
        m,
        fanOut(
          to,
          (t, language) => ({
            op: "send",
            method: "sendDocument",
            params: { caption: minutesText(t, langOf(language), m, { caption: true, present }), parse_mode: "HTML" },
            files: { document: file },
          }),
          m,
        ),
      );
      // The signed paper the organiser uploaded, if any, follows its PDF.
      if (m.minutesFileId) {
        await enqueue(
          tx,
          OWNER.minutes,
          m,
          fanOut(to, (t) => ({ op: "send", method: "sendDocument", params: { document: m.minutesFileId!, caption: t("musyawarah-minutes-file-caption") } }), m),
        );
      }
    },

    async refresh(tx, m, att, now) {
      const copies = await tx.delivery.findMany({
        where: { ownerKind: { in: [OWNER.invite, OWNER.live] }, ownerId: String(m.id), state: "sent", telegramMessageId: { not: null } },
        select: { ownerKind: true, chatId: true, recipientKey: true, telegramMessageId: true },
        orderBy: { id: "asc" },
      });
      if (copies.length === 0) return;
      const personIds = copies.map((c) => /^person:(\d+)$/.exec(c.recipientKey ?? "")?.[1]).filter((x): x is string => !!x).map(Number);
      const people = await tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true, language: true } });
      const language = new Map(people.map((p) => [p.id, p.language]));
      const rows = new Map(att.rows.map((r) => [r.personId, r]));
      const items: EnqueueItem[] = copies.map((c) => {
        const personId = Number(/^person:(\d+)$/.exec(c.recipientKey ?? "")?.[1] ?? 0);
        const lang = personId ? (language.get(personId) ?? "id") : "id";
        const t = tFor(lang, m.terms);
        if (c.ownerKind === OWNER.live) return { chatId: c.chatId, recipientKey: c.recipientKey ?? undefined, payload: edit(c.telegramMessageId!, liveText(t, m, att), liveKeyboard(t, m)) };
        const row = personId ? rows.get(personId) : undefined;
        const personal = row ? { rsvp: row.rsvp, delegateName: row.delegateName } : null;
        return {
          chatId: c.chatId,
          recipientKey: c.recipientKey ?? undefined,
          payload: edit(c.telegramMessageId!, invitationText(t, langOf(lang), m, att, now, personal), invitationKeyboard(t, m, now)),
        };
      });
      await deps.delivery.enqueue({ forumId: m.forumId, ownerKind: `${OWNER.invite}#edit`, ownerId: m.id, items }, tx);
    },

    async checkInOpened(tx, m, att) {
      await toOrganiser(tx, m, OWNER.live, (t) => message(liveText(t, m, att), liveKeyboard(t, m)));
    },

    async quorumReached(tx, m, att) {
      const build = (t: T) => message(t("musyawarah-quorum-notice", { title: escapeHtml(m.title), line: quorumLine(t, att.quorum) }));
      // The forum may route quorum notices to its officials' group instead of the organiser.
      const group = await officialsGroupFor(tx, m.forumId, "quorum");
      if (group) return enqueue(tx, OWNER.organiser, m, [{ chatId: group.chatId, recipientKey: "officials-group", payload: build(tFor("id", m.terms)) }]);
      await toOrganiser(tx, m, OWNER.organiser, build);
    },

    async ended(tx, m, att: Attendance) {
      await toOrganiser(tx, m, OWNER.organiser, (t) => message(endedText(t, m, att), endedKeyboard(t, m)));
    },
  };
}

import { defineCallback } from "../../lib/callback.js";

/** Answer buttons on an invitation: a = y (Hadir) | n (Tidak hadir) | d (Diwakilkan). */
export const rsvpCb = defineCallback("mr", ["meeting", "a"] as const);
/** "📝 Isi daftar hadir". */
export const checkInCb = defineCallback("mc", ["meeting"] as const);
/** "✍️ Tulis nama wakil" (private chat). */
export const delegateCb = defineCallback("mw", ["meeting"] as const);
/** Shows an invitation privately (from /jadwal). */
export const viewCb = defineCallback("mv", ["meeting"] as const);
/** Organiser actions on one meeting. */
export const manageCb = defineCallback("mm", ["meeting", "act"] as const);
/** Organiser marks an invitee present / not present, on a page of the list. */
export const markCb = defineCallback("mp", ["meeting", "invitee", "page"] as const);
/** A page of the mark-present list. */
export const markPageCb = defineCallback("mq", ["meeting", "page"] as const);
/** A page of the organiser's list of meetings. */
export const listCb = defineCallback("ml", ["page"] as const);

export const ANSWER_CODES = { y: "yes", n: "no", d: "delegate" } as const;
export type AnswerCode = keyof typeof ANSWER_CODES;

export const MANAGE_ACTIONS = ["v", "mark", "resched", "cancel", "open", "close", "minutes", "export", "stop", "qr"] as const;

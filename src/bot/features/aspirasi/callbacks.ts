import { defineCallback } from "../../lib/callback.js";

// Typed callback data for aspirasi buttons: ids and small enums only; the server re-checks rights.

/** Official action on a ticket: v(erify) p(roses) s(elesai) t(olak) f(teruskan) b(alas), at a version. */
export const actCb = defineCallback("asa", ["id", "act", "ver"] as const);
/** Official detail view. */
export const detailCb = defineCallback("asd", ["id"] as const);
/** Photos and location of a ticket, sent to the official who asks. */
export const mediaCb = defineCallback("asv", ["id"] as const);
/** Reporter action: c(onfirm) o(reopen) b(alas) d(etail). */
export const reporterCb = defineCallback("asr", ["id", "act"] as const);
/** /aspirasiku pages. */
export const minePageCb = defineCallback("asm", ["forum", "page"] as const);
/** /aspirasi_masuk list: status index, category index ("-" = any), overdue 0/1, page. */
export const incomingCb = defineCallback("asl", ["forum", "st", "cat", "od", "page"] as const);
/** /aspirasi_masuk filter pickers: which = s(tatus) | k(ategori). */
export const filterCb = defineCallback("asf", ["forum", "st", "cat", "od", "which"] as const);
/** Public list pages: village 0 = every village. */
export const publicPageCb = defineCallback("asp", ["forum", "village", "page"] as const);
/** Dukung from the public list (the list is redrawn at that village and page). */
export const supportCb = defineCallback("ask", ["forum", "id", "village", "page"] as const);
/** QR poster for a village. */
export const qrCb = defineCallback("asq", ["forum", "village"] as const);
/** Settings: which = t(enggat) | k(ategori). */
export const settingsCb = defineCallback("ast", ["forum", "which"] as const);

export const ACTION_CODES = { v: "verify", p: "process", s: "resolve", t: "reject", f: "forward" } as const;

import { defineCallback } from "../../lib/callback.js";

// Ids and small enums only: every press is checked again on the server.
export const profileCb = defineCallback("bpv", ["village", "act"] as const); // act: v view, e edit, h history, u upload, t template
export const profilePickCb = defineCallback("bpp", ["village"] as const);
export const bursaMenuCb = defineCallback("bm", ["act", "page"] as const); // act: n need, o offer, mine, newn, newo
export const postCb = defineCallback("bp", ["post", "act"] as const); // act: v view, s done, x withdraw
export const interestCb = defineCallback("bi", ["match", "side"] as const); // side: n | o
export const mediatorCb = defineCallback("bd", ["act", "id"] as const); // act: m match, t topic, tc topic confirm, a ask-all, ac confirm, mad, ks agreement
export const agreementCb = defineCallback("bk", ["id", "act"] as const); // act: v view, s status menu, d document, e evaluation, f file
export const agreementStatusCb = defineCallback("bks", ["id", "status"] as const);
export const agreementListCb = defineCallback("bkl", ["page"] as const);
export const matchCb = defineCallback("bx", ["match"] as const);

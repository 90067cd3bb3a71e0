import { defineCallback } from "../../lib/callback.js";

/** A press on an option of a terbuka vote's group card. */
export const voteOptionCb = defineCallback("vt", ["vote", "opt"] as const);
/** "Beri suara" on a rahasia vote's group card: the ballot comes in the private chat. */
export const voteSecretCb = defineCallback("vs", ["vote"] as const);
/** Per-village breakdown. */
export const voteVillagesCb = defineCallback("vv", ["vote"] as const);
/** A private ballot: `mask` holds the selection (in the person's own chat only), `act` an option or s/c. */
export const ballotCb = defineCallback("vb", ["vote", "village", "mask", "act"] as const);
/** "Beri suara" in a reminder: opens a private ballot for that village. */
export const openBallotCb = defineCallback("vo", ["vote", "village"] as const);
/** Organiser actions: d detail, x close?, X close!, e extend, c csv, s xlsx. */
export const manageCb = defineCallback("vm", ["vote", "act"] as const);
export const extendCb = defineCallback("ve", ["vote", "hours"] as const);
export const listCb = defineCallback("vl", ["page"] as const);
export const NEW_VOTE = "vote:new";
export const NEW_QUICK = "vote:quick";

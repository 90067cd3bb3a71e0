// Pusat data desa and bursa kerja sama (see docs at the top of each file).
export * from "./types.js";
export * from "./fields.js";
export * from "./profile.js";
export * from "./template.js";
export * from "./posts.js";
export * from "./mediator.js";
export * from "./agreements.js";
export { analyze, scorePair, commodityMatches, MATCH_THRESHOLD } from "./matcher.js";
export { CATEGORIES, type Category } from "./lexicon.js";
export { parsePeriod } from "./period.js";

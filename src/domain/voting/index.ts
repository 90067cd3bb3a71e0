/** Voting across villages: the domain's public surface (no grammY; typed errors). */
export * from "./types.js";
export * from "./tally.js";
export * from "./input.js";
export { canManage, liveCounts, mapLimit, type VotingDeps } from "./store.js";
export * from "./ballots.js";
export * from "./service.js";
export * from "./jobs.js";
export * from "./publish.js";

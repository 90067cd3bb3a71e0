// Forum antar desa: topics relayed across village groups (see docs in relay.ts and pacing.ts).
export * from "./types.js";
export * from "./text.js";
export * from "./content.js";
export * from "./pacing.js";
export { resolveAnswered, relayIncoming, relayAlbum, ALBUM_GATHER_MS, type AlbumPart, flushChat, flushJob, flushesSettled, applyEdit, removeRelayed, EDIT_SPACING_MS, type RelayOutcome, type EditOutcome, type MutedOutcome, type IncomingMessage, type Answered } from "./relay.js";
export * from "./topics.js";
export * from "./moderation.js";
export * from "./transcript.js";

// Telegram Bot API emulator: the strict fake the tests use, and the local Telegram of `npm run sim`.
//   const fake = await FakeTelegram.start();              // http://127.0.0.1:<port>
//   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
//   const ani = fake.addUser({ first_name: "Ani" });
//   await bot.handleUpdate(fake.updates.command(ani, "private", "start"));
//   expect(fake.sent(ani.id).at(-1)?.text).toContain("Selamat datang");
// Strict like the real API: spec-validated params, parse_mode checks, length limits,
// chat access (kicked/blocked/not started/migrated), not-modified edits, privacy mode.
export { FakeTelegram, PROTECTED_CONTENT, stableStringify, type EmulatorState, type FakeTelegramOptions } from "./fake.js";
export { UpdateBuilders, type MsgOpts } from "./updates.js";
export { ApiError, specVersion } from "./spec.js";
export { parseHtml, parseMarkdownV2, parseMarkdown, formatText, ParseError } from "./format.js";
export { maxInWindow, type RateLimitOptions } from "./rate-limit.js";
export type {
  Call, ChatRef, ChatType, FaultError, MemberStatus, NewGroup, NewUser, StoredMessage, UploadedFile, WebhookDelivery,
} from "./types.js";

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Api, Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import type { Update } from "grammy/types";
import { FakeTelegram } from "./fake-telegram/index.js";

// 1x1 transparent PNG
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5a3a30000000049454e44ae426082",
  "hex",
);

let fake: FakeTelegram;
let api: Api;

beforeAll(async () => {
  fake = await FakeTelegram.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

async function apiError(p: Promise<unknown>): Promise<GrammyError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GrammyError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

function world() {
  const ani = fake.addUser({ first_name: "Ani", username: "ani_desa", language_code: "id" });
  const budi = fake.addUser({ first_name: "Budi" });
  fake.userStartedBot(ani.id);
  const group = fake.addGroup({ title: "Desa Sukamaju", members: [ani.id, budi.id], creator: budi.id });
  return { ani, budi, group };
}

describe("basics", () => {
  it("getMe returns botInfo; unknown method → 404; wrong token → 401", async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 7000000001, is_bot: true, username: "ForumDesaBot", can_join_groups: true });
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessageToMars`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    const bad = await fetch(`${fake.apiRoot}/bot123:nope/getMe`);
    expect(bad.status).toBe(401);
  });

  it("validates required and unknown params against the spec", async () => {
    const { ani } = world();
    const e1 = await apiError(api.raw.sendMessage({ chat_id: ani.id } as never));
    expect(e1.error_code).toBe(400);
    expect(e1.description).toBe("Bad Request: message text is empty");
    const e2 = await apiError(api.sendMessage(ani.id, "hi", { colour: "red" } as never));
    expect(e2.description).toMatch(/unknown parameter "colour"/);
    const e3 = await apiError(
      api.sendMessage(ani.id, "hi", { reply_markup: { inline_keyboard: [[{ text: "x", callback_dat: "y" }]] } } as never),
    );
    expect(e3.description).toMatch(/^Bad Request: can't parse inline keyboard button/);
    // legacy-but-accepted params are fine
    await api.sendMessage(ani.id, "hi", { disable_web_page_preview: true } as never);
  });

  it("message ids increase per chat and sent() returns realistic messages", async () => {
    const { ani, group } = world();
    const a1 = await api.sendMessage(ani.id, "satu");
    const g1 = await api.sendMessage(group.id, "group one");
    const a2 = await api.sendMessage(ani.id, "dua");
    const g2 = await api.sendMessage(group.id, "group two");
    expect([a1.message_id, a2.message_id]).toEqual([1, 2]);
    expect([g1.message_id, g2.message_id]).toEqual([1, 2]);
    expect(a1.chat).toEqual({ id: ani.id, first_name: "Ani", username: "ani_desa", type: "private" });
    expect(g1.chat).toEqual({ id: group.id, title: "Desa Sukamaju", type: "supergroup" });
    expect(a1.from).toMatchObject({ id: fake.botInfo.id, is_bot: true, username: "ForumDesaBot" });
    expect(typeof a1.date).toBe("number");
    expect(fake.sent(ani.id).map((m) => m.text)).toEqual(["satu", "dua"]);
    expect(fake.sent().map((m) => m.text)).toEqual(["satu", "group one", "dua", "group two"]);
    expect(fake.callsTo("sendMessage")).toHaveLength(4);
    expect(String(group.id)).toMatch(/^-100/);
  });
});

describe("formatting", () => {
  it("HTML: rejects unclosed tags and bare '<', accepts escaped text and computes entities", async () => {
    const { ani } = world();
    const e1 = await apiError(api.sendMessage(ani.id, "<b>x", { parse_mode: "HTML" }));
    expect(e1.description).toMatch(/^Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"/);
    const e2 = await apiError(api.sendMessage(ani.id, "a < b", { parse_mode: "HTML" }));
    expect(e2.description).toMatch(/^Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2/);
    const e3 = await apiError(api.sendMessage(ani.id, "Tom & Jerry", { parse_mode: "HTML" }));
    expect(e3.description).toMatch(/can't parse entities/);
    const e4 = await apiError(api.sendMessage(ani.id, "<b>x</i>", { parse_mode: "HTML" }));
    expect(e4.description).toMatch(/Unmatched end tag/);
    const e5 = await apiError(api.sendMessage(ani.id, "<div>x</div>", { parse_mode: "HTML" }));
    expect(e5.description).toMatch(/Unsupported start tag "div"/);

    const m = await api.sendMessage(
      ani.id,
      '<b>Rapat</b> a &lt; b &amp; c — <a href="https://desa.id/x?a=1&amp;b=2">tautan</a> <code>x</code> 😀<i>é</i>',
      { parse_mode: "HTML" },
    );
    expect(m.text).toBe("Rapat a < b & c — tautan x 😀é");
    expect(m.entities).toEqual([
      { type: "bold", offset: 0, length: 5 },
      { type: "text_link", offset: 18, length: 6, url: "https://desa.id/x?a=1&b=2" },
      { type: "code", offset: 25, length: 1 },
      { type: "italic", offset: 29, length: 1 }, // 😀 is 2 UTF-16 units
    ]);
  });

  it("MarkdownV2: rejects unescaped reserved characters", async () => {
    const { ani } = world();
    const e = await apiError(api.sendMessage(ani.id, "Selesai.", { parse_mode: "MarkdownV2" }));
    expect(e.description).toBe("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
    const m = await api.sendMessage(ani.id, "*Halo* dunia\\!", { parse_mode: "MarkdownV2" });
    expect(m.text).toBe("Halo dunia!");
    expect(m.entities).toEqual([{ type: "bold", offset: 0, length: 4 }]);
  });

  it("enforces 4096 text / 1024 caption limits and empty text", async () => {
    const { ani } = world();
    await api.sendMessage(ani.id, "x".repeat(4096));
    const e = await apiError(api.sendMessage(ani.id, "x".repeat(4097)));
    expect(e.description).toBe("Bad Request: message is too long");
    // the limit applies after entity parsing
    await api.sendMessage(ani.id, `<b>${"y".repeat(4096)}</b>`, { parse_mode: "HTML" });
    const empty = await apiError(api.sendMessage(ani.id, "<b> </b>", { parse_mode: "HTML" }));
    expect(empty.description).toBe("Bad Request: message text is empty");
    const cap = await apiError(api.sendPhoto(ani.id, new InputFile(PNG, "p.png"), { caption: "c".repeat(1025) }));
    expect(cap.description).toBe("Bad Request: message caption is too long");
  });

  it("validates entities arrays (UTF-16 bounds)", async () => {
    const { ani } = world();
    await api.sendMessage(ani.id, "😀ab", { entities: [{ type: "bold", offset: 2, length: 2 }] });
    const e = await apiError(api.sendMessage(ani.id, "😀ab", { entities: [{ type: "bold", offset: 2, length: 3 }] }));
    expect(e.description).toMatch(/can't parse entities: .*beyond the end/);
  });
});

describe("keyboards and edits", () => {
  it("rejects callback_data over 64 bytes and buttons without action", async () => {
    const { ani } = world();
    await api.sendMessage(ani.id, "ok", { reply_markup: new InlineKeyboard().text("A", "a".repeat(64)) });
    const e = await apiError(api.sendMessage(ani.id, "x", { reply_markup: new InlineKeyboard().text("A", "a".repeat(65)) }));
    expect(e.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    const e2 = await apiError(api.sendMessage(ani.id, "x", { reply_markup: { inline_keyboard: [[{ text: "no action" } as never]] } }));
    expect(e2.description).toMatch(/Text buttons are unallowed in the inline keyboard/);
    const e3 = await apiError(api.sendMessage(ani.id, "x", { reply_markup: new InlineKeyboard().url("Web", "javascript:alert(1)") }));
    expect(e3.description).toMatch(/Wrong HTTP URL/);
  });

  it("edit to identical content → 'message is not modified'; markup change is a modification", async () => {
    const { ani } = world();
    const kb = new InlineKeyboard().text("Ya", "yes");
    const m = await api.sendMessage(ani.id, "<b>Setuju?</b>", { parse_mode: "HTML", reply_markup: kb });
    const e = await apiError(api.editMessageText(ani.id, m.message_id, "<b>Setuju?</b>", { parse_mode: "HTML", reply_markup: kb }));
    expect(e.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    // omitting reply_markup removes the keyboard → modified
    const edited = await api.editMessageText(ani.id, m.message_id, "<b>Setuju?</b>", { parse_mode: "HTML" });
    expect(edited).toMatchObject({ text: "Setuju?", edit_date: expect.any(Number) });
    expect((edited as { reply_markup?: unknown }).reply_markup).toBeUndefined();
    const e2 = await apiError(api.editMessageReplyMarkup(ani.id, m.message_id));
    expect(e2.description).toMatch(/message is not modified/);
    expect(fake.message(ani.id, m.message_id)?.text).toBe("Setuju?");

    await api.deleteMessage(ani.id, m.message_id);
    expect(fake.message(ani.id, m.message_id)?.deleted).toBe(true);
    expect((await apiError(api.editMessageText(ani.id, m.message_id, "x"))).description).toBe("Bad Request: message to edit not found");
    expect((await apiError(api.deleteMessage(ani.id, m.message_id))).description).toBe("Bad Request: message to delete not found");
  });

  it("callback queries can be answered exactly once", async () => {
    const { ani } = world();
    const m = await api.sendMessage(ani.id, "Pilih", { reply_markup: new InlineKeyboard().text("A", "pick:a") });
    const u = fake.updates.callback(ani, "private", m.message_id, "pick:a");
    const q = u.callback_query!;
    expect(q.data).toBe("pick:a");
    expect(q.message).toMatchObject({ message_id: m.message_id, reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "pick:a" }]] } });
    await api.answerCallbackQuery(q.id, { text: "Dipilih" });
    expect(fake.callbackAnswer(q.id)).toMatchObject({ text: "Dipilih" });
    const e = await apiError(api.answerCallbackQuery(q.id));
    expect(e.description).toMatch(/query is too old/);
  });
});

describe("errors and faults", () => {
  it("fail() injects a 429 with retry_after, then recovers", async () => {
    const { ani } = world();
    fake.fail("sendMessage", { code: 429, retry_after: 3 });
    const e = await apiError(api.sendMessage(ani.id, "a"));
    expect(e.error_code).toBe(429);
    expect(e.description).toBe("Too Many Requests: retry after 3");
    expect(e.parameters.retry_after).toBe(3);
    await api.sendMessage(ani.id, "b");
    expect(fake.stats.tooManyRequests).toBe(1);
    expect(fake.callsTo("sendMessage", { all: true }).map((c) => c.ok)).toEqual([false, true]);

    fake.fail("*", { code: 502 }, { where: (p) => p.chat_id === ani.id, times: 2 });
    expect((await apiError(api.sendChatAction(ani.id, "typing"))).error_code).toBe(502);
    expect((await apiError(api.sendMessage(ani.id, "c"))).description).toBe("Bad Gateway");
    await api.sendMessage(ani.id, "d");
  });

  it("dropConnection() makes the client see a network error", async () => {
    const { ani } = world();
    fake.dropConnection("sendMessage");
    await expect(api.sendMessage(ani.id, "x")).rejects.toBeInstanceOf(HttpError);
    await api.sendMessage(ani.id, "y");
    expect(fake.sent(ani.id).map((m) => m.text)).toEqual(["y"]);
  });

  it("403 after kickBot / blockBot / never started; 400 for unknown chats", async () => {
    const { ani, budi, group } = world();
    await api.sendMessage(group.id, "before");
    fake.kickBot(group.id);
    expect((await apiError(api.sendMessage(group.id, "after"))).description).toBe("Forbidden: bot was kicked from the supergroup chat");
    const basic = fake.addGroup({ title: "Dusun", type: "group", members: [ani.id] });
    fake.kickBot(basic.id);
    const eb = await apiError(api.sendMessage(basic.id, "x"));
    expect(eb.error_code).toBe(403);
    expect(eb.description).toBe("Forbidden: bot was kicked from the group chat");

    fake.blockBot(ani.id);
    expect((await apiError(api.sendMessage(ani.id, "x"))).description).toBe("Forbidden: bot was blocked by the user");
    expect((await apiError(api.sendMessage(budi.id, "x"))).description).toBe("Forbidden: bot can't initiate conversation with a user");
    expect((await apiError(api.sendMessage(424242, "x"))).description).toBe("Bad Request: chat not found");
    // the user writes again → unblocked
    fake.updates.text(ani, "private", "halo lagi");
    await api.sendMessage(ani.id, "welcome back");
  });

  it("migrated group answers 400 with migrate_to_chat_id", async () => {
    const { ani } = world();
    const g = fake.addGroup({ title: "RT 01", type: "group", members: [ani.id] });
    expect(g.id).toBeGreaterThan(-1000000000000);
    const [oldMsg, newMsg] = fake.updates.migrate(g.id);
    const newId = oldMsg.message!.migrate_to_chat_id!;
    expect(newMsg.message!.migrate_from_chat_id).toBe(g.id);
    expect(newMsg.message!.chat).toMatchObject({ id: newId, type: "supergroup" });
    const e = await apiError(api.sendMessage(g.id, "halo"));
    expect(e.error_code).toBe(400);
    expect(e.description).toBe("Bad Request: group chat was upgraded to a supergroup chat");
    expect(e.parameters.migrate_to_chat_id).toBe(newId);
    await api.sendMessage(newId, "halo");
  });
});

describe("files", () => {
  it("multipart upload of an InputFile(Buffer): bytes recorded, getFile + download work", async () => {
    const { ani } = world();
    const m = await api.sendPhoto(ani.id, new InputFile(PNG, "chart.png"), {
      caption: "<b>Grafik</b>",
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("Lagi", "again"),
    });
    expect(m.photo).toHaveLength(2);
    expect(m.caption).toBe("Grafik");
    expect(m.caption_entities).toEqual([{ type: "bold", offset: 0, length: 6 }]);
    expect(m.reply_markup?.inline_keyboard[0]![0]).toMatchObject({ callback_data: "again" });
    const call = fake.callsTo("sendPhoto")[0]!;
    expect(call.params.chat_id).toBe(ani.id); // coerced from the multipart string
    const files = Object.values(call.files);
    expect(files).toHaveLength(1);
    expect(files[0]!.filename).toBe("chart.png");
    expect(files[0]!.bytes.equals(PNG)).toBe(true);

    const big = m.photo![1]!;
    const f = await api.getFile(big.file_id);
    const res = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${f.file_path}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect(fake.downloadUrl(big.file_id)).toBe(`${fake.apiRoot}/file/bot${fake.token}/${f.file_path}`);

    // re-send by file_id; non-images are rejected as photos; documents keep their name
    await api.sendPhoto(ani.id, big.file_id);
    expect((await apiError(api.sendPhoto(ani.id, new InputFile(Buffer.from("not an image"))))).description).toBe(
      "Bad Request: IMAGE_PROCESS_FAILED",
    );
    expect((await apiError(api.sendPhoto(ani.id, "AgACAgIAAxkBAAIbogus"))).description).toBe(
      "Bad Request: wrong file identifier/HTTP URL specified",
    );
    const d = await api.sendDocument(ani.id, new InputFile(Buffer.from("a,b\n1,2\n"), "laporan.csv"));
    expect(d.document).toMatchObject({ file_name: "laporan.csv", mime_type: "text/csv", file_size: 8 });
  });

  it("sendMediaGroup returns one message per item with a shared media_group_id", async () => {
    const { ani } = world();
    const msgs = await api.sendMediaGroup(ani.id, [
      { type: "photo", media: new InputFile(PNG, "a.png"), caption: "satu" },
      { type: "photo", media: new InputFile(PNG, "b.png") },
    ]);
    expect(msgs.map((m) => m.message_id)).toEqual([1, 2]);
    const groupIds = msgs.map((m) => (m as { media_group_id?: string }).media_group_id);
    expect(groupIds[0]).toBeTruthy();
    expect(groupIds[0]).toBe(groupIds[1]);
    expect(msgs[0]!.caption).toBe("satu");
  });

  it("sendMediaGroup is refused as Telegram refuses it: 2-10 items, documents/audio unmixed, captions up to 1024, no voice", async () => {
    const { ani } = world();
    const photo = () => ({ type: "photo" as const, media: new InputFile(PNG, "a.png") });
    const doc = { type: "document" as const, media: new InputFile(Buffer.from("x"), "a.pdf") };
    expect((await apiError(api.sendMediaGroup(ani.id, [photo()]))).description).toContain("must include 2-10 items");
    expect((await apiError(api.sendMediaGroup(ani.id, Array.from({ length: 11 }, photo)))).description).toContain("must include 2-10 items");
    expect((await apiError(api.sendMediaGroup(ani.id, [photo(), doc as never]))).description).toContain("same type");
    expect((await apiError(api.sendMediaGroup(ani.id, [{ ...photo(), caption: "x".repeat(1025) }, photo()]))).description).toContain("caption is too long");
    expect((await apiError(api.sendMediaGroup(ani.id, [{ type: "voice", media: new InputFile(Buffer.from("x"), "v.ogg") } as never, photo()]))).description).toMatch(/can't be used in albums|can't parse parameter media/);
    // Photos and videos mix.
    const mixed = await api.sendMediaGroup(ani.id, [photo(), { type: "video", media: new InputFile(Buffer.from("v"), "v.mp4") }]);
    expect(mixed.map((m) => ("photo" in m ? "photo" : "video" in m ? "video" : "?"))).toEqual(["photo", "video"]);
    // A user's album arrives as one message per item with a shared media_group_id.
    const ups = fake.updates.album(ani, ani.id, [{ kind: "photo", caption: "Foto kegiatan" }, { kind: "video" }]);
    const ids = ups.map((u) => u.message!.media_group_id);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    expect(ups[0]!.message!.caption).toBe("Foto kegiatan");
    expect(() => fake.updates.album(ani, ani.id, [{ kind: "photo" }, { kind: "document" }])).toThrow("own kind");
  });
});

describe("updates", () => {
  it("update builders: reply_to_message is the stored message without its own reply", async () => {
    const { ani, budi, group } = world();
    const u1 = fake.updates.text(ani, group, "/lapor@ForumDesaBot jalan rusak");
    expect(u1.message!.entities).toEqual([{ type: "bot_command", offset: 0, length: 19 }]);
    const botMsg = await api.sendMessage(group.id, "Laporan diterima", { reply_parameters: { message_id: u1.message!.message_id } });
    expect(botMsg.reply_to_message).toMatchObject({ message_id: 1, text: "/lapor@ForumDesaBot jalan rusak" });
    expect(botMsg.message_thread_id).toBe(1); // replies in supergroups carry the thread id
    const u2 = fake.updates.text(budi, group, "terima kasih", { replyTo: botMsg.message_id });
    const r = u2.message!.reply_to_message!;
    expect(r.message_id).toBe(botMsg.message_id);
    expect(r.from?.id).toBe(fake.botInfo.id);
    expect(r.reply_to_message).toBeUndefined();
    expect(u2.message!.message_id).toBe(3);
    expect(fake.messages(group.id).map((m) => m.message_id)).toEqual([1, 2, 3]);

    const e = await apiError(api.sendMessage(group.id, "x", { reply_parameters: { message_id: 999 } }));
    expect(e.description).toBe("Bad Request: message to be replied not found");
    await api.sendMessage(group.id, "x", { reply_parameters: { message_id: 999, allow_sending_without_reply: true } });

    const c = fake.updates.command(ani, "private", "start", "ref_42");
    expect(c.message).toMatchObject({ text: "/start ref_42", chat: { type: "private", id: ani.id }, entities: [{ type: "bot_command", offset: 0, length: 6 }] });
    const p = fake.updates.photo(ani, "private", { caption: "foto jalan" });
    expect(p.message!.photo).toHaveLength(2);
    expect(p.update_id).toBeGreaterThan(c.update_id);
  });

  it("privacy mode: plain group messages are not delivered, commands and replies to the bot are", () => {
    const { ani, group } = world();
    fake.updates.text(ani, group, "ngobrol biasa");
    fake.updates.command(ani, group, "help");
    expect(fake.pendingUpdates().map((u) => u.message?.text)).toEqual(["/help"]);
    expect(fake.undelivered).toHaveLength(1);
  });

  it("getUpdates long polling delivers enqueued updates to a grammY bot", async () => {
    const { ani } = world();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    const seen: string[] = [];
    bot.on("message:text", async (ctx) => {
      seen.push(ctx.msg.text);
      await ctx.reply(`echo: ${ctx.msg.text}`);
    });
    const started = new Promise<void>((resolve) => void bot.start({ onStart: () => resolve(), timeout: 10 }));
    await started;
    setTimeout(() => fake.updates.text(ani, "private", "halo"), 30);
    const reply = await fake.waitFor(() => fake.sent(ani.id)[0]);
    expect(reply.text).toBe("echo: halo");
    expect(seen).toEqual(["halo"]);
    await bot.stop();
    expect(fake.pendingUpdates()).toHaveLength(0); // confirmed by the final offset
  });

  it("getUpdates honours offset, limit and allowed_updates; builders cover membership and edits", async () => {
    const { ani, budi } = world();
    const g = fake.addGroup({ title: "Baru", botIsMember: false, members: [budi.id] });
    const added = fake.updates.myChatMember(budi, g, "left", "administrator");
    expect(added.my_chat_member!.new_chat_member.status).toBe("administrator");
    await api.sendMessage(g.id, "Halo semua"); // bot is in the group now
    const t = fake.updates.text(ani, "private", "typo");
    const e = fake.updates.edit(ani, "private", t.message!.message_id, "fixed");
    expect(e.edited_message).toMatchObject({ text: "fixed", edit_date: expect.any(Number) });
    const first = await api.getUpdates({ limit: 2 });
    expect(first.map((u) => Object.keys(u)[1])).toEqual(["my_chat_member", "message"]);
    const rest = await api.getUpdates({ offset: first[1]!.update_id + 1, allowed_updates: ["message"] });
    expect(rest).toEqual([]); // the edited_message was not allowed → dropped
    fake.updates.myChatMember(budi, g, "administrator", "left");
    expect((await apiError(api.sendMessage(g.id, "x"))).description).toBe("Forbidden: bot was kicked from the supergroup chat");
    // a second concurrent long poll terminates the first one with 409
    const p1 = api.getUpdates({ timeout: 5 });
    await new Promise((r) => setTimeout(r, 20));
    const p2 = api.getUpdates({ timeout: 0 });
    expect((await apiError(p1)).error_code).toBe(409);
    expect(await p2).toEqual([]);
  });

  it("webhook: POSTs updates with the secret header; getUpdates then conflicts", async () => {
    const { ani } = world();
    const got: Array<{ secret: unknown; body: Update }> = [];
    const srv = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as Update;
        got.push({ secret: req.headers["x-telegram-bot-api-secret-token"], body });
        res.writeHead(200, { "content-type": "application/json" });
        // webhook reply: Telegram executes it
        res.end(JSON.stringify({ method: "sendMessage", chat_id: body.message!.chat.id, text: "via webhook reply" }));
      });
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`;
    try {
      await api.setWebhook(url, { secret_token: "s3cr3t_token" });
      expect((await api.getWebhookInfo()).url).toBe(url);
      const e = await apiError(api.getUpdates());
      expect(e.error_code).toBe(409);
      const u = fake.updates.text(ani, "private", "lewat webhook");
      await fake.webhookIdle();
      expect(got).toHaveLength(1);
      expect(got[0]!.secret).toBe("s3cr3t_token");
      expect(got[0]!.body.update_id).toBe(u.update_id);
      expect(fake.sent(ani.id).map((m) => m.text)).toEqual(["via webhook reply"]);
      const bad = await apiError(api.setWebhook("http://example.com/hook"));
      expect(bad.description).toMatch(/HTTPS URL must be provided/);
      await api.deleteWebhook();
      expect(await api.getUpdates()).toEqual([]);
    } finally {
      srv.close();
    }
  });
});

describe("more methods", () => {
  it("polls: validation, pollAnswer counts, stopPoll", async () => {
    const { ani, budi, group } = world();
    expect((await apiError(api.sendPoll(group.id, "Kapan?", ["Senin"]))).description).toMatch(/at least 2/);
    expect((await apiError(api.sendPoll(group.id, "Kapan?", ["a", "b"], { open_period: 1000 }))).description).toMatch(/open period/);
    const m = await api.sendPoll(group.id, "Kapan rapat?", ["Senin", "Selasa"], { is_anonymous: false });
    fake.updates.pollAnswer(ani, m.poll.id, [1]);
    fake.updates.pollAnswer(budi, m.poll.id, [1]);
    const pu = fake.updates.poll(m.poll.id);
    expect(pu.poll!.options.map((o) => o.voter_count)).toEqual([0, 2]);
    const stopped = await api.stopPoll(group.id, m.message_id);
    expect(stopped.is_closed).toBe(true);
    expect((await apiError(api.stopPoll(group.id, m.message_id))).description).toMatch(/already been closed/);
  });

  it("forum topics, pins, members, commands", async () => {
    const { ani, budi } = world();
    const forum = fake.addGroup({ title: "Forum Kecamatan", is_forum: true, members: [ani.id], creator: budi.id });
    expect((await apiError(api.createForumTopic(forum.id, "Air bersih"))).description).toBe("Bad Request: not enough rights to create a topic");
    fake.setMember(forum.id, fake.botInfo.id, "administrator");
    const topic = await api.createForumTopic(forum.id, "Air bersih");
    const m = await api.sendMessage(forum.id, "topik baru", { message_thread_id: topic.message_thread_id });
    expect(m).toMatchObject({ message_thread_id: topic.message_thread_id, is_topic_message: true });
    expect((await apiError(api.sendMessage(forum.id, "x", { message_thread_id: 9999 }))).description).toBe("Bad Request: message thread not found");

    await api.pinChatMessage(forum.id, m.message_id);
    expect(fake.pinned(forum.id)).toEqual([m.message_id]);
    expect((await api.getChatMember(forum.id, ani.id)).status).toBe("member");
    expect((await api.getChatMember(forum.id, budi.id)).status).toBe("creator");
    expect((await apiError(api.getChatMember(forum.id, 555))).description).toBe("Bad Request: user not found");
    const admins = await api.getChatAdministrators(forum.id);
    expect(admins.map((a) => a.user.id).sort()).toEqual([budi.id, fake.botInfo.id].sort());
    expect(await api.getChatMemberCount(forum.id)).toBe(3);
    fake.setMemberCount(forum.id, 120);
    expect(await api.getChatMemberCount(forum.id)).toBe(120);
    expect((await api.getChat(forum.id)).type).toBe("supergroup");

    await api.setMyCommands([{ command: "start", description: "Mulai" }], { language_code: "id" });
    expect(fake.myCommands(undefined, "id")).toEqual([{ command: "start", description: "Mulai" }]);
    expect((await apiError(api.setMyCommands([{ command: "Start", description: "x" }]))).description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });

  it("copyMessage / forwardMessage", async () => {
    const { ani, group } = world();
    const u = fake.updates.text(ani, "private", "usulan: perbaiki jembatan");
    const copied = await api.copyMessage(group.id, ani.id, u.message!.message_id);
    expect(fake.message(group.id, copied.message_id)?.text).toBe("usulan: perbaiki jembatan");
    const fwd = await api.forwardMessage(group.id, ani.id, u.message!.message_id);
    expect(fwd.forward_origin).toMatchObject({ type: "user", sender_user: { id: ani.id } });
    expect((await apiError(api.copyMessage(group.id, ani.id, 999))).description).toBe("Bad Request: message to copy not found");
  });
});

describe("protect_content", () => {
  it("a protected message cannot be forwarded or copied: the bot gets Telegram's 400, a user's app refuses; batch methods skip it", async () => {
    const { ani, budi, group } = world();
    const other = fake.addGroup({ title: "Desa Lain", members: [budi.id], creator: budi.id });
    const locked = await api.sendMessage(group.id, "hanya untuk grup ini", { protect_content: true });
    const open = await api.sendMessage(group.id, "boleh diteruskan");
    expect(locked.has_protected_content).toBe(true);
    expect(open.has_protected_content).toBeUndefined();
    for (const call of [api.forwardMessage(other.id, group.id, locked.message_id), api.copyMessage(other.id, group.id, locked.message_id)]) {
      const e = await apiError(call);
      expect(e.error_code).toBe(400);
      expect(e.description).toBe("Bad Request: message has protected content and can't be forwarded");
    }
    const sentBefore = fake.sent(other.id).length;
    expect(() => fake.updates.forward(ani, group.id, locked.message_id, other.id)).toThrow("Bad Request: message has protected content and can't be forwarded");
    expect(fake.sent(other.id)).toHaveLength(sentBefore);
    // Skipped in a batch; a batch of nothing but protected messages is refused.
    const ids = await api.forwardMessages(other.id, group.id, [locked.message_id, open.message_id]);
    expect(ids).toHaveLength(1);
    expect(fake.message(other.id, ids[0]!.message_id)?.text).toBe("boleh diteruskan");
    expect((await apiError(api.copyMessages(other.id, group.id, [locked.message_id]))).error_code).toBe(400);
    // Protecting a forward protects the copy too.
    const fwd = await api.forwardMessage(other.id, group.id, open.message_id, { protect_content: true });
    expect(fwd.has_protected_content).toBe(true);
  });

  it("a forwarded poll is the same poll: answers given where it was forwarded count, and stopPoll reports them; a protected poll cannot be forwarded", async () => {
    const { ani, budi, group } = world();
    const outside = fake.addGroup({ title: "Grup Luar", members: [budi.id], creator: budi.id });
    const open = await api.sendPoll(group.id, "Kapan kerja bakti?", [{ text: "Sabtu" }, { text: "Minggu" }]);
    const fwd = fake.updates.forward(ani, group.id, open.message_id, outside.id);
    expect(fwd.message!.poll!.id).toBe(open.poll.id);
    expect(fwd.message!.forward_origin).toMatchObject({ type: "user" });
    const updates = [...fake.updates.answerPoll(ani, group.id, open.message_id, [0]), ...fake.updates.answerPoll(budi, outside.id, fwd.message!.message_id, [1])];
    // Anonymous: the bot gets `poll` updates with the counts, never who answered.
    expect(updates.map((u) => Object.keys(u).filter((k) => k !== "update_id"))).toEqual([["poll"], ["poll"]]);
    expect(updates[1]!.poll!.options.map((o) => o.voter_count)).toEqual([1, 1]);
    const cara = fake.addUser({ first_name: "Cara" });
    expect(() => fake.updates.answerPoll(cara, outside.id, fwd.message!.message_id, [1])).toThrow(/not in chat/);
    const stopped = await api.stopPoll(group.id, open.message_id);
    expect(stopped.options.map((o) => o.voter_count)).toEqual([1, 1]);
    expect(stopped.total_voter_count).toBe(2);

    const locked = await api.sendPoll(group.id, "Kapan rapat?", [{ text: "Senin" }, { text: "Selasa" }], { protect_content: true });
    expect(locked.has_protected_content).toBe(true);
    expect(() => fake.updates.forward(ani, group.id, locked.message_id, outside.id)).toThrow(/protected content/);
    fake.updates.answerPoll(ani, group.id, locked.message_id, [1], { deliver: false });
    expect((await api.stopPoll(group.id, locked.message_id)).options.map((o) => o.voter_count)).toEqual([0, 1]);
  });
});

describe("rate limits", () => {
  it("21st message to a group within a minute gets 429; stats + /__fake/stats", async () => {
    const rl = await FakeTelegram.start({ rateLimits: { enabled: true } });
    try {
      const rapi = new Api(rl.token, { apiRoot: rl.apiRoot });
      const g = rl.addGroup({ title: "Ramai" });
      for (let i = 0; i < 20; i++) await rapi.sendMessage(g.id, `pesan ${i}`);
      const e = await apiError(rapi.sendMessage(g.id, "pesan 21"));
      expect(e.error_code).toBe(429);
      expect(e.parameters.retry_after).toBeGreaterThanOrEqual(1);
      expect(e.description).toBe(`Too Many Requests: retry after ${e.parameters.retry_after}`);
      expect(rl.stats.tooManyRequests).toBe(1);
      expect(rl.maxInWindow(g.id, 60_000)).toBe(20);
      expect((await apiError(rapi.sendMessage(g.id, "pesan 22"))).error_code).toBe(429); // still limited
      const stats = await (await fetch(`${rl.apiRoot}/__fake/stats`)).json();
      expect(stats.tooManyRequests).toBe(2);
      expect(stats.callsByMethod.sendMessage).toBe(22);
      expect(stats.sendsPerChat[String(g.id)]).toBe(20);
      expect(stats.maxPerChatIn60s[String(g.id)]).toBe(20);
      await fetch(`${rl.apiRoot}/__fake/reset`, { method: "POST" });
      expect(rl.calls).toHaveLength(0);
    } finally {
      await rl.stop();
    }
  });

  it("private chats allow ~1 msg/s", async () => {
    const rl = await FakeTelegram.start({ rateLimits: { enabled: true } });
    try {
      const rapi = new Api(rl.token, { apiRoot: rl.apiRoot });
      const u = rl.addUser({ first_name: "Citra" });
      rl.userStartedBot(u.id);
      await rapi.sendMessage(u.id, "1");
      const e = await apiError(rapi.sendMessage(u.id, "2"));
      expect(e.error_code).toBe(429);
      expect(e.parameters.retry_after).toBe(1);
    } finally {
      await rl.stop();
    }
  });
});

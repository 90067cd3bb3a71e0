// What the sandbox needs from the emulator beyond the tests' fake: saving and restoring its whole
// world, hearing about every API call, and votes cast as in the Telegram app.
import { afterEach, describe, expect, it } from "vitest";
import { Bot, InputFile } from "grammy";
import { FakeTelegram, type Call } from "../support/fake-telegram/index.js";

const started: FakeTelegram[] = [];
async function aFake() {
  const f = await FakeTelegram.start();
  started.push(f);
  return f;
}
afterEach(async () => {
  for (const f of started.splice(0)) await f.stop();
});

describe("emulator state", () => {
  it("a restored emulator has the same chats, messages, pins, files and polls, and goes on numbering after them", async () => {
    const a = await aFake();
    const bot = new Bot(a.token, { client: { apiRoot: a.apiRoot }, botInfo: a.botInfo });
    const ani = a.addUser({ first_name: "Ani", username: "ani" });
    const group = a.addGroup({ title: "Warga Sukanegara", members: [ani.id], botIsAdmin: true });
    a.userStartedBot(ani.id);
    const hello = await bot.api.sendMessage(group.id, "<b>Halo</b> warga", { parse_mode: "HTML" });
    await bot.api.pinChatMessage(group.id, hello.message_id);
    const doc = await bot.api.sendDocument(ani.id, new InputFile(Buffer.from("BEGIN:VCALENDAR"), "rapat.ics"));
    const poll = await bot.api.sendPoll(group.id, "Kapan kerja bakti?", [{ text: "Sabtu" }, { text: "Minggu" }]);
    a.updates.pollVote(ani, poll.poll.id, [1]);
    a.updates.text(ani, group, "Setuju", { replyTo: hello.message_id });

    const state = JSON.parse(JSON.stringify(a.exportState(), (_k, v) => (v?.type === "Buffer" ? { b64: Buffer.from(v.data).toString("base64") } : v)), (_k, v) =>
      v && typeof v === "object" && "b64" in v ? Buffer.from(v.b64, "base64") : v,
    );
    const b = await aFake();
    b.importState(state);

    expect(b.messages(group.id).map((m) => m.text ?? m.poll?.question ?? Object.keys(m).includes("pinned_message"))).toEqual(
      a.messages(group.id).map((m) => m.text ?? m.poll?.question ?? Object.keys(m).includes("pinned_message")),
    );
    expect(b.message(group.id, hello.message_id)?.entities).toEqual([{ type: "bold", offset: 0, length: 4 }]);
    expect(b.pinned(group.id)).toEqual([hello.message_id]);
    expect(b.fileBytes(doc.document!.file_id)?.toString()).toBe("BEGIN:VCALENDAR");
    expect(b.polls.get(poll.poll.id)?.votes.get(ani.id)).toEqual([1]);

    // The restored world keeps working: edits of old messages, new ids after the old ones.
    const bot2 = new Bot(b.token, { client: { apiRoot: b.apiRoot }, botInfo: b.botInfo });
    await bot2.api.editMessageText(group.id, hello.message_id, "Halo semua");
    const next = await bot2.api.sendMessage(group.id, "Pesan baru");
    expect(next.message_id).toBe(Math.max(...a.messages(group.id).map((m) => m.message_id)) + 1);
    expect(b.sent(ani.id)).toHaveLength(1);
    const carol = b.addUser({ first_name: "Carol" });
    expect(carol.id).toBe(a.addUser({ first_name: "Carol" }).id);
  });

  it("tells a listener about every answered call, refused ones included", async () => {
    const f = await aFake();
    const bot = new Bot(f.token, { client: { apiRoot: f.apiRoot }, botInfo: f.botInfo });
    const ani = f.addUser({ first_name: "Ani" });
    f.userStartedBot(ani.id);
    const seen: Call[] = [];
    const off = f.onCall((c) => seen.push(c));
    await bot.api.sendMessage(ani.id, "halo");
    await bot.api.sendMessage(ani.id, "x".repeat(4097)).catch(() => {});
    off();
    await bot.api.sendMessage(ani.id, "tidak terdengar");
    expect(seen.map((c) => [c.method, c.ok, c.error?.description])).toEqual([
      ["sendMessage", true, undefined],
      ["sendMessage", false, "Bad Request: message is too long"],
    ]);
  });

  it("a vote in an anonymous poll updates the counts and sends the bot only the poll's new state", async () => {
    const f = await aFake();
    const bot = new Bot(f.token, { client: { apiRoot: f.apiRoot }, botInfo: f.botInfo });
    const ani = f.addUser({ first_name: "Ani" });
    const group = f.addGroup({ title: "G", members: [ani.id] });
    const m = await bot.api.sendPoll(group.id, "Kapan?", [{ text: "Sabtu" }, { text: "Minggu" }]);
    const ups = f.updates.pollVote(ani, m.poll.id, [0]);
    expect(ups.map((u) => Object.keys(u).filter((k) => k !== "update_id"))).toEqual([["poll"]]);
    expect(ups[0]!.poll!.options.map((o) => o.voter_count)).toEqual([1, 0]);
    f.updates.pollVote(ani, m.poll.id, [1]);
    expect(f.message(group.id, m.message_id)?.poll?.options.map((o) => o.voter_count)).toEqual([0, 1]);
    expect(f.message(group.id, m.message_id)?.poll?.total_voter_count).toBe(1);
    f.updates.pollVote(ani, m.poll.id, []);
    expect(f.message(group.id, m.message_id)?.poll?.total_voter_count).toBe(0);
    expect(() => f.updates.pollVote(ani, m.poll.id, [0, 1])).toThrow(/one answer/);
  });

  it("a vote in a named poll also sends poll_answer with the voter", async () => {
    const f = await aFake();
    const bot = new Bot(f.token, { client: { apiRoot: f.apiRoot }, botInfo: f.botInfo });
    const ani = f.addUser({ first_name: "Ani" });
    const group = f.addGroup({ title: "G", members: [ani.id] });
    const m = await bot.api.sendPoll(group.id, "Kapan?", [{ text: "Sabtu" }, { text: "Minggu" }], { is_anonymous: false });
    const ups = f.updates.pollVote(ani, m.poll.id, [1]);
    expect(ups.map((u) => Object.keys(u).filter((k) => k !== "update_id")[0])).toEqual(["poll_answer", "poll"]);
    expect(ups[0]!.poll_answer!.user?.id).toBe(ani.id);
  });
});

import { DEFAULT_TERMS } from "../../src/domain/forum/terms.js";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCommands } from "../../src/bot/commands.js";
import { allSpecs } from "../../src/bot/features/index.js";
import { translate } from "../../src/bot/lib/translate.js";
import { createHarness, type Harness } from "../support/harness.js";
import { FakeTelegram } from "../support/fake-telegram/index.js";
import { childStorage, killSpawned, spawnMain } from "../support/infra.js";
import { lastText, press, say, texts } from "../support/world.js";

// The plumbing under every capability: conversation state across restarts, auto-retry and
// throttling inside conversations, the flood limit, the error boundary, command menus, shutdown.
let h: Harness;
const BOOT = 900101;

beforeAll(async () => {
  h = await createHarness({ bootstrapAdmins: [BOOT] });
});
afterAll(async () => {
  await killSpawned();
  await h?.close();
});
beforeEach(async () => h.reset());

function logCapture(level: pino.Level = "info") {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { logger: pino({ level, base: undefined }, stream), lines };
}

describe("conversations", () => {
  it.runIf(!!process.env.REDIS_URL)("a guided flow in progress survives a restart of the bot (state in Redis)", async () => {
    const camat = h.fake.addUser({ id: BOOT, first_name: "Sri" });
    await say(h, camat, "/forumbaru");
    await say(h, camat, "Forum Kecamatan Sukamaju");
    expect(lastText(h, camat.id)).toContain("Zona waktu");

    await h.restart(); // new bot, new process memory; same database and Redis

    await press(h, camat, camat.id, "WIB");
    expect(lastText(h, camat.id)).toContain("Kampung");
    await press(h, camat, camat.id, "Desa");
    await press(h, camat, camat.id, "BPD");
    await say(h, camat, "Sukamaju\nMekarsari");
    await press(h, camat, camat.id, "Simpan");
    const forum = await h.app.deps.prisma.forum.findFirstOrThrow({ include: { villages: true } });
    expect(forum.name).toBe("Forum Kecamatan Sukamaju");
    expect(forum.timezone).toBe("Asia/Jakarta");
    expect(forum.villages.map((v) => v.name).sort()).toEqual(["Mekarsari", "Sukamaju"]);
  });

  it("a 429 inside a flow is retried after retry_after: the question still arrives and the flow goes on", async () => {
    const camat = h.fake.addUser({ id: BOOT, first_name: "Sri" });
    await say(h, camat, "/forumbaru");
    h.fake.fail("sendMessage", { code: 429, retry_after: 1 }, { where: (p) => p.chat_id === camat.id });
    await say(h, camat, "Forum Kecamatan Sukamaju"); // the reply (timezone question) is sent from inside the conversation

    const attempts = h.fake.callsTo("sendMessage", { all: true }).filter((c) => c.params.chat_id === camat.id).slice(-2);
    expect(attempts[0]!.ok).toBe(false);
    expect(attempts[0]!.error!.code).toBe(429);
    expect(attempts[1]!.ok).toBe(true);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900); // waited retry_after
    expect(lastText(h, camat.id)).toContain("Zona waktu");

    await press(h, camat, camat.id, "WIB");
    expect(lastText(h, camat.id)).toContain("Kampung");
  });

  it("throttling is shared between plain handlers and conversations (one limiter per chat)", async () => {
    const slow = await createHarness({ bootstrapAdmins: [BOOT], env: { LIMIT_PRIVATE_PER_SECOND: "0.25" } });
    try {
      const camat = slow.fake.addUser({ id: BOOT, first_name: "Sri" });
      slow.fake.userStartedBot(camat.id);
      await slow.send(slow.fake.updates.text(camat, "private", "/bantuan")); // a plain handler replies
      await slow.send(slow.fake.updates.text(camat, "private", "/forumbaru")); // a conversation asks
      const at = slow.fake.callsTo("sendMessage").filter((c) => c.params.chat_id === camat.id).map((c) => c.at);
      expect(at).toHaveLength(2);
      // 0.25 message/s to one private chat: ~4 s apart (less the first request's own latency); unshared: ~0.2 s
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(3000);
    } finally {
      await slow.close();
    }
  });
});

describe("protection and errors", () => {
  it("a person sending faster than FLOOD_LIMIT_PER_MINUTE is told once, politely, and the rest is ignored", async () => {
    const fl = await createHarness({ env: { FLOOD_LIMIT_PER_MINUTE: "3" } });
    try {
      const ani = fl.fake.addUser({ first_name: "Ani" });
      fl.fake.userStartedBot(ani.id);
      for (let i = 0; i < 6; i++) await fl.send(fl.fake.updates.text(ani, "private", "/bantuan"));
      const got = texts(fl, ani.id);
      expect(got).toHaveLength(4); // three answers, then one notice, then silence
      expect(got.slice(0, 3).every((t) => t.includes("/bahasa"))).toBe(true);
      expect(got[3]).toBe("Pesan Bapak/Ibu terlalu cepat. Mohon tunggu sebentar, lalu coba lagi.");

      const budi = fl.fake.addUser({ first_name: "Budi" }); // others are not affected
      fl.fake.userStartedBot(budi.id);
      await fl.send(fl.fake.updates.text(budi, "private", "/bantuan"));
      expect(lastText(fl, budi.id)).toContain("/bahasa");
    } finally {
      await fl.close();
    }
  });

  it("an error in a handler is logged with the update id, and the person gets the Indonesian apology", async () => {
    const { logger, lines } = logCapture("debug");
    const original = h.app.deps.logger;
    h.app.deps.logger = logger;
    try {
      const ani = h.fake.addUser({ first_name: "Ani" });
      h.fake.userStartedBot(ani.id);
      // Telegram rejects the handler's reply with an error nobody expects: the handler throws.
      h.fake.fail("sendMessage", { code: 400, description: "Bad Request: message text is empty" }, { times: 1 });
      const update = h.fake.updates.text(ani, "private", "/bantuan");
      await h.send(update);

      const err = lines.find((l) => l.msg === "handler failed");
      expect(err, JSON.stringify(lines)).toBeDefined();
      expect(err!.updateId).toBe(update.update_id);
      expect(err!.level).toBe(50);
      expect(JSON.stringify(err!.err)).toContain("message text is empty");
      expect(lastText(h, ani.id)).toBe("Maaf, terjadi kesalahan di sistem kami. Silakan coba lagi sebentar lagi.");
      expect(texts(h, ani.id).join("\n")).not.toMatch(/Error|at .*\.ts/); // no stack trace to the person

      const next = h.fake.updates.text(ani, "private", "/bantuan");
      await h.send(next); // and the bot keeps working
      expect(lastText(h, ani.id)).toContain("/bahasa");
      // Every update is logged by id and kind; no log line carries the person's id.
      expect(lines.find((l) => l.msg === "update handled" && l.updateId === next.update_id)).toMatchObject({ kind: "message", chatType: "private" });
      expect(JSON.stringify(lines.filter((l) => l.msg === "update handled"))).not.toContain(String(ani.id));
    } finally {
      h.app.deps.logger = original;
    }
  });

  it("an error on a group message addressed to the bot: the writer gets the apology under their message (found by tests/faults)", async () => {
    const budi = h.fake.addUser({ first_name: "Budi" });
    const group = h.fake.addGroup({ title: "Warga Sukamaju", type: "supergroup", members: [budi.id] });
    h.fake.fail("sendMessage", { code: 400, description: "Bad Request: message text is empty" }, { times: 1, where: (p) => p.chat_id === group.id });
    const update = h.fake.updates.command(budi, group, "bantuan");
    await h.send(update);
    const apology = h.fake.callsTo("sendMessage").filter((c) => c.params.chat_id === group.id).at(-1);
    expect(apology?.params.text).toBe("Maaf, terjadi kesalahan di sistem kami. Silakan coba lagi sebentar lagi.");
    expect((apology?.params.reply_parameters as { message_id?: number } | undefined)?.message_id).toBe(update.message!.message_id);
  });
});

describe("command menus", () => {
  it("are set per language (default Indonesian, English) and per scope, with descriptions from the locales", async () => {
    await setCommands(h.app.bot.api);
    const scopes = ["all_private_chats", "all_group_chats", "all_chat_administrators"] as const;
    const menus = Object.fromEntries(
      scopes.flatMap((type) =>
        (["", "en"] as const).map((lang) => [`${type}|${lang}`, h.fake.myCommands({ type }, lang) as Array<{ command: string; description: string }> | undefined]),
      ),
    );
    for (const [key, list] of Object.entries(menus)) {
      expect(list, key).toBeDefined();
      expect(list!.length, key).toBeGreaterThan(1);
      const lang = key.endsWith("|en") ? "en" : "id";
      for (const c of list!) expect(c.description).toBe(translate(lang, `cmd-${c.command}`, {}, DEFAULT_TERMS));
    }
    const names = (k: string) => menus[k]!.map((c) => c.command);
    expect(names("all_private_chats|")).toEqual(expect.arrayContaining(["start", "bantuan", "bahasa", "gabung", "desa", "desaku"]));
    expect(names("all_private_chats|").slice(0, 4)).toEqual(["start", "menu", "bantuan", "batal"]);
    expect(names("all_private_chats|")).not.toContain("forumbaru"); // only for the bootstrap admins
    expect(names("all_group_chats|")).toEqual(expect.arrayContaining(["start", "bantuan", "desa", "desaku"]));
    expect(names("all_group_chats|")).not.toContain("hubungkan"); // linking is for group admins
    expect(names("all_chat_administrators|")).toContain("hubungkan");
    expect(names("all_chat_administrators|")).not.toContain("daftar"); // an alias, never listed
    expect(names("all_private_chats|en")).toEqual(names("all_private_chats|"));
    expect(menus["all_private_chats|"]!.find((c) => c.command === "bahasa")!.description).toBe("Ganti bahasa");
    expect(menus["all_private_chats|en"]!.find((c) => c.command === "bahasa")!.description).not.toBe("Ganti bahasa");
    // every command listed is a command some feature declares
    const declared = new Set(allSpecs().map((s) => s.command));
    for (const list of Object.values(menus)) for (const c of list!) expect(declared.has(c.command)).toBe(true);
  });
});

describe("process lifecycle", () => {
  it("polling: answers /start, then on SIGTERM finishes what it took and exits 0 within 10 s", async () => {
    const fake = await FakeTelegram.start();
    const storage = await childStorage();
    // What `npm start` runs: the compiled bot (dist/main, rebuilt first if src/ is newer), so the
    // compiled output is checked too — the locales it reads, its signals, its shutdown.
    const bot = spawnMain(
      {
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        HTTP_PORT: "0",
        HTTP_HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        ...storage.env,
      },
      "scripts/start.mjs",
    );
    try {
      const ani = fake.addUser({ first_name: "Ani" });
      fake.userStartedBot(ani.id);
      fake.updates.command(ani, "private", "start"); // waits in the fake until the bot's first getUpdates
      await fake.waitForCall("sendMessage", (p) => p.chat_id === ani.id, { timeout: 60_000 });
      // A first private contact: the privacy notice comes before the menu.
      expect(fake.sent(ani.id).at(-1)!.text).toContain("Pemberitahuan Privasi");
      expect(fake.myCommands({ type: "all_private_chats" })).toBeDefined(); // menus set at start-up

      // A second update is in flight when SIGTERM arrives: its reply met a 429, and auto-retry is
      // waiting retry_after before sending it again.
      fake.fail("sendMessage", { code: 429, retry_after: 1 }, { where: (p) => p.chat_id === ani.id });
      const since = fake.calls.length;
      fake.updates.command(ani, "private", "bantuan");
      const refused = await fake.waitForCall("sendMessage", (p) => p.chat_id === ani.id, { all: true, since, timeout: 20_000 });
      expect(refused.error?.code).toBe(429);
      const signalled = Date.now();
      bot.child.kill("SIGTERM");
      const r = await bot.exited;
      expect(r.code, bot.stderr() + bot.stdout()).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(bot.stdout()).toContain("shutting down");
      expect(fake.sent(ani.id).at(-1)!.text).toContain("/bahasa"); // the update in flight was answered
    } finally {
      if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
      await bot.exited;
      await storage.close();
      await fake.stop();
    }
  }, 90_000);
});

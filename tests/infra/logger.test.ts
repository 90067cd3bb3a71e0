import { Writable } from "node:stream";
import { GrammyError, HttpError } from "grammy";
import type { User } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger, describeError, scrub, serializeError } from "../../src/infra/logger.js";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum } from "../support/world.js";
import { fileAspiration, pressOn } from "../support/aspirasi.js";
import { say } from "../support/world.js";

/** Log lines as written (after serializers and scrubbing), kept as text. */
function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      cb();
    },
  });
  return { lines, destination };
}

const TOKEN = "5876543210:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"; // the shape of a real token
const SECRET = "rahasia_webhook_Sukajaya_2026";

/** A refusal as grammY throws it: the payload holds the chat id and the text. */
function refusal() {
  return new GrammyError(
    "Call to 'sendMessage' failed!",
    { ok: false, error_code: 400, description: "Bad Request: chat not found" },
    "sendMessage",
    { chat_id: 987654321, text: "Balasan untuk pelapor anonim ASP-SK-2026-0001" },
  );
}
/** No answer, as grammY throws it over node-fetch: the inner message holds the URL with the token. */
function networkFailure() {
  const inner = Object.assign(new Error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed, reason: socket hang up`), { name: "FetchError", code: "ECONNRESET" });
  return new HttpError("Network request for 'sendMessage' failed!", inner);
}

describe("what an error leaves in the log", () => {
  it("a Telegram refusal: class, method, code and description, never the payload", () => {
    const out = serializeError(refusal()) as Record<string, unknown>;
    expect(out).toMatchObject({ type: "GrammyError", method: "sendMessage", error_code: 400, description: "Bad Request: chat not found" });
    expect(out.stack).toMatch(/^\s+at /); // frames only: the first line would repeat the message
    const text = JSON.stringify(out);
    expect(text).not.toContain("987654321");
    expect(text).not.toContain("pelapor");
    expect(text).not.toContain("payload");
  });

  it("a network failure: method and system code, never the URL or the token", () => {
    const out = serializeError(networkFailure());
    expect(out).toMatchObject({ type: "HttpError", method: "sendMessage", cause: { name: "FetchError", code: "ECONNRESET" } });
    expect(JSON.stringify(out)).not.toMatch(/api\.telegram\.org|AAHdq|5876543210/);
    expect(describeError(networkFailure())).toBe("HttpError sendMessage ECONNRESET");
  });

  it("a Prisma error keeps its summary line, not the query arguments it echoes above it", () => {
    class PrismaClientValidationError extends Error {}
    const err = new PrismaClientValidationError(
      "\nInvalid `prisma.person.create()` invocation:\n\n{\n  data: {\n    telegramUserId: 987654321n,\n    firstName: \"Rahasiawati\"\n  }\n}\n\nArgument `firstName`: Invalid value provided.",
    );
    const out = serializeError(err) as Record<string, unknown>;
    expect(out.message).toBe("Argument `firstName`: Invalid value provided.");
    expect(JSON.stringify(out)).not.toMatch(/Rahasiawati|987654321/);
  });

  it("other errors keep their message without URLs or ids, and their cause", () => {
    const err = new Error("lookup of chat -1001234567890 at https://example.org/x?token=abc failed", { cause: Object.assign(new Error("boom"), { code: "E_BOOM" }) });
    expect(serializeError(err)).toMatchObject({ type: "Error", message: "lookup of chat [id] at [url] failed", cause: { type: "Error", message: "boom", code: "E_BOOM" } });
  });

  it("the last line of defence: the token pattern, the configured secrets and URL credentials are scrubbed from any line", () => {
    const { lines, destination } = capture();
    const log = createLogger("debug", { secrets: [TOKEN, SECRET], destination });
    log.info({ url: `https://api.telegram.org/bot${TOKEN}/getMe`, header: SECRET, db: "postgresql://bot:hunter2@db/forum", other: "111111:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, `set ${SECRET}`);
    log.error({ err: refusal(), failure: networkFailure() }, "both");
    log.error(networkFailure()); // an error alone: its type becomes the message, not its text
    const all = lines.join("\n");
    for (const bad of [TOKEN, SECRET, "hunter2", "AAAAAAAAAAAAAAAAAAAA", "AAHdq", "987654321", "pelapor", "socket hang up"]) expect(all).not.toContain(bad);
    expect(JSON.parse(lines[0]!)).toMatchObject({ url: "https://api.telegram.org/bot[secret]/getMe", header: "[secret]", db: "postgresql://[credentials]@db/forum", msg: "set [secret]" });
    const both = JSON.parse(lines[1]!);
    expect(both.err).toMatchObject({ type: "GrammyError", method: "sendMessage", error_code: 400 });
    expect(both.failure).toMatchObject({ type: "HttpError", method: "sendMessage" });
    expect(JSON.parse(lines[2]!)).toMatchObject({ msg: "HttpError", err: { type: "HttpError" } });
    expect(scrub(`x ${SECRET} y`, [SECRET])).toBe("x [secret] y");
  });
});

describe("a failed answer to an anonymous reporter", () => {
  const log = capture();
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ log: { level: "debug", destination: log.destination } });
  });
  afterAll(async () => h?.close());
  beforeEach(async () => {
    await h.reset();
    h.clock.set(T0);
    log.lines.length = 0;
  });

  it("a network failure and a 400 while the bot answers them: the log names the method and code, never their id, the chat, the text or the token", async () => {
    const f = await aForum(h);
    const reporter: User = h.fake.addUser({ id: 987654321, first_name: "Rahasiawati", username: "pelapor_rahasia" });
    const budi = await f.official(0, "Budi");
    const ticket = await fileAspiration(h, f, reporter, { village: 0, privacy: "Anonim" });
    await pressOn(h, budi, budi.id, ticket, "Verifikasi");
    await pressOn(h, budi, budi.id, ticket, "Balas");
    // The official's reply reaches the reporter through the outbox: Telegram refuses it once.
    h.fake.fail("sendMessage", { code: 400, description: "Bad Request: message is too long" }, { where: (p) => Number(p.chat_id) === reporter.id });
    await say(h, budi, "Terima kasih, kami cek ke lokasi besok pagi");
    await h.flush();

    // The reporter answers; the bot's confirmation to them finds no network, then a refusal.
    await pressOn(h, reporter, reporter.id, ticket, "Balas");
    h.fake.dropConnection("sendMessage", { times: 3, where: (p) => Number(p.chat_id) === reporter.id });
    await say(h, reporter, "Lubang terbesar ada di depan masjid");
    await h.flush();
    await pressOn(h, reporter, reporter.id, ticket, "Balas");
    h.fake.fail("sendMessage", { code: 400, description: "Bad Request: message is too long" }, { where: (p) => Number(p.chat_id) === reporter.id });
    await say(h, reporter, "Satu lagi di dekat sekolah");
    await h.flush();

    // It happened, and was logged as it should be.
    const failedCalls = h.fake.calls.filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === reporter.id && !c.ok);
    expect(failedCalls.length).toBeGreaterThanOrEqual(5); // 1 refused in the outbox, 3 dropped, 1 refused
    // Nothing that says who, where or what: checked first, so a leak is what fails.
    const all = log.lines.join("\n");
    const texts = failedCalls.map((c) => String(c.params.text));
    const needles = [h.config.BOT_TOKEN, String(reporter.id), "Rahasiawati", "pelapor_rahasia", String(budi.id), String(f.villages[0]!.group.id), "Lubang terbesar", "dekat sekolah", "kami cek ke lokasi", ...texts];
    for (const n of needles) expect(all, `logged "${n}"`).not.toContain(n);
    const entries = log.lines.map((l) => JSON.parse(l) as Record<string, any>);
    const failures = entries.filter((e) => e.msg === "handler failed");
    expect(failures.map((e) => e.err.type).sort()).toEqual(["GrammyError", "HttpError"]);
    expect(failures.find((e) => e.err.type === "GrammyError")!.err).toMatchObject({ method: "sendMessage", error_code: 400, description: "Bad Request: message is too long" });
    expect(failures.find((e) => e.err.type === "HttpError")!.err).toMatchObject({ method: "sendMessage" });
    expect(entries.some((e) => e.msg === "delivery: rejected")).toBe(true);
  }, 120_000);
});

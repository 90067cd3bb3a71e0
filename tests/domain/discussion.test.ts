import { describe, expect, it } from "vitest";
import { phaseOf, waitForRoom } from "../../src/domain/discussion/pacing.js";
import { contentOf, parseMuteArgs } from "../../src/domain/discussion/content.js";
import { codePoints, TextBuilder } from "../../src/domain/discussion/text.js";
import { copyItems, digestOf, planFor, type RelayRow } from "../../src/domain/discussion/compose.js";
import { groupRenderer } from "../../src/bot/features/discussion/render.js";

describe("pacing of a group's sends", () => {
  it("lets a quiet group take 3 at once, then one every 4 s", () => {
    expect(waitForRoom([], 0)).toBe(0);
    expect(waitForRoom([0, 0], 0)).toBe(0);
    expect(waitForRoom([0, 0, 0], 0)).toBe(4_000);
    expect(waitForRoom([0, 0, 0], 4_000)).toBe(0);
    // Two sends at once (a header line and a sticker) need room for both.
    expect(waitForRoom([0, 0], 0, 2)).toBe(4_000);
    // After a quiet minute the burst is available again.
    expect(waitForRoom([0, 0, 0, 4_000, 8_000], 60_000)).toBe(0);
  });

  it("never allows more than 18 in any minute, and under load spreads sends evenly", () => {
    const sends: number[] = [];
    let now = 0;
    for (let i = 0; i < 200; i++) {
      now += waitForRoom(sends, now);
      sends.push(now);
      now += 137; // the next message comes a little later
    }
    for (let i = 0; i < sends.length; i++) {
      const inMinute = sends.filter((t) => t > sends[i]! - 60_000 && t <= sends[i]!).length;
      expect(inMinute).toBeLessThanOrEqual(18);
    }
    const gaps = sends.slice(10).map((t, i) => t - sends[i + 9]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4_137);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(3_999);
  });

  it("gives each group its own phase within the interval", () => {
    const phases = Array.from({ length: 17 }, (_, g) => phaseOf(-1003000000000n - BigInt(g)));
    expect(phases.every((p) => p >= 0 && p < 4_000)).toBe(true);
    expect(new Set(phases.map((p) => Math.floor(p / 500))).size).toBeGreaterThan(4);
  });
});

describe("reading a message", () => {
  it("recognises each kind, animations before documents", () => {
    expect(contentOf({ text: "halo", entities: [{ type: "bold", offset: 0, length: 4 }] })).toMatchObject({ kind: "text", text: "halo" });
    expect(contentOf({ photo: [{}], caption: "c" })?.kind).toBe("photo");
    expect(contentOf({ animation: {}, document: {} })?.kind).toBe("animation");
    expect(contentOf({ document: { file_name: "a.pdf" } })).toMatchObject({ kind: "document", media: { fileName: "a.pdf" } });
    expect(contentOf({ voice: { duration: 7 } })).toMatchObject({ kind: "voice", media: { duration: 7 } });
    expect(contentOf({ location: { latitude: 1, longitude: 2 } })?.kind).toBe("location");
    expect(contentOf({ sticker: { emoji: "🙏" } })).toMatchObject({ kind: "sticker", media: { emoji: "🙏" } });
    expect(contentOf({ contact: {} })).toBeNull();
    expect(contentOf({ poll: {} })).toBeNull();
  });

  it("reads mute durations and reasons in Indonesian", () => {
    expect(parseMuteArgs("2 jam berkata kasar")).toEqual({ minutes: 120, reason: "berkata kasar" });
    expect(parseMuteArgs("30 menit")).toEqual({ minutes: 30, reason: null });
    expect(parseMuteArgs("1 hari")).toEqual({ minutes: 1440, reason: null });
    expect(parseMuteArgs("1 minggu  spam   berulang")).toEqual({ minutes: 10_080, reason: "spam berulang" });
    expect(parseMuteArgs("lama sekali")).toBeNull();
    expect(parseMuteArgs("3 tahun")).toBeNull();
  });
});

describe("copies", () => {
  const renderer = groupRenderer();
  const row = (over: Partial<RelayRow> = {}): RelayRow => ({
    id: 1, forumId: 1, topicId: 1, authorId: 1, authorName: "Ani", villageId: null, sourceChatId: -100n, sourceMessageId: 5,
    kind: "text", text: "halo", entities: [], media: null, ...over,
  });
  const author = { name: "Ani", place: "Desa Sukajaya", linkUserId: null };

  it("shifts the author's own formatting past the header and drops what Telegram would refuse", () => {
    const f = new TextBuilder()
      .author("Ani", "Desa X", 42)
      .plain("\n")
      .user("😀 tebal miring", [
        { type: "bold", offset: 3, length: 5 },
        { type: "text_mention", offset: 0, length: 2, user: { id: 9, is_bot: false, first_name: "x" } },
        { type: "custom_emoji", offset: 0, length: 2 },
        { type: "italic", offset: 9, length: 99 },
      ])
      .build();
    const start = "Ani · Desa X\n".length;
    expect(f.text.slice(start + 3, start + 8)).toBe("tebal");
    expect(f.entities).toEqual([
      { type: "text_mention", offset: 0, length: 3, user: { id: 42, is_bot: false, first_name: "Ani" } },
      { type: "bold", offset: 0, length: "Ani · Desa X".length },
      { type: "bold", offset: start + 3, length: 5 },
    ]);
  });

  it("puts the header in the caption, or in a line of its own when it cannot fit", () => {
    expect(planFor("text", "x", "Ani · Desa X")).toBe("text");
    expect(planFor("text", "x".repeat(4090), "Ani · Desa X")).toBe("headerLine");
    expect(planFor("photo", "x".repeat(900), "Ani · Desa X")).toBe("caption");
    expect(planFor("photo", "x".repeat(1020), "Ani · Desa X")).toBe("headerLine");
    expect(planFor("sticker", null, "Ani · Desa X")).toBe("headerLine");
    expect(codePoints("😀a")).toBe(2);
    const [header, copy] = copyItems(row({ kind: "sticker", text: null }), { chatId: -200n, threadId: 7 }, 33, author, "headerLine");
    expect(header!.payload).toMatchObject({ method: "sendMessage", params: { text: "Ani · Desa Sukajaya", message_thread_id: 7, reply_parameters: { message_id: 33 } } });
    expect(copy!.payload).toMatchObject({ method: "copyMessage", params: { from_chat_id: -100, message_id: 5, message_thread_id: 7 } });
    expect(header!.recipientKey).toBe("h:-200");
    expect(copy!.recipientKey).toBe("c:-200");
  });

  it("a digest takes as many messages as fit in one Telegram message, in order", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ r: row({ id: i, text: `${i}:${"x".repeat(900)}` }), author }));
    const { f, taken } = digestOf(renderer, "Jalan", items);
    expect(taken).toBe(4);
    expect(codePoints(f.text)).toBeLessThanOrEqual(4096);
    expect(f.text.startsWith("📨 4 pesan baru di topik “Jalan”")).toBe(true);
    expect(f.text.indexOf("0:")).toBeLessThan(f.text.indexOf("3:"));
    expect(f.text).not.toContain("4:x");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Access, type MembershipView } from "../../src/domain/forum/access.js";
import { authorizeAudience, resolveRecipients } from "../../src/domain/pengumuman/audience.js";
import { compose, recipientPayloads, sliceEntities, splitRanges, TEXT_LIMIT } from "../../src/domain/pengumuman/content.js";
import { checkScheduleTime } from "../../src/domain/pengumuman/service.js";
import { NotAllowed, NotFound, InvalidInput } from "../../src/domain/errors.js";
import { openTestDatabase, type TestDatabase } from "../support/db.js";
import { T0 } from "../support/harness.js";

describe("content", () => {
  const sig = { header: "📢 Pengumuman · Desa Sukajaya", footer: "— Budi, perangkat Desa Sukajaya" };

  it("frames the text with a bold header and an italic signature, keeping the author's own formatting", () => {
    const c = compose({ ...sig, body: "  Rapat *besok* di balai.  ", bodyEntities: [{ type: "bold", offset: 8, length: 6 }], media: null });
    expect(c.fits).toBe(true);
    const [p] = c.parts;
    expect(p!.text).toBe(`${sig.header}\n\nRapat *besok* di balai.\n\n${sig.footer}`);
    const bodyStart = sig.header.length + 2;
    expect(p!.entities).toEqual([
      { type: "bold", offset: 0, length: sig.header.length },
      { type: "bold", offset: bodyStart + 6, length: 6 },
      { type: "italic", offset: p!.text.length - sig.footer.length, length: sig.footer.length },
    ]);
    expect(p!.text.slice(bodyStart + 6, bodyStart + 12)).toBe("*besok");
  });

  it("a text over the limit is split at paragraph breaks, every part within the limit, entities clipped", () => {
    const para = "Warga diharap hadir tepat waktu dan membawa KTP. ".repeat(10).trim();
    const body = Array.from({ length: 12 }, () => para).join("\n\n");
    const link = { type: "text_link", offset: body.length - 20, length: 10, url: "https://desa.id" };
    const c = compose({ ...sig, body, bodyEntities: [link], media: null });
    expect(c.fits).toBe(false);
    expect(c.length).toBeGreaterThan(TEXT_LIMIT);
    expect(c.parts.length).toBe(2);
    for (const p of c.parts) expect(p.text.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(c.parts[0]!.text.startsWith(sig.header)).toBe(true);
    expect(c.parts[1]!.text.endsWith(sig.footer)).toBe(true);
    const last = c.parts[1]!;
    const moved = last.entities.find((e) => e.type === "text_link")!;
    expect(last.text.slice(moved.offset, moved.offset + moved.length)).toBe(body.slice(link.offset, link.offset + link.length));
    // Nothing lost, nothing doubled.
    const rebuilt = c.parts.map((p, i) => p.text.replace(i === 0 ? `${sig.header}\n\n` : "", "").replace(i === c.parts.length - 1 ? `\n\n${sig.footer}` : "", "")).join("\n\n");
    expect(rebuilt).toBe(body);
  });

  it("a caption over 1024 characters becomes the file with the header, then the text", () => {
    const body = "Isi pengumuman panjang. ".repeat(60).trim();
    const c = compose({ ...sig, body, bodyEntities: [], media: "photo" });
    expect(c.fits).toBe(false);
    expect(c.limit).toBe(1024);
    expect(c.parts[0]!.text).toBe(sig.header);
    expect(c.parts.slice(1).map((p) => p.text).join("")).toContain("Isi pengumuman panjang.");
    const payloads = recipientPayloads({ parts: c.parts, media: { kind: "photo", fileId: "F1" }, pin: true, silent: false }, { group: true });
    expect(payloads.map((p) => (p.op === "send" ? p.method : ""))).toEqual(["sendPhoto", "sendMessage"]);
    expect(payloads[0]).toMatchObject({ pin: true, params: { photo: "F1", caption: sig.header } });
    expect(payloads[1]).not.toHaveProperty("pin");
  });

  it("pins only in groups, and only the first part; silent applies to every part", () => {
    const parts = [{ text: "a", entities: [] }, { text: "b", entities: [] }];
    const group = recipientPayloads({ parts, media: null, pin: true, silent: true }, { group: true });
    const person = recipientPayloads({ parts, media: null, pin: true, silent: true }, { group: false });
    expect(group.map((p) => (p as { pin?: boolean }).pin ?? false)).toEqual([true, false]);
    expect(person.map((p) => (p as { pin?: boolean }).pin ?? false)).toEqual([false, false]);
    expect([...group, ...person].every((p) => p.op === "send" && p.params.disable_notification === true)).toBe(true);
  });

  it("never cuts inside a surrogate pair", () => {
    const text = "😀".repeat(50);
    const ranges = splitRanges(text, 7);
    expect(ranges.every(([s, e]) => e - s <= 7 && (e - s) % 2 === 0)).toBe(true);
    expect(ranges.map(([s, e]) => text.slice(s, e)).join("")).toBe(text);
    expect(sliceEntities([{ type: "bold", offset: 2, length: 10 }], 4, 8, 1)).toEqual([{ type: "bold", offset: 1, length: 4 }]);
  });

  it("a schedule must be at least a minute ahead and at most a year", () => {
    expect(() => checkScheduleTime(new Date(T0.getTime() - 1), T0)).toThrow(InvalidInput);
    expect(() => checkScheduleTime(new Date(T0.getTime() + 30_000), T0)).toThrow(InvalidInput);
    expect(() => checkScheduleTime(new Date(T0.getTime() + 400 * 86_400_000), T0)).toThrow(InvalidInput);
    expect(() => checkScheduleTime(new Date(T0.getTime() + 3600_000), T0)).not.toThrow();
  });
});

describe("audience", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db?.close());
  beforeEach(async () => db.reset());

  async function world() {
    const p = db.prisma;
    const forum = await p.forum.create({ data: { name: "Forum A" } });
    const other = await p.forum.create({ data: { name: "Forum B" } });
    const [suka, sido, bang] = await Promise.all(
      ["Sukajaya", "Sidorejo", "Bangunrejo"].map((name, i) => p.village.create({ data: { forumId: forum.id, name, shortCode: `V${i}` } })),
    );
    const foreign = await p.village.create({ data: { forumId: other.id, name: "Jati", shortCode: "JT" } });
    let n = 0;
    const person = (canMessage = true) => p.person.create({ data: { telegramUserId: BigInt(5000 + ++n), firstName: `P${n}`, canMessage } });
    const link = (villageId: number | null, chat: number, active = true, kind: "village_group" | "kecamatan_group" = "village_group") =>
      p.chatLink.create({ data: { forumId: forum.id, villageId, telegramChatId: BigInt(chat), title: `G${chat}`, active, kind } });
    await link(suka!.id, -101);
    await link(suka!.id, -102);
    await link(sido!.id, -103, false);
    await link(null, -100, true, "kecamatan_group");
    const member = async (villageId: number, role: "warga" | "perangkat_desa", canMessage = true) => {
      const x = await person(canMessage);
      await p.membership.create({ data: { personId: x.id, forumId: forum.id, villageId, role } });
      return x;
    };
    const w1 = await member(suka!.id, "warga");
    await member(suka!.id, "warga", false);
    const o1 = await member(suka!.id, "perangkat_desa");
    // An official who is also a resident gets one copy.
    await p.membership.create({ data: { personId: o1.id, forumId: forum.id, villageId: suka!.id, role: "warga" } });
    await member(bang!.id, "warga");
    const view = (m: Partial<MembershipView>): MembershipView => ({ id: 1, forumId: forum.id, forumName: "Forum A", villageId: null, villageName: null, role: "warga", source: "code", confirmedAt: null, ...m } as MembershipView);
    const admin = new Access(1, [view({ role: "admin_forum" })]);
    const official = new Access(2, [view({ role: "perangkat_desa", villageId: suka!.id, villageName: "Sukajaya" })]);
    const warga = new Access(3, [view({ role: "warga", villageId: suka!.id })]);
    return { forum, other, suka: suka!, sido: sido!, bang: bang!, foreign, admin, official, warga, w1, o1 };
  }

  it("an admin may address any villages, or all; a perangkat desa only their own", async () => {
    const w = await world();
    await expect(authorizeAudience(db.prisma, w.admin, w.forum.id, { targets: ["groups"], villages: "all" })).resolves.toMatchObject({ all: true });
    await expect(authorizeAudience(db.prisma, w.admin, w.forum.id, { targets: ["residents"], villages: [w.bang.id, w.suka.id] })).resolves.toEqual({
      targets: ["residents"],
      all: false,
      villageIds: [w.suka.id, w.bang.id].sort((a, b) => a - b),
    });
    await expect(authorizeAudience(db.prisma, w.official, w.forum.id, { targets: ["groups"], villages: [w.suka.id] })).resolves.toMatchObject({ villageIds: [w.suka.id] });
    const other = authorizeAudience(db.prisma, w.official, w.forum.id, { targets: ["groups"], villages: [w.suka.id, w.sido.id] });
    await expect(other).rejects.toThrow(NotAllowed);
    await expect(other).rejects.toMatchObject({ reason: "pengumuman_other_village", params: { village: "Sidorejo" } });
    await expect(authorizeAudience(db.prisma, w.official, w.forum.id, { targets: ["groups"], villages: "all" })).rejects.toMatchObject({ reason: "pengumuman_all_admin_only" });
    await expect(authorizeAudience(db.prisma, w.warga, w.forum.id, { targets: ["groups"], villages: [w.suka.id] })).rejects.toMatchObject({ reason: "pengumuman_not_allowed" });
    // Forum isolation: another forum's village is simply not found, even for an admin.
    await expect(authorizeAudience(db.prisma, w.admin, w.forum.id, { targets: ["groups"], villages: [w.foreign.id] })).rejects.toThrow(NotFound);
    await expect(authorizeAudience(db.prisma, w.admin, w.other.id, { targets: ["groups"], villages: "all" })).rejects.toMatchObject({ reason: "pengumuman_not_allowed" });
    await expect(authorizeAudience(db.prisma, w.admin, w.forum.id, { targets: ["everyone" as never], villages: "all" })).rejects.toMatchObject({ reason: "pengumuman_bad_audience" });
    await expect(authorizeAudience(db.prisma, w.admin, w.forum.id, { targets: ["groups"], villages: [] })).rejects.toMatchObject({ reason: "pengumuman_no_villages" });
  });

  it("recipients: active linked groups, people who opened the bot (one copy each), the rest counted as unreachable", async () => {
    const w = await world();
    const groups = await resolveRecipients(db.prisma, w.forum.id, { targets: ["groups"], all: false, villageIds: [w.suka.id, w.sido.id] });
    expect(groups.recipients.map((r) => [Number(r.chatId), r.key])).toEqual([
      [-101, `v:${w.suka.id}:g`],
      [-102, `v:${w.suka.id}:g`],
    ]);
    const all = await resolveRecipients(db.prisma, w.forum.id, { targets: ["groups"], all: true, villageIds: [] });
    expect(all.recipients.map((r) => Number(r.chatId)).sort()).toEqual([-102, -101, -100].sort());
    const people = await resolveRecipients(db.prisma, w.forum.id, { targets: ["officials", "residents"], all: false, villageIds: [w.suka.id] });
    expect(people.recipients.map((r) => r.chatId).sort()).toEqual([w.w1.telegramUserId, w.o1.telegramUserId].sort());
    expect(people.unreachable).toBe(1);
  });
});

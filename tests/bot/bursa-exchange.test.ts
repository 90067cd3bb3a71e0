import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { everythingNotTo, lastToast } from "../support/aspirasi.js";
import { actorFor, aPost, setPoint } from "../support/bursa.js";
import { bursaDepsOf } from "../../src/bot/features/bursa/deps.js";
import { meetingDepsOf } from "../../src/bot/features/musyawarah/deps.js";
import { createPost, inviteMad, listPosts, updateProfile } from "../../src/domain/bursa/index.js";
import { NotAllowed } from "../../src/domain/errors.js";

let h: Harness;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
});

const prisma = () => h.app.deps.prisma;

/** Walks the /bursa posting flow as an official would (skipping the optional questions). */
async function postViaBot(user: { id: number; first_name: string }, kind: "Kebutuhan" | "Penawaran", category: string, title: string, period?: string) {
  await say(h, user as never, "/bursa");
  await press(h, user as never, user.id, `➕ ${kind}`);
  await press(h, user as never, user.id, category);
  await say(h, user as never, title);
  await press(h, user as never, user.id, "Lewati"); // details
  await press(h, user as never, user.id, "Lewati"); // quantity
  if (period) await say(h, user as never, period);
  else await press(h, user as never, user.id, "Lewati");
  await press(h, user as never, user.id, "Lewati"); // place
  await press(h, user as never, user.id, "Lewati"); // terms
  await press(h, user as never, user.id, "Kirim");
  await h.flush();
}

describe("matching and notification", () => {
  it("a need that matches another village's offer tells both sides, each with a button; interest from both shares contacts", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    await setPoint(h, f, 0, -4.93, 105.02);
    await setPoint(h, f, 1, -4.955, 105.045);
    await aPost(h, f, sari, { village: 1, kind: "penawaran", category: "alat", title: "traktor roda 2 ada 3 unit siap disewakan", periodText: "sepanjang tahun" });
    await aPost(h, f, sari, { village: 1, kind: "penawaran", category: "hasil", title: "jual lele konsumsi 1 kwintal per minggu" });

    await postViaBot(budi, "Kebutuhan", "Alat & mesin", "perlu alsintan buat olah lahan sawah 25 ha", "Oktober");
    expect(texts(h, budi.id).join("\n")).toContain("Ada 1 yang cocok");

    // Both sides hear of it: Sukajaya's official about the offer, Sidorejo's about the need.
    const toBudi = texts(h, budi.id).find((t) => t.includes("Ada yang cocok"))!;
    expect(toBudi).toContain("traktor roda 2");
    expect(toBudi).toContain("Desa Sidorejo");
    expect(toBudi).toMatch(/jarak ± 3,\d km/);
    const toSari = lastText(h, sari.id);
    expect(toSari).toContain("Ada yang membutuhkan");
    expect(toSari).toContain("perlu alsintan");
    expect(buttons(h, sari.id).map((b) => b.text)).toEqual(["🤝 Saya berminat"]);
    const match = await prisma().bursaMatch.findFirstOrThrow({ where: { forumId: f.id } });
    expect(await prisma().bursaMatch.count()).toBe(1); // the fish were not matched

    await press(h, sari, sari.id, "Saya berminat");
    expect(lastToast(h)).toContain("Minat Bapak/Ibu sudah dicatat");
    await h.flush();
    expect(lastText(h, budi.id)).toContain("Desa Sidorejo berminat memenuhi kebutuhan Bapak/Ibu");
    await press(h, budi, budi.id, "Saya berminat");
    expect(lastToast(h)).toContain("Kedua pihak berminat");
    await h.flush();
    expect(lastText(h, budi.id)).toContain("Silakan hubungi Desa Sidorejo");
    expect(lastText(h, budi.id)).toContain(`Sari (@${sari.username})`);
    expect(lastText(h, sari.id)).toContain(`Budi (@${budi.username})`);
    const row = await prisma().bursaMatch.findUniqueOrThrow({ where: { id: match.id } });
    expect(row.needInterestAt).not.toBeNull();
    expect(row.offerInterestAt).not.toBeNull();
    // Pressing again records nothing new and sends nothing.
    const sent = h.fake.callsTo("sendMessage").length;
    await press(h, sari, sari.id, "Saya berminat");
    await h.flush();
    expect(lastToast(h)).toContain("sudah tercatat");
    expect(h.fake.callsTo("sendMessage").length).toBe(sent);
  });

  it("a village never matches itself, and a closed post stops matching", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    await aPost(h, f, budi, { village: 0, kind: "penawaran", title: "traktor bisa disewa" });
    const other = await aPost(h, f, sari, { village: 1, kind: "penawaran", title: "traktor roda dua disewakan" });
    await prisma().bursaPost.update({ where: { id: other.post.id }, data: { status: "selesai" } });
    const need = await aPost(h, f, budi, { village: 0, kind: "kebutuhan", title: "butuh traktor utk olah sawah" });
    expect(need.matches).toEqual([]);
  });

  it("a stranger, an official of a third village, and another forum's admin cannot press interest for a side", async () => {
    const f = await aForum(h);
    const g = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    const tono = await f.official(2, "Tono");
    await aPost(h, f, sari, { village: 1, kind: "penawaran", title: "traktor roda dua disewakan" });
    const need = await aPost(h, f, budi, { village: 0, kind: "kebutuhan", title: "butuh traktor utk olah sawah" });
    const m = need.matches[0]!;
    const stranger = h.fake.addUser({ first_name: "Asing" });
    for (const u of [tono, g.admin, stranger]) {
      await say(h, u, "/start");
      const msg = h.fake.sent(u.id).at(-1)!;
      for (const side of ["n", "o"]) {
        await h.send(h.fake.updates.callback(u, u.id, msg.message_id, `bi:${m.id}:${side}`));
        expect(lastToast(h)).toMatch(/untuk pihak yang bersangkutan|tidak berlaku/);
      }
    }
    const row = await prisma().bursaMatch.findUniqueOrThrow({ where: { id: m.id } });
    expect([row.needInterestAt, row.offerInterestAt]).toEqual([null, null]);
  });
});

describe("posting rights and closing", () => {
  it("a resident can read the bursa but not post (a forged button is refused); an official closes their post and it stops matching", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    const warga = await f.resident(0, "Wati");
    await aPost(h, f, budi, { village: 0, kind: "kebutuhan", title: "butuh traktor utk olah sawah" });
    await say(h, warga, "/bursa");
    expect(lastText(h, warga.id)).toContain("Kebutuhan terbuka: 1");
    expect(buttons(h, warga.id).map((b) => b.text)).toEqual(["📥 Kebutuhan", "📤 Penawaran"]);
    const msg = h.fake.sent(warga.id).at(-1)!;
    await h.send(h.fake.updates.callback(warga, warga.id, msg.message_id, "bm:newn:0"));
    expect(lastText(h, warga.id)).toContain("Hanya perangkat desa");
    await say(h, warga, "/bursa");
    await press(h, warga, warga.id, "Kebutuhan");
    await press(h, warga, warga.id, "butuh traktor");
    expect(lastText(h, warga.id)).toContain("Kebutuhan · Desa Sukajaya");
    expect(buttons(h, warga.id).map((b) => b.text)).toEqual(["◀️ Kembali"]);

    await say(h, budi, "/bursa");
    await press(h, budi, budi.id, "Milik saya");
    await press(h, budi, budi.id, "butuh traktor");
    await press(h, budi, budi.id, "Terpenuhi");
    expect(lastToast(h)).toContain("Ditandai terpenuhi");
    expect(lastText(h, budi.id)).toContain("Sudah terpenuhi");
    const offer = await aPost(h, f, sari, { village: 1, kind: "penawaran", title: "traktor roda dua disewakan" });
    expect(offer.matches).toEqual([]);
  });
});

describe("mitra", () => {
  it("post offers (never needs), see villages' needs but not other partners' offers, and nothing they receive carries residents' data", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const unila = await f.person("mitra", undefined, "Rina");
    const bank = await f.person("mitra", undefined, "Dodi");
    await f.resident(0, "Wartini");
    await updateProfile(h.app.deps, await actorFor(h, budi), f.id, f.villages[0]!.id, { contactName: "Pak Harjo", contactPhone: "081234567890", population: 2345 });
    await expect(createPost(bursaDepsOf(h.app.deps), await actorFor(h, unila), { forumId: f.id, kind: "kebutuhan", villageId: null, partnerName: "Unila", category: "modal", title: "butuh dana penelitian" })).rejects.toBeInstanceOf(NotAllowed);
    await expect(createPost(bursaDepsOf(h.app.deps), await actorFor(h, unila), { forumId: f.id, kind: "penawaran", villageId: f.villages[0]!.id, category: "alat", title: "traktor disewakan murah" })).rejects.toBeInstanceOf(NotAllowed);
    await aPost(h, f, bank, { village: null, partnerName: "Bank Desa", kind: "penawaran", category: "modal", title: "KUR mikro bunga ringan utk petani" });

    await say(h, unila, "/bursa");
    expect(lastText(h, unila.id)).toContain("Sebagai mitra");
    expect(buttons(h, unila.id).map((b) => b.text)).toEqual(["📥 Kebutuhan", "➕ Penawaran", "🗂️ Milik saya"]);
    await postViaBotMitra(unila, "Universitas Lampung", "Pelatihan", "pelatihan pembukuan BUMDes dan UMKM");
    const need = await aPost(h, f, budi, { village: 0, kind: "kebutuhan", category: "pelatihan", title: "pengurus bumdes blm paham pembukuan, minta pendampingan" });
    expect(need.matches.map((m) => m.offer.partnerName)).toEqual(["Universitas Lampung"]);
    expect(lastText(h, unila.id)).toContain("Ada yang membutuhkan");
    expect(lastText(h, unila.id)).toContain("Desa Sukajaya");

    const seen = await listPosts(h.app.deps, await actorFor(h, unila), f.id, {});
    expect(seen.posts.map((p) => p.title).sort()).toEqual(["pelatihan pembukuan BUMDes dan UMKM", "pengurus bumdes blm paham pembukuan, minta pendampingan"]);
    await say(h, unila, "/profil Sukajaya");
    const all = (await everythingNotTo(h, -1)).filter((s) => s.includes(String(unila.id)));
    const joined = all.join("\n");
    expect(all.length).toBeGreaterThan(5);
    expect(joined).toContain("Desa Sukajaya");
    expect(joined).not.toContain("Wartini");
    expect(joined).not.toContain("Harjo");
    expect(joined).not.toContain("081234567890");
    expect(joined).not.toContain("Budi"); // not even the official who posted: posts speak for the village
  });
});

async function postViaBotMitra(user: { id: number }, org: string, category: string, title: string) {
  await press(h, user as never, user.id, "➕ Penawaran");
  await say(h, user as never, org);
  await press(h, user as never, user.id, category);
  await say(h, user as never, title);
  for (let i = 0; i < 5; i++) await press(h, user as never, user.id, "Lewati");
  await press(h, user as never, user.id, "Kirim");
  await h.flush();
}

describe("mediator", () => {
  it("kecamatan staff see needs without an offer and pairs without progress, and open a discussion between the two villages with one button", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    const tono = await f.official(2, "Tono");
    await aPost(h, f, tono, { village: 2, kind: "kebutuhan", category: "jasa", title: "butuh pelatih tari tradisional" });
    await aPost(h, f, sari, { village: 1, kind: "penawaran", title: "traktor roda dua disewakan harian" });
    const need = await aPost(h, f, budi, { village: 0, kind: "kebutuhan", title: "butuh traktor utk olah sawah" });
    const m = need.matches[0]!;

    await say(h, budi, "/mediasi");
    expect(lastText(h, budi.id)).toContain("Hanya admin forum dan moderator");
    await say(h, f.admin, "/mediasi");
    const view = lastText(h, f.admin.id);
    expect(view).toContain("Kebutuhan tanpa penawaran (1)");
    expect(view).toContain("butuh pelatih tari tradisional · Desa Bangunrejo");
    expect(view).toContain("Pasangan cocok yang belum ditindaklanjuti (1)");
    await press(h, f.admin, f.admin.id, "🔎 1.");
    expect(buttons(h, f.admin.id).map((b) => b.text)).toEqual(["💬 Diskusi", "📅 Undang MAD", "📑 Kesepakatan", "◀️ Kembali"]);
    await press(h, f.admin, f.admin.id, "Diskusi");
    expect(texts(h, f.admin.id).at(-2)).toContain("Kerja sama: butuh traktor utk olah sawah");
    expect(texts(h, f.admin.id).join("\n")).toContain("ke grup 2 desa");
    expect(await prisma().topic.count()).toBe(0); // a preview first
    await press(h, f.admin, f.admin.id, "Buka diskusi");
    await h.flush();
    expect(lastText(h, f.admin.id)).toContain("Diskusi dibuka di 2 grup");
    for (const v of [0, 1]) expect(lastText(h, f.villages[v]!.group.id)).toContain("Kerja sama: butuh traktor utk olah sawah");
    for (const v of [2, 3, 4]) expect(texts(h, f.villages[v]!.group.id)).toEqual([]);
    const topic = await prisma().topic.findFirstOrThrow();
    expect((await prisma().bursaMatch.findUniqueOrThrow({ where: { id: m.id } })).topicId).toBe(topic.id);
    // The pair has progress now; the need without offer can be asked of every village.
    await say(h, f.admin, "/mediasi");
    expect(lastText(h, f.admin.id)).toContain("belum ditindaklanjuti (0)");
    await press(h, f.admin, f.admin.id, "📣 1.");
    await press(h, f.admin, f.admin.id, "Buka diskusi");
    await h.flush();
    for (const v of [0, 1, 2, 3, 4]) expect(lastText(h, f.villages[v]!.group.id)).toContain("Siapa bisa membantu: butuh pelatih tari tradisional");
  });

  it("a MAD invitation for a pair goes to both villages' groups and officials and the partner who posted; residents and moderators cannot open it", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const mitra = await f.person("mitra", undefined, "Rina");
    await aPost(h, f, mitra, { village: null, partnerName: "Unila", kind: "penawaran", category: "pelatihan", title: "pelatihan pembukuan BUMDes" });
    const need = await aPost(h, f, budi, { village: 0, kind: "kebutuhan", category: "pelatihan", title: "pelatihan pembukuan utk pengurus BUMDes" });
    const m = need.matches[0]!;
    const moderator = await f.person("moderator", undefined, "Mod");
    await expect(inviteMad(bursaDepsOf(h.app.deps), meetingDepsOf(h.app.deps), await actorFor(h, moderator), f.id, m.id, { title: "MAD", agenda: ["a"], startsAt: new Date(T0.getTime() + 2 * DAY), durationMinutes: 60, place: null })).rejects.toBeInstanceOf(NotAllowed);

    await say(h, f.admin, "/mediasi");
    await press(h, f.admin, f.admin.id, "🔎 1.");
    await press(h, f.admin, f.admin.id, "Undang MAD");
    await say(h, f.admin, "Kamis 3 Desember 2026 09.00");
    await press(h, f.admin, f.admin.id, "Benar");
    await press(h, f.admin, f.admin.id, "1 jam");
    await say(h, f.admin, "Aula Kecamatan");
    await press(h, f.admin, f.admin.id, "Lewati");
    expect(lastText(h, f.admin.id)).toContain("MAD kerja sama: pelatihan pembukuan");
    await press(h, f.admin, f.admin.id, "Kirim undangan");
    await h.flush();
    expect(lastText(h, f.admin.id)).toContain("Undangan MAD terkirim ke 1 grup dan 2 orang");
    const meeting = await prisma().meeting.findFirstOrThrow();
    expect(meeting).toMatchObject({ kind: "mad", forumId: f.id });
    expect((await prisma().bursaMatch.findUniqueOrThrow({ where: { id: m.id } })).meetingId).toBe(meeting.id);
    expect(texts(h, f.villages[0]!.group.id).join("\n")).toContain("MAD kerja sama");
    expect(texts(h, mitra.id).join("\n")).toContain("MAD kerja sama");
    expect(texts(h, f.villages[1]!.group.id)).toEqual([]);

    const warga = await f.resident(0);
    await say(h, warga, "/start");
    const msg = h.fake.sent(warga.id).at(-1)!;
    await h.send(h.fake.updates.callback(warga, warga.id, msg.message_id, `bd:mad:${m.id}`));
    expect(lastToast(h)).toContain("Hanya admin forum dan moderator");
  });
});

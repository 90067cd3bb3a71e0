import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say } from "../support/world.js";
import { finishProgress } from "../support/pengumuman.js";

vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
  h.fake.setNow(T0);
});

const groupsOf = (f: Awaited<ReturnType<typeof aForum>>) => f.villages.map((v) => v.group.id);

/** After the content step: every village group, send now, confirm. */
async function toAllGroups(f: Awaited<ReturnType<typeof aForum>>) {
  await press(h, f.admin, f.admin.id, "Semua grup desa");
  await press(h, f.admin, f.admin.id, "Kirim sekarang");
  await press(h, f.admin, f.admin.id, "✅ Kirim");
  await h.flush();
  await finishProgress(h, 2);
}

describe("video, voice note, audio and albums as announcements", () => {
  it("a video, a voice note (text asked for) and an audio go out with their own send method and the signed caption", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await say(h, f.admin, "/pengumuman");
    await h.send(h.fake.updates.video(f.admin, f.admin.id, { caption: "Video sosialisasi vaksinasi ternak." }));
    await toAllGroups(f);
    await say(h, f.admin, "/pengumuman");
    await h.send(h.fake.updates.voice(f.admin, f.admin.id));
    expect(lastText(h, f.admin.id)).toContain("Sekarang tulis isi pengumumannya");
    await say(h, f.admin, "Pesan suara dari Pak Camat tentang ronda.");
    await toAllGroups(f);
    await say(h, f.admin, "/pengumuman");
    await h.send(h.fake.updates.audio(f.admin, f.admin.id, { caption: "Lagu mars kecamatan untuk upacara." }));
    await toAllGroups(f);

    for (const g of groupsOf(f)) {
      const got = h.fake.sent(g).filter((m) => String(m.caption ?? "").startsWith("📢"));
      expect(got.map((m) => (m.video ? "video" : m.voice ? "voice" : m.audio ? "audio" : "?"))).toEqual(["video", "voice", "audio"]);
      expect(got[1]!.caption).toContain("Pesan suara dari Pak Camat tentang ronda.");
    }
    expect(h.fake.callsTo("sendVideo").length).toBeGreaterThanOrEqual(2);
  });

  it("an album is collected until ✅ Selesai and goes out as one album per group; deleting it deletes every item, even with other messages between them", async () => {
    h.fake.albumGap = 1; // a busy group: other people's messages land between the album's
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    await say(h, f.admin, "/pengumuman");
    for (const u of h.fake.updates.album(f.admin, f.admin.id, [{ kind: "photo", caption: "Dokumentasi kerja bakti di tiga dusun." }, { kind: "video" }, { kind: "photo" }])) await h.send(u);
    // One prompt for the whole album, not one per item.
    expect(h.fake.sent(f.admin.id).filter((m) => m.text?.includes("Album diterima"))).toHaveLength(1);
    await press(h, f.admin, f.admin.id, "✅ Selesai");
    // The preview is the album itself.
    await press(h, f.admin, f.admin.id, "Semua grup desa");
    await press(h, f.admin, f.admin.id, "Kirim sekarang");
    const preview = h.fake.sent(f.admin.id).filter((m) => m.media_group_id);
    expect(preview.map((m) => (m.photo ? "photo" : "video"))).toEqual(["photo", "video", "photo"]);
    await press(h, f.admin, f.admin.id, "✅ Kirim");
    await h.flush();
    await finishProgress(h, 2);

    const calls = h.fake.callsTo("sendMediaGroup").filter((c) => groupsOf(f).includes(Number(c.params.chat_id)));
    expect(calls).toHaveLength(2);
    for (const g of groupsOf(f)) {
      const album = h.fake.sent(g).filter((m) => m.media_group_id);
      expect(album).toHaveLength(3);
      expect(new Set(album.map((m) => m.media_group_id)).size).toBe(1);
      expect(album[0]!.caption).toMatch(/^📢 Pengumuman[^]*Dokumentasi kerja bakti di tiga dusun\.[^]*— Admin/);
      expect(album.slice(1).map((m) => m.caption)).toEqual([undefined, undefined]);
      expect(album[2]!.message_id - album[0]!.message_id).toBe(4);
    }
    expect(lastText(h, f.admin.id)).toContain("Terkirim 2 dari 2");

    await say(h, f.admin, "/start");
    await h.send(h.fake.updates.callback(f.admin, f.admin.id, h.fake.sent(f.admin.id).at(-1)!.message_id, "pgd:1"));
    await press(h, f.admin, f.admin.id, "Hapus di semua chat");
    await press(h, f.admin, f.admin.id, "Ya, hapus");
    await h.flush();
    for (let i = 0; i < 3; i++) {
      h.clock.advance(3_000);
      await h.tick();
    }
    for (const g of groupsOf(f)) expect(h.fake.sent(g).filter((m) => m.media_group_id).map((m) => !!m.deleted)).toEqual([true, true, true]);
    expect(lastText(h, f.admin.id)).toContain("2 dari 2 chat berhasil, 0 gagal.");
  });

  it("an album without a caption asks for the text; a one-item 'album' is refused as Telegram would", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await say(h, f.admin, "/pengumuman");
    for (const u of h.fake.updates.album(f.admin, f.admin.id, [{ kind: "photo" }, { kind: "photo" }])) await h.send(u);
    await press(h, f.admin, f.admin.id, "✅ Selesai");
    expect(lastText(h, f.admin.id)).toContain("Sekarang tulis isi pengumumannya");
    await say(h, f.admin, "Foto panen raya kemarin.");
    expect(lastText(h, f.admin.id)).toContain("Kirim kepada siapa?");

    // An album the app sent while one item failed to upload: one item left.
    await say(h, f.admin, "/pengumuman");
    const [one] = h.fake.updates.album(f.admin, f.admin.id, [{ kind: "photo", caption: "Satu foto saja ya" }, { kind: "photo" }]);
    await h.send(one!);
    await press(h, f.admin, f.admin.id, "✅ Selesai");
    expect(h.fake.sent(f.admin.id).at(-2)!.text).toContain("Album harus berisi 2 sampai 10 foto/video");
    expect(lastText(h, f.admin.id)).toContain("Pengumuman baru");
  });
});

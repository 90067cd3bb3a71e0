// The sandbox without a browser: the demo seed made through the domain, the exercises ticked from
// what the bot did (driven by Telegram-shaped updates the real, polling bot receives), a restart
// on the same data folder, and practice from nothing.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Message, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startSim, type Sim } from "../../src/sim/sim.js";
import { CAMAT, KAMPUNG, KECAMATAN_GROUP_ID, SEKDES, WARGA_BUDI, groupIdOf } from "../../src/sim/world.js";

const FAST = { LIMIT_GLOBAL_PER_SECOND: "10000", LIMIT_GROUP_PER_MINUTE: "10000", LIMIT_PRIVATE_PER_SECOND: "10000", FLOOD_LIMIT_PER_MINUTE: "10000" };
const template = () => inject("pgliteTemplate") ?? undefined;

describe("npm run sim (demo)", () => {
  let sim: Sim;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "forumdesa-sim-"));
    sim = await startSim({ dataDir: dir, port: 0, env: FAST, databaseTemplate: template() });
  }, 120_000);
  afterAll(async () => {
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("seeds the forum of the 17 kampung of Bangunrejo with officials, linked groups and a fortnight of activity", async () => {
    const prisma = sim.bot.app.deps.prisma;
    const forum = await prisma.forum.findFirstOrThrow({ include: { villages: true } });
    expect(forum.villages.map((v) => v.name).sort()).toEqual([...KAMPUNG].sort());
    const links = await prisma.chatLink.findMany({ where: { forumId: forum.id, active: true } });
    expect(links.filter((l) => l.kind === "village_group")).toHaveLength(17);
    expect(links.find((l) => l.kind === "kecamatan_group")?.telegramChatId).toBe(BigInt(KECAMATAN_GROUP_ID));
    expect(await prisma.membership.count({ where: { forumId: forum.id, role: "perangkat_desa" } })).toBe(19);

    const statuses = (await prisma.aspiration.findMany({ orderBy: { id: "asc" } })).map((a) => a.status);
    expect(new Set(statuses)).toEqual(new Set(["diproses", "selesai", "diteruskan", "baru"]));
    expect(await prisma.broadcast.count({ where: { state: "done" } })).toBe(3);
    const vote = await prisma.vote.findFirstOrThrow({ where: { kind: "formal" } });
    expect(vote.closesAt!.getTime()).toBeGreaterThan(Date.now());
    const meeting = await prisma.meeting.findFirstOrThrow();
    const days = (meeting.startsAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1);
    expect(days).toBeLessThan(14);

    // Everything the bot sent on the way is in the emulator's chats: the topic with replies relayed
    // from other kampung, the vote card, the pinned announcement, the invitation with its .ics.
    const f = sim.fake;
    const sukanegara = f.messages(groupIdOf("Sukanegara")).map((m) => String(m.text ?? m.caption ?? ""));
    expect(sukanegara.some((t) => t.includes("Rencana pasar kampung bersama"))).toBe(true);
    expect(sukanegara.some((t) => t.startsWith("Siti · ") && t.includes("becek"))).toBe(true);
    expect(sukanegara.some((t) => t.includes("lokasi pasar bersama BUMDesma"))).toBe(true);
    expect(f.pinned(groupIdOf("Sukanegara"))).toHaveLength(1);
    expect(f.sent(SEKDES.id).some((m) => m.document?.file_name?.endsWith(".ics"))).toBe(true);
    // The demo was made within Telegram's rules: nothing the emulator refused but redundant edits.
    expect(f.calls.filter((c) => !c.ok && !c.error?.description.includes("not modified"))).toEqual([]);
  });

  it("ticks every step of 'Kirim pengumuman ke semua kampung' as the bot does it", async () => {
    const t = telegram(sim);
    const camat = t.user(CAMAT.id);
    await sim.web.exercises.start("pengumuman");
    await t.say(camat, "/pengumuman");
    await t.say(camat, "Gotong royong membersihkan saluran irigasi primer hari Sabtu pukul 07.00 WIB.");
    await t.press(camat, "Semua grup kampung");
    await t.press(camat, "Kirim sekarang");
    await t.press(camat, "✅ Kirim");
    await t.ticked(6);
    expect(sim.fake.sent(groupIdOf("Timbulrejo")).at(-1)?.text).toContain("Gotong royong membersihkan saluran irigasi");
  });

  it("ticks every step of 'Tindak lanjuti aspirasi' for the seeded ticket, and the reporter hears of it", async () => {
    const t = telegram(sim);
    const sekdes = t.user(SEKDES.id);
    const prisma = sim.bot.app.deps.prisma;
    const village = await prisma.village.findFirstOrThrow({ where: { name: "Sukanegara" } });
    const ticket = (await prisma.aspiration.findFirstOrThrow({ where: { status: "baru", villageId: village.id }, orderBy: { id: "desc" } })).ticketNo;
    const s = await sim.web.exercises.start("aspirasi");
    expect("title" in s && s.title).toBe(`Tindak lanjuti aspirasi ${ticket}`);
    await t.say(sekdes, "/aspirasi_masuk");
    await t.press(sekdes, "Verifikasi", ticket);
    await t.press(sekdes, "Balas", ticket);
    await t.say(sekdes, "Terima kasih, lampu akan diganti minggu ini.");
    await t.press(sekdes, "Proses", ticket);
    await t.say(sekdes, "Lampu baru sudah dipesan.");
    await t.ticked(5);
    expect((await prisma.aspiration.findFirstOrThrow({ where: { ticketNo: ticket } })).status).toBe("diproses");
  });

  it("ticks every step of 'Buat musyawarah dan kirim undangan', the last one when a resident answers in the group", async () => {
    const t = telegram(sim);
    const sekdes = t.user(SEKDES.id);
    const budi = t.user(WARGA_BUDI.id);
    await sim.web.exercises.start("musyawarah");
    await t.say(sekdes, "/musyawarah");
    await t.press(sekdes, "Buat undangan baru");
    await t.press(sekdes, "Musyawarah Kampung");
    await t.say(sekdes, "Musyawarah Kampung tentang lampu jalan");
    await t.say(sekdes, "Pembukaan\nPembahasan lampu jalan\nPenutup");
    await t.say(sekdes, "Senin depan 19.30");
    await t.press(sekdes, "Benar");
    await t.press(sekdes, "2 jam");
    await t.say(sekdes, "Balai Kampung Sukanegara");
    await t.press(sekdes, "Lewati");
    await t.press(sekdes, "Grup warga kampung");
    await t.press(sekdes, "Lanjut");
    await t.press(sekdes, "Kirim undangan");
    await t.ticked(5);
    await t.press(budi, "✅ Akan hadir", "lampu jalan", groupIdOf("Sukanegara"));
    await t.ticked(6);
  });

  it("starts again on the same folder with the same chats, and the bot still edits what it sent before", async () => {
    const before = sim.fake.messages(groupIdOf("Sukanegara")).length;
    const ticket = await sim.bot.app.deps.prisma.aspiration.count();
    await sim.stop();
    sim = await startSim({ dataDir: dir, port: 0, env: FAST });
    expect(sim.mode).toBe("demo");
    expect(sim.fake.messages(groupIdOf("Sukanegara")).length).toBe(before);
    expect(await sim.bot.app.deps.prisma.aspiration.count()).toBe(ticket);
    // A vote press on a card sent before the restart: the card is edited in place.
    const t = telegram(sim);
    const made = t.user(5_100_015);
    await t.press(made, "Balai Kampung Sidomulyo", "lokasi pasar bersama", groupIdOf("Mekar Jaya"));
    await sim.fake.waitForCall("answerCallbackQuery", undefined, { timeout: 10_000 });
  });
});

describe("npm run sim -- --fresh", () => {
  it("starts with an empty database and Pak Camat as the bootstrap admin, the bot in no group yet", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "forumdesa-sim-fresh-"));
    const sim = await startSim({ dataDir: dir, port: 0, fresh: true, env: FAST, databaseTemplate: template() });
    try {
      expect(sim.mode).toBe("fresh");
      expect(await sim.bot.app.deps.prisma.forum.count()).toBe(0);
      expect(sim.fake.chatMemberStatus(groupIdOf("Sukanegara"), sim.fake.botInfo.id)).toBe("left");
      const t = telegram(sim);
      // The first private contact shows the privacy notice before anything is kept.
      await t.say(t.user(CAMAT.id), "/forumbaru");
      expect(t.lastText(CAMAT.id)).toContain("Pemberitahuan Privasi");
      await t.press(t.user(CAMAT.id), "Saya setuju");
      await t.say(t.user(CAMAT.id), "/forumbaru");
      await t.say(t.user(CAMAT.id), "Kerja Sama Antar Kampung Kecamatan Bangunrejo");
      await t.press(t.user(CAMAT.id), "WIB");
      await t.press(t.user(CAMAT.id), "Kampung");
      await t.press(t.user(CAMAT.id), "BPK");
      expect(t.lastText(CAMAT.id)).toContain("daftar kampung");
      // The page's "add the bot" brings the bot into a group, as Telegram's "Add to group" does.
      const res = await fetch(`${sim.url}/api/addBot`, { method: "POST", body: JSON.stringify({ persona: SEKDES.id, chat: groupIdOf("Sukanegara") }) });
      expect(res.status).toBe(200);
      expect(sim.fake.chatMemberStatus(groupIdOf("Sukanegara"), sim.fake.botInfo.id)).toBe("administrator");
      await sim.fake.waitForCall("sendMessage", (p) => Number(p.chat_id) === groupIdOf("Sukanegara"), { timeout: 10_000 });
      // A second sandbox on the same folder refuses before it touches anything (even with --fresh).
      await expect(startSim({ dataDir: dir, port: 0, fresh: true })).rejects.toThrow(/used by another running sandbox/);
      expect(await sim.bot.app.deps.prisma.forum.count()).toBe(0);
      expect(sim.fake.chatMemberStatus(groupIdOf("Sukanegara"), sim.fake.botInfo.id)).toBe("administrator");
    } finally {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Drives the sandbox like the page does: updates from personas, answers awaited from the bot. */
function telegram(sim: Sim) {
  const f = sim.fake;
  const idle = async (chatId: number, since: number) => {
    // Wait for the bot to answer in this chat, then for it to go quiet.
    const deadline = Date.now() + 15_000;
    let last = f.calls.length;
    let quietSince = Date.now();
    for (;;) {
      const answered = f.calls.slice(since).some((c) => Number(c.params?.chat_id) === chatId || c.method === "answerCallbackQuery");
      if (f.calls.length !== last) {
        last = f.calls.length;
        quietSince = Date.now();
      }
      if (answered && Date.now() - quietSince > 150) return;
      if (Date.now() > deadline) throw new Error(`the bot did not answer in chat ${chatId}:\n${f.describeRecentCalls()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const t = {
    user: (id: number): User => f.users.get(id)!,
    lastText: (chatId: number) => String(f.sent(chatId).filter((m) => !m.deleted).at(-1)?.text ?? ""),
    async say(u: User, text: string) {
      const since = f.calls.length;
      f.updates.text(u, "private", text);
      await idle(u.id, since);
    },
    /** Presses the newest button labelled `label` (on a message containing `about`, if given). */
    async press(u: User, label: string, about?: string, chatId: number = u.id) {
      // The button may still be on its way (a flow's next message after a busy moment): wait for
      // the emulator to have it, rather than for a fixed quiet time.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const msgs = f.sent(chatId).filter((m) => !m.deleted && (!about || String(m.text ?? m.caption ?? "").includes(about)));
        for (let i = msgs.length - 1; i >= 0; i--) {
          const m = msgs[i] as Message;
          const b = (m.reply_markup?.inline_keyboard ?? []).flat().find((x) => x.text.includes(label) && "callback_data" in x);
          if (b && "callback_data" in b) {
            const since = f.calls.length;
            f.updates.callback(u, chatId === u.id ? "private" : chatId, m.message_id, b.callback_data!);
            await idle(chatId, since);
            return;
          }
        }
        if (Date.now() > deadline) throw new Error(`no button "${label}" in chat ${chatId}; last: ${t.lastText(chatId)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    /** Waits until the running exercise has its first `n` steps ticked. */
    async ticked(n: number) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        await sim.web.exercises.check();
        const s = sim.web.exercises.state();
        if (s && s.steps.slice(0, n).every((x) => x.done)) return;
        if (Date.now() > deadline) throw new Error(`steps not ticked: ${JSON.stringify(s?.steps)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
  return t;
}

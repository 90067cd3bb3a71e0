import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say } from "../support/world.js";
import { anAspiration, lastToast, IRRIGATION, POSYANDU, ROAD } from "../support/aspirasi.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0); // the harness keeps the clock across tests
});

const prisma = () => h.app.deps.prisma;

describe("public list and support", () => {
  it("in a village group, /daftar_aspirasi lists that village's public aspirations, most supported first, and each person supports once", async () => {
    const f = await aForum(h);
    const g = f.villages[0]!.group;
    const [w1, w2, w3] = [await f.resident(0, "A"), await f.resident(0, "B"), await f.resident(0, "C")];
    const a = await anAspiration(h, f, w1);
    const b = await anAspiration(h, f, w2, { category: "Pertanian", text: IRRIGATION });
    const secret = await anAspiration(h, f, w2, { category: "Kesehatan", text: POSYANDU, privacy: "rahasia" });
    await anAspiration(h, f, await f.resident(1), { village: 1, text: "Jembatan gantung di dusun tiga sudah miring dan berbahaya" });

    await h.send(h.fake.updates.command(w3, g, "daftar_aspirasi"));
    let list = lastText(h, g.id);
    expect(list).toContain("Desa Sukajaya — 2 aspirasi");
    expect(list).not.toContain(secret.ticketNo);
    expect(list).not.toContain("Jembatan"); // another village
    expect(list.indexOf(a.ticketNo)).toBeLessThan(list.indexOf(b.ticketNo));

    await press(h, w3, g, "Dukung 2");
    expect(lastToast(h)).toContain("Terima kasih");
    // The list is redrawn in the new order: the irrigation one is now first.
    expect(lastText(h, g.id).indexOf(b.ticketNo)).toBeLessThan(lastText(h, g.id).indexOf(a.ticketNo));
    await press(h, w1, g, "Dukung 1");
    list = lastText(h, g.id);
    expect(list.indexOf(b.ticketNo)).toBeLessThan(list.indexOf(a.ticketNo));
    expect(list).toContain(`${b.ticketNo} · Pertanian · Baru · 👍 2`);
    // The same person again: counted once.
    await press(h, w3, g, "Dukung 1");
    expect(lastToast(h)).toContain("sudah mendukung");
    // The reporter cannot support their own.
    await press(h, w2, g, "Dukung 1");
    expect(lastToast(h)).toContain("aspirasi Anda sendiri");
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: b.id } })).supportCount).toBe(2);
    expect(await prisma().aspirationSupport.count({ where: { aspirationId: b.id } })).toBe(2);
  });

  it("privately, /daftar_aspirasi takes a village name; an unknown one is explained", async () => {
    const f = await aForum(h);
    const w = await f.resident(0);
    await anAspiration(h, f, await f.resident(1), { village: 1 });
    await say(h, w, "/daftar_aspirasi Sidorejo");
    expect(lastText(h, w.id)).toContain("Desa Sidorejo — 1 aspirasi");
    await say(h, w, "/daftar_aspirasi semua");
    expect(lastText(h, w.id)).toContain("semua desa — 1 aspirasi");
    await say(h, w, "/daftar_aspirasi Atlantis");
    expect(lastText(h, w.id)).toContain('Desa "Atlantis" tidak ditemukan');
  });

  it("a support button pressed in another forum's group is refused", async () => {
    const f = await aForum(h);
    const other = await aForum(h);
    const a = await anAspiration(h, f, await f.resident(0));
    const stranger = await other.resident(0);
    const g = other.villages[0]!.group;
    await h.send(h.fake.updates.command(stranger, g, "daftar_aspirasi"));
    const msg = h.fake.sent(g.id).at(-1)!;
    await h.send(h.fake.updates.callback(stranger, g, msg.message_id, `ask:${f.id}:${a.id}:0:0`));
    expect(lastToast(h)).toContain("belum terdaftar di forum ini");
    await h.send(h.fake.updates.callback(stranger, g, msg.message_id, `ask:${other.id}:${a.id}:0:0`));
    expect(lastToast(h)).toContain("tidak ditemukan");
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: a.id } })).supportCount).toBe(0);
  });
});

describe("duplicates", () => {
  it("before sending, a resident is shown a similar open aspiration from a neighbouring village and supports it instead", async () => {
    const f = await aForum(h);
    const existing = await anAspiration(h, f, await f.resident(1), { village: 1, text: ROAD });
    await anAspiration(h, f, await f.resident(2), { village: 2, category: "Kesehatan", text: ROAD.replace("Jalan", "Puskesmas") });
    const w = await f.resident(0, "Dewi");
    await say(h, w, "/aspirasi");
    await press(h, w, w.id, "Infrastruktur");
    await say(h, w, "Jalan di RT 03 rusak parah dan berlubang, tolong diperbaiki sebelum hujan");
    const offer = lastText(h, w.id);
    expect(offer).toContain("serupa");
    expect(offer).toContain(existing.ticketNo);
    expect(offer).toContain("Desa Sidorejo");
    expect(buttons(h, w.id).map((b) => b.text)).toEqual(["👍 Dukung 1", "➡️ Tetap kirim milik saya", "❌ Batal"]);
    await press(h, w, w.id, "Dukung 1");
    expect(lastText(h, w.id)).toContain("sekarang 1 pendukung");
    expect(await prisma().aspiration.count()).toBe(2);
    expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: existing.id } })).supportCount).toBe(1);
  });

  it("nothing similar: no suggestion, the intake goes straight on", async () => {
    const f = await aForum(h);
    await anAspiration(h, f, await f.resident(1), { village: 1, category: "Pertanian", text: IRRIGATION });
    const w = await f.resident(0);
    await say(h, w, "/aspirasi");
    await press(h, w, w.id, "Infrastruktur");
    await say(h, w, "Lampu penerangan jalan di dusun dua mati sudah sebulan");
    expect(lastText(h, w.id)).toContain("kirim foto");
  });
});

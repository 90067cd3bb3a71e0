import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, texts } from "../support/world.js";
import { aVote, cardIn, groupMember, lastAnswer, pngSize, pressData, voteIn, voteRows } from "../support/voting.js";

// Guided flows replay every step; on a busy CI machine they need more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  // The harness keeps its clock across tests; every test here starts on Monday 09.00 WIB.
  h.clock.set(T0);
  h.fake.setNow(T0);
});

const HOUR = 3600_000;

/** Lets the coalesced refresh job run and its edits go out. */
async function refresh() {
  h.clock.advance(5_000);
  await h.tick();
}

describe("creating a vote", () => {
  it("an admin creates a vote step by step with /voting, sees a preview, and every chosen group gets the card", async () => {
    const f = await aForum(h);
    const admin = f.admin;
    await say(h, admin, "/voting");
    expect(lastText(h, admin.id)).toContain("Belum ada pemungutan suara");
    await press(h, admin, admin.id, "Pemungutan suara baru");
    expect(lastText(h, admin.id)).toContain("pertanyaan");
    await say(h, admin, "Setujukah lokasi pasar desa bersama di Sukajaya?");
    await say(h, admin, "1. Setuju\n2. Tidak setuju\n3. Abstain");
    await press(h, admin, admin.id, "Satu jawaban");
    await press(h, admin, admin.id, "Terbuka");
    expect(lastText(h, admin.id)).toContain("Desa mana saja");
    await press(h, admin, admin.id, "Sukajaya");
    await press(h, admin, admin.id, "Sidorejo");
    await press(h, admin, admin.id, "Selesai");
    await press(h, admin, admin.id, "Per orang");
    await press(h, admin, admin.id, "Anggota grup");
    await say(h, admin, "besok 17.00");
    expect(lastText(h, admin.id)).toContain("Selasa, 1 Desember 2026 pukul 17.00 WIB — benar?");
    await press(h, admin, admin.id, "Benar");
    await say(h, admin, "50");
    await press(h, admin, admin.id, "1 jam sebelum");
    await press(h, admin, admin.id, "Selesai");
    const all = texts(h, admin.id);
    expect(all.join("\n")).toContain("Pratinjau");
    expect(all.at(-2)).toContain("Setujukah lokasi pasar");
    expect(lastText(h, admin.id)).toContain("Kirim ke 2 grup (2 desa)");
    await press(h, admin, admin.id, "Kirim");
    expect(lastText(h, admin.id)).toContain("sudah dikirim ke 2 grup");
    await h.flush();

    const vote = await h.app.deps.prisma.vote.findFirstOrThrow({ include: { villages: true } });
    expect(vote.options).toEqual(["Setuju", "Tidak setuju", "Abstain"]);
    expect([vote.quorumNum, vote.quorumDen, vote.quorumAbove]).toEqual([50, 100, false]);
    expect(vote.reminderMinutes).toEqual([60]);
    expect(vote.villages.map((v) => v.villageId).sort()).toEqual([f.villages[0]!.id, f.villages[1]!.id].sort());
    for (const i of [0, 1]) {
      const card = await cardIn(h, f.villages[i]!.group.id, vote.id);
      expect(card?.text).toContain("Setujukah lokasi pasar desa bersama di Sukajaya?");
      expect(card?.text).toContain("Selasa, 1 Desember 2026 pukul 17.00 WIB");
      const labels = (card!.reply_markup!.inline_keyboard.flat() as Array<{ text: string }>).map((b) => b.text);
      expect(labels).toEqual(["1. Setuju", "2. Tidak setuju", "3. Abstain", "📊 Per desa"]);
    }
    expect(await cardIn(h, f.villages[2]!.group.id, vote.id)).toBeUndefined();
    const jobs = await h.app.deps.prisma.job.findMany({ where: { ownerId: String(vote.id) }, orderBy: { dueAt: "asc" } });
    expect(jobs.map((j) => [j.kind, j.dueAt.toISOString()])).toEqual([
      ["vote.remind", "2026-12-01T09:00:00.000Z"],
      ["vote.close", "2026-12-01T10:00:00.000Z"],
    ]);
  });

  it("a resident may not create a vote", async () => {
    const f = await aForum(h);
    const warga = await f.resident(0);
    await say(h, warga, "/voting");
    expect(texts(h, warga.id).join("\n")).not.toContain("Pemungutan suara baru");
    await h.send(h.fake.updates.callback(warga, warga.id, h.fake.sent(warga.id).at(-1)!.message_id, "vote:new"));
    expect(lastText(h, warga.id)).toContain("Hanya perangkat desa atau admin forum");
    expect(await h.app.deps.prisma.vote.count()).toBe(0);
  });

  it("a wrong closing time is explained and asked again", async () => {
    const f = await aForum(h, { villages: ["Sukajaya"] });
    await say(h, f.admin, "/voting");
    await press(h, f.admin, f.admin.id, "Pemungutan suara baru");
    await say(h, f.admin, "Perlukah jadwal ronda bersama?");
    await say(h, f.admin, "Perlu");
    expect(lastText(h, f.admin.id)).toContain("paling sedikit 2 pilihan");
    await say(h, f.admin, "Perlu\nTidak perlu");
    await press(h, f.admin, f.admin.id, "Satu jawaban");
    await press(h, f.admin, f.admin.id, "Terbuka");
    await press(h, f.admin, f.admin.id, "Anggota grup");
    await say(h, f.admin, "kemarin 09.00");
    expect(lastText(h, f.admin.id)).toContain("sudah lewat");
    await say(h, f.admin, "Jumat");
    expect(lastText(h, f.admin.id)).toContain("sertakan jamnya");
  });
});

describe("casting ballots in the groups", () => {
  it("the same person in two groups has one ballot, counted for the first group's village", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f);
    const ani = groupMember(h, f, [0, 1], "Ani");
    await voteIn(h, ani, f.villages[0]!.group.id, vote.id, 0);
    expect(lastAnswer(h, ani)).toContain("Suara Bapak/Ibu untuk «Setuju» tercatat");
    await voteIn(h, ani, f.villages[1]!.group.id, vote.id, 0);
    expect(lastAnswer(h, ani)).toContain("sudah memilih «Setuju»");
    const { participations } = await voteRows(h, vote.id);
    expect(participations).toHaveLength(1);
    expect(participations[0]!.villageId).toBe(f.villages[0]!.id);
    // Nothing is ever said in the group about who pressed what.
    for (const i of [0, 1]) expect(h.fake.sent(f.villages[i]!.group.id)).toHaveLength(1);
  });

  it("in a terbuka vote a person changes their choice, and every card shows the new totals after one coalesced edit", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f);
    const ani = groupMember(h, f, [0], "Ani");
    const budi = groupMember(h, f, [1], "Budi");
    await voteIn(h, ani, f.villages[0]!.group.id, vote.id, 0);
    await voteIn(h, budi, f.villages[1]!.group.id, vote.id, 0);
    await voteIn(h, ani, f.villages[0]!.group.id, vote.id, 1);
    expect(lastAnswer(h, ani)).toContain("diubah menjadi «Tidak setuju»");
    expect(h.fake.callsTo("editMessageText")).toHaveLength(0);
    await refresh();
    // One edit per card for three presses.
    expect(h.fake.callsTo("editMessageText")).toHaveLength(3);
    for (const i of [0, 1, 2]) {
      const text = (await cardIn(h, f.villages[i]!.group.id, vote.id))!.text!;
      expect(text).toContain("1. Setuju — 1 (50%)");
      expect(text).toContain("2. Tidak setuju — 1 (50%)");
      expect(text).toContain("Suara masuk: 2");
    }
    expect((await voteRows(h, vote.id)).participations.map((p) => p.choices)).toEqual([[1], [0]]);
  });

  it("with several answers allowed, each press adds or removes that answer", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { multiple: true, options: ["Jalan", "Irigasi", "Posyandu"] });
    const ani = groupMember(h, f, [0], "Ani");
    const g = f.villages[0]!.group.id;
    await voteIn(h, ani, g, vote.id, 0);
    await voteIn(h, ani, g, vote.id, 2);
    expect(lastAnswer(h, ani)).toContain("Pilihan Bapak/Ibu sekarang: Jalan, Posyandu");
    await voteIn(h, ani, g, vote.id, 0);
    expect(lastAnswer(h, ani)).toContain("Pilihan Bapak/Ibu sekarang: Posyandu");
    await voteIn(h, ani, g, vote.id, 2);
    expect(lastAnswer(h, ani)).toContain("dibatalkan");
    expect((await voteRows(h, vote.id)).participations).toHaveLength(0);
  });

  it("someone who is not a member of the group is told so and nothing is counted", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f);
    const outsider = h.fake.addUser({ first_name: "Tamu" });
    await voteIn(h, outsider, f.villages[0]!.group.id, vote.id, 0);
    expect(lastAnswer(h, outsider)).toContain("Hanya anggota grup desa peserta");
    expect((await voteRows(h, vote.id)).participations).toHaveLength(0);
  });

  it("forged buttons (unknown option, another forum's vote, a group not in the vote) count nothing", async () => {
    const f = await aForum(h);
    const other = await aForum(h, { villages: ["Lain"] });
    const vote = await aVote(h, f, { villages: [0, 1] });
    const foreign = await aVote(h, other, { villages: [0] });
    const ani = groupMember(h, f, [0, 2], "Ani");
    const g0 = f.villages[0]!.group.id;
    const card = (await cardIn(h, g0, vote.id))!;
    await pressData(h, ani, g0, card.message_id, `vt:${vote.id}:7`);
    expect(lastAnswer(h, ani)).toContain("sudah tidak berlaku");
    await pressData(h, ani, g0, card.message_id, `vt:${foreign.id}:0`);
    expect(lastAnswer(h, ani)).toContain("sudah tidak berlaku");
    await pressData(h, ani, g0, card.message_id, `vt:abc:0`);
    expect(lastAnswer(h, ani)).toContain("sudah tidak berlaku");
    // A button of this vote pressed in a group of a village that is not taking part.
    const g2 = f.villages[2]!.group.id;
    await h.app.deps.delivery.enqueue({ ownerKind: "test", ownerId: 1, items: [{ chatId: g2, payload: { op: "send", method: "sendMessage", params: { text: "Halo" } } }] });
    await h.flush();
    await pressData(h, ani, g2, h.fake.sent(g2).at(-1)!.message_id, `vt:${vote.id}:0`);
    expect(lastAnswer(h, ani)).toContain("sudah tidak berlaku");
    expect(await h.app.deps.prisma.voteParticipation.count()).toBe(0);
  });

  it("a press on a closed vote says so and is not counted", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { closesAt: new Date(h.clock.now().getTime() + HOUR) });
    const ani = groupMember(h, f, [0], "Ani");
    const g0 = f.villages[0]!.group.id;
    const card = (await cardIn(h, g0, vote.id))!;
    h.clock.advance(HOUR + 1000);
    await pressData(h, ani, g0, card.message_id, `vt:${vote.id}:0`);
    expect(lastAnswer(h, ani)).toContain("sudah ditutup");
    await h.tick();
    await pressData(h, ani, g0, card.message_id, `vt:${vote.id}:0`);
    expect(lastAnswer(h, ani)).toContain("sudah ditutup");
    expect(await h.app.deps.prisma.voteParticipation.count()).toBe(0);
  });

  it("officials-only: a resident is refused, an official's ballot counts for their village", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { eligibility: "perangkat_desa" });
    const warga = await f.resident(0, "Warga");
    const kades = await f.official(1, "Kades");
    await voteIn(h, warga, f.villages[0]!.group.id, vote.id, 0);
    expect(lastAnswer(h, warga)).toContain("hanya untuk perangkat desa");
    // The official presses in another village's group: the ballot still counts for Sidorejo.
    h.fake.setMember(f.villages[0]!.group.id, kades.id, "member");
    await voteIn(h, kades, f.villages[0]!.group.id, vote.id, 1);
    expect(lastAnswer(h, kades)).toContain("tercatat");
    const { participations } = await voteRows(h, vote.id);
    expect(participations.map((p) => p.villageId)).toEqual([f.villages[1]!.id]);
  });

  it("200 simultaneous presses from many groups give exact totals with one ballot per person", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0, 1, 2, 3, 4], options: ["A", "B", "C"] });
    const people = Array.from({ length: 150 }, (_, i) => groupMember(h, f, i % 4 === 0 ? [i % 5, (i + 1) % 5] : [i % 5], `P${i}`));
    const cards = await Promise.all(f.villages.map((v) => cardIn(h, v.group.id, vote.id)));
    const presses: Array<Promise<void>> = [];
    const finalChoice = new Map<number, number>();
    people.forEach((u, i) => {
      const chats = i % 4 === 0 ? [i % 5, (i + 1) % 5] : [i % 5];
      // Everybody presses once; some press again at the same moment (same option), some in a second group.
      const opt = i % 3;
      finalChoice.set(u.id, opt);
      for (const c of chats) presses.push(pressData(h, u, f.villages[c]!.group.id, cards[c]!.message_id, `vt:${vote.id}:${opt}`));
      if (i % 7 === 0) presses.push(pressData(h, u, f.villages[chats[0]!]!.group.id, cards[chats[0]!]!.message_id, `vt:${vote.id}:${opt}`));
    });
    expect(presses.length).toBeGreaterThanOrEqual(200);
    await Promise.all(presses);
    const { participations } = await voteRows(h, vote.id);
    expect(participations).toHaveLength(150);
    const totals = [0, 0, 0];
    for (const p of participations) totals[p.choices[0]!]!++;
    expect(totals).toEqual([50, 50, 50]);
    // Every press was answered.
    expect(h.fake.callsTo("answerCallbackQuery")).toHaveLength(presses.length);
    await refresh();
    expect((await cardIn(h, f.villages[0]!.group.id, vote.id))!.text).toContain("Suara masuk: 150");
  }, 240_000);
});

describe("closing and results", () => {
  it("closes at the due time with results, turnout, quorum and a chart in every group and for the organiser — exactly once across a restart", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0, 1], quorum: { num: 50, den: 100, above: false }, closesAt: new Date(h.clock.now().getTime() + 2 * HOUR) });
    h.fake.setMemberCount(f.villages[0]!.group.id, 5); // 4 people + the bot
    h.fake.setMemberCount(f.villages[1]!.group.id, 5);
    const voters = [groupMember(h, f, [0]), groupMember(h, f, [0]), groupMember(h, f, [0]), groupMember(h, f, [1])];
    for (const [i, u] of voters.entries()) await voteIn(h, u, f.villages[i < 3 ? 0 : 1]!.group.id, vote.id, i === 3 ? 1 : 0);

    h.clock.advance(2 * HOUR - 60_000);
    await h.tick();
    expect((await voteRows(h, vote.id)).vote.state).toBe("open");

    h.clock.advance(120_000);
    await h.restart();
    await h.tick();
    const { vote: closed } = await voteRows(h, vote.id);
    expect(closed.state).toBe("closed");
    for (const i of [0, 1]) {
      const g = f.villages[i]!.group.id;
      const photo = h.fake.sent(g).find((m) => m.photo);
      expect(photo?.caption).toContain("Pilihan terbanyak: Setuju (3 suara)");
      const result = h.fake.sent(g).at(-1)!.text!;
      expect(result).toContain("Kuorum 50%: ✅ tercapai — 4 dari 8 memberi suara (paling sedikit 4)");
      expect(result).toContain("Lebih dari separuh (½ + 1): ✅ Setuju — 3 dari 4 pemilih (paling sedikit 3)");
      expect(result).toContain("Hasil pemungutan suara ini adalah bahan musyawarah, bukan keputusan");
      expect(result).toContain("Sukajaya: 3 dari 4 anggota grup (75,0%) — 1: 3 · 2: 0");
      expect(result).toContain("Sidorejo: 1 dari 4 anggota grup (25,0%) — 1: 0 · 2: 1");
      expect((await cardIn(h, g, vote.id))!.text).toContain("sudah ditutup");
      expect((await cardIn(h, g, vote.id))!.reply_markup?.inline_keyboard ?? []).toEqual([]);
    }
    expect(texts(h, f.admin.id).join("\n")).toContain("Hasil pemungutan suara");

    const before = h.fake.callsTo(["sendPhoto", "sendMessage"]).length;
    await h.restart();
    h.clock.advance(10 * 60_000);
    await h.tick();
    await h.tick();
    expect(h.fake.callsTo(["sendPhoto", "sendMessage"]).length).toBe(before);
    const closeJobs = await h.app.deps.prisma.job.findMany({ where: { kind: "vote.close", ownerId: String(vote.id) } });
    expect(closeJobs).toHaveLength(1);
    expect(closeJobs[0]!.doneAt).not.toBeNull();
  });

  it("the chart is a PNG of sensible size", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { closesAt: new Date(h.clock.now().getTime() + HOUR) });
    await voteIn(h, groupMember(h, f, [0]), f.villages[0]!.group.id, vote.id, 0);
    await voteIn(h, groupMember(h, f, [1]), f.villages[1]!.group.id, vote.id, 1);
    h.clock.advance(HOUR);
    await h.tick();
    const photo = h.fake.sent(f.villages[2]!.group.id).find((m) => m.photo)!;
    const bytes = h.fake.fileBytes(photo.photo!.at(-1)!.file_id)!;
    const { width, height } = pngSize(bytes);
    expect(width).toBeGreaterThanOrEqual(600);
    expect(width).toBeLessThanOrEqual(2000);
    expect(height).toBeGreaterThanOrEqual(200);
    expect(height).toBeLessThanOrEqual(2000);
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(bytes.length).toBeLessThan(1_000_000);
    // One upload, reused for the other groups.
    const uploads = h.fake.callsTo("sendPhoto").filter((c) => Object.keys(c.files).length > 0);
    expect(uploads.length).toBeLessThan(h.fake.callsTo("sendPhoto").length);
  });

  it("with many villages each group gets its own village's line and a button for the rest; the organiser gets the whole table", async () => {
    const f = await aForum(h, { villages: 21 });
    const all = f.villages.map((_, i) => i);
    const vote = await aVote(h, f, { villages: all, closesAt: new Date(h.clock.now().getTime() + HOUR) });
    await voteIn(h, groupMember(h, f, [3]), f.villages[3]!.group.id, vote.id, 1);
    h.clock.advance(HOUR);
    await h.tick();
    const g3 = h.fake.sent(f.villages[3]!.group.id);
    const text = g3.at(-1)!.text!;
    expect(text).toContain("Desa Bapak/Ibu");
    expect(text).toContain(`${f.villages[3]!.name}: 1 dari`);
    expect(text).not.toContain(f.villages[4]!.name);
    expect(text).toContain("Rincian 20 desa lainnya");
    expect(JSON.stringify(g3.at(-1)!.reply_markup)).toContain(`vv:${vote.id}`);
    // Chart, results, and the closed card: nothing more in the group.
    expect(g3).toHaveLength(3);
    const organiser = texts(h, f.admin.id).join("\n");
    for (const v of f.villages) expect(organiser).toContain(`${v.name}:`);
  });

  it("quorum not met is reported with the count it needed, and results are material for the meeting", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0], quorum: { num: 60, den: 100, above: false }, closesAt: new Date(h.clock.now().getTime() + HOUR) });
    h.fake.setMemberCount(f.villages[0]!.group.id, 11);
    await voteIn(h, groupMember(h, f, [0]), f.villages[0]!.group.id, vote.id, 0);
    h.clock.advance(HOUR);
    await h.tick();
    const result = h.fake.sent(f.villages[0]!.group.id).at(-1)!.text!;
    expect(result).toContain("Kuorum 60%: ❌ tidak tercapai — 1 dari 10 memberi suara (paling sedikit 6)");
    expect(result).toContain("bahan musyawarah");
  });

  it("satu desa satu suara: each village's majority is one vote and a tied village is reported as a tie", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0, 1, 2, 3], counting: "satu_desa", closesAt: new Date(h.clock.now().getTime() + HOUR) });
    const plan: Array<[number, number]> = [
      [0, 0], [0, 0], [0, 1], // Sukajaya → Setuju
      [1, 0], [1, 1], // Sidorejo → tie
      [2, 0], // Bangunrejo → Setuju
      [3, 1], [3, 1], [3, 1], [3, 1], // Tanjung Jaya → Tidak setuju (most people overall)
    ];
    for (const [v, opt] of plan) await voteIn(h, groupMember(h, f, [v]), f.villages[v]!.group.id, vote.id, opt);
    h.clock.advance(HOUR);
    await h.tick();
    const result = h.fake.sent(f.villages[0]!.group.id).at(-1)!.text!;
    expect(result).toContain("Hasil satu desa satu suara: Setuju, dipilih 2 dari 4 desa");
    expect(result).toMatch(/Sidorejo.*→ seri \(pilihan 1, 2\)/);
    expect(result).toMatch(/Tanjung Jaya.*→ Tidak setuju/);
    expect(result).toContain("seri 1 desa");
    const stored = (await voteRows(h, vote.id)).vote.result as { villageVotes: number[]; villagesTied: number };
    expect(stored.villageVotes).toEqual([2, 1]);
    expect(stored.villagesTied).toBe(1);
  });

  it("the organiser closes early by hand; another official cannot", async () => {
    const f = await aForum(h);
    const kades = await f.official(0, "Kades");
    const vote = await aVote(h, f, { villages: [0], by: kades });
    const other = await f.official(1, "Lain");
    await say(h, other, "/voting");
    await h.send(h.fake.updates.callback(other, other.id, h.fake.sent(other.id).at(-1)!.message_id, `vm:${vote.id}:X`));
    expect(lastAnswer(h, other)).toContain("Hanya penyelenggara atau admin forum");
    expect((await voteRows(h, vote.id)).vote.state).toBe("open");

    await say(h, kades, "/voting");
    await press(h, kades, kades.id, "Setujukah");
    await press(h, kades, kades.id, "Tutup sekarang");
    await press(h, kades, kades.id, "Ya, tutup");
    expect(lastText(h, kades.id)).toContain("sedang ditutup");
    await h.tick();
    expect((await voteRows(h, vote.id)).vote.state).toBe("closed");
    expect(texts(h, kades.id).join("\n")).toContain("Hasil pemungutan suara");
  });

  it("the organiser extends the deadline: the close job moves and the cards show the new time", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0], closesAt: new Date(h.clock.now().getTime() + HOUR) });
    await say(h, f.admin, "/voting");
    await press(h, f.admin, f.admin.id, "Setujukah");
    await press(h, f.admin, f.admin.id, "Perpanjang");
    await press(h, f.admin, f.admin.id, "+1 hari");
    expect(lastText(h, f.admin.id)).toContain("Diperpanjang");
    await h.tick();
    expect((await cardIn(h, f.villages[0]!.group.id, vote.id))!.text).toContain("Selasa, 1 Desember 2026 pukul 10.00 WIB");
    h.clock.advance(2 * HOUR);
    await h.tick();
    expect((await voteRows(h, vote.id)).vote.state).toBe("open");
    h.clock.advance(24 * HOUR);
    await h.tick();
    expect((await voteRows(h, vote.id)).vote.state).toBe("closed");
  });
});

describe("reminders, breakdown, lists", () => {
  it("reminds registered eligible people who have not voted, and the reminder's button opens a ballot that counts", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0, 1], eligibility: "warga_terdaftar", closesAt: new Date(h.clock.now().getTime() + 3 * HOUR), reminderMinutes: [60] });
    const voted = await f.resident(0, "Sudah");
    const notYet = await f.resident(1, "Belum");
    const elsewhere = await f.resident(2, "Lain");
    await voteIn(h, voted, f.villages[0]!.group.id, vote.id, 0);
    h.clock.advance(2 * HOUR);
    await h.tick();
    expect(lastText(h, notYet.id)).toContain("Pengingat pemungutan suara");
    expect(texts(h, voted.id).join("\n")).not.toContain("Pengingat");
    expect(texts(h, elsewhere.id).join("\n")).not.toContain("Pengingat");
    expect(texts(h, f.admin.id).join("\n")).not.toContain("Pengingat");

    await press(h, notYet, notYet.id, "Beri suara");
    expect(lastText(h, notYet.id)).toContain("Surat suara");
    expect(lastText(h, notYet.id)).toContain("Desa Sidorejo");
    await press(h, notYet, notYet.id, "2. Tidak setuju");
    await press(h, notYet, notYet.id, "Kirim suara");
    expect(lastText(h, notYet.id)).toContain("Suara Bapak/Ibu tercatat: Tidak setuju");
    const { participations } = await voteRows(h, vote.id);
    expect(participations.map((p) => [p.villageId, p.choices])).toEqual([
      [f.villages[0]!.id, [0]],
      [f.villages[1]!.id, [1]],
    ]);
  });

  it("anyone in a group can ask for the per-village breakdown; it comes privately", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0, 1] });
    const ani = groupMember(h, f, [0], "Ani");
    await voteIn(h, ani, f.villages[0]!.group.id, vote.id, 1);
    // Not started the bot yet: a link that opens the private chat.
    const g0 = f.villages[0]!.group.id;
    const card = (await cardIn(h, g0, vote.id))!;
    await pressData(h, ani, g0, card.message_id, `vv:${vote.id}`);
    expect(lastAnswer(h, ani)).toBe(`https://t.me/ForumDesaBot?start=vr_${vote.id}`);
    await say(h, ani, `/start vr_${vote.id}`);
    const text = lastText(h, ani.id);
    expect(text).toContain("Rincian per desa");
    expect(text).toContain("Sukajaya: 1 pemilih — 1: 0 · 2: 1");
    expect(text).toContain("Sidorejo: 0 pemilih — belum ada suara");
    // Having started the bot, the next press sends it straight to the private chat.
    await pressData(h, ani, g0, card.message_id, `vv:${vote.id}`);
    expect(lastAnswer(h, ani)).toContain("chat pribadi");
    expect(h.fake.sent(g0)).toHaveLength(1);
  });

  it("/voting in a village group lists that village's open and recent votes", async () => {
    const f = await aForum(h);
    await aVote(h, f, { villages: [0], question: "Perbaikan jalan desa tahun depan?" });
    await aVote(h, f, { villages: [1], question: "Pembagian air irigasi?" });
    const u = groupMember(h, f, [0]);
    await h.send(h.fake.updates.command(u, f.villages[0]!.group, "voting"));
    const text = lastText(h, f.villages[0]!.group.id);
    expect(text).toContain("Pemungutan suara Desa Sukajaya");
    expect(text).toContain("Perbaikan jalan desa");
    expect(text).not.toContain("irigasi");
  });
});


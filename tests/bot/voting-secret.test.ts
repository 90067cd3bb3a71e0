import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, texts } from "../support/world.js";
import { aVote, cardIn, groupMember, lastAnswer, pressData, pressPrivate, voteIn, voteRows } from "../support/voting.js";

// Guided flows replay every step; on a busy CI machine they need more than the default 30 s.
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

const HOUR = 3600_000;

function documents(h: Harness, chatId: number) {
  return h.fake
    .sent(chatId)
    .filter((m) => m.document)
    .map((m) => ({ name: m.document!.file_name!, bytes: h.fake.fileBytes(m.document!.file_id)! }));
}

describe("rahasia (secret) votes", () => {
  it("ballots are cast privately and once; no database row, export, log line or message ties a person to a choice", async () => {
    const logged: string[] = [];
    const logger = h.app.deps.logger as unknown as Record<string, (...a: unknown[]) => unknown>;
    const spies = ["trace", "debug", "info", "warn", "error", "fatal"].map((lvl) =>
      vi.spyOn(logger, lvl).mockImplementation((...args: unknown[]) => {
        logged.push(JSON.stringify(args, (_k, v) => (typeof v === "bigint" ? String(v) : v)));
      }),
    );

    const f = await aForum(h);
    const vote = await aVote(h, f, { ballot: "rahasia", villages: [0, 1], question: "Apakah dana bersama dipakai untuk jalan antardesa?", closesAt: new Date(h.clock.now().getTime() + HOUR) });
    const g0 = f.villages[0]!.group.id;
    const g1 = f.villages[1]!.group.id;
    const card = (await cardIn(h, g0, vote.id))!;
    expect(card.text).not.toMatch(/— \d+ \(/); // no running totals in a secret vote
    expect((card.reply_markup!.inline_keyboard.flat() as Array<{ text: string }>).map((b) => b.text)).toEqual(["🗳️ Beri suara", "📊 Per desa"]);

    // Ani has a private chat with the bot: the ballot arrives there.
    const [ani, cara, dedi] = ["Anisa Rahasia", "Cahaya Rahasia", "Dedi Rahasia"].map((n) => groupMember(h, f, [0], n));
    for (const u of [ani!, cara!, dedi!]) await say(h, u, "/start");
    await pressData(h, ani!, g0, card.message_id, `vs:${vote.id}`);
    expect(lastAnswer(h, ani)).toContain("Surat suara sudah saya kirim");
    expect(lastText(h, ani!.id)).toContain("Surat suara");
    expect(lastText(h, ani!.id)).toContain("tidak dapat diubah");
    await pressPrivate(h, ani!, "2. Tidak setuju");
    await pressPrivate(h, ani!, "Kirim suara");
    const done = h.fake.sent(ani!.id).at(-1)!;
    expect(done.text).toContain("Suara rahasia Anda sudah tercatat");
    expect(done.text).not.toMatch(/Setuju|Tidak setuju/);
    expect(done.reply_markup?.inline_keyboard ?? []).toEqual([]);
    await pressData(h, ani!, g0, card.message_id, `vs:${vote.id}`);
    expect(lastAnswer(h, ani)).toContain("sudah memberi suara");

    // Budi never opened a private chat: the press answers with a link that opens it.
    const budi = groupMember(h, f, [1], "Budi Rahasia");
    const card1 = (await cardIn(h, g1, vote.id))!;
    await pressData(h, budi, g1, card1.message_id, `vs:${vote.id}`);
    expect(lastAnswer(h, budi)).toBe(`https://t.me/ForumDesaBot?start=vb_${vote.id}_${f.villages[1]!.id}`);
    await say(h, budi, `/start vb_${vote.id}_${f.villages[1]!.id}`);
    await pressPrivate(h, budi, "1. Setuju");
    await pressPrivate(h, budi, "Kirim suara");

    // Cara opens two ballots and sends both at the same moment: one counts.
    await pressData(h, cara!, g0, card.message_id, `vs:${vote.id}`);
    await pressData(h, cara!, g0, card.message_id, `vs:${vote.id}`);
    const ballots = h.fake.sent(cara!.id).filter((m) => String(m.text).includes("Surat suara"));
    expect(ballots).toHaveLength(2);
    await Promise.all(
      ballots.map((m, i) => pressData(h, cara!, cara!.id, m.message_id, `vb:${vote.id}:${f.villages[0]!.id}:${1 << i}:s`)),
    );
    await pressData(h, dedi!, g0, card.message_id, `vs:${vote.id}`);
    await pressPrivate(h, dedi!, "1. Setuju");
    await pressPrivate(h, dedi!, "Kirim suara");

    // The organiser cannot download anything while it is open.
    await say(h, f.admin, "/voting");
    await h.send(h.fake.updates.callback(f.admin, f.admin.id, h.fake.sent(f.admin.id).at(-1)!.message_id, `vm:${vote.id}:c`));
    expect(lastAnswer(h, f.admin)).toContain("baru dapat diunduh setelah ditutup");

    h.clock.advance(10_000);
    await h.tick();
    for (const call of h.fake.callsTo("editMessageText").filter((c) => c.params.chat_id === g0 || c.params.chat_id === g1)) {
      expect(call.params.text).not.toMatch(/— \d+ \(/);
    }
    expect((await cardIn(h, g0, vote.id))!.text).toContain("Suara masuk: 4");

    // Database: who voted, and anonymous counters — nothing that joins the two.
    const { participations, tallies } = await voteRows(h, vote.id);
    expect(participations).toHaveLength(4);
    for (const p of participations) {
      expect(p.choices).toEqual([]);
      expect(p.votedAt).toBeNull();
    }
    const cols = await h.db.sql.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'vote_tallies' ORDER BY ordinal_position`,
    );
    expect(cols.map((c) => c.column_name)).toEqual(["vote_id", "forum_id", "village_id", "option", "count"]);
    const count = (village: number, option: number) => tallies.find((t) => t.villageId === f.villages[village]!.id && t.option === option)!.count;
    expect(count(0, 0) + count(0, 1)).toBe(3);
    expect(count(1, 0) + count(1, 1)).toBe(1);
    expect(tallies.reduce((n, t) => n + t.count, 0)).toBe(4);
    const audit = await h.app.deps.prisma.auditLog.findMany({ where: { target: `vote:${vote.id}` } });
    for (const a of audit) expect(a.details).toEqual({});
    const jobs = await h.app.deps.prisma.job.findMany({ where: { ownerId: String(vote.id) } });
    for (const j of jobs) expect(JSON.stringify(j.payload)).not.toMatch(/choice|option/i);

    h.clock.advance(HOUR);
    await h.tick();
    const result = h.fake.sent(g0).at(-1)!.text!;
    expect(result).toMatch(/Sukajaya: 3 dari \d+ anggota grup .* — 1: [0-3] · 2: [0-3]/);
    expect(result).toMatch(/Sidorejo: 1 dari \d+ anggota grup .* — rincian dirahasiakan \(kurang dari 3 suara\)/);

    // Exports after closing: per-village counts only, never ballots.
    await press(h, f.admin, f.admin.id, "CSV");
    await press(h, f.admin, f.admin.id, "Excel");
    const files = documents(h, f.admin.id);
    expect(files.map((x) => x.name)).toEqual([`voting-${vote.id}-desa.csv`, `voting-${vote.id}.xlsx`]);
    const csv = files[0]!.bytes.toString("utf8");
    expect(csv).toContain("Sidorejo,1,");
    expect(csv).toContain("Dirahasiakan");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[1]!.bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Per desa"]);

    // Messages: no message the bot wrote names a voter together with an option.
    for (const m of h.fake.sent()) {
      const text = `${m.text ?? ""}${m.caption ?? ""}${JSON.stringify(m.reply_markup ?? {})}`;
      if (/Anisa|Budi Rahasia|Cahaya|Dedi/.test(text)) expect(text).not.toMatch(/Setuju|setuju/);
    }
    for (const u of [ani!, budi, cara!, dedi!]) {
      for (const m of h.fake.sent(u.id)) {
        expect(`${m.text}`).not.toMatch(/Setuju|Tidak setuju/);
        expect(JSON.stringify(m.reply_markup ?? {})).not.toMatch(/🔘|✅ \d/);
      }
    }
    for (const line of logged) {
      for (const name of ["Anisa", "Budi", "Cahaya", "Dedi", String(ani!.id), String(budi.id)]) expect(line).not.toContain(name);
    }
    for (const s of spies) s.mockRestore();
  });

  it("a rahasia vote cannot be cast with a forged group press, and per-village views show only turnout until closing", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { ballot: "rahasia", villages: [0, 1] });
    const ani = groupMember(h, f, [0], "Ani");
    await voteIn(h, ani, f.villages[0]!.group.id, vote.id, 0);
    expect(lastAnswer(h, ani)).toContain("sudah tidak berlaku");
    expect((await voteRows(h, vote.id)).participations).toHaveLength(0);
    await say(h, ani, "/start");
    await pressData(h, ani, f.villages[0]!.group.id, (await cardIn(h, f.villages[0]!.group.id, vote.id))!.message_id, `vs:${vote.id}`);
    await pressPrivate(h, ani, "1. Setuju");
    await pressPrivate(h, ani, "Kirim suara");
    await say(h, ani, `/start vr_${vote.id}`);
    const view = lastText(h, ani.id);
    expect(view).toContain("Sukajaya: 1 pemilih — pilihan baru dibuka setelah ditutup");
    expect(view).not.toMatch(/1: 1/);
  });
});

describe("exports of a terbuka vote", () => {
  it("the organiser downloads per-village counts and the ballots as .csv and .xlsx", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0, 1], closesAt: new Date(h.clock.now().getTime() + HOUR) });
    h.fake.setMemberCount(f.villages[0]!.group.id, 11);
    const ani = groupMember(h, f, [0], "Ani");
    const budi = groupMember(h, f, [1], "Budi");
    await voteIn(h, ani, f.villages[0]!.group.id, vote.id, 0);
    await voteIn(h, budi, f.villages[1]!.group.id, vote.id, 1);
    h.clock.advance(HOUR);
    await h.tick();
    expect(lastText(h, f.admin.id)).toContain("Unduh hasilnya");
    await press(h, f.admin, f.admin.id, "CSV");
    await press(h, f.admin, f.admin.id, "Excel");
    const files = documents(h, f.admin.id);
    expect(files.map((x) => x.name)).toEqual([`voting-${vote.id}-desa.csv`, `voting-${vote.id}-surat-suara.csv`, `voting-${vote.id}.xlsx`]);
    const perVillage = files[0]!.bytes.toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
    expect(perVillage[0]).toBe("Desa,Pemilih,Basis partisipasi,Partisipasi (%),1. Setuju,2. Tidak setuju,Catatan");
    expect(perVillage).toContain("Sukajaya,1,10,10,1,0,");
    // Sidorejo's group: the admin and Budi (the bot not counted).
    expect(perVillage).toContain("Sidorejo,1,2,50,0,1,");
    expect(perVillage).toContain("Jumlah,2,12,16.7,1,1,");
    const ballots = files[1]!.bytes.toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
    expect(ballots[0]).toBe("Nama,Username,Desa,Pilihan,Waktu");
    expect(ballots[1]).toBe("Ani,,Sukajaya,1. Setuju,2026-11-30 09:00");
    expect(ballots[2]).toBe("Budi,,Sidorejo,2. Tidak setuju,2026-11-30 09:00");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[2]!.bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Per desa", "Surat suara"]);
    expect(wb.getWorksheet("Surat suara")!.getRow(2).getCell(1).value).toBe("Ani");
    expect(texts(h, f.admin.id).join("\n")).toContain("Hasil pemungutan suara");
  });
});

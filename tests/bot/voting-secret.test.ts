import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, ensureConsent, lastText, press, say, texts } from "../support/world.js";
import { aVote, cardIn, groupMember, lastAnswer, pngSize, pressData, pressPrivate, secretBallot, voteIn, voteRows } from "../support/voting.js";
import { attack } from "../support/voting-attacker.js";
import { getVote, publishable, type VoteResult } from "../../src/domain/voting/index.js";
import { chartData, resultChart, tFor } from "../../src/bot/features/voting/render.js";

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
    expect(done.text).toContain("Suara rahasia Bapak/Ibu sudah tercatat");
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
    // Sidorejo's one ballot would be the totals minus Sukajaya's counts: Sukajaya is hidden with it.
    expect(result).toMatch(/Sukajaya: 3 dari \d+ anggota grup .* — rincian dirahasiakan, agar pilihan di desa dengan kurang dari 3 suara tidak dapat dihitung/);
    expect(result).toMatch(/Sidorejo: 1 dari \d+ anggota grup .* — rincian dirahasiakan \(kurang dari 3 suara\)/);
    expect(result).not.toMatch(/ — 1: \d/);

    // Exports after closing: per-village counts only, never ballots.
    await press(h, f.admin, f.admin.id, "CSV");
    await press(h, f.admin, f.admin.id, "Excel");
    const files = documents(h, f.admin.id);
    expect(files.map((x) => x.name)).toEqual([`voting-${vote.id}-per-desa.csv`, `voting-${vote.id}.xlsx`]);
    const csv = files[0]!.bytes.toString("utf8");
    expect(csv).toContain("Sidorejo;1;");
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
    expect(view).toContain("Sukajaya: 1 pemilih — pilihan baru dibuka setelah pemungutan suara ditutup");
    expect(view).not.toMatch(/1: 1/);
  });
});

/** Casts rahasia ballots through the bot: per village index, the option labels of each ballot. */
async function castAll(f: Awaited<ReturnType<typeof aForum>>, voteId: number, ballots: Record<number, string[]>) {
  let k = 0;
  for (const [village, choices] of Object.entries(ballots)) {
    for (const choice of choices) await secretBallot(h, f, Number(village), voteId, [choice], `Pemilih${++k}`);
  }
}

/** The stored results as they may be published, and what the attacker gets out of them. */
async function publishedAndAttack(voteId: number) {
  const row = await h.app.deps.prisma.vote.findUniqueOrThrow({ where: { id: voteId } });
  const raw = row.result as unknown as VoteResult;
  const published = publishable(raw, { final: true });
  const shape = { options: raw.options.length, multiple: row.multiple, counting: raw.counting };
  const report = attack(published, shape, (counts) =>
    publishable({ ...raw, villages: raw.villages.map((v, i) => ({ ...v, counts: counts[i]! })) } as VoteResult, { final: true }),
  );
  return { raw, published, report };
}

/** The lines of a results message about one village. */
const lineOf = (text: string, village: string) => text.split("\n").find((l) => l.startsWith(`• ${village}:`)) ?? "";

describe("rahasia results: no figure gives away a small village's choices", () => {
  it("per orang, a village of 2 ballots among larger ones: the message, the chart, the CSV and the Excel file show nothing that pins those 2 ballots down", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { ballot: "rahasia", villages: [0, 1, 2, 3], closesAt: new Date(h.clock.now().getTime() + HOUR) });
    const S = "1. Setuju";
    const T = "2. Tidak setuju";
    // Sukajaya 2 ballots; Sidorejo 3; Bangunrejo 4; Tanjung Jaya 5.
    await castAll(f, vote.id, { 0: [S, T], 1: [S, S, T], 2: [S, S, S, T], 3: [S, S, T, T, T] });
    h.clock.advance(HOUR);
    await h.tick();

    const { raw, published, report } = await publishedAndAttack(vote.id);
    expect(raw.totals).toEqual([8, 6]);
    expect(report.leaks).toEqual([]);
    // Hidden alone, Sukajaya's 2 ballots would be the totals minus the shown villages.
    expect(published.villages.map((v) => [v.name, v.withheld])).toEqual([
      ["Bangunrejo", null],
      ["Sidorejo", "pooled"],
      ["Sukajaya", "small"],
      ["Tanjung Jaya", null],
    ]);

    for (const chat of [f.villages[0]!.group.id, f.villages[3]!.group.id, f.admin.id]) {
      const all = texts(h, chat).join("\n");
      expect(all).toContain("Pilihan terbanyak: Setuju (8 suara)");
      expect(all).toContain("1. Setuju — 8 (");
      expect(lineOf(all, "Sukajaya")).toMatch(/2 dari \d+ anggota grup .* — rincian dirahasiakan \(kurang dari 3 suara\)$/);
      expect(lineOf(all, "Sidorejo")).toMatch(/3 dari \d+ anggota grup .* — rincian dirahasiakan, agar pilihan/);
      expect(lineOf(all, "Bangunrejo")).toMatch(/— 1: 3 · 2: 1$/);
      expect(lineOf(all, "Tanjung Jaya")).toMatch(/— 1: 2 · 2: 3$/);
    }
    // The closed cards show the totals (14 ballots), never a village's counts.
    expect((await cardIn(h, f.villages[0]!.group.id, vote.id))!.text).toContain("1. Setuju — 8 (");

    // The chart: exactly the published figures — the totals per option, no village bars.
    const { info } = await getVote(h.app.deps, vote.id);
    const data = chartData(tFor("id", info), info, published);
    expect(data.stacked).toBe(false);
    expect(data.bars).toEqual([
      { label: "1. Setuju", value: 8 },
      { label: "2. Tidak setuju", value: 6 },
    ]);
    const photo = h.fake.sent(f.villages[1]!.group.id).find((m) => m.photo)!;
    const sent = h.fake.fileBytes(photo.photo!.at(-1)!.file_id)!;
    expect(pngSize(sent).width).toBeGreaterThan(500);
    expect(sent.equals(await resultChart(tFor("id", info), info, published))).toBe(true);

    // Anyone's per-village view after closing: the same withheld lines.
    const warga = groupMember(h, f, [0], "Penanya");
    await say(h, warga, `/start vr_${vote.id}`);
    const view = lastText(h, warga.id);
    expect(lineOf(view, "Sukajaya")).toContain("rincian dirahasiakan");
    expect(lineOf(view, "Sidorejo")).toContain("rincian dirahasiakan");
    expect(view).not.toMatch(/Sukajaya.*— 1:|Sidorejo.*— 1:/);

    // The organiser's files hold no more than the groups were shown.
    await press(h, f.admin, f.admin.id, "CSV");
    await press(h, f.admin, f.admin.id, "Excel");
    const files = documents(h, f.admin.id);
    const csv = files[0]!.bytes.toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("Desa;Pemilih;Basis partisipasi;Partisipasi (%);1. Setuju;2. Tidak setuju;Catatan");
    expect(csv.find((l) => l.startsWith("Sukajaya;"))).toMatch(/^Sukajaya;2;\d+;\d+(,\d+)?;;;Dirahasiakan \(kurang dari 3 suara\)$/);
    expect(csv.find((l) => l.startsWith("Sidorejo;"))).toMatch(/^Sidorejo;3;\d+;\d+(,\d+)?;;;Dirahasiakan \(melindungi desa dengan kurang dari 3 suara\)$/);
    expect(csv.find((l) => l.startsWith("Bangunrejo;"))).toMatch(/^Bangunrejo;4;\d+;\d+(,\d+)?;3;1;$/);
    expect(csv.find((l) => l.startsWith("Jumlah;"))).toMatch(/^Jumlah;14;\d+;\d+(,\d+)?;8;6;$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[1]!.bytes as never);
    const sheet = wb.getWorksheet("Per desa")!;
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row) => rows.set(String(row.getCell(1).value), [5, 6].map((c) => row.getCell(c).value)));
    expect(rows.get("Sukajaya")).toEqual([null, null]);
    expect(rows.get("Sidorejo")).toEqual([null, null]);
    expect(rows.get("Tanjung Jaya")).toEqual([2, 3]);
    expect(rows.get("Jumlah")).toEqual([8, 6]);
  });

  it("satu desa satu suara: a village of 2 ballots casts no village vote, its vote is shown nowhere, and the person totals are withheld", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { ballot: "rahasia", counting: "satu_desa", villages: [0, 1, 2], closesAt: new Date(h.clock.now().getTime() + HOUR) });
    // Said on the card before anyone votes.
    expect((await cardIn(h, f.villages[0]!.group.id, vote.id))!.text).toContain("Desa dengan kurang dari 3 suara tidak dihitung sebagai suara desa");
    const S = "1. Setuju";
    const T = "2. Tidak setuju";
    // Sukajaya 2 (both against); Sidorejo 4 (for); Bangunrejo 3 (against). Counted, Sukajaya's
    // village vote would decide 2–1 against — and so give its two voters away.
    await castAll(f, vote.id, { 0: [T, T], 1: [S, S, S, T], 2: [S, T, T] });
    h.clock.advance(HOUR);
    await h.tick();

    const { raw, published, report } = await publishedAndAttack(vote.id);
    expect(report.leaks).toEqual([]);
    expect(raw.villageVotes).toEqual([1, 1]);
    expect(published.totals).toBeNull();

    const result = texts(h, f.villages[1]!.group.id).join("\n");
    expect(result).toContain("Seri antardesa: Setuju, Tidak setuju (masing-masing 1 desa)");
    expect(lineOf(result, "Sukajaya")).toMatch(/— rincian dirahasiakan dan tidak dihitung sebagai suara desa \(kurang dari 3 suara\)$/);
    expect(lineOf(result, "Sidorejo")).toMatch(/— 1: 3 · 2: 1 → Setuju$/);
    expect(lineOf(result, "Bangunrejo")).toMatch(/— 1: 1 · 2: 2 → Tidak setuju$/);
    expect(result).toContain("Jumlah per pilihan dirahasiakan");
    expect(result).not.toMatch(/Setuju — \d/);
    expect(result).toContain("kurang dari 3 suara 1 desa");

    await say(h, f.admin, "/voting");
    await press(h, f.admin, f.admin.id, "Setujukah");
    await press(h, f.admin, f.admin.id, "CSV");
    const csv = documents(h, f.admin.id)[0]!.bytes.toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("Desa;Pemilih;Basis partisipasi;Partisipasi (%);1. Setuju;2. Tidak setuju;Pilihan desa;Catatan");
    expect(csv.find((l) => l.startsWith("Sukajaya;"))).toMatch(/^Sukajaya;2;\d+;\d+(,\d+)?;;;;Dirahasiakan — bukan suara desa \(kurang dari 3 suara\)$/);
    expect(csv.find((l) => l.startsWith("Sidorejo;"))).toMatch(/;3;1;Setuju;$/);
    expect(csv.find((l) => l.startsWith("Jumlah;"))).toMatch(/^Jumlah;9;\d+;\d+(,\d+)?;;;;Dirahasiakan/);
  });
});

describe("exports of a terbuka vote", () => {
  it("the organiser downloads per-village counts and the ballots as .csv and .xlsx", async () => {
    const f = await aForum(h);
    const vote = await aVote(h, f, { villages: [0, 1], closesAt: new Date(h.clock.now().getTime() + HOUR) });
    h.fake.setMemberCount(f.villages[0]!.group.id, 11);
    const ani = groupMember(h, f, [0], "Ani");
    const budi = groupMember(h, f, [1], "Budi");
    // Both agreed to the privacy notice, so their names are kept (otherwise they show as "Warga").
    await ensureConsent(h, ani);
    await ensureConsent(h, budi);
    await voteIn(h, ani, f.villages[0]!.group.id, vote.id, 0);
    await voteIn(h, budi, f.villages[1]!.group.id, vote.id, 1);
    h.clock.advance(HOUR);
    await h.tick();
    expect(lastText(h, f.admin.id)).toContain("Unduh hasilnya");
    await press(h, f.admin, f.admin.id, "CSV");
    await press(h, f.admin, f.admin.id, "Excel");
    const files = documents(h, f.admin.id);
    expect(files.map((x) => x.name)).toEqual([`voting-${vote.id}-per-desa.csv`, `voting-${vote.id}-surat-suara.csv`, `voting-${vote.id}.xlsx`]);
    const perVillage = files[0]!.bytes.toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
    // For Indonesian Excel: ";" between fields and a decimal comma (16,7%).
    expect(perVillage[0]).toBe("Desa;Pemilih;Basis partisipasi;Partisipasi (%);1. Setuju;2. Tidak setuju;Catatan");
    expect(perVillage).toContain("Sukajaya;1;10;10;1;0;");
    // Sidorejo's group: the admin and Budi (the bot not counted).
    expect(perVillage).toContain("Sidorejo;1;2;50;0;1;");
    expect(perVillage).toContain("Jumlah;2;12;16,7;1;1;");
    const ballots = files[1]!.bytes.toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
    expect(ballots[0]).toBe("Nama;Username;Desa;Pilihan;Waktu");
    // "1. Setuju; 2. …" joins choices with "; ", so such a cell is quoted; one choice is not.
    expect(ballots[1]).toBe("Ani;;Sukajaya;1. Setuju;2026-11-30 09:00");
    expect(ballots[2]).toBe("Budi;;Sidorejo;2. Tidak setuju;2026-11-30 09:00");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[2]!.bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Per desa", "Surat suara"]);
    expect(wb.getWorksheet("Surat suara")!.getRow(2).getCell(1).value).toBe("Ani");
    expect(texts(h, f.admin.id).join("\n")).toContain("Hasil pemungutan suara");
  });
});

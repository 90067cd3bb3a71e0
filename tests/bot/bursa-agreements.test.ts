import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { documentsTo, lastToast, xlsxCells } from "../support/aspirasi.js";
import { actorFor, anAgreement, aPost } from "../support/bursa.js";
import { openDatabase } from "../../src/infra/db.js";
import { JobScheduler } from "../../src/jobs/scheduler.js";
import { bursaDepsOf } from "../../src/bot/features/bursa/deps.js";
import { getAgreement, JOB_EVALUATION, listAgreements, remindEvaluation, setAgreementStatus } from "../../src/domain/bursa/index.js";
import { NotFound } from "../../src/domain/errors.js";

let h: Harness;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0); // Senin, 30 November 2026 09.00 WIB
});

const prisma = () => h.app.deps.prisma;
/** 00:00 WIB of a day. */
const wib = (ymd: string) => new Date(`${ymd}T00:00:00+07:00`);

describe("recording an agreement", () => {
  it("from a matched pair: parties filled in, value, period and evaluation dates typed; then the signed document and status", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    await aPost(h, f, sari, { village: 1, kind: "penawaran", title: "traktor roda dua disewakan harian" });
    const need = await aPost(h, f, budi, { village: 0, kind: "kebutuhan", title: "butuh traktor utk olah sawah" });

    await say(h, f.admin, "/mediasi");
    await press(h, f.admin, f.admin.id, "🔎 1.");
    await press(h, f.admin, f.admin.id, "Kesepakatan");
    expect(lastText(h, f.admin.id)).toContain("Pihak dalam kesepakatan: Desa Sukajaya, Desa Sidorejo");
    await press(h, f.admin, f.admin.id, "Lanjut");
    await say(h, f.admin, "Sewa traktor untuk olah lahan 25 ha");
    await say(h, f.admin, "15 juta");
    await say(h, f.admin, "Januari - Juni 2027");
    await say(h, f.admin, "setelah panen");
    expect(texts(h, f.admin.id).at(-2)).toContain("Tanggal “setelah panen” tidak dikenali");
    await say(h, f.admin, "1 Maret 2027; 1 Juni 2027");
    const preview = texts(h, f.admin.id).at(-2)!;
    expect(preview).toContain("Rp 15.000.000");
    expect(preview).toContain("Jumat, 1 Januari 2027 – Rabu, 30 Juni 2027");
    await press(h, f.admin, f.admin.id, "Simpan");
    expect(lastText(h, f.admin.id)).toContain("Kesepakatan KS-2026-001 tersimpan sebagai draf");

    const a = await prisma().agreement.findFirstOrThrow({ include: { parties: true, evaluations: { orderBy: { dueOn: "asc" } } } });
    expect(a).toMatchObject({ number: "KS-2026-001", status: "draf", valueRupiah: 15_000_000n, startsOn: wib("2027-01-01"), endsOn: wib("2027-06-30") });
    expect(a.parties.map((p) => p.villageId)).toEqual([f.villages[0]!.id, f.villages[1]!.id]);
    expect(a.evaluations.map((e) => e.dueOn)).toEqual([wib("2027-03-01"), wib("2027-06-01")]);
    expect((await prisma().bursaMatch.findUniqueOrThrow({ where: { id: need.matches[0]!.id } })).agreementId).toBe(a.id);
    // Reminders: the day before each evaluation at 08.00 WIB.
    const jobs = await prisma().job.findMany({ where: { kind: JOB_EVALUATION }, orderBy: { dueAt: "asc" } });
    expect(jobs.map((j) => j.dueAt)).toEqual([new Date("2027-02-28T01:00:00Z"), new Date("2027-05-31T01:00:00Z")]);

    await press(h, f.admin, f.admin.id, "Lampirkan dokumen");
    await h.send(h.fake.updates.document(f.admin, "private", { file_name: "ks-traktor.pdf", mime_type: "application/pdf" }));
    expect(lastText(h, f.admin.id)).toContain("Dokumen terlampir pada KS-2026-001");
    const withDoc = await prisma().agreement.findUniqueOrThrow({ where: { id: a.id } });
    expect(withDoc.documentName).toBe("ks-traktor.pdf");
    expect(withDoc.documentFileId).toMatch(/^BQAC/);

    // A party village's official moves the status along; the document can be seen again.
    await say(h, budi, "/kerjasama");
    await press(h, budi, budi.id, "KS-2026-001");
    expect(lastText(h, budi.id)).toContain("Dokumen: ✅ ks-traktor.pdf");
    await press(h, budi, budi.id, "Ubah status");
    expect(buttons(h, budi.id).map((b) => b.text)).toEqual(["Ditandatangani", "Batal", "◀️ Kembali"]);
    await press(h, budi, budi.id, "Ditandatangani");
    expect(lastToast(h)).toContain("Status diubah: Ditandatangani");
    await press(h, budi, budi.id, "Lihat dokumen");
    expect(h.fake.callsTo("sendDocument").at(-1)!.params.document).toBe(withDoc.documentFileId);
    const events = await prisma().agreementEvent.findMany({ where: { agreementId: a.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["created", "document", "status"]);
  });

  it("only the parties' officials, the forum's admins and a mitra party see an agreement; another village's official sees nothing", async () => {
    const f = await aForum(h);
    const g = await aForum(h);
    const budi = await f.official(0, "Budi");
    const tono = await f.official(2, "Tono");
    const mitra = await f.person("mitra", undefined, "Rina");
    const other = await f.person("mitra", undefined, "Dodi");
    const a = await anAgreement(h, f, budi, { parties: [{ villageId: f.villages[0]!.id }, { personId: (await actorFor(h, mitra)).personId }] });
    for (const [u, n] of [[budi, 1], [f.admin, 1], [mitra, 1], [tono, 0], [other, 0]] as const) {
      expect((await listAgreements(h.app.deps, await actorFor(h, u), f.id)).total, u.first_name).toBe(n);
    }
    await expect(getAgreement(h.app.deps, await actorFor(h, tono), f.id, a.id)).rejects.toBeInstanceOf(NotFound);
    await say(h, tono, "/kerjasama");
    expect(lastText(h, tono.id)).toContain("Belum ada kesepakatan");
    // A forged button from another forum's admin: as if it did not exist.
    await say(h, g.admin, "/start");
    const msg = h.fake.sent(g.admin.id).at(-1)!;
    await h.send(h.fake.updates.callback(g.admin, g.admin.id, msg.message_id, `bks:${a.id}:batal`));
    expect(lastToast(h)).toContain("tidak berlaku");
    // The mitra party sees it but cannot change it.
    await expect(setAgreementStatus(bursaDepsOf(h.app.deps), await actorFor(h, mitra), f.id, a.id, "batal")).rejects.toThrow("agreement_not_manager");
    expect((await prisma().agreement.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("draf");
  });

  it("the export for the kecamatan's report lists every agreement with parties, value, period, status and evaluations", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await anAgreement(h, f, budi, { startsOn: wib("2027-01-01"), endsOn: wib("2027-06-30"), evaluations: [wib("2027-03-01")] });
    await anAgreement(h, f, f.admin, { object: "Pelatihan pembukuan BUMDes", parties: [{ villageId: f.villages[2]!.id }, { name: "Universitas Lampung" }], valueRupiah: null });
    await say(h, budi, "/kerjasama_ekspor");
    expect(lastText(h, budi.id)).toContain("Hanya admin forum");
    await say(h, f.admin, "/kerjasama_ekspor");
    const [x] = documentsTo(h, f.admin.id, ".xlsx");
    const cells = await xlsxCells(x!.bytes);
    expect(cells[0]).toEqual(["Nomor", "Objek", "Pihak", "Nilai (Rp)", "Mulai", "Berakhir", "Status", "Dokumen", "Evaluasi"]);
    expect(cells[1]).toEqual(["KS-2026-001", "Sewa traktor untuk olah lahan 25 ha", "Desa Sukajaya; Desa Sidorejo", "15000000", "Jumat, 1 Januari 2027", "Rabu, 30 Juni 2027", "Draf", "Belum", "Senin, 1 Maret 2027"]);
    expect(cells[2]!.slice(0, 3)).toEqual(["KS-2026-002", "Pelatihan pembukuan BUMDes", "Desa Bangunrejo; Universitas Lampung"]);
    expect(documentsTo(h, f.admin.id, ".csv")).toHaveLength(1);
  });
});

describe("evaluation reminders", () => {
  it("remind the parties' officials and the mitra party the day before at 08.00, once; a cancelled agreement reminds no one", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const sari = await f.official(1, "Sari");
    const tono = await f.official(2, "Tono");
    const mitra = await f.person("mitra", undefined, "Rina");
    await anAgreement(h, f, budi, {
      parties: [{ villageId: f.villages[0]!.id }, { villageId: f.villages[1]!.id }, { personId: (await actorFor(h, mitra)).personId }],
      evaluations: [wib("2026-12-10")],
    });
    const cancelled = await anAgreement(h, f, budi, { object: "Kerja sama yang batal", evaluations: [wib("2026-12-10")] });
    await setAgreementStatus(bursaDepsOf(h.app.deps), await actorFor(h, budi), f.id, cancelled.id, "batal");

    h.clock.set(new Date("2026-12-09T00:59:00Z")); // 07.59 WIB the day before
    await h.tick();
    expect(texts(h, budi.id).join("\n")).not.toContain("Pengingat evaluasi");
    h.clock.set(new Date("2026-12-09T01:00:00Z"));
    await h.tick();
    for (const u of [budi, sari, mitra]) {
      const all = texts(h, u.id).filter((t) => t.includes("Pengingat evaluasi"));
      expect(all, u.first_name).toHaveLength(1);
      expect(all[0]).toContain("KS-2026-001");
      expect(all[0]).toContain("Kamis, 10 Desember 2026");
      expect(all[0]).not.toContain("terlambat");
    }
    expect(texts(h, tono.id).join("\n")).not.toContain("Pengingat");
    expect(texts(h, budi.id).join("\n")).not.toContain("KS-2026-002");
    h.clock.advance(DAY);
    await h.tick();
    expect(texts(h, budi.id).filter((t) => t.includes("Pengingat evaluasi"))).toHaveLength(1);
    const e = await prisma().agreementEvaluation.findFirstOrThrow({ where: { agreementId: { not: cancelled.id } } });
    expect(e.recipients).toBe(3);
  });

  it("a bot down past the evaluation day catches up, saying the reminder is late", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    await anAgreement(h, f, budi, { evaluations: [wib("2026-12-03")] });
    await h.restart();
    h.clock.set(new Date("2026-12-05T03:00:00Z"));
    await h.tick();
    const msg = texts(h, budi.id).find((t) => t.includes("Pengingat evaluasi"))!;
    expect(msg).toContain("terlambat terkirim");
  });

  it(
    process.env.DATABASE_URL
      ? "two job runners on two PostgreSQL connections send each evaluation reminder exactly once"
      : "two job runners in turn send each evaluation reminder exactly once (PGlite: single process)",
    async () => {
      const f = await aForum(h);
      const budi = await f.official(0, "Budi");
      const sari = await f.official(1, "Sari");
      const N = 12;
      for (let i = 0; i < N; i++) await anAgreement(h, f, budi, { object: `Kerja sama nomor ${i + 1}`, evaluations: [wib("2026-12-10")] });
      h.clock.set(new Date("2026-12-09T02:00:00Z"));
      const logger = h.app.deps.logger;
      if (h.db.engine === "postgres" && h.db.url) {
        const db2 = await openDatabase({ databaseUrl: h.db.url, migrate: false, poolSize: 4 });
        try {
          const a = new JobScheduler({ prisma: prisma(), clock: h.clock, logger, instanceId: "A", batchSize: 3 });
          const b = new JobScheduler({ prisma: db2.prisma, clock: h.clock, logger, instanceId: "B", batchSize: 3 });
          const depsA = bursaDepsOf(h.app.deps);
          const depsB = bursaDepsOf({ ...h.app.deps, prisma: db2.prisma, db: db2 });
          // B claims a batch and holds its transaction open while A works through the rest.
          let release!: () => void;
          let entered!: () => void;
          const gate = new Promise<void>((r) => (release = r));
          const bInside = new Promise<void>((r) => (entered = r));
          let doneByA = 0;
          a.register(JOB_EVALUATION, async (job, ctx) => {
            await remindEvaluation(depsA, job, ctx);
            if (++doneByA === 6) release();
          });
          b.register(JOB_EVALUATION, async (job, ctx) => {
            entered();
            await Promise.race([gate, new Promise((r) => setTimeout(r, 20_000))]);
            await remindEvaluation(depsB, job, ctx);
          });
          const runB = b.runDue();
          await bInside;
          await Promise.all([a.runDue(), runB]);
          await Promise.all([a.runDue(), b.runDue()]);
        } finally {
          await db2.close();
        }
        const jobs = await prisma().job.findMany({ where: { kind: JOB_EVALUATION, doneAt: { not: null } } });
        expect(jobs.filter((j) => j.claimedBy === "A").length).toBeGreaterThanOrEqual(6);
        expect(jobs.filter((j) => j.claimedBy === "B").length).toBeGreaterThanOrEqual(3);
        expect(jobs).toHaveLength(N);
      } else {
        const a = new JobScheduler({ prisma: prisma(), clock: h.clock, logger, instanceId: "A", batchSize: 5 });
        const b = new JobScheduler({ prisma: prisma(), clock: h.clock, logger, instanceId: "B", batchSize: 5 });
        for (const s of [a, b]) s.register(JOB_EVALUATION, (job, ctx) => remindEvaluation(bursaDepsOf(h.app.deps), job, ctx));
        await Promise.all([a.runDue(), b.runDue()]);
        await Promise.all([a.runDue(), b.runDue()]);
      }
      // Even a job run twice by hand (a retry after a crash) sends nothing more.
      const job = await prisma().job.findFirstOrThrow({ where: { kind: JOB_EVALUATION } });
      await prisma().$transaction((tx) =>
        remindEvaluation(bursaDepsOf(h.app.deps), { id: job.id, kind: job.kind, ownerId: job.ownerId, forumId: job.forumId, dueAt: job.dueAt, payload: {}, attempts: 1 }, { tx, now: h.clock.now(), lateMs: 0, afterCommit: () => {} }),
      );
      const rows = await prisma().delivery.findMany({ where: { ownerKind: "bursa.evaluation" }, select: { ownerId: true, chatId: true } });
      expect(rows).toHaveLength(N * 2);
      expect(new Set(rows.map((r) => `${r.ownerId}:${r.chatId}`)).size).toBe(N * 2);
      await h.flush();
      for (const u of [budi, sari]) expect(texts(h, u.id).filter((t) => t.includes("Pengingat evaluasi"))).toHaveLength(N);
    },
    120_000,
  );
});


import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, personFor } from "../support/world.js";
import { aReportMonth, wib } from "../support/laporan.js";
import { pngSize } from "../support/voting.js";
import { openDatabase, type Database } from "../../src/infra/db.js";
import { JobScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/infra/logger.js";
import { runStartHooks } from "../../src/bot/index.js";
import { MONTHLY_JOB, monthlyHandler } from "../../src/bot/features/laporan/monthly.js";

vi.setConfig({ testTimeout: 240_000 });

let h: Harness;
let second: Database | null = null;

beforeAll(async () => {
  h = await createHarness();
  // Real PostgreSQL: a second pool, as a second bot instance would have.
  if (h.db.url) second = await openDatabase({ databaseUrl: h.db.url, migrate: false, poolSize: 4 });
});
afterAll(async () => {
  await second?.close();
  await h?.close();
});
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0); // Senin, 30 November 2026 09.00 WIB
  h.fake.setNow(T0);
});

const prisma = () => h.app.deps.prisma;

function otherInstance() {
  const s = new JobScheduler({ prisma: second?.prisma ?? prisma(), clock: h.clock, logger: createLogger("silent"), instanceId: "instance-b" });
  s.register(MONTHLY_JOB, monthlyHandler(h.app.deps));
  return s;
}

/** Both instances tick at once; returns how many monthly runs happened. */
async function bothTick(b: JobScheduler) {
  const done = () => prisma().job.count({ where: { kind: MONTHLY_JOB, doneAt: { not: null } } });
  const before = await done();
  await Promise.all([h.app.deps.jobs.runDue(), b.runDue()]);
  return (await done()) - before;
}

const pending = async () => (await prisma().job.findMany({ where: { kind: MONTHLY_JOB, doneAt: null, cancelledAt: null }, select: { dueAt: true, forumId: true } })).map((j) => [j.forumId, j.dueAt.toISOString()]);

describe("the monthly report job", () => {
  it("runs once across two instances on the first working day, reaches admins and kecamatan staff only, and catches up after downtime", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    // The forum's own day off on Monday 4 January 2027 (1 January is New Year, then a weekend).
    await prisma().forum.update({ where: { id: f.id }, data: { settings: { tanggal: { holidays: [{ date: "2027-01-04", name: "Hari jadi kecamatan" }] } } } });
    const staff = await f.person("moderator", undefined, "Bu Staf");
    const staffRow = await personFor(h, staff);
    await prisma().membership.updateMany({ where: { personId: staffRow.id }, data: { title: "staf_kecamatan" } });
    const official = await f.official(0, "Pak Kades");
    await aReportMonth(h, f);
    // Activity in November, reported on 1 December.
    await prisma().relayMessage.create({
      data: { forumId: f.id, topicId: (await prisma().topic.findFirstOrThrow({ where: { forumId: f.id } })).id, authorId: staffRow.id, authorName: "W", villageId: f.villages[0]!.id, sourceChatId: BigInt(-1), sourceMessageId: 999, kind: "text", createdAt: wib("2026-11-10 10:00") },
    });

    // Two instances start at once: one chain per forum, due Tuesday 1 December 08.00 WIB.
    const b = otherInstance();
    await Promise.all([runStartHooks(h.app.deps), runStartHooks(h.app.deps), b.ensurePending({ kind: MONTHLY_JOB, ownerId: f.id, forumId: f.id, dueAt: wib("2026-12-01 08:00") })]);
    expect(await pending()).toEqual([[f.id, wib("2026-12-01 08:00").toISOString()]]);

    // Not yet at 07.59.
    h.clock.set(wib("2026-12-01 07:59"));
    expect(await bothTick(b)).toBe(0);
    h.clock.set(wib("2026-12-01 08:00"));
    h.fake.setNow(wib("2026-12-01 08:00"));
    expect(await bothTick(b)).toBe(1);
    expect(await bothTick(b)).toBe(0);
    await h.flush();

    for (const u of [f.admin, staff]) {
      const got = h.fake.sent(u.id).filter((m) => m.date >= Math.floor(wib("2026-12-01 08:00").getTime() / 1000));
      expect(got).toHaveLength(4);
      expect(got[0]!.text).toContain("🗓️ Laporan bulanan otomatis untuk admin forum dan staf kecamatan.");
      expect(got[0]!.text).toContain(`📊 Laporan ${f.name} — November 2026`);
      // Citra's message at 00.00 on 1 November and the one added above.
      expect(got[0]!.text).toContain("👥 Partisipasi turun 71% dibanding Oktober 2026: 2 warga aktif.");
      expect(got[0]!.text).toContain("⏰ 4 aspirasi melewati batas waktu di Desa Sukajaya.");
      for (const m of got.filter((x) => x.photo)) expect(pngSize(h.fake.fileBytes(m.photo!.at(-1)!.file_id)!).width).toBeGreaterThanOrEqual(800);
      expect(got.filter((x) => x.photo)).toHaveLength(2);
      expect(got[3]!.document!.file_name).toBe("laporan-2026-11.xlsx");
    }
    expect(h.fake.sent(official.id).filter((m) => (m.text ?? "").includes("Laporan bulanan otomatis"))).toHaveLength(0);
    expect(await prisma().delivery.count({ where: { ownerKind: "laporan" } })).toBe(8);

    // The next run was scheduled in the same transaction: January's first working day for this
    // forum is Tuesday 5 January (1 January New Year, a weekend, the forum's own day off).
    expect(await pending()).toEqual([[f.id, wib("2027-01-05 08:00").toISOString()]]);

    // Down from December to 10 March: after the restart the overdue run fires once and reports
    // February, the last complete month; the next is 1 April.
    await h.restart();
    h.clock.set(wib("2027-03-10 11:00"));
    h.fake.setNow(wib("2027-03-10 11:00"));
    await runStartHooks(h.app.deps);
    expect(await pending()).toHaveLength(1);
    const b2 = otherInstance();
    expect(await bothTick(b2)).toBe(1);
    expect(await bothTick(b2)).toBe(0);
    await h.flush();
    expect(h.fake.sent(f.admin.id).filter((m) => (m.text ?? "").includes("— Februari 2027"))).toHaveLength(1);
    expect(h.fake.sent(f.admin.id).filter((m) => (m.text ?? "").includes("— Desember 2026"))).toHaveLength(0);
    expect(await pending()).toEqual([[f.id, wib("2027-04-01 08:00").toISOString()]]);
    expect(await prisma().job.count({ where: { kind: MONTHLY_JOB, doneAt: { not: null } } })).toBe(2);
  });
});

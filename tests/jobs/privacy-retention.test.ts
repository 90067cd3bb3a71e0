import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "grammy/types";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, type ForumFixture } from "../support/world.js";
import { anAspiration } from "../support/aspirasi.js";
import { aMeeting } from "../support/musyawarah.js";
import { openDatabase, type Database } from "../../src/infra/db.js";
import { JobScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/infra/logger.js";
import { loadAccess } from "../../src/domain/forum/people.js";
import { runStartHooks } from "../../src/bot/index.js";
import { RETENTION_JOB, retentionHandler, runRetention } from "../../src/domain/privasi/retention.js";
import { setRetention } from "../../src/domain/privasi/settings.js";

let h: Harness;
let second: Database | null = null;
const DAY = 24 * 3600_000;
const LONG = 120_000;

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
  h.clock.set(T0);
});

const prisma = () => h.app.deps.prisma;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

/** A second bot instance's scheduler on the same database, knowing the retention job. */
function otherInstance() {
  const s = new JobScheduler({ prisma: second?.prisma ?? prisma(), clock: h.clock, logger: createLogger("silent"), instanceId: "instance-b" });
  s.register(RETENTION_JOB, retentionHandler());
  return s;
}

async function actor(u: User) {
  const p = await prisma().person.findUniqueOrThrow({ where: { telegramUserId: BigInt(u.id) } });
  return { personId: p.id, access: await loadAccess(prisma(), p.id, false) };
}

let msg = 0;
async function relay(f: ForumFixture, authorId: number, text: string, createdAt: Date) {
  const topic =
    (await prisma().topic.findFirst({ where: { forumId: f.id } })) ??
    (await prisma().topic.create({ data: { forumId: f.id, title: "Jalan", description: "Masukan", createdById: authorId, createdAt } }));
  return prisma().relayMessage.create({
    data: { forumId: f.id, topicId: topic.id, authorId, authorName: "Ani", villageId: f.villages[0]!.id, sourceChatId: BigInt(f.villages[0]!.group.id), sourceMessageId: ++msg, kind: "text", text, createdAt },
  });
}

/** Both instances tick at once; returns how many retention runs happened (other due jobs run too). */
async function bothTick(b: JobScheduler) {
  const done = () => prisma().job.count({ where: { kind: RETENTION_JOB, doneAt: { not: null } } });
  const before = await done();
  await Promise.all([h.app.deps.jobs.runDue(), b.runDue()]);
  return (await done()) - before;
}

describe("retention: the daily purge", () => {
  it(
    "purges what each forum's settings say has expired, exactly once across two instances and a restart",
    async () => {
      const f = await aForum(h);
      const g = await aForum(h, { villages: 2 });
      await setRetention(h.app.deps, await actor(g.admin), g.id, "relayText", 90);
      const ani = await f.resident(0, "Ani");
      const aniId = (await actor(ani)).personId;
      const bob = await g.resident(0, "Bob");
      const bobId = (await actor(bob)).personId;

      const oldF = await relay(f, aniId, "Usul lama di forum F", T0);
      const oldG = await relay(g, bobId, "Usul lama di forum G", T0);
      const closed = await anAspiration(h, f, ani, { text: "Lampu jalan di gang dua mati sejak bulan lalu dan belum diganti" });
      await prisma().aspiration.update({ where: { id: closed.id }, data: { status: "selesai", resolvedAt: T0 } });
      const helper = await f.resident(0, "Tetangga");
      await prisma().aspirationSupport.create({ data: { aspirationId: closed.id, forumId: f.id, personId: (await actor(helper)).personId } });
      await prisma().aspiration.update({ where: { id: closed.id }, data: { supportCount: 1 } });
      const open = await anAspiration(h, f, ani, { text: "Saluran air di depan sekolah dasar tersumbat dan meluap saat hujan" });
      const meetingId = await aMeeting(h, f);
      await prisma().meetingInvitee.create({ data: { meetingId, forumId: f.id, personId: aniId, source: "named", rsvp: "yes", rsvpAt: T0, delegateName: "Pak RT", checkedInAt: at(1) } });
      await h.flush();
      const sentAtT0 = await prisma().delivery.count({ where: { state: "sent" } });
      expect(sentAtT0).toBeGreaterThan(0);

      // Two instances start at once: one chain, not two.
      await Promise.all([runStartHooks(h.app.deps), otherInstance().ensurePending({ kind: RETENTION_JOB, ownerId: "all", dueAt: at(0.001) })]);
      expect(await prisma().job.count({ where: { kind: RETENTION_JOB, doneAt: null, cancelledAt: null } })).toBe(1);

      // Day 100: forum G keeps discussion text 90 days, forum F a year; delivered copies 30 days.
      h.clock.set(at(100));
      await relay(f, aniId, "Usul baru di forum F", at(100));
      const b = otherInstance();
      expect(await bothTick(b)).toBe(1);
      expect(await prisma().relayMessage.findUniqueOrThrow({ where: { id: oldG.id } })).toMatchObject({ text: null, authorName: "Warga", authorId: bobId });
      expect((await prisma().relayMessage.findUniqueOrThrow({ where: { id: oldF.id } })).text).toBe("Usul lama di forum F");
      expect(await prisma().delivery.count({ where: { payload: { path: ["purged"], equals: true } } })).toBe(sentAtT0);
      expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: closed.id } })).reporterId).toBe(aniId);
      const run1 = await prisma().auditLog.findMany({ where: { action: "privacy.retention" }, orderBy: { forumId: "asc" } });
      expect(run1.map((r) => [r.forumId, r.details])).toEqual([
        [f.id, { relayTexts: 0, reporterLinks: 0, attendance: 0, auditRows: 0, jobs: 0, outbox: expect.any(Number) }],
        [g.id, { relayTexts: 1, reporterLinks: 0, attendance: 0, auditRows: 0, jobs: 0, outbox: 0 }],
      ]);
      // The next run is tomorrow, once; ticking again now does nothing.
      expect(await prisma().job.findMany({ where: { kind: RETENTION_JOB, doneAt: null }, select: { dueAt: true } })).toEqual([{ dueAt: at(101) }]);
      expect(await bothTick(b)).toBe(0);

      // A restart, then two years on: the chain survived and catches up in one run.
      await h.restart();
      h.clock.set(at(800));
      const b2 = otherInstance();
      expect(await bothTick(b2)).toBe(1);
      expect((await prisma().relayMessage.findMany({ where: { forumId: f.id }, orderBy: { id: "asc" } })).map((r) => r.text)).toEqual([null, null]);
      const asp = await prisma().aspiration.findUniqueOrThrow({ where: { id: closed.id } });
      expect(asp.reporterId).toBe(-closed.id);
      expect(asp.supportCount).toBe(1);
      expect(await prisma().aspirationSupport.count({ where: { aspirationId: closed.id } })).toBe(0);
      expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: open.id } })).reporterId).toBe(aniId);
      const inv = await prisma().meetingInvitee.findFirstOrThrow({ where: { meetingId, rsvp: "yes" } });
      expect(inv).toMatchObject({ personId: -inv.id, delegateName: null, checkedInAt: at(1) });
      expect(await prisma().auditLog.count({ where: { createdAt: { lt: at(70) } } })).toBe(0);
      const run2 = await prisma().auditLog.findMany({ where: { action: "privacy.retention", createdAt: at(800) }, orderBy: { forumId: "asc" } });
      // Forum G had nothing of people's left to purge; its row (if any) counts only finished jobs
      // (e.g. the monthly reports of two years and their deliveries, old audit rows).
      expect(run2.map((r) => [r.forumId, (r.details as Record<string, number>).relayTexts, (r.details as Record<string, number>).reporterLinks, (r.details as Record<string, number>).attendance]).filter(([id]) => id === f.id)).toEqual([[f.id, 2, 1, 1]]);
      for (const r of run2.filter((x) => x.forumId === g.id)) expect(r.details).toMatchObject({ relayTexts: 0, reporterLinks: 0, attendance: 0 });
      expect(await prisma().job.count({ where: { kind: RETENTION_JOB, doneAt: { not: null } } })).toBe(2);
      expect(await prisma().job.findMany({ where: { kind: RETENTION_JOB, doneAt: null }, select: { dueAt: true } })).toEqual([{ dueAt: at(801) }]);
      // Nothing left to purge: the next day's run purges nothing and writes no row.
      h.clock.set(at(801));
      expect(await bothTick(b2)).toBe(1);
      expect(await prisma().auditLog.count({ where: { action: "privacy.retention", createdAt: at(801) } })).toBe(0);
    },
    LONG,
  );

  it("does a bounded amount of work per run and comes back a minute later when there is more", async () => {
    const f = await aForum(h);
    const ani = await f.resident(0, "Ani");
    const aniId = (await actor(ani)).personId;
    for (let i = 0; i < 5; i++) await relay(f, aniId, `Pesan ${i}`, T0);
    h.clock.set(at(400));
    const first = await prisma().$transaction((tx) => runRetention(tx as never, h.clock.now(), 2));
    expect(first.more).toBe(true);
    expect(first.totals.relayTexts).toBe(2);
    // Through the job (an instance with a batch of 2): a minute later while there is more, then a day.
    const s = new JobScheduler({ prisma: prisma(), clock: h.clock, logger: createLogger("silent"), instanceId: "small" });
    s.register(RETENTION_JOB, retentionHandler(2));
    await s.ensurePending({ kind: RETENTION_JOB, ownerId: "all", dueAt: h.clock.now() });
    const next = async () => (await prisma().job.findFirstOrThrow({ where: { kind: RETENTION_JOB, doneAt: null } })).dueAt;
    expect(await s.runDue()).toBe(1);
    expect(await prisma().relayMessage.count({ where: { text: { not: null } } })).toBe(1);
    expect(await next()).toEqual(new Date(at(400).getTime() + 60_000));
    h.clock.advance(60_000);
    expect(await s.runDue()).toBe(1);
    expect(await prisma().relayMessage.count({ where: { text: { not: null } } })).toBe(0);
    expect(await next()).toEqual(new Date(at(400).getTime() + 60_000 + DAY));
  });
});

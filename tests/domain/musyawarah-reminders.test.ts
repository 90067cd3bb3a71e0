import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { T0, createHarness, type Harness } from "../support/harness.js";
import { aForum, lastText, texts } from "../support/world.js";
import { HOUR, MIN, aMeeting, actorFor } from "../support/musyawarah.js";
import { openDatabase } from "../../src/infra/db.js";
import { JobScheduler } from "../../src/jobs/scheduler.js";
import { meetingJobHandlers } from "../../src/domain/musyawarah/jobs.js";
import { meetingDepsOf } from "../../src/bot/features/musyawarah/deps.js";
import { setRsvp } from "../../src/domain/musyawarah/service.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  // The clock is not part of reset: every test starts on Senin, 30 November 2026 09.00 WIB.
  h.clock.set(T0);
  h.fake.setNow(T0);
});

const prisma = () => h.app.deps.prisma;

describe("reminder timing", () => {
  it("fires 24 hours and 2 hours before, to the groups and to those who said Hadir or have not answered", async () => {
    const f = await aForum(h);
    const [hadir, tidak, diam] = [await f.official(0, "Hadi"), await f.official(0, "Tika"), await f.official(0, "Diah")];
    const start = new Date(h.clock.now().getTime() + 26 * HOUR);
    const id = await aMeeting(h, f, { startsAt: start, audience: { groups: [f.villages[0]!.id], officials: [f.villages[0]!.id] } });
    const due = await h.app.deps.jobs.pending("meeting.reminder", id);
    expect(due.map((j) => j.dueAt.toISOString())).toEqual([new Date(start.getTime() - 24 * HOUR).toISOString(), new Date(start.getTime() - 2 * HOUR).toISOString()]);
    const d = meetingDepsOf(h.app.deps);
    await setRsvp(d, await actorFor(h, hadir), id, "yes");
    await setRsvp(d, await actorFor(h, tidak), id, "no");
    await h.flush();

    h.clock.advance(2 * HOUR - 1000);
    await h.tick();
    expect(texts(h, f.villages[0]!.group.id).join("\n")).not.toContain("Pengingat");
    h.clock.advance(1000);
    await h.tick();
    const group = f.villages[0]!.group.id;
    expect(lastText(h, group)).toContain("Pengingat Musdes");
    expect(lastText(h, group)).toContain("dimulai 24 jam lagi");
    expect(lastText(h, group)).toContain("Selasa, 1 Desember 2026 pukul 11.00 WIB");
    expect(lastText(h, group)).not.toContain("terlambat");
    expect(lastText(h, hadir.id)).toContain("Pengingat Musdes");
    expect(lastText(h, diam.id)).toContain("belum menjawab undangan");
    expect(texts(h, tidak.id).join("\n")).not.toContain("Pengingat");
    expect(texts(h, f.villages[1]!.group.id)).toEqual([]);

    h.clock.set(new Date(start.getTime() - 2 * HOUR));
    await h.tick();
    expect(lastText(h, group)).toContain("dimulai 2 jam lagi");
    const log = await prisma().meetingReminder.findMany({ where: { meetingId: id }, orderBy: { id: "asc" } });
    expect(log.map((r) => [r.minutesBefore, r.outcome, r.recipients])).toEqual([
      [1440, "sent", 3],
      [120, "sent", 3],
    ]);
  });
});

describe("catch-up after an outage", () => {
  it("sends a late reminder for a meeting not started (saying so), tells an ongoing one it has started, and skips one already over", async () => {
    const f = await aForum(h);
    const t0 = h.clock.now().getTime();
    const a = await aMeeting(h, f, { title: "Rapat A", startsAt: new Date(t0 + 26 * HOUR), audience: { groups: [f.villages[0]!.id] } });
    const b = await aMeeting(h, f, { title: "Rapat B", startsAt: new Date(t0 + 3 * HOUR), durationMinutes: 60, audience: { groups: [f.villages[1]!.id] } });
    const c = await aMeeting(h, f, { title: "Rapat C", startsAt: new Date(t0 + 4 * HOUR), durationMinutes: 180, audience: { groups: [f.villages[2]!.id] } });
    await h.flush();

    // The bot was down from now until 5 hours later; it restarts and catches up.
    await h.restart();
    h.clock.advance(5 * HOUR);
    await h.tick();

    const ga = texts(h, f.villages[0]!.group.id).at(-1)!;
    expect(ga).toContain("Rapat A dimulai 21 jam lagi");
    expect(ga).toContain("terlambat terkirim");
    expect(texts(h, f.villages[1]!.group.id).join("\n")).not.toContain("Pengingat");
    const gc = texts(h, f.villages[2]!.group.id).find((t) => t.includes("Pengingat"))!;
    expect(gc).toContain("sudah dimulai pukul 13.00 dan masih berlangsung sampai pukul 16.00");
    expect(gc).toContain("terlambat terkirim");

    const outcome = async (id: number) => (await prisma().meetingReminder.findMany({ where: { meetingId: id } })).map((r) => r.outcome);
    expect(await outcome(a)).toEqual(["sent_late"]);
    expect(await outcome(b)).toEqual(["skipped_over"]);
    expect(await outcome(c)).toEqual(["sent_late"]);
    // Nothing more is due: a second tick sends nothing.
    const before = h.fake.callsTo("sendMessage").length;
    await h.tick();
    expect(h.fake.callsTo("sendMessage").length).toBe(before);
  });
});

describe("exactly once", () => {
  it(
    process.env.DATABASE_URL
      ? "two scheduler instances on two PostgreSQL connections share the due reminders and send each exactly once"
      : "one scheduler sends every reminder once, and a second run sends nothing (PGlite: single process)",
    async () => {
      const f = await aForum(h);
      const officials = [await f.official(0), await f.official(1)];
      const t0 = h.clock.now().getTime();
      const N = 20;
      for (let i = 0; i < N; i++) {
        await aMeeting(h, f, {
          title: `Rapat ${i + 1}`,
          startsAt: new Date(t0 + 26 * HOUR + i * MIN),
          audience: { groups: [f.villages[i % 5]!.id], officials: [f.villages[0]!.id, f.villages[1]!.id] },
        });
      }
      await h.flush();
      h.clock.advance(2 * HOUR + N * MIN); // every 24-hour reminder is due

      if (h.db.engine === "postgres" && h.db.url) {
        // Instance B claims a batch and holds it (its transaction open) until instance A has done
        // two batches of its own: A must skip B's locked rows, and both end up sending.
        const db2 = await openDatabase({ databaseUrl: h.db.url, migrate: false, poolSize: 4 });
        try {
          const logger = h.app.deps.logger;
          const a = new JobScheduler({ prisma: h.app.deps.prisma, clock: h.clock, logger, instanceId: "A", batchSize: 5 });
          const b = new JobScheduler({ prisma: db2.prisma, clock: h.clock, logger, instanceId: "B", batchSize: 5 });
          const handlersA = meetingJobHandlers(meetingDepsOf(h.app.deps));
          const handlersB = meetingJobHandlers(meetingDepsOf({ ...h.app.deps, prisma: db2.prisma, db: db2 }));
          let doneByA = 0;
          let release!: () => void;
          let entered!: () => void;
          const gate = new Promise<void>((r) => (release = r));
          const bInside = new Promise<void>((r) => (entered = r));
          for (const kind of Object.keys(handlersA)) {
            a.register(kind, async (job, ctx) => {
              await handlersA[kind]!(job, ctx);
              if (++doneByA === 10) release();
            });
            b.register(kind, async (job, ctx) => {
              entered();
              await Promise.race([gate, new Promise((r) => setTimeout(r, 20_000))]);
              await handlersB[kind]!(job, ctx);
            });
          }
          const runB = b.runDue();
          await bInside;
          await Promise.all([a.runDue(), runB]);
          await Promise.all([a.runDue(), b.runDue()]);
        } finally {
          await db2.close();
        }
        const jobs = await prisma().job.findMany({ where: { kind: "meeting.reminder", doneAt: { not: null } } });
        const by = (x: string) => jobs.filter((j) => j.claimedBy === x).length;
        expect(by("A")).toBeGreaterThanOrEqual(10);
        expect(by("B")).toBeGreaterThanOrEqual(5);
        expect(by("A") + by("B")).toBe(N);
      } else {
        await h.app.deps.jobs.runDue();
        await h.app.deps.jobs.runDue();
      }

      const log = await prisma().meetingReminder.findMany();
      expect(log).toHaveLength(N);
      expect(new Set(log.map((r) => r.meetingId)).size).toBe(N);
      const rows = await prisma().delivery.findMany({ where: { ownerKind: "meeting.reminder" }, select: { ownerId: true, chatId: true } });
      // Each meeting: one group + the two officials.
      expect(rows).toHaveLength(N * 3);
      expect(new Set(rows.map((r) => `${r.ownerId}:${r.chatId}`)).size).toBe(N * 3);
      await h.flush();
      const perOfficial = officials.map((o) => texts(h, o.id).filter((t) => t.includes("Pengingat")).length);
      expect(perOfficial).toEqual([N, N]);
    },
    120_000,
  );
});

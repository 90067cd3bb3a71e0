import { DEFAULT_TERMS } from "../../src/domain/forum/terms.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { T0, createHarness, type Harness } from "../support/harness.js";
import { aForum } from "../support/world.js";
import { HOUR, aMeeting, actorFor } from "../support/musyawarah.js";
import { computeQuorum, halfPlusOneOf, rsvpCounts, twoThirdsOf } from "../../src/domain/musyawarah/quorum.js";
import { reminderDueTimes, defaultRsvpDeadline, phaseAt, rsvpOpen } from "../../src/domain/musyawarah/dates.js";
import { createMeeting, getManaged, markPresent, parseAgenda, parseDuration, rescheduleMeeting, setRsvp } from "../../src/domain/musyawarah/service.js";
import { emptyAudience, type AttendanceRow, type MeetingView } from "../../src/domain/musyawarah/types.js";
import { meetingDepsOf } from "../../src/bot/features/musyawarah/deps.js";
import { icsFile, tFor } from "../../src/bot/features/musyawarah/render.js";
import { NotAllowed, NotFound } from "../../src/domain/errors.js";

const row = (o: Partial<AttendanceRow>): AttendanceRow => ({
  inviteeId: 1,
  personId: 1,
  title: null,
  name: "X",
  villageId: null,
  source: "official",
  rsvp: "pending",
  delegateName: null,
  checkedInAt: null,
  markedByOrganiser: false,
  ...o,
});
const at = new Date("2026-12-01T04:00:00Z");

describe("quorum", () => {
  it("2/3 and ½+1 thresholds", () => {
    expect([3, 9, 10, 17].map(twoThirdsOf)).toEqual([2, 6, 7, 12]);
    expect([3, 9, 10, 17].map(halfPlusOneOf)).toEqual([2, 5, 6, 9]);
  });

  it("counts villages present (anyone from the village signed): 12 of 17 villages reach 2/3", () => {
    const villages = Array.from({ length: 17 }, (_, i) => i + 1);
    const rows = villages.slice(0, 12).map((v, i) => row({ personId: i + 1, villageId: v, source: "group", checkedInAt: at }));
    rows.push(row({ personId: 99, villageId: 1, source: "group", checkedInAt: at })); // a second person of village 1
    expect(computeQuorum("two_thirds_villages", rows, villages)).toEqual({ rule: "two_thirds_villages", unit: "villages", present: 12, total: 17, required: 12, reached: true });
    expect(computeQuorum("two_thirds_villages", rows.slice(1, 12), villages).reached).toBe(false);
    expect(computeQuorum("all_villages", rows, villages)).toMatchObject({ present: 12, required: 17, reached: false });
  });

  it("counts people invited by name for 2/3 of invitees; walk-ins and group members do not count", () => {
    const rows = [
      row({ personId: 1, checkedInAt: at }),
      row({ personId: 2, source: "bpd", checkedInAt: at }),
      row({ personId: 3, source: "named" }),
      row({ personId: 4, source: "group", checkedInAt: at }),
      row({ personId: 5, source: "walk_in", checkedInAt: at }),
    ];
    expect(computeQuorum("two_thirds", rows, [])).toEqual({ rule: "two_thirds", unit: "people", present: 2, total: 3, required: 2, reached: true });
    expect(computeQuorum("half_plus_one", rows.slice(1), [])).toMatchObject({ unit: "people", present: 1, total: 2, required: 2, reached: false });
  });

  it("with only village groups invited, 2/3 of invitees means 2/3 of the villages", () => {
    const rows = [row({ villageId: 1, source: "group", checkedInAt: at }), row({ personId: 2, villageId: 2, source: "group", checkedInAt: at })];
    expect(computeQuorum("two_thirds", rows, [1, 2, 3])).toMatchObject({ unit: "villages", present: 2, total: 3, required: 2, reached: true });
    expect(computeQuorum("two_thirds", [], [])).toMatchObject({ total: 0, reached: false });
  });

  it("RSVP counts", () => {
    const rows = [row({ rsvp: "yes", checkedInAt: at }), row({ rsvp: "yes" }), row({ rsvp: "no" }), row({ rsvp: "delegate" }), row({})];
    expect(rsvpCounts(rows)).toEqual({ yes: 2, no: 1, delegate: 1, pending: 1, checkedIn: 1 });
  });
});

describe("timing rules", () => {
  const start = new Date("2026-12-01T04:00:00Z");
  it("reminder times still ahead, latest offset first", () => {
    const now = new Date(start.getTime() - 5 * HOUR);
    expect(reminderDueTimes(start, [120, 1440, 120], now)).toEqual([{ minutesBefore: 120, dueAt: new Date(start.getTime() - 2 * HOUR) }]);
    expect(reminderDueTimes(start, [1440, 120], new Date(start.getTime() - 30 * HOUR)).map((r) => r.minutesBefore)).toEqual([1440, 120]);
  });

  it("the default answer deadline is a day before, unless that leaves too little time", () => {
    expect(defaultRsvpDeadline(start, new Date(start.getTime() - 48 * HOUR))).toEqual(new Date(start.getTime() - 24 * HOUR));
    expect(defaultRsvpDeadline(start, new Date(start.getTime() - 26 * HOUR))).toBeNull();
  });

  it("phases: before, check-in from 30 minutes before the start until the end, over", () => {
    const m = { startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR), rsvpDeadline: null };
    expect(phaseAt(m, new Date(start.getTime() - 31 * 60_000))).toBe("before");
    expect(phaseAt(m, new Date(start.getTime() - 30 * 60_000))).toBe("checkin");
    expect(phaseAt(m, new Date(start.getTime() + 2 * HOUR - 1))).toBe("checkin");
    expect(phaseAt(m, new Date(start.getTime() + 2 * HOUR))).toBe("over");
    expect(rsvpOpen(m, new Date(start.getTime() - 1))).toBe(true);
    expect(rsvpOpen(m, start)).toBe(false);
  });

  it("reads durations and agenda lists as people type them", () => {
    expect(["2 jam", "90 menit", "1,5 jam", "2", "45 mnt", "lama"].map(parseDuration)).toEqual([120, 90, 90, 120, 45, null]);
    expect(parseAgenda("1. Pembukaan\n- Laporan\n\n3) Penutup  ")).toEqual(["Pembukaan", "Laporan", "Penutup"]);
  });
});

describe(".ics content", () => {
  const view: MeetingView = {
    id: 42, forumId: 1, zone: "Asia/Jakarta", kind: "musdes", title: "Penetapan RKP Desa", agenda: ["Pembukaan", "Penetapan"],
    startsAt: new Date("2026-12-07T02:00:00Z"), endsAt: new Date("2026-12-07T04:00:00Z"), place: "Balai Desa Sukajaya", latitude: -4.95, longitude: 105.1,
    rsvpDeadline: null, quorumRule: "two_thirds", reminderMinutes: [1440, 120], recurrence: null, seriesId: null, status: "scheduled", openCheckIn: false,
    sequence: 0, cancelReason: null, organizerId: 1, organizerName: "Budi", villageId: 1, villageName: "Sukajaya", villages: [], audience: emptyAudience(),
    minutesText: null, minutesFileId: null, minutesFileName: null, decisions: null, minutesAt: null,
    organizerTitle: null, terms: DEFAULT_TERMS, chairName: null, chairTitle: null, secretaryName: null, decisionMethod: null, votesFor: null, votesAgainst: null, votesAbstain: null,
  };

  it("an invitation: UTC times, stable UID, place, map point, agenda", () => {
    const f = icsFile(tFor("id", DEFAULT_TERMS), "id", view, T0);
    const text = Buffer.from(f.base64, "base64").toString("utf8");
    expect(f.filename).toBe("musyawarah-42.ics");
    for (const line of ["METHOD:REQUEST", "UID:musyawarah-42@forum-desa", "SEQUENCE:0", "DTSTART:20261207T020000Z", "DTEND:20261207T040000Z", "STATUS:CONFIRMED", "SUMMARY:Musdes: Penetapan RKP Desa", "LOCATION:Balai Desa Sukajaya", "GEO:-4.95;105.1"]) {
      expect(text).toContain(line);
    }
    expect(text.replace(/\r\n /g, "")).toContain("DESCRIPTION:1. Pembukaan\\n2. Penetapan");
  });

  it("a cancellation keeps the UID and raises the sequence", () => {
    const text = Buffer.from(icsFile(tFor("id", DEFAULT_TERMS), "id", { ...view, status: "cancelled", sequence: 2 }, T0).base64, "base64").toString("utf8");
    expect(text).toContain("METHOD:CANCEL");
    expect(text).toContain("STATUS:CANCELLED");
    expect(text).toContain("SEQUENCE:2");
    expect(text).toContain("UID:musyawarah-42@forum-desa");
  });
});

describe("authorization (with the database)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());
  beforeEach(async () => {
    await h.reset();
    h.clock.set(T0);
  });

  const input = (forumId: number, audience: Partial<ReturnType<typeof emptyAudience>>, kind: "musdes" | "mad" = "musdes") => ({
    forumId,
    kind,
    title: "Rapat",
    agenda: ["Satu"],
    startsAt: new Date(T0.getTime() + 30 * HOUR),
    durationMinutes: 60,
    audience: { ...emptyAudience(), ...audience },
  });

  it("a perangkat desa may not invite another village's group, officials or BPD, nor hold a MAD", async () => {
    const f = await aForum(h);
    const budi = await f.official(0, "Budi");
    const d = meetingDepsOf(h.app.deps);
    const actor = await actorFor(h, budi);
    await expect(createMeeting(d, actor, input(f.id, { groups: [f.villages[1]!.id] }))).rejects.toThrow(new NotAllowed("meeting_other_village"));
    await expect(createMeeting(d, actor, input(f.id, { officials: [f.villages[0]!.id, f.villages[2]!.id] }))).rejects.toThrow(NotAllowed);
    await expect(createMeeting(d, actor, input(f.id, { kecamatan: true }))).rejects.toThrow(new NotAllowed("meeting_kecamatan_admin_only"));
    await expect(createMeeting(d, actor, input(f.id, { groups: [f.villages[0]!.id] }, "mad"))).rejects.toThrow(new NotAllowed("meeting_mad_admin_only"));
    const ok = await createMeeting(d, actor, input(f.id, { groups: [f.villages[0]!.id] }));
    expect((await h.app.deps.prisma.meeting.findUniqueOrThrow({ where: { id: ok.id } })).villageId).toBe(f.villages[0]!.id);
    expect(await h.app.deps.prisma.meeting.count()).toBe(1);
  });

  it("residents cannot organise; villages of another forum are not found", async () => {
    const f = await aForum(h);
    const other = await aForum(h, { name: "Forum Lain" });
    const d = meetingDepsOf(h.app.deps);
    await expect(createMeeting(d, await actorFor(h, await f.resident(0)), input(f.id, { groups: [f.villages[0]!.id] }))).rejects.toThrow(new NotAllowed("meeting_not_organiser"));
    await expect(createMeeting(d, await actorFor(h, f.admin), input(f.id, { groups: [other.villages[0]!.id] }))).rejects.toThrow(new NotFound("village_not_found"));
    await expect(createMeeting(d, await actorFor(h, f.admin), input(f.id, { persons: [999_999] }))).rejects.toThrow(NotFound);
  });

  it("only the organiser, forum admins and officials of the organising village manage a meeting", async () => {
    const f = await aForum(h);
    const other = await aForum(h, { name: "Forum Lain" });
    const budi = await f.official(0, "Budi");
    const rina = await f.official(0, "Rina");
    const tono = await f.official(1, "Tono");
    const d = meetingDepsOf(h.app.deps);
    const id = await aMeeting(h, f, { organiser: budi, audience: { groups: [f.villages[0]!.id] } });
    for (const u of [budi, rina, f.admin]) await expect(getManaged(d, await actorFor(h, u), id)).resolves.toBeTruthy();
    await expect(getManaged(d, await actorFor(h, tono), id)).rejects.toThrow(new NotAllowed("meeting_not_organiser"));
    await expect(getManaged(d, await actorFor(h, other.admin), id)).rejects.toThrow(new NotFound("meeting_not_found"));
    await expect(rescheduleMeeting(d, await actorFor(h, tono), id, { startsAt: new Date(T0.getTime() + 50 * HOUR), keepRsvp: true })).rejects.toThrow(NotAllowed);
    await expect(markPresent(d, await actorFor(h, other.admin), id, 1, true)).rejects.toThrow(NotFound);
  });

  it("rescheduling can keep the answers", async () => {
    const f = await aForum(h);
    const sari = await f.official(0, "Sari");
    const d = meetingDepsOf(h.app.deps);
    const id = await aMeeting(h, f, { audience: { officials: [f.villages[0]!.id] }, rsvpDeadline: new Date(T0.getTime() + 20 * HOUR) });
    await setRsvp(d, await actorFor(h, sari), id, "delegate");
    const r = await rescheduleMeeting(d, await actorFor(h, f.admin), id, { startsAt: new Date(T0.getTime() + 50 * HOUR), keepRsvp: true });
    expect(r.view.sequence).toBe(1);
    // The deadline keeps its distance to the start (6 hours before).
    expect(r.view.rsvpDeadline!.toISOString()).toBe(new Date(T0.getTime() + 44 * HOUR).toISOString());
    expect((await h.app.deps.prisma.meetingInvitee.findFirstOrThrow({ where: { meetingId: id } })).rsvp).toBe("delegate");
  });
});

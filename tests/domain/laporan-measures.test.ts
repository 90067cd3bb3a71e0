import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum } from "../support/world.js";
import { aReportMonth } from "../support/laporan.js";
import { emptyMeasures, measureMonth, shownMedian, turnout, attendanceRate, quorumRate } from "../../src/domain/laporan/measures.js";
import { lastCompleteMonth, monthAllowed, reportScope } from "../../src/domain/laporan/report.js";
import { Access, type MembershipView } from "../../src/domain/forum/access.js";
import { DEFAULT_TERMS } from "../../src/domain/forum/terms.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
});

const OCT = { year: 2026, month: 10 };

describe("the measures of a month, from stored rows", () => {
  it("gives the exact figures of the fixture month per village and for the forum", async () => {
    const f = await aForum(h);
    const { v0, v1 } = await aReportMonth(h, f);
    const ids = f.villages.map((v) => v.id);
    const m = await measureMonth(h.app.deps.prisma, f.id, ids, OCT, "Asia/Jakarta");

    expect(m.villages.get(v0)).toEqual({
      ...emptyMeasures(),
      activeMembers: 4, // Ani, Budi (posted), Dedi, Eko (voted; Eko in a rahasia vote)
      messages: 4, // 1 Oct 00.00 and 31 Oct 23.59 WIB are October; 1 Nov 00.00 is not
      topics: 1,
      votes: 2,
      ballots: 4,
      voteBase: 14,
      meetings: 1, // the cancelled one does not count
      quorumMet: 1,
      invited: 1, // a walk-in is not invited
      attended: 0,
      aspReceived: 5,
      aspVerified: 3,
      aspResolved: 2,
      aspOverdue: 3, // one from September, one past its resolve date, one past its verify date on 31 Oct
      medianVerifyDays: 2,
      medianResolveDays: 7.5,
      verifiedForMedian: 3,
      resolvedForMedian: 2,
      annDelivered: 2,
      annFailed: 0,
      bursaNeeds: 1,
      bursaMatches: 1,
      agreements: 1,
    });
    expect(m.villages.get(v1)).toEqual({
      ...emptyMeasures(),
      activeMembers: 3, // Citra (posted, voted), Fajar and Gita (answered the invitation)
      messages: 2,
      topics: 1,
      votes: 1,
      ballots: 1,
      voteBase: 5,
      meetings: 1,
      quorumMet: 1,
      invited: 2,
      attended: 1,
      aspReceived: 1, // rejected: received, never overdue
      annFailed: 1,
      bursaOffers: 1,
      bursaMatches: 1,
      agreements: 1,
    });
    // Villages with nothing: zeros, not missing.
    expect(m.villages.get(f.villages[4]!.id)).toEqual(emptyMeasures());
    // The forum counts a person, a topic, a vote, a meeting, a match once.
    expect(m.forum).toMatchObject({
      activeMembers: 7,
      messages: 6,
      topics: 2,
      votes: 2,
      ballots: 5,
      voteBase: 19,
      meetings: 1,
      quorumMet: 1,
      invited: 3,
      attended: 1,
      aspReceived: 6,
      aspVerified: 3,
      aspResolved: 2,
      aspOverdue: 3,
      medianVerifyDays: 2,
      medianResolveDays: 7.5,
      annDelivered: 2,
      annFailed: 1,
      bursaNeeds: 1,
      bursaOffers: 1,
      bursaMatches: 1,
      agreements: 1,
    });
    expect(turnout(m.forum)).toBeCloseTo(5 / 19, 10);
    expect(attendanceRate(m.forum)).toBeCloseTo(1 / 3, 10);
    expect(quorumRate(m.forum)).toBe(1);
    // Two resolved tickets in V0: the village's median is withheld, the forum's shown.
    expect(shownMedian(m.villages.get(v0)!, "resolve", true)).toBeNull();
    expect(shownMedian(m.villages.get(v0)!, "verify", true)).toBe(2);
    expect(shownMedian(m.forum, "resolve", false)).toBe(7.5);

    const sep = await measureMonth(h.app.deps.prisma, f.id, ids, { year: 2026, month: 9 }, "Asia/Jakarta");
    expect(sep.forum).toMatchObject({ activeMembers: 1, messages: 1, aspReceived: 1, aspOverdue: 1, annDelivered: 1, votes: 0 });
  });

  it("never counts another forum's rows", async () => {
    const f = await aForum(h);
    const g = await aForum(h, { villages: 2 });
    await aReportMonth(h, g);
    const m = await measureMonth(h.app.deps.prisma, f.id, f.villages.map((v) => v.id), OCT, "Asia/Jakarta");
    expect(m.forum).toEqual(emptyMeasures());
  });
});

describe("who sees which villages", () => {
  const view = (o: Partial<MembershipView>): MembershipView => ({
    id: 1, forumId: 1, forumName: "F", forumTerms: DEFAULT_TERMS, villageId: null, villageName: null, role: "warga", title: null, source: "code", confirmedAt: null, ...o,
  });
  it("admins and kecamatan staff see every village; perangkat their own; residents, mitra and other forums nothing", () => {
    const actor = (ms: MembershipView[]) => ({ access: new Access(1, ms) });
    expect(reportScope(actor([view({ role: "admin_forum" })]), 1)).toEqual({ kind: "all" });
    expect(reportScope(actor([view({ role: "moderator", title: "staf_kecamatan" })]), 1)).toEqual({ kind: "all" });
    expect(reportScope(actor([view({ role: "perangkat_desa", villageId: 7 })]), 1)).toEqual({ kind: "own", villageIds: [7] });
    expect(() => reportScope(actor([view({ role: "warga", villageId: 7 })]), 1)).toThrow("laporan_not_allowed");
    expect(() => reportScope(actor([view({ role: "mitra", title: "staf_kecamatan" })]), 1)).toThrow("laporan_not_allowed");
    expect(() => reportScope(actor([view({ role: "admin_forum", forumId: 2 })]), 1)).toThrow("laporan_not_allowed");
  });
  it("offers complete months only, up to three years back", () => {
    expect(lastCompleteMonth(T0, "Asia/Jakarta")).toEqual({ year: 2026, month: 10 });
    expect(monthAllowed({ year: 2026, month: 11 }, T0, "Asia/Jakarta")).toBe(false);
    expect(monthAllowed({ year: 2026, month: 10 }, T0, "Asia/Jakarta")).toBe(true);
    expect(monthAllowed({ year: 2023, month: 11 }, T0, "Asia/Jakarta")).toBe(true);
    expect(monthAllowed({ year: 2023, month: 10 }, T0, "Asia/Jakarta")).toBe(false);
  });
});

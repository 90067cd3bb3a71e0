import { describe, expect, it } from "vitest";
import { HALF_PLUS_ONE, TWO_THIRDS, computeResult, publishable, requiredCount, topOptions, type Threshold, type VillageCounts } from "../../src/domain/voting/index.js";
import { parseThreshold } from "../../src/bot/features/voting/flows.js";
import { parseOptions, usableReminders } from "../../src/domain/voting/index.js";
import { InvalidInput } from "../../src/domain/errors.js";

const v = (name: string, counts: number[], ballots = counts.reduce((a, b) => a + b, 0), base: number | null = 10): VillageCounts => ({
  villageId: name.length,
  name,
  ballots,
  counts,
  base,
});

describe("counting rules", () => {
  it("per orang: the option with the most ballots wins; equal tops are a tie; no ballots is no outcome", () => {
    const r = computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: null, villages: [v("X", [3, 1]), v("Y", [0, 1])] });
    expect(r.totals).toEqual([3, 2]);
    expect(r.outcome).toEqual({ kind: "winner", option: 0, votes: 3 });
    expect(computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: null, villages: [v("X", [2, 2])] }).outcome).toEqual({ kind: "tie", options: [0, 1], votes: 2 });
    expect(computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: null, villages: [v("X", [0, 0])] }).outcome).toEqual({ kind: "none" });
  });

  it("satu desa satu suara: each village's majority is one vote; tied and empty villages count for no option", () => {
    const r = computeResult({
      options: ["A", "B"],
      counting: "satu_desa",
      ballot: "terbuka",
      quorum: null,
      villages: [v("P", [5, 0]), v("Q", [1, 1]), v("R", [0, 0]), v("S", [0, 9]), v("T", [2, 1])],
    });
    expect(r.villageVotes).toEqual([2, 1]);
    expect(r.villagesTied).toBe(1);
    expect(r.villagesWithout).toBe(1);
    // B has more people (11 vs 8) but fewer villages.
    expect(r.totals).toEqual([8, 11]);
    expect(r.outcome).toEqual({ kind: "winner", option: 0, votes: 2 });
    expect(r.villages.find((x) => x.name === "Q")!.top).toEqual([0, 1]);
  });

  it("quorum is turnout against the eligible base: reached at exactly the fraction, unknown without a base", () => {
    const at = (ballots: number, base: number | null) =>
      computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: { num: 50, den: 100, above: false }, villages: [v("X", [ballots, 0], ballots, base)] }).quorum;
    expect(at(5, 10)).toEqual({ num: 50, den: 100, above: false, required: 5, reached: true });
    expect(at(4, 10)).toEqual({ num: 50, den: 100, above: false, required: 5, reached: false });
    expect(at(4, null)).toEqual({ num: 50, den: 100, above: false, required: null, reached: false });
    expect(computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: { num: 50, den: 100, above: false }, villages: [v("X", [1, 0], 1, null)] }).turnout).toBeNull();
  });

  it("rahasia: a village with one or two ballots is not itemised, but still counts in the totals", () => {
    const villages = [v("X", [1, 1]), v("Y", [2, 1]), v("Z", [0, 0])].map((x, i) => ({ ...x, villageId: i + 1 }));
    const r = computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "rahasia", quorum: null, villages });
    expect(r.totals).toEqual([3, 2]);
    // Hidden alone, X's two ballots would be totals − Y: Y (the next smallest) is hidden with it.
    const p = publishable(r, { final: true });
    expect(p.villages.map((x) => x.withheld)).toEqual(["small", "pooled", null]);
    expect(p.totals).toEqual([3, 2]);
  });

  it("topOptions", () => {
    expect(topOptions([0, 0])).toEqual([]);
    expect(topOptions([1, 3, 3])).toEqual([1, 2]);
  });
});

describe("input rules", () => {
  it("options are read one per line, numbering removed; duplicates and too few or many are refused", () => {
    expect(parseOptions("1. Setuju\n2) Tidak setuju\n- Abstain\n\n")).toEqual(["Setuju", "Tidak setuju", "Abstain"]);
    expect(() => parseOptions("Setuju")).toThrow(InvalidInput);
    expect(() => parseOptions("Ya\nya")).toThrow(/vote_option_duplicate/);
    expect(() => parseOptions(Array.from({ length: 11 }, (_, i) => `P${i}`).join("\n"))).toThrow(/vote_options_many/);
    expect(() => parseOptions(`A\n${"x".repeat(101)}`)).toThrow(/vote_option_long/);
  });

  it("reminders that would fall in the past are dropped", () => {
    const now = new Date("2026-11-30T02:00:00Z");
    const closes = new Date(now.getTime() + 2 * 3600_000);
    expect(usableReminders([60, 180, 1440, 60], closes, now)).toEqual([60]);
    expect(usableReminders([60], null, now)).toEqual([]);
  });
});

describe("thresholds as exact fractions (issue 12)", () => {
  const quorumAt = (t: Threshold, ballots: number, base: number) =>
    computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: t, villages: [v("X", [ballots, 0], ballots, base)] }).quorum!;

  it("2/3 of 12 is 8, and 8 ballots reach it (a rounded 67% once refused them)", () => {
    expect(requiredCount(TWO_THIRDS, 12)).toBe(8);
    expect(quorumAt(TWO_THIRDS, 8, 12)).toMatchObject({ required: 8, reached: true });
    expect(quorumAt(TWO_THIRDS, 7, 12)).toMatchObject({ required: 8, reached: false });
    // The old way: 8/12 = 66.7% < 67%.
    expect((8 / 12) * 100 >= 67).toBe(false);
    expect(requiredCount(TWO_THIRDS, 9)).toBe(6);
    expect(requiredCount(TWO_THIRDS, 17)).toBe(12);
  });

  it("½ + 1 is more than half: 7 of 12, 6 of 11, 1 of 1", () => {
    expect(requiredCount(HALF_PLUS_ONE, 12)).toBe(7);
    expect(requiredCount(HALF_PLUS_ONE, 11)).toBe(6);
    expect(requiredCount(HALF_PLUS_ONE, 1)).toBe(1);
    expect(quorumAt(HALF_PLUS_ONE, 6, 12).reached).toBe(false);
    expect(quorumAt(HALF_PLUS_ONE, 7, 12).reached).toBe(true);
  });

  it("a typed percent is a fraction of 100, exact at the boundary", () => {
    const sixty = { num: 60, den: 100, above: false };
    expect(requiredCount(sixty, 10)).toBe(6);
    expect(requiredCount(sixty, 11)).toBe(7); // 6.6 → 7
    expect(quorumAt(sixty, 6, 10).reached).toBe(true);
  });

  it("'lebih dari separuh': the leading option against the voters (per orang) or the villages that voted (satu desa)", () => {
    const perOrang = computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: null, villages: [v("X", [7, 5])] });
    expect(perOrang.majority).toEqual({ base: 12, required: 7, option: 0, votes: 7, reached: true });
    const split = computeResult({ options: ["A", "B", "C"], counting: "per_orang", ballot: "terbuka", quorum: null, villages: [v("X", [5, 4, 3])] });
    expect(split.majority).toEqual({ base: 12, required: 7, option: 0, votes: 5, reached: false });
    const tie = computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: null, villages: [v("X", [6, 6])] });
    expect(tie.majority).toMatchObject({ option: null, reached: false });
    const villages = [v("P", [3, 1]), v("QQ", [2, 0]), v("RRR", [0, 2]), v("SSSS", [0, 0])].map((x, i) => ({ ...x, villageId: i + 1 }));
    const satu = computeResult({ options: ["A", "B"], counting: "satu_desa", ballot: "terbuka", quorum: null, villages });
    // Three villages voted; A won two of them: 2 ≥ ½ + 1 of 3.
    expect(satu.majority).toEqual({ base: 3, required: 2, option: 0, votes: 2, reached: true });
  });

  it("a withheld outcome withholds the majority line too", () => {
    const secret = computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "rahasia", quorum: null, villages: [v("X", [2, 0])] });
    expect(publishable(secret, { final: true }).majority).toBeNull();
    expect(publishable(secret, { final: false }).majority).toBeNull();
  });

  it("typed quorums: 60, 60%, 2/3 and 3/4 are read; 0, 101 and 4/3 are not", () => {
    expect(parseThreshold("60")).toEqual({ num: 60, den: 100, above: false });
    expect(parseThreshold("60%")).toEqual({ num: 60, den: 100, above: false });
    expect(parseThreshold("2/3")).toEqual(TWO_THIRDS);
    expect(parseThreshold(" 3 / 4 ")).toEqual({ num: 3, den: 4, above: false });
    for (const bad of ["0", "101", "4/3", "0/3", "dua pertiga", ""]) expect(parseThreshold(bad), bad).toBeNull();
  });
});

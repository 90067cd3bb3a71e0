import { describe, expect, it } from "vitest";
import { computeResult, publishable, topOptions, type VillageCounts } from "../../src/domain/voting/index.js";
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
    const r = computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorumPercent: null, villages: [v("X", [3, 1]), v("Y", [0, 1])] });
    expect(r.totals).toEqual([3, 2]);
    expect(r.outcome).toEqual({ kind: "winner", option: 0, votes: 3 });
    expect(computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorumPercent: null, villages: [v("X", [2, 2])] }).outcome).toEqual({ kind: "tie", options: [0, 1], votes: 2 });
    expect(computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorumPercent: null, villages: [v("X", [0, 0])] }).outcome).toEqual({ kind: "none" });
  });

  it("satu desa satu suara: each village's majority is one vote; tied and empty villages count for no option", () => {
    const r = computeResult({
      options: ["A", "B"],
      counting: "satu_desa",
      ballot: "terbuka",
      quorumPercent: null,
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

  it("quorum is turnout against the eligible base: reached at exactly the percentage, unknown without a base", () => {
    const at = (ballots: number, base: number | null) =>
      computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorumPercent: 50, villages: [v("X", [ballots, 0], ballots, base)] }).quorum;
    expect(at(5, 10)).toEqual({ percent: 50, reached: true });
    expect(at(4, 10)).toEqual({ percent: 50, reached: false });
    expect(at(4, null)).toEqual({ percent: 50, reached: false });
    expect(computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorumPercent: 50, villages: [v("X", [1, 0], 1, null)] }).turnout).toBeNull();
  });

  it("rahasia: a village with one or two ballots is not itemised, but still counts in the totals", () => {
    const villages = [v("X", [1, 1]), v("Y", [2, 1]), v("Z", [0, 0])].map((x, i) => ({ ...x, villageId: i + 1 }));
    const r = computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "rahasia", quorumPercent: null, villages });
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

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeResult, MIN_SECRET_CELL, publishable, type Counting, type PublishedResult } from "../../src/domain/voting/index.js";
import { attack, optionNames, publishFinal, villagesOf, type Scenario } from "../support/voting-attacker.js";

/** Replay a failure with FC_SEED=<seed> (and FC_PATH=<path>) printed by the failing run. */
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const PATH = process.env.FC_PATH;
const RUNS = Number(process.env.FC_RUNS ?? 2500);

/**
 * Random rahasia votes: 1–5 villages, mostly small ones (0–2 ballots) among larger ones (3–6),
 * 2–4 options (2–3 with several answers, so the attacker can enumerate every world), one answer
 * or several, counted per orang or satu desa satu suara.
 */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    multiple: fc.boolean(),
    counting: fc.constantFrom<Counting>("per_orang", "satu_desa"),
    sizes: fc.array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 2, arbitrary: fc.integer({ min: 3, max: 6 }) }), {
      minLength: 1,
      maxLength: 5,
    }),
  })
  .chain(({ multiple, counting, sizes }) =>
    fc.integer({ min: 2, max: multiple ? 3 : 4 }).chain((options) => {
      // A ballot: one option, or a non-empty set of options (as a bit mask).
      const ballot = multiple ? fc.integer({ min: 1, max: (1 << options) - 1 }) : fc.integer({ min: 0, max: options - 1 }).map((i) => 1 << i);
      return fc.tuple(...sizes.map((b) => fc.array(ballot, { minLength: b, maxLength: b }))).map((villages) => ({
        options,
        multiple,
        counting,
        ballots: sizes,
        counts: villages.map((bs) => Array.from({ length: options }, (_, o) => bs.filter((m) => m & (1 << o)).length)),
      }));
    }),
  );

function check<T>(name: string, arb: fc.Arbitrary<T>, predicate: (x: T) => void, numRuns = RUNS) {
  const details = fc.check(fc.property(arb, predicate), { numRuns, seed: SEED, path: PATH });
  // The run count and seed are printed on success too, so a closing note can cite them.
  console.log(`[property] ${name}: ${details.numRuns} runs, seed ${details.seed}${details.failed ? `, FAILED at path ${details.counterexamplePath}` : ""}`);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `property failed, seed ${details.seed}`);
  return details;
}

const shapeOf = (s: Scenario) => ({ options: s.options, multiple: s.multiple, counting: s.counting });

describe("publishable: what a rahasia vote may show", () => {
  it("the attacker, using every published figure, pins down the choices of no group of 1–2 ballots (property)", () => {
    const stats = { runs: 0, worlds: 0, withheldVillages: 0, pooled: 0, totalsWithheld: 0, excused: 0, maxWorlds: 0 };
    check("no derivable group of 1–2 ballots", scenarioArb, (s) => {
      const published = publishFinal(s);
      const report = attack(published, shapeOf(s), (counts) => publishFinal(s, counts));
      stats.runs++;
      stats.worlds += report.worlds;
      stats.maxWorlds = Math.max(stats.maxWorlds, report.worlds);
      stats.excused += report.excused;
      stats.withheldVillages += published.villages.filter((v) => v.withheld).length;
      stats.pooled += published.villages.filter((v) => v.withheld === "pooled").length;
      if (published.totals === null) stats.totalsWithheld++;
      if (report.leaks.length) {
        throw new Error(`leak ${JSON.stringify(report.leaks[0])} in ${JSON.stringify(s)} → ${JSON.stringify(published)}`);
      }
    });
    console.log(`[property] attacker stats: ${JSON.stringify(stats)}`);
    // The generator really produced the cases the rule is about.
    expect(stats.pooled).toBeGreaterThan(0);
    expect(stats.totalsWithheld).toBeGreaterThan(0);
  });

  it("the attacker is not toothless: it finds the old leak (totals − shown villages = the hidden village's choice)", () => {
    // The rule before: villages with 1–2 ballots hidden, everything else shown.
    const naive = (s: Scenario) => (counts: number[][]) => {
      const r = computeResult({ options: optionNames(s.options), counting: s.counting, ballot: "terbuka", quorum: { num: 50, den: 100, above: false }, villages: villagesOf({ counts, ballots: s.ballots }) });
      const p = publishable(r, { final: true });
      return {
        ...p,
        ballot: "rahasia" as const,
        villages: p.villages.map((v) => (v.ballots > 0 && v.ballots < MIN_SECRET_CELL ? { ...v, counts: null, withheld: "small" as const } : v)),
      } satisfies PublishedResult;
    };
    const s: Scenario = { options: 2, multiple: false, counting: "per_orang", ballots: [1, 3], counts: [[1, 0], [2, 1]] };
    const report = attack(naive(s)(s.counts), shapeOf(s), naive(s));
    expect(report.leaks).toContainEqual({ group: [0], option: 0, value: 1 });
    // Satu desa satu suara printed the hidden village's own vote.
    const d: Scenario = { options: 2, multiple: false, counting: "satu_desa", ballots: [2, 4, 3], counts: [[0, 2], [3, 1], [1, 2]] };
    expect(attack(naive(d)(d.counts), shapeOf(d), naive(d)).leaks.length).toBeGreaterThan(0);
    // And the same cases are safe under publishable.
    expect(attack(publishFinal(s), shapeOf(s), (c) => publishFinal(s, c)).leaks).toEqual([]);
    expect(attack(publishFinal(d), shapeOf(d), (c) => publishFinal(d, c)).leaks).toEqual([]);
  });

  it("while a rahasia vote is open, what is shown depends on ballots per village only — so figures before and after one ballot differ only by that ballot's village turnout (property)", () => {
    const twoWorlds = scenarioArb.chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.tuple(...s.ballots.map((b) => fc.array(s.multiple ? fc.integer({ min: 1, max: (1 << s.options) - 1 }) : fc.integer({ min: 0, max: s.options - 1 }).map((i) => 1 << i), { minLength: b, maxLength: b }))),
      ),
    );
    check("open publication is a function of turnout", twoWorlds, ([s, other]) => {
      const otherCounts = other.map((bs) => Array.from({ length: s.options }, (_, o) => bs.filter((m) => m & (1 << o)).length));
      const open = (counts: number[][]) =>
        publishable(computeResult({ options: optionNames(s.options), counting: s.counting, ballot: "rahasia", quorum: null, villages: villagesOf({ counts, ballots: s.ballots }) }), { final: false });
      const a = open(s.counts);
      expect(a).toEqual(open(otherCounts));
      expect(a.totals).toBeNull();
      expect(a.villages.every((v) => v.vote === null && (v.counts === null || v.ballots === 0))).toBe(true);
      expect(a.outcome.kind === "withheld" || a.ballots === 0).toBe(true);
    });
  });

  it("what is withheld at closing is decided by ballots per village alone, never by the choices (property)", () => {
    check("withholding pattern is a function of turnout", scenarioArb, (s) => {
      const pattern = (p: PublishedResult) => ({ villages: p.villages.map((v) => v.withheld), totals: p.totalsWithheld, outcome: p.outcome.kind === "withheld" });
      const unanimous = s.counts.map((_, i) => Array.from({ length: s.options }, (__, o) => (o === 0 ? s.ballots[i]! : 0)));
      expect(pattern(publishFinal(s))).toEqual(pattern(publishFinal(s, unanimous)));
    });
  });

  it("per orang: a village of 2 ballots is hidden together with the next smallest village, and the totals stay", () => {
    const s: Scenario = { options: 2, multiple: false, counting: "per_orang", ballots: [2, 5, 3, 0], counts: [[1, 1], [4, 1], [1, 2], [0, 0]] };
    const p = publishFinal(s);
    expect(p.villages.map((v) => v.withheld)).toEqual(["small", null, "pooled", null]);
    expect(p.villages.map((v) => v.counts)).toEqual([null, [4, 1], null, [0, 0]]);
    expect(p.totals).toEqual([6, 4]);
    expect(p.outcome).toEqual({ kind: "winner", option: 0, votes: 6 });
  });

  it("fewer than 3 ballots in all: no per-option figure and no outcome", () => {
    const s: Scenario = { options: 2, multiple: false, counting: "per_orang", ballots: [2, 0], counts: [[2, 0], [0, 0]] };
    const p = publishFinal(s);
    expect(p.totals).toBeNull();
    expect(p.totalsWithheld).toBe("few_ballots");
    expect(p.outcome).toEqual({ kind: "withheld", reason: "few_ballots" });
    expect(p.villages[0]!.counts).toBeNull();
    expect(p.ballots).toBe(2);
  });

  it("satu desa satu suara: a village of 1–2 ballots casts no village vote and shows none; person totals are withheld while those villages hold 1–2 ballots", () => {
    const s: Scenario = { options: 2, multiple: false, counting: "satu_desa", ballots: [2, 4, 3], counts: [[0, 2], [3, 1], [1, 2]] };
    const r = computeResult({ options: optionNames(2), counting: "satu_desa", ballot: "rahasia", quorum: null, villages: villagesOf(s) });
    expect(r.villageVotes).toEqual([1, 1]);
    expect(r.villagesTooFew).toBe(1);
    expect(r.outcome).toEqual({ kind: "tie", options: [0, 1], votes: 1 });
    const p = publishable(r, { final: true });
    expect(p.villages.map((v) => v.vote)).toEqual([null, [0], [1]]);
    expect(p.villages[0]!.counts).toBeNull();
    expect(p.totals).toBeNull();
    expect(p.totalsWithheld).toBe("protects_small");
    // Terbuka: the same village does cast its vote.
    const open = computeResult({ options: optionNames(2), counting: "satu_desa", ballot: "terbuka", quorum: null, villages: villagesOf(s) });
    expect(open.villageVotes).toEqual([1, 2]);
  });

  it("terbuka votes and quick polls publish every figure", () => {
    const r = computeResult({ options: ["A", "B"], counting: "per_orang", ballot: "terbuka", quorum: null, villages: villagesOf({ ballots: [1, 3], counts: [[1, 0], [2, 1]] }) });
    const p = publishable(r, { final: false });
    expect(p.totals).toEqual([3, 1]);
    expect(p.villages.map((v) => v.counts)).toEqual([[1, 0], [2, 1]]);
    expect(p.outcome).toEqual({ kind: "winner", option: 0, votes: 3 });
  });
});

/**
 * Counting rules, pure: from counts per village to totals, per-village majorities, turnout,
 * quorum and the outcome under the chosen counting. No I/O, so every rule is unit-testable.
 */
import type { Ballot, Counting } from "./types.js";

/**
 * Smallest group of rahasia ballots whose choices may be published or derived (publish.ts). A
 * village with fewer ballots is never itemised, and under satu desa satu suara it casts no
 * village vote (see computeResult).
 */
export const MIN_SECRET_CELL = 3;

/**
 * A threshold as an exact fraction of a base: "at least num/den" (2/3 of 12 is 8, and 8 passes),
 * or with `above` "more than num/den" (½ + 1: more than half). Never a rounded percent: 66.7% of
 * 12 once failed a "67%" threshold that meant 2/3.
 */
export interface Threshold {
  num: number;
  den: number;
  above: boolean;
}

export const HALF_PLUS_ONE: Threshold = { num: 1, den: 2, above: true };
export const TWO_THIRDS: Threshold = { num: 2, den: 3, above: false };

/** The smallest count that meets `t` out of `base`, in integers: 2/3 of 12 → 8, ½+1 of 12 → 7, of 11 → 6. */
export function requiredCount(t: Threshold, base: number): number {
  const q = base * t.num;
  return t.above ? Math.floor(q / t.den) + 1 : Math.floor((q + t.den - 1) / t.den);
}

export function isThreshold(x: unknown): x is Threshold {
  const t = x as Threshold;
  return !!t && Number.isInteger(t.num) && Number.isInteger(t.den) && t.num >= 1 && t.den >= 1 && t.den <= 1000 && t.num <= t.den && typeof t.above === "boolean";
}

/** Quorum against the eligible base: `required` is null when the base is unknown. */
export interface QuorumResult extends Threshold {
  required: number | null;
  reached: boolean;
}

/**
 * "Lebih dari separuh (½ + 1)": does the leading option hold more than half of those who voted
 * (per orang: ballots; satu desa satu suara: villages that took part)?
 */
export interface MajorityResult {
  base: number;
  required: number;
  /** The leading option, or null on a tie or no votes. */
  option: number | null;
  votes: number;
  reached: boolean;
}

export interface VillageCounts {
  villageId: number;
  name: string;
  /** People who cast a ballot here. */
  ballots: number;
  /** Per option: how many ballots chose it (several answers → a ballot counts for each). */
  counts: number[];
  /** The base turnout is measured against (group members or registered eligible people). */
  base: number | null;
}

export type Outcome =
  | { kind: "winner"; option: number; votes: number }
  | { kind: "tie"; options: number[]; votes: number }
  | { kind: "none" };

/**
 * Everything counted, raw: stored once at closing (votes.result). What may be shown of it to
 * anyone is decided by publishable() (publish.ts) and nowhere else.
 */
export interface VillageResult extends VillageCounts {
  turnout: number | null;
  /** Options with the most votes in this village; several = tie; empty = no ballots. */
  top: number[];
}

export interface VoteResult {
  options: string[];
  counting: Counting;
  ballot: Ballot;
  totals: number[];
  ballots: number;
  base: number | null;
  turnout: number | null;
  quorum: QuorumResult | null;
  /** Absent in results stored before it existed. */
  majority?: MajorityResult;
  villages: VillageResult[];
  /** Satu desa satu suara: villages won per option (tied villages count for none). */
  villageVotes: number[] | null;
  villagesTied: number;
  villagesWithout: number;
  /** Satu desa satu suara, rahasia: villages with 1–2 ballots, which cast no village vote. */
  villagesTooFew: number;
  outcome: Outcome;
}

/** The options with the highest count (ties → several); none when every count is 0. */
export function topOptions(counts: number[]): number[] {
  const max = Math.max(0, ...counts);
  if (max === 0) return [];
  return counts.flatMap((c, i) => (c === max ? [i] : []));
}

function outcomeOf(counts: number[]): Outcome {
  const top = topOptions(counts);
  if (top.length === 0) return { kind: "none" };
  if (top.length === 1) return { kind: "winner", option: top[0]!, votes: counts[top[0]!]! };
  return { kind: "tie", options: top, votes: counts[top[0]!]! };
}

/** Satu desa satu suara: whether a village with this many ballots has a village vote. */
export function castsVillageVote(ballot: Ballot, ballots: number) {
  return ballots > 0 && (ballot === "terbuka" || ballots >= MIN_SECRET_CELL);
}

export function computeResult(input: {
  options: string[];
  counting: Counting;
  ballot: Ballot;
  quorum: Threshold | null;
  villages: VillageCounts[];
}): VoteResult {
  const n = input.options.length;
  const totals = Array.from({ length: n }, () => 0);
  let ballots = 0;
  let base: number | null = 0;
  const villages: VillageResult[] = input.villages.map((v) => {
    const counts = Array.from({ length: n }, (_, i) => v.counts[i] ?? 0);
    counts.forEach((c, i) => (totals[i]! += c));
    ballots += v.ballots;
    if (v.base === null || base === null) base = null;
    else base += v.base;
    return {
      ...v,
      counts,
      turnout: v.base ? v.ballots / v.base : null,
      top: topOptions(counts),
    };
  });
  const turnout = base ? ballots / base : null;
  const quorum = quorumOf(input.quorum, ballots, base);

  if (input.counting === "satu_desa") {
    // Each village's majority is one vote; a tie inside a village is reported, not broken.
    // In a rahasia vote a village with 1–2 ballots casts no village vote: its majority would be
    // those one or two people's choice, and the decision (published) would give it away whenever
    // it tipped the balance — no suppression of other figures can hide a pivotal village's vote.
    const villageVotes = Array.from({ length: n }, () => 0);
    let tied = 0;
    let without = 0;
    let tooFew = 0;
    for (const v of villages) {
      if (v.ballots === 0 || v.top.length === 0) without++;
      else if (!castsVillageVote(input.ballot, v.ballots)) tooFew++;
      else if (v.top.length > 1) tied++;
      else villageVotes[v.top[0]!]!++;
    }
    const outcome = outcomeOf(villageVotes);
    return {
      options: input.options, counting: input.counting, ballot: input.ballot, totals, ballots, base, turnout, quorum, villages,
      majority: majorityOf(outcome, villageVotes, villages.length - without),
      villageVotes, villagesTied: tied, villagesWithout: without, villagesTooFew: tooFew, outcome,
    };
  }
  const outcome = outcomeOf(totals);
  return {
    options: input.options, counting: input.counting, ballot: input.ballot, totals, ballots, base, turnout, quorum, villages,
    majority: majorityOf(outcome, totals, ballots),
    villageVotes: null, villagesTied: 0, villagesWithout: villages.filter((v) => v.ballots === 0).length, villagesTooFew: 0, outcome,
  };
}

function quorumOf(t: Threshold | null, ballots: number, base: number | null): QuorumResult | null {
  if (!t) return null;
  if (base === null) return { ...t, required: null, reached: false };
  const required = requiredCount(t, base);
  return { ...t, required, reached: ballots >= required };
}

function majorityOf(outcome: Outcome, counts: number[], base: number): MajorityResult {
  const required = requiredCount(HALF_PLUS_ONE, base);
  const votes = Math.max(0, ...counts);
  const option = outcome.kind === "winner" ? outcome.option : null;
  return { base, required, option, votes, reached: option !== null && base > 0 && votes >= required };
}

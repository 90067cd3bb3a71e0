/**
 * Counting rules, pure: from counts per village to totals, per-village majorities, turnout,
 * quorum and the outcome under the chosen counting. No I/O, so every rule is unit-testable.
 */
import type { Ballot, Counting } from "./types.js";

/**
 * In a rahasia vote a village with only one or two ballots would show exactly how those people
 * chose, so its option counts are not itemised (they still count in the totals).
 */
export const MIN_SECRET_CELL = 3;

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

export interface VillageResult extends VillageCounts {
  turnout: number | null;
  /** Options with the most votes in this village; several = tie; empty = no ballots. */
  top: number[];
  /** Counts are not shown (rahasia, too few ballots); `top` still is under satu desa satu suara. */
  hidden: boolean;
}

export interface VoteResult {
  options: string[];
  counting: Counting;
  ballot: Ballot;
  totals: number[];
  ballots: number;
  base: number | null;
  turnout: number | null;
  quorum: { percent: number; reached: boolean } | null;
  villages: VillageResult[];
  /** Satu desa satu suara: villages won per option (tied villages count for none). */
  villageVotes: number[] | null;
  villagesTied: number;
  villagesWithout: number;
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

export function computeResult(input: {
  options: string[];
  counting: Counting;
  ballot: Ballot;
  quorumPercent: number | null;
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
      hidden: input.ballot === "rahasia" && v.ballots > 0 && v.ballots < MIN_SECRET_CELL,
    };
  });
  const turnout = base ? ballots / base : null;
  const quorum =
    input.quorumPercent === null ? null : { percent: input.quorumPercent, reached: turnout !== null && turnout * 100 >= input.quorumPercent - 1e-9 };

  if (input.counting === "satu_desa") {
    // Each village's majority is one vote; a tie inside a village is reported, not broken.
    const villageVotes = Array.from({ length: n }, () => 0);
    let tied = 0;
    let without = 0;
    for (const v of villages) {
      if (v.top.length === 0) without++;
      else if (v.top.length > 1) tied++;
      else villageVotes[v.top[0]!]!++;
    }
    return {
      options: input.options, counting: input.counting, ballot: input.ballot, totals, ballots, base, turnout, quorum, villages,
      villageVotes, villagesTied: tied, villagesWithout: without, outcome: outcomeOf(villageVotes),
    };
  }
  return {
    options: input.options, counting: input.counting, ballot: input.ballot, totals, ballots, base, turnout, quorum, villages,
    villageVotes: null, villagesTied: 0, villagesWithout: villages.filter((v) => v.ballots === 0).length, outcome: outcomeOf(totals),
  };
}

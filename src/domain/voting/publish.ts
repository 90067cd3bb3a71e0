/**
 * What of a vote's results may be shown — to anyone, the organiser included, in any message,
 * card, chart or file. Renderers and exports only ever get a PublishedResult from here, never a
 * VoteResult, so no view can put back a figure this function withholds.
 *
 * Terbuka votes and quick polls: everything (running figures while open).
 *
 * Rahasia votes (MIN_SECRET_CELL = 3):
 * - While open: ballots per village only. A running count would give away a person's choice by
 *   comparing the figures just before and after their ballot.
 * - Ballots per village, turnout and quorum are always shown: they tell who took part, not what
 *   anyone chose, and the group cards show them live anyway. So the rule assumes everyone knows
 *   them, and decides what to withhold from them alone, never from the counts: the pattern of
 *   what is withheld then says nothing about the choices.
 * - Fewer than 3 ballots in all: no per-option figure and no outcome at all.
 * - A village with 1–2 ballots is never itemised ("small").
 * - Per orang: totals minus the villages shown give the sum of the hidden ones, so the hidden
 *   villages together must hold at least 3 ballots. When the small ones hold only 1–2, the
 *   villages with the fewest ballots (then the lowest id) are hidden with them ("pooled") until
 *   they do. The outcome follows from the totals, so it adds nothing.
 * - Satu desa satu suara: a small village casts no village vote (tally.ts), so the decision, the
 *   tally of village votes and every shown village's vote come from villages shown in full. Person
 *   totals are shown only when the small villages together hold no ballot or at least 3; otherwise
 *   they are withheld. (Pooling a larger village instead would not do: its village vote is still
 *   published, and with the pool's sum it can pin a small village's choice.)
 * - What remains derivable about hidden villages is a sum over at least 3 ballots. Such a sum
 *   reveals its members' choices only when they all chose alike (3 of 3 for A, or none for B) —
 *   as any published count of a unanimous group does, in any election. The property test
 *   (tests/domain/voting-publish.test.ts) plays the attacker over every published figure and
 *   checks that nothing else about a group of 1–2 ballots can be pinned down.
 */
import { MIN_SECRET_CELL, type MajorityResult, type QuorumResult, type VoteResult } from "./tally.js";

/** The quorum of a result stored before thresholds were exact fractions. */
export interface LegacyQuorum {
  percent: number;
  reached: boolean;
}
import type { Ballot, Counting, LiveCounts } from "./types.js";

export interface PublishedVillage {
  villageId: number;
  name: string;
  ballots: number;
  base: number | null;
  turnout: number | null;
  /** Per option, or null when withheld. */
  counts: number[] | null;
  /**
   * Satu desa satu suara: the village's vote (one option; several = tied; empty = no ballots);
   * null when it has none to show (per orang; rahasia while open; a small village).
   */
  vote: number[] | null;
  /** Why `counts` is null: the vote is still open, 1–2 ballots here, or hidden with such villages. */
  withheld: "open" | "small" | "pooled" | null;
}

export type PublishedOutcome =
  | { kind: "winner"; option: number; votes: number }
  | { kind: "tie"; options: number[]; votes: number }
  | { kind: "none" }
  | { kind: "withheld"; reason: "open" | "few_ballots" };

export interface PublishedResult {
  options: string[];
  counting: Counting;
  ballot: Ballot;
  /** Final results (closed) or running figures. */
  final: boolean;
  ballots: number;
  base: number | null;
  turnout: number | null;
  /** Stored results from before exact fractions carry { percent, reached } instead. */
  quorum: QuorumResult | LegacyQuorum | null;
  /** The "lebih dari separuh (½ + 1)" check of the leading option; null while the outcome is withheld. */
  majority: MajorityResult | null;
  /** Per option over all villages, or null when withheld. */
  totals: number[] | null;
  totalsWithheld: "open" | "few_ballots" | "protects_small" | null;
  villages: PublishedVillage[];
  /** Satu desa satu suara: villages won per option; null per orang or while withheld. */
  villageVotes: number[] | null;
  villagesTied: number;
  villagesWithout: number;
  /** Rahasia, satu desa satu suara: villages with 1–2 ballots (no village vote). */
  villagesTooFew: number;
  outcome: PublishedOutcome;
}

/** The figures of `result` that may be shown; `final` = the vote is closed. */
export function publishable(result: VoteResult, opts: { final: boolean }): PublishedResult {
  const base = {
    options: result.options,
    counting: result.counting,
    ballot: result.ballot,
    final: opts.final,
    ballots: result.ballots,
    base: result.base,
    turnout: result.turnout,
    quorum: result.quorum,
    majority: null as MajorityResult | null,
  };
  const satuDesa = result.counting === "satu_desa";
  const village = (v: VoteResult["villages"][number], withheld: PublishedVillage["withheld"], vote: number[] | null): PublishedVillage => ({
    villageId: v.villageId,
    name: v.name,
    ballots: v.ballots,
    base: v.base,
    turnout: v.turnout,
    counts: withheld ? null : [...v.counts],
    vote,
    withheld,
  });

  if (result.ballot !== "rahasia") {
    return {
      ...base,
      totals: [...result.totals],
      totalsWithheld: null,
      villages: result.villages.map((v) => village(v, null, satuDesa ? [...v.top] : null)),
      villageVotes: result.villageVotes ? [...result.villageVotes] : null,
      villagesTied: result.villagesTied,
      villagesWithout: result.villagesWithout,
      villagesTooFew: 0,
      outcome: result.outcome,
      majority: result.majority ?? null,
    };
  }

  const small = (v: { ballots: number }) => v.ballots > 0 && v.ballots < MIN_SECRET_CELL;
  const without = result.villages.filter((v) => v.ballots === 0).length;
  const tooFew = satuDesa ? result.villages.filter(small).length : 0;
  if (!opts.final || result.ballots < MIN_SECRET_CELL) {
    // Open: nothing but turnout. Closed with 1–2 ballots in all: every figure would be theirs.
    const reason = opts.final ? "few_ballots" : "open";
    return {
      ...base,
      totals: null,
      totalsWithheld: reason,
      villages: result.villages.map((v) => village(v, v.ballots === 0 ? null : opts.final ? "small" : "open", null)),
      villageVotes: null,
      villagesTied: 0,
      villagesWithout: without,
      villagesTooFew: tooFew,
      outcome: { kind: "withheld", reason },
    };
  }

  // By position in result.villages (ids are unique there, positions are certainly so).
  const hidden = new Map<number, "small" | "pooled">();
  let pool = 0;
  result.villages.forEach((v, i) => {
    if (small(v)) {
      hidden.set(i, "small");
      pool += v.ballots;
    }
  });
  let totalsWithheld: PublishedResult["totalsWithheld"] = null;
  if (pool > 0 && pool < MIN_SECRET_CELL) {
    if (satuDesa) totalsWithheld = "protects_small";
    else {
      // Smallest first, decided by ballot numbers only (see above).
      const next = result.villages
        .map((v, i) => ({ v, i }))
        .filter(({ v, i }) => !hidden.has(i) && v.ballots > 0)
        .sort((a, b) => a.v.ballots - b.v.ballots || a.v.villageId - b.v.villageId || a.i - b.i);
      for (const { v, i } of next) {
        if (pool >= MIN_SECRET_CELL) break;
        hidden.set(i, "pooled");
        pool += v.ballots;
      }
    }
  }
  return {
    ...base,
    totals: totalsWithheld ? null : [...result.totals],
    totalsWithheld,
    villages: result.villages.map((v, i) => {
      const withheld = hidden.get(i) ?? null;
      return village(v, withheld, satuDesa && withheld !== "small" ? [...v.top] : null);
    }),
    villageVotes: result.villageVotes ? [...result.villageVotes] : null,
    villagesTied: result.villagesTied,
    villagesWithout: result.villagesWithout,
    // Results stored before villagesTooFew existed lack it.
    villagesTooFew: result.villagesTooFew ?? tooFew,
    outcome: { ...result.outcome },
    majority: result.majority ?? null,
  };
}

/** What a group card shows: ballots, and per-option totals only where publishable allows them. */
export function liveCountsOf(p: PublishedResult): LiveCounts {
  return { ballots: p.ballots, totals: p.totals };
}

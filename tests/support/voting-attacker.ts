/**
 * The attacker of a rahasia vote's published results, for the property test and the bot tests.
 *
 * It knows every published figure (totals, shown village counts, village votes, the outcome,
 * ballots per village, what is withheld and why) and the rules (computeResult + publishable), and
 * enumerates every world — counts per village and option — that publishes exactly the same
 * figures. A figure about a group of ballots is "determined" when it is the same in every such
 * world: that covers every subtraction (totals − shown), every comparison with the outcome or the
 * village votes, and what the pattern of withheld figures itself gives away.
 *
 * A leak: for a group of 1–2 ballots the publication singles out (a village, or a union of
 * villages, since ballots per village are public), the number of its ballots that chose some
 * option is determined — unless that follows from the whole vote, or all hidden villages together
 * (≥ 3 ballots), having chosen that option all alike (every ballot, or none). A unanimous group's
 * members are known by any published count of it, as in any election; that is all the rule allows.
 */
import {
  computeResult,
  publishable,
  type Counting,
  type PublishedResult,
  type VillageCounts,
} from "../../src/domain/voting/index.js";

export interface Scenario {
  options: number;
  multiple: boolean;
  counting: Counting;
  /** Per village, per option: how many of its ballots chose it. */
  counts: number[][];
  /** Ballots per village. */
  ballots: number[];
}

export const optionNames = (n: number) => Array.from({ length: n }, (_, i) => `Pilihan ${i + 1}`);

export function villagesOf(s: { counts: number[][]; ballots: number[] }): VillageCounts[] {
  return s.counts.map((c, i) => ({ villageId: i + 1, name: `Desa ${i + 1}`, ballots: s.ballots[i]!, counts: c, base: 10 }));
}

export function publishFinal(s: Scenario, counts: number[][] = s.counts): PublishedResult {
  const r = computeResult({ options: optionNames(s.options), counting: s.counting, ballot: "rahasia", quorum: { num: 50, den: 100, above: false }, villages: villagesOf({ counts, ballots: s.ballots }) });
  return publishable(r, { final: true });
}

/** Every count vector `b` ballots can produce (single: each ballot one option; multiple: a non-empty set). */
export function vectorsFor(b: number, n: number, multiple: boolean): number[][] {
  if (b === 0) return [Array.from({ length: n }, () => 0)];
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (i: number, sum: number) => {
    if (i === n) {
      if (multiple ? sum >= b : sum === b) out.push([...cur]);
      return;
    }
    const max = multiple ? b : b - sum;
    for (let c = 0; c <= max; c++) {
      cur.push(c);
      rec(i + 1, sum + c);
      cur.pop();
    }
  };
  rec(0, 0);
  return out;
}

export interface Leak {
  /** Villages (0-based) of the group of 1–2 ballots. */
  group: number[];
  option: number;
  /** The determined number of the group's ballots that chose `option`. */
  value: number;
}

export interface AttackReport {
  worlds: number;
  leaks: Leak[];
  /** Determinations of small groups that follow from a unanimous group of ≥ 3 ballots. */
  excused: number;
}

/**
 * Plays the attacker against `published`, knowing the vote's shape (options, several answers or
 * one, counting) and that it is rahasia. `publish` is the publication rule under attack.
 */
export function attack(
  published: PublishedResult,
  shape: { options: number; multiple: boolean; counting: Counting },
  publish: (counts: number[][]) => PublishedResult,
  opts: { maxWorlds?: number } = {},
): AttackReport {
  const n = shape.options;
  const target = JSON.stringify(published);
  const ballots = published.villages.map((v) => v.ballots);
  const V = ballots.length;
  const candidates = published.villages.map((v, i) => (v.counts ? [v.counts] : vectorsFor(ballots[i]!, n, shape.multiple)));

  // Groups the publication can single out: unions of villages with ballots (ballots per village are public).
  const subsets: Array<{ members: number[]; ballots: number }> = [];
  for (let mask = 1; mask < 1 << V; mask++) {
    const members = [...Array(V).keys()].filter((i) => mask & (1 << i));
    if (members.some((i) => ballots[i] === 0)) continue;
    subsets.push({ members, ballots: members.reduce((a, i) => a + ballots[i]!, 0) });
  }
  const small = subsets.filter((s) => s.ballots <= 2);
  // The only groups of ≥ 3 whose unanimity may excuse a determination: all hidden villages
  // together (their sum is what totals − shown villages give) and the whole vote.
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((m) => b.includes(m));
  const hiddenPool = published.villages.flatMap((v, i) => (v.counts === null && v.ballots > 0 ? [i] : []));
  const everyone = published.villages.flatMap((v, i) => (v.ballots > 0 ? [i] : []));
  const large = subsets.filter((s) => s.ballots >= 3 && (same(s.members, hiddenPool) || same(s.members, everyone)));
  const seen = small.map(() => Array.from({ length: n }, () => new Set<number>()));
  const allNone = large.map(() => Array.from({ length: n }, () => true));
  const allChose = large.map(() => Array.from({ length: n }, () => true));

  // Depth-first over villages; with published totals, partial sums must stay reachable.
  const totals = published.totals;
  const remaining = ballots.map((_, i) => ballots.slice(i).reduce((a, b) => a + b, 0));
  const world: number[][] = [];
  const partial = Array.from({ length: n }, () => 0);
  let worlds = 0;
  const max = opts.maxWorlds ?? 5_000_000;
  let visited = 0;
  const record = () => {
    worlds++;
    const sum = (members: number[], o: number) => members.reduce((a, i) => a + world[i]![o]!, 0);
    small.forEach((s, k) => {
      for (let o = 0; o < n; o++) seen[k]![o]!.add(sum(s.members, o));
    });
    large.forEach((s, k) => {
      for (let o = 0; o < n; o++) {
        const x = sum(s.members, o);
        if (x !== 0) allNone[k]![o] = false;
        if (x !== s.ballots) allChose[k]![o] = false;
      }
    });
  };
  const dfs = (i: number) => {
    if (++visited > max) throw new Error(`attack: more than ${max} candidate worlds`);
    if (totals) {
      const rest = i < V ? remaining[i]! : 0;
      let sum = 0;
      for (let o = 0; o < n; o++) {
        const left = totals[o]! - partial[o]!;
        if (left < 0 || left > rest) return;
        sum += left;
      }
      if (shape.multiple ? sum < rest : sum !== rest) return;
    }
    if (i === V) {
      if (JSON.stringify(publish(world)) === target) record();
      return;
    }
    for (const c of candidates[i]!) {
      world.push(c);
      c.forEach((x, o) => (partial[o]! += x));
      dfs(i + 1);
      c.forEach((x, o) => (partial[o]! -= x));
      world.pop();
    }
  };
  dfs(0);
  if (worlds === 0) throw new Error("attack: no world publishes these figures (the actual one must)");

  const leaks: Leak[] = [];
  let excused = 0;
  small.forEach((s, k) => {
    for (let o = 0; o < n; o++) {
      const values = seen[k]![o]!;
      if (values.size !== 1) continue;
      const alike = large.some(
        (l, j) => s.members.every((m) => l.members.includes(m)) && (allNone[j]![o] || allChose[j]![o]),
      );
      if (alike) excused++;
      else leaks.push({ group: s.members, option: o, value: [...values][0]! });
    }
  });
  return { worlds, leaks, excused };
}

/**
 * Matches one village's need with another's offer.
 *
 * A post is read into (1) the things it is about — concepts of the lexicon's taxonomy, found as
 * the longest phrases in the stemmed text, plus leftover content words — and (2) what is wanted
 * or offered about them (its mode: seeds, produce, a buyer, the use of a tool, teaching, money, a
 * repair), from cue words read from the poster's side, else the category, else the kind of thing.
 *
 * score = subject × mode fit × category × distance × period, where
 *  - subject: how much of what the need names the offer covers (exact 1; offer more specific 0.9;
 *    offer more general 0.75; siblings 0.3), weighted so specific concepts count more than roots;
 *  - mode fit: MODE_FIT (a need for seeds is not met by fish for eating, a seller by a seller);
 *  - category: 1 same, 0.9 related or "lainnya", 0.75 otherwise (people pick categories loosely);
 *  - distance: 1 up to 20 km, falling to 0.5 at 60 km for things that travel (tools, goods);
 *  - period: 0 when both gave periods that do not overlap, else 1.
 * A pair matches at MATCH_THRESHOLD or more.
 */
import {
  ALL_CONCEPTS,
  CATEGORIES,
  CATEGORY_MODE,
  DOMINANT_MODES,
  MODE_FIT,
  MODES,
  RELATED_CATEGORIES,
  GROUP_NAMES,
  MEASURE_WORDS,
  STOPWORDS,
  cueTable,
  type Category,
  type Mode,
} from "./lexicon.js";
import { overlapDays, type Period } from "./period.js";
import { rawTokens, stem } from "./text.js";

export const MATCH_THRESHOLD = 0.5;

interface Node {
  id: string;
  label: string;
  parents: string[];
  ancestors: Set<string>;
  depth: number;
  leaf: boolean;
}

interface Phrase {
  tokens: string[];
  kind: "concept" | "cue" | "noise";
  target: string;
}

interface Index {
  known: Set<string>;
  nodes: Map<string, Node>;
  /** Concepts, group names and one side's cues, by first token, longest first. */
  phrases: { need: Map<string, Phrase[]>; offer: Map<string, Phrase[]> };
}

let cached: Index | null = null;

function addPhrase(map: Map<string, Phrase[]>, phrase: Phrase) {
  if (phrase.tokens.length === 0) return;
  const key = phrase.tokens.join(" ");
  const list = map.get(phrase.tokens[0]!) ?? [];
  if (!list.some((p) => p.kind === phrase.kind && p.target === phrase.target && p.tokens.join(" ") === key)) list.push(phrase);
  list.sort((a, b) => b.tokens.length - a.tokens.length);
  map.set(phrase.tokens[0]!, list);
}

function index(): Index {
  if (cached) return cached;
  const known = new Set<string>();
  const cueTexts = (["need", "offer"] as const).flatMap((side) => Object.values(cueTable(side)).flat());
  for (const c of ALL_CONCEPTS) for (const t of c.terms) for (const w of rawTokens(t)) known.add(w);
  for (const t of [...cueTexts, ...GROUP_NAMES]) for (const w of rawTokens(t!)) known.add(w);

  const nodes = new Map<string, Node>();
  for (const c of ALL_CONCEPTS) nodes.set(c.id, { id: c.id, label: c.terms[0]!, parents: c.parents ?? [], ancestors: new Set(), depth: 0, leaf: true });
  const ancestorsOf = (id: string, seen = new Set<string>()): Set<string> => {
    for (const p of nodes.get(id)?.parents ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      ancestorsOf(p, seen);
    }
    return seen;
  };
  for (const n of nodes.values()) {
    n.ancestors = ancestorsOf(n.id);
    let depth = 0;
    for (let ps = n.parents; ps.length; depth++) ps = nodes.get(ps[0]!)?.parents ?? [];
    n.depth = depth;
    for (const p of n.parents) nodes.get(p)!.leaf = false;
  }

  const phrases = { need: new Map<string, Phrase[]>(), offer: new Map<string, Phrase[]>() };
  const words = (t: string) => rawTokens(t).map((w) => stem(w, known));
  for (const side of ["need", "offer"] as const) {
    const map = phrases[side];
    for (const c of ALL_CONCEPTS) for (const t of c.terms) addPhrase(map, { tokens: words(t), kind: "concept", target: c.id });
    for (const g of GROUP_NAMES) addPhrase(map, { tokens: words(g), kind: "noise", target: "" });
    for (const [mode, list] of Object.entries(cueTable(side))) for (const t of list ?? []) addPhrase(map, { tokens: words(t), kind: "cue", target: mode });
  }
  cached = { known, nodes, phrases };
  return cached;
}

export interface PostText {
  category: string;
  title: string;
  details?: string | null;
  quantity?: string | null;
  terms?: string | null;
}

export interface Analysis {
  /** Concept id → weight (most specific concepts only: an ancestor named too is dropped). */
  concepts: Map<string, number>;
  /** Content words no concept covers ("gamelan" in a forum whose lexicon lacks it). */
  words: Set<string>;
  modes: Set<Mode>;
  category: Category;
}

function isCategory(s: string): s is Category {
  return (CATEGORIES as readonly string[]).includes(s);
}

/** Every phrase starting at token i, longest first. */
function phrasesAt(map: Map<string, Phrase[]>, tokens: string[], i: number): Phrase[] {
  return (map.get(tokens[i]!) ?? []).filter((p) => p.tokens.every((t, k) => tokens[i + k] === t));
}

/** Roots say little; inner nodes ("ikan", "pupuk") a little less than leaves ("lele", "kompos"). */
function baseWeight(n: Node): number {
  return n.depth === 0 ? 0.35 : n.leaf ? 1 : 0.8;
}

// A post says first what it is about, then why and for what: "butuh truk | utk angkut singkong",
// "pompa rusak | padahal sawah kering". Later clauses and purpose phrases weigh less.
const CLAUSE_BREAK = /[.;!?\n]+|\s(?:karena|krn|soalnya|sebab|agar|supaya|padahal|tapi|tp|tetapi|namun|sehingga|biar)\s/i;
const CONTEXT_WORDS = new Set(["untuk", "buat", "bagi", "ke", "di", "dari", "guna", "demi", "dalam", "pada", "oleh"]);
const SIDE_WEIGHT = 0.35;

/** Reads a post once; analyses are cached by the caller when comparing many pairs. */
export function analyze(post: PostText, side: "need" | "offer"): Analysis {
  const ix = index();
  const map = ix.phrases[side];
  const text = [post.title, post.details ?? "", post.quantity ?? "", post.terms ?? ""].filter(Boolean).join(" . ");
  const found = new Map<string, number>();
  const cues = new Set<Mode>();
  const words = new Set<string>();
  let headSeen = false;
  for (const clause of text.split(CLAUSE_BREAK)) {
    const raw = rawTokens(clause);
    const tokens = raw.map((w) => stem(w, ix.known));
    const clauseWeight = headSeen ? SIDE_WEIGHT : 1;
    let context = false;
    let clauseHasConcept = false;
    for (let i = 0; i < tokens.length; ) {
      if (CONTEXT_WORDS.has(raw[i]!)) context = true;
      const hits = phrasesAt(map, tokens, i);
      const longest = hits[0]?.tokens.length ?? 0;
      const afterNumber = i > 0 && /^\d+$/.test(raw[i - 1]!);
      if (longest === 0 || (longest === 1 && afterNumber && MEASURE_WORDS.has(tokens[i]!))) {
        const t = tokens[i]!;
        if (!STOPWORDS.has(t) && !/\d/.test(t) && t.length >= 3) words.add(t);
        i++;
        continue;
      }
      // The longest reading wins; a word that is both a thing and a cue ("penyuluh") counts as both.
      for (const h of hits.filter((x) => x.tokens.length === longest)) {
        if (h.kind === "cue") cues.add(h.target as Mode);
        else if (h.kind === "concept") {
          const w = baseWeight(ix.nodes.get(h.target)!) * clauseWeight * (context ? SIDE_WEIGHT : 1);
          found.set(h.target, Math.max(found.get(h.target) ?? 0, w));
          clauseHasConcept = true;
        }
      }
      i += longest;
    }
    if (clauseHasConcept) headSeen = true;
  }

  // Keep the most specific concepts: "benih ikan lele" is about lele.
  const concepts = new Map<string, number>();
  for (const [id, w] of found) {
    const narrower = [...found.keys()].filter((o) => o !== id && ix.nodes.get(o)!.ancestors.has(id));
    if (narrower.length === 0) concepts.set(id, w);
    else for (const o of narrower) concepts.set(o, Math.max(concepts.get(o) ?? found.get(o)!, Math.min(w, 1)));
  }

  const category: Category = isCategory(post.category) ? post.category : "lainnya";
  // "pelatihan akses KUR" is teaching about credit, not credit: teaching names the topic. Other
  // strong cues (seed, buyer, money, repair) say what is traded; otherwise the category helps.
  let modes: Set<Mode>;
  if (cues.has("pelatihan")) modes = new Set<Mode>(["pelatihan"]);
  else {
    const dominant = [...cues].filter((m) => DOMINANT_MODES.includes(m));
    modes = new Set(dominant.length ? dominant : cues);
    const byCategory = CATEGORY_MODE[category];
    if (dominant.length === 0 && byCategory) modes.add(byCategory);
  }
  if (modes.size === 0) for (const m of defaultModes(concepts, ix)) modes.add(m);
  return { concepts, words, modes, category };
}

/** What a post is most likely about when neither words nor category say: from its things. */
function defaultModes(concepts: Map<string, number>, ix: Index): Mode[] {
  const out = new Set<Mode>();
  for (const id of concepts.keys()) {
    const lineage = new Set([id, ...ix.nodes.get(id)!.ancestors]);
    if (lineage.has("alsintan") || lineage.has("sarana")) out.add("alat");
    else if (lineage.has("keterampilan")) out.add("pelatihan");
    else if (lineage.has("tenaga-kerja") || lineage.has("sosial") || lineage.has("lingkungan")) out.add("jasa");
    else out.add("produk");
  }
  return [...out];
}

/** How well offer concept `o` covers need concept `n`. */
function conceptFit(ix: Index, n: string, o: string): number {
  if (n === o) return 1;
  const nn = ix.nodes.get(n)!;
  const on = ix.nodes.get(o)!;
  if (on.ancestors.has(n)) return 0.9; // the offer is a kind of what is needed
  if (nn.ancestors.has(o)) return on.depth === 0 ? 0.45 : 0.75; // the offer is broader
  let shared = 0;
  for (const a of nn.ancestors) if (on.ancestors.has(a)) shared = Math.max(shared, ix.nodes.get(a)!.depth === 0 ? 0.1 : 0.3);
  return shared;
}

export interface SubjectFit {
  score: number;
  /** Need concept → offer concept it was matched with (fit ≥ 0.7), for explanations. */
  pairs: Array<{ need: string; offer: string; fit: number }>;
}

/** Generic posts ("butuh modal usaha", "pelatihan apa saja") meet anything of their mode half-way. */
const GENERIC_FIT = 0.6;

export function subjectFit(need: Analysis, offer: Analysis): SubjectFit {
  const ix = index();
  const needEmpty = need.concepts.size === 0 && need.words.size === 0;
  // An offer that names only broad fields ("KUR untuk petani dan peternak") is open to all of them.
  const offerGeneric = [...offer.concepts.keys()].every((id) => ix.nodes.get(id)!.depth === 0) && offer.words.size === 0;
  if (needEmpty || (offer.concepts.size === 0 && offer.words.size === 0)) return { score: GENERIC_FIT, pairs: [] };
  const pairs: SubjectFit["pairs"] = [];
  let score: number;
  if (need.concepts.size > 0) {
    // Half how well the main thing is covered, half how much of everything named is covered: a
    // list of three tools meets an offer of one of them, a side remark does not make a match.
    let sum = 0;
    let weights = 0;
    let top = 0;
    const heaviest = Math.max(...need.concepts.values());
    for (const [n, w] of need.concepts) {
      let best = 0;
      let bestId = "";
      for (const o of offer.concepts.keys()) {
        const f = conceptFit(ix, n, o);
        if (f > best) [best, bestId] = [f, o];
      }
      if (best >= 0.7) pairs.push({ need: n, offer: bestId, fit: best });
      sum += w * best;
      weights += w;
      top = Math.max(top, (w / heaviest) * best);
    }
    score = 0.5 * top + 0.5 * (sum / weights);
    const common = shared(need.words, offer.words);
    if (offer.concepts.size === 0) score = Math.max(score, common > 0 ? GENERIC_FIT : 0);
    else if (common > 0) score = Math.min(1, score + 0.1 * common);
    if (offerGeneric) score = Math.max(score, GENERIC_FIT);
  } else {
    const common = shared(need.words, offer.words);
    score = common / need.words.size;
  }
  return { score, pairs };
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

export function modeFit(need: Analysis, offer: Analysis): number {
  if (need.modes.size === 0 || offer.modes.size === 0) return 0.85;
  let best = 0;
  for (const n of need.modes) for (const o of offer.modes) best = Math.max(best, MODE_FIT[n][o]);
  return best;
}

export function categoryFit(a: Category, b: Category): number {
  if (a === b) return 1;
  if (a === "lainnya" || b === "lainnya") return 0.9;
  return RELATED_CATEGORIES.some(([x, y]) => (x === a && y === b) || (x === b && y === a)) ? 0.9 : 0.75;
}

/** Things that travel on a road lose value with distance; teaching, money and buyers much less. */
const TRAVELLING: ReadonlySet<Mode> = new Set<Mode>(["alat", "produk", "bibit", "jasa", "perbaikan"]);

export function distanceFit(km: number | null, need: Analysis, offer: Analysis): number {
  if (km === null) return 1;
  const travels = [...need.modes, ...offer.modes].some((m) => TRAVELLING.has(m));
  if (!travels) return km <= 100 ? 1 : 0.85;
  // Within a kecamatan (≲ 20 km) distance does not matter; by 60 km a tool or a truckload costs
  // half a day on the road; beyond that, rarely worth it.
  if (km <= 20) return 1;
  if (km <= 60) return 1 - ((km - 20) / 40) * 0.5;
  return Math.max(0.3, 0.5 - ((km - 60) / 60) * 0.15);
}

export interface PairInput {
  need: Analysis;
  offer: Analysis;
  needPeriod?: Period | null;
  offerPeriod?: Period | null;
  distanceKm?: number | null;
}

export interface MatchResult {
  score: number;
  matched: boolean;
  subject: number;
  mode: number;
  category: number;
  distance: number;
  period: number;
  overlapDays: number | null;
  /** Labels of the concepts that met ("traktor ≈ alsintan"), for the people told. */
  shared: Array<{ need: string; offer: string }>;
}

export function scorePair(p: PairInput): MatchResult {
  const ix = index();
  const subj = subjectFit(p.need, p.offer);
  const mode = modeFit(p.need, p.offer);
  // Money is money: a credit offer answers a need for capital whatever the capital is for.
  if (p.need.modes.has("modal") && p.offer.modes.has("modal")) subj.score = Math.max(subj.score, GENERIC_FIT);
  const category = categoryFit(p.need.category, p.offer.category);
  const overlap = overlapDays(p.needPeriod ?? null, p.offerPeriod ?? null);
  const period = overlap === 0 ? 0 : 1;
  const distance = distanceFit(p.distanceKm ?? null, p.need, p.offer);
  const score = subj.score * mode * category * distance * period;
  return {
    score,
    matched: score >= MATCH_THRESHOLD,
    subject: subj.score,
    mode,
    category,
    distance,
    period,
    overlapDays: overlap,
    shared: subj.pairs.map((x) => ({ need: ix.nodes.get(x.need)!.label, offer: ix.nodes.get(x.offer)!.label })),
  };
}

/**
 * Concepts a free text names (for `/potensi kopi`: villages whose commodities include kopi,
 * robusta or arabika), each with its ancestors so a search for "ikan" finds "lele".
 */
export function conceptsOf(text: string): { ids: Set<string>; lineage: Set<string>; words: Set<string> } {
  const a = analyze({ category: "lainnya", title: text }, "offer");
  const ix = index();
  const lineage = new Set<string>();
  for (const id of a.concepts.keys()) {
    lineage.add(id);
    for (const x of ix.nodes.get(id)!.ancestors) lineage.add(x);
  }
  return { ids: new Set(a.concepts.keys()), lineage, words: a.words };
}

/** Does a commodity list entry ("kopi robusta") answer a search ("kopi")? */
export function commodityMatches(query: string, entry: string): boolean {
  const q = conceptsOf(query);
  const e = conceptsOf(entry);
  if (q.ids.size > 0) return [...q.ids].some((id) => e.lineage.has(id));
  if (q.words.size === 0) return false;
  return [...q.words].every((w) => e.words.has(w));
}

export { MODES };

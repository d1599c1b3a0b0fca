/**
 * Resende & Werneck's hybrid heuristic for the p-median ("A hybrid heuristic for the p-median
 * problem", Journal of Heuristics 10, 2004): multistart, each start a randomised greedy ("sample":
 * the best of ⌈log₂(m/k)⌉ random candidates at each step) polished by the swap local search, then
 * path relinking with a solution from a small pool of elite ones (walk from one towards the other by
 * the best swap that brings a site of the other in, and search again from the best solution on the
 * way); at the end the elite are relinked with each other until the pool stops improving. On
 * Beasley's OR-Library instances it reaches every published optimum.
 *
 * The pseudo-random numbers come from a fixed seed, and every budget is a count (starts, rounds),
 * never time: the same instance always gets the same answer.
 */
import type { Prepared } from './prepared.js';
import type { Instance } from './instance.js';
import { SwapSearch } from './swap-search.js';

export interface Solution {
  /** Sorted candidate indices. */
  sites: number[];
  objective: number;
}

export interface HybridOptions {
  /** Multistart iterations. */
  starts: number;
  /** Elite pool size (Resende & Werneck: 10). */
  elite: number;
  /** Seeds the pseudo-random numbers (a fixed number: the same answer on every run). */
  seed?: number;
  /** Stop as soon as a solution this cheap is found (a proven lower bound), if given. */
  target?: number;
  /** Candidates that no solution better than `first` contains (reduced-cost fixing): never opened. */
  excluded?: Uint8Array;
}

/** A small deterministic generator (mulberry32): a fixed seed, the same numbers on every run. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const solutionOf = (s: SwapSearch): Solution => ({
  sites: [...s.sites].sort((a, b) => a - b),
  objective: s.objective(),
});

/** The number of sites two sorted solutions do not share (half their symmetric difference). */
function difference(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      same++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return a.length - same;
}

/**
 * The elite pool: a solution enters if the pool has room and it is new, or if it beats the worst;
 * it then replaces the most similar of the solutions worse than it (keeping the pool diverse).
 */
class Pool {
  readonly items: Solution[] = [];
  constructor(private readonly size: number) {}

  get best(): Solution | undefined {
    return this.items[0];
  }

  add(s: Solution): boolean {
    if (this.items.some((e) => difference(e.sites, s.sites) === 0)) return false;
    if (this.items.length < this.size) this.items.push(s);
    else {
      const worse = this.items.filter((e) => e.objective > s.objective);
      if (worse.length === 0) return false;
      let victim = worse[0]!,
        nearest = Infinity;
      for (const e of worse) {
        const d = difference(e.sites, s.sites);
        if (d < nearest) {
          nearest = d;
          victim = e;
        }
      }
      this.items[this.items.indexOf(victim)] = s;
    }
    this.items.sort((a, b) => a.objective - b.objective || compareSites(a.sites, b.sites));
    return true;
  }
}

function compareSites(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export function pmedianHybrid(inst: Instance, prep: Prepared, first: Solution, o: HybridOptions): Solution {
  const k = first.sites.length;
  const rnd = randomSource(0x5eed + (o.seed ?? 0));
  const pool = new Pool(o.elite);
  pool.add(first);
  const done = () => o.target !== undefined && pool.best!.objective <= o.target;
  const search = new SwapSearch(inst, prep, first.sites);
  const allowed = new Uint8Array(inst.m).fill(1);
  if (o.excluded) for (let j = 0; j < inst.m; j++) allowed[j] = o.excluded[j] ? 0 : 1;
  for (const j of first.sites) allowed[j] = 1;
  const descend = (start: ArrayLike<number>) => {
    search.reset(start);
    search.descend(1000, allowed);
    return solutionOf(search);
  };
  const candidates: number[] = [];
  for (let j = 0; j < inst.m; j++) if (allowed[j]) candidates.push(j);
  if (candidates.length <= k) return first;
  const sample = Math.max(2, Math.ceil(Math.log2(candidates.length / Math.max(1, k))));
  for (let it = 0; it < o.starts && !done(); it++) {
    const local = descend(sampleGreedy(inst, prep, k, candidates, sample, rnd));
    // Relink with an elite solution, chosen with a chance in proportion to how much it differs.
    const others = pool.items.map((e) => difference(e.sites, local.sites));
    const total = others.reduce((a, b) => a + b, 0);
    pool.add(local);
    if (total === 0) continue;
    let r = rnd() * total,
      pick = 0;
    while (pick < others.length - 1 && r >= others[pick]!) r -= others[pick++]!;
    const partner = pool.items.find((e) => difference(e.sites, local.sites) === others[pick]) ?? pool.best!;
    const via = relink(search, local.sites, partner.sites);
    if (via) pool.add(descend(via));
  }
  // Post-optimisation: relink every pair of elite solutions, until a round finds nothing new.
  for (let round = 0; round < 4 && !done(); round++) {
    const before = pool.best!.objective;
    const items = [...pool.items];
    let added = false;
    for (let a = 0; a < items.length && !done(); a++)
      for (let b = a + 1; b < items.length && !done(); b++) {
        const via = relink(search, items[a]!.sites, items[b]!.sites);
        if (via && pool.add(descend(via))) added = true;
      }
    if (!added || pool.best!.objective >= before) break;
  }
  return pool.best!;
}

/**
 * Path relinking: from `from` towards `to`, one swap at a time (the best one that opens a site of
 * `to` and closes one it lacks), and returns the cheapest solution strictly between the two, if any.
 */
export function relink(s: SwapSearch, from: number[], to: number[]): number[] | undefined {
  const steps = difference(from, to);
  if (steps < 2) return undefined;
  s.reset(from);
  const allowIn = new Uint8Array(s.slotOf.length);
  for (const j of to) allowIn[j] = 1;
  const allowOut = new Uint8Array(s.k);
  for (let slot = 0; slot < s.k; slot++) allowOut[slot] = allowIn[s.sites[slot]!] ? 0 : 1;
  let best: number[] | undefined,
    bestObjective = Infinity;
  for (let step = 1; step < steps; step++) {
    s.price(-Infinity, allowIn, allowOut);
    if (s.jIn < 0) break;
    allowOut[s.slot] = 0;
    s.swap(s.jIn, s.slot);
    const objective = s.objective();
    if (objective < bestObjective) {
      bestObjective = objective;
      best = [...s.sites];
    }
  }
  return best;
}

/**
 * Randomised greedy: k times, the best of `sample` random closed `candidates` by what it saves.
 * A point with no facility yet counts at twice its farthest listed candidate (as in pmedianGreedy).
 */
function sampleGreedy(
  inst: Instance,
  prep: Prepared,
  k: number,
  candidates: number[],
  sample: number,
  rnd: () => number,
): number[] {
  const cur = new Float64Array(inst.w.length);
  for (let i = 0; i < cur.length; i++) cur[i] = Math.min(inst.fixed[i]!, inst.horizon[i]! * 2);
  const open = new Uint8Array(inst.m);
  const chosen: number[] = [];
  const saving = (j: number) => {
    const { points, d } = prep.reverse[j]!;
    let g = 0;
    for (let t = 0; t < points.length; t++) {
      const i = points[t]!;
      if (d[t]! < cur[i]!) g += inst.w[i]! * (cur[i]! - d[t]!);
    }
    return g;
  };
  while (chosen.length < k) {
    let best = -1,
      bestSaving = -1;
    for (let r = 0; r < sample; r++) {
      let r = Math.floor(rnd() * candidates.length);
      while (open[candidates[r]!]) r = (r + 1) % candidates.length;
      const j = candidates[r]!;
      const g = saving(j);
      if (g > bestSaving) {
        bestSaving = g;
        best = j;
      }
    }
    open[best] = 1;
    chosen.push(best);
    const { points, d } = prep.reverse[best]!;
    for (let t = 0; t < points.length; t++) cur[points[t]!] = Math.min(cur[points[t]!]!, d[t]!);
  }
  return chosen;
}

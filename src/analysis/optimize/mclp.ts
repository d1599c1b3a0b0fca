/**
 * Maximal covering (MCLP): choose k sites covering the most people within the threshold, on top
 * of what the fixed facilities already cover. Set covering: the fewest sites reaching a share.
 * Greedy with lazy evaluation (coverage gains only shrink), then swap local search priced in one
 * pass per round: adding j gains its uncovered people plus those covered only by the site it
 * replaces; removing s loses the people only s covers; then iterated local search (random kicks).
 */
import { MaxHeap } from './heap.js';

export interface CoverInstance {
  w: Float64Array;
  /** Points within the threshold of each candidate. */
  cover: Int32Array[];
  /** Points already covered by the fixed facilities. */
  covered: Uint8Array;
}

export function coveredBy(inst: CoverInstance, sites: number[]): number {
  const c = Uint8Array.from(inst.covered);
  for (const s of sites) for (const i of inst.cover[s]!) c[i] = 1;
  let total = 0;
  for (let i = 0; i < c.length; i++) if (c[i]) total += inst.w[i]!;
  return total;
}

/** Greedy picks in order, with the marginal population each adds; stops at k or when `enough` says so. */
export function coverGreedy(
  inst: CoverInstance,
  k: number,
  enough: (covered: number) => boolean = () => false,
): { sites: number[]; marginal: number[] } {
  const c = Uint8Array.from(inst.covered);
  const gain = (j: number) => {
    let g = 0;
    for (const i of inst.cover[j]!) if (!c[i]) g += inst.w[i]!;
    return g;
  };
  const heap = new MaxHeap();
  for (let j = 0; j < inst.cover.length; j++) heap.push(j, gain(j));
  let total = 0;
  for (let i = 0; i < c.length; i++) if (c[i]) total += inst.w[i]!;
  const sites: number[] = [],
    marginal: number[] = [];
  while (sites.length < k && heap.size && !enough(total)) {
    const { id } = heap.pop()!;
    const g = gain(id);
    if (heap.size && g < heap.peekKey()) {
      heap.push(id, g);
      continue;
    }
    if (g <= 0) break;
    sites.push(id);
    marginal.push(g);
    total += g;
    for (const i of inst.cover[id]!) c[i] = 1;
  }
  return { sites, marginal };
}

/**
 * The lists the swap search needs: only the points not yet covered by the plan and with people in
 * them (the others never change the objective), and only the candidates that reach one of them.
 * On the DOST plan this is a fifth of the full lists.
 */
interface Reduced {
  cover: Int32Array[];
  /** Candidates with a non-empty list, by the people in reach, most first (ties by index). */
  useful: Int32Array;
  /** People within reach of each candidate and not covered by the plan: a bound on what it adds. */
  reach: Float64Array;
}

function reduce(inst: CoverInstance): Reduced {
  const reach = new Float64Array(inst.cover.length);
  const cover = inst.cover.map((list, j) => {
    let kept = 0;
    for (const i of list) if (!inst.covered[i] && inst.w[i]! > 0) kept++;
    const out = kept === list.length ? list : new Int32Array(kept);
    let t = 0;
    for (const i of list) {
      if (inst.covered[i] || !(inst.w[i]! > 0)) continue;
      out[t++] = i;
      reach[j] = reach[j]! + inst.w[i]!;
    }
    return out;
  });
  const useful = [...cover.keys()].filter((j) => cover[j]!.length > 0);
  useful.sort((a, b) => reach[b]! - reach[a]! || a - b);
  return { cover, useful: Int32Array.from(useful), reach };
}

export function coverLocalSearch(
  inst: CoverInstance,
  start: number[],
  maxRounds = 1000,
  reduced = reduce(inst),
): { sites: number[]; swaps: number } {
  const n = inst.w.length,
    k = start.length,
    { cover, useful, reach } = reduced;
  const sites = Int32Array.from(start);
  const slotOf = new Int32Array(inst.cover.length).fill(-1);
  sites.forEach((s, slot) => (slotOf[s] = slot));
  const count = new Int32Array(n); // how many chosen sites cover each point
  const only = new Int32Array(n).fill(-1); // the slot of the single chosen site covering it
  const recount = () => {
    count.fill(0);
    only.fill(-1);
    for (let slot = 0; slot < k; slot++) {
      const list = cover[sites[slot]!]!;
      for (let t = 0; t < list.length; t++) {
        const i = list[t]!;
        count[i] = count[i]! + 1;
        only[i] = count[i] === 1 ? slot : -1;
      }
    }
  };
  recount();
  const loss = new Float64Array(k),
    bonus = new Float64Array(k);
  let swaps = 0;
  for (let round = 0; round < maxRounds; round++) {
    loss.fill(0);
    for (let i = 0; i < n; i++) if (count[i] === 1) loss[only[i]!] = loss[only[i]!]! + inst.w[i]!;
    let minLoss = Infinity;
    for (let s = 0; s < k; s++) minLoss = Math.min(minLoss, loss[s]!);
    // The best (in, out) pair as plain numbers (an object here makes V8 deoptimise between rounds),
    // the smallest (in, out) among equals, as a scan by index would find it.
    let bestProfit = 1e-9,
      jIn = -1,
      slot = -1;
    for (let u = 0; u < useful.length; u++) {
      const j = useful[u]!;
      // No swap can gain more than the candidate's reach minus the cheapest removal; candidates
      // come by reach, most first, so once that bound falls below the best, none after can win.
      if (reach[j]! * (1 + 1e-12) + 1e-9 - minLoss < bestProfit) break;
      if (slotOf[j]! >= 0) continue;
      bonus.fill(0);
      let g = 0;
      const list = cover[j]!;
      for (let t = 0; t < list.length; t++) {
        const i = list[t]!;
        if (count[i] === 0) g += inst.w[i]!;
        else if (count[i] === 1) bonus[only[i]!] = bonus[only[i]!]! + inst.w[i]!;
      }
      for (let s = 0; s < k; s++) {
        const profit = g - loss[s]! + bonus[s]!;
        if (profit > bestProfit || (profit === bestProfit && jIn >= 0 && (j < jIn || (j === jIn && s < slot)))) {
          bestProfit = profit;
          jIn = j;
          slot = s;
        }
      }
    }
    if (jIn < 0) break;
    slotOf[sites[slot]!] = -1;
    sites[slot] = jIn;
    slotOf[jIn] = slot;
    swaps++;
    recount();
  }
  return { sites: [...sites], swaps };
}

/**
 * Iterated local search: from a local optimum, drop a few sites (deterministic pseudo-random
 * choice), refill at random, search again, and keep the result when it covers more. Escapes the
 * local optima that single swaps cannot leave. The budget is work, never time (same instance, same
 * answer): as many kicks as fit a fixed amount of work, 5 to 50. There is no early stop when kicks
 * stall: on the DOST plan, 20 centers gain at the 41st–50th kick, and with the lists reduced and
 * the candidates pruned by reach all 50 kicks cost 20–80 ms.
 */
export function coverIteratedSearch(
  inst: CoverInstance,
  start: number[],
  kicks?: number,
  drop = 3,
): { sites: number[]; swaps: number } {
  const reduced = reduce(inst);
  const rounds = kicks ?? defaultKicks(reduced, start.length);
  let best = coverLocalSearch(inst, start, 1000, reduced);
  let bestValue = coveredBy(inst, best.sites);
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let kick = 0; kick < rounds && best.sites.length > drop; kick++) {
    // Replace `drop` sites by random other candidates: a greedy refill would often pick the
    // dropped sites again and land in the same local optimum.
    const next = new Set(best.sites);
    for (let d = 0; d < drop; d++) next.delete([...next][Math.floor(rnd() * next.size)]!);
    while (next.size < best.sites.length) next.add(Math.floor(rnd() * inst.cover.length));
    const searched = coverLocalSearch(inst, [...next], 1000, reduced);
    const value = coveredBy(inst, searched.sites);
    if (value > bestValue + 1e-9) {
      best = { sites: searched.sites, swaps: best.swaps + searched.swaps };
      bestValue = value;
    }
  }
  return best;
}

/** As many kicks as fit a fixed amount of work (one local-search pass costs Σ|cover| + m·k): 5 to 50. */
function defaultKicks(reduced: Reduced, k: number): number {
  const pass = reduced.cover.reduce((a, c) => a + c.length, 0) + reduced.useful.length * k;
  return Math.max(5, Math.min(50, Math.round(3e7 / Math.max(1, pass))));
}

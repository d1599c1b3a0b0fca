/**
 * The p-median's swap neighbourhood, priced all at once (Whitaker's fast interchange, as organised
 * by Resende & Werneck, "A fast swap-based local search procedure for location problems", 2007):
 * with each point's nearest and second-nearest open facility known, one pass over the points' lists
 * gives, for every closed candidate j and every open slot s, the profit of opening j and closing s:
 *
 *   profit(j, s) = gain[j] − loss[s] + extra[j, s]
 *
 * where gain[j] is what opening j saves, loss[s] what closing s costs when its points fall back to
 * their second-nearest, and extra[j, s] the part of that loss j takes back (points of s nearer j than
 * their second). A pass reads each point's candidates only up to its second-nearest (nothing farther
 * changes its cost; see NearestLists in pmedian.ts), then m·k sums. The local search takes the best
 * swap while it gains; path relinking takes the best swap between two solutions even when it loses.
 */
import type { Instance } from './instance.js';
import type { Prepared } from './prepared.js';

/**
 * Below this many sites a swap changes the nearest or second-nearest of a large share of the points
 * (about 4/k of them, and those a new site comes nearer than their distant second): re-pricing them
 * costs about what a pass from scratch does (pmed22 and pmed36, k = 10: slower), while pmed40
 * (k = 90) and the n = 900 bench graph (k = 45) gain.
 */
const KEEP_SUMS_MIN_K = 20;

/** A point with no facility at all contributes nothing; "infinite" becomes a large finite cost. */
const cap = (x: number) => (Number.isFinite(x) ? x : 1e12);

export class SwapSearch {
  readonly k: number;
  /** The open candidate of each slot. */
  readonly sites: Int32Array;
  /** The slot of each open candidate, -1 if closed. */
  readonly slotOf: Int32Array;
  swaps = 0;
  /** The best swap the last `price` found: profit, candidate in, slot out (-1: none). */
  profit = 0;
  jIn = -1;
  slot = -1;
  private readonly cols: Float64Array[] = [];
  // Per active point x: nearest (d1, slot f1) and second-nearest (d2, f2) open facility; slot -1 =
  // a fixed facility.
  private readonly d1: Float64Array;
  private readonly d2: Float64Array;
  private readonly f1: Int32Array;
  private readonly f2: Int32Array;
  // refresh(x) keeps the two nearest in two[0], two[1]: typed arrays, because doubles a closure
  // assigns would be boxed, an allocation per update.
  private readonly two = new Float64Array(2);
  private readonly twoSlot = new Int32Array(2);
  private readonly loss: Float64Array;
  private readonly gain: Float64Array;
  private readonly extra: Float64Array;
  private readonly touched: Int32Array;
  /** Entries of `touched` in use. */
  private nt = 0;
  /**
   * Whether gain, loss and extra are kept up to date swap by swap (see `exact` in Prepared): then
   * a swap re-adds only the points it affects, and `price` only selects. Per entry of extra,
   * whether it is in `touched`.
   */
  private readonly incremental: boolean;
  private readonly listed: Uint8Array;
  private readonly affected: Int32Array;

  constructor(
    private readonly inst: Instance,
    private readonly prep: Prepared,
    start: ArrayLike<number>,
    /** Keep the sums swap by swap (default: where exact, and with KEEP_SUMS_MIN_K sites or more). */
    keepSums = prep.exactSums === true && start.length >= KEEP_SUMS_MIN_K,
    /** Find each point's two nearest open sites on its list (see nearestByList; default: where the lists are complete). */
    private readonly byList = prep.complete,
  ) {
    const k = (this.k = start.length),
      m = inst.m,
      na = prep.active.length;
    this.sites = new Int32Array(k);
    this.slotOf = new Int32Array(m).fill(-1);
    this.d1 = new Float64Array(na);
    this.d2 = new Float64Array(na);
    this.f1 = new Int32Array(na);
    this.f2 = new Int32Array(na);
    this.loss = new Float64Array(k);
    this.gain = new Float64Array(m);
    this.extra = new Float64Array(m * k);
    this.touched = new Int32Array(m * k);
    this.incremental = keepSums && prep.exactSums === true;
    this.listed = new Uint8Array(this.incremental ? m * k : 0);
    this.affected = new Int32Array(na);
    this.reset(start);
  }

  /** Starts again from the k sites `start` (the buffers are kept: a multistart search reuses them). */
  reset(start: ArrayLike<number>): void {
    this.slotOf.fill(-1);
    this.cols.length = 0;
    for (let s = 0; s < this.k; s++) {
      this.sites[s] = start[s]!;
      this.slotOf[start[s]!] = s;
      this.cols.push(this.prep.column(start[s]!));
    }
    this.swaps = 0;
    for (let x = 0; x < this.d1.length; x++) this.refresh(x);
    if (this.incremental) {
      this.clearSums();
      for (let x = 0; x < this.d1.length; x++) this.contribute(x, 1);
    }
  }

  /** gain, loss and extra back to 0 (extra entry by entry: only the listed ones are not). */
  private clearSums(): void {
    const { extra, touched, listed } = this;
    this.loss.fill(0);
    this.gain.fill(0);
    for (let u = 0; u < this.nt; u++) {
      extra[touched[u]!] = 0;
      if (this.incremental) listed[touched[u]!] = 0;
    }
    this.nt = 0;
  }

  /**
   * Adds (sign 1) or takes back (sign -1) point x's part of gain, loss and extra, as the swap
   * neighbourhood prices it: what closing its nearest open site costs it, and what each closed
   * candidate nearer than its second-nearest (its nearest, when a fixed facility serves it) saves it.
   * Reads its list only up to there (nothing farther changes its cost; see NearestLists).
   */
  private contribute(x: number, sign: number): void {
    const { k, prep, slotOf, loss, gain, extra, touched, listed, incremental } = this;
    const { start: from, sorted, site: near, d: nearD } = prep.nearest;
    const s = this.f1[x]!,
      w = prep.w[x]!,
      a = this.d1[x]!,
      b = this.d2[x]!;
    if (s >= 0) loss[s] = loss[s]! + sign * w * (cap(b) - a);
    // Served by a fixed facility, a point matters only to candidates nearer than it.
    const cut = s >= 0 ? b : a;
    for (let t = from[x]!, mid = sorted[x]!, end = from[x + 1]!; t < end; t++) {
      const dij = nearD[t]!;
      if (dij >= cut) {
        if (t < mid) break; // sorted: nothing after it is nearer (the unsorted rest is farther still)
        continue;
      }
      const j = near[t]!;
      if (slotOf[j]! >= 0) continue;
      if (dij < a) gain[j] = gain[j]! + sign * w * (cap(a) - dij);
      if (s < 0) continue;
      const back = w * (cap(b) - Math.max(dij, a));
      if (back === 0) continue; // so an entry still 0 is one not yet listed
      const e = j * k + s;
      if (incremental ? !listed[e] : extra[e] === 0) {
        touched[this.nt++] = e;
        if (incremental) listed[e] = 1;
      }
      extra[e] = extra[e]! + sign * back;
    }
  }

  /** Σ w · distance to the nearest facility, as pmedianObjective sums it. */
  objective(): number {
    const { prep, d1 } = this;
    let total = prep.constant;
    const unserved = prep.serveAll ? Infinity : 0;
    for (let x = 0; x < d1.length; x++) total += prep.w[x]! * (Number.isFinite(d1[x]!) ? d1[x]! : unserved);
    return total;
  }

  /** A distance the lists do not hold, computed once and kept in the shared column. */
  private exact(s: number, x: number): number {
    return (this.cols[s]![x] = this.inst.dist(this.prep.active[x]!, this.sites[s]!));
  }

  private take(s: number, d: number): void {
    const { two, twoSlot } = this;
    if (d < two[0]!) {
      two[1] = two[0]!;
      twoSlot[1] = twoSlot[0]!;
      two[0] = d;
      twoSlot[0] = s;
    } else if (d < two[1]!) {
      two[1] = d;
      twoSlot[1] = s;
    }
  }

  private refresh(x: number): void {
    const { two, twoSlot } = this;
    if (!(this.byList && this.nearestByList(x))) this.nearestByColumns(x);
    this.d1[x] = two[0]!;
    this.d2[x] = two[1]!;
    this.f1[x] = twoSlot[0]!;
    this.f2[x] = twoSlot[1]!;
  }

  /**
   * The two nearest of x's open sites (and its fixed facility) from its list, nearest first, into
   * two/twoSlot: the same two as the column scan, ties going to the lower slot as they do there
   * (the fixed facility, slot -1, before any). A point's list is read only until the second is
   * settled, a few entries where a share of the candidates is open, where the column scan reads
   * all k sites. Only where the lists hold every pair the columns do (`complete`: the columns then
   * never get a distance computed beyond the lists); false when the sorted head of the list ends
   * first (the rest is unsorted), and the columns decide.
   */
  private nearestByList(x: number): boolean {
    const { two, twoSlot, slotOf } = this;
    const { start, sorted, site, d } = this.prep.nearest;
    two[0] = this.prep.fixed[x]!;
    two[1] = Infinity;
    twoSlot[0] = -1;
    twoSlot[1] = -1;
    const mid = sorted[x]!;
    for (let t = start[x]!; t < mid; t++) {
      const dt = d[t]!;
      if (dt > two[1]!) return true; // by distance: nothing after it is nearer
      const s = slotOf[site[t]!]!;
      if (s < 0) continue;
      if (dt < two[0]! || (dt === two[0]! && s < twoSlot[0]!)) {
        two[1] = two[0]!;
        twoSlot[1] = twoSlot[0]!;
        two[0] = dt;
        twoSlot[0] = s;
      } else if (dt < two[1]! || (dt === two[1]! && s < twoSlot[1]!)) {
        two[1] = dt;
        twoSlot[1] = s;
      }
    }
    return mid === start[x + 1]!;
  }

  /** The two nearest by reading every open site's column, in slot order (the lower slot wins a tie). */
  private nearestByColumns(x: number): void {
    const { two, twoSlot, cols, k } = this;
    two[0] = this.prep.fixed[x]!;
    two[1] = Infinity;
    twoSlot[0] = -1;
    twoSlot[1] = -1;
    let missing = false;
    for (let s = 0; s < k; s++) {
      const d = cols[s]![x]!;
      if (Number.isNaN(d)) missing = true;
      else this.take(s, d);
    }
    // Sites the point's list does not hold are at least beyond[x] away: they matter only if that is
    // less than what the search reads, the second-nearest of a point a site serves, else the nearest
    // (a point its fixed facility serves needs no second: the pass never reads it).
    if (missing && (twoSlot[0]! >= 0 ? two[1]! : two[0]!) > this.prep.beyond[x]!) {
      for (let s = 0; s < k; s++) if (Number.isNaN(cols[s]![x]!)) this.take(s, this.exact(s, x));
    }
  }

  /**
   * Prices every swap and keeps the best in (profit, jIn, slot), above `floor` (-1 when none is).
   * `allowIn` (per candidate) and `allowOut` (per slot), when given, restrict the swaps considered.
   */
  price(floor: number, allowIn?: Uint8Array, allowOut?: Uint8Array): void {
    const { k, slotOf, loss, gain, extra, touched, listed, incremental } = this;
    const m = slotOf.length;
    if (!incremental) {
      // From scratch, point by point. extra is sparse (a candidate takes back only from the slots
      // that serve points near it): the entries a pass touches are listed, read, and reset.
      this.loss.fill(0);
      this.gain.fill(0);
      this.nt = 0;
      for (let x = 0; x < this.d1.length; x++) this.contribute(x, 1);
    }
    const nt = this.nt;
    // The best (in, out) pair: for each candidate, the slot that loses least, or one it takes back
    // from. Plain numbers rather than an object, which V8 keeps optimised.
    let best = floor,
      jIn = -1,
      slot = -1,
      least = -1;
    for (let s = 0; s < k; s++) if ((!allowOut || allowOut[s]) && (least < 0 || loss[s]! < loss[least]!)) least = s;
    if (least >= 0) {
      for (let j = 0; j < m; j++) {
        if (slotOf[j]! >= 0 || (allowIn && !allowIn[j])) continue;
        const profit = gain[j]! - loss[least]!;
        if (profit > best) {
          best = profit;
          jIn = j;
          slot = least;
        }
      }
    }
    // Kept sums: entries back at 0 leave the list (a pass from scratch would not list them).
    let kept = 0;
    for (let u = 0; u < nt; u++) {
      const e = touched[u]!,
        j = (e / k) | 0,
        s = e - j * k;
      if (extra[e] === 0) {
        listed[e] = 0;
        continue;
      }
      if (incremental) touched[kept++] = e;
      if (slotOf[j]! < 0 && (!allowIn || allowIn[j]) && (!allowOut || allowOut[s])) {
        const profit = gain[j]! - (loss[s]! - extra[e]!);
        if (profit > best || (profit === best && jIn >= 0 && (j < jIn || (j === jIn && s < slot)))) {
          best = profit;
          jIn = j;
          slot = s;
        }
      }
      if (!incremental) extra[e] = 0;
    }
    this.nt = incremental ? kept : 0;
    this.profit = best;
    this.jIn = jIn;
    this.slot = slot;
  }

  /** Opens candidate `jIn` in place of slot `slot`'s. */
  swap(jIn: number, slot: number): void {
    const { slotOf, sites, prep, f1, f2, d1, d2, affected } = this;
    const col = prep.column(jIn);
    // Only points that used the removed site, or that the new one is nearer than their second, change.
    let na = 0;
    for (let x = 0; x < d1.length; x++) {
      const reads = f1[x]! >= 0 ? d2[x]! : d1[x]!;
      let d = col[x]!;
      if (Number.isNaN(d) && prep.beyond[x]! < reads) d = col[x] = this.inst.dist(prep.active[x]!, jIn);
      if (f1[x] === slot || f2[x] === slot || d < reads) affected[na++] = x;
    }
    // Kept sums: the affected points' parts come out under the old sites and back in under the new.
    if (this.incremental) for (let u = 0; u < na; u++) this.contribute(affected[u]!, -1);
    slotOf[sites[slot]!] = -1;
    sites[slot] = jIn;
    slotOf[jIn] = slot;
    this.cols[slot] = col;
    this.swaps++;
    for (let u = 0; u < na; u++) {
      this.refresh(affected[u]!);
      if (this.incremental) this.contribute(affected[u]!, 1);
    }
  }

  /** Best-improvement interchange until no swap gains (or maxPasses passes), opening only `allowIn` if given. */
  descend(maxPasses = 1000, allowIn?: Uint8Array): void {
    for (let pass = 0; pass < maxPasses; pass++) {
      this.price(1e-7, allowIn);
      if (this.jIn < 0) break;
      this.swap(this.jIn, this.slot);
    }
  }
}

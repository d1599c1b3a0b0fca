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

  constructor(
    private readonly inst: Instance,
    private readonly prep: Prepared,
    start: ArrayLike<number>,
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
  }

  /** Σ w · distance to the nearest facility, as pmedianObjective sums it. */
  objective(): number {
    const { prep, d1 } = this;
    let total = prep.constant;
    for (let x = 0; x < d1.length; x++) total += prep.w[x]! * (Number.isFinite(d1[x]!) ? d1[x]! : 0);
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
    this.d1[x] = two[0]!;
    this.d2[x] = two[1]!;
    this.f1[x] = twoSlot[0]!;
    this.f2[x] = twoSlot[1]!;
  }

  /**
   * Prices every swap and keeps the best in (profit, jIn, slot), above `floor` (-1 when none is).
   * `allowIn` (per candidate) and `allowOut` (per slot), when given, restrict the swaps considered.
   */
  price(floor: number, allowIn?: Uint8Array, allowOut?: Uint8Array): void {
    const { k, prep, slotOf, d1, d2, f1, loss, gain, extra, touched } = this;
    const { start: from, sorted, site: near, d: nearD } = prep.nearest;
    const m = slotOf.length,
      na = d1.length,
      pw = prep.w;
    loss.fill(0);
    gain.fill(0);
    // extra is sparse (a candidate takes back only from the slots that serve points near it): the
    // entries a pass touches are listed, read, and reset, instead of m·k of them.
    let nt = 0;
    for (let x = 0; x < na; x++) {
      const s = f1[x]!,
        w = pw[x]!,
        a = d1[x]!,
        b = d2[x]!;
      if (s >= 0) loss[s] = loss[s]! + w * (cap(b) - a);
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
        if (dij < a) gain[j] = gain[j]! + w * (cap(a) - dij);
        if (s < 0) continue;
        const back = w * (cap(b) - Math.max(dij, a));
        if (back === 0) continue; // so an entry still 0 is one not yet listed
        const e = j * k + s;
        if (extra[e] === 0) touched[nt++] = e;
        extra[e] = extra[e]! + back;
      }
    }
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
    for (let u = 0; u < nt; u++) {
      const e = touched[u]!,
        j = (e / k) | 0,
        s = e - j * k;
      if ((!allowIn || allowIn[j]) && (!allowOut || allowOut[s])) {
        const profit = gain[j]! - (loss[s]! - extra[e]!);
        if (profit > best || (profit === best && jIn >= 0 && (j < jIn || (j === jIn && s < slot)))) {
          best = profit;
          jIn = j;
          slot = s;
        }
      }
      extra[e] = 0;
    }
    this.profit = best;
    this.jIn = jIn;
    this.slot = slot;
  }

  /** Opens candidate `jIn` in place of slot `slot`'s. */
  swap(jIn: number, slot: number): void {
    const { slotOf, sites, prep, f1, f2, d1, d2 } = this;
    slotOf[sites[slot]!] = -1;
    sites[slot] = jIn;
    slotOf[jIn] = slot;
    const col = (this.cols[slot] = prep.column(jIn));
    this.swaps++;
    // Only points that used the removed site, or that the new one is nearer than their second, change.
    for (let x = 0; x < d1.length; x++) {
      const reads = f1[x]! >= 0 ? d2[x]! : d1[x]!;
      let d = col[x]!;
      if (Number.isNaN(d) && prep.beyond[x]! < reads) d = this.exact(slot, x);
      if (f1[x] === slot || f2[x] === slot || d < reads) this.refresh(x);
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

/**
 * What the p-median searches share for one instance (built by `prepare` in pmedian.ts): in a module
 * of its own, so the searches (swap-search.ts, hybrid.ts) and pmedian.ts that runs them import it
 * without a cycle.
 */
import type { Instance } from './instance.js';

/**
 * What the searches share for one instance. They work on the active points only: those some
 * candidate could serve better than their fixed facility, with people in them. The others keep
 * their fixed facility whatever is chosen (a constant of the objective); on a real plan most
 * places are nearer one of its facilities than any candidate (on the DOST plan with 40 candidates,
 * 934 of 3,933 are active). Arrays below are indexed by x, the point active[x].
 */
export interface Prepared {
  active: Int32Array;
  w: Float64Array;
  fixed: Float64Array;
  /** Σ w · fixed-facility distance over the points that are not active. */
  constant: number;
  /**
   * The distances from every active point to candidate j that the lists hold; NaN for the others,
   * computed (and kept) only when a search needs them.
   */
  column: (j: number) => Float64Array;
  /**
   * A lower bound on the distance from each active point to a candidate outside its list: its fixed
   * facility's (the lists keep only nearer candidates), or, when the instance lists only each point's
   * K nearest, 98 % of the K-th if that is less (the margin covers a nearest-site search that ranks
   * by a slightly different distance than the one it reports).
   */
  beyond: Float64Array;
  nearest: NearestLists;
  /** `inst.reverse` with only the pairs the lists keep (the same lists when they keep all). */
  reverse: Instance['reverse'];
  /** Whether the lists hold every candidate nearer than each point's fixed facility (`Instance.complete`). */
  complete: boolean;
  /**
   * Whether the swap pricing's sums are exact (whole numbers, far below 2^53): then the swap search
   * keeps them up to date swap by swap, re-adding only the points a swap affects, and gets exactly
   * the sums a pass from scratch would (swap-search.ts). Otherwise each pricing starts from scratch.
   */
  exactSums?: boolean;
  /** Whether a point left with no site and no fixed facility makes the set infeasible (`Instance.serveAll`). */
  serveAll?: boolean;
}

export type PointLists = { start: Int32Array; site: Int32Array; d: Float64Array };

/**
 * For each active point x, its candidates (the `reverse` pairs), in one compressed array: x's are
 * [start[x], start[x + 1]). The interchange pass only needs a point's candidates nearer than its
 * second-nearest open facility (nothing farther changes its cost), so each list starts with its
 * nearest candidates sorted by distance, up to `sorted[x]`, and the rest follow unsorted, all at
 * least as far: a pass walks the sorted part and stops at the second-nearest, which makes it cost
 * about n·(m/k) instead of n·m on a full matrix. With k sites open a point's second-nearest is
 * typically among its 2m/k nearest candidates; 3m/k (at least 32) are sorted, and a point whose
 * second-nearest lies farther still scans its unsorted rest, so the pass stays exact.
 */
export interface NearestLists extends PointLists {
  sorted: Int32Array;
}

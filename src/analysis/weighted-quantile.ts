/**
 * Weighted quantiles by selection (issue 17): the median or 90th percentile of a population's
 * distances is the smallest value x whose people at x or nearer reach the share, which a
 * quickselect on typed arrays finds in linear expected time. Sorting every point with a JavaScript
 * comparator cost more than the rest of a `distances` run.
 */

/**
 * The smallest value whose cumulative weight (of it and every smaller value) reaches `target`;
 * the largest value when rounding leaves the target just out of reach. Reorders `v` and `w`
 * together (pass copies); both must be non-empty.
 */
export function selectWeighted(v: Float64Array, w: Float64Array, target: number): number {
  let lo = 0,
    hi = v.length - 1;
  let before = 0; // weight of the values already known to be below v[lo..hi]
  let largest = -Infinity;
  for (let i = 0; i <= hi; i++) if (v[i]! > largest) largest = v[i]!;
  while (lo <= hi) {
    const pivot = medianOfThree(v[lo]!, v[(lo + hi) >>> 1]!, v[hi]!);
    // Three-way partition of [lo, hi]: below the pivot, equal to it, above it.
    let lt = lo,
      i = lo,
      gt = hi;
    let wBelow = 0,
      wEqual = 0;
    while (i <= gt) {
      const x = v[i]!;
      if (x < pivot) {
        wBelow += w[i]!;
        swap(v, w, lt++, i++);
      } else if (x > pivot) swap(v, w, i, gt--);
      else {
        wEqual += w[i]!;
        i++;
      }
    }
    if (before + wBelow >= target) hi = lt - 1;
    else if (before + wBelow + wEqual >= target) return pivot;
    else {
      before += wBelow + wEqual;
      lo = gt + 1;
    }
  }
  return largest;
}

/** The weighted q-quantile (0 < q ≤ 1) of values with weights, as selectWeighted defines it. */
export function weightedQuantile(values: Float64Array, weights: Float64Array, q: number, total: number): number {
  return selectWeighted(values.slice(), weights.slice(), q * total - 1e-9);
}

function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

function swap(v: Float64Array, w: Float64Array, i: number, j: number): void {
  const x = v[i]!;
  v[i] = v[j]!;
  v[j] = x;
  const y = w[i]!;
  w[i] = w[j]!;
  w[j] = y;
}

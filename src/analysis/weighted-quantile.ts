/**
 * Weighted quantiles by selection (issue 17): the median or 90th percentile of a population's
 * distances is the smallest value x whose people at x or nearer reach the share, which a
 * quickselect on typed arrays finds in linear expected time. Sorting every point with a JavaScript
 * comparator cost more than the rest of a `distances` run.
 */

/**
 * The smallest value among v[0..end) whose cumulative weight (of it and every smaller value)
 * reaches `target`; the largest value when rounding leaves the target just out of reach. Reorders
 * v and w together so that every value up to the answer lies in v[0..end) of the result.
 */
export function selectWeighted(
  v: Float64Array,
  w: Float64Array,
  target: number,
  end = v.length,
): { value: number; end: number } {
  let lo = 0,
    hi = end - 1;
  let before = 0; // weight of the values already known to be below v[lo..hi]
  while (lo <= hi) {
    const a = v[lo]!,
      b = v[(lo + hi) >>> 1]!,
      c = v[hi]!;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // median of three
    // Three-way partition of [lo, hi]: below the pivot, equal to it, above it. (Swaps written out:
    // in a fresh process this loop runs in V8's interpreter, where a call per swap doubles its cost.)
    let lt = lo,
      i = lo,
      gt = hi;
    let wBelow = 0,
      wEqual = 0;
    while (i <= gt) {
      const x = v[i]!,
        y = w[i]!;
      if (x < pivot) {
        wBelow += y;
        v[i] = v[lt]!;
        w[i] = w[lt]!;
        v[lt] = x;
        w[lt] = y;
        lt++;
        i++;
      } else if (x > pivot) {
        v[i] = v[gt]!;
        w[i] = w[gt]!;
        v[gt] = x;
        w[gt] = y;
        gt--;
      } else {
        wEqual += y;
        i++;
      }
    }
    if (before + wBelow >= target) hi = lt - 1;
    else if (before + wBelow + wEqual >= target) return { value: pivot, end: gt + 1 };
    else {
      before += wBelow + wEqual;
      lo = gt + 1;
    }
  }
  let largest = -Infinity;
  for (let i = 0; i < end; i++) if (v[i]! > largest) largest = v[i]!;
  return { value: largest, end };
}

/**
 * The weighted q-quantiles (0 < q ≤ 1, ascending) of values with weights, as selectWeighted
 * defines them. The highest is selected first; each lower one only among the values up to it.
 */
export function weightedQuantiles(values: Float64Array, weights: Float64Array, qs: number[], total: number): number[] {
  const v = values.slice(),
    w = weights.slice();
  const out = new Array<number>(qs.length);
  let end = v.length;
  for (let k = qs.length - 1; k >= 0; k--) {
    const r = selectWeighted(v, w, qs[k]! * total - 1e-9, end);
    out[k] = r.value;
    end = r.end;
  }
  return out;
}

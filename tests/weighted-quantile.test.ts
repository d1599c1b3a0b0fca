import { describe, expect, it } from 'vitest';
import { weightedQuantiles } from '../src/analysis/weighted-quantile.js';

/** The definition, by sorting: walk the values in order until the weight passed reaches the share. */
function bySorting(v: number[], w: number[], q: number): number {
  const total = w.reduce((a, b) => a + b, 0);
  const order = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]! || a - b);
  let cum = 0;
  for (const i of order) {
    cum += w[i]!;
    if (cum >= q * total - 1e-9) return v[i]!;
  }
  return v[order[order.length - 1]!]!;
}

const q = (v: number[], w: number[], share: number) =>
  weightedQuantiles(
    Float64Array.from(v),
    Float64Array.from(w),
    [share],
    w.reduce((a, b) => a + b, 0),
  )[0];

describe('weighted quantiles by selection', () => {
  it('give the hand-worked medians and 90th percentiles', () => {
    // Four towns of 1,000 people at 1, 2, 3 and 4 km: half live within 2 km, 90 % within 4 km.
    expect(q([4, 2, 1, 3], [1000, 1000, 1000, 1000], 0.5)).toBe(2);
    expect(q([4, 2, 1, 3], [1000, 1000, 1000, 1000], 0.9)).toBe(4);
    // A city of 100,000 at 5 km and two villages nearer: the median person lives 5 km away.
    expect(q([5, 1, 3], [100_000, 500, 500], 0.5)).toBe(5);
    expect(q([7], [3], 0.9)).toBe(7);
  });

  it('agree with sorting on random populations with ties', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rnd() * 300);
      const v = Array.from({ length: n }, () => Math.round(rnd() * 50) / 2); // many equal distances
      const w = Array.from({ length: n }, () => 1 + Math.floor(rnd() * 5000));
      for (const share of [0.1, 0.5, 0.9, 1]) expect(q(v, w, share)).toBe(bySorting(v, w, share));
      // Several at once: each lower one is selected among the values up to the one above it.
      const shares = [0.1, 0.5, 0.5, 0.9, 1];
      const total = w.reduce((a, b) => a + b, 0);
      expect(weightedQuantiles(Float64Array.from(v), Float64Array.from(w), shares, total)).toEqual(
        shares.map((s) => bySorting(v, w, s)),
      );
    }
  });
});

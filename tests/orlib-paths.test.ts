import { describe, expect, it } from 'vitest';
import { adjacency, bucketPaths, heapPaths, parseOrLib, shortestPaths } from '../src/load/orlib.js';

/** A seeded LCG, so every run draws the same graphs. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** A random graph: a spanning tree plus chords, whole costs 0…C, repeated edges included. */
function graph(n: number, extra: number, C: number, seed: number) {
  const rnd = random(seed);
  const cost = new Map<number, number>();
  const add = (a: number, b: number) => {
    if (a !== b) cost.set(Math.min(a, b) * n + Math.max(a, b), Math.floor(rnd() * (C + 1)));
  };
  for (let v = 1; v < n; v++) add(Math.floor(rnd() * v), v);
  for (let e = 0; e < extra; e++) add(Math.floor(rnd() * n), Math.floor(rnd() * n));
  return cost;
}

describe('all-pairs shortest paths of a pmed graph', () => {
  it("Dial's buckets give the binary heap's matrix on random graphs, zero-cost edges and cost 1 included", () => {
    for (const [n, extra, C, seed] of [
      [1, 0, 5, 1],
      [2, 0, 0, 2],
      [30, 10, 1, 3],
      [60, 200, 3, 4],
      [200, 600, 100, 5],
      [150, 50, 1000, 6],
    ] as const) {
      const cost = graph(n, extra, C, seed);
      const g = adjacency(n, cost);
      const heap = heapPaths(n, g);
      expect(bucketPaths(n, g, C)).toEqual(heap);
      expect(shortestPaths(n, cost)).toEqual(heap);
    }
  });

  it('a path worked out by hand: 1–2 (4), 2–3 (1), 1–3 (7): 1 to 3 is 5 via 2', () => {
    const g = parseOrLib('3 3 1\n1 2 4\n2 3 1\n1 3 7\n', 'hand');
    expect(Array.from(g.dist)).toEqual([0, 4, 5, 4, 0, 1, 5, 1, 0]);
  });

  it('fractional costs take the heap and stay exact', () => {
    const g = parseOrLib('3 3 1\n1 2 0.5\n2 3 0.25\n1 3 1\n', 'fractions');
    expect(Array.from(g.dist)).toEqual([0, 0.5, 0.75, 0.5, 0, 0.25, 0.75, 0.25, 0]);
  });
});

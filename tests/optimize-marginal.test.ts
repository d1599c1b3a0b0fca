// The p-median's sites reported best first (marginal-order.ts) against the plain computation it
// replaced: every remaining site re-measured against every point at every rank.
import { describe, expect, it } from 'vitest';
import { geoInstance, type Instance } from '../src/analysis/optimize/instance.js';
import { marginalOrder } from '../src/analysis/optimize/marginal-order.js';
import { StraightLineModel } from '../src/travel/straight-line.js';
import type { Place } from '../src/travel/travel-cost.js';

const lcg = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** The plain definition: at each rank, every remaining site measured with every point. */
function plainOrder(inst: Instance, sites: number[]) {
  const reach = (chosen: number[]) => {
    const d = new Float64Array(inst.w.length);
    let total = 0,
      reachable = 0;
    for (let i = 0; i < d.length; i++) {
      let x = inst.fixed[i]!;
      for (const s of chosen) x = Math.min(x, inst.dist(i, s));
      d[i] = x;
      if (Number.isFinite(x)) {
        total += inst.w[i]! * x;
        reachable += inst.w[i]!;
      }
    }
    return { d, total, reachable };
  };
  const start = reach([]);
  let current = start;
  const order: number[] = [];
  const rest = [...sites];
  const steps = [];
  while (rest.length) {
    const scored = rest
      .map((j) => {
        const s = reach([...order, j]);
        let saved = 0,
          reached = 0;
        for (let i = 0; i < inst.w.length; i++) {
          if (Number.isFinite(current.d[i]!)) saved += inst.w[i]! * (current.d[i]! - s.d[i]!);
          else if (Number.isFinite(s.d[i]!)) reached += inst.w[i]!;
        }
        return { j, s, saved, reached };
      })
      .sort((a, b) => b.reached - a.reached || b.saved - a.saved || a.j - b.j);
    const { j, s, saved, reached } = scored[0]!;
    steps.push({ site: j, saved, reached, total: s.total, reachable: s.reachable });
    order.push(j);
    rest.splice(rest.indexOf(j), 1);
    current = s;
  }
  return { start: { total: start.total, reachable: start.reachable }, steps };
}

describe('p-median sites best first', () => {
  const travel = new StraightLineModel({ circuity: 1.3, speedKmh: 40 });
  const instance = (seed: number, n: number, nFixed: number, m: number, K: number, exclave = 0.05) => {
    const rnd = lcg(seed);
    const place = (): Place => ({ lat: 40 + rnd() * 1.5, lon: 47 + rnd() * 2, side: rnd() < exclave ? 1 : 0 });
    const points = Array.from({ length: n }, place);
    const weights = Float64Array.from(points, () => (rnd() < 0.1 ? 0 : Math.floor(rnd() * 5000)));
    const fixed = Array.from({ length: nFixed }, place);
    // Some candidates on the same spot as another (ties), the rest anywhere.
    const candidates: Place[] = [];
    for (let j = 0; j < m; j++) candidates.push(j % 7 === 6 ? { ...candidates[j - 3]! } : place());
    return { inst: geoInstance(points, weights, candidates, fixed, travel, K), rnd };
  };

  it('gives the plain computation’s order and figures: fixed facilities or none, short or complete lists, an exclave', () => {
    for (const [seed, n, nFixed, m, K, k] of [
      [1, 400, 5, 30, 30, 6], // every candidate listed
      [2, 400, 5, 30, 4, 6], // 4 nearest listed: the unlisted measured only where they may matter
      [3, 300, 0, 25, 3, 8], // no fixed facility: everyone unreached at first
      [4, 300, 12, 20, 5, 20], // every candidate chosen
      [5, 1, 1, 10, 3, 3], // one place
      [6, 200, 3, 14, 14, 1], // one site
    ] as const) {
      const { inst, rnd } = instance(seed, n, nFixed, m, K);
      const sites = [...new Set(Array.from({ length: 4 * k }, () => Math.floor(rnd() * m)))].slice(0, k);
      if (k === m) sites.splice(0, sites.length, ...Array.from({ length: m }, (_, j) => m - 1 - j));
      expect(marginalOrder(inst, sites)).toEqual(plainOrder(inst, sites));
    }
  });

  it('ties go to the lower candidate: two sites on the same spot, the first listed second', () => {
    const points: Place[] = [
      { lat: 40, lon: 47, side: 0 },
      { lat: 40.1, lon: 47, side: 0 },
    ];
    const spot = { lat: 40.05, lon: 47, side: 0 };
    const inst = geoInstance(points, [10, 10], [spot, { ...spot }], [], travel, 2);
    const { steps } = marginalOrder(inst, [1, 0]);
    expect(steps.map((s) => s.site)).toEqual([0, 1]);
    // The first reaches all 20 people; the second, on the same spot, adds nothing.
    expect(steps.map((s) => [s.reached, s.saved])).toEqual([
      [20, 0],
      [0, 0],
    ]);
    expect(steps[0]!.total / steps[0]!.reachable).toBeCloseTo(travel.trip(points[0]!, spot).km, 9);
  });
});

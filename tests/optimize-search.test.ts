// The fast paths of the optimizers give the answers the plain definitions give: shortest paths
// against Floyd–Warshall, coverage lists against geokdbush's own radius search, p-median objectives
// against a direct sum, and heuristics against exhaustive search on instances small enough for it.
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { describe, expect, it } from 'vitest';
import { geoInstance, matrixInstance } from '../src/analysis/optimize/instance.js';
import { coverGreedy, coverIteratedSearch, coveredBy, type CoverInstance } from '../src/analysis/optimize/mclp.js';
import { pmedian } from '../src/analysis/optimize/pmedian.js';
import { parseOrLib } from '../src/load/orlib.js';
import { StraightLineModel } from '../src/travel/straight-line.js';
import type { Place } from '../src/travel/travel-cost.js';

const lcg = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** k-subsets of 0..m-1. */
function* subsets(m: number, k: number, from = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === k) yield chosen;
  else for (let j = from; j < m; j++) yield* subsets(m, k, j + 1, [...chosen, j]);
}

describe('OR-Library graphs: shortest paths', () => {
  it('one Dijkstra per vertex gives the Floyd–Warshall distances, a repeated edge keeping its last cost', () => {
    const rnd = lcg(11);
    const n = 60;
    const edges: [number, number, number][] = [];
    for (let v = 2; v <= n; v++) edges.push([1 + Math.floor(rnd() * (v - 1)), v, 1 + Math.floor(rnd() * 100)]);
    for (let e = 0; e < 120; e++)
      edges.push([1 + Math.floor(rnd() * n), 1 + Math.floor(rnd() * n), Math.floor(rnd() * 50)]);
    edges.push([edges[5]![1], edges[5]![0], 1]); // the same edge again, reversed: its cost becomes 1
    const text = `${n} ${edges.length} 4\n${edges.map((e) => e.join(' ')).join('\n')}\n`;
    const d = new Float64Array(n * n).fill(Infinity);
    for (let i = 0; i < n; i++) d[i * n + i] = 0;
    for (const [a, b, c] of edges) if (a !== b) d[(a - 1) * n + b - 1] = d[(b - 1) * n + a - 1] = c;
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) d[i * n + j] = Math.min(d[i * n + j]!, d[i * n + k]! + d[k * n + j]!);
    const g = parseOrLib(text, 'random');
    expect([...g.dist]).toEqual([...d]);
    expect(g.dist[(edges[5]![0] - 1) * n + edges[5]![1] - 1]).toBeLessThanOrEqual(1);
  });
});

describe('coverage lists', () => {
  it('a bounding box and the haversine test select exactly the points geokdbush finds within the radius', () => {
    const rnd = lcg(5);
    // Two sides (the mainland and an exclave): points never reach across.
    const points: Place[] = Array.from({ length: 3000 }, () => ({
      lat: 38.4 + rnd() * 3.5,
      lon: 44.8 + rnd() * 5.6,
      side: rnd() < 0.1 ? 1 : 0,
    }));
    const sites = points.slice(0, 400);
    const index = new KDBush(points.length);
    for (const p of points) index.add(p.lon, p.lat);
    index.finish();
    for (const [model, standard, radius] of [
      [new StraightLineModel({ circuity: 1, speedKmh: 40 }), { within_km: 15 }, 15],
      [new StraightLineModel({ circuity: 1.3, speedKmh: 40 }), { within_min: 20 }, ((20 / 60) * 40) / 1.3],
    ] as const) {
      const lists = model.reachable(points, sites, standard);
      const expected = sites.map((s) =>
        [...around(index, s.lon, s.lat, Infinity, radius, (i: number) => points[i]!.side === s.side)].sort(
          (a, b) => a - b,
        ),
      );
      expect(lists.map((l) => [...l])).toEqual(expected);
      expect(lists.reduce((a, l) => a + l.length, 0)).toBeGreaterThan(sites.length * 5);
    }
  });
  it('next to the antimeridian and a pole, where a box would wrap, the lists are still right', () => {
    const points: Place[] = [
      { lat: 10, lon: 179.95, side: 0 },
      { lat: 10, lon: -179.95, side: 0 }, // 11 km east, across ±180°
      { lat: 10, lon: 179.5, side: 0 }, // 49 km west
      { lat: 89.9, lon: 0, side: 0 },
      { lat: 89.9, lon: 180, side: 0 }, // 22 km away, over the pole
    ];
    const lists = new StraightLineModel({ circuity: 1, speedKmh: 40 }).reachable(points, [points[0]!, points[3]!], {
      within_km: 30,
    });
    expect(lists.map((l) => [...l])).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });
});

describe('p-median on a plan-like instance', () => {
  // 300 places with people, 6 facilities already open (fixed), 12 candidate sites.
  const rnd = lcg(21);
  const travel = new StraightLineModel({ circuity: 1.25, speedKmh: 40 });
  const place = (): Place => ({ lat: 40 + rnd() * 1.5, lon: 47 + rnd() * 2, side: 0 });
  const points = Array.from({ length: 300 }, place);
  const weights = Float64Array.from(points, () => Math.floor(rnd() * 5000));
  const fixed = Array.from({ length: 6 }, place);
  const candidates = Array.from({ length: 12 }, place);
  /** Σ people × km to the nearest facility, straight from the definition. */
  const direct = (sites: number[]) =>
    points.reduce((total, p, i) => {
      const km = Math.min(...[...fixed, ...sites.map((j) => candidates[j]!)].map((f) => travel.trip(p, f).km));
      return total + weights[i]! * km;
    }, 0);

  for (const K of [12, 4]) {
    const listed = K === 12 ? 'every candidate listed' : 'the 4 nearest candidates listed per place';
    it(`${listed}: the objective is the direct sum, the search reaches the optimum`, () => {
      const inst = geoInstance(points, weights, candidates, fixed, travel, K);
      for (const k of [1, 2, 3]) {
        const r = pmedian(inst, k);
        expect(r.objective).toBeCloseTo(direct(r.sites), 3);
        expect(r.greedyObjective).toBeGreaterThanOrEqual(r.objective);
        let best = Infinity;
        for (const s of subsets(candidates.length, k)) best = Math.min(best, direct(s));
        expect(r.objective).toBeLessThanOrEqual(best * 1.0000001);
        expect(pmedian(inst, k)).toEqual(r); // deterministic
      }
    });
  }

  it('on a graph the search reaches the exhaustive optimum (n = 40, p = 3)', () => {
    const rnd2 = lcg(8);
    const n = 40;
    const lines = Array.from({ length: n }, (_, i) => `${i + 1} ${((i + 1) % n) + 1} ${1 + Math.floor(rnd2() * 100)}`);
    for (let e = 0; e < 40; e++)
      lines.push(`${1 + Math.floor(rnd2() * n)} ${1 + Math.floor(rnd2() * n)} ${1 + Math.floor(rnd2() * 100)}`);
    const g = parseOrLib(`${n} ${lines.length} 3\n${lines.join('\n')}`, 'ring');
    const inst = matrixInstance(g.dist, n);
    const cost = (s: number[]) => {
      let t = 0;
      for (let i = 0; i < n; i++) t += Math.min(...s.map((j) => g.dist[i * n + j]!));
      return t;
    };
    let best = Infinity;
    for (const s of subsets(n, 3)) best = Math.min(best, cost(s));
    const r = pmedian(inst, 3);
    expect(r.objective).toBe(cost(r.sites));
    expect(r.objective).toBe(best);
  });
});

describe('maximal covering search', () => {
  it('skips what the plan already covers and still reaches the exhaustive optimum', () => {
    const rnd = lcg(99);
    const n = 200,
      m = 14;
    const w = Float64Array.from({ length: n }, () => Math.floor(rnd() * 100));
    const covered = Uint8Array.from({ length: n }, () => (rnd() < 0.4 ? 1 : 0));
    const cover = Array.from({ length: m }, () => {
      const list: number[] = [];
      for (let i = 0; i < n; i++) if (rnd() < 0.15) list.push(i);
      return Int32Array.from(list);
    });
    const inst: CoverInstance = { w, cover, covered };
    for (const k of [2, 3, 4]) {
      let best = 0;
      for (const s of subsets(m, k)) best = Math.max(best, coveredBy(inst, s));
      const r = coverIteratedSearch(inst, coverGreedy(inst, k).sites);
      expect(coveredBy(inst, r.sites)).toBe(best);
    }
  });
});

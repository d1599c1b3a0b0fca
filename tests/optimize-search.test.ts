// The fast paths of the optimizers give the answers the plain definitions give: shortest paths
// against Floyd–Warshall, coverage lists against geokdbush's own radius search, p-median objectives
// against a direct sum, and heuristics against exhaustive search on instances small enough for it.
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { describe, expect, it } from 'vitest';
import { geoInstance, matrixInstance } from '../src/analysis/optimize/instance.js';
import { coverGreedy, coverIteratedSearch, coveredBy, type CoverInstance } from '../src/analysis/optimize/mclp.js';
import { pmedianExact } from '../src/analysis/optimize/exact.js';
import { pairsByCandidate, proveOptimal, relaxation, setPricer } from '../src/analysis/optimize/lower-bound.js';
import { pmedian, pmedianObjective, prepare } from '../src/analysis/optimize/pmedian.js';
import { yearWeights } from '../src/analysis/demand.js';
import { facilityPlace, placesOf } from '../src/analysis/network.js';
import { openOn, yearEnd } from '../src/analysis/schedule.js';
import { loadPlanContext } from '../src/load/plan-context.js';
import { parseOrLib } from '../src/load/orlib.js';
import { StraightLineModel } from '../src/travel/straight-line.js';
import type { Place } from '../src/travel/travel-cost.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

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

describe('p-median: the reduced lists and the Lagrangian bound against their definitions', () => {
  // Plan-like instances: places with people, facilities already open (fixed), candidate sites.
  const planLike = (seed: number, n: number, nFixed: number, m: number, exclave = 0.05, K = m) => {
    const rnd = lcg(seed);
    const travel = new StraightLineModel({ circuity: 1.25, speedKmh: 40 });
    const place = (): Place => ({ lat: 40 + rnd() * 1.5, lon: 47 + rnd() * 2, side: rnd() < exclave ? 1 : 0 });
    const points = Array.from({ length: n }, place);
    const weights = Float64Array.from(points, () => (rnd() < 0.1 ? 0 : Math.floor(rnd() * 5000)));
    const fixed = Array.from({ length: nFixed }, place);
    const candidates = Array.from({ length: m }, place);
    const inst = geoInstance(points, weights, candidates, fixed, travel, K);
    /** Σ people × km to the nearest facility, straight from the definition (unreachable: 0, as reported). */
    const direct = (sites: number[]) =>
      points.reduce((total, p, i) => {
        const km = Math.min(...[...fixed, ...sites.map((j) => candidates[j]!)].map((f) => travel.trip(p, f).km));
        return total + (Number.isFinite(km) ? weights[i]! * km : 0);
      }, 0);
    return { inst, direct, rnd };
  };
  const randomSet = (rnd: () => number, m: number, k: number) => {
    const s = new Set<number>();
    while (s.size < k) s.add(Math.floor(rnd() * m));
    return [...s];
  };

  it('Instance.nearest is each place’s nearest listed candidate', () => {
    const { inst } = planLike(3, 200, 4, 15);
    const { start, d } = inst.byPoint!;
    for (let i = 0; i < inst.w.length; i++) {
      expect(inst.nearest[i]).toBe(Math.min(Infinity, ...d.subarray(start[i], start[i + 1])));
    }
  });

  it('the reduced lists (candidates nearer than the fixed facility) and the merged relaxation price every set as the direct sum', () => {
    for (const seed of [1, 2, 3]) {
      const { inst, direct, rnd } = planLike(seed, 250, 5, 14);
      const prep = prepare(inst, 3);
      // Most places keep few pairs, and the reduction must actually reduce.
      expect(prep.nearest.start[prep.active.length]).toBeLessThan(inst.byPoint!.start[inst.w.length]! / 2);
      const relaxed = relaxation(prep, inst.m);
      const pricer = setPricer(relaxed, pairsByCandidate(relaxed, inst.m), prep.constant);
      for (let t = 0; t < 25; t++) {
        const s = randomSet(rnd, inst.m, 1 + (t % 5));
        const want = direct(s);
        expect(pmedianObjective(inst, s, prep)).toBeCloseTo(want, 4);
        expect(pricer.price(s)).toBeCloseTo(want, 4);
      }
    }
  });

  it('the bound never exceeds the exhaustive optimum, and a proof names a set that attains it', () => {
    let proofs = 0;
    for (const seed of [4, 5, 6, 7]) {
      // No exclave here: a place no fixed facility reaches, that some k sites miss, rules the bound out.
      const { inst, direct } = planLike(seed, 150, 3, 11, 0);
      for (const k of [1, 2, 3, 4]) {
        let best = Infinity;
        for (const s of subsets(inst.m, k)) best = Math.min(best, direct(s));
        const prep = prepare(inst, k);
        // From a poor start (the first k candidates) and from the search's answer, with little and much work.
        for (const start of [[...Array(k).keys()], pmedian(inst, k).sites]) {
          for (const budget of [300, 1e7]) {
            const p = proveOptimal(prep, inst.m, start, pmedianObjective(inst, start, prep), budget);
            expect(p.lowerBound).toBeLessThanOrEqual(best * (1 + 1e-9));
            if (p.better) expect(direct(p.better)).toBeLessThan(direct(start));
            if (p.optimal) {
              if (budget > 300) proofs++;
              expect(direct(p.better ?? start)).toBeCloseTo(best, 4);
              expect(p.lowerBound).toBeCloseTo(best, 4);
            }
          }
        }
      }
    }
    expect(proofs).toBe(32); // with enough work every one of the 32 is proven: the bound is tight here
  });

  it('on graphs without fixed facilities the bound holds too (every vertex a candidate)', () => {
    const rnd = lcg(13);
    for (let t = 0; t < 6; t++) {
      const n = 11;
      const xy = Array.from({ length: n }, () => [rnd() * 100, rnd() * 100] as const);
      const d = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) d[i * n + j] = Math.round(Math.hypot(xy[i]![0] - xy[j]![0], xy[i]![1] - xy[j]![1]));
      const inst = matrixInstance(d, n);
      for (const k of [2, 3]) {
        let best = Infinity;
        for (const s of subsets(n, k)) best = Math.min(best, pmedianObjective(inst, s));
        const prep = prepare(inst, k);
        const start = [...Array(k).keys()];
        const p = proveOptimal(prep, n, start, pmedianObjective(inst, start, prep), 1e7);
        expect(p.lowerBound).toBeLessThanOrEqual(best + 1e-9);
        if (p.optimal) expect(pmedianObjective(inst, p.better ?? start)).toBe(best);
      }
    }
  });

  it('the search is within 1 % of HiGHS on random plan-like instances, and its bound never above HiGHS', async () => {
    for (const seed of [8, 9, 10]) {
      const { inst } = planLike(seed, 500, 6, 30);
      for (const k of [3, 6]) {
        const r = pmedian(inst, k);
        const e = (await pmedianExact(inst, k))!;
        expect(r.objective).toBeLessThanOrEqual(e.objective * 1.01);
        expect(r.lowerBound).toBeLessThanOrEqual(e.objective * (1 + 1e-9));
        if (r.lowerBound === r.objective) expect(r.objective).toBeCloseTo(e.objective, 3);
      }
    }
  });

  it('on the DOST plan (2030 network fixed, the 40 most populous places as candidates) the search proves the HiGHS optimum', async () => {
    const ctx = await loadPlanContext(run, undefined, {});
    const { regions } = ctx.country;
    const points = placesOf(ctx.demand.points, regions);
    const { weights } = yearWeights(ctx.demand, regions, 2030);
    const fixed = openOn(ctx.plan, yearEnd(2030)).map((f) => facilityPlace(f, regions));
    const candidates = [...points.keys()]
      .sort((a, b) => weights[b]! - weights[a]! || a - b)
      .slice(0, 40)
      .map((i) => points[i]!);
    const inst = geoInstance(points, weights, candidates, fixed, ctx.settings.travel, 40);
    for (const k of [3, 5]) {
      const r = pmedian(inst, k);
      const e = (await pmedianExact(inst, k))!;
      expect(r.lowerBound).toBe(r.objective); // proven optimal: no kick needed
      expect(r.objective).toBeCloseTo(e.objective, 0);
      expect([...r.sites].sort((a, b) => a - b)).toEqual(e.sites);
    }
  });
});

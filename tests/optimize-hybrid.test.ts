// The graph search (Resende & Werneck's hybrid on what a Lagrangian bound's reduced-cost fixing
// leaves) against exhaustive search and HiGHS; the fixing against every set; the swap pricing
// against the objective it predicts; and the quality each graph answer states.
import { describe, expect, it } from 'vitest';
import { pmedianExact } from '../src/analysis/optimize/exact.js';
import { relink } from '../src/analysis/optimize/hybrid.js';
import { matrixInstance, restrict } from '../src/analysis/optimize/instance.js';
import { proveOptimal, relaxation } from '../src/analysis/optimize/lower-bound.js';
import { pmedian, pmedianObjective, prepare } from '../src/analysis/optimize/pmedian.js';
import { qualityOf } from '../src/analysis/optimize/quality.js';
import { SwapSearch } from '../src/analysis/optimize/swap-search.js';
import { parseOrLib } from '../src/load/orlib.js';
import { cli } from './helpers.js';

const lcg = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function* subsets(m: number, k: number, from = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === k) yield chosen;
  else for (let j = from; j < m; j++) yield* subsets(m, k, j + 1, [...chosen, j]);
}

/** A pmed-like graph: a ring (so it is connected) plus random chords, whole-number costs 1–100. */
function graph(seed: number, n: number, edges: number, p: number) {
  const rnd = lcg(seed);
  const lines = Array.from({ length: n }, (_, i) => `${i + 1} ${((i + 1) % n) + 1} ${1 + Math.floor(rnd() * 100)}`);
  while (lines.length < edges)
    lines.push(`${1 + Math.floor(rnd() * n)} ${1 + Math.floor(rnd() * n)} ${1 + Math.floor(rnd() * 100)}`);
  return parseOrLib(`${n} ${lines.length} ${p}\n${lines.join('\n')}`, `graph-${seed}`);
}

/**
 * Two searches from the same start, step by step: the same best swap priced (now and then only
 * some swaps allowed, as path relinking asks), the same objective after it; then the same local
 * optimum from the start. Returns the swaps compared.
 */
function inStep(a: SwapSearch, b: SwapSearch, start: number[], m: number, rnd: () => number, steps: number): number {
  let done = 0;
  for (let step = 0; step < steps; step++) {
    const allowIn = step % 3 === 2 ? Uint8Array.from({ length: m }, () => (rnd() < 0.5 ? 1 : 0)) : undefined;
    a.price(-Infinity, allowIn);
    b.price(-Infinity, allowIn);
    expect([a.profit, a.jIn, a.slot]).toEqual([b.profit, b.jIn, b.slot]);
    if (a.jIn < 0) break;
    a.swap(a.jIn, a.slot);
    b.swap(b.jIn, b.slot);
    expect(a.objective()).toBe(b.objective());
    done++;
  }
  a.reset(start);
  a.descend();
  b.reset(start);
  b.descend();
  expect([...a.sites]).toEqual([...b.sites]);
  return done;
}

describe('p-median on graphs: hybrid search and Lagrangian bound', () => {
  it('reaches the HiGHS optimum on random pmed-like graphs, and "proven" only when HiGHS agrees', async () => {
    let proven = 0;
    for (const [seed, p] of [
      [1, 4],
      [2, 6],
      [3, 10],
      [4, 15],
      [5, 20],
      [6, 8],
    ] as const) {
      const g = graph(seed, 60, 120, p);
      const inst = matrixInstance(g.dist, g.n);
      const r = pmedian(inst, p);
      const e = (await pmedianExact(inst, p))!;
      // HiGHS reports whole numbers to ~1e-12.
      expect(r.objective).toBe(Math.round(e.objective));
      expect(r.objective).toBe(pmedianObjective(inst, r.sites));
      expect(r.lowerBound).toBeLessThanOrEqual(Math.round(e.objective));
      expect(Number.isInteger(r.lowerBound)).toBe(true); // whole-number costs: the bound rounds up
      if (r.lowerBound === r.objective) proven++;
      expect(pmedian(inst, p)).toEqual(r); // the same answer on every run
    }
    expect(proven).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('graphs in separate parts: every part gets a median, the HiGHS optimum is reached, "proven" only when it holds', async () => {
    const rnd = lcg(808);
    let proven = 0,
      runs = 0;
    for (let t = 0; t < 12; t++) {
      // 2–4 parts (rings with chords, an isolated vertex now and then), p from the parts up to n − 1.
      const parts = 2 + (t % 3);
      const sizes = Array.from({ length: parts }, (_, q) => (q === 1 && t % 4 === 0 ? 1 : 4 + Math.floor(rnd() * 10)));
      const lines: string[] = [];
      let first = 1;
      for (const size of sizes) {
        for (let v = 0; v < size && size > 1; v++)
          lines.push(`${first + v} ${first + ((v + 1) % size)} ${1 + Math.floor(rnd() * 30)}`);
        for (let c = 0; c < size / 2; c++)
          lines.push(
            `${first + Math.floor(rnd() * size)} ${first + Math.floor(rnd() * size)} ${Math.floor(rnd() * 30)}`,
          );
        first += size;
      }
      const n = first - 1;
      if (lines.length === 0) continue;
      for (const p of [parts, parts + 1, Math.min(n - 1, parts + 4)]) {
        const g = parseOrLib(`${n} ${lines.length} ${p}\n${lines.join('\n')}`, `parts-${t}`);
        const inst = matrixInstance(g.dist, g.n);
        expect(inst.parts!.count).toBe(parts);
        const r = pmedian(inst, p);
        const e = (await pmedianExact(inst, p))!;
        expect(r.objective).toBe(Math.round(e.objective));
        expect(pmedianObjective(inst, r.sites)).toBe(r.objective);
        // Every part holds a median.
        expect(new Set(r.sites.map((j) => inst.parts!.ofSite[j])).size).toBe(parts);
        expect(r.lowerBound).toBeLessThanOrEqual(r.objective);
        if (r.lowerBound === r.objective) proven++;
        runs++;
      }
    }
    expect(runs).toBeGreaterThanOrEqual(30);
    expect(proven).toBeGreaterThan(runs / 2);
  }, 120_000);

  it('reduced-cost fixing: every set cheaper than the incumbent avoids the excluded and holds the forced', () => {
    let excludedSeen = 0,
      forcedSeen = 0;
    for (const seed of [21, 22, 23, 24]) {
      const g = graph(seed, 16, 30, 4);
      const inst = matrixInstance(g.dist, g.n);
      const prep = prepare(inst, 4);
      const cost = (s: number[]) => pmedianObjective(inst, s, prep);
      let optimum = Infinity;
      for (const s of subsets(16, 4)) optimum = Math.min(optimum, cost(s));
      // An incumbent 3 % above the optimum: some sets beat it, and the fixing must spare them all.
      const start = [0, 1, 2, 3];
      for (const upper of [optimum + 1, Math.ceil(optimum * 1.03)]) {
        const proof = proveOptimal(prep, 16, start, upper, 1e7, { patience: 30 });
        expect(proof.lowerBound).toBeLessThanOrEqual(optimum);
        if (!proof.excluded || !proof.forced) continue;
        for (const s of subsets(16, 4)) {
          if (cost(s) >= upper) continue;
          for (const j of s) expect(proof.excluded[j]).toBe(0);
          for (let j = 0; j < 16; j++) if (proof.forced[j]) expect(s).toContain(j);
        }
        excludedSeen += proof.excluded.reduce((a, b) => a + b, 0);
        forcedSeen += proof.forced.reduce((a, b) => a + b, 0);
      }
    }
    expect(excludedSeen).toBeGreaterThan(0);
    expect(forcedSeen).toBeGreaterThan(0);
  });

  it('a proof stopped by its budget hands on its multipliers, and a second proof climbs on from them', () => {
    let higher = 0;
    for (const [seed, p] of [
      [71, 6],
      [72, 9],
      [73, 12],
    ] as const) {
      const g = graph(seed, 80, 160, p);
      const inst = matrixInstance(g.dist, g.n);
      const prep = prepare(inst, p);
      const start = [...Array(p).keys()];
      const upper = pmedianObjective(inst, start, prep);
      // Little work: the first proof stops short of the optimum, the second goes on from its multipliers.
      const first = proveOptimal(prep, inst.m, start, upper, 20_000, { patience: 30 });
      expect(first.optimal).toBe(false);
      expect(first.multipliers).toHaveLength(relaxation(prep, inst.m).cap.length);
      const second = proveOptimal(prep, inst.m, start, upper, 20_000, {
        patience: 30,
        multipliers: first.multipliers!,
      });
      expect(second.lowerBound).toBeGreaterThanOrEqual(first.lowerBound);
      if (second.optimal || second.lowerBound > first.lowerBound) higher++;
    }
    expect(higher).toBe(3);
  });

  it('a proof on a prepared instance proved on before (its relaxation built once) is the proof on a fresh one', () => {
    // Degenerate ones too: all costs equal, one site, every site but one.
    const equal = parseOrLib(
      `12 12 3\n${Array.from({ length: 12 }, (_, i) => `${i + 1} ${((i + 1) % 12) + 1} 7`).join('\n')}`,
      'equal',
    );
    for (const [g, k] of [
      [graph(91, 50, 100, 5), 5],
      [graph(92, 50, 100, 1), 1],
      [graph(93, 30, 60, 29), 29],
      [equal, 3],
    ] as const) {
      const inst = matrixInstance(g.dist, g.n);
      const start = [...Array(k).keys()];
      const used = prepare(inst, k);
      const upper = pmedianObjective(inst, start, used);
      proveOptimal(used, inst.m, start, upper, 5e4, { patience: 30 });
      const again = proveOptimal(used, inst.m, start, upper, 1e7, { patience: 30 });
      const fresh = proveOptimal(prepare(inst, k), inst.m, start, upper, 1e7, { patience: 30 });
      expect(again).toEqual(fresh);
    }
  });

  it('a restricted instance (some candidates left out, some open for good) prices every set as the full one', () => {
    const g = graph(31, 30, 60, 5);
    const inst = matrixInstance(g.dist, g.n);
    const keep = [1, 4, 5, 9, 12, 17, 20, 22, 28],
      open = [3, 14];
    const local = restrict(inst, keep, open);
    const rnd = lcg(5);
    for (let t = 0; t < 20; t++) {
      const pick = [...new Set(Array.from({ length: 3 }, () => Math.floor(rnd() * keep.length)))];
      expect(pmedianObjective(local, pick)).toBe(pmedianObjective(inst, [...open, ...pick.map((r) => keep[r]!)]));
    }
  });

  it('the swap pricing predicts the objective after the swap, and relinking walks between two solutions', () => {
    const g = graph(41, 60, 120, 6);
    const inst = matrixInstance(g.dist, g.n);
    const prep = prepare(inst, 6);
    const s = new SwapSearch(inst, prep, [0, 10, 20, 30, 40, 50]);
    for (let step = 0; step < 5; step++) {
      const before = s.objective();
      expect(before).toBe(pmedianObjective(inst, [...s.sites]));
      s.price(-Infinity);
      const { jIn, slot, profit } = s;
      s.swap(jIn, slot);
      expect(s.objective()).toBe(before - profit);
      expect(s.objective()).toBe(pmedianObjective(inst, [...s.sites]));
    }
    // Between two solutions 4 sites apart, the best solution on the way shares sites with both.
    const from = [0, 10, 20, 30, 40, 50],
      to = [0, 10, 5, 15, 25, 35];
    const via = relink(s, from, to)!;
    expect(via).toHaveLength(6);
    expect(via.filter((j) => from.includes(j)).length).toBeGreaterThan(2);
    expect(via.filter((j) => to.includes(j)).length).toBeGreaterThan(2);
  });

  it('the swap search keeps its sums swap by swap exactly as a pass from scratch prices them', () => {
    const rnd = lcg(77);
    let steps = 0;
    for (const [seed, n, p, zeros] of [
      [51, 40, 1, false],
      [52, 40, 2, true],
      [53, 60, 6, false],
      [54, 60, 20, true],
      [55, 30, 29, false],
    ] as const) {
      let g = graph(seed, n, 2 * n, p);
      if (zeros) {
        // Zero-cost edges: ties everywhere (equal nearest and second-nearest).
        const text = `${n} ${n} ${p}\n${Array.from({ length: n }, (_, i) => `${i + 1} ${((i + 1) % n) + 1} ${i % 3 ? 0 : 5}`).join('\n')}`;
        g = parseOrLib(text, 'zeros');
      }
      const full = matrixInstance(g.dist, g.n);
      // Also with candidates left out and two opened for good (fixed facilities, as after fixing).
      for (const inst of [
        full,
        restrict(
          full,
          [...Array(n).keys()].filter((j) => j % 4 !== 1),
          [1, 5],
        ),
      ]) {
        const k = Math.min(p, inst.m - 1);
        const prep = prepare(inst, k);
        expect(prep.exactSums).toBe(true);
        const start = [...Array(k).keys()].map((r) => (r * 7) % inst.m);
        if (new Set(start).size < k) continue;
        const kept = new SwapSearch(inst, prep, start, true),
          scratch = new SwapSearch(inst, prep, start, false);
        steps += inStep(kept, scratch, start, inst.m, rnd, 25);
      }
    }
    expect(steps).toBeGreaterThan(100);
    // Costs with fractions: sums are not exact, each pricing starts from scratch.
    const frac = parseOrLib('3 2 1\n1 2 0.5\n2 3 1.25', 'fractions');
    expect(prepare(matrixInstance(frac.dist, 3), 1).exactSums).toBe(false);
  });

  it('the two nearest open sites read on the lists are the ones the columns give, ties and all', () => {
    // Degenerate inputs first: every cost equal (ties everywhere), zero costs, one site, all but one
    // open, sites clustered so a point's sorted list head (32 entries) holds fewer than two open
    // sites (the columns decide), candidates left out and some open for good (fixed facilities).
    const text = (n: number, p: number, cost: (i: number) => number) =>
      `${n} ${n} ${p}\n${Array.from({ length: n }, (_, i) => `${i + 1} ${((i + 1) % n) + 1} ${cost(i)}`).join('\n')}`;
    const graphs = [
      parseOrLib(
        text(40, 3, () => 7),
        'equal',
      ),
      parseOrLib(
        text(40, 3, (i) => (i % 3 ? 0 : 5)),
        'zeros',
      ),
      graph(61, 60, 120, 6),
      graph(62, 90, 200, 4),
    ];
    const rnd = lcg(99);
    let steps = 0;
    for (const g of graphs) {
      const full = matrixInstance(g.dist, g.n);
      const reduced = restrict(
        full,
        [...Array(g.n).keys()].filter((j) => j % 5 !== 2),
        [2, 7],
      );
      for (const inst of [full, reduced])
        for (const k of [1, 2, g.p, 12, inst.m - 1]) {
          const prep = prepare(inst, k);
          expect(prep.complete).toBe(true);
          // Consecutive sites (clustered, far from half the ring) and spread ones.
          for (const start of [[...Array(k).keys()], [...Array(k).keys()].map((r) => Math.floor((r * inst.m) / k))]) {
            const byList = new SwapSearch(inst, prep, start, undefined, true),
              byColumns = new SwapSearch(inst, prep, start, undefined, false);
            steps += inStep(byList, byColumns, start, inst.m, rnd, 12);
            expect(byList.objective()).toBe(pmedianObjective(inst, [...byList.sites]));
          }
        }
    }
    expect(steps).toBeGreaterThan(200);
  });

  it('quality: proven when the answer meets the bound, else the gap to it, else no bound', () => {
    expect(qualityOf(5128, 5128, 'Lagrangian')).toEqual({
      status: 'proven optimal',
      bound: 5128,
      gap_percent: 0,
      method: 'Lagrangian',
    });
    expect(qualityOf(8579, 8543, 'Lagrangian')).toMatchObject({ status: 'bound and gap', gap_percent: 0.42 });
    expect(qualityOf(100, -Infinity, 'Lagrangian')).toEqual({ status: 'heuristic, no bound' });
  });

  it('dostplan optimize --graph states the quality, the model, the demand and the distance, in text and JSON', () => {
    const json = cli(['optimize', '--graph', 'tests/fixtures/tiny-pmed.txt', '--format', 'json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.quality).toMatchObject({ status: 'proven optimal', bound: 24 });
    expect(r.model).toMatch(/p-median/);
    expect(r.population).toMatch(/weight 1/);
    expect(r.travel).toMatch(/shortest paths/);
    const text = cli(['optimize', '--graph', 'tests/fixtures/tiny-pmed.txt']);
    expect(text.stdout).toMatch(/objective 24: proven optimal/);
    expect(text.stdout).toMatch(/distance: shortest paths/);
  });
});

describe('every optimize answer states its quality, model, population basis and travel model', () => {
  it('in text, JSON, CSV and GeoJSON; HiGHS (--exact) proves the covering answer', () => {
    const json = JSON.parse(cli(['optimize', '-k', '2', '--exact', '--format', 'json']).stdout);
    expect(json.quality).toMatchObject({ status: 'proven optimal', method: 'HiGHS MILP' });
    expect(json.problem.model).toMatch(/^maximal covering/);
    expect(json.problem.population).toMatch(/population basis: resident.*2030/);
    expect(json.problem.travel).toMatch(/circuity/);
    // Without --exact the covering search has no bound, and says so.
    const text = cli(['optimize', '-k', '2']).stdout;
    expect(text).toMatch(/Quality: heuristic, no bound\./);
    expect(text).toMatch(/Model: maximal covering.*; population basis: resident.*; travel: road/);
    const csv = cli(['optimize', '-k', '2', '--format', 'csv'])
      .stdout.split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(csv[0]).toBe('rank,near,region,lat,lon,marginal,after,quality,model,population,travel');
    expect(csv[1]).toMatch(/"heuristic, no bound",maximal covering/);
    const geo = JSON.parse(cli(['optimize', '-k', '2', '--format', 'geojson']).stdout);
    expect(geo.quality).toEqual({ status: 'heuristic, no bound' });
    expect(geo.problem.model).toMatch(/^maximal covering/);
  }, 180_000);
});

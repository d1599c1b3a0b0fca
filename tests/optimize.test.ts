import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mclpExact, pmedianExact } from '../src/analysis/optimize/exact.js';
import { matrixInstance } from '../src/analysis/optimize/instance.js';
import { coverGreedy, coverLocalSearch, coveredBy, type CoverInstance } from '../src/analysis/optimize/mclp.js';
import { pmedian, pmedianObjective } from '../src/analysis/optimize/pmedian.js';
import { rolloutOrder } from '../src/analysis/optimize/rollout-order.js';
import { resolveSettings } from '../src/analysis/network.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { parseOrLib } from '../src/load/orlib.js';
import { cli, FIXTURES, ROOT } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

describe('maximal covering', () => {
  // The classic greedy trap, k = 2: X covers a,b,c,d (4 people); Y covers a,b,e and Z covers c,d,f
  // with e and f 1.5 people each. Greedy takes X then Y (5.5); the optimum is Y + Z = 7.
  const inst: CoverInstance = {
    w: Float64Array.from([1, 1, 1, 1, 1.5, 1.5]), // a b c d e f
    cover: [Int32Array.from([0, 1, 2, 3]), Int32Array.from([0, 1, 4]), Int32Array.from([2, 3, 5])],
    covered: new Uint8Array(6),
  };
  it('greedy takes X first: 5.5', () => {
    const g = coverGreedy(inst, 2);
    expect(g.sites[0]).toBe(0);
    expect(g.marginal).toEqual([4, 1.5]);
    expect(coveredBy(inst, g.sites)).toBe(5.5);
  });
  it('vertex substitution swaps X out: 7, the optimum', () => {
    const ls = coverLocalSearch(inst, coverGreedy(inst, 2).sites);
    expect(coveredBy(inst, ls.sites)).toBe(7);
    expect([...ls.sites].sort()).toEqual([1, 2]);
  });
  it('HiGHS confirms the optimum', async () => {
    expect(await mclpExact(inst, 2)).toEqual({ sites: [1, 2], covered: 7 });
  });
  it('people already covered by the plan count once', () => {
    const withFixed = { ...inst, covered: Uint8Array.from([1, 1, 0, 0, 0, 0]) };
    expect(coverGreedy(withFixed, 1).sites).toEqual([2]); // Z adds c, d, f = 3.5; X adds only c, d
  });
});

describe('p-median', () => {
  it('greedy + interchange matches brute force on random small instances', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 20; t++) {
      const n = 12,
        k = 3;
      const xy = Array.from({ length: n }, () => [rnd() * 100, rnd() * 100] as const);
      const d = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) d[i * n + j] = Math.round(Math.hypot(xy[i]![0] - xy[j]![0], xy[i]![1] - xy[j]![1]));
      const inst = matrixInstance(d, n);
      let best = Infinity;
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++)
          for (let c = b + 1; c < n; c++) best = Math.min(best, pmedianObjective(inst, [a, b, c]));
      const r = pmedian(inst, k);
      expect(r.objective).toBeLessThanOrEqual(best * 1.02); // within 2 %, and usually optimal
      expect(r.objective).toBeLessThanOrEqual(r.greedyObjective);
    }
  });
  it('reads OR-Library graphs: shortest paths, a repeated edge keeps its last cost', async () => {
    const g = parseOrLib(readFileSync(join(FIXTURES, 'tiny-pmed.txt'), 'utf8'), 'tiny');
    expect(g).toMatchObject({ n: 5, p: 2 });
    expect(g.dist[0 * 5 + 1]).toBe(4); // 1–2 given twice: 10, then 4
    expect(g.dist[0 * 5 + 4]).toBe(34); // 1→2→3→4→5 = 4+10+10+10 beats the direct 100
    // Path 1-2-3-4-5 with lengths 4,10,10,10: medians {2,4} give 4+0+10+0+10 = 24.
    const r = pmedian(matrixInstance(g.dist, g.n), 2);
    expect(r.objective).toBe(24);
    expect((await pmedianExact(matrixInstance(g.dist, g.n), 2))!.objective).toBe(24);
  });
  it("solves exactly with the plan's facilities fixed: people may stay with the facility they have", async () => {
    // Places on a line at 0, 10 and 20 km with 10, 1 and 5 people; the plan's facility stands at 0.
    // One new site at 10 km leaves 5 people 10 km away (50); at 20 km only 1 person is 10 km away (10).
    const D = [
      [10, 20],
      [0, 10],
      [10, 0],
    ];
    const inst = {
      w: Float64Array.from([10, 1, 5]),
      m: 2,
      dist: (i: number, j: number) => D[i]![j]!,
      fixed: Float64Array.from([0, 10, 20]),
      reverse: [0, 1].map((j) => ({
        points: Int32Array.from([0, 1, 2]),
        d: Float64Array.from(D.map((row) => row[j]!)),
      })),
      horizon: Float64Array.from([20, 10, 10]),
      nearest: Float64Array.from([10, 0, 0]),
      complete: true,
    };
    expect(pmedian(inst, 1)).toMatchObject({ sites: [1], objective: 10 });
    expect(await pmedianExact(inst, 1)).toEqual({ sites: [1], objective: 10 });
    // Without every pair listed the MILP would not be exact, so it is not attempted.
    expect(await pmedianExact({ ...inst, complete: false }, 1)).toBeUndefined();
  });
  it('dostplan optimize --graph solves a pmed file and compares with the exact solver', () => {
    const r = cli(['optimize', '--graph', 'tests/fixtures/tiny-pmed.txt', '--exact', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ n: 5, p: 2, objective: 24, exact: 24 });
  });
});

describe('dostplan optimize on a plan', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dostplan-opt-'));
  it('suggests sites as a scenario over the plan that passes validate --strict (the README CI gate)', () => {
    copyFileSync(join(FIXTURES, 'valid', 'small.yaml'), join(tmp, 'small.yaml'));
    const f = join(tmp, 'with-suggestions.yaml');
    const r = cli(['optimize', join(tmp, 'small.yaml'), '--sites', '2', '--format', 'yaml', '--out', f]);
    expect(r.code).toBe(0);
    const scenario = readFileSync(f, 'utf8');
    expect(scenario).toMatch(/^extends: "small.yaml"$/m);
    expect(scenario).toMatch(/^ {2}- id: NEW-C1$/m);
    const v = cli(['validate', f, '--strict', '--format', 'json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ errors: 0, warnings: 0 });
    expect(v.code).toBe(0);
    expect(cli(['coverage', f, '--year', '2026', '--kind', 'center', '-f', 'json']).code).toBe(0);
  });
  it('with --exact, HiGHS solves the same instance and the heuristic gap is reported (0 here)', () => {
    const j = JSON.parse(
      cli([
        'optimize',
        'tests/fixtures/valid/small.yaml',
        '--candidates',
        'tests/fixtures/candidates.csv',
        '--sites',
        '3',
        '--exact',
        '-f',
        'json',
      ]).stdout,
    );
    expect(j.candidates).toBe(30);
    expect(j.exact.value).toBe(j.heuristic.local_search);
    expect(j.exact.gap_percent).toBe(0);
  });
  it('reports coverage before and after, rising with every site', () => {
    const j = JSON.parse(cli(['optimize', '--sites', '3', '--format', 'json']).stdout);
    expect(j.after).toBeGreaterThan(j.before);
    expect(j.sites.map((s: { after: number }) => s.after)).toEqual(
      [...j.sites.map((s: { after: number }) => s.after)].sort((a, b) => a - b),
    );
    expect(j.sites[0].marginal).toBeGreaterThanOrEqual(j.sites[2].marginal);
  });
  it('rollout order keeps the budget, opens a branch only after its center, and beats the plan order', () => {
    const { regions, points } = embedded();
    const plan = loadPlan(run, join(ROOT, 'plans', 'dost.yaml')).plan!;
    const r = rolloutOrder(plan, { points, scaled: true }, regions, resolveSettings(plan), 2025, 4);
    const openedYear = new Map<string, number>();
    for (const s of r.optimized.steps) {
      expect(s.open.length).toBeLessThanOrEqual(4);
      s.open.forEach((id) => openedYear.set(id, s.year));
    }
    for (const b of plan.branches) {
      const y = openedYear.get(b.id);
      const parent = openedYear.get(b.center);
      if (y !== undefined && parent !== undefined) expect(parent).toBeLessThanOrEqual(y);
    }
    expect(r.optimized.population_years).toBeGreaterThanOrEqual(r.plan.population_years);
  });
});

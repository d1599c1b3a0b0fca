/**
 * Two of Beasley's OR-Library p-median instances, committed (bench/orlib/README.md names their
 * source): the whole CLI reaches the published optimum (pmed1 5819, pmed5 1355) and proves it,
 * and the objective of the sites it prints is evaluated here independently, by Floyd–Warshall over
 * the file as the OR-Library notes read it (an edge listed twice keeps its last cost).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

/** The sum over vertices of the shortest-path distance to the nearest of `sites` (1-based). */
function objective(text: string, sites: number[]): number {
  const [n, m] = text.trim().split(/\s+/).map(Number) as [number, number];
  const nums = text.trim().split(/\s+/).slice(3).map(Number);
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (let e = 0; e < m; e++) {
    const [i, j, c] = [nums[3 * e]! - 1, nums[3 * e + 1]! - 1, nums[3 * e + 2]!];
    d[i]![j] = c;
    d[j]![i] = c;
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
  let sum = 0;
  for (let v = 0; v < n; v++) sum += Math.min(...sites.map((s) => d[v]![s - 1]!));
  return sum;
}

describe('OR-Library instances through the whole CLI', () => {
  for (const [name, p, optimum] of [
    ['pmed1', 5, 5819],
    ['pmed5', 33, 1355],
  ] as const)
    it(`${name}: the published optimum ${optimum}, proven, and the sites are worth it`, () => {
      const file = join('bench', 'orlib', `${name}.txt`);
      const r = cli(['optimize', '--graph', file, '--format', 'json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.objective).toBe(optimum);
      expect(out.quality.status).toBe('proven optimal');
      expect(out.sites).toHaveLength(p);
      expect(new Set(out.sites).size).toBe(p);
      expect(objective(readFileSync(join(ROOT, file), 'utf8'), out.sites)).toBe(optimum);
      expect(cli(['optimize', '--graph', file, '--format', 'json']).stdout).toBe(r.stdout);
    });
});

describe('optimize refuses what it would otherwise ignore', () => {
  const pmed1 = join('bench', 'orlib', 'pmed1.txt');
  for (const extra of [['plans/dost.yaml'], ['--population', 'x.csv'], ['--within-km', '10'], ['--year', '2030']])
    it(`--graph with ${extra[0]}: exit 2, the flag named`, () => {
      const r = cli(['optimize', '--graph', pmed1, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--graph solves its graph file on its own: leave out ${extra[0]}`);
      expect(r.stdout).toBe('');
    });

  it('--exact with the rollout order by count, or with the capacity model: exit 2 (no exact solver there)', () => {
    const order = cli(['optimize', '--model', 'order', '--exact']);
    expect(order.code).toBe(2);
    expect(order.stderr).toContain('--exact works with --budget-azn-per-year');
    const capacity = cli(['optimize', '--model', 'capacity', '--exact']);
    expect(capacity.code).toBe(2);
    expect(capacity.stderr).toContain('--exact works with --model mclp, pmedian or setcover');
    const az = cli(['optimize', '--graph', pmed1, '--year', '2030', '--lang', 'az']);
    expect(az.stderr).toContain('--graph yalnız öz qraf faylını həll edir: --year göstərilməməlidir');
  });
});

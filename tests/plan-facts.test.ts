/**
 * plans/dost.yaml and plans/announced.yaml against the facts and rules their notes state
 * (docs/dost-facts.md §6).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/load/plan-loader.js';
import { RunContext } from '../src/run/run-context.js';
import { cli, ROOT } from './helpers.js';

const plan = loadPlan(new RunContext(), join(ROOT, 'plans', 'dost.yaml')).plan!;
const year = (d: string | number | Date) => Number(String(d instanceof Date ? d.toISOString() : d).slice(0, 4));

describe('plans/dost.yaml', () => {
  it("a branch whose note says 'parent center's year + 1' opens that year", () => {
    const opens = new Map(plan.centers.map((c) => [c.id, year(c.opens)]));
    const ruled = plan.branches.filter((b) => /parent center's year \+ 1/.test(b.source ?? ''));
    expect(ruled.length).toBeGreaterThan(30);
    for (const b of ruled) expect(year(b.opens), b.id).toBe(opens.get(b.center)! + 1);
  });

  it('B-AGC opens in 2026: its parent opened in 2023, and January 2026 had two branches only', () => {
    const b = plan.branches.find((x) => x.id === 'B-AGC')!;
    expect(year(b.opens)).toBe(2026);
    expect(b.source).toContain('report.az 2026-01-22');
    // January 2026 had two branches (Shusha, Tartar): no other branch of the 47 opens before 2026.
    const before2026 = plan.branches.filter((x) => x.id.startsWith('B-') && year(x.opens) < 2026);
    expect(before2026.map((x) => x.id)).toEqual([]);
  });

  it('every one of the 17 centers carries the year it was announced for', () => {
    expect(plan.centers).toHaveLength(17);
    for (const c of plan.centers) {
      const a = c.announced ?? (c.status === 'open' ? c.opens : undefined);
      expect(a, c.id).toBeDefined();
    }
  });

  it('the announced schedule reaches all 17 centers by 2025, with and without announced.yaml', () => {
    const compare = cli(['timeline', '--compare', 'announced']);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toContain('17 centers with 47 branches by 2025: centers 17/17');
    const scenario = cli(['timeline', 'plans/announced.yaml']);
    expect(scenario.stdout).toMatch(/MET +by 2025-12-31 — 17 centers with 47 branches by 2025: centers 17\/17/);
  }, 30_000);
});

describe("the seed article's Baku and Absheron figures (docs/dost-facts.md §0)", () => {
  it('2021: the four Baku centers serve about 80 % of Baku, the Absheron center all of Absheron', () => {
    const r = cli(['coverage', '--year', '2021', '--by', 'region', '--covered-by', 'both', '--format', 'json']);
    const groups = JSON.parse(r.stdout).groups as {
      id: string;
      assignment: { percent: number };
      distance: { percent: number };
    }[];
    const g = (id: string) => groups.find((x) => x.id === id)!;
    // Khatai and Garadagh (17.4 % of Baku) wait for Center No. 5 (Dec 2022).
    expect(g('AZ-BA').assignment.percent).toBe(82.62);
    expect(g('AZ-ABS').assignment.percent).toBe(100);
    // By distance, Absheron's settlements are within 30 road km of Khirdalan; its western desert is not.
    expect(g('AZ-ABS').distance.percent).toBeGreaterThan(80);
  }, 30_000);
});

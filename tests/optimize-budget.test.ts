import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  budgetBound,
  budgetGreedy,
  budgetLocalSearch,
  budgetValue,
  type BudgetInstance,
} from '../src/analysis/optimize/budget-cover.js';
import { budgetExact, mergeAlike, solveBudget } from '../src/analysis/optimize/budget-exact.js';
import { coverGreedy, coverLocalSearch } from '../src/analysis/optimize/mclp.js';
import {
  decode,
  feasible,
  moneyOrderExact,
  solveMoneyOrder,
  type MoneyOrderInstance,
} from '../src/analysis/optimize/money-order.js';
import { cli, FIXTURES, ROOT } from './helpers.js';

/**
 * Hand-worked: four places P0..P3 with 1000, 600, 500 and 400 people; s0..s3 cover one place each
 * (costs 10, 3, 3, 4 million manat), s4 covers P1 and P2 (7 million). With 10 million: s1+s2+s3
 * cover 1500 for exactly 10 million; s0 alone covers 1000, s4+s1 1100, s4 alone 1100. By count
 * the best single site is s4 (1100) and the best three s0+s4+s3 (2500, for 21 million).
 */
const B = join(FIXTURES, 'budget');

const hand: BudgetInstance = {
  w: Float64Array.from([1000, 600, 500, 400]),
  cover: [[0], [1], [2], [3], [1, 2]].map((l) => Int32Array.from(l)),
  covered: new Uint8Array(4),
  cost: Float64Array.from([10, 3, 3, 4, 7].map((m) => m * 1e6)),
  budget: 10e6,
};

describe('maximal covering under a money budget', () => {
  it('the hand-worked optimum: s1+s2+s3, 1500 people for 10 million', async () => {
    expect(budgetValue(hand, [1, 2, 3])).toBe(1500);
    expect(budgetGreedy(hand)).toEqual([1, 2, 3]);
    const exact = await budgetExact(hand);
    expect(exact).toMatchObject({ sites: [1, 2, 3], value: 1500, status: 'optimal' });
    const answer = await solveBudget(hand);
    expect(answer.sites).toEqual([1, 2, 3]);
    expect(answer.quality.status).toBe('proven optimal');
  });
  it('differs from the best by count: one site is s4, three are s0+s4+s3', () => {
    expect(coverGreedy(hand, 1).sites).toEqual([4]);
    expect(coverLocalSearch(hand, coverGreedy(hand, 3).sites).sites.sort()).toEqual([0, 3, 4]);
  });
  it('people the plan covers already count once', async () => {
    // With P1 and P2 covered, s0 (1000 people) beats s3 + s1 + s2 (400 new people).
    const withFixed = { ...hand, covered: Uint8Array.from([0, 1, 1, 0]) };
    expect((await solveBudget(withFixed)).sites).toEqual([0]);
    expect(budgetValue(withFixed, [0])).toBe(2100);
  });
  it('greedy by ratio alone is a trap; the best single affordable site repairs it', () => {
    // a: 11 people for 1 manat (ratio 11); b: 100 people for 10 (ratio 10). Budget 10.
    const trap: BudgetInstance = {
      w: Float64Array.from([11, 100]),
      cover: [Int32Array.from([0]), Int32Array.from([1])],
      covered: new Uint8Array(2),
      cost: Float64Array.from([1, 10]),
      budget: 10,
    };
    expect(budgetGreedy(trap)).toEqual([1]);
  });
  it('drop and refill: one dear site traded for two cheaper ones', () => {
    // Start from x (cost 10, 100 people); y and z (cost 5 each) cover 60 + 60 others.
    const inst: BudgetInstance = {
      w: Float64Array.from([100, 60, 60]),
      cover: [[0], [1], [2]].map((l) => Int32Array.from(l)),
      covered: new Uint8Array(3),
      cost: Float64Array.from([10, 5, 5]),
      budget: 10,
    };
    const r = budgetLocalSearch(inst, [0]);
    expect(r.sites).toEqual([1, 2]);
    expect(budgetValue(inst, r.sites)).toBe(120);
  });
  it('nothing affordable: no sites, the plan coverage stays', async () => {
    const poor = { ...hand, budget: 1e6 };
    const r = await solveBudget(poor);
    expect(r.sites).toEqual([]);
    expect(r.value).toBe(0);
    expect(r.quality.status).toBe('proven optimal');
  });
  it('HiGHS, brute force, heuristic and the Lagrangian bound agree on random small instances', async () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let heuristicOptimal = 0;
    const trials = 30;
    for (let t = 0; t < trials; t++) {
      const n = 14,
        m = 9;
      const w = Float64Array.from({ length: n }, () => Math.round(1 + rnd() * 99));
      const cover = Array.from({ length: m }, () => Int32Array.from([...Array(n).keys()].filter(() => rnd() < 0.25)));
      const cost = Float64Array.from({ length: m }, () => Math.round(1 + rnd() * 9));
      const inst: BudgetInstance = {
        w,
        cover,
        covered: Uint8Array.from({ length: n }, () => (rnd() < 0.15 ? 1 : 0)),
        cost,
        budget: Math.round(5 + rnd() * 15),
      };
      let best = -1;
      for (let mask = 0; mask < 1 << m; mask++) {
        const sites = [...Array(m).keys()].filter((j) => mask & (1 << j));
        if (sites.reduce((a, j) => a + cost[j]!, 0) <= inst.budget) best = Math.max(best, budgetValue(inst, sites));
      }
      const exact = await budgetExact(inst);
      expect(exact!.value).toBe(best);
      const heuristic = budgetValue(inst, budgetLocalSearch(inst, budgetGreedy(inst)).sites);
      expect(heuristic).toBeLessThanOrEqual(best);
      expect(budgetBound(inst, heuristic)).toBeGreaterThanOrEqual(best - 1e-6);
      if (heuristic === best) heuristicOptimal++;
      const answer = await solveBudget(inst);
      expect(answer.value).toBe(best);
      expect(answer.sites.reduce((a, j) => a + cost[j]!, 0)).toBeLessThanOrEqual(inst.budget);
    }
    // The heuristic alone finds the optimum on most; the rest are within its bound.
    expect(heuristicOptimal).toBeGreaterThanOrEqual(trials * 0.8);
  });
  it('the bound proves the heuristic on a larger instance, or states the gap', async () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const n = 600,
      m = 200;
    const xy = Array.from({ length: n }, () => [rnd() * 300, rnd() * 200] as const);
    const w = Float64Array.from({ length: n }, () => Math.round(rnd() ** 3 * 20000));
    const cover = Array.from({ length: m }, () => {
      const c = xy[Math.floor(rnd() * n)]!;
      return Int32Array.from([...xy.keys()].filter((i) => Math.hypot(xy[i]![0] - c[0], xy[i]![1] - c[1]) < 25));
    });
    const inst: BudgetInstance = {
      w,
      cover,
      covered: new Uint8Array(n),
      cost: Float64Array.from({ length: m }, () => Math.round(10 + rnd() * 70) * 1e5),
      budget: 3e7,
    };
    const heuristic = await solveBudget(inst, 0); // no HiGHS: the heuristic and its bound alone
    const exact = await budgetExact(inst);
    expect(exact!.status).toBe('optimal');
    expect(heuristic.value).toBeLessThanOrEqual(exact!.value);
    expect(heuristic.quality.bound!).toBeGreaterThanOrEqual(exact!.value - 1e-6);
    // Within a percent, and the stated gap is the true distance to the bound.
    expect(heuristic.value).toBeGreaterThanOrEqual(exact!.value * 0.99);
    if (heuristic.quality.status === 'bound and gap')
      expect(heuristic.quality.gap_percent).toBeCloseTo(
        ((heuristic.quality.bound! - heuristic.value) / heuristic.quality.bound!) * 100,
        2,
      );
  });
});

/**
 * Runs optimize --format yaml on a copy of a fixture plan (the scenario names it from its own
 * folder) and returns the scenario's text and validate --strict's exit code.
 */
function scenario(planFile: string, ...args: string[]): { code: number | null; yaml: string; strict: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'dostplan-budget-'));
  writeFileSync(join(dir, planFile), readFileSync(join(B, planFile)));
  const out = join(dir, 'scenario.yaml');
  const base = ['optimize', join(dir, planFile), '--population', join(B, 'population.csv')];
  const r = cli([...base, ...args, '--format', 'yaml', '--out', out]);
  if (r.code !== 0) return { code: r.code, yaml: '', strict: null };
  return { code: r.code, yaml: readFileSync(out, 'utf8'), strict: cli(['validate', '--strict', out]).code };
}

/** optimize on the fixture's plan and people, with these candidates. */
const withSites = (candidates: string, ...args: string[]) =>
  cli([
    'optimize',
    join(B, 'plan.yaml'),
    '--population',
    join(B, 'population.csv'),
    '--candidates',
    candidates,
    ...args,
  ]);
const run = (...args: string[]) => withSites(join(B, 'candidates.csv'), ...args);

describe('optimize --budget-azn (hand-worked fixture)', () => {
  it('JSON: s1, s2, s3 for 10 million manat, 60% covered, proven optimal', () => {
    const r = run('--budget-azn', '10000000', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.sites.map((s: { name: string }) => s.name)).toEqual(['s1 at P1', 's2 at P2', 's3 at P3']);
    expect(j.sites.map((s: { cost_azn: number }) => s.cost_azn)).toEqual([3e6, 3e6, 4e6]);
    expect(j.after).toBe(60);
    expect(j.budget).toMatchObject({ budget_azn: 1e7, years: 0, spent_azn: 1e7 });
    expect(j.quality.status).toBe('proven optimal');
    expect(j.problem.model).toContain('budget');
  });
  it('five years of running costs change the answer: s4 alone, 7.5 million', () => {
    const j = JSON.parse(run('--budget-azn', '10000000', '--budget-years', '5', '--format', 'json').stdout);
    expect(j.sites.map((s: { name: string }) => s.name)).toEqual(['s4 between P1 and P2']);
    expect(j.budget).toMatchObject({ years: 5, spent_azn: 7.5e6 });
    expect(j.after).toBe(44);
  });
  it('every format states the budget and the quality', () => {
    const text = run('--budget-azn', '10000000').stdout;
    expect(text).toContain('Budget: 10,000,000 AZN, counting build cost only');
    expect(text).toContain('Quality: proven optimal');
    expect(run('--budget-azn', '10000000', '--format', 'md').stdout).toContain('| cost AZN |');
    const csv = run('--budget-azn', '10000000', '--format', 'csv').stdout;
    expect(csv).toContain('cost_azn,budget_azn,cost_counted,quality');
    expect(csv).toContain('3000000,10000000,build cost only (running costs not counted),proven optimal');
  });
  it('the scenario carries the costs and passes validate --strict', () => {
    const r = scenario('plan.yaml', '--candidates', join(B, 'candidates.csv'), '--budget-azn', '10000000');
    expect(r.code).toBe(0);
    expect(r.yaml).toContain('build_cost: 4000000');
    expect(r.yaml).toContain('cost_source: "assumption: fixture"');
    expect(r.strict).toBe(0);
  });
  it('byte-identical on a second run', () => {
    expect(run('--budget-azn', '10000000', '--format', 'json').stdout).toBe(
      run('--budget-azn', '10000000', '--format', 'json').stdout,
    );
  });
});

describe('bad costs are refused where they are', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dostplan-costs-'));
  const withCosts = (name: string, cell: string) => {
    const f = join(dir, name);
    writeFileSync(f, `lat,lon,name,build_cost\n39.90,47.1262,a,1000\n40.20,47.1262,b,${cell}\n`);
    return withSites(f, '--budget-azn', '5000');
  };
  it.each([
    ['negative', '-5'],
    ['infinite', 'Infinity'],
    ['not a number', 'NaN'],
    ['text', 'cheap'],
    ['beyond a trillion', '2e12'],
  ])('%s', (_, cell) => {
    const r = withCosts(`${cell}.csv`, cell);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${cell}.csv:3:17: build_cost must be an amount in manat`);
    expect(r.stderr).not.toContain('    at ');
  });
  it('a thousands-or-decimal amount is refused with what to write', () => {
    const r = withCosts('ambiguous.csv', '"1,500"');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ambiguous.csv:3:17: build_cost: one separator before three digits');
  });
  it('a candidate without a cost under --budget-azn names its empty cell', () => {
    const r = withCosts('missing.csv', '');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing.csv:3:17: b has no build_cost');
  });
  it('--budget-years needs yearly costs, and at most 100 years', () => {
    const r = withCosts('no-yearly.csv', '2000');
    expect(r.code).toBe(0);
    const f = join(dir, 'no-yearly.csv');
    const y = cli([
      'optimize',
      join(B, 'plan.yaml'),
      '--population',
      join(B, 'population.csv'),
      '--candidates',
      f,
      '--budget-azn',
      '5000',
      '--budget-years',
      '5',
    ]);
    expect(y.code).toBe(1);
    expect(y.stderr).toContain('no-yearly.csv:2:1: a has no yearly_cost; --budget-years 5 counts running costs');
    expect(run('--budget-azn', '1e7', '--budget-years', '101').code).toBe(2);
  });
  it('--budget-azn with another model is a usage error', () => {
    const r = run('--budget-azn', '10000000', '--model', 'pmedian');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--budget-azn works with --model mclp');
  });
  it('a plan with a negative or infinite build_cost fails validate at its line and column', () => {
    const plan = readFileSync(join(B, 'plan.yaml'), 'utf8');
    for (const [value, code] of [
      ['-1', 'out-of-range'],
      ['.inf', 'wrong-type'],
    ] as const) {
      const f = join(dir, `plan-${code}.yaml`);
      writeFileSync(f, plan.replace('    serves: [AZ-BA]', `    serves: [AZ-BA]\n    build_cost: ${value}`));
      const r = cli(['validate', f]);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(new RegExp(`plan-${code}.yaml:16:17.*build_cost`));
    }
  });
});

/**
 * Money order, hand-worked: facilities A..D over the places above (1000, 600, 500, 400 people),
 * costing 10, 3, 3 and 4 million; 3 years; 5 million a year.
 */
const order = (carryOver: boolean, wA = 1000): MoneyOrderInstance => ({
  w: Float64Array.from([wA, 600, 500, 400]),
  cover: [[0], [1], [2], [3]].map((l) => Int32Array.from(l)),
  covered: new Uint8Array(4),
  cost: Float64Array.from([10, 3, 3, 4].map((m) => m * 1e6)),
  parent: Int32Array.from([-1, -1, -1, -1]),
  years: 3,
  perYear: 5e6,
  carryOver,
});

describe('opening order under a money budget per year', () => {
  it('with carry-over: B in year 1, C and D in year 2 (7 million of the 10 saved); A never: 3600 people-years', async () => {
    const r = await solveMoneyOrder(order(true));
    expect([...r.year]).toEqual([0, 1, 2, 2]);
    expect(r.value).toBe(600 + 1500 + 1500);
    expect(r.quality.status).toBe('proven optimal');
    expect(feasible(order(true), r.year)).toBe(true);
  });
  it('without carry-over: one a year, B, C, D: 3200 people-years', async () => {
    const r = await solveMoneyOrder(order(false));
    expect([...r.year]).toEqual([0, 1, 2, 3]);
    expect(r.value).toBe(600 + 1100 + 1500);
    // C, D in year 2 would spend 7 million of a 5 million year.
    expect(feasible(order(false), [0, 1, 2, 2])).toBe(false);
  });
  it('saving up pays: with 2100 people at A, nothing in year 1, A in year 2, B in year 3: 4800', async () => {
    const inst = order(true, 2100);
    const r = await solveMoneyOrder(inst);
    expect([...r.year]).toEqual([2, 3, 0, 0]);
    expect(r.value).toBe(2100 + 2700);
    // Greedy by people per manat buys B first and never affords A.
    expect(r.greedy).toBeLessThan(4800);
    const exact = await moneyOrderExact(inst);
    expect(exact).toMatchObject({ value: 4800, status: 'optimal' });
  });
  it('points reached by the same sites merge into one MILP variable with their people summed', () => {
    const by = new Map([
      [0, [1, 2]],
      [3, [2]],
      [5, [1, 2]],
    ]);
    const g = mergeAlike(by, Float64Array.from([10, 0, 0, 7, 0, 5]));
    expect([...g.by]).toEqual([
      [0, [1, 2]],
      [3, [2]],
    ]);
    expect([g.w[0], g.w[3]]).toEqual([15, 7]);
  });
  it('a branch never opens before its center', async () => {
    // D (400 people, 4 million) is a branch of A (10 million): it waits for A.
    const inst = { ...order(true, 2100), parent: Int32Array.from([-1, -1, -1, 0]) };
    const r = await solveMoneyOrder(inst);
    expect(feasible(inst, r.year)).toBe(true);
    expect(r.year[3] === 0 || r.year[3]! >= r.year[0]!).toBe(true);
    expect(decode(inst, [3, 0, 1, 2])[3]).toBe(0); // strict list order: D first blocks the list until A opens
  });
  // Random small instances, with and without running costs: tests/optimize-order-money.test.ts.
});

describe('optimize --model order --budget-azn-per-year (hand-worked fixture)', () => {
  const orderCli = (...args: string[]) =>
    cli([
      'optimize',
      join(B, 'order-plan.yaml'),
      '--population',
      join(B, 'population.csv'),
      '--model',
      'order',
      ...args,
    ]);
  // The fixture has build costs only: the budget pays for building (--budget-covers build).
  const orderRun = (...args: string[]) =>
    orderCli('--budget-azn-per-year', '5000000', '--budget-covers', 'build', ...args);
  it('JSON: B in 2025, C and D in 2026, A left out; 3600 vs 2600 people-years in the plan order', () => {
    const r = orderRun('--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.optimized.steps.map((s: { open: string[] }) => s.open)).toEqual([['B'], ['C', 'D'], []]);
    expect(j.optimized.population_years).toBe(3600);
    expect(j.plan.steps.map((s: { open: string[] }) => s.open)).toEqual([[], ['A'], ['B']]);
    expect(j.plan.population_years).toBe(2600);
    expect(j.unscheduled).toEqual(['A']);
    expect(j.money.spent.map((s: { optimized_azn: number }) => s.optimized_azn)).toEqual([3e6, 7e6, 0]);
    expect(j.quality.status).toBe('proven optimal');
    expect(j.problem.model).toContain('money budget');
    expect(j.money.rule).toContain('carries over');
  });
  it('--no-carry-over: B, C, D one a year, 3200', () => {
    const j = JSON.parse(orderRun('--no-carry-over', '--format', 'json').stdout);
    expect(j.optimized.steps.map((s: { open: string[] }) => s.open)).toEqual([['B'], ['C'], ['D']]);
    expect(j.optimized.population_years).toBe(3200);
    expect(j.money.rule).toContain('no carry-over');
  });
  it('text and Markdown state the rule, the spending and the quality', () => {
    const text = orderRun().stdout;
    expect(text).toContain('a build budget of 5,000,000 AZN a year from 2025');
    expect(text).toContain('Quality: proven optimal');
    expect(text).toContain('spent AZN');
    expect(orderRun('--format', 'md').stdout).toContain('| spent AZN |');
    const csv = orderRun('--format', 'csv').stdout;
    expect(csv).toContain(
      'optimized_spent_azn,plan_spent_azn,budget_azn_per_year,carry_over,budget_covers,quality,model',
    );
    expect(csv).toMatch(/\n2026,C D,1500,60,A,1000,40,7000000,10000000,5000000,money not spent .*,proven optimal/);
  });
  it('the scenario it writes passes validate --strict', () => {
    const r = scenario(
      'order-plan.yaml',
      '--model',
      'order',
      '--budget-azn-per-year',
      '5000000',
      '--budget-covers',
      'build',
    );
    expect(r.code).toBe(0);
    expect(r.yaml).toContain('- { id: B, opens: 2025 }');
    expect(r.yaml).toContain('- { id: D, opens: 2026 }');
    expect(r.yaml).toMatch(/remove:.*\n {2}- A/);
    expect(r.strict).toBe(0);
  });
  it('the count budget states its quality too: 1 a year, A, B, C, 4700 people-years, proven by the bound', () => {
    const r = orderCli('--budget', '1', '--format', 'json');
    const j = JSON.parse(r.stdout);
    expect(j.optimized.steps.map((s: { open: string[] }) => s.open)).toEqual([['A'], ['B'], ['C']]);
    expect(j.optimized.population_years).toBe(1000 + 1600 + 2100);
    expect(j.quality.status).toBe('proven optimal');
    expect(j.problem.model).toContain('1 opening a year');
  });
  it('a facility without build_cost is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-order-'));
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(join(B, 'order-plan.yaml'), 'utf8').replace('    build_cost: 4000000\n', ''));
    const r = cli([
      'optimize',
      plan,
      '--population',
      join(B, 'population.csv'),
      '--model',
      'order',
      '--budget-azn-per-year',
      '5e6',
      '--budget-covers',
      'build',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('D has no build_cost');
  });
});

describe("the guide's budget examples stay true", () => {
  const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## Budgets in manat'), guide.indexOf('## DOST and ASAN side by side'));
  const blocks = [...section.matchAll(/```\n\$ dostplan (.*)\n([^`]*)```/g)];
  it('has its three worked examples', () => expect(blocks).toHaveLength(3));
  it.each(blocks.map((b) => [b[1]!, b[2]!]))(
    '%s',
    (command, shown) => {
      const r = cli(command.split(' '));
      expect(r.code).toBe(0);
      for (const line of shown.trimEnd().split('\n')) expect(r.stdout).toContain(line);
      // The DOST money order proves its optimum with HiGHS: ~10 s of CPU, a minute on a loaded machine.
    },
    240_000,
  );
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignFlow } from '../src/analysis/assignment-flow.js';
import { problemFrom, type Assignment, type AssignmentProblem } from '../src/analysis/capacitated-assignment.js';
import { capacitatedCatchments, capacityNow, resolveVisitModel, type Catchments } from '../src/analysis/capacity.js';
import { yearWeights, type Demand } from '../src/analysis/demand.js';
import { Network, resolveSettings } from '../src/analysis/network.js';
import { reportData } from '../src/analysis/report.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import * as fixture from './capacity-fixture.js';
import { FIXTURES } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

// Big instances build each point's options a few at a time (capacity-rows.ts): the heuristic
// reports the points whose rows it had to look past, they get longer rows, and it runs again.
// These tests hold that to "the same assignment as over every option".

/** Every point's first `len[i]` options of the whole problem, marked complete when that is all of them. */
function prefixRows(p: AssignmentProblem, len: Int32Array): AssignmentProblem {
  const n = p.demand.length;
  const start = new Int32Array(n + 1);
  const complete = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const all = p.start[i + 1]! - p.start[i]!;
    start[i + 1] = start[i]! + Math.min(len[i]!, all);
    complete[i] = len[i]! >= all ? 1 : 0;
  }
  const facility = new Int32Array(start[n]!),
    cost = new Float64Array(start[n]!);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < start[i + 1]! - start[i]!; k++) {
      facility[start[i]! + k] = p.facility[p.start[i]! + k]!;
      cost[start[i]! + k] = p.cost[p.start[i]! + k]!;
    }
  return { demand: p.demand, capacity: p.capacity, start, facility, cost, complete };
}

/** The heuristic over prefixes, lengthened (doubled) for the points it reports, until it reports none. */
function byPrefixes(p: AssignmentProblem, penalty: number, first: number): { a: Assignment; rounds: number } {
  const len = new Int32Array(p.demand.length).fill(first);
  for (let rounds = 1; ; rounds++) {
    const a = assignFlow(prefixRows(p, len), penalty);
    if (!a.short.length) return { a, rounds };
    for (const i of a.short) len[i] = 2 * len[i]!;
  }
}

/**
 * A random instance on a plane: 20–100 points, 3–12 facilities with capacities 20–180 % of a share
 * of 30–130 % of the people, on one side or two (an exclave), half of them with an overflow limit;
 * facilities 0 and 1 at one place (every point ties between them), facility 2 sometimes unlimited.
 */
function instance(seed: number) {
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const n = 20 + Math.floor(rnd() * 80),
    m = 3 + Math.floor(rnd() * 10);
  const tight = 0.3 + rnd(),
    sides = rnd() < 0.3 ? 2 : 1,
    limit = rnd() < 0.5 ? 5 + rnd() * 40 : undefined;
  const pts = Array.from({ length: n }, () => ({ x: rnd() * 100, y: rnd() * 100, side: Math.floor(rnd() * sides) }));
  const fac = Array.from({ length: m }, (_, j) => ({ x: rnd() * 100, y: rnd() * 100, side: j % sides }));
  fac[1] = { ...fac[0]!, side: fac[1]!.side };
  const demand = Float64Array.from(pts, () => 1 + Math.floor(rnd() * 50));
  const total = demand.reduce((s, x) => s + x, 0);
  const unlimited = rnd() < 0.3;
  const capacity = Float64Array.from(fac, (_, j) =>
    j === 2 && unlimited ? Infinity : (total / m) * tight * (0.2 + 1.6 * rnd()),
  );
  const options = pts.map((p) => {
    const all = fac
      .map((f, j) => ({ facility: j, cost: Math.hypot(p.x - f.x, p.y - f.y), side: f.side }))
      .filter((f) => f.side === p.side);
    const nearest = Math.min(...all.map((f) => f.cost));
    return all.filter((f) => limit === undefined || f.cost <= nearest + limit);
  });
  return problemFrom(demand, capacity, options);
}

/** The largest difference between two lists of figures. */
const furthest = (x: ArrayLike<number>, y: ArrayLike<number>) =>
  Array.from(x).reduce((m, v, i) => Math.max(m, Math.abs(v - y[i]!)), 0);

describe('capacitated assignment over rows fetched as needed', () => {
  it('equals the run over every option, on 1,000 random instances with tight capacities and ties', () => {
    let lengthened = 0,
      unserved = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const p = instance(seed);
      const whole = assignFlow(p, 10_000);
      expect(whole.short).toHaveLength(0); // complete rows: nothing to report
      if (whole.unserved.some((u) => u > 1e-9)) unserved++;
      for (const first of [1, 2, 4]) {
        const { a, rounds } = byPrefixes(p, 10_000, first);
        if (rounds > 1) lengthened++;
        // The same optimum. Facilities 0 and 1 stand at one place: people may split between them otherwise.
        const load = (x: Assignment) => [x.load[0]! + x.load[1]!, ...Array.from(x.load).slice(2)];
        expect(furthest(load(a), load(whole))).toBeLessThan(1e-6);
        expect(furthest(a.unserved, whole.unserved)).toBeLessThan(1e-6);
        expect(furthest(a.overflow, whole.overflow)).toBeLessThan(1e-6);
        expect(a.travelCost / whole.travelCost).toBeCloseTo(1, 12);
      }
    }
    // Most runs had rows lengthened, and many instances leave people unserved: the comparison is
    // not of prefixes that happened to be long enough.
    expect(lengthened).toBeGreaterThan(2000);
    expect(unserved).toBeGreaterThan(300);
  });

  it('a run on rows too short for it reports them (and then differs from the whole run)', () => {
    const p = instance(5);
    const cut = assignFlow(prefixRows(p, new Int32Array(p.demand.length).fill(1)), 10_000);
    expect(cut.short.length).toBeGreaterThan(10);
    const whole = assignFlow(p, 10_000);
    expect(cut.travelCost).not.toBe(whole.travelCost);
  });
});

/** Per open facility the people it serves, and the people unserved and overflowing. */
function figures(c: Catchments) {
  const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
  const noOption = Array.from(c.problem.demand).reduce(
    (s, w, i) => s + (c.problem.start[i] === c.problem.start[i + 1] ? w : 0),
    0,
  );
  return {
    load: Array.from(c.assignment.load, (l, j) => l + c.settled[j]!),
    unserved: sum(c.assignment.unserved) - noOption,
    overflow: sum(c.assignment.overflow),
  };
}

function expectSame(rows: Catchments, whole: Catchments) {
  const r = figures(rows),
    w = figures(whole);
  expect(rows.whole).toBe(false);
  r.load.forEach((l, j) => expect(l).toBeCloseTo(w.load[j]!, 4));
  expect(r.unserved).toBeCloseTo(w.unserved, 4);
  expect(r.overflow).toBeCloseTo(w.overflow, 4);
}

describe('capacitated catchments row by row against the whole problem', () => {
  const { regions, points } = embedded();
  const dost = loadPlan(run, join(FIXTURES, '..', '..', 'plans', 'dost.yaml')).plan!;
  const s = resolveSettings(dost);
  const all: Demand = { points, scaled: true };

  it('DOST, everyone in the problem: 2025 (Nakhchivan without a center), 2030 at 2.5× the visits, and at 2× with a 10-minute limit', () => {
    for (const [year, o, unserved] of [
      [2025, {}, 5_044_167],
      [2030, { visitsPerResidentYear: 0.5 }, 3_850_701], // 2026 figures; 3,813,239 on 2025's
      [2030, { visitsPerResidentYear: 0.4, overflowMaxMin: 10 }, 3_651_418], // 3,598,773 on 2025's
    ] as const) {
      const net = new Network(dost, points, regions, s.travel);
      net.advanceTo(year);
      const d = resolveVisitModel(dost, o);
      const { weights } = yearWeights(all, regions, year);
      const whole = capacitatedCatchments(net, all, regions, s, d, weights, 'whole');
      const rows = capacitatedCatchments(net, all, regions, s, d, weights, 'rows');
      expectSame(rows, whole);
      expect(Math.round(figures(rows).unserved)).toBe(unserved);
      // Far fewer options than the whole problem's points × facilities.
      expect(rows.problem.facility.length).toBeLessThan(whole.problem.facility.length);
    }
  }, 120_000);

  it('the hand-worked fixture: C full, its overflow to B; B unlimited keeps its people out of the problem', () => {
    const { plan, demand } = fixture;
    // B with its desks (600 a day) and without them (no capacity: unlimited, its people settled).
    const noDesks = {
      ...plan,
      branches: plan.branches.map((b) => ({ ...b, desks: undefined, service_min: undefined })),
    };
    for (const p of [plan, noDesks]) {
      const settings = resolveSettings(p);
      const net = new Network(p, demand.points, regions, settings.travel);
      net.advanceTo(2025);
      const { weights } = yearWeights(demand, regions, 2025);
      const d = resolveVisitModel(p);
      const rows = capacitatedCatchments(net, demand, regions, settings, d, weights, 'rows');
      expectSame(rows, capacitatedCatchments(net, demand, regions, settings, d, weights, 'whole'));
      // C (25,000 people) is full: P1 and P2 are in the problem, and 5,000 of P2 overflow to B;
      // B has room for P3 and them (or no limit), so P3 stays out.
      expect(figures(rows)).toMatchObject({ unserved: 0, overflow: 5000 });
      expect(rows.problem.demand.length).toBe(2);
      expect(Math.round(rows.settled[1]!)).toBe(30000);
    }
  });
});

describe('report: the year off the timeline network', () => {
  it('the capacity of the report year equals capacityNow on a network of its own', () => {
    const { regions, plan, demand, settings } = fixture;
    for (const year of [2024, 2025, 2031]) {
      const net = new Network(plan, demand.points, regions, settings.travel);
      net.advanceTo(year);
      const d = resolveVisitModel(plan);
      const own = capacityNow(net, demand, regions, settings, d, { catchment: d.catchment, method: 'flow' });
      expect(reportData(plan, demand, regions, settings, year).capacity).toEqual(own);
    }
  });
});

describe('option rows fetched block by block', () => {
  it('give the same rows and the same optimal assignment whatever the block, rows lengthened included', async () => {
    const { OptionRows, assignByRows } = await import('../src/analysis/capacity-rows.js');
    const { StraightLineModel } = await import('../src/travel/straight-line.js');
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const places = Array.from({ length: 300 }, () => ({ lat: 40 + rnd(), lon: 47 + rnd() * 1.5, side: 0 }));
    const sites = places.filter((_, i) => i % 5 === 0);
    const demand = Float64Array.from(places, () => 1 + Math.floor(rnd() * 100));
    // Capacities about half an equal share: half the people overflow, many rows are lengthened.
    const share = demand.reduce((a, b) => a + b, 0) / sites.length;
    const capacity = Float64Array.from(sites, () => share * (0.3 + rnd() * 0.5));
    const points = places.map((_, i) => i);
    const solve = (block?: number) =>
      assignByRows(
        new OptionRows({
          count: places.length,
          place: (i) => places[i]!,
          sites,
          travel: new StraightLineModel({ circuity: 1.3, speedKmh: 40 }),
          overflowMaxMin: undefined,
          ...(block ? { block } : {}),
        }),
        points,
        demand,
        capacity,
        1e6,
      );
    const whole = solve();
    expect(whole.rounds).toBeGreaterThan(1);
    for (const block of [1, 7, 64]) {
      const r = solve(block);
      expect(r.problem).toEqual(whole.problem);
      expect(r.km).toEqual(whole.km);
      expect(r.assignment.flow).toEqual(whole.assignment.flow);
      expect(r.rounds).toBe(whole.rounds);
    }
  });
});

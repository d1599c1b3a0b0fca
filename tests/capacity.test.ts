import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignFlow } from '../src/analysis/assignment-flow.js';
import {
  assignExact,
  lowerBound,
  objective,
  problemFrom,
  solutionGap,
  unservedPeople,
} from '../src/analysis/capacitated-assignment.js';
import {
  capacityExact,
  capacityNow,
  capacityProblem,
  resolveVisitModel,
  utilizationByUnit,
} from '../src/analysis/capacity.js';
import { yearWeights, type Demand } from '../src/analysis/demand.js';
import { erlangC, mmc } from '../src/analysis/erlang-c.js';
import { timeline } from '../src/analysis/timeline.js';
import { Network, resolveSettings } from '../src/analysis/network.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { validateFile } from '../src/load/validate-file.js';
import { FIXTURES } from './helpers.js';

// The fixture: center C (capacity 250 visits/day) at P1; P2 0.1° (11.1195 km) north; branch B at
// P3, 0.3° north, opening mid-2025 with 10 desks at 8 minutes a visit and no stated capacity.
// 10,000 / 20,000 / 30,000 people; 2.45 visits a resident a year over 245 days = 0.01 a day each.
import { demand, plan, regions, settings } from './capacity-fixture.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

function at(year: number, visits?: number) {
  const net = new Network(plan, demand.points, regions, settings.travel);
  net.advanceTo(year);
  return { net, d: resolveVisitModel(plan, { visitsPerResidentYear: visits }) };
}

describe('Erlang C (M/M/c)', () => {
  it('two desks, one erlang: 1/3 by hand (B(1) = 1/2, B(2) = 0.5/2.5 = 0.2, C = 2·0.2/(2 − 0.8))', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });
  it('10 servers at 6 erlangs (120 arrivals/h, 3 min each): the Erlang C curve gives "about 0.10"', () => {
    // Published course problem on reading the Erlang C curve (M/M/m, λ = 2/min, 1/μ = 3 min, m = 10).
    expect(erlangC(10, 6)).toBeGreaterThan(0.095);
    expect(erlangC(10, 6)).toBeLessThan(0.105);
    expect(erlangC(10, 6)).toBeCloseTo(0.1013, 4);
  });
  it('10 desks at 5 erlangs: Erlang B table 0.01838 → C = 10·0.01838 / (10 − 5·0.98162) = 0.0361', () => {
    expect(erlangC(10, 5)).toBeCloseTo(0.0361, 4);
    const q = mmc(10, 0.625, 8); // 300 visits over 480 minutes, 8 minutes each
    expect(q.load_erlangs).toBe(5);
    expect(q.occupancy).toBe(0.5);
    expect(q.mean_wait_min).toBeCloseTo((0.0361 * 8) / 5, 3); // Wq = C · service / (c − A) ≈ 0.058 min
  });
  it('at or above one erlang per desk the queue grows without end', () => {
    expect(mmc(2, 0.25, 8)).toMatchObject({ p_wait: 1, mean_wait_min: Infinity });
  });
});

describe('capacity on the hand-worked fixture', () => {
  it('2024: C alone has all 60,000 people = 600 visits/day against 250: 240 %, overloaded', () => {
    const { net, d } = at(2024);
    const r = capacityNow(net, demand, regions, settings, d, { catchment: 'nearest', method: 'flow' });
    expect(r.facilities).toHaveLength(1);
    expect(r.facilities[0]).toMatchObject({
      id: 'C',
      population: 60000,
      visits_per_day: 600,
      capacity: 250,
      utilization_pct: 240,
      overloaded: true,
    });
    // Within capacity C serves 250 × 245 / 2.45 = 25,000 people; the other 35,000 have nowhere else to go.
    expect(r.capacitated).toMatchObject({ served: 25000, unserved: 35000, overflow: 0 });
  });
  it('2025: C keeps P1 + P2 (30,000 → 300/day, 120 %); B gets P3 (300/day of 10 × 480 / 8 = 600: 50 %), with an Erlang C wait', () => {
    const { net, d } = at(2025);
    const r = capacityNow(net, demand, regions, settings, d, { catchment: 'nearest', method: 'flow' });
    expect(r.facilities.map((f) => f.id)).toEqual(['C', 'B']); // overloaded first
    expect(r.facilities[0]).toMatchObject({
      population: 30000,
      visits_per_day: 300,
      utilization_pct: 120,
      overloaded: true,
    });
    expect(r.facilities[1]).toMatchObject({
      population: 30000,
      visits_per_day: 300,
      capacity: 600,
      capacity_from: 'desks',
      utilization_pct: 50,
    });
    expect(r.facilities[1]!.queue).toEqual({ occupancy_pct: 50, p_wait_pct: 3.6, mean_wait_min: 0.1 });
    expect(r.overloaded).toBe(1);
  });
  it('the report map per unit: Barda’s people meet C at 120 %, Yevlakh’s meet B at 50 % (2024: both C at 240 %)', () => {
    const byUnit = (year: number) => {
      const { net, d } = at(year);
      const r = capacityNow(net, demand, regions, settings, d, { catchment: 'nearest', method: 'flow' });
      return Object.fromEntries(utilizationByUnit(net, demand, regions, r));
    };
    expect(byUnit(2025)).toEqual({ 'AZ-BAR': 120, 'AZ-YEV': 50 });
    expect(byUnit(2024)).toEqual({ 'AZ-BAR': 240, 'AZ-YEV': 240 });
  });
  it('2025 with overflow: C is 5,000 people over; P2 (regret 11.1 km) overflows to B rather than P1 (regret 33.4 km)', async () => {
    const { net, d } = at(2025);
    for (const r of [
      capacityNow(net, demand, regions, settings, d, { catchment: 'nearest', method: 'flow' }),
      await capacityExact(net, demand, regions, settings, d, 'nearest'),
    ]) {
      expect(r.capacitated).toMatchObject({
        unserved: 0,
        overflow: 5000,
        overflow_mean_extra_km: 11.1,
        overflow_max_extra_km: 11.1,
      });
      expect(r.capacitated!.overflow_mean_extra_min).toBe(16.7); // 11.1195 km at 40 km/h
      expect(r.facilities.find((f) => f.id === 'C')!.capacitated).toEqual({
        served: 25000,
        nearest: 30000,
        sent_elsewhere: 5000,
        unserved: 0,
      });
      expect(r.facilities.find((f) => f.id === 'B')!.capacitated!.served).toBe(35000);
    }
    expect((await capacityExact(net, demand, regions, settings, d, 'nearest')).capacitated).toMatchObject({
      method: 'exact',
      flow_gap: { unserved_people: 0, travel_pct: 0 },
    });
  });
  it('twice the visits halve the capacities in people (12,500 + 30,000): 17,500 cannot be served', async () => {
    const { net, d } = at(2025, 4.9);
    const r = await capacityExact(net, demand, regions, settings, d, 'nearest');
    expect(r.capacitated).toMatchObject({ served: 42500, unserved: 17500 });
  });
  it('by assignment: C serves AZ-BAR (P1 + P2), B serves AZ-YEV (P3)', () => {
    const { net, d } = at(2025);
    const r = capacityNow(net, demand, regions, settings, d, { catchment: 'assignment', method: 'none' });
    expect(Object.fromEntries(r.facilities.map((f) => [f.id, f.population]))).toEqual({ C: 30000, B: 30000 });
  });
});

describe('capacitated assignment: the min-cost flow against the HiGHS LP optimum', () => {
  it('DOST 2030 with overflow limited to 20 minutes: as many served and the same person-minutes as the optimum', async () => {
    const { regions: r, points } = embedded();
    const dost = loadPlan(run, join(FIXTURES, '..', '..', 'plans', 'dost.yaml')).plan!;
    const s = resolveSettings(dost);
    const net = new Network(dost, points, r, s.travel);
    net.advanceTo(2030);
    const all: Demand = { points, scaled: true };
    const d = resolveVisitModel(dost, { overflowMaxMin: 20 });
    const { weights } = yearWeights(all, r, 2030);
    const { problem, penalty } = capacityProblem(net, all, r, s, d, weights);
    const f = assignFlow(problem, penalty),
      e = (await assignExact(problem, penalty))!;
    // The embedded points (registered population, 2030 on the 1 January 2026 figures): the 20-minute
    // limit leaves 221,380 people no facility with room; the flow leaves exactly as many and its
    // trips are the optimum's.
    expect(Math.round(unservedPeople(e))).toBe(221380);
    expect(solutionGap(f, e)).toEqual({ unserved_people: 0, travel_pct: 0 });
    expect(Math.abs(f.travelCost / e.travelCost - 1)).toBeLessThan(1e-7);
  }, 60_000);

  /** Points and facilities on a 100 × 100 plane, capacities 60–120 % of an equal share. */
  function plane(n: number, m: number, rnd: () => number) {
    const pts = Array.from({ length: n }, () => [rnd() * 100, rnd() * 100]);
    const fac = Array.from({ length: m }, () => [rnd() * 100, rnd() * 100]);
    const demandArr = Float64Array.from(pts, () => 1 + Math.floor(rnd() * 100));
    const total = demandArr.reduce((a, x) => a + x, 0);
    const cap = Float64Array.from(fac, () => (total / m) * (0.6 + rnd() * 0.6));
    const options = pts.map((p) =>
      fac.map((q, j) => ({ facility: j, cost: Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!) })),
    );
    return { problem: problemFrom(demandArr, cap, options), total, cap };
  }

  it('40 random 60 × 6 instances: the unserved and the person-minutes of the LP optimum, apart', async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let short = 0,
      worst = 0;
    for (let t = 0; t < 40; t++) {
      const { problem, total, cap } = plane(60, 6, rnd);
      const penalty = 10000;
      const f = assignFlow(problem, penalty),
        e = (await assignExact(problem, penalty))!;
      const capacity = cap.reduce((a, x) => a + x, 0);
      if (capacity < total) short++;
      // Both serve as many people as the capacities allow, within every capacity.
      expect(unservedPeople(e)).toBeCloseTo(Math.max(0, total - capacity), 6);
      expect(unservedPeople(f)).toBeCloseTo(unservedPeople(e), 6);
      for (let j = 0; j < 6; j++) expect(f.load[j]!).toBeLessThanOrEqual(cap[j]! + 1e-6);
      // The travel gap on its own (the penalty would dominate one objective and hide it).
      worst = Math.max(worst, Math.abs(f.travelCost / e.travelCost - 1));
      // The flow's prices give a lower bound (LP duality) that no solution beats and the flow meets.
      const bound = lowerBound(problem, f.prices!, penalty);
      expect(bound).toBeLessThanOrEqual(objective(e, penalty) * (1 + 1e-9));
      expect(objective(f, penalty) / bound - 1).toBeLessThan(1e-9);
    }
    expect(short).toBeGreaterThan(20); // capacity is short on most: overflow and unserved both occur
    expect(worst).toBeLessThan(1e-7);
  }, 60_000);

  it('9,000 points and 5 centers, capacity short: the overflow goes no farther than the optimum sends it', async () => {
    let seed = 2024;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const { problem } = plane(9000, 5, rnd);
    const penalty = 10000;
    const f = assignFlow(problem, penalty);
    // HiGHS above the command's limit (54,000 variables): a few seconds, for the reference.
    const e = (await assignExact(problem, penalty, Infinity))!;
    const meanExtra = (a: typeof f) =>
      a.overflowExtraCost.reduce((x, y) => x + y, 0) / a.overflow.reduce((x, y) => x + y, 0);
    expect(unservedPeople(f)).toBeCloseTo(unservedPeople(e), 3);
    expect(f.travelCost / e.travelCost - 1).toBeLessThan(1e-7);
    expect(meanExtra(f)).toBeCloseTo(meanExtra(e), 3);
  }, 120_000);
});

describe('capacity in the timeline', () => {
  it('per year: C at 240 % in 2024 and 120 % in 2025 once B takes P3', () => {
    const t = timeline(plan, demand, regions, settings);
    expect(t.years.map((y) => y.capacity)).toEqual([
      { visits_per_day: 600, capacity_per_day: 250, overloaded: [{ id: 'C', utilization_pct: 240 }] },
      { visits_per_day: 600, capacity_per_day: 850, overloaded: [{ id: 'C', utilization_pct: 120 }] },
    ]);
  });
});

describe('validate: desks and service minutes go together', () => {
  it('desks alone is a warning at its place (the wait needs both)', () => {
    const text = readFileSync(join(FIXTURES, 'valid', 'capacity.yaml'), 'utf8').replace('    service_min: 8\n', '');
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-cap-'));
    writeFileSync(join(dir, 'plan.yaml'), text);
    const d = validateFile(run, join(dir, 'plan.yaml')).diagnostics;
    const mine = d.filter((x) => x.code === 'desks-without-service-min');
    expect(mine.map((x) => `${x.severity} ${x.code} ${x.line}:${x.column}`)).toEqual([
      'warning desks-without-service-min 26:12',
    ]);
  });
});

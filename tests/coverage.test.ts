import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageNow, type CoverageOptions } from '../src/analysis/coverage.js';
import type { Demand } from '../src/analysis/demand.js';
import { distancesNow } from '../src/analysis/distances.js';
import { Network, resolveSettings, type SettingOverrides } from '../src/analysis/network.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { loadPopulationFile } from '../src/load/population-file.js';
import { FIXTURES } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const ctxRun = new RunContext();

// Three places due north of a center: 0°, 0.1° and 0.3° of latitude = 0, 11.1195 and 33.3585 km
// (111.195 km per degree on the mean sphere), with 100, 200 and 300 people. A branch opens at P3 in 2025.
const { regions } = embedded();
const plan = loadPlan(ctxRun, join(FIXTURES, 'valid', 'hand.yaml')).plan!;
const demand: Demand = {
  points: loadPopulationFile(ctxRun, join(FIXTURES, 'hand-population.csv'), regions),
  scaled: false,
};

function run(year: number, o: Partial<CoverageOptions> = {}, overrides: SettingOverrides = {}) {
  const settings = resolveSettings(plan, overrides);
  const net = new Network(plan, demand.points, regions, settings.travel);
  net.advanceTo(year);
  return coverageNow(net, demand, regions, settings, { coveredBy: 'distance', kind: 'any', by: 'nation', ...o });
}

describe('coverage on a hand-worked fixture', () => {
  it('2024, distance: P1 (0 km) and P2 (11.1 km) are within 20 km, P3 (33.4 km) is not: 300/600 = 50%', () => {
    const r = run(2024);
    expect(r.population).toBe(600);
    expect(r.covered).toBe(300);
    expect(r.percent).toBe(50);
  });
  it('2025: the branch at P3 covers it: 100%; centers alone still 50%; the branch alone 300/600', () => {
    expect(run(2025).percent).toBe(100);
    expect(run(2025, { kind: 'center' }).percent).toBe(50);
    expect(run(2025, { kind: 'branch' }).covered).toBe(300);
  });
  it('a 10 km threshold leaves only P1: 100/600 = 16.67%', () => {
    expect(run(2024, {}, { withinKm: 10 }).percent).toBe(16.67);
  });
  it('circuity 2 makes P2 22.2 road km away, beyond 20: 16.67%', () => {
    expect(run(2024, {}, { circuity: 2 }).percent).toBe(16.67);
  });
  it('15 minutes at 40 km/h is 10 km: 16.67%', () => {
    expect(run(2024, {}, { withinMin: 15 }).percent).toBe(16.67);
  });
  it('assignment: the center serves AZ-BAR (P1+P2 = 300 of 600); with the branch serving AZ-YEV, 100%', () => {
    expect(run(2024, { coveredBy: 'assignment' }).percent).toBe(50);
    expect(run(2025, { coveredBy: 'assignment' }).percent).toBe(100);
  });
  it('both bases: reports each and their union', () => {
    const r = run(2024, { coveredBy: 'both', by: 'region' });
    expect(r.distance!.percent).toBe(50);
    expect(r.assignment!.percent).toBe(50);
    // Every unit is listed; the two with people are these (the other 76 at 0).
    expect(r.groups.filter((g) => g.population > 0).map((g) => [g.id, g.population, g.covered])).toEqual([
      ['AZ-BAR', 300, 300],
      ['AZ-YEV', 300, 0],
    ]);
    expect(r.groups).toHaveLength(78);
  });
});

describe('distances on the hand-worked fixture', () => {
  const at = (year: number) => {
    const net = new Network(plan, demand.points, regions, resolveSettings(plan).travel);
    net.advanceTo(year);
    return distancesNow(net, demand, regions, resolveSettings(plan), 'nation', 2);
  };
  it('2024: mean (200×11.1195 + 300×33.3585)/600 = 20.4 km, median 11.1, p90 and max 33.4 km', () => {
    const r = at(2024);
    expect(r.center.mean_km).toBe(20.4);
    expect(r.center.median_km).toBe(11.1);
    expect(r.center.p90_km).toBe(33.4);
    expect(r.center.max_km).toBe(33.4);
    expect(r.center.mean_min).toBe(30.6); // 20.386 km at 40 km/h
  });
  it('2025: nearest center-or-branch: mean 200×11.1195/600 = 3.7 km, median 0', () => {
    const r = at(2025);
    expect(r.any.mean_km).toBe(3.7);
    expect(r.any.median_km).toBe(0);
    expect(r.any.max_km).toBe(11.1);
    expect(r.worst[0]).toMatchObject({ name: 'P2 0.1 deg north', km: 11.1, facility: { id: 'C' } });
  });
});

describe('the seed article, reproduced by the default plan and data', () => {
  const dost = loadPlan(ctxRun, join(FIXTURES, '..', '..', 'plans', 'dost.yaml')).plan!;
  const { points } = embedded();
  const settings = resolveSettings(dost);
  const net = new Network(dost, points, regions, settings.travel);
  const all: Demand = { points, scaled: true };

  it('17 centers with 47 branches, 5 of the centers in Baku; the 13 / 17 / 47 targets', () => {
    expect(dost.centers).toHaveLength(17);
    expect(dost.centers.filter((c) => c.region === 'AZ-BA')).toHaveLength(5);
    expect(dost.branches.filter((b) => b.id.startsWith('B-'))).toHaveLength(47);
    expect(dost.targets.map((t) => [t.centers, t.branches])).toEqual([
      [13, undefined],
      [17, 47],
    ]);
  });
  it('centers and branches in Nakhchivan and in the liberated territories', () => {
    expect(dost.centers.some((c) => regions.byCode.get(c.region)!.nakhchivan)).toBe(true);
    expect(dost.branches.filter((b) => regions.byCode.get(b.region)!.nakhchivan).length).toBeGreaterThanOrEqual(5);
    expect(dost.centers.some((c) => regions.byCode.get(c.region)!.liberated)).toBe(true);
    expect(dost.branches.filter((b) => regions.byCode.get(b.region)!.liberated).length).toBeGreaterThanOrEqual(10);
  });
  it('in 2021 the Baku centers serve about 80% of Baku by assignment, and the Absheron center all of Absheron district', () => {
    net.advanceTo(2021);
    expect(net.openFacilities('center').length).toBe(5);
    const baku = coverageNow(net, all, regions, settings, {
      coveredBy: 'assignment',
      kind: 'center',
      by: 'region',
    }).groups.find((g) => g.id === 'AZ-BA')!;
    expect(baku.percent).toBeGreaterThan(78);
    expect(baku.percent).toBeLessThan(85);
    const abs = coverageNow(net, all, regions, settings, {
      coveredBy: 'assignment',
      kind: 'center',
      by: 'region',
    }).groups.find((g) => g.id === 'AZ-ABS')!;
    expect(abs.percent).toBe(100);
  });
  it('after Center No. 5 (Dec 2022) all of Baku is assigned', () => {
    net.advanceTo(2022);
    const r = coverageNow(net, all, regions, settings, {
      coveredBy: 'assignment',
      kind: 'center',
      by: 'baku-district',
    });
    expect(r.percent).toBe(100);
    expect(r.groups).toHaveLength(12);
  });
});

describe('the Nakhchivan exclave', () => {
  it('is never served across Armenia: before the Nakhchivan center opens, its people have no facility', () => {
    const dost = loadPlan(ctxRun, join(FIXTURES, '..', '..', 'plans', 'dost.yaml')).plan!;
    const { points } = embedded();
    const all: Demand = { points, scaled: true };
    const net = new Network(dost, points, regions, resolveSettings(dost).travel);
    net.advanceTo(2025);
    const r = distancesNow(net, all, regions, resolveSettings(dost), 'economic-region', 0);
    const nx = r.groups.find((g) => g.id === 'nakhchivan')!;
    expect(nx.any.unserved).toBe(nx.any.population);
    expect(nx.any.mean_km).toBeNull();
    net.advanceTo(2027); // the Nakhchivan center (assumed 2027)
    const after = distancesNow(net, all, regions, resolveSettings(dost), 'economic-region', 0).groups.find(
      (g) => g.id === 'nakhchivan',
    )!;
    expect(after.center.unserved).toBe(0);
    expect(after.center.max_km).toBeLessThan(150);
  });
});

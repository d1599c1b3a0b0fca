import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { landCells, type Grid } from '../src/analysis/surface-grid.js';
import { travelSurface } from '../src/analysis/surface.js';
import { geodesicKm } from '../src/geo/geodesic.js';
import { loadPlanContext } from '../src/load/plan-context.js';
import { loadProfile } from '../src/load/roads/road-profile.js';
import { wayCost } from '../src/travel/roads/profile.js';
import { RunContext } from '../src/run/run-context.js';
import { cli, FIXTURES } from './helpers.js';

const DIR = join(FIXTURES, 'roads');
const PLAN = join(DIR, 'town-plan.yaml');
const POP = ['--population', join(DIR, 'town-population.csv')];
const at = (lat: number, lon: number) => ({ lat, lon });
const LAT = geodesicKm(at(40, 47), at(40.01, 47)); // 0.01° of latitude, 1.112 km
const EW = geodesicKm(at(40, 47), at(40, 47.01)); // 0.01° of longitude at 40° N, 0.852 km
const walk = (km: number) => (km / 5) * 60; // minutes at 5 km/h

interface Worst {
  name: string;
  km: number;
  min: number;
}

describe('walking profile', () => {
  const profile = loadProfile(new RunContext(), undefined, 'walk');

  it('walks footways and one-way streets both ways, never motorways or foot=no', () => {
    expect(profile.name).toBe('walking');
    expect(wayCost({ highway: 'footway' }, profile)).toMatchObject({ kmh: 5, oneway: 0 });
    expect(wayCost({ highway: 'residential', oneway: 'yes', maxspeed: '60' }, profile)).toMatchObject({
      kmh: 5,
      oneway: 0,
    });
    expect(wayCost({ highway: 'primary', access: 'no', foot: 'yes' }, profile)).toMatchObject({ kmh: 5 });
    expect(wayCost({ highway: 'motorway' }, profile)).toBeUndefined();
    expect(wayCost({ highway: 'path', foot: 'no' }, profile)).toBeUndefined();
    expect(wayCost({ highway: 'service', access: 'private' }, profile)).toBeUndefined();
    expect(wayCost({ highway: 'footway', 'oneway:foot': 'yes' }, profile)).toMatchObject({ oneway: 1 });
  });

  it('gives the test town its walking times, worked by hand (--mode walk)', () => {
    const r = cli(['distances', PLAN, ...POP, '--year', '2024', '--mode', 'walk', '--worst', '5', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { model: { description: string }; worst: Worst[] };
    expect(out.model.description).toMatch(/walking profile; off-road access at 5 km\/h up to 5 km/);
    const byName = new Map(out.worst.map((w) => [w.name, w]));
    // On the one-way street at 40.005 N: 0.556 km south (against the one-way) and the south
    // connector, or the footway and Main street: 1.408 km either way, 16.9 min (by car: 10.6).
    expect(byName.get('on the one-way street')!.min).toBeCloseTo(walk(LAT / 2 + EW), 1);
    // The field 0.852 km west of Main street, 1.668 km up it: 30.2 min.
    expect(byName.get('in the field west of Main street')!.min).toBeCloseTo(walk(EW + 1.5 * LAT), 1);
    // The island: Main street 3.336 km, the 20-minute ferry, the island road 1.112 km: 73.4 min.
    expect(byName.get('island village')!.min).toBeCloseTo(walk(4 * LAT) + 20, 1);
    // 3.4 km from the nearest way: beyond a car's 2 km test limit, within the 5 km a walker goes.
    const far = byName.get('far from any road')!;
    expect(far.min).toBeCloseTo(walk(geodesicKm(at(40, 47.05), at(40, 47.01)) + EW), 1);
  });

  it('is chosen by the plan (mode: walk)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-walk-'));
    const plan = join(dir, 'walk.yaml');
    writeFileSync(
      plan,
      [
        'name: Walking town',
        'years: { from: 2024, to: 2024 }',
        `distance_model: { roads: ${JSON.stringify(join(DIR, 'town.osm'))}, mode: walk }`,
        'standards: { center: { within_min: 20 } }',
        'centers:',
        '  - { id: F1, name: Main street center, region: AZ-AGC, location: { lat: 40.0, lon: 47.0 }, status: planned, opens: 2024, serves: [AZ-AGC] }',
      ].join('\n'),
    );
    const r = cli(['distances', plan, ...POP, '--worst', '5', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { model: { description: string }; worst: Worst[] };
    expect(out.model.description).toMatch(/walking profile/);
    expect(out.worst.find((w) => w.name === 'on the one-way street')!.min).toBeCloseTo(walk(LAT / 2 + EW), 1);
  });

  it('refuses --mode without a road network', () => {
    const r = cli(['coverage', '--mode', 'walk']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--roads FILE/);
  });

  it('draws a walking surface: a cell on Main street is its distance up the street at 5 km/h', async () => {
    const run = new RunContext();
    const ctx = await loadPlanContext(run, PLAN, { population: join(DIR, 'town-population.csv'), mode: 'walk' });
    const grid: Grid = { west: 46.9805, north: 40.06, dLon: 0.001, dLat: 0.001, cols: 40, rows: 80, cellKm: 0.1 };
    const cells = landCells(grid, { method: 'all Aghjabadi', locate: () => 'AZ-AGC' });
    const s = travelSurface(ctx.plan, ctx.country.regions, ctx.settings.travel, cells, 2024, 'any');
    const i = cells.index[49 * 40 + 19]!; // centre 40.0105 N, 47.0000 E
    expect(s.minutes[i]).toBeCloseTo(walk(1.05 * LAT), 2);
  });
});

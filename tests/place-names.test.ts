/**
 * Names for unnamed population points (the rural grid): after the nearest settlement of their unit.
 */
import { describe, expect, it } from 'vitest';
import { pointCandidates } from '../src/analysis/optimize/suggest.js';
import { SettlementNames } from '../src/analysis/place-names.js';
import { embedded } from '../src/load/dataset-loader.js';
import type { PopulationPoint } from '../src/model/dataset.js';
import { columnsOf } from '../src/model/point-columns.js';
import { cli } from './helpers.js';

const { regions } = embedded();
const pt = (region: string, name: string, lat: number, lon: number): PopulationPoint => ({
  region,
  district: '',
  name,
  lat,
  lon,
  population: 100,
});

describe('SettlementNames', () => {
  // Qarayeri (Samukh) and, nearer to the first rural point but across the border, a Shamkir village.
  const points = [
    pt('AZ-SMX', 'Qarayeri', 40.78674, 46.31365),
    pt('AZ-SKR', 'Border village', 40.88, 46.31365),
    pt('AZ-SMX', '', 40.88674, 46.31365), // 0.1° north of Qarayeri: 11.1 km; 0.75 km from the village
    pt('AZ-SMX', '', 40.7871, 46.314), // 50 m from Qarayeri
    pt('AZ-BA', '', 40.4, 49.9),
  ];
  const names = new SettlementNames(columnsOf(points));

  it("names a rural point after its own unit's nearest settlement, with the unit", () => {
    expect(names.placeName(2, regions)).toBe('near Qarayeri (Samukh)');
    const s = names.nearest(40.88674, 46.31365, 'AZ-SMX')!;
    expect(s.name).toBe('Qarayeri');
    expect(s.km).toBeCloseTo(11.12, 1); // 0.1° of latitude
    expect(s.direction).toBe('N');
    expect(names.placeName(0, regions)).toBe('Qarayeri');
  });

  it('names a site after the settlement it stands in, else its distance and direction from it', () => {
    expect(names.siteName(3, regions)).toBe('Qarayeri');
    expect(names.siteName(2, regions)).toBe('Qarayeri (11 km N)');
  });

  it("falls back to another unit's settlement, and to 'rural' when nothing is named", () => {
    // Baku has no named point here: the nearest of any unit.
    expect(names.placeName(4, regions)).toMatch(/^near (Qarayeri|Border village) \(Baku\)$/);
    const none = new SettlementNames(columnsOf([pt('AZ-SMX', '', 40.8, 46.3)]));
    expect(none.placeName(0, regions)).toBe('rural Samukh');
    expect(none.siteName(0, regions)).toBe('rural Samukh');
  });
});

describe('names in reports', () => {
  it('distances --worst names every place after a settlement: no "rural …"', () => {
    const j = JSON.parse(cli(['distances', '--year', '2030', '--worst', '25', '--format', 'json']).stdout);
    expect(j.worst).toHaveLength(25);
    for (const w of j.worst) expect(w.name).not.toMatch(/^rural /);
    expect(j.worst.some((w: { name: string }) => /^near .+ \(.+\)$/.test(w.name))).toBe(true);
  }, 30_000);

  it('optimize suggests sites with distinct names, none "rural …"', () => {
    const j = JSON.parse(cli(['optimize', '--sites', '5', '--year', '2025', '--format', 'json']).stdout);
    const sites: string[] = j.sites.map((s: { name: string }) => s.name);
    expect(sites).toHaveLength(5);
    expect(new Set(sites).size).toBe(5);
    for (const n of sites) expect(n).not.toMatch(/^rural /);
  }, 60_000);

  it('every default candidate of the embedded points has a settlement name', () => {
    const demand = { points: embedded().residentPoints, scaled: true, basis: 'resident' as const };
    const c = pointCandidates(demand, regions);
    expect(c.filter((x) => x.name.startsWith('rural ')).map((x) => x.region)).toEqual([]);
  });
});

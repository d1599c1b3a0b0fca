import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../src/analysis/check-dataset.js';
import { areaKm2 } from '../src/data-build/units.js';
import { UnitLocator } from '../src/geo/unit-locator.js';
import { embedded, embeddedPoints, unitLocator } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { leafRegions } from '../src/model/dataset.js';
import { cli, ROOT } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

const { regions, outline: country } = embedded();
const ds = regions.dataset;
const units = unitLocator();
/** A unit's footprint: its polygon and those of the cities published inside it (AZ-LAN holds AZ-LA). */
const footprint = (code: string) =>
  units.codes.filter((c) => c === code || regions.byCode.get(c)?.included_in === code);
const kmOutside = (code: string, lat: number, lon: number) =>
  Math.min(...footprint(code).map((c) => units.distanceKm(c, lat, lon)));

describe('unit polygons (data/units.topojson)', () => {
  it('has one polygon per unit: the 77 ISO codes other than AZ-NX, whose 8 units tile it', () => {
    expect(units.codes).toHaveLength(77);
    expect(new Set(units.codes)).toEqual(new Set(leafRegions(ds).map((r) => r.code)));
  });

  it('covers the country: total area within 1 % of the official 86,600 km², and of the outline', () => {
    const total = units.codes.reduce((a, c) => a + areaKm2(units.geometry(c)!), 0);
    expect(Math.abs(total - 86_600) / 86_600).toBeLessThan(0.01);
    expect(Math.abs(total - areaKm2(country.geometry)) / areaKm2(country.geometry)).toBeLessThan(0.01);
  });

  it('agrees with the Natural Earth outline point by point: ≥ 97 % both ways, no gap or overhang wider than 8 km', () => {
    let inOutline = 0,
      covered = 0,
      inUnits = 0,
      inside = 0,
      gap = 0,
      overhang = 0;
    for (let lat = 38.4; lat <= 41.9; lat += 0.05) {
      for (let lon = 44.8; lon <= 50.8; lon += 0.05) {
        const o = country.contains({ lat, lon });
        const u = units.locateUnit(lat, lon);
        if (o) {
          inOutline++;
          if (u) covered++;
          else gap = Math.max(gap, units.nearestUnit(lat, lon, 50)?.km ?? 50);
        }
        if (u) {
          inUnits++;
          if (o) inside++;
          else overhang = Math.max(overhang, country.distanceToBoundaryKm({ lat, lon }));
        }
      }
    }
    expect(covered / inOutline).toBeGreaterThan(0.97);
    expect(inside / inUnits).toBeGreaterThan(0.97);
    expect(gap).toBeLessThan(8);
    expect(overhang).toBeLessThan(8);
  });

  it('holds the Caspian islands: Pirallahı and Çilov are Baku', () => {
    expect(units.locateUnit(40.4701, 50.3248)).toBe('AZ-BA'); // Pirallahı settlement
    expect(units.locateUnit(40.32, 50.6)).toBe('AZ-BA'); // Çilov island
    expect(units.locateUnit(40.2, 51.0)).toBeUndefined(); // open sea
    expect(units.locateUnit(40.1792, 44.4991)).toBeUndefined(); // Yerevan
  });

  it('locates known places, and measures the distance to a polygon', () => {
    expect(units.locateUnit(40.6828, 46.3606)).toBe('AZ-GA');
    expect(units.locateUnit(39.2089, 45.4122)).toBe('AZ-NV');
    expect(units.locateUnit(40.5082, 46.8203)).toBe('AZ-NA'); // Naftalan, after the documented ring correction
    expect(units.distanceKm('AZ-GA', 40.6828, 46.3606)).toBe(0);
    // Ganja's centre is well inside Ganja, so it lies outside Goygol by at least a few km but less than Ganja's width.
    const toGoygol = units.distanceKm('AZ-GYG', 40.6828, 46.3606);
    expect(toGoygol).toBeGreaterThan(1);
    expect(toGoygol).toBeLessThan(15);
  });

  it('a hand-built square: inside, outside, and the distance to its edge worked out by hand', () => {
    const sq = new UnitLocator([
      {
        code: 'SQ',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
              [0, 0],
            ],
          ],
        },
      },
    ]);
    expect(sq.locateUnit(0.5, 0.5)).toBe('SQ');
    expect(sq.locateUnit(0.5, 1.5)).toBeUndefined();
    // 0.1° of longitude east of the edge at the equator: 0.1 × π/180 × 6371.0088 = 11.12 km.
    expect(sq.distanceKm('SQ', 0.5, 1.1)).toBeCloseTo(11.12, 1);
    expect(sq.nearestUnit(0.5, 1.1, 12)).toEqual({ code: 'SQ', km: expect.closeTo(11.12, 1) });
    expect(sq.nearestUnit(0.5, 1.1, 10)).toBeUndefined();
  });

  it('every seat lies in its own polygon, in a city published inside it, or within 2 km of a simplified border', () => {
    const near: string[] = [];
    for (const r of leafRegions(ds)) {
      const { lat, lon } = r.admin_center;
      const at = units.locateUnit(lat, lon);
      if (at === r.code) continue;
      // Lankaran, Shaki and Yevlakh rayons are seated in the city of the same name (its own ISO unit).
      if (at && regions.byCode.get(at)?.included_in === r.code) continue;
      const km = units.distanceKm(r.code, lat, lon);
      expect(km, `${r.code} seat ${r.admin_center.name} is ${km.toFixed(2)} km outside (in ${at})`).toBeLessThan(2);
      near.push(r.code);
    }
    // The documented seats on a simplified border (data/SOURCES.md).
    expect(near.sort()).toEqual(['AZ-ABS', 'AZ-QAZ', 'AZ-SAL', 'AZ-SR', 'AZ-SUS', 'AZ-UCA', 'AZ-XA', 'AZ-ZAN']);
  });
});

describe('assignment by polygon', () => {
  it('every population point lies in its unit (or within the 3 km the build allows at a border)', () => {
    for (const basis of ['registered', 'resident'] as const) {
      for (const p of embeddedPoints(basis)) {
        if (
          units.locateUnit(p.lat, p.lon) !== undefined &&
          footprint(p.region).includes(units.locateUnit(p.lat, p.lon)!)
        )
          continue;
        expect(
          kmOutside(p.region, p.lat, p.lon),
          `${p.name || 'rural'} (${p.lat}, ${p.lon}) in ${p.region}`,
        ).toBeLessThanOrEqual(3);
      }
    }
  });

  it('every facility of the DOST plans lies inside its stated region (within 2 km of a simplified border)', () => {
    for (const file of ['dost.yaml', 'announced.yaml']) {
      const plan = loadPlan(run, join(ROOT, 'plans', file)).plan!;
      for (const f of [...plan.centers, ...plan.branches]) {
        expect(
          kmOutside(f.region, f.location.lat, f.location.lon),
          `${file}: ${f.id} in ${f.region}`,
        ).toBeLessThanOrEqual(2);
      }
    }
  });

  it('validate warns about a facility outside its region, with the distance; exit 0, 1 with --strict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-geo-'));
    const f = join(dir, 'wrong-region.yaml');
    // Ganja's seat, but the plan says Gazakh.
    writeFileSync(
      f,
      `name: wrong region
years: { from: 2024, to: 2025 }
standards: { center: { within_km: 30 } }
centers:
  - { id: C, name: C, region: AZ-QAZ, location: { lat: 40.6828, lon: 46.3606 }, status: planned, opens: 2025, serves: [AZ-QAZ] }
`,
    );
    const r = cli(['validate', f, '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    const w = JSON.stringify(d);
    expect(w).toContain('outside-region');
    expect(w).toMatch(/location is \d+\.\d km outside AZ-QAZ \(Gazakh\); it lies in AZ-GA \(Ganja\)/);
    expect(cli(['validate', f, '--strict']).code).toBe(1);
  }, 30_000);

  it('a population file without a region column is placed by polygon; a point at sea is an error naming its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-geo-'));
    const ok = join(dir, 'ok.csv');
    writeFileSync(ok, 'lat,lon,population\n40.6828,46.3606,100\n40.4701,50.3248,10\n38.7543,48.8506,5\n');
    const r = cli([
      'coverage',
      'tests/fixtures/valid/small.yaml',
      '--population',
      ok,
      '--by',
      'region',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const groups = Object.fromEntries(
      JSON.parse(r.stdout)
        .groups.filter((g: { population: number }) => g.population > 0) // every unit is listed, empty ones at 0
        .map((g: { id: string; population: number }) => [g.id, g.population]),
    );
    // Lankaran city's people are published with Lankaran rayon (AZ-LA is included in AZ-LAN).
    expect(groups).toEqual({ 'AZ-GA': 100, 'AZ-BA': 10, 'AZ-LAN': 5 });
    const sea = join(dir, 'sea.csv');
    writeFileSync(sea, 'lat,lon,population\n40.6828,46.3606,100\n40.2,51.0,50\n');
    const s = cli(['coverage', 'tests/fixtures/valid/small.yaml', '--population', sea]);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain(`${sea}:3:1: (lat 40.2, lon 51) is outside every unit of Azerbaijan (at sea or abroad)`);
    expect(s.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});

describe('populations', () => {
  const reg = (c: string, y = '2024') => regions.byCode.get(c)!.population[y]!;
  const res = (c: string, y = '2024') => regions.byCode.get(c)!.resident[y]!;

  it('national, Baku and Nakhchivan totals are exactly SSC on the registered basis; residents add up to the same nation', () => {
    for (const y of ['2021', '2022', '2023', '2024']) {
      expect(
        leafRegions(ds).reduce((a, r) => a + r.population[y]!, 0),
        y,
      ).toBe(ds.national[y]);
      expect(
        leafRegions(ds).reduce((a, r) => a + r.resident[y]!, 0),
        y,
      ).toBe(ds.national[y]);
    }
    expect(reg('AZ-BA')).toBe(2_344_888);
    expect(reg('AZ-NX')).toBe(468_566);
    expect(res('AZ-NX')).toBe(468_566); // no displaced are placed in the exclave
  });

  it('validate checks that residents add up to the nation, and the Baku districts to Baku', () => {
    expect(checkDataset(ds, 'AZ-BA')).toEqual([]);
    const bad = structuredClone(ds);
    // Five residents too many in Zangilan, seven too few in Yasamal: both sums are off by exactly that.
    bad.regions.find((r) => r.code === 'AZ-ZAN')!.resident!['2024']! += 5;
    bad.baku_districts.find((d) => d.id === 'yasamal')!.resident!['2024']! -= 7;
    expect(checkDataset(bad, 'AZ-BA').map((p) => p.message)).toEqual([
      '2024: resident populations add up to 10180775, national total is 10180770',
      "2024: Baku districts' residents add up to " +
        (reg('AZ-BA') + (res('AZ-BA') - reg('AZ-BA')) - 7) +
        ", the city's are " +
        res('AZ-BA'),
    ]);
  });

  it('keeps the corrected figures: Absheron 433,000 (end 2023), Binagadi 307,855, Pirallahı ≈ 18,700 (2023)', () => {
    expect(reg('AZ-ABS')).toBe(433_000);
    expect(regions.byCode.get('AZ-ABS')!.provenance).toBe('exact');
    expect(regions.districts.get('binagadi')!.population['2024']).toBe(307_855);
    const pir = regions.districts.get('pirallahi')!;
    expect(Math.abs(pir.population['2023']! - 18_700)).toBeLessThan(150);
  });

  it('says where every figure comes from, and counts them', () => {
    for (const r of leafRegions(ds)) {
      expect(['exact', 'derived', 'estimate', 'none'], r.code).toContain(r.provenance);
      expect(r.population_source.length, r.code).toBeGreaterThan(5);
    }
    const count = (p: string) => leafRegions(ds).filter((r) => r.provenance === p).length;
    // 16 exact: Baku, Absheron, Sumgayit and all 8 units of Nakhchivan AR, Gobustan, Yardimli, Jalilabad,
    // Dashkasan, Gadabay. Khizi is derived since Sumgayit's 2024 figure (Absheron-Khizi's share less both).
    expect(count('exact')).toBe(16);
    expect(count('estimate')).toBe(50);
    expect(count('exact') + count('derived') + count('estimate') + count('none')).toBe(77);
    const r = cli(['regions']);
    expect(r.stdout).toMatch(/16 exact official figures, 10 derived from official figures, 50 estimates/);
    expect(cli(['regions', '--format', 'csv']).stdout).toContain(
      'AZ-ABS,Absheron,Abşeron,rayon,absheron-khizi,,,433000,',
    );
    expect(cli(['regions', '--format', 'csv']).stdout).toMatch(
      /AZ-SM,Sumgayit,Sumqayıt,city,absheron-khizi,,,427000,\d+,exact,"SSC figure for the beginning of 2024/,
    );
  }, 30_000);

  it('residents: liberated districts hold the resettled and the never-occupied parts, the displaced live elsewhere', () => {
    expect(res('AZ-ZAN')).toBe(871); // Aghali, January 2024
    expect(res('AZ-LAC')).toBe(1_555 + 783); // Lachin city + Zabukh
    expect(res('AZ-FUZ')).toBe(1_969 + 69_800); // Fuzuli city + the part freed in 1994
    expect(res('AZ-AGM')).toBe(Math.round(reg('AZ-AGM') * 0.226));
    expect(res('AZ-KAL')).toBe(0);
    expect(res('AZ-ZAN', '2022')).toBe(0); // the first families returned in July 2022
    const displaced = leafRegions(ds)
      .filter((r) => r.liberated)
      .reduce((a, r) => a + r.population['2024']! - r.resident['2024']!, 0);
    // Half of them in Baku (IDMC): Baku's residents exceed its registered population by that much.
    expect(res('AZ-BA') - reg('AZ-BA')).toBe(Math.round(displaced * 0.5));
  });

  it('every analysis says which basis it counted', () => {
    const cov = JSON.parse(cli(['coverage', '--format', 'json']).stdout);
    expect(cov.population_basis).toBe('resident');
    const reg2 = JSON.parse(cli(['coverage', '--format', 'json', '--population-basis', 'registered']).stdout);
    expect(reg2.population_basis).toBe('registered');
    expect(reg2.population).toBe(cov.population); // same nation, different places
    expect(cli(['distances']).stdout).toContain('population basis: resident');
    expect(cli(['timeline']).stdout).toContain('population basis: resident');
    expect(
      JSON.parse(cli(['distances', '--format', 'json', '--population-basis', 'registered']).stdout).population_basis,
    ).toBe('registered');
    expect(cli(['coverage', '--population-basis', 'somewhere']).code).toBe(2);
  }, 60_000);

  it('a plan can set its basis; the flag overrides it; diff names the basis it counted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-basis-'));
    const f = join(dir, 'registered.yaml');
    writeFileSync(
      f,
      readFileSync(join(ROOT, 'tests', 'fixtures', 'valid', 'small.yaml'), 'utf8').replace(
        /^name: .*$/m,
        (l) => `${l}\npopulation_basis: registered`,
      ),
    );
    expect(cli(['validate', f]).code).toBe(0);
    expect(JSON.parse(cli(['coverage', f, '--format', 'json']).stdout).population_basis).toBe('registered');
    expect(
      JSON.parse(cli(['coverage', f, '--format', 'json', '--population-basis', 'resident']).stdout).population_basis,
    ).toBe('resident');
    expect(cli(['diff', 'plans/dost.yaml', 'plans/announced.yaml']).stdout).toContain('population basis: resident');
  }, 60_000);
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { pointColumns, yearWeights } from '../src/analysis/demand.js';
import { bandPopulations, isochroneBands } from '../src/analysis/isochrones.js';
import { Network } from '../src/analysis/network.js';
import { landCells, type Grid } from '../src/analysis/surface-grid.js';
import { travelSurface } from '../src/analysis/surface.js';
import { geodesicKm } from '../src/geo/geodesic.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlanContext } from '../src/load/plan-context.js';
import { RunContext } from '../src/run/run-context.js';
import { cli, FIXTURES } from './helpers.js';

const run = new RunContext();

const ONE = join(FIXTURES, 'surface', 'one-center.yaml');
const BARDA = { lat: 40.3758, lon: 47.1262 };
/** 40 km/h, circuity 1: minutes = geodesic km × 1.5. */
const minutesTo = (p: { lat: number; lon: number }) => geodesicKm(p, BARDA) * 1.5;

type Ring = [number, number][];
interface Fc {
  features: { properties: Record<string, number | string | null>; geometry: { coordinates: Ring[][] } }[];
}
const signedArea = (r: Ring) => r.slice(1).reduce((a, p, i) => a + r[i]![0] * p[1] - p[0] * r[i]![1], 0);

describe('surface: one center, straight line', () => {
  const r = cli(['surface', ONE, '--format', 'geojson', '--bands', '15,30', '--cell-km', '0.5']);
  const fc = JSON.parse(r.stdout) as Fc;

  it('draws the 30-minute isochrone as the 20 km circle (area within 1 % of πr²)', () => {
    expect(r.code).toBe(0);
    const [b15, b30] = fc.features.map((f) => f.properties);
    expect(b30).toMatchObject({ min_min: 15, max_min: 30 });
    expect(b15).toMatchObject({ min_min: 0, max_min: 15 });
    expect(Number(b30!.area_km2) / (Math.PI * 20 ** 2)).toBeCloseTo(1, 2);
    expect(Number(b15!.area_km2) / (Math.PI * 10 ** 2)).toBeCloseTo(1, 2);
  });

  it('follows the right-hand rule and reaches 20 km from the center in every direction', () => {
    const rings = fc.features[1]!.geometry.coordinates;
    expect(rings).toHaveLength(1);
    const outer = rings[0]![0]!;
    expect(signedArea(outer)).toBeGreaterThan(0); // counterclockwise exterior
    for (const [lon, lat] of outer) expect(geodesicKm({ lat, lon }, BARDA)).toBeCloseTo(20, 0);
  });

  it('counts the people whose own trip is within each band', () => {
    const country = embedded();
    const c = country.columns('resident');
    const { weights } = yearWeights({ columns: c, scaled: true, basis: 'resident' } as never, country.regions, 2025);
    let within30 = 0;
    for (let i = 0; i < c.count; i++)
      if (geodesicKm({ lat: c.lat[i]!, lon: c.lon[i]! }, BARDA) <= 20) within30 += weights[i]!;
    expect(within30).toBeGreaterThan(0);
    expect(fc.features[1]!.properties.population).toBe(Math.round(within30));
  });
});

describe('surface: GeoTIFF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dostplan-surface-'));
  const out = join(dir, 'minutes.tif');
  const r = cli(['surface', ONE, '--cell-km', '2', '--out', out]);

  it('reads back in EPSG:4326 with each cell where its minutes were measured', async () => {
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    const image = await tiff.getImage();
    expect(image.getGeoKeys()).toMatchObject({ GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2 });
    expect(image.getGDALNoData()).toBe(-9999);
    const [west, north] = image.getOrigin();
    const [dx, dy] = image.getResolution();
    const [w, , , n] = embedded().outline.box();
    expect([west, north]).toEqual([w, n]);
    expect(dy).toBeLessThan(0); // rows run south
    const values = (await image.readRasters({ interleave: true })) as Float32Array;
    const width = image.getWidth();
    const cell = (lat: number, lon: number) => {
      const col = Math.floor((lon - west!) / dx!),
        row = Math.floor((lat - north!) / dy!);
      const centre = { lon: west! + (col + 0.5) * dx!, lat: north! + (row + 0.5) * dy! };
      return { value: values[row * width + col]!, centre };
    };
    // The cell holding the center, one 30 km east and one in the Caspian Sea.
    const here = cell(BARDA.lat, BARDA.lon);
    expect(here.value).toBeCloseTo(minutesTo(here.centre), 3);
    expect(here.value).toBeLessThan(1.5); // within a 2 km cell's half-diagonal of 1.41 km
    const east = cell(40.3758, 47.48);
    expect(east.value).toBeCloseTo(minutesTo(east.centre), 3);
    expect(east.value).toBeGreaterThan(40);
    expect(cell(40.0, 50.3).value).toBe(-9999);
    expect(cell(39.21, 45.41).value).toBe(-1); // Nakhchivan city: the exclave has no center
  });

  it('prints a summary without --out; the Nakhchivan exclave reaches no center on the mainland', () => {
    const t = cli(['surface', ONE, '--cell-km', '2']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Grid: 2 km cells .* EPSG:4326/);
    expect(t.stdout).toMatch(/1,351 cells reach no open facility/);
  });

  it('refuses bands out of order and --catchments without GeoJSON', () => {
    expect(cli(['surface', ONE, '--bands', '30,15']).code).toBe(2);
    expect(cli(['surface', ONE, '--cell-km', '20']).code).toBe(2);
    const c = cli(['surface', ONE, '--catchments']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/--format geojson/);
  });
});

// The test town (tests/fixtures/roads/town.osm, worked by hand in tests/roads.test.ts). Test
// profile: primary 60 km/h (1 km a minute), off-road 6 km/h (10 minutes a km) up to 2 km. In
// 2024 only F1 is open, at the south end of Main street (40.00 N, 47.00 E), which runs north to
// 40.03 along 47.00 E.
describe('surface over the road fixtures', async () => {
  const ROADS = join(FIXTURES, 'roads');
  const ctx = await loadPlanContext(run, join(ROADS, 'town-plan.yaml'), {
    population: join(ROADS, 'town-population.csv'),
  });
  // 0.001° cells, one column centred on Main street (47.00 E).
  const grid: Grid = { west: 46.9805, north: 40.06, dLon: 0.001, dLat: 0.001, cols: 40, rows: 80, cellKm: 0.1 };
  const cells = landCells(grid, { method: 'all Aghjabadi', locate: () => 'AZ-AGC' });
  const surface = travelSurface(ctx.plan, ctx.country.regions, ctx.settings.travel, cells, 2024, 'any');
  const KM_PER_DEG_LAT = geodesicKm({ lat: 40, lon: 47 }, { lat: 41, lon: 47 });

  it('reports the cells beyond the off-road limit as cells, not as people', () => {
    const r = cli(['surface', join(ROADS, 'town-plan.yaml'), '--population', join(ROADS, 'town-population.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: [\d,]+ grid cells are more than 2 km from any road and counted as unreachable/);
    expect(r.stderr).not.toMatch(/population points? (is|are) more than/); // the cells' note once said so
  });

  it('gives a cell on Main street its minutes along the street', () => {
    const row = Math.round((40.06 - 40.0105) / 0.001 - 0.5); // centre 40.0105
    const i = cells.index[row * 40 + 19]!; // column 19: centre 47.0000
    expect(cells.columns.lat[i]).toBeCloseTo(40.0105, 9);
    expect(cells.columns.lon[i]).toBeCloseTo(47.0, 9);
    expect(surface.minutes[i]).toBeCloseTo(0.0105 * KM_PER_DEG_LAT, 3);
  });

  it('ends the 2-minute band 2 km up Main street, and 0.089 km either side of it at 40.01 N', () => {
    const people = new Network(ctx.plan, pointColumns(ctx.demand), ctx.country.regions, ctx.settings.travel);
    people.advanceTo(2024);
    const { weights } = yearWeights(ctx.demand, ctx.country.regions, 2024);
    const pop = bandPopulations({ minutes: people.minutes('any'), weights }, [2, 15]);
    const [b2, b15] = isochroneBands(cells, surface.minutes, [2, 15], pop);
    const ring = b2!.polygons[0]![0]!;
    const north = Math.max(...ring.map((p) => p[1]));
    expect(north).toBeCloseTo(40 + 2 / KM_PER_DEG_LAT, 4); // 40.01799
    // At 40.0105 N: 1.1675 min along the street leave 0.8325 min off-road at 10 min/km = 83 m.
    const KM_PER_DEG_LON = geodesicKm({ lat: 40.0105, lon: 47 }, { lat: 40.0105, lon: 48 });
    const across = ring.filter((p) => Math.abs(p[1] - 40.0105) < 1e-9).map((p) => p[0]);
    expect(across).toHaveLength(2);
    const half = (2 - 0.0105 * KM_PER_DEG_LAT) / 10;
    expect(Math.max(...across) - 47).toBeCloseTo(half / KM_PER_DEG_LON, 4);
    expect(47 - Math.min(...across)).toBeCloseTo(half / KM_PER_DEG_LON, 4);
    // Within 15 minutes: the one-way street (100, 10.6 min) and the field west of Main street
    // (400, 10.2 min); not the island (ferry 20 min) nor the point 3.4 km from any road.
    expect(b2!.population).toBe(0);
    expect(b15!.population).toBe(500);
  });
});

describe('surface: catchment areas', () => {
  const TWO = join(FIXTURES, 'surface', 'two-centers.yaml');
  const YEVLAKH = { lat: 40.6183, lon: 47.1501 };
  const r = cli(['surface', TWO, '--catchments', '--format', 'geojson']);
  const fc = JSON.parse(r.stdout) as Fc;

  it("gives each center the people nearer to it, those within 30 minutes, and Barda's utilization", () => {
    expect(r.code).toBe(0);
    const country = embedded();
    const c = country.columns('resident');
    const { weights } = yearWeights({ columns: c, scaled: true, basis: 'resident' } as never, country.regions, 2025);
    const mainland = country.regions.sideOf('AZ-BAR');
    const pop = [0, 0],
      covered = [0, 0];
    for (let i = 0; i < c.count; i++) {
      if (country.regions.sideOf(c.units[c.unit[i]!]!) !== mainland) continue; // Nakhchivan: no center
      const p = { lat: c.lat[i]!, lon: c.lon[i]! };
      const d = [geodesicKm(p, BARDA), geodesicKm(p, YEVLAKH)];
      const j = d[0]! <= d[1]! ? 0 : 1;
      pop[j]! += weights[i]!;
      if (d[j]! <= 20) covered[j]! += weights[i]!;
    }
    const [barda, yevlakh] = fc.features.map((f) => f.properties);
    expect(barda).toMatchObject({
      id: 'C1',
      population: Math.round(pop[0]!),
      covered_population: Math.round(covered[0]!),
    });
    expect(yevlakh).toMatchObject({ id: 'C2', population: Math.round(pop[1]!), utilization_pct: null });
    // 0.2 visits a resident a year over 245 working days, against a capacity of 200 visits a day.
    expect(barda!.utilization_pct).toBe(Math.round(((pop[0]! * 0.2) / 245 / 200) * 1000) / 10);
  });

  it('draws the boundary between them on the bisector, within a cell', () => {
    const [barda] = fc.features;
    for (const poly of barda!.geometry.coordinates)
      for (const [lon, lat] of poly[0]!)
        expect(geodesicKm({ lat, lon }, BARDA)).toBeLessThan(geodesicKm({ lat, lon }, YEVLAKH) + 1.5);
  });
});

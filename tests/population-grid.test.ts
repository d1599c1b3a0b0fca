import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { latLngToCell } from 'h3-js';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { embedded } from '../src/load/dataset-loader.js';
import { weightsYear } from '../src/model/dataset.js';
import { defaultLookup } from '../src/load/population/default-lookup.js';
import { detectFormat } from '../src/load/population/detect-format.js';
import { readGeoTiff } from '../src/load/population/geotiff-reader.js';
import { loadPopulation } from '../src/load/population/load-population.js';
import { scaleToOfficial } from '../src/load/population/scale-to-official.js';
import { PolygonIndex } from '../src/geo/polygon-index.js';
import { jsonFormat } from '../src/render/formats/json.js';
import { textFormat } from '../src/render/formats/text.js';
import { populationHtml } from '../src/render/html-report.js';
import { plain } from '../src/render/style.js';
import { cli, FIXTURES } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

const tmp = mkdtempSync(join(tmpdir(), 'dostplan-grid-'));
const { regions } = embedded();
const locator = defaultLookup(embedded());
const ND = -99999;

/** A GeoTIFF written with geotiff.js itself, as WorldPop ships them: Float32 band 1, GDAL nodata. */
function writeTiff(
  name: string,
  values: number[],
  width: number,
  geo: { x: number; y: number; dx: number; dy: number },
  keys: Record<string, unknown> = { GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2 },
): string {
  const file = join(tmp, name);
  const buf = writeArrayBuffer(Float32Array.from(values), {
    width,
    height: values.length / width,
    ModelPixelScale: [geo.dx, geo.dy, 0],
    ModelTiepoint: [0, 0, 0, geo.x, geo.y, 0],
    GDAL_NODATA: String(ND),
    GTRasterTypeGeoKey: 1,
    ...keys,
  });
  writeFileSync(file, Buffer.from(buf));
  return file;
}

// 4 × 3 cells of 0.1° over Ganja–Goygol (all inside the country): 2 nodata, 2 empty, 8 populated.
const ganja = writeTiff('ganja.tif', [100, 200, ND, 0, 300, 0, 400, 500, ND, 600, 700, 800], 4, {
  x: 46.2,
  y: 40.8,
  dx: 0.1,
  dy: 0.1,
});

// Two cells of one row at lat 40.4: lon 49.85 (Baku) and lon 51.0 (the middle of the Caspian Sea).
const coast = writeTiff('coast.tif', [1500, 700], 2, { x: 49.275, y: 40.5, dx: 1.15, dy: 0.2 });

describe('GeoTIFF population rasters', () => {
  it('sums band 1, skipping nodata and empty cells: 100+200+300+400+500+600+700+800 = 3,600 in 8 cells', async () => {
    const { table, stats, info } = await readGeoTiff(ganja);
    expect(stats).toEqual({ cells: 12, nodata: 2, empty: 2, populated: 8 });
    expect(table.count).toBe(8);
    expect(table.total()).toBe(3600);
    expect(info.crs).toMatch(/EPSG:4326/);
  });
  it('places each value at its cell centre: row 0, col 0 is (40.75, 46.25); row 2, col 3 is (40.55, 46.55)', async () => {
    const { table } = await readGeoTiff(ganja);
    expect(table.lat[0]).toBeCloseTo(40.75, 9);
    expect(table.lon[0]).toBeCloseTo(46.25, 9);
    expect(table.population[7]).toBe(800);
    expect(table.lat[7]).toBeCloseTo(40.55, 9);
    expect(table.lon[7]).toBeCloseTo(46.55, 9);
  });
  it('counts a populated cell in the sea, reports it and leaves it out of every total', async () => {
    const r = await loadPopulation(run, coast, regions, locator);
    expect(r.source.cells).toEqual({ total: 2, nodata: 0, empty: 0, populated: 2 });
    expect(r.source.outside).toEqual({ cells: 1, population: 700 });
    expect(r.source.inside_population).toBe(1500);
    expect(r.points).toHaveLength(1);
    expect(r.points[0]).toMatchObject({ region: 'AZ-BA', population: 1500 });
    expect(r.points[0]!.district).not.toBe('');
  });
  it('reprojects a GHS-POP Mollweide (ESRI:54009) cell centre: x 3,949,500 m, y 4,768,500 m → 39.813121° N, 46.424991° E', async () => {
    // By hand, Mollweide inverse on the sphere R = 6,378,137 m: θ = asin(y / (√2 R)) = 0.557016123;
    // φ = asin((2θ + sin 2θ) / π) = 39.8131215°; λ = π x / (2 √2 R cos θ) = 46.4249908°.
    const file = writeTiff(
      'ghs.tif',
      [42],
      1,
      { x: 3949000, y: 4769000, dx: 1000, dy: 1000 },
      { ProjectedCSTypeGeoKey: 54009, GTModelTypeGeoKey: 1 },
    );
    const { table, info } = await readGeoTiff(file);
    expect(info.crs).toMatch(/Mollweide/);
    expect(table.lat[0]).toBeCloseTo(39.8131215, 6);
    expect(table.lon[0]).toBeCloseTo(46.4249908, 6);
    // GDAL writes Mollweide as a user-defined projection named in the citation: same answer.
    const gdal = writeTiff(
      'ghs-gdal.tif',
      [42],
      1,
      { x: 3949000, y: 4769000, dx: 1000, dy: 1000 },
      { ProjectedCSTypeGeoKey: 32767, GTModelTypeGeoKey: 1, GTCitationGeoKey: 'World_Mollweide' },
    );
    expect((await readGeoTiff(gdal)).table.lat[0]).toBeCloseTo(39.8131215, 6);
  });
  it('refuses a CRS it cannot reproject, saying what to do', async () => {
    const file = writeTiff(
      'lambert.tif',
      [1],
      1,
      { x: 0, y: 0, dx: 1, dy: 1 },
      { ProjectedCSTypeGeoKey: 3035, GTModelTypeGeoKey: 1 },
    );
    await expect(readGeoTiff(file)).rejects.toThrow(/unsupported projected CRS 3035.*gdalwarp -t_srs EPSG:4326/);
  });
  it('a truncated file is a clear error naming the file', async () => {
    const bad = join(tmp, 'broken.tif');
    writeFileSync(bad, Buffer.from('II*\0\x08\0\0\0garbage'));
    await expect(loadPopulation(run, bad, regions, locator)).rejects.toThrow(/broken\.tif: not a readable GeoTIFF/);
  });
});

// One column, two cells: (40.683, 46.34) 1.7 km from Ganja's centre, (40.586, 46.34) 1.8 km from Goygol's.
const two = writeTiff('two.tif', [1000, 500], 1, { x: 46.33, y: 40.7315, dx: 0.02, dy: 0.097 });

describe('--scale-to official and --resolution', () => {
  // The default basis is resident (people where they live): the unit's resident figure where the data have
  // one, of the year the embedded resident points carry (2026: the latest resettlement; dataset.ts weightsYear).
  const official = (code: string) => {
    const r = regions.byCode.get(code)!,
      y = String(weightsYear(regions.dataset, 'resident'));
    return r.resident?.[y] ?? r.population[y]!;
  };

  it("rescales each unit's grid total to its SSC population: factor = official / grid", async () => {
    const r = await loadPopulation(run, two, regions, locator, { scaleTo: 'official', basis: 'resident' });
    const byUnit = new Map(r.points.map((p) => [p.region, p.population]));
    expect(byUnit.get('AZ-GA')).toBeCloseTo(official('AZ-GA'), 6);
    expect(byUnit.get('AZ-GYG')).toBeCloseTo(official('AZ-GYG'), 6);
    const scale = r.source.scale!;
    expect(scale.grid_total).toBe(1500);
    const ga = scale.units.find((u) => u.code === 'AZ-GA')!;
    expect(ga).toMatchObject({
      grid: 1000,
      official: official('AZ-GA'),
      factor: Math.round((official('AZ-GA') / 1000) * 10000) / 10000,
    });
    expect(scale.units.find((u) => u.code === 'AZ-GYG')!.factor).toBeCloseTo(official('AZ-GYG') / 500, 4);
    // Units without a single cell are listed with no factor: their people are missing from the grid.
    expect(scale.units.find((u) => u.code === 'AZ-SAK')).toMatchObject({ grid: 0, factor: null });
    expect(r.scaled).toBe(true);
  });
  it('merges cells into blocks within units: totals kept, the point at the population-weighted centre', async () => {
    // A hand-made locator (west of 46.4° E is Ganja, east is Goygol), so the sums do not depend on geography.
    const halves = { method: 'test halves', locate: (_lat: number, lon: number) => (lon < 46.4 ? 'AZ-GA' : 'AZ-GYG') };
    const r = await loadPopulation(run, ganja, regions, halves, { resolutionKm: 100 });
    expect(r.points.map((p) => [p.region, p.population])).toEqual([
      ['AZ-GA', 1200],
      ['AZ-GYG', 2400],
    ]);
    expect(r.source).toMatchObject({ resolution_km: 100, points: 2, inside_population: 3600 });
    // Ganja's cells: 100 and 200 at lat 40.75, 300 at 40.65, 600 at 40.55: (12225 + 12195 + 24330) / 1200 = 40.625.
    const ga = r.points[0]!;
    expect(ga.lat).toBeCloseTo((100 * 40.75 + 200 * 40.75 + 300 * 40.65 + 600 * 40.55) / 1200, 9);
    expect(ga.lat).toBeCloseTo(40.625, 9);
    expect(ga.lon).toBeCloseTo((100 * 46.25 + 200 * 46.35 + 300 * 46.25 + 600 * 46.35) / 1200, 9);
    expect(ga.lon).toBeCloseTo(46.316667, 6);
  });
});

describe('Kontur H3 population', () => {
  const cells = [
    { lat: 40.683, lon: 46.36, pop: 1200 }, // Ganja
    { lat: 40.586, lon: 46.319, pop: 300 }, // Goygol
    { lat: 40.409, lon: 49.867, pop: 0 }, // Baku, empty
    { lat: 40.0, lon: 51.0, pop: 50 }, // the Caspian Sea
  ].map((c) => ({ ...c, h3: latLngToCell(c.lat, c.lon, 8) }));

  it('reads a CSV export (h3,population): 1,500 people inside, 50 in the sea reported', async () => {
    const file = join(tmp, 'kontur.csv');
    writeFileSync(file, `h3,population\n${cells.map((c) => `${c.h3},${c.pop}`).join('\n')}\n`);
    const r = await loadPopulation(run, file, regions, locator);
    expect(r.source.format).toBe('h3-csv');
    expect(r.source.cells).toEqual({ total: 4, nodata: 0, empty: 1, populated: 3 });
    expect(r.source.outside).toEqual({ cells: 1, population: 50 });
    expect(r.points.map((p) => [p.region, p.population])).toEqual([
      ['AZ-GA', 1200],
      ['AZ-GYG', 300],
    ]);
    // The point is the hexagon's centre: within a res-8 hexagon's radius (~0.5 km) of where it was made.
    expect(Math.abs(r.points[0]!.lat - 40.683)).toBeLessThan(0.006);
  });
  it('names the line and column of a bad H3 index', async () => {
    const file = join(tmp, 'kontur-bad.csv');
    writeFileSync(file, `h3,population\n${cells[0]!.h3},5\nnot-a-cell,7\n`);
    await expect(loadPopulation(run, file, regions, locator)).rejects.toThrow(
      /kontur-bad\.csv:3:1: not an H3 cell index/,
    );
  });
  it('reads a GeoPackage (Kontur: table with fid, geom, h3, population) made with sql.js', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run(
      'CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, srs_id INTEGER)',
    );
    db.run("INSERT INTO gpkg_contents VALUES ('population', 'features', 'population', 3857)");
    db.run('CREATE TABLE population (fid INTEGER PRIMARY KEY, geom BLOB, h3 TEXT, population REAL)');
    for (const c of cells) db.run('INSERT INTO population (geom, h3, population) VALUES (NULL, ?, ?)', [c.h3, c.pop]);
    const file = join(tmp, 'kontur.gpkg');
    writeFileSync(file, Buffer.from(db.export()));
    db.close();
    const r = await loadPopulation(run, file, regions, locator);
    expect(r.source.format).toBe('geopackage');
    expect(r.source.inside_population).toBe(1500);
    expect(r.source.outside).toEqual({ cells: 1, population: 50 });
  });
});

describe('format detection by content', () => {
  it('tells TIFF, BigTIFF, SQLite, GeoJSON, H3 CSV and point CSV apart', () => {
    expect(detectFormat(Buffer.from('II*\0rest'))).toBe('geotiff');
    expect(detectFormat(Buffer.from('MM\0*rest'))).toBe('geotiff');
    expect(detectFormat(Buffer.from('II+\0rest'))).toBe('geotiff');
    expect(detectFormat(Buffer.from('SQLite format 3\0....'))).toBe('geopackage');
    expect(detectFormat(Buffer.from('\uFEFF { "type": "FeatureCollection"'))).toBe('geojson');
    expect(detectFormat(Buffer.from('H3,Population\n882d1a8a67fffff,12\n'))).toBe('h3-csv');
    expect(detectFormat(Buffer.from('lat,lon,population\n40.4,49.8,10\n'))).toBe('points-csv');
  });
  it('reads GeoJSON points whatever their extension: the 600 people of the hand fixture', async () => {
    const file = join(tmp, 'points.txt');
    writeFileSync(file, readFileSync(join(FIXTURES, 'hand-population.geojson')));
    const r = await loadPopulation(run, file, regions, locator);
    expect(r.source.format).toBe('geojson');
    expect(r.points.reduce((t, p) => t + p.population, 0)).toBe(600);
  });
  it('reads a raster larger than the country only around it, with the same people inside', async () => {
    // 0.5° cells over lon 30–60, lat 30–50 (60 × 40 cells), 10 people each: a "regional mosaic".
    const big = writeTiff('region.tif', new Array(60 * 40).fill(10), 60, { x: 30, y: 50, dx: 0.5, dy: 0.5 });
    const whole = await loadPopulation(run, big, regions, locator);
    const clipped = await loadPopulation(run, big, regions, locator, { clip: embedded().outline.box(1) });
    expect(clipped.source.inside_population).toBe(whole.source.inside_population);
    expect(clipped.source.inside_population).toBeGreaterThan(0);
    expect(clipped.source.points).toBe(whole.source.points);
    expect(whole.source.cells.total).toBe(2400);
    // Azerbaijan spans about 6° × 3.5°: with 1° around it, about 9° × 6° of cells are read.
    expect(clipped.source.cells.total).toBeLessThan(400);
    expect(clipped.source.window).toEqual({ raster: [60, 40], read: expect.any(Array) });
    expect(whole.source.window).toBeUndefined();
  });
  it('reads a GeoTIFF whatever its extension', async () => {
    const named = writeTiff('grid.csv', [5, 6], 2, { x: 46.2, y: 40.8, dx: 0.1, dy: 0.1 });
    const r = await loadPopulation(run, named, regions, locator);
    expect(r.source.format).toBe('geotiff');
    expect(r.source.inside_population).toBe(11);
  });
});

describe('polygon index', () => {
  it('agrees with a hand-drawn square with a hole', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [3, 1],
          [3, 3],
          [1, 3],
          [1, 1],
        ],
      ],
    };
    const other = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [5, 0],
          [6, 0],
          [6, 1],
          [5, 1],
          [5, 0],
        ],
      ],
    };
    const idx = new PolygonIndex([square, other], 3);
    expect(idx.lookup(0.5, 0.5)).toBe(0);
    expect(idx.lookup(2, 2)).toBe(-1); // in the hole
    expect(idx.lookup(3.5, 2)).toBe(0);
    expect(idx.lookup(5.5, 0.5)).toBe(1);
    expect(idx.lookup(4.5, 0.5)).toBe(-1);
    expect(idx.lookup(2, 9)).toBe(-1);
  });
  it('a row swept at once gives the same owners as point by point, on the 77 unit polygons', () => {
    const units = embedded().units!;
    const idx = new PolygonIndex(units.codes.map((c) => units.geometry(c)!));
    const lons = Float64Array.from({ length: 600 }, (_, k) => 44.7 + k * 0.01);
    const out = new Int32Array(lons.length);
    let inside = 0;
    for (const lat of [38.45, 39.2, 40.05, 40.4, 41.3]) {
      idx.lookupRow(lat, lons, 0, lons.length, out);
      for (let k = 0; k < lons.length; k++) {
        expect(out[k]).toBe(idx.lookup(lons[k]!, lat));
        if (out[k]! >= 0) inside++;
      }
    }
    expect(inside).toBeGreaterThan(1000);
  });
});

describe('dostplan with a population grid (end to end)', () => {
  it('coverage --population grid.tif: JSON with the grid total and a population_source block', () => {
    const r = cli(['coverage', '--population', ganja, '--format', 'json', '--by', 'nation']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.population).toBe(3600);
    expect(j.population_source).toMatchObject({
      format: 'geotiff',
      cells: { total: 12, nodata: 2, empty: 2, populated: 8 },
      outside: { cells: 0, population: 0 },
      points: 8,
    });
    expect(r.stderr).toContain('12 cells, 8 populated, 2 empty, 2 nodata');
  });
  it('reports the cell in the sea on stderr and under the text report', () => {
    const r = cli(['coverage', '--population', coast, '--by', 'nation']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 populated cells (700 people) in the sea or abroad, not counted');
    expect(r.stdout).toContain('Total: 1,500 of 1,500 people covered');
    expect(r.stdout).toMatch(/Population source\n/);
  });
  it('population: in a plan is read relative to the plan; --scale-to official prints the factor of every unit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-plan-'));
    writeFileSync(join(dir, 'two.tif'), readFileSync(join(tmp, 'two.tif')));
    const plan = join(dir, 'plan.yaml');
    writeFileSync(
      plan,
      readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8').replace(
        'name: Small test network\n',
        'name: Small test network\npopulation: two.tif\n',
      ),
    );
    const plain = JSON.parse(cli(['coverage', plan, '--format', 'json', '--by', 'nation']).stdout);
    expect(plain.population).toBe(1500);
    const md = cli(['timeline', plan, '--scale-to', 'official', '--format', 'md']);
    expect(md.code).toBe(0);
    const wy = String(weightsYear(regions.dataset, 'resident'));
    const ga = regions.byCode.get('AZ-GA')!.resident?.[wy] ?? regions.byCode.get('AZ-GA')!.population[wy]!;
    expect(md.stdout).toContain(
      `| AZ-GA | Ganja | 1,000 | ${ga.toLocaleString('en-US')} | ${Math.round((ga / 1000) * 10000) / 10000} |`,
    );
    expect(md.stderr).toContain('scaled to official');
  });
  it('--scale-to without a population file is a usage error; a missing file is exit 2 without a stack trace', () => {
    const a = cli(['coverage', '--scale-to', 'official']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('apply to a population file');
    const b = cli(['coverage', '--population', join(tmp, 'nope.tif')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/nope\.tif: no such file/);
    expect(b.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('a population grid for a country without unit polygons (--data)', () => {
  // Examplia (tests/fixtures/country-xa): a mainland square 20–21.2° E and the island Isla 21.6–22° E.
  // Cells at lat 10.5: 20.5° E (100 people), 20.95° E (empty), 21.4° E (7, in the strait), 21.85° E (50, Isla).
  const xa = writeTiff('examplia.tif', [100, 0, 7, 50], 4, { x: 20.275, y: 10.6, dx: 0.45, dy: 0.2 });
  it('falls back to the outline and the nearest seat; --scale-to official: Capital ×40, Isla ×10, Norte has no cell', () => {
    const r = cli([
      '--data',
      join(FIXTURES, 'country-xa'),
      'coverage',
      '--population',
      xa,
      '--scale-to',
      'official',
      '--by',
      'region',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.population_source).toMatchObject({
      cells: { total: 4, nodata: 0, empty: 1, populated: 3 },
      outside: { cells: 1, population: 7 },
      inside_population: 150,
    });
    expect(j.population_source.assignment).toMatch(/nearest administrative centre/);
    expect(j.population_source.scale.units).toEqual([
      { code: 'XA-C', name: expect.any(String), grid: 100, official: 4000, factor: 40 },
      { code: 'XA-I', name: expect.any(String), grid: 50, official: 500, factor: 10 },
      { code: 'XA-N', name: expect.any(String), grid: 0, official: 1000, factor: null },
    ]);
    // Every unit is listed; Norte, with no cell, at 0.
    expect(j.groups.map((g: { id: string; population: number }) => [g.id, g.population])).toEqual([
      ['XA-C', 4000],
      ['XA-I', 500],
      ['XA-N', 0],
    ]);
  });
});

describe('the population source in reports', () => {
  it('is an HTML section, escaped, with the factor table; a JSON member; a text section', async () => {
    const r = await loadPopulation(run, two, regions, locator, { scaleTo: 'official' });
    expect(populationHtml(r.source)).toMatch(
      /^<h2 id="population-source">Population source<\/h2>\n<pre>[^<]*AZ-GA +Ganja +1,000 [^<]*<\/pre>\n$/,
    );
    const ctx = { style: plain, population: r.source };
    const list = { dataset: regions.dataset };
    expect(JSON.parse(jsonFormat.regions!(list, ctx) as string).population_source).toEqual(r.source);
    expect(textFormat.regions!(list, ctx) as string).toMatch(/\nPopulation source\n\n {2}\S[^\n]*: \d+ cells, /);
  });
});

describe('--scale-to official on each population basis', () => {
  it('resident figures by default, registered (SSC de jure) on request: Aghdam differs by its displaced people', () => {
    const y = String(regions.dataset.base_year);
    const agm = regions.byCode.get('AZ-AGM')!;
    const resident = scaleToOfficial(Float64Array.of(1000), [0], ['AZ-AGM'], regions, ['AZ-AGM'], 'resident');
    const registered = scaleToOfficial(Float64Array.of(1000), [0], ['AZ-AGM'], regions, ['AZ-AGM'], 'registered');
    expect(registered.units[0]).toMatchObject({
      code: 'AZ-AGM',
      grid: 1000,
      official: agm.population[y],
      factor: agm.population[y]! / 1000,
    });
    // Resident figures of the year the resident points carry (2026), registered ones of the base year.
    const ry = String(weightsYear(regions.dataset, 'resident'));
    expect(ry).toBe('2026');
    expect(resident.units[0]!.official).toBe(agm.resident![ry]);
    expect(resident.year).toBe(2026);
    expect(registered.year).toBe(2024);
    expect(resident.basis).toBe('resident');
    expect(resident.units[0]!.official).toBeLessThan(registered.units[0]!.official);
  });
});

/**
 * Roads as a GeoPackage line layer (load/roads/geopackage-reader.ts): the committed fixture
 * tests/fixtures/roads/geofabrik/town-roads.gpkg (make_geopackage.sh: the Geofabrik-style
 * shapefile through ogr2ogr, beside a ferry layer) gives the same graph and the same travel times
 * as the shapefile and the GeoJSON of the same roads; the layer and class field are chosen as the
 * flags say; damaged files, hostile geometries and foreign coordinate systems stop with a message.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { geodesicKm } from '../src/geo/geodesic.js';
import { decodeGeometry } from '../src/load/roads/geopackage-reader.js';
import { loadRoadModel } from '../src/load/roads/road-network.js';
import { english } from '../src/model/said.js';
import { RunContext } from '../src/run/run-context.js';
import { cli, FIXTURES } from './helpers.js';

const run = new RunContext();
const ROADS = join(FIXTURES, 'roads');
const GPKG = join(ROADS, 'geofabrik', 'town-roads.gpkg');
const SHP = join(ROADS, 'geofabrik', 'gis_osm_roads_free_1.shp');
const PROFILE = join(ROADS, 'test-profile.yaml');
const DIR = mkdtempSync(join(tmpdir(), 'dostplan-gpkg-'));
const modelOf = async (file: string, o: { classField?: string; layer?: string } = {}) =>
  (await loadRoadModel(run, file, { profileFile: PROFILE, noCache: true, ...o })).model;

// The town's roads as GeoJSON without the ferry, as in tests/shapefile.test.ts.
const town = JSON.parse(readFileSync(join(ROADS, 'town.geojson'), 'utf8'));
town.features = town.features.filter((f: { properties: Record<string, string> }) => 'highway' in f.properties);
const GEOJSON = join(DIR, 'town-roads.geojson');
writeFileSync(GEOJSON, JSON.stringify(town));

const at = (lat: number, lon: number) => ({ lat, lon, side: 0 });
const LAT = geodesicKm(at(40, 47), at(40.01, 47));
const EW = geodesicKm(at(40.03, 47), at(40.03, 47.01));
const F1 = at(40.0, 47.0); // Main street's south end
const PLACES = [at(40.005, 47.01), at(40.03, 47.0), at(40.015, 46.99), at(40.0, 47.05), at(40.02, 47.005)];

/** Minutes and km from each place to F1, over a network file. */
async function costsOver(file: string, o: { classField?: string; layer?: string } = {}) {
  const costs = (await modelOf(file, o)).nearestCosts(PLACES);
  costs.open('center', [{ id: 0, place: F1 }]);
  return { min: [...costs.minutes('center')], km: [...costs.km('center')] };
}

const SQL = await initSqlJs();

/** A copy of the fixture changed by SQL (statements run in order). */
function edited(name: string, ...sql: string[]): string {
  const db = new SQL.Database(readFileSync(GPKG));
  for (const s of sql) db.run(s);
  const p = join(DIR, name);
  writeFileSync(p, db.export());
  db.close();
  return p;
}

/** A GeoPackage geometry blob: header (little-endian, no envelope, srs 4326) and a WKB LineString. */
function lineBlob(points: [number, number][], count = points.length): Buffer {
  const b = Buffer.alloc(8 + 9 + 16 * points.length);
  b.write('GP', 0, 'latin1');
  b[3] = 1;
  b.writeInt32LE(4326, 4);
  b[8] = 1;
  b.writeUInt32LE(2, 9);
  b.writeUInt32LE(count, 13);
  points.forEach(([x, y], i) => {
    b.writeDoubleLE(x, 17 + 16 * i);
    b.writeDoubleLE(y, 25 + 16 * i);
  });
  return b;
}

const hex = (b: Buffer) => `X'${b.toString('hex')}'`;

describe('the GeoPackage of the test town', () => {
  it('travel times and km equal the shapefile’s and the GeoJSON’s of the same roads, worked by hand', async () => {
    const gpkg = await costsOver(GPKG);
    expect(gpkg).toEqual(await costsOver(SHP));
    expect(gpkg).toEqual(await costsOver(GEOJSON));
    // The one-way street (oneway=T, digitised against its direction) runs north only: round the block,
    // 0.025° north at 30, the north connector at its maxspeed 30, 0.03° south on Main at 60.
    expect(gpkg.min[0]).toBeCloseTo(((2.5 * LAT) / 30) * 60 + (EW / 30) * 60 + ((3 * LAT) / 60) * 60, 6);
    // On Main street, 0.03° north of F1: 3.336 km at 60 km/h.
    expect(gpkg.min[1]).toBeCloseTo(3 * LAT, 6);
    expect(gpkg.min[3]).toBe(Infinity); // 3.4 km from any road: beyond the 2 km off-road limit
  });

  it('the roads layer is chosen among two line layers; the graph has no ferry', async () => {
    const m = await modelOf(GPKG);
    expect(m.graph.meta.format).toBe('geopackage');
    expect(m.graph.meta.ferryKm).toBe(0);
    expect(m.graph.meta.roadKm).toBeCloseTo((await modelOf(SHP)).graph.meta.roadKm, 9);
  });

  it('through the CLI: the same distances as over the shapefile', () => {
    const args = ['distances', join(ROADS, 'town-plan.yaml'), '--population', join(ROADS, 'town-population.csv')];
    const a = cli([...args, '-f', 'json', '--roads', GPKG, '--roads-profile', PROFILE]);
    const b = cli([...args, '-f', 'json', '--roads', SHP, '--roads-profile', PROFILE]);
    expect(a.code).toBe(0);
    const strip = (s: string) =>
      s
        .split('\n')
        .filter((l) => !/town-roads\.gpkg|gis_osm_roads_free_1\.shp/.test(l))
        .join('\n');
    expect(strip(a.stdout).length).toBeGreaterThan(500);
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });
});

describe('choosing the layer and the class field', () => {
  // Two line layers, neither named *roads*.
  const two = edited(
    'two.gpkg',
    'ALTER TABLE gis_osm_roads_free_1 RENAME TO streets',
    "UPDATE gpkg_contents SET table_name = 'streets' WHERE table_name = 'gis_osm_roads_free_1'",
    "UPDATE gpkg_geometry_columns SET table_name = 'streets' WHERE table_name = 'gis_osm_roads_free_1'",
  );

  it('several line layers: listed, and --roads-layer names one (exit 2 when it names none)', async () => {
    await expect(modelOf(two)).rejects.toThrow(
      `${two}: 2 line layers ('gis_osm_ferries', 'streets'); name the roads' with --roads-layer NAME`,
    );
    expect(await costsOver(two, { layer: 'streets' })).toEqual(await costsOver(GPKG));
    const r = cli(['coverage', join(ROADS, 'town-plan.yaml'), '--roads', two, '--roads-layer', 'lanes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "no line layer named 'lanes' (--roads-layer); its line layers are 'gis_osm_ferries', 'streets'",
    );
    const ok = cli(['coverage', join(ROADS, 'town-plan.yaml'), '--roads', two, '--roads-layer', 'streets']);
    expect(ok.code).toBe(0);
  });

  it('another class field: refused with the layer’s fields, then read with --roads-class-field', async () => {
    const typed = edited('typed.gpkg', 'ALTER TABLE gis_osm_roads_free_1 RENAME COLUMN fclass TO type');
    await expect(modelOf(typed)).rejects.toThrow(
      `${typed}: no highway or fclass field in layer 'gis_osm_roads_free_1'; its fields are fid, osm_id, code, type, name, oneway, maxspeed; name the road class field with --roads-class-field NAME`,
    );
    expect(await costsOver(typed, { classField: 'type' })).toEqual(await costsOver(GPKG));
  });

  it('--roads-layer without --roads is a usage error', () => {
    const r = cli(['coverage', '--roads-layer', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --roads FILE');
  });
});

describe('the graph cache keeps GIS networks', () => {
  it('the second load of a shapefile or a GeoPackage comes from the cache (a shapefile did not)', async () => {
    const env = process.env.DOSTPLAN_CACHE_DIR;
    process.env.DOSTPLAN_CACHE_DIR = mkdtempSync(join(tmpdir(), 'dostplan-cache-'));
    try {
      for (const file of [SHP, GPKG]) {
        const notes: string[] = [];
        const load = () => loadRoadModel(run, file, { profileFile: PROFILE, onNote: (l) => notes.push(english(l)) });
        const first = await load(),
          second = await load();
        expect([first.report.fromCache, second.report.fromCache]).toEqual([false, true]);
        expect(notes.join('\n')).not.toMatch(/cache .* was not used/);
        expect(second.model.graph.meta).toEqual(first.model.graph.meta);
      }
      // Another layer of the same file is another graph.
      const ferries = await loadRoadModel(run, GPKG, { profileFile: PROFILE, layer: 'gis_osm_ferries' }).catch(
        (e: Error) => e,
      );
      expect(String(ferries)).toContain('no road a car may use');
    } finally {
      if (env === undefined) delete process.env.DOSTPLAN_CACHE_DIR;
      else process.env.DOSTPLAN_CACHE_DIR = env;
    }
  });
});

describe('untrusted GeoPackages: exit 1 or 2, the file, what to do, no stack trace', () => {
  const check = (file: string, message: string | RegExp, code = 1) => {
    const r = cli(['coverage', join(ROADS, 'town-plan.yaml'), '--roads', file, '--roads-profile', PROFILE]);
    expect(r.stderr).toMatch(
      typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message,
    );
    expect(r.code).toBe(code);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    return r;
  };

  it('a truncated or overwritten SQLite file', () => {
    const bytes = readFileSync(GPKG);
    const cut = join(DIR, 'cut.gpkg');
    writeFileSync(cut, bytes.subarray(0, 6000));
    check(cut, `${cut}: not a readable GeoPackage`);
    // The schema page overwritten after SQLite's 100-byte header.
    const garbled = Buffer.from(bytes);
    garbled.fill(0xa5, 100, 4096);
    const g = join(DIR, 'garbled.gpkg');
    writeFileSync(g, garbled);
    check(
      g,
      `${g}: not a readable GeoPackage: database disk image is malformed; is the file complete? export it again`,
    );
  });

  it('an SQLite file that is no GeoPackage, and one without line layers', () => {
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a)');
    const plain = join(DIR, 'plain.sqlite');
    writeFileSync(plain, db.export());
    check(plain, `${plain}: an SQLite file but not a GeoPackage`);
    const points = edited('points.gpkg', "UPDATE gpkg_geometry_columns SET geometry_type_name = 'POINT'");
    check(points, 'no layer of lines (LineString or MultiLineString) among its 2 feature layers');
  });

  it('non-finite and out-of-range coordinates are refused at the reader', () => {
    const nan = edited(
      'nan.gpkg',
      `UPDATE gis_osm_roads_free_1 SET geom = ${hex(
        lineBlob([
          [47, 40],
          [Number.NaN, 40.01],
        ]),
      )} WHERE fid = 1`,
    );
    check(nan, "layer 'gis_osm_roads_free_1', feature 1: a point that is not a number or outside ±90° latitude");
    const far = edited(
      'far.gpkg',
      `UPDATE gis_osm_roads_free_1 SET geom = ${hex(
        lineBlob([
          [47, 40],
          [47, Number.POSITIVE_INFINITY],
        ]),
      )} WHERE fid = 2`,
    );
    check(far, 'feature 2: a point that is not a number or outside');
  });

  it('a geometry whose count lies, a bad header, a view, a projected layer', () => {
    const liar = edited(
      'liar.gpkg',
      `UPDATE gis_osm_roads_free_1 SET geom = ${hex(
        lineBlob(
          [
            [47, 40],
            [47, 40.01],
          ],
          2_000_000_000,
        ),
      )} WHERE fid = 3`,
    );
    check(liar, 'feature 3: a damaged geometry (counts more points than it holds); export the layer again');
    const header = edited('header.gpkg', `UPDATE gis_osm_roads_free_1 SET geom = X'00112233' WHERE fid = 1`);
    check(header, 'feature 1: a damaged geometry (no GeoPackage geometry header)');
    const view = edited(
      'view.gpkg',
      'ALTER TABLE gis_osm_roads_free_1 RENAME TO base',
      'CREATE VIEW gis_osm_roads_free_1 AS SELECT * FROM base',
      "DELETE FROM gpkg_contents WHERE table_name = 'gis_osm_ferries'",
      "DELETE FROM gpkg_geometry_columns WHERE table_name = 'gis_osm_ferries'",
    );
    check(view, "layer 'gis_osm_roads_free_1' is a view, which is not read");
    const utm = edited(
      'utm.gpkg',
      "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 / UTM zone 38N', 32638, 'EPSG', 32638, 'PROJCS[\"WGS 84 / UTM zone 38N\"]', NULL)",
      'UPDATE gpkg_geometry_columns SET srs_id = 32638',
    );
    check(utm, 'is not in WGS 84 longitude/latitude (its spatial reference system is EPSG:32638); reproject it');
  });

  it('decodes what GDAL writes: MultiLineStrings, Z, big-endian, an envelope', () => {
    // A big-endian header with an xy envelope, then a little-endian MultiLineString Z of two parts.
    const part = (pts: number[][]) => {
      const b = Buffer.alloc(9 + 24 * pts.length);
      b[0] = 1;
      b.writeUInt32LE(1002, 1); // LineString Z (ISO)
      b.writeUInt32LE(pts.length, 5);
      pts.forEach((p, i) => p.forEach((v, k) => b.writeDoubleLE(v, 9 + 24 * i + 8 * k)));
      return b;
    };
    const head = Buffer.alloc(8 + 32);
    head.write('GP', 0, 'latin1');
    head[3] = 0b010; // big-endian header, envelope [minx, maxx, miny, maxy]
    head.writeInt32BE(4326, 4);
    const multi = Buffer.alloc(9);
    multi[0] = 1;
    multi.writeUInt32LE(1005, 1); // MultiLineString Z
    multi.writeUInt32LE(2, 5);
    const blob = Buffer.concat([
      head,
      multi,
      part([
        [47, 40, 100],
        [47, 40.01, 101],
      ]),
      part([
        [47.01, 40, 5],
        [47.02, 40, 6],
        [47.03, 40.01, 7],
      ]),
    ]);
    expect(decodeGeometry(blob, 'f', 'feature 1').map((l) => [...l])).toEqual([
      [47, 40, 47, 40.01],
      [47.01, 40, 47.02, 40, 47.03, 40.01],
    ]);
    // Cut anywhere, it is a damaged geometry, never a RangeError.
    for (let n = 0; n < blob.length; n++)
      expect(() => decodeGeometry(blob.subarray(0, n), 'f', 'feature 1')).toThrow(/damaged geometry/);
  });
});

/**
 * Roads as ESRI Shapefiles (load/roads/shapefile-reader.ts): the committed Geofabrik-style
 * export of the test town (tests/fixtures/roads/geofabrik/, made by make_shapefile.py: fclass,
 * oneway F/T/B with the one-way street digitised against its direction, maxspeed 0 = unknown)
 * gives the same graph as the town's GeoJSON without its ferry; zipped too; another class field
 * by --roads-class-field; broken files stop with a message.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoadModel } from '../src/load/roads/road-network.js';
import { readDbf } from '../src/load/roads/shapefile-reader.js';
import { RunContext } from '../src/run/run-context.js';
import { cli, FIXTURES } from './helpers.js';
import { zip } from './xlsx-writer.js';

const run = new RunContext();
const ROADS = join(FIXTURES, 'roads');
const GEOFABRIK = join(ROADS, 'geofabrik');
const SHP = join(GEOFABRIK, 'gis_osm_roads_free_1.shp');
const PROFILE = join(ROADS, 'test-profile.yaml');
const DIR = mkdtempSync(join(tmpdir(), 'dostplan-shp-'));
const graphOf = async (file: string, classField?: string) =>
  (await loadRoadModel(run, file, { profileFile: PROFILE, noCache: true, ...(classField ? { classField } : {}) })).model
    .graph;

// The town's roads as GeoJSON, without the ferry (Geofabrik keeps ferries in another layer).
const town = JSON.parse(readFileSync(join(ROADS, 'town.geojson'), 'utf8'));
town.features = town.features.filter((f: { properties: Record<string, string> }) => 'highway' in f.properties);
const GEOJSON = join(DIR, 'town-roads.geojson');
writeFileSync(GEOJSON, JSON.stringify(town));
const reference = await graphOf(GEOJSON);

/** A copy of the fixture under `stem` in DIR, with its .dbf changed by `dbf`. */
function copy(stem: string, dbf: (b: Buffer) => Buffer = (b) => b, exts = ['shp', 'shx', 'prj', 'cpg']): string {
  for (const ext of exts) copyFileSync(join(GEOFABRIK, `gis_osm_roads_free_1.${ext}`), join(DIR, `${stem}.${ext}`));
  writeFileSync(join(DIR, `${stem}.dbf`), dbf(readFileSync(join(GEOFABRIK, 'gis_osm_roads_free_1.dbf'))));
  return join(DIR, `${stem}.shp`);
}

const sameGraph = async (graph: Promise<typeof reference>) => {
  const g = await graph;
  expect(g.meta.edges).toBe(reference.meta.edges);
  expect(g.meta.roadKm).toBeCloseTo(reference.meta.roadKm, 9);
  expect([...g.fwdMin].sort()).toEqual([...reference.fwdMin].sort());
};

describe('the Geofabrik-style shapefile of the test town', () => {
  it('reads its table: fclass, oneway F/T/B, maxspeed', () => {
    const t = readDbf(readFileSync(join(GEOFABRIK, 'gis_osm_roads_free_1.dbf')), 'x.dbf', 'UTF-8');
    expect(t.fields).toEqual(['osm_id', 'code', 'fclass', 'name', 'oneway', 'maxspeed']);
    expect(t.count).toBe(7);
    expect(t.record(1)).toEqual({
      osm_id: '1001',
      code: '5122',
      fclass: 'residential',
      name: 'One-way street',
      oneway: 'T',
      maxspeed: '0',
    });
  });

  it('gives the same graph as the GeoJSON of the same roads (the T one-way turned round)', async () => {
    await sameGraph(graphOf(SHP));
    // One way only: fewer edges backward than a two-way street would give.
    expect(reference.meta.edges).toBeGreaterThan(0);
  });

  it('zipped as Geofabrik ships it, among other layers', async () => {
    const files = ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext): [string, Buffer] => [
      `gis_osm_roads_free_1.${ext}`,
      readFileSync(join(GEOFABRIK, `gis_osm_roads_free_1.${ext}`)),
    ]);
    const other: [string, Buffer][] = [
      ['gis_osm_pois_free_1.shp', Buffer.alloc(100)],
      ['README', Buffer.from('x')],
    ];
    const p = join(DIR, 'azerbaijan-latest-free.shp.zip');
    writeFileSync(p, zip([...other, ...files]));
    await sameGraph(graphOf(p));
  });

  it('another class field: refused with the fields and the flag to use, then read with --roads-class-field', async () => {
    const renamed = copy('typed', (b) => {
      const c = Buffer.from(b);
      c.write('type\0\0', 96, 'latin1'); // the third field's name: fclass → type
      return c;
    });
    await expect(graphOf(renamed)).rejects.toThrow(
      `${renamed}: no highway or fclass field in the .dbf; its fields are osm_id, code, type, name, oneway, maxspeed; name the road class field with --roads-class-field NAME`,
    );
    await sameGraph(graphOf(renamed, 'type'));
    await expect(graphOf(renamed, 'kind')).rejects.toThrow(/no field 'kind' in the \.dbf \(--roads-class-field\)/);
  });

  it('through the CLI: the same distances as over the GeoJSON', () => {
    const args = [
      'distances',
      join(ROADS, 'town-plan.yaml'),
      '--population',
      join(ROADS, 'town-population.csv'),
      '-f',
      'json',
    ];
    const a = cli([...args, '--roads', SHP, '--roads-profile', PROFILE]);
    const b = cli([...args, '--roads', GEOJSON, '--roads-profile', PROFILE]);
    expect(a.code).toBe(0);
    // Only the lines naming the network's file differ.
    const strip = (s: string) =>
      s
        .split('\n')
        .filter((l) => !/gis_osm_roads_free_1\.shp|town-roads\.geojson/.test(l))
        .join('\n');
    expect(strip(a.stdout).length).toBeGreaterThan(500);
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });
});

describe('broken shapefiles: exit 1, what to do, no stack trace', () => {
  const roads = (file: string) => cli(['coverage', join(ROADS, 'town-plan.yaml'), '--roads', file]);
  const check = (file: string, message: string) => {
    const r = roads(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it('a .shp without its .dbf', () => {
    const p = copy('nodbf');
    const lone = join(DIR, 'lone.shp');
    copyFileSync(p, lone);
    check(lone, 'no lone.dbf beside it');
  });

  it('a projected shapefile', () => {
    const p = copy('utm');
    writeFileSync(join(DIR, 'utm.prj'), 'PROJCS["WGS_1984_UTM_Zone_38N",GEOGCS["GCS_WGS_1984"]]');
    check(p, 'in a projected coordinate system (its .prj); reproject it to WGS 84 (EPSG:4326)');
  });

  it('a truncated .shp, and a record that claims more points than it holds', () => {
    const p = copy('cut');
    const shp = readFileSync(p);
    writeFileSync(p, shp.subarray(0, shp.length - 20));
    check(p, 'a damaged .shp (record 7 runs past the end of the file)');
    const q = copy('liar');
    const lie = Buffer.from(shp);
    lie.writeInt32LE(2_000_000_000, 100 + 8 + 40); // the first record's point count
    writeFileSync(q, lie);
    check(q, 'a damaged .shp (record 1 counts more parts or points than it holds)');
  });

  it('a .dbf that counts more rows than it holds', () => {
    const p = copy('rows', (b) => {
      const c = Buffer.from(b);
      c.writeUInt32LE(1_000_000, 4);
      return c;
    });
    check(p, 'a damaged .dbf (its header counts more rows than the file holds)');
  });
});

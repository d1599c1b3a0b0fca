/**
 * A population point's region column is checked against the unit polygons with the tolerance of
 * validate's outside-region (issue 22): a point far outside the unit it names is an error at its
 * line, and a file whose lat and lon are swapped is told so, with or without a region column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNIT_BORDER_TOLERANCE_KM } from '../src/geo/region-footprint.js';
import { cli, FIXTURES, ROOT } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-region-check-'));
const file = (name: string, text: string) => {
  const p = join(DIR, name);
  writeFileSync(p, text);
  return p;
};
const plan = join(FIXTURES, 'valid', 'hand.yaml');
const coverage = (csv: string) => cli(['coverage', plan, '--population', csv]);

describe('population points and the unit they claim', () => {
  // Barda's centre and two towns; the third row claims Goranboy but lies in Yevlakh, 17.2 km from
  // Goranboy's polygon (the hand fixture's P3 before issue 22).
  const rows = ['lat,lon,population,region', '40.3758,47.1262,100,AZ-BAR', '40.4758,47.1262,200,AZ-BAR'];

  it('a point 17 km outside the unit it names is an error at its line, naming where it lies', () => {
    const r = coverage(file('wrong-unit.csv', [...rows, '40.6758,47.1262,300,AZ-GOR', ''].join('\n')));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'wrong-unit.csv:4:1: (lat 40.6758, lon 47.1262) is 17.2 km outside AZ-GOR (Goranboy), the unit its region column names; it lies in AZ-YEV (Yevlakh)',
    );
    expect(r.stderr).toContain('1 of 3 point(s) lie more than 3 km outside the unit their region column names');
    expect(r.stderr).not.toMatch(/swapped|\n\s+at /);
  });

  it('swapped lat and lon with a region column: refused, and the swap is named', () => {
    const swapped = ['lat,lon,population,region', '47.1262,40.3758,100,AZ-BAR', '47.1262,40.4758,200,AZ-BAR'];
    const r = coverage(file('swapped.csv', [...swapped, '47.1262,40.6758,300,AZ-YEV', ''].join('\n')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('swapped.csv:2:1: (lat 47.1262, lon 40.3758) is ');
    expect(r.stderr).toContain('it lies in no unit (at sea or abroad)');
    expect(r.stderr).toContain('3 of 3 point(s) lie more than 3 km outside');
    expect(r.stderr).toContain('lat and lon look swapped: 3 of the 3 points checked lie outside the country');
  });

  it('swapped lat and lon without a region column: refused as before, now with the swap named', () => {
    const r = coverage(file('swapped-plain.csv', 'lat,lon,population\n47.1262,40.3758,100\n47.1262,40.4758,200\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('swapped-plain.csv:2:1: (lat 47.1262, lon 40.3758) is outside every unit');
    expect(r.stderr).toContain('lat and lon look swapped');
  });

  it('swapped positions in GeoJSON: told of [lon, lat] (RFC 7946), not of a header it does not have; en and az', () => {
    // Barda's centre and a town written [lat, lon]: lon 40.38 lat 47.13 lies outside the country.
    const feature = (a: number, b: number, p: number) =>
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${a},${b}]},"properties":{"population":${p}}}`;
    const geo = file(
      'swapped.geojson',
      `{"type":"FeatureCollection","features":[${feature(40.3758, 47.1262, 100)},${feature(40.4758, 47.1262, 200)}]}\n`,
    );
    const r = coverage(geo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lat and lon look swapped: 2 of the 2 points checked');
    expect(r.stderr).toContain('GeoJSON writes each position as [lon, lat] (longitude first, RFC 7946)');
    expect(r.stderr).not.toContain('header');
    const az = cli(['coverage', plan, '--population', geo, '--lang', 'az']);
    expect(az.code).toBe(1);
    expect(az.stderr).toContain('GeoJSON hər mövqeyi [lon, lat] kimi yazır');
    expect(az.stderr).not.toContain('başlıq');
  });

  it('one stray point among many is no swap: its line only', () => {
    const many = [...rows, '40.4758,47.1262,200,AZ-BAR', '47.1262,40.3758,100,AZ-BAR', ''];
    const r = coverage(file('one-stray.csv', many.join('\n')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('one-stray.csv:5:1:');
    expect(r.stderr).not.toContain('swapped');
  });

  it('within the tolerance a point keeps its unit: the embedded points (Qarayeri, 2.2 km outside Samukh) load whole', () => {
    expect(UNIT_BORDER_TOLERANCE_KM).toBe(3);
    const r = cli(['coverage', '--population', join(ROOT, 'data', 'population-points.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('10,180,770 people inside');
  });
});

/**
 * Files as planners have them: semicolon or tab separators, decimal commas, grouped thousands,
 * renamed columns (load/csv-dialect.ts, load/number-format.ts, load/column-map.ts), on the points
 * reader, the H3 reader and through the CLI. Sums are worked out by hand from the fixtures.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnMap } from '../src/load/column-map.js';
import { delimiterOf } from '../src/load/csv-dialect.js';
import { embedded } from '../src/load/dataset-loader.js';
import { readLocaleNumber } from '../src/load/number-format.js';
import { loadPointColumns } from '../src/load/population-file.js';
import { RunContext } from '../src/run/run-context.js';
import { english } from '../src/model/said.js';
import { readH3Csv } from '../src/load/population/h3-reader.js';
import { readPointsCsv } from '../src/load/population/points-csv.js';
import { cli, FIXTURES } from './helpers.js';

const run = new RunContext();

const country = embedded();
const { regions } = country;
const DIR = mkdtempSync(join(tmpdir(), 'dostplan-dialects-'));
const file = (name: string, text: string) => {
  const p = join(DIR, name);
  writeFileSync(p, text);
  return p;
};
const rowsOf = (text: string) => readPointsCsv(text, 'f.csv', true);
const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

describe('separators', () => {
  it('takes the separator the header line uses most, outside quotes', () => {
    expect(delimiterOf('lat;lon;population\n1,5;2;3\n')).toBe(';');
    expect(delimiterOf('lat\tlon\tpopulation\n')).toBe('\t');
    expect(delimiterOf('lat,lon,population\n')).toBe(',');
    expect(delimiterOf('\uFEFF"a;b";c;d\n')).toBe(';');
    expect(delimiterOf('"x;y;z",lat,lon\n')).toBe(',');
    expect(delimiterOf('\n\nlat;lon\n')).toBe(';');
    expect(delimiterOf('population\n5\n')).toBe(',');
  });

  it('reads a tab-separated file (pasted from a spreadsheet) the same as its comma twin', () => {
    const tab = rowsOf('lat\tlon\tpopulation\tname\n40.4\t47.1\t5\tA, B\n40.5\t47.2\t6\tC\n');
    const comma = rowsOf('lat,lon,population,name\n40.4,47.1,5,"A, B"\n40.5,47.2,6,C\n');
    expect([...tab.lat, ...tab.lon, ...tab.population]).toEqual([...comma.lat, ...comma.lon, ...comma.population]);
    expect(tab.names).toEqual(['A, B', 'C']);
    expect(english(tab.assumed!)).toBe('tab-separated');
    expect(comma.assumed).toBeUndefined();
  });
});

describe('decimal commas and grouped thousands', () => {
  it('the semicolon fixture through loadPointColumns: lat/lon with decimal commas, the note says so', () => {
    const c = loadPointColumns(run, join(FIXTURES, 'inputs', 'semicolon-decimal-comma.csv'), regions, {
      population: true,
      units: country.units!,
    });
    expect([...c.population]).toEqual([12000, 1234.5, 450, 2500]);
    expect(sum(c.population)).toBe(16184.5);
    expect([...c.lat]).toEqual([40.6828, 40.9925, 38.7543, 40.6183]);
    expect([...c.lon]).toEqual([46.3606, 45.6284, 48.8506, 47.15]);
    expect(c.names).toEqual(['Gəncə', 'Tovuz', 'Lənkəran', 'Yevlax']);
  });

  it('says what it assumed, with the first cell that showed it', () => {
    const text = 'lat;lon;population\n40,6828;46,3606;12.000\n40,9925;45,6284;1.234,5\n';
    expect(english(rowsOf(text).assumed!)).toBe(
      'semicolon-separated; decimal commas (first: lat on line 2); ' +
        "thousands grouped with '.' (first: population on line 3)",
    );
  });

  it('settles 12,000 and 12.000 by the rest of the file, whichever row comes first', () => {
    // A decimal point elsewhere: the comma groups thousands (12,000 = twelve thousand).
    expect([...rowsOf('lat,lon,population\n40.4,47.1,"12,000"\n').population]).toEqual([12000]);
    // Decimal commas elsewhere, even on a later row: the point groups thousands.
    expect([...rowsOf('lat;lon;population\n40;47;12.000\n40,5;47;3\n').population]).toEqual([12000, 3]);
    // Decimal commas elsewhere: 12,000 is twelve.
    expect([...rowsOf('lat;lon;population\n40;47;12,000\n40,5;47;3\n').population]).toEqual([12, 3]);
    // Nothing says otherwise: 12.000 is twelve, as Number() reads it.
    expect([...rowsOf('lat;lon;population\n40;47;12.000\n').population]).toEqual([12]);
  });

  it('refuses a 12,000 nothing settles, at its line and character column, with the fix', () => {
    expect(() => rowsOf('lat;lon;population\n40;47;5\n40;47;12,000\n')).toThrow(
      /^f\.csv:3:7: population: a comma before three digits could be a decimal comma or a thousands separator.*write the count without grouping \(12000\)/,
    );
  });

  it('refuses a file that mixes decimal marks, naming both places', () => {
    expect(() => rowsOf('lat;lon;population\n40,5;47;5\n40.25;47;6\n')).toThrow(
      /^f\.csv:3:1: lat: a decimal point where lat on line 2 uses a decimal comma; write every number/,
    );
  });

  it('reads the forms spreadsheets write, and refuses broken groupings', () => {
    const cases: [string, boolean, number | undefined][] = [
      ['40,4093', false, 40.4093],
      ['-0,5', false, -0.5],
      ['1.234.567', true, 1234567],
      ['1,234,567', true, 1234567],
      ['1.234.567,25', true, 1234567.25],
      ['1,234,567.25', true, 1234567.25],
      ['12 000', true, 12000],
      ['12\u00a0000,5', true, 12000.5],
      ["1'234'567", true, 1234567],
      ['1234,5', true, 1234.5],
      ['0,500', true, 0.5],
      ['12,34,567', true, undefined],
      ['1.23.4', true, undefined],
      ['12 00', true, undefined],
      ['1,2.3,4', true, undefined],
      ['12,', true, undefined],
      ['1 234.567,8', true, undefined],
      ['abc', true, undefined],
    ];
    const got = cases.map(([t, counts]) => readLocaleNumber(t, counts)?.value);
    expect(got).toEqual(cases.map(([, , v]) => v));
    expect(readLocaleNumber('12,000', true)).toEqual({ value: 12, ambiguous: ',' });
    // A coordinate is below 1000: its one separator is the decimal mark.
    expect(readLocaleNumber('40,409', false)).toEqual({ value: 40.409, mark: ',' });
  });

  it('a file written the plain way reads exactly as before (no note, no change)', () => {
    const rows = rowsOf('lat,lon,population\n40.123,47.1,12.5\n40.4,47.2,"7"\n');
    expect([...rows.population]).toEqual([12.5, 7]);
    expect(rows.assumed).toBeUndefined();
  });
});

describe('column mapping', () => {
  const renamed = join(FIXTURES, 'inputs', 'renamed-columns.csv');

  it('reads the renamed file with --columns: 1200 + 300 + 450 = 1,950 people, units from the code column', () => {
    const c = loadPointColumns(run, renamed, regions, {
      population: true,
      columns: parseColumnMap('lat=Y,lon=X,population=pop,region=code,name=title', [
        'lat',
        'lon',
        'population',
        'region',
        'name',
      ]),
    });
    expect(sum(c.population)).toBe(1950);
    expect(Array.from(c.unit, (u) => c.units[u])).toEqual(['AZ-GA', 'AZ-TOV', 'AZ-LAN']);
    expect(c.names).toEqual(['Ganja', 'Tovuz', 'Lankaran']);
  });

  it('without a mapping: lists the columns and suggests the mapping', () => {
    expect(() => loadPointColumns(run, renamed, regions, { population: true })).toThrow(
      "renamed-columns.csv:1:1: missing column 'lat', missing column 'lon', missing column 'population'; " +
        "the file's columns are Y, X, pop, code, title; if that is Y for lat, X for lon, pop for population, " +
        'add --columns lat=Y,lon=X,population=pop',
    );
  });

  it('a mapping to a column the file lacks is named, with the near spelling', () => {
    expect(() => rowsOfMapped('Lat,Lon,Pop\n1,2,3\n', { population: 'pops' })).toThrow(
      /^f\.csv:1:1: no column 'pops' \(mapped to population\); the file's columns are Lat, Lon, Pop; if that is Pop for population, add --columns population=Pop$/,
    );
  });

  it('a mapped column wins over a column that has the role name', () => {
    const rows = rowsOfMapped('population,people,lat,lon\n1,5,40,47\n', { population: 'people' });
    expect([...rows.population]).toEqual([5]);
  });

  it('parses ROLE=COLUMN pairs and refuses unknown roles, repeats and empty names', () => {
    const roles = ['lat', 'lon', 'population'];
    expect(parseColumnMap(' lat = Y , LON=X ', roles)).toEqual({ lat: 'Y', lon: 'X' });
    expect(() => parseColumnMap('latt=Y', roles)).toThrow(/no role 'latt' here; .*did you mean lat/);
    expect(() => parseColumnMap('lat=Y,lat=Z', roles)).toThrow(/lat is mapped twice/);
    expect(() => parseColumnMap('lat=', roles)).toThrow(/expected ROLE=COLUMN pairs/);
  });

  it('maps the H3 columns too (cell id and population under other names)', () => {
    const text = 'cell;people\n882d1a8a67fffff;1.500\n882d1a8a65fffff;12\n';
    const { stats, table } = readH3Csv('h.csv', Buffer.from(text), { h3: 'cell', population: 'people' });
    expect(stats.populated).toBe(2);
    expect(table.total()).toBe(13.5);
    expect(() => readH3Csv('h.csv', Buffer.from(text))).toThrow(
      /^h\.csv:1:1: missing column 'h3', missing column 'population'; the file's columns are cell, people; if that is cell for h3, people for population, add --columns h3=cell,population=people/,
    );
  });

  it('GeoJSON properties under other names', () => {
    const p = file(
      'g.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [46.3606, 40.6828] },
            properties: { pop: 70, code: 'AZ-GA' },
          },
        ],
      }),
    );
    const c = loadPointColumns(run, p, regions, {
      population: true,
      columns: { population: 'pop', region: 'code' },
    });
    expect(sum(c.population)).toBe(70);
    expect(c.units[c.unit[0]!]).toBe('AZ-GA');
  });
});

describe('through the CLI', () => {
  it('candidate sites under other names: --candidates-columns, and the fix names that flag', () => {
    const sites = file('sites.csv', 'Y,X,Site\n40.5897,49.6686,Sumgayit seat\n40.4481,49.755,Khirdalan seat\n');
    const bad = cli(['optimize', '--candidates', sites, '-k', '1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      "the file's columns are Y, X, Site; if that is Y for lat, X for lon, add --candidates-columns lat=Y,lon=X",
    );
    const r = cli([
      'optimize',
      '--model',
      'pmedian',
      '--candidates',
      sites,
      '--candidates-columns',
      'lat=Y,lon=X,name=Site',
      '-k',
      '1',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Suggested center near Sumgayit seat');
  });

  it('--columns on the renamed file: coverage of 1,950 people; exit 0', () => {
    const r = cli([
      'coverage',
      '--population',
      join(FIXTURES, 'inputs', 'renamed-columns.csv'),
      '--columns',
      'lat=Y,lon=X,population=pop,region=code',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).population).toBe(1950);
  });

  it('the semicolon file: a note on stderr says what was assumed; 16,185 people', () => {
    const r = cli(['coverage', '--population', join(FIXTURES, 'inputs', 'semicolon-decimal-comma.csv'), '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('read as semicolon-separated; decimal commas (first: lat on line 2)');
    expect(JSON.parse(r.stdout).population).toBe(16185);
  });

  it('a plan naming its population file with columns:', () => {
    file('pts.csv', 'Y,X,pop\n40.6828,46.3606,1200\n40.9925,45.6284,300\n');
    const plan = file(
      'mapped.yaml',
      [
        'name: Mapped',
        'years: {from: 2025, to: 2026}',
        'population:',
        '  file: pts.csv',
        '  columns: {lat: Y, lon: X, population: pop}',
        'standards: {center: {within_km: 30}}',
        'centers:',
        '  - {id: c1, name: Ganja, region: AZ-GA, location: {lat: 40.6828, lon: 46.3606}, status: open, opens: 2025}',
        '',
      ].join('\n'),
    );
    const v = cli(['validate', plan]);
    expect(v.code).toBe(0);
    const r = cli(['coverage', plan, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).population).toBe(1500);
    // A role the reader does not know is a plan error at its line.
    const bad = file('bad-map.yaml', readFileSync(plan, 'utf8').replace('population: pop', 'people: pop'));
    const b = cli(['validate', bad]);
    expect(b.code).toBe(1);
    expect(b.stdout + b.stderr).toMatch(/bad-map\.yaml:5/);
  });

  it('a bad cell: exit 1, file:line:column, no stack trace, the value not echoed', () => {
    const bad = file('amb.csv', 'lat;lon;population\n40,6;46,3;5\n40,6;46,3;7.5\n');
    const r = cli(['coverage', '--population', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:11: population: a decimal point where lat on line 2 uses a decimal comma`);
    expect(r.stderr).not.toContain('7.5');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

function rowsOfMapped(text: string, columns: Record<string, string>) {
  return readPointsCsv(text, 'f.csv', true, columns);
}

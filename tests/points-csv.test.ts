/**
 * The population-points CSV reader (load/population/points-csv.ts) and the unit placement behind
 * it: the dialect spreadsheets write, hand-checked sums, every bad row at its line and column,
 * numbers exactly as Number() reads them, and the polygon index's cell grid giving the same unit
 * as point-in-polygon.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPointColumns } from '../src/load/population-file.js';
import { defaultLookup } from '../src/load/population/default-lookup.js';
import { loadPopulation } from '../src/load/population/load-population.js';
import { parseDecimal, readPointsCsv } from '../src/load/population/points-csv.js';
import { decimalNumber } from '../src/load/number-format.js';
import { polygonLookup } from '../src/geo/unit-lookup.js';
import { cli, FIXTURES } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

const country = embedded();
const { regions } = country;
const DIR = mkdtempSync(join(tmpdir(), 'dostplan-points-csv-'));
const file = (name: string, text: string) => {
  const p = join(DIR, name);
  writeFileSync(p, text);
  return p;
};
const rowsOf = (text: string) => readPointsCsv(text, 'f.csv', true);

describe('points CSV: the dialect spreadsheets write', () => {
  // BOM, CRLF, a header in any case with spaces, quoted numbers and names (commas, doubled quotes),
  // a blank line, a line break inside an ignored column, spaces around fields, empty regions.
  const fixture = join(FIXTURES, 'points-dialect.csv');

  it('reads 5 places, 2,000.5 people (1200 + 300 + 450 + 50.5 + 0), names unquoted', () => {
    const c = loadPointColumns(run, fixture, regions, { population: true, units: country.units! });
    expect(c.count).toBe(5);
    expect(c.population.reduce((a, b) => a + b, 0)).toBe(2000.5);
    expect(c.names).toEqual(['Ganja, centre', 'Tovuz "town"', 'Lankaran', 'Yevlakh', 'Shaki']);
    expect([...c.lat]).toEqual([40.6828, 40.9925, 38.7543, 40.6183, 41.1919]);
  });

  it('places rows without a region by polygon: Tovuz town in AZ-TOV; Lankaran city counts for its rayon', () => {
    const c = loadPointColumns(run, fixture, regions, {
      population: true,
      units: country.units!,
      lookup: defaultLookup(country),
    });
    expect(Array.from(c.unit, (u) => c.units[u])).toEqual(['AZ-GA', 'AZ-TOV', 'AZ-LAN', 'AZ-YEV', 'AZ-SAK']);
  });

  it('goes through --population: the 0-people row is counted as empty, 2,001 people reported', async () => {
    const r = await loadPopulation(run, fixture, regions, defaultLookup(country), { units: country.units! });
    expect(r.source.cells).toEqual({ total: 5, nodata: 0, empty: 1, populated: 4 });
    expect(r.source.inside_population).toBe(2001);
    // The point objects, when a caller still wants them, carry the same places.
    expect(r.points.map((p) => [p.region, p.name, p.population])).toContainEqual(['AZ-TOV', 'Tovuz "town"', 300]);
  });
});

describe('points CSV: every bad row at its line and column', () => {
  const cases: [string, string, RegExp][] = [
    ['an empty population cell (column 11)', 'lat,lon,population\n40.4,47.1,\n', /^f\.csv:2:11: empty population cell/],
    [
      'a negative population after a name of ə and 𝑥 (columns count characters, not UTF-16 units)',
      'name,lat,lon,population\nə𝑥,40.4,47.1,-5\n',
      /^f\.csv:2:14: population must be a number from 0 to 1e\+10/,
    ],
    [
      'a population past the world, quoted after a blank (at its opening quote)',
      'lat,lon,population\r\n40.4,47.1, "1e11"\r\n',
      /^f\.csv:2:12: population must be a number from 0 to 1e\+10/,
    ],
    [
      'a population that is not finite, after a BOM',
      '\ufefflat,lon,population\n40.4,47.1,Infinity\n',
      /^f\.csv:2:11: population must be a number from 0 to 1e\+10/,
    ],
    [
      'a row with an extra field, after a quoted line break (line 4, where the extra field starts)',
      'lat,lon,population,note\n40.4,47.1,5,"two\nlines"\n40.5,47.2,6,x,extra\n',
      /^f\.csv:4:15: more fields than the header's 4/,
    ],
    [
      'a row with a field missing',
      'lat,lon,population\n40.4,47.1\n',
      /^f\.csv:2:10: 2 field\(s\) where the header has 3/,
    ],
    [
      'a quote never closed',
      'lat,lon,population,name\n40.4,47.1,5,"abc\n',
      /^f\.csv:2:13: a quote that is never closed/,
    ],
    [
      'a quote inside an unquoted field',
      'lat,lon,population,name\n40.4,47.1,5,ab"c\n',
      /^f\.csv:2:15: a quote inside an unquoted field/,
    ],
    ['text where lon should be', 'lat,lon,population\n40.4,4x,5\n', /^f\.csv:2:6: lon must be a number within ±180/],
    [
      'a longitude past 180 in a semicolon file with decimal commas',
      'lat;lon;population\n40,4;181,5;5\n',
      /^f\.csv:2:6: lon must be a number within ±180/,
    ],
    ['a latitude past the pole', 'lat,lon,population\n\n\n91,47,5\n', /^f\.csv:4:1: lat must be a number within ±90/],
    ['a missing column', 'lat,lon,people\n40.4,47.1,5\n', /^f\.csv:1:1: missing column 'population'/],
    ['a header only', 'lat,lon,population\r\n\r\n', /^f\.csv:1:1: no rows/],
    [
      'an escape code in a name',
      'lat,lon,population,name\n40.4,47.1,5,"a\u001b[31mb"\n',
      /^f\.csv:2:13: name or region contains control characters/,
    ],
  ];
  for (const [what, text, message] of cases) it(what, () => expect(() => rowsOf(text)).toThrow(message));

  it('through the CLI: exit 1, the message with file:line:column, no stack trace', () => {
    const bad = file('bad.csv', 'lat,lon,population\n40.4,47.1,5\n40.5,47.2,6,7\n');
    const r = cli(['coverage', '--population', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:13: more fields than the header's 3`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the first point at sea by its line (after a blank line), with how many more', () => {
    const sea = file('sea.csv', 'lat,lon,population\n40.6828,46.3606,100\n\n40.2,51.0,50\n40.1,51.2,5\n');
    expect(() => loadPointColumns(run, sea, regions, { population: true, units: country.units! })).toThrow(
      /sea\.csv:4:1: \(lat 40\.2, lon 51\) is outside every unit[\s\S]*sea\.csv:5:1[\s\S]*2 point\(s\) lie outside/,
    );
  });
});

describe('numbers read in place are exactly what Number() reads', () => {
  it('on plain decimals, signs, leading zeros, and the forms left to Number() (decimal ones only)', () => {
    const texts = ['5.', '.5', '-0', '+3', '00012.5000', '123456789012345', '1234567890123456', '9007199254740993'];
    texts.push('1e3', '0x10', '.', '-', '1.2.3', '40.37580', '-179.99999', '0.1', '0.30000000000000004');
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      const digits = 1 + Math.floor(rnd() * 15);
      const s = String(Math.floor(rnd() * 10 ** digits)).padStart(digits, '0');
      const dot = Math.floor(rnd() * (digits + 1));
      texts.push(`${rnd() < 0.3 ? '-' : ''}${s.slice(0, dot)}.${s.slice(dot)}`);
    }
    // The reference is Number() for decimal text; 0x10, 0b11 and 0o17 are no numbers in a file (decimalNumber).
    const wrong = texts.filter((t) => !Object.is(parseDecimal(`x${t}y`, 1, t.length + 1), decimalNumber(t)));
    expect(wrong).toEqual([]);
    expect(parseDecimal('0x10', 0, 4)).toBeNaN();
  });
});

describe('the polygon index cell grid', () => {
  it('finds the same unit as point-in-polygon for 20,000 points over the country and its coast', () => {
    const units = country.units!;
    const lookup = polygonLookup(units.codes.map((code) => ({ code, geometry: units.geometry(code)! })));
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let inside = 0;
    const differ: string[] = [];
    for (let k = 0; k < 20000; k++) {
      const lat = 38.3 + rnd() * 3.6,
        lon = 44.7 + rnd() * 6;
      const a = lookup.locate(lat, lon),
        b = units.locateUnit(lat, lon);
      if (a) inside++;
      if (a !== b) differ.push(`${lat},${lon}: ${a} vs ${b}`);
    }
    expect(differ).toEqual([]);
    // The box holds sea and neighbours too: both kinds of answer were exercised.
    expect(inside).toBeGreaterThan(5000);
    expect(inside).toBeLessThan(19000);
  });
});

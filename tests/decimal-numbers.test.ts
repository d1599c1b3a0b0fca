/**
 * Numbers in users' files are decimal. JavaScript's Number() also reads 0x10 as 16, 0b11 as 3 and
 * 0o17 as 15, which no table, spreadsheet or OR-Library file means: the auditor found a population
 * cell "0x10" counted as 16 people, a graph edge "0x5" costing 5 and a build_cost "0x10" of 16
 * manat, each with exit 0. Every reader refuses them at their place, as any other non-number.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-decimal-'));
const file = (name: string, text: string) => {
  const p = join(DIR, name);
  writeFileSync(p, text);
  return p;
};
const plan = join(FIXTURES, 'valid', 'hand.yaml');
const B = join(FIXTURES, 'budget');
const refused = (r: { code: number | null; stderr: string }, where: string) => {
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(where);
  expect(r.stderr).not.toContain('    at ');
};
const LITERALS = ['0x10', '0b11', '0o17', '"0x10"'];

describe('hexadecimal, binary and octal literals are not numbers in users’ files', () => {
  it.each(LITERALS)('population CSV: %s', (cell) => {
    const f = file(
      `points-${cell.length}${cell[2]}.csv`,
      `lat,lon,population\n40.3758,47.1262,100\n40.4758,47.1262,${cell}\n`,
    );
    refused(cli(['coverage', plan, '--population', f]), ':3:');
  });

  it.each(LITERALS)('H3 CSV: %s', (cell) => {
    const h3 = latLngToCell(40.3758, 47.1262, 8);
    const f = file(`h3-${cell.length}${cell[2]}.csv`, `h3,population\n${h3},${cell}\n`);
    refused(cli(['coverage', plan, '--population', f]), 'population must be a number');
  });

  it('GeoJSON points: a population given as the text "0x10" (any text: GeoJSON numbers are not quoted)', () => {
    const f = file(
      'points.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [47.1262, 40.3758] },
            properties: { population: '0x10' },
          },
        ],
      }),
    );
    refused(cli(['coverage', plan, '--population', f]), 'population is written as text in quotes');
  });

  it.each(['0x5', '0b11', '0o7'])('OR-Library graph: an edge cost %s', (cost) => {
    const f = file(`graph-${cost}.txt`, `3 2 1\n1 2 ${cost}\n2 3 4\n`);
    refused(cli(['optimize', '--graph', f]), `graph-${cost}.txt:2:5`);
  });

  it('candidate sites: a build_cost of 0x10', () => {
    const f = file('candidates.csv', 'lat,lon,name,build_cost\n39.90,47.1262,a,1000\n40.20,47.1262,b,0x10\n');
    const r = cli([
      'optimize',
      join(B, 'plan.yaml'),
      '--population',
      join(B, 'population.csv'),
      '--candidates',
      f,
      '--budget-azn',
      '5000',
    ]);
    refused(r, 'candidates.csv:3:17: build_cost must be an amount in manat');
  });
});

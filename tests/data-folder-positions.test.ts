/**
 * A user's data folder (--data) is user input: its points file is checked cell by cell and its JSON
 * files against their schemas, each refusal at file:line:column of the value (tests/fixtures/country-xa,
 * copied and broken one value at a time). Before, a points cell "abc" or an empty lat became NaN or 0
 * in every figure, and a schema problem named the file alone.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const SOURCE = join(FIXTURES, 'country-xa');

/** A copy of the fixture country with one file changed. */
function broken(name: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dostplan-data-'));
  cpSync(SOURCE, dir, { recursive: true });
  writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8')));
  return dir;
}

const refusal = (dir: string) => {
  const r = cli(['--data', dir, 'coverage', join(dir, 'plan.yaml')]);
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr.replaceAll(dir, '{DIR}');
};

describe("a data folder's points and schemas, refused at the value", () => {
  it('a lat that is no number, at its cell', () => {
    const dir = broken('points.csv', (t) => t.replace('XA-N,,Norte East,10.9,', 'XA-N,,Norte East,abc,'));
    expect(refusal(dir)).toBe('dostplan: {DIR}/points.csv:3:18: lat must be a number within ±90\n');
  });

  it('an empty population cell is not 0 people', () => {
    const dir = broken('points.csv', (t) => t.replace('XA-N,,Norte,10.9,20.5,600', 'XA-N,,Norte,10.9,20.5,'));
    expect(refusal(dir)).toBe(
      'dostplan: {DIR}/points.csv:2:23: population must be a number from 0 to 1e+10 (one place)\n',
    );
  });

  it('a row without its region code', () => {
    const dir = broken('points.csv', (t) => t.replace('XA-N,,Norte East', ',,Norte East'));
    expect(refusal(dir)).toBe(
      "dostplan: {DIR}/points.csv:3:1: empty region cell; every row of a data folder's points names its unit's code\n",
    );
  });

  it("a region's area that is text, at its line and column in regions.json", () => {
    const dir = broken('regions.json', (t) => t.replace('"area_km2": 1500', '"area_km2": "1500"'));
    expect(refusal(dir)).toBe('dostplan: {DIR}/regions.json:12:82: regions[0].area_km2 must be a number, not a text\n');
  });
});

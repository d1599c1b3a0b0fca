/**
 * Under --lang az a unit is shown by its name_az: two units with the same name_az (a city and the
 * rayon around it, "Lənkəran" twice) cannot be told apart in tables, the report or the studio.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const regions = JSON.parse(readFileSync(join(ROOT, 'data', 'regions.json'), 'utf8')).regions as {
  code: string;
  name: string;
  name_az: string;
}[];

describe('Azerbaijani unit names', () => {
  it('no two of the 78 units share a name_az, in the built data and its build source', () => {
    expect(regions).toHaveLength(78);
    expect(new Set(regions.map((r) => r.name_az)).size).toBe(78);
    const source = readFileSync(join(ROOT, 'data', 'inputs', 'regions.csv'), 'utf8');
    for (const [code, name] of [
      ['AZ-LA', 'Lənkəran şəhəri'],
      ['AZ-SA', 'Şəki şəhəri'],
      ['AZ-YE', 'Yevlax şəhəri'],
    ])
      expect(source).toContain(`${code},${name},`);
  });
  it('regions --lang az lists the city and its rayon under different names', () => {
    const out = cli(['regions', '--lang', 'az']).stdout;
    expect(out).toMatch(/^AZ-LA\s+Lənkəran şəhəri\s/m);
    expect(out).toMatch(/^AZ-LAN\s+Lənkəran\s+\d/m);
  });
});

/**
 * optimize's default candidates are the population points; a user's file of bare coordinates has
 * no names, so its suggested sites are named after the embedded settlements (as gaps and
 * distances name them), not "rural <unit>" for a point in the middle of Lankaran.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-site-names-'));
const file = join(DIR, 'bare.csv');
// Lankaran's centre, Zaqatala's centre, and a rural point 22 km north-west of Lankaran.
writeFileSync(file, 'lat,lon,population\n38.7529,48.8515,1000\n41.6336,46.6433,800\n38.90,48.70,300\n');

describe('optimize on a bare-coordinate population file', () => {
  it('names the suggested sites after the settlements they stand in', () => {
    const r = cli([
      'optimize',
      join(FIXTURES, 'valid', 'small.yaml'),
      '--population',
      file,
      '--sites',
      '2',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const sites = JSON.parse(r.stdout).sites as { name: string; region: string; lat: number }[];
    const lankaran = sites.find((s) => s.lat === 38.7529)!;
    expect(lankaran.name).toBe('Lankaran');
    for (const s of sites) expect(s.name).not.toMatch(/^rural /);
  });
});

/**
 * #23 item 4: places are named after the nearest settlement. A population file of bare
 * coordinates (no name column) has no settlements of its own, and its worst-served places were
 * all "rural <unit>" — a point in Barda town itself was "rural Barda". They take the embedded
 * settlements' names instead, as the gap list already did.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-place-names-'));
const file = join(DIR, 'bare.csv');
// Barda's centre, and a point 0.2° (≈ 22 km) north of Jalilabad's.
writeFileSync(file, 'lat,lon,population\n40.3758,47.1262,100\n39.41,48.4934,50\n');
const plan = join(FIXTURES, 'valid', 'small.yaml');

describe('worst-served places of a file without names', () => {
  it('are named after the embedded settlements, in every format', () => {
    const text = cli(['distances', plan, '--population', file, '--worst', '5']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toContain('rural');
    expect(text.stdout).toMatch(/near Barda \(Barda\)\s+AZ-BAR\s+100 /);
    const json = JSON.parse(cli(['distances', plan, '--population', file, '--worst', '5', '--format', 'json']).stdout);
    const names = json.worst.map((w: { name: string }) => w.name);
    expect(names).toHaveLength(2);
    expect(names).toContain('near Barda (Barda)');
    expect(names.every((n: string) => n.startsWith('near ') && !n.includes('rural'))).toBe(true);
  });

  it('a file with a name column keeps its own names', () => {
    const named = join(DIR, 'named.csv');
    writeFileSync(named, 'lat,lon,population,name\n40.3758,47.1262,100,Market square\n');
    const r = cli(['distances', plan, '--population', named, '--worst', '1', '--format', 'json']);
    expect(JSON.parse(r.stdout).worst[0].name).toBe('Market square');
  });
});

/**
 * The small answers of issue 22, item 8, each checked on hand-worked input.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-small-answers-'));
const file = (name: string, text: string) => {
  const p = join(DIR, name);
  writeFileSync(p, text);
  return p;
};
const hand = join(FIXTURES, 'valid', 'hand.yaml');

describe('distances --worst N lists N places', () => {
  it('five unnamed points in two units are five places, farthest first (km by hand)', () => {
    // C at (40.3758, 47.1262); B at (40.6758, 47.1262), open in 2025.
    const csv = file(
      'five.csv',
      'lat,lon,population\n40.3758,47.1262,100\n40.4758,47.1262,200\n40.41,47.15,300\n40.6758,47.1262,300\n40.7,47.2,50\n',
    );
    const r = cli(['distances', hand, '--population', csv, '--worst', '5', '--year', '2025', '--format', 'json']);
    expect(r.code).toBe(0);
    const worst = JSON.parse(r.stdout).worst as { lat: number; lon: number; km: number; population: number }[];
    // 0.1° of latitude: 11.1 km to C; (40.7, 47.2) is 2.69 km north and 6.22 km east of B: 6.8 km.
    expect(worst.map((w) => [w.lat, w.lon, w.km, w.population])).toEqual([
      [40.4758, 47.1262, 11.1, 200],
      [40.7, 47.2, 6.8, 50],
      [40.41, 47.15, 4.3, 300],
      [40.6758, 47.1262, 0, 300],
      [40.3758, 47.1262, 0, 100],
    ]);
  });
});

describe('coverage --by region lists every unit', () => {
  it('all 78 units, those without people at 0 (three points in two units)', () => {
    const pop = join(FIXTURES, 'hand-population.csv');
    const r = cli(['coverage', hand, '--population', pop, '--by', 'region', '--year', '2025', '--format', 'json']);
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout).groups as { id: string; name: string; population: number; covered: number }[];
    expect(groups).toHaveLength(78);
    const by = Object.fromEntries(groups.map((g) => [g.id, g]));
    expect([by['AZ-BAR']!.population, by['AZ-YEV']!.population]).toEqual([300, 300]);
    expect(groups.filter((g) => g.population === 0)).toHaveLength(76);
    expect(by['AZ-GOR']).toMatchObject({ name: 'Goranboy', population: 0, covered: 0 });
    expect(by['AZ-LA']!.name).toBe('Lankaran (city), counted in AZ-LAN');
  });
});

describe('--bom only where there is a CSV', () => {
  it('report has no CSV: its help does not offer --bom and the flag is refused; coverage offers it', () => {
    expect(cli(['report', '--help']).stdout).not.toContain('--bom');
    expect(cli(['report', '--bom']).code).toBe(2);
    expect(cli(['coverage', '--help']).stdout).toContain('--bom');
  });
});

describe('capacity says where its people come from', () => {
  it('capacity --population FILE --format json has population_source, as coverage has', () => {
    const pop = join(FIXTURES, 'capacity-population.csv');
    const plan = join(FIXTURES, 'valid', 'capacity.yaml');
    const j = JSON.parse(cli(['capacity', plan, '--population', pop, '--format', 'json']).stdout);
    expect(j.population_source).toMatchObject({ format: 'points-csv', cells: { total: 3, populated: 3 } });
    expect(j.population_source.file).toMatch(/capacity-population\.csv$/);
  });
});

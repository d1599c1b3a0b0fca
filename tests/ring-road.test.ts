import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

// A network that is one closed residential road: its one junction has no edge to another
// junction, yet places on the ring reach each other along it (it was refused as "no road").
const dir = join(FIXTURES, 'roads', 'ring');
const env = { DOSTPLAN_CACHE_DIR: mkdtempSync(join(tmpdir(), 'dostplan-ring-')) };

describe('a road network that is one closed ring', () => {
  it('is a network: travel round the ring, worked out by hand', () => {
    const r = cli(
      [
        'distances',
        join(dir, 'plan.yaml'),
        '--roads',
        join(dir, 'ring-road.geojson'),
        '--population',
        join(dir, 'population.csv'),
        '--year',
        '2024',
        '--format',
        'json',
      ],
      { env },
    );
    expect(r.stderr).not.toMatch(/no road/);
    expect(r.code).toBe(0);
    const center = JSON.parse(r.stdout).center;
    // 100 people at the south-east corner: 0.02° of longitude at 40.40° N = 1.696 km, at the
    // residential 25 km/h = 4.07 min. 50 at the top edge's middle: up the west side 0.02° of
    // latitude (2.22 km) and along 0.01° of longitude (0.848 km) = 3.07 km, 7.37 min.
    expect(center.max_km).toBeCloseTo(3.1, 1);
    expect(center.max_min).toBeCloseTo(7.4, 1);
    expect(center.median_min).toBeCloseTo(4.1, 1);
    expect(center.mean_min).toBeCloseTo((100 * 4.07 + 50 * 7.37) / 150, 1);
  });
});

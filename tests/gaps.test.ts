import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geodesicKm } from '../src/geo/geodesic.js';
import { embedded } from '../src/load/dataset-loader.js';
import { cli, FIXTURES } from './helpers.js';

const DIR = join(FIXTURES, 'surface');
const TWO = join(DIR, 'two-centers.yaml');
const POP = ['--population', join(DIR, 'gap-population.csv')];
const BARDA = { lat: 40.3758, lon: 47.1262 };

interface Cluster {
  rank: number;
  people: number;
  points: number;
  lat: number;
  lon: number;
  settlement: string;
  facility: { id: string } | null;
  mean_min: number | null;
  max_min: number | null;
}

/** The embedded settlement nearest a place, by brute force. */
function nearestSettlement(lat: number, lon: number): string {
  const c = embedded().columns('resident');
  let best = '',
    d = Infinity;
  for (let i = 0; i < c.count; i++) {
    if (!c.names?.[i]) continue;
    const k = geodesicKm({ lat, lon }, { lat: c.lat[i]!, lon: c.lon[i]! });
    if (k < d) {
      d = k;
      best = c.names[i]!;
    }
  }
  return best;
}

describe('gaps: unserved clusters', () => {
  it('groups the three villages near Zardab (600 people) ahead of the lone point (50), by hand', () => {
    const r = cli(['gaps', TWO, ...POP, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { unserved: number; population: number; clusters: Cluster[] };
    expect(out.population).toBe(1650);
    expect(out.unserved).toBe(650); // all but the 1,000 people next to Barda
    const [a, b] = out.clusters;
    // Population-weighted centre of (40.20, 47.70) × 100, (40.21, 47.71) × 200, (40.205, 47.72) × 300.
    const lat = (40.2 * 100 + 40.21 * 200 + 40.205 * 300) / 600;
    const lon = (47.7 * 100 + 47.71 * 200 + 47.72 * 300) / 600;
    expect(a).toMatchObject({ rank: 1, people: 600, points: 3, facility: { id: 'C1' } });
    expect(a!.lat).toBeCloseTo(lat, 5);
    expect(a!.lon).toBeCloseTo(lon, 5);
    // 40 km/h without circuity: 1.5 minutes a km, people-weighted.
    const min = (p: [number, number]) => geodesicKm({ lat: p[0], lon: p[1] }, BARDA) * 1.5;
    const mean = (min([40.2, 47.7]) * 100 + min([40.21, 47.71]) * 200 + min([40.205, 47.72]) * 300) / 600;
    expect(a!.mean_min).toBeCloseTo(mean, 1);
    expect(a!.max_min).toBeCloseTo(Math.max(min([40.2, 47.7]), min([40.21, 47.71]), min([40.205, 47.72])), 1);
    expect(a!.settlement).toBe(nearestSettlement(lat, lon));
    expect(b).toMatchObject({ rank: 2, people: 50, points: 1, lat: 39.95, lon: 47, facility: { id: 'C1' } });
    expect(b!.settlement).toBe(nearestSettlement(39.95, 47));
  });

  it('counts exactly the people coverage leaves out, on the embedded plan', () => {
    const gaps = JSON.parse(cli(['gaps', '--format', 'json']).stdout) as { unserved: number; clusters: Cluster[] };
    const cov = JSON.parse(cli(['coverage', '--by', 'nation', '--format', 'json']).stdout) as {
      population: number;
      covered: number;
    };
    expect(gaps.unserved).toBe(cov.population - cov.covered);
    const ranked = gaps.clusters.map((c) => c.people);
    expect(ranked).toEqual([...ranked].sort((x, y) => y - x));
  });

  it('writes CSV and GeoJSON rows a spreadsheet and QGIS read', () => {
    const csv = cli(['gaps', TWO, ...POP, '--format', 'csv'])
      .stdout.trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(csv[0]).toBe('rank,people,points,lat,lon,settlement,facility_id,facility_name,mean_min,max_min');
    expect(csv[1]).toMatch(/^1,600,3,40\.20583,47\.71333,[^,]+,C1,Barda center,\d+\.\d,\d+\.\d$/);
    const geo = JSON.parse(cli(['gaps', TWO, ...POP, '--format', 'geojson']).stdout) as {
      features: { geometry: { coordinates: number[] }; properties: { rank: number } }[];
    };
    expect(geo.features.map((f) => f.properties.rank)).toEqual([1, 2]);
    expect(geo.features[1]!.geometry.coordinates).toEqual([47, 39.95]);
  });

  it('draws the gap map: the surface in its classes under the units, a circle per cluster', () => {
    const r = cli(['report', TWO, ...POP, '--measure', 'gaps', '--map-only']);
    expect(r.code).toBe(0);
    const bands = [...r.stdout.matchAll(/class="gap-band" data-max-min="([^"]+)"/g)].map((m) => m[1]);
    // Largest first, so each smaller band is painted on top; the first covers every reachable cell.
    expect(bands.slice(1)).toEqual(['60', '45', '30', '20', '10']);
    expect(r.stdout.indexOf('gap-band')).toBeLessThan(r.stdout.indexOf('class="unit"'));
    expect(r.stdout.match(/<g class="unserved"[^>]*>([\s\S]*?)<\/g>/)![1]!.match(/<circle/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/600 people beyond every standard near/);
    // Nakhchivan has no facility in this plan: its cells are drawn as unreachable.
    expect(r.stdout).toMatch(/class="gap-unreachable"/);
  });
});

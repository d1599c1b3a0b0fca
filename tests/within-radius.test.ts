// The coverage lists point by point with a chord-space pre-test (geo/within-radius.ts) against the
// plain definition: every pair through the haversine test, and geokdbush's own radius search.
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { describe, expect, it } from 'vitest';
import { AROUND_RADIUS_KM, haverSin, pointsWithin, type LonLatSide } from '../src/geo/within-radius.js';

const RAD = Math.PI / 180;
const lcg = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** Every pair, the haversine test on geokdbush's sphere. */
function plain(points: LonLatSide[], sites: LonLatSide[], km: number): number[][] {
  const max = haverSin(km / AROUND_RADIUS_KM);
  return sites.map((s) =>
    points.flatMap((p, i) => {
      const h =
        Math.cos(s.lat * RAD) * Math.cos(p.lat * RAD) * haverSin((s.lon - p.lon) * RAD) +
        haverSin((s.lat - p.lat) * RAD);
      return h <= max && p.side === s.side ? [i] : [];
    }),
  );
}

describe('points within a radius of each site', () => {
  const rnd = lcg(9);
  const place = (): LonLatSide => ({ lat: 38.4 + rnd() * 3.5, lon: 44.8 + rnd() * 5.6, side: rnd() < 0.1 ? 1 : 0 });
  const points = Array.from({ length: 1500 }, place);
  // Some places twice (the same spot), and sites on places, beside them and far outside them.
  for (let i = 0; i < 50; i++) points.push({ ...points[i * 3]! });
  const sites = [...points.slice(0, 120), ...Array.from({ length: 30 }, place), { lat: 30, lon: 30, side: 0 }];

  it('gives the plain haversine lists: large, small and tiny radii, zero, two sides, duplicates', () => {
    for (const km of [40, 15, 2, 0.3, 0.05, 0]) {
      expect(pointsWithin(points, sites, km)!.map((l) => [...l])).toEqual(plain(points, sites, km));
    }
  });

  it('a point exactly at the radius: the pairs at the boundary get the formula itself', () => {
    // Radii set to the distances of actual pairs: the chord test cannot decide those.
    for (const [a, b] of [
      [0, 1],
      [5, 9],
      [17, 3],
    ] as const) {
      const p = points[a]!,
        q = points[b]!;
      const h =
        Math.cos(q.lat * RAD) * Math.cos(p.lat * RAD) * haverSin((q.lon - p.lon) * RAD) +
        haverSin((q.lat - p.lat) * RAD);
      const km = 2 * AROUND_RADIUS_KM * Math.asin(Math.sqrt(h));
      expect(pointsWithin(points, sites, km)!.map((l) => [...l])).toEqual(plain(points, sites, km));
    }
  });

  it('agrees with geokdbush’s around', () => {
    const index = new KDBush(points.length);
    for (const p of points) index.add(p.lon, p.lat);
    index.finish();
    const lists = pointsWithin(points, sites, 12)!;
    sites.forEach((s, j) => {
      const want = [...around(index, s.lon, s.lat, Infinity, 12, (i: number) => points[i]!.side === s.side)];
      expect([...lists[j]!]).toEqual(want.sort((x, y) => x - y));
    });
  });

  it('one point, no site, and a box that would wrap (the caller then goes site by site)', () => {
    expect(
      pointsWithin([{ lat: 40, lon: 47, side: 0 }], [{ lat: 40.01, lon: 47, side: 0 }], 2)!.map((l) => [...l]),
    ).toEqual([[0]]);
    expect(pointsWithin(points, [], 10)).toEqual([]);
    expect(pointsWithin([{ lat: 10, lon: 179.99, side: 0 }], [{ lat: 10, lon: 179.9, side: 0 }], 30)).toBeUndefined();
  });
});

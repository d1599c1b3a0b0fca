/**
 * /api/unreachable: the land no open facility reaches, on the travel-time surface's grid, which
 * the studio draws in the unreachable grey under the bands (as the report's gap map does). Its
 * area, counted in cells, is about the number of cells `dostplan surface` says reach no open facility.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';
import { type Served, serve } from './serve-helpers.js';

type Ring = [number, number][];

/** Planar area of a ring in degrees² (shoelace): exact for polygons traced along grid lines. */
const ringArea = (ring: Ring) =>
  Math.abs(
    ring.reduce((a, [x, y], i) => a + x * ring[(i + 1) % ring.length]![1] - ring[(i + 1) % ring.length]![0] * y, 0),
  ) / 2;

describe('/api/unreachable', async () => {
  const s: Served = await serve(undefined);
  afterAll(() => s.server.close());

  for (const year of [2026, 2030]) {
    it(`in ${year}: as many cells as dostplan surface --cell-km 2 counts unreachable, where nobody reaches a facility`, async () => {
      const r = cli(['surface', '--year', String(year), '--cell-km', '2']);
      expect(r.code, r.stderr).toBe(0);
      const [, dlon, dlat] = /\(([\d.]+)° × ([\d.]+)°/.exec(r.stdout)!;
      const count = Number(/; ([\d,]+) cells reach no open facility/.exec(r.stdout)![1]!.replace(/,/g, ''));
      const answer = (await s.get(`/api/unreachable?year=${year}&cell_km=2`)).json();
      expect(answer.type).toBe('FeatureCollection');
      const polygons: Ring[][] = answer.features.flatMap(
        (f: { geometry: { coordinates: Ring[][] } }) => f.geometry.coordinates,
      );
      // Outer rings less holes. The outline is traced at the half-way value between cell centres
      // (marching squares), so corners are cut and filled by an eighth of a cell: about the count.
      const area = polygons.reduce((a, p) => a + ringArea(p[0]!) - p.slice(1).reduce((h, q) => h + ringArea(q), 0), 0);
      expect(Math.abs(area / (Number(dlon) * Number(dlat)) - count)).toBeLessThan(Math.max(2, count * 0.01));
      if (year === 2026) {
        // Nakhchivan: no open facility in 2026, and none reachable across Armenia.
        expect(count).toBeGreaterThan(1000);
        const lons = polygons.flatMap((p) => p[0]!.map(([x]) => x));
        const lats = polygons.flatMap((p) => p[0]!.map(([, y]) => y));
        expect([Math.min(...lons), Math.max(...lons)].every((x) => x > 44.7 && x < 46.7)).toBe(true);
        expect([Math.min(...lats), Math.max(...lats)].every((y) => y > 38.7 && y < 39.9)).toBe(true);
      } else expect(answer.features.length).toBe(count > 0 ? 1 : 0);
    });
  }

  it('refuses a bad query as /api/surface does', async () => {
    expect((await s.get('/api/unreachable?cell_km=0')).status).toBe(400);
    expect((await s.get('/api/unreachable?kind=bus')).status).toBe(400);
  });
});

/**
 * The studio's map layers: GET /api/surface and /api/gaps answer, byte for byte, what
 * `dostplan surface --format geojson` and `dostplan gaps --format geojson` print for the plan as
 * edited (one code path, src/serve/layers.ts) — checked on the plan, then after an edit against
 * the CLI run on the saved scenario.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';
import { serve, type Served } from './serve-helpers.js';

let s: Served;
/** A copy of the DOST plan in a folder of its own: the scenario is saved beside it. */
let plan: string;
beforeAll(async () => {
  plan = join(mkdtempSync(join(tmpdir(), 'dostplan-layers-')), 'plan.yaml');
  copyFileSync(join(ROOT, 'plans', 'dost.yaml'), plan);
  s = await serve(plan);
});
afterAll(() => s.server.close());

/** The page's surface: 2 km cells, the palette's travel-time class edges, and every reachable cell. */
const PAGE_SURFACE = '/api/surface?year=2026&cell_km=2&bands=10,20,30,45,60,1440';

describe('the layers answer what the CLI prints', () => {
  const cases: [string, string[]][] = [
    ['/api/surface?year=2028', ['surface', '--year', '2028']],
    [PAGE_SURFACE, ['surface', '--year', '2026', '--cell-km', '2', '--bands', '10,20,30,45,60,1440']],
    [
      '/api/surface?year=2030&kind=center&cell_km=4&layer=catchments',
      ['surface', '--year', '2030', '--kind', 'center', '--cell-km', '4', '--catchments'],
    ],
    ['/api/gaps?year=2026', ['gaps', '--year', '2026']],
    ['/api/gaps?year=2030&kind=branch', ['gaps', '--year', '2030', '--kind', 'branch']],
  ];
  for (const [path, args] of cases)
    it(`${path} = dostplan ${args.join(' ')} --format geojson`, async () => {
      const api = await s.get(path);
      expect(api.status).toBe(200);
      const printed = cli([...args, plan, '--format', 'geojson']);
      expect(printed.code).toBe(0);
      expect(api.body).toBe(printed.stdout);
      expect(api.json().type).toBe('FeatureCollection');
    });

  it('refuses a bad query with 400 and says which parameter', async () => {
    for (const q of [
      'surface?kind=kiosk',
      'surface?cell_km=0.01',
      'surface?bands=30,15',
      'surface?layer=roads',
      'gaps?year=20x6',
    ]) {
      const r = await s.get(`/api/${q}`);
      expect(r.status).toBe(400);
      expect(r.json().error.message).toMatch(new RegExp(`^${q.split('?')[1]!.split('=')[0]}:`));
    }
  });
});

describe('the layers follow the edits', () => {
  it("a branch at the biggest gap's centre takes its people off the gap map, as the saved scenario's CLI run says", async () => {
    const before = (await s.get('/api/gaps?year=2030')).json();
    const biggest = before.features[0];
    expect(biggest.properties.rank).toBe(1);
    const [lon, lat] = biggest.geometry.coordinates;
    const add = await s.post('/api/edit', {
      op: 'add',
      kind: 'branch',
      name: 'Gap branch',
      lat,
      lon,
      opens: '2029-01-01',
    });
    expect(add.status).toBe(200);
    const after = await s.get('/api/gaps?year=2030');
    // The people of the biggest cluster are (mostly) served now: the unserved total falls by most of them.
    expect(after.json().unserved).toBeLessThan(before.unserved - biggest.properties.people / 2);
    const surface = await s.get(PAGE_SURFACE.replace('2026', '2030'));
    const saved = await s.post('/api/save', { mode: 'scenario' });
    expect(saved.status).toBe(200);
    const scenario = saved.json().path as string;
    expect(after.body).toBe(cli(['gaps', scenario, '--year', '2030', '--format', 'geojson']).stdout);
    const args = ['surface', scenario, '--year', '2030', '--cell-km', '2', '--bands', '10,20,30,45,60,1440'];
    expect(surface.body).toBe(cli([...args, '--format', 'geojson']).stdout);
  });
});

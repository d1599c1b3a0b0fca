/**
 * `dostplan serve`: the API answers what the CLI prints, byte for byte (one code path), and every
 * security rule of docs/serve.md refuses what it should — each refusal has its test.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, ROOT } from './helpers.js';
import { serve, type Served } from './serve-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-serve-'));
const plan = join(dir, 'plan.yaml');
copyFileSync(join(ROOT, 'plans', 'dost.yaml'), plan);

let s: Served;
beforeAll(async () => {
  s = await serve(plan);
});
afterAll(async () => {
  await s.server.close();
});

describe('the API answers what the CLI prints', () => {
  const cases: [string, string[]][] = [
    ['/api/coverage?year=2025', ['coverage', '--year', '2025']],
    [
      '/api/coverage?year=2023&by=region&kind=center&covered_by=both',
      ['coverage', '--year', '2023', '--by', 'region', '--kind', 'center', '--covered-by', 'both'],
    ],
    ['/api/capacity?year=2025&catchment=nearest', ['capacity', '--year', '2025', '--catchment', 'nearest']],
    ['/api/distances?year=2025', ['distances', '--year', '2025']],
    ['/api/distances?year=2030&worst=5', ['distances', '--year', '2030', '--worst', '5']],
    ['/api/timeline', ['timeline']],
    ['/api/capacity?year=2027', ['capacity', '--year', '2027']],
  ];
  for (const [path, args] of cases)
    it(`${path} = dostplan ${args.join(' ')} --format json`, async () => {
      const api = await s.get(path);
      expect(api.status).toBe(200);
      expect(api.headers['content-type']).toBe('application/json; charset=utf-8');
      const printed = cli([...args, plan, '--format', 'json']);
      expect(printed.code).toBe(0);
      expect(api.body).toBe(printed.stdout);
    });

  it('refuses a bad query with 400 and says which parameter', async () => {
    for (const q of ['year=20x5', 'year=3000', 'by=planet', 'kind=kiosk']) {
      const r = await s.get(`/api/coverage?${q}`);
      expect(r.status).toBe(400);
      expect(r.json().error.message).toMatch(new RegExp(`^${q.split('=')[0]}:`));
    }
  });
});

describe('state and summary', () => {
  it('lists the plan: its years and every facility with kind, place, dates, region, parent', async () => {
    const st = (await s.get('/api/state')).json();
    expect(st.plan.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(st.stale).toBe(false);
    expect(st.canUndo).toBe(false);
    const bak1 = st.plan.facilities.find((f: { id: string }) => f.id === 'BAK-1');
    expect(bak1).toEqual({
      id: 'BAK-1',
      name: 'Baku DOST Center No. 1 (Yasamal)',
      kind: 'center',
      status: 'open',
      lat: 40.3853,
      lon: 49.8044,
      opens: '2019-05-09',
      closes: null,
      region: 'AZ-BA',
      parent: null,
    });
    const branch = st.plan.facilities.find((f: { kind: string }) => f.kind === 'branch');
    expect(typeof branch.parent).toBe('string');
  });

  it("gives the national and regional shares coverage prints, and the year's targets", async () => {
    const sum = (await s.get('/api/summary?year=2025')).json();
    const cov = JSON.parse(cli(['coverage', plan, '--year', '2025', '--format', 'json']).stdout);
    expect(sum.national.covered_pct).toBe(cov.percent);
    expect(sum.national.population).toBe(cov.population);
    expect(sum.regions.map((r: { id: string; covered_pct: number }) => [r.id, r.covered_pct])).toEqual(
      cov.groups.map((g: { id: string; percent: number }) => [g.id, g.percent]),
    );
    // The plan's 2023 and 2025 targets are due by 2025: 13 centers by 2023, 17 centers and 47 branches by 2025.
    expect(sum.targets.map((t: { target: number }) => t.target)).toEqual([13, 17, 47]);
    expect(sum.targets.every((t: { met: boolean }) => t.met === false)).toBe(true);
    const dist = JSON.parse(cli(['distances', plan, '--year', '2025', '--format', 'json']).stdout);
    expect(sum.national.mean_km).toBe(dist.any.mean_km);
  });

  it('draws the map from the embedded polygons: units, neighbours and the Caspian', async () => {
    const map = (await s.get('/api/map')).json();
    expect(map.type).toBe('FeatureCollection');
    expect(map.features.length).toBe(77);
    const gab = map.features.find((f: { id: string }) => f.id === 'AZ-QAB');
    expect(gab.properties.name).toBe('Gabala');
    expect(map.neighbours.map((f: { properties: { name: string } }) => f.properties.name)).toContain('Armenia');
    expect(map.caspian.properties.name).toBe('Caspian Sea');
  });
});

describe('security: every refusal', () => {
  it('needs the token: none is 401, a wrong one in the URL is 401', async () => {
    expect((await s.call('GET', '/api/state', { headers: { 'X-Dostplan-Token': '' } })).status).toBe(401);
    expect((await s.call('GET', '/api/state', { headers: { 'X-Dostplan-Token': 'x'.repeat(43) } })).status).toBe(401);
    expect((await s.call('GET', '/?token=wrong', { headers: { 'X-Dostplan-Token': '' } })).status).toBe(401);
  });

  it('turns the token URL into an HttpOnly SameSite=Strict cookie and a 303 to /; the cookie then suffices', async () => {
    const r = await s.call('GET', `/?token=${s.server.token}`, { headers: { 'X-Dostplan-Token': '' } });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(r.headers['set-cookie']).toEqual([`dostplan_token=${s.server.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const withCookie = await s.call('GET', '/api/state', {
      headers: { 'X-Dostplan-Token': '', Cookie: `other=1; dostplan_token=${s.server.token}` },
    });
    expect(withCookie.status).toBe(200);
  });

  it('refuses a Host that is not loopback with our port (DNS rebinding): 421', async () => {
    for (const host of ['evil.example', `evil.example:${s.server.port}`, '127.0.0.1:1', `127.0.0.2:${s.server.port}`]) {
      const r = await s.call('GET', '/api/state', { headers: { Host: host } });
      expect(r.status).toBe(421);
    }
    expect((await s.call('GET', '/api/state', { headers: { Host: `localhost:${s.server.port}` } })).status).toBe(200);
    expect((await s.call('GET', '/api/state', { headers: { Host: `[::1]:${s.server.port}` } })).status).toBe(200);
  });

  it('sends no CORS header, and answers a preflight with no permission', async () => {
    const pre = await s.call('OPTIONS', '/api/edit', {
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(pre.status).toBe(405);
    for (const r of [
      pre,
      await s.get('/api/state'),
      await s.call('GET', '/api/state', { headers: { 'X-Dostplan-Token': '' } }),
    ])
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('takes POSTs as JSON only (a form post is 415), from our origin only (403)', async () => {
    const form = await s.call('POST', '/api/undo', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'op=add',
    });
    expect(form.status).toBe(415);
    const plain = await s.call('POST', '/api/undo', { headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(plain.status).toBe(415);
    const cross = await s.call('POST', '/api/undo', {
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const site = await s.call('POST', '/api/undo', {
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
      body: '{}',
    });
    expect(site.status).toBe(403);
  });

  it('refuses a body over 64 KB (413) and one that is not JSON (400)', async () => {
    const big = await s.call('POST', '/api/edit', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ op: 'add', name: 'x'.repeat(70_000) }),
    });
    expect(big.status).toBe(413);
    const bad = await s.call('POST', '/api/edit', { headers: { 'Content-Type': 'application/json' }, body: '{"op":' });
    expect(bad.status).toBe(400);
    expect(bad.json().error.code).toBe('bad-json');
  });

  it('puts the Content Security Policy on every answer, refusals too', async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
      "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    for (const r of [
      await s.get('/'),
      await s.get('/api/state'),
      await s.call('GET', '/api/state', { headers: { 'X-Dostplan-Token': '' } }),
      await s.call('GET', '/', { headers: { Host: 'evil.example' } }),
    ]) {
      expect(r.headers['content-security-policy']).toBe(csp);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves only its own files: no path reaches the disk', async () => {
    for (const p of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/app.js/../../package.json',
      '/plan.yaml',
      '/api/../plan.yaml',
    ])
      expect((await s.get(p)).status).toBe(404);
  });

  it('answers an error as JSON with a code and message, never a stack', async () => {
    const r = await s.post('/api/edit', { op: 'move', id: 'NO-SUCH', lat: 40.4, lon: 49.8 });
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({ error: { code: 'unknown-facility', message: 'no facility with id NO-SUCH' } });
  });
});

describe('the page', () => {
  it('is a placeholder while the studio is not built, with the plan name escaped', async () => {
    const hostile = join(dir, 'hostile.yaml');
    writeFileSync(hostile, readFileSync(plan, 'utf8').replace(/^name: .*$/m, 'name: "<script>alert(1)</script> & co"'));
    const h = await serve(hostile);
    try {
      const r = await h.get('/');
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
      expect(r.body).not.toContain('<script');
      expect(r.body).not.toMatch(/style=/);
      // Our own JSON escapes < > & too, so no answer can be sniffed as HTML.
      const st = await h.get('/api/state');
      expect(st.body).toContain('\\u003cscript\\u003e');
      expect(st.json().plan.name).toBe('<script>alert(1)</script> & co');
    } finally {
      await h.server.close();
    }
  });

  it("serves the studio's build from the web folder: index.html, app.js, app.css", async () => {
    const web = join(dir, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>studio</title>');
    writeFileSync(join(web, 'app.js'), 'console.log(1);');
    const w = await serve(plan, { webDir: web });
    try {
      expect((await w.get('/')).body).toBe('<!doctype html><title>studio</title>');
      const js = await w.get('/app.js');
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(js.body).toBe('console.log(1);');
      expect((await w.get('/app.css')).status).toBe(404);
    } finally {
      await w.server.close();
    }
  });
});

describe('dostplan serve on the command line', () => {
  it('refuses a --host that is not loopback (exit 2)', () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com', '127.0.0.2']) {
      const r = cli(['serve', '--host', host, '--port', '0']);
      expect([host, r.code]).toEqual([host, 2]);
      expect(r.stderr).toMatch(/listens on loopback only/);
    }
  });

  it('prints the URL with the token as its first line, answers, and stops cleanly on SIGINT (exit 0)', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', plan, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const first = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', () => reject(new Error('exited before printing the URL')));
    });
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const url = new URL(first);
    const r = await fetch(new URL('/api/state', url), {
      headers: { 'X-Dostplan-Token': url.searchParams.get('token')! },
    });
    expect(r.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  });
});

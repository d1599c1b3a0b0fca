/**
 * `dostplan serve` in Azerbaijani, over HTTP (no browser; tests/studio-az.test.ts has the page):
 * the page's files in the run's language under the same URLs, the server's refusals in
 * Azerbaijani, both names in the answers (English `name`, `name_az` beside it), diagnostics said
 * in the run's language — and English answers exactly as they were.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { englishLeft } from './english-words.js';
import { cli, ROOT } from './helpers.js';
import { type Served, serve } from './serve-helpers.js';

const dirs: string[] = [];
const open: Served[] = [];
afterAll(async () => {
  for (const s of open) await s.server.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A server over a copy of the DOST plan, with a web folder whose files say which language they are. */
async function served(lang: 'en' | 'az'): Promise<{ s: Served; plan: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dostplan-serve-az-'));
  dirs.push(dir);
  const web = join(dir, 'web');
  mkdirSync(web);
  for (const [name, text] of [
    ['index.html', '<html lang="en">'],
    ['index.az.html', '<html lang="az">'],
    ['app.js', '/* en */'],
    ['app.az.js', '/* az */'],
    ['app.css', '/* css */'],
  ])
    writeFileSync(join(web, name!), text!);
  const plan = join(dir, 'dost.yaml');
  copyFileSync(join(ROOT, 'plans', 'dost.yaml'), plan);
  const s = await serve(plan, { webDir: web, lang });
  open.push(s);
  return { s, plan };
}

describe('dostplan serve --lang az over HTTP', async () => {
  const az = await served('az');
  const en = await served('en');

  it('sends the page and its script in the run’s language under the same URLs; one style sheet', async () => {
    expect((await az.s.get('/')).body).toBe('<html lang="az">');
    expect((await az.s.get('/app.js')).body).toBe('/* az */');
    expect((await az.s.get('/app.css')).body).toBe('/* css */');
    expect((await en.s.get('/')).body).toBe('<html lang="en">');
    expect((await en.s.get('/app.js')).body).toBe('/* en */');
  });

  it('refuses in Azerbaijani, with the same status and code; English refusals as they were', async () => {
    const cases: [string, () => Promise<{ status: number; json(): { error: { code: string; message: string } } }>][] = [
      ['/api/nope', () => az.s.get('/api/nope')],
      ['year', () => az.s.get('/api/summary?year=20x0')],
      ['kind', () => az.s.get('/api/surface?kind=bus')],
      ['host', () => az.s.call('GET', '/api/state', { headers: { Host: 'evil.example' } })],
      ['token', () => az.s.call('GET', '/api/state', { headers: { 'X-Dostplan-Token': '' } })],
      ['json', () => az.s.call('POST', '/api/edit', { body: '{}' })],
      [
        'bad json',
        () => az.s.call('POST', '/api/edit', { headers: { 'Content-Type': 'application/json' }, body: '{' }),
      ],
    ];
    const said = [];
    for (const [what, call] of cases) {
      const r = await call();
      expect(r.status, what).toBeGreaterThanOrEqual(400);
      said.push(r.json().error.message);
    }
    expect(said).toEqual([
      'belə səhifə və ya API yoxdur',
      'year: gözlənilən 1900 ilə 2100 arasında il',
      'kind: gözlənilən bunlardan biri: center, branch, any',
      `bu server yalnız http://127.0.0.1:${az.s.server.port}/ ünvanına cavab verir (Host: 127.0.0.1:${az.s.server.port} və ya localhost:${az.s.server.port})`,
      'dostplan serve-in çap etdiyi ünvanı açın (token ondadır) və ya X-Dostplan-Token başlığını göndərin',
      'sorğunun mətnini Content-Type: application/json kimi göndərin',
      'sorğunun mətni düzgün JSON deyil',
    ]);
    // An edit refused: in the Caspian, and nothing to undo.
    const sea = { op: 'add', kind: 'branch', name: 'Dənizdə', lat: 40.2, lon: 51.2, opens: '2027-01-01' };
    const r = await az.s.post('/api/edit', sea);
    expect([r.status, r.json().error.code]).toEqual([422, 'outside-country']);
    expect(r.json().error.message).toBe(
      'en 40,2, uzunluq 51,2 nöqtəsi Azərbaycan ərazisinin heç bir inzibati vahidində deyil',
    );
    expect((await en.s.post('/api/edit', sea)).json().error.message).toBe(
      'lat 40.2, lon 51.2 is not in any unit of Azerbaijan',
    );
    expect((await az.s.post('/api/undo', {})).json().error.message).toBe('geri qaytarılacaq dəyişiklik yoxdur');
    // A branch before its center opens: the validator's finding, in Azerbaijani.
    const early = await az.s.post('/api/edit', { op: 'dates', id: 'B-AGA', opens: '2019' });
    expect(early.status).toBe(422);
    expect(englishLeft(early.json().error.message)).toEqual([]);
    expect((await en.s.get('/api/nope')).json().error).toEqual({ code: 'not-found', message: 'no such page or API' });
    expect((await en.s.get('/api/summary?year=20x0')).json().error.message).toBe(
      'year: expected a year from 1900 to 2100',
    );
    expect((await en.s.get('/api/surface?cell_km=0')).json().error.message).toBe(
      'cell_km: expected a number from 0.1 to 10',
    );
    expect((await az.s.get('/api/surface?cell_km=0')).json().error.message).toBe(
      'cell_km: gözlənilən 0,1 ilə 10 arasında ədəd',
    );
  });

  it('refuses a malformed request in the run language, naming the field and quoting nothing of the body', async () => {
    const bad = [
      { op: 'fly' },
      { op: 'move', id: 'C1', lat: 'north', lon: 47 },
      { op: 'move', id: 'C1', lat: 40, lon: 47, 'extra\u001b[31m': 1 },
      { op: 'add', kind: 'branch', lat: 40.2, lon: 47, opens: '2027' },
    ];
    const messages = async (s: Served) => {
      const out: string[] = [];
      for (const body of bad) {
        const r = await s.post('/api/edit', body);
        expect([r.status, r.json().error.code]).toEqual([400, 'bad-edit']);
        out.push(r.json().error.message);
      }
      const suggest = await s.post('/api/suggest', { k: 'three' });
      expect([suggest.status, suggest.json().error.code]).toEqual([400, 'bad-suggest']);
      out.push(suggest.json().error.message);
      return out;
    };
    expect(await messages(en.s)).toEqual([
      'op must be one of add, move, dates, close, remove; got a text.',
      'lat must be a number, not a text',
      'unknown key in the request body.',
      "missing required field 'name' in the request body",
      'k must be a number, not a text',
    ]);
    expect(await messages(az.s)).toEqual([
      '`op` bunlardan biri olmalıdır: `add, move, dates, close, remove`; verilən: mətn.',
      '`lat` ədəd olmalıdır, mətn yox',
      'sorğunun mətni daxilində naməlum açar.',
      'sorğunun mətni daxilində məcburi `name` sahəsi yoxdur',
      '`k` ədəd olmalıdır, mətn yox',
    ]);
    // Numbers in a refusal written the run's way: 0,1 and 1 440 in Azerbaijani.
    expect((await en.s.get('/api/surface?bands=5,1')).json().error.message).toBe(
      'bands: expected up to 12 ascending minutes from 1 to 1,440, separated by commas',
    );
    expect((await az.s.get('/api/surface?bands=5,1')).json().error.message).toBe(
      'bands: gözlənilən 1 ilə 1\u00a0440 arasında, vergüllə ayrılmış, artan sırada ən çoxu 12 dəqiqə',
    );
  });

  it('sends both names: name_az beside name for the plan, its facilities and the economic regions; English has none', async () => {
    const state = (await az.s.get('/api/state')).json();
    expect(state.plan.name).toBe('DOST network (plan of record)');
    expect(state.plan.name_az).toBe('DOST şəbəkəsi (əsas plan)');
    const aga = state.plan.facilities.find((f: { id: string }) => f.id === 'B-AGA');
    expect([aga.name, aga.name_az]).toEqual(['DOST branch Aghstafa', 'Ağstafa DOST filialı']);
    const summary = (await az.s.get('/api/summary?year=2030')).json();
    const absheron = summary.regions.find((r: { id: string }) => r.id === 'absheron-khizi');
    expect([absheron.name, absheron.name_az]).toEqual(['Absheron-Khizi', 'Abşeron-Xızı']);
    expect(summary.targets.length).toBeGreaterThan(0);
    for (const t of summary.targets) expect(englishLeft(t.name_az)).toEqual([]);
    // English: the same answers, without a name_az of its own making.
    const english = (await en.s.get('/api/state')).body + (await en.s.get('/api/summary?year=2030')).body;
    expect(english).not.toContain('name_az');
    expect(JSON.parse((await en.s.get('/api/summary?year=2030')).body)).toEqual({
      ...summary,
      regions: summary.regions.map(({ name_az: _, ...r }: { name_az?: string }) => r),
      targets: summary.targets.map(({ name_az: _, ...t }: { name_az?: string }) => t),
    });
  });

  it("sends the settlements' Azerbaijani names with the map, so a gap's tooltip names its place in Azerbaijani", async () => {
    const names = (await az.s.get('/api/map')).json().settlements_az;
    expect(names.Agdzhabedy).toBe('Ağcabədi');
    // Every gap the page lists in 2026 is named as `dostplan gaps --lang az` names it.
    const gaps = (await az.s.get('/api/gaps?year=2026')).json().features;
    expect(gaps.length).toBeGreaterThan(0);
    const shown = gaps.map(
      (g: { properties: { settlement: string } }) => names[g.properties.settlement] ?? g.properties.settlement,
    );
    const text = cli(['gaps', '--year', '2026', '--lang', 'az', '--top', String(gaps.length)]).stdout;
    expect(shown.filter((n: string) => !text.includes(n))).toEqual([]);
    expect(shown.some((n: string, k: number) => n !== gaps[k].properties.settlement)).toBe(true);
  });

  it('says a dropped edit and a broken plan file in Azerbaijani', async () => {
    const { s, plan } = await served('az');
    expect((await s.post('/api/edit', { op: 'move', id: 'B-AGA', lat: 41.1, lon: 45.46 })).status).toBe(200);
    const text = readFileSync(plan, 'utf8');
    // B-AGA leaves the file: its move no longer applies.
    writeFileSync(plan, text.replace(/ {2}- id: B-AGA\n(?: {4}.*\n)+/, ''));
    await s.server.serial(() => s.session.reload());
    const dropped = (await s.get('/api/state')).json().diagnostics;
    expect(dropped).toEqual([
      expect.objectContaining({
        code: 'edit-dropped',
        message: 'B-AGA üçün “köçürmə” dəyişikliyi diskdəki plana artıq uyğun gəlmir; atıldı',
      }),
    ]);
    writeFileSync(plan, `${text}\n  - id: [unclosed\n`);
    await s.server.serial(() => s.session.reload());
    const broken = (await s.get('/api/state')).json();
    expect(broken.stale).toBe(true);
    expect(broken.diagnostics.length).toBeGreaterThan(0);
    for (const d of broken.diagnostics) expect(englishLeft(d.message)).toEqual([]);
  });
});

/**
 * What-if editing in `dostplan serve`: an edit changes the figures to values worked out by hand,
 * undo and redo walk them back and forth, a saved scenario (or the plan itself, comments kept)
 * passes `validate --strict` and the CLI then prints exactly what the API answered; the plan file
 * changing on disk is read again, and a broken file leaves the last good state with its
 * diagnostics; suggest runs optimize's maximal covering model.
 */
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { watchPlan } from '../dist/serve/watch.js';
import { cli, FIXTURES, ROOT } from './helpers.js';
import { serve, type Served } from './serve-helpers.js';

const XA = join(FIXTURES, 'country-xa');
const open: Served[] = [];
afterAll(async () => {
  for (const s of open) await s.server.close();
});

/** A fresh folder with a copy of a plan, and a server over it. */
async function served(planFile: string, data?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dostplan-serve-edits-'));
  const plan = join(dir, 'plan.yaml');
  copyFileSync(planFile, plan);
  const s = await serve(plan, data ? { data } : {});
  open.push(s);
  return { dir, plan, s };
}

const national = async (s: Served, year: number) => (await s.get(`/api/summary?year=${year}`)).json().national;

describe('edits on a three-unit country worked by hand (tests/fixtures/country-xa)', () => {
  // 2025 as planned: Capital 3,000 within 30 km of C1 and Norte 600 at B1 are covered; Norte East
  // (21.8 km from B1, over the 15 km standard) and Capital East (43.8 km from C1) are not;
  // Isla (500) is across the sea. 3,600 / 5,500 = 65.45 %.
  it('adds a branch at Capital East: +1,000 people, 4,600 / 5,500 = 83.64 %; moved to Norte East: 4,000 = 72.73 %', async () => {
    const { s, dir } = await served(join(XA, 'plan.yaml'), XA);
    expect((await national(s, 2025)).covered_pct).toBe(65.45);
    const add = await s.post('/api/edit', {
      op: 'add',
      kind: 'branch',
      name: 'Capital East branch',
      lat: 10.3,
      lon: 20.9,
      opens: '2025-01-01',
    });
    expect(add.status).toBe(200);
    const added = add.json().plan.facilities.find((f: { id: string }) => f.id === 'capital-east-branch');
    expect(added).toMatchObject({
      kind: 'branch',
      region: 'XA-C',
      parent: 'C1',
      opens: '2025-01-01',
      status: 'planned',
    });
    expect((await national(s, 2025)).covered_pct).toBe(83.64);
    expect((await national(s, 2024)).covered_pct).toBe(54.55); // not open yet: 3,000 / 5,500
    await s.post('/api/edit', { op: 'move', id: 'capital-east-branch', lat: 10.9, lon: 20.7 });
    expect((await national(s, 2025)).covered_pct).toBe(72.73);
    expect((await s.get('/api/state')).json().plan.facilities.at(-1).region).toBe('XA-N');
    // Undo the move, undo the add, redo both.
    await s.post('/api/undo', {});
    expect((await national(s, 2025)).covered_pct).toBe(83.64);
    const back = await s.post('/api/undo', {});
    expect(back.json()).toMatchObject({ canUndo: false, canRedo: true, edits: 0 });
    expect((await national(s, 2025)).covered_pct).toBe(65.45);
    await s.post('/api/redo', {});
    await s.post('/api/redo', {});
    expect((await national(s, 2025)).covered_pct).toBe(72.73);
    expect((await s.post('/api/redo', {})).status).toBe(409);

    // Saved as a scenario: validate --strict passes, and coverage of it is what the API answered.
    const saved = await s.post('/api/save', { mode: 'scenario' });
    expect(saved.status).toBe(200);
    const file = join(dir, 'plan.scenario.yaml');
    expect(saved.json().findings).toEqual([]);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('extends: plan.yaml');
    expect(text).not.toContain('Capital center'); // only what changed: C1 is not restated
    expect(cli(['--data', XA, 'validate', '--strict', file]).code).toBe(0);
    const printed = cli(['--data', XA, 'coverage', file, '--year', '2025', '--format', 'json']);
    expect(printed.stdout).toBe((await s.get('/api/coverage?year=2025')).body);
    expect(JSON.parse(printed.stdout)).toMatchObject({ covered: 4000, percent: 72.73 });
  });

  it('refuses what makes no sense: a spot at sea, an unknown id, removing a facility of the file, bad fields', async () => {
    const { s } = await served(join(XA, 'plan.yaml'), XA);
    const cases: [unknown, number, string][] = [
      [{ op: 'add', kind: 'branch', name: 'At sea', lat: 12, lon: 25, opens: '2025' }, 422, 'outside-country'],
      [{ op: 'move', id: 'NOPE', lat: 10.3, lon: 20.5 }, 404, 'unknown-facility'],
      [{ op: 'remove', id: 'C1' }, 409, 'not-added-here'],
      [{ op: 'add', kind: 'kiosk', name: 'x', lat: 10.3, lon: 20.5, opens: '2025' }, 400, 'bad-edit'],
      [{ op: 'add', kind: 'branch', name: 'x', lat: 'NaN', lon: 20.5, opens: '2025' }, 400, 'bad-edit'],
      [{ op: 'add', kind: 'branch', name: 'a\nb', lat: 10.3, lon: 20.5, opens: '2025' }, 400, 'bad-edit'],
      [{ op: 'dates', id: 'B1', opens: '2025-02-30' }, 400, 'bad-date'],
      [{ op: 'dates', id: 'B1', opens: '2023-06-01' }, 422, 'plan-error'], // before its center and the plan's years
      [{ op: 'close', id: 'C1', date: '2024' }, 422, 'plan-error'], // closes before it opens… in the same year
      [{ op: 'move', id: 'C1', lat: 10.3, lon: 20.5, extra: 1 }, 400, 'bad-edit'],
    ];
    for (const [body, status, code] of cases) {
      const r = await s.post('/api/edit', body);
      expect([r.status, r.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await s.get('/api/state')).json().edits).toBe(0);
  });
});

describe('the edit limit', () => {
  it('refuses the edit past the limit (409) and keeps every edit it took: undo walks back to the file exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-serve-limit-'));
    const plan = join(dir, 'plan.yaml');
    copyFileSync(join(XA, 'plan.yaml'), plan);
    const s = await serve(plan, { data: XA, maxEdits: 3 });
    open.push(s);
    const moves = [10.31, 10.32, 10.33, 10.34].map((lat) => ({ op: 'move', id: 'C1', lat, lon: 20.5 }));
    for (const m of moves.slice(0, 3)) expect((await s.post('/api/edit', m)).status).toBe(200);
    const over = await s.post('/api/edit', moves[3]);
    expect([over.status, over.json().error.code]).toEqual([409, 'too-many-edits']);
    const lat = async () => (await s.get('/api/state')).json().plan.facilities[0].lat;
    expect(await lat()).toBe(10.33);
    for (const want of [10.32, 10.31, 10.3]) {
      await s.post('/api/undo', {});
      expect(await lat()).toBe(want);
    }
    expect((await national(s, 2025)).covered_pct).toBe(65.45);
  });
});

describe('saving on the DOST plan', () => {
  it('writes the plan itself with its comments, order and formatting kept; validate --strict passes', async () => {
    const { s, plan } = await served(join(ROOT, 'plans', 'dost.yaml'));
    const before = readFileSync(plan, 'utf8');
    expect((await s.post('/api/edit', { op: 'dates', id: 'GUB', opens: '2027-03-01' })).status).toBe(200);
    expect((await s.post('/api/edit', { op: 'move', id: 'BAK-1', lat: 40.39, lon: 49.81 })).status).toBe(200);
    const add = await s.post('/api/edit', {
      op: 'add',
      kind: 'branch',
      name: 'Ismayilli test branch',
      lat: 40.787,
      lon: 48.152,
      opens: '2028-01-01',
    });
    expect(add.status).toBe(200);
    const saved = await s.post('/api/save', { mode: 'plan' });
    expect(saved.status).toBe(200);
    expect(saved.json().findings).toEqual([]);
    const after = readFileSync(plan, 'utf8');
    // Every line of the file is kept but the two edited values, which keep their comments.
    const left = new Map<string, number>();
    for (const l of after.split('\n')) left.set(l, (left.get(l) ?? 0) + 1);
    const changed = before.split('\n').filter((l) => {
      const n = left.get(l) ?? 0;
      left.set(l, n - 1);
      return n <= 0;
    });
    expect(changed).toHaveLength(2);
    expect(changed[0]).toMatch(/^ {4}location: \{ lat: 40\.3853, lon: 49\.8044 \}/);
    expect(changed[1]).toMatch(/^ {4}opens: /);
    expect(after).toContain('\n    opens: 2027-03-01\n');
    // The new branch is appended to branches: in the list's own layout.
    expect(after.slice(0, after.length - 1).split('\n').length).toBeGreaterThan(before.split('\n').length);
    expect(after).toContain('location: { lat: 40.39, lon: 49.81 }');
    expect(after).toContain('- id: ismayilli-test-branch');
    expect(cli(['validate', '--strict', plan]).code).toBe(0);
    // The edits are now the file's: nothing left to undo, and the file reads back to the same plan.
    const st = (await s.get('/api/state')).json();
    expect(st).toMatchObject({ edits: 0, canUndo: false, stale: false });
    expect(st.plan.facilities.find((f: { id: string }) => f.id === 'GUB').opens).toBe('2027-03-01');
  });

  it('saves a scenario file itself: flow entries edited in place, a closing date added and taken away, a base facility listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-serve-scenario-'));
    copyFileSync(join(ROOT, 'plans', 'dost.yaml'), join(dir, 'dost.yaml'));
    const scenario = join(dir, 'announced.yaml');
    copyFileSync(join(ROOT, 'plans', 'announced.yaml'), scenario);
    const s = await serve(scenario);
    open.push(s);
    const before = readFileSync(scenario, 'utf8');
    expect(before).toContain('  - { id: GUB, opens: 2023 }');
    expect(before).toContain('  - { id: B-TAR, opens: 2025 }');
    const ok = async (body: unknown) => expect((await s.post('/api/edit', body)).status).toBe(200);
    await ok({ op: 'dates', id: 'GUB', opens: '2024' }); // in the scenario's own flow entry
    await ok({ op: 'close', id: 'B-TAR', date: '2029-06-30' }); // a field the entry lacks
    await ok({ op: 'close', id: 'SUM', date: '2028' });
    await ok({ op: 'dates', id: 'SUM', closes: null }); // … and taken away again: no change at all
    await ok({ op: 'move', id: 'BAK-1', lat: 40.39, lon: 49.81 }); // only in the base plan
    await ok({ op: 'add', kind: 'center', name: 'Ganja "North": #2', lat: 40.68, lon: 46.36, opens: '2027-05-01' });
    const saved = await s.post('/api/save', { mode: 'plan' });
    expect(saved.status).toBe(200);
    expect(saved.json().findings).toEqual([]);
    const after = readFileSync(scenario, 'utf8');
    expect(after).toContain('  - { id: GUB, opens: 2024 }');
    expect(after).toContain('  - { id: B-TAR, opens: 2025, closes: 2029-06-30 }');
    expect(after).toContain('  - { id: SUM, opens: 2022 }');
    expect(after).toContain('  - id: BAK-1\n    location: { lat: 40.39, lon: 49.81 }\n');
    expect(after).toContain('    name: "Ganja \\"North\\": #2"\n');
    expect(after.startsWith(before.slice(0, before.indexOf('centers:')))).toBe(true);
    expect(cli(['validate', '--strict', scenario]).code).toBe(0);
    const again = JSON.parse(cli(['timeline', scenario, '--format', 'json']).stdout);
    expect(again.years.length).toBe(12);
    const st = (await s.get('/api/state')).json();
    const byId = (id: string) => st.plan.facilities.find((f: { id: string }) => f.id === id);
    expect(byId('B-TAR').closes).toBe('2029-06-30');
    expect(byId('ganja-north-2')).toMatchObject({ kind: 'center', name: 'Ganja "North": #2', region: 'AZ-GA' });
  });

  it('saves a scenario only inside the plan folder, under a plain name, never over an input', async () => {
    const { s, plan } = await served(join(ROOT, 'plans', 'dost.yaml'));
    await s.post('/api/edit', { op: 'close', id: 'BAK-2', date: '2029-12-31' });
    for (const [file, status] of [
      ['../escape.yaml', 400],
      ['/etc/passwd.yaml', 400],
      ['sub/dir.yaml', 400],
      ['.hidden.yaml', 400],
      ['plan.yaml', 409],
      ['notes.txt', 400],
    ] as const) {
      const r = await s.post('/api/save', { mode: 'scenario', file });
      expect([file, r.status]).toEqual([file, status]);
    }
    // A link in the folder may lead anywhere: refused, and what it points to is untouched.
    const outside = join(mkdtempSync(join(tmpdir(), 'dostplan-outside-')), 'victim.yaml');
    writeFileSync(outside, 'mine\n');
    symlinkSync(outside, join(dirname(plan), 'link.yaml'));
    expect((await s.post('/api/save', { mode: 'scenario', file: 'link.yaml' })).status).toBe(403);
    expect(readFileSync(outside, 'utf8')).toBe('mine\n');
    const ok = await s.post('/api/save', { mode: 'scenario', file: 'close-bak2.yaml' });
    expect(ok.status).toBe(200);
    expect(ok.json().path).toMatch(/close-bak2\.yaml$/);
  });
});

/** Polls /api/state until `ok` holds (the watcher is debounced and polled): that state. */
async function stateWhen(
  s: Awaited<ReturnType<typeof served>>['s'],
  ok: (st: { revision: number; stale: boolean }) => boolean,
) {
  for (let i = 0; i < 100; i++) {
    const st = (await s.get('/api/state')).json();
    if (ok(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server did not read the file again');
}

describe('the plan file on disk is the source of truth', () => {
  it('reloads a changed file; a broken one keeps the last good state with file:line:col diagnostics', async () => {
    const { s, plan } = await served(join(XA, 'plan.yaml'), XA);
    const w = watchPlan(s.session, { debounceMs: 20, pollMs: 100, serial: s.server.serial });
    try {
      const revision = (await s.get('/api/state')).json().revision;
      const good = readFileSync(plan, 'utf8');
      writeFileSync(plan, good.replace('opens: 2025', 'opens: 2024'));
      const moved = await stateWhen(s, (st) => st.revision > revision);
      expect(moved.stale).toBe(false);
      expect(moved.plan.facilities.find((f: { id: string }) => f.id === 'B1').opens).toBe('2024');
      expect((await national(s, 2024)).covered_pct).toBe(65.45); // B1 now open in 2024: 3,600 / 5,500

      writeFileSync(plan, good.replace('  center: { within_km: 30 }', '  center: { within_km: [30 }'));
      const broken = await stateWhen(s, (st) => st.stale);
      expect(broken.diagnostics[0]).toMatchObject({
        file: expect.stringMatching(/plan\.yaml$/),
        line: 6,
        severity: 'error',
      });
      expect(broken.diagnostics[0].column).toBeGreaterThan(1);
      // The last good plan still answers.
      expect(broken.plan.facilities.find((f: { id: string }) => f.id === 'B1').opens).toBe('2024');
      expect((await national(s, 2024)).covered_pct).toBe(65.45);
      expect((await s.post('/api/save', { mode: 'scenario' })).status).toBe(409);

      writeFileSync(plan, good);
      const fixed = await stateWhen(s, (st) => !st.stale);
      expect(fixed.diagnostics).toEqual([]);
      expect(fixed.plan.facilities.find((f: { id: string }) => f.id === 'B1').opens).toBe('2025');
    } finally {
      w.close();
    }
  });

  it('an unreadable file is a finding at its own line and column (invalid UTF-8 on line 3), not 1:1', async () => {
    const { s, plan } = await served(join(XA, 'plan.yaml'), XA);
    const w = watchPlan(s.session, { debounceMs: 20, pollMs: 100, serial: s.server.serial });
    try {
      const lines = readFileSync(plan, 'utf8').split('\n');
      const bad = Buffer.concat([
        Buffer.from(`${lines.slice(0, 2).join('\n')}\n# `),
        Buffer.from([0xff]),
        Buffer.from(`\n${lines.slice(2).join('\n')}`),
      ]);
      writeFileSync(plan, bad);
      const st = await stateWhen(s, (x) => x.stale);
      expect(st.diagnostics[0]).toMatchObject({ file: expect.stringMatching(/plan\.yaml$/), line: 3, column: 3 });
    } finally {
      w.close();
    }
  });

  it('replays the edits on a plan changed on disk, and drops (and says) the one whose facility is gone', async () => {
    const { s, plan } = await served(join(XA, 'plan.yaml'), XA);
    const w = watchPlan(s.session, { debounceMs: 20, pollMs: 100, serial: s.server.serial });
    try {
      expect((await s.post('/api/edit', { op: 'move', id: 'C1', lat: 10.32, lon: 20.52 })).status).toBe(200);
      expect((await s.post('/api/edit', { op: 'dates', id: 'B1', opens: '2025-03-01' })).status).toBe(200);
      const revision = (await s.get('/api/state')).json().revision;
      // The branch goes from the file (and the target that counted it): its edit no longer applies.
      const text = readFileSync(plan, 'utf8');
      writeFileSync(plan, text.slice(0, text.indexOf('\nbranches:') + 1).replace(', branches: 1', ''));
      const st = await stateWhen(s, (x) => x.revision !== revision);
      expect(st.stale).toBe(false);
      expect(st.edits).toBe(1);
      expect(st.plan.facilities).toEqual([expect.objectContaining({ id: 'C1', lat: 10.32, lon: 20.52 })]);
      expect(st.diagnostics).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'edit-dropped',
          message: expect.stringMatching(/dates of B1/),
        }),
      ]);
    } finally {
      w.close();
    }
  });

  it('tells the page of every change on the event stream', async () => {
    const { s } = await served(join(XA, 'plan.yaml'), XA);
    const events: string[] = [];
    const req = request({
      host: '127.0.0.1',
      port: s.server.port,
      path: '/api/events',
      headers: { Host: `127.0.0.1:${s.server.port}`, 'X-Dostplan-Token': s.server.token },
    });
    const got = new Promise<void>((resolve) => {
      req.on('response', (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        res.on('data', (d: Buffer) => {
          events.push(d.toString());
          if (events.join('').split('event: revision').length > 2) resolve();
        });
      });
    });
    req.end();
    await new Promise((r) => setTimeout(r, 100));
    const st = await s.post('/api/edit', { op: 'dates', id: 'B1', opens: '2025-06-01' });
    expect(st.status).toBe(200);
    await got;
    req.destroy();
    expect(events.join('')).toContain(`event: revision\ndata: {"revision":${st.json().revision}}\n\n`);
  });
});

describe('suggest k sites', () => {
  it("answers optimize's maximal covering sites for the plan as edited", async () => {
    const { s, plan } = await served(join(ROOT, 'plans', 'dost.yaml'));
    const r = await s.post('/api/suggest', { k: 2, year: 2030, kind: 'branch' });
    expect(r.status).toBe(200);
    const cliSites = JSON.parse(
      cli(['optimize', plan, '--model', 'mclp', '-k', '2', '--year', '2030', '--kind', 'branch', '--format', 'json'])
        .stdout,
    ).sites;
    expect(
      r.json().candidates.map((c: { lat: number; lon: number; gain_people: number }) => [c.lat, c.lon, c.gain_people]),
    ).toEqual(cliSites.map((c: { lat: number; lon: number; marginal: number }) => [c.lat, c.lon, c.marginal]));
    expect(r.json().candidates[0].gain_people).toBeGreaterThan(0);
    expect((await s.post('/api/suggest', { k: 0 })).status).toBe(400);
    expect((await s.post('/api/suggest', { k: 500 })).status).toBe(400);
  });
});

describe('soak', () => {
  it('1,000 rapid edits from two tabs leave one consistent state that both see, with memory flat', async () => {
    const { s } = await served(join(XA, 'plan.yaml'), XA);
    const first = (await s.get('/api/state')).json().revision;
    // Two tabs, each moving its own facility back and forth as fast as it can, interleaved.
    const tab = async (id: string, lat: number, lon: number, n: number) => {
      for (let i = 0; i < n; i++) {
        const r = await s.post('/api/edit', { op: 'move', id, lat: lat + ((i + 1) % 2) * 0.01, lon });
        expect(r.status).toBe(200);
      }
    };
    await Promise.all([tab('C1', 10.3, 20.5, 250), tab('B1', 10.9, 20.5, 250)]);
    const heapHalf = process.memoryUsage().heapUsed;
    await Promise.all([tab('C1', 10.3, 20.5, 250), tab('B1', 10.9, 20.5, 250)]);
    const heapEnd = process.memoryUsage().heapUsed;
    const [a, b] = [(await s.get('/api/state')).json(), (await s.get('/api/state')).json()];
    expect(a).toEqual(b);
    expect(a.revision).toBe(first + 1000);
    expect(a.edits).toBe(1000);
    // 250 moves each, an even number: both are back where they started, and so are the figures.
    expect(a.plan.facilities.map((f: { lat: number; lon: number }) => [f.lat, f.lon])).toEqual([
      [10.3, 20.5],
      [10.9, 20.5],
    ]);
    expect((await national(s, 2025)).covered_pct).toBe(65.45);
    expect(heapEnd - heapHalf).toBeLessThan(64 * 2 ** 20);
  }, 180_000);
});

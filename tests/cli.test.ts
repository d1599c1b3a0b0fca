import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../src/load/plan-schema.js';
import { cli, FIXTURES, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dostplan-'));
const small = readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');

describe('dostplan validate (end to end)', () => {
  it('passes the embedded default plan and data: exit 0', () => {
    const r = cli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 errors, 0 warnings in 1 file');
  });
  it('fails a broken plan with exit 1 and file:line:col', () => {
    const r = cli(['validate', 'tests/fixtures/invalid/24-region-code-typo.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^tests\/fixtures\/invalid\/24-region-code-typo.yaml:20:13: error unknown region 'AZ-BRA'/m,
    );
    expect(r.stdout).toContain('1 error, 0 warnings in 1 file');
  });
  it('prints GitHub annotations with --format github', () => {
    const r = cli(['validate', '--format', 'github', 'tests/fixtures/invalid/31-branch-opens-before-its-center.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe(
      "::error file=tests/fixtures/invalid/31-branch-opens-before-its-center.yaml,line=40,col=12,title=branch-before-parent::branch opens (2022) before its center 'BAR' (2023-08-07)",
    );
  });
  it('prints JSON with --format json', () => {
    const r = cli(['validate', '--format', 'json', 'tests/fixtures/invalid/16-30-february.yaml']);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ errors: 1, warnings: 0, files: 1 });
    expect(j.diagnostics[0]).toMatchObject({ line: 23, column: 12, code: 'date-invalid', severity: 'error' });
  });
  it('reports every file and counts them', () => {
    const r = cli([
      'validate',
      'tests/fixtures/valid/small.yaml',
      'tests/fixtures/invalid/33-negative-target.yaml',
      'tests/fixtures/invalid/20-latitude-beyond-90.yaml',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 errors, 0 warnings in 3 files');
  });
  it('--strict fails on warnings', () => {
    const f = join(tmp, 'warn.yaml');
    writeFileSync(f, small.replace('    serves: [AZ-BAR]\n', ''));
    expect(cli(['validate', f]).code).toBe(0);
    const r = cli(['validate', '--strict', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('serves-nothing');
  });
  it('exit 2 for a missing file or a directory, with no stack trace', () => {
    const missing = cli(['validate', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: no such file');
    const dir = cli(['validate', 'plans']);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('is a directory');
    expect(missing.stderr + dir.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('exit 2 for a bad flag', () => {
    expect(cli(['validate', '--format', 'xml']).code).toBe(2);
    expect(cli(['coverage', '--nope']).code).toBe(2);
  });
  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    const f = join(tmp, 'bom-crlf.yaml');
    writeFileSync(f, `\ufeff${small.replace(/\n/g, '\r\n')}`);
    const r = cli(['validate', f]);
    expect(r.stdout).toContain('0 errors');
    expect(r.code).toBe(0);
  });
  it('refuses binary and non-UTF-8 input with a clear message', () => {
    const bin = join(tmp, 'plan.yaml');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const r1 = cli(['validate', bin]);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toMatch(/:1:5: error binary content/);
    const latin1 = join(tmp, 'latin1.yaml');
    writeFileSync(
      latin1,
      Buffer.concat([Buffer.from('name: G'), Buffer.from([0xe4]), Buffer.from('nc\u0259\n'.replace('\u0259', 'e'))]),
    );
    const r2 = cli(['validate', latin1]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/:1:8: error not valid UTF-8/);
  });
  it('refuses an alias bomb quickly', () => {
    const t0 = Date.now();
    const r = cli(['validate', 'tests/fixtures/invalid/04-alias-bomb.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('yaml-alias');
    expect(Date.now() - t0).toBeLessThan(5000); // generous: a bomb expanded would take minutes and gigabytes
  });
  it('refuses absurdly deep nesting with a clear message, not a crash', () => {
    const f = join(tmp, 'deep.yaml');
    writeFileSync(f, `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const r = cli(['validate', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('nested too deeply');
  });
  it('never colors output with NO_COLOR or off a TTY', () => {
    expect(cli(['validate', 'tests/fixtures/invalid/16-30-february.yaml']).stdout).not.toContain('\u001b[');
  });
});

describe('the README stays true', () => {
  it('its example plan validates and its first command runs', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n(# yaml-language-server[^`]*?name: Ganja pilot[^`]*?)```/.exec(readme)![1]!;
    const f = join(tmp, 'readme-example.yaml');
    writeFileSync(f, example);
    const r = cli(['validate', f]);
    expect(r.stdout).toContain('0 errors');
    expect(r.code).toBe(0);
    expect(cli(['coverage', f, '--by', 'region']).code).toBe(0);
  });
});

describe('the planner guide stays true', () => {
  it('its scenario example validates against the DOST plan and diffs', async () => {
    const { copyFileSync } = await import('node:fs');
    const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
    const example = /```yaml\n([^`]*?extends: dost\.yaml[^`]*?)```/.exec(guide)![1]!;
    copyFileSync(join(ROOT, 'plans', 'dost.yaml'), join(tmp, 'dost.yaml'));
    writeFileSync(join(tmp, 'ganja-late.yaml'), example);
    expect(cli(['validate', join(tmp, 'ganja-late.yaml')]).code).toBe(0);
    const d = cli(['diff', join(tmp, 'dost.yaml'), join(tmp, 'ganja-late.yaml')]);
    expect(d.stdout).toContain('| re-dated | GAN | center | Ganja DOST Center | opens 2026 → 2027 |');
  });
});

describe('dostplan schema', () => {
  it('the committed schema/plan.schema.json is current (run `dostplan schema --out schema/plan.schema.json`)', () => {
    // Generated from the zod schemas: run `npm run schema` after changing src/model/plan.ts.
    expect(schemaText()).toBe(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
    expect(cli(['schema']).stdout).toBe(schemaText());
  });
  it('plans reference it for editors', () => {
    expect(readFileSync(join(ROOT, 'plans', 'dost.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schema\/plan\.schema\.json/,
    );
  });
});

describe('dostplan coverage and distances (end to end)', () => {
  it('runs on the embedded default with no arguments', () => {
    const r = cli(['coverage']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Coverage in 2030/);
    expect(r.stdout).toMatch(/Distance model: road ≈ geodesic × 1.3 circuity/);
  });
  it('JSON has the documented shape and the national population of the year', () => {
    const j = JSON.parse(cli(['coverage', '--year', '2024', '--format', 'json']).stdout);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['year', 'covered_by', 'population', 'covered', 'percent', 'groups']),
    );
    expect(j.year).toBe(2024);
    expect(j.population).toBe(10_180_770);
    expect(j.groups).toHaveLength(14);
  });
  it('is deterministic: byte-identical output on a second run', () => {
    const a = cli(['coverage', '--format', 'csv', '--by', 'region']).stdout;
    expect(cli(['coverage', '--format', 'csv', '--by', 'region']).stdout).toBe(a);
  });
  it('writes --out atomically and never over an input', () => {
    const out = join(tmp, 'cov.md');
    expect(cli(['coverage', '--format', 'md', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^### Coverage in 2030/);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const plan = join(tmp, 'small.yaml');
    writeFileSync(plan, small);
    const r = cli(['coverage', plan, '--out', plan]);
    expect(r.code).toBe(2);
    expect(readFileSync(plan, 'utf8')).toBe(small);
  });
  it('GeoJSON is RFC 7946: [lon, lat]', () => {
    const j = JSON.parse(
      cli([
        'coverage',
        'tests/fixtures/valid/hand.yaml',
        '--population',
        'tests/fixtures/hand-population.csv',
        '--format',
        'geojson',
      ]).stdout,
    );
    expect(j.type).toBe('FeatureCollection');
    const c = j.features.find((f: { properties: { id?: string } }) => f.properties.id === 'C');
    expect(c.geometry.coordinates).toEqual([47.1262, 40.3758]);
  });
  it('refuses to analyse a plan with errors (exit 1)', () => {
    const r = cli(['coverage', 'tests/fixtures/invalid/24-region-code-typo.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown region');
  });
  it('distances --worst lists the worst-served places with their nearest facility', () => {
    const r = cli(['distances', '--year', '2025', '--worst', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Worst-served 5 places');
    const j = JSON.parse(cli(['distances', '--year', '2025', '--worst', '3', '--format', 'json']).stdout);
    expect(j.worst).toHaveLength(3);
    expect(j.worst[0].km).toBeGreaterThanOrEqual(j.worst[2].km);
    expect(j.center.mean_km).toBeGreaterThan(0);
  });
  it('reads population points from GeoJSON ([lon, lat]) as well as CSV: same hand-worked 50%', () => {
    for (const f of ['hand-population.csv', 'hand-population.geojson']) {
      const j = JSON.parse(
        cli([
          'coverage',
          'tests/fixtures/valid/hand.yaml',
          '--year',
          '2024',
          '--population',
          `tests/fixtures/${f}`,
          '-f',
          'json',
        ]).stdout,
      );
      expect([j.population, j.covered, j.percent]).toEqual([600, 300, 50]);
    }
  });
  it('timeline text shows open centers/branches per economic region', () => {
    const r = cli(['timeline']);
    expect(r.stdout).toContain('Open centers/branches by economic region:');
    expect(r.stdout).toMatch(/^Baku\s+2\/0\s+3\/0\s+4\/0\s+5\/0/m);
  });
  it('the HTML report is byte-identical on a second run', () => {
    const a = cli(['report', '--year', '2026']).stdout;
    expect(a.length).toBeGreaterThan(10_000);
    expect(cli(['report', '--year', '2026']).stdout).toBe(a);
  });
  it('reports a bad population file at the line and character column of the bad cell', () => {
    const f = join(tmp, 'pop.csv');
    writeFileSync(f, 'lat,lon,population\n40.4,49.8,100\n40.4,abc,5\n');
    const r = cli(['coverage', '--population', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pop.csv:3:6: lon must be a number');
    expect(existsSync(f)).toBe(true);
  });
});

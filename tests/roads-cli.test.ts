import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

// The test town through the whole CLI: the plan names its roads (distance_model.roads, relative
// to the plan); --roads gives them to any plan. Times are worked out in tests/roads.test.ts.
const DIR = join(FIXTURES, 'roads');
const PLAN = join(DIR, 'town-plan.yaml');
const POP = ['--population', join(DIR, 'town-population.csv')];
const env = { DOSTPLAN_CACHE_DIR: mkdtempSync(join(tmpdir(), 'dostplan-roads-cli-')) };
const run = (args: string[]) => cli(args, { env });

describe('road network through the CLI', () => {
  it("distances: road minutes and km from the plan's own network, with the unreachable point reported", () => {
    const r = run(['distances', PLAN, ...POP, '--year', '2025', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model.description).toMatch(/^road network: .*town\.osm, 9 km of roads, test car profile/);
    // 100 people at 10.60 min (one-way street), 200 at 25.56 (ferry), 400 at 10.18 (off-road leg); 300 beyond 2 km.
    expect(out.center.unserved).toBe(300);
    expect(out.center.mean_min).toBeCloseTo((100 * 10.5985 + 200 * 25.5598 + 400 * 10.1841) / 700, 1);
    expect(r.stderr).toContain(
      '1 population point is more than 2 km from any road and counted as unreachable (e.g. 40.0000,47.0500)',
    );
    expect(r.stderr).toContain('1 road island (0.1 km)');
  });

  it("timeline: the branch opening mid-2026 cuts the one-way street's trip to 5.6 min", () => {
    const json = (year: string) =>
      JSON.parse(run(['distances', PLAN, ...POP, '--year', year, '--format', 'json', '--worst', '4']).stdout);
    const before = json('2025').any,
      after = json('2026').any;
    expect(before.mean_min).toBeCloseTo((100 * 10.5985 + 200 * 25.5598 + 400 * 10.1841) / 700, 1);
    expect(after.mean_min).toBeCloseTo((100 * 5.5598 + 200 * 23.9268 + 400 * 10.1841) / 700, 1);
    const t = run(['timeline', PLAN, ...POP]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('road network: ');
    // Within 15 min: the one-way street (100) and the field (400) of 1,000 people.
    expect(t.stdout).toMatch(/2024 +1 +0 +50\.0%/);
  });

  it('--roads works on every analysis command, and every report states the network', () => {
    const base = [
      PLAN,
      ...POP,
      '--roads',
      join(DIR, 'town.osm.pbf'),
      '--roads-profile',
      join(DIR, 'test-profile.yaml'),
    ];
    for (const args of [
      ['coverage', ...base],
      ['distances', ...base],
      ['timeline', ...base],
      ['optimize', ...base],
      ['explore', ...base],
    ]) {
      const r = run(args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      if (args[0] !== 'optimize') expect(r.stdout, args[0]).toContain('road network: ');
    }
    const diff = run([
      'diff',
      PLAN,
      PLAN,
      ...POP,
      '--roads',
      join(DIR, 'town.geojson'),
      '--roads-profile',
      join(DIR, 'test-profile.yaml'),
    ]);
    expect(diff.code, diff.stderr).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), 'dostplan-roads-report-')), 'r.html');
    const rep = run(['report', ...base, '--out', out]);
    expect(rep.code, rep.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('road network: ');
  });

  it('a missing or unreadable network is a clear error with a documented exit code', () => {
    const missing = run(['coverage', PLAN, ...POP, '--roads', join(DIR, 'nope.osm.pbf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.osm\.pbf: no such file/);
    expect(missing.stderr).not.toMatch(/at .*\.js:\d+/);
    const notRoads = run(['coverage', PLAN, ...POP, '--roads', join(DIR, 'town-population.csv')]);
    expect(notRoads.code).toBe(1);
    expect(notRoads.stderr).toMatch(/not a road network/);
  });

  it('without a network the straight-line model stays, as before', () => {
    const r = run(['coverage', join(FIXTURES, 'valid', 'small.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).model.type).toBeUndefined();
  });
});

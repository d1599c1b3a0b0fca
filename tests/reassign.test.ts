// Dated serves changes (plan key `reassign:`, issue 22 item 4) and the scenarios optimize writes
// with them (items 4 and 5): a scenario changes the future only.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servesOn, yearEnd } from '../src/analysis/schedule.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { RunContext } from '../src/run/run-context.js';
import { cli } from './helpers.js';

const run = new RunContext();
const tmp = mkdtempSync(join(tmpdir(), 'dostplan-reassign-'));

// Ganja's center serves Ganja and Goygol; a Goygol center opens in 2025 and takes Goygol over.
const base = `name: Goygol takes over
years: { from: 2020, to: 2026 }
standards: { center: { within_km: 30 } }
centers:
  - id: GAN
    name: Ganja center
    region: AZ-GA
    location: { lat: 40.6828, lon: 46.3606 }
    status: open
    opens: 2021-03
    serves: [AZ-GA, AZ-GYG]
  - id: GYC
    name: Goygol center
    region: AZ-GYG
    location: { lat: 40.5858, lon: 46.3189 }
    status: planned
    opens: 2025
reassign:
  - { unit: AZ-GYG, to: GYC }
`;
const write = (name: string, text: string) => {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
};
const plan = write('goygol.yaml', base);

/** People per facility by assignment, and per unit, in a year (the CLI's JSON). */
function loads(file: string, year: number) {
  const c = JSON.parse(
    cli(['capacity', file, '--catchment', 'assignment', '--year', String(year), '-f', 'json']).stdout,
  );
  const units = JSON.parse(
    cli(['coverage', file, '--covered-by', 'assignment', '--by', 'region', '--year', String(year), '-f', 'json'])
      .stdout,
  );
  const unit = (code: string) => units.groups.find((g: { id: string }) => g.id === code).population as number;
  const facility = Object.fromEntries(
    c.facilities.map((f: { id: string; population: number }) => [f.id, f.population]),
  ) as Record<string, number>;
  return { facility, unit, covered: units.percent as number };
}

describe('reassign: a unit moves to a facility from a date', () => {
  it('validates with --strict: no served-twice, and GYC, which only receives, is not serves-nothing', () => {
    const v = cli(['validate', plan, '--strict', '-f', 'json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ errors: 0, warnings: 0 });
    expect(v.code).toBe(0);
  });

  it('the serves of each year: GAN keeps Goygol until GYC opens (2025), then GYC serves it', () => {
    const p = loadPlan(run, plan).plan!;
    expect(servesOn(p, yearEnd(2024))).toEqual(new Map());
    expect(servesOn(p, yearEnd(2025))).toEqual(
      new Map([
        ['GAN', ['AZ-GA']],
        ['GYC', ['AZ-GYG']],
      ]),
    );
  });

  it('capacity by assignment: GAN has Ganja + Goygol in 2024, Ganja alone in 2025, GYC Goygol', () => {
    const y24 = loads(plan, 2024);
    expect(y24.facility).toEqual({ GAN: y24.unit('AZ-GA') + y24.unit('AZ-GYG') });
    const y25 = loads(plan, 2025);
    expect(y25.facility).toEqual({ GAN: y25.unit('AZ-GA'), GYC: y25.unit('AZ-GYG') });
    expect(y25.unit('AZ-GYG')).toBeGreaterThan(50_000); // Goygol: some 60,000 people
  }, 30_000);

  it('refuses a move to no facility, warns of one before its facility opens, and dates must be in the years', () => {
    const f = write(
      'bad.yaml',
      base.replace(
        '  - { unit: AZ-GYG, to: GYC }\n',
        '  - { unit: AZ-GYG, to: GYX }\n  - { unit: AZ-GYG, to: GYC, from: 2024 }\n  - { unit: AZ-GA, to: GAN, from: 2031 }\n',
      ),
    );
    const v = JSON.parse(cli(['validate', f, '-f', 'json']).stdout);
    const found = v.diagnostics.map((d: { code: string; line: number; message: string }) => [d.code, d.line]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['unknown-facility', 19],
        ['reassign-before-open', 20],
        ['date-outside-years', 21],
      ]),
    );
    expect(v.diagnostics.find((d: { code: string }) => d.code === 'unknown-facility').message).toContain("'GYC'");
  });

  it("a scenario's moves add to its base's, and its errors point into the scenario file", () => {
    const s = write(
      'later.yaml',
      'extends: goygol.yaml\nname: GYC takes Ganja too\nreassign:\n  - { unit: AZ-GA, to: GYC, from: 2026 }\n',
    );
    const p = loadPlan(run, s).plan!;
    expect(p.reassign).toHaveLength(2);
    expect(servesOn(p, yearEnd(2026)).get('GYC')).toEqual(['AZ-GYG', 'AZ-GA']);
    expect(servesOn(p, yearEnd(2026)).get('GAN')).toEqual([]);
    const bad = write('later-bad.yaml', 'extends: goygol.yaml\nreassign:\n  - { unit: AZ-GA, to: NOPE }\n');
    const v = JSON.parse(cli(['validate', bad, '-f', 'json']).stdout);
    expect(v.diagnostics[0]).toMatchObject({ code: 'unknown-facility', line: 3 });
    expect(v.diagnostics[0].file).toContain('later-bad.yaml');
  });

  it('diff lists the move with the day it takes effect', () => {
    const without = write('without.yaml', base.replace(/reassign:\n.*\n/, ''));
    const d = JSON.parse(cli(['diff', without, plan, '-f', 'json']).stdout);
    expect(d.serves_moves).toEqual([{ change: 'added', unit: 'AZ-GYG', to: 'GYC', from: null, effective: '2025' }]);
  });
});

describe('optimize --format yaml: scenarios that change the future only', () => {
  const base = 'plans/dost.yaml';
  const out = (model: string) => join(tmp, `${model}.yaml`);
  const timelineOf = (file: string) =>
    JSON.parse(cli(['timeline', file, '-f', 'json']).stdout).years as {
      year: number;
      coverage: { assignment: { percent: number } };
    }[];

  it('mclp: coverage by assignment in 2021 and 2029 is the plan’s (27.6 %, 98.2 %); the sites open in 2030', () => {
    const r = cli(['optimize', base, '--model', 'mclp', '--format', 'yaml', '--out', out('mclp')]);
    expect(r.code).toBe(0);
    const text = readFileSync(out('mclp'), 'utf8');
    expect(text).toMatch(/^name: "5 centers suggested by optimize mclp, opening 2030"$/m);
    expect(text).toMatch(/^reassign:/m);
    const plan = timelineOf(base),
      scenario = timelineOf(out('mclp'));
    const at = (t: typeof plan, y: number) => t.find((x) => x.year === y)!.coverage.assignment.percent;
    expect(at(plan, 2021)).toBeCloseTo(27.6, 1);
    expect(at(plan, 2029)).toBeCloseTo(98.2, 1);
    for (let y = 2019; y <= 2029; y++) expect(at(scenario, y), String(y)).toBe(at(plan, y));
    // The diff dates the change 2030 only, and names the scenario after what it adds.
    const d = JSON.parse(cli(['diff', base, out('mclp'), '-f', 'json']).stdout);
    expect(d.plans.to).not.toBe(d.plans.from);
    // Every figure of every year before 2030 is the same in both plans.
    type Pair = { from: unknown; to: unknown };
    const differs = (y: Record<string, Pair | number>) =>
      Object.values(y).some((v) => typeof v === 'object' && v.from !== v.to);
    expect(d.years.filter(differs).map((y: { year: number }) => y.year)).toEqual([2030]);
    expect(d.serves_moves.every((m: { effective: string }) => m.effective === '2030')).toBe(true);
  }, 60_000);

  for (const model of ['mclp', 'pmedian', 'setcover', 'capacity', 'order'])
    it(`${model}: a scenario over the plan that passes validate --strict and runs through timeline`, () => {
      if (model !== 'mclp') {
        const r = cli(['optimize', base, '--model', model, '--format', 'yaml', '--out', out(model)]);
        expect(r.code, r.stderr).toBe(0);
      }
      const text = readFileSync(out(model), 'utf8');
      expect(text).toMatch(/^extends: ".*plans\/dost.yaml"$/m);
      expect(text).toMatch(/^name: /m);
      const v = cli(['validate', out(model), '--strict', '-f', 'json']);
      expect(JSON.parse(v.stdout)).toMatchObject({ errors: 0, warnings: 0 });
      expect(v.code).toBe(0);
      const t = cli(['timeline', out(model), '-f', 'json']);
      expect(t.code, t.stderr).toBe(0);
      expect(JSON.parse(t.stdout).years).toHaveLength(12);
    }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT } from './helpers.js';

// The hand-worked fixture of tests/capacity.test.ts, through the built CLI.
const fixture = ['tests/fixtures/valid/capacity.yaml', '--population', 'tests/fixtures/capacity-population.csv'];

describe('dostplan capacity (end to end)', () => {
  it('json: C at 120 % listed first, B at 50 % with its Erlang C wait; the overflow of 5,000 people 11.1 km', () => {
    const r = cli(['capacity', ...fixture, '--year', '2025', '-f', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.facilities.map((f: { id: string }) => f.id)).toEqual(['C', 'B']);
    expect(j.facilities[0]).toMatchObject({
      population: 30000,
      visits_per_day: 300,
      capacity: 250,
      utilization_pct: 120,
      overloaded: true,
    });
    expect(j.facilities[1].queue).toEqual({ occupancy_pct: 50, p_wait_pct: 3.6, mean_wait_min: 0.1 });
    expect(j.capacitated).toMatchObject({ method: 'exact', unserved: 0, overflow: 5000, overflow_mean_extra_km: 11.1 });
  });
  it('--strict exits 1 and names the overloaded facility; without it, exit 0', () => {
    const strict = cli(['capacity', ...fixture, '--year', '2025', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 facility is above 100 % in 2025: C 120%');
    expect(cli(['capacity', ...fixture, '--year', '2025']).code).toBe(0);
  });
  it('--visits halves the demand: C 150/250 = 60 %, nobody above 100 %, --strict passes', () => {
    const r = cli(['capacity', ...fixture, '--year', '2025', '--visits', '1.225', '--strict', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).facilities.map((f: { utilization_pct: number }) => f.utilization_pct)).toEqual([
      60, 25,
    ]);
  });
  it('text, csv and md carry the same figures', () => {
    const text = cli(['capacity', ...fixture, '--year', '2024']).stdout;
    expect(text).toContain('600 visits/day expected against 250 capacity; 1 of 1 open facilities above 100%');
    expect(text).toContain('35,000 people cannot be served within capacity');
    expect(text).toMatch(/^C\s+Barda center\s+center\s+60,000\s+600\s+250\s+!240%/m);
    const csv = cli(['capacity', ...fixture, '--year', '2024', '-f', 'csv'])
      .stdout.trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(csv[0]).toBe(
      'year,catchment,id,name,kind,region,population,visits_per_day,capacity,capacity_from,utilization_pct,overloaded,desks,service_min,p_wait_pct,mean_wait_min,served_after_overflow,sent_elsewhere,unserved',
    );
    expect(csv[1]).toBe('2024,nearest,C,Barda center,center,AZ-BAR,60000,600,250,plan,240,1,,,,,25000,0,35000');
    expect(cli(['capacity', ...fixture, '--year', '2024', '-f', 'md']).stdout).toContain(
      '| C | Barda center | center | 60,000 | 600 | 250 | ⚠️ 240% |',
    );
  });
  it('csv: an unbounded wait is an empty cell (JSON null), not the text "inf", and a note says so', () => {
    // --visits 5: B's 612.2 visits a day exceed the 600 its 10 desks serve (102 %): p_wait 100 %,
    // the queue grows all day.
    const args = ['capacity', ...fixture, '--year', '2025', '--visits', '5'];
    expect(JSON.parse(cli([...args, '-f', 'json']).stdout).facilities[1].queue.mean_wait_min).toBeNull();
    const lines = cli([...args, '-f', 'csv'])
      .stdout.trim()
      .split('\n');
    expect(lines.find((l) => l.startsWith('2025,nearest,B,'))).toBe(
      '2025,nearest,B,Branch 0.3 degrees north,branch,AZ-YEV,30000,612.2,600,desks,102,1,10,8,100,,29400,0,600',
    );
    expect(lines.join('\n')).not.toMatch(/\binf\b|Infinity|NaN/);
    expect(
      lines.some((l) =>
        l.startsWith(
          '# note: mean_wait_min is empty where the wait is unbounded (p_wait_pct 100: visits reach what the desks can serve',
        ),
      ),
    ).toBe(true);
  });
  it('geojson: each facility a [lon, lat] point with its utilization', () => {
    const j = JSON.parse(cli(['capacity', ...fixture, '--year', '2025', '-f', 'geojson']).stdout);
    expect(j.features.map((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates)).toEqual([
      [47.1262, 40.3758],
      [47.1262, 40.6758],
    ]);
    expect(j.features[0].properties).toMatchObject({ id: 'C', utilization_pct: 120, overloaded: true });
  });
  it('a bad flag is a usage error (exit 2)', () => {
    expect(cli(['capacity', '--catchment', 'closest']).code).toBe(2);
    expect(cli(['capacity', '--visits', '-1']).code).toBe(2);
  });
});

describe('capacity in the HTML report', () => {
  it('the report has the capacity section with the hand-worked figures of 2025', () => {
    const html = cli(['report', ...fixture, '--year', '2025']).stdout;
    expect(html).toContain('<h2>Capacity, 2025</h2>');
    expect(html).toMatch(
      /id="capacity-summary">600 visits a day expected \(2\.45 a resident a year over 245 days\) against 850 capacity; <strong>1<\/strong> of 2 open facilities above 100 %/,
    );
    expect(html).toContain(
      '<td>C</td><td>Barda center</td><td class="num">30,000</td><td class="num">300</td><td class="num">250</td><td class="num">120.0%</td>',
    );
  });
});

describe('optimize --model capacity (end to end)', () => {
  it('2024, C alone and 35,000 unserved: one site at P3 with capacity 350 serves P3 and the 5,000 of P2 C has no room for', () => {
    const r = cli(['optimize', ...fixture, '--model', 'capacity', '-k', '1', '--year', '2024', '-f', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.before).toMatchObject({ unserved: 35000, overloaded: [{ id: 'C', utilization_pct: 240 }] });
    expect(j.sites).toHaveLength(1);
    expect(j.sites[0]).toMatchObject({
      lat: 40.6758,
      capacity: 350,
      people: 35000,
      relieves: ['C'],
      unserved_after: 0,
      overloaded_after: 1,
    });
    expect(j.yaml).toContain('capacity: 350');
  });
});

describe('plans/asan.yaml, the second network', () => {
  it('validates with --strict and is analysed by the same commands', () => {
    expect(cli(['validate', 'plans/asan.yaml', '--strict']).code).toBe(0);
    const t = JSON.parse(cli(['timeline', 'plans/asan.yaml', '-f', 'json']).stdout);
    expect(t.years.find((y: { year: number }) => y.year === 2023).centers).toBe(24); // 24 centers in April 2023 (ajmedia.jp)
    const c = JSON.parse(cli(['capacity', 'plans/asan.yaml', '--year', '2023', '-f', 'json']).stdout);
    expect(c.facilities).toHaveLength(24);
    expect(c.demand).toMatchObject({ visits_per_resident_year: 0.75, working_days: 300 });
  }, 30_000); // three runs of the CLI over the national data
});

describe('docs/guide.md, DOST and ASAN side by side', () => {
  it('every pasted output line is what the command prints today, in order', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## DOST and ASAN side by side'));
    const blocks = [...section.matchAll(/```\n\$ dostplan ([^\n]*)\n([\s\S]*?)\n```/g)];
    expect(blocks.length).toBe(4);
    for (const [, command, body] of blocks) {
      const out = cli(command!.split(' ')).stdout.split('\n');
      let at = 0;
      for (const line of body!.split('\n').filter((l) => l !== '…')) {
        const found = out.indexOf(line, at);
        expect(found, `${command}: ${line}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  }, 120_000); // four national runs of the CLI
});

describe('capacity: "sent on" is counted from each person’s nearest facility (issue 22 item 8)', () => {
  it('Khachmaz 2027 sends on more than its catchment by assignment, never more than the people nearest to it', () => {
    const r = cli(['capacity', '--year', '2027', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      facilities: {
        id: string;
        population: number;
        capacitated: { nearest: number; sent_elsewhere: number; unserved: number };
      }[];
    };
    for (const f of j.facilities)
      expect(f.capacitated.sent_elsewhere + f.capacitated.unserved, f.id).toBeLessThanOrEqual(
        f.capacitated.nearest + 1,
      );
    const xac = j.facilities.find((f) => f.id === 'B-XAC')!;
    // The catchment in `population` is the units it serves; overflow starts from the nearest
    // facility, and more people are nearest to Khachmaz than it serves by assignment.
    expect(xac.capacitated.sent_elsewhere).toBeGreaterThan(xac.population);
    expect(xac.capacitated.nearest).toBeGreaterThan(xac.population);
    const text = cli(['capacity', '--year', '2027']).stdout;
    expect(text).toContain('count the people whose nearest open facility this is');
  });
});

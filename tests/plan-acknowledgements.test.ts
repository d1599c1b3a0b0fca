/**
 * CI a plan repository can keep green (issue 22, item 9): a target missed in reality is recorded in
 * the plan with its reason, so `timeline --strict` fails only on a new miss; a warning accepted on
 * purpose is waived per facility with its reason; reports show both. And the README's own CI lines
 * pass on every shipped plan.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-acknowledge-'));
const dost = join(ROOT, 'plans', 'dost.yaml');
const waived = join(FIXTURES, 'valid', 'waived.yaml');

describe('a missed target the plan records', () => {
  it('the DOST plan records its 2023 and 2025 misses: timeline --strict passes and says why', () => {
    const r = cli(['timeline', dost, '--strict']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MISSED by 2023-12-31 — 8 more centers by end-2023 (13 in total): centers 7/13');
    expect(r.stdout).toContain(
      'acknowledged as missed: 7 centers by end-2023 (5 in Baku, Absheron, Barda from 2023-08-07)',
    );
    expect(r.stdout).toContain('acknowledged as missed: 7 centers, the Shusha branch');
  });

  it('a miss worse than recorded is new: Barda a year late leaves 6 of the 7 centers recorded for 2023', () => {
    const r = cli(['timeline', dost, '--strict', '--delay', 'KRB=+1y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 target missed (and 1 acknowledged in the plan)');
    expect(r.stdout).toContain('centers 6/13 (short by 7)');
    expect(r.stdout).toContain('a new miss: fewer open than the 7 centers the plan records as reached');
  });

  it('a miss the plan does not record fails --strict, as before', () => {
    const f = join(DIR, 'unrecorded.yaml');
    writeFileSync(f, readFileSync(waived, 'utf8').replace('branches: 1 }', 'branches: 2 }'));
    const r = cli(['timeline', f, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dostplan: 1 target missed\n');
  });

  it('JSON and Markdown carry the record: acknowledged with its reason and counts', () => {
    const j = JSON.parse(cli(['timeline', dost, '--format', 'json']).stdout);
    expect(j.targets[1].acknowledged).toMatchObject({ centers: 7, branches: 4, covers: true });
    expect(j.targets[1].acknowledged.reason).toMatch(/^7 centers, the Shusha branch/);
    expect(cli(['timeline', dost, '--format', 'md']).stdout).toContain('- ☑️ by 2023-12-31');
  });

  it('validate: a recorded miss that is not short of its target is a warning', () => {
    const f = join(DIR, 'not-short.yaml');
    writeFileSync(
      f,
      readFileSync(waived, 'utf8').replace(
        '{ by: 2025, centers: 1, branches: 1 }',
        '{ by: 2025, centers: 1, branches: 1, missed: { centers: 1, reason: late } }',
      ),
    );
    const r = cli(['validate', f]);
    expect(r.stdout).toContain(
      'missed.centers (1) is not short of the target (1): the target was met [missed-not-short]',
    );
  });
});

describe('a warning waived with its reason', () => {
  it('validate --strict passes, and shows the warning as waived with the reason', () => {
    const r = cli(['validate', waived, '--strict']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /waived\.yaml:24:15: waived location is 17\.2 km outside AZ-GOR \(Goranboy\); it lies in AZ-YEV \(Yevlakh\); is the region or the location wrong\? — waived: the only free building is in Yevlakh/,
    );
    expect(r.stdout).toContain('0 errors, 0 warnings (1 waived) in 1 file');
  });

  it('GitHub annotations make it a notice, JSON counts it apart', () => {
    const gh = cli(['validate', waived, '--strict', '--format', 'github']);
    expect(gh.code).toBe(0);
    expect(gh.stdout).toMatch(/^::notice file=.*waived\.yaml,line=24,col=15,title=outside-region \(waived\)::/);
    const j = JSON.parse(cli(['validate', waived, '--format', 'json']).stdout);
    expect(j).toMatchObject({ errors: 0, warnings: 0, waived: 1 });
    expect(j.diagnostics[0].waived).toMatch(/^the only free building/);
  });

  it('without the waiver the same plan fails validate --strict', () => {
    const f = join(DIR, 'unwaived.yaml');
    writeFileSync(f, readFileSync(waived, 'utf8').replace(/ {4}waive:\n.*\n/, ''));
    const r = cli(['validate', f, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('0 errors, 1 warning in 1 file');
  });

  it('a waiver with no warning to waive is itself a warning; an empty reason is an error', () => {
    const f = join(DIR, 'stale.yaml');
    writeFileSync(f, readFileSync(waived, 'utf8').replace('outside-region:', 'serves-nothing:'));
    const r = cli(['validate', f]);
    expect(r.stdout).toContain('B has no serves-nothing warning to waive; remove this entry [waive-unused]');
    const g = join(DIR, 'no-reason.yaml');
    writeFileSync(g, readFileSync(waived, 'utf8').replace(/outside-region: .*/, "outside-region: ''"));
    const e = cli(['validate', g]);
    expect(e.code).toBe(1);
    expect(e.stdout).toContain('[out-of-range]');
  });

  it('reports show the waiver: timeline text and the HTML report', () => {
    expect(cli(['timeline', waived]).stdout).toContain(
      'Waived warnings:\n  B: outside-region — the only free building is in Yevlakh',
    );
    const out = join(DIR, 'report.html');
    expect(cli(['report', waived, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<ul id="waivers"><li>B: outside-region — the only free building');
  });
});

describe("the README's CI lines", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /### In CI\s+```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const lines = [...block.matchAll(/- run: npx dostplan (.*?)\s*(#.*)?$/gm)].map((m) => m[1]!.split(/\s+/));
  const plans = readdirSync(join(ROOT, 'plans'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `plans/${f}`);

  it('the README has its two CI lines', () => expect(lines.map((l) => l[0])).toEqual(['validate', 'timeline']));

  for (const args of lines) {
    it(`dostplan ${args.join(' ')} passes on every shipped plan`, () => {
      // A glob expands as the shell would; a command on one plan runs on each shipped plan in turn.
      const runs = args.includes('plans/*.yaml')
        ? [args.flatMap((a) => (a === 'plans/*.yaml' ? plans : [a]))]
        : plans.map((p) => args.map((a) => (a.startsWith('plans/') ? p : a)));
      for (const run of runs) {
        const r = cli(run);
        expect(`${run.join(' ')}: exit ${r.code} ${r.stderr}`).toBe(`${run.join(' ')}: exit 0 ${r.stderr}`);
      }
    });
  }
});

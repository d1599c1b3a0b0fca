import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../src/load/validate-file.js';
import { FIXTURES } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

const dir = join(FIXTURES, 'invalid');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** A file that cannot carry its own header (it is empty) has its expectation here. */
const HEADERLESS: Record<string, string> = { '40-empty-file.yaml': 'empty-plan 1:1' };

/** The "expect: code line:col …" list of a fixture's first line. */
function expected(f: string): string[] {
  const header = HEADERLESS[f] ?? /expect: (.*)$/.exec(readFileSync(join(dir, f), 'utf8').split('\n')[0]!)?.[1] ?? '';
  return [...header.matchAll(/(\S+) (\d+:\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
}

describe('broken plans: each problem reported at its place', () => {
  it('has at least 30 fixtures', () => expect(files.length).toBeGreaterThanOrEqual(30));

  for (const f of files) {
    const want = expected(f);
    it(`${f}: ${want.join(', ')}`, () => {
      expect(want.length, `fixture ${f} needs an "expect: code line:col" header`).toBeGreaterThan(0);
      const errors = validateFile(run, join(dir, f)).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((e) => `${e.code} ${e.line}:${e.column}`)).toEqual(want);
      for (const e of errors) expect(e.message.length).toBeGreaterThan(10);
    });
  }
});

describe('messages a planner can act on', () => {
  const message = (f: string) => validateFile(run, join(dir, f)).diagnostics[0]!.message;
  it('suggests the swap when lat and lon are swapped', () =>
    expect(message('22-lat-and-lon-swapped.yaml')).toMatch(/swapped: lat: 40.3758, lon: 47.1262/));
  it('suggests the closest region code (a transposition counts as one typo)', () =>
    expect(message('24-region-code-typo.yaml')).toMatch(/Did you mean 'AZ-BAR' \(Barda\)/));
  it('maps a region name to its code', () =>
    expect(message('25-region-name-instead-of-code.yaml')).toMatch(/Did you mean 'AZ-TAR'/));
  it('suggests the key for a typo', () => expect(message('08-typo-in-key.yaml')).toMatch(/Did you mean 'serves'/));
  it('suggests the status for a typo', () => expect(message('12-status-typo.yaml')).toMatch(/Did you mean 'planned'/));
  it('suggests the parent id for a typo', () =>
    expect(message('29-parent-id-typo.yaml')).toMatch(/Did you mean 'BAR'/));
});

describe('every problem of a file in one run', () => {
  it('schema errors in one facility do not hide semantic problems in the others', () => {
    const ds = validateFile(run, join(FIXTURES, 'multi-problem.yaml')).diagnostics;
    expect(ds.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      'target-count 7:32',
      'unknown-region 11:13',
      'outside-country 12:15',
      'date-invalid 14:12',
      'unknown-serves 15:21',
      'invalid-value 21:13',
      'unknown-parent 26:13',
    ]);
  });
  it('an abbreviated name is matched to its code: AZ-GAN → Ganja', () => {
    expect(validateFile(run, join(FIXTURES, 'multi-problem.yaml')).diagnostics[1]!.message).toContain(
      "Did you mean 'AZ-GA' (Ganja)?",
    );
  });
});

describe('warnings', () => {
  it('a plan without any coverage standard is flagged (everyone would count as covered)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const f = join(mkdtempSync(join(tmpdir(), 'dostplan-')), 'no-standard.yaml');
    writeFileSync(f, 'name: t\nyears: { from: 2024, to: 2025 }\nstandards: { center: {} }\n');
    expect(validateFile(run, f).diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column}`)).toEqual([
      'warning standard-empty 3:12',
      'warning standard-empty 3:22',
    ]);
  });
});

describe('valid plans', () => {
  it('the small fixture and the default DOST plan have no errors or warnings', () => {
    expect(validateFile(run, join(FIXTURES, 'valid', 'small.yaml')).diagnostics).toEqual([]);
    expect(validateFile(run, join(FIXTURES, '..', '..', 'plans', 'dost.yaml')).diagnostics).toEqual([]);
  });
});

/**
 * Loaders report instead of ending the run: a caller that keeps running (the server) gets a
 * refusal as findings at file, line and column, and the CLI still prints the same line and exit code.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { attempt, findingsOf, placeOf } from '../src/load/findings.js';
import { loadPlanContext } from '../src/load/plan-context.js';
import { RunContext } from '../src/run/run-context.js';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-findings-'));
const bad = join(DIR, 'bad.csv');
writeFileSync(bad, 'lat,lon,population\n40.4,47.1,5\n40.5,47.2,6,7\n');

describe('a loader refusal as findings', () => {
  it('a bad population file: one finding at line 3, column 13; the next load in the same process works', async () => {
    const run = new RunContext();
    const r = await attempt(() => loadPlanContext(run, undefined, { population: bad }));
    expect(r).toEqual({
      ok: false,
      findings: [
        {
          file: bad,
          line: 3,
          column: 13,
          severity: 'error',
          code: 'unreadable',
          message: `more fields than the header's 3; quote a value that holds a comma ("…")`,
          said: {
            key: 'read.csv.more_fields',
            params: { header: 3, separator: { key: 'read.csv.comma' } },
          },
        },
      ],
    });
    const good = await attempt(() => loadPlanContext(new RunContext(), undefined, {}));
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.value.plan.centers.length).toBeGreaterThan(10);
  });

  it('the CLI prints the same place and problem, exit 1, as before', () => {
    const r = cli(['coverage', '--population', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `dostplan: ${bad}:3:13: more fields than the header's 3; quote a value that holds a comma ("…")\n`,
    );
  });

  it("an invalid plan gives its diagnostics; a missing file its name; a flag's refusal no place", async () => {
    const plan = join(FIXTURES, 'invalid', '07-no-years.yaml');
    const invalid = await attempt(() => loadPlanContext(new RunContext(), plan, {}));
    expect(invalid.ok).toBe(false);
    if (!invalid.ok)
      expect(invalid.findings.some((d) => d.file.endsWith('07-no-years.yaml') && d.line >= 1)).toBe(true);
    const missing = await attempt(() =>
      loadPlanContext(new RunContext(), undefined, { population: join(DIR, 'none.csv') }),
    );
    expect(missing).toMatchObject({
      ok: false,
      findings: [{ file: join(DIR, 'none.csv'), line: 1, message: 'no such file' }],
    });
    const flag = await attempt(() => loadPlanContext(new RunContext(), undefined, { columns: { lat: 'Y' } }));
    expect(flag).toMatchObject({ ok: false, findings: [{ file: '', code: 'refused' }] });
  });

  it('a bug is not a finding: it is thrown on', async () => {
    await expect(
      attempt(() => {
        throw new TypeError('x is undefined');
      }),
    ).rejects.toThrow(TypeError);
    expect(findingsOf(new RangeError('r'))).toBeUndefined();
  });

  it('reads places of every kind of input: text lines, a workbook cell, a file alone, a Windows path', () => {
    expect(placeOf('a/b.csv:12:7')).toEqual({ file: 'a/b.csv', line: 12, column: 7 });
    expect(placeOf('b.csv:4')).toEqual({ file: 'b.csv', line: 4, column: 1 });
    expect(placeOf('f.xlsx: sheet Sites, row 3, column AB')).toEqual({ file: 'f.xlsx', line: 3, column: 28 });
    expect(placeOf('f.xlsx: sheet Sites, row 9')).toEqual({ file: 'f.xlsx', line: 9, column: 1 });
    expect(placeOf('roads.osm.pbf')).toEqual({ file: 'roads.osm.pbf', line: 1, column: 1 });
    expect(placeOf('C:\\data\\p.csv:2:5')).toEqual({ file: 'C:\\data\\p.csv', line: 2, column: 5 });
    const e = new InputError('p.csv:2:5', 'lat must be a number within ±90', 1);
    expect(e.message).toBe('p.csv:2:5: lat must be a number within ±90');
    expect(e.exitCode).toBe(1);
  });
});

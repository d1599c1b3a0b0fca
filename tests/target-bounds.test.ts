/**
 * A target's counts are bounded like every other number in a plan (desks, capacity, standards):
 * the auditor found `centers: 1e300` validating with 0 errors and timeline printing "centers
 * 1/1e+300 (short by 1e+300) … 1e+300 more must be added".
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TARGET_FACILITIES } from '../src/model/plan.js';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-target-bounds-'));
const SMALL = readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');

describe('target counts', () => {
  it.each(['1e300', '9007199254740993', String(MAX_TARGET_FACILITIES + 1)])(
    'centers: %s is out of range at its place',
    (v) => {
      expect(SMALL).toContain('{ by: 2025, centers: 2, branches: 2 }');
      const f = join(DIR, `t-${v.length}.yaml`);
      writeFileSync(
        f,
        SMALL.replace('{ by: 2025, centers: 2, branches: 2 }', `{ by: 2025, centers: ${v}, branches: 2 }`),
      );
      const line = SMALL.split('\n').findIndex((l) => l.includes('{ by: 2025, centers: 2')) + 1;
      const r = cli(['validate', f]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        new RegExp(`:${line}:\\d+: error targets\\[\\d\\]\\.centers: must be <=${MAX_TARGET_FACILITIES}`),
      );
      expect(cli(['timeline', f]).code).toBe(1);
    },
  );

  it('a recorded miss is bounded the same way', () => {
    const f = join(DIR, 'missed.yaml');
    writeFileSync(
      f,
      SMALL.replace(
        '{ by: 2025, centers: 2, branches: 2 }',
        `{ by: 2025, centers: 2, branches: 2, missed: { reason: late, branches: ${MAX_TARGET_FACILITIES + 1} } }`,
      ),
    );
    const r = cli(['validate', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`missed.branches: must be <=${MAX_TARGET_FACILITIES}`);
  });
});

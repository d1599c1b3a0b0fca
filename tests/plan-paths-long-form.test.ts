/**
 * #29 item 1: inside a git checkout, every path a plan names stays in its repository. The
 * population file has a long form (`population: { file, columns, sheet }`, #30); its `file` is a
 * path the plan names like any other, and a plan in a pull request must not read a file outside
 * the checkout through it.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-long-form-'));
const SMALL = readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');
mkdirSync(join(DIR, 'outside'));
mkdirSync(join(DIR, 'repo', '.git'), { recursive: true });
mkdirSync(join(DIR, 'repo', 'plans'));
writeFileSync(join(DIR, 'outside', 'pop.csv'), 'lat,lon,population\n40.6828,46.3606,100\n');
writeFileSync(join(DIR, 'repo', 'pop.csv'), 'lat,lon,population\n40.6828,46.3606,100\n');
symlinkSync(join(DIR, 'outside'), join(DIR, 'repo', 'linked'));
const plan = (name: string, population: string) => {
  writeFileSync(join(DIR, 'repo', 'plans', name), `${SMALL}population: ${population}\n`);
  return join('repo', 'plans', name);
};

describe("a population file in the plan's long form stays in the repository", () => {
  const outside: [string, string][] = [
    ['up and out', '{ file: ../../outside/pop.csv }'],
    ['through a committed link', '{ file: ../linked/pop.csv, columns: { population: population } }'],
    ['absolute', `{ file: ${join(DIR, 'outside', 'pop.csv')} }`],
  ];
  outside.forEach(([what, population], i) =>
    it(what, () => {
      const p = plan(`out${i}.yaml`, population);
      const v = cli(['validate', p], { cwd: DIR });
      expect(v.code).toBe(1);
      expect(v.stdout).toMatch(
        new RegExp(
          `out${i}\\.yaml:42:\\d+: error population\\.file: '[^']*pop\\.csv' is outside the plan's repository`,
        ),
      );
      const c = cli(['coverage', p], { cwd: DIR });
      expect(c.code).toBe(1);
      expect(c.stderr).not.toContain('100 people');
    }),
  );

  it('a file inside the repository is read, in either form', () => {
    for (const [i, population] of ['../pop.csv', '{ file: ../pop.csv }'].entries()) {
      const p = plan(`in${i}.yaml`, population);
      expect(cli(['validate', p], { cwd: DIR }).code).toBe(0);
      const c = cli(['coverage', p], { cwd: DIR });
      expect(c.code, c.stderr).toBe(0);
      expect(c.stdout).toContain('100 of 100 people covered (100.0%)');
    }
  });
});

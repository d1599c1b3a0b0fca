/**
 * Golden outputs of the default data: each case of tests/golden/cases.json runs the built CLI and its
 * stdout, stderr and exit code must equal the files committed in tests/golden/out/, byte for byte.
 * Other tests check chosen figures; this one notices any change to what a user sees (a wording, a
 * rounding, a column, a provenance line). When a change is meant, regenerate the files with
 * `UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts` and review their diff in the commit
 * (tests/golden/README.md).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

interface GoldenCase {
  /** File stem in out/: lowercase words joined by hyphens. */
  name: string;
  /** Arguments after `dostplan`, run from the repository root. */
  args: string[];
  /** What a reader of the output would check: why the case is worth keeping. */
  why: string;
}

const DIR = join(ROOT, 'tests', 'golden');
const OUT = join(DIR, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const cases: GoldenCase[] = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8'));

// The embedded data, whatever the shell running the tests points DOSTPLAN_DATA at.
delete process.env.DOSTPLAN_DATA;

/** The files one case owns: stdout always; stderr and the exit code only when there is something to say. */
function filesOf(name: string) {
  return { stdout: `${name}.txt`, stderr: `${name}.stderr.txt`, exit: `${name}.exit` };
}

/**
 * Compares `actual` with the committed file (null: the file must not exist). With UPDATE_GOLDEN=1 the
 * file is rewritten (or removed) first, so the run records what the CLI says now.
 */
function settle(file: string, actual: string | null) {
  const path = join(OUT, file);
  if (UPDATE) {
    if (actual === null) rmSync(path, { force: true });
    else writeFileSync(path, actual);
  }
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : null;
  // Both sides are UTF-8 text decoded the same way, so equal strings are equal bytes.
  expect(actual, `${relative(ROOT, path)} (UPDATE_GOLDEN=1 rewrites it; review the diff)`).toBe(expected);
}

describe('golden outputs of the default data (tests/golden/cases.json)', () => {
  it('names every case once, in a form that makes a file name', () => {
    const names = cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of cases) {
      expect(c.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.args.length).toBeGreaterThan(0);
      expect(c.why.length).toBeGreaterThan(0);
    }
  });

  it('keeps no output of a case that is gone', () => {
    const owned = new Set(cases.flatMap((c) => Object.values(filesOf(c.name))));
    const orphans = readdirSync(OUT).filter((f) => !owned.has(f));
    if (UPDATE) for (const f of orphans) rmSync(join(OUT, f));
    else expect(orphans).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.name}: dostplan ${c.args.join(' ')}`, () => {
      const r = cli(c.args);
      const files = filesOf(c.name);
      settle(files.stdout, r.stdout);
      settle(files.stderr, r.stderr === '' ? null : r.stderr);
      // null: killed by a signal, which no case should be.
      settle(files.exit, r.code === 0 ? null : `${r.code}\n`);
    });
  }
});

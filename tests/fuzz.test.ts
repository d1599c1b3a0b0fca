/**
 * The fuzzing harness (tests/fuzz.ts), briefly: a few dozen files per reader in-process and one
 * CLI run each, with a fixed seed so a failure replays. `npm run fuzz` runs FUZZ_RUNS per reader.
 */
import { afterAll, describe, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { FUZZ_DIR, fuzzReader, READERS } from './fuzz.js';

const runs = Number(process.env.FUZZ_RUNS ?? 0);
const inProcess = runs || 25;
const cli = runs ? Math.max(1, Math.round(runs / 25)) : 1;

afterAll(() => spawnSync('rm', ['-rf', FUZZ_DIR]));

describe('fuzzing every reader of untrusted input (fast-check, fixed seed)', () => {
  const timeout = 60_000 + (inProcess + 40 * cli) * 2_000;
  for (const r of READERS)
    it(`${r.name}: exit 0/1/2 only, no stack trace, bounded, nothing quoted`, { timeout }, () =>
      fuzzReader(r, { inProcess, cli }),
    );
});

/**
 * Whatever YAML path reads a plan, validate finds the same problems at the same places. Every
 * committed broken plan (the degenerate ones first: an empty file, comments only, `---`, `~`,
 * nulls everywhere, a scalar or a list at the top, anchors, two documents) is validated twice:
 * as it runs (the fast path where it accepts the file) and with the fast path switched off.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { validateFile } from '../src/load/validate-file.js';
import { RunContext } from '../src/run/run-context.js';
import { FIXTURES } from './helpers.js';

const state = vi.hoisted(() => ({ exactOnly: false, fastAccepted: 0 }));
vi.mock('../src/load/yaml-fast.js', async (original) => {
  const real = await original<typeof import('../src/load/yaml-fast.js')>();
  return {
    ...real,
    parseYamlFast: (text: string, file: string) => {
      if (state.exactOnly) return undefined;
      const parsed = real.parseYamlFast(text, file);
      if (parsed) state.fastAccepted++;
      return parsed;
    },
  };
});

const run = new RunContext();
const dirs = ['invalid', 'valid'].map((d) => join(FIXTURES, d));
const files = [
  ...dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(d, f)),
  ),
  join(FIXTURES, 'multi-problem.yaml'),
].sort();

function findings(file: string, exactOnly: boolean): string[] {
  state.exactOnly = exactOnly;
  try {
    return validateFile(run, file).diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.message}`);
  } finally {
    state.exactOnly = false;
  }
}

describe('fast and exact YAML paths give the same findings', () => {
  it.each(files)('%s', (file) => {
    const exact = findings(file, true);
    expect(findings(file, false)).toEqual(exact);
  });

  it.each(files)('every position is a real line:column of the file: %s', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const d of validateFile(run, file).diagnostics) {
      expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length, `${d.code} line ${d.line}`).toBe(true);
      const width = lines[d.line - 1]!.length;
      expect(
        Number.isInteger(d.column) && d.column >= 1 && d.column <= width + 1,
        `${d.code} ${d.line}:${d.column}`,
      ).toBe(true);
    }
  });

  it('the fast path itself read the degenerate files (the comparison is not exact against exact)', () => {
    for (const name of [
      '40-empty-file',
      '41-comment-only',
      '42-document-marker-only',
      '43-tilde-only',
      '46-null-inside-every-entry',
    ]) {
      state.fastAccepted = 0;
      findings(join(FIXTURES, 'invalid', `${name}.yaml`), false);
      expect(state.fastAccepted, name).toBeGreaterThan(0);
    }
  });
});

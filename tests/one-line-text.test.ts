/**
 * A target's label, a missed target's reason and a waiver's reason are free text and may span
 * lines in the plan (a YAML `|` block). Printed as they are, a line break in them starts a new line
 * of stdout — and `timeline --strict` is the README's CI step, where a line starting `::error::`
 * is a GitHub workflow command: a plan in a pull request could forge annotations (or any line of
 * the log). Text outputs put such text on the line it belongs to.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-one-line-'));
const SMALL = readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');
const forged = (what: string) => `x\n::error file=README.md,line=1::FORGED ${what}\n  ::warning::FORGED ${what}`;

const plan = join(DIR, 'forge.yaml');
writeFileSync(
  plan,
  SMALL.replace(
    '{ by: 2023-12-31, centers: 2 }',
    `{ by: 2023-12-31, centers: 3, label: ${JSON.stringify(forged('label'))}, label_az: ${JSON.stringify(forged('label_az'))}, missed: { centers: 2, reason: ${JSON.stringify(forged('reason'))}, reason_az: ${JSON.stringify(forged('reason_az'))} } }`,
  ).replace(
    '    serves: [AZ-BAR]\n',
    `    serves: [AZ-BAR]\n    waive: { far-from-region: ${JSON.stringify(forged('waiver'))} }\n`,
  ),
);
const other = join(DIR, 'other.yaml');
writeFileSync(
  other,
  readFileSync(plan, 'utf8').replace('opens: 2025', 'opens: 2026').replace('centers: 3, label', 'centers: 1, label'),
);

/** Lines a GitHub runner would read as a workflow command (it trims leading blanks). */
const commandLines = (out: string) => out.split(/\r\n|\r|\n/).filter((l) => l.trim().startsWith('::'));

describe('free text from a plan stays on its own line in text outputs', () => {
  const runs: [string, string[]][] = [
    ['timeline --strict', ['timeline', plan, '--strict']],
    ['timeline --compare', ['timeline', plan, '--compare', other]],
    ['timeline --compare announced', ['timeline', plan, '--compare', 'announced']],
    ['diff --format text', ['diff', plan, other, '--format', 'text']],
    ['diff (Markdown)', ['diff', plan, other]],
  ];
  for (const [what, args] of runs)
    for (const lang of ['en', 'az'])
      it(`${what} --lang ${lang}`, () => {
        const r = cli([...args, '--lang', lang]);
        expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
        expect(r.stdout).toContain('FORGED');
        expect(commandLines(r.stdout)).toEqual([]);
        expect(commandLines(r.stderr)).toEqual([]);
      });

  it('the label and the reasons are still there, each on its target line', () => {
    const r = cli(['timeline', plan]);
    const line = r.stdout.split('\n').find((l) => l.includes('2023-12-31'))!;
    expect(line).toContain('x ::error file=README.md,line=1::FORGED label ::warning::FORGED label');
    expect(line).toContain('FORGED reason');
    expect(r.stdout).toMatch(
      /BAR: far-from-region — x ::error file=README\.md,line=1::FORGED waiver ::warning::FORGED waiver/,
    );
  });
});

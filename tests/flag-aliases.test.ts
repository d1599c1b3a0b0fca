import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

// "basis" names the population basis only (resident | registered); the two rules that used the word
// have their own flags, and the former spelling still works, byte for byte.
const fixture = ['tests/fixtures/valid/capacity.yaml', '--population', 'tests/fixtures/capacity-population.csv'];

function same(older: string[], newer: string[]): string {
  const a = cli(older);
  const b = cli(newer);
  expect(a.code).toBe(0);
  expect(b.code).toBe(0);
  expect(a.stdout).toBe(b.stdout);
  expect(a.stderr).toBe(b.stderr);
  return b.stdout;
}

describe('renamed flags keep their former spelling as an alias', () => {
  it('coverage --basis is --covered-by: the same bytes in JSON and CSV, and the rule reaches the result', () => {
    const json = same(
      ['coverage', '--basis', 'assignment', '--by', 'nation', '--year', '2021', '-f', 'json'],
      ['coverage', '--covered-by', 'assignment', '--by', 'nation', '--year', '2021', '-f', 'json'],
    );
    const byAssignment = JSON.parse(json);
    expect(byAssignment.covered_by).toBe('assignment');
    // Not the default rule: in 2021 five centers serve fewer people by assignment than within distance.
    const byDistance = JSON.parse(cli(['coverage', '--by', 'nation', '--year', '2021', '-f', 'json']).stdout);
    expect(byDistance.covered_by).toBe('distance');
    expect(byAssignment.covered).not.toBe(byDistance.covered);
    same(['coverage', '--basis', 'both', '-f', 'csv'], ['coverage', '--covered-by', 'both', '-f', 'csv']);
  });

  it('capacity --basis is --catchment: the same bytes, and the rule reaches the result', () => {
    const out = same(
      ['capacity', ...fixture, '--year', '2025', '--basis', 'assignment', '-f', 'json'],
      ['capacity', ...fixture, '--year', '2025', '--catchment', 'assignment', '-f', 'json'],
    );
    const byAssignment = JSON.parse(out);
    expect(byAssignment.catchment).toBe('assignment');
    const nearest = JSON.parse(cli(['capacity', ...fixture, '--year', '2025', '-f', 'json']).stdout);
    expect(nearest.catchment).toBe('nearest');
    same(
      ['capacity', ...fixture, '--year', '2025', '--basis', 'assignment', '-f', 'csv'],
      ['capacity', ...fixture, '--year', '2025', '--catchment', 'assignment', '-f', 'csv'],
    );
  });

  it('optimize --model capacity --basis is --catchment', () => {
    const out = same(
      ['optimize', ...fixture, '--model', 'capacity', '-k', '1', '--year', '2025', '--basis', 'nearest', '-f', 'json'],
      [
        'optimize',
        ...fixture,
        '--model',
        'capacity',
        '-k',
        '1',
        '--year',
        '2025',
        '--catchment',
        'nearest',
        '-f',
        'json',
      ],
    );
    expect(JSON.parse(out).catchment).toBe('nearest');
  });

  it('a bad value is refused under either name (exit 2), and help says whose alias the old flag is', () => {
    expect(cli(['coverage', '--basis', 'closest']).code).toBe(2);
    expect(cli(['coverage', '--covered-by', 'closest']).code).toBe(2);
    expect(cli(['capacity', '--basis', 'closest']).code).toBe(2);
    for (const [command, flag] of [
      ['coverage', '--covered-by'],
      ['capacity', '--catchment'],
      ['optimize', '--catchment'],
    ] as const) {
      const help = cli([command, '--help']).stdout.replace(/\s+/g, ' ');
      expect(help).toContain(`--basis <rule> alias of ${flag}`);
    }
  });
});

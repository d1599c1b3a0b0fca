/**
 * A message of several lines (the first five bad points, then what to do, then the swapped-axes
 * hint) reaches stderr as several lines, each named `dostplan:`. Found by the auditor: the sink
 * escaped every newline, so the swapped-axes refusal of issue 22 printed as one line joined by
 * literal "\x0a". Each line starting with `dostplan: ` also keeps a newline smuggled in a file name
 * from ever starting a line of its own (a GitHub workflow command, issue 29).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-stderr-lines-'));

describe('messages on stderr', () => {
  it('a refusal of several lines prints them as lines, each named, with no escaped newline', () => {
    const csv = join(DIR, 'swapped.csv');
    writeFileSync(csv, 'lat,lon,population\n47.1262,40.3758,100\n47.1262,40.4758,200\n');
    const r = cli(['coverage', join(FIXTURES, 'valid', 'hand.yaml'), '--population', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('\\x0a');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.startsWith('dostplan: ')).toBe(true);
    expect(lines[0]).toMatch(/swapped\.csv:2:1: \(lat 47\.1262, lon 40\.3758\) is outside every unit/);
    expect(lines[1]).toMatch(/swapped\.csv:3:1: \(lat 47\.1262, lon 40\.4758\) is outside every unit/);
    expect(lines[2]).toMatch(/swapped\.csv: 2 point\(s\) lie outside/);
    expect(lines[3]).toMatch(/^dostplan: lat and lon look swapped: 2 of the 2 points checked/);
  });

  it('a newline in a file name never starts a line of its own', () => {
    const r = cli(['validate', '--format', 'github', join(DIR, 'x\n::error file=README.md,line=1::forged')]);
    expect(r.code).toBe(2);
    for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) expect(line).not.toMatch(/^::/);
  });
});

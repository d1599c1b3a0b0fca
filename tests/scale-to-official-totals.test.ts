/**
 * #13 item 3: with `--scale-to official` every report states the grid's own total, the official
 * total and the factor. A file that has people in only some units used to print the national
 * official total beside a factor that does not lead to it ("grid 150 → official 10,262,351
 * (factor 3,295.1467)") while the analysis counted 494,272 people: the line must add up, and to
 * the total the report analyses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-scale-'));
const file = join(DIR, 'two-units.csv');
// One place at Ganja's centre, one at Barda's: people in two of the 78 units.
writeFileSync(file, 'lat,lon,population\n40.6828,46.3606,100\n40.3758,47.1262,50\n');
const num = (s: string) => Number(s.replace(/,/g, ''));

describe('--scale-to official on a file with people in two units', () => {
  it('the scaled line adds up (grid × factor = official) and the official total is the one analysed', () => {
    const r = cli(['coverage', '--population', file, '--scale-to', 'official', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    const scale = j.population_source.scale;
    const unit = (code: string) => scale.units.find((u: { code: string }) => u.code === code);
    const official = unit('AZ-GA').official + unit('AZ-BAR').official;
    expect(scale.grid_total).toBe(150);
    expect(scale.official_total).toBe(official);
    expect(scale.factor).toBeCloseTo(official / 150, 4);
    expect(j.population).toBe(official);
    const line = /grid ([\d,]+) → official ([\d,]+) \(factor ([\d,.]+)\)/.exec(r.stderr)!;
    expect(num(line[1]!)).toBe(150);
    expect(num(line[2]!)).toBe(official);
    expect(num(line[3]!) * 150).toBeCloseTo(official, -1);
    // The units with no cells are still named as not scaled.
    expect(r.stderr).toMatch(/not scaled \(no cells or no official figure\): AZ-ABS, /);
  });
});

describe('--scale-to official: the header says the figures are scaled, not the file’s own', () => {
  it('text header in English and Azerbaijani, and JSON population_basis', () => {
    const en = cli(['coverage', '--population', file, '--scale-to', 'official']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain(
      "Population: the user's file, scaled to the official unit totals (--scale-to official).",
    );
    expect(en.stdout).not.toContain('its own figures');
    const az = cli(['coverage', '--population', file, '--scale-to', 'official', '--lang', 'az']);
    expect(az.code, az.stderr).toBe(0);
    expect(az.stdout).toContain('vahidlərin rəsmi əhalisinə uyğunlaşdırılıb');
    expect(az.stdout).not.toContain('öz rəqəmləri');
    const j = JSON.parse(cli(['coverage', '--population', file, '--scale-to', 'official', '--format', 'json']).stdout);
    expect(j.population_basis).toBe('file-scaled');
    // Unscaled, the file's own figures.
    const own = cli(['coverage', '--population', file]);
    expect(own.stdout).toContain("Population: the user's file (its own figures).");
  });
});
